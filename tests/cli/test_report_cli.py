"""`report`, `backup` and `restore` as a user runs them: exit codes and one-line refusals."""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import sys
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from alhol_desk.cli import main, report_commands
from alhol_desk.core.reports import Report
from alhol_desk.paths import database_path


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def _close_log_files() -> Iterator[None]:
    """main() logs to the data folder of the first command it runs; undo that between tests."""
    yield
    logger = logging.getLogger("alhol_desk")
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*args: str) -> Result:
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def ready(cli: Run) -> Run:
    """An initialised folder with one Iraqi batch of 4 women, 2 girls and 3 boys."""
    assert cli("init", "--team", "Hasakah 1", "--role", "field", "--operator", "T").code == 0
    added = cli(
        "batch", "add", "--country", "IRQ", "--date", "2024-05-01", "--status", "received",
        "--women", "4", "--girls", "2", "--boys", "3", "--source", "UN",
        "--note", "=HYPERLINK(\"http://evil.example\")",
    )  # fmt: skip
    assert added.code == 0, added.err
    return cli


def assert_refused(result: Result, *words: str) -> None:
    assert result.code == 1, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("error: ")
    for word in words:
        assert word in lines[0]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- report ----------------------------------------------------------------------------------


def test_report_csv(ready: Run, tmp_path: Path) -> None:
    out = tmp_path / "batches.csv"
    result = ready("report", "--format", "csv", "--out", str(out))
    assert result.code == 0, result.err
    assert result.out.strip() == str(out)
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[1][0] == "#country+code"
    assert rows[2][0] == "IRQ"
    assert '\'=HYPERLINK("http://evil.example")' in rows[2]


def test_report_csv_of_countries(ready: Run, tmp_path: Path) -> None:
    out = tmp_path / "countries.csv"
    assert ready("report", "--format", "csv", "--table", "countries", "--out", str(out)).code == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0][:2] == ["Country code", "Country"]
    assert [r[0] for r in rows[2:]] == ["IRQ"]


def test_report_xlsx_suppressed(ready: Run, tmp_path: Path) -> None:
    out = tmp_path / "shared.xlsx"
    result = ready("report", "--format", "xlsx", "--suppress-small", "--out", str(out))
    assert result.code == 0, result.err
    assert "suppressed" in result.err
    sheet = openpyxl.load_workbook(out)["Batches"]
    header = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[3]]
    assert row[header.index("Girls")] == "<5"
    assert row[header.index("People")] == "3–12"
    assert "Note" not in header


def test_report_pdf_without_the_desktop_part_is_refused(
    ready: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_commands, "PDF_MODULE", "alhol_desk.gui.no_such_module")
    out = tmp_path / "r.pdf"
    assert_refused(ready("report", "--format", "pdf", "--out", str(out)), "PDF", "Qt")
    assert not out.exists()


def test_report_pdf_is_handed_to_the_desktop_part(
    ready: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Report] = []

    def write_pdf(report: Report, out: Path) -> Path:
        seen.append(report)
        out.write_bytes(b"%PDF-1.4 fake")
        return out

    fake = types.ModuleType("fake_pdf_report")
    fake.write_pdf = write_pdf  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_pdf_report", fake)
    monkeypatch.setattr(report_commands, "PDF_MODULE", "fake_pdf_report")
    out = tmp_path / "r.pdf"
    result = ready("report", "--format", "pdf", "--suppress-small", "--out", str(out))
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"%PDF")
    assert seen[0].suppressed and len(seen[0].batches.rows) == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--format", "xlsx", "--table", "countries"), ("--table",)),
        (("--format", "csv", "--out", "/no/such/folder/r.csv"), ("--out", "does not exist")),
    ],
)
def test_report_refusals(
    ready: Run, tmp_path: Path, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    if "--out" not in args:
        args = (*args, "--out", str(tmp_path / "r.xlsx"))
    assert_refused(ready("report", *args), *words)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]  # no report, no leftovers


def test_report_to_a_folder_is_refused(ready: Run, tmp_path: Path) -> None:
    assert_refused(ready("report", "--format", "csv", "--out", str(tmp_path)), "folder")


def test_report_before_init_says_how_to_start(cli: Run, tmp_path: Path) -> None:
    assert_refused(cli("report", "--format", "csv", "--out", str(tmp_path / "r.csv")), "init")


def test_report_usage_errors_exit_2(ready: Run, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as done:
        ready("report", "--format", "docx", "--out", str(tmp_path / "r.docx"))
    assert done.value.code == 2
    with pytest.raises(SystemExit) as done:
        ready("report", "--format", "csv")
    assert done.value.code == 2


# --- backup and restore ----------------------------------------------------------------------


def test_backup_then_restore(ready: Run, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    result = ready("backup", "--out", str(out))
    assert result.code == 0, result.err
    assert result.out.strip() == str(out)
    batch = ready("batch", "list").out
    assert ready("batch", "delete", batch.split()[0]).code == 0
    assert ready("batch", "list").out.strip() == "no batches"

    restored = ready("restore", str(out))
    assert restored.code == 0, restored.err
    assert "restored from" in restored.out
    assert "kept as" in restored.err
    assert ready("batch", "list").out == batch


def test_backup_refuses_to_overwrite(ready: Run, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    out.write_text("an older backup")
    assert_refused(ready("backup", "--out", str(out)), "already exists")
    assert out.read_text() == "an older backup"


def test_restore_of_a_text_file_is_refused_and_changes_nothing(
    ready: Run, data_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database")
    before = sha(database_path(data_dir))
    assert_refused(ready("restore", str(bad)), "notes.txt", "not an alhol-desk backup")
    assert sha(database_path(data_dir)) == before
    assert not list(data_dir.glob("*.before-restore-*"))


def test_restore_of_a_missing_file(ready: Run, tmp_path: Path) -> None:
    assert_refused(ready("restore", str(tmp_path / "nope.sqlite3")), "no such file")
