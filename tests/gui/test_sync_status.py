"""What waits to go out: the status bar link to export, the reminder on closing, the words
refusals are shown in (every refusal the core can give, in English and Arabic)."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from sync_gui_helpers import (
    RUSSIA,
    confirm_import,
    export_through_dialog,
    import_through_dialog,
    laptops,
)

from alhol_desk.core import services
from alhol_desk.core.messages import Message
from alhol_desk.core.sync import importer
from alhol_desk.core.workspace import initialise
from alhol_desk.gui.dialogs.export_dialog import ExportDialog
from alhol_desk.gui.i18n import Translations
from alhol_desk.gui.models.bundle_history import BundleHistoryModel
from alhol_desk.gui.screens import sync_text
from enrolling import TEST_KEYS, install_keys, trust_test_devices

__all__ = ["laptops"]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bundles"


def test_the_unexported_count_links_to_the_export_dialog(qtbot, laptops) -> None:
    field, _hq, _stick = laptops
    services.save_batch(field.ws, RUSSIA)
    field.window.refresh_all()
    field.window.unexported.linkActivated.emit("export")
    dialog = field.window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    intro = dialog.findChild(QLabel, "export_intro").text()
    assert "since the last export: 1." in intro
    dialog.reject()


def test_closing_with_old_unexported_changes_reminds_but_does_not_block(
    qtbot, laptops, answers
) -> None:
    field, _hq, _stick = laptops
    services.save_batch(field.ws, RUSSIA)
    actions = field.actions
    assert field.window.prefs.export_reminder_days == 7  # the default

    actions.now = lambda: datetime.now(UTC) + timedelta(days=3)
    assert actions.close_reminder() is True and answers.asked == []  # too recent to remind

    actions.now = lambda: datetime.now(UTC) + timedelta(days=8)
    answers.reply = False  # "Close without exporting"
    assert actions.close_reminder() is True
    assert answers.asked == ["Changes not exported"]

    answers.reply = True  # "Export now": the window stays, the export dialog opens
    assert actions.close_reminder() is False
    dialog = field.window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()

    field.window.prefs.export_reminder_days = 0  # the setting: never remind
    answers.asked.clear()
    assert actions.close_reminder() is True and answers.asked == []


def test_the_bundle_history_model_passes_qt_model_checks(qtbot, qtmodeltester, laptops) -> None:
    field, hq, stick = laptops
    services.save_batch(field.ws, RUSSIA)
    path = export_through_dialog(qtbot, field, stick).written.path
    confirm_import(qtbot, import_through_dialog(qtbot, hq, [path]))
    model = BundleHistoryModel(hq.ws)
    assert model.rowCount() == 1
    qtmodeltester.check(model)


# --- every refusal of the core, in plain words ---------------------------------------------


@pytest.fixture
def receiver(tmp_path: Path):
    """HQ holding the committed test keys, trusting the fixtures' sender (as tests/sync does)."""
    ws = initialise(tmp_path / "hq", team="HQ", role="hq", operator="Omar")
    install_keys(ws, TEST_KEYS / "receiver")
    trust_test_devices(ws, "sender", "other_field")
    yield ws
    ws.close()


# A bundle encrypted for another device is skipped, not refused (HQ writes one per laptop).
FOR_ANOTHER_DEVICE = "tampered/addressed_to_other_device.alhol"
REFUSED = sorted(
    str(p.relative_to(FIXTURES))
    for folder in ("invalid", "tampered")
    for p in (FIXTURES / folder).glob("*.alhol")
    if str(p.relative_to(FIXTURES)) != FOR_ANOTHER_DEVICE
)


def test_a_bundle_for_another_device_says_so_in_plain_words(
    receiver, tmp_path: Path, translations: Translations
) -> None:
    from alhol_desk.gui.dialogs.import_dialog import report_html

    copy = tmp_path / "other.alhol"
    shutil.copyfile(FIXTURES / FOR_ANOTHER_DEVICE, copy)
    report = importer.verify_bundle(receiver, copy)
    assert report.outcome == "not_for_this_device"
    assert "for another device" in report_html(report)
    assert sync_text.outcome_label(report.outcome) == "For another device"
    translations.install("ar")
    assert re.search("[\u0600-\u06ff]", report_html(report))


@pytest.mark.parametrize("relative", REFUSED)
def test_every_refusal_of_the_fixtures_has_plain_words_and_a_way_forward(
    receiver, relative: str, tmp_path: Path, translations: Translations
) -> None:
    if relative.endswith("same_seq_fork.alhol"):  # a fork of a bundle already imported
        first = tmp_path / "first.alhol"
        shutil.copyfile(FIXTURES / "valid" / "russia_seq1.alhol", first)
        assert importer.import_bundle(receiver, first).outcome == "applied"
    copy = tmp_path / Path(relative).name
    shutil.copyfile(FIXTURES / relative, copy)
    report = importer.verify_bundle(receiver, copy)
    assert report.outcome in ("refused", "quarantined")
    assert report.message is not None and report.message.english() == report.reason
    english = sync_text.explain_refusal(report.reason, report.message)
    assert english.known and english.what != "It was refused.", f"no words for: {report.reason}"
    translations.install("ar")
    arabic = sync_text.explain_refusal(report.reason, report.message)
    assert re.search("[\u0600-\u06ff]", arabic.what) and re.search("[\u0600-\u06ff]", arabic.todo)
    assert arabic.detail == report.reason  # the core's own line, for whoever helps


def test_import_warnings_read_in_arabic(translations: Translations) -> None:
    translations.install("ar")
    warning = Message("warn_missing_bundles", {"first": 3, "last": 4, "team": "Hasakah 1"})
    assert str(warning) == "bundles 3 to 4 from Hasakah 1 have not arrived yet"
    text = sync_text.warning_text(warning)
    assert "٣" in text and "٤" in text and "Hasakah 1" in text


def test_locked_keys_are_said_in_plain_words_before_any_work_starts(
    qtbot, laptops, answers
) -> None:
    from alhol_desk.core.sync import keys

    field, _hq, _stick = laptops
    keys.set_passphrase(field.ws.data_dir, "a long enough passphrase")
    keys.forget_unlocked_keys()
    previous = keys.set_passphrase_prompt(None)  # nobody to ask: the window must say so
    try:
        assert field.actions.export() is None
        [text] = answers.failures
        assert text.startswith("This laptop's keys are locked with a passphrase.")
        assert field.window.findChild(ExportDialog) is None
    finally:
        keys.set_passphrase_prompt(previous)
        keys.forget_unlocked_keys()
