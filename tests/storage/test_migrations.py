"""Opening the database: schema, pragmas, the country list, and safe upgrades."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
import sqlite_utils

from alhol_desk.core.errors import SchemaTooNew
from alhol_desk.core.storage import SCHEMA_VERSION, database, open_database
from alhol_desk.core.storage.database import schema_version
from alhol_desk.core.storage.migrations import MIGRATIONS

TABLES = {
    "countries",
    "batches",
    "status_events",
    "estimates",
    "field_clock",
    "audit",
    "devices",
    "bundles",
    "conflicts",
    "settings",
}


@contextmanager
def opened(path: Path) -> Iterator[sqlite_utils.Database]:
    db = open_database(path)
    try:
        yield db
    finally:
        db.close()


def user_version(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def add_setting(path: Path, key: str, value: str) -> None:
    with opened(path) as db, db.atomic():
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [key, value])


def setting(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def test_schema_version_is_the_number_of_migrations() -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 1


def test_an_empty_file_gets_the_whole_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with opened(path) as db:
        assert schema_version(db) == SCHEMA_VERSION
        assert set(db.table_names()) >= TABLES
    assert user_version(path) == SCHEMA_VERSION


def test_the_database_uses_wal_and_enforces_foreign_keys(tmp_path: Path) -> None:
    with opened(tmp_path / "db.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):  # no such country
            db.execute(
                "INSERT INTO batches (id, country, status, departure_date) "
                "VALUES ('b1', 'XXX', 'planned', '2024-01-01')"
            )


def test_every_country_is_seeded_with_arabic_and_sorani_names(tmp_path: Path) -> None:
    with opened(tmp_path / "db.sqlite3") as db:
        count = db.execute("SELECT count(*) FROM countries").fetchone()[0]
        assert 240 <= count <= 260
        iraq = db.execute(
            "SELECT iso2, name_en, name_ar, name_ckb FROM countries WHERE iso3 = 'IRQ'"
        ).fetchone()
        assert iraq[:3] == ("IQ", "Iraq", "العراق")
        assert iraq[3] == "عێراق"
        assert db.execute("SELECT name_ar FROM countries WHERE iso3 = 'FRA'").fetchone() == (
            "فرنسا",
        )
        # Most names have a real Arabic translation, not the English fallback.
        translated = db.execute(
            "SELECT count(*) FROM countries WHERE name_ar != name_en AND name_ckb != ''"
        ).fetchone()[0]
        assert translated > count * 0.9


def test_reopening_keeps_the_data_and_runs_no_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    add_setting(path, "kept", "yes")

    ran: list[int] = []
    monkeypatch.setattr(database, "MIGRATIONS", [lambda db: ran.append(1)])
    with opened(path) as db:
        assert setting(db, "kept") == "yes"
        assert db.execute("SELECT count(*) FROM countries").fetchone()[0] > 200
    assert ran == []
    assert not list(tmp_path.glob("*.before-migration"))


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with opened(path):
        pass
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaTooNew, match="update alhol-desk"):
        open_database(path)
    assert user_version(path) == SCHEMA_VERSION + 1  # left as found


def _add_notes_table(db: sqlite_utils.Database) -> None:
    db.conn.execute("CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT)")
    db.conn.execute("INSERT INTO notes VALUES ('n1', 'made by migration 2')")


def test_an_upgrade_copies_the_old_file_aside_then_migrates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    add_setting(path, "kept", "yes")  # data written by version 1

    monkeypatch.setattr(database, "MIGRATIONS", [*MIGRATIONS, _add_notes_table])
    monkeypatch.setattr(database, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with opened(path) as db:
        assert schema_version(db) == SCHEMA_VERSION + 1
        assert db.execute("SELECT body FROM notes").fetchone() == ("made by migration 2",)
        assert setting(db, "kept") == "yes"

    aside = tmp_path / f"db.sqlite3.v{SCHEMA_VERSION}.before-migration"
    assert aside.exists()
    assert user_version(aside) == SCHEMA_VERSION
    with closing(sqlite3.connect(aside)) as conn:
        assert conn.execute("SELECT value FROM settings WHERE key = 'kept'").fetchone() == ("yes",)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert "notes" not in tables


def test_a_first_open_makes_no_copy_aside(tmp_path: Path) -> None:
    with opened(tmp_path / "db.sqlite3"):
        pass
    assert not list(tmp_path.glob("*.before-migration"))


def test_a_failing_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    add_setting(path, "kept", "yes")

    def half_done(db: sqlite_utils.Database) -> None:
        _add_notes_table(db)
        raise RuntimeError("disk full")

    monkeypatch.setattr(database, "MIGRATIONS", [*MIGRATIONS, half_done])
    monkeypatch.setattr(database, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="disk full"):
        open_database(path)

    monkeypatch.undo()
    assert user_version(path) == SCHEMA_VERSION
    with opened(path) as db:
        assert "notes" not in db.table_names()
        assert setting(db, "kept") == "yes"


def test_open_database_without_migrate_leaves_an_old_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    with opened(path):
        pass
    monkeypatch.setattr(database, "MIGRATIONS", [*MIGRATIONS, _add_notes_table])
    monkeypatch.setattr(database, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    db = open_database(path, migrate=False)
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert "notes" not in db.table_names()
    finally:
        db.close()
    assert not list(tmp_path.glob("*.before-migration"))


def test_an_in_memory_database_gets_the_schema() -> None:
    db = open_database(":memory:")
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert db.execute("SELECT count(*) FROM countries").fetchone()[0] > 200
    finally:
        db.close()
