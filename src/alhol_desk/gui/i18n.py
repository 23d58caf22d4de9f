"""Languages: Qt translators, layout direction, and the words the core leaves untranslated.

Every user-visible string goes through Qt's translation system. Strings that live as data
(statuses, the core's REASONS templates) are listed here with ``QT_TRANSLATE_NOOP`` so
that ``pyside6-lupdate`` finds them, and translated when shown; field labels are the
core's (``core/messages/fields.py``), which lupdate reads too.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication

from ..core.messages import fields
from ..core.messages.fields import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP  # one marker
from ..paths import resource_path

log = logging.getLogger(__name__)


LANGUAGES: dict[str, str] = {"en": "English", "ar": "العربية"}  # each in its own script
DEFAULT_LANGUAGE = "en"
# Syria's locale: Arabic-Indic digits and the Levantine month names people read in the camp.
_LOCALES = {"en": "en_GB", "ar": "ar_SY"}


def translations_dir() -> Path:
    return resource_path("translations")


class Translations:
    """The translators installed in the application, swapped when the language changes."""

    def __init__(self) -> None:
        self.language = DEFAULT_LANGUAGE
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> None:
        """Load ``language`` (our strings and Qt's own dialogs) and flip the layout for Arabic."""
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        if language != "en":
            ours = QTranslator(app)
            if ours.load(f"alhol_desk_{language}", str(translations_dir())):
                self._installed.append(ours)
            else:
                log.warning("no translation file for %s; showing English", language)
            qt_own = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(f"qtbase_{language}", qt_dir):
                self._installed.append(qt_own)
        for translator in self._installed:
            app.installTranslator(translator)
        self.language = language
        QLocale.setDefault(locale_for(language))
        if isinstance(app, QGuiApplication) and (language == "ar") != app.isRightToLeft():
            # Only on a change of direction: building PySide6's ``Qt`` namespace costs
            # 25-45 ms, which a start in English would pay before its first paint.
            from PySide6.QtCore import Qt

            app.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if language == "ar"
                else Qt.LayoutDirection.LeftToRight
            )


def locale_for(language: str) -> QLocale:
    return QLocale(_LOCALES.get(language, _LOCALES[DEFAULT_LANGUAGE]))


def current_language() -> str:
    return "ar" if QLocale().language() == QLocale.Language.Arabic else "en"


def number(value: int | None) -> str:
    """A count as the user reads it: grouped, in the language's digits; empty when unknown."""
    return "" if value is None else QLocale().toString(int(value))


# How a record's date reads at each precision (by the name of core/kinds.py ``Precision``).
_DATE_FORMATS = {"YEAR": "yyyy", "MONTH": "MMMM yyyy", "DAY": "d MMM yyyy"}


def day(iso: str | None) -> str:
    """A record's date as words at its precision: "5 Jan 2024", "May 2024", "2024"
    ("٥ كانون الثاني ٢٠٢٤", "أيار ٢٠٢٤", "٢٠٢٤"); a day never made up for a month or a year."""
    # Not at start-up: the core's kinds bring its errors, which the first paint goes without
    # (tests/gui/test_startup_imports.py).
    from ..core.kinds import parse_partial_date

    if not iso:
        return ""
    parsed = parse_partial_date(iso[:10])
    if parsed is None:
        return iso
    first = parsed.first_day()
    shown = QDate(first.year, first.month, first.day)
    return QLocale().toString(shown, _DATE_FORMATS[parsed.precision.name])


def country_name(name_en: str, name_ar: str | None) -> str:
    """The country's name in the window's language (Arabic names come from the countries table)."""
    return name_ar if current_language() == "ar" and name_ar else name_en


# --- words kept as data -------------------------------------------------------------------

# Field labels are declared once, in the core (forms, tables and reports name fields alike).
FIELD_LABELS = fields.FIELD_LABELS

TABLE_LABELS: dict[str, str] = {
    "batches": QT_TRANSLATE_NOOP("tables", "Batch"),
    "status_events": QT_TRANSLATE_NOOP("tables", "Status event"),
    "estimates": QT_TRANSLATE_NOOP("tables", "Estimate"),
}

STATUS_LABELS: dict[str, str] = {
    # batches
    "planned": QT_TRANSLATE_NOOP("statuses", "Planned"),
    "confirmed": QT_TRANSLATE_NOOP("statuses", "Confirmed"),
    "departed": QT_TRANSLATE_NOOP("statuses", "Departed"),
    "received": QT_TRANSLATE_NOOP("statuses", "Received"),
    "cancelled": QT_TRANSLATE_NOOP("statuses", "Cancelled"),
    # countries
    "not_engaged": QT_TRANSLATE_NOOP("statuses", "Not engaged"),
    "in_talks": QT_TRANSLATE_NOOP("statuses", "In talks"),
    "initiated": QT_TRANSLATE_NOOP("statuses", "Repatriation initiated"),
    "ongoing": QT_TRANSLATE_NOOP("statuses", "Ongoing"),
    "completed": QT_TRANSLATE_NOOP("statuses", "Completed"),
    "suspended": QT_TRANSLATE_NOOP("statuses", "Suspended"),
    # estimates' confidence, devices' roles
    "low": QT_TRANSLATE_NOOP("statuses", "Low"),
    "medium": QT_TRANSLATE_NOOP("statuses", "Medium"),
    "high": QT_TRANSLATE_NOOP("statuses", "High"),
    "field": QT_TRANSLATE_NOOP("statuses", "Field team"),
    "hq": QT_TRANSLATE_NOOP("statuses", "Headquarters"),
}

# The core's REASONS templates, word for word (tests/gui/test_i18n.py checks they match).
REASON_TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("reasons", "is required"),
    QT_TRANSLATE_NOOP("reasons", "must be a whole number, not {value!r}"),
    QT_TRANSLATE_NOOP("reasons", "must be text"),
    QT_TRANSLATE_NOOP("reasons", "cannot be negative"),
    QT_TRANSLATE_NOOP("reasons", "is too large (at most {limit})"),
    QT_TRANSLATE_NOOP(
        "reasons",
        "is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY, "
        "for example 2024-05-31, 2024-05 or 2024",
    ),
    QT_TRANSLATE_NOOP("reasons", "is in the future ({value}); {what} cannot be dated after today"),
    QT_TRANSLATE_NOOP("reasons", "{value!r} is not a known ISO 3166 alpha-3 country code"),
    QT_TRANSLATE_NOOP("reasons", "{value!r} is not one of: {choices}"),
    QT_TRANSLATE_NOOP("reasons", "is too long ({length} characters, at most {limit})"),
    QT_TRANSLATE_NOOP(
        "reasons", "counts no one; a batch that is not cancelled has at least one person"
    ),
    QT_TRANSLATE_NOOP("reasons", "is {value}, but {parts} add up to {expected}"),
    QT_TRANSLATE_NOOP("reasons", "is {value}, but its age bands add up to {expected}"),
    QT_TRANSLATE_NOOP("reasons", "must be between 0 and 17 for a child"),
    QT_TRANSLATE_NOOP("reasons", "({min_age}) is above the oldest child's age ({max_age})"),
    QT_TRANSLATE_NOOP("reasons", "is given but the batch has no children"),
    QT_TRANSLATE_NOOP(
        "reasons",
        "unaccompanied ({unaccompanied}) + separated ({separated}) is more than "
        "the {children} children in the batch",
    ),
    QT_TRANSLATE_NOOP("reasons", "({value}) is more than the {people} people in the batch"),
    QT_TRANSLATE_NOOP("reasons", "is {value}, less than women + men + girls + boys ({expected})"),
    QT_TRANSLATE_NOOP("reasons", "({value}) is more than the {whole} countries counted"),
    QT_TRANSLATE_NOOP("reasons", "gives no figure; enter at least one count"),
    QT_TRANSLATE_NOOP("reasons", "contains control characters"),
    QT_TRANSLATE_NOOP(
        "reasons",
        "brings the people repatriated to {country} to {repatriated}, more than its "
        "latest estimate of {estimate} ({source}, {date})",
    ),
    QT_TRANSLATE_NOOP("reasons", "is empty for a received batch; say where the figures come from"),
)

# English words the core puts inside reason parameters.
REASON_WORDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("reason-words", "girls + boys"),
    QT_TRANSLATE_NOOP("reason-words", "women + men"),
    QT_TRANSLATE_NOOP("reason-words", "a received batch"),
    QT_TRANSLATE_NOOP("reason-words", "a source"),
    QT_TRANSLATE_NOOP("reason-words", "a status event"),
    QT_TRANSLATE_NOOP("reason-words", "an estimate"),
)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def field_label(field: str) -> str:
    return translate("fields", FIELD_LABELS.get(field, field))


def table_label(table: str) -> str:
    return translate("tables", TABLE_LABELS.get(table, table))


def status_label(status: str | None) -> str:
    if not status:
        return ""
    return translate("statuses", STATUS_LABELS.get(status, status))


def statuses_named(word: str, statuses: tuple[str, ...]) -> frozenset[str]:
    """The statuses whose shown name (in either language) contains ``word``, for searching."""
    from ..core.browse import fold

    return frozenset(
        s for s in statuses if word in fold(status_label(s)) or word in fold(STATUS_LABELS[s])
    )


def reason(code_template: str, params: Mapping[str, Any]) -> str:
    """A REASONS template in the user's language, filled with (translated) parameters."""
    template = translate("reasons", code_template)
    shown: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, str) and value in REASON_WORDS:
            value = translate("reason-words", value)
        elif isinstance(value, int) and not isinstance(value, bool):
            value = number(value)
        shown[key] = value
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the reason
        log.warning("translation of a reason does not fit its parameters: %r", code_template)
        return code_template.format(**params)


def issue_text(issue: Any) -> str:
    """An ``Issue`` from the core, as the line shown beside its field."""
    from ..core.errors import REASONS

    return reason(REASONS[issue.code], issue.params)
