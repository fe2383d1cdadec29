"""The art keys the UI can draw, published for the scenario validator.

Content never imports the UI, so the UI writes what it draws to ``assets/art_keys.yaml``
and the loader checks declared art (a step's ``phase``, a programme's ``art``, an event's
``art``) against that file. ``tests/test_ui_art.py`` fails when the file and the drawing
code disagree; ``python -m game.ui.artkeys`` writes it again.
"""

from __future__ import annotations

import sys

from game import resources
from game.ui import film, poster, vehicles

FILE = resources.ASSETS / "art_keys.yaml"
GROUNDS = ("city", "desert", "fields", "plain", "sea", "shore", "steppe")  # poster._ground's kinds


def published() -> dict[str, list[str]]:
    return {
        "phases": sorted(film.PHASES),
        "scenes": sorted({scene for _, scene in poster.THEMES} | {"launch"}),
        "vehicles": sorted(vehicles.VEHICLES),
        "grounds": sorted(GROUNDS),
        "people": sorted(poster.PEOPLE),
    }


def text() -> str:
    lines = ["# Written by `python -m game.ui.artkeys`: the keys the game can draw. Declared art in the",
             "# scenarios (a step's phase, a programme's art, an event's art) must name one of these.", ""]
    for kind, keys in published().items():
        lines.append(f"{kind}: [{', '.join(keys)}]")
    return "\n".join(lines) + "\n"


def main() -> int:
    FILE.write_text(text(), encoding="utf-8")
    print(f"wrote {FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
