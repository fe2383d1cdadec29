"""What a saved game may hold: its typed shape, its ranges and its references.

The shape is not written out twice: pydantic reads the JSON straight into the dataclasses
of ``state.py``, strictly (no "50" for 50, no 2.5 for a quarter, no NaN or Infinity, no
unknown keys, no text where a list of ids belongs), so a field added there is checked by
its type with nothing added here. The ranges below go by field name; a field that needs
more than its type's default range is one line in ``LIMITS``. ``check`` then ties the
parts together (each mission on its own side's list, keys that match ids, quarters inside
the era) and ``check_content`` holds the ids to the loaded scenarios.

Every problem is a ``SchemaProblem`` whose text names the field, as
``state.sides.usa.cash: input should be a valid number, got 'abc'``.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any, Literal, NotRequired

from pydantic import ConfigDict, TypeAdapter, ValidationError, with_config
from pydantic_core import SchemaValidator, core_schema
from typing_extensions import TypedDict

from game.core import dates
from game.core.state import SIDES, GameState, rival_of

FORMAT = "spacerace-save"
VERSION = 5  # 2: a quarter paused by a decision in flight (state.decision, state.queue); 3: each side's file
# on the rival; 4: the roads to the Moon (SideState.road, road_changes; Mission.rocket2, spacecraft2, pad2);
# 5: the quarter's research after its launches (GameState.researched)
OLDEST = 1  # the oldest format still read: the fields added since have defaults that read it as it was
SKILLS = ("piloting", "endurance", "eva", "docking")
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_ERA_QUARTERS = 400
MAX_TEXT = 10_000


class SchemaProblem(ValueError):
    """One thing wrong with a save; the text names the field."""


@with_config(ConfigDict(strict=True, extra="forbid", allow_inf_nan=False))
class SaveFile(TypedDict):
    format: Literal["spacerace-save"]
    version: int
    game: NotRequired[str]  # the release that wrote it, for people; older saves lack it
    meta: dict[str, Any]
    state: GameState


@functools.cache
def _adapter(kind: type) -> TypeAdapter:
    return TypeAdapter(kind)


@functools.cache
def _validator() -> SchemaValidator:
    """pydantic's validator for SaveFile, but a whole number stays whole where the state
    holds a float: the game keeps 0 and 30 (from the scenarios) as ints in float fields,
    and a loaded game must write the very bytes the unsaved one would."""
    return SchemaValidator(_keep_ints(_adapter(SaveFile).core_schema))


def _keep_ints(node):
    if isinstance(node, dict):
        if node.get("type") == "float":
            return core_schema.union_schema([core_schema.int_schema(strict=True), node], mode="left_to_right")
        return {key: _keep_ints(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_keep_ints(value) for value in node]
    return node


def parse(raw: bytes | str) -> tuple[int, dict, GameState]:
    """The version, meta and state of a save's text, typed; raises SchemaProblem."""
    try:
        data = _validator().validate_json(raw)
    except ValidationError as err:
        _check_outside(raw)
        raise SchemaProblem(_first_error(err)) from None
    return data["version"], data["meta"], data["state"]


def _check_outside(raw: bytes | str) -> None:
    """Explain a save that fails as a whole (not JSON, not ours, another version) before
    its fields: a save from a newer game says so rather than listing fields it does not know."""
    try:
        header = _adapter(dict[str, Any]).validate_json(raw)
    except ValidationError as err:
        error = err.errors(include_url=False)[0]
        raise SchemaProblem(f"not a save file, or damaged ({error['msg']})") from None
    if header.get("format") != FORMAT:
        raise SchemaProblem("not a Space Race save")
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SchemaProblem("the save has no format version")
    if version > VERSION:
        raise SchemaProblem(f"saved by a newer version of the game (format {version}; this one reads {VERSION})")
    if version < OLDEST:
        raise SchemaProblem(f"format {version} is too old to read")
    if not isinstance(header.get("state"), dict):
        raise SchemaProblem("the save holds no game (no 'state' mapping)")


def _first_error(err: ValidationError) -> str:
    found: dict[str, dict] = {}
    for error in err.errors(include_url=False):
        loc = [str(p) for p in error["loc"] if not str(p).startswith("function-")]
        # a float field that keeps whole numbers whole: its float branch says what is wrong
        if loc and loc[-1] in ("int", "float") and loc.pop() == "int" and error["type"] != "int_type":
            continue
        path = ".".join(loc)
        if path not in found or error["type"] not in ("int_type", "int_from_float"):
            found[path] = error
    path, error = next(iter(found.items()))
    kind = error["type"]
    if kind == "missing":
        text = "this field is missing"
    elif kind in ("extra_forbidden", "unexpected_keyword_argument"):
        text = "a field the game does not know"
    elif kind == "value_error":
        text = error["msg"].removeprefix("Value error, ")
    else:
        text = error["msg"]
        text = f"{text[0].lower()}{text[1:]}, got {_short(error.get('input'))}"
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return f"{path}: {text}{more}"


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:40] + "..." + text[-10:]


# --- ranges, by field name ----------------------------------------------------------------

def between(low: float, high: float, what: str = "a number"):
    def check(value):
        if not low <= value <= high:
            return f"expected {what} from {low:g} to {high:g}, got {_short(value)}"
        return None
    return check


def one_of(*allowed):
    def check(value):
        if value not in allowed:
            return f"expected one of {', '.join(repr(a) for a in allowed)}, got {_short(value)}"
        return None
    return check


def text_of(limit: int):
    return lambda value: plain_text(value, limit) if isinstance(value, str) else f"expected text, got {_short(value)}"


PERCENT = between(0, 100, "a percentage")
MONEY = between(-1e9, 1e9, "an amount of money")
COUNT = between(0, 1_000_000, "a count")
QUARTER = between(0, LAST_YEAR * 4 + 3, "a quarter index")
SIDE = one_of(*SIDES)

LIMITS: dict[str, Any] = {
    # GameState
    "mode": one_of("historical", "dynamic"),
    "seed": between(-2**63, 2**63, "a seed"),
    "quarter": QUARTER, "start": QUARTER, "end": QUARTER,
    "winner": one_of(None, *SIDES),
    "end_year": between(0, LAST_YEAR, "a year"),
    "end_month": between(0, 12, "a month"),
    "next_mission_id": between(1, 10**9, "a mission number"),
    "turn": between(0, MAX_ERA_QUARTERS + 1, "a turn"),
    # SideState
    "side": one_of(None, *SIDES),  # LogEntry may have none; ``check`` holds the rest to a side
    "budget": MONEY, "base_budget": MONEY, "cash": MONEY, "spent": MONEY, "invested": MONEY,
    "funding": MONEY, "cost": MONEY,
    "prestige": between(-1e6, 1e6, "prestige"),
    "support": PERCENT, "expertise": PERCENT, "leader_health": PERCENT, "reliability": PERCENT,
    "bureau_share": between(0, 1, "a share"),
    "budget_growth": between(-1, 1, "a yearly growth"),
    "stand_down_until": QUARTER, "delayed_until": QUARTER, "grounded_until": QUARTER, "inquiry_until": QUARTER,
    "crewed_until": QUARTER,
    "deaths": COUNT, "launches": COUNT, "failures": COUNT, "flown": COUNT, "failure_streak": COUNT,
    "articles": COUNT, "ordered_this_year": COUNT, "pads": QUARTER, "low_support": COUNT,
    "road_changes": COUNT,
    "research_edge": between(0.25, 4, "a research edge"), "pace": between(0.25, 4, "a pace"),
    "dismissed": one_of(None, *SIDES),
    # ProgrammeState
    "flights": COUNT, "successes": COUNT, "quarters": COUNT,
    "bias": between(-10, 10, "a bias in standard deviations"),
    # Crew
    "piloting": PERCENT, "endurance": PERCENT, "eva": PERCENT, "docking": PERCENT, "morale": PERCENT,
    "status": one_of("active", "dead", "retired"),
    "training": one_of(None, *SKILLS),
    # Mission, LaunchReport, FirstWon, LogEntry
    "month": between(1, 12, "a month"),
    "day": between(1, 31, "a day"),
    "year": between(FIRST_YEAR, LAST_YEAR, "a year"),
    "expected": between(0, 1, "a chance"),
    "chance": between(0, 1, "a chance"),
    "chances": between(0, 1, "a chance"),
    "rank": between(0, 1, "a rank (0 or 1)"),
    "mission_id": between(1, 10**9, "a mission number"),
    "visible_to": SIDE,
    # RivalFile, SeenProgramme, LikelyFlight
    "spending": MONEY, "paid": MONEY, "sharp_until": QUARTER, "updated": QUARTER, "since": QUARTER,
    "sharp_share": between(0, 1, "a share"), "low": PERCENT, "high": PERCENT, "building": COUNT,
    # names drawn in the window: a line, not a page
    "leader": text_of(120), "name": text_of(120), "mission": text_of(200),
}
# Outcomes differ between a step and a launch; the class name picks the list.
CLASS_LIMITS: dict[tuple[str, str], Any] = {
    ("StepResult", "outcome"): one_of("success", "scrub", "abort", "loss", "death", "skipped"),
    ("LaunchReport", "outcome"): one_of("success", "scrubbed", "aborted", "lost", "crew_lost"),
    ("LogEntry", "kind"): one_of("launch", "first", "event", "research", "death", "news", "budget"),
    ("LogEntry", "month"): between(0, 12, "a month"),
    ("Order", "ready"): QUARTER,
    ("Mission", "articles"): None,  # programme ids, held to the content below
}


def _default(value):
    """The range of a field LIMITS does not name, by the type of its value."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return between(-10**9, 10**9, "a whole number")(value)
    if isinstance(value, float):
        return between(-1e12, 1e12, "a number")(value)
    if isinstance(value, str):
        return plain_text(value)
    return None


def plain_text(value: str, limit: int = MAX_TEXT) -> str | None:
    if len(value) > limit:
        return f"expected text of at most {limit:,} characters, got {len(value):,}"
    bad = next((c for c in value if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) < 0xa0), None)
    if bad is not None:
        return f"expected text without control characters, got {bad!r} in {_short(value)}"
    return None


def _walk(value, path: str, rule, cls_name: str = "") -> None:
    if dataclasses.is_dataclass(value):
        name = type(value).__name__
        for f in dataclasses.fields(value):
            inner = CLASS_LIMITS.get((name, f.name), LIMITS.get(f.name))
            _walk(getattr(value, f.name), f"{path}.{f.name}", inner, name)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            problem = plain_text(key, 200)
            if problem:
                raise SchemaProblem(f"{path}: a key: {problem}")
            _walk(item, f"{path}.{key}", rule, cls_name)
        return
    if isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(sorted(value) if isinstance(value, (set, frozenset)) else value):
            _walk(item, f"{path}[{index}]", rule, cls_name)
        return
    if value is None:  # only where the type allows it: pydantic refused it elsewhere
        return
    problem = (rule or _default)(value)
    if problem is None and rule is not None and isinstance(value, str):
        problem = plain_text(value)
    if problem:
        raise SchemaProblem(f"{path}: {problem}")


# --- the parts together -------------------------------------------------------------------

def check(state: GameState) -> None:
    """Ranges, and the parts of the state that must agree with one another."""
    _walk(state, "state", None)
    if set(state.sides) != set(SIDES):
        raise SchemaProblem(f"state.sides: expected both sides, 'usa' and 'ussr', got {sorted(state.sides)}")
    if state.end - state.start > MAX_ERA_QUARTERS or state.start < FIRST_YEAR * 4:
        raise SchemaProblem(f"state.start: an era runs at most {MAX_ERA_QUARTERS} quarters from {FIRST_YEAR}")
    if not state.start <= state.quarter <= state.end:
        raise SchemaProblem("state.quarter: the save's date is outside its era")
    booked: set[int] = set()
    for name, side in state.sides.items():
        where = f"state.sides.{name}"
        if side.side != name:
            raise SchemaProblem(f"{where}.side: expected {name!r}, got {side.side!r}")
        for key, prog in side.programmes.items():
            if prog.id != key:
                raise SchemaProblem(f"{where}.programmes.{key}.id: expected {key!r}, got {prog.id!r}")
        for key, seen in side.file.programmes.items():
            if seen.id != key:
                raise SchemaProblem(f"{where}.file.programmes.{key}.id: expected {key!r}, got {seen.id!r}")
            if seen.low > seen.high:
                raise SchemaProblem(f"{where}.file.programmes.{key}: the band's low is above its high")
            if key not in state.sides.get(rival_of(name), side).programmes:
                raise SchemaProblem(f"{where}.file.programmes.{key}: the file knows a programme the rival has not started")
        for key, crew in side.crews.items():
            if crew.id != key:
                raise SchemaProblem(f"{where}.crews.{key}.id: expected {key!r}, got {crew.id!r}")
        for index, mission in enumerate(side.missions):
            at = f"{where}.missions[{index}]"
            if mission.side != name:
                raise SchemaProblem(f"{at}.side: a {mission.side!r} mission on the {name!r} list")
            if mission.id in booked or not 1 <= mission.id < state.next_mission_id:
                raise SchemaProblem(f"{at}.id: mission numbers are unique and below next_mission_id, "
                                    f"got {mission.id}")
            booked.add(mission.id)
            if not state.start <= mission.quarter <= state.end + 1:
                raise SchemaProblem(f"{at}.quarter: expected a quarter inside the era, got {mission.quarter}")
            for member in mission.crew:
                if member not in side.crews:
                    raise SchemaProblem(f"{at}.crew: {member!r} is not one of the side's crew")
    for first, won in state.firsts.items():
        for index, entry in enumerate(won):
            if entry.first != first:
                raise SchemaProblem(f"state.firsts.{first}[{index}].first: expected {first!r}, got {entry.first!r}")
            if entry.side not in SIDES:
                raise SchemaProblem(f"state.firsts.{first}[{index}].side: expected 'usa' or 'ussr'")
    for name in state.records:
        if name not in SIDES:
            raise SchemaProblem(f"state.records: expected 'usa' or 'ussr', got {name!r}")
    for index, fired in enumerate(state.fired):
        if fired.side not in SIDES:
            raise SchemaProblem(f"state.fired[{index}].side: expected 'usa' or 'ussr', got {fired.side!r}")
    _check_pause(state)


def _check_pause(state: GameState) -> None:
    """A quarter paused by a decision in flight: the waiting flight is its side's, and the
    launches still to fly are on their sides' lists."""
    decision = state.decision
    if decision is not None:
        if decision.side not in SIDES or decision.mission.side != decision.side \
                or decision.report.side != decision.side:
            raise SchemaProblem("state.decision: the flight waiting is not the deciding side's")
        if not 0 < decision.step < len(decision.chances) or len(decision.report.steps) != decision.step:
            raise SchemaProblem(f"state.decision.step: expected a step after the first that the flight "
                                f"has reached, got {decision.step}")
        if not all(side.ready for side in state.sides.values()):
            raise SchemaProblem("state.decision: a flight waits only once both sides have ended the turn")
    for index, queued in enumerate(state.queue):
        side = state.sides.get(queued.side)
        if side is None or not any(m.id == queued.mission_id for m in side.missions):
            raise SchemaProblem(f"state.queue[{index}]: mission {queued.mission_id} is not on the "
                                f"{queued.side!r} list")


def _check_started(state: GameState) -> None:
    """Hardware built, on order or booked is of programmes the side has started: the rival's
    file reads a built vehicle as its programme, and a flight flies what is started."""
    for name, side in state.sides.items():
        where = f"state.sides.{name}"
        for key in side.articles:
            if key not in side.programmes:
                raise SchemaProblem(f"{where}.articles.{key}: built hardware of a programme the side has not started")
        for index, order in enumerate(side.orders):
            if order.programme not in side.programmes:
                raise SchemaProblem(f"{where}.orders[{index}].programme: {order.programme!r} is a programme "
                                    f"the side has not started")
        for index, mission in enumerate(side.missions):
            flies = (mission.rocket, mission.spacecraft, mission.rocket2, mission.spacecraft2, *mission.articles)
            for prog_id in filter(None, flies):
                if prog_id not in side.programmes:
                    raise SchemaProblem(f"{where}.missions[{index}]: it flies {prog_id!r}, a programme the side "
                                        f"has not started")


def check_content(content, state: GameState) -> None:
    """Hold every id in the save to the loaded scenarios: it exists, and it is the side's."""
    era = content.eras.get(state.era)
    if era is None:
        raise SchemaProblem(f"state.era: the save is for era {state.era!r}, which the scenarios do not have")
    if (state.start, state.end) != (dates.parse_quarter(era.start), dates.parse_quarter(era.end)):
        raise SchemaProblem(f"state.start, state.end: the save's era runs {dates.format_quarter(state.start)} to "
                            f"{dates.format_quarter(state.end)}, the scenarios' {era.id!r} {era.start} to {era.end}")
    ids = _Ids(content)
    for name, side in state.sides.items():
        _check_side(ids, f"state.sides.{name}", name, side)
        _check_file(ids, f"state.sides.{name}.file", rival_of(name), side.file)
    for first in state.firsts:
        ids.known("state.firsts", first, content.firsts, "first")
    for index, fired in enumerate(state.fired):
        ids.known(f"state.fired[{index}].event", fired.event, content.events, "event")
    for index, report in enumerate(state.launches):
        _check_report(ids, f"state.launches[{index}]", report)
    for name, rows in state.records.items():
        for row in rows:
            for pid in row.reliability:
                ids.known(f"state.records.{name}", pid, content.programmes, "programme")
    if state.decision is not None:
        _check_decision(ids, state.decision)
    _check_started(state)


class _Ids:
    """The save's ids held to the scenarios: each refusal names where in the save it is."""

    def __init__(self, content):
        self.content = content

    def programme(self, where: str, pid: str, side: str) -> None:
        found = self.content.programmes.get(pid)
        if found is None:
            raise SchemaProblem(f"{where}: the save uses programme {pid!r}, which the scenarios do not have")
        if found.side not in (side, "both"):
            raise SchemaProblem(f"{where}: {pid!r} is not a {side} programme")

    @staticmethod
    def known(where: str, key: str, table: dict, what: str) -> None:
        if key not in table:
            raise SchemaProblem(f"{where}: the save uses {what} {key!r}, which the scenarios do not have")


def _check_side(ids: _Ids, where: str, name: str, side) -> None:
    content = ids.content
    for pid in side.programmes:
        ids.programme(f"{where}.programmes.{pid}", pid, name)
    for pid in side.grounded:
        ids.programme(f"{where}.grounded", pid, name)
    for pid in side.grounded_until:
        ids.programme(f"{where}.grounded_until.{pid}", pid, name)
        if pid not in side.grounded:
            raise SchemaProblem(f"{where}.grounded_until.{pid}: a timed grounding of a programme that is not grounded")
    for kind in side.flown:
        ids.known(f"{where}.flown", kind, content.missions, "mission type")
    for event in side.pending_events:
        ids.known(f"{where}.pending_events", event, content.events, "event")
    for index, mission in enumerate(side.missions):
        _check_mission(ids, f"{where}.missions[{index}]", name, mission)
    if side.road is not None:
        ids.known(f"{where}.road", side.road, content.roads, "road")
        if content.roads[side.road].side != name:
            raise SchemaProblem(f"{where}.road: {side.road!r} is not a {name} road")
    for pid in side.articles:
        ids.programme(f"{where}.articles.{pid}", pid, name)
    for index, order in enumerate(side.orders):
        ids.programme(f"{where}.orders[{index}].programme", order.programme, name)
    for pid in side.ordered_this_year:
        ids.programme(f"{where}.ordered_this_year.{pid}", pid, name)
    for pad in side.pads:
        ids.known(f"{where}.pads", pad, content.pads, "pad")


def _check_kit(ids: _Ids, at: str, side: str, flight) -> None:
    """A booked mission's or a launch report's type, rocket and spacecraft."""
    ids.known(f"{at}.type", flight.type, ids.content.missions, "mission type")
    ids.programme(f"{at}.rocket", flight.rocket, side)
    if flight.spacecraft is not None:
        ids.programme(f"{at}.spacecraft", flight.spacecraft, side)


def _check_mission(ids: _Ids, at: str, side: str, mission) -> None:
    content = ids.content
    _check_kit(ids, at, side, mission)
    for pid in mission.articles:
        ids.programme(f"{at}.articles", pid, side)
    if mission.pad is not None:
        ids.known(f"{at}.pad", mission.pad, content.pads, "pad")
    for part in ("rocket2", "spacecraft2"):
        if getattr(mission, part) is not None:
            ids.programme(f"{at}.{part}", getattr(mission, part), side)
    if mission.pad2 is not None:
        ids.known(f"{at}.pad2", mission.pad2, content.pads, "pad")


def _check_file(ids: _Ids, at: str, rival: str, file) -> None:
    """A side's file on the rival names the rival's programmes, and pads, missions and firsts that exist."""
    content = ids.content
    for table, what in ((file.programmes, "programmes"), (file.articles, "articles"), (file.building, "building")):
        for pid in table:
            ids.programme(f"{at}.{what}.{pid}", pid, rival)
    for pad in file.pads:
        ids.known(f"{at}.pads", pad, content.pads, "pad")
    for kind in file.flown:
        ids.known(f"{at}.flown", kind, content.missions, "mission type")
    for index, flight in enumerate(file.likely):
        ids.known(f"{at}.likely[{index}].mission", flight.mission, content.missions, "mission type")
        ids.programme(f"{at}.likely[{index}].rocket", flight.rocket, rival)
        if flight.spacecraft is not None:
            ids.programme(f"{at}.likely[{index}].spacecraft", flight.spacecraft, rival)
        for first in flight.firsts:
            ids.known(f"{at}.likely[{index}].firsts", first, content.firsts, "first")


def _check_report(ids: _Ids, at: str, report) -> None:
    content = ids.content
    _check_kit(ids, at, report.side, report)
    for first in report.firsts:
        ids.known(f"{at}.firsts", first, content.firsts, "first")
    if report.pad is not None:
        ids.known(f"{at}.pad", report.pad, content.pads, "pad")
    if report.fault is not None:
        ids.known(f"{at}.fault", report.fault, content.faults, "fault")


def _check_decision(ids: _Ids, decision) -> None:
    content = ids.content
    ids.known("state.decision.fault", decision.fault, content.faults, "fault")
    ids.known("state.decision.mission.type", decision.mission.type, content.missions, "mission type")
    steps = len(content.missions[decision.mission.type].steps)
    if len(decision.chances) != steps:
        raise SchemaProblem(f"state.decision.chances: expected one chance for each of the mission's "
                            f"{steps} steps, got {len(decision.chances)}")
    for pid in decision.flown:
        ids.programme("state.decision.flown", pid, decision.side)
