"""Export and import through the window's dialogs, between two data folders."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel, QPushButton
from sync_gui_helpers import (
    RUSSIA,
    confirm_import,
    export_through_dialog,
    import_through_dialog,
    laptops,
    open_laptop,
    plain,
    status_texts,
)

from alhol_desk.core import services
from alhol_desk.gui.dialogs.import_dialog import ImportDialog
from alhol_desk.gui.screens.sync import SyncScreen
from alhol_desk.paths import database_path

__all__ = ["laptops"]  # the fixture, imported for the tests below


def records(data_dir: Path) -> dict[str, list[tuple]]:
    """Every record and sync-state row, read apart from the window's connection."""
    tables = ("batches", "status_events", "estimates", "field_clock", "audit", "conflicts")
    with closing(sqlite3.connect(database_path(data_dir))) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_a_batch_goes_to_hq_through_the_export_and_import_dialogs(qtbot, laptops) -> None:
    field, hq, stick = laptops
    saved = services.save_batch(field.ws, RUSSIA)
    field.window.refresh_all()
    assert "Not yet exported: 1" in status_texts(field.window)
    link = field.window.unexported.text()
    assert link.startswith('<a href="export">'), "the count links to export"

    dialog = export_through_dialog(qtbot, field, stick)
    result = dialog.written
    assert result is not None, plain(dialog.problem.text())
    summary = plain(dialog.summary.text())
    assert "Bundle 1 is written, with" in summary
    assert f"with {result.changes} changes" in summary
    assert "every change since the start: HQ Erbil has not confirmed any bundle yet" in summary
    assert dialog.where.text() == str(result.path) and result.path.parent == stick
    assert [p.name for p in stick.iterdir()] == [result.path.name]
    assert "Not yet exported: 0" in status_texts(field.window)
    close = dialog.findChild(QPushButton, "export_close")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    before = records(hq.ws.data_dir)
    preview = import_through_dialog(qtbot, hq, [result.path])
    assert preview.stage == "preview"
    assert records(hq.ws.data_dir) == before, "the preview wrote something"
    assert [r.outcome for r in preview.reports] == ["verified"]
    detail = plain(preview.detail.text())
    assert "From Hasakah 1, bundle 1" in detail
    assert "It would bring: 1 new, 0 updated, 0 unchanged, 0 conflicts." in detail
    assert preview.import_button.text() == "Import the bundle"

    confirm_import(qtbot, preview)
    assert [r.outcome for r in preview.results] == ["applied"]
    assert "Imported 1 of 1 bundles: 1 new" in preview.heading.text()
    got = services.get_batch(hq.ws, saved.record.id)
    assert (got.girls, got.boys, got.min_age, got.max_age) == (12, 20, 5, 17)

    # The window shows it: the batch table, and the history on both sides.
    batches = hq.window.show_screen("batches")
    qtbot.waitUntil(lambda: batches.model.rowCount() == 1)
    sync = hq.window.show_screen("sync")
    assert isinstance(sync, SyncScreen)
    history = sync.exchange.model
    row = [history.index(0, c).data() for c in range(history.columnCount())]
    assert row[1:5] == ["Received", "Hasakah 1", "1", str(result.changes)]
    assert row[5] == "1 new, 0 updated, 0 unchanged, 0 conflicts" and row[6] == "Imported"
    sent = field.window.show_screen("sync").exchange.model
    assert [sent.index(0, c).data() for c in (1, 2, 3, 6)] == [
        "Sent", "this laptop (Hasakah 1)", "1", "Sent",
    ]  # fmt: skip

    # The same file again: said plainly, nothing to import.
    again = import_through_dialog(qtbot, hq, [result.path])
    assert [r.outcome for r in again.reports] == ["already_imported"]
    assert "imported before; importing it again changes nothing" in plain(again.detail.text())
    assert not again.import_button.isVisible()
    assert again.close_button.text() == "Close"


def test_a_tampered_bundle_is_refused_in_plain_words_and_changes_nothing(qtbot, laptops) -> None:
    field, hq, stick = laptops
    services.save_batch(field.ws, RUSSIA)
    path = export_through_dialog(qtbot, field, stick).written.path
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    before = records(hq.ws.data_dir)

    preview = import_through_dialog(qtbot, hq, [path])
    assert [r.outcome for r in preview.reports] == ["refused"]
    detail = plain(preview.detail.text())
    assert "The file is damaged or incomplete" in detail
    assert "Ask for the file again" in detail
    assert preview.import_button.text() == "Note the refusal in the history"
    assert records(hq.ws.data_dir) == before

    confirm_import(qtbot, preview)  # the refusal goes into the history, no record changes
    assert [r.outcome for r in preview.results] == ["refused"]
    assert records(hq.ws.data_dir) == before
    sync = hq.window.show_screen("sync")
    history = sync.exchange.model
    assert history.index(0, 6).data() == "Refused"
    assert history.index(0, 7).data().startswith("The file is damaged or incomplete")
    sync.exchange.table.selectRow(0)
    assert "Ask for the file again" in plain(sync.exchange.reason.text())
    # Filter the history by outcome: the refusal only.
    sync.exchange.outcome.setCurrentIndex(sync.exchange.outcome.findData("applied"))
    assert history.rowCount() == 0
    sync.exchange.outcome.setCurrentIndex(sync.exchange.outcome.findData("refused"))
    assert history.rowCount() == 1
    sync.exchange.search.setText("damaged")
    assert history.rowCount() == 1
    sync.exchange.search.setText("Hasakah")
    assert history.rowCount() == 0  # a file that cannot be opened names no sender


def test_bundles_dropped_on_the_window_open_the_import_preview(qtbot, laptops) -> None:
    field, hq, stick = laptops
    services.save_batch(field.ws, RUSSIA)
    path = export_through_dialog(qtbot, field, stick).written.path
    (stick / "notes.txt").write_text("not a bundle")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(stick / "notes.txt"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    hq.window.dropEvent(event)
    dialog = hq.window.findChild(ImportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.stage == "preview", timeout=20_000)
    assert dialog.paths == [path]  # the text file was left out
    assert [r.outcome for r in dialog.reports] == ["verified"]


def test_export_with_no_one_trusted_says_how_to_fix_it(
    qtbot, tmp_path: Path, translations, answers
) -> None:
    alone = open_laptop(qtbot, tmp_path / "alone", "Hasakah 2", "field", "Layla")
    try:
        assert alone.actions.export() is None
        [text] = answers.failures
        assert "No headquarters device is trusted yet" in text
        assert "Trust a card" in text and "fingerprint" in text
        sync = alone.window.screen_named("sync")
        assert alone.window.current == "sync" and sync.tabs.currentIndex() == 1
        state = sync.exchange.findChild(QLabel, "sync_state").text()
        assert "No device is trusted to receive bundles yet" in plain(state)
    finally:
        alone.window.prefs.export_reminder_days = 0
        alone.window.close()
        alone.ws.close()


def test_an_export_to_a_missing_folder_says_what_to_do(qtbot, laptops, tmp_path: Path) -> None:
    field, _hq, _stick = laptops
    dialog = export_through_dialog(qtbot, field, tmp_path / "unplugged")
    assert dialog.written is None
    text = plain(dialog.problem.text())
    assert "The chosen folder is not there: is the stick plugged in?" in text
    assert "Plug the stick in, or choose another folder." in text
    assert dialog.pages.currentIndex() == 0  # back on the choice, to try again


def test_a_bundle_brought_twice_is_in_the_history_and_its_filter(qtbot, laptops) -> None:
    """A replay changes no record, but the data manager can see which stick brought it again."""
    from alhol_desk.core.sync.importer import import_bundle

    field, hq, stick = laptops
    services.save_batch(field.ws, RUSSIA)
    path = export_through_dialog(qtbot, field, stick).written.path
    assert import_bundle(hq.ws, path).outcome == "applied"
    assert import_bundle(hq.ws, path).outcome == "already_imported"

    sync = hq.window.show_screen("sync")
    assert isinstance(sync, SyncScreen)
    exchange = sync.exchange
    exchange.refresh()
    outcomes = [exchange.outcome.itemData(i) for i in range(exchange.outcome.count())]
    exchange.outcome.setCurrentIndex(outcomes.index("already_imported"))
    history = exchange.model
    qtbot.waitUntil(lambda: history.rowCount() == 1)
    shown = [history.index(0, c).data() for c in range(history.columnCount())]
    assert shown[1:4] == ["Received", "Hasakah 1", "1"] and shown[6] == "Already imported"
