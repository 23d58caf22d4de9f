"""JSON as bundles use it: UTF-8 only, no duplicate keys, no floats, bounded depth and size.

Policy, decided once here:

* The text is UTF-8 without a byte-order mark; invalid UTF-8 and lone surrogates (raw or
  as ``\\ud800`` escapes) are refused, so every string can be written back out as UTF-8.
* No floats at all (``1.5``, ``1e3``, ``1e400``, ``NaN``, ``Infinity``): the manifest only
  carries whole numbers, and a format without floats cannot lose precision or meet ``inf``.
* Integers are JavaScript-safe, ``|n| <= 2**53 - 1``, so any JSON reader keeps them exact.
* An object may not repeat a key, at any level (readers disagree on which copy wins).
* Nesting is at most ``max_depth`` deep and the document holds at most ``max_items`` values.
  Both are counted by a scan of the raw bytes *before* parsing, so a 100,000-deep document
  is refused in milliseconds instead of hitting ``RecursionError`` or building huge lists.
  (The count is an upper bound: an empty array or object may count as holding one value.)

The parse itself is the standard library's C scanner; the checks cost a few bulk byte
operations over the input, and one Python call per object and per integer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .errors import BundleRejected, quoted

MAX_SAFE_INTEGER = 2**53 - 1

# An escaped quote or backslash; once they are gone, every quote left delimits a string.
_ESCAPED_QUOTE = re.compile(rb'\\["\\]')
# The bytes that shape the document; every other one is dropped from the skeleton.
# Multi-byte UTF-8 sequences never contain ASCII bytes, so this is safe before decoding.
_DROP = bytes(sorted(set(range(256)) - set(b'"[]{},:')))
# The skeleton's brackets alone, both kinds as one: a mismatch is the parser's to report.
_BRACKETS = bytes.maketrans(b"{}", b"[]")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def loads_strict(
    data: bytes | bytearray,
    *,
    max_depth: int = 64,
    max_items: int = 1_000_000,
    object_hook: Callable[[dict[str, Any]], Any] | None = None,
) -> Any:
    """Parse ``data`` under the policy above, or raise :class:`BundleRejected` saying why.

    ``object_hook`` may replace each parsed object as it is made (after its keys were
    counted), so that a large document can be held in a compact form while it is parsed.
    A ``bytearray`` is emptied once decoded: the caller hands its buffer over, so that a
    large document is not held as bytes and as text at the same time.
    """
    members = check_structure(data, max_depth, max_items)
    escapes = surrogate_escapes(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleRejected("json_not_utf8", position=exc.start) from None
    if isinstance(data, bytearray):
        data.clear()
    if text.startswith("\ufeff"):
        raise BundleRejected("json_bom")

    # Duplicate keys, cheaply: the parser keeps one value per key, so if the objects hold
    # fewer keys than the text has members, a key was repeated. (An object_pairs_hook
    # would catch it directly, but costs a list of pairs per object: 30% more parse time.)
    keys = 0

    def count_keys(obj: dict[str, Any]) -> Any:
        nonlocal keys
        keys += len(obj)
        return obj if object_hook is None else object_hook(obj)

    doc = _parse(text, object_hook=count_keys)
    if keys != members:
        doc = _parse(text, object_pairs_hook=_object)  # names the repeated key
    if escapes:
        _check_surrogates(doc)
    return doc


def _parse(text: str, **hook: Any) -> Any:
    try:
        return json.loads(
            text, parse_int=_int, parse_float=_float, parse_constant=_constant, **hook
        )
    except json.JSONDecodeError as exc:
        raise BundleRejected(
            "json_invalid_at", problem=exc.msg, line=exc.lineno, column=exc.colno
        ) from None
    except (RecursionError, ValueError):  # the pre-scan should make these unreachable
        raise BundleRejected("json_invalid") from None


def surrogate_escapes(data: bytes | bytearray) -> bool:
    """Whether ``data`` holds a ``\\udXXX`` escape (rare: then the slow check runs)."""
    return _SURROGATE_ESCAPE.search(data) is not None


def check_structure(data: bytes | bytearray, max_depth: int, max_items: int) -> int:
    """Check depth and value count from the bytes outside strings; return the member count.

    Bulk byte operations only (no Python loop over the input): ~2 ms per MB.
    """
    if b"\\" in data:
        data = _ESCAPED_QUOTE.sub(b"", data)
    skeleton = data.translate(None, _DROP).replace(b'""', b"")
    if b'"' in skeleton:
        # Some strings hold brackets, commas or colons. Dropping adjacent quote pairs above
        # kept the parity of the quotes that are left, so the even pieces lie outside strings.
        skeleton = b"".join(skeleton.split(b'"')[::2])
    brackets = skeleton.translate(_BRACKETS, b",:")
    if b"[" * (max_depth + 1) in brackets:
        raise _too_deep(max_depth)  # the usual shape of a nesting bomb, found at memchr speed
    # Peel the innermost empty pairs one level per round: what is left after max_depth
    # rounds is nested deeper than that (or is unbalanced, which the parser refuses).
    for _ in range(max_depth):
        peeled = brackets.replace(b"[]", b"")
        if len(peeled) == len(brackets):
            break
        brackets = peeled
    else:
        if b"[]" in brackets:
            raise _too_deep(max_depth)
    # Values = the root + one per comma + one per non-empty container; an empty container
    # cannot be told from one holding a single string here, so this may count one too many.
    containers = skeleton.count(b"[") + skeleton.count(b"{")
    if 1 + skeleton.count(b",") + containers > max_items:
        raise BundleRejected("json_too_many_values", limit=f"{max_items:,}")
    return skeleton.count(b":")  # one per object member, in valid JSON


def _too_deep(max_depth: int) -> BundleRejected:
    return BundleRejected("json_too_deep", depth=max_depth)


def _bad_number(text: str) -> BundleRejected:
    return BundleRejected("json_bad_number", number=quoted(text), largest=f"{MAX_SAFE_INTEGER:,}")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise BundleRejected("json_repeated_key", key=quoted(key))
            seen.add(key)
    return obj


def _int(text: str) -> int:
    # Checked on the digits first: int() of a 5,000-digit string is refused by Python itself.
    if len(text) > 17 or abs(value := int(text)) > MAX_SAFE_INTEGER:
        raise _bad_number(text)
    return value


def _float(text: str) -> Any:
    raise _bad_number(text)


def _constant(text: str) -> Any:
    raise _bad_number(text)


def _check_surrogates(doc: Any) -> None:
    """Refuse a ``\\udXXX`` escape that did not pair up (slow path: escapes are rare)."""
    try:
        json.dumps(doc, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise BundleRejected("json_lone_surrogate") from None
