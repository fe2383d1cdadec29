"""The game: content, state, and the one door through which anything changes them.

Players, the AI and events change the state only through ``Game.execute(command)``
(commands are in ``commands.py``) and the quarter's resolution (``turn.py``). The
helpers here are the shared vocabulary of both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple
from weakref import WeakKeyDictionary

from game.core import dates, intel, roads, rules, turn
from game.core.rng import Rng
from game.core.state import (
    SIDES,
    Crew,
    FirstWon,
    GameState,
    LogEntry,
    ProgrammeState,
    SideState,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from game.content.model import Content, MissionTypeDef, ProgrammeDef
    from game.core.commands import Command

MAX_LAUNCHES_PER_QUARTER = 4  # pads and launch crews, roughly what either side managed by 1965


# Result, Hardware and rules.Odds are made by the thousand in every game: named tuples are
# as immutable as frozen dataclasses and cost about half as much to build.
class Result(NamedTuple):
    ok: bool
    reason: str = ""
    value: Any = None

    def __bool__(self) -> bool:
        return self.ok


class Hardware(NamedTuple):
    """The programmes a planned mission flies, step by step."""

    rocket: ProgrammeDef
    spacecraft: ProgrammeDef | None
    by_step: tuple[ProgrammeDef, ...]
    escape: ProgrammeDef | None
    shares: tuple[int, ...]  # for each step, how many steps its programme flies in


_SHARED_HARDWARE: WeakKeyDictionary = WeakKeyDictionary()  # content -> Game.hardware's answers across games
_SHARED_HARDWARE_LIMIT = 50_000


class Game:
    MAX_LAUNCHES = MAX_LAUNCHES_PER_QUARTER

    def __init__(self, content: Content, state: GameState):
        self.content = content
        self.state = state
        self.era = content.eras[state.era]
        self.events = content.events_for_era(state.era)
        # derived from state.fired, so never saved: (event, side) -> the last quarter it fired
        self._last_fired = {(f.event, f.side): f.quarter for f in state.fired}
        # each side's events that may still fire, by the earliest quarter they can: a cache
        # that turn.py prunes as it goes (the sort is stable, so file order breaks ties)
        self._open_events = {side: sorted(((turn.earliest_quarter(self, e), e) for e in self.events if side in e.sides),
                                          key=lambda pair: pair[0]) for side in SIDES}
        self._hardware_known: dict[tuple, tuple] = {}  # see hardware()
        self._earliest = {pid: (dates.parse_quarter(p.earliest), p.earliest)
                          for pid, p in content.programmes.items() if p.earliest}
        self._last_order = {pid: dates.parse_quarter(p.last_order) for pid, p in content.programmes.items()
                            if p.last_order}
        # programme -> the era's events with a choice that starts it for the side the card is for
        self._starting_cards: dict[str, list] = {}
        for event in self.events:
            for pid in {c.programme for choice in event.choices for c in choice.effects
                        if c.type == "start_programme" and c.target == "self"}:
                self._starting_cards.setdefault(pid, []).append(event)

    # --- creating -----------------------------------------------------------------

    @classmethod
    def new(cls, content: Content, era_id: str, seed: int = 0, mode: str = "historical",
            levels: dict[str, str] | None = None) -> Game:
        """``levels``: the sides the computer plays, each with its level, which may give it an
        edge (levels.yaml); a side played by a person has none."""
        era = content.eras[era_id]
        start, end = dates.parse_quarter(era.start), dates.parse_quarter(era.end)
        rng = Rng(seed)
        sides = {}
        for side in SIDES:
            spec = era.side(side)
            sides[side] = SideState(side=side, leader=spec.leader, budget=spec.budget, base_budget=spec.budget,
                                    cash=spec.cash + spec.budget, prestige=spec.prestige, support=spec.support,
                                    expertise=spec.expertise, bureau_share=spec.bureau_share,
                                    budget_growth=spec.budget_growth,
                                    flags=set(spec.flags))
        state = GameState(era=era_id, mode=mode, seed=seed, quarter=start, start=start, end=end,
                          rng=rng, sides=sides, records={s: [] for s in SIDES})
        game = cls(content, state)
        for side in SIDES:
            spec = era.side(side)
            side_state = sides[side]
            # the era file gives the budget at the era's starting support; support moves it from there
            side_state.base_budget = spec.budget / (0.5 + spec.support / 100)
            edge = content.levels.get((levels or {}).get(side, ""))
            if edge is not None:
                side_state.base_budget *= edge.budget
                side_state.budget *= edge.budget
                side_state.cash *= edge.budget
                side_state.research_edge, side_state.pace = edge.research, edge.pace
            for prog_id, start_spec in spec.programmes.items():
                prog = game.open_programme(side_state, prog_id)
                if start_spec.reliability is not None:
                    prog.reliability = min(start_spec.reliability, content.programmes[prog_id].cap)
                prog.flights, prog.failures = start_spec.flights, start_spec.failures
                prog.successes = start_spec.flights - start_spec.failures
                prog.quarters = (content.programmes[prog_id].min_quarters + start_spec.flights
                                 if start_spec.quarters is None else start_spec.quarters)
                prog.funding = start_spec.funding
            side_state.articles = {pid: n for pid, n in spec.articles.items() if n}
            side_state.road = spec.road  # history's road where the era opens after the choice
            for crew in spec.crews:
                game.add_crew(side_state, Crew(id="", name=crew.name, piloting=crew.piloting,
                                               endurance=crew.endurance, eva=crew.eva, docking=crew.docking,
                                               woman=crew.woman))
        before = sorted((month, side, first) for side in SIDES for first, month in era.side(side).firsts.items())
        for month_text, side, first in before:
            year, month = dates.parse_month(month_text)
            won = state.firsts.setdefault(first, [])
            won.append(FirstWon(first, side, year, month, 1, "", len(won)))
        game.log(None, "news", f"{era.name}, {era.years}. {era.goal.description}")
        turn.draw_events(game)  # the first quarter's cards
        intel.survey_all(game)  # what each side knows of the other at the start
        return game

    # --- the one door -------------------------------------------------------------

    def execute(self, command: Command) -> Result:
        if self.state.over:
            return Result(False, "the game is over")
        if command.side not in self.state.sides:
            return Result(False, f"no such side {command.side!r}")
        if self.state.sides[command.side].ready and not command.allowed_when_ready:
            return Result(False, "this side has ended its turn")
        reason = command.check(self)
        if reason:
            return Result(False, reason)
        return Result(True, "", command.apply(self))  # (positional: a namedtuple's keywords cost a parse)

    # --- shared helpers -----------------------------------------------------------

    def month_now(self) -> int:
        return dates.first_month(self.state.quarter)

    @property
    def year(self) -> int:
        return self.state.quarter // 4

    def log(self, side: str | None, kind: str, text: str, visible_to=SIDES, month: int | None = None) -> None:
        self.state.log.append(LogEntry(self.state.quarter, month or self.month_now(), kind, side, text,
                                       tuple(visible_to)))

    def record_fired(self, fired) -> None:
        self.state.fired.append(fired)
        self._last_fired[(fired.event, fired.side)] = fired.quarter

    def open_events(self, side: str) -> list:
        return self._open_events[side]

    def set_open_events(self, side: str, events: list) -> None:
        self._open_events[side] = events

    def last_fired(self, event: str, side: str) -> int | None:
        return self._last_fired.get((event, side))

    def visible_log(self, side: str) -> list[LogEntry]:
        return [e for e in self.state.log if side in e.visible_to]

    def visible_launches(self, side: str) -> list:
        """The last quarter's launches a side knows of: its own, and the rival's public ones
        (every American launch; of the Soviet ones, only the successes are announced)."""
        return [r for r in self.state.launches
                if r.side == side or (r.public or r.outcome == "success" and not self.secret_test(r))
                and r.outcome != "scrubbed"]

    def secret_test(self, report) -> bool:
        """A missile test that won no first, by a side that keeps its failures secret: TASS said
        nothing of the R-1s, R-2s and R-5s (the R-7's success was announced, as the first ICBM,
        in August 1957)."""
        return (not self.content.sides[report.side].public_failures and not report.firsts
                and not self.content.missions[report.type].spacecraft)

    def abort_stand_down(self, side: str, mission: MissionTypeDef, chance: float) -> int:
        """The quarters a craft carries no crew after a crewed flight of ``mission``, flown at a
        believed ``chance``, aborted with its crew brought home. A try at the era's goal is
        reviewed longer, the whole programme answering for it, unless it flew at odds the
        side's ``goal_abort_below`` calls sound."""
        traits = self.content.sides[side]
        if self.era.goal.first in mission.firsts and traits.goal_abort_stand_down is not None \
                and (traits.goal_abort_below is None or chance < traits.goal_abort_below):
            return traits.goal_abort_stand_down
        return traits.abort_stand_down

    def may_have(self, side: str, prog_id: str) -> bool:
        prog = self.content.programmes.get(prog_id)
        return prog is not None and prog.side in (side, "both")

    def why_not_start(self, side: str, prog_id: str) -> str | None:
        """The reason a side may not start a programme now, or None if it may."""
        prog = self.content.programmes.get(prog_id)
        if prog is None:
            return f"no programme {prog_id!r}"
        if prog.side not in (side, "both"):
            return f"{prog.name} is not a {side.upper()} programme"
        side_state = self.state.sides[side]
        if prog_id in side_state.programmes:
            return f"{prog.name} has already started"
        if prog.available and self.state.quarter < dates.parse_quarter(prog.available):
            return f"{prog.name} cannot start before {prog.available}"
        barred = roads.why_barred(self, side, prog_id)  # (before what it needs: no use starting those)
        if barred:
            return barred
        missing = [self.content.programmes[r].name for r in prog.requires if r not in side_state.programmes]
        if missing:
            return f"{prog.name} needs {', '.join(missing)} first"
        card = self.card_due_to_start(side, prog_id)
        if card is not None:
            return f"\u201c{card.title}\u201d is due and may start {prog.name} without paying for it"
        return None

    def card_due_to_start(self, side: str, prog_id: str):
        """An event card that can start the programme free and is waiting for an answer, or
        could come now: paying to start it first would waste the money."""
        pending = self.state.sides[side].pending_events
        for event in self._starting_cards.get(prog_id, ()):
            if side in event.sides and (event.id in pending or turn.eligible(self, event, side)):
                return event
        return None

    def open_programme(self, side_state: SideState, prog_id: str) -> ProgrammeState:
        """Start a programme at no cost (the era's start, or an event)."""
        existing = side_state.programmes.get(prog_id)
        if existing is not None:
            return existing
        prog = self.content.programmes[prog_id]
        # the estimate's error is drawn once: a programme's first figures are a guess
        state = ProgrammeState(prog_id, prog.reliability, bias=max(-2.0, min(2.0, self.state.rng.gauss())))
        side_state.programmes[prog_id] = state
        return state

    def add_crew(self, side_state: SideState, crew: Crew) -> Crew:
        crew.id = f"{side_state.side}-{len(side_state.crews) + 1}"
        side_state.crews[crew.id] = crew
        return crew

    def kill_crew(self, side_state: SideState, crew: Crew, public: bool) -> None:
        crew.status = "dead"
        side_state.deaths += 1
        for other in side_state.crews.values():
            other.morale = max(0.0, other.morale - 10)
        visible = SIDES if public else (side_state.side,)
        self.log(side_state.side, "death", f"{crew.name} is dead.", visible)

    def change_support(self, side_state: SideState, amount: float) -> None:
        side_state.support = min(100.0, max(0.0, side_state.support + amount))

    def active_crew(self, side: str) -> list[Crew]:
        return [c for c in self.state.sides[side].crews.values() if c.status == "active"]

    def ready_crew(self, side: str) -> list[Crew]:
        """The active crew past basic training: those who may be named for a flight."""
        quarter = self.state.quarter
        return [c for c in self.active_crew(side) if c.ready_from <= quarter]

    def booked_crew(self, side: str) -> set[str]:
        return {c for m in self.state.sides[side].missions for c in m.crew}

    # --- missions -----------------------------------------------------------------

    def provider(self, side: str, capability: str) -> ProgrammeDef | None:
        """The side's most reliable started programme that provides a capability."""
        best, best_rel = None, -1.0
        owned = self.state.sides[side].programmes
        for prog in self.content.providers.get(capability, ()):
            prog_state = owned.get(prog.id)
            if prog_state is not None and prog_state.reliability > best_rel:
                best, best_rel = prog, prog_state.reliability
        return best

    def hardware(self, side: str, mission: MissionTypeDef, rocket_id: str,
                 spacecraft_id: str | None, any_date: bool = False) -> Hardware | str:
        """The hardware each step uses, or the reason the combination cannot fly.

        The answer depends on the content, on which programmes the side has started (they
        are never stopped, so their number tells), on its groundings (and when the rocket's
        or craft's timed grounding ends, which its refusal says) and on which
        programme provides each capability it asks for: the most reliable one, where
        several could. So it is remembered under the first three and kept while those
        providers are still the ones chosen: the rules and the planner ask the same
        question many times a quarter.
        """
        side_state = self.state.sides[side]
        early = None if any_date else self.too_early(rocket_id, spacecraft_id)
        if early:
            return early
        until = side_state.grounded_until  # (the refusal says when a timed grounding ends)
        key = (side, mission.id, rocket_id, spacecraft_id, len(side_state.programmes),
               frozenset(side_state.grounded), until.get(rocket_id), until.get(spacecraft_id or ""))
        known = self._hardware_known.get(key)
        if known is not None and (not known[1] or all(self.provider(side, capability) is chosen
                                                      for capability, chosen in known[1])):
            return known[0]
        # Missed here, it is looked up in a table kept with the content, across games: the
        # answer reads only whether the rocket and craft are started and grounded (and until
        # when), and every provider it asked for, each checked to be the one chosen now
        owned, grounded = side_state.programmes, side_state.grounded
        shared_key = (side, mission.id, rocket_id, spacecraft_id, rocket_id in owned, spacecraft_id in owned,
                      rocket_id in grounded, spacecraft_id in grounded, key[-2], key[-1])
        table = _SHARED_HARDWARE.get(self.content)
        if table is None:
            table = _SHARED_HARDWARE[self.content] = {}
        shared = table.get(shared_key)
        if shared is not None and all(self.provider(side, capability) is chosen for capability, chosen in shared[1]):
            answer, asked_all = shared
        else:
            asked_all: list[tuple[str, ProgrammeDef | None]] = []

            def provider(capability: str) -> ProgrammeDef | None:
                chosen = self.provider(side, capability)
                asked_all.append((capability, chosen))
                return chosen

            answer = self._work_out_hardware(side, mission, rocket_id, spacecraft_id, provider)
            if len(table) > _SHARED_HARDWARE_LIMIT:
                table.clear()  # (a bound on a long batch's memory: the answers are only worked out again)
            table[shared_key] = (answer, tuple(asked_all))
        providers = self.content.providers
        # (here, only what more than one programme provides: else what is started, in the key, decides)
        self._hardware_known[key] = (answer, tuple((capability, chosen) for capability, chosen in asked_all
                                                   if len(providers.get(capability, ())) > 1))
        return answer

    def too_early(self, rocket_id: str, spacecraft_id: str | None) -> str | None:
        """Why the rocket or craft cannot fly yet by history's calendar (its ``earliest``), or None.
        Outside hardware()'s memory, which does not depend on the date."""
        for prog_id in (rocket_id, spacecraft_id):
            earliest = self._earliest.get(prog_id)
            if earliest is not None and self.state.quarter < earliest[0]:
                return f"{self.content.programmes[prog_id].name} cannot fly before {earliest[1]}"
        return None

    def _work_out_hardware(self, side: str, mission: MissionTypeDef, rocket_id: str, spacecraft_id: str | None,
                           provider: Callable[[str], ProgrammeDef | None]) -> Hardware | str:
        programmes = self.content.programmes
        owned = self.state.sides[side].programmes
        rocket = programmes.get(rocket_id)
        if rocket is None or rocket.kind != "rocket":
            return f"{rocket_id!r} is not a rocket"
        if rocket_id not in owned:
            return f"{rocket.name} has not been started"
        spacecraft = None
        if mission.spacecraft:
            if spacecraft_id is None:
                return f"the {mission.name.lower()} needs a spacecraft"
            spacecraft = programmes.get(spacecraft_id)
            if spacecraft is None or spacecraft.kind != "spacecraft":
                return f"{spacecraft_id!r} is not a spacecraft"
            if spacecraft_id not in owned:
                return f"{spacecraft.name} has not been started"
        elif spacecraft_id is not None:
            return f"the {mission.name.lower()} flies no spacecraft"
        side_state = self.state.sides[side]
        for programme in (rocket, spacecraft):
            if programme is not None and programme.id in side_state.grounded:
                until = side_state.grounded_until.get(programme.id)
                return f"{programme.name} is grounded by order from above" + (
                    f" until {dates.format_quarter(until)}" if until else "")
        reason, _ = rules.why_cannot_fly(mission, rocket, spacecraft, self.content.capability_kinds, provider)
        if reason:
            return reason
        by_step = []
        for step in mission.steps:
            if step.uses == "rocket":
                by_step.append(rocket)
            elif step.uses == "spacecraft":
                by_step.append(spacecraft or rocket)
            elif step.uses in rocket.provides:
                by_step.append(rocket)
            elif spacecraft is not None and step.uses in spacecraft.provides:
                by_step.append(spacecraft)
            else:
                holder = provider(step.uses)
                if holder is None:
                    return f"the {mission.name.lower()} needs {step.uses.replace('_', ' ')}"
                by_step.append(holder)
        escape = provider(mission.escape_by) if mission.crew_min and mission.escape_by else None
        ids = [p.id for p in by_step]
        return Hardware(rocket, spacecraft, tuple(by_step), escape, tuple(map(ids.count, ids)))

    def why_not_fly_now(self, side: str, mission: MissionTypeDef, hardware: Hardware) -> str | None:
        """What keeps hardware that could fly a mission on the ground this quarter: a
        stand-down after a death, an inquiry. (``hardware`` answers whether it could fly at all.)"""
        side_state = self.state.sides[side]
        quarter = self.state.quarter
        if mission.crew_min and side_state.stand_down_until > quarter:
            return f"crewed flights are stood down until {dates.format_quarter(side_state.stand_down_until)}"
        owned = side_state.programmes
        for prog in (hardware.rocket, *hardware.by_step):
            state = owned[prog.id]
            if state.inquiry_until <= quarter and state.crewed_until <= quarter:
                continue  # the usual case, asked cheaply: this runs for every plan the AI weighs
            if state.inquiry_until > quarter:
                return f"{prog.name} is stood down by an inquiry until {dates.format_quarter(state.inquiry_until)}"
            if mission.crew_min and prog.kind == "spacecraft" and state.crewed_until > quarter:
                return (f"{prog.name} carries no crew until {dates.format_quarter(state.crewed_until)}, "
                        f"while the failure of its last crewed flight is investigated")
        return None

    def articles_needed(self, hardware: Hardware) -> tuple[str, ...]:
        """The built hardware a launch spends: its rocket, its craft and any craft flying along."""
        needed = [hardware.rocket.id] + [p.id for p in hardware.by_step if p.kind == "spacecraft"]
        if hardware.spacecraft is not None:
            needed.append(hardware.spacecraft.id)
        return tuple(dict.fromkeys(needed))

    def missing_articles(self, side: str, hardware: Hardware) -> list[ProgrammeDef]:
        stock = self.state.sides[side].articles
        return [self.content.programmes[p] for p in self.articles_needed(hardware) if stock.get(p, 0) < 1]

    def production_ended(self, prog: ProgrammeDef) -> str | None:
        """Why no more of a rocket or craft can be ordered (its ``last_order`` is past), or None."""
        last = self._last_order.get(prog.id)
        if last is not None and self.state.quarter > last:
            return f"{prog.name} is no longer built: the last could be ordered in {prog.last_order}"
        return None

    def out_of_stock_for_good(self, side: str, hardware: Hardware) -> list[ProgrammeDef]:
        """The launch's vehicles with none in hand, none coming and no more to be built."""
        if self._last_order.keys().isdisjoint(self.articles_needed(hardware)):
            return []  # (the usual answer, asked for every kit the AI weighs)
        return [prog for prog in self.missing_articles(side, hardware)
                if self.production_ended(prog) and not self.on_order(side, prog.id)]

    def on_order(self, side: str, prog_id: str) -> list[int]:
        """The quarters in which the side's ordered articles of a programme will be ready."""
        return sorted(o.ready for o in self.state.sides[side].orders if o.programme == prog_id)

    def pad_open(self, side: str, pad) -> bool:
        """Whether a pad exists for the side now: history's date, or its rocket far enough along."""
        quarter = self.state.quarter
        if pad.side != side or pad.closes and quarter >= dates.parse_quarter(pad.closes):
            return False
        if pad.opens is None or quarter >= dates.parse_quarter(pad.opens):
            return True
        ready = pad.ready_with
        prog = self.state.sides[side].programmes.get(ready.programme) if ready else None
        return prog is not None and prog.quarters >= ready.quarters

    def pad_slots(self, side: str, rocket_id: str) -> list[tuple[str, int]]:
        """The side's pads that serve a rocket, with the launches each has left this quarter
        (0 when it is being refitted or rebuilt)."""
        side_state = self.state.sides[side]
        quarter = self.state.quarter
        booked: dict[str, int] = {}
        for mission in side_state.missions:
            if mission.quarter == quarter:
                for pad in (mission.pad, mission.pad2):  # a multi-launch mission holds two
                    if pad:
                        booked[pad] = booked.get(pad, 0) + 1
        slots = []
        for pad in self.content.pads_serving.get(rocket_id, ()):
            if self.pad_open(side, pad):
                usable = side_state.pads.get(pad.id, 0) <= quarter
                slots.append((pad.id, pad.per_quarter - booked.get(pad.id, 0) if usable else 0))
        return slots

    def why_no_pad(self, side: str, rocket: ProgrammeDef) -> tuple[str | None, str | None]:
        """A free pad for the rocket this quarter, or the reason there is none."""
        if not self.content.pads:
            return None, None  # a scenario without pads
        slots = self.pad_slots(side, rocket.id)
        free = next((pad for pad, left in slots if left > 0), None)
        if free is not None:
            return free, None
        if not slots:
            later = [p for p in self.content.pads_serving.get(rocket.id, ()) if p.side == side
                     and p.opens and dates.parse_quarter(p.opens) > self.state.quarter]
            when = f" before {min(p.opens for p in later)}" if later else ""
            return None, f"no pad can launch {rocket.name}{when}"
        side_state = self.state.sides[side]
        busy = [until for until in (side_state.pads.get(pad, 0) for pad, _ in slots) if until > self.state.quarter]
        if busy:
            return None, f"every {rocket.name} pad is booked or being rebuilt (one is free in {dates.format_quarter(min(busy))})"
        return None, f"every {rocket.name} pad is booked this quarter"

    def milestone_penalty(self, side: str, mission: MissionTypeDef) -> tuple[float, list[str]]:
        """Points off each step for flying a mission before its milestones, and their names.
        The mission's penalty is shared among its steps (a long mission is not punished more
        for being long) and among its milestones (each one flown removes its share)."""
        if not mission.after:
            return 0.0, []
        flown = self.state.sides[side].flown
        missing = [m for m in mission.after if not flown.get(m)]
        names = [self.content.missions[m].name for m in missing if m in self.content.missions]
        return self._milestone_points(side, mission), names

    def _milestone_points(self, side: str, mission: MissionTypeDef) -> float:
        """``milestone_penalty``'s points without the names: the odds ask for them at every plan weighed."""
        if not mission.after:
            return 0.0
        flown = self.state.sides[side].flown
        share = sum(1 for m in mission.after if not flown.get(m)) / len(mission.after)
        return mission.milestone_penalty * share / len(mission.steps)

    def odds(self, side: str, mission: MissionTypeDef, hardware: Hardware, crew: list[Crew],
             believed: bool = True) -> rules.Odds:
        """The chance of success and of crew loss. ``believed``: from the side's estimates
        (what the planner shows); otherwise from the true figures (what the dice use)."""
        owned = self.state.sides[side].programmes
        escape = rules.effective(hardware.escape, owned[hardware.escape.id], believed) if hardware.escape else 0.0
        return rules.mission_odds(mission, self.step_chances(side, mission, hardware, crew, believed), escape)

    def step_chances(self, side: str, mission: MissionTypeDef, hardware: Hardware, crew: list[Crew],
                     believed: bool) -> list[float]:
        owned = self.state.sides[side].programmes
        reliability: dict[str, float] = {}  # each programme's once, though it may fly in several steps
        for prog in hardware.by_step:
            if prog.id not in reliability:
                reliability[prog.id] = rules.effective(prog, owned[prog.id], believed)
        penalty = self._milestone_points(side, mission)
        return [rules.step_chance(step, reliability[prog.id], share, crew, penalty)
                for step, prog, share in zip(mission.steps, hardware.by_step, hardware.shares, strict=True)]

    def mission_cost(self, hardware: Hardware) -> float:
        return hardware.rocket.unit_cost + (hardware.spacecraft.unit_cost if hardware.spacecraft else 0.0)

    def launches_booked(self, side: str) -> int:
        return sum(1 for m in self.state.sides[side].missions if m.quarter == self.state.quarter)
