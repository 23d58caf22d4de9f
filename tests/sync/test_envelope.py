"""DSSE envelopes (signature over the compressed payload, strict parse, trusted keys only)
and age encryption."""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

import nacl.exceptions
import nacl.signing
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyrage import x25519

from alhol_desk.core.errors import AlholError
from alhol_desk.core.sync.envelope import (
    PAYLOAD_TYPE,
    decrypt,
    encrypt,
    is_age_file,
    open_envelope,
    pae,
    sign_envelope,
)
from alhol_desk.core.sync.errors import NEWER_VERSION, BundleRejected
from alhol_desk.core.sync.keys import DeviceKeys

# A payload as the exporter signs it: a format-2 manifest, zlib-compressed.
TEXT = '{"format":"alhol-desk-bundle", "note":"استلمت"  ,"x":[1,2]}\n["batches"]\n'.encode()
MANIFEST = zlib.compress(TEXT, 6)
NOT_TRUSTED = "does not trust"
ALTERED = "signature does not match: the file was altered or damaged"


def new_keys() -> DeviceKeys:
    return DeviceKeys(Ed25519PrivateKey.generate(), x25519.Identity.generate())


def trust(*keys: DeviceKeys) -> dict[str, Ed25519PublicKey]:
    return {k.key_id: k.signing_key.public_key() for k in keys}


def envelope_doc(data: bytes) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(data)
    return doc


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


# PAE and signing


def test_pae_matches_the_dsse_specification() -> None:
    # The example from the DSSE protocol document.
    assert (
        pae("http://example.com/HelloWorld", b"hello world")
        == b"DSSEv1 29 http://example.com/HelloWorld 11 hello world"
    )
    assert pae("", b"") == b"DSSEv1 0  0 "
    # Lengths are byte lengths, not character counts.
    assert pae("é", "ü".encode()) == "DSSEv1 2 é 2 ü".encode()


def test_signature_verifies_with_an_independent_ed25519() -> None:
    keys = new_keys()
    doc = envelope_doc(sign_envelope(MANIFEST, keys))
    assert list(doc) == ["payloadType", "payload", "signatures"]
    assert doc["payloadType"] == PAYLOAD_TYPE
    assert base64.b64decode(doc["payload"]) == MANIFEST
    [entry] = doc["signatures"]
    assert entry["keyid"] == keys.key_id
    verify_key = nacl.signing.VerifyKey(keys.sign_public_key_raw)
    signed = pae(PAYLOAD_TYPE, MANIFEST)
    verify_key.verify(signed, base64.b64decode(entry["sig"]))
    with pytest.raises(nacl.exceptions.BadSignatureError):
        verify_key.verify(signed + b" ", base64.b64decode(entry["sig"]))


def test_open_returns_the_exact_signed_bytes_and_signer() -> None:
    keys, other = new_keys(), new_keys()
    manifest, key_id = open_envelope(sign_envelope(MANIFEST, keys), trust(other, keys))
    assert manifest == MANIFEST  # the compressed bytes as signed, not decompressed
    assert zlib.decompress(manifest) == TEXT  # byte for byte: spacing, order, newlines kept
    assert key_id == keys.key_id


def test_the_payload_type_names_format_2_and_its_compression() -> None:
    assert PAYLOAD_TYPE == "application/vnd.alhol-desk.bundle+jsonl; version=2; compression=zlib"


def test_the_signature_covers_the_compressed_bytes() -> None:
    """Another compression of the same manifest is other bytes: not what was signed."""
    keys = new_keys()
    doc = envelope_doc(sign_envelope(MANIFEST, keys))
    recompressed = zlib.compress(TEXT, 9)
    assert recompressed != MANIFEST and zlib.decompress(recompressed) == TEXT
    doc["payload"] = b64(recompressed)
    with pytest.raises(BundleRejected, match=ALTERED):
        open_envelope(json.dumps(doc).encode(), trust(keys))


def test_the_key_id_is_only_a_hint() -> None:
    keys, other = new_keys(), new_keys()
    doc = envelope_doc(sign_envelope(MANIFEST, keys))
    for hint in ("unknown", other.key_id, ""):
        doc["signatures"][0]["keyid"] = hint
        trusted = trust(other) | {"hq-laptop": keys.signing_key.public_key()}
        assert open_envelope(json.dumps(doc).encode(), trusted) == (MANIFEST, "hq-laptop")


# Refusals


def test_untrusted_signer_is_refused() -> None:
    keys = new_keys()
    data = sign_envelope(MANIFEST, keys)
    with pytest.raises(BundleRejected, match=NOT_TRUSTED):
        open_envelope(data, trust(new_keys()))
    with pytest.raises(BundleRejected, match=NOT_TRUSTED):
        open_envelope(data, {})


def test_flipped_payload_byte_is_refused() -> None:
    keys = new_keys()
    doc = envelope_doc(sign_envelope(MANIFEST, keys))
    altered = bytearray(MANIFEST)
    altered[5] ^= 0x01
    doc["payload"] = b64(bytes(altered))
    with pytest.raises(BundleRejected, match=ALTERED):
        open_envelope(json.dumps(doc).encode(), trust(keys))


@pytest.mark.parametrize("index", [0, 31, 32, 63])
def test_flipped_signature_byte_is_refused(index: int) -> None:
    keys = new_keys()
    doc = envelope_doc(sign_envelope(MANIFEST, keys))
    sig = bytearray(base64.b64decode(doc["signatures"][0]["sig"]))
    sig[index] ^= 0x80
    doc["signatures"][0]["sig"] = b64(bytes(sig))
    with pytest.raises(BundleRejected, match=ALTERED):
        open_envelope(json.dumps(doc).encode(), trust(keys))


def test_every_flipped_envelope_byte_is_refused() -> None:
    keys = new_keys()
    data = sign_envelope(b'{"seq":1}', keys)
    hint = data.index(keys.key_id.encode())
    for index in range(len(data)):
        damaged = bytearray(data)
        damaged[index] ^= 0x01
        if hint <= index < hint + len(keys.key_id):
            # The key id is a hint: a damaged one still finds the trusted key.
            assert open_envelope(bytes(damaged), trust(keys)) == (b'{"seq":1}', keys.key_id)
            continue
        with pytest.raises(BundleRejected):
            open_envelope(bytes(damaged), trust(keys))


def test_resigned_by_another_key_is_refused() -> None:
    keys, attacker = new_keys(), new_keys()
    forged = envelope_doc(sign_envelope(MANIFEST.replace(b"1,2", b"9,9"), attacker))
    # Under its own key id: not trusted. Claiming the trusted key's id: does not match.
    with pytest.raises(BundleRejected, match=NOT_TRUSTED):
        open_envelope(json.dumps(forged).encode(), trust(keys))
    forged["signatures"][0]["keyid"] = keys.key_id
    with pytest.raises(BundleRejected, match=ALTERED):
        open_envelope(json.dumps(forged).encode(), trust(keys))


def test_a_signature_over_another_payload_type_is_refused() -> None:
    keys = new_keys()
    doc = envelope_doc(sign_envelope(MANIFEST, keys))
    sig = keys.signing_key.sign(pae("application/json", MANIFEST))
    doc["signatures"][0]["sig"] = b64(sig)
    with pytest.raises(BundleRejected, match=ALTERED):
        open_envelope(json.dumps(doc).encode(), trust(keys))


def test_one_good_signature_among_others_is_enough() -> None:
    keys, stranger = new_keys(), new_keys()
    doc = envelope_doc(sign_envelope(MANIFEST, keys))
    foreign = envelope_doc(sign_envelope(MANIFEST, stranger))["signatures"][0]
    doc["signatures"].insert(0, foreign)
    assert open_envelope(json.dumps(doc).encode(), trust(keys)) == (MANIFEST, keys.key_id)


def _edit(key: str, value: Any) -> Any:
    def edit(doc: dict[str, Any]) -> None:
        if value is _DROP:
            del doc[key]
        else:
            doc[key] = value

    return edit


def _edit_sig(key: str, value: Any) -> Any:
    def edit(doc: dict[str, Any]) -> None:
        if value is _DROP:
            del doc["signatures"][0][key]
        else:
            doc["signatures"][0][key] = value

    return edit


_DROP = object()


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (_edit("payloadType", "application/json"), "not an alhol-desk bundle"),
        (_edit("payloadType", "application/vnd.alhol-desk.card+json"), "not an alhol-desk bundle"),
        (_edit("payloadType", PAYLOAD_TYPE.upper()), "not an alhol-desk bundle"),
        (_edit("payloadType", 1), "not an alhol-desk bundle"),
        (
            _edit("payloadType", PAYLOAD_TYPE.replace("=2", "=3")),
            "uses sync format 3, and this version of alhol-desk reads up to format 2: update",
        ),
        (
            _edit("payloadType", PAYLOAD_TYPE.replace("=2", "=10")),
            "uses sync format 10, and this version of alhol-desk reads up to format 2",
        ),
        (
            _edit("payloadType", "application/vnd.alhol-desk.bundle+json; version=1"),
            "uses sync format 1, which this version of alhol-desk cannot read",
        ),
        # Format 2 written another way (another compression, or none named): only a
        # newer app writes that.
        (_edit("payloadType", PAYLOAD_TYPE.replace("zlib", "zstd")), NEWER_VERSION),
        (_edit("payloadType", PAYLOAD_TYPE.removesuffix("; compression=zlib")), NEWER_VERSION),
        (_edit("payloadType", _DROP), "expected fields"),
        (_edit("extra", 1), "expected fields"),
        (_edit("payload", _DROP), "expected fields"),
        (_edit("payload", "not base64!"), "payload is not valid base64"),
        (_edit("payload", b64(MANIFEST).rstrip("=") + "\n"), "payload is not valid base64"),
        (_edit("payload", "-" + b64(MANIFEST)[1:]), "payload is not valid base64"),
        (_edit("payload", 5), "payload is not valid base64"),
        (_edit("signatures", []), "not signed"),
        (_edit("signatures", {}), "not signed"),
        (_edit("signatures", _DROP), "expected fields"),
        (_edit_sig("sig", _DROP), "expected fields"),
        (_edit_sig("extra", 1), "expected fields"),
        (_edit_sig("keyid", 7), "key id"),
        (_edit_sig("sig", b64(b"x" * 63)), "not 64 bytes"),
        (_edit_sig("sig", "%%%"), "signature is not valid base64"),
    ],
)
def test_malformed_envelopes_are_refused(edit: Any, reason: str) -> None:
    keys = new_keys()
    doc = envelope_doc(sign_envelope(MANIFEST, keys))
    edit(doc)
    with pytest.raises(BundleRejected) as caught:
        open_envelope(json.dumps(doc).encode(), trust(keys))
    assert reason in caught.value.reason


def test_non_canonical_base64_is_refused() -> None:
    keys = new_keys()
    manifest = b"ab"  # 2 bytes: the last base64 character carries 2 unused bits
    doc = envelope_doc(sign_envelope(manifest, keys))
    assert doc["payload"] == "YWI="
    doc["payload"] = "YWJ="  # decodes to the same bytes by ignoring the unused bits
    assert base64.b64decode(doc["payload"]) == manifest
    with pytest.raises(BundleRejected, match="payload is not valid base64"):
        open_envelope(json.dumps(doc).encode(), trust(keys))


@pytest.mark.parametrize(
    "data", [b"", b"null", b"[]", b'"x"', b"{}", b"\xff", b'{"payloadType": 1, "payloadType": 1}']
)
def test_not_an_envelope_is_refused(data: bytes) -> None:
    with pytest.raises(BundleRejected):
        open_envelope(data, trust(new_keys()))


def test_too_many_signatures_are_refused() -> None:
    keys = new_keys()
    doc = envelope_doc(sign_envelope(MANIFEST, keys))
    doc["signatures"] *= 9
    with pytest.raises(BundleRejected):
        open_envelope(json.dumps(doc).encode(), trust(keys))


# age


def test_encrypt_decrypt_for_every_recipient() -> None:
    a, b = x25519.Identity.generate(), x25519.Identity.generate()
    sealed = encrypt(b"plain", [str(a.to_public()), str(b.to_public())])
    assert is_age_file(sealed)
    assert sealed.startswith(b"age-encryption.org/v1\n")  # binary, not armored
    assert decrypt(sealed, a) == b"plain"
    assert decrypt(sealed, b) == b"plain"


def test_encrypt_refuses_no_recipients() -> None:
    with pytest.raises(AlholError, match="no device to encrypt"):
        encrypt(b"plain", [])
    with pytest.raises(AlholError, match="not an age recipient"):
        encrypt(b"plain", ["age1nope"])


def test_decrypt_not_addressed_to_this_device() -> None:
    sealed = encrypt(b"plain", [str(x25519.Identity.generate().to_public())])
    with pytest.raises(BundleRejected, match="not addressed to this device"):
        decrypt(sealed, x25519.Identity.generate())


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, -1])
def test_decrypt_cut_short(keep: float) -> None:
    me = x25519.Identity.generate()
    sealed = encrypt(bytes(range(256)) * 1000, [str(me.to_public())])
    cut = sealed[: int(len(sealed) * keep)] if keep > 0 else sealed[:-1]
    with pytest.raises(BundleRejected, match=r"damaged or cut short \(was the stick pulled"):
        decrypt(cut, me)


def test_decrypt_damaged_payload() -> None:
    me = x25519.Identity.generate()
    sealed = bytearray(encrypt(b"x" * 10_000, [str(me.to_public())]))
    sealed[-100] ^= 0x01
    with pytest.raises(BundleRejected, match="damaged or cut short"):
        decrypt(bytes(sealed), me)


def test_decrypt_not_an_age_file() -> None:
    with pytest.raises(BundleRejected, match="not encrypted"):
        decrypt(b'{"payloadType": "x"}', x25519.Identity.generate())
