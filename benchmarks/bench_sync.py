"""Sync format 2 at headquarters' scale: each figure next to a baseline measured in this run.

Targets (issue 11, docs/performance.md "Sync"); times are medians of repeats:
1. bundle size of a full export <= 1.5x `sqlite3 DB .dump | gzip` (50,000 and 1,000,000
   changes; 1k, 10k and 100k printed to show the growth)
2. `alhol-desk export --full` as a whole process <= 2x
   `sqlite3 DB .dump | gzip | age -r R > f && minisign -S -s KEY -m f` (1M changes; 50k printed)
3. in-process export and import <= 2x a raw pipeline that reads and writes the same compact
   form (select + the same JSON lines + zlib + sign + encrypt; decrypt + decompress +
   json.loads each line + executemany), and the ratio against the old per-field form
4. a new field device imports HQ's full 1M-change export (every bundle of it): peak RSS
   above the idle process <= 3x the largest bundle's plaintext (its decompressed manifest)
5. HQ with 50 field devices x 20,000 changes: per-bundle import flat (median of the last 10
   <= 1.2x the first 10); HQ's export to a device that lacks 20,000 changes holds about
   20,000 and takes <= 2 s

    uv run python benchmarks/bench_sync.py            # full sizes: several minutes
    uv run python benchmarks/bench_sync.py --quick    # smaller sizes: under a minute

A "change" is one synced field: a batch has 32 synced columns, so 1M changes is 31,250
batches. HQ databases are built with the app's own bulk paths (validated batches,
insert_records + record_creations), their records stamped by 50 field devices and audited
as imported from bundles, one in twenty edited once since (a field_clock row and an audit
edit row), as a real HQ's are. The fleet of 4 and 5 is real: devices, cards, bundles.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage

from alhol_desk.core import services
from alhol_desk.core.records import AGE_BANDS, Batch
from alhol_desk.core.storage.audit import ColumnChange
from alhol_desk.core.sync import enrolment, exporter, importer, manifest
from alhol_desk.core.sync.keys import load_device_keys
from alhol_desk.core.workspace import Workspace, initialise, open_workspace, utc_now
from alhol_desk.paths import database_path

COLUMNS = Batch.synced_columns()
PER_BATCH = len(COLUMNS)
FLEET = 50  # field devices whose clocks stamp the synthetic HQ's records
EDITED = 20  # one record in this many has one later edit

# --- realistic records ------------------------------------------------------------------

_COUNTRIES = ("RUS", "TUR", "DEU", "FRA", "NLD", "SWE", "KAZ", "UZB", "TJK", "BEL", "FIN", "ALB")
_CITIES = ("Moscow", "Ankara", "Berlin", "Paris", "Amsterdam", "Stockholm", "Almaty", "Tashkent")
_AGENCIES = ("Foreign ministry", "ICRC", "UNICEF", "Consulate", "Ombudsman's office")
_SOURCES = ("handover sheet", "AANES Foreign Relations", "ICRC list", "embassy note", "press")
_NOTES = (
    "Handover at Semalka crossing; two medical cases.",
    "Three children travel with their grandmother.",
    "Delayed one day by the weather.",
    "Documents checked at the camp office.",
)


def batch_raws(count: int, rng: random.Random) -> list[dict[str, Any]]:
    """Valid new batches, varied the way a register is (about half the optional fields)."""
    raws = []
    for i in range(count):
        girls, boys, women, men = (rng.randint(0, 6), rng.randint(0, 6), rng.randint(0, 4), 0)
        if girls + boys + women == 0:
            girls = 1
        if rng.random() < 0.1:
            men = rng.randint(1, 2)
        status = rng.choice(("received", "received", "received", "departed", "planned"))
        year = rng.randint(2019, 2025)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        raw: dict[str, Any] = {
            "country": rng.choice(_COUNTRIES),
            "status": status,
            "departure_date": date,
            "ref": f"HSK-{year}-{i:05d}",
            "girls": girls,
            "boys": boys,
            "women": women,
            "men": men,
            "source": rng.choice(_SOURCES),
            "destination": rng.choice(_CITIES),
        }
        people = girls + boys + women + men
        if rng.random() < 0.6:
            raw["families"] = rng.randint(1, max(1, people // 3))
            raw["children"], raw["adults"] = girls + boys, women + men
            raw["agency"] = rng.choice(_AGENCIES)
            raw["source_date"] = date
        if girls + boys and rng.random() < 0.5:
            raw["min_age"] = rng.randint(0, 6)
            raw["max_age"] = raw["min_age"] + rng.randint(0, 11)
            raw["unaccompanied"] = rng.randint(0, min(1, girls + boys))
        if rng.random() < 0.4:
            for total in ("girls", "boys", "women", "men"):
                bands = [band for band, owner in AGE_BANDS if owner == total]
                left = raw[total]
                for band in bands[:-1]:
                    raw[band] = rng.randint(0, left)
                    left -= raw[band]
                raw[bands[-1]] = left
        if rng.random() < 0.25:
            raw["note"] = rng.choice(_NOTES)
            raw["escort"] = f"Officer {rng.randint(1, 40)}"
        raws.append(raw)
    return raws


def fleet_nodes(rng: random.Random) -> list[str]:
    return [uuid.UUID(int=rng.getrandbits(128), version=4).hex for _ in range(FLEET)]


def fill_hq(hq: Workspace, changes: int, rng: random.Random) -> None:
    """``changes`` fields of batches created by the fleet and imported here, a few edited."""
    nodes = fleet_nodes(rng)
    records = services.check_new_batches(hq, batch_raws(-(-changes // PER_BATCH), rng))
    wall = 1_700_000_000_000
    at = utc_now()
    with hq.writing():
        for k, node in enumerate(nodes):
            mine = records[k::FLEET]
            hlcs = [f"{wall + 1000 * j + k:013d}.000000.{node}" for j in range(len(mine))]
            hq.batches.insert_records(mine, hlcs)
            hq.audit.record_creations(
                mine, hlcs, operator=hq.operator, at=at, bundle_id=uuid.uuid4().hex
            )
        for j, record in enumerate(records[::EDITED]):
            node = nodes[j % FLEET]
            hlc = f"{wall + 10**9 + j:013d}.000000.{node}"
            created = hq.db.conn.execute(
                "SELECT hlc FROM batches WHERE id = ?", [record.id]
            ).fetchone()[0]
            new = "cancelled" if record.status == "planned" else "received"
            hq.batches.update_columns(record.id, {"status": new})
            hq.audit.record_edits(
                "batches",
                record.id,
                [ColumnChange("status", record.status, new, created)],
                hlc,
                operator=hq.operator,
                at=at,
                bundle_id=uuid.uuid4().hex,
            )


def enrol(a: Workspace, b: Workspace, root: Path) -> None:
    for one, other in ((a, b), (b, a)):
        card = enrolment.write_card(one, root / f"{one.device.id}.card")
        enrolment.trust_card(other, card, enrolment.identity(one).fingerprint)


@dataclass
class Site:
    """A synthetic HQ and one new field device it sends to (both closed when built)."""

    root: Path
    changes: int
    hq_dir: Path
    field_dir: Path
    field_id: str


def build_site(root: Path, changes: int, rng: random.Random) -> Site:
    root.mkdir(parents=True)
    hq = initialise(root / "hq", team="HQ", role="hq", operator="bench")
    field = initialise(root / "field", team="New laptop", role="field", operator="bench")
    enrol(hq, field, root)
    fill_hq(hq, changes, rng)
    site = Site(root, changes, root / "hq", root / "field", field.device.id)
    hq.close()
    field.close()
    return site


# --- measuring ----------------------------------------------------------------------------


def median_of(repeat: int, run: Callable[[], float]) -> float:
    return statistics.median(run() for _ in range(repeat))


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(repeat: int, a: Callable[[], float], b: Callable[[], float]) -> dict[str, float]:
    """A and B in turn after one warm-up each: medians and the median of the pair ratios."""
    a(), b()
    pairs = [(a(), b()) for _ in range(repeat)]
    return {
        "a": statistics.median(p[0] for p in pairs),
        "b": statistics.median(p[1] for p in pairs),
        "ratio": statistics.median(p[0] / p[1] for p in pairs),
    }


def run_process(argv: Sequence[str], before: Callable[[], None] | None = None) -> float:
    """One run of a whole process. It keeps its bytecode cache, as an installed app does (a
    machine that sets PYTHONDONTWRITEBYTECODE would otherwise time the compiler)."""
    if before is not None:
        before()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    return time.perf_counter() - start


def dump_gzip_bytes(db: Path) -> int:
    out = subprocess.run(
        ["sh", "-c", f"sqlite3 '{db}' .dump | gzip"], check=True, capture_output=True
    ).stdout
    return len(out)


def manifest_bytes(bundle: Path, identity: pyrage.x25519.Identity) -> int:
    """The bundle's plaintext: its manifest, decompressed (the signature is not checked)."""
    envelope = json.loads(pyrage.decrypt(bundle.read_bytes(), [identity]))
    return len(zlib.decompress(base64.b64decode(envelope["payload"])))


def full_export(site: Site, out: Path) -> exporter.ExportResult:
    out.mkdir(parents=True, exist_ok=True)
    hq = open_workspace(site.hq_dir)
    try:
        return exporter.export_bundle(hq, out, full=True, to=site.field_id)
    finally:
        hq.close()


# --- raw baselines: the same compact form, and the old per-field form ---------------------


def _select(conn: sqlite3.Connection) -> tuple[list[tuple[Any, ...]], dict[str, list[Any]]]:
    rows = conn.execute(f"SELECT id, hlc, {', '.join(COLUMNS)} FROM batches ORDER BY id").fetchall()
    edits: dict[str, list[Any]] = {}
    for pk, col, hlc, base in conn.execute(
        "SELECT pk, col, hlc, base FROM field_clock WHERE tbl = 'batches'"
    ):
        edits.setdefault(pk, []).append((COLUMNS.index(col), hlc, base))
    return rows, edits


def raw_export_compact(db: Path, keys: Any, recipient: str, out: Path) -> float:
    """Select, the same record lines, zlib, Ed25519 signature, age: one file, no checks."""
    conn = sqlite3.connect(db)
    start = time.perf_counter()
    rows, edits = _select(conn)
    nodes: dict[str, int] = {}

    def short(hlc: str | None) -> list[int] | None:
        if hlc is None:
            return None
        wall, counter, node = hlc.split(".")
        return [int(wall), int(counter), nodes.setdefault(node, len(nodes))]

    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    lines = [
        dumps(
            [
                "batches",
                row[0],
                short(row[1]),
                None,
                list(row[2:]),
                [[i, short(h), short(b)] for i, h, b in edits.get(row[0], ())],
            ]
        ).encode()
        for row in rows
    ]
    header = dumps({"devices": list(nodes), "columns": {"batches": list(COLUMNS)}}).encode()
    payload = zlib.compress(b"\n".join([header, *lines]) + b"\n", 6)
    signature = keys.signing_key.sign(payload)
    sealed = pyrage.encrypt(signature + payload, [pyrage.x25519.Recipient.from_str(recipient)])
    out.write_bytes(sealed)
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def raw_import_compact(sealed: Path, identity: Any, db: Path) -> float:
    """age decrypt, zlib decompress, json.loads each line, executemany into a batches table."""
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    cols = ", ".join(COLUMNS)
    conn.execute(f"CREATE TABLE batches (id TEXT PRIMARY KEY, hlc TEXT, {cols})")
    conn.execute(
        "CREATE TABLE field_clock (pk TEXT, col TEXT, hlc TEXT, base TEXT, PRIMARY KEY (pk, col))"
    )
    insert = f"INSERT INTO batches VALUES (?, ?, {', '.join('?' for _ in COLUMNS)})"
    start = time.perf_counter()
    data = pyrage.decrypt(sealed.read_bytes(), [identity])
    lines = zlib.decompress(data[64:]).split(b"\n")
    devices_ = json.loads(lines[0])["devices"]
    rows, clocks = [], []

    def hlc(c: list[int] | None) -> str | None:
        return None if c is None else f"{c[0]:013d}.{c[1]:06d}.{devices_[c[2]]}"

    for line in lines[1:-1]:
        _table, pk, created, _fields, values, overrides = json.loads(line)
        rows.append((pk, hlc(created), *values))
        clocks += [(pk, COLUMNS[i], hlc(h), hlc(b)) for i, h, b in overrides]
    conn.executemany(insert, rows)
    conn.executemany("INSERT INTO field_clock VALUES (?, ?, ?, ?)", clocks)
    conn.commit()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def raw_export_per_field(db: Path, keys: Any, recipient: str, out: Path) -> float:
    """Format 1's layout: one JSON object a field, 53-character clocks, no compression."""
    conn = sqlite3.connect(db)
    start = time.perf_counter()
    rows, edits = _select(conn)
    changes = []
    for row in rows:
        own = {COLUMNS[i]: (h, b) for i, h, b in edits.get(row[0], ())}
        for column, value in zip(COLUMNS, row[2:], strict=True):
            hlc, base = own.get(column, (row[1], None))
            changes.append(
                {
                    "table": "batches",
                    "pk": row[0],
                    "column": column,
                    "value": value,
                    "hlc": hlc,
                    "base": base,
                }
            )
    body = json.dumps({"changes": changes}, ensure_ascii=False, separators=(",", ":")).encode()
    signature = keys.signing_key.sign(body)
    out.write_bytes(pyrage.encrypt(signature + body, [pyrage.x25519.Recipient.from_str(recipient)]))
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def raw_import_per_field(sealed: Path, identity: Any, db: Path) -> float:
    """Format 1's raw import: decrypt, json.loads, one executemany upsert of the fields."""
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TABLE changes (tbl TEXT, pk TEXT, col TEXT, value, hlc TEXT, base TEXT, "
        "PRIMARY KEY (tbl, pk, col)) WITHOUT ROWID"
    )
    start = time.perf_counter()
    doc = json.loads(pyrage.decrypt(sealed.read_bytes(), [identity])[64:])
    conn.executemany(
        "INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tbl, pk, col) DO UPDATE SET "
        "value = excluded.value, hlc = excluded.hlc, base = excluded.base",
        [
            (c["table"], c["pk"], c["column"], c["value"], c["hlc"], c["base"])
            for c in doc["changes"]
        ],
    )
    conn.commit()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


# --- import into a new field device, in a child process ------------------------------------


def import_child(data_dir: Path, bundles: Sequence[Path], *, python_heap: bool) -> None:
    """Print idle RSS, peak RSS (KiB) and the time of importing every bundle, in order;
    with ``python_heap``, tracemalloc's peak instead (Python's allocations alone, slower)."""
    ws = open_workspace(data_dir)
    importer.verify_bundle(ws, Path(__file__))  # warm the code paths on a refused file
    manifest.schema_validator()  # the schema library loads once per process
    idle = _status_kib("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # VmHWM from now: not start-up's peak
    if python_heap:
        tracemalloc.start()
    times, outcomes = [], []
    for bundle in bundles:
        start = time.perf_counter()
        report = importer.import_bundle(ws, bundle)
        times.append(time.perf_counter() - start)
        outcomes.append(report.outcome)
    peak = _status_kib("VmHWM")
    heap = tracemalloc.get_traced_memory()[1] if python_heap else None
    ws.close()
    print(
        json.dumps(
            {
                "idle_kib": idle,
                "peak_kib": peak,
                "heap_peak": heap,
                "times": times,
                "outcomes": outcomes,
            }
        )
    )


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {field} (this benchmark needs Linux)")


def import_in_child(
    data_dir: Path, bundles: Sequence[Path], *, python_heap: bool = False
) -> dict[str, Any]:
    mode = "--heap-child" if python_heap else "--import-child"
    argv = [sys.executable, __file__, mode, str(data_dir), *map(str, bundles)]
    done = subprocess.run(argv, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout)
    bad = [o for o in result["outcomes"] if o != "applied"]
    if bad:
        raise RuntimeError(f"the new device did not apply every bundle: {bad}")
    return result


# --- the report -----------------------------------------------------------------------------


class Table:
    def __init__(self, title: str) -> None:
        print(f"\n{title}")
        print(f"  {'measure':<64} {'figure':>22} {'target':>9}  met")

    def row(self, what: str, figure: str, target: str = "", met: bool | None = None) -> None:
        mark = "" if met is None else ("yes" if met else "NO")
        print(f"  {what:<64} {figure:>22} {target:>9}  {mark}", flush=True)


def mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB"


# --- 1. sizes ----------------------------------------------------------------------------


def sizes(root: Path, counts: Sequence[int], keep: Sequence[int], rng: random.Random) -> dict:
    table = Table("1. Bundle size of a full export vs `sqlite3 DB .dump | gzip` (target <= 1.5x)")
    sites = {}
    for n in counts:
        site = build_site(root / f"site{n}", n, rng)
        result = full_export(site, root / f"sizes{n}")
        ours = sum(b.path.stat().st_size for b in result.bundles)
        dump = dump_gzip_bytes(database_path(site.hq_dir))
        identity = load_device_keys(site.field_dir).age_identity
        plain = max(manifest_bytes(b.path, identity) for b in result.bundles)
        ratio = ours / dump
        target = n in keep
        table.row(
            f"{result.changes:,} changes: {len(result.bundles)} bundle(s) vs dump|gzip",
            f"{mb(ours)} / {mb(dump)} = {ratio:.2f}x",
            "<= 1.5x" if target else "(info)",
            ratio <= 1.5 if target else None,
        )
        table.row(
            "  bytes a change: bundle / dump|gzip; largest plaintext",
            f"{ours / result.changes:.1f} / {dump / result.changes:.1f} B; {mb(plain)}",
        )
        shutil.rmtree(root / f"sizes{n}")
        if n in keep:
            sites[n] = site
        else:
            shutil.rmtree(site.root)
    return sites


# --- 2. whole processes ---------------------------------------------------------------------


def whole_process(root: Path, site: Site, repeat: int, target: bool) -> None:
    work = root / f"proc{site.changes}"
    work.mkdir()
    subprocess.run(
        ["minisign", "-G", "-W", "-p", work / "m.pub", "-s", work / "m.key"],
        check=True,
        capture_output=True,
    )
    recipient = load_device_keys(site.field_dir).age_recipient
    db = database_path(site.hq_dir)
    out = work / "stick"
    app = Path(sys.executable).with_name("alhol-desk")
    ours = [str(app), "--data-dir", str(site.hq_dir), "export", "--full", "--out", str(out)]
    raw = [
        "sh",
        "-c",
        f"sqlite3 '{db}' .dump | gzip | age -r {recipient} > '{work}/f' "
        f"&& minisign -S -s '{work}/m.key' -m '{work}/f'",
    ]

    def fresh_stick() -> None:
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()

    got = interleaved(repeat, lambda: run_process(ours, fresh_stick), lambda: run_process(raw))
    floor = median_of(repeat, lambda: run_process([*ours[:3], "keys", "show"]))
    bundles = len(list(out.iterdir()))
    table = Table(
        f"2. Whole process, {site.changes:,}-change HQ: `alhol-desk export --full` vs "
        "dump|gzip|age + minisign -S"
    )
    table.row(
        f"export --full ({bundles} bundles) vs raw, medians of {repeat} pairs",
        f"{got['a']:.2f} s / {got['b']:.2f} s",
    )
    table.row(
        "ratio (median of the pair ratios)",
        f"{got['ratio']:.2f}x",
        "<= 2.0x" if target else "(info)",
        got["ratio"] <= 2.0 if target else None,
    )
    table.row("  (`alhol-desk --data-dir HQ keys show`: start, open the folder)", f"{floor:.2f} s")
    shutil.rmtree(work)


# --- 3. in-process pipelines ------------------------------------------------------------------


def in_process(root: Path, site: Site, repeat: int) -> None:
    work = root / f"inproc{site.changes}"
    work.mkdir()
    db = database_path(site.hq_dir)
    hq_keys = load_device_keys(site.hq_dir)
    field_keys = load_device_keys(site.field_dir)
    recipient = field_keys.age_recipient
    pristine = work / "pristine"
    shutil.copytree(site.field_dir, pristine)

    def ours_export() -> float:
        shutil.rmtree(work / "stick", ignore_errors=True)
        return timed(lambda: full_export(site, work / "stick"))

    def raw_compact() -> float:
        return raw_export_compact(db, hq_keys, recipient, work / "compact.age")

    def raw_v1() -> float:
        return raw_export_per_field(db, hq_keys, recipient, work / "v1.age")

    exp = interleaved(repeat, ours_export, raw_compact)
    exp_v1 = median_of(repeat, raw_v1)
    bundles = sorted(
        (work / "stick").iterdir(), key=lambda p: manifest_seq(p, field_keys.age_identity)
    )

    def ours_import() -> float:
        target = work / "device"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(pristine, target)
        ws = open_workspace(target)
        importer.verify_bundle(ws, Path(__file__))  # warm, as the app's first import is
        manifest.schema_validator()
        start = time.perf_counter()
        for bundle in bundles:
            report = importer.import_bundle(ws, bundle)
            assert report.outcome == "applied", report.line()
        elapsed = time.perf_counter() - start
        ws.close()
        return elapsed

    identity = field_keys.age_identity
    imp = interleaved(
        repeat,
        ours_import,
        lambda: raw_import_compact(work / "compact.age", identity, work / "raw.sqlite3"),
    )
    imp_v1 = median_of(
        repeat, lambda: raw_import_per_field(work / "v1.age", identity, work / "raw1.sqlite3")
    )
    table = Table(
        f"3. In process, {site.changes:,} changes: ours vs a raw pipeline of the same compact "
        "form (target <= 2x)"
    )
    table.row(
        f"export (HQ full to a new device, {len(bundles)} bundles) vs raw compact",
        f"{exp['a']:.2f} s / {exp['b']:.2f} s",
    )
    table.row("  ratio export / raw compact", f"{exp['ratio']:.2f}x", "<= 2.0x", exp["ratio"] <= 2)
    table.row(
        "  ratio export / raw per-field (format 1's layout)",
        f"{exp['a'] / exp_v1:.2f}x ({exp_v1:.2f} s)",
        "(info)",
    )
    table.row(
        "  bundle bytes: ours / raw compact / raw per-field",
        f"{mb(sum(p.stat().st_size for p in bundles))} / "
        f"{mb((work / 'compact.age').stat().st_size)} / {mb((work / 'v1.age').stat().st_size)}",
    )
    table.row(
        "import (new device, every bundle) vs raw compact", f"{imp['a']:.2f} s / {imp['b']:.2f} s"
    )
    table.row("  ratio import / raw compact", f"{imp['ratio']:.2f}x", "<= 2.0x", imp["ratio"] <= 2)
    table.row(
        "  ratio import / raw per-field (format 1's layout)",
        f"{imp['a'] / imp_v1:.2f}x ({imp_v1:.2f} s)",
        "(info)",
    )
    shutil.rmtree(work)


def manifest_seq(bundle: Path, identity: Any) -> int:
    envelope = json.loads(pyrage.decrypt(bundle.read_bytes(), [identity]))
    payload = zlib.decompressobj().decompress(base64.b64decode(envelope["payload"]), 1 << 18)
    return int(json.loads(payload.split(b"\n", 1)[0])["seq"])


# --- 4 and 5. a fleet ---------------------------------------------------------------------------


def fleet(root: Path, count: int, per_device: int, rng: random.Random, repeat: int) -> None:
    """HQ and ``count`` field devices of ``per_device`` changes each, synced through bundles."""
    root.mkdir()
    stick = root / "stick"
    stick.mkdir()
    hq = initialise(root / "hq", team="HQ", role="hq", operator="hq")
    batches = -(-per_device // PER_BATCH)
    sent: list[Path] = []
    start = time.perf_counter()
    for i in range(count):
        field = initialise(root / f"f{i}", team=f"Team {i}", role="field", operator=f"officer {i}")
        enrol(hq, field, root)
        services.add_batches(field, batch_raws(batches, rng))
        (path,) = [b.path for b in exporter.export_bundle(field, stick).bundles]
        sent.append(path)
        field.close()
    setup = time.perf_counter() - start
    times, cpu = [], []
    for path in sent:
        start, start_cpu = time.perf_counter(), time.process_time()
        report = importer.import_bundle(hq, path)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        assert report.outcome == "applied", report.line()
    first, last = statistics.median(times[:10]), statistics.median(times[-10:])
    first_cpu, last_cpu = statistics.median(cpu[:10]), statistics.median(cpu[-10:])
    total = sum(1 for _ in hq.db.conn.execute("SELECT 1 FROM batches")) * PER_BATCH

    # 4. A new field device imports HQ's full export, in a fresh process.
    newcomer = initialise(root / "new", team="New laptop", role="field", operator="new")
    enrol(hq, newcomer, root)
    new_id = newcomer.device.id
    identity = load_device_keys(newcomer.data_dir).age_identity
    pristine = root / "new-pristine"
    shutil.copytree(newcomer.data_dir, pristine)
    newcomer.close()
    (root / "full").mkdir()
    start = time.perf_counter()
    full = exporter.export_bundle(hq, root / "full", full=True, to=new_id)
    full_s = time.perf_counter() - start
    hq.close()
    paths = [b.path for b in sorted(full.bundles, key=lambda b: b.seq)]
    plains = [manifest_bytes(p, identity) for p in paths]
    memory = import_in_child(root / "new", paths)
    above = (memory["peak_kib"] - memory["idle_kib"]) * 1024
    spare = root / "new-heap"
    shutil.copytree(pristine, spare)
    heap = import_in_child(spare, paths, python_heap=True)["heap_peak"]
    ratio = above / max(plains)

    table = Table(
        f"4. A new field device imports HQ's full export ({full.changes:,} changes, "
        f"{len(paths)} bundles), fresh process"
    )
    table.row(
        "largest bundle's plaintext (decompressed manifest); all bundles",
        f"{mb(max(plains))}; {mb(sum(plains))}",
    )
    table.row("peak RSS above the idle process (VmHWM - VmRSS)", mb(above))
    table.row("  ratio peak above idle / largest plaintext", f"{ratio:.2f}x", "<= 3.0x", ratio <= 3)
    table.row(
        "  Python allocations alone (tracemalloc peak, another fresh process)",
        f"{mb(heap)} = {heap / max(plains):.2f}x",
    )
    table.row(
        "  import time, every bundle; HQ's full export (in process)",
        f"{sum(memory['times']):.1f} s; {full_s:.1f} s",
    )

    # 5b. The newcomer confirms; one device sends 20,000 more; HQ's export to the newcomer.
    newcomer = open_workspace(root / "new")
    (ack,) = exporter.export_bundle(newcomer, stick).bundles
    newcomer.close()
    hq = open_workspace(root / "hq")
    assert importer.import_bundle(hq, ack.path).outcome == "applied"
    field = open_workspace(root / "f0")
    services.add_batches(field, batch_raws(batches, rng))
    (more,) = exporter.export_bundle(field, stick).bundles
    field.close()
    start = time.perf_counter()
    assert importer.import_bundle(hq, more.path).outcome == "applied"
    times.append(time.perf_counter() - start)
    lacks = batches * PER_BATCH  # f0 re-sends its unconfirmed first batches too
    out = root / "to_one"
    out.mkdir()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = exporter.export_bundle(hq, out, to=new_id)
        runs.append(time.perf_counter() - start)
    hq.close()
    to_one = statistics.median(runs)

    table = Table(
        f"5. HQ with {count} field devices x {per_device:,} changes ({total:,} changes at HQ)"
    )
    table.row(
        f"per-bundle import at HQ, median of the first 10 / last 10 of {len(sent)}",
        f"{first:.3f} s / {last:.3f} s",
    )
    table.row("  ratio last 10 / first 10", f"{last / first:.2f}x", "<= 1.2x", last / first <= 1.2)
    table.row(
        "  the same in CPU time (less moved by other work on the machine)",
        f"{first_cpu:.3f} / {last_cpu:.3f} s = {last_cpu / first_cpu:.2f}x",
        "<= 1.2x",
        last_cpu / first_cpu <= 1.2,
    )
    table.row(
        "  fastest of the first 10 / of the last 10 (wall; noise only adds)",
        f"{min(times[:10]):.3f} / {min(times[-10:]):.3f} s = "
        f"{min(times[-10:]) / min(times[:10]):.2f}x",
    )
    quarter = len(times) // 4
    table.row(
        "  wall medians by quarter of the imports",
        " / ".join(
            f"{statistics.median(times[i * quarter : (i + 1) * quarter]):.3f}" for i in range(4)
        ),
    )
    table.row(
        f"  every import: min / max; import {len(sent) + 1} (f0 again, after part 4)",
        f"{min(times):.3f} / {max(times):.3f}; {times[-1]:.3f} s",
    )
    table.row(
        f"export to the device that lacks {lacks:,} changes: changes written",
        f"{result.changes:,} in {len(result.bundles)} bundle(s)",
        f"~{lacks:,}",
        result.changes <= lacks * 1.05,
    )
    table.row(f"  time, median of {repeat}", f"{to_one:.3f} s", "<= 2 s", to_one <= 2.0)
    table.row("(setting up the field devices, in all)", f"{setup:.1f} s")


# ------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes: under a minute")
    parser.add_argument("--repeat", type=int, help="timings are medians of this (5; quick 3)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--only",
        choices=("sizes", "fleet"),
        help="sizes: parts 1-3 only (sizes, whole processes, in process); fleet: 4-5 only",
    )
    parser.add_argument("--import-child", nargs="+", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--heap-child", nargs="+", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.import_child or args.heap_child:
        data_dir, *bundles = args.import_child or args.heap_child
        import_child(Path(data_dir), [Path(p) for p in bundles], python_heap=bool(args.heap_child))
        return
    rng = random.Random(args.seed)
    if args.quick:
        counts = (1_000, 10_000, 50_000)
        keep, big, devices_, per_device = (50_000,), 50_000, 20, 2_500
        repeat = args.repeat or 3
    else:
        counts = (1_000, 10_000, 50_000, 100_000, 1_000_000)
        keep, big, devices_, per_device = (50_000, 1_000_000), 1_000_000, 50, 20_000
        repeat = args.repeat or 5
    print(
        f"bench_sync: {'quick' if args.quick else 'full'} mode, repeat {repeat}, seed {args.seed}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.only != "fleet":
            sites = sizes(root, counts, keep, rng)
            for n in sorted(sites):
                whole_process(root, sites[n], repeat if n < big or args.quick else 3, n == big)
            for n in sorted(sites):
                in_process(root, sites[n], repeat if n < big or args.quick else 3)
            for site in sites.values():
                shutil.rmtree(site.root)
        if args.only != "sizes":
            fleet(root / "fleet", devices_, per_device, rng, repeat)


if __name__ == "__main__":
    main()
