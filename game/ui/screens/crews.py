"""Crews: the roster, their skills and morale, and what each trains."""

from __future__ import annotations

import pygame

from game.core import commands, rules
from game.ui import art, views, words
from game.ui.screens.common import columns, game_bar
from game.ui.widgets import Screen

ROW = 42
TRAINING = (None, "piloting", "endurance", "eva", "docking")


class CrewsScreen(Screen):
    in_game = True
    nav = "crews"
    backdrop_kind = "plain"

    def compose(self, rect: pygame.Rect) -> None:
        body = game_bar(self, rect)
        me = self.side_state
        corps = "astronauts" if self.side == "usa" else "cosmonauts"
        self.label((body.x, body.y, body.width, 30), views.crew_heading(self.session, self.side, corps), kind="#heading",
                   tip="Crews join in groups through events (the Mercury Seven, the Vostok group ...).")
        note = (f"Training raises the chosen skill by up to {rules.TRAINING_GAIN:g} points a quarter, less as it "
                "nears 100. Click a trainee's training to change it.")
        if me.stand_down_until > self.game.state.quarter:
            note = f"Crewed flights stand down until {words.quarter_long(me.stand_down_until)}. " + note
        self.label((body.x, body.y + 30, body.width, 22), note, kind="#caption",
                   tip="Each quarter a crew member trains one skill. Skills add to the steps of a flight that "
                       "use them, counted from the best of the crew aboard.")
        table = pygame.Rect(body.x, body.y + 58, body.width, body.height - 58)
        self.panel(table)
        if not me.crews:
            self.text((table.x + 16, table.y + 16, table.width - 32, 120),
                      [(f"No {corps} yet.", art.WHITE, 18, True),
                       ("A crew is chosen when crewed flight comes near: an event will bring the first group. "
                        "Until then, rockets and uncrewed spacecraft fly alone.", art.MUTED)])
            return
        cols = self._columns(pygame.Rect(table.x + 12, table.y + 6, table.width - 40, 24))
        headers = [("Name", "Who, and how many times they have flown."),
                   *((words.SKILL_NAMES[s], words.SKILL_HELP[s]) for s in words.SKILLS),
                   ("Morale", "Falls when a colleague dies; rises a little each quarter and with each flight."),
                   ("Status", "Ready, booked on a flight this quarter, or lost."),
                   ("Training", "The skill trained this quarter. Click to change it; Return does it from the keyboard.")]
        for col, (text, tip) in zip(cols, headers, strict=True):
            self.label((col.x, col.y, col.width, col.height), text, kind="#subheading", tip=tip)
        crews = sorted(me.crews.values(), key=lambda c: (c.status != "active", c.id))
        box = self.scroller((table.x + 4, table.y + 34, table.width - 8, table.height - 40), len(crews) * ROW + 6)
        width = box.rect.width - (16 if len(crews) * ROW + 6 > box.rect.height else 0) - 8
        cols = self._columns(pygame.Rect(8, 0, width, ROW))
        booked = views.crew_bookings(self.session, self.side)
        self.lazy_rows(box, [(i * ROW + 3, (i + 1) * ROW + 3) for i in range(len(crews))],
                       lambda i: self._row(box, cols, i * ROW + 3, crews[i], booked.get(crews[i].id)))

    @staticmethod
    def _columns(rect: pygame.Rect) -> list[pygame.Rect]:
        return columns(rect, (0.22, 0.09, 0.09, 0.09, 0.09, 0.09, 0.15, 0.18))

    def _row(self, box, cols, y, crew, booked: tuple[str, str] | None) -> None:
        alive = crew.status == "active"
        name_col, *skill_cols, morale_col, status_col, train_col = cols
        self.label((name_col.x, y + 4, name_col.width, 32), crew.name, parent=box, kind=None if alive else "#muted",
                   tip=f"{crew.name}: {crew.flights} flight{'s' if crew.flights != 1 else ''}.")
        for col, skill in zip(skill_cols, words.SKILLS, strict=True):
            value = crew.skill(skill)
            bonus = (value - 50) * rules.SKILL_EFFECT * 100
            kind = "#muted" if not alive else "#good" if value >= 65 else None if value >= 45 else "#warn"
            self.cell((col.x, y + 4, col.width, 32), f"{value:.0f}", parent=box, kind=kind,
                      tip=f"{words.SKILL_NAMES[skill]} {value:.0f}: {words.SKILL_HELP[skill]} "
                          f"As the best aboard, worth {words.signed(bonus, 1)} points on steps that use it.")
        kind = "#muted" if not alive else "#good" if crew.morale >= 70 else None if crew.morale >= 40 else "#bad"
        self.cell((morale_col.x, y + 4, morale_col.width, 32), f"{crew.morale:.0f}", parent=box, kind=kind,
                  tip="Morale: falls by 10 when a colleague dies, rises by 1 a quarter and by 5 with each flight.")
        status = {"dead": "lost", "retired": "retired"}.get(crew.status, f"flies in {booked[0]}" if booked else "ready")
        self.label((status_col.x, y + 4, status_col.width, 32), status, parent=box,
                   kind="#bad" if crew.status == "dead" else "#muted" if crew.status != "active" else None,
                   tip=f"Booked on this quarter's {booked[1]}." if booked else None)
        if not alive:
            return
        training = crew.training
        label = words.SKILL_NAMES[training] if training else "none"
        next_skill = TRAINING[(TRAINING.index(training) + 1) % len(TRAINING)]
        gain = views.training_gain(crew)
        self.button((train_col.x, y + 5, train_col.width, 32), f"Training: {label}",
                    lambda c=crew.id, s=next_skill: self._train(c, s), parent=box, kind=None if training else "#toggle",
                    tip=(f"Trains {words.skill_word(training)}: about +{gain:.1f} a quarter. "
                         if training else "Not training. ")
                    + f"Click to train {words.skill_word(next_skill) if next_skill else 'nothing'} instead.")

    def _train(self, crew_id: str, skill: str | None) -> None:
        result = self.game.execute(commands.TrainCrew(self.side, crew_id, skill))
        if not result:
            self.app.toast(result.reason, art.BAD)
        self.refresh()
