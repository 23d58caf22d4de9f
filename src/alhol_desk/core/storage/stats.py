"""Aggregate queries for the country list, the dashboard and ``stats``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..records import AGE_BANDS

if TYPE_CHECKING:
    import sqlite_utils

# A batch counts as repatriated once it has left the camp.
REPATRIATED = ("departed", "received")
_REPATRIATED_SQL = "('departed', 'received')"

_CURRENT_STATUS = """
WITH ranked AS (
    SELECT e.country, e.status, e.event_date, e.source,
           row_number() OVER (
               PARTITION BY e.country ORDER BY e.event_date DESC, e.hlc DESC
           ) AS rank
    FROM status_events e
    WHERE e.deleted = 0
)
SELECT country, status, event_date, source FROM ranked WHERE rank = 1
"""

_SEX_SUMS = ", ".join(f"coalesce(sum({c}), 0) AS {c}" for c in ("women", "men", "girls", "boys"))


def country_overview(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every country with its current status, people repatriated and last update."""
    sql = f"""
    WITH current AS ({_CURRENT_STATUS}),
    moved AS (
        SELECT country, count(*) AS batches, {_SEX_SUMS},
               max(departure_date) AS last_batch
        FROM batches WHERE deleted = 0 AND status IN {_REPATRIATED_SQL}
        GROUP BY country
    )
    SELECT c.iso3, c.name_en, c.name_ar, c.name_ckb,
           cur.status, cur.event_date AS status_date, cur.source AS status_source,
           coalesce(m.batches, 0) AS batches,
           coalesce(m.women + m.men + m.girls + m.boys, 0) AS people,
           coalesce(m.women, 0) AS women, coalesce(m.men, 0) AS men,
           coalesce(m.girls, 0) AS girls, coalesce(m.boys, 0) AS boys,
           max(coalesce(cur.event_date, ''), coalesce(m.last_batch, '')) AS last_update
    FROM countries c
    LEFT JOIN current cur ON cur.country = c.iso3
    LEFT JOIN moved m ON m.country = c.iso3
    ORDER BY c.name_en
    """
    rows = list(db.query(sql))
    for row in rows:
        row["last_update"] = row["last_update"] or None
    return rows


def totals(db: sqlite_utils.Database) -> dict[str, int]:
    """People repatriated in total, by sex, by sex-and-age band, and how many batches."""
    bands = ", ".join(f"coalesce(sum({band}), 0) AS {band}" for band, _ in AGE_BANDS)
    sql = (
        f"SELECT count(*) AS batches, {_SEX_SUMS}, {bands}, "
        "coalesce(sum(unaccompanied), 0) AS unaccompanied, "
        "coalesce(sum(separated), 0) AS separated "
        f"FROM batches WHERE deleted = 0 AND status IN {_REPATRIATED_SQL}"
    )
    return {key: int(value) for key, value in next(db.query(sql)).items()}


def repatriated_to(db: sqlite_utils.Database, country: str, *, excluding: str | None = None) -> int:
    row = db.execute(
        "SELECT coalesce(sum(women + men + girls + boys), 0) FROM batches "
        f"WHERE deleted = 0 AND status IN {_REPATRIATED_SQL} AND country = ? AND id IS NOT ?",
        [country, excluding],
    ).fetchone()
    return int(row[0])


def latest_country_estimate(db: sqlite_utils.Database, country: str) -> dict[str, Any] | None:
    rows = list(
        db.query(
            "SELECT total, source, estimate_date FROM estimates "
            "WHERE deleted = 0 AND country = ? AND total IS NOT NULL "
            "ORDER BY estimate_date DESC LIMIT 1",
            [country],
        )
    )
    return rows[0] if rows else None


def camp_estimates(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT id, estimate_date, source, total, countries, countries_repatriating, "
            "women, men, girls, boys, confidence, note FROM estimates "
            "WHERE deleted = 0 AND country IS NULL ORDER BY estimate_date DESC"
        )
    )
