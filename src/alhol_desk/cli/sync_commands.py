"""Commands for keys, bundles and conflicts.

The core (cryptography, age, the bundle schema; even its errors) is imported inside the
handlers: the parser imports this module on the way to opening the window
(docs/performance.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands import _print_json, _workspace


def keys_show(args: argparse.Namespace, data_dir: Path) -> int:
    from dataclasses import asdict

    from ..core.sync import enrolment

    with _workspace(args, data_dir, read_only=True) as ws:
        me = enrolment.identity(ws)
    if args.json:
        _print_json(asdict(me))
        return 0
    print(f"device id:   {me.device_id}")
    print(f"team / role: {me.team} / {me.role}")
    print(f"key id:      {me.key_id}")
    print(f"fingerprint: {me.fingerprint}")
    return 0


def keys_card(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.sync import enrolment

    with _workspace(args, data_dir, read_only=True) as ws:
        path = enrolment.write_card(ws, Path(args.out))
        fingerprint = enrolment.identity(ws).fingerprint
    print(f"card written to {path}")
    print(f"fingerprint to read over the phone: {fingerprint}")
    return 0


def keys_trust(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.sync import enrolment

    with _workspace(args, data_dir) as ws:
        card = enrolment.trust_card(ws, Path(args.file), args.fingerprint)
    print(f"trusted {card.role} device {card.device_id} (team {card.team})")
    return 0


def keys_revoke(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.sync import enrolment

    with _workspace(args, data_dir) as ws:
        peer = enrolment.revoke_device(ws, args.device_id, args.after_seq)
    print(
        f"revoked {peer.id} (team {peer.team}): bundles numbered after "
        f"{peer.revoked_after_seq} will be refused"
    )
    return 0


def export(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.sync import exporter

    with _workspace(args, data_dir) as ws:
        result = exporter.export_bundle(ws, Path(args.out), full=args.full, to=args.to)
    since = "everything" if args.full or result.since is None else f"since {result.since}"
    count = len(result.bundles)
    print(
        f"{count} bundle{'s' if count != 1 else ''}, {result.records} records, "
        f"{result.changes} changes ({since}) for {', '.join(result.recipients)}",
        file=sys.stderr,
    )
    for bundle in result.bundles:
        print(bundle.path)
    return 0


def import_(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.sync import importer

    refused = skipped = 0
    with _workspace(args, data_dir) as ws:
        for name in args.files:
            report = importer.import_bundle(ws, Path(name))
            stream = sys.stderr if report.outcome in ("refused", "quarantined") else sys.stdout
            print(("error: " if stream is sys.stderr else "") + report.line(), file=stream)
            for warning in report.warnings:
                print(f"warning: {warning}", file=sys.stderr)
            refused += report.outcome in ("refused", "quarantined")
            skipped += report.outcome == "not_for_this_device"
    if skipped == len(args.files):
        print(
            "error: none of these bundles is addressed to this device: ask the sender to "
            "export for this device (they must trust this device's card)",
            file=sys.stderr,
        )
        return 1
    return 1 if refused else 0


def verify(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.sync import importer

    with _workspace(args, data_dir, read_only=True) as ws:
        reports = [importer.verify_bundle(ws, Path(name)) for name in args.files]
    if len(reports) == 1 and reports[0].outcome == "refused":
        print(f"error: {reports[0].line()}", file=sys.stderr)  # as a refusal is printed
        return 1
    refused = 0
    for report in reports:
        bad = report.outcome in ("refused", "quarantined")
        refused += bad
        print(("error: " if bad else "") + report.line(), file=sys.stderr if bad else sys.stdout)
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    return 1 if refused else 0


def conflicts_list(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.sync import resolution

    with _workspace(args, data_dir, read_only=True) as ws:
        rows = resolution.open_conflicts(ws, include_resolved=args.all)
    if args.json:
        _print_json([c.as_dict() for c in rows])
        return 0
    if not rows:
        print("no open conflicts")
    for c in rows:
        print(
            f"{c.id:>5}  {c.table} {c.pk} {c.column}: here {c.local_value!r}, "
            f"incoming {c.incoming_value!r} (showing {c.winner}) [{c.status}]"
        )
    return 0


def conflicts_resolve(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.errors import AlholError
    from ..core.sync import resolution

    values: dict[str, str] | None = None
    if args.set:
        values = {}
        for item in args.set:
            name, sep, value = item.partition("=")
            if not sep or not name:
                raise AlholError("set_not_field_value", item=item)
            values[name.strip().replace("-", "_")] = value
    with _workspace(args, data_dir) as ws:
        result = resolution.resolve_conflict(ws, args.id, args.keep, values=values)
    settled = ", ".join(str(n) for n in result["settled"])
    if values is not None:
        print(f"conflicts {settled}: saved the values typed; the record travels in the next export")
    else:
        print(f"conflicts {settled}: kept {result['kept']}; the choice travels in the next export")
    return 0


def add_commands(sub: object) -> None:
    """Register the sync commands on the main parser's command list."""
    from .parser import _Commands

    assert isinstance(sub, _Commands)
    keys = sub.add_parser("keys", help="this device's keys and the devices it trusts")
    ksub = _Commands(keys.add_subparsers(title="keys commands", metavar="ACTION", required=True))
    show = ksub.add_parser("show", help="device id, role, team, key id, fingerprint")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=keys_show)
    card = ksub.add_parser("card", help="write this device's public card")
    card.add_argument("--out", required=True, metavar="FILE")
    card.set_defaults(handler=keys_card)
    trust = ksub.add_parser("trust", help="trust a device card after checking its fingerprint")
    trust.add_argument("file", metavar="FILE")
    trust.add_argument("--fingerprint", required=True, metavar="FP")
    trust.set_defaults(handler=keys_trust)
    revoke = ksub.add_parser("revoke", help="refuse a device's bundles after a given number")
    revoke.add_argument("device_id", metavar="DEVICE_ID")
    revoke.add_argument(
        "--after-seq",
        type=int,
        metavar="N",
        help="last bundle number still accepted (default: the last imported)",
    )
    revoke.set_defaults(handler=keys_revoke)
    from .safety_commands import add_key_commands

    add_key_commands(ksub)  # keys passphrase, keys retire

    exp = sub.add_parser(
        "export", help="write signed, encrypted bundles, one set per recipient; prints their paths"
    )
    exp.add_argument("--out", required=True, metavar="DIR")
    exp.add_argument("--full", action="store_true", help="everything, not only what is new")
    exp.add_argument(
        "--to", metavar="DEVICE_ID", help="only for this trusted device (its id, or the id's start)"
    )
    exp.set_defaults(handler=export)
    imp = sub.add_parser("import", help="verify and merge bundles; prints a summary of each")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.set_defaults(handler=import_)
    ver = sub.add_parser("verify", help="check bundles and show what each would change")
    ver.add_argument("files", nargs="+", metavar="FILE")
    ver.set_defaults(handler=verify)

    conflicts = sub.add_parser("conflicts", help="concurrent edits waiting for a decision")
    csub = _Commands(
        conflicts.add_subparsers(title="conflicts commands", metavar="ACTION", required=True)
    )
    clist = csub.add_parser("list", help="open conflicts")
    clist.add_argument("--json", action="store_true")
    clist.add_argument("--all", action="store_true", help="include resolved ones")
    clist.set_defaults(handler=conflicts_list)
    cres = csub.add_parser("resolve", help="keep one value; a new edit that syncs onward")
    cres.add_argument("id", type=int, metavar="ID")
    how = cres.add_mutually_exclusive_group(required=True)
    how.add_argument("--keep", choices=("local", "incoming"), help="keep one side")
    how.add_argument(
        "--set",
        action="append",
        metavar="FIELD=VALUE",
        help="type the right value (repeat for each field); checked like a form",
    )
    cres.set_defaults(handler=conflicts_resolve)
