"""Read-only summaries: the country list and the figures a dashboard needs."""

from __future__ import annotations

from typing import Any

from .records import AGE_BANDS, COUNTRY_STATUSES
from .storage import stats as stats_repo
from .workspace import Workspace

# A country has started repatriating once its current status is one of these,
# or once a batch to it has left the camp.
STARTED = ("initiated", "ongoing", "completed", "suspended")


def country_list(ws: Workspace) -> list[dict[str, Any]]:
    return stats_repo.country_overview(ws.db)


def stats(ws: Workspace) -> dict[str, Any]:
    countries = stats_repo.country_overview(ws.db)
    tracked = [c for c in countries if c["status"] is not None or c["batches"]]
    by_status = {status: 0 for status in COUNTRY_STATUSES}
    for country in tracked:
        if country["status"]:
            by_status[country["status"]] += 1
    started = [c for c in tracked if c["status"] in STARTED or c["batches"]]
    totals = stats_repo.totals(ws.db)
    sexes = {sex: totals[sex] for sex in ("women", "men", "girls", "boys")}
    return {
        "countries": {
            "tracked": len(tracked),
            "started_repatriating": len(started),
            "by_status": by_status,
            "without_status": sum(1 for c in tracked if c["status"] is None),
        },
        "people": {
            "total": sum(sexes.values()),
            **sexes,
            "children": sexes["girls"] + sexes["boys"],
            "adults": sexes["women"] + sexes["men"],
            "unaccompanied": totals["unaccompanied"],
            "separated": totals["separated"],
            "by_age_band": {band: totals[band] for band, _ in AGE_BANDS},
        },
        "batches_repatriated": totals["batches"],
        "by_country": [
            {
                key: c[key]
                for key in (
                    "iso3",
                    "name_en",
                    "name_ar",
                    "status",
                    "batches",
                    "people",
                    "women",
                    "men",
                    "girls",
                    "boys",
                )
            }
            for c in countries
            if c["batches"]
        ],
        "camp_estimates": stats_repo.camp_estimates(ws.db),
        "counted_as_repatriated": list(stats_repo.REPATRIATED),
    }
