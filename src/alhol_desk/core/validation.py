"""Every rule a record must meet, declared once and used by forms, CLI and bundle import alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any, TypeVar

from .errors import Issue, Severity
from .kinds import (
    MAX_CHILD_AGE,
    MAX_COUNT,
    NOTE_LIMIT,
    TEXT_LIMIT,
    Age,
    Choice,
    Count,
    Country,
    Date,
    FieldSpec,
    Flag,
    Kind,
    Note,
    Read,
    Text,
    error,
    parse_date,
    parse_partial_date,
)
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

__all__ = [
    "MAX_CHILD_AGE",
    "MAX_COUNT",
    "NOTE_LIMIT",
    "TEXT_LIMIT",
    "FieldSpec",
    "Kind",
    "parse_date",
    "parse_partial_date",
]


def _counts(*names: str) -> dict[str, FieldSpec]:
    return {name: Count() for name in names}


BATCH_FIELDS: dict[str, FieldSpec] = {
    "country": Country(required=True),
    "status": Choice(required=True, choices=BATCH_STATUSES),
    "departure_date": Date(required=True),
    "ref": Text(),
    **_counts("families", "women", "men", "girls", "boys", "children", "adults"),
    "min_age": Age(),
    "max_age": Age(),
    **_counts("unaccompanied", "separated", *(band for band, _ in AGE_BANDS)),
    "destination": Text(),
    "agency": Text(),
    "escort": Text(),
    "source": Text(),
    "source_date": Date(),
    "note": Note(),
    "deleted": Flag(),
}

STATUS_EVENT_FIELDS: dict[str, FieldSpec] = {
    "country": Country(required=True),
    "status": Choice(required=True, choices=COUNTRY_STATUSES),
    "event_date": Date(required=True),
    "source": Text(required=True),
    "note": Note(),
    "deleted": Flag(),
}

ESTIMATE_FIELDS: dict[str, FieldSpec] = {
    "country": Country(),
    "estimate_date": Date(required=True),
    "source": Text(required=True),
    **_counts("women", "men", "girls", "boys", "total", "countries", "countries_repatriating"),
    "confidence": Choice(choices=CONFIDENCE_LEVELS),
    "note": Note(),
    "deleted": Flag(),
}

FIELDS_BY_TABLE: dict[str, dict[str, FieldSpec]] = {
    Batch.TABLE: BATCH_FIELDS,
    StatusEvent.TABLE: STATUS_EVENT_FIELDS,
    Estimate.TABLE: ESTIMATE_FIELDS,
}


def _warning(field: str, code: str, **params: Any) -> Issue:
    return Issue(field, code, params, Severity.WARNING)


def coerce_value(name: str, spec: FieldSpec, raw: Any) -> Read:
    """Turn what a person typed into the stored value, or say why it cannot be."""
    return spec.from_typed(name, raw)


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
        coerced, issue = spec.from_typed(name, value)
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
        errors.extend(error(name, "required") for name in missing if name not in already)


def _check_country(
    record: Record, field: str, is_known_country: Callable[[str], bool], errors: list[Issue]
) -> None:
    value = getattr(record, field)
    if value and not any(i.field == field for i in errors) and not is_known_country(value):
        errors.append(error(field, "unknown_country", value=value))


def _not_future(
    field: str, value: str | None, today: date, what: str, bad: Iterable[str]
) -> Iterator[Issue]:
    # At its precision: a month date is in the future from the next month on, a year date
    # from the next year on (docs/dates.md).
    parsed = parse_partial_date(value) if value else None
    if parsed and parsed.is_after(today) and field not in bad:
        yield error(field, "future_date", value=value, what=what)


def _fields_of(issues: Iterable[Issue]) -> set[str]:
    return {issue.field for issue in issues}


# --- the rules of a batch, one function each --------------------------------------------
# Each gets the batch, the fields already refused (a rule that reads one of them says
# nothing: the person fixes that field first) and today's date.
BatchRule = Callable[[Batch, set[str], date], Iterable[Issue]]


def _someone_travels(batch: Batch, bad: set[str], today: date) -> Iterator[Issue]:
    if batch.status != "cancelled" and batch.people == 0 and not bad & _SEXES:
        yield error("boys" if batch.girls == 0 else "girls", "no_people")


def _children_add_up(batch: Batch, bad: set[str], today: date) -> Iterator[Issue]:
    if batch.children is None or bad & {"children", "girls", "boys"}:
        return
    if batch.children != batch.child_count:
        yield error(
            "children",
            "total_mismatch",
            value=batch.children,
            parts="girls + boys",
            expected=batch.child_count,
        )


def _adults_add_up(batch: Batch, bad: set[str], today: date) -> Iterator[Issue]:
    adults = batch.women + batch.men
    if batch.adults is not None and batch.adults != adults and not bad & {"adults", "women", "men"}:
        yield error(
            "adults", "total_mismatch", value=batch.adults, parts="women + men", expected=adults
        )


def _bands_add_up(batch: Batch, bad: set[str], today: date) -> Iterator[Issue]:
    for total, bands in _BANDS_OF.items():
        given = [getattr(batch, band) for band in bands]
        if given.count(None) == len(given) or bad & {total, *bands}:
            continue
        expected = sum(v or 0 for v in given)
        if expected != getattr(batch, total):
            yield error(total, "bands_mismatch", value=getattr(batch, total), expected=expected)


def _ages_fit_children(batch: Batch, bad: set[str], today: date) -> Iterator[Issue]:
    if batch.child_count == 0:
        for age in ("min_age", "max_age"):
            if getattr(batch, age) is not None and age not in bad:
                yield error(age, "ages_without_children")
    elif batch.min_age is not None and batch.max_age is not None and batch.min_age > batch.max_age:
        yield error("min_age", "age_order", min_age=batch.min_age, max_age=batch.max_age)


def _flagged_children_fit(batch: Batch, bad: set[str], today: date) -> Iterator[Issue]:
    flagged = batch.unaccompanied + batch.separated
    if flagged > batch.child_count and not bad & {"unaccompanied", "separated", "girls", "boys"}:
        yield error(
            "unaccompanied",
            "too_many_children_flagged",
            unaccompanied=batch.unaccompanied,
            separated=batch.separated,
            children=batch.child_count,
        )


def _families_fit_people(batch: Batch, bad: set[str], today: date) -> Iterator[Issue]:
    if batch.families is not None and batch.families > batch.people and "families" not in bad:
        yield error("families", "families_exceed_people", value=batch.families, people=batch.people)


def _received_batch_is_sourced(batch: Batch, bad: set[str], today: date) -> Iterator[Issue]:
    if batch.status == "received":
        yield from _not_future(
            "departure_date", batch.departure_date, today, "a received batch", bad
        )
        if not batch.source:
            yield _warning("source", "received_without_source")


def _source_not_future(batch: Batch, bad: set[str], today: date) -> Iterator[Issue]:
    yield from _not_future("source_date", batch.source_date, today, "a source", bad)


_SEXES = frozenset({"women", "men", "girls", "boys"})
BATCH_RULES: tuple[BatchRule, ...] = (
    _someone_travels,
    _children_add_up,
    _adults_add_up,
    _bands_add_up,
    _ages_fit_children,
    _flagged_children_fit,
    _families_fit_people,
    _received_batch_is_sourced,
    _source_not_future,
)


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
    bad = _fields_of(issues)
    for rule in BATCH_RULES:
        issues.extend(rule(batch, bad, today))
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
    issues.extend(
        _not_future("event_date", event.event_date, today, "a status event", _fields_of(issues))
    )
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
    issues.extend(
        _not_future(
            "estimate_date", estimate.estimate_date, today, "an estimate", _fields_of(issues)
        )
    )
    bad = _fields_of(issues)
    for rule in ESTIMATE_RULES:
        issues.extend(rule(estimate, bad))
    return issues


# --- the rules of an estimate (each gets the estimate and the fields already refused) ----
EstimateRule = Callable[[Estimate, set[str]], Iterable[Issue]]


def _parts(estimate: Estimate) -> list[int | None]:
    return [estimate.women, estimate.men, estimate.girls, estimate.boys]


def _some_figure_given(estimate: Estimate, bad: set[str]) -> Iterator[Issue]:
    figures = [
        *_parts(estimate),
        estimate.total,
        estimate.countries,
        estimate.countries_repatriating,
    ]
    if all(v is None for v in figures) and not bad & set(ESTIMATE_FIELDS):
        yield error("total", "no_figure")


def _parts_fit_total(estimate: Estimate, bad: set[str]) -> Iterator[Issue]:
    if estimate.total is not None and "total" not in bad:
        known = sum(v or 0 for v in _parts(estimate))
        if known > estimate.total:
            yield error("total", "parts_exceed_total", value=estimate.total, expected=known)


def _repatriating_fit_countries(estimate: Estimate, bad: set[str]) -> Iterator[Issue]:
    whole, part = estimate.countries, estimate.countries_repatriating
    if whole is None or part is None or bad & {"countries", "countries_repatriating"}:
        return
    if part > whole:
        yield error("countries_repatriating", "part_exceeds_whole", value=part, whole=whole)


ESTIMATE_RULES: tuple[EstimateRule, ...] = (
    _some_figure_given,
    _parts_fit_total,
    _repatriating_fit_countries,
)


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
