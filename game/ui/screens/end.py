"""The end of the race: who won and why, the firsts, and charts of the money and prestige."""

from __future__ import annotations

import pygame

from game.core import dates, rules
from game.core.state import NATION, SHORT, SIDES
from game.ui import art, charts, words
from game.ui.widgets import Screen, columns


class EndScreen(Screen):
    backdrop_kind = "earth"

    def compose(self, rect: pygame.Rect) -> None:
        game, state = self.game, self.game.state
        margin = 24
        winner = state.winner
        era = game.era
        self.label((margin, 14, rect.width - 2 * margin, 22),
                   f"THE RACE IS OVER  \u00b7  {words.month_name(state.end_month or 1).upper()} {state.end_year}",
                   kind="#caption")
        headline = f"{words.upper_first(NATION[winner])} wins the {era.name}" if winner else f"Nobody wins the {era.name}"
        fits = art.font(46, True).size(headline)[0] < rect.width - 2 * margin - 20
        self.label((margin, 34, rect.width - 2 * margin, 64), headline, kind="#title" if fits else "#big",
                   tip=era.goal.description)
        self.label((margin, 94, rect.width - 2 * margin, 30), self._verdict(), kind="#subtitle")
        body = pygame.Rect(margin, 130, rect.width - 2 * margin, rect.height - 130 - 76)
        left, right = columns(body, [44, 56], gap=16)
        self.panel(left)
        self.label((left.x + 14, left.y + 8, left.width - 28, 28), "How the race went", kind="#heading",
                   tip="The firsts of this game in order, and what your engineers never knew.")
        self.text((left.x + 14, left.y + 42, left.width - 24, left.height - 50), self._story())
        # prestige, budget, and the truth about the machines' reliability (support too, when there is room)
        viewers = self.session.humans()
        count = len(charts.charts(self.game, viewers, True))
        which = [0, 1] + list(range(3, count)) if count > 4 else list(range(count))
        if len(which) < 4:
            which = [0, 1, 2, 3][:count]
        chart_w, chart_h = (right.width - 12) // 2, (right.height - 12) // 2
        for i, (tip, picture) in enumerate(charts.draw(self.game, viewers, True, (chart_w, chart_h), which[:4])):
            area = pygame.Rect(right.x + (i % 2) * (chart_w + 12), right.y + (i // 2) * (chart_h + 12), chart_w, chart_h)
            self.image(area, picture, tip=tip)
        buttons = [("Chronicle  (T)", lambda: self.app.navigate("chronicle"), "Both sides' firsts against history."),
                   ("Save charts", self._export, "Save every chart as one PNG picture in the screenshots folder."),
                   ("New game", self._new_game, "Choose a side and an era again."),
                   ("Title screen  (Return)", self.main_action, "Back to the title screen."),
                   ("Quit", self._quit, "Close the game.")]
        width = min(220, (rect.width - 2 * margin - 12 * (len(buttons) - 1)) // len(buttons))
        x = rect.width - margin - len(buttons) * width - 12 * (len(buttons) - 1)
        for text, action, tip in buttons:
            self.button((x, rect.height - 60, width, 44), text, action, tip=tip,
                        kind="#primary" if text.startswith("Title") else None)
            x += width + 12

    def _verdict(self) -> str:
        game, state = self.game, self.game.state
        session = self.session
        goal = game.content.firsts[game.era.goal.first]
        won = state.firsts.get(goal.id, [])
        if state.dismissed:
            out = state.sides[state.dismissed]
            who = "Congress and the President" if state.dismissed == "usa" else "The Presidium"
            how = (f"{who} replaced {out.leader}: support stayed under "
                   f"{game.content.sides[state.dismissed].review.support_below:g} % for too long.")
        elif state.winner and won and won[0].side == state.winner:
            how = f"{goal.name}, {dates.MONTH_NAMES[won[0].month - 1]} {won[0].year}."
        elif game.era.goal.fallback != "none":
            fallback = game.era.goal.fallback
            values = {s: getattr(state.sides[s], fallback) for s in SIDES}
            how = f"Nobody achieved the goal by the end; {fallback} decided: USA {values['usa']:.0f}, " \
                  f"USSR {values['ussr']:.0f}."
        else:
            how = "Nobody achieved the goal before the era's end."
        if not session.hot_seat and state.winner:
            how = ("You win. " if state.winner == session.player else "You lose. ") + how
        return how

    def _story(self) -> list[tuple]:
        game, state = self.game, self.game.state
        events = sorted((w for won in state.firsts.values() for w in won
                         if dates.quarter_of_month(w.year, w.month) >= state.start),
                        key=lambda w: (w.year, w.month, w.day, w.rank))
        items: list[tuple] = []
        for w in events:
            name = game.content.firsts[w.first].name
            items.append((f"{words.month_text(w.year, w.month)}   {SHORT[w.side]}: {name}"
                          + ("  \u2022" if w.rank == 0 else ""), art.SIDE_COLOUR[w.side], 15, w.rank == 0))
        if not items:
            items.append(("No firsts were won in this era.", art.MUTED))
        # the roads to the Moon each side took, now that the race is over (the log says when)
        taken = [(e.quarter, e.side, e.text) for e in state.log if e.kind == "news" and e.side in SHORT
                 and ("chooses its road to the Moon" in e.text or "changes road" in e.text)]
        held = [(side, game.content.roads[state.sides[side].road].name) for side in SHORT if state.sides[side].road]
        if taken or held:
            items.append(("The roads to the Moon", art.MUTED, 14, True))
            for quarter, side, text in taken:
                items.append((f"{words.quarter_short(quarter)}   {text}", art.SIDE_COLOUR[side], 14))
            if not taken:
                items.extend((f"{SHORT[side]}: {name}", art.SIDE_COLOUR[side], 14) for side, name in held)
        for side in self.session.humans():
            me = state.sides[side]
            programmes = sorted(me.programmes.items(), key=lambda kv: -kv[1].flights)[:6]
            if not programmes:
                continue
            items.append((f"What {SHORT[side]}'s engineers believed, and the truth", art.MUTED, 14, True))
            for prog_id, prog in programmes:
                items.append((f"{game.content.programmes[prog_id].name}: believed {rules.estimate(prog):.0f} %, "
                              f"really {prog.reliability:.0f} %", art.TEXT))
        return items

    def _export(self) -> None:
        export_charts(self.app, True)

    def main_action(self) -> None:
        self.app.quit_to_title()

    def _new_game(self) -> None:
        from game.ui.screens.newgame import NewGameScreen
        from game.ui.screens.title import TitleScreen

        self.app.session = None
        self.app.reset(TitleScreen(self.app), NewGameScreen(self.app))

    def _quit(self) -> None:
        self.app.running = False

    def escape(self) -> bool:
        return True  # nothing to go back to: the buttons say where to go


def export_charts(app, over: bool) -> None:
    """Save the charts the player may see as a PNG in the screenshots folder, and say where."""
    try:
        path = app.storage.screenshot_path().with_name(
            "charts-" + app.storage.screenshot_path().name.removeprefix("spacerace-"))
        charts.export(app.session.game, app.session.humans() if over else (app.session.side,), over, path)
    except (OSError, pygame.error) as err:
        app.toast(f"The charts were not saved: {err}", art.BAD)
        return
    app.toast(f"Charts saved: {path}", art.GOOD)
