"""The game's icon, drawn by code like the rest of the art: a rocket climbing past the Moon
on a night-blue disc. The window wears it; ``spacerace desktop`` and ``make dist`` save it
as a PNG for the desktop's menus.
"""

from __future__ import annotations

import random

import pygame

NIGHT = (15, 26, 46)
RIM = (43, 66, 102)
MOON = (226, 222, 204)
BODY = (236, 240, 246)
SHADE = (176, 188, 206)
RED = (200, 60, 60)
FLAME = (242, 179, 61)


def draw(size: int = 256) -> pygame.Surface:
    """The icon as a square surface with a transparent outside, ``size`` pixels on a side;
    drawn large and smoothed down, so small icons keep their shape."""
    big = max(size, 256)
    s = big / 256  # everything below is laid out on a 256-pixel square
    surface = pygame.Surface((big, big), pygame.SRCALPHA)

    def at(x: float, y: float) -> tuple[int, int]:
        return round(x * s), round(y * s)

    pygame.draw.circle(surface, RIM, at(128, 128), round(126 * s))
    pygame.draw.circle(surface, NIGHT, at(128, 128), round(118 * s))
    stars = random.Random(1957)  # the same sky every time
    for _ in range(28):
        x, y = stars.uniform(40, 216), stars.uniform(40, 216)
        if (x - 128) ** 2 + (y - 128) ** 2 < 100 ** 2:
            pygame.draw.circle(surface, SHADE, at(x, y), max(1, round(stars.choice((1, 1, 2)) * s)))
    pygame.draw.circle(surface, MOON, at(76, 84), round(28 * s))  # a crescent: the Moon less a night disc
    pygame.draw.circle(surface, NIGHT, at(90, 74), round(25 * s))
    # the rocket, nose up and leaning right, as if climbing out of the lower left
    rocket = pygame.Surface((big, big), pygame.SRCALPHA)
    pygame.draw.polygon(rocket, FLAME, [at(116, 196), at(140, 196), at(128, 236)])
    pygame.draw.polygon(rocket, RED, [at(112, 168), at(92, 200), at(112, 194)])  # fins
    pygame.draw.polygon(rocket, RED, [at(144, 168), at(164, 200), at(144, 194)])
    pygame.draw.rect(rocket, BODY, (*at(112, 84), round(32 * s), round(112 * s)))
    pygame.draw.rect(rocket, SHADE, (*at(132, 84), round(12 * s), round(112 * s)))
    pygame.draw.polygon(rocket, RED, [at(112, 85), at(144, 85), at(128, 40)])  # the nose
    pygame.draw.rect(rocket, RED, (*at(112, 150), round(32 * s), round(8 * s)))  # a band
    pygame.draw.circle(rocket, NIGHT, at(128, 112), round(8 * s))  # a porthole
    pygame.draw.circle(rocket, SHADE, at(128, 112), round(8 * s), max(1, round(2 * s)))
    rocket = pygame.transform.rotate(rocket, -20)
    surface.blit(rocket, rocket.get_rect(center=at(132, 132)))
    return surface if size == big else pygame.transform.smoothscale(surface, (size, size))


def save_png(path, size: int = 256) -> None:
    """Write the icon as a PNG (pygame can save without a window)."""
    pygame.image.save(draw(size), str(path))
