"""The game state: plain data, nothing else. Rules live in ``rules.py`` and ``turn.py``.

Everything here turns into JSON (``to_dict``), the RNG's state included, so a saved game
resumes exactly. Reading it back is ``game.core.schema``: pydantic builds these very
dataclasses from the JSON, checking each field by its type, so a new field here needs
nothing more to be saved and loaded (a range for it is one line in ``schema.LIMITS``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from game.core.rng import Rng

SIDES = ("usa", "ussr")
NATION = {"usa": "the United States", "ussr": "the Soviet Union"}
SHORT = {"usa": "USA", "ussr": "USSR"}


def rival_of(side: str) -> str:
    return "ussr" if side == "usa" else "usa"


@dataclass(slots=True)
class ProgrammeState:
    id: str
    reliability: float  # the true figure, in percent; the player sees an estimate
    funding: float = 0.0  # per quarter, set by the player
    quarters: float = 0  # quarters of funded development since it started (a level's pace may count more)
    flights: int = 0
    successes: int = 0
    failures: int = 0
    bias: float = 0.0  # how far off the estimate is, in standard deviations (fixed per programme)
    delayed_until: int = 0  # quarter index before which research stands still (events)
    invested: float = 0.0
    failure_streak: int = 0  # flights failed in a row: enough of them bring an inquiry
    inquiry_until: int = 0  # quarter index: stood down by an inquiry, it flies nothing before it
    crewed_until: int = 0  # quarter index: after a death or an abort, this spacecraft carries no crew before it


@dataclass(slots=True)
class Crew:
    id: str
    name: str
    piloting: float = 50.0
    endurance: float = 50.0
    eva: float = 30.0
    docking: float = 30.0
    morale: float = 70.0
    status: str = "active"  # active | dead | retired
    flights: int = 0
    training: str | None = None  # the skill being trained
    ready_from: int = 0  # quarter index: in basic training, and not fit to fly, before it
    woman: bool = False

    def skill(self, name: str) -> float:
        return getattr(self, name)


@dataclass(slots=True)
class Mission:
    id: int
    side: str
    type: str
    rocket: str
    spacecraft: str | None
    month: int  # 1-12, inside the quarter it is booked for
    quarter: int  # quarter index
    crew: list[str] = field(default_factory=list)
    cost: float = 0.0
    expected: float = 0.0  # the chance of success the side believed when it booked the launch
    pad: str | None = None  # where it launches from (None: a scenario without pads)
    articles: list[str] = field(default_factory=list)  # the built hardware it flies, taken from stock
    # a multi-launch mission's other launch (its mission type is the type's ``joint``)
    rocket2: str | None = None
    spacecraft2: str | None = None
    pad2: str | None = None


@dataclass(slots=True)
class Order:
    programme: str
    ready: int  # quarter index from which it is in hand


@dataclass(slots=True)
class SeenProgramme:
    """One rival programme in a side's file: since when it is known, and a band (low, high)
    that should hold its true reliability (see ``intel.py``)."""

    id: str
    since: int  # quarter index it was first seen
    low: float
    high: float
    bias: float = 0.0  # the file's lasting error on it, in standard deviations (drawn once)
    flights: int = 0  # the rival's flights of it that the side has seen


@dataclass(slots=True)
class LikelyFlight:
    """A flight the file expects the rival may try next, with the chance it gives it."""

    mission: str
    rocket: str
    spacecraft: str | None
    chance: float  # of being tried within a quarter, as the file judges
    firsts: list[str] = field(default_factory=list)  # the firsts still open to anyone it would win
    waited: int = 0  # quarters it has been expected and not seen tried


@dataclass(slots=True)
class RivalFile:
    """What a side believes of the other: the file kept by its intelligence services. It is
    made only from what the side may know (``intel.py``); the AI and the screens read this,
    never the rival's true state."""

    spending: float = 0.0  # set by FundIntelligence: paid each quarter
    paid: float = 0.0  # what was paid at the last survey
    sharp_until: int = 0  # quarter index: an event's windfall (the U-2, Corona) narrows the bands before it
    sharp_share: float = 1.0  # of the bands' width while it lasts
    updated: int = 0  # quarter index of the last survey (0: never)
    programmes: dict[str, SeenProgramme] = field(default_factory=dict)
    articles: dict[str, int] = field(default_factory=dict)  # rockets and craft seen built and in hand
    building: dict[str, int] = field(default_factory=dict)  # seen being built
    pads: dict[str, int] = field(default_factory=dict)  # the rival's pads seen: pad -> quarter usable again
    flown: dict[str, int] = field(default_factory=dict)  # the rival's successes by mission type, as seen
    likely: list[LikelyFlight] = field(default_factory=list)


@dataclass(slots=True)
class SideState:
    side: str
    leader: str
    budget: float  # per quarter
    base_budget: float  # the budget at 50 % support, from the era file
    cash: float
    prestige: float
    support: float
    expertise: float = 0.0
    bureau_share: float = 0.0
    budget_growth: float = 0.0
    leader_health: float = 100.0
    programmes: dict[str, ProgrammeState] = field(default_factory=dict)
    crews: dict[str, Crew] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    flown: dict[str, int] = field(default_factory=dict)  # successful missions by type
    grounded: set[str] = field(default_factory=set)  # programmes politics keeps from flying
    grounded_until: dict[str, int] = field(default_factory=dict)  # a timed grounding's end (quarter index)
    missions: list[Mission] = field(default_factory=list)
    pending_events: list[str] = field(default_factory=list)
    stand_down_until: int = 0  # quarter index: no crewed flights before it
    deaths: int = 0
    spent: float = 0.0
    launches: int = 0
    failures: int = 0
    ready: bool = False
    articles: dict[str, int] = field(default_factory=dict)  # built rockets and spacecraft in hand
    orders: list[Order] = field(default_factory=list)  # hardware being built
    ordered_this_year: dict[str, int] = field(default_factory=dict)  # for the yearly production limit
    pads: dict[str, int] = field(default_factory=dict)  # pad -> the quarter it is usable again (refit, wreck)
    low_support: int = 0  # quarters in a row under the leadership review's line
    file: RivalFile = field(default_factory=RivalFile)  # what it believes of the rival (intel.py)
    road: str | None = None  # the road to the Moon it follows (roads.yaml); None: not yet chosen
    road_changes: int = 0  # times it has changed road after choosing one
    research_edge: float = 1.0  # times what its research money buys: the computer rival's level (levels.yaml)
    pace: float = 1.0  # quarters of development counted for each funded quarter (levels.yaml)


@dataclass(slots=True)
class FirstWon:
    first: str
    side: str
    year: int
    month: int
    day: int
    mission: str
    rank: int  # 0: the first ever; 1: the other side's second


@dataclass(slots=True)
class LogEntry:
    quarter: int
    month: int
    kind: str  # launch | first | event | research | death | news | budget
    side: str | None
    text: str
    visible_to: tuple[str, ...] = SIDES


@dataclass(slots=True)
class StepResult:
    step: str
    name: str
    chance: float
    outcome: str  # success | scrub | abort | loss | death | skipped


@dataclass(slots=True)
class LaunchReport:
    """What the launch screen plays back and the turn report lists."""

    mission_id: int
    side: str
    type: str
    rocket: str
    spacecraft: str | None
    crew: list[str]
    year: int
    month: int
    day: int
    steps: list[StepResult]
    outcome: str  # success | scrubbed | aborted | lost | crew_lost
    firsts: list[str]
    public: bool
    expected: float = 0.0  # what the side believed its chance was, to set against what happened
    pad: str | None = None  # where it flew from
    fault: str | None = None  # a decision in flight: the fault (faults.yaml) and the option chosen;
    choice: str | None = None  # its side's secret, whatever the world saw of the flight


@dataclass(slots=True)
class QueuedLaunch:
    """A launch of the quarter still to fly, in month order (``GameState.queue``)."""

    side: str
    mission_id: int  # on its side's list of missions until it flies
    month: int
    day: int


@dataclass(slots=True)
class PendingDecision:
    """A flight stopped by a fault, waiting for its side to choose an option
    (``commands.DecideInFlight``). The flight so far is kept whole so that it goes on
    exactly where it stopped, in a loaded game too."""

    side: str
    fault: str  # the fault's id (faults.yaml), which holds the options and their odds
    step: int  # index of the step that went wrong
    mission: Mission  # the launch, off its side's list while it flies
    report: LaunchReport  # the steps flown so far
    chances: list[float]  # each step's true chance, worked out at lift-off
    flown: dict[str, bool] = field(default_factory=dict)  # programme -> failed, so far


@dataclass(slots=True)
class FiredEvent:
    event: str
    side: str
    quarter: int
    choice: str | None = None


@dataclass(slots=True)
class SideRecord:
    """One side at the end of one quarter, for the charts."""

    quarter: int
    budget: float
    prestige: float
    support: float
    reliability: dict[str, float]


@dataclass(slots=True)
class GameState:
    era: str
    mode: str  # historical | dynamic
    seed: int
    quarter: int  # quarter index, see dates.py
    start: int
    end: int
    rng: Rng
    sides: dict[str, SideState]
    turn: int = 0
    firsts: dict[str, list[FirstWon]] = field(default_factory=dict)
    log: list[LogEntry] = field(default_factory=list)
    fired: list[FiredEvent] = field(default_factory=list)
    launches: list[LaunchReport] = field(default_factory=list)  # the last quarter's
    records: dict[str, list[SideRecord]] = field(default_factory=dict)
    over: bool = False
    winner: str | None = None  # usa | ussr | None (a draw or nobody)
    end_year: int = 0
    end_month: int = 0
    next_mission_id: int = 1
    dismissed: str | None = None  # the side whose head was replaced: the game ended by review
    # a quarter paused by a decision in flight: the flight waiting, and the launches after it
    decision: PendingDecision | None = None
    queue: list[QueuedLaunch] = field(default_factory=list)
    # whether the quarter's research is done: it comes after the launches, so it is False only
    # while a decision in flight pauses them (a save from before format 5, which did the
    # research first, reads as done)
    researched: bool = True

    def side(self, side: str) -> SideState:
        return self.sides[side]

    def first_holder(self, first: str) -> str | None:
        won = self.firsts.get(first)
        return won[0].side if won else None

    def has_first(self, side: str, first: str) -> bool:
        return any(w.side == side for w in self.firsts.get(first, ()))


# --- serialisation ---------------------------------------------------------------------

def _plain(value):
    if isinstance(value, Rng):
        return value.get_state()
    if isinstance(value, set):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def to_dict(state: GameState) -> dict:
    return _plain(state)
