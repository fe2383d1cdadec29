"""Fingerprint the game's rules: one sha over the final states of seeded AI-vs-AI games.

A refactor that should change nothing must print the same sha before and after; a rule
change prints a new one and its commit says so. Every era, both modes and every planner
level take part, so a change that touches only one corner still shows.

    python tools/fingerprint.py            # the sha and the games it covered
    python tools/fingerprint.py --each     # one sha per game, to find which one moved
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game import sim  # noqa: E402
from game.ai import make_agent  # noqa: E402
from game.content import loader  # noqa: E402
from game.core.state import to_dict  # noqa: E402

LEVELS = (("ai", "ai"), ("ai:hard", "ai"), ("ai", "ai:easy"), ("history", "history"), ("random", "ai"))


def games(seeds: int):
    content = loader.load()
    for era in sorted(content.eras):
        for mode in ("historical", "dynamic"):
            for usa, ussr in LEVELS:
                for seed in range(1, seeds + 1):
                    agents = {"usa": make_agent(usa), "ussr": make_agent(ussr)}
                    game = sim.play(content, era, seed, agents, mode)
                    # the state alone, not the save's header: a new release number is not a new game
                    yield f"{era} {mode} {usa}-{ussr} seed {seed}", json.dumps(to_dict(game.state), sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--each", action="store_true")
    args = parser.parse_args()
    total = hashlib.sha256()
    count = 0
    for name, text in games(args.seeds):
        digest = hashlib.sha256(text.encode()).hexdigest()
        total.update(digest.encode())
        count += 1
        if args.each:
            print(digest[:16], name)
    print(f"{total.hexdigest()[:16]}  ({count} games)")


if __name__ == "__main__":
    main()
