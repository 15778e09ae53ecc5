"""File > Import…, File > Export ▸ and File > Restore From Backup…: the controller the main
window creates.

Imports and exports run in workers (``ui.workers``) behind a window-modal QProgressDialog
whose Cancel stops them: an import rolls back as a whole, an export leaves the previous file
whole (every export is written atomically). Folders are remembered per purpose in the
settings. Messages come from the services and say what happened and what to do.

A restore runs on the GUI thread, on purpose: the workspace is closed while its file is
swapped, and nothing else (no tab refresh, no worker) may reach the database in between. It
takes well under a second for a workspace of tens of megabytes (the backup API copies pages).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from careerpivot import paths
from careerpivot.core.errors import CareerPivotError, WorkspaceOpenError
from careerpivot.ui import workers
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.session import Session

if TYPE_CHECKING:
    from careerpivot.services import exports, imports, workspace


@dataclasses.dataclass
class _Read:
    """What the first import step hands to the GUI thread."""

    source: imports.SourceFile
    table: Any = None  # csvfiles.CsvTable for a CSV source
    preview: imports.ImportPreview | None = None


class DataActions(QObject):
    """Builds and runs the import, export and restore actions for one main window."""

    def __init__(self, window: QWidget, ctx: AppContext, session: Session) -> None:
        super().__init__(window)
        self.setObjectName("dataActions")
        self.window = window
        self.ctx = ctx
        self.session = session
        #: The running import or export (one at a time) and its progress dialog.
        self.task: workers.Task | None = None
        self.progress: QProgressDialog | None = None

        self.import_action = self._action("actionImport", self.tr("&Import…"),
                                          self.tr("Import contacts from LinkedIn, a vCard or "
                                                  "CSV file, or a full export"))
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.triggered.connect(lambda: self.import_file())

        self.export_menu = QMenu(self.tr("&Export"), window)
        self.export_menu.setObjectName("menuExport")
        self.export_csv_actions: dict[str, QAction] = {}
        titles = self._list_titles()
        for name in titles:  # the lists of services.exports.CSV_LISTS, in its order
            action = self._action(f"actionExportCsv_{name}",
                                  self.tr("{0} as CSV…").format(titles[name]))
            action.triggered.connect(lambda _=False, n=name: self.export("csv", n))
            self.export_csv_actions[name] = action
            self.export_menu.addAction(action)
        self.export_all_csv_action = self._action(
            "actionExportAllCsv", self.tr("All Lists as CSV…"),
            self.tr("Write every list as a CSV file into a folder"))
        self.export_all_csv_action.triggered.connect(lambda: self.export("csv-all"))
        self.export_menu.addAction(self.export_all_csv_action)
        self.export_menu.addSeparator()
        self.export_ics_action = self._action(
            "actionExportIcs", self.tr("Calendar (.ics)…"),
            self.tr("Interviews, follow-ups, milestones and practice blocks for your "
                    "calendar program"))
        self.export_ics_action.triggered.connect(lambda: self.export("ics"))
        self.export_menu.addAction(self.export_ics_action)
        self.export_vcf_action = self._action(
            "actionExportVcf", self.tr("Contacts (.vcf)…"),
            self.tr("Your network as vCards for an address book"))
        self.export_vcf_action.triggered.connect(lambda: self.export("vcf"))
        self.export_menu.addAction(self.export_vcf_action)
        self.export_menu.addSeparator()
        self.export_json_action = self._action(
            "actionExportJson", self.tr("Full Export (.json)…"),
            self.tr("The whole workspace in one file, to move it to another computer"))
        self.export_json_action.triggered.connect(lambda: self.export("json"))
        self.export_menu.addAction(self.export_json_action)

        self.restore_action = self._action(
            "actionRestore", self.tr("&Restore From Backup…"),
            self.tr("Replace the workspace with one of its backups"))
        self.restore_action.triggered.connect(self.restore)

        session.opened.connect(self._on_opened)
        if session.info is not None:
            self._on_opened(session.info)

    # --- construction ---------------------------------------------------------------------
    def _action(self, name: str, text: str, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if tip:
            action.setStatusTip(tip)
        return action

    def _list_titles(self) -> dict[str, str]:
        return {
            "contacts": self.tr("Contacts"), "interviews": self.tr("Interviews"),
            "assumptions": self.tr("Assumptions"), "skills": self.tr("Skills"),
            "learning": self.tr("Learning"), "milestones": self.tr("Milestones"),
            "log": self.tr("Log"),
        }

    def install(self, file_menu: QMenu, before: QAction,
                restore_before: QAction | None = None) -> None:
        """Put Import… and Export ▸ before ``before`` (the main window's export anchor) and
        Restore… before ``restore_before`` (or after the export menu). Call it before the PDF
        documents are installed at the same anchor, so they follow the data exports."""
        file_menu.insertAction(before, self.import_action)
        file_menu.insertMenu(before, self.export_menu)
        file_menu.insertSeparator(before)  # apart from the documents installed after them
        if restore_before is not None:
            file_menu.insertAction(restore_before, self.restore_action)
        else:
            file_menu.insertAction(before, self.restore_action)

    def _on_opened(self, info: workspace.WorkspaceInfo) -> None:
        self.import_action.setEnabled(not info.read_only)

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
            self._message(title, self.tr("Another import or export is still running. Wait "
                                         "for it to finish, or cancel it."))
            return None
        dialog = QProgressDialog(label or title, self.tr("Cancel"), 0, 0, self.window)
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
            self.ctx.bus.status.emit(self.tr("{0} cancelled: nothing was changed.")
                                     .format(title))

        task.signals.progress.connect(on_progress)
        task.signals.finished.connect(on_finished)
        task.signals.failed.connect(on_failed)
        task.signals.cancelled.connect(on_cancelled)
        return task

    def _folder(self, purpose: str) -> str:
        return self.ctx.settings.last_folder(purpose) or str(paths.documents_dir())

    # --- import ---------------------------------------------------------------------------
    def import_file(self, path: Path | None = None) -> workers.Task | None:
        title = self.tr("Import")
        info = self.session.info
        if info is None:
            return None
        if info.read_only:
            self._message(title, self.tr("This workspace is read-only, so nothing can be "
                                         "imported into it."))
            return None
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import"), self._folder("import"),
                self.tr("Contacts and exports (*.csv *.vcf *.vcard *.json *.txt);;"
                        "LinkedIn Connections.csv (*.csv);;vCard (*.vcf *.vcard);;"
                        "CareerPivot full export (*.json);;All files (*)"))
            if not name:
                return None
            path = Path(name)
        self.ctx.settings.set_last_folder("import", str(path.parent))

        def read(job: workers.Job, file: Path) -> _Read:
            from careerpivot.services import imports

            job.progress(0, 0, "Reading the file…")
            source = imports.read_source(file)
            if source.kind == "csv":
                return _Read(source, table=imports.csv_table(source))
            if source.kind == "json":
                return _Read(source)
            return _Read(source, preview=imports.preview(source, progress=job.progress))

        return self._run(title, read, path, finished=self._after_read,
                         label=self.tr("Reading {0}…").format(path.name))

    def _after_read(self, read: _Read) -> None:
        title = self.tr("Import")
        if read.source.kind == "json":
            self.import_full_export(read.source)
            return
        if read.preview is not None:
            self._confirm(read.preview)
            return
        from careerpivot.ui.dialogs.import_preview import ColumnMappingDialog

        table = read.table
        mapping = ColumnMappingDialog.ask(self.window, table.header, table.sample(),
                                          table.mapping)
        if mapping is None:
            return

        def plan(job: workers.Job, source: imports.SourceFile, chosen: dict
                 ) -> imports.ImportPreview:
            from careerpivot.services import imports

            return imports.preview(source, mapping=chosen, progress=job.progress)

        self._run(title, plan, read.source, mapping, finished=self._confirm)

    def _confirm(self, preview: imports.ImportPreview) -> None:
        from careerpivot.ui.dialogs.import_preview import ImportPreviewDialog

        if not ImportPreviewDialog.ask(self.window, preview):
            return

        def apply(job: workers.Job, plan: imports.ImportPreview) -> imports.ImportResult:
            from careerpivot.services import imports

            return imports.apply(plan, skip_invalid=True, progress=job.progress)

        self._run(self.tr("Import"), apply, preview, finished=self._imported,
                  label=self.tr("Importing {0}…").format(preview.path.name))

    def _imported(self, result: imports.ImportResult) -> None:
        from careerpivot.ui.dialogs.import_preview import kind_name

        self.ctx.bus.changed.emit(Area.CONTACTS)
        text = self.tr("{0}: {1} added, {2} updated, {3} skipped.").format(
            kind_name(result.kind), result.added, result.updated, result.skipped)
        self.ctx.bus.status.emit(text)
        self._message(self.tr("Import Finished"), text, warning=False)

    # --- full export into a new workspace -------------------------------------------------
    def _flush_window(self) -> bool:
        """Store the window's pending edits before another file is opened; a change that
        cannot be stored stops the switch (it would be lost or land in the other file)."""
        flush_all = getattr(self.window, "flush_all", None)
        if flush_all is None or flush_all():
            return True
        self.window.warn_unsaved()
        return False

    def import_full_export(self, source: imports.SourceFile) -> None:
        title = self.tr("Import Full Export")
        answer = QMessageBox.question(
            self.window, title,
            self.tr("{0} is a full export of a workspace. It is imported into a new workspace "
                    "file, so nothing in the current one changes. Choose where to save the "
                    "new workspace.").format(source.path.name),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Ok)
        if answer != QMessageBox.StandardButton.Ok:
            return
        suggested = Path(self._folder("workspace")) / (source.path.stem + paths.WORKSPACE_SUFFIX)
        name, _ = QFileDialog.getSaveFileName(
            self.window, title, str(suggested),
            self.tr("CareerPivot workspaces (*.careerpivot *.db);;All files (*)"))
        if not name:
            return
        target = Path(name)
        if not target.suffix:
            target = target.with_suffix(paths.WORKSPACE_SUFFIX)
        if target.exists():
            self._message(title, self.tr("{0} already exists. Choose a new file name: the full "
                                         "export never replaces an existing file.")
                          .format(target))
            return
        self.ctx.settings.set_last_folder("workspace", str(target.parent))
        if not self._flush_window():
            return
        previous = self.session.info.path if self.session.info else None
        try:
            self.session.open(target, create=True)
        except WorkspaceOpenError as exc:
            self._message(title, exc.message, detail=exc.detail)
            return

        def run(job: workers.Job, data: bytes) -> exports.JsonImportResult:
            from careerpivot.services import exports

            return exports.import_json(data, progress=job.progress)

        def finished(result: exports.JsonImportResult) -> None:
            self.ctx.bus.changed.emit(Area.ALL)
            self._message(title, self.tr("The full export was imported into {0}: {1} rows "
                                         "in {2} tables.").format(target, result.rows,
                                                                  result.tables),
                          warning=False)

        def failed(exc: BaseException) -> None:
            if previous is not None:
                self._reopen(previous)
            if isinstance(exc, CareerPivotError):
                self._message(title, exc.message + "\n\n" + self.tr(
                    "The new workspace {0} was left empty.").format(target), detail=exc.detail)
            else:
                raise exc

        task = self._run(title, run, source.data, finished=finished, failed=failed,
                         label=self.tr("Importing {0}…").format(source.path.name))
        if task is not None:
            task.signals.cancelled.connect(
                lambda: self._reopen(previous) if previous is not None else None)

    def _reopen(self, path: Path) -> None:
        """Open again, in the background, the workspace that was open before."""
        def failed(exc: WorkspaceOpenError) -> None:
            self._message(self.tr("Open Workspace"), exc.message, detail=exc.detail)
            self.window.show_opening(self.tr(
                "No workspace is open. Open one from the File menu."))

        self._open_then(path, lambda _info: None, failed)

    # --- export ---------------------------------------------------------------------------
    def _ask_target(self, kind: str, list_name: str) -> Path | None:
        title = self.tr("Export")
        folder = Path(self._folder("export"))
        if kind == "csv-all":
            name = QFileDialog.getExistingDirectory(self.window, self.tr("Export All Lists"),
                                                    str(folder))
            return Path(name) if name else None
        filters = {
            "csv": self.tr("CSV files (*.csv)"),
            "ics": self.tr("Calendar files (*.ics)"),
            "vcf": self.tr("vCard files (*.vcf)"),
            "json": self.tr("CareerPivot full export (*.json)"),
        }
        from careerpivot.services import exports

        suggested = folder / exports.suggested_name(kind, list_name)
        name, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested),
                                              filters[kind])
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != "." + kind:
            path = path.with_name(path.name + "." + kind)
        return path

    def export(self, kind: str, list_name: str = "",
               target: Path | None = None) -> workers.Task | None:
        """Export ``kind`` (csv, csv-all, ics, vcf, json) to ``target`` (asked when None)."""
        if self.session.info is None:
            return None
        target = target or self._ask_target(kind, list_name)
        if target is None:
            return None
        self.ctx.settings.set_last_folder(
            "export", str(target if kind == "csv-all" else target.parent))
        title = self.tr("Export")

        def run(job: workers.Job, where: Path) -> list[Path]:
            from careerpivot.services import exports

            if kind == "csv":
                return [exports.export_csv(list_name, where, progress=job.progress)]
            if kind == "csv-all":
                return exports.export_all_csv(where, progress=job.progress)
            if kind == "ics":
                return [exports.export_ics(where, progress=job.progress)]
            if kind == "vcf":
                return [exports.export_vcf(where, progress=job.progress)]
            return [exports.export_json(where, progress=job.progress)]

        def finished(written: list[Path]) -> None:
            where = written[0] if len(written) == 1 else target
            self.ctx.bus.status.emit(self.tr("Exported to {0}").format(where))

        return self._run(title, run, target, finished=finished,
                         label=self.tr("Writing {0}…").format(target.name))

    # --- restore --------------------------------------------------------------------------
    def restore(self) -> bool:
        """Ask for a backup and restore it, behind the window: the backup is checked, the
        workspace closed, the file swapped and the restored workspace opened, each slow step
        in a worker. True when the restore has started; it ends with a message either way."""
        from careerpivot.services import restore, workspace
        from careerpivot.ui.dialogs.restore import RestoreDialog, format_when

        title = self.tr("Restore From Backup")
        info = self.session.info
        if info is None:
            return False
        if self.task is not None or self.session.opening is not None:
            self._message(title, self.tr("Wait for the running import or export to finish."))
            return False
        backups = workspace.list_backups()
        if not backups:
            self._message(title, self.tr("There are no backups of this workspace yet. Make one "
                                         "with File > Back Up Now."), warning=False)
            return False
        chosen = RestoreDialog.ask(self.window, backups, info.path.name)
        if chosen is None:
            return False
        when = next((format_when(b) for b in backups if b.path == chosen), chosen.name)
        # Pending edits are saved first (into the workspace the backup will replace).
        if not self._flush_window():
            return False
        path = info.path

        def check(_job: workers.Job, backup: Path) -> None:
            restore.check_backup(backup)  # reads the whole backup: never swap in a damaged one

        def checked(_result: None) -> None:
            # background work ends, then the file is swapped
            workers.wait_all()
            self.session.close(backup=False)
            self.window.show_opening(self.tr("Restoring {0}…").format(path.name))
            self._run(title, swap, chosen, path, finished=swapped, failed=swap_failed,
                      label=self.tr("Restoring the backup taken {0}…").format(when),
                      cancellable=False)

        def swap(_job: workers.Job, backup: Path, target: Path) -> restore.RestoreResult:
            return restore.restore_backup(backup, target)

        def swap_failed(exc: BaseException) -> None:
            self._reopen_quietly(path)
            self._fail(title, exc)

        def swapped(result: restore.RestoreResult) -> None:
            def opened(_info: workspace.WorkspaceInfo) -> None:
                # (the window shows the restored data: bus "all", undo cleared)
                kept = result.kept_aside
                self._message(title, self.tr("The backup taken {0} was restored.").format(when)
                              + ("\n\n" + self.tr("The workspace as it was before is kept as "
                                                   "{0}.").format(kept) if kept else ""),
                              warning=False)

            def failed(exc: WorkspaceOpenError) -> None:
                restore.undo(result)
                self._reopen_quietly(path)
                self._message(title, self.tr(
                    "The restored backup could not be opened, so the workspace was put back "
                    "as it was.") + "\n\n" + exc.message, detail=exc.detail)

            self._open_then(path, opened, failed)

        self._run(title, check, chosen, finished=checked,
                  label=self.tr("Checking the backup taken {0}…").format(when))
        return True

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
        self.window.show_opening(self.tr("Opening {0}…").format(path.name))

    def _reopen_quietly(self, path: Path) -> None:
        """Open ``path`` again in the background after a failed restore; should that fail
        too, the window says no workspace is open (File > Open is there)."""
        def failed(_exc: WorkspaceOpenError) -> None:
            self.window.show_opening(self.tr(
                "No workspace is open. Open one from the File menu."))

        self._open_then(path, lambda _info: None, failed)
