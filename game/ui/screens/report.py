"""The turn report: what happened to your programme, and what the rival let the world know."""

from __future__ import annotations

import pygame

from game.core import explain, rules
from game.core.state import SHORT, rival_of
from game.ui import art, words
from game.ui.widgets import Screen, columns

OUTCOME_WORDS = {"success": "success", "scrubbed": "scrubbed, rebooked", "aborted": "aborted",
                 "lost": "vehicle lost", "crew_lost": "crew lost"}


class ReportScreen(Screen):
    backdrop_kind = "plain"

    def __init__(self, app, review: bool = False):
        super().__init__(app)
        self.review = review

    def compose(self, rect: pygame.Rect) -> None:
        session = self.session
        quarter = session.resolved_quarter if session.resolved_quarter is not None else self.game.state.quarter
        margin = 24
        self.label((margin, 14, rect.width - 2 * margin, 22),
                   f"{words.SIDE_NAME[self.side].upper()}  \u00b7  THE QUARTER'S REPORT", kind="#caption")
        self.label((margin, 36, rect.width - 2 * margin, 44), words.quarter_long(quarter), kind="#big",
                   tip="What happened in the quarter just played out.")
        body = pygame.Rect(margin, 92, rect.width - 2 * margin, rect.height - 92 - 76)
        left, right = columns(body, [52, 48], gap=16)
        for area, title, tip, items in (
                (left, "Your programme", "Your launches, research, money and standing.", self._mine(quarter)),
                (right, f"The world  \u00b7  what the {SHORT[rival_of(self.side)]} let it know",
                 "The rival's launches and firsts as announced, and the news. Soviet failures stay secret.",
                 self._world(quarter))):
            self.panel(area)
            self.label((area.x + 14, area.y + 8, area.width - 28, 28), title, kind="#heading", tip=tip)
            self.text((area.x + 14, area.y + 44, area.width - 24, area.height - 52), items)
        label = "Back  (Return)" if self.review else "Continue  (Return)"
        # bottom left: where headquarters has its news, not its End turn, so a second click lands on nothing
        self.button((margin, rect.height - 60, 260, 44), label, self.main_action, kind="#primary",
                    tip="Back to headquarters." if self.review else "On to the new quarter at headquarters.")

    def _mine(self, quarter: int) -> list[tuple]:
        game, side, session = self.game, self.side, self.session
        me = game.state.sides[side]
        items: list[tuple] = []
        own = [r for r in session.visible_launches(side) if r.side == side]
        items.append(("Launches", art.MUTED, 14, True))
        if not own:
            items.append(("None flew this quarter.", art.TEXT))
        for report in own:
            name = game.content.missions[report.type].name
            colour = art.GOOD if report.outcome == "success" else art.BAD if report.outcome in ("lost", "crew_lost") \
                else art.WARN
            text = f"{words.month_name(report.month)[:3]} {report.day}: {name}: {OUTCOME_WORDS[report.outcome]}"
            if report.firsts:
                text += "  \u2022 " + ", ".join(game.content.firsts[f].name for f in report.firsts)
            items.append((text, colour))
        before = session.before.get(side)
        if before is not None:
            changes = []
            for prog_id, prog in me.programmes.items():
                now = rules.estimate(prog)
                was = before.estimates.get(prog_id)
                if was is None:
                    changes.append((f"{game.content.programmes[prog_id].name}: started, about {now:.0f} %", art.GOOD))
                elif abs(now - was) >= 0.5:
                    colour = art.GOOD if now > was else art.BAD
                    changes.append((f"{game.content.programmes[prog_id].name}: {was:.0f} % \u00bb {now:.0f} %", colour))
            items.append(("Research (your engineers' estimates)", art.MUTED, 14, True))
            if not changes:  # funded near its ceiling, a programme gains less than the half point shown
                funded = any(p.funding > 0 for p in me.programmes.values())
                changes = [("No estimate moved by half a point: near its ceiling a programme gains little "
                            "for its money." if funded else "No programme moved: fund them in Research (R).",
                            art.TEXT)]
            items.extend(changes)
            items.append(("Money and standing", art.MUTED, 14, True))
            items.append((f"Cash {words.money(before.cash)} \u00bb {words.money(me.cash)}   \u00b7   budget "
                          f"{words.money(me.budget)} a quarter", art.TEXT))
            taken = explain.clawed_back(me)
            if taken >= 0.5:
                advice = "" if game.state.over else ": book launches or fund research to keep it"
                items.append((f"{words.money(taken)} left unspent went back to the treasury "
                              f"({rules.CLAWBACK * 100:.0f} % of what was left){advice}.", art.WARN, 15, True))
            else:
                items.append((f"Research took what you set, {rules.CLAWBACK * 100:.0f} % of what was left went back "
                              "to the treasury, and the new quarter's budget came in.", art.MUTED, 13))
            items.append((f"Prestige {before.prestige:.0f} \u00bb {me.prestige:.0f}   \u00b7   support "
                          f"{before.support:.0f} % \u00bb {me.support:.0f} %", art.TEXT))
        own_news = []
        for entry in session.quarter_news(side, quarter):
            if entry.side != side or entry.kind not in ("event", "death", "budget", "news", "first"):
                continue
            if entry.kind == "event":
                if ": " not in entry.text:
                    continue  # an event that arrived: it is listed below as waiting
                own_news.append((f"You decided: {entry.text}", art.KIND_COLOUR["event"]))
            else:
                own_news.append((entry.text, art.KIND_COLOUR.get(entry.kind, art.TEXT)))
        if own_news:
            items.append(("At home", art.MUTED, 14, True))
            items.extend((text + (f"  (\u00d7{times})" if times > 1 else ""), colour)
                         for (text, colour), times in words.fold_repeats(own_news))
        if me.pending_events and not game.state.over:  # at the end no card is answered: promise none
            titles = ", ".join(game.content.events[e].title for e in me.pending_events)
            items.append((f"Waiting for your answer: {titles}.", art.WARN, 15, True))
        return items

    def _world(self, quarter: int) -> list[tuple]:
        game, side, session = self.game, self.side, self.session
        rival = rival_of(side)
        items: list[tuple] = []
        theirs = [r for r in session.visible_launches(side) if r.side == rival]
        items.append((f"{SHORT[rival]} launches announced", art.MUTED, 14, True))
        if not theirs:
            items.append(("None that the world heard of.", art.TEXT))
        for report in theirs:
            name = game.content.missions[report.type].name
            text = f"{words.month_name(report.month)[:3]} {report.day}: {name}: {OUTCOME_WORDS[report.outcome]}"
            if report.firsts:
                text += "  \u2022 " + ", ".join(game.content.firsts[f].name for f in report.firsts)
            items.append((text, art.SIDE_COLOUR[rival]))
        news = [e for e in session.quarter_news(side, quarter) if e.side != side and e.kind != "launch"]
        items.append(("News", art.MUTED, 14, True))
        for (text, kind), times in words.fold_repeats([(e.text, e.kind) for e in news]):
            items.append((text + (f"  (\u00d7{times})" if times > 1 else ""), art.KIND_COLOUR.get(kind, art.TEXT), 15,
                          kind == "first"))
        if not news:
            items.append(("Quiet.", art.TEXT))
        them = game.state.sides[rival]
        items.append((f"World opinion: {SHORT[side]} {game.state.sides[side].prestige:.0f}, "
                      f"{SHORT[rival]} {them.prestige:.0f}.", art.MUTED))
        return items

    def main_action(self) -> None:
        if self.review:
            self.app.pop()
        else:
            self.app.after_report()

    def escape(self) -> bool:
        self.main_action()
        return True
