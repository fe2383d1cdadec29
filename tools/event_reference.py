"""Write docs/event-types.md, the modder's list of event conditions and effects, from the
clause models in game/content/clauses.py (a test checks the file is current)."""

from __future__ import annotations

import sys
import types
import typing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pydantic import AfterValidator  # noqa: E402
from pydantic.fields import FieldInfo  # noqa: E402

from game.content import clauses  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "docs" / "event-types.md"

INTRO = """# Event conditions and effects

Generated from `game/content/clauses.py` by `tools/event_reference.py`; do not edit by hand.

Each is written as a one-key mapping: `- support: 5`, or with its parameters,
`- reliability: {programme: r7, amount: 10}`. A bare value fills the parameter marked *.
`target: rival` reads or changes the other side instead of the event's own.

Conditions combine: `all_of: [...]`, `any_of: [...]` and `not: {...}`. A condition that
compares a number takes `below`, `at_least` or both: `support: {below: 40}` holds when
support is under 40, `crew: {at_least: 4, below: 9}` when the side has 4 to 8 active
crew members. The ids a clause names (programmes, firsts, events, missions, eras) are
checked when the files load.
"""


def _strip(annotation, meta: list):
    """The annotation without Annotated layers and None, collecting the metadata; and
    whether None was allowed."""
    optional = False
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            meta += list(annotation.__metadata__)
            annotation = typing.get_args(annotation)[0]
            continue
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
            optional = True
            annotation = next(a for a in args if a is not type(None))
            continue
        return annotation, optional


def _bounds(meta: list) -> str:
    flat = [inner for m in meta for inner in (m.metadata if isinstance(m, FieldInfo) else [m])]
    low = next((m.ge for m in flat if hasattr(m, "ge")), None)
    high = next((m.le for m in flat if hasattr(m, "le")), None)
    if low is not None and high is not None:
        return f" {_number(low)} to {_number(high)}"
    return f" at least {_number(low)}" if low is not None else ""


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


def _kind(annotation, meta: list) -> str:
    for m in meta:
        if isinstance(m, clauses.Slot):
            return m.what
        if isinstance(m, clauses.Ref):
            return f"{m.kind} id"
    if any(isinstance(m, AfterValidator) and m.func.__name__ == "_check_quarter" for m in meta):
        return "quarter"
    if typing.get_origin(annotation) is typing.Literal:
        return " or ".join(typing.get_args(annotation))
    if typing.get_origin(annotation) is tuple:
        inner_meta: list = []
        inner, _ = _strip(typing.get_args(annotation)[0], inner_meta)
        return f"list of {_kind(inner, inner_meta)}s"
    names = {bool: "true or false", int: "whole number", float: "number", str: "text"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation))) + _bounds(meta)


def _parameter(name: str, info: FieldInfo, bare: str | None) -> str:
    meta = list(info.metadata)
    annotation, optional = _strip(info.annotation, meta)
    if info.is_required():
        default = ""
    elif info.default is None or optional:
        default = ", optional"
    else:
        shown = str(info.default).lower() if isinstance(info.default, bool) else info.default
        shown = '""' if shown == "" else shown
        default = f" = {shown}"
    mark = "*" if name == bare else ""
    return f"`{info.alias or name}`{mark} ({_kind(annotation, meta)}{default})"


def _table(title: str, table: dict) -> list[str]:
    lines = [f"## {title}", "", "| type | parameters | what it does |", "|---|---|---|"]
    for name in sorted(table):
        model = table[name]
        params = [_parameter(pname, info, model.bare) for pname, info in model.__pydantic_fields__.items()]
        lines.append(f"| `{name}` | {', '.join(params)} | {model.doc} |")
    return lines + [""]


def render() -> str:
    lines = [INTRO]
    lines += _table("Conditions", clauses.CONDITIONS)
    lines += _table("Effects", clauses.EFFECTS)
    lines += ["## Older condition names", "", "Scenarios and mods written before the comparisons and `not` "
              "still load: each old name is read as the clause beside it.", "",
              "| old name | read as |", "|---|---|"]
    for old, alias in sorted(clauses.ALIASES.items()):
        lines.append(f"| `{old}` | {alias.example()} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
