"""The command line: validate, sim and --version, as a user runs them."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[1]
BROKEN = ROOT / "tests" / "fixtures" / "broken"


def _run(*args):
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, cwd=ROOT)


def test_version():
    result = _run("--version")
    assert result.returncode == 0 and result.stdout.startswith("spacerace ")


def test_validate_bundled(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ") and out.count("\n") == 1


def test_validate_a_broken_mod_prints_file_line_messages_and_exits_1():
    result = _run("validate", str(BROKEN / "misspelt_field"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(":" in line and line.split(":")[1].isdigit() for line in lines)


def test_validate_a_missing_folder():
    result = _run("validate", "/nonexistent/mod")
    assert result.returncode == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("era", ["rockets", "satellites", "survival", "moon", "campaign"])
def test_sim_json_plays_every_era(era, capsys):
    assert main(["sim", "--era", era, "--games", "2", "--seed", "3", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["era"] == era and report["seed"] == 3 and len(report["games"]) == 2
    for game in report["games"]:
        assert set(game) >= {"seed", "winner", "end", "turns", "firsts", "deaths"}
        assert game["winner"] in ("usa", "ussr", "none")
        for first in game["firsts"].values():
            assert first["side"] in ("usa", "ussr") and len(first["date"]) == 7
    assert sum(report["summary"]["wins"].values()) == 2
    for row in report["summary"]["firsts"].values():
        assert set(row) == {"usa", "ussr", "median_date"}


def test_sim_prints_the_same_bytes_twice():
    args = ("sim", "--era", "survival", "--games", "3", "--seed", "9", "--json", "--usa", "ai:hard",
            "--ussr", "random")
    assert _run(*args).stdout == _run(*args).stdout


def test_sim_table(capsys):
    assert main(["sim", "--era", "satellites", "--games", "2"]) == 0
    out = capsys.readouterr().out
    assert "wins: USA" in out and "first_satellite" in out


def test_workers_give_the_same_games_as_one_process():
    args = ("sim", "--era", "satellites", "--games", "4", "--seed", "2", "--json")
    assert _run(*args, "--workers", "2").stdout == _run(*args).stdout


def test_save_and_load_resume_exactly(tmp_path):
    saved = tmp_path / "game.json"
    first = _run("sim", "--era", "moon", "--seed", "5", "--turns", "6", "--save", str(saved), "--json")
    assert first.returncode == 0 and saved.exists()
    resumed = _run("sim", "--load", str(saved), "--turns", "7", "--json")
    whole = _run("sim", "--era", "moon", "--seed", "5", "--turns", "13", "--json")
    assert resumed.returncode == 0
    assert json.loads(resumed.stdout) == json.loads(whole.stdout)


def test_a_bad_save_exits_2_with_a_message(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "spacerace-save", "version": 1, "state": {"era": 3}}')
    result = _run("sim", "--load", str(bad), "--json")
    assert result.returncode == 2
    assert "bad.json" in result.stderr and "Traceback" not in result.stderr


def test_turns_stops_early(capsys):
    assert main(["sim", "--era", "campaign", "--turns", "8", "--json"]) == 0
    game = json.loads(capsys.readouterr().out)["games"][0]
    assert game["turns"] == 8 and game["winner"] == "none"


# --- hostile arguments: each is refused with one line and exit 2, never a traceback -------------

@pytest.mark.parametrize("args, expected", [
    (("--games", "1000000000"), "--games must be from 1 to"),
    (("--games", "0"), "--games must be from 1 to"),
    (("--games", "-5"), "--games must be from 1 to"),
    (("--turns", "99999999"), "--turns must be from 0 to"),
    (("--turns", "-1"), "--turns must be from 0 to"),
    (("--workers", "0"), "--workers must be at least 1"),
    (("--workers", "-3"), "--workers must be at least 1"),
    (("--seed", str(2**70)), "--seed must fit in 64 bits"),
    (("--save", "/dev/null"), "something other than a file is there"),
    (("--save", "/tmp"), "something other than a file is there"),
])
def test_sim_refuses_arguments_out_of_bounds(args, expected, capsys):
    assert main(["sim", "--era", "rockets", *args]) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1


@pytest.mark.parametrize("args", [("--games", "abc"), ("--workers", "1.5"), ("--era", "mars"), ("--turns", "")])
def test_sim_refuses_arguments_argparse_cannot_read(args):
    result = _run("sim", "--era", "rockets", *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "usage:" in result.stderr


def test_sim_refuses_to_save_over_a_link_a_fifo_or_a_folder(tmp_path):
    import os

    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    os.symlink(target, tmp_path / "link.json")
    os.mkfifo(tmp_path / "fifo.json")
    (tmp_path / "folder.json").mkdir()
    for name in ("link.json", "fifo.json", "folder.json"):
        assert main(["sim", "--era", "rockets", "--turns", "1", "--save", str(tmp_path / name)]) == 2
    assert target.read_text() == "keep me" and (tmp_path / "link.json").is_symlink()
    assert main(["sim", "--era", "rockets", "--turns", "1", "--save", str(tmp_path / "new.json")]) == 0
    assert main(["sim", "--era", "rockets", "--turns", "1", "--save", str(tmp_path / "new.json")]) == 0


def test_sim_workers_are_capped_by_games_and_cores(capsys):
    assert main(["sim", "--era", "rockets", "--games", "1", "--workers", "999", "--json"]) == 0
    captured = capsys.readouterr()
    assert "using 1" in captured.err and json.loads(captured.out)["games"]


def test_validate_a_file_says_to_give_its_folder(tmp_path):
    mod = tmp_path / "mod" / "events"
    mod.mkdir(parents=True)
    (mod / "x.yaml").write_text("events: []\n")
    result = _run("validate", str(mod / "x.yaml"))
    assert result.returncode == 1 and "a file, not a scenario folder" in result.stdout
    assert str(tmp_path / "mod") in result.stdout


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
@pytest.mark.parametrize("signal_name, code, line", [("SIGTERM", 143, "spacerace: terminated"),
                                                     ("SIGINT", 130, "spacerace: interrupted")])
def test_workers_end_with_the_parent(signal_name, code, line):
    import signal
    import time

    run = subprocess.Popen([sys.executable, "-m", "game", "sim", "--era", "campaign", "--games", "2000",
                            "--workers", "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(_children(run.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _children(run.pid)
    assert len(workers) >= 2
    time.sleep(1.0)  # into the games
    run.send_signal(getattr(signal, signal_name))
    _, err = run.communicate(timeout=60)
    assert run.returncode == code and err.strip() == line, err
    deadline = time.monotonic() + 10
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_running(w) for w in workers), "a worker outlived its parent"


def test_sim_load_refuses_what_is_not_a_save_file(tmp_path, capsys):
    import os

    os.mkfifo(tmp_path / "fifo.json")
    (tmp_path / "folder.json").mkdir()
    for path in (tmp_path / "fifo.json", tmp_path / "folder.json", Path("/dev/zero"), tmp_path / "missing.json"):
        assert main(["sim", "--load", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"cannot load: {path}: ") and err.count("\n") == 1
