"""Export on one device, import on another: the merge, replays, refusals and conflicts."""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
import subprocess
import zlib
from pathlib import Path

import pytest

from alhol_desk.core import services
from alhol_desk.core.sync import exporter, importer, resolution
from alhol_desk.core.workspace import Workspace, initialise
from enrolling import enrol

RUSSIA = {
    "country": "RUS",
    "departure_date": "2024-01-01",
    "status": "received",
    "girls": 12,
    "boys": 20,
    "min_age": 5,
    "max_age": 17,
    "source": "Public reporting",
}


def _snapshot(ws: Workspace) -> dict[str, list[tuple[object, ...]]]:
    tables = (
        "batches",
        "status_events",
        "estimates",
        "field_clock",
        "audit",
        "conflicts",
        "devices",
    )
    return {t: ws.db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_batch_travels_from_field_to_hq(pair: tuple[Workspace, Workspace, Path]) -> None:
    field, hq, stick = pair
    saved = services.save_batch(field, RUSSIA)
    result = exporter.export_bundle(field, stick)
    assert result.path.suffix == ".alhol" and result.changes > 0
    assert [p.name for p in stick.iterdir()] == [result.path.name]

    report = importer.import_bundle(hq, result.path)
    assert report.outcome == "applied", report.reason
    assert report.summary["new"] == 1
    got = services.get_batch(hq, saved.record.id)
    assert (got.girls, got.boys, got.min_age, got.max_age) == (12, 20, 5, 17)

    again = importer.import_bundle(hq, result.path)
    assert again.outcome == "already_imported"


def test_flipped_byte_changes_nothing(pair: tuple[Workspace, Workspace, Path]) -> None:
    field, hq, stick = pair
    services.save_batch(field, RUSSIA)
    path = exporter.export_bundle(field, stick).path
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    before = _snapshot(hq)
    report = importer.import_bundle(hq, path)
    assert report.outcome == "refused"
    assert _snapshot(hq) == before


def test_verify_writes_nothing(pair: tuple[Workspace, Workspace, Path]) -> None:
    field, hq, stick = pair
    services.save_batch(field, RUSSIA)
    path = exporter.export_bundle(field, stick).path
    before = _snapshot(hq)
    db_file = hq.data_dir / "alhol-desk.sqlite3"
    report = importer.verify_bundle(hq, path)
    assert report.outcome == "verified" and report.summary["new"] == 1
    assert _snapshot(hq) == before
    assert sqlite3.connect(db_file).execute("SELECT count(*) FROM bundles").fetchone()[0] == 0


def test_concurrent_edit_is_a_conflict_resolved_and_sent_back(
    pair: tuple[Workspace, Workspace, Path],
) -> None:
    field, hq, stick = pair
    batch_id = services.save_batch(field, RUSSIA).record.id
    importer.import_bundle(hq, exporter.export_bundle(field, stick).path)
    to_field = exporter.export_bundle(hq, stick).path
    importer.import_bundle(field, to_field)

    services.save_batch(field, {"girls": 11, "boys": 21}, batch_id)
    services.save_batch(hq, {"girls": 13, "boys": 19}, batch_id)
    report = importer.import_bundle(hq, exporter.export_bundle(field, stick).path)
    assert report.outcome == "applied", report.reason
    open_conflicts = resolution.open_conflicts(hq)
    assert {c.column for c in open_conflicts} == {"girls", "boys"}
    girls = next(c for c in open_conflicts if c.column == "girls")
    assert {girls.local_value, girls.incoming_value} == {13, 11}

    for conflict in open_conflicts:
        resolution.resolve_conflict(hq, conflict.id, "local")
    assert resolution.open_conflicts(hq) == []
    importer.import_bundle(field, exporter.export_bundle(hq, stick).path)
    got = services.get_batch(field, batch_id)
    assert (got.girls, got.boys) == (13, 19)
    assert services.get_batch(hq, batch_id).girls == 13


def test_export_without_trusted_recipient_is_refused(tmp_path: Path) -> None:
    from alhol_desk.core.errors import AlholError

    ws = initialise(tmp_path / "alone", team="T", role="field")
    try:
        with pytest.raises(AlholError, match="keys trust"):
            exporter.export_bundle(ws, tmp_path)
    finally:
        ws.close()


def test_two_edits_in_a_row_reach_hq_as_one_fast_forward(
    pair: tuple[Workspace, Workspace, Path],
) -> None:
    field, hq, stick = pair
    batch_id = services.save_batch(field, RUSSIA).record.id
    importer.import_bundle(hq, exporter.export_bundle(field, stick).path)
    services.save_batch(field, {"destination": "Moscow"}, batch_id)
    services.save_batch(field, {"destination": "Grozny"}, batch_id)
    report = importer.import_bundle(hq, exporter.export_bundle(field, stick).path)
    assert report.summary["conflicts"] == 0, resolution.open_conflicts(hq)
    assert services.get_batch(hq, batch_id).destination == "Grozny"


def test_a_local_edit_that_lost_here_still_reaches_hqs_conflict_log(
    pair: tuple[Workspace, Workspace, Path], tmp_path: Path
) -> None:
    """Two teams edit the same field; HQ relays one to the other before the other exports."""
    one, hq, stick = pair
    two = initialise(tmp_path / "two", team="Team 2", role="field", operator="Layla")
    try:
        enrol(two, hq, tmp_path)
        batch_id = services.save_batch(one, RUSSIA).record.id
        importer.import_bundle(hq, exporter.export_bundle(one, stick).path)
        from_hq = exporter.export_bundle(hq, stick)
        importer.import_bundle(one, from_hq.path_for(one.device.id))
        importer.import_bundle(two, from_hq.path_for(two.device.id))

        services.save_batch(two, {"destination": "Moscow"}, batch_id)
        services.save_batch(one, {"destination": "Grozny"}, batch_id)
        importer.import_bundle(hq, exporter.export_bundle(one, stick).path)
        # Grozny reaches two
        importer.import_bundle(two, exporter.export_bundle(hq, stick).path_for(two.device.id))
        importer.import_bundle(hq, exporter.export_bundle(two, stick).path)

        logged = [c for c in resolution.open_conflicts(hq) if c.column == "destination"]
        assert logged, "HQ never saw the edit that lost on team 2's laptop"
        assert {logged[0].local_value, logged[0].incoming_value} == {"Moscow", "Grozny"}
    finally:
        two.close()


@pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")
def test_stock_age_opens_an_exported_bundle_with_the_identity_file(
    pair: tuple[Workspace, Workspace, Path],
) -> None:
    """Emergency access: the stock tool, the HQ identity file, and the DSSE envelope inside."""
    field, hq, stick = pair
    saved = services.save_batch(field, RUSSIA)
    path = exporter.export_bundle(field, stick).path
    out = subprocess.run(
        ["age", "-d", "-i", str(hq.data_dir / "keys" / "identity.age"), str(path)],
        capture_output=True,
        check=True,
        timeout=30,
    )
    envelope = json.loads(out.stdout)
    assert (
        envelope["payloadType"] == "application/vnd.alhol-desk.bundle+jsonl; version=2; "
        "compression=zlib"
    )
    header, *records = zlib.decompress(base64.b64decode(envelope["payload"])).splitlines()
    assert json.loads(header)["sync_version"] == 2
    assert saved.record.id in {json.loads(line)[1] for line in records}
