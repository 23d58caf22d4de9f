"""File › Export report: each format written off the GUI thread, the sharing option, refusals."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMenu, QWidget

from alhol_desk.core import services
from alhol_desk.core.demo import load_demo
from alhol_desk.core.messages import Message
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui.actions.reports import ReportActions, Written, add_report_actions
from alhol_desk.gui.messages import refusal_text

FRANCE = {
    "country": "FRA",
    "departure_date": "2024-05-20",
    "status": "received",
    "girls": 3,
    "boys": 9,
    "note": "NOTE-TEXT-PRIVATE",
}


class Chooser:
    """Stands in for the save dialog: answers with ``answer`` and records what it offered."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.offered: list[str] = []

    def __call__(self, parent, title: str, suggested: str, file_filter: str) -> str:
        self.offered.append(suggested)
        return "" if self.answer is None else str(self.answer)


@pytest.fixture
def workspace(demo_workspace: Workspace) -> Workspace:
    """The demo folder: the demo records load only into one (core/demo.py)."""
    return demo_workspace


@pytest.fixture
def parts(qtbot, ws):
    load_demo(ws)
    services.save_batch(ws, FRANCE)
    window = QWidget()
    qtbot.addWidget(window)
    menu = QMenu(window)
    messages: list[str] = []
    return window, menu, messages


def make(parts, ws, chooser: Chooser) -> ReportActions:
    window, menu, messages = parts
    return add_report_actions(
        menu, ws, parent=window, show_message=messages.append, choose_file=chooser
    )


def run(qtbot, actions: ReportActions, kind: str) -> Written | Message | None:
    actions.actions[kind].trigger()
    qtbot.waitUntil(lambda: not actions.busy, timeout=30_000)
    return actions.last


def test_the_submenu_offers_the_sharing_option_then_each_format(parts, ws) -> None:
    actions = make(parts, ws, Chooser(None))
    names = [a.objectName() for a in actions.submenu.actions() if not a.isSeparator()]
    assert names == [
        "report_share",
        "report_csv_batches",
        "report_csv_countries",
        "report_xlsx",
        "report_pdf",
    ]
    assert not actions.share.isChecked()  # exact counts unless asked, as on the command line


def test_a_workbook_is_written_in_the_background(qtbot, parts, ws, tmp_path: Path) -> None:
    chooser = Chooser(tmp_path / "month.xlsx")
    actions = make(parts, ws, chooser)
    result = run(qtbot, actions, "xlsx")
    assert isinstance(result, Written) and not result.suppressed
    assert chooser.offered[0].endswith("alhol-desk-report-2024-06-01.xlsx")
    book = openpyxl.load_workbook(tmp_path / "month.xlsx", read_only=True)
    assert {"Summary", "Batches", "Countries"} <= set(book.sheetnames)
    book.close()
    assert parts[2][-1].startswith("Report saved: ") and "for HQ only" in parts[2][-1]
    assert all(a.isEnabled() for a in actions.actions.values())


def test_sharing_hides_small_counts_and_names_the_file_so(qtbot, parts, ws, tmp_path) -> None:
    chooser = Chooser(tmp_path / "shared")  # no suffix typed: the format's is added
    actions = make(parts, ws, chooser)
    actions.share.setChecked(True)
    result = run(qtbot, actions, "csv_batches")
    assert isinstance(result, Written) and result.suppressed
    assert result.path == tmp_path / "shared.csv"
    assert chooser.offered[0].endswith("alhol-desk-batches-2024-06-01-shared.csv")
    rows = list(csv.reader((tmp_path / "shared.csv").read_text("utf-8-sig").splitlines()))
    france = next(r for r in rows if "FRA" in r)
    assert "<5" in france  # the three girls
    assert not any("NOTE-TEXT-PRIVATE" in cell for row in rows for cell in row)


def test_the_pdf_is_written_off_the_gui_thread(qtbot, parts, ws, tmp_path: Path) -> None:
    actions = make(parts, ws, Chooser(tmp_path / "r.pdf"))
    result = run(qtbot, actions, "pdf")
    assert isinstance(result, Written)
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
    assert (result.countries, result.batches) == (2, 2)  # Russia and France


def test_cancelling_the_dialog_writes_nothing(qtbot, parts, ws, tmp_path: Path) -> None:
    actions = make(parts, ws, Chooser(None))
    actions.actions["csv_countries"].trigger()
    assert not actions.busy and actions.last is None
    assert list(tmp_path.glob("*.csv")) == []


def test_a_refusal_is_shown_and_the_actions_come_back(
    qtbot, parts, ws, tmp_path: Path, answers
) -> None:
    actions = make(parts, ws, Chooser(tmp_path / "no-such-folder" / "r.xlsx"))
    result = run(qtbot, actions, "xlsx")
    assert isinstance(result, Message) and "does not exist" in str(result)
    assert answers.failures == [refusal_text(result)]  # explained, the core's line below
    assert answers.failures[0].endswith(str(result))
    assert all(a.isEnabled() for a in actions.actions.values())
