"""Every per-user location, from QStandardPaths.

Tests call ``QStandardPaths.setTestModeEnabled(True)`` so they never touch the real folders.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

WORKSPACE_SUFFIX = ".careerpivot"
DEFAULT_WORKSPACE_NAME = "workspace" + WORKSPACE_SUFFIX
SAMPLE_WORKSPACE_NAME = "sample" + WORKSPACE_SUFFIX


def _location(kind: QStandardPaths.StandardLocation) -> Path:
    folder = Path(QStandardPaths.writableLocation(kind))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def data_dir() -> Path:
    """The per-user application data folder (workspaces live here by default)."""
    return _location(QStandardPaths.StandardLocation.AppDataLocation)


def default_workspace() -> Path:
    return data_dir() / DEFAULT_WORKSPACE_NAME


def sample_workspace() -> Path:
    return data_dir() / SAMPLE_WORKSPACE_NAME


def backups_root() -> Path:
    folder = data_dir() / "backups"
    folder.mkdir(exist_ok=True, mode=0o700)
    return folder


def logs_dir() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(exist_ok=True, mode=0o700)
    return folder


def documents_dir() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def config_file() -> Path:
    folder = _location(QStandardPaths.StandardLocation.AppConfigLocation)
    return folder / "settings.ini"


def secure_umask() -> None:
    """Files the app creates (workspace, backups, exports, logs) are readable by the user alone."""
    os.umask(0o077)
