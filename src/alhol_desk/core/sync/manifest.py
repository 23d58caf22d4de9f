"""The bundle manifest: its JSON Schema check, its typed form, and its bytes for export.

The header (everything but ``changes``) is checked by ``jsonschema`` against the schema
that ships in ``resources/schemas/manifest-v1.schema.json``. A 50,000-change bundle would
take seconds that way, so the changes are checked in bulk by :mod:`.changes`, which
implements the schema's ``$defs/change`` (a test holds the two to the same answers).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ...paths import resource_path
from ..storage.database import SCHEMA_VERSION
from .changes import Change, check_changes, compact_change
from .errors import NEWER_VERSION, BundleRejected
from .strict_json import loads_strict

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

FORMAT = "alhol-desk-bundle"
FORMAT_VERSION = 1
SCHEMA_FILE = "manifest-v1.schema.json"
KINDS = ("changes", "reference")

_ADVICE = "ask the sender to update alhol-desk and export again"


@dataclass(frozen=True)
class Sender:
    device_id: str
    key_id: str
    team: str


@dataclass(frozen=True)
class Manifest:
    """A manifest that passed the schema; ``changes`` are in the order the sender wrote them."""

    format_version: int
    schema_version: int
    bundle_id: str
    kind: str
    sender: Sender
    recipients: tuple[str, ...]
    seq: int
    prev: str | None
    acks: Mapping[str, int]
    created_at: str
    changes: tuple[Change, ...]


def validate_manifest(doc: Any, *, schema_version: int = SCHEMA_VERSION) -> Manifest:
    """Check a strictly parsed manifest against the v1 schema, or raise :class:`BundleRejected`.

    ``schema_version`` is the newest database schema this app knows; a manifest from a
    newer one (or a newer bundle format) is refused with "update the app".
    """
    if not isinstance(doc, dict):
        raise BundleRejected(f"the bundle's manifest is not a JSON object: {_ADVICE}")
    if doc.get("format") != FORMAT:
        raise BundleRejected("this file is not an alhol-desk bundle (it holds other data)")
    for key, known in (("format_version", FORMAT_VERSION), ("schema_version", schema_version)):
        version = doc.get(key)
        if type(version) is int and version > known:
            raise BundleRejected(NEWER_VERSION)

    changes = doc.get("changes")
    header = doc
    if type(changes) is list:
        # The schema checks the header alone; the changes have their own bulk check below.
        header = {**doc, "changes": []}
    _check_header(header)
    assert type(changes) is list  # the schema said so

    sender = doc["sender"]
    return Manifest(
        format_version=doc["format_version"],
        schema_version=doc["schema_version"],
        bundle_id=doc["bundle_id"],
        kind=doc["kind"],
        sender=Sender(sender["device_id"], sender["key_id"], sender["team"]),
        recipients=tuple(doc["recipients"]),
        seq=doc["seq"],
        prev=doc["prev"],
        acks=dict(doc["acks"]),
        created_at=doc["created_at"],
        changes=check_changes(changes, path="/changes"),
    )


def parse_manifest(body: bytes) -> Any:
    """Strictly parse manifest bytes, holding the changes compactly (see ``compact_change``)."""
    return loads_strict(body, object_hook=compact_change)


def manifest_bytes(doc: Mapping[str, Any]) -> bytes:
    """The manifest as exported: compact UTF-8 JSON, keys in the order given. Sign these bytes."""
    return json.dumps(
        doc, ensure_ascii=False, separators=(",", ":"), sort_keys=False, allow_nan=False
    ).encode("utf-8")


def manifest_schema() -> dict[str, Any]:
    """The JSON Schema shipped with the app (draft 2020-12)."""
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
    what = _explain(error.validator, error.validator_value, error.instance)
    raise BundleRejected(f"the bundle's manifest is not valid at {path}: {what}: {_ADVICE}")


_KINDS = {
    "integer": "a whole number",
    "string": "text",
    "array": "a list",
    "object": "an object",
    "null": "null",
    "boolean": "true or false",
}


def _explain(keyword: Any, expected: Any, instance: Any) -> str:
    """What a failed schema keyword means, from the schema alone.

    jsonschema's own messages repeat the offending value, and a value may be a name or a
    note: reasons are shown and logged, so they never quote the bundle's data.
    """
    match keyword:
        case "required":
            missing = [name for name in expected if name not in instance]
            return f"the field {', '.join(map(repr, missing))} is missing"
        case "additionalProperties" | "unevaluatedProperties":
            return "it has a field this version of alhol-desk does not know"
        case "type":
            kinds = [expected] if isinstance(expected, str) else expected
            return f"it must be {' or '.join(_KINDS.get(kind, kind) for kind in kinds)}"
        case "const":
            return f"it must be {expected!r}"
        case "enum":
            return f"it must be one of: {', '.join(map(str, expected))}"
        case "minimum":
            return f"it must be at least {expected}"
        case "maximum":
            return f"it must be at most {expected}"
        case "minLength":
            return "it is empty" if expected == 1 else f"it must be at least {expected} characters"
        case "maxLength":
            return f"it must be at most {expected} characters"
        case "uniqueItems":
            return "it lists the same item twice"
        case "maxItems" | "maxProperties":
            return f"it has more than {expected} entries"
        case "propertyNames":
            return "a key is not a device id"
        case _:  # pattern, anyOf: the value is not in the expected form
            return "it is not in the expected form"
