"""A map of the world in the poster manner, with the race's launch sites: drawn by code from
rough outlines of the continents (longitude, latitude), equirectangular, cached.

The launch film shows it during the countdown, with the site of the launch marked.
"""

from __future__ import annotations

import functools

import pygame

from game.ui import art

SITES = {  # name: (longitude, latitude); pads.yaml adds its own (Tyuratam, Cape Kennedy ...)
    "Peenemünde": (13.8, 54.1),
    "White Sands": (-106.5, 32.4),
    "Kapustin Yar": (45.7, 48.6),
    "Cape Canaveral": (-80.6, 28.5),
    "Baikonur": (63.3, 45.9),
}

# rough outlines, enough to know the world at a glance
LAND = (
    ((-168, 66), (-156, 71), (-125, 70), (-95, 72), (-80, 68), (-62, 60), (-56, 52), (-66, 45), (-70, 41), (-76, 35),
     (-81, 31), (-80, 25), (-82, 28), (-84, 30), (-90, 29), (-97, 27), (-97, 22), (-87, 21), (-88, 15), (-83, 10),
     (-79, 8), (-86, 12), (-92, 15), (-105, 20), (-110, 23), (-112, 31), (-117, 33), (-124, 40), (-124, 48),
     (-135, 58), (-150, 60), (-165, 60)),
    ((-79, 8), (-72, 12), (-62, 10), (-50, 0), (-35, -6), (-39, -15), (-48, -26), (-58, -38), (-65, -42), (-68, -52),
     (-74, -52), (-72, -40), (-71, -30), (-70, -18), (-76, -14), (-81, -5), (-78, 2)),
    ((-50, 60), (-43, 60), (-22, 70), (-20, 80), (-40, 83), (-60, 80), (-70, 77), (-55, 70)),
    ((-10, 36), (-9, 43), (-2, 44), (-5, 48), (2, 51), (8, 54), (10, 57), (12, 56), (20, 55), (22, 60), (18, 60),
     (16, 56), (12, 58), (5, 60), (8, 63), (15, 68), (25, 71), (40, 68), (44, 67), (60, 70), (70, 73), (80, 73),
     (100, 77), (112, 74), (130, 72), (140, 72), (160, 70), (180, 68), (180, 65), (170, 60), (163, 57), (156, 51),
     (160, 60), (150, 60), (140, 55), (137, 50), (135, 44), (130, 42), (128, 35), (126, 38), (122, 40), (120, 37),
     (122, 30), (118, 24), (110, 21), (108, 16), (109, 12), (104, 9), (100, 13), (100, 3), (104, 1), (98, 8),
     (98, 16), (92, 21), (88, 22), (80, 15), (77, 8), (72, 20), (67, 25), (57, 25), (56, 27), (50, 30), (48, 29),
     (50, 25), (56, 24), (59, 22), (52, 17), (44, 12), (43, 15), (39, 22), (35, 28), (33, 31), (35, 36), (28, 37),
     (26, 40), (23, 37), (22, 40), (19, 42), (16, 41), (18, 40), (15, 38), (12, 44), (13, 45), (8, 44), (3, 43),
     (-1, 37), (-5, 36)),
    ((-17, 21), (-10, 30), (-6, 35), (10, 37), (11, 33), (20, 31), (32, 31), (34, 28), (39, 22), (43, 12), (51, 11),
     (47, 1), (40, -5), (40, -15), (35, -24), (33, -29), (26, -34), (18, -34), (12, -17), (13, -6), (9, 2), (9, 4),
     (-4, 5), (-13, 8), (-17, 14)),
    ((114, -22), (122, -18), (130, -12), (137, -12), (142, -11), (146, -19), (153, -26), (150, -37), (141, -38),
     (135, -34), (131, -31), (115, -34)),
    ((-5, 50), (1, 51), (0, 53), (-3, 56), (-5, 58), (-6, 56), (-3, 54), (-4, 52)),
    ((130, 31), (135, 34), (140, 36), (141, 41), (140, 44), (145, 44), (142, 40), (140, 35), (133, 33)),
    ((44, -25), (50, -15), (49, -12), (44, -17)),
    ((95, 5), (106, -6), (114, -8), (110, -2), (104, 0)),
    ((110, 1), (118, 7), (119, 0), (116, -4), (110, -2)),
)
NORTH, SOUTH = 78.0, -58.0


def sites(content) -> dict[str, tuple[float, float]]:
    """Every site on the map: the pads' own (pads.yaml), and the old table for those without."""
    table = dict(SITES)
    for pad in content.pads.values():
        if pad.longitude is not None and pad.latitude is not None:
            table[pad.site] = (pad.longitude, pad.latitude)
    return table


def site_of(content, report) -> str:
    """Where a launch flew from: its pad's site, or (a scenario without pads) a guess."""
    pad = content.pads.get(report.pad or "")
    if pad is not None:
        return pad.site
    rocket = content.programmes.get(report.rocket)
    return site_for(rocket.art if rocket and rocket.art else report.rocket, report.year, report.side)


def site_for(rocket: str, year: int, side: str) -> str:
    """Where a rocket flew from, for a launch with no pad: the German coast in the war, then
    the two deserts, then the Cape and the steppe of Kazakhstan."""
    if year <= 1945 and rocket == "v2":
        return "Peenemünde"
    if side == "usa":
        return "White Sands" if rocket in ("v2", "hermes") else "Cape Canaveral"
    if rocket in ("v2", "r1", "r2", "r5"):
        return "Kapustin Yar"
    return "Baikonur"


def _to_xy(lon: float, lat: float, size) -> tuple[float, float]:
    width, height = size
    return ((lon + 180) / 360 * width, (NORTH - lat) / (NORTH - SOUTH) * height)


@functools.lru_cache(maxsize=8)
def world(size: tuple[int, int], face: str) -> pygame.Surface:
    """The map alone: sea, a graticule, the land in flat ink."""
    width, height = size
    surface = pygame.Surface(size)
    sea, land, lines = ((60, 20, 24), (196, 170, 120), (80, 32, 34)) if face == "ussr" else \
        ((18, 36, 72), (150, 170, 190), (30, 52, 92))
    surface.fill(sea)
    for lon in range(-180, 181, 30):
        x = _to_xy(lon, 0, size)[0]
        pygame.draw.line(surface, lines, (x, 0), (x, height))
    for lat in range(-60, 80, 30):
        y = _to_xy(0, lat, size)[1]
        pygame.draw.line(surface, lines, (0, y), (width, y))
    for outline in LAND:
        pygame.draw.polygon(surface, land, [_to_xy(lon, lat, size) for lon, lat in outline])
    return surface


def draw_inset(surface: pygame.Surface, rect: pygame.Rect, site: str, t: float,
               places: dict[str, tuple[float, float]] | None = None) -> None:
    """The map in a frame with every site, the launch's own pulsing and named."""
    surface.blit(world(rect.size, art.FACE), rect.topleft)
    for name, (lon, lat) in (places or SITES).items():
        x, y = _to_xy(lon, lat, rect.size)
        point = (rect.x + x, rect.y + y)
        if name == site:
            pulse = 4 + int(3 * abs(((t * 2) % 2) - 1))
            pygame.draw.circle(surface, art.ACCENT, point, pulse + 3, 2)
            pygame.draw.circle(surface, (255, 255, 255), point, 3)
            label = art.font(13, True).render(name.upper(), True, (255, 255, 255))
            lx = min(rect.right - label.get_width() - 4, max(rect.x + 4, point[0] - label.get_width() // 2))
            ly = point[1] + 8 if point[1] < rect.centery else point[1] - 22
            pygame.draw.rect(surface, (0, 0, 0), (lx - 3, ly - 1, label.get_width() + 6, label.get_height() + 2))
            surface.blit(label, (lx, ly))
        else:
            pygame.draw.circle(surface, (230, 230, 220), point, 2)
    pygame.draw.rect(surface, art.ACCENT, rect, 2)
