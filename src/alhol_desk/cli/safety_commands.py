"""Commands and prompts for keys at rest: the passphrase, and retiring a lost laptop's keys.

The passphrase is read, in order, from ``ALHOL_DESK_PASSPHRASE`` (scripts), else asked on
the terminal (not echoed), at most three times; a new one from ``ALHOL_DESK_NEW_PASSPHRASE``,
else asked twice on the terminal. Without a terminal and without the variable the command
is refused with one line that says so.

The core (cryptography and age for the keys; even its errors) is imported inside the
functions that use it: the CLI installs the prompt and builds the parser on the way to
opening the window (docs/performance.md).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from ..core.sync.prompt import NEW_PASSPHRASE_ENV, PASSPHRASE_ENV
from .commands import _workspace


def _has_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def terminal_passphrase(data_dir: Path, attempt: int) -> str | None:
    """The CLI's passphrase hook for :func:`alhol_desk.core.sync.prompt.set_passphrase_prompt`."""
    from ..core.errors import AlholError

    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given if attempt == 1 else None  # a wrong variable is not asked again
    if not _has_terminal():
        raise AlholError("passphrase_needs_terminal", variable=PASSPHRASE_ENV)
    if attempt > 1:
        print("that passphrase is not right; try again", file=sys.stderr)
    return getpass.getpass("passphrase for this device's keys: ")


def ask_new_passphrase() -> str:
    """A new passphrase: from the environment, else typed twice on the terminal."""
    from ..core.errors import AlholError
    from ..core.sync.keys import check_new_passphrase

    given = os.environ.get(NEW_PASSPHRASE_ENV)
    if given is not None:
        check_new_passphrase(given)
        return given
    if not _has_terminal():
        raise AlholError("new_passphrase_needs_terminal", variable=NEW_PASSPHRASE_ENV)
    first = getpass.getpass("new passphrase (at least 8 characters): ")
    check_new_passphrase(first)
    if getpass.getpass("the same passphrase again: ") != first:
        raise AlholError("passphrases_differ")
    return first


def keys_passphrase(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.sync.keys import keys_are_protected, load_device_keys, set_passphrase

    with _workspace(args, data_dir) as ws:
        protected = keys_are_protected(ws.data_dir)
        if args.remove and not protected:
            print("the keys have no passphrase; nothing changed")
            return 0
        load_device_keys(ws.data_dir)  # the current passphrase first, before a new one
        set_passphrase(ws.data_dir, None if args.remove else ask_new_passphrase())
    if args.remove:
        print("the passphrase was removed: anyone who can open this data folder can use the keys")
    else:
        print(
            "the keys are protected by the new passphrase; it is asked once per session. "
            "Without it the keys cannot be used: keep it safe"
        )
    return 0


def keys_retire(args: argparse.Namespace, data_dir: Path) -> int:
    from ..core.errors import AlholError
    from ..core.safety.retire import retire_identity
    from ..core.sync import enrolment

    if not args.yes:
        raise AlholError("retire_needs_yes")
    passphrase = ask_new_passphrase() if args.passphrase else None
    with _workspace(args, data_dir) as ws:
        retired = retire_identity(ws, passphrase=passphrase)
        me = enrolment.identity(ws)
    print(f"retired device id: {retired.old_device_id}")
    print(f"new device id: {me.device_id}")
    print(f"new fingerprint: {me.fingerprint}")
    print(
        "next: write the new card (alhol-desk keys card --out FILE) and enrol it at HQ like a "
        "new laptop; HQ revokes the retired device id if it has not yet",
        file=sys.stderr,
    )
    return 0


def add_key_commands(ksub: object) -> None:
    """Register ``keys passphrase`` and ``keys retire`` on the ``keys`` command list."""
    from .parser import _Commands

    assert isinstance(ksub, _Commands)
    phrase = ksub.add_parser(
        "passphrase",
        help="protect this device's keys with a passphrase, change it or remove it",
        epilog=f"Non-interactive use: {PASSPHRASE_ENV} (current), {NEW_PASSPHRASE_ENV} (new).",
    )
    phrase.add_argument("--remove", action="store_true", help="store the keys without one")
    phrase.set_defaults(handler=keys_passphrase)
    retire = ksub.add_parser(
        "retire",
        help="new keys and a new device id, after a laptop was lost or its passphrase forgotten",
    )
    retire.add_argument("--yes", action="store_true", help="confirm: the old identity is gone")
    retire.add_argument(
        "--passphrase", action="store_true", help="protect the new keys with a passphrase"
    )
    retire.set_defaults(handler=keys_retire)
