"""The data folder: settings, saved games and screenshots.

``$SPACERACE_HOME`` when set, else the platform's user data folder. Saves go through
``game.core.save`` (JSON with a format version, written atomically); this module only
names, lists and prunes them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import time
import unicodedata
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
    ask_long_shot: bool = True  # ask before booking a crew on a flight likely to kill it

    @classmethod
    def from_dict(cls, data: dict) -> Settings:
        known = {f.name: f.type for f in fields(cls)}
        kept = {k: v for k, v in data.items() if k in known}
        settings = cls(**kept)
        # a hand-edited file must not open a window of zero or absurd size
        settings.width = min(7680, max(1024, int(settings.width)))
        settings.height = min(4320, max(600, int(settings.height)))
        settings.volume = min(1.0, max(0.0, float(settings.volume)))
        for name in ("fullscreen", "muted", "guide", "ask_empty_turn", "ask_long_shot"):
            setattr(settings, name, _switch(getattr(settings, name), getattr(cls, name)))
        if not isinstance(settings.palette, str):
            settings.palette = "navy"
        return settings


SWITCH_WORDS = {"true": True, "yes": True, "on": True, "1": True, "false": False, "no": False, "off": False, "0": False}


def _switch(value, default: bool) -> bool:
    """An on/off setting from a hand-edited file: true/false, 1/0, or the words a person
    might write ("off", "no"); anything else keeps the default (bool("false") is True)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    return SWITCH_WORDS.get(value.strip().lower(), default) if isinstance(value, str) else default


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
        try:
            return sorted(p for p in self.mods.iterdir() if p.is_dir() and not p.name.startswith("."))
        except OSError:  # no mods folder, or one that cannot be read
            return []

    # --- settings -------------------------------------------------------------------

    def load_settings(self) -> Settings:
        try:  # a regular file only (a FIFO would hang the start), and a small one
            data = json.loads(save.read_regular(self.settings_file, 65_536))
            return Settings.from_dict(data if isinstance(data, dict) else {})
        except (OSError, ValueError, TypeError, ArithmeticError, RecursionError):
            return Settings()  # a missing or broken settings file means the defaults

    def save_settings(self, settings: Settings) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.settings_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(tmp, self.settings_file)

    # --- saves ----------------------------------------------------------------------

    def autosave(self, state, meta: dict) -> Path:
        """A new autosave, numbered after the newest; the oldest beyond AUTOSAVES_KEPT go.
        "Oldest" is by that number, the game's own sequence, never by file times (which
        a copy or a clock change can reorder)."""
        known = self._autosaves()
        number = max((n for n, _ in known), default=0) + 1
        number = max([number] + [_number_in(p.name) + 1 for p in self._autosave_names()])
        path = self.saves / f"autosave-{number:06d}.json"
        save.write(path, state, {**meta, "autosave": number})
        for _, old in self._autosaves()[AUTOSAVES_KEPT:]:
            old.unlink(missing_ok=True)
        return path

    def _autosave_names(self) -> list[Path]:
        try:
            return [Path(e.path) for e in os.scandir(self.saves)
                    if e.name.startswith("autosave-") and e.name.endswith(".json")]
        except OSError:
            return []

    def _autosaves(self) -> list[tuple[int, Path]]:
        """Readable autosaves with their sequence numbers, newest first. One whose header
        cannot be read is left alone (the list shows why); older autosaves without a
        number count as 0 and go by their names, which began with the date."""
        found = []
        for path in self._autosave_names():
            try:
                if not stat.S_ISREG(path.lstat().st_mode):
                    continue
                meta = save.read_header(path, follow=False)
            except (OSError, save.SaveError):
                continue
            number = meta.get("autosave")
            found.append((number if isinstance(number, int) and not isinstance(number, bool) else 0, path))
        return sorted(found, key=lambda item: (item[0], item[1].name), reverse=True)

    def quicksave(self, state, meta: dict) -> Path:
        path = self.saves / QUICKSAVE
        save.write(path, state, meta)
        return path

    @property
    def quicksave_path(self) -> Path:
        return self.saves / QUICKSAVE

    def named_save(self, name: str, state, meta: dict, overwrite: bool = False) -> Path:
        """Save under the player's name for it. A save already at that file is replaced
        only when ``overwrite`` says so (the screen asks first): otherwise SaveExists."""
        label = clean_label(name)
        path = self.saves / f"{safe_name(label)}.json"
        return self.replace(path, state, meta, label, overwrite)

    def replace(self, path: Path, state, meta: dict, label: str, overwrite: bool = True) -> Path:
        try:
            existing = path.lstat()
        except FileNotFoundError:
            existing = None
        if existing is not None:
            if not stat.S_ISREG(existing.st_mode):
                raise save.SaveError(f"{path}: something that is not a save is there (a link, folder or pipe)")
            if not overwrite:
                raise SaveExists(path)
        save.write(path, state, {**meta, "label": label})
        return path

    def list_saves(self) -> list[SaveInfo]:
        """Every save in the folder, newest first, each with its meta. Only each file's
        first bytes are read (``save.read_header``), so a long list opens quickly; what is
        not a regular file (a link, folder or pipe) is never opened, only noted."""
        try:
            entries = list(os.scandir(self.saves))
        except OSError:
            return []
        infos = []
        for entry in entries:
            if not entry.name.endswith(".json") or entry.name.startswith("."):
                continue
            path = Path(entry.path)
            kind = "auto" if entry.name.startswith("autosave-") else "quick" if entry.name == QUICKSAVE else "named"
            meta, problem, modified = {}, "", 0.0
            try:
                info = entry.stat(follow_symlinks=False)
                modified = info.st_mtime
                if not stat.S_ISREG(info.st_mode):
                    problem = "skipped: a link, folder or pipe, not a save file"
                else:
                    meta = {k: (display_text(v) if isinstance(v, str) else v)
                            for k, v in save.read_header(path, follow=False).items()}
            except OSError as err:
                problem = f"cannot be read ({err.strerror or err})"
            except save.SaveError as err:
                problem = display_text(str(err))
            turn = meta.get("turn")
            turn = f", turn {turn + 1}" if isinstance(turn, int) and not isinstance(turn, bool) \
                and 0 <= turn < 10_000 else ""
            label = meta.get("label") if isinstance(meta.get("label"), str) else ""
            name = label or {"auto": f"Autosave{turn}", "quick": f"Quick save{turn}"}.get(
                kind, display_text(path.stem))
            infos.append(SaveInfo(path, kind, name, meta, modified, problem))
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


class SaveExists(Exception):
    """A named save would replace another; the screen asks before it does."""

    def __init__(self, path: Path):
        super().__init__(f"{path.name} already exists")
        self.path = path


MAX_LABEL = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\u2028\u2029]')
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}
_FILE_BYTES = 150  # of the 255 most file systems allow, leaving room for a suffix


def clean_label(name: str) -> str:
    """The label as kept: one line of text, NFC-normalised, without control characters."""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", name)).strip()
    return text[:MAX_LABEL].rstrip()


def display_text(text: str, limit: int = 80) -> str:
    """Text from a file, safe to draw: no control characters (a NUL takes pygame's text
    down) and not longer than ``limit``."""
    text = _CONTROL.sub("\ufffd", text)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def safe_name(name: str) -> str:
    """A file name from what the player typed, in any script: only path separators,
    control characters and what Windows reserves are replaced, and a name that had to be
    changed (or shortened) gets a short hash of the label, so distinct labels give
    distinct files ("Moon try" and "Moon try!", "a/b" and "a-b", "Луна" and "Марс")."""
    label = clean_label(name)
    cleaned = _UNSAFE.sub("-", label).strip(" .")
    changed = cleaned != label
    if len(cleaned.encode("utf-8")) > _FILE_BYTES:
        cleaned = cleaned.encode("utf-8")[:_FILE_BYTES].decode("utf-8", errors="ignore").rstrip(" .")
        changed = True
    lower = cleaned.lower()
    if not cleaned or lower.startswith("autosave") or lower == "quicksave" or lower.split(".")[0] in _RESERVED:
        cleaned = f"save-{cleaned}" if cleaned else "save"
        changed = True
    if changed:
        cleaned += "-" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:8]
    return cleaned


def _number_in(name: str) -> int:
    digits = name.removeprefix("autosave-").removesuffix(".json")
    return int(digits) if digits.isdigit() and len(digits) <= 9 else 0
