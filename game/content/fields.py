"""The small parts every content model is built from: ids, dates, ranges, the record
decorator and the nearest-name hint.

This sits at the bottom of the layers: it imports only ``game.core.dates``, a leaf of
pure functions, so the models above it (``model.py``, ``clauses.py``) stay below the
simulation that reads them.
"""

from __future__ import annotations

import difflib
import string
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field
from pydantic.dataclasses import dataclass

from game.core import dates


def nearest_hint(name: str, choices) -> str:
    """" (did you mean 'x'?)" for the valid name nearest a misspelt one, or nothing."""
    close = difflib.get_close_matches(name, [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


MAX_ID = 64


def _check_id(value: str) -> str:
    if not value.isascii():
        odd = next(c for c in value if not c.isascii())
        raise ValueError(f"an id is ASCII only (one script, so no look-alikes); {value!r} holds {odd!r} "
                         f"({unicodedata.name(odd, f'U+{ord(odd):04X}')})")
    if not value or not value.replace("_", "").replace("-", "").isalnum() or not value[0].isalpha() \
            or value != value.lower():
        raise ValueError("an id is lower-case letters, digits, '_' or '-', starting with a letter")
    if len(value) > MAX_ID:
        raise ValueError(f"an id is at most {MAX_ID} characters, this one {len(value)}")
    return value


FIRST_YEAR, LAST_YEAR = 1900, 2100  # the game's calendar; a date outside it is a typo


def _in_calendar(year: int, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"expected a year from {FIRST_YEAR} to {LAST_YEAR}, got {text!r}")


def _check_quarter(value: str) -> str:
    _in_calendar(dates.split_quarter(dates.parse_quarter(value))[0], value)
    return value


def _check_month(value: str) -> str:
    _in_calendar(dates.parse_month(value)[0], value)
    return value


def _percent(value: float) -> float:
    if 0 < value < 1:
        raise ValueError(f"expected a percentage from 0 to 100; {value} looks like a fraction "
                         f"(write {value * 100:g} for {value * 100:g} %)")
    return value


def _text(limit: int, lines: bool):
    """Text shown in the window: within ``limit`` characters and free of control
    characters (a NUL takes the text renderer down); ``lines`` allows line breaks."""
    allowed = "\n\t" if lines else ""

    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(f"expected at most {limit:,} characters, got {len(value):,}")
        bad = next((c for c in value if (unicodedata.category(c) == "Cc" and c not in allowed)
                    or c in "\u2028\u2029"), None)
        if bad is not None:
            where = "a control character" if lines or bad not in "\n\t" else "a line break"
            raise ValueError(f"expected {'text' if lines else 'one line of text'} without control characters, "
                             f"got {where} ({bad!r}) at character {value.index(bad) + 1}")
        return value
    return check


HEADLINE_FIELDS = ("nation", "mission")


def _headline(value: str) -> str:
    """A headline is filled in with ``str.format``: only {nation} and {mission}, as plain
    names (``{nation.__class__}`` would reach into the game's objects, ``{nation:>999999999}``
    would take its memory)."""
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError as err:
        raise ValueError(f"a headline's braces do not match ({err}); write {{{{ and }}}} for a brace itself") \
            from None
    for _, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in HEADLINE_FIELDS:
            plain = field.split(".")[0].split("[")[0]
            why = "only plain names are filled in, with no '.' or '[...]'" if plain in HEADLINE_FIELDS \
                else f"unknown field {{{field}}}{nearest_hint(field, HEADLINE_FIELDS)}"
            raise ValueError(f"{why}; a headline may use {{nation}} and {{mission}}")
        if spec or conversion:
            raise ValueError(f"{{{field}}} takes no format or conversion; write {{{field}}} alone")
    return value


Id = Annotated[str, AfterValidator(_check_id)]
QuarterText = Annotated[str, AfterValidator(_check_quarter)]
MonthText = Annotated[str, AfterValidator(_check_month)]
Percent = Annotated[float, Field(ge=0, le=100), AfterValidator(_percent)]
Money = Annotated[float, Field(ge=0, le=1_000_000)]
Tonnes = Annotated[float, Field(ge=0, le=1_000)]
Label = Annotated[str, AfterValidator(_text(120, lines=False))]  # names, titles: one line
Prose = Annotated[str, AfterValidator(_text(4_000, lines=True))]  # descriptions, event texts
Headline = Annotated[str, AfterValidator(_text(300, lines=False)), AfterValidator(_headline)]
MAX_ERA_QUARTERS = 160  # forty years; the campaign is 102 quarters


STRICT = ConfigDict(extra="forbid", strict=False, allow_inf_nan=False)


def record(cls=None, *, config: ConfigDict = STRICT):
    """A frozen, keyword-only, validated record that forbids unknown keys."""
    def wrap(cls):
        return dataclass(frozen=True, kw_only=True, config=config)(cls)
    return wrap(cls) if cls is not None else wrap


