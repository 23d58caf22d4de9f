"""The format-2 manifest: the header line against its schema and the strict parser, record
lines decoded and refused, the round trip from the writer to the reader, reasons that never
quote the bundle's data, and the limits at and one past each of them."""

from __future__ import annotations

import copy
import json
import zlib
from collections.abc import Callable
from dataclasses import fields as dataclass_fields
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from alhol_desk.core.records import SYNCED_RECORDS
from alhol_desk.core.sync.change_shapes import Change
from alhol_desk.core.sync.errors import BundleRejected
from alhol_desk.core.sync.limits import LIMITS, Limits
from alhol_desk.core.sync.manifest import (
    SYNC_VERSION,
    Clocks,
    Header,
    Sender,
    compress,
    dumps,
    header_line,
    manifest_schema,
    parse_header,
    read_manifest,
    record_line,
    schema_validator,
    synced_columns,
)

DEVICE = "0123456789abcdef0123456789abcdef"
OTHER = "fedcba9876543210fedcba9876543210"
PK = "6f1c2a52-4a0e-5b7e-9a51-0d6b3c1e2a01"
PK2 = "6f1c2a52-4a0e-5b7e-9a51-0d6b3c1e2a02"
HLC = f"1717000000000.000001.{DEVICE}"
LATER = f"1717000005000.000000.{DEVICE}"
BASE = f"1716000000000.000000.{OTHER}"
SECRET = "Layla Haddad"
ARABIC = "استلمت في معبر فيشخابور"
COLUMNS = synced_columns()
BATCH = COLUMNS["batches"]


AUTHORS = [("Hasakah 1", "Amina Yusuf"), ("HQ", "عمر صالح")]


def author_of(hlc: str) -> tuple[str, str]:
    """The test author of a change, by the device of its clock."""
    return AUTHORS[0] if hlc.endswith(DEVICE) else AUTHORS[1]


def header_doc(
    devices: list[str] | None = None,
    authors: list[tuple[str, str]] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(
        header_line(
            bundle_id="00112233445566778899aabbccddeeff",
            kind="changes",
            sender=Sender(DEVICE, "ab" * 16, "Hasakah 1"),
            recipients=["cd" * 16],
            seq=3,
            prev="0f" * 32,
            first_seq=2,
            last=True,
            acks={OTHER: 7},
            created_at="2024-06-01T10:00:00Z",
            devices=[DEVICE, OTHER] if devices is None else devices,
            authors=AUTHORS if authors is None else authors,
            columns=COLUMNS,
            app={"version": "1.2.0", "schema": 7},
        )
    )
    return doc | fields


def whole_batch(**values: Any) -> dict[str, Any]:
    """Every batch column with a plausible value."""
    row: dict[str, Any] = dict.fromkeys(BATCH)
    row.update(country="RUS", status="received", departure_date="2024-04-28", deleted=0)
    row.update(women=0, men=0, girls=12, boys=20, unaccompanied=0, separated=0)
    row.update(note=ARABIC)
    return row | values


def body(*lines: bytes, header: dict[str, Any] | None = None) -> bytes:
    return b"".join(line + b"\n" for line in (dumps(header or header_doc()), *lines))


def read_all(payload: bytes, limits: Limits | None = None) -> tuple[Header, list[Change]]:
    header, chunks = read_manifest(payload, limits=limits)
    return header, [change for chunk in chunks for change in chunk]


def refusal(payload: bytes, limits: Limits | None = None) -> str:
    with pytest.raises(BundleRejected) as caught:
        read_all(payload, limits)
    reason = caught.value.reason
    assert "\n" not in reason and reason.isprintable()
    return reason


def line(record: list[Any]) -> bytes:
    return dumps(record)


def good_record() -> list[Any]:
    """A whole batch made at HLC, its note edited later on top of another device's clock."""
    values = list(whole_batch().values())
    return [
        "batches",
        PK,
        [1717000000000, 1, 0, 0],
        values,
        [[30, [1717000005000, 0, 0, 0], [1716000000000, 0, 1]]],
    ]


# --- the header: the schema and the strict parser ------------------------------------------


def test_the_header_the_writer_makes_is_read_back() -> None:
    header = parse_header(dumps(header_doc()))
    assert header.sync_version == SYNC_VERSION == 2
    assert header.sender == Sender(DEVICE, "ab" * 16, "Hasakah 1")
    assert (header.seq, header.first_seq, header.last, header.prev) == (3, 2, True, "0f" * 32)
    assert header.recipients == ("cd" * 16,)
    assert header.acks == {OTHER: 7}
    assert header.devices == (DEVICE, OTHER)
    assert header.columns == COLUMNS
    assert header.app == {"version": "1.2.0", "schema": 7}


def test_the_header_fields_are_the_schema_fields() -> None:
    schema = manifest_schema()
    assert list(header_doc()) == sorted(schema["required"], key=list(header_doc()).index)
    assert set(schema["required"]) == set(schema["properties"]) == set(header_doc())
    assert set(schema["properties"]["columns"]["properties"]) == set(SYNCED_RECORDS)
    assert {f.name for f in dataclass_fields(Header)} <= set(header_doc()) | {
        "first_seq",
        "last",
    }


def test_schema_is_valid_draft_2020_12() -> None:
    schema = manifest_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema_validator().is_valid(header_doc())


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


# name -> (mutation, the path the reason names)
HEADER_MUTATIONS = {
    "extra field": (_set(("surprise",), 1), "/"),
    "sync_version text": (_set(("sync_version",), "2"), "/sync_version"),
    "sync_version true": (_set(("sync_version",), True), "/sync_version"),
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
    "recipients empty": (_set(("recipients",), []), "/recipients"),
    "recipients not list": (_set(("recipients",), "cd" * 16), "/recipients"),
    "recipients bad id": (_set(("recipients",), ["xyz"]), "/recipients/0"),
    "recipients twice": (_set(("recipients",), ["cd" * 16, "cd" * 16]), "/recipients"),
    "seq 0": (_set(("seq",), 0), "/seq"),
    "seq null": (_set(("seq",), None), "/seq"),
    "prev short": (_set(("prev",), "0f"), "/prev"),
    "prev number": (_set(("prev",), 5), "/prev"),
    "export missing": (_drop(("export",)), "/"),
    "export first_seq 0": (_set(("export", "first_seq"), 0), "/export/first_seq"),
    "export first_seq after seq": (_set(("export", "first_seq"), 4), "/export/first_seq"),
    "export last text": (_set(("export", "last"), "yes"), "/export/last"),
    "acks list": (_set(("acks",), []), "/acks"),
    "acks bad device": (_set(("acks",), {"nope": 1}), "/acks"),
    "acks negative": (_set(("acks",), {OTHER: -1}), f"/acks/{OTHER}"),
    "acks text": (_set(("acks",), {OTHER: "7"}), f"/acks/{OTHER}"),
    "created_at number": (_set(("created_at",), 5), "/created_at"),
    "app schema text": (_set(("app", "schema"), "7"), "/app/schema"),
    "app extra": (_set(("app", "os"), "linux"), "/app"),
    "devices bad id": (_set(("devices",), ["nope"]), "/devices/0"),
    "devices twice": (_set(("devices",), [DEVICE, DEVICE]), "/devices"),
    "columns not a list": (_set(("columns", "batches"), "country"), "/columns/batches"),
    "column name upper": (_set(("columns", "batches"), ["Country"]), "/columns/batches/0"),
    "column name sql": (_set(("columns", "batches"), ["note; DROP"]), "/columns/batches/0"),
}


@pytest.mark.parametrize("name", sorted(HEADER_MUTATIONS))
def test_each_wrong_header_field_is_refused_and_named(name: str) -> None:
    mutate, path = HEADER_MUTATIONS[name]
    doc = header_doc()
    mutate(doc)
    with pytest.raises(BundleRejected) as caught:
        parse_header(dumps(doc))
    reason = caught.value.reason
    assert f"at {path}:" in reason or f"at {path}/" in reason, reason
    assert "\n" not in reason


@pytest.mark.parametrize(
    "name", sorted(n for n in HEADER_MUTATIONS if n != "export first_seq after seq")
)
def test_the_schema_alone_refuses_each_wrong_header(name: str) -> None:
    """The shipped schema says the same as the parser (one rule, first_seq <= seq, is
    beyond JSON Schema and lives in the parser alone)."""
    mutate, _ = HEADER_MUTATIONS[name]
    doc = header_doc()
    mutate(doc)
    assert not schema_validator().is_valid(doc)


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (_set(("columns", "batches"), ["country", "country"]), "lists a column of batches twice"),
        (_set(("columns", "batches"), ["passport_no"]), "(batches.'passport_no')"),
    ],
)
def test_columns_the_schema_allows_but_the_parser_refuses(mutate: Any, fragment: str) -> None:
    doc = header_doc()
    mutate(doc)
    assert schema_validator().is_valid(doc)
    with pytest.raises(BundleRejected, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        parse_header(dumps(doc))


@pytest.mark.parametrize(
    "raw",
    [
        b'{"format":"alhol-desk-bundle","format":"alhol-desk-bundle"}',  # a key twice
        b'{"format":"alhol-desk-bundle","seq":1.0}',
        b'{"format":"alhol-desk-bundle","seq":NaN}',
        b'{"format":"alhol-desk-bundle","seq":9007199254740992}',
        b'{"format":"alhol-desk-bundle","note":"\xff"}',
        b"\xef\xbb\xbf{}",
        b'{"a":' * 10 + b"1" + b"}" * 10,
    ],
)
def test_the_header_is_parsed_strictly(raw: bytes) -> None:
    with pytest.raises(BundleRejected, match="damaged or was not made by alhol-desk"):
        parse_header(raw)


def test_a_kind_of_record_this_app_does_not_know_asks_for_an_update() -> None:
    """A newer app may sync a new table: that is the reader's update to make, not the
    sender's."""
    doc = header_doc()
    doc["columns"]["people"] = ["name"]
    with pytest.raises(BundleRejected, match="made by a newer version of alhol-desk: update"):
        parse_header(dumps(doc))


@pytest.mark.parametrize("doc", [None, [], "manifest", 7])
def test_a_header_that_is_not_an_object(doc: Any) -> None:
    with pytest.raises(BundleRejected, match="does not start with its header"):
        parse_header(dumps(doc))


def test_another_format_is_not_a_bundle() -> None:
    with pytest.raises(BundleRejected, match="not an alhol-desk bundle"):
        parse_header(dumps(header_doc(format="alhol-desk-card")))


def test_a_newer_sync_version_asks_for_an_update_naming_both() -> None:
    doc = header_doc(sync_version=SYNC_VERSION + 1, columns="whatever a newer app writes")
    with pytest.raises(BundleRejected) as caught:
        parse_header(dumps(doc))
    assert caught.value.reason == (
        f"this bundle uses sync format {SYNC_VERSION + 1}, and this version of alhol-desk "
        f"reads up to format {SYNC_VERSION}: update the app on this device, then import the "
        "bundle again"
    )


def test_an_older_sync_version_is_named_and_refused() -> None:
    with pytest.raises(BundleRejected, match="uses sync format 1, which this version"):
        parse_header(dumps(header_doc(sync_version=1)))


def test_the_database_schema_is_informational() -> None:
    """A laptop one migration ahead still writes bundles this app reads."""
    assert parse_header(dumps(header_doc(app={"version": "9.0", "schema": 10_000}))).app == {
        "version": "9.0",
        "schema": 10_000,
    }


# --- record lines: written, then read back --------------------------------------------------


def test_a_whole_record_round_trips_with_its_creation_clock_overrides_and_authors() -> None:
    clocks = Clocks(author_of)
    fields = {column: (value, HLC, None) for column, value in whole_batch().items()}
    fields["note"] = (ARABIC, LATER, BASE)
    written = record_line(clocks, BATCH, "batches", PK, HLC, fields)
    assert clocks.devices == {DEVICE: 0, OTHER: 1}
    assert list(clocks.authors) == [AUTHORS[0]]  # the base names a device, not an author
    record = json.loads(written)
    assert record[:3] == ["batches", PK, [1717000000000, 1, 0, 0]]
    assert record[4] == [[BATCH.index("note"), [1717000005000, 0, 0, 0], [1716000000000, 0, 1]]]
    assert ARABIC.encode() in written  # UTF-8 as is, not \\u escapes

    head = header_doc(list(clocks.devices), list(clocks.authors))
    header, changes = read_all(compress(body(written, header=head)))
    assert header.devices == (DEVICE, OTHER)
    assert header.authors == (AUTHORS[0],)
    assert changes == [
        Change("batches", PK, column, value, hlc, base, *AUTHORS[0])
        for column, (value, hlc, base) in fields.items()
    ]


def test_the_writer_sends_records_whole() -> None:
    with pytest.raises(ValueError, match="whole"):
        record_line(Clocks(), BATCH, "batches", PK, HLC, {"girls": (11, LATER, HLC)})


def test_the_writer_refuses_a_column_it_does_not_sync() -> None:
    fields = {column: (None, HLC, None) for column in BATCH[1:]}
    fields["passport_no"] = ("X1", HLC, None)
    with pytest.raises(ValueError, match="whole"):
        record_line(Clocks(), BATCH, "batches", PK, HLC, fields)


clock_text = st.builds(
    lambda wall, counter, node: f"{wall:013d}.{counter:06d}.{node}",
    st.integers(0, 10**13 - 1),
    st.integers(0, 10**6 - 1),
    st.sampled_from([DEVICE, OTHER, "a0" * 16]),
)
field_value = st.one_of(st.none(), st.integers(-(2**53) + 1, 2**53 - 1), st.text(max_size=30))


@settings(max_examples=200, deadline=None)
@given(
    table=st.sampled_from(sorted(COLUMNS)),
    created=clock_text,
    data=st.data(),
)
def test_any_record_round_trips(table: str, created: str, data: st.DataObject) -> None:
    """Whatever the writer is given, the reader gives back the same changes and authors."""
    columns = COLUMNS[table]
    fields = {
        column: (
            data.draw(field_value),
            data.draw(st.just(created) | clock_text),
            data.draw(st.none() | clock_text),
        )
        for column in columns
    }
    clocks = Clocks(author_of)
    written = record_line(clocks, columns, table, PK, created, fields)
    head = header_doc(list(clocks.devices), list(clocks.authors))
    _, changes = read_all(compress(body(written, header=head)))
    assert changes == [
        Change(table, PK, c, v, h, b, *author_of(h)) for c, (v, h, b) in fields.items()
    ]


def test_records_come_in_chunks_and_the_header_first() -> None:
    columns = COLUMNS["status_events"]
    lines = [
        line(
            [
                "status_events",
                f"6f1c2a52-4a0e-5b7e-9a51-{n:012x}",
                [1, 0, 0, 0],
                [None] * len(columns),
                [],
            ]
        )
        for n in range(600)
    ]
    header, chunks = read_manifest(compress(body(*lines)))
    assert header.seq == 3  # the header is read before any record
    sizes = [len(chunk) // len(columns) for chunk in chunks]
    assert sizes == [250, 250, 100]


# --- record lines that are refused -----------------------------------------------------------


def _record(edit: Callable[[list[Any]], None]) -> bytes:
    record = good_record()
    record[1] = PK2  # another record than the good one before it
    edit(record)
    return line(record)


def _put(index: int, value: Any) -> Callable[[list[Any]], None]:
    def edit(record: list[Any]) -> None:
        record[index] = value

    return edit


def _put_in(index: int, inner: int, value: Any) -> Callable[[list[Any]], None]:
    def edit(record: list[Any]) -> None:
        record[index][inner] = value

    return edit


RECORD_REFUSALS = {
    "not a list": (lambda r: r.clear() or r.append({"table": "batches"}), "a record must be"),
    "four items": (lambda r: r.pop(), "a record must be [table, pk, created, values"),
    "six items (a fields list)": (lambda r: r.insert(3, None), "a record must be [table"),
    "unknown table": (_put(0, "devices"), "'devices' is not a table the header lists"),
    "table number": (_put(0, 1), "1 is not a table the header lists"),
    "pk upper": (_put(1, PK.upper()), "is not a record id"),
    "pk short": (_put(1, PK[:-1]), "is not a record id"),
    "pk null": (_put(1, None), "is not a record id"),
    "created text": (_put(2, HLC), "a change's clock is not [wall ms, counter, device, author]"),
    "created without its author": (_put(2, [1, 0, 0]), "a change's clock is not"),
    "created author out of range": (_put_in(2, 3, 2), "a change's author is not one of"),
    "created author negative": (_put_in(2, 3, -1), "a change's author is not one of"),
    "created author text": (_put_in(2, 3, "Amina"), "a change's author is not one of"),
    "created device out of range": (_put_in(2, 2, 2), "a clock is not"),
    "created device negative": (_put_in(2, 2, -1), "a clock is not"),
    "created wall too big": (_put_in(2, 0, 10**13), "a clock is not"),
    "created counter too big": (_put_in(2, 1, 10**6), "a clock is not"),
    "created wall negative": (_put_in(2, 0, -1), "a clock is not"),
    "created bool": (_put_in(2, 2, True), "a clock is not"),
    "values not a list": (_put(3, "RUS"), "its values and overrides must be lists"),
    "values too few": (lambda r: r[3].pop(), "a record gives a value for each of its"),
    "values too many": (lambda r: r[3].append(1), "a record gives a value for each of its"),
    "overrides not a list": (_put(4, {}), "its values and overrides must be lists"),
    "override two items": (
        _put(4, [[30, [1, 0, 0, 0]]]),
        "an override is not [column, clock, base]",
    ),
    "override column past": (
        _put(4, [[len(BATCH), [1, 0, 0, 0], None]]),
        "an override's column",
    ),
    "override columns twice": (
        _put(4, [[3, [1, 0, 0, 0], None], [3, [1, 0, 0, 0], None]]),
        "an override's column is not one of its columns, in order",
    ),
    "override clock without its author": (
        _put(4, [[30, [1, 0, 0], None]]),
        "a change's clock is not",
    ),
    "override bad base": (_put(4, [[30, [1, 0, 0, 0], "yesterday"]]), "a clock is not"),
    "override base with an author": (_put(4, [[30, [1, 0, 0, 0], [1, 0, 0, 0]]]), "a clock is not"),
    "value a list": (_put_in(3, 30, [SECRET]), "(batches.note): it is a list, but a value must"),
    "value an object": (_put_in(3, 30, {"name": SECRET}), "(batches.note): it is an object"),
    "value true": (_put_in(3, 7, True), "(batches.girls): it is true or false"),
    "value a fraction": (_put_in(3, 7, 1.5), "(batches.girls): it is a fraction"),
    "value too large": (_put_in(3, 7, 2**53), "a number out of range (batches.girls)"),
}


@pytest.mark.parametrize("name", sorted(RECORD_REFUSALS))
def test_each_bad_record_line_is_refused_and_placed(name: str) -> None:
    edit, fragment = RECORD_REFUSALS[name]
    reason = refusal(compress(body(line(good_record()), _record(edit))))
    assert any(f in reason for f in fragment.split("|")), reason
    if "number out of range" not in reason:
        assert "line 3" in reason, reason  # the header is line 1, the good record line 2
    assert "Layla" not in reason


def test_the_good_record_is_good() -> None:
    """The record the refusals above start from is read without complaint."""
    _, changes = read_all(compress(body(line(good_record()))))
    assert len(changes) == len(BATCH)
    (note,) = [c for c in changes if c.column == "note"]
    assert (note.value, note.hlc, note.base) == (ARABIC, LATER, BASE)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"NaN", "holds the number 'NaN'"),
        (b"-Infinity", "holds the number '-Infinity'"),
        (b"1e400", "it is a fraction"),
        (b'"\xff"', "not UTF-8"),
        (b'"\\udc00"', "lone surrogate escape) at line 2"),
        (b"[" * 6 + b"]" * 6, "nests deeper than 5 levels"),
        (b"1" * 5000, "not valid JSON at line 2"),
    ],
)
def test_raw_bytes_in_a_value_are_refused(raw: bytes, fragment: str) -> None:
    good = line(good_record())
    bad = good.replace(dumps(ARABIC), raw)
    assert bad != good
    assert fragment in refusal(compress(body(bad)))


def test_a_record_given_twice_is_refused() -> None:
    good = line(good_record())
    assert "gives one record twice (line 3)" in refusal(compress(body(good, good)))


def test_a_line_that_is_not_json_is_refused() -> None:
    assert "not valid JSON at line 2" in refusal(compress(body(b'["batches",')))


# --- the zlib stream and the lines -----------------------------------------------------------


def test_the_stream_must_be_one_whole_zlib_stream_ending_in_a_new_line() -> None:
    whole = compress(body(line(good_record())))
    assert zlib.decompress(whole) == body(line(good_record()))
    assert "cut short" in refusal(whole[:-4])
    assert "cannot be decompressed" in refusal(b"\x00" + whole)
    assert "data after its end" in refusal(whole + b"\n")
    assert "data after its end" in refusal(whole + whole)
    assert "does not end with a new line" in refusal(compress(body(line(good_record()))[:-1]))
    assert "manifest is empty" in refusal(compress(b""))
    assert "does not start with its header" in refusal(compress(line(good_record()) + b"\n"))


# --- reasons never quote the bundle's data ----------------------------------------------------


@pytest.mark.parametrize(
    "mutate",
    [
        _set(("sender", "extra"), SECRET),
        _set(("sender", "team"), SECRET * 10),
        _set(("created_at",), [SECRET]),
        _set(("acks",), {SECRET: 1}),
        _set((SECRET,), SECRET),
        _set(("prev",), SECRET),
        _set(("recipients",), [SECRET]),
        _set(("devices",), [SECRET]),
        _set(("app", "version"), SECRET * 10),
        _set(("columns", "batches"), [SECRET]),
        _set(("kind",), SECRET),
    ],
)
def test_header_reasons_never_repeat_the_bundle_data(mutate: Any) -> None:
    """Reasons are shown and logged; a name or a note from the bundle must not reach them."""
    doc = header_doc()
    mutate(doc)
    with pytest.raises(BundleRejected) as caught:
        parse_header(dumps(doc))
    assert "Layla" not in caught.value.reason and "Haddad" not in caught.value.reason


@pytest.mark.parametrize(
    "record",
    [
        ["batches", PK, [1, 0, 0], None, [SECRET], []],
        ["batches", PK, [1, 0, 0], [30], [[SECRET]], []],
        ["batches", PK, [1, 0, 0], [30], [{SECRET: SECRET}], []],
        ["batches", PK, [1, 0, 0], [30], [SECRET], [[30, SECRET, None]]],
        ["batches", PK, [1, 0, 0], [30], [SECRET], SECRET],
        ["batches", PK, SECRET, [30], [SECRET], []],
        ["batches", PK, [1, 0, 0], [SECRET], [SECRET], []],
        ["batches", PK, [1, 0, 0], [30], [SECRET], [], SECRET],
    ],
    ids=repr,
)
def test_record_reasons_never_repeat_the_bundle_data(record: list[Any]) -> None:
    reason = refusal(compress(body(line(record))))
    assert "Layla" not in reason and "Haddad" not in reason


# --- the limits: at each limit, and one past it ------------------------------------------------


def manifest_of(records: int, devices: int = 2, recipients: int = 1) -> bytes:
    """``records`` whole batches, clocks from ``devices`` devices, no empty containers (so
    that the structure scan counts exactly the values JSON holds)."""
    ids = [f"{n:032x}" for n in range(devices)]
    lines = []
    for n in range(records):
        values = list(whole_batch(girls=n).values())
        overrides = [
            [30, [1717000005000, 0, n % devices, 1], [1716000000000, 0, (n + 1) % devices]]
        ]
        pk = f"6f1c2a52-4a0e-5b7e-9a51-{n:012x}"
        lines.append(line(["batches", pk, [1717000000000, 0, 0, 0], values, overrides]))
    head = header_doc(ids, recipients=[f"{n:032x}" for n in range(recipients)])
    return body(*lines, header=head)


def json_values(value: Any) -> int:
    if isinstance(value, list):
        return 1 + sum(map(json_values, value))
    return 1


def held(manifest: bytes) -> dict[str, int]:
    """Each limited quantity of a manifest, counted from its text."""
    head, *lines = manifest.removesuffix(b"\n").split(b"\n")
    records = [json.loads(r) for r in lines]
    doc = json.loads(head)
    return {
        "records": len(records),
        "changes": sum(len(r[3]) for r in records),
        "manifest_bytes": len(manifest),
        "header_bytes": len(head),
        "line_bytes": max(map(len, lines)),
        "line_values": max(map(json_values, records)),
        "depth": 4,  # record, overrides, override, clock
        "devices": len(doc["devices"]),
        "recipients": len(doc["recipients"]),
    }


LIMIT_REASONS = {
    "records": "holds more than {n:,} records",
    "changes": "holds more than {n:,} changes",
    "manifest_bytes": "manifest is larger than {n:,} bytes",
    "header_bytes": "has header longer than {n:,} bytes",
    "line_bytes": "has a record line longer than {n:,} bytes",
    "line_values": "holds more than {n:,} values",
    "depth": "nests deeper than {n} levels",
    "devices": "names more than {n} devices",
    "recipients": "addressed to more than {n} keys",
}


def test_every_limit_is_tested() -> None:
    assert set(LIMIT_REASONS) == {f.name for f in dataclass_fields(Limits)}


@pytest.mark.parametrize("name", sorted(LIMIT_REASONS))
def test_a_manifest_at_a_limit_is_read_and_one_past_it_is_refused(name: str) -> None:
    manifest = manifest_of(records=3, devices=3, recipients=2)
    size = held(manifest)[name]
    payload = compress(manifest)

    header, changes = read_all(payload, Limits(**{name: size}))
    assert len(changes) == 3 * len(BATCH) and len(header.devices) == 3

    reason = refusal(payload, Limits(**{name: size - 1}))
    # Values are counted over a chunk of lines at once: the limit times its lines.
    shown = (size - 1) * 3 if name == "line_values" else size - 1
    assert LIMIT_REASONS[name].format(n=shown) in reason, reason
    assert "Layla" not in reason


def test_one_record_past_the_record_limit_is_refused_whatever_the_chunks() -> None:
    """The counts are over the whole bundle, not one chunk of it."""
    width = len(COLUMNS["status_events"])
    lines = [
        line(
            [
                "status_events",
                f"6f1c2a52-4a0e-5b7e-9a51-{n:012x}",
                [1, 0, 0, 0],
                [None] * width,
                [],
            ]
        )
        for n in range(301)
    ]
    payload = compress(body(*lines))
    assert len(read_all(payload, Limits(records=301, changes=301 * width))[1]) == 301 * width
    assert "more than 300 records" in refusal(payload, Limits(records=300))
    assert f"more than {300 * width:,} changes" in refusal(payload, Limits(changes=300 * width))


def test_limits_are_passed_not_global() -> None:
    """A small table of limits passed to one read leaves the default table alone."""
    payload = compress(manifest_of(records=2))
    refusal(payload, Limits(records=1))
    assert len(read_all(payload)[1]) == 2 * len(BATCH)
    assert copy.copy(LIMITS) == Limits()
