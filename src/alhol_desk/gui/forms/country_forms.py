"""Forms of a country page: a dated, sourced status event, and a population estimate."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ...core import services
from ...core.records import Estimate, Record, StatusEvent
from ...core.workspace import Workspace
from ..i18n import QT_TRANSLATE_NOOP
from .batch_form import form_groups
from .record_dialog import RecordDialog
from .record_form import RecordForm

EVENT_FIELDS = ("status", "event_date", "source", "note")
ESTIMATE_FIELDS = (
    "estimate_date", "source", "total", "women", "men", "girls", "boys", "confidence", "note",
)  # fmt: skip
EVENT_DRAFT = "status_event"  # drafts are named "status_event:<ISO3>", "estimate:<ISO3>"
ESTIMATE_DRAFT = "estimate"


class StatusEventDialog(RecordDialog):
    """Where a country stands now: a status, the day it became so, and who says so."""

    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "RecordDialog", "This status event is not saved. Discard it?"
    )

    def __init__(self, ws: Workspace, country: str, parent: QWidget | None = None) -> None:
        self.ws = ws
        form = RecordForm(
            ws,
            StatusEvent,
            EVENT_FIELDS,
            defaults={"event_date": ws.today().isoformat(), "status": "in_talks"},
            fixed={"country": country},
        )
        super().__init__(form, parent)
        self.setWindowTitle(self.tr("New status event"))
        self.setObjectName("status_event_dialog")
        self.keep_drafts(f"{EVENT_DRAFT}:{country}")
        body = form_groups(form, self, self.tr("Status event"), EVENT_FIELDS)
        self.set_body(body, [form.rows[name].editor.widget for name in EVENT_FIELDS])

    def write(self, raw: dict[str, Any]) -> Record:
        return services.add_status_event(self.ws, raw).record


class EstimateDialog(RecordDialog):
    """A sourced figure of a country's nationals in the camp; estimates may disagree."""

    DISCARD_QUESTION = QT_TRANSLATE_NOOP("RecordDialog", "This estimate is not saved. Discard it?")

    def __init__(self, ws: Workspace, country: str, parent: QWidget | None = None) -> None:
        self.ws = ws
        form = RecordForm(
            ws,
            Estimate,
            ESTIMATE_FIELDS,
            defaults={"estimate_date": ws.today().isoformat()},
            fixed={"country": country},
        )
        super().__init__(form, parent)
        self.setWindowTitle(self.tr("New estimate"))
        self.setObjectName("estimate_dialog")
        self.keep_drafts(f"{ESTIMATE_DRAFT}:{country}")
        body = form_groups(form, self, self.tr("Estimate"), ESTIMATE_FIELDS)
        self.set_body(body, [form.rows[name].editor.widget for name in ESTIMATE_FIELDS])

    def write(self, raw: dict[str, Any]) -> Record:
        return services.add_estimate(self.ws, raw).record
