"""Restoring a backup in place of the workspace: the current file is kept aside, never lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from careerpivot.services import paths as path_service
from careerpivot.services import restore
from careerpivot.services import workspace as ws
from careerpivot.store import backup


def titles_as_opened(path: Path, scratch: Path) -> list[str]:
    """What the app would show when opening ``path`` with its side files (a copy is opened,
    so the kept file itself is never written)."""
    scratch.mkdir()
    for suffix in ("", "-wal", "-shm"):
        if Path(str(path) + suffix).exists():
            shutil.copyfile(str(path) + suffix, str(scratch / path.name) + suffix)
    con = sqlite3.connect(scratch / path.name)
    try:
        return [r[0] for r in con.execute("SELECT title FROM path ORDER BY id")]
    finally:
        con.close()


def titles(path: Path) -> list[str]:
    # immutable: reading a WAL-mode file with mode=ro would create -wal/-shm beside it
    con = sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT title FROM path ORDER BY id")]
    finally:
        con.close()


def test_restore_round_trip_keeps_the_replaced_file(workspace, tmp_path):
    path_service.add_path("Before the backup")
    saved = ws.backup_now("manual")
    path_service.add_path("After the backup")
    current = workspace.path
    ws.close()

    result = restore.restore_backup(saved, current)
    assert result.restored == current
    assert result.kept_aside is not None and result.kept_aside.parent == current.parent
    assert "-before-restore-" in result.kept_aside.name
    assert titles(current) == ["Before the backup"]
    assert titles(result.kept_aside) == ["Before the backup", "After the backup"]
    assert saved.exists()  # the backup itself is untouched
    assert not Path(str(current) + "-wal").exists()

    info = ws.open_workspace(current, create=False, backups_root=tmp_path / "backups")
    assert not info.read_only
    assert [p.title for p in path_service.list_paths()] == ["Before the backup"]


def test_an_uncheckpointed_wal_is_set_aside_with_its_file(workspace, tmp_path):
    path_service.add_path("Committed")
    saved = ws.backup_now("manual")
    path_service.add_path("Only in the WAL")
    current = workspace.path
    # A crash: copy the file with its live -wal while the connection is still open.
    crashed = tmp_path / "crashed" / current.name
    crashed.parent.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(str(current) + suffix, str(crashed) + suffix)
    ws.close()
    assert Path(str(crashed) + "-wal").stat().st_size > 0

    result = restore.restore_backup(saved, crashed)
    assert titles(crashed) == ["Committed"]
    kept_before = result.kept_aside.read_bytes()
    assert titles_as_opened(result.kept_aside, tmp_path / "scratch") == [
        "Committed", "Only in the WAL"]
    assert result.kept_aside.read_bytes() == kept_before, "the kept file is never written"
    leftovers = sorted(p.name for p in crashed.parent.iterdir())
    assert leftovers == sorted([crashed.name, result.kept_aside.name,
                                result.kept_aside.name + "-wal"])


def test_a_damaged_backup_is_refused_and_nothing_moves(workspace, tmp_path):
    saved = ws.backup_now("manual")
    current = workspace.path
    ws.close()
    with open(saved, "r+b") as fh:
        fh.write(b"garbage" * 20)
    before = sorted(p.name for p in current.parent.iterdir())
    with pytest.raises(restore.RestoreError, match="damaged"):
        restore.restore_backup(saved, current)
    assert sorted(p.name for p in current.parent.iterdir()) == before


def test_a_failed_copy_puts_the_workspace_back(workspace, tmp_path, monkeypatch):
    path_service.add_path("Mine")
    saved = ws.backup_now("manual")
    current = workspace.path
    ws.close()

    def broken(source, target):
        raise backup.BackupError("disk full")

    monkeypatch.setattr(backup, "snapshot", broken)
    with pytest.raises(restore.RestoreError, match="as it was"):
        restore.restore_backup(saved, current)
    assert titles(current) == ["Mine"]
    assert not list(current.parent.glob("*before-restore*"))


def test_undo_puts_the_kept_file_back(workspace, tmp_path):
    path_service.add_path("Old")
    saved = ws.backup_now("manual")
    path_service.add_path("New")
    current = workspace.path
    ws.close()
    result = restore.restore_backup(saved, current)
    restore.undo(result)
    assert titles(current) == ["Old", "New"]
    assert list(current.parent.glob("*-restored-*"))  # the restored copy is kept too
