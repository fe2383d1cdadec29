"""Multi-launch missions: two launches booked together that meet in Earth orbit.

A mission type with ``joint`` names the mission type its other launch flies (the EOR
tanker, the Soyuz complex's 9K rocket block). ``PlanMission`` books both at once, with a
rocket, craft and pad for each and every article both spend (``check``). In the month
booked the other launch flies first; if it fails, the crew's launch stays on the ground
(its hardware goes back to stock) and the mission has failed. If it succeeds, the crew's
launch flies its own steps, the rendezvous among them. A scrub of the other launch waits
for the next quarter with its partner; a scrub of the crew's launch once its partner is in
orbit loses the partner's part: the mission is aborted. Each launch has its own report.
"""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace
from typing import TYPE_CHECKING

from game.core import turn
from game.core.state import LaunchReport, Mission

if TYPE_CHECKING:
    from game.core.game import Game, Hardware


def check(game: Game, side: str, mission, hardware: Hardware, rocket2: str | None, spacecraft2: str | None):
    """(reason, None) why the two launches cannot be booked, or (None, (hardware2, pad, pad2))."""
    other = game.content.missions[mission.joint]
    if rocket2 is None:
        return f"the {mission.name.lower()} flies on two launches: name the rocket for the {other.name.lower()}", None
    hardware2 = game.hardware(side, other, rocket2, spacecraft2)
    if isinstance(hardware2, str):
        return f"{other.name}: {hardware2}", None
    held = game.why_not_fly_now(side, other, hardware2)
    if held:
        return f"{other.name}: {held}", None
    missing = missing_articles(game, side, hardware, hardware2)
    if missing:
        return "no " + " or ".join(missing) + " built and in hand for both launches: order more first", None
    pad, reason = game.why_no_pad(side, hardware.rocket)
    if reason:
        return reason, None
    pad2, reason = second_pad(game, side, hardware2.rocket, pad)
    if reason:
        return f"{other.name}: {reason}", None
    return None, (hardware2, pad, pad2)


def articles(game: Game, hardware: Hardware, hardware2: Hardware) -> list[str]:
    return list(game.articles_needed(hardware)) + list(game.articles_needed(hardware2))


def missing_articles(game: Game, side: str, hardware: Hardware, hardware2: Hardware) -> list[str]:
    """The names of the articles the two launches need more of than the side holds."""
    stock = game.state.sides[side].articles
    needed = Counter(articles(game, hardware, hardware2))
    return [f"{n} {game.content.programmes[p].name}" if n > 1 else game.content.programmes[p].name
            for p, n in needed.items() if stock.get(p, 0) < n]


def second_pad(game: Game, side: str, rocket, first_pad: str | None) -> tuple[str | None, str | None]:
    """A free pad for the other launch, the crew's launch holding ``first_pad``."""
    if not game.content.pads:
        return None, None
    for pad, left in game.pad_slots(side, rocket.id):
        if left - (1 if pad == first_pad else 0) > 0:
            return pad, None
    return None, f"no second pad free for {rocket.name} this quarter"


def odds(game: Game, side: str, mission, hardware: Hardware, hardware2: Hardware, crew) -> float:
    """The believed chance that both launches and the meeting in orbit succeed."""
    other = game.content.missions[mission.joint]
    return game.odds(side, other, hardware2, []).success * game.odds(side, mission, hardware, crew).success


# --- flying -------------------------------------------------------------------------------

def roll(game: Game, side: str, mission, hardware: Hardware, crew, report: LaunchReport,
         can_scrub: bool = True) -> tuple[str, dict[str, bool]]:
    """Each step in turn against the true odds (``turn.roll_steps``, with no stop for a
    decision): the outcome and, for each programme flown, whether it failed."""
    chances = game.step_chances(side, mission, hardware, crew, believed=False)
    flown: dict[str, bool] = {}
    # (a partner in orbit cannot wait a quarter: a scrub of the crew's launch is an abort)
    return turn.roll_steps(game, side, mission, hardware, crew, chances, report, flown, can_scrub=can_scrub), flown


def fly(game: Game, booked: Mission, month: int, day: int) -> None:
    """Both launches of a multi-launch mission, then (as the crew's steps) the rendezvous."""
    side, mission, hardware, crew = turn._aboard(game, booked)
    other = game.content.missions[mission.joint]
    public = game.content.sides[booked.side].public_failures
    hardware2 = game.hardware(booked.side, other, booked.rocket2 or "", booked.spacecraft2)
    report2 = LaunchReport(booked.id, booked.side, other.id, booked.rocket2 or "", booked.spacecraft2, [],
                           game.year, month, day, [], "scrubbed", [], public, 0.0, booked.pad2)
    report = LaunchReport(booked.id, booked.side, booked.type, booked.rocket, booked.spacecraft,
                          [c.name for c in crew], game.year, month, day, [], "scrubbed", [], public,
                          booked.expected, booked.pad)
    reason = hardware if isinstance(hardware, str) else hardware2 if isinstance(hardware2, str) else None
    reason = reason or game.why_not_fly_now(booked.side, mission, hardware) \
        or game.why_not_fly_now(booked.side, other, hardware2)
    if not reason and mission.crew_min and (len(crew) < mission.crew_min or any(c.status != "active" for c in crew)):
        reason = "no crew fit to fly"
    if reason:
        turn.take_off_schedule(game, booked, report, reason)
        return
    report2.expected = round(game.odds(booked.side, other, hardware2, []).success, 4)
    outcome2, flown2 = roll(game, booked.side, other, hardware2, [], report2)
    if outcome2 == "scrubbed":  # both wait for the next quarter
        turn._rebook(game, booked, report2, f"{other.name}: {report2.steps[0].name} scrubbed")
        return
    pad2 = SimpleNamespace(side=booked.side, pad=booked.pad2)
    turn.record_flight(game, booked.side, report2, outcome2, flown2, pad2)
    who2 = f"{game.content.sides[booked.side].name}: {other.name} on {hardware2.rocket.name} (for the {mission.name.lower()})"
    if outcome2 != "success":
        for article in game.articles_needed(hardware):  # the crew's launch stays on the ground
            side.articles[article] = side.articles.get(article, 0) + 1
        turn._failure(game, side, other, [], report2, month, who2, outcome2)
        game.log(booked.side, "launch", f"{mission.name}: the crew's launch stands down, as its partner "
                 f"launch failed.", (booked.side,), month)
        return
    game.log(booked.side, "launch", f"{who2}: in orbit.", (booked.side,), month)
    outcome, flown = roll(game, booked.side, mission, hardware, crew, report, can_scrub=False)
    turn.record_flight(game, booked.side, report, outcome, flown, booked)
    turn.conclude(game, side, mission, booked, hardware, crew, report, outcome)

