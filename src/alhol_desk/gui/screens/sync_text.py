"""Sync's words in the user's language: refusals in plain words with what to do, outcomes, times.

The sync core refuses in one plain English line (a value-free reason that the bundle
history keeps). The window shows that line as a detail, and above it what was wrong and
what to do in the user's language, found by matching the line against the core's known
reasons below. A reason nobody listed here still shows, in English, with a general hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, QLocale, Qt

from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP, translate


def _t(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP("sync", …), translated where it is shown."""
    return translate("sync", text)


@dataclass(frozen=True)
class Explained:
    what: str  # what was wrong, in the user's language
    todo: str  # what to do about it
    detail: str  # the core's own line, for whoever helps (English, value-free)
    known: bool = True  # False: no known reason matched; the detail is all there is


# (pattern on the core's line, what was wrong, what to do). %1, %2 … are the pattern's groups.
_REASONS: tuple[tuple[str, str, str], ...] = (
    # bundles
    (
        r"signature does not match",
        QT_TRANSLATE_NOOP("sync", "The bundle was changed or damaged after it was made."),
        QT_TRANSLATE_NOOP(
            "sync", "Ask the sender to export it again, and copy the new file to the stick."
        ),
    ),
    (
        r"signed by a key this device does not trust",
        QT_TRANSLATE_NOOP("sync", "The bundle comes from a device this laptop does not trust."),
        QT_TRANSLATE_NOOP(
            "sync",
            "Trust the sender's card first (Sync › Devices and keys), after checking its "
            "fingerprint by phone; then import the bundle again.",
        ),
    ),
    (
        r"damaged or cut short",
        QT_TRANSLATE_NOOP(
            "sync",
            "The file is damaged or incomplete: the stick may have been pulled out while "
            "the file was copied.",
        ),
        QT_TRANSLATE_NOOP(
            "sync",
            "Ask for the file again, and wait until copying has finished before removing "
            "the stick.",
        ),
    ),
    (
        r"not addressed to this device",
        QT_TRANSLATE_NOOP("sync", "The bundle was made for another device, not this laptop."),
        QT_TRANSLATE_NOOP(
            "sync",
            "Ask the sender to export again for this laptop; they must trust this laptop's "
            "card first.",
        ),
    ),
    (
        r"card was made by a newer version",
        QT_TRANSLATE_NOOP("sync", "The card was made by a newer version of alhol-desk."),
        QT_TRANSLATE_NOOP("sync", "Update alhol-desk on this laptop, then try again."),
    ),
    (
        r"uses sync format ([0-9]+), and this version of alhol-desk reads up to format ([0-9]+)",
        QT_TRANSLATE_NOOP(
            "sync",
            "The bundle uses sync format %1, made by a newer version of alhol-desk; this "
            "laptop reads up to format %2. Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "sync", "Update alhol-desk on this laptop, then import the bundle again."
        ),
    ),
    (
        r"newer version of alhol-desk",
        QT_TRANSLATE_NOOP("sync", "The bundle was made by a newer version of alhol-desk."),
        QT_TRANSLATE_NOOP("sync", "Update alhol-desk on this laptop, then try again."),
    ),
    (
        r"not an alhol-desk bundle|too large to be a bundle|this is not a file \(",
        QT_TRANSLATE_NOOP("sync", "This file is not an alhol-desk bundle."),
        QT_TRANSLATE_NOOP("sync", "Choose a .alhol file written by alhol-desk's export."),
    ),
    (
        r"cannot be read \(was the stick removed",
        QT_TRANSLATE_NOOP("sync", "The file could not be read: was the stick removed?"),
        QT_TRANSLATE_NOOP("sync", "Plug the stick in again and retry."),
    ),
    (
        r"comes from one device but is signed by another",
        QT_TRANSLATE_NOOP(
            "sync", "The bundle claims to come from one device but is signed by another."
        ),
        QT_TRANSLATE_NOOP(
            "sync", "Do not use it. Tell the data manager at headquarters where it came from."
        ),
    ),
    (
        r"^(.+)'s device was revoked after bundle (\d+)",
        QT_TRANSLATE_NOOP(
            "sync",
            "%1's device was revoked after bundle %2; this later bundle was set aside and "
            "nothing from it was merged.",
        ),
        QT_TRANSLATE_NOOP(
            "sync",
            "A data manager should check it: it is kept in the quarantine folder of the "
            "data folder.",
        ),
    ),
    (
        r"a different bundle (\d+) from (.+) was already imported",
        QT_TRANSLATE_NOOP(
            "sync",
            "A different bundle %1 from %2 was already imported: two bundles claim the same "
            "place. It was set aside and nothing from it was merged.",
        ),
        QT_TRANSLATE_NOOP(
            "sync",
            "Ask the team's officer what happened (a copied data folder, or tampering) before "
            "anything else; the file is kept in the quarantine folder.",
        ),
    ),
    (
        r"the bundle's number \((\d+)\) is far ahead of the last one from (.+) \((\d+)\)",
        QT_TRANSLATE_NOOP(
            "sync", "The bundle's number (%1) is far ahead of the last one from %2 (%3)."
        ),
        QT_TRANSLATE_NOOP("sync", "Ask a data manager to check where this file comes from."),
    ),
    (
        r"changes dated in the future",
        QT_TRANSLATE_NOOP("sync", "The bundle holds changes dated in the future."),
        QT_TRANSLATE_NOOP(
            "sync", "Check the date and time of the sending laptop, then ask for a new export."
        ),
    ),
    (
        r"breaks a rule|unknown table|unknown column|of one record twice",
        QT_TRANSLATE_NOOP(
            "sync", "A record in the bundle breaks one of the rules, so nothing was merged."
        ),
        QT_TRANSLATE_NOOP(
            "sync",
            "Ask the sender to correct the record and export again; the details name the field.",
        ),
    ),
    (
        r"manifest|UTF-8|JSON|byte-order|repeats the key|nests deeper|surrogate|not signed|"
        r"envelope|signature|holds the number|ever writes|uses sync format|a field this version|"
        r"reference data|names more than|addressed to more than",
        QT_TRANSLATE_NOOP("sync", "The bundle's contents are not in the form alhol-desk writes."),
        QT_TRANSLATE_NOOP("sync", "Ask the sender to update alhol-desk and export again."),
    ),
    # trusting a card
    (
        r"fingerprint: does not match the card",
        QT_TRANSLATE_NOOP(
            "sync", "The fingerprint you typed does not match this card. Nothing was trusted."
        ),
        QT_TRANSLATE_NOOP(
            "sync",
            "Read the fingerprint again with the card's owner on the phone. If it still "
            "differs, the card may have been swapped on the way: do not trust it, and ask for "
            "a new card.",
        ),
    ),
    (
        r"this device's own card",
        QT_TRANSLATE_NOOP("sync", "This is this laptop's own card."),
        QT_TRANSLATE_NOOP("sync", "Trust the other side's card instead."),
    ),
    (
        r"already trusted with a different key",
        QT_TRANSLATE_NOOP("sync", "This device is already trusted, with a different key."),
        QT_TRANSLATE_NOOP(
            "sync",
            "If that laptop was reinstalled, revoke the old device and enrol it as a new one.",
        ),
    ),
    (
        r"device card|card file",
        QT_TRANSLATE_NOOP("sync", "This file is not a valid alhol-desk device card."),
        QT_TRANSLATE_NOOP(
            "sync",
            "Ask for the card again; on the other laptop: Sync › Devices and keys › Save "
            "this laptop's card.",
        ),
    ),
    (
        r"could not write the card",
        QT_TRANSLATE_NOOP("sync", "The card could not be saved there."),
        QT_TRANSLATE_NOOP("sync", "Check the stick, or choose another folder."),
    ),
    # exporting
    (
        r"no trusted (?:HQ|field) device to send to",
        QT_TRANSLATE_NOOP("sync", "No device is trusted to receive bundles yet."),
        QT_TRANSLATE_NOOP(
            "sync",
            "Get the other side's card on a stick, check its fingerprint by phone, and trust "
            "it in Sync › Devices and keys.",
        ),
    ),
    (
        r"is not a folder \(is the stick plugged in",
        QT_TRANSLATE_NOOP("sync", "The chosen folder is not there: is the stick plugged in?"),
        QT_TRANSLATE_NOOP("sync", "Plug the stick in, or choose another folder."),
    ),
    (
        r"could not write the bundle|could not be finished on the stick",
        QT_TRANSLATE_NOOP(
            "sync", "The bundle could not be written to the stick, so nothing was exported."
        ),
        QT_TRANSLATE_NOOP(
            "sync",
            "Check that the stick has free space and is not write-protected, then try again.",
        ),
    ),
    # this laptop's keys
    (
        r"passphrase, and none was given",
        QT_TRANSLATE_NOOP("sync", "This laptop's keys are locked with a passphrase."),
        QT_TRANSLATE_NOOP("sync", "Try again and type the passphrase when asked."),
    ),
    (
        r"wrong passphrase",
        QT_TRANSLATE_NOOP("sync", "The passphrase was wrong; nothing was done."),
        QT_TRANSLATE_NOOP(
            "sync",
            "Try again. A forgotten passphrase cannot be recovered: see docs/security.md.",
        ),
    ),
    (
        r"has no keys|is damaged or is not an",
        QT_TRANSLATE_NOOP("sync", "This laptop's keys are missing or damaged."),
        QT_TRANSLATE_NOOP("sync", "Restore the keys folder from a backup of this data folder."),
    ),
)
# explain_as → (context, what was wrong, what to do), for gui/messages.py. Placeholders are
# the message's parameter names in braces. Filled while sync's refusals move to codes.
SYNC_EXPLANATIONS: dict[str, tuple[str, str, str]] = {}

_COMPILED = tuple((re.compile(pattern), what, todo) for pattern, what, todo in _REASONS)
_GENERAL = (
    QT_TRANSLATE_NOOP("sync", "It was refused."),
    QT_TRANSLATE_NOOP(
        "sync", "Read the details below; ask the sender to export again if it persists."
    ),
)

# Warnings an import may give (not refusals: the bundle was merged).
_WARNINGS: tuple[tuple[str, str], ...] = (
    (
        r"bundles (\d+) to (\d+) from (.+) have not arrived yet",
        QT_TRANSLATE_NOOP(
            "sync",
            "Bundles %1 to %2 from %3 have not arrived yet; nothing is lost, later bundles "
            "carry their changes.",
        ),
    ),
    (
        r"^(\w+) (\S+): edited elsewhere after it was deleted here",
        QT_TRANSLATE_NOOP(
            "sync", "A record deleted here (%1 %2) was edited on another device; it stays deleted."
        ),
    ),
)
_COMPILED_WARNINGS = tuple((re.compile(pattern), text) for pattern, text in _WARNINGS)


def _fill(template: str, groups: tuple[str | None, ...]) -> str:
    text = _t(template)
    for number, value in reversed(list(enumerate(groups, start=1))):
        shown = value or ""
        if shown.isdigit():
            shown = i18n.number(int(shown))
        elif shown in i18n.TABLE_LABELS:
            shown = i18n.table_label(shown)
        text = text.replace(f"%{number}", shown)
    return text


def explain(line: str) -> Explained:
    """A refusal or error from the core, as what was wrong and what to do."""
    for pattern, what, todo in _COMPILED:
        found = pattern.search(line)
        if found:
            groups = found.groups()
            return Explained(_fill(what, groups), _fill(todo, groups), line)
    return Explained(_t(_GENERAL[0]), _t(_GENERAL[1]), line, known=False)


def warning_text(line: str) -> str:
    """An import warning in the user's language (the English line when it is not known)."""
    for pattern, template in _COMPILED_WARNINGS:
        found = pattern.search(line)
        if found:
            return _fill(template, found.groups())
    return line


# --- outcomes, counts, devices, times ------------------------------------------------------

OUTCOMES: dict[str, str] = {
    "exported": QT_TRANSLATE_NOOP("sync", "Sent"),
    "applied": QT_TRANSLATE_NOOP("sync", "Imported"),
    "verified": QT_TRANSLATE_NOOP("sync", "Ready to import"),
    "already_imported": QT_TRANSLATE_NOOP("sync", "Already imported"),
    "refused": QT_TRANSLATE_NOOP("sync", "Refused"),
    "quarantined": QT_TRANSLATE_NOOP("sync", "Refused and set aside"),
    "not_for_this_device": QT_TRANSLATE_NOOP("sync", "For another device"),
}


def outcome_label(outcome: str) -> str:
    return _t(OUTCOMES.get(outcome, outcome))


def counts_text(
    new: int | None, updated: int | None, unchanged: int | None, conflicts: int | None
) -> str:
    """'2 new, 1 updated, 5 unchanged, 1 conflict' in the user's language and digits."""
    return (
        translate("sync", "%1 new, %2 updated, %3 unchanged, %4 conflicts")
        .replace("%1", i18n.number(new or 0))
        .replace("%2", i18n.number(updated or 0))
        .replace("%3", i18n.number(unchanged or 0))
        .replace("%4", i18n.number(conflicts or 0))
    )


def device_name(team: str | None, device_id: str, is_self: bool) -> str:
    """How a device is named: its team, 'this laptop', or an unknown device's short id."""
    if is_self:
        return translate("sync", "this laptop (%1)").replace("%1", team or "")
    if team is None:
        return translate("sync", "another device (%1)").replace("%1", device_id[:8])
    return team


def when(iso: str | None) -> str:
    """A stored UTC time (ISO 8601) as local date and time in the user's language."""
    if not iso:
        return ""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return QLocale().toString(moment.toLocalTime(), "d MMM yyyy HH:mm")


def when_ms(ms: int) -> str:
    """A clock time (milliseconds since 1970, UTC) as local date and time."""
    return QLocale().toString(QDateTime.fromMSecsSinceEpoch(ms), "d MMM yyyy HH:mm")


def role_label(role: str) -> str:
    return i18n.status_label(role)
