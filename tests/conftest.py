"""Shared fixtures: a throwaway data folder and an initialised workspace on it."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from alhol_desk.core.workspace import Workspace, initialise
from alhol_desk.paths import HOME_ENV, database_path
from enrolling import enrol

# In CI the property tests draw the same examples every run, so a submission's result does
# not depend on the luck of the draw; locally they explore afresh each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# A fixed "today" so date rules do not depend on when the suite runs.
TODAY = date(2024, 6, 1)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder; ALHOL_DESK_HOME points at it so nothing touches the real home."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(HOME_ENV, str(folder))
    return folder


@pytest.fixture
def workspace(data_dir: Path, today: date) -> Iterator[Workspace]:
    """An initialised field device whose calendar is fixed at ``today``."""
    ws = initialise(data_dir, team="Hasakah 1", role="field", operator="Tester")
    ws.today = lambda: today
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def demo_workspace(data_dir: Path, today: date) -> Iterator[Workspace]:
    """The demo's folder (core/demo.py), not yet loaded: the demo records load only here."""
    ws = initialise(data_dir, team="Hasakah 1", role="field", operator="Tester", demo=True)
    ws.today = lambda: today
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace, Path]]:
    """A field laptop and HQ that trust each other, and an empty stick."""
    field = initialise(tmp_path / "field", team="Hasakah 1", role="field", operator="Amina")
    hq = initialise(tmp_path / "hq", team="HQ", role="hq", operator="Omar")
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        enrol(field, hq, tmp_path)
        yield field, hq, stick
    finally:
        field.close()
        hq.close()


COUNTED_TABLES = ("batches", "status_events", "estimates", "audit", "field_clock", "settings")


@pytest.fixture
def counts(data_dir: Path) -> Callable[[], dict[str, int]]:
    """Rows per table of the data folder's database, read through a separate connection."""

    def read() -> dict[str, int]:
        with closing(sqlite3.connect(database_path(data_dir))) as conn:
            return {
                table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in COUNTED_TABLES
            }

    return read


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """In CI (ALHOL_DESK_REQUIRE_TOOLS=1) a skipped test fails: a missing tool such as
    ``age`` or Xvfb must not let an interoperability or real-window test pass unseen."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if (
        report.skipped
        and not hasattr(report, "wasxfail")
        and os.environ.get("ALHOL_DESK_REQUIRE_TOOLS") == "1"
    ):
        report.outcome = "failed"
        report.longrepr = f"skipped, but CI requires every test to run: {report.longrepr}"
