"""Saves survive being interrupted: a process killed while saving leaves the last save whole."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.core import save

ROOT = Path(__file__).resolve().parents[1]

WRITER = """
import sys
from game.content import loader
from game import sim
from game.ai import make_agent
from game.core import save
content = loader.load()
game = sim.play(content, "campaign", 3, {"usa": make_agent("ai"), "ussr": make_agent("ai")}, turns=60)
path = sys.argv[1]
count = 0
while True:
    count += 1
    save.write(path, game.state, {"count": count})
    print(count, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killing_a_save_in_the_middle_leaves_the_last_one_whole(tmp_path):
    path = tmp_path / "autosave.json"
    for round_number in range(4):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT,
                                  stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline().strip() == "1"  # at least one save finished
        time.sleep(0.05 + 0.07 * round_number)  # kill it at a different point each time
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        state, meta = save.read(path)
        assert state.era == "campaign" and meta["count"] >= 1
    leftovers = [p for p in tmp_path.iterdir() if p.name != "autosave.json"]
    # a killed writer may leave its temporary file behind, never a damaged save
    assert all(p.name.startswith(".autosave.json.") for p in leftovers)


def test_a_failed_write_keeps_the_old_save_and_no_litter(tmp_path, content, monkeypatch):
    from game import sim
    from game.ai import make_agent

    game = sim.play(content, "moon", 1, {"usa": make_agent("ai"), "ussr": make_agent("ai")}, turns=1)
    path = tmp_path / "slot.json"
    save.write(path, game.state, {"n": 1})

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        save.write(path, game.state, {"n": 2})
    monkeypatch.undo()
    assert save.read(path)[1]["n"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["slot.json"]
