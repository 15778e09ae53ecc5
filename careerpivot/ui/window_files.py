"""The main window's File actions on workspace files and backups: New, Open, Open Recent,
Open Sample, switching workspaces in the background (and going back to the previous one when
an open fails), Back Up Now and Check Workspace.

A mixin of :class:`careerpivot.ui.main_window.MainWindow`, kept apart so the window stays a
thin shell. Its texts are translated under the window's context, "MainWindow" (``self.tr``
would look them up under the runtime class, but lupdate files them under this one).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from careerpivot import paths
from careerpivot.core import clock
from careerpivot.core.errors import CareerPivotError, WorkspaceOpenError
from careerpivot.ui import workers
from careerpivot.ui.i18n import error_title
from careerpivot.ui.session import WorkspaceLockedError
from careerpivot.ui.widgets import status_notice

if TYPE_CHECKING:
    from careerpivot.ui.recent_menu import RecentEntry

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


class WorkspaceFilesMixin:
    """File > New, Open, Open Recent (and Clear Recent), Open Sample, Back Up Now and Check
    Workspace."""

    # --- workspace files ------------------------------------------------------------------
    def _start_folder(self) -> str:
        last = self.ctx.settings.last_folder("workspace")
        return last or str(paths.documents_dir())

    def _filter(self) -> str:
        return translate("MainWindow", "CareerPivot workspaces (*.careerpivot *.db);;All files (*)")

    def new_workspace(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "New Workspace"),
            str(Path(self._start_folder()) / ("career" + paths.WORKSPACE_SUFFIX)),
            self._filter())
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(paths.WORKSPACE_SUFFIX)
        if path.exists():
            QMessageBox.warning(
                self, translate("MainWindow", "New Workspace"),
                translate("MainWindow",
                          "{0} already exists. Open it with File > Open, or choose another "
                          "name: a new workspace never replaces an existing file.").format(path))
            return
        self.ctx.settings.set_last_folder("workspace", str(path.parent))
        self.open_path(path, create=True)

    def open_workspace_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Open Workspace"), self._start_folder(), self._filter())
        if name:
            self.ctx.settings.set_last_folder("workspace", str(Path(name).parent))
            self.open_path(Path(name), create=False)

    def open_sample(self) -> bool:
        """File > Open Sample Workspace (made first, in the background, if it is missing)."""
        path = paths.sample_workspace()
        return self.open_path(path, create=False, demo=not path.exists())

    def flush_all(self) -> bool:
        """Store every edit still pending in the tabs; False if one could not be stored."""
        ok = True
        for tab in self.tab_widgets.values():
            if tab.flush_edits() is False:
                ok = False
        return ok

    def warn_unsaved(self) -> None:
        QMessageBox.warning(
            self, translate("MainWindow", "Unsaved change"),
            translate("MainWindow",
                      "A change could not be saved yet; its message is shown next to the "
                      "field. Correct it (or undo it) before opening another workspace, so that "
                      "it is not lost or written into the wrong file."))

    def open_path(self, path: Path, *, create: bool, demo: bool = False) -> bool:
        """Open ``path`` in place of the current workspace, in the background (the file is
        read through once to check it). True when the open has started; False when it was
        refused at once (an edit not stored yet, a lock kept). Should it fail, the user is
        told why and the workspace that was open is opened again."""
        if self.session.opening is not None:
            return False
        if not self.flush_all():
            self.warn_unsaved()
            return False
        previous = self.session.info.path if self.session.info else None
        if previous is not None and previous == Path(path).expanduser().absolute():
            return True
        remove_stale = False
        while True:
            try:
                self.session.open_in_background(path, create=create, demo=demo,
                                                remove_stale_lock=remove_stale,
                                                replace_current=True)
                break
            except WorkspaceLockedError as exc:
                answer = QMessageBox.warning(
                    self, translate("MainWindow", "Workspace in use"),
                    exc.message + "\n\n" + translate("MainWindow",
                        "If you are sure no other CareerPivot window is open (for example "
                        "after a crash), you can remove the lock and open the workspace."),
                    QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ignore,
                    QMessageBox.StandardButton.Cancel)
                if answer != QMessageBox.StandardButton.Ignore or remove_stale:
                    return False
                remove_stale = True
            except WorkspaceOpenError as exc:
                self._show_open_error(exc)
                return False
        self._switch = (previous,)
        self.ctx.undo.clear()  # (its commands belong to the workspace that was open)
        message = translate("MainWindow", "Opening {0}…").format(Path(path).name)
        self.show_opening(message)
        return True

    def _show_open_error(self, exc: WorkspaceOpenError) -> None:
        # (a workspace not found stays in Open Recent, marked so: choosing it there offers
        # to remove it; a drive not connected now may well be connected tomorrow)
        box = QMessageBox(QMessageBox.Icon.Warning, error_title(exc), exc.message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("openErrorDialog")
        if exc.detail:
            box.setDetailedText(exc.detail)
        box.exec()

    def _on_open_failed(self, exc: WorkspaceOpenError) -> None:
        """A background open of File > Open (not the start-up's) failed: say why, and open
        again the workspace that was open before."""
        if self._switch is None:
            return  # the start-up's: its own dialog handles it
        (previous,) = self._switch
        self._switch = None
        self.statusBar().clearMessage()
        self._show_open_error(exc)
        if previous is None:
            self.show_opening(translate("MainWindow",
                                        "No workspace is open. Open one from the File menu."))
            return
        try:
            self.session.open_in_background(previous, create=False)
        except WorkspaceOpenError as again:
            self._show_open_error(again)
            self.show_opening(translate("MainWindow",
                                        "No workspace is open. Open one from the File menu."))
            return
        self._switch = (None,)  # (should this fail too, there is nothing to go back to)
        self.show_opening(translate("MainWindow", "Opening {0}…").format(previous.name))

    def _fill_recent(self) -> None:
        """File > Open Recent, filled as it opens: each workspace by its name (see
        ``ui.recent_menu``), its path the tooltip, then Clear Recent."""
        from careerpivot.ui import recent_menu

        menu = self.recent_menu
        menu.clear()
        menu.setToolTipsVisible(True)
        entries = recent_menu.entries(self.ctx.settings.recent_workspaces)
        if not entries:
            empty = menu.addAction(translate("MainWindow", "No recent workspaces"))
            empty.setEnabled(False)
        for number, entry in enumerate(entries, start=1):
            action = menu.addAction(recent_menu.menu_text(number, entry))
            action.setObjectName(f"actionRecent{number}")
            action.setToolTip(recent_menu.tip(entry))
            action.setStatusTip(recent_menu.tip(entry))
            action.triggered.connect(lambda _=False, e=entry: self.open_recent(e))
        menu.addSeparator()
        clear = menu.addAction(translate("MainWindow", "&Clear Recent"))
        clear.setObjectName("actionClearRecent")
        clear.setStatusTip(translate("MainWindow", "Empty this list (no file is changed)"))
        clear.setEnabled(bool(entries))
        clear.triggered.connect(self.clear_recent)

    def open_recent(self, entry: RecentEntry) -> bool:
        """Open a workspace of File > Open Recent. One whose file is not there is not tried
        (the open workspace stays open): the user is told, and may take it off the list."""
        from careerpivot.ui import recent_menu

        if entry.path.is_file():
            return self.open_path(entry.path, create=False)
        if recent_menu.MissingWorkspaceQuestion.ask(self, entry):
            self.ctx.settings.remove_recent(str(entry.path))
            self.statusBar().showMessage(translate(
                "MainWindow", "“{0}” was removed from the recent workspaces.").format(
                    recent_menu.workspace_name(entry.path)), 8000)
        return False

    def clear_recent(self) -> None:
        """File > Open Recent > Clear Recent: the list is emptied; no file is touched."""
        for item in self.ctx.settings.recent_workspaces:
            self.ctx.settings.remove_recent(item)

    # --- backups --------------------------------------------------------------------------
    def start_backup(self, reason: str) -> workers.Task | None:
        info = self.session.info
        if info is None or info.read_only or self._backup_task is not None:
            return None

        def job(_job: workers.Job, path: Path, folder: Path) -> Path:
            from careerpivot.services import workspace

            return workspace.backup_now(reason, path=path, folder=folder)

        task = workers.submit(job, info.path, info.backup_dir)
        self._backup_task = task
        self.statusBar().showMessage(translate("MainWindow", "Backing up…"))

        def finished(result: Path | None) -> None:
            if result is None:  # nothing written since the newest backup: none was needed
                self.statusBar().clearMessage()
            else:
                self._backed_up(result)

        def failed(exc: BaseException) -> None:
            message = exc.message if isinstance(exc, CareerPivotError) else str(exc)
            if reason == "manual":
                QMessageBox.warning(self, translate("MainWindow", "Backup failed"), message)
            else:
                status_notice.for_window(self).show_notice(
                    translate("MainWindow", "The automatic backup failed."),
                    translate("MainWindow", "Details…"),
                    lambda: QMessageBox.warning(
                        self, translate("MainWindow", "Backup failed"), message),
                    tooltip=message, timeout_ms=None)

        def done() -> None:
            self._backup_task = None

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        task.signals.done.connect(done)
        return task

    def _backed_up(self, backup: Path) -> None:
        """Say when the backup was made, with the way to the backups (its file's path is the
        tooltip, not the message)."""
        from PySide6.QtCore import QLocale, QTime

        now = clock.now()
        when = QLocale().toString(QTime(now.hour, now.minute, now.second),
                                  QLocale.FormatType.ShortFormat)
        status_notice.for_window(self).show_notice(
            translate("MainWindow", "Backed up at {0}.").format(when),
            translate("MainWindow", "Show Backups"), self.show_backups, tooltip=str(backup))

    def show_backups(self) -> None:
        """The backups of the open workspace, to restore one (File > Restore From Backup…)."""
        if self.data_actions is not None:
            self.data_actions.restore()

    def check_database(self) -> workers.Task | None:
        """File > Check Workspace: SQLite's full integrity and foreign-key checks, which read
        the whole file, in a worker; the result is shown when they end."""
        if self.session.info is None or self._check_task is not None:
            return None

        def job(_job: workers.Job) -> list[str]:
            from careerpivot.services import workspace

            return workspace.check_database()

        task = workers.submit(job)
        self._check_task = task
        self.actions.check_database.setEnabled(False)
        self.statusBar().showMessage(translate("MainWindow", "Checking the workspace…"))

        def failed(exc: BaseException) -> None:
            self._show_check_result(
                [exc.message if isinstance(exc, CareerPivotError) else str(exc)])

        def done() -> None:
            self._check_task = None
            self.actions.check_database.setEnabled(self.session.info is not None)
            self.statusBar().clearMessage()

        task.signals.finished.connect(self._show_check_result)
        task.signals.failed.connect(failed)
        task.signals.done.connect(done)
        return task

    def _show_check_result(self, problems: list[str]) -> None:
        if not problems:
            QMessageBox.information(self, translate("MainWindow", "Check Workspace"),
                                    translate("MainWindow", "The workspace passed every "
                                                            "check. It is healthy."))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, translate("MainWindow", "Check Workspace"),
                          translate("MainWindow", "The workspace check found problems. "
                                                  "Restore a recent backup to be safe; the "
                                                  "current file is kept."),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("checkProblemsDialog")
        box.setDetailedText("\n".join(problems[:50]))
        box.exec()
