"""`report --month/--quarter/--year/--from/--to` as a user runs it: the period said on
stderr and in the file, and a bad period refused in one line naming the option."""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from alhol_desk.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def _close_log_files() -> Iterator[None]:
    yield
    logger = logging.getLogger("alhol_desk")
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()


@pytest.fixture
def ready(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """A field device with a batch on 31 March 2024 and one on 1 April 2024."""

    def run(*args: str) -> Result:
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    assert run("init", "--team", "Hasakah 1", "--role", "field", "--operator", "T").code == 0
    for day, ref in (("2024-03-31", "MARCH"), ("2024-04-01", "APRIL")):
        added = run(
            "batch", "add", "--country", "IRQ", "--date", day, "--status", "received",
            "--women", "4", "--ref", ref, "--source", "UN",
        )  # fmt: skip
        assert added.code == 0, added.err
    return run


def refs(path: Path) -> list[str]:
    _header, tags, *data = csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")))
    return [row[tags.index("#event+code")] for row in data]


@pytest.mark.parametrize(
    ("options", "said", "wanted"),
    [
        (("--quarter", "2024-Q1"), "Q1 2024 (January–March) (2024-01-01 to 2024-03-31)", ["MARCH"]),
        (("--quarter", "2024-Q2"), "Q2 2024 (April–June)", ["APRIL"]),
        (("--month", "2024-04"), "April 2024 (2024-04-01 to 2024-04-30)", ["APRIL"]),
        (("--year", "2024"), "2024 (2024-01-01 to 2024-12-31)", ["APRIL", "MARCH"]),
        (
            ("--from", "2024-03-31", "--to", "2024-03-31"),
            "31 March 2024 – 31 March 2024",
            ["MARCH"],
        ),
        (("--from", "2024-04"), "from 1 April 2024", ["APRIL"]),
        ((), "All time", ["APRIL", "MARCH"]),
    ],
)
def test_a_report_of_a_period(
    ready: Run, tmp_path: Path, options: tuple[str, ...], said: str, wanted: list[str]
) -> None:
    out = tmp_path / "r.csv"
    result = ready("report", "--format", "csv", "--out", str(out), *options)
    assert result.code == 0, result.err
    assert said in result.err.splitlines()[0]
    assert refs(out) == wanted


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (("--month", "2024-5"), ["--month", "'2024-5'", "YYYY-MM"]),
        (("--quarter", "Q2"), ["--quarter", "YYYY-QN"]),
        (("--year", "next"), ["--year", "'next'"]),
        (("--from", "2024-13"), ["--from", "'2024-13'", "a day, a month or a year"]),
        (("--from", "2024-06", "--to", "2024-05"), ["--from 2024-06 is after --to 2024-05"]),
        (("--month", "2024-05", "--year", "2024"), ["--month, --year", "give one period"]),
    ],
)
def test_a_bad_period_is_refused_in_one_line(
    ready: Run, tmp_path: Path, options: tuple[str, ...], words: list[str]
) -> None:
    out = tmp_path / "r.csv"
    result = ready("report", "--format", "csv", "--out", str(out), *options)
    assert result.code == 1, result
    assert result.out == ""
    [line] = result.err.splitlines()
    assert line.startswith("error: ")
    for word in words:
        assert word in line
    assert not out.exists()


def test_a_batch_typed_with_a_year_only_is_listed_apart_in_a_month(
    ready: Run, tmp_path: Path
) -> None:
    added = ready(
        "batch", "add", "--country", "KAZ", "--date", "2024", "--status", "received",
        "--women", "10", "--ref", "YEAR", "--source", "UN",
    )  # fmt: skip
    assert added.code == 0, added.err
    out = tmp_path / "april.csv"
    result = ready("report", "--format", "csv", "--out", str(out), "--month", "2024-04")
    assert result.code == 0, result.err
    assert "1 batches dated less precisely than the period listed apart" in result.err
    assert refs(out) == ["APRIL", "YEAR"]
    whole = tmp_path / "year.csv"
    assert ready("report", "--format", "csv", "--out", str(whole), "--year", "2024").code == 0
    assert sorted(refs(whole)) == ["APRIL", "MARCH", "YEAR"]
