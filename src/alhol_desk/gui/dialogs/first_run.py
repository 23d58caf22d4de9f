"""The first-run wizard: language, team and role, operator, a passphrase for the keys; then it
sets the data folder up.

The operator starts empty and is required: the name goes beside every change in the audit
trail, and the computer's login ("root", "user") names no one. A passphrase for the keys
is offered and recommended (docs/security.md, "Keys at rest"); going on without one
needs a tick that shows what a lost laptop then gives away.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
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

# As core.sync.keys.MIN_PASSPHRASE_LENGTH, which the core checks again (not imported: the
# keys module loads cryptography, and the wizard shows before anything heavy is needed).
MIN_PASSPHRASE_LENGTH = 8
_ERROR_STYLE = "color: #b00020;"


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
    """The operator's name: empty at first (never the computer's login) and required."""

    def __init__(self) -> None:
        super().__init__()
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.operator = QLineEdit(self)
        self.operator.setObjectName("operator")
        self.operator.setMaxLength(100)
        self.operator.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.hint = QLabel(self)
        self.hint.setObjectName("operator_hint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.operator)
        layout.addWidget(self.hint)
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
        self.operator.setPlaceholderText(self.tr("Your full name"))
        self.hint.setText(self.tr("Your name is required."))

    def name(self) -> str:
        return self.operator.text().strip()

    def isComplete(self) -> bool:
        return bool(self.name())


class PassphrasePage(QWizardPage):
    """A passphrase for this laptop's keys (recommended), or a tick to go on without one."""

    def __init__(self) -> None:
        super().__init__()
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.passphrase_label = QLabel(self)
        self.passphrase = self._secret("passphrase")
        self.passphrase_label.setBuddy(self.passphrase)
        self.repeat_label = QLabel(self)
        self.repeat = self._secret("passphrase_repeat")
        self.repeat_label.setBuddy(self.repeat)
        self.problem = QLabel(self)
        self.problem.setObjectName("passphrase_problem")
        self.problem.setWordWrap(True)
        self.skip = QCheckBox(self)
        self.skip.setObjectName("no_passphrase")
        self.skip.toggled.connect(self._changed)
        self.warning = QLabel(self)
        self.warning.setObjectName("no_passphrase_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(_ERROR_STYLE)
        self.error = QLabel(self)
        self.error.setObjectName("wizard_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(_ERROR_STYLE)
        layout = QVBoxLayout(self)
        for widget in (
            self.text,
            self.passphrase_label,
            self.passphrase,
            self.repeat_label,
            self.repeat,
            self.problem,
            self.skip,
            self.warning,
            self.error,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate()
        self._changed()

    def _secret(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.textChanged.connect(lambda _text: self._changed())
        return field

    def retranslate(self) -> None:
        self.setTitle(self.tr("Protect the keys (recommended)"))
        self.text.setText(
            self.tr(
                "This laptop's keys sign what it sends to headquarters and open what is sent "
                "to it. A passphrase keeps them locked on the disk: it is asked once each "
                "time alhol-desk needs the keys. Choose a few words you can remember; it "
                "cannot be recovered if forgotten."
            )
        )
        self.passphrase_label.setText(
            self.tr("Passphrase (at least %1 characters)").replace(
                "%1", i18n.number(MIN_PASSPHRASE_LENGTH)
            )
        )
        self.repeat_label.setText(self.tr("The same passphrase again"))
        self.skip.setText(self.tr("Continue without a passphrase"))
        self.warning.setText(
            self.tr(
                "Without a passphrase, anyone who has this laptop, or a copy of its disk, "
                "can sign bundles that headquarters trusts as yours, and read the bundles "
                "sent to this laptop. You can add one later: alhol-desk keys passphrase."
            )
        )
        self._changed()

    def chosen(self) -> str | None:
        """The passphrase to protect the keys with, or None (going on without one)."""
        return None if self.skip.isChecked() else self.passphrase.text()

    def _problem(self) -> str:
        typed = self.passphrase.text()
        if self.skip.isChecked() or not (typed or self.repeat.text()):
            return ""
        if len(typed.strip()) < MIN_PASSPHRASE_LENGTH:
            return self.tr("The passphrase is too short (at least %1 characters).").replace(
                "%1", i18n.number(MIN_PASSPHRASE_LENGTH)
            )
        if typed != self.repeat.text():
            return self.tr("The two passphrases differ.")
        return ""

    def _changed(self) -> None:
        skipping = self.skip.isChecked()
        for widget in (self.passphrase, self.repeat, self.passphrase_label, self.repeat_label):
            widget.setEnabled(not skipping)
        self.warning.setVisible(skipping)
        self.problem.setText(self._problem())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.skip.isChecked():
            return True
        typed = self.passphrase.text()
        return len(typed.strip()) >= MIN_PASSPHRASE_LENGTH and typed == self.repeat.text()


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
        self.passphrase_page = PassphrasePage()
        for page in self._pages():
            self.addPage(page)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(620, 520)  # the passphrase page says a lot, in two languages
        self.retranslate()

    def _pages(self) -> tuple[LanguagePage, TeamPage, OperatorPage, PassphrasePage]:
        return (self.language_page, self.team_page, self.operator_page, self.passphrase_page)

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
        for page in self._pages():
            page.retranslate()
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def accept(self) -> None:
        """Run ``init`` with the answers; stay open and say why if it refuses."""
        error_label = self.passphrase_page.error
        if not self.operator_page.name():  # never the computer's login in its place
            error_label.setText(self.tr("Your name is required (the page before)."))
            return
        if not self.passphrase_page.isComplete():
            error_label.setText(self.tr("Type the passphrase twice, or continue without one."))
            return
        # Protecting the keys takes about a second (scrypt): say that something happens.
        from PySide6.QtCore import Qt

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.workspace = initialise(
                self.data_dir,
                team=self.team_page.team.text(),
                role=self.team_page.role(),
                operator=self.operator_page.name(),
                passphrase=self.passphrase_page.chosen(),
            )
        except AlholError as error:
            error_label.setText(refusal_text(error.message))
            return
        finally:
            QApplication.restoreOverrideCursor()
        super().accept()
