"""A record's fields with the core's verdict beside each one, refreshed as the user types.

The form never judges a value itself: on every change it hands all fields to
``services.validate`` and shows each returned issue beside the field it names. An error
blocks saving; a warning is shown but does not.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core import services
from ...core.errors import Issue, Severity
from ...core.records import Record
from ...core.validation import FIELDS_BY_TABLE, Kind
from ...core.workspace import Workspace
from .. import i18n
from .editors import Editor, make_editor

# Reasons about a field nobody has touched yet wait until a save is tried: an empty new
# form is not a page of red.
_QUIET_UNTIL_TOUCHED = {"required", "no_people", "no_figure"}
_STYLE = {
    Severity.ERROR: "color: #b00020;",
    Severity.WARNING: "color: #8a5a00;",
}


class FieldRow(QWidget):
    """An editor with the line that says what is wrong with its value."""

    def __init__(self, name: str, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.editor = editor
        self.message = QLabel(self)
        self.message.setObjectName(f"message_{name}")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor.widget)
        layout.addWidget(self.message)
        editor.widget.setObjectName(f"field_{name}")
        editor.widget.setAccessibleName(i18n.field_label(name))
        self.severity: Severity | None = None

    def show_issues(self, issues: Sequence[Issue]) -> None:
        if not issues:
            self.severity = None
            self.message.clear()
            self.message.hide()
            self.editor.widget.setAccessibleDescription("")
            self.editor.widget.setStyleSheet("")
            return
        worst = (
            Severity.ERROR
            if any(i.severity is Severity.ERROR for i in issues)
            else Severity.WARNING
        )
        self.severity = worst
        text = "\n".join(i18n.issue_text(issue) for issue in issues)
        self.message.setText(text)
        self.message.setStyleSheet(_STYLE[worst])
        self.message.show()
        self.editor.widget.setAccessibleDescription(text)
        if worst is Severity.ERROR:
            self.editor.widget.setStyleSheet("border: 1px solid #b00020;")
        else:
            self.editor.widget.setStyleSheet("")


class RecordForm(QWidget):
    """The fields of one record kind; lay ``rows`` out as the form's screen needs."""

    validity_changed = Signal(bool)  # True when the record can be saved as it stands
    edited = Signal()

    def __init__(
        self,
        ws: Workspace,
        cls: type[Record],
        fields: Sequence[str],
        record: Record | None = None,
        parent: QWidget | None = None,
        *,
        defaults: dict[str, Any] | None = None,
        fixed: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.cls = cls
        self.record_id = record.id if record is not None else None
        self.fixed = dict(fixed or {})  # values the user does not edit here (a page's country)
        specs = FIELDS_BY_TABLE[cls.TABLE]
        needs_countries = any(specs[f].kind is Kind.COUNTRY for f in fields)
        countries = ws.countries.listed() if needs_countries else []
        self.rows: dict[str, FieldRow] = {}
        for name in fields:
            self.rows[name] = FieldRow(name, make_editor(specs[name], countries, self), self)
        self.required = {name for name in fields if specs[name].required}
        self._counts = {name for name in fields if specs[name].kind is Kind.COUNT}
        start = {**(defaults or {}), **({f: getattr(record, f) for f in fields} if record else {})}
        for name, value in start.items():
            if name in self.rows:
                self.rows[name].editor.write(value)
        self._initial = self.raw()
        self._touched: set[str] = set()
        self._revealed = False
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []
        self.record: Record | None = None
        for name, row in self.rows.items():
            row.editor.changed.connect(lambda *_, field=name: self._on_edit(field))
        self.revalidate()

    def label(self, name: str) -> QLabel:
        text = i18n.field_label(name)
        label = QLabel(f"<b>{text}</b>" if name in self.required else text, self)
        label.setBuddy(self.rows[name].editor.widget)
        return label

    def raw(self) -> dict[str, Any]:
        return {**self.fixed, **{name: row.editor.read() for name, row in self.rows.items()}}

    def is_dirty(self) -> bool:
        return self.raw() != self._initial

    def can_save(self) -> bool:
        return not self.errors

    def reveal_all(self) -> None:
        """Show every problem, including those of untouched fields (after a save is tried)."""
        self._revealed = True
        self._show()

    def first_problem(self) -> QWidget | None:
        for name, row in self.rows.items():
            if any(issue.field == name for issue in self.errors):
                return row.editor.widget
        return None

    def mark_saved(self) -> None:
        self._initial = self.raw()

    def revalidate(self) -> None:
        record, errors, warnings = services.validate(self.ws, self.cls, self.raw(), self.record_id)
        self.record, self.errors, self.warnings = record, errors, warnings
        self._show()
        self.validity_changed.emit(not errors)

    def _on_edit(self, field: str) -> None:
        self._touched.add(field)
        self.revalidate()
        self.edited.emit()

    def _visible(self, issue: Issue) -> bool:
        if self._revealed or issue.code not in _QUIET_UNTIL_TOUCHED:
            return True
        if issue.code == "required":
            return issue.field in self._touched
        return bool(self._touched & self._counts)  # "counts no one" once a count was typed

    def _show(self) -> None:
        by_field: dict[str, list[Issue]] = {name: [] for name in self.rows}
        for issue in [*self.errors, *self.warnings]:
            if issue.field in by_field and self._visible(issue):
                by_field[issue.field].append(issue)
        for name, row in self.rows.items():
            row.show_issues(by_field[name])

    def hidden_problems(self) -> list[str]:
        """What is missing but not on show yet, for a hint near Save ("Country, …")."""
        missing = {
            "no_people": i18n.translate("forms", "at least one person"),
            "no_figure": i18n.translate("forms", "at least one figure"),
        }
        return [
            missing.get(issue.code) or i18n.field_label(issue.field)
            for issue in self.errors
            if issue.field in self.rows and not self._visible(issue)
        ]
