"""Read-only queries behind the window's tables, pages and charts (no writes here)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

from .stats import REPATRIATED

_REPATRIATED_SQL = "(" + ", ".join(f"'{status}'" for status in REPATRIATED) + ")"

# Sort keys a batch table may ask for -> SQL (always followed by the id, for a total order).
BATCH_ORDER: dict[str, str] = {
    "date": "b.departure_date",
    "country": "c.name_en COLLATE NOCASE",
    "country_ar": "c.name_ar",
    "status": "b.status",
    "ref": "coalesce(b.ref, '')",
    "women": "b.women",
    "men": "b.men",
    "girls": "b.girls",
    "boys": "b.boys",
    "people": "(b.women + b.men + b.girls + b.boys)",
    "destination": "coalesce(b.destination, '')",
    "source": "coalesce(b.source, '')",
}

# The free text a filter is matched against, besides the country's code and names.
_SEARCH_TEXT = (
    "b.departure_date || ' ' || coalesce(b.ref, '') || ' ' || coalesce(b.destination, '') "
    "|| ' ' || coalesce(b.agency, '') || ' ' || coalesce(b.escort, '') || ' ' || "
    "coalesce(b.source, '')"
)


def _batch_where(country: str | None) -> tuple[str, list[Any]]:
    if country:
        return "b.deleted = 0 AND b.country = ?", [country]
    return "b.deleted = 0", []


def _from(order: str) -> str:
    # The countries table is joined only to sort by name: the join costs a third more.
    if order.startswith("country"):
        return "batches b JOIN countries c ON c.iso3 = b.country"
    return "batches b"


def _order_sql(order: str, descending: bool) -> str:
    direction = "DESC" if descending else "ASC"
    return f"{BATCH_ORDER[order]} {direction}, b.id {direction}"


def batch_id_page(
    db: sqlite_utils.Database,
    *,
    order: str,
    descending: bool,
    offset: int,
    limit: int,
    country: str | None = None,
) -> list[str]:
    """One page of batch ids in table order, without reading the rest of the table."""
    where, params = _batch_where(country)
    sql = (
        f"SELECT b.id FROM {_from(order)} WHERE {where} "
        f"ORDER BY {_order_sql(order, descending)} LIMIT ? OFFSET ?"
    )
    return [row[0] for row in db.execute(sql, [*params, int(limit), int(offset)])]


def batch_search_rows(
    db: sqlite_utils.Database, *, order: str, descending: bool, country: str | None = None
) -> list[tuple[str, str, str, str]]:
    """(id, status, country, free text) of every live batch, in table order."""
    where, params = _batch_where(country)
    sql = (
        f"SELECT b.id, b.status, b.country, {_SEARCH_TEXT} FROM {_from(order)} "
        f"WHERE {where} ORDER BY {_order_sql(order, descending)}"
    )
    return db.execute(sql, params).fetchall()


def country_names(db: sqlite_utils.Database) -> dict[str, tuple[str, str]]:
    """ISO code -> (English name, Arabic name)."""
    return {
        row[0]: (row[1], row[2])
        for row in db.execute("SELECT iso3, name_en, name_ar FROM countries")
    }


def batch_rows(db: sqlite_utils.Database, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Full rows (with both country names) of the given batches, by id."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    sql = (
        "SELECT b.*, c.name_en, c.name_ar FROM batches b "
        f"JOIN countries c ON c.iso3 = b.country WHERE b.id IN ({marks})"
    )
    return {row["id"]: row for row in db.query(sql, list(ids))}


def batch_total(db: sqlite_utils.Database, country: str | None = None) -> int:
    where, params = _batch_where(country)
    return int(db.execute(f"SELECT count(*) FROM batches b WHERE {where}", params).fetchone()[0])


def same_batches(
    db: sqlite_utils.Database,
    *,
    country: str,
    departure_date: str,
    counts: dict[str, int],
    excluding: str | None,
) -> list[dict[str, Any]]:
    """Live batches with the same country, date and counts: likely the same sheet twice."""
    sql = (
        "SELECT id, ref, status, source FROM batches WHERE deleted = 0 AND country = ? "
        "AND departure_date = ? AND women = ? AND men = ? AND girls = ? AND boys = ? "
        "AND id IS NOT ? ORDER BY id"
    )
    params = [country, departure_date, *(counts[k] for k in ("women", "men", "girls", "boys"))]
    return list(db.query(sql, [*params, excluding]))


def has_records(db: sqlite_utils.Database) -> bool:
    sql = (
        "SELECT EXISTS (SELECT 1 FROM batches WHERE deleted = 0) "
        "OR EXISTS (SELECT 1 FROM status_events WHERE deleted = 0) "
        "OR EXISTS (SELECT 1 FROM estimates WHERE deleted = 0)"
    )
    return bool(db.execute(sql).fetchone()[0])


def status_events_of(db: sqlite_utils.Database, country: str) -> list[dict[str, Any]]:
    """A country's status timeline, newest first (the first is its current status)."""
    return list(
        db.query(
            "SELECT id, status, event_date, source, note FROM status_events "
            "WHERE deleted = 0 AND country = ? ORDER BY event_date DESC, hlc DESC",
            [country],
        )
    )


def estimates_of(db: sqlite_utils.Database, country: str | None) -> list[dict[str, Any]]:
    """Estimates for one country (or the whole camp when ``country`` is None), newest first."""
    return list(
        db.query(
            "SELECT id, estimate_date, source, women, men, girls, boys, total, countries, "
            "countries_repatriating, confidence, note FROM estimates "
            "WHERE deleted = 0 AND country IS ? ORDER BY estimate_date DESC, hlc DESC",
            [country],
        )
    )


def repatriated_by_month(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Repatriated batches and people per month (YYYY-MM), oldest first."""
    return list(
        db.query(
            "SELECT substr(departure_date, 1, 7) AS month, count(*) AS batches, "
            "sum(women + men + girls + boys) AS people FROM batches "
            f"WHERE deleted = 0 AND status IN {_REPATRIATED_SQL} GROUP BY month ORDER BY month"
        )
    )


_AUDIT_COLUMNS = "a.id, a.at, a.operator, a.team, a.tbl, a.pk, a.col, a.old, a.new, a.bundle_id"


def audit_page(
    db: sqlite_utils.Database,
    *,
    before_id: int | None,
    limit: int,
    table: str | None = None,
    record: str | None = None,
    operator: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Audit rows newest first, in pages (keyset on the id), filtered as given.

    ``record`` matches the start of a record id; dates are YYYY-MM-DD, both ends included.
    """
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if before_id is not None:
        where.append("a.id < ?")
        params.append(before_id)
    if table:
        where.append("a.tbl = ?")
        params.append(table)
    if record:
        where.append("a.pk LIKE ? ESCAPE '\\'")
        escaped = record.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(escaped + "%")
    if operator:
        where.append("a.operator = ?")
        params.append(operator)
    if date_from:
        where.append("a.at >= ?")
        params.append(date_from)
    if date_to:
        where.append("a.at < ?")
        params.append(date_to + "~")  # every time of that day sorts below "~"
    sql = (
        f"SELECT {_AUDIT_COLUMNS}, b.country AS batch_country, e.country AS event_country "
        "FROM audit a LEFT JOIN batches b ON a.tbl = 'batches' AND b.id = a.pk "
        "LEFT JOIN status_events e ON a.tbl = 'status_events' AND e.id = a.pk "
        f"WHERE {' AND '.join(where)} ORDER BY a.id DESC LIMIT ?"
    )
    return list(db.query(sql, [*params, int(limit)]))


def audit_operators(db: sqlite_utils.Database) -> list[str]:
    return [row[0] for row in db.execute("SELECT DISTINCT operator FROM audit ORDER BY operator")]


def local_changes_after(db: sqlite_utils.Database, audit_id: int) -> int:
    """Changes made on this device (not imported) after the given audit id."""
    sql = "SELECT count(*) FROM audit WHERE id > ? AND bundle_id IS NULL"
    return int(db.execute(sql, [audit_id]).fetchone()[0])


# --- sync: conflicts to review, the bundle history, what waits to go out -----------------


def conflict_rows(db: sqlite_utils.Database, status: str | None) -> list[dict[str, Any]]:
    """Conflicts (open first, newest first) with their record's country, date and reference."""
    where, params = ("WHERE k.status = ?", [status]) if status else ("", [])
    sql = (
        "SELECT k.*, coalesce(b.country, e.country, s.country) AS country, "
        "coalesce(b.departure_date, e.event_date, s.estimate_date) AS record_date, "
        "b.ref AS ref, n.name_en, n.name_ar, "
        "(SELECT a.operator FROM audit a WHERE a.pk = k.pk AND a.hlc = k.local_hlc "
        " ORDER BY a.id LIMIT 1) AS local_by, "
        "(SELECT a.team FROM audit a WHERE a.pk = k.pk AND a.hlc = k.local_hlc "
        " ORDER BY a.id LIMIT 1) AS local_team FROM conflicts k "
        "LEFT JOIN batches b ON k.tbl = 'batches' AND b.id = k.pk "
        "LEFT JOIN status_events e ON k.tbl = 'status_events' AND e.id = k.pk "
        "LEFT JOIN estimates s ON k.tbl = 'estimates' AND s.id = k.pk "
        "LEFT JOIN countries n ON n.iso3 = coalesce(b.country, e.country, s.country) "
        f"{where} ORDER BY k.status = 'resolved', k.id DESC"
    )
    return list(db.query(sql, params))


def device_teams(db: sqlite_utils.Database) -> dict[str, tuple[str, bool]]:
    """Every known device (this one too): id -> (team, is this device)."""
    rows = db.execute("SELECT id, team, is_self FROM devices")
    return {pk: (team, bool(is_self)) for pk, team, is_self in rows}


def bundle_rows(
    db: sqlite_utils.Database, *, direction: str | None, outcome: str | None, limit: int
) -> list[dict[str, Any]]:
    """The bundle history, newest first, with the sender's team."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if direction:
        where.append("b.direction = ?")
        params.append(direction)
    if outcome:
        where.append("b.outcome = ?")
        params.append(outcome)
    sql = (
        "SELECT b.*, d.team, d.is_self FROM bundles b LEFT JOIN devices d ON d.id = b.sender "
        f"WHERE {' AND '.join(where)} ORDER BY b.id DESC LIMIT ?"
    )
    return list(db.query(sql, [*params, int(limit)]))


def oldest_local_change_after(db: sqlite_utils.Database, audit_id: int) -> str | None:
    """When the oldest change made here (not imported) after the given audit id was made."""
    # The audit id orders changes made here, so the first row after the mark is the oldest.
    sql = "SELECT at FROM audit WHERE id > ? AND bundle_id IS NULL ORDER BY id LIMIT 1"
    found = db.execute(sql, [audit_id]).fetchone()
    return str(found[0]) if found else None
