"""True authorship: who made a change travels in the (encrypted) bundle, and the audit
trail on every device names that person and team, not the importing device's operator."""

from __future__ import annotations

from pathlib import Path

from alhol_desk.core import services
from alhol_desk.core.sync import exporter, importer
from alhol_desk.core.workspace import initialise
from enrolling import enrol

RUSSIA = {
    "country": "RUS",
    "departure_date": "2024-01-01",
    "status": "received",
    "girls": 12,
    "boys": 20,
    "source": "Public reporting",
}


def authors(ws, pk: str) -> list[tuple[str | None, str, str | None]]:
    return [
        (row["col"], row["operator"], row["team"])
        for row in ws.db.query(
            "SELECT col, operator, team FROM audit WHERE pk = ? ORDER BY id", [pk]
        )
    ]


def test_the_audit_names_the_person_and_team_who_made_each_change(tmp_path: Path) -> None:
    field = initialise(tmp_path / "field", team="Hasakah 1", role="field", operator="Amina")
    other = initialise(tmp_path / "other", team="Hasakah 2", role="field", operator="Layla")
    hq = initialise(tmp_path / "hq", team="HQ", role="hq", operator="Omar")
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        for laptop in (field, other):
            enrol(laptop, hq, tmp_path)
        made = services.save_batch(field, RUSSIA).record.id
        assert importer.import_bundle(hq, exporter.export_bundle(field, stick).path).outcome == (
            "applied"
        )
        assert authors(hq, made) == [(None, "Amina", "Hasakah 1")]

        services.save_batch(hq, {"note": "checked"}, made)
        sent = exporter.export_bundle(hq, stick)
        for laptop in (field, other):
            assert importer.import_bundle(laptop, sent.path_for(laptop.device.id)).outcome == (
                "applied"
            )
        # The laptop's own creation stays its own; HQ's edit is Omar's, at HQ.
        assert authors(field, made) == [(None, "Amina", None), ("note", "Omar", "HQ")]
        # Relayed by HQ to a laptop that never had it, the record arrives whole and names
        # who made it (a new record has one audit row: its creation).
        assert authors(other, made) == [(None, "Amina", "Hasakah 1")]
        # Names never reach the log.
        for ws in (field, other, hq):
            log = ws.data_dir / "alhol-desk.log"
            if log.exists():
                text = log.read_text("utf-8")
                assert "Amina" not in text and "Omar" not in text
    finally:
        for ws in (field, other, hq):
            ws.close()
