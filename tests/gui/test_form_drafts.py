"""Drafts: a half-filled form survives a crash of the app and is offered back at the next start."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog
from test_batch_form import type_into

from alhol_desk.core import services
from alhol_desk.core.safety.drafts import load_drafts
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui.forms.batch_form import BatchDialog
from alhol_desk.gui.forms.country_forms import StatusEventDialog
from alhol_desk.gui.forms.record_dialog import RecordDialog
from alhol_desk.gui.i18n import Translations
from alhol_desk.gui.main_window import MainWindow
from alhol_desk.gui.preferences import Preferences

# Half a sheet, some of it wrong: nothing typed may be lost, not even the mistakes.
TYPED = {
    "country": "Atlantis",
    "status": "received",
    "departure_date": "2024-13-40",
    "girls": "12",
    "boys": "x",
    "escort": "Amina",
    "note": "second bus",
}


def typed_values(dialog: RecordDialog) -> dict[str, object]:
    values = dialog.draft_values()
    return {field: values[field] for field in TYPED}


def drafted(data_dir: Path) -> dict[str, object] | None:
    """The typed fields of the one draft kept, or None while there is none."""
    kept = load_drafts(data_dir)
    return {field: kept[0].values.get(field) for field in TYPED} if len(kept) == 1 else None


def draft_pending(dialog: QDialog) -> bool:
    """Whether a timer of the dialog is still to fire (the draft is written by one)."""
    return any(timer.isActive() for timer in dialog.findChildren(QTimer))


def crash(dialog: QDialog) -> None:
    """Gone without Cancel, Save or a close event, as when the app is killed."""
    shiboken6.delete(dialog)


class Reopened:
    """Stands in for the modal exec() of the dialog a draft is reopened in."""

    def __init__(self) -> None:
        self.dialogs: list[RecordDialog] = []

    def exec(self, dialog: RecordDialog) -> int:
        self.dialogs.append(dialog)
        return QDialog.DialogCode.Rejected.value


@pytest.fixture
def reopened(monkeypatch: pytest.MonkeyPatch) -> Reopened:
    fake = Reopened()
    monkeypatch.setattr(RecordDialog, "exec", lambda dialog: fake.exec(dialog))
    return fake


def new_window(qtbot, ws: Workspace, data_dir: Path, translations: Translations) -> MainWindow:
    window = MainWindow(ws, Preferences(data_dir), translations)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_batch_typed_then_crashed_is_offered_back_exactly_as_typed_and_saving_ends_it(
    qtbot, ws: Workspace, data_dir: Path, translations: Translations, answers, reopened
) -> None:
    dialog = BatchDialog(ws)
    dialog.show()
    type_into(qtbot, dialog, TYPED)
    dialog.form.rows["note"].editor.write(TYPED["note"])
    qtbot.waitUntil(lambda: drafted(data_dir) == TYPED, timeout=5000)  # the last keystroke too
    crash(dialog)

    answers.reply = False  # "Open it again" (the default button)
    window = new_window(qtbot, ws, data_dir, translations)
    qtbot.waitUntil(lambda: bool(reopened.dialogs), timeout=5000)

    assert answers.asked == ["Not saved"]
    [again] = reopened.dialogs
    assert isinstance(again, BatchDialog) and again.batch_id is None
    assert typed_values(again) == TYPED
    assert not again.save_button.isEnabled()  # the wrong values are shown as wrong
    assert load_drafts(data_dir)  # kept while the form is open

    type_into(qtbot, again, {"country": "Russia", "departure_date": "2024-01-01", "boys": "20"})
    type_into(qtbot, again, {"source": "Public reporting, 2024"})
    assert again.try_save()
    assert load_drafts(data_dir) == []
    [batch] = services.batches(ws)
    assert (batch.country, batch.girls, batch.boys, batch.escort) == ("RUS", 12, 20, "Amina")
    assert not draft_pending(again)  # no timer is left to write the draft back
    assert load_drafts(data_dir) == []
    window.close()


def test_discard_at_the_offer_forgets_the_draft(
    qtbot, ws: Workspace, data_dir: Path, translations: Translations, answers, reopened
) -> None:
    dialog = BatchDialog(ws)
    dialog.show()
    type_into(qtbot, dialog, {"girls": "3"})
    dialog.write_draft()  # what the timer does a second after the last keystroke
    crash(dialog)
    assert load_drafts(data_dir)

    answers.reply = True  # "Discard"
    new_window(qtbot, ws, data_dir, translations)
    qtbot.waitUntil(lambda: answers.asked == ["Not saved"], timeout=5000)
    assert reopened.dialogs == []
    assert load_drafts(data_dir) == []


def test_cancel_discards_the_draft_and_an_untouched_form_keeps_none(
    qtbot, ws: Workspace, data_dir: Path, answers
) -> None:
    dialog = BatchDialog(ws)
    qtbot.addWidget(dialog)
    dialog.write_draft()
    assert load_drafts(data_dir) == []  # nothing typed, nothing kept
    type_into(qtbot, dialog, {"girls": "3"})
    dialog.write_draft()
    assert len(load_drafts(data_dir)) == 1
    dialog.reject()  # Cancel, then "Discard changes"
    assert load_drafts(data_dir) == []


def test_a_status_event_draft_reopens_on_its_country(
    qtbot, ws: Workspace, data_dir: Path, translations: Translations, answers, reopened
) -> None:
    dialog = StatusEventDialog(ws, "FRA")
    dialog.form.rows["source"].editor.write("Ministry statement")
    dialog.write_draft()
    crash(dialog)

    answers.reply = False
    new_window(qtbot, ws, data_dir, translations)
    qtbot.waitUntil(lambda: bool(reopened.dialogs), timeout=5000)
    [again] = reopened.dialogs
    assert isinstance(again, StatusEventDialog)
    assert again.form.raw()["country"] == "FRA"
    assert again.form.raw()["source"] == "Ministry statement"
