"""Side views of every rocket and spacecraft, drawn by code in proportion (metres from
the history file's ``vehicles:``), cached once drawn.

A vehicle is a list of stages from the bottom up; a stage is a list of parts (sections
of a body of revolution, bottom up), each with its marks (bands, chequers, roll
patterns) and extras (fins, strap-ons, engine bells, solar wings, legs, an escape
tower). ``stack(rocket, craft, height)`` puts a spacecraft on a rocket (under a shroud
for small probes) and gives each stage its own picture, so the launch can drop them.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

import pygame

WHITE = (236, 236, 230)
BLACK = (34, 34, 38)
SILVER = (188, 196, 206)
STEEL = (170, 178, 188)
GREY = (150, 152, 156)
DARK = (80, 84, 92)
OLIVE = (128, 138, 112)
SOVIET = (196, 200, 190)  # the R-7's light grey
GREEN = (112, 132, 96)  # Soyuz's insulation
GOLD = (214, 172, 64)
BELL = (96, 90, 86)


@dataclass(frozen=True)
class Part:
    length: float
    base: float
    top: float | None = None
    colour: tuple = WHITE
    shape: str = "trap"  # trap | ball | bell
    marks: tuple = ()  # ("band", y0, y1, colour) | ("half", y0, y1, colour, "left"/"right")
    #                    | ("strips", y0, y1, colour, n) | ("lattice", y0, y1, colour)
    extras: tuple = ()  # ("fins", ...) | ("cones", ...) | ("tanks", ...) | ("engines", ...) | ...

    @property
    def top_d(self) -> float:
        return self.base if self.top is None else self.top


@dataclass(frozen=True)
class Vehicle:
    name: str
    stages: tuple  # tuple of tuples of Part, bottom up; an empty stage with extras is strap-ons
    nose: tuple = ()  # parts on top when flown alone (a warhead, a fairing)
    craft: str | None = None  # the spacecraft it is drawn with when alone (Saturn V with Apollo)
    shrouded: bool = False  # a spacecraft that rides inside a fairing
    tower: float = 0.0  # a spacecraft's escape tower, in metres (drawn when stacked)

    @property
    def length(self) -> float:
        return sum(p.length for stage in self.stages for p in stage)


def P(length, base, top=None, colour=WHITE, shape="trap", marks=(), extras=()) -> Part:  # noqa: N802
    return Part(length, base, top, colour, shape, tuple(marks), tuple(extras))


def _v2_body(colour_a, colour_b, length=14.0, fins=(3.6, 1.0), chequer=True) -> tuple:
    stretch = length - 14.0
    marks_tail = (("half", 0, 1, colour_b, "left"),) if chequer else (("band", 0.0, 0.3, colour_b),)
    marks_body = ((("half", 0, 0.5, colour_b, "right"), ("half", 0.5, 1, colour_b, "left")) if chequer
                  else (("band", 0.85, 0.9, colour_b),))
    return (P(3.2, 1.15, 1.65, colour_a, marks=marks_tail,
              extras=(("fins", fins[0], fins[1], 1.0, 0.3, colour_b), ("engines", 1, 0.7, 0.8))),
            P(6.0 + stretch * 0.8, 1.65, 1.65, colour_a, marks=marks_body),
            P(2.8 + stretch * 0.2, 1.65, 0.9, colour_a),
            P(2.0, 0.9, 0.0, colour_a if chequer else colour_b))


def _r7_strap_ons(colour=SOVIET) -> tuple:
    return (P(0, 2.05, extras=(("cones", 19.6, 2.68, 0.5, colour),)),)


def _r7_core(colour=SOVIET, top=2.2) -> tuple:
    return (P(18.0, 2.05, 2.95, colour, marks=(("band", 0.0, 0.05, DARK),), extras=(("engines", 4, 0.8, 0.5),)),
            P(7.5, 2.95, 2.95, colour, marks=(("band", 0.9, 0.96, DARK),)),
            P(2.0, 2.95, top, colour))


def _fairing(d: float, length: float, colour=WHITE) -> tuple:
    return (P(length * 0.6, d, d, colour), P(length * 0.4, d, d * 0.25, colour), P(0.5, d * 0.25, 0.0, colour))


def _saturn_first(length=24.5, d=6.5) -> tuple:
    # one big tank ringed by eight smaller ones: seen from the side, white and black tanks in turn
    return (P(length, d, d, WHITE, marks=(("strips", 0.08, 0.78, BLACK, 5), ("band", 0.0, 0.08, BLACK)),
              extras=(("fins", 3.0, 1.8, 0.5, 0.6, WHITE), ("engines", 4, 2.0, 1.4))),)


VEHICLES: dict[str, Vehicle] = {
    # --- rockets --------------------------------------------------------------------------------
    "v2": Vehicle("V-2", (_v2_body(WHITE, BLACK),)),
    "hermes": Vehicle("Hermes / Bumper", (_v2_body(WHITE, BLACK, chequer=False),
                                          (P(4.3, 0.3, 0.3, WHITE, extras=(("fins", 0.8, 0.3, 0.6, 0.0, DARK),)),
                                           P(0.6, 0.3, 0.0, DARK)))),
    "redstone": Vehicle("Redstone", ((P(2.0, 1.78, 1.78, BLACK, extras=(("fins", 1.8, 0.7, 0.9, 0.2, BLACK),
                                                                        ("engines", 1, 0.6, 1.0))),
                                      P(14.0, 1.78, 1.78, WHITE, marks=(("band", 0.0, 0.04, BLACK),
                                                                       ("band", 0.93, 1.0, BLACK))),),),
                        nose=(P(2.2, 1.78, 1.5, WHITE), P(2.9, 1.5, 0.0, WHITE))),
    "jupiter_c": Vehicle("Jupiter-C", ((P(2.0, 1.78, 1.78, BLACK, extras=(("fins", 1.8, 0.7, 0.9, 0.2, BLACK),
                                                                         ("engines", 1, 0.6, 1.0))),
                                       P(16.0, 1.78, 1.78, WHITE, marks=(("band", 0.0, 0.04, BLACK),)),
                                       P(1.2, 1.78, 1.0, WHITE)),
                                      (P(1.7, 1.0, 1.0, SILVER, marks=(("strips", 0.1, 0.9, DARK, 4),)),)),
                         nose=(P(0.8, 0.3, 0.3, SILVER), P(0.6, 0.3, 0.0, SILVER))),
    "vanguard": Vehicle("Vanguard", ((P(13.4, 1.14, 1.14, WHITE, marks=(("band", 0.0, 0.06, GREY),),
                                        extras=(("engines", 1, 0.5, 0.7),)),),
                                     (P(0.6, 1.14, 0.8, WHITE), P(5.8, 0.8, 0.8, WHITE,
                                                                   marks=(("band", 0.45, 0.5, GREY),)),)),
                        nose=(P(2.0, 0.8, 0.5, WHITE), P(1.3, 0.5, 0.0, WHITE))),
    "atlas": Vehicle("Atlas", ((P(3.0, 4.9, 3.05, STEEL, marks=(("band", 0.0, 0.12, DARK),),
                                  extras=(("engines", 2, 1.3, 0.55),)),),
                               (P(18.5, 3.05, 3.05, SILVER, marks=(("strips", 0.0, 1.0, STEEL, 7),)),
                                P(3.2, 3.05, 1.5, SILVER))),
                     nose=(P(2.2, 1.5, 0.9, BLACK), P(1.0, 0.9, 0.0, BLACK))),
    "atlas_centaur": Vehicle("Atlas-Centaur", ((P(3.0, 4.9, 3.05, STEEL, marks=(("band", 0.0, 0.12, DARK),),
                                                  extras=(("engines", 2, 1.3, 0.55),)),),
                                               (P(19.5, 3.05, 3.05, SILVER, marks=(("strips", 0.0, 1.0, STEEL, 7),)),),
                                               (P(9.1, 3.05, 3.05, WHITE, marks=(("band", 0.0, 0.1, GREY),)),)),
                             nose=_fairing(3.05, 6.0)),
    "titan2": Vehicle("Titan II", ((P(21.0, 3.05, 3.05, WHITE, marks=(("band", 0.0, 0.06, BLACK),
                                                                     ("half", 0.06, 0.5, (205, 205, 200), "right")),
                                      extras=(("engines", 2, 1.6, 0.5),)),),
                                   (P(1.0, 3.05, 3.05, BLACK), P(8.0, 3.05, 3.05, WHITE,
                                                                 marks=(("band", 0.88, 1.0, BLACK),)))),
                      nose=(P(1.4, 3.05, 2.4, BLACK), P(1.6, 2.4, 0.4, BLACK))),
    "saturn1": Vehicle("Saturn I", (_saturn_first(),
                                    (P(1.8, 6.5, 5.5, WHITE, marks=(("band", 0.0, 0.3, BLACK),)),
                                     P(12.2, 5.5, 5.5, WHITE, marks=(("band", 0.93, 1.0, SILVER),)))),
                       craft="apollo_csm"),
    "saturn1b": Vehicle("Saturn IB", (_saturn_first(25.5, 6.6),
                                      (P(2.0, 6.6, 6.6, WHITE, marks=(("band", 0.0, 1.0, BLACK),)),
                                       P(17.8, 6.6, 6.6, WHITE, marks=(("half", 0.2, 0.7, BLACK, "right"),)),
                                       P(0.9, 6.6, 6.6, SILVER))),
                        craft="apollo_csm"),
    "saturn5": Vehicle("Saturn V", ((P(42.0, 10.1, 10.1, WHITE,
                                       marks=(("strips", 0.0, 0.14, BLACK, 4), ("strips", 0.72, 0.86, BLACK, 4),
                                              ("band", 0.97, 1.0, BLACK)),
                                       extras=(("fins", 4.5, 2.8, 0.8, 0.8, BLACK), ("engines", 3, 5.6, 3.7))),),
                                    (P(24.8, 10.1, 10.1, WHITE, marks=(("band", 0.0, 0.2, WHITE), ("band", 0.2, 0.22, BLACK),
                                                                     ("band", 0.96, 1.0, BLACK))),),
                                    (P(3.2, 10.1, 6.6, WHITE), P(15.0, 6.6, 6.6, WHITE,
                                                                 marks=(("half", 0.0, 0.6, BLACK, "right"),)),
                                     P(0.9, 6.6, 6.6, SILVER))),
                       craft="apollo_csm"),
    "r1": Vehicle("R-1", (_v2_body(OLIVE, DARK, 14.6, chequer=False),)),
    "r2": Vehicle("R-2", (_v2_body(OLIVE, DARK, 17.7, fins=(3.2, 0.9), chequer=False),)),
    "r5": Vehicle("R-5", (_v2_body(OLIVE, DARK, 20.8, fins=(2.2, 0.5), chequer=False),)),
    "r7": Vehicle("R-7", (_r7_strap_ons(), _r7_core()), nose=(P(3.4, 2.2, 0.0, SOVIET),)),
    "vostok_rocket": Vehicle("R-7 with Block E", (_r7_strap_ons(), _r7_core(),
                                                  (P(1.0, 2.2, 2.2, DARK, marks=(("lattice", 0, 1, SOVIET),)),
                                                   P(3.1, 2.56, 2.56, SOVIET))), craft="vostok"),
    "molniya": Vehicle("Molniya", (_r7_strap_ons(), _r7_core(),
                                   (P(1.0, 2.66, 2.66, DARK, marks=(("lattice", 0, 1, SOVIET),)),
                                    P(6.7, 2.66, 2.66, SOVIET)), (P(3.0, 2.66, 2.66, SOVIET),)),
                       nose=_fairing(2.66, 5.0, SOVIET)),
    "voskhod_rocket": Vehicle("Voskhod / Soyuz launcher", (_r7_strap_ons(), _r7_core(),
                                                           (P(1.0, 2.66, 2.66, DARK, marks=(("lattice", 0, 1, SOVIET),)),
                                                            P(6.7, 2.66, 2.66, SOVIET))), craft="soyuz"),
    "proton": Vehicle("Proton", ((P(21.0, 4.15, 4.15, WHITE, marks=(("band", 0.0, 0.05, DARK),),
                                    extras=(("tanks", 19.0, 1.6, WHITE), ("engines", 3, 1.6, 1.2))),),
                                 (P(14.0, 4.15, 4.15, WHITE, marks=(("band", 0.0, 0.04, DARK),)),),
                                 (P(6.5, 4.15, 4.15, WHITE, marks=(("band", 0.0, 0.1, DARK),)),)),
                      nose=_fairing(4.15, 7.0)),
    "n1": Vehicle("N1", ((P(30.0, 17.0, 10.8, WHITE, marks=(("band", 0.0, 0.04, DARK), ("strips", 0.1, 0.95, GREY, 9)),
                            extras=(("engines", 12, 1.8, 0.95),)),),
                         (P(4.0, 10.8, 10.3, DARK, marks=(("lattice", 0, 1, GREY),)), P(20.0, 10.3, 7.6, WHITE)),
                         (P(3.0, 7.6, 7.6, DARK, marks=(("lattice", 0, 1, GREY),)), P(12.0, 7.6, 5.8, WHITE)),
                         (P(20.0, 5.8, 4.4, WHITE, marks=(("band", 0.48, 0.5, GREY),)), P(8.0, 4.4, 3.0, WHITE),
                          P(3.5, 3.0, 0.8, WHITE))),
                  nose=(P(6.0, 0.8, 0.3, DARK), P(0.6, 0.3, 0.0, DARK))),

    # the roads not taken (never built: sizes from the 1961-65 studies, rounded; not in timeline.yaml)
    # Nova C-8: about 110 m with Apollo, 12.2 m across, eight F-1 engines
    "nova": Vehicle("Nova", ((P(46.0, 12.2, 12.2, WHITE, marks=(("strips", 0.0, 0.12, BLACK, 5), ("band", 0.97, 1.0, BLACK)),
                                extras=(("fins", 5.0, 3.2, 0.8, 0.8, BLACK), ("engines", 4, 6.4, 4.0))),),
                             (P(28.0, 12.2, 12.2, WHITE, marks=(("band", 0.0, 0.04, BLACK), ("band", 0.95, 1.0, BLACK))),),
                             (P(4.0, 12.2, 6.6, WHITE), P(16.0, 6.6, 6.6, WHITE, marks=(("half", 0.0, 0.6, BLACK, "right"),)))),
                    craft="apollo_direct"),
    # UR-700: about 75 m, a ring of Proton-like blocks round a core, some 17 m across
    "ur700": Vehicle("UR-700", ((P(30.0, 6.0, 6.0, WHITE, marks=(("band", 0.0, 0.05, DARK),),
                                   extras=(("tanks", 28.0, 4.1, WHITE), ("engines", 4, 2.2, 1.6))),),
                                (P(22.0, 6.0, 6.0, WHITE, marks=(("band", 0.0, 0.04, DARK),)),),
                                (P(10.0, 4.15, 4.15, WHITE, marks=(("band", 0.0, 0.1, DARK),)),)),
                     nose=_fairing(4.15, 12.0)),

    # --- spacecraft -----------------------------------------------------------------------------
    "explorer": Vehicle("Explorer", ((P(0.9, 0.16, 0.16, SILVER, marks=(("strips", 0, 1, DARK, 3),)),
                                      P(1.1, 0.16, 0.16, SILVER, marks=(("band", 0.4, 0.6, DARK),)),
                                      P(0.3, 0.16, 0.0, SILVER)),), shrouded=True),
    "ranger": Vehicle("Ranger", ((P(1.4, 1.5, 1.5, GOLD, extras=(("wings", 0.5, 2.0, 0.9, (60, 80, 140)),)),
                                  P(1.3, 1.2, 0.4, SILVER), P(0.7, 0.4, 0.0, SILVER)),), shrouded=True),
    "surveyor": Vehicle("Surveyor", ((P(0.4, 0.6, 0.9, SILVER, extras=(("legs", 4.3, 1.2),)),
                                      P(1.4, 0.9, 0.6, SILVER, extras=(("wings", 0.9, 0.8, 0.6, (60, 80, 140)),)),
                                      P(0.5, 0.6, 0.0, SILVER)),), shrouded=True),
    "mercury": Vehicle("Mercury", ((P(0.35, 1.9, 1.9, SILVER), P(1.95, 1.9, 0.8, BLACK,
                                                                 marks=(("strips", 0, 1, (56, 56, 60), 5),)),
                                    P(0.95, 0.8, 0.75, BLACK), P(0.3, 0.75, 0.5, BLACK)),), tower=5.2),
    "gemini": Vehicle("Gemini", ((P(2.3, 3.05, 2.3, WHITE), P(2.0, 2.3, 1.0, BLACK, marks=(("strips", 0, 1, (58, 58, 62), 5),)),
                                  P(1.4, 0.95, 0.85, BLACK), P(0.3, 0.85, 0.5, BLACK)),)),
    "apollo_csm": Vehicle("Apollo CSM", ((P(7.5, 3.9, 3.9, SILVER, marks=(("band", 0.0, 0.06, DARK), ("strips", 0.1, 0.9, (160, 168, 178), 6)),
                                            extras=(("engines", 1, 2.6, 2.2),)),
                                          P(3.2, 3.9, 0.8, (214, 216, 222)), P(0.2, 0.8, 0.6, SILVER)),), tower=10.0),
    "apollo_lm": Vehicle("Apollo LM", ((P(1.7, 4.2, 4.2, GOLD, marks=(("strips", 0, 1, (190, 146, 48), 4),),
                                          extras=(("legs", 9.4, 1.5),)),
                                        P(0.4, 4.2, 3.6, DARK), P(1.8, 3.6, 3.2, (178, 178, 170),
                                                                  marks=(("half", 0.2, 0.6, BLACK, "left"),)),
                                        P(0.9, 3.2, 1.4, (178, 178, 170)), P(0.3, 0.8, 0.8, GREY)),), shrouded=True),
    "sputnik": Vehicle("Sputnik", ((P(0.58, 0.58, 0.58, (214, 216, 222), "ball", extras=(("antennas", 2.6),)),),),
                       shrouded=True),
    "animal_capsule": Vehicle("Sputnik 2", ((P(1.5, 1.8, 1.6, SILVER), P(1.6, 1.6, 0.9, SILVER,
                                                                         marks=(("band", 0.5, 0.55, DARK),)),
                                             P(0.6, 0.6, 0.6, (214, 216, 222), "ball")),), shrouded=True),
    "luna": Vehicle("Luna", ((P(0.8, 0.8, 0.8, (214, 216, 222), "ball", extras=(("antennas", 1.6),)),),),
                    shrouded=True),
    "luna_lander": Vehicle("Luna E-6", ((P(1.2, 1.6, 1.0, SILVER, marks=(("band", 0.4, 0.6, DARK),)),
                                         P(0.8, 0.9, 0.9, GREY), P(0.6, 0.58, 0.58, (214, 216, 222), "ball")),),
                           shrouded=True),
    "vostok": Vehicle("Vostok", ((P(1.1, 1.4, 2.43, GREY, extras=(("bottles", 0.6),)), P(1.0, 2.43, 1.5, GREY),
                                  P(2.3, 2.3, 2.3, (206, 206, 200), "ball", extras=(("antennas", 1.2),))),)),
    "voskhod": Vehicle("Voskhod", ((P(1.1, 1.4, 2.43, GREY, extras=(("bottles", 0.6),)), P(1.0, 2.43, 1.5, GREY),
                                    P(2.3, 2.3, 2.3, (206, 206, 200), "ball"), P(0.8, 0.7, 0.5, DARK)),)),
    "soyuz": Vehicle("Soyuz", ((P(2.3, 2.72, 2.72, GREEN, marks=(("band", 0.0, 0.1, DARK),),
                                  extras=(("wings", 0.55, 3.4, 1.9, (50, 70, 130)),)),
                                P(0.3, 2.2, 2.2, DARK), P(2.1, 2.2, 1.0, GREEN, "bell"),
                                P(2.25, 2.25, 2.25, GREEN, "ball"), P(0.6, 0.3, 0.1, GREY)),), tower=5.0),
    "zond": Vehicle("Zond", ((P(2.3, 2.72, 2.72, GREEN, marks=(("band", 0.0, 0.1, DARK),),
                              extras=(("wings", 0.55, 3.0, 1.8, (50, 70, 130)),)),
                            P(0.3, 2.2, 2.2, DARK), P(2.1, 2.2, 1.0, GREEN, "bell"),
                            P(0.6, 1.2, 1.0, SILVER)),), tower=5.0),
    "lok": Vehicle("Soyuz 7K-LOK", ((P(2.0, 2.72, 2.72, DARK, marks=(("band", 0.0, 0.12, BLACK),)),
                                     P(2.3, 2.72, 2.72, GREEN, extras=(("wings", 0.55, 3.4, 1.9, (50, 70, 130)),)),
                                     P(0.3, 2.2, 2.2, DARK), P(2.1, 2.2, 1.0, GREEN, "bell"),
                                     P(2.25, 2.25, 2.25, GREEN, "ball"), P(0.7, 0.4, 0.1, GREY)),), tower=5.0),
    "lk": Vehicle("LK", ((P(1.2, 2.3, 2.3, GOLD, marks=(("strips", 0, 1, (186, 146, 48), 4),),
                           extras=(("legs", 4.5, 1.8),)),
                         P(0.8, 2.0, 2.0, GREY), P(2.3, 2.3, 2.3, (200, 200, 192), "ball"),
                         P(0.4, 0.6, 0.4, DARK)),), shrouded=True),
    # Apollo on a landing stage (direct ascent, EOR): the CSM on a braking stage of about 8 m
    "apollo_direct": Vehicle("Apollo on a landing stage", (
        (P(7.8, 6.6, 3.9, GOLD, marks=(("strips", 0, 1, (190, 146, 48), 4),), extras=(("legs", 11.0, 2.0),)),
         P(7.5, 3.9, 3.9, SILVER, marks=(("band", 0.0, 0.06, DARK), ("strips", 0.1, 0.9, (160, 168, 178), 6))),
         P(3.2, 3.9, 0.8, (214, 216, 222)), P(0.2, 0.8, 0.6, SILVER)),), tower=10.0),
    # the EOR tanker: an S-IVB-sized stage, 6.6 m across, about 18 m long
    "eor_tanker": Vehicle("Saturn orbital tanker", ((P(17.8, 6.6, 6.6, WHITE, marks=(("half", 0.1, 0.7, BLACK, "right"),),
                                                       extras=(("engines", 1, 2.0, 1.4),)),
                                                     P(2.4, 6.6, 2.0, WHITE), P(0.8, 2.0, 0.0, DARK)),)),
    # LK-1: Chelomei's circumlunar ship, a capsule on a service module, about 2.7 m across
    "lk1": Vehicle("LK-1", ((P(2.6, 2.7, 2.7, WHITE, marks=(("band", 0.0, 0.1, DARK),),
                              extras=(("wings", 0.5, 2.8, 1.6, (50, 70, 130)),)),
                            P(2.0, 2.7, 1.4, GREY, "bell"), P(0.6, 0.4, 0.1, DARK)),), tower=4.5),
    # LK-700: a cabin on a landing stage, about 9 m tall
    "lk700": Vehicle("LK-700", ((P(4.5, 4.1, 3.0, GOLD, marks=(("strips", 0, 1, (186, 146, 48), 4),),
                                  extras=(("legs", 7.5, 2.2),)),
                                 P(2.0, 3.0, 2.5, GREY), P(2.3, 2.3, 2.3, (200, 200, 192), "ball"),
                                 P(0.5, 0.6, 0.4, DARK)),), shrouded=True),
    # the 9K rocket block of the Soyuz complex: about 2.7 m across and 8 m long
    "soyuz_9k": Vehicle("Soyuz 9K block", ((P(7.8, 2.72, 2.72, SOVIET, marks=(("band", 0.0, 0.1, DARK), ("band", 0.9, 1.0, DARK)),
                                             extras=(("engines", 1, 1.2, 0.9),)),
                                           P(0.8, 2.72, 1.2, DARK)),), shrouded=True),
}


def vehicle(key: str) -> Vehicle:
    """The vehicle for an art key; an unknown key gets a plain rocket, never nothing."""
    return VEHICLES.get(key) or Vehicle(key, ((P(12.0, 1.6, 1.6, WHITE, extras=(("fins", 2.0, 0.8, 0.9, 0.2, DARK),)),),),
                                        nose=(P(3.0, 1.6, 0.0, WHITE),))


# --- drawing -------------------------------------------------------------------------------------

SHADING = ((0.0, 0.2, 0.0), (0.2, 0.3, 0.3), (0.3, 0.64, 0.0), (0.64, 0.78, -0.12), (0.78, 1.0, -0.28))


def _shaded(colour, amount: float) -> tuple:
    """A surface colour lit from the left; black stays black but shows its roundness too."""
    if colour[0] + colour[1] + colour[2] < 130:
        return _shade(colour, amount * 0.8) if amount < 0 else _shade(colour, amount * 0.35)
    return _shade(colour, amount)


def _shade(colour, amount: float) -> tuple:
    if amount >= 0:
        return tuple(int(c + (255 - c) * amount) for c in colour[:3])
    return tuple(int(c * (1 + amount)) for c in colour[:3])


class _Pen:
    """Draws parts onto a surface: x in metres from the centre line, y in metres up from ``base``."""

    def __init__(self, surface: pygame.Surface, cx: float, base: float, scale: float):
        self.surface, self.cx, self.base, self.s = surface, cx, base, scale

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return (self.cx + x * self.s, self.base - y * self.s)

    def poly(self, colour, points) -> None:
        pts = [self.pt(x, y) for x, y in points]
        pygame.draw.polygon(self.surface, colour, pts)

    def body(self, y0: float, part: Part) -> None:
        length, b, t, colour = part.length, part.base, part.top_d, part.colour
        if length <= 0:
            return
        if part.shape == "ball":
            r = b / 2
            centre = self.pt(0, y0 + length / 2)
            radius = max(1, r * self.s)
            pygame.draw.circle(self.surface, _shade(colour, -0.3), centre, radius)
            pygame.draw.circle(self.surface, colour, (centre[0] - radius * 0.12, centre[1] - radius * 0.1), radius * 0.85)
            pygame.draw.circle(self.surface, _shade(colour, 0.35), (centre[0] - radius * 0.35, centre[1] - radius * 0.35),
                               max(1, radius * 0.25))
            return

        def x_at(f: float, v: float) -> float:  # f across (0 left .. 1 right), v along (0 bottom .. 1 top)
            if part.shape == "bell":  # the Soyuz descent module: round shoulders
                d = b + (t - b) * (v ** 1.6)
            else:
                d = b + (t - b) * v
            return (f - 0.5) * d

        def region(f0, f1, v0, v1, steps=1):
            left = [(x_at(f0, v0 + (v1 - v0) * i / steps), y0 + length * (v0 + (v1 - v0) * i / steps))
                    for i in range(steps + 1)]
            right = [(x_at(f1, v0 + (v1 - v0) * i / steps), y0 + length * (v0 + (v1 - v0) * i / steps))
                     for i in range(steps, -1, -1)]
            return left + right

        steps = 6 if part.shape == "bell" else 1

        def fill(f0, f1, v0, v1, fill_colour):
            # in bands across, each shaded for roundness: a gleam on the left, shadow on the right
            for a, b, amount in SHADING:
                lo, hi = max(a, f0), min(b, f1)
                if hi > lo:
                    self.poly(_shaded(fill_colour, amount), region(lo, hi, v0, v1, steps))

        fill(0, 1, 0, 1, colour)
        for mark in part.marks:
            kind = mark[0]
            if kind == "band":
                fill(0, 1, mark[1], mark[2], mark[3])
            elif kind == "half":
                f0, f1 = (0.0, 0.5) if mark[4] == "left" else (0.5, 1.0)
                fill(f0, f1, mark[1], mark[2], mark[3])
            elif kind == "strips":
                n = mark[4]
                for i in range(1, n, 2):
                    # strips seen on a cylinder crowd toward the edges
                    f0 = 0.5 - 0.5 * math.cos(math.pi * i / n)
                    f1 = 0.5 - 0.5 * math.cos(math.pi * (i + 1) / n)
                    fill(f0, f1, mark[1], mark[2], mark[3])
            elif kind == "lattice":
                v0, v1 = mark[1], mark[2]
                n = max(2, int(max(b, t) / max(0.1, length * (v1 - v0))))
                for i in range(n):
                    a0, a1 = i / n, (i + 1) / n
                    for p, q in (((a0, v0), (a1, v1)), ((a1, v0), (a0, v1))):
                        pygame.draw.line(self.surface, mark[3], self.pt(x_at(p[0], p[1]), y0 + length * p[1]),
                                         self.pt(x_at(q[0], q[1]), y0 + length * q[1]), max(1, int(self.s * 0.12)))

    def extras_behind(self, y0: float, part: Part) -> None:
        for extra in part.extras:
            kind = extra[0]
            if kind == "cones":  # the R-7's strap-ons: tapered cones leaning on the core
                _, length, base, top, colour = extra
                rc = part.base / 2
                for sign in (-1, 1):
                    bx, tx = sign * (rc + base / 2 - 0.15), sign * (rc + top / 2 + 0.3)
                    pts = [(bx - base / 2, y0), (bx + base / 2, y0), (tx + top / 2, y0 + length),
                           (tx, y0 + length + 1.6), (tx - top / 2, y0 + length)]
                    self.poly(_shade(colour, -0.18), pts)
                    self.poly(_shade(colour, -0.35), [(bx + sign * base * 0.25, y0), (bx + sign * base / 2, y0),
                                                      (tx + sign * top / 2, y0 + length), (tx, y0 + length)])
                    self._bells(bx, y0, 2, 0.7, 0.45, base)
            elif kind == "tanks":  # Proton's outboard tanks: the two at the edges
                _, length, d, colour = extra
                r = part.base / 2 + d / 2 - 0.1
                for sign in (-1, 1):
                    self._tank(sign * r, y0, length, d, _shade(colour, -0.15))
            elif kind == "wings":
                _, v, span, height, colour = extra
                yc = y0 + part.length * v
                r = part.base / 2
                for sign in (-1, 1):
                    pygame.draw.line(self.surface, GREY, self.pt(sign * r, yc), self.pt(sign * (r + 0.4), yc),
                                     max(1, int(self.s * 0.1)))
                    x0 = sign * (r + 0.4)
                    x1 = sign * (r + 0.4 + span)
                    self.poly(colour, [(x0, yc - height / 2), (x1, yc - height / 2), (x1, yc + height / 2),
                                       (x0, yc + height / 2)])
                    for k in range(1, 4):
                        xk = x0 + (x1 - x0) * k / 4
                        pygame.draw.line(self.surface, _shade(colour, 0.3), self.pt(xk, yc - height / 2),
                                         self.pt(xk, yc + height / 2), 1)
            elif kind == "legs":
                _, span, height = extra
                r = part.base / 2
                width = max(1, int(self.s * 0.14))
                for sign in (-1, 1):
                    foot = (sign * span / 2, y0 - height)
                    pygame.draw.line(self.surface, GREY, self.pt(sign * r, y0 + part.length * 0.6), self.pt(*foot), width)
                    pygame.draw.line(self.surface, GREY, self.pt(sign * r * 0.8, y0), self.pt(*foot), width)
                    self.poly(GREY, [(foot[0] - 0.35, foot[1]), (foot[0] + 0.35, foot[1]),
                                     (foot[0] + 0.2, foot[1] + 0.15), (foot[0] - 0.2, foot[1] + 0.15)])
                pygame.draw.line(self.surface, DARK, self.pt(0, y0), self.pt(0, y0 - height), width)
            elif kind == "antennas":
                _, length = extra
                yc = y0 + part.length / 2
                for angle in (-62, -75, 62, 75):
                    a = math.radians(angle)
                    pygame.draw.line(self.surface, SILVER, self.pt(0, yc),
                                     self.pt(math.sin(a) * length, yc - math.cos(a) * length), max(1, int(self.s * 0.05)))

    def extras_front(self, y0: float, part: Part, bottom: bool) -> None:
        for extra in part.extras:
            kind = extra[0]
            if kind == "fins":
                _, h, span, tip, drop, colour = extra
                r0, r1 = part.base / 2, (part.base + (part.top_d - part.base) * min(1.0, h / max(0.1, part.length))) / 2
                for sign in (-1, 1):
                    self.poly(colour, [(sign * r1 * 0.98, y0 + h), (sign * r0 * 0.98, y0 - drop * 0.3),
                                       (sign * (r0 + span), y0 - drop), (sign * (r0 + span), y0 - drop + tip)])
                w = max(0.08, part.base * 0.07)
                self.poly(_shade(colour, -0.25) if colour != BLACK else (12, 12, 14),
                          [(-w, y0 + h), (w, y0 + h), (w, y0 - drop), (-w, y0 - drop)])
            elif kind == "cones":
                _, length, base, top, colour = extra
                pts = [(-base / 2, y0), (base / 2, y0), (top / 2, y0 + length), (0, y0 + length + 1.6),
                       (-top / 2, y0 + length)]
                self.poly(colour, pts)
                self.poly(_shade(colour, -0.25), [(base * 0.22, y0), (base / 2, y0), (top / 2, y0 + length),
                                                  (top * 0.22, y0 + length)])
                self.poly(_shade(colour, 0.3), [(-base * 0.3, y0), (-base * 0.18, y0), (-top * 0.18, y0 + length),
                                                (-top * 0.3, y0 + length)])
                pygame.draw.line(self.surface, DARK, self.pt(-base / 2, y0 + 0.5), self.pt(base / 2, y0 + 0.5),
                                 max(1, int(self.s * 0.15)))
                pygame.draw.lines(self.surface, _shade(colour, -0.45), False,
                                  [self.pt(*p) for p in pts[1:] + pts[:1]], max(1, int(self.s * 0.08)))
                self._bells(0, y0, 2, 0.7, 0.45, base)
            elif kind == "tanks":
                _, length, d, colour = extra
                r = (part.base / 2 + d / 2) * 0.5
                for sign in (-1, 1):
                    self._tank(sign * r, y0, length, d, colour)
            elif kind == "engines" and bottom:
                _, n, length, d = extra
                self._bells(0, y0, n, length, d, part.base)
            elif kind == "bottles":
                _, d = extra
                r = part.base / 2
                for x in (-r * 0.55, r * 0.1):
                    pygame.draw.circle(self.surface, _shade(GREY, 0.2), self.pt(x + d / 2, y0 + part.length * 0.55),
                                       max(1, d / 2 * self.s))

    def _bells(self, cx: float, y0: float, n: int, length: float, d: float, width: float) -> None:
        spread = max(0.0, width - d * 1.1)
        for i in range(n):
            x = cx + (spread * ((i + 0.5) / n - 0.5) if n > 1 else 0)
            self.poly(BELL, [(x - d * 0.22, y0), (x + d * 0.22, y0), (x + d / 2, y0 - length), (x - d / 2, y0 - length)])
            self.poly(_shade(BELL, -0.35), [(x + d * 0.08, y0), (x + d * 0.22, y0), (x + d / 2, y0 - length),
                                            (x + d * 0.2, y0 - length)])

    def _tank(self, x: float, y0: float, length: float, d: float, colour) -> None:
        self.poly(colour, [(x - d / 2, y0), (x + d / 2, y0), (x + d / 2, y0 + length - d), (x, y0 + length),
                           (x - d / 2, y0 + length - d)])
        self.poly(_shade(colour, -0.25), [(x + d * 0.2, y0), (x + d / 2, y0), (x + d / 2, y0 + length - d),
                                          (x + d * 0.2, y0 + length - d * 0.6)])
        self._bells(x, y0, 1, 0.9, d * 0.7, d)

    def tower(self, y0: float, length: float, base: float) -> None:
        """An escape tower: a lattice tapering up to a small rocket with a pointed nose."""
        w = max(1, int(self.s * 0.1))
        lattice = length * 0.55
        half = base * 0.3
        pygame.draw.line(self.surface, (200, 80, 60), self.pt(-half, y0), self.pt(-0.15, y0 + lattice), w)
        pygame.draw.line(self.surface, (200, 80, 60), self.pt(half, y0), self.pt(0.15, y0 + lattice), w)
        for i in range(4):
            a, c = i / 4, (i + 1) / 4
            xa, xc = half + (0.15 - half) * a, half + (0.15 - half) * c
            pygame.draw.line(self.surface, (200, 80, 60), self.pt(-xa, y0 + lattice * a), self.pt(xc, y0 + lattice * c), w)
        top = y0 + lattice
        self.poly(_shade(WHITE, -0.1), [(-0.35, top), (0.35, top), (0.35, top + length * 0.35),
                                        (-0.35, top + length * 0.35)])
        self.poly(BLACK, [(-0.35, top + length * 0.35), (0.35, top + length * 0.35), (0, top + length * 0.45)])


@dataclass
class Stack:
    """A vehicle ready to fly: one picture per stage (bottom first), all the same width,
    each placed by its top edge in the whole picture; ``base`` is the pad line's y."""

    width: int
    height: int
    base: int
    stages: list  # [(surface, top_y)]
    scale: float
    kinds: list = field(default_factory=list)  # 'stage', 'nose', 'craft' or 'tower' for each picture

    def whole(self) -> pygame.Surface:
        surface = pygame.Surface((self.width, self.height), pygame.SRCALPHA)
        for picture, top in self.stages:
            surface.blit(picture, (0, top))
        return surface


def _stages(rocket: str, craft: str | None) -> list[tuple[tuple, str]]:
    """The parts of each stage of the stack, bottom up, with what each is ('stage', 'craft', 'nose')."""
    vehicle_r = vehicle(rocket)
    stages: list[tuple[tuple, str]] = [(stage, "stage") for stage in vehicle_r.stages]
    top_d = next((p.top_d for stage in reversed(vehicle_r.stages) for p in reversed(stage) if p.length), 1.6)
    if craft is None:
        if vehicle_r.nose:
            stages.append((vehicle_r.nose, "nose"))
        elif vehicle_r.craft:
            craft = vehicle_r.craft
    if craft is not None:
        vehicle_c = vehicle(craft)
        parts = vehicle_c.stages[0]
        if vehicle_c.shrouded and vehicle_r.stages:
            inside = max(vehicle_c.length, 1.0)
            d = max(top_d, max(max(p.base, p.top_d) for p in parts) * 1.1)
            stages.append((_fairing(d, inside * 1.5 + d * 0.4), "craft"))
        else:
            adapter = ()
            if vehicle_r.stages and abs(parts[0].base - top_d) > 0.5:
                adapter = (P(max(0.6, abs(top_d - parts[0].base) * 1.3), top_d, parts[0].base, WHITE),)
            stages.append((adapter + tuple(parts), "craft"))
            if vehicle_c.tower and vehicle_r.stages:
                stages.append(((P(0.0, 0.0, extras=(("tower", vehicle_c.tower),)),), "tower"))
    return stages


def _extent(stages) -> tuple[float, float, float]:
    """Half-width, height above the pad and depth below it, in metres."""
    half, below, height = 0.5, 0.0, 0.0
    y = 0.0
    for parts, _ in stages:
        for part in parts:
            half = max(half, part.base / 2, part.top_d / 2)
            for extra in part.extras:
                kind = extra[0]
                if kind == "fins":
                    half = max(half, part.base / 2 + extra[2])
                    below = max(below, extra[4] - y)
                elif kind == "cones":
                    half = max(half, part.base / 2 + extra[2] + 0.2)
                    height = max(height, y + extra[1] + 1.6)
                elif kind == "tanks":
                    half = max(half, part.base / 2 + extra[2] + 0.1)
                elif kind == "engines":
                    below = max(below, extra[2] - y)
                elif kind == "wings":
                    half = max(half, part.base / 2 + 0.4 + extra[2])
                elif kind == "legs":
                    half = max(half, extra[1] / 2 + 0.4)
                    below = max(below, extra[2] - y)
                elif kind == "antennas":
                    half = max(half, extra[1])
                    below = max(below, extra[1] - y - part.length / 2)
                elif kind == "tower":
                    height = max(height, y + extra[1])
            y += part.length
            height = max(height, y)
    return half, height, below


@functools.lru_cache(maxsize=96)
def stack(rocket: str, craft: str | None, scale: float) -> Stack:
    """The rocket with the spacecraft on top, ``scale`` pixels to the metre, one picture a stage."""
    stages = _stages(rocket, craft)
    width, total, base = _frame(stages, scale)
    pictures, kinds = [], []
    y = 0.0
    for index, (parts, what) in enumerate(stages):
        canvas = pygame.Surface((width, total), pygame.SRCALPHA)
        bottom = index == 0 or not any(p.length for s, _ in stages[:index] for p in s)
        y = _draw_parts(_Pen(canvas, width / 2, base, scale), y, parts, bottom, towers=True)
        box = canvas.get_bounding_rect()
        if box.height == 0:
            continue
        crop = canvas.subsurface((0, box.top, width, box.height)).copy()
        pictures.append((crop, box.top))
        kinds.append(what)
    return Stack(width, total, base, pictures, scale, kinds)


def _frame(stages, scale: float) -> tuple[int, int, int]:
    """The canvas a stack of stages needs at ``scale``: width, height and the pad line's y."""
    half, height, below = _extent(stages)
    pad = 2
    return int(2 * half * scale) + 2 * pad, int((height + below) * scale) + 2 * pad, pad + int(height * scale)


def _draw_parts(pen, y: float, parts, bottom: bool, towers: bool = False) -> float:
    """Draw a stage's parts from ``y`` up: the extras behind the body, the body (with its
    escape tower when ``towers``), then the extras in front. Returns the height reached."""
    y_part = y
    for part in parts:
        pen.extras_behind(y_part, part)
        y_part += part.length
    y_part = y
    for part in parts:
        if towers and part.extras and part.extras[0][0] == "tower":
            pen.tower(y_part, part.extras[0][1], 1.6)
        pen.body(y_part, part)
        y_part += part.length
    y_part = y
    for part in parts:
        pen.extras_front(y_part, part, bottom=bottom)
        y_part += part.length
    return y_part


@functools.lru_cache(maxsize=256)
def picture(rocket: str, craft: str | None, box: tuple[int, int]) -> pygame.Surface:
    """The stack (or one vehicle: ``craft`` alone with ``rocket`` '') fitted into ``box``, its
    proportions kept, standing at the bottom middle of the box."""
    if rocket:
        stages = _stages(rocket, craft)
    else:
        stages = [(vehicle(craft).stages[0], "craft")]
    half, height, below = _extent(stages)
    scale = min((box[0] - 4) / (2 * half), (box[1] - 4) / (height + below))
    built = _alone(craft, scale) if not rocket else stack(rocket, craft, round(scale, 3))
    out = pygame.Surface(box, pygame.SRCALPHA)
    whole = built.whole()
    out.blit(whole, ((box[0] - built.width) // 2, box[1] - built.height))
    return out


# What comes home under the parachute: a slice of each craft's parts, bottom up (the rest is
# cast off before re-entry). Vostok's sphere lands alone; its pilot ejects at 7 km and comes
# down on a parachute of his own.
DESCENT_PARTS = {"vostok": (2, 3), "voskhod": (2, 4), "soyuz": (2, 3), "zond": (2, 3), "lok": (3, 4),
                 "apollo_csm": (1, 3), "gemini": (1, 4)}
EJECTS = frozenset({"vostok"})


def descent(craft: str, box: tuple[int, int]) -> pygame.Surface:
    """The part of a spacecraft that comes home (the whole craft where nothing is cast off),
    fitted into ``box`` as picture() fits a whole one."""
    parts = vehicle(craft).stages[0]
    cut = DESCENT_PARTS.get(craft)
    if cut:
        parts = parts[cut[0]:cut[1]]
    stages = [(parts, "craft")]
    half, height, below = _extent(stages)
    scale = min((box[0] - 4) / (2 * half), (box[1] - 4) / (height + below))
    built = _stack_of(stages, scale)
    out = pygame.Surface(box, pygame.SRCALPHA)
    out.blit(built.whole(), ((box[0] - built.width) // 2, box[1] - built.height))
    return out


@functools.lru_cache(maxsize=64)
def _alone(craft: str, scale: float) -> Stack:
    """A spacecraft by itself: no fairing, no escape tower."""
    return _stack_of([(vehicle(craft).stages[0], "craft")], scale)


def _stack_of(stages, scale: float) -> Stack:
    width, total, base = _frame(stages, scale)
    canvas = pygame.Surface((width, total), pygame.SRCALPHA)
    pen = _Pen(canvas, width / 2, base, scale)
    y = 0.0
    for parts, _ in stages:
        y = _draw_parts(pen, y, parts, bottom=True)
    return Stack(width, total, base, [(canvas, 0)], scale, ["craft"])


def icon(art_key: str | None, kind: str, box: tuple[int, int]) -> pygame.Surface:
    """A programme's picture for a list: a rocket with its usual top, or a spacecraft alone."""
    if not art_key:
        return pygame.Surface(box, pygame.SRCALPHA)
    if kind == "rocket":
        return lying(art_key, box)
    return picture("", art_key, box)


@functools.lru_cache(maxsize=64)
def lying(art_key: str, box: tuple[int, int]) -> pygame.Surface:
    """A rocket on its side, nose to the right, as in a catalogue: long rockets read better so."""
    upright = picture(art_key, None, (box[1], box[0]))
    return pygame.transform.rotate(upright, -90)


def height_m(rocket: str, craft: str | None) -> float:
    """How tall the stack stands, in metres."""
    half, height, below = _extent(_stages(rocket, craft))
    return height
