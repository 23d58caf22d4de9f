"""How to ask for the keys' passphrase: a hook the CLI and the window each fill in.

Kept apart from :mod:`.keys`, which loads the cryptography libraries, so that the CLI can
install its prompt (and name the variables in its help) without loading them: the CLI is
the window's entry point, and what it imports delays the window (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

# Where scripts give the passphrase (CLI and window alike): the variables' names, not secrets.
PASSPHRASE_ENV = "ALHOL_DESK_PASSPHRASE"  # noqa: S105
NEW_PASSPHRASE_ENV = "ALHOL_DESK_NEW_PASSPHRASE"  # noqa: S105

PassphrasePrompt = Callable[[Path, int], str | None]
"""Asks for the passphrase of the keys in a data folder: ``(data folder, attempt)`` (attempt
1 to 3; above 1 the previous answer was wrong) returns the passphrase, or None to give up.
It may raise :class:`~alhol_desk.core.errors.AlholError` to say why it cannot ask (no
terminal)."""

_prompt: PassphrasePrompt | None = None


def set_passphrase_prompt(prompt: PassphrasePrompt | None) -> PassphrasePrompt | None:
    """Install how to ask for the passphrase (CLI: env or terminal; GUI: a dialog).

    Returns the previous hook, so a caller can put it back.
    """
    global _prompt
    previous, _prompt = _prompt, prompt
    return previous


def current_prompt() -> PassphrasePrompt | None:
    """The hook installed now, if any."""
    return _prompt
