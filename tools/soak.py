"""make soak: thousands of AI-vs-AI games across every era and mode, with the invariants
of tests/test_games.py checked after every turn, and saves resumed along the way; then
thousands of real saves edited at random, each of which must load and play a turn or be
refused with a SaveError, never anything else.

    python tools/soak.py [GAMES_PER_ERA_AND_MODE] [EDITED_SAVES]   (default 200: 2,000 games; 5,000 saves)
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_games import Invariants  # noqa: E402

from game import sim  # noqa: E402
from game.ai import make_agent  # noqa: E402
from game.content import loader  # noqa: E402
from game.core import save  # noqa: E402
from game.core.commands import EndTurn  # noqa: E402
from game.core.game import Game  # noqa: E402

ERAS = ("rockets", "satellites", "survival", "moon", "campaign")
AGENTS = ("ai:easy", "ai", "ai:hard", "random")


def main() -> int:
    per = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    content = loader.load()
    start, games = time.perf_counter(), 0
    for era in ERAS:
        for mode in ("historical", "dynamic"):
            for seed in range(per):
                usa, ussr = AGENTS[seed % len(AGENTS)], AGENTS[(seed // len(AGENTS)) % len(AGENTS)]
                agents = {"usa": make_agent(usa), "ussr": make_agent(ussr)}
                check = Invariants()
                game = sim.play(content, era, seed, agents, mode, after_turn=check, turns=seed % 7 + 1)
                # through a save and a load halfway, as a player would
                state, _ = save.loads(save.dumps(game.state))
                game = sim.advance(Game(content, state), agents, after_turn=check)
                assert game.state.over, (era, mode, seed)
                games += 1
            print(f"{era:<10} {mode:<10} {per} games ok", flush=True)
    print(f"{games} games in {time.perf_counter() - start:.0f} s, every invariant held after every turn")
    edited = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    fuzz_saves(content, edited)
    return 0


HOSTILE = [None, True, False, 0, 1, -1, 0.5, -1e9, 1e300, 10**40, -(10**40), "", "usa", "ussr", "none", "abc",
           "\x00", "r7", "n1", "saturn5", "first_satellite", "historical", "1957-Q4", [], [0], ["usa"], [[]], {},
           {"id": 1}, {"usa": []}, "x" * 20_000]


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node[:4]):
            yield from _paths(value, prefix + (index,))


def fuzz_saves(content, count: int) -> None:
    """Real saves from every era, edited at one to four places each (a value replaced,
    a key deleted, a number nudged): each loads and plays a turn, or is refused."""
    start, held = time.perf_counter(), {"loaded": 0, "refused": 0}
    bases = []
    for number, era in enumerate(ERAS):
        game = sim.play(content, era, number, {"usa": make_agent("ai"), "ussr": make_agent("random")},
                        turns=number * 3 + 2)
        bases.append(json.loads(save.dumps(game.state, {"side": "usa", "turn": game.state.turn})))
    for seed in range(count):
        chance = random.Random(seed)
        document = json.loads(json.dumps(chance.choice(bases)))
        paths = [p for p in _paths(document) if p]
        for _ in range(chance.randint(1, 4)):
            path = chance.choice(paths)
            try:
                node = document
                for step in path[:-1]:
                    node = node[step]
                old = node[path[-1]]
                roll = chance.random()
                if roll < 0.15 and isinstance(node, dict):
                    del node[path[-1]]
                elif roll < 0.45 and isinstance(old, (int, float)) and not isinstance(old, bool):
                    node[path[-1]] = old + chance.choice([-1, 1, 0.5, -1000, 1e6, 4])
                else:
                    node[path[-1]] = chance.choice(HOSTILE)
            except (KeyError, IndexError, TypeError):
                continue  # an earlier edit took the path away
        text = json.dumps(document, allow_nan=True)
        try:
            state, _ = save.loads(text, f"edited-{seed}.json")
            save.check_against(content, state, f"edited-{seed}.json")
        except save.SaveError as err:
            assert str(err).startswith(f"edited-{seed}.json: "), (seed, str(err))
            held["refused"] += 1
            continue
        game = Game(content, state)
        for side in ("usa", "ussr"):
            if not state.over and not state.sides[side].ready:
                make_agent("ai").plan(game, side)
                game.execute(EndTurn(side))
        save.dumps(game.state)
        held["loaded"] += 1
    print(f"{count} edited saves in {time.perf_counter() - start:.0f} s: {held['loaded']} loaded and played a "
          f"turn, {held['refused']} refused with a message, none crashed", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
