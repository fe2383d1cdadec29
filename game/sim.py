"""The headless simulator: whole games between computer players, no window.

The same arguments give the same games, byte for byte: each game's seed is the run's
seed plus its number, and every draw comes from the game's own RNG, so games may be
spread over worker processes and still come out the same.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import statistics
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from game.ai import decide, levels_of, make_agent
from game.content import loader
from game.content.model import Content
from game.core import dates
from game.core.commands import EndTurn
from game.core.game import Game
from game.core.state import SIDES

MAX_TURNS = 200  # a campaign is 102; this only guards against a rule that never ends a game
MAX_GAMES = 20_000  # a run keeps every game's summary: about 1 kB each


def play(content: Content, era: str, seed: int, agents: dict, mode: str = "historical",
         after_turn: Callable[[Game], None] | None = None, turns: int | None = None) -> Game:
    """Play one game to its end (or for ``turns`` quarters) and return it. A computer
    player gets its level's edge (levels.yaml), as the rival of a person does."""
    return advance(Game.new(content, era, seed, mode, levels_of(agents)), agents, turns, after_turn)


def advance(game: Game, agents: dict, turns: int | None = None,
            after_turn: Callable[[Game], None] | None = None) -> Game:
    """Play a game on, to its end or for ``turns`` more quarters."""
    played = 0
    decide.answer_all(game, agents)  # a loaded game may have been saved at a decision in flight
    while not game.state.over and played < (turns if turns is not None else MAX_TURNS):
        for side in SIDES:
            if game.state.sides[side].ready:
                continue  # a loaded game may have been saved after one side ended its turn
            agents[side].plan(game, side)
            result = game.execute(EndTurn(side))
            if not result:
                raise RuntimeError(f"{side} could not end its turn: {result.reason}")
            decide.answer_all(game, agents)
        played += 1
        if after_turn is not None:
            after_turn(game)
    return game


def month_text(year: int, month: int) -> str:
    return dates.format_month(year, month)


def summarise(game: Game) -> dict:
    state = game.state
    if state.over:
        end = month_text(state.end_year, state.end_month)
    else:  # stopped early (--turns): the last quarter played
        played = state.quarter - 1
        end = month_text(played // 4, dates.first_month(played) + 2)
    return {
        "seed": state.seed,
        "winner": (state.winner or "none") if state.over else "none",
        "end": end,
        "turns": state.turn + (1 if state.over else 0),
        "firsts": {first: {"side": won[0].side, "date": month_text(won[0].year, won[0].month)}
                   for first, won in sorted(state.firsts.items()) if won},
        "deaths": {side: state.sides[side].deaths for side in SIDES},
        "spent": {side: round(state.sides[side].spent, 1) for side in SIDES},
    }


# --- many games ------------------------------------------------------------------------------

_WORKER: dict = {}


def _worker_start(mods: Sequence[str], parent: int) -> None:
    # Ctrl-C reaches the whole process group: the parent alone answers it and ends the pool
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent(parent)
    _WORKER["content"] = loader.load(*(Path(m) for m in mods))


@contextlib.contextmanager
def _quiet_sigint():
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _end_with_parent(parent: int) -> None:
    """A worker never outlives the run: killed with its parent where Linux can say so
    (PR_SET_PDEATHSIG), and everywhere a watch that exits once the parent is gone."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _one_game(job: tuple) -> dict:
    era, seed, usa, ussr, mode, turns = job
    agents = {"usa": make_agent(usa), "ussr": make_agent(ussr)}
    return summarise(play(_WORKER["content"], era, seed, agents, mode, turns=turns))


def run(content: Content, era: str, usa: str = "ai", ussr: str = "ai", games: int = 1, seed: int = 0,
        mode: str = "historical", turns: int | None = None, workers: int = 1,
        mods: Sequence[str] = ()) -> dict:
    jobs = [(era, seed + number, usa, ussr, mode, turns) for number in range(games)]
    if workers > 1 and games > 1:
        import multiprocessing

        with _quiet_sigint():  # workers start with Ctrl-C ignored, so none prints a traceback while starting
            pool = multiprocessing.get_context("spawn").Pool(workers, _worker_start, (list(mods), os.getpid()))
        with pool:
            pending = pool.map_async(_one_game, jobs, chunksize=max(1, games // (workers * 4)))
            while not pending.ready():  # waiting in short steps lets SIGTERM and Ctrl-C through
                pending.wait(0.2)
            results = pending.get()
        # leaving the with block on an exception (Ctrl-C, SIGTERM) terminates the workers
    else:
        _WORKER["content"] = content
        results = [_one_game(job) for job in jobs]
    return {"era": era, "seed": seed, "games": results, "summary": summary(content, results)}


def wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion: honest for small samples and near 0 or 1."""
    if trials == 0:
        return 0.0, 1.0
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3)


def summary(content: Content, results: list[dict]) -> dict:
    wins = {"usa": 0, "ussr": 0, "none": 0}
    for result in results:
        wins[result["winner"]] += 1
    firsts, spread = {}, {}
    for first in content.firsts:
        won = [r["firsts"][first] for r in results if first in r["firsts"]]
        if not won:
            continue
        months = sorted(won_month(w["date"]) for w in won)
        firsts[first] = {"usa": sum(w["side"] == "usa" for w in won),
                         "ussr": sum(w["side"] == "ussr" for w in won),
                         "median_date": _month_of(months[(len(months) - 1) // 2])}
        spread[first] = {"earliest": _month_of(months[0]), "q1": _month_of(months[len(months) // 4]),
                         "q3": _month_of(months[(3 * len(months)) // 4 - (1 if len(months) % 4 == 0 else 0)]),
                         "latest": _month_of(months[-1]), "games": len(months)}
    n = len(results)
    return {
        "wins": wins,
        "firsts": firsts,
        "win_rate": {side: {"rate": round(wins[side] / n, 3), "ci95": wilson(wins[side], n)}
                     for side in ("usa", "ussr", "none")},
        "first_spread": spread,
        "deaths_per_game": {s: round(statistics.fmean(r["deaths"][s] for r in results), 2) for s in SIDES},
        "spent_per_game": {s: round(statistics.fmean(r["spent"][s] for r in results), 1) for s in SIDES},
    }


def _month_of(index: int) -> str:
    return month_text(index // 12, index % 12 + 1)


def won_month(text: str) -> int:
    year, month = dates.parse_month(text)
    return year * 12 + month - 1
