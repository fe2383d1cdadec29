"""The window and its theme, the scenarios loaded when first needed, and the drawing: the
frame, the toasts and the loop that sleeps while nothing happens. ``App`` (app.py) is this
with the screen stack (stack.py) and the turn's flow (flow.py).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import time
import warnings

import pygame
import pygame_gui

from game import resources
from game.ui import art, widgets

THEME = resources.ASSETS / "theme.json"
BENCH_FIRST_FRAME = bool(os.environ.get("SPACERACE_EXIT_AFTER_FIRST_FRAME"))
MINIMUM_SIZE = (1024, 600)
ACTIVE_AFTER_INPUT = 2.0  # seconds of full-rate frames after input: hover looks, tooltips
BUSY_FRAME_MS = 16
IDLE_WAIT_MS = 1000
TOAST_SECONDS = 3.5
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


def _style(bold: bool, italic: bool) -> str:
    return "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "regular"



class Window:
    """The OS window, its theme and face, the content, and everything drawn each frame."""

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

