"""A receiver (HQ) workspace that holds the committed TEST-ONLY keys and trusts the test sender.

The bundles under ``tests/fixtures/bundles/`` were made by ``make_fixtures.py`` there; this
workspace can open them, so every fixture is imported against a real database.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import enrolling
from alhol_desk.core.sync.keys import load_device_keys
from alhol_desk.core.workspace import Workspace, initialise

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bundles"
TEST_KEYS = enrolling.TEST_KEYS
# Every table that holds records or sync state; ``bundles`` (the history) is checked apart.
SNAPSHOT_TABLES = (
    "batches",
    "status_events",
    "estimates",
    "field_clock",
    "audit",
    "conflicts",
    "devices",
    "settings",
)
Snapshot = dict[str, list[tuple[Any, ...]]]


@pytest.fixture(scope="session")
def gen() -> ModuleType:
    """tests/fixtures/bundles/make_fixtures.py, for its constants and bundle builders."""
    name = "alhol_test_make_fixtures"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, FIXTURES / "make_fixtures.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def test_devices() -> dict[str, dict[str, str]]:
    """keys/devices.json: id, team, role, key id and fingerprint of each test device."""
    return enrolling.test_devices()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


@pytest.fixture
def bundle(stick: Path) -> Callable[[str], Path]:
    """A committed bundle (``"valid/russia_seq1.alhol"``) copied onto a test stick."""

    def copy(relative: str) -> Path:
        source = FIXTURES / relative
        assert source.is_file(), f"missing fixture {relative}: run make_fixtures.py"
        target = stick / source.name
        shutil.copyfile(source, target)
        return target

    return copy


@pytest.fixture
def make_receiver(
    tmp_path: Path, today: date, test_devices: dict[str, dict[str, str]]
) -> Iterator[Callable[[], Workspace]]:
    """Makes HQ workspaces with the committed receiver keys, trusting ``sender`` and
    ``other_field`` (``untrusted`` and ``other_hq`` are deliberately not trusted)."""
    made: list[Workspace] = []

    def make() -> Workspace:
        ws = initialise(tmp_path / f"hq{len(made)}", team="HQ", role="hq", operator="Omar")
        made.append(ws)
        ws.today = lambda: today
        enrolling.install_keys(ws, TEST_KEYS / "receiver")
        assert load_device_keys(ws.data_dir).key_id == test_devices["receiver"]["key_id"]
        enrolling.trust_test_devices(ws, "sender", "other_field")
        return ws

    yield make
    for ws in made:
        ws.close()


@pytest.fixture
def receiver(make_receiver: Callable[[], Workspace]) -> Workspace:
    """One such HQ workspace: every fixture bundle imports against its real database."""
    return make_receiver()


def take_snapshot(ws: Workspace) -> Snapshot:
    return {
        t: ws.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in SNAPSHOT_TABLES
    }


@pytest.fixture
def snapshot() -> Callable[[Workspace], Snapshot]:
    """Every row of every record and sync-state table (not the bundle history)."""
    return take_snapshot


@pytest.fixture
def bundle_rows() -> Callable[[Workspace], list[dict[str, Any]]]:
    """The bundle history, oldest first."""

    def rows(ws: Workspace) -> list[dict[str, Any]]:
        return list(ws.db.query("SELECT * FROM bundles ORDER BY id"))

    return rows
