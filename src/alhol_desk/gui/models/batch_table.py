"""The batch table: a model over batch ids that reads rows a page at a time.

It never holds the batches themselves. At first it shows the first page of ids straight
from the database (a LIMIT query), so the table paints at once however many batches
there are; meanwhile a background read builds the search index (id and a short text per
batch, in table order), after which every keystroke of the filter is an in-memory scan
and the rows a view asks for are read by id, ``ROW_CHUNK`` at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from ...core import browse
from ...core.periods import ALL_TIME, Period
from ...core.records import BATCH_STATUSES
from ...core.storage.records import Batches
from .. import i18n
from ..workers import Operation, Progress
from .resetting import ResettingTableModel

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    field: str  # its header is this field's label
    order: str  # the browse sort key
    show: Callable[[browse.BatchListing], str]
    numeric: bool = False


def _count(name: str) -> Callable[[browse.BatchListing], str]:
    return lambda row: i18n.number(getattr(row.batch, name))


COLUMNS: tuple[Column, ...] = (
    Column("departure_date", "date", lambda r: i18n.day(r.batch.departure_date)),
    Column("country", "country", lambda r: i18n.country_name(r.name_en, r.name_ar)),
    Column("status", "status", lambda r: i18n.status_label(r.batch.status)),
    Column("women", "women", _count("women"), numeric=True),
    Column("men", "men", _count("men"), numeric=True),
    Column("girls", "girls", _count("girls"), numeric=True),
    Column("boys", "boys", _count("boys"), numeric=True),
    Column("people", "people", lambda r: i18n.number(r.batch.people), numeric=True),
    Column("ref", "ref", lambda r: r.batch.ref or ""),
    Column("destination", "destination", lambda r: r.batch.destination or ""),
    Column("source", "source", lambda r: r.batch.source or ""),
)
ID_ROLE = int(Qt.ItemDataRole.UserRole)
# Plain ints: data() runs for every cell and role a view paints, and comparing Qt's enum
# members costs more than the rest of the call.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_NUMBER_ALIGN = int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
_TEXT_ALIGN = int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Row:
    """A batch as its row shows it: the cells' text, formatted once, and its note."""

    cells: tuple[str, ...]
    note: str | None


class BatchTableModel(ResettingTableModel):
    """Batch ids in table order, shown ``PAGE`` rows more at a time as the view scrolls."""

    PAGE = 200
    ROW_CHUNK = 100
    index_ready = Signal()  # the search index is loaded and the current filter applied

    def __init__(
        self,
        db: sqlite_utils.Database,
        data_dir: Path | None,
        *,
        country: str | None = None,
        threaded: bool = True,
        period: Period = ALL_TIME,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._data_dir = data_dir
        self._country = country
        self._period = period
        self._threaded = threaded and data_dir is not None
        self._order, self._descending = "date", True
        self._search_index: browse.BatchSearchIndex | None = None
        self._words: list[str] = []
        self._matched: list[int] | None = None  # positions in the index; None: no filter
        self._ids: list[str] = []
        self._complete = False  # _ids holds every batch the filter lets through
        self._shown = 0
        self._rows: dict[str, Row] = {}
        self._generation = 0
        self._index_requested = False
        self.reload()

    # --- what views ask -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        role = int(role)
        if role not in (_DISPLAY, _ALIGN, _TOOLTIP, ID_ROLE):
            return None
        row = index.row()
        if not index.isValid() or row >= self._shown:
            return None
        if not self._index_requested:
            self._request_index()
        if role == ID_ROLE:
            return self._ids[row]
        if role == _ALIGN:
            return _NUMBER_ALIGN if COLUMNS[index.column()].numeric else _TEXT_ALIGN
        shown = self._row(row)
        if shown is None:
            return None
        return shown.cells[index.column()] if role == _DISPLAY else shown.note

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return i18n.field_label(COLUMNS[section].field)
        if orientation == Qt.Orientation.Vertical:
            return i18n.number(section + 1)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return self._shown < len(self._ids) or not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._in_reset:
            return
        if self._shown >= len(self._ids) and not self._complete:
            page = Batches(self._db).id_page(
                order=self._order,
                descending=self._descending,
                offset=len(self._ids),
                limit=self.PAGE,
                country=self._country,
                period=self._period,
            )
            self._ids.extend(page)
            self._complete = len(page) < self.PAGE
        more = min(len(self._ids), self._shown + self.PAGE)
        if more > self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, more - 1)
            self._shown = more
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].order
        if key == "country" and i18n.current_language() == "ar":
            key = "country_ar"
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._order, self._descending):
            self._order, self._descending = key, descending
            self.reload()

    # --- what the screen asks -------------------------------------------------------------

    def set_period(self, period: Period) -> None:
        """Show only the batches dated in ``period`` (the filter's words still apply)."""
        if period != self._period:
            self._period = period
            self.reload()

    def period(self) -> Period:
        return self._period

    def apart(self) -> int:
        """How many batches the period leaves out because they are dated less precisely
        than it (a year, or a month it cuts): the screen says so, they are not dropped
        silently."""
        if self._period.is_all_time:
            return 0
        return Batches(self._db).total(self._country, self._period, apart=True)

    def reload(self) -> None:
        """Read again from the database (after a save, a sort, an import)."""
        self._generation += 1
        self.beginResetModel()
        self._search_index = None
        self._matched = None
        self._rows.clear()
        self._ids = Batches(self._db).id_page(
            order=self._order,
            descending=self._descending,
            limit=self.PAGE,
            country=self._country,
            period=self._period,
        )
        self._complete = len(self._ids) < self.PAGE
        self._shown = len(self._ids)
        self._end_reset()
        self._index_requested = False
        if not self._threaded:
            self._request_index()

    def _request_index(self) -> None:
        """Load the search index once the first page is on screen (or a search needs it).

        Asked for by the first ``data()`` call, it starts after that paint: the reader
        competes for the GIL, and the first page should not wait for it.
        """
        if self._index_requested:
            return
        self._index_requested = True
        if self._threaded:
            QTimer.singleShot(0, self, self._load_search_index)
        else:
            self._load_search_index()

    def set_search(self, text: str) -> None:
        """Filter as the user types: every word must appear (names in both languages count)."""
        words = browse.search_words(text)
        if words == self._words:
            return
        # One more letter typed narrows the current result instead of scanning everything.
        narrowing = (
            self._matched is not None
            and len(words) >= len(self._words) > 0
            and all(old in new for old, new in zip(self._words, words, strict=False))
        )
        self._words = words
        if self._search_index is not None:
            self._apply_search(narrowing)
        else:
            self._request_index()

    def is_searching(self) -> bool:
        """True while a filter waits for the search index."""
        return bool(self._words) and self._search_index is None

    def matches(self) -> int | None:
        """How many batches the table holds once fully scrolled; None until that is known."""
        return len(self._ids) if self._complete else None

    def batch_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, batch_id: str) -> int | None:
        """The row of a batch, showing more rows if needed so a view can select it."""
        self._request_index()
        try:
            row = self._ids.index(batch_id)
        except ValueError:
            return None
        while self._shown <= row:
            self.fetchMore()
        return row

    # --- inside ---------------------------------------------------------------------------

    def _row(self, row: int) -> Row | None:
        batch_id = self._ids[row]
        shown = self._rows.get(batch_id)
        if shown is None:
            if len(self._rows) > 20 * self.ROW_CHUNK:
                self._rows.clear()
            start = row - row % self.ROW_CHUNK
            chunk = [i for i in self._ids[start : start + self.ROW_CHUNK] if i not in self._rows]
            for pk, listing in browse.batch_listings(self._db, chunk).items():
                cells = tuple(column.show(listing) for column in COLUMNS)
                self._rows[pk] = Row(cells, listing.batch.note or None)
            shown = self._rows.get(batch_id)
        return shown

    def _load_search_index(self) -> None:
        generation, order, descending = self._generation, self._order, self._descending
        country, period = self._country, self._period
        if not self._threaded:
            index = browse.batch_search_index(
                self._db, order=order, descending=descending, country=country, period=period
            )
            self._index_loaded(generation, index)
            return
        data_dir = self._data_dir
        assert data_dir is not None

        def work(_progress: Progress) -> browse.BatchSearchIndex:
            with browse.reader(data_dir) as db:
                return browse.batch_search_index(
                    db, order=order, descending=descending, country=country, period=period
                )

        # A failed read keeps the pages shown (the fault is in the log).
        Operation(work, owner=self).success(
            lambda index: self._index_loaded(generation, index)
        ).start()

    def _index_loaded(self, generation: int, index: browse.BatchSearchIndex | None) -> None:
        if generation != self._generation or index is None:
            return  # a newer reload is on its way, or the read failed: keep the pages
        self._search_index = index
        if self._words:
            self._apply_search(narrowing=False)
        elif index.ids[: len(self._ids)] == self._ids:
            self._ids = index.ids  # same order, more ids: rows already shown stay put
            self._complete = True
        else:  # the data changed between the first page and the index
            self.beginResetModel()
            self._ids, self._complete = index.ids, True
            self._shown = min(len(self._ids), max(self._shown, self.PAGE))
            self._end_reset()
        self.index_ready.emit()

    def _apply_search(self, narrowing: bool) -> None:
        index = self._search_index
        assert index is not None
        if not self._words:
            matched = None
            ids = index.ids
        else:
            status_words = {word: i18n.statuses_named(word, BATCH_STATUSES) for word in self._words}
            matched = index.match(
                self._words,
                status_words=status_words,
                within=self._matched if narrowing else None,
            )
            ids = [index.ids[p] for p in matched]
        self.beginResetModel()
        self._matched = matched
        self._ids, self._complete = ids, True
        self._shown = min(len(ids), self.PAGE)
        self._end_reset()
