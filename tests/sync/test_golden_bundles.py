"""The golden bundles: one per sync format this app ever wrote, read forever.

``tests/fixtures/bundles/golden/v<N>/`` holds bundles written once and never regenerated
(see the README there), with copies of the keys that open them, so that a change of the
test keys cannot break them. Each is imported into a field laptop's workspace, and what
lands is written out here in full: a reader that stops reading a format it shipped, or
reads it differently, fails this test. Nothing here uses make_fixtures.py; the records'
values come from tests/golden_records.py, which the generator also wrote them from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

import golden_records as golden
from alhol_desk.core.sync import cards, enrolment, importer
from alhol_desk.core.workspace import Workspace, initialise
from enrolling import install_keys

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "bundles" / "golden"
V2 = GOLDEN / "v2"
NOW_MS = int(datetime(2024, 6, 1, 12, tzinfo=UTC).timestamp() * 1000)

# The committed files, byte for byte: a golden bundle is never rewritten.
FILE_SHA256 = {
    "v2/bundle.alhol": "6e4d1932a535a40e740be60953f2eb4c5c1a45ef953261b24e22324edec0e42f",
    "v2/bundle-2.alhol": "d3163b6a449af33ff7bd3c3362636968fb355630fc72a017d290e74062db1031",
}

HQ = "a0a0a000000000000000000000000001"
OTHER_FIELD = "f1e1d000000000000000000000000002"
HQ_SPARE = "a0a0a000000000000000000000000002"
BATCH, BATCH_2, EVENT, ESTIMATE = golden.BATCH, golden.BATCH_2, golden.EVENT, golden.ESTIMATE
BUNDLE_1 = "f5aa0cb2b29465cc0ffaacd24a483528"

# Clocks: 2024-05-20 09:30 UTC and around it, on three devices.
MADE_ON_OTHER = f"1716111000000.000000.{OTHER_FIELD}"
EDITED_ON_HQ = f"1716197460000.000002.{HQ}"
MADE_ON_HQ = f"1716197400000.000000.{HQ}"
ESTIMATED_ON_HQ = f"1716197400000.000001.{HQ}"
MADE_ON_SPARE = f"1715938200000.000005.{HQ_SPARE}"
EDITED_LATER = f"1716201000000.000000.{HQ}"

NO_BANDS = {f"{sex}_{band}": None for sex in "fm" for band in ("0_4", "5_11", "12_17")}
NO_BANDS |= {f"{sex}_{band}": None for sex in "fm" for band in ("18_59", "60_plus")}


def batch(**fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "ref": None,
        "families": None,
        "women": 0,
        "men": 0,
        "children": None,
        "adults": None,
        "min_age": None,
        "max_age": None,
        "unaccompanied": 0,
        "separated": 0,
        **NO_BANDS,
        "destination": None,
        "agency": None,
        "escort": None,
        "source_date": None,
        "note": None,
        "deleted": 0,
    }
    return row | fields


BATCHES_AFTER_1 = [
    # the edit made on HQ, over the source date made on the laptop
    batch(
        **golden.BATCH_MADE_ON_OTHER,
        hlc=MADE_ON_OTHER,
    )
    | {"source_date": golden.SOURCE_DATE_EDITED_ON_HQ},
    batch(**golden.BATCH_MADE_ON_HQ, hlc=MADE_ON_HQ),  # a null count stays null, not 0
]
EVENTS = [golden.STATUS_EVENT | {"hlc": MADE_ON_SPARE, "deleted": 0}]
ESTIMATES = [
    {"countries": None, "countries_repatriating": None, "note": None}
    | golden.CAMP_ESTIMATE
    | {"hlc": ESTIMATED_ON_HQ, "deleted": 0}
]
# Only a field whose clock is not its record's creation clock has a row of its own.
CLOCKS_AFTER_1 = [("batches", BATCH, "source_date", EDITED_ON_HQ, MADE_ON_OTHER)]


@pytest.fixture
def field_laptop(tmp_path: Path) -> Iterator[Workspace]:
    """A field laptop holding the golden folder's own keys, trusting the golden HQ card."""
    ws = initialise(tmp_path / "laptop", team="Hasakah 1", role="field", operator="Amal")
    ws.today = lambda: date(2024, 6, 1)
    install_keys(ws, V2 / "field")
    card_path = V2 / "hq" / "card.json"
    card = cards.DeviceCard.parse(card_path.read_bytes())
    assert card.device_id == HQ and card.role == "hq"
    enrolment.trust_card(ws, card_path, cards.fingerprint(card))
    try:
        yield ws
    finally:
        ws.close()


def rows(ws: Workspace, sql: str) -> list[dict[str, Any]]:
    return list(ws.db.query(sql))


def now() -> int:
    return NOW_MS


def test_the_golden_files_are_the_ones_committed() -> None:
    """A golden bundle is never regenerated or edited: its bytes are pinned here."""
    assert {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.glob("v*/*.alhol")} == set(
        FILE_SHA256
    ), "a golden bundle was added or removed: pin its hash here"
    for relative, digest in FILE_SHA256.items():
        assert hashlib.sha256((GOLDEN / relative).read_bytes()).hexdigest() == digest, relative
    assert "never" in (V2 / "README.md").read_text("utf-8")


def test_the_v2_golden_bundle_lands_exactly(field_laptop: Workspace) -> None:
    ws = field_laptop
    report = importer.import_bundle(ws, V2 / "bundle.alhol", now_ms=now)

    assert report.outcome == "applied", report.reason
    assert (report.sender_team, report.seq, report.changes) == ("HQ", 1, 32 + 32 + 6 + 13)
    assert report.summary == {"new": 4, "updated": 0, "unchanged": 0, "conflicts": 0, "warnings": 0}
    assert rows(ws, "SELECT * FROM batches ORDER BY id") == BATCHES_AFTER_1
    assert rows(ws, "SELECT * FROM status_events") == EVENTS
    assert rows(ws, "SELECT * FROM estimates") == ESTIMATES
    clocks = ws.db.execute("SELECT tbl, pk, col, hlc, base FROM field_clock").fetchall()
    assert clocks == CLOCKS_AFTER_1
    audit = ws.db.execute(
        "SELECT tbl, pk, col, old, new, hlc, base, bundle_id, operator, team FROM audit ORDER BY id"
    ).fetchall()
    # Who made each record, as the bundle says: never the laptop's own operator (Amal).
    assert audit == [
        (
            "batches",
            BATCH,
            None,
            None,
            None,
            MADE_ON_OTHER,
            None,
            BUNDLE_1,
            "ليلى حداد",
            "Hasakah 2",
        ),
        ("batches", BATCH_2, None, None, None, MADE_ON_HQ, None, BUNDLE_1, "Omar Saleh", "HQ"),
        (
            "status_events",
            EVENT,
            None,
            None,
            None,
            MADE_ON_SPARE,
            None,
            BUNDLE_1,
            "Sara Nouri",
            "HQ spare",
        ),
        (
            "estimates",
            ESTIMATE,
            None,
            None,
            None,
            ESTIMATED_ON_HQ,
            None,
            BUNDLE_1,
            "Omar Saleh",
            "HQ",
        ),
    ]
    assert rows(ws, "SELECT * FROM conflicts") == []
    (logged,) = rows(ws, "SELECT * FROM bundles")
    assert (logged["outcome"], logged["sender"], logged["seq"], logged["bundle_id"]) == (
        "applied",
        HQ,
        1,
        BUNDLE_1,
    )
    assert (logged["first_seq"], logged["last_part"], logged["changes"]) == (1, 1, 83)
    peer = ws.devices.peer(HQ)
    assert peer is not None and peer.last_seq == 1

    again = importer.import_bundle(ws, V2 / "bundle.alhol", now_ms=now)
    assert again.outcome == "already_imported"


def test_the_v2_golden_chain_continues_with_an_edit(field_laptop: Workspace) -> None:
    """Seq 2 gives one record again, whole, two of its fields with their own clock and
    base (edited on HQ), and chains from seq 1."""
    ws = field_laptop
    assert importer.import_bundle(ws, V2 / "bundle.alhol", now_ms=now).outcome == "applied"
    report = importer.import_bundle(ws, V2 / "bundle-2.alhol", now_ms=now)

    assert report.outcome == "applied", report.reason
    assert report.seq == 2 and report.warnings == []
    # The other 30 fields of the record come again as they were: unchanged.
    assert report.summary == {
        "new": 0,
        "updated": 1,
        "unchanged": 30,
        "conflicts": 0,
        "warnings": 0,
    }
    first, second = BATCHES_AFTER_1
    assert rows(ws, "SELECT * FROM batches ORDER BY id") == [
        first,
        second | golden.EDITED_IN_SEQ_2,  # the record keeps its creation clock
    ]
    clocks = ws.db.execute(
        "SELECT tbl, pk, col, hlc, base FROM field_clock ORDER BY pk, col"
    ).fetchall()
    assert clocks == [
        *CLOCKS_AFTER_1,
        ("batches", BATCH_2, "families", EDITED_LATER, MADE_ON_HQ),
        ("batches", BATCH_2, "status", EDITED_LATER, MADE_ON_HQ),
    ]
    edits = ws.db.execute(
        "SELECT tbl, pk, col, old, new, hlc, base FROM audit WHERE col IS NOT NULL ORDER BY id"
    ).fetchall()
    assert sorted(edits) == [
        ("batches", BATCH_2, "families", "null", "2", EDITED_LATER, MADE_ON_HQ),
        ("batches", BATCH_2, "status", '"planned"', '"confirmed"', EDITED_LATER, MADE_ON_HQ),
    ]
    assert rows(ws, "SELECT * FROM conflicts") == []
    peer = ws.devices.peer(HQ)
    assert peer is not None and peer.last_seq == 2


def test_the_generator_never_rewrites_a_golden_bundle(gen: Any) -> None:
    """make_fixtures.py --golden refuses once the folder holds its bundle."""
    before = {p: p.read_bytes() for p in V2.rglob("*") if p.is_file()}
    assert V2 / "bundle.alhol" in before
    with pytest.raises(SystemExit, match="never rewritten"):
        gen.main(["--golden"])
    assert {p: p.read_bytes() for p in V2.rglob("*") if p.is_file()} == before
