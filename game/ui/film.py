"""The launch as a short film: a countdown, the rocket (its drawing) rising from its pad,
stages falling away, each step of the mission in turn, and a failure that looks like one.

``LaunchFilm(report, ...)`` works out when each step's result is shown; ``draw(surface,
rect, t)`` draws the moment ``t`` seconds in, from pictures made once, so a frame stays
cheap. Nothing here changes the game: the film plays a ``LaunchReport`` back.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import pygame

from game.ui import art, vehicles, worldmap

COUNTDOWN = 1.8  # seconds of T-minus before lift-off
HOLD = 1.8  # seconds the last picture stays after the last step
SPACE_WORDS = ("orbit", "injection", "translunar", "course", "rendezvous", "dock", "spacewalk", "eva", "coast",
               "escape", "flyby", "impact", "photograph", "endurance", "lunar", "moon", "descent", "touchdown",
               "ascent from", "braking", "trans-earth", "days", "duration")
MOON_WORDS = ("moon", "lunar", "translunar", "descent", "touchdown", "ascent from", "braking", "trans-earth",
              "impact", "flyby", "photograph")
HOME_WORDS = ("re-entry", "reentry", "recovery", "parachute", "splashdown", "landing", "return")
FAILED = ("loss", "death")
PHASES = ("ascent", "space", "moon", "home")  # how the film shows a step: a mission's steps declare one


@dataclass
class Debris:
    dx: float
    dy: float
    spin: float
    size: int
    colour: tuple


def phases_of(mission) -> dict[str, str]:
    """The phases a mission's steps declare, by step id, for ``LaunchFilm``."""
    return {step.id: step.phase for step in mission.steps if step.phase}


def film_of(content, report, size: tuple[int, int], shown=None) -> LaunchFilm:
    """The film of a launch as the content draws it: its rocket's and craft's art, its pad's
    site on the map, its steps' declared phases. ``shown`` plays instead of the report (a
    decision's film, cut at the step that went wrong)."""
    programmes = content.programmes
    craft = programmes[report.spacecraft].art or report.spacecraft if report.spacecraft else None
    return LaunchFilm(shown or report, programmes[report.rocket].art or report.rocket, craft, size,
                      f"{report.mission_id}-{report.type}", worldmap.site_of(content, report),
                      worldmap.sites(content), phases_of(content.missions[report.type]))


def _kind(name: str) -> str:
    """A step's phase from the words of its name: for mods that declare no ``phase``."""
    low = name.lower()
    if "warhead" in low:
        return "ascent"
    if any(w in low for w in HOME_WORDS) and not ("landing" in low and any(w in low for w in MOON_WORDS)):
        return "home"
    if any(w in low for w in MOON_WORDS):
        return "moon"
    if any(w in low for w in SPACE_WORDS):
        return "space"
    return "ascent"


class LaunchFilm:
    def __init__(self, report, rocket_art: str, craft_art: str | None, size: tuple[int, int], seed: str = "",
                 site: str | None = None, places: dict | None = None, phases: dict | None = None):
        self.report = report
        self.site = site or worldmap.site_for(rocket_art, report.year, report.side)
        self.places = places  # the map's sites (worldmap.sites(content)); None: the built-in table
        self._inset_w = min(260, size[0] // 3)
        worldmap.world((self._inset_w, int(self._inset_w * 0.5)), art.FACE)  # drawn now, not in a frame
        self.size = size
        width, height = size
        self.rng = random.Random(seed or f"{report.mission_id}")
        steps = report.steps
        self.step_dt = max(0.8, min(1.6, 9.0 / max(1, len(steps))))
        scrub = bool(steps) and steps[0].outcome == "scrub"
        # when each step's result is shown: a scrub on the pad at once, the others one by one
        self.reveal = [COUNTDOWN + (1.0 if scrub else (i + 1) * self.step_dt) for i in range(len(steps))]
        self.failed_at = next((i for i, s in enumerate(steps) if s.outcome not in ("success", "skipped")), None)
        if self.failed_at is not None:  # the steps never reached are shown with the failure
            for i in range(self.failed_at + 1, len(steps)):
                self.reveal[i] = self.reveal[self.failed_at]
        last = self.reveal[self.failed_at] if self.failed_at is not None else (self.reveal[-1] if steps else COUNTDOWN)
        self.duration = max(5.2, last + HOLD)
        self.fail_time = self.reveal[self.failed_at] if self.failed_at is not None else None
        self.outcome_kind = steps[self.failed_at].outcome if self.failed_at is not None else "success"
        # a missile test flies its whole course as the rocket; a spacecraft goes on alone
        # each step's phase as the mission declares it (step id -> phase); else its name says
        phases = phases or {}
        self.kinds = [(phases.get(s.step) or _kind(s.name)) if craft_art else "ascent" for s in steps]
        if self.kinds:
            self.kinds[0] = "ascent"
        # the phase each step plays in: after the first step in space, the rocket is spent
        self.space_from = next((i for i, k in enumerate(self.kinds) if k != "ascent"), None)

        # the vehicle, drawn once, as tall as half the view
        tall = vehicles.height_m(rocket_art, craft_art) + 2
        scale = round(max(0.4, height * 0.5 / tall), 3)
        built = vehicles.stack(rocket_art, craft_art, scale)
        if built.width > width * 0.45:
            built = vehicles.stack(rocket_art, craft_art, round(scale * width * 0.45 / built.width, 3))
        self.stack = built
        self.rocket_count = sum(1 for k in built.kinds if k == "stage")
        self.is_crewed = bool(report.crew)
        self.drop_times = self._drops(bool(craft_art))
        # in space the spacecraft alone flies on, drawn larger
        box = (int(width * 0.4), int(height * 0.34))
        self._craft = (vehicles.picture("", craft_art, box) if craft_art
                       else vehicles.picture(rocket_art, None, box))
        self._craft = self._craft.subsurface(self._craft.get_bounding_rect()).copy()
        home = vehicles.descent(craft_art, (box[0] // 2, box[1] // 2)) if craft_art else None
        self._home = home.subsurface(home.get_bounding_rect()).copy() if home else self._craft
        self._ejects = craft_art in vehicles.EJECTS
        self.debris, self.smoke = self._particles()
        self._sky = self._make_sky(size)
        self._stars = self._make_stars(size)
        self._earth = self._make_limb(size, (40, 96, 170), (150, 200, 255), 1.6)
        self._moon = self._make_moon(max(24, height // 5))
        self._font = art.font(max(18, height // 16), True)

    def _particles(self) -> tuple[list[Debris], list[tuple]]:
        """The debris of a failure and the puffs of the launch smoke, drawn from the film's dice."""
        rng = self.rng
        debris = [Debris(rng.uniform(-160, 160), rng.uniform(-220, 40), rng.uniform(-9, 9), rng.randint(2, 6),
                         rng.choice([(230, 230, 225), (120, 120, 126), (255, 170, 60), (60, 60, 64)]))
                  for _ in range(36)]
        smoke = [(rng.uniform(-1, 1), rng.uniform(0.3, 1.0), rng.uniform(0.6, 1.4)) for _ in range(26)]
        return debris, smoke

    # --- when things happen ------------------------------------------------------------------

    def _drops(self, has_craft: bool) -> list[float]:
        """When each stage falls away: in turn through the ascent steps, the last as the first
        step in space begins; none after a failure."""
        steps = self.report.steps
        ascent_end = self.reveal[self.space_from - 1] if self.space_from else (
            self.reveal[-1] if steps else COUNTDOWN + 2)
        drops = max(0, self.rocket_count - (1 if has_craft or self.space_from is None else 0))
        if self.space_from is None:
            drops = max(0, self.rocket_count - 1)
        first_drop = COUNTDOWN + self.step_dt * 0.9
        times = [first_drop + (ascent_end - first_drop) * (k + 1) / (drops + 1) for k in range(drops)]
        if has_craft and self.space_from is not None and self.rocket_count:
            times = times[:self.rocket_count - 1] + [ascent_end]
        if self.fail_time is not None:  # nothing separates after the failure
            times = [d for d in times if d < self.fail_time]
        return times

    def steps_shown(self, t: float) -> int:
        return sum(1 for r in self.reveal if r <= t)

    def step_now(self, t: float) -> int | None:
        """The step being flown at ``t`` (its result not yet shown), if any."""
        shown = self.steps_shown(t)
        if t < COUNTDOWN or shown >= len(self.report.steps) or self.ended(t):
            return None
        return shown

    def ended(self, t: float) -> bool:
        return self.fail_time is not None and t >= self.fail_time

    def phase(self, t: float) -> str:
        if t < COUNTDOWN or self.space_from is None:
            return "ascent"
        index = self.step_now(t)
        if index is None:
            index = (self.failed_at if self.failed_at is not None else len(self.report.steps) - 1)
        if index < self.space_from:
            return "ascent"
        return self.kinds[index]

    # --- pictures made once -----------------------------------------------------------------

    @staticmethod
    def _make_sky(size) -> pygame.Surface:
        width, height = size
        tall = height * 4
        sky = pygame.Surface((width, tall))
        low, high = (120, 170, 220), (4, 6, 14)
        for y in range(0, tall, 4):
            t = (1 - y / tall) ** 1.6  # 1 at the top of the strip (space), 0 at the ground
            colour = [int(a + (b - a) * t) for a, b in zip(low, high, strict=True)]
            pygame.draw.rect(sky, colour, (0, y, width, 4))
        return sky

    @staticmethod
    def _make_stars(size) -> pygame.Surface:
        width, height = size
        stars = pygame.Surface(size, pygame.SRCALPHA)
        rng = random.Random(11)
        for _ in range(width * height // 1400):
            shade = rng.randint(120, 255)
            stars.set_at((rng.randrange(width), rng.randrange(height)), (shade, shade, shade, 255))
        return stars

    @staticmethod
    def _make_limb(size, colour, glow, radius_scale) -> pygame.Surface:
        width, height = size
        radius = int(width * radius_scale)
        limb = pygame.Surface((width, height // 3), pygame.SRCALPHA)
        centre = (width // 2, radius + 10)
        for g in range(12, 0, -3):
            pygame.draw.circle(limb, (*glow, 40 + g * 6), centre, radius + g)
        pygame.draw.circle(limb, colour, centre, radius)
        rng = random.Random(5)
        for _ in range(14):  # clouds
            x = rng.randrange(width)
            pygame.draw.ellipse(limb, (230, 236, 245, 140), (x, rng.randint(16, height // 3), rng.randint(30, 90), 6))
        return limb

    @staticmethod
    def _make_moon(radius) -> pygame.Surface:
        moon = pygame.Surface((radius * 2 + 2, radius * 2 + 2), pygame.SRCALPHA)
        pygame.draw.circle(moon, (214, 212, 198), (radius + 1, radius + 1), radius)
        rng = random.Random(3)
        for _ in range(9):
            r = rng.randint(radius // 10, radius // 4)
            a, d = rng.uniform(0, math.tau), rng.uniform(0, radius * 0.7)
            pygame.draw.circle(moon, (176, 174, 162), (radius + 1 + math.cos(a) * d, radius + 1 + math.sin(a) * d), r)
        return moon

    # --- one frame ----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, t: float) -> None:
        previous = surface.get_clip()
        surface.set_clip(rect)
        try:
            self._draw(surface, rect, t)
        finally:
            surface.set_clip(previous)

    def _climb(self, t: float) -> float:
        """How far the rocket has risen, in pixels, at ``t``."""
        if t < COUNTDOWN or (self.report.steps and self.report.steps[0].outcome == "scrub"):
            return 0.0
        flying = t - COUNTDOWN
        if self.fail_time is not None:
            flying = min(flying, self.fail_time - COUNTDOWN)
        return 0.5 * 90 * flying ** 2 + 12 * flying

    def _draw(self, surface: pygame.Surface, rect: pygame.Rect, t: float) -> None:
        width, height = rect.size
        phase = self.phase(t)
        climb = self._climb(t)
        pad_y = rect.bottom - 26
        built = self.stack
        rise_room = height * 0.32
        world = max(0.0, climb - rise_room)  # how far the ground has sunk below the view
        base_y = pad_y - min(climb, rise_room)
        if phase in ("space", "moon"):
            self._draw_space(surface, rect, t, phase)
        elif phase == "home":
            self._draw_home(surface, rect, t)
        else:
            offset = min(self._sky.get_height() - height, int(world * 0.8))
            surface.blit(self._sky, rect.topleft, (0, self._sky.get_height() - height - offset, width, height))
            if world > height * 0.3:
                self._stars.set_alpha(min(255, int((world - height * 0.3) / 3)))
                surface.blit(self._stars, rect.topleft)
            self._draw_ground(surface, rect, pad_y + world, t)

        cx = rect.centerx
        ended = self.ended(t)
        since = t - self.fail_time if ended else 0.0
        if phase != "ascent":
            self._draw_craft(surface, rect, t, phase, ended, since)
            self._draw_caption(surface, rect, t)
            return
        # the vehicle: the stages not yet dropped, and those falling away
        tilt = 0.0 if phase != "ascent" else min(16.0, max(0.0, (t - COUNTDOWN - 1.0) * 5.0))
        if self.fail_time is not None:
            tilt = min(tilt, max(0.0, (self.fail_time - COUNTDOWN - 1.0) * 5.0))
        attached = [i for i, _ in enumerate(built.stages) if not self._dropped(i, t)]
        # once the lower stages have gone, what is left settles down into the middle of the view
        dropped = [d for d in self.drop_times if d <= t]
        if dropped and attached:
            lowest = built.stages[attached[0]]
            lift = built.base - (lowest[1] + lowest[0].get_height())
            ease = min(1.0, (t - dropped[-1]) / 0.9)
            before = built.stages[attached[0] - 1] if attached[0] > 0 else lowest
            lift_before = built.base - (before[1] + before[0].get_height())
            base_y += lift_before + (lift - lift_before) * ease
        for i, when in enumerate(self.drop_times):
            if when <= t < when + 2.0 and phase == "ascent" and i < len(built.stages):
                self._draw_falling_stage(surface, i, cx, base_y, t - when, tilt)
        if attached:
            self._draw_vehicle(surface, attached, cx, base_y, t, tilt, ended, since)
        if ended:
            self._draw_failure(surface, rect, cx, base_y, attached, since)
        self._draw_caption(surface, rect, t)

    def _draw_craft(self, surface, rect, t, phase, ended, since) -> None:
        """In space, and coming home: the spacecraft alone, in the middle of the view."""
        craft = self._home if phase == "home" else self._craft  # only the descent module comes home
        cx = rect.centerx + math.sin(t * 0.7) * 8
        cy = rect.centery + math.cos(t * 0.9) * 5
        if phase == "home":
            f = min(1.0, (t - self._phase_start(t)) / 1.2)
            cy = rect.top + rect.height * (0.3 + 0.25 * f)
            if f >= 1.0 and not ended:  # under its parachute
                top = cy - craft.get_height() / 2
                pygame.draw.arc(surface, (236, 110, 60), (cx - 40, top - 70, 80, 60), 0, math.pi, 14)
                for dx in (-38, 0, 38):
                    pygame.draw.line(surface, (230, 230, 230), (cx + dx, top - 40), (cx, top), 1)
                if self._ejects:  # the pilot, ejected, under a parachute of his own
                    px, py = cx + 110, top - 30
                    pygame.draw.arc(surface, (236, 236, 230), (px - 18, py - 34, 36, 28), 0, math.pi, 7)
                    for dx in (-16, 16):
                        pygame.draw.line(surface, (230, 230, 230), (px + dx, py - 20), (px, py), 1)
                    pygame.draw.circle(surface, (226, 120, 50), (px, py + 3), 4)
                    pygame.draw.line(surface, (226, 120, 50), (px, py + 6), (px, py + 16), 3)
        if ended and self.outcome_kind in FAILED and phase == "home" and self._chute_failed():
            self._draw_chute_failure(surface, rect, cx, cy, since, craft)
            return
        if ended and self.outcome_kind in FAILED + ("abort",):
            self._draw_failure(surface, rect, cx, cy + self.stack.height * 0.45, [], since, piece=craft)
            return
        surface.blit(craft, craft.get_rect(center=(cx, cy)))

    def _chute_failed(self) -> bool:
        """Whether the step that failed is the parachutes (or the landing under them), not re-entry's fire."""
        name = self.report.steps[self.failed_at].name.lower()
        return any(w in name for w in ("parachute", "recovery", "splashdown", "landing"))

    def _draw_chute_failure(self, surface, rect, cx, cy, since, craft) -> None:
        """The parachute streams unopened and the capsule falls to the sea: no fireball in mid-air."""
        sea = rect.bottom - 40
        y = min(sea - craft.get_height() / 2, cy + 0.5 * 260 * since ** 2)
        landed = y >= sea - craft.get_height() / 2
        if not landed:  # the streamer: a tangled chute flapping above, never filling
            top = y - craft.get_height() / 2
            flap = math.sin(since * 24) * 6
            streamer = [(cx - 4, top - 8), (cx + 4, top - 8), (cx + 6 + flap, top - 70), (cx - 6 + flap, top - 70)]
            pygame.draw.polygon(surface, (236, 110, 60), streamer)
            pygame.draw.line(surface, (230, 230, 230), (cx, top), (cx + flap * 0.5, top - 8), 1)
            surface.blit(craft, craft.get_rect(center=(cx, y)))
            return
        hit = since - math.sqrt(2 * max(0.0, sea - craft.get_height() / 2 - cy) / 260)
        for k in range(3):  # the splash, spreading and settling
            r = int(12 + 50 * min(1.0, hit / 0.8) * (1 - k * 0.25))
            pygame.draw.ellipse(surface, (220, 236, 250), (cx - r, sea - r // 3 - 4 * k, 2 * r, 2 * r // 3), 2)
        if hit < 0.6:
            spray = int(40 * (1 - hit / 0.6))
            pygame.draw.polygon(surface, (230, 240, 250), [(cx - 10, sea), (cx + 10, sea), (cx, sea - spray)])

    def _dropped(self, index: int, t: float) -> bool:
        return index < len(self.drop_times) and self.drop_times[index] <= t

    def _draw_ground(self, surface, rect, ground_y: float, t: float) -> None:
        if ground_y > rect.bottom + 200:
            return
        pygame.draw.rect(surface, (58, 66, 58), (rect.left, ground_y, rect.width, rect.bottom - ground_y + 1))
        pygame.draw.rect(surface, (92, 92, 96), (rect.centerx - 70, ground_y - 6, 140, 8))
        # the service tower beside the pad
        tower_x = rect.centerx + self.stack.width // 2 + 14
        top = ground_y - self.stack.height * 0.8
        pygame.draw.rect(surface, (150, 60, 48), (tower_x, top, 8, ground_y - top))
        for y in range(int(top), int(ground_y), 12):
            pygame.draw.line(surface, (110, 40, 34), (tower_x, y), (tower_x + 8, y + 12), 1)
        # exhaust and smoke billowing out from the pad after ignition
        if t > COUNTDOWN - 0.3 and not (self.report.steps and self.report.steps[0].outcome == "scrub"):
            age = t - COUNTDOWN + 0.3
            for spread, rise, size in self.smoke:
                r = int(10 + size * 16 * min(2.5, age))
                x = rect.centerx + spread * min(1.0, age * 0.6) * rect.width * 0.4
                y = ground_y - 6 - rise * min(1.0, age * 0.5) * 40
                shade = 200 + int(30 * rise)
                pygame.draw.circle(surface, (shade, shade, shade - 6), (x, y), r)
        elif self.report.steps and self.report.steps[0].outcome == "scrub":
            for k in range(6):  # steam venting while it waits
                y = ground_y - self.stack.height * 0.55 - k * 10 - (t * 30) % 10
                pygame.draw.circle(surface, (226, 230, 234), (rect.centerx + 14 + k * 6, y), 4 + k)

    def _draw_space(self, surface, rect, t: float, phase: str) -> None:
        surface.fill((4, 6, 14), rect)
        surface.blit(self._stars, rect.topleft)
        if phase == "moon":
            grow = min(1.0, (t - self._phase_start(t)) / 3.0)
            moon = self._moon
            if grow < 1.0:
                size = max(8, int(moon.get_width() * (0.5 + grow * 0.5)))
                moon = pygame.transform.smoothscale(moon, (size, size))
            surface.blit(moon, (rect.right - moon.get_width() - 30, rect.top + 30))
            small = rect.height // 12
            pygame.draw.circle(surface, (50, 110, 190), (rect.left + 50, rect.bottom - 50), small)
            pygame.draw.circle(surface, (230, 236, 245), (rect.left + 50 - small // 3, rect.bottom - 50 - small // 3),
                               small // 3)
        else:
            drift = int((t * 18) % 40)
            surface.blit(self._earth, (rect.left - drift, rect.bottom - self._earth.get_height()))
            surface.blit(self._earth, (rect.left - drift + rect.width, rect.bottom - self._earth.get_height()))

    def _phase_start(self, t: float) -> float:
        index = self.step_now(t)
        if index is None:
            index = self.failed_at if self.failed_at is not None else len(self.report.steps) - 1
        kind = self.kinds[index]
        while index > 0 and self.kinds[index - 1] == kind:
            index -= 1
        return self.reveal[index - 1] if index > 0 else COUNTDOWN

    def _draw_home(self, surface, rect, t: float) -> None:
        start = self._phase_start(t)
        f = min(1.0, (t - start) / 1.2)
        top = [int(4 + (90 - 4) * f), int(6 + (140 - 6) * f), int(14 + (200 - 14) * f)]
        surface.fill(top, rect)
        sea = rect.bottom - int(40 * f)
        pygame.draw.rect(surface, (30, 70, 120), (rect.left, sea, rect.width, rect.bottom - sea))
        if f < 1.0:  # the glow of re-entry
            pygame.draw.circle(surface, (255, 160, 60), (rect.centerx, rect.centery + 30), int(40 * (1 - f)) + 8)

    def _draw_vehicle(self, surface, attached, cx, base_y, t, tilt, ended, since) -> None:
        built = self.stack
        lowest = attached[0]
        top = built.stages[attached[-1]][1]
        bottom_of = built.stages[lowest][1] + built.stages[lowest][0].get_height()
        height = bottom_of - top
        if height <= 0:
            return
        if ended and self.outcome_kind in FAILED + ("abort",):
            return  # the failure draws what is left of it
        picture = pygame.Surface((built.width, height + 60), pygame.SRCALPHA)
        for i in attached:
            stage, y = built.stages[i]
            picture.blit(stage, (0, y - top))
        burning = t >= COUNTDOWN and not ended and not (self.report.steps and self.report.steps[0].outcome == "scrub")
        if burning and self.phase(t) == "ascent":
            self._flame(picture, (built.width // 2, built.base - top + 2), max(14, built.width // 2), t)
        if tilt:
            picture = pygame.transform.rotate(picture, -tilt)
        # the pad line is the picture's base: place it there, rotated about the middle
        anchor_y = base_y - (built.base - top) + (height + 60) / 2
        shift = math.sin(math.radians(tilt)) * (built.base - top) * 0.5
        surface.blit(picture, picture.get_rect(center=(cx + shift, anchor_y)))

    def _flame(self, picture, base, length, t) -> None:
        x, y = base
        wobble = 0.85 + 0.15 * math.sin(t * 40)
        for colour, scale in (((255, 140, 40), 1.0), ((255, 210, 110), 0.65), ((255, 250, 220), 0.3)):
            w = max(3, int(length * 0.25 * scale) + 2)
            tip = int(length * 1.6 * scale * wobble)
            pygame.draw.polygon(picture, colour, [(x - w, y), (x + w, y), (x, y + tip)])

    def _draw_falling_stage(self, surface, index, cx, base_y, age, tilt) -> None:
        built = self.stack
        stage, y = built.stages[index]
        if built.kinds[index] != "stage":
            return
        fall = 0.5 * 260 * age ** 2 + 40 * age
        turned = pygame.transform.rotate(stage, -tilt - age * 40 * (1 if index % 2 else -1))
        turned.set_alpha(max(0, 255 - int(age * 127)))
        spread = (age * 30) * (1 if index % 2 else -1)
        centre_y = base_y - (built.base - y) + stage.get_height() / 2 + fall
        surface.blit(turned, turned.get_rect(center=(cx + spread, centre_y)))

    def _draw_failure(self, surface, rect, cx, base_y, attached, since, piece=None) -> None:
        built = self.stack
        kind = self.outcome_kind
        mid_y = base_y - built.height * 0.45
        if kind in FAILED:
            self._draw_explosion(surface, rect, cx, mid_y, since)
        # the rest of the vehicle tumbles and falls: the craft's stage and what remains above
        if attached and since < 3.0:
            keep = attached[-2:] if kind in FAILED else attached[:-2] or attached
            top = built.stages[keep[-1]][1]
            low = built.stages[keep[0]][1] + built.stages[keep[0]][0].get_height()
            piece = pygame.Surface((built.width, max(1, low - top)), pygame.SRCALPHA)
            for i in keep:
                stage, y = built.stages[i]
                piece.blit(stage, (0, y - top))
        if piece is not None and since < 3.0:
            turned = pygame.transform.rotate(piece, since * (140 if kind in FAILED else 70))
            turned.set_alpha(max(0, 255 - int(since * 90)))
            fall = 0.5 * 200 * since ** 2
            surface.blit(turned, turned.get_rect(center=(cx + since * 40, mid_y + fall)))
        if kind == "abort" and self.is_crewed:  # the capsule pulled clear, down under its parachute
            y = mid_y - 120 * min(1.0, since) + max(0.0, since - 1.0) * 30
            x = cx - 60 * min(1.0, since)
            if since > 0.8:
                pygame.draw.arc(surface, (240, 240, 236), (x - 24, y - 52, 48, 40), 0, math.pi, 10)
                for dx in (-22, 0, 22):
                    pygame.draw.line(surface, (220, 220, 220), (x + dx, y - 32), (x, y - 4), 1)
            pygame.draw.polygon(surface, (40, 40, 44), [(x - 8, y + 6), (x + 8, y + 6), (x + 3, y - 6), (x - 3, y - 6)])

    def _draw_explosion(self, surface, rect, cx, mid_y, since) -> None:
        """The flash, the fireball fading to a cloud of smoke with embers, and debris falling."""
        if since < 0.35:  # the flash
            flash = pygame.Surface(rect.size, pygame.SRCALPHA)
            flash.fill((255, 250, 230, int(220 * (1 - since / 0.35))))
            surface.blit(flash, rect.topleft)
        # the fireball grows, then fades to smoke
        radius = int(min(1.0, since / 0.5) * max(60, self.stack.width * 1.6))
        # the smoke of it: a dark cloud drifting, with a trail of smoke falling away beneath
        fade = min(1.0, max(0.0, (since - 0.6) / 1.0))
        if fade > 0:
            rng = random.Random(7)
            for _ in range(9):
                ox, oy = rng.uniform(-1, 1) * radius * 0.7, rng.uniform(-1, 0.6) * radius * 0.6
                r = int(radius * rng.uniform(0.35, 0.6) * (0.6 + 0.4 * fade))
                shade = rng.randint(56, 96)
                pygame.draw.circle(surface, (shade, shade, shade + 4),
                                   (cx + ox + since * 6, mid_y + oy - since * 6), r)
            for k in range(7):
                y = mid_y + radius * 0.4 + k * radius * 0.35 * (0.5 + fade)
                pygame.draw.circle(surface, (110, 110, 114), (cx + math.sin(k * 1.7) * 10, y),
                                   max(3, int(radius * 0.2 * (1 - k / 9))))
            for k in range(5):  # embers still burning in it
                a = k * 1.3 + since
                pygame.draw.circle(surface, (255, 150, 50), (cx + math.cos(a) * radius * 0.4,
                                                             mid_y + math.sin(a * 0.7) * radius * 0.3), 3)
        if since < 1.6:
            for colour, scale in (((200, 60, 30), 1.0), ((255, 140, 40), 0.72), ((255, 230, 150), 0.4)):
                r = max(2, int(radius * scale * (1 - max(0.0, since - 1.0) / 0.6)))
                points = []
                for i in range(14):
                    a = i / 14 * math.tau
                    rr = r * (0.7 + 0.3 * math.sin(a * 3 + since * 9 + i))
                    points.append((cx + math.cos(a) * rr, mid_y + math.sin(a) * rr))
                pygame.draw.polygon(surface, colour, points)
        for d in self.debris:  # debris flung out and falling
            x = cx + d.dx * since
            y = mid_y + d.dy * since + 0.5 * 150 * since ** 2
            a = d.spin * since
            end = (x + math.cos(a) * d.size * 2, y + math.sin(a) * d.size * 2)
            pygame.draw.line(surface, d.colour, (x, y), end, max(1, d.size // 2))

    def _draw_site(self, surface, rect, t: float) -> None:
        """During the countdown and lift-off: where in the world this is."""
        if t > COUNTDOWN + 1.2:
            return
        w = self._inset_w
        inset = pygame.Rect(rect.right - w - 12, rect.top + 12, w, int(w * 0.5))
        worldmap.draw_inset(surface, inset, self.site, t, self.places)

    def _draw_caption(self, surface, rect, t: float) -> None:
        self._draw_site(surface, rect, t)
        if t < COUNTDOWN:
            left = COUNTDOWN - t
            text = f"T\u2212{int(left / COUNTDOWN * 3) + 1}"
        elif t < COUNTDOWN + 0.8 and self.reveal and self.report.steps[0].outcome != "scrub":
            text = "LIFT-OFF"
        else:
            index = self.step_now(t)
            text = (self.report.steps[index].name + "\u2026") if index is not None else ""
        if self.ended(t):
            text = {"loss": "VEHICLE LOST", "death": "CREW LOST", "abort": "ABORT",
                    "scrub": "SCRUBBED: HOLD"}.get(self.outcome_kind, text)
        if text:
            colour = art.BAD if self.ended(t) else (255, 255, 255)
            shadow = self._font.render(text, True, (0, 0, 0))
            label = self._font.render(text, True, colour)
            surface.blit(shadow, (rect.left + 18, rect.top + 14))
            surface.blit(label, (rect.left + 16, rect.top + 12))
