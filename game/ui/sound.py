"""A few sounds made by code (no files): a click, a success chime, a failure thud.

Sound is optional: without an audio device the game plays silently.
"""

from __future__ import annotations

import array
import math

import pygame

RATE = 22050


def _tone(notes: list[tuple[float, float]], volume: float = 0.4) -> bytes:
    """Notes as (frequency, seconds), each with a short fade in and out, as 16-bit stereo."""
    samples = array.array("h")
    for frequency, seconds in notes:
        count = int(RATE * seconds)
        for i in range(count):
            fade = min(1.0, i / 200, (count - i) / 400)
            value = math.sin(math.tau * frequency * i / RATE) if frequency else 0.0
            sample = int(32767 * volume * fade * value)
            samples.append(sample)
            samples.append(sample)
    return samples.tobytes()


class Sounds:
    def __init__(self, volume: float):
        self.ready = False
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=2)
        except pygame.error:
            return
        self.ready = True
        self._made = False
        self.set_volume(volume)

    def _make(self) -> None:
        # made on first use: it costs a few milliseconds the first frame should not wait for
        self._made = True
        self.sounds = {
            "click": pygame.mixer.Sound(buffer=_tone([(660, 0.04)], 0.25)),
            "success": pygame.mixer.Sound(buffer=_tone([(523, 0.12), (659, 0.12), (784, 0.25)])),
            "failure": pygame.mixer.Sound(buffer=_tone([(196, 0.18), (147, 0.35)], 0.5)),
            "step": pygame.mixer.Sound(buffer=_tone([(880, 0.05)], 0.2)),
        }
        for sound in self.sounds.values():
            sound.set_volume(self.volume)

    def set_volume(self, volume: float) -> None:
        self.volume = volume
        for sound in self.sounds.values():
            sound.set_volume(volume)

    def play(self, name: str) -> None:
        if not self.ready or self.volume <= 0:
            return
        if not self._made:
            self._make()
        sound = self.sounds.get(name)
        if sound is not None:
            sound.play()
