"""The PDF of a period: the period in its front matter and on every page's header, in
English and Arabic, and the batches dated less precisely listed apart after the manifest."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from alhol_desk.core import services
from alhol_desk.core.periods import parse_period
from alhol_desk.core.records import Batch
from alhol_desk.core.reports import build_report
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui import pdf_report

NOW = datetime(2024, 6, 1, 9, 30, tzinfo=UTC)


def pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext is missing: install poppler-utils")
    done = subprocess.run(
        [tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    )
    text = unicodedata.normalize("NFKC", done.stdout)  # shaped Arabic back to plain letters
    return re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u064b-\u0652]", "", text)


def stored(ws: Workspace, departure_date: str, ref: str, **counts: int) -> None:
    """A batch dated to a year, written through the storage layer as its text."""
    batch = Batch(
        id=str(uuid.uuid4()),
        country="KAZ",
        status="received",
        departure_date=departure_date,
        ref=ref,
        source="UNHCR",
        **counts,
    )
    with ws.db.atomic():
        ws.batches.insert_records([batch], ws.clock.ticks(1))


def test_a_months_pdf_names_its_period_and_lists_the_year_only_batch_apart(
    ws: Workspace, tmp_path: Path
) -> None:
    services.save_batch(
        ws,
        {"country": "IRQ", "departure_date": "2024-05-12", "status": "received",
         "women": 3, "girls": 2, "ref": "IN-MAY", "source": "UNHCR"},
    )  # fmt: skip
    stored(ws, "2024", "YEAR-ONLY", women=10, girls=7)
    report = build_report(ws, now=NOW, period=parse_period(month="2024-05"))
    text = pdf_text(pdf_report.write_pdf(report, tmp_path / "may.pdf"))
    flat = " ".join(text.split())

    assert "Period: May 2024 (2024-05-01 to 2024-05-31)" in flat
    assert "1 batches dated less precisely than the period" in flat
    assert "Batches dated 2024 only, listed apart" in flat
    # The running header of every page names the period, in both languages.
    pages = text.split("\f")
    assert all("· May 2024" in " ".join(page.split()) for page in pages if page.strip())
    assert "أيار" in text  # May, as Syria names it
    assert "الفترة" in text  # "Period"
    manifest = flat.index("Batch manifest")
    apart = flat.index("Listed apart: dated less precisely than the period")
    assert manifest < flat.index("IN-MAY") < apart < flat.index("YEAR-ONLY")
    assert flat.count("YEAR-ONLY") == 1  # listed once, apart: never in the manifest too


def test_an_all_time_pdf_says_all_time(ws: Workspace, tmp_path: Path) -> None:
    services.save_batch(
        ws,
        {"country": "IRQ", "departure_date": "2024-05-12", "status": "received",
         "women": 3, "source": "UNHCR"},
    )  # fmt: skip
    text = pdf_text(pdf_report.write_pdf(build_report(ws, now=NOW), tmp_path / "all.pdf"))
    flat = " ".join(text.split())
    assert "Period: All time" in flat
    assert "Listed apart" not in flat
