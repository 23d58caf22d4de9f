"""The two wrappers around a manifest: a DSSE signature envelope inside, age encryption outside.

DSSE (github.com/secure-systems-lab/dsse, protocol v1): the signature covers
``PAE(payloadType, payload)``, the exact manifest bytes, which travel base64-encoded and
are handed back exactly as signed, never re-serialised. The key id in the envelope is a
hint only: verification tries the hinted key first, then every other trusted key.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import os
import re
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyrage import RecipientError, x25519

from ..errors import AlholError
from .cards import DEMO_KEY_ID, DEMO_SIGN_PUBLIC_KEY
from .errors import BundleRejected, NotAddressedHere, newer_version, quoted
from .keys import DeviceKeys
from .strict_json import loads_strict

# Names the sync format and the compression of the payload: a reader learns both before it
# decompresses or parses anything (docs/sync.md, "Versions").
PAYLOAD_TYPE = "application/vnd.alhol-desk.bundle+jsonl; version=2; compression=zlib"
PAYLOAD_VERSION = 2
MAX_SIGNATURES = 8
ENVELOPE_FIELDS = frozenset({"payloadType", "payload", "signatures"})
SIGNATURE_FIELDS = frozenset({"keyid", "sig"})
# The start of an age v1 file, binary or armored.
AGE_MAGIC = (b"age-encryption.org/", b"-----BEGIN AGE ENCRYPTED FILE-----")

_OUR_TYPE = re.compile(r"application/vnd\.alhol-desk\.bundle\+jsonl?; version=([0-9]{1,9})(;.*)?")


def pae(payload_type: str, body: bytes) -> bytes:
    """DSSE v1 pre-authentication encoding: what is actually signed."""
    kind = payload_type.encode("utf-8")
    return b"DSSEv1 %d %b %d %b" % (len(kind), kind, len(body), body)


def sign_envelope(payload: bytes, keys: DeviceKeys) -> bytes:
    """The DSSE envelope (JSON bytes) holding ``payload`` (the compressed manifest), signed by
    this device: the signature covers these exact bytes, before anything is decompressed."""
    signature = keys.signing_key.sign(pae(PAYLOAD_TYPE, payload))
    envelope = {
        "payloadType": PAYLOAD_TYPE,
        "payload": base64.b64encode(payload).decode("ascii"),
        "signatures": [{"keyid": keys.key_id, "sig": base64.b64encode(signature).decode("ascii")}],
    }
    return json.dumps(envelope, separators=(",", ":")).encode("ascii")


def open_envelope(
    data: bytes | bytearray, trusted: Mapping[str, Ed25519PublicKey]
) -> tuple[bytes, str]:
    """The payload exactly as signed (the compressed manifest), and the key id (a key of
    ``trusted``) that signed it.

    A ``bytearray`` is emptied as it is parsed (see ``loads_strict``): a 10 MB bundle is not
    held as bytes, text and payload all at once.

    Raises :class:`BundleRejected` for anything but a well-formed envelope of our payload
    type with a signature that one of the ``trusted`` keys verifies.
    """
    payload, signatures = _parse_envelope(data)
    message = pae(PAYLOAD_TYPE, payload)
    # The published demo key never verifies a bundle, even if it were somehow trusted.
    trusted = {key_id: key for key_id, key in trusted.items() if key_id != DEMO_KEY_ID}
    hinted_a_trusted_key = False
    for hint, signature in signatures:
        hinted = trusted.get(hint)
        hinted_a_trusted_key |= hinted is not None
        candidates = [(hint, hinted)] if hinted is not None else []
        candidates += [(key_id, key) for key_id, key in trusted.items() if key_id != hint]
        for key_id, key in candidates:
            try:
                key.verify(signature, message)
            except InvalidSignature:
                continue
            return payload, key_id
    _refuse_the_demo(signatures, message)
    if hinted_a_trusted_key:
        raise BundleRejected("bundle_signature_mismatch")
    raise BundleRejected("bundle_untrusted_signer")


def _refuse_the_demo(signatures: Sequence[tuple[str, bytes]], message: bytes) -> None:
    """Say so when an unverified bundle is the demo's: signed with the published demo key,
    whatever key id it names (docs/security.md, "The demo")."""
    demo_key = Ed25519PublicKey.from_public_bytes(base64.b64decode(DEMO_SIGN_PUBLIC_KEY))
    for _hint, signature in signatures:
        try:
            demo_key.verify(signature, message)
        except InvalidSignature:
            continue
        raise BundleRejected("bundle_from_demo")


def _parse_envelope(data: bytes | bytearray) -> tuple[bytes, list[tuple[str, bytes]]]:
    doc: Any = loads_strict(data, max_depth=3, max_items=16 + 3 * MAX_SIGNATURES)
    if not isinstance(doc, dict) or doc.keys() != ENVELOPE_FIELDS:
        raise BundleRejected("envelope_fields")
    _check_payload_type(doc["payloadType"])
    payload = _strict_b64(doc.pop("payload"), "payload")
    return payload, _signatures(doc["signatures"])


def _check_payload_type(payload_type: Any) -> None:
    """Our payload type, or a refusal saying whose it is (a newer app's, an older one's)."""
    if payload_type == PAYLOAD_TYPE:
        return
    ours = _OUR_TYPE.fullmatch(payload_type) if isinstance(payload_type, str) else None
    if ours is None:
        raise BundleRejected("envelope_other_type", payload_type=quoted(payload_type))
    version = int(ours[1])
    if version > PAYLOAD_VERSION:
        raise newer_version(version, PAYLOAD_VERSION)
    if version == PAYLOAD_VERSION:
        # Our format written another way (another compression): only a newer app does.
        raise BundleRejected("bundle_newer_version")
    raise BundleRejected("envelope_format_old", theirs=version, ours=PAYLOAD_VERSION)


def _signatures(entries: Any) -> list[tuple[str, bytes]]:
    """The envelope's (key id, signature) pairs: at least one, at most ``MAX_SIGNATURES``."""
    if not isinstance(entries, list) or not entries:
        raise BundleRejected("envelope_unsigned")
    if len(entries) > MAX_SIGNATURES:
        raise BundleRejected("envelope_signature_count", count=len(entries))
    signatures = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.keys() != SIGNATURE_FIELDS:
            raise BundleRejected("envelope_signature_fields")
        if not isinstance(entry["keyid"], str) or len(entry["keyid"]) > 128:
            raise BundleRejected("envelope_key_id")
        signature = _strict_b64(entry["sig"], "signature")
        if len(signature) != 64:
            raise BundleRejected("envelope_signature_size")
        signatures.append((entry["keyid"], signature))
    return signatures


def _strict_b64(text: Any, what: str) -> bytes:
    """Standard base64 with padding, in its one canonical spelling."""
    bad = BundleRejected("envelope_base64", part=what)
    if not isinstance(text, str):
        raise bad
    try:
        # binascii reads an ASCII str in place; base64.b64decode would copy it to bytes first.
        raw = binascii.a2b_base64(text, strict_mode=True)
    except (binascii.Error, ValueError):  # ValueError: non-ASCII characters
        raise bad from None
    # The decoder ignores the unused bits of the last group; only the canonical spelling
    # (those bits zero) is accepted, so one payload has one encoding.
    tail = len(raw) % 3 or 3
    if raw and base64.b64encode(raw[-tail:]).decode("ascii") != text[-4:]:
        raise bad
    return raw


def is_age_file(data: bytes) -> bool:
    """Whether ``data`` starts like an age-encrypted file (binary or armored)."""
    return data.startswith(AGE_MAGIC)


def encrypt(plaintext: bytes, recipients: Sequence[str]) -> bytes:
    """``plaintext`` encrypted with age (binary format) to every recipient ``age1…``."""
    if isinstance(recipients, str) or not recipients:
        raise AlholError("encrypt_no_recipient")
    parsed = []
    for recipient in dict.fromkeys(recipients):
        try:
            parsed.append(x25519.Recipient.from_str(recipient))
        except RecipientError:
            raise AlholError("encrypt_bad_recipient", recipient=quoted(recipient)) from None
    ciphertext: bytes = pyrage.encrypt(plaintext, parsed)
    return ciphertext


class _CappedReader(io.RawIOBase):
    """A file read through a size cap, so a file that grows after its size was checked
    (or a device that lies about it) is still never read past the cap."""

    def __init__(self, handle: io.BufferedReader, cap: int) -> None:
        self._handle = handle
        self._left = cap

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        count = int(self._handle.readinto(view[: max(0, min(len(view), self._left + 1))]))
        self._left -= count
        if self._left < 0:
            raise BundleRejected("bundle_too_large")
        return count


class _Sink:
    """Where the plaintext goes: a bytearray, so that ``open_envelope`` can take it over."""

    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, chunk: bytes) -> int:
        self.data += chunk
        return len(chunk)

    def flush(self) -> None:
        pass


def decrypt_file(path: Path, identity: x25519.Identity, *, max_bytes: int) -> bytearray:
    """Open an age file from disk, streaming it: the ciphertext is never held in memory whole.

    Same refusals as :func:`decrypt`, plus the size cap (checked before reading, and while).
    The plaintext is a bytearray that :func:`open_envelope` empties as it parses it.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block open() or read() for ever: refused at once.
            raise BundleRejected("bundle_not_a_file")
        size = info.st_size
        if size > max_bytes:
            raise BundleRejected("bundle_too_large_mb", size_mb=size // (1024 * 1024))
        # O_NONBLOCK: a file swapped for a FIFO after the check above cannot block the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise BundleRejected("bundle_not_a_file")
        with os.fdopen(fd, "rb") as handle:
            if not is_age_file(handle.read(64)):
                raise BundleRejected("bundle_not_encrypted")
            handle.seek(0)
            sink = _Sink()
            try:
                pyrage.decrypt_io(_CappedReader(handle, max_bytes), sink, [identity])
            except pyrage.DecryptError as exc:
                raise _decrypt_refusal(str(exc)) from None
            except BundleRejected:
                raise
            except OSError as exc:
                if exc.errno is not None:  # the stick itself failed, not the age stream
                    raise BundleRejected("bundle_unreadable") from None
                raise _decrypt_refusal(str(exc)) from None
            return sink.data
    except OSError:
        raise BundleRejected("bundle_unreadable") from None


def _decrypt_refusal(message: str) -> BundleRejected:
    """age's one exception type, told apart by its message."""
    if message.startswith("No matching keys"):
        return NotAddressedHere("bundle_not_addressed")
    if message.startswith("Unknown age format"):
        return BundleRejected("bundle_newer_version")
    return BundleRejected("bundle_damaged")


def decrypt(ciphertext: bytes, identity: x25519.Identity) -> bytes:
    """Open an age file with this device's identity, or say in one line why it cannot be."""
    if not is_age_file(ciphertext):
        raise BundleRejected("bundle_not_encrypted")
    try:
        plaintext: bytes = pyrage.decrypt(ciphertext, [identity])
    except pyrage.DecryptError as exc:
        raise _decrypt_refusal(str(exc)) from None
    return plaintext
