"""Numbered schema migrations; the database's ``user_version`` records the last one applied."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from .countries import seed_countries

if TYPE_CHECKING:
    import sqlite_utils

_SCHEMA_1 = """
CREATE TABLE countries (
    iso3 TEXT PRIMARY KEY,
    iso2 TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    name_ckb TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE batches (
    id TEXT PRIMARY KEY,
    hlc TEXT NOT NULL,  -- clock of the record's creation
    country TEXT NOT NULL REFERENCES countries(iso3),
    status TEXT NOT NULL,
    departure_date TEXT NOT NULL,
    ref TEXT,
    families INTEGER,
    women INTEGER NOT NULL DEFAULT 0,
    men INTEGER NOT NULL DEFAULT 0,
    girls INTEGER NOT NULL DEFAULT 0,
    boys INTEGER NOT NULL DEFAULT 0,
    children INTEGER,
    adults INTEGER,
    min_age INTEGER,
    max_age INTEGER,
    unaccompanied INTEGER NOT NULL DEFAULT 0,
    separated INTEGER NOT NULL DEFAULT 0,
    f_0_4 INTEGER, f_5_11 INTEGER, f_12_17 INTEGER, f_18_59 INTEGER, f_60_plus INTEGER,
    m_0_4 INTEGER, m_5_11 INTEGER, m_12_17 INTEGER, m_18_59 INTEGER, m_60_plus INTEGER,
    destination TEXT,
    agency TEXT,
    escort TEXT,
    source TEXT,
    source_date TEXT,
    note TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX batches_by_country ON batches(country, departure_date);
CREATE INDEX batches_by_date ON batches(departure_date);  -- the batch table's first page

CREATE TABLE status_events (
    id TEXT PRIMARY KEY,
    hlc TEXT NOT NULL,  -- clock of the record's creation
    country TEXT NOT NULL REFERENCES countries(iso3),
    status TEXT NOT NULL,
    event_date TEXT NOT NULL,
    source TEXT NOT NULL,
    note TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX status_events_by_country ON status_events(country, event_date);

CREATE TABLE estimates (
    id TEXT PRIMARY KEY,
    hlc TEXT NOT NULL,  -- clock of the record's creation
    country TEXT REFERENCES countries(iso3),
    estimate_date TEXT NOT NULL,
    source TEXT NOT NULL,
    women INTEGER, men INTEGER, girls INTEGER, boys INTEGER,
    total INTEGER,
    countries INTEGER,
    countries_repatriating INTEGER,
    confidence TEXT,
    note TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX estimates_by_country ON estimates(country, estimate_date);

-- Merge state: the clock of every synced value edited since its record was created.
-- A column with no entry here carries its record's creation clock (the hlc column),
-- so creating a record writes no rows here: bulk loads stay close to raw inserts.
CREATE TABLE field_clock (
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    col TEXT NOT NULL,
    hlc TEXT NOT NULL,
    base TEXT,
    PRIMARY KEY (tbl, pk, col)
) WITHOUT ROWID;

-- Every change, local or imported, never edited. Its id orders the changes on this
-- device, which makes it the outbox too (export = what changed after the last export).
-- col is NULL for a new record: its values at creation are the current ones rewound
-- through the later audit rows of that record.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    col TEXT,
    old TEXT,
    new TEXT,
    hlc TEXT NOT NULL,
    base TEXT,  -- the clock the editor saw: lets an export chain several local edits
    bundle_id TEXT
);
CREATE INDEX audit_by_record ON audit(pk);  -- record ids are UUIDs, unique across tables

CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    team TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('field', 'hq')),
    is_self INTEGER NOT NULL DEFAULT 0,
    sign_public_key TEXT,
    age_recipient TEXT,
    key_id TEXT,
    trusted_at TEXT,
    trusted_by TEXT,
    revoked_after_seq INTEGER,
    revoked_at TEXT,
    last_seq INTEGER NOT NULL DEFAULT 0,  -- highest seq imported from this device
    last_manifest_sha256 TEXT,            -- its manifest hash: the next bundle's prev
    acked_seq INTEGER NOT NULL DEFAULT 0  -- highest of our seqs it said it imported
);

-- Every bundle written or read, with its outcome; a refused one changes nothing else.
CREATE TABLE bundles (
    id INTEGER PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
    bundle_id TEXT,
    sender TEXT,
    seq INTEGER,
    manifest_sha256 TEXT,
    at TEXT NOT NULL,
    created_at TEXT,
    changes INTEGER,
    new INTEGER,
    updated INTEGER,
    unchanged INTEGER,
    conflicts INTEGER,
    warnings INTEGER,
    outcome TEXT NOT NULL,
    reason TEXT,
    file_name TEXT,
    audit_upto INTEGER
);
CREATE INDEX bundles_by_sender ON bundles(sender, seq);

-- Concurrent edits with different values: both kept for a person to settle.
CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    col TEXT NOT NULL,
    local_value TEXT,
    local_hlc TEXT NOT NULL,
    incoming_value TEXT,
    incoming_hlc TEXT NOT NULL,
    winner TEXT NOT NULL CHECK (winner IN ('local', 'incoming')),
    bundle_id TEXT,
    detected_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolved_at TEXT,
    resolved_by TEXT,
    resolution TEXT CHECK (resolution IN ('local', 'incoming'))
);
CREATE INDEX conflicts_by_status ON conflicts(status, tbl, pk);
CREATE UNIQUE INDEX conflicts_once ON conflicts(tbl, pk, col, local_hlc, incoming_hlc);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"""


def execute_script(db: sqlite_utils.Database, script: str) -> None:
    """Run statements one by one, so that they join the caller's transaction.

    ``executescript`` would commit first, and a migration must be all or nothing.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.conn.execute(statement)
            statement = ""


def _initial_schema(db: sqlite_utils.Database) -> None:
    execute_script(db, _SCHEMA_1)
    seed_countries(db)


def _bundle_streams(db: sqlite_utils.Database) -> None:
    """Sync format 2: each recipient has its own chain of bundles, and an export may be
    split into several. A sent bundle records the device it was written for; every bundle
    records the first seq of its export and whether it was the export's last, so that a
    receiver acknowledges only exports that arrived whole, and the ``prev`` it carried, so
    that a bundle filling a gap is checked against the bundle after it. An audit row of an
    imported change names the team of the person who made it (``operator`` is that
    person); a local change leaves it null (this device's team). A conflict is of two
    edits of one field, or (``rule``) of edits valid alone that together break a rule of
    the whole record, which then keeps its values until a person decides; a person may
    settle one by typing the right values (``resolution`` 'typed')."""
    execute_script(
        db,
        """
ALTER TABLE bundles ADD COLUMN recipient TEXT;
ALTER TABLE bundles ADD COLUMN first_seq INTEGER;
ALTER TABLE bundles ADD COLUMN last_part INTEGER;
ALTER TABLE bundles ADD COLUMN prev_sha256 TEXT;
ALTER TABLE audit ADD COLUMN team TEXT;
CREATE TABLE conflicts_2 (
    id INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    col TEXT NOT NULL,
    local_value TEXT,
    local_hlc TEXT NOT NULL,
    incoming_value TEXT,
    incoming_hlc TEXT NOT NULL,
    winner TEXT NOT NULL CHECK (winner IN ('local', 'incoming')),
    bundle_id TEXT,
    detected_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolved_at TEXT,
    resolved_by TEXT,
    resolution TEXT CHECK (resolution IN ('local', 'incoming', 'typed')),
    kind TEXT NOT NULL DEFAULT 'edit' CHECK (kind IN ('edit', 'rule')),
    rule TEXT,
    incoming_team TEXT,  -- who made the incoming value (from the bundle)
    incoming_by TEXT
);
INSERT INTO conflicts_2 (id, tbl, pk, col, local_value, local_hlc, incoming_value,
    incoming_hlc, winner, bundle_id, detected_at, status, resolved_at, resolved_by, resolution)
    SELECT id, tbl, pk, col, local_value, local_hlc, incoming_value, incoming_hlc, winner,
    bundle_id, detected_at, status, resolved_at, resolved_by, resolution FROM conflicts;
DROP TABLE conflicts;
ALTER TABLE conflicts_2 RENAME TO conflicts;
CREATE INDEX conflicts_by_status ON conflicts(status, tbl, pk);
CREATE UNIQUE INDEX conflicts_once ON conflicts(tbl, pk, col, local_hlc, incoming_hlc);
CREATE INDEX bundles_by_recipient ON bundles(direction, recipient, seq);
DELETE FROM settings WHERE key IN ('export.seq', 'export.prev_sha256');
""",
    )


def _refusal_codes(db: sqlite_utils.Database) -> None:
    """A refusal in the bundle history keeps its message's code and values (JSON) beside
    its English line, so the window explains it in the user's language. Older rows keep
    their English alone."""
    execute_script(
        db,
        """
ALTER TABLE bundles ADD COLUMN reason_code TEXT;
ALTER TABLE bundles ADD COLUMN reason_params TEXT;
""",
    )


# Append only: a shipped migration is never edited, since laptops in the field ran it.
# Each runs inside one transaction together with the version bump.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _initial_schema,
    _bundle_streams,
    _refusal_codes,
]
