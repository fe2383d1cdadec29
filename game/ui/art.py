"""Everything drawn by code: the sky, event pictures, the launch scene, charts, wrapped text.

No image files: each picture is drawn from its key, so the same key always gives the
same picture.
"""

from __future__ import annotations

import functools
import random
from pathlib import Path

import pygame

from game import resources

BACKGROUND = (15, 26, 46)
PANEL = (20, 35, 64)
TEXT = (219, 228, 241)
MUTED = (142, 163, 194)
WHITE = (255, 255, 255)
GOOD = (111, 208, 140)
BAD = (255, 96, 200)
WARN = (242, 193, 78)
ACCENT = (242, 179, 61)
HEADING = WHITE
SIDE_COLOUR = {"usa": (127, 178, 255), "ussr": (255, 112, 96)}
# the boxes drawn under the widgets: (fill, edge, edge width) by kind; the side's face changes them
PANEL_LOOK = {None: ((20, 35, 64), (43, 66, 102), 1), "#bar": ((11, 20, 39), (34, 54, 89), 0),
              "#modal": ((20, 35, 64), (111, 155, 214), 2)}
SKY = ((11, 19, 36), (21, 35, 62))  # the starfield's gradient, top and bottom
STRIPE = (200, 60, 60)  # the bar's rule under the top of the screen: the side's colour
FACE = "base"
_BASE_DRAWN = {"background": BACKGROUND, "panel": PANEL, "panel_edge": (43, 66, 102), "bar": (11, 20, 39),
               "bar_edge": (34, 54, 89), "modal_edge": (111, 155, 214), "text": TEXT, "muted": MUTED,
               "accent": ACCENT, "heading": WHITE, "stripe": (43, 66, 102), "sky_top": SKY[0], "sky_bottom": SKY[1]}
KIND_COLOUR = {"first": ACCENT, "death": BAD, "launch": TEXT, "event": (180, 200, 255), "research": GOOD,
               "news": TEXT, "budget": MUTED}


def _font_dir() -> Path:
    import pygame_gui.data

    return Path(pygame_gui.data.__file__).parent


@functools.lru_cache(maxsize=32)
def font(size: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
    name = "NotoSans-" + ("Bold" if bold else "") + ("Italic" if italic else "") if bold or italic \
        else "NotoSans-Regular"
    if bold and italic:
        name = "NotoSans-BoldItalic"
    if not pygame.font.get_init():  # a picture drawn before the window (a tool, a test) still gets its text
        pygame.font.init()
    return pygame.font.Font(str(_font_dir() / f"{name}.ttf"), size)


# --- text ---------------------------------------------------------------------------------

def wrap(text: str, fnt: pygame.font.Font, width: int) -> list[str]:
    """The text in lines no wider than ``width`` (a word wider than that gets a line of its
    own), broken at spaces and newlines, but never before a percent sign: the game writes
    "30 %", and a line that starts with "% more money" reads as a fault."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words: list[str] = []
        for word in paragraph.split(" "):
            if words and word.startswith("%"):
                words[-1] += " " + word
            else:
                words.append(word)
        line = ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if fnt.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def text_block(items: list[tuple[str, tuple, int, bool]], width: int, gap: int = 6) -> pygame.Surface:
    """Paragraphs drawn one under another: (text, colour, size, bold) each, wrapped to width."""
    rendered = []
    height = 0
    for text, colour, size, bold in items:
        fnt = font(size, bold)
        for line in wrap(text, fnt, width):
            surface = fnt.render(line, True, colour)
            rendered.append((surface, height))
            height += fnt.get_linesize()
        height += gap
    height -= gap if items else 0
    block = pygame.Surface((max(1, width), max(1, height)), pygame.SRCALPHA)
    for surface, y in rendered:
        block.blit(surface, (0, y))
    return block


def key_table(rows: list[tuple[str, str]], width: int) -> pygame.Surface:
    """Two columns: a key in the accent colour, and what it does, wrapped beside it."""
    bold, plain = font(15, True), font(15)
    key_width = min(max(bold.size(key)[0] for key, _ in rows) + 18, int(width * 0.42))
    line = plain.get_linesize()
    drawn, height = [], 0
    for key, what in rows:
        keys = [bold.render(k, True, ACCENT) for k in wrap(key, bold, key_width - 12)]
        lines = [plain.render(w, True, TEXT) for w in wrap(what, plain, width - key_width)]
        drawn.append((keys, lines, height))
        height += line * max(len(keys), len(lines)) + 8
    surface = pygame.Surface((max(1, width), max(1, height)), pygame.SRCALPHA)
    for keys, lines, y in drawn:
        for i, rendered in enumerate(keys):
            surface.blit(rendered, (0, y + i * line))
        for i, rendered in enumerate(lines):
            surface.blit(rendered, (key_width, y + i * line))
    return surface


# --- the sky --------------------------------------------------------------------------------

def starfield(size: tuple[int, int], with_earth: bool = False) -> pygame.Surface:
    return _starfield(size, with_earth, SKY)


@functools.lru_cache(maxsize=6)
def _starfield(size: tuple[int, int], with_earth: bool, sky: tuple) -> pygame.Surface:
    width, height = size
    surface = pygame.Surface(size)
    # a vertical gradient from the face's sky colour at the top to a little lighter below
    (r0, g0, b0), (r1, g1, b1) = sky
    for y in range(0, height, 4):
        t = y / max(1, height)
        colour = (int(r0 + (r1 - r0) * t), int(g0 + (g1 - g0) * t), int(b0 + (b1 - b0) * t))
        pygame.draw.rect(surface, colour, (0, y, width, 4))
    rng = random.Random(7)
    for _ in range(width * height // 2500):
        x, y = rng.randrange(width), rng.randrange(height)
        shade = rng.randint(90, 230)
        surface.set_at((x, y), (shade, shade, min(255, shade + 20)))
        if rng.random() < 0.06:
            pygame.draw.circle(surface, (shade, shade, 255), (x, y), 1)
    if with_earth:
        radius = int(width * 1.1)
        centre = (int(width * 0.7), int(height + radius * 0.82))
        for glow in range(18, 0, -3):
            pygame.draw.circle(surface, (30 + glow * 2, 60 + glow * 3, 110 + glow * 4), centre, radius + glow)
        pygame.draw.circle(surface, (22, 58, 112), centre, radius)
        pygame.draw.circle(surface, (30, 80, 140), centre, radius, 6)
        moon_r = max(18, height // 18)
        crescent = pygame.Surface((moon_r * 2 + 2, moon_r * 2 + 2), pygame.SRCALPHA)
        pygame.draw.circle(crescent, (224, 222, 206), (moon_r + 1, moon_r + 1), moon_r)
        # the shadow is cut out of the disc, so the sky's gradient shows through it
        pygame.draw.circle(crescent, (0, 0, 0, 0), (moon_r + 1 + moon_r // 2, moon_r + 1 - moon_r // 4), moon_r)
        surface.blit(crescent, (int(width * 0.82) - moon_r, int(height * 0.22) - moon_r))
    return surface


def dim(surface: pygame.Surface, amount: int = 150) -> pygame.Surface:
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill((5, 10, 20, amount))
    out = surface.copy()
    out.blit(veil, (0, 0))
    return out


# --- pictures ---------------------------------------------------------------------------------

def illustration(key: str, size: tuple[int, int], side: str | None = None, declared=None) -> pygame.Surface:
    """The event card's picture, in the manner of the period's posters (game.ui.poster);
    ``declared`` is the event's ``art``, if it has one."""
    from game.ui import poster

    return poster.illustration(key, tuple(size), side, declared)


# --- charts ---------------------------------------------------------------------------------

def line_chart(size: tuple[int, int], title: str, series: list[tuple[str, tuple, list[tuple[int, float]]]],
               x_label=lambda x: str(x)) -> pygame.Surface:
    """A small chart: each series is (name, colour, [(x, y), ...]) with x the quarter index."""
    width, height = size
    surface = pygame.Surface(size)
    surface.fill(PANEL)
    edge = PANEL_LOOK[None][1]
    grid = tuple((a * 2 + b) // 3 for a, b in zip(PANEL, edge, strict=True))
    pygame.draw.rect(surface, edge, surface.get_rect(), 1)
    label = font(14, True)
    small = font(12)
    title_surface = label.render(title, True, HEADING)
    surface.blit(title_surface, (10, 6))
    points = [p for _, _, pts in series for p in pts]
    legend = [(small.render(name, True, colour), colour) for name, colour, _ in series]
    spots, top = legend_layout(title_surface.get_width(), [text.get_width() for text, _ in legend], width)
    plot = pygame.Rect(48, top, width - 60, height - top - 26)
    if not points or plot.width < 20 or plot.height < 20:
        surface.blit(small.render("Nothing to chart yet: a quarter must pass.", True, MUTED), (10, 34))
        return surface
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x0, x1 = min(xs), max(max(xs), min(xs) + 1)
    y0, y1 = min(0.0, min(ys)), max(ys)
    if y1 - y0 < 1:
        y1 = y0 + 1
    for i in range(5):
        value = y0 + (y1 - y0) * i / 4
        y = plot.bottom - plot.height * i / 4
        pygame.draw.line(surface, grid, (plot.left, y), (plot.right, y))
        text = small.render(f"{value:.0f}", True, MUTED)
        surface.blit(text, (plot.left - text.get_width() - 6, y - text.get_height() // 2))
    for x in sorted({x0, x1, (x0 + x1) // 2}):
        px = plot.left + plot.width * (x - x0) / (x1 - x0)
        text = small.render(x_label(x), True, MUTED)
        surface.blit(text, (min(plot.right - text.get_width(), max(plot.left, px - text.get_width() / 2)),
                            plot.bottom + 4))

    def to_screen(p):
        return (plot.left + plot.width * (p[0] - x0) / (x1 - x0), plot.bottom - plot.height * (p[1] - y0) / (y1 - y0))

    for (text, _), (_, colour, pts), spot in zip(legend, series, spots, strict=True):
        pygame.draw.line(surface, colour, (spot[0] - 12, spot[1] + 8), (spot[0] - 3, spot[1] + 8), 3)
        surface.blit(text, spot)
        if len(pts) == 1:
            pygame.draw.circle(surface, colour, to_screen(pts[0]), 3)
        elif pts:
            pygame.draw.lines(surface, colour, False, [to_screen(p) for p in pts], 2)
    return surface


def legend_layout(title_width: int, widths: list[int], width: int) -> tuple[list[tuple[int, int]], int]:
    """Where each legend entry's name goes (each has a 12 px swatch before it), and where the
    plot may start: beside the title when all fit there, else in as many lines as they need."""
    gap = 26  # a swatch and the space before the next entry
    if title_width + sum(w + gap for w in widths) + 20 <= width:
        x, spots = width - 10, []
        for w in reversed(widths):
            x -= w
            spots.append((x, 8))
            x -= gap
        return spots[::-1], 32
    spots, x, y = [], 24, 26
    for w in widths:
        if x + w > width - 10 and x > 24:
            x, y = 24, y + 16
        spots.append((x, y))
        x += w + gap
    return spots, y + 22


def bar(size: tuple[int, int], fraction: float, colour, back=(29, 49, 82)) -> pygame.Surface:
    surface = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(surface, back, surface.get_rect(), border_radius=3)
    filled = int(size[0] * max(0.0, min(1.0, fraction)))
    if filled:
        pygame.draw.rect(surface, colour, (0, 0, filled, size[1]), border_radius=3)
    return surface


# --- the two faces: each side's palette and chrome, from assets/theme_<side>.json -----------------

def _colour(text: str) -> tuple:
    text = text.lstrip("#")
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


@functools.lru_cache(maxsize=4)
def _face_file(side: str) -> tuple[dict, dict]:
    import json

    path = resources.ASSETS / f"theme_{side}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    drawn = {k: (_colour(v) if isinstance(v, str) and v.startswith("#") else v)
             for k, v in data.pop("drawn", {}).items()}
    data.pop("_about", None)
    return drawn, data


def set_face(side: str | None) -> dict:
    """Dress the game in a side's colours (None: the neutral look of the title screens); returns
    the pygame_gui theme entries to lay over theme.json."""
    global BACKGROUND, PANEL, TEXT, MUTED, ACCENT, HEADING, SKY, STRIPE, FACE
    drawn, gui = (dict(_BASE_DRAWN), {}) if side not in ("usa", "ussr") else _face_file(side)
    look = dict(_BASE_DRAWN, **drawn)
    BACKGROUND, PANEL, TEXT, MUTED = look["background"], look["panel"], look["text"], look["muted"]
    ACCENT, HEADING, STRIPE = look["accent"], look["heading"], look["stripe"]
    SKY = (look["sky_top"], look["sky_bottom"])
    PANEL_LOOK[None] = (look["panel"], look["panel_edge"], 1)
    PANEL_LOOK["#bar"] = (look["bar"], look["bar_edge"], 0)
    PANEL_LOOK["#modal"] = (look["panel"], look["modal_edge"], 2)
    KIND_COLOUR["launch"] = KIND_COLOUR["news"] = TEXT
    KIND_COLOUR["budget"] = MUTED
    KIND_COLOUR["first"] = ACCENT
    FACE = side if side in ("usa", "ussr") else "base"
    return gui


# --- colours the player may choose ------------------------------------------------------------

PALETTES = {
    # the default: American blue against Soviet red; green for good news and magenta for bad, so that
    # bad news never looks Soviet; amber to warn
    "navy": {"usa": (127, 178, 255), "ussr": (255, 112, 96), "good": (111, 208, 140), "bad": (255, 96, 200),
             "warn": (242, 193, 78)},
    # for red-green colour blindness: blue against orange for the sides; good a pale sky, bad a dark
    # vermilion and warn a pale yellow, told apart by lightness as well as hue
    "colour-blind": {"usa": (90, 160, 255), "ussr": (255, 176, 50), "good": (205, 232, 255), "bad": (240, 96, 60),
                     "warn": (255, 238, 140)},
}


def set_palette(name: str) -> dict:
    """Switch the drawn colours; returns the theme entries that go with them."""
    global GOOD, BAD, WARN
    colours = PALETTES.get(name, PALETTES["navy"])
    SIDE_COLOUR["usa"], SIDE_COLOUR["ussr"] = colours["usa"], colours["ussr"]
    GOOD, BAD, WARN = colours["good"], colours["bad"], colours["warn"]
    KIND_COLOUR["research"], KIND_COLOUR["death"] = GOOD, BAD
    hexed = {k: "#{:02x}{:02x}{:02x}".format(*v) for k, v in colours.items()}
    theme = {f"#{key}": {"colours": {"normal_text": value}} for key, value in hexed.items()}
    for kind in ("bad", "good", "warn"):
        theme[f"#big_{kind}"] = {"colours": {"normal_text": hexed[kind]}}
    return theme
