"""Saved games: JSON with a format version, written atomically.

A save holds the whole state, the RNG's included, so a loaded game goes on exactly as
the saved one would have. Writing goes to a temporary file in the same folder, is
flushed to disk and then renamed over the old save: a crash mid-write leaves the
previous save whole.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

from game import __version__
from game.core import schema
from game.core.state import GameState, to_dict

FORMAT = schema.FORMAT
VERSION = schema.VERSION
MAX_SAVE_BYTES = 50_000_000


class SaveError(Exception):
    """A save that cannot be read; the message names the file and what is wrong."""


def dumps(state: GameState, meta: dict | None = None) -> str:
    """The save's text: standard JSON only (a NaN or Infinity is a bug, refused here).
    ``format``, ``version`` and ``meta`` come first, so that ``read_header`` finds them
    in the first bytes without reading the game. "game" says which release wrote the save,
    for people and bug reports; only "version", the format's, decides whether it can be read."""
    try:
        return json.dumps({"format": FORMAT, "version": VERSION, "meta": meta or {}, "game": __version__,
                           "state": to_dict(state)}, separators=(",", ":"), allow_nan=False)
    except ValueError as err:
        raise SaveError(f"the game cannot be saved: {err}") from None


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
    """Load a save; raises SaveError with a message naming the file. Only a regular file
    is read (a FIFO or a device would hang or never end), and its size is checked first."""
    path = Path(path)
    try:
        raw = read_regular(path, MAX_SAVE_BYTES)
    except OSError as err:
        raise SaveError(f"{path}: cannot be read ({err.strerror or err})") from None
    except ValueError as err:
        raise SaveError(f"{path}: {err}") from None
    return loads(raw, str(path))


def read_regular(path: Path, limit: int, whole: bool = True, follow: bool = True) -> bytes:
    """The bytes of a regular file (at most ``limit``, or ValueError if larger and
    ``whole``), opened without blocking so that a FIFO is never waited on; with
    ``follow=False`` a symbolic link is not followed either."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags if follow else flags | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a regular file (a folder, device or pipe), so not a save")
        if whole and info.st_size > limit:
            raise ValueError(f"{info.st_size:,} bytes, too large to be a save (at most {limit:,})")
        chunks, left = [], limit + 1 if whole else limit
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if whole and len(data) > limit:
        raise ValueError(f"too large to be a save (at most {limit:,} bytes)")
    return data


def loads(raw: bytes | str, name: str = "save") -> tuple[GameState, dict]:
    """A save's state and meta, every field checked against ``game.core.schema``."""
    try:
        version, meta, state = schema.parse(raw)
    except schema.SchemaProblem as err:
        raise SaveError(f"{name}: {err}") from None
    if version > VERSION:
        raise SaveError(f"{name}: saved by a newer version of the game (format {version}; this one reads {VERSION})")
    if version < schema.OLDEST:
        raise SaveError(f"{name}: format {version} is too old to read")
    try:
        schema.check(state)
    except schema.SchemaProblem as err:
        raise SaveError(f"{name}: the saved game is damaged or edited: {err}") from None
    return state, meta


def check_against(content, state: GameState, name: str = "save") -> None:
    """Refuse a save whose ids the loaded scenarios do not know (say, a mod since removed)
    or give to the wrong side."""
    try:
        schema.check_content(content, state)
    except schema.SchemaProblem as err:
        raise SaveError(f"{name}: {err}") from None


HEADER_BYTES = 16_384  # the most of a save the list of saves reads
_PREFIX = f'{{"format":"{FORMAT}","version":'


def read_header(path: Path, follow: bool = True) -> dict:
    """A save's meta from its first bytes, without reading or building the game: ``dumps``
    writes the format, version and meta first. A save written some other way (by hand)
    is read whole if it is small. Raises SaveError with a short reason."""
    try:
        head = read_regular(Path(path), HEADER_BYTES, whole=False, follow=follow)
        text = head.decode("utf-8", errors="replace")
        if text.startswith(_PREFIX):
            decoder = json.JSONDecoder()
            version, end = decoder.raw_decode(text, len(_PREFIX))
            if not text.startswith(',"meta":', end):
                raise ValueError("no meta")
            meta, _ = decoder.raw_decode(text, end + len(',"meta":'))
        else:
            data = json.loads(read_regular(Path(path), 1_000_000, follow=follow))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise SaveError("not a Space Race save")
            version, meta = data.get("version"), data.get("meta", {})
    except OSError as err:
        raise SaveError(f"cannot be read ({err.strerror or err})") from None
    except (ValueError, RecursionError) as err:
        reason = str(err) if "regular file" in str(err) or "too large" in str(err) else "damaged"
        raise SaveError(reason) from None
    if not isinstance(version, int) or not isinstance(meta, dict):
        raise SaveError("damaged")
    if version > VERSION:
        raise SaveError(f"saved by a newer version of the game (format {version})")
    return meta
