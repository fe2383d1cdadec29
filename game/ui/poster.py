"""Event pictures in the manner of the period's posters: flat colours, a sunburst, a bold
subject, the flag's colours in a band, all composed from a few motifs chosen by the words
of the illustration key (``sputnik_beep``: radio waves round a sphere over the Earth's limb).

Every key gets a picture: words it does not know fall back on the side's own rocket.
The same key always gives the same picture.
"""

from __future__ import annotations

import functools
import math
import random
import zlib
from dataclasses import dataclass

import pygame

from game.ui import art, vehicles

# the two sides' poster inks: sky, rays, ground, accent, paper
INKS = {
    "usa": {"sky": (22, 42, 86), "rays": (30, 54, 104), "ground": (14, 26, 54), "accent": (196, 40, 52),
            "light": (238, 234, 222), "paper": (236, 228, 206), "gold": (226, 190, 90)},
    "ussr": {"sky": (176, 34, 38), "rays": (196, 48, 46), "ground": (110, 18, 24), "accent": (240, 196, 76),
             "light": (246, 234, 208), "paper": (240, 226, 196), "gold": (240, 196, 76)},
}
NIGHT = {"sky": (10, 14, 32), "rays": (16, 22, 46)}

USA_WORDS = ("kennedy", "eisenhower", "nasa", "webb", "cape", "huntsville", "white_sands", "fort_bliss", "marshall",
             "bay_of_pigs", "u2", "mercury", "gemini", "apollo", "atlas", "titan", "saturn", "redstone", "vanguard",
             "explorer", "jupiter", "bumper", "hermes", "shepard", "freedom", "friendship", "liberty", "ham_",
             "space_task", "colliers", "von_braun", "paperclip", "midway", "project_orbiter", "mueller",
             "lor_", "white_spacewalk", "missile_gap", "four_inch", "schenectady", "cotton", "white_house")
USSR_WORDS = ("khrushchev", "korolev", "glushko", "kremlin", "chelomei", "kapustin", "baikonur", "nii88", "osoaviakhim",
              "sharashka", "gorodomlya", "kamanin", "sedov", "yangel", "rds1", "tikhonravov", "vostok", "voskhod",
              "soyuz", "sputnik", "luna", "laika", "belka", "gagarin", "titov", "tereshkova", "leonov", "bondarenko",
              "nedelin", "zond", "n1_", "r7", "r1_", "r3_", "ps1", "women_cosmonauts", "dogs", "moon_decree",
              "institut_nordhausen", "joe_one", "ur500")

# the vehicle a key names, first match wins (longer words first where they overlap)
VEHICLE_WORDS = (("saturn", "saturn5"), ("apollo_4", "saturn5"), ("n1_", "n1"), ("ur500", "proton"),
                 ("zond_proton", "proton"), ("r7", "r7"), ("r1_", "r1"), ("r3_", "r5"), ("yangel_r12", "r5"),
                 ("v2", "v2"), ("backfire", "v2"), ("peenemunde", "v2"), ("mittelwerk", "v2"), ("bumper", "hermes"),
                 ("hermes", "hermes"), ("redstone", "redstone"), ("jupiter_c", "jupiter_c"),
                 ("vanguard", "vanguard"), ("mercury_atlas", "atlas"), ("atlas", "atlas"), ("titan", "titan2"),
                 ("friendship_7", "atlas"), ("shepard", "redstone"), ("four_inch", "redstone"),
                 ("gemini", "titan2"), ("white_spacewalk", "titan2"), ("project_orbiter", "jupiter_c"),
                 ("uss_midway", "v2"), ("kapustin", "r1"), ("warhead", "r7"), ("cape_kennedy", "saturn5"),
                 ("cape", "redstone"), ("white_sands", "v2"), ("missile_gap", "atlas"), ("marshall", "saturn1"),
                 ("huntsville", "redstone"), ("glushko_test", "r7"), ("khrushchev_r7", "r7"))
CRAFT_WORDS = (("sputnik_3", "animal_capsule"), ("ps1", "sputnik"), ("sputnik", "sputnik"), ("laika", "animal_capsule"),
               ("belka", "vostok"), ("dogs", "vostok"), ("luna_9", "luna_lander"), ("luna", "luna"),
               ("explorer", "explorer"), ("ham_", "mercury"), ("liberty_bell", "mercury"), ("freedom7", "mercury"),
               ("friendship", "mercury"), ("mercury", "mercury"), ("gemini", "gemini"), ("white_spacewalk", "gemini"),
               ("apollo_8", "apollo_csm"), ("apollo_11", "apollo_lm"), ("apollo_cabin", "apollo_csm"),
               ("apollo_1", "apollo_csm"), ("apollo", "apollo_csm"), ("lor_", "apollo_lm"), ("vostok", "vostok"),
               ("titov", "vostok"), ("tereshkova", "vostok"), ("gagarin", "vostok"), ("voskhod", "voskhod"),
               ("leonov", "voskhod"), ("soyuz", "soyuz"), ("zond_5", "zond"), ("zond", "zond"), ("orbiter", "explorer"))

THEMES = (  # word -> the scene it sets; first match wins
    ("bomb", "bomb"), ("rds1", "bomb"), ("joe_one", "bomb"), ("semipalatinsk", "bomb"),
    ("fire", "fire"), ("explod", "fire"), ("breakup", "fire"), ("explosion", "fire"), ("off_course", "fire"),
    ("backfire", "fire"), ("dogs_lost", "fire"), ("wreckage", "fire"), ("strike", "fire"), ("n1_launch", "fire"),
    ("funeral", "funeral"), ("ousted", "desk"),
    ("speech", "crowd"), ("press", "crowd"), ("united_nations", "crowd"), ("_un", "crowd"), ("congress", "crowd"),
    ("shock", "crowd"), ("smile", "crowd"), ("furious", "crowd"), ("missile_gap", "crowd"),
    ("seven", "crew"), ("group", "crew"), ("crew", "crew"), ("women", "crew"), ("brigade", "crew"),
    ("surrender", "crew"), ("paperclip", "crew"), ("fort_bliss", "crew"),
    ("desk", "desk"), ("report", "desk"), ("diary", "desk"), ("drawing", "desk"), ("decree", "desk"),
    ("budget", "desk"), ("diagram", "desk"), ("board", "desk"), ("appointed", "desk"), ("meeting", "desk"),
    ("priority", "desk"), ("chosen", "desk"), ("treaty", "desk"), ("founded", "desk"), ("photo", "desk"),
    ("glushko_korolev", "desk"), ("osoaviakhim", "desk"), ("sharashka", "desk"), ("space_task", "desk"),
    ("mueller", "desk"), ("kremlin", "desk"), ("korea", "desk"), ("bay_of_pigs", "desk"), ("detected", "desk"),
    ("mittelwerk", "factory"), ("factory", "factory"), ("institut", "factory"), ("nii88", "factory"),
    ("arsenal", "factory"), ("schenectady", "factory"), ("mine", "factory"), ("test_stand", "factory"),
    ("engines", "factory"), ("chamber", "factory"), ("marshall", "factory"), ("peenemunde", "factory"),
    ("cabin", "factory"), ("gorodomlya", "island"), ("cotton", "fields"),
    ("wheel_station", "station"), ("earthrise", "moon"), ("luna_3", "moon"), ("luna_9", "moon"),
    ("luna_15", "moon"), ("luna_1", "moon"), ("zond_5", "moon"), ("apollo_11", "moon"), ("lunar", "moon"),
    ("moon", "moon"), ("spacewalk", "orbit"), ("sputnik", "orbit"), ("ps1", "orbit"), ("vostok", "orbit"),
    ("voskhod", "orbit"), ("titov", "orbit"), ("tereshkova", "orbit"), ("gemini", "orbit"), ("soyuz", "orbit"),
    ("laika", "orbit"), ("belka", "orbit"), ("friendship", "orbit"), ("explorer", "orbit"), ("gagarin", "orbit"),
    ("orbiter", "orbit"), ("liberty_bell", "sea"), ("midway", "sea"), ("kamchatka", "sea"), ("ham_", "sea"),
)
GROUND = {"white_sands": "desert", "kapustin": "steppe", "steppe": "steppe", "cape": "shore", "bumper": "shore",
          "blockhouse": "desert", "fort_bliss": "desert", "huntsville": "fields", "redstone_cape": "shore",
          "jupiter_c": "shore", "vanguard": "shore", "atlas": "shore", "mercury_atlas": "shore", "titan": "shore",
          "apollo_4": "shore", "n1_": "steppe", "r7": "steppe", "r1_": "steppe", "glushko_test": "steppe",
          "zond_proton": "steppe", "peenemunde": "shore", "v2_strike": "city"}
RADIO = ("beep", "detected", "sputnik", "ps1")


def _seeded(key: str) -> random.Random:
    return random.Random(zlib.crc32(key.encode("utf-8")))


def side_of(key: str, viewer: str | None) -> str:
    """Whose poster it is: the side the key names, else the side looking at it."""
    low = key.lower() + "_"
    usa = any(w in low for w in USA_WORDS)
    ussr = any(w in low for w in USSR_WORDS)
    if usa != ussr:
        return "usa" if usa else "ussr"
    return viewer if viewer in INKS else "usa"


def _first(table, key: str):
    low = key.lower() + "_"
    return next((value for word, value in table if word in low), None)


def motifs(key: str, viewer: str | None = None, declared=None) -> dict:
    """What the picture for ``key`` is made of: its side, scene, ground, vehicle and extras.
    ``declared`` is the event's ``art`` (scene, rocket, craft, ground, person), each key checked
    by the validator against assets/art_keys.yaml; what it leaves out, the key's words decide."""
    low = key.lower() + "_"
    side = side_of(key, viewer)
    theme = getattr(declared, "scene", None) or _first(THEMES, key)
    rocket = getattr(declared, "rocket", None) or _first(VEHICLE_WORDS, key)
    craft = getattr(declared, "craft", None) or _first(CRAFT_WORDS, key)
    if theme is None:
        theme = "launch" if rocket or not craft else "orbit"
    if theme in ("launch", "fire") and rocket is None and craft is None:
        rocket = "r7" if side == "ussr" else "redstone"
    ground = getattr(declared, "ground", None) or next((g for word, g in GROUND.items() if word in low), None)
    return {"side": side, "theme": theme, "rocket": rocket, "craft": craft, "ground": ground,
            "person": getattr(declared, "person", None) or person(key),
            "radio": any(w in low for w in RADIO), "night": theme in ("orbit", "moon", "station")}


@functools.lru_cache(maxsize=48)
def illustration(key: str, size: tuple[int, int], viewer: str | None = None, declared=None) -> pygame.Surface:
    width, height = size
    rng = _seeded(key)
    parts = motifs(key, viewer, declared)
    ink = dict(INKS[parts["side"]])
    if parts["night"]:
        ink.update(NIGHT)
    surface = pygame.Surface(size)
    surface.fill(ink["sky"])
    theme = parts["theme"]
    focus = (int(width * rng.uniform(0.35, 0.65)), int(height * (0.35 if theme != "fire" else 0.45)))
    _sunburst(surface, focus, ink["rays"], 18 if parts["side"] == "ussr" else 24)
    if parts["night"]:
        _stars(surface, rng, ink)
    scene = Scene(surface, rng, ink, parts, key, int(height * 0.78))
    SCENES.get(theme, _launch_scene)(scene)
    who = parts["person"]
    if who in PEOPLE:  # the person the moment is about, as a cameo in the corner
        size = max(40, int(height * 0.4))
        surface.blit(portrait(who, size, parts["side"]), (10, 10))
    _flag_band(surface, parts["side"], ink)
    pygame.draw.rect(surface, ink["paper"], surface.get_rect(), 4)
    return surface


@dataclass
class Scene:
    """What a scene painter draws on: the picture, its seeded dice, the inks, the motifs, the
    key (a few scenes read a word of it) and where the ground starts."""

    surface: pygame.Surface
    rng: random.Random
    ink: dict
    parts: dict
    key: str
    ground_y: int

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()


def _orbit_scene(s: Scene) -> None:
    width, height = s.size
    _limb(s.surface, s.rng, s.ink)
    if s.parts["craft"]:
        _vehicle(s.surface, "", s.parts["craft"], (int(width * 0.5), int(height * 0.62)), (width // 3, height // 2))
    if s.parts["radio"]:
        _radio(s.surface, (width // 2, int(height * 0.38)), s.ink)


def _lunar_scene(s: Scene) -> None:
    width, height = s.size
    _moon_scene(s.surface, s.rng, s.ink, s.key)
    if s.parts["craft"]:
        _vehicle(s.surface, "", s.parts["craft"], (int(width * 0.34), int(height * 0.7)), (width // 3, height // 2))


def _station_scene(s: Scene) -> None:
    width, height = s.size
    _limb(s.surface, s.rng, s.ink)
    _wheel(s.surface, (width // 2, int(height * 0.4)), height // 4, s.ink)


def _bomb_scene(s: Scene) -> None:
    width, height = s.size
    _ground(s.surface, s.ground_y, "steppe", s.ink)
    _mushroom(s.surface, (width // 2, s.ground_y), height, s.ink)


def _crowd_scene(s: Scene, mourning: bool = False) -> None:
    _ground(s.surface, s.ground_y, "city", s.ink)
    _crowd(s.surface, s.rng, s.ground_y, s.ink, podium=not mourning, mourning=mourning)


def _crew_scene(s: Scene) -> None:
    key = s.key
    _ground(s.surface, s.ground_y, s.parts["ground"] or "plain", s.ink)
    _crew(s.surface, s.ground_y, s.ink, helmets="cosmonaut" in key or "seven" in key or "group" in key
          or "crew" in key or "women" in key)


def _factory_scene(s: Scene) -> None:
    width, height = s.size
    _ground(s.surface, s.ground_y, "plain", s.ink)
    _factory(s.surface, s.rng, s.ground_y, s.ink)
    if s.parts["rocket"]:
        _vehicle(s.surface, s.parts["rocket"], None, (int(width * 0.5), s.ground_y), (width // 4, int(height * 0.5)))


def _island_scene(s: Scene) -> None:
    width, _ = s.size
    _ground(s.surface, s.ground_y, "sea", s.ink)
    pygame.draw.ellipse(s.surface, s.ink["ground"], (width * 0.2, s.ground_y - 14, width * 0.6, 30))
    _factory(s.surface, s.rng, s.ground_y - 4, s.ink, count=2)


def _fields_scene(s: Scene) -> None:
    width, height = s.size
    _ground(s.surface, s.ground_y, "fields", s.ink)
    _vehicle(s.surface, s.parts["rocket"] or "redstone", None, (int(width * 0.62), s.ground_y),
             (width // 5, int(height * 0.6)))


def _sea_scene(s: Scene) -> None:
    width, height = s.size
    ground_y, parts = s.ground_y, s.parts
    _ground(s.surface, ground_y, "sea", s.ink)
    if not (parts["craft"] or parts["rocket"]):
        return
    if "midway" in s.key:  # a V-2 off the deck of the USS Midway
        pygame.draw.polygon(s.surface, (70, 76, 86), [(width * 0.15, ground_y - 16), (width * 0.85, ground_y - 16),
                                                      (width * 0.78, ground_y + 6), (width * 0.2, ground_y + 6)])
        _vehicle(s.surface, parts["rocket"] or "v2", None, (width // 2, ground_y - 16), (width // 5, height // 2))
    else:
        _parachute(s.surface, (width // 2, int(height * 0.5)), parts["craft"] or "mercury", height, s.ink)


def _launch_scene(s: Scene) -> None:
    """A launch, or (theme ``fire``) a failure: the rocket tumbling in a burst."""
    width, height = s.size
    parts, rng, ground_y = s.parts, s.rng, s.ground_y
    theme = parts["theme"]
    _ground(s.surface, ground_y, parts["ground"] or "plain", s.ink)
    rocket = parts["rocket"] or ("r7" if parts["side"] == "ussr" else "redstone")
    craft = parts["craft"] if parts["craft"] and rocket not in ("v2", "r1", "hermes") else None
    lifted = ground_y - (int(height * 0.08) if theme == "launch" else int(height * 0.18))
    box = (width // 3, int(height * 0.7))
    picture = vehicles.picture(rocket, craft, box)
    bounds = picture.get_bounding_rect()
    if theme == "fire":
        turned = pygame.transform.rotate(picture, rng.choice((-1, 1)) * rng.uniform(18, 40))
        s.surface.blit(turned, turned.get_rect(center=(width // 2, lifted - bounds.height // 2)))
        _burst(s.surface, (width // 2 + rng.randint(-10, 10), lifted - bounds.height // 3), height // 4, rng)
    else:
        _flame(s.surface, (width // 2, lifted), height // 7)
        s.surface.blit(picture, (width // 2 - box[0] // 2, lifted - box[1]))
        _smoke(s.surface, rng, (width // 2, ground_y), width, s.ink)


SCENES = {"orbit": _orbit_scene, "moon": _lunar_scene, "station": _station_scene, "bomb": _bomb_scene,
          "crowd": _crowd_scene, "funeral": lambda s: _crowd_scene(s, mourning=True), "crew": _crew_scene,
          "desk": lambda s: _desk(s.surface, s.rng, s.ink, s.key), "factory": _factory_scene,
          "island": _island_scene, "fields": _fields_scene, "sea": _sea_scene}  # any other: _launch_scene


# --- motifs ------------------------------------------------------------------------------------

def _sunburst(surface, centre, colour, count) -> None:
    width, height = surface.get_size()
    reach = width + height
    for i in range(0, count, 2):
        a0, a1 = i / count * math.tau, (i + 1) / count * math.tau
        pygame.draw.polygon(surface, colour, [centre, (centre[0] + math.cos(a0) * reach, centre[1] + math.sin(a0) * reach),
                                              (centre[0] + math.cos(a1) * reach, centre[1] + math.sin(a1) * reach)])


def _stars(surface, rng, ink) -> None:
    width, height = surface.get_size()
    for _ in range(width * height // 700):
        shade = rng.randint(150, 255)
        surface.set_at((rng.randrange(width), rng.randrange(height)), (shade, shade, shade))
    for _ in range(5):  # a few bright four-pointed stars, as posters drew them
        x, y, r = rng.randrange(width), rng.randrange(height // 2), rng.randint(3, 6)
        pygame.draw.polygon(surface, ink["light"], [(x, y - r), (x + r // 3, y), (x, y + r), (x - r // 3, y)])
        pygame.draw.polygon(surface, ink["light"], [(x - r, y), (x, y - r // 3), (x + r, y), (x, y + r // 3)])


def _limb(surface, rng, ink) -> None:
    width, height = surface.get_size()
    radius = int(width * 1.3)
    centre = (width // 2, height + radius - int(height * 0.26))
    pygame.draw.circle(surface, (120, 170, 230), centre, radius + 6)
    pygame.draw.circle(surface, (36, 86, 156), centre, radius)
    for _ in range(8):
        x = rng.randrange(width)
        pygame.draw.ellipse(surface, (220, 230, 240), (x, int(height * 0.8) + rng.randint(0, 20), rng.randint(30, 80), 5))


def _moon_scene(surface, rng, ink, key) -> None:
    width, height = surface.get_size()
    if "earthrise" in key:
        pygame.draw.ellipse(surface, (160, 158, 146), (-width // 3, int(height * 0.66), width * 5 // 3, height))
        r = height // 9
        pygame.draw.circle(surface, (40, 100, 180), (int(width * 0.66), int(height * 0.36)), r)
        pygame.draw.circle(surface, NIGHT["sky"], (int(width * 0.66) + r // 2, int(height * 0.36) + r // 3), r)
        pygame.draw.circle(surface, (235, 240, 245), (int(width * 0.66) - r // 2, int(height * 0.33)), r // 4)
        return
    r = height // 4
    centre = (int(width * 0.68), int(height * 0.38))
    pygame.draw.circle(surface, (222, 218, 200), centre, r)
    for _ in range(7):
        a, d = rng.uniform(0, math.tau), rng.uniform(0, r * 0.7)
        pygame.draw.circle(surface, (190, 186, 170), (centre[0] + math.cos(a) * d, centre[1] + math.sin(a) * d),
                           rng.randint(r // 10, r // 4))
    if "luna_3" in key or "far_side" in key:  # the half never seen from the Earth, in shadow
        pygame.draw.circle(surface, NIGHT["sky"], (centre[0] - r, centre[1]), r)
    if "luna_9" in key or "apollo_11" in key or "surface" in key:
        pygame.draw.ellipse(surface, (160, 158, 146), (-width // 3, int(height * 0.7), width * 5 // 3, height))


def _ground(surface, y, kind, ink) -> None:
    width, height = surface.get_size()
    colour = {"desert": (196, 162, 112), "steppe": (150, 140, 96), "shore": (84, 120, 90), "fields": (96, 130, 70),
              "sea": (30, 70, 120), "city": ink["ground"], "plain": ink["ground"]}.get(kind, ink["ground"])
    pygame.draw.rect(surface, colour, (0, y, width, height - y))
    if kind == "shore":
        pygame.draw.rect(surface, (40, 90, 150), (0, y + (height - y) // 2, width, height))
    elif kind == "sea":
        for x in range(0, width, 18):
            pygame.draw.arc(surface, (90, 140, 200), (x, y + 6, 18, 10), 0, math.pi, 2)
    elif kind == "fields":
        for x in range(-height, width, 14):
            pygame.draw.line(surface, (120, 150, 80), (x, height), (x + (height - y), y), 2)
    elif kind == "city":
        rng = random.Random(y)
        x = 0
        while x < width:
            w, h = rng.randint(14, 34), rng.randint(10, 40)
            pygame.draw.rect(surface, ink["ground"], (x, y - h, w, h + 2))
            x += w


def _vehicle(surface, rocket, craft, base, box) -> None:
    picture = vehicles.picture(rocket, craft, box)
    surface.blit(picture, (base[0] - box[0] // 2, base[1] - box[1]))


def _flame(surface, base, length) -> None:
    x, y = base
    for colour, scale in (((255, 140, 40), 1.0), ((255, 220, 120), 0.6), ((255, 255, 230), 0.3)):
        w = max(3, int(length * 0.2 * scale) + 2)
        pygame.draw.polygon(surface, colour, [(x - w, y), (x + w, y), (x, y + int(length * scale))])


def _smoke(surface, rng, base, width, ink) -> None:
    for _ in range(10):
        r = rng.randint(8, 20)
        pygame.draw.circle(surface, ink["light"], (base[0] + rng.randint(-width // 4, width // 4), base[1] - r // 3), r)


def _burst(surface, centre, radius, rng) -> None:
    for colour, scale in (((200, 60, 30), 1.0), ((255, 140, 40), 0.7), ((255, 230, 150), 0.35)):
        points = []
        for i in range(18):
            a = i / 18 * math.tau
            r = radius * scale * (0.55 + 0.45 * (i % 2)) * rng.uniform(0.85, 1.1)
            points.append((centre[0] + math.cos(a) * r, centre[1] + math.sin(a) * r))
        pygame.draw.polygon(surface, colour, points)


def _radio(surface, centre, ink) -> None:
    for r in (26, 40, 54):
        rect = pygame.Rect(0, 0, r * 2, r * 2)
        rect.center = centre
        pygame.draw.arc(surface, ink["gold"], rect, -0.6, 0.6, 3)
        pygame.draw.arc(surface, ink["gold"], rect, math.pi - 0.6, math.pi + 0.6, 3)


def _wheel(surface, centre, r, ink) -> None:
    pygame.draw.ellipse(surface, ink["light"], (centre[0] - r, centre[1] - r // 3, 2 * r, 2 * r // 3), 8)
    for a in (0, math.pi / 2, math.pi, 3 * math.pi / 2):
        pygame.draw.line(surface, ink["light"], centre, (centre[0] + math.cos(a) * r, centre[1] + math.sin(a) * r / 3), 3)
    pygame.draw.circle(surface, ink["gold"], centre, 6)


def _mushroom(surface, base, height, ink) -> None:
    x, y = base
    pygame.draw.rect(surface, (230, 200, 160), (x - 12, y - int(height * 0.45), 24, int(height * 0.45)))
    for dx, dy, r in ((0, 0.5, 0.16), (-0.1, 0.46, 0.12), (0.1, 0.46, 0.12), (0, 0.42, 0.1)):
        pygame.draw.circle(surface, (246, 220, 170), (x + int(dx * height * 1.5), y - int(dy * height)), int(r * height))
    pygame.draw.ellipse(surface, (246, 200, 140), (x - height * 0.3, y - 12, height * 0.6, 22))
    pygame.draw.circle(surface, (255, 246, 220), (x, y - int(height * 0.5)), int(height * 0.06))


def _figure(surface, x, ground, h, colour, helmet=False, arm_up=False) -> None:
    head = max(3, h // 7)
    pygame.draw.circle(surface, colour, (x, ground - h + head), head + (2 if helmet else 0))
    if helmet:
        pygame.draw.circle(surface, (60, 70, 90), (x, ground - h + head), head - 1)
    pygame.draw.polygon(surface, colour, [(x - h // 6, ground - h + head * 2 + 1), (x + h // 6, ground - h + head * 2 + 1),
                                          (x + h // 5, ground), (x - h // 5, ground)])
    if arm_up:
        pygame.draw.line(surface, colour, (x + h // 7, ground - h + head * 3), (x + h // 4, ground - h), max(2, h // 14))


def _crowd(surface, rng, ground, ink, podium=True, mourning=False) -> None:
    width, height = surface.get_size()
    if podium:
        x = width // 2
        pygame.draw.rect(surface, ink["accent"], (x - 30, ground - 46, 60, 46))
        pygame.draw.rect(surface, ink["gold"], (x - 30, ground - 46, 60, 6))
        _figure(surface, x, ground - 46, 56, ink["light"], arm_up=True)
    if mourning:
        pygame.draw.rect(surface, (20, 20, 24), (width // 2 - 50, ground - 22, 100, 18))
        pygame.draw.rect(surface, ink["accent"], (width // 2 - 50, ground - 22, 100, 4))
    for row, (h, shade) in enumerate(((34, 0.55), (40, 0.3))):
        colour = tuple(int(c * shade) for c in ink["ground"]) if not mourning else (18, 18, 22)
        for i in range(16):
            x = int((i + 0.5 * row + rng.uniform(-0.2, 0.2)) * width / 15)
            _figure(surface, x, height - 6 + row * 2, h + rng.randint(-4, 4), colour,
                    arm_up=not mourning and rng.random() < 0.25)


def _crew(surface, ground, ink, helmets=True) -> None:
    width, height = surface.get_size()
    count = 7 if width > 300 else 5
    for i in range(count):
        x = int(width * (i + 0.5) / count)
        _figure(surface, x, ground, int(height * 0.4), ink["light"], helmet=helmets)
        if helmets:
            pygame.draw.rect(surface, ink["accent"], (x - 6, ground - int(height * 0.26), 12, 4))


def _desk(surface, rng, ink, key) -> None:
    width, height = surface.get_size()
    top = int(height * 0.62)
    pygame.draw.polygon(surface, (92, 62, 40), [(0, top), (width, top), (width, height), (0, height)])
    pygame.draw.rect(surface, (120, 84, 54), (0, top, width, 6))
    for i in range(rng.randint(3, 5)):  # papers, squared and askew
        w, h = rng.randint(width // 6, width // 4), rng.randint(height // 7, height // 5)
        paper = pygame.Surface((w, h), pygame.SRCALPHA)
        paper.fill(ink["paper"])
        for line in range(6, h - 4, 5):
            pygame.draw.line(paper, (120, 110, 90), (5, line), (w - 5, line), 1)
        if "diagram" in key or "drawing" in key or "board" in key or i == 0:
            vehicles_pic = vehicles.picture("", "apollo_lm", (w // 2, h - 8)) if "lor" in key else None
            if vehicles_pic is not None:
                paper.blit(vehicles_pic, (w // 4, 4))
            else:
                pygame.draw.polygon(paper, (40, 60, 120), [(w // 2, 4), (w // 2 + 5, h - 6), (w // 2 - 5, h - 6)], 1)
        turned = pygame.transform.rotate(paper, rng.uniform(-14, 14))
        surface.blit(turned, (rng.randint(0, max(1, width - w)), top + rng.randint(4, max(5, height - top - h))))
    # a lamp and a telephone (on the right: a person's cameo takes the top left)
    pygame.draw.polygon(surface, (30, 30, 34), [(width * 0.9, top), (width * 0.86, top - height * 0.3),
                                                (width * 0.88, top - height * 0.3), (width * 0.93, top)])
    pygame.draw.polygon(surface, ink["gold"], [(width * 0.88, top - height * 0.3), (width * 0.74, top - height * 0.36),
                                               (width * 0.76, top - height * 0.24)])
    pygame.draw.ellipse(surface, (20, 20, 22), (width * 0.62, top - 16, 50, 22))
    # a globe on its stand: the world's eyes on every decision
    gx, gy, r = int(width * 0.55), int(height * 0.3), height // 8
    pygame.draw.line(surface, (60, 44, 30), (gx, gy + r), (gx, top), 4)
    pygame.draw.circle(surface, (50, 96, 160), (gx, gy), r)
    pygame.draw.ellipse(surface, (96, 150, 90), (gx - r // 2, gy - r // 2, r, r * 2 // 3))
    pygame.draw.ellipse(surface, ink["light"], (gx - r, gy - r // 3, 2 * r, 2 * r // 3), 1)
    pygame.draw.ellipse(surface, ink["light"], (gx - r // 3, gy - r, 2 * r // 3, 2 * r), 1)
    pygame.draw.circle(surface, ink["gold"], (gx, gy), r + 3, 3)


def _factory(surface, rng, ground, ink, count=4) -> None:
    width, height = surface.get_size()
    shade = tuple(int(c * 0.6) for c in ink["ground"])
    for i in range(count):
        x = int(width * (0.05 + i * 0.9 / count))
        w = int(width * 0.8 / count)
        h = int(height * rng.uniform(0.22, 0.34))
        pygame.draw.rect(surface, shade, (x, ground - h, w, h))
        for k in range(3):  # saw-tooth roof
            pygame.draw.polygon(surface, shade, [(x + k * w // 3, ground - h), (x + (k + 1) * w // 3, ground - h),
                                                 (x + (k + 1) * w // 3, ground - h - 12)])
        pygame.draw.rect(surface, shade, (x + w // 2, ground - h - int(height * 0.2), 8, int(height * 0.2)))
        for wx in range(x + 6, x + w - 6, 12):
            pygame.draw.rect(surface, ink["gold"], (wx, ground - h // 2, 6, 8))


def _parachute(surface, centre, craft, height, ink) -> None:
    x, y = centre
    picture = vehicles.picture("", craft, (height // 4, height // 4))
    surface.blit(picture, picture.get_rect(midtop=(x, y)))
    pygame.draw.arc(surface, ink["accent"], (x - 50, y - 80, 100, 70), 0, math.pi, 16)
    for dx in (-48, 0, 48):
        pygame.draw.line(surface, ink["light"], (x + dx, y - 45), (x, y + 4), 1)


def _flag_band(surface, side, ink) -> None:
    """The foot of the poster in the flag's colours: stripes, or red with a gold star."""
    width, height = surface.get_size()
    band = max(10, height // 14)
    y = height - band
    if side == "usa":
        stripe = max(2, band // 4)
        for i in range(4):
            pygame.draw.rect(surface, (196, 40, 52) if i % 2 == 0 else (238, 234, 222), (0, y + i * stripe, width, stripe))
        pygame.draw.rect(surface, (22, 42, 86), (0, y, band * 3, band))
    else:
        pygame.draw.rect(surface, (176, 24, 30), (0, y, width, band))
        _star(surface, (band, y + band // 2), band // 2 - 1, ink["gold"])


def _star(surface, centre, r, colour) -> None:
    points = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.42
        points.append((centre[0] + math.cos(a) * rr, centre[1] + math.sin(a) * rr))
    pygame.draw.polygon(surface, colour, points)


# --- the two sides' emblems ----------------------------------------------------------------------

NASA_FROM = 1958 * 4 + 3  # quarter index of 1958-Q4: NASA began work on 1 October 1958
SPUTNIK_FROM = 1957 * 4 + 3  # 1957-Q4: Sputnik flew on 4 October 1957


def emblem_for(side: str, diameter: int, quarter: int) -> pygame.Surface:
    """The side's emblem as it was in a quarter: no NASA disc before NASA, no Sputnik before Sputnik."""
    return emblem(side, diameter, quarter >= (NASA_FROM if side == "usa" else SPUTNIK_FROM))


@functools.lru_cache(maxsize=16)
def emblem(side: str, diameter: int, space_age: bool = True) -> pygame.Surface:
    """The American agency's blue disc with its stars, orbit and red vector; the Soviet red disc
    with its gold rim, gold star and a Sputnik on its orbit. Before the space age
    (``space_age`` false) the American star roundel, and the Soviet star without the Sputnik."""
    big = diameter * 4  # drawn large and smoothed down, for clean edges
    surface = pygame.Surface((big, big), pygame.SRCALPHA)
    c = big // 2
    r = c - 2
    rng = random.Random(side)
    if side == "usa" and not space_age:  # the star roundel the services' rockets wore
        pygame.draw.circle(surface, (24, 60, 140), (c, c), r)
        pygame.draw.rect(surface, (240, 240, 240), (c - r * 0.98, c - r * 0.16, r * 1.96, r * 0.32))
        pygame.draw.rect(surface, (214, 40, 46), (c - r * 0.98, c - r * 0.06, r * 1.96, r * 0.12))
        pygame.draw.circle(surface, (24, 60, 140), (c, c), int(r * 0.62))
        _star(surface, (c, c), int(r * 0.58), (240, 240, 240))
    elif side == "usa":
        pygame.draw.circle(surface, (24, 60, 140), (c, c), r)
        for _ in range(14):
            a, d = rng.uniform(0, math.tau), rng.uniform(0.2, 0.85) * r
            pygame.draw.circle(surface, (240, 240, 240), (c + math.cos(a) * d, c + math.sin(a) * d), max(1, big // 60))
        orbit = pygame.Surface((big, big), pygame.SRCALPHA)
        pygame.draw.ellipse(orbit, (240, 240, 240), (big * 0.12, big * 0.36, big * 0.76, big * 0.28), max(2, big // 40))
        orbit = pygame.transform.rotate(orbit, 28)
        surface.blit(orbit, orbit.get_rect(center=(c, c)))
        vector = [(c - r * 0.85, c + r * 0.35), (c + r * 0.2, c - r * 0.05), (c - r * 0.05, c - r * 0.25),
                  (c + r * 0.95, c - r * 0.5), (c + r * 0.05, c + r * 0.05), (c + r * 0.3, c + r * 0.22)]
        pygame.draw.polygon(surface, (214, 40, 46), vector)
    else:
        pygame.draw.circle(surface, (226, 184, 64), (c, c), r)
        pygame.draw.circle(surface, (190, 28, 34), (c, c), int(r * 0.88))
        if space_age:
            pygame.draw.ellipse(surface, (246, 232, 200), (c - r * 0.8, c - r * 0.28, r * 1.6, r * 0.56),
                                max(2, big // 48))
        _star(surface, (c, c), int(r * 0.5 if space_age else r * 0.62), (240, 196, 76))
        if not space_age:
            return pygame.transform.smoothscale(surface, (diameter, diameter))
        sx, sy = c + r * 0.62, c - r * 0.18
        pygame.draw.circle(surface, (246, 232, 200), (sx, sy), max(2, big // 24))
        for angle in (150, 170, 200):
            a = math.radians(angle)
            pygame.draw.line(surface, (246, 232, 200), (sx, sy), (sx + math.cos(a) * r * 0.3, sy + math.sin(a) * r * 0.3),
                             max(1, big // 90))
    return pygame.transform.smoothscale(surface, (diameter, diameter))


# --- the leading people, as poster cameos ------------------------------------------------------------

SKIN = (232, 196, 160)
# hair (shape, colour), face (width to height), what they wear, glasses
PEOPLE = {
    "von_braun": ("wavy", (150, 110, 70), 0.8, "suit", False),
    "braun": ("wavy", (150, 110, 70), 0.8, "suit", False),
    "korolev": ("swept", (40, 34, 30), 0.9, "suit", False),
    "khrushchev": ("bald", (200, 190, 180), 0.95, "suit", False),
    "kennedy": ("parted", (120, 70, 40), 0.78, "suit", False),
    "eisenhower": ("bald", (220, 210, 200), 0.8, "suit", False),
    "webb": ("parted", (90, 80, 70), 0.8, "suit", True),
    "mueller": ("thin", (110, 100, 90), 0.76, "suit", True),
    "glushko": ("swept", (30, 28, 26), 0.74, "suit", False),
    "chelomei": ("swept", (50, 44, 40), 0.8, "suit", False),
    "yangel": ("swept", (60, 52, 44), 0.82, "suit", False),
    "kamanin": ("short", (70, 60, 50), 0.8, "uniform", False),
    "nedelin": ("short", (200, 200, 200), 0.85, "uniform", False),
    "gagarin": ("helmet", (40, 34, 30), 0.8, "spacesuit", False),
    "titov": ("helmet", (40, 34, 30), 0.8, "spacesuit", False),
    "tereshkova": ("helmet", (90, 60, 40), 0.76, "spacesuit", False),
    "leonov": ("helmet", (90, 70, 50), 0.8, "spacesuit", False),
    "shepard": ("helmet", (90, 70, 50), 0.78, "spacesuit", False),
    "sedov": ("thin", (210, 210, 210), 0.8, "suit", True),
    "tikhonravov": ("thin", (190, 190, 190), 0.78, "suit", True),
}


def person(key: str) -> str | None:
    """The leading person a key names, if any (the first named)."""
    low = key.lower()
    found = [(low.find(word), word) for word in PEOPLE if word in low]
    return min(found)[1] if found else None


@functools.lru_cache(maxsize=32)
def portrait(who: str, size: int, side: str) -> pygame.Surface:
    """A stylised bust in a round poster frame: hair, face, collar and tie, or a helmet."""
    hair, hair_colour, face_w, dress, glasses = PEOPLE[who]
    ink = INKS[side]
    big = size * 3
    surface = pygame.Surface((big, big), pygame.SRCALPHA)
    c = big // 2
    pygame.draw.circle(surface, ink["paper"], (c, c), c)
    pygame.draw.circle(surface, ink["rays"] if side == "usa" else ink["sky"], (c, c), int(c * 0.9))
    suit = _dress(surface, dress, side, ink)
    # neck and face
    pygame.draw.rect(surface, SKIN, (c - big * 0.06, big * 0.55, big * 0.12, big * 0.13))
    face_h = big * 0.36
    face = pygame.Rect(0, 0, int(face_h * face_w), int(face_h))
    face.center = (c, int(big * 0.44))
    if hair == "helmet":
        pygame.draw.circle(surface, suit, face.center, int(face_h * 0.68))
        pygame.draw.circle(surface, (40, 40, 48), face.center, int(face_h * 0.56))
        if side == "ussr":
            label = art.font(max(8, big // 14), True).render("CCCP", True, (250, 240, 220))
            surface.blit(label, label.get_rect(center=(c, face.top - face_h * 0.02)))
    pygame.draw.ellipse(surface, SKIN, face)
    _hair(surface, hair, hair_colour, face, face_h)
    _features(surface, face, face_h, hair, hair_colour, glasses)
    pygame.draw.circle(surface, ink["gold"], (c, c), c, max(2, big // 40))
    return pygame.transform.smoothscale(surface, (size, size))


def _dress(surface: pygame.Surface, dress: str, side: str, ink: dict) -> tuple:
    """Shoulders and clothes: a suit and tie, a uniform's boards and a medal, or a spacesuit.
    Returns the cloth's colour (a helmet is made of it)."""
    big = surface.get_width()
    c = big // 2
    suit = {"suit": (40, 44, 56), "uniform": (70, 86, 60) if side == "ussr" else (90, 84, 60),
            "spacesuit": (220, 110, 50) if side == "ussr" else (214, 216, 220)}[dress]
    body = pygame.Rect(int(big * 0.2), int(big * 0.66), int(big * 0.6), int(big * 0.5))
    pygame.draw.ellipse(surface, suit, body)
    if dress == "suit":
        pygame.draw.polygon(surface, (240, 240, 236), [(c - big * 0.07, big * 0.66), (c + big * 0.07, big * 0.66),
                                                       (c, big * 0.8)])
        pygame.draw.polygon(surface, ink["accent"], [(c - big * 0.02, big * 0.68), (c + big * 0.02, big * 0.68),
                                                     (c + big * 0.025, big * 0.8), (c, big * 0.84),
                                                     (c - big * 0.025, big * 0.8)])
    elif dress == "uniform":
        for sign in (-1, 1):
            pygame.draw.rect(surface, ink["gold"], (c + sign * big * 0.2 - big * 0.05, big * 0.68, big * 0.1, big * 0.03))
        pygame.draw.circle(surface, ink["gold"], (int(c - big * 0.1), int(big * 0.78)), max(2, big // 40))
    return suit


def _hair(surface: pygame.Surface, hair: str, hair_colour: tuple, face: pygame.Rect, face_h: float) -> None:
    big = surface.get_width()
    c, top = big // 2, face.top
    if hair == "bald":
        for sign in (-1, 1):
            pygame.draw.ellipse(surface, hair_colour, (c + sign * face.width * 0.42 - face.width * 0.12,
                                                       face.top + face_h * 0.28, face.width * 0.24, face_h * 0.3))
    elif hair in ("swept", "wavy", "parted", "short", "thin"):
        crown = pygame.Rect(face.left - 2, top - face_h * (0.14 if hair != "thin" else 0.04), face.width + 4,
                            face_h * (0.5 if hair != "short" else 0.4))
        pygame.draw.ellipse(surface, hair_colour, crown)
        pygame.draw.rect(surface, SKIN, (face.left + face.width * 0.12, top + face_h * 0.22, face.width * 0.76,
                                         face_h * 0.2))
        if hair == "wavy":
            for k in range(3):
                pygame.draw.circle(surface, hair_colour, (int(face.left + face.width * (0.25 + 0.25 * k)),
                                                          int(top + face_h * 0.02)), int(face_h * 0.12))
        elif hair == "parted":
            pygame.draw.line(surface, SKIN, (face.left + face.width * 0.3, top - face_h * 0.1),
                             (face.left + face.width * 0.32, top + face_h * 0.18), max(1, big // 90))


def _features(surface: pygame.Surface, face: pygame.Rect, face_h: float, hair: str, hair_colour: tuple,
              glasses: bool) -> None:
    """The features, simply: brows, eyes (and glasses), nose and mouth."""
    big = surface.get_width()
    c = big // 2
    eye_y = face.top + face_h * 0.48
    for sign in (-1, 1):
        ex = c + sign * face.width * 0.2
        pygame.draw.circle(surface, (40, 36, 34), (ex, eye_y), max(1, big // 70))
        pygame.draw.line(surface, hair_colour if hair not in ("bald", "helmet") else (120, 100, 90),
                         (ex - face.width * 0.1, eye_y - face_h * 0.08), (ex + face.width * 0.1, eye_y - face_h * 0.08),
                         max(1, big // 80))
        if glasses:
            pygame.draw.circle(surface, (30, 30, 30), (ex, eye_y), int(face.width * 0.13), max(1, big // 100))
    pygame.draw.line(surface, (190, 150, 120), (c, eye_y + face_h * 0.05), (c - face.width * 0.04, eye_y + face_h * 0.2),
                     max(1, big // 90))
    smile = pygame.Rect(0, 0, int(face.width * 0.36), int(face_h * 0.14))
    smile.center = (c, int(eye_y + face_h * 0.3))
    pygame.draw.arc(surface, (150, 70, 60), smile, math.pi * 1.1, math.pi * 1.9, max(1, big // 80))
