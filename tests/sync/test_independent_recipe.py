"""Opening a bundle with no alhol-desk code at all: the recipe of docs/sync-recipe.md.

Stock ``age`` decrypts, the standard library parses the DSSE envelope and inflates the
payload, PyNaCl (an independent Ed25519) checks the signature with the raw public key from
the sender's ``card.json``. This module imports nothing from alhol_desk: if the format
drifted from what the recipe says, or came to need the app to be read, this fails.

Skipped when the ``age`` command is missing, except in CI (ALHOL_DESK_REQUIRE_TOOLS=1),
where a skip fails the run (see tests/conftest.py).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nacl.exceptions
import nacl.signing
import pytest

pytestmark = pytest.mark.skipif(shutil.which("age") is None, reason="the age command is missing")

BUNDLES = Path(__file__).resolve().parents[1] / "fixtures" / "bundles"
KEYS = BUNDLES / "keys"
GOLDEN = BUNDLES / "golden" / "v2"
PAYLOAD_TYPE = "application/vnd.alhol-desk.bundle+jsonl; version=2; compression=zlib"
SENDER = "f1e1d000000000000000000000000001"
HQ = "a0a0a000000000000000000000000001"


@dataclass
class Opened:
    payload: bytes  # exactly the signed bytes (compressed)
    header: dict[str, Any]
    records: dict[tuple[str, str], dict[str, Any]]  # (table, pk) -> column -> value
    clocks: dict[tuple[str, str], dict[str, tuple[str, str | None]]]  # ... -> (clock, base)
    created: dict[tuple[str, str], str]
    authors: dict[tuple[str, str], tuple[str, str]]  # who made each record: (team, operator)


# --- the recipe ---------------------------------------------------------------------------


def age_decrypt(bundle: Path, identity: Path) -> bytes:
    """Step 1: ``age -d -i identity.age FILE`` prints the DSSE envelope (JSON)."""
    out = subprocess.run(
        ["age", "-d", "-i", str(identity), str(bundle)], capture_output=True, check=True, timeout=60
    )
    return out.stdout


def verify(envelope: dict[str, Any], card: Path) -> bytes:
    """Steps 2-3: base64-decode the payload; check the Ed25519 signature over
    PAE(payloadType, payload) with the card's raw public key. Returns the payload."""
    payload_type = envelope["payloadType"].encode("utf-8")
    payload = base64.b64decode(envelope["payload"], validate=True)
    pae = b"DSSEv1 %d %b %d %b" % (len(payload_type), payload_type, len(payload), payload)
    public = base64.b64decode(json.loads(card.read_bytes())["sign_public_key"], validate=True)
    (signature,) = envelope["signatures"]
    nacl.signing.VerifyKey(public).verify(pae, base64.b64decode(signature["sig"], validate=True))
    return payload


def clock(short: list[int], devices: list[str]) -> str:
    """A clock ``[wall_ms, counter, device index (, author index)]`` as the app prints it."""
    wall, counter, index = short[:3]
    return f"{wall:013d}.{counter:06d}.{devices[index]}"


def open_bundle(bundle: Path, identity: Path, card: Path) -> Opened:
    envelope = json.loads(age_decrypt(bundle, identity))
    assert envelope["payloadType"] == PAYLOAD_TYPE
    payload = verify(envelope, card)
    # Step 4: inflate (RFC 1950); the manifest is UTF-8 lines, each ended by "\n".
    text = zlib.decompress(payload)
    *lines, last = text.split(b"\n")
    assert last == b""
    header = json.loads(lines[0])
    assert (header["format"], header["sync_version"]) == ("alhol-desk-bundle", 2)
    devices, columns = header["devices"], header["columns"]
    opened = Opened(payload, header, {}, {}, {}, {})
    # Step 5: each further line is one whole record: [table, pk, created, values, overrides];
    # a change's clock names its author too (an index into the header's authors).
    for raw in lines[1:]:
        table, pk, created, values, overrides = json.loads(raw)
        names = columns[table]
        key = (table, pk)
        opened.records[key] = dict(zip(names, values, strict=True))
        opened.created[key] = clock(created, devices)
        opened.authors[key] = tuple(header["authors"][created[3]])
        opened.clocks[key] = {name: (clock(created, devices), None) for name in names}
        for index, at, base in overrides:
            opened.clocks[key][names[index]] = (
                clock(at, devices),
                None if base is None else clock(base, devices),
            )
    return opened


# --- the recipe, followed -------------------------------------------------------------------


def test_the_russia_bundle_opens_with_stock_tools() -> None:
    opened = open_bundle(
        BUNDLES / "valid" / "russia_seq1.alhol",
        KEYS / "receiver" / "identity.age",
        KEYS / "sender" / "card.json",
    )
    header = opened.header
    assert header["sender"]["device_id"] == SENDER and header["sender"]["team"] == "Hasakah 1"
    assert (header["seq"], header["prev"], header["export"]) == (
        1,
        None,
        {"first_seq": 1, "last": True},
    )
    assert header["devices"] == [SENDER]
    key = ("batches", "7e57ba7c-0000-4000-8000-000000000001")
    assert list(opened.records) == [key]
    russia = opened.records[key]
    assert list(russia) == header["columns"]["batches"]  # a whole record: every column
    assert (russia["country"], russia["status"], russia["departure_date"]) == (
        "RUS",
        "received",
        "2024-04-28",
    )
    assert (russia["girls"], russia["boys"], russia["min_age"], russia["max_age"]) == (
        12,
        20,
        5,
        17,
    )
    assert russia["families"] is None and russia["deleted"] == 0
    made = "1714550400000.000000." + SENDER  # 2024-05-01 08:00 UTC
    assert opened.created[key] == made
    assert opened.authors[key] == ("Hasakah 1", "Amina Yusuf")
    assert set(opened.clocks[key].values()) == {(made, None)}


def test_the_chain_links_the_signed_bytes() -> None:
    """``prev`` of seq 2 is the SHA-256 of seq 1's payload exactly as signed."""
    identity, card = KEYS / "receiver" / "identity.age", KEYS / "sender" / "card.json"
    one = open_bundle(BUNDLES / "valid" / "russia_seq1.alhol", identity, card)
    two = open_bundle(BUNDLES / "valid" / "russia_seq2.alhol", identity, card)
    assert two.header["seq"] == 2
    assert two.header["prev"] == hashlib.sha256(one.payload).hexdigest()
    key = ("batches", "7e57ba7c-0000-4000-8000-000000000001")
    assert two.records[key] == {**one.records[key], "source_date": "2024-05-09"}
    made = one.created[key]
    assert two.created[key] == made
    assert two.clocks[key]["source_date"] == (f"1715328000000.000000.{SENDER}", made)
    assert two.clocks[key]["girls"] == (made, None)


def test_the_golden_bundle_opens_with_stock_tools() -> None:
    """HQ relays records made on three devices: clocks name them through ``devices``."""
    opened = open_bundle(
        GOLDEN / "bundle.alhol", GOLDEN / "field" / "identity.age", GOLDEN / "hq" / "card.json"
    )
    assert opened.header["sender"]["device_id"] == HQ
    assert opened.header["devices"] == [
        HQ,
        "f1e1d000000000000000000000000002",
        "a0a0a000000000000000000000000002",
    ]
    assert [table for table, _ in opened.records] == [
        "batches",
        "batches",
        "status_events",
        "estimates",
    ]
    first = ("batches", "601de000-0000-4000-8000-000000000001")
    assert opened.records[first]["note"] == "استلمت في معبر فيشخابور، ثلاثة أطفال دون مرافق"
    made = "1716111000000.000000.f1e1d000000000000000000000000002"
    assert opened.created[first] == made
    assert opened.clocks[first]["source_date"] == (f"1716197460000.000002.{HQ}", made)
    assert opened.clocks[first]["note"] == (made, None)
    second = ("batches", "601de000-0000-4000-8000-000000000002")
    assert opened.records[second]["families"] is None  # a null count, not 0
    estimate = opened.records[("estimates", "601de000-0000-4000-8000-000000000004")]
    assert (estimate["women"], estimate["girls"], estimate["total"]) == (None, 40, None)

    later = open_bundle(
        GOLDEN / "bundle-2.alhol", GOLDEN / "field" / "identity.age", GOLDEN / "hq" / "card.json"
    )
    assert later.header["prev"] == hashlib.sha256(opened.payload).hexdigest()
    assert list(later.records) == [second]  # the record again, whole, with its edits
    assert later.records[second] == {**opened.records[second], "families": 2, "status": "confirmed"}
    assert later.created[second] == opened.created[second]
    edit = (f"1716201000000.000000.{HQ}", opened.created[second])
    assert later.clocks[second]["status"] == later.clocks[second]["families"] == edit


def test_the_recipe_catches_a_bundle_signed_by_another_key() -> None:
    """Re-signed by another laptop (key id kept): the sender's card does not verify it."""
    envelope = json.loads(
        age_decrypt(
            BUNDLES / "tampered" / "resigned_keyid_kept.alhol", KEYS / "receiver" / "identity.age"
        )
    )
    with pytest.raises(nacl.exceptions.BadSignatureError):
        verify(envelope, KEYS / "sender" / "card.json")
    assert verify(envelope, KEYS / "other_field" / "card.json")  # it was other_field's key


def test_the_recipe_catches_one_changed_payload_byte() -> None:
    envelope = json.loads(
        age_decrypt(BUNDLES / "valid" / "russia_seq1.alhol", KEYS / "receiver" / "identity.age")
    )
    payload = bytearray(base64.b64decode(envelope["payload"]))
    payload[len(payload) // 2] ^= 0x01
    envelope["payload"] = base64.b64encode(bytes(payload)).decode()
    with pytest.raises(nacl.exceptions.BadSignatureError):
        verify(envelope, KEYS / "sender" / "card.json")


def test_the_recipe_in_the_docs_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/sync-recipe.md: its age command, then its Python, as written, on the golden
    bundle, print each record with its clocks."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "sync-recipe.md").read_text("utf-8")
    assert "age -d -i keys/identity.age" in doc
    (code,) = re.findall(r"```python\n(.*?)```", doc, re.S)
    (tmp_path / "envelope.json").write_bytes(
        age_decrypt(GOLDEN / "bundle.alhol", GOLDEN / "field" / "identity.age")
    )
    shutil.copyfile(GOLDEN / "hq" / "card.json", tmp_path / "card.json")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "docs/sync-recipe.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in printed] == [
        ["batches", "601de000-0000-4000-8000-000000000001"],
        ["batches", "601de000-0000-4000-8000-000000000002"],
        ["status_events", "601de000-0000-4000-8000-000000000003"],
        ["estimates", "601de000-0000-4000-8000-000000000004"],
    ]
    assert "استلمت في معبر فيشخابور" in printed[0]
    assert f"'source_date': ('1716197460000.000002.{HQ}', " in printed[0]

    shutil.copyfile(KEYS / "sender" / "card.json", tmp_path / "card.json")  # the wrong card
    with pytest.raises(nacl.exceptions.BadSignatureError):
        exec(compile(code, "docs/sync-recipe.md", "exec"), {})
