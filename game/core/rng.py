"""The game's one source of chance, kept in the game state and saved with it.

Only ``random.Random.random()`` is used: its Mersenne Twister output is fixed across
Python versions, whereas helpers such as ``randint`` or ``choice`` have changed their
algorithms before. Everything else is derived from it here.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence


class Rng:
    __slots__ = ("_random",)

    def __init__(self, seed: int = 0):
        self._random = random.Random(seed)

    def random(self) -> float:
        return self._random.random()

    def chance(self, probability: float) -> bool:
        return self._random.random() < probability

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self._random.random()

    def below(self, n: int) -> int:
        """An integer in [0, n)."""
        return min(int(self._random.random() * n), n - 1)

    def pick(self, items: Sequence):
        return items[self.below(len(items))]

    def weighted(self, items: Sequence, weights: Sequence[float]):
        total = sum(weights)
        if total <= 0:
            return self.pick(items)
        roll = self._random.random() * total
        for item, weight in zip(items, weights, strict=True):
            roll -= weight
            if roll < 0:
                return item
        return items[-1]

    def gauss(self) -> float:
        """A standard normal draw (Box-Muller on our own uniform draws)."""
        u1 = max(self._random.random(), 1e-12)
        u2 = self._random.random()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def get_state(self) -> list:
        version, internal, gauss_next = self._random.getstate()
        return [version, list(internal), gauss_next]

    def set_state(self, state: list) -> None:
        version, internal, gauss_next = state
        self._random.setstate((version, tuple(internal), gauss_next))

    @classmethod
    def from_state(cls, state: list) -> Rng:
        rng = cls()
        rng.set_state(state)
        return rng
