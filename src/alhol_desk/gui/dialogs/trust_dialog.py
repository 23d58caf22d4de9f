"""Trusting another device's card: only after its owner reads the fingerprint over the phone.

The dialog never shows the card's fingerprint: the person types what they hear, and the
core compares. Showing it would invite a glance and a click instead of a check.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.browse import ascii_digits
from ...core.errors import AlholError
from ...core.sync import enrolment
from ...core.sync.cards import CROCKFORD, FINGERPRINT_GROUP_SIZE, FINGERPRINT_GROUPS, DeviceCard
from ...core.workspace import Workspace
from .. import i18n
from .sync_parts import ProblemBox, align_leading, button_row, path_label

FINGERPRINT_CHARS = FINGERPRINT_GROUPS * FINGERPRINT_GROUP_SIZE
_TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def typed_characters(text: str) -> str:
    """The fingerprint characters in what was typed (no spaces or dashes; any digits)."""
    cleaned = ascii_digits(text).upper().translate(_TYPOS)
    return "".join(c for c in cleaned if c.isalnum())


def fingerprint_font(size: int) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(size)
    font.setBold(True)
    return font


class TrustDialog(QDialog):
    trusted = Signal(object)  # the DeviceCard

    def __init__(
        self, ws: Workspace, path: Path, card: DeviceCard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.path = path
        self.card = card
        self.setWindowTitle(self.tr("Trust a device card"))
        self.setMinimumWidth(580)
        heading = QLabel(
            "<h3>" + html.escape(self.tr("Trust %1's device?").replace("%1", card.team)) + "</h3>",
            self,
        )
        details = QFormLayout()
        details.addRow(self.tr("Team"), align_leading(QLabel(card.team, self)))
        details.addRow(self.tr("Role"), QLabel(i18n.status_label(card.role), self))
        details.addRow(self.tr("Device id"), path_label(card.device_id, self))
        details.addRow(self.tr("Card file"), path_label(str(path), self))
        steps = QLabel(self)
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        steps.setText(
            "<ol>"
            + "".join(
                f"<li>{html.escape(step)}</li>"
                for step in (
                    self.tr(
                        "Phone the person who gave you this card, on a number you already know "
                        "(never one written on the stick)."
                    ),
                    self.tr(
                        "Ask them to read the fingerprint shown on their laptop under "
                        "Sync › Devices and keys."
                    ),
                    self.tr("Type it here as you hear it. Dashes and spaces do not matter."),
                )
            )
            + "</ol>"
        )
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setObjectName("trust_fingerprint")
        self.fingerprint.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.fingerprint.setFont(fingerprint_font(14))
        self.fingerprint.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.fingerprint.setMaxLength(64)
        self.count = QLabel(self)
        self.count.setObjectName("trust_count")
        self.problem = ProblemBox(self)
        self.trust_button = QPushButton(self.tr("Trust this card"), self)
        self.trust_button.setObjectName("trust_button")
        # Enter checks the typed fingerprint (the button is off until it is complete); a
        # refusal keeps the dialog open, to read it again with the owner.
        self.trust_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setAutoDefault(False)
        self.trust_button.clicked.connect(self.try_trust)
        cancel.clicked.connect(self.reject)
        self.fingerprint.textChanged.connect(self._typed)

        buttons = button_row(self.trust_button, cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(details)
        layout.addWidget(steps)
        layout.addWidget(QLabel(self.tr("Fingerprint read over the phone:"), self))
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.count)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._typed("")
        self.fingerprint.setFocus()

    def _typed(self, text: str) -> None:
        chars = typed_characters(text)
        wrong = sorted({c for c in chars if c not in CROCKFORD})
        if wrong:
            self.count.setText(
                self.tr("A fingerprint never contains %1: check what was read out.").replace(
                    "%1", " ".join(wrong)
                )
            )
        else:
            self.count.setText(
                self.tr("%1 of %2 characters")
                .replace("%1", i18n.number(len(chars)))
                .replace("%2", i18n.number(FINGERPRINT_CHARS))
            )
        self.trust_button.setEnabled(len(chars) == FINGERPRINT_CHARS and not wrong)

    def try_trust(self) -> None:
        if not self.trust_button.isEnabled():
            return
        typed = typed_characters(self.fingerprint.text())
        try:
            card = enrolment.trust_card(self.ws, self.path, typed)
        except AlholError as error:
            self.problem.show_problem(error)
            self.fingerprint.setFocus()
            self.fingerprint.selectAll()
            return
        self.trusted.emit(card)
        self.accept()
