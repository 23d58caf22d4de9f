"""The demo never touches real data: `gui --demo` opens its own folder, marked DEMO, and a
live device has no way to load the demo records (docs/gui.md, "The demo")."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu, QPushButton

from alhol_desk.cli import main
from alhol_desk.core import services
from alhol_desk.core.errors import AlholError
from alhol_desk.core.messages import Message
from alhol_desk.core.workspace import Workspace, initialise, open_workspace
from alhol_desk.gui import app as gui_app
from alhol_desk.gui.dialogs.first_run import FirstRunWizard
from alhol_desk.gui.i18n import Translations
from alhol_desk.gui.main_window import MainWindow
from alhol_desk.gui.messages import explain
from alhol_desk.gui.preferences import Preferences
from alhol_desk.paths import database_path

IRAQ = {"country": "IRQ", "status": "received", "departure_date": "2024-03-10", "women": "3"}
DEMO_TITLE = "alhol-desk — DEMO (example records, not real data)"


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``folder``: its modification time and a hash of its bytes."""
    return {
        str(path.relative_to(folder)): (
            path.stat().st_mtime_ns,
            hashlib.sha256(path.read_bytes()).hexdigest(),
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def shown_window(qtbot, seen: list[object]):
    """A stand-in for the event loop: waits for the window's data, notes what it shows."""

    def fake_exec() -> int:
        [window] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        qtbot.waitUntil(lambda: window.attached)
        mark = window.statusBar().findChild(QLabel, "demo_mark")
        seen.append((window.windowTitle(), mark.text() if mark is not None else None))
        window.close()
        window.deleteLater()
        return 0

    return staticmethod(fake_exec)


def test_gui_demo_opens_its_own_folder_and_the_real_one_is_untouched(
    qtbot, data_dir: Path, monkeypatch
) -> None:
    live = initialise(data_dir, team="Hasakah 1", role="field", operator="Amira")
    services.save_batch(live, IRAQ)
    live.close()
    before = snapshot(data_dir)
    seen: list[object] = []
    monkeypatch.setattr(QApplication, "exec", shown_window(qtbot, seen))
    try:
        assert main(["gui", "--demo"]) == 0  # the README's quickstart (ALHOL_DESK_HOME set)
    finally:
        Translations().install("en")

    assert seen == [
        (DEMO_TITLE, "DEMO: example records in their own folder; no device accepts its bundles")
    ]
    assert snapshot(data_dir) == before  # not a byte, not a timestamp
    demo_dir = data_dir.with_name("data-demo")
    demo = open_workspace(demo_dir, read_only=True)
    try:
        assert demo.is_demo
        assert [b.country for b in services.batches(demo)] == ["RUS"]
    finally:
        demo.close()
    real = open_workspace(data_dir, read_only=True)
    try:
        assert not real.is_demo
        assert [b.country for b in services.batches(real)] == ["IRQ"]
    finally:
        real.close()


def test_after_the_demo_a_new_machine_still_gets_the_first_run_wizard(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    new = tmp_path / "new-machine"
    monkeypatch.setattr(QApplication, "exec", shown_window(qtbot, []))
    asked: list[bool] = []

    def cancel(self) -> QDialog.DialogCode:
        asked.append(True)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstRunWizard, "exec", cancel)
    try:
        assert main(["--data-dir", str(new), "gui", "--demo"]) == 0
        assert not new.exists()
        assert main(["--data-dir", str(new), "gui"]) == 0  # plain `alhol-desk` afterwards
    finally:
        Translations().install("en")
    assert asked == [True]
    assert not database_path(new).exists()


def test_the_demo_says_demo_in_the_title_and_the_status_bar(
    qtbot, demo_workspace: Workspace, workspace_of_hq, translations
) -> None:
    demo = MainWindow(demo_workspace, Preferences(demo_workspace.data_dir), translations)
    qtbot.addWidget(demo)
    assert "DEMO" in demo.windowTitle()
    assert "DEMO" in demo.statusBar().findChild(QLabel, "demo_mark").text()
    demo.set_language("ar")
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the English frame
    assert "DEMO" in demo.windowTitle()
    assert "عرض تجريبي" in demo.statusBar().findChild(QLabel, "demo_mark").text()
    demo.set_language("en")

    live = MainWindow(workspace_of_hq, Preferences(workspace_of_hq.data_dir), translations)
    qtbot.addWidget(live)
    assert live.windowTitle() == "alhol-desk — HQ Erbil"
    assert live.statusBar().findChild(QLabel, "demo_mark") is None


@pytest.fixture
def workspace_of_hq(tmp_path: Path):
    ws = initialise(tmp_path / "hq", team="HQ Erbil", role="hq", operator="Omar")
    yield ws
    ws.close()


def test_a_live_device_has_no_load_demo_action(qtbot, ws: Workspace, prefs, translations) -> None:
    window = MainWindow(ws, prefs, translations)
    qtbot.addWidget(window)
    menus = window.menuBar().findChildren(QMenu)
    texts = [action.text() for menu in menus for action in menu.actions()]
    assert texts and not [t for t in texts if "demo" in t.lower()]
    dashboard = window.show_screen("dashboard")
    assert dashboard.pages.currentWidget() is dashboard.empty
    assert dashboard.findChild(QPushButton, "load_demo") is None
    assert [b.text() for b in dashboard.empty.findChildren(QPushButton)] == ["New batch (Ctrl+N)"]
    assert "alhol-desk gui --demo" in dashboard.empty.findChild(QLabel, "empty_text").text()
    assert services.batches(ws) == []


def test_the_demo_is_refused_on_a_live_folder_and_it_says_why(data_dir: Path, translations) -> None:
    live = initialise(data_dir, team="Hasakah 1", role="field", operator="Amira")
    live.close()
    before = snapshot(data_dir)
    with pytest.raises(AlholError) as refused:
        gui_app.open_data(
            data_dir,
            operator=None,
            demo=True,
            prefs=Preferences(data_dir),
            translations=translations,
        )
    assert refused.value.message.code == "demo_folder_is_live"
    after = snapshot(data_dir)
    # Opening it took the writer lock (the lock file notes the pid); nothing else moved.
    assert {k: v for k, v in after.items() if k != "alhol-desk.lock"} == {
        k: v for k, v in before.items() if k != "alhol-desk.lock"
    }
    assert "real device" in explain(refused.value.message).what


@pytest.mark.parametrize("code", ["bundle_from_demo", "card_demo", "demo_on_live_device"])
def test_the_demos_refusals_read_in_arabic(code: str, translations) -> None:
    translations.install("ar")
    explained = explain(Message(code, {"team": "Hasakah 1"}))
    assert explained.known and "العرض التجريبي" in explained.what + explained.todo
