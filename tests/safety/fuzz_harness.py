"""The importer under fuzzing: input strategies, a receiver to feed, and the one rule.

The rule: whatever the bytes on the stick, ``import_bundle`` returns a report that is a
clean refusal (``refused``, ``quarantined``) or a valid import (``applied``,
``already_imported``). Never another exception; after a refusal no record or sync state
changed; after an import the database is sound, every record passes the rules, and the
same file again is "already imported".

Four kinds of input, from the outside in (each reaches one layer deeper):

* random bytes, bare or behind an age header;
* random JSON, age-encrypted to the receiver (reaches the envelope parser);
* random JSON signed by a trusted sender and encrypted (reaches the manifest parser);
* valid manifests mutated (values, keys, changes, raw bytes), signed and encrypted, fed
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
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from hypothesis import strategies as st

from alhol_desk.core import services, validation
from alhol_desk.core.records import Batch, StatusEvent
from alhol_desk.core.sync import devices, envelope, importer
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
                devices.trust_card(
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
        """Signed by the trusted test sender, encrypted to the receiver."""
        keys = self.gen.load_keys("sender")
        signed = envelope.sign_envelope(manifest_bytes, keys)
        return envelope.encrypt(signed, [self.gen.load_keys("receiver").age_recipient])

    def encrypt_only(self, plaintext: bytes) -> bytes:
        return envelope.encrypt(plaintext, [self.gen.load_keys("receiver").age_recipient])

    def base_docs(self) -> dict[str, dict[str, Any]]:
        """The valid manifests mutations start from, by the template they suit."""
        gen = self.gen
        return {
            "fresh": json.loads(gen.seq1_body()),
            "seasoned": json.loads(gen.seq2_body()),
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


random_files = st.one_of(
    st.binary(max_size=2000),
    st.binary(max_size=2000).map(lambda b: AGE_HEADER + b),
    st.binary(max_size=300).map(lambda b: b"-----BEGIN AGE ENCRYPTED FILE-----\n" + b),
)


CLOCKS = [
    "1714550400000.000000.f1e1d000000000000000000000000001",  # seq 1's clock
    "1715328000000.000000.f1e1d000000000000000000000000001",  # seq 2's
    "1715328000000.000001.f1e1d000000000000000000000000001",
    "1716000000000.000000.f1e1d000000000000000000000000002",  # another device, later
    "1700000000000.000000.a0a0a000000000000000000000000001",  # the receiver, earlier
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


@st.composite
def mutated_manifest(draw: st.DrawFn, bases: dict[str, dict[str, Any]]) -> tuple[str, bytes]:
    """(template, manifest bytes): a valid manifest with one to four mutations."""
    template = draw(st.sampled_from(sorted(bases)))
    doc = copy.deepcopy(bases[template])
    raw_edit: tuple[str, int, bytes] | None = None
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(
                ["set", "delete", "add", "change_field", "drop_change", "copy_change", "raw"]
                + ["plausible"] * 4
            )
        )
        changes = doc.get("changes") if isinstance(doc, dict) else None
        if kind == "set" and isinstance(doc, dict):
            target = draw(st.sampled_from(["doc", "sender", "acks"]))
            holder = doc if target == "doc" else doc.get(target)
            if isinstance(holder, dict):
                key = draw(st.sampled_from([*holder.keys(), "x"] if holder else ["x"]))
                holder[key] = draw(json_values)
        elif kind == "delete" and isinstance(doc, dict) and doc:
            doc.pop(draw(st.sampled_from(sorted(doc))), None)
        elif kind == "add" and isinstance(doc, dict):
            doc[draw(st.text(min_size=1, max_size=10))] = draw(json_values)
        elif kind == "change_field" and isinstance(changes, list) and changes:
            change = changes[draw(st.integers(0, len(changes) - 1))]
            if isinstance(change, dict):
                field = draw(st.sampled_from(["table", "pk", "column", "value", "hlc", "base"]))
                if draw(st.booleans()):
                    change[field] = draw(json_values)
                else:
                    change.pop(field, None)
        elif kind == "plausible" and isinstance(changes, list) and changes:
            counts = [c for c in changes if isinstance(c, dict) and type(c.get("value")) is int]
            # Half the time a count: the rules between counts are where merges get refused.
            pool = counts if counts and draw(st.booleans()) else changes
            change = pool[draw(st.integers(0, len(pool) - 1))]
            if isinstance(change, dict):
                field = draw(st.sampled_from(["value", "value", "hlc", "base", "pk"]))
                if field in ("hlc", "base"):
                    change[field] = draw(st.sampled_from([*CLOCKS, None]))
                elif field == "pk":
                    change[field] = draw(
                        st.sampled_from([c.get("pk") for c in changes if isinstance(c, dict)])
                        | st.uuids().map(str)
                    )
                else:
                    change[field] = draw(plausible(change.get("value")))
        elif kind == "drop_change" and isinstance(changes, list) and changes:
            changes.pop(draw(st.integers(0, len(changes) - 1)))
        elif kind == "copy_change" and isinstance(changes, list) and changes:
            changes.append(copy.deepcopy(changes[draw(st.integers(0, len(changes) - 1))]))
        elif kind == "raw":
            raw_edit = (
                draw(st.sampled_from(["flip", "insert", "delete"])),
                draw(st.integers(0, 10**6)),
                draw(st.binary(min_size=1, max_size=4)),
            )
    data = dump(doc)
    if raw_edit is not None and data:
        how, where, extra = raw_edit
        at = where % len(data)
        if how == "flip":
            data = data[:at] + bytes([data[at] ^ extra[0]]) + data[at + 1 :]
        elif how == "insert":
            data = data[:at] + extra + data[at:]
        else:
            data = data[:at] + data[at + len(extra) :]
    return template, data
