"""File > Import…: :class:`ImportActionsMixin`, the import action of
:class:`careerpivot.ui.data_actions.DataActions`. A file is read and previewed in a worker
(a CSV file asks for its columns first) and imported once the preview is confirmed; a full
export is imported into a new workspace file, never into the open one.

Its texts are translated under the controller's context, "DataActions".
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from careerpivot import paths
from careerpivot.core.errors import CareerPivotError, WorkspaceOpenError
from careerpivot.ui import workers
from careerpivot.ui.context import Area

if TYPE_CHECKING:
    from careerpivot.services import exports, imports, workspace

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


@dataclasses.dataclass
class _Read:
    """What the first import step hands to the GUI thread."""

    source: imports.SourceFile
    table: Any = None  # csvfiles.CsvTable for a CSV source
    preview: imports.ImportPreview | None = None


class ImportActionsMixin:
    """Import… (``import_action``): contacts from LinkedIn, a vCard or CSV file, or a full
    export. A mixin of ``DataActions`` (it uses :class:`.base.DataActionsBase`)."""

    def _build_import_action(self) -> None:
        self.import_action = self._action(
            "actionImport", translate("DataActions", "&Import…"),
            translate("DataActions", "Import contacts from LinkedIn, a vCard or CSV file, or "
                                     "a full export"))
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.triggered.connect(lambda: self.import_file())

    def _on_opened(self, info: workspace.WorkspaceInfo) -> None:
        self.import_action.setEnabled(not info.read_only)

    def import_file(self, path: Path | None = None) -> workers.Task | None:
        title = translate("DataActions", "Import")
        info = self.session.info
        if info is None:
            return None
        if info.read_only:
            self._message(title, translate("DataActions", "This workspace is read-only, so "
                                                          "nothing can be imported into it."))
            return None
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window, translate("DataActions", "Import"), self._folder("import"),
                translate("DataActions",
                          "Contacts and exports (*.csv *.vcf *.vcard *.json *.txt);;"
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
                         label=translate("DataActions", "Reading {0}…").format(path.name))

    def _after_read(self, read: _Read) -> None:
        title = translate("DataActions", "Import")
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

        self._run(translate("DataActions", "Import"), apply, preview, finished=self._imported,
                  label=translate("DataActions", "Importing {0}…").format(preview.path.name))

    def _imported(self, result: imports.ImportResult) -> None:
        from careerpivot.ui.dialogs.import_preview import kind_name

        self.ctx.bus.changed.emit(Area.CONTACTS)
        text = translate("DataActions", "{0}: {1} added, {2} updated, {3} skipped.").format(
            kind_name(result.kind), result.added, result.updated, result.skipped)
        self.ctx.bus.status.emit(text)
        self._message(translate("DataActions", "Import Finished"), text, warning=False)

    # --- full export into a new workspace -------------------------------------------------
    def import_full_export(self, source: imports.SourceFile) -> None:
        title = translate("DataActions", "Import Full Export")
        answer = QMessageBox.question(
            self.window, title,
            translate("DataActions",
                      "{0} is a full export of a workspace. It is imported into a new "
                      "workspace file, so nothing in the current one changes. Choose where to "
                      "save the new workspace.").format(source.path.name),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Ok)
        if answer != QMessageBox.StandardButton.Ok:
            return
        suggested = Path(self._folder("workspace")) / (source.path.stem + paths.WORKSPACE_SUFFIX)
        name, _ = QFileDialog.getSaveFileName(
            self.window, title, str(suggested),
            translate("DataActions", "CareerPivot workspaces (*.careerpivot *.db);;"
                                     "All files (*)"))
        if not name:
            return
        target = Path(name)
        if not target.suffix:
            target = target.with_suffix(paths.WORKSPACE_SUFFIX)
        if target.exists():
            self._message(title, translate("DataActions",
                                           "{0} already exists. Choose a new file name: the "
                                           "full export never replaces an existing file.")
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
            self._message(title, translate("DataActions",
                                           "The full export was imported into {0}: {1} rows "
                                           "in {2} tables.").format(target, result.rows,
                                                                    result.tables),
                          warning=False)

        def failed(exc: BaseException) -> None:
            if previous is not None:
                self._reopen(previous)
            if isinstance(exc, CareerPivotError):
                self._message(title, exc.message + "\n\n" + translate(
                    "DataActions", "The new workspace {0} was left empty.").format(target),
                    detail=exc.detail)
            else:
                raise exc

        task = self._run(title, run, source.data, finished=finished, failed=failed,
                         label=translate("DataActions", "Importing {0}…")
                         .format(source.path.name))
        if task is not None:
            task.signals.cancelled.connect(
                lambda: self._reopen(previous) if previous is not None else None)

    def _reopen(self, path: Path) -> None:
        """Open again, in the background, the workspace that was open before."""
        def failed(exc: WorkspaceOpenError) -> None:
            self._message(translate("DataActions", "Open Workspace"), exc.message,
                          detail=exc.detail)
            self.window.show_opening(translate(
                "DataActions", "No workspace is open. Open one from the File menu."))

        self._open_then(path, lambda _info: None, failed)
