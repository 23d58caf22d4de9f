"""Reading bundles: verified before parsed, applied in one transaction, refused whole."""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..clock import Timestamp, wall_clock_ms
from ..records import SYNCED_RECORDS
from ..storage import sync_repo
from ..storage.changes import record_creations
from ..storage.records import insert_records
from ..workspace import Workspace, utc_now
from . import envelope, manifest
from .errors import BundleRejected
from .keys import load_device_keys
from .merge import LocalState, MergePlan, group_changes, plan_merge

log = logging.getLogger(__name__)

MAX_BUNDLE_BYTES = 256 * 1024 * 1024
MAX_SEQ_JUMP = 1000
MAX_CLOCK_DRIFT_MS = 24 * 3600 * 1000
QUARANTINE_DIR = "quarantine"


@dataclass
class ImportReport:
    """What a bundle did (import) or would do (verify)."""

    file: str
    outcome: str  # applied | already_imported | verified | refused | quarantined
    reason: str | None = None
    sender_team: str | None = None
    sender: str | None = None
    seq: int | None = None
    changes: int = 0
    summary: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        name = self.file
        if self.outcome in ("refused", "quarantined"):
            return f"{name}: {self.outcome}: {self.reason}"
        if self.outcome == "already_imported":
            return (
                f"{name}: already imported (seq {self.seq} from {self.sender_team}); "
                "nothing changed"
            )
        s = self.summary
        verb = "would change" if self.outcome == "verified" else "imported"
        return (
            f"{name}: {verb} from {self.sender_team} seq {self.seq}: {s.get('new', 0)} new, "
            f"{s.get('updated', 0)} updated, {s.get('unchanged', 0)} unchanged, "
            f"{s.get('conflicts', 0)} conflicts, {s.get('warnings', 0)} warnings"
        )


@dataclass
class _Opened:
    manifest: Any
    body_sha256: str
    sender: sync_repo.PeerDevice
    plan: MergePlan | None = None
    duplicate: bool = False


def _open(ws: Workspace, path: Path, now_ms: Callable[[], int]) -> _Opened:
    """Steps 1-6 of DESIGN "Import, in order"; raises BundleRejected, writes nothing."""
    keys = load_device_keys(ws.data_dir)
    # Streamed from the stick, and each layer dropped once the next is out: peak memory
    # is a budget (DESIGN: 3x the plaintext above idle).
    plain = envelope.decrypt_file(path, keys.age_identity, max_bytes=MAX_BUNDLE_BYTES)
    peers = {p.key_id: p for p in sync_repo.peer_devices(ws.db)}
    trusted = {
        key_id: Ed25519PublicKey.from_public_bytes(_b64(p.sign_public_key))
        for key_id, p in peers.items()
    }
    body, signer_key = envelope.open_envelope(plain, trusted)
    del plain
    body_sha256 = hashlib.sha256(body).hexdigest()
    doc = manifest.validate_manifest(manifest.parse_manifest(body))
    del body
    sender = peers[signer_key]
    if doc.sender.key_id != signer_key or doc.sender.device_id != sender.id:
        raise BundleRejected(
            "the bundle says it comes from one device but is signed by another; it was not merged"
        )
    if keys.key_id not in doc.recipients:
        raise BundleRejected("this bundle is not addressed to this device")
    opened = _Opened(doc, body_sha256, sender)
    if sync_repo.applied_manifest(ws.db, opened.body_sha256):
        opened.duplicate = True
        return opened
    if sender.revoked_after_seq is not None and doc.seq > sender.revoked_after_seq:
        raise _Quarantine(
            f"{sender.team}'s device was revoked after bundle {sender.revoked_after_seq}; "
            "set aside for a data manager to check",
            opened,
        )
    earlier = sync_repo.received_bundle(ws.db, sender.id, doc.seq)
    if earlier is not None or (
        doc.seq == sender.last_seq + 1
        and sender.last_manifest_sha256
        and doc.prev != sender.last_manifest_sha256
    ):
        raise _Quarantine(
            f"a different bundle {doc.seq} from {sender.team} was already imported: two bundles "
            "claim the same place; set aside for a data manager to check",
            opened,
        )
    if doc.seq > sender.last_seq + MAX_SEQ_JUMP:
        raise BundleRejected(
            f"the bundle's number ({doc.seq}) is far ahead of the last one from {sender.team} "
            f"({sender.last_seq}); it was not merged"
        )
    # Clock text sorts like the clock itself, so the newest change is the largest string.
    newest = max((change.hlc for change in doc.changes), default=None)
    if newest is not None and Timestamp.parse(newest).wall_ms > now_ms() + MAX_CLOCK_DRIFT_MS:
        raise BundleRejected(
            "the bundle holds changes dated in the future (check the sending laptop's clock)"
        )
    return opened


class _Quarantine(BundleRejected):
    """Refused and kept aside for an expert (forks, revoked senders)."""

    def __init__(self, reason: str, opened: _Opened) -> None:
        super().__init__(reason)
        self.opened = opened


def _b64(text: str) -> bytes:
    import base64

    return base64.b64decode(text, validate=True)


def _plan(ws: Workspace, opened: _Opened) -> MergePlan:
    grouped = group_changes(opened.manifest.changes)
    rows, clocks = {}, {}
    pks_all: list[str] = []
    for table, records in grouped.items():
        pks = list(records)
        pks_all.extend(pks)
        rows[table] = sync_repo.load_rows(ws.db, table, pks)
        clocks[table] = sync_repo.load_clocks(ws.db, table, pks)
    seen = sync_repo.load_seen_clocks(ws.db, [pk for t in rows.values() for pk in t])
    local = LocalState(rows, clocks, seen)
    return plan_merge(grouped, local, today=ws.today(), is_known_country=ws.is_known_country)


def _report(path: Path, opened: _Opened, outcome: str, plan: MergePlan | None) -> ImportReport:
    doc = opened.manifest
    report = ImportReport(
        path.name,
        outcome,
        sender_team=opened.sender.team,
        sender=opened.sender.id,
        seq=doc.seq,
        changes=len(doc.changes),
    )
    if plan is not None:
        report.summary = plan.summary
        report.warnings = list(plan.warnings)
        if doc.seq > opened.sender.last_seq + 1 and opened.sender.last_seq:
            report.warnings.append(
                f"bundles {opened.sender.last_seq + 1} to {doc.seq - 1} from "
                f"{opened.sender.team} have not arrived yet"
            )
            report.summary["warnings"] = len(report.warnings)
    return report


def verify_bundle(
    ws: Workspace, path: Path, *, now_ms: Callable[[], int] = wall_clock_ms
) -> ImportReport:
    """What importing would do; writes nothing at all."""
    try:
        opened = _open(ws, path, now_ms)
        if opened.duplicate:
            return _report(path, opened, "already_imported", None)
        return _report(path, opened, "verified", _plan(ws, opened))
    except BundleRejected as refusal:
        outcome = "quarantined" if isinstance(refusal, _Quarantine) else "refused"
        return ImportReport(path.name, outcome, refusal.reason)


def import_bundle(
    ws: Workspace, path: Path, *, now_ms: Callable[[], int] = wall_clock_ms
) -> ImportReport:
    """Verify, then merge in one transaction; a refusal changes no record."""
    opened: _Opened | None = None
    try:
        opened = _open(ws, path, now_ms)
        if opened.duplicate:  # noted in the history (the data manager sees it), nothing else
            _log_outcome(ws, path, opened, "already_imported", None)
            return _report(path, opened, "already_imported", None)
        plan = _plan(ws, opened)
        report = _report(path, opened, "applied", plan)
        _apply(ws, opened, plan, report)
        log.info("imported bundle seq %s: %s", opened.manifest.seq, report.summary)
        return report
    except BundleRejected as refusal:
        outcome = "refused"
        if isinstance(refusal, _Quarantine):
            outcome, opened = "quarantined", refusal.opened
            _keep_aside(ws, path)
        _log_outcome(ws, path, opened, outcome, refusal.reason)
        log.info("bundle %s: %s", outcome, type(refusal).__name__)
        return ImportReport(
            path.name,
            outcome,
            refusal.reason,
            sender_team=opened.sender.team if opened else None,
            seq=opened.manifest.seq if opened else None,
        )


def _apply(ws: Workspace, opened: _Opened, plan: MergePlan, report: ImportReport) -> None:
    doc = opened.manifest
    at = utc_now()
    with ws.writing():
        sync_repo.log_bundle(
            ws.db,
            direction="received",
            bundle_id=doc.bundle_id,
            sender=opened.sender.id,
            seq=doc.seq,
            manifest_sha256=opened.body_sha256,
            at=at,
            created_at=doc.created_at,
            changes=len(doc.changes),
            outcome="applied",
            **report.summary,
        )
        by_table: dict[str, list[Any]] = {}
        for new in plan.new_records:
            by_table.setdefault(new.record.TABLE, []).append(new)
        for table, news in by_table.items():
            records = [n.record for n in news]
            hlcs = [n.hlc for n in news]
            insert_records(ws.db, records, hlcs)
            record_creations(
                ws.db, records, hlcs, operator=ws.operator, at=at, bundle_id=doc.bundle_id
            )
            sync_repo.upsert_clocks(
                ws.db,
                [
                    (table, n.record.id, column, hlc, base)
                    for n in news
                    for column, (hlc, base) in n.clocks.items()
                ],
            )
        sync_repo.apply_edits(
            ws.db, plan.edits, operator=ws.operator, at=at, bundle_id=doc.bundle_id
        )
        sync_repo.add_conflicts(
            ws.db,
            [
                (
                    c.table,
                    c.pk,
                    c.column,
                    _json(c.local_value),
                    c.local_hlc,
                    _json(c.incoming_value),
                    c.incoming_hlc,
                    c.winner,
                    doc.bundle_id,
                    at,
                )
                for c in plan.conflicts
            ],
        )
        sync_repo.record_peer_bundle(ws.db, opened.sender.id, doc.seq, opened.body_sha256)
        mine = doc.acks.get(ws.device.id)
        if mine:
            sync_repo.record_ack(ws.db, opened.sender.id, int(mine))
        if plan.newest_hlc:
            ws.clock.observe(Timestamp.parse(plan.newest_hlc))


def _json(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _keep_aside(ws: Workspace, path: Path) -> None:
    folder = ws.data_dir / QUARANTINE_DIR
    folder.mkdir(exist_ok=True)
    try:
        shutil.copyfile(path, folder / path.name)
    except OSError:
        log.warning("could not copy a quarantined bundle aside")


def _log_outcome(
    ws: Workspace, path: Path, opened: _Opened | None, outcome: str, reason: str | None
) -> None:
    """A bundle that changed no record, in the history: refused, quarantined, a replay."""
    doc = opened.manifest if opened else None
    with ws.db.atomic():
        sync_repo.log_bundle(
            ws.db,
            direction="received",
            bundle_id=doc.bundle_id if doc else None,
            sender=opened.sender.id if opened else None,
            seq=doc.seq if doc else None,
            manifest_sha256=opened.body_sha256 if opened else None,
            at=utc_now(),
            changes=len(doc.changes) if doc else None,
            outcome=outcome,
            reason=reason,
            file_name=path.name,
        )


__all__ = ["SYNCED_RECORDS", "ImportReport", "import_bundle", "verify_bundle"]
