"""make soak: thousands of AI-vs-AI games across every era and mode, with the invariants
of tests/test_games.py checked after every turn, and saves resumed along the way.

    python tools/soak.py [GAMES_PER_ERA_AND_MODE]     (default 200: 2,000 games)
"""

from __future__ import annotations

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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
