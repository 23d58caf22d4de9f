"""The window's passphrase prompt for keys protected at rest (issue 7, keys at rest).

Installed by ``app.run`` with ``core.sync.prompt.set_passphrase_prompt``; the core asks at
most three times per unlock, once per session. ``ALHOL_DESK_PASSPHRASE`` is honoured
first, as on the command line, and only for the first attempt: a wrong variable is not
tried again, the user is asked instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from ..i18n import number, translate


def ask(parent: QWidget | None, title: str, text: str) -> str | None:
    """A modal question with the typed characters hidden; None when cancelled."""
    typed, accepted = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
    return typed if accepted else None


def window_passphrase(data_dir: Path, attempt: int) -> str | None:
    """The GUI's hook for ``set_passphrase_prompt``: (data folder, attempt 1..3) → passphrase."""
    # Imported when asked, not when installed: the keys module (cryptography) is heavy.
    from ...core.sync.keys import MAX_PASSPHRASE_ATTEMPTS, PASSPHRASE_ENV

    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None and attempt == 1:
        return given
    text = translate(
        "passphrase",
        "The keys of this laptop are protected by a passphrase. Type it to sign and open "
        "sync files.",
    )
    if attempt > 1:
        text = (
            translate("passphrase", "That passphrase is not right (try %1 of %2).")
            .replace("%1", number(attempt))
            .replace("%2", number(MAX_PASSPHRASE_ATTEMPTS))
            + "\n\n"
            + text
        )
    parent = QApplication.activeWindow()
    return ask(parent, translate("passphrase", "Passphrase for this laptop's keys"), text)
