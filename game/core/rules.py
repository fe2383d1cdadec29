"""The rules' numbers and formulas: research, reliability estimates, mission odds.

The numbers were tuned with ``spacerace sim`` (docs/balance.md has the runs); each says
where it came from. Nothing here changes state except where a function says so.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from operator import attrgetter
from typing import NamedTuple

from game.content.model import MissionTypeDef, ProgrammeDef, StepDef
from game.core.state import Crew, ProgrammeState, SideState

# Research: a quarter's growth is (cap - reliability) * RESEARCH_SPEED * rate *
# (1 - exp(-funding / scale)) * a draw in [0.5, 1.5], where a programme's scale is half
# its start cost: a Saturn V needs Saturn V money. Both factors give diminishing returns:
# near the cap, and for money past a few times the scale. Funded at its scale, a
# programme at 30 % reaches about 75 % in two years, history's pace from first test to a
# dependable launcher.
RESEARCH_SPEED = 0.22
FUNDING_SCALE_SHARE = 0.5
MIN_FUNDING_SCALE = 2.0
EXPERTISE_BONUS = 0.01  # per point of V-2 expertise, on rocket research (up to +100 %)

# Flights teach: a flight moves reliability this share of the way to the cap; a
# failure more, since its flaw is found (DESIGN: "a failure more than a success").
LEARN_SUCCESS = 0.04
LEARN_FAILURE = 0.10

# The estimate's standard deviation, in points: a programme never flown is a guess.
ESTIMATE_SD_UNFLOWN = 15.0

# Rushing: each quarter short of a programme's min_quarters costs this many points.
RUSH_PENALTY = 8.0
# Untried hardware: points lost on a rocket's or spacecraft's first flight, and its second.
UNTRIED_PENALTY = (12.0, 4.0)

# Crew skill: each point above 50 adds this much to a step's chance that uses the skill.
SKILL_EFFECT = 0.002
MORALE_EFFECT = 0.0005  # per point of the crew's average morale away from 70: a shaken crew errs
TRAINING_GAIN = 6.0  # skill points a quarter of training gives at 0, less as it nears 100

# A card that would start a programme the side has already started (and paid for) backs
# its development instead: about what a fresh programme's first funded quarter buys.
CARD_BACKING = 5.0

# Money: unspent cash is partly clawed back each quarter.
CLAWBACK = 0.25

# Prestige: the first ever gets the first's full value, the second a third, then a
# tenth for any later success of the same kind.
SECOND_SHARE = 1 / 3
# What a failure or a death costs each side is in scenarios/sides.yaml.


class Odds(NamedTuple):
    success: float
    crew_loss: float
    steps: tuple[tuple[str, float], ...]  # (step name, chance) in order


def research_gain(programme: ProgrammeDef, state: ProgrammeState, funding: float,
                  expertise: float, draw: float) -> float:
    """Points of reliability a quarter of ``funding`` buys. ``draw`` is in [0.5, 1.5]."""
    if funding <= 0:
        return 0.0
    rate = programme.research_rate
    if programme.kind == "rocket":
        rate *= 1 + EXPERTISE_BONUS * expertise
    room = max(0.0, programme.cap - state.reliability)
    return room * RESEARCH_SPEED * rate * (1 - math.exp(-funding / funding_scale(programme))) * draw


def expected_gain(programme: ProgrammeDef, state: ProgrammeState, funding: float, expertise: float) -> float:
    """The gain a quarter of ``funding`` should bring, as the side sees it: from its estimate,
    with an average draw (for the research screen; the true gain uses the true figure)."""
    believed = ProgrammeState(state.id, estimate(state))
    return research_gain(programme, believed, funding, expertise, 1.0)


def funding_scale(programme: ProgrammeDef) -> float:
    """The quarterly funding that buys about two thirds of a programme's possible progress."""
    return max(MIN_FUNDING_SCALE, programme.start_cost * FUNDING_SCALE_SHARE)


def learn_from_flight(programme: ProgrammeDef, state: ProgrammeState, failed: bool) -> None:
    share = LEARN_FAILURE if failed else LEARN_SUCCESS
    state.reliability += max(0.0, programme.cap - state.reliability) * share
    state.flights += 1
    if failed:
        state.failures += 1
    else:
        state.successes += 1


def estimate_sd(state: ProgrammeState) -> float:
    """The uncertainty of the shown reliability: narrows with each flight."""
    return ESTIMATE_SD_UNFLOWN / math.sqrt(1 + state.flights)


def estimate(state: ProgrammeState) -> float:
    """The reliability a side believes its programme has (what the player sees)."""
    believed = state.reliability + state.bias * estimate_sd(state)
    return 99.0 if believed > 99.0 else believed if believed > 1.0 else 1.0  # (clamped: a hot path)


def rush_penalty(programme: ProgrammeDef, state: ProgrammeState) -> float:
    return max(0, programme.min_quarters - state.quarters) * RUSH_PENALTY


def untried_penalty(programme: ProgrammeDef, state: ProgrammeState) -> float:
    """Points a rocket or spacecraft loses on its first flights: whatever the engineers believe,
    a maiden flight finds the faults no test stand did (Vanguard, the first Atlases and Titans,
    the N1). An uncrewed test takes the risk off a crew's flight."""
    if programme.kind == "component" or state.flights >= len(UNTRIED_PENALTY):
        return 0.0
    return UNTRIED_PENALTY[state.flights]


def effective(programme: ProgrammeDef, state: ProgrammeState, believed: bool) -> float:
    """Reliability in flight, after rushing and untried flights, as a fraction; ``believed``
    uses the estimate."""
    # (estimate, rush_penalty and untried_penalty written out: the odds ask this for every
    # vehicle of every plan weighed, and the calls were a fortieth of a headless game)
    if believed:
        base = state.reliability + state.bias * (ESTIMATE_SD_UNFLOWN / math.sqrt(1 + state.flights))
        base = 99.0 if base > 99.0 else base if base > 1.0 else 1.0
    else:
        base = state.reliability
    rushed = programme.min_quarters - state.quarters
    untried = UNTRIED_PENALTY[state.flights] if state.flights < len(UNTRIED_PENALTY) and programme.kind != "component" \
        else 0.0
    chance = (base - (rushed * RUSH_PENALTY if rushed > 0 else 0) - untried) / 100
    return 0.995 if chance > 0.995 else chance if chance > 0.01 else 0.01  # (clamped: a hot path)


def crew_skill(crew: list[Crew], skill: str | None) -> float:
    """What the crew adds to a step that calls on a skill: the best member's skill, and
    everyone's morale."""
    if not crew or skill is None:
        return 0.0
    best = max(c.skill(skill) for c in crew)
    morale = sum(c.morale for c in crew) / len(crew)
    return (best - 50) * SKILL_EFFECT + (morale - 70) * MORALE_EFFECT


def step_chance(step: StepDef, hardware: float, share: int, crew: list[Crew], penalty: float = 0.0) -> float:
    """A step's chance. A programme's reliability is its chance of working through a whole
    flight, so a rocket used in two steps (lift-off, staging) gets the square root in each.
    ``penalty``: points off for milestones not yet flown."""
    base = hardware ** (1 / share) if share > 1 else hardware
    if crew:  # (an uncrewed flight adds nothing, unasked: most flights weighed are uncrewed)
        base += crew_skill(crew, step.skill)
    chance = base - (step.difficulty + penalty) / 100
    return 0.999 if chance > 0.999 else chance if chance > 0.01 else 0.01  # (clamped: a hot path)


def loss_is_fatal_share(step: StepDef) -> float:
    """Of a step's failures, the share that destroys the vehicle."""
    return max(0.0, 1 - step.scrub - step.abort)


def mission_odds(mission: MissionTypeDef, chances: list[float], escape: float) -> Odds:
    """Chance of full success and of losing the crew, from each step's chance.

    A scrub is not a loss but not a success this quarter either. ``escape`` is the
    chance the escape system saves a crew from a loss at a step that allows it.
    """
    reach = 1.0
    crew_loss = 0.0
    steps = mission.steps
    if mission.crew_min > 0:
        for step, chance in zip(steps, chances, strict=True):
            fail = reach * (1 - chance)
            lost = fail * loss_is_fatal_share(step)
            crew_loss += lost * ((1 - escape) if step.escape else 1.0)
            reach *= chance
    else:  # (no crew to lose: only the product, in the same order. The planner weighs many such flights)
        for chance in chances:
            reach *= chance
    return Odds(reach, crew_loss, tuple(zip(map(_NAME, steps), chances, strict=True)))


_NAME = attrgetter("name")


def why_cannot_fly(mission: MissionTypeDef, rocket: ProgrammeDef, spacecraft: ProgrammeDef | None,
                   capability_kinds: dict[str, set[str]],
                   provider: Callable[[str], ProgrammeDef | None]) -> tuple[str | None, list[ProgrammeDef]]:
    """Why a rocket and spacecraft cannot fly a mission type, or None; and the other
    programmes that fly along. The one statement of the rule, shared by the game
    (Game.hardware), the loader's check of history.yaml and the AI's search.

    A capability of rockets (ballistic, icbm ...) must be the chosen rocket's, one of
    spacecraft the chosen craft's, unless the mission lets a second craft bring it (the
    lunar lander); any other comes from ``provider(capability)``, a component say. The
    craft and whatever craft fly along must be within the rocket's lift.
    """
    along: list[ProgrammeDef] = []
    for capability in mission.needs:
        if capability in rocket.provides or spacecraft is not None and capability in spacecraft.provides:
            continue  # (the messages below are built only when needed: this runs for every plan)
        kinds = capability_kinds.get(capability, ())
        if "rocket" in kinds:
            return f"the {mission.name.lower()} needs a rocket with {_words(capability)}", along
        if "spacecraft" in kinds and capability not in mission.second_craft:
            return f"the {mission.name.lower()} needs a spacecraft with {_words(capability)}", along
        other = provider(capability)
        if other is None:
            return f"the {mission.name.lower()} needs {_words(capability)}", along
        along.append(other)
    if spacecraft is not None:
        mass = spacecraft.mass_t + sum(p.mass_t for p in along if p.kind == "spacecraft")
        # a multi-launch mission is assembled in Earth orbit: each launch lifts its part to orbit
        lift = rocket.lift("orbit" if mission.joint else mission.destination)
        if mass > lift:
            where = "the Moon" if mission.destination == "moon" else mission.destination
            return f"{rocket.name} cannot lift {mass:g} t to {where} (it can {lift:g} t)", along
    if mission.crew_min and (spacecraft is None or spacecraft.crew < mission.crew_min):
        return f"the {mission.name.lower()} needs a spacecraft for {mission.crew_min} or more", along
    return None, along


def _words(capability: str) -> str:
    return capability.replace("_", " ")


def quarterly_budget(side: SideState) -> float:
    """Support sets the budget: 50 % support gives the era's base, 100 % one and a half times it."""
    return side.base_budget * (0.5 + side.support / 100)
