"""A start on an unchanged workspace copies nothing and checks the file once: every write
changes the file's write mark, a backup carries the mark it was taken with, and an automatic
backup of a file whose mark equals the newest backup's is skipped."""

from __future__ import annotations

import sqlite3

import pytest

from careerpivot.services import paths as path_service
from careerpivot.services import workspace
from careerpivot.store import backup, db, write_mark
from careerpivot.store.models import Path as PathRow


@pytest.fixture
def opened(tmp_path):
    info = workspace.open_workspace(tmp_path / "w.careerpivot", backups_root=tmp_path / "b")
    yield info
    workspace.close()


def test_every_write_changes_the_mark_and_reads_do_not(opened):
    first = write_mark.mark_of(opened.path)
    assert first, "a new workspace has a mark"
    list(PathRow.select())
    assert write_mark.mark_of(opened.path) == first, "a read changes nothing"
    path_service.add_path("Data analysis")
    second = write_mark.mark_of(opened.path)
    assert second != first
    with pytest.raises(RuntimeError), db.write():
        path_service.add_path("Undone")
        raise RuntimeError("the transaction is rolled back")
    assert write_mark.mark_of(opened.path) == second, "a rolled back write leaves no mark"
    with db.write():
        pass
    assert write_mark.mark_of(opened.path) == second, "a write that changed no row neither"


def test_an_automatic_backup_of_an_unchanged_file_is_skipped(opened):
    made = workspace.backup_now("auto")
    assert made is not None and write_mark.mark_of(made) == write_mark.mark_of(opened.path)
    assert workspace.backup_now("auto") is None, "nothing written since: no copy"
    assert [b.path for b in workspace.list_backups()] == [made]
    manual = workspace.backup_now("manual")
    assert manual is not None, "a backup the user asks for is always made"

    path_service.add_path("Data analysis")
    again = workspace.backup_now("auto")
    assert again is not None and len(workspace.list_backups()) == 3


def test_a_file_without_a_mark_is_backed_up(opened, tmp_path):
    """Files written before marks were kept, or changed by another program that removed it."""
    workspace.backup_now("auto")
    # (as another program would: outside the app's write transactions)
    db.database.execute_sql("DELETE FROM setting WHERE key = ?", (write_mark.KEY,))
    assert write_mark.mark_of(opened.path) is None
    assert workspace.backup_now("auto") is not None


def test_a_migrated_file_is_not_taken_for_its_backup(schema1_copy, tmp_path):
    folder = tmp_path / "backups"
    opened = db.open_workspace(schema1_copy, create=False, backup_dir=folder)
    assert opened.backup_before_migration is not None
    assert write_mark.mark_of(schema1_copy) != write_mark.mark_of(
        opened.backup_before_migration)
    assert not backup.unchanged_since_newest(schema1_copy, folder)
    db.close()


def test_opening_an_unchanged_file_checks_it_once_and_copies_nothing(
        opened, tmp_path, monkeypatch):
    path_service.add_path("Data analysis")
    workspace.backup_now("auto")  # (as at exit)
    workspace.close()
    checks: list[str] = []
    connect = sqlite3.connect

    def tracing(*args, **kwargs):
        con = connect(*args, **kwargs)
        con.set_trace_callback(
            lambda sql: checks.append(sql) if "quick_check" in sql.lower() else None)
        return con

    monkeypatch.setattr(sqlite3, "connect", tracing)
    info = workspace.open_workspace(opened.path, create=False, backups_root=tmp_path / "b")
    assert workspace.backup_now("auto") is None  # the start-up backup
    assert len(checks) == 1, checks
    assert len(workspace.list_backups()) == 1
    assert info.path == opened.path
    checks.clear()
    path_service.add_path("Teaching")
    assert workspace.backup_now("auto") is not None
    assert len(checks) == 1, "a backup checks its copy only: a damaged page fails it there"
