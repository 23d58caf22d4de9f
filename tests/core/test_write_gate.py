"""One validation gate: the functions that write records without checking them are called
only from the places that checked them first.

``services.save_record`` (forms, CLI, conflict resolution) and ``services.add_batches``
(bulk loads) validate before they call the private writers; the bundle importer validates
every record of a bundle (``sync/merge.py``) before it calls the storage writers: the
methods of the record tables (``ws.batches.insert_records``, ``update_columns``) and of
the audit trail (``ws.audit.record_creations``, ``record_edits``, ``apply_edits``). A new
write path that calls a writer from anywhere else fails this test.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "alhol_desk"

# writer -> the functions (module:function) allowed to call it
ALLOWED = {
    "_write_record": {"core/services.py:save_record"},
    "_create_records": {"core/services.py:_write_record", "core/services.py:add_batches"},
    "insert_records": {"core/services.py:_create_records", "core/sync/importer.py:_apply_chunk"},
    "update_columns": {"core/services.py:_write_record"},
    "record_edits": {"core/services.py:_write_record"},
    "record_creations": {
        "core/services.py:_create_records",
        "core/sync/importer.py:_apply_chunk",
    },
    "apply_edits": {"core/sync/importer.py:_apply_chunk"},
}


def callers() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {name: set() for name in ALLOWED}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Call):
                    target = node.func
                    name = (
                        target.attr
                        if isinstance(target, ast.Attribute)
                        else getattr(target, "id", None)
                    )
                    if name in found:
                        found[name].add(f"{path.relative_to(SRC).as_posix()}:{func.name}")
    return found


def test_only_validated_paths_call_the_writers() -> None:
    for writer, seen in callers().items():
        assert seen <= ALLOWED[writer], f"{writer} is called from {sorted(seen - ALLOWED[writer])}"
        assert seen, f"{writer} is never called: update this test"


def test_the_unvalidated_writer_is_private() -> None:
    from alhol_desk.core import services

    assert not hasattr(services, "write_record")
    assert not hasattr(services, "create_records")
