"""What the window remembers (language, geometry, last screen): an INI file in the data folder.

Kept beside the data rather than in the Windows registry, so a shared laptop's two
data folders each remember their own window, and copying the folder copies it all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from .i18n import DEFAULT_LANGUAGE, LANGUAGES

FILE_NAME = "alhol-desk-window.ini"
DEFAULT_REMINDER_DAYS = 7  # closing with changes older than this reminds to export


class Preferences:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _get(self, key: str, default: str = "") -> str:
        value = self._settings.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def language(self) -> str:
        value = self._get("language", DEFAULT_LANGUAGE)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("language", value)
        self._settings.sync()

    def has_language(self) -> bool:
        return self._settings.contains("language")

    @property
    def last_screen(self) -> str:
        return self._get("window/screen")

    @last_screen.setter
    def last_screen(self, value: str) -> None:
        self._settings.setValue("window/screen", value)

    @property
    def export_reminder_days(self) -> int:
        """Closing with unexported changes older than this many days reminds (0: never)."""
        try:
            days = int(self._get("sync/export_reminder_days", str(DEFAULT_REMINDER_DAYS)))
        except ValueError:
            return DEFAULT_REMINDER_DAYS
        return max(0, days)

    @export_reminder_days.setter
    def export_reminder_days(self, days: int) -> None:
        self._settings.setValue("sync/export_reminder_days", str(max(0, int(days))))
        self._settings.sync()

    @property
    def last_export_folder(self) -> str:
        return self._get("sync/last_export_folder")

    @last_export_folder.setter
    def last_export_folder(self, folder: str) -> None:
        self._settings.setValue("sync/last_export_folder", folder)

    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)

    def sync(self) -> None:
        self._settings.sync()
