"""The typed shape of scenario content. Loading and checking is in ``loader.py``.

Every model forbids unknown keys, so a misspelt field is an error that names the
nearest valid one rather than a setting silently ignored.

The models are pydantic dataclasses rather than BaseModels: validated the same way, but
plain dataclasses once built. The rules and the AI read these fields hundreds of
thousands of times a game, and a BaseModel's attribute lookup (it defines __getattr__)
costs several times a dataclass's.
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, ConfigDict, Field, field_validator, model_validator
from pydantic.dataclasses import dataclass

from game.core import dates, eventtypes

SIDES = ("usa", "ussr")
Side = Literal["usa", "ussr"]
SKILLS = ("piloting", "endurance", "eva", "docking")
Skill = Literal["piloting", "endurance", "eva", "docking"]
FIRST_IDS = (
    "first_ballistic_launch", "first_own_rocket", "first_icbm", "first_satellite",
    "first_animal_in_orbit", "first_lunar_impact", "first_lunar_far_side", "first_human_in_space",
    "first_crewed_orbit", "first_multi_crew", "first_woman_in_space", "first_eva", "first_rendezvous",
    "first_lunar_soft_landing", "first_lunar_orbiter", "first_docking", "first_crewed_lunar_orbit",
    "first_crewed_landing",
)


def nearest_hint(name: str, choices) -> str:
    """" (did you mean 'x'?)" for the valid name nearest a misspelt one, or nothing."""
    close = difflib.get_close_matches(name, [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_id(value: str) -> str:
    if not value or not value.replace("_", "").replace("-", "").isalnum() or not value[0].isalpha() \
            or value != value.lower():
        raise ValueError("an id is lower-case letters, digits, '_' or '-', starting with a letter")
    return value


def _check_quarter(value: str) -> str:
    dates.parse_quarter(value)
    return value


def _check_month(value: str) -> str:
    dates.parse_month(value)
    return value


Id = Annotated[str, AfterValidator(_check_id)]
QuarterText = Annotated[str, AfterValidator(_check_quarter)]
MonthText = Annotated[str, AfterValidator(_check_month)]
Percent = Annotated[float, Field(ge=0, le=100)]
Money = Annotated[float, Field(ge=0, le=1_000_000)]


STRICT = ConfigDict(extra="forbid", strict=False)


def record(cls=None, *, config: ConfigDict = STRICT):
    """A frozen, keyword-only, validated record that forbids unknown keys."""
    def wrap(cls):
        return dataclass(frozen=True, kw_only=True, config=config)(cls)
    return wrap(cls) if cls is not None else wrap


# --- programmes -----------------------------------------------------------------------

@record
class ProgrammeDef:
    """A rocket, spacecraft or component that a side researches and flies."""

    id: Id
    name: str
    side: Literal["usa", "ussr", "both"]
    kind: Literal["rocket", "spacecraft", "component"]
    description: str = ""
    requires: tuple[Id, ...] = ()
    available: QuarterText | None = None  # earliest quarter it may be started
    earliest: QuarterText | None = None  # earliest quarter it may fly: history's first launch
    start_cost: Money
    unit_cost: Money = 0  # paid for each flight
    reliability: Percent  # true reliability when the programme starts
    cap: Percent = 95
    research_rate: Annotated[float, Field(gt=0, le=5)] = 1.0
    min_quarters: Annotated[int, Field(ge=0, le=40)] = 2  # flying sooner is rushing
    provides: tuple[Id, ...] = ()  # capabilities that missions need
    payload_t: Annotated[float, Field(ge=0)] = 0  # rockets: tonnes to low orbit
    suborbital_payload_t: Annotated[float, Field(ge=0)] = 0  # rockets: a hop; 0 means 4 x payload_t
    lunar_payload_t: Annotated[float, Field(ge=0)] = 0  # rockets: tonnes to the Moon
    mass_t: Annotated[float, Field(ge=0)] = 0  # spacecraft
    crew: Annotated[int, Field(ge=0, le=5)] = 0  # spacecraft seats
    first_flight: str = ""  # history's date, for the chronicle
    art: str = ""  # drawing key

    @model_validator(mode="after")
    def _cap_above_start(self):
        if self.cap < self.reliability:
            raise ValueError(f"cap ({self.cap}) is below the starting reliability ({self.reliability})")
        return self


    def lift(self, destination: str) -> float:
        """Tonnes this rocket can send to a destination (suborbital, orbit or moon)."""
        if destination == "suborbital":
            return self.suborbital_payload_t or self.payload_t * 4
        return self.payload_t if destination == "orbit" else self.lunar_payload_t


@record
class ProgrammesFile:
    programmes: tuple[ProgrammeDef, ...]


# --- missions -------------------------------------------------------------------------

@record
class StepDef:
    """One step of a mission. ``uses`` is ``rocket``, ``spacecraft`` or a capability."""

    id: Id
    name: str
    uses: Id
    skill: Skill | None = None
    difficulty: Annotated[float, Field(ge=-50, le=90)] = 0  # points off the hardware's reliability
    scrub: Annotated[float, Field(ge=0, le=1)] = 0  # share of failures that only postpone
    abort: Annotated[float, Field(ge=0, le=1)] = 0.5  # share that end the mission, crew safe
    escape: bool = False  # an escape system can save the crew from a loss here

    @model_validator(mode="after")
    def _shares(self):
        if self.scrub + self.abort > 1:
            raise ValueError("scrub and abort shares add up to more than 1")
        return self


@record
class MissionTypeDef:
    id: Id
    name: str
    description: str = ""
    crew_min: Annotated[int, Field(ge=0, le=5)] = 0
    animal: bool = False
    woman: bool = False  # a woman must be in the crew
    spacecraft: bool = True  # False: the rocket flies alone (missile tests)
    needs: tuple[Id, ...] = ()  # capabilities of the rocket, spacecraft or other programmes
    second_craft: tuple[Id, ...] = ()  # spacecraft capabilities another craft may bring along
    destination: Literal["suborbital", "orbit", "moon"] = "orbit"
    steps: tuple[StepDef, ...] = Field(min_length=1)
    firsts: tuple[Id, ...] = ()
    prestige: Annotated[float, Field(ge=0, le=100)] = 1  # for a success that wins no first
    expertise: Annotated[float, Field(ge=0, le=50)] = 0  # know-how gained by a success


@record
class MissionsFile:
    missions: tuple[MissionTypeDef, ...]


# --- firsts ---------------------------------------------------------------------------

@record
class FirstHistory:
    side: Side
    date: MonthText


@record
class FirstDef:
    id: Id
    name: str
    description: str = ""
    prestige: Annotated[float, Field(ge=0, le=100)]
    history: FirstHistory
    headline: str = ""  # "{nation}" and "{mission}" are filled in


@record
class FirstsFile:
    firsts: tuple[FirstDef, ...]


# --- eras -----------------------------------------------------------------------------

@record
class CrewDef:
    name: str
    piloting: Percent = 50
    endurance: Percent = 50
    eva: Percent = 30
    docking: Percent = 30
    woman: bool = False


@record
class ProgrammeStart:
    reliability: Percent | None = None  # None: the programme's own starting figure
    flights: Annotated[int, Field(ge=0, le=1000)] = 0
    failures: Annotated[int, Field(ge=0, le=1000)] = 0  # of those flights
    # funded quarters of development already behind it; None: all it needs (no rushing)
    quarters: Annotated[int, Field(ge=0, le=100)] | None = None
    funding: Money = 0


    @model_validator(mode="after")
    def _failures_flown(self):
        if self.failures > self.flights:
            raise ValueError(f"{self.failures} failures in {self.flights} flights")
        return self


@record
class SideStart:
    leader: str
    budget: Money  # per quarter, in the side's normalised millions
    cash: Money = 0
    prestige: Annotated[float, Field(ge=-1000, le=1000)] = 0
    support: Percent = 50
    expertise: Percent = 0
    bureau_share: Annotated[float, Field(ge=0, le=0.5)] = 0  # budget lost to rival bureaus
    budget_growth: Annotated[float, Field(ge=-0.5, le=1)] = 0  # the base budget's growth each year
    programmes: dict[Id, ProgrammeStart] = Field(default_factory=dict)
    crews: tuple[CrewDef, ...] = ()
    flags: tuple[Id, ...] = ()
    firsts: dict[Id, MonthText] = Field(default_factory=dict)  # firsts already won before the era opens

    @field_validator("programmes", mode="before")
    @classmethod
    def _short_form(cls, value: Any):
        # "r7: 60" is short for "r7: {reliability: 60}"
        if isinstance(value, dict):
            return {k: ({"reliability": v} if isinstance(v, (int, float)) and not isinstance(v, bool) else v)
                    for k, v in value.items()}
        return value


@record
class GoalDef:
    first: Id  # the first that wins the era
    fallback: Literal["prestige", "expertise", "none"] = "prestige"  # who wins at the end date
    description: str


@record
class EraDef:
    id: Id
    name: str
    years: str
    description: str
    start: QuarterText
    end: QuarterText
    goal: GoalDef
    events: tuple[Id, ...] = ()  # event files (by name, under events/) this era uses
    usa: SideStart
    ussr: SideStart

    @model_validator(mode="after")
    def _dates(self):
        if dates.parse_quarter(self.end) < dates.parse_quarter(self.start):
            raise ValueError(f"the era ends ({self.end}) before it starts ({self.start})")
        return self

    def side(self, side: str) -> SideStart:
        return self.usa if side == "usa" else self.ussr


# --- events ---------------------------------------------------------------------------

@record
class _Clause:
    """A condition or effect, written in YAML as ``{type: params}`` with one key. The
    parameters are checked against the registry in ``game.core.eventtypes`` and filled
    out with their defaults, so the rules can read them without checking again."""

    type: str
    params: Any
    table: ClassVar[dict] = {}
    what: ClassVar[str] = ""

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, value: Any):
        if isinstance(value, dict) and set(value) == {"type", "params"}:
            kind, params = value["type"], value["params"]
        elif isinstance(value, dict) and len(value) == 1:
            (kind, params), = value.items()
        else:
            raise ValueError(f"expected a {cls.what} written as a one-key mapping, such as "
                             f"{{support: 5}}")
        spec = cls.table.get(kind)
        if spec is None:
            raise ValueError(f"unknown {cls.what} type {kind!r}{nearest_hint(str(kind), cls.table)}")
        return {"type": kind, "params": eventtypes.normalise(spec, params)}


@record
class Condition(_Clause):
    table: ClassVar[dict] = eventtypes.CONDITIONS
    what: ClassVar[str] = "condition"


@record
class Effect(_Clause):
    table: ClassVar[dict] = eventtypes.EFFECTS
    what: ClassVar[str] = "effect"


@record(config=ConfigDict(**STRICT, populate_by_name=True))  # "from" is a Python keyword: the field is from_
class TriggerDef:
    from_: QuarterText | None = Field(default=None, alias="from")
    to: QuarterText | None = None
    conditions: tuple[Condition, ...] = ()
    dynamic: tuple[Condition, ...] | None = None  # in dynamic play, these replace the date window


@record
class ChoiceDef:
    id: Id
    text: str
    effects: tuple[Effect, ...] = ()
    ai_weight: Annotated[float, Field(ge=0, le=100)] = 1
    history: bool = False  # the choice history made


@record
class EventDef:
    id: Id
    title: str
    text: str
    illustration: Id
    sides: tuple[Side, ...] = Field(min_length=1)
    trigger: TriggerDef = Field(default_factory=TriggerDef)
    chance: Annotated[float, Field(gt=0, le=1)] = 1.0  # per quarter, once triggered
    once: bool = True
    choices: tuple[ChoiceDef, ...] = Field(min_length=1, max_length=3)

    @field_validator("sides", mode="before")
    @classmethod
    def _both(cls, value):
        return list(SIDES) if value == "both" else value

    @model_validator(mode="after")
    def _one_history_choice(self):
        ids = [c.id for c in self.choices]
        if len(set(ids)) != len(ids):
            raise ValueError("two choices share an id")
        if sum(c.history for c in self.choices) > 1:
            raise ValueError("more than one choice is marked as history's")
        return self


@record
class EventsFile:
    events: tuple[EventDef, ...]


# --- the history rival ----------------------------------------------------------------

@record
class HistoryLaunch:
    """One of history's launches, which the history rival books in its month."""

    month: MonthText
    mission: Id
    rocket: Id
    spacecraft: Id | None = None
    test: bool = False  # flown once, whatever comes of it; otherwise tried again until it succeeds
    note: str = ""  # what flew, for the reader: "Sputnik 1"


@record
class HistorySide:
    """What one side did: the quarter each programme started, and the launches that mattered."""

    programmes: dict[Id, QuarterText] = Field(default_factory=dict)
    launches: tuple[HistoryLaunch, ...] = ()


@record
class HistoryFile:
    """``history.yaml``: the decisions history took, for the rival that follows them. A mod's
    file replaces the side(s) it gives."""

    usa: HistorySide | None = None
    ussr: HistorySide | None = None
