"""Spreadsheet import, on real files: what a data manager brings in and then checks in the
batch list (country, date, counts), and what a refused sheet leaves (everything as it was)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import Font

from alhol_desk.core import services
from alhol_desk.core.errors import AlholError
from alhol_desk.core.records import Batch
from alhol_desk.core.sheets import RowsRefused, import_sheet, load_sheet, plan_sheet
from alhol_desk.core.sheets.reading import decode, sniff_delimiter
from alhol_desk.core.workspace import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sheets"
RUSSIA = {"country": "RUS", "departure_date": "2024-05-12", "girls": 12, "boys": 20}


def imported(ws: Workspace, path: Path, **options: Any) -> list[Batch]:
    sheet, _ = load_sheet(path, options.pop("sheet", None), options.get("mapping"))
    import_sheet(ws, sheet, **options)
    return sorted(services.batches(ws), key=lambda b: (b.departure_date, b.country))


def facts(batch: Batch) -> dict[str, Any]:
    return {k: getattr(batch, k) for k in ("country", "departure_date", "girls", "boys")}


def write_csv(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# --- CSV ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("utf-8", ";"), ("cp1256", ";"), ("cp1256", ","), ("utf-8-sig", ";")],
)
def test_csv_in_each_encoding_and_delimiter(
    workspace: Workspace, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    header = ["البلد", "تاريخ المغادرة", "الحالة", "الفتيات", "الفتيان", "المصدر", "ملاحظة"]
    row = ["RUS", "2024-05-12", "received", "12", "20", "وزارة الخارجية", "أطفال"]
    text = "\r\n".join(delimiter.join(cells) for cells in (header, row)) + "\r\n"
    path = write_csv(tmp_path / "sheet.csv", text, encoding)
    [batch] = imported(workspace, path)
    assert facts(batch) == RUSSIA
    assert (batch.source, batch.note) == ("وزارة الخارجية", "أطفال")  # decoded right


def test_decoding_and_sniffing() -> None:
    assert decode("البلد".encode("cp1256")) == ("البلد", "windows-1256")
    assert decode("\ufeffx".encode()) == ("x", "utf-8-sig")
    assert decode("x".encode("utf-16")) == ("x", "utf-16")
    assert sniff_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert sniff_delimiter("a,b,c\n1,2,3\n") == ","


# --- XLSX written by openpyxl ------------------------------------------------------------


def workbook(
    path: Path, rows: Sequence[Sequence[Any]], edit: Callable[[Any], None] = print
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Register"
    for row in rows:
        sheet.append(list(row))
    if edit is not print:
        edit(sheet)
    book.save(path)
    return path


def test_xlsx_with_merged_headers_serial_dates_text_numbers_and_empty_rows(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = [
        ["Repatriations 2024 (Hasakah office)"],  # a title above the header
        ["Country", "Departure date", "Status", "Children", None, "Women", "Source"],
        [None, None, None, "Girls", "Boys", None, None],
        ["RUS", 45424, "received", "12", "٢٠", None, "MFA"],  # serial date, text numbers
        ["IRQ", datetime(2024, 5, 14, 9, 30), "departed", 2.0, 3, 4, "UNHCR"],
    ]

    def merge(sheet: Any) -> None:
        sheet.merge_cells("A2:A3")
        sheet.merge_cells("B2:B3")
        sheet.merge_cells("C2:C3")
        sheet.merge_cells("D2:E2")
        sheet.merge_cells("F2:F3")
        for row in range(6, 40):  # formatted, empty rows after the data
            sheet.cell(row, 1).font = Font(bold=True)

    path = workbook(tmp_path / "register.xlsx", rows, merge)
    sheet, names = load_sheet(path)
    plan = plan_sheet(workspace, sheet)
    assert names == ("Register",)
    assert [r.row for r in plan.rows] == [4, 5]  # the rows Excel shows; no empty rows
    assert {c.header: c.field for c in plan.layout.columns if c.field} == {
        "Country": "country",
        "Departure date": "departure_date",
        "Status": "status",
        "Girls": "girls",
        "Boys": "boys",
        "Women": "women",
        "Source": "source",
    }
    russia, iraq = imported(workspace, path)
    assert facts(russia) == RUSSIA
    assert facts(iraq) == {"country": "IRQ", "departure_date": "2024-05-14", "girls": 2, "boys": 3}
    assert iraq.women == 4


def test_a_year_typed_in_a_date_cell_is_a_year_not_a_day_of_1905(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = [["Country", "Date", "Status", "Girls"], ["RUS", 2024, "departed", 1]]
    plan = plan_sheet(workspace, load_sheet(workbook(tmp_path / "y.xlsx", rows))[0])
    assert plan.rows[0].raw["departure_date"] == "2024"


def test_blank_cells_reach_the_gate_as_not_given(workspace: Workspace, tmp_path: Path) -> None:
    rows = [
        ["Country", "Date", "Status", "Girls", "Boys", "Families", "Unaccompanied"],
        ["RUS", "2024-05-12", "received", 12, 20, None, "  "],
    ]
    plan = plan_sheet(workspace, load_sheet(workbook(tmp_path / "b.xlsx", rows))[0])
    assert plan.rows[0].raw["families"] is None
    assert plan.rows[0].raw["unaccompanied"] is None
    assert plan.rows[0].batch.families is None  # not known, never 0


def test_country_names_in_english_or_arabic_become_codes(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = [
        ["Country", "Date", "Status", "Girls"],
        ["Russian Federation", "2024-05-12", "departed", 1],
        ["العراق", "2024-05-13", "departed", 1],
        ["Atlantis", "2024-05-14", "departed", 1],
    ]
    plan = plan_sheet(workspace, load_sheet(workbook(tmp_path / "c.xlsx", rows))[0])
    assert [r.batch.country for r in plan.rows] == ["RUS", "IRQ", "ATLANTIS"]
    [problem] = plan.rows[2].errors
    assert (problem.row, problem.column, problem.issue.code) == (4, "Country", "unknown_country")


def test_the_everyday_names_of_countries_are_understood(
    workspace: Workspace, tmp_path: Path
) -> None:
    names = [
        "Russia",
        "Iran",
        "UK",
        "Turkey",
        "Syria",
        "Moldova",
        "روسيا",
        "Kingdom of the Netherlands",
    ]
    rows = [["Country", "Date", "Status", "Girls"]]
    rows += [[name, f"2024-05-{day:02d}", "departed", 1] for day, name in enumerate(names, 1)]
    plan = plan_sheet(workspace, load_sheet(workbook(tmp_path / "c.xlsx", rows))[0])
    assert [r.batch.country for r in plan.rows] == [
        "RUS",
        "IRN",
        "GBR",
        "TUR",
        "SYR",
        "MDA",
        "RUS",
        "NLD",
    ]
    assert not any(r.errors for r in plan.rows)


# --- XLSX written by LibreOffice ---------------------------------------------------------


def test_a_workbook_libreoffice_wrote(workspace: Workspace) -> None:
    russia, iraq, france = imported(workspace, FIXTURES / "libreoffice-batches.xlsx")
    assert facts(russia) == RUSSIA
    assert (iraq.families, iraq.women, iraq.men) == (2, 4, 1)
    assert (france.country, france.departure_date, france.note) == (
        "FRA",
        "2024-05-20",
        "blank boys",
    )
    assert russia.source == "MFA Russia"


# --- KoboToolbox / ODK -------------------------------------------------------------------


def test_a_kobo_export_imports_by_group_path_and_mapping(
    workspace: Workspace, tmp_path: Path
) -> None:
    header = [
        "start", "group_batch/country", "group_batch/departure_date", "group_batch/status",
        "group_people/nb_girls", "group_people/boys", "_id", "_uuid", "_submission_time",
        "_validation_status", "_index",
    ]  # fmt: skip
    row = [
        datetime(2024, 5, 12, 8), "RUS", "2024-05-12", "received", 12, 20, 101,
        "6f2a0c5e-1111-4a5b-9c3d-000000000001", datetime(2024, 5, 13, 10), None, 1,
    ]  # fmt: skip
    rows = [header, row]
    path = workbook(tmp_path / "kobo.xlsx", rows)
    sheet, _ = load_sheet(path)
    unmapped = plan_sheet(workspace, sheet)  # a name of the form's own: not understood
    assert {c.header: c.how for c in unmapped.layout.columns}["group_people/nb_girls"] == "unknown"
    plan = plan_sheet(workspace, sheet, {"group_people/nb_girls": "girls"})
    hows = {c.header: c.how for c in plan.layout.columns}
    assert hows["_uuid"] == hows["_submission_time"] == hows["start"] == "ignored"
    [batch] = imported(workspace, path, mapping={"group_people/nb_girls": "girls"})
    assert facts(batch) == RUSSIA


# --- the sheet as a whole ----------------------------------------------------------------


def test_the_dry_run_lists_every_refused_row_and_writes_nothing(
    workspace: Workspace, tmp_path: Path, counts: Callable[[], dict[str, int]]
) -> None:
    rows = [
        ["Country", "Date", "Status", "Girls", "Boys", "Children"],
        ["RUS", "2024-05-12", "received", 12, 20, 31],
        ["IRQ", "2024-05-13", "sent", 1, 1, None],
        ["FRA", "2024-05-14", "departed", "x", 1, None],
    ]
    before = counts()
    sheet, _ = load_sheet(workbook(tmp_path / "bad.xlsx", rows))
    plan = plan_sheet(workspace, sheet)
    problems = [(p.row, p.column, p.issue.field, p.issue.code) for r in plan.rows for p in r.errors]
    assert problems == [
        (2, "Children", "children", "total_mismatch"),
        (3, "Status", "status", "unknown_choice"),
        (4, "Girls", "girls", "not_whole_number"),
    ]
    with pytest.raises(RowsRefused) as refused:
        import_sheet(workspace, sheet)
    assert len(refused.value.plan.refused) == 3
    assert counts() == before  # a refused sheet leaves every record as it was


def test_skip_refused_adds_the_others_and_the_fixed_file_adds_only_the_fix(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = [
        ["Country", "Date", "Status", "Girls", "Boys"],
        ["RUS", "2024-05-12", "received", 12, 20],
        ["IRQ", "2024-05-13", "departed", "x", 1],
    ]
    path = workbook(tmp_path / "s.xlsx", rows)
    assert len(imported(workspace, path, skip_refused=True)) == 1
    rows[2][3] = 1
    workbook(path, rows)
    assert len(imported(workspace, path)) == 2


def test_importing_the_same_file_twice_adds_nothing(
    workspace: Workspace, counts: Callable[[], dict[str, int]]
) -> None:
    path = FIXTURES / "libreoffice-batches.xlsx"
    first = imported(workspace, path)
    services.save_batch(workspace, {"status": "received"}, first[1].id)  # it moved on
    services.save_batch(workspace, {"note": "checked"}, first[0].id)
    before = counts()
    sheet, _ = load_sheet(path)
    result = import_sheet(workspace, sheet)
    assert result.ids == ()
    assert [r.recorded_as for r in result.plan.rows] == [b.id for b in first]
    assert counts() == before


def test_rows_repeated_in_the_sheet_are_added_once_and_same_day_batches_listed(
    workspace: Workspace, tmp_path: Path
) -> None:
    services.save_batch(
        workspace,
        {"country": "IRQ", "departure_date": "2024-05-13", "status": "departed", "women": 9},
    )
    rows = [
        ["Country", "Date", "Status", "Girls", "Boys"],
        ["RUS", "2024-05-12", "received", 12, 20],
        ["RUS", "2024-05-12", "received", 12, 20],
        ["IRQ", "2024-05-13", "departed", 1, 1],
    ]
    sheet, _ = load_sheet(workbook(tmp_path / "d.xlsx", rows))
    result = import_sheet(workspace, sheet)
    assert len(result.ids) == 2
    assert result.plan.rows[1].repeats_row == 2
    [possible] = result.plan.possible_duplicates
    assert possible.row == 4 and len(possible.same_day) == 1
    assert result.plan.summary() == {
        "rows": 3,
        "new": 2,
        "already_recorded": 1,
        "refused": 0,
        "possible_duplicates": 1,
    }


def test_imported_batches_are_audited_changes_that_sync(workspace: Workspace) -> None:
    from alhol_desk.core.sync_overview import oldest_unexported_change  # the status bar's

    assert oldest_unexported_change(workspace) is None
    batches = imported(workspace, FIXTURES / "libreoffice-batches.xlsx")
    sql = "SELECT pk, operator, col FROM audit WHERE tbl = 'batches'"
    rows = list(workspace.db.query(sql))
    assert sorted(r["pk"] for r in rows) == sorted(b.id for b in batches)
    assert {(r["operator"], r["col"]) for r in rows} == {("Tester", None)}  # creations
    assert oldest_unexported_change(workspace) is not None  # waiting for the next bundle


def test_our_own_reports_import_back(workspace: Workspace, tmp_path: Path, data_dir: Path) -> None:
    from alhol_desk.core import report_files
    from alhol_desk.core.reports import build_report
    from alhol_desk.core.workspace import initialise

    services.save_batch(
        workspace, RUSSIA | {"status": "received", "source": "MFA", "min_age": 5, "max_age": 17}
    )
    services.save_batch(
        workspace,
        {
            "country": "IRQ",
            "departure_date": "2024-05-14",
            "status": "departed",
            "women": 4,
            "girls": 2,
            "boys": 3,
            "families": 2,
            "f_0_4": 1,
            "f_5_11": 1,
        },
    )
    report = build_report(workspace)
    xlsx = report_files.write_xlsx(report, tmp_path / "month.xlsx")
    csv = report_files.write_csv(report, tmp_path / "month.csv")
    mine = sorted(services.batches(workspace), key=lambda b: b.departure_date)
    other = initialise(tmp_path / "other", team="HQ", role="hq", operator="Omar")
    try:
        other.today = workspace.today
        for path in (xlsx, csv):
            sheet, _names = load_sheet(path)
            assert sheet.name in ("Batches", "month")
            import_sheet(other, sheet)
        theirs = sorted(services.batches(other), key=lambda b: b.departure_date)
        # The report writes the sheet totals as the sums it shows (32 children).
        same = {"id": "", "children": None, "adults": None}
        assert [b.to_row() | same for b in theirs] == [b.to_row() | same for b in mine]
        assert [b.children for b in theirs] == [32, 5]
    finally:
        other.close()
    # ... and into the device that wrote them, they are all already recorded.
    sheet, _ = load_sheet(xlsx)
    assert import_sheet(workspace, sheet).ids == ()


def test_a_file_that_is_not_a_sheet_is_refused_plainly(tmp_path: Path) -> None:
    for name, data, code in [
        ("old.xls", b"\xd0\xcf\x11\xe0", "sheet_kind_unknown"),
        ("fake.xlsx", b"not a zip", "sheet_unreadable"),
    ]:
        (tmp_path / name).write_bytes(data)
        with pytest.raises(AlholError) as refused:
            load_sheet(tmp_path / name)
        assert refused.value.message.code == code
    with pytest.raises(AlholError) as missing:
        load_sheet(tmp_path / "none.csv")
    assert missing.value.message.code == "sheet_no_file"


def test_a_sheet_without_the_required_columns_says_which(
    workspace: Workspace, tmp_path: Path
) -> None:
    sheet, _ = load_sheet(workbook(tmp_path / "m.xlsx", [["Country", "Girls"], ["RUS", 1]]))
    with pytest.raises(AlholError) as refused:
        plan_sheet(workspace, sheet)
    assert refused.value.message.params == {"fields": "status, departure_date"}
    with pytest.raises(AlholError) as unknown:
        plan_sheet(workspace, sheet, {"Nope": "girls"})
    assert unknown.value.message.code == "sheet_map_column_unknown"
    with pytest.raises(AlholError) as bad_field:
        plan_sheet(workspace, sheet, {"Girls": "daughters"})
    assert bad_field.value.message.code == "sheet_map_field_unknown"


def test_the_sheet_is_picked_by_its_header_or_by_name(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["read me first"])
    data = book.create_sheet("Data")
    data.append(["Country", "Date", "Status", "Girls"])
    book.save(tmp_path / "two.xlsx")
    assert load_sheet(tmp_path / "two.xlsx")[0].name == "Data"
    assert load_sheet(tmp_path / "two.xlsx", "notes")[0].name == "Notes"
    with pytest.raises(AlholError) as refused:
        load_sheet(tmp_path / "two.xlsx", "Batches")
    assert refused.value.message.params["sheets"] == "Notes, Data"
