"""Form drafts: a half-filled form saved as it is typed, offered back after a crash.

One JSON file per form in ``DATA_DIR/drafts/`` (0700; files 0600). The file name is a hash
of the form's name, never its content: a draft may hold a note or an escort's name. Each
save is atomic (``safety.files.write_atomically``: a temporary file, fsynced, renamed over
the old draft, the folder fsynced), so a crash or a power cut leaves the previous draft or
the new one, never half of one. The GUI decides when to save (e.g. on every edit,
debounced) and when to offer drafts back; this module only stores them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import AlholError
from .files import fsync_folder, write_atomically
from .modes import make_private

DRAFTS_DIR = "drafts"
DRAFT_FORMAT = "alhol-desk-draft"
DRAFT_FORMAT_VERSION = 1
DRAFT_SUFFIX = ".draft.json"
TEMP_PREFIX = ".tmp-"
MAX_DRAFT_BYTES = 256 * 1024
MAX_FORM_NAME = 200

log = logging.getLogger(__name__)

Value = str | int | float | bool | None


@dataclass(frozen=True)
class Draft:
    """A saved form: its name as the GUI gave it, the values typed, when it was saved."""

    form_name: str
    values: dict[str, Any]
    saved_at: str
    path: Path


def drafts_dir(data_dir: Path) -> Path:
    return data_dir / DRAFTS_DIR


def draft_path(data_dir: Path, form_name: str) -> Path:
    """Where ``form_name``'s draft lives: a hash, so no typed text is in the file name."""
    digest = hashlib.sha256(_check_name(form_name).encode("utf-8")).hexdigest()[:32]
    return drafts_dir(data_dir) / f"{digest}{DRAFT_SUFFIX}"


def _check_name(form_name: str) -> str:
    if not isinstance(form_name, str) or not form_name or len(form_name) > MAX_FORM_NAME:
        raise ValueError(f"a form name is 1 to {MAX_FORM_NAME} characters")
    return form_name


def _check_values(values: Mapping[str, Any]) -> dict[str, Value | list[Value]]:
    out: dict[str, Value | list[Value]] = {}
    for key, value in values.items():
        if not isinstance(key, str):
            raise TypeError("draft field names are text")
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            if item is not None and not isinstance(item, str | int | float | bool):
                raise TypeError(f"draft field {key!r} holds a {type(item).__name__}")
            if isinstance(item, float) and not math.isfinite(item):
                raise ValueError(f"draft field {key!r} is not a finite number")
        out[key] = list(value) if isinstance(value, list | tuple) else value
    return out


def save_draft(data_dir: Path, form_name: str, values: Mapping[str, Any]) -> Path:
    """Save (or replace) the draft of ``form_name``; atomic and durable when it returns.

    ``values`` maps field names to text, numbers, booleans, None, or lists of those.
    Raises :class:`AlholError` when the disk refuses (full, read-only): the form stays open
    and the user can still save the record itself.
    """
    document = {
        "format": DRAFT_FORMAT,
        "format_version": DRAFT_FORMAT_VERSION,
        "form": _check_name(form_name),
        # Microseconds: two saves in one millisecond must still order as they came.
        "saved_at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "values": _check_values(values),
    }
    data = json.dumps(document, ensure_ascii=False, allow_nan=False).encode("utf-8")
    if len(data) > MAX_DRAFT_BYTES:
        raise AlholError("draft_too_large")
    target = draft_path(data_dir, form_name)
    try:
        _private_folder(target.parent)
        temp = target.with_name(f"{TEMP_PREFIX}{secrets.token_hex(8)}")  # see load_drafts
        write_atomically(target, data, temp=temp)
    except OSError as error:
        raise AlholError("draft_not_kept", reason=error.strerror) from None
    return target


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    make_private(folder)


def load_drafts(data_dir: Path) -> list[Draft]:
    """Every draft kept, newest first; leftovers of an interrupted save are removed.

    A draft file that cannot be read is skipped (and logged without its content): a draft
    is a convenience, and must never stop the app from starting.
    """
    folder = drafts_dir(data_dir)
    if not folder.is_dir():
        return []
    for leftover in folder.glob(f"{TEMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            leftover.unlink()
    drafts = []
    for path in folder.glob(f"*{DRAFT_SUFFIX}"):
        draft = _read(path)
        if draft is not None:
            drafts.append(draft)
    drafts.sort(key=lambda d: d.saved_at, reverse=True)
    return drafts


def load_draft(data_dir: Path, form_name: str) -> Draft | None:
    """The draft of one form, if there is a readable one."""
    path = draft_path(data_dir, form_name)
    draft = _read(path) if path.is_file() else None
    return draft if draft is not None and draft.form_name == form_name else None


def _read(path: Path) -> Draft | None:
    try:
        if path.stat().st_size > MAX_DRAFT_BYTES:
            raise ValueError("too large")
        doc = json.loads(path.read_bytes().decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != DRAFT_FORMAT:
            raise ValueError("not a draft")
        if doc.get("format_version") != DRAFT_FORMAT_VERSION:
            raise ValueError("unknown draft version")
        form, values, saved_at = doc.get("form"), doc.get("values"), doc.get("saved_at")
        if not isinstance(form, str) or not isinstance(values, dict):
            raise ValueError("not a draft")
        if not isinstance(saved_at, str):
            raise ValueError("not a draft")
    except (OSError, ValueError) as error:  # JSONDecodeError and UnicodeDecodeError too
        log.warning("a draft file could not be read (%s); skipped", type(error).__name__)
        return None
    return Draft(form, values, saved_at, path)


def discard_draft(data_dir: Path, form_name: str) -> bool:
    """Forget the draft of ``form_name`` (after the form was saved or cancelled)."""
    path = draft_path(data_dir, form_name)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    fsync_folder(path.parent)
    return True
