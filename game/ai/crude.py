"""Crude strategies: the cheap ways a player might try to win, to measure that they do not.

Each plays through the same commands as everyone else. ``tools/exploits.py`` pits them
against the normal and the hard planner in every era and seat; ``docs/balance.md`` keeps
the figures. A strategy that wins more than the plain normal AI is a hole in the rules.

- ``idle``: does nothing but answer events.
- ``goal-once``: the normal AI, plus the era's goal mission booked once a quarter on
  whatever can fly it, whatever the odds (hardware ordered for it as soon as it may be).
- ``goal-max``: the same, as many times a quarter as the rules allow.
- ``no-tests``: the normal AI, but it never flies an uncrewed test.
- ``cheapest``: starts and funds only the cheapest way to the goal, orders its hardware
  and flies the goal whenever it can.
"""

from __future__ import annotations

from game.ai.planner import PlanningAI, _goal_missions, _kits
from game.core import commands
from game.core.game import Game

STRATEGIES = ("idle", "goal-once", "goal-max", "no-tests", "cheapest")


def make(name: str):
    if name == "idle":
        return Idle()
    if name in ("goal-once", "goal-max"):
        return GoalRush(1 if name == "goal-once" else None)
    if name == "no-tests":
        return NoTests()
    if name == "cheapest":
        return Cheapest()
    raise ValueError(f"unknown crude strategy {name!r}; expected one of {', '.join(STRATEGIES)}")


def _answer_first(game: Game, side: str) -> None:
    for event_id in list(game.state.sides[side].pending_events):
        event = game.content.events[event_id]
        game.execute(commands.AnswerEvent(side, event_id, event.choices[0].id))


def _try(game: Game, command) -> bool:
    """Send a command only if the rules allow it: a crude player is crude, not illegal."""
    return command.check(game) is None and bool(game.execute(command))


def _safest(self, game: Game, side: str) -> None:
    """A crude player always takes the safest answer to a decision in flight."""
    from game.ai import decide

    decide.answer(game, side, decide.safest)


class Idle:
    decide = _safest

    def plan(self, game: Game, side: str) -> None:
        _answer_first(game, side)


class GoalRush(PlanningAI):
    """The normal AI with the goal mission launched at every chance, whatever the odds."""

    decide = _safest

    def __init__(self, per_quarter: int | None):
        super().__init__("normal")
        self.per_quarter = per_quarter

    def plan(self, game: Game, side: str) -> None:
        self._answer_events(game, side)
        rush(game, side, self, self.per_quarter)
        super().plan(game, side)


def rush(game: Game, side: str, planner: PlanningAI, per_quarter: int | None) -> None:
    """Book the era's goal on every kit the side can fly it on, ordering what is missing."""
    owned = game.state.sides[side].programmes
    rockets = [p for p in sorted(owned) if game.content.programmes[p].kind == "rocket"]
    craft = [p for p in sorted(owned) if game.content.programmes[p].kind == "spacecraft"]
    booked = 0
    for mission_id in sorted(_goal_missions(game.content, side, game.era.goal.first)):
        mission = game.content.missions[mission_id]
        for rocket in rockets:
            for spacecraft in (craft if mission.spacecraft else [None]):
                hardware = game.hardware(side, mission, rocket, spacecraft)
                if isinstance(hardware, str):
                    continue
                while per_quarter is None or booked < per_quarter:
                    for prog in game.missing_articles(side, hardware):
                        _try(game, commands.OrderHardware(side, prog.id))
                    crew = planner._pick_crew(game, side, mission, hardware)
                    if crew is None or not _try(game, commands.PlanMission(
                            side, mission_id, rocket, spacecraft, game.month_now(), tuple(crew))):
                        break
                    booked += 1


class NoTests(PlanningAI):
    """The normal AI that never spends a rocket on an uncrewed test."""

    decide = _safest

    def __init__(self):
        super().__init__("normal")

    def _test_flight(self, game: Game, side: str, hardware, booked_types: set[str]) -> None:
        return

    def _tested(self, game: Game, side: str, hardware) -> bool:
        return True


class Cheapest(PlanningAI):
    """Everything on the cheapest kit that can fly the goal; nothing else."""

    decide = _safest

    def __init__(self):
        super().__init__("normal")

    def plan(self, game: Game, side: str) -> None:
        self._answer_events(game, side)
        goal = _goal_missions(game.content, side, game.era.goal.first)
        kits = [k for m in sorted(goal) for k in _kits(game.content, side)[m]]
        if not kits:
            return
        kit = min(kits, key=lambda k: (k.cost, k.mission, k.rocket, k.spacecraft or ""))
        side_state = game.state.sides[side]
        for prog_id in sorted(kit.programmes, key=lambda p: (len(game.content.programmes[p].requires), p)):
            _try(game, commands.StartProgramme(side, prog_id))
        flying = sorted(p for p in kit.flies if p in side_state.programmes)
        for prog_id in flying:
            share = side_state.cash * 0.8 / max(1, len(flying))
            _try(game, commands.FundProgramme(side, prog_id, round(min(share, commands.MAX_FUNDING), 1)))
        rush(game, side, self, None)
