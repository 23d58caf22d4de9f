"""The column names the import understands: declared once in the core, the same as the
field labels and their Arabic translations, and listed as they are in docs/spreadsheets.md."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from alhol_desk.core.messages.fields import FIELD_LABELS
from alhol_desk.core.reports import BATCH_COLUMNS
from alhol_desk.core.sheets import headers
from alhol_desk.core.validation import BATCH_FIELDS

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "src" / "alhol_desk" / "resources" / "translations" / "alhol_desk_ar.ts"
PAGE = ROOT / "docs" / "spreadsheets.md"
BEGIN, END = "<!-- columns: begin -->", "<!-- columns: end -->"


def arabic_labels() -> dict[str, str]:
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        if context.findtext("name") == "fields":
            return {
                m.findtext("source") or "": m.findtext("translation") or ""
                for m in context.iter("message")
            }
    raise AssertionError("the .ts has no fields context")


def test_every_field_of_a_batch_has_headers_its_label_and_arabic_among_them() -> None:
    arabic = arabic_labels()
    for field in BATCH_FIELDS:
        if field == "deleted":
            assert field not in headers.HEADERS  # never imported: a delete is an edit
            continue
        names = headers.accepted(field)
        assert FIELD_LABELS[field] in names, field
        assert arabic[FIELD_LABELS[field]] in names, field
        assert all(headers.field_of_header(name)[0] == field for name in names), field


def test_no_header_is_read_as_two_fields() -> None:
    seen: dict[str, str] = {}
    for field in headers.HEADERS:
        for name in headers.accepted(field):
            assert seen.setdefault(headers.normalise(name), field) == field, name


def test_the_reports_hashtags_all_import_back() -> None:
    for column in BATCH_COLUMNS:
        if column.key in BATCH_FIELDS:
            assert headers.field_of_hxl(column.hxl) == column.key
        else:  # names looked up from the code, the id, totals computed from the counts
            assert headers.is_ignored_hxl(column.hxl), column.key


def test_headers_are_compared_folded() -> None:
    assert headers.field_of_header("  GIRLS ")[0] == "girls"
    assert headers.field_of_header("فتيات 0-4")[0] == "f_0_4"  # ASCII digits, a hyphen
    assert headers.field_of_header("الجهة المستلمة")[0] == "agency"  # without the kasra
    assert headers.field_of_header("group_people/boys")[0] == "boys"  # a Kobo group path
    assert headers.field_of_header("\ufeffCountry")[0] == "country"
    assert headers.is_ignored_header("_submission_time")


def page_table() -> str:
    """The table docs/spreadsheets.md must hold between its markers."""
    lines = [
        "| field | columns read as it (English, Arabic, others) | HXL hashtag |",
        "|---|---|---|",
    ]
    tags = {c.key: c.hxl for c in BATCH_COLUMNS}
    for field in headers.HEADERS:
        names = " · ".join(f"`{name}`" for name in headers.accepted(field))
        later = " (read once batches keep this total)" if field in headers.NOT_YET_FIELDS else ""
        tag = f"`{tags[field]}`" if field in tags else ""
        lines.append(f"| `{field}`{later} | {names} | {tag} |")
    return "\n".join(lines)


def test_the_users_page_lists_the_same_columns() -> None:
    text = PAGE.read_text(encoding="utf-8")
    found = re.search(re.escape(BEGIN) + r"\n(.*?)\n" + re.escape(END), text, re.S)
    assert found is not None, f"{PAGE.name} lacks its {BEGIN} … {END} markers"
    assert found[1] == page_table(), (
        "docs/spreadsheets.md's column table differs from core/sheets/headers.py; "
        "replace it with:\n" + page_table()
    )
