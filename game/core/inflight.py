"""Decisions in flight: a fault stops a flight, its side chooses, the flight goes on or ends.

When a step fails in flight (not on the pad), the faults that fit it (``faults.yaml``) are
tried, history's own first: with its chance one is caught in time, and the flight stops
with a ``PendingDecision`` in the state. The quarter's resolution pauses there (the
launches after it wait in ``state.queue``) until ``commands.DecideInFlight`` names an
option; ``resolve`` then rolls the option's odds and the quarter goes on in month order.
Kept apart from the rest of a flight (``turn.roll_steps``) on purpose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core.state import PendingDecision, StepResult

if TYPE_CHECKING:
    from game.content.model import FaultDef, FaultOption
    from game.core.game import Game, Hardware
    from game.core.state import LaunchReport, Mission


def faults_for(game: Game, booked: Mission, hardware: Hardware, index: int) -> list[FaultDef]:
    """The faults that may stop this flight at its step ``index``, history's own first."""
    step = game.content.missions[booked.type].steps[index]
    crewed = bool(booked.crew)
    flying = {hardware.rocket.id, *(p.id for p in hardware.by_step)}
    if hardware.spacecraft is not None:
        flying.add(hardware.spacecraft.id)
    fits = [f for f in game.content.faults.values()
            if step.id in f.steps and (not f.missions or booked.type in f.missions)
            and (not f.programmes or flying.intersection(f.programmes))
            and (f.crewed is None or f.crewed == crewed)]
    return sorted(fits, key=lambda f: not f.specific)  # a stable sort: file order within each


def stop_for_fault(game: Game, booked: Mission, hardware: Hardware, report: LaunchReport,
                   chances: list[float], flown: dict[str, bool], index: int) -> bool:
    """Whether the failure of step ``index`` is caught as a fault: if so the flight waits
    in ``state.decision`` and the caller stops flying it."""
    state = game.state
    for fault in faults_for(game, booked, hardware, index):
        if state.rng.chance(fault.chance):
            state.decision = PendingDecision(booked.side, fault.id, index, booked, report, list(chances), dict(flown))
            mission = game.content.missions[booked.type]
            game.log(booked.side, "launch", f"{mission.name}: {fault.name.lower()}; the flight waits for a "
                     f"decision.", (booked.side,), report.month)
            return True
    return False


def crewed(decision: PendingDecision) -> bool:
    return bool(decision.mission.crew)


def safest(fault: FaultDef, with_crew: bool) -> FaultOption:
    """The option most likely to bring the crew home (then to go on); without a crew, the
    one likeliest to go on. Return takes it in the launch film; the crude agents always do."""
    return max(fault.options, key=lambda o: (o.crew, o.goes_on) if with_crew else (o.goes_on, o.crew))


def option(game: Game, decision: PendingDecision, option_id: str) -> FaultOption | None:
    return next((o for o in game.content.faults[decision.fault].options if o.id == option_id), None)


def resolve(game: Game, option_id: str) -> None:
    """Fly the waiting flight on by the option chosen, then the rest of the quarter."""
    from game.core import turn  # turn imports this module for the flight's steps

    state = game.state
    decision = state.decision
    chosen = option(game, decision, option_id)
    fault = game.content.faults[decision.fault]
    state.decision = None
    booked, report = decision.mission, decision.report
    steps = game.content.missions[booked.type].steps
    step, chance = steps[decision.step], decision.chances[decision.step]
    report.fault, report.choice = fault.id, chosen.id
    with_crew = crewed(decision)
    # one draw for both, so the odds shown are exact: under goes_on the flight goes on,
    # from there to crew it ends with the crew alive, above crew the crew is lost
    draw = state.rng.random()
    goes_on = draw < chosen.goes_on
    lives = not with_crew or draw < chosen.crew
    game.log(booked.side, "launch", f"{fault.name}: {chosen.text}.", (booked.side,), report.month)
    if goes_on:
        report.steps.append(StepResult(step.id, step.name, chance, "success"))
        turn.fly_on(game, booked, report, decision.chances, decision.flown, decision.step + 1)
    else:
        result = "death" if not lives else "abort" if with_crew or chosen.kind == "abort" else "loss"
        report.steps.append(StepResult(step.id, step.name, chance, result))
        report.steps.extend(StepResult(s.id, s.name, 0.0, "skipped") for s in steps[decision.step + 1:])
        turn.land(game, booked, report, decision.flown, turn.OUTCOME_OF[result])
    turn.resume_quarter(game)
