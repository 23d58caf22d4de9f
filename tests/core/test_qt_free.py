"""The core and the CLI never import Qt: they must run on a laptop without PySide6."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys

    attempts = []

    class Watch:
        # Records any attempt to import Qt, even one guarded by try/except ImportError.
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                attempts.append(name)
            return None

    sys.meta_path.insert(0, Watch())

    imported, failed = [], []

    def load(name):
        try:
            importlib.import_module(name)
        except Exception as error:
            failed.append(f"{name}: {error!r}")
        else:
            imported.append(name)

    load("alhol_desk.core")
    core = sys.modules["alhol_desk.core"]
    for info in pkgutil.walk_packages(core.__path__, "alhol_desk.core.", onerror=load):
        load(info.name)
    for name in ("alhol_desk.cli", "alhol_desk.cli.commands", "alhol_desk.cli.parser",
                 "alhol_desk.__main__", "alhol_desk.paths"):
        load(name)
    sys.modules["alhol_desk.cli.parser"].build_parser()
    print(json.dumps({
        "imported": imported,
        "failed": failed,
        "attempts": attempts,
        "qt_loaded": sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")),
    }))
    """
)


def test_core_and_cli_import_without_touching_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["failed"] == [], "every core module must import on its own"
    assert report["attempts"] == []
    assert report["qt_loaded"] == []
    # The walk really covered the core, so the check above means something.
    for name in (
        "alhol_desk.core.validation",
        "alhol_desk.core.services",
        "alhol_desk.core.storage.migrations",
        "alhol_desk.core.workspace",
        "alhol_desk.cli.commands",
    ):
        assert name in report["imported"]
