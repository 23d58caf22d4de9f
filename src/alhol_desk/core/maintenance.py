"""Health checks of a data folder: integrity, foreign keys and schema version."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..paths import database_path
from .errors import NotInitialised
from .storage import SCHEMA_VERSION, open_database
from .storage.database import schema_version
from .storage.integrity import foreign_key_problems, integrity_problems
from .workspace import SETUP_HINT


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str]
    foreign_key_problems: int
    schema_version: int
    expected_schema_version: int

    @property
    def ok(self) -> bool:
        return (
            self.integrity == ["ok"]
            and self.foreign_key_problems == 0
            and self.schema_version == self.expected_schema_version
        )


def check_data_dir(data_dir: Path) -> CheckReport:
    """Read-only: never migrates or repairs, so a damaged file is left as found."""
    path = database_path(data_dir)
    if not path.exists():
        raise NotInitialised(f"no alhol-desk data in this folder yet; {SETUP_HINT}")
    db = open_database(path, migrate=False)
    try:
        integrity = integrity_problems(db)
        return CheckReport(integrity, foreign_key_problems(db), schema_version(db), SCHEMA_VERSION)
    finally:
        db.close()
