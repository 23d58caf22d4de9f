"""The rotating start-up backup the window makes once it has painted."""

from __future__ import annotations

from pathlib import Path

import pytest

from alhol_desk.core.workspace import Workspace
from alhol_desk.gui.app import _back_up_at_startup


def test_a_backup_is_made_in_the_backups_folder(workspace: Workspace, data_dir: Path) -> None:
    _back_up_at_startup(data_dir)
    assert len(list((data_dir / "backups").iterdir())) == 1


def test_a_failed_backup_is_logged_and_the_app_goes_on(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import alhol_desk.core.backup as backup

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "rotate_backups", broken)
    _back_up_at_startup(data_dir)  # must not raise
    assert "start-up backup failed" in caplog.text
