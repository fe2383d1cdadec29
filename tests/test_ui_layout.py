"""A window that fits: the minimum size holds, and every screen lays out cleanly from it to 2560x1440."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import warnings  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402
from test_ui import open_window, pump  # noqa: E402

from game.core import commands  # noqa: E402
from game.ui import app as app_module  # noqa: E402
from game.ui.screens.chronicle import ChronicleScreen  # noqa: E402
from game.ui.screens.crews import CrewsScreen  # noqa: E402
from game.ui.screens.dialogs import MessageScreen, QuestionScreen  # noqa: E402
from game.ui.screens.end import EndScreen  # noqa: E402
from game.ui.screens.event import EventScreen  # noqa: E402
from game.ui.screens.files import SaveLoadScreen  # noqa: E402
from game.ui.screens.help import HelpScreen  # noqa: E402
from game.ui.screens.hq import HeadquartersScreen  # noqa: E402
from game.ui.screens.launch import LaunchScreen  # noqa: E402
from game.ui.screens.menu import GameMenuScreen  # noqa: E402
from game.ui.screens.missions import MissionPlannerScreen  # noqa: E402
from game.ui.screens.newgame import NewGameScreen  # noqa: E402
from game.ui.screens.report import ReportScreen  # noqa: E402
from game.ui.screens.research import ResearchScreen  # noqa: E402
from game.ui.screens.settings import SettingsScreen  # noqa: E402
from game.ui.screens.title import TitleScreen  # noqa: E402
from game.ui.storage import Storage  # noqa: E402

SIZES = [(1024, 600), (1280, 720), (2560, 1440)]


def _screens(app, content):
    """Every screen of the game, made from a game one quarter in (so reports and launches exist)."""
    game = app.session.game
    side = game.state.sides[app.session.side]
    event_id = max(content.events, key=lambda e: len(content.events[e].text) + 200 * len(content.events[e].choices))
    yield "title", lambda: TitleScreen(app)
    yield "new game", lambda: NewGameScreen(app)
    yield "settings", lambda: SettingsScreen(app)
    yield "help", lambda: HelpScreen(app)
    yield "load", lambda: SaveLoadScreen(app, "load")
    yield "save", lambda: SaveLoadScreen(app, "save")
    yield "headquarters", lambda: HeadquartersScreen(app)
    yield "research", lambda: ResearchScreen(app)
    yield "missions", lambda: MissionPlannerScreen(app)
    yield "crews", lambda: CrewsScreen(app)
    yield "chronicle", lambda: ChronicleScreen(app)
    yield "menu", lambda: GameMenuScreen(app)
    yield "event", lambda: EventScreen(app, event_id)
    yield "report", lambda: ReportScreen(app, review=True)
    if app.session.visible_launches(app.session.side):
        yield "launch", lambda: LaunchScreen(app, app.session.visible_launches(app.session.side))
    yield "question", lambda: QuestionScreen(app, "End the turn?", "A question " * 40, ("Yes", lambda: None), "No",
                                             ("Yes, always", lambda: None))
    yield "message", lambda: MessageScreen(app, "A message", "Words " * 60)
    yield "end", lambda: EndScreen(app)
    assert side is not None


def _overflow(app) -> list[str]:
    window = pygame.Rect((0, 0), app.size)
    found = []
    for rect, _ in app.top.panels:
        if not window.contains(rect):
            found.append(f"panel {rect} outside {window}")
    top = [e for e in app.top.elements]
    for element in top:
        if not window.contains(element.rect):
            found.append(f"{type(element).__name__} {getattr(element, 'text', '')!r} {element.rect} outside {window}")
    labels = [e for e in top if type(e).__name__ == "UILabel" and e.text]
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if a.rect != b.rect and a.rect.inflate(-4, -4).colliderect(b.rect.inflate(-4, -4)):
                found.append(f"labels {a.text!r} and {b.text!r} overlap")
    buttons = [b for b in app.top.actions if b.alive() and b.visible]
    for i, a in enumerate(buttons):
        for b in buttons[i + 1:]:
            if a.ui_container is b.ui_container and a.rect.colliderect(b.rect):
                found.append(f"buttons {a.text!r} and {b.text!r} overlap")
    return found


@pytest.mark.parametrize("size,side", [(size, "usa") for size in SIZES] + [(SIZES[0], "ussr")])
def test_every_screen_lays_out_without_overflow(tmp_path, content, size, side):
    app = open_window(tmp_path, content, size=size, era="moon", side=side, seed=4)
    app.settings.guide = False
    game = app.session.game
    for _ in range(2):  # a lived-in game: launches, news, a report
        for who in ("usa", "ussr"):
            for event_id in list(game.state.sides[who].pending_events):
                game.execute(commands.AnswerEvent(who, event_id, content.events[event_id].choices[0].id))
        app.session.end_turn()
    problems = []
    for name, make in _screens(app, content):
        app.back_to_hq()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            app.push(make())
            pump(app, 1)
        problems += [f"{name}: {p}" for p in _overflow(app)]
        problems += [f"{name}: {w.message}" for w in caught if "too small" in str(w.message)]
    assert not problems, f"at {size}:\n" + "\n".join(problems)


def test_the_window_never_gets_smaller_than_its_minimum(tmp_path):
    app = app_module.App(Storage(tmp_path), (800, 500))
    assert app.size[0] >= app_module.MINIMUM_SIZE[0] and app.size[1] >= app_module.MINIMUM_SIZE[1]
    pygame.display.set_mode((800, 600), pygame.RESIZABLE)  # the window dragged smaller than allowed
    app.handle(pygame.event.Event(pygame.WINDOWSIZECHANGED, x=800, y=600))
    assert app.size[0] >= app_module.MINIMUM_SIZE[0] and app.size[1] >= app_module.MINIMUM_SIZE[1]
    assert tuple(app.manager.window_resolution) == app.size
