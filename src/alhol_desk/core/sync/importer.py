"""Reading bundles: verified before parsed, applied in one transaction, refused whole."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..clock import Timestamp, wall_clock_ms
from ..messages import Message
from ..records import SYNCED_RECORDS
from ..safety.files import write_atomically
from ..storage.devices import PeerDevice
from ..workspace import Workspace, utc_now
from . import envelope, manifest
from .change_shapes import Change
from .errors import BundleRejected, NotAddressedHere
from .keys import load_device_keys
from .limits import LIMITS
from .merge import LocalState, MergePlan, group_changes, plan_merge

log = logging.getLogger(__name__)

MAX_SEQ_JUMP = 1000
MAX_CLOCK_DRIFT_MS = 24 * 3600 * 1000
QUARANTINE_DIR = "quarantine"


@dataclass
class ImportReport:
    """What a bundle did (import) or would do (verify)."""

    file: str
    # applied | already_imported | verified | refused | quarantined | not_for_this_device
    outcome: str
    reason: str | None = None
    sender_team: str | None = None
    sender: str | None = None
    seq: int | None = None
    changes: int = 0
    summary: dict[str, int] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)
    message: Message | None = None  # the refusal as a code and values (``reason`` in English)

    def line(self) -> str:
        name = self.file
        if self.outcome == "not_for_this_device":
            return f"{name}: skipped: addressed to another device"
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
    manifest: manifest.Header
    records: Iterator[list[Change]]
    body_sha256: str
    sender: PeerDevice
    duplicate: bool = False


@dataclass
class _Totals:
    """What the chunks of one bundle did, added up."""

    summary: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("new", "updated", "unchanged", "conflicts"), 0)
    )
    warnings: list[Message] = field(default_factory=list)
    changes: int = 0
    newest_hlc: str | None = None

    def add(self, plan: MergePlan, changes: int) -> None:
        for key, value in plan.summary.items():
            if key != "warnings":
                self.summary[key] += value
        self.warnings += plan.warnings
        self.changes += changes
        if plan.newest_hlc and (self.newest_hlc is None or plan.newest_hlc > self.newest_hlc):
            self.newest_hlc = plan.newest_hlc


def _open(ws: Workspace, path: Path, now_ms: Callable[[], int]) -> _Opened:
    """Steps 1-6 of DESIGN "Import, in order"; raises BundleRejected, writes nothing."""
    keys = load_device_keys(ws.data_dir)
    # Streamed from the stick, and each layer dropped once the next is out; the records
    # are then read as the manifest inflates, a chunk at a time: memory is bounded by one
    # bundle, whatever it holds.
    plain = envelope.decrypt_file(path, keys.age_identity, max_bytes=LIMITS.file_bytes)
    peers = {p.key_id: p for p in ws.devices.peers()}
    trusted = {
        key_id: Ed25519PublicKey.from_public_bytes(_b64(p.sign_public_key))
        for key_id, p in peers.items()
    }
    payload, signer_key = envelope.open_envelope(plain, trusted)
    del plain
    body_sha256 = hashlib.sha256(payload).hexdigest()
    doc, records = manifest.read_manifest(payload)
    sender = peers[signer_key]
    _check_addressing(doc, signer_key, sender, keys.key_id)
    opened = _Opened(doc, records, body_sha256, sender)
    if ws.bundles.manifest_applied(opened.body_sha256):
        opened.duplicate = True
        return opened
    if sender.revoked_after_seq is not None and doc.seq > sender.revoked_after_seq:
        raise _Quarantine(
            Message("bundle_revoked", {"team": sender.team, "after": sender.revoked_after_seq}),
            opened,
        )
    me = ws.device.id
    earlier = ws.bundles.received(sender.id, doc.seq, me)
    before = ws.bundles.received(sender.id, doc.seq - 1, me)
    after = ws.bundles.received(sender.id, doc.seq + 1, me)
    if earlier is not None or _breaks_chain(doc, sender, body_sha256, before, after):
        raise _Quarantine(Message("bundle_fork", {"seq": doc.seq, "team": sender.team}), opened)
    if sender.revoked_after_seq is not None and (
        after is None or after["prev_sha256"] != body_sha256
    ):
        # Below a revoked device's cut-off, only a bundle that the chain already imported
        # vouches for: its keys may be in a thief's hands.
        raise _Quarantine(
            Message("bundle_revoked_unvouched", {"team": sender.team, "seq": doc.seq}), opened
        )
    mine = doc.acks.get(me)
    written = ws.bundles.last_sent_seq(me, sender.id)
    if mine is not None and mine > written:
        raise BundleRejected("bundle_ack_ahead", ack=mine, written=written, team=sender.team)
    if doc.seq > sender.last_seq + MAX_SEQ_JUMP:
        raise BundleRejected("seq_far_ahead", seq=doc.seq, team=sender.team, last=sender.last_seq)
    return opened


def _check_addressing(
    doc: manifest.Header, signer_key: str, sender: PeerDevice, my_key_id: str
) -> None:
    """Signed by the device it names, addressed to this one, holding changes."""
    if doc.sender.key_id != signer_key or doc.sender.device_id != sender.id:
        raise BundleRejected("bundle_wrong_signer")
    if my_key_id not in doc.recipients:
        raise BundleRejected("bundle_not_for_me")
    if doc.kind != "changes":
        raise BundleRejected("bundle_other_kind", kind=doc.kind)


def _breaks_chain(
    doc: manifest.Header,
    sender: PeerDevice,
    body_sha256: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> bool:
    """Whether the bundle does not chain to the sender's bundles already here."""
    return bool(
        (
            doc.seq == sender.last_seq + 1
            and sender.last_manifest_sha256
            and doc.prev != sender.last_manifest_sha256
        )
        # A bundle that fills a gap must chain to its neighbours already here: the next
        # bundle's prev names this one's hash, and this one's prev the one before.
        or (before is not None and before["manifest_sha256"] != doc.prev)
        or (
            after is not None
            and after["prev_sha256"] is not None
            and after["prev_sha256"] != body_sha256
        )
    )


class _Quarantine(BundleRejected):
    """Refused and kept aside for an expert (forks, revoked senders)."""

    def __init__(self, message: Message, opened: _Opened) -> None:
        super().__init__(message)
        self.opened = opened


def _b64(text: str) -> bytes:
    import base64

    return base64.b64decode(text, validate=True)


def _plan(
    ws: Workspace,
    sender: PeerDevice,
    changes: list[Change],
    now_ms: Callable[[], int],
) -> MergePlan:
    """The merge of one chunk of records, against the database as it is now."""
    # Clock text sorts like the clock itself, so the newest clock is the largest string;
    # every clock counts, the bases (what an editor saw) too.
    newest = max(
        (c for change in changes for c in (change.hlc, change.base) if c is not None),
        default=None,
    )
    if newest is not None and Timestamp.parse(newest).wall_ms > now_ms() + MAX_CLOCK_DRIFT_MS:
        raise BundleRejected("bundle_future")
    grouped = group_changes(changes, is_known_country=ws.is_known_country)
    rows, clocks = {}, {}
    pks_all: list[str] = []
    for table, records in grouped.items():
        pks = list(records)
        pks_all.extend(pks)
        rows[table] = ws.records(table).rows_by_id(pks)
        clocks[table] = ws.audit.clocks_of(table, pks)
    seen = ws.audit.seen_clocks([pk for t in rows.values() for pk in t])
    local = LocalState(rows, clocks, seen)
    relayed_from = None
    if sender.role == "field":
        # A laptop sends what was done on it; only HQ relays other devices' changes. The
        # one exception is a laptop's own former identity (keys retire), which HQ revoked.
        allowed = {sender.id} | {
            p.id for p in ws.devices.peers() if p.revoked_after_seq is not None
        }
        relayed_from = allowed.__contains__
    return plan_merge(
        grouped,
        local,
        today=ws.today(),
        is_known_country=ws.is_known_country,
        relayed_from=relayed_from,
    )


def _report(path: Path, opened: _Opened, outcome: str, plan: _Totals | None) -> ImportReport:
    doc = opened.manifest
    report = ImportReport(
        path.name,
        outcome,
        sender_team=opened.sender.team,
        sender=opened.sender.id,
        seq=doc.seq,
    )
    if plan is not None:
        report.changes = plan.changes
        report.summary = {**plan.summary, "warnings": len(plan.warnings)}
        report.warnings = list(plan.warnings)
        if doc.seq > opened.sender.last_seq + 1:
            missing = {
                "first": opened.sender.last_seq + 1,
                "last": doc.seq - 1,
                "team": opened.sender.team,
            }
            report.warnings.append(Message("warn_missing_bundles", missing))
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
        totals = _Totals()
        for changes in opened.records:
            totals.add(_plan(ws, opened.sender, changes, now_ms), len(changes))
            del changes
        return _report(path, opened, "verified", totals)
    except NotAddressedHere as refusal:
        return ImportReport(
            path.name, "not_for_this_device", refusal.reason, message=refusal.message
        )
    except BundleRejected as refusal:
        outcome = "quarantined" if isinstance(refusal, _Quarantine) else "refused"
        return ImportReport(path.name, outcome, refusal.reason, message=refusal.message)


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
        report = _apply(ws, path, opened, now_ms)
        log.info("imported bundle seq %s: %s", opened.manifest.seq, report.summary)
        return report
    except NotAddressedHere as refusal:  # for another device on the same stick: not logged
        return ImportReport(
            path.name, "not_for_this_device", refusal.reason, message=refusal.message
        )
    except BundleRejected as refusal:
        outcome = "refused"
        if isinstance(refusal, _Quarantine):
            outcome, opened = "quarantined", refusal.opened
            _keep_aside(ws, path)
        _log_outcome(ws, path, opened, outcome, refusal.message)
        log.info("bundle %s: %s", outcome, type(refusal).__name__)
        return ImportReport(
            path.name,
            outcome,
            refusal.reason,
            sender_team=opened.sender.team if opened else None,
            seq=opened.manifest.seq if opened else None,
            message=refusal.message,
        )


def _apply(ws: Workspace, path: Path, opened: _Opened, now_ms: Callable[[], int]) -> ImportReport:
    """Merge every chunk in one transaction: a refusal anywhere undoes them all."""
    doc = opened.manifest
    at = utc_now()
    totals = _Totals()
    with ws.writing():
        for changes in opened.records:
            plan = _plan(ws, opened.sender, changes, now_ms)
            try:
                _apply_chunk(ws, doc, plan, at)
            except sqlite3.IntegrityError:
                # Every value was checked before; a constraint that still fails must not
                # escape as a database error (nor stop the next file on the same line).
                raise BundleRejected("bundle_constraint") from None
            totals.add(plan, len(changes))
            del changes, plan  # before the next chunk is read: one chunk in memory at a time
        report = _report(path, opened, "applied", totals)
        ws.bundles.log(
            direction="received",
            bundle_id=doc.bundle_id,
            sender=opened.sender.id,
            recipient=ws.device.id,
            seq=doc.seq,
            first_seq=doc.first_seq,
            last_part=int(doc.last),
            manifest_sha256=opened.body_sha256,
            prev_sha256=doc.prev,
            at=at,
            created_at=doc.created_at,
            changes=totals.changes,
            outcome="applied",
            **report.summary,
        )
        ws.devices.record_bundle(opened.sender.id, doc.seq, opened.body_sha256)
        mine = doc.acks.get(ws.device.id)
        if mine:
            ws.devices.record_ack(opened.sender.id, int(mine))
        if totals.newest_hlc:
            ws.clock.observe(Timestamp.parse(totals.newest_hlc))
    return report


def _apply_chunk(ws: Workspace, doc: manifest.Header, plan: MergePlan, at: str) -> None:
    by_table: dict[str, list[Any]] = {}
    for new in plan.new_records:
        by_table.setdefault(new.record.TABLE, []).append(new)
    for table, news in by_table.items():
        records = [n.record for n in news]
        hlcs = [n.hlc for n in news]
        ws.records(table).insert_records(records, hlcs)
        ws.audit.record_creations(
            records,
            hlcs,
            operator=ws.operator,
            at=at,
            bundle_id=doc.bundle_id,
            authors=[n.author for n in news],
        )
        ws.audit.upsert_clocks(
            [
                (table, n.record.id, column, hlc, base)
                for n in news
                for column, (hlc, base) in n.clocks.items()
            ],
        )
    ws.audit.apply_edits(plan.edits, operator=ws.operator, at=at, bundle_id=doc.bundle_id)
    ws.conflicts.add(
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
                c.kind,
                c.rule,
                c.incoming_team,
                c.incoming_by,
            )
            for c in plan.conflicts
        ],
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _keep_aside(ws: Workspace, path: Path) -> None:
    folder = ws.data_dir / QUARANTINE_DIR
    folder.mkdir(exist_ok=True)
    try:
        write_atomically(folder / path.name, lambda temp: shutil.copyfile(path, temp))
    except OSError:
        log.warning("could not copy a quarantined bundle aside")


def _log_outcome(
    ws: Workspace, path: Path, opened: _Opened | None, outcome: str, reason: Message | None
) -> None:
    """A bundle that changed no record, in the history: refused, quarantined, a replay.

    A refusal is kept in English (``reason``) and as its code and values, so the window
    explains it in the user's language however long ago it happened.
    """
    doc = opened.manifest if opened else None
    with ws.db.atomic():
        ws.bundles.log(
            direction="received",
            bundle_id=doc.bundle_id if doc else None,
            sender=opened.sender.id if opened else None,
            seq=doc.seq if doc else None,
            manifest_sha256=opened.body_sha256 if opened else None,
            at=utc_now(),
            first_seq=doc.first_seq if doc else None,
            last_part=int(doc.last) if doc else None,
            outcome=outcome,
            reason=reason.english() if reason else None,
            reason_code=reason.code if reason else None,
            reason_params=json.dumps(dict(reason.params), ensure_ascii=False) if reason else None,
            file_name=path.name,
        )


__all__ = ["SYNCED_RECORDS", "ImportReport", "import_bundle", "verify_bundle"]
