"""The demo: its own data folder, set up as a demo device and loaded with the sourced examples.

The demo never touches real data. ``gui --demo`` and the ``demo`` command open the demo
folder beside the data folder (``paths.demo_data_dir``), never the data folder itself; the
demo folder is marked as the demo when it is set up and signs with the published demo key,
whose cards and bundles every device refuses (docs/security.md, "The demo"). The examples
load only into a demo folder: a live device has no way to load them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..paths import resource_path
from .errors import AlholError, NotInitialised
from .records import Batch, Estimate, Record, StatusEvent
from .services import save_record
from .workspace import Workspace, initialise, open_workspace

DEMO_TEAM = "Demo"
DEMO_OPERATOR = "Demo"

_KINDS: tuple[tuple[str, type[Record]], ...] = (
    ("estimates", Estimate),
    ("status_events", StatusEvent),
    ("batches", Batch),
)


def open_demo(demo_dir: Path, *, operator: str | None = None) -> tuple[Workspace, int]:
    """The demo folder ``demo_dir`` opened, set up as the demo first if it is new, with every
    demo record in it, and how many were added; refused (nothing changed) if the folder is
    a live device's."""
    try:
        ws = open_workspace(demo_dir, operator=operator)
    except NotInitialised:
        ws = initialise(
            demo_dir, team=DEMO_TEAM, role="field", operator=operator or DEMO_OPERATOR, demo=True
        )
    try:
        if not ws.is_demo:
            raise AlholError("demo_folder_is_live", path=demo_dir, team=ws.device.team)
        added = load_demo(ws)
    except BaseException:
        ws.close()
        raise
    return ws, added


def load_demo(ws: Workspace) -> int:
    """Add the demo records this demo folder does not have yet; returns how many were added.

    Refused on a live device: its records are counted, reported and sent to HQ as real.
    """
    if not ws.is_demo:
        raise AlholError("demo_on_live_device", team=ws.device.team)
    data: dict[str, Any] = json.loads(resource_path("demo.json").read_text(encoding="utf-8"))
    added = 0
    for key, cls in _KINDS:
        for entry in data[key]:
            fields = {k: v for k, v in entry.items() if k != "id"}
            if ws.table(cls).get(entry["id"]) is None:
                save_record(ws, cls, fields, new_record_id=entry["id"])
                added += 1
    return added
