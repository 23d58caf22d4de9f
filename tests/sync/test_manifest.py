"""The manifest schema: valid bundles pass, every wrong field is named, and the fast
hand-written check of the changes gives the same answers as the shipped JSON Schema."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from alhol_desk.core.records import SYNCED_RECORDS
from alhol_desk.core.storage.database import SCHEMA_VERSION
from alhol_desk.core.sync.changes import Change, bulk_check, change_problem
from alhol_desk.core.sync.errors import BundleRejected
from alhol_desk.core.sync.manifest import (
    FORMAT_VERSION,
    Manifest,
    manifest_bytes,
    manifest_schema,
    schema_validator,
    validate_manifest,
)
from alhol_desk.core.sync.strict_json import loads_strict

DEVICE = "0123456789abcdef0123456789abcdef"
OTHER = "fedcba9876543210fedcba9876543210"
PK = "6f1c2a52-4a0e-5b7e-9a51-0d6b3c1e2a01"
HLC = f"1717000000000.000001.{DEVICE}"
BASE = f"1716000000000.000000.{OTHER}"


def good_change(**overrides: Any) -> dict[str, Any]:
    change = {
        "table": "batches",
        "pk": PK,
        "column": "girls",
        "value": 12,
        "hlc": HLC,
        "base": BASE,
    }
    change.update(overrides)
    return change


def good_manifest() -> dict[str, Any]:
    return {
        "format": "alhol-desk-bundle",
        "format_version": 1,
        "schema_version": 1,
        "bundle_id": "00112233445566778899aabbccddeeff",
        "kind": "changes",
        "sender": {"device_id": DEVICE, "key_id": "ab" * 16, "team": "Hasakah 1"},
        "recipients": ["cd" * 16],
        "seq": 3,
        "prev": "0f" * 32,
        "acks": {OTHER: 7},
        "created_at": "2024-06-01T10:00:00Z",
        "changes": [
            good_change(),
            good_change(column="note", value="استلمت في معبر فيشخابور", base=None),
            good_change(table="status_events", column="*", value=None),
        ],
    }


def test_valid_manifest_is_accepted() -> None:
    result = validate_manifest(loads_strict(manifest_bytes(good_manifest())))
    assert isinstance(result, Manifest)
    assert result.format_version == FORMAT_VERSION
    assert result.sender.team == "Hasakah 1"
    assert result.recipients == ("cd" * 16,)
    assert result.acks == {OTHER: 7}
    assert result.prev == "0f" * 32
    first = result.changes[0]
    assert isinstance(first, Change)
    assert (first.table, first.column, first.value, first.base) == ("batches", "girls", 12, BASE)
    assert result.changes[1].value == "استلمت في معبر فيشخابور"
    assert result.changes[1].base is None


def test_optional_shapes_are_accepted() -> None:
    doc = good_manifest()
    doc.update(prev=None, acks={}, recipients=[], changes=[], kind="reference")
    result = validate_manifest(doc)
    assert result.changes == ()
    assert result.prev is None


def test_manifest_bytes_are_compact_utf8_in_the_given_order() -> None:
    doc = good_manifest()
    data = manifest_bytes(doc)
    assert data.startswith(b'{"format":"alhol-desk-bundle","format_version":1,')
    assert "استلمت".encode() in data
    assert manifest_bytes(copy.deepcopy(doc)) == data
    assert json.loads(data) == doc


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def mutate(doc: dict[str, Any]) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _drop(path: tuple[Any, ...]) -> Any:
    def mutate(doc: dict[str, Any]) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


HEADER_MUTATIONS = {
    "extra field": (_set(("surprise",), 1), "/"),
    "format_version 0": (_set(("format_version",), 0), "/format_version"),
    "format_version text": (_set(("format_version",), "1"), "/format_version"),
    "format_version true": (_set(("format_version",), True), "/format_version"),
    "schema_version 0": (_set(("schema_version",), 0), "/schema_version"),
    "schema_version text": (_set(("schema_version",), "1"), "/schema_version"),
    "bundle_id short": (_set(("bundle_id",), "0011"), "/bundle_id"),
    "bundle_id upper": (_set(("bundle_id",), "00112233445566778899AABBCCDDEEFF"), "/bundle_id"),
    "bundle_id newline": (_set(("bundle_id",), "00112233445566778899aabbccddeeff\n"), "/bundle_id"),
    "kind": (_set(("kind",), "everything"), "/kind"),
    "sender missing": (_drop(("sender",)), "/"),
    "sender device_id": (_set(("sender", "device_id"), "nope"), "/sender/device_id"),
    "sender key_id": (_set(("sender", "key_id"), 5), "/sender/key_id"),
    "sender team empty": (_set(("sender", "team"), ""), "/sender/team"),
    "sender team control": (_set(("sender", "team"), "a\x1bb"), "/sender/team"),
    "sender extra": (_set(("sender", "role"), "hq"), "/sender"),
    "recipients not list": (_set(("recipients",), "cd" * 16), "/recipients"),
    "recipients bad id": (_set(("recipients",), ["xyz"]), "/recipients/0"),
    "recipients twice": (_set(("recipients",), ["cd" * 16, "cd" * 16]), "/recipients"),
    "seq 0": (_set(("seq",), 0), "/seq"),
    "seq null": (_set(("seq",), None), "/seq"),
    "prev short": (_set(("prev",), "0f"), "/prev"),
    "prev number": (_set(("prev",), 5), "/prev"),
    "acks list": (_set(("acks",), []), "/acks"),
    "acks bad device": (_set(("acks",), {"nope": 1}), "/acks"),
    "acks negative": (_set(("acks",), {OTHER: -1}), f"/acks/{OTHER}"),
    "acks text": (_set(("acks",), {OTHER: "7"}), f"/acks/{OTHER}"),
    "created_at number": (_set(("created_at",), 5), "/created_at"),
    "changes missing": (_drop(("changes",)), "/"),
    "changes object": (_set(("changes",), {}), "/changes"),
}

CHANGE_MUTATIONS = {
    "not an object": (_set(("changes", 1), ["batches"]), "/changes/1"),
    "missing field": (_drop(("changes", 1, "base")), "/changes/1"),
    "extra field": (_set(("changes", 1, "origin"), DEVICE), "/changes/1"),
    "table unknown": (_set(("changes", 1, "table"), "devices"), "/changes/1/table"),
    "table number": (_set(("changes", 1, "table"), 1), "/changes/1/table"),
    "table list": (_set(("changes", 1, "table"), ["batches"]), "/changes/1/table"),
    "pk upper": (_set(("changes", 1, "pk"), PK.upper()), "/changes/1/pk"),
    "pk short": (_set(("changes", 1, "pk"), PK[:-1]), "/changes/1/pk"),
    "pk null": (_set(("changes", 1, "pk"), None), "/changes/1/pk"),
    "column sql": (_set(("changes", 1, "column"), "note; DROP TABLE x"), "/changes/1/column"),
    "column upper": (_set(("changes", 1, "column"), "Note"), "/changes/1/column"),
    "column empty": (_set(("changes", 1, "column"), ""), "/changes/1/column"),
    "column newline": (_set(("changes", 1, "column"), "note\n"), "/changes/1/column"),
    "column long": (_set(("changes", 1, "column"), "a" * 65), "/changes/1/column"),
    "value list": (_set(("changes", 1, "value"), [1]), "/changes/1/value"),
    "value object": (_set(("changes", 1, "value"), {}), "/changes/1/value"),
    "value bool": (_set(("changes", 1, "value"), True), "/changes/1/value"),
    "hlc short": (_set(("changes", 1, "hlc"), HLC[:-1]), "/changes/1/hlc"),
    "hlc letters": (_set(("changes", 1, "hlc"), "a" + HLC[1:]), "/changes/1/hlc"),
    "hlc arabic digit": (_set(("changes", 1, "hlc"), "١" + HLC[1:]), "/changes/1/hlc"),
    "hlc newline": (_set(("changes", 1, "hlc"), HLC + "\n"), "/changes/1/hlc"),
    "hlc null": (_set(("changes", 1, "hlc"), None), "/changes/1/hlc"),
    "base bad": (_set(("changes", 1, "base"), "yesterday"), "/changes/1/base"),
    "base number": (_set(("changes", 1, "base"), 0), "/changes/1/base"),
}


@pytest.mark.parametrize("name", sorted({**HEADER_MUTATIONS, **CHANGE_MUTATIONS}))
def test_each_wrong_field_is_refused_and_named(name: str) -> None:
    mutate, path = {**HEADER_MUTATIONS, **CHANGE_MUTATIONS}[name]
    doc = good_manifest()
    mutate(doc)
    with pytest.raises(BundleRejected) as caught:
        validate_manifest(doc)
    assert f"at {path}:" in caught.value.reason or f"at {path}/" in caught.value.reason
    assert "\n" not in caught.value.reason


@pytest.mark.parametrize("name", sorted(HEADER_MUTATIONS))
def test_the_schema_alone_refuses_each_wrong_header(name: str) -> None:
    mutate, _ = HEADER_MUTATIONS[name]
    doc = good_manifest()
    mutate(doc)
    assert not schema_validator().is_valid(doc)


@pytest.mark.parametrize(
    "doc",
    [None, [], "manifest", {"format": "alhol-desk-card"}, {}],
)
def test_other_documents_are_not_manifests(doc: Any) -> None:
    with pytest.raises(BundleRejected, match="not"):
        validate_manifest(doc)


@pytest.mark.parametrize(
    ("key", "value"), [("format_version", FORMAT_VERSION + 1), ("schema_version", 10_000)]
)
def test_newer_versions_ask_for_an_update(key: str, value: int) -> None:
    doc = good_manifest()
    doc[key] = value
    doc["changes"] = "whatever a newer version writes"
    with pytest.raises(BundleRejected, match="made by a newer version of alhol-desk: update"):
        validate_manifest(doc)


def test_schema_version_follows_the_database() -> None:
    doc = good_manifest()
    doc["schema_version"] = SCHEMA_VERSION
    validate_manifest(doc)
    with pytest.raises(BundleRejected, match="newer version"):
        validate_manifest(doc, schema_version=SCHEMA_VERSION - 1 or 0)


def test_the_first_bad_change_is_named() -> None:
    doc = good_manifest()
    doc["changes"] = [good_change()] * 5 + [good_change(hlc="x")] + [good_change(pk="y")]
    with pytest.raises(BundleRejected, match="at /changes/5/hlc:"):
        validate_manifest(doc)


# The hand-written check against the schema itself.


def test_schema_is_valid_draft_2020_12() -> None:
    schema = manifest_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_tables_are_the_synced_tables() -> None:
    change = manifest_schema()["$defs"]["change"]
    assert set(change["properties"]["table"]["enum"]) == set(SYNCED_RECORDS)
    assert change["required"] == list(Change._fields)


def _change_validator() -> Any:
    schema = manifest_schema()
    return schema_validator({"$defs": schema["$defs"], "$ref": "#/$defs/change"})


CHANGE_VALIDATOR = _change_validator()


def _agree(item: Any) -> None:
    by_schema = CHANGE_VALIDATOR.is_valid(item)
    by_hand = change_problem(item) is None
    in_bulk = bulk_check([item]) is not None
    assert by_schema == by_hand == in_bulk, (item, by_schema, by_hand, in_bulk)
    # And inside a list of good ones, where the bulk check sees every column at once.
    assert (bulk_check([good_change(), item, good_change()]) is not None) == by_schema


def _samples() -> list[Any]:
    samples: list[Any] = [good_change(), good_change(base=None), good_change(value="x")]
    samples += [good_change(value=None), good_change(value=-(2**53) + 1), good_change(column="*")]
    samples += [good_change(table=t) for t in SYNCED_RECORDS]
    for mutate, _ in CHANGE_MUTATIONS.values():
        doc = good_manifest()
        mutate(doc)
        samples.append(doc["changes"][1])
    return samples


@pytest.mark.parametrize("item", _samples(), ids=repr)
def test_hand_check_agrees_with_schema_on_samples(item: Any) -> None:
    _agree(item)


text_like = st.one_of(
    st.sampled_from([PK, HLC, BASE, "batches", "estimates", "note", "*", "", "a_b1", "1a"]),
    st.text(alphabet="0123456789abcdefABCDEF.-*_\n", max_size=60),
    st.text(max_size=10),
)
field_value = st.one_of(text_like, st.none(), st.booleans(), st.integers(), st.lists(st.none()))


@settings(max_examples=1000, deadline=None)
@given(
    overrides=st.dictionaries(st.sampled_from([*Change._fields, "extra"]), field_value, max_size=3),
    drop=st.sets(st.sampled_from(Change._fields), max_size=1),
)
def test_hand_check_agrees_with_schema_on_random_changes(
    overrides: dict[str, Any], drop: set[str]
) -> None:
    item = good_change(**overrides)
    for name in drop:
        item.pop(name, None)
    _agree(item)


@settings(max_examples=200, deadline=None)
@given(hlc=st.text(alphabet="0123456789abcdef.", min_size=50, max_size=56))
def test_clock_shapes_agree(hlc: str) -> None:
    _agree(good_change(hlc=hlc))
    _agree(good_change(base=hlc))


SECRET = "Layla Haddad"


@pytest.mark.parametrize(
    "mutate",
    [
        _set(("changes", 1, "value"), [SECRET]),
        _set(("changes", 1, "value"), {"name": SECRET}),
        _set(("sender", "extra"), SECRET),
        _set(("sender", "team"), SECRET * 10),
        _set(("created_at",), [SECRET]),
        _set(("acks",), {SECRET: 1}),
        _set((SECRET,), SECRET),
        _set(("prev",), SECRET),
        _set(("recipients",), [SECRET]),
    ],
)
def test_reasons_never_repeat_the_bundle_data(mutate: Any) -> None:
    """Reasons are shown and logged; a name or a note from the bundle must not reach them."""
    doc = good_manifest()
    mutate(doc)
    with pytest.raises(BundleRejected) as caught:
        validate_manifest(doc)
    assert "Layla" not in caught.value.reason
