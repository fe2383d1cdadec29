"""Loading scenario folders into typed content, and saying precisely what is wrong.

A scenario folder holds ``programmes.yaml``, ``missions.yaml``, ``firsts.yaml`` (and
``sides.yaml``, ``pads.yaml``, ``faults.yaml``, ``roads.yaml``, ``levels.yaml``, ``history.yaml``),
``eras/*.yaml`` (one era each) and ``events/*.yaml``. A mod is a folder of the same
shape laid over the bundled one: an entry with an id already known replaces it, a new
id adds to it. Every problem is reported at once, as ``FILE:LINE: field.path: message``.
"""

from __future__ import annotations

import contextlib
import functools
import os
import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError
from pydantic.dataclasses import is_pydantic_dataclass

from game import resources
from game.content import clauses, yamlio
from game.content.model import (
    SIDES,
    Content,
    EraDef,
    EventsFile,
    FaultsFile,
    FirstsFile,
    HistoryFile,
    HistoryLaunch,
    HistorySide,
    LevelsFile,
    MissionsFile,
    PadsFile,
    ProgrammesFile,
    RoadsFile,
    SidesFile,
    nearest_hint,
)
from game.core import dates, rules

BUNDLED = resources.SCENARIOS
ART_KEYS = "art_keys.yaml"  # the keys the UI draws, published in assets/
ONE_OF = {"phases": "phase", "scenes": "scene", "vehicles": "vehicle", "grounds": "ground", "people": "person"}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return _printable(f"{self.file}:{self.line}: {where}{self.message}")


def _printable(text: str) -> str:
    """A message for a terminal or the window: a control character from a file (an escape
    sequence in a key, say) is shown as its escape, never sent as it is."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


class ContentError(Exception):
    """Raised by ``load`` when the content has problems; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the scenario files")
        self.problems = problems


# --- pydantic errors into our messages ----------------------------------------------------

def _model_at(model: type, loc: tuple) -> type | None:
    """The model class that holds the field at ``loc`` (for suggesting field names)."""
    current: typing.Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if isinstance(current, clauses.Slot):  # a clause's name: the model it is read into
            current = clauses.NAMES[current.what].get(part)
            continue
        if not _is_model(current):
            return None
        fields = current.__pydantic_fields__
        info = fields.get(part) or next((f for f in fields.values() if f.alias == part), None)
        if info is None:
            return current
        slot = next((m for m in info.metadata if isinstance(m, clauses.Slot)), None)
        current = slot or _inner_model(info.annotation)
    return current if _is_model(current) else None


def _is_model(value) -> bool:
    return isinstance(value, type) and is_pydantic_dataclass(value)


def _inner_model(annotation):
    if _is_model(annotation):
        return annotation
    slot = next((m for m in getattr(annotation, "__metadata__", ()) if isinstance(m, clauses.Slot)), None)
    if slot is not None:
        return slot
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _field_names(model: type) -> list[str]:
    return [f.alias or name for name, f in model.__pydantic_fields__.items()]


@functools.cache
def _adapter(model: type) -> TypeAdapter:
    return TypeAdapter(model)


def validate(model: type, data):
    """Build a content model from parsed YAML, or raise pydantic's ValidationError."""
    return _adapter(model).validate_python(data)


def _as_written(root, loc: tuple) -> tuple:
    """An error's location as the file has it: without the steps a clause's short form
    leaves out (``support: 5`` for ``support: {amount: 5}``)."""
    out, node, skip, renamed = [], root, 0, {}
    for part in loc:
        if skip:
            skip -= 1
            continue
        part = renamed.pop(part, part) if isinstance(part, str) else part
        out.append(part)
        parent = node
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
        else:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(parent, dict) and len(parent) == 1 and isinstance(part, str):
            skip, renamed = clauses.as_written("effect" if "effects" in out else "condition", part, node)
    return tuple(out)


def _readable_path(root, loc: tuple) -> str:
    parts, node = [], root
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else part
            parts.append(f"[{label}]")
            node = item
        else:
            parts.append(("." if parts else "") + str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return "".join(parts)


def _message(error: dict, model: type, root) -> str:
    kind, loc = error["type"], error["loc"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        holder = _model_at(model, loc[:-1])
        names = _field_names(holder) if holder else []
        hint = nearest_hint(str(loc[-1]), names)
        return f"unknown field {loc[-1]!r}{hint}" + (f"; expected one of: {', '.join(names)}" if not hint else "")
    if kind == "missing":
        return "this field is required"
    if kind in ("model_type", "dataclass_type", "dict_type"):
        holder = _model_at(model, loc)
        names = ", ".join(_field_names(holder)) if holder else "keys and values"
        return f"expected a mapping (of {names}), got {_kind_of(error.get('input'))}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",")]
        given = error.get("input")
        return f"expected {expected}, got {given!r}" + (nearest_hint(str(given), options) if given else "")
    message = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    given = error.get("input")
    if kind not in ("value_error",) and not isinstance(given, (dict, list)):
        message = f"{message[0].lower()}{message[1:]}, got {given!r}"
    return message


def _kind_of(value) -> str:
    for kind, name in ((dict, "a mapping"), (list, "a list"), (str, "text"), (type(None), "nothing")):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _validate(model: type, root, file: str) -> tuple[typing.Any, list[Problem]]:
    try:
        return validate(model, root), []
    except ValidationError as err:
        problems = []
        errors = err.errors(include_url=False)
        failed = [e["loc"] for e in errors]
        for error in errors:
            loc = _as_written(root, tuple(p for p in error["loc"] if p not in ("function-after", "function-before")))
            if error["type"] == "too_short" and any(f[:len(error["loc"])] == error["loc"] and f != error["loc"]
                                                    for f in failed):
                continue  # a list "too short" only because its items failed: those errors say why
            problems.append(Problem(file, yamlio.line_of(root, loc), _readable_path(root, loc),
                                    _message(error, model, root)))
        return None, problems


# --- reading files ------------------------------------------------------------------------

@dataclass
class _Entry:
    """One definition, remembering where it came from for later messages."""

    value: typing.Any
    file: str
    root: typing.Any
    loc: tuple
    folder: Path | None = None  # the scenario or mod folder it came from


@dataclass
class _Pool:
    programmes: dict[str, _Entry] = field(default_factory=dict)
    missions: dict[str, _Entry] = field(default_factory=dict)
    firsts: dict[str, _Entry] = field(default_factory=dict)
    eras: dict[str, _Entry] = field(default_factory=dict)
    events: dict[str, _Entry] = field(default_factory=dict)
    event_files: dict[str, list[str]] = field(default_factory=dict)
    history: dict[str, _Entry] = field(default_factory=dict)  # side -> its part of history.yaml
    sides: dict[str, _Entry] = field(default_factory=dict)
    pads: dict[str, _Entry] = field(default_factory=dict)
    faults: dict[str, _Entry] = field(default_factory=dict)
    roads: dict[str, _Entry] = field(default_factory=dict)
    levels: dict[str, _Entry] = field(default_factory=dict)
    history_launches: dict[str, list[int]] = field(default_factory=dict)  # side -> each launch's index in the file
    problems: list[Problem] = field(default_factory=list)


def _display(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base.parent))
    except ValueError:
        return str(path)


def _read(path: Path, base: Path, pool: _Pool, if_empty: str):
    """The file's YAML and its name for messages; None (with the problem noted) if it
    cannot be read or holds nothing."""
    name = _display(path, base)
    try:
        root = yamlio.load_file(path)
    except yamlio.YamlProblem as err:
        pool.problems.append(Problem(name, err.line, "", err.message))
        return None, name
    if root is None:
        pool.problems.append(Problem(name, 1, "", if_empty))
    return root, name


HISTORY_FILE = "history.yaml"
_LISTS = (("programmes.yaml", ProgrammesFile, "programmes"), ("missions.yaml", MissionsFile, "missions"),
          ("firsts.yaml", FirstsFile, "firsts"), ("sides.yaml", SidesFile, "sides"),
          ("pads.yaml", PadsFile, "pads"), ("faults.yaml", FaultsFile, "faults"),
          ("roads.yaml", RoadsFile, "roads"), ("levels.yaml", LevelsFile, "levels"))


def _add_folder(folder: Path, pool: _Pool) -> None:
    if not folder.is_dir():
        if folder.exists():
            message = (f"a file, not a scenario folder: give the mod's folder, the one that holds "
                       f"programmes.yaml, eras/ and events/ (perhaps {folder.resolve().parent.parent})"
                       if folder.parent.name in ("eras", "events") else
                       f"a file, not a scenario folder: give the mod's folder (perhaps {folder.resolve().parent})")
        else:
            message = "not a scenario folder (no such directory)"
        pool.problems.append(Problem(str(folder), 0, "", message))
        return
    known = {n for n, _, _ in _LISTS} | {"eras", "events", HISTORY_FILE}
    for child in sorted(folder.iterdir()):
        if child.name.startswith(".") or child.name in known or child.name.lower().endswith((".md", ".txt")):
            continue
        hint = nearest_hint(child.name, sorted(known))
        pool.problems.append(Problem(_display(child, folder), 0, "",
                                     f"not part of a scenario folder{hint}; expected {', '.join(sorted(known))}"))
    for filename, model, key in _LISTS:
        path = folder / filename
        if os.path.lexists(path):  # a broken link is reported, not skipped
            _add_list_file(path, folder, model, key, pool)
    for path in sorted((folder / "eras").glob("*.y*ml")):
        root, name = _read(path, folder, pool, "the file is empty")
        if root is None:
            continue
        era, problems = _validate(EraDef, root, name)
        pool.problems.extend(problems)
        if era is not None:
            if era.id != path.stem:
                pool.problems.append(Problem(name, yamlio.line_of(root, ("id",)), "id",
                                             f"an era's id must match its file name ({path.stem!r})"))
            pool.eras[era.id] = _Entry(era, name, root, ())
    for path in sorted((folder / "events").glob("*.y*ml")):
        _add_list_file(path, folder, EventsFile, "events", pool, group=path.stem)
    if os.path.lexists(folder / HISTORY_FILE):
        _add_history(folder / HISTORY_FILE, folder, pool)


def _add_history(path: Path, folder: Path, pool: _Pool) -> None:
    root, name = _read(path, folder, pool, "the file is empty; expected a mapping with 'usa:' or 'ussr:'")
    if root is None:
        return
    parsed, problems = _validate(HistoryFile, root, name)
    pool.problems.extend(problems)
    for side in SIDES:
        if parsed is not None:
            part = getattr(parsed, side)
            indexes = list(range(len(part.launches))) if part is not None else []
        else:  # keep what is good, so that the cross-checks still run
            part, indexes = _salvage_history(root, side)
        if part is not None:  # a mod's file replaces the sides it gives
            pool.history[side] = _Entry(part, name, root, (side,), folder)
            pool.history_launches[side] = indexes


def _salvage_history(root, side: str) -> tuple[HistorySide | None, list[int]]:
    raw = root.get(side) if isinstance(root, dict) else None
    if not isinstance(raw, dict):
        return None, []
    programmes = raw.get("programmes")
    good = {}
    for pid, quarter in (programmes.items() if isinstance(programmes, dict) else ()):
        with contextlib.suppress(ValidationError):
            good.update(validate(HistorySide, {"programmes": {pid: quarter}}).programmes)
    launches = raw.get("launches")
    kept = []
    for index, item in enumerate(launches if isinstance(launches, list) else ()):
        with contextlib.suppress(ValidationError):
            kept.append((index, validate(HistoryLaunch, item)))
    part = HistorySide(programmes=good, launches=tuple(launch for _, launch in kept))
    return part, [index for index, _ in kept]


def _add_list_file(path: Path, folder: Path, model, key: str, pool: _Pool, group: str | None = None) -> None:
    root, name = _read(path, folder, pool, f"the file is empty; expected a mapping with '{key}:'")
    if root is None:
        return
    parsed, problems = _validate(model, root, name)
    pool.problems.extend(problems)
    items = list(enumerate(getattr(parsed, key))) if parsed is not None else _salvage(model, key, root, name)
    table = getattr(pool, key)
    seen: dict[str, int] = {}
    for index, item in items:
        loc = (key, index)
        if item.id in seen:
            pool.problems.append(Problem(name, yamlio.line_of(root, loc + ("id",)), f"{key}[{item.id}]",
                                         f"the id {item.id!r} is used twice in this file "
                                         f"(first at line {seen[item.id]})"))
            continue
        seen[item.id] = yamlio.line_of(root, loc + ("id",))
        earlier = table.get(item.id)
        if earlier is not None and earlier.folder == folder:  # a mod may replace an id; one folder may not repeat it
            pool.problems.append(Problem(name, seen[item.id], f"{key}[{item.id}]",
                                         f"the id {item.id!r} is already used in {earlier.file}"))
            continue
        table[item.id] = _Entry(item, name, root, loc, folder)
        if group is not None:
            ids = pool.event_files.setdefault(group, [])
            if item.id not in ids:
                ids.append(item.id)


def _salvage(model, key, root, name):
    """When a list file has errors, keep its good entries so cross-checks still run."""
    if not isinstance(root, dict) or not isinstance(root.get(key), list):
        return []
    item_model = _inner_model(model.__pydantic_fields__[key].annotation)
    good = []
    for index, raw in enumerate(root[key]):
        with contextlib.suppress(ValidationError):  # already reported
            good.append((index, validate(item_model, raw)))
    return good


# --- cross-checks -------------------------------------------------------------------------

def _cross_check(pool: _Pool) -> None:
    problems = pool.problems

    def report(entry: _Entry, sub: tuple, message: str) -> None:
        loc = entry.loc + sub
        problems.append(Problem(entry.file, yamlio.line_of(entry.root, loc),
                                _readable_path(entry.root, loc), message))

    def ref(entry, sub, value, table, what):
        if value not in table:
            report(entry, sub, f"unknown {what} {value!r}{nearest_hint(value, table)}")
            return False
        return True

    for entry in pool.programmes.values():
        for i, req in enumerate(entry.value.requires):
            if ref(entry, ("requires", i), req, pool.programmes, "programme") \
                    and pool.programmes[req].value.side not in (entry.value.side, "both"):
                report(entry, ("requires", i), f"{req!r} belongs to the other side")
    _check_cycles(pool, report)
    _check_missions(pool, report, ref)
    _check_milestone_cycles(pool, report)
    _check_art(pool, report)
    _check_sides(pool, report, ref)
    _check_pads(pool, report, ref)
    _check_faults(pool, report, ref)
    _check_roads(pool, report, ref)
    for entry in pool.eras.values():
        _check_era(pool, entry, report, ref)
    _check_history(pool, report)
    _check_clauses(pool, ref, report)


def _check_missions(pool: _Pool, report, ref) -> None:
    """A mission's firsts, milestones and the capabilities it needs and its steps use exist."""
    capabilities = {c for e in pool.programmes.values() for c in e.value.provides}
    for entry in pool.missions.values():
        mission = entry.value
        for i, first in enumerate(mission.firsts):
            ref(entry, ("firsts", i), first, pool.firsts, "first")
        for i, need in enumerate(mission.needs):
            if need not in capabilities:
                report(entry, ("needs", i), f"no programme provides {need!r}{nearest_hint(need, capabilities)}")
        for i, before in enumerate(mission.after):
            ref(entry, ("after", i), before, pool.missions, "mission")
        if mission.escape_by is not None and mission.escape_by not in capabilities:
            report(entry, ("escape_by",), f"no programme provides {mission.escape_by!r}"
                   f"{nearest_hint(mission.escape_by, capabilities)}")
        for i, extra in enumerate(mission.second_craft):
            if extra not in mission.needs:
                report(entry, ("second_craft", i), f"{extra!r} is not among the mission's needs")
        for i, step in enumerate(mission.steps):
            if step.uses in ("rocket", "spacecraft"):
                if step.uses == "spacecraft" and not mission.spacecraft:
                    report(entry, ("steps", i, "uses"), "this mission flies no spacecraft")
            elif step.uses not in capabilities:
                report(entry, ("steps", i, "uses"), f"expected rocket, spacecraft or a capability; "
                       f"no programme provides {step.uses!r}{nearest_hint(step.uses, capabilities)}")


def _check_era(pool: _Pool, entry: _Entry, report, ref) -> None:
    """An era's goal and event files exist; each side's start names its own programmes, road
    and built hardware, and nothing flown before it could fly."""
    era = entry.value
    ref(entry, ("goal", "first"), era.goal.first, pool.firsts, "first")
    for i, name in enumerate(era.events):
        if name not in pool.event_files:
            report(entry, ("events", i), f"no event file events/{name}.yaml{nearest_hint(name, pool.event_files)}")
    for side in SIDES:
        start = era.side(side)
        for pid in start.programmes:
            if ref(entry, (side, "programmes", pid), pid, pool.programmes, "programme") \
                    and pool.programmes[pid].value.side not in (side, "both"):
                report(entry, (side, "programmes", pid), f"{pid!r} is not a {side} programme")
        for first in start.firsts:
            ref(entry, (side, "firsts", first), first, pool.firsts, "first")
        if start.road is not None and ref(entry, (side, "road"), start.road, pool.roads, "road") \
                and pool.roads[start.road].value.side != side:
            report(entry, (side, "road"), f"{start.road!r} is a road of the other side")
        for article in start.articles:
            if article not in start.programmes:
                report(entry, (side, "articles", article), f"{article!r} is built but not among the side's "
                       f"programmes at the start{nearest_hint(article, start.programmes)}")
            elif article in pool.programmes and pool.programmes[article].value.kind == "component":
                report(entry, (side, "articles", article), f"{article!r} is a component: only rockets and "
                       f"spacecraft are built for a flight")
        for pid, spec in start.programmes.items():
            earliest = pid in pool.programmes and pool.programmes[pid].value.earliest
            if earliest and spec.flights and dates.parse_quarter(era.start) < dates.parse_quarter(earliest):
                report(entry, (side, "programmes", pid), f"{pid!r} has flown before the era opens "
                       f"({era.start}), but it cannot fly before {earliest}")


def _check_clauses(pool: _Pool, ref, report) -> None:
    """Every programme, first, event, mission and era an event's clauses name must exist,
    and so must the choice a ``choice_made`` names."""
    tables = {"programme": pool.programmes, "first": pool.firsts, "event": pool.events, "mission": pool.missions,
              "era": pool.eras, "road": pool.roads}
    for entry in pool.events.values():
        event = entry.value
        todo = [(("trigger", "conditions", i), c) for i, c in enumerate(event.trigger.conditions)]
        todo += [(("trigger", "dynamic", i), c) for i, c in enumerate(event.trigger.dynamic or ())]
        todo += [(("choices", j, "effects", i), c) for j, choice in enumerate(event.choices)
                 for i, c in enumerate(choice.effects)]
        while todo:
            sub, clause = todo.pop()
            written = _written_name(entry, sub) or clause.type
            for kind, value in clauses.references(clause):
                ref(entry, sub + (written,), value, tables[kind], kind)
            if clause.type == "choice_made" and clause.event in pool.events:
                choices = [c.id for c in pool.events[clause.event].value.choices]
                if clause.choice not in choices:
                    report(entry, sub + (written,), f"the event {clause.event!r} has no choice {clause.choice!r}"
                           f"{nearest_hint(clause.choice, choices)}")
            parts = clause.parts()
            if written == "not":
                todo += [(sub + ("not",), part) for part in parts]
            elif written in ("all_of", "any_of"):
                todo += [(sub + (written, i), part) for i, part in enumerate(parts)]
            else:  # an old name read as a "not": its condition is written in the same place
                todo += [(sub, part) for part in parts]


def _written_name(entry: _Entry, sub: tuple) -> str | None:
    """The name a clause is written under in its file (an old name, say, for its model's)."""
    node = entry.root
    for part in entry.loc + sub:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            node = node.get(part) if isinstance(node, dict) else None
    return next(iter(node)) if isinstance(node, dict) and len(node) == 1 else None


def _check_history(pool: _Pool, report) -> None:
    """Every programme, mission and date the history rival follows must make sense."""
    for side, entry in pool.history.items():
        _check_history_side(pool, side, entry, pool.history_launches[side], report)


def _check_history_side(pool: _Pool, side: str, entry: _Entry, indexes: list[int], report) -> None:
    history = entry.value
    programmes = pool.programmes

    def mine(sub, pid, kind=None) -> bool:
        if pid not in programmes:
            report(entry, sub, f"unknown programme {pid!r}{nearest_hint(pid, programmes)}")
            return False
        programme = programmes[pid].value
        if programme.side not in (side, "both"):
            report(entry, sub, f"{pid!r} is not a {side} programme")
            return False
        if kind and programme.kind != kind:
            report(entry, sub, f"{pid!r} is a {programme.kind}, not a {kind}")
            return False
        return True

    for pid, quarter in history.programmes.items():
        sub = ("programmes", pid)
        if mine(sub, pid):
            available = programmes[pid].value.available
            if available and dates.parse_quarter(quarter) < dates.parse_quarter(available):
                report(entry, sub, f"{pid!r} cannot start before {available}")
    last = None
    for i, launch in zip(indexes, history.launches, strict=True):
        sub = ("launches", i)
        month = dates.parse_month(launch.month)
        if last is not None and month < last[0]:
            report(entry, sub + ("month",), f"the launches must be in date order: {launch.month} "
                   f"comes after {last[1]}")
        last = (month, launch.month)
        if launch.mission not in pool.missions:
            report(entry, sub + ("mission",), f"unknown mission {launch.mission!r}"
                   f"{nearest_hint(launch.mission, pool.missions)}")
            continue
        mission = pool.missions[launch.mission].value
        rocket_ok = mine(sub + ("rocket",), launch.rocket, "rocket")
        craft_ok = True
        if mission.spacecraft and launch.spacecraft is None:
            report(entry, sub, f"the {mission.name.lower()} needs a spacecraft")
            craft_ok = False
        elif not mission.spacecraft and launch.spacecraft is not None:
            report(entry, sub + ("spacecraft",), f"the {mission.name.lower()} flies no spacecraft")
            craft_ok = False
        elif launch.spacecraft is not None:
            craft_ok = mine(sub + ("spacecraft",), launch.spacecraft, "spacecraft")
        for pid in (launch.rocket, launch.spacecraft):
            if pid in programmes and pid not in history.programmes:
                report(entry, sub, f"{pid!r} flies here but is not among the side's programmes")
            if pid not in programmes:
                continue
            definition, flown = programmes[pid].value, dates.quarter_of_month(*month)
            if definition.earliest and flown < dates.parse_quarter(definition.earliest):
                report(entry, sub + ("month",), f"{pid!r} cannot fly before {definition.earliest}")
            # the history rival orders each flight's hardware its build time ahead
            build = definition.build_quarters
            if definition.last_order and flown - build > dates.parse_quarter(definition.last_order):
                report(entry, sub + ("month",), f"{pid!r} is no longer built then: the last may be ordered in "
                       f"{definition.last_order}, and one takes {build} quarter{'s' if build > 1 else ''} to build")
        if rocket_ok and craft_ok:
            reason = _why_not_fly(mission, programmes[launch.rocket].value,
                                  programmes[launch.spacecraft].value if launch.spacecraft else None,
                                  [e.value for e in programmes.values()], side)
            if reason:
                report(entry, sub, reason)


def _why_not_fly(mission, rocket, spacecraft, everything, side: str) -> str | None:
    """Why a side's rocket and spacecraft can never fly a mission (the rules of ``Game.hardware``), or None."""
    theirs = [p for p in everything if p.side in (side, "both")]
    kinds: dict[str, set[str]] = {}
    for programme in everything:
        for capability in programme.provides:
            kinds.setdefault(capability, set()).add(programme.kind)

    def lightest(capability):
        others = [p for p in theirs if capability in p.provides]
        return min(others, key=lambda p: (p.mass_t, p.id)) if others else None

    reason, _ = rules.why_cannot_fly(mission, rocket, spacecraft, kinds, lightest)
    return reason


def _check_cycles(pool: _Pool, report) -> None:
    state: dict[str, int] = {}  # 1: on the path, 2: done

    for start in pool.programmes:
        if state.get(start):
            continue
        stack = [(start, iter(pool.programmes[start].value.requires))]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif child in pool.programmes:
                if state.get(child) == 1:
                    report(pool.programmes[node], ("requires",), f"requirements go round in a circle through {child!r}")
                elif not state.get(child):
                    state[child] = 1
                    stack.append((child, iter(pool.programmes[child].value.requires)))


def _check_milestone_cycles(pool: _Pool, report) -> None:
    """Milestones may not go round in a circle: each mission's must be flyable first."""
    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for before in pool.missions[start].value.after if start in pool.missions else ():
            if before == target or before not in seen and (seen.add(before) or reaches(before, target, seen)):
                return True
        return False
    for mission_id, entry in pool.missions.items():
        if reaches(mission_id, mission_id, set()):
            report(entry, ("after",), f"milestones go round in a circle back to {mission_id!r}")


def _check_sides(pool: _Pool, report, ref) -> None:
    """Both sides have their traits, and what the traits name exists."""
    missing = [side for side in SIDES if side not in pool.sides]
    if missing and not any(p.file.endswith("sides.yaml") for p in pool.problems):
        pool.problems.append(Problem("sides.yaml", 0, "sides", f"the side(s) {', '.join(missing)} must be defined"))
    capabilities = {c for e in pool.programmes.values() for c in e.value.provides}
    for entry in pool.sides.values():
        priority = entry.value.military_priority
        if priority is None:
            continue
        ref(entry, ("military_priority", "first"), priority.first, pool.firsts, "first")
        if priority.capability not in capabilities:
            report(entry, ("military_priority", "capability"), f"no programme provides {priority.capability!r}"
                   f"{nearest_hint(priority.capability, capabilities)}")


def published_art() -> dict[str, set[str]]:
    """The art keys the UI publishes (assets/art_keys.yaml): what a scenario may declare."""
    path = resources.ASSETS / ART_KEYS
    if not path.is_file():
        return {}
    root = yamlio.load_file(path)
    return {kind: set(keys) for kind, keys in root.items()} if isinstance(root, dict) else {}


def _check_art(pool: _Pool, report) -> None:
    """Declared art names keys the UI draws: a step's phase, a programme's drawing, an event's picture."""
    keys = published_art()
    if not keys:
        return

    def lint(entry, sub, value, kind):
        if value and value not in keys.get(kind, ()):
            report(entry, sub, f"no {ONE_OF[kind]} {value!r} to draw (assets/{ART_KEYS})"
                   f"{nearest_hint(value, sorted(keys.get(kind, ())))}")

    for entry in pool.missions.values():
        for i, step in enumerate(entry.value.steps):
            lint(entry, ("steps", i, "phase"), step.phase, "phases")
    for entry in pool.programmes.values():
        if entry.value.kind != "component":
            lint(entry, ("art",), entry.value.art, "vehicles")
    for entry in pool.events.values():
        art = entry.value.art
        if art is not None:
            for field, kind in (("scene", "scenes"), ("rocket", "vehicles"), ("craft", "vehicles"),
                                ("ground", "grounds"), ("person", "people")):
                lint(entry, ("art", field), getattr(art, field), kind)


def _check_faults(pool: _Pool, report, ref) -> None:
    """A fault names steps that missions have (the named missions, if any), and programmes
    and missions that exist."""
    for entry in pool.faults.values():
        fault = entry.value
        for i, mission in enumerate(fault.missions):
            ref(entry, ("missions", i), mission, pool.missions, "mission")
        for i, pid in enumerate(fault.programmes):
            ref(entry, ("programmes", i), pid, pool.programmes, "programme")
        missions = [pool.missions[m].value for m in fault.missions if m in pool.missions] \
            or [e.value for e in pool.missions.values()]
        steps = {s.id for m in missions for s in m.steps}
        for i, step in enumerate(fault.steps):
            if step not in steps:
                where = "the missions it names" if fault.missions else "any mission"
                report(entry, ("steps", i), f"no step {step!r} in {where}{nearest_hint(step, steps)}")
            elif any(m.steps[0].id == step for m in missions):
                report(entry, ("steps", i), f"{step!r} is a mission's first step: a failure there is on "
                       f"the pad or a loss at lift-off, not a fault in flight")


def _check_pads(pool: _Pool, report, ref) -> None:
    """A pad serves rockets of its own side, and every rocket has a pad to fly from."""
    served = set()
    for entry in pool.pads.values():
        pad = entry.value
        for i, rocket in enumerate(pad.serves):
            if not ref(entry, ("serves", i), rocket, pool.programmes, "programme"):
                continue
            programme = pool.programmes[rocket].value
            if programme.kind != "rocket":
                report(entry, ("serves", i), f"{rocket!r} is a {programme.kind}, not a rocket")
            elif programme.side not in (pad.side, "both"):
                report(entry, ("serves", i), f"{rocket!r} is not a {pad.side} rocket")
            served.add((pad.side, rocket))
        if pad.ready_with is not None:
            ref(entry, ("ready_with", "programme"), pad.ready_with.programme, pool.programmes, "programme")
        if pad.opens and pad.closes and dates.parse_quarter(pad.closes) <= dates.parse_quarter(pad.opens):
            report(entry, ("closes",), f"the pad closes ({pad.closes}) before it opens ({pad.opens})")
    if not pool.pads:
        return  # a scenario without pads.yaml flies from anywhere
    for entry in pool.programmes.values():
        rocket = entry.value
        sides = SIDES if rocket.side == "both" else (rocket.side,)
        for side in sides:
            if rocket.kind == "rocket" and (side, rocket.id) not in served:
                report(entry, ("id",), f"no {side} pad serves the rocket {rocket.id!r} (pads.yaml)")


def _check_roads(pool: _Pool, report, ref) -> None:
    """A road names its side's programmes and missions that exist; each side with roads
    has exactly one marked as history's; a multi-launch mission's other launch exists and
    is not itself multi-launch."""
    for entry in pool.missions.values():
        joint = entry.value.joint
        if joint is not None and ref(entry, ("joint",), joint, pool.missions, "mission"):
            if pool.missions[joint].value.joint is not None:
                report(entry, ("joint",), f"{joint!r} is itself a multi-launch mission: a mission joins one other launch")
            elif joint == entry.value.id:
                report(entry, ("joint",), "a mission cannot be its own other launch")
    for entry in pool.roads.values():
        road = entry.value
        for i, prog in enumerate(road.programmes):
            if ref(entry, ("programmes", i), prog, pool.programmes, "programme") \
                    and pool.programmes[prog].value.side not in (road.side, "both"):
                report(entry, ("programmes", i), f"{prog!r} is not a {road.side} programme")
        for i, mission in enumerate(road.missions):
            ref(entry, ("missions", i), mission, pool.missions, "mission")
    for side in SIDES:
        mine = [e for e in pool.roads.values() if e.value.side == side]
        marked = [e for e in mine if e.value.history]
        if mine and len(marked) != 1:
            report(mine[0], ("history",), f"the {side} roads must mark exactly one as history's "
                   f"(history: true); {len(marked)} are marked")


# --- the public entry points ----------------------------------------------------------------

def check(*mods: Path, bundled: Path = BUNDLED) -> tuple[Content | None, list[Problem]]:
    """Load the bundled scenarios with mods laid over them; every problem, sorted."""
    pool = _Pool()
    _add_folder(Path(bundled), pool)
    for mod in mods:
        _add_folder(Path(mod), pool)
    _cross_check(pool)
    problems = sorted(set(pool.problems))
    if problems:
        return None, problems
    content = Content(
        programmes={k: e.value for k, e in pool.programmes.items()},
        missions={k: e.value for k, e in pool.missions.items()},
        firsts={k: e.value for k, e in pool.firsts.items()},
        eras={k: e.value for k, e in pool.eras.items()},
        events={k: e.value for k, e in pool.events.items()},
        event_files=pool.event_files,
        history={side: e.value for side, e in pool.history.items()},
        sides={k: e.value for k, e in pool.sides.items()},
        pads={k: e.value for k, e in pool.pads.items()},
        faults={k: e.value for k, e in pool.faults.items()},
        roads={k: e.value for k, e in pool.roads.items()},
        levels={k: e.value for k, e in pool.levels.items()},
    )
    return content, []


def load(*mods: Path, bundled: Path = BUNDLED) -> Content:
    content, problems = check(*mods, bundled=bundled)
    if problems:
        raise ContentError(problems)
    return content
