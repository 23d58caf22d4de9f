"""The importer under fuzzing: input strategies, a receiver to feed, and the one rule.

The rule: whatever the bytes on the stick, ``import_bundle`` returns a report that is a
clean refusal (``refused``, ``quarantined``) or a valid import (``applied``,
``already_imported``). Never another exception; after a refusal no record or sync state
changed; after an import the database is sound, every record passes the rules, and the
same file again is "already imported".

Four kinds of input, from the outside in (each reaches one layer deeper):

* random bytes, bare or behind an age header;
* random JSON, age-encrypted to the receiver (reaches the envelope parser);
* random JSON, compressed, signed by a trusted sender and encrypted (reaches the
  manifest's header parser); random bytes signed as the payload (reaches the inflater);
* valid format-2 manifests mutated (header fields, record lines and their items, whole
  lines, raw bytes of the text or of the compressed payload), signed and encrypted, fed
  to a receiver with no history (a first bundle) or with history and a local edit (so
  edits, fast-forwards and conflicts are planned and merged).

Used by tests/safety/test_fuzz_import.py and benchmarks/fuzz_import.py (a longer run).
"""

from __future__ import annotations

import copy
import importlib.util
import json
import shutil
import sqlite3
import sys
import tempfile
import zlib
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from hypothesis import strategies as st

from alhol_desk.core import services, validation
from alhol_desk.core.records import Batch, StatusEvent
from alhol_desk.core.sync import enrolment, envelope, importer
from alhol_desk.core.sync.keys import IDENTITY_FILE, KEYS_DIR, SIGNING_KEY_FILE
from alhol_desk.core.workspace import Workspace, initialise, open_workspace
from alhol_desk.paths import database_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bundles"
ALLOWED = frozenset({"refused", "quarantined", "applied", "already_imported"})
STATE_TABLES = ("batches", "status_events", "estimates", "field_clock", "audit", "conflicts")
STATE_TABLES += ("devices", "settings")
NOW_MS = 1_717_243_200_000  # 2024-06-01 12:00 UTC: the fixtures' clocks are a month before


class FuzzFailure(AssertionError):
    """The rule was broken: the message says how, the input is attached."""


def load_generator() -> ModuleType:
    """tests/fixtures/bundles/make_fixtures.py: the TEST-ONLY keys and manifest builders."""
    name = "alhol_test_make_fixtures"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, FIXTURES / "make_fixtures.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _now() -> int:
    return NOW_MS


def _install(ws: Workspace, name: str) -> None:
    for file_name in (SIGNING_KEY_FILE, IDENTITY_FILE):
        target = ws.data_dir / KEYS_DIR / file_name
        target.unlink()
        shutil.copyfile(FIXTURES / "keys" / name / file_name, target)
        target.chmod(0o600)


@dataclass(frozen=True)
class Fed:
    outcome: str
    reason: str | None


class Receiver:
    """HQ folders with the committed receiver keys, trusting the test sender, made once:
    ``fresh`` has no history; ``seasoned`` imported seq 1 and edited a field of it locally
    (seq 2 then edits that field too: a conflict). Each input is fed to a copy."""

    def __init__(self) -> None:
        self.gen = load_generator()
        self._root = Path(tempfile.mkdtemp(prefix="alhol-fuzz-"))
        devices_json = json.loads((FIXTURES / "keys" / "devices.json").read_text("utf-8"))
        self.templates: dict[str, Path] = {}
        for name in ("fresh", "seasoned"):
            folder = self._root / name
            ws = initialise(folder, team="HQ", role="hq", operator="Omar")
            try:
                ws.today = lambda: validation_today()
                _install(ws, "receiver")
                enrolment.trust_card(
                    ws,
                    FIXTURES / "keys" / "sender" / "card.json",
                    devices_json["sender"]["fingerprint"],
                )
                if name == "seasoned":
                    seq1 = FIXTURES / "valid" / "russia_seq1.alhol"
                    assert importer.import_bundle(ws, seq1, now_ms=_now).outcome == "applied"
                    services.save_batch(ws, {"source_date": "2024-05-08"}, self.gen.BATCH_ID)
            finally:
                ws.close()
            self.templates[name] = folder
        self._count = 0

    def close(self) -> None:
        shutil.rmtree(self._root, ignore_errors=True)

    # -- inputs, sealed as a sender would ------------------------------------------------

    def seal(self, manifest_bytes: bytes) -> bytes:
        """Compressed, signed by the trusted test sender, encrypted to the receiver."""
        return self.seal_payload(zlib.compress(manifest_bytes, 6))

    def seal_payload(self, payload: bytes) -> bytes:
        """``payload`` signed as it is (it should be a zlib stream), then encrypted."""
        keys = self.gen.load_keys("sender")
        signed = envelope.sign_envelope(payload, keys)
        return envelope.encrypt(signed, [self.gen.load_keys("receiver").age_recipient])

    def encrypt_only(self, plaintext: bytes) -> bytes:
        return envelope.encrypt(plaintext, [self.gen.load_keys("receiver").age_recipient])

    def base_docs(self) -> dict[str, Manifest]:
        """The valid manifests mutations start from, by the template they suit: the header
        and the record lines, parsed."""
        gen = self.gen
        return {
            "fresh": parse_manifest(gen.seq1_body()),
            "seasoned": parse_manifest(gen.seq2_body()),
        }

    # -- feeding --------------------------------------------------------------------------

    def feed(self, data: bytes, template: str = "fresh") -> Fed:
        """Import ``data`` into a copy of a template; raise FuzzFailure if the rule breaks."""
        self._count += 1
        folder = self._root / f"run{self._count}"
        shutil.copytree(self.templates[template], folder)
        try:
            return self._feed(folder, data)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _feed(self, folder: Path, data: bytes) -> Fed:
        path = folder.parent / f"{folder.name}.alhol"
        path.write_bytes(data)
        before = snapshot(database_path(folder))
        ws = open_workspace(folder)
        ws.today = lambda: validation_today()
        try:
            try:
                report = importer.import_bundle(ws, path, now_ms=_now)
            except Exception as error:  # the rule: nothing but a report comes out
                raise FuzzFailure(f"import raised {type(error).__name__}: {error}") from error
            if report.outcome not in ALLOWED:
                raise FuzzFailure(f"unexpected outcome {report.outcome!r}")
            refused = report.outcome in ("refused", "quarantined")
            if refused and (not report.reason or "\n" in report.reason):
                raise FuzzFailure(f"a refusal is one line with a reason: {report.reason!r}")
            if ws.db.conn.in_transaction:
                raise FuzzFailure("a transaction was left open")
            if report.outcome == "applied":
                _check_applied(ws, path)
        finally:
            ws.close()
            path.unlink(missing_ok=True)
        after = snapshot(database_path(folder))
        if report.outcome != "applied" and after != before:
            changed = [t for t in STATE_TABLES if after[t] != before[t]]
            raise FuzzFailure(f"a refused bundle changed {changed}")
        return Fed(report.outcome, report.reason)


def validation_today() -> Any:
    from datetime import date

    return date(2024, 6, 1)


def _check_applied(ws: Workspace, path: Path) -> None:
    if ws.db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        raise FuzzFailure("integrity_check failed after an import")
    if ws.db.execute("PRAGMA foreign_key_check").fetchall():
        raise FuzzFailure("foreign keys broken after an import")
    for cls, check in ((Batch, validation.check_batch), (StatusEvent, None)):
        for row in ws.db.query(f"SELECT * FROM {cls.TABLE} WHERE deleted = 0"):
            if check is None:
                continue
            record = cls(**{k: v for k, v in row.items() if k != "hlc"})
            issues = check(record, today=ws.today(), is_known_country=ws.is_known_country)
            errors, _ = validation.split(issues)
            # A merged existing record may break a cross-field rule (the summary warns);
            # a record that was new in the bundle may not.
            created_here = ws.db.execute(
                "SELECT bundle_id FROM audit WHERE pk = ? AND col IS NULL", [record.id]
            ).fetchone()
            edited = ws.db.execute(
                "SELECT 1 FROM audit WHERE pk = ? AND col IS NOT NULL LIMIT 1", [record.id]
            ).fetchone()
            if errors and created_here and created_here[0] and not edited:
                raise FuzzFailure(f"a new record breaks a rule: {[e.code for e in errors]}")
    again = importer.import_bundle(ws, path, now_ms=_now)
    if again.outcome != "already_imported":
        raise FuzzFailure(f"the same bundle again was {again.outcome}: {again.reason}")


def snapshot(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    uri = f"{db_path.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in STATE_TABLES
        }


# --- strategies ---------------------------------------------------------------------------

AGE_HEADER = b"age-encryption.org/v1\n"

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "RUS",
            "batches",
            "status_events",
            "girls",
            "deleted",
            "received",
            "2024-05-01",
            "7e57ba7c-0000-4000-8000-000000000001",
            "1714550400000.000000.f1e1d000000000000000000000000001",
            "9999999999999.999999.f1e1d000000000000000000000000001",
            "f1e1d000000000000000000000000001",
            "\ud800",
            "\u202e",
            "x" * 5000,
        ]
    ),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)


def dump(value: Any) -> bytes:
    """JSON as a careless or hostile writer would: NaN allowed, lone surrogates raw."""
    return json.dumps(value, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")


# A manifest as mutations see it: {"header": the header line's object, "records": lines}.
Manifest = dict[str, Any]


def parse_manifest(body: bytes) -> Manifest:
    header, *records = body.removesuffix(b"\n").split(b"\n")
    return {"header": json.loads(header), "records": [json.loads(line) for line in records]}


def dump_manifest(doc: Manifest) -> bytes:
    """The manifest's text: the header line, then one line per record, each ended by \\n."""
    header = doc.get("header")
    records = doc.get("records")
    lines = [dump(header), *(dump(r) for r in (records if isinstance(records, list) else []))]
    return b"".join(line + b"\n" for line in lines)


random_files = st.one_of(
    st.binary(max_size=2000),
    st.binary(max_size=2000).map(lambda b: AGE_HEADER + b),
    st.binary(max_size=300).map(lambda b: b"-----BEGIN AGE ENCRYPTED FILE-----\n" + b),
)


# Short clocks, [wall_ms, counter, device index]: the sender is device 0 in the bases.
CLOCKS = [
    [1714550400000, 0, 0],  # seq 1's clock
    [1715328000000, 0, 0],  # seq 2's
    [1715328000000, 1, 0],
    [1716000000000, 0, 1],  # device 1: present only if a mutation adds it
    [1700000000000, 0, 0],  # earlier than everything
    [9999999999999, 999999, 0],  # far in the future
    [0, 0, 0],
]
OTHER_DEVICES = [
    "f1e1d000000000000000000000000002",
    "a0a0a000000000000000000000000001",
    "f1e1d000000000000000000000000001",  # the sender again: a device listed twice
]
plausible_ints = st.integers(min_value=-3, max_value=40)
plausible_text = st.text(max_size=30) | st.sampled_from(
    ["RUS", "IRQ", "XXX", "received", "cancelled", "planned", "2024-05-01", "2030-01-01", ""]
)


def plausible(value: Any) -> st.SearchStrategy[Any]:
    """A value of the same kind: a type-correct edit, which reaches the rules and the merge."""
    if isinstance(value, bool) or value is None:
        return st.none() | plausible_ints | plausible_text
    if isinstance(value, int):
        return plausible_ints
    return plausible_text


HEADER_PARTS = ["header", "sender", "acks", "export", "app", "columns"]
RECORD_ITEMS = ["table", "pk", "created", "fields", "values", "overrides"]


@st.composite
def mutated_manifest(draw: st.DrawFn, bases: dict[str, Manifest]) -> tuple[str, bytes]:
    """(template, signed payload): a valid manifest with one to four mutations, compressed
    (or, for a "zlib" mutation, a compressed stream then damaged)."""
    template = draw(st.sampled_from(sorted(bases)))
    doc = copy.deepcopy(bases[template])
    header, records = doc["header"], doc["records"]
    raw_edit: tuple[str, int, bytes] | None = None
    zlib_edit: tuple[str, int, bytes] | None = None
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(
                ["set", "delete", "add", "record_item", "drop_record", "copy_record"]
                + ["swap_lines", "device", "override", "raw", "zlib"]
                + ["plausible"] * 4
            )
        )
        if kind == "set" and isinstance(header, dict):
            target = draw(st.sampled_from(HEADER_PARTS))
            holder = header if target == "header" else header.get(target)
            if isinstance(holder, dict):
                key = draw(st.sampled_from([*holder.keys(), "x"] if holder else ["x"]))
                holder[key] = draw(json_values)
        elif kind == "delete" and isinstance(header, dict) and header:
            header.pop(draw(st.sampled_from(sorted(header))), None)
        elif kind == "add" and isinstance(header, dict):
            header[draw(st.text(min_size=1, max_size=10))] = draw(json_values)
        elif kind == "record_item" and records:
            record = records[draw(st.integers(0, len(records) - 1))]
            if isinstance(record, list) and record:
                index = draw(st.integers(0, len(record) - 1))
                if draw(st.booleans()):
                    record[index] = draw(json_values)
                elif draw(st.booleans()):
                    record.pop(index)
                else:
                    record.append(draw(json_values))
        elif kind == "plausible" and records:
            record = records[draw(st.integers(0, len(records) - 1))]
            if isinstance(record, list) and len(record) == 6 and isinstance(record[4], list):
                values = record[4]
                what = draw(st.sampled_from(["value", "value", "value", "created", "pk"]))
                if what == "value" and values:
                    ints = [i for i, v in enumerate(values) if type(v) is int]
                    # Half the time a count: the rules between counts are where merges
                    # get refused.
                    pool = ints if ints and draw(st.booleans()) else range(len(values))
                    i = draw(st.sampled_from(list(pool)))
                    values[i] = draw(plausible(values[i]))
                elif what == "created":
                    record[2] = list(draw(st.sampled_from(CLOCKS)))
                else:
                    record[1] = draw(
                        st.sampled_from([r[1] for r in records if isinstance(r, list) and r])
                        | st.uuids().map(str)
                    )
        elif kind == "override" and records:
            record = records[draw(st.integers(0, len(records) - 1))]
            if isinstance(record, list) and len(record) == 6 and isinstance(record[5], list):
                column = draw(st.integers(-1, 40))
                base = draw(st.none() | st.sampled_from(CLOCKS))
                record[5].append([column, list(draw(st.sampled_from(CLOCKS))), base])
                if draw(st.booleans()):
                    record[5].sort(key=lambda o: o[0] if isinstance(o, list) and o else 0)
        elif kind == "device" and isinstance(header, dict):
            if isinstance(header.get("devices"), list):
                header["devices"].append(draw(st.sampled_from(OTHER_DEVICES)))
        elif kind == "drop_record" and records:
            records.pop(draw(st.integers(0, len(records) - 1)))
        elif kind == "copy_record" and records:
            records.append(copy.deepcopy(records[draw(st.integers(0, len(records) - 1))]))
        elif kind == "swap_lines" and records:
            records[0], doc["header"] = doc["header"], records[0]
            header, records = doc["header"], doc["records"]
        elif kind in ("raw", "zlib"):
            edit = (
                draw(st.sampled_from(["flip", "insert", "delete"])),
                draw(st.integers(0, 10**6)),
                draw(st.binary(min_size=1, max_size=4)),
            )
            if kind == "raw":
                raw_edit = edit
            else:
                zlib_edit = edit
    data = _edit_bytes(dump_manifest(doc), raw_edit)
    return template, _edit_bytes(zlib.compress(data, 6), zlib_edit)


def _edit_bytes(data: bytes, edit: tuple[str, int, bytes] | None) -> bytes:
    if edit is None or not data:
        return data
    how, where, extra = edit
    at = where % len(data)
    if how == "flip":
        return data[:at] + bytes([data[at] ^ extra[0]]) + data[at + 1 :]
    if how == "insert":
        return data[:at] + extra + data[at:]
    return data[:at] + data[at + len(extra) :]
