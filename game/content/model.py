"""The typed shape of scenario content. Loading and checking is in ``loader.py``.

Every model forbids unknown keys, so a misspelt field is an error that names the
nearest valid one rather than a setting silently ignored.

The models are pydantic dataclasses rather than BaseModels: validated the same way, but
plain dataclasses once built. The rules and the AI read these fields hundreds of
thousands of times a game, and a BaseModel's attribute lookup (it defines __getattr__)
costs several times a dataclass's.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass as plain_dataclass
from dataclasses import field
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from game.content.clauses import Condition, Effect
from game.content.fields import (
    MAX_ERA_QUARTERS,
    STRICT,
    Headline,
    Id,
    Label,
    Money,
    MonthText,
    Percent,
    Prose,
    QuarterText,
    Tonnes,
    record,
)
from game.content.fields import nearest_hint as nearest_hint  # the loader's, from here as before
from game.core import dates

SIDES = ("usa", "ussr")
Side = Literal["usa", "ussr"]
Skill = Literal["piloting", "endurance", "eva", "docking"]


# --- programmes -----------------------------------------------------------------------

@record
class ProgrammeDef:
    """A rocket, spacecraft or component that a side researches and flies."""

    id: Id
    name: Label
    side: Literal["usa", "ussr", "both"]
    kind: Literal["rocket", "spacecraft", "component"]
    description: Prose = ""
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
    payload_t: Tonnes = 0  # rockets: tonnes to low orbit
    suborbital_payload_t: Tonnes = 0  # rockets: a hop; 0 means 4 x payload_t
    lunar_payload_t: Tonnes = 0  # rockets: tonnes to the Moon
    mass_t: Tonnes = 0  # spacecraft
    crew: Annotated[int, Field(ge=0, le=5)] = 0  # spacecraft seats
    first_flight: Label = ""  # history's date, for the chronicle
    art: Label = ""  # drawing key
    # rockets and spacecraft fly built hardware: an article ordered now is ready this many
    # quarters later, and no more than per_year may be ordered in a calendar year
    build_quarters: Annotated[int, Field(ge=1, le=12)] = 1
    per_year: Annotated[int, Field(ge=1, le=100)] = 8
    # the last quarter one may be ordered: history's end of production (or of a captured
    # stock); what is built and in hand still flies. None: built as long as the race lasts
    last_order: QuarterText | None = None

    @model_validator(mode="after")
    def _cap_above_start(self):
        if self.cap < self.reliability:
            raise ValueError(f"cap ({self.cap}) is below the starting reliability ({self.reliability})")
        return self

    @model_validator(mode="after")
    def _built_while_it_flies(self):
        if self.last_order is None:
            return self
        if self.kind == "component":
            raise ValueError("last_order is for rockets and spacecraft: a component is not ordered, it flies "
                             "as part of one")
        for name, when in (("available", self.available), ("earliest", self.earliest)):
            if when and dates.parse_quarter(self.last_order) < dates.parse_quarter(when):
                raise ValueError(f"last_order ({self.last_order}) is before {name} ({when}): "
                                 f"none could ever be built")
        return self


    def lift(self, destination: str) -> float:
        """Tonnes this rocket can send to a destination (suborbital, orbit or moon)."""
        if destination == "suborbital":
            return self.suborbital_payload_t or self.payload_t * 4
        return self.payload_t if destination == "orbit" else self.lunar_payload_t


@record
class ProgrammesFile:
    programmes: tuple[ProgrammeDef, ...]


# --- launch pads ----------------------------------------------------------------------

@record
class ReadyWith:
    """A pad built with its rocket: ready once the programme has this many funded quarters."""

    programme: Id
    quarters: Annotated[int, Field(ge=0, le=100)]


@record
class PadDef:
    """A launch pad: which rockets it serves, from when, and how often it can launch."""

    id: Id
    name: str
    site: str
    side: Side
    serves: tuple[Id, ...] = Field(min_length=1)
    opens: QuarterText | None = None  # history's first launch from it; None: open from the start
    ready_with: ReadyWith | None = None  # or sooner, once its rocket is far enough along
    closes: QuarterText | None = None
    per_quarter: Annotated[int, Field(ge=1, le=12)] = 1  # launches a quarter
    turnaround: Annotated[int, Field(ge=0, le=12)] = 0  # quarters to refit it after a launch
    wreck_chance: Annotated[float, Field(ge=0, le=1)] = 0.3  # of a loss at lift-off wrecking it
    wreck_quarters: Annotated[int, Field(ge=0, le=40)] = 4
    # where the launch film's map marks it; a mod's pad without them is marked by its site's name
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = None
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = None


@record
class PadsFile:
    pads: tuple[PadDef, ...]


# --- missions -------------------------------------------------------------------------

@record
class StepDef:
    """One step of a mission. ``uses`` is ``rocket``, ``spacecraft`` or a capability."""

    id: Id
    name: Label
    uses: Id
    skill: Skill | None = None
    difficulty: Annotated[float, Field(ge=-50, le=90)] = 0  # points off the hardware's reliability
    scrub: Annotated[float, Field(ge=0, le=1)] = 0  # share of failures that only postpone
    abort: Annotated[float, Field(ge=0, le=1)] = 0.5  # share that end the mission, crew safe
    escape: bool = False  # an escape system can save the crew from a loss here
    # how the launch film shows the step (ascent, space, moon, home); undeclared, its name decides
    phase: Id | None = None

    @model_validator(mode="after")
    def _shares(self):
        if self.scrub + self.abort > 1:
            raise ValueError("scrub and abort shares add up to more than 1")
        return self


@record
class MissionTypeDef:
    id: Id
    name: Label
    description: Prose = ""
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
    # milestones: the missions that should be flown with success first; flying without them
    # takes milestone_penalty points off the mission, shared among its steps, each
    # milestone flown removing its share
    after: tuple[Id, ...] = ()
    # the capability that can pull a crew clear of a failing step (an escape tower, an
    # ejection seat): the most reliable started programme that provides it is flown along
    escape_by: Id | None = None
    role: Literal["test_flight"] | None = None  # an uncrewed flight the AI flies to prove a vehicle
    milestone_penalty: Annotated[float, Field(ge=0, le=200)] = 15
    # a multi-launch mission: the mission type its other launch flies (a tanker, a rocket
    # block), booked with it, flown first in the same month; this mission's own steps then
    # include the rendezvous. Each launch lifts its part to orbit only (Earth-orbit assembly).
    joint: Id | None = None


@record
class MissionsFile:
    missions: tuple[MissionTypeDef, ...]


# --- faults: decisions in flight ------------------------------------------------------

Chance = Annotated[float, Field(ge=0, le=1)]


@record
class FaultOption:
    """One answer to a fault, with its odds: ``crew`` that the crew comes home alive,
    ``goes_on`` that the flight gets past the fault, its crew alive, and flies its next steps."""

    id: Id
    text: Label
    kind: Literal["abort", "press_on", "other"] = "other"
    crew: Chance = 1.0
    goes_on: Chance = 0.0  # with the crew alive, so never above ``crew``
    history: bool = False  # what the crew did then: the history rival chooses it

    @model_validator(mode="after")
    def _alive_to_go_on(self):
        if self.goes_on > self.crew:
            raise ValueError(f"goes_on ({self.goes_on}) is above crew ({self.crew}): a flight goes on "
                             f"only with its crew alive")
        return self


@record
class FaultDef:
    """Something that goes wrong in flight and stops it for a decision. When one of
    ``steps`` fails (and not on the pad) on a flight it fits, the fault comes up with
    ``chance``; the flight then waits for one of ``options``."""

    id: Id
    name: Label
    text: Prose
    steps: tuple[Id, ...] = Field(min_length=1)  # step ids, as in missions.yaml
    missions: tuple[Id, ...] = ()  # only these mission types; empty: any with the step
    programmes: tuple[Id, ...] = ()  # only flights that fly one of these; empty: any
    crewed: bool | None = None  # True: crewed flights only; False: uncrewed only; None: both
    chance: Annotated[float, Field(gt=0, le=1)]
    options: tuple[FaultOption, ...] = Field(min_length=2, max_length=3)

    @model_validator(mode="after")
    def _options(self):
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError("two options share an id")
        if sum(o.history for o in self.options) > 1:
            raise ValueError("more than one option is marked as history's")
        # an abort gives up the flight to bring the crew home likelier alive; one that is no
        # safer than flying on is an answer no one should take, and no decision (a fault of
        # flights without a crew has no crew's odds to weigh)
        aborts = [o for o in self.options if o.kind == "abort"] if self.crewed is not False else []
        for abort in aborts:
            bolder = next((o for o in self.options if o.kind != "abort" and o.crew >= abort.crew), None)
            if bolder is not None:
                raise ValueError(f"the abort '{abort.id}' brings the crew home {abort.crew:g} of the time, no "
                                 f"likelier than '{bolder.id}' ({bolder.crew:g}): an abort must be the safest answer")
        return self

    @property
    def specific(self) -> bool:
        """A fault of named craft or missions (history's) is tried before a generic one."""
        return bool(self.programmes or self.missions)


@record
class FaultsFile:
    faults: tuple[FaultDef, ...]


# --- firsts ---------------------------------------------------------------------------

@record
class FirstHistory:
    side: Side
    date: MonthText


@record
class FirstDef:
    id: Id
    name: Label
    description: Prose = ""
    prestige: Annotated[float, Field(ge=0, le=100)]
    history: FirstHistory
    headline: Headline = ""  # "{nation}" and "{mission}" are filled in


@record
class FirstsFile:
    firsts: tuple[FirstDef, ...]


# --- roads to the Moon -----------------------------------------------------------------

@record
class RoadDef:
    """One way to the Moon (``roads.yaml``): the programmes that belong to it and the
    missions it opens. A side follows one road at a time; once it has chosen, it may not
    start or fund a programme that belongs only to the side's other roads, nor fly their
    missions. Before the choice every road is open (the debate years, when bureaus worked
    on all of them). A programme on every road of the side is never barred."""

    id: Id
    side: Side
    name: Label
    description: Prose = ""
    history: bool = False  # the road history took
    available: QuarterText  # from when the side may choose it
    programmes: tuple[Id, ...] = Field(min_length=1)
    missions: tuple[Id, ...] = Field(min_length=1)  # the crewed Moon missions it opens
    lands: bool = True  # whether its missions can land a crew (a circumlunar road does not)
    switch_cost: Money = 0  # paid to change to this road from another
    switch_delay: Annotated[int, Field(ge=0, le=20)] = 0  # quarters its programmes stand still after a change
    ai_weight: Annotated[float, Field(ge=0, le=100)] = 1  # how readily the computer rival takes it


@record
class RoadsFile:
    roads: tuple[RoadDef, ...]


# --- levels of the computer rival ---------------------------------------------------------

Edge = Annotated[float, Field(ge=0.25, le=4)]


@record
class LevelDef:
    """What the computer rival is given at a level beyond its judgement (levels.yaml): said
    where the level is chosen, never hidden. A level the file leaves out gives nothing."""

    id: Literal["easy", "normal", "hard"]
    budget: Edge = 1.0  # times the side's budget and cash from the era's start
    research: Edge = 1.0  # times the reliability its research money buys
    pace: Edge = 1.0  # quarters of development counted for each quarter funded (``min_quarters``)


@record
class LevelsFile:
    levels: tuple[LevelDef, ...]


# --- eras -----------------------------------------------------------------------------

@record
class CrewDef:
    name: Label
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
    leader: Label
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
    articles: dict[Id, Annotated[int, Field(ge=0, le=100)]] = Field(default_factory=dict)  # built hardware in hand
    road: Id | None = None  # the road to the Moon already chosen when the era opens (roads.yaml)

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
    description: Prose


@record
class EraDef:
    id: Id
    name: Label
    years: Label
    description: Prose
    start: QuarterText
    end: QuarterText
    goal: GoalDef
    events: tuple[Id, ...] = ()  # event files (by name, under events/) this era uses
    usa: SideStart
    ussr: SideStart

    @model_validator(mode="after")
    def _dates(self):
        start, end = dates.parse_quarter(self.start), dates.parse_quarter(self.end)
        if end < start:
            raise ValueError(f"the era ends ({self.end}) before it starts ({self.start})")
        if end - start >= MAX_ERA_QUARTERS:
            raise ValueError(f"the era runs {end - start + 1} quarters, from {self.start} to {self.end}; "
                             f"an era is at most {MAX_ERA_QUARTERS} quarters ({MAX_ERA_QUARTERS // 4} years)")
        for side in SIDES:
            if self.goal.first in self.side(side).firsts:
                raise ValueError(f"the goal, {self.goal.first!r}, is already won at the start "
                                 f"({side}.firsts): the era would be over before it began")
        return self

    def side(self, side: str) -> SideStart:
        return self.usa if side == "usa" else self.ussr


# --- the sides ------------------------------------------------------------------------

@record
class LeaderStrain:
    """The Chief Designer works himself to death: past ``free_programmes`` funded at once,
    each more costs ``per_programme`` points of health a quarter; well under it he rests."""

    free_programmes: Annotated[int, Field(ge=0, le=100)] = 5
    per_programme: Annotated[float, Field(ge=0, le=100)] = 0.6
    rest: Annotated[float, Field(ge=0, le=100)] = 1.0  # regained a quarter with room to spare
    rest_margin: Annotated[int, Field(ge=1, le=100)] = 3  # "room to spare": this many under the free count


@record(config=ConfigDict(**STRICT, populate_by_name=True))
class MilitaryPriority:
    """The generals' claim: from ``from`` the side loses support each quarter it funds no
    programme that provides ``capability`` until it holds ``first`` (the R-7 decree, 1954)."""

    first: Id
    capability: Id
    from_: QuarterText = Field(alias="from")
    support: Annotated[float, Field(ge=-100, le=0)]


@record
class ReviewDef:
    """Standing too low for too long ends the programme head's tenure: Congress or the
    Kremlin replaces them and the game is lost. Warnings come first."""

    support_below: Percent
    quarters: Annotated[int, Field(ge=1, le=40)]  # in a row under the line
    warn_after: Annotated[int, Field(ge=1, le=40)]


@record
class IntelTraits:
    """How well a side sees the other (``core/intel.py``). ``band_sd`` is the spread, in
    points, of its file's error on a rival vehicle never seen to fly; ``spot_chance`` the
    chance a quarter that it learns of a rival programme, a pad or a built vehicle it has not
    yet seen (``see_hardware`` for each built rocket or craft). Spending ``spending_share``
    of its budget a quarter on intelligence halves the error and the misses."""

    band_sd: Annotated[float, Field(gt=0, le=50)] = 15.0
    spot_chance: Annotated[float, Field(ge=0, le=1)] = 0.5
    see_hardware: Annotated[float, Field(ge=0, le=1)] = 0.5
    spending_share: Annotated[float, Field(gt=0, le=1)] = 0.05


@record
class SideDef:
    """What makes a side itself: how its failures and deaths are seen, who it answers to.
    The rules read these traits and never a side's name (``sides.yaml``)."""

    id: Side
    name: str  # short, as in "USA: Mercury on Redstone"
    nation: str  # "the United States", as in headlines
    public_failures: bool  # failures and deaths are told to the world, not only to the leaders
    failure_prestige: Annotated[float, Field(ge=0, le=100)] = 0  # prestige lost by a failure
    failure_support: Annotated[float, Field(ge=-100, le=0)] = 0  # support (or favour) lost by a failure
    death_prestige: Annotated[float, Field(ge=0, le=100)] = 0
    death_support: Annotated[float, Field(ge=-100, le=0)] = 0
    death_leader_health: Annotated[float, Field(ge=-100, le=0)] = 0
    death_stand_down: Annotated[int, Field(ge=0, le=40)] = 0  # quarters without crewed flights after a death
    abort_stand_down: Annotated[int, Field(ge=0, le=40)] = 0  # the same after a crewed flight aborted
    # the same after a crewed attempt at the era's goal aborted (None: abort_stand_down) ...
    goal_abort_stand_down: Annotated[int, Field(ge=0, le=40)] | None = None
    # ... if it flew at a believed chance under this: a sound try that failed by bad luck is
    # reviewed as any abort, a long shot at length (None: every try at the goal)
    goal_abort_below: Annotated[float, Field(gt=0, le=1)] | None = None
    success_prestige_share: Annotated[float, Field(ge=0, le=10)] = 1  # of a mission's prestige, for no first
    support_from_own_first: Annotated[float, Field(ge=-10, le=10)] = 0  # per point of the first's prestige
    support_from_rival_first: Annotated[float, Field(ge=-10, le=10)] = 0
    leader_strain: LeaderStrain | None = None
    military_priority: MilitaryPriority | None = None
    # repeated failures of one vehicle bring an inquiry that stands it down (Vanguard, the N1)
    inquiry_failures: Annotated[int, Field(ge=1, le=100)] = 3  # failures in a row
    inquiry_quarters: Annotated[int, Field(ge=0, le=40)] = 2
    review: ReviewDef | None = None
    intel: IntelTraits = IntelTraits()  # how well it sees the rival: its file (core/intel.py)


@record
class SidesFile:
    sides: tuple[SideDef, ...]


# --- events ---------------------------------------------------------------------------

@record(config=ConfigDict(**STRICT, populate_by_name=True))  # "from" is a Python keyword: the field is from_
class TriggerDef:
    from_: QuarterText | None = Field(default=None, alias="from")
    to: QuarterText | None = None
    conditions: tuple[Condition, ...] = ()
    dynamic: tuple[Condition, ...] | None = None  # in dynamic play, these replace the date window

    @model_validator(mode="after")
    def _window_in_order(self):
        if self.from_ and self.to and dates.parse_quarter(self.to) < dates.parse_quarter(self.from_):
            raise ValueError(f"the window closes ({self.to}) before it opens ({self.from_}): 'from' comes first")
        return self


@record
class ChoiceDef:
    id: Id
    text: Prose
    effects: tuple[Effect, ...] = ()
    ai_weight: Annotated[float, Field(ge=0, le=100)] = 1
    history: bool = False  # the choice history made


@record
class ArtDef:
    """What an event's picture shows, each a key the UI publishes (assets/art_keys.yaml): the
    scene, the rocket and spacecraft drawn, the ground under them and the person in the corner.
    What is left out the picture works out from the illustration's name."""

    scene: Id | None = None
    rocket: Id | None = None
    craft: Id | None = None
    ground: Id | None = None
    person: Id | None = None


@record
class EventDef:
    id: Id
    title: Label
    text: Prose
    illustration: Id
    art: ArtDef | None = None
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
    note: Label = ""  # what flew, for the reader: "Sputnik 1"


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


# --- all of it, loaded --------------------------------------------------------------

@plain_dataclass(eq=False)  # one loaded set of files: compared (and hashed) by identity
class Content:
    """All the scenario's definitions, checked and laid together: what ``loader.load()``
    returns and what the rules and the AI read."""

    programmes: dict[str, ProgrammeDef] = field(default_factory=dict)
    missions: dict[str, MissionTypeDef] = field(default_factory=dict)
    firsts: dict[str, FirstDef] = field(default_factory=dict)
    eras: dict[str, EraDef] = field(default_factory=dict)
    events: dict[str, EventDef] = field(default_factory=dict)
    event_files: dict[str, list[str]] = field(default_factory=dict)  # file name -> event ids
    history: dict[str, HistorySide] = field(default_factory=dict)  # side -> what history did (history.yaml)
    sides: dict[str, SideDef] = field(default_factory=dict)  # each side's traits (sides.yaml)
    pads: dict[str, PadDef] = field(default_factory=dict)  # launch pads (pads.yaml)
    faults: dict[str, FaultDef] = field(default_factory=dict)  # what can go wrong in flight (faults.yaml)
    roads: dict[str, RoadDef] = field(default_factory=dict)  # the roads to the Moon (roads.yaml)
    levels: dict[str, LevelDef] = field(default_factory=dict)  # the computer rival's edge by level (levels.yaml)
    _era_events: dict[str, list[EventDef]] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def capability_kinds(self) -> dict[str, set[str]]:
        """Each capability and the kinds of programme (rocket, spacecraft, component) that provide it."""
        table: dict[str, set[str]] = {}
        for programme in self.programmes.values():
            for capability in programme.provides:
                table.setdefault(capability, set()).add(programme.kind)
        return table

    @functools.cached_property
    def providers(self) -> dict[str, list[ProgrammeDef]]:
        """Each capability and the programmes that provide it, in file order."""
        table: dict[str, list[ProgrammeDef]] = {}
        for programme in self.programmes.values():
            for capability in programme.provides:
                table.setdefault(capability, []).append(programme)
        return table

    @functools.cached_property
    def pads_serving(self) -> dict[str, tuple[PadDef, ...]]:
        """Each rocket and the pads that can launch it, in file order (either side's)."""
        table: dict[str, list[PadDef]] = {}
        for pad in self.pads.values():
            for rocket in pad.serves:
                table.setdefault(rocket, []).append(pad)
        return {rocket: tuple(pads) for rocket, pads in table.items()}

    @functools.cached_property
    def road_programmes(self) -> dict[str, dict[str, frozenset[str]]]:
        """side -> programme -> the roads it belongs to, for programmes on some but not all
        of the side's roads: those a chosen road bars."""
        table: dict[str, dict[str, frozenset[str]]] = {}
        for side in SIDES:
            roads = [r for r in self.roads.values() if r.side == side]
            on: dict[str, set[str]] = {}
            for road in roads:
                for prog in road.programmes:
                    on.setdefault(prog, set()).add(road.id)
            table[side] = {p: frozenset(ids) for p, ids in on.items() if len(ids) < len(roads)}
        return table

    @functools.cached_property
    def road_missions(self) -> dict[str, dict[str, frozenset[str]]]:
        """side -> mission -> the roads that open it."""
        table: dict[str, dict[str, set[str]]] = {side: {} for side in SIDES}
        for road in self.roads.values():
            for mission in road.missions:
                table[road.side].setdefault(mission, set()).add(road.id)
        return {side: {m: frozenset(ids) for m, ids in t.items()} for side, t in table.items()}

    def events_for_era(self, era_id: str) -> list[EventDef]:
        cached = self._era_events.get(era_id)
        if cached is None:
            ids = [e for name in self.eras[era_id].events for e in self.event_files.get(name, ())]
            cached = self._era_events[era_id] = [self.events[e] for e in dict.fromkeys(ids)]
        return cached
