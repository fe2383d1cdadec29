"""The window under stress: mods laid over the scenarios, and a seeded monkey at the keys."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import argparse  # noqa: E402
import random  # noqa: E402

import pygame  # noqa: E402

from game.ui import app as app_module  # noqa: E402
from game.ui.screens.dialogs import MessageScreen  # noqa: E402
from game.ui.storage import Storage  # noqa: E402

PLAY = dict(command="play", side="ussr", era="moon", seed=2, rival="ai", load=None)


def _mod(folder, programmes):
    folder.mkdir(parents=True)
    (folder / "programmes.yaml").write_text(programmes, encoding="utf-8")


def test_a_mod_in_the_data_folder_is_laid_over_the_scenarios(tmp_path):
    _mod(tmp_path / "mods" / "heavy_n1",
         "programmes:\n  - {id: n1, name: N1 Heavy, side: ussr, kind: rocket, requires: [r7], start_cost: 90,"
         " reliability: 40, payload_t: 100, lunar_payload_t: 30}\n")
    app = app_module.open_app(argparse.Namespace(**PLAY), Storage(tmp_path))
    app.frame()
    assert app.content.programmes["n1"].name == "N1 Heavy"
    assert not isinstance(app.top, MessageScreen)


def test_a_bad_mod_is_refused_with_its_messages_and_the_game_goes_on(tmp_path):
    _mod(tmp_path / "mods" / "broken", "programmes:\n  - {id: n1, name: N1, side: ussr, kind: rocket}\n")
    app = app_module.open_app(argparse.Namespace(**PLAY, mods=[]), Storage(tmp_path))
    app.frame()
    assert isinstance(app.top, MessageScreen) and "broken/programmes.yaml:2" in app.top.message
    assert app.content.programmes["n1"].name == "N1"  # the bundled scenarios
    assert app.session is not None and app.session.game.state.era == "moon"


KEYS = [pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_h, pygame.K_r, pygame.K_m,
        pygame.K_c, pygame.K_t, pygame.K_g, pygame.K_TAB, pygame.K_SPACE, pygame.K_UP, pygame.K_DOWN,
        pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_F1, pygame.K_F5, pygame.K_F9, pygame.K_F12, pygame.K_PLUS,
        pygame.K_MINUS]


def monkey(tmp_path, seed: int, actions: int) -> app_module.App:
    """Random keys and clicks across every screen the game reaches; any exception fails."""
    chance = random.Random(seed)
    app = app_module.open_app(argparse.Namespace(**{**PLAY, "side": chance.choice(["usa", "ussr"]),
                                                    "era": chance.choice(["survival", "moon"])}),
                              Storage(tmp_path), size=(1024, 600))
    width, height = app.size
    for _ in range(actions):
        if not app.running:
            break
        if chance.random() < 0.5:
            key = chance.choice(KEYS)
            for kind in (pygame.KEYDOWN, pygame.KEYUP):
                pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))
        else:
            pos = (chance.randrange(width), chance.randrange(height))
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        app.frame(0.25)
    return app


def test_a_seeded_monkey_cannot_break_the_window(tmp_path):
    for seed in range(3):
        app = monkey(tmp_path / str(seed), seed, 400)
        assert app.top is not None or not app.running
