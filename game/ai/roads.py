"""The computer rival's road to the Moon: which it takes, when it gives one up, and how it
flies a mission of two launches.

It chooses once all its side's roads are on the table, by a seeded draw weighted by each
road's ``ai_weight``, by its means (what the road still costs against its budget, and how
long its slowest programme still needs against the time left) and by the rival's (behind,
a quick road round the Moon looks better; against a richer rival, a cheaper road). It
changes road once at most: when its road has nothing left to win (a circumlunar road
whose first is taken) or it is far behind with its own road's hardware still unready.
Its choices go to the log, and so to the chronicle.
"""

from __future__ import annotations

import math

from game.core import commands, dates, joint, roads, rules
from game.core.game import Game
from game.core.state import rival_of

HORIZON_YEARS = 3.0  # the years of cost and development at which a road's weight falls to 1/e
TOO_LATE = 0.1  # the weight left to a road whose slowest programme cannot be ready before the end
BEHIND = 30  # prestige the rival leads by that makes a quick road round the Moon attractive
QUICK_ROAD = 1.5  # the weight that gives a road that lands nobody, when behind
OFF_GOAL = 0.25  # the weight left to a road none of whose missions can win the era's goal
RICHER = 1.3  # a rival budget this many times its own makes it count the cost twice
FAR_BEHIND = 50  # prestige the rival leads by that makes it think of changing road
UNREADY = 50  # the mean reliability (true %, of its road's started programmes) it calls unready
MIN_QUARTERS_LEFT = 12  # a change of road with less time left than this cannot pay
RESERVE = 0.5  # of a quarter's budget kept in hand when it starts its road's programmes
BETTER = 1.75  # how many times its own road's weight another must have, price paid, to change to it


def plan_road(game: Game, side: str, best: bool = False) -> None:
    """Choose a road, or change it, and answer the road's event cards to match. ``best``:
    the road it weighs highest, every time, instead of a draw by weight."""
    state = game.state
    side_state = state.sides[side]
    options = roads.roads_of(game, side)
    if not options:
        return
    if side_state.road is None:
        if state.quarter >= max(dates.parse_quarter(r.available) for r in options):
            choice = pick(game, side, options, best)
            game.execute(commands.ChooseRoad(side, choice.id))
    elif side_state.road_changes == 0 and should_switch(game, side):
        current = game.content.roads[side_state.road]
        spent = not current.lands  # (should_switch: a road round the Moon with nothing left to win)
        others = [r for r in options if r.id != side_state.road and r.lands
                  and not roads.why_not_choose(game, side, r.id)
                  and (spent or weight(game, side, r) > BETTER * weight(game, side, current))]
        if others:
            game.execute(commands.ChooseRoad(side, pick(game, side, others, best).id))
    _answer_road_cards(game, side)
    _start_road(game, side)


def _start_road(game: Game, side: str) -> None:
    """Start the road's own programmes as soon as they may be started, the slowest first:
    their development clocks are what the road waits on (the planner funds them once its
    targets reach the landing, often years later)."""
    road = roads.road_of(game, side)
    if road is None:
        return
    me = game.state.sides[side]
    programmes = game.content.programmes
    for prog_id in sorted(road.programmes, key=lambda p: (-programmes[p].min_quarters, p)):
        if prog_id in me.programmes or game.why_not_start(side, prog_id):
            continue
        if me.cash - programmes[prog_id].start_cost >= RESERVE * me.budget:
            game.execute(commands.StartProgramme(side, prog_id))


def weight(game: Game, side: str, road) -> float:
    """How much the side wants a road: its ai_weight, times what its means and the rival's say."""
    state = game.state
    me = state.sides[side]
    rival_prestige = state.sides[rival_of(side)].prestige  # public: the rest of the rival is read from the file
    owned = me.programmes
    programmes = game.content.programmes
    cost = sum(programmes[p].start_cost for p in road.programmes if p not in owned)
    slowest = max((programmes[p].min_quarters - (owned[p].quarters if p in owned else 0) for p in road.programmes),
                  default=0) / me.pace  # in quarters of the calendar: a level's pace counts more a quarter
    years = cost / max(1.0, 4 * me.budget) + max(0, slowest) / 4
    if road.switch_cost and me.road is not None:
        years += road.switch_cost / max(1.0, 4 * me.budget) + road.switch_delay / 4
    value = road.ai_weight * math.exp(-years / HORIZON_YEARS)
    if state.quarter + slowest > state.end:
        value *= TOO_LATE
    goal = game.era.goal.first
    if not any(goal in game.content.missions[m].firsts for m in road.missions):
        value *= OFF_GOAL  # round the Moon wins prestige, not the race
    if rival_prestige > me.prestige + BEHIND and not road.lands:
        value *= QUICK_ROAD
    # the rival's means as the world knew them: its budget at the era's opening (in the papers,
    # or in the CIA's estimates), never what it has now
    if game.era.side(rival_of(side)).budget > RICHER * game.era.side(side).budget:
        value *= math.exp(-cost / max(1.0, 4 * me.budget))
    return value


def pick(game: Game, side: str, options: list, best: bool = False):
    """A seeded draw among the roads, by weight; or, ``best``, the heaviest (the first listed of equals)."""
    weights = [weight(game, side, r) for r in options]
    if sum(weights) <= 0:
        return options[0]
    if best:
        return options[weights.index(max(weights))]
    return game.state.rng.weighted(options, weights)


def should_switch(game: Game, side: str) -> bool:
    state = game.state
    if state.end - state.quarter < MIN_QUARTERS_LEFT:
        return False
    me = state.sides[side]
    rival_prestige = state.sides[rival_of(side)].prestige  # public
    road = game.content.roads[me.road]
    firsts = {f for m in road.missions for f in game.content.missions[m].firsts}
    if not road.lands and all(state.firsts.get(f) for f in firsts):
        return True  # nothing left to win on it
    started = [me.programmes[p] for p in road.programmes if p in me.programmes]
    ready = sum(rules.estimate(p) for p in started) / len(started) if started else 0.0  # as its engineers believe
    return rival_prestige > me.prestige + FAR_BEHIND and ready < UNREADY


def _answer_road_cards(game: Game, side: str) -> None:
    """A card that chooses a road is answered to keep (or take) the road the side holds."""
    side_state = game.state.sides[side]
    for event_id in list(side_state.pending_events):
        event = game.content.events[event_id]
        def road_in(choice):
            return next((e.road for e in choice.effects if e.type == "choose_road"), None)
        if not any(road_in(c) for c in event.choices):
            continue
        keep = [c for c in event.choices if road_in(c) == side_state.road] or \
            [c for c in event.choices if road_in(c) is None] or list(event.choices)
        game.execute(commands.AnswerEvent(side, event_id, keep[0].id))


# --- multi-launch missions -------------------------------------------------------------------

def partner(game: Game, side: str, kit):
    """The other launch's hardware of a multi-launch kit, or its reason."""
    mission = game.content.missions[kit.mission]
    return game.hardware(side, game.content.missions[mission.joint], kit.rocket2, kit.spacecraft2)


def joint_ready(ai, game: Game, side: str, kit, hardware) -> bool:
    """Both launches' hardware built (ordering what is missing) and two pads free."""
    hardware2 = partner(game, side, kit)
    if isinstance(hardware2, str):
        return False
    if joint.missing_articles(game, side, hardware, hardware2):
        ai._order(game, side, hardware)
        ai._order(game, side, hardware2)
        return False
    pad, reason = game.why_no_pad(side, hardware.rocket)
    return reason is None and joint.second_pad(game, side, hardware2.rocket, pad)[1] is None


def joint_success(game: Game, side: str, kit) -> float:
    """The believed chance the other launch reaches orbit (1 for a mission of one launch)."""
    if not kit.rocket2:
        return 1.0
    hardware2 = partner(game, side, kit)
    if isinstance(hardware2, str):
        return 0.0
    return game.odds(side, game.content.missions[game.content.missions[kit.mission].joint], hardware2, []).success
