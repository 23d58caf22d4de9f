"""A period as a WHERE condition on a date column of ISO text at its precision.

Dates are stored as a day (``2024-05-12``), a month (``2024-05``) or a year (``2024``),
and ISO text sorts them "2024" < "2024-05" < "2024-05-12" < "2024-06" < "2025". So every
date a period can concern lies between the first day's year and the last day
(``column >= '2024' AND column <= '2024-05-31'`` for May 2024): one range on the column's
index, then each precision is compared with bounds of its own length, worked out here
(``core/periods.py`` states the rule; tests/core/test_periods.py checks both agree):

- a day is in the period between its first and last day;
- a month is in it between the first month it holds whole and the last;
- a year, between the first and last year it holds whole;
- a month or a year that overlaps the period without lying inside it is *apart*.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from ..periods import Period

Condition = tuple[str, list[Any]]  # the SQL and its parameters (a new list each time)


def _last_of_month(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _months_inside(start: date | None, end: date | None) -> tuple[str | None, str | None]:
    """The first and last month (YYYY-MM) the period holds whole; None: no bound."""
    low = high = None
    if start is not None:
        year, month = (start.year, start.month) if start.day == 1 else _next(start)
        low = f"{year:04d}-{month:02d}"
    if end is not None:
        year, month = (end.year, end.month) if _last_of_month(end) else _previous(end)
        high = f"{year:04d}-{month:02d}"
    return low, high


def _next(day: date) -> tuple[int, int]:
    return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)


def _previous(day: date) -> tuple[int, int]:
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


def _years_inside(start: date | None, end: date | None) -> tuple[str | None, str | None]:
    low = high = None
    if start is not None:
        low = f"{start.year if (start.month, start.day) == (1, 1) else start.year + 1:04d}"
    if end is not None:
        high = f"{end.year if (end.month, end.day) == (12, 31) else end.year - 1:04d}"
    return low, high


def _between(column: str, low: str | None, high: str | None) -> Condition:
    parts, params = [], []
    if low is not None:
        parts.append(f"{column} >= ?")
        params.append(low)
    if high is not None:
        parts.append(f"{column} <= ?")
        params.append(high)
    return " AND ".join(parts) or "1 = 1", params


def _at(column: str, length: int, bounds: tuple[str | None, str | None]) -> Condition:
    sql, params = _between(column, *bounds)
    return f"(length({column}) = {length} AND {sql})", params


def _envelope(period: Period, column: str) -> Condition:
    """Every date the period concerns, as one range the column's index serves."""
    low = None if period.start is None else f"{period.start.year:04d}"
    high = None if period.end is None else period.end.isoformat()
    return _between(column, low, high)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def in_period(period: Period, column: str) -> Condition:
    """Dates whose whole span lies inside ``period`` (all of them for all time)."""
    if period.is_all_time:
        return "1 = 1", []
    start, end = period.start, period.end
    envelope, params = _envelope(period, column)
    days = _at(column, 10, (_iso(start), _iso(end)))
    months = _at(column, 7, _months_inside(start, end))
    years = _at(column, 4, _years_inside(start, end))
    sql = f"({envelope} AND ({days[0]} OR {months[0]} OR {years[0]}))"
    return sql, [*params, *days[1], *months[1], *years[1]]


def apart_from(period: Period, column: str) -> Condition:
    """Months and years that overlap ``period`` without lying inside it (none for all
    time): listed apart, never counted in the period."""
    if period.is_all_time:
        return ("1 = 0", [])
    start, end = period.start, period.end
    envelope, params = _envelope(period, column)
    sql_parts, rest = [], []
    for length, touched, inside in (
        (7, (_prefix(start, 7), _prefix(end, 7)), _months_inside(start, end)),
        (4, (_prefix(start, 4), _prefix(end, 4)), _years_inside(start, end)),
    ):
        overlap, overlap_params = _at(column, length, touched)
        within, within_params = _between(column, *inside)
        sql_parts.append(f"({overlap} AND NOT ({within}))")
        rest += [*overlap_params, *within_params]
    return f"({envelope} AND ({' OR '.join(sql_parts)}))", [*params, *rest]


def _prefix(day: date | None, length: int) -> str | None:
    return None if day is None else day.isoformat()[:length]
