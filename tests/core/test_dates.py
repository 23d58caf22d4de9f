"""Dates as precise as their source: a day, a month or a year, read strictly, refused in the
future at their own precision, and sorted with a less precise date before the dates inside it."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alhol_desk.core import report_files, services
from alhol_desk.core.demo import load_demo
from alhol_desk.core.errors import Severity
from alhol_desk.core.kinds import Date, PartialDate, Precision, parse_date, parse_partial_date
from alhol_desk.core.records import Batch, Estimate, Record, StatusEvent
from alhol_desk.core.reports import build_report
from alhol_desk.core.validation import apply_input, check_record
from alhol_desk.core.workspace import Workspace

FAST = settings(max_examples=200, deadline=None)
KNOWN = frozenset({"IRQ", "RUS", "FRA"})


# --- reading what a person types -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored", "precision"),
    [
        ("2024-05-12", "2024-05-12", Precision.DAY),
        ("2024-05", "2024-05", Precision.MONTH),
        ("2024", "2024", Precision.YEAR),
        ("٢٠٢٤-٠٥", "2024-05", Precision.MONTH),  # Arabic-Indic digits
        ("۲۰۲۴", "2024", Precision.YEAR),  # Eastern Arabic-Indic digits
        ("٢٠٢٤-٠٥-١٢", "2024-05-12", Precision.DAY),
        ("  2024-05 ", "2024-05", Precision.MONTH),  # blanks around it, as around any field
        ("2024-02-29", "2024-02-29", Precision.DAY),  # a leap day
    ],
)
def test_a_day_a_month_or_a_year_is_stored_as_typed(
    typed: str, stored: str, precision: Precision
) -> None:
    assert Date().from_typed("event_date", typed) == (stored, None)
    assert Date().from_bundle("event_date", stored) == (stored, None)
    parsed = parse_partial_date(stored)
    assert parsed is not None
    assert (parsed.text, parsed.precision) == (stored, precision)


MALFORMED = (
    "2024-13",  # no 13th month
    "2024-00",
    "2024-5",  # the month needs two digits
    "2024-05-1",
    "24",  # the year needs four
    "202",
    "12024",
    "0000",  # there is no year 0
    "2024-02-30",
    "2023-02-29",
    "2024-05-",
    "2024 -05",  # spaces inside
    "2024- 05",
    "20 24",
    "2024-05 12",
    "202405",
    "20240512",
    "2024/05",
    "05-2024",
    "2024-W20",
    "2024-05-12T00:00",
    "May 2024",
)


@pytest.mark.parametrize("text", MALFORMED)
def test_a_malformed_date_is_refused_with_the_forms_it_may_take(text: str) -> None:
    for stored, issue in (
        Date().from_typed("source_date", text),
        Date().from_bundle("source_date", text),
    ):
        assert stored is None
        assert issue is not None and issue.code == "bad_date"
        for form in ("YYYY-MM-DD", "YYYY-MM", "YYYY"):
            assert form in issue.reason
    assert parse_partial_date(text) is None


def test_the_day_parser_still_wants_a_day() -> None:
    assert parse_date("2024-05-12") == date(2024, 5, 12)
    assert parse_date("2024-05") is None
    assert parse_date("2024") is None


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-05-12", date(2024, 5, 12), date(2024, 5, 12)),
    ],
)
def test_a_date_covers_its_whole_month_or_year(text: str, first: date, last: date) -> None:
    parsed = parse_partial_date(text)
    assert parsed is not None
    assert (parsed.first_day(), parsed.last_day()) == (first, last)


# --- not in the future, at its precision -----------------------------------------------------

BASES: dict[str, tuple[type[Record], dict[str, Any]]] = {
    "departure_date": (
        Batch,
        {"country": "IRQ", "status": "received", "girls": 2, "boys": 3, "source": "UNHCR"},
    ),
    "source_date": (
        Batch,
        {"country": "IRQ", "status": "planned", "departure_date": "2024-01-05", "girls": 2,
         "boys": 3, "source": "UNHCR"},
    ),
    "event_date": (StatusEvent, {"country": "RUS", "status": "ongoing", "source": "AFP"}),
    "estimate_date": (Estimate, {"country": "IRQ", "source": "AFP", "total": 100}),
}  # fmt: skip


def errors_for(field: str, value: str, today: date) -> list[tuple[str, str]]:
    cls, base = BASES[field]
    record, errors = apply_input(cls(id="x1"), {**base, field: value})
    issues = check_record(record, today=today, is_known_country=KNOWN.__contains__, errors=errors)
    return [(i.field, i.code) for i in issues if i.severity is Severity.ERROR]


FIELDS = tuple(BASES)
# (today, a date that is not in the future, a date that is): on each edge of each precision.
EDGES = [
    # a month: this month is not the future, on its first day and on its last
    (date(2024, 6, 1), "2024-06", "2024-07"),
    (date(2024, 6, 30), "2024-06", "2024-07"),
    (date(2024, 12, 31), "2024-12", "2025-01"),
    # a year: this year is not the future, on 1 January and on 31 December
    (date(2024, 1, 1), "2024", "2025"),
    (date(2024, 12, 31), "2024", "2025"),
    # a day, as before
    (date(2024, 6, 1), "2024-06-01", "2024-06-02"),
    (date(2024, 12, 31), "2024-12-31", "2025-01-01"),
]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize(("today", "allowed", "future"), EDGES)
def test_the_future_begins_after_todays_day_month_or_year(
    field: str, today: date, allowed: str, future: str
) -> None:
    assert errors_for(field, allowed, today) == []
    assert errors_for(field, future, today) == [(field, "future_date")]


def test_the_future_refusal_names_the_date_as_typed() -> None:
    cls, base = BASES["departure_date"]
    record, errors = apply_input(cls(id="x1"), {**base, "departure_date": "2024-07"})
    [issue] = check_record(
        record, today=date(2024, 6, 15), is_known_country=KNOWN.__contains__, errors=errors
    )
    assert "2024-07" in issue.reason and "a received batch" in issue.reason


def test_a_planned_batch_may_still_be_dated_to_a_later_month_or_year() -> None:
    for value in ("2024-09", "2025"):
        cls, base = BASES["departure_date"]
        record, errors = apply_input(
            cls(id="x1"), {**base, "status": "planned", "departure_date": value}
        )
        issues = check_record(
            record, today=date(2024, 6, 1), is_known_country=KNOWN.__contains__, errors=errors
        )
        assert [i for i in issues if i.severity is Severity.ERROR] == []


# --- order -----------------------------------------------------------------------------------


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=date(2022, 1, 1), max_value=date(2026, 12, 31)))
    precision = draw(st.sampled_from(Precision))
    return PartialDate(
        day.year,
        day.month if precision >= Precision.MONTH else None,
        day.day if precision is Precision.DAY else None,
    )


@FAST
@given(a=partial_dates(), b=partial_dates())
def test_the_stored_text_sorts_as_the_dates_do(a: PartialDate, b: PartialDate) -> None:
    assert (a.text < b.text) == (a.sort_key < b.sort_key)
    # A less precise date sorts before every more precise date inside it, and after every
    # date wholly before it.
    if a.precision < b.precision and a.first_day() <= b.first_day() <= a.last_day():
        assert a.text < b.text
    if a.last_day() < b.first_day():
        assert a.text < b.text


def test_sorted_newest_first_a_day_comes_before_its_month_and_the_month_before_its_year() -> None:
    texts = ["2024", "2024-05-12", "2023-12-31", "2024-05", "2024-06", "2024-05-31", "2025"]
    assert sorted(texts, reverse=True) == [
        "2025", "2024-06", "2024-05-31", "2024-05-12", "2024-05", "2024", "2023-12-31",
    ]  # fmt: skip


def add_event(ws: Workspace, country: str, status: str, when: str) -> None:
    services.add_status_event(
        ws, {"country": country, "status": status, "event_date": when, "source": "AFP"}
    )


def add_batch(ws: Workspace, when: str, girls: int = 1, status: str = "received") -> str:
    raw = {"country": "IRQ", "status": status, "departure_date": when, "girls": girls,
           "source": "UN"}  # fmt: skip
    return services.save_batch(ws, raw).record.id


def test_the_latest_status_is_the_day_event_inside_a_month_event(workspace: Workspace) -> None:
    add_event(workspace, "TJK", "ongoing", "2024-05-12")  # entered first ...
    add_event(workspace, "TJK", "initiated", "2024-05")  # ... the month one later
    row = next(r for r in workspace.countries.overview() if r.iso3 == "TJK")
    assert (row.status, row.status_date) == ("ongoing", "2024-05-12")
    add_event(workspace, "TJK", "suspended", "2024-06")
    timeline = [(e.event_date, e.status) for e in workspace.status_events.of_country("TJK")]
    assert timeline == [
        ("2024-06", "suspended"),
        ("2024-05-12", "ongoing"),
        ("2024-05", "initiated"),
    ]
    row = next(r for r in workspace.countries.overview() if r.iso3 == "TJK")
    assert (row.status, row.last_update) == ("suspended", "2024-06")


def test_batches_are_listed_newest_first_at_their_precision(workspace: Workspace) -> None:
    for when in ("2024", "2024-05-12", "2024-04-30", "2024-05"):
        add_batch(workspace, when)
    listed = [b.departure_date for b in services.batches(workspace)]
    assert listed == ["2024-05-12", "2024-05", "2024-04-30", "2024"]
    oldest_first = workspace.batches.id_page(order="date", descending=False)
    by_id = {b.id: b.departure_date for b in services.batches(workspace)}
    assert [by_id[pk] for pk in oldest_first] == ["2024", "2024-04-30", "2024-05", "2024-05-12"]
    [iraq] = [r for r in workspace.countries.overview() if r.iso3 == "IRQ"]
    assert iraq.last_update == "2024-05-12"


def test_the_month_chart_counts_a_month_in_its_month_and_a_year_apart(
    workspace: Workspace,
) -> None:
    add_batch(workspace, "2024", girls=5)
    add_batch(workspace, "2024-01-15", girls=2)
    add_batch(workspace, "2024-01", girls=3)
    add_batch(workspace, "2024-05", girls=4)
    add_batch(workspace, "2023", girls=7)
    add_batch(workspace, "2024-02", girls=9, status="planned")  # not repatriated
    months = [
        (r["month"], r["batches"], r["people"]) for r in workspace.batches.repatriated_by_month()
    ]
    assert months == [
        ("2023", 1, 7),
        ("2024", 1, 5),  # dated 2024 only: its own group, not January
        ("2024-01", 2, 5),  # a day in January and "January"
        ("2024-05", 1, 4),
    ]


def test_the_latest_estimate_is_the_more_precise_one(workspace: Workspace) -> None:
    for when, total in (("2024-03", 300), ("2024", 100)):
        services.add_estimate(
            workspace, {"country": "IRQ", "estimate_date": when, "source": "AFP", "total": total}
        )
    latest = workspace.estimates.latest_total("IRQ")
    assert latest is not None and (latest["estimate_date"], latest["total"]) == ("2024-03", 300)


# --- reports ---------------------------------------------------------------------------------


def test_reports_keep_a_month_or_a_year_as_its_iso_text(
    workspace: Workspace, tmp_path: Path
) -> None:
    """A date cell would make up a day: a month or a year is written as the text it is."""
    add_batch(workspace, "2024-05", girls=4)
    add_batch(workspace, "2024", girls=2)
    add_batch(workspace, "2024-03-10", girls=1)
    add_event(workspace, "IRQ", "ongoing", "2024-04")
    report = build_report(workspace, now=datetime(2024, 6, 1, 9, 0))

    out = report_files.write_csv(report, tmp_path / "batches.csv")
    header, _tags, *rows = csv.reader(out.read_text(encoding="utf-8-sig").splitlines())
    column = header.index("Departure date")
    assert sorted(row[column] for row in rows) == ["2024", "2024-03-10", "2024-05"]

    book = openpyxl.load_workbook(report_files.write_xlsx(report, tmp_path / "report.xlsx"))
    sheet = book["Batches"]
    column = [c.value for c in sheet[1]].index("Departure date")
    cells = {row[column].value: row[column] for row in sheet.iter_rows(min_row=3)}
    assert cells["2024-05"].data_type == "s" and cells["2024"].data_type == "s"
    assert cells[datetime(2024, 3, 10)].is_date  # a day stays a date cell
    countries = book["Countries"]
    labels = [c.value for c in countries[1]]
    [iraq] = [r for r in countries.iter_rows(min_row=3) if r[0].value == "IRQ"]
    assert iraq[labels.index("Status date")].value == "2024-04"
    assert iraq[labels.index("Latest departure")].value == "2024-05"


# --- the demo --------------------------------------------------------------------------------


def test_the_demo_is_dated_as_its_sources_are(workspace: Workspace) -> None:
    load_demo(workspace)
    records: list[Record] = [
        *services.batches(workspace),
        *workspace.status_events.of_country("RUS"),
        *workspace.estimates.of_country(None),
    ]
    dates = {
        getattr(r, name)
        for r in records
        for name in ("departure_date", "source_date", "event_date", "estimate_date")
        if getattr(r, name, None)
    }
    assert dates == {"2024"}  # the sources say "2024": no stand-in 1 January
    assert not any("day is not given" in (r.note or "") for r in records)
