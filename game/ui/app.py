"""The game window: ``App`` is the window and its theme (window.py), the screen stack with
the keys and focus (stack.py) and the turn's flow with the saves (flow.py), put together.

``App`` is driven by ``handle(event)``, ``update(dt)`` and ``draw(surface)``, so a test
steps it frame by frame without a clock; ``run_loop`` is the real window's loop, which
sleeps in ``pygame.event.wait`` while nothing happens.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game import __version__
from game.ui import art, icon
from game.ui.flow import TurnFlow
from game.ui.sound import Sounds
from game.ui.stack import ACTION_INPUT, NAV_KEYS, REPEATING_KEYS, ScreenStack  # noqa: F401 (re-exported)
from game.ui.storage import Storage
from game.ui.window import BENCH_FIRST_FRAME, EXTRA_FONTS, MINIMUM_SIZE, THEME, Window, _style  # noqa: F401

if TYPE_CHECKING:  # the rules and the content models load only when a game starts: the title shows sooner
    from game.ui.session import Session


class App(Window, ScreenStack, TurnFlow):
    def __init__(self, storage: Storage | None = None, size: tuple[int, int] | None = None,
                 fullscreen: bool | None = None):
        self.storage = storage or Storage()
        self.settings = self.storage.load_settings()
        if size is not None:
            self.settings.width, self.settings.height = size
        if fullscreen is not None:
            self.settings.fullscreen = fullscreen
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption(f"Space Race {__version__}")
        pygame.display.set_icon(icon.draw(64))
        pygame.key.set_repeat(400, 40)
        self.window = self._open_window()
        self.manager = pygame_gui.UIManager(self.size, str(THEME), enable_live_theme_updates=False)
        self.manager.preload_fonts([{"name": "noto_sans", "point_size": size, "style": _style(bold, italic)}
                                    for size, bold, italic in EXTRA_FONTS])
        self.face: str | None = None  # whose colours the window wears: None before a game
        if self.settings.palette != "navy":
            self.manager.get_theme().load_theme(art.set_palette(self.settings.palette))
        self.sounds = Sounds(self.settings.volume, self.settings.muted)
        self.screens: list = []
        self.session: Session | None = None
        self._content = None
        self.mods: list[Path] = []  # mod folders laid over the bundled scenarios
        self.mod_problems: list = []  # why the mods were refused, if they were
        self.running = True
        self.dirty = True
        self.last_input = time.perf_counter()
        self.focus: pygame_gui.elements.UIButton | None = None
        self.focus_tip = None  # the focused button's tooltip, shown for the keyboard as the mouse would
        self.focus_since = 0.0  # clock_now when the focus last moved
        self.pointer: tuple[int, int] | None = None  # where the mouse is, while it is over the window
        self.held: set[int] = set()  # keys down now: a KEYDOWN for one of them is the key repeating
        self.changes = 0  # screen changes so far, to drop input queued for a screen that has gone
        self.trim_due = False  # a screen closed: hand its freed memory back once the window is idle
        self.toasts: list[tuple[str, tuple, float]] = []
        self.clock_now = 0.0  # seconds of update() so far: the toasts' clock
        self.hinted: set[tuple] = set()  # the guide's hints already given: (side, hint)
        self.layout = 0  # counts the top screen's builds: where the toasts may go is worked out once for each
        self._toast_place: tuple | None = None
        self.guide_due = False
        self._frames_reported = 0



def open_app(args, storage: Storage | None = None, size: tuple[int, int] | None = None) -> App:
    """The window as the command line asks: the title screen, or straight into a game."""
    app = App(storage, size)
    from game.ui.screens.title import TitleScreen

    app.mods = [Path(m) for m in getattr(args, "mods", None) or []] + app.storage.mod_folders()
    if getattr(args, "command", None) != "play":
        app.reset(TitleScreen(app))
        if app.mods:  # check the mods now, so a bad one is reported before a game starts
            app.content_or_error()
            app.report_mod_problems()
        return app
    from game.ui.screens.dialogs import LoadingScreen

    # show a first frame at once; the scenarios and the rules take a moment to load
    app.reset(LoadingScreen(app, "Opening the race\u2026"))
    app.draw(app.window)
    pygame.display.flip()
    app._frame_drawn()
    app.reset(TitleScreen(app))
    content = app.content_or_error()
    if content is None:
        return app
    load = getattr(args, "load", None)
    if load is not None:
        app.load_game(Path(load))
        app.report_mod_problems()
        return app
    from game.ui.session import Session

    seed = getattr(args, "seed", None)
    session = Session.new(content, getattr(args, "era", None) or "campaign", getattr(args, "side", None) or "usa",
                          getattr(args, "rival", None) or "ai", getattr(args, "difficulty", None) or "normal",
                          seed if seed is not None else int(time.time()) % 100000,
                          getattr(args, "mode", None) or "historical")
    app.start_session(session, fresh=True)
    app.report_mod_problems()
    return app


def run(args) -> int:
    """``spacerace`` (the title screen) or ``spacerace play ...`` (straight to headquarters)."""
    app = open_app(args)
    try:
        app.run_loop()
    finally:
        app.save_settings()
        pygame.quit()
    return 0

