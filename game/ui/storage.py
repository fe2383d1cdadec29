"""The data folder: settings, saved games and screenshots.

``$SPACERACE_HOME`` when set, else the platform's user data folder. Saves go through
``game.core.save`` (JSON with a format version, written atomically); this module only
names, lists and prunes them.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.core import save

AUTOSAVES_KEPT = 5
QUICKSAVE = "quicksave.json"
WINDOW_SIZES = ((1024, 600), (1280, 720), (1600, 900), (1920, 1080))


def data_dir() -> Path:
    home = os.environ.get("SPACERACE_HOME")
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir("spacerace"))


@dataclass
class Settings:
    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    volume: float = 0.5  # 0-1
    palette: str = "navy"
    muted: bool = False
    guide: bool = True  # the first-game guide's hints
    ask_empty_turn: bool = True  # ask before ending a turn with nothing booked and money unspent

    @classmethod
    def from_dict(cls, data: dict) -> Settings:
        known = {f.name: f.type for f in fields(cls)}
        kept = {k: v for k, v in data.items() if k in known}
        settings = cls(**kept)
        # a hand-edited file must not open a window of zero or absurd size
        settings.width = min(7680, max(1024, int(settings.width)))
        settings.height = min(4320, max(600, int(settings.height)))
        settings.volume = min(1.0, max(0.0, float(settings.volume)))
        settings.fullscreen = bool(settings.fullscreen)
        settings.muted = bool(settings.muted)
        settings.guide = bool(settings.guide)
        settings.ask_empty_turn = bool(settings.ask_empty_turn)
        return settings


@dataclass(frozen=True)
class SaveInfo:
    path: Path
    kind: str  # auto | quick | named
    name: str
    meta: dict
    modified: float
    problem: str = ""  # why the file cannot be read, when it cannot

    @property
    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(self.modified))


class Storage:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else data_dir()
        self.saves = self.root / "saves"
        self.screenshots = self.root / "screenshots"
        self.settings_file = self.root / "settings.json"
        self.mods = self.root / "mods"

    def mod_folders(self) -> list[Path]:
        """Each folder under mods/ is a mod, laid over the scenarios in name order."""
        if not self.mods.is_dir():
            return []
        return sorted(p for p in self.mods.iterdir() if p.is_dir() and not p.name.startswith("."))

    # --- settings -------------------------------------------------------------------

    def load_settings(self) -> Settings:
        try:
            data = json.loads(self.settings_file.read_text(encoding="utf-8"))
            return Settings.from_dict(data if isinstance(data, dict) else {})
        except (OSError, ValueError, TypeError):
            return Settings()  # a missing or broken settings file means the defaults

    def save_settings(self, settings: Settings) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.settings_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(tmp, self.settings_file)

    # --- saves ----------------------------------------------------------------------

    def autosave(self, state, meta: dict) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() % 1_000_000:06d}"
        path = self.saves / f"autosave-{stamp}.json"
        save.write(path, state, meta)
        for old in self._autosaves()[AUTOSAVES_KEPT:]:
            old.unlink(missing_ok=True)
        return path

    def _autosaves(self) -> list[Path]:
        """Newest first."""
        found = list(self.saves.glob("autosave-*.json")) if self.saves.is_dir() else []
        return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)

    def quicksave(self, state, meta: dict) -> Path:
        path = self.saves / QUICKSAVE
        save.write(path, state, meta)
        return path

    @property
    def quicksave_path(self) -> Path:
        return self.saves / QUICKSAVE

    def named_save(self, name: str, state, meta: dict) -> Path:
        path = self.saves / f"{safe_name(name)}.json"
        save.write(path, state, {**meta, "label": name.strip()})
        return path

    def list_saves(self) -> list[SaveInfo]:
        """Every save in the folder, newest first, each with its meta (read without
        building the whole game, so a long list opens quickly)."""
        if not self.saves.is_dir():
            return []
        infos = []
        for path in self.saves.glob("*.json"):
            kind = "auto" if path.name.startswith("autosave-") else "quick" if path.name == QUICKSAVE else "named"
            meta, problem = {}, ""
            try:
                data = json.loads(path.read_bytes())
                if not isinstance(data, dict) or data.get("format") != save.FORMAT:
                    problem = "not a Space Race save"
                else:
                    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
            except (OSError, ValueError) as err:
                problem = f"damaged ({type(err).__name__})"
            turn = f", turn {meta['turn'] + 1}" if isinstance(meta.get("turn"), int) else ""
            name = meta.get("label") or {"auto": f"Autosave{turn}", "quick": f"Quick save{turn}"}.get(kind, path.stem)
            infos.append(SaveInfo(path, kind, str(name), meta, path.stat().st_mtime, problem))
        return sorted(infos, key=lambda i: i.modified, reverse=True)

    def latest_save(self) -> SaveInfo | None:
        return next((i for i in self.list_saves() if not i.problem), None)

    # --- screenshots ----------------------------------------------------------------

    def screenshot_path(self) -> Path:
        self.screenshots.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = self.screenshots / f"spacerace-{stamp}.png"
        number = 2
        while path.exists():
            path = self.screenshots / f"spacerace-{stamp}-{number}.png"
            number += 1
        return path


def safe_name(name: str) -> str:
    """A file name from what the player typed: letters, digits, '-' and '_' only."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", name.strip()).strip("-")[:60]
    if not cleaned or cleaned.startswith("autosave") or cleaned == "quicksave":
        cleaned = f"save-{cleaned}" if cleaned else "save"
    return cleaned
