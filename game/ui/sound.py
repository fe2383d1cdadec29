"""Every sound made by code, no recordings: Sputnik's beep, a countdown's pips, the launch's
roar, an explosion, a failure's falling tones, a fanfare for a first, and the interface's
clicks. Samples are built with the ``array`` module (numpy is not needed for a few seconds
of 22 kHz sound).

Sound is optional: without an audio device the game plays silently. The samples are made
off the main thread after the first frame, so neither the first frame nor the first click
waits for them; a sound asked for before it is ready is made then.
"""

from __future__ import annotations

import array
import math
import random
import threading

import pygame

RATE = 22050


# --- building blocks: mono float lists, turned into 16-bit stereo at the end ----------------------

def _envelope(count: int, attack: float, release: float) -> list[float]:
    a, r = max(1, int(RATE * attack)), max(1, int(RATE * release))
    return [min(1.0, i / a, (count - i) / r) for i in range(count)]


def _tone(frequency: float, seconds: float, harmonics: tuple = (1.0,), attack=0.005, release=0.03,
          vibrato: float = 0.0) -> list[float]:
    count = int(RATE * seconds)
    env = _envelope(count, attack, release)
    step = math.tau * frequency / RATE
    out = []
    for i in range(count):
        phase = step * i + (vibrato * math.sin(math.tau * 5.5 * i / RATE) if vibrato else 0.0)
        value = 0.0
        for n, amp in enumerate(harmonics, start=1):
            value += amp * math.sin(phase * n)
        out.append(value * env[i])
    peak = sum(abs(h) for h in harmonics) or 1.0
    return [v / peak for v in out]


def _noise(seconds: float, smooth: float, seed: int) -> list[float]:
    """Noise through a one-pole low-pass: ``smooth`` near 1 is a deep rumble, near 0 a hiss."""
    rng = random.Random(seed)
    value, out = 0.0, []
    for _ in range(int(RATE * seconds)):
        value = smooth * value + (1 - smooth) * rng.uniform(-1, 1)
        out.append(value)
    peak = max(1e-6, max(abs(v) for v in out))
    return [v / peak for v in out]


def _mix(*tracks: tuple[list[float], float, float]) -> list[float]:
    """(samples, start in seconds, gain) each, laid over one another."""
    length = max(int(RATE * start) + len(samples) for samples, start, _ in tracks)
    out = [0.0] * length
    for samples, start, gain in tracks:
        offset = int(RATE * start)
        for i, v in enumerate(samples):
            out[offset + i] += v * gain
    return out


def _stereo(samples: list[float], volume: float) -> bytes:
    peak = max(1.0, max((abs(v) for v in samples), default=1.0))
    data = array.array("h", bytes(4 * len(samples)))
    scale = 32000 * volume / peak
    for i, v in enumerate(samples):
        s = int(v * scale)
        data[2 * i] = s
        data[2 * i + 1] = s
    return data.tobytes()


# --- the sounds ---------------------------------------------------------------------------------

def click() -> bytes:
    return _stereo(_tone(1320, 0.035, (1.0, 0.3), attack=0.001, release=0.03), 0.22)


def step() -> bytes:
    return _stereo(_tone(880, 0.07, (1.0, 0.2), release=0.05), 0.25)


def countdown() -> bytes:
    """Mission control's pip: a clean 1 kHz tone."""
    return _stereo(_tone(1000, 0.16, (1.0,), attack=0.004, release=0.02), 0.3)


def sputnik() -> bytes:
    """Beep, beep, beep: the radio tone the whole world heard, clipped by the receiver."""
    beep = _tone(760, 0.28, (1.0, 0.0, 0.33, 0.0, 0.2), attack=0.01, release=0.02)
    hiss = _noise(2.0, 0.2, 3)
    return _stereo(_mix((beep, 0.0, 1.0), (beep, 0.6, 1.0), (beep, 1.2, 1.0), (hiss, 0.0, 0.06)), 0.35)


def roar() -> bytes:
    """The launch: a deep rumble and a crackling hiss, swelling, then dying away as it climbs."""
    seconds = 4.0
    rumble = _noise(seconds, 0.985, 1)
    crackle = _noise(seconds, 0.6, 2)
    rng = random.Random(9)
    count = len(rumble)
    out = []
    for i in range(count):
        t = i / RATE
        swell = min(1.0, t / 0.6) * (1.0 if t < 2.0 else max(0.0, 1 - (t - 2.0) / 2.0))
        pop = 1.6 if rng.random() < 0.002 else 1.0
        out.append((rumble[i] * 0.8 + crackle[i] * 0.25 * pop) * swell)
    return _stereo(out, 0.55)


def explosion() -> bytes:
    boom = _noise(1.8, 0.97, 4)
    bang = _noise(0.25, 0.3, 5)
    count = len(boom)
    decay = [math.exp(-3.2 * i / RATE) for i in range(count)]
    return _stereo(_mix(([b * d for b, d in zip(boom, decay, strict=True)], 0.0, 1.0),
                        ([v * math.exp(-14 * i / RATE) for i, v in enumerate(bang)], 0.0, 0.6)), 0.7)


def failure() -> bytes:
    notes = [(392, 0.2), (330, 0.2), (262, 0.45)]
    tracks, start = [], 0.0
    for frequency, seconds in notes:
        tracks.append((_tone(frequency, seconds, (1.0, 0.4, 0.2), release=0.08), start, 1.0))
        start += seconds
    return _stereo(_mix(*tracks), 0.4)


def success() -> bytes:
    tracks = [(_tone(f, 0.3, (1.0, 0.25), release=0.2), i * 0.11, 1.0) for i, f in enumerate((523, 659, 784))]
    return _stereo(_mix(*tracks), 0.35)


def fanfare() -> bytes:
    """A first: brass (a bright stack of harmonics) climbing to a held chord."""
    brass = (1.0, 0.7, 0.5, 0.35, 0.22, 0.12)
    line = [(392, 0.0, 0.16), (523, 0.18, 0.16), (659, 0.36, 0.16), (784, 0.54, 0.5), (659, 1.08, 0.14),
            (784, 1.24, 0.9)]
    tracks = [(_tone(f, d, brass, attack=0.02, release=0.06, vibrato=0.0 if d < 0.3 else 0.02), s, 1.0)
              for f, s, d in line]
    tracks += [(_tone(f, 0.9, brass, attack=0.03, release=0.3), 1.24, 0.55) for f in (523, 392)]
    tracks.append((_noise(0.2, 0.9, 6), 1.24, 0.25))  # a cymbal-ish splash under the chord
    return _stereo(_mix(*tracks), 0.4)


def moment() -> bytes:
    """One of the race's great moments: a slow brass call over a drum roll, to a long bright chord."""
    brass = (1.0, 0.7, 0.5, 0.35, 0.22, 0.12)
    line = [(392, 0.5, 0.35), (523, 0.9, 0.35), (659, 1.3, 0.35), (784, 1.7, 0.3), (1047, 2.05, 1.6)]
    tracks = [(_noise(2.0, 0.97, 11), 0.0, 0.5)]  # the drum roll, swelling under the call
    tracks += [(_tone(f, d, brass, attack=0.03, release=0.1, vibrato=0.02), s, 1.0) for f, s, d in line]
    tracks += [(_tone(f, 1.6, brass, attack=0.05, release=0.5), 2.05, 0.5) for f in (523, 659, 392)]
    tracks.append((_noise(0.3, 0.9, 12), 2.05, 0.3))
    return _stereo(_mix(*tracks), 0.4)


MAKERS = {"click": click, "step": step, "countdown": countdown, "sputnik": sputnik, "roar": roar,
          "explosion": explosion, "failure": failure, "success": success, "fanfare": fanfare, "moment": moment}


class Sounds:
    def __init__(self, volume: float, muted: bool = False):
        self.ready = False
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.volume = volume
        self.muted = muted
        self._made: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None
        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=2)
        except pygame.error:
            return  # no audio device: silent, and nothing else changes
        self.ready = True

    def prepare(self) -> None:
        """Make every sound in the background (once the window is up)."""
        if not self.ready or self._worker is not None:
            return
        self._worker = threading.Thread(target=self._make_all, name="sounds", daemon=True)
        self._worker.start()

    def _make_all(self) -> None:
        for name in MAKERS:
            self._bytes(name)

    def _bytes(self, name: str) -> bytes:
        with self._lock:
            made = self._made.get(name)
        if made is None:
            made = MAKERS[name]()
            with self._lock:
                self._made[name] = made
        return made

    def set_volume(self, volume: float) -> None:
        self.volume = volume
        for sound in self.sounds.values():
            sound.set_volume(volume)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if muted and self.ready:
            pygame.mixer.stop()

    def play(self, name: str) -> None:
        if not self.ready or self.muted or self.volume <= 0 or name not in MAKERS:
            return
        sound = self.sounds.get(name)
        if sound is None:
            sound = pygame.mixer.Sound(buffer=self._bytes(name))
            sound.set_volume(self.volume)
            self.sounds[name] = sound
        sound.play()
