"""``spacerace desktop``: put Space Race in a Linux desktop's application menu.

Writes a freedesktop.org entry (``spacerace.desktop``) and the icon, drawn by code, as
``spacerace.png`` under the user's data folder (``$XDG_DATA_HOME``, else ``~/.local/share``),
where menus look for them. The entry starts the very command that wrote it, by its full
path: pipx's ``~/.local/bin`` is not always on a menu's PATH.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENTRY = """[Desktop Entry]
Type=Application
Version=1.0
Name=Space Race
GenericName=Strategy game
Comment=A turn-based strategy game of the American-Soviet space race, from the V-2 to the Moon
Exec={command}
Icon={icon}
Terminal=false
Categories=Game;StrategyGame;
Keywords=space;race;rocket;moon;history;strategy;
"""


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def command() -> str:
    """How to start this game again: the frozen app itself, the ``spacerace`` script that is
    running, or this python with ``-m game``."""
    if getattr(sys, "frozen", False):
        return _quote(sys.executable)
    script = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "spacerace" and script.is_file():
        return _quote(str(script))
    return f"{_quote(sys.executable)} -m game"


def _quote(word: str) -> str:
    """An Exec argument as the desktop entry spec quotes it: in double quotes, with \\, ", ` and $
    escaped, when it holds anything but plain characters."""
    if word and all(c.isalnum() or c in "/._-+" for c in word):
        return word
    escaped = ("%%" if c == "%" else "\\" + c if c in '\\"`$' else c for c in word)  # % is the spec's field code
    return '"' + "".join(escaped) + '"'


def entry(icon: Path) -> str:
    return ENTRY.format(command=command(), icon=icon)


def install(home: Path | None = None) -> tuple[Path, Path]:
    """Write the icon and the entry; returns their paths."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # drawing the icon needs no window
    from game.ui import icon

    home = home or data_home()
    icon_path = home / "icons" / "hicolor" / "256x256" / "apps" / "spacerace.png"
    entry_path = home / "applications" / "spacerace.desktop"
    icon_path.parent.mkdir(parents=True, exist_ok=True)
    entry_path.parent.mkdir(parents=True, exist_ok=True)
    icon.save_png(icon_path, 256)
    entry_path.write_text(entry(icon_path), encoding="utf-8")
    return entry_path, icon_path
