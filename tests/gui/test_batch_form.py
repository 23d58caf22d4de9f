"""The batch form as a field officer types into it: rules beside fields, Save, Enter, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from alhol_desk.core import services
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui.forms.batch_form import FIELD_ORDER, BatchDialog

RUSSIA = {
    "country": "Russia",
    "status": "received",
    "departure_date": "2024-01-01",
    "girls": "12",
    "boys": "20",
    "min_age": "5",
    "max_age": "17",
    "source": "Public reporting, 2024",
}


def editor(dialog: BatchDialog, field: str) -> QWidget:
    return dialog.form.rows[field].editor.widget


def message(dialog: BatchDialog, field: str) -> str:
    label = dialog.findChild(QLabel, f"message_{field}")
    assert label is not None
    return label.text() if label.isVisible() else ""


def type_into(qtbot, dialog: BatchDialog, values: dict[str, str]) -> None:
    for field, text in values.items():
        widget = editor(dialog, field)
        if isinstance(widget, QComboBox) and not widget.isEditable():
            widget.setCurrentIndex(widget.findData(text))
            continue
        target = widget.lineEdit() if isinstance(widget, QComboBox) else widget
        target.selectAll()
        if text.isascii():
            qtbot.keyClicks(target, text)
        else:  # QTest types Latin-1 only; an input method would insert the text whole
            target.insert(text)


@pytest.fixture
def dialog(qtbot, ws: Workspace, answers) -> BatchDialog:
    shown = BatchDialog(ws)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_the_russia_batch_typed_and_saved_with_enter_lands_exactly_that_row(
    qtbot, dialog: BatchDialog, ws: Workspace
) -> None:
    type_into(qtbot, dialog, RUSSIA)
    assert dialog.save_button.isEnabled()

    qtbot.keyClick(editor(dialog, "source"), Qt.Key.Key_Return)

    assert not dialog.isVisible()
    [batch] = services.batches(ws)
    assert dialog.saved_id == batch.id
    assert (batch.country, batch.status, batch.departure_date) == ("RUS", "received", "2024-01-01")
    assert (batch.girls, batch.boys, batch.women, batch.men) == (12, 20, 0, 0)
    assert (batch.min_age, batch.max_age) == (5, 17)
    assert (batch.children, batch.adults, batch.families) == (None, None, None)


@pytest.mark.parametrize(
    ("typed", "field", "says"),
    [
        ({"girls": "x"}, "girls", "must be a whole number"),
        ({"women": "-1"}, "women", "cannot be negative"),
        ({"girls": "12", "boys": "20", "children": "31"}, "children", "girls + boys add up to 32"),
        ({"women": "2", "men": "1", "adults": "4"}, "adults", "women + men add up to 3"),
        ({"girls": "3", "min_age": "18"}, "min_age", "between 0 and 17"),
        ({"girls": "3", "min_age": "10", "max_age": "5"}, "min_age", "above the oldest"),
        ({"women": "3", "min_age": "4"}, "min_age", "no children"),
        ({"girls": "3", "unaccompanied": "2", "separated": "2"}, "unaccompanied", "more than"),
        ({"girls": "3", "families": "5"}, "families", "more than the 3 people"),
        ({"girls": "3", "departure_date": "2024-13-01"}, "departure_date", "YYYY-MM-DD"),
        ({"girls": "3", "status": "received", "departure_date": "2025-01-01"},
         "departure_date", "in the future"),
        ({"girls": "3", "source_date": "2030-01-01"}, "source_date", "in the future"),
        ({"girls": "3", "country": "XYZ"}, "country", "not a known ISO 3166"),
        ({"girls": "12", "f_0_4": "5"}, "girls", "age bands add up to 5"),
        ({"girls": "3", "f_5_11": "-2"}, "f_5_11", "cannot be negative"),
        ({"women": "0", "girls": "0"}, "boys", "counts no one"),
    ],
)  # fmt: skip
def test_each_rule_shows_beside_its_field_and_blocks_save(
    qtbot, dialog: BatchDialog, ws: Workspace, typed: dict[str, str], field: str, says: str
) -> None:
    type_into(qtbot, dialog, {"country": "RUS", **typed})

    assert says in message(dialog, field)
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(editor(dialog, "ref"), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert services.batches(ws) == []


def test_an_empty_form_is_quiet_until_save_is_tried_then_shows_what_is_missing(
    qtbot, dialog: BatchDialog
) -> None:
    assert not dialog.save_button.isEnabled()
    assert message(dialog, "country") == ""
    assert dialog.hint.text() == "Still needed: Country, at least one person"

    qtbot.keyClick(editor(dialog, "country"), Qt.Key.Key_Return)

    assert "is required" in message(dialog, "country")
    assert "counts no one" in message(dialog, "boys")
    assert dialog.focusWidget() is editor(
        dialog, "country"
    ).lineEdit() or dialog.focusWidget() is editor(dialog, "country")


def test_a_warning_shows_but_does_not_block_saving(qtbot, dialog: BatchDialog, ws) -> None:
    type_into(qtbot, dialog, {**RUSSIA, "source": ""})

    assert "say where the figures come from" in message(dialog, "source")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(services.batches(ws)) == 1


def test_fixing_the_value_clears_the_message_and_enables_save(qtbot, dialog: BatchDialog) -> None:
    type_into(qtbot, dialog, {**RUSSIA, "children": "31"})
    assert "add up to 32" in message(dialog, "children")

    type_into(qtbot, dialog, {"children": "32"})

    assert message(dialog, "children") == ""
    assert dialog.save_button.isEnabled()


def test_escape_with_typed_values_asks_before_discarding(
    qtbot, dialog: BatchDialog, answers
) -> None:
    type_into(qtbot, dialog, {"girls": "12"})
    answers.reply = False  # "Keep editing"

    qtbot.keyClick(editor(dialog, "girls"), Qt.Key.Key_Escape)

    assert answers.asked == ["Unsaved changes"]
    assert dialog.isVisible()
    answers.reply = True  # "Discard changes"
    qtbot.keyClick(editor(dialog, "girls"), Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_escape_on_an_untouched_form_closes_without_asking(
    qtbot, dialog: BatchDialog, answers
) -> None:
    qtbot.keyClick(editor(dialog, "country"), Qt.Key.Key_Escape)
    assert answers.asked == []
    assert not dialog.isVisible()


def test_the_same_sheet_twice_asks_before_saving_a_duplicate(qtbot, ws, answers) -> None:
    services.save_batch(ws, {**RUSSIA, "country": "RUS"})
    second = BatchDialog(ws)
    qtbot.addWidget(second)
    type_into(qtbot, second, RUSSIA)
    answers.reply = False  # "Go back"

    assert not second.try_save()
    assert answers.asked == ["Possible duplicate"]
    assert len(services.batches(ws)) == 1
    answers.reply = True
    assert second.try_save()
    assert len(services.batches(ws)) == 2


def test_ctrl_s_saves(qtbot, dialog: BatchDialog, ws) -> None:
    type_into(qtbot, dialog, RUSSIA)
    qtbot.keyClick(editor(dialog, "girls"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(services.batches(ws)) == 1


def test_tab_walks_the_sheet_in_order(qtbot, dialog: BatchDialog) -> None:
    order = []
    widget = editor(dialog, "country")
    widget.setFocus()
    for _ in range(8):
        order.append(
            dialog.focusWidget().objectName() or dialog.focusWidget().parent().objectName()
        )
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert order == [f"field_{name}" for name in FIELD_ORDER[:8]]


def test_editing_loads_the_batch_and_changes_only_what_was_typed(qtbot, ws, answers) -> None:
    saved = services.save_batch(ws, {**RUSSIA, "country": "RUS"})
    edit = BatchDialog(ws, saved.record.id)
    qtbot.addWidget(edit)
    assert edit.form.rows["girls"].editor.read() == "12"
    assert edit.form.rows["country"].editor.read() == "RUS"
    assert not edit.form.is_dirty()

    type_into(qtbot, edit, {"ref": "RU-1"})
    assert edit.try_save()

    [batch] = services.batches(ws)
    assert (batch.ref, batch.girls) == ("RU-1", 12)


def test_arabic_indic_digits_count_as_digits(qtbot, dialog: BatchDialog, ws) -> None:
    type_into(qtbot, dialog, {**RUSSIA, "girls": "١٢", "departure_date": "٢٠٢٤-٠١-٠١"})
    assert dialog.try_save()
    [batch] = services.batches(ws)
    assert (batch.girls, batch.departure_date) == (12, "2024-01-01")
