"""Saving batches: the median one-by-one save, and a bulk insert next to raw executemany.

Targets (DESIGN.md "Performance targets"): one save <= 20 ms median (validation,
audit, clock, commit); a bulk insert of 50,000 batches <= 2x a raw
``sqlite3.executemany`` of the same rows into the same schema, measured in this run.

    uv run python benchmarks/bench_save.py [--saves 1000] [--bulk 50000]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from alhol_desk.core import services
from alhol_desk.core.records import Batch
from alhol_desk.core.workspace import initialise

COUNTRIES = ["RUS", "IRQ", "FRA", "DEU", "KAZ", "UZB", "TJK", "NLD", "BEL", "USA"]


def sample_batch(rng: random.Random) -> dict[str, object]:
    girls, boys, women = rng.randint(0, 20), rng.randint(1, 20), rng.randint(0, 10)
    return {
        "country": rng.choice(COUNTRIES),
        "status": "received",
        "departure_date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "girls": girls,
        "boys": boys,
        "women": women,
        "children": girls + boys,
        "min_age": 1,
        "max_age": 17,
        "source": "benchmark",
        "note": "synthetic row",
    }


def bench_saves(root: Path, count: int) -> float:
    ws = initialise(root / "saves", team="Bench", role="field", operator="bench")
    rng = random.Random(1)
    times = []
    for _ in range(count):
        raw = sample_batch(rng)
        start = time.perf_counter()
        services.save_batch(ws, raw)
        times.append(time.perf_counter() - start)
    ws.close()
    return statistics.median(times)


def bench_bulk(root: Path, count: int, repeat: int) -> tuple[float, float, float]:
    """Medians over ``repeat`` runs, each on a fresh database."""
    runs = [bench_bulk_once(root / f"run-{i}", count) for i in range(repeat)]
    return tuple(statistics.median(values) for values in zip(*runs, strict=True))  # type: ignore[return-value]


def bench_bulk_once(root: Path, count: int) -> tuple[float, float, float]:
    """(validation, our write, raw write) in seconds; ``add_batches`` is validation + write."""
    rng = random.Random(2)
    raws = [sample_batch(rng) for _ in range(count)]

    root.mkdir(parents=True)
    ws = initialise(root / "bulk", team="Bench", role="field", operator="bench")
    # Validation alone, then the public bulk path (validation + write) on the same rows: the
    # write's share is the difference (the writer itself is private to the validation gate).
    start = time.perf_counter()
    services.check_new_batches(ws, raws)
    checked = time.perf_counter()
    services.add_batches(ws, raws)
    added = time.perf_counter()
    written = checked + max(0.0, (added - checked) - (checked - start))
    ws.close()

    # Raw baseline: the same rows (already validated, with ids) into an identical schema.
    schema_source = sqlite3.connect(root / "bulk" / "alhol-desk.sqlite3")
    schema = [
        row[0]
        for row in schema_source.execute(
            "SELECT sql FROM sqlite_master "
            "WHERE name IN ('countries', 'batches') AND type = 'table'"
        )
    ]
    countries = schema_source.execute("SELECT * FROM countries").fetchall()
    schema_source.close()
    raw_db = sqlite3.connect(root / "raw.sqlite3")
    raw_db.execute("PRAGMA journal_mode = WAL")
    raw_db.execute("PRAGMA synchronous = NORMAL")
    raw_db.execute("PRAGMA foreign_keys = ON")
    for sql in schema:
        raw_db.execute(sql)
    raw_db.executemany("INSERT INTO countries VALUES (?, ?, ?, ?, ?)", countries)
    raw_db.commit()
    columns = ("hlc", *Batch.columns())
    rows = []
    hlc = "1732712345678.000000." + "0" * 32
    for raw in raws:
        batch = Batch(id=services.new_id(), **raw)  # type: ignore[arg-type]
        rows.append((hlc, *(getattr(batch, c) for c in columns[1:])))
    sql = f"INSERT INTO batches ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    raw_start = time.perf_counter()
    raw_db.executemany(sql, rows)
    raw_db.commit()
    baseline = time.perf_counter() - raw_start
    raw_db.close()
    return checked - start, written - checked, baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=1000)
    parser.add_argument("--bulk", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3, help="bulk figures are medians")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        median = bench_saves(root, args.saves)
        checking, writing, baseline = bench_bulk(root, args.bulk, args.repeat)
    n = f"{args.bulk:,}"
    print(f"{'measure':<52} {'value':>12} {'target':>10}")
    print(
        f"{'save one batch (validate, clock, audit, commit), median':<52} "
        f"{median * 1000:>9.2f} ms {'<= 20 ms':>10}"
    )
    print(f"{'bulk: write ' + n + ' batches with clock and audit':<52} {writing:>10.3f} s")
    print(f"{'raw: executemany of the same rows':<52} {baseline:>10.3f} s")
    print(f"{'ratio write / raw':<52} {writing / baseline:>11.2f}x {'<= 2.0x':>10}")
    print(f"{'bulk: validate the ' + n + ' batches first':<52} {checking:>10.3f} s")
    print(
        f"{'ratio validate + write / raw (add_batches)':<52} "
        f"{(checking + writing) / baseline:>11.2f}x {'(info)':>10}"
    )


if __name__ == "__main__":
    main()
