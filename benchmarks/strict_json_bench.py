"""Reading a 50,000-change format-2 manifest, next to plain ``json.loads`` of the same lines.

What the checks cost: the header's strict parse and schema check, then each record line
decoded and checked into changes (``manifest.read_manifest``), against the raw counterpart
that trusts the file (``zlib.decompress`` + ``json.loads`` of every line). Both start from
the same compressed payload. Measured in this run, best of ``--repeat``.

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
import zlib
from collections.abc import Callable
from typing import Any

from alhol_desk.core.sync import manifest
from alhol_desk.core.sync.change_shapes import Change

NOTES = [
    "received at the border crossing",
    "استلمت في معبر فيشخابور",
    'two lines\nand a "quote"',
    "",
]


def sample_manifest(changes: int, rng: random.Random) -> bytes:
    """Whole batch records (every column), a quarter with one field edited later on
    another device, until ``changes`` fields are written: what a full export holds."""
    devices = [uuid.UUID(int=rng.getrandbits(128)).hex for _ in range(4)]
    columns = manifest.synced_columns()
    batch = columns["batches"]
    clocks = manifest.Clocks()
    lines = []
    wall = 1_717_000_000_000
    written = 0
    while written < changes:
        wall += rng.randint(0, 3000)
        created = f"{wall:013d}.{rng.randint(0, 9):06d}.{rng.choice(devices)}"
        fields: dict[str, tuple[Any, str, str | None]] = {}
        for column in batch:
            value: Any
            if column in ("women", "men", "girls", "boys", "unaccompanied", "separated"):
                value = rng.randint(0, 40)
            elif column == "deleted":
                value = 0
            elif column == "note":
                value = rng.choice(NOTES) if rng.random() < 0.8 else None
            elif column in ("departure_date", "source_date"):
                value = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            elif column in ("country", "status", "source"):
                value = rng.choice(["RUS", "IRQ", "FRA", "received", "planned"])
            else:
                value = None
            fields[column] = (value, created, None)
        if rng.random() < 0.25:
            edited = f"{wall + 5000:013d}.000000.{rng.choice(devices)}"
            fields["note"] = (rng.choice(NOTES), edited, created)
        pk = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        lines.append(manifest.record_line(clocks, batch, "batches", pk, created, fields))
        written += len(fields)
    header = manifest.header_line(
        bundle_id=uuid.UUID(int=rng.getrandbits(128)).hex,
        kind="changes",
        sender=manifest.Sender(devices[0], "ab" * 16, "Hasakah 1"),
        recipients=["cd" * 16],
        seq=7,
        prev="0f" * 32,
        first_seq=7,
        last=True,
        acks={devices[1]: 3, devices[2]: 12},
        created_at="2024-06-01T10:00:00Z",
        devices=list(clocks.devices),
        authors=list(clocks.authors),
        columns=columns,
        app={"version": "bench", "schema": 1},
    )
    return b"".join(line + b"\n" for line in (header, *lines))


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


def raw_read(payload: bytes) -> list[Any]:
    """The raw pipeline's parse: inflate, split, ``json.loads`` each line, no checks."""
    return [json.loads(line) for line in zlib.decompress(payload).split(b"\n") if line]


def checked_read(payload: bytes) -> list[Change]:
    _, chunks = manifest.read_manifest(payload)
    return [change for chunk in chunks for change in chunk]


def upsert(changes: list[Change]) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE field_clock (tbl TEXT, pk TEXT, col TEXT, value, hlc TEXT, base TEXT,"
        " PRIMARY KEY (tbl, pk, col)) WITHOUT ROWID"
    )
    with conn:
        conn.executemany(
            "INSERT INTO field_clock VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT DO UPDATE SET value = excluded.value, hlc = excluded.hlc",
            (change[:6] for change in changes),  # without the author
        )
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()

    text = sample_manifest(args.changes, random.Random(1))
    payload = manifest.compress(text)
    head = text[: text.index(b"\n")]
    start = time.perf_counter()
    manifest.parse_header(head)  # first call: imports jsonschema, builds the validator
    first_call = time.perf_counter() - start
    changes = checked_read(payload)
    records = text.count(b"\n") - 1

    inflate = best(lambda: zlib.decompress(payload), args.repeat)
    raw = best(lambda: raw_read(payload), args.repeat)
    header = best(lambda: manifest.parse_header(head), args.repeat)
    header_raw = best(lambda: json.loads(head), args.repeat)
    checked = best(lambda: checked_read(payload), args.repeat)
    gc.disable()  # the parsed lines have no cycles: what the cyclic collector costs
    try:
        checked_no_gc = best(lambda: checked_read(payload), args.repeat)
        raw_no_gc = best(lambda: raw_read(payload), args.repeat)
    finally:
        gc.enable()
    raw_upsert = best(lambda: upsert(changes), args.repeat)

    print(
        f"manifest: {len(changes):,} changes in {records:,} records, "
        f"{len(text) / 1e6:.2f} MB of text, {len(payload) / 1e6:.2f} MB compressed"
    )
    print(f"{'step':<50}{'ms':>9}{'ratio':>9}")
    rows = [
        ("zlib.decompress alone", inflate, inflate / raw),
        ("raw: decompress + json.loads of each line", raw, 1.0),
        ("  the same with the cyclic gc paused", raw_no_gc, raw_no_gc / raw),
        ("json.loads of the header line", header_raw, header_raw / raw),
        ("parse_header (strict parse + schema)", header, header / raw),
        ("  first call (jsonschema import + build)", first_call, first_call / raw),
        ("read_manifest: header + every record, checked", checked, checked / raw),
        ("  the same with the cyclic gc paused", checked_no_gc, checked_no_gc / raw),
        ("raw executemany upsert of the changes (scale)", raw_upsert, raw_upsert / raw),
    ]
    for name, seconds, ratio in rows:
        print(f"{name:<50}{seconds * 1000:>9.1f}{ratio:>8.2f}x")
    raw_pipeline = raw + raw_upsert
    ours = checked + raw_upsert
    print(
        f"raw read + upsert: {raw_pipeline * 1000:.1f} ms; with the checked read instead: "
        f"{ours * 1000:.1f} ms ({ours / raw_pipeline:.2f}x)"
    )


if __name__ == "__main__":
    main()
