"""Writing bundles: for each recipient, what it has not confirmed, split at the limits.

Each recipient has its own chain of bundles (``seq`` and ``prev`` per recipient) and its
own window: what it has not confirmed, never the oldest point over all devices. An export
that does not fit the limits of :mod:`.limits` is split into several bundles of whole
records, each signed, numbered and importable in any order (docs/sync.md, "Split").
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import secrets
import sqlite3
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ... import __version__
from .. import validation
from ..errors import AlholError
from ..records import SYNCED_RECORDS
from ..safety.files import AS_UMASK_ALLOWS, discard, move_into_place, open_temp
from ..storage import SCHEMA_VERSION
from ..storage.audit import WindowRow
from ..storage.devices import PeerDevice
from ..storage.settings import EXPORTED_UPTO_KEY
from ..workspace import Workspace, utc_now
from . import envelope, manifest
from .keys import DeviceKeys, load_device_keys
from .limits import LIMITS, Limits

log = logging.getLogger(__name__)

SEQ_PREFIX = "export.seq:"  # + recipient device id: the last seq written for it
PREV_PREFIX = "export.prev_sha256:"  # + recipient device id: that bundle's manifest hash
BUNDLE_SUFFIX = ".alhol"
_PAGE = 500
# A record's fields: column -> (value, clock, base).
Fields = dict[str, tuple[Any, str, str | None]]
# A record as it travels: table, pk, creation clock, fields, and who made each of its
# changes (clock -> (team, operator)).
Entry = tuple[str, str, str, Fields, dict[str, manifest.Author]]


def seq_key(device_id: str) -> str:
    return SEQ_PREFIX + device_id


def prev_key(device_id: str) -> str:
    return PREV_PREFIX + device_id


@dataclass(frozen=True)
class WrittenBundle:
    path: Path
    seq: int
    records: int
    changes: int
    team: str  # the recipient's
    device: str  # the recipient's id


@dataclass(frozen=True)
class ExportResult:
    bundles: tuple[WrittenBundle, ...]
    since: str | None  # when the oldest window start (over the recipients) was exported
    recipients: tuple[str, ...]  # teams

    @property
    def path(self) -> Path:
        """The bundle written, when the export is one bundle (one recipient, not split)."""
        if len(self.bundles) != 1:
            raise ValueError(f"this export wrote {len(self.bundles)} bundles, not one")
        return self.bundles[0].path

    def paths_for(self, device_id: str) -> list[Path]:
        """The bundles written for one recipient, in seq order."""
        return [b.path for b in self.bundles if b.device == device_id]

    def path_for(self, device_id: str) -> Path:
        """The one bundle written for that recipient."""
        (path,) = self.paths_for(device_id)
        return path

    @property
    def changes(self) -> int:
        return sum(b.changes for b in self.bundles)

    @property
    def records(self) -> int:
        return sum(b.records for b in self.bundles)

    @property
    def seq(self) -> int:
        return self.bundles[-1].seq


def chain_positions(ws: Workspace) -> dict[str, tuple[int, str | None]]:
    """For each recipient: the seq of the last bundle written for it, and its hash."""
    seqs = ws.settings.with_prefix(SEQ_PREFIX)
    prevs = ws.settings.with_prefix(PREV_PREFIX)
    return {
        key.removeprefix(SEQ_PREFIX): (
            int(value),
            prevs.get(prev_key(key.removeprefix(SEQ_PREFIX))),
        )
        for key, value in seqs.items()
    }


def recipients_for(ws: Workspace) -> list[PeerDevice]:
    """Field devices send to HQ; HQ sends to every device it trusts. Revoked devices get nothing."""
    peers = [p for p in ws.devices.peers() if p.revoked_after_seq is None]
    if ws.device.role == "field":
        return [p for p in peers if p.role == "hq"]
    return peers


def iter_records(
    ws: Workspace, *, after_audit_id: int, upto: int, full: bool, recipient: str | None = None
) -> Iterator[Entry]:
    """(table, pk, creation clock, fields) of every record the window touched, whole, in
    table and id order, a page at a time (every record if ``full``).

    Records travel whole, so that the receiver can check the sender's record against
    every rule, as a form would. A field edited here is sent as its latest local edit, even
    when an imported value has since won over it: HQ must see both sides of a conflict;
    unless, beside the values that won, such edits make a record that breaks a rule (the
    receiver would refuse the bundle): those fields then go as held here.
    Its ``base`` is the clock the first of this device's unsent edits started from, so two
    edits in a row are one fast-forward for the receiver, not a conflict with itself. A
    record whose every value is the recipient's own (HQ relaying a laptop's record back to
    it) is left out: no device is sent what it already has.
    """
    if full:
        for table in SYNCED_RECORDS:
            after = ""
            while pks := ws.records(table).ids_after(after, _PAGE):
                after = pks[-1]
                yield from _page(ws, table, pks, {}, {}, None)
        return

    touched: dict[str, set[str]] = {}
    latest: dict[tuple[str, str, str], WindowRow] = {}
    local_bases: dict[tuple[str, str, str], dict[str, str | None]] = {}
    window = ws.audit.export_window(after_audit_id, upto, local_only=ws.device.role == "field")
    for entry in window:
        touched.setdefault(entry.table, set()).add(entry.pk)
        if entry.column is None:
            continue
        key = (entry.table, entry.pk, entry.column)
        latest[key] = entry
        if entry.local:
            local_bases.setdefault(key, {})[entry.hlc] = entry.base
    del window
    for table in SYNCED_RECORDS:
        pks = sorted(touched.get(table, ()))
        for start in range(0, len(pks), _PAGE):
            page = pks[start : start + _PAGE]
            yield from _page(ws, table, page, latest, local_bases, recipient)


def _page(
    ws: Workspace,
    table: str,
    pks: list[str],
    latest: Mapping[tuple[str, str, str], WindowRow],
    local_bases: Mapping[tuple[str, str, str], dict[str, str | None]],
    recipient: str | None,
) -> Iterator[Entry]:
    columns = SYNCED_RECORDS[table].synced_columns()
    rows = ws.records(table).rows_by_id(pks)
    edited: dict[str, dict[str, tuple[str, str | None]]] = {}
    for (pk, column), clock in ws.audit.clocks_of(table, pks).items():
        edited.setdefault(pk, {})[column] = clock
    authors = ws.audit.change_authors(pks, ws.device.team)
    for pk in pks:
        current = rows.get(pk)
        if current is None:
            continue
        created = current["hlc"]
        own = edited.get(pk, {})
        fields: Fields = {}
        held: Fields = {}  # the record as stored here, every field with its current clock
        for column in columns:
            hlc, base = own.get(column, (created, None))
            held[column] = fields[column] = (current[column], hlc, base)
            edit = latest.get((table, pk, column)) if latest else None
            if edit is not None and edit.local:
                key = (table, pk, column)
                base, chain = edit.base, local_bases[key]
                while base in chain:
                    base = chain[base]
                assert edit.new is not None
                fields[column] = (json.loads(edit.new), edit.hlc, base)
        lost = [column for column in columns if fields[column][1] != held[column][1]]
        if lost and _breaks_a_rule(ws, table, pk, fields):
            # Edits made here that imported values have since won over, sent beside the
            # values that won, can make a record this device never held, which the receiver
            # refuses (girls and children from here, boys from HQ). Those fields then go as
            # held here: the record passed every rule, and this device's conflict log
            # keeps the edits that lost.
            fields.update((column, held[column]) for column in lost)
        if recipient is not None and all(hlc.endswith(recipient) for _, hlc, _ in fields.values()):
            continue  # all of it is the recipient's own: it has it
        yield table, pk, created, fields, _authors(pk, created, fields, authors)


def _breaks_a_rule(ws: Workspace, table: str, pk: str, fields: Fields) -> bool:
    """Whether the record as these fields give it fails a rule (the importer would refuse it)."""
    record = SYNCED_RECORDS[table](id=pk, **{column: f[0] for column, f in fields.items()})
    issues = validation.check_record(record, today=ws.today(), is_known_country=ws.is_known_country)
    return bool(validation.split(issues)[0])


def _authors(
    pk: str,
    created: str,
    fields: Fields,
    known: Mapping[tuple[str, str], manifest.Author],
) -> dict[str, manifest.Author]:
    clocks = {created} | {hlc for _, hlc, _ in fields.values()}
    return {hlc: known.get((pk, hlc), manifest.UNKNOWN_AUTHOR) for hlc in clocks}


def _window_start(ws: Workspace, peer: PeerDevice) -> tuple[int, str | None]:
    """Audit id after which changes are not confirmed by ``peer``, and since when."""
    if peer.acked_seq == 0:
        return 0, None
    sent = ws.bundles.sent(ws.device.id, peer.id, peer.acked_seq)
    if sent is None:
        return 0, None
    return int(sent["audit_upto"] or 0), str(sent["at"])


class _Bundle:
    """The records of one bundle being filled, against the limits."""

    def __init__(self, limits: Limits, header_room: int) -> None:
        self.limits = limits
        self.clocks = manifest.Clocks()
        self.lines: list[bytes] = []
        self.size = header_room
        self.changes = 0

    def add(self, entry: Entry) -> bool:
        """Add the record if it fits (it is left out, and nothing changes, if it does not)."""
        table, pk, created, fields, authors = entry
        limits = self.limits
        if len(self.lines) + 1 > limits.records or self.changes + len(fields) > limits.changes:
            return False
        mark = self.clocks.mark()
        self.clocks.author_of = lambda hlc: authors.get(hlc, manifest.UNKNOWN_AUTHOR)
        line = manifest.record_line(self.clocks, _COLUMNS[table], table, pk, created, fields)
        if len(line) > limits.line_bytes:
            raise AlholError("export_record_too_large", table=table, pk=pk)
        # Each new device id or author grows the header: at most 240 bytes (two names of
        # 100 characters, escaped as JSON would need, are counted as what they take).
        grown = 35 * (len(self.clocks.devices) - mark[0]) + sum(
            len(manifest.dumps(list(author))) + 1 for author in list(self.clocks.authors)[mark[1] :]
        )
        if (
            self.size + grown + len(line) + 1 > limits.manifest_bytes
            or len(self.clocks.devices) > limits.devices
            or len(self.clocks.authors) > limits.devices
        ):
            self.clocks.undo(mark)
            return False
        self.lines.append(line)
        self.size += grown + len(line) + 1
        self.changes += len(fields)
        return True


_COLUMNS = manifest.synced_columns()


def export_bundle(
    ws: Workspace,
    out_dir: Path,
    *,
    full: bool = False,
    to: str | None = None,
    limits: Limits | None = None,
) -> ExportResult:
    """Write, for each recipient (or only device ``to``), the bundles of what it lacks."""
    limits = limits or LIMITS
    recipients = _recipients(ws, to)
    if not out_dir.is_dir():
        raise AlholError("export_not_a_folder", folder=str(out_dir))
    keys = load_device_keys(ws.data_dir)
    upto = ws.audit.last_id()
    written: list[WrittenBundle] = []
    starts: list[str] = []
    for peer in recipients:
        after, since = (0, None) if full else _window_start(ws, peer)
        if since is not None:
            starts.append(since)
        records = iter_records(
            ws, after_audit_id=after, upto=upto, full=full, recipient=None if full else peer.id
        )
        written += _export_to(ws, peer, keys, records, upto, out_dir, limits)
    with ws.db.atomic():
        ws.settings.set(EXPORTED_UPTO_KEY, str(upto))
    since = None if full or len(starts) < len(recipients) else min(starts)
    log.info("exported %d bundles with %d changes", len(written), sum(b.changes for b in written))
    return ExportResult(tuple(written), since, tuple(p.team for p in recipients))


def _recipients(ws: Workspace, to: str | None) -> list[PeerDevice]:
    """The trusted devices this one sends to (only ``to``, an id or its start, if given)."""
    recipients = recipients_for(ws)
    if to is not None:
        recipients = [p for p in recipients if p.id == to or p.id.startswith(to)]
        if len(recipients) != 1:
            raise AlholError("export_to_unknown", to=to)
    if not recipients:
        other = "HQ" if ws.device.role == "field" else "field"
        raise AlholError("export_no_recipient", role=other)
    return recipients


def _export_to(
    ws: Workspace,
    peer: PeerDevice,
    keys: DeviceKeys,
    records: Iterator[Entry],
    upto: int,
    out_dir: Path,
    limits: Limits,
) -> list[WrittenBundle]:
    """One recipient's export: as many bundles as its window needs, at least one."""
    first_seq = int(ws.settings.get(seq_key(peer.id), "0") or 0) + 1
    acks = ws.bundles.acks(ws.device.id)
    sender = manifest.Sender(ws.device.id, keys.key_id, ws.device.team)

    def header(seq: int, bundle: _Bundle | None, last: bool, prev: str | None) -> bytes:
        return manifest.header_line(
            bundle_id=uuid.uuid4().hex,
            kind="changes",
            sender=sender,
            recipients=[peer.key_id],
            seq=seq,
            prev=prev,
            first_seq=first_seq,
            last=last,
            acks=acks,
            created_at=utc_now(),
            devices=list(bundle.clocks.devices) if bundle else [],
            authors=list(bundle.clocks.authors) if bundle else [],
            columns=manifest.synced_columns(),
            app={"version": __version__, "schema": SCHEMA_VERSION},
        )

    # Room for the header with no devices yet (each device the clocks name adds 35 bytes).
    room = len(header(first_seq + 10**9, None, False, "0" * 64)) + 1
    written: list[WrittenBundle] = []
    bundle = _Bundle(limits, room)
    seq = first_seq
    for entry in records:
        if bundle.add(entry):
            continue
        written.append(_write(ws, peer, keys, bundle, seq, header, upto, out_dir, last=False))
        seq += 1
        bundle = _Bundle(limits, room)
        if not bundle.add(entry):
            raise AlholError("export_record_unfit", table=entry[0], pk=entry[1])
    written.append(_write(ws, peer, keys, bundle, seq, header, upto, out_dir, last=True))
    return written


def _write(
    ws: Workspace,
    peer: PeerDevice,
    keys: DeviceKeys,
    bundle: _Bundle,
    seq: int,
    header: Any,
    upto: int,
    out_dir: Path,
    *,
    last: bool,
) -> WrittenBundle:
    prev = ws.settings.get(prev_key(peer.id))
    head = header(seq, bundle, last, prev)
    body = b"\n".join([head, *bundle.lines]) + b"\n"
    limits = bundle.limits
    assert len(head) <= limits.header_bytes and len(body) <= limits.manifest_bytes
    bundle_id = json.loads(head)["bundle_id"]
    created_at = json.loads(head)["created_at"]
    payload = manifest.compress(body)
    del body
    # The chain links the exact bytes that are signed: the next bundle's prev is this hash.
    body_sha256 = hashlib.sha256(payload).hexdigest()
    sealed = envelope.encrypt(envelope.sign_envelope(payload, keys), [peer.age_recipient])
    del payload
    assert len(sealed) <= limits.file_bytes
    final = out_dir / f"{secrets.token_hex(8)}{BUNDLE_SUFFIX}"
    part = final.with_name(final.name + ".part")
    _write_durably(part, sealed)
    keys_before = (seq_key(peer.id), prev_key(peer.id))
    before = {key: ws.settings.get(key) for key in keys_before}
    try:
        # Recorded before the rename: a laptop killed in between has used up this number
        # (the recipient sees a gap, a warning, and the next export carries the same
        # unconfirmed changes) but never leaves a complete file whose number it will give
        # out again.
        with ws.db.atomic():
            ws.settings.set(seq_key(peer.id), str(seq))
            ws.settings.set(prev_key(peer.id), body_sha256)
            row = ws.bundles.log(
                direction="sent",
                bundle_id=bundle_id,
                sender=ws.device.id,
                recipient=peer.id,
                seq=seq,
                first_seq=int(json.loads(head)["export"]["first_seq"]),
                last_part=int(last),
                manifest_sha256=body_sha256,
                at=utc_now(),
                created_at=created_at,
                changes=bundle.changes,
                outcome="exported",
                file_name=final.name,
                audit_upto=upto,
            )
    except BaseException as error:
        _remove(part, final)
        raise _unfinished(error) from error
    try:
        move_into_place(part, final)
    except BaseException as error:
        _remove(part, final)
        with ws.db.atomic():  # the file is gone, so is its record: the number is free again
            for key, value in before.items():
                if value is None:
                    ws.settings.delete([key])
                else:
                    ws.settings.set(key, value)
            ws.bundles.delete(row)
        raise _unfinished(error) from error
    log.info("exported bundle seq %d with %d changes", seq, bundle.changes)
    return WrittenBundle(final, seq, len(bundle.lines), bundle.changes, peer.team, peer.id)


def _remove(*paths: Path) -> None:
    for leftover in paths:
        discard(leftover)  # a stick pulled out refuses this too


def _unfinished(error: BaseException) -> BaseException:
    """One line for the user, for the failures a stick or a disk can cause."""
    if isinstance(error, OSError | sqlite3.Error):
        cause = f" ({error.strerror})" if isinstance(error, OSError) else ""
        return AlholError(_UNFINISHED[_stick_said(error)], cause=cause)
    return error


def _write_durably(path: Path, data: bytes) -> None:
    try:
        with open_temp(path, mode=AS_UMASK_ALLOWS) as handle:  # removed if it fails
            handle.write(data)
    except OSError as error:
        raise AlholError(_NOT_WRITTEN[_stick_said(error)], cause=error.strerror) from None


_NO_SPACE = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _stick_said(error: BaseException) -> str:
    """What the stick said, which decides what to do: full is not the same as gone."""
    if isinstance(error, OSError) and error.errno in _NO_SPACE:
        return "full"
    if isinstance(error, OSError):
        return "gone"
    return "other"


# The refusal's code, by what the stick said.
_UNFINISHED = {
    "full": "export_unfinished_full",
    "gone": "export_unfinished_gone",
    "other": "export_unfinished",
}
_NOT_WRITTEN = {
    "full": "export_not_written_full",
    "gone": "export_not_written_gone",
    "other": "export_not_written",
}


def unexported_changes(ws: Workspace) -> int:
    """Local changes made since the last export (the status bar count)."""
    return ws.audit.local_changes_after(ws.settings.exported_upto())
