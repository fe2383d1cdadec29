"""Measure the roads to the Moon (docs/roads.md): normal AI against normal AI, one process.

    python tools/roads.py campaign 200        # which road each side takes, landings and wins by road
    python tools/roads.py campaign 40 --held  # each side held to each road against the normal AI
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game import sim  # noqa: E402
from game.ai import make_agent  # noqa: E402
from game.content import loader  # noqa: E402
from game.core import commands, dates  # noqa: E402

SIDES = ("usa", "ussr")


def _first_road(content, game, side: str) -> str | None:
    """The road the side chose first (from the log), else the one it holds (the era's)."""
    for entry in game.state.log:
        if entry.side == side and "chooses its road to the Moon: " in entry.text:
            return next(r.id for r in content.roads.values() if r.side == side and entry.text.endswith(r.name + "."))
    return game.state.sides[side].road


def shares(content, era: str, games: int, seed: int) -> None:
    rows = []
    start = time.time()
    for number in range(seed, seed + games):
        game = sim.play(content, era, number, {s: make_agent("ai:normal") for s in SIDES})
        state = game.state
        landing = state.firsts.get("first_crewed_landing")
        rows.append({"winner": state.winner, "landing": landing[0].side if landing else None,
                     "road": {s: state.sides[s].road for s in SIDES},
                     "first": {s: _first_road(content, game, s) for s in SIDES},
                     "changed": {s: state.sides[s].road_changes > 0 for s in SIDES}})
    print(f"{games} games of {era} (seeds {seed}-{seed + games - 1}), normal AI against normal AI, "
          f"{time.time() - start:.0f} s\n")
    for side in SIDES:
        print(f"| {side} road | chosen first | held at the end | first on the Moon | won the game |")
        print("|---|---|---|---|---|")
        for road in sorted({r["road"][side] for r in rows} | {r["first"][side] for r in rows}, key=str):
            held = [r for r in rows if r["road"][side] == road]
            print(f"| {road or 'none (the game ended first)'} | {sum(r['first'][side] == road for r in rows)} "
                  f"| {len(held)} | {sum(r['landing'] == side for r in held)} | {sum(r['winner'] == side for r in held)} |")
        print(f"\n{side} changed road in {sum(r['changed'][side] for r in rows)} games\n")
    print("winners:", dict(Counter(r["winner"] for r in rows)), " first on the Moon:",
          dict(Counter(r["landing"] for r in rows)))


class Held:
    """The normal AI held to one road: taken when it opens, never changed."""

    def __init__(self, road):
        self.ai, self.road = make_agent("ai:normal"), road

    def plan(self, game, side: str) -> None:
        me = game.state.sides[side]
        if me.road is None and game.state.quarter >= dates.parse_quarter(self.road.available):
            game.execute(commands.ChooseRoad(side, self.road.id))
        if me.road is not None:
            me.road_changes = max(me.road_changes, 1)  # (the AI changes road at most once: here, never)
        self.ai.plan(game, side)

    def decide(self, game, side: str) -> None:
        self.ai.decide(game, side)  # a fault in flight: answered as the normal AI would


def held(content, era: str, games: int, seed: int) -> None:
    print(f"Each side held to each road against the normal AI: {games} games of {era} each "
          f"(seeds {seed}-{seed + games - 1})\n")
    print("| side | held to | won | first on the Moon |")
    print("|---|---|---|---|")
    for road in content.roads.values():
        wins = first = 0
        for number in range(seed, seed + games):
            agents = {s: make_agent("ai:normal") for s in SIDES}
            agents[road.side] = Held(road)
            game = sim.play(content, era, number, agents)
            wins += game.state.winner == road.side
            landing = game.state.firsts.get("first_crewed_landing")
            first += bool(landing) and landing[0].side == road.side
        print(f"| {road.side} | {road.id} | {wins}/{games} | {first}/{games} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("era")
    parser.add_argument("games", type=int)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--held", action="store_true")
    args = parser.parse_args(argv)
    content = loader.load()
    if args.held:
        held(content, args.era, args.games, 1000 if args.seed is None else args.seed)
    else:
        shares(content, args.era, args.games, 0 if args.seed is None else args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
