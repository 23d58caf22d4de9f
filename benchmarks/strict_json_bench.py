"""Strict parse + schema check of a 50,000-change manifest, next to plain ``json.loads``.

Target (DESIGN.md "Performance targets"): importing a 50,000-change bundle stays within
2x of the raw pipeline (decrypt + ``json.loads`` + one ``executemany`` upsert). This
prints what the parse-and-check steps cost against their raw counterparts, measured in
this run (best of ``--repeat``).

    uv run python benchmarks/strict_json_bench.py [--changes 50000] [--repeat 9]
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sqlite3
import time
import uuid
from collections.abc import Callable
from typing import Any

from alhol_desk.core.sync.manifest import manifest_bytes, validate_manifest
from alhol_desk.core.sync.strict_json import loads_strict

COLUMNS = ["country", "status", "departure_date", "women", "men", "girls", "boys", "note"]
NOTES = [
    "received at the border crossing",
    "استلمت في معبر فيشخابور",
    'two lines\nand a "quote"',
    "",
]


def sample_manifest(changes: int, rng: random.Random) -> dict[str, Any]:
    devices = [uuid.UUID(int=rng.getrandbits(128)).hex for _ in range(4)]
    rows = []
    wall = 1_717_000_000_000
    record = str(uuid.UUID(int=rng.getrandbits(128)))
    for i in range(changes):
        if i % 8 == 0:
            record = str(uuid.UUID(int=rng.getrandbits(128)))
        wall += rng.randint(0, 3)
        column = COLUMNS[i % len(COLUMNS)]
        value: Any
        if column in ("women", "men", "girls", "boys"):
            value = rng.randint(0, 40)
        elif column == "note":
            value = rng.choice(NOTES) if rng.random() < 0.8 else None
        elif column == "departure_date":
            value = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        else:
            value = rng.choice(["RUS", "IRQ", "FRA", "received", "planned"])
        hlc = f"{wall:013d}.{rng.randint(0, 9):06d}.{rng.choice(devices)}"
        base = None if rng.random() < 0.5 else f"{wall - 5000:013d}.000000.{rng.choice(devices)}"
        rows.append(
            {
                "table": "batches",
                "pk": record,
                "column": column,
                "value": value,
                "hlc": hlc,
                "base": base,
            }
        )
    return {
        "format": "alhol-desk-bundle",
        "format_version": 1,
        "schema_version": 1,
        "bundle_id": uuid.UUID(int=rng.getrandbits(128)).hex,
        "kind": "changes",
        "sender": {"device_id": devices[0], "key_id": "ab" * 16, "team": "Hasakah 1"},
        "recipients": ["cd" * 16, "ef" * 16],
        "seq": 7,
        "prev": "0f" * 32,
        "acks": {devices[1]: 3, devices[2]: 12},
        "created_at": "2024-06-01T10:00:00Z",
        "changes": rows,
    }


def best(fn: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` runs; the result is freed outside the timed span."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        del result
    return min(times)


def upsert(doc: dict[str, Any]) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE field_clock (tbl TEXT, pk TEXT, col TEXT, value, hlc TEXT, base TEXT,"
        " PRIMARY KEY (tbl, pk, col)) WITHOUT ROWID"
    )
    with conn:
        conn.executemany(
            "INSERT INTO field_clock VALUES (:table, :pk, :column, :value, :hlc, :base)"
            " ON CONFLICT DO UPDATE SET value = excluded.value, hlc = excluded.hlc",
            doc["changes"],
        )
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()

    data = manifest_bytes(sample_manifest(args.changes, random.Random(1)))
    start = time.perf_counter()
    validate_manifest(loads_strict(data))  # first call: imports jsonschema, builds the validator
    first_call = time.perf_counter() - start

    raw_loads = best(lambda: json.loads(data), args.repeat)
    strict = best(lambda: loads_strict(data), args.repeat)
    doc = loads_strict(data)
    validate = best(lambda: validate_manifest(doc), args.repeat)
    both = best(lambda: validate_manifest(loads_strict(data)), args.repeat)
    raw_upsert = best(lambda: upsert(doc), args.repeat)
    gc.disable()  # the JSON tree has no cycles: what the cyclic collector costs while it grows
    try:
        both_no_gc = best(lambda: validate_manifest(loads_strict(data)), args.repeat)
    finally:
        gc.enable()

    print(f"manifest: {args.changes:,} changes, {len(data) / 1e6:.1f} MB")
    print(f"{'step':<42}{'ms':>9}{'ratio':>9}")
    rows = [
        ("json.loads (baseline)", raw_loads, 1.0),
        ("loads_strict", strict, strict / raw_loads),
        ("validate_manifest", validate, validate / raw_loads),
        ("loads_strict + validate_manifest", both, both / raw_loads),
        ("  the same with the cyclic gc paused", both_no_gc, both_no_gc / raw_loads),
        ("  first call (jsonschema import + build)", first_call, first_call / raw_loads),
        ("raw executemany upsert (for scale)", raw_upsert, raw_upsert / raw_loads),
    ]
    for name, seconds, ratio in rows:
        print(f"{name:<42}{seconds * 1000:>9.1f}{ratio:>8.2f}x")
    raw_pipeline = raw_loads + raw_upsert
    ours = both + raw_upsert
    print(
        f"json.loads + upsert: {raw_pipeline * 1000:.1f} ms; with strict parse + schema "
        f"instead: {ours * 1000:.1f} ms ({ours / raw_pipeline:.2f}x)"
    )


if __name__ == "__main__":
    main()
