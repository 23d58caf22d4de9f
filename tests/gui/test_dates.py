"""Dates at their precision in the window: typed as a month or a year, saved as typed, shown
as "May 2024" or "2024" (Arabic month names and digits), the month chart's year-only bar."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtWidgets import QLineEdit

from alhol_desk.core import services
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui import i18n
from alhol_desk.gui.forms.batch_form import BatchDialog
from alhol_desk.gui.forms.country_forms import StatusEventDialog
from alhol_desk.gui.models.batch_table import BatchTableModel
from alhol_desk.gui.screens.country_page import CountryPage
from alhol_desk.gui.screens.dashboard import DashboardScreen


class Nav:
    def __getattr__(self, name: str):
        return lambda *args: None


def date_edit(dialog, field: str) -> QLineEdit:
    widget = dialog.form.rows[field].editor.widget
    assert isinstance(widget, QLineEdit)
    return widget


def test_a_date_reads_at_its_precision_in_english(ws: Workspace) -> None:
    assert i18n.day("2024-05-12") == "12 May 2024"
    assert i18n.day("2024-09") == "September 2024"
    assert i18n.day("2024") == "2024"
    assert i18n.day("") == ""


def test_a_month_date_typed_in_the_status_form_saves_and_shows_as_the_month(
    qtbot, ws: Workspace, answers
) -> None:
    dialog = StatusEventDialog(ws, "FRA")
    qtbot.addWidget(dialog)
    edit = date_edit(dialog, "event_date")
    assert edit.placeholderText() == "YYYY, YYYY-MM or YYYY-MM-DD"
    edit.clear()
    qtbot.keyClicks(edit, "2024-05")
    dialog.form.rows["source"].editor.write("Ministry statement")
    assert dialog.form.rows["event_date"].message.text() == ""
    assert dialog.try_save()

    [event] = ws.status_events.of_country("FRA")
    assert event.event_date == "2024-05"
    page = CountryPage(ws, Nav())
    qtbot.addWidget(page)
    page.show_country("FRA")
    assert page.timeline.topLevelItem(0).text(0) == "May 2024"


def test_a_wrong_or_future_month_is_refused_beside_the_field_and_keeps_what_was_typed(
    qtbot, ws: Workspace
) -> None:
    dialog = StatusEventDialog(ws, "FRA")
    qtbot.addWidget(dialog)
    dialog.form.rows["source"].editor.write("AFP")
    edit = date_edit(dialog, "event_date")
    message = dialog.form.rows["event_date"].message
    edit.clear()
    qtbot.keyClicks(edit, "2024-5")
    assert "YYYY-MM" in message.text()
    assert not dialog.save_button.isEnabled()
    assert not dialog.try_save()
    assert edit.text() == "2024-5"  # nothing typed is lost
    edit.clear()
    qtbot.keyClicks(edit, "2024-07")  # today is 1 June 2024: July is in the future
    assert "in the future" in message.text()
    assert not dialog.save_button.isEnabled()
    edit.clear()
    qtbot.keyClicks(edit, "2024-06")  # this month is not
    assert message.text() == ""
    assert dialog.save_button.isEnabled()


def test_a_batch_dated_to_a_month_saves_and_shows_as_the_month_in_the_table(
    qtbot, ws: Workspace, answers
) -> None:
    dialog = BatchDialog(ws)
    qtbot.addWidget(dialog)
    dialog.form.rows["country"].editor.write("IRQ")
    dialog.form.rows["status"].editor.write("received")
    edit = date_edit(dialog, "departure_date")
    edit.clear()
    qtbot.keyClicks(edit, "2024-05")
    qtbot.keyClicks(date_edit(dialog, "girls"), "4")
    dialog.form.rows["source"].editor.write("UNHCR")
    date_edit(dialog, "source_date").insert("٢٠٢٤")  # Arabic-Indic digits, as typed in Arabic
    assert dialog.try_save()

    [batch] = services.batches(ws)
    assert (batch.departure_date, batch.source_date) == ("2024-05", "2024")
    model = BatchTableModel(ws.db, ws.data_dir, threaded=False)
    assert model.index(0, 0).data() == "May 2024"
    reopened = BatchDialog(ws, batch.id)
    qtbot.addWidget(reopened)
    assert date_edit(reopened, "departure_date").text() == "2024-05"  # edited as stored


def month_labels(dashboard: DashboardScreen) -> list[str]:
    [axis] = [a for a in dashboard.month_chart.axes() if isinstance(a, QBarCategoryAxis)]
    return axis.categories()


def test_the_month_chart_puts_batches_dated_to_a_year_in_a_bar_of_their_own(
    qtbot, ws: Workspace
) -> None:
    for when, girls in (("2024", 32), ("2024-01", 3), ("2024-01-20", 2), ("2024-05", 4)):
        services.save_batch(
            ws,
            {"country": "IRQ", "status": "received", "departure_date": when, "girls": girls,
             "source": "UNHCR"},
        )  # fmt: skip
    dashboard = DashboardScreen(ws, Nav())
    qtbot.addWidget(dashboard)
    assert dashboard.months == ["2024", "2024-01", "2024-05"]
    assert month_labels(dashboard) == ["2024 (month unknown)", "Jan 2024", "May 2024"]
    assert dashboard.month_bars is not None
    heights = [dashboard.month_bars.at(i) for i in range(dashboard.month_bars.count())]
    assert heights == [32.0, 5.0, 4.0]  # January holds only the batches dated to January


def test_the_year_only_bar_in_arabic(qtbot, ws: Workspace, translations) -> None:
    services.save_batch(
        ws,
        {"country": "RUS", "status": "received", "departure_date": "2024", "girls": 12,
         "boys": 20, "source": "Public reporting, 2024"},
    )  # fmt: skip
    translations.install("ar")
    dashboard = DashboardScreen(ws, Nav())
    qtbot.addWidget(dashboard)
    assert month_labels(dashboard) == ["٢٠٢٤ (الشهر غير معروف)"]
    assert i18n.day("2024-05") == "أيار ٢٠٢٤"
