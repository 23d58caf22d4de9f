"""The period picker, and the dashboard and batch table filtered by it: figures that say
which period they count, batches dated only to a year listed apart, one period for both."""

from __future__ import annotations

import re
import uuid

import pytest
from PySide6.QtCore import QLocale, QModelIndex

from alhol_desk.core import periods, services
from alhol_desk.core.periods import ALL_TIME, parse_period
from alhol_desk.core.records import Batch
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui.i18n import Translations
from alhol_desk.gui.main_window import MainWindow
from alhol_desk.gui.models.batch_table import ID_ROLE, BatchTableModel
from alhol_desk.gui.period_picker import PeriodPicker
from alhol_desk.gui.periods import date_text, only_text, period_text
from alhol_desk.gui.preferences import Preferences
from alhol_desk.gui.screens.batches import BatchesScreen
from alhol_desk.gui.screens.dashboard import DashboardScreen

MAY = parse_period(month="2024-05")


class Nav:
    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def __getattr__(self, name: str):
        return lambda *args: self.calls.append((name, args[0] if args else None))


def stored(ws: Workspace, departure_date: str, ref: str, **counts: int) -> str:
    """A repatriated batch dated as given (a month or a year too), through the storage
    layer: the form's date rule is not what these tests are about."""
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
    return batch.id


@pytest.fixture
def may(ws: Workspace) -> Workspace:
    """12 May 2024 (3 women, 2 girls, Iraq); May 2024 (4 women); 2024 only (10 women,
    7 girls); 1 June 2024 (100 women)."""
    services.save_batch(
        ws,
        {"country": "IRQ", "departure_date": "2024-05-12", "status": "received",
         "women": 3, "girls": 2, "ref": "DAY", "source": "UNHCR"},
    )  # fmt: skip
    stored(ws, "2024-05", "MONTH", women=4)
    stored(ws, "2024", "YEAR", women=10, girls=7)
    stored(ws, "2024-06-01", "JUNE", women=100)
    return ws


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


# --- the picker -----------------------------------------------------------------------------


def test_the_picker_gives_each_kind_of_period(qtbot, ws: Workspace) -> None:
    picker = PeriodPicker(ws.today())
    qtbot.addWidget(picker)
    picked: list[object] = []
    picker.changed.connect(picked.append)
    assert picker.period() == ALL_TIME
    assert not picker.year.isVisibleTo(picker)

    picker.kind.setCurrentIndex(picker.kind.findData(periods.MONTH))
    assert picker.period() == periods.month(2024, 6)  # today's month (the tests' today)
    picker.month.setCurrentIndex(4)
    assert picked[-1] == MAY
    picker.kind.setCurrentIndex(picker.kind.findData(periods.QUARTER))
    assert picked[-1] == parse_period(quarter="2024-Q2")
    picker.year.setValue(2023)
    assert picked[-1] == parse_period(quarter="2023-Q2")
    picker.kind.setCurrentIndex(picker.kind.findData(periods.YEAR))
    assert picked[-1] == parse_period(year="2023")
    assert picker.month.isHidden() and picker.quarter.isHidden()


def test_a_range_reads_days_months_and_years_and_says_what_it_cannot_read(
    qtbot, ws: Workspace
) -> None:
    picker = PeriodPicker(ws.today())
    qtbot.addWidget(picker)
    picker.kind.setCurrentIndex(picker.kind.findData(periods.RANGE))
    picker.start.setText("2024-05-10")
    picker.end.setText("٢٠٢٤-٠٦")  # Arabic-Indic digits, as typed on an Arabic keyboard
    picker.end.editingFinished.emit()
    assert picker.period() == parse_period(start="2024-05-10", end="2024-06")
    assert picker.problem.text() == ""

    picker.end.setText("2024-13")
    picker.end.editingFinished.emit()
    assert picker.problem.text() == "The period cannot be read as given."
    assert "--to: '2024-13'" in picker.problem.toolTip()
    assert picker.period() == parse_period(start="2024-05-10", end="2024-06")  # kept

    picker.set_period(MAY)  # another screen's choice: shown, not emitted back
    assert picker.kind.currentData() == periods.MONTH
    assert picker.problem.text() == ""


def test_periods_in_arabic(ws: Workspace, translations: Translations) -> None:
    translations.install("ar")
    assert period_text(MAY) == "أيار ٢٠٢٤"
    assert period_text(parse_period(quarter="2024-Q2")) == "الربع ٢ من ٢٠٢٤ (نيسان–حزيران)"
    assert period_text(parse_period(year="2024")) == "٢٠٢٤"
    assert period_text(ALL_TIME) == "كل الأوقات"
    assert period_text(parse_period(start="2024-05")) == "من ١ أيار ٢٠٢٤"
    assert only_text("2024") == "مؤرخة ٢٠٢٤ فقط"
    translations.install("en")
    assert period_text(parse_period(quarter="2024-Q2")) == "Q2 2024 (April–June)"
    assert date_text("2024-05") == "May 2024"
    assert only_text("2024") == "dated 2024 only"
    assert date_text("2024-02-29", QLocale("ar_SY")) == "٢٩ شباط ٢٠٢٤"


# --- the dashboard --------------------------------------------------------------------------


def test_the_dashboard_counts_the_period_and_lists_the_year_only_batch_apart(
    qtbot, may: Workspace
) -> None:
    nav = Nav()
    dashboard = DashboardScreen(may, nav)
    qtbot.addWidget(dashboard)
    text = plain(dashboard.headline.text())
    assert "Figures for: All time" in text
    assert "126 people repatriated (batches: 4)" in text
    assert "Listed apart" not in text

    dashboard.picker.set_period(MAY)
    dashboard._period_picked(MAY)  # as the picker does when the user picks May
    assert nav.calls[-1] == ("period_chosen", MAY)
    text = plain(dashboard.headline.text())
    assert "Figures for: May 2024" in text
    assert "9 people repatriated (batches: 2)" in text
    assert "Women 7, Men 0, Girls 2, Boys 0" in text
    assert "Listed apart, not counted in this period: 1 batches, 17 people, dated 2024 only" in (
        text
    )
    assert dashboard.months == ["2024-05"]
    assert dashboard.country_iso3 == ["KAZ", "IRQ"]  # Kazakhstan's "May 2024" batch: 4
    assert dashboard.country_chart.title() == "People repatriated, by country — May 2024"
    assert dashboard.bands.title() == "People repatriated by sex and age — May 2024"


# --- the batch table ------------------------------------------------------------------------


def refs(ws: Workspace, model: BatchTableModel) -> list[str]:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    ids = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
    return [services.get_batch(ws, i).ref for i in ids]


def test_the_batch_table_shows_the_period_and_says_what_it_leaves_apart(
    qtbot, may: Workspace
) -> None:
    screen = BatchesScreen(may, Nav())
    qtbot.addWidget(screen)
    model = screen.model
    assert refs(may, model) == ["JUNE", "DAY", "MONTH", "YEAR"]
    assert screen.apart.isHidden()

    screen._period_picked(MAY)
    qtbot.waitUntil(lambda: model.matches() is not None)
    assert refs(may, model) == ["DAY", "MONTH"]
    assert model.apart() == 1
    assert not screen.apart.isHidden()
    assert screen.apart.text().startswith("1 more batches are dated less precisely than May 2024")
    screen.set_search("kaz")  # the filter's words apply inside the period
    qtbot.waitUntil(lambda: not model.is_searching())
    assert refs(may, model) == ["MONTH"]

    screen.follow_period(parse_period(year="2024"))
    screen.set_search("")
    qtbot.waitUntil(lambda: model.matches() is not None)
    assert refs(may, model) == ["JUNE", "DAY", "MONTH", "YEAR"]
    assert screen.apart.isHidden()


def test_the_model_passes_qt_checks_in_a_period(qtmodeltester, may: Workspace) -> None:
    model = BatchTableModel(may.db, may.data_dir, threaded=False, period=MAY)
    qtmodeltester.check(model)
    assert model.rowCount() == 2


# --- one period for the window ----------------------------------------------------------------


def test_a_period_picked_on_the_dashboard_is_the_batch_tables_too(
    qtbot, may: Workspace, prefs: Preferences, translations: Translations
) -> None:
    window = MainWindow(may, prefs, translations)
    qtbot.addWidget(window)
    dashboard = window.show_screen("dashboard")
    assert isinstance(dashboard, DashboardScreen)
    batches = window.screen_named("batches")
    assert isinstance(batches, BatchesScreen)
    dashboard.picker.kind.setCurrentIndex(dashboard.picker.kind.findData(periods.MONTH))
    dashboard.picker.month.setCurrentIndex(4)
    assert window.period == MAY
    assert batches.picker.period() == MAY
    window.show_screen("batches")
    qtbot.waitUntil(lambda: batches.model.matches() is not None)
    assert refs(may, batches.model) == ["DAY", "MONTH"]
    # A screen built later starts on the window's period too.
    window.screens.pop("batches").deleteLater()
    assert window.screen_named("batches").model.period() == MAY


def test_the_windows_report_is_of_the_period_it_shows(qtbot, may: Workspace, tmp_path) -> None:
    import csv

    from PySide6.QtWidgets import QMenu, QWidget

    from alhol_desk.gui.actions.reports import Written, add_report_actions

    window = QWidget()
    qtbot.addWidget(window)
    offered: list[str] = []
    messages: list[str] = []
    out = tmp_path / "may.csv"

    def choose(parent, title: str, suggested: str, file_filter: str) -> str:
        offered.append(suggested)
        return str(out)

    actions = add_report_actions(
        QMenu(window),
        may,
        parent=window,
        show_message=messages.append,
        choose_file=choose,
        period=lambda: MAY,
    )
    actions.actions["csv_batches"].trigger()
    qtbot.waitUntil(lambda: not actions.busy, timeout=30_000)
    assert isinstance(actions.last, Written) and actions.last.period == MAY
    assert offered[0].endswith("alhol-desk-batches-2024-05-2024-06-01.csv")
    assert messages[-1].endswith("; May 2024)")
    _names, tags, *rows = csv.reader(out.read_text("utf-8-sig").splitlines())
    by_tag = [dict(zip(tags, row, strict=True)) for row in rows]
    assert [(r["#event+code"], r["#meta+counted"]) for r in by_tag] == [
        ("DAY", "yes"),
        ("MONTH", "yes"),
        ("YEAR", "no: dated 2024 only"),
    ]
