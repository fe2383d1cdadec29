"""Saved games: JSON with a format version, written atomically.

A save holds the whole state, the RNG's included, so a loaded game goes on exactly as
the saved one would have. Writing goes to a temporary file in the same folder, is
flushed to disk and then renamed over the old save: a crash mid-write leaves the
previous save whole.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from game import __version__
from game.core.state import GameState, from_dict, to_dict

FORMAT = "spacerace-save"
VERSION = 1
MAX_SAVE_BYTES = 50_000_000


class SaveError(Exception):
    """A save that cannot be read; the message names the file and what is wrong."""


def dumps(state: GameState, meta: dict | None = None) -> str:
    # "game" says which release wrote the save, for people and bug reports; only "version",
    # the format's, decides whether a save can be read
    return json.dumps({"format": FORMAT, "version": VERSION, "game": __version__, "meta": meta or {},
                       "state": to_dict(state)}, separators=(",", ":"))


def write(path: Path, state: GameState, meta: dict | None = None) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = dumps(state, meta)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read(path: Path) -> tuple[GameState, dict]:
    """Load a save; raises SaveError with a message naming the file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{path}: too large to be a save")
        raw = path.read_bytes()
    except OSError as err:
        raise SaveError(f"{path}: cannot be read ({err.strerror or err})") from None
    return loads(raw, str(path))


def loads(raw: bytes | str, name: str = "save") -> tuple[GameState, dict]:
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as err:
        raise SaveError(f"{name}: not a save file, or damaged ({err})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SaveError(f"{name}: not a Space Race save")
    version = data.get("version")
    if not isinstance(version, int):
        raise SaveError(f"{name}: the save has no format version")
    if version > VERSION:
        raise SaveError(f"{name}: saved by a newer version of the game (format {version}; this one reads {VERSION})")
    if version < VERSION:
        raise SaveError(f"{name}: format {version} is too old to read")
    try:
        state = from_dict(data["state"])
        _check(state)
    except SaveError:
        raise
    except Exception as err:  # a damaged or edited save can break in many ways
        raise SaveError(f"{name}: the saved game is damaged ({type(err).__name__}: {err})") from None
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    return state, meta


def _check(state: GameState) -> None:
    if set(state.sides) != {"usa", "ussr"}:
        raise SaveError("the save does not hold both sides")
    if not state.start <= state.quarter <= state.end:
        raise SaveError("the save's date is outside its era")


def check_against(content, state: GameState) -> None:
    """Refuse a save whose ids the loaded scenarios do not know (say, a mod since removed)."""
    if state.era not in content.eras:
        raise SaveError(f"the save is for era {state.era!r}, which the scenarios do not have")
    for side in state.sides.values():
        for prog in side.programmes:
            if prog not in content.programmes:
                raise SaveError(f"the save uses programme {prog!r}, which the scenarios do not have")
        for event in side.pending_events:
            if event not in content.events:
                raise SaveError(f"the save waits on event {event!r}, which the scenarios do not have")
        for mission in side.missions:
            if mission.type not in content.missions:
                raise SaveError(f"the save books a {mission.type!r} mission, which the scenarios do not have")
