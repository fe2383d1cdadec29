"""Research: the programme tree, what each is believed to be worth, and where the money goes."""

from __future__ import annotations

import pygame

from game.core import commands, dates, explain, roads, rules
from game.ui import art, vehicles, views, words
from game.ui.screens.common import columns, game_bar, refresh_cash_tip
from game.ui.widgets import Screen

KINDS = (("rocket", "Rockets"), ("spacecraft", "Spacecraft"), ("component", "Components"))
ROW = 40
ICON = (64, 34)  # a programme's picture beside its name


class ResearchScreen(Screen):
    in_game = True
    nav = "research"
    backdrop_kind = "plain"

    def compose(self, rect: pygame.Rect) -> None:
        body = game_bar(self, rect)
        self.funding_rows = {}
        self.summary = self.label((body.x, body.y, body.width, 28), "", tip="Each funded programme takes its money at the quarter's end. If the money set is more "
                       "than the cash in hand, every programme gets the same share of what there is. "
                       f"Money left unspent is partly clawed back ({rules.CLAWBACK * 100:.0f} %).")
        self._show_summary()
        self.label((body.x, body.y + 28, body.width, 22),
                   "Reliability is your engineers' estimate \u00b1 its uncertainty; flights narrow it. "
                   "Money buys progress with diminishing returns: watch the expected gain.", kind="#caption")
        table = pygame.Rect(body.x, body.y + 56, body.width, body.height - 56)
        self.panel(table)
        header = pygame.Rect(table.x + 10, table.y + 6, table.width - 36, 24)
        cols = self._columns(header)
        for col, (text, tip) in zip(cols, (
                ("Programme", "Hover a name for what it is, what it needs and what it makes possible."),
                ("Reliability (estimate)", "How often your engineers believe it works, \u00b1 their uncertainty."),
                ("Funding a quarter", "What it gets each quarter from now on. \u2212 and + change it."),
                ("Next quarter", "The gain in reliability this funding should buy, or how to start it.")),
                strict=True):
            self.cell((col.x, header.y, col.width, header.height), text, kind="#subheading", tip=tip)

        rows = self._rows()
        box = self.scroller((table.x + 4, table.y + 34, table.width - 8, table.height - 40),
                            len(rows) * ROW + 8)
        width = box.rect.width - (16 if len(rows) * ROW + 8 > box.rect.height else 0) - 12
        cols = self._columns(pygame.Rect(6, 0, width, ROW))

        def make(index: int) -> None:
            row, y = rows[index], 4 + index * ROW
            if isinstance(row, str):
                self.cell((6, y + 8, width, 30), row, kind="#heading", parent=box)
            elif isinstance(row, tuple):
                self._road_row(box, cols, y, row[1])
            else:
                self._programme_row(box, cols, y, row)

        self.lazy_rows(box, [(4 + i * ROW, 4 + (i + 1) * ROW) for i in range(len(rows))], make)

    @staticmethod
    def _columns(rect: pygame.Rect) -> list[pygame.Rect]:
        return columns(rect, (0.31, 0.2, 0.24, 0.25))

    def _rows(self) -> list:
        game, side = self.game, self.side
        owned = self.side_state.programmes
        rows: list = []
        # the roads to the Moon first: each road, then the programmes that are its own (a
        # programme on two roads is shown under the side's own road, else the first)
        placed: set[str] = set()
        own = self.side_state.road
        exclusive = game.content.road_programmes.get(side, {})
        road_list = roads.roads_of(game, side)
        if own is None and not any(game.state.quarter >= dates.parse_quarter(r.available) for r in road_list):
            road_list = []  # before the debate opens, the roads' programmes are listed with the rest
        if road_list:
            rows.append("Roads to the Moon")
        for road in sorted(road_list, key=lambda r: r.id != own):
            rows.append(("road", road))
            for prog_id in road.programmes:
                if prog_id in exclusive and prog_id not in placed:
                    placed.add(prog_id)
                    rows.append(game.content.programmes[prog_id])
        for kind, title in KINDS:
            group = [p for p in game.content.programmes.values() if p.kind == kind and game.may_have(side, p.id)
                     and p.id not in placed]
            if not group:
                continue
            # started first, then what may start now, then the rest: the tree read from the trunk out
            group.sort(key=lambda p: (p.id not in owned, game.why_not_start(side, p.id) is not None))
            rows.append(title)
            rows.extend(group)
        return rows

    def _programme_row(self, box, cols, y, definition) -> None:
        game, side, me = self.game, self.side, self.side_state
        state = me.programmes.get(definition.id)
        name_col, rel_col, fund_col, next_col = cols
        if definition.art:
            # the machine's side view, fitted to the row
            fitted = ICON if definition.kind == "rocket" else (ICON[1], ICON[1])
            self.image((name_col.x + (ICON[0] - fitted[0]) // 2, y + 3, fitted[0], fitted[1]),
                       vehicles.icon(definition.art, definition.kind, fitted),
                       tip=_programme_tip(game, definition), parent=box)
        indent = ICON[0] + 6 if definition.kind != "component" else 0
        # cells, not labels: a row's name and estimate do not change while the screen is open
        self.cell((name_col.x + indent, y + 4, name_col.width - indent, 30), definition.name,
                  tip=_programme_tip(game, definition), kind=None if state else "#muted", parent=box)
        if state is None:
            reason = game.why_not_start(side, definition.id)
            reason = reason and words.plain(reason, self.content)
            if reason is None and me.cash < definition.start_cost:
                reason = f"starting costs {definition.start_cost:g}, and only {me.cash:.0f} is in hand"
            locked = reason if game.why_not_start(side, definition.id) else None
            self.cell((rel_col.x, y + 4, rel_col.width, 30),
                      f"about {definition.reliability:.0f} % at start" if not locked else _short_reason(game, side, definition),
                      tip=f"A new {definition.name} starts near {definition.reliability:.0f} %." if not locked
                      else locked[0].upper() + locked[1:] + ".", kind="#muted", parent=box)
            self.button((next_col.x, y + 4, next_col.width, 32), f"Start  \u00b7  {words.money(definition.start_cost)}",
                        lambda p=definition.id: self._start(p), enabled=reason is None, parent=box,
                        tip=(f"Start {definition.name} for {words.money(definition.start_cost)}. Then fund it "
                             "each quarter to raise its reliability.") if reason is None
                        else f"Cannot start: {reason}.")
            return
        grounded = definition.id in me.grounded
        grounded_until = me.grounded_until.get(definition.id)
        estimate = rules.estimate(state)
        colour = "#good" if estimate >= 80 else "#warn" if estimate >= 55 else "#bad"
        text = words.estimate_text(state) + ("  (grounded)" if grounded else "")  # (until when: the tip)
        rush = rules.rush_penalty(definition, state)
        rushed = ""
        if rush:
            # the planner shows what it flies at: say so here, where the estimate alone is shown
            flies = explain.flies_at(definition, state)
            if not grounded:  # (both did not fit the column; grounded, it flies at nothing now)
                text += f"  rushed: {flies:.0f} %"
            rushed = (f"<br><b>Rushed: flown now it would be {flies:.0f} %, as the planner shows.</b> Until it has "
                      f"had {definition.min_quarters} funded quarters of development "
                      f"({words.quarters_to_go(definition, state)} to go) rushing takes {rush:.0f} points off.")
        self.cell((rel_col.x, y + 4, rel_col.width, 30), text, kind=colour, parent=box,
                  tip=words.estimate_tip(definition, state) + rushed
                  + (f"<br><b>Grounded: it may not fly before {dates.format_quarter(grounded_until)}.</b>"
                     if grounded_until else "<br><b>Grounded: politics keeps it from flying.</b>" if grounded else ""))
        step = words.funding_step(definition)
        small = min(40, fund_col.width // 4)
        minus = self.button((fund_col.x, y + 4, small, 32), "\u2212", lambda p=definition.id: self._fund(p, -step),
                            parent=box, kind="#small",
                            tip=f"Less money for {definition.name}: \u2212{words.money(step)} a quarter.")
        # made in the look they will have: changing a label's look later costs as much as making it
        amount = self.cell((fund_col.x + small + 4, y + 4, fund_col.width - 2 * small - 8, 30), "", parent=box)
        plus = self.button((fund_col.right - small, y + 4, small, 32), "+", lambda p=definition.id: self._fund(p, step),
                           parent=box, kind="#small",
                           tip=f"More money for {definition.name}: +{words.money(step)} a quarter.")
        gain = self.cell((next_col.x, y + 4, next_col.width, 30), "", parent=box)
        self.funding_rows[definition.id] = (minus, amount, plus, gain)
        self._show_funding(definition.id)

    def _road_row(self, box, cols, y, road) -> None:
        """A road to the Moon: its name, whether the side follows it, and the button to take it."""
        game, me = self.game, self.side_state
        name_col, rel_col, fund_col, next_col = cols
        ours = me.road == road.id
        title, status, kind, tip = views.road_lines(self.session, self.side, road.id)
        self.label((name_col.x, y + 4, name_col.width, 30), title, kind="#subheading", tip=tip, parent=box)
        self.label((rel_col.x, y + 4, rel_col.width + fund_col.width, 30), status, kind=kind, tip=tip, parent=box)
        if ours:
            return
        reason = roads.why_not_choose(game, self.side, road.id)
        text = "Follow this road" if me.road is None else f"Change road  \u00b7  {words.money(road.switch_cost)}"
        self.button((next_col.x, y + 4, next_col.width, 32), text, lambda r=road.id: self._choose(r),
                    enabled=reason is None, parent=box,
                    tip=(f"Take {road.name}: the other roads' own programmes are barred from then on."
                         if reason is None else f"Cannot: {reason}."))

    def _choose(self, road_id: str) -> None:
        result = self.game.execute(commands.ChooseRoad(self.side, road_id))
        name = self.content.roads[road_id].name
        if result:
            self.app.toast(f"The side follows {name} to the Moon.", art.GOOD)
        else:
            self.app.toast(f"{name}: {result.reason}.", art.BAD)
        self.refresh()

    def _show_summary(self) -> None:
        text, over = views.research_summary(self.session, self.side)
        self.summary.set_text(text)
        self.summary.change_object_id("#bad" if over else "#figure")

    def _show_funding(self, prog_id: str) -> None:
        """Fill in (or update after + and \u2212) one programme's money and what it buys."""
        me = self.side_state
        definition = self.content.programmes[prog_id]
        state = me.programmes[prog_id]
        minus, amount, plus, gain_label = self.funding_rows[prog_id]
        step = words.funding_step(definition)
        scale = rules.funding_scale(definition)
        for button, enabled in ((minus, state.funding > 0), (plus, state.funding + step <= commands.MAX_FUNDING)):
            if enabled and not button.is_enabled:
                button.enable()
            elif not enabled and button.is_enabled:
                button.disable()
        self.set_cell(amount, words.money(state.funding),
                      f"{words.money(state.funding)} a quarter. Progress grows with money but less and less: "
                      f"about {words.money(scale)} a quarter buys two thirds of what any amount could.",
                      "#figure" if state.funding else "#muted", "center")
        gain_text, gain_tip = views.research_outlook(self.session, self.side, prog_id)
        self.set_cell(gain_label, gain_text, gain_tip, None if state.funding else "#muted")

    def _start(self, programme: str) -> None:
        result = self.game.execute(commands.StartProgramme(self.side, programme))
        name = self.content.programmes[programme].name
        if result:
            # a started programme with no money stands still; give it its scale to begin
            scale = rules.funding_scale(self.content.programmes[programme])
            self.game.execute(commands.FundProgramme(self.side, programme, float(round(scale))))
            self.app.toast(f"{name} started, funded at {words.money(round(scale))} a quarter.", art.GOOD)
        else:
            self.app.toast(f"{name} cannot start: {words.plain(result.reason, self.content)}.", art.BAD)
        self.refresh()

    def _fund(self, programme: str, change: float) -> None:
        state = self.side_state.programmes[programme]
        amount = max(0.0, min(commands.MAX_FUNDING, state.funding + change))
        result = self.game.execute(commands.FundProgramme(self.side, programme, amount))
        if not result:
            self.app.toast(result.reason, art.BAD)
        # only this row and the totals change: cheaper than building the whole table again
        self._show_funding(programme)
        self._show_summary()
        refresh_cash_tip(self)


def _short_reason(game, side: str, definition) -> str:
    if roads.why_barred(game, side, definition.id):
        return "another road's: barred"
    if definition.available and game.state.quarter < dates.parse_quarter(definition.available):
        return f"from {definition.available}"
    owned = game.state.sides[side].programmes
    missing = [game.content.programmes[r].name for r in definition.requires if r not in owned]
    return "needs " + ", ".join(missing) if missing else "locked"


def _programme_tip(game, definition) -> str:
    lines = [f"<b>{definition.name}</b>: {definition.description}" if definition.description
             else f"<b>{definition.name}</b>"]
    if definition.requires:
        lines.append("Needs: " + ", ".join(game.content.programmes[r].name for r in definition.requires) + ".")
    if definition.provides:
        lines.append("Provides: " + ", ".join(words.capability(c) for c in definition.provides) + ".")
    if definition.kind == "rocket":
        lines.append(f"Lifts {definition.payload_t:g} t to orbit"
                     + (f", {definition.lunar_payload_t:g} t to the Moon" if definition.lunar_payload_t else "")
                     + f"; each launch costs {words.money(definition.unit_cost)}.")
    elif definition.kind == "spacecraft":
        seats = f"{definition.crew} seat{'s' if definition.crew != 1 else ''}" if definition.crew else "uncrewed"
        lines.append(f"{definition.mass_t:g} t, {seats}; each costs {words.money(definition.unit_cost)}.")
    lines.append(f"Development: {definition.min_quarters} funded quarters before it flies unrushed.")
    if definition.earliest:
        lines.append(f"It may fly from {definition.earliest}, and not before.")
    if definition.first_flight:
        lines.append(f"History: first launched {definition.first_flight}.")
    return "<br>".join(lines)
