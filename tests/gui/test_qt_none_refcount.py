"""The Qt binding must not leak references to None: on Python 3.11 that ends in a crash."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_qt_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setWindowTitle("alhol-desk")
    # A few references may come and go with the interpreter's own work; a leak is ~1 per call.
    assert sys.getrefcount(None) - before > -100
