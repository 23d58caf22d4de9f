"""CLI option names of record fields, so messages name the option the user typed.

Also the choices the parser offers, copied from the core so that building the parser imports
none of it (start-up time of the window; docs/performance.md);
tests/cli/test_import_cost.py checks that the copies still match.
"""

# = core.records.ROLES, BATCH_STATUSES, COUNTRY_STATUSES; core.report_files.CSV_TABLES
ROLES = ("field", "hq")
BATCH_STATUSES = ("planned", "confirmed", "departed", "received", "cancelled")
COUNTRY_STATUSES = ("not_engaged", "in_talks", "initiated", "ongoing", "completed", "suspended")
CSV_TABLES = ("batches", "countries")

# CLI option -> batch field. Also gives each field the name users see in messages.
BATCH_OPTIONS: dict[str, str] = {
    "--country": "country",
    "--date": "departure_date",
    "--status": "status",
    "--ref": "ref",
    "--families": "families",
    "--women": "women",
    "--men": "men",
    "--girls": "girls",
    "--boys": "boys",
    "--children": "children",
    "--adults": "adults",
    "--min-age": "min_age",
    "--max-age": "max_age",
    "--unaccompanied": "unaccompanied",
    "--separated": "separated",
    "--girls-0-4": "f_0_4",
    "--girls-5-11": "f_5_11",
    "--girls-12-17": "f_12_17",
    "--women-18-59": "f_18_59",
    "--women-60-plus": "f_60_plus",
    "--boys-0-4": "m_0_4",
    "--boys-5-11": "m_5_11",
    "--boys-12-17": "m_12_17",
    "--men-18-59": "m_18_59",
    "--men-60-plus": "m_60_plus",
    "--destination": "destination",
    "--agency": "agency",
    "--escort": "escort",
    "--source": "source",
    "--source-date": "source_date",
    "--note": "note",
}
STATUS_EVENT_OPTIONS = {
    "ISO3": "country",
    "STATUS": "status",
    "--date": "event_date",
    "--source": "source",
    "--note": "note",
}
