"""Revoking a device, after saying what it means: later bundles refused, no way back from here."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AlholError
from ...core.storage.devices import PeerDevice
from ...core.sync import enrolment
from ...core.workspace import Workspace
from .. import i18n
from .sync_parts import ProblemBox, button_row

MAX_AFTER_SEQ = 1_000_000


class RevokeDialog(QDialog):
    def __init__(self, ws: Workspace, peer: PeerDevice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.peer = peer
        self.revoked: PeerDevice | None = None
        self.setWindowTitle(self.tr("Revoke a device"))
        self.setMinimumWidth(560)
        heading = QLabel(
            "<h3>" + html.escape(self.tr("Revoke %1's device?").replace("%1", peer.team)) + "</h3>",
            self,
        )
        last = (
            self.tr("The last bundle imported from it is number %1.").replace(
                "%1", i18n.number(peer.last_seq)
            )
            if peer.last_seq
            else self.tr("No bundle from it has been imported yet.")
        )
        meaning = QLabel(self)
        meaning.setObjectName("revoke_meaning")
        meaning.setWordWrap(True)
        meaning.setTextFormat(Qt.TextFormat.RichText)
        meaning.setText(
            "<p>"
            + html.escape(
                self.tr(
                    "Revoke a device when its laptop is lost or stolen, or when it must no "
                    "longer take part. What revoking does:"
                )
            )
            + "</p><ul>"
            + "".join(
                f"<li>{html.escape(point)}</li>"
                for point in (
                    self.tr(
                        "Bundles it made up to the number below are still accepted; what was "
                        "already imported from it stays."
                    ),
                    self.tr(
                        "Every later bundle from it is refused and set aside for a data manager "
                        "to check."
                    ),
                    self.tr("This laptop stops writing bundles for it."),
                    self.tr(
                        "It cannot be undone here: a laptop that is found again is enrolled as "
                        "a new device, with a new card."
                    ),
                )
            )
            + "</ul><p>"
            + html.escape(last)
            + "</p>"
        )
        self.after_seq = QSpinBox(self)
        self.after_seq.setObjectName("revoke_after_seq")
        self.after_seq.setRange(0, MAX_AFTER_SEQ)
        self.after_seq.setValue(peer.last_seq)
        self.after_seq.setToolTip(
            self.tr("0 refuses every bundle from it, even ones not yet imported.")
        )
        self.problem = ProblemBox(self)
        self.revoke_button = QPushButton(self.tr("Revoke %1").replace("%1", peer.team), self)
        self.revoke_button.setObjectName("revoke_button")
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setDefault(True)  # Enter does not revoke by accident
        self.revoke_button.clicked.connect(self.revoke)
        cancel.clicked.connect(self.reject)

        seq_row = QHBoxLayout()
        seq_row.addWidget(QLabel(self.tr("Last bundle to accept from it:"), self))
        seq_row.addWidget(self.after_seq)
        seq_row.addStretch(1)
        buttons = button_row(self.revoke_button, cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(meaning)
        layout.addLayout(seq_row)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        cancel.setFocus()

    def revoke(self) -> None:
        try:
            self.revoked = enrolment.revoke_device(
                self.ws, self.peer.id, int(self.after_seq.value())
            )
        except AlholError as error:
            self.problem.show_problem(error)
            return
        self.accept()
