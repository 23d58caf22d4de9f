"""The main window: a thin frame that composes the screens, menus, shortcuts and status bar.

Screens are built the first time they are shown, so opening the window costs only the
screen it opens on. A language switch rebuilds the frame and its screens in the new
language and direction, keeping the screen the user was on.

The window can paint before its data is open: built without a workspace, it shows its
frame (navigation, menus, status bar) with "Opening the data…", emits ``first_painted``
at its first paint, and becomes usable when ``attach`` gives it the workspace. Start-up
(``app.run``) opens the database after that first paint, so the window appears at once.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ..paths import resource_path
from . import i18n
from .changes import EVERYTHING, NOTHING, Changes
from .dialogs import questions
from .i18n import QT_TRANSLATE_NOOP
from .menus import build_menus
from .preferences import Preferences
from .screens import Screen

if TYPE_CHECKING:  # the event types are only annotations (QCloseEvent alone costs ~2 ms)
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
    from PySide6.QtWidgets import QMenu

    from ..core.workspace import Workspace
    from .actions.reports import ReportActions
    from .screens.sync_actions import SyncActions

log = logging.getLogger(__name__)
S = TypeVar("S", bound=Screen)

# Screen name -> its label in the navigation (translated when shown) and its shortcut.
SCREENS: dict[str, tuple[str, str]] = {
    "dashboard": (QT_TRANSLATE_NOOP("MainWindow", "Dashboard"), "Ctrl+1"),
    "countries": (QT_TRANSLATE_NOOP("MainWindow", "Countries"), "Ctrl+2"),
    "batches": (QT_TRANSLATE_NOOP("MainWindow", "Batches"), "Ctrl+3"),
    "sync": (QT_TRANSLATE_NOOP("MainWindow", "Sync"), "Ctrl+4"),
    "conflicts": (QT_TRANSLATE_NOOP("MainWindow", "Conflicts"), "Ctrl+5"),
    "audit": (QT_TRANSLATE_NOOP("MainWindow", "Audit log"), "Ctrl+6"),
}


class MainWindow(QMainWindow):
    first_painted = Signal()  # once, after the window's first paint

    def __init__(
        self, ws: Workspace | None, prefs: Preferences, translations: i18n.Translations
    ) -> None:
        super().__init__()
        self._ws = ws
        self.prefs = prefs
        self.translations = translations
        self.setObjectName("main_window")
        self.setWindowIcon(QIcon(str(resource_path("icons", "alhol-desk.svg"))))
        self.screens: dict[str, Screen] = {}
        self.current = ""
        self._period: Any = None  # a core.periods.Period, made on first use (start-up cost)
        self._sync: SyncActions | None = None
        self._reports: ReportActions | None = None
        self._painted = False
        self.setAcceptDrops(True)  # .alhol files dropped on the window are imported
        self._build()
        geometry = prefs.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)
        if ws is not None:
            self._opened()

    @property
    def ws(self) -> Workspace:
        """The open workspace (the window's actions are disabled until it is attached)."""
        if self._ws is None:
            raise RuntimeError("the main window has no workspace yet")
        return self._ws

    @property
    def attached(self) -> bool:
        return self._ws is not None

    def attach(self, ws: Workspace) -> None:
        """Show the data: the frame is rebuilt with the team, the operator and the menus."""
        self._ws = ws
        self._build()
        self._opened()

    def _opened(self) -> None:
        self.show_screen(
            self.prefs.last_screen if self.prefs.last_screen in SCREENS else "dashboard"
        )
        # The sync package is heavy to import; count after the first paint.
        QTimer.singleShot(0, self.update_status)
        # After the first paint too: what the start-up checks fixed, then lost typing.
        QTimer.singleShot(0, self.show_notices)
        QTimer.singleShot(0, self.offer_drafts)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    # --- frame ----------------------------------------------------------------------------

    def _build(self) -> None:
        if self._ws is None:
            self.setWindowTitle("alhol-desk")
        elif self._ws.is_demo:
            self.setWindowTitle(self.tr("alhol-desk — DEMO (example records, not real data)"))
        else:
            self.setWindowTitle(self.tr("alhol-desk — %1").replace("%1", self._ws.device.team))
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(20, 20))
        for label, shortcut in SCREENS.values():
            item = QListWidgetItem(self.tr(label), self.nav)
            item.setToolTip(shortcut)
        self.stack = QStackedWidget(self)
        if self._ws is None:  # painted while the data opens; replaced by attach()
            self.stack.addWidget(self._opening())
        self.nav.setEnabled(self._ws is not None)
        body = QWidget(self)
        layout = QHBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.nav.currentRowChanged.connect(self._nav_changed)
        build_menus(self, SCREENS)
        self._build_status_bar()

    def _opening(self) -> QWidget:
        """ "Opening the data…", centred (by stretches: the ``Qt`` namespace is slow to load)."""
        page = QWidget(self.stack)
        row = QHBoxLayout(page)
        row.addStretch(1)
        label = QLabel(self.tr("Opening the data…"), page)
        label.setObjectName("opening")
        row.addWidget(label)
        row.addStretch(1)
        return page

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        for old in getattr(self, "_status_labels", []):
            bar.removeWidget(old)
            old.deleteLater()
        if self._ws is None:
            self._status_labels = []
            return
        device = self._ws.device
        team = QLabel(
            self.tr("Team: %1 (%2)")
            .replace("%1", device.team)
            .replace("%2", i18n.status_label(device.role)),
            self,
        )
        operator = QLabel(self.tr("Operator: %1").replace("%1", self._ws.operator), self)
        # Filled after the first paint (the sync package is heavy to import): the count of
        # changes not yet exported links to export, the open conflicts to their review.
        self.unexported = QLabel(self)
        self.unexported.setObjectName("unexported")
        self.unexported.setToolTip(self.tr("Export to a stick (Ctrl+E)"))
        self.unexported.linkActivated.connect(lambda _link: self.export_bundle())
        self.open_conflicts = QLabel(self)
        self.open_conflicts.setObjectName("open_conflicts")
        self.open_conflicts.linkActivated.connect(lambda _link: self.show_screen("conflicts"))
        self._status_labels = [team, operator, self.unexported, self.open_conflicts]
        if self._ws.is_demo:
            self._status_labels.insert(0, self._demo_label())
        for label in self._status_labels:
            bar.addPermanentWidget(label)

    def _demo_label(self) -> QLabel:
        """The demo says so in the status bar too: its records are examples."""
        label = QLabel(
            self.tr("DEMO: example records in their own folder; no device accepts its bundles"),
            self,
        )
        label.setObjectName("demo_mark")
        label.setStyleSheet(
            "font-weight: bold; color: #ffffff; background: #b35900; padding: 0 6px;"
        )
        label.setToolTip(
            self.tr(
                "This is the demo's own data folder. Every device refuses its cards and "
                "bundles; your own data is in the data folder beside it."
            )
        )
        return label

    def update_status(self) -> None:
        try:
            self.sync_actions().update_status(self.unexported, self.open_conflicts)
        except Exception:  # a status line must never stop the window
            log.exception("could not count unexported changes and open conflicts")

    def add_reports_to(self, menu: QMenu) -> None:
        """File › Export report. One per window, so a rebuild keeps a report being written."""
        if self._reports is not None:
            self._reports.add_to(menu)
            return
        from .actions.reports import add_report_actions

        self._reports = add_report_actions(
            menu,
            self.ws,
            parent=self,
            show_message=lambda text: self.statusBar().showMessage(text, 10_000),
            period=lambda: self.period,
        )

    # --- sync -----------------------------------------------------------------------------

    def sync_actions(self) -> SyncActions:
        """Export, import and cards for this window (imported on first use: it is heavy)."""
        if self._sync is None:
            from .screens.sync_actions import SyncActions

            self._sync = SyncActions(self.ws, self.prefs, self, self.show_screen)
            self._sync.changed.connect(self.data_changed)
        return self._sync

    def export_bundle(self) -> None:
        self.sync_actions().export()

    def import_bundles(self) -> None:
        self.sync_actions().choose_import()

    def import_sheet(self) -> QDialog:
        """File › Import a spreadsheet: the wizard of docs/spreadsheets.md (window-modal)."""
        from PySide6.QtCore import Qt  # here: the Qt namespace costs start-up time

        from .dialogs.sheet_import import SheetImportDialog

        dialog = SheetImportDialog(self.ws, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.data_changed)
        dialog.open()
        return dialog

    def show_conflicts(self) -> None:
        self.show_screen("conflicts")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.attached:  # nothing to import into yet (and no heavy import meanwhile)
            event.ignore()
            return
        from .screens.sync_actions import bundle_paths

        if event.mimeData().hasUrls() and bundle_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        from .screens.sync_actions import bundle_paths

        paths = bundle_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.sync_actions().import_files(paths)

    # --- screens --------------------------------------------------------------------------

    def screen_named(self, name: str) -> Screen:
        """The screen called ``name``, built on first use."""
        found = self.screens.get(name)
        if found is None:
            from .screens import make_screen

            found = make_screen(name, self)
            found.setObjectName(f"screen_{name}")
            self.screens[name] = found
            self.stack.addWidget(found)
        return found

    def show_screen(self, name: str) -> Screen:
        widget = self.screen_named(name)
        if widget.pending:
            changes, widget.pending = widget.pending, NOTHING
            widget.refresh(changes)
        self.stack.setCurrentWidget(widget)
        self.current = name
        nav_name = "countries" if name == "country" else name
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(list(SCREENS).index(nav_name))
        self.nav.blockSignals(False)
        if name in SCREENS:
            self.prefs.last_screen = name
        return widget

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(SCREENS):
            self.show_screen(list(SCREENS)[row])

    def focus_filter(self) -> None:
        if self.current not in ("countries", "batches", "audit", "sync", "conflicts"):
            self.show_screen("batches")
        self.screen_named(self.current).focus_filter()

    def _show(self, name: str, kind: type[S]) -> S:
        """Show the screen ``name``, known to be a ``kind``."""
        screen = self.show_screen(name)
        assert isinstance(screen, kind)
        return screen

    # --- the Navigator the screens use ------------------------------------------------------

    @property
    def period(self) -> Any:
        """The period the dashboard and the batch table show (all time at first)."""
        if self._period is None:
            from ..core.periods import ALL_TIME

            self._period = ALL_TIME
        return self._period

    def period_chosen(self, period: Any) -> None:
        """A screen's period picker changed: the other screens with one follow it."""
        self._period = period
        for widget in self.screens.values():
            if widget is not self.stack.currentWidget():
                widget.follow_period(period)

    def open_country(self, iso3: str) -> None:
        from .screens.country_page import CountryPage

        self._show("country", CountryPage).show_country(iso3)

    def show_countries(self) -> None:
        self.show_screen("countries")

    def show_batches(self, search: str = "") -> None:
        from .screens.batches import BatchesScreen

        self._show("batches", BatchesScreen).set_search(search)

    def open_batch(self, batch_id: str) -> None:
        from ..core.errors import AlholError
        from .forms.batch_form import BatchDialog
        from .messages import refusal_text

        try:
            dialog = BatchDialog(self.ws, batch_id, parent=self)
        except AlholError as error:
            questions.fail(self, self.tr("Cannot open the batch"), refusal_text(error.message))
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.data_changed(Changes(batches=True))

    def new_batch(self, country: str | None = None) -> str | None:
        from .forms.batch_form import BatchDialog
        from .screens.batches import BatchesScreen

        dialog = BatchDialog(self.ws, country=country, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.data_changed(Changes(batches=True))
        screen = self.screens.get("batches")
        if self.current == "batches" and isinstance(screen, BatchesScreen) and dialog.saved_id:
            screen.select_batch(dialog.saved_id)
        return dialog.saved_id

    # --- after a start: notices, drafts ------------------------------------------------------

    def show_notices(self) -> None:
        """What the start-up checks fixed (file permissions): once, in the status bar."""
        if not self.ws.notices:
            return
        from .messages import explain, refusal_text

        found = " · ".join(explain(notice).what for notice in self.ws.notices)
        self.statusBar().showMessage(self.tr("Checked at start: %1").replace("%1", found), 60_000)
        self.statusBar().setToolTip("\n\n".join(refusal_text(n) for n in self.ws.notices))

    def offer_drafts(self) -> None:
        """Forms a crash left half-filled: open each again, or discard it."""
        from .forms.drafts import offer_drafts

        offer_drafts(self.ws, self, on_saved=self.data_changed)

    def data_changed(self, changes: Changes) -> None:
        """``changes`` were written: the screen in view refreshes what it shows of them, the
        others keep them for when they are shown; a screen that shows none does nothing."""
        for widget in self.screens.values():
            relevant = changes & widget.shows
            if not relevant:
                continue
            if widget is self.stack.currentWidget():
                widget.refresh(relevant)
            else:
                widget.pending |= relevant
        self.update_status()

    def refresh_all(self) -> None:
        """View › Refresh: every screen reads everything again (another program may have
        written to the data folder)."""
        self.data_changed(EVERYTHING)

    # --- language, leaving ----------------------------------------------------------------

    def set_language(self, language: str) -> None:
        if language == self.translations.language:
            return
        self.translations.install(language)
        self.prefs.language = language
        current = self.current
        for widget in self.screens.values():
            widget.deleteLater()
        self.screens = {}
        self._build()
        self.show_screen(current or "dashboard")
        self.update_status()

    def about(self) -> None:
        """Help › About: version, licence, third-party notices (window-modal, not blocking)."""
        from PySide6.QtCore import Qt  # here: the Qt namespace costs start-up time

        from .dialogs.about import AboutDialog

        dialog = AboutDialog(self.ws.data_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def about_qt(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.aboutQt(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        # A reminder, never a lock: "Close without exporting" (the default) closes.
        if self.attached and not self.sync_actions().close_reminder():
            event.ignore()
            return
        self.prefs.save_geometry(self.saveGeometry())
        self.prefs.sync()
        super().closeEvent(event)
