"""Enrolment as people do it: each laptop trusts the other's card after checking its
fingerprint, read out by its owner. One helper for the core's steps, one for the CLI's, and
two that make a workspace one of the committed TEST-ONLY devices of
``tests/fixtures/bundles/keys/`` (the fixture bundles are signed and sealed with those)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alhol_desk.core.sync import enrolment
from alhol_desk.core.sync.keys import IDENTITY_FILE, KEYS_DIR, SIGNING_KEY_FILE
from alhol_desk.core.workspace import Workspace

TEST_KEYS = Path(__file__).resolve().parent / "fixtures" / "bundles" / "keys"


def enrol(one: Workspace, other: Workspace, cards: Path) -> None:
    """``one`` and ``other`` trust each other: each writes its card into ``cards`` and the
    other trusts it with the owner's fingerprint."""
    for owner, reader in ((one, other), (other, one)):
        card = enrolment.write_card(owner, cards / f"{owner.device.id}.card")
        enrolment.trust_card(reader, card, enrolment.identity(owner).fingerprint)


# ``run(*args)`` runs ``alhol-desk ARGS`` on one data folder and returns what it printed.
Run = Callable[..., str]


def enrol_by_cli(one: Run, other: Run, cards: Path) -> None:
    """The same with the commands a person types: ``keys card``, ``keys show``, ``keys trust``."""
    for owner, reader in ((one, other), (other, one)):
        shown = json.loads(owner("keys", "show", "--json"))
        card = cards / f"{shown['device_id']}.card"
        owner("keys", "card", "--out", str(card))
        # Typed as heard over the phone: the case of the letters does not matter.
        reader("keys", "trust", str(card), "--fingerprint", shown["fingerprint"].lower())


def test_devices() -> dict[str, dict[str, str]]:
    """keys/devices.json: id, team, role, key id and fingerprint of each test device."""
    listing: dict[str, Any] = json.loads((TEST_KEYS / "devices.json").read_text("utf-8"))
    return {name: entry for name, entry in listing.items() if isinstance(entry, dict)}


def install_keys(ws: Workspace, folder: Path) -> None:
    """Put the key files of ``folder`` (``TEST_KEYS / "receiver"``, say) in the workspace's
    data folder, over its own."""
    for file_name in (SIGNING_KEY_FILE, IDENTITY_FILE):
        target = ws.data_dir / KEYS_DIR / file_name
        target.unlink()
        shutil.copyfile(folder / file_name, target)
        target.chmod(0o600)


def trust_test_devices(ws: Workspace, *names: str) -> None:
    """The workspace trusts the committed cards of the named test devices."""
    listing = test_devices()
    for name in names:
        card = enrolment.trust_card(
            ws, TEST_KEYS / name / "card.json", listing[name]["fingerprint"]
        )
        assert card.device_id == listing[name]["device_id"]
