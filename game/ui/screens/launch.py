"""The launch: the quarter's launches one by one, each a short film (game.ui.film) whose
steps show their results as they happen; Return skips to the end of it."""

from __future__ import annotations

import pygame

from game.core.state import SHORT
from game.ui import art, moments, words, worldmap
from game.ui.film import COUNTDOWN, LaunchFilm, film_of
from game.ui.widgets import Screen

OUTCOMES = {
    "success": ("Success", "#big_good"),
    "scrubbed": ("Scrubbed: it tries again next quarter", "#big_warn"),
    "aborted": ("Aborted: the mission ended early", "#big_warn"),
    "lost": ("Vehicle lost", "#big_bad"),
    "crew_lost": ("The crew is lost", "#big_bad"),
}
STEP_MARK = {"success": ("+", "#good"), "scrub": ("\u2013", "#warn"), "abort": ("!", "#warn"),
             "loss": ("\u00d7", "#bad"), "death": ("\u00d7", "#bad"), "skipped": ("\u00b7", "#muted")}
STEP_WORDS = {"success": "worked", "scrub": "scrubbed on the pad", "abort": "failed: abort",
              "loss": "failed: vehicle lost", "death": "failed: the crew is lost", "skipped": "not reached"}


class LaunchScreen(Screen):
    backdrop_kind = "plain"

    def __init__(self, app, launches: list):
        super().__init__(app)
        self.launches = launches
        self.index = 0
        self.shown = 0  # steps of the current launch revealed
        self.clock = 0.0  # seconds into the current launch's film
        self.step_labels: list = []
        self.film: LaunchFilm | None = None
        self.scene_rect = pygame.Rect(0, 0, 0, 0)
        self.outcome_label = None
        self.firsts_label = None

    @property
    def report(self):
        return self.launches[self.index]

    @property
    def animating(self) -> bool:
        return self.film is not None and self.clock < self.film.duration

    def compose(self, rect: pygame.Rect) -> None:
        report = self.report
        content = self.content
        mission = content.missions[report.type]
        mine = report.side == self.side
        margin = 24
        flight_header(self, rect, report, f"LAUNCH {self.index + 1} OF {len(self.launches)}",
                      "Your launch." if mine else "The rival's launch, as the world heard of it.",
                      f"  \u00b7  from {worldmap.site_of(content, report)}")
        top = 116
        bottom_h = 130
        scene_w = int((rect.width - 3 * margin) * 0.55)
        scene_h = rect.height - top - bottom_h
        self.scene_rect = pygame.Rect(margin, top, scene_w, scene_h)
        if self.film is None or self.film.report is not report or self.film.size != self.scene_rect.size:
            self.film = film_of(content, report, self.scene_rect.size)
        x = margin * 2 + scene_w
        steps_w = rect.width - x - margin
        self.label((x, top, steps_w, 28), "Steps", kind="#heading",
                   tip="Each step works or fails in turn; a failure ends the flight (or, on the pad, postpones it).")
        self.step_labels = []
        row = min(40, max(28, (scene_h - 160) // max(1, len(report.steps))))
        for i, _ in enumerate(report.steps):
            self.step_labels.append(self.label((x, top + 36 + i * row, steps_w, row - 4), "", kind="#muted"))
        about = [(mission.description, art.MUTED, 15)]
        if not mine and report.side == "ussr":
            about.append(("The Soviet Union announces its successes only: what you see is what TASS told the world.",
                          art.MUTED, 14))
        elif mine and report.side == "ussr":
            about.append(("Your failures stay secret; the world hears only of your successes.", art.MUTED, 14))
        elif mine:
            about.append(("The whole world watches American launches, failures included.", art.MUTED, 14))
        y = top + 36 + len(report.steps) * row + 16
        fault = content.faults.get(report.fault) if mine and report.fault else None
        if fault is not None:  # a decision in flight is its own side's secret: never shown to the rival
            chosen = next((o.text for o in fault.options if o.id == report.choice), report.choice)
            self.label((x, y, steps_w, 26), f"{fault.name}: you chose \u201c{chosen}\u201d", kind="#warn",
                       tip=fault.text)
            y += 32
        self.text((x, y, steps_w, max(40, top + scene_h - y)), about)
        self.outcome_label = self.label((margin, rect.height - bottom_h + 8, rect.width - 2 * margin, 44), "",
                                        kind="#big")
        self.firsts_label = self.label((margin, rect.height - bottom_h + 52, rect.width - 2 * margin, 26), "",
                                       kind="#warn")
        button_y = rect.height - 58
        last = self.index == len(self.launches) - 1
        self.button((rect.width - margin - 260, button_y, 260, 42),
                    "Turn report  (Return)" if last else "Next launch  (Return)", self.main_action, kind="#primary",
                    tip="Show every step at once if they are still coming; then go on. Key: Return.")
        # at the left: headquarters opens under it with the news there, not End turn
        self.button((margin, button_y, 240, 42), "Skip to headquarters  (Esc)", self._skip,
                    tip="Skip the launches and the report; the report stays at headquarters.")
        self._show_steps()

    def draw_under(self, surface: pygame.Surface) -> None:
        super().draw_under(surface)
        if self.film is not None:
            self.film.draw(surface, self.scene_rect, self.clock)
            great = moments.moment(self.report, self.content)
            if great is not None and self.shown >= len(self.report.steps):
                self._headline(surface, great)
            pygame.draw.rect(surface, art.PANEL_LOOK[None][1], self.scene_rect, 2)

    def _headline(self, surface: pygame.Surface, great: tuple[str, str, str]) -> None:
        """A great moment: the headline across the picture, and the picture kept for the chronicle."""
        first, headline, line = great
        scene = self.scene_rect
        big, small = art.font(26 if scene.width > 520 else 20, True), art.font(15)
        heads = art.wrap(headline, big, scene.width - 40)
        lines = art.wrap(line, small, scene.width - 40)
        height = 24 + big.get_linesize() * len(heads) + small.get_linesize() * len(lines)
        band = pygame.Surface((scene.width, height), pygame.SRCALPHA)
        band.fill((8, 12, 24, 215))
        y = 10
        for text in heads:
            band.blit(big.render(text, True, art.ACCENT), (20, y))
            y += big.get_linesize()
        for text in lines:
            band.blit(small.render(text, True, art.TEXT), (20, y + 4))
            y += small.get_linesize()
        surface.blit(band, (scene.x, scene.bottom - height - 12))
        if first not in self.session.moments:
            frame = pygame.transform.smoothscale(surface.subsurface(scene).copy(), (160, int(160 * scene.height
                                                                                           / scene.width)))
            self.session.moments[first] = (frame, headline, line)

    def _show_steps(self) -> None:
        report = self.report
        for i, label in enumerate(self.step_labels):
            if i < self.shown:
                step = report.steps[i]
                mark, kind = STEP_MARK[step.outcome]
                label.set_text(f"{mark}   {step.name}: {STEP_WORDS[step.outcome]}")
                label.change_object_id(f"#{kind[1:]}" if kind != "#muted" else "#muted")
            else:
                label.set_text("")
        if self.shown >= len(report.steps):
            text, kind = OUTCOMES[report.outcome]
            if report.outcome != "success" and report.side == "ussr":
                text += "  \u00b7  kept secret" if report.side == self.side else ""
            elif report.outcome != "success" and report.side == "usa" and report.side == self.side:
                text += "  \u00b7  in every newspaper"
            self.outcome_label.set_text(text)
            self.outcome_label.change_object_id(kind)
            if report.firsts:
                names = ", ".join(self.content.firsts[f].name for f in report.firsts)
                self.firsts_label.set_text(f"\u2022  {names}")

    def update(self, dt: float) -> bool:
        if not self.animating:
            return False
        before = self.clock
        self.clock = min(self.film.duration, self.clock + dt)
        self._sounds(before, self.clock)
        shown = self.film.steps_shown(self.clock)
        if shown != self.shown:
            self.shown = shown
            self._show_steps()
        return True

    def _sounds(self, before: float, now: float) -> None:
        """The film's sounds for what happened between two moments of it."""
        film, play = self.film, self.app.sounds.play
        for beat in (0.0, COUNTDOWN / 3, COUNTDOWN * 2 / 3):
            if before <= beat < now or (beat == 0.0 and before == 0.0 and now > 0):
                play("countdown")
        scrubbed = bool(self.report.steps) and self.report.steps[0].outcome == "scrub"
        if before < COUNTDOWN <= now and not scrubbed:
            play("roar")
        for i, when in enumerate(film.reveal):
            if before < when <= now and (film.failed_at is None or i <= film.failed_at):
                outcome = self.report.steps[i].outcome
                play("explosion" if outcome in ("loss", "death") else "step" if outcome == "success" else "failure")
        end = film.reveal[-1] if film.reveal else COUNTDOWN
        if film.failed_at is not None:
            end = film.reveal[film.failed_at]
        if before < end + 0.3 <= now:
            report = self.report
            craft = self.content.programmes[report.spacecraft].art if report.spacecraft else ""
            if report.outcome != "success":
                play("failure")
            elif moments.moment(report, self.content) is not None:
                play("moment")
            elif report.firsts:
                play("fanfare")
            else:
                play("sputnik" if craft == "sputnik" else "success")

    def main_action(self) -> None:
        if self.animating:
            self.clock = self.film.duration
            self.shown = len(self.report.steps)
            self._show_steps()
            return
        if self.index + 1 < len(self.launches):
            self.index += 1
            self.shown = 0
            self.clock = 0.0
            self.film = None
            self.refresh()
            return
        from game.ui.screens.report import ReportScreen

        self.app.replace(ReportScreen(self.app))

    def _skip(self) -> None:
        self.app.after_report()

    def escape(self) -> bool:
        self._skip()
        return True


def flight_header(screen, rect: pygame.Rect, report, caption: str, tip: str, where: str = "") -> None:
    """A flight's three lines along the top: the caption and date, the side and mission, and
    the kit with its crew (and where it flew from, if given)."""
    content, margin = screen.content, 24
    mission = content.missions[report.type]
    screen.label((margin, 14, rect.width - 2 * margin, 22),
                 f"{caption}  \u00b7  {words.month_name(report.month).upper()} {report.day}, {report.year}",
                 kind="#caption")
    screen.label((margin, 36, rect.width - 2 * margin, 44), f"{SHORT[report.side]}: {mission.name}", kind="#big",
                 tip=mission.description)
    kit = content.programmes[report.rocket].name
    if report.spacecraft:
        kit = f"{content.programmes[report.spacecraft].name} on {kit}"
    crew = f"  \u00b7  crew: {', '.join(report.crew)}" if report.crew else ""
    screen.label((margin, 80, rect.width - 2 * margin, 26), kit + where + crew, kind=f"#{report.side}", tip=tip)

