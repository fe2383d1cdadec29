"""Where the game's bundled data lives: the ``scenarios`` and ``assets`` folders.

In a source checkout they sit at the top level, beside ``game/``. An installed game
(a wheel, pipx, the one-folder desktop build) carries them inside the package as
``game/scenarios`` and ``game/assets``: the build maps them there (pyproject.toml,
``[tool.hatch.build.targets.wheel.force-include]``). This module is the one place that
decides which; everything else asks it.

The data is read as ordinary files (the loader walks folders and reports file names),
so the package must be installed on a file system, as pip, pipx and PyInstaller do;
a game imported from a zip archive is not supported.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def bundled(name: str) -> Path:
    """The folder of bundled data called ``name``: inside the installed package when it
    is there, else the checkout's top-level folder of that name."""
    packaged = resources.files("game") / name
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return CHECKOUT / name


SCENARIOS = bundled("scenarios")
ASSETS = bundled("assets")
