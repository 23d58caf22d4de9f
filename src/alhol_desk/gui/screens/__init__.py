"""The main window's screens; each gets the workspace and a ``Navigator``, never the app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..main_window import MainWindow


class Navigator(Protocol):
    """What a screen may ask of the window around it."""

    def open_country(self, iso3: str) -> None: ...

    def show_countries(self) -> None: ...

    def open_batch(self, batch_id: str) -> None: ...

    def new_batch(self, country: str | None = None) -> str | None: ...

    def show_batches(self, search: str = "") -> None: ...

    def load_demo(self) -> None: ...

    def data_changed(self) -> None: ...

    def show_conflicts(self) -> None: ...


def make_screen(name: str, window: MainWindow) -> QWidget:
    """The screen called ``name`` for ``window`` (each module imported on first use)."""
    ws = window.ws
    if name == "dashboard":
        from .dashboard import DashboardScreen

        return DashboardScreen(ws, window, window)
    if name == "countries":
        from .countries import CountriesScreen

        return CountriesScreen(ws, window, window)
    if name == "country":
        from .country_page import CountryPage

        return CountryPage(ws, window, window)
    if name == "batches":
        from .batches import BatchesScreen

        return BatchesScreen(ws, window, window)
    if name == "audit":
        from .audit import AuditScreen

        return AuditScreen(ws, window, window)
    if name == "sync":
        from .sync import SyncScreen

        return SyncScreen(ws, window.sync_actions(), window)
    from .conflicts import ConflictsScreen

    return ConflictsScreen(ws, window, window.sync_actions().writable, window)
