"""Read-only queries the window's screens need: table pages, search, country pages, audit.

Nothing here writes. Table functions take a database (the workspace's, or a reader opened
with ``reader`` for a background thread); the rest take the workspace.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import database_path
from .records import Batch, Country, Estimate, StatusEvent
from .storage import browse_repo, open_database
from .storage.countries import get_country, list_countries
from .storage.settings import get_setting
from .workspace import Workspace

if TYPE_CHECKING:
    import sqlite_utils

BATCH_ORDERS = tuple(browse_repo.BATCH_ORDER)
EXPORTED_UPTO_KEY = "export.audit_upto"  # the audit id the last export covered (sync sets it)

# Arabic-Indic and Extended Arabic-Indic digits read as ASCII digits; Arabic letter
# variants that people type interchangeably fold to one form, so searches find both.
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
_FOLD = str.maketrans(
    _DIGITS
    | {ord(a): b for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ة", "ه"), ("ى", "ي"))}
    | {ord(mark): None for mark in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"}
)
_ASCII_DIGITS = str.maketrans(_DIGITS)


def ascii_digits(text: str) -> str:
    """Typed text with Arabic-Indic digits made ASCII (the core's dates want ASCII digits)."""
    return text.translate(_ASCII_DIGITS)


def fold(text: str) -> str:
    """The form both a search and the text it searches are compared in."""
    return text.casefold().translate(_FOLD)


def search_words(text: str) -> list[str]:
    return fold(text).split()


@contextmanager
def reader(data_dir: Path) -> Iterator[sqlite_utils.Database]:
    """A separate connection for reading off the GUI thread (SQLite connections stay put)."""
    db = open_database(database_path(data_dir), migrate=False)
    try:
        yield db
    finally:
        db.close()


# --- the batch table ------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchListing:
    """A batch as a table row shows it: the record and its country's names."""

    batch: Batch
    name_en: str
    name_ar: str


class BatchSearchIndex:
    """Every live batch's id and search text in table order, for filtering as the user types.

    Holding one short text per batch lets a keystroke filter 100,000 batches in a few
    milliseconds; the rows themselves are still read from the database a page at a time.
    """

    def __init__(
        self,
        rows: Sequence[tuple[str, str, str, str]],
        country_names: Mapping[str, tuple[str, str]],
    ) -> None:
        countries: dict[str, str] = {}  # a country's folded code and names, made once
        self.ids: list[str] = []
        self.statuses: list[str] = []
        self.texts: list[str] = []
        for pk, status, country, text in rows:
            names = countries.get(country)
            if names is None:
                name_en, name_ar = country_names.get(country, ("", ""))
                names = countries[country] = fold(f"{country} {name_en} {name_ar}")
            text = text.casefold()
            if not text.isascii():  # most free text is; folding Arabic is the slow part
                text = text.translate(_FOLD)
            self.ids.append(pk)
            self.statuses.append(status)
            self.texts.append(f"{names} {text}")

    def __len__(self) -> int:
        return len(self.ids)

    def match(
        self,
        words: Sequence[str],
        *,
        status_words: Mapping[str, frozenset[str]] | None = None,
        within: Sequence[int] | None = None,
    ) -> list[int]:
        """Positions of the batches whose text holds every word.

        ``status_words`` maps a word to the statuses whose shown name contains it (the
        names are translated, the stored status is not). ``within`` narrows an earlier
        result, which is what typing one more letter does.
        """
        positions: Sequence[int] = range(len(self.ids)) if within is None else within
        texts, statuses = self.texts, self.statuses
        for word in words:
            named = (status_words or {}).get(word, frozenset())
            if named:
                positions = [p for p in positions if word in texts[p] or statuses[p] in named]
            else:
                positions = [p for p in positions if word in texts[p]]
        return list(positions)


def batch_page(
    db: sqlite_utils.Database,
    *,
    order: str = "date",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
    country: str | None = None,
) -> list[str]:
    return browse_repo.batch_id_page(
        db, order=order, descending=descending, offset=offset, limit=limit, country=country
    )


def batch_search_index(
    db: sqlite_utils.Database,
    *,
    order: str = "date",
    descending: bool = True,
    country: str | None = None,
) -> BatchSearchIndex:
    return BatchSearchIndex(
        browse_repo.batch_search_rows(db, order=order, descending=descending, country=country),
        browse_repo.country_names(db),
    )


def batch_listings(db: sqlite_utils.Database, ids: Sequence[str]) -> dict[str, BatchListing]:
    return {
        pk: BatchListing(Batch.from_row(row), row["name_en"], row["name_ar"])
        for pk, row in browse_repo.batch_rows(db, ids).items()
    }


def batch_total(db: sqlite_utils.Database, country: str | None = None) -> int:
    return browse_repo.batch_total(db, country)


def likely_duplicates(ws: Workspace, batch: Batch) -> list[dict[str, Any]]:
    """Other live batches with the same country, date and counts as ``batch``."""
    counts = {k: getattr(batch, k) for k in ("women", "men", "girls", "boys")}
    return browse_repo.same_batches(
        ws.db,
        country=batch.country,
        departure_date=batch.departure_date,
        counts=counts,
        excluding=batch.id,
    )


# --- countries, dashboard ---------------------------------------------------------------


@dataclass(frozen=True)
class CountryPage:
    country: Country
    events: list[StatusEvent]  # newest first: the first is the current status
    estimates: list[Estimate]  # newest first


def country_page(ws: Workspace, iso3: str) -> CountryPage | None:
    country = get_country(ws.db, iso3)
    if country is None:
        return None
    events = [
        StatusEvent.from_row({**row, "country": iso3})
        for row in browse_repo.status_events_of(ws.db, iso3)
    ]
    estimates = [
        Estimate.from_row({**row, "country": iso3}) for row in browse_repo.estimates_of(ws.db, iso3)
    ]
    return CountryPage(country, events, estimates)


def countries(ws: Workspace) -> list[Country]:
    """Every ISO 3166 country, with its English, Arabic and Sorani names."""
    return list_countries(ws.db)


def has_records(ws: Workspace) -> bool:
    return browse_repo.has_records(ws.db)


def repatriated_by_month(ws: Workspace) -> list[dict[str, Any]]:
    return browse_repo.repatriated_by_month(ws.db)


# --- audit --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    table: str | None = None
    record: str | None = None  # the start of a record id
    operator: str | None = None
    date_from: str | None = None  # YYYY-MM-DD (UTC, as the audit trail stores time)
    date_to: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    operator: str
    table: str
    pk: str
    column: str | None  # None: the record was created
    old: Any
    new: Any
    bundle_id: str | None
    country: str | None  # the record's country, where it has one
    team: str | None = None  # the author's team, for an imported change (None: made here)


def audit_page(
    ws: Workspace, audit_filter: AuditFilter, *, before_id: int | None = None, limit: int = 200
) -> list[AuditRow]:
    rows = browse_repo.audit_page(
        ws.db,
        before_id=before_id,
        limit=limit,
        table=audit_filter.table,
        record=audit_filter.record,
        operator=audit_filter.operator,
        date_from=audit_filter.date_from,
        date_to=audit_filter.date_to,
    )
    return [
        AuditRow(
            row["id"],
            row["at"],
            row["operator"],
            row["tbl"],
            row["pk"],
            row["col"],
            json.loads(row["old"]) if row["old"] is not None else None,
            json.loads(row["new"]) if row["new"] is not None else None,
            row["bundle_id"],
            row["batch_country"] or row["event_country"],
            row["team"],
        )
        for row in rows
    ]


def audit_operators(ws: Workspace) -> list[str]:
    return browse_repo.audit_operators(ws.db)


def unexported_changes(ws: Workspace) -> int:
    """Changes made here that no export has carried yet (audit rows after the export mark).

    The sync package has its own count (``sync.exporter.unexported_changes``); this one
    serves where sync is not installed and agrees with it.
    """
    mark = get_setting(ws.db, EXPORTED_UPTO_KEY)
    return browse_repo.local_changes_after(ws.db, int(mark) if mark else 0)
