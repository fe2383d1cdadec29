"""Game time: turns are quarters, launches are months.

A quarter is stored as one integer, ``year * 4 + (quarter - 1)``, so comparing and
counting quarters is plain arithmetic. Scenario files write quarters as ``1957-Q4`` and
months as ``1957-10``.
"""

from __future__ import annotations

import re
from functools import lru_cache

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def quarter_index(year: int, quarter: int) -> int:
    return year * 4 + (quarter - 1)


def split_quarter(index: int) -> tuple[int, int]:
    return index // 4, index % 4 + 1


@lru_cache(maxsize=1024)  # scenario dates are few and read every turn
def parse_quarter(text: str) -> int:
    match = _QUARTER.match(text)
    if not match:
        raise ValueError(f"expected a quarter like 1957-Q4, got {text!r}")
    return quarter_index(int(match[1]), int(match[2]))


def format_quarter(index: int) -> str:
    year, quarter = split_quarter(index)
    return f"{year}-Q{quarter}"


def parse_month(text: str) -> tuple[int, int]:
    match = _MONTH.match(text)
    if not match:
        raise ValueError(f"expected a month like 1957-10, got {text!r}")
    return int(match[1]), int(match[2])


def format_month(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def first_month(index: int) -> int:
    """The calendar month (1-12) that opens the quarter."""
    return (index % 4) * 3 + 1


def quarter_of_month(year: int, month: int) -> int:
    return quarter_index(year, (month - 1) // 3 + 1)


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
