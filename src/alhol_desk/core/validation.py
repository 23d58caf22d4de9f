"""Every rule a record must meet, declared once and used by forms, CLI and bundle import alike."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum, auto
from typing import Any, TypeVar

from .errors import Issue, Severity
from .records import (
    AGE_BANDS,
    BATCH_STATUSES,
    CONFIDENCE_LEVELS,
    COUNTRY_STATUSES,
    Batch,
    Estimate,
    Record,
    StatusEvent,
)

MAX_COUNT = 1_000_000
MAX_CHILD_AGE = 17
TEXT_LIMIT = 300
NOTE_LIMIT = 4000
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Arabic-Indic and Eastern Arabic-Indic digits, as an Arabic keyboard types them, read as
# the digits they are; every other non-ASCII digit is refused.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class Kind(Enum):
    COUNT = auto()
    AGE = auto()
    DATE = auto()
    TEXT = auto()
    NOTE = auto()
    CHOICE = auto()
    COUNTRY = auto()
    FLAG = auto()  # 0 or 1 (deleted)


@dataclass(frozen=True)
class FieldSpec:
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()


def _counts(*names: str) -> dict[str, FieldSpec]:
    return {name: FieldSpec(Kind.COUNT) for name in names}


BATCH_FIELDS: dict[str, FieldSpec] = {
    "country": FieldSpec(Kind.COUNTRY, required=True),
    "status": FieldSpec(Kind.CHOICE, required=True, choices=BATCH_STATUSES),
    "departure_date": FieldSpec(Kind.DATE, required=True),
    "ref": FieldSpec(Kind.TEXT),
    **_counts("families", "women", "men", "girls", "boys", "children", "adults"),
    "min_age": FieldSpec(Kind.AGE),
    "max_age": FieldSpec(Kind.AGE),
    **_counts("unaccompanied", "separated", *(band for band, _ in AGE_BANDS)),
    "destination": FieldSpec(Kind.TEXT),
    "agency": FieldSpec(Kind.TEXT),
    "escort": FieldSpec(Kind.TEXT),
    "source": FieldSpec(Kind.TEXT),
    "source_date": FieldSpec(Kind.DATE),
    "note": FieldSpec(Kind.NOTE),
    "deleted": FieldSpec(Kind.FLAG),
}

STATUS_EVENT_FIELDS: dict[str, FieldSpec] = {
    "country": FieldSpec(Kind.COUNTRY, required=True),
    "status": FieldSpec(Kind.CHOICE, required=True, choices=COUNTRY_STATUSES),
    "event_date": FieldSpec(Kind.DATE, required=True),
    "source": FieldSpec(Kind.TEXT, required=True),
    "note": FieldSpec(Kind.NOTE),
    "deleted": FieldSpec(Kind.FLAG),
}

ESTIMATE_FIELDS: dict[str, FieldSpec] = {
    "country": FieldSpec(Kind.COUNTRY),
    "estimate_date": FieldSpec(Kind.DATE, required=True),
    "source": FieldSpec(Kind.TEXT, required=True),
    **_counts("women", "men", "girls", "boys", "total", "countries", "countries_repatriating"),
    "confidence": FieldSpec(Kind.CHOICE, choices=CONFIDENCE_LEVELS),
    "note": FieldSpec(Kind.NOTE),
    "deleted": FieldSpec(Kind.FLAG),
}

FIELDS_BY_TABLE: dict[str, dict[str, FieldSpec]] = {
    Batch.TABLE: BATCH_FIELDS,
    StatusEvent.TABLE: STATUS_EVENT_FIELDS,
    Estimate.TABLE: ESTIMATE_FIELDS,
}


def _error(field: str, code: str, **params: Any) -> Issue:
    return Issue(field, code, params, Severity.ERROR)


def _warning(field: str, code: str, **params: Any) -> Issue:
    return Issue(field, code, params, Severity.WARNING)


def parse_date(text: str) -> date | None:
    """A strict ISO date (YYYY-MM-DD) or None; Python's fromisoformat alone accepts too much."""
    if not _DATE_RE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def coerce_value(name: str, spec: FieldSpec, raw: Any) -> tuple[Any, Issue | None]:
    """Turn typed or imported input into the stored value, or say why it cannot be."""
    if type(raw) is int and spec.kind is Kind.COUNT and 0 <= raw <= MAX_COUNT:
        return raw, None  # the common case of bulk loads and imports, decided at once
    if isinstance(raw, str):
        raw = raw.strip()
        if raw == "":
            raw = None
        elif spec.kind in (Kind.COUNT, Kind.AGE, Kind.DATE):
            raw = raw.translate(_DIGITS)
    if raw is None:
        return None, (_error(name, "required") if spec.required else None)
    if spec.kind is Kind.FLAG:
        if type(raw) is int and raw in (0, 1):
            return raw, None
        if isinstance(raw, str) and raw in ("0", "1"):
            return int(raw), None
        return None, _error(name, "unknown_choice", value=raw, choices="0, 1")

    if spec.kind in (Kind.COUNT, Kind.AGE):
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            return None, _error(name, "not_whole_number", value=raw)
        if isinstance(raw, str):
            if not re.fullmatch(r"[+-]?[0-9]{1,9}", raw):
                return None, _error(name, "not_whole_number", value=raw)
            raw = int(raw)
        if spec.kind is Kind.AGE:
            if not 0 <= raw <= MAX_CHILD_AGE:
                return None, _error(name, "age_range")
        elif raw < 0:
            return None, _error(name, "negative")
        elif raw > MAX_COUNT:
            return None, _error(name, "too_large", limit=MAX_COUNT)
        return raw, None

    if not isinstance(raw, str):
        return None, _error(name, "not_text")
    if spec.kind is Kind.DATE:
        if parse_date(raw) is None:
            return None, _error(name, "bad_date")
        return raw, None
    if spec.kind is Kind.CHOICE:
        value = raw.lower()
        if value not in spec.choices:
            return None, _error(name, "unknown_choice", value=raw, choices=", ".join(spec.choices))
        return value, None
    if spec.kind is Kind.COUNTRY:
        return raw.upper(), None
    limit = NOTE_LIMIT if spec.kind is Kind.NOTE else TEXT_LIMIT
    if len(raw) > limit:
        return None, _error(name, "too_long", length=len(raw), limit=limit)
    if _CONTROL_RE.search(raw if spec.kind is Kind.NOTE else raw.replace("\t", " ")) or (
        spec.kind is not Kind.NOTE and "\n" in raw
    ):
        return None, _error(name, "control_characters")
    return raw, None


R = TypeVar("R", bound=Record)


def apply_input(record: R, raw: Mapping[str, Any]) -> tuple[R, list[Issue]]:
    """Coerce the given fields onto ``record``; fields not given keep their values."""
    specs = FIELDS_BY_TABLE[record.TABLE]
    changes: dict[str, Any] = {}
    errors: list[Issue] = []
    for name, value in raw.items():
        spec = specs.get(name)
        if spec is None:
            raise KeyError(f"{record.TABLE} has no field {name!r}")
        coerced, issue = coerce_value(name, spec, value)
        if issue:
            errors.append(issue)
        elif coerced is None and name in _ZERO_DEFAULTS.get(record.TABLE, ()):
            changes[name] = 0
        else:
            changes[name] = coerced
    # Faster than dataclasses.replace, which matters for bulk loads.
    return type(record)(**(record.__dict__ | changes)), errors


# Counts that mean zero when left empty (the rest mean "not known").
_ZERO_DEFAULTS: dict[str, frozenset[str]] = {
    Batch.TABLE: frozenset(
        {"women", "men", "girls", "boys", "unaccompanied", "separated", "deleted"}
    ),
    StatusEvent.TABLE: frozenset({"deleted"}),
    Estimate.TABLE: frozenset({"deleted"}),
}


def never_null(table: str) -> frozenset[str]:
    """The columns that are never unknown in storage (a blank one is stored as 0)."""
    return _ZERO_DEFAULTS.get(table, frozenset())


_REQUIRED: dict[str, tuple[str, ...]] = {
    table: tuple(name for name, spec in specs.items() if spec.required)
    for table, specs in FIELDS_BY_TABLE.items()
}
_BANDS_OF: dict[str, tuple[str, ...]] = {
    total: tuple(band for band, owner in AGE_BANDS if owner == total)
    for total in ("girls", "boys", "women", "men")
}


def _check_required(record: Record, errors: list[Issue]) -> None:
    missing = [name for name in _REQUIRED[record.TABLE] if getattr(record, name) in (None, "")]
    if missing:
        already = {issue.field for issue in errors}
        errors.extend(_error(name, "required") for name in missing if name not in already)


def _check_country(
    record: Record, field: str, is_known_country: Callable[[str], bool], errors: list[Issue]
) -> None:
    value = getattr(record, field)
    if value and not any(i.field == field for i in errors) and not is_known_country(value):
        errors.append(_error(field, "unknown_country", value=value))


def _check_not_future(
    field: str, value: str | None, today: date, what: str, errors: list[Issue]
) -> None:
    parsed = parse_date(value) if value else None
    if parsed and parsed > today and not any(i.field == field for i in errors):
        errors.append(_error(field, "future_date", value=value, what=what))


def check_batch(
    batch: Batch,
    *,
    today: date,
    is_known_country: Callable[[str], bool],
    errors: Iterable[Issue] = (),
) -> list[Issue]:
    """All rules for one batch; returns errors and warnings (see ``Issue.severity``)."""
    issues = list(errors)
    _check_required(batch, issues)
    _check_country(batch, "country", is_known_country, issues)
    bad = {issue.field for issue in issues}

    if (
        batch.status != "cancelled"
        and batch.people == 0
        and not bad & {"women", "men", "girls", "boys"}
    ):
        issues.append(_error("boys" if batch.girls == 0 else "girls", "no_people"))
    if (
        batch.children is not None
        and batch.children != batch.child_count
        and not bad & {"children", "girls", "boys"}
    ):
        issues.append(
            _error(
                "children",
                "total_mismatch",
                value=batch.children,
                parts="girls + boys",
                expected=batch.child_count,
            )
        )
    adults = batch.women + batch.men
    if batch.adults is not None and batch.adults != adults and not bad & {"adults", "women", "men"}:
        issues.append(
            _error(
                "adults", "total_mismatch", value=batch.adults, parts="women + men", expected=adults
            )
        )
    for total, bands in _BANDS_OF.items():
        given = [getattr(batch, band) for band in bands]
        if given.count(None) != len(given) and not bad & {total, *bands}:
            expected = sum(v or 0 for v in given)
            if expected != getattr(batch, total):
                issues.append(
                    _error(total, "bands_mismatch", value=getattr(batch, total), expected=expected)
                )

    if batch.child_count == 0:
        for age in ("min_age", "max_age"):
            if getattr(batch, age) is not None and age not in bad:
                issues.append(_error(age, "ages_without_children"))
    elif batch.min_age is not None and batch.max_age is not None and batch.min_age > batch.max_age:
        issues.append(_error("min_age", "age_order", min_age=batch.min_age, max_age=batch.max_age))
    if batch.unaccompanied + batch.separated > batch.child_count and not bad & {
        "unaccompanied",
        "separated",
        "girls",
        "boys",
    }:
        issues.append(
            _error(
                "unaccompanied",
                "too_many_children_flagged",
                unaccompanied=batch.unaccompanied,
                separated=batch.separated,
                children=batch.child_count,
            )
        )
    if batch.families is not None and batch.families > batch.people and "families" not in bad:
        issues.append(
            _error("families", "families_exceed_people", value=batch.families, people=batch.people)
        )
    if batch.status == "received":
        _check_not_future("departure_date", batch.departure_date, today, "a received batch", issues)
        if not batch.source:
            issues.append(_warning("source", "received_without_source"))
    _check_not_future("source_date", batch.source_date, today, "a source", issues)
    return issues


def check_status_event(
    event: StatusEvent,
    *,
    today: date,
    is_known_country: Callable[[str], bool],
    errors: Iterable[Issue] = (),
) -> list[Issue]:
    issues = list(errors)
    _check_required(event, issues)
    _check_country(event, "country", is_known_country, issues)
    _check_not_future("event_date", event.event_date, today, "a status event", issues)
    return issues


def check_estimate(
    estimate: Estimate,
    *,
    today: date,
    is_known_country: Callable[[str], bool],
    errors: Iterable[Issue] = (),
) -> list[Issue]:
    issues = list(errors)
    _check_required(estimate, issues)
    _check_country(estimate, "country", is_known_country, issues)
    _check_not_future("estimate_date", estimate.estimate_date, today, "an estimate", issues)
    parts = [estimate.women, estimate.men, estimate.girls, estimate.boys]
    figures = [*parts, estimate.total, estimate.countries, estimate.countries_repatriating]
    bad = {issue.field for issue in issues}
    if all(v is None for v in figures) and not bad & set(ESTIMATE_FIELDS):
        issues.append(_error("total", "no_figure"))
    if estimate.total is not None and "total" not in bad:
        known = sum(v or 0 for v in parts)
        if known > estimate.total:
            issues.append(
                _error("total", "parts_exceed_total", value=estimate.total, expected=known)
            )
    if (
        estimate.countries is not None
        and estimate.countries_repatriating is not None
        and estimate.countries_repatriating > estimate.countries
        and not bad & {"countries", "countries_repatriating"}
    ):
        issues.append(
            _error(
                "countries_repatriating",
                "part_exceeds_whole",
                value=estimate.countries_repatriating,
                whole=estimate.countries,
            )
        )
    return issues


def check_record(
    record: Record,
    *,
    today: date,
    is_known_country: Callable[[str], bool],
    errors: Iterable[Issue] = (),
) -> list[Issue]:
    """Dispatch to the rules of the record's kind."""
    if isinstance(record, Batch):
        return check_batch(record, today=today, is_known_country=is_known_country, errors=errors)
    if isinstance(record, StatusEvent):
        return check_status_event(
            record, today=today, is_known_country=is_known_country, errors=errors
        )
    if isinstance(record, Estimate):
        return check_estimate(record, today=today, is_known_country=is_known_country, errors=errors)
    raise TypeError(f"no rules for {type(record).__name__}")


def split(issues: Iterable[Issue]) -> tuple[list[Issue], list[Issue]]:
    """(errors, warnings)."""
    errors: list[Issue] = []
    warnings: list[Issue] = []
    for issue in issues:
        (errors if issue.severity is Severity.ERROR else warnings).append(issue)
    return errors, warnings
