"""The Summary tab itself: the editor column (profile, skills, selected work, ask) beside the
preview; it loads the summary into every page, asks for the preview as the pages report edits,
and answers the main window's hooks (export, print, state)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import summary as service
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.tabs.summary.portfolio_page import PortfolioPage
from careerpivot.ui.tabs.summary.preview_page import PreviewPage, build_preview
from careerpivot.ui.tabs.summary.profile_form import ProfileForm
from careerpivot.ui.tabs.summary.skills_page import SkillsPage

#: The widgets of each page the tab keeps a reference to, by the same names (as before the
#: tab was split into pages: tests and tools reach them on the tab).
_PAGE_ATTRIBUTES: dict[type, tuple[str, ...]] = {
    ProfileForm: ("profile_binder", "profile_edits", "narrative_edit", "narrative_count",
                  "ask_edit"),
    SkillsPage: ("skills_list", "skill_up", "skill_down", "skill_remove", "skill_combo",
                 "skill_add"),
    PortfolioPage: ("item_binder", "portfolio_list", "work_add", "work_from_experiment",
                    "experiment_menu", "work_up", "work_down", "work_remove", "item_edits",
                    "portfolio_editor"),
    PreviewPage: ("page_size_combo", "export_button", "print_button", "fit_label", "preview"),
}


class SummaryTab(TabBase):
    areas = frozenset({Area.SUMMARY, Area.SKILLS, Area.LEARNING})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._documents = None  # ui.export.DocumentController, attached or made on demand
        self.last_report: Any = None
        self.last_error: BaseException | None = None  # of the last preview build that failed
        self._filling = False  # reload() is putting the stored data in the editors
        self._missing: tuple[str, ...] = ()  # what the previewed summary lacks

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("summarySplitter")
        self.splitter.addWidget(self._build_editor())
        self.splitter.addWidget(self._build_preview_side())
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        for page in (self.profile_form, self.skills_page, self.portfolio_page,
                     self.preview_page):
            for name in _PAGE_ATTRIBUTES[type(page)]:
                setattr(self, name, getattr(page, name))
        self.profile_binder.stored.connect(lambda _f: self.schedule_preview())
        self.profile_form.edited.connect(self.schedule_preview)
        self.portfolio_page.edited.connect(self.schedule_preview)

    # --- construction ---------------------------------------------------------------------
    def _build_editor(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setObjectName("summaryEditorScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.profile_form = ProfileForm(self.ctx)
        self.skills_page = SkillsPage(self.ctx)
        self.skills_page.developmentRequested.connect(self._go_to_development)
        self.profile_form.add_section(self.skills_page)
        self.portfolio_page = PortfolioPage(self.ctx)
        self.profile_form.add_section(self.portfolio_page)
        self.profile_form.build_ask()
        scroll.setWidget(self.profile_form)
        scroll.setMinimumWidth(360)
        self.editor_scroll = scroll
        return scroll

    def _go_to_development(self) -> None:
        """Where the skills the page lists come from."""
        window: Any = self.window()
        if hasattr(window, "show_tab"):
            window.show_tab("developmentTab")

    def _build_preview_side(self) -> QWidget:
        self.preview_page = PreviewPage(self.ctx)
        self.preview_page.preview.rendered.connect(self._preview_rendered)
        self.preview_page.preview.failed.connect(self._preview_failed)
        self.preview_page.exportRequested.connect(lambda: self.export_pdf())
        self.preview_page.printRequested.connect(lambda: self.print_pdf())
        self.preview_page.pageSizeStored.connect(lambda: self.schedule_preview(delay=False))
        return self.preview_page

    # --- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            values = service.profile_values()
            chosen = service.chosen_skills()
            available = service.available_skills()
            items = service.portfolio_items()
            experiments = service.experiment_choices()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        # filling the editors asks for no preview of its own: one is asked for below
        self._filling = True
        try:
            self.profile_form.load(values)
            self.preview_page.show_page_size(values.get("page_size", ""))
            self.profile_form.update_narrative_count()
            self.skills_page.load(chosen, available)
            self.portfolio_page.load(items, experiments)
        finally:
            self._filling = False
        if self._painted:
            self.schedule_preview(delay=False)
        else:
            # The first preview is asked for once the tab has painted: its build runs in a
            # worker, whose Python code would take turns with the first paint. (That paint
            # shows the preview's "Preparing" either way: a build takes far longer.)
            self.when_idle(self._first_preview)

    def _first_preview(self, _deadline: float) -> bool:
        self.schedule_preview(delay=False)
        return True

    # --- the preview ----------------------------------------------------------------------
    def document_data(self) -> service.SummaryDocument:
        """The summary as it stands, including what is typed but not yet stored."""
        doc = service.summary_document_data()
        live: dict[str, str] = {}
        for field, binding in self.profile_binder.fields.items():
            if field == "page_size" or not binding.pending:
                continue
            value = binding.value()
            try:
                cleaned = service.clean_profile_field(field, value)
            except CareerPivotError:
                continue  # an invalid value is shown next to its field, not on the page
            live[field] = cleaned
        return doc.replace(**live) if live else doc

    def page_size(self) -> str:
        return self.preview_page.page_size()

    def schedule_preview(self, delay: bool = True) -> None:
        if self._filling:
            return
        if self.profile_binder.row_id is None and self._stale:
            return  # not loaded yet: showEvent reloads and asks then
        try:
            doc = self.document_data()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        self._missing = service.missing_parts(doc)
        self.preview.request(build_preview, doc, self.page_size(), delay=delay)

    def _preview_rendered(self, report: Any) -> None:
        self.last_report = report
        self.preview_page.show_report(report, self._missing)

    def _preview_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        self.preview_page.show_failure(exc)

    def fit_text(self, report: Any) -> str:
        return self.preview_page.fit_text(report)

    # --- export and print ------------------------------------------------------------------
    def attach_documents(self, controller) -> None:
        """Share the window's document controller (ui.export.install calls this)."""
        self._documents = controller

    def documents(self):
        if self._documents is None:
            from careerpivot.ui.export import DocumentController

            self._documents = DocumentController(self.ctx, self.window())
        return self._documents

    def export_pdf(self):
        self.flush_edits()
        return self.documents().export("summary")

    def print_pdf(self):
        self.flush_edits()
        return self.documents().print_document("summary", summary_data=self.document_data())

    # --- main window hooks --------------------------------------------------------------------
    def flush_edits(self) -> bool:
        ok = self.profile_binder.flush()
        return self.item_binder.flush() and ok

    def focus_search(self) -> None:
        self.profile_edits["full_name"].setFocus()

    def focus_part(self, part: str) -> None:
        """Put the cursor in the editor of one part of the summary (a profile field,
        "narrative", "skills" or "ask"), scrolled into view."""
        editors = {"narrative": self.narrative_edit, "skills": self.skills_page.focus_target(),
                   "ask": self.ask_edit}
        editor = editors.get(part) or self.profile_edits.get(part)
        if editor is None:
            return
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor_scroll.ensureWidgetVisible(editor, 24, 48)
        # once a tab that was hidden has its geometry, scroll again
        scroll = self.editor_scroll
        QTimer.singleShot(0, scroll, lambda: scroll.ensureWidgetVisible(editor, 24, 48))

    def save_state(self, settings) -> None:
        settings.set_window_state("summarySplitter", self.splitter.saveState())

    def restore_state(self, settings) -> None:
        state = settings.window_state("summarySplitter")
        if state is not None:
            self.splitter.restoreState(state)
