"""A decision in flight: the launch film plays up to the step that went wrong and stops
there; the fault and its options, with their odds for the crew and the mission, wait
below. Return takes the safest option, the number keys pick one (the buttons too).

Only the side whose flight it is ever gets here (``Session.waiting_decision``): in
hot-seat the keyboard is handed over first, and nothing of it reaches the rival.
"""

from __future__ import annotations

import dataclasses

import pygame

from game.core import inflight
from game.core.state import StepResult
from game.ui import art, words
from game.ui.film import COUNTDOWN, LaunchFilm, film_of
from game.ui.screens.launch import flight_header
from game.ui.widgets import Screen

KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2}


def odds_text(option, with_crew: bool) -> str:
    going = f"the flight goes on {option.goes_on * 100:.0f} %"
    return f"crew home alive {option.crew * 100:.0f} %  \u00b7  {going}" if with_crew else going


class DecisionScreen(Screen):
    backdrop_kind = "plain"

    def __init__(self, app):
        super().__init__(app)
        self.decision = app.session.waiting_decision()
        self.clock = 0.0
        self.film: LaunchFilm | None = None
        self.scene_rect = pygame.Rect(0, 0, 0, 0)
        self.option_buttons: list = []

    @property
    def fault(self):
        return self.content.faults[self.decision.fault]

    @property
    def with_crew(self) -> bool:
        return inflight.crewed(self.decision)

    def _film_report(self):
        """The flight so far, and the step that went wrong flown up to its trouble: the
        film climbs to it and holds there, with no end of its own."""
        report = self.decision.report
        step = self.content.missions[report.type].steps[self.decision.step]
        steps = list(report.steps) + [StepResult(step.id, step.name, 1.0, "success")]
        return dataclasses.replace(report, steps=steps, outcome="success", firsts=[])

    @property
    def animating(self) -> bool:
        return self.film is not None and self.clock < self.film.duration

    def compose(self, rect: pygame.Rect) -> None:
        decision, content = self.decision, self.content
        if decision is None:  # nothing waits (a stale screen): back to the game
            return
        report = decision.report
        mission = content.missions[report.type]
        fault = self.fault
        margin = 24
        flight_header(self, rect, report, "A DECISION IN FLIGHT", "Your flight: only you see this decision.")
        top = 116
        bottom_h = 66 + 46 * len(fault.options)
        scene_w = int((rect.width - 3 * margin) * 0.55)
        scene_h = rect.height - top - bottom_h
        self.scene_rect = pygame.Rect(margin, top, scene_w, scene_h)
        if self.film is None or self.film.size != self.scene_rect.size:
            self.film = film_of(content, report, self.scene_rect.size, self._film_report())
        x = margin * 2 + scene_w
        width = rect.width - x - margin
        self.label((x, top, width, 28), "Steps", kind="#heading")
        steps = mission.steps
        row = min(34, max(24, (scene_h - 220) // max(1, decision.step + 1)))
        y = top + 34
        for index, step in enumerate(steps[:decision.step + 1]):
            if index < decision.step:
                self.label((x, y, width, row - 4), f"+   {step.name}: worked", kind="#good")
            else:
                self.label((x, y, width, row - 4), f"!   {step.name}: {fault.name.lower()}", kind="#warn")
            y += row
        y += 8
        self.label((x, y, width, 30), fault.name, kind="#warn")
        keys = words.number_keys(len(fault.options))
        self.text((x, y + 34, width, max(60, top + scene_h - y - 34)),
                  [(fault.text, art.TEXT, 15), (f"Choose: Return takes the safest answer, {keys} pick one.", art.MUTED, 14)])
        safest = inflight.safest(fault, self.with_crew)
        self.option_buttons = []
        y = rect.height - bottom_h + 14
        self.label((margin, y, rect.width - 2 * margin, 24),
                   "The odds of each answer" + (" for the crew and the mission" if self.with_crew else ""),
                   kind="#caption")
        y += 30
        for number, option in enumerate(fault.options, 1):
            mark = "  (Return)" if option is safest else ""
            text = f"{number}   {option.text}{mark}     \u2014     {odds_text(option, self.with_crew)}"
            button = self.button((margin, y, rect.width - 2 * margin, 40), text,
                                 lambda chosen=option.id: self.choose(chosen),
                                 kind="#primary" if option is safest else None,
                                 tip=f"Key {number}. " + odds_text(option, self.with_crew).capitalize() + ".")
            self.option_buttons.append(button)
            y += 46

    def draw_under(self, surface: pygame.Surface) -> None:
        super().draw_under(surface)
        if self.film is not None:
            self.film.draw(surface, self.scene_rect, self.clock)
            if not self.animating:
                self._banner(surface)
            pygame.draw.rect(surface, art.PANEL_LOOK[None][1], self.scene_rect, 2)

    def _banner(self, surface: pygame.Surface) -> None:
        """The film has stopped: the fault across the picture."""
        scene = self.scene_rect
        font = art.font(24 if scene.width > 520 else 18, True)
        lines = art.wrap(self.fault.name.upper() + ": WHAT NOW?", font, scene.width - 40)
        height = 20 + font.get_linesize() * len(lines)
        band = pygame.Surface((scene.width, height), pygame.SRCALPHA)
        band.fill((8, 12, 24, 215))
        for i, text in enumerate(lines):
            band.blit(font.render(text, True, art.WARN), (20, 10 + i * font.get_linesize()))
        surface.blit(band, (scene.x, scene.bottom - height - 12))

    def update(self, dt: float) -> bool:
        if not self.animating:
            return False
        before = self.clock
        self.clock = min(self.film.duration, self.clock + dt)
        play = self.app.sounds.play
        if before == 0.0 and self.clock > 0:
            play("countdown")
        if before < COUNTDOWN <= self.clock:
            play("roar")
        fault_at = self.film.reveal[-1] if self.film.reveal else COUNTDOWN
        if before < fault_at <= self.clock:
            play("failure")
        return True

    def choose(self, option: str) -> None:
        self.app.decide_in_flight(option)

    def main_action(self) -> None:
        if self.animating:  # Return first runs the film up to the trouble
            self.clock = self.film.duration
            return
        self.choose(inflight.safest(self.fault, self.with_crew).id)

    def on_key(self, event: pygame.event.Event) -> bool:
        index = KEYS.get(event.key)
        if index is None or index >= len(self.fault.options):
            return False
        self.clock = self.film.duration if self.film is not None else 0.0
        self.choose(self.fault.options[index].id)
        return True

    def escape(self) -> bool:
        return True  # the flight cannot be left waiting: it needs an answer
