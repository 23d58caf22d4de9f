"""Help › About: the version, the app's licence, the third-party notices, and About Qt.

The notices are the file the frozen app bundles (THIRD-PARTY-NOTICES.txt, made at build
time from the bundled libraries' own licence files: alhol_desk/notices.py); run from the
source, the same text is made from the installed libraries when the dialog opens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...notices import notices_text

APP_LICENCE = "Apache-2.0"


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About alhol-desk"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr(
                "alhol-desk %1: offline data entry and signed sync for tracking repatriations "
                "from al-Hol camp.\nLicence: %2. Data folder: %3"
            )
            .replace("%1", __version__)
            .replace("%2", APP_LICENCE)
            .replace("%3", str(data_dir))
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(
            QLabel(self.tr("Third-party software in this app, and the licences it comes under:"))
        )
        self.notices = QPlainTextEdit()
        self.notices.setReadOnly(True)
        self.notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        try:
            text = notices_text()
        except (OSError, ValueError) as error:  # a source checkout missing a licence file
            text = self.tr("The third-party notices could not be read: %1").replace(
                "%1", str(error)
            )
        self.notices.setPlainText(text)
        layout.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.about_qt = QPushButton(self.tr("About &Qt"))
        buttons.addButton(self.about_qt, QDialogButtonBox.ButtonRole.ActionRole)
        self.about_qt.clicked.connect(lambda: QMessageBox.aboutQt(self))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
