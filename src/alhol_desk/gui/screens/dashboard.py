"""The dashboard: headline figures, people repatriated per country and per month, clickable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import browse, overview
from ...core.overview import CampEstimate, CountryRepatriated, ListedApart, PeopleFigures, Stats
from ...core.periods import ALL_TIME, Period
from ...core.records import AGE_BANDS
from ...core.workspace import Workspace
from .. import i18n
from ..changes import EVERYTHING, RECORDS, Changes
from ..period_picker import PeriodPicker
from ..periods import only_text, period_text
from . import Navigator, Screen

TOP_COUNTRIES = 12


class EmptyState(QWidget):
    """What a new install shows: start typing; the examples are in the demo's own folder."""

    def __init__(self, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = self.tr("No records yet")
        title = QLabel(f"<h2>{heading}</h2>", self)
        text = QLabel(
            self.tr(
                "Enter a batch from a handover sheet. To try the tool on the sourced example "
                "records (AFP's 43,000 residents from 45 countries; Russia's 32 children), "
                "start it with: alhol-desk gui --demo. The demo opens its own folder, so its "
                "examples never mix with this laptop's records."
            ),
            self,
        )
        text.setObjectName("empty_text")
        text.setWordWrap(True)
        new = QPushButton(self.tr("New batch (Ctrl+N)"), self)
        new.clicked.connect(lambda: nav.new_batch())
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(buttons)
        layout.addStretch(2)


def _chart(title: str) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().hide()
    chart.setLocale(QLocale())  # axis numbers in the window's digits
    chart.setLocalizeNumbers(True)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return chart, view


class DashboardScreen(Screen):
    shows = RECORDS | Changes(conflicts=True)  # the figures, and the conflicts to settle

    def __init__(
        self,
        ws: Workspace,
        nav: Navigator,
        parent: QWidget | None = None,
        *,
        period: Period = ALL_TIME,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.nav = nav
        self.period = period
        self.pages = QStackedWidget(self)
        self.empty = EmptyState(nav, self)
        self.figures = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.figures)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.picker = PeriodPicker(ws.today(), period, self.figures)
        self.picker.changed.connect(self._period_picked)
        self.headline = QLabel(self.figures)
        self.headline.setObjectName("headline")
        self.headline.setWordWrap(True)
        self.headline.linkActivated.connect(self._follow)
        self.bands = QGroupBox(self.figures)
        self.bands_grid = QGridLayout(self.bands)
        self.estimates = QLabel(self.figures)
        self.estimates.setWordWrap(True)
        self.country_chart, country_view = _chart("")
        self.month_chart, month_view = _chart("")
        self.country_iso3: list[str] = []
        self.months: list[str] = []
        self.country_bars: QBarSet | None = None
        self.month_bars: QBarSet | None = None
        charts = QHBoxLayout()
        charts.addWidget(country_view, 1)
        charts.addWidget(month_view, 1)
        body = QVBoxLayout(self.figures)
        body.addWidget(self.picker)
        body.addWidget(self.headline)
        top = QHBoxLayout()
        top.addWidget(self.bands, 1)
        top.addWidget(self.estimates, 1)
        body.addLayout(top)
        body.addLayout(charts, 1)
        self.refresh(EVERYTHING)

    def refresh(self, changes: Changes) -> None:
        if not browse.has_records(self.ws):
            self.pages.setCurrentWidget(self.empty)
            return
        self.pages.setCurrentIndex(1)
        figures = overview.stats(self.ws, self.period)
        self._show_titles()
        self._show_headline(figures, overview.listed_apart(self.ws, self.period))
        self._show_bands(figures.people)
        self._show_estimates(figures.camp_estimates)
        self._show_countries(figures.by_country)
        self._show_months(self.ws.batches.repatriated_by_month(self.period))

    def follow_period(self, period: Period) -> None:
        """Another screen picked ``period``: show it (read again when next shown)."""
        self.period = period
        self.picker.set_period(period)
        self.pending |= self.shows

    def _period_picked(self, period: Period) -> None:
        self.period = period
        self.refresh(EVERYTHING)
        self.nav.period_chosen(period)

    def _show_titles(self) -> None:
        """The titles of the figures say which period they count."""
        when = period_text(self.period)
        for widget, title in (
            (self.bands, self.tr("People repatriated by sex and age")),
            (self.country_chart, self.tr("People repatriated, by country")),
            (self.month_chart, self.tr("People repatriated, by month")),
        ):
            widget.setTitle(f"{title} — {when}")

    def _show_headline(self, figures: Stats, apart: list[ListedApart]) -> None:
        countries, people = figures.countries, figures.people
        started = self.tr("%1 of %2 tracked countries have started repatriating")
        started = started.replace("%1", i18n.number(countries.started_repatriating))
        started = started.replace("%2", i18n.number(countries.tracked))
        total = self.tr("%1 people repatriated (batches: %2)")
        total = total.replace("%1", i18n.number(people.total))
        total = total.replace("%2", i18n.number(figures.batches_repatriated))
        sexes = ", ".join(
            f"{i18n.field_label(sex)} {i18n.number(getattr(people, sex))}"
            for sex in ("women", "men", "girls", "boys")
        )
        conflicts = self.ws.conflicts.open_count()
        to_settle = ""
        if conflicts:
            text = self.tr("%1 conflicts to settle: two people changed the same figure")
            text = text.replace("%1", i18n.number(conflicts))
            to_settle = f'<p><a href="conflicts" style="color: #b03a2e">{text}</a></p>'
        when = self.tr("Figures for: %1").replace("%1", period_text(self.period))
        self.headline.setText(
            f'<h2><a href="countries">{started}</a></h2>'
            f'<p><b>{when}</b></p><h3><a href="batches">{total}</a></h3><p>{sexes}</p>'
            f"{self._apart_lines(apart)}{to_settle}"
        )

    def _apart_lines(self, apart: list[ListedApart]) -> str:
        """Batches dated less precisely than the period: counted apart, never in it."""
        lines = []
        for group in apart:
            text = self.tr("Listed apart, not counted in this period: %1 batches, %2 people, %3")
            text = text.replace("%1", i18n.number(group.batches))
            text = text.replace("%2", i18n.number(group.people))
            text = text.replace("%3", only_text(group.departure_date))
            lines.append(f'<p style="color: #7a5c00">{text}</p>')
        return "".join(lines)

    def _show_bands(self, people: PeopleFigures) -> None:
        while self.bands_grid.count():
            item = self.bands_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for row, sex in enumerate(("girls", "boys", "women", "men")):
            self.bands_grid.addWidget(QLabel(i18n.field_label(sex), self.bands), row, 0)
            bands = [band for band, owner in AGE_BANDS if owner == sex]
            counts = [people.by_age_band[band] for band in bands]
            # No batch gave this sex's bands: "0" would read as "none of that age".
            unknown = not any(counts) and getattr(people, sex) > 0
            for column, (band, count) in enumerate(zip(bands, counts, strict=True), start=1):
                shown = "—" if unknown else i18n.number(count)
                label = QLabel(f"{i18n.field_label(band)}: {shown}", self.bands)
                self.bands_grid.addWidget(label, row, column)
        note = QLabel(
            self.tr("Age bands count only batches that give them; — : no batch gives them."),
            self.bands,
        )
        note.setEnabled(False)
        self.bands_grid.addWidget(note, 4, 0, 1, 4)

    def _show_estimates(self, estimates: list[CampEstimate]) -> None:
        lines = []
        for estimate in estimates:
            parts = []
            if estimate.total is not None:
                parts.append(self.tr("%1 people").replace("%1", i18n.number(estimate.total)))
            if estimate.countries is not None:
                parts.append(self.tr("%1 countries").replace("%1", i18n.number(estimate.countries)))
            if estimate.countries_repatriating is not None:
                parts.append(
                    self.tr("%1 repatriating").replace(
                        "%1", i18n.number(estimate.countries_repatriating)
                    )
                )
            source = f"{estimate.source}, {i18n.day(estimate.estimate_date)}"
            lines.append(f"<li>{', '.join(parts)} <i>({source})</i></li>")
        title = self.tr("Camp estimates (sources disagree; all are kept)")
        self.estimates.setText(f"<b>{title}</b><ul>{''.join(lines)}</ul>" if lines else "")

    def _show_countries(self, rows: list[CountryRepatriated]) -> None:
        top = sorted(rows, key=lambda r: r.people, reverse=True)[:TOP_COUNTRIES]
        top.reverse()  # a horizontal bar chart draws its first category at the bottom
        self.country_iso3 = [r.iso3 for r in top]
        bars = QBarSet(i18n.field_label("people"))
        people = [float(r.people) for r in top]
        bars.append(people)
        bars.clicked.connect(self._country_clicked)
        series = QHorizontalBarSeries()
        series.append(bars)
        names = [i18n.country_name(r.name_en, r.name_ar) for r in top]
        self._replace(self.country_chart, series, names, people, horizontal=True)
        self.country_bars = bars

    def _show_months(self, rows: list[dict[str, Any]]) -> None:
        self.months = [r["month"] for r in rows]
        bars = QBarSet(i18n.field_label("people"))
        people = [float(r["people"]) for r in rows]
        bars.append(people)
        bars.clicked.connect(self._month_clicked)
        series = QBarSeries()
        series.append(bars)
        names = [self._month_name(month) for month in self.months]
        self._replace(self.month_chart, series, names, people, horizontal=False)
        self.month_bars = bars

    def _month_name(self, month: str) -> str:
        """A bar's label: "May 2024", or "2024 (month unknown)" for the batches dated only
        to a year (their own bar, never January's)."""
        locale = QLocale()
        if len(month) == 4:
            year = locale.toString(QDate(int(month), 1, 1), "yyyy")
            return self.tr("%1 (month unknown)").replace("%1", year)
        return locale.toString(QDate.fromString(month + "-01", "yyyy-MM-dd"), "MMM yyyy")

    @staticmethod
    def _replace(
        chart: QChart, series, names: list[str], peak: list[float], *, horizontal: bool
    ) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(names)
        values = QValueAxis()
        values.setLabelFormat("%.0f")  # "%d" draws nothing once numbers are localised
        values.setRange(0, max([*peak, 1.0]))
        values.applyNiceNumbers()
        chart.addAxis(
            categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
        )
        chart.addAxis(
            values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
        )
        series.attachAxis(categories)
        series.attachAxis(values)

    def _country_clicked(self, index: int) -> None:
        if 0 <= index < len(self.country_iso3):
            self.nav.open_country(self.country_iso3[index])

    def _month_clicked(self, index: int) -> None:
        if 0 <= index < len(self.months):
            self.nav.show_batches(self.months[index])

    def _follow(self, link: str) -> None:
        if link == "batches":
            self.nav.show_batches("")
        elif link == "countries":
            self.nav.show_countries()
        elif link == "conflicts":
            self.nav.show_conflicts()
