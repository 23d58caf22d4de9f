"""The main window: screens, shortcuts, status bar, what it remembers; the app's start-up paths."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu

from alhol_desk.core import services
from alhol_desk.core.safety.lock import holder_pid
from alhol_desk.core.workspace import Workspace, open_workspace
from alhol_desk.gui import app as gui_app
from alhol_desk.gui.changes import Changes
from alhol_desk.gui.dialogs.first_run import FirstRunWizard
from alhol_desk.gui.forms.batch_form import BatchDialog
from alhol_desk.gui.i18n import Translations
from alhol_desk.gui.main_window import SCREENS, MainWindow
from alhol_desk.gui.preferences import Preferences
from alhol_desk.paths import database_path

RUSSIA = {
    "country": "RUS",
    "status": "received",
    "departure_date": "2024-01-01",
    "girls": "12",
    "boys": "20",
    "source": "Public reporting, 2024",
}


@pytest.fixture
def window(qtbot, ws: Workspace, prefs: Preferences, translations: Translations) -> MainWindow:
    shown = MainWindow(ws, prefs, translations)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def status_texts(window: MainWindow) -> list[str]:
    """The status bar's texts, without the markup of the ones that are links."""
    return [
        re.sub(r"<[^>]+>", "", label.text())
        for label in window.statusBar().findChildren(QLabel)
        if label.text()
    ]


def test_title_screens_and_status_bar(qtbot, window: MainWindow, ws: Workspace) -> None:
    assert "alhol-desk" in window.windowTitle()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Dashboard", "Countries", "Batches", "Sync", "Conflicts", "Audit log",
    ]  # fmt: skip
    qtbot.waitUntil(lambda: any("Not yet exported" in t for t in status_texts(window)))
    texts = status_texts(window)
    assert "Team: Hasakah 1 (Field team)" in texts
    assert "Operator: Tester" in texts
    assert "Not yet exported: 0" in texts
    assert "Open conflicts: 0" in texts


def test_every_screen_opens(window) -> None:
    for name in SCREENS:
        screen = window.show_screen(name)
        assert window.stack.currentWidget() is screen


def test_ctrl_digits_switch_screens(qtbot, window: MainWindow) -> None:
    for number, name in enumerate(SCREENS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current == name


def test_menus_carry_the_standard_shortcuts(window: MainWindow) -> None:
    shortcuts = {
        action.text().replace("&", ""): [s.toString() for s in action.shortcuts()]
        for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
        for action in menu.actions()
    }
    assert QKeySequence(QKeySequence.StandardKey.New).toString() in shortcuts["New batch…"]
    assert QKeySequence(QKeySequence.StandardKey.Find).toString() in shortcuts["Find / filter"]
    assert "Ctrl+Q" in shortcuts["Quit"]


def fill_and_save(dialog: BatchDialog) -> int:
    """Stands in for ``BatchDialog.exec``: the Russia batch typed and saved."""
    form = dialog.form.rows
    form["country"].editor.write("RUS")
    form["status"].editor.write("received")
    form["departure_date"].editor.write("2024-01-01")
    form["girls"].editor.write("12")
    form["boys"].editor.write("20")
    form["source"].editor.write("AFP")
    assert dialog.try_save()
    return QDialog.DialogCode.Accepted


def test_ctrl_n_opens_the_batch_form_and_a_save_shows_in_the_table_and_status(
    qtbot, window: MainWindow, ws: Workspace, monkeypatch
) -> None:
    window.show_screen("batches")
    monkeypatch.setattr(BatchDialog, "exec", fill_and_save)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    [batch] = services.batches(ws)
    screen = window.screen_named("batches")
    qtbot.waitUntil(lambda: screen.table.current_batch() == batch.id)
    assert "Not yet exported: 1" in status_texts(window)


def count_refreshes(window: MainWindow, name: str) -> list[Changes]:
    """Build the screen ``name`` and record every refresh the window asks of it."""
    screen = window.screen_named(name)
    asked: list[Changes] = []
    original = screen.refresh

    def refresh(changes: Changes) -> None:
        asked.append(changes)
        original(changes)

    screen.refresh = refresh  # type: ignore[method-assign]
    return asked


def test_a_settings_or_trust_change_does_not_reload_the_batch_table(window: MainWindow) -> None:
    window.show_screen("batches")
    batches = count_refreshes(window, "batches")
    window.data_changed(Changes(settings=True))
    window.data_changed(Changes(devices=True, bundles=True))
    assert batches == []


def test_a_batch_save_reloads_the_batch_table(qtbot, window: MainWindow, monkeypatch) -> None:
    window.show_screen("batches")
    batches = count_refreshes(window, "batches")
    monkeypatch.setattr(BatchDialog, "exec", fill_and_save)
    window.new_batch()
    assert batches == [Changes(batches=True)]
    screen = window.screen_named("batches")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)


def test_a_hidden_screen_refreshes_once_when_shown_with_all_it_missed(
    window: MainWindow, monkeypatch
) -> None:
    window.show_screen("country")  # the country page: statuses, estimates, batches
    page = count_refreshes(window, "country")
    window.show_screen("batches")
    monkeypatch.setattr(BatchDialog, "exec", fill_and_save)
    window.new_batch()
    window.data_changed(Changes(statuses=True, settings=True))
    window.data_changed(Changes(devices=True))  # not on the page: not kept for it
    assert page == []
    window.show_screen("country")
    assert page == [Changes(batches=True, statuses=True)]
    window.show_screen("batches")
    window.show_screen("country")
    assert len(page) == 1  # nothing new since: no second reload


def test_ctrl_f_goes_to_the_filter_of_the_screen(qtbot, window: MainWindow) -> None:
    window.show_screen("dashboard")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current == "batches"
    assert QApplication.focusWidget() is window.screen_named("batches").filter
    window.show_screen("countries")
    window.focus_filter()
    assert QApplication.focusWidget() is window.screen_named("countries").search


def test_geometry_and_last_screen_are_remembered_in_the_data_folder(
    qtbot, ws: Workspace, data_dir: Path, translations: Translations
) -> None:
    first = MainWindow(ws, Preferences(data_dir), translations)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 520)
    first.show_screen("audit")
    first.close()
    assert (data_dir / "alhol-desk-window.ini").exists()

    second = MainWindow(ws, Preferences(data_dir), translations)
    qtbot.addWidget(second)
    assert second.current == "audit"
    assert (second.width(), second.height()) == (760, 520)


def test_a_language_switch_flips_the_layout_and_shows_arabic(
    qtbot, window: MainWindow, prefs: Preferences
) -> None:
    window.show_screen("batches")
    window.set_language("ar")

    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.nav.item(0).text() == "لوحة المعلومات"
    assert "alhol-desk" in window.windowTitle()
    assert window.current == "batches"
    assert prefs.language == "ar"
    assert Preferences(window.ws.data_dir).language == "ar"  # remembered on disk

    window.set_language("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.nav.item(0).text() == "Dashboard"


def test_after_language_switches_the_menus_are_there_once_and_shortcuts_work(
    qtbot, window: MainWindow
) -> None:
    """Each rebuild deletes the menus before it: no second File menu, no shortcut clash."""
    menus_before = len(window.menuBar().findChildren(QMenu))
    for language in ("ar", "en", "ar", "en"):
        window.set_language(language)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(window.menuBar().findChildren(QMenu)) == menus_before
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Settings", "&Help"]
    for number, name in enumerate(SCREENS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current == name


def test_a_report_being_written_during_a_language_switch_finishes_as_it_started(
    qtbot, window: MainWindow, ws: Workspace, tmp_path: Path, monkeypatch
) -> None:
    """The rebuilt File menu offers the same writer: the cursor comes back, the result shows."""
    from alhol_desk.gui.actions import reports

    services.save_batch(ws, RUSSIA)
    [writer] = window.findChildren(reports.ReportActions)
    out = tmp_path / "batches.csv"
    writer.choose_file = lambda *args: str(out)
    started, release = threading.Event(), threading.Event()
    write = reports.write_report

    def held(*args, **kwargs):
        started.set()
        release.wait(10)
        return write(*args, **kwargs)

    monkeypatch.setattr(reports, "write_report", held)
    writer.actions["csv_batches"].trigger()
    assert started.wait(10) and writer.busy
    window.set_language("ar")
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(reports.ReportActions) == [writer]
    assert not writer.actions["xlsx"].isEnabled()  # the new menu knows a report is running
    release.set()
    qtbot.waitUntil(lambda: not writer.busy, timeout=30_000)
    assert out.exists()
    assert QGuiApplication.overrideCursor() is None
    assert str(out) in window.statusBar().currentMessage()
    assert writer.actions["xlsx"].isEnabled()


# --- start-up ---------------------------------------------------------------------------


def test_run_opens_the_window_on_the_data_and_returns_its_exit_code(
    qtbot, workspace: Workspace, data_dir: Path, monkeypatch
) -> None:
    services.save_batch(workspace, RUSSIA)
    seen: list[object] = []

    def fake_exec() -> int:
        [window] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        # The window paints first, saying the data is opening; the data opens after.
        assert not window.attached
        assert window.findChild(QLabel, "opening").text() == "Opening the data…"
        assert not window.menuBar().isEnabled() and not window.nav.isEnabled()
        qtbot.waitUntil(lambda: window.attached)
        seen.append(window.windowTitle())
        seen.append(window.stack.currentWidget().objectName())
        assert window.menuBar().isEnabled() and window.nav.isEnabled()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert gui_app.run(data_dir, operator="Tester") == 0
    assert seen == ["alhol-desk — Hasakah 1", "screen_dashboard"]
    Translations().install("en")


@pytest.fixture
def watchdog(qapp) -> Iterator[None]:
    """For tests that run the real event loop: one that never ends fails instead of hanging."""
    timer = QTimer()
    timer.setSingleShot(True)
    fired: list[bool] = []
    timer.timeout.connect(lambda: (fired.append(True), QApplication.exit(99)))
    timer.start(20_000)
    yield
    timer.stop()
    assert not fired, "the event loop did not end by itself"


def test_run_on_a_folder_it_cannot_open_says_why_and_returns_one(
    qtbot, data_dir: Path, monkeypatch, watchdog
) -> None:
    """The window is up when the database turns out unusable: it says why and the app ends."""
    database_path(data_dir).write_bytes(b"this is not a database" * 100)
    messages: list[str] = []
    monkeypatch.setattr(
        gui_app.QMessageBox, "critical", lambda parent, title, text: messages.append(text)
    )
    assert gui_app.run(data_dir, operator="Tester") == 1  # the real event loop, ended
    assert len(messages) == 1 and "database" in messages[0].lower()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    Translations().install("en")


def test_run_returns_zero_when_the_wizard_is_cancelled(data_dir: Path, monkeypatch, qapp) -> None:
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert gui_app.run(data_dir / "new") == 0
    with pytest.raises(Exception, match="no alhol-desk data"):
        open_workspace(data_dir / "new")
    Translations().install("en")


def test_the_file_menu_offers_the_reports(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    titles = [action.text() for action in file_menu.actions()]
    assert any("report" in title.lower() for title in titles), titles


def test_run_on_a_folder_without_a_device_asks_the_wizard_over_the_window(
    qtbot, data_dir: Path, monkeypatch, watchdog
) -> None:
    """A database file but no device: the wizard comes after the first paint; cancel ends it."""
    from alhol_desk.core.storage import open_database

    open_database(database_path(data_dir)).close()
    asked: list[bool] = []

    def cancel(wizard) -> QDialog.DialogCode:
        window = wizard.parentWidget()  # shown over the window, not somewhere behind it
        asked.append(isinstance(window, MainWindow) and window.isVisible())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstRunWizard, "exec", cancel)
    assert gui_app.run(data_dir, operator="Tester") == 0  # the real event loop, ended
    assert asked == [True]  # the window was up behind the wizard
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    Translations().install("en")


@pytest.mark.parametrize(
    ("fault", "said"),
    [
        (sqlite3.DatabaseError("database disk image is malformed"), "Run: alhol-desk check"),
        (PermissionError(13, "Permission denied"), "an unexpected problem stopped the command"),
    ],
)
def test_a_fault_while_opening_ends_the_app_with_one_and_the_command_lines_message(
    workspace: Workspace, data_dir: Path, monkeypatch, capsys, watchdog, fault, said
) -> None:
    """Not a refusal: the window says where the details are, the CLI logs it, exit code 1."""
    from alhol_desk import cli
    from alhol_desk.core import workspace as core_workspace

    workspace.close()

    def broken(*args, **kwargs):
        raise fault

    monkeypatch.setattr(core_workspace, "open_workspace", broken)
    messages: list[str] = []
    monkeypatch.setattr(
        gui_app.QMessageBox, "critical", lambda parent, title, text: messages.append(text)
    )
    assert cli.main(["--data-dir", str(data_dir), "gui"]) == 1  # the real event loop
    assert len(messages) == 1 and "alhol-desk.log" in messages[0]
    assert said in capsys.readouterr().err
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    Translations().install("en")


def test_a_fault_while_showing_the_data_ends_the_app_too(
    workspace: Workspace, data_dir: Path, monkeypatch, capsys, watchdog
) -> None:
    from alhol_desk.gui.screens import dashboard

    workspace.close()

    def broken(*args, **kwargs):
        raise RuntimeError("the dashboard could not be built")

    monkeypatch.setattr(dashboard.DashboardScreen, "__init__", broken)
    messages: list[str] = []
    monkeypatch.setattr(
        gui_app.QMessageBox, "critical", lambda parent, title, text: messages.append(text)
    )
    with pytest.raises(RuntimeError, match="dashboard"):
        gui_app.run(data_dir, operator="Tester")
    assert len(messages) == 1
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert holder_pid(data_dir) is None  # the workspace it had opened was closed
    Translations().install("en")
