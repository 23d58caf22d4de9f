"""Writing a bundle: unconfirmed changes, signed, encrypted, then renamed into place."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import secrets
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import AlholError
from ..records import SYNCED_RECORDS
from ..storage import SCHEMA_VERSION, sync_repo
from ..storage.changes import last_audit_id
from ..storage.settings import get_setting, set_setting
from ..workspace import Workspace, utc_now
from . import envelope, manifest
from .keys import load_device_keys

log = logging.getLogger(__name__)

SEQ_KEY = "export.seq"
PREV_KEY = "export.prev_sha256"
EXPORTED_UPTO_KEY = "export.audit_upto"  # audit id covered by the last export
BUNDLE_SUFFIX = ".alhol"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    seq: int
    changes: int
    since: str | None  # when the oldest change not confirmed by every recipient was exported
    recipients: tuple[str, ...]  # teams


def recipients_for(ws: Workspace) -> list[sync_repo.PeerDevice]:
    """Field devices send to HQ; HQ sends to every device it trusts. Revoked devices get nothing."""
    peers = [p for p in sync_repo.peer_devices(ws.db) if p.revoked_after_seq is None]
    if ws.device.role == "field":
        return [p for p in peers if p.role == "hq"]
    return peers


def collect_changes(
    ws: Workspace, *, after_audit_id: int, upto: int, full: bool
) -> list[dict[str, Any]]:
    """One change per field changed in the audit window (every field of every record if full).

    A field edited here is sent as its latest local edit, even when an imported value has
    since won over it: HQ must see both sides of a conflict. Its ``base`` is the clock the
    first of this device's unsent edits started from, so two edits in a row are one
    fast-forward for the receiver, not a conflict with itself.
    """
    created: dict[str, set[str]] = {}
    latest: dict[tuple[str, str, str], sync_repo.WindowRow] = {}
    local_bases: dict[tuple[str, str, str], dict[str, str | None]] = {}
    if full:
        for table in SYNCED_RECORDS:
            created[table] = set(sync_repo.all_record_ids(ws.db, table))
    else:
        window = sync_repo.export_window(
            ws.db, after_audit_id, upto, local_only=ws.device.role == "field"
        )
        for entry in window:
            if entry.column is None:
                created.setdefault(entry.table, set()).add(entry.pk)
                continue
            key = (entry.table, entry.pk, entry.column)
            latest[key] = entry
            if entry.local:
                local_bases.setdefault(key, {})[entry.hlc] = entry.base
    edited: dict[str, dict[str, set[str]]] = {}
    for table, pk, column in latest:
        edited.setdefault(table, {}).setdefault(pk, set()).add(column)

    changes: list[dict[str, Any]] = []
    for table in SYNCED_RECORDS:
        pks = sorted(created.get(table, set()) | set(edited.get(table, {})))
        if not pks:
            continue
        all_columns = SYNCED_RECORDS[table].synced_columns()
        rows = sync_repo.load_rows(ws.db, table, pks)
        clocks = sync_repo.load_clocks(ws.db, table, pks)
        for pk in pks:
            current = rows.get(pk)
            if current is None:
                continue
            columns = all_columns if pk in created.get(table, ()) else sorted(edited[table][pk])
            for column in columns:
                key = (table, pk, column)
                edit = latest.get(key)
                if edit is not None and edit.local:
                    base, chain = edit.base, local_bases[key]
                    while base in chain:
                        base = chain[base]
                    assert edit.new is not None
                    value, hlc = json.loads(edit.new), edit.hlc
                else:
                    value = current[column]
                    hlc, base = clocks.get((pk, column), (current["hlc"], None))
                changes.append(
                    {
                        "table": table,
                        "pk": pk,
                        "column": column,
                        "value": value,
                        "hlc": hlc,
                        "base": base,
                    }
                )
    return changes


def _window_start(ws: Workspace, recipients: list[sync_repo.PeerDevice]) -> tuple[int, str | None]:
    """Audit id after which changes are unconfirmed by at least one recipient, and since when."""
    confirmed = min(p.acked_seq for p in recipients)
    if confirmed == 0:
        return 0, None
    for bundle in sync_repo.bundle_history(ws.db, direction="sent"):
        if bundle["seq"] == confirmed:
            return int(bundle["audit_upto"] or 0), str(bundle["at"])
    return 0, None


def export_bundle(ws: Workspace, out_dir: Path, *, full: bool = False) -> ExportResult:
    recipients = recipients_for(ws)
    if not recipients:
        other = "HQ" if ws.device.role == "field" else "field"
        raise AlholError(
            f"no trusted {other} device to send to yet: get its card on a stick, check its "
            "fingerprint by phone, then run: alhol-desk keys trust CARD --fingerprint FP"
        )
    if not out_dir.is_dir():
        raise AlholError(f"--out: {out_dir} is not a folder (is the stick plugged in?)")
    keys = load_device_keys(ws.data_dir)
    upto = last_audit_id(ws.db)
    after, since = (0, None) if full else _window_start(ws, recipients)
    changes = collect_changes(ws, after_audit_id=after, upto=upto, full=full)
    seq = int(get_setting(ws.db, SEQ_KEY, "0") or 0) + 1
    doc = {
        "format": manifest.FORMAT,
        "format_version": manifest.FORMAT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "bundle_id": uuid.uuid4().hex,
        "kind": "changes",
        "sender": {"device_id": ws.device.id, "key_id": keys.key_id, "team": ws.device.team},
        "recipients": [p.key_id for p in recipients],
        "seq": seq,
        "prev": get_setting(ws.db, PREV_KEY),
        "acks": sync_repo.acks(ws.db),
        "created_at": utc_now(),
        "changes": changes,
    }
    body = manifest.manifest_bytes(doc)
    body_sha256 = hashlib.sha256(body).hexdigest()
    sealed = envelope.encrypt(
        envelope.sign_envelope(body, keys), [p.age_recipient for p in recipients]
    )
    final = out_dir / f"{secrets.token_hex(8)}{BUNDLE_SUFFIX}"
    part = final.with_name(final.name + ".part")
    _write_durably(part, sealed)
    before = {key: get_setting(ws.db, key) for key in (SEQ_KEY, PREV_KEY, EXPORTED_UPTO_KEY)}
    try:
        # Recorded before the rename: a laptop killed in between has used up this number
        # (HQ sees a gap, a warning, and the next bundle carries the same unconfirmed
        # changes) but never leaves a complete file whose number it will give out again.
        with ws.db.atomic():
            set_setting(ws.db, SEQ_KEY, str(seq))
            set_setting(ws.db, PREV_KEY, body_sha256)
            set_setting(ws.db, EXPORTED_UPTO_KEY, str(upto))
            row = sync_repo.log_bundle(
                ws.db,
                direction="sent",
                bundle_id=doc["bundle_id"],
                sender=ws.device.id,
                seq=seq,
                manifest_sha256=body_sha256,
                at=utc_now(),
                created_at=doc["created_at"],
                changes=len(changes),
                outcome="exported",
                file_name=final.name,
                audit_upto=upto,
            )
    except BaseException as error:
        _remove(part, final)
        raise _unfinished(error) from error
    try:
        part.replace(final)
        _sync_dir(out_dir)
    except BaseException as error:
        _remove(part, final)
        with ws.db.atomic():  # the file is gone, so is its record: the number is free again
            for key, value in before.items():
                if value is None:
                    sync_repo.delete_setting(ws.db, key)
                else:
                    set_setting(ws.db, key, value)
            sync_repo.delete_bundle_row(ws.db, row)
        raise _unfinished(error) from error
    log.info("exported bundle seq %d with %d changes", seq, len(changes))
    return ExportResult(final, seq, len(changes), since, tuple(p.team for p in recipients))


def _remove(*paths: Path) -> None:
    for leftover in paths:
        with contextlib.suppress(OSError):  # a stick pulled out refuses this too
            leftover.unlink(missing_ok=True)


def _unfinished(error: BaseException) -> BaseException:
    """One line for the user, for the failures a stick or a disk can cause."""
    if isinstance(error, OSError | sqlite3.Error):
        cause = f" ({error.strerror})" if isinstance(error, OSError) else ""
        return AlholError(
            f"--out: the bundle could not be finished on the stick{cause}, so nothing was "
            f"exported; {_advice(error)}"
        )
    return error


def _write_durably(path: Path, data: bytes) -> None:
    try:
        with path.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        with contextlib.suppress(OSError):  # a stick pulled out refuses this too
            path.unlink(missing_ok=True)
        raise AlholError(
            f"--out: could not write the bundle ({error.strerror}); "
            f"nothing was exported — {_advice(error)}"
        ) from None


_NO_SPACE = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _advice(error: BaseException) -> str:
    """What to do, by what the stick said: full is not the same as gone."""
    if isinstance(error, OSError) and error.errno in _NO_SPACE:
        return "free some space on the stick (or use another) and try again"
    if isinstance(error, OSError):
        return "was the stick removed? Plug it in again and try again"
    return "check the stick and try again"


def _sync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not every platform can open a folder (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def unexported_changes(ws: Workspace) -> int:
    """Local changes made since the last export (the status bar count)."""
    return sync_repo.local_change_count(ws.db, int(get_setting(ws.db, EXPORTED_UPTO_KEY, "0") or 0))
