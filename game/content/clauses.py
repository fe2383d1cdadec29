"""Event conditions and effects: one typed model per clause, registered by its name.

A scenario writes each clause as a one-key mapping, ``- support: -5`` or
``- reliability: {programme: r7, amount: 10}``; the key names the clause and the value
holds its parameters (a bare value fills the one the clause marks as ``bare``). The
model's fields are its parameters, with their ranges, so a clause that loads is one the
rules can run without checking again. What each clause *does* to a game is in
``game.core.eventtypes``, which sits above these models.

Conditions combine with ``all_of``, ``any_of`` and ``not``; a condition that compares a
number takes ``below`` and/or ``at_least`` (``support: {below: 40}``). The names the
files used before these existed (``not_flag``, ``support_below`` ...) are read as
aliases, so every scenario and mod written for them still loads.

``target`` chooses whose state is read or changed: ``self`` (the side the event is
for, the default) or ``rival``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator
from pydantic.dataclasses import rebuild_dataclass

from game.content.fields import Percent, QuarterText, nearest_hint, record


@dataclass(frozen=True)
class Ref:
    """Marks a parameter that names something the scenario defines (checked on load)."""

    kind: str  # programme, first, event, mission or era


@dataclass(frozen=True)
class Slot:
    """Marks where a condition or an effect is written (the loader reads it for its hints)."""

    what: str  # "condition" or "effect"


Text = Annotated[str, Field(min_length=1)]
ProgrammeId = Annotated[str, Field(min_length=1), Ref("programme")]
FirstId = Annotated[str, Field(min_length=1), Ref("first")]
EventId = Annotated[str, Field(min_length=1), Ref("event")]
MissionId = Annotated[str, Field(min_length=1), Ref("mission")]
EraId = Annotated[str, Field(min_length=1), Ref("era")]
RoadId = Annotated[str, Field(min_length=1), Ref("road")]
Flag = Annotated[str, Field(min_length=1)]
Target = Literal["self", "rival"]
Number = Annotated[float, Field(ge=-1_000_000, le=1_000_000)]
Count = Annotated[int, Field(ge=0, le=1000)]
Quarters = Annotated[int, Field(ge=1, le=100)]
Change = Annotated[float, Field(ge=-100, le=100)]  # a change to a figure kept within 0-100


class Clause:
    """What every condition and effect has: its name, what it does, the parameter a bare
    value fills, and the clauses inside it (for the combinators)."""

    type: ClassVar[str]
    doc: ClassVar[str]
    bare: ClassVar[str | None] = None

    def parts(self) -> tuple[Clause, ...]:
        return ()


class Comparison(Clause):
    """A condition that compares a number: it holds when the number is below ``below``
    and at least ``at_least``, whichever are given."""

    def compare(self, value: float) -> bool:
        return (self.below is None or value < self.below) and (self.at_least is None or value >= self.at_least)

    @model_validator(mode="after")
    def _something_to_compare(self):
        if self.below is None and self.at_least is None:
            raise ValueError("give below, at_least or both")
        return self


CONDITIONS: dict[str, type[Clause]] = {}
EFFECTS: dict[str, type[Clause]] = {}


def _register(table, name: str, doc: str, bare: str | None):
    def wrap(cls):
        cls.type, cls.doc, cls.bare = name, doc, bare
        table[name] = record(cls)
        return table[name]
    return wrap


def condition(name: str, doc: str, bare: str | None = None):
    return _register(CONDITIONS, name, doc, bare)


def effect(name: str, doc: str, bare: str | None = None):
    return _register(EFFECTS, name, doc, bare)


# --- conditions: combinators ------------------------------------------------------------------

@condition("all_of", "every one of the listed conditions holds", "conditions")
class AllOf(Clause):
    conditions: tuple[Condition, ...] = Field(min_length=1)

    def parts(self):
        return self.conditions


@condition("any_of", "at least one of the listed conditions holds", "conditions")
class AnyOf(Clause):
    conditions: tuple[Condition, ...] = Field(min_length=1)

    def parts(self):
        return self.conditions


@condition("not", "the condition given does not hold: `not: {flag: x}`", "condition")
class Not(Clause):
    condition: Condition

    def parts(self):
        return (self.condition,)


# --- conditions: the date, the era, the mode ----------------------------------------------------

@condition("date", "the date is `from` this quarter or later and/or `before` this one")
class Date(Clause):
    from_: QuarterText | None = Field(default=None, alias="from")
    before: QuarterText | None = None

    @model_validator(mode="after")
    def _something_to_compare(self):
        if self.from_ is None and self.before is None:
            raise ValueError("give from, before or both")
        return self


@condition("era", "the game is this era", "era")
class Era(Clause):
    era: EraId


@condition("mode", "the game is played in this mode", "mode")
class Mode(Clause):
    mode: Literal["historical", "dynamic"]


@condition("road_open", "whether the side has yet to choose its road to the Moon (roads.yaml): "
           "`road_open: true` holds before the choice, `false` after it", "open")
class RoadOpen(Clause):
    open: bool = True
    target: Target = "self"


@condition("on_road", "the side follows this road to the Moon (roads.yaml)", "road")
class OnRoad(Clause):
    road: RoadId
    target: Target = "self"


# --- conditions: firsts, missions, programmes, events, flags ------------------------------------

@condition("first_won", "someone has won this first", "first")
class FirstWon(Clause):
    first: FirstId


@condition("has_first", "the side (or its rival) has achieved this first", "first")
class HasFirst(Clause):
    first: FirstId
    target: Target = "self"


@condition("first_ever", "the side (or its rival) won this first before anyone else", "first")
class FirstEver(Clause):
    first: FirstId
    target: Target = "self"


@condition("mission_flown", "the side has flown this mission type successfully", "mission")
class MissionFlown(Clause):
    mission: MissionId
    target: Target = "self"


@condition("programme_started", "the programme has been started", "programme")
class ProgrammeStarted(Clause):
    programme: ProgrammeId
    target: Target = "self"


@condition("rushed", "the programme has flown before its development time was up", "programme")
class Rushed(Clause):
    programme: ProgrammeId
    target: Target = "self"


@condition("event_fired", "this event has already happened to the side", "event")
class EventFired(Clause):
    event: EventId


@condition("fired_within", "this event happened to the side within the last few quarters")
class FiredWithin(Clause):
    event: EventId
    quarters: Count


@condition("choice_made", "the side chose this choice in this event")
class ChoiceMade(Clause):
    event: EventId
    choice: Text


@condition("flag", "the flag is set", "flag")
class FlagSet(Clause):
    flag: Flag
    target: Target = "self"


# --- conditions: comparisons --------------------------------------------------------------------

@condition("support", "public support (0-100) compared")
class Support(Comparison):
    below: Percent | None = None
    at_least: Percent | None = None
    target: Target = "self"


@condition("cash", "the side's money compared")
class Cash(Comparison):
    below: Number | None = None
    at_least: Number | None = None
    target: Target = "self"


@condition("prestige_gap", "how far the rival leads in prestige (negative: how far it trails) compared")
class PrestigeGap(Comparison):
    below: Number | None = None
    at_least: Number | None = None


@condition("leader_health", "the chief designer's health (0-100) compared")
class LeaderHealth(Comparison):
    below: Percent | None = None
    at_least: Percent | None = None
    target: Target = "self"


@condition("deaths", "how many of the side's crew have died, compared")
class Deaths(Comparison):
    below: Count | None = None
    at_least: Count | None = None
    target: Target = "self"


@condition("crew", "how many active crew members the side has, compared")
class CrewCount(Comparison):
    below: Count | None = None
    at_least: Count | None = None
    target: Target = "self"


@condition("reliability", "a started programme's true reliability compared (never holds for one not started)")
class Reliability(Comparison):
    programme: ProgrammeId
    below: Percent | None = None
    at_least: Percent | None = None
    target: Target = "self"


@condition("failures", "how often a started programme has failed in flight, compared (never holds for one "
           "not started)")
class Failures(Comparison):
    programme: ProgrammeId
    below: Count | None = None
    at_least: Count | None = None
    target: Target = "self"


@condition("successes", "how often a started programme has flown with success, compared (never holds for "
           "one not started)")
class Successes(Comparison):
    programme: ProgrammeId
    below: Count | None = None
    at_least: Count | None = None
    target: Target = "self"


# --- effects ------------------------------------------------------------------------------------

@effect("money", "adds money now (negative: takes it)", "amount")
class Money(Clause):
    amount: Number
    target: Target = "self"


@effect("budget", "changes the quarterly budget at 50 % support, for good", "amount")
class Budget(Clause):
    amount: Number
    target: Target = "self"


@effect("support", "moves support (0-100)", "amount")
class SupportChange(Clause):
    amount: Change
    target: Target = "self"


@effect("prestige", "adds prestige", "amount")
class Prestige(Clause):
    amount: Annotated[float, Field(ge=-1000, le=1000)]
    target: Target = "self"


@effect("expertise", "adds V-2 expertise (0-100)", "amount")
class Expertise(Clause):
    amount: Change
    target: Target = "self"


@effect("leader_health", "changes the chief designer's health (0-100)", "amount")
class LeaderHealthChange(Clause):
    amount: Change
    target: Target = "self"


@effect("leader", "a new leader takes over the programme", "name")
class Leader(Clause):
    name: Text
    target: Target = "self"


@effect("bureau_share", "changes the share of the budget lost to rival bureaus (0-0.5)", "amount")
class BureauShare(Clause):
    amount: Annotated[float, Field(ge=-0.5, le=0.5)]
    target: Target = "self"


@effect("reliability", "changes a started programme's reliability (within 1 and its cap)")
class ReliabilityChange(Clause):
    programme: ProgrammeId
    amount: Change
    target: Target = "self"


@effect("start_programme", "starts a programme at no cost, its requirements and date notwithstanding",
        "programme")
class StartProgramme(Clause):
    programme: ProgrammeId
    target: Target = "self"


@effect("sharpen_file", "a windfall for the side's file on the rival: for some quarters its bands "
        "narrow to a share, and it finds what it has missed (the U-2, Corona, the open press)")
class SharpenFile(Clause):
    share: Annotated[float, Field(ge=0.05, le=1)]
    quarters: Quarters
    target: Target = "self"


@effect("delay", "research on a programme stands still for some quarters")
class Delay(Clause):
    programme: ProgrammeId
    quarters: Quarters
    target: Target = "self"


@effect("ground", "politics keeps a programme from flying: until unground, or for `quarters` quarters "
        "when given (the hardware it waits on)", "programme")
class Ground(Clause):
    programme: ProgrammeId
    quarters: Quarters | None = None
    target: Target = "self"


@effect("unground", "lets a grounded programme fly again", "programme")
class Unground(Clause):
    programme: ProgrammeId
    target: Target = "self"


@effect("choose_road", "the side takes a road to the Moon (roads.yaml); a change from another road costs "
        "that road's switch_cost and switch_delay", "road")
class ChooseRoad(Clause):
    road: RoadId
    target: Target = "self"


@effect("set_flag", "sets a flag", "flag")
class SetFlag(Clause):
    flag: Flag
    target: Target = "self"


@effect("clear_flag", "clears a flag", "flag")
class ClearFlag(Clause):
    flag: Flag
    target: Target = "self"


@effect("recruit", "a group of crew joins (names already on the roster are skipped) and spends "
        "`training` quarters in basic training before it may fly")
class Recruit(Clause):
    names: tuple[Text, ...] = Field(min_length=1)
    piloting: Percent = 55
    endurance: Percent = 50
    eva: Percent = 30
    docking: Percent = 30
    women: bool = False  # the group is of women (Tereshkova's, 1962)
    # quarters of basic training before a first flight: Kamanin's twenty, formed in March
    # 1960, sat their final examinations in January 1961 (ten months)
    training: Annotated[int, Field(ge=0, le=12)] = 3
    target: Target = "self"


@effect("lose_crew", "crew members die in training or an accident: the one named, else the least flown "
        "(the newest first)", "count")
class LoseCrew(Clause):
    count: Annotated[int, Field(ge=1, le=100)] = 1
    name: str = ""
    target: Target = "self"


@effect("crew_morale", "changes every active crew member's morale", "amount")
class CrewMorale(Clause):
    amount: Change
    target: Target = "self"


@effect("stand_down", "no crewed flights for some quarters", "quarters")
class StandDown(Clause):
    quarters: Quarters
    target: Target = "self"


@effect("news", "a line in the news; the rival sees it only if public", "text")
class News(Clause):
    text: Text
    public: bool = True


# --- the old names ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Alias:
    """An old condition name, read as the clause it now is."""

    means: str  # the clause it becomes
    rename: tuple[str, str] | None = None  # (old parameter, new parameter); a bare value fills the new
    negates: str | None = None  # the condition it is the opposite of (``means`` is then "not")

    def rewrite(self, params: Any) -> Any:
        if self.negates:
            return {self.negates: params}
        old, new = self.rename
        return {(new if k == old else k): v for k, v in params.items()} if isinstance(params, dict) else {new: params}

    def example(self) -> str:
        if self.negates:
            return f"`not: {{{self.negates}: ...}}`"
        return f"`{self.means}: {{{self.rename[1]}: ...}}`"


ALIASES: dict[str, Alias] = {
    "date_from": Alias("date", ("quarter", "from")),
    "date_before": Alias("date", ("quarter", "before")),
    "first_open": Alias("not", negates="first_won"),
    "lacks_first": Alias("not", negates="has_first"),
    "not_flag": Alias("not", negates="flag"),
    "programme_not_started": Alias("not", negates="programme_started"),
    "event_not_fired": Alias("not", negates="event_fired"),
    "support_below": Alias("support", ("value", "below")),
    "support_at_least": Alias("support", ("value", "at_least")),
    "reliability_below": Alias("reliability", ("value", "below")),
    "reliability_at_least": Alias("reliability", ("value", "at_least")),
    "cash_at_least": Alias("cash", ("value", "at_least")),
    "prestige_behind": Alias("prestige_gap", ("value", "at_least")),
    "leader_health_below": Alias("leader_health", ("value", "below")),
    "deaths_at_least": Alias("deaths", ("value", "at_least")),
    "crew_below": Alias("crew", ("value", "below")),
    "failures_at_least": Alias("failures", ("value", "at_least")),
    "successes_at_least": Alias("successes", ("value", "at_least")),
}


# --- reading a clause from its one-key mapping --------------------------------------------------

NAMES = {"condition": {**CONDITIONS, **{old: CONDITIONS[a.means] for old, a in ALIASES.items()}},
         "effect": dict(EFFECTS)}  # every name a file may write, and the model it is read into


def _one_key(what: str, value: Any) -> Any:
    """Check the clause is a one-key mapping with a known name (with the nearest name if not)."""
    if isinstance(value, dict) and set(value) == {"type", "params"} and isinstance(value["type"], str):
        # the long form, {type: x, params: y}
        value = {value["type"]: value["params"]}
    if not (isinstance(value, dict) and len(value) == 1):
        raise ValueError(f"expected a {what} written as a one-key mapping, such as {{support: 5}}")
    (name,) = value
    if name not in NAMES[what]:
        raise ValueError(f"unknown {what} type {name!r}{nearest_hint(str(name), NAMES[what])}")
    return value


def _unwrap(name: str, cls: type[Clause], value: Any) -> Any:
    params = value[name]
    if name in ALIASES:
        params = ALIASES[name].rewrite(params)
    if cls.bare and (cls is Not or not isinstance(params, dict)):
        params = {cls.bare: params}
    return params


def as_written(what: str, name: str, params: Any) -> tuple[int, dict[str, str]]:
    """How an error's location just under a clause's name differs from the file: how many
    of its steps the file leaves out (the parameter a bare value fills, the ``not`` an old
    name stands for), and the parameters an old name calls otherwise (``value``)."""
    alias = ALIASES.get(name) if what == "condition" else None
    if alias and alias.rename:
        old, new = alias.rename
        return (0, {new: old}) if isinstance(params, dict) else (1, {})
    steps = 0
    if alias and alias.negates:
        steps, name = 2, alias.negates  # "condition", then the name of the clause negated
    cls = NAMES[what].get(name)
    if cls is not None and cls.bare and (cls is Not or not isinstance(params, dict)):
        steps += 1
    return steps, {}


def _key(value: Any) -> str | None:
    return next(iter(value)) if isinstance(value, dict) and len(value) == 1 else None


def _slot(what: str):
    members = tuple(Annotated[cls, BeforeValidator(partial(_unwrap, name, cls)), Tag(name)]
                    for name, cls in NAMES[what].items())
    return Annotated[Union[members], Discriminator(_key), BeforeValidator(partial(_one_key, what)),  # noqa: UP007
                     Slot(what)]


Condition = _slot("condition")
Effect = _slot("effect")
for _cls in (AllOf, AnyOf, Not):
    rebuild_dataclass(_cls)


def references(clause: Clause) -> list[tuple[str, str]]:
    """(kind, id) for each thing the clause names that the scenario must define."""
    return [(kind, getattr(clause, name)) for name, kind in _ref_fields(type(clause))]


def _ref_fields(cls) -> list[tuple[str, str]]:
    return [(name, m.kind) for name, info in cls.__pydantic_fields__.items() for m in info.metadata
            if isinstance(m, Ref)]

