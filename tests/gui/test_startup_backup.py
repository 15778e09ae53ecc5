"""The start-up backup as the app makes it: in a worker, only once the window is idle (the tab
shown has painted its data), only when the file changed since the newest backup; a start on an
unchanged file checks it once and copies nothing; what waits for the backup (the notice about
folders that could not be moved) still comes after its notice."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import QEvent, QObject

from careerpivot import paths
from careerpivot.services import workspace


def _start(qtbot, app_ctx, path: Path):
    """The window as the app starts it: shown at once, the workspace opening behind it."""
    from careerpivot.ui.main_window import MainWindow
    from careerpivot.ui.session import Session

    window = MainWindow(app_ctx, Session(), actions_after_paint=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.close())
    window.open_at_start(path, create=False)
    window.show()
    return window


def _backups(path: Path) -> list[Path]:
    folder = workspace.backup_dir_for(path.absolute(), paths.backups_root())
    return sorted(folder.glob("*.db")) if folder.is_dir() else []


def _until_open(qtbot, window) -> None:
    with qtbot.waitSignal(window.startup.finished, timeout=30000):
        pass


def _until_backup_ended(qtbot, window) -> None:
    """Wait for the start-up's open, then for its backup (if any) to end."""
    if window.session.info is None:
        _until_open(qtbot, window)
    ended: list[bool] = []
    window.after_backup(lambda: ended.append(True))
    qtbot.waitUntil(lambda: bool(ended), timeout=30000)


class _Order(QObject):
    """Records, in order, the first paint of the tab shown once the workspace is ready and
    the moment the start-up backup is started."""

    def __init__(self, window, monkeypatch) -> None:
        super().__init__(window)
        self.events: list[str] = []
        real = window.start_backup

        def recording(reason):
            self.events.append(f"backup {reason}")
            return real(reason)

        monkeypatch.setattr(window, "start_backup", recording)
        window.workspace_ready.connect(
            lambda: window.tabs.currentWidget().installEventFilter(self))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and "painted" not in self.events:
            self.events.append("painted")
        return False


def test_the_start_up_backup_waits_for_the_tab_painted_with_its_data(
        qtbot, app_ctx, demo_file, tmp_path, monkeypatch):
    path = tmp_path / "changed.careerpivot"
    shutil.copyfile(demo_file, path)  # (never backed up: it changed since the newest backup)
    window = _start(qtbot, app_ctx, path)
    order = _Order(window, monkeypatch)
    _until_open(qtbot, window)
    assert window._backup_task is None, "nothing competes with the tab's first paint"
    _until_backup_ended(qtbot, window)
    assert order.events == ["painted", "backup auto"]
    made = _backups(path)
    assert len(made) == 1
    notice = window.statusBar().findChild(QObject, "statusNotice")
    qtbot.waitUntil(lambda: notice.isVisible(), timeout=5000)
    assert notice.text.text().startswith("Backed up at ")
    assert notice.text.toolTip() == str(made[0])


def test_an_unchanged_start_checks_the_file_once_and_copies_nothing(
        qtbot, app_ctx, demo_file, tmp_path, monkeypatch):
    path = tmp_path / "unchanged.careerpivot"
    shutil.copyfile(demo_file, path)
    first = _start(qtbot, app_ctx, path)
    _until_backup_ended(qtbot, first)  # (a start after a change: the file is backed up)
    first.close()
    assert len(_backups(path)) == 1

    checks: list[str] = []
    connect = sqlite3.connect

    def tracing(*args, **kwargs):
        con = connect(*args, **kwargs)
        con.set_trace_callback(lambda sql: checks.append(sql) if any(
            word in sql.lower() for word in ("quick_check", "integrity_check")) else None)
        return con

    monkeypatch.setattr(sqlite3, "connect", tracing)
    window = _start(qtbot, app_ctx, path)
    _until_backup_ended(qtbot, window)
    assert [sql.lower().split()[-1] for sql in checks] == ["quick_check"], checks
    assert len(_backups(path)) == 1, "nothing was copied"
    notice = window.statusBar().findChild(QObject, "statusNotice")
    assert notice is None or not notice.isVisible(), "no backup was made: none is announced"


def test_closing_before_the_window_was_idle_backs_up_at_exit(
        qtbot, app_ctx, demo_file, tmp_path):
    path = tmp_path / "closed-early.careerpivot"
    shutil.copyfile(demo_file, path)
    window = _start(qtbot, app_ctx, path)
    _until_open(qtbot, window)
    assert window._backup_waiting and window._backup_task is None
    window.close()
    assert len(_backups(path)) == 1, "the backup the start-up owed was made at exit"


def test_the_folders_notice_follows_the_start_up_backup_s(qtbot, app_ctx, demo_file, tmp_path):
    from careerpivot import app, relocate

    path = tmp_path / "moved.careerpivot"
    shutil.copyfile(demo_file, path)
    window = _start(qtbot, app_ctx, path)
    outcome = relocate.Outcome(problem="Your data stays in its old folder.", detail="/old")
    app.show_relocation_problem(window, outcome)
    _until_backup_ended(qtbot, window)
    assert len(_backups(path)) == 1
    notice = window.statusBar().findChild(QObject, "statusNotice")
    qtbot.waitUntil(lambda: notice.isVisible() and notice.text.text() == outcome.problem,
                    timeout=5000)
