"""The date of each response, read from a survey export's timestamp column.

Survey tools write timestamps in their own ways: ISO 8601 (`2026-03-02T10:15:33Z`), year first
(`2026/03/02 10:15:33 AM GMT`), or day and month in a local order (`03/02/2026 10:15:33 AM`,
`3/2/26 10:30:12`). Year-first dates are unambiguous. For the others the order of day and
month is taken from the column: one date such as `23/02/2026` settles it for every row. A
date that the column leaves ambiguous is an error rather than a guess, since a wrong date
puts a response in the wrong light; `--date-format` then says how to read it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal

from ..errors import Problem
from .submissions import Cell, Submission

Order = Literal["dmy", "mdy"]

_NUMERIC = re.compile(
    r"(?P<a>\d{1,4})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{1,4})"
    r"(?:[ T,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?)?"
    r"(?:\s*[A-Za-z]{1,5})?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?"
)
"""Day, month and year as numbers, then an optional time, AM/PM and time zone."""
_NAMED = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")
"""Dates with the month's name, read from the text before any time."""
_MONTH_FIRST = "%m/%d/%Y"
_DAY_FIRST = "%d/%m/%Y"


def read_dates(submissions: Iterable[Submission], date_format: str | None) -> list[Problem]:
    """Replace each submission's date text by a date; return the problems with them."""
    dated = [s for s in submissions if "date" in s.details
             and not isinstance(s.details["date"].value, dt.date)]
    texts = [s.details["date"].text.strip() for s in dated]
    order = None if date_format else column_order(texts)
    problems = []
    for submission, text in zip(dated, texts, strict=True):
        cell = submission.details["date"]
        try:
            day = (with_format(text, date_format) if date_format
                   else parse(text, order))
        except ValueError as exc:
            del submission.details["date"]
            problems.append(Problem(cell.location, str(exc)))
            continue
        submission.details["date"] = Cell(day, cell.location)
    return problems


def column_order(texts: Iterable[str]) -> Order | None:
    """The order of day and month that the column's unambiguous dates show, if one does."""
    seen: set[Order] = set()
    for text in texts:
        match = _NUMERIC.fullmatch(text)
        if match and len(match["a"]) < 4:
            a, b = int(match["a"]), int(match["b"])
            if a > 12 >= b:
                seen.add("dmy")
            elif b > 12 >= a:
                seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None


def parse(text: str, order: Order | None = None) -> dt.date:
    """The date a timestamp gives, or a `ValueError` saying why it cannot be read."""
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    match = _NUMERIC.fullmatch(text)
    if match is None:
        return _named(text)
    a, b, c = int(match["a"]), int(match["b"]), int(match["c"])
    if len(match["a"]) == 4:
        return _date(text, a, b, c)
    year = c + 2000 if len(match["c"]) <= 2 else c
    if order is None and a <= 12 and b <= 12 and a != b:
        month_first, day_first = _date(text, year, a, b), _date(text, year, b, a)
        short = "y" if len(match["c"]) <= 2 else "Y"
        raise ValueError(
            f"'{text}' could be {_long(month_first)} (month first) or {_long(day_first)} "
            "(day first), and no other date in the column tells which; add --date-format "
            f"'{_MONTH_FIRST[:-1]}{short}' if the month comes first (as US settings of "
            f"SurveyMonkey and Microsoft Forms write dates), or --date-format "
            f"'{_DAY_FIRST[:-1]}{short}' if the day does"
        )
    if order == "mdy" or (order is None and b > 12):
        return _date(text, year, a, b)
    return _date(text, year, b, a)


def with_format(text: str, date_format: str) -> dt.date:
    """The date `text` gives read with a `strptime` format; a time after the date may be left
    out of the format."""
    for candidate in (text, text.split()[0] if text.split() else text):
        try:
            day = dt.datetime.strptime(candidate, date_format).date()
        except ValueError:
            continue
        if day.year < 100:  # %Y reads `26` as the year 26
            raise ValueError(f"'{text}' has a two-digit year; write %y for it in --date-format")
        return day
    raise ValueError(f"'{text}' is not a date in the format '{date_format}' (--date-format)")


def _named(text: str) -> dt.date:
    date_part = re.split(r"\s+\d{1,2}:\d{2}", text, maxsplit=1)[0].strip()
    for pattern in _NAMED:
        try:
            return dt.datetime.strptime(date_part, pattern).date()
        except ValueError:
            continue
    raise ValueError(
        f"'{text}' is not a date this importer knows; give its format with --date-format, "
        "such as --date-format '%d.%m.%Y %H:%M'"
    )


def _date(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a real date") from None


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
