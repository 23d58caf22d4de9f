"""The read-only views the window's sync screens use: conflicts with both editors, the bundle
history with teams, the oldest change waiting to go out."""

from __future__ import annotations

from alhol_desk.core import services, sync_overview
from alhol_desk.core.sync import exporter, importer, resolution

RUSSIA = {
    "country": "RUS",
    "departure_date": "2024-01-01",
    "status": "received",
    "girls": 12,
    "boys": 20,
    "source": "Public reporting",
}


def test_conflicts_name_both_devices_the_record_and_the_current_value(pair) -> None:
    field, hq, stick = pair
    batch_id = services.save_batch(field, RUSSIA).record.id
    importer.import_bundle(hq, exporter.export_bundle(field, stick).path)
    importer.import_bundle(field, exporter.export_bundle(hq, stick).path)
    services.save_batch(field, {"girls": 11, "boys": 21}, batch_id)
    services.save_batch(hq, {"girls": 13, "boys": 19}, batch_id)
    importer.import_bundle(hq, exporter.export_bundle(field, stick).path)

    assert hq.conflicts.open_count() == 2
    girls = next(c for c in sync_overview.conflicts(hq) if c.column == "girls")
    assert (girls.local_value, girls.incoming_value) == (13, 11)
    # The clocks pick the provisional winner; which one depends on when each edit was made.
    kept = girls.local_value if girls.winner == "local" else girls.incoming_value
    assert girls.current_value == kept
    assert (girls.local.team, girls.local.is_self) == ("HQ", True)
    assert (girls.incoming.team, girls.incoming.is_self) == ("Hasakah 1", False)
    assert girls.incoming.device_id == field.device.id and girls.incoming.at_ms > 0
    assert (girls.country, girls.name_en, girls.record_date) == (
        "RUS", "Russian Federation", "2024-01-01",
    )  # fmt: skip

    resolution.resolve_conflict(hq, girls.id, "incoming")
    assert hq.conflicts.open_count() == 1
    [settled] = sync_overview.conflicts(hq, "resolved")
    assert (settled.resolution, settled.resolved_by, settled.current_value) == (
        "incoming", "Omar", 11,
    )  # fmt: skip
    assert len(sync_overview.conflicts(hq, None)) == 2


def test_the_history_has_teams_and_filters_and_the_oldest_waiting_change(pair) -> None:
    field, hq, stick = pair
    assert sync_overview.oldest_unexported_change(field) is None
    services.save_batch(field, RUSSIA)
    waiting = sync_overview.oldest_unexported_change(field)
    assert waiting is not None and waiting.startswith("20")
    path = exporter.export_bundle(field, stick).path
    assert sync_overview.oldest_unexported_change(field) is None
    importer.import_bundle(hq, path)
    flipped = stick / "flipped.alhol"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    flipped.write_bytes(bytes(data))
    importer.import_bundle(hq, flipped)

    history = hq.bundles.history()
    assert [(e.direction, e.outcome, e.team) for e in history] == [
        ("received", "refused", None),
        ("received", "applied", "Hasakah 1"),
    ]
    assert history[0].reason and "damaged" in history[0].reason
    assert history[1].new == 1 and history[1].seq == 1
    assert [e.outcome for e in hq.bundles.history(outcome="applied")] == ["applied"]
    [sent] = field.bundles.history(direction="sent")
    assert (sent.is_self, sent.team, sent.outcome) == (True, "Hasakah 1", "exported")
    assert [p.team for p in hq.devices.peers()] == ["Hasakah 1"]
