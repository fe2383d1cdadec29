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

    def successes(self, n: int, probability: float) -> int:
        """How many of ``n`` draws of ``chance(probability)`` succeed, in one call (the same draws)."""
        random = self._random.random
        return sum([1 for _ in range(n) if random() < probability])

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
        return self.gausses(1)[0]

    def gausses(self, n: int) -> list[float]:
        """``n`` standard normal draws, in order, in one call (the survey's hot loop takes many)."""
        random, log, sqrt, cos = self._random.random, math.log, math.sqrt, math.cos
        two_pi = 2.0 * math.pi
        draws = []
        for _ in range(n):
            u1 = random()
            if u1 < 1e-12:  # (log(0) has no value)
                u1 = 1e-12
            draws.append(sqrt(-2.0 * log(u1)) * cos(two_pi * random()))
        return draws

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

    @classmethod
    def from_saved(cls, state: tuple) -> Rng:
        """``from_state`` for a state read from a file: refuses one the Mersenne Twister
        cannot have reached (an all-zero state, say, gives zeros for ever)."""
        version, internal, gauss_next = state
        if version != 3 or len(internal) != 625:
            raise ValueError("expected a random generator's state: version 3 and 625 numbers")
        if not all(0 <= word < 2**32 for word in internal) or not 0 <= internal[-1] <= 624:
            raise ValueError("expected a random generator's state: numbers from 0 to 2**32-1, the last at most 624")
        if not any(internal[:-1]):
            raise ValueError("expected a random generator's state, got an all-zero one")
        return cls.from_state([version, list(internal), gauss_next])

    @classmethod
    def __get_pydantic_core_schema__(cls, _source, handler):
        """Saves are read by pydantic (``game.core.schema``): an Rng is its state's list."""
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(
            cls.from_saved, handler(tuple[int, list[int], float | None]))
