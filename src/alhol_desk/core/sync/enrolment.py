"""Enrolment: this device's card, trusting another device's card, revoking a device."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import AlholError
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
        out.write_bytes(own_card(ws).to_json())
    except OSError as error:
        raise AlholError(f"--out: could not write the card ({error.strerror})") from None
    return out


def read_card(path: Path) -> DeviceCard:
    try:
        if path.stat().st_size > MAX_CARD_BYTES:
            raise AlholError("the card file is too large to be a device card")
        data = path.read_bytes()
    except OSError as error:
        raise AlholError(f"the card file cannot be read ({error.strerror})") from None
    return DeviceCard.parse(data)


def trust_card(ws: Workspace, path: Path, typed_fingerprint: str) -> DeviceCard:
    """Trust a card only when the fingerprint read over the phone matches it."""
    card = read_card(path)
    if card.device_id == ws.device.id:
        raise AlholError("this is this device's own card; trust the other side's card instead")
    if not fingerprints_match(card, typed_fingerprint):
        raise AlholError(
            "--fingerprint: does not match the card; nothing was trusted. Read the fingerprint "
            "again with the card's owner (alhol-desk keys show on their laptop)"
        )
    existing = ws.devices.peer(card.device_id)
    if existing is not None and existing.sign_public_key != card.sign_public_key:
        raise AlholError(
            f"device {card.device_id} is already trusted with a different key; revoke it and "
            "enrol the laptop again if it was reinstalled"
        )
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
        raise AlholError(f"DEVICE_ID: no trusted device {device_id}")
    cutoff = peer.last_seq if after_seq is None else after_seq
    if cutoff < 0:
        raise AlholError("--after-seq: cannot be negative")
    with ws.db.atomic():
        ws.devices.revoke(device_id, cutoff, utc_now())
    revoked = ws.devices.peer(device_id)
    assert revoked is not None
    return revoked
