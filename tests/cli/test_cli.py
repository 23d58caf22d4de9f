"""The command line as a user drives it: output, exit codes, and refusals that change nothing."""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from alhol_desk.cli import main
from alhol_desk.core.storage import SCHEMA_VERSION
from alhol_desk.paths import HOME_ENV, database_path

Counts = Callable[[], dict[str, int]]
NEXT_YEAR = f"{date.today().year + 1}-01-15"
ADD_IRAQ = [
    "batch",
    "add",
    "--country",
    "IRQ",
    "--date",
    "2024-05-01",
    "--status",
    "received",
    "--women",
    "4",
    "--girls",
    "2",
    "--boys",
    "3",
    "--source",
    "UNHCR",
]


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


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
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run one command in this process, as `alhol-desk ARGS` with ALHOL_DESK_HOME=data_dir."""

    def run(*args: str) -> Result:
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def ready(cli: Callable[..., Result]) -> Callable[..., Result]:
    """The same, on a data folder that `init` has set up."""
    assert cli("init", "--team", "Hasakah 1", "--role", "field", "--operator", "Tester").code == 0
    return cli


def run_process(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, HOME_ENV: str(data_dir), "PYTHONWARNINGS": "error"}
    return subprocess.run(
        [sys.executable, "-m", "alhol_desk", *args],
        capture_output=True,
        encoding="utf-8",  # what the app writes, whatever the code page (Windows)
        env=env,
        timeout=60,
        check=False,
    )


def assert_refused(result: Result, *names: str) -> None:
    """Exit 1, nothing on stdout, exactly one `error:` line on stderr naming each field."""
    assert result.code == 1, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("error: ")
    for name in names:
        assert name in lines[0]


def add_batch(cli: Callable[..., Result], *extra: str) -> str:
    result = cli(*ADD_IRAQ, *extra)
    assert result.code == 0, result.err
    return result.out.strip()


# --- init ------------------------------------------------------------------------------------


def test_init_prints_the_new_device_id(cli: Callable[..., Result], data_dir: Path) -> None:
    result = cli("init", "--team", "Hasakah 1", "--role", "field")
    assert result.code == 0
    match = re.search(r"^device id: ([0-9a-f]{32})$", result.out, re.MULTILINE)
    assert match is not None, result.out
    assert "Hasakah 1" in result.out
    with closing(sqlite3.connect(database_path(data_dir))) as conn:
        stored = conn.execute("SELECT id, team, role FROM devices WHERE is_self = 1").fetchall()
    assert stored == [(match[1], "Hasakah 1", "field")]
    assert cli("batch", "list", "--json").json == []


def test_init_twice_is_refused_and_keeps_the_first_device(
    cli: Callable[..., Result], data_dir: Path
) -> None:
    first = cli("init", "--team", "Hasakah 1", "--role", "field")
    device = re.search(r"device id: (\w+)", first.out)
    assert device is not None

    again = cli("init", "--team", "Other", "--role", "hq")
    assert_refused(again, "already set up", device[1])


@pytest.mark.parametrize(
    "command",
    [
        ["demo"],
        ["batch", "list"],
        ["batch", "list", "--json"],
        ["stats", "--json"],
        ["country", "list"],
        ["country", "status", "RUS", "ongoing", "--date", "2024-01-01", "--source", "AFP"],
        ADD_IRAQ,
        ["batch", "delete", "some-id"],
    ],
)
def test_commands_before_init_say_to_run_init(
    cli: Callable[..., Result], command: list[str]
) -> None:
    result = cli(*command)
    assert_refused(result, "alhol-desk init")


def test_check_before_init_says_to_run_init(cli: Callable[..., Result]) -> None:
    assert_refused(cli("check"), "alhol-desk init")


def test_data_dir_option_wins_over_the_environment(
    cli: Callable[..., Result], data_dir: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    assert cli("init", "--team", "T", "--role", "hq", "--data-dir", str(elsewhere)).code == 0
    assert database_path(elsewhere).exists()
    assert not database_path(data_dir).exists()
    assert cli("--data-dir", str(elsewhere), "batch", "list").code == 0


# --- demo, stats, countries ------------------------------------------------------------------


def test_demo_loads_once_and_stats_show_russias_children(ready: Callable[..., Result]) -> None:
    first = ready("demo")
    assert first.code == 0 and "4" in first.out
    again = ready("demo")
    assert again.code == 0 and "already" in again.out

    figures = ready("stats", "--json").json
    assert figures["countries"]["by_status"]["ongoing"] == 1
    assert figures["people"]["total"] == 32
    [russia] = figures["by_country"]
    assert (russia["iso3"], russia["people"], russia["girls"], russia["boys"]) == (
        "RUS",
        32,
        12,
        20,
    )


def test_stats_count_people_by_country_sex_and_total(ready: Callable[..., Result]) -> None:
    add_batch(ready)  # IRQ: 4 women, 2 girls, 3 boys
    add_batch(ready, "--men", "1")
    planned = ["--country", "FRA", "--date", "2024-07-01", "--status", "planned", "--girls", "7"]
    assert ready("batch", "add", *planned).code == 0  # not repatriated yet: not counted
    ready("country", "status", "IRQ", "ongoing", "--date", "2024-03-01", "--source", "AFP")
    ready("country", "status", "FRA", "in_talks", "--date", "2024-03-01", "--source", "AFP")

    figures = ready("stats", "--json").json
    assert figures["people"]["total"] == 19
    assert (figures["people"]["women"], figures["people"]["men"]) == (8, 1)
    assert (figures["people"]["girls"], figures["people"]["boys"]) == (4, 6)
    assert figures["batches_repatriated"] == 2
    assert figures["countries"]["by_status"]["ongoing"] == 1
    assert figures["countries"]["by_status"]["in_talks"] == 1
    by_country = {row["iso3"]: row for row in figures["by_country"]}
    assert set(by_country) == {"IRQ"}
    assert (by_country["IRQ"]["people"], by_country["IRQ"]["batches"]) == (19, 2)

    text = ready("stats")
    assert text.code == 0
    assert "people repatriated: 19" in text.out


def test_country_status_becomes_the_current_status(ready: Callable[..., Result]) -> None:
    added = ready(
        "country", "status", "tjk", "INITIATED", "--date", "2024-02-01", "--source", "AFP"
    )
    assert added.code == 0
    listed = ready("country", "list", "--json").json
    [tajikistan] = [c for c in listed if c["iso3"] == "TJK"]
    assert (tajikistan["status"], tajikistan["status_date"]) == ("initiated", "2024-02-01")
    assert "TJK" in ready("country", "list").out


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["XXX", "ongoing", "--date", "2024-01-01"], ["ISO3", "XXX"]),
        (["RUS", "paused", "--date", "2024-01-01"], ["STATUS", "paused"]),
        (["RUS", "ongoing", "--date", "2024-02-30"], ["--date"]),
        (["RUS", "ongoing", "--date", NEXT_YEAR], ["--date", "future"]),
    ],
)
def test_a_wrong_country_status_is_refused(
    ready: Callable[..., Result], counts: Counts, args: list[str], names: list[str]
) -> None:
    before = counts()
    assert_refused(ready("country", "status", *args, "--source", "AFP"), *names)
    assert counts() == before


def test_country_list_all_has_every_country_in_english_and_arabic(
    ready: Callable[..., Result],
) -> None:
    listed = ready("country", "list", "--all", "--json").json
    assert len(listed) > 240
    iraq = next(c for c in listed if c["iso3"] == "IRQ")
    assert (iraq["name_en"], iraq["name_ar"]) == ("Iraq", "العراق")


# --- batches ---------------------------------------------------------------------------------


def test_batch_add_prints_an_id_that_batch_list_shows(ready: Callable[..., Result]) -> None:
    batch_id = add_batch(ready, "--ref", "IRQ-2024-07", "--note", "sheet 3")
    assert re.fullmatch(r"[0-9a-f-]{36}", batch_id)

    [listed] = ready("batch", "list", "--json").json
    assert listed["id"] == batch_id
    assert (listed["country"], listed["status"], listed["departure_date"]) == (
        "IRQ",
        "received",
        "2024-05-01",
    )
    assert (listed["women"], listed["girls"], listed["boys"], listed["ref"]) == (
        4,
        2,
        3,
        "IRQ-2024-07",
    )
    assert batch_id in ready("batch", "list").out
    assert ready("batch", "list", "--country", "FRA", "--json").json == []


def test_dates_may_be_a_month_or_a_year_and_list_as_given(ready: Callable[..., Result]) -> None:
    ids = {when: add_batch(ready, "--date", when) for when in ("2024", "2024-05-12", "2024-05")}
    listed = ready("batch", "list").out.splitlines()
    assert [line.split()[:2] for line in listed] == [
        [ids["2024-05-12"], "2024-05-12"],
        [ids["2024-05"], "2024-05"],
        [ids["2024"], "2024"],
    ]  # newest first: a month before the days in it, a year before its months
    assert len({line.index("IRQ") for line in listed}) == 1  # the columns stay aligned
    assert [b["departure_date"] for b in ready("batch", "list", "--json").json] == [
        "2024-05-12",
        "2024-05",
        "2024",
    ]
    status = ["country", "status", "RUS", "ongoing", "--source", "AFP", "--date"]
    assert ready(*status, "٢٠٢٣-١١").code == 0  # Arabic-Indic digits
    countries = {row["iso3"]: row for row in ready("country", "list", "--json").json}
    assert countries["RUS"]["status_date"] == "2023-11"
    next_year = str(date.today().year + 1)
    assert_refused(ready(*ADD_IRAQ, "--date", next_year), "--date", "in the future")
    assert_refused(ready(*ADD_IRAQ, "--date", "2024-5"), "--date", "YYYY-MM")


def test_batch_edit_changes_only_the_given_fields(ready: Callable[..., Result]) -> None:
    batch_id = add_batch(ready, "--note", "sheet 3")
    [before] = ready("batch", "list", "--json").json

    edited = ready("batch", "edit", batch_id, "--girls", "5", "--agency", "MoMD")
    assert edited.code == 0
    assert "--girls" in edited.out and "--agency" in edited.out

    [after] = ready("batch", "list", "--json").json
    assert after == {**before, "girls": 5, "agency": "MoMD"}


def test_batch_edit_with_the_same_values_changes_nothing(
    ready: Callable[..., Result], counts: Counts
) -> None:
    batch_id = add_batch(ready)
    before = counts()
    result = ready("batch", "edit", batch_id, "--girls", "2")
    assert result.code == 0 and "nothing" in result.out
    assert counts() == before


def test_batch_edit_without_fields_is_refused(ready: Callable[..., Result]) -> None:
    batch_id = add_batch(ready)
    assert_refused(ready("batch", "edit", batch_id), "nothing to change")


def test_batch_delete_hides_the_batch(ready: Callable[..., Result], counts: Counts) -> None:
    keep = add_batch(ready)
    gone = add_batch(ready)
    audit_before = counts()["audit"]

    result = ready("batch", "delete", gone)
    assert result.code == 0 and "deleted" in result.out
    assert [b["id"] for b in ready("batch", "list", "--json").json] == [keep]
    assert counts()["audit"] == audit_before + 1
    assert ready("stats", "--json").json["people"]["total"] == 9

    assert_refused(ready("batch", "delete", gone), gone)
    assert_refused(ready("batch", "edit", gone, "--girls", "1"), gone)


def test_a_warning_goes_to_stderr_and_the_batch_is_saved(ready: Callable[..., Result]) -> None:
    args = [a for a in ADD_IRAQ if a not in ("--source", "UNHCR")]
    result = ready(*args)
    assert result.code == 0
    assert result.err.startswith("warning: --source:")
    assert len(ready("batch", "list", "--json").json) == 1


def test_check_reports_a_healthy_database(ready: Callable[..., Result]) -> None:
    add_batch(ready)
    result = ready("check")
    assert result.code == 0
    assert "integrity: ok" in result.out
    assert f"schema version: {SCHEMA_VERSION} (this app: {SCHEMA_VERSION})" in result.out


# --- refusals: exit 1, one line naming the option, nothing written ---------------------------


def with_option(option: str, value: str) -> list[str]:
    """ADD_IRAQ with ``option`` set to ``value`` (replaced or added)."""
    args = list(ADD_IRAQ)
    if option in args:
        args[args.index(option) + 1] = value
    else:
        args += [option, value]
    return args


REFUSED_ADDS = {
    "negative girls": (with_option("--girls", "-2"), ["--girls", "negative"]),
    "negative women": (with_option("--women", "-1"), ["--women", "negative"]),
    "negative families": (with_option("--families", "-3"), ["--families", "negative"]),
    "not a whole number": (with_option("--boys", "3.5"), ["--boys", "3.5"]),
    "children total": (with_option("--children", "6"), ["--children", "girls + boys"]),
    "adults total": (with_option("--adults", "3"), ["--adults", "women + men"]),
    "girls bands": (with_option("--girls-0-4", "1"), ["--girls", "age bands"]),
    "boys bands": (
        [*with_option("--boys-5-11", "1"), "--boys-12-17", "1"],
        ["--boys", "age bands"],
    ),
    "max age 18": (with_option("--max-age", "18"), ["--max-age", "0 and 17"]),
    "min above max": (
        [*with_option("--min-age", "12"), "--max-age", "5"],
        ["--min-age"],
    ),
    "unknown country": (with_option("--country", "XXX"), ["--country", "XXX"]),
    "unknown status": (with_option("--status", "arrived"), ["--status", "arrived"]),
    "received next year": (with_option("--date", NEXT_YEAR), ["--date", "future"]),
    "day out of month": (with_option("--date", "2024-02-30"), ["--date", "YYYY-MM-DD"]),
    "month 13": (with_option("--date", "2024-13-01"), ["--date"]),
    "day first": (with_option("--date", "31/12/2024"), ["--date"]),
    "no dashes": (with_option("--date", "20240101"), ["--date"]),
    "bad source date": (with_option("--source-date", "2024-1-5"), ["--source-date"]),
    "too many flagged": (
        [*with_option("--unaccompanied", "4"), "--separated", "2"],
        ["--unaccompanied", "5 children"],
    ),
    "families above people": (with_option("--families", "10"), ["--families", "9 people"]),
}


@pytest.mark.parametrize(("args", "names"), REFUSED_ADDS.values(), ids=REFUSED_ADDS.keys())
def test_a_wrong_batch_is_refused_and_nothing_is_written(
    ready: Callable[..., Result], counts: Counts, args: list[str], names: list[str]
) -> None:
    existing = add_batch(ready)
    before = counts()

    assert_refused(ready(*args), *names)

    assert counts() == before
    assert [b["id"] for b in ready("batch", "list", "--json").json] == [existing]


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--girls", "-1"], ["--girls", "negative"]),
        (["--children", "8"], ["--children"]),
        (["--girls-0-4", "1", "--girls-5-11", "0"], ["--girls"]),
        (["--max-age", "18"], ["--max-age"]),
        (["--country", "XXX"], ["--country"]),
        (["--date", NEXT_YEAR], ["--date"]),
        (["--date", "2024-02-30"], ["--date"]),
    ],
)
def test_a_wrong_edit_is_refused_and_the_batch_is_unchanged(
    ready: Callable[..., Result], counts: Counts, args: list[str], names: list[str]
) -> None:
    batch_id = add_batch(ready)
    [before] = ready("batch", "list", "--json").json
    counts_before = counts()

    assert_refused(ready("batch", "edit", batch_id, *args), *names)

    assert counts() == counts_before
    assert ready("batch", "list", "--json").json == [before]


def test_several_errors_share_the_one_error_line(ready: Callable[..., Result]) -> None:
    result = ready(*with_option("--women", "-1"), "--max-age", "18", "--children", "7")
    assert_refused(result, "--women", "--max-age", "--children")


# --- usage errors: exit 2 --------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "add", "--country", "IRQ"],  # --date and --status missing
        ["init", "--team", "T", "--role", "boss"],
        ["frobnicate"],
        ["batch"],
        ["batch", "list", "--colour"],
    ],
)
def test_usage_errors_exit_2(
    cli: Callable[..., Result], capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    assert "usage:" in capsys.readouterr().err


# --- real processes: exit codes and clean JSON on stdout -------------------------------------


def test_a_real_session_in_subprocesses(data_dir: Path) -> None:
    before_init = run_process(data_dir, "stats", "--json")
    assert before_init.returncode == 1
    assert before_init.stdout == ""
    assert before_init.stderr.startswith("error:") and "init" in before_init.stderr

    init = run_process(data_dir, "init", "--team", "Hasakah 1", "--role", "field")
    assert init.returncode == 0, init.stderr
    assert "device id:" in init.stdout

    assert run_process(data_dir, "demo").returncode == 0
    added = run_process(data_dir, *ADD_IRAQ)
    assert added.returncode == 0, added.stderr
    batch_id = added.stdout.strip()

    for command in (
        ["stats", "--json"],
        ["batch", "list", "--json"],
        ["country", "list", "--json"],
    ):
        done = run_process(data_dir, *command)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        json.loads(done.stdout)  # the whole of stdout is one JSON document

    listed = json.loads(run_process(data_dir, "batch", "list", "--json").stdout)
    assert batch_id in {b["id"] for b in listed}
    figures = json.loads(run_process(data_dir, "stats", "--json").stdout)
    assert figures["people"]["total"] == 32 + 9


def test_real_exit_codes_for_refusal_and_usage(data_dir: Path) -> None:
    assert run_process(data_dir, "init", "--team", "T", "--role", "field").returncode == 0

    refused = run_process(data_dir, *with_option("--max-age", "18"))
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert len(refused.stderr.splitlines()) == 1
    assert refused.stderr.startswith("error: --max-age:")

    usage = run_process(data_dir, "batch", "add", "--country", "IRQ")
    assert usage.returncode == 2
    assert "required" in usage.stderr


def test_the_log_file_keeps_no_names_or_notes(data_dir: Path) -> None:
    assert run_process(data_dir, "init", "--team", "T", "--role", "field").returncode == 0
    run_process(data_dir, *ADD_IRAQ, "--note", "Fatima's family", "--operator", "Layla")
    run_process(data_dir, *with_option("--children", "99"), "--note", "Fatima's family")
    text = (data_dir / "alhol-desk.log").read_text(encoding="utf-8")
    assert "refused" in text  # the refusal was logged, without its details
    assert "Fatima" not in text
    assert "Layla" not in text
