"""The period picker: all time, a year, a quarter, a month, or a range of days.

One row of small editors, of which only those of the chosen kind show. A range's ends are
typed as a day, a month or a year (``2024-05-12``, ``2024-05``, ``2024``, Arabic-Indic
digits too) and read by the core (``core.periods.parse_period``); an end it cannot read
is said beside the editors, in the user's language, and the last good period stays.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ..core import periods
from ..core.errors import AlholError
from ..core.periods import ALL_TIME, Period
from .messages import explain

KINDS = (periods.ALL, periods.YEAR, periods.QUARTER, periods.MONTH, periods.RANGE)


class PeriodPicker(QWidget):
    """Emits ``changed`` with the ``Period`` picked (only when it differs)."""

    changed = Signal(object)

    def __init__(
        self, today: date, period: Period = ALL_TIME, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("period_picker")
        self._period = period
        self.kind = QComboBox(self)
        self.kind.setObjectName("period_kind")
        names = {
            periods.ALL: self.tr("All time"),
            periods.YEAR: self.tr("Year"),
            periods.QUARTER: self.tr("Quarter"),
            periods.MONTH: self.tr("Month"),
            periods.RANGE: self.tr("From … to …"),
        }
        for kind in KINDS:
            self.kind.addItem(names[kind], kind)
        self.year = QSpinBox(self)
        self.year.setObjectName("period_year")
        self.year.setRange(1990, 2100)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(today.year)
        self.quarter = QComboBox(self)
        self.quarter.setObjectName("period_quarter")
        for number in range(1, 5):
            self.quarter.addItem(self.tr("Q%1").replace("%1", QLocale().toString(number)), number)
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        self.month = QComboBox(self)
        self.month.setObjectName("period_month")
        for number in range(1, 13):
            self.month.addItem(QLocale().monthName(number), number)
        self.month.setCurrentIndex(today.month - 1)
        hint = self.tr("YYYY, YYYY-MM or YYYY-MM-DD")
        self.start = QLineEdit(self)
        self.start.setObjectName("period_from")
        self.end = QLineEdit(self)
        self.end.setObjectName("period_to")
        for edit in (self.start, self.end):
            edit.setPlaceholderText(hint)
            edit.setClearButtonEnabled(True)
            edit.setMaximumWidth(170)
        self.to_label = QLabel(self.tr("to"), self)
        self.problem = QLabel(self)
        self.problem.setObjectName("period_problem")
        self.problem.setStyleSheet("color: #b03a2e")
        label = QLabel(self.tr("Period:"), self)
        label.setBuddy(self.kind)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (
            label,
            self.kind,
            self.year,
            self.quarter,
            self.month,
            self.start,
            self.to_label,
            self.end,
            self.problem,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        self.set_period(period)
        self.kind.currentIndexChanged.connect(self._picked)
        self.year.valueChanged.connect(self._picked)
        self.quarter.currentIndexChanged.connect(self._picked)
        self.month.currentIndexChanged.connect(self._picked)
        self.start.editingFinished.connect(self._picked)
        self.end.editingFinished.connect(self._picked)

    def period(self) -> Period:
        return self._period

    def set_period(self, period: Period) -> None:
        """Show ``period`` (another screen's choice) without emitting ``changed``."""
        editors = (self.kind, self.year, self.quarter, self.month, self.start, self.end)
        for editor in editors:
            editor.blockSignals(True)
        try:
            self.kind.setCurrentIndex(KINDS.index(period.kind))
            if period.start is not None and period.kind != periods.RANGE:
                self.year.setValue(period.start.year)
                self.quarter.setCurrentIndex(period.quarter - 1)
                self.month.setCurrentIndex(period.start.month - 1)
            if period.kind == periods.RANGE:
                self.start.setText(period.start.isoformat() if period.start else "")
                self.end.setText(period.end.isoformat() if period.end else "")
        finally:
            for editor in editors:
                editor.blockSignals(False)
        self._period = period
        self.problem.clear()
        self._show_editors()

    def _show_editors(self) -> None:
        kind = self.kind.currentData()
        self.year.setVisible(kind in (periods.YEAR, periods.QUARTER, periods.MONTH))
        self.quarter.setVisible(kind == periods.QUARTER)
        self.month.setVisible(kind == periods.MONTH)
        for widget in (self.start, self.to_label, self.end):
            widget.setVisible(kind == periods.RANGE)

    def _read(self) -> Period:
        kind = self.kind.currentData()
        year = self.year.value()
        if kind == periods.YEAR:
            return periods.year(year)
        if kind == periods.QUARTER:
            return periods.quarter(year, int(self.quarter.currentData()))
        if kind == periods.MONTH:
            return periods.month(year, int(self.month.currentData()))
        if kind == periods.RANGE:
            start, end = self.start.text().strip(), self.end.text().strip()
            return periods.parse_period(start=start or None, end=end or None)
        return ALL_TIME

    def _picked(self, *_: object) -> None:
        self._show_editors()
        try:
            period = self._read()
        except AlholError as error:
            self.problem.setText(explain(error.message).what)
            self.problem.setToolTip(error.message.english())
            return
        self.problem.clear()
        self.problem.setToolTip("")
        if period != self._period:
            self._period = period
            self.changed.emit(period)
