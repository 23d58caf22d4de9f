"""Enrolment: this device's card, trusting another device's card, revoking a device."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import AlholError
from ..safety.files import AS_UMASK_ALLOWS, write_atomically
from ..storage.devices import PeerDevice
from ..workspace import Workspace, utc_now
from .cards import DeviceCard, fingerprint, fingerprints_match
from .keys import load_device_keys

MAX_CARD_BYTES = 64 * 1024


@dataclass(frozen=True)
class Identity:
    device_id: str
    team: str
    role: str
    key_id: str
    fingerprint: str


def own_card(ws: Workspace) -> DeviceCard:
    keys = load_device_keys(ws.data_dir)
    return DeviceCard(
        device_id=ws.device.id,
        team=ws.device.team,
        role=ws.device.role,
        sign_public_key=keys.sign_public_key_b64,
        age_recipient=keys.age_recipient,
    )


def identity(ws: Workspace) -> Identity:
    card = own_card(ws)
    return Identity(card.device_id, card.team, card.role, card.key_id, fingerprint(card))


def write_card(ws: Workspace, out: Path) -> Path:
    try:
        write_atomically(out, own_card(ws).to_json(), mode=AS_UMASK_ALLOWS)  # a public card
    except OSError as error:
        raise AlholError("card_not_written", cause=error.strerror) from None
    return out


def read_card(path: Path) -> DeviceCard:
    try:
        if path.stat().st_size > MAX_CARD_BYTES:
            raise AlholError("card_file_too_large")
        data = path.read_bytes()
    except OSError as error:
        raise AlholError("card_unreadable", cause=error.strerror) from None
    return DeviceCard.parse(data)


def trust_card(ws: Workspace, path: Path, typed_fingerprint: str) -> DeviceCard:
    """Trust a card only when the fingerprint read over the phone matches it."""
    card = read_card(path)
    if card.is_demo:  # demo or not, no device trusts the published demo key
        raise AlholError("card_demo")
    if card.device_id == ws.device.id:
        raise AlholError("card_own")
    if not fingerprints_match(card, typed_fingerprint):
        raise AlholError("card_fingerprint_mismatch")
    existing = ws.devices.peer(card.device_id)
    if existing is not None and existing.sign_public_key != card.sign_public_key:
        raise AlholError("card_other_key", device_id=card.device_id)
    with ws.db.atomic():
        ws.devices.trust(
            device_id=card.device_id,
            team=card.team,
            role=card.role,
            sign_public_key=card.sign_public_key,
            age_recipient=card.age_recipient,
            key_id=card.key_id,
            at=utc_now(),
            by=ws.operator,
        )
    return card


def revoke_device(ws: Workspace, device_id: str, after_seq: int | None) -> PeerDevice:
    """Refuse the device's bundles numbered after ``after_seq`` (default: the last imported)."""
    peer = ws.devices.peer(device_id)
    if peer is None:
        raise AlholError("revoke_unknown_device", device_id=device_id)
    cutoff = peer.last_seq if after_seq is None else after_seq
    if cutoff < 0:
        raise AlholError("revoke_negative")
    with ws.db.atomic():
        ws.devices.revoke(device_id, cutoff, utc_now())
    revoked = ws.devices.peer(device_id)
    assert revoked is not None
    return revoked
