"""Back up, change, restore through the window: the later change is gone, the replaced file is
kept beside the workspace, and the window shows the restored data."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def titles(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT title FROM path ORDER BY id")]
    finally:
        con.close()


def back_up(qtbot, window) -> None:
    """File > Back Up Now, and wait until the backup is in place (it appears atomically)."""
    from careerpivot.services import workspace

    known = {b.path for b in workspace.list_backups()}
    window.actions.backup_now.trigger()
    qtbot.waitUntil(lambda: any(b.path not in known and b.reason == "manual"
                                for b in workspace.list_backups()), timeout=10000)


def test_backup_and_restore_cycle(qtbot, main_window, data_actions, monkeypatch):
    from careerpivot.services import paths as path_service
    from careerpivot.ui.dialogs.restore import RestoreDialog

    window = main_window
    path_service.add_path("Product management")
    window.ctx.bus.changed.emit("paths")
    back_up(qtbot, window)
    path_service.add_path("Added after the backup")
    window.ctx.bus.changed.emit("paths")
    workspace_path = window.session.info.path

    offered = []

    def choose(parent, backups, workspace_name=""):
        offered.extend(backups)
        manual = [b for b in backups if b.reason == "manual"]
        return manual[0].path

    monkeypatch.setattr(RestoreDialog, "ask", choose)
    changed = []
    window.ctx.bus.changed.connect(changed.append)
    with qtbot.waitSignal(window.session.opened, timeout=10000):
        data_actions.restore_action.trigger()
        # the window stays responsive meanwhile, with nothing to edit
        qtbot.waitUntil(lambda: not window.tabs.isEnabled(), timeout=10000)
    qtbot.waitUntil(lambda: bool(data_actions.messages), timeout=10000)

    assert any(b.reason == "manual" for b in offered)
    assert all(b.size > 0 for b in offered)
    assert [p.title for p in path_service.list_paths()] == ["Product management"]
    assert window.session.info.path == workspace_path
    assert not window.session.info.read_only
    assert "all" in changed
    # one kept workspace (its -wal and -shm go with it when a connection still had them)
    kept = list(workspace_path.parent.glob(f"*-before-restore-*{workspace_path.suffix}"))
    assert len(kept) == 1
    assert titles(kept[0]) == ["Product management", "Added after the backup"]
    assert "was restored" in data_actions.messages[-1]
    assert kept[0].name in data_actions.messages[-1]
    # the restored workspace is writable and the app goes on
    path_service.add_path("After the restore")
    assert len(path_service.list_paths()) == 2


def test_a_damaged_backup_is_refused(qtbot, main_window, data_actions, monkeypatch):
    from careerpivot.services import paths as path_service
    from careerpivot.ui.dialogs.restore import RestoreDialog

    path_service.add_path("Mine")
    back_up(qtbot, main_window)
    info = main_window.session.info
    from careerpivot.services import workspace

    backup = next(b for b in workspace.list_backups() if b.reason == "manual")  # the newest
    with open(backup.path, "r+b") as fh:
        fh.write(b"\x00garbage" * 64)
    monkeypatch.setattr(RestoreDialog, "ask", lambda parent, backups, name="": backup.path)
    assert data_actions.restore() is True  # started: the backup is checked behind the window
    qtbot.waitUntil(lambda: bool(data_actions.messages), timeout=10000)
    assert "damaged" in data_actions.messages[-1]
    assert main_window.session.info is info  # never closed
    assert [p.title for p in path_service.list_paths()] == ["Mine"]
    assert not list(info.path.parent.glob("*-before-restore-*"))


def test_no_backups_yet(main_window, data_actions, monkeypatch):
    from careerpivot.services import workspace

    monkeypatch.setattr(workspace, "list_backups", lambda: [])
    assert data_actions.restore() is False
    assert "no backups" in data_actions.messages[-1]


def test_restore_dialog_lists_dates_kinds_and_sizes(qtbot, tmp_path):
    import datetime as _dt

    from careerpivot.services.workspace import BackupInfo
    from careerpivot.ui.dialogs.restore import RestoreDialog

    backups = [
        BackupInfo(tmp_path / "w-20260314-093000-manual.db", _dt.datetime(2026, 3, 14, 9, 30),
                   "manual", 123_456),
        BackupInfo(tmp_path / "w-20260313-180000-auto.db", _dt.datetime(2026, 3, 13, 18, 0),
                   "auto", 2_000_000),
    ]
    dialog = RestoreDialog(backups, "w.careerpivot")
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 2
    first = dialog.tree.topLevelItem(0)
    assert first.text(1) == "Manual" and first.text(3) == backups[0].path.name
    assert "2026" in first.text(0) and first.text(2)
    assert dialog.tree.topLevelItem(1).text(1) == "Automatic"
    assert dialog.chosen() == backups[0].path
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))
    assert dialog.chosen() == backups[1].path


def test_a_restored_backup_that_cannot_be_opened_is_undone(qtbot, main_window, data_actions,
                                                            monkeypatch):
    from careerpivot.core.errors import WorkspaceOpenError
    from careerpivot.services import paths as path_service
    from careerpivot.services import workspace
    from careerpivot.ui.dialogs.restore import RestoreDialog

    path_service.add_path("Before the backup")
    back_up(qtbot, main_window)
    path_service.add_path("After the backup")
    path = main_window.session.info.path
    backup = next(b for b in workspace.list_backups() if b.reason == "manual")
    monkeypatch.setattr(RestoreDialog, "ask", lambda parent, backups, name="": backup.path)
    real_open = workspace.open_workspace
    calls = []

    def first_open_fails(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 1:
            raise WorkspaceOpenError("io", str(args[0]), "The disk could not be read.")
        return real_open(*args, **kwargs)

    monkeypatch.setattr(workspace, "open_workspace", first_open_fails)
    assert data_actions.restore() is True
    qtbot.waitUntil(lambda: main_window.session.info is not None and len(calls) == 2,
                    timeout=20000)
    qtbot.waitUntil(lambda: bool(data_actions.messages), timeout=10000)
    assert "put back as it was" in data_actions.messages[-1]
    assert "The disk could not be read." in data_actions.messages[-1]
    assert main_window.session.info.path == path
    assert [p.title for p in path_service.list_paths()] == ["Before the backup",
                                                             "After the backup"]
    assert main_window.tabs.isEnabled()
