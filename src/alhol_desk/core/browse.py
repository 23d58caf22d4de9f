"""What the window's screens read beyond one table's repository: search, country pages.

Nothing here writes. Single-table reads are the repositories' (``ws.batches.id_page``,
``ws.audit.page``); table functions here take a database (the workspace's, or a reader
opened with ``reader`` for a background thread); the rest take the workspace.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..paths import database_path
from .periods import ALL_TIME, Period
from .records import Batch, Country, Estimate, StatusEvent
from .storage import open_database
from .storage.countries import Countries
from .storage.records import BATCH_ORDER, Batches
from .workspace import Workspace

if TYPE_CHECKING:
    import sqlite_utils

BATCH_ORDERS = tuple(BATCH_ORDER)

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


def batch_search_index(
    db: sqlite_utils.Database,
    *,
    order: str = "date",
    descending: bool = True,
    country: str | None = None,
    period: Period = ALL_TIME,
) -> BatchSearchIndex:
    """The batches dated in ``period`` (all by default), in table order."""
    rows = Batches(db).search_rows(
        order=order, descending=descending, country=country, period=period
    )
    return BatchSearchIndex(rows, Countries(db).names())


def batch_listings(db: sqlite_utils.Database, ids: Sequence[str]) -> dict[str, BatchListing]:
    return {
        pk: BatchListing(Batch.from_row(row), row["name_en"], row["name_ar"])
        for pk, row in Batches(db).rows_with_names(ids).items()
    }


# --- countries, dashboard ---------------------------------------------------------------


@dataclass(frozen=True)
class CountryPage:
    country: Country
    events: list[StatusEvent]  # newest first: the first is the current status
    estimates: list[Estimate]  # newest first


def country_page(ws: Workspace, iso3: str) -> CountryPage | None:
    country = ws.countries.get(iso3)
    if country is None:
        return None
    return CountryPage(country, ws.status_events.of_country(iso3), ws.estimates.of_country(iso3))


def has_records(ws: Workspace) -> bool:
    """Whether any live batch, status event or estimate exists (the dashboard's first run)."""
    return ws.batches.any_live() or ws.status_events.any_live() or ws.estimates.any_live()
