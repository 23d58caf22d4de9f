"""A WHERE condition built from optional filters, for the repositories' list queries."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def equal_to(columns: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """``column = ?`` for each column given a value, joined by AND, with those values; an
    empty filter (None or "") matches everything, so none at all gives ``1 = 1``."""
    kept = {column: value for column, value in columns.items() if value}
    return " AND ".join(["1 = 1", *(f"{column} = ?" for column in kept)]), list(kept.values())
