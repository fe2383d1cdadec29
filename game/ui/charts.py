"""Charts of the race over time from ``state.records``: prestige, budget, support and the
programmes' reliability, for the end screen and the chronicle, and saved as one PNG.

During the race a side sees only what it may know: both sides' prestige (the world's
opinion is public), its own budget and support; the true reliability of its machines is
the engineers' secret until the end, so that chart waits for the end screen.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.core.state import SHORT, SIDES
from game.ui import art, vehicles

PROGRAMME_COLOURS = ((242, 193, 78), (111, 208, 140), (200, 150, 255), (255, 150, 90), (120, 210, 230))


def quarter_label(quarter: int) -> str:
    """A chart's axis: the year at its first quarter, else the year and the quarter."""
    return f"{quarter // 4}" if quarter % 4 == 0 else f"{quarter // 4} Q{quarter % 4 + 1}"


def _series(state, field: str, sides) -> list:
    return [(SHORT[s], art.SIDE_COLOUR[s], [(r.quarter, getattr(r, field)) for r in state.records.get(s, [])])
            for s in sides]


def reliability_series(game, side: str, count: int = 5) -> list:
    """The true reliability of the side's most flown programmes, quarter by quarter."""
    state = game.state
    records = state.records.get(side, [])
    me = state.sides[side]
    chosen = sorted((p for p in me.programmes if game.content.programmes[p].kind != "component"),
                    key=lambda p: (-me.programmes[p].flights, p))[:count]
    out = []
    for i, prog in enumerate(chosen):
        points = [(r.quarter, r.reliability[prog]) for r in records if prog in r.reliability]
        definition = game.content.programmes[prog]
        # the drawings' short names (Apollo CSM, R-7 with Block E) fit a legend
        name = vehicles.VEHICLES[definition.art].name if definition.art in vehicles.VEHICLES else \
            definition.name.split(" (")[0]
        out.append((name, PROGRAMME_COLOURS[i % len(PROGRAMME_COLOURS)], points))
    return out


def charts(game, viewers: tuple[str, ...], over: bool) -> list[tuple[str, str, list]]:
    """(title, what it shows, series) for each chart a viewer may see."""
    state = game.state
    shown_sides = SIDES if over or len(viewers) > 1 else viewers
    out = [("Prestige", "Both sides' prestige at the end of each quarter: the world's opinion is public.",
            _series(state, "prestige", SIDES)),
           ("Budget a quarter", "What each quarter's budget was." + ("" if over else " The rival's is not known."),
            _series(state, "budget", shown_sides)),
           ("Support", "How much the government and the public backed the programme.",
            _series(state, "support", shown_sides))]
    if over:
        for side in viewers:
            out.append((f"{SHORT[side]} reliability (the truth)",
                        "How reliable each machine really was, quarter by quarter: the engineers only estimated it.",
                        reliability_series(game, side)))
    return out


def draw(game, viewers: tuple[str, ...], over: bool, size: tuple[int, int], which: list[int] | None = None) \
        -> list[tuple[str, pygame.Surface]]:
    """Each chart drawn to ``size``, with its explanation."""
    out = []
    for i, (title, tip, series) in enumerate(charts(game, viewers, over)):
        if which is not None and i not in which:
            continue
        out.append((tip, art.line_chart(size, title, series, quarter_label)))
    return out


def export(game, viewers: tuple[str, ...], over: bool, path: Path) -> Path:
    """Every chart the viewers may see, two to a row, in one PNG."""
    drawn = draw(game, viewers, over, (600, 300))
    rows = (len(drawn) + 1) // 2
    sheet = pygame.Surface((1220, 60 + rows * 310))
    sheet.fill(art.BACKGROUND)
    era = game.era
    title = art.font(24, True).render(f"Space Race: {era.name} ({era.years})", True, art.HEADING)
    sheet.blit(title, (10, 14))
    for i, (_, picture) in enumerate(drawn):
        sheet.blit(picture, (10 + (i % 2) * 610, 60 + (i // 2) * 310))
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(sheet, str(path))
    return path
