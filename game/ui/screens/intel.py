"""The file on the rival: what your intelligence services believe of the other side.

Everything here comes from the side's own file (``SideState.file``, made by
``core/intel.py``) and the public record, never from the rival's true state: in hot-seat
the player at the keyboard sees only their own file.
"""

from __future__ import annotations

import pygame

from game.core import commands, dates, intel
from game.core.state import rival_of
from game.ui import art, views, words
from game.ui.screens.common import columns, game_bar
from game.ui.widgets import Screen
from game.ui.widgets import columns as split

ROW = 34
KIND_ORDER = {"rocket": 0, "spacecraft": 1, "component": 2}


def band_picture(size: tuple[int, int], low: float, high: float, colour) -> pygame.Surface:
    """A 0-100 % bar with the band shaded and its middle marked; ticks every 25 %."""
    width, height = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(surface, (29, 49, 82), (0, 4, width, height - 8), border_radius=3)
    for tick in (25, 50, 75):
        x = int(width * tick / 100)
        pygame.draw.line(surface, (60, 84, 122), (x, 4), (x, height - 5))
    left, right = int(width * low / 100), max(int(width * low / 100) + 2, int(width * high / 100))
    shade = pygame.Surface((right - left, height - 8), pygame.SRCALPHA)
    shade.fill((*colour, 150))
    surface.blit(shade, (left, 4))
    pygame.draw.rect(surface, colour, (left, 4, right - left, height - 8), width=1, border_radius=2)
    middle = int(width * (low + high) / 200)
    pygame.draw.line(surface, art.WHITE, (middle, 1), (middle, height - 2), 2)
    return surface


class IntelScreen(Screen):
    in_game = True
    nav = "intel"
    backdrop_kind = "plain"

    def compose(self, rect: pygame.Rect) -> None:
        body = game_bar(self, rect)
        file = self.side_state.file
        rival = rival_of(self.side)
        traits = self.content.sides[rival]
        when = dates.format_quarter(file.updated) if file.updated else "not yet"
        self.label((body.x, body.y, body.width, 30), f"The file on the {traits.name}", kind="#heading",
                   tip="What your intelligence services believe of the rival's programmes. It is made from "
                       "what you could know: the rival's public launches, what your agents, aircraft and "
                       "satellites find, and what you pay for. It may be wrong.")
        fog = self.content.sides[self.side].intel
        self.label((body.x, body.y + 30, body.width, 22),
                   f"Surveyed {when}. Each band should hold the true reliability about "
                   f"{_coverage():.0f} times in a hundred; money and windfalls (a U-2, a satellite, the "
                   "press) make the bands narrower, not surer.", kind="#caption",
                   tip=f"Your services' base spread on a rival vehicle never seen to fly: \u00b1{fog.band_sd:g} "
                       "points; each of its flights you see narrows it.")
        area = pygame.Rect(body.x, body.y + 58, body.width, body.height - 58)
        left, right = split(area, [58, 42], gap=14)
        self._programmes(left)
        self._right(right)

    # --- the programmes -------------------------------------------------------------------

    def _programmes(self, rect: pygame.Rect) -> None:
        file = self.side_state.file
        self.panel(rect)
        header = pygame.Rect(rect.x + 10, rect.y + 6, rect.width - 36, 24)
        cols = _columns(header)
        for col, (text, tip) in zip(cols, (
                ("Programme", "The rival's programmes your file knows of, and since when."),
                ("Reliability: the band", "Where your file puts its reliability: the shaded band, with its "
                                          "middle marked. The true figure is inside it most of the time."),
                ("Band", "The band's low and high, in per cent."),
                ("Flights", "The rival's flights of it your side has seen.")), strict=True):
            self.label(col, text, kind="#subheading", tip=tip)
        programmes = self.content.programmes
        seen = sorted(file.programmes.values(),
                      key=lambda s: (KIND_ORDER.get(programmes[s.id].kind, 3), programmes[s.id].name))
        if not seen:
            self.text((rect.x + 14, rect.y + 40, rect.width - 28, 80),
                      [("Your file knows of no rival programme yet. Money for intelligence finds them sooner.",
                        art.MUTED, 15)])
            return
        box = self.scroller((rect.x + 4, rect.y + 34, rect.width - 8, rect.height - 40), len(seen) * ROW + 4)
        width = box.rect.width - (16 if len(seen) * ROW + 4 > box.rect.height else 0) - 8
        row_cols = _columns(pygame.Rect(6, 0, width, ROW))
        colour = art.SIDE_COLOUR[rival_of(self.side)]

        def make(index: int) -> None:
            entry, y = seen[index], 2 + index * ROW
            definition = programmes[entry.id]
            name_col, band_col, range_col, flown_col = row_cols
            since = dates.format_quarter(entry.since)
            self.cell((name_col.x, y, name_col.width, ROW - 4), definition.name, parent=box,
                      tip=f"<b>{definition.name}</b> ({definition.kind}): {definition.description}<br>"
                          f"In your file since {since}.")
            tip = (f"Your file puts {definition.name} between {entry.low:.0f} % and {entry.high:.0f} % "
                   f"(middle {intel.midpoint(entry):.0f} %).")
            self.image((band_col.x, y + 4, band_col.width, ROW - 10),
                       band_picture((band_col.width, ROW - 10), entry.low, entry.high, colour), tip=tip, parent=box)
            middle = intel.midpoint(entry)
            kind = "#good" if middle >= 80 else "#warn" if middle >= 55 else "#bad"
            self.cell((range_col.x, y, range_col.width, ROW - 4), f"{entry.low:.0f}\u2013{entry.high:.0f} %",
                      kind=kind, tip=tip, parent=box)
            self.cell((flown_col.x, y, flown_col.width, ROW - 4), str(entry.flights) if entry.flights else "\u2014",
                      kind=None if entry.flights else "#muted", parent=box,
                      tip=f"{entry.flights} flight{'s' if entry.flights != 1 else ''} of it seen: each narrows the band.")

        self.lazy_rows(box, [(2 + i * ROW, 2 + (i + 1) * ROW) for i in range(len(seen))], make)

    # --- hardware, next flights, the money ---------------------------------------------------

    def _right(self, rect: pygame.Rect) -> None:
        money_h = 132
        rest = rect.height - money_h - 20  # two gaps of 10 between the three panels
        top = pygame.Rect(rect.x, rect.y, rect.width, rest * 42 // 100)
        flights = pygame.Rect(rect.x, top.bottom + 10, rect.width, rest - top.height)
        self._hardware(top)
        self._likely(flights)
        self._money(pygame.Rect(rect.x, rect.bottom - money_h, rect.width, money_h))

    def _hardware(self, rect: pygame.Rect) -> None:
        file = self.side_state.file
        self.panel(rect)
        self.label((rect.x + 14, rect.y + 8, rect.width - 28, 28), "Built, and on the pads", kind="#heading",
                   tip="Rockets and spacecraft your file has seen built and in hand, or being built, and the "
                       "rival's launch pads it knows. What is not seen may still be there.")
        lines, pad_line, pad_tip = views.seen_hardware(self.session, self.side)
        room = pygame.Rect(rect.x + 14, rect.y + 40, rect.width - 24, rect.height - 76)
        self.text(room, lines)
        used = art.text_block([(t[0], t[1], t[2], False) for t in lines], room.width - 4).get_height()
        self.label((rect.x + 14, min(room.y + used + 4, rect.bottom - 34), rect.width - 28, 26), pad_line,
                   kind=None if file.pads else "#muted", tip=pad_tip)

    def _likely(self, rect: pygame.Rect) -> None:
        self.panel(rect)
        self.label((rect.x + 14, rect.y + 8, rect.width - 28, 28), "What they may try next", kind="#heading",
                   tip="The flights your file expects the rival may try within a quarter, with the chance it "
                       "gives each: from the programmes, hardware and pads it has seen and the bands' middles. "
                       "A first still open to anyone is marked.")
        self.text((rect.x + 14, rect.y + 40, rect.width - 24, rect.height - 46),
                  views.likely_lines(self.session, self.side))

    def _money(self, rect: pygame.Rect) -> None:
        me = self.side_state
        file = me.file
        traits = self.content.sides[self.side].intel
        self.panel(rect)
        scale = traits.spending_share * me.budget
        self.label((rect.x + 14, rect.y + 8, rect.width - 28, 28), "Intelligence a quarter", kind="#heading",
                   tip=f"Paid as each quarter opens. {words.money(scale)} a quarter (about "
                       f"{traits.spending_share * 100:.0f} % of your budget) halves the bands' width and the "
                       "chance of missing a programme, a pad or a built rocket; more helps less and less.")
        step = max(0.5, round(scale / 2, 1))
        inner = rect.width - 28
        small = 40
        self.button((rect.x + 14, rect.y + 42, small, 32), "\u2212", lambda: self._fund(-step), kind="#small",
                    tip=f"Less for intelligence: \u2212{words.money(step)} a quarter.")
        self.label((rect.x + 18 + small, rect.y + 42, inner - 2 * small - 8, 30),
                   f"{words.money(file.spending)} a quarter", align="center",
                   kind="#figure" if file.spending else "#muted",
                   tip="What your intelligence services get each quarter from now on.")
        self.button((rect.x + 14 + inner - small, rect.y + 42, small, 32), "+", lambda: self._fund(step),
                    kind="#small", tip=f"More for intelligence: +{words.money(step)} a quarter.")
        width_now = intel.focus(self.game, self.side) * 100
        sharp = (f" A windfall narrows them until {dates.format_quarter(file.sharp_until)}."
                 if file.sharp_until > self.game.state.quarter else "")
        self.text((rect.x + 14, rect.y + 80, inner, rect.height - 84),
                  [(f"Paid this quarter: {words.money(file.paid)}. The bands are {width_now:.0f} % as wide as "
                    f"with no money and no windfall.{sharp}", art.MUTED, 13)])

    def _fund(self, change: float) -> None:
        file = self.side_state.file
        amount = max(0.0, round(file.spending + change, 1))
        result = self.game.execute(commands.FundIntelligence(self.side, amount))
        if not result:
            self.app.toast(words.upper_first(result.reason) + ".", art.WARN)
        self.refresh()


def _columns(rect: pygame.Rect) -> list[pygame.Rect]:
    return columns(rect, (0.34, 0.36, 0.16, 0.14))


def _coverage() -> float:
    """The share of bands that hold the truth, from the spread of the file's errors (see intel.py)."""
    import math

    spread = math.sqrt(1 + intel.FRESH_SHARE ** 2)
    return 100 * math.erf(intel.BAND_Z / spread / math.sqrt(2))
