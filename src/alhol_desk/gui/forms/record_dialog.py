"""A record form's dialog: Save (Enter, Ctrl+S), Cancel (Esc), the unsaved-changes guard."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
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
from ...core.safety import drafts
from ..dialogs import questions
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..messages import refusal_text
from .record_form import RecordForm

log = logging.getLogger(__name__)
DRAFT_DELAY_MS = 1000  # a draft is written this long after the last keystroke


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
        # Drafts (see keep_drafts): what is typed survives a crash of the app.
        self.draft_name: str | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)
        form.edited.connect(self._edited_for_draft)

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

    # --- drafts ---------------------------------------------------------------------------

    def keep_drafts(self, form_name: str) -> None:
        """Keep what is typed as the draft ``form_name`` (see ``forms.drafts``) until saved."""
        self.draft_name = form_name

    def restore_draft(self, values: Mapping[str, Any]) -> None:
        """Fill the fields with a draft's values exactly as typed, valid or not."""
        for name, value in values.items():
            row = self.form.rows.get(name)
            if row is not None:
                row.editor.write(value)
        self.form.revalidate()
        self.form.reveal_all()
        self._update_save()

    def draft_values(self) -> dict[str, Any]:
        """The typed values (the fixed ones, such as a page's country, are in the name)."""
        return {name: row.editor.read() for name, row in self.form.rows.items()}

    def _edited_for_draft(self) -> None:
        if self.draft_name is not None:
            self._draft_timer.start()

    def write_draft(self) -> None:
        """Save the draft now (the timer calls this); a clean form leaves no draft."""
        self._draft_timer.stop()
        if self.draft_name is None:
            return
        try:
            if self.form.is_dirty():
                drafts.save_draft(self.form.ws.data_dir, self.draft_name, self.draft_values())
            else:
                drafts.discard_draft(self.form.ws.data_dir, self.draft_name)
        except (AlholError, OSError, ValueError, TypeError) as error:
            # A draft is a convenience: the form stays open and can still be saved.
            log.warning("the draft of a form was not kept (%s)", type(error).__name__)

    def discard_draft(self) -> None:
        self._draft_timer.stop()
        if self.draft_name is None:
            return
        try:
            drafts.discard_draft(self.form.ws.data_dir, self.draft_name)
        except OSError as error:
            log.warning("a draft could not be removed (%s)", type(error).__name__)

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
            text = refusal_text(error.message)
            questions.fail(self, translate("RecordDialog", "Not saved"), text)
            return False
        self.form.mark_saved()
        self.discard_draft()
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
        self.discard_draft()
        super().reject()
