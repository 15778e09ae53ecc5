"""Every per-user location, from QStandardPaths.

The folders are named after the application alone (``~/.local/share/CareerPivot/``): no
organization name is set, as one equal to the application's would name each folder twice.
Version 0.1 did, and its folders (``…/CareerPivot/CareerPivot/``) stay in use while they hold
anything: :mod:`careerpivot.relocate` moves their contents on the first start after an update,
and a move that cannot be done leaves them where they were, still found here.

Tests call ``QStandardPaths.setTestModeEnabled(True)`` so they never touch the real folders.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from careerpivot import APP_NAME

WORKSPACE_SUFFIX = ".careerpivot"
DEFAULT_WORKSPACE_NAME = "workspace" + WORKSPACE_SUFFIX
SAMPLE_WORKSPACE_NAME = "sample" + WORKSPACE_SUFFIX
SETTINGS_FILE_NAME = "settings.ini"


def set_application_names() -> None:
    """Name the application for QStandardPaths (and the desktop): its name alone."""
    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName(APP_NAME)


def _base(kind: QStandardPaths.StandardLocation) -> Path:
    return Path(QStandardPaths.writableLocation(kind))


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def new_data_dir() -> Path:
    """The data folder named once (not made here)."""
    return _base(QStandardPaths.StandardLocation.AppDataLocation)


def old_data_dir() -> Path:
    """The data folder as version 0.1 named it, inside the new one (not made here)."""
    return new_data_dir() / APP_NAME


def new_config_dir() -> Path:
    return _base(QStandardPaths.StandardLocation.AppConfigLocation)


def old_config_dir() -> Path:
    return new_config_dir() / APP_NAME


def data_dir() -> Path:
    """The per-user application data folder (workspaces live here by default): the old one
    while it exists (its contents not moved yet), else the new one."""
    old = old_data_dir()
    return old if old.is_dir() else _made(new_data_dir())


def default_workspace() -> Path:
    return data_dir() / DEFAULT_WORKSPACE_NAME


def sample_workspace() -> Path:
    return data_dir() / SAMPLE_WORKSPACE_NAME


def backups_root() -> Path:
    return _made(data_dir() / "backups")


def logs_dir() -> Path:
    return _made(data_dir() / "logs")


def documents_dir() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def config_file() -> Path:
    """The settings file: the old one while it exists (not moved yet), else the new one."""
    old = old_config_dir() / SETTINGS_FILE_NAME
    return old if old.is_file() else _made(new_config_dir()) / SETTINGS_FILE_NAME


def secure_umask() -> None:
    """Files the app creates (workspace, backups, exports, logs) are readable by the user alone."""
    os.umask(0o077)
