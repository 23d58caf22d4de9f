"""Devices and keys: this laptop's fingerprint (large, to read over the phone), its card,
and the devices it trusts, with trusting and revoking."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AlholError
from ...core.storage.devices import PeerDevice
from ...core.sync import enrolment
from ...core.workspace import Workspace
from .. import i18n
from ..dialogs.sync_parts import ProblemBox
from ..dialogs.trust_dialog import fingerprint_font
from . import sync_text
from .sync_actions import SyncActions


def spoken_lines(fingerprint: str) -> str:
    """The fingerprint in two lines of four groups, the way it is read out."""
    groups = fingerprint.split("-")
    half = len(groups) // 2
    return "  ".join(groups[:half]) + "\n" + "  ".join(groups[half:])


class KeysPage(QWidget):
    def __init__(self, ws: Workspace, actions: SyncActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.sync = actions
        self.peers: list[PeerDevice] = []

        own = QGroupBox(self.tr("This laptop"), self)
        self.identity = QLabel(own)
        self.identity.setObjectName("own_identity")
        self.identity.setWordWrap(True)
        self.fingerprint = QLabel(own)
        self.fingerprint.setObjectName("own_fingerprint")
        self.fingerprint.setFont(fingerprint_font(24))
        self.fingerprint.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet(
            "QLabel#own_fingerprint { border: 1px solid palette(mid); border-radius: 6px; "
            "padding: 10px; background: palette(base); }"
        )
        hint = QLabel(
            self.tr(
                "This is this laptop's fingerprint. When the other side phones before trusting "
                "this laptop's card, read it out to them, group by group."
            ),
            own,
        )
        hint.setWordWrap(True)
        self.device_id = QLabel(own)
        self.device_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.device_id.setEnabled(False)
        self.locked = ProblemBox(own)
        self.unlock = QPushButton(self.tr("Open the keys"), own)
        self.unlock.hide()
        self.unlock.clicked.connect(self.refresh)
        save = QPushButton(self.tr("Save this laptop's card…"), own)
        save.setObjectName("save_card")
        save.clicked.connect(self.sync.save_card)
        own_layout = QGridLayout(own)
        own_layout.addWidget(self.identity, 0, 0, 1, 2)
        own_layout.addWidget(self.fingerprint, 1, 0, 1, 2)
        own_layout.addWidget(hint, 2, 0, 1, 2)
        own_layout.addWidget(self.device_id, 3, 0)
        own_layout.addWidget(save, 3, 1, Qt.AlignmentFlag.AlignRight)
        own_layout.addWidget(self.locked, 4, 0, 1, 2)
        own_layout.addWidget(self.unlock, 5, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)

        trusted = QGroupBox(self.tr("Devices this laptop trusts"), self)
        self.table = QTableWidget(0, 6, trusted)
        self.table.setObjectName("trusted_devices")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Team"),
                self.tr("Role"),
                self.tr("State"),
                self.tr("Last bundle received"),
                self.tr("Trusted on"),
                self.tr("Device id"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for its buttons
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.none_yet = QLabel(trusted)
        self.none_yet.setWordWrap(True)
        trust = QPushButton(self.tr("Trust a card…"), trusted)
        trust.setObjectName("trust_card")
        trust.clicked.connect(self.sync.trust_card)
        self.revoke_button = QPushButton(self.tr("Revoke…"), trusted)
        self.revoke_button.setObjectName("revoke_device")
        self.revoke_button.clicked.connect(self._revoke)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(trust)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        trusted_layout = QVBoxLayout(trusted)
        trusted_layout.addWidget(self.none_yet)
        trusted_layout.addWidget(self.table, 1)
        trusted_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(trusted, 1)
        self.refresh()

    def refresh(self) -> None:
        self._show_identity()
        self._show_peers()

    def _show_identity(self) -> None:
        me = self.ws.device
        self.identity.setText(
            "<b>"
            + html.escape(
                self.tr("Team %1, %2")
                .replace("%1", me.team)
                .replace("%2", i18n.status_label(me.role))
            )
            + "</b>"
        )
        self.device_id.setText(self.tr("Device id: %1").replace("%1", me.id))
        try:
            fingerprint = enrolment.identity(self.ws).fingerprint
        except AlholError as error:
            self.fingerprint.setText("····  ····  ····  ····\n····  ····  ····  ····")
            self.locked.show_problem(error)
            self.unlock.show()
            return
        self.locked.clear_problem()
        self.unlock.hide()
        self.fingerprint.setText(spoken_lines(fingerprint))

    def _show_peers(self) -> None:
        self.peers = self.ws.devices.peers()
        self.table.setRowCount(len(self.peers))
        for row, peer in enumerate(self.peers):
            if peer.revoked_after_seq is None:
                state = self.tr("Trusted")
            else:
                state = self.tr("Revoked after bundle %1").replace(
                    "%1", i18n.number(peer.revoked_after_seq)
                )
            cells = [
                peer.team,
                sync_text.role_label(peer.role),
                state,
                i18n.number(peer.last_seq) if peer.last_seq else self.tr("none yet"),
                sync_text.when(peer.trusted_at),
                peer.id,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if peer.revoked_after_seq is not None:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self.peers))
        needed = self.tr("headquarters") if self.ws.device.role == "field" else self.tr("a team")
        self.none_yet.setText(
            self.tr(
                "No device is trusted yet. To exchange bundles with %1: save this laptop's card "
                'to a stick and give it to them; take their card, choose "Trust a card…" and '
                "type the fingerprint they read to you over the phone."
            ).replace("%1", needed)
        )
        self.none_yet.setVisible(not self.peers)
        self._selection_changed()

    def selected_peer(self) -> PeerDevice | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.peers[row] if 0 <= row < len(self.peers) else None

    def select_peer(self, device_id: str) -> None:
        for row, peer in enumerate(self.peers):
            if peer.id == device_id:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        peer = self.selected_peer()
        self.revoke_button.setEnabled(peer is not None and peer.revoked_after_seq is None)

    def _revoke(self) -> None:
        peer = self.selected_peer()
        if peer is not None:
            self.sync.revoke(peer)
