"""Fixtures for GUI tests: a real main window over a temporary workspace."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def app_ctx(qtbot, tmp_path: Path):
    from PySide6.QtGui import QUndoStack

    from careerpivot.settings import Settings
    from careerpivot.ui.context import AppContext, DataBus

    return AppContext(settings=Settings(tmp_path / "settings.ini"), undo=QUndoStack(),
                      bus=DataBus())


def _window(qtbot, app_ctx, path: Path, *, create: bool):
    from careerpivot.ui.main_window import MainWindow
    from careerpivot.ui.session import Session

    session = Session()
    session.open(path, create=create)
    window = MainWindow(app_ctx, session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def main_window(qtbot, app_ctx, tmp_path: Path):
    """The main window over a new, empty workspace."""
    # A name of its own: backups go to the shared per-user folder, one subfolder per name.
    window = _window(qtbot, app_ctx, tmp_path / f"{tmp_path.name}.careerpivot", create=True)
    yield window
    window.close()


@pytest.fixture
def demo_window(qtbot, app_ctx, demo_file: Path, tmp_path: Path):
    """The main window over a copy of the sample workspace."""
    target = tmp_path / f"{tmp_path.name}.careerpivot"
    shutil.copyfile(demo_file, target)
    window = _window(qtbot, app_ctx, target, create=False)
    yield window
    window.close()
