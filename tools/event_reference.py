"""Write docs/event-types.md, the modder's list of event conditions and effects, from the
registry in game/core/eventtypes.py (a test checks the file is current)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.core import eventtypes  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "docs" / "event-types.md"


def render() -> str:
    lines = ["# Event conditions and effects", "",
             "Generated from `game/core/eventtypes.py` by `tools/event_reference.py`; do not edit by hand.", "",
             "Each is written as a one-key mapping: `- support: 5`, or with its parameters,",
             "`- reliability: {programme: r7, amount: 10}`. A bare value fills the parameter marked *.",
             "`target: rival` reads or changes the other side instead of the event's own.", ""]
    for title, table in (("Conditions", eventtypes.CONDITIONS), ("Effects", eventtypes.EFFECTS)):
        lines += [f"## {title}", "", "| type | parameters | what it does |", "|---|---|---|"]
        for name in sorted(table):
            spec = table[name]
            params = []
            for pname, param in spec.params.items():
                mark = "*" if pname == spec.shorthand else ""
                default = "" if param.default is eventtypes.REQUIRED else f" = {param.default}"
                params.append(f"`{pname}`{mark} ({param.kind}{default})")
            lines.append(f"| `{name}` | {', '.join(params)} | {spec.doc} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
