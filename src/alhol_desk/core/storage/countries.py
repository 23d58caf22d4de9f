"""The ``countries`` table: the ISO 3166 list, seeded from pycountry with Arabic and Sorani
Kurdish names, and the country list with each country's status and figures."""

from __future__ import annotations

import gettext
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import pycountry

from ..periods import ALL_TIME, Period
from ..records import Country
from .periods import in_period
from .records import REPATRIATED_SQL, SEX_SUMS

if TYPE_CHECKING:
    import sqlite_utils

_CURRENT_STATUS = """
WITH ranked AS (
    SELECT e.country, e.status, e.event_date, e.source,
           row_number() OVER (
               PARTITION BY e.country ORDER BY e.event_date DESC, e.hlc DESC
           ) AS rank
    FROM status_events e
    WHERE e.deleted = 0
)
SELECT country, status, event_date, source FROM ranked WHERE rank = 1
"""


@dataclass(frozen=True)
class CountryOverview:
    """A country with its current status, people repatriated to it and its last update."""

    iso3: str
    name_en: str
    name_ar: str
    name_ckb: str
    status: str | None
    status_date: str | None
    status_source: str | None
    batches: int
    people: int
    women: int
    men: int
    girls: int
    boys: int
    last_update: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _translator(language: str) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return gettext.NullTranslations()


def seed_countries(db: sqlite_utils.Database) -> None:
    arabic, sorani = _translator("ar"), _translator("ckb")
    rows = []
    for entry in pycountry.countries:
        name = entry.name
        rows.append(
            (entry.alpha_3, entry.alpha_2, name, arabic.gettext(name), sorani.gettext(name))
        )
    with db.atomic():  # joins the migration's transaction when there is one
        db.conn.executemany(
            "INSERT INTO countries (iso3, iso2, name_en, name_ar, name_ckb) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (iso3) DO UPDATE SET iso2 = excluded.iso2, name_en = excluded.name_en, "
            "name_ar = excluded.name_ar, name_ckb = excluded.name_ckb",
            rows,
        )


# Names that sheets and handover lists use and ISO 3166 does not give (its short name is
# "Russian Federation", "Türkiye"); pycountry's common and official names are added below.
_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "RUS": ("Russia", "روسيا"),
    "GBR": ("UK", "Britain", "Great Britain", "بريطانيا", "المملكة المتحدة"),
    "USA": ("US", "USA", "America", "أمريكا", "الولايات المتحدة"),
    "TUR": ("Turkey", "تركيا"),
    "PSE": ("Palestine", "فلسطين"),
    "CZE": ("Czech Republic",),
    "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "COD": ("DR Congo", "DRC"),
}


def country_aliases() -> dict[str, str]:
    """Other English (and a few Arabic) names of countries -> ISO alpha-3: pycountry's
    common and official names, the short name before its comma ("Moldova, Republic of"),
    and the everyday names in ``_EXTRA_NAMES``. For reading spreadsheets; never stored."""
    aliases: dict[str, str] = {}
    for entry in pycountry.countries:
        names = [getattr(entry, "common_name", None), getattr(entry, "official_name", None)]
        if "," in entry.name:
            names.append(entry.name.split(",", 1)[0])
        for name in names:
            if name:
                aliases.setdefault(name, entry.alpha_3)
    for code, extra in _EXTRA_NAMES.items():
        for name in extra:
            aliases.setdefault(name, code)
    return aliases


def _country(row: dict[str, Any]) -> Country:
    return Country(row["iso3"], row["iso2"], row["name_en"], row["name_ar"], row["name_ckb"])


class Countries:
    """Reads of ``countries`` (the migrations seed it; nothing else writes it)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def codes(self) -> frozenset[str]:
        return frozenset(row[0] for row in self.db.execute("SELECT iso3 FROM countries"))

    def get(self, iso3: str) -> Country | None:
        rows = list(self.db.query("SELECT * FROM countries WHERE iso3 = ?", [iso3]))
        return _country(rows[0]) if rows else None

    def listed(self) -> list[Country]:
        """Every ISO 3166 country, with its English, Arabic and Sorani names."""
        return [_country(row) for row in self.db.query("SELECT * FROM countries ORDER BY name_en")]

    def names(self) -> dict[str, tuple[str, str]]:
        """ISO code -> (English name, Arabic name)."""
        sql = "SELECT iso3, name_en, name_ar FROM countries"
        return {row[0]: (row[1], row[2]) for row in self.db.execute(sql)}

    def overview(self, period: Period = ALL_TIME) -> list[CountryOverview]:
        """Every country with its current status, people repatriated (in ``period``) and last
        update."""
        dated, params = in_period(period, "departure_date")
        sql = f"""
        WITH current AS ({_CURRENT_STATUS}),
        moved AS (
            SELECT country, count(*) AS batches, {SEX_SUMS},
                   max(departure_date) AS last_batch
            FROM batches WHERE deleted = 0 AND status IN {REPATRIATED_SQL} AND {dated}
            GROUP BY country
        )
        SELECT c.iso3, c.name_en, c.name_ar, c.name_ckb,
               cur.status, cur.event_date AS status_date, cur.source AS status_source,
               coalesce(m.batches, 0) AS batches,
               coalesce(m.women + m.men + m.girls + m.boys, 0) AS people,
               coalesce(m.women, 0) AS women, coalesce(m.men, 0) AS men,
               coalesce(m.girls, 0) AS girls, coalesce(m.boys, 0) AS boys,
               max(coalesce(cur.event_date, ''), coalesce(m.last_batch, '')) AS last_update
        FROM countries c
        LEFT JOIN current cur ON cur.country = c.iso3
        LEFT JOIN moved m ON m.country = c.iso3
        ORDER BY c.name_en
        """
        return [
            CountryOverview(**{**row, "last_update": row["last_update"] or None})
            for row in self.db.query(sql, params)
        ]
