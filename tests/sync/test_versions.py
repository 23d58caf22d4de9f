"""A fleet that updates months apart: bundles travel between database schema versions.

The sync format version changes only when the synced fields or their meaning change; a
database migration alone (here one that only adds an index) must not split the fleet.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from alhol_desk.core import services
from alhol_desk.core.storage import database, migrations
from alhol_desk.core.storage.database import schema_version
from alhol_desk.core.sync import exporter, importer, manifest
from alhol_desk.core.workspace import Workspace, initialise
from enrolling import enrol

RUSSIA = {
    "country": "RUS",
    "departure_date": "2024-01-01",
    "status": "received",
    "girls": 12,
    "boys": 20,
    "source": "Public reporting",
}


def _index_on_source(db: sqlite_utils.Database) -> None:
    """A later migration that changes nothing that syncs: an index only."""
    migrations.execute_script(db, "CREATE INDEX batches_by_source ON batches(source);")


@pytest.fixture
def mixed_fleet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Workspace, Workspace, Path]]:
    """An HQ on this schema, and a field laptop updated to one more migration."""
    hq = initialise(tmp_path / "hq", team="HQ", role="hq", operator="Omar")
    with monkeypatch.context() as newer:
        newer.setattr(database, "MIGRATIONS", [*migrations.MIGRATIONS, _index_on_source])
        newer.setattr(database, "SCHEMA_VERSION", len(migrations.MIGRATIONS) + 1)
        field = initialise(tmp_path / "field", team="Hasakah 1", role="field", operator="Amina")
    assert schema_version(field.db) == schema_version(hq.db) + 1
    stick = tmp_path / "stick"
    stick.mkdir()
    enrol(field, hq, tmp_path)
    yield field, hq, stick
    field.close()
    hq.close()


def test_devices_at_different_schema_versions_exchange_bundles_both_ways(
    mixed_fleet: tuple[Workspace, Workspace, Path],
) -> None:
    field, hq, stick = mixed_fleet
    made_in_field = services.save_batch(field, RUSSIA).record.id
    up = importer.import_bundle(hq, exporter.export_bundle(field, stick).path)
    assert up.outcome == "applied", up.line()
    assert up.summary["new"] == 1

    made_at_hq = services.save_batch(hq, RUSSIA | {"girls": 3, "boys": 4}).record.id
    services.save_batch(hq, {"note": "checked at HQ"}, made_in_field)
    down = importer.import_bundle(field, exporter.export_bundle(hq, stick).path)
    assert down.outcome == "applied", down.line()
    assert services.get_batch(field, made_at_hq).girls == 3
    assert services.get_batch(field, made_in_field).note == "checked at HQ"
    # The newer laptop kept its own index; the older HQ never needed it.
    names = {row[0] for row in field.db.execute("SELECT name FROM sqlite_master")}
    assert "batches_by_source" in names


def test_the_sync_format_is_not_the_database_schema() -> None:
    """The header names the sync format; the writer's schema is informational only."""
    assert manifest.SYNC_VERSION == 2
    assert {2} == manifest.READABLE_VERSIONS
    head = manifest.parse_header(
        manifest.header_line(
            bundle_id="0" * 32,
            kind="changes",
            sender=manifest.Sender("a" * 32, "b" * 32, "HQ"),
            recipients=["c" * 32],
            seq=1,
            prev=None,
            first_seq=1,
            last=True,
            acks={},
            created_at="2024-05-01T08:00:00+00:00",
            devices=[],
            columns=manifest.synced_columns(),
            app={"version": "9.9.9", "schema": 999},  # far newer database: still readable
        )
    )
    assert head.app == {"version": "9.9.9", "schema": 999}
