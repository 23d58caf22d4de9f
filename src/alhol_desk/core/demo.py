"""The sourced example records of the design notes, loaded through the normal services."""

from __future__ import annotations

import json
from typing import Any

from ..paths import resource_path
from .records import Batch, Estimate, Record, StatusEvent
from .services import save_record
from .workspace import Workspace

_KINDS: tuple[tuple[str, type[Record]], ...] = (
    ("estimates", Estimate),
    ("status_events", StatusEvent),
    ("batches", Batch),
)


def load_demo(ws: Workspace) -> int:
    """Add the demo records this data folder does not have yet; returns how many were added."""
    data: dict[str, Any] = json.loads(resource_path("demo.json").read_text(encoding="utf-8"))
    added = 0
    for key, cls in _KINDS:
        for entry in data[key]:
            fields = {k: v for k, v in entry.items() if k != "id"}
            if ws.table(cls).get(entry["id"]) is None:
                save_record(ws, cls, fields, new_record_id=entry["id"])
                added += 1
    return added
