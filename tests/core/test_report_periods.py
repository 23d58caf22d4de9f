"""Reports of a period: the period printed in CSV and XLSX, the period's batches counted,
and those dated only to a year (or a month a range cuts) listed apart, never counted."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from alhol_desk.core import report_files, services
from alhol_desk.core.periods import ALL_TIME, parse_period
from alhol_desk.core.records import Batch
from alhol_desk.core.reports import BATCH_COLUMNS, Report, Table, build_report
from alhol_desk.core.workspace import Workspace

NOW = datetime(2024, 6, 1, 9, 30, tzinfo=UTC)
MAY = parse_period(month="2024-05")


def stored(ws: Workspace, departure_date: str, *, country: str = "IRQ", **counts: int) -> str:
    """A repatriated batch whose date is stored as given (a month or a year too), written
    through the storage layer: the form's date rule is not what these tests are about."""
    batch = Batch(
        id=str(uuid.uuid4()),
        country=country,
        status="received",
        departure_date=departure_date,
        source="UNHCR",
        **counts,
    )
    with ws.db.atomic():
        ws.batches.insert_records([batch], ws.clock.ticks(1))
    return batch.id


@pytest.fixture
def year_2024(workspace: Workspace) -> Workspace:
    """May 2024: a batch on 12 May (3 women, 2 girls) and one dated May (4 women); one
    dated only 2024 (10 women, 7 girls, Kazakhstan); one on 1 June (100 women)."""
    services.save_batch(
        workspace,
        {"country": "IRQ", "departure_date": "2024-05-12", "status": "received",
         "women": 3, "girls": 2, "ref": "DAY", "source": "UNHCR"},
    )  # fmt: skip
    stored(workspace, "2024-05", women=4, ref="MONTH")
    stored(workspace, "2024", country="KAZ", women=10, girls=7, ref="YEAR")
    stored(workspace, "2024-06-01", women=100, ref="JUNE")
    return workspace


def rows(table: Table) -> list[dict[str, Any]]:
    keys = [c.key for c in table.columns]
    return [dict(zip(keys, row, strict=True)) for row in table.rows]


def summary(report: Report) -> dict[str, Any]:
    return {str(row[0]): row[1] for row in report.summary.rows}


def test_a_months_report_counts_its_batches_and_lists_the_year_only_one_apart(
    year_2024: Workspace,
) -> None:
    report = build_report(year_2024, now=NOW, period=MAY)
    batches = rows(report.batches)
    assert [b["ref"] for b in batches] == ["DAY", "MONTH", "YEAR"]  # June is outside
    assert [str(b["counted"]) for b in batches] == ["yes", "yes", "no: dated 2024 only"]
    assert {b["period"] for b in batches} == {"2024-05"}
    assert report.apart == 1
    assert [b["ref"] for b in rows(report.batches_apart())] == ["YEAR"]
    assert [b["ref"] for b in rows(report.batches_apart(False))] == ["DAY", "MONTH"]

    figures = summary(report)
    assert figures["People repatriated"] == 9  # 3 + 2 + 4: not the 17 dated 2024 only
    assert figures["Women repatriated"] == 7
    assert figures["Batches repatriated"] == 2
    assert figures["Batches dated 2024 only, listed apart"] == 1
    assert figures["People in batches dated 2024 only, listed apart"] == 17

    countries = {row["country"]: row for row in rows(report.countries)}
    assert (countries["IRQ"]["people"], countries["IRQ"]["apart"]) == (9, 0)
    kazakhstan = countries["KAZ"]  # listed, with its batch apart and no one counted
    assert (kazakhstan["people"], kazakhstan["batches"], kazakhstan["apart"]) == (0, 0, 1)
    assert {row["period"] for row in countries.values()} == {"2024-05"}


def test_a_years_report_counts_the_year_only_batch(year_2024: Workspace) -> None:
    report = build_report(year_2024, now=NOW, period=parse_period(year="2024"))
    assert report.apart == 0
    assert summary(report)["People repatriated"] == 9 + 17 + 100
    assert not any(key.startswith("Batches dated") for key in summary(report))


def test_the_months_of_a_year_never_count_a_batch_twice(year_2024: Workspace) -> None:
    counted = 0
    for number in range(1, 13):
        report = build_report(year_2024, now=NOW, period=parse_period(month=f"2024-{number:02d}"))
        counted += summary(report)["People repatriated"]
        assert summary(report)["People in batches dated 2024 only, listed apart"] == 17
    whole = build_report(year_2024, now=NOW, period=parse_period(year="2024"))
    assert counted + 17 == summary(whole)["People repatriated"]


def test_a_range_that_cuts_a_month_lists_the_month_only_batch_apart(
    year_2024: Workspace,
) -> None:
    report = build_report(
        year_2024, now=NOW, period=parse_period(start="2024-05-10", end="2024-06-15")
    )
    counted = {b["ref"]: str(b["counted"]) for b in rows(report.batches)}
    assert counted == {
        "DAY": "yes",
        "JUNE": "yes",
        "MONTH": "no: dated May 2024 only",
        "YEAR": "no: dated 2024 only",
    }
    figures = summary(report)
    assert figures["People repatriated"] == 105
    assert figures["People in batches dated May 2024 only, listed apart"] == 4


def test_all_time_lists_everything_and_nothing_apart(year_2024: Workspace) -> None:
    report = build_report(year_2024, now=NOW)
    assert report.period == ALL_TIME
    assert report.apart == 0
    assert {b["period"] for b in rows(report.batches)} == {"all"}
    assert summary(report)["People repatriated"] == 9 + 17 + 100


# --- the files -----------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_the_csv_gives_each_row_its_period_and_keeps_its_hashtag_rows(
    year_2024: Workspace, tmp_path: Path
) -> None:
    report = build_report(year_2024, now=NOW, period=MAY)
    header, tags, *data = read_csv(report_files.write_csv(report, tmp_path / "b.csv"))
    # The names row and the hashtag row stay the first two rows, the batch columns first:
    # a reader that finds columns by hashtag (ours among them) reads the file as before.
    assert header[: len(BATCH_COLUMNS)] == [c.label for c in BATCH_COLUMNS]
    assert tags[: len(BATCH_COLUMNS)] == [c.hxl for c in BATCH_COLUMNS]
    assert len(set(tags)) == len(tags)  # no hashtag is used twice
    by_tag = [dict(zip(tags, row, strict=True)) for row in data]
    assert [r["#meta+period"] for r in by_tag] == ["2024-05"] * 3
    assert [(r["#event+code"], r["#meta+counted"]) for r in by_tag] == [
        ("DAY", "yes"),
        ("MONTH", "yes"),
        ("YEAR", "no: dated 2024 only"),
    ]
    assert [r["#date+occurred"] for r in by_tag] == ["2024-05-12", "2024-05", "2024"]

    countries = report_files.write_csv(report, tmp_path / "c.csv", table="countries")
    header, tags, *data = read_csv(countries)
    by_tag = {row[0]: dict(zip(tags, row, strict=True)) for row in data}
    assert by_tag["KAZ"]["#indicator+num+batches+apart"] == "1"
    assert {r["#meta+period"] for r in by_tag.values()} == {"2024-05"}


def test_the_xlsx_names_the_period_on_its_summary_sheet(
    year_2024: Workspace, tmp_path: Path
) -> None:
    report = build_report(year_2024, now=NOW, period=parse_period(quarter="2024-Q2"))
    book = openpyxl.load_workbook(report_files.write_xlsx(report, tmp_path / "r.xlsx"))
    head = {r[0].value: r[1].value for r in book["Summary"].iter_rows(max_row=7) if r[0].value}
    assert head["Period"] == "Q2 2024 (April–June) (2024-04-01 to 2024-06-30)"
    assert head["Listed apart"].startswith("1 batches dated less precisely than the period")
    sheet = book["Batches"]
    header = [c.value for c in sheet[1]]
    tags = [c.value for c in sheet[2]]
    assert header[-2:] == ["Report period", "Counted in the period"]
    assert tags[-2:] == ["#meta+period", "#meta+counted"]
    last = [c.value for c in sheet[sheet.max_row]]
    assert last[-2:] == ["2024-Q2", "no: dated 2024 only"]
    assert last[tags.index("#date+occurred")] == "2024"  # kept as written, never 1 January


def test_an_all_time_xlsx_says_so(year_2024: Workspace, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(
        report_files.write_xlsx(build_report(year_2024, now=NOW), tmp_path / "r.xlsx")
    )
    head = {r[0].value: r[1].value for r in book["Summary"].iter_rows(max_row=7) if r[0].value}
    assert head["Period"] == "All time"
    assert "Listed apart" not in head
