"""How computer players answer a decision in flight (``commands.DecideInFlight``).

Each agent answers through the same command a player uses. The planner decides by its
nerve: of the options whose chance of losing the crew it would accept at booking
(``Level.crew_risk``), the likeliest to go on; if none, the safest. The history rival does
what the crew did then; the random player picks at random; the crude players always take
the safest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core import commands, inflight

if TYPE_CHECKING:
    from game.core.game import Game


def by_nerve(game: Game, side: str, crew_risk: float) -> str:
    decision = game.state.decision
    fault = game.content.faults[decision.fault]
    with_crew = inflight.crewed(decision)
    bearable = [o for o in fault.options if not with_crew or 1 - o.crew <= crew_risk]
    if not bearable:
        return inflight.safest(fault, with_crew).id
    return max(bearable, key=lambda o: (o.goes_on, o.crew)).id


def safest(game: Game, side: str) -> str:
    decision = game.state.decision
    return inflight.safest(game.content.faults[decision.fault], inflight.crewed(decision)).id


def as_history(game: Game, side: str) -> str:
    fault = game.content.faults[game.state.decision.fault]
    marked = next((o for o in fault.options if o.history), None)
    return marked.id if marked is not None else safest(game, side)


def at_random(game: Game, side: str) -> str:
    return game.state.rng.pick(game.content.faults[game.state.decision.fault].options).id


def answer(game: Game, side: str, choose) -> None:
    """Send the side's answer; ``choose(game, side)`` names the option."""
    result = game.execute(commands.DecideInFlight(side, choose(game, side)))
    if not result:
        raise RuntimeError(f"{side} could not decide in flight: {result.reason}")


def answer_all(game: Game, agents: dict) -> None:
    """Let the agents answer every decision in flight until the quarter is resolved (each
    agent must have a ``decide``)."""
    while game.state.decision is not None:
        side = game.state.decision.side
        agents[side].decide(game, side)
