"""Messages of records, the CLI, backups, reports and the data folder (not sync).

Each code's ``explain_as`` names how the window explains it (``gui/messages.py``,
``GENERAL_EXPLANATIONS``); codes only the command line can raise are explained as
``general``. Templates hold paths and counts, never a record's values.
"""

from __future__ import annotations

from .base import MessageDef

SETUP_HINT = 'run: alhol-desk init --team "TEAM NAME" --role field|hq'
_NOTHING_CHANGED = "nothing was changed"
_SPACE = "check the folder or stick has space and try again"

GENERAL_MESSAGES: dict[str, MessageDef] = {
    # --- the data folder ------------------------------------------------------------
    "not_initialised": MessageDef(
        f"no alhol-desk data in this folder yet; {SETUP_HINT}", "not_initialised"
    ),
    "no_device": MessageDef(f"this data folder has no device yet; {SETUP_HINT}", "not_initialised"),
    "team_required": MessageDef(
        'team: is required (the name of your team, e.g. "Hasakah 1")', "setup_refused"
    ),
    # A team's or an operator's name breaking the one rule for names (records.name_problem).
    "name_refused": MessageDef("{problem}", "setup_refused"),
    "role_unknown": MessageDef("role: {role!r} is not one of: {choices}", "setup_refused"),
    "data_dir_is_file": MessageDef(
        "--data-dir: {path} is a file, not a folder", "data_dir_is_file"
    ),
    "already_initialised": MessageDef(
        "this data folder is already set up as device {device} ({role}, team {team!r}); "
        "nothing changed",
        "already_initialised",
    ),
    "already_open": MessageDef(
        "alhol-desk is already open on this data folder ({who}); close it first "
        "(only one window or command may change the data at a time)",
        "already_open",
    ),
    "holder_unknown": MessageDef("another program"),
    "holder_pid": MessageDef("pid {pid}"),
    "holder_pid_since": MessageDef("pid {pid}, since {since}"),
    # What the start-up checks found of the data folder's privacy (``Workspace.notices``).
    "mode_fixed": MessageDef(
        "{path} could be read by other users of this computer (mode {mode}); fixed to {fixed}",
        "private_fixed",
    ),
    "mode_not_fixed": MessageDef(
        "{path} can be read by other users of this computer (mode {mode}) and "
        "could not be fixed ({reason}): make it private ({wanted})",
        "private_not_fixed",
    ),
    "access_fixed": MessageDef(
        "{path} could be opened by other users of this computer; fixed: now only "
        "your account may open it",
        "private_fixed",
    ),
    "access_not_fixed": MessageDef(
        "{path} may be opened by other users of this computer and its access could "
        "not be fixed ({reason}): in its Properties › Security, leave only "
        "your own account",
        "private_not_fixed",
    ),
    # --- the demo (core/demo.py): its own folder, never a live device's -------------------
    "demo_on_live_device": MessageDef(
        "this data folder is a live device (team {team!r}): demo records here would be "
        f"counted, reported and sent to HQ as real ones; {_NOTHING_CHANGED}. The demo has "
        "its own folder: alhol-desk gui --demo",
        "demo_on_live_device",
    ),
    "demo_folder_is_live": MessageDef(
        "the demo folder {path} is set up as a live device (team {team!r}), not as the "
        f"demo; {_NOTHING_CHANGED}. Move it away, or give --data-dir another folder",
        "demo_folder_is_live",
    ),
    "retire_demo": MessageDef(
        "the demo's keys cannot be retired: the demo signs with the published demo key, "
        "which every device refuses; new keys would let its example records pass for a "
        f"team's. {_NOTHING_CHANGED}",
        "demo_keys",
    ),
    "read_only_retire": MessageDef(
        "retiring the keys changes the data folder: open it for writing", "read_only"
    ),
    # --- the database ---------------------------------------------------------------
    "schema_too_new": MessageDef(
        "this database has schema version {version}, newer than this app understands "
        "({known}); update alhol-desk",
        "schema_too_new",
    ),
    "database_unreadable": MessageDef(
        "the database {path} cannot be opened ({reason}); check the disk and that this "
        "user may read the data folder",
        "database_unreadable",
    ),
    # The damaged-database refusal is one line in three parts: what happened, where the
    # copy was kept (when it was: ``damaged_kept``), and what to do (``damaged_*backup``).
    "database_damaged": MessageDef(
        "the database is damaged (its integrity check failed), so alhol-desk will not write "
        "to it and nothing was changed. {kept} {next_step}",
        "database_damaged",
    ),
    "damaged_kept": MessageDef("A copy was kept for an expert in {path}."),
    "damaged_no_backup": MessageDef(
        "No good backup was found: do not delete anything, and ask for help "
        "(take the copy above to a data manager)."
    ),
    "damaged_backup": MessageDef(
        "The newest good backup is {backup} (from {when}): with every alhol-desk window "
        "closed, restore it (alhol-desk restore {backup}), then enter again what was typed "
        "after that time and has not been exported."
    ),
    # What ``check`` found (core/maintenance.py), one line each.
    "check_integrity": MessageDef("integrity: {problems}"),
    "check_foreign_keys": MessageDef("foreign key problems: {count}"),
    "check_schema": MessageDef("schema version: {version} (this app: {known})"),
    "check_needs_attention": MessageDef(
        "the database needs attention (see above); do not sync from it", "database_damaged"
    ),
    # --- records --------------------------------------------------------------------
    # A record that broke rules: each Issue is a code of its own (REASONS), rendered beside
    # its field by the form; this line is their English, for the CLI and the log of a fault.
    "rules_broken": MessageDef("{issues}"),
    "record_not_found": MessageDef("no {kind} with id {id}", "not_found"),
    # The CLI's own wording of a refused record (its option names, e.g. --girls).
    "record_refused": MessageDef("{problems}"),
    # --- backups and restores -------------------------------------------------------
    "backup_not_sqlite": MessageDef(
        f"{{name}} is not an alhol-desk backup (not an SQLite database); {_NOTHING_CHANGED}",
        "backup_not_a_backup",
    ),
    "backup_unreadable": MessageDef(
        f"{{name}} is damaged: SQLite cannot read it; {_NOTHING_CHANGED} (try an older backup)",
        "backup_damaged",
    ),
    "backup_integrity": MessageDef(
        f"{{name}} is damaged: its integrity check failed; {_NOTHING_CHANGED} "
        "(try an older backup)",
        "backup_damaged",
    ),
    "backup_too_new": MessageDef(
        "{name} was made by a newer alhol-desk (schema version {version}, "
        f"this app knows {{known}}); update alhol-desk first; {_NOTHING_CHANGED}",
        "backup_too_new",
    ),
    "backup_foreign_tables": MessageDef(
        "{name} is not an alhol-desk backup (its tables are not alhol-desk's); "
        f"{_NOTHING_CHANGED}",
        "backup_not_a_backup",
    ),
    "backup_record_form": MessageDef(
        f"{{name}}: a {{kind}} in it is not in alhol-desk's form; {_NOTHING_CHANGED}",
        "backup_breaks_rule",
    ),
    "backup_record_rule": MessageDef(
        "{name}: the {kind} {id} in it breaks a rule ({field}: {reason}); "
        f"{_NOTHING_CHANGED}",
        "backup_breaks_rule",
    ),
    "backup_out_exists": MessageDef(
        "--out: {path} already exists; a backup never overwrites a file", "out_exists"
    ),
    "out_folder_missing": MessageDef(
        "--out: the folder {folder} does not exist", "out_folder_missing"
    ),
    "out_is_folder": MessageDef(
        "--out: {path} is a folder; give a file name inside it", "out_is_folder"
    ),
    "backup_check_failed": MessageDef(
        "the database failed its check, so no backup was written; run: alhol-desk check",
        "database_damaged",
    ),
    "backup_not_written": MessageDef(
        f"--out: the backup could not be written ({{reason}}); {_SPACE}", "not_written"
    ),
    "restore_busy": MessageDef(
        "the database is open in alhol-desk (a window or another command); "
        f"close it and try again; {_NOTHING_CHANGED}",
        "restore_busy",
    ),
    "restore_no_file": MessageDef(f"{{path}}: no such file; {_NOTHING_CHANGED}", "restore_no_file"),
    "restore_other_device": MessageDef(
        "{name} is a backup of another device (team {theirs!r}); this "
        f"folder belongs to team {{mine!r}} and its keys; {_NOTHING_CHANGED}",
        "restore_other_device",
    ),
    "restore_not_finished": MessageDef(
        "the restore could not be finished ({reason}); the database was not "
        "replaced — check the disk has space and try again",
        "not_written",
    ),
    # What a restore did besides replacing the database (core/backup.py, ``Restored``).
    "restore_kept_aside": MessageDef("the database it replaced is kept as {path}"),
    "restore_kept_position": MessageDef(
        "kept this device's {what}, ahead of the backup's, so that "
        "the next export follows the bundles already sent"
    ),
    "restored_from": MessageDef("restored from {path} (schema version {version})"),
    # --- reports --------------------------------------------------------------------
    "report_not_written": MessageDef(
        f"--out: could not write {{name}} ({{reason}}); {_SPACE}", "not_written"
    ),
    "csv_table_unknown": MessageDef("--table: {table!r} is not one of: {choices}"),
    "csv_table_only": MessageDef(
        "--table: only for --format csv (one table per CSV file); "
        "an XLSX or PDF report holds every table"
    ),
    # Reporting periods (core/periods.py): the option and what it wants, never a record.
    "period_bad": MessageDef("{option}: {value!r} is not {expected}", "period_bad"),
    "period_options_clash": MessageDef(
        "{options}: give one period (--month, --quarter, --year, or --from and --to)"
    ),
    "period_reversed": MessageDef(
        "--from {start} is after --to {end}; the range runs from --from to --to", "period_bad"
    ),
    "pdf_unavailable": MessageDef(
        "--format pdf: PDF reports are drawn by the desktop app's Qt part, which is not "
        "available in this installation; use --format csv or --format xlsx"
    ),
    # The report's summary figures (core/reports.py): CSV and XLSX write their English, the
    # PDF writes it beside the Arabic it finds by code (gui/pdf_report.py, FIGURES). Extra
    # values name what the English spells out (``status``, a status code; ``field``, a key).
    "figure_countries_tracked": MessageDef(
        "Countries tracked (with a status or a repatriated batch)"
    ),
    "figure_countries_started": MessageDef("Countries that have started repatriating"),
    "figure_countries_with_status": MessageDef("Countries with status: {status_words}"),
    "figure_countries_without_status": MessageDef("Countries with no status yet"),
    "figure_batches_repatriated": MessageDef("Batches repatriated"),
    "figure_repatriated": MessageDef("{label} repatriated"),
    "figure_camp_population": MessageDef("Camp population (estimate)"),
    "figure_camp_countries": MessageDef("Countries with nationals in the camp (estimate)"),
    "figure_camp_repatriating": MessageDef("Countries repatriating (estimate)"),
    "about_repatriated": MessageDef("status departed or received"),
    # Batches dated less precisely than the report's period (listed apart, never counted).
    "figure_apart_batches": MessageDef("Batches dated {words} only, listed apart"),
    "figure_apart_people": MessageDef("People in batches dated {words} only, listed apart"),
    "about_apart": MessageDef("not counted in this period: the date may fall outside it"),
    "period_counted": MessageDef("yes"),
    "period_apart": MessageDef("no: dated {words} only"),
    # --- drafts ---------------------------------------------------------------------
    "draft_too_large": MessageDef(
        "this form is too large to keep as a draft; save it instead", "draft_too_large"
    ),
    "draft_not_kept": MessageDef(
        "the draft could not be kept ({reason}); the form is still open", "draft_not_kept"
    ),
    # --- the command line -----------------------------------------------------------
    "window_unavailable": MessageDef(
        "the window is not available in this installation; use the commands listed by "
        "alhol-desk --help"
    ),
    "nothing_to_change": MessageDef("nothing to change: give at least one field, e.g. --girls 12"),
    "passphrase_needs_terminal": MessageDef(
        "this device's keys are protected by a passphrase: run the command in a terminal "
        "to be asked for it, or set {variable}"
    ),
    "new_passphrase_needs_terminal": MessageDef(
        "a new passphrase is needed: run the command in a terminal, or set {variable}"
    ),
    "passphrases_differ": MessageDef("the two passphrases differ; nothing was changed"),
    "retire_needs_yes": MessageDef(
        "keys retire makes new keys and a new device id for this laptop; every device "
        "must then trust its new card. Run again with --yes to go ahead"
    ),
    "set_not_field_value": MessageDef("--set: {item!r} is not FIELD=VALUE"),
}
