"""What a spreadsheet import compares its rows with: the live batches of some countries,
their dates and counts (``core/sheets/plan.py`` decides what is a duplicate)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .records import chunks

if TYPE_CHECKING:
    import sqlite_utils


class BatchKeys:
    """Read-only: the batches a sheet's rows may repeat."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def of_countries(
        self, countries: Iterable[str], columns: Sequence[str]
    ) -> list[dict[str, Any]]:
        """``id``, ``country``, ``departure_date`` and ``columns`` (fixed field names, never
        typed text) of every live batch of ``countries``."""
        wanted = sorted(set(countries))
        picked = ", ".join(("id", "country", "departure_date", *columns))
        found: list[dict[str, Any]] = []
        for chunk in chunks(wanted):
            marks = ", ".join("?" for _ in chunk)
            sql = (
                f"SELECT {picked} FROM batches WHERE deleted = 0 AND country IN ({marks}) "
                "ORDER BY id"
            )
            found.extend(self.db.query(sql, list(chunk)))
        return found
