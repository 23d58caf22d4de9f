"""A device's public card, its key id and its fingerprint: what travels on USB and is read
over the phone before a device is trusted.

A fingerprint is SHA-256 over a length-prefixed encoding of (device id, raw Ed25519 public
key, age recipient), cut to 160 bits and written as 32 characters of Crockford base32
(digits and capitals without I, L, O and U) in 8 groups of 4: short enough to read over
the phone, and 160 bits leave no room to forge a card that reads the same.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyrage import RecipientError, x25519

from ..errors import AlholError
from ..messages import Message
from ..records import NAME_MAX_LENGTH, ROLES, name_problem
from .errors import BundleRejected, quoted
from .strict_json import loads_strict

CARD_FORMAT = "alhol-desk-card"
CARD_FORMAT_VERSION = 1
CARD_MAX_BYTES = 64 * 1024
CARD_FIELDS = ("device_id", "team", "role", "sign_public_key", "age_recipient")
TEAM_MAX_LENGTH = NAME_MAX_LENGTH

# The demo's signing key (``keys.DEMO_SIGNING_SEED``, published in this source on purpose):
# every demo folder signs with it, and every device refuses a card or a bundle of it, so
# the demo's examples can never be trusted as a team's records (docs/security.md, "The demo").
DEMO_SIGN_PUBLIC_KEY = "toyfHRl3eUeG3NKMttcF9DMUVjcDwnHi184FDkK0Pk4="
DEMO_KEY_ID = "1bf4eb81a1577d5bedcb83868795686c"

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
FINGERPRINT_GROUPS = 8
FINGERPRINT_GROUP_SIZE = 4
_FINGERPRINT_LENGTH = FINGERPRINT_GROUPS * FINGERPRINT_GROUP_SIZE
_FINGERPRINT_DOMAIN = b"alhol-desk device fingerprint v1\x00"
# What people type for what they hear: O for zero, I and L for one; separators dropped.
_FINGERPRINT_TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1"} | dict.fromkeys(" -_.\t\n", ""))

_DEVICE_ID = re.compile(r"[0-9a-f]{32}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def key_id_for(public_key_raw: bytes) -> str:
    """The id of an Ed25519 public key: hex of the first 16 bytes of SHA-256 of its 32 bytes."""
    if len(public_key_raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return hashlib.sha256(public_key_raw).digest()[:16].hex()


@dataclass(frozen=True)
class DeviceCard:
    """A device's public identity as it travels on USB; checked whenever one is made."""

    device_id: str
    team: str
    role: str
    sign_public_key: str
    age_recipient: str

    def __post_init__(self) -> None:
        problem = _card_problem(self)
        if problem is not None:
            raise AlholError(problem)

    @property
    def sign_public_key_raw(self) -> bytes:
        return base64.b64decode(self.sign_public_key)

    @property
    def public_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.sign_public_key_raw)

    @property
    def key_id(self) -> str:
        return key_id_for(self.sign_public_key_raw)

    @property
    def is_demo(self) -> bool:
        """Whether this is a demo folder's card (signed with the published demo key)."""
        return self.sign_public_key == DEMO_SIGN_PUBLIC_KEY

    def to_json(self) -> bytes:
        doc = {"format": CARD_FORMAT, "format_version": CARD_FORMAT_VERSION}
        doc.update((name, getattr(self, name)) for name in CARD_FIELDS)
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def parse(cls, data: bytes) -> DeviceCard:
        """A card from its file's bytes, or :class:`AlholError` saying what is wrong with it."""
        if len(data) > CARD_MAX_BYTES:
            raise AlholError("card_too_big", size_kib=len(data) // 1024)
        try:
            doc: Any = loads_strict(data, max_depth=2, max_items=32)
        except BundleRejected as exc:
            raise AlholError("card_not_json", reason=exc.reason) from None
        if not isinstance(doc, dict) or doc.get("format") != CARD_FORMAT:
            raise AlholError("card_other_format")
        version = doc.get("format_version")
        if type(version) is int and version > CARD_FORMAT_VERSION:
            raise AlholError("card_newer")
        if version != CARD_FORMAT_VERSION or type(version) is not int:
            raise AlholError("card_unknown_version", version=quoted(version))
        _check_fields(doc)
        return cls(*(doc[name] for name in CARD_FIELDS))


def _check_fields(doc: dict[str, Any]) -> None:
    """Every field of a card, as text, and nothing else."""
    for name in CARD_FIELDS:
        if name not in doc:
            raise AlholError("card_missing_field", field=name)
        if type(doc[name]) is not str:
            raise AlholError("card_field_not_text", field=name)
    for name in doc:
        if name not in CARD_FIELDS and name not in ("format", "format_version"):
            raise AlholError("card_unexpected_field", field=quoted(name))


def _card_problem(card: DeviceCard) -> Message | None:
    if not isinstance(card.device_id, str) or not _DEVICE_ID.fullmatch(card.device_id):
        return Message("card_device_id", {"device_id": quoted(card.device_id)})
    problem = name_problem(card.team, "the team")
    if problem is not None:
        return Message("card_team", {"problem": problem})
    if card.role not in ROLES:
        return Message("card_role", {"role": quoted(card.role), "roles": ", ".join(ROLES)})
    if not _is_ed25519_b64(card.sign_public_key):
        return Message("card_signing_key")
    recipient = card.age_recipient
    try:
        parsed = str(x25519.Recipient.from_str(recipient)) if isinstance(recipient, str) else None
    except RecipientError:
        parsed = None
    if parsed != recipient:
        return Message("card_recipient", {"recipient": quoted(recipient)})
    return None


def _is_ed25519_b64(text: Any) -> bool:
    if not isinstance(text, str) or not text.isascii():
        return False
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        return False
    # Canonical only: one key, one spelling (the decoder forgives stray bits in the padding).
    if len(raw) != 32 or base64.b64encode(raw).decode("ascii") != text:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        return False
    return True


def fingerprint(card: DeviceCard) -> str:
    """What two people compare over the phone before trusting a card, e.g. ``7K3M-…-Q9TD``."""
    digest = hashlib.sha256(_FINGERPRINT_DOMAIN)
    parts = (card.device_id, card.sign_public_key_raw, card.age_recipient)
    for part in (p.encode("ascii") if isinstance(p, str) else p for p in parts):
        digest.update(len(part).to_bytes(4, "big"))
        digest.update(part)
    number = int.from_bytes(digest.digest()[: _FINGERPRINT_LENGTH * 5 // 8], "big")
    chars = "".join(
        CROCKFORD[(number >> (5 * (_FINGERPRINT_LENGTH - 1 - i))) & 31]
        for i in range(_FINGERPRINT_LENGTH)
    )
    return _grouped(chars)


def normalise_fingerprint(text: str) -> str:
    """The canonical form of a typed fingerprint: any case, spaces or dashes, O/I/L for 0/1.

    Raises :class:`AlholError` when it cannot be a fingerprint at all (wrong length,
    characters outside the alphabet).
    """
    chars = text.upper().translate(_FINGERPRINT_TYPOS)
    if len(chars) != _FINGERPRINT_LENGTH:
        raise AlholError(
            "fingerprint_length",
            length=_FINGERPRINT_LENGTH,
            groups=FINGERPRINT_GROUPS,
            size=FINGERPRINT_GROUP_SIZE,
            count=len(chars),
        )
    wrong = sorted({c for c in chars if c not in CROCKFORD})
    if wrong:
        raise AlholError("fingerprint_characters", characters=quoted("".join(wrong)))
    return _grouped(chars)


def fingerprints_match(card: DeviceCard, typed: str) -> bool:
    """Whether ``typed`` is the card's fingerprint (compared in constant time)."""
    try:
        given = normalise_fingerprint(typed)
    except AlholError:
        return False
    return hmac.compare_digest(given.encode("ascii"), fingerprint(card).encode("ascii"))


def _grouped(chars: str) -> str:
    size = FINGERPRINT_GROUP_SIZE
    return "-".join(chars[i : i + size] for i in range(0, len(chars), size))
