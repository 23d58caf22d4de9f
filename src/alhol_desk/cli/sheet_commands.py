"""``import-sheet``: batches from a CSV or XLSX file (docs/spreadsheets.md).

Rows' problems are printed in English on stderr, one line each, with the row number the
spreadsheet shows, the column's header and the field; the counts go to stdout. The core
(even its errors) is imported inside the handler: the parser imports this module on the
way to opening the window (docs/performance.md).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .commands import _workspace
from .options import BATCH_OPTIONS

if TYPE_CHECKING:
    from ..core.sheets import RowProblem, SheetPlan


def add_commands(sub: Any) -> None:
    sheet = sub.add_parser(
        "import-sheet",
        help="import batches from a CSV or XLSX file (a dry run first, with --dry-run)",
        epilog="Columns are matched by header (English or Arabic), by HXL hashtag, or by "
        "--map; docs/spreadsheets.md lists the names understood. A row equal to a recorded "
        "batch (country, date and every count) is not added again.",
    )
    sheet.add_argument("file", metavar="FILE")
    sheet.add_argument(
        "--sheet",
        metavar="NAME",
        help="the workbook's sheet (default: the one whose header names the most fields)",
    )
    sheet.add_argument(
        "--map",
        metavar="COLUMN=FIELD",
        action="append",
        default=[],
        help="read COLUMN as FIELD (a field name such as girls or departure_date, or a "
        "batch option such as girls-0-4); COLUMN= leaves a column out",
    )
    sheet.add_argument("--dry-run", action="store_true", help="check every row; write nothing")
    sheet.add_argument(
        "--skip-refused",
        action="store_true",
        help="import the rows that pass even when others are refused",
    )
    sheet.set_defaults(handler=import_sheet)


def parse_map(items: Sequence[str]) -> dict[str, str]:
    """``--map COLUMN=FIELD`` items; FIELD is a field name or a batch option's name."""
    from ..core.errors import AlholError

    mapping: dict[str, str] = {}
    for item in items:
        column, sep, field = item.rpartition("=")
        if not sep or not column.strip():
            raise AlholError("sheet_map_not_pair", item=item)
        name = field.strip()
        if name:
            name = BATCH_OPTIONS.get(f"--{name.lstrip('-')}", name.replace("-", "_"))
        mapping[column.strip()] = name
    return mapping


def problem_line(problem: RowProblem) -> str:
    where = f"row {problem.row}"
    field = problem.issue.field
    label = f"{problem.column} ({field})" if problem.column else field
    return f"{where}, {label}: {problem.issue.reason}"


def _report(plan: SheetPlan, *, dry_run: bool) -> None:
    for row in plan.rows:
        for problem in row.errors:
            print(f"refused: {problem_line(problem)}", file=sys.stderr)
        if row.refused:
            continue
        if row.recorded_as:
            print(
                f"row {row.row}: already recorded as batch {row.recorded_as}; not added",
                file=sys.stderr,
            )
        elif row.repeats_row:
            print(
                f"row {row.row}: repeats row {row.repeats_row} of this sheet; not added",
                file=sys.stderr,
            )
        elif row.same_day:
            print(
                f"row {row.row}: possible duplicate of batch {', '.join(row.same_day)} "
                "(same country and date, other counts); check it",
                file=sys.stderr,
            )
        for problem in row.warnings:
            print(f"warning: {problem_line(problem)}", file=sys.stderr)
    counts = plan.summary()
    verb = "would be added" if dry_run else "added"
    print(
        f"{plan.sheet}: {counts['rows']} rows; {counts['new']} {verb}, "
        f"{counts['already_recorded']} already recorded, {counts['refused']} refused, "
        f"{counts['possible_duplicates']} possible duplicates"
    )


def _columns(plan: SheetPlan) -> None:
    for column in plan.layout.columns:
        if column.field is None and column.how == "unknown" and column.header:
            print(f"column {column.header!r}: not a batch field; not imported", file=sys.stderr)


def import_sheet(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.errors import AlholError
    from ..core.sheets import RowsRefused, load_sheet, plan_sheet
    from ..core.sheets import import_sheet as add_rows

    mapping = parse_map(args.map)
    sheet, _names = load_sheet(Path(args.file), args.sheet, mapping)
    with _workspace(args, data_dir) as ws:
        if args.dry_run:
            plan = plan_sheet(ws, sheet, mapping)
        else:
            try:
                plan = add_rows(ws, sheet, mapping, skip_refused=args.skip_refused).plan
            except RowsRefused as refused:
                _columns(refused.plan)
                _report(refused.plan, dry_run=True)
                raise
    _columns(plan)
    _report(plan, dry_run=args.dry_run)
    if args.dry_run and plan.refused and not args.skip_refused:
        raise AlholError("sheet_rows_refused", count=len(plan.refused))
    return 0
