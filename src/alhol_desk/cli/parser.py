"""Argument parsing for every command of the CLI contract.

Building the parser runs before the window opens, so it imports no part of the core: the
command modules import it inside their handlers, and the choices shown come from
options.py (start-up time of the window; docs/performance.md).
"""

from __future__ import annotations

import argparse
from typing import Any

from . import commands, report_commands, sheet_commands, sync_commands
from .options import BATCH_OPTIONS, BATCH_STATUSES, COUNTRY_STATUSES, ROLES

_HELP_EPILOG = "Exit codes: 0 done, 1 refused (one line 'error: ...' on stderr), 2 usage."


def _add_batch_fields(parser: argparse.ArgumentParser, *, creating: bool) -> None:
    for option, field in BATCH_OPTIONS.items():
        required = creating and option in ("--country", "--date", "--status")
        parser.add_argument(
            option, dest=f"field_{field}", metavar="VALUE", required=required, default=None
        )


class _VersionAction(argparse.Action):
    """``--version``, reading the package metadata only when asked."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        import alhol_desk

        parser.exit(message=f"alhol-desk {alhol_desk.__version__}\n")


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="data folder (default: $ALHOL_DESK_HOME, else the user data folder)",
    )
    parser.add_argument(
        "--operator",
        metavar="NAME",
        default=default,
        help="who is making the changes, for the audit trail",
    )


class _Commands:
    """Sub-parsers that also accept the global options after the command name."""

    def __init__(self, sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        self._sub = sub
        self._globals = argparse.ArgumentParser(add_help=False)
        # SUPPRESS: an option given before the command is not reset by the sub-parser.
        _global_options(self._globals, argparse.SUPPRESS)

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return self._sub.add_parser(name, parents=[self._globals], **kwargs)


def window_arguments() -> argparse.Namespace:
    """What ``alhol-desk gui`` parses to, without building a parser (``alhol-desk`` alone).

    Building the parsers (argparse looks up gettext catalogues for each) delays the window;
    tests/cli/test_import_cost.py checks this equals what the parser gives.
    """
    return argparse.Namespace(
        version=None, data_dir=None, operator=None, demo=False, handler=commands.gui
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="alhol-desk",
        description="Offline data entry and signed sync for al-Hol repatriation tracking.",
        epilog=_HELP_EPILOG,
    )
    parser.add_argument("--version", action=_VersionAction)
    _global_options(parser, None)
    parser.set_defaults(handler=None)
    sub = _Commands(parser.add_subparsers(title="commands", metavar="COMMAND"))

    gui = sub.add_parser("gui", help="open the main window (the default command)")
    gui.add_argument(
        "--demo",
        action="store_true",
        help="open the demo: its own folder beside the data folder (DATA_DIR-demo), "
        "never the data folder itself",
    )
    gui.set_defaults(handler=commands.gui)

    init = sub.add_parser("init", help="create the database and this device's keys")
    init.add_argument("--team", required=True, help='team name, e.g. "Hasakah 1"')
    init.add_argument("--role", required=True, choices=ROLES)
    init.add_argument(
        "--passphrase", action="store_true", help="protect the new keys with a passphrase"
    )
    init.set_defaults(handler=commands.init)

    demo = sub.add_parser(
        "demo",
        help="set up the demo folder beside the data folder (DATA_DIR-demo) with the sourced "
        "example records (idempotent); the data folder itself is never touched",
    )
    demo.set_defaults(handler=commands.demo, demo=True)

    country = sub.add_parser("country", help="countries and their status")
    csub = _Commands(
        country.add_subparsers(title="country commands", metavar="ACTION", required=True)
    )
    clist = csub.add_parser("list", help="every country with current status and counts")
    clist.add_argument("--json", action="store_true")
    clist.add_argument("--all", action="store_true", help="include countries with no data")
    clist.set_defaults(handler=commands.country_list)
    cstatus = csub.add_parser(
        "status",
        help="add a dated, sourced status event",
        epilog=f"STATUS is one of: {', '.join(COUNTRY_STATUSES)}",
    )
    cstatus.add_argument("iso3", metavar="ISO3")
    cstatus.add_argument("status", metavar="STATUS")
    cstatus.add_argument("--date", required=True)
    cstatus.add_argument("--source", required=True)
    cstatus.add_argument("--note")
    cstatus.set_defaults(handler=commands.country_status)

    batch = sub.add_parser("batch", help="repatriation batches")
    bsub = _Commands(batch.add_subparsers(title="batch commands", metavar="ACTION", required=True))
    badd = bsub.add_parser(
        "add",
        help="record a batch; prints its id",
        epilog=f"--status is one of: {', '.join(BATCH_STATUSES)}",
    )
    _add_batch_fields(badd, creating=True)
    badd.set_defaults(handler=commands.batch_add)
    bedit = bsub.add_parser("edit", help="change only the given fields of a batch")
    bedit.add_argument("id", metavar="ID")
    _add_batch_fields(bedit, creating=False)
    bedit.set_defaults(handler=commands.batch_edit)
    bdel = bsub.add_parser("delete", help="delete a batch (kept in the audit trail)")
    bdel.add_argument("id", metavar="ID")
    bdel.set_defaults(handler=commands.batch_delete)
    blist = bsub.add_parser("list", help="batches, newest first")
    blist.add_argument("--json", action="store_true")
    blist.add_argument("--country", metavar="ISO3")
    blist.set_defaults(handler=commands.batch_list)

    stats = sub.add_parser("stats", help="countries by status; people repatriated")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(handler=commands.stats)

    sync_commands.add_commands(sub)
    report_commands.add_commands(sub)
    sheet_commands.add_commands(sub)

    check = sub.add_parser("check", help="database integrity and schema version")
    check.set_defaults(handler=commands.check)
    return parser
