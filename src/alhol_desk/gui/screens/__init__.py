"""The main window's screens; each gets the workspace and a ``Navigator``, never the app.

Every screen is a ``Screen``: it says which kinds of records it shows, and its ``refresh``
reloads only the parts that show what changed. The window calls ``refresh`` on the screen
in view and keeps what changed for the others until they are shown (``pending``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from PySide6.QtWidgets import QWidget

from ..changes import NOTHING, Changes

if TYPE_CHECKING:
    from ..main_window import MainWindow


class Screen(QWidget):
    """What the window asks of each of its screens."""

    shows: ClassVar[Changes] = NOTHING  # the kinds of records on this screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pending = NOTHING  # changed while the screen was hidden: refreshed when shown

    def refresh(self, changes: Changes) -> None:
        """Reload what the screen shows of ``changes`` (only kinds in ``shows`` arrive)."""
        raise NotImplementedError(type(self).__name__)

    def focus_filter(self) -> None:
        """Put the cursor in the screen's filter (the screens that have one override this)."""

    def follow_period(self, period: Any) -> None:
        """Show ``period`` (a ``core.periods.Period`` picked on another screen); the screens
        with a period picker override this."""


class Navigator(Protocol):
    """What a screen may ask of the window around it."""

    def open_country(self, iso3: str) -> None: ...

    def show_countries(self) -> None: ...

    def open_batch(self, batch_id: str) -> None: ...

    def new_batch(self, country: str | None = None) -> str | None: ...

    def show_batches(self, search: str = "") -> None: ...

    def data_changed(self, changes: Changes) -> None: ...

    def show_conflicts(self) -> None: ...

    def period_chosen(self, period: Any) -> None: ...


def make_screen(name: str, window: MainWindow) -> Screen:
    """The screen called ``name`` for ``window`` (each module imported on first use)."""
    ws = window.ws
    if name == "dashboard":
        from .dashboard import DashboardScreen

        return DashboardScreen(ws, window, window, period=window.period)
    if name == "countries":
        from .countries import CountriesScreen

        return CountriesScreen(ws, window, window)
    if name == "country":
        from .country_page import CountryPage

        return CountryPage(ws, window, window)
    if name == "batches":
        from .batches import BatchesScreen

        return BatchesScreen(ws, window, window, period=window.period)
    if name == "audit":
        from .audit import AuditScreen

        return AuditScreen(ws, window, window)
    if name == "sync":
        from .sync import SyncScreen

        return SyncScreen(ws, window.sync_actions(), window)
    from .conflicts import ConflictsScreen

    return ConflictsScreen(ws, window, window.sync_actions().writable, window)
