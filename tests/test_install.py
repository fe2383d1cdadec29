"""The game as a player installs it: one version number, and a wheel that runs outside the checkout.

The wheel test builds the wheel with the project venv's build backend (no network), unpacks
it with pip into a fresh virtual environment and runs that environment's ``spacerace`` from
a folder outside the checkout. The fresh environment reaches the project venv's third-party
packages (pygame-ce, pydantic, ...) through a ``.pth`` file, so nothing is downloaded; the
``game`` package itself must come from the wheel, and the test checks that it does.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

import game
from game.core import save
from game.core.game import Game

ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
SIM = ("sim", "--era", "survival", "--games", "2", "--seed", "5", "--json")

needs_build = pytest.mark.skipif(
    importlib.util.find_spec("build") is None or importlib.util.find_spec("hatchling") is None,
    reason="the build package and the hatchling backend are needed to build the wheel (pip install '.[test]')")


def test_the_version_is_pyprojects():
    assert game.__version__ == VERSION


def test_a_save_names_the_release_that_wrote_it_and_older_saves_still_load(content):
    state = Game.new(content, "rockets", 1).state
    data = json.loads(save.dumps(state))
    assert data["game"] == VERSION and data["version"] == save.VERSION
    del data["game"]  # as saves written before the header carried it
    loaded, _ = save.loads(json.dumps(data))
    assert save.dumps(loaded) == save.dumps(state)


def test_the_icon_is_a_disc_drawn_by_code():
    from game.ui import icon

    for size in (256, 48):
        picture = icon.draw(size)
        assert picture.get_size() == (size, size)
        assert picture.get_at((0, 0)).a == 0 and picture.get_at((size - 1, size - 1)).a == 0  # round
        assert picture.get_at((size // 2, size // 2)).a > 250  # solid inside
    picture = icon.draw(256)
    colours = {tuple(picture.get_at((x, y)))[:3] for x in range(0, 256, 2) for y in range(0, 256, 2)}
    assert {icon.NIGHT, icon.RIM, icon.MOON, icon.BODY, icon.RED, icon.FLAME} <= colours  # sky, Moon, rocket


def test_the_desktop_entry_quotes_its_command_as_the_spec_asks():
    from game import desktop

    assert desktop._quote("/usr/bin/spacerace") == "/usr/bin/spacerace"
    assert desktop._quote('/opt/my games/$x"100%') == '"/opt/my games/\\$x\\"100%%"'


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh environment with the wheel installed: (the command that runs its spacerace, its python,
    a folder outside the checkout)."""
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    build = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                           capture_output=True, text=True, timeout=120)
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = dist.glob("spacerace-*.whl")
    assert wheel.stat().st_size < 5_000_000, f"the wheel is {wheel.stat().st_size} bytes"
    env_dir = work / "env"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # the project venv's pip unpacks the wheel into the fresh site-packages; --target leaves the project
    # venv's own install alone (--prefix would uninstall it first) and puts the wheel's script in bin/
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                          "--target", str(site), str(wheel)], capture_output=True, text=True, timeout=120)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    # the dependencies from the project venv: appended after the fresh site-packages, which holds the
    # game; the project venv's own editable .pth is not read (.pth files are read only in site dirs)
    (site / "_project_deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    outside = work / "elsewhere"
    outside.mkdir()
    return [str(python), str(site / "bin" / "spacerace")], python, outside


def _run(installed, *args, env=None):
    """The wheel's ``spacerace`` script, run by the fresh environment's python."""
    spacerace, _, outside = installed
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    clean.update(SPACERACE_HOME=str(outside / "home"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", **(env or {}))
    return subprocess.run([*spacerace, *args], cwd=outside, env=clean,
                          capture_output=True, text=True, timeout=60)


@needs_build
def test_the_game_comes_from_the_wheel_with_its_data_inside(installed):
    _, python, outside = installed
    where = subprocess.run([str(python), "-c",
                            "import game, game.resources as r; print(game.__file__); print(r.SCENARIOS); print(r.ASSETS)"],
                           cwd=outside, capture_output=True, text=True, check=True).stdout.split()
    package = Path(where[0]).parent
    assert not package.is_relative_to(ROOT), f"game imported from the checkout: {package}"
    assert Path(where[1]) == package / "scenarios" and Path(where[2]) == package / "assets"


@needs_build
def test_the_installed_command_runs_outside_the_checkout(installed):
    version = _run(installed, "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"spacerace {VERSION}"
    validate = _run(installed, "validate")
    assert validate.returncode == 0 and validate.stdout.startswith("OK: "), validate.stdout + validate.stderr
    sim = _run(installed, *SIM)
    assert sim.returncode == 0, sim.stderr
    here = subprocess.run([sys.executable, "-m", "game", *SIM], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(sim.stdout) == json.loads(here.stdout)


@needs_build
def test_the_installed_command_adds_itself_to_the_desktop_menu(installed):
    import pygame

    spacerace, _, outside = installed
    data = outside / "xdg"
    result = _run(installed, "desktop", env={"XDG_DATA_HOME": str(data)})
    assert result.returncode == 0, result.stderr
    entry = (data / "applications" / "spacerace.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines()[1:] if "=" in line)
    assert entry.startswith("[Desktop Entry]\n") and fields["Type"] == "Application"
    assert fields["Exec"] == spacerace[1]  # the wheel's own script, by its full path
    assert pygame.image.load(fields["Icon"]).get_size() == (256, 256)


@needs_build
def test_the_installed_window_draws_its_first_frame(installed):
    result = _run(installed, "play", "--side", "ussr", "--era", "moon", "--seed", "4",
                  env={"SPACERACE_EXIT_AFTER_FIRST_FRAME": "1"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    said = [line.split()[0] for line in result.stdout.splitlines()]
    assert "frame" in said and "ready" in said
