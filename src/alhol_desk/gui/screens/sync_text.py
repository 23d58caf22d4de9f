"""Sync's words in the user's language: refusals in plain words with what to do, outcomes, times.

The sync core refuses with a message: a code and its values (``core/messages/sync.py``).
The window shows what was wrong and what to do in the user's language, chosen by the
code's ``explain_as`` from ``SYNC_EXPLANATIONS`` below and filled with the message's
values (``gui/messages.py``); the core's English line stays below as a detail. A refusal
kept from before codes (an old bundle history row) shows the general explanation with its
English line.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt

from ...core.errors import AlholError
from ...core.messages import Message
from .. import i18n
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..messages import Explained, explain


def _t(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP("sync", …), translated where it is shown."""
    return translate("sync", text)


def _sync(what: str, todo: str) -> tuple[str, str, str]:
    return ("sync", what, todo)


# explain_as → (context, what was wrong, what to do), for gui/messages.py. Placeholders are
# the message's parameter names in braces ({team}, {seq}).
SYNC_EXPLANATIONS: dict[str, tuple[str, str, str]] = {
    # bundles
    "signature_mismatch": _sync(
        QT_TRANSLATE_NOOP("sync", "The bundle was changed or damaged after it was made."),
        QT_TRANSLATE_NOOP(
            "sync", "Ask the sender to export it again, and copy the new file to the stick."
        ),
    ),
    "untrusted_signer": _sync(
        QT_TRANSLATE_NOOP("sync", "The bundle comes from a device this laptop does not trust."),
        QT_TRANSLATE_NOOP(
            "sync",
            "Trust the sender's card first (Sync › Devices and keys), after checking its "
            "fingerprint by phone; then import the bundle again.",
        ),
    ),
    "demo_bundle": _sync(
        QT_TRANSLATE_NOOP(
            "sync",
            "This bundle comes from the demo (alhol-desk gui --demo): its records are "
            "examples, not a team's. Nothing was imported.",
        ),
        QT_TRANSLATE_NOOP(
            "sync",
            "Ask the sender to export from their real data folder, not the demo's.",
        ),
    ),
    "damaged": _sync(
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
    "not_for_this_device": _sync(
        QT_TRANSLATE_NOOP("sync", "The bundle was made for another device, not this laptop."),
        QT_TRANSLATE_NOOP(
            "sync",
            "Ask the sender to export again for this laptop; they must trust this laptop's "
            "card first.",
        ),
    ),
    "card_newer": _sync(
        QT_TRANSLATE_NOOP("sync", "The card was made by a newer version of alhol-desk."),
        QT_TRANSLATE_NOOP("sync", "Update alhol-desk on this laptop, then try again."),
    ),
    "format_newer": _sync(
        QT_TRANSLATE_NOOP(
            "sync",
            "The bundle uses sync format {theirs}, made by a newer version of alhol-desk; "
            "this laptop reads up to format {ours}. Nothing was changed.",
        ),
        QT_TRANSLATE_NOOP(
            "sync", "Update alhol-desk on this laptop, then import the bundle again."
        ),
    ),
    "newer_version": _sync(
        QT_TRANSLATE_NOOP("sync", "The bundle was made by a newer version of alhol-desk."),
        QT_TRANSLATE_NOOP("sync", "Update alhol-desk on this laptop, then try again."),
    ),
    "not_a_bundle": _sync(
        QT_TRANSLATE_NOOP("sync", "This file is not an alhol-desk bundle."),
        QT_TRANSLATE_NOOP("sync", "Choose a .alhol file written by alhol-desk's export."),
    ),
    "unreadable": _sync(
        QT_TRANSLATE_NOOP("sync", "The file could not be read: was the stick removed?"),
        QT_TRANSLATE_NOOP("sync", "Plug the stick in again and retry."),
    ),
    "wrong_signer": _sync(
        QT_TRANSLATE_NOOP(
            "sync", "The bundle claims to come from one device but is signed by another."
        ),
        QT_TRANSLATE_NOOP(
            "sync", "Do not use it. Tell the data manager at headquarters where it came from."
        ),
    ),
    "revoked": _sync(
        QT_TRANSLATE_NOOP(
            "sync",
            "{team}'s device was revoked after bundle {after}; this later bundle was set "
            "aside and nothing from it was merged.",
        ),
        QT_TRANSLATE_NOOP(
            "sync",
            "A data manager should check it: it is kept in the quarantine folder of the "
            "data folder.",
        ),
    ),
    "fork": _sync(
        QT_TRANSLATE_NOOP(
            "sync",
            "A different bundle {seq} from {team} was already imported: two bundles claim "
            "the same place. It was set aside and nothing from it was merged.",
        ),
        QT_TRANSLATE_NOOP(
            "sync",
            "Ask the team's officer what happened (a copied data folder, or tampering) before "
            "anything else; the file is kept in the quarantine folder.",
        ),
    ),
    "seq_far_ahead": _sync(
        QT_TRANSLATE_NOOP(
            "sync", "The bundle's number ({seq}) is far ahead of the last one from {team} ({last})."
        ),
        QT_TRANSLATE_NOOP("sync", "Ask a data manager to check where this file comes from."),
    ),
    "future_changes": _sync(
        QT_TRANSLATE_NOOP("sync", "The bundle holds changes dated in the future."),
        QT_TRANSLATE_NOOP(
            "sync", "Check the date and time of the sending laptop, then ask for a new export."
        ),
    ),
    "rule_broken": _sync(
        QT_TRANSLATE_NOOP(
            "sync", "A record in the bundle breaks one of the rules, so nothing was merged."
        ),
        QT_TRANSLATE_NOOP(
            "sync",
            "Ask the sender to correct the record and export again; the details name the field.",
        ),
    ),
    "malformed": _sync(
        QT_TRANSLATE_NOOP("sync", "The bundle's contents are not in the form alhol-desk writes."),
        QT_TRANSLATE_NOOP("sync", "Ask the sender to update alhol-desk and export again."),
    ),
    # a bundle refused for a reason with no words of its own: the detail says it
    "refused": _sync(
        QT_TRANSLATE_NOOP("sync", "It was refused."),
        QT_TRANSLATE_NOOP(
            "sync", "Read the details below; ask the sender to export again if it persists."
        ),
    ),
    # trusting a card
    "fingerprint_mismatch": _sync(
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
    "demo_card": _sync(
        QT_TRANSLATE_NOOP(
            "sync",
            "This is the demo's card: the demo signs with a key published for everyone, so "
            "no device trusts it. Nothing was trusted.",
        ),
        QT_TRANSLATE_NOOP(
            "sync", "Ask for the card of the laptop's real data folder (Sync › Devices and keys)."
        ),
    ),
    "own_card": _sync(
        QT_TRANSLATE_NOOP("sync", "This is this laptop's own card."),
        QT_TRANSLATE_NOOP("sync", "Trust the other side's card instead."),
    ),
    "trusted_other_key": _sync(
        QT_TRANSLATE_NOOP("sync", "This device is already trusted, with a different key."),
        QT_TRANSLATE_NOOP(
            "sync",
            "If that laptop was reinstalled, revoke the old device and enrol it as a new one.",
        ),
    ),
    "bad_card": _sync(
        QT_TRANSLATE_NOOP("sync", "This file is not a valid alhol-desk device card."),
        QT_TRANSLATE_NOOP(
            "sync",
            "Ask for the card again; on the other laptop: Sync › Devices and keys › Save "
            "this laptop's card.",
        ),
    ),
    "card_unwritable": _sync(
        QT_TRANSLATE_NOOP("sync", "The card could not be saved there."),
        QT_TRANSLATE_NOOP("sync", "Check the stick, or choose another folder."),
    ),
    # exporting
    "no_recipient": _sync(
        QT_TRANSLATE_NOOP("sync", "No device is trusted to receive bundles yet."),
        QT_TRANSLATE_NOOP(
            "sync",
            "Get the other side's card on a stick, check its fingerprint by phone, and trust "
            "it in Sync › Devices and keys.",
        ),
    ),
    "no_folder": _sync(
        QT_TRANSLATE_NOOP("sync", "The chosen folder is not there: is the stick plugged in?"),
        QT_TRANSLATE_NOOP("sync", "Plug the stick in, or choose another folder."),
    ),
    "bundle_unwritable": _sync(
        QT_TRANSLATE_NOOP(
            "sync", "The bundle could not be written to the stick, so nothing was exported."
        ),
        QT_TRANSLATE_NOOP(
            "sync",
            "Check that the stick has free space and is not write-protected, then try again.",
        ),
    ),
    # this laptop's keys
    "keys_locked": _sync(
        QT_TRANSLATE_NOOP("sync", "This laptop's keys are locked with a passphrase."),
        QT_TRANSLATE_NOOP("sync", "Try again and type the passphrase when asked."),
    ),
    "wrong_passphrase": _sync(
        QT_TRANSLATE_NOOP("sync", "The passphrase was wrong; nothing was done."),
        QT_TRANSLATE_NOOP(
            "sync",
            "Try again. A forgotten passphrase cannot be recovered: see docs/security.md.",
        ),
    ),
    "keys_damaged": _sync(
        QT_TRANSLATE_NOOP("sync", "This laptop's keys are missing or damaged."),
        QT_TRANSLATE_NOOP("sync", "Restore the keys folder from a backup of this data folder."),
    ),
    # warnings an import may give (not refusals: the bundle was merged); nothing to do
    "missing_bundles": _sync(
        QT_TRANSLATE_NOOP(
            "sync",
            "Bundles {first} to {last} from {team} have not arrived yet; nothing is lost, "
            "later bundles carry their changes.",
        ),
        "",
    ),
    "deleted_edited": _sync(
        QT_TRANSLATE_NOOP(
            "sync",
            "A record deleted here ({table} {pk}) was edited on another device; it stays deleted.",
        ),
        "",
    ),
}
# Explanations that only say "it was refused": the core's line is then the whole story.
SYNC_CATCH_ALL = frozenset({"refused"})


def explain_error(error: AlholError | Message | str) -> Explained:
    """An error from the core (or a background job's failure) as what was wrong and what to
    do. A plain string is a failure that is not the core's refusal (already translated)."""
    if isinstance(error, AlholError):
        return explain(error.message)
    if isinstance(error, Message):
        return explain(error)
    return explain(None, error)


def explain_refusal(reason: str | None, message: Message | None) -> Explained:
    """A refusal kept in the bundle history or an import report: by its code, else (a row
    from before codes) the general explanation with the English line."""
    return explain(message, reason)


def warning_text(warning: Message) -> str:
    """An import warning in the user's language."""
    return explain(warning).what


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
