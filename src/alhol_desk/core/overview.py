"""Read-only summaries: the figures a dashboard, the ``stats`` command and the report need."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .periods import ALL_TIME, Period
from .records import AGE_BANDS, COUNTRY_STATUSES
from .storage.countries import CountryOverview
from .storage.records import REPATRIATED
from .workspace import Workspace

# A country has started repatriating once its current status is one of these,
# or once a batch to it has left the camp.
STARTED = ("initiated", "ongoing", "completed", "suspended")
SEXES = ("women", "men", "girls", "boys")


@dataclass(frozen=True)
class CountryFigures:
    """How many countries are tracked (with a status or a repatriated batch), and how."""

    tracked: int
    started_repatriating: int
    by_status: dict[str, int]  # every country status, in COUNTRY_STATUSES order
    without_status: int


@dataclass(frozen=True)
class PeopleFigures:
    """People repatriated (in batches that have left the camp)."""

    total: int
    women: int
    men: int
    girls: int
    boys: int
    children: int
    adults: int
    unaccompanied: int
    separated: int
    by_age_band: dict[str, int]  # every band of AGE_BANDS, in order


@dataclass(frozen=True)
class CountryRepatriated:
    """One country with people repatriated to it."""

    iso3: str
    name_en: str
    name_ar: str
    status: str | None
    batches: int
    people: int
    women: int
    men: int
    girls: int
    boys: int


@dataclass(frozen=True)
class CampEstimate:
    """One source's estimate for the whole camp (sources disagree; all are kept)."""

    id: str
    estimate_date: str
    source: str
    total: int | None
    countries: int | None
    countries_repatriating: int | None
    women: int | None
    men: int | None
    girls: int | None
    boys: int | None
    confidence: str | None
    note: str | None


@dataclass(frozen=True)
class Stats:
    """The headline figures; ``as_dict`` is the ``stats --json`` document."""

    countries: CountryFigures
    people: PeopleFigures
    batches_repatriated: int
    by_country: list[CountryRepatriated]
    camp_estimates: list[CampEstimate]
    counted_as_repatriated: list[str]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _country_figures(countries: list[CountryOverview]) -> CountryFigures:
    tracked = [c for c in countries if c.status is not None or c.batches]
    by_status = {status: 0 for status in COUNTRY_STATUSES}
    for country in tracked:
        if country.status:
            by_status[country.status] += 1
    started = [c for c in tracked if c.status in STARTED or c.batches]
    without = sum(1 for c in tracked if c.status is None)
    return CountryFigures(len(tracked), len(started), by_status, without)


def _people_figures(totals: dict[str, int]) -> PeopleFigures:
    women, men, girls, boys = (totals[sex] for sex in SEXES)
    return PeopleFigures(
        total=women + men + girls + boys,
        women=women,
        men=men,
        girls=girls,
        boys=boys,
        children=girls + boys,
        adults=women + men,
        unaccompanied=totals["unaccompanied"],
        separated=totals["separated"],
        by_age_band={band: totals[band] for band, _ in AGE_BANDS},
    )


def _repatriated(country: CountryOverview) -> CountryRepatriated:
    return CountryRepatriated(
        **{key: getattr(country, key) for key in CountryRepatriated.__dataclass_fields__}
    )


@dataclass(frozen=True)
class ListedApart:
    """Repatriated batches dated less precisely than a period that may fall in it (dated
    2024 only, against May 2024): shown on a line of their own, never in its figures."""

    departure_date: str  # the date they share: a year, or a month the period cuts
    batches: int
    people: int


def stats(ws: Workspace, period: Period = ALL_TIME) -> Stats:
    """The headline figures of ``period`` (all time by default). Countries' statuses are
    the current ones whatever the period; people and batches are those of the period."""
    countries = ws.countries.overview()
    of_period = countries if period.is_all_time else ws.countries.overview(period)
    totals = ws.batches.repatriated_totals(period)
    return Stats(
        countries=_country_figures(countries),
        people=_people_figures(totals),
        batches_repatriated=totals["batches"],
        by_country=[_repatriated(c) for c in of_period if c.batches],
        camp_estimates=[CampEstimate(**row) for row in ws.estimates.camp_rows()],
        counted_as_repatriated=list(REPATRIATED),
    )


def listed_apart(ws: Workspace, period: Period) -> list[ListedApart]:
    """Batches repatriated that ``period`` lists apart, by their date (none for all time)."""
    return [
        ListedApart(row["departure_date"], int(row["batches"]), int(row["people"] or 0))
        for row in ws.batches.repatriated_apart(period)
    ]
