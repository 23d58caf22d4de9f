"""Spreadsheet import against the raw pipeline: openpyxl alone plus one ``executemany``.

Target (issue 14): importing a 10,000-row XLSX (dry run, and import) <= 3x the time of
reading the same file with openpyxl (read-only, values only) and inserting its rows with
one ``executemany`` into a table of the same shape, measured in the same run. Medians of
several runs, ours and raw in turn; in-process and as whole processes (a process each:
``alhol-desk import-sheet`` against this script's own ``--raw`` mode).

    uv run python benchmarks/bench_sheet_import.py [--sizes 1000 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HEADERS = [
    "Country", "Departure date", "Status", "Batch reference", "Families", "Women", "Men",
    "Girls", "Boys", "Children (sheet total)", "Youngest child's age", "Oldest child's age",
    "Unaccompanied children", "Separated children", "Destination", "Receiving agency",
    "Source", "Note",
]  # fmt: skip
COUNTRIES = ["RUS", "IRQ", "FRA", "DEU", "KAZ", "UZB", "TJK", "NLD", "BEL", "USA"]


def write_workbook(path: Path, rows: int) -> None:
    import openpyxl

    rng = random.Random(rows)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Register")
    sheet.append(HEADERS)
    for n in range(rows):
        girls, boys = rng.randint(0, 20), rng.randint(1, 20)
        sheet.append([
            rng.choice(COUNTRIES), f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "received", f"REF-{n}", rng.randint(1, 2), rng.randint(1, 10), rng.randint(0, 5),
            girls, boys, girls + boys, 1, 17, 0, 0, "Baghdad", "UNHCR", "register", None,
        ])  # fmt: skip
    book.save(path)


# --- the raw pipeline -----------------------------------------------------------------------


def raw_import(xlsx: Path, db_path: Path) -> int:
    """openpyxl (read-only, values only) and one executemany into a same-shape table."""
    import openpyxl

    book = openpyxl.load_workbook(xlsx, read_only=True, data_only=True)
    width = len(HEADERS)
    rows = [
        row + (None,) * (width - len(row))  # read-only rows end at their last value
        for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)
    ]
    book.close()
    conn = sqlite3.connect(db_path)
    columns = ", ".join(f"c{i}" for i in range(len(HEADERS)))
    conn.execute(f"CREATE TABLE IF NOT EXISTS batches (id INTEGER PRIMARY KEY, {columns})")
    marks = ", ".join("?" for _ in HEADERS)
    with conn:
        conn.executemany(f"INSERT INTO batches ({columns}) VALUES ({marks})", rows)
    conn.close()
    return len(rows)


# --- ours -----------------------------------------------------------------------------------


def prepared_folder(template: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return target


def ours(xlsx: Path, data_dir: Path, *, dry_run: bool) -> int:
    from alhol_desk.core.sheets import import_sheet, load_sheet, plan_sheet
    from alhol_desk.core.workspace import open_workspace

    ws = open_workspace(data_dir, operator="bench")
    try:
        sheet, _ = load_sheet(xlsx)
        if dry_run:
            return len(plan_sheet(ws, sheet).new)
        return len(import_sheet(ws, sheet).ids)
    finally:
        ws.close()


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def paired(
    a: Callable[[int], float], b: Callable[[int], float], repeat: int
) -> tuple[float, float, float]:
    """Medians of A, of B and of A/B pair by pair, A and B run in turn."""
    pairs = [(a(i), b(i)) for i in range(repeat)]
    return (
        statistics.median(p[0] for p in pairs),
        statistics.median(p[1] for p in pairs),
        statistics.median(p[0] / p[1] for p in pairs),
    )


def bench_size(size: int, repeat: int, root: Path, template: Path) -> None:
    xlsx = root / f"sheet-{size}.xlsx"
    write_workbook(xlsx, size)
    raw_db = root / "raw.sqlite3"
    app = [sys.executable, "-m", "alhol_desk"]

    def raw_in(_i: int) -> float:
        raw_db.unlink(missing_ok=True)
        return timed(lambda: raw_import(xlsx, raw_db))

    def raw_process(_i: int) -> float:
        raw_db.unlink(missing_ok=True)
        command = [sys.executable, __file__, "--raw", str(xlsx), str(raw_db)]
        return timed(lambda: subprocess.run(command, check=True))

    for dry in (True, False):

        def ours_in(_i: int, dry: bool = dry) -> float:
            folder = prepared_folder(template, root / "data")
            return timed(lambda: ours(xlsx, folder, dry_run=dry))

        def ours_process(_i: int, dry: bool = dry) -> float:
            folder = prepared_folder(template, root / "data")
            command = [*app, "--data-dir", str(folder), "import-sheet", str(xlsx)]
            command += ["--dry-run"] if dry else []
            return timed(lambda: subprocess.run(command, check=True, capture_output=True))

        what = "dry run" if dry else "import"
        for label, a, b in (
            (f"{what}, in-process", ours_in, raw_in),
            (f"{what}, whole process", ours_process, raw_process),
        ):
            mine, theirs, ratio = paired(a, b, repeat)
            print(f"{size:>7}  {label:<28} {mine:>7.2f}s {theirs:>7.2f}s {ratio:>5.2f}x  <= 3x")


def run(sizes: list[int], repeat: int, root: Path) -> None:
    from alhol_desk.core.workspace import initialise

    template = root / "template"
    initialise(template, team="Bench", role="hq", operator="bench").close()
    print(f"{'rows':>7}  {'measure':<28} {'ours':>8} {'raw':>8} {'ratio':>6}  target")
    for size in sizes:
        bench_size(size, repeat, root, template)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--raw", nargs=2, metavar=("XLSX", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.raw:
        raw_import(Path(args.raw[0]), Path(args.raw[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        run(args.sizes, args.repeat, Path(folder))


if __name__ == "__main__":
    main()
