"""The open workspace of this window: its single-instance lock and its opening and closing.

The lock (a QLockFile beside the workspace) is kept referenced for the whole session: if the
Python object were collected, the lock would be released while the workspace is still open.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal

from careerpivot import paths
from careerpivot.errors import WorkspaceOpenError
from careerpivot.services import workspace


def tr(text: str) -> str:
    return QCoreApplication.translate("Session", text)


class WorkspaceLockedError(WorkspaceOpenError):
    """Another running copy holds the workspace. ``stale_possible``: the owner may be gone."""

    def __init__(self, path: str, message: str, *, stale_possible: bool) -> None:
        super().__init__("locked_by_instance", path, message)
        self.stale_possible = stale_possible


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class Session(QObject):
    opened = Signal(object)  # WorkspaceInfo
    closed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock: QLockFile | None = None
        self.info: workspace.WorkspaceInfo | None = None

    def _acquire(self, path: Path, *, remove_stale: bool) -> QLockFile:
        if not path.parent.is_dir():
            # Let the store give its specific message.
            return QLockFile(str(lock_path(path)))
        lock = QLockFile(str(lock_path(path)))
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        if remove_stale:
            lock.removeStaleLockFile()
            info = lock.getLockInfo()
            if not lock.tryLock(100) and info[0]:
                # The owner's pid is alive (it may have been reused): the user chose to remove.
                Path(lock_path(path)).unlink(missing_ok=True)
        if lock.isLocked() or lock.tryLock(100):
            return lock
        error = lock.error()
        if error == QLockFile.LockError.LockFailedError:
            pid, host, _app = lock.getLockInfo()[:3]
            message = tr(
                "This workspace is already open in another CareerPivot window "
                "(process {0} on {1}). Switch to that window, or close it first."
            ).format(pid, host or tr("this computer"))
            raise WorkspaceLockedError(str(path), message, stale_possible=True)
        if error == QLockFile.LockError.PermissionError:
            # A folder we cannot write to: the store opens the file read-only.
            return lock
        raise WorkspaceOpenError(
            "lock", str(path), tr("The workspace could not be locked for use ({0}).").format(
                lock_path(path))
        )

    def open(self, path: str | os.PathLike[str], *, create: bool = True,
             remove_stale_lock: bool = False) -> workspace.WorkspaceInfo:
        """Open a workspace in place of the current one. On failure the current one stays
        open."""
        path = Path(path).expanduser().absolute()
        if self.info is not None and self.info.path == path:
            return self.info
        lock = self._acquire(path, remove_stale=remove_stale_lock)
        previous = self.info
        if previous is not None:
            self._close_current()
        try:
            info = workspace.open_workspace(path, create=create, backups_root=paths.backups_root())
        except BaseException:
            if lock.isLocked():
                lock.unlock()
            if previous is not None:
                # Go back to the workspace that was open before.
                self._lock = self._acquire(previous.path, remove_stale=False)
                self.info = workspace.open_workspace(previous.path, create=False,
                                                     backups_root=paths.backups_root())
            raise
        self._lock = lock
        self.info = info
        self.opened.emit(info)
        return info

    def _close_current(self) -> None:
        workspace.close()
        if self._lock is not None and self._lock.isLocked():
            self._lock.unlock()
        self._lock = None
        self.info = None

    def close(self, *, backup: bool = True) -> None:
        if self.info is not None and backup and not self.info.read_only \
                and workspace.needs_backup():
            try:
                workspace.backup_now("auto")
            except workspace.BackupError:
                pass  # never block closing on a backup; the last one stays
        self._close_current()
        self.closed.emit()
