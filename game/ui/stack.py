"""The screen stack and the input every screen shares: keys, the keyboard focus, moving
about the game. A part of ``App`` (app.py).
"""

from __future__ import annotations

import time

import pygame
import pygame_gui

from game.ui import art

# holding one of these repeats it (scrolling, moving the focus, editing text); any other key acts
# once per press however long it is held, so a held Return cannot end a turn behind the screen it opened
REPEATING_KEYS = {pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN,
                  pygame.K_BACKSPACE, pygame.K_DELETE}
# input that asks for something; queued before the screen changed, it was meant for the old screen
ACTION_INPUT = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.TEXTINPUT)
NAV_KEYS = {pygame.K_h: "hq", pygame.K_r: "research", pygame.K_m: "missions", pygame.K_c: "crews",
            pygame.K_i: "intel", pygame.K_t: "chronicle"}


class ScreenStack:
    """Screens pushed, popped and replaced; the keys, the focus and the way between screens."""

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

