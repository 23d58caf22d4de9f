"""The process the crash and lock tests run: imports a bundle, saves records and drafts
forever, or holds a data folder open.

``python crash_child.py import DATA_DIR BUNDLE [--kill-at-step K --every N]`` or
``python crash_child.py save DATA_DIR [--kill-at-step K] [--cycles C]``. It reports on
stdout (flushed at once) what it has finished, so the test knows what must have survived:

* ``ready`` once the workspace is open; ``applying`` when the merge transaction starts;
  ``done OUTCOME STEPS`` after the import returned (STEPS: SQLite steps counted while
  applying, in units of N);
* ``saving N``, ``editing N``, ``drafting N`` just before each step of a save cycle;
  ``saved ID N``: batch ID was created with N girls and committed; ``edited ID N``: its
  edit to N + 1 girls (and a new note) was committed; ``draft N``: the draft holding N was
  saved; ``steps S`` after C cycles, when ``--cycles`` is given (then it exits).

``python crash_child.py export DATA_DIR OUT`` exports and SIGKILLs itself after the export
was recorded, before the bundle gets its final name.

``python crash_child.py hold DATA_DIR`` opens the folder for writing, says ``ready`` and
keeps it open until its stdin is closed.

``--kill-at-step K`` makes the process SIGKILL itself at the K-th SQLite virtual-machine
step (counted by a progress handler every N steps): a kill at a chosen point of the SQL,
where a kill from outside lands at a chosen time.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alhol_desk.core import services
from alhol_desk.core.safety.drafts import save_draft
from alhol_desk.core.sync import importer
from alhol_desk.core.workspace import Workspace, open_workspace

DRAFT_FORM = "batch/new"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Steps:
    """Counts SQLite steps on a connection; kills this process at step ``kill_at``."""

    def __init__(self, kill_at: int | None) -> None:
        self.count = 0
        self.kill_at = kill_at

    def __call__(self) -> int:
        self.count += 1
        if self.count == self.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return 0

    def arm(self, ws: Workspace, every: int) -> None:
        ws.db.conn.set_progress_handler(self, every)


def run_import(data_dir: Path, bundle: Path, steps: Steps, every: int) -> None:
    ws = open_workspace(data_dir)
    real_apply: Callable[..., Any] = importer._apply

    def apply(*args: Any, **kwargs: Any) -> Any:
        say("applying")
        steps.arm(ws, every)
        return real_apply(*args, **kwargs)

    importer._apply = apply  # type: ignore[assignment]
    say("ready")
    report = importer.import_bundle(ws, bundle)
    say(f"done {report.outcome} {steps.count}")
    ws.close()


def run_saves(data_dir: Path, steps: Steps, cycles: int | None) -> None:
    ws = open_workspace(data_dir)
    say("ready")
    steps.arm(ws, 1)
    n = 0
    while cycles is None or n < cycles:
        n += 1
        raw = {
            "country": "RUS",
            "departure_date": "2024-01-01",
            "status": "received",
            "girls": n,
            "boys": 1,
            "min_age": 3,
            "max_age": 9,
            "source": "crash test",
            "note": f"first note {n}",
        }
        say(f"saving {n}")
        saved = services.save_batch(ws, raw)
        say(f"saved {saved.record.id} {n}")
        say(f"editing {n}")
        services.save_batch(ws, {"girls": n + 1, "note": f"second note {n}"}, saved.record.id)
        say(f"edited {saved.record.id} {n}")
        say(f"drafting {n}")
        typed = {"run": os.getpid(), "girls": str(n), "note": f"typed {n} " + "x" * 2000}
        save_draft(data_dir, DRAFT_FORM, typed)
        say(f"draft {n}")
    say(f"steps {steps.count}")
    ws.close()


def export_and_die_before_rename(data_dir: Path, out: Path) -> None:
    """Export, and be killed once the export is recorded, before the bundle gets its final
    name (the narrowest window of the exporter: the number is used, no file carries it)."""
    from alhol_desk.core.sync import exporter

    ws = open_workspace(data_dir)

    def replace(self: Path, target: Path) -> Path:
        os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("unreachable")

    Path.replace = replace  # type: ignore[method-assign]
    say("ready")
    exporter.export_bundle(ws, out)


def hold(data_dir: Path) -> None:
    ws = open_workspace(data_dir)
    say("ready")
    sys.stdin.read()
    ws.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("import", "save", "hold", "export"))
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("bundle", type=Path, nargs="?")
    parser.add_argument("--kill-at-step", type=int)
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--cycles", type=int)
    args = parser.parse_args()
    steps = Steps(args.kill_at_step)
    if args.mode == "hold":
        hold(args.data_dir)
    elif args.mode == "export":
        export_and_die_before_rename(args.data_dir, args.bundle)
    elif args.mode == "import":
        run_import(args.data_dir, args.bundle, steps, args.every)
    else:
        run_saves(args.data_dir, steps, args.cycles)


if __name__ == "__main__":
    main()
