"""Small screens: a message, the hot-seat hand-over, and broken scenario files."""

from __future__ import annotations

import pygame

from game.core.state import NATION
from game.ui import art, words
from game.ui.widgets import Screen


class MessageScreen(Screen):
    modal = True

    def __init__(self, app, title: str, text: str):
        super().__init__(app)
        self.heading = title
        self.message = text

    def compose(self, rect: pygame.Rect) -> None:
        card = self._card(rect, 150, 130)
        self.button((card.right - 190, card.bottom - 60, 160, 42), "OK  (Return)", self.app.pop, kind="#primary",
                    tip="Close this message.")

    def _card(self, rect: pygame.Rect, frame: int, below: int) -> pygame.Rect:
        """The dialog's card, centred, with its heading and message: ``frame`` is the card's
        height beyond the message's, ``below`` the room kept under it (with the heading's)."""
        width = min(720, rect.width - 80)
        block = art.text_block([(self.message, art.TEXT, 15, False)], width - 60)
        height = min(rect.height - 80, frame + block.get_height())
        card = pygame.Rect(0, 0, width, height)
        card.center = rect.center
        self.panel(card, "#modal")
        self.label((card.x + 30, card.y + 16, width - 60, 32), self.heading, kind="#heading")
        self.text((card.x + 30, card.y + 56, width - 60, height - below), [(self.message, art.TEXT)])
        return card

    def main_action(self) -> None:
        self.app.pop()

    def escape(self) -> bool:
        self.app.pop()
        return True


class QuestionScreen(MessageScreen):
    """A yes-or-no question over the screen that asked it: Return says yes, Esc no."""

    def __init__(self, app, title: str, text: str, yes: tuple[str, object], no: str,
                 never: tuple[str, object] | None = None, danger: bool = False):
        super().__init__(app, title, text)
        self.yes = yes  # (label, action)
        self.no = no
        self.never = never  # (label, action): yes, and do not ask again
        self.danger = danger  # yes destroys something (a save replaced)

    def compose(self, rect: pygame.Rect) -> None:
        card = self._card(rect, 180, 140)
        width = card.width
        half = (width - 70) // 2
        y = card.bottom - 60
        self.button((card.x + 30, y, half, 42), f"{self.yes[0]}  (Return)", self.main_action,
                    kind="#danger" if self.danger else "#primary")
        self.button((card.x + 40 + half, y, half, 42), f"{self.no}  (Esc)", self.app.pop,
                    tip="Close this question and go back.")
        if self.never is not None:
            self.button((card.x + 30, y - 40, width - 60, 30), self.never[0], self._never, kind="#toggle",
                        tip="Settings can turn the question back on.")

    def main_action(self) -> None:
        self.app.pop()
        self.yes[1]()

    def _never(self) -> None:
        self.app.pop()
        self.never[1]()


class ConfirmScreen(QuestionScreen):
    """Go ahead with something that cannot be undone, or cancel: ``on_yes`` runs after it closes."""

    def __init__(self, app, title: str, text: str, yes: str, on_yes):
        super().__init__(app, title, text, (yes, on_yes), "Cancel", danger=True)


class HandOverScreen(Screen):
    """Hot-seat: the keyboard passes to the other side; nothing of either side's plans shows."""

    backdrop_kind = "earth"

    def __init__(self, app, side: str, first: bool = False):
        super().__init__(app)
        self.to_side = side
        self.first = first

    def compose(self, rect: pygame.Rect) -> None:
        state = self.game.state
        leader = state.sides[self.to_side].leader
        other = "ussr" if self.to_side == "usa" else "usa"
        x = max(40, rect.width // 10)
        y = rect.height // 4
        self.label((x, y - 30, rect.width - 2 * x, 24), words.quarter_long(state.quarter).upper(), kind="#caption")
        from game.ui import poster

        size = min(120, rect.height // 6)
        self.image((x, y + 262, size, size), poster.emblem_for(self.to_side, size, state.quarter),
                   tip=f"{words.SIDE_NAME[self.to_side]}'s programme.")
        heading = f"Pass the keyboard to {NATION[self.to_side]}"
        fits = art.font(46, True).size(heading)[0] < rect.width - 2 * x
        self.label((x, y - 6, rect.width - 2 * x, 66), heading, kind="#title" if fits else "#big")
        role = "the Chief Designer" if self.to_side == "ussr" else "for the American rocket programme"
        self.label((x, y + 60, rect.width - 2 * x, 30), f"{leader}, {role}.", kind=f"#{self.to_side}")
        self.text((x, y + 100, min(760, rect.width - 2 * x), 80),
                  [(f"{words.SIDE_NAME[other]} player: look away. Your plans stay hidden until your own turn.",
                    art.MUTED, 17)])
        self.button((x, y + 190, 420, 50), f"I play {words.SIDE_NAME[self.to_side]}: begin  (Return)",
                    self.main_action, kind="#primary", tip="Show this side's headquarters.")

    def main_action(self) -> None:
        self.app.pop()
        self.app.begin_turn()

    def escape(self) -> bool:
        return True  # the hand-over must not be skipped past into the wrong side's plans


class ContentErrorScreen(Screen):
    """The scenario files have problems: list them all rather than crash."""

    backdrop_kind = "plain"

    def __init__(self, app, error):
        super().__init__(app)
        self.error = error

    def compose(self, rect: pygame.Rect) -> None:
        margin = 32
        problems = [str(p) for p in getattr(self.error, "problems", [])] or [str(self.error)]
        self.label((margin, 20, rect.width - 2 * margin, 44), "The scenario files have problems", kind="#big")
        self.label((margin, 66, rect.width - 2 * margin, 24),
                   f"{len(problems)} problem{'s' if len(problems) != 1 else ''}: fix the files named below (or "
                   "remove the mod), then start the game again. `spacerace validate` lists them too.",
                   kind="#caption")
        self.panel((margin, 100, rect.width - 2 * margin, rect.height - 180))
        self.text((margin + 14, 110, rect.width - 2 * margin - 24, rect.height - 200),
                  [(p, art.BAD if i == 0 else art.TEXT, 14) for i, p in enumerate(problems)])
        self.button((rect.width - margin - 200, rect.height - 64, 200, 46), "Quit  (Return)", self.main_action,
                    kind="#primary", tip="Close the game.")

    def main_action(self) -> None:
        self.app.running = False


class LoadingScreen(Screen):
    """The first frame while the scenarios load."""

    backdrop_kind = "earth"

    def __init__(self, app, text: str):
        super().__init__(app)
        self.message = text

    def compose(self, rect: pygame.Rect) -> None:
        x = max(40, rect.width // 10)
        y = max(40, rect.height // 7)
        self.label((x, y, 700, 64), "SPACE RACE", kind="#title")
        self.label((x + 2, y + 62, 700, 30), self.message, kind="#subtitle")
