"""A player that makes any legal move at random: a yardstick for the real AI."""

from __future__ import annotations

from game.core import commands
from game.core.game import Game


class RandomAgent:
    MOVES_PER_QUARTER = 4

    def decide(self, game: Game, side: str) -> None:
        from game.ai import decide

        decide.answer(game, side, decide.at_random)

    def plan(self, game: Game, side: str) -> None:
        rng = game.state.rng
        side_state = game.state.sides[side]
        for event_id in list(side_state.pending_events):
            event = game.content.events[event_id]
            game.execute(commands.AnswerEvent(side, event_id, rng.pick(event.choices).id))
        for _ in range(self.MOVES_PER_QUARTER):
            move = rng.below(4)
            if move == 0:
                startable = [p for p in sorted(game.content.programmes) if not game.why_not_start(side, p)]
                if startable:
                    game.execute(commands.StartProgramme(side, rng.pick(startable)))
            elif move == 1 and side_state.programmes:
                prog = rng.pick(sorted(side_state.programmes))
                game.execute(commands.FundProgramme(side, prog, round(rng.uniform(0, side_state.budget / 2), 1)))
            elif move == 2:
                built = [p for p in sorted(side_state.programmes) if game.content.programmes[p].kind != "component"]
                order = commands.OrderHardware(side, rng.pick(built)) if built else None
                if order is not None and order.check(game) is None:  # only legal moves
                    game.execute(order)
            else:
                self._random_launch(game, side)

    def _random_launch(self, game: Game, side: str) -> None:
        rng = game.state.rng
        side_state = game.state.sides[side]
        owned = [game.content.programmes[p] for p in sorted(side_state.programmes)]
        rockets = [p.id for p in owned if p.kind == "rocket"]
        craft = [p.id for p in owned if p.kind == "spacecraft"]
        if not rockets:
            return
        mission = game.content.missions[rng.pick(sorted(game.content.missions))]
        spacecraft = rng.pick(craft) if mission.spacecraft and craft else None
        crew = ()
        if mission.crew_min:
            booked = game.booked_crew(side)
            free = [c.id for c in game.ready_crew(side) if c.id not in booked]
            crew = tuple(free[: mission.crew_min])
        command = commands.PlanMission(side, mission.id, rng.pick(rockets), spacecraft, game.month_now(), crew)
        if command.check(game) is None:  # only legal moves
            game.execute(command)
