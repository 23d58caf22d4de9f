"""A reporting period, and a date at its precision, in words of the window's language.

The core gives a period as its kind and days (``core.periods.Period``); the words are made
here from Qt's translations and a ``QLocale`` (Syria's month names and Arabic-Indic digits
in Arabic). The PDF, always bilingual, passes its own Arabic translator and locale.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from ..core import periods
from ..core.periods import Period
from .i18n import QT_TRANSLATE_NOOP

Translate = Callable[[str], str]

CONTEXT = "periods"
WORDS = {
    "all": QT_TRANSLATE_NOOP("periods", "All time"),
    "quarter": QT_TRANSLATE_NOOP("periods", "Q%1 %2 (%3–%4)"),
    "range": QT_TRANSLATE_NOOP("periods", "%1 – %2"),
    "from": QT_TRANSLATE_NOOP("periods", "from %1"),
    "until": QT_TRANSLATE_NOOP("periods", "until %1"),
    "only": QT_TRANSLATE_NOOP("periods", "dated %1 only"),
}


def _window(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_text(text: str, locale: QLocale | None = None) -> str:
    """A date at its precision: "12 May 2024", "May 2024", "2024" (in Arabic words and
    digits under an Arabic locale); text that is no date is given back as it is."""
    span = periods.date_span(text)
    if span is None:
        return text
    shown = locale or QLocale()
    first, last = span
    if first == last:
        return shown.toString(_qdate(first), "d MMMM yyyy")
    if first.month == last.month:
        return shown.toString(_qdate(first), "MMMM yyyy")
    return shown.toString(_qdate(first), "yyyy")


def period_text(
    period: Period, locale: QLocale | None = None, translate: Translate = _window
) -> str:
    """The period as a heading names it: "May 2024", "Q2 2024 (April–June)", "2024"."""
    shown = locale or QLocale()
    start, end = period.start, period.end
    if period.kind == periods.YEAR and start:
        return shown.toString(_qdate(start), "yyyy")
    if period.kind == periods.MONTH and start:
        return shown.toString(_qdate(start), "MMMM yyyy")
    if period.kind == periods.QUARTER and start and end:
        return (
            translate(WORDS["quarter"])
            .replace("%1", shown.toString(period.quarter))
            .replace("%2", shown.toString(_qdate(start), "yyyy"))
            .replace("%3", shown.monthName(start.month))
            .replace("%4", shown.monthName(end.month))
        )
    if start and end:
        first, last = date_text(start.isoformat(), shown), date_text(end.isoformat(), shown)
        return translate(WORDS["range"]).replace("%1", first).replace("%2", last)
    if start:
        return translate(WORDS["from"]).replace("%1", date_text(start.isoformat(), shown))
    if end:
        return translate(WORDS["until"]).replace("%1", date_text(end.isoformat(), shown))
    return translate(WORDS["all"])


def only_text(text: str, locale: QLocale | None = None, translate: Translate = _window) -> str:
    """ "dated 2024 only": what a batch listed apart is dated to."""
    return translate(WORDS["only"]).replace("%1", date_text(text, locale))
