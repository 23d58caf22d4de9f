"""Retiring this device's identity: new keys and a new device id, the records kept.

For a laptop that was lost and found again, or whose data folder was restored onto another
laptop, or whose passphrase was forgotten: its old keys may be in someone else's hands (or
cannot be opened), and headquarters has revoked its old device id. Retiring makes a fresh
identity so that it can be enrolled again like a new laptop; every record and the audit
trail stay as they are, and the next export carries every local change again (the peers'
acknowledgements belonged to the old identity).

Order matters for a crash: the new key files replace the old ones first, then one
transaction gives the device its new id and restarts its bundle numbering. Cut in between,
the folder holds the old id with new keys, which every peer refuses (a known device with
a different key) until ``keys retire`` is run again; never the new id with the old keys.
"""

from __future__ import annotations

import secrets
import shutil
import uuid
from dataclasses import dataclass

from ..clock import HybridLogicalClock
from ..errors import AlholError
from ..records import Device
from ..storage.settings import EXPORTED_UPTO_KEY
from ..sync.exporter import PREV_PREFIX, SEQ_PREFIX
from ..sync.keys import (
    IDENTITY_FILE,
    KEYS_DIR,
    SIGNING_KEY_FILE,
    DeviceKeys,
    forget_unlocked_keys,
    generate_device_keys,
    keep_unlocked,
)
from ..workspace import Workspace
from .files import fsync_folder

_STAGING_PREFIX = ".retire-"


@dataclass(frozen=True)
class Retired:
    old_device_id: str
    new_device_id: str
    keys: DeviceKeys


def retire_identity(ws: Workspace, *, passphrase: str | None = None) -> Retired:
    """Replace this device's keys and id (see the module docstring); needs the writer lock."""
    if ws.read_only:
        raise AlholError("read_only_retire")
    if ws.is_demo:  # new keys would be ones a real HQ could trust, over example records
        raise AlholError("retire_demo")
    keys_dir = ws.data_dir / KEYS_DIR
    staging = keys_dir / f"{_STAGING_PREFIX}{secrets.token_hex(8)}"
    for leftover in keys_dir.glob(f"{_STAGING_PREFIX}*"):  # an earlier retire cut short
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        keys = generate_device_keys(staging, passphrase=passphrase)
        for name in (SIGNING_KEY_FILE, IDENTITY_FILE):
            (staging / KEYS_DIR / name).replace(keys_dir / name)  # each fsynced already
        fsync_folder(keys_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    forget_unlocked_keys()
    if passphrase is not None:
        keep_unlocked(ws.data_dir, keys)

    new_id = uuid.uuid4().hex
    with ws.writing():
        old_id = ws.devices.change_own_id(new_id)
        ws.devices.forget_acknowledgements()
        ws.settings.delete((EXPORTED_UPTO_KEY,))
        for prefix in (SEQ_PREFIX, PREV_PREFIX):
            ws.settings.delete_with_prefix(prefix)
    ws.device = Device(new_id, ws.device.team, ws.device.role, is_self=True)
    ws.clock = HybridLogicalClock(new_id, ws.clock.last)
    return Retired(old_id, new_id, keys)
