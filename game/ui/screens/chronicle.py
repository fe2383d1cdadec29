"""The chronicle: both sides' firsts against history's dates."""

from __future__ import annotations

import pygame

from game.core import dates
from game.core.state import SHORT
from game.ui import views, words
from game.ui.screens.common import columns, game_bar
from game.ui.widgets import Screen

ROW = 36


class ChronicleScreen(Screen):
    in_game = True
    nav = "chronicle"
    backdrop_kind = "plain"
    show_charts = False  # the table of firsts, or the charts (G switches)

    def compose(self, rect: pygame.Rect) -> None:
        body = game_bar(self, rect)
        self.button((body.right - 200, body.y, 200, 32), "Table of firsts  (G)" if self.show_charts else "Charts  (G)",
                    self._switch, kind="#toggle",
                    tip="Switch between the table of firsts and the charts of prestige, budget and support. Key: G.")
        if self.show_charts:
            self._charts(body)
            return
        self.label((body.x, body.y, body.width - 210, 30), "The chronicle: your race against the real one",
                   kind="#heading",
                   tip="Every first of the race, who won it in this game and when, beside history's date.")
        self.label((body.x, body.y + 30, body.width, 22),
                   "\u2022 marks the first ever; the other side's date is when it followed. "
                   f"The era is won by the {self.content.firsts[self.game.era.goal.first].name.lower()}.",
                   kind="#caption")
        table = pygame.Rect(body.x, body.y + 58, body.width, body.height - 58)
        self.panel(table)
        header = self._columns(pygame.Rect(table.x + 12, table.y + 6, table.width - 40, 24))
        for col, (text, tip) in zip(header, (
                ("First", "Hover a first for what counts."),
                ("History", "Who did it first in history, and when."),
                ("USA", "When the United States did it in this game."),
                ("USSR", "When the Soviet Union did it in this game."),
                ("Against history", "How the first ever in this game compares with history's.")), strict=True):
            self.label(col, text, kind="#subheading", tip=tip)
        firsts = list(self.content.firsts.values())
        box = self.scroller((table.x + 4, table.y + 34, table.width - 8, table.height - 40), len(firsts) * ROW + 4)
        width = box.rect.width - (16 if len(firsts) * ROW + 4 > box.rect.height else 0) - 8
        cols = self._columns(pygame.Rect(8, 0, width, ROW))
        for i, first in enumerate(firsts):
            self._row(box, cols, i * ROW + 2, first)

    def _charts(self, body: pygame.Rect) -> None:
        from game.ui import charts
        from game.ui.screens.end import export_charts

        over = self.game.state.over
        viewers = self.session.humans() if over else (self.side,)
        self.label((body.x, body.y, body.width - 420, 30), "The race in charts", kind="#heading",
                   tip="Quarter by quarter, from the records kept at each quarter's end.")
        self.button((body.right - 410, body.y, 200, 32), "Save as PNG", lambda: export_charts(self.app, over),
                    tip="Save these charts as one PNG picture in the screenshots folder.")
        self.label((body.x, body.y + 30, body.width, 22),
                   "Prestige is public; your budget and support are yours alone. How reliable your machines "
                   "really were is known when the race is over." if not over else
                   "The whole race, now that it is over: the truth about reliability included.", kind="#caption")
        area = pygame.Rect(body.x, body.y + 58, body.width, body.height - 58)
        found = charts.charts(self.game, viewers, over)
        count = min(4, len(found))
        per_row = 2 if count == 4 else 1  # four in a square, else one above another
        rows = (count + per_row - 1) // per_row
        w, h = (area.width - 12 * (per_row - 1)) // per_row, (area.height - 12 * (rows - 1)) // rows
        for i, (tip, picture) in enumerate(charts.draw(self.game, viewers, over, (w, h), list(range(count)))):
            self.image((area.x + (i % per_row) * (w + 12), area.y + (i // per_row) * (h + 12), w, h), picture, tip=tip)

    def _switch(self) -> None:
        self.show_charts = not self.show_charts
        self.refresh()

    def on_key(self, event) -> bool:
        if event.key == pygame.K_g and not self.app.text_focused():
            self._switch()
            return True
        return False

    @staticmethod
    def _columns(rect: pygame.Rect) -> list[pygame.Rect]:
        return columns(rect, (0.32, 0.17, 0.13, 0.13, 0.25))

    def _row(self, box, cols, y, first) -> None:
        goal = first.id == self.game.era.goal.first
        name_col, hist_col, usa_col, ussr_col, diff_col = cols
        kept = self.session.moments.get(first.id)
        if kept is not None:  # a great moment seen: its frame beside the name
            frame, headline, line = kept
            thumb = pygame.transform.smoothscale(frame, (int((ROW - 6) * frame.get_width() / frame.get_height()),
                                                         ROW - 6))
            self.image((name_col.right - thumb.get_width(), y + 1, thumb.get_width(), thumb.get_height()), thumb,
                       tip=f"<b>{headline}</b><br>{line}", parent=box)
            name_col = pygame.Rect(name_col.x, name_col.y, name_col.width - thumb.get_width() - 6, name_col.height)
        self.cell((name_col.x, y, name_col.width, ROW - 4), first.name + ("  (the goal)" if goal else ""),
                  kind="#warn" if goal else None, parent=box,
                  tip=f"{first.description or first.name} Worth {first.prestige:g} prestige to the first, a third "
                      "to the second.")
        hist_year, hist_month = dates.parse_month(first.history.date)
        self.cell((hist_col.x, y, hist_col.width, ROW - 4),
                  f"{SHORT[first.history.side]}, {words.month_text(hist_year, hist_month)}", kind="#muted", parent=box,
                  tip=f"History: {words.SIDE_NAME[first.history.side]}, {dates.MONTH_NAMES[hist_month - 1]} "
                      f"{hist_year}.")
        for col, side in ((usa_col, "usa"), (ussr_col, "ussr")):
            text, tip, kind = views.first_by(self.game, first.id, side)
            self.cell((col.x, y, col.width, ROW - 4), text, kind=kind, parent=box, tip=tip)
        # cells, not labels: a row is made again, not changed, when the race moves on
        self.cell((diff_col.x, y, diff_col.width, ROW - 4), *views.against_history(self.game, first), parent=box)
