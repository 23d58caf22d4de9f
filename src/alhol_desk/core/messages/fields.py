"""Every field's label, in English, declared once: forms, tables, reports and the PDF.

The window shows them through Qt Linguist in the context ``fields`` (``gui/i18n.py``,
``field_label``); the CSV and XLSX reports head their columns with them where a report
says the same as a form (``core/reports.py``). ``QT_TRANSLATE_NOOP`` here is a plain
marker, so that ``pyside6-lupdate`` finds the labels in this file (docs/gui.md gives the
command); the core imports nothing of Qt.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate reads)
    """Marks ``text`` for translation in ``context``; the window translates it when shown."""
    return text


FIELD_LABELS: dict[str, str] = {
    "country": QT_TRANSLATE_NOOP("fields", "Country"),
    "status": QT_TRANSLATE_NOOP("fields", "Status"),
    "departure_date": QT_TRANSLATE_NOOP("fields", "Departure date"),
    "ref": QT_TRANSLATE_NOOP("fields", "Batch reference"),
    "families": QT_TRANSLATE_NOOP("fields", "Families"),
    "women": QT_TRANSLATE_NOOP("fields", "Women"),
    "men": QT_TRANSLATE_NOOP("fields", "Men"),
    "girls": QT_TRANSLATE_NOOP("fields", "Girls"),
    "boys": QT_TRANSLATE_NOOP("fields", "Boys"),
    "children": QT_TRANSLATE_NOOP("fields", "Children (sheet total)"),
    "adults": QT_TRANSLATE_NOOP("fields", "Adults (sheet total)"),
    "min_age": QT_TRANSLATE_NOOP("fields", "Youngest child's age"),
    "max_age": QT_TRANSLATE_NOOP("fields", "Oldest child's age"),
    "unaccompanied": QT_TRANSLATE_NOOP("fields", "Unaccompanied children"),
    "separated": QT_TRANSLATE_NOOP("fields", "Separated children"),
    "f_0_4": QT_TRANSLATE_NOOP("fields", "Girls 0–4"),
    "f_5_11": QT_TRANSLATE_NOOP("fields", "Girls 5–11"),
    "f_12_17": QT_TRANSLATE_NOOP("fields", "Girls 12–17"),
    "f_18_59": QT_TRANSLATE_NOOP("fields", "Women 18–59"),
    "f_60_plus": QT_TRANSLATE_NOOP("fields", "Women 60+"),
    "m_0_4": QT_TRANSLATE_NOOP("fields", "Boys 0–4"),
    "m_5_11": QT_TRANSLATE_NOOP("fields", "Boys 5–11"),
    "m_12_17": QT_TRANSLATE_NOOP("fields", "Boys 12–17"),
    "m_18_59": QT_TRANSLATE_NOOP("fields", "Men 18–59"),
    "m_60_plus": QT_TRANSLATE_NOOP("fields", "Men 60+"),
    "destination": QT_TRANSLATE_NOOP("fields", "Destination"),
    "agency": QT_TRANSLATE_NOOP("fields", "Receiving agency"),
    "escort": QT_TRANSLATE_NOOP("fields", "Escort"),
    "source": QT_TRANSLATE_NOOP("fields", "Source"),
    "source_date": QT_TRANSLATE_NOOP("fields", "Source date"),
    "note": QT_TRANSLATE_NOOP("fields", "Note"),
    "deleted": QT_TRANSLATE_NOOP("fields", "Deleted"),
    "event_date": QT_TRANSLATE_NOOP("fields", "Date"),
    "estimate_date": QT_TRANSLATE_NOOP("fields", "Date"),
    "total": QT_TRANSLATE_NOOP("fields", "Total people"),
    "countries": QT_TRANSLATE_NOOP("fields", "Countries"),
    "countries_repatriating": QT_TRANSLATE_NOOP("fields", "Countries repatriating"),
    "confidence": QT_TRANSLATE_NOOP("fields", "Confidence"),
    "people": QT_TRANSLATE_NOOP("fields", "People"),
}
