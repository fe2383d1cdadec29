"""make soak, the window's part: a long seeded monkey over every screen, and whole hot-seat
games at one keyboard through quick saves and quick loads, under the dummy video driver.

    python tools/soak_ui.py [MONKEY_SEEDS] [HOT_SEAT_GAMES]     (default 20 and 3)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import pygame  # noqa: E402
from test_ui_robust import monkey  # noqa: E402

from game.ui import app as app_module  # noqa: E402
from game.ui.storage import Storage  # noqa: E402


def press(app, key) -> None:
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))
    app.frame(0.5)


def hot_seat(home: Path, seed: int) -> int:
    """Both sides played by 'people' pressing Return and 1 until the race ends; a quick save
    every third quarter and a quick load straight after. Returns the quarters played."""
    args = argparse.Namespace(command="play", side="usa", era="survival", seed=seed, rival="human", load=None)
    app = app_module.open_app(args, Storage(home))
    quarters = 0
    for step in range(20_000):
        game = app.session.game
        if game.state.over:
            return quarters
        before = game.state.turn
        press(app, pygame.K_1 if step % 3 == 0 else pygame.K_RETURN)
        if app.session.game.state.turn != before:
            quarters += 1
            if quarters % 3 == 0:
                press(app, pygame.K_F5)
                press(app, pygame.K_F9)
    raise AssertionError("the hot-seat game never ended")


def main() -> int:
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    games = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as home:
        for seed in range(seeds):
            monkey(Path(home) / f"monkey{seed}", 1000 + seed, 3000)
        print(f"monkey: {seeds} runs of 3,000 random keys and clicks, no exception", flush=True)
        for seed in range(games):
            quarters = hot_seat(Path(home) / f"hotseat{seed}", seed)
            print(f"hot-seat game {seed}: {quarters} quarters to the end, through quick saves and loads", flush=True)
    print(f"window soak done in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
