"""Plain queries that explain the rules' figures to a player: no state is changed here."""

from __future__ import annotations

from dataclasses import dataclass

from game.content.model import ProgrammeDef
from game.core import rules


def clawed_back(side) -> float:
    """What the last quarter's end took back of the money left unspent.

    The budget step is the quarter's last: what was left was cut by ``CLAWBACK``, then the
    budget (less the bureaus' share) came in. So the cash now tells what was taken."""
    left_after_cut = side.cash - side.budget * (1 - side.bureau_share)
    return max(0.0, left_after_cut * rules.CLAWBACK / (1 - rules.CLAWBACK))


@dataclass(frozen=True)
class StepDriver:
    """What sets one step's chance, part by part (percentage points unless said)."""

    name: str  # the step's
    chance: float  # 0-1, as the planner shows it
    programme: ProgrammeDef  # the hardware the step rides on
    estimate: float  # the programme's believed reliability, %
    rush: float  # points lost to flying before its development time is up
    share: int  # the steps its reliability is spread over (a rocket's lift-off and staging)
    skill: str | None  # the crew skill the step calls on
    crew: float  # points the crew's skill and morale add (or take)
    difficulty: float  # points the step itself takes
    milestones: float = 0.0  # points lost to milestones not yet flown (shared among the steps)
    untried: float = 0.0  # points lost by a vehicle on its first flights

    @property
    def hardware(self) -> float:
        """The programme's part of the chance, %: after rushing and spreading over its steps."""
        flown = min(99.5, max(1.0, self.estimate - self.rush - self.untried)) / 100
        return 100 * (flown ** (1 / self.share) if self.share > 1 else flown)


def step_drivers(game, side: str, mission, hardware, crew: list) -> list[StepDriver]:
    """Each step of a planned mission with what drives its chance, as the side believes it.

    The same sum as ``Game.step_chances`` (believed), kept apart so it can be shown."""
    owned = game.state.sides[side].programmes
    penalty = game.milestone_penalty(side, mission)[0]
    out = []
    for step, prog, share in zip(mission.steps, hardware.by_step, hardware.shares, strict=True):
        state = owned[prog.id]
        flown = rules.effective(prog, state, True)
        chance = rules.step_chance(step, flown, share, crew, penalty)
        out.append(StepDriver(step.name, chance, prog, rules.estimate(state), rules.rush_penalty(prog, state),
                              share, step.skill, 100 * rules.crew_skill(crew, step.skill), step.difficulty,
                              penalty, rules.untried_penalty(prog, state)))
    return out


def flies_at(programme: ProgrammeDef, state) -> float:
    """The reliability a programme would fly with this quarter, %: its estimate less any rush
    and what an untried vehicle loses."""
    return 100 * rules.effective(programme, state, True)
