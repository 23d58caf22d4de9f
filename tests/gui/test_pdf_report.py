"""The PDF report: pages and text read back with poppler, suppression, whole rows, Arabic.

``pdftotext`` and ``pdftoppm`` (Debian's poppler-utils, installed by .ci/run) read the file
back as another program would. The first page is also kept as a PNG under
``artifacts/screenshots/`` to look at after a change: Arabic joined and right to left, no
boxes, nothing cut off.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QImage

from alhol_desk.core import services
from alhol_desk.core.demo import load_demo
from alhol_desk.core.messages import MESSAGES
from alhol_desk.core.reports import Report, build_report
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui import pdf_layout, pdf_report

XHTML = "{http://www.w3.org/1999/xhtml}"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
NOW = datetime(2024, 6, 1, 9, 30, tzinfo=UTC)
# A batch whose exact figures must not reach a shared report: 1 woman, 3 girls, 177 boys.
SMALL = {
    "country": "FRA",
    "departure_date": "2024-05-20",
    "status": "received",
    "women": 1,
    "girls": 3,
    "boys": 177,
    "families": 2,
    "min_age": 2,
    "max_age": 16,
    "ref": "FR-0520",
    "destination": "Paris",
    "escort": "ESCORT-NAME-PRIVATE",
    "source": "مصدر ميداني",
    "source_date": "2024-05-21",
    "note": "NOTE-TEXT-PRIVATE",
}


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is missing: install poppler-utils")
    return found


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext reads it, Arabic folded to plain letters.

    Qt maps Arabic glyphs to their presentation forms (the shaped letters) and pdftotext
    adds bidi marks; NFKC gives the plain letters back, and diacritics are dropped.
    pdftotext puts a diacritic on a line of its own, splitting its word, and orders mixed
    lines its own way: Arabic is therefore checked word by word (``arabic_words``).
    """
    done = subprocess.run(
        [poppler("pdftotext"), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    text = unicodedata.normalize("NFKC", done.stdout)
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    return re.sub("[\u064b-\u0652]", "", text)


def arabic_words(text: str) -> set[str]:
    return set(re.findall("[\u0600-\u06ff]+", text))


def page_count(path: Path) -> int:
    done = subprocess.run(
        [poppler("pdfinfo"), str(path)], capture_output=True, text=True, check=True, timeout=60
    )
    found = re.search(r"^Pages:\s+(\d+)$", done.stdout, re.MULTILINE)
    assert found, done.stdout
    return int(found.group(1))


def first_page_png(path: Path, out: Path, dpi: int = 60) -> QImage:
    subprocess.run(
        [
            poppler("pdftoppm"),
            "-png",
            "-r",
            str(dpi),
            "-f",
            "1",
            "-singlefile",
            str(path),
            str(out.with_suffix("")),
        ],
        check=True,
        timeout=60,
    )
    image = QImage(str(out))
    assert not image.isNull()
    return image


@dataclass(frozen=True)
class Word:
    """A word where pdftotext -bbox finds it (points from the page's top left corner)."""

    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass
class PageWords:
    width: float
    height: float
    words: list[Word]

    def find(self, text: str) -> list[Word]:
        return [w for w in self.words if w.text == text]

    def tallest(self, text: str) -> Word:
        """The largest print of ``text`` (a heading, not its copy in the running header)."""
        return max(self.find(text), key=lambda w: w.y_max - w.y_min)

    @staticmethod
    def same_line(one: Word, other: Word) -> bool:
        return one.y_min < other.y_max and other.y_min < one.y_max


ARABIC_GLYPH = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")


def first_page_words(path: Path) -> PageWords:
    """The first page's words and their boxes, from ``pdftotext -bbox`` (XHTML).

    pdftotext gives Arabic one shaped glyph per "word", left to right as drawn; glyphs that
    touch on one line are joined back into a word, read right to left and folded (NFKC)
    to plain letters, its box the union of theirs.
    """
    done = subprocess.run(
        [poppler("pdftotext"), "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    root = ElementTree.fromstring(done.stdout)
    (page,) = root.iter(f"{XHTML}page")
    words: list[Word] = []
    glyphs: list[Word] = []

    def join_glyphs() -> None:
        if glyphs:
            text = unicodedata.normalize("NFKC", "".join(g.text for g in reversed(glyphs)))
            text = re.sub("[\u064b-\u0652]", "", text)
            box = (min(g.x_min for g in glyphs), min(g.y_min for g in glyphs))
            end = (max(g.x_max for g in glyphs), max(g.y_max for g in glyphs))
            words.append(Word(text, box[0], box[1], end[0], end[1]))
            glyphs.clear()

    for element in page.iter(f"{XHTML}word"):
        word = Word(
            element.text or "",
            *(float(element.attrib[k]) for k in ("xMin", "yMin", "xMax", "yMax")),
        )
        if ARABIC_GLYPH.fullmatch(word.text):
            last = glyphs[-1] if glyphs else None
            if last and not (PageWords.same_line(last, word) and word.x_min - last.x_max < 0.5):
                join_glyphs()
            glyphs.append(word)
        else:
            join_glyphs()
            words.append(word)
    join_glyphs()
    return PageWords(float(page.attrib["width"]), float(page.attrib["height"]), words)


@pytest.fixture
def workspace(demo_workspace: Workspace) -> Workspace:
    """The demo folder: the demo records load only into one (core/demo.py)."""
    return demo_workspace


@pytest.fixture
def report_ws(ws: Workspace) -> Workspace:
    load_demo(ws)
    services.save_batch(ws, SMALL)
    services.add_status_event(
        ws,
        {"country": "FRA", "status": "in_talks", "event_date": "2024-03-01", "source": "Le Monde"},
    )
    return ws


def report_of(ws: Workspace, *, suppress: bool) -> Report:
    return build_report(ws, suppress_small=suppress, now=NOW)


def test_the_hq_report_has_both_tables_in_both_languages(report_ws, tmp_path: Path) -> None:
    out = pdf_report.write_pdf(report_of(report_ws, suppress=False), tmp_path / "r.pdf")
    assert out.read_bytes().startswith(b"%PDF-")
    pages = page_count(out)
    assert pages >= 2  # two with this machine's fonts; other fonts may take another page
    text = pdf_text(out)
    for expected in (
        "Repatriations from al-Hol camp",
        "HQ ONLY",
        "Inside HQ only: exact counts.",
        "Country summary",
        "Batch manifest",
        "Russian Federation (RUS)",
        "France (FRA)",
        "In talks",
        "Le Monde",
        "FR-0520",
        "2024-06-01 09:30 UTC",
        "Hasakah 1",
    ):
        assert expected in text, expected
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in text
    assert "عمليات الإعادة إلى الوطن من مخيم الهول" in text  # the title, whole
    # the headings, France's Arabic name, a status, the typed source, the page footer
    words = {"ملخص", "البلدان", "بيان", "الدفعات", "فرنسا", "مفاوضات", "مصدر", "ميداني"}
    assert words | {"صفحة"} <= arabic_words(text)
    assert "181" in text  # the French batch's people, exact inside HQ
    assert "<5" not in text
    assert "NOTE-TEXT-PRIVATE" not in text and "ESCORT-NAME-PRIVATE" not in text


def test_the_shared_report_shows_only_what_suppression_leaves(report_ws, tmp_path: Path) -> None:
    out = pdf_report.write_pdf(report_of(report_ws, suppress=True), tmp_path / "r.pdf")
    text = pdf_text(out)
    assert "SHARED" in text and "For sharing: small counts suppressed." in text
    assert "<5" in text
    assert "179–185" in text  # the batch's people: women <5 + girls <5 + boys 177
    assert "211–217" in text  # people repatriated: Russia's 32 and France's 179–185
    assert not re.search(r"(?<![\d–])181(?![\d–])", text)
    assert "NOTE-TEXT-PRIVATE" not in text and "ESCORT-NAME-PRIVATE" not in text


def test_the_first_page_draws_english_left_and_arabic_right(report_ws, tmp_path: Path) -> None:
    """Where pdftotext finds each language's words on the first page: the title, the lines
    under it and the table's heading in English on the left half, in Arabic on the right
    half; the English column of the table left of its Arabic column, row by row."""
    out = pdf_report.write_pdf(report_of(report_ws, suppress=True), tmp_path / "r.pdf")
    page = first_page_words(out)
    assert page.width > page.height  # A4 landscape
    middle = page.width / 2

    english = ["Repatriations", "sharing:", "Counts", "Ages", "Summary"]
    arabic = ["عمليات", "الهول", "للمشاركة", "الأعمار", "الملخص"]
    for word in english:
        found = page.find(word)
        assert found and all(w.x_max < middle for w in found), (word, found)
    for word in arabic:
        found = page.find(word)
        assert found and all(w.x_min > middle for w in found), (word, found)
    for left, right in (("Repatriations", "عمليات"), ("Summary", "الملخص")):  # the headings
        assert page.same_line(page.tallest(left), page.tallest(right)), (left, right)
    # The table: "Figure" heads the English column, "المؤشر" the Arabic one, on one row.
    (figure,), (arabic_figure,) = page.find("Figure"), page.find("المؤشر")
    assert page.same_line(figure, arabic_figure) and figure.x_max < arabic_figure.x_min
    assert figure.x_max < middle

    image = first_page_png(out, tmp_path / "page-1.png")
    assert image.width() > image.height()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # sharp enough to read, for a person
    first_page_png(out, ARTIFACTS / "report-pdf-page-1.png", dpi=110)


def test_an_empty_report_says_so_in_both_languages(ws, tmp_path: Path) -> None:
    out = pdf_report.write_pdf(report_of(ws, suppress=False), tmp_path / "r.pdf")
    text = pdf_text(out)
    assert "No batches recorded." in text and {"توجد", "دفعات"} <= arabic_words(text)
    assert "No country has a status or a batch yet." in text


def test_long_tables_break_between_rows_and_repeat_their_header(ws) -> None:
    raws = [
        {
            "country": "FRA",
            "departure_date": f"2024-05-{1 + i % 28:02d}",
            "status": "received",
            "girls": 2,
            "boys": 7 + i,
            "source": "A long source text that wraps over more than one line in its column " * 2,
        }
        for i in range(90)
    ]
    services.add_batches(ws, raws)
    report = report_of(ws, suppress=True)
    pdf_report._qt_ready()
    words = pdf_report.Words()
    data = pdf_report.render_pdf(report)
    assert data.startswith(b"%PDF-")
    # Lay out again to look at the placement itself.
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(round(pdf_layout.RESOLUTION / 0.0254))
    image.setDotsPerMeterY(round(pdf_layout.RESOLUTION / 0.0254))
    composer = pdf_layout.Composer(pdf_layout.Typesetter(image), 3000, 1800)
    composer.add_grid(pdf_layout.Bilingual([], []), pdf_report.batches_grid(report, words))
    assert len(composer.pages) > 3
    seen = []
    for page in composer.pages:
        rows = [(item, y) for item, y in page.items if isinstance(item, pdf_layout.Row)]
        assert rows[0][0].index is None  # every page's table starts with the header row
        for item, y in rows:
            assert y + item.height <= composer.height + 0.5  # never cut at the page's foot
            if item.index is not None:
                seen.append(item.index)
    assert seen == list(range(90))  # each row once, in order


def test_every_summary_figure_has_an_arabic_name(report_ws) -> None:
    pdf_report._qt_ready()
    words = pdf_report.Words()
    report = report_of(report_ws, suppress=False)
    missing = [row[0] for row in report.summary.rows if not words.figure(row[0])]
    assert missing == []
    assert words.figure(report.summary.rows[0][0]) == pdf_report.FIGURES["figure_countries_tracked"]
    assert words.field("girls") == "الفتيات"  # from the app's translation file
    assert words.status("received") == "استُلمت"


def test_the_pdf_has_arabic_for_every_report_label_of_the_catalogue() -> None:
    """A figure's Arabic is found by its code: a code without one, or one the catalogue
    does not declare, fails here rather than leaving a blank in the Arabic column."""
    labels = {code for code in MESSAGES if code.startswith(("figure_", "about_"))}
    assert set(pdf_report.FIGURES) == labels


def test_typed_text_keeps_its_direction() -> None:
    assert pdf_layout.starts_right_to_left("مصدر ميداني 2024")
    assert not pdf_layout.starts_right_to_left("2024-05-01 Le Monde")
    assert not pdf_layout.starts_right_to_left("2024-05-01")


def test_the_command_line_writes_a_pdf_without_a_display(tmp_path: Path) -> None:
    """`report --format pdf` in a fresh process: Qt starts offscreen and the process exits 0."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["ALHOL_DESK_HOME"] = str(tmp_path / "data")
    run = [sys.executable, "-m", "alhol_desk"]
    subprocess.run([*run, "demo"], env=env, check=True, capture_output=True, timeout=120)
    env["ALHOL_DESK_HOME"] = str(tmp_path / "data-demo")  # the demo's own folder
    out = tmp_path / "r.pdf"
    done = subprocess.run(
        [*run, "report", "--format", "pdf", "--suppress-small", "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert "Russian Federation (RUS)" in pdf_text(out)
