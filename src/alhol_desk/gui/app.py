"""Starting the window: Qt, the language, the data folder (first-run wizard or demo), the loop."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from ..core.safety.logs import redacted_traceback
from ..paths import database_path, log_path, resource_path
from .i18n import Translations
from .preferences import Preferences

if TYPE_CHECKING:
    from ..core.workspace import Workspace
    from .main_window import MainWindow

log = logging.getLogger(__name__)
# A window never painted (started minimised, say) opens its data after this long anyway.
OPEN_UNPAINTED_AFTER_MS = 3000


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("alhol-desk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "alhol-desk.svg"))))
    return app


def first_language(prefs: Preferences) -> str:
    """The remembered language, else Arabic on an Arabic system, else English."""
    if prefs.has_language():
        return prefs.language
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def open_data(
    data_dir: Path,
    *,
    operator: str | None,
    demo: bool,
    prefs: Preferences,
    translations: Translations,
    parent: QWidget | None = None,
) -> Workspace | None:
    """The workspace to show: opened, set up by the wizard (None if cancelled), or the demo.

    With ``demo``, ``data_dir`` is the demo's own folder (``paths.demo_data_dir``, beside
    the data folder): set up as the demo if new, with every demo record, never a live one.
    ``parent`` is the window the wizard shows over, when there is one already.
    """
    # Imported here: the window paints before the database is opened (see _run).
    from ..core.errors import NotInitialised
    from ..core.workspace import open_workspace

    if demo:
        from ..core.demo import open_demo

        return open_demo(data_dir, operator=operator)[0]
    try:
        return open_workspace(data_dir, operator=operator)
    except NotInitialised:
        from .dialogs.first_run import FirstRunWizard

        def remember(language: str) -> None:
            prefs.language = language

        wizard = FirstRunWizard(data_dir, translations, on_language=remember, parent=parent)
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.workspace is None:
            return None
        prefs.language = translations.language
        return wizard.workspace


def _report_unexpected(data_dir: Path):
    """Log a slot's unexpected failure and tell the user where the details are."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        # Without the messages: they can quote what was typed (a name, a note).
        log.error("unexpected failure: %s", redacted_traceback(error))
        QMessageBox.critical(
            None,
            "alhol-desk",
            QApplication.translate(
                "app",
                "Something went wrong and the last action may not have finished. "
                "The details are in %1.",
            ).replace("%1", str(log_path(data_dir))),
        )

    return hook


def _back_up_at_startup(data_dir: Path) -> None:
    """The rotating copy of the database in DATA_DIR/backups (the last few are kept)."""
    import sqlite3

    from ..core.backup import rotate_backups
    from ..core.errors import AlholError

    try:
        rotate_backups(data_dir)
    except (OSError, AlholError, sqlite3.Error):
        log.exception("the start-up backup failed")  # the app works on; the log says why


def run(data_dir: Path, operator: str | None = None, demo: bool = False) -> int:
    """Open the window on ``data_dir``; returns the exit code (0 also when set-up is cancelled).

    With ``demo``, ``data_dir`` is the demo's own folder (the command line gives
    ``paths.demo_data_dir`` of the data folder), never a live one.
    """
    from ..core.sync.prompt import set_passphrase_prompt
    from .dialogs.passphrase import window_passphrase

    app = application()
    # Protected keys are asked for in a dialog, not on a terminal the user may not see.
    previous_prompt = set_passphrase_prompt(window_passphrase)
    try:
        return _run(app, data_dir, operator, demo)
    finally:
        set_passphrase_prompt(previous_prompt)


def _run(app: QApplication, data_dir: Path, operator: str | None, demo: bool) -> int:
    data_dir.mkdir(parents=True, exist_ok=True)
    prefs = Preferences(data_dir)
    translations = Translations()
    translations.install(first_language(prefs))

    def open_now(parent: QWidget | None = None) -> Workspace | None:
        return open_data(
            data_dir,
            operator=operator,
            demo=demo,
            prefs=prefs,
            translations=translations,
            parent=parent,
        )

    from .main_window import MainWindow

    previous_hook = sys.excepthook
    sys.excepthook = _report_unexpected(data_dir)
    opener: _Opener | None = None
    try:
        if demo or database_path(data_dir).exists():
            # The window paints first and opens the data just after: it appears at once,
            # and says "Opening the data…" while the database is checked and opened.
            window = MainWindow(None, prefs, translations)
            opener = _Opener(app, window, open_now, data_dir)
        else:
            # First run: the wizard sets the folder up, then the window opens on it.
            from ..core.errors import AlholError
            from .messages import refusal_text

            try:
                ws = open_now()
            except AlholError as error:
                QMessageBox.critical(None, "alhol-desk", refusal_text(error.message))
                return 1
            if ws is None:
                return 0
            try:
                window = MainWindow(ws, prefs, translations)
            except BaseException:
                ws.close()
                raise
            opener = _Opener(app, window, open_now, data_dir, ws)
        window.show()
        code = int(app.exec())
        if opener.failure is not None:
            # Not a refusal but a fault (a damaged page, a folder it may not write to):
            # the command line logs it without personal data and says so (exit code 1).
            raise opener.failure
        return code
    finally:
        sys.excepthook = previous_hook
        if opener is not None:
            opener.close()


class _Opener:
    """Opens the window's data once, after its first paint; ends the loop if it cannot.

    Given a workspace already open (the first run's wizard made it), it only keeps it.
    """

    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        open_data: Callable[[QWidget], Workspace | None],
        data_dir: Path,
        ws: Workspace | None = None,
    ) -> None:
        self.app, self.window, self.data_dir = app, window, data_dir
        self._open_data = open_data
        self.ws = ws
        self.started = ws is not None
        self.failure: Exception | None = None  # raised again once the loop has ended
        if ws is not None:
            QTimer.singleShot(0, lambda: _back_up_at_startup(data_dir))
            return
        window.first_painted.connect(lambda: QTimer.singleShot(0, self.open))
        QTimer.singleShot(OPEN_UNPAINTED_AFTER_MS, self.open)

    def open(self) -> None:
        # Not twice, and not for a window closed before its data was opened.
        if self.started or not self.window.isVisible():
            return
        self.started = True
        from ..core.errors import AlholError  # after the first paint, as all of the core

        try:
            ws = self._open_data(self.window)
            if ws is None:  # the wizard was cancelled
                self._end(0)
                return
            self.ws = ws
            self.window.attach(ws)
        except AlholError as error:  # a refusal: its message says what to do
            from .messages import refusal_text

            QMessageBox.critical(self.window, "alhol-desk", refusal_text(error.message))
            self._end(1)
            return
        except Exception as error:
            self.failure = error
            QMessageBox.critical(
                self.window,
                "alhol-desk",
                QApplication.translate(
                    "app", "The data could not be opened. The details are in %1."
                ).replace("%1", str(log_path(self.data_dir))),
            )
            self._end(1)
            return
        # After the window shows its data, not before: a field laptop opens on a usable window.
        QTimer.singleShot(0, lambda: _back_up_at_startup(self.data_dir))

    def _end(self, code: int) -> None:
        """Close the window and end the loop with ``code`` (closing alone would say 0)."""
        from PySide6.QtCore import Qt  # not at the top: see i18n.Translations.install

        self.window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.window.close()
        self.app.exit(code)

    def close(self) -> None:
        self.started = True  # the loop is over: a timer still pending opens nothing
        if self.ws is not None:
            self.ws.close()
