"""Exporting and printing the PDF documents: the one-page summary, an interview prep sheet and
the transition plan.

:class:`DocumentController` asks where to save (remembering the last folder for each kind of
document), reads the document's data through services on the GUI thread (a few quick queries),
then builds the PDF and writes it atomically in a worker, with a progress dialog for anything
longer than a moment. It reports an unwritable folder or a full disk in plain words, and offers
to open the result. Printing builds the same PDF and prints it (see :mod:`printing`).

Nothing here imports ReportLab or QtPdf until a document is made.

Policy for a summary that does not fit on one page even at the smallest readable size: export
and print **refuse** and show what does not fit and how much to cut (the same report the
Summary tab shows). A file with silently cut text, or a second page, is never written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from careerpivot import paths
from careerpivot.core import clock
from careerpivot.core.errors import CareerPivotError
from careerpivot.ui import workers
from careerpivot.ui.context import AppContext
from careerpivot.ui.dialogs.choose_interview import ChooseInterviewDialog
from careerpivot.ui.i18n import error_title

KINDS = ("summary", "prep", "plan")


#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


# --- page size --------------------------------------------------------------------------------


def locale_page_size(locale: QLocale | None = None) -> str:
    """ "Letter" in the territories that use it (US, Canada, Mexico, ...), else "A4"."""
    from careerpivot.reports.styles import page_size_for_territory

    loc = locale or QLocale()
    return page_size_for_territory(QLocale.territoryToCode(loc.territory()))


def effective_page_size(choice: str, locale: QLocale | None = None) -> str:
    """The profile's choice ("A4", "Letter") or, for "", the locale's."""
    from careerpivot.reports.styles import resolve_page_size

    return resolve_page_size(choice, locale_page_size(locale))


# --- building (worker side: plain data in, bytes out) ----------------------------------------


def build_document(kind: str, data: Any, page_size: str) -> bytes:
    """The PDF of a document. For the summary, raises SummaryDoesNotFit when it does not fit."""
    if kind == "summary":
        from careerpivot.reports import summary as report

        pdf = report.build_summary(data, page_size)
        if not pdf.fit.fits:
            raise report.SummaryDoesNotFit(pdf.fit)
        return pdf.data
    if kind == "prep":
        from careerpivot.reports import prep

        return prep.build_prep(data, page_size)
    if kind == "plan":
        from careerpivot.reports import plan

        return plan.build_plan(data, page_size)
    raise ValueError(f"unknown document {kind!r}")


def _export_job(job: workers.Job, kind: str, data: Any, page_size: str,
                path: str) -> tuple[str, int]:
    """Build and write the document: (the path written, its pages)."""
    from careerpivot import fileio
    from careerpivot.formats.pdfpages import page_count

    pdf = build_document(kind, data, page_size)
    job.progress(1, 2, "")  # the last moment a cancel is honoured: the write is atomic
    fileio.write_atomic(path, pdf)
    return path, page_count(pdf)


def _build_job(job: workers.Job, kind: str, data: Any, page_size: str) -> bytes:
    return build_document(kind, data, page_size)


# --- the controller ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DocumentRequest:
    kind: str
    data: Any
    page_size: str
    title: str  # for dialogs and the print job
    file_stem: str  # suggested file name without .pdf


def _slug(text: str) -> str:
    text = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", "", text).strip()
    return re.sub(r"\s+", " ", text)[:80] or "document"


class DocumentController(QObject):
    """Exports and prints documents for one window."""

    exported = Signal(str)  # the path written
    failed = Signal(str)  # the message shown
    printed = Signal(str)  # the document's title

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window = parent
        self.task: workers.Task | None = None
        self._progress: QProgressDialog | None = None
        self._printer = None  # printing.PdfPrinter, made on first use

    # dialogs tests replace ----------------------------------------------------------------
    @classmethod
    def ask_path(cls, parent: QWidget | None, title: str, suggested: str) -> str:
        name, _ = QFileDialog.getSaveFileName(
            parent, title, suggested, translate("Export", "PDF documents (*.pdf)")
        )
        return name

    @classmethod
    def ask_open(cls, parent: QWidget | None, path: Path) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("Export", "Export finished"),
            translate("Export", "{0} was saved in {1}.").format(path.name, path.parent),
            QMessageBox.StandardButton.Close,
            parent,
        )
        box.setObjectName("exportDoneDialog")
        open_button = box.addButton(translate("Export", "Open"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(open_button)
        box.exec()
        return box.clickedButton() is open_button

    @classmethod
    def show_error(cls, parent: QWidget | None, title: str, message: str, detail: str = "") -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
        )
        box.setObjectName("exportErrorDialog")
        if detail:
            box.setDetailedText(detail)
        box.exec()

    # requests -----------------------------------------------------------------------------
    def request(
        self, kind: str, interview_id: int | None = None, summary_data: Any = None
    ) -> DocumentRequest | None:
        """Read a document's data (GUI thread, quick). None when the user cancelled."""
        from careerpivot.services import documents
        from careerpivot.services import summary as summary_service

        try:
            profile = summary_service.get_profile()
            page_size = effective_page_size(profile.page_size)
            today = clock.today().isoformat()
            if kind == "summary":
                data = summary_data or summary_service.summary_document_data()
                name = data.full_name or translate("Export", "Value summary")
                return DocumentRequest(
                    kind,
                    data,
                    page_size,
                    translate("Export", "Value summary"),
                    _slug(f"{name} - summary"),
                )
            if kind == "plan":
                data = documents.plan_document_data()
                return DocumentRequest(
                    kind,
                    data,
                    page_size,
                    translate("Export", "Transition plan"),
                    _slug(f"Transition plan {today}"),
                )
            if kind == "prep":
                if interview_id is None:
                    choices = documents.interview_choices()
                    if not choices:
                        self.show_error(
                            self.window,
                            translate("Export", "Interview Prep Sheet"),
                            translate(
                                "Export",
                                "There are no interviews yet. Add one in the Interviews tab first.",
                            ),
                        )
                        return None
                    interview_id = ChooseInterviewDialog.ask(
                        self.window, choices, self._current_interview()
                    )
                    if interview_id is None:
                        return None
                data = documents.prep_sheet_data(interview_id)
                return DocumentRequest(
                    kind,
                    data,
                    page_size,
                    translate("Export", "Prep sheet: {0}").format(data.contact_name),
                    _slug(f"Prep {data.contact_name} {today}"),
                )
        except CareerPivotError as exc:
            self.show_error(self.window, error_title(exc), exc.message, exc.detail)
            return None
        raise ValueError(f"unknown document {kind!r}")

    def _current_interview(self) -> int | None:
        tabs = getattr(self.window, "tab_widgets", {})
        tab = tabs.get("interviewsTab") if isinstance(tabs, dict) else None
        current = getattr(tab, "current_interview_id", None)
        try:
            return current() if callable(current) else None
        except Exception:
            return None

    # export -------------------------------------------------------------------------------
    def export(self, kind: str, interview_id: int | None = None) -> workers.Task | None:
        """Ask for a file name and export. Returns the running task (or None)."""
        if self.task is not None:
            self.ctx.bus.status.emit(translate("Export", "An export is already running."))
            return None
        req = self.request(kind, interview_id)
        if req is None or not self.confirm_complete(req):
            return None
        purpose = f"export-{kind}"
        folder = self.ctx.settings.last_folder(purpose) or str(paths.documents_dir())
        name = self.ask_path(
            self.window,
            translate("Export", "Export {0} as PDF").format(req.title),
            str(Path(folder) / (req.file_stem + ".pdf")),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.ctx.settings.set_last_folder(purpose, str(path.parent))
        return self.export_to(req, path)

    def export_to(
        self, req: DocumentRequest, path: Path, *, offer_open: bool = True
    ) -> workers.Task:
        """Build and write ``req`` to ``path`` in a worker."""
        task = workers.submit(_export_job, req.kind, req.data, req.page_size, str(path))
        self.task = task
        self._show_progress(translate("Export", "Exporting {0}…").format(req.title), task)
        task.signals.finished.connect(
            lambda result: self._exported(task, req.kind, Path(result[0]), result[1], offer_open))
        task.signals.failed.connect(
            lambda exc: self._failed(task, exc, translate("Export", "Export failed"))
        )
        task.signals.cancelled.connect(
            lambda: self.ctx.bus.status.emit(
                translate("Export", "Export cancelled; nothing was written.")
            )
        )
        task.signals.done.connect(lambda: self._task_done(task))
        return task

    def _show_progress(self, text: str, task: workers.Task) -> None:
        progress = QProgressDialog(text, translate("Export", "Cancel"), 0, 0, self.window)
        progress.setObjectName("exportProgress")
        from PySide6.QtCore import Qt  # (not at import: see ui.main_window)

        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(task.cancel)
        self._progress = progress

    def _task_done(self, task: workers.Task) -> None:
        """The task ended: ready for the next one (called before any dialog is shown)."""
        if self.task is not task:
            return
        self.task = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _exported(self, task: workers.Task, kind: str, path: Path, pages: int,
                  offer_open: bool) -> None:
        """Say what was saved ("Saved the summary (1 page) to summary.pdf.", the full path
        the tooltip, Show in Folder beside it), then offer to open it."""
        self._task_done(task)
        from careerpivot.ui import export_notice

        export_notice.announce(self.window, self.ctx.bus,
                               export_notice.document_text(kind, pages, path), path)
        self.exported.emit(str(path))
        if offer_open and self.ask_open(self.window, path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _failed(self, task: workers.Task, exc: BaseException, title: str) -> None:
        self._task_done(task)
        if isinstance(exc, CareerPivotError):
            message, detail, title = exc.message, exc.detail, error_title(exc)
        else:
            message = translate(
                "Export", "The document could not be made because of an unexpected error."
            )
            detail = getattr(exc, "__traceback_text__", repr(exc))
        self.failed.emit(message)
        self.show_error(self.window, title, message, detail)

    # print --------------------------------------------------------------------------------
    def print_document(
        self, kind: str, interview_id: int | None = None, summary_data: Any = None
    ) -> workers.Task | None:
        """Build the document in a worker, then open the print preview of its pages."""
        if self.task is not None:
            self.ctx.bus.status.emit(translate("Export", "Another document is being prepared."))
            return None
        req = self.request(kind, interview_id, summary_data)
        if req is None or not self.confirm_complete(req, printing=True):
            return None
        return self.print_request(req)

    def confirm_complete(self, req: DocumentRequest, printing: bool = False) -> bool:
        """A summary without its name, narrative, skills or ask goes out only when the user
        says so; "Go Back" shows the Summary tab at the first missing field."""
        if req.kind != "summary":
            return True
        from careerpivot.services.summary import missing_parts
        from careerpivot.ui.dialogs.summary_incomplete import SummaryIncompleteDialog

        missing = missing_parts(req.data)
        if not missing or SummaryIncompleteDialog.ask(self.window, missing, printing):
            return True
        tab = getattr(self.window, "tab_widgets", {}).get("summaryTab")
        if tab is not None and hasattr(self.window, "show_tab"):
            self.window.show_tab("summaryTab")
            tab.focus_part(missing[0])
        return False

    def print_request(self, req: DocumentRequest) -> workers.Task:
        task = workers.submit(_build_job, req.kind, req.data, req.page_size)
        self.task = task
        self._show_progress(
            translate("Export", "Preparing {0} for printing…").format(req.title), task
        )
        task.signals.finished.connect(lambda pdf: self._preview(task, pdf, req.title))
        task.signals.failed.connect(
            lambda exc: self._failed(task, exc, translate("Export", "Cannot print"))
        )
        task.signals.done.connect(lambda: self._task_done(task))
        return task

    def printer(self):
        if self._printer is None:
            from careerpivot.ui.printing import PdfPrinter

            self._printer = PdfPrinter(self)
        return self._printer

    def _preview(self, task: workers.Task, pdf: bytes, title: str) -> None:
        self._task_done(task)
        self.printer().preview(pdf, title, self.window)
        self.printed.emit(title)


# --- menu actions -----------------------------------------------------------------------------


@dataclasses.dataclass
class DocumentActions:
    controller: DocumentController
    export_summary: QAction
    export_prep: QAction
    export_plan: QAction
    print: QAction

    def actions(self) -> tuple[QAction, ...]:
        return (self.export_summary, self.export_prep, self.export_plan, self.print)


def _action(
    parent: QWidget, name: str, text: str, slot: Callable[[], object], shortcut: object = None
) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    action.triggered.connect(lambda _=False: slot())
    return action


def print_current(window: QWidget, controller: DocumentController) -> None:
    """Print the document of the current tab: the plan on the Plan tab, a prep sheet on the
    Interviews tab, otherwise the value summary (the Summary tab's live text included)."""
    tabs = getattr(window, "tabs", None)
    current = tabs.currentWidget() if tabs is not None else None
    name = current.objectName() if current is not None else ""
    if name == "planTab":
        controller.print_document("plan")
    elif name == "interviewsTab":
        controller.print_document("prep")
    else:
        summary_tab = getattr(window, "tab_widgets", {}).get("summaryTab")
        live = getattr(summary_tab, "document_data", None)
        controller.print_document("summary", summary_data=live() if callable(live) else None)


def install(window: Any) -> DocumentActions:
    """Create the export and print actions and put them in the File menu at
    ``window.file_export_anchor``. Keep the result on the window."""
    controller = DocumentController(window.ctx, window)
    actions = DocumentActions(
        controller=controller,
        export_summary=_action(
            window,
            "actionExportSummaryPdf",
            translate("Export", "Export &Summary as PDF…"),
            lambda: controller.export("summary"),
        ),
        export_prep=_action(
            window,
            "actionExportPrepPdf",
            translate("Export", "Export Interview &Prep Sheet as PDF…"),
            lambda: controller.export("prep"),
        ),
        export_plan=_action(
            window,
            "actionExportPlanPdf",
            translate("Export", "Export P&lan as PDF…"),
            lambda: controller.export("plan"),
        ),
        print=_action(
            window,
            "actionPrint",
            translate("Export", "&Print…"),
            lambda: print_current(window, controller),
            QKeySequence.StandardKey.Print,
        ),
    )
    if not actions.print.shortcuts():
        actions.print.setShortcut(QKeySequence("Ctrl+P"))
    actions.print.setStatusTip(
        translate("Export", "Print the document of this tab (summary, plan or prep sheet)")
    )
    menu = window.file_menu
    anchor = window.file_export_anchor
    for action in (actions.export_summary, actions.export_prep, actions.export_plan):
        menu.insertAction(anchor, action)
    menu.insertSeparator(anchor)
    menu.insertAction(anchor, actions.print)
    summary_tab = getattr(window, "tab_widgets", {}).get("summaryTab")
    attach = getattr(summary_tab, "attach_documents", None)
    if callable(attach):
        attach(controller)
    return actions
