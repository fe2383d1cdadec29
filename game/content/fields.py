"""The small parts every content model is built from: ids, dates, ranges, the record
decorator and the nearest-name hint.

This sits at the bottom of the layers: it imports only ``game.core.dates``, a leaf of
pure functions, so the models above it (``model.py``, ``clauses.py``) stay below the
simulation that reads them.
"""

from __future__ import annotations

import difflib
from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field
from pydantic.dataclasses import dataclass

from game.core import dates


def nearest_hint(name: str, choices) -> str:
    """" (did you mean 'x'?)" for the valid name nearest a misspelt one, or nothing."""
    close = difflib.get_close_matches(name, [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_id(value: str) -> str:
    if not value or not value.replace("_", "").replace("-", "").isalnum() or not value[0].isalpha() \
            or value != value.lower():
        raise ValueError("an id is lower-case letters, digits, '_' or '-', starting with a letter")
    return value


def _check_quarter(value: str) -> str:
    dates.parse_quarter(value)
    return value


def _check_month(value: str) -> str:
    dates.parse_month(value)
    return value


Id = Annotated[str, AfterValidator(_check_id)]
QuarterText = Annotated[str, AfterValidator(_check_quarter)]
MonthText = Annotated[str, AfterValidator(_check_month)]
Percent = Annotated[float, Field(ge=0, le=100)]
Money = Annotated[float, Field(ge=0, le=1_000_000)]


STRICT = ConfigDict(extra="forbid", strict=False)


def record(cls=None, *, config: ConfigDict = STRICT):
    """A frozen, keyword-only, validated record that forbids unknown keys."""
    def wrap(cls):
        return dataclass(frozen=True, kw_only=True, config=config)(cls)
    return wrap(cls) if cls is not None else wrap
