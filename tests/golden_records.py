"""The records of the v2 golden bundles (``tests/fixtures/bundles/golden/v2/``), as made.

One source for the generator that wrote the bundles once (``make_fixtures.py --golden``)
and for the test that reads them for ever (``tests/sync/test_golden_bundles.py``), which
writes out in full what must land. The bundles themselves never change: their SHA-256 is
pinned in that test, so a change here fails it instead of changing what was shipped.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

BATCH = "601de000-0000-4000-8000-000000000001"
BATCH_2 = "601de000-0000-4000-8000-000000000002"
EVENT = "601de000-0000-4000-8000-000000000003"
ESTIMATE = "601de000-0000-4000-8000-000000000004"
ARABIC_NOTE = "استلمت في معبر فيشخابور، ثلاثة أطفال دون مرافق"
# The wall time of the records made on HQ: 2024-05-20 09:30 UTC.
MADE_MS = int(datetime(2024, 5, 20, 9, 30, tzinfo=UTC).timestamp() * 1000)

# Made on the second field laptop, relayed by HQ; HQ then edited its ``source_date``.
BATCH_MADE_ON_OTHER: dict[str, Any] = {
    "id": BATCH,
    "country": "IRQ",
    "status": "received",
    "departure_date": "2024-05-12",
    "families": 3,
    "women": 4,
    "men": 1,
    "girls": 5,
    "boys": 6,
    "children": 11,
    "adults": 5,
    "min_age": 1,
    "max_age": 16,
    "unaccompanied": 3,
    "destination": "Baghdad",
    "source": "IOM manifest (test data)",
    "source_date": "2024-05-13",
    "note": ARABIC_NOTE,
}
SOURCE_DATE_EDITED_ON_HQ = "2024-05-14"
BATCH_MADE_ON_HQ: dict[str, Any] = {
    "id": BATCH_2,
    "country": "RUS",
    "status": "planned",
    "departure_date": "2024-06-15",
    "girls": 2,
    "boys": 1,
    "families": None,  # a count nobody has yet: null, not 0
    "source": "Embassy letter (test data)",
}
STATUS_EVENT: dict[str, Any] = {
    "id": EVENT,
    "country": "IRQ",
    "status": "ongoing",
    "event_date": "2024-05-01",
    "source": "Ministry statement (test data)",
    "note": "بيان الوزارة",
}
CAMP_ESTIMATE: dict[str, Any] = {
    "id": ESTIMATE,
    "country": "RUS",
    "estimate_date": "2024-05-15",
    "source": "Camp census (test data)",
    "girls": 40,
    "boys": 38,
    "women": None,
    "men": None,
    "total": None,
    "confidence": "medium",
}
# Seq 2: two fields of BATCH_MADE_ON_HQ edited on HQ after seq 1 went out.
EDITED_IN_SEQ_2: dict[str, Any] = {"status": "confirmed", "families": 2}
