"""The move from the folders of version 0.1, named twice (…/CareerPivot/CareerPivot/), to the
folders named once: the workspaces keep their data and backups, the settings point to the new
places, a second start does nothing, a crash at any step loses nothing and the next start
finishes the move, and a move that cannot be done leaves the old folders whole and in use."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from careerpivot import relocate


class _Crash(BaseException):
    """The process dies here: nothing after it runs (no clean-up, no undo)."""


class Layout:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.new_data = base / "share" / "CareerPivot"
        self.old_data = self.new_data / "CareerPivot"
        self.new_config = base / "config" / "CareerPivot"
        self.old_config = self.new_config / "CareerPivot"

    def move(self) -> relocate.Outcome:
        return relocate.move_folders(self.old_data, self.new_data, self.old_config,
                                     self.new_config)

    def tree(self) -> dict[str, bytes | None]:
        """Every entry under the base folder with its contents (None: a folder)."""
        return {str(p.relative_to(self.base)): None if p.is_dir() else p.read_bytes()
                for p in sorted(self.base.rglob("*"))}


def _old_layout(base: Path) -> Layout:
    """A user's folders as version 0.1 left them: the default workspace (with a contact and
    two backups) and the sample one in the data folder, a log, and settings that name them."""
    from careerpivot.services import network, workspace
    from careerpivot.settings import Settings

    layout = Layout(base)
    layout.old_data.mkdir(parents=True)
    layout.old_config.mkdir(parents=True)
    for name, person in (("workspace.careerpivot", "Ada Lovelace"),
                         ("sample.careerpivot", "Grace Hopper")):
        info = workspace.open_workspace(layout.old_data / name,
                                        backups_root=layout.old_data / "backups")
        network.create_contact(name=person)
        workspace.backup_now("manual", path=info.path, folder=info.backup_dir)
        workspace.close()
    (layout.old_data / "logs").mkdir()
    (layout.old_data / "logs" / "careerpivot.log").write_text("started\n")
    settings = Settings(layout.old_config / "settings.ini")
    default = str(layout.old_data / "workspace.careerpivot")
    settings.add_recent("/somewhere/else/career.careerpivot")
    settings.add_recent(str(layout.old_data / "sample.careerpivot"))
    settings.add_recent(default)
    settings.last_workspace = default
    settings.set_last_folder("workspace", str(layout.old_data))
    settings.set_last_folder("export", "/somewhere/else")
    from PySide6.QtCore import QByteArray

    settings.set_window_state("geometry", QByteArray(b"\x01\x02geometry"))
    settings.sync()
    return layout


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    return _old_layout(tmp_path / "home")


def _contacts(path: Path) -> list[str]:
    from careerpivot.services import network, workspace

    workspace.open_workspace(path, create=False)
    try:
        return [c.name for c in network.list_contacts()]
    finally:
        workspace.close()


def _backups(path: Path, root: Path) -> list[str]:
    from careerpivot.services.workspace import backup_dir_for
    from careerpivot.store import backup

    return [b.reason for b in backup.list_backups(backup_dir_for(path, root))]


def test_the_old_folders_move_with_their_workspaces_backups_and_settings(layout):
    from careerpivot.settings import Settings

    logs = (layout.old_data / "logs" / "careerpivot.log").read_bytes()
    outcome = layout.move()

    assert outcome.problem == ""
    assert outcome.moved
    assert not layout.old_data.exists() and not layout.old_config.exists()
    new_default = layout.new_data / "workspace.careerpivot"
    assert _contacts(new_default) == ["Ada Lovelace"]
    assert _contacts(layout.new_data / "sample.careerpivot") == ["Grace Hopper"]
    # the backups are found from the workspaces' new paths
    root = layout.new_data / "backups"
    assert _backups(new_default, root) == ["manual"]
    assert _backups(layout.new_data / "sample.careerpivot", root) == ["manual"]
    assert (layout.new_data / "logs" / "careerpivot.log").read_bytes() == logs
    # the settings moved and name the new places; what was elsewhere is as it was
    settings = Settings(layout.new_config / "settings.ini")
    assert settings.last_workspace == str(new_default)
    assert settings.recent_workspaces == [str(new_default),
                                          str(layout.new_data / "sample.careerpivot"),
                                          "/somewhere/else/career.careerpivot"]
    assert settings.last_folder("workspace") == str(layout.new_data)
    assert settings.last_folder("export") == "/somewhere/else"
    assert bytes(settings.window_state("geometry").data()) == b"\x01\x02geometry"


def test_a_second_start_does_nothing(layout):
    layout.move()
    moved = layout.tree()
    assert layout.move() == relocate.Outcome()
    assert layout.tree() == moved


def _count_renames(layout: Layout, monkeypatch) -> int:
    calls = []
    real = os.rename

    def counting(src, dst):
        calls.append((src, dst))
        real(src, dst)

    monkeypatch.setattr(relocate, "_rename", counting)
    layout.move()
    monkeypatch.setattr(relocate, "_rename", real)
    return len(calls)


def _reference(layout: Layout, monkeypatch) -> tuple[int, dict]:
    """The number of renames of a whole move and the folders after it, from a copy moved
    without interruption at the same place; the copy is then put back as it was."""
    before = layout.tree()
    renames = _count_renames(layout, monkeypatch)
    after = layout.tree()
    _restore(layout, before)
    return renames, after


def _restore(layout: Layout, tree: dict[str, bytes | None]) -> None:
    shutil.rmtree(layout.base)
    layout.base.mkdir()
    for name, data in tree.items():
        target = layout.base / name
        if data is None:
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def test_a_move_a_crash_interrupted_is_finished_by_the_next_start(layout, monkeypatch):
    renames, moved = _reference(layout, monkeypatch)
    assert renames >= 5
    before = layout.tree()
    real = os.rename
    for crash_at in range(renames):
        _restore(layout, before)
        calls = []

        def crashing(src, dst, calls=calls, crash_at=crash_at):
            if len(calls) == crash_at:
                raise _Crash
            calls.append(src)
            real(src, dst)

        monkeypatch.setattr(relocate, "_rename", crashing)
        with pytest.raises(_Crash):
            layout.move()
        monkeypatch.setattr(relocate, "_rename", real)
        # nothing was lost half-way: every file is in one place or the other (the settings
        # file aside: its paths change before it moves)
        assert _files(layout.tree()) == _files(before), crash_at
        outcome = layout.move()  # the next start
        assert outcome.problem == "", crash_at
        assert layout.tree() == moved, crash_at


def _files(tree: dict[str, bytes | None]) -> list[bytes]:
    return sorted(data for name, data in tree.items()
                  if data is not None and not name.endswith("settings.ini"))


def _across_file_systems(monkeypatch) -> None:
    """Every rename between two folders fails as it does across file systems (EXDEV)."""
    real = os.rename

    def rename(src, dst):
        if Path(src).parent != Path(dst).parent:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real(src, dst)

    monkeypatch.setattr(relocate, "_rename", rename)


def test_across_file_systems_the_files_are_copied_checked_then_removed(layout, monkeypatch):
    _renames, moved = _reference(layout, monkeypatch)
    _across_file_systems(monkeypatch)
    assert layout.move().problem == ""
    assert layout.tree() == moved


def test_a_crash_between_a_copy_and_the_removal_of_its_original_loses_nothing(
        layout, monkeypatch):
    _renames, moved = _reference(layout, monkeypatch)
    _across_file_systems(monkeypatch)
    real_unlink = Path.unlink

    def crash_on_second(self, *args, **kwargs):
        if self.name == "workspace.careerpivot":
            raise _Crash  # the copy is in place, the original not yet removed
        real_unlink(self, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", crash_on_second)
    with pytest.raises(_Crash):
        layout.move()
    monkeypatch.setattr(Path, "unlink", real_unlink)
    assert (layout.old_data / "workspace.careerpivot").exists()
    assert (layout.new_data / "workspace.careerpivot").exists()
    assert layout.move().problem == ""  # the identical duplicate goes
    assert layout.tree() == moved


def test_a_failure_half_way_puts_back_what_was_moved(layout, monkeypatch):
    before = layout.tree()
    real = os.rename
    calls = []

    def failing(src, dst):  # the fourth rename fails; putting back works
        calls.append(src)
        if len(calls) == 4:
            raise OSError(errno.EIO, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(relocate, "_rename", failing)
    outcome = layout.move()
    assert "old folder" in outcome.problem and "Input/output error" in outcome.problem
    assert str(layout.old_data) in outcome.detail
    assert layout.tree() == before  # the old folders are whole, settings untouched
    monkeypatch.setattr(relocate, "_rename", real)
    assert layout.move().problem == ""  # the next start moves them
    assert not layout.old_data.exists()


def test_a_read_only_old_folder_stays_in_use(layout, monkeypatch):
    before = layout.tree()
    real = os.access
    monkeypatch.setattr(os, "access",
                        lambda path, mode, **kw: Path(path) != layout.old_data
                        and real(path, mode, **kw))
    outcome = layout.move()
    assert outcome.problem.startswith("Your data stays in its old folder")
    assert "cannot write" in outcome.problem
    assert layout.tree() == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a user whom a folder's mode can stop")
def test_a_folder_without_write_permission_stays_in_use(layout):
    before = layout.tree()
    layout.old_data.chmod(0o500)
    try:
        outcome = layout.move()
    finally:
        layout.old_data.chmod(0o700)
    assert "cannot write" in outcome.problem
    assert layout.tree() == before


def test_a_workspace_open_in_another_window_is_not_moved(layout):
    from PySide6.QtCore import QLockFile

    before = layout.tree()
    lock = QLockFile(str(layout.old_data / "workspace.careerpivot.lock"))
    assert lock.tryLock(0)
    try:
        outcome = layout.move()
        assert "open in another CareerPivot window" in outcome.problem
        assert f"process {os.getpid()}" in outcome.problem
        assert {k: v for k, v in layout.tree().items() if not k.endswith(".lock")} \
            == {k: v for k, v in before.items() if not k.endswith(".lock")}
    finally:
        lock.unlock()
    assert layout.move().problem == ""
    assert not layout.old_data.exists()


def test_settings_that_cannot_be_written_stay_in_their_old_folder(layout, monkeypatch):
    from careerpivot.settings import Settings

    monkeypatch.setattr(Settings, "move_paths", lambda self, old, new: False)
    outcome = layout.move()
    assert outcome.problem.startswith("Your settings stay in their old folder")
    assert not layout.old_data.exists()  # the data moved
    assert (layout.old_config / "settings.ini").exists()


def test_a_different_file_of_the_same_name_is_never_replaced(layout):
    (layout.new_data / "workspace.careerpivot").write_bytes(b"another file")
    outcome = layout.move()
    assert "not moved" in outcome.problem
    assert (layout.new_data / "workspace.careerpivot").read_bytes() == b"another file"
    kept = layout.new_data / relocate.NOT_MOVED / "workspace.careerpivot"
    assert _contacts(kept) == ["Ada Lovelace"]
    assert not layout.old_data.exists()  # (aside: no longer taken for the folder in use)
    assert _contacts(layout.new_data / "sample.careerpivot") == ["Grace Hopper"]


def test_the_app_uses_the_old_folders_until_they_are_moved(monkeypatch, tmp_path):
    from PySide6.QtCore import QCoreApplication

    from careerpivot import paths

    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    paths.set_application_names()
    try:
        new_data, new_config = paths.new_data_dir(), paths.new_config_dir()
        assert new_data.name == new_config.name == "CareerPivot"
        assert new_data.parent.name != "CareerPivot"  # named once
        for folder in (new_data, new_config):
            shutil.rmtree(folder, ignore_errors=True)
        paths.old_data_dir().mkdir(parents=True)
        (paths.old_data_dir() / "workspace.careerpivot").write_bytes(b"")
        paths.old_config_dir().mkdir(parents=True)
        (paths.old_config_dir() / "settings.ini").write_text("[workspace]\n")
        real = os.access
        monkeypatch.setattr(os, "access", lambda path, mode, **kw: False)
        assert relocate.run().problem
        assert paths.data_dir() == paths.old_data_dir()
        assert paths.default_workspace().parent == paths.old_data_dir()
        assert paths.config_file() == paths.old_config_dir() / "settings.ini"
        monkeypatch.setattr(os, "access", real)
        assert relocate.run().problem == ""
        assert paths.default_workspace() == new_data / "workspace.careerpivot"
        assert paths.backups_root() == new_data / "backups"
        assert paths.config_file() == new_config / "settings.ini"
        # a path kept from before the move (a link, a settings file not updated) finds the file
        old_path = paths.old_data_dir() / "workspace.careerpivot"
        assert relocate.current_path(old_path) == new_data / "workspace.careerpivot"
        assert relocate.current_path(tmp_path / "x.careerpivot") == tmp_path / "x.careerpivot"
        from careerpivot import app
        from careerpivot.settings import Settings

        assert app.start_workspace(old_path) == (new_data / "workspace.careerpivot", True)
        settings = Settings()
        settings.last_workspace = str(old_path)  # (as a file that could not be updated says)
        settings.sync()
        assert app.start_workspace(None)[0] == new_data / "workspace.careerpivot"
    finally:
        for folder in (paths.new_data_dir(), paths.new_config_dir()):
            shutil.rmtree(folder, ignore_errors=True)
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])


def test_nothing_moves_without_the_app_names(monkeypatch, tmp_path):
    """Without the app's names the folders are the shared ones (``~/.local/share`` itself),
    and its ``CareerPivot`` folder is no old folder to empty into it."""
    from PySide6.QtCore import QCoreApplication

    from careerpivot import paths

    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName("")
    try:
        shared = paths.new_data_dir()
        (shared / "CareerPivot").mkdir(parents=True, exist_ok=True)
        (shared / "CareerPivot" / "workspace.careerpivot").write_bytes(b"mine")
        assert relocate.run() == relocate.Outcome()
        assert (shared / "CareerPivot" / "workspace.careerpivot").read_bytes() == b"mine"
    finally:
        shutil.rmtree(paths.new_data_dir() / "CareerPivot", ignore_errors=True)
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])
