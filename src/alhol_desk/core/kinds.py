"""The kinds of field a record holds, each reading what a person types and what a bundle carries.

Declared once per field in ``core/validation.py`` (as qutebrowser declares each option's
type in ``config/configtypes.py``). A kind reads typed text through ``read_text`` (digits as
an Arabic keyboard types them, case folded) and a value already in stored form through
``read_value`` (the JSON type a bundle or a bulk load carries); both end in the kind's limits.
``from_typed`` and ``from_bundle`` differ only in what "empty" means: a person leaves a
required field blank, a bundle's record is checked for required fields as a whole.
"""

from __future__ import annotations

import calendar
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date
from enum import Enum, IntEnum, auto
from typing import Any, ClassVar

from .errors import Issue, Severity

MAX_COUNT = 1_000_000
MAX_CHILD_AGE = 17
TEXT_LIMIT = 300
NOTE_LIMIT = 4000
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PARTIAL_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_WHOLE_RE = re.compile(r"[+-]?[0-9]{1,9}")
# Arabic-Indic and Eastern Arabic-Indic digits, as an Arabic keyboard types them, read as
# the digits they are; every other non-ASCII digit is refused.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

Read = tuple[Any, Issue | None]
"""The stored value, or None and the reason it cannot be one."""


class Kind(Enum):
    """The tag of a field's kind (the window picks an editor by it)."""

    COUNT = auto()
    AGE = auto()
    DATE = auto()
    TEXT = auto()
    NOTE = auto()
    CHOICE = auto()
    COUNTRY = auto()
    FLAG = auto()  # 0 or 1 (deleted)


def error(field: str, code: str, **params: Any) -> Issue:
    return Issue(field, code, params, Severity.ERROR)


def parse_date(text: str) -> date | None:
    """A strict ISO day (YYYY-MM-DD) or None; Python's fromisoformat alone accepts too much.

    For callers that need a day; a record's date may be a month or a year
    (``parse_partial_date``)."""
    if not _DATE_RE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


class Precision(IntEnum):
    """How much of a date a source gives."""

    YEAR = 1
    MONTH = 2
    DAY = 3


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day, as its source gives it.

    Stored as its ISO text (``2024``, ``2024-05``, ``2024-05-12``), which sorts as the dates
    do, a less precise date before the more precise dates inside it: 2024 < 2024-01 <
    2024-01-01 < 2024-01-02 < 2024-02 < 2025 (``sort_key`` is the same order). See
    docs/dates.md.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.YEAR if self.month is None else Precision.MONTH

    @property
    def text(self) -> str:
        """The stored form."""
        parts = [f"{self.year:04d}"]
        parts += [f"{part:02d}" for part in (self.month, self.day) if part is not None]
        return "-".join(parts)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def first_day(self) -> date:
        month = 1 if self.month is None else self.month
        return date(self.year, month, 1 if self.day is None else self.day)

    def last_day(self) -> date:
        if self.day is not None:
            return self.first_day()
        month = 12 if self.month is None else self.month
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def is_after(self, today: date) -> bool:
        """Whether all of this date is after ``today``: a later day, a later month than
        today's, a later year than today's. What is "in the future" at its precision."""
        return self.first_day() > today

    def __str__(self) -> str:
        return self.text


def parse_partial_date(text: str) -> PartialDate | None:
    """A strict ISO year, month or day (``2024``, ``2024-05``, ``2024-05-12``) or None."""
    found = _PARTIAL_DATE_RE.fullmatch(text)
    if not found:
        return None
    year, month, day = found.groups()
    parsed = PartialDate(int(year), _number(month), _number(day))
    try:
        parsed.first_day()  # refuses year 0, month 13, 30 February
    except ValueError:
        return None
    return parsed


def _number(digits: str | None) -> int | None:
    return None if digits is None else int(digits)


@dataclass(frozen=True, kw_only=True)
class FieldSpec(ABC):
    """One field: its kind, whether it is required, the values a choice allows."""

    kind: ClassVar[Kind]
    required: bool = False
    choices: tuple[str, ...] = ()

    def from_typed(self, name: str, raw: Any) -> Read:
        """What a person typed (or a number the CLI or a bulk load passes as it is)."""
        if isinstance(raw, str):
            text = raw.strip()
            if text:
                return self.read_text(name, text)
            raw = None
        if raw is None:
            return None, (error(name, "required") if self.required else None)
        return self.read_value(name, raw)

    def from_bundle(self, name: str, value: Any) -> Read:
        """What a bundle carries for one column; the caller refuses a value whose stored form
        differs from it. Required fields are checked on the whole record, not here."""
        if isinstance(value, str):
            text = value.strip()
            return self.read_text(name, text) if text else (None, None)
        if value is None:
            return None, None
        return self.read_value(name, value)

    @abstractmethod
    def read_text(self, name: str, text: str) -> Read:
        """Non-empty text without surrounding blanks, as typed."""

    def read_value(self, name: str, value: Any) -> Read:
        """A value that is not text (a JSON number, list, ...)."""
        return None, error(name, "not_text")


@dataclass(frozen=True, kw_only=True)
class Count(FieldSpec):
    """A number of people (or families): a whole number from 0 to MAX_COUNT."""

    kind = Kind.COUNT

    def read_text(self, name: str, text: str) -> Read:
        digits = text.translate(_DIGITS)
        if not _WHOLE_RE.fullmatch(digits):
            return None, error(name, "not_whole_number", value=digits)
        return self.check(name, int(digits))

    def read_value(self, name: str, value: Any) -> Read:
        if isinstance(value, bool) or not isinstance(value, int):
            return None, error(name, "not_whole_number", value=value)
        return self.check(name, value)

    def check(self, name: str, number: int) -> Read:
        if number < 0:
            return None, error(name, "negative")
        if number > MAX_COUNT:
            return None, error(name, "too_large", limit=MAX_COUNT)
        return number, None


@dataclass(frozen=True, kw_only=True)
class Age(Count):
    """A child's age in years, 0 to MAX_CHILD_AGE."""

    kind = Kind.AGE

    def check(self, name: str, number: int) -> Read:
        if not 0 <= number <= MAX_CHILD_AGE:
            return None, error(name, "age_range")
        return number, None


@dataclass(frozen=True, kw_only=True)
class Flag(FieldSpec):
    """0 or 1; typed as the digit, carried as the number."""

    kind = Kind.FLAG

    def read_text(self, name: str, text: str) -> Read:
        if text in ("0", "1"):
            return int(text), None
        return self._refuse(name, text)

    def read_value(self, name: str, value: Any) -> Read:
        if type(value) is int and value in (0, 1):
            return value, None
        return self._refuse(name, value)

    @staticmethod
    def _refuse(name: str, value: Any) -> Read:
        return None, error(name, "unknown_choice", value=value, choices="0, 1")


@dataclass(frozen=True, kw_only=True)
class Date(FieldSpec):
    """A date at its source's precision, stored as YYYY, YYYY-MM or YYYY-MM-DD."""

    kind = Kind.DATE

    def read_text(self, name: str, text: str) -> Read:
        digits = text.translate(_DIGITS)
        if parse_partial_date(digits) is None:
            return None, error(name, "bad_date")
        return digits, None


@dataclass(frozen=True, kw_only=True)
class Choice(FieldSpec):
    """One of ``choices``, stored in lower case."""

    kind = Kind.CHOICE

    def read_text(self, name: str, text: str) -> Read:
        value = text.lower()
        if value not in self.choices:
            return None, error(name, "unknown_choice", value=text, choices=", ".join(self.choices))
        return value, None


@dataclass(frozen=True, kw_only=True)
class Country(FieldSpec):
    """An ISO 3166 alpha-3 code, stored in upper case; whether the code is known is a rule
    of the whole record (it needs the country list)."""

    kind = Kind.COUNTRY

    def read_text(self, name: str, text: str) -> Read:
        return text.upper(), None


@dataclass(frozen=True, kw_only=True)
class Text(FieldSpec):
    """One line of at most TEXT_LIMIT characters, without control characters."""

    kind = Kind.TEXT
    limit: ClassVar[int] = TEXT_LIMIT
    one_line: ClassVar[bool] = True

    def read_text(self, name: str, text: str) -> Read:
        if len(text) > self.limit:
            return None, error(name, "too_long", length=len(text), limit=self.limit)
        if _CONTROL_RE.search(text) or (self.one_line and "\n" in text):
            return None, error(name, "control_characters")
        return text, None


@dataclass(frozen=True, kw_only=True)
class Note(Text):
    """Free text of several lines, at most NOTE_LIMIT characters."""

    kind = Kind.NOTE
    limit = NOTE_LIMIT
    one_line = False
