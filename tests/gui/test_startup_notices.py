"""What the start-up checks fixed (file permissions) is shown once, without blocking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from alhol_desk.core.workspace import Workspace, open_workspace
from alhol_desk.gui.i18n import Translations
from alhol_desk.gui.main_window import MainWindow
from alhol_desk.gui.preferences import Preferences


def open_window(qtbot, ws: Workspace, data_dir: Path, translations: Translations) -> MainWindow:
    window = MainWindow(ws, Preferences(data_dir), translations)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_data_folder_made_private_at_start_says_so_in_the_status_bar(
    qtbot, workspace: Workspace, data_dir: Path, translations: Translations, answers
) -> None:
    workspace.close()
    data_dir.chmod(0o755)  # readable by the other users of the laptop
    ws = open_workspace(data_dir)
    try:
        assert ws.notices
        window = open_window(qtbot, ws, data_dir, translations)
        qtbot.waitUntil(lambda: "Checked at start" in window.statusBar().currentMessage())
        message = window.statusBar().currentMessage()
        assert "now it is private" in message  # explained from the notice's code
        assert "fixed to 0700" in window.statusBar().toolTip()  # the core's line, in detail
        assert answers.asked == []  # no modal box stops the start
        window.close()
    finally:
        ws.close()


def test_no_notice_no_message(
    qtbot, ws: Workspace, data_dir: Path, translations: Translations
) -> None:
    assert ws.notices == ()
    window = open_window(qtbot, ws, data_dir, translations)
    started = []  # queued after the window's own start-up steps (notices among them)
    QTimer.singleShot(0, lambda: started.append(True))
    qtbot.waitUntil(lambda: bool(started))
    assert "Checked at start" not in window.statusBar().currentMessage()
