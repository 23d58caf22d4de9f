"""Reporting periods: all time, a year, a quarter, a month, or a range of days.

A period is a span of whole days, ``start`` to ``end`` inclusive (either open in a range
given by one end). Dates are ISO text at their precision: a day (``2024-05-12``), a month
(``2024-05``) or a year (``2024``). Each date is a span of days too, and where it stands
against a period follows from the two spans (``Period.place``):

- ``IN``: the date's whole span lies inside the period. A day in May is in May, in Q2,
  in 2024; the month ``2024-05`` is in May, Q2 and 2024, and in a range only when the
  range holds the whole month; the year ``2024`` only in a period holding all of 2024.
- ``APART``: the date overlaps the period without lying inside it (``2024`` against May
  2024; ``2024-05`` against 10 May – 20 June). Such a batch is listed apart ("dated 2024
  only"): never counted in the period's figures, never dropped without a word.
- ``OUT``: no day in common.

The SQL that filters by these rules is ``storage/periods.py``; tests check that the two
agree. See docs/reports.md, "Periods".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .errors import AlholError

ALL, YEAR, QUARTER, MONTH, RANGE = "all", "year", "quarter", "month", "range"
MONTH_NAMES = tuple(calendar.month_name)[1:]  # English, whatever the system's locale says

_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_RE = re.compile(r"\d{4}-\d{2}")
_YEAR_RE = re.compile(r"\d{4}")
_QUARTER_RE = re.compile(r"(\d{4})-?[Qq]([1-4])")
# Arabic-Indic and Extended Arabic-Indic digits read as ASCII digits.
_DIGITS = str.maketrans(
    {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
)

EXPECTED = {
    "--month": "a month written YYYY-MM, for example 2024-05",
    "--quarter": "a quarter written YYYY-QN, for example 2024-Q2",
    "--year": "a year written YYYY, for example 2024",
    "--from": "a day, a month or a year (2024-05-12, 2024-05 or 2024)",
    "--to": "a day, a month or a year (2024-05-12, 2024-05 or 2024)",
}


class Place(StrEnum):
    IN = "in"
    APART = "apart"
    OUT = "out"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def date_span(text: str | None) -> tuple[date, date] | None:
    """The first and last day a date at its precision stands for; None if it is no date."""
    if not text:
        return None
    text = text.strip().translate(_DIGITS)
    try:
        if _DAY_RE.fullmatch(text):
            day = date.fromisoformat(text)
            return day, day
        if _MONTH_RE.fullmatch(text):
            year, month = int(text[:4]), int(text[5:])
            return date(year, month, 1), _month_end(year, month)
        if _YEAR_RE.fullmatch(text):
            year = int(text)
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def date_words(text: str) -> str:
    """A date at its precision in English words: "12 May 2024", "May 2024", "2024"."""
    span = date_span(text)
    if span is None:
        return text
    first, last = span
    if first == last:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} {first.year}"
    if first.month == last.month:
        return f"{MONTH_NAMES[first.month - 1]} {first.year}"
    return str(first.year)


@dataclass(frozen=True)
class Period:
    """A reporting period. ``code`` is its short form (``2024-05``, ``2024-Q2``, ``2024``,
    ``2024-05-01/2024-06-15``, ``all``), ``label`` its English; the window and the PDF
    write the Arabic from ``kind``, ``start`` and ``end``."""

    kind: str
    start: date | None = None
    end: date | None = None

    @property
    def is_all_time(self) -> bool:
        return self.start is None and self.end is None

    @property
    def code(self) -> str:
        if self.kind == YEAR and self.start:
            return str(self.start.year)
        if self.kind == QUARTER and self.start:
            return f"{self.start.year}-Q{self.quarter}"
        if self.kind == MONTH and self.start:
            return self.start.isoformat()[:7]
        if self.kind == RANGE:
            return f"{_iso(self.start)}/{_iso(self.end)}"
        return ALL

    @property
    def quarter(self) -> int:
        return 0 if self.start is None else (self.start.month - 1) // 3 + 1

    @property
    def label(self) -> str:
        start, end = self.start, self.end
        if self.kind == YEAR and start:
            return str(start.year)
        if self.kind == QUARTER and start and end:
            months = f"{MONTH_NAMES[start.month - 1]}–{MONTH_NAMES[end.month - 1]}"
            return f"Q{self.quarter} {start.year} ({months})"
        if self.kind == MONTH and start:
            return f"{MONTH_NAMES[start.month - 1]} {start.year}"
        if self.kind == RANGE:
            if start and end:
                return f"{date_words(start.isoformat())} – {date_words(end.isoformat())}"
            if start:
                return f"from {date_words(start.isoformat())}"
            if end:
                return f"until {date_words(end.isoformat())}"
        return "All time"

    @property
    def days(self) -> str:
        """The first and last day, for a header: "2024-05-01 to 2024-05-31"."""
        if self.is_all_time:
            return "every date"
        if self.start and self.end:
            return f"{self.start.isoformat()} to {self.end.isoformat()}"
        if self.start:
            return f"from {self.start.isoformat()}"
        return f"until {_iso(self.end)}"

    @property
    def heading(self) -> str:
        """The period as a report's header gives it: "May 2024 (2024-05-01 to 2024-05-31)"."""
        return self.label if self.is_all_time else f"{self.label} ({self.days})"

    def place(self, text: str | None) -> Place:
        """Where a date at its precision stands against this period (see the module)."""
        span = date_span(text)
        if span is None:
            return Place.OUT
        first, last = span
        low = self.start or date.min
        high = self.end or date.max
        if first >= low and last <= high:
            return Place.IN
        if last < low or first > high:
            return Place.OUT
        return Place.APART


ALL_TIME = Period(ALL)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ".."


def year(value: int) -> Period:
    return Period(YEAR, date(value, 1, 1), date(value, 12, 31))


def quarter(value: int, number: int) -> Period:
    first = 3 * (number - 1) + 1
    return Period(QUARTER, date(value, first, 1), _month_end(value, first + 2))


def month(value: int, number: int) -> Period:
    return Period(MONTH, date(value, number, 1), _month_end(value, number))


def day_range(start: date | None, end: date | None) -> Period:
    if start is None and end is None:
        return ALL_TIME
    return Period(RANGE, start, end)


def _refused(option: str, value: str) -> AlholError:
    return AlholError("period_bad", option=option, value=value, expected=EXPECTED[option])


def _read(option: str, text: str) -> Period:
    clean = text.strip().translate(_DIGITS)
    try:
        if option == "--month" and _MONTH_RE.fullmatch(clean):
            return month(int(clean[:4]), int(clean[5:]))
        found = _QUARTER_RE.fullmatch(clean)
        if option == "--quarter" and found:
            return quarter(int(found.group(1)), int(found.group(2)))
        if option == "--year" and _YEAR_RE.fullmatch(clean) and int(clean) >= 1:
            return year(int(clean))
    except ValueError:
        pass
    raise _refused(option, text)


def _end(option: str, text: str | None) -> tuple[date, date] | None:
    if text is None:
        return None
    span = date_span(text)
    if span is None or span[0].year < 1:
        raise _refused(option, text)
    return span


def parse_period(
    *,
    month: str | None = None,
    quarter: str | None = None,
    year: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Period:
    """The period the options name: ``--month``, ``--quarter``, ``--year``, or ``--from``
    and/or ``--to`` (each a day, a month or a year: the range runs from the first day of
    ``--from`` to the last day of ``--to``, both included); none at all is all time."""
    given = {"--month": month, "--quarter": quarter, "--year": year}
    named = [option for option, value in given.items() if value is not None]
    if start is not None or end is not None:
        named.append("--from/--to")
    if len(named) > 1:
        raise AlholError("period_options_clash", options=", ".join(named))
    for option, value in given.items():
        if value is not None:
            return _read(option, value)
    low, high = _end("--from", start), _end("--to", end)
    if low and high and low[0] > high[1]:
        raise AlholError("period_reversed", start=start, end=end)
    return day_range(low[0] if low else None, high[1] if high else None)


def from_code(code: str) -> Period:
    """The period a ``code`` names (the inverse of ``Period.code``)."""
    if code == ALL:
        return ALL_TIME
    if "/" in code:
        low, high = code.split("/", 1)
        return parse_period(start=None if low == ".." else low, end=None if high == ".." else high)
    if "Q" in code.upper():
        return parse_period(quarter=code)
    if len(code) == 4:
        return parse_period(year=code)
    return parse_period(month=code)


def containing(text: str) -> Period:
    """The month or year a month- or year-precise date names (a day gives its month)."""
    span = date_span(text)
    if span is None:
        return ALL_TIME
    first, last = span
    if first.month == last.month or first == last:
        return month(first.year, first.month)
    return year(first.year)
