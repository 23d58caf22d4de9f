"""The ISO 3166 country list, seeded from pycountry with Arabic and Sorani Kurdish names."""

from __future__ import annotations

import gettext
from typing import TYPE_CHECKING, Any

import pycountry

from ..records import Country

if TYPE_CHECKING:
    import sqlite_utils


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


def _country(row: dict[str, Any]) -> Country:
    return Country(row["iso3"], row["iso2"], row["name_en"], row["name_ar"], row["name_ckb"])


def country_codes(db: sqlite_utils.Database) -> frozenset[str]:
    return frozenset(row[0] for row in db.execute("SELECT iso3 FROM countries"))


def get_country(db: sqlite_utils.Database, iso3: str) -> Country | None:
    rows = list(db.query("SELECT * FROM countries WHERE iso3 = ?", [iso3]))
    return _country(rows[0]) if rows else None


def list_countries(db: sqlite_utils.Database) -> list[Country]:
    return [_country(row) for row in db.query("SELECT * FROM countries ORDER BY name_en")]
