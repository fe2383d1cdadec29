"""The computer rival: it plans a side's quarter through the same commands a player uses.

Each quarter it (1) answers waiting events, (2) picks the missions worth aiming at (the
era's goal and the firsts still open), each with the cheapest kit of programmes that can
fly it, (3) starts and funds those programmes, (4) presses the era's goal on whatever is
built for it, when its level's nerve allows, and (5) books launches when the odds it
believes are good enough: test flights first, crews only on tested hardware, more daring
when the goal or a race with the rival is at stake, more careful when ahead.

It reads the scenario as a player would: a grounded programme on the way to the goal
makes the firsts that lift the grounding worth as much as the goal itself, and the
rival's file (which kinds of mission it has been seen to fly, and the firsts the file
says it may try within a quarter) tells which firsts it is about to take: the AI reads
the rival only through its file and the public record, never the rival's true state.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import dataclass
from functools import partial
from itertools import product

from game.ai import analysis
from game.ai import roads as road_ai
from game.core import commands, dates, eventtypes, intel, roads, rules
from game.core.game import Game
from game.core.state import rival_of


@dataclass(frozen=True, kw_only=True)
class Level:
    """How one level of the planner judges: each figure named, none by its place."""

    name: str
    description: str
    research_share: float  # of the cash in hand, put into research each quarter
    success_needed: float  # believed chance of success before it launches for a first
    crew_risk: float  # the most crew-loss chance it accepts
    tests_before_crew: int  # successful flights of the rocket and capsule before a crew flies
    focus: int  # how many target missions it works towards at once
    reads_events: bool  # weighs an event's choices by what they do, not only by habit
    reliability_goal: float  # it funds a programme until its estimate reaches this
    uncrewed_goal_odds: float  # the believed chance at which it tries for the goal with no crew aboard
    test_odds: float  # the believed chance below which a test flight is not worth its rocket
    daring: float = 0.15  # how much of the chance it wants it gives up when the race is at stake
    crewed_success_needed: float | None = None  # success_needed with a crew aboard, if not the same: bold with rockets, careful with lives
    pipeline: int = 2  # of each vehicle of a kit it flies toward, built or being built
    # the believed chance, and the crew risk, at which it tries for the era's goal with a crew:
    # the goal ends the race, so a fair chance now beats a better one a year late (None: as any first)
    goal_odds: float | None = None
    goal_crew_risk: float | None = None
    # the era's goal pressed every quarter before anything else flies, on hardware built and
    # a pad free: an uncrewed goal up to ``goal_salvo`` times at a believed chance of
    # ``salvo_odds`` (a failure costs a rocket and teaches as much as a test); a crewed one on
    # untested hardware at ``all_up_odds`` (Mueller's all-up testing, 1963) within the goal's
    # crew risk. 0 / None: the goal waits its turn among the targets.
    goal_salvo: int = 0
    salvo_odds: float = 1.0
    all_up_odds: float | None = None
    # the goal's best kit is among the targets from the first, however far off: ranked by
    # worth against cost it waited for the nearer firsts, and its vehicles flew late and
    # unready (a player who funded only the cheapest kit to the Moon beat it, docs/exploits.md)
    goal_always: bool = False
    # the road to the Moon it weighs highest, every time: a draw by weight varies the rival
    # from game to game, and costs it the games it draws a weaker road (docs/roads.md)
    best_road: bool = False
    # an event's choice is also weighed by how soon it lets the goal fly: a grounding of the
    # fastest way costs the quarters until the next way is ready (Project Orbiter against
    # Vanguard, 1955: von Braun could have flown a year before the Navy's pad was built);
    # and the goal's hardware is ordered a build time before the first date it may fly
    reads_the_calendar: bool = False
    # the goal's crewed craft is test-flown, uncrewed, on another of the side's rockets while
    # the goal's own rocket may not fly yet, and that rocket is kept developed for it (the
    # Apollo command module flew on the Saturn IB in 1966, a year before the Saturn V)
    tests_early: bool = False
    # a crewed try at the goal under the side's long-shot line (goal_abort_below) only when
    # the race presses: the file warns the rival may try the goal, or half the era is gone
    patient: bool = False


# the goal's odds with a crew aboard (all-up: on untried hardware). Once a flight flew at the
# odds shown (research after the launches), at 0.25 and 0.3 booking the landing every quarter
# beat the planner by 14 points in the Moon era's historical mode; at 0.15 and 0.2 by none
# (dynamic mode: +7 either way; tools/exploits.py, docs/exploits.md). With the rules of the
# sixth session, all-up at 0.2 left booking the landing every quarter 9 points ahead in the
# dynamic Moon era (400 games from seed 1000); at 0.15, 3 (dynamic) and none (historical)
GOAL_ODDS = 0.15
ALL_UP_ODDS = 0.15
GOAL_CREW_RISK = 0.35

LEVELS = {
    "easy": Level(
        name="easy", description="Funds too many things at once, gambles on poor odds and answers events on a whim.",
        research_share=0.55, success_needed=0.45, crew_risk=0.25, tests_before_crew=0, focus=4,
        reads_events=False, reliability_goal=80, uncrewed_goal_odds=0.45, test_odds=0.1),
    "normal": Level(
        name="normal", description="Works toward the era's goal, tests before it flies crews, and takes fair risks.",
        research_share=0.8, success_needed=0.6, crew_risk=0.12, tests_before_crew=1, focus=2,
        reads_events=True, reliability_goal=88, uncrewed_goal_odds=0.45, test_odds=0.1,
        goal_odds=GOAL_ODDS, goal_crew_risk=GOAL_CREW_RISK, goal_salvo=3, salvo_odds=0.0, all_up_odds=ALL_UP_ODDS,
        goal_always=True),
    "hard": Level(
        name="hard", description="Funds its goals to the limit, reads the calendar, test-flies early, takes the "
        "road to the Moon it judges best, dares most for a first and waits out an early long shot.",
        research_share=0.95, success_needed=0.45, crew_risk=0.18, tests_before_crew=1, focus=2,
        reads_events=True, reliability_goal=95, uncrewed_goal_odds=0.3, test_odds=0.0,
        daring=0.3, crewed_success_needed=0.6, pipeline=3, goal_odds=GOAL_ODDS, goal_crew_risk=GOAL_CREW_RISK,
        goal_salvo=3, salvo_odds=0.0, all_up_odds=ALL_UP_ODDS, goal_always=True, best_road=True,
        reads_the_calendar=True, tests_early=True, patient=True),
}


KITS_PER_MISSION = 4  # the cheapest few ways to fly each mission are enough to choose from
GOAL_BONUS = 200  # the worth of the era's goal, and of a first that opens the way to it, beyond its prestige
SECOND_PLACE = 0.5  # what a first the rival is about to take is still worth, against a full chance
GROUNDED_SHARE = 0.5  # what a grounded way to the goal is worth while the grounding lasts
RACE_READY = 0.8  # the share of a mission's demands the rival has flown that makes it a race
PROVEN = 3  # successful flights after which a vehicle that is reliable enough needs no more tests
TRAINING_SPREAD = 10  # skill points a crew member's training may be off its weakest before it switches
LAST_THROW = 0.2  # the chance worth a try at an uncrewed goal in the last quarters
CREW_MARGIN = 5  # more reliability wanted of what carries a crew: its failures kill
MILESTONE_SHARE = 0.2  # of a mission's worth, shared among its milestones not yet flown (tuned: 0.5 starved the goal)
MILESTONE_DEPTH = 5  # how far back a chain of milestones is followed (capsule test ... landing)
GOAL_FUNDING = 5.0  # funding scales the goal's own vehicles may take, to their ceiling (others: 2.5, to the level's goal)
# a quarter sooner the goal can fly, in units of ai_weight (Level.reads_the_calendar): the race
# in the short eras is decided in the first quarter both sides can fly, so a quarter outweighs
# history's habit (ai_weight 3 against 1). At 1 the hard rival trained its first crews as
# history did and flew in the same quarter as its rival; at 2.5 a quarter ahead (docs/balance.md)
QUARTER_WORTH = 2.5
ORDER_AHEAD = 0.15  # hardware is ordered when the odds are this close to good enough: it takes time to build
# cash unspent, in quarters' budgets, past which a side chases one target more. At three the
# American planner of the Moon era sat on about 200 with Gemini and Titan II in hand, flew
# only the landing and the lunar orbit, and took no first while the landing failed: a Soviet
# side that did nothing won one game in six on the prestige it starts with. At 1.5 it also
# works toward the landing's milestones at times, and lands more often: against a random
# side, the first rendezvous in 33 games of 400 (8 at three), the landing in 347 (328)
FLUSH_BUDGETS = 1.5
# the share of the era that must be left for a patient level to pass up a long shot at the goal
# (Level.patient): in the Race for Survival's dynamic mode Kamanin's pilots were ready in 1959,
# a year before Mercury's, and a patient hard rival waited for Vostok's odds to pass 50 %; at the
# Moon era's end a landing at 40 % that waited lost more races than it won (docs/balance.md)
PATIENCE_SHARE = 0.5


_NONE: frozenset[str] = frozenset()
# Bounds on the planner's tables kept with the content, for a long batch's memory:
SHARED_MEMO_LIMIT = 20_000  # best-kit answers per position, and positions (see _best_kits)
# targets by position (_shared_targets): a position's key holds a few frozensets of about
# 7 kB in all, and a game adds about ten (300 mixed games: 3737 positions, and 72 MB held)
SHARED_TARGETS_LIMIT = 4_000


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
    retired: int  # the first quarter one of its vehicles can no longer be ordered (NEVER: none ends)
    rocket2: str | None = None  # a multi-launch mission's other launch (its type's ``joint``)
    spacecraft2: str | None = None


class PlanningAI:
    def __init__(self, level: str = "normal"):
        self.level = LEVELS[level]
        self._targets_key = None
        self._targets_value: list = []
        self._margins_key = None
        self._margins: dict[str, float] = {}
        self._best_kits_key = None
        self._best_kits_value: dict = {}
        self._kit_memo_key = None  # see _best_kits
        self._kit_memo: dict = {}
        self._kit_facts: tuple = ()
        self._values_key = None
        self._values: dict[str, float] = {}
        self._worths_of: tuple | None = None  # the values, and the count owned, the list below was made from
        self._worths: list[tuple] = []

    # --- the quarter's plan ---------------------------------------------------------

    def decide(self, game: Game, side: str) -> None:
        """A decision in flight, by the level's nerve (``game.ai.decide``)."""
        from game.ai import decide

        decide.answer(game, side, lambda g, s: decide.by_nerve(g, s, self.level.crew_risk))

    def plan(self, game: Game, side: str) -> None:
        road_ai.plan_road(game, side, self.level.best_road)  # the road first: it bars what it does not take
        self._answer_events(game, side)
        targets = self._targets(game, side)
        self._research(game, side, targets)
        self._press_goal(game, side)
        self._launch(game, side, targets)
        self._fly_what_is_built(game, side, targets)
        self._train(game, side, [kit.mission for _, kit in targets])

    def _press_goal(self, game: Game, side: str) -> None:
        """Fly the era's goal now on every kit built for it, when the level's nerve allows
        (see ``Level.goal_salvo``): a race is won by the first success, not the best odds.
        The likeliest kit goes first, whatever its mission: a pad or a crew taken by a long
        shot is not there for the sound try (Vostok on a ballistic hop, 0.8, against a full
        orbit, 0.7)."""
        level = self.level
        if not level.goal_salvo and level.all_up_odds is None:
            return
        side_state = game.state.sides[side]
        owned = side_state.programmes.keys()
        ready = []
        for mission, kits in _goal_kits_by_mission(game.content, side, game.era.goal.first):
            crewed = bool(mission.crew_min)
            if crewed and (level.all_up_odds is None or side_state.stand_down_until > game.state.quarter):
                continue
            for kit in kits:
                if not kit.flies <= owned:
                    continue
                keep = level.pipeline if crewed else level.goal_salvo
                hardware = game.hardware(side, mission, kit.rocket, kit.spacecraft)
                if isinstance(hardware, str):
                    if level.reads_the_calendar and not crewed:
                        self._order_for_the_calendar(game, side, mission, kit, keep)
                    continue
                # the goal's hardware is built as soon as it could fly, a salvo's worth of it
                self._order(game, side, hardware, keep)
                ready.append((mission, kit, hardware))
        if len(ready) > 1:
            ready.sort(key=lambda entry: -self._goal_chance(game, side, entry[0], entry[2]))
        for mission, kit, hardware in ready:
            for _ in range(1 if mission.crew_min else level.goal_salvo):
                if not self._press_once(game, side, mission, kit, hardware):
                    break

    def _goal_chance(self, game: Game, side: str, mission, hardware) -> float:
        """The believed chance of a try at the goal now, with the crew the planner would send."""
        crew = self._pick_crew(game, side, mission, hardware) if mission.crew_min else ()
        if crew is None:
            return 0.0
        members = [game.state.sides[side].crews[c] for c in crew]
        return game.odds(side, mission, hardware, members).success

    def _order_for_the_calendar(self, game: Game, side: str, mission, kit: Kit, keep: int) -> None:
        """The uncrewed goal's hardware that only history's calendar holds back (its vehicles'
        first dates) is ordered a build time ahead, to fly in the first quarter it may, if it
        would fly at odds the level tries the goal at: the R-7 takes two quarters to build,
        and ordered only once it could fly, it lost them. (A rushed Hermes ordered ahead
        flew its salvo at poor odds and lost more than the quarter gained.)"""
        hardware = game.hardware(side, mission, kit.rocket, kit.spacecraft, any_date=True)
        if isinstance(hardware, str):
            return  # something besides the date: a grounding, a missing capability
        programmes = game.content.programmes
        first = max(dates.parse_quarter(programmes[p].earliest) for p in (kit.rocket, kit.spacecraft)
                    if p and programmes[p].earliest)
        build = max(programmes[p].build_quarters for p in game.articles_needed(hardware))
        if game.state.quarter + build >= first \
                and game.odds(side, mission, hardware, []).success >= self.level.uncrewed_goal_odds:
            self._order(game, side, hardware, keep)

    def _press_once(self, game: Game, side: str, mission, kit: Kit, hardware) -> bool:
        if game.why_not_fly_now(side, mission, hardware) or not self._ready_to_fly(game, side, hardware):
            return False
        crew = self._pick_crew(game, side, mission, hardware)
        if mission.crew_min and crew is None:
            return False
        crew_members = [game.state.sides[side].crews[c] for c in crew or ()]
        odds = game.odds(side, mission, hardware, crew_members)
        needed = self.level.all_up_odds if mission.crew_min else self.level.salvo_odds
        if odds.success < needed or mission.crew_min and odds.crew_loss > (self.level.goal_crew_risk or 0):
            return False
        if self._waits_for_better(game, side, mission, odds.success):
            return False
        booking = commands.PlanMission(side, mission.id, kit.rocket, kit.spacecraft, game.month_now(), tuple(crew or ()))
        if booking.check(game) is not None or not game.execute(booking):
            return False
        self._order(game, side, hardware)
        return True

    def _waits_for_better(self, game: Game, side: str, mission, chance: float) -> bool:
        """Whether a patient level passes up a crewed try at the goal at ``chance``: a long shot
        (one a failure pays for with a longer stand-down than a sound try's: the rule is
        ``Game.abort_stand_down``'s) while the race does not press, that is while more than
        PATIENCE_SHARE of the era is left and the file does not warn that the rival may try
        the goal."""
        if not (self.level.patient and mission.crew_min):
            return False
        if game.abort_stand_down(side, mission, chance) <= game.abort_stand_down(side, mission, 1.0):
            return False  # not a long shot, or not a try at the goal
        state = game.state
        if state.end - state.quarter <= (state.end - state.start) * PATIENCE_SHARE:
            return False
        goal = game.era.goal.first
        return not any(goal in flight.firsts for flight, _ in intel.warnings(game, side))

    def _fly_what_is_built(self, game: Game, side: str, targets) -> None:
        """With nothing booked, fly the best mission the hardware in hand allows at fair odds:
        a built rocket in the hangar wins nothing, and a programme that flies nothing for
        years is seen to be losing (Voskhod, Luna 9 and the Zonds filled the Soviet years)."""
        side_state = game.state.sides[side]
        if any(m.quarter == game.state.quarter for m in side_state.missions) \
                or any(r.side == side and r.outcome != "scrubbed" for r in game.state.launches):
            return  # it flies this quarter, or flew last quarter: it is not quiet
        # the hardware its targets fly is kept for them: a spare flight must not delay the race
        reserved = frozenset().union(*(k.flies for _, k in targets)) if targets else frozenset()
        owned = side_state.programmes.keys()
        values = self._mission_values(game, side)
        if self._worths_of is None or self._worths_of[0] is not values or self._worths_of[1] != len(owned):
            # the missions by worth, each with its kits the side has started all of: kept while
            # the worths stand and nothing is started (programmes are never stopped). A mission
            # with no such kit is left out: it could book nothing, nor end the search below
            share = game.content.sides[side].success_prestige_share
            all_kits = _kits(game.content, side)
            self._worths_of, self._worths = (values, len(owned)), [
                (worth, mission_id, game.content.missions[mission_id], kits)
                for worth, mission_id in sorted(((values.get(m, mission.prestige * share), m)
                                                 for m, mission in game.content.missions.items()), reverse=True)
                if (kits := [k for k in all_kits.get(mission_id, ()) if k.flies <= owned])]
        worths = self._worths
        programmes = game.content.programmes
        believed: dict[str, float] = {}

        def hopeless(prog_id: str) -> bool:
            if prog_id not in believed:
                believed[prog_id] = rules.effective(programmes[prog_id], side_state.programmes[prog_id], True)
            return believed[prog_id] < self.level.success_needed - 0.1

        best = None
        for worth, mission_id, mission, kits in worths:
            if best is not None and worth <= best[0][0]:
                break  # (a score is the worth times a chance: nothing further down can beat it)
            for kit in kits:
                if kit.rocket in reserved or kit.spacecraft in reserved:
                    continue
                # a flight is seldom likelier than its least reliable vehicle: skip the hopeless unasked
                if hopeless(kit.rocket) or kit.spacecraft and hopeless(kit.spacecraft):
                    continue
                hardware = game.hardware(side, mission, kit.rocket, kit.spacecraft)
                if not _sendable(game, side, mission, hardware):
                    continue
                crew = self._pick_crew(game, side, mission, hardware)
                if crew is None:
                    continue
                odds = game.odds(side, mission, hardware, [side_state.crews[c] for c in crew])
                if odds.success < self.level.success_needed or odds.crew_loss > self.level.crew_risk:
                    continue
                score = (worth * odds.success, mission_id, kit.rocket, kit.spacecraft or "")
                if best is None or score > best[0]:
                    best = (score, hardware, commands.PlanMission(side, mission_id, kit.rocket, kit.spacecraft,
                                                                  game.month_now(), tuple(crew)))
        if best is None:
            return
        _, hardware, booking = best
        if self._ready_to_fly(game, side, hardware) and booking.check(game) is None:  # else ordered for later
            game.execute(booking)

    def _answer_events(self, game: Game, side: str) -> None:
        pending = list(game.state.sides[side].pending_events)
        if not pending:
            return
        # what it flies toward: the goal's kits (grounded or not) and its current targets
        goal = game.era.goal.first
        goal_flies, crewed_goal = _goal_kits(game.content, side, goal)
        wanted = goal_flies.union(*(k.flies for _, k in self._targets(game, side)))
        quarters_left = game.state.end - game.state.quarter
        fallback = game.era.goal.fallback
        for event_id in pending:
            event = game.content.events[event_id]
            if self.level.reads_events:
                def worth(choice):
                    value = choice.ai_weight + _effect_value(choice.effects, wanted, quarters_left, crewed_goal, fallback)
                    if self.level.reads_the_calendar:
                        value -= QUARTER_WORTH * _goal_wait(game, side, choice.effects)
                    return value
                choice = max(event.choices, key=worth)
            else:
                choice = game.state.rng.weighted(event.choices, [c.ai_weight + 0.5 for c in event.choices])
            game.execute(commands.AnswerEvent(side, event_id, choice.id))

    def _targets(self, game: Game, side: str) -> list[tuple[float, Kit]]:
        """The missions worth working toward now, best first, each with its cheapest kit."""
        state = game.state
        owned = state.sides[side].programmes
        soon = state.quarter + TARGET_HORIZON
        # The choice depends only on what the side owns, which firsts are won, what the rival
        # has flown, the groundings, whether money is piling up and which kits may be started
        # soon; the counts only grow, so their sizes tell when it changes. Nothing else may
        # enter it: a loaded game's fresh AI must choose as the one that played on would.
        # money piling up unspent means the programme can afford to chase one more goal
        flush = state.sides[side].cash > FLUSH_BUDGETS * state.sides[side].budget
        key = (id(state), side, state.sides[side].road, len(owned), sum(map(len, state.firsts.values())),
               len(state.sides[side].flown),
               frozenset(state.sides[side].grounded), len(_seen_flown(game, side)), flush,
               bisect.bisect_right(_availabilities(game.content, side), soon),
               any(c.woman for c in game.active_crew(side)))  # (see _mission_values)
        if key != self._targets_key:
            self._targets_key, self._targets_value = key, self._shared_targets(game, side, soon, flush, key[-2])
        # between kits equally cheap to finish, the one nearest to flying well now: chosen
        # afresh each time, as the estimates move every quarter and are not in the key
        return [(value, max(kits, key=lambda k: _readiness(owned, k)) if len(kits) > 1 else kits[0])
                for value, kits in self._targets_value]

    def _shared_targets(self, game: Game, side: str, soon: int, flush: bool, opened: int) -> list:
        """_choose_targets, kept with the content under the whole position it reads (the
        counts in _targets' key tell a change only within one game): games of a scenario
        pass through the same positions, and over twenty of them half the choices had been
        made before. ``opened``: how many of the side's kit dates ``soon`` has reached."""
        state = game.state
        side_state = state.sides[side]
        position = (self.level, side, game.era.id, state.mode, side_state.road, frozenset(side_state.programmes),
                    frozenset(f for f, won in state.firsts.items() if any(w.side == side for w in won)),
                    frozenset(f for f, won in state.firsts.items() if won),
                    frozenset(m for m, n in side_state.flown.items() if n), frozenset(_seen_flown(game, side)),
                    frozenset(side_state.grounded), frozenset(side_state.grounded_until), flush, opened,
                    any(c.woman for c in game.active_crew(side)))
        memo = analysis.of(game.content).targets
        chosen = memo.get(position)
        if chosen is None:
            if len(memo) > SHARED_TARGETS_LIMIT:
                memo.clear()  # (a bound on a long batch's memory: the choices are only made again)
            chosen = memo[position] = self._choose_targets(game, side, soon, flush)
        return chosen

    def _choose_targets(self, game: Game, side: str, soon: int, flush: bool) -> list[tuple[float, Kit]]:
        state = game.state
        owned = state.sides[side].programmes
        races = _races(game.content, _seen_flown(game, side))
        best_kits = self._best_kits(game, side, soon)
        all_kits = _kits(game.content, side)
        started = frozenset(owned)  # (a frozenset meets a kit's programmes faster than the dict's keys)
        scored = []
        for mission_id, value in self._mission_values(game, side).items():
            if roads.mission_barred(game, side, mission_id):
                continue  # another road's mission
            kits = all_kits[mission_id]
            if mission_id not in best_kits:
                # worked out afresh only when what it reads of the side has changed (see _best_kits)
                quarters, needs = _kit_reach(game.content, side, mission_id)
                memo_key = (mission_id, bisect.bisect_right(quarters, soon), started & needs)
                found = self._kit_memo.get(memo_key, self._kit_memo)
                if found is self._kit_memo:
                    found = self._kit_memo[memo_key] = self._best_kit(game, side, soon, mission_id, kits, started)
                best_kits[mission_id] = found
            if best_kits[mission_id] is None:
                continue
            if mission_id in races and not all(p in owned for p in kits[0].flies):
                value *= SECOND_PLACE  # the rival will most likely fly it first: aim elsewhere
            held, remaining, tied = best_kits[mission_id]
            # a grounded way to the goal is prepared for, but what lifts the grounding comes first
            scored.append((value / (1 + remaining / 20) * (GROUNDED_SHARE if held else 1), tied))
        scored.sort(key=lambda pair: (-pair[0], pair[1][0].mission))
        chosen = scored[: self.level.focus + (1 if flush else 0)]
        if self.level.goal_always:  # the goal's best kit is worked toward from the first, beside the rest
            goal = _goal_missions(game.content, side, game.era.goal.first)
            if not any(kits[0].mission in goal for _, kits in chosen):
                best = next((pair for pair in scored if pair[1][0].mission in goal), None)
                if best is not None:
                    chosen.append(best)
        return chosen

    def _mission_values(self, game: Game, side: str) -> dict[str, float]:
        """What flying each mission type would win: the prestige of its firsts still open
        to the side (double if no one has them), more toward the goal; and a share of that
        for each milestone still to fly before it. Kept while no first is won, no new type
        of mission is flown and the groundings stand."""
        state = game.state
        goal_path = _goal_path(game, side)
        flown = state.sides[side].flown
        has_woman = any(c.woman for c in game.active_crew(side))  # a woman's flight is out of reach without one
        key = (id(state), side, sum(map(len, state.firsts.values())), len(flown), goal_path, has_woman,
               state.sides[side].road)
        if key == self._values_key:
            return self._values
        achieved = {first for first, won in state.firsts.items() if any(w.side == side for w in won)}
        firsts = game.content.firsts
        values = {}
        for mission_id in _kits(game.content, side):
            if game.content.missions[mission_id].woman and not has_woman:
                continue
            if roads.mission_barred(game, side, mission_id):
                continue  # another road's (or no road's yet): worth nothing, nor its milestones
            value = 0.0
            for first in game.content.missions[mission_id].firsts:
                if first in achieved:
                    continue
                worth = firsts[first].prestige * (1.0 if state.firsts.get(first) else 2.0)
                value += worth + (GOAL_BONUS if first in goal_path else 0)
            if value > 0:
                values[mission_id] = value
        _add_milestone_values(game.content.missions, flown, values)
        self._values_key, self._values = key, values
        return values

    def _best_kits(self, game: Game, side: str, soon: int) -> dict:
        """Each mission type's best kits, as far as they have been asked for (see _best_kit).
        Kept while what the side owns, its groundings and what it may start stay the same."""
        state = game.state
        side_state = state.sides[side]
        grounded = frozenset(side_state.grounded)
        key = (id(state), side, side_state.road, len(side_state.programmes),
               grounded, bisect.bisect_right(_availabilities(game.content, side), soon))
        if key != self._best_kits_key:
            self._best_kits_key, self._best_kits_value = key, {}
        # Each mission's answer is also kept under what it reads that changes: which of its
        # kits may be started by ``soon`` and which of their programmes are started (the key
        # in _choose_targets), within the same game, road and groundings (and their ends, which
        # _liftable reads). A programme started, or a kit opening, then works out again only
        # the missions it touches, not all of them.
        # (the era and the content too: a state's id may be reused by a later game, whose
        # goal and start differ; _kit_facts reads them)
        context = (id(state), id(game.content), game.era.id, side, side_state.road, grounded,
                   frozenset(side_state.grounded_until))
        if context != self._kit_memo_key:
            self._kit_memo_key = context
            # and what every mission's answer reads that the context fixes, looked up once
            goal, era_start = game.era.goal.first, dates.parse_quarter(game.era.start)
            goal_missions = _goal_missions(game.content, side, goal)
            self._kit_facts = (roads.barred_programmes(game, side), _start_costs(game.content), goal_missions,
                               era_start)
            # The answers are a pure function of the content and of what the context fixes (the
            # side, its road, the era's goal and start, the groundings and their ends), so they
            # are kept with the content: a later game, or a fresh AI on a loaded one, in the same
            # position finds them worked out (over twenty games, nine in ten were)
            memos = analysis.of(game.content).best_kits
            shared = (side, side_state.road, goal, era_start, grounded, context[-1])
            self._kit_memo = memos.get(shared)
            if self._kit_memo is None or len(self._kit_memo) > SHARED_MEMO_LIMIT:
                if len(memos) > SHARED_MEMO_LIMIT:
                    memos.clear()  # (a bound on a long batch's memory: the answers are only worked out again)
                self._kit_memo = memos[shared] = {}
        return self._best_kits_value

    def _best_kit(self, game: Game, side: str, soon: int, mission_id: str, kits: list[Kit],
                  started: frozenset[str]) -> tuple[bool, float, tuple[Kit, ...]] | None:
        """The kits of a mission type best to work toward: one free to fly first, then the
        cheapest to finish; with whether they are grounded and what is left to pay."""
        grounded = game.state.sides[side].grounded
        barred, start_costs, goal_missions, era_start = self._kit_facts  # (see _best_kits)
        toward_goal = mission_id in goal_missions
        era_start = era_start if toward_goal else 0
        best, tied = None, []
        for kit in kits:
            if kit.available > soon or _dropped(kit) <= soon:
                continue  # not yet to be started, or its vehicles' last orders are near
            if not barred.isdisjoint(kit.flies):
                continue  # another road's hardware
            held = grounded & kit.flies if grounded else _NONE
            if held and not (toward_goal and _liftable(game, side, held)):
                continue
            # toward the goal, a kit that can fly sooner comes first: a pad that opens a year
            # late loses the race whatever the kit saves (the Atlas against the Vanguard, 1956)
            ready = max(_ready_from(game.content, side, kit), era_start) if toward_goal else 0
            rank = (bool(held), ready, sum(map(start_costs.__getitem__, _to_start(game.content, kit, started))))
            if best is None or rank < best:
                best, tied = rank, [kit]
            elif rank == best:
                tied.append(kit)
        return None if best is None else (best[0], best[2], tuple(tied))

    def _research(self, game: Game, side: str, targets) -> None:
        side_state = game.state.sides[side]
        owned = side_state.programmes
        needed = frozenset().union(*(_to_start(game.content, k, owned) for _, k in targets))
        wanted = frozenset().union(*(k.flies for _, k in targets)) if targets else frozenset()
        carriers = self._early_carriers(game, side, targets) if self.level.tests_early else _NONE
        wanted = wanted.union(carriers)
        # a programme's clock (its min_quarters before it flies unrushed) starts when it is
        # started, so the slowest are started first; toward the goal no money is held back
        programmes = game.content.programmes
        goal_missions = _goal_missions(game.content, side, game.era.goal.first)
        to_start = needed.difference(owned)
        if to_start:
            toward_goal = frozenset().union(*(_to_start(game.content, k, owned) for _, k in targets
                                              if k.mission in goal_missions))
            started = True
            while started:  # again after a start, for what needed it first
                started = False
                for prog_id in sorted(to_start.difference(owned),
                                      key=lambda p: (-programmes[p].min_quarters, programmes[p].start_cost, p)):
                    if game.why_not_start(side, prog_id):
                        continue
                    reserve = 0 if prog_id in toward_goal else side_state.budget * 0.25
                    if side_state.cash - programmes[prog_id].start_cost >= reserve:
                        started = bool(game.execute(commands.StartProgramme(side, prog_id))) or started
        margins_key = (id(game.state), side, len(owned), tuple((k.mission, k.rocket, k.spacecraft) for _, k in targets))
        if margins_key != self._margins_key:  # it changes only with the kits flown and what is owned
            self._margins_key, self._margins = margins_key, _crew_margins(game, side, targets)
        margins = self._margins
        needing = []
        # the goal's own vehicles are funded to their ceiling and past the usual limit: a race
        # is lost by a goal that waits on research (a player who funds nothing else beat it)
        for_goal = frozenset().union(*(k.flies for _, k in targets if k.mission in goal_missions), carriers)
        for prog_id, prog in owned.items():
            if prog_id in wanted:
                definition = programmes[prog_id]
                goal = definition.cap - 1 if prog_id in for_goal else \
                    min(self.level.reliability_goal + margins.get(prog_id, 0), definition.cap - 1)
                believed = rules.estimate(prog)
                if believed < goal:
                    needing.append((prog_id, goal - believed, rules.funding_scale(definition)))
                    continue
                if prog.quarters < definition.min_quarters:
                    # good enough, but still rushed: only funded quarters of work end the rushing
                    token = _token(definition)
                    if prog.funding != token:
                        game.execute(commands.FundProgramme(side, prog_id, token))
                    continue
            if prog.funding:
                game.execute(commands.FundProgramme(side, prog_id, 0))
        # the hardware its targets will fly is bought from the same cash: keep it back
        pot = max(0.0, side_state.cash - _hardware_reserve(game, side, targets)) * self.level.research_share
        # the goal's vehicles take their share first, as a player who funds nothing else does;
        # the rest share what is left by how far each is from its aim
        for first_call in (True, False):
            claims = [(p, need, scale) for p, need, scale in needing if (p in for_goal) == first_call]
            weight = sum(need * scale for _, need, scale in claims)
            left = max(0.0, pot)  # (rounding may have taken a fraction more than the pot)
            for prog_id, need, scale in claims:
                share = left * need * scale / weight if weight else 0.0
                amount = round(min(share, (GOAL_FUNDING if first_call else 2.5) * scale, commands.MAX_FUNDING), 1)
                if first_call and owned[prog_id].quarters < programmes[prog_id].min_quarters:
                    # with the cash held back for hardware, the goal's rushed vehicle must still
                    # be worked on: unfunded, its clock stood still and it flew rushed a year
                    # later (the lunar module, at believed odds of one in five; docs/exploits.md)
                    amount = max(amount, _token(programmes[prog_id]))
                pot -= amount
                if abs(amount - owned[prog_id].funding) > 0.05 * amount:
                    game.execute(commands.FundProgramme(side, prog_id, amount))

    def _launch(self, game: Game, side: str, targets) -> None:
        state = game.state
        side_state = state.sides[side]
        rival_prestige = state.sides[rival_of(side)].prestige  # public: all it reads of the rival's state
        time_short = state.end - state.quarter <= 6  # the deadline makes a programme bold
        behind = rival_prestige > side_state.prestige + 15 or time_short
        ahead = side_state.prestige > rival_prestige + 30
        goal_path = _goal_path(game, side)
        # what the rival has been seen to fly, and the firsts its file says it may try now
        races = _races(game.content, _seen_flown(game, side)) | {f.mission for f, _ in intel.warnings(game, side)}
        booked_types = {m.type for m in side_state.missions}
        for _, kit in targets:
            if game.launches_booked(side) >= game.MAX_LAUNCHES or side_state.cash <= 0:
                return
            if kit.mission in booked_types or _to_start(game.content, kit, side_state.programmes):
                continue
            mission = game.content.missions[kit.mission]
            if mission.crew_min and side_state.stand_down_until > state.quarter:
                continue
            hardware = game.hardware(side, mission, kit.rocket, kit.spacecraft)
            if isinstance(hardware, str):
                if self.level.tests_early and mission.crew_min:  # the craft, on another rocket
                    early = game.hardware(side, mission, kit.rocket, kit.spacecraft, any_date=True)
                    if not isinstance(early, str) and not self._tested(game, side, early):
                        self._test_flight(game, side, early, booked_types)
                continue
            if game.why_not_fly_now(side, mission, hardware):
                continue
            if mission.crew_min and not self._tested(game, side, hardware):
                self._test_flight(game, side, hardware, booked_types)  # no crew on untried hardware
                if game.era.goal.first in mission.firsts:
                    self._order(game, side, hardware)  # built while the tests fly: the goal's is slow to build
                continue
            crew = self._pick_crew(game, side, mission, hardware)
            if mission.crew_min and crew is None:
                # the crews still train: the craft flies empty meanwhile (the five Korabl-Sputniks
                # flew while Gagarin's group trained)
                self._test_flight(game, side, hardware, booked_types)
                continue
            crew_members = [side_state.crews[c] for c in crew or ()]
            odds = game.odds(side, mission, hardware, crew_members)
            if kit.rocket2:  # both launches must work
                odds = odds._replace(success=odds.success * road_ai.joint_success(game, side, kit))
            # daring is for what decides the race: the goal, or a first the rival is about to take
            at_stake = (goal_path.intersection(mission.firsts) and behind
                        or kit.mission in races
                        and any(not state.firsts.get(f) for f in mission.firsts))
            needed, risk = self._nerve(game, mission, bool(at_stake), time_short, ahead)
            if odds.success >= needed and odds.crew_loss <= risk \
                    and not self._waits_for_better(game, side, mission, odds.success):
                ready = road_ai.joint_ready(self, game, side, kit, hardware) if kit.rocket2 \
                    else self._ready_to_fly(game, side, hardware)
                if not ready:
                    continue  # ordered, or no pad: the AI sends only what the rules allow
                if game.execute(commands.PlanMission(side, kit.mission, kit.rocket, kit.spacecraft,
                                                     game.month_now(), tuple(crew or ()), kit.rocket2,
                                                     kit.spacecraft2)):
                    booked_types.add(kit.mission)
                    self._order(game, side, hardware)  # the next one is built while this one flies
            else:
                if game.era.goal.first in mission.firsts or (
                        odds.success >= needed - ORDER_AHEAD and odds.crew_loss <= risk * 1.5):
                    # research closes the gap while it is built; the goal's hardware (three
                    # quarters for a Saturn V) is ordered as soon as it could fly at all
                    self._order(game, side, hardware)
                self._test_flight(game, side, hardware, booked_types)

    def _nerve(self, game: Game, mission, at_stake: bool, time_short: bool, ahead: bool) -> tuple[float, float]:
        """The believed chance of success it wants before it flies a mission, and the chance of
        losing the crew it accepts: its level's, bolder for what decides the race or near the
        end, more careful when ahead, and the goal's own figures for the goal."""
        level = self.level
        base = level.success_needed
        if mission.crew_min and level.crewed_success_needed is not None:
            base = level.crewed_success_needed
        needed = base - (level.daring if at_stake else 0) + (0.05 if ahead else 0)
        goal = game.era.goal.first in mission.firsts
        if not mission.crew_min and goal:
            # a failure costs only the rocket (and teaches); near the end, not trying loses
            needed = min(needed, LAST_THROW if time_short else level.uncrewed_goal_odds)
        risk = level.crew_risk * (2.0 if time_short and at_stake else 1.5 if at_stake else 1.0)
        if mission.crew_min and goal and level.goal_odds is not None:
            needed = min(needed, level.goal_odds)
            risk = max(risk, level.goal_crew_risk or risk)
        return needed, risk

    def _order(self, game: Game, side: str, hardware, keep: int | None = None) -> None:
        """Keep a kit's hardware coming: ``keep`` (the level's pipeline) of each built or being
        built, so that a test and the flight it proves (or a second try) do not wait a build time each."""
        stock = game.state.sides[side].articles
        keep = max(keep or 0, self.level.pipeline)
        for prog_id in game.articles_needed(hardware):
            for _ in range(keep - stock.get(prog_id, 0) - len(game.on_order(side, prog_id))):
                order = commands.OrderHardware(side, prog_id)
                if order.check(game) is not None or not game.execute(order):  # only what the rules allow
                    break

    def _ready_to_fly(self, game: Game, side: str, hardware) -> bool:
        """Whether the hardware is built and a pad is free; orders what is missing."""
        if game.missing_articles(side, hardware):
            self._order(game, side, hardware)
            return False
        return game.why_no_pad(side, hardware.rocket)[1] is None

    def _tested(self, game: Game, side: str, hardware) -> bool:
        owned = game.state.sides[side].programmes
        return all(owned[p.id].successes >= self.level.tests_before_crew for p in _vehicles(hardware))

    def _test_flight(self, game: Game, side: str, hardware, booked_types: set[str]) -> None:
        """Fly the least proven vehicle of the kit on a cheap uncrewed mission, to learn."""
        side_state = game.state.sides[side]
        owned = side_state.programmes
        if game.launches_booked(side) >= game.MAX_LAUNCHES - 1:
            return
        rocket = hardware.rocket
        if rules.estimate(owned[rocket.id]) < 35 and owned[rocket.id].funding > 0:
            return  # not worth flying yet: research first
        vehicles = _vehicles(hardware)
        estimates = {p.id: rules.estimate(owned[p.id]) for p in vehicles}
        pieces = sorted((p for p in vehicles  # a proven, mature vehicle learns little from a test
                         if owned[p.id].successes < PROVEN or estimates[p.id] < self.level.reliability_goal),
                        key=lambda p: (owned[p.id].successes, estimates[p.id], p.id))
        if not pieces:
            return
        # a flight with no step easier than usual is no likelier to work than its least
        # reliable vehicle, so one believed below the floor (a rushed rocket, say) rules
        # such a flight out without asking the odds
        floor = self.level.test_odds
        believed: dict[str, float] = {}

        def below_floor(vehicle) -> bool:
            if vehicle.id not in believed:
                believed[vehicle.id] = rules.effective(vehicle, owned[vehicle.id], True)
            return believed[vehicle.id] < floor

        tried = set()  # (test, rocket, craft): a later piece may lead to a flight already turned down
        for piece in pieces:
            launchers = [rocket]
            if self.level.tests_early and piece.kind == "spacecraft":
                launchers += [game.content.programmes[r] for r in self._carriers(game, side, piece, rocket.id)]
            for launcher, mission_id in product(launchers, _test_missions(game.content)):
                mission = game.content.missions[mission_id]
                if mission_id in booked_types:
                    continue
                # the piece itself if it is a craft, else the kit's craft
                craft = piece if piece.kind == "spacecraft" or not mission.spacecraft else hardware.spacecraft
                carrier = craft if mission.spacecraft else launcher
                if carrier is None or not any(need in carrier.provides for need in mission.needs):
                    continue  # cannot fly it: no need to ask the rules
                craft_id = craft.id if mission.spacecraft else None
                if (mission_id, launcher.id, craft_id) in tried:
                    continue
                tried.add((mission_id, launcher.id, craft_id))
                # a rocket it expects to lose teaches less than the money would buy (hard's
                # floor is zero: a failure teaches most, and it has the money)
                if floor > 0 and all(step.difficulty >= 0 for step in mission.steps) and (
                        below_floor(launcher) or craft_id and below_floor(craft)):
                    continue
                flown = game.hardware(side, mission, launcher.id, craft_id)
                if not _sendable(game, side, mission, flown):
                    continue  # the AI only sends what the rules allow
                if game.odds(side, mission, flown, []).success < floor:
                    continue
                if not self._ready_to_fly(game, side, flown):
                    return  # its hardware is being built: the test waits for it
                if game.execute(commands.PlanMission(side, mission_id, launcher.id, craft_id, game.month_now())):
                    booked_types.add(mission_id)
                    self._order(game, side, hardware)  # what the test proves is built for the real flight
                    return

    def _carriers(self, game: Game, side: str, craft, besides: str) -> list[str]:
        """The side's rockets but ``besides`` (the kit's own), cheapest first, that can fly
        ``craft`` on an uncrewed test."""
        content = game.content
        found = []
        rockets = (p for p in game.state.sides[side].programmes
                   if p != besides and content.programmes[p].kind == "rocket")
        for rocket_id in sorted(rockets, key=lambda p: (content.programmes[p].unit_cost, p)):
            for mission_id in _test_missions(content):
                mission = content.missions[mission_id]
                if mission.spacecraft and any(need in craft.provides for need in mission.needs) \
                        and not isinstance(game.hardware(side, mission, rocket_id, craft.id), str):
                    found.append(rocket_id)
                    break
        return found

    def _early_carriers(self, game: Game, side: str, targets) -> frozenset[str]:
        """The cheapest rocket that can test each untried craft of the goal's crewed kits:
        developed beside the goal's own, so the test flies while the goal's rocket waits."""
        goal_missions = _goal_missions(game.content, side, game.era.goal.first)
        owned = game.state.sides[side].programmes
        found = set()
        for _, kit in targets:
            if kit.mission not in goal_missions or not game.content.missions[kit.mission].crew_min \
                    or not kit.spacecraft or kit.spacecraft not in owned or owned[kit.spacecraft].successes:
                continue
            carriers = self._carriers(game, side, game.content.programmes[kit.spacecraft], kit.rocket)
            if carriers:
                found.add(carriers[0])
        return frozenset(found)

    def _pick_crew(self, game: Game, side: str, mission, hardware) -> tuple[str, ...] | None:
        """The crew that flies a mission best. A step draws on the crew's best at its skill,
        so a crew is built member by member, each adding the most to the steps' best skills."""
        if not mission.crew_min:
            return ()
        booked = game.booked_crew(side)
        free = [c for c in game.ready_crew(side) if c.id not in booked]
        if len(free) < mission.crew_min:
            return None
        if mission.woman and not any(c.woman for c in free):
            return None
        skills = _skill_counts(game.content, mission)
        chosen: list = []
        best_so_far = dict.fromkeys(skills, 0.0)
        for _ in range(mission.crew_min):
            def team_worth(c, best_so_far=best_so_far):
                worth = 0.0
                for skill, steps in skills.items():
                    worth += steps * max(best_so_far[skill], getattr(c, skill))
                return worth + c.morale / 10, c.id
            pool = [c for c in free if c.woman] if mission.woman and not chosen else free  # she is picked first
            best = max(pool, key=team_worth)
            chosen.append(best)
            free = [c for c in free if c is not best]  # (remove() would compare every field)
            best_so_far = {s: max(v, best.skill(s)) for s, v in best_so_far.items()}
        return tuple(c.id for c in chosen)

    def _train(self, game: Game, side: str, mission_ids: list[str]) -> None:
        """Each crew member trains the skill the missions it works toward call on that it is weakest at."""
        skills = _training_skills(game.content, tuple(mission_ids))
        for crew in game.active_crew(side):
            level = partial(getattr, crew)  # Crew.skill without a Python call: this runs for every crew, every quarter
            skill = min(skills, key=level) if skills else "piloting"
            if crew.training in skills and level(crew.training) < level(skill) + TRAINING_SPREAD:
                continue  # near enough the weakest: it keeps at what it is training in
            if crew.training != skill:
                game.execute(commands.TrainCrew(side, crew.id, skill))


def _sendable(game: Game, side: str, mission, hardware) -> bool:
    """Whether ``hardware`` (or the reason it cannot fly) may fly the mission this quarter,
    or once what it lacks is built: not while some of it is gone for good."""
    return not isinstance(hardware, str) and not game.why_not_fly_now(side, mission, hardware) \
        and not game.out_of_stock_for_good(side, hardware)


def _token(definition) -> float:
    """The least funding that keeps a programme's clock running (``turn._research``)."""
    return round(max(0.5, 0.1 * rules.funding_scale(definition)), 1)


def _hardware_reserve(game: Game, side: str, targets) -> float:
    """What the started targets' rockets and craft not yet built or ordered would cost."""
    side_state = game.state.sides[side]
    wanted = {p for _, kit in targets for p in (kit.rocket, kit.spacecraft) if p in side_state.programmes}
    return sum(game.content.programmes[p].unit_cost for p in wanted
               if not side_state.articles.get(p) and not game.on_order(side, p))


def _to_start(content, kit: Kit, owned) -> frozenset[str]:
    """What a side must still start to fly a kit: what flies and is not started, and their
    requirements not started. A programme the side holds (from the era's start, say) needs
    nothing behind it: the Soviet Moon era's R-7 does not ask for a V-2 programme."""
    if (owned.keys() if type(owned) is dict else owned) >= kit.flies:
        return _NONE  # (the usual answer, asked for every kit every quarter: a set comparison in C)
    stack = [p for p in kit.flies if p not in owned]
    missing: set[str] = set()
    while stack:
        prog_id = stack.pop()
        if prog_id in missing:
            continue
        missing.add(prog_id)
        stack.extend(r for r in content.programmes[prog_id].requires if r not in owned)
    return frozenset(missing)


def _test_missions(content) -> tuple[str, ...]:
    """The uncrewed flights that prove a vehicle (``role: test_flight``): those that fly a craft
    first, as they prove the rocket too, then in file order."""
    known = analysis.of(content)
    if known.test_missions is None:
        tests = [m for m, mission in content.missions.items() if mission.role == "test_flight"]
        known.test_missions = tuple(sorted(tests, key=lambda m: not content.missions[m].spacecraft))
    return known.test_missions


def _add_milestone_values(missions, flown: dict[str, int], values: dict[str, float]) -> None:
    """A milestone is worth a share of what it opens: flying it first makes the later
    mission likelier (the rules take points off each step for every milestone missed)."""
    frontier = dict(values)
    for _ in range(MILESTONE_DEPTH):
        spread: dict[str, float] = {}
        for mission_id, value in frontier.items():
            missing = [m for m in missions[mission_id].after if not flown.get(m)]
            for before in missing:
                spread[before] = spread.get(before, 0.0) + value * MILESTONE_SHARE / len(missing)
        for mission_id, value in spread.items():
            values[mission_id] = values.get(mission_id, 0.0) + value
        frontier = spread


def _goal_missions(content, side: str, goal: str) -> frozenset[str]:
    """The mission types a side can fly that win the goal (cached)."""
    cache = analysis.of(content).goal_missions
    if (side, goal) not in cache:
        cache[side, goal] = frozenset(m for m in _kits(content, side) if goal in content.missions[m].firsts)
    return cache[side, goal]


def _goal_kits_by_mission(content, side: str, goal: str) -> tuple:
    """The goal's mission types, each with its one-launch kits (two-launch missions book
    through the targets, where both launches are made ready): kept per content."""
    cache = analysis.of(content).goal_kits_by_mission
    key = (side, goal)
    if key not in cache:
        kits = _kits(content, side)
        cache[key] = tuple((content.missions[m], tuple(k for k in kits.get(m, ()) if not k.rocket2))
                           for m in sorted(_goal_missions(content, side, goal)))
    return cache[key]


def _goal_kits(content, side: str, goal: str) -> tuple[frozenset[str], bool]:
    """What the kits for the goal fly (any of them may be the way, once others are grounded),
    and whether the goal needs a crew (cached)."""
    cache = analysis.of(content).goal_kits
    if (side, goal) not in cache:
        missions = _goal_missions(content, side, goal)
        flies = frozenset().union(*(k.flies for m in missions for k in _kits(content, side)[m]))
        cache[side, goal] = flies, any(content.missions[m].crew_min for m in missions)
    return cache[side, goal]


def _skill_counts(content, mission) -> dict[str, int]:
    """Each skill a mission's steps call on, and how many of them do (cached)."""
    cache = analysis.of(content).skill_counts
    if mission.id not in cache:
        cache[mission.id] = dict(Counter(s.skill for s in mission.steps if s.skill))
    return cache[mission.id]


def _training_skills(content, mission_ids: tuple[str, ...]) -> tuple[str, ...]:
    """The skills any of the missions calls on, sorted (cached: the targets change seldom)."""
    cache = analysis.of(content).training_skills
    if mission_ids not in cache:
        missions = content.missions
        cache[mission_ids] = tuple(sorted(set().union(*(_skill_counts(content, missions[m]) for m in mission_ids))))
    return cache[mission_ids]


def _vehicles(hardware) -> list:
    """The rocket and every craft a kit flies (a lander besides the ship), each once."""
    seen = {hardware.rocket.id: hardware.rocket}
    for programme in (hardware.spacecraft, *hardware.by_step):
        if programme is not None and programme.kind in ("rocket", "spacecraft"):
            seen.setdefault(programme.id, programme)
    return list(seen.values())


def _crew_margins(game: Game, side: str, targets) -> dict[str, float]:
    """How much more reliability than usual each programme of a crewed target needs: its
    failures kill, the more so in a step made hard (re-entry at lunar speed)."""
    margins: dict[str, float] = {}
    for _, kit in targets:
        mission = game.content.missions[kit.mission]
        if not mission.crew_min:
            continue
        hardware = game.hardware(side, mission, kit.rocket, kit.spacecraft, any_date=True)  # cached: not by date
        if isinstance(hardware, str):
            continue
        for step, programme in zip(mission.steps, hardware.by_step, strict=True):
            margin = CREW_MARGIN + max(0.0, step.difficulty)
            margins[programme.id] = max(margins.get(programme.id, 0.0), margin)
    return margins


EFFECT_WORTH = {"money": 0.05, "budget": 0.3, "support": 0.1, "prestige": 0.1, "expertise": 0.05,
                "reliability": 0.05}  # per unit of each effect, in units of ai_weight
STAND_DOWN_WORTH = 15  # what losing all the time left for crewed flights is worth, when the goal needs a crew
FALLBACK_WEIGHT = 4  # the measure that decides the era at its end (prestige, expertise) counts this much more


def _effect_value(effects, wanted: frozenset[str], quarters_left: int, crewed_goal: bool = False,
                  fallback: str = "none") -> float:
    """A rough worth of a choice's effects, in the units of ai_weight. ``wanted``: the
    programmes the side is flying toward its targets, which a grounding or a delay hurts
    most; lost quarters hurt more as the end draws near, and a stand-down most of all when
    the goal needs a crew."""
    value = 0.0
    urgency = 1.0 if quarters_left > 12 else 2.0
    for clause in effects:
        sign = -1 if getattr(clause, "target", "self") == "rival" else 1
        amount = getattr(clause, "amount", 0)
        worth = EFFECT_WORTH.get(clause.type, 0) * (FALLBACK_WEIGHT if clause.type == fallback else 1)
        value += sign * worth * amount
        programme = getattr(clause, "programme", None)
        if clause.type == "lose_crew":
            value -= sign * 2 * clause.count
        elif clause.type == "stand_down":
            if crewed_goal:  # the share of the time left in which no crew may fly
                value -= sign * STAND_DOWN_WORTH * clause.quarters / max(1, quarters_left)
            else:
                value -= sign * 0.15 * urgency * clause.quarters
        elif clause.type == "delay" or clause.type == "ground" and clause.quarters:  # (timed: as a delay)
            value -= sign * (0.2 if programme in wanted else 0.05) * urgency * clause.quarters
        elif clause.type == "ground":
            value -= sign * (3 if programme in wanted else 0.3)
        elif clause.type == "unground":
            value += sign * (4 if programme in wanted else 0.3)
        elif clause.type == "start_programme" and programme in wanted:
            value += sign * 1
    return value


def _goal_wait(game: Game, side: str, effects) -> int:
    """The quarters, after a choice's effects, before the era's goal could first be flown on
    its soonest kit by the calendar: the kit's first date (vehicles, pads), the development
    its vehicles still need, counted from any delay, and for a crew the quarter enough of
    them are through basic training (Kamanin's pilots trained fast or hard, 1960). A goal
    every kit of which is grounded, or that has no crew coming, waits past the era's end."""
    state = game.state
    side_state = state.sides[side]
    now = state.quarter
    grounded = set(side_state.grounded)
    until = dict(side_state.grounded_until)  # (a timed grounding holds its kits only so long)
    delayed: dict[str, int] = {}
    trained = sorted(max(now, c.ready_from) for c in game.active_crew(side))  # when each may fly
    for clause in effects:
        if getattr(clause, "target", "self") != "self":
            continue
        if clause.type == "recruit":
            trained = sorted(trained + [now + clause.training] * len(clause.names))
        elif clause.type == "ground":
            eventtypes.ground(grounded, until, clause.programme, clause.quarters, now)
        elif clause.type == "unground":
            eventtypes.unground(grounded, until, clause.programme)
        elif clause.type == "delay":
            delayed[clause.programme] = now + clause.quarters
    held = grounded.difference(until)
    barred = roads.barred_programmes(game, side)
    programmes = game.content.programmes
    never = state.end + 1 - now
    soonest = never
    for mission, kits in _goal_kits_by_mission(game.content, side, game.era.goal.first):
        if len(trained) < mission.crew_min:
            continue  # no crew for it yet, whatever the hardware
        crew_ready = trained[mission.crew_min - 1] if mission.crew_min else now
        for kit in kits:
            if not held.isdisjoint(kit.flies) or not barred.isdisjoint(kit.flies):
                continue
            # the calendar's dates and pads; the development is counted here, at the side's pace
            ready = max(_first_dates(game.content, side, kit), crew_ready)
            for prog_id in kit.flies:
                ready = max(ready, until.get(prog_id, 0))
                owned = side_state.programmes.get(prog_id)
                done = owned.quarters if owned else 0
                available = programmes[prog_id].available
                begins = max(now, delayed.get(prog_id, 0), owned.delayed_until if owned else 0,
                             dates.parse_quarter(available) if available and not owned else 0)
                left = max(0.0, programmes[prog_id].min_quarters - done) / side_state.pace
                ready = max(ready, (begins + math.ceil(left)) if left else now)  # (developed: a delay holds nothing)
            soonest = min(soonest, ready - now)
    return max(0, soonest)


def _goal_path(game: Game, side: str) -> frozenset[str]:
    """The era's goal, and the firsts whose winning lifts a grounding that keeps the side
    from flying toward it (read from the events: a choice that ungrounds a goal programme,
    in an event that waits on one of the side's own firsts)."""
    content, grounded = game.content, game.state.sides[side].grounded
    goal = game.era.goal.first
    key = (side, goal, game.state.mode, frozenset(grounded))
    cache = analysis.of(content).goal_paths
    if key not in cache:
        goal_kits = [k for m in _goal_missions(content, side, goal) for k in _kits(content, side)[m]]
        blocked = grounded & frozenset().union(*(k.flies for k in goal_kits)) if goal_kits else frozenset()
        path = {goal}
        for event in content.events.values():
            lifts = any(e.type == "unground" and e.programme in blocked and e.target == "self"
                        for choice in event.choices for e in choice.effects)
            if not lifts or side not in event.sides:
                continue
            conditions = event.trigger.conditions + ((event.trigger.dynamic or ()) if game.state.mode == "dynamic"
                                                      else ())
            path.update(c.first for c in conditions if c.type == "has_first" and c.target == "self")
        cache[key] = frozenset(path)
    return cache[key]


NEVER = 1 << 20  # a quarter no game reaches: a kit whose rocket no pad serves
# how far ahead the planner looks for kits it may start (the `soon` of its targets)
TARGET_HORIZON = 10
# a kit stops being worked toward this many quarters before one of its vehicles is no longer
# built: research bought later flies only what is in stock. (Against the whole horizon, the
# Race for Survival's Vostok and Mercury, last ordered in 1963, left the targets in 1961.)
RETIRE_NOTICE = 4


def _dropped(kit: Kit) -> int:
    """The `soon` (quarter + TARGET_HORIZON) at which a kit leaves the targets: RETIRE_NOTICE
    quarters before it is retired. Its availability's and this date's are the quarters the
    targets' memo keys count."""
    return kit.retired + TARGET_HORIZON - RETIRE_NOTICE


def _ready_from(content, side: str, kit: Kit) -> int:
    """The first quarter a kit could fly by the calendar, whatever the play: its vehicles'
    first flights, their development from the day they may be started, and the first pad
    for its rocket. Kept per content."""
    cache = analysis.of(content).ready_from
    if kit not in cache:
        developed = [dates.parse_quarter(prog.available) + prog.min_quarters
                     for prog in map(content.programmes.__getitem__, kit.flies) if prog.available]
        cache[kit] = max([_first_dates(content, side, kit), *developed])
    return cache[kit]


def _first_dates(content, side: str, kit: Kit) -> int:
    """The first quarter a kit may fly by its vehicles' first dates and its rocket's first pad,
    however developed."""
    quarters = [0]
    for prog_id in kit.flies:
        prog = content.programmes[prog_id]
        if prog.earliest:
            quarters.append(dates.parse_quarter(prog.earliest))
    if content.pads:  # (a scenario without pads launches anything anywhere, as game.why_no_pad says)
        pads = [dates.parse_quarter(pad.opens) if pad.opens else 0
                for pad in content.pads_serving.get(kit.rocket, ()) if pad.side == side]
        quarters.append(min(pads) if pads else NEVER)
    return max(quarters)


def _readiness(owned, kit: Kit) -> float:
    """How near a kit is to flying well, as its side believes: its vehicles' mean estimate."""
    # (summed in a fixed order: a set's order changes with the process, and the last bit of a
    # float sum with it, which could break a tie differently in another process)
    return sum(rules.estimate(owned[p]) for p in sorted(kit.flies) if p in owned) / len(kit.flies)


def _liftable(game: Game, side: str, programmes: frozenset[str]) -> bool:
    """Can some event of the side still lift the grounding of these programmes, or is the
    grounding timed?"""
    cache = analysis.of(game.content).liftable
    if side not in cache:
        cache[side] = frozenset(e.programme for event in game.content.events.values()
                                if side in event.sides for choice in event.choices for e in choice.effects
                                if e.type == "unground" and e.target == "self")
    return programmes <= cache[side].union(game.state.sides[side].grounded_until)


def _demands(content, mission_id: str) -> frozenset[str]:
    """What flying a mission type shows a side can do: where it goes, with what, with a crew or not."""
    cache = analysis.of(content).demands
    if mission_id not in cache:
        mission = content.missions[mission_id]
        shown = {mission.destination, *mission.needs, *(s.uses for s in mission.steps)}
        if mission.crew_min:
            shown.add("crew")
        cache[mission_id] = frozenset(shown - {"rocket", "spacecraft"})  # every mission shows those
    return cache[mission_id]


def _demonstrated(content, flown: dict[str, int]) -> frozenset[str]:
    """All a side has shown it can do, from the kinds of mission it has flown with success
    (public knowledge: both sides announce their successes)."""
    kinds = frozenset(flown)
    cache = analysis.of(content).demonstrated
    if kinds not in cache:
        cache[kinds] = frozenset().union(*(_demands(content, m) for m in kinds if m in content.missions))
    return cache[kinds]


def _seen_flown(game: Game, side: str) -> dict[str, int]:
    """The rival's record as the side's file has it: its successes seen, never its true tally
    (a secret Soviet test is not in it). The AI reads the rival only through its file
    (``core/intel.py``) and the public record: firsts won and prestige."""
    return game.state.sides[side].file.flown


def _races(content, flown: dict[str, int]) -> frozenset[str]:
    """The mission types a side with this record is likely to fly soon (cached)."""
    kinds = frozenset(flown)
    cache = analysis.of(content).races
    if kinds not in cache:
        demonstrated = _demonstrated(content, flown)
        cache[kinds] = frozenset(m for m in content.missions if _within_reach(content, m, demonstrated))
    return cache[kinds]


def _within_reach(content, mission_id: str, demonstrated: frozenset[str]) -> bool:
    """Has a side shown most of what a mission type demands? Then it is likely to fly it soon."""
    demands = _demands(content, mission_id)
    return len(demands & demonstrated) >= RACE_READY * len(demands)


def _kits(content, side: str) -> dict[str, list[Kit]]:
    """Every way each mission type can be flown by a side, cheapest first (cached per content)."""
    cache = analysis.of(content).kits
    if side not in cache:
        cache[side] = _find_kits(content, side)
    return cache[side]


def _availabilities(content, side: str) -> list[int]:
    """The sorted quarters at which some kit of the side becomes available, or is retired."""
    cache = analysis.of(content).availabilities
    if side not in cache:
        cache[side] = sorted({q for kits in _kits(content, side).values() for k in kits for q in (k.available, _dropped(k))})
    return cache[side]


def _kit_reach(content, side: str, mission_id: str) -> tuple[list[int], frozenset[str]]:
    """The sorted quarters at which a mission's kits may be started or are retired, and every
    programme they need: all of the side's state a mission's best kit reads besides its groundings."""
    cache = analysis.of(content).kit_reach
    key = (side, mission_id)
    if key not in cache:
        kits = _kits(content, side)[mission_id]
        cache[key] = sorted({q for k in kits for q in (k.available, _dropped(k))}), \
            frozenset().union(*(k.programmes for k in kits))
    return cache[key]


def _start_costs(content) -> dict[str, float]:
    known = analysis.of(content)
    if known.start_costs is None:
        known.start_costs = {p.id: p.start_cost for p in content.programmes.values()}
    return known.start_costs


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
                escape = [mission.escape_by] if mission.crew_min and mission.escape_by else []
                wishes = [s.uses for s in mission.steps] + escape
                missing = False
                for capability in wishes:
                    if capability in ("rocket", "spacecraft") or any(capability in p.provides
                                                                     for p in on_board + extra):
                        continue
                    other = cheapest(capability)
                    if other is None:
                        missing = capability not in escape
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
                retired = min((dates.parse_quarter(p.last_order) + 1 for p in on_board + extra if p.last_order),
                              default=NEVER)
                found.append(Kit(mission.id, rocket.id, spacecraft.id if spacecraft else None, flies, ids, cost,
                                 available, retired))
        found.sort(key=lambda k: (k.cost, k.rocket, k.spacecraft or ""))
        if found:
            kits[mission.id] = found[:KITS_PER_MISSION]
    _join_kits(content, kits)
    return kits


def _join_kits(content, kits: dict[str, list[Kit]]) -> None:
    """A multi-launch mission's kits take their other launch's cheapest kit along (the same
    rocket twice where it can, two Saturns, else the cheapest); without one it has none."""
    programmes = content.programmes
    for mission in content.missions.values():
        if mission.joint and mission.id in kits:
            other = kits.get(mission.joint)
            if not other:
                del kits[mission.id]
                continue
            joined = []
            for k in kits[mission.id]:
                two = next((o for o in other if o.rocket == k.rocket), other[0])
                joined.append(Kit(k.mission, k.rocket, k.spacecraft, k.flies | two.flies, k.programmes | two.programmes,
                                  sum(programmes[p].start_cost for p in k.programmes | two.programmes),
                                  max(k.available, two.available), min(k.retired, two.retired), two.rocket,
                                  two.spacecraft))
            kits[mission.id] = joined
