"""`import-sheet` as a user runs it: the dry run's list, exit codes, --map, --sheet, and a
second import of the same file that adds nothing."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from alhol_desk.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sheets" / "libreoffice-batches.xlsx"


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

    assert run("init", "--team", "HQ", "--role", "hq", "--operator", "Omar").code == 0
    return run


def batches(cli: Run) -> list[dict[str, object]]:
    listed: list[dict[str, object]] = json.loads(cli("batch", "list", "--json").out)
    return listed


def sheet(tmp_path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path = tmp_path / "register.csv"
    path.write_bytes(text.encode(encoding))
    return path


BAD = (
    "Country;Departure date;Status;Girls;Boys;Children\n"
    "RUS;2024-05-12;received;12;20;32\n"
    "IRQ;2024-05-13;departed;x;3;\n"
    "FRA;2024-05-14;departed;1;1;3\n"
)


def test_the_dry_run_lists_each_refused_row_and_writes_nothing(cli: Run, tmp_path: Path) -> None:
    result = cli("import-sheet", str(sheet(tmp_path, BAD)), "--dry-run")
    assert result.code == 1
    assert "refused: row 3, Girls (girls): must be a whole number, not 'x'" in result.err
    assert "refused: row 4, Children (children): is 3, but girls + boys add up to 2" in result.err
    assert result.err.splitlines()[-1].startswith("error: rows that would be refused: 2")
    assert "register: 3 rows; 1 would be added, 0 already recorded, 2 refused" in result.out
    assert batches(cli) == []


def test_a_sheet_with_refused_rows_changes_nothing_unless_told(cli: Run, tmp_path: Path) -> None:
    path = sheet(tmp_path, BAD)
    refused = cli("import-sheet", str(path))
    assert refused.code == 1 and "nothing was imported" in refused.err
    assert batches(cli) == []
    done = cli("import-sheet", str(path), "--skip-refused")
    assert done.code == 0, done.err
    assert [(b["country"], b["girls"], b["boys"]) for b in batches(cli)] == [("RUS", 12, 20)]


def test_importing_the_same_workbook_twice_adds_nothing(cli: Run) -> None:
    first = cli("import-sheet", str(FIXTURE))
    assert first.code == 0, first.err
    assert "3 added" in first.out
    again = cli("import-sheet", str(FIXTURE))
    assert again.code == 0
    assert "0 added, 3 already recorded" in again.out
    assert again.err.count("already recorded as batch") == 3
    assert len(batches(cli)) == 3


def test_map_reads_a_kobo_column_and_leaves_another_out(cli: Run, tmp_path: Path) -> None:
    text = (
        "grp/country,grp/departure_date,grp/status,grp/nb_girls,grp/boys,_uuid,comments_x\n"
        "RUS,2024-05-12,received,12,20,6f2a,hello\n"
    )
    path = sheet(tmp_path, text, "utf-8")
    result = cli("import-sheet", str(path), "--map", "grp/nb_girls=girls", "--map", "comments_x=")
    assert result.code == 0, result.err
    assert "comments_x" not in result.err  # left out on purpose: not listed as unknown
    [batch] = batches(cli)
    assert (batch["country"], batch["girls"], batch["boys"]) == ("RUS", 12, 20)


def test_options_the_sheet_refuses_in_one_line(cli: Run, tmp_path: Path) -> None:
    path = sheet(tmp_path, BAD)
    for args, words in [
        (["--map", "Girls"], "is not COLUMN=FIELD"),
        (["--map", "Girls=daughters"], "'daughters' (for the column 'Girls') is not a batch field"),
        (["--map", "Nope=girls"], "no column headed 'Nope'"),
        (["--sheet", "Batches"], "--sheet: the file has no sheet 'Batches'"),
    ]:
        result = cli("import-sheet", str(path), *args)
        assert result.code == 1
        [line] = result.err.splitlines()
        assert line.startswith("error: ") and words in line, line
    missing = cli("import-sheet", str(tmp_path / "gone.xlsx"))
    assert missing.code == 1 and "no such file" in missing.err
    assert batches(cli) == []


def test_a_sheet_without_a_status_column_says_how_to_name_it(cli: Run, tmp_path: Path) -> None:
    path = sheet(tmp_path, "Country,Date,Girls\nRUS,2024-05-12,3\n")
    result = cli("import-sheet", str(path), "--dry-run")
    assert result.code == 1
    assert "no column gives status; name it with --map COLUMN=FIELD" in result.err
