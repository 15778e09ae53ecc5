"""Long work off the GUI thread through one small helper over QThreadPool.

``submit(fn, *args)`` runs ``fn(job, *args)`` in the pool. The function receives a :class:`Job`
to report progress and to check for cancellation; it gets plain data and returns plain data.
Results come back to the GUI thread through the task's signals. The task starts on the next
turn of the event loop, so the caller connects to them first, with no gate in the job.

A failure that no one listens for (nothing connected to ``failed``) is not lost: it goes to
``sys.excepthook`` on the GUI thread, which the app sets to the crash report
(``careerpivot.ui.crash``): the user sees a dialog and the traceback is logged.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SIGNAL, QObject, QRunnable, QThreadPool, QTimer, Signal


class Cancelled(Exception):
    """Raised inside a job when the user cancelled it."""


class Job:
    def __init__(self, task: Task) -> None:
        self._task = task
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._task.signals.progress.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception (with __traceback_text__)
    cancelled = Signal()
    done = Signal()  # after any of the three above
    #: a failure nothing is connected to ``failed`` for (see the module's docstring)
    unhandled = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.unhandled.connect(_report_unhandled)

    def listens_for_failure(self) -> bool:
        return self.receivers(SIGNAL("failed(PyObject)")) > 0


def _report_unhandled(exc: BaseException) -> None:
    """On the GUI thread: a worker's failure that no caller handles, to the crash report."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


class Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self.job = Job(self)
        self._fn, self._args, self._kwargs = fn, args, kwargs
        #: a failure is dropped when nothing listens any more (a read for a view that is gone)
        self.drop_unheard = False

    def run(self) -> None:  # worker thread
        try:
            result = self._fn(self.job, *self._args, **self._kwargs)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # reported to the GUI thread, never lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            if self.job.cancelled:
                self.signals.cancelled.emit()
            elif self.signals.listens_for_failure():
                self.signals.failed.emit(exc)
            elif not self.drop_unheard:
                self.signals.unhandled.emit(exc)
        else:
            if self.job.cancelled:
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)
        finally:
            _close_thread_connection()
            self.signals.done.emit()

    def cancel(self) -> None:
        self.job.cancel()


def _close_thread_connection() -> None:
    """Workers may read the workspace through services; peewee opens one connection per
    thread, which must be closed before the pool thread is reused or ends."""
    from careerpivot.services import workspace

    workspace.close_thread_connection()


_running: set[Task] = set()


def submit(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
    """Queue ``fn(job, *args, **kwargs)``. The task starts when control returns to the event
    loop, so the caller can connect to its signals first (no gate needed): a signal emitted
    before anything is connected to it would be lost. A failure nothing handles goes to the
    crash report."""
    task = Task(fn, args, kwargs)
    _running.add(task)
    task.signals.done.connect(lambda: _running.discard(task))

    def start() -> None:
        if task.job.cancelled:
            task.signals.cancelled.emit()
            task.signals.done.emit()
        else:
            QThreadPool.globalInstance().start(task)

    QTimer.singleShot(0, start)
    return task


def wait_all(timeout_ms: int = 30000) -> bool:
    """Wait for every running task (at exit): their files must not be left half-written."""
    for task in list(_running):
        task.cancel()
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


class LatestRead(QObject):
    """Reads ``fn(*args)`` off the GUI thread, one job at a time, for a view that shows the
    newest data: asked again while a job runs, it runs once more when that job ends (the data
    is newer), and only the result of the last job asked for is given."""

    finished = Signal(object)  # the newest result
    failed = Signal(object)  # the exception of the newest job

    def __init__(self, fn: Callable[..., Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._task: Task | None = None
        self._pending: tuple | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None or self._pending is not None

    @property
    def pending(self) -> bool:
        """Asked again while a job runs: a newer result is to come."""
        return self._pending is not None

    def request(self, *args: Any) -> None:
        if self._task is not None:
            self._pending = args
            return
        self._pending = None
        task = self._task = submit(lambda _job, *a: self._fn(*a), *args)
        task.drop_unheard = True  # the view asking is gone: its read does not matter
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        task.signals.done.connect(self._done)

    def _finished(self, result: object) -> None:
        if self._pending is None:
            self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if self._pending is None:
            self.failed.emit(exc)

    def _done(self) -> None:
        self._task = None
        if self._pending is not None:
            self.request(*self._pending)
