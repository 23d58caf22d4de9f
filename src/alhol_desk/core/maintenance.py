"""Health checks of a data folder: integrity, foreign keys and schema version."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..paths import database_path
from .errors import NotInitialised
from .messages import Message
from .storage import SCHEMA_VERSION, open_database
from .storage.database import schema_version
from .storage.integrity import foreign_key_problems, integrity_problems


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

    def findings(self) -> tuple[Message, ...]:
        """What the check found, one line each, in the order ``check`` prints them."""
        return (
            integrity_finding(self.integrity),
            Message("check_foreign_keys", {"count": self.foreign_key_problems}),
            Message(
                "check_schema",
                {"version": self.schema_version, "known": self.expected_schema_version},
            ),
        )


def integrity_finding(problems: Sequence[str]) -> Message:
    """SQLite's own integrity findings ("ok", or what it found), as one line."""
    return Message("check_integrity", {"problems": ", ".join(problems)})


def check_data_dir(data_dir: Path) -> CheckReport:
    """Read-only: never migrates or repairs, so a damaged file is left as found."""
    path = database_path(data_dir)
    if not path.exists():
        raise NotInitialised("not_initialised")
    db = open_database(path, migrate=False)
    try:
        integrity = integrity_problems(db)
        return CheckReport(integrity, foreign_key_problems(db), schema_version(db), SCHEMA_VERSION)
    finally:
        db.close()
