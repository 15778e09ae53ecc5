"""File > Export ▸: :class:`ExportActionsMixin`, the export menu of
:class:`careerpivot.ui.data_actions.DataActions`: each list as CSV, all lists as CSV files in
a folder, the calendar (.ics), the contacts (.vcf) and the full export (.json), each written
in a worker (atomically: a cancelled export leaves the previous file whole).

Its texts are translated under the controller's context, "DataActions".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from careerpivot.ui import workers

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


class ExportActionsMixin:
    """Export ▸ (``export_menu``) and its actions. A mixin of ``DataActions`` (it uses
    :class:`.base.DataActionsBase`)."""

    def _build_export_menu(self) -> None:
        self.export_menu = QMenu(translate("DataActions", "&Export"), self.window)
        self.export_menu.setObjectName("menuExport")
        self.export_csv_actions: dict[str, QAction] = {}
        titles = self._list_titles()
        for name in titles:  # the lists of services.exports.CSV_LISTS, in its order
            action = self._action(f"actionExportCsv_{name}",
                                  translate("DataActions", "{0} as CSV…").format(titles[name]))
            action.triggered.connect(lambda _=False, n=name: self.export("csv", n))
            self.export_csv_actions[name] = action
            self.export_menu.addAction(action)
        self.export_all_csv_action = self._action(
            "actionExportAllCsv", translate("DataActions", "All Lists as CSV…"),
            translate("DataActions", "Write every list as a CSV file into a folder"))
        self.export_all_csv_action.triggered.connect(lambda: self.export("csv-all"))
        self.export_menu.addAction(self.export_all_csv_action)
        self.export_menu.addSeparator()
        self.export_ics_action = self._action(
            "actionExportIcs", translate("DataActions", "Calendar (.ics)…"),
            translate("DataActions", "Interviews, follow-ups, milestones and practice blocks "
                                     "for your calendar program"))
        self.export_ics_action.triggered.connect(lambda: self.export("ics"))
        self.export_menu.addAction(self.export_ics_action)
        self.export_vcf_action = self._action(
            "actionExportVcf", translate("DataActions", "Contacts (.vcf)…"),
            translate("DataActions", "Your network as vCards for an address book"))
        self.export_vcf_action.triggered.connect(lambda: self.export("vcf"))
        self.export_menu.addAction(self.export_vcf_action)
        self.export_menu.addSeparator()
        self.export_json_action = self._action(
            "actionExportJson", translate("DataActions", "Full Export (.json)…"),
            translate("DataActions", "The whole workspace in one file, to move it to another "
                                     "computer"))
        self.export_json_action.triggered.connect(lambda: self.export("json"))
        self.export_menu.addAction(self.export_json_action)

    def _list_titles(self) -> dict[str, str]:
        return {
            "contacts": translate("DataActions", "Contacts"),
            "interviews": translate("DataActions", "Interviews"),
            "assumptions": translate("DataActions", "Assumptions"),
            "skills": translate("DataActions", "Skills"),
            "learning": translate("DataActions", "Learning"),
            "milestones": translate("DataActions", "Milestones"),
            "log": translate("DataActions", "Log"),
        }

    def _ask_target(self, kind: str, list_name: str) -> Path | None:
        title = translate("DataActions", "Export")
        folder = Path(self._folder("export"))
        if kind == "csv-all":
            name = QFileDialog.getExistingDirectory(
                self.window, translate("DataActions", "Export All Lists"), str(folder))
            return Path(name) if name else None
        filters = {
            "csv": translate("DataActions", "CSV files (*.csv)"),
            "ics": translate("DataActions", "Calendar files (*.ics)"),
            "vcf": translate("DataActions", "vCard files (*.vcf)"),
            "json": translate("DataActions", "CareerPivot full export (*.json)"),
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
        title = translate("DataActions", "Export")

        def run(job: workers.Job, where: Path) -> list:  # of services.exports.Exported
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

        def finished(written: list) -> None:
            self._exported(kind, list_name, target, written)

        return self._run(title, run, target, finished=finished,
                         label=translate("DataActions", "Writing {0}…").format(target.name))

    def _exported(self, kind: str, list_name: str, target: Path, written: list) -> None:
        """Say what was exported, in words, naming the file (its path is the tooltip), with a
        link to its folder (see ``ui.export_notice``)."""
        from careerpivot.ui import export_notice

        where = written[0].path if len(written) == 1 else target
        export_notice.announce(self.window, self.ctx.bus,
                               export_notice.data_text(kind, target, written), where)
