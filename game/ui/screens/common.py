"""The bar along the top of every in-game screen: who and when, the money and standing
figures with what moves them, and a button to each main screen."""

from __future__ import annotations

import pygame

from game.core import rules
from game.core.state import rival_of
from game.ui import words

MARGIN = 16

NAV = (("hq", "Headquarters", "H", "Your office: the news, the quarter's plans, and ending the turn."),
       ("research", "Research", "R", "Start programmes and set what each gets a quarter."),
       ("missions", "Missions", "M", "Plan launches: the mission, rocket, spacecraft, crew and month."),
       ("crews", "Crews", "C", "Your astronauts or cosmonauts: skills, morale and training."),
       ("intel", "Rival file", "I", "What your intelligence believes of the rival: its programmes, "
        "how reliable, what it has built, what it may fly next."),
       ("chronicle", "Chronicle", "T", "Both sides' firsts against history's dates."))


def columns(rect: pygame.Rect, shares: tuple[float, ...]) -> list[pygame.Rect]:
    """A table's columns across ``rect``, each taking its share of the width, 8 px apart."""
    out, x = [], rect.x
    for share in shares:
        width = int(rect.width * share)
        out.append(pygame.Rect(x, rect.y, width - 8, rect.height))
        x += width
    return out


def bar_height(screen_height: int) -> int:
    return 100 if screen_height >= 700 else 96


def game_bar(screen, rect: pygame.Rect) -> pygame.Rect:
    """Draw the bar; returns the rect left for the screen's body."""
    app = screen.app
    game = screen.game
    side = screen.side
    me = game.state.sides[side]
    height = bar_height(rect.height)
    screen.panel((0, 0, rect.width, height), "#bar")
    state = game.state

    from game.ui import poster

    era = game.era
    figures = bar_figures(game, side)
    count = len(figures)
    block = max(96, min(140, (rect.width - 360 - 2 * MARGIN) // count))
    # the name and the date take what the figures leave, up to 460 px: they never run under the figures
    left_width = min(460, rect.width * 36 // 100, rect.width - 2 * MARGIN - block * count - 8)
    screen.image((MARGIN, 8, 44, 44), poster.emblem_for(side, 44, state.quarter), tip=f"The emblem of {words.SIDE_NAME[side]}'s programme.")
    left = MARGIN + 52
    left_width -= 52
    screen.label((left, 4, left_width, 22), f"{words.SIDE_NAME[side]}  \u00b7  {me.leader}",
                 tip=f"You play {words.LEADER_TITLE[side]} for {words.SIDE_NAME[side]}. "
                     f"The rival is {app.session.rival_description()}.", kind=f"#{side}")
    screen.label((left, 25, left_width, 28),
                 f"{words.quarter_short(state.quarter)}  \u00b7  turn {state.turn + 1} of {state.end - state.start + 1}",
                 tip=f"{words.quarter_long(state.quarter)}. {era.name} ({era.years}). One turn is a quarter; launches happen in the month you book. "
                     f"{words.turns_left(state)} turn{'s' if words.turns_left(state) != 1 else ''} left "
                     f"including this one.", kind="#date")

    x = rect.width - MARGIN - block * len(figures)
    screen.figures = {}
    for caption, value, tip in figures:
        # cells: the bar is made again with its screen, never changed in place
        screen.figures[caption] = (screen.cell((x, 6, block - 8, 18), caption.upper(), tip=tip, kind="#caption"),
                                   screen.cell((x, 24, block - 8, 30), value, tip=tip, kind="#figure"))
        x += block

    nav_y = height - 40
    count = len(NAV) + 1
    width = max(110, min(170, (rect.width - 2 * MARGIN - 8 * (count - 1)) // count))
    x = MARGIN
    for key, name, letter, tip in NAV:
        selected = screen.nav == key
        screen.button((x, nav_y, width, 34), f"{name} ({letter})", lambda k=key: app.navigate(k),
                      tip=f"{tip} Key: {letter}.", kind="#nav", tail=True, selected=selected)
        x += width + 8
    screen.button((x, nav_y, width, 34), "Menu (Esc)", app.escape_to_menu,
                  tip="Save, load, settings, how to play, or leave the game. Key: Esc at headquarters.",
                  kind="#nav", tail=True)
    return pygame.Rect(MARGIN, height + 12, rect.width - 2 * MARGIN, rect.height - height - 12 - MARGIN)


def bar_figures(game, side: str) -> list[tuple[str, str, str]]:
    """The figures along the top bar: (caption, value, what moves it)."""
    me = game.state.sides[side]
    them = game.state.sides[rival_of(side)]
    figures = [
        ("Cash", words.money(me.cash), cash_tip(game, side)),
        ("Budget", f"{words.money(arriving(me))}/q", budget_tip(me, side)),
        ("Prestige", f"{me.prestige:.0f} : {them.prestige:.0f}", prestige_tip(me, them, side, game.content.sides)),
        ("Support", f"{me.support:.0f} %", support_tip(me, side)),
    ]
    if game.content.sides[side].leader_strain is not None:  # the Chief Designer who ran too much at once
        figures.append(("Korolev" if me.leader_health > 0 else "Health", f"{me.leader_health:.0f} %",
                        "The Chief Designer's health. Running more than five funded programmes at once "
                        "wears him down; a few rests restore him. If it fails, events follow."))
    if game.era.goal.fallback == "expertise" or me.expertise and game.state.era == "rockets":
        figures.append(("Expertise", f"{me.expertise:.0f}",
                        "V-2 know-how: captured engineers, factories and papers. It speeds rocket research "
                        f"(+{rules.EXPERTISE_BONUS * me.expertise * 100:.0f} % now); in the rockets era the "
                        "most expertise wins at the end date."))
    return figures


def refresh_cash_tip(screen) -> None:
    """After the research money changes, the cash figure's explanation changes with it."""
    tip = cash_tip(screen.game, screen.side)
    for label in screen.figures.get("Cash", ()):
        label.set_tooltip(tip, delay=0.5, wrap_width=360)


def cash_tip(game, side: str) -> str:
    me = game.state.sides[side]
    research = sum(p.funding for p in me.programmes.values())
    booked = sum(m.cost for m in me.missions)
    lines = [f"Money in hand: {words.money(me.cash)}.",
             f"Research will take {words.money(research)} of it at the quarter's end "
             f"(launches booked so far cost {words.money(booked)}, paid when booked).",
             f"Then {rules.CLAWBACK * 100:.0f} % of what is left goes back to the treasury, "
             f"and next quarter's budget of {words.money(arriving(me))} arrives."]
    if me.file.spending or me.file.paid:
        lines.append(f"Intelligence took {words.money(me.file.paid)} as the quarter opened and is set to take "
                     f"{words.money(me.file.spending)} a quarter (Rival file, I).")
    if me.bureau_share:
        lines.append(f"{words.upper_first(words.rival_services(side))} take {me.bureau_share * 100:.0f} % "
                     f"of the {words.money(me.budget)} budget first.")
    if research > me.cash:
        lines.append("<b>You have set more research than you have money: each programme gets only a share.</b>")
    return "<br>".join(lines)


def arriving(me) -> float:
    """The money that comes in each quarter: the budget less what rival bureaus take first."""
    return me.budget * (1 - me.bureau_share)


def budget_tip(me, side: str) -> str:
    who = "Congress" if side == "usa" else "The Kremlin"
    share = (f" {words.upper_first(words.rival_services(side))} take {me.bureau_share * 100:.0f} % of it first, "
             f"so {words.money(arriving(me))} arrives.") if me.bureau_share else ""
    return (f"{words.money(me.budget)} a quarter.{share} {who} sets next year's budget at each year's end from your "
            f"support ({me.support:.0f} % now): 50 % support gives the base of {words.money(me.base_budget)}, "
            f"100 % one and a half times that. The base itself grows a little each year and with some events.")


def prestige_tip(me, them, side: str, sides: dict) -> str:
    mine, rival = sides[side], sides[rival_of(side)]
    def cost(traits) -> str:
        if not traits.public_failures:
            return f"the {traits.name}'s failures are secret and cost it little"
        return (f"the {traits.name} loses {traits.failure_prestige:g} for each public failure and "
                f"{traits.death_prestige:g} for each crew lost")
    return (f"World opinion: you {me.prestige:.0f}, the {rival.name} {them.prestige:.0f}. "
            f"Won by firsts (the first ever counts in full, the second a third) and other successes; "
            f"{cost(mine)}; {cost(rival)}.")


def support_tip(me, side: str) -> str:
    who = "Congress and the public" if side == "usa" else "Khrushchev and the Presidium"
    return (f"How much {who} back you: {me.support:.0f} %. Firsts raise it; the rival's firsts "
            f"{'shock Congress into paying more' if side == 'usa' else 'count against you'}; failures, deaths "
            "and some events lower it. It drifts back toward 50 % and sets next year's budget.")
