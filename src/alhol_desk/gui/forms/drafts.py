"""Drafts offered back: which dialog a kept draft belongs to, and reopening it as typed.

The dialogs keep their drafts themselves (``RecordDialog.keep_drafts``); after its first
paint the main window asks whether to open each one again (``offer_drafts``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from ...core.errors import AlholError
from ...core.safety import drafts
from ...core.safety.drafts import Draft
from ...core.workspace import Workspace
from ..changes import Changes
from ..dialogs import questions
from ..i18n import translate
from ..messages import refusal_text
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


def saves(draft: Draft) -> Changes:
    """What saving the draft's form writes."""
    kind, _, _ = draft.form_name.partition(":")
    return Changes(
        batches=kind == BATCH_DRAFT, statuses=kind == EVENT_DRAFT, estimates=kind == ESTIMATE_DRAFT
    )


def offer_drafts(ws: Workspace, parent: QWidget, *, on_saved: Callable[[Changes], object]) -> None:
    """Ask about each kept draft: open it again (the default), or discard it; ``on_saved``
    gets what a form saved."""
    if ws.read_only:
        return

    for draft in drafts.load_drafts(ws.data_dir):
        # "Open it again" is the default answer (Enter, Esc): nothing typed is lost by it.
        if questions.confirm(
            parent,
            translate("MainWindow", "Not saved"),
            draft_question(draft) + " " + translate("MainWindow", "Open it again, or discard it?"),
            translate("MainWindow", "Discard"),
            translate("MainWindow", "Open it again"),
        ):
            drafts.discard_draft(ws.data_dir, draft.form_name)
            continue
        try:
            dialog = reopen(ws, draft, parent)
        except AlholError as error:
            title = translate("MainWindow", "Cannot open the draft")
            questions.fail(parent, title, refusal_text(error.message))
            drafts.discard_draft(ws.data_dir, draft.form_name)
            continue
        if dialog is None:
            drafts.discard_draft(ws.data_dir, draft.form_name)
            continue
        if dialog.exec() == QDialog.DialogCode.Accepted:
            on_saved(saves(draft))
