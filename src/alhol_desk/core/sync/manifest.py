"""The bundle manifest, sync format 2: a header line, then one line per whole record.

The manifest is UTF-8 text, lines separated by ``\\n`` (``docs/sync.md`` has it byte by
byte). Line 1 is the header, a JSON object checked by ``jsonschema`` against
``resources/schemas/manifest-v2.schema.json``. Every other line is one record::

    [table, pk, created, values, overrides]

* A clock is ``[wall_ms, counter, device]`` where ``device`` indexes the header's
  ``devices`` list (device ids are written once). The clock of a change (``created``, and
  an override's clock) has a fourth element: who made it, an index into the header's
  ``authors`` list of ``[team, operator]``.
* ``values`` holds every column of the header's ``columns[table]``, in that order:
  records always travel whole, so that the receiver checks the sender's record as a form
  would.
* ``overrides`` lists ``[column index, clock, base]`` for each field whose clock is not
  the creation clock or whose base (the clock its editor saw) is not null.

Records are read line by line as the manifest is decompressed, so a bundle is never held
parsed whole: :func:`read_manifest` yields the records in chunks of :class:`Change` tuples,
the unit the merge works on.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ...paths import resource_path
from ..records import SYNCED_RECORDS
from .change_shapes import PK_SHAPE, Change, all_shaped
from .errors import BundleRejected, newer_version, quoted
from .limits import LIMITS, Limits
from .strict_json import MAX_SAFE_INTEGER, check_structure, loads_strict, surrogate_escapes

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

FORMAT = "alhol-desk-bundle"
SYNC_VERSION = 2
"""The sync format this app writes. Changes only when the synced fields, their meaning or
the bundle layout change (never for a database migration); see docs/sync.md."""
READABLE_VERSIONS = frozenset({2})
"""Every sync format this app reads: each one it ever wrote, kept for as long as it ships."""
SCHEMA_FILE = "manifest-v2.schema.json"
KINDS = ("changes", "reference")
COMPRESSION = "zlib"

RECORDS_PER_CHUNK = 250
_WALL_LIMIT = 10**13
_COUNTER_LIMIT = 10**6
_INFLATE_STEP = 1 << 18


@dataclass(frozen=True)
class Sender:
    device_id: str
    key_id: str
    team: str


@dataclass(frozen=True)
class Header:
    """The first line of a manifest, after the schema."""

    sync_version: int
    bundle_id: str
    kind: str
    sender: Sender
    recipients: tuple[str, ...]
    seq: int
    prev: str | None
    first_seq: int  # the first bundle of the export this one belongs to
    last: bool  # the last bundle of that export
    acks: Mapping[str, int]
    created_at: str
    devices: tuple[str, ...]
    columns: Mapping[str, tuple[str, ...]]
    app: Mapping[str, Any]
    authors: tuple[Author, ...] = ()


# --- writing ------------------------------------------------------------------------


def synced_columns() -> dict[str, tuple[str, ...]]:
    """The columns of each synced table, in the order record lines give them."""
    return {table: cls.synced_columns() for table, cls in SYNCED_RECORDS.items()}


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON, keys in the order given: the exact bytes that are signed."""
    return json.dumps(
        value, ensure_ascii=False, separators=(",", ":"), sort_keys=False, allow_nan=False
    ).encode("utf-8")


Author = tuple[str, str]  # (team, operator): who made a change
UNKNOWN_AUTHOR: Author = ("", "")


class Clocks:
    """Short clocks for one manifest: ``[wall_ms, counter, device]``, and for a change the
    index of its author too. ``author_of(hlc)`` says who made the change with that clock."""

    def __init__(self, author_of: Callable[[str], Author] | None = None) -> None:
        self.devices: dict[str, int] = {}
        self.authors: dict[Author, int] = {}
        self.author_of = author_of or (lambda _hlc: UNKNOWN_AUTHOR)

    def short(self, hlc: str) -> list[int]:
        wall, counter, node = hlc.split(".")
        index = self.devices.get(node)
        if index is None:
            index = self.devices[node] = len(self.devices)
        return [int(wall), int(counter), index]

    def short_or_none(self, hlc: str | None) -> list[int] | None:
        return None if hlc is None else self.short(hlc)

    def change(self, hlc: str) -> list[int]:
        author = self.author_of(hlc)
        index = self.authors.get(author)
        if index is None:
            index = self.authors[author] = len(self.authors)
        return [*self.short(hlc), index]

    def mark(self) -> tuple[int, int]:
        return len(self.devices), len(self.authors)

    def undo(self, mark: tuple[int, int]) -> None:
        """Forget the devices and authors added since ``mark`` (a record left out)."""
        for node in list(self.devices)[mark[0] :]:
            del self.devices[node]
        for author in list(self.authors)[mark[1] :]:
            del self.authors[author]


def record_line(
    clocks: Clocks,
    columns: Sequence[str],
    table: str,
    pk: str,
    created: str,
    fields: Mapping[str, tuple[Any, str, str | None]],
) -> bytes:
    """One whole record: ``fields`` maps every column to (value, clock, base)."""
    if len(fields) != len(columns):
        raise ValueError(f"a record of {table} travels whole, with exactly its columns")
    values = []
    overrides = []
    try:
        for index, column in enumerate(columns):
            value, hlc, base = fields[column]
            values.append(value)
            if hlc != created or base is not None:
                overrides.append([index, clocks.change(hlc), clocks.short_or_none(base)])
    except KeyError:
        raise ValueError(f"a record of {table} travels whole, with exactly its columns") from None
    return dumps([table, pk, clocks.change(created), values, overrides])


def header_line(
    *,
    bundle_id: str,
    kind: str,
    sender: Sender,
    recipients: Sequence[str],
    seq: int,
    prev: str | None,
    first_seq: int,
    last: bool,
    acks: Mapping[str, int],
    created_at: str,
    devices: Sequence[str],
    columns: Mapping[str, Sequence[str]],
    app: Mapping[str, Any],
    authors: Sequence[Author] = (),
) -> bytes:
    return dumps(
        {
            "format": FORMAT,
            "sync_version": SYNC_VERSION,
            "bundle_id": bundle_id,
            "kind": kind,
            "sender": {"device_id": sender.device_id, "key_id": sender.key_id, "team": sender.team},
            "recipients": list(recipients),
            "seq": seq,
            "prev": prev,
            "export": {"first_seq": first_seq, "last": last},
            "acks": dict(acks),
            "created_at": created_at,
            "app": dict(app),
            "devices": list(devices),
            "authors": [list(author) for author in authors],
            "columns": {table: list(names) for table, names in columns.items()},
        }
    )


def compress(manifest: bytes) -> bytes:
    """The payload that is signed: the manifest in zlib format (RFC 1950), level 6."""
    return zlib.compress(manifest, 6)


# --- reading ------------------------------------------------------------------------


def read_manifest(
    payload: bytes, *, limits: Limits | None = None
) -> tuple[Header, Iterator[list[Change]]]:
    """The header, and the records as chunks of changes, read as the payload inflates.

    The header is parsed and checked here; the records are checked as the iterator is
    consumed, and any problem raises :class:`BundleRejected` from it. Limits are those
    of :mod:`.limits` (the same the exporter obeys).
    """
    limits = limits or LIMITS
    lines = _lines(payload, limits)
    first = next(lines, None)
    if first is None:
        raise BundleRejected("manifest_empty")
    header = parse_header(first, limits=limits)
    return header, _records(header, lines, limits)


def _lines(payload: bytes, limits: Limits) -> Iterator[bytes]:
    """The manifest's lines, inflated a step at a time and never past the size limit."""
    inflate = zlib.decompressobj()
    left = payload
    pending = b""
    total = 0
    first = True
    while True:
        try:
            out = inflate.decompress(left, _INFLATE_STEP)
        except zlib.error:
            raise BundleRejected("manifest_not_zlib") from None
        left = inflate.unconsumed_tail
        total += len(out)
        if total > limits.manifest_bytes:
            raise BundleRejected("manifest_too_large", limit=f"{limits.manifest_bytes:,}")
        parts = (pending + out).split(b"\n")
        pending = parts.pop()
        _check_length(pending, first, limits)
        for line in parts:
            _check_length(line, first, limits)
            first = False
            yield line
        if _inflated_all(inflate, left, out):
            break
    if pending:
        raise BundleRejected("manifest_no_final_newline")


def _check_length(line: bytes, header: bool, limits: Limits) -> None:
    limit = limits.header_bytes if header else limits.line_bytes
    if len(line) > limit:
        code = "manifest_long_header" if header else "manifest_long_line"
        raise BundleRejected(code, limit=f"{limit:,}")


def _inflated_all(inflate: Any, left: bytes, out: bytes) -> bool:
    """Whether the stream ended (and ended cleanly); a stream that stops short is refused."""
    if inflate.eof:
        if inflate.unused_data or left:
            raise BundleRejected("manifest_data_after_end")
        return True
    if not left and not out:
        raise BundleRejected("manifest_cut_short")
    return False


def parse_header(line: bytes, *, limits: Limits | None = None) -> Header:
    """Check the header line strictly and against the schema, or raise BundleRejected."""
    limits = limits or LIMITS
    doc = loads_strict(line, max_depth=4, max_items=4 * limits.devices + 1000)
    _check_kind(doc)
    _check_header(doc)
    columns = {table: tuple(names) for table, names in doc["columns"].items()}
    _check_columns(columns)
    _check_counts(doc, limits)
    export = doc["export"]
    if export["first_seq"] > doc["seq"]:
        raise BundleRejected("manifest_first_seq")
    sender = doc["sender"]
    return Header(
        sync_version=doc["sync_version"],
        bundle_id=doc["bundle_id"],
        kind=doc["kind"],
        sender=Sender(sender["device_id"], sender["key_id"], sender["team"]),
        recipients=tuple(doc["recipients"]),
        seq=doc["seq"],
        prev=doc["prev"],
        first_seq=export["first_seq"],
        last=export["last"],
        acks=dict(doc["acks"]),
        created_at=doc["created_at"],
        devices=tuple(doc["devices"]),
        columns=columns,
        app=dict(doc["app"]),
        authors=tuple((team, operator) for team, operator in doc["authors"]),
    )


def _check_kind(doc: Any) -> None:
    """An alhol-desk header in a format this app reads, naming only tables it knows: told
    apart before the schema, so that a newer app's bundle says so rather than "invalid"."""
    if not isinstance(doc, dict):
        raise BundleRejected("manifest_no_header")
    if doc.get("format") != FORMAT:
        raise BundleRejected("manifest_other_format")
    version = doc.get("sync_version")
    if type(version) is int and version not in READABLE_VERSIONS:
        if version > SYNC_VERSION:
            raise newer_version(version, SYNC_VERSION)
        raise BundleRejected("manifest_format_old", theirs=version, ours=SYNC_VERSION)
    tables = doc.get("columns")
    if isinstance(tables, dict):
        unknown_tables = [table for table in tables if table not in SYNCED_RECORDS]
        if unknown_tables:
            raise BundleRejected("manifest_unknown_table", table=quoted(unknown_tables[0]))


def _check_columns(columns: Mapping[str, tuple[str, ...]]) -> None:
    for table, names in columns.items():
        known = SYNCED_RECORDS[table].synced_columns()
        unknown = [name for name in names if name not in known]
        if unknown:
            raise BundleRejected("manifest_unknown_column", table=table, column=quoted(unknown[0]))
        if len(set(names)) != len(names):
            raise BundleRejected("manifest_column_twice", table=table)


def _check_counts(doc: Mapping[str, Any], limits: Limits) -> None:
    if len(set(doc["devices"])) != len(doc["devices"]):
        raise BundleRejected("manifest_device_twice")
    if max(len(doc["devices"]), len(doc["acks"]), len(doc["authors"])) > limits.devices:
        raise BundleRejected("manifest_too_many_devices", limit=limits.devices)
    if len(doc["recipients"]) > limits.recipients:
        raise BundleRejected("manifest_too_many_recipients", limit=limits.recipients)


def _records(header: Header, lines: Iterator[bytes], limits: Limits) -> Iterator[list[Change]]:
    """Record lines, checked, in chunks; the whole bundle's counts against the limits."""
    seen: set[tuple[str, str]] = set()
    changes = 0
    number = 1  # line number in the manifest (the header is line 1)
    chunk: list[bytes] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == RECORDS_PER_CHUNK:
            out, changes = _decode_chunk(header, chunk, number, seen, changes, limits)
            number += len(chunk)
            chunk = []
            yield out
    if chunk:
        out, changes = _decode_chunk(header, chunk, number, seen, changes, limits)
        yield out


def _decode_chunk(
    header: Header,
    lines: list[bytes],
    number: int,
    seen: set[tuple[str, str]],
    changes: int,
    limits: Limits,
) -> tuple[list[Change], int]:
    if len(seen) + len(lines) > limits.records:
        raise BundleRejected("manifest_too_many_records", limit=f"{limits.records:,}")
    blob = b"\n".join(lines)
    check_structure(blob, limits.depth, len(lines) * limits.line_values)
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleRejected("json_not_utf8", position=exc.start) from None
    escapes = surrogate_escapes(blob)
    out: list[Change] = []
    for offset, line in enumerate(text.split("\n")):
        where = f"line {number + offset + 1}"
        record = _parse_line(line, where)
        if escapes:
            _check_text(record, where)
        table, pk, created, values, overrides = _shape(record, header, where)
        if (table, pk) in seen:
            raise BundleRejected("manifest_record_twice", where=where)
        seen.add((table, pk))
        columns = header.columns[table]
        if len(values) != len(columns):
            raise _bad(where, "line_values")
        created_hlc, created_by = _change_clock(created, header, where)
        own = _overrides(overrides, len(columns), header, where)
        for index, value in enumerate(values):
            if type(value) not in _VALUE_TYPES:
                kind = _JSON_KINDS.get(type(value), "not JSON")
                raise BundleRejected(
                    "manifest_value_kind",
                    where=where,
                    table=table,
                    column=columns[index],
                    kind=kind,
                )
            if type(value) is int and not -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
                raise BundleRejected("manifest_number_range", table=table, column=columns[index])
            hlc, base, (team, operator) = own.get(index, (created_hlc, None, created_by))
            out.append(
                tuple.__new__(Change, (table, pk, columns[index], value, hlc, base, team, operator))
            )
        changes += len(values)
        if changes > limits.changes:
            raise BundleRejected("manifest_too_many_changes", limit=f"{limits.changes:,}")
    return out, changes


def _overrides(
    overrides: list[Any], width: int, header: Header, where: str
) -> dict[int, tuple[str, str | None, Author]]:
    """A record's overrides: column index -> (clock, base, author), in column order."""
    own: dict[int, tuple[str, str | None, Author]] = {}
    last = -1
    for entry in overrides:
        if type(entry) is not list or len(entry) != 3:
            raise _bad(where, "line_override")
        index, clock, base = entry
        if type(index) is not int or index <= last or index >= width:
            raise _bad(where, "line_override_column")
        last = index
        hlc, by = _change_clock(clock, header, where)
        own[index] = (hlc, None if base is None else _clock(base, header.devices, where), by)
    return own


_VALUE_TYPES = frozenset({str, int, type(None)})
_JSON_KINDS = {list: "a list", dict: "an object", bool: "true or false", float: "a fraction"}


def _parse_line(line: str, where: str) -> Any:
    try:
        return json.loads(line, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise BundleRejected("manifest_json_at", where=where, problem=exc.msg) from None
    except (RecursionError, ValueError):
        raise BundleRejected("manifest_json", where=where) from None


def _constant(text: str) -> Any:
    raise BundleRejected("manifest_constant", number=quoted(text))


def _check_text(record: Any, where: str) -> None:
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise BundleRejected("manifest_lone_surrogate", where=where) from None


def _shape(record: Any, header: Header, where: str) -> tuple[Any, ...]:
    if type(record) is not list or len(record) != 5:
        raise _bad(where, "line_record")
    table, pk, created, values, overrides = record
    if type(table) is not str or table not in header.columns:
        raise _bad(where, "line_table", table=quoted(table))
    if not all_shaped((pk,), PK_SHAPE):
        raise _bad(where, "line_pk", pk=quoted(pk))
    if type(values) is not list or type(overrides) is not list:
        raise _bad(where, "line_lists")
    return table, pk, created, values, overrides


def _change_clock(value: Any, header: Header, where: str) -> tuple[str, Author]:
    """A change's clock ``[wall_ms, counter, device, author]``: its text and its author."""
    if type(value) is not list or len(value) != 4:
        raise _bad(where, "line_change_clock")
    author = value[3]
    if type(author) is not int or not 0 <= author < len(header.authors):
        raise _bad(where, "line_author")
    return _clock(value[:3], header.devices, where), header.authors[author]


def _clock(value: Any, devices: Sequence[str], where: str) -> str:
    if (
        type(value) is not list
        or len(value) != 3
        or type(value[0]) is not int
        or type(value[1]) is not int
        or type(value[2]) is not int
        or not 0 <= value[0] < _WALL_LIMIT
        or not 0 <= value[1] < _COUNTER_LIMIT
        or not 0 <= value[2] < len(devices)
    ):
        raise _bad(where, "line_clock")
    return f"{value[0]:013d}.{value[1]:06d}.{devices[value[2]]}"


def _bad(where: str, code: str, **params: Any) -> BundleRejected:
    """A record line of the wrong shape: ``code`` is one of the catalogue's ``line_…``."""
    return BundleRejected(code, where=where, **params)


# --- the header's schema --------------------------------------------------------------


def manifest_schema() -> dict[str, Any]:
    """The JSON Schema of the header line, shipped with the app (draft 2020-12)."""
    schema: dict[str, Any] = json.loads(resource_path("schemas", SCHEMA_FILE).read_bytes())
    return schema


def schema_validator(schema: Mapping[str, Any] | None = None) -> Validator:
    """A draft 2020-12 validator whose ``pattern`` follows ECMA-262, as JSON Schema says.

    Python's ``re.search`` lets ``$`` match before a final newline, so "abc\\n" would pass
    ``^abc$``; here a pattern's closing ``$`` means the very end of the string.
    """
    from jsonschema import Draft202012Validator, ValidationError, validators

    def pattern(validator: Any, patrn: str, instance: Any, _schema: Any) -> Iterator[Any]:
        if validator.is_type(instance, "string") and not ecma_pattern(patrn).search(instance):
            yield ValidationError(f"{instance!r} does not match {patrn!r}")

    # The stubs leave extend() untyped; it returns a validator class.
    cls = validators.extend(Draft202012Validator, {"pattern": pattern})  # type: ignore[no-untyped-call]
    validator: Validator = cls(manifest_schema() if schema is None else schema)
    return validator


@cache
def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """Compile an anchored JSON Schema pattern so that a final ``$`` is the end of the string."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


@cache
def _validator() -> Validator:
    return schema_validator()


def _check_header(header: dict[str, Any]) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(header))
    if error is None:
        return
    path = "".join(f"/{part}" for part in error.absolute_path) or "/"
    code, params = _explain(error.validator, error.validator_value, error.instance)
    raise BundleRejected(code, path=path, **params)


_KINDS = {
    "integer": "a whole number",
    "string": "text",
    "array": "a list",
    "object": "an object",
    "null": "null",
    "boolean": "true or false",
}


def _explain(keyword: Any, expected: Any, instance: Any) -> tuple[str, dict[str, Any]]:
    """What a failed schema keyword means, from the schema alone: a code and its values.

    jsonschema's own messages repeat the offending value, and a value may be a name or a
    note: reasons are shown and logged, so they never quote the bundle's data.
    """
    if keyword == "required":
        missing = [name for name in expected if name not in instance]
        return "header_missing", {"fields": ", ".join(map(repr, missing))}
    if keyword == "type":
        kinds = [expected] if isinstance(expected, str) else expected
        return "header_type", {"kinds": " or ".join(_KINDS.get(kind, kind) for kind in kinds)}
    if keyword == "enum":
        return "header_enum", {"choices": ", ".join(map(str, expected))}
    if keyword == "minLength" and expected == 1:
        return "header_empty", {}
    if keyword == "const":
        return "header_const", {"expected": expected}
    if keyword in _LIMIT_CODES:
        return _LIMIT_CODES[keyword], {"limit": expected}
    # pattern, anyOf: the value is not in the expected form
    return _PLAIN_CODES.get(keyword, "header_form"), {}


# Keywords whose refusal names the schema's number, and those that need nothing more.
_LIMIT_CODES = {
    "minimum": "header_minimum",
    "maximum": "header_maximum",
    "minLength": "header_min_length",
    "maxLength": "header_max_length",
    "maxItems": "header_too_many",
    "maxProperties": "header_too_many",
}
_PLAIN_CODES = {
    "additionalProperties": "header_unknown_field",
    "unevaluatedProperties": "header_unknown_field",
    "uniqueItems": "header_unique",
    "propertyNames": "header_key",
}
