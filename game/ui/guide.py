"""The first-game guide: one short hint, when a screen opens, pointing at the next thing to
do (fund research, book a launch, end the turn). On by default; off in settings. Each hint
is shown once a quarter on each screen, as a toast, so it never stands in the way.
"""

from __future__ import annotations


def hint(app, screen) -> str | None:
    """The hint for ``screen`` now, or None when there is nothing worth saying."""
    session = app.session
    if session is None or session.game.state.over:
        return None
    name = type(screen).__name__
    game, side = session.game, session.side
    me = game.state.sides[side]
    funded = any(p.funding > 0 for p in me.programmes.values())
    booked = any(m.quarter == game.state.quarter for m in me.missions)
    if name == "HeadquartersScreen":
        if not funded:
            return "Guide: start with Research (R): give your rockets and spacecraft money to grow reliable."
        if not booked:
            return "Guide: next, Missions (M): book a launch; a mission marked \u2022 can win a first."
        return "Guide: all set. End turn (Return) and watch the quarter's launches."
    if name == "ResearchScreen":
        if not funded:
            return "Guide: press + beside a programme to fund it; the right column shows what the money buys."
        return "Guide: funded. Missions (M) plans a launch with what you have."
    if name == "MissionPlannerScreen":
        if not booked:
            return "Guide: pick a mission, a rocket and a month; check the odds, then Book the launch (Return)."
        return "Guide: booked. Headquarters (H), then End turn (Return)."
    if name == "CrewsScreen":
        return "Guide: training raises a crew's skills for the missions ahead; crews fly from the mission planner."
    if name == "LaunchScreen":
        return "Guide: Return shows the whole flight at once; Esc goes straight to headquarters."
    if name == "ChronicleScreen":
        return "Guide: every first against history's date; G shows the charts."
    return None
