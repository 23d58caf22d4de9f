"""One door to the database: every SQL statement and PRAGMA is under ``core/storage/``.

The rest of the app reaches tables through the workspace's repositories
(``ws.devices.peers()``, ``ws.settings.get(key)``). This reads the code (not comments or
docstrings, which may name a PRAGMA to explain it) of every module outside
``core/storage/`` and fails on a call that runs SQL or a string that holds a statement.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "alhol_desk"

# Upper-case keywords, as the app writes its SQL: English prose rarely shouts.
SQL = re.compile(
    r"\bPRAGMA\b|\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b"
    r"|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\b(?:CREATE|DROP|ALTER)\s+(?:TABLE|INDEX|"
    r"TRIGGER|VIEW)\b|\bBEGIN\s+(?:IMMEDIATE|EXCLUSIVE|DEFERRED)\b|\bVACUUM\b"
)
RUNS_SQL = {"execute", "executemany", "executescript"}


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def sql_outside_storage(root: Path = SRC) -> list[str]:
    """``path:line: what`` for each call that runs SQL and each SQL string outside storage."""
    found: list[tuple[str, int, str]] = []
    storage = root / "core" / "storage"
    for path in sorted(root.rglob("*.py")):
        if storage in path.parents:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = _docstrings(tree)
        where = path.relative_to(root).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in RUNS_SQL:
                    found.append((where, node.lineno, f".{node.func.attr}("))
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and SQL.search(node.value)
            ):
                found.append((where, node.lineno, repr(node.value[:40])))
    return [f"{where}:{line}: {what}" for where, line, what in sorted(found)]


def test_no_sql_outside_storage() -> None:
    assert sql_outside_storage() == []


def test_the_check_finds_sql(tmp_path: Path) -> None:
    """The check itself: each way of running SQL outside storage is caught, prose is not."""
    (tmp_path / "core" / "storage").mkdir(parents=True)
    (tmp_path / "core" / "storage" / "repo.py").write_text('db.execute("SELECT 1 FROM t")\n')
    (tmp_path / "screen.py").write_text(
        '"""Runs PRAGMA quick_check, as the docstring may say."""\n'
        "# a comment may say DELETE FROM too\n"
        'label = "select from the list below"\n'
        'conn.execute("PRAGMA query_only = ON")\n'
        'sql = f"UPDATE devices SET team = {team!r}"\n'
        'rows = "SELECT id\\nFROM batches"\n'
        "cursor.executemany(statement, rows)\n"
    )
    assert [line.split(": ", 1)[0] for line in sql_outside_storage(tmp_path)] == [
        "screen.py:4",
        "screen.py:4",
        "screen.py:5",
        "screen.py:6",
        "screen.py:7",
    ]
