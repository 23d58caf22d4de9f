"""Every bad input of issue 3 ("Bad input it must refuse"), imported against a real database,
in sync format 2 (issue 11), with the refusals format 2 adds.

Each refusal must: say so (refused, or quarantined for a fork or a revoked sender), give
its reason in one plain line that repeats no personal data from the bundle, change no
record at all, and note the refusal with its reason in the bundle history. A replay is
"already imported", not an error. The bundles are the committed fixtures under
``tests/fixtures/bundles/`` (see make_fixtures.py there).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from alhol_desk.cli import main
from alhol_desk.core import services
from alhol_desk.core.records import StatusEvent
from alhol_desk.core.sync import enrolment, envelope, importer, manifest
from alhol_desk.core.sync.errors import NEWER_VERSION
from alhol_desk.core.sync.keys import load_device_keys
from alhol_desk.core.sync.limits import Limits
from alhol_desk.core.workspace import Workspace

# "Now" for the clock-drift check: a month after the fixtures were made.
NOW_MS = int(datetime(2024, 6, 1, 12, tzinfo=UTC).timestamp() * 1000)
PERSONAL = ("Layla", "Haddad", "Yarubiyah", "siblings")
DAMAGED = "damaged or cut short"
NOT_FOR_US = "not addressed to this device"
RESIGNED = "says it comes from one device but is signed by another"
NOT_WHOLE = "only writes whole numbers"
# An older app meeting a newer bundle: "update the app", naming both formats.
NEWER_FORMAT = "uses sync format 3, and this version of alhol-desk reads up to format 2: update"
OLDER_FORMAT = "uses sync format 1, which this version of alhol-desk"
NOT_A_VALUE = "but a value must be text, a whole number or null"
DAMAGED_MANIFEST = "the file is damaged or was not made by alhol-desk"

Snap = Callable[[Workspace], Any]
Rows = Callable[[Workspace], list[dict[str, Any]]]
Bundle = Callable[[str], Path]


def now() -> int:
    return NOW_MS


def assert_plain_line(text: str | None, *, personal: bool = True) -> None:
    """One short printable line: no traceback, no repr of an exception, no data from the bundle."""
    assert text
    assert "\n" not in text and "\r" not in text
    assert text.isprintable() and text == text.strip()
    for noise in ("Traceback", 'File "', "BundleRejected", "DecryptError", "pyrage", "Error("):
        assert noise not in text
    if personal:
        for word in PERSONAL:
            assert word not in text, f"the reason repeats {word!r} from the bundle"


def integrity_ok(ws: Workspace) -> bool:
    return bool(ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


@pytest.fixture
def refuse(snapshot: Snap, bundle_rows: Rows) -> Callable[..., importer.ImportReport]:
    """Verify, then import ``path``; both must refuse with ``fragment`` and change no record."""

    def check(
        ws: Workspace,
        path: Path,
        fragment: str,
        *,
        outcome: str = "refused",
        personal: bool = True,
    ) -> importer.ImportReport:
        before, history = snapshot(ws), bundle_rows(ws)

        verified = importer.verify_bundle(ws, path, now_ms=now)
        assert verified.outcome == outcome, verified
        assert fragment in (verified.reason or ""), verified.reason
        assert snapshot(ws) == before and bundle_rows(ws) == history  # verify writes nothing

        report = importer.import_bundle(ws, path, now_ms=now)
        assert report.outcome == outcome, report
        assert report.reason == verified.reason
        assert_plain_line(report.reason, personal=personal)
        assert_plain_line(report.line(), personal=personal)
        assert report.summary == {} and report.changes == 0

        assert snapshot(ws) == before, "a refused bundle changed a record"
        added = bundle_rows(ws)[len(history) :]
        assert bundle_rows(ws)[: len(history)] == history
        assert len(added) == 1, "the refusal is noted once in the bundle history"
        (noted,) = added
        assert (noted["direction"], noted["outcome"]) == ("received", outcome)
        assert noted["reason"] == report.reason and noted["file_name"] == path.name
        assert noted["new"] is None and noted["updated"] is None
        assert integrity_ok(ws)
        return report

    return check


# --- the fixtures are what the generator says --------------------------------------------


def test_fixtures_match_the_generator(gen: ModuleType) -> None:
    """The committed files hold exactly the envelopes make_fixtures.py would sign today."""
    expected = gen.envelopes()
    committed = {
        f"{p.parent.name}/{p.name}"
        for p in gen.HERE.glob("*/*.alhol")
        if p.parent.name in ("valid", "tampered", "invalid")
    }
    assert committed == set(expected) | set(gen.DAMAGED)
    for relative, (signed, to) in expected.items():
        data = (gen.HERE / relative).read_bytes()
        assert envelope.decrypt(data, gen.load_keys(to).age_identity) == signed, relative
    seq1 = (gen.HERE / "valid/russia_seq1.alhol").read_bytes()
    flipped = (gen.HERE / "tampered/flipped_byte.alhol").read_bytes()
    assert len(flipped) == len(seq1)
    assert [i for i in range(len(seq1)) if seq1[i] != flipped[i]] == [len(seq1) // 2]
    cut = (gen.HERE / "tampered/cut_short.alhol").read_bytes()
    assert seq1.startswith(cut) and 0 < len(cut) < len(seq1)


def test_test_keys_are_the_receivers_keys(receiver: Workspace, gen: ModuleType) -> None:
    assert load_device_keys(receiver.data_dir).key_id == gen.load_keys("receiver").key_id
    trusted = {p.id for p in receiver.devices.peers()}
    assert trusted == {gen.DEVICES["sender"][0], gen.DEVICES["other_field"][0]}


# --- what must go through ---------------------------------------------------------------


def batch_row(ws: Workspace) -> list[dict[str, Any]]:
    return list(ws.db.query("SELECT * FROM batches"))


def test_valid_bundle_lands_exactly_the_russia_row(
    receiver: Workspace, bundle: Bundle, gen: ModuleType, bundle_rows: Rows
) -> None:
    report = importer.import_bundle(receiver, bundle("valid/russia_seq1.alhol"), now_ms=now)

    assert report.outcome == "applied", report.reason
    assert report.summary == {"new": 1, "updated": 0, "unchanged": 0, "conflicts": 0, "warnings": 0}
    assert (report.sender_team, report.seq) == ("Hasakah 1", 1)
    (row,) = batch_row(receiver)
    assert row == {**gen.RUSSIA.to_row(), "hlc": gen.hlc(gen.SEQ1_MS)}
    assert (row["country"], row["girls"], row["boys"], row["min_age"], row["max_age"]) == (
        "RUS",
        12,
        20,
        5,
        17,
    )
    assert row["status"] == "received" and row["source"]
    got = services.get_batch(receiver, gen.BATCH_ID)
    assert got.child_count == 32
    for table in ("status_events", "estimates", "conflicts", "field_clock"):
        assert receiver.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    audit = list(receiver.db.query("SELECT tbl, pk, col, hlc, bundle_id FROM audit"))
    assert audit == [
        {
            "tbl": "batches",
            "pk": gen.BATCH_ID,
            "col": None,
            "hlc": gen.hlc(gen.SEQ1_MS),
            "bundle_id": gen.bundle_id("valid/russia_seq1"),
        }
    ]
    (logged,) = bundle_rows(receiver)
    assert (logged["outcome"], logged["seq"], logged["new"], logged["reason"]) == (
        "applied",
        1,
        1,
        None,
    )
    assert logged["sender"] == gen.DEVICES["sender"][0]
    peer = receiver.devices.peer(gen.DEVICES["sender"][0])
    assert peer is not None and peer.last_seq == 1
    assert integrity_ok(receiver)


def test_second_bundle_chains_from_the_first(
    receiver: Workspace, bundle: Bundle, gen: ModuleType
) -> None:
    assert importer.import_bundle(receiver, bundle("valid/russia_seq1.alhol"), now_ms=now).outcome
    report = importer.import_bundle(receiver, bundle("valid/russia_seq2.alhol"), now_ms=now)

    assert report.outcome == "applied", report.reason
    assert report.summary["new"] == 1 and report.summary["updated"] == 1
    assert report.warnings == [] and report.summary["conflicts"] == 0
    (row,) = batch_row(receiver)
    assert row["source_date"] == "2024-05-09"
    (event,) = receiver.db.query("SELECT country, status FROM status_events")
    assert event == {"country": "RUS", "status": "ongoing"}


def signed_payload(gen: ModuleType, relative: str) -> bytes:
    """The payload of a committed bundle, exactly as signed, by its own keys."""
    data = (gen.HERE / relative).read_bytes()
    inner = envelope.decrypt(data, gen.load_keys("receiver").age_identity)
    payload, _ = envelope.open_envelope(
        inner, {gen.load_keys("sender").key_id: gen.load_keys("sender").signing_key.public_key()}
    )
    return payload


def test_prev_is_the_hash_of_the_previous_signed_payload(
    receiver: Workspace, bundle: Bundle, gen: ModuleType
) -> None:
    """The chain links the compressed bytes that were signed, not the manifest text."""
    one = signed_payload(gen, "valid/russia_seq1.alhol")
    header, _ = manifest.read_manifest(signed_payload(gen, "valid/russia_seq2.alhol"))
    assert header.prev == hashlib.sha256(one).hexdigest()
    assert header.prev != hashlib.sha256(zlib.decompress(one)).hexdigest()
    importer.import_bundle(receiver, bundle("valid/russia_seq1.alhol"), now_ms=now)
    peer = receiver.devices.peer(gen.DEVICES["sender"][0])
    assert peer is not None and peer.last_manifest_sha256 == header.prev


def test_replay_is_already_imported_and_not_an_error(
    receiver: Workspace, bundle: Bundle, snapshot: Snap, bundle_rows: Rows
) -> None:
    first = bundle("valid/russia_seq1.alhol")
    assert importer.import_bundle(receiver, first, now_ms=now).outcome == "applied"
    before, history = snapshot(receiver), bundle_rows(receiver)

    # The same file again, and the same manifest encrypted afresh (other bytes on the stick).
    again = bundle("valid/russia_seq1_again.alhol")
    assert again.read_bytes() != first.read_bytes()
    for path in (first, again):
        verified = importer.verify_bundle(receiver, path, now_ms=now)
        assert verified.outcome == "already_imported"
        assert bundle_rows(receiver) == history  # verify writes nothing
        report = importer.import_bundle(receiver, path, now_ms=now)
        assert report.outcome == "already_imported"
        assert report.reason is None
        assert "already imported" in report.line()
        assert_plain_line(report.line())
        assert snapshot(receiver) == before  # no record changed
        noted = bundle_rows(receiver)[len(history) :]  # only the history says it came again
        assert [(n["outcome"], n["file_name"]) for n in noted] == [("already_imported", path.name)]
        history = bundle_rows(receiver)


# --- what must be refused, one fixture each ------------------------------------------


REFUSED = [
    # tampered/
    ("tampered/flipped_byte.alhol", DAMAGED),
    ("tampered/cut_short.alhol", DAMAGED),
    ("tampered/signed_by_untrusted.alhol", "signed by a key this device does not trust"),
    ("tampered/resigned_by_other_trusted.alhol", RESIGNED),
    ("tampered/resigned_keyid_kept.alhol", RESIGNED),
    ("tampered/not_in_recipients.alhol", NOT_FOR_US),
    # invalid/: signed by the trusted sender and encrypted to us, but a bad payload type
    ("invalid/newer_payload_type.alhol", NEWER_FORMAT),
    ("invalid/older_payload_type.alhol", OLDER_FORMAT),
    ("invalid/other_compression.alhol", NEWER_VERSION),
    # ... a payload that is not one zlib stream of a manifest
    ("invalid/not_zlib.alhol", "manifest cannot be decompressed"),
    ("invalid/raw_deflate.alhol", "manifest cannot be decompressed"),
    ("invalid/zlib_cut_short.alhol", "manifest is cut short"),
    ("invalid/garbage_after_zlib.alhol", "manifest has data after its end"),
    ("invalid/empty_manifest.alhol", "manifest is empty"),
    ("invalid/no_final_newline.alhol", "does not end with a new line"),
    # ... a bad header line
    ("invalid/newer_sync_version.alhol", NEWER_FORMAT),
    ("invalid/older_sync_version.alhol", OLDER_FORMAT),
    ("invalid/not_a_bundle_format.alhol", "not an alhol-desk bundle"),
    ("invalid/header_not_first.alhol", "does not start with its header"),
    ("invalid/duplicate_keys.alhol", "repeats the key 'prev'"),
    ("invalid/header_float.alhol", NOT_WHOLE),
    ("invalid/unknown_table.alhol", "a kind of record this version of alhol-desk does not know"),
    ("invalid/unknown_column.alhol", "(batches.'passport_no'): it was made by a newer version"),
    # ... bad bytes or numbers in a record line
    ("invalid/non_utf8.alhol", "not UTF-8"),
    ("invalid/lone_surrogate_raw.alhol", "not UTF-8"),
    ("invalid/lone_surrogate_escape.alhol", "lone surrogate escape) at line 2"),
    ("invalid/nan.alhol", NOT_WHOLE),
    ("invalid/infinity.alhol", NOT_WHOLE),
    ("invalid/minus_infinity.alhol", NOT_WHOLE),
    ("invalid/huge_exponent.alhol", f"line 2 (batches.girls): it is a fraction, {NOT_A_VALUE}"),
    ("invalid/float_value.alhol", f"line 2 (batches.girls): it is a fraction, {NOT_A_VALUE}"),
    ("invalid/deep_nesting.alhol", "nests deeper than 5 levels"),
    # ... a record line of the wrong shape
    ("invalid/clock_device_out_of_range.alhol", "line 2: a clock is not [wall ms, counter"),
    ("invalid/clock_device_negative.alhol", "line 2: a clock is not [wall ms, counter"),
    ("invalid/record_twice.alhol", "gives one record twice (line 3)"),
    ("invalid/unknown_table_line.alhol", "line 2: 'people' is not a table the header lists"),
    # ... values that break the rules
    ("invalid/max_age_18.alhol", "batches.max_age must be between 0 and 17"),
    ("invalid/girls_negative.alhol", "batches.girls cannot be negative"),
    ("invalid/ages_out_of_order.alhol", "min_age: (16) is above the oldest child's age (6)"),
    ("invalid/future_hlc.alhol", "dated in the future"),
    ("invalid/seq_far_ahead.alhol", "(5000) is far ahead of the last one from Hasakah 1"),
]


def test_every_invalid_and_tampered_fixture_is_tested() -> None:
    """A fixture the generator makes but no test imports would prove nothing."""
    tested = {relative for relative, _ in REFUSED} | ELSEWHERE
    made = {
        f"{p.parent.name}/{p.name}"
        for p in (Path(__file__).parents[1] / "fixtures" / "bundles").glob("*/*.alhol")
        if p.parent.name in ("tampered", "invalid")
    }
    assert made == tested


# Fixtures whose refusal has its own test below.
ELSEWHERE = {
    "tampered/addressed_to_other_device.alhol",
    "tampered/same_seq_fork.alhol",
    "invalid/list_value.alhol",
    "invalid/text_in_count.alhol",
}


@pytest.mark.parametrize(
    ("relative", "fragment"), REFUSED, ids=[r.split("/")[1][:-6] for r, _ in REFUSED]
)
def test_refused(
    receiver: Workspace,
    bundle: Bundle,
    refuse: Callable[..., importer.ImportReport],
    relative: str,
    fragment: str,
) -> None:
    report = refuse(receiver, bundle(relative), fragment)
    assert report.file == Path(relative).name


def test_newer_formats_say_update_the_app_naming_both_versions(
    receiver: Workspace, bundle: Bundle, refuse: Callable[..., importer.ImportReport]
) -> None:
    """The compatibility policy: an older app meeting a newer bundle changes nothing and
    says which format the bundle is in and which this app reads."""
    for name in ("newer_sync_version", "newer_payload_type"):
        report = refuse(receiver, bundle(f"invalid/{name}.alhol"), NEWER_FORMAT)
        assert report.reason is not None
        assert "sync format 3" in report.reason and "format 2" in report.reason
        assert "update the app on this device" in report.reason


def test_a_bundle_from_a_newer_database_schema_imports(
    receiver: Workspace, bundle: Bundle, gen: ModuleType
) -> None:
    """The database schema in the header is informational: a laptop one migration ahead
    still sends bundles this app reads."""
    report = importer.import_bundle(
        receiver, bundle("valid/newer_database_schema.alhol"), now_ms=now
    )
    assert report.outcome == "applied", report.reason
    assert report.summary["new"] == 1
    (row,) = batch_row(receiver)
    assert row == {**gen.RUSSIA.to_row(), "hlc": gen.hlc(gen.SEQ1_MS)}


def test_a_bundle_for_another_device_is_skipped_and_not_noted(
    receiver: Workspace, bundle: Bundle, snapshot: Snap, bundle_rows: Rows
) -> None:
    """HQ writes one bundle per device and a stick carries many: one for another device
    is passed over, not refused, and leaves no trace here."""
    path = bundle("tampered/addressed_to_other_device.alhol")
    before, history = snapshot(receiver), bundle_rows(receiver)
    for run in (importer.verify_bundle, importer.import_bundle):
        report = run(receiver, path, now_ms=now)
        assert report.outcome == "not_for_this_device"
        assert report.line() == f"{path.name}: skipped: addressed to another device"
        assert_plain_line(report.reason)
    assert snapshot(receiver) == before and bundle_rows(receiver) == history


def test_future_clock_is_refused_by_the_real_clock_too(receiver: Workspace, bundle: Bundle) -> None:
    report = importer.import_bundle(receiver, bundle("invalid/future_hlc.alhol"))
    assert report.outcome == "refused" and "future" in (report.reason or "")


def test_seq_far_ahead_of_the_last_imported_one(
    receiver: Workspace,
    bundle: Bundle,
    gen: ModuleType,
    refuse: Callable[..., importer.ImportReport],
) -> None:
    importer.import_bundle(receiver, bundle("valid/russia_seq1.alhol"), now_ms=now)
    payload = gen.payload("in-test/seq_3000", gen.russia_changes(), seq=3000)
    path = bundle("valid/russia_seq1.alhol").with_name("seq3000.alhol")
    path.write_bytes(gen.sealed(payload)[1])
    refuse(receiver, path, "(3000) is far ahead of the last one from Hasakah 1 (1)")


def test_a_list_where_a_value_belongs_is_refused_without_quoting_it(
    receiver: Workspace, bundle: Bundle, refuse: Callable[..., importer.ImportReport]
) -> None:
    report = refuse(receiver, bundle("invalid/list_value.alhol"), "line 2 (batches.note)")
    assert report.reason is not None and f"it is a list, {NOT_A_VALUE}" in report.reason


def test_text_in_a_count_is_refused(
    receiver: Workspace, bundle: Bundle, refuse: Callable[..., importer.ImportReport]
) -> None:
    # personal=False: the next test pins that this reason still quotes the text.
    refuse(receiver, bundle("invalid/text_in_count.alhol"), "batches.girls", personal=False)


def test_text_in_a_count_is_not_quoted_in_the_reason(receiver: Workspace, bundle: Bundle) -> None:
    report = importer.import_bundle(receiver, bundle("invalid/text_in_count.alhol"), now_ms=now)
    assert report.outcome == "refused"
    assert_plain_line(report.reason)


# --- refusals that need a history ----------------------------------------------------


def test_two_bundles_with_the_same_sender_and_seq_are_quarantined(
    receiver: Workspace, bundle: Bundle, refuse: Callable[..., importer.ImportReport]
) -> None:
    assert importer.import_bundle(receiver, bundle("valid/russia_seq1.alhol"), now_ms=now).outcome
    fork = bundle("tampered/same_seq_fork.alhol")
    report = refuse(receiver, fork, "claim the same place", outcome="quarantined")
    assert (report.seq, report.sender_team) == (1, "Hasakah 1")
    aside = receiver.data_dir / importer.QUARANTINE_DIR / fork.name
    assert aside.read_bytes() == fork.read_bytes()
    (row,) = batch_row(receiver)
    assert (row["girls"], row["boys"]) == (12, 20)  # the first bundle's figures stand


def test_a_bundle_whose_prev_is_not_the_last_payload_is_quarantined(
    receiver: Workspace,
    bundle: Bundle,
    gen: ModuleType,
    refuse: Callable[..., importer.ImportReport],
) -> None:
    """Seq 2 that does not chain from the seq 1 imported here is a fork too."""
    importer.import_bundle(receiver, bundle("valid/russia_seq1.alhol"), now_ms=now)
    changes = gen.with_value(gen.russia_changes(), "note", None, hlc=gen.hlc(gen.SEQ2_MS))
    payload = gen.payload("in-test/bad_prev", changes, seq=2, prev="ab" * 32)
    path = bundle("valid/russia_seq1.alhol").with_name("badprev.alhol")
    path.write_bytes(gen.sealed(payload)[1])
    refuse(receiver, path, "claim the same place", outcome="quarantined")


def test_a_revoked_devices_bundle_after_its_cutoff_is_quarantined(
    receiver: Workspace,
    bundle: Bundle,
    gen: ModuleType,
    refuse: Callable[..., importer.ImportReport],
) -> None:
    importer.import_bundle(receiver, bundle("valid/russia_seq1.alhol"), now_ms=now)
    revoked = enrolment.revoke_device(receiver, gen.DEVICES["sender"][0], None)
    assert revoked.revoked_after_seq == 1

    refuse(
        receiver, bundle("valid/russia_seq2.alhol"), "revoked after bundle 1", outcome="quarantined"
    )
    assert receiver.db.execute("SELECT count(*) FROM status_events").fetchone()[0] == 0
    # Up to the cut-off nothing changes: the bundle it already sent is still a replay.
    again = importer.import_bundle(receiver, bundle("valid/russia_seq1_again.alhol"), now_ms=now)
    assert again.outcome == "already_imported"


def test_a_revoked_device_cut_off_before_its_first_bundle(
    receiver: Workspace,
    bundle: Bundle,
    gen: ModuleType,
    refuse: Callable[..., importer.ImportReport],
) -> None:
    enrolment.revoke_device(receiver, gen.DEVICES["sender"][0], 0)
    refuse(
        receiver, bundle("valid/russia_seq1.alhol"), "revoked after bundle 0", outcome="quarantined"
    )


TWO_GB = 2 * 1024**3


def test_a_2_gb_file_is_refused_by_its_size_before_it_is_read(
    receiver: Workspace,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
    refuse: Callable[..., importer.ImportReport],
) -> None:
    huge = stick / "0123456789abcdef.alhol"
    with huge.open("wb") as handle:
        handle.truncate(TWO_GB)  # sparse: no disk space used
    assert huge.stat().st_size == TWO_GB
    reads: list[Path] = []
    real_read_bytes, real_open = Path.read_bytes, Path.open

    def read_bytes(self: Path) -> bytes:
        if self == huge:
            reads.append(self)
            raise AssertionError("the 2 GB file was read")
        return real_read_bytes(self)

    def path_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == huge:
            reads.append(self)
            raise AssertionError("the 2 GB file was opened")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "open", path_open)
    report = refuse(receiver, huge, "too large to be a bundle (2048 MB); it was not read")
    assert reads == []
    assert report.seq is None and report.sender_team is None


# --- the limits, at each limit and one past it -----------------------------------------


def three_records(gen: ModuleType) -> bytes:
    """Three records, one edit whose base is another device's clock (a laptop may edit what
    HQ relayed; only the bases name other devices): a payload to measure."""
    hq_made = gen.hlc(gen.SEQ1_MS - 1000, 0, gen.DEVICES["receiver"][0])
    event = StatusEvent(
        id="7e57e7e0-0000-4000-8000-000000000003",
        country="RUS",
        status="in_talks",
        event_date="2024-04-01",
        source="Embassy (test data)",
    )
    changes = [
        *gen.russia_changes(),
        *gen.record_changes(gen.RUSSIA_EVENT, gen.hlc(gen.SEQ1_MS, 1)),
        *gen.with_value(
            gen.record_changes(event, gen.hlc(gen.SEQ1_MS, 2)),
            "note",
            "checked",
            hlc=gen.hlc(gen.SEQ1_MS, 3),
            base=hq_made,
        ),
    ]
    body: bytes = gen.manifest_body("in-test/three_records", changes)
    return body


def measured(body: bytes) -> dict[str, int]:
    """What the manifest holds, counted from its bytes and lines, as a reader sees them."""
    header, *lines = body.removesuffix(b"\n").split(b"\n")
    doc = json.loads(header)
    return {
        "records": len(lines),
        "changes": sum(len(json.loads(line)[3]) for line in lines),
        "manifest_bytes": len(body),
        "header_bytes": len(header),
        "line_bytes": max(map(len, lines)),
        "devices": len(doc["devices"]),
        "recipients": len(doc["recipients"]),
    }


LIMIT_REFUSALS = {
    "records": "holds more than 2 records",
    "changes": "holds more than {n:,} changes",
    "manifest_bytes": "manifest is larger than {n:,} bytes",
    "header_bytes": "has header longer than {n:,} bytes",
    "line_bytes": "has a record line longer than {n:,} bytes",
    "devices": "names more than 1 devices",
    "recipients": "addressed to more than 0 keys",
}


@pytest.mark.parametrize("limit", sorted(LIMIT_REFUSALS))
def test_a_bundle_at_a_limit_imports_and_one_past_it_is_refused(
    make_receiver: Callable[[], Workspace],
    stick: Path,
    gen: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    refuse: Callable[..., importer.ImportReport],
    limit: str,
) -> None:
    """The importer enforces the one table of limits: with the limit set to exactly what
    the bundle holds it imports; one less, and the same bundle is refused whole."""
    body = three_records(gen)
    size = measured(body)[limit]
    assert size >= 1
    path = stick / "three.alhol"
    path.write_bytes(gen.sealed(manifest.compress(body))[1])

    monkeypatch.setattr(manifest, "LIMITS", Limits(**{limit: size}))
    at_limit = make_receiver()
    report = importer.import_bundle(at_limit, path, now_ms=now)
    assert report.outcome == "applied", report.reason
    assert report.summary["new"] == 3

    monkeypatch.setattr(manifest, "LIMITS", Limits(**{limit: size - 1}))
    past = make_receiver()
    refuse(past, path, LIMIT_REFUSALS[limit].format(n=size - 1))
    assert batch_row(past) == []


# --- one flipped byte anywhere, a cut anywhere -----------------------------------------


def test_one_flipped_byte_anywhere_is_refused(
    receiver: Workspace, bundle: Bundle, snapshot: Snap, bundle_rows: Rows
) -> None:
    """Every byte of a whole bundle, each flipped in turn (verify: the same checks, no writes)."""
    importer.import_bundle(receiver, bundle("valid/russia_seq1.alhol"), now_ms=now)
    path = bundle("valid/russia_seq2.alhol")
    original = path.read_bytes()
    before, history = snapshot(receiver), bundle_rows(receiver)
    reasons: set[str] = set()
    age_header = original.index(b"\n---") + 1  # the recipient stanzas end here
    for position in range(len(original)):
        damaged = bytearray(original)
        damaged[position] ^= 0x01
        path.write_bytes(bytes(damaged))
        report = importer.verify_bundle(receiver, path, now_ms=now)
        if report.outcome == "not_for_this_device":
            # A damaged recipient stanza cannot be told from a stanza for another device:
            # passed over, which changes nothing either.
            assert position < age_header, f"a flip at byte {position} was taken as for others"
        else:
            assert report.outcome == "refused", f"a flip at byte {position} went unnoticed"
        assert_plain_line(report.reason)
        reasons.add(report.reason or "")
    assert snapshot(receiver) == before and bundle_rows(receiver) == history
    assert any(DAMAGED in r for r in reasons)
    path.write_bytes(original)
    assert importer.verify_bundle(receiver, path, now_ms=now).outcome == "verified"


def test_a_file_cut_short_anywhere_is_refused(
    receiver: Workspace, bundle: Bundle, snapshot: Snap
) -> None:
    importer.import_bundle(receiver, bundle("valid/russia_seq1.alhol"), now_ms=now)
    path = bundle("valid/russia_seq2.alhol")
    original = path.read_bytes()
    before = snapshot(receiver)
    for length in [0, 1, 20, 64, *range(100, len(original), 97), len(original) - 1]:
        path.write_bytes(original[:length])
        report = importer.import_bundle(receiver, path, now_ms=now)
        assert report.outcome == "refused", f"cut at {length} bytes was accepted"
        assert_plain_line(report.reason)
    assert snapshot(receiver) == before
    path.write_bytes(original)  # the whole file, copied again, still goes in
    assert importer.import_bundle(receiver, path, now_ms=now).outcome == "applied"


# --- the command line ------------------------------------------------------------------


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., tuple[int, str, str]]]:
    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    yield run
    logger = logging.getLogger("alhol_desk")  # main() logs to the first data folder it sees
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler):
            logger.removeHandler(handler)
            handler.close()


@pytest.mark.parametrize(
    "relative",
    ["tampered/flipped_byte.alhol", "tampered/signed_by_untrusted.alhol", "invalid/non_utf8.alhol"],
)
def test_cli_import_of_a_bad_file_exits_1_with_one_error_line(
    receiver: Workspace,
    bundle: Bundle,
    snapshot: Snap,
    cli: Callable[..., tuple[int, str, str]],
    relative: str,
) -> None:
    path = bundle(relative)
    before = snapshot(receiver)
    code, out, err = cli("--data-dir", str(receiver.data_dir), "import", str(path))
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and err.endswith("\n"), err
    assert lines[0].startswith(f"error: {path.name}: refused: ")
    assert_plain_line(lines[0])
    assert snapshot(receiver) == before


def test_cli_import_of_the_valid_bundle_then_a_replay(
    receiver: Workspace, bundle: Bundle, cli: Callable[..., tuple[int, str, str]]
) -> None:
    path = bundle("valid/russia_seq1.alhol")
    data_dir = str(receiver.data_dir)
    code, out, err = cli("--data-dir", data_dir, "import", str(path))
    assert (code, err) == (0, ""), err
    assert "1 new" in out
    code, out, err = cli("--data-dir", data_dir, "import", str(path))
    assert (code, err) == (0, "")
    assert "already imported" in out
    assert os.path.exists(path)  # import never moves or deletes the file on the stick
