"""A date known only to a month or a year travels as its text and arrives at that precision."""

from __future__ import annotations

from pathlib import Path

from alhol_desk.core import services
from alhol_desk.core.sync import exporter, importer
from alhol_desk.core.workspace import Workspace


def test_month_and_year_dates_reach_hq_as_they_were_typed(
    pair: tuple[Workspace, Workspace, Path],
) -> None:
    field, hq, stick = pair
    batch = services.save_batch(
        field,
        {"country": "RUS", "status": "received", "departure_date": "2024-05", "girls": 12,
         "boys": 20, "source": "Public reporting", "source_date": "2024"},
    ).record  # fmt: skip
    services.add_status_event(
        field, {"country": "RUS", "status": "ongoing", "event_date": "2024", "source": "AFP"}
    )
    services.add_status_event(
        field, {"country": "RUS", "status": "initiated", "event_date": "2024-05", "source": "AFP"}
    )
    report = importer.import_bundle(hq, exporter.export_bundle(field, stick).path)
    assert report.outcome == "applied", report.reason

    got = services.get_batch(hq, batch.id)
    assert (got.departure_date, got.source_date) == ("2024-05", "2024")
    timeline = [(e.event_date, e.status) for e in hq.status_events.of_country("RUS")]
    assert timeline == [("2024-05", "initiated"), ("2024", "ongoing")]
