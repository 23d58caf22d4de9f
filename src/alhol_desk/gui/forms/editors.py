"""One editor per kind of field the core declares (count, date, text, choice, country)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...core.browse import ascii_digits, fold
from ...core.records import Country
from ...core.validation import FieldSpec, Kind
from .. import i18n


class CountryBox(QComboBox):
    """A country picked by typing part of its name (English or Arabic) or its ISO code."""

    def __init__(self, countries: Sequence[Country], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._by_text: dict[str, str] = {}
        entries = sorted(
            ((i18n.country_name(c.name_en, c.name_ar), c) for c in countries),
            key=lambda entry: fold(entry[0]),
        )
        for shown, country in entries:
            text = f"{shown} ({country.iso3})"
            self.addItem(text, country.iso3)
            for key in (text, shown, country.name_en, country.name_ar, country.iso3):
                if key:
                    self._by_text.setdefault(fold(key), country.iso3)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        self.setEditText("")

    def iso3(self) -> str | None:
        """The country the text names, or None when it names none (or several).

        A name, an ISO code or the start of one name ("Russia" for "Russian Federation").
        """
        typed = fold(self.currentText().strip())
        found = self._by_text.get(typed)
        if found or len(typed) < 3:
            return found
        starting = {iso3 for key, iso3 in self._by_text.items() if key.startswith(typed)}
        return starting.pop() if len(starting) == 1 else None

    def raw(self) -> str:
        text = self.currentText().strip()
        return self.iso3() or text

    def set_iso3(self, iso3: str | None) -> None:
        index = self.findData(iso3) if iso3 else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText(iso3 or "")


class Editor:
    """The widget for one field, read and written as the raw values the core validates."""

    def __init__(
        self,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        changed: Any,  # the widget's change signal (a bound SignalInstance)
    ) -> None:
        self.widget = widget
        self.read = read
        self.write = write
        self.changed = changed


def _line_edit(parent: QWidget | None, *, digits: bool, left_to_right: bool) -> Editor:
    edit = QLineEdit(parent)
    if left_to_right:
        # ISO dates read the same in both languages; a mirrored cursor would confuse typing.
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        edit.setPlaceholderText(i18n.translate("forms", "YYYY, YYYY-MM or YYYY-MM-DD"))

    def read() -> str:
        return ascii_digits(edit.text()) if digits else edit.text()

    def write(value: Any) -> None:
        edit.setText("" if value is None else str(value))

    return Editor(edit, read, write, edit.textChanged)


def make_editor(
    spec: FieldSpec, countries: Sequence[Country], parent: QWidget | None = None
) -> Editor:
    """The editor for a field of the given kind (see ``core.validation.Kind``)."""
    if spec.kind in (Kind.COUNT, Kind.AGE):
        editor = _line_edit(parent, digits=True, left_to_right=False)
        assert isinstance(editor.widget, QLineEdit)
        editor.widget.setMaxLength(9)
        return editor
    if spec.kind is Kind.DATE:
        return _line_edit(parent, digits=True, left_to_right=True)
    if spec.kind is Kind.TEXT:
        return _line_edit(parent, digits=False, left_to_right=False)
    if spec.kind is Kind.NOTE:
        note = QPlainTextEdit(parent)
        note.setTabChangesFocus(True)
        note.setFixedHeight(64)
        return Editor(
            note,
            note.toPlainText,
            lambda value: note.setPlainText(value or ""),
            note.textChanged,
        )
    if spec.kind is Kind.CHOICE:
        combo = QComboBox(parent)
        if not spec.required:
            combo.addItem("", None)
        for choice in spec.choices:
            combo.addItem(i18n.status_label(choice), choice)

        def write_choice(value: Any) -> None:
            combo.setCurrentIndex(max(0, combo.findData(value)))

        return Editor(combo, combo.currentData, write_choice, combo.currentIndexChanged)
    if spec.kind is Kind.COUNTRY:
        box = CountryBox(countries, parent)
        return Editor(box, box.raw, box.set_iso3, box.editTextChanged)
    raise ValueError(f"no editor for {spec.kind}")
