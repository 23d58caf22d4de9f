"""The core's messages in the user's language, from their codes (never from their English).

A ``Message`` (``core.messages``) carries a code and values. Each code's definition names
how the window explains it (``explain_as``): what was wrong and what to do, translated
through Qt Linguist and filled with the message's values (numbers in the user's digits).
The English line stays below as a detail for whoever helps. Sync's explanations are in
``screens/sync_text.py``; the others here. tests/gui/test_messages.py checks that every
``explain_as`` of the catalogue has an explanation, translated, whose placeholders the
message fills.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..core.messages import Message
from . import i18n
from .i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Explained:
    what: str  # what was wrong, in the user's language
    todo: str  # what to do about it
    detail: str  # the core's own line, for whoever helps (English, value-free)
    known: bool = True  # False: the message's code has no explanation; the detail is all


# explain_as → (context, what was wrong, what to do). Placeholders are the message's
# parameter names in braces ({team}, {seq}).
GENERAL_EXPLANATIONS: dict[str, tuple[str, str, str]] = {
    "general": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "It was refused."),
        QT_TRANSLATE_NOOP("messages", "Read the details below; ask for help if it happens again."),
    ),
    "not_initialised": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "This data folder is not set up yet."),
        QT_TRANSLATE_NOOP(
            "messages",
            "Set it up from the first-run window, or choose the folder that holds the data.",
        ),
    ),
    "private_fixed": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "{path} could be read by other users; now it is private."),
        QT_TRANSLATE_NOOP("messages", "Nothing else to do: it is private now."),
    ),
    "private_not_fixed": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "{path} can be read by other users; it could not be fixed."),
        QT_TRANSLATE_NOOP(
            "messages", "Make it private to your own account, or ask for help (details below)."
        ),
    ),
    "setup_refused": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The team or the operator cannot be used as given."),
        QT_TRANSLATE_NOOP("messages", "Correct what the details below name and try again."),
    ),
    "data_dir_is_file": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The data folder given is a file, not a folder."),
        QT_TRANSLATE_NOOP("messages", "Choose a folder for the data."),
    ),
    "demo_on_live_device": (
        "messages",
        QT_TRANSLATE_NOOP(
            "messages",
            "This laptop's data is real: demo records here would be counted, reported and "
            "sent to headquarters as real ones. Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "messages",
            "To try the tool, start it with: alhol-desk gui --demo. The demo has its own folder.",
        ),
    ),
    "demo_folder_is_live": (
        "messages",
        QT_TRANSLATE_NOOP(
            "messages",
            "The demo's folder ({path}) holds a real device's data, not the demo. Nothing "
            "was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "messages", "Move that folder away, or start the demo with another data folder."
        ),
    ),
    "demo_keys": (
        "messages",
        QT_TRANSLATE_NOOP(
            "messages",
            "The demo's keys cannot be replaced: every device refuses them, and new keys "
            "would let the demo's examples pass for a team's records.",
        ),
        QT_TRANSLATE_NOOP("messages", "Nothing to do: the demo is for trying the tool only."),
    ),
    "already_initialised": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "This data folder is already set up."),
        QT_TRANSLATE_NOOP("messages", "Open it as it is; nothing was changed."),
    ),
    "already_open": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "alhol-desk is already open on this data folder."),
        QT_TRANSLATE_NOOP(
            "messages",
            "Close the other window or command first: only one may change the data at a time.",
        ),
    ),
    "read_only": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "This window may only read the data folder."),
        QT_TRANSLATE_NOOP(
            "messages",
            "Close the other alhol-desk window, then open this folder again for writing.",
        ),
    ),
    "schema_too_new": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "This data was written by a newer alhol-desk."),
        QT_TRANSLATE_NOOP(
            "messages", "Update alhol-desk on this laptop, then open the data again."
        ),
    ),
    "database_unreadable": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The database cannot be opened."),
        QT_TRANSLATE_NOOP(
            "messages", "Check the disk, and that this user may read the data folder."
        ),
    ),
    "database_damaged": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The database is damaged; nothing was written to it."),
        QT_TRANSLATE_NOOP(
            "messages",
            "Restore the newest good backup (the details below name it), or ask for help.",
        ),
    ),
    "not_found": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The record was not found."),
        QT_TRANSLATE_NOOP("messages", "It may have been deleted; refresh the list and try again."),
    ),
    "backup_not_a_backup": (
        "messages",
        QT_TRANSLATE_NOOP(
            "messages", "This file is not an alhol-desk backup; nothing was changed."
        ),
        QT_TRANSLATE_NOOP("messages", "Choose a backup file that alhol-desk wrote."),
    ),
    "backup_damaged": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "This backup is damaged; nothing was changed."),
        QT_TRANSLATE_NOOP("messages", "Try an older backup."),
    ),
    "backup_too_new": (
        "messages",
        QT_TRANSLATE_NOOP(
            "messages", "This backup was made by a newer alhol-desk; nothing was changed."
        ),
        QT_TRANSLATE_NOOP("messages", "Update alhol-desk first, then restore it."),
    ),
    "backup_breaks_rule": (
        "messages",
        QT_TRANSLATE_NOOP(
            "messages", "A record in this backup breaks a rule; nothing was changed."
        ),
        QT_TRANSLATE_NOOP("messages", "Try an older backup, or ask for help."),
    ),
    "out_exists": (
        "messages",
        QT_TRANSLATE_NOOP(
            "messages", "A file of that name is already there; a backup never overwrites a file."
        ),
        QT_TRANSLATE_NOOP("messages", "Choose another name or folder."),
    ),
    "out_folder_missing": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The folder chosen does not exist."),
        QT_TRANSLATE_NOOP("messages", "Choose a folder that exists, or plug the stick in again."),
    ),
    "out_is_folder": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "A folder was given where a file name is needed."),
        QT_TRANSLATE_NOOP("messages", "Give a file name inside the folder."),
    ),
    "period_bad": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The period cannot be read as given."),
        QT_TRANSLATE_NOOP(
            "messages",
            "Write each end as a day, a month or a year (2024-05-12, 2024-05 or 2024), "
            "the first no later than the last.",
        ),
    ),
    "not_written": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The file could not be written."),
        QT_TRANSLATE_NOOP("messages", "Check the folder or stick has space and try again."),
    ),
    "restore_busy": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The database is open in alhol-desk; nothing was changed."),
        QT_TRANSLATE_NOOP("messages", "Close the other window or command and try again."),
    ),
    "restore_no_file": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The backup file is not there; nothing was changed."),
        QT_TRANSLATE_NOOP("messages", "Choose the backup file again."),
    ),
    "restore_other_device": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "This is a backup of another device; nothing was changed."),
        QT_TRANSLATE_NOOP("messages", "Restore a backup of this laptop's own data folder."),
    ),
    "draft_too_large": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "This form is too large to keep as a draft."),
        QT_TRANSLATE_NOOP("messages", "Save it instead."),
    ),
    "draft_not_kept": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The draft could not be kept; the form is still open."),
        QT_TRANSLATE_NOOP("messages", "Save the form, and check the disk has space."),
    ),
    # --- spreadsheet import (core/messages/sheets.py) ---------------------------------------
    "sheet_no_file": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The spreadsheet file is not there."),
        QT_TRANSLATE_NOOP("messages", "Choose the file again, or plug the stick in again."),
    ),
    "sheet_kind_unknown": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "Only CSV and Excel (XLSX) files can be imported."),
        QT_TRANSLATE_NOOP(
            "messages", "Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)."
        ),
    ),
    "sheet_unreadable": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The spreadsheet cannot be read; nothing was changed."),
        QT_TRANSLATE_NOOP(
            "messages", "Open it in Excel or LibreOffice, save it again as .xlsx, and try again."
        ),
    ),
    "sheet_mapping": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "The spreadsheet's columns do not give what a batch needs."),
        QT_TRANSLATE_NOOP(
            "messages",
            "Check what each column is read as: the country, the date and the status are needed.",
        ),
    ),
    "sheet_rows_refused": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "Some rows break the rules, so nothing was imported."),
        QT_TRANSLATE_NOOP(
            "messages",
            "Fix them in the spreadsheet and import it again, or import the other rows.",
        ),
    ),
}


def _explanations() -> Mapping[str, tuple[str, str, str]]:
    from .screens.sync_text import SYNC_EXPLANATIONS

    return GENERAL_EXPLANATIONS | SYNC_EXPLANATIONS


def _catch_all() -> frozenset[str]:
    """Explanations that only say "it was refused": the English detail is all there is."""
    from .screens.sync_text import SYNC_CATCH_ALL

    return SYNC_CATCH_ALL | {"general"}


def fill(context: str, template: str, params: Mapping[str, Any]) -> str:
    """A translated template filled with the message's values, shown in the user's digits."""
    shown: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, int) and not isinstance(value, bool):
            value = i18n.number(value)
        elif isinstance(value, str) and value in i18n.TABLE_LABELS:
            value = i18n.table_label(value)
        shown[key] = value
    text = translate(context, template)
    try:
        return text.format(**shown)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide it
        log.warning("a translation does not fit its message's values: %r", template)
        return template.format(**shown)


def explain(message: Message | None, detail: str | None = None) -> Explained:
    """A message from the core, as what was wrong and what to do."""
    if message is None:
        context, what, todo = GENERAL_EXPLANATIONS["general"]
        return Explained(translate(context, what), translate(context, todo), detail or "", False)
    english = detail if detail is not None else message.english()
    found = _explanations().get(message.explain_as)
    if found is None:
        context, what, todo = GENERAL_EXPLANATIONS["general"]
        return Explained(translate(context, what), translate(context, todo), english, False)
    context, what, todo = found
    return Explained(
        fill(context, what, message.params),
        fill(context, todo, message.params),
        english,
        known=message.explain_as not in _catch_all(),
    )


def refusal_text(message: Message | None) -> str:
    """A refusal for a message box or a form's error line: what was wrong, what to do, and
    the core's line below it for whoever helps."""
    explained = explain(message)
    return "\n".join(part for part in (explained.what, explained.todo, explained.detail) if part)
