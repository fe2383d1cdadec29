"""The race's great moments: the first satellite, the first human in space and the first crew on
the Moon each get a headline, a sting of music and a frame kept for the chronicle, so that
Gagarin's flight does not look like one more capsule test."""

from __future__ import annotations

from game.core.state import NATION
from game.ui.words import listed

# first -> (headline, the line under it); {nation} {crew} {surname} {craft} {rocket} are filled in
GREAT = {
    "first_satellite": ("{NATION} PUTS THE FIRST SATELLITE IN ORBIT",
                        "{craft} circles the Earth every hour and a half, and every radio on Earth can hear it."),
    "first_human_in_space": ("{SURNAME}: THE FIRST HUMAN IN SPACE",
                             "{crew} rides {rocket} beyond the atmosphere and comes home alive."),
    "first_crewed_landing": ("HUMANS ON THE MOON",
                             "{crew} walk on the Moon: {nation} has won the race to the Moon."),
}


def moment(report, content) -> tuple[str, str, str] | None:
    """(first, headline, line) when a launch is one of the great moments, else None."""
    if report.outcome != "success":
        return None
    first = next((f for f in reversed(GREAT) if f in report.firsts), None)  # the greatest it won
    if first is None:
        return None
    headline, line = GREAT[first]
    crew = listed(report.crew)
    craft = content.programmes[report.spacecraft].name if report.spacecraft else "the satellite"
    words = {"nation": NATION[report.side], "NATION": NATION[report.side].upper(), "crew": crew or "The crew",
             "SURNAME": (report.crew[0].split()[-1] if report.crew else NATION[report.side]).upper(),
             "craft": craft, "rocket": content.programmes[report.rocket].name}
    return first, headline.format(**words), line.format(**words)
