"""Where the data lives and where the bundled resources are; nothing is created at import."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "alhol-desk"
HOME_ENV = "ALHOL_DESK_HOME"
DATABASE_NAME = "alhol-desk.sqlite3"
LOG_NAME = "alhol-desk.log"
DEMO_SUFFIX = "-demo"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir`` wins, then ``ALHOL_DESK_HOME``, then the OS default."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env_value = os.environ.get(HOME_ENV)
    if env_value:
        return Path(env_value).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def demo_data_dir(data_dir: Path) -> Path:
    """The demo's own folder, beside the data folder (``alhol-desk`` → ``alhol-desk-demo``).

    ``gui --demo`` and ``demo`` open this one, never ``data_dir`` itself, so trying the
    demo cannot turn a real data folder into a demo device or add examples to it.
    """
    return data_dir.with_name(f"{data_dir.name}{DEMO_SUFFIX}")


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_NAME


def resource_path(*parts: str) -> Path:
    """A file shipped inside the package, found both installed and in a PyInstaller build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root, "alhol_desk", "resources", *parts)
    return Path(__file__).resolve().parent.joinpath("resources", *parts)
