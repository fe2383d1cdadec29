"""Plain queries that explain the rules' figures to a player: no state is changed here."""

from __future__ import annotations

from game.core import rules


def clawed_back(side) -> float:
    """What the last quarter's end took back of the money left unspent.

    The budget step is the quarter's last: what was left was cut by ``CLAWBACK``, then the
    budget (less the bureaus' share) came in. So the cash now tells what was taken."""
    left_after_cut = side.cash - side.budget * (1 - side.bureau_share)
    return max(0.0, left_after_cut * rules.CLAWBACK / (1 - rules.CLAWBACK))
