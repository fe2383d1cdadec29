"""What a side can do. Each command checks itself and refuses with a reason.

``Game.execute`` calls ``check`` and, only if it returns no reason, ``apply``. The UI,
the AI and the tests all come through here, so a rule is enforced in one place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from game.core import dates, eventtypes, inflight, joint, roads, rules, turn
from game.core.state import Mission, Order

if TYPE_CHECKING:
    from game.core.game import Game

MAX_FUNDING = 500.0  # per programme per quarter: far past the point of diminishing returns


@dataclass(frozen=True)
class Command:
    side: str
    allowed_when_ready: ClassVar[bool] = False

    def check(self, game: Game) -> str | None:  # pragma: no cover - every command overrides
        raise NotImplementedError

    def apply(self, game: Game):  # pragma: no cover
        raise NotImplementedError


@dataclass(frozen=True)
class StartProgramme(Command):
    programme: str

    def check(self, game):
        reason = game.why_not_start(self.side, self.programme)
        if reason:
            return reason
        cost = game.content.programmes[self.programme].start_cost
        if game.state.sides[self.side].cash < cost:
            return f"starting costs {cost:g}, and only {game.state.sides[self.side].cash:.0f} is in hand"
        return None

    def apply(self, game):
        side = game.state.sides[self.side]
        prog = game.content.programmes[self.programme]
        side.cash -= prog.start_cost
        side.spent += prog.start_cost
        game.open_programme(side, self.programme)
        game.log(self.side, "research", f"{prog.name} programme started.", (self.side,))


@dataclass(frozen=True)
class FundProgramme(Command):
    """Set how much a programme gets each quarter from now on."""

    programme: str
    amount: float

    def check(self, game):
        if self.programme not in game.state.sides[self.side].programmes:
            return f"{self.programme!r} has not been started"
        if not isinstance(self.amount, (int, float)) or not math.isfinite(self.amount):
            return "the amount must be a number"
        if not 0 <= self.amount <= MAX_FUNDING:
            return f"funding must be between 0 and {MAX_FUNDING:g} a quarter"
        if self.amount > 0:
            return roads.why_barred(game, self.side, self.programme)
        return None

    def apply(self, game):
        game.state.sides[self.side].programmes[self.programme].funding = float(self.amount)


@dataclass(frozen=True)
class FundIntelligence(Command):
    """Set what the side's intelligence services get each quarter from now on: paid as each
    quarter opens, it narrows the file on the rival (``intel.py``)."""

    amount: float

    def check(self, game):
        if not isinstance(self.amount, (int, float)) or isinstance(self.amount, bool) \
                or not math.isfinite(self.amount):
            return "the amount must be a number"
        budget = game.state.sides[self.side].budget
        if self.amount < 0:
            return "intelligence cannot be paid less than nothing"
        if self.amount > min(MAX_FUNDING, budget):
            return f"intelligence can have at most the whole budget, {min(MAX_FUNDING, budget):.0f} a quarter"
        return None

    def apply(self, game):
        game.state.sides[self.side].file.spending = round(float(self.amount), 2)


@dataclass(frozen=True)
class OrderHardware(Command):
    """Order built rockets or spacecraft: paid now, in hand after the programme's build time."""

    programme: str
    count: int = 1

    def check(self, game):
        prog = game.content.programmes.get(self.programme)
        if prog is None:
            return f"no programme {self.programme!r}"
        if prog.kind == "component":
            return f"{prog.name} is not built for a flight: it flies as part of a rocket or spacecraft"
        side = game.state.sides[self.side]
        if self.programme not in side.programmes:
            return f"{prog.name} has not been started"
        if not isinstance(self.count, int) or isinstance(self.count, bool) or self.count < 1:
            return "the number ordered must be a whole number, 1 or more"
        if ended := game.production_ended(prog):
            return ended
        done = side.ordered_this_year.get(self.programme, 0)
        if done + self.count > prog.per_year:
            return (f"{prog.name} is built at most {prog.per_year} a year, and {done} "
                    f"{'has' if done == 1 else 'have'} been ordered this year")
        cost = prog.unit_cost * self.count
        if side.cash < cost:
            return f"{self.count} {prog.name} cost{'s' if self.count == 1 else ''} {cost:g}, and only {side.cash:.0f} is in hand"
        return None

    def apply(self, game):
        side = game.state.sides[self.side]
        prog = game.content.programmes[self.programme]
        cost = prog.unit_cost * self.count
        side.cash -= cost
        side.spent += cost
        ready = game.state.quarter + prog.build_quarters
        side.orders.extend(Order(self.programme, ready) for _ in range(self.count))
        side.ordered_this_year[self.programme] = side.ordered_this_year.get(self.programme, 0) + self.count
        game.log(self.side, "research", f"{self.count} {prog.name} ordered, ready in "
                 f"{dates.format_quarter(ready)}.", (self.side,))


@dataclass(frozen=True)
class PlanMission(Command):
    """Book a launch for a month of the current quarter. The cost is paid now.
    A multi-launch mission (its type has ``joint``) books its other launch too: ``rocket2``
    and ``spacecraft2`` (joint.py)."""

    mission: str
    rocket: str
    spacecraft: str | None = None
    month: int = 0  # calendar month; 0 means the quarter's first
    crew: tuple[str, ...] = field(default_factory=tuple)
    rocket2: str | None = None
    spacecraft2: str | None = None

    def month_or_default(self, game) -> int:
        return self.month or game.month_now()

    def check(self, game):
        mission = game.content.missions.get(self.mission)
        if mission is None:
            return f"no mission type {self.mission!r}"
        first = game.month_now()
        if not isinstance(self.month, int) or (self.month and not first <= self.month <= first + 2):
            return f"the month must be one of this quarter's ({first}-{first + 2})"
        if game.launches_booked(self.side) + (2 if mission.joint else 1) > game.MAX_LAUNCHES:
            return f"no more than {game.MAX_LAUNCHES} launches a quarter"
        reason = roads.why_mission_barred(game, self.side, self.mission)
        if reason:
            return reason
        if not mission.joint and (self.rocket2 or self.spacecraft2):
            return f"the {mission.name.lower()} flies on one launch"
        hardware = game.hardware(self.side, mission, self.rocket, self.spacecraft)
        if isinstance(hardware, str):
            return hardware
        reason = game.why_not_fly_now(self.side, mission, hardware)
        if reason:
            return reason
        reason = check_crew(game, self.side, mission, hardware, self.crew, exclude_mission=None)
        if reason:
            return reason
        if mission.joint:
            reason, found = joint.check(game, self.side, mission, hardware, self.rocket2, self.spacecraft2)
            if reason:
                return reason
            hardware2, pad, pad2 = found
            object.__setattr__(self, "_joint", (hardware2, pad2))
            object.__setattr__(self, "_pad", pad)
            object.__setattr__(self, "_hardware", hardware)
            return None
        object.__setattr__(self, "_joint", None)
        missing = game.missing_articles(self.side, hardware)
        if missing:
            gone = game.out_of_stock_for_good(self.side, hardware)
            if gone:
                return "no " + " or ".join(p.name for p in gone) + " in hand, and no more are built"
            return "no " + " or ".join(p.name for p in missing) + " built and in hand: order one first"
        pad, reason = game.why_no_pad(self.side, hardware.rocket)
        if reason:
            return reason
        # apply() follows check() at once: keep what it needs rather than work it out twice
        object.__setattr__(self, "_pad", pad)
        object.__setattr__(self, "_hardware", hardware)
        return None

    def apply(self, game):
        side = game.state.sides[self.side]
        crew = [side.crews[c] for c in self.crew]
        mission = game.content.missions[self.mission]
        if self._joint is not None:
            hardware2, pad2 = self._joint
            expected = joint.odds(game, self.side, mission, self._hardware, hardware2, crew)
            articles = joint.articles(game, self._hardware, hardware2)
        else:
            expected = game.odds(self.side, mission, self._hardware, crew).success
            articles = list(game.articles_needed(self._hardware))
        for article in articles:  # the hardware was paid for when it was ordered
            side.articles[article] -= 1
        booked = Mission(game.state.next_mission_id, self.side, self.mission, self.rocket, self.spacecraft,
                         self.month_or_default(game), game.state.quarter, list(self.crew), 0.0,
                         round(expected, 4), self._pad, articles)
        if self._joint is not None:
            booked.rocket2, booked.spacecraft2, booked.pad2 = self.rocket2, self.spacecraft2, self._joint[1]
        game.state.next_mission_id += 1
        side.missions.append(booked)
        return booked.id


def check_crew(game, side: str, mission, hardware, crew_ids, exclude_mission) -> str | None:
    if not mission.crew_min:
        return "this mission flies no crew" if crew_ids else None
    if len(set(crew_ids)) != len(crew_ids):
        return "a crew member is named twice"
    seats = hardware.spacecraft.crew if hardware.spacecraft else 0
    if len(crew_ids) > seats:
        return f"{hardware.spacecraft.name} has {seats} seat{'s' if seats != 1 else ''}"
    if crew_ids and len(crew_ids) < mission.crew_min:
        return f"the {mission.name.lower()} needs a crew of {mission.crew_min}"
    if mission.woman and crew_ids and not any(
            getattr(game.state.sides[side].crews.get(c), "woman", False) for c in crew_ids):
        return f"the {mission.name.lower()} needs a woman in the crew"
    crews = game.state.sides[side].crews
    booked = {c for m in game.state.sides[side].missions if m.id != exclude_mission for c in m.crew}
    for crew_id in crew_ids:
        crew = crews.get(crew_id)
        if crew is None:
            return f"no crew member {crew_id!r}"
        if crew.status != "active":
            return f"{crew.name} cannot fly ({crew.status})"
        if crew.ready_from > game.state.quarter:
            return f"{crew.name} is in basic training until {dates.format_quarter(crew.ready_from)}"
        if crew_id in booked:
            return f"{crew.name} is already on another flight"
    return None


@dataclass(frozen=True)
class CancelMission(Command):
    mission_id: int

    def check(self, game):
        if not any(m.id == self.mission_id for m in game.state.sides[self.side].missions):
            return f"no planned mission {self.mission_id}"
        return None

    def apply(self, game):
        side = game.state.sides[self.side]
        mission = next(m for m in side.missions if m.id == self.mission_id)
        side.missions.remove(mission)
        turn.unbook(side, mission)


@dataclass(frozen=True)
class ChooseRoad(Command):
    """Follow a road to the Moon (roads.yaml); a change from another road costs the new
    road's switch_cost and switch_delay, and the old road's own programmes lose their money."""

    road: str

    def check(self, game):
        return roads.why_not_choose(game, self.side, self.road)

    def apply(self, game):
        roads.take_road(game, self.side, self.road)


@dataclass(frozen=True)
class TrainCrew(Command):
    """Set the skill a crew member trains each quarter (None: no training)."""

    crew_id: str
    skill: str | None

    def check(self, game):
        crew = game.state.sides[self.side].crews.get(self.crew_id)
        if crew is None:
            return f"no crew member {self.crew_id!r}"
        if crew.status != "active":
            return f"{crew.name} cannot train ({crew.status})"
        if self.skill not in (None, "piloting", "endurance", "eva", "docking"):
            return f"no skill {self.skill!r} (piloting, endurance, eva or docking)"
        return None

    def apply(self, game):
        game.state.sides[self.side].crews[self.crew_id].training = self.skill


@dataclass(frozen=True)
class AnswerEvent(Command):
    event: str
    choice: str

    def check(self, game):
        side = game.state.sides[self.side]
        if self.event not in side.pending_events:
            return f"no event {self.event!r} is waiting for an answer"
        event = game.content.events[self.event]
        if not any(c.id == self.choice for c in event.choices):
            return f"{event.title} has no choice {self.choice!r}"
        return None

    def apply(self, game):
        side = game.state.sides[self.side]
        event = game.content.events[self.event]
        choice = next(c for c in event.choices if c.id == self.choice)
        side.pending_events.remove(self.event)
        for fired in reversed(game.state.fired):
            if fired.event == self.event and fired.side == self.side and fired.choice is None:
                fired.choice = self.choice
                break
        # a card that starts a programme the side already runs gives it a push instead
        under_way = sorted({c.programme for c in choice.effects if c.type == "start_programme"
                            and c.target == "self" and c.programme in side.programmes})
        for clause in choice.effects:
            eventtypes.apply(game, self.side, clause)
        game.log(self.side, "event", f"{event.title}: {choice.text}", (self.side,))
        for prog_id in under_way:
            prog, definition = side.programmes[prog_id], game.content.programmes[prog_id]
            prog.reliability = min(definition.cap, prog.reliability + rules.CARD_BACKING)
            game.log(self.side, "research", f"{definition.name} was already under way: the backing goes into "
                     f"its development (+{rules.CARD_BACKING:g} reliability).", (self.side,))


@dataclass(frozen=True)
class EndTurn(Command):
    """The side has planned its quarter. When both sides have, the quarter resolves."""

    def check(self, game):
        side = game.state.sides[self.side]
        if side.pending_events:
            title = game.content.events[side.pending_events[0]].title
            return f"answer \u201c{title}\u201d first"
        return None

    def apply(self, game):
        game.state.sides[self.side].ready = True
        if all(s.ready for s in game.state.sides.values()):
            return turn.resolve_quarter(game)
        return None


@dataclass(frozen=True)
class DecideInFlight(Command):
    """Answer a fault that stopped one of the side's flights: the flight goes on by the
    option's odds, then the rest of the quarter resolves (or stops at the next decision)."""

    option: str
    allowed_when_ready: ClassVar[bool] = True  # both sides have ended the turn when it comes

    def check(self, game):
        decision = game.state.decision
        if decision is None or decision.side != self.side:  # the same words whether the rival waits or not
            return "no flight of yours is waiting for a decision"
        if inflight.option(game, decision, self.option) is None:
            fault = game.content.faults[decision.fault]
            return (f"{fault.name} has no option {self.option!r} "
                    f"(one of {', '.join(o.id for o in fault.options)})")
        return None

    def apply(self, game):
        inflight.resolve(game, self.option)
        return game.state.launches
