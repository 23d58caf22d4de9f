"""The synced record tables (``batches``, ``status_events``, ``estimates``): one generic
repository, and each table's own read queries for the screens and the figures."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..periods import ALL_TIME, Period
from ..records import AGE_BANDS, Batch, Estimate, Record, StatusEvent
from .periods import apart_from, in_period

if TYPE_CHECKING:
    import sqlite_utils

R = TypeVar("R", bound=Record)
T = TypeVar("T")

CHUNK = 500  # ids per ``IN (...)``: well under SQLite's limit on parameters

# A batch counts as repatriated once it has left the camp.
REPATRIATED = ("departed", "received")
REPATRIATED_SQL = "(" + ", ".join(f"'{status}'" for status in REPATRIATED) + ")"
SEX_SUMS = ", ".join(f"coalesce(sum({c}), 0) AS {c}" for c in ("women", "men", "girls", "boys"))


def chunks(items: Sequence[T]) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


class RecordTable(Generic[R]):
    """Reads and writes any synced record table shares; writes join the caller's
    transaction, and only the validated write paths call them (tests/core/test_write_gate)."""

    def __init__(self, db: sqlite_utils.Database, cls: type[R]) -> None:
        self.db = db
        self.cls = cls
        self.table = cls.TABLE

    def get(self, pk: str) -> R | None:
        rows = list(self.db.query(f"SELECT * FROM {self.table} WHERE id = ?", [pk]))
        return self.cls.from_row(rows[0]) if rows else None

    def insert_records(self, records: Sequence[Record], hlcs: Sequence[str]) -> None:
        """Insert new records with their creation clocks."""
        if not records:
            return
        columns = records[0].columns()
        sql = (
            f"INSERT INTO {self.table} (hlc, {', '.join(columns)}) "
            f"VALUES (?, {', '.join('?' for _ in columns)})"
        )
        self.db.conn.executemany(
            sql,
            (
                (hlc, *(getattr(r, c) for c in columns))
                for r, hlc in zip(records, hlcs, strict=True)
            ),
        )

    def update_columns(self, pk: str, values: dict[str, Any]) -> None:
        assignments = ", ".join(f"{column} = ?" for column in values)
        self.db.conn.execute(
            f"UPDATE {self.table} SET {assignments} WHERE id = ?", [*values.values(), pk]
        )

    def rows_by_id(self, pks: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Whole rows by id, with their creation clock under 'hlc'."""
        found: dict[str, dict[str, Any]] = {}
        for chunk in chunks(pks):
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT * FROM {self.table} WHERE id IN ({marks})"
            for row in self.db.query(sql, list(chunk)):
                found[row["id"]] = row
        return found

    def ids_after(self, after: str, limit: int) -> list[str]:
        """The next ``limit`` record ids after ``after``, in id order (keyset paging)."""
        sql = f"SELECT id FROM {self.table} WHERE id > ? ORDER BY id LIMIT ?"
        return [row[0] for row in self.db.execute(sql, [after, limit])]

    def any_live(self) -> bool:
        sql = f"SELECT EXISTS (SELECT 1 FROM {self.table} WHERE deleted = 0)"
        return bool(self.db.execute(sql).fetchone()[0])


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


def _batch_where(
    country: str | None, period: Period = ALL_TIME, *, apart: bool = False
) -> tuple[str, list[Any]]:
    """Live batches (of one country), dated in ``period`` or, with ``apart``, dated less
    precisely than it and overlapping it (storage/periods.py)."""
    dated, params = (apart_from if apart else in_period)(period, "b.departure_date")
    if country:
        return f"b.deleted = 0 AND b.country = ? AND {dated}", [country, *params]
    return f"b.deleted = 0 AND {dated}", params


def _batches_from(order: str) -> str:
    # The countries table is joined only to sort by name: the join costs a third more.
    if order.startswith("country"):
        return "batches b JOIN countries c ON c.iso3 = b.country"
    return "batches b"


def _order_sql(order: str, descending: bool) -> str:
    direction = "DESC" if descending else "ASC"
    return f"{BATCH_ORDER[order]} {direction}, b.id {direction}"


class Batches(RecordTable[Batch]):
    """``batches``: the records, the batch table's pages and search, and the figures."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        super().__init__(db, Batch)

    def listed(
        self,
        *,
        country: str | None = None,
        include_deleted: bool = False,
        period: Period = ALL_TIME,
        apart: bool = False,
    ) -> list[Batch]:
        """Batches newest first: those dated in ``period``, or (``apart``) those dated less
        precisely than it that may fall in it."""
        dated, params = (apart_from if apart else in_period)(period, "departure_date")
        where = [dated]
        if country:
            where.append("country = ?")
            params.append(country)
        if not include_deleted:
            where.append("deleted = 0")
        sql = (
            f"SELECT * FROM batches WHERE {' AND '.join(where)} "
            "ORDER BY departure_date DESC, country, id"
        )
        return [Batch.from_row(row) for row in self.db.query(sql, params)]

    def id_page(
        self,
        *,
        order: str = "date",
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
        country: str | None = None,
        period: Period = ALL_TIME,
    ) -> list[str]:
        """One page of batch ids in table order, without reading the rest of the table."""
        where, params = _batch_where(country, period)
        sql = (
            f"SELECT b.id FROM {_batches_from(order)} WHERE {where} "
            f"ORDER BY {_order_sql(order, descending)} LIMIT ? OFFSET ?"
        )
        return [row[0] for row in self.db.execute(sql, [*params, int(limit), int(offset)])]

    def search_rows(
        self,
        *,
        order: str,
        descending: bool,
        country: str | None = None,
        period: Period = ALL_TIME,
    ) -> list[tuple[str, str, str, str]]:
        """(id, status, country, free text) of every live batch, in table order."""
        where, params = _batch_where(country, period)
        sql = (
            f"SELECT b.id, b.status, b.country, {_SEARCH_TEXT} FROM {_batches_from(order)} "
            f"WHERE {where} ORDER BY {_order_sql(order, descending)}"
        )
        return self.db.execute(sql, params).fetchall()

    def rows_with_names(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Full rows (with both country names) of the given batches, by id."""
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        sql = (
            "SELECT b.*, c.name_en, c.name_ar FROM batches b "
            f"JOIN countries c ON c.iso3 = b.country WHERE b.id IN ({marks})"
        )
        return {row["id"]: row for row in self.db.query(sql, list(ids))}

    def total(
        self, country: str | None = None, period: Period = ALL_TIME, *, apart: bool = False
    ) -> int:
        where, params = _batch_where(country, period, apart=apart)
        sql = f"SELECT count(*) FROM batches b WHERE {where}"
        return int(self.db.execute(sql, params).fetchone()[0])

    def likely_duplicates(self, batch: Batch) -> list[dict[str, Any]]:
        """Other live batches with the same country, date and counts: likely the same sheet
        twice."""
        sql = (
            "SELECT id, ref, status, source FROM batches WHERE deleted = 0 AND country = ? "
            "AND departure_date = ? AND women = ? AND men = ? AND girls = ? AND boys = ? "
            "AND id IS NOT ? ORDER BY id"
        )
        counts = [batch.women, batch.men, batch.girls, batch.boys]
        return list(self.db.query(sql, [batch.country, batch.departure_date, *counts, batch.id]))

    def repatriated_by_month(self, period: Period = ALL_TIME) -> list[dict[str, Any]]:
        """Repatriated batches and people per month (YYYY-MM), oldest first, of ``period``.

        A batch dated to a day or a month counts in its month; the batches dated only to a
        year are a group of their own (``month`` is YYYY), just before that year's months,
        never counted in January. In a period shorter than their year they are not here
        at all: they are listed apart (``repatriated_apart``)."""
        dated, params = in_period(period, "departure_date")
        return list(
            self.db.query(
                "SELECT substr(departure_date, 1, 7) AS month, count(*) AS batches, "
                "sum(women + men + girls + boys) AS people FROM batches "
                f"WHERE deleted = 0 AND status IN {REPATRIATED_SQL} AND {dated} "
                "GROUP BY month ORDER BY month",
                params,
            )
        )

    def repatriated_apart(self, period: Period) -> list[dict[str, Any]]:
        """Repatriated batches dated less precisely than ``period`` that overlap it, by their
        date (``departure_date``, ``batches``, ``people``): listed apart, never counted."""
        dated, params = apart_from(period, "departure_date")
        return list(
            self.db.query(
                "SELECT departure_date, count(*) AS batches, "
                "sum(women + men + girls + boys) AS people FROM batches "
                f"WHERE deleted = 0 AND status IN {REPATRIATED_SQL} AND {dated} "
                "GROUP BY departure_date ORDER BY departure_date",
                params,
            )
        )

    def repatriated_totals(self, period: Period = ALL_TIME) -> dict[str, int]:
        """People repatriated in total, by sex, by sex-and-age band, and how many batches."""
        bands = ", ".join(f"coalesce(sum({band}), 0) AS {band}" for band, _ in AGE_BANDS)
        dated, params = in_period(period, "departure_date")
        sql = (
            f"SELECT count(*) AS batches, {SEX_SUMS}, {bands}, "
            "coalesce(sum(unaccompanied), 0) AS unaccompanied, "
            "coalesce(sum(separated), 0) AS separated "
            f"FROM batches WHERE deleted = 0 AND status IN {REPATRIATED_SQL} AND {dated}"
        )
        return {key: int(value) for key, value in next(self.db.query(sql, params)).items()}

    def repatriated_to(self, country: str, *, excluding: str | None = None) -> int:
        row = self.db.execute(
            "SELECT coalesce(sum(women + men + girls + boys), 0) FROM batches "
            f"WHERE deleted = 0 AND status IN {REPATRIATED_SQL} AND country = ? AND id IS NOT ?",
            [country, excluding],
        ).fetchone()
        return int(row[0])


class StatusEvents(RecordTable[StatusEvent]):
    """``status_events``: the records and a country's timeline."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        super().__init__(db, StatusEvent)

    def of_country(self, country: str) -> list[StatusEvent]:
        """A country's status timeline, newest first (the first is its current status)."""
        rows = self.db.query(
            "SELECT id, status, event_date, source, note FROM status_events "
            "WHERE deleted = 0 AND country = ? ORDER BY event_date DESC, hlc DESC",
            [country],
        )
        return [StatusEvent.from_row({**row, "country": country}) for row in rows]


class Estimates(RecordTable[Estimate]):
    """``estimates``: the records, a country's or the camp's estimates, the latest total."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        super().__init__(db, Estimate)

    def of_country(self, country: str | None) -> list[Estimate]:
        """Estimates for one country (or the whole camp when ``country`` is None), newest
        first."""
        rows = self.db.query(
            "SELECT id, estimate_date, source, women, men, girls, boys, total, countries, "
            "countries_repatriating, confidence, note FROM estimates "
            "WHERE deleted = 0 AND country IS ? ORDER BY estimate_date DESC, hlc DESC",
            [country],
        )
        return [Estimate.from_row({**row, "country": country}) for row in rows]

    def latest_total(self, country: str) -> dict[str, Any] | None:
        """The newest estimate of a country's total: total, source, estimate_date."""
        rows = list(
            self.db.query(
                "SELECT total, source, estimate_date FROM estimates "
                "WHERE deleted = 0 AND country = ? AND total IS NOT NULL "
                "ORDER BY estimate_date DESC, hlc DESC LIMIT 1",
                [country],
            )
        )
        return rows[0] if rows else None

    def camp_rows(self) -> list[dict[str, Any]]:
        """The camp-wide estimates as the figures show them, newest first."""
        return list(
            self.db.query(
                "SELECT id, estimate_date, source, total, countries, countries_repatriating, "
                "women, men, girls, boys, confidence, note FROM estimates "
                "WHERE deleted = 0 AND country IS NULL ORDER BY estimate_date DESC, hlc DESC"
            )
        )


def record_table(db: sqlite_utils.Database, table: str) -> RecordTable[Any]:
    """The repository of the synced table named ``table``."""
    kinds: dict[str, Callable[[sqlite_utils.Database], RecordTable[Any]]] = {
        "batches": Batches,
        "status_events": StatusEvents,
        "estimates": Estimates,
    }
    return kinds[table](db)
