"""The PDF report (summary, country summary, batch manifest) in English and Arabic, drawn with Qt.

The core builds the report's tables (``core.reports``), suppression included; this module
only lays them out, on A4 landscape pages painted onto a ``QPdfWriter`` in memory. Each piece
of text is a ``QTextLayout`` with its own direction: HarfBuzz shapes the Arabic and the bidi
algorithm orders it right to left. Tables are paginated by whole rows (a row never splits
across pages) and repeat their header row on every page. The bytes are then written whole
beside ``--out`` and renamed, like the CSV and XLSX files.

The PDF is always bilingual, whatever the window's language: the Arabic names of fields and
statuses come from the app's own translation file (the words the window shows); the few
words only the PDF uses are in ``ARABIC`` below. Fonts are the system's (fontconfig on
Linux): the app bundles none.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLocale,
    QMarginsF,
    QTranslator,
)
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from .. import __version__
from ..core.messages import Message
from ..core.periods import Period
from ..core.report_files import write_whole
from ..core.reports import Cell, Report, as_text
from ..paths import resource_path
from . import i18n
from .pdf_layout import (
    INK,
    ISOLATE,
    LTR,
    RESOLUTION,
    Bilingual,
    Column,
    Composer,
    Grid,
    Para,
    RowCells,
    Typesetter,
    ar,
    en,
    starts_right_to_left,
    typed,
)
from .periods import date_text, period_text

# Words only the PDF uses, by their English text. Field and status names come from the
# translation file instead (``Words``), so that the PDF and the window name things alike.
ARABIC: dict[str, str] = {
    "Repatriations from al-Hol camp": "عمليات الإعادة إلى الوطن من مخيم الهول",
    "Team": "الفريق",
    "Made": "تاريخ الإعداد",
    "Summary": "الملخص",
    "Country summary": "ملخص البلدان",
    "Batch manifest": "بيان الدفعات",
    "Figure": "المؤشر",
    "Value": "القيمة",
    "Source or note": "المصدر أو ملاحظة",
    "Current status": "الحالة الراهنة",
    "Status date, source": "تاريخ الحالة ومصدرها",
    "Batches repatriated": "الدفعات المُعادة",
    "Not yet departed": "لم تغادر بعد",
    "Latest departure": "آخر مغادرة",
    "Ages": "الأعمار",
    "Unaccom\u00adpanied": "غير مصحوبين",
    "Separated": "منفصلون",
    "Children": "الأطفال",
    "Adults": "البالغون",
    "Page %1 of %2": "صفحة %1 من %2",
    "No batches recorded.": "لا توجد دفعات مسجّلة.",
    "No country has a status or a batch yet.": "لا يوجد بعدُ بلد له حالة أو دفعة.",
    "SHARED": "للمشاركة",
    "HQ ONLY": "للمقر فقط",
    "For sharing: small counts suppressed.": "للمشاركة: الأعداد الصغيرة محجوبة.",
    "Inside HQ only: exact counts.": "للاستخدام داخل المقر فقط: أعداد دقيقة.",
    "Counts of 1 to 4 people are shown as %1, and a total that includes one as the range "
    "it can take; notes and escorts are left out.": "تظهر أعداد الأشخاص من ١ إلى ٤ على شكل "
    "%1، ويظهر المجموع الذي يشمل أحدها على شكل النطاق الممكن؛ وحُذفت الملاحظات والمرافقون.",
    "Counts are exact and may identify people: do not share this report outside HQ.": (
        "الأعداد دقيقة وقد تكشف هوية أشخاص: لا تشارك هذا التقرير خارج المقر."
    ),
    "Repatriated means a batch that departed or was received.": (
        "المُعادون: دفعات غادرت أو استُلمت."
    ),
    "Ages are the youngest and oldest child's.": "الأعمار: عمر أصغر طفل وأكبر طفل.",
    "Period": "الفترة",
    "Listed apart: dated less precisely than the period": (
        "مدرجة على حدة: تاريخها أقل دقة من الفترة"
    ),
    "%1 batches dated less precisely than the period (a year, or a month the period cuts) "
    "are listed apart after the manifest: their date may fall outside the period, so they "
    "are not counted in its figures.": "%1 دفعات تاريخها أقل دقة من الفترة (سنة، أو شهر "
    "تقطعه الفترة) مدرجة على حدة بعد البيان: قد يقع تاريخها خارج الفترة، فلا تُحسب في أرقامها.",
}
# The core's summary figures and notes (core/reports.py, _summary_table), by their codes in
# core/messages/general.py: the English comes from the code's template, the Arabic from
# here, so rewording one cannot lose the other. {status} and {label} are filled in Arabic.
FIGURES: dict[str, str] = {
    "figure_countries_tracked": "البلدان المتابَعة (لها حالة أو دفعة مُعادة)",
    "figure_countries_started": "البلدان التي بدأت إعادة رعاياها",
    "figure_countries_with_status": "البلدان بحالة: {status}",
    "figure_countries_without_status": "بلدان بلا حالة بعد",
    "figure_batches_repatriated": ARABIC["Batches repatriated"],
    "figure_repatriated": "عدد المُعادين: {label}",
    "figure_camp_population": "عدد سكان المخيم (تقدير)",
    "figure_camp_countries": "البلدان التي لها رعايا في المخيم (تقدير)",
    "figure_camp_repatriating": "البلدان التي تعيد رعاياها (تقدير)",
    "about_repatriated": "الحالة: غادرت أو استُلمت",
    "figure_apart_batches": "دفعات مؤرخة {words} فقط، مدرجة على حدة",
    "figure_apart_people": "الأشخاص في دفعات مؤرخة {words} فقط، مدرجة على حدة",
    "about_apart": "لا تُحسب في هذه الفترة: قد يقع تاريخها خارجها",
}


# Text kept left to right inside Arabic ("<5", a date): the bidi algorithm would mirror "<".
_app: QGuiApplication | None = None


def _qt_ready() -> None:
    """Fonts need a QGuiApplication; the command line has none, so make one offscreen."""
    global _app
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return
    if existing is not None:
        raise RuntimeError("a PDF needs a QGuiApplication, and a QCoreApplication is running")
    _app = QGuiApplication(["alhol-desk", "-platform", "offscreen"])


class Words:
    """English to Arabic for the PDF: the app's translation file, then ``ARABIC``."""

    def __init__(self) -> None:
        self._translator = QTranslator()
        self._loaded = self._translator.load("alhol_desk_ar", str(resource_path("translations")))
        self._locale = QLocale("ar_SY")

    def _file(self, context: str, text: str) -> str:
        return (self._translator.translate(context, text) or "") if self._loaded else ""

    def ar(self, english: str) -> str:
        return ARABIC.get(english) or self._file("fields", english)

    def field(self, key: str) -> str:
        return self._file("fields", i18n.FIELD_LABELS.get(key, key))

    def status(self, code: str) -> str:
        return self._file("statuses", i18n.STATUS_LABELS.get(code, code)) if code else ""

    def number(self, value: int) -> str:
        return self._locale.toString(value)

    def figure(self, message: Message) -> str:
        """A summary figure's (or note's) Arabic, from its code; "" if unknown."""
        template = FIGURES.get(message.code, "")
        params = message.params
        if message.code == "figure_countries_with_status":
            status = self.status(params["status"])
            return template.format(status=status) if status else ""
        if message.code == "figure_repatriated":
            label = ARABIC.get(params["label"]) or self.field(params["field"])
            return template.format(label=label) if label else ""
        if "date" in params:  # a batch listed apart: its date at its precision, in Arabic
            return template.format(words=date_text(params["date"], self._locale))
        return template

    def period(self, period: Period) -> str:
        """The report's period in Arabic (month names and digits of Syria)."""
        return period_text(period, self._locale, lambda text: self._file("periods", text))


def english_status(code: str) -> str:
    return i18n.STATUS_LABELS.get(code, code.replace("_", " "))


# --- text on the page ------------------------------------------------------------------


HEADER_PT = 7.0
UNACCOMPANIED = "Unaccom\u00adpanied"  # a soft hyphen: the word breaks there in a narrow column


def _header(english: str, arabic: str, *, right: bool = False) -> list[Para]:
    """A column's name in both languages; over numbers, both aligned right like the numbers."""
    paras = [Para(english, bold=True, size=HEADER_PT, right=right)]
    if arabic:
        paras.append(Para(arabic, rtl=True, bold=True, size=HEADER_PT))
    return paras


def _text(key: str, *, right: bool = False) -> RowCells:
    def cell(row: dict[str, Cell]) -> list[Para]:
        text = as_text(row.get(key))
        if not text:
            return []
        return [Para(text, right=True)] if right else [typed(text)]

    return cell


def _count(key: str, english: str, arabic: str, width: float = 5.4) -> Column:
    return Column(_header(english, arabic, right=True), width, _text(key, right=True))


def _lines(*keys: str) -> RowCells:
    """The values of ``keys``, one line each (a status's date above its source)."""

    def cell(row: dict[str, Cell]) -> list[Para]:
        return [typed(text) for text in (as_text(row.get(k)) for k in keys) if text]

    return cell


def _joined(*keys: str) -> RowCells:
    """The values of ``keys`` on one line (a batch's source and the source's date)."""

    def cell(row: dict[str, Cell]) -> list[Para]:
        parts = [t for t in (as_text(row.get(k)) for k in keys) if t]
        if not parts:
            return []
        return [
            Para(" · ".join(ISOLATE.format(p) for p in parts), rtl=starts_right_to_left(parts[0]))
        ]

    return cell


def _country(words: Words, width: float) -> Column:
    def cell(row: dict[str, Cell]) -> list[Para]:
        name_ar = as_text(row["name_ar"])
        english = en(f"{as_text(row['name_en'])} ({as_text(row['country'])})")
        return [english, ar(name_ar)] if name_ar else [english]

    return Column(_header("Country", words.field("country")), width, cell)


def _status(key: str, english: str, arabic: str, words: Words, width: float) -> Column:
    def cell(row: dict[str, Cell]) -> list[Para]:
        code = as_text(row[key])
        if not code:
            return []
        return [en(english_status(code)), ar(words.status(code))]

    return Column(_header(english, arabic), width, cell)


def _people(words: Words) -> list[Column]:
    return [
        _count("people", "People", words.field("people")),
        _count("women", "Women", words.field("women")),
        _count("men", "Men", words.field("men")),
        _count("girls", "Girls", words.field("girls")),
        _count("boys", "Boys", words.field("boys")),
        _count("unaccompanied", UNACCOMPANIED, words.ar(UNACCOMPANIED), 6.4),
        _count("separated", "Separated", words.ar("Separated"), 6.2),
    ]


def summary_grid(report: Report, words: Words) -> Grid:
    def about(row: dict[str, Cell]) -> list[Para]:
        cell = row["about"]
        text = as_text(cell)
        arabic = words.figure(cell) if isinstance(cell, Message) else ""
        return [en(text), ar(arabic)] if arabic else [typed(text)] if text else []

    def figure(row: dict[str, Cell]) -> list[Para]:
        cell = row["figure"]
        return [ar(words.figure(cell))] if isinstance(cell, Message) else []

    columns = [
        Column(_header("Figure", ""), 34, _lines("figure")),
        Column(_header("Value", words.ar("Value"), right=True), 7, _text("value", right=True)),
        Column(
            [Para(words.ar("Figure"), rtl=True, bold=True, size=HEADER_PT)],
            30,
            figure,
        ),
        Column(_header("Source or note", words.ar("Source or note")), 28, about),
    ]
    return Grid(columns, report.summary, [])


def countries_grid(report: Report, words: Words) -> Grid:
    columns = [
        _country(words, 15),
        _status("status", "Current status", words.ar("Current status"), words, 10),
        Column(
            _header("Status date, source", words.ar("Status date, source")),
            15,
            _lines("status_date", "status_source"),
        ),
        _count("batches", "Batches repatriated", words.ar("Batches repatriated"), 7.5),
        _count("pending", "Not yet departed", words.ar("Not yet departed"), 7),
        Column(
            _header("Latest departure", words.ar("Latest departure")),
            7.5,
            _text("latest_departure"),
        ),
        *_people(words),
    ]
    empty = "No country has a status or a batch yet."
    return Grid(columns, report.countries, [en(empty), ar(words.ar(empty))])


def batches_grid(report: Report, words: Words, *, apart: bool = False) -> Grid:
    """The batch manifest: the batches counted in the period, or those listed apart."""

    def ages(row: dict[str, Cell]) -> list[Para]:
        low, high = as_text(row.get("min_age")), as_text(row.get("max_age"))
        if not (low or high):
            return []
        return [Para(f"{low}–{high}" if low != high else low, right=True)]

    columns = [
        Column(
            _header("Departure date", words.field("departure_date")), 6.6, _text("departure_date")
        ),
        _country(words, 12),
        _status("status", "Status", words.field("status"), words, 6.5),
        Column(_header("Reference", words.field("ref")), 6.4, _text("ref")),
        _count("families", "Families", words.field("families")),
        *_people(words),
        Column(_header("Ages", words.ar("Ages"), right=True), 5, ages),
        Column(_header("Destination", words.field("destination")), 7.5, _text("destination")),
        Column(_header("Receiving agency", words.field("agency")), 9, _text("agency")),
        Column(_header("Source", words.field("source")), 14, _joined("source", "source_date")),
    ]
    empty = "No batches recorded."
    return Grid(columns, report.batches_apart(apart), [en(empty), ar(words.ar(empty))])


def _heading(english: str, words: Words, size: float = 11) -> Bilingual:
    return Bilingual(
        [en(english, bold=True, size=size)], [ar(words.ar(english), bold=True, size=size)]
    )


def front_matter(report: Report, words: Words) -> Iterator[Bilingual]:
    """The title, who made the report and when, and what it may be used for."""
    made = report.generated_at.strftime("%Y-%m-%d %H:%M UTC")
    team = ISOLATE.format(report.team)
    yield _heading("Repatriations from al-Hol camp", words, size=15)
    yield Bilingual(
        [en(f"Team: {team} · Made: {made}")],
        [ar(f"{words.ar('Team')}: {team} · {words.ar('Made')}: {LTR.format(made)}")],
    )
    period = report.period
    # The Arabic gives the first and last day as digits, left to right, without English.
    days = ""
    if period.start and period.end:
        days = f" ({LTR.format(f'{period.start.isoformat()} – {period.end.isoformat()}')})"
    period_lines = (
        [en(f"Period: {period.heading}", bold=True)],
        [ar(f"{words.ar('Period')}: {words.period(period)}{days}", bold=True)],
    )
    if report.apart:
        note = (
            "%1 batches dated less precisely than the period (a year, or a month the period "
            "cuts) are listed apart after the manifest: their date may fall outside the "
            "period, so they are not counted in its figures."
        )
        period_lines[0].append(en(note.replace("%1", str(report.apart))))
        period_lines[1].append(ar(words.ar(note).replace("%1", words.number(report.apart))))
    yield Bilingual(*period_lines)
    if report.suppressed:
        mark = "For sharing: small counts suppressed."
        note = (
            "Counts of 1 to 4 people are shown as %1, and a total that includes one as the "
            "range it can take; notes and escorts are left out."
        )
        note_en, note_ar = note.replace("%1", "<5"), words.ar(note).replace("%1", LTR.format("<5"))
    else:
        mark = "Inside HQ only: exact counts."
        note = "Counts are exact and may identify people: do not share this report outside HQ."
        note_en, note_ar = note, words.ar(note)
    rest = (
        "Repatriated means a batch that departed or was received.",
        "Ages are the youngest and oldest child's.",
    )
    yield Bilingual(
        [en(mark, bold=True), en(note_en), *(en(t) for t in rest)],
        [ar(words.ar(mark), bold=True), ar(note_ar), *(ar(words.ar(t)) for t in rest)],
        space_after=RESOLUTION / 25.4 * 3,
    )


def _draw_margins(
    painter: QPainter,
    setter: Typesetter,
    width: float,
    bottom: float,
    report: Report,
    words: Words,
    page: int,
    pages: int,
) -> None:
    """The running header (title; SHARED or HQ ONLY) and footer (team, date; page n of m)."""
    title = "Repatriations from al-Hol camp"
    mark = "SHARED" if report.suppressed else "HQ ONLY"
    made = report.generated_at.strftime("%Y-%m-%d %H:%M UTC")
    page_ar = (
        words.ar("Page %1 of %2")
        .replace("%1", words.number(page))
        .replace("%2", words.number(pages))
    )
    third = width / 3
    small = 6.5
    period = report.period
    setter.draw(
        painter,
        [en(f"alhol-desk {__version__} · {title} · {period.label}", size=small)],
        0,
        0,
        third,
    )
    setter.draw(painter, [Para(mark, bold=True, size=small, centre=True)], third, 0, third)
    heading_ar = f"{words.ar(title)} · {words.period(period)} · {words.ar(mark)}"
    setter.draw(painter, [ar(heading_ar, size=small)], 2 * third, 0, third)
    team = ISOLATE.format(report.team)
    setter.draw(painter, [en(f"{team} · {made}", size=small)], 0, bottom, third)
    page_en = f"Page {page} of {pages}"
    setter.draw(painter, [Para(page_en, size=small, centre=True)], third, bottom, third)
    setter.draw(painter, [ar(page_ar, size=small)], 2 * third, bottom, third)


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes: A4 landscape, a running header and footer on every page."""
    _qt_ready()
    words = Words()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 9, 12, 9),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle("alhol-desk report")
    writer.setCreator(f"alhol-desk {__version__}")
    setter = Typesetter(writer)
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    band = setter.height([en("Page", size=6.5)], area.width()) * 2
    composer = Composer(setter, area.width(), area.height() - 2 * band)
    for block in front_matter(report, words):
        composer.add_block(block)
    composer.add_grid(_heading("Summary", words), summary_grid(report, words))
    composer.add_grid(_heading("Country summary", words), countries_grid(report, words))
    composer.add_grid(_heading("Batch manifest", words), batches_grid(report, words))
    if report.apart:
        heading = _heading("Listed apart: dated less precisely than the period", words)
        composer.add_grid(heading, batches_grid(report, words, apart=True))
    painter = QPainter(writer)
    try:
        painter.setPen(INK)
        pages = len(composer.pages)
        for number, page in enumerate(composer.pages, start=1):
            if number > 1:
                writer.newPage()
            _draw_margins(
                painter,
                setter,
                area.width(),
                area.height() - band / 2,
                report,
                words,
                number,
                pages,
            )
            composer.draw_page(painter, page, band)
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def write_pdf(report: Report, out: Path) -> Path:
    """Write ``report`` as a PDF at ``out`` (whole or not at all); returns ``out``."""
    return write_whole(out, render_pdf(report))
