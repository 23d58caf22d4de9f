"""The Sync screen: export and import with the state of the exchange, the bundle history,
and (second tab) devices and keys."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import sync_overview
from ...core.sync import exporter
from ...core.workspace import Workspace
from .. import i18n
from ..changes import RECORDS, Changes
from ..dialogs.sync_parts import problem_html
from ..models.bundle_history import BundleHistoryModel
from . import Screen, sync_text
from .sync_actions import SyncActions
from .tables import row_table

if TYPE_CHECKING:
    from .keys import KeysPage


class ExchangePage(QWidget):
    """Export and import buttons, where things stand, and every bundle sent or received."""

    def __init__(self, ws: Workspace, actions: SyncActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.sync = actions
        box = QGroupBox(self.tr("Export and import"), self)
        self.export_button = QPushButton(self.tr("Export to a stick…"), box)
        self.export_button.setObjectName("sync_export")
        self.export_button.setToolTip("Ctrl+E")
        self.import_button = QPushButton(self.tr("Import bundles…"), box)
        self.import_button.setObjectName("sync_import")
        self.import_button.setToolTip("Ctrl+I")
        for button in (self.export_button, self.import_button):
            button.setMinimumHeight(40)
        self.export_button.clicked.connect(self.sync.export)
        self.import_button.clicked.connect(self.sync.choose_import)
        self.state = QLabel(box)
        self.state.setObjectName("sync_state")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.RichText)
        self.state.linkActivated.connect(lambda _link: self.sync.show_devices())
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(buttons)
        box_layout.addWidget(self.state)

        history = QGroupBox(self.tr("Bundle history"), self)
        self.model = BundleHistoryModel(ws, self)
        self.direction = QComboBox(history)
        self.direction.setObjectName("history_direction")
        self.direction.addItem(self.tr("Sent and received"), None)
        self.direction.addItem(self.tr("Sent"), "sent")
        self.direction.addItem(self.tr("Received"), "received")
        self.outcome = QComboBox(history)
        self.outcome.setObjectName("history_outcome")
        self.outcome.addItem(self.tr("Any outcome"), None)
        for outcome in sync_overview.BUNDLE_OUTCOMES:
            self.outcome.addItem(sync_text.outcome_label(outcome), outcome)
        self.search = QLineEdit(history)
        self.search.setObjectName("history_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Team, file or reason"))
        widths = dict(enumerate((130, 80, 140, 55, 65, 230, 120)))
        self.table = row_table(history, "history_table", self.model, widths)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.reason = QLabel(history)
        self.reason.setObjectName("history_reason")
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.RichText)
        self.reason.hide()
        filters = QHBoxLayout()
        filters.addWidget(self.direction)
        filters.addWidget(self.outcome)
        filters.addWidget(self.search, 1)
        history_layout = QVBoxLayout(history)
        history_layout.addLayout(filters)
        history_layout.addWidget(self.table, 1)
        history_layout.addWidget(self.reason)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(history, 1)
        self.direction.currentIndexChanged.connect(self.apply)
        self.outcome.currentIndexChanged.connect(self.apply)
        self.search.textChanged.connect(self.apply)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_reason(current.row())
        )
        self._show_state()

    def apply(self, *_: object) -> None:
        self.model.set_filter(
            self.direction.currentData(), self.outcome.currentData(), self.search.text()
        )
        self.reason.hide()

    def refresh(self) -> None:
        self.model.reload()
        self._show_state()
        self.reason.hide()

    def _show_reason(self, row: int) -> None:
        entry = self.model.entry(row)
        if entry is None or not entry.reason:
            self.reason.hide()
            return
        self.reason.setText(problem_html(sync_text.explain_refusal(entry.reason, entry.message)))
        self.reason.show()

    def _show_state(self) -> None:
        lines: list[str] = []
        waiting = exporter.unexported_changes(self.ws)
        lines.append(
            self.tr("Changes made here since the last export: %1.").replace(
                "%1", i18n.number(waiting)
            )
        )
        sent = self.ws.bundles.history(direction="sent", limit=1)
        if sent:
            lines.append(
                self.tr("Last bundle sent: number %1, on %2.")
                .replace("%1", i18n.number(sent[0].seq))
                .replace("%2", sync_text.when(sent[0].at))
            )
        else:
            lines.append(self.tr("No bundle has been sent from this laptop yet."))
        received = self.ws.bundles.history(direction="received", outcome="applied", limit=1)
        if received:
            entry = received[0]
            lines.append(
                self.tr("Last bundle imported: from %1, on %2.")
                .replace("%1", entry.team or "")
                .replace("%2", sync_text.when(entry.at))
            )
        recipients = [p.team for p in exporter.recipients_for(self.ws)]
        text = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        if recipients:
            text += "<p>" + html.escape(
                self.tr("Bundles from here go to: %1.").replace("%1", ", ".join(recipients))
            )
        else:
            link = html.escape(self.tr("Devices and keys"))
            text += (
                '<p style="color: #a93226">'
                + html.escape(
                    self.tr("No device is trusted to receive bundles yet; see %1.")
                ).replace("%1", f'<a href="devices">{link}</a>')
                + "</p>"
            )
        text += (
            "<p style='color: gray'>"
            + html.escape(self.tr("You can also drop .alhol files on this window to import them."))
            + "</p>"
        )
        self.state.setText(text)


class SyncScreen(Screen):
    """Two tabs: sending and receiving (with the history), and devices and keys."""

    # Sending: what is waiting (any record written here), the history, the recipients;
    # devices and keys: this device and its peers.
    shows = RECORDS | Changes(conflicts=True, bundles=True, devices=True)

    def __init__(self, ws: Workspace, actions: SyncActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.sync = actions
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("sync_tabs")
        self.exchange = ExchangePage(ws, actions, self)
        self.tabs.addTab(self.exchange, self.tr("Send and receive"))
        self.devices_holder = QWidget(self)  # the keys page is built when first shown
        QVBoxLayout(self.devices_holder).setContentsMargins(0, 0, 0, 0)
        self.keys: KeysPage | None = None
        self.tabs.addTab(self.devices_holder, self.tr("Devices and keys"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.keys is None:
            from .keys import KeysPage  # its fingerprint opens the keys: only when shown

            self.keys = KeysPage(self.ws, self.sync, self.devices_holder)
            layout = self.devices_holder.layout()
            assert layout is not None
            layout.addWidget(self.keys)

    def show_devices(self) -> None:
        self.tabs.setCurrentIndex(1)
        if self.keys is not None:
            self.keys.table.setFocus()

    def show_exchange(self) -> None:
        self.tabs.setCurrentIndex(0)

    def refresh(self, changes: Changes) -> None:
        self.exchange.refresh()
        if self.keys is not None and changes.devices:
            self.keys.refresh()

    def focus_filter(self) -> None:
        self.show_exchange()
        self.exchange.search.setFocus()
