"""The main window's menu bar: File, Edit, View, Settings, Help, and their shortcuts.

``build_menus(window)`` runs whenever the window builds its frame: before the data is open
(the titles only, disabled: the window paints before its data opens), when ``attach``
gives it the workspace, and after a language switch. Each build deletes the menus of the
one before, and with them their actions, so an old shortcut cannot linger.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from . import i18n
from .i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:  # annotations only: each Qt class costs its start-up time when first used
    from PySide6.QtWidgets import QMenu

    from .main_window import MainWindow

Key = QKeySequence | QKeySequence.StandardKey | str

# The titles, in order; translated in the window's context, as every string here is.
TITLES = (
    QT_TRANSLATE_NOOP("MainWindow", "&File"),
    QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    QT_TRANSLATE_NOOP("MainWindow", "&View"),
    QT_TRANSLATE_NOOP("MainWindow", "&Settings"),
    QT_TRANSLATE_NOOP("MainWindow", "&Help"),
)


def make_action(parent: QWidget, text: str, slot: Callable[[], object], *keys: Key) -> QAction:
    action = QAction(text, parent)
    # A QKeySequence is passed as it is: copying one makes PySide6 build its ``Qt``
    # namespace to choose the constructor (see i18n.Translations.install).
    action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: MainWindow, screens: dict[str, tuple[str, str]]) -> None:
    """The menu bar of ``window``; ``screens`` are the View menu's (name: label, shortcut)."""
    bar = window.menuBar()
    # Our menus are the bar's actions' (the bar's own overflow menu is not among them);
    # deleting one deletes its submenus and actions.
    old_menus = [action.menu() for action in bar.actions() if action.menu() is not None]
    bar.clear()
    for old in old_menus:
        old.deleteLater()
    bar.setEnabled(window.attached)  # nothing to act on while the data opens
    if not window.attached:
        for title in TITLES:
            bar.addMenu(translate("MainWindow", title))
        return
    _file_menu(window, bar.addMenu(translate("MainWindow", "&File")))
    edit = bar.addMenu(translate("MainWindow", "&Edit"))
    edit.addAction(
        make_action(
            edit,
            translate("MainWindow", "&Find / filter"),
            window.focus_filter,
            QKeySequence.StandardKey.Find,
        )
    )
    _view_menu(window, bar.addMenu(translate("MainWindow", "&View")), screens)
    _settings_menu(window, bar.addMenu(translate("MainWindow", "&Settings")))
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(
        make_action(help_menu, translate("MainWindow", "&About alhol-desk"), window.about)
    )
    help_menu.addAction(
        make_action(help_menu, translate("MainWindow", "About &Qt"), window.about_qt)
    )


def _file_menu(window: MainWindow, file: QMenu) -> None:
    file.addAction(
        make_action(
            file,
            translate("MainWindow", "&New batch…"),
            window.new_batch,
            QKeySequence.StandardKey.New,
        )
    )
    file.addAction(
        make_action(file, translate("MainWindow", "Import a &spreadsheet…"), window.import_sheet)
    )
    window.add_reports_to(file)
    file.addSeparator()
    file.addAction(
        make_action(
            file, translate("MainWindow", "&Export to a stick…"), window.export_bundle, "Ctrl+E"
        )
    )
    file.addAction(
        make_action(
            file, translate("MainWindow", "&Import bundles…"), window.import_bundles, "Ctrl+I"
        )
    )
    file.addSeparator()
    quit_keys = [QKeySequence("Ctrl+Q")]
    standard_quit = QKeySequence(QKeySequence.StandardKey.Quit)
    if not standard_quit.isEmpty() and standard_quit != quit_keys[0]:
        quit_keys.append(standard_quit)
    file.addAction(make_action(file, translate("MainWindow", "&Quit"), window.close, *quit_keys))


def _view_menu(window: MainWindow, view: QMenu, screens: dict[str, tuple[str, str]]) -> None:
    for name, (label, shortcut) in screens.items():
        view.addAction(
            make_action(view, translate("MainWindow", label), _shower(window, name), shortcut)
        )
    view.addAction(
        make_action(
            view,
            translate("MainWindow", "Devices and &keys"),
            lambda: window.sync_actions().show_devices(),
            "Ctrl+K",
        )
    )
    view.addSeparator()
    view.addAction(
        make_action(
            view,
            translate("MainWindow", "&Refresh"),
            window.refresh_all,
            QKeySequence.StandardKey.Refresh,
            "F5",
        )
    )


def _shower(window: MainWindow, name: str) -> Callable[[], object]:
    return lambda: window.show_screen(name)


def _settings_menu(window: MainWindow, settings: QMenu) -> None:
    language = settings.addMenu(translate("MainWindow", "&Language"))
    group = QActionGroup(language)
    for code, name in i18n.LANGUAGES.items():
        action = QAction(name, language, checkable=True)
        action.setChecked(code == window.translations.language)
        action.setObjectName(f"language_{code}")
        action.triggered.connect(lambda _checked=False, c=code: window.set_language(c))
        group.addAction(action)
        language.addAction(action)
    settings.addAction(
        make_action(
            settings,
            translate("MainWindow", "&Export reminder…"),
            lambda: window.sync_actions().edit_reminder_days(window),
        )
    )
