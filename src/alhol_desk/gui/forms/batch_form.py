"""The batch form: every field of a batch, checked as it is typed, saved with Enter or Ctrl+S."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core import services
from ...core.records import Batch, Record
from ...core.workspace import Workspace
from .. import i18n
from ..dialogs import questions
from ..i18n import QT_TRANSLATE_NOOP
from .record_dialog import RecordDialog
from .record_form import RecordForm

# Tab order follows the handover sheet: who, when, how many, then the optional detail.
FIELD_ORDER = (
    "country", "status", "departure_date", "ref",
    "women", "men", "girls", "boys", "families", "children", "adults",
    "min_age", "max_age", "unaccompanied", "separated",
    "destination", "agency", "escort", "source", "source_date", "note",
    "f_0_4", "f_5_11", "f_12_17", "m_0_4", "m_5_11", "m_12_17",
    "f_18_59", "f_60_plus", "m_18_59", "m_60_plus",
)  # fmt: skip
BATCH_DRAFT = "batch"  # the draft of a new batch; "batch:<id>" for the edit of one
_BAND_ROWS = (
    ("girls", ("f_0_4", "f_5_11", "f_12_17")),
    ("boys", ("m_0_4", "m_5_11", "m_12_17")),
    ("women", ("f_18_59", "f_60_plus")),
    ("men", ("m_18_59", "m_60_plus")),
)


def form_groups(
    form: RecordForm, parent: QWidget, title: str, fields: tuple[str, ...]
) -> QGroupBox:
    box = QGroupBox(title, parent)
    layout = QFormLayout(box)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    for name in fields:
        layout.addRow(form.label(name), form.rows[name])
    return box


class BatchDialog(RecordDialog):
    """New batch (no id) or edit of one; ``saved_id`` holds the batch once it is saved."""

    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "RecordDialog", "This batch has changes that are not saved. Discard them?"
    )

    def __init__(
        self,
        ws: Workspace,
        batch_id: str | None = None,
        *,
        country: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.ws = ws
        self.batch_id = batch_id
        record = services.get_batch(ws, batch_id) if batch_id else None
        defaults = {"departure_date": ws.today().isoformat(), "country": country}
        super().__init__(RecordForm(ws, Batch, FIELD_ORDER, record, defaults=defaults), parent)
        self.setWindowTitle(self.tr("Edit batch") if batch_id else self.tr("New batch"))
        self.setObjectName("batch_dialog")
        self.keep_drafts(f"{BATCH_DRAFT}:{batch_id}" if batch_id else BATCH_DRAFT)

        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(
            self._group(self.tr("Batch"), ("country", "status", "departure_date", "ref"))
        )
        people = ("women", "men", "girls", "boys", "families", "children", "adults")
        left.addWidget(self._group(self.tr("People"), people))
        children = ("min_age", "max_age", "unaccompanied", "separated")
        left.addWidget(self._group(self.tr("Children"), children))
        right.addWidget(self._group(self.tr("Handover"), ("destination", "agency", "escort")))
        right.addWidget(self._group(self.tr("Source"), ("source", "source_date", "note")))
        right.addWidget(self._bands())
        left.addStretch(1)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body = QWidget(self)
        body.setLayout(columns)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.set_body(scroll, [self.form.rows[name].editor.widget for name in FIELD_ORDER])
        self.resize(980, 720)

    def _group(self, title: str, fields: tuple[str, ...]) -> QGroupBox:
        return form_groups(self.form, self, title, fields)

    def _bands(self) -> QGroupBox:
        box = QGroupBox(self.tr("Age bands (optional; each must add up to its total)"), self)
        grid = QGridLayout(box)
        for row, (total, bands) in enumerate(_BAND_ROWS):
            grid.addWidget(QLabel(i18n.field_label(total), box), row, 0, Qt.AlignmentFlag.AlignTop)
            for column, band in enumerate(bands, start=1):
                cell = QVBoxLayout()
                label = QLabel(i18n.field_label(band), box)
                label.setBuddy(self.form.rows[band].editor.widget)
                cell.addWidget(label)
                cell.addWidget(self.form.rows[band])
                grid.addLayout(cell, row, column)
        return box

    def confirm_save(self, record: Record) -> bool:
        """A batch with the same country, date and counts is most likely the same sheet."""
        assert isinstance(record, Batch)
        twins = self.ws.batches.likely_duplicates(record)
        if not twins:
            return True
        refs = ", ".join(t["ref"] or self.tr("none") for t in twins)
        return questions.confirm(
            self,
            self.tr("Possible duplicate"),
            self.tr(
                "A batch with the same country, date and counts is already recorded "
                "(reference: %1). Is this a different batch?"
            ).replace("%1", refs),
            self.tr("Save anyway"),
            self.tr("Go back"),
        )

    def write(self, raw: dict[str, Any]) -> Record:
        return services.save_batch(self.ws, raw, self.batch_id).record
