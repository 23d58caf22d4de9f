"""The demo's cards and bundles are refused by every device, and nothing changes
(docs/security.md, "The demo": it signs with a published key that no device trusts)."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import x25519

from alhol_desk.core.demo import load_demo, open_demo
from alhol_desk.core.errors import AlholError
from alhol_desk.core.safety.retire import retire_identity
from alhol_desk.core.sync import enrolment
from alhol_desk.core.sync.cards import DEMO_KEY_ID, DEMO_SIGN_PUBLIC_KEY, key_id_for
from alhol_desk.core.sync.envelope import open_envelope, sign_envelope
from alhol_desk.core.sync.errors import BundleRejected
from alhol_desk.core.sync.exporter import export_bundle
from alhol_desk.core.sync.importer import import_bundle, verify_bundle
from alhol_desk.core.sync.keys import (
    DEMO_SIGNING_SEED,
    IDENTITY_FILE,
    KEYS_DIR,
    SIGNING_KEY_FILE,
    DeviceKeys,
    load_device_keys,
)
from alhol_desk.core.workspace import Workspace, initialise, open_workspace


@pytest.fixture
def demo_and_hq(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    demo, _added = open_demo(tmp_path / "data-demo")
    hq = initialise(tmp_path / "hq", team="HQ Erbil", role="hq", operator="Omar")
    try:
        yield demo, hq
    finally:
        demo.close()
        hq.close()


def dump(ws: Workspace) -> list[str]:
    """Every table but the bundle history (which notes a refusal), as SQL text."""
    return [line for line in ws.db.conn.iterdump() if '"bundles"' not in line]


def test_the_demo_key_is_the_published_one_and_only_the_demo_has_it(
    demo_and_hq: tuple[Workspace, Workspace],
) -> None:
    demo, hq = demo_and_hq
    published = Ed25519PrivateKey.from_private_bytes(DEMO_SIGNING_SEED).public_key()
    raw = published.public_bytes_raw()
    assert base64.b64encode(raw).decode() == DEMO_SIGN_PUBLIC_KEY
    assert key_id_for(raw) == DEMO_KEY_ID
    assert enrolment.own_card(demo).is_demo and demo.is_demo
    assert not enrolment.own_card(hq).is_demo and not hq.is_demo
    assert load_device_keys(hq.data_dir).key_id != DEMO_KEY_ID


def test_a_real_hq_refuses_the_demos_card_and_trusts_nothing(
    demo_and_hq: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    demo, hq = demo_and_hq
    card = enrolment.write_card(demo, tmp_path / "demo.card")
    before = dump(hq)
    with pytest.raises(AlholError, match="demo") as refused:
        # The right fingerprint, read over the phone: still refused.
        enrolment.trust_card(hq, card, enrolment.identity(demo).fingerprint)
    assert refused.value.message.code == "card_demo"
    assert hq.devices.peers() == []
    assert dump(hq) == before


def test_a_real_hq_refuses_the_demos_bundle_and_nothing_changes(
    demo_and_hq: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    demo, hq = demo_and_hq
    # The demo may trust a real card (to practise exporting); what it sends is refused.
    hq_card = enrolment.write_card(hq, tmp_path / "hq.card")
    enrolment.trust_card(demo, hq_card, enrolment.identity(hq).fingerprint)
    stick = tmp_path / "stick"
    stick.mkdir()
    bundle = export_bundle(demo, stick).path
    before = dump(hq)

    checked = verify_bundle(hq, bundle)
    imported = import_bundle(hq, bundle)

    for report in (checked, imported):
        assert report.outcome == "refused"
        assert report.message is not None and report.message.code == "bundle_from_demo"
        assert "demo" in (report.reason or "")
    assert dump(hq) == before
    assert hq.batches.total() == 0


def _demo_keys() -> DeviceKeys:
    return DeviceKeys(
        Ed25519PrivateKey.from_private_bytes(DEMO_SIGNING_SEED), x25519.Identity.generate()
    )


def test_the_demo_signature_is_found_whatever_key_id_it_names() -> None:
    """The mark is the signature itself: a bundle re-labelled with a trusted key's id, or
    a demo key somehow trusted, is still refused as the demo's."""
    real = DeviceKeys(Ed25519PrivateKey.generate(), x25519.Identity.generate())
    doc = json.loads(sign_envelope(b"payload", _demo_keys()))
    doc["signatures"][0]["keyid"] = real.key_id
    relabelled = json.dumps(doc).encode()
    with pytest.raises(BundleRejected) as refused:
        open_envelope(relabelled, {real.key_id: real.signing_key.public_key()})
    assert refused.value.message.code == "bundle_from_demo"

    demo_public = Ed25519PrivateKey.from_private_bytes(DEMO_SIGNING_SEED).public_key()
    with pytest.raises(BundleRejected) as refused:
        open_envelope(sign_envelope(b"payload", _demo_keys()), {DEMO_KEY_ID: demo_public})
    assert refused.value.message.code == "bundle_from_demo"


def test_the_demo_cannot_retire_its_keys_for_trustable_ones(
    demo_and_hq: tuple[Workspace, Workspace],
) -> None:
    demo, _hq = demo_and_hq
    keys = demo.data_dir / KEYS_DIR
    before = {name: (keys / name).read_bytes() for name in (SIGNING_KEY_FILE, IDENTITY_FILE)}
    device = demo.device.id
    with pytest.raises(AlholError) as refused:
        retire_identity(demo)
    assert refused.value.message.code == "retire_demo"
    assert {name: (keys / name).read_bytes() for name in before} == before
    assert demo.device.id == device


def test_a_live_device_refuses_the_demo_records(workspace: Workspace) -> None:
    before = dump(workspace)
    with pytest.raises(AlholError) as refused:
        load_demo(workspace)
    assert refused.value.message.code == "demo_on_live_device"
    assert dump(workspace) == before


def test_a_live_device_where_the_demo_folder_should_be_is_refused(tmp_path: Path) -> None:
    live = initialise(tmp_path / "data-demo", team="Hasakah 1", role="field", operator="Amira")
    before = dump(live)
    live.close()
    with pytest.raises(AlholError) as refused:
        open_demo(tmp_path / "data-demo")
    assert refused.value.message.code == "demo_folder_is_live"
    reopened = open_workspace(tmp_path / "data-demo", read_only=True)
    try:
        assert dump(reopened) == before
    finally:
        reopened.close()


def test_every_demo_folder_signs_with_the_same_published_key(tmp_path: Path) -> None:
    one, _ = open_demo(tmp_path / "a-demo")
    other, _ = open_demo(tmp_path / "b-demo")
    try:
        keys = [load_device_keys(ws.data_dir) for ws in (one, other)]
        assert {k.key_id for k in keys} == {DEMO_KEY_ID}
        assert one.device.id != other.device.id
        seed = hashlib.sha256(b"alhol-desk demo signing key: published, never trusted")
        assert seed.digest() == DEMO_SIGNING_SEED
    finally:
        one.close()
        other.close()
