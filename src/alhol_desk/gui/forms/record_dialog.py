"""A record form's dialog: Save (Enter, Ctrl+S), Cancel (Esc), the unsaved-changes guard."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AlholError, ValidationFailed
from ...core.records import Record
from ..dialogs import questions
from ..i18n import QT_TRANSLATE_NOOP, translate
from .record_form import RecordForm


class RecordDialog(QDialog):
    """Subclasses build ``form``, lay it out with ``set_body`` and say how to ``write`` it."""

    saved = Signal(str)
    # Strings here use one context, "RecordDialog", for every subclass (self.tr would look
    # them up under the subclass's name).
    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "RecordDialog", "This record has changes that are not saved. Discard them?"
    )

    def __init__(self, form: RecordForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        form.setParent(self)
        self.saved_id: str | None = None
        self.hint = QLabel(self)
        self.hint.setObjectName("save_hint")
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(translate("RecordDialog", "Save"), self)
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(translate("RecordDialog", "Save (Enter or Ctrl+S)"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(translate("RecordDialog", "Cancel"))
        self.save_button.clicked.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        self._footer = QHBoxLayout()
        self._footer.addWidget(self.hint, 1)
        self._footer.addWidget(buttons)
        self._layout = QVBoxLayout(self)
        QShortcut(QKeySequence.StandardKey.Save, self, self.try_save)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.try_save)
        form.validity_changed.connect(self._update_save)
        form.edited.connect(self._update_save)

    def set_body(self, body: QWidget, tab_order: list[QWidget]) -> None:
        self._layout.addWidget(body, 1)
        self._layout.addLayout(self._footer)
        chain = [*tab_order, self.save_button, self.cancel_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self._update_save()
        if tab_order:
            tab_order[0].setFocus()

    # --- for subclasses -------------------------------------------------------------------

    def confirm_save(self, record: Record) -> bool:
        """Last questions before writing (a likely duplicate); True to go on."""
        return True

    def write(self, raw: dict[str, Any]) -> Record:
        raise NotImplementedError

    # --- saving and leaving ---------------------------------------------------------------

    def _update_save(self, *_: object) -> None:
        self.save_button.setEnabled(self.form.can_save())
        hidden = self.form.hidden_problems()
        if hidden:
            still = translate("RecordDialog", "Still needed: %1").replace(
                "%1", ", ".join(dict.fromkeys(hidden))
            )
            self.hint.setText(still)
        elif self.form.errors:
            self.hint.setText(translate("RecordDialog", "Fix the fields marked in red to save."))
        elif self.form.warnings:
            self.hint.setText(translate("RecordDialog", "Warnings (in amber) do not stop saving."))
        else:
            self.hint.clear()

    def try_save(self) -> bool:
        """Save if the rules allow it; otherwise show every problem and go to the first."""
        self.form.revalidate()
        if self.form.errors:
            self.form.reveal_all()
            self._update_save()
            problem = self.form.first_problem()
            if problem is not None:
                problem.setFocus()
            return False
        assert self.form.record is not None
        if not self.confirm_save(self.form.record):
            return False
        try:
            record = self.write(self.form.raw())
        except ValidationFailed:
            self.form.revalidate()
            self.form.reveal_all()
            return False
        except AlholError as error:
            questions.fail(self, translate("RecordDialog", "Not saved"), str(error))
            return False
        self.form.mark_saved()
        self.saved_id = record.id
        self.saved.emit(record.id)
        self.accept()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QPlainTextEdit
        ):
            self.try_save()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc, Cancel or the close box: ask before throwing typed values away."""
        if self.form.is_dirty() and not questions.confirm(
            self,
            translate("RecordDialog", "Unsaved changes"),
            translate("RecordDialog", self.DISCARD_QUESTION),
            translate("RecordDialog", "Discard changes"),
            translate("RecordDialog", "Keep editing"),
        ):
            return
        super().reject()
