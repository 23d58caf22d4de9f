"""The first-run wizard: language, team and role, operator; then it sets the data folder up."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...core.errors import AlholError
from ...core.workspace import Workspace, initialise
from .. import i18n
from ..messages import refusal_text


def _system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class LanguagePage(QWizardPage):
    def __init__(self, on_change: Callable[[str], None], current: str) -> None:
        super().__init__()
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.buttons: dict[str, QRadioButton] = {}
        for code, name in i18n.LANGUAGES.items():
            button = QRadioButton(name, self)
            button.setObjectName(f"language_{code}")
            button.setChecked(code == current)
            button.toggled.connect(self._chosen(code, on_change))
            self.group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.retranslate()

    @staticmethod
    def _chosen(code: str, on_change: Callable[[str], None]) -> Callable[[bool], None]:
        def toggled(on: bool) -> None:
            if on:
                on_change(code)

        return toggled

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to alhol-desk"))
        self.text.setText(
            self.tr("Choose the language of the window. You can change it later in Settings.")
        )


class TeamPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.team_label = QLabel(self)
        self.team = QLineEdit(self)
        self.team.setObjectName("team")
        self.team.setMaxLength(100)
        self.team_label.setBuddy(self.team)
        self.role_field = QRadioButton(self)  # not "field": QWizardPage.field() is a method
        self.role_field.setObjectName("role_field")
        self.role_field.setChecked(True)
        self.hq = QRadioButton(self)
        self.hq.setObjectName("role_hq")
        layout = QVBoxLayout(self)
        for widget in (self.text, self.team_label, self.team, self.role_field, self.hq):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.registerField("team*", self.team)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Team and role"))
        self.text.setText(
            self.tr(
                "This laptop becomes one device of your team. Field teams enter records and "
                "send them to headquarters; headquarters merges what every team sends."
            )
        )
        self.team_label.setText(self.tr("Team name (for example: Hasakah 1)"))
        self.role_field.setText(self.tr("Field team"))
        self.hq.setText(self.tr("Headquarters (HQ)"))

    def role(self) -> str:
        return "hq" if self.hq.isChecked() else "field"


class OperatorPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.operator = QLineEdit(_system_user(), self)
        self.operator.setObjectName("operator")
        self.operator.setMaxLength(100)
        self.error = QLabel(self)
        self.error.setObjectName("wizard_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.operator)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your name"))
        self.text.setText(
            self.tr(
                "Your name goes into the audit log beside every change you make, so that a "
                "figure can be traced to who entered it. It never goes into the log file."
            )
        )


class FirstRunWizard(QWizard):
    """Sets up ``data_dir``; ``workspace`` holds the opened result once accepted."""

    def __init__(
        self,
        data_dir: Path,
        translations: i18n.Translations,
        on_language: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("first_run")
        self.data_dir = data_dir
        self.translations = translations
        self._on_language = on_language
        self.workspace: Workspace | None = None
        self.language_page = LanguagePage(self._language_chosen, translations.language)
        self.team_page = TeamPage()
        self.operator_page = OperatorPage()
        for page in (self.language_page, self.team_page, self.operator_page):
            self.addPage(page)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(560, 380)
        self.retranslate()

    def _language_chosen(self, code: str) -> None:
        self.translations.install(code)
        if self._on_language is not None:
            self._on_language(code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up alhol-desk"))
        for page in (self.language_page, self.team_page, self.operator_page):
            page.retranslate()
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def accept(self) -> None:
        """Run ``init`` with the answers; stay open and say why if it refuses."""
        try:
            self.workspace = initialise(
                self.data_dir,
                team=self.team_page.team.text(),
                role=self.team_page.role(),
                operator=self.operator_page.operator.text() or None,
            )
        except AlholError as error:
            self.operator_page.error.setText(refusal_text(error.message))
            return
        super().accept()
