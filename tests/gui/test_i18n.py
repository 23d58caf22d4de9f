"""Translations: every string translated, the core's reasons too, the .qm built from the .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alhol_desk.core.errors import REASONS, Issue, Severity
from alhol_desk.gui import i18n
from alhol_desk.gui.forms.batch_form import BatchDialog
from alhol_desk.gui.models.batch_table import BatchTableModel

TS = i18n.translations_dir() / "alhol_desk_ar.ts"
QM = i18n.translations_dir() / "alhol_desk_ar.qm"
GUI = Path(i18n.__file__).parent
CORE_LABELS = GUI.parent / "core" / "messages" / "fields.py"  # field labels, declared once
PLACEHOLDER = re.compile(r"\{[a-z_]+(?:![rs])?\}|%\d")


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} is missing; it comes with PySide6-Essentials")
    return found


def messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_the_gui_lists_every_reason_of_the_core_for_translation() -> None:
    assert set(i18n.REASON_TEMPLATES) == set(REASONS.values())


def test_every_string_is_translated_and_keeps_its_placeholders() -> None:
    found = messages()
    assert len(found) > 200
    for context, source, message in found:
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, f"unfinished: {context}: {source}"
        assert translation.text, f"empty: {context}: {source}"
        assert sorted(PLACEHOLDER.findall(translation.text)) == sorted(
            PLACEHOLDER.findall(source)
        ), f"placeholders differ: {context}: {source}"


def test_lupdate_finds_no_string_missing_from_the_ts(tmp_path: Path) -> None:
    """A new tr() in the code without a translation fails here, not in front of a user."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = [*sorted(str(p) for p in GUI.rglob("*.py")), str(CORE_LABELS)]
    done = subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "(0 new and" in done.stdout, done.stdout
    assert copy.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), (
        "the .ts is out of date; run the lupdate command in docs/gui.md"
    )


def test_the_committed_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / QM.name
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(built)],
        capture_output=True,
        check=True,
        timeout=120,
    )
    assert built.read_bytes() == QM.read_bytes(), "rebuild the .qm (command in docs/gui.md)"


@pytest.fixture
def arabic(translations: i18n.Translations):
    translations.install("ar")
    return translations


def test_reasons_read_in_arabic_with_their_words_and_digits(arabic) -> None:
    mismatch = Issue(
        "children",
        "total_mismatch",
        {"value": 31, "parts": "girls + boys", "expected": 32},
        Severity.ERROR,
    )
    assert i18n.issue_text(mismatch) == "قيمته ٣١، لكن مجموع الفتيات + الفتيان يساوي ٣٢"
    assert i18n.issue_text(Issue("country", "required")) == "مطلوب"
    assert i18n.status_label("received") == "استُلمت"
    assert i18n.field_label("girls") == "الفتيات"
    assert i18n.number(43000) == "٤٣٬٠٠٠"
    assert i18n.day("2024-01-05") == "٥ كانون الثاني ٢٠٢٤"
    assert i18n.day("2024-05") == "أيار ٢٠٢٤"  # a month date shows no day
    assert i18n.day("2024") == "٢٠٢٤"  # a year, without a thousands separator


def test_the_layout_flips_and_qt_dialogs_are_arabic_too(arabic) -> None:
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QApplication.translate("QPlatformTheme", "Cancel") == "ألغِ"


def test_the_batch_form_in_arabic_shows_arabic_labels_names_and_messages(qtbot, ws, arabic) -> None:
    dialog = BatchDialog(ws)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "دفعة جديدة"
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    country = dialog.form.rows["country"].editor.widget
    assert country.findText("الاتّحاد الرّوسي (RUS)") >= 0  # Arabic names from the countries table
    dialog.form.rows["girls"].editor.write("x")
    assert dialog.form.rows["girls"].message.text() == "يجب أن يكون عدداً صحيحاً، لا 'x'"
    date = dialog.form.rows["departure_date"].editor.widget
    assert date.layoutDirection() == Qt.LayoutDirection.LeftToRight  # ISO dates read left to right


def test_the_batch_table_in_arabic(ws, arabic) -> None:
    from alhol_desk.core.demo import load_demo

    load_demo(ws)
    model = BatchTableModel(ws.db, ws.data_dir, threaded=False)
    shown = [model.index(0, c).data() for c in range(model.columnCount())]
    assert shown[:3] == ["٢٠٢٤", "الاتّحاد الرّوسي", "استُلمت"]  # dated to the year, as sourced
    assert model.headerData(0, Qt.Orientation.Horizontal) == "تاريخ المغادرة"
    model.set_search("الروسي")  # the Arabic name typed without its shadda
    assert model.matches() == 1
    model.set_search("استلمت")  # the status by its Arabic name, without the damma
    assert model.matches() == 1
