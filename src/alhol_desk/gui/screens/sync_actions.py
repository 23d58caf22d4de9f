"""The sync steps the window offers from anywhere: export, import, cards, and their status.

One object per window, shared by the Sync screen, the menus, the status bar, drops on the
window and the close reminder. File and folder pickers are attributes, so tests (and a
future kiosk mode) can answer them without a native dialog.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from ...core import sync_overview
from ...core.errors import AlholError
from ...core.storage.devices import PeerDevice
from ...core.sync import enrolment, exporter
from ...core.sync.keys import load_device_keys
from ...core.workspace import Workspace
from .. import i18n
from ..changes import Changes
from ..dialogs import questions
from ..dialogs.drives import Drive, mounted_drives
from ..dialogs.export_dialog import ExportDialog, choose_folder
from ..dialogs.import_dialog import ImportDialog
from ..dialogs.revoke_dialog import RevokeDialog
from ..dialogs.trust_dialog import TrustDialog
from ..i18n import translate
from ..preferences import Preferences
from .sync_text import explain_error

BUNDLE_SUFFIX = ".alhol"


def choose_bundles(parent: QWidget, start: str) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        translate("SyncActions", "Choose the bundles to import"),
        start,
        translate("SyncActions", "alhol-desk bundles (*.alhol);;All files (*)"),
    )
    return list(files)


def choose_card(parent: QWidget, start: str) -> str | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        translate("SyncActions", "Choose the device card to trust"),
        start,
        translate("SyncActions", "Device cards (*.card *.json);;All files (*)"),
    )
    return chosen or None


def choose_card_destination(parent: QWidget, suggested: str) -> str | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        translate("SyncActions", "Save this laptop's card"),
        suggested,
        translate("SyncActions", "Device cards (*.card)"),
    )
    return chosen or None


def card_file_name(team: str) -> str:
    """A file name for this device's card from its team ("Hasakah 1" -> "Hasakah-1.card")."""
    stem = re.sub(r"[^\w-]+", "-", team).strip("-") or "device"
    return f"{stem}.card"


def bundle_paths(urls: Iterable[QUrl]) -> list[Path]:
    """The .alhol files among dropped URLs; a dropped folder gives the bundles in it."""
    found: list[Path] = []
    for url in urls:
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir():
            found.extend(sorted(p for p in path.glob(f"*{BUNDLE_SUFFIX}") if p.is_file()))
        elif path.suffix.lower() == BUNDLE_SUFFIX:
            found.append(path)
    return found


def message_for(error: AlholError) -> str:
    """An error from the core as the text of a message box: what was wrong, what to do (and
    the core's own line when its code has no words of its own)."""
    explained = explain_error(error)
    text = f"{explained.what}\n\n{explained.todo}"
    return text if explained.known else f"{text}\n\n{explained.detail}"


class SyncActions(QObject):
    """Export, import and the device cards, for one window; ``changed`` after every write,
    with what it changed."""

    changed = Signal(object)  # Changes

    def __init__(
        self,
        ws: Workspace,
        prefs: Preferences,
        window: QWidget,
        show_screen: Callable[[str], object],
    ) -> None:
        super().__init__(window)
        self.ws = ws
        self.prefs = prefs
        self.window = window
        self.show_screen = show_screen
        # Pickers and clocks, replaceable in tests.
        self.drives: Callable[[], list[Drive]] = mounted_drives
        self.pick_folder = choose_folder
        self.pick_bundles = choose_bundles
        self.pick_card = choose_card
        self.pick_card_destination = choose_card_destination
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)

    # --- checks before a step -------------------------------------------------------------

    def writable(self) -> bool:
        if not getattr(self.ws, "read_only", False):
            return True
        questions.fail(
            self.window,
            self.tr("This window can only read"),
            self.tr(
                "Another alhol-desk window or command is using this data folder, so this one "
                "can only read. Close the other one, then open this window again."
            ),
        )
        return False

    def keys_ready(self) -> bool:
        """This device's keys open (asking for the passphrase here, on the GUI thread)."""
        try:
            load_device_keys(self.ws.data_dir)
        except AlholError as error:
            questions.fail(self.window, self.tr("The keys cannot be opened"), message_for(error))
            return False
        return True

    def start_folder(self) -> str:
        drives = self.drives()
        if drives:
            return str(drives[0].path)
        return self.prefs.last_export_folder or str(Path.home())

    # --- export -----------------------------------------------------------------------------

    def export(self) -> ExportDialog | None:
        """Open the export dialog (non-blocking), or say why there is no one to send to."""
        if not self.writable():
            return None
        if not exporter.recipients_for(self.ws):
            self._no_recipient()
            return None
        if not self.keys_ready():
            return None
        dialog = ExportDialog(
            self.ws,
            self.window,
            last_folder=self.prefs.last_export_folder,
            drives=self.drives,
            folder_chooser=self.pick_folder,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(self._exported)
        dialog.changed.connect(self.changed.emit)
        dialog.open()
        return dialog

    def _no_recipient(self) -> None:
        if self.ws.device.role == "field":
            text = self.tr(
                "No headquarters device is trusted yet, so there is no one to send a bundle to.\n\n"
                "To fix it: get HQ's device card on a stick; in Sync › Devices and keys choose "
                '"Trust a card…" and type the fingerprint HQ reads to you over the phone. '
                "Then export again."
            )
        else:
            text = self.tr(
                "No field device is trusted yet, so there is no one to send a bundle to.\n\n"
                "To fix it: get the team's device card on a stick; in Sync › Devices and keys "
                'choose "Trust a card…" and type the fingerprint the officer reads to you over '
                "the phone. Then export again."
            )
        questions.fail(self.window, self.tr("No one to send to yet"), text)
        self.show_devices()

    def _exported(self, result: exporter.ExportResult) -> None:
        self.prefs.last_export_folder = str(result.bundles[0].path.parent)

    # --- import -----------------------------------------------------------------------------

    def choose_import(self) -> ImportDialog | None:
        if not self.writable():
            return None
        chosen = self.pick_bundles(self.window, self.start_folder())
        if not chosen:
            return None
        return self.import_files([Path(p) for p in chosen])

    def import_files(self, paths: list[Path]) -> ImportDialog | None:
        """Check the bundles and show what they would change; import on confirmation."""
        if not paths or not self.writable() or not self.keys_ready():
            return None
        dialog = ImportDialog(self.ws, paths, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.changed.emit)
        dialog.open()
        dialog.start()
        return dialog

    # --- device cards -----------------------------------------------------------------------

    def show_devices(self) -> None:
        from .sync import SyncScreen  # here: the Sync screen's module imports this one

        screen = self.show_screen("sync")
        if isinstance(screen, SyncScreen):
            screen.show_devices()

    def save_card(self) -> Path | None:
        if not self.keys_ready():
            return None
        suggested = str(Path(self.start_folder()) / card_file_name(self.ws.device.team))
        chosen = self.pick_card_destination(self.window, suggested)
        if not chosen:
            return None
        try:
            path = enrolment.write_card(self.ws, Path(chosen))
            fingerprint = enrolment.identity(self.ws).fingerprint
        except AlholError as error:
            questions.fail(self.window, self.tr("The card was not saved"), message_for(error))
            return None
        questions.inform(
            self.window,
            self.tr("Card saved"),
            self.tr(
                "This laptop's card is saved in %1.\n\nGive it to the other side. Before they "
                "trust it they will phone you: read them this fingerprint:\n\n%2"
            )
            .replace("%1", str(path))
            .replace("%2", fingerprint),
        )
        return path

    def trust_card(self) -> TrustDialog | None:
        """Choose a card file, then ask for its fingerprint (non-blocking dialog)."""
        if not self.writable():
            return None
        chosen = self.pick_card(self.window, self.start_folder())
        if not chosen:
            return None
        return self.trust_card_file(Path(chosen))

    def trust_card_file(self, path: Path) -> TrustDialog | None:
        try:
            card = enrolment.read_card(path)
        except AlholError as error:
            questions.fail(self.window, self.tr("This card cannot be used"), message_for(error))
            return None
        dialog = TrustDialog(self.ws, path, card, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.trusted.connect(lambda _card: self.changed.emit(Changes(devices=True)))
        dialog.open()
        return dialog

    def revoke(self, peer: PeerDevice) -> RevokeDialog | None:
        if not self.writable():
            return None
        dialog = RevokeDialog(self.ws, peer, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.changed.emit(Changes(devices=True)))
        dialog.open()
        return dialog

    # --- the status bar ---------------------------------------------------------------------

    def update_status(self, unexported: QLabel, conflicts: QLabel) -> None:
        """The count of changes not yet exported (a link to export, when there are some) and
        of open conflicts (a link to their review)."""
        count = exporter.unexported_changes(self.ws)
        text = self.tr("Not yet exported: %1").replace("%1", i18n.number(count))
        unexported.setText(f'<a href="export">{text}</a>' if count else text)
        open_count = self.ws.conflicts.open_count()
        text = self.tr("Open conflicts: %1").replace("%1", i18n.number(open_count))
        conflicts.setText(
            f'<a href="conflicts" style="color: #b03a2e">{text}</a>' if open_count else text
        )

    # --- closing ----------------------------------------------------------------------------

    def close_reminder(self) -> bool:
        """Remind (not block) when changes older than the set number of days wait to go out.

        True: go on closing. False: the user chose to export first (the dialog is open).
        """
        days = self.prefs.export_reminder_days
        if days <= 0 or getattr(self.ws, "read_only", False):
            return True
        oldest = sync_overview.oldest_unexported_change(self.ws)
        if oldest is None:
            return True
        try:
            made = datetime.fromisoformat(oldest)
        except ValueError:
            return True
        if made.tzinfo is None:
            made = made.replace(tzinfo=UTC)
        age = (self.now() - made).days
        if age < days:
            return True
        count = exporter.unexported_changes(self.ws)
        export_now = questions.confirm(
            self.window,
            self.tr("Changes not exported"),
            self.tr(
                "%1 changes made on this laptop have not been exported yet; the oldest is from "
                "%2, %3 days ago. No other laptop has them until a stick carries them.\n\n"
                "Export them to a stick now?"
            )
            .replace("%1", i18n.number(count))
            .replace("%2", i18n.day(oldest))
            .replace("%3", i18n.number(age)),
            self.tr("Export now"),
            self.tr("Close without exporting"),
        )
        if not export_now:
            return True
        return self.export() is None  # no export possible: close after all

    def edit_reminder_days(self, parent: QWidget) -> None:
        from PySide6.QtWidgets import QInputDialog

        days, ok = QInputDialog.getInt(
            parent,
            self.tr("Export reminder"),
            self.tr(
                "When closing, remind me to export if changes made here are older than this "
                "many days (0: never remind):"
            ),
            self.prefs.export_reminder_days,
            0,
            365,
        )
        if ok:
            self.prefs.export_reminder_days = days
