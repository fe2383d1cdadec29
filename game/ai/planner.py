"""The computer rival: it plans a side's quarter through the same commands a player uses.

Each quarter it (1) answers waiting events, (2) picks the missions worth aiming at (the
era's goal and the firsts still open), each with the cheapest kit of programmes that can
fly it, (3) starts and funds those programmes, and (4) books launches when the odds it
believes are good enough: test flights first, crews only on tested hardware, more daring
when behind, more careful when ahead.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from game.core import commands, dates, rules
from game.core.game import Game
from game.core.state import rival_of


@dataclass(frozen=True)
class Level:
    name: str
    description: str
    research_share: float  # of the cash in hand, put into research each quarter
    success_needed: float  # believed chance of success before it launches for a first
    crew_risk: float  # the most crew-loss chance it accepts
    tests_before_crew: int  # successful flights of the rocket and capsule before a crew flies
    focus: int  # how many target missions it works towards at once
    reads_events: bool  # weighs an event's choices by what they do, not only by habit
    reliability_goal: float  # it funds a programme until its estimate reaches this


LEVELS = {
    "easy": Level("easy", "Funds too many things at once, gambles on poor odds and answers events on a whim.",
                  0.55, 0.45, 0.25, 0, 4, False, 80),
    "normal": Level("normal", "Works toward the era's goal, tests before it flies crews, and takes fair risks.",
                    0.8, 0.6, 0.12, 1, 2, True, 88),
    "hard": Level("hard", "Puts its money behind one goal at a time, funds it hard, reads events well and takes bolder risks to be first.",
                  0.95, 0.45, 0.18, 1, 1, True, 95),
}


KITS_PER_MISSION = 4  # the cheapest few ways to fly each mission are enough to choose from


@dataclass(frozen=True)
class Kit:
    """A way to fly a mission type: its rocket, spacecraft and every programme it needs."""

    mission: str
    rocket: str
    spacecraft: str | None
    flies: frozenset[str]  # the programmes that fly: research makes them reliable
    programmes: frozenset[str]  # those and all their requirements, which need only be started
    cost: float  # start cost of all of them
    available: int  # the quarter from which all of them may be started


class PlanningAI:
    def __init__(self, level: str = "normal"):
        self.level = LEVELS[level]
        self._targets_key = None
        self._targets_value: list = []

    # --- the quarter's plan ---------------------------------------------------------

    def plan(self, game: Game, side: str) -> None:
        self._answer_events(game, side)
        targets = self._targets(game, side)
        self._research(game, side, targets)
        self._launch(game, side, targets)
        self._train(game, side, targets)

    def _answer_events(self, game: Game, side: str) -> None:
        for event_id in list(game.state.sides[side].pending_events):
            event = game.content.events[event_id]
            if self.level.reads_events:
                choice = max(event.choices, key=lambda c: c.ai_weight + _effect_value(c.effects))
            else:
                choice = game.state.rng.weighted(event.choices, [c.ai_weight + 0.5 for c in event.choices])
            game.execute(commands.AnswerEvent(side, event_id, choice.id))

    def _targets(self, game: Game, side: str) -> list[tuple[float, Kit]]:
        """The missions worth working toward now, best first, each with its cheapest kit."""
        state = game.state
        owned = state.sides[side].programmes
        soon = state.quarter + 10
        # The choice depends only on what the side owns, which firsts are won and which
        # kits may be started soon; all three only grow, so their sizes tell when it changes.
        key = (id(state), side, len(owned), sum(len(w) for w in state.firsts.values()),
               frozenset(state.sides[side].grounded),
               bisect.bisect_right(_availabilities(game.content, side), soon))
        if key != self._targets_key:
            self._targets_key, self._targets_value = key, self._choose_targets(game, side, soon)
        return self._targets_value

    def _choose_targets(self, game: Game, side: str, soon: int) -> list[tuple[float, Kit]]:
        state = game.state
        owned = state.sides[side].programmes
        goal = game.era.goal.first
        start_costs = _start_costs(game.content)
        grounded = state.sides[side].grounded
        achieved = {first for first, won in state.firsts.items() if any(w.side == side for w in won)}
        scored = []
        for mission_id, kits in _kits(game.content, side).items():
            mission = game.content.missions[mission_id]
            value = 0.0
            for first in mission.firsts:
                if first in achieved:
                    continue
                worth = game.content.firsts[first].prestige * (1.0 if state.firsts.get(first) else 2.0)
                value += worth + (200 if first == goal else 0)
            if value <= 0:
                continue
            best = None
            for kit in kits:
                if kit.available > soon or grounded & kit.flies:
                    continue
                remaining = kit.cost - sum(start_costs[p] for p in kit.programmes & owned.keys())
                if best is None or remaining < best[0]:
                    best = (remaining, kit)
            if best is not None:
                scored.append((value / (1 + best[0] / 20), best[1]))
        scored.sort(key=lambda pair: (-pair[0], pair[1].mission))
        # money piling up unspent means the programme can afford to chase one more goal
        flush = state.sides[side].cash > 3 * state.sides[side].budget
        return scored[: self.level.focus + (1 if flush else 0)]

    def _research(self, game: Game, side: str, targets) -> None:
        side_state = game.state.sides[side]
        needed = frozenset().union(*(k.programmes for _, k in targets)) if targets else frozenset()
        wanted = frozenset().union(*(k.flies for _, k in targets)) if targets else frozenset()
        for prog_id in sorted(needed, key=lambda p: (game.content.programmes[p].start_cost, p)):
            if prog_id in side_state.programmes or game.why_not_start(side, prog_id):
                continue
            cost = game.content.programmes[prog_id].start_cost
            if side_state.cash - cost >= side_state.budget * 0.25:
                game.execute(commands.StartProgramme(side, prog_id))
        needing = []
        for prog_id, prog in side_state.programmes.items():
            definition = game.content.programmes[prog_id]
            goal = min(self.level.reliability_goal, definition.cap - 1)
            if prog_id in wanted and rules.estimate(prog) < goal:
                needing.append((prog_id, goal - rules.estimate(prog), definition))
            elif prog.funding:
                game.execute(commands.FundProgramme(side, prog_id, 0))
        pot = max(0.0, side_state.cash) * self.level.research_share
        weight = sum(need * rules.funding_scale(d) for _, need, d in needing)
        for prog_id, need, definition in needing:
            share = pot * need * rules.funding_scale(definition) / weight if weight else 0.0
            amount = round(min(share, 2.5 * rules.funding_scale(definition), commands.MAX_FUNDING), 1)
            if abs(amount - side_state.programmes[prog_id].funding) > 0.05 * amount:
                game.execute(commands.FundProgramme(side, prog_id, amount))

    def _launch(self, game: Game, side: str, targets) -> None:
        state = game.state
        side_state = state.sides[side]
        rival = state.sides[rival_of(side)]
        time_short = state.end - state.quarter <= 6  # the deadline makes a programme bold
        behind = rival.prestige > side_state.prestige + 15 or time_short
        ahead = side_state.prestige > rival.prestige + 30
        needed = self.level.success_needed - (0.15 if behind else 0) + (0.05 if ahead else 0)
        booked_types = {m.type for m in side_state.missions}
        for _, kit in targets:
            if game.launches_booked(side) >= game.MAX_LAUNCHES or side_state.cash <= 0:
                return
            if kit.mission in booked_types or not all(p in side_state.programmes for p in kit.programmes):
                continue
            mission = game.content.missions[kit.mission]
            if mission.crew_min and side_state.stand_down_until > state.quarter:
                continue
            hardware = game.hardware(side, mission, kit.rocket, kit.spacecraft)
            if isinstance(hardware, str):
                continue
            if mission.crew_min and not self._tested(game, side, hardware):
                self._test_flight(game, side, hardware, booked_types)  # no crew on untried hardware
                continue
            crew = self._pick_crew(game, side, mission, hardware)
            if mission.crew_min and crew is None:
                continue
            crew_members = [side_state.crews[c] for c in crew or ()]
            odds = game.odds(side, mission, hardware, crew_members)
            risk = self.level.crew_risk * (2.0 if time_short else 1.5 if behind else 1.0)
            if odds.success >= needed and odds.crew_loss <= risk:
                command = commands.PlanMission(side, kit.mission, kit.rocket, kit.spacecraft,
                                               game.month_now(), tuple(crew or ()))
                if command.check(game) is None:  # e.g. the money may have gone on a test flight
                    game.execute(command)
                    booked_types.add(kit.mission)
            else:
                self._test_flight(game, side, hardware, booked_types)

    def _tested(self, game: Game, side: str, hardware) -> bool:
        owned = game.state.sides[side].programmes
        pieces = [hardware.rocket] + ([hardware.spacecraft] if hardware.spacecraft else [])
        return all(owned[p.id].successes >= self.level.tests_before_crew for p in pieces)

    def _test_flight(self, game: Game, side: str, hardware, booked_types: set[str]) -> None:
        """Fly the weakest piece of the kit on a cheap uncrewed mission, to learn."""
        side_state = game.state.sides[side]
        owned = side_state.programmes
        if game.launches_booked(side) >= game.MAX_LAUNCHES - 1:
            return
        rocket = hardware.rocket
        options = []
        if hardware.spacecraft is not None and "crew_capsule" in hardware.spacecraft.provides:
            options.append(("capsule_test", hardware.spacecraft.id))
        if "ballistic" in rocket.provides:
            options.append(("ballistic_test", None))
        options.append(("capsule_test", hardware.spacecraft.id if hardware.spacecraft else None))
        for mission_id, spacecraft in options:
            if mission_id in booked_types or mission_id not in game.content.missions:
                continue
            if rules.estimate(owned[rocket.id]) < 35 and owned[rocket.id].funding > 0:
                return  # not worth flying yet: research first
            command = commands.PlanMission(side, mission_id, rocket.id, spacecraft, game.month_now())
            if command.check(game) is None:  # the AI only sends what the rules allow
                game.execute(command)
                booked_types.add(mission_id)
                return

    def _pick_crew(self, game: Game, side: str, mission, hardware) -> tuple[str, ...] | None:
        if not mission.crew_min:
            return ()
        booked = game.booked_crew(side)
        skills = [s.skill for s in mission.steps if s.skill]
        free = [c for c in game.active_crew(side) if c.id not in booked]
        if len(free) < mission.crew_min:
            return None
        free.sort(key=lambda c: (-sum(c.skill(s) for s in skills) - c.morale / 10, c.id))
        seats = hardware.spacecraft.crew if hardware.spacecraft else 0
        size = max(mission.crew_min, min(seats, mission.crew_min))
        return tuple(c.id for c in free[:size])

    def _train(self, game: Game, side: str, targets) -> None:
        skills = [s.skill for _, kit in targets for s in game.content.missions[kit.mission].steps if s.skill]
        skill = skills[0] if skills else "piloting"
        for crew in game.active_crew(side):
            if crew.training != skill:
                game.execute(commands.TrainCrew(side, crew.id, skill))


def _effect_value(effects) -> float:
    """A rough worth of a choice's effects, in the units of ai_weight."""
    value = 0.0
    for clause in effects:
        amount = clause.params.get("amount", 0) if isinstance(clause.params, dict) else 0
        sign = -1 if isinstance(clause.params, dict) and clause.params.get("target") == "rival" else 1
        value += sign * {"money": 0.05, "budget": 0.3, "support": 0.1, "prestige": 0.1, "expertise": 0.05,
                         "reliability": 0.05}.get(clause.type, 0) * amount
        if clause.type == "lose_crew":
            value -= 2
    return value


def _kits(content, side: str) -> dict[str, list[Kit]]:
    """Every way each mission type can be flown by a side, cheapest first (cached per content)."""
    cache = content.__dict__.setdefault("_ai_kits", {})
    if side not in cache:
        cache[side] = _find_kits(content, side)
    return cache[side]


def _availabilities(content, side: str) -> list[int]:
    """The sorted quarters at which some kit of the side becomes available."""
    cache = content.__dict__.setdefault("_ai_availabilities", {})
    if side not in cache:
        cache[side] = sorted({k.available for kits in _kits(content, side).values() for k in kits})
    return cache[side]


def _start_costs(content) -> dict[str, float]:
    cache = content.__dict__.get("_ai_start_costs")
    if cache is None:
        cache = content.__dict__["_ai_start_costs"] = {p.id: p.start_cost for p in content.programmes.values()}
    return cache


def _find_kits(content, side: str) -> dict[str, list[Kit]]:
    programmes = content.programmes
    mine = [p for p in programmes.values() if p.side in (side, "both")]
    rockets = [p for p in mine if p.kind == "rocket"]
    craft = [p for p in mine if p.kind == "spacecraft"]

    def closure(ids) -> frozenset[str]:
        seen, todo = set(), list(ids)
        while todo:
            pid = todo.pop()
            if pid not in seen:
                seen.add(pid)
                todo.extend(programmes[pid].requires)
        return frozenset(seen)

    kits: dict[str, list[Kit]] = {}
    for mission in content.missions.values():
        found = []
        for rocket in rockets:
            for spacecraft in (craft if mission.spacecraft else [None]):
                on_board = [rocket] + ([spacecraft] if spacecraft else [])

                def cheapest(capability, on_board=on_board):
                    providers = [p for p in mine if capability in p.provides and all(p is not q for q in on_board)]
                    return min(providers, key=lambda p: (p.start_cost, p.id)) if providers else None

                reason, extra = rules.why_cannot_fly(mission, rocket, spacecraft, content.capability_kinds, cheapest)
                if reason:
                    continue
                # what the steps use and an escape system for a crew are wanted too (the escape
                # system is not needed to fly, but it saves lives)
                wishes = [s.uses for s in mission.steps] + (["escape_system"] if mission.crew_min else [])
                missing = False
                for capability in wishes:
                    if capability in ("rocket", "spacecraft") or any(capability in p.provides
                                                                     for p in on_board + extra):
                        continue
                    other = cheapest(capability)
                    if other is None:
                        missing = capability != "escape_system"
                        if missing:
                            break
                        continue
                    extra.append(other)
                if missing:
                    continue
                flies = frozenset(p.id for p in on_board + extra)
                ids = closure(flies)
                cost = sum(programmes[p].start_cost for p in ids)
                available = max((dates.parse_quarter(programmes[p].available) for p in ids
                                 if programmes[p].available), default=0)
                found.append(Kit(mission.id, rocket.id, spacecraft.id if spacecraft else None, flies, ids, cost,
                                 available))
        found.sort(key=lambda k: (k.cost, k.rocket, k.spacecraft or ""))
        if found:
            kits[mission.id] = found[:KITS_PER_MISSION]
    return kits
