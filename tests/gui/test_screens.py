"""Countries, a country page and its forms, the dashboard's click-through, the audit log."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QDialog

from alhol_desk.core import services
from alhol_desk.core.demo import load_demo
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui.forms.country_forms import EstimateDialog, StatusEventDialog
from alhol_desk.gui.models.audit_table import AuditTableModel
from alhol_desk.gui.models.country_table import ISO3_ROLE, NO_STATUS, STARTED_ANY, TRACKED
from alhol_desk.gui.screens.audit import AuditScreen
from alhol_desk.gui.screens.countries import CountriesScreen
from alhol_desk.gui.screens.country_page import CountryPage
from alhol_desk.gui.screens.dashboard import DashboardScreen


class Nav:
    """Records what a screen asked the window to do."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def __getattr__(self, name: str):
        return lambda *args: self.calls.append((name, args[0] if args else None))


@pytest.fixture
def demo(ws: Workspace) -> Workspace:
    load_demo(ws)
    services.save_batch(
        ws,
        {"country": "IRQ", "status": "departed", "departure_date": "2024-03-10", "women": "3",
         "girls": "4", "boys": "2", "source": "UNHCR"},
    )  # fmt: skip
    services.add_status_event(
        ws, {"country": "FRA", "status": "in_talks", "event_date": "2024-02-01", "source": "AFP"}
    )
    return ws


def shown_iso3(screen: CountriesScreen) -> list[str]:
    proxy = screen.proxy
    return [proxy.index(r, 0).data(ISO3_ROLE) for r in range(proxy.rowCount())]


# --- countries ------------------------------------------------------------------------------


def test_countries_lists_every_country_filterable_by_status_and_name(qtbot, demo) -> None:
    nav = Nav()
    screen = CountriesScreen(demo, nav)
    qtbot.addWidget(screen)
    assert len(shown_iso3(screen)) > 240
    qtmodel = screen.proxy

    screen.set_status_filter(TRACKED)
    assert sorted(shown_iso3(screen)) == ["FRA", "IRQ", "RUS"]
    screen.set_status_filter(STARTED_ANY)
    assert sorted(shown_iso3(screen)) == ["IRQ", "RUS"]  # IRQ: a batch left; RUS: ongoing
    screen.set_status_filter("in_talks")
    assert shown_iso3(screen) == ["FRA"]
    screen.set_status_filter(NO_STATUS)
    assert "RUS" not in shown_iso3(screen) and "IRQ" in shown_iso3(screen)

    screen.set_status_filter("*all")
    qtbot.keyClicks(screen.search, "russian")
    assert shown_iso3(screen) == ["RUS"]
    screen.search.setText("العراق")
    assert shown_iso3(screen) == ["IRQ"]
    row = {
        qtmodel.headerData(c, Qt.Orientation.Horizontal): qtmodel.index(0, c).data()
        for c in range(qtmodel.columnCount())
    }
    assert row["People repatriated"] == "9"
    assert row["Status"] == "—"
    assert row["Last update"] == "10 Mar 2024"
    assert "1 countries" in screen.count.text()

    screen.table.setCurrentIndex(qtmodel.index(0, 0))
    screen.table.activated.emit(qtmodel.index(0, 0))
    assert nav.calls == [("open_country", "IRQ")]


def test_country_model_passes_qt_model_checks(qtmodeltester, demo) -> None:
    screen = CountriesScreen(demo, Nav())
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.proxy)


# --- a country's page -----------------------------------------------------------------------


def test_country_page_shows_timeline_estimates_and_batches(qtbot, demo) -> None:
    page = CountryPage(demo, Nav())
    qtbot.addWidget(page)
    page.show_country("RUS")
    assert "Russian Federation" in page.title.text() and "Ongoing" in page.title.text()
    assert page.timeline.topLevelItemCount() == 1
    assert page.timeline.topLevelItem(0).text(1) == "Ongoing"
    assert page.model is not None
    qtbot.waitUntil(lambda: page.model.matches() == 1)


def test_adding_a_status_event_from_the_country_page(qtbot, demo, answers) -> None:
    dialog = StatusEventDialog(demo, "FRA")
    qtbot.addWidget(dialog)
    rows = dialog.form.rows
    rows["status"].editor.write("initiated")
    rows["event_date"].editor.write("2024-05-20")
    assert not dialog.save_button.isEnabled()  # a status event needs its source
    rows["source"].editor.widget.setFocus()
    qtbot.keyClicks(rows["source"].editor.widget, "Ministry statement")
    qtbot.keyClick(rows["source"].editor.widget, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    page = CountryPage(demo, Nav())
    qtbot.addWidget(page)
    page.show_country("FRA")
    assert [page.timeline.topLevelItem(i).text(1) for i in range(2)] == [
        "Repatriation initiated",
        "In talks",
    ]


def test_the_status_event_form_refuses_a_future_date_beside_the_field(qtbot, demo) -> None:
    dialog = StatusEventDialog(demo, "FRA")
    qtbot.addWidget(dialog)
    dialog.form.rows["source"].editor.write("AFP")
    widget = dialog.form.rows["event_date"].editor.widget
    widget.clear()
    qtbot.keyClicks(widget, "2030-01-01")
    assert "in the future" in dialog.form.rows["event_date"].message.text()
    assert not dialog.save_button.isEnabled()


def test_adding_an_estimate_checks_its_parts_against_its_total(qtbot, demo, answers) -> None:
    dialog = EstimateDialog(demo, "RUS")
    qtbot.addWidget(dialog)
    rows = dialog.form.rows
    rows["source"].editor.write("UNICEF")
    qtbot.keyClicks(rows["total"].editor.widget, "10")
    qtbot.keyClicks(rows["girls"].editor.widget, "12")
    assert "less than women + men + girls + boys" in rows["total"].message.text()
    rows["total"].editor.write("40")
    assert dialog.try_save()

    page = CountryPage(demo, Nav())
    qtbot.addWidget(page)
    page.show_country("RUS")
    assert page.estimates.topLevelItem(0).text(1) == "40"


# --- dashboard ------------------------------------------------------------------------------


def test_dashboard_headline_figures_and_charts_click_through(qtbot, demo) -> None:
    nav = Nav()
    dashboard = DashboardScreen(demo, nav)
    qtbot.addWidget(dashboard)
    text = dashboard.headline.text()
    assert "2 of 3 tracked countries have started repatriating" in text
    assert "41 people repatriated (batches: 2)" in text
    assert "Women 3, Men 0, Girls 16, Boys 22" in text
    assert "43,000 people, 45 countries" in dashboard.estimates.text()
    assert "60 countries, 24 repatriating" in dashboard.estimates.text()

    assert dashboard.country_iso3 == ["IRQ", "RUS"]  # fewest at the bottom, most at the top
    assert dashboard.country_bars is not None and dashboard.month_bars is not None
    dashboard.country_bars.clicked.emit(1)
    assert nav.calls[-1] == ("open_country", "RUS")
    assert dashboard.months == ["2024", "2024-03"]  # the demo batch is dated 2024 only
    dashboard.month_bars.clicked.emit(1)
    assert nav.calls[-1] == ("show_batches", "2024-03")
    dashboard.headline.linkActivated.emit("countries")
    assert nav.calls[-1] == ("show_countries", None)


# --- audit log ------------------------------------------------------------------------------


def test_audit_log_lists_changes_newest_first_and_filters(qtbot, demo, today: date) -> None:
    [iraq] = services.batches(demo, country="IRQ")
    services.save_batch(demo, {"girls": "5"}, iraq.id)
    demo.operator = "Someone else"
    services.save_batch(demo, {"boys": "3"}, iraq.id)
    nav = Nav()
    screen = AuditScreen(demo, nav)
    qtbot.addWidget(screen)
    model = screen.model

    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[1:] == [
        "Someone else",
        f"Batch · IRQ · {iraq.id[:8]}",
        "Boys",
        "2",
        "3",
        "this device",
    ]
    screen.record.setText(iraq.id[:8])
    assert model.rowCount() == 3  # created, girls, boys
    screen.operator.setCurrentIndex(screen.operator.findData("Tester"))
    assert model.rowCount() == 2
    assert model.index(0, 3).data() == "Girls"
    screen.record.clear()
    screen.kind.setCurrentIndex(screen.kind.findData("estimates"))
    assert model.rowCount() == 2  # the demo's two camp estimates
    screen.kind.setCurrentIndex(0)
    screen.operator.setCurrentIndex(0)
    screen.use_from.setChecked(True)
    screen.date_from.setDate(QDate.currentDate().addDays(1))
    assert model.rowCount() == 0

    screen.use_from.setChecked(False)
    screen.record.setText(iraq.id)
    screen.table.activated.emit(model.index(0, 0))
    assert nav.calls[-1] == ("open_batch", iraq.id)


def test_audit_model_pages_and_passes_qt_model_checks(qtmodeltester, demo) -> None:
    services.add_batches(
        demo,
        [{"country": "IRQ", "status": "planned", "departure_date": "2024-01-01", "girls": "1"}]
        * 450,
    )
    model = AuditTableModel(demo)
    assert model.rowCount() == AuditTableModel.PAGE
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450 + 6  # and the demo's and this file's records
