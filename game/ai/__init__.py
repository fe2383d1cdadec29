"""Computer players. ``make_agent`` turns a command-line name into one.

The planners are imported only when an agent is made, so that naming the agents (the
command line's choices) does not load the whole simulation.
"""

from __future__ import annotations

AGENT_NAMES = ("ai", "ai:easy", "ai:normal", "ai:hard", "random", "history", "crude:idle", "crude:goal-once",
               "crude:goal-max", "crude:no-tests", "crude:cheapest")


def make_agent(name: str):
    from game.ai.planner import LEVELS, PlanningAI
    from game.ai.random_agent import RandomAgent

    if name == "ai":
        return PlanningAI("normal")
    if name.startswith("ai:") and name[3:] in LEVELS:
        return PlanningAI(name[3:])
    if name == "random":
        return RandomAgent()
    if name.startswith("crude:") and name in AGENT_NAMES:
        from game.ai import crude

        return crude.make(name[len("crude:"):])
    if name == "history":
        from game.ai.history import HistoryAgent

        return HistoryAgent()
    raise ValueError(f"unknown agent {name!r}; expected one of {', '.join(AGENT_NAMES)}")


def levels_of(agents: dict) -> dict[str, str]:
    """The level of each side a planner plays (``ai:hard`` and the like), for ``Game.new``:
    a level may give the computer an edge (levels.yaml). Other players have none."""
    from game.ai.planner import PlanningAI

    return {side: agent.level.name for side, agent in agents.items() if isinstance(agent, PlanningAI)}
