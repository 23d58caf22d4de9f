"""Devices and keys: the fingerprint to read out, the card, trusting only after the fingerprint
is typed, revoking after a confirmation that says what it means."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sync_gui_helpers import enrol, open_laptop, plain

from alhol_desk.core.sync import enrolment, exporter
from alhol_desk.gui.dialogs.revoke_dialog import RevokeDialog
from alhol_desk.gui.dialogs.trust_dialog import TrustDialog, typed_characters
from alhol_desk.gui.screens.keys import KeysPage


def keys_page(laptop) -> KeysPage:
    sync = laptop.window.show_screen("sync")
    sync.show_devices()
    assert isinstance(sync.keys, KeysPage)
    return sync.keys


def test_the_fingerprint_is_large_and_the_card_is_saved_where_chosen(
    qtbot, tmp_path: Path, translations, answers
) -> None:
    field = open_laptop(qtbot, tmp_path / "field", "Hasakah 1", "field", "Amina")
    try:
        page = keys_page(field)
        fingerprint = enrolment.identity(field.ws).fingerprint
        shown = page.fingerprint.text()
        assert shown.replace("\n", "  ").split("  ") == fingerprint.split("-")
        assert page.fingerprint.font().pointSize() >= 20
        assert page.fingerprint.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert "No device is trusted yet" in page.none_yet.text()
        assert not page.revoke_button.isEnabled()

        offered: list[str] = []

        def pick(parent, suggested: str) -> str:
            offered.append(suggested)
            return str(tmp_path / "stick-hasakah1.card")

        field.actions.pick_card_destination = pick
        saved = field.actions.save_card()
        assert offered[0].endswith("Hasakah-1.card")
        assert saved == tmp_path / "stick-hasakah1.card"
        assert enrolment.read_card(saved).device_id == field.ws.device.id
        assert answers.asked == ["Card saved"]
    finally:
        field.window.prefs.export_reminder_days = 0
        field.window.close()
        field.ws.close()


def test_a_card_is_trusted_only_with_the_fingerprint_read_over_the_phone(
    qtbot, tmp_path: Path, translations
) -> None:
    field = open_laptop(qtbot, tmp_path / "field", "Hasakah 1", "field", "Amina")
    hq = open_laptop(qtbot, tmp_path / "hq", "HQ Erbil", "hq", "Omar")
    try:
        card = enrolment.write_card(hq.ws, tmp_path / "hq.card")
        right = enrolment.identity(hq.ws).fingerprint
        field.actions.pick_card = lambda parent, start: str(card)
        page = keys_page(field)
        dialog = field.actions.trust_card()
        assert isinstance(dialog, TrustDialog)
        shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert right not in plain(shown), "the dialog must not show the fingerprint to copy"

        # One character wrong (a mishearing): refused, and nothing is trusted.
        wrong = right[:-1] + ("0" if right[-1] != "0" else "1")
        assert not dialog.trust_button.isEnabled()
        qtbot.keyClicks(dialog.fingerprint, wrong)
        assert dialog.trust_button.isEnabled()
        qtbot.keyClick(dialog.fingerprint, Qt.Key.Key_Return)  # Enter checks, as the button
        problem = plain(dialog.problem.text())
        assert "does not match this card. Nothing was trusted." in problem
        assert "do not trust it" in problem
        assert dialog.isVisible()
        assert field.ws.devices.peers() == []

        # Typed as heard: lower case, spaces, an O for a zero; then trusted.
        dialog.fingerprint.clear()
        qtbot.keyClicks(dialog.fingerprint, right.replace("-", " ").lower().replace("0", "o"))
        qtbot.mouseClick(dialog.trust_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
        [peer] = field.ws.devices.peers()
        assert (peer.team, peer.role, peer.revoked_after_seq) == ("HQ Erbil", "hq", None)
        qtbot.waitUntil(lambda: page.table.rowCount() == 1)
        cells = [page.table.item(0, c).text() for c in range(4)]
        assert cells == ["HQ Erbil", "Headquarters", "Trusted", "none yet"]
    finally:
        for laptop in (field, hq):
            laptop.window.prefs.export_reminder_days = 0
            laptop.window.close()
            laptop.ws.close()


def test_typed_fingerprints_forgive_case_dashes_and_arabic_digits() -> None:
    assert typed_characters("ab12-cd34 ef56") == "AB12CD34EF56"
    assert typed_characters("٨٦٣Y-4A19") == "863Y4A19"
    assert typed_characters("oil") == "011"


def test_a_revoked_device_gets_no_more_bundles_after_a_clear_confirmation(
    qtbot, tmp_path: Path, translations, answers
) -> None:
    field = open_laptop(qtbot, tmp_path / "field", "Hasakah 1", "field", "Amina")
    hq = open_laptop(qtbot, tmp_path / "hq", "HQ Erbil", "hq", "Omar")
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        enrol(field.ws, hq.ws, tmp_path)
        page = keys_page(hq)
        page.refresh()
        page.select_peer(field.ws.device.id)
        assert page.revoke_button.isEnabled()
        qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
        dialog = hq.window.findChild(RevokeDialog)
        assert dialog is not None and dialog.isVisible()
        meaning = plain(dialog.findChild(QLabel, "revoke_meaning").text())
        assert "Every later bundle from it is refused and set aside" in meaning
        assert "It cannot be undone here" in meaning
        assert "No bundle from it has been imported yet." in meaning
        assert dialog.after_seq.value() == 0
        assert not dialog.revoke_button.isDefault()  # Enter cancels

        dialog.after_seq.setValue(3)
        qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
        [peer] = hq.ws.devices.peers()
        assert peer.revoked_after_seq == 3
        assert page.table.item(0, 2).text() == "Revoked after bundle 3"
        page.select_peer(field.ws.device.id)
        assert not page.revoke_button.isEnabled()
        assert exporter.recipients_for(hq.ws) == []
        # The export says there is no one to send to, rather than writing for a revoked laptop.
        assert hq.actions.export() is None
        assert "No field device is trusted yet" in answers.failures[0]
    finally:
        for laptop in (field, hq):
            laptop.window.prefs.export_reminder_days = 0
            laptop.window.close()
            laptop.ws.close()
