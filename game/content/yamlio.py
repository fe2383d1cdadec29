"""Reading YAML safely, remembering the line of every key and item.

Scenario files are written by modders, so nothing in them may run code or take the
game down. We never construct Python objects from tags: we read the parser's event
stream (libyaml's C parser where present) and build plain dicts, lists and scalars
ourselves, without recursion. That lets us refuse what a scenario never needs and a
hostile file might hold: aliases (the "billion laughs"), explicit tags
(``!!python/object``), duplicate keys, absurd nesting and absurd sizes.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

try:  # the C parser is many times faster; fall back to the pure-Python one
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000


class YamlProblem(Exception):
    """A file that cannot be read as scenario YAML at all."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class YMap(dict):
    """A mapping that knows the line it starts on and the line of each key."""

    __slots__ = ("line", "key_lines")

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.key_lines: dict = {}


class YList(list):
    """A sequence that knows the line it starts on and the line of each item."""

    __slots__ = ("line", "item_lines")

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}
_FALSE = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}


def _scalar(event: yaml.ScalarEvent):
    """The value of a plain scalar, typed the way YAML 1.1 would type it (ints, floats,
    booleans, null); quoted scalars and anything else stay strings, dates included."""
    value = event.value
    if event.tag not in (None, "!"):
        raise YamlProblem(_line(event), f"tags such as {event.tag!r} are not allowed in scenario files")
    if not event.implicit[0] or event.style not in (None, ""):  # quoted or block: a string
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value.replace("_", ""))
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value.replace("_", ""))
    return value


def _line(event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 0


@dataclass
class _Open:
    container: YMap | YList
    pending_key: object = None
    key_line: int = 0
    has_key: bool = False


def _text(text: str | bytes, max_bytes: int) -> str:
    """The file as text, refused if it is too large, not UTF-8, or binary."""
    if isinstance(text, bytes):
        if len(text) > max_bytes:
            raise YamlProblem(1, f"the file is {len(text):,} bytes; scenario files may be at most {max_bytes:,}")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = text[: err.start].count(b"\n") + 1
            raise YamlProblem(line, "the file is not UTF-8 text") from None
    if len(text) > max_bytes:
        raise YamlProblem(1, f"the file is {len(text):,} characters; scenario files may be at most {max_bytes:,}")
    if "\x00" in text:
        raise YamlProblem(text[: text.index("\x00")].count("\n") + 1, "the file holds binary data (NUL bytes)")
    return text


def loads(text: str | bytes, max_bytes: int = MAX_FILE_BYTES):
    """Parse one YAML document into YMap/YList/scalars. Raises YamlProblem."""
    text = _text(text, max_bytes)
    stack: list[_Open] = []
    root = None
    have_root = False
    documents = 0
    nodes = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem(_line(event), "a scenario file holds one YAML document, this is a second")
                continue
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(_line(event), "aliases (*name) are not allowed in scenario files; write the value out")
            if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                nodes += 1
                if nodes > MAX_NODES:
                    raise YamlProblem(_line(event), f"the file has more than {MAX_NODES:,} values")
                if getattr(event, "anchor", None):
                    raise YamlProblem(_line(event), "anchors (&name) are not allowed in scenario files")
                if isinstance(event, yaml.ScalarEvent):
                    value = _scalar(event)
                else:
                    if event.tag not in (None, "!"):
                        raise YamlProblem(_line(event), f"tags such as {event.tag!r} are not allowed in scenario files")
                    if len(stack) >= MAX_DEPTH:
                        raise YamlProblem(_line(event), f"values are nested more than {MAX_DEPTH} deep")
                    value = YMap(_line(event)) if isinstance(event, yaml.MappingStartEvent) else YList(_line(event))
                if stack:
                    _add(stack[-1], value, _line(event))
                else:
                    root, have_root = value, True
                if isinstance(value, (YMap, YList)):
                    stack.append(_Open(value))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        message = f"not valid YAML: {err.problem or err.context}"
        lines = text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            message += " (a tab: YAML indents with spaces only)"
        raise YamlProblem(line, message) from None
    except yaml.YAMLError as err:
        raise YamlProblem(0, f"not valid YAML: {err}") from None
    except RecursionError:  # pragma: no cover - the depth limit should stop this first
        raise YamlProblem(0, "values are nested too deeply") from None
    return root if have_root else None


def _add(top: _Open, value, line: int) -> None:
    container = top.container
    if isinstance(container, YList):
        container.append(value)
        container.item_lines.append(line)
        return
    if not top.has_key:
        if isinstance(value, (YMap, YList)):
            raise YamlProblem(line, "a key must be a plain name, not a list or mapping")
        if value is None or isinstance(value, bool):
            value = str(value).lower() if value is not None else "null"
        top.pending_key, top.key_line, top.has_key = value, line, True
        if value in container:
            raise YamlProblem(line, f"duplicate key {value!r} (first given on line {container.key_lines[value]})")
        return
    key = top.pending_key
    container[key] = value
    container.key_lines[key] = top.key_line
    top.has_key = False


def load_file(path: Path):
    """Read and parse one file. Raises YamlProblem (line 0 for a file that cannot be read).

    Only a regular file is read (a link to /dev/zero would never end, a FIFO never
    answer), opened without blocking, and its size is checked before reading."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise YamlProblem(0, f"cannot read the file: {err.strerror or err}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise YamlProblem(0, "not a regular file (a folder, device or pipe); a scenario file is plain text")
        if info.st_size > MAX_FILE_BYTES:
            raise YamlProblem(1, f"the file is {info.st_size:,} bytes; scenario files may be at most "
                                 f"{MAX_FILE_BYTES:,}")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise YamlProblem(0, f"cannot read the file: {err.strerror or err}") from None
    finally:
        os.close(fd)
    return loads(data)


def line_of(root, path: tuple) -> int:
    """The line of the value at ``path`` (keys and indices) or of its nearest existing parent."""
    node, line = root, getattr(root, "line", 1)
    for part in path:
        if isinstance(node, YMap) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, YList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line
