"""Sync format 2 at scale: one table of limits, exports split at them, a window per recipient.

The limits are made small here (a handful of records) so that every edge is reached with
a few batches: the exporter must never write what the importer refuses, a split export
must import in any order, a lost part must be sent again, and HQ must send each laptop
only what that laptop lacks.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from alhol_desk.core import services
from alhol_desk.core.records import Batch
from alhol_desk.core.sync import exporter, importer, limits, manifest
from alhol_desk.core.workspace import Workspace, initialise
from enrolling import enrol


def batch(n: int) -> dict[str, object]:
    return {
        "country": "RUS",
        "departure_date": "2024-01-01",
        "status": "received",
        "girls": n % 7 + 1,
        "boys": 2,
        "source": "Public reporting",
        "note": f"batch {n}",
    }


def small(monkeypatch: pytest.MonkeyPatch, **fields: int) -> limits.Limits:
    """Limits as small as a test needs, for the exporter and the importer alike."""
    chosen = replace(limits.LIMITS, **fields)
    monkeypatch.setattr(limits, "LIMITS", chosen)
    monkeypatch.setattr(importer, "LIMITS", chosen)
    monkeypatch.setattr(manifest, "LIMITS", chosen)
    monkeypatch.setattr(exporter, "LIMITS", chosen)
    return chosen


def add(ws: Workspace, count: int) -> list[str]:
    return [services.save_batch(ws, batch(n)).record.id for n in range(count)]


def batch_ids(ws: Workspace) -> set[str]:
    return {row[0] for row in ws.db.execute("SELECT id FROM batches")}


def header(path: Path, ws: Workspace) -> manifest.Header:
    """The header of a bundle written for ``ws``, read as the importer reads it."""
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from alhol_desk.core.sync import envelope
    from alhol_desk.core.sync.keys import load_device_keys

    keys = load_device_keys(ws.data_dir)
    plain = envelope.decrypt_file(path, keys.age_identity, max_bytes=limits.LIMITS.file_bytes)
    trusted = {
        p.key_id: Ed25519PublicKey.from_public_bytes(base64.b64decode(p.sign_public_key))
        for p in ws.devices.peers()
    }
    payload, _ = envelope.open_envelope(plain, trusted)
    head, _records = manifest.read_manifest(payload)
    return head


@pytest.mark.parametrize(("made", "cap", "bundles"), [(3, 3, 1), (4, 3, 2), (7, 3, 3)])
def test_an_export_is_split_at_the_record_limit(
    pair: tuple[Workspace, Workspace, Path],
    monkeypatch: pytest.MonkeyPatch,
    made: int,
    cap: int,
    bundles: int,
) -> None:
    """At the limit one bundle; one record past it, two; each bundle of whole records."""
    field, hq, stick = pair
    small(monkeypatch, records=cap)
    ids = add(field, made)
    result = exporter.export_bundle(field, stick)
    assert len(result.bundles) == bundles
    assert [b.seq for b in result.bundles] == list(range(1, bundles + 1))
    assert all(b.records <= cap for b in result.bundles)
    assert sum(b.records for b in result.bundles) == made
    assert result.changes == made * len(Batch.synced_columns())
    heads = [header(b.path, hq) for b in result.bundles]
    assert [h.first_seq for h in heads] == [1] * bundles
    assert [h.last for h in heads] == [False] * (bundles - 1) + [True]
    for bundle in result.bundles:  # the importer, under the same limits, takes every one
        assert importer.import_bundle(hq, bundle.path).outcome == "applied"
    assert batch_ids(hq) == set(ids)


def test_the_change_and_byte_limits_split_too(
    pair: tuple[Workspace, Workspace, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    field, hq, stick = pair
    columns = len(Batch.synced_columns())
    small(monkeypatch, changes=2 * columns)
    add(field, 5)
    by_changes = exporter.export_bundle(field, stick, full=True)
    assert [b.records for b in by_changes.bundles] == [2, 2, 1]

    one_record = by_changes.bundles[-1]
    plain_size = _manifest_size(one_record.path, hq)
    # Room for the header and a little more than one record line: one record a bundle.
    small(monkeypatch, manifest_bytes=plain_size + 200)
    by_bytes = exporter.export_bundle(field, stick, full=True)
    assert [b.records for b in by_bytes.bundles] == [1] * 5
    for bundle in by_bytes.bundles:
        assert _manifest_size(bundle.path, hq) <= plain_size + 200
        assert importer.import_bundle(hq, bundle.path).outcome == "applied"


def _manifest_size(path: Path, ws: Workspace) -> int:
    """Decompressed manifest bytes of a bundle addressed to ``ws``."""
    import base64
    import zlib

    from alhol_desk.core.sync import envelope
    from alhol_desk.core.sync.keys import load_device_keys

    keys = load_device_keys(ws.data_dir)
    plain = envelope.decrypt_file(path, keys.age_identity, max_bytes=1 << 30)
    payload = base64.b64decode(json.loads(bytes(plain))["payload"])
    return len(zlib.decompress(payload))


def test_a_bundle_one_record_past_the_readers_limit_is_refused_whole(
    pair: tuple[Workspace, Workspace, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a (forged or buggy) writer puts past a limit is refused, changing nothing."""
    field, hq, stick = pair
    add(field, 4)
    path = exporter.export_bundle(field, stick).path  # the default limits: one bundle
    monkeypatch.setattr(importer, "LIMITS", replace(limits.LIMITS, records=3))
    monkeypatch.setattr(manifest, "LIMITS", replace(limits.LIMITS, records=3))
    report = importer.import_bundle(hq, path)
    assert report.outcome == "refused"
    assert "more than 3 records" in (report.reason or "")
    assert batch_ids(hq) == set()


def test_split_bundles_import_in_any_order_and_each_stands_alone(
    pair: tuple[Workspace, Workspace, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    field, hq, stick = pair
    small(monkeypatch, records=2)
    ids = add(field, 6)
    bundles = exporter.export_bundle(field, stick).bundles
    assert len(bundles) == 3
    for done, bundle in enumerate(reversed(bundles), start=1):
        report = importer.import_bundle(hq, bundle.path)
        assert report.outcome == "applied" and report.summary["new"] == 2
        assert len(batch_ids(hq)) == 2 * done
    assert batch_ids(hq) == set(ids)


def test_a_lost_part_is_sent_again_and_a_whole_export_moves_the_window_on(
    pair: tuple[Workspace, Workspace, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    field, hq, stick = pair
    small(monkeypatch, records=2)
    ids = add(field, 6)
    first = exporter.export_bundle(field, stick).bundles
    for bundle in (first[0], first[2]):  # the middle part is lost on the way
        assert importer.import_bundle(hq, bundle.path).outcome == "applied"
    back = exporter.export_bundle(hq, stick)
    assert header(back.path, field).acks == {}  # that export did not arrive whole
    assert importer.import_bundle(field, back.path).outcome == "applied"

    again = exporter.export_bundle(field, stick).bundles  # so everything goes again
    assert sum(b.records for b in again) == 6
    for bundle in again:
        assert importer.import_bundle(hq, bundle.path).outcome == "applied"
    assert batch_ids(hq) == set(ids)
    back = exporter.export_bundle(hq, stick)
    assert header(back.path, field).acks == {field.device.id: again[-1].seq}
    assert importer.import_bundle(field, back.path).outcome == "applied"

    later = add(field, 1)
    third = exporter.export_bundle(field, stick)
    assert third.records == 1  # only what HQ has not confirmed
    assert importer.import_bundle(hq, third.path).summary["new"] == 1
    assert batch_ids(hq) == set(ids) | set(later)


@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Workspace, list[Workspace], Path]]:
    hq = initialise(tmp_path / "hq", team="HQ", role="hq", operator="Omar")
    fields = [
        initialise(tmp_path / f"f{i}", team=f"Team {i}", role="field", operator=f"officer {i}")
        for i in range(3)
    ]
    for field in fields:
        enrol(field, hq, tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    yield hq, fields, stick
    for ws in (hq, *fields):
        ws.close()


def test_hq_sends_each_laptop_what_that_laptop_lacks_not_what_the_latest_lacks(
    network: tuple[Workspace, list[Workspace], Path],
) -> None:
    hq, (one, two, late), stick = network
    made = add(one, 5)
    assert importer.import_bundle(hq, exporter.export_bundle(one, stick).path).outcome == "applied"
    first = exporter.export_bundle(hq, stick)
    assert len(first.bundles) == 3  # one chain per laptop
    # The laptop that made the batches is not sent them back.
    assert first.paths_for(one.device.id) and _records_for(first, one) == 0
    assert _records_for(first, two) == 5 and _records_for(first, late) == 5
    for ws in (one, two):  # two laptops import and confirm; the late one never does
        assert importer.import_bundle(ws, first.path_for(ws.device.id)).outcome == "applied"
        assert importer.import_bundle(hq, exporter.export_bundle(ws, stick).path).outcome in (
            "applied",
        )

    services.save_batch(hq, batch(99))
    second = exporter.export_bundle(hq, stick)
    assert _records_for(second, one) == 1
    assert _records_for(second, two) == 1
    assert _records_for(second, late) == 6  # everything it never confirmed
    assert importer.import_bundle(late, second.path_for(late.device.id)).summary["new"] == 6
    assert batch_ids(late) == set(made) | batch_ids(hq)


def _records_for(result: exporter.ExportResult, ws: Workspace) -> int:
    return sum(b.records for b in result.bundles if b.device == ws.device.id)


def test_export_to_one_device_writes_for_that_device_only(
    network: tuple[Workspace, list[Workspace], Path],
) -> None:
    hq, (one, two, _late), stick = network
    add(hq, 2)
    result = exporter.export_bundle(hq, stick, to=two.device.id[:8])
    assert [b.device for b in result.bundles] == [two.device.id]
    assert importer.import_bundle(two, result.path).summary["new"] == 2
    # A bundle for another laptop on the same stick is skipped, not refused or logged.
    skipped = importer.import_bundle(one, result.path)
    assert skipped.outcome == "not_for_this_device"
    assert not list(one.db.query("SELECT * FROM bundles WHERE direction = 'received'"))


def test_each_recipient_has_its_own_chain(
    network: tuple[Workspace, list[Workspace], Path],
) -> None:
    hq, fields, stick = network
    for round_ in range(3):
        services.save_batch(hq, batch(round_))
        result = exporter.export_bundle(hq, stick)
        assert sorted(b.seq for b in result.bundles) == [round_ + 1] * 3
        for ws in fields:
            report = importer.import_bundle(ws, result.path_for(ws.device.id))
            assert report.outcome == "applied" and not report.warnings, report.line()
    assert {ws.device.id: n for ws, n in zip(fields, itertools.repeat(3), strict=False)} == {
        device: seq for device, (seq, _prev) in exporter.chain_positions(hq).items()
    }


def test_limits_are_declared_once_and_the_docs_say_the_same() -> None:
    """docs/sync.md's limits table gives the numbers of core/sync/limits.py."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "sync.md").read_text("utf-8")
    table = {
        line.split("|")[1].strip().strip("`"): line.split("|")[2].strip()
        for line in text.splitlines()
        if line.startswith("| `") and line.count("|") >= 4
    }
    got = limits.LIMITS
    for name in (
        "records",
        "changes",
        "manifest_bytes",
        "header_bytes",
        "line_bytes",
        "line_values",
        "depth",
        "devices",
        "recipients",
        "file_bytes",
    ):
        assert name in table, f"docs/sync.md has no limits row for {name}"
        assert table[name].replace(",", "") == str(getattr(got, name)), name
