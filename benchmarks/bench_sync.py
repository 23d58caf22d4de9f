"""Export and import of a 50,000-change bundle next to the raw pipelines, and import memory.

Targets (DESIGN.md "Performance targets"), measured in this run:
- export <= 2x the raw pipeline: select + json.dumps + sign + encrypt
- import <= 2x the raw pipeline: age decrypt + json.loads + one executemany upsert
- import peak memory <= 3x the bundle's plaintext size above the idle process

    uv run python benchmarks/bench_sync.py [--changes 50000]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyrage

from alhol_desk.core import services
from alhol_desk.core.records import Batch
from alhol_desk.core.sync import devices, envelope, exporter, importer, manifest
from alhol_desk.core.sync.keys import load_device_keys
from alhol_desk.core.workspace import Workspace, initialise, open_workspace


def enrol(a: Workspace, b: Workspace, root: Path) -> None:
    for one, other in ((a, b), (b, a)):
        card = devices.write_card(one, root / f"{one.device.id}.card")
        devices.trust_card(other, card, devices.identity(one).fingerprint)


def populate(ws: Workspace, changes: int) -> None:
    per_batch = len(Batch.synced_columns())
    raws = [
        {
            "country": "RUS",
            "departure_date": "2024-03-01",
            "status": "received",
            "girls": 3 + i % 5,
            "boys": 2 + i % 7,
            "women": i % 3,
            "source": "benchmark",
            "note": f"synthetic batch {i}",
        }
        for i in range(-(-changes // per_batch))
    ]
    services.add_batches(ws, raws)


def raw_export(ws: Workspace, recipient: str) -> tuple[float, bytes]:
    keys = load_device_keys(ws.data_dir)
    start = time.perf_counter()
    conn = ws.db.conn
    columns = Batch.synced_columns()
    changes = [
        {"table": "batches", "pk": row[0], "column": c, "value": v, "hlc": row[1], "base": None}
        for row in conn.execute(f"SELECT id, hlc, {', '.join(columns)} FROM batches")
        for c, v in zip(columns, row[2:], strict=True)
    ]
    body = json.dumps({"changes": changes}, ensure_ascii=False, separators=(",", ":")).encode()
    signature = keys.signing_key.sign(body)
    sealed = pyrage.encrypt(body + signature, [pyrage.x25519.Recipient.from_str(recipient)])
    return time.perf_counter() - start, sealed


def raw_import(sealed: bytes, identity: pyrage.x25519.Identity, db_path: Path) -> float:
    conn = sqlite3.connect(db_path)
    conn.execute(
        "CREATE TABLE changes (tbl TEXT, pk TEXT, col TEXT, value, hlc TEXT, base TEXT, "
        "PRIMARY KEY (tbl, pk, col)) WITHOUT ROWID"
    )
    start = time.perf_counter()
    plain = pyrage.decrypt(sealed, [identity])
    doc = json.loads(plain[:-64])
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


def plaintext_size(ws: Workspace, bundle: Path) -> int:
    keys = load_device_keys(ws.data_dir)
    return len(envelope.decrypt(bundle.read_bytes(), keys.age_identity))


def measure_import_memory(data_dir: Path, bundle: Path) -> None:
    """Child process: print idle RSS and peak RSS (KiB) around one import."""
    ws = open_workspace(data_dir)
    importer.verify_bundle(ws, Path(__file__))  # warm the code paths on a refused file
    before_schema = _current_rss_kib()
    manifest.schema_validator()  # the schema library loads once per process; reported apart
    idle = _current_rss_kib()
    _reset_peak_rss()
    report = importer.import_bundle(ws, bundle)
    peak = _peak_rss_kib()
    ws.close()
    print(
        json.dumps(
            {
                "idle_kib": idle,
                "peak_kib": peak,
                "outcome": report.outcome,
                "schema_library_kib": idle - before_schema,
            }
        )
    )


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {field} (this benchmark needs Linux)")


def _current_rss_kib() -> int:
    return _status_kib("VmRSS")


def _reset_peak_rss() -> None:
    """Start the peak (VmHWM) from now: earlier start-up spikes are not the import's."""
    Path("/proc/self/clear_refs").write_text("5")


def _peak_rss_kib() -> int:
    return _status_kib("VmHWM")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3, help="timings are the median of this")
    parser.add_argument(
        "--memory-child", nargs=2, metavar=("DATA_DIR", "BUNDLE"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.memory_child:
        measure_import_memory(Path(args.memory_child[0]), Path(args.memory_child[1]))
        return

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        field = initialise(root / "field", team="Bench", role="field", operator="bench")
        hq = initialise(root / "hq", team="HQ", role="hq", operator="bench")
        enrol(field, hq, root)
        populate(field, args.changes)
        stick = root / "stick"
        stick.mkdir()

        exports, raws = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = exporter.export_bundle(field, stick, full=True)
            exports.append(time.perf_counter() - start)
            raw_s, raw_sealed = raw_export(field, load_device_keys(hq.data_dir).age_recipient)
            raws.append(raw_s)
        ours_export, raw_export_s = statistics.median(exports), statistics.median(raws)

        # Memory first, in a fresh process on a copy of HQ's folder (the import must be its first).
        plain = plaintext_size(hq, result.path)
        hq.close()
        memory = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--memory-child", str(root / "hq"), str(result.path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )

        hq2 = initialise(root / "hq2", team="HQ2", role="hq", operator="bench")
        # Import timing on a second HQ that trusts the same field device.
        card = devices.write_card(field, root / "field.card")
        devices.trust_card(hq2, card, devices.identity(field).fingerprint)
        for name in ("identity.age", "signing.key"):
            (root / "hq2" / "keys" / name).write_bytes((root / "hq" / "keys" / name).read_bytes())
        manifest.schema_validator()  # its library loads once per process, not per import
        start = time.perf_counter()
        report = importer.import_bundle(hq2, result.path)
        ours_import = time.perf_counter() - start
        assert report.outcome == "applied", report.line()
        raw_import_s = raw_import(
            raw_sealed, load_device_keys(hq2.data_dir).age_identity, root / "raw.sqlite3"
        )
        field.close()
        hq2.close()

    n = f"{result.changes:,}"
    above_idle = (memory["peak_kib"] - memory["idle_kib"]) * 1024
    print(f"{'measure':<50} {'value':>12} {'target':>10}")
    print(f"{'export ' + n + ' changes (ours)':<50} {ours_export:>10.3f} s")
    print(f"{'raw: select + json.dumps + sign + encrypt':<50} {raw_export_s:>10.3f} s")
    print(f"{'ratio export / raw':<50} {ours_export / raw_export_s:>11.2f}x {'<= 2.0x':>10}")
    print(f"{'import ' + n + ' changes (ours)':<50} {ours_import:>10.3f} s")
    print(f"{'raw: decrypt + json.loads + executemany upsert':<50} {raw_import_s:>10.3f} s")
    print(f"{'ratio import / raw':<50} {ours_import / raw_import_s:>11.2f}x {'<= 2.0x':>10}")
    print(f"{'bundle plaintext (envelope)':<50} {plain / 1e6:>9.1f} MB")
    print(f"{'import peak memory above idle':<50} {above_idle / 1e6:>9.1f} MB")
    print(f"{'ratio peak above idle / plaintext':<50} {above_idle / plain:>11.2f}x {'<= 3.0x':>10}")
    print(
        f"{'(schema library, loaded once per process)':<50} "
        f"{memory['schema_library_kib'] / 1024:>9.1f} MB"
    )


if __name__ == "__main__":
    main()
