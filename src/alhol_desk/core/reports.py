"""Report tables for HQ's monthly exports, with small counts suppressed when they leave HQ.

The tables are plain data (rows of ints, dates, text and ``Withheld`` cells); the files
are written by ``report_files`` (CSV, XLSX) and, for PDF, by the desktop app with Qt.

Suppression (``suppress_small=True``) works on the counts as entered, the *leaves*: a
batch's women, men, girls and boys (or their age bands, where given), families,
unaccompanied and separated children. A leaf of 1 to 4 is shown as "<5"; 0 stays 0. Every
total (people, children, a country's girls, the grand totals) is computed from what the
leaves *show*: exact when none of its leaves is withheld, otherwise the range that the
shown leaves allow ("21–24"). A total therefore never tells more than its cells do, so no
subtraction gives a withheld count back. See docs/reports.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from . import overview
from .kinds import parse_date
from .messages import Message
from .messages.fields import FIELD_LABELS
from .periods import ALL_TIME, Period, date_words
from .records import AGE_BANDS, Batch
from .storage.records import REPATRIATED
from .workspace import Workspace

SMALL_COUNT_LIMIT = 5  # counts below this (and above 0) are withheld in shared reports
PENDING = ("planned", "confirmed")  # batches that have not left the camp yet

Span = tuple[int, int]  # what a reader can know of a count: lowest and highest possible


class Kind(StrEnum):
    TEXT = "text"
    COUNT = "count"  # people or families: suppressed in shared reports
    NUMBER = "number"  # other whole numbers (ages, countries, batches): never suppressed
    DATE = "date"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    hxl: str
    kind: Kind


@dataclass(frozen=True)
class Withheld:
    """A count that a shared report does not show exactly: somewhere in lo..hi."""

    lo: int
    hi: int

    @property
    def text(self) -> str:
        if (self.lo, self.hi) == (1, SMALL_COUNT_LIMIT - 1):
            return f"<{SMALL_COUNT_LIMIT}"
        return f"{self.lo}–{self.hi}"

    def __str__(self) -> str:
        return self.text


# A summary figure's name is a Message: its English in CSV and XLSX, both languages in PDF.
Cell = str | int | date | Withheld | Message | None


@dataclass(frozen=True)
class Table:
    name: str  # the XLSX sheet name and the CSV --table value
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def column(self, key: str) -> list[Cell]:
        index = [c.key for c in self.columns].index(key)
        return [row[index] for row in self.rows]


@dataclass(frozen=True)
class Report:
    generated_at: datetime
    team: str
    suppressed: bool
    summary: Table
    batches: Table
    countries: Table
    period: Period = ALL_TIME
    apart: int = 0  # batches listed apart: dated less precisely than the period (docs/reports.md)

    @property
    def tables(self) -> tuple[Table, ...]:
        return (self.summary, self.batches, self.countries)

    def table(self, name: str) -> Table:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)

    def batches_apart(self, apart: bool = True) -> Table:
        """The batch rows listed apart (or, ``apart=False``, those counted in the period)."""
        keys = [c.key for c in self.batches.columns]
        if "counted" not in keys:
            return self.batches if not apart else Table(*_named(self.batches), ())
        at = keys.index("counted")
        rows = tuple(row for row in self.batches.rows if _is_apart(row[at]) == apart)
        return Table(*_named(self.batches), rows)


def _named(table: Table) -> tuple[str, str, tuple[Column, ...]]:
    return table.name, table.title, table.columns


def _is_apart(cell: Cell) -> bool:
    return isinstance(cell, Message) and cell.code == "period_apart"


def _c(key: str, hxl: str, kind: Kind = Kind.COUNT, label: str | None = None) -> Column:
    """A column headed by its field's label (``messages.fields``), or by ``label`` where the
    report says something a form does not."""
    return Column(key, label or FIELD_LABELS[key], hxl, kind)


_BAND_HXL = {
    "f_0_4": "#affected+f+children+age0_4",
    "f_5_11": "#affected+f+children+age5_11",
    "f_12_17": "#affected+f+children+age12_17",
    "f_18_59": "#affected+f+adults+age18_59",
    "f_60_plus": "#affected+f+elderly+age60plus",
    "m_0_4": "#affected+m+children+age0_4",
    "m_5_11": "#affected+m+children+age5_11",
    "m_12_17": "#affected+m+children+age12_17",
    "m_18_59": "#affected+m+adults+age18_59",
    "m_60_plus": "#affected+m+elderly+age60plus",
}
_PEOPLE_COLUMNS = (
    _c("people", "#affected+ind"),
    _c("women", "#affected+f+adults"),
    _c("men", "#affected+m+adults"),
    _c("girls", "#affected+f+children"),
    _c("boys", "#affected+m+children"),
    _c("children", "#affected+children", label="Children"),
    _c("adults", "#affected+adults", label="Adults"),
    _c("unaccompanied", "#affected+children+unaccompanied"),
    _c("separated", "#affected+children+separated"),
)
_COUNTRY_COLUMNS = (
    _c("country", "#country+code", Kind.TEXT, "Country code"),
    _c("name_en", "#country+name+i_en", Kind.TEXT, FIELD_LABELS["country"]),
    _c("name_ar", "#country+name+i_ar", Kind.TEXT, "Country (Arabic)"),
)
# Free text that may name a person; left out of shared reports (see docs/reports.md).
PRIVATE_COLUMNS = frozenset({"escort", "note"})

BATCH_COLUMNS: tuple[Column, ...] = (
    *_COUNTRY_COLUMNS,
    _c("departure_date", "#date+occurred", Kind.DATE),
    _c("status", "#status+code", Kind.TEXT),
    _c("ref", "#event+code", Kind.TEXT),
    _c("families", "#affected+hh"),
    *_PEOPLE_COLUMNS,
    _c("min_age", "#x_age+children+min", Kind.NUMBER, "Youngest child (age)"),
    _c("max_age", "#x_age+children+max", Kind.NUMBER, "Oldest child (age)"),
    *(_c(band, _BAND_HXL[band]) for band, _ in AGE_BANDS),
    _c("destination", "#loc+dest+name", Kind.TEXT),
    _c("agency", "#org+name", Kind.TEXT),
    _c("escort", "#org+name+escort", Kind.TEXT),
    _c("source", "#meta+source", Kind.TEXT),
    _c("source_date", "#date+reported", Kind.DATE),
    _c("note", "#description", Kind.TEXT),
    _c("id", "#meta+id", Kind.TEXT, "Batch id"),
)
COUNTRY_SUMMARY_COLUMNS: tuple[Column, ...] = (
    *_COUNTRY_COLUMNS,
    _c("status", "#status+code", Kind.TEXT, "Current status"),
    _c("status_date", "#date+reported", Kind.DATE, "Status date"),
    _c("status_source", "#meta+source", Kind.TEXT, "Status source"),
    _c("batches", "#indicator+num+batches", Kind.NUMBER, "Batches repatriated"),
    _c("pending", "#indicator+num+batches+pending", Kind.NUMBER, "Batches not yet departed"),
    _c("latest_departure", "#date+occurred", Kind.DATE, "Latest departure"),
    *_PEOPLE_COLUMNS,
)
# Every row of the batch and country tables says which period it was reported for, and a
# batch row whether it is counted in it: a CSV holds one table and no room above it, and
# these columns keep our own reports importable by their hashtags (docs/reports.md).
PERIOD_COLUMN = _c("period", "#meta+period", Kind.TEXT, "Report period")
BATCH_PERIOD_COLUMNS: tuple[Column, ...] = (
    PERIOD_COLUMN,
    _c("counted", "#meta+counted", Kind.TEXT, "Counted in the period"),
)
COUNTRY_PERIOD_COLUMNS: tuple[Column, ...] = (
    PERIOD_COLUMN,
    _c("apart", "#indicator+num+batches+apart", Kind.NUMBER, "Batches listed apart"),
)
SUMMARY_COLUMNS: tuple[Column, ...] = (
    _c("figure", "#indicator+name", Kind.TEXT, "Figure"),
    _c("value", "#indicator+value+num", label="Value"),
    _c("about", "#meta+source", Kind.TEXT, "Source or note"),
)


# --- suppression -------------------------------------------------------------------


def _leaf(value: int, suppress: bool) -> Span:
    if suppress and 0 < value < SMALL_COUNT_LIMIT:
        return (1, SMALL_COUNT_LIMIT - 1)
    return (value, value)


def _add(*spans: Span | None) -> Span:
    return (sum(s[0] for s in spans if s), sum(s[1] for s in spans if s))


def shown(span: Span | None) -> int | Withheld | None:
    """The cell for a count: the number when it is known exactly, else what is withheld."""
    if span is None:
        return None
    return span[0] if span[0] == span[1] else Withheld(*span)


def batch_spans(batch: Batch, *, suppress: bool) -> dict[str, Span | None]:
    """Every count of one batch as a reader of the report can know it."""
    spans: dict[str, Span | None] = {}
    for band, _ in AGE_BANDS:
        value = getattr(batch, band)
        spans[band] = None if value is None else _leaf(value, suppress)
    for sex in ("women", "men", "girls", "boys"):
        bands = [band for band, owner in AGE_BANDS if owner == sex]
        given = [getattr(batch, band) for band in bands]
        if any(v is not None for v in given) and sum(v or 0 for v in given) == getattr(batch, sex):
            # The sex total is the sum of its bands: shown from them, never on its own.
            spans[sex] = _add(*(spans[band] for band in bands))
        else:
            spans[sex] = _leaf(getattr(batch, sex), suppress)
    spans["children"] = _add(spans["girls"], spans["boys"])
    spans["adults"] = _add(spans["women"], spans["men"])
    spans["people"] = _add(spans["children"], spans["adults"])
    spans["families"] = None if batch.families is None else _leaf(batch.families, suppress)
    spans["unaccompanied"] = _leaf(batch.unaccompanied, suppress)
    spans["separated"] = _leaf(batch.separated, suppress)
    return spans


def _sum_spans(spans: Iterable[Mapping[str, Span | None]], keys: Iterable[str]) -> dict[str, Span]:
    rows = list(spans)
    return {key: _add(*(row[key] for row in rows)) for key in keys}


# --- tables ------------------------------------------------------------------------


def _day(text: str | None) -> date | str | None:
    """A day as a date cell; a month or a year stays its ISO text ("2024-05"), since a date
    cell would make up a day (docs/dates.md)."""
    if not text:
        return None
    return parse_date(text) or text


def _counted(batch: Batch, apart: frozenset[str]) -> Message:
    if batch.id in apart:
        words = date_words(batch.departure_date)
        return Message("period_apart", {"date": batch.departure_date, "words": words})
    return Message("period_counted")


def _batches_table(
    batches: Sequence[Batch],
    spans: Mapping[str, Mapping[str, Span | None]],
    names: Mapping[str, tuple[str, str]],
    columns: tuple[Column, ...],
    period: Period = ALL_TIME,
    apart: frozenset[str] = frozenset(),
) -> Table:
    rows = []
    for batch in batches:
        name_en, name_ar = names.get(batch.country, (batch.country, ""))
        values: dict[str, Cell] = {
            **batch.to_row(),
            "name_en": name_en,
            "name_ar": name_ar,
            "departure_date": _day(batch.departure_date),
            "source_date": _day(batch.source_date),
            "period": period.code,
            "counted": _counted(batch, apart),
        }
        for key, span in spans[batch.id].items():
            values[key] = shown(span)
        rows.append(tuple(values[c.key] for c in columns))
    return Table("Batches", "Repatriation batches", columns, tuple(rows))


_PEOPLE_KEYS = tuple(c.key for c in _PEOPLE_COLUMNS)


def _by_country(batches: Sequence[Batch]) -> Counter[str]:
    return Counter(batch.country for batch in batches)


def _countries_table(
    ws: Workspace,
    batches: Sequence[Batch],
    spans: Mapping[str, Mapping[str, Span | None]],
    period: Period = ALL_TIME,
    apart: Sequence[Batch] = (),
) -> Table:
    current = {row.iso3: row for row in ws.countries.overview()}
    by_country: dict[str, list[Batch]] = {}
    for batch in batches:
        by_country.setdefault(batch.country, []).append(batch)
    apart_of = _by_country(apart)
    present = set(by_country) | set(apart_of)  # a country with a batch in or apart
    rows = []
    for iso3, row in current.items():
        mine = by_country.get(iso3, [])
        if row.status is None and iso3 not in present:
            continue
        moved = [b for b in mine if b.status in REPATRIATED]
        sums = _sum_spans((spans[b.id] for b in moved), _PEOPLE_KEYS)
        values: dict[str, Cell] = {
            "country": iso3,
            "name_en": row.name_en,
            "name_ar": row.name_ar,
            "status": row.status,
            "status_date": _day(row.status_date),
            "status_source": row.status_source,
            "batches": len(moved),
            "pending": sum(1 for b in mine if b.status in PENDING),
            "latest_departure": _day(max((b.departure_date for b in moved), default=None)),
            **{key: shown(span) for key, span in sums.items()},
            "period": period.code,
            "apart": apart_of.get(iso3, 0),
        }
        rows.append(tuple(values[c.key] for c in _COUNTRY_TABLE_COLUMNS))
    return Table("Countries", "Country summary", _COUNTRY_TABLE_COLUMNS, tuple(rows))


_COUNTRY_TABLE_COLUMNS = (*COUNTRY_SUMMARY_COLUMNS, *COUNTRY_PERIOD_COLUMNS)


def _apart_rows(
    apart: Sequence[Batch], spans: Mapping[str, Mapping[str, Span | None]]
) -> list[tuple[Cell, ...]]:
    """Repatriated batches dated less precisely than the period, by their date: counted
    on lines of their own, never in the period's figures."""
    by_date: dict[str, list[Batch]] = {}
    for batch in apart:
        if batch.status in REPATRIATED:
            by_date.setdefault(batch.departure_date, []).append(batch)
    rows: list[tuple[Cell, ...]] = []
    for text in sorted(by_date):
        moved = by_date[text]
        words = {"date": text, "words": date_words(text)}
        people = _sum_spans((spans[b.id] for b in moved), ("people",))["people"]
        about = Message("about_apart")
        rows.append((Message("figure_apart_batches", words), len(moved), about))
        rows.append((Message("figure_apart_people", words), shown(people), about))
    return rows


def _summary_table(
    ws: Workspace,
    batches: Sequence[Batch],
    spans: Mapping[str, Mapping[str, Span | None]],
    suppress: bool,
    apart: Sequence[Batch] = (),
) -> Table:
    figures = overview.stats(ws)
    countries = figures.countries
    rows: list[tuple[Cell, ...]] = [
        (Message("figure_countries_tracked"), countries.tracked, None),
        (Message("figure_countries_started"), countries.started_repatriating, None),
    ]
    rows += [(_with_status(status), count, None) for status, count in countries.by_status.items()]
    rows.append((Message("figure_countries_without_status"), countries.without_status, None))
    moved = [b for b in batches if b.status in REPATRIATED]
    rows.append((Message("figure_batches_repatriated"), len(moved), Message("about_repatriated")))
    keys = (*_PEOPLE_KEYS, *(band for band, _ in AGE_BANDS))
    sums = _sum_spans((spans[b.id] for b in moved), keys)
    labels = {c.key: c.label for c in (*_PEOPLE_COLUMNS, *BATCH_COLUMNS)}
    for key in keys:
        figure = Message("figure_repatriated", {"label": labels[key], "field": key})
        rows.append((figure, shown(sums[key]), None))
    rows += _apart_rows(apart, spans)
    for estimate in figures.camp_estimates:
        about = f"{estimate.source}, {estimate.estimate_date}"
        for key, code in (
            ("total", "figure_camp_population"),
            ("countries", "figure_camp_countries"),
            ("countries_repatriating", "figure_camp_repatriating"),
        ):
            if getattr(estimate, key) is not None:
                value = getattr(estimate, key)
                cell = value if key != "total" else shown(_leaf(value, suppress))
                rows.append((Message(code), cell, about))
    return Table("Summary", "Summary", SUMMARY_COLUMNS, tuple(rows))


def _with_status(status: str) -> Message:
    words = status.replace("_", " ")
    return Message("figure_countries_with_status", {"status": status, "status_words": words})


def build_report(
    ws: Workspace,
    *,
    suppress_small: bool = False,
    now: datetime | None = None,
    period: Period = ALL_TIME,
) -> Report:
    """The three tables of the monthly report for ``period``, read in one snapshot of the
    database. Batches dated less precisely than the period that may fall in it (dated 2024
    only, in a report for May 2024) are listed apart: at the end of the batch table, marked
    not counted, and on summary lines of their own; never in the period's figures."""
    with ws.db.atomic():  # one read transaction: the tables agree with each other
        batches = ws.batches.listed(period=period)
        apart = ws.batches.listed(period=period, apart=True)
        names = {c.iso3: (c.name_en, c.name_ar) for c in ws.countries.listed()}
        spans = {b.id: batch_spans(b, suppress=suppress_small) for b in (*batches, *apart)}
        columns = tuple(
            c for c in BATCH_COLUMNS if not (suppress_small and c.key in PRIVATE_COLUMNS)
        )
        batch_table = _batches_table(
            [*batches, *apart],
            spans,
            names,
            (*columns, *BATCH_PERIOD_COLUMNS),
            period,
            frozenset(b.id for b in apart),
        )
        countries = _countries_table(ws, batches, spans, period, apart)
        summary = _summary_table(ws, batches, spans, suppress_small, apart)
    return Report(
        generated_at=now or datetime.now(UTC).replace(microsecond=0),
        team=ws.device.team,
        suppressed=suppress_small,
        summary=summary,
        batches=batch_table,
        countries=countries,
        period=period,
        apart=len(apart),
    )


def as_text(cell: Cell) -> str:
    """How a cell reads in a text file (CSV) or a PDF."""
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def describe(report: Report) -> dict[str, Any]:
    """A short account of what a report holds, for the command line and the log."""
    return {
        "batches": len(report.batches.rows),
        "countries": len(report.countries.rows),
        "suppressed": report.suppressed,
        "period": report.period.code,
        "apart": report.apart,
    }
