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
