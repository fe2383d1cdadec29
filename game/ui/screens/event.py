"""The event card: a docudrama moment, its picture, and the choices with what each does."""

from __future__ import annotations

import pygame

from game.core import commands
from game.ui import art, words
from game.ui.widgets import Screen

CHOICE_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2}


class EventScreen(Screen):
    in_game = True
    backdrop_kind = "stars"

    def __init__(self, app, event_id: str):
        super().__init__(app)
        self.event_id = event_id

    def compose(self, rect: pygame.Rect) -> None:
        event = self.content.events[self.event_id]
        width = min(1100, rect.width - 48)
        inner_w = width - 40
        picture_w = int(inner_w * 0.38)
        text_w = inner_w - picture_w - 24
        narrative = art.text_block([(event.text, art.TEXT, 17, False)], text_w)
        # each choice's effects in full, wrapped: the decision lies in them, so none is cut short
        effects = [words.upper_first(words.describe_choice(c, self.content, self.side))
                   + ("   \u00b7   history's choice" if c.history else "") for c in event.choices]
        blocks = [art.text_block([(text, art.MUTED, 13, False)], inner_w - 30) for text in effects]
        choices_h = sum(40 + b.get_height() + 12 for b in blocks)
        # the card is as tall as its picture or its text, whichever is taller, and no taller
        most = rect.height - 40 - 36 - 72 - choices_h - 10
        picture_h = min(int(picture_w * 0.72), most)
        middle = min(most, max(picture_h, narrative.get_height()))
        card = pygame.Rect(0, 0, width, 36 + 72 + middle + 16 + choices_h)
        card.center = rect.center
        self.panel(card, "#modal")
        inner = card.inflate(-40, -36)
        pending = self.side_state.pending_events
        number = pending.index(self.event_id) + 1 if self.event_id in pending else 1
        self.label((inner.x, inner.y, inner.width, 20),
                   f"{words.SIDE_NAME[self.side].upper()}  \u00b7  {words.quarter_long(self.game.state.quarter).upper()}"
                   + (f"  \u00b7  EVENT {number} OF {len(pending)}" if len(pending) > 1 else ""), kind="#caption")
        self.label((inner.x, inner.y + 20, inner.width, 44), event.title, kind="#big",
                   tip="An event from history, or from the history your choices have made.")
        top = inner.y + 72
        self.image((inner.x, top, picture_w, picture_h),
                   art.illustration(event.illustration, (picture_w, picture_h), self.side, event.art),
                   tip="An illustration drawn by the game for this event.")
        text_x = inner.x + picture_w + 24
        self.text((text_x, top, text_w, middle), [(event.text, art.TEXT, 17)])
        y = top + middle + 16
        for i, (choice, block) in enumerate(zip(event.choices, blocks, strict=True)):
            said = words.describe_choice(choice, self.content, self.side)
            self.button((inner.x, y, inner.width, 38), f"{i + 1}.   {choice.text}", lambda c=choice.id: self.choose(c),
                        kind="#choice", tip=f"Choose this (key {i + 1}). What it does: {said}."
                        + ("<br><i>This is what history chose.</i>" if choice.history else ""))
            self.image((inner.x + 30, y + 40, block.get_width(), block.get_height()), block,
                       tip="What this choice does, as far as your people can tell.")
            y += 40 + block.get_height() + 12

    def build(self) -> None:
        super().build()
        key = self.content.events[self.event_id].illustration or ""
        if not getattr(self, "_beeped", False) and any(word in key for word in ("sputnik", "ps1", "beep")):
            self._beeped = True
            self.app.sounds.play("sputnik")  # the beep the whole world heard

    def choose(self, choice_id: str) -> None:
        result = self.game.execute(commands.AnswerEvent(self.side, self.event_id, choice_id))
        if not result:
            self.app.toast(result.reason, art.BAD)
            return
        pending = self.side_state.pending_events
        if pending:
            self.app.replace(EventScreen(self.app, pending[0]))
        else:
            self.app.back_to_hq()

    def main_action(self) -> None:
        # no answer is the default: history's is one choice among others, not the safe one
        count = len(self.content.events[self.event_id].choices)
        self.app.toast(f"Choose an answer: press {words.number_keys(count)} or click one.", art.WARN)

    def on_key(self, event) -> bool:
        index = CHOICE_KEYS.get(event.key)
        choices = self.content.events[self.event_id].choices
        if index is not None and index < len(choices):
            self.choose(choices[index].id)
            return True
        return False
