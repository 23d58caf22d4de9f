"""One function per command: parse arguments into service calls, print results.

The core (even its errors) is imported inside the handlers, not here: the parser imports
this module on the way to opening the window, and the core's imports would delay it
(docs/performance.md).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .options import BATCH_OPTIONS, STATUS_EVENT_OPTIONS

if TYPE_CHECKING:
    from ..core.errors import Issue
    from ..core.overview import Stats
    from ..core.workspace import Workspace

Handler = Callable[[argparse.Namespace, Path], int]


def _labels(options: Mapping[str, str]) -> dict[str, str]:
    """Field -> the option the user typed, so messages name what to fix."""
    return {field: option for option, field in options.items()}


def _describe(issues: tuple[Issue, ...] | list[Issue], labels: Mapping[str, str]) -> str:
    return "; ".join(issue.describe(labels.get(issue.field, issue.field)) for issue in issues)


@contextmanager
def _workspace(
    args: argparse.Namespace,
    data_dir: Path,
    options: Mapping[str, str] = BATCH_OPTIONS,
    *,
    read_only: bool = False,
) -> Iterator[Workspace]:
    """The data folder, opened for this command: a writer takes the folder's lock; a
    reader (list, stats, verify, keys show) runs beside a writer and cannot write."""
    from ..core.errors import AlholError, ValidationFailed
    from ..core.workspace import open_workspace

    ws = open_workspace(data_dir, operator=args.operator, read_only=read_only)
    for notice in ws.notices:
        print(f"warning: {notice}", file=sys.stderr)
    try:
        yield ws
    except ValidationFailed as failed:
        raise AlholError(
            "record_refused", problems=_describe(failed.errors, _labels(options))
        ) from None
    finally:
        ws.close()


def _warn(warnings: tuple[Issue, ...], options: Mapping[str, str] = BATCH_OPTIONS) -> None:
    for warning in warnings:
        print(f"warning: {_describe([warning], _labels(options))}", file=sys.stderr)


def _print_json(document: Any) -> None:
    import json  # here: importing this module is on the window's start path

    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def _batch_fields(args: argparse.Namespace) -> dict[str, Any]:
    return {
        key.removeprefix("field_"): value
        for key, value in vars(args).items()
        if key.startswith("field_") and value is not None
    }


def gui(args: argparse.Namespace, data_dir: Path) -> int:
    try:
        run = importlib.import_module("alhol_desk.gui.app").run
    except ImportError:
        from ..core.errors import AlholError

        raise AlholError("window_unavailable") from None
    result: int = run(data_dir=data_dir, operator=args.operator, demo=args.demo)
    return result


def init(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.sync.enrolment import identity
    from ..core.workspace import initialise

    passphrase = None
    if args.passphrase:
        from .safety_commands import ask_new_passphrase

        passphrase = ask_new_passphrase()
    ws = initialise(
        data_dir, team=args.team, role=args.role, operator=args.operator, passphrase=passphrase
    )
    try:
        me = identity(ws)
        print(f"device id: {ws.device.id}")
        print(f"fingerprint: {me.fingerprint}")
        print(f"team: {ws.device.team}  role: {ws.device.role}")
        print(f"data folder: {data_dir}")
    finally:
        ws.close()
    return 0


def demo(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.demo import load_demo

    with _workspace(args, data_dir) as ws:
        added = load_demo(ws)
    print(f"demo records added: {added}" if added else "demo records already present")
    return 0


def country_list(args: argparse.Namespace, data_dir: Path) -> int:
    with _workspace(args, data_dir, read_only=True) as ws:
        rows = ws.countries.overview()
    if not args.all:
        rows = [r for r in rows if r.status or r.batches]
    if args.json:
        _print_json([r.as_dict() for r in rows])
        return 0
    if not rows:
        print("no country has a status or a batch yet (use --all to list every country)")
    for r in rows:
        print(
            f"{r.iso3}  {r.name_en[:32]:<32}  {r.status or '-':<12}  "
            f"{r.people:>7} people  {r.batches:>4} batches  "
            f"last update {r.last_update or '-'}"
        )
    return 0


def country_status(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core import services

    fields = {
        "country": args.iso3,
        "status": args.status,
        "event_date": args.date,
        "source": args.source,
        "note": args.note,
    }
    with _workspace(args, data_dir, STATUS_EVENT_OPTIONS) as ws:
        saved = services.add_status_event(ws, fields)
    _warn(saved.warnings, STATUS_EVENT_OPTIONS)
    print(saved.record.id)
    return 0


def batch_add(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core import services

    with _workspace(args, data_dir) as ws:
        saved = services.save_batch(ws, _batch_fields(args))
    _warn(saved.warnings)
    print(saved.record.id)
    return 0


def batch_edit(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core import services
    from ..core.errors import AlholError

    fields = _batch_fields(args)
    if not fields:
        raise AlholError("nothing_to_change")
    with _workspace(args, data_dir) as ws:
        saved = services.save_batch(ws, fields, args.id)
    _warn(saved.warnings)
    labels = _labels(BATCH_OPTIONS)
    changed = ", ".join(labels.get(c, c) for c in saved.changed) or "nothing (same values)"
    print(f"{saved.record.id}: changed {changed}")
    return 0


def batch_delete(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core import services

    with _workspace(args, data_dir) as ws:
        services.delete_batch(ws, args.id)
    print(f"{args.id}: deleted")
    return 0


def batch_list(args: argparse.Namespace, data_dir: Path) -> int:
    from dataclasses import asdict

    from ..core import services

    with _workspace(args, data_dir, read_only=True) as ws:
        rows = services.batches(ws, country=args.country)
    if args.json:
        _print_json([asdict(b) for b in rows])
        return 0
    if not rows:
        print("no batches")
    for b in rows:
        print(
            f"{b.id}  {b.departure_date:<10}  {b.country}  {b.status:<9}  "
            f"women {b.women} men {b.men} girls {b.girls} boys {b.boys}"
        )
    return 0


def stats(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core import overview

    with _workspace(args, data_dir, read_only=True) as ws:
        figures = overview.stats(ws)
    if args.json:
        _print_json(figures.as_dict())
        return 0
    _print_stats(figures)
    return 0


def _print_stats(figures: Stats) -> None:
    c, p = figures.countries, figures.people
    print(f"countries tracked: {c.tracked}, started repatriating: {c.started_repatriating}")
    for status, count in c.by_status.items():
        print(f"  {status:<12} {count}")
    print(
        f"people repatriated: {p.total} (women {p.women}, men {p.men}, "
        f"girls {p.girls}, boys {p.boys}) in {figures.batches_repatriated} batches"
    )
    for row in figures.by_country:
        print(f"  {row.iso3}  {row.name_en[:32]:<32} {row.people:>7}")


def check(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.errors import AlholError
    from ..core.maintenance import check_data_dir, integrity_finding
    from ..core.safety.health import DatabaseDamaged, ensure_database_sound
    from ..paths import database_path

    if database_path(data_dir).exists():
        try:  # a damaged file is read only through a read-only connection, never opened
            ensure_database_sound(data_dir)
        except DatabaseDamaged as damaged:
            print(integrity_finding(damaged.problems))
            raise
    report = check_data_dir(data_dir)
    for finding in report.findings():
        print(finding)
    if not report.ok:
        raise AlholError("check_needs_attention")
    return 0
