"""Reporting periods: options read as a user types them, and batches dated to a day, a month
or a year placed in a period, apart from it or outside it, the same in Python and in SQL."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alhol_desk.core import periods
from alhol_desk.core.errors import AlholError
from alhol_desk.core.periods import ALL_TIME, Period, Place, parse_period
from alhol_desk.core.records import Batch
from alhol_desk.core.storage.periods import apart_from, in_period
from alhol_desk.core.workspace import Workspace

# --- reading the options --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "code", "start", "end"),
    [
        ({"month": "2024-05"}, "2024-05", date(2024, 5, 1), date(2024, 5, 31)),
        ({"month": "2024-02"}, "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ({"month": "2023-02"}, "2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ({"quarter": "2024-Q2"}, "2024-Q2", date(2024, 4, 1), date(2024, 6, 30)),
        ({"quarter": "2024q4"}, "2024-Q4", date(2024, 10, 1), date(2024, 12, 31)),
        ({"year": "2024"}, "2024", date(2024, 1, 1), date(2024, 12, 31)),
        ({"year": "٢٠٢٤"}, "2024", date(2024, 1, 1), date(2024, 12, 31)),
        (
            {"start": "2024-05-12", "end": "2024-06-03"},
            "2024-05-12/2024-06-03",
            date(2024, 5, 12),
            date(2024, 6, 3),
        ),
        ({"start": "2024-05", "end": "2024-06"}, "2024-05-01/2024-06-30", None, None),
        ({"start": "2023", "end": "2024"}, "2023-01-01/2024-12-31", None, None),
        ({"start": "2024-02"}, "2024-02-01/..", date(2024, 2, 1), None),
        ({"end": "2024"}, "../2024-12-31", None, date(2024, 12, 31)),
        ({}, "all", None, None),
    ],
)
def test_options_name_a_period(
    options: dict[str, str], code: str, start: date | None, end: date | None
) -> None:
    period = parse_period(**options)
    assert period.code == code
    if start is not None:
        assert period.start == start
    if end is not None:
        assert period.end == end
    assert periods.from_code(period.code) == period


def test_labels_for_headers() -> None:
    assert parse_period(month="2024-05").heading == "May 2024 (2024-05-01 to 2024-05-31)"
    assert parse_period(quarter="2024-Q2").label == "Q2 2024 (April–June)"
    assert parse_period(year="2024").label == "2024"
    assert parse_period(start="2024-05-12", end="2024-06").label == "12 May 2024 – 30 June 2024"
    assert parse_period(start="2024-05").label == "from 1 May 2024"
    assert ALL_TIME.heading == "All time"


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"month": "2024-5"}, "--month"),
        ({"month": "2024-13"}, "--month"),
        ({"month": "May 2024"}, "--month"),
        ({"quarter": "2024-Q5"}, "--quarter"),
        ({"quarter": "2024-05"}, "--quarter"),
        ({"year": "24"}, "--year"),
        ({"year": "0000"}, "--year"),
        ({"start": "2024-02-30"}, "--from"),
        ({"start": "2024-05-01", "end": "soon"}, "--to"),
    ],
)
def test_a_bad_period_is_refused_naming_the_option(options: dict[str, str], named: str) -> None:
    with pytest.raises(AlholError) as refused:
        parse_period(**options)
    line = str(refused.value.message)
    assert line.startswith(f"{named}: ")
    assert repr(next(iter(options.values())) if named != "--to" else "soon") in line


def test_two_periods_at_once_or_a_range_backwards_are_refused() -> None:
    with pytest.raises(AlholError, match="--month, --year: give one period"):
        parse_period(month="2024-05", year="2024")
    with pytest.raises(AlholError, match="--month, --from/--to"):
        parse_period(month="2024-05", start="2024")
    with pytest.raises(AlholError, match="--from 2024-06 is after --to 2024-05"):
        parse_period(start="2024-06", end="2024-05")


# --- where a date stands ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "text", "place"),
    [
        # month edges: 31 Dec / 1 Jan, and a leap day
        (parse_period(month="2024-12"), "2024-12-31", Place.IN),
        (parse_period(month="2024-12"), "2025-01-01", Place.OUT),
        (parse_period(month="2025-01"), "2025-01-01", Place.IN),
        (parse_period(month="2024-02"), "2024-02-29", Place.IN),
        (parse_period(month="2024-03"), "2024-02-29", Place.OUT),
        (parse_period(month="2024-02"), "2024-02", Place.IN),
        (parse_period(month="2024-03"), "2024-02", Place.OUT),
        (parse_period(month="2024-02"), "2024", Place.APART),
        (parse_period(month="2025-01"), "2024", Place.OUT),
        # quarter edges: 31 Mar / 1 Apr
        (parse_period(quarter="2024-Q1"), "2024-03-31", Place.IN),
        (parse_period(quarter="2024-Q1"), "2024-04-01", Place.OUT),
        (parse_period(quarter="2024-Q2"), "2024-04-01", Place.IN),
        (parse_period(quarter="2024-Q2"), "2024-04", Place.IN),
        (parse_period(quarter="2024-Q2"), "2024-03", Place.OUT),
        (parse_period(quarter="2024-Q2"), "2024", Place.APART),
        # a year holds its months and itself
        (parse_period(year="2024"), "2024", Place.IN),
        (parse_period(year="2024"), "2024-12", Place.IN),
        (parse_period(year="2024"), "2025-01-01", Place.OUT),
        (parse_period(year="2024"), "2023", Place.OUT),
        # a range that cuts a month lists that month apart
        (parse_period(start="2024-05-10", end="2024-06-30"), "2024-05", Place.APART),
        (parse_period(start="2024-05-10", end="2024-06-30"), "2024-06", Place.IN),
        (parse_period(start="2024-05-10", end="2024-06-30"), "2024-05-09", Place.OUT),
        (parse_period(start="2024-05", end="2024-06"), "2024-05", Place.IN),
        (parse_period(start="2024-02-01", end="2024-02-28"), "2024-02", Place.APART),
        (parse_period(start="2023-07", end="2024-06"), "2023", Place.APART),
        (parse_period(start="2023", end="2024"), "2023", Place.IN),
        (parse_period(end="2024-05-15"), "2024-05", Place.APART),
        (parse_period(end="2024-05-15"), "1999", Place.IN),
        (ALL_TIME, "2024", Place.IN),
    ],
)
def test_a_date_at_its_precision_against_a_period(period: Period, text: str, place: Place) -> None:
    assert period.place(text) is place
    assert sql_place(period, text) is place


def sql_place(period: Period, text: str) -> Place:
    """Where the SQL conditions put ``text``, on a table of one date column with its index."""
    with sqlite3.connect(":memory:") as conn:
        conn.execute("CREATE TABLE t (d TEXT NOT NULL)")
        conn.execute("CREATE INDEX t_by_d ON t(d)")
        conn.execute("INSERT INTO t VALUES (?)", [text])
        inside, params = in_period(period, "d")
        apart, apart_params = apart_from(period, "d")
        is_in = conn.execute(f"SELECT count(*) FROM t WHERE {inside}", params).fetchone()[0]
        is_apart = conn.execute(f"SELECT count(*) FROM t WHERE {apart}", apart_params).fetchone()[0]
    assert not (is_in and is_apart), "a date is never both in a period and apart from it"
    return Place.IN if is_in else Place.APART if is_apart else Place.OUT


days = st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31))
dated = st.one_of(
    days.map(date.isoformat),
    days.map(lambda d: d.isoformat()[:7]),
    days.map(lambda d: d.isoformat()[:4]),
)
any_period = st.one_of(
    st.just(ALL_TIME),
    days.map(lambda d: periods.year(d.year)),
    days.map(lambda d: periods.quarter(d.year, (d.month - 1) // 3 + 1)),
    days.map(lambda d: periods.month(d.year, d.month)),
    st.tuples(st.none() | days, st.none() | days).map(
        lambda pair: (
            periods.day_range(*sorted(pair, key=lambda d: d or date.min))
            if None not in pair
            else periods.day_range(*pair)
        )
    ),
)


@given(any_period, dated)
def test_sql_and_python_place_every_date_alike(period: Period, text: str) -> None:
    assert sql_place(period, text) is period.place(text)


@given(any_period, dated)
def test_a_date_in_a_period_lies_wholly_inside_it(period: Period, text: str) -> None:
    span = periods.date_span(text)
    assert span is not None
    place = period.place(text)
    low, high = period.start or date.min, period.end or date.max
    if place is Place.IN:
        assert low <= span[0] and span[1] <= high
    elif place is Place.APART:
        assert len(text) < 10  # only a month or a year can be apart
        assert span[0] < low or span[1] > high
        assert span[0] <= high and span[1] >= low


def test_the_filters_use_the_date_index() -> None:
    with sqlite3.connect(":memory:") as conn:
        conn.execute("CREATE TABLE t (d TEXT NOT NULL, x INTEGER)")
        conn.execute("CREATE INDEX t_by_d ON t(d)")
        for condition in (in_period, apart_from):
            sql, params = condition(parse_period(month="2024-05"), "d")
            plan = conn.execute(f"EXPLAIN QUERY PLAN SELECT x FROM t WHERE {sql}", params)
            assert "USING INDEX t_by_d" in " ".join(str(row) for row in plan.fetchall())


# --- the batches table, with dates stored as text at each precision -----------------------------


def stored(ws: Workspace, departure_date: str, **counts: int) -> str:
    """A batch written straight through the storage layer, its date as the given text (the
    form's date rule is not what these tests are about)."""
    batch = Batch(
        id=str(uuid.uuid4()),
        country="IRQ",
        status="received",
        departure_date=departure_date,
        women=counts.get("women", 1),
        girls=counts.get("girls", 0),
    )
    with ws.db.atomic():
        ws.batches.insert_records([batch], ws.clock.ticks(1))
    return batch.id


@pytest.fixture
def dated_batches(workspace: Workspace) -> dict[str, str]:
    texts = [
        "2023-12-31", "2024-01-01", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-31",
        "2024-04-01", "2024-12-31", "2025-01-01", "2024-02", "2024-03", "2024-04", "2024",
        "2023", "2025",
    ]  # fmt: skip
    return {stored(workspace, text): text for text in texts}


def dates_of(ws: Workspace, period: Period, *, apart: bool = False) -> list[str]:
    return sorted(b.departure_date for b in ws.batches.listed(period=period, apart=apart))


@pytest.mark.parametrize(
    ("options", "inside", "apart"),
    [
        ({"month": "2024-02"}, ["2024-02", "2024-02-28", "2024-02-29"], ["2024"]),
        ({"month": "2024-01"}, ["2024-01-01"], ["2024"]),
        ({"month": "2023-12"}, ["2023-12-31"], ["2023"]),
        (
            {"quarter": "2024-Q1"},
            [
                "2024-01-01",
                "2024-02",
                "2024-02-28",
                "2024-02-29",
                "2024-03",
                "2024-03-01",
                "2024-03-31",
            ],
            ["2024"],
        ),
        ({"quarter": "2024-Q2"}, ["2024-04", "2024-04-01"], ["2024"]),
        (
            {"year": "2024"},
            [
                "2024",
                "2024-01-01",
                "2024-02",
                "2024-02-28",
                "2024-02-29",
                "2024-03",
                "2024-03-01",
                "2024-03-31",
                "2024-04",
                "2024-04-01",
                "2024-12-31",
            ],
            [],
        ),
        (
            {"start": "2024-02-29", "end": "2024-03-31"},
            ["2024-02-29", "2024-03", "2024-03-01", "2024-03-31"],
            ["2024", "2024-02"],
        ),
        (
            {"start": "2024-12-31", "end": "2025-01-01"},
            ["2024-12-31", "2025-01-01"],
            ["2024", "2025"],
        ),
    ],
)
def test_batches_in_a_period_and_apart_from_it(
    workspace: Workspace,
    dated_batches: dict[str, str],
    options: dict[str, str],
    inside: list[str],
    apart: list[str],
) -> None:
    period = parse_period(**options)
    assert dates_of(workspace, period) == inside
    assert dates_of(workspace, period, apart=True) == apart
    assert workspace.batches.total(period=period) == len(inside)
    assert workspace.batches.total(period=period, apart=True) == len(apart)


def test_every_batch_is_counted_once_in_the_months_or_listed_apart(
    workspace: Workspace, dated_batches: dict[str, str]
) -> None:
    """Over the twelve months of 2024, each 2024 batch is counted in exactly one month, or
    (dated 2024 only) listed apart in each month and counted in none."""
    counted: dict[str, int] = {}
    for number in range(1, 13):
        for batch in workspace.batches.listed(period=periods.month(2024, number)):
            counted[batch.departure_date] = counted.get(batch.departure_date, 0) + 1
    of_2024 = [t for t in dated_batches.values() if t.startswith("2024") and t != "2024"]
    assert counted == dict.fromkeys(of_2024, 1)
    for number in range(1, 13):
        assert dates_of(workspace, periods.month(2024, number), apart=True) == ["2024"]


def test_figures_of_a_period_leave_apart_batches_out(workspace: Workspace) -> None:
    stored(workspace, "2024-05-12", women=3, girls=2)
    stored(workspace, "2024-05", women=4)
    stored(workspace, "2024", women=10, girls=7)
    stored(workspace, "2024-06-01", women=100)
    may = parse_period(month="2024-05")
    totals = workspace.batches.repatriated_totals(may)
    assert (totals["batches"], totals["women"], totals["girls"]) == (2, 7, 2)
    assert workspace.batches.repatriated_apart(may) == [
        {"departure_date": "2024", "batches": 1, "people": 17}
    ]
    iraq = next(c for c in workspace.countries.overview(may) if c.iso3 == "IRQ")
    assert (iraq.batches, iraq.people) == (2, 9)
    by_month = workspace.batches.repatriated_by_month(may)
    assert [(r["month"], r["people"]) for r in by_month] == [("2024-05", 9)]
    assert workspace.batches.repatriated_totals()["batches"] == 4  # all time counts them all


def test_a_condition_can_be_extended_by_its_caller(workspace: Workspace) -> None:
    """Each call gives its own parameter list: adding to one changes no later query."""
    first = in_period(ALL_TIME, "d")[1]
    first.append("IRQ")
    assert in_period(ALL_TIME, "d")[1] == []
    stored(workspace, "2024-05-01")
    assert len(workspace.batches.listed(country="IRQ")) == 1
    assert workspace.batches.id_page(limit=5) != []
