"""Sync and Conflicts: screens the sync-screens issue fills; until then they say what they hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class _Placeholder(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(f"<h2>{title}</h2>", self)
        body = QLabel(text, self)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setObjectName("placeholder_text")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)

    def refresh(self) -> None:
        """Nothing to read yet."""


class SyncScreen(_Placeholder):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Sync"),
            self.tr(
                "<p>This screen will carry your records to headquarters and back, on a USB "
                "stick:</p><ul>"
                "<li><b>Export</b>: write a signed, encrypted bundle of the changes not yet "
                "sent, straight to the stick.</li>"
                "<li><b>Import</b>: check and merge the bundles that come back, and show what "
                "each one brought, or why it was refused.</li>"
                "<li><b>Devices</b>: this laptop's card and fingerprint, and the devices it "
                "trusts.</li></ul>"
                "<p>Until then, use the command line: <code>alhol-desk export --out "
                "FOLDER</code> and <code>alhol-desk import FILE</code>.</p>"
            ),
            parent,
        )


class ConflictsScreen(_Placeholder):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Conflicts"),
            self.tr(
                "<p>This screen will list every figure that two people changed differently "
                "without seeing each other's change: both values side by side, who entered "
                "each and when, and a button to keep one of them.</p>"
                "<p>Until then, use the command line: <code>alhol-desk conflicts list</code> "
                "and <code>alhol-desk conflicts resolve ID --keep local|incoming</code>.</p>"
            ),
            parent,
        )
