"""The game window: the screen stack, the keys every screen shares, and the turn's flow.

``App`` is driven by ``handle(event)``, ``update(dt)`` and ``draw(surface)``, so a test
steps it frame by frame without a clock; ``run_loop`` is the real window's loop, which
sleeps in ``pygame.event.wait`` while nothing happens.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game import __version__, resources
from game.core import save
from game.core.state import SHORT
from game.ui import art, icon, widgets
from game.ui.sound import Sounds
from game.ui.storage import Storage

if TYPE_CHECKING:  # the rules and the content models load only when a game starts: the title shows sooner
    from game.ui.session import Session

THEME = resources.ASSETS / "theme.json"
BENCH_FIRST_FRAME = bool(os.environ.get("SPACERACE_EXIT_AFTER_FIRST_FRAME"))
MINIMUM_SIZE = (1024, 600)
ACTIVE_AFTER_INPUT = 2.0  # seconds of full-rate frames after input: hover looks, tooltips
BUSY_FRAME_MS = 16
IDLE_WAIT_MS = 1000
TOAST_SECONDS = 3.5
# holding one of these repeats it (scrolling, moving the focus, editing text); any other key acts
# once per press however long it is held, so a held Return cannot end a turn behind the screen it opened
REPEATING_KEYS = {pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN,
                  pygame.K_BACKSPACE, pygame.K_DELETE}
# input that asks for something; queued before the screen changed, it was meant for the old screen
ACTION_INPUT = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.TEXTINPUT)
NAV_KEYS = {pygame.K_h: "hq", pygame.K_r: "research", pygame.K_m: "missions", pygame.K_c: "crews",
            pygame.K_i: "intel", pygame.K_t: "chronicle"}
# the theme file loads its own fonts; these are the ones tooltips' <b> and <i> need besides
EXTRA_FONTS = ((14, True, False), (14, False, True))



def _glibc():
    """glibc, for malloc_trim; None where the C library is another (macOS, Windows, musl)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


_LIBC = _glibc()

class App:
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

    # --- the window -----------------------------------------------------------------

    @property
    def size(self) -> tuple[int, int]:
        return self.window.get_size()

    def _open_window(self) -> pygame.Surface:
        surface = pygame.display.set_mode((self.settings.width, self.settings.height), pygame.RESIZABLE)
        with contextlib.suppress(pygame.error, AttributeError):
            self._sdl_window().minimum_size = MINIMUM_SIZE  # the screens are laid out for this much at least
        if self.settings.fullscreen:
            self._sdl_window().set_fullscreen(True)
            surface = pygame.display.get_surface()
        elif surface.get_width() < MINIMUM_SIZE[0] or surface.get_height() < MINIMUM_SIZE[1]:
            surface = pygame.display.set_mode((max(surface.get_width(), MINIMUM_SIZE[0]),
                                               max(surface.get_height(), MINIMUM_SIZE[1])), pygame.RESIZABLE)
        return surface

    def _hold_minimum(self) -> None:
        """A window made smaller than the screens are laid out for (a window manager that ignores
        the minimum, a hand-edited setting) is put back to the minimum."""
        width, height = self.size
        if width >= MINIMUM_SIZE[0] and height >= MINIMUM_SIZE[1]:
            return
        wanted = (max(width, MINIMUM_SIZE[0]), max(height, MINIMUM_SIZE[1]))
        try:
            window = self._sdl_window()
            window.minimum_size = MINIMUM_SIZE
            window.size = wanted
        except (pygame.error, AttributeError):
            pygame.display.set_mode(wanted, pygame.RESIZABLE)
        self.window = pygame.display.get_surface() or self.window

    @staticmethod
    def _sdl_window():
        # changing the size through the Window keeps the same window (set_mode would make a new one);
        # pygame-ce warns that it prefers Window.get_surface, which we do not use
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return pygame.Window.from_display_module()

    def set_window(self, width: int, height: int, fullscreen: bool) -> None:
        self.settings.width, self.settings.height, self.settings.fullscreen = width, height, fullscreen
        try:
            window = self._sdl_window()
            if fullscreen:
                window.set_fullscreen(True)
            else:
                window.set_windowed()
                window.size = (width, height)
        except (pygame.error, AttributeError):
            pygame.display.set_mode((0, 0) if fullscreen else (width, height),
                                    pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE)
        self.window = pygame.display.get_surface()
        self.resized()

    def toggle_fullscreen(self) -> None:
        self.set_window(self.settings.width, self.settings.height, not self.settings.fullscreen)
        self.save_settings()

    def resized(self) -> None:
        self.window = pygame.display.get_surface() or self.window
        self._hold_minimum()
        self.manager.set_window_resolution(self.size)
        if not self.settings.fullscreen:
            self.settings.width, self.settings.height = self.size
        self.rebuild_top()

    def set_palette(self, name: str) -> None:
        self.settings.palette = name if name in art.PALETTES else "navy"
        self._load_theme()
        self.rebuild_top()

    def _load_theme(self) -> None:
        """theme.json, then the side's face over it, then the colour palette over both."""
        theme = self.manager.get_theme()
        theme.load_theme(str(THEME))
        face = art.set_face(self.face)
        if face:
            theme.load_theme(face)
        theme.load_theme(art.set_palette(self.settings.palette))
        widgets.theme_changed()

    def wear_face(self, side: str | None) -> None:
        """Each side plays in its own colours: in hot-seat, those of the side whose turn it is."""
        if side == self.face:
            return
        self.face = side
        self._load_theme()

    def save_settings(self) -> None:
        try:
            self.storage.save_settings(self.settings)
        except OSError as err:
            self.toast(f"Settings not saved: {err}", art.BAD)

    # --- content (loaded when first needed, so the title shows at once) ----------------

    @property
    def content(self):
        if self._content is None:
            from game.content import loader

            if self.mods:
                content, problems = loader.check(*self.mods)
                if problems:  # a bad mod is refused whole: play on with the bundled scenarios
                    self.mod_problems = problems
                    content = None
                self._content = content
            if self._content is None:
                self._content = loader.load()
        return self._content

    def content_or_error(self):
        """The content, or None after showing what is wrong with the scenario files."""
        from game.content.loader import ContentError

        try:
            return self.content
        except ContentError as err:
            from game.ui.screens.dialogs import ContentErrorScreen

            self.reset(ContentErrorScreen(self, err))
            return None

    def report_mod_problems(self) -> None:
        """Say why the mods were refused (the game goes on with the bundled scenarios)."""
        if not self.mod_problems:
            return
        from game.ui.screens.dialogs import MessageScreen

        shown = self.mod_problems[:12]
        more = len(self.mod_problems) - len(shown)
        text = ("The mods were not used; the game plays the bundled scenarios. "
                "'spacerace validate' checks a mod.\n\n" + "\n".join(str(p) for p in shown)
                + (f"\n... and {more} more" if more else ""))
        self.push(MessageScreen(self, "Mods refused", text))

    # --- the stack ------------------------------------------------------------------

    @property
    def top(self):
        return self.screens[-1] if self.screens else None

    def push(self, screen) -> None:
        if screen.modal:
            screen.backdrop = art.dim(self.window.copy())
        if self.top is not None:
            self.top.close()
        self.screens.append(screen)
        self._opened()

    def pop(self) -> None:
        if self.screens:
            self.screens.pop().close()
        if self.screens:
            self._opened()

    def replace(self, screen) -> None:
        if screen.modal and self.top is not None:
            screen.backdrop = self.top.backdrop if self.top.modal else art.dim(self.window.copy())
        if self.screens:
            self.screens.pop().close()
        self.screens.append(screen)
        self._opened()

    def reset(self, *screens) -> None:
        while self.screens:
            self.screens.pop().close()
        self.screens.extend(screens)
        self._opened()

    def _opened(self) -> None:
        self.changes += 1
        self.layout += 1
        self.wear_face(self.session.side if self.session is not None else None)
        self.focus = None
        self._drop_focus_tip()
        self.manager.set_focus_set(None)
        self.top.build()
        self.dirty = True
        self.trim_due = True
        self.guide_due = True  # the hint waits for the next update: only the screen that stays on top gets one
        if self.toasts and any(t[0].startswith("Guide:") for t in self.toasts):
            self.toasts = [t for t in self.toasts if not t[0].startswith("Guide:")]  # it was for the last screen

    def _guide(self) -> None:
        """The first-game guide: a hint for the screen just opened, once a quarter."""
        if not self.settings.guide or self.session is None:
            return
        if type(self.top).__name__ == "HandOverScreen":
            # not while the keyboard changes hands: the hint waits for the side's own screen
            self.toasts = [t for t in self.toasts if not t[0].startswith("Guide:")]
            return
        from game.ui import guide

        text = guide.hint(self, self.top)
        if not text:
            return
        seen = (self.session.side, text)  # each hint once: a hint read is not news the next quarter
        if seen not in self.hinted:
            self.hinted.add(seen)
            self.toast(text, art.ACCENT)

    def rebuild_top(self) -> None:
        """Rebuild the top screen; the focused button keeps its place in the Tab order."""
        if self.top is None:
            return
        order = self.top.focusables()
        index = order.index(self.focus) if self.focus in order else None
        self._drop_focus_tip()
        self.top.build()
        self.layout += 1
        order = self.top.focusables()
        self.focus = order[min(index, len(order) - 1)] if index is not None and order else None
        self.dirty = True

    def find(self, kind) -> int | None:
        return next((i for i, s in enumerate(self.screens) if isinstance(s, kind)), None)

    def find_hq(self) -> int | None:
        from game.ui.screens.hq import HeadquartersScreen

        return self.find(HeadquartersScreen)

    # --- input ----------------------------------------------------------------------

    def dispatch(self, events: list) -> None:
        """Handle a frame's events: one press is one action. A held key repeats only where
        holding should (scrolling, text), and once the screen changes, the rest of the input
        already queued (read while the new screen was being built) is dropped."""
        changes = self.changes
        for event in events:
            if not self._fresh(event):
                continue
            if self.changes != changes and event.type in ACTION_INPUT:
                continue
            self.handle(event)
            if not self.running:
                return
        if self.changes != changes:
            for event in pygame.event.get(ACTION_INPUT):
                self._fresh(event)  # its key is held now: its repeats are not new presses either

    def _fresh(self, event) -> bool:
        """Keep track of the keys held; False for a repeat of a key that should act once."""
        if event.type == pygame.KEYDOWN:
            repeat = event.key in self.held
            self.held.add(event.key)
            return not repeat or event.key in REPEATING_KEYS
        if event.type == pygame.KEYUP:
            self.held.discard(event.key)
        elif event.type == pygame.WINDOWFOCUSLOST:
            self.held.clear()  # the key-up may go to another window
        return True

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.window = pygame.display.get_surface() or self.window
            if self.size != tuple(self.manager.window_resolution):
                self.resized()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED, pygame.WINDOWFOCUSGAINED,
                          pygame.ACTIVEEVENT):
            self.dirty = True
            return
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL,
                          pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT):
            self.last_input = time.perf_counter()
            self.dirty = True
        if event.type == pygame.MOUSEBUTTONDOWN:
            self.focus = None  # the mouse is in use: the keyboard's focus ring steps aside
            if event.button == 1 and self.top is not None and self.top.page_at(event.pos):
                return
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL):
            self._drop_focus_tip()
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            self.pointer = event.pos
        elif event.type == pygame.WINDOWLEAVE:
            self.pointer = None
        if event.type == pygame.KEYDOWN and self._hot_key(event):
            return
        self.manager.process_events(event)
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            self.press(event.ui_element)
        elif event.type == pygame.KEYDOWN:
            self._key(event)

    def press(self, button) -> None:
        if isinstance(button, pygame_gui.elements.UITextEntryLine):
            self.manager.set_focus_set(button)  # Return or Space on a text box starts typing in it
            return
        top = self.top
        action = top.actions.get(button) if top is not None else None
        if action is not None and button.is_enabled:
            self.sounds.play("click")
            action()
            self.dirty = True

    def text_focused(self) -> bool:
        focused = self.manager.get_focus_set() or ()
        return any(isinstance(e, pygame_gui.elements.UITextEntryLine) for e in focused)

    def _hot_key(self, event) -> bool:
        """The function keys work everywhere, even while typing."""
        key = event.key
        if key == pygame.K_F11:
            self.toggle_fullscreen()
        elif key == pygame.K_F12:
            self.screenshot()
        elif key == pygame.K_F1:
            from game.ui.screens.help import HelpScreen

            if not isinstance(self.top, HelpScreen):
                self.push(HelpScreen(self))
        elif key == pygame.K_F5:
            self.quick_save()
        elif key == pygame.K_F9:
            self.quick_load()
        else:
            return False
        return True

    def _key(self, event) -> None:
        key = event.key
        top = self.top
        typing = self.text_focused()
        if typing and key not in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_TAB):
            return  # the letter went into the text box
        if top is None or top.on_key(event):
            return
        if key == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif key in (pygame.K_DOWN, pygame.K_RIGHT) and not typing:
            self.move_focus(1)
        elif key in (pygame.K_UP, pygame.K_LEFT) and not typing:
            self.move_focus(-1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if typing:
                top.main_action()  # Return in a text box: done typing, do the screen's thing
            elif self.focus is not None and self.focus.alive():
                self.press(self.focus)
            else:
                top.main_action()
        elif key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            focus = self.focus if self.focus is not None and self.focus.alive() else None
            top.scroll(1 if key == pygame.K_PAGEDOWN else -1, self.pointer, focus)
        elif key == pygame.K_SPACE and self.focus is not None and self.focus.alive():
            self.press(self.focus)
        elif key == pygame.K_ESCAPE:
            self.escape()
        elif key in NAV_KEYS and top.in_game and self.session is not None and not typing:
            self.navigate(NAV_KEYS[key])

    def move_focus(self, step: int) -> None:
        order = self.top.focusables()
        if not order:
            return
        if self.focus in order:
            index = (order.index(self.focus) + step) % len(order)
        else:
            index = 0 if step > 0 else len(order) - 1
        self.focus = order[index]
        self._drop_focus_tip()
        self.focus_since = self.clock_now
        # typing goes to a text box only while it has the keyboard's focus
        typing_here = isinstance(self.focus, pygame_gui.elements.UITextEntryLine)
        self.manager.set_focus_set(self.focus if typing_here else None)
        self.top.reveal(self.focus)
        self.dirty = True

    def _show_focus_tip(self) -> None:
        """The focused button's tooltip, after the same pause as under the mouse."""
        focus = self.focus
        if (self.focus_tip is not None or focus is None or not focus.alive() or not focus.visible
                or not focus.tool_tip_text or self.clock_now - self.focus_since < focus.tool_tip_delay):
            return
        self.focus_tip = self.manager.create_tool_tip(
            focus.tool_tip_text, (focus.rect.centerx, focus.rect.bottom), (0, 12), focus,
            focus.tool_tip_object_id, wrap_width=focus.tool_tip_wrap_width)
        self.dirty = True

    def _drop_focus_tip(self) -> None:
        if self.focus_tip is not None:
            self.focus_tip.kill()
            self.focus_tip = None
            self.dirty = True

    def escape(self) -> None:
        from game.ui.screens.hq import HeadquartersScreen
        from game.ui.screens.menu import GameMenuScreen

        top = self.top
        if top.escape():
            return
        if self.session is not None and self.find(HeadquartersScreen) is not None:
            if isinstance(top, HeadquartersScreen):
                self.push(GameMenuScreen(self))
            elif isinstance(top, GameMenuScreen):
                self.pop()
            else:
                self.back_to_hq()
        elif len(self.screens) > 1:
            self.pop()

    # --- moving about the game --------------------------------------------------------

    def back_to_hq(self) -> None:
        from game.ui.screens.hq import HeadquartersScreen

        index = self.find(HeadquartersScreen)
        if index is None:
            self.reset(HeadquartersScreen(self))
            return
        if index == len(self.screens) - 1:
            return
        while len(self.screens) > index + 1:
            self.screens.pop().close()
        self._opened()

    def escape_to_menu(self) -> None:
        from game.ui.screens.menu import GameMenuScreen

        self.back_to_hq()
        self.push(GameMenuScreen(self))

    def navigate(self, where: str) -> None:
        """Open one of the game's main screens over headquarters."""
        from game.ui.screens import screen_for

        if self.session is None:
            return
        if self.session.game.state.over:
            from game.ui.screens.end import EndScreen

            chronicle = screen_for("chronicle")
            if where == "chronicle" and not isinstance(self.top, chronicle):
                self.push(chronicle(self))
            elif not isinstance(self.top, EndScreen):
                self.reset(EndScreen(self))
            return
        self.back_to_hq()
        if where != "hq":
            self.push(screen_for(where)(self))

    # --- the game's flow ----------------------------------------------------------------

    def start_session(self, session: Session, fresh: bool) -> None:
        """Open a new or loaded game at headquarters (or the hand-over, or the end)."""
        self.session = session
        if fresh:
            self.autosave()
        if session.note:
            self.toast(session.note, art.WARN)
        from game.ui.screens.dialogs import HandOverScreen
        from game.ui.screens.end import EndScreen
        from game.ui.screens.hq import HeadquartersScreen

        if session.game.state.over:
            self.reset(EndScreen(self))
        elif session.hot_seat:
            self.reset(HeadquartersScreen(self))
            self.push(HandOverScreen(self, session.at_keyboard, first=True))
        else:
            self.reset(HeadquartersScreen(self))
            if session.game.state.decision is not None:  # saved at a decision in flight
                self._after_quarter(session.settle(), session.at_keyboard)
                return
            self.open_pending_event()

    def end_turn(self) -> None:
        from game.ui.screens.dialogs import HandOverScreen

        session = self.session
        seated = session.at_keyboard
        outcome = session.end_turn()
        if outcome.refused:
            self.toast(f"The turn cannot end: {outcome.refused}.", art.BAD)
            self.open_pending_event()
            return
        if outcome.handover_to:
            self.back_to_hq()
            self.push(HandOverScreen(self, outcome.handover_to))
            return
        self._after_quarter(outcome, seated)

    def decide_in_flight(self, option: str) -> None:
        """The player's answer to a fault in one of their flights; the quarter plays on."""
        session = self.session
        seated = session.at_keyboard
        outcome = session.decide(option)
        if outcome.refused:
            self.toast(f"That answer cannot be given: {outcome.refused}.", art.BAD)
            return
        self._after_quarter(outcome, seated)

    def _after_quarter(self, outcome, seated: str) -> None:
        """After the quarter played out, or stopped at a player's decision in flight. In
        hot-seat the keyboard is handed over whenever the side to play is not the one
        ``seated`` at it, so a decision is only ever seen by its own side."""
        from game.ui.screens.dialogs import HandOverScreen

        session = self.session
        if outcome.decision or not session.game.state.over:
            self.autosave()  # a save at a decision in flight resumes there
        if session.hot_seat and session.at_keyboard != seated:
            self.back_to_hq()
            self.push(HandOverScreen(self, session.at_keyboard))
        else:
            self.begin_turn()

    def begin_turn(self) -> None:
        """The side at the keyboard starts its turn: the last quarter's launches and
        report first if it has not seen them, then headquarters. A flight of its own
        waiting for a decision comes before all of it."""
        from game.ui.screens.decision import DecisionScreen
        from game.ui.screens.launch import LaunchScreen
        from game.ui.screens.report import ReportScreen

        session = self.session
        side = session.side
        self.back_to_hq()
        if session.waiting_decision() is not None:
            self.push(DecisionScreen(self))
            return
        if side in session.report_due:
            session.report_due.discard(side)
            launches = session.visible_launches(side)
            self.push(LaunchScreen(self, launches) if launches else ReportScreen(self))
            return
        self.after_report()

    def after_report(self) -> None:
        from game.ui.screens.end import EndScreen

        if self.session.game.state.over:
            self.reset(EndScreen(self))
            return
        self.back_to_hq()
        self.open_pending_event()

    def open_pending_event(self) -> None:
        from game.ui.screens.event import EventScreen

        pending = self.session.game.state.sides[self.session.side].pending_events
        if pending:
            self.push(EventScreen(self, pending[0]))

    def quit_to_title(self) -> None:
        from game.ui.screens.title import TitleScreen

        self.session = None
        self.reset(TitleScreen(self))

    # --- saving -----------------------------------------------------------------------

    def autosave(self) -> None:
        try:
            self.storage.autosave(self.session.game.state, self.session.meta())
        except (OSError, save.SaveError) as err:
            self.toast(f"Autosave failed: {err}", art.BAD)

    def quick_save(self) -> None:
        if self.session is None:
            self.toast("There is no game to save yet.", art.WARN)
            return
        try:
            path = self.storage.quicksave(self.session.game.state, self.session.meta())
        except (OSError, save.SaveError) as err:
            self.toast(f"Quick save failed: {err}", art.BAD)
            return
        self.toast(f"Saved to {path.name} (F9 loads it).", art.GOOD)

    def quick_load(self) -> None:
        path = self.storage.quicksave_path
        if not path.exists():
            self.toast("No quick save yet: F5 makes one.", art.WARN)
            return
        self.load_game(path)

    def load_game(self, path: Path) -> bool:
        """Load a save; a bad one is explained in a dialog and the current game goes on."""
        from game.core import save
        from game.ui.screens.dialogs import MessageScreen
        from game.ui.session import Session

        content = self.content_or_error()
        if content is None:
            return False
        try:
            session = Session.load(content, path)
        except save.SaveError as err:
            self.push(MessageScreen(self, "This save cannot be loaded", str(err)))
            return False
        self.start_session(session, fresh=False)
        self.toast(f"Loaded {Path(path).name}: {SHORT[session.player]}, {session.game.era.name}.", art.GOOD)
        return True

    def screenshot(self) -> None:
        try:
            path = self.storage.screenshot_path()
            pygame.image.save(self.window, str(path))
        except (OSError, pygame.error) as err:
            self.toast(f"Screenshot failed: {err}", art.BAD)
            return
        self.toast(f"Screenshot saved: {path}", art.GOOD)

    # --- drawing ------------------------------------------------------------------------

    def toast(self, text: str, colour=art.TEXT) -> None:
        self.toasts.append((text, colour, self.clock_now + TOAST_SECONDS))
        self.toasts = self.toasts[-2:]
        self.dirty = True

    def busy(self) -> bool:
        animating = self.top is not None and getattr(self.top, "animating", False)
        return (self.dirty or animating or bool(self.toasts)
                or time.perf_counter() - self.last_input < ACTIVE_AFTER_INPUT)

    def update(self, dt: float) -> None:
        self.clock_now += dt
        if self.guide_due:
            self.guide_due = False
            self._guide()
        if self.toasts and self.toasts[0][2] <= self.clock_now:
            self.toasts = [t for t in self.toasts if t[2] > self.clock_now]
            self.dirty = True
        if self.top is not None and self.top.update(dt):
            self.dirty = True
        if self.focus is not None and self.focus_tip is None:
            self._show_focus_tip()
        self.manager.update(dt)
        if time.perf_counter() - self.last_input < ACTIVE_AFTER_INPUT:
            self.dirty = True  # hover looks and tooltips change without events

    def draw(self, surface: pygame.Surface) -> None:
        top = self.top
        if top is not None:
            top.draw_under(surface)
        self.manager.draw_ui(surface)
        if top is not None:
            top.draw_over(surface)
        if self.focus is not None and self.focus.alive() and self.focus.visible:
            rect = self.focus.rect.inflate(6, 6)
            pygame.draw.rect(surface, art.ACCENT, rect, 3, border_radius=7)
        self._draw_toasts(surface)

    def _draw_toasts(self, surface: pygame.Surface) -> None:
        """Short messages, newest lowest, where they cover nothing on the screen (above the
        bottom row of buttons if that is free)."""
        if not self.toasts:
            return
        key = (self.layout, surface.get_size(), tuple(t[0] for t in self.toasts))
        if self._toast_place is None or self._toast_place[0] != key:
            self._toast_place = (key, self._place_toasts(surface.get_size()))
        boxes, width, (x, y) = self._toast_place[1]
        fnt = art.font(14, True)
        for lines, colour, box_width, box_height in boxes:
            box = pygame.Rect(x + (width - box_width) // 2, y, box_width, box_height)
            pygame.draw.rect(surface, (8, 16, 32), box, border_radius=6)
            pygame.draw.rect(surface, colour, box, 1, border_radius=6)
            for i, line in enumerate(lines):
                surface.blit(fnt.render(line, True, colour), (box.x + 14, box.y + 6 + 20 * i))
            y = box.bottom + 6

    def _place_toasts(self, screen: tuple[int, int]) -> tuple[list, int, tuple[int, int]]:
        """The toasts' boxes, wrapped wide if a wide stack fits somewhere free, narrower if not."""
        fnt = art.font(14, True)
        found = None
        for wrap in (min(760, screen[0] - 120), 460, 320):
            boxes = []
            for text, colour, _ in self.toasts:
                lines = art.wrap(text, fnt, wrap)
                boxes.append((lines, colour, max(fnt.size(line)[0] for line in lines) + 28, 12 + 20 * len(lines)))
            width = max(b[2] for b in boxes)
            height = sum(b[3] for b in boxes) + 6 * (len(boxes) - 1)
            spot, covered = self._free_spot(screen, (width, height))
            if found is None or covered < found[3]:
                found = (boxes, width, spot, covered)
            if not covered:
                break
        return found[:3]

    def occupied(self) -> list[tuple[pygame.Rect, int]]:
        """What the top screen shows, with how much covering it would hurt: its elements, and the
        rows in sight of its scrolled lists. A button (something to press) or a heading hurts most,
        the screen's own text less, the figures along the top bar least (they are there all the time)."""
        found = []
        top = self.top

        def weight(element) -> int:
            if isinstance(element, pygame_gui.elements.UIButton):
                return 10
            if "#heading" in element.object_ids or "#subheading" in element.object_ids:
                return 10
            return 1 if top.in_game and element.rect.bottom <= 60 else 3

        for element in top.elements if top is not None else ():
            if not element.alive() or not element.visible or getattr(element, "text", None) == "":
                continue
            inner = getattr(element, "scrollable_container", None)
            if inner is None:
                found.append((element.rect, weight(element)))
                continue
            found += [(child.rect.clip(element.rect), weight(child)) for child in inner.elements
                      if child.visible and child.rect.colliderect(element.rect)]
        return found

    def _free_spot(self, screen: tuple[int, int], size: tuple[int, int]) -> tuple[tuple[int, int], int]:
        """The top-left of a box of ``size`` that covers no element, near the bottom centre if it
        can be, else the place that covers least (buttons least of all); and how much it covers."""
        width, height = screen
        shown = self.occupied()
        taken = [r.inflate(8, 8) for r, _ in shown]
        xs = [(width - size[0]) // 2, 24, width - size[0] - 24, width // 4 - size[0] // 2,
              3 * width // 4 - size[0] // 2]
        xs = [min(max(8, x), width - size[0] - 8) for x in xs]
        best, least = ((width - size[0]) // 2, height - 76 - size[1]), None
        for y in range(height - 76 - size[1], 8, -12):
            for x in xs:
                box = pygame.Rect(x, y, *size)
                hits = box.collidelistall(taken)
                if not hits:
                    return (x, y), 0
                covered = 0
                for i in hits:
                    part = box.clip(taken[i])
                    covered += part.width * part.height * shown[i][1]
                if least is None or covered < least:
                    best, least = (x, y), covered
        return best, least or 0

    def frame(self, dt: float = 1 / 30) -> None:
        """One frame without the real clock: what the tests step."""
        self.dispatch(pygame.event.get())
        if not self.running:
            return
        self.update(dt)
        self.draw(self.window)
        self.dirty = False

    def run_loop(self) -> None:
        last = time.perf_counter()
        while self.running:
            event = pygame.event.wait(BUSY_FRAME_MS if self.busy() else IDLE_WAIT_MS)
            events = ([] if event.type == pygame.NOEVENT else [event]) + pygame.event.get()
            if not events and self.trim_due and not self.busy():
                self.release_memory()
            self.dispatch(events)
            if not self.running:
                return
            now = time.perf_counter()
            if events or self.busy():
                self.update(now - last)
            last = now
            if self.dirty:
                self.draw(self.window)
                pygame.display.flip()
                self.dirty = False
                if self._frame_drawn(ready=True):
                    return
                self.sounds.prepare()  # the window is up: make the sounds in the background

    def release_memory(self) -> None:
        """After a second with nothing to do: the closed screens' pictures are freed, but the C
        allocator keeps the pages; glibc's malloc_trim gives them back (about 15 MB after a
        tour of the screens). Elsewhere there is nothing to do."""
        self.trim_due = False
        if _LIBC is not None:
            _LIBC.malloc_trim(0)

    def _frame_drawn(self, ready: bool = False) -> bool:
        """For the benchmark (game.ui.bench): say when the first frame, and the first frame of
        the loop proper, were drawn; then stop. True when the app should stop."""
        if not BENCH_FIRST_FRAME:
            return False
        if not self._frames_reported:
            print("frame", time.time(), flush=True)
        self._frames_reported += 1
        if ready:
            print("ready", time.time(), flush=True)
            self.running = False
        return ready


def _style(bold: bool, italic: bool) -> str:
    return "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "regular"


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
