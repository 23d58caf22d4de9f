"""The records the tool keeps, as plain dataclasses (no SQL, no Qt)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Self

BATCH_STATUSES = ("planned", "confirmed", "departed", "received", "cancelled")
COUNTRY_STATUSES = ("not_engaged", "in_talks", "initiated", "ongoing", "completed", "suspended")
CONFIDENCE_LEVELS = ("low", "medium", "high")
ROLES = ("field", "hq")
NAME_MAX_LENGTH = 100
# C0 and C1 control characters: the bundle schema's team pattern is the same rule.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def name_problem(name: object, what: str) -> str | None:
    """The one rule for a team's or a person's name, wherever it is typed or read: 1 to
    100 characters, no control characters (they would travel in cards and bundles)."""
    if not isinstance(name, str) or not name.strip():
        return f"{what}: is required"
    if len(name) > NAME_MAX_LENGTH:
        return f"{what}: is too long (at most {NAME_MAX_LENGTH} characters)"
    if _CONTROL.search(name):
        return f"{what}: contains control characters (a tab or a new line)"
    return None


# Sex-by-age bands: (column, sex total it must add up to).
AGE_BANDS: tuple[tuple[str, str], ...] = (
    ("f_0_4", "girls"),
    ("f_5_11", "girls"),
    ("f_12_17", "girls"),
    ("f_18_59", "women"),
    ("f_60_plus", "women"),
    ("m_0_4", "boys"),
    ("m_5_11", "boys"),
    ("m_12_17", "boys"),
    ("m_18_59", "men"),
    ("m_60_plus", "men"),
)


@dataclass
class Record:
    """Common shape: a UUID key, a soft-delete flag, conversion to and from rows."""

    TABLE: ClassVar[str]

    id: str

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        return _columns(cls)

    @classmethod
    def synced_columns(cls) -> tuple[str, ...]:
        """The columns that travel in bundles (all but the key)."""
        return _columns(cls)[1:]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        names = _columns(cls)
        return cls(**{k: v for k, v in row.items() if k in names})

    def to_row(self) -> dict[str, Any]:
        # Fields are flat scalars, so a shallow copy is the row (asdict deep-copies, slowly).
        return dict(self.__dict__)


_COLUMNS: dict[type[Record], tuple[str, ...]] = {}


def _columns(cls: type[Record]) -> tuple[str, ...]:
    names = _COLUMNS.get(cls)
    if names is None:
        names = _COLUMNS[cls] = tuple(f.name for f in fields(cls))
        assert names[0] == "id"
    return names


@dataclass
class Batch(Record):
    """A group of people handed over to one country on one date."""

    TABLE: ClassVar[str] = "batches"

    country: str = ""
    status: str = "planned"
    departure_date: str = ""
    ref: str | None = None
    families: int | None = None
    women: int = 0
    men: int = 0
    girls: int = 0
    boys: int = 0
    children: int | None = (
        None  # the total written on the handover sheet, checked against girls + boys
    )
    adults: int | None = None  # likewise for women + men
    min_age: int | None = None
    max_age: int | None = None
    unaccompanied: int = 0
    separated: int = 0
    f_0_4: int | None = None
    f_5_11: int | None = None
    f_12_17: int | None = None
    f_18_59: int | None = None
    f_60_plus: int | None = None
    m_0_4: int | None = None
    m_5_11: int | None = None
    m_12_17: int | None = None
    m_18_59: int | None = None
    m_60_plus: int | None = None
    destination: str | None = None
    agency: str | None = None
    escort: str | None = None
    source: str | None = None
    source_date: str | None = None
    note: str | None = None
    deleted: int = 0

    @property
    def people(self) -> int:
        return self.women + self.men + self.girls + self.boys

    @property
    def child_count(self) -> int:
        return self.girls + self.boys


@dataclass
class StatusEvent(Record):
    """A dated, sourced fact about where one country stands."""

    TABLE: ClassVar[str] = "status_events"

    country: str = ""
    status: str = ""
    event_date: str = ""
    source: str = ""
    note: str | None = None
    deleted: int = 0


@dataclass
class Estimate(Record):
    """A sourced population figure for one country, or for the whole camp when country is None."""

    TABLE: ClassVar[str] = "estimates"

    country: str | None = None
    estimate_date: str = ""
    source: str = ""
    women: int | None = None
    men: int | None = None
    girls: int | None = None
    boys: int | None = None
    total: int | None = None
    countries: int | None = None
    countries_repatriating: int | None = None
    confidence: str | None = None
    note: str | None = None
    deleted: int = 0


SYNCED_RECORDS: dict[str, type[Record]] = {cls.TABLE: cls for cls in (Batch, StatusEvent, Estimate)}


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name_en: str
    name_ar: str
    name_ckb: str


@dataclass(frozen=True)
class Device:
    id: str
    team: str
    role: str
    is_self: bool = False
