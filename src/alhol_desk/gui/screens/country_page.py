"""A country's page: its status timeline, its estimates, its batches, and forms to add to them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import browse
from ...core.workspace import Workspace
from .. import i18n
from ..changes import RECORDS, Changes
from ..forms.country_forms import EstimateDialog, StatusEventDialog
from ..models.batch_table import BatchTableModel
from . import Navigator, Screen
from .batches import BatchTable


def _tree(parent: QWidget, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setAlternatingRowColors(True)
    tree.setWordWrap(True)
    return tree


class CountryPage(Screen):
    """Shows one country at a time; ``show_country`` switches it."""

    shows = RECORDS  # its status events, its estimates, its batches

    def __init__(self, ws: Workspace, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.nav = nav
        self.iso3: str | None = None
        self.model: BatchTableModel | None = None
        self.title = QLabel(self)
        self.title.setObjectName("country_title")
        back = QPushButton(self.tr("Back to countries"), self)
        back.clicked.connect(self.nav.show_countries)
        add_event = QPushButton(self.tr("Add status event…"), self)
        add_event.setObjectName("add_status_event")
        add_estimate = QPushButton(self.tr("Add estimate…"), self)
        add_estimate.setObjectName("add_estimate")
        new_batch = QPushButton(self.tr("New batch for this country…"), self)
        add_event.clicked.connect(self.add_status_event)
        add_estimate.clicked.connect(self.add_estimate)
        new_batch.clicked.connect(lambda: self.nav.new_batch(self.iso3))

        self.timeline = _tree(
            self,
            [i18n.field_label("event_date"), i18n.field_label("status"),
             i18n.field_label("source"), i18n.field_label("note")],
        )  # fmt: skip
        self.timeline.setObjectName("status_timeline")
        self.estimates = _tree(
            self,
            [i18n.field_label("estimate_date"), i18n.field_label("total"),
             self.tr("Women / men / girls / boys"), i18n.field_label("confidence"),
             i18n.field_label("source")],
        )  # fmt: skip
        self.estimates.setObjectName("country_estimates")
        self.batch_box = QGroupBox(self.tr("Batches"), self)
        self.batch_layout = QVBoxLayout(self.batch_box)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(back)
        buttons = QHBoxLayout()
        for button in (add_event, add_estimate, new_batch):
            buttons.addWidget(button)
        buttons.addStretch(1)
        timeline_box = QGroupBox(self.tr("Status timeline (newest first)"), self)
        QVBoxLayout(timeline_box).addWidget(self.timeline)
        estimates_box = QGroupBox(self.tr("Estimates"), self)
        QVBoxLayout(estimates_box).addWidget(self.estimates)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(timeline_box)
        upper.addWidget(estimates_box)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(self.batch_box)
        split.setSizes([240, 420])  # the batches get the most room
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

    def show_country(self, iso3: str) -> None:
        if iso3 != self.iso3:
            self.iso3 = iso3
            old = self.batch_layout.itemAt(0)
            table = old.widget() if old is not None else None
            if table is not None:
                table.deleteLater()
            self.model = BatchTableModel(self.ws.db, self.ws.data_dir, country=iso3, parent=self)
            table = BatchTable(self.model, self.batch_box)
            table.setObjectName("country_batches")
            table.activated.connect(lambda index: self._open_batch(table))
            self.batch_layout.insertWidget(0, table)
            self.refresh(Changes(statuses=True, estimates=True))  # the new table loads itself
        else:
            self.refresh(self.shows)

    def _open_batch(self, table: BatchTable) -> None:
        batch_id = table.current_batch()
        if batch_id:
            self.nav.open_batch(batch_id)

    def refresh(self, changes: Changes) -> None:
        if self.iso3 is None:
            return
        if changes.statuses or changes.estimates:
            page = browse.country_page(self.ws, self.iso3)
            if page is None:
                return
            if changes.statuses:
                self._show_timeline(page)
            if changes.estimates:
                self._show_estimates(page)
        if changes.batches and self.model is not None:
            self.model.reload()

    def _show_timeline(self, page: browse.CountryPage) -> None:
        country = page.country
        current = page.events[0].status if page.events else None
        status = i18n.status_label(current) if current else self.tr("no status recorded")
        other = country.name_en if i18n.current_language() == "ar" else country.name_ar
        self.title.setText(
            f"<h2>{i18n.country_name(country.name_en, country.name_ar)} "
            f"<small>({country.iso3}, {other})</small></h2><p>{status}</p>"
        )
        self.timeline.clear()
        for event in page.events:
            item = QTreeWidgetItem(
                self.timeline,
                [i18n.day(event.event_date), i18n.status_label(event.status),
                 event.source, event.note or ""],
            )  # fmt: skip
            for column in (2, 3):  # sources and notes are long: whole on hover
                item.setToolTip(column, item.text(column))

    def _show_estimates(self, page: browse.CountryPage) -> None:
        self.estimates.clear()
        for estimate in page.estimates:
            parts = " / ".join(
                i18n.number(getattr(estimate, sex)) or "–"
                for sex in ("women", "men", "girls", "boys")
            )
            QTreeWidgetItem(
                self.estimates,
                [i18n.day(estimate.estimate_date), i18n.number(estimate.total), parts,
                 i18n.status_label(estimate.confidence), estimate.source],
            )  # fmt: skip

    def add_status_event(self) -> None:
        if (
            self.iso3
            and StatusEventDialog(self.ws, self.iso3, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.nav.data_changed(Changes(statuses=True))

    def add_estimate(self) -> None:
        if (
            self.iso3
            and EstimateDialog(self.ws, self.iso3, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.nav.data_changed(Changes(estimates=True))
