"""Pieces the sync dialogs share: a dialog that stays while its job runs, a progress page, a
refusal in plain words, a row of buttons, a fixed-LTR path."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from ...core.errors import AlholError
from ...core.messages import Message
from ..messages import Explained
from ..screens.sync_text import explain_error
from ..workers import Operation


class JobDialog(QDialog):
    """A dialog that cannot be closed while its ``job`` runs: a bundle being read or
    written finishes first, since closing would not stop it."""

    job: Operation[Any] | None = None

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.job is not None and self.job.running:
            event.ignore()
            return
        super().closeEvent(event)


class WorkingPage(QWidget):
    """A line saying what is being done and a bar (moving to and fro when the length is unknown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(self)
        self.text.setObjectName("working_text")
        self.text.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("working_bar")
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        layout.addWidget(self.note)
        layout.addStretch(2)

    def show_progress(self, text: str, done: int = 0, total: int = 0) -> None:
        self.text.setText(text)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.bar.setRange(0, 0)


def problem_html(explained: Explained, *, details: bool = True) -> str:
    """What was wrong (bold), what to do, and the core's line as a small detail.

    The detail names the field or number a bundle refusal is about; elsewhere (a card, a
    folder) it only repeats the command line's wording, so it shows when asked for or when
    no known reason matched.
    """
    parts = [
        f"<p><b>{html.escape(explained.what)}</b></p>",
        f"<p>{html.escape(explained.todo)}</p>",
    ]
    if explained.detail and (details or not explained.known):
        detail = html.escape(explained.detail)
        parts.append(f'<p style="color: gray; font-size: small" dir="ltr">{detail}</p>')
    return "".join(parts)


class ProblemBox(QLabel):
    """A refusal or an error, in plain words with what to do; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(
            "QLabel#problem { border: 1px solid #c0392b; border-radius: 4px; padding: 6px; "
            "background: #fdecea; color: #5a1b14; }"
        )
        self.hide()
        self.explained: Explained | None = None

    def show_problem(self, problem: AlholError | Message | str, *, details: bool = False) -> None:
        """``problem``: the core's error, or a line already in the user's language."""
        self.explained = explain_error(problem)
        self.setText(problem_html(self.explained, details=details))
        self.show()
        window = self.window()
        if window is not self and window.isWindow() and isinstance(window, QDialog):
            window.adjustSize()  # a dialog grows to show the whole message

    def clear_problem(self) -> None:
        self.explained = None
        self.clear()
        self.hide()


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """The dialog's buttons in a row at its trailing edge, in the order given."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def align_leading(label: QLabel) -> QLabel:
    """Align to the layout's leading edge whatever the text's own direction: a Latin team
    name or id in an Arabic window sits beside its Arabic label, not across the dialog."""
    right_to_left = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    edge = Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(edge | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    return label


def path_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A file or folder path: read left to right, selectable, at the leading edge."""
    label = QLabel(text, parent)
    label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return align_leading(label)
