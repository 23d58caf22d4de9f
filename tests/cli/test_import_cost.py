"""The CLI is the window's entry point: importing it and building its parser stay cheap.

Checked by what a fresh interpreter has imported, not by timing it (docs/performance.md):
the core, the crypto and data libraries and Qt load only when a command runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from alhol_desk.cli import options
from alhol_desk.core import records, report_files

PROBE = """
import json, sys
import alhol_desk.cli
alhol_desk.cli.parser.build_parser()
print(json.dumps(sorted(sys.modules)))
"""

NOT_LOADED = [
    "cryptography",
    "pyrage",
    "sqlite_utils",
    "pycountry",
    "jsonschema",
    "xlsxwriter",
    "sqlite3",
    "PySide6",
    "alhol_desk.core.services",
    "alhol_desk.core.workspace",
    "alhol_desk.core.sync.keys",
]


def test_importing_the_cli_and_building_its_parser_loads_no_heavy_module() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    assert "alhol_desk.cli.sync_commands" in loaded, "the probe built the whole parser"
    early = [n for n in NOT_LOADED if any(m == n or m.startswith(n + ".") for m in loaded)]
    assert early == [], f"loaded by `import alhol_desk.cli` and build_parser(): {early}"


def test_the_choices_copied_for_the_parser_match_the_core() -> None:
    assert options.ROLES == records.ROLES
    assert options.BATCH_STATUSES == records.BATCH_STATUSES
    assert options.COUNTRY_STATUSES == records.COUNTRY_STATUSES
    assert options.CSV_TABLES == report_files.CSV_TABLES


def test_alhol_desk_alone_parses_as_the_full_parser_parses_gui() -> None:
    """With no arguments no parser is built; what stands for it must read as `gui` does."""
    from alhol_desk.cli.parser import build_parser, window_arguments

    full = vars(build_parser().parse_args(["gui"]))
    assert vars(window_arguments()) == full
    assert full["handler"].__name__ == "gui" and full["demo"] is False


def test_alhol_desk_alone_opens_the_window(monkeypatch) -> None:
    from alhol_desk import cli
    from alhol_desk.cli import commands

    seen: list[tuple[object, object, object]] = []

    def window(args, data_dir) -> int:
        seen.append((args.demo, args.operator, data_dir))
        return 0

    monkeypatch.setattr(commands, "gui", window)
    home = Path("/nonexistent/alhol-desk-test").resolve()  # C:\nonexistent\... on Windows
    monkeypatch.setenv("ALHOL_DESK_HOME", str(home))
    assert cli.main([]) == 0
    assert seen == [(False, None, home)]
