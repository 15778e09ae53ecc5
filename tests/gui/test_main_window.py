"""The main window as a person meets it: tabs, menus, shortcuts, state, errors."""

from __future__ import annotations

import linecache
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from gui_steps import settled
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox

from careerpivot import __version__
from careerpivot.ui.main_window import MainWindow
from careerpivot.ui.tabs import specs

#: The real question (GUI tests otherwise answer it with "discard", see conftest).
REAL_ASK_DISCARD = MainWindow.ask_discard_unsaved

TAB_NAMES = ["overviewTab", "pathsTab", "networkTab", "interviewsTab", "developmentTab",
             "planTab", "summaryTab"]


def test_tabs_have_stable_names_in_order(main_window):
    names = [main_window.tabs.widget(i).objectName() for i in range(main_window.tabs.count())]
    assert names == TAB_NAMES
    assert main_window.objectName() == "mainWindow"


def test_menus_use_standard_shortcuts(main_window):
    a = main_window.actions
    assert QKeySequence(QKeySequence.StandardKey.Open) in a.open.shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.New) in a.new.shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Undo) in a.undo.shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Find) in a.find.shortcuts()
    assert a.quit.shortcuts(), "Quit needs a shortcut"
    titles = [m.title() for m in main_window.menuBar().findChildren(type(main_window.file_menu))
              if m.parent() is main_window.menuBar()]
    assert titles[:4] == ["&File", "&Edit", "&View", "&Help"]


def test_view_shortcuts_switch_tabs(main_window, qtbot):
    action = main_window.findChild(type(main_window.actions.open), "actionShowTab3")
    action.trigger()
    assert main_window.tabs.currentWidget().objectName() == "networkTab"


def test_window_title_names_the_workspace(main_window):
    assert main_window.session.info.path.name in main_window.windowTitle()


def test_help_tells_where_the_data_lives(main_window):
    text = main_window.data_location_text()
    assert str(main_window.session.info.path) in text
    assert str(main_window.session.info.backup_dir) in text


def test_window_geometry_is_kept_between_sessions(qtbot, app_ctx, tmp_path):
    from careerpivot.ui.main_window import MainWindow
    from careerpivot.ui.session import Session

    session = Session()
    session.open(tmp_path / "a.careerpivot")
    window = MainWindow(app_ctx, session)
    qtbot.addWidget(window)
    window.resize(760, 530)
    window.show()
    qtbot.waitExposed(window)
    window.close()
    session2 = Session()
    session2.open(tmp_path / "a.careerpivot")
    again = MainWindow(app_ctx, session2)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (760, 530)
    again.close()


def test_an_unexpected_error_shows_a_dialog_instead_of_crashing(qtbot, monkeypatch):
    from careerpivot.ui import crash

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        crash.report(*sys.exc_info())
    assert shown and "Your data is safe" in shown[0]


def test_a_second_window_on_the_same_workspace_is_refused(qtbot, tmp_path):
    from careerpivot.ui.session import Session, WorkspaceLockedError

    first = Session()
    first.open(tmp_path / "w.careerpivot")
    # A different process holds the lock: simulate with a child that locks and waits.
    first.close()
    child = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys;from PySide6.QtCore import QLockFile;"
            f"l=QLockFile({str(tmp_path / 'w.careerpivot.lock')!r});l.setStaleLockTime(0);"
            "assert l.tryLock(1000);print('locked',flush=True);sys.stdin.readline()")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "locked"
        second = Session()
        with pytest.raises(WorkspaceLockedError) as info:
            second.open(tmp_path / "w.careerpivot")
        assert "already open" in info.value.message
    finally:
        child.communicate("\n", timeout=10)


def test_a_lock_left_by_a_killed_app_is_reclaimed(qtbot, tmp_path):
    from careerpivot.ui.session import Session

    lock = tmp_path / "w.careerpivot.lock"
    child = subprocess.Popen(
        [sys.executable, "-c", (
            "import os,sys;from PySide6.QtCore import QLockFile;"
            f"l=QLockFile({str(lock)!r});assert l.tryLock(1000);"
            "print('locked',flush=True);sys.stdin.readline();os._exit(9)")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    child.kill()
    child.communicate(timeout=10)
    assert lock.exists()
    session = Session()
    info = session.open(tmp_path / "w.careerpivot")
    assert info.path.name == "w.careerpivot"
    session.close()


def test_open_failure_keeps_the_current_workspace(main_window, qtbot, tmp_path, monkeypatch):
    broken = tmp_path / "broken.careerpivot"
    broken.write_bytes(b"this is not a database at all" * 100)
    before = broken.read_bytes()
    messages = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: messages.append(box.text()) or 0)
    current = main_window.session.info.path
    assert main_window.open_path(broken, create=False) is True  # started, behind the window
    assert not main_window.tabs.isEnabled()  # nothing to edit while no workspace is open
    qtbot.waitUntil(lambda: main_window.session.info is not None, timeout=20000)
    assert messages and "not a CareerPivot workspace" in messages[0]
    assert main_window.session.info.path == current  # the one that was open, opened again
    assert main_window.tabs.isEnabled()
    assert broken.read_bytes() == before


def test_file_open_switches_behind_the_window(main_window, qtbot, tmp_path, demo_file):
    from careerpivot.services import workspace

    other = tmp_path / "other.careerpivot"
    shutil.copyfile(demo_file, other)
    first = main_window.session.info.path
    network = main_window.show_tab("networkTab")
    assert network.model.rowCount() == 0  # the new workspace has no contacts
    with qtbot.waitSignal(main_window.workspace_ready, timeout=20000):
        assert main_window.open_path(other, create=False) is True
        assert not (first.parent / (first.name + ".lock")).exists()  # released at once
    assert workspace.current().path == other
    assert main_window.windowTitle().startswith("other.careerpivot")
    assert settled(network).model.rowCount() > 0  # the tab shows the sample's contacts
    assert main_window.tabs.isEnabled()


def test_open_sample_is_made_behind_the_window(main_window, qtbot, monkeypatch, tmp_path):
    from careerpivot import paths

    sample = tmp_path / "made-here.careerpivot"
    monkeypatch.setattr(paths, "sample_workspace", lambda: sample)
    with qtbot.waitSignal(main_window.workspace_ready, timeout=60000):
        assert main_window.open_sample() is True
    assert main_window.session.info.path == sample
    overview = main_window.tab_widgets["overviewTab"]
    assert overview.isEnabled()


def _start(qtbot, app_ctx, path, *, create):
    """The window as the app starts it: shown at once, its workspace opening behind it."""
    from careerpivot.ui.main_window import MainWindow
    from careerpivot.ui.session import Session

    window = MainWindow(app_ctx, Session(), actions_after_paint=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.close())
    window.open_at_start(path, create=create)
    window.show()
    return window


def test_the_window_appears_before_the_workspace_is_open(qtbot, app_ctx, tmp_path):
    from careerpivot.services import workspace
    from careerpivot.ui.tabs.overview import OverviewTab

    path = tmp_path / "start.careerpivot"
    window = _start(qtbot, app_ctx, path, create=True)
    # shown while the file is opened (and checked) in a worker: it says so, and nothing that
    # needs the workspace can be used yet
    assert window.session.info is None
    # the menus' actions come just after the first paint
    assert window.actions is None
    qtbot.waitUntil(lambda: window.actions is not None)
    assert window.file_menu.actions() and window.actions.quit.isEnabled()
    message = window.findChild(QLabel, "openingMessage")
    assert "Opening start.careerpivot" in message.text() and message.isVisible()
    assert not window.tabs.isEnabled()
    assert not window.actions.find.isEnabled()
    assert not window.data_actions.import_action.isEnabled()
    with qtbot.waitSignal(window.workspace_ready, timeout=20000):
        pass
    assert window.session.info.path == path.absolute()
    assert workspace.current().path == path.absolute()
    assert window.tabs.isEnabled() and window.actions.find.isEnabled()
    assert not message.isVisible()
    assert window.data_actions.import_action.isEnabled()
    overview = window.tabs.currentWidget()
    assert overview.objectName() == "overviewTab"
    assert isinstance(overview, OverviewTab) and overview.isVisible()
    assert window.windowTitle().startswith("start.careerpivot")
    # then, in idle time, the other tabs' modules are imported, no tab built
    assert not window.tab_modules_ready
    linecache.getlines(specs.__file__)  # a module's source read, as PySide6's import hook does
    assert specs.__file__ in linecache.cache
    qtbot.waitUntil(lambda: window.tab_modules_ready, timeout=20000)
    assert set(window.tab_widgets) == {"overviewTab"}
    # ... and the source lines read meanwhile are not kept for the life of the process
    assert specs.__file__ not in linecache.cache
    try:
        raise ValueError("a traceback still shows its line")
    except ValueError:
        assert 'raise ValueError("a traceback still shows its line")' in traceback.format_exc()


def test_startup_problem_offers_choices_and_quit_leaves_the_file(qtbot, app_ctx, tmp_path,
                                                                 monkeypatch):
    from careerpivot.ui.dialogs import startup

    empty = tmp_path / "empty.careerpivot"
    empty.write_bytes(b"")
    asked = []

    def ask(error, parent=None):
        asked.append((error.kind, parent))
        return startup.StartupProblemDialog.QUIT

    monkeypatch.setattr(startup.StartupProblemDialog, "ask", ask)
    window = _start(qtbot, app_ctx, empty, create=False)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    assert asked == [("empty", window)]  # over the window, not a window of its own
    assert window.session.info is None
    assert empty.read_bytes() == b""
    assert not (tmp_path / "empty.careerpivot.lock").exists()


def test_startup_problem_open_another_opens_the_chosen_file(qtbot, app_ctx, tmp_path,
                                                            monkeypatch, demo_file):
    from careerpivot.ui.dialogs import startup

    broken = tmp_path / "broken.careerpivot"
    broken.write_bytes(b"not a database" * 200)
    before = broken.read_bytes()
    other = tmp_path / "other.careerpivot"
    shutil.copyfile(demo_file, other)
    monkeypatch.setattr(startup.StartupProblemDialog, "ask",
                        lambda error, parent=None: startup.StartupProblemDialog.OPEN_OTHER)
    monkeypatch.setattr(startup, "_choose_file", lambda new: other)
    window = _start(qtbot, app_ctx, broken, create=False)
    with qtbot.waitSignal(window.workspace_ready, timeout=20000):
        pass
    assert window.session.info.path == other
    assert broken.read_bytes() == before
    assert not (tmp_path / "broken.careerpivot.lock").exists()


def test_a_stale_lock_at_start_can_be_removed(qtbot, app_ctx, tmp_path, monkeypatch):
    from PySide6.QtCore import QLockFile

    from careerpivot.ui.dialogs import startup

    path = tmp_path / "locked.careerpivot"
    # the lock as another window holds it (its owner is alive: this very process)
    other = QLockFile(str(tmp_path / "locked.careerpivot.lock"))
    assert other.tryLock(0)
    asked = []

    def ask(error, parent=None):
        asked.append(error.kind)
        return startup.StartupProblemDialog.REMOVE_LOCK

    monkeypatch.setattr(startup.StartupProblemDialog, "ask", ask)
    window = _start(qtbot, app_ctx, path, create=True)
    with qtbot.waitSignal(window.workspace_ready, timeout=20000):
        pass
    assert asked == ["locked_by_instance"]
    assert window.session.info.path == path


def test_closing_while_the_workspace_opens_releases_it(qtbot, app_ctx, tmp_path, demo_file,
                                                       monkeypatch):
    from careerpivot.services import workspace
    from careerpivot.ui import session as session_module

    real_job = session_module._open_job

    def held_open(job, *args):
        job._cancel.wait(30)  # the open is still running when the window closes (and cancels)
        return real_job(job, *args)

    monkeypatch.setattr(session_module, "_open_job", held_open)
    path = tmp_path / "closing.careerpivot"
    shutil.copyfile(demo_file, path)
    window = _start(qtbot, app_ctx, path, create=False)
    qtbot.waitUntil(lambda: window.session.opening is not None)  # (after the first paint)
    window.close()
    assert window.session.info is None and window.session.opening is None
    assert not (tmp_path / "closing.careerpivot.lock").exists()
    assert workspace.current() is None
    QApplication.processEvents()  # a result that still arrives is ignored
    assert window.session.info is None and "overviewTab" not in window.tab_widgets


def test_startup_dialog_lists_the_choices(qtbot):
    from careerpivot.core.errors import WorkspaceOpenError
    from careerpivot.ui.dialogs.startup import StartupProblemDialog

    dialog = StartupProblemDialog(WorkspaceOpenError("corrupt", "/x", "It is damaged."))
    qtbot.addWidget(dialog)
    labels = {b.text() for b in dialog.buttons()}
    assert {"Open Another…", "New Workspace…", "Quit"} <= labels
    assert dialog.text() == "It is damaged."


def test_version_on_the_command_line():
    result = subprocess.run([sys.executable, "-m", "careerpivot", "--version"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_start_up_imports_no_heavy_modules():
    """ReportLab, QtCharts and QtPdf load only when a document or chart is first needed."""
    code = (
        "import sys, os; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "import careerpivot.app, careerpivot.ui.main_window;"
        "heavy=[m for m in ('reportlab','PySide6.QtCharts','PySide6.QtPdf') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_back_up_now_writes_a_verified_backup_in_a_worker(main_window, qtbot):
    from careerpivot.store import backup

    task = main_window.start_backup("manual")
    assert task is not None
    with qtbot.waitSignal(task.signals.done, timeout=10000):
        pass
    found = backup.list_backups(main_window.session.info.backup_dir)
    assert [b.reason for b in found] == ["manual"]
    assert backup.verify(found[0].path)


def test_closing_the_window_backs_up_changed_data(qtbot, app_ctx, tmp_path):
    from careerpivot.services import workspace
    from careerpivot.store import backup
    from careerpivot.ui.main_window import MainWindow
    from careerpivot.ui.session import Session

    session = Session()
    info = session.open(tmp_path / "c.careerpivot")
    window = MainWindow(app_ctx, session)
    qtbot.addWidget(window)
    workspace.mark_changed()
    window.close()
    assert [b.reason for b in backup.list_backups(info.backup_dir)] == ["auto"]
    assert not (tmp_path / "c.careerpivot.lock").exists()


def test_a_change_that_could_not_be_saved_blocks_switching_workspace(main_window, tmp_path,
                                                                    monkeypatch):
    tab = main_window.tab_widgets["networkTab"]
    monkeypatch.setattr(tab, "flush_edits", lambda: False)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[1]))
    current = main_window.session.info.path
    assert main_window.open_path(tmp_path / "other.careerpivot", create=True) is False
    assert warned == ["Unsaved change"]
    assert main_window.session.info.path == current
    assert not (tmp_path / "other.careerpivot").exists()


def test_closing_with_a_change_that_could_not_be_saved_asks_first(main_window, monkeypatch):
    tab = main_window.tab_widgets["networkTab"]
    monkeypatch.setattr(tab, "flush_edits", lambda: False)
    asked = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(MainWindow, "ask_discard_unsaved", REAL_ASK_DISCARD)
    assert main_window.close() is False
    assert asked == ["Unsaved change"]
    assert main_window.isVisible()
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert main_window.close() is True


def test_find_searches_everything_and_opens_the_result(demo_window, qtbot):
    from careerpivot.ui.dialogs.find import FindDialog

    demo_window.show_tab("overviewTab")
    demo_window.actions.find.trigger()
    dialog = demo_window.findChild(FindDialog, "findDialog")
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(dialog.results_ready, timeout=10000):
        dialog.text.setText("Lindgren")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo_window.tabs.currentWidget().objectName() == "networkTab")


def test_find_in_list_focuses_the_tabs_search(demo_window, qtbot):
    main_window = demo_window
    tab = main_window.show_tab("networkTab")
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    main_window.actions.find_in_list.trigger()
    search = tab.findChild(QLineEdit, "contactSearch")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)


def test_an_undo_step_that_fails_unexpectedly_is_dropped_not_offered_again(main_window, qtbot):
    """A failed undo must not leave "Redo" behind: the stack would move as if the step had
    run, and redoing a delete by id would delete whatever row has taken that id since."""
    from PySide6.QtCore import QTimer

    from careerpivot.ui.undo import push_change

    undo = main_window.ctx.undo
    redone: list[bool] = []

    def broken_undo() -> None:
        raise RuntimeError("a bug in an undo step")

    push_change(main_window.ctx, "an edit", "contacts", broken_undo,
                lambda: redone.append(True))
    with qtbot.capture_exceptions() as caught:
        QTimer.singleShot(0, undo.undo)
        qtbot.waitUntil(lambda: bool(caught))
    assert "a bug in an undo step" in str(caught[0][1])
    assert not undo.canRedo() and not undo.canUndo()
    assert not main_window.actions.redo.isEnabled()
    assert redone == []


def test_the_application_icon_has_every_shipped_size(qtbot):
    from PySide6.QtCore import QSize

    from careerpivot.ui import icons

    icon = icons.app_icon()
    assert {s.width() for s in icon.availableSizes()} == set(icons.SIZES)
    for size in (16, 48, 512):
        pixmap = icon.pixmap(QSize(size, size))
        assert not pixmap.isNull() and pixmap.width() == size


def test_check_workspace_runs_behind_the_window_and_reports(main_window, qtbot, monkeypatch):
    from careerpivot.services import workspace

    shown = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: shown.append(("info", text)))
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: shown.append(("warning", box.detailedText())) or 0)
    main_window.actions.check_database.trigger()
    # while it runs it cannot be started twice
    assert not main_window.actions.check_database.isEnabled()
    assert main_window.check_database() is None
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert shown == [("info", "The workspace passed every check. It is healthy.")]
    qtbot.waitUntil(main_window.actions.check_database.isEnabled)

    shown.clear()
    monkeypatch.setattr(workspace, "check_database",
                        lambda: ["table contact row 3 refers to a missing path row"])
    main_window.actions.check_database.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert shown == [("warning", "table contact row 3 refers to a missing path row")]


def test_the_backup_at_exit_runs_after_the_window_is_gone(main_window, monkeypatch):
    from careerpivot.services import workspace

    seen = []
    monkeypatch.setattr(workspace, "needs_backup", lambda: True)
    monkeypatch.setattr(workspace, "backup_now",
                        lambda reason="manual", **_: seen.append((reason,
                                                                  main_window.isVisible())))
    main_window.close()
    assert seen == [("auto", False)]


@pytest.mark.parametrize("change, says", [
    ({"read_only": True}, "read-only"),
    ({"migrated_from": 2}, "updated to the current format"),
])
def test_what_the_open_found_stays_in_the_status_bar(qtbot, app_ctx, tmp_path, demo_file,
                                                      monkeypatch, change, says):
    import dataclasses

    from careerpivot.ui import session as session_module

    real_job = session_module._open_job
    monkeypatch.setattr(session_module, "_open_job",
                        lambda job, *args: dataclasses.replace(real_job(job, *args), **change))
    path = tmp_path / "found.careerpivot"
    shutil.copyfile(demo_file, path)
    window = _start(qtbot, app_ctx, path, create=False)
    with qtbot.waitSignal(window.workspace_ready, timeout=20000):
        pass
    assert says in window.statusBar().currentMessage()
    assert window.findChild(QLabel, "readOnlyIndicator").isVisibleTo(window) == (
        "read_only" in change)
    assert window._backup_task is None  # no start-up backup over that message


def test_an_unexpected_error_while_opening_is_reported_as_such(qtbot, tmp_path, monkeypatch):
    from careerpivot.core.errors import WorkspaceOpenError
    from careerpivot.ui import session as session_module

    def broken(job, *args):
        raise KeyError("a bug")

    monkeypatch.setattr(session_module, "_open_job", broken)
    session = session_module.Session()
    path = tmp_path / "w.careerpivot"
    with qtbot.waitSignal(session.open_failed, timeout=10000) as failed:
        session.open_in_background(path)
    error = failed.args[0]
    assert isinstance(error, WorkspaceOpenError) and error.kind == "unexpected"
    assert "The file was not changed" in error.message and "KeyError" in error.detail
    assert session.info is None and session.opening is None
    assert not (tmp_path / "w.careerpivot.lock").exists()
