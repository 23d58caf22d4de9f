"""The headless command line (see README "Command line"); Qt is imported only by ``gui``.

This package is the window's entry point: whatever it imports before the ``gui`` handler
runs delays the window (docs/performance.md). So importing it and building the parser load
argparse and little else; ``main`` imports what it needs once the command is known, and each
command imports the core inside its handler.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from .parser import build_parser, window_arguments

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

_LOGGER = "alhol_desk"


def _setup_logging(data_dir: Path) -> None:
    """Log to the data folder's file, once it exists; ids and counts only, never names or notes."""
    import logging

    from ..core.safety.logs import PrivateLogHandler
    from ..paths import log_path

    log = logging.getLogger(_LOGGER)
    if not data_dir.is_dir() or any(isinstance(h, logging.FileHandler) for h in log.handlers):
        return
    handler = PrivateLogHandler(log_path(data_dir))
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


# The except clauses of main name these through functions: a clause is evaluated only once
# a command has failed, so the window's start waits for neither module (~8 ms together).


def _refusal() -> type[Exception]:
    """``AlholError``: a refusal, said in one line."""
    from ..core.errors import AlholError

    return AlholError


def _database_error() -> type[Exception]:
    """``sqlite3.DatabaseError``."""
    import sqlite3

    return sqlite3.DatabaseError


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 done, 1 refused, 2 usage)."""
    given = list(sys.argv[1:] if argv is None else argv)
    if not given:
        # `alhol-desk` alone, as a desktop shortcut starts it: the window, without building
        # the parsers (~15-20 ms of the window's start-up).
        args = window_arguments()
    else:
        parser = build_parser()
        args = parser.parse_args(given)
        if args.handler is None:  # options but no command: the window
            args = parser.parse_args([*given, "gui"])

    import logging

    from ..core.safety.logs import redacted_traceback
    from ..core.sync.prompt import set_passphrase_prompt
    from ..paths import demo_data_dir, log_path, resolve_data_dir
    from .safety_commands import terminal_passphrase

    log = logging.getLogger(_LOGGER)
    data_dir = resolve_data_dir(args.data_dir)
    if getattr(args, "demo", False):
        # `gui --demo` and `demo` open the demo's own folder, beside the data folder.
        data_dir = demo_data_dir(data_dir)
    _setup_logging(data_dir)
    previous_prompt = set_passphrase_prompt(terminal_passphrase)
    try:
        result: int = args.handler(args, data_dir)
        return result
    except _refusal() as error:
        log.info("refused: %s", type(error).__name__)
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("error: interrupted; nothing was half-written", file=sys.stderr)
        return 1
    except _database_error() as error:
        _setup_logging(data_dir)
        log.error("database failure:\n%s", redacted_traceback(error))
        print(
            f"error: the database could not be used ({error}); nothing more was written. "
            "Run: alhol-desk check",
            file=sys.stderr,
        )
        return 1
    except Exception as error:
        _setup_logging(data_dir)
        # Frames and types only: an exception's message may quote what was typed.
        log.error("unexpected failure:\n%s", redacted_traceback(error))
        print(
            f"error: an unexpected problem stopped the command; details are in "
            f"{log_path(data_dir)}",
            file=sys.stderr,
        )
        return 1
    finally:
        set_passphrase_prompt(previous_prompt)
