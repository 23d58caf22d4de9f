"""Messages of sync: bundles, cards, keys, export and import.

A bundle's refusal is kept in the bundle history in English (``bundles.reason``) beside its
code and values (``bundles.reason_code``, ``bundles.reason_params``), so the window shows
even an old refusal in the user's language. These templates never hold a record's values:
only what identifies a bundle or a device (its number, its team) and quoted, cut-short
pieces of the file itself (``sync.errors.quoted``).

``explain_as`` names how the window explains a code (``gui/screens/sync_text.py``): the
many ways a manifest can be malformed all tell the user the same thing. ``refused`` is
sync's catch-all (the English line is then the whole story); ``general`` is for what only
the command line says (its options, its arguments).
"""

from __future__ import annotations

from .base import MessageDef

# The endings many refusals share, written once.
_ADVICE = "ask the sender to update alhol-desk and export again"
_DAMAGED = "the file is damaged or was not made by alhol-desk"
_NOT_A_BUNDLE = "the bundle is damaged or is not an alhol-desk bundle"
_RESTORE = "restore the keys folder from a backup of this data folder"
_NEWER = "it was made by a newer version of alhol-desk: update the app"
_AT = "the bundle's manifest is not valid at {where}: "


def _malformed(text: str) -> MessageDef:
    return MessageDef(text, "malformed")


def _envelope(what: str) -> MessageDef:
    return MessageDef(f"{_NOT_A_BUNDLE} ({what})", "not_a_bundle")


def _header(what: str) -> MessageDef:
    """A header field that its schema refuses: where (a JSON pointer), then what is wrong."""
    return _malformed("the bundle's manifest is not valid at {path}: " + what + ": " + _ADVICE)


def _line(what: str) -> MessageDef:
    """A record line whose shape is wrong: where (its line), then what is wrong."""
    return _malformed(_AT + what + ": " + _ADVICE)


def _card(what: str) -> MessageDef:
    return MessageDef("this device card is not valid: " + what, "bad_card")


def _unwritable(text: str) -> MessageDef:
    return MessageDef(text, "bundle_unwritable")


_STICK_FULL = "free some space on the stick (or use another) and try again"
_STICK_GONE = "was the stick removed? Plug it in again and try again"
_STICK = "check the stick and try again"
_UNFINISHED = (
    "--out: the bundle could not be finished on the stick{cause}, so nothing was exported; "
)
_NOT_WRITTEN = "--out: could not write the bundle ({cause}); nothing was exported — "

SYNC_MESSAGES: dict[str, MessageDef] = {
    # --- strict JSON (envelopes, cards, manifest lines) ---------------------------------
    "json_not_utf8": _malformed(
        "the file is not UTF-8 text (bad byte at position {position}): " + _DAMAGED
    ),
    "json_bom": _malformed("the file starts with a byte-order mark: " + _DAMAGED),
    "json_invalid_at": _malformed(
        "the file is not valid JSON ({problem} at line {line}, column {column}): " + _DAMAGED
    ),
    "json_invalid": _malformed("the file is not valid JSON: " + _DAMAGED),
    "json_too_many_values": _malformed(
        "the file holds more than {limit} values, more than alhol-desk ever writes: " + _DAMAGED
    ),
    "json_too_deep": _malformed("the file nests deeper than {depth} levels: " + _DAMAGED),
    "json_bad_number": _malformed(
        "the file holds the number {number}, but alhol-desk only writes whole numbers up to "
        "±{largest}: " + _DAMAGED
    ),
    "json_repeated_key": _malformed("the file repeats the key {key}: " + _DAMAGED),
    "json_lone_surrogate": _malformed(
        "the file holds a broken character (a lone surrogate escape): " + _DAMAGED
    ),
    # --- the file and its envelope ------------------------------------------------------
    "bundle_signature_mismatch": MessageDef(
        "signature does not match: the file was altered or damaged", "signature_mismatch"
    ),
    "bundle_from_demo": MessageDef(
        "this bundle comes from an alhol-desk demo (signed with the published demo key): "
        "its records are examples, never imported",
        "demo_bundle",
    ),
    "bundle_untrusted_signer": MessageDef(
        "signed by a key this device does not trust: get the sender's device card and "
        "confirm its fingerprint first",
        "untrusted_signer",
    ),
    "bundle_newer_version": MessageDef(
        "this bundle was made by a newer version of alhol-desk: update the app", "newer_version"
    ),
    "bundle_format_newer": MessageDef(
        "this bundle uses sync format {theirs}, and this version of alhol-desk reads up to "
        "format {ours}: update the app on this device, then import the bundle again",
        "format_newer",
    ),
    "envelope_format_old": _malformed(
        "this bundle uses sync format {theirs}, which this version of alhol-desk cannot read "
        "(it reads format {ours}): " + _ADVICE
    ),
    "envelope_other_type": MessageDef(
        "this file is not an alhol-desk bundle (it holds {payload_type})", "not_a_bundle"
    ),
    "envelope_fields": _envelope("the envelope does not have the expected fields"),
    "envelope_unsigned": _malformed("the bundle is not signed, so it cannot be trusted"),
    "envelope_signature_count": _envelope("it has {count} signatures"),
    "envelope_signature_fields": _envelope("a signature does not have the expected fields"),
    "envelope_key_id": _envelope("a signature's key id is not valid"),
    "envelope_signature_size": _envelope("a signature is not 64 bytes"),
    "envelope_base64": _envelope("its {part} is not valid base64"),
    "encrypt_no_recipient": MessageDef(
        "there is no device to encrypt this bundle for: trust the receiving device's card first"
    ),
    "encrypt_bad_recipient": MessageDef("{recipient} is not an age recipient (age1…)"),
    "bundle_too_large": MessageDef(
        "the file is too large to be a bundle; it was not read", "not_a_bundle"
    ),
    "bundle_too_large_mb": MessageDef(
        "the file is too large to be a bundle ({size_mb} MB); it was not read", "not_a_bundle"
    ),
    "bundle_not_a_file": MessageDef(
        "this is not a file (a folder, a pipe or a device)", "not_a_bundle"
    ),
    "bundle_not_encrypted": MessageDef(
        "this file is not an alhol-desk bundle (it is not encrypted)", "not_a_bundle"
    ),
    "bundle_unreadable": MessageDef(
        "the file cannot be read (was the stick removed?)", "unreadable"
    ),
    "bundle_not_addressed": MessageDef(
        "this bundle is not addressed to this device: ask the sender to export it for this "
        "device (they must trust this device's card)",
        "not_for_this_device",
    ),
    "bundle_damaged": MessageDef(
        "the bundle is damaged or cut short (was the stick pulled out early?): copy it again "
        "from the sender",
        "damaged",
    ),
    # --- the manifest -------------------------------------------------------------------
    "manifest_empty": _malformed("the bundle's manifest is empty: " + _DAMAGED),
    "manifest_not_zlib": _malformed("the bundle's manifest cannot be decompressed: " + _DAMAGED),
    "manifest_too_large": _malformed(
        "the bundle's manifest is larger than {limit} bytes, more than alhol-desk ever writes "
        "in one bundle: " + _DAMAGED
    ),
    "manifest_data_after_end": _malformed(
        "the bundle's manifest has data after its end: " + _DAMAGED
    ),
    "manifest_cut_short": _malformed("the bundle's manifest is cut short: " + _DAMAGED),
    "manifest_no_final_newline": _malformed(
        "the bundle's manifest does not end with a new line: " + _DAMAGED
    ),
    "manifest_long_header": _malformed(
        "the bundle's manifest has header longer than {limit} bytes, more than alhol-desk "
        "ever writes: " + _DAMAGED
    ),
    "manifest_long_line": _malformed(
        "the bundle's manifest has a record line longer than {limit} bytes, more than "
        "alhol-desk ever writes: " + _DAMAGED
    ),
    "manifest_no_header": _malformed(
        "the bundle's manifest does not start with its header: " + _ADVICE
    ),
    "manifest_other_format": MessageDef(
        "this file is not an alhol-desk bundle (it holds other data)", "not_a_bundle"
    ),
    "manifest_format_old": _malformed(
        "this bundle uses sync format {theirs}, which this version of alhol-desk never wrote "
        "and cannot read (it reads format {ours}): " + _ADVICE
    ),
    "manifest_unknown_table": MessageDef(
        "the bundle carries a kind of record this version of alhol-desk does not know "
        "({table}): " + _NEWER,
        "newer_version",
    ),
    "manifest_unknown_column": MessageDef(
        "the bundle carries a field this version of alhol-desk does not know "
        "({table}.{column}): " + _NEWER,
        "newer_version",
    ),
    "manifest_column_twice": _malformed(
        "the bundle's header lists a column of {table} twice: " + _ADVICE
    ),
    "manifest_device_twice": _malformed("the bundle's header lists a device twice: " + _ADVICE),
    "manifest_too_many_devices": _malformed("the bundle's header names more than {limit} devices"),
    "manifest_too_many_recipients": _malformed(
        "the bundle is addressed to more than {limit} keys: " + _ADVICE
    ),
    "manifest_first_seq": _malformed(
        "the bundle's header is not valid at /export/first_seq: it is after the bundle's own "
        "number: " + _ADVICE
    ),
    "manifest_too_many_records": _malformed(
        "the bundle holds more than {limit} records, more than alhol-desk ever writes in one "
        "bundle: " + _DAMAGED
    ),
    "manifest_too_many_changes": _malformed(
        "the bundle holds more than {limit} changes, more than alhol-desk ever writes in one "
        "bundle: " + _DAMAGED
    ),
    "manifest_record_twice": _malformed(
        "the bundle's manifest gives one record twice ({where}): " + _ADVICE
    ),
    "manifest_value_kind": _malformed(
        "the bundle's manifest is not valid at {where} ({table}.{column}): it is {kind}, but "
        "a value must be text, a whole number or null: " + _ADVICE
    ),
    "manifest_number_range": _malformed(
        "the bundle holds a number out of range ({table}.{column}): " + _DAMAGED
    ),
    "manifest_json_at": _malformed(
        "the bundle's manifest is not valid JSON at {where} ({problem}): " + _DAMAGED
    ),
    "manifest_json": _malformed("the bundle's manifest is not valid JSON at {where}: " + _DAMAGED),
    "manifest_constant": _malformed(
        "the file holds the number {number}, but alhol-desk only writes whole numbers: " + _DAMAGED
    ),
    "manifest_lone_surrogate": _malformed(
        "the file holds a broken character (a lone surrogate escape) at {where}: " + _DAMAGED
    ),
    "line_values": _line("a record gives a value for each of its table's columns"),
    "line_override": _line("an override is not [column, clock, base]"),
    "line_override_column": _line("an override's column is not one of its columns, in order"),
    "line_record": _line("a record must be [table, pk, created, values, overrides]"),
    "line_table": _line("{table} is not a table the header lists"),
    "line_pk": _line("{pk} is not a record id (a lowercase UUID)"),
    "line_lists": _line("its values and overrides must be lists"),
    "line_change_clock": _line("a change's clock is not [wall ms, counter, device, author]"),
    "line_author": _line("a change's author is not one of the header's authors"),
    "line_clock": _line("a clock is not [wall ms, counter, device]"),
    "header_missing": _header("the field {fields} is missing"),
    "header_unknown_field": _header("it has a field this version of alhol-desk does not know"),
    "header_type": _header("it must be {kinds}"),
    "header_const": _header("it must be {expected!r}"),
    "header_enum": _header("it must be one of: {choices}"),
    "header_minimum": _header("it must be at least {limit}"),
    "header_maximum": _header("it must be at most {limit}"),
    "header_empty": _header("it is empty"),
    "header_min_length": _header("it must be at least {limit} characters"),
    "header_max_length": _header("it must be at most {limit} characters"),
    "header_unique": _header("it lists the same item twice"),
    "header_too_many": _header("it has more than {limit} entries"),
    "header_key": _header("a key is not a device id"),
    "header_form": _header("it is not in the expected form"),
    # --- what the bundle says, against what this device knows --------------------------
    "bundle_wrong_signer": MessageDef(
        "the bundle says it comes from one device but is signed by another; it was not merged",
        "wrong_signer",
    ),
    "bundle_not_for_me": MessageDef(
        "this bundle is not addressed to this device", "not_for_this_device"
    ),
    "bundle_other_kind": _malformed(
        "this bundle holds {kind} data, which this version of alhol-desk does not import: "
        "update the app"
    ),
    "bundle_revoked": MessageDef(
        "{team}'s device was revoked after bundle {after}; set aside for a data manager to check",
        "revoked",
    ),
    "bundle_fork": MessageDef(
        "a different bundle {seq} from {team} was already imported: two bundles claim the "
        "same place; set aside for a data manager to check",
        "fork",
    ),
    "bundle_revoked_unvouched": MessageDef(
        "{team}'s device is revoked, and nothing imported here vouches for this bundle {seq} "
        "(the next bundle does not name it); set aside for a data manager to check",
        "refused",
    ),
    "bundle_ack_ahead": MessageDef(
        "the bundle confirms bundle {ack} from this device, but this device has written only "
        "{written} for {team}; it was not merged",
        "refused",
    ),
    "seq_far_ahead": MessageDef(
        "the bundle's number ({seq}) is far ahead of the last one from {team} ({last}); it "
        "was not merged",
        "seq_far_ahead",
    ),
    "bundle_future": MessageDef(
        "the bundle holds changes dated in the future (check the sending laptop's clock)",
        "future_changes",
    ),
    "bundle_constraint": MessageDef(
        "the bundle holds a record this database cannot store (a constraint failed); it was "
        "not merged",
        "refused",
    ),
    # --- the records it carries ---------------------------------------------------------
    "merge_unknown_table": MessageDef(
        "the bundle changes an unknown table {table!r}", "rule_broken"
    ),
    "merge_unknown_column": MessageDef(
        "the bundle changes an unknown column {table}.{column}", "rule_broken"
    ),
    "merge_required": MessageDef(
        "a value in the bundle breaks a rule: {table}.{column} is required (a number, 0 for none)",
        "rule_broken",
    ),
    "merge_twice": MessageDef(
        "the bundle changes {table}.{column} of one record twice", "rule_broken"
    ),
    "merge_value": MessageDef(
        "a value in the bundle breaks a rule: {table}.{column} {reason}", "rule_broken"
    ),
    "merge_unknown_country": MessageDef(
        "a value in the bundle breaks a rule: {table}.{column} is not a known ISO 3166 "
        "alpha-3 country code",
        "rule_broken",
    ),
    "merge_record": MessageDef(
        "{article} {kind} in the bundle breaks a rule: {field}: {reason}", "rule_broken"
    ),
    "merge_part_of_record": _malformed(
        "the bundle gives only part of {article} {kind} (no {column}); alhol-desk always "
        "sends whole records: it was not merged"
    ),
    "merge_relayed": MessageDef(
        "the bundle carries a change to a {kind} made on another device, which only HQ may "
        "relay; it was not merged",
        "refused",
    ),
    # --- warnings of an import (the bundle was merged) ----------------------------------
    "warn_missing_bundles": MessageDef(
        "bundles {first} to {last} from {team} have not arrived yet", "missing_bundles"
    ),
    "warn_deleted_edited": MessageDef(
        "{table} {pk}: edited elsewhere after it was deleted here", "deleted_edited"
    ),
    # --- exporting ----------------------------------------------------------------------
    "export_to_unknown": MessageDef(
        "--to: {to!r} is not one trusted device this device sends to (see: alhol-desk keys "
        "show --json, or the Sync screen)"
    ),
    "export_no_recipient": MessageDef(
        "no trusted {role} device to send to yet: get its card on a stick, check its "
        "fingerprint by phone, then run: alhol-desk keys trust CARD --fingerprint FP",
        "no_recipient",
    ),
    "export_not_a_folder": MessageDef(
        "--out: {folder} is not a folder (is the stick plugged in?)", "no_folder"
    ),
    "export_record_too_large": MessageDef(
        "a {table} record ({pk}) is too large to be sent; check it with: alhol-desk check"
    ),
    "export_record_unfit": MessageDef("a {table} record ({pk}) cannot fit in a bundle"),
    "export_unfinished_full": _unwritable(_UNFINISHED + _STICK_FULL),
    "export_unfinished_gone": _unwritable(_UNFINISHED + _STICK_GONE),
    "export_unfinished": _unwritable(_UNFINISHED + _STICK),
    "export_not_written_full": _unwritable(_NOT_WRITTEN + _STICK_FULL),
    "export_not_written_gone": _unwritable(_NOT_WRITTEN + _STICK_GONE),
    "export_not_written": _unwritable(_NOT_WRITTEN + _STICK),
    # --- device cards -------------------------------------------------------------------
    "card_not_written": MessageDef("--out: could not write the card ({cause})", "card_unwritable"),
    "card_file_too_large": MessageDef("the card file is too large to be a device card", "bad_card"),
    "card_unreadable": MessageDef("the card file cannot be read ({cause})", "bad_card"),
    "card_demo": MessageDef(
        "this is the card of an alhol-desk demo (alhol-desk gui --demo): the demo signs "
        "with a published key, so its bundles are examples anyone could have made; it is "
        "never trusted. Nothing was trusted",
        "demo_card",
    ),
    "card_own": MessageDef(
        "this is this device's own card; trust the other side's card instead", "own_card"
    ),
    "card_fingerprint_mismatch": MessageDef(
        "--fingerprint: does not match the card; nothing was trusted. Read the fingerprint "
        "again with the card's owner (alhol-desk keys show on their laptop)",
        "fingerprint_mismatch",
    ),
    "card_other_key": MessageDef(
        "device {device_id} is already trusted with a different key; revoke it and enrol the "
        "laptop again if it was reinstalled",
        "trusted_other_key",
    ),
    "card_device_id": _card("the device id {device_id} is not 32 lowercase hex characters"),
    "card_team": _card("{problem}"),
    "card_role": _card("the role {role} is not one of: {roles}"),
    "card_signing_key": _card("the signing key is not a base64 Ed25519 public key (32 bytes)"),
    "card_recipient": _card("the age recipient {recipient} is not a valid age1… public key"),
    "card_too_big": MessageDef(
        "this file is too big to be a device card ({size_kib} KiB; a card is under 1 KiB): "
        "choose the card file that alhol-desk wrote",
        "bad_card",
    ),
    "card_not_json": MessageDef("this is not a device card: {reason}", "bad_card"),
    "card_other_format": MessageDef("this file is not an alhol-desk device card", "bad_card"),
    "card_newer": MessageDef(
        "this card was made by a newer version of alhol-desk: update the app", "card_newer"
    ),
    "card_unknown_version": MessageDef(
        "this device card has an unknown format_version {version}", "bad_card"
    ),
    "card_missing_field": MessageDef(
        "this device card has no {field}: ask for a new card", "bad_card"
    ),
    "card_field_not_text": MessageDef(
        "this device card's {field} is not text: ask for a new card", "bad_card"
    ),
    "card_unexpected_field": MessageDef(
        "this device card has an unexpected field {field}", "bad_card"
    ),
    "fingerprint_length": MessageDef(
        "a fingerprint has {length} letters and digits ({groups} groups of {size}); this one "
        "has {count}"
    ),
    "fingerprint_characters": MessageDef(
        "a fingerprint never contains {characters}: check what was read out"
    ),
    "revoke_unknown_device": MessageDef("DEVICE_ID: no trusted device {device_id}"),
    "revoke_negative": MessageDef("--after-seq: cannot be negative"),
    # --- this device's keys -------------------------------------------------------------
    "keys_exist": MessageDef(
        "this data folder already has device keys ({path}); nothing was replaced. New keys "
        "would make every device that trusts this one refuse its bundles: keep the keys, or "
        "set up a new data folder"
    ),
    "passphrase_too_short": MessageDef(
        "passphrase: is too short (at least {length} characters; a few words you can "
        "remember are better than one odd word)"
    ),
    "keys_missing": MessageDef(
        "this device has no keys ({path} is missing): " + _RESTORE + ", or set up a new data "
        "folder with 'alhol-desk init'",
        "keys_damaged",
    ),
    "keys_locked": MessageDef(
        "this device's keys are protected by a passphrase, and none was given", "keys_locked"
    ),
    "keys_file_damaged": MessageDef("{path} is damaged: " + _RESTORE, "keys_damaged"),
    "keys_wrong_passphrase": MessageDef(
        "wrong passphrase for this device's keys; nothing was done. If it is forgotten, the "
        "keys cannot be opened: 'alhol-desk keys retire' makes new ones (see "
        "docs/security.md)",
        "wrong_passphrase",
    ),
    "keys_bad_signing_key": MessageDef(
        "{path} is damaged or is not an Ed25519 key: " + _RESTORE, "keys_damaged"
    ),
    "keys_bad_identity": MessageDef(
        "{path} is damaged or is not an age identity: " + _RESTORE, "keys_damaged"
    ),
    # --- resolving conflicts ------------------------------------------------------------
    "conflict_choose": MessageDef("choose one: --keep local|incoming, or --set FIELD=VALUE"),
    "conflict_keep_side": MessageDef("--keep: must be local or incoming"),
    "conflict_unknown": MessageDef("ID: no conflict {conflict_id}"),
    "conflict_resolved": MessageDef("conflict {conflict_id} is already resolved"),
    "conflict_record_gone": MessageDef("the record of conflict {conflict_id} no longer exists"),
    "conflict_keep_breaks": MessageDef(
        "keeping the {side} value leaves the {kind} breaking a rule ({field} {reason}); type "
        "the right values instead: alhol-desk conflicts resolve {conflict_id} --set "
        "FIELD=VALUE …"
    ),
}
