"""The turn's flow: a game started, turns ended, decisions answered, the quarter's films and
report, events opened; and saving and loading. A part of ``App`` (app.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.core import save
from game.core.state import SHORT
from game.ui import art

if TYPE_CHECKING:  # the rules and the content models load only when a game starts: the title shows sooner
    from game.ui.session import Session


class TurnFlow:
    """From a new game to the end: ending turns, the report, the saves."""

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

