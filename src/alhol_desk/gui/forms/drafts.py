"""Drafts offered back: which dialog a kept draft belongs to, and reopening it as typed.

The dialogs keep their drafts themselves (``RecordDialog.keep_drafts``); the main window
asks, after its first paint, whether to open each one again (``MainWindow.offer_drafts``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...core.safety.drafts import Draft
from ...core.workspace import Workspace
from ..i18n import translate
from .batch_form import BATCH_DRAFT, BatchDialog
from .country_forms import ESTIMATE_DRAFT, EVENT_DRAFT, EstimateDialog, StatusEventDialog
from .record_dialog import RecordDialog


def draft_question(draft: Draft) -> str:
    """What the draft was, in the user's words, for the question that offers it back."""
    kind, _, _ = draft.form_name.partition(":")
    if kind == EVENT_DRAFT:
        return translate("drafts", "A status event you were typing was not saved.")
    if kind == ESTIMATE_DRAFT:
        return translate("drafts", "An estimate you were typing was not saved.")
    return translate("drafts", "A batch you were typing was not saved.")


def reopen(ws: Workspace, draft: Draft, parent: QWidget | None = None) -> RecordDialog | None:
    """The dialog the draft was typed in, filled with its values; None if it names none.

    Raises ``AlholError`` when the record it edited cannot be read any more.
    """
    kind, _, key = draft.form_name.partition(":")
    dialog: RecordDialog
    if kind == BATCH_DRAFT:
        dialog = BatchDialog(ws, key or None, parent=parent)
    elif kind == EVENT_DRAFT and key:
        dialog = StatusEventDialog(ws, key, parent)
    elif kind == ESTIMATE_DRAFT and key:
        dialog = EstimateDialog(ws, key, parent)
    else:
        return None
    dialog.restore_draft(draft.values)
    return dialog
