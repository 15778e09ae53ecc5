"""The open workspace of this window: its single-instance lock and its opening and closing.

The lock (a QLockFile beside the workspace) is kept referenced for the whole session: if the
Python object were collected, the lock would be released while the workspace is still open.

Opening reads the whole file once (its integrity check) and may back it up and update its
format: :meth:`Session.open_in_background` does that in a worker while the window stays
responsive. The store and the services are imported when a workspace is first opened, not
with this module, so that the window can appear before them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal

from careerpivot import paths
from careerpivot.core.errors import WorkspaceOpenError

if TYPE_CHECKING:
    from careerpivot.services import workspace
    from careerpivot.ui import workers


#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


class WorkspaceLockedError(WorkspaceOpenError):
    """Another running copy holds the workspace. ``stale_possible``: the owner may be gone."""

    def __init__(self, path: str, message: str, *, stale_possible: bool) -> None:
        super().__init__("locked_by_instance", path, message)
        self.stale_possible = stale_possible


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _open_job(_job: workers.Job, path: Path, create: bool, demo: bool) -> workspace.WorkspaceInfo:
    """In a worker: (make the sample workspace when asked and missing, then) open ``path``."""
    from careerpivot.services import workspace

    if demo and not path.exists():
        from careerpivot.services import demo as demo_service

        demo_service.create_demo_workspace(path)
        workspace.close()
        create = False
    return workspace.open_workspace(path, create=create, backups_root=paths.backups_root())


class Session(QObject):
    opened = Signal(object)  # WorkspaceInfo
    closed = Signal()
    #: A background open (open_in_background) failed: a WorkspaceOpenError with its message
    #: (an unexpected error is reported as one of kind "unexpected", its traceback as detail).
    open_failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock: QLockFile | None = None
        self.info: workspace.WorkspaceInfo | None = None
        #: The running background open, if any, and the lock it holds.
        self.opening: workers.Task | None = None
        self._opening_lock: QLockFile | None = None

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
            message = translate(
                "Session",
                "This workspace is already open in another CareerPivot window "
                "(process {0} on {1}). Switch to that window, or close it first.",
            ).format(pid, host or translate("Session", "this computer"))
            raise WorkspaceLockedError(str(path), message, stale_possible=True)
        if error == QLockFile.LockError.PermissionError:
            # A folder we cannot write to: the store opens the file read-only.
            return lock
        raise WorkspaceOpenError(
            "lock",
            str(path),
            translate("Session", "The workspace could not be locked for use ({0}).").format(
                lock_path(path)
            ),
        )

    def open(
        self, path: str | os.PathLike[str], *, create: bool = True, remove_stale_lock: bool = False
    ) -> workspace.WorkspaceInfo:
        """Open a workspace in place of the current one. On failure the current one stays
        open."""
        from careerpivot.services import workspace

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
                self.info = workspace.open_workspace(
                    previous.path, create=False, backups_root=paths.backups_root()
                )
            raise
        self._lock = lock
        self.info = info
        self.opened.emit(info)
        return info

    def open_in_background(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        remove_stale_lock: bool = False,
        demo: bool = False,
        replace_current: bool = False,
    ) -> workers.Task:
        """Open ``path`` in a worker (the window paints and stays responsive meanwhile).
        ``opened`` or ``open_failed`` follows; a lock held by another window fails at once,
        before any work and with the current workspace still open. With
        ``replace_current`` the current workspace is closed once the new one's lock is held
        (otherwise none may be open). With ``demo``, the sample workspace is made first when
        it does not exist yet."""
        from careerpivot.ui import workers

        if self.opening is not None or (self.info is not None and not replace_current):
            raise RuntimeError("a workspace is open or opening")
        path = Path(path).expanduser().absolute()
        lock = self._acquire(path, remove_stale=remove_stale_lock)
        if self.info is not None:
            self._close_current()
        task = workers.submit(_open_job, path, create, demo)
        self.opening = task
        self._opening_lock = lock

        def finished(info: workspace.WorkspaceInfo) -> None:
            if self.opening is not task:  # abandoned meanwhile: the window closed
                return
            self.opening = self._opening_lock = None
            self._lock = lock
            self.info = info
            self.opened.emit(info)

        def failed(exc: BaseException) -> None:
            if self.opening is not task:
                return
            self.abandon_open()
            if not isinstance(exc, WorkspaceOpenError):
                exc = WorkspaceOpenError(
                    "unexpected", str(path),
                    translate("Session", "{0} could not be opened because of an unexpected "
                              "error. The file was not changed.").format(path),
                    detail=getattr(exc, "__traceback_text__", "") or repr(exc))
            self.open_failed.emit(exc)

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        task.signals.cancelled.connect(
            lambda: self.abandon_open() if self.opening is task else None
        )
        return task

    def abandon_open(self) -> None:
        """Forget a background open that failed or was cancelled (the window closed while
        it ran): the file is closed if it got opened, and its lock released."""
        from careerpivot.services import workspace

        if self.opening is None:
            return
        self.opening = None
        if self.info is None:
            workspace.close()
        lock, self._opening_lock = self._opening_lock, None
        if lock is not None and lock.isLocked():
            lock.unlock()

    def _close_current(self) -> None:
        from careerpivot.services import workspace

        workspace.close()
        if self._lock is not None and self._lock.isLocked():
            self._lock.unlock()
        self._lock = None
        self.info = None

    def close(self, *, backup: bool = True) -> None:
        from careerpivot.services import workspace

        if (
            self.info is not None
            and backup
            and not self.info.read_only
            and workspace.needs_backup()
        ):
            try:
                workspace.backup_now("auto")
            except workspace.BackupError:
                pass  # never block closing on a backup; the last one stays
        self._close_current()
        self.closed.emit()
