"""What the import, export and restore actions share: :class:`DataActionsBase`, the
controller's QObject, which makes their actions, runs one task at a time in a worker behind a
window-modal progress dialog, shows their messages, remembers their folders and opens a
workspace in place of the current one.

Its texts are translated under the controller's context, "DataActions" (lupdate files a
``self.tr`` text under the class it is written in).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from careerpivot import paths
from careerpivot.core.errors import CareerPivotError, WorkspaceOpenError
from careerpivot.ui import workers
from careerpivot.ui.context import AppContext
from careerpivot.ui.session import Session

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


class DataActionsBase(QObject):
    """The running machinery of :class:`careerpivot.ui.data_actions.DataActions`."""

    def __init__(self, window: QWidget, ctx: AppContext, session: Session) -> None:
        super().__init__(window)
        self.setObjectName("dataActions")
        self.window = window
        self.ctx = ctx
        self.session = session
        #: The running import or export (one at a time) and its progress dialog.
        self.task: workers.Task | None = None
        self.progress: QProgressDialog | None = None

    def _action(self, name: str, text: str, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if tip:
            action.setStatusTip(tip)
        return action

    # --- running work ---------------------------------------------------------------------
    def busy(self) -> bool:
        return self.task is not None

    def _message(self, title: str, text: str, *, warning: bool = True,
                 detail: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
                          title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("dataMessage")
        if detail:
            box.setDetailedText(detail)
        box.exec()

    def _fail(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, CareerPivotError):
            self._message(title, exc.message, detail=exc.detail)
        else:  # a bug: the crash handler logs it with its traceback
            raise exc

    def _run(self, title: str, fn: Callable[..., Any], *args: Any,
             finished: Callable[[Any], None], failed: Callable[[BaseException], None] | None
             = None, label: str = "", cancellable: bool = True) -> workers.Task | None:
        """Run ``fn(job, *args)`` in a worker behind a progress dialog that can cancel (unless
        ``cancellable`` is false: a step that must end once begun)."""
        if self.task is not None:
            self._message(title, translate("DataActions", "Another import or export is still "
                                                          "running. Wait for it to finish, or "
                                                          "cancel it."))
            return None
        dialog = QProgressDialog(label or title, translate("DataActions", "Cancel"), 0, 0,
                                 self.window)
        dialog.setObjectName("dataProgress")
        dialog.setWindowTitle(title)
        from PySide6.QtCore import Qt  # (not at import: see ui.main_window)

        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        task = workers.submit(fn, *args)
        self.task, self.progress = task, dialog
        dialog.canceled.connect(task.cancel)

        def on_progress(done: int, total: int, text: str) -> None:
            if total > 0:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))
            if text:
                dialog.setLabelText(text)

        def on_done() -> None:
            self.task = None
            self.progress = None
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

        def on_failed(exc: BaseException) -> None:
            on_done()
            if failed is not None:
                failed(exc)
            else:
                self._fail(title, exc)

        def on_finished(result: Any) -> None:
            on_done()
            finished(result)

        def on_cancelled() -> None:
            on_done()
            self.ctx.bus.status.emit(translate("DataActions",
                                               "{0} cancelled: nothing was changed.")
                                     .format(title))

        task.signals.progress.connect(on_progress)
        task.signals.finished.connect(on_finished)
        task.signals.failed.connect(on_failed)
        task.signals.cancelled.connect(on_cancelled)
        return task

    def _folder(self, purpose: str) -> str:
        return self.ctx.settings.last_folder(purpose) or str(paths.documents_dir())

    # --- switching the workspace ----------------------------------------------------------
    def _flush_window(self) -> bool:
        """Store the window's pending edits before another file is opened; a change that
        cannot be stored stops the switch (it would be lost or land in the other file)."""
        flush_all = getattr(self.window, "flush_all", None)
        if flush_all is None or flush_all():
            return True
        self.window.warn_unsaved()
        return False

    def _open_then(self, path: Path, opened: Callable[[Any], None],
                   failed: Callable[[WorkspaceOpenError], None]) -> None:
        """Open ``path`` in the background in place of the current workspace (if any), then
        call ``opened(info)`` or ``failed(exc)``; the window says what it is opening."""
        session = self.session

        def disconnect() -> None:
            session.opened.disconnect(on_opened)
            session.open_failed.disconnect(on_failed)

        def on_opened(info: object) -> None:
            disconnect()
            opened(info)

        def on_failed(exc: WorkspaceOpenError) -> None:
            disconnect()
            failed(exc)

        session.opened.connect(on_opened)
        session.open_failed.connect(on_failed)
        try:
            session.open_in_background(path, create=False, replace_current=True)
        except WorkspaceOpenError as exc:
            disconnect()
            failed(exc)
            return
        self.window.show_opening(translate("DataActions", "Opening {0}…").format(path.name))
