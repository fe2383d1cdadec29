"""The first-game guide: one short hint, when a screen opens, pointing at the next thing to
do (fund research, book a launch, end the turn). On by default; off in settings. Each hint
is shown once, only when it applies (no "book a launch" while nothing can fly), as a toast
that the app places where it covers nothing on the screen.
"""

from __future__ import annotations


def can_fly(game, side: str) -> bool:
    """Whether any mission can be booked with the side's programmes now."""
    me = game.state.sides[side]
    programmes = game.content.programmes
    rockets = [p for p in me.programmes if programmes[p].kind == "rocket"]
    craft = [p for p in me.programmes if programmes[p].kind == "spacecraft"]
    for mission in game.content.missions.values():
        for rocket in rockets:
            for spacecraft in (craft if mission.spacecraft else [None]):
                if not isinstance(game.hardware(side, mission, rocket, spacecraft), str):
                    return True
    return False


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
        if not booked and can_fly(game, side):
            return "Guide: next, Missions (M): book a launch; a mission marked \u2022 can win a first."
        if not booked:
            return "Guide: nothing can fly yet. Fund research, then End turn (Return): programmes grow each quarter."
        return "Guide: all set. End turn (Return) and watch the quarter's launches."
    if name == "ResearchScreen":
        if not me.programmes:
            return "Guide: press Start beside a programme; then + funds it each quarter."
        if not funded:
            return "Guide: press + beside a programme to fund it; the right column shows what the money buys."
        return "Guide: funded. Missions (M) plans a launch with what you have." if can_fly(game, side) else \
            "Guide: funded. Nothing can fly yet: a rocket must be started before a launch can be booked."
    if name == "MissionPlannerScreen":
        if not can_fly(game, side):
            return "Guide: nothing can fly yet: under each mission, what it needs. Research (R) starts programmes."
        if not booked:
            return "Guide: pick a mission, a rocket and a month; check the odds, then Book the launch (Return)."
        return "Guide: booked. Headquarters (H), then End turn (Return)."
    if name == "CrewsScreen":
        if not game.active_crew(side):
            return None  # nobody to train: nothing to say
        return "Guide: training raises a crew's skills for the missions ahead; crews fly from the mission planner."
    if name == "LaunchScreen":
        return "Guide: Return shows the whole flight at once; Esc goes straight to headquarters."
    if name == "IntelScreen":
        return "Guide: your file on the rival, which may be wrong; + and \u2212 set what intelligence gets a quarter."
    if name == "ChronicleScreen":
        return "Guide: every first against history's date; G shows the charts."
    return None
