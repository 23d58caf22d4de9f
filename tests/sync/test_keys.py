"""Device keys on disk, device cards and fingerprints."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import x25519

from alhol_desk.core.errors import AlholError
from alhol_desk.core.sync.cards import (
    DeviceCard,
    fingerprint,
    fingerprints_match,
    key_id_for,
    normalise_fingerprint,
)
from alhol_desk.core.sync.envelope import encrypt
from alhol_desk.core.sync.keys import (
    IDENTITY_FILE,
    KEYS_DIR,
    SIGNING_KEY_FILE,
    DeviceKeys,
    generate_device_keys,
    load_device_keys,
)

DEVICE = "0123456789abcdef0123456789abcdef"
FINGERPRINT = re.compile(r"([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}")
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def memory_keys() -> DeviceKeys:
    return DeviceKeys(Ed25519PrivateKey.generate(), x25519.Identity.generate())


def a_card(**overrides: Any) -> DeviceCard:
    fields = memory_keys().card(DEVICE, "Hasakah 1", "field").__dict__ | overrides
    return DeviceCard(**fields)


# Keys on disk


@posix_only
def test_key_files_are_private(tmp_path: Path) -> None:
    old_umask = os.umask(0)  # the most permissive umask: the modes must not depend on it
    try:
        generate_device_keys(tmp_path)
    finally:
        os.umask(old_umask)
    keys_dir = tmp_path / KEYS_DIR
    assert stat.S_IMODE(keys_dir.stat().st_mode) == 0o700
    for name in (SIGNING_KEY_FILE, IDENTITY_FILE):
        assert stat.S_IMODE((keys_dir / name).stat().st_mode) == 0o600


def test_keys_load_back(tmp_path: Path) -> None:
    made = generate_device_keys(tmp_path)
    loaded = load_device_keys(tmp_path)
    assert loaded.key_id == made.key_id
    assert loaded.sign_public_key_b64 == made.sign_public_key_b64
    assert loaded.age_recipient == made.age_recipient
    pem = (tmp_path / KEYS_DIR / SIGNING_KEY_FILE).read_text()
    assert pem.startswith("-----BEGIN PRIVATE KEY-----")


def test_identity_file_is_in_age_keygen_format(tmp_path: Path) -> None:
    keys = generate_device_keys(tmp_path)
    lines = (tmp_path / KEYS_DIR / IDENTITY_FILE).read_text().splitlines()
    assert lines[0].startswith("# created: ")
    assert lines[1] == f"# public key: {keys.age_recipient}"
    assert lines[2].startswith("AGE-SECRET-KEY-1")
    assert keys.age_recipient.startswith("age1")


def test_existing_keys_are_never_replaced(tmp_path: Path) -> None:
    generate_device_keys(tmp_path)
    before = {p.name: p.read_bytes() for p in (tmp_path / KEYS_DIR).iterdir()}
    with pytest.raises(AlholError, match="already has device keys"):
        generate_device_keys(tmp_path)
    (tmp_path / KEYS_DIR / IDENTITY_FILE).unlink()  # half a pair is still a pair
    with pytest.raises(AlholError, match="already has device keys"):
        generate_device_keys(tmp_path)
    assert (tmp_path / KEYS_DIR / SIGNING_KEY_FILE).read_bytes() == before[SIGNING_KEY_FILE]


def test_missing_keys_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(AlholError, match=r"no keys.*restore the keys folder.*alhol-desk init"):
        load_device_keys(tmp_path)


@pytest.mark.parametrize("name", [SIGNING_KEY_FILE, IDENTITY_FILE])
@pytest.mark.parametrize("content", [b"", b"garbage\n", b"\xff\xfe", b"AGE-SECRET-KEY-1XYZ\n"])
def test_damaged_key_files_are_refused(tmp_path: Path, name: str, content: bytes) -> None:
    generate_device_keys(tmp_path)
    (tmp_path / KEYS_DIR / name).write_bytes(content)
    with pytest.raises(AlholError, match=r"damaged.*restore"):
        load_device_keys(tmp_path)


def test_an_ed448_key_is_not_a_signing_key(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed448 import Ed448PrivateKey

    generate_device_keys(tmp_path)
    other = Ed448PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (tmp_path / KEYS_DIR / SIGNING_KEY_FILE).write_bytes(other)
    with pytest.raises(AlholError, match="not an Ed25519 key"):
        load_device_keys(tmp_path)


@pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")
def test_stock_age_decrypts_with_the_identity_file(tmp_path: Path) -> None:
    keys = generate_device_keys(tmp_path)
    other = x25519.Identity.generate()
    bundle = tmp_path / "bundle.alhol"
    bundle.write_bytes(
        encrypt(b"emergency access works", [str(other.to_public()), keys.age_recipient])
    )
    out = subprocess.run(
        ["age", "-d", "-i", str(tmp_path / KEYS_DIR / IDENTITY_FILE), str(bundle)],
        capture_output=True,
        check=True,
        timeout=30,
    )
    assert out.stdout == b"emergency access works"


@pytest.mark.skipif(shutil.which("age-keygen") is None, reason="age-keygen is not installed")
def test_stock_age_keygen_reads_the_identity_file(tmp_path: Path) -> None:
    keys = generate_device_keys(tmp_path)
    out = subprocess.run(
        ["age-keygen", "-y", str(tmp_path / KEYS_DIR / IDENTITY_FILE)],
        capture_output=True,
        check=True,
        timeout=30,
        text=True,
    )
    assert out.stdout.strip() == keys.age_recipient


def test_keys_do_not_show_secrets() -> None:
    keys = memory_keys()
    assert "AGE-SECRET-KEY" not in repr(keys)
    assert str(keys.age_identity) not in repr(keys)


def test_key_id() -> None:
    keys = memory_keys()
    raw = keys.sign_public_key_raw
    assert keys.key_id == hashlib.sha256(raw).hexdigest()[:32]
    assert re.fullmatch(r"[0-9a-f]{32}", key_id_for(raw))
    assert base64.b64decode(keys.sign_public_key_b64) == raw
    with pytest.raises(ValueError, match="32 bytes"):
        key_id_for(raw[:31])


# Cards


def test_card_round_trip() -> None:
    card = a_card(team="حسكة ١")
    data = card.to_json()
    assert data.endswith(b"}\n")
    assert b'\n  "format": "alhol-desk-card",' in data
    doc = json.loads(data)
    assert doc["format_version"] == 1
    assert "حسكة".encode() in data
    again = DeviceCard.parse(data)
    assert again == card
    assert again.key_id == card.key_id == key_id_for(card.sign_public_key_raw)
    assert again.public_key.public_bytes_raw() == card.sign_public_key_raw


def _card_doc() -> dict[str, Any]:
    result: dict[str, Any] = json.loads(a_card().to_json())
    return result


def _with(**changes: Any) -> bytes:
    doc = _card_doc()
    for key, value in changes.items():
        if value is _MISSING:
            del doc[key]
        else:
            doc[key] = value
    return json.dumps(doc).encode()


_MISSING = object()
_KEY_B64 = _card_doc()["sign_public_key"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not json", "not a device card"),
        (b"[]", "not an alhol-desk device card"),
        (b'{"format": "alhol-desk-card", "format": "alhol-desk-card"}', "repeats the key"),
        (_with(format="alhol-desk-bundle"), "not an alhol-desk device card"),
        (_with(format_version=2), "newer version of alhol-desk: update the app"),
        (_with(format_version=0), "unknown format_version"),
        (_with(format_version=True), "unknown format_version"),
        (_with(device_id=_MISSING), "has no device_id"),
        (_with(team=_MISSING), "has no team"),
        (_with(age_recipient=_MISSING), "has no age_recipient"),
        (_with(extra="x"), "unexpected field 'extra'"),
        (_with(device_id="0123"), "device id"),
        (_with(device_id=DEVICE.upper()), "device id"),
        (_with(device_id=5), "device_id is not text"),
        (_with(team=""), "team"),
        (_with(team="   "), "team"),
        (_with(team="x" * 101), "team"),
        (_with(team="evil\x1b[31m"), "control characters"),
        (_with(role="admin"), "role 'admin'"),
        (_with(sign_public_key="not base64!"), "signing key"),
        (_with(sign_public_key=base64.b64encode(b"k" * 31).decode()), "signing key"),
        (_with(sign_public_key=base64.b64encode(b"k" * 33).decode()), "signing key"),
        (_with(sign_public_key=_KEY_B64.rstrip("=")), "signing key"),
        (_with(sign_public_key=_KEY_B64[:-2] + chr(ord(_KEY_B64[-2]) + 1) + "="), "signing key"),
        (_with(sign_public_key=" " + _KEY_B64), "signing key"),
        (_with(age_recipient="age1notarecipient"), "age recipient"),
        (_with(age_recipient=str(memory_keys().age_recipient).upper()), "age recipient"),
        (_with(age_recipient="AGE-SECRET-KEY-1QQQ"), "age recipient"),
        (b" " * (64 * 1024 + 1), "too big"),
    ],
)
def test_malformed_cards_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(AlholError) as caught:
        DeviceCard.parse(data)
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_card_cannot_be_built_invalid() -> None:
    with pytest.raises(AlholError, match="role"):
        a_card(role="root")


# Fingerprints


def test_fingerprint_shape_and_stability() -> None:
    card = a_card()
    shown = fingerprint(card)
    assert FINGERPRINT.fullmatch(shown)
    assert fingerprint(DeviceCard.parse(card.to_json())) == shown
    # Team and role are not part of it: they are read out with it, not hashed.
    assert fingerprint(a_card(**{**card.__dict__, "team": "Other"})) == shown


def test_fingerprint_covers_device_and_both_keys() -> None:
    card = a_card()
    other = memory_keys()
    variants = [
        DeviceCard(**{**card.__dict__, "device_id": "f" * 32}),
        DeviceCard(**{**card.__dict__, "sign_public_key": other.sign_public_key_b64}),
        DeviceCard(**{**card.__dict__, "age_recipient": other.age_recipient}),
    ]
    assert len({fingerprint(card), *map(fingerprint, variants)}) == 4


def test_normalise_fingerprint_forgives_what_people_type() -> None:
    shown = fingerprint(a_card())
    plain = shown.replace("-", "")
    assert normalise_fingerprint(shown) == shown
    assert normalise_fingerprint(shown.lower()) == shown
    assert normalise_fingerprint(plain) == shown
    assert normalise_fingerprint(" ".join(shown.split("-"))) == shown
    assert normalise_fingerprint(f"  {plain[:10]} {plain[10:]}\t") == shown
    assert normalise_fingerprint("0" * 32) == normalise_fingerprint("O" * 32)
    assert normalise_fingerprint("1" * 32) == normalise_fingerprint("I" * 16 + "l" * 16)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [("ABCD", "this one has 4"), ("U" * 32, "never contains 'U'"), ("*" * 32, "never contains")],
)
def test_normalise_fingerprint_refuses_what_cannot_be_one(typed: str, reason: str) -> None:
    with pytest.raises(AlholError, match=re.escape(reason)):
        normalise_fingerprint(typed)


def test_fingerprints_match() -> None:
    card = a_card()
    shown = fingerprint(card)
    assert fingerprints_match(card, shown)
    assert fingerprints_match(card, shown.lower().replace("-", " ").replace("0", "o"))
    wrong = ("1" if shown[0] != "1" else "2") + shown[1:]
    assert not fingerprints_match(card, wrong)
    assert not fingerprints_match(card, fingerprint(a_card()))
    assert not fingerprints_match(card, "")
    assert not fingerprints_match(card, "not a fingerprint")
