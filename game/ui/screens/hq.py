"""Headquarters: the news, the quarter's business, the way to everything, the end of the turn."""

from __future__ import annotations

import pygame

from game.core import dates, rules
from game.ui import art, views, words
from game.ui.screens.common import game_bar
from game.ui.widgets import Screen, columns, paragraphs

NEWS_SHOWN = 40  # entries; older news is in the chronicle and the reports


class HeadquartersScreen(Screen):
    in_game = True
    nav = "hq"
    backdrop_kind = "plain"

    def compose(self, rect: pygame.Rect) -> None:
        body = game_bar(self, rect)
        left, right = columns(body, [56, 44], gap=16)
        self._news(left)
        self._business(right)

    # --- the news ---------------------------------------------------------------------

    def _news(self, rect: pygame.Rect) -> None:
        self.panel(rect)
        self.label((rect.x + 14, rect.y + 8, rect.width - 28, 28), "News", kind="#heading",
                   tip="What you have heard: your own programme's news, and what the rival let the world "
                       "know. Soviet failures are secret; American ones are in every paper.")
        entries = list(reversed(self.game.visible_log(self.side)))[:NEWS_SHOWN]
        items: list[tuple] = []
        quarter = None
        # the same news line over and over (nine satellites in a row) is said once, with how many
        lines = [(e.quarter, e.month, e.kind, e.side, e.text) for e in entries]
        for (entry_quarter, month, kind, side, text), times in words.fold_repeats(
                lines, key=lambda line: (line[0],) + line[2:]):
            if entry_quarter != quarter:
                quarter = entry_quarter
                items.append((words.quarter_long(quarter), art.MUTED, 14, True))
            colour = art.KIND_COLOUR.get(kind, art.TEXT)
            if kind == "launch" and side and side != self.side:
                colour = art.SIDE_COLOUR[side]
            items.append((f"{dates.MONTH_NAMES[month - 1][:3]}   {text}" + (f"  (\u00d7{times})" if times > 1 else ""),
                          colour, 15, kind == "first"))
        if not items:
            items = [("No news yet.", art.MUTED)]
        self.text((rect.x + 14, rect.y + 42, rect.width - 24, rect.height - 52), items)

    # --- the quarter's business -----------------------------------------------------------

    def _business(self, rect: pygame.Rect) -> None:
        buttons_h = 48
        y = self._race(rect)
        y = self._waiting(rect, y)
        bottom = rect.bottom - buttons_h - 40
        y = self._this_quarter(rect, y, bottom)
        if bottom - y > 90:
            self._programmes(pygame.Rect(rect.x, y, rect.width, bottom - y))
        self._turn_buttons(rect, buttons_h)

    def _race(self, rect: pygame.Rect) -> int:
        """The era's goal, what decides it at the end, and the firsts so far; returns the y below."""
        era = self.game.era
        block = art.text_block(paragraphs(views.race_lines(self.session, self.side)), rect.width - 28)
        height = 44 + block.get_height()
        self.panel((rect.x, rect.y, rect.width, height))
        self.label((rect.x + 14, rect.y + 8, rect.width - 28, 28), f"The race: {era.name}", kind="#heading",
                   tip=era.description)
        self.image((rect.x + 14, rect.y + 40, block.get_width(), block.get_height()), block)
        return rect.y + height + 10

    def _waiting(self, rect: pygame.Rect, y: int) -> int:
        """The event cards waiting for an answer, a button each; returns the y below."""
        pending = self.side_state.pending_events
        if not pending:
            return y
        inner = rect.width - 28
        height = 44 + 40 * min(3, len(pending))
        self.panel((rect.x, y, rect.width, height))
        self.label((rect.x + 14, y + 8, inner, 28), "Waiting for your answer", kind="#heading",
                   tip="Events must be answered before the turn can end.")
        for i, event_id in enumerate(pending[:3]):
            event = self.content.events[event_id]
            self.button((rect.x + 14, y + 40 + 40 * i, inner, 34), f"{i + 1}.  {event.title}",
                        lambda e=event_id: self.app.push(_event_screen(self.app, e)), kind="#primary",
                        align="left", tip=f"Open the card and choose. Key: {i + 1}.")
        return y + height + 10

    def _this_quarter(self, rect: pygame.Rect, y: int, bottom: int) -> int:
        """The launches booked, the research money, a stand-down, the rival file's warnings."""
        inner = rect.width - 28
        lines = views.quarter_lines(self.session, self.side)
        block = art.text_block([(t[0], t[1], t[2], False) for t in lines], inner)
        height = min(bottom - y, 46 + block.get_height())
        if height <= 70:
            return y
        self.panel((rect.x, y, rect.width, height))
        self.label((rect.x + 14, y + 8, inner, 28), "This quarter", kind="#heading",
                   tip="Launches booked for this quarter (month, mission, and the chance of success "
                       "your engineers believe), where the research money goes, and any first your file "
                       "on the rival says it may try within a quarter (Rival file, I).")
        self.text((rect.x + 14, y + 40, inner, height - 44), [(t[0], t[1], t[2]) for t in lines])
        return y + height + 10

    def _turn_buttons(self, rect: pygame.Rect, buttons_h: int) -> None:
        """What to do next, the last report, and End turn."""
        pending = self.side_state.pending_events
        hint = self._next_step()
        self.text((rect.x, rect.bottom - buttons_h - 34, rect.width, 30),
                  [(hint, art.WARN if pending else art.MUTED, 14, bool(pending))])
        half = (rect.width - 10) // 2
        has_report = self.session.resolved_quarter is not None
        self.button((rect.x, rect.bottom - buttons_h, half, buttons_h), "Last quarter's report",
                    self._report, enabled=has_report,
                    tip="What happened last quarter: launches, research, money and the world's news."
                    if has_report else "There is no report until a quarter has passed.")
        end_tip = ("End your turn: the rival plans, then the quarter plays out (research, events, launches by "
                   "month, budgets) and you see what happened. Key: Return.")
        if pending:
            end_tip += "<br><b>First answer the events waiting for you.</b>"
        self.button((rect.x + half + 10, rect.bottom - buttons_h, rect.width - half - 10, buttons_h),
                    "End turn  (Return)", self.main_action, kind="#primary", tip=end_tip)

    def _programmes(self, rect: pygame.Rect) -> None:
        """The started programmes at a glance, the most funded first."""
        me = self.side_state
        programmes = sorted(me.programmes.items(), key=lambda kv: (-kv[1].funding, -rules.estimate(kv[1])))
        self.panel(rect)
        self.label((rect.x + 14, rect.y + 8, rect.width - 28, 28), "Your programmes", kind="#heading",
                   tip="Reliability as your engineers estimate it, and the money each gets a quarter. "
                       "Research (R) changes it.")
        row = 24
        shown = programmes[:max(0, (rect.height - 46) // row)]
        for i, (prog_id, prog) in enumerate(shown):
            definition = self.content.programmes[prog_id]
            y = rect.y + 40 + i * row
            estimate = rules.estimate(prog)
            kind = "#good" if estimate >= 80 else "#warn" if estimate >= 55 else "#bad"
            self.label((rect.x + 14, y, rect.width - 230, row), definition.name, tip=definition.description)
            self.label((rect.right - 220, y, 110, row), words.estimate_text(prog), kind=kind,
                       tip=words.estimate_tip(definition, prog), align="right")
            self.label((rect.right - 104, y, 90, row), f"{words.money(prog.funding)}/q" if prog.funding else "unfunded",
                       kind=None if prog.funding else "#muted", align="right",
                       tip=f"{definition.name} gets {words.money(prog.funding)} a quarter.")

    def _next_step(self) -> str:
        me = self.side_state
        game = self.game
        if me.pending_events:
            return "An event waits for your answer (1) before the turn can end."
        if not any(p.funding > 0 for p in me.programmes.values()):
            return "Nothing is being researched: Research (R) sets the money."
        if not any(m.quarter == game.state.quarter for m in me.missions):
            return "Plan a launch in Missions (M), or end the turn (Return)."
        return "Ready: end the turn (Return) and see the quarter play out."

    def _report(self) -> None:
        from game.ui.screens.report import ReportScreen

        self.app.push(ReportScreen(self.app, review=True))

    def main_action(self) -> None:
        if self.side_state.pending_events:
            self.app.open_pending_event()
            self.app.toast("Answer the event first: the turn cannot end while it waits.", art.WARN)
            return
        unspent = self.unspent()
        asked = (self.side, self.game.state.quarter)
        if unspent and self.app.settings.ask_empty_turn and asked not in self.session.asked_empty:
            from game.ui.screens.dialogs import QuestionScreen

            self.session.asked_empty.add(asked)  # once a turn: back to planning, then End turn, ends it

            self.app.push(QuestionScreen(
                self.app, "End the turn with nothing planned?",
                f"No launch is booked this quarter and {words.money(unspent)} would stay unspent after research: "
                f"{rules.CLAWBACK * 100:.0f} % of what is left goes back to the treasury at the quarter's end. "
                "Missions (M) books a launch; Research (R) spends on programmes.",
                yes=("End the turn anyway", self.app.end_turn), no="Back to planning",
                never=("End it, and do not ask again", self._end_and_stop_asking)))
            return
        self.app.end_turn()

    def unspent(self) -> float:
        """The money left after research when nothing is booked this quarter; 0 when the turn has a plan."""
        me = self.side_state
        if any(m.quarter == self.game.state.quarter for m in me.missions):
            return 0.0
        left = me.cash - sum(p.funding for p in me.programmes.values())
        return left if left >= 1 else 0.0

    def _end_and_stop_asking(self) -> None:
        self.app.settings.ask_empty_turn = False
        self.app.save_settings()
        self.app.end_turn()

    def on_key(self, event) -> bool:
        pending = self.side_state.pending_events
        index = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2}.get(event.key)
        if index is not None and index < len(pending):
            self.app.push(_event_screen(self.app, pending[index]))
            return True
        return False


def _event_screen(app, event_id):
    from game.ui.screens.event import EventScreen

    return EventScreen(app, event_id)
