"""Fixtures for GUI tests: a real main window over a temporary workspace."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gui_steps import settled


@pytest.fixture(autouse=True)
def _closing_discards_unsaved_edits(monkeypatch):
    """Tests that leave an invalid edit in a field must not hang on the modal "close and lose
    it?" question when the window is closed after the test (the question has its own test)."""
    from careerpivot.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "ask_discard_unsaved", lambda self: True)


@pytest.fixture(autouse=True)
def _no_unexpected_hold_question(monkeypatch):
    """A verdict or a mention on a conversation that was not held asks whether it was held; a
    test that does not expect the question fails instead of waiting on a modal box."""
    from careerpivot.ui.widgets.interview_editor.held import HoldQuestion

    def ask(cls, parent, offer):
        raise AssertionError(f"unexpected question: was the conversation held? ({offer})")

    monkeypatch.setattr(HoldQuestion, "ask", classmethod(ask))


@pytest.fixture(autouse=True)
def _no_unexpected_levels_question(monkeypatch):
    """The first mention of a skill new to the workspace asks for its levels; a test that does
    not expect the question fails instead of waiting on a modal dialog."""
    from careerpivot.ui.dialogs.skill_levels import SkillLevelsDialog

    def ask(cls, parent, skill_name):
        raise AssertionError(f"unexpected question: the levels of {skill_name!r}")

    monkeypatch.setattr(SkillLevelsDialog, "ask", classmethod(ask))


@pytest.fixture(autouse=True)
def _no_unexpected_summary_question(monkeypatch):
    """Exporting or printing a summary without its name, narrative, skills or ask asks first;
    a test that does not expect the question fails instead of waiting on a modal box."""
    from careerpivot.ui.dialogs.summary_incomplete import SummaryIncompleteDialog

    def ask(cls, parent, missing, printing=False):
        raise AssertionError(f"unexpected question: the summary lacks {missing}")

    monkeypatch.setattr(SummaryIncompleteDialog, "ask", classmethod(ask))


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
    show_tab = window.show_tab

    def show_tab_and_wait(name: str):
        """The tab, once its lists show their rows (they are read off the GUI thread)."""
        return settled(show_tab(name))

    window.show_tab = show_tab_and_wait
    # pytest-qt closes its widgets before the fixtures' own teardown runs
    qtbot.addWidget(window, before_close_func=_close)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close(window) -> None:
    """Close at teardown without waiting on a modal question. A test may end with an edit
    that could not be stored (the invalid value it checked); the window then asks whether to
    discard it, and a real message box would wait for a click for ever."""
    from PySide6.QtWidgets import QMessageBox

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "warning",
                      lambda *a, **k: QMessageBox.StandardButton.Discard)
        window.close()


@pytest.fixture
def main_window(qtbot, app_ctx, tmp_path: Path):
    """The main window over a new, empty workspace."""
    # A name of its own: backups go to the shared per-user folder, one subfolder per name.
    window = _window(qtbot, app_ctx, tmp_path / f"{tmp_path.name}.careerpivot", create=True)
    yield window
    _close(window)


@pytest.fixture
def demo_window(qtbot, app_ctx, demo_file: Path, tmp_path: Path):
    """The main window over a copy of the sample workspace."""
    target = tmp_path / f"{tmp_path.name}.careerpivot"
    shutil.copyfile(demo_file, target)
    window = _window(qtbot, app_ctx, target, create=False)
    yield window
    _close(window)


@pytest.fixture
def data_actions(main_window, monkeypatch):
    """The window's File-menu data actions, with their message boxes recorded instead of
    shown (``data_actions.messages``)."""
    from careerpivot.ui.data_actions import DataActions

    messages: list[str] = []
    monkeypatch.setattr(DataActions, "_message",
                        lambda self, title, text, **kw: messages.append(text))
    actions = main_window.data_actions
    actions.messages = messages
    return actions


@pytest.fixture
def locale():
    """``locale("en_GB")`` or ``locale(language, country)``: the default locale of what is
    made afterwards, until the test ends."""
    from PySide6.QtCore import QLocale

    before = QLocale()

    def use(*which) -> None:
        QLocale.setDefault(QLocale(*which))

    yield use
    QLocale.setDefault(before)
