"""The window paints before the heavy parts load: the start-up path, checked by what it imports.

The first-paint target (docs/performance.md) is measured by benchmarks/bench_gui.py; this
test keeps its cause true without timing anything: at the main window's first paint, the
database layer, the crypto libraries, the charts and the country tables are not loaded yet,
and the data opens right after.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from alhol_desk.core import services
from alhol_desk.core.workspace import Workspace

# Runs the console script's own path (CLI, its `gui` command, the window) in a fresh
# interpreter; prints the modules loaded at the first paint and once the data is shown.
SCRIPT = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import alhol_desk.gui.main_window as main_window

seen = {}

class Watched(main_window.MainWindow):
    def paintEvent(self, event):
        super().paintEvent(event)
        if "first_paint" not in seen:
            seen["first_paint"] = sorted(sys.modules)
            # PySide6 builds its big ``Qt`` namespace (hundreds of enums) on first touch.
            seen["qt_namespace"] = "Qt" in vars(sys.modules["PySide6.QtCore"])
            seen["attached_at_first_paint"] = self.attached

    def attach(self, ws):
        super().attach(ws)
        seen["title"] = self.windowTitle()
        seen["screen"] = self.stack.currentWidget().objectName()
        QTimer.singleShot(0, self.close)

main_window.MainWindow = Watched
from alhol_desk.cli import main
code = main(["--data-dir", sys.argv[1], "gui"])
print("SEEN " + json.dumps(seen))
sys.exit(code)
"""

NOT_BEFORE_FIRST_PAINT = [
    "sqlite_utils",
    "cryptography",
    "pyrage",
    "pycountry",
    "jsonschema",
    "xlsxwriter",
    "sqlite3",
    "alhol_desk.core.errors",
    "PySide6.QtCharts",
    "alhol_desk.core.workspace",
    "alhol_desk.core.services",
    "alhol_desk.core.storage",
    "alhol_desk.core.sync.keys",
]


RUSSIA = {
    "country": "RUS",
    "status": "received",
    "departure_date": "2024-01-01",
    "girls": "12",
    "boys": "20",
    "source": "Public reporting, 2024",
}


def test_the_window_paints_before_the_data_opens_then_shows_it(
    workspace: Workspace, data_dir: Path
) -> None:
    services.save_batch(workspace, RUSSIA)
    workspace.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    [line] = [x for x in done.stdout.splitlines() if x.startswith("SEEN ")]
    seen = json.loads(line.removeprefix("SEEN "))
    assert seen["attached_at_first_paint"] is False
    loaded = set(seen["first_paint"])
    early = [name for name in NOT_BEFORE_FIRST_PAINT if name in loaded]
    assert early == [], f"imported before the first paint: {early}"
    assert seen["qt_namespace"] is False, "PySide6.QtCore.Qt was built before the first paint"
    assert seen["title"] == "alhol-desk — Hasakah 1"
    assert seen["screen"] == "screen_dashboard"
