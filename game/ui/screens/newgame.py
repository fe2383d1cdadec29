"""A new game: side, era or the whole race, the rival and its difficulty, the mode, the seed."""

from __future__ import annotations

import random

import pygame

from game.ai.planner import LEVELS
from game.core import dates
from game.ui import art, words
from game.ui.session import DIFFICULTIES, Session, make_rival
from game.ui.widgets import Screen, columns

ERA_ORDER = ("rockets", "satellites", "survival", "moon", "campaign")
SIDE_TEXT = {
    "usa": ("von Braun's team", "Congress pays as public support allows and jumps after a shock. Every failure is "
            "in the papers; a crew lost stops crewed flights for an inquiry."),
    "ussr": ("the Chief Designer", "The Kremlin pays for propaganda firsts and wants its missile first. Failures stay "
             "secret, but rival bureaus take a share of the money and the work wears Korolev down."),
}
RIVAL_TEXT = {
    "ai": ("Computer", "The computer plays the other side by the same rules; its level says what it is given."),
    "history": ("History", "The rival follows the real programme's choices and rough dates: race the real "
                "history."),
    "human": ("Second player", "A second person plays the other side at this keyboard; a hand-over screen hides "
              "each side's plans from the other."),
}
MODE_TEXT = {
    "historical": ("Historical", "Events come near their real dates."),
    "dynamic": ("Dynamic", "Events come from the state of the race: their dates drift with your play."),
}


class NewGameScreen(Screen):
    backdrop_kind = "stars"

    def __init__(self, app):
        super().__init__(app)
        self.team = "usa"
        self.era = "survival"
        self.rival = "ai"
        self.difficulty = "normal"
        self.mode = "historical"
        self.seed = str(random.randrange(1, 100000))
        self.seed_entry = None
        _, note = make_rival("history", "normal")
        self.history_note = note

    def compose(self, rect: pygame.Rect) -> None:
        margin = max(24, rect.width // 40)
        self.label((margin, 16, rect.width - 2 * margin, 48), "A new race", kind="#big")
        body = pygame.Rect(margin + 12, 80, rect.width - 2 * margin - 24, rect.height - 80 - 88)
        left, right = columns(body, [50, 50], gap=40)
        for area in (left, right):
            self.panel(area.inflate(28, 16))  # a quiet ground under the text, over the stars
        self._left(left)
        self._right(right)
        self.button((margin, rect.height - 64, 200, 46), "Back  (Esc)", self.app.pop, tip="Back to the title screen.")
        self.button((rect.width - margin - 300, rect.height - 64, 300, 46), "Start the race  (Return)",
                    self.main_action, kind="#primary", tip=self._summary())

    def _toggles(self, rect: pygame.Rect, y: int, options, chosen, pick, per_row: int, height: int = 38) -> int:
        gap = 8
        width = (rect.width - gap * (per_row - 1)) // per_row
        for i, (value, text, tip) in enumerate(options):
            col, row = i % per_row, i // per_row
            self.button((rect.x + col * (width + gap), y + row * (height + gap), width, height), text,
                        lambda v=value: pick(v), tip=tip, selected=value == chosen,
                        kind=None if value == chosen else "#toggle")
        rows = (len(options) + per_row - 1) // per_row
        return y + rows * (height + gap)

    def _level_text(self, level: str) -> str:
        edge = words.level_edge(self.content.levels.get(level))
        return f"{LEVELS[level].description} {edge}".strip()

    def _describe(self, rect, y, text, height=44) -> int:
        self.text((rect.x, y, rect.width, height), [(text, art.MUTED, 14)])
        return y + height + 6

    def _left(self, rect: pygame.Rect) -> None:
        y = rect.y
        self.label((rect.x, y, rect.width, 28), "Your side", kind="#heading")
        y = self._toggles(rect, y + 32, [(s, f"{words.SIDE_NAME[s]}: {SIDE_TEXT[s][0]}", SIDE_TEXT[s][1])
                                         for s in ("usa", "ussr")], self.team, self._set("team"), 1, 40)
        y = self._describe(rect, y, SIDE_TEXT[self.team][1], 46)
        self.label((rect.x, y, rect.width, 28), "Era", kind="#heading",
                   tip="Play one era of the race from its historical start, or the whole race.")
        eras = self.content.eras
        options = [(e, f"{eras[e].name} ({eras[e].years})", eras[e].description) for e in ERA_ORDER if e in eras]
        options += [(e, f"{era.name} ({era.years})", era.description) for e, era in eras.items() if e not in ERA_ORDER]
        y = self._toggles(rect, y + 32, options, self.era, self._set("era"), 1, 34 if rect.height > 560 else 28)
        era = eras[self.era]
        ends = words.quarter_long(dates.parse_quarter(era.end))
        self._describe(rect, y, f"{era.description} Goal: {era.goal.description} It ends in {ends}.",
                       max(40, rect.bottom - y))

    def _right(self, rect: pygame.Rect) -> None:
        y = rect.y
        self.label((rect.x, y, rect.width, 28), "Rival", kind="#heading")
        options = []
        for key, (name, tip) in RIVAL_TEXT.items():
            if key == "history" and self.history_note:
                tip += f" {self.history_note}"
            options.append((key, name, tip))
        y = self._toggles(rect, y + 32, options, self.rival, self._set("rival"), 3)
        note = RIVAL_TEXT[self.rival][1]
        if self.rival == "history" and self.history_note:
            note = self.history_note
        y = self._describe(rect, y, note, 40)
        self.label((rect.x, y, rect.width, 28), "Difficulty", kind="#heading",
                   tip="How well the computer rival plays, and what its level gives it: nothing is hidden.")
        y = self._toggles(rect, y + 32, [(d, d.capitalize(), self._level_text(d)) for d in DIFFICULTIES],
                          self.difficulty, self._set("difficulty"), 3)
        text = self._level_text(self.difficulty) if self.rival != "human" else \
            "A second player needs no difficulty."
        y = self._describe(rect, y, text, 60)  # three lines: the hard level says what it is given
        self.label((rect.x, y, rect.width, 28), "Events", kind="#heading")
        y = self._toggles(rect, y + 32, [(m, t[0], t[1]) for m, t in MODE_TEXT.items()], self.mode,
                          self._set("mode"), 2)
        y = self._describe(rect, y, MODE_TEXT[self.mode][1], 24)
        self.label((rect.x, y, rect.width, 28), "Seed", kind="#heading",
                   tip="The same seed and the same choices give the same game: share it to race a friend's luck.")
        y += 32
        self.seed_entry = self.entry((rect.x, y, 200, 38), self.seed, tip="Type a number, or draw a new one.",
                                     limit=9, numbers=True)
        self.button((rect.x + 212, y, 160, 38), "New number", self._new_seed, tip="Draw a new random seed.")

    def _set(self, field: str):
        def pick(value):
            self._keep_seed()
            setattr(self, field, value)
            self.refresh()
        return pick

    def _keep_seed(self) -> None:
        if self.seed_entry is not None and self.seed_entry.alive():
            self.seed = self.seed_entry.get_text() or self.seed

    def _new_seed(self) -> None:
        self.seed = str(random.randrange(1, 100000))
        self.refresh()

    def _summary(self) -> str:
        rival = RIVAL_TEXT[self.rival][0].lower()
        if self.rival != "human":
            rival += f" ({self.difficulty})"
        return (f"Play {words.SIDE_NAME[self.team]} in {self.content.eras[self.era].name}, against {rival}, "
                f"{self.mode} events. Key: Return.")

    def main_action(self) -> None:
        self._keep_seed()
        seed = int(self.seed) if self.seed.isdigit() else 0
        session = Session.new(self.content, self.era, self.team, self.rival, self.difficulty, seed, self.mode)
        self.app.start_session(session, fresh=True)
