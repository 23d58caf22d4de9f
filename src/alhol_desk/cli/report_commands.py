"""Commands for reports (CSV, XLSX, and PDF through the desktop app), backup and restore.

The core (reports, backup, even its errors) is imported inside the handlers: the parser
imports this module on the way to opening the window (docs/performance.md).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .commands import _workspace
from .options import CSV_TABLES

if TYPE_CHECKING:
    from ..core.reports import Report

FORMATS = ("csv", "xlsx", "pdf")
PDF_MODULE = "alhol_desk.gui.pdf_report"  # provides write_pdf(report, out) -> Path


def _pdf_writer() -> Callable[[Report, Path], Path]:
    """The PDF is drawn with Qt by the desktop app's code; the core has no PDF stack."""
    from ..core.errors import AlholError

    try:
        module = importlib.import_module(PDF_MODULE)
    except ImportError:
        raise AlholError("pdf_unavailable") from None
    writer: Callable[[Report, Path], Path] = module.write_pdf
    return writer


def report(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core import report_files
    from ..core.errors import AlholError
    from ..core.periods import parse_period
    from ..core.reports import build_report

    out = Path(args.out)
    if args.table is not None and args.format != "csv":
        raise AlholError("csv_table_only")
    period = parse_period(
        month=args.month, quarter=args.quarter, year=args.year, start=args.start, end=args.end
    )
    write_pdf = _pdf_writer() if args.format == "pdf" else None
    report_files.check_out_path(out)
    with _workspace(args, data_dir) as ws:
        built = build_report(ws, suppress_small=args.suppress_small, period=period)
    if write_pdf is not None:
        path = write_pdf(built, out)
    elif args.format == "xlsx":
        path = report_files.write_xlsx(built, out)
    else:
        path = report_files.write_csv(built, out, table=args.table or "batches")
    rows = len(built.batches.rows) - built.apart, len(built.countries.rows)
    shared = "small counts suppressed" if built.suppressed else "small counts shown (HQ only)"
    print(
        f"{built.period.heading}: {rows[0]} batches, {rows[1]} countries; {shared}", file=sys.stderr
    )
    if built.apart:
        print(
            f"{built.apart} batches dated less precisely than the period listed apart "
            "(not counted in its figures)",
            file=sys.stderr,
        )
    print(path)
    return 0


def backup(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core import backup as backups

    path = backups.backup_database(data_dir, Path(args.out))
    print(path)
    return 0


def restore(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core import backup as backups
    from ..core.messages import Message

    done = backups.restore_database(data_dir, Path(args.file))
    if done.kept_aside is not None:
        print(Message("restore_kept_aside", {"path": done.kept_aside}), file=sys.stderr)
    if done.carried:
        kept = Message("restore_kept_position", {"what": " and ".join(done.carried)})
        print(kept, file=sys.stderr)
    print(Message("restored_from", {"path": done.source, "version": done.schema_version}))
    return 0


def add_commands(sub: object) -> None:
    """Register the report, backup and restore commands on the main parser's command list."""
    from .parser import _Commands

    assert isinstance(sub, _Commands)
    rep = sub.add_parser(
        "report",
        help="write the monthly report (of a month, quarter, year or range): CSV with HXL "
        "tags, XLSX, or PDF",
        epilog="CSV holds one table (--table, default batches); XLSX holds a summary sheet "
        "and one sheet per table; PDF needs the desktop app. See docs/reports.md.",
    )
    rep.add_argument("--format", required=True, choices=FORMATS)
    rep.add_argument("--out", required=True, metavar="FILE")
    rep.add_argument(
        "--suppress-small",
        action="store_true",
        help="for reports that leave HQ: counts of 1 to 4 shown as <5, notes left out",
    )
    rep.add_argument("--table", choices=CSV_TABLES, help="CSV only: which table (default batches)")
    when = rep.add_argument_group(
        "period",
        "one of: --month, --quarter, --year, or --from and/or --to (default: all time). A "
        "batch dated only to a year (or to a month a range cuts) that may fall in the "
        "period is listed apart, never counted in it.",
    )
    when.add_argument("--month", metavar="YYYY-MM", help="a month, e.g. 2024-05")
    when.add_argument("--quarter", metavar="YYYY-QN", help="a quarter, e.g. 2024-Q2")
    when.add_argument("--year", metavar="YYYY", help="a year, e.g. 2024")
    when.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help="first day: a day, a month (its first day) or a year (1 January)",
    )
    when.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        help="last day, included: a day, a month (its last day) or a year (31 December)",
    )
    rep.set_defaults(handler=report)

    bak = sub.add_parser("backup", help="write a consistent copy of the database; prints its path")
    bak.add_argument(
        "--out", required=True, metavar="FILE", help="a new file, or a folder to put a dated one in"
    )
    bak.set_defaults(handler=backup)

    res = sub.add_parser(
        "restore",
        help="replace the database with a backup (the current one is kept aside)",
        epilog="Close the window first. A file that is not an alhol-desk backup of this "
        "device is refused and nothing changes.",
    )
    res.add_argument("file", metavar="FILE")
    res.set_defaults(handler=restore)
