"""The headless simulator: whole games between computer players, no window.

The same arguments give the same games, byte for byte: each game's seed is the run's
seed plus its number, and every draw comes from the game's own RNG.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ai import make_agent
from game.content.loader import Content
from game.core import dates
from game.core.commands import EndTurn
from game.core.game import Game
from game.core.state import SIDES

MAX_TURNS = 200  # a campaign is 102; this only guards against a rule that never ends a game


def play(content: Content, era: str, seed: int, agents: dict, mode: str = "historical",
         after_turn: Callable[[Game], None] | None = None, turns: int | None = None) -> Game:
    """Play one game to its end (or for ``turns`` quarters) and return it."""
    game = Game.new(content, era, seed, mode)
    played = 0
    while not game.state.over and played < (turns if turns is not None else MAX_TURNS):
        for side in SIDES:
            agents[side].plan(game, side)
            result = game.execute(EndTurn(side))
            if not result:
                raise RuntimeError(f"{side} could not end its turn: {result.reason}")
        played += 1
        if after_turn is not None:
            after_turn(game)
    return game


def month_text(year: int, month: int) -> str:
    return dates.format_month(year, month)


def summarise(game: Game) -> dict:
    state = game.state
    return {
        "seed": state.seed,
        "winner": state.winner or "none",
        "end": month_text(state.end_year, state.end_month) if state.over else
        month_text(*divmod(state.quarter, 4)[:1], dates.first_month(state.quarter) + 2),
        "turns": state.turn + 1,
        "firsts": {first: {"side": won[0].side, "date": month_text(won[0].year, won[0].month)}
                   for first, won in sorted(state.firsts.items()) if won},
        "deaths": {side: state.sides[side].deaths for side in SIDES},
        "spent": {side: round(state.sides[side].spent, 1) for side in SIDES},
    }


def run(content: Content, era: str, usa: str = "ai", ussr: str = "ai", games: int = 1, seed: int = 0,
        mode: str = "historical") -> dict:
    results = []
    for number in range(games):
        agents = {"usa": make_agent(usa), "ussr": make_agent(ussr)}
        game = play(content, era, seed + number, agents, mode)
        results.append(summarise(game))
    return {"era": era, "seed": seed, "games": results, "summary": summary(content, results)}


def summary(content: Content, results: list[dict]) -> dict:
    wins = {"usa": 0, "ussr": 0, "none": 0}
    for result in results:
        wins[result["winner"]] += 1
    firsts = {}
    for first in content.firsts:
        won = [r["firsts"][first] for r in results if first in r["firsts"]]
        if not won:
            continue
        months = sorted(won_month(w["date"]) for w in won)
        median = months[(len(months) - 1) // 2]
        firsts[first] = {"usa": sum(w["side"] == "usa" for w in won),
                         "ussr": sum(w["side"] == "ussr" for w in won),
                         "median_date": month_text(median // 12, median % 12 + 1)}
    return {"wins": wins, "firsts": firsts}


def won_month(text: str) -> int:
    year, month = dates.parse_month(text)
    return year * 12 + month - 1
