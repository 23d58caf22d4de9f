"""Helpers of the data-safety tests: enrolment, state digests, child processes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from alhol_desk.core.sync import enrolment
from alhol_desk.core.workspace import Workspace
from alhol_desk.paths import database_path

HERE = Path(__file__).resolve().parent
CRASH_CHILD = HERE / "crash_child.py"
posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGKILL, fcntl and file modes")

# Columns that hold the wall time of the run (not of the data): left out of state digests.
TIME_COLUMNS = {"at", "detected_at", "trusted_at", "resolved_at", "revoked_at"}
DIGEST_TABLES = (
    "batches",
    "status_events",
    "estimates",
    "field_clock",
    "audit",
    "conflicts",
    "devices",
    "bundles",
    "settings",
)


def enrol(field: Workspace, hq: Workspace, folder: Path) -> None:
    """Each side trusts the other's card after checking its fingerprint, as people do."""
    hq_card = enrolment.write_card(hq, folder / f"{hq.device.id}.card")
    enrolment.trust_card(field, hq_card, enrolment.identity(hq).fingerprint)
    field_card = enrolment.write_card(field, folder / f"{field.device.id}.card")
    enrolment.trust_card(hq, field_card, enrolment.identity(field).fingerprint)


def state_digest(db_path: Path) -> dict[str, str]:
    """A digest of every table's rows (time-of-run columns and the clock setting left out),
    read through a plain read-only connection."""
    uri = f"{db_path.resolve().as_uri()}?mode=ro"
    out = {}
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        for table in DIGEST_TABLES:
            columns = [
                row[1]
                for row in conn.execute(f"PRAGMA table_info({table})")
                if row[1] not in TIME_COLUMNS
            ]
            where = " WHERE key != 'clock.last'" if table == "settings" else ""
            digest = hashlib.sha256()
            query = f"SELECT {', '.join(columns)} FROM {table}{where} ORDER BY 1, 2"
            for row in conn.execute(query):
                digest.update(repr(row).encode())
            out[table] = digest.hexdigest()
    return out


def integrity(db_path: Path) -> list[str]:
    with closing(sqlite3.connect(db_path)) as conn:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]


def database(data_dir: Path) -> Path:
    return database_path(data_dir)


def child(*args: str) -> subprocess.Popen[str]:
    """``crash_child.py ARGS`` in a fresh interpreter, its stdout a pipe of lines."""
    return subprocess.Popen(
        [sys.executable, str(CRASH_CHILD), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
    )


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``alhol-desk ARGS`` in its own process (a second program on the same folder)."""
    return subprocess.run(
        [sys.executable, "-m", "alhol_desk", *args],
        capture_output=True,
        encoding="utf-8",  # what the app writes, whatever the code page (Windows)
        timeout=120,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def open_to_others(path: Path) -> None:
    """Let other users of the computer in, as a folder on a stick or under C:\\ would:
    group and other bits on POSIX, an Everyone entry in the access list on Windows."""
    if os.name == "posix":
        path.chmod(0o755 if path.is_dir() else 0o644)
    else:
        from alhol_desk.core.safety.winacl import grant_everyone

        grant_everyone(path)
