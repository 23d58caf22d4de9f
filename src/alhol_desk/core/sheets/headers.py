"""The column names a spreadsheet import understands, declared once per batch field.

A column is matched, in this order, by an explicit ``--map`` (``core/sheets/columns.py``),
by its HXL hashtag (our own CSV and XLSX reports carry a hashtag row, so they import
back), or by its header: English or Arabic, the field's label (``messages/fields.py``),
its Arabic translation (the window's ``.ts``; tests/core/test_sheet_headers.py checks
that each is here) and the names teams and KoboToolbox forms commonly use. A Kobo
"XLSX export" heads a column with its group path (``group_children/girls``): the last
part of the path is matched too. docs/spreadsheets.md lists this table (a test keeps the
page and the table the same).

Headers are compared folded (``normalise``): case, spaces, punctuation, Arabic letter
variants and diacritics, and Arabic-Indic digits do not matter.
"""

from __future__ import annotations

import re
import unicodedata

from ..browse import fold
from ..reports import BATCH_COLUMNS
from ..validation import BATCH_FIELDS

# field -> accepted headers, the preferred first: when two columns of one sheet name the
# same field, the one whose header comes first here is read and the other is left out.
# ``people`` (a total without breakdown) is a field once batches keep that total; until
# then its column is recognised and left out (``FIELD_HEADERS`` keeps only real fields).
HEADERS: dict[str, tuple[str, ...]] = {
    "country": (
        "Country code",
        "ISO3",
        "ISO 3166",
        "Country",
        "Nationality",
        "Country of origin",
        "رمز البلد",
        "رمز الدولة",
        "البلد",
        "الدولة",
        "الجنسية",
    ),
    "status": ("Status", "Batch status", "الحالة", "حالة الدفعة"),
    "departure_date": (
        "Departure date",
        "Date of departure",
        "Date",
        "Handover date",
        "Repatriation date",
        "تاريخ المغادرة",
        "تاريخ التسليم",
        "التاريخ",
    ),
    "ref": ("Batch reference", "Reference", "Ref", "Batch", "مرجع الدفعة", "المرجع"),
    "families": (
        "Families",
        "Households",
        "Number of families",
        "العائلات",
        "عدد العائلات",
        "الأسر",
    ),
    "people": (
        "People",
        "Total people",
        "Total",
        "Individuals",
        "الأشخاص",
        "إجمالي الأشخاص",
        "المجموع",
    ),
    "women": ("Women", "Adult women", "Female adults", "النساء", "نساء"),
    "men": ("Men", "Adult men", "Male adults", "الرجال", "رجال"),
    "girls": ("Girls", "Female children", "الفتيات", "فتيات", "البنات"),
    "boys": ("Boys", "Male children", "الفتيان", "فتيان", "الأولاد", "الصبيان"),
    "children": (
        "Children (sheet total)",
        "Children",
        "Total children",
        "Minors",
        "الأطفال (إجمالي الورقة)",
        "الأطفال",
        "عدد الأطفال",
    ),
    "adults": (
        "Adults (sheet total)",
        "Adults",
        "Total adults",
        "البالغون (إجمالي الورقة)",
        "البالغون",
        "عدد البالغين",
    ),
    "min_age": (
        "Youngest child's age",
        "Youngest child (age)",
        "Min age",
        "Minimum age",
        "عمر أصغر طفل",
        "أصغر عمر",
    ),
    "max_age": (
        "Oldest child's age",
        "Oldest child (age)",
        "Max age",
        "Maximum age",
        "عمر أكبر طفل",
        "أكبر عمر",
    ),
    "unaccompanied": (
        "Unaccompanied children",
        "Unaccompanied",
        "UAC",
        "أطفال غير مصحوبين",
        "غير مصحوبين",
    ),
    "separated": ("Separated children", "Separated", "أطفال منفصلون عن ذويهم", "منفصلون"),
    "f_0_4": ("Girls 0–4", "Girls 0-4", "F 0-4", "فتيات ٠–٤"),
    "f_5_11": ("Girls 5–11", "Girls 5-11", "F 5-11", "فتيات ٥–١١"),
    "f_12_17": ("Girls 12–17", "Girls 12-17", "F 12-17", "فتيات ١٢–١٧"),
    "f_18_59": ("Women 18–59", "Women 18-59", "F 18-59", "نساء ١٨–٥٩"),
    "f_60_plus": ("Women 60+", "Women 60 plus", "F 60+", "نساء ٦٠ فأكثر"),
    "m_0_4": ("Boys 0–4", "Boys 0-4", "M 0-4", "فتيان ٠–٤"),
    "m_5_11": ("Boys 5–11", "Boys 5-11", "M 5-11", "فتيان ٥–١١"),
    "m_12_17": ("Boys 12–17", "Boys 12-17", "M 12-17", "فتيان ١٢–١٧"),
    "m_18_59": ("Men 18–59", "Men 18-59", "M 18-59", "رجال ١٨–٥٩"),
    "m_60_plus": ("Men 60+", "Men 60 plus", "M 60+", "رجال ٦٠ فأكثر"),
    "destination": ("Destination", "Handed over at", "Place", "الوجهة", "مكان التسليم"),
    "agency": (
        "Receiving agency",
        "Agency",
        "Received by",
        "Receiving organisation",
        "الجهة المستلِمة",
        "الجهة المستلمة",
    ),
    "escort": ("Escort", "Escorted by", "المرافقة", "المرافق"),
    "source": ("Source", "Source of figures", "المصدر"),
    "source_date": ("Source date", "Date of source", "Reported on", "تاريخ المصدر"),
    "note": ("Note", "Notes", "Comment", "Comments", "Remarks", "ملاحظة", "ملاحظات"),
}

# Columns known to carry nothing to import: KoboToolbox's and ODK's submission metadata,
# and what our own reports add beside the fields (names looked up from the code, the id).
IGNORED_HEADERS: tuple[str, ...] = (
    "_id",
    "_uuid",
    "_submission_time",
    "_index",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_version_",
    "_tags",
    "_parent_index",
    "_parent_table_name",
    "meta/instanceID",
    "meta/instanceName",
    "meta/deprecatedID",
    "instanceID",
    "deviceid",
    "start",
    "end",
    "today",
    "username",
    "simserial",
    "subscriberid",
    "phonenumber",
    "Country (Arabic)",
    "Batch id",
)
IGNORED_HXL: tuple[str, ...] = ("#country+name+i_ar", "#country+name+i_en", "#meta+id")

FIELD_HEADERS: dict[str, tuple[str, ...]] = {
    field: names for field, names in HEADERS.items() if field in BATCH_FIELDS
}
NOT_YET_FIELDS = frozenset(HEADERS) - frozenset(FIELD_HEADERS)

_PUNCTUATION = re.compile(r"[^\w+]+")


def normalise(text: str) -> str:
    """A header as compared: folded, marks dropped, punctuation and spacing as one space."""
    # A byte-order mark read as text (a UTF-8 CSV opened as Latin-1) is not part of a name.
    text = str(text).removeprefix("\ufeff").removeprefix("ï»¿")
    decomposed = unicodedata.normalize("NFKC", fold(text))
    words = _PUNCTUATION.sub(" ", decomposed.replace("_", " "))
    return " ".join(words.split())


def normalise_hxl(tag: str) -> str:
    """An HXL hashtag with its attributes in a fixed order (HXL says order does not matter)."""
    parts = [p.strip().lower() for p in str(tag).strip().split("+") if p.strip()]
    if not parts or not parts[0].startswith("#"):
        return ""
    return "+".join([parts[0], *sorted(parts[1:])])


def accepted(field: str) -> tuple[str, ...]:
    """Every header read as ``field``: the table's, then the field's own name (as a
    KoboToolbox form that names its questions after our fields heads its columns)."""
    names = HEADERS[field]
    return names if normalise(field) in map(normalise, names) else (*names, field)


def _by_header() -> dict[str, tuple[str, int]]:
    found: dict[str, tuple[str, int]] = {}
    for field in FIELD_HEADERS:
        for rank, name in enumerate(accepted(field)):
            found.setdefault(normalise(name), (field, rank))
    return found


def _by_hxl() -> dict[str, str]:
    tags = {normalise_hxl(c.hxl): c.key for c in BATCH_COLUMNS if c.key in BATCH_FIELDS}
    return tags


BY_HEADER: dict[str, tuple[str, int]] = _by_header()
BY_HXL: dict[str, str] = _by_hxl()
_IGNORED = frozenset(normalise(h) for h in IGNORED_HEADERS) | frozenset(
    normalise(h) for f in NOT_YET_FIELDS for h in HEADERS[f]
)
_IGNORED_HXL = frozenset(normalise_hxl(t) for t in IGNORED_HXL) | frozenset(
    normalise_hxl(c.hxl) for c in BATCH_COLUMNS if c.key in NOT_YET_FIELDS
)


def field_of_header(header: str) -> tuple[str, int] | None:
    """(field, rank) of a header, also by the last part of a Kobo group path."""
    for candidate in _candidates(header):
        found = BY_HEADER.get(candidate)
        if found is not None:
            return found
    return None


def is_ignored_header(header: str) -> bool:
    return any(c in _IGNORED for c in _candidates(header)) or str(header).startswith("_")


def field_of_hxl(tag: str) -> str | None:
    return BY_HXL.get(normalise_hxl(tag))


def is_ignored_hxl(tag: str) -> bool:
    return normalise_hxl(tag) in _IGNORED_HXL


def _candidates(header: str) -> list[str]:
    text = str(header).strip()
    names = [normalise(text)]
    if "/" in text:
        names.append(normalise(text.rsplit("/", 1)[1]))
    return names


def is_hxl_row(cells: list[object]) -> bool:
    """A row of HXL hashtags (every non-empty cell starts with '#', at least two of them)."""
    texts = [str(c).strip() for c in cells if c is not None and str(c).strip()]
    return len(texts) >= 2 and all(t.startswith("#") for t in texts)
