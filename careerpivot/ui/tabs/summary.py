"""The Summary tab: the profile, narrative, skills, selected work and ask of the one-page value
summary, beside a live preview of the PDF.

Every edit is stored when it is made (the form binder); the preview is rebuilt off the GUI
thread 400 ms after typing stops, from the stored data overlaid with what the editors show at
that moment, so it follows typing without waiting for the store. Under the preview the tab says
whether the page fits — and, when it cannot, exactly what does not fit and how much to cut.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerpivot.errors import CareerPivotError, ValidationError
from careerpivot.services import summary as service
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.undo import push_change, push_delete
from careerpivot.ui.widgets.forms import FormBinder, error_label
from careerpivot.ui.widgets.pdf_preview import PdfPreview

#: The profile's single-line fields in the order of the form.
PROFILE_LINES = ("full_name", "headline", "current_role", "location", "email", "phone",
                 "website", "linkedin")


def build_preview(doc: service.SummaryDocument, page_size: str) -> tuple[bytes, Any]:
    """Worker side of the preview: the draft PDF (red markers where text is cut) and its
    fit report."""
    from careerpivot.reports.summary import build_summary

    pdf = build_summary(doc, page_size, draft=True)
    return pdf.data, pdf.fit


class SummaryTab(TabBase):
    areas = frozenset({Area.SUMMARY, Area.SKILLS, Area.LEARNING})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._documents = None  # ui.export.DocumentController, attached or made on demand
        self._portfolio_id: int | None = None
        self._selected_skill: int | None = None
        self.last_report: Any = None
        self.last_error: BaseException | None = None  # of the last preview build that failed
        self._filling = False  # reload() is putting the stored data in the editors

        self.profile_binder = FormBinder(ctx, service.save_profile_field, area="summary",
                                         what="profile", parent=self,
                                         reload=service.profile_values)
        self.item_binder = FormBinder(ctx, service.save_portfolio_field, area="summary",
                                      what="portfolio item", parent=self,
                                      reload=service.portfolio_values)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("summarySplitter")
        self.splitter.addWidget(self._build_editor())
        self.splitter.addWidget(self._build_preview_side())
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.profile_binder.stored.connect(lambda _f: self.schedule_preview())
        self.item_binder.stored.connect(lambda _f: self._after_item_stored())

    # --- construction ---------------------------------------------------------------------
    def _build_editor(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setObjectName("summaryEditorScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(12)

        intro = QLabel(self.tr(
            "<b>Your one-page value summary.</b> What you type here is saved at once and "
            "appears in the preview: the page people in your new field will read."))
        intro.setWordWrap(True)
        intro.setObjectName("summaryIntro")
        column.addWidget(intro)

        # profile
        profile = QGroupBox(self.tr("Profile"))
        form = QFormLayout(profile)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = {
            "full_name": (self.tr("Full &name"), self.tr("Amara Lindqvist")),
            "headline": (self.tr("&Headline"),
                         self.tr("Project coordinator moving into product management")),
            "current_role": (self.tr("Current &role"),
                             self.tr("Senior Project Coordinator, Halden Logistics")),
            "location": (self.tr("&Location"), self.tr("Leeds, United Kingdom")),
            "email": (self.tr("&E-mail"), self.tr("name@example.org")),
            "phone": (self.tr("P&hone"), self.tr("+44 7700 900418")),
            "website": (self.tr("&Website"), self.tr("example.org")),
            "linkedin": (self.tr("Lin&kedIn"), self.tr("linkedin.com/in/your-name")),
        }
        self.profile_edits: dict[str, QWidget] = {}
        for field in PROFILE_LINES:
            text, placeholder = labels[field]
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            error = error_label(profile)
            self.profile_binder.bind(field, edit, error, title=text.replace("&", ""))
            edit.textEdited.connect(lambda _t: self.schedule_preview())
            self.profile_edits[field] = edit
            holder = QWidget()
            lay = QVBoxLayout(holder)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(edit)
            lay.addWidget(error)
            form.addRow(text, holder)
            form.labelForField(holder).setBuddy(edit)
        column.addWidget(profile)

        # narrative
        narrative_box = QGroupBox(self.tr("Narrative"))
        lay = QVBoxLayout(narrative_box)
        hint = QLabel(self.tr("Connect the strengths you have with the role you want, in three "
                              "to five sentences."))
        hint.setWordWrap(True)
        hint.setObjectName("hintLabel")
        lay.addWidget(hint)
        self.narrative_edit = QPlainTextEdit()
        self.narrative_edit.setTabChangesFocus(True)
        self.narrative_edit.setMinimumHeight(120)
        self.narrative_edit.setMaximumHeight(200)
        self.narrative_edit.setAccessibleName(self.tr("Narrative"))
        error = error_label(narrative_box)
        self.profile_binder.bind("narrative", self.narrative_edit, error,
                                 title=self.tr("narrative"))
        self.narrative_edit.textChanged.connect(self._narrative_changed)
        lay.addWidget(self.narrative_edit)
        self.narrative_count = QLabel()
        self.narrative_count.setObjectName("narrativeCount")
        lay.addWidget(self.narrative_count)
        lay.addWidget(error)
        column.addWidget(narrative_box)

        column.addWidget(self._build_skills())
        column.addWidget(self._build_portfolio())

        # the ask
        ask_box = QGroupBox(self.tr("How others can help (the ask)"))
        lay = QVBoxLayout(ask_box)
        hint = QLabel(self.tr("Be specific: informational interviews, a project to collaborate "
                              "on, an internship, an introduction."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.ask_edit = QPlainTextEdit()
        self.ask_edit.setTabChangesFocus(True)
        self.ask_edit.setMinimumHeight(70)
        self.ask_edit.setMaximumHeight(120)
        self.ask_edit.setAccessibleName(self.tr("The ask"))
        error = error_label(ask_box)
        self.profile_binder.bind("ask", self.ask_edit, error, title=self.tr("ask"))
        self.ask_edit.textChanged.connect(self.schedule_preview)
        lay.addWidget(self.ask_edit)
        lay.addWidget(error)
        column.addWidget(ask_box)
        column.addStretch(1)

        scroll.setWidget(body)
        scroll.setMinimumWidth(360)
        return scroll

    def _build_skills(self) -> QWidget:
        box = QGroupBox(self.tr("Skills on the page"))
        lay = QVBoxLayout(box)
        hint = QLabel(self.tr("Choose from your transferable strengths and the skills you are "
                              "building; the order here is the order on the page."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        row = QHBoxLayout()
        self.skills_list = QListWidget()
        self.skills_list.setObjectName("chosenSkillsList")
        self.skills_list.setAccessibleName(self.tr("Skills on the summary"))
        self.skills_list.setMaximumHeight(170)
        self.skills_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        row.addWidget(self.skills_list, 1)
        buttons = QVBoxLayout()
        self.skill_up = self._small_button(self.tr("Move &Up"), "skillUpButton",
                                           lambda: self._move_skill(-1))
        self.skill_down = self._small_button(self.tr("Move Do&wn"), "skillDownButton",
                                             lambda: self._move_skill(1))
        self.skill_remove = self._small_button(self.tr("Re&move"), "skillRemoveButton",
                                               self._remove_skill)
        for b in (self.skill_up, self.skill_down, self.skill_remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row.addLayout(buttons)
        lay.addLayout(row)
        add_row = QHBoxLayout()
        self.skill_combo = QComboBox()
        self.skill_combo.setObjectName("availableSkillsCombo")
        self.skill_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.skill_combo.setMinimumContentsLength(18)
        self.skill_add = self._small_button(self.tr("&Add Skill"), "skillAddButton",
                                            self._add_skill)
        add_row.addWidget(self.skill_combo, 1)
        add_row.addWidget(self.skill_add)
        lay.addLayout(add_row)
        self.skills_list.currentRowChanged.connect(lambda _r: self._update_skill_buttons())
        return box

    def _build_portfolio(self) -> QWidget:
        box = QGroupBox(self.tr("Selected work"))
        lay = QVBoxLayout(box)
        hint = QLabel(self.tr("Past achievements told in the language of the new field, and "
                              "experiments with their results. Untick an item to leave it off "
                              "the page."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        row = QHBoxLayout()
        self.portfolio_list = QListWidget()
        self.portfolio_list.setObjectName("portfolioList")
        self.portfolio_list.setAccessibleName(self.tr("Selected work"))
        self.portfolio_list.setMaximumHeight(170)
        row.addWidget(self.portfolio_list, 1)
        buttons = QVBoxLayout()
        self.work_add = self._small_button(self.tr("New &Item"), "portfolioAddButton",
                                           self._add_item)
        self.work_from_experiment = QToolButton()
        self.work_from_experiment.setObjectName("portfolioFromExperimentButton")
        self.work_from_experiment.setText(self.tr("From E&xperiment"))
        self.work_from_experiment.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.experiment_menu = QMenu(self.work_from_experiment)
        self.experiment_menu.aboutToShow.connect(self._fill_experiment_menu)
        self.work_from_experiment.setMenu(self.experiment_menu)
        self.work_up = self._small_button(self.tr("Move Up"), "portfolioUpButton",
                                          lambda: self._move_item(-1))
        self.work_down = self._small_button(self.tr("Move Down"), "portfolioDownButton",
                                            lambda: self._move_item(1))
        self.work_remove = self._small_button(self.tr("Delete"), "portfolioDeleteButton",
                                              self._delete_item)
        for b in (self.work_add, self.work_from_experiment, self.work_up, self.work_down,
                  self.work_remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row.addLayout(buttons)
        lay.addLayout(row)

        editor = QWidget()
        editor.setObjectName("portfolioEditor")
        form = QFormLayout(editor)
        form.setContentsMargins(0, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.item_edits: dict[str, QWidget] = {}
        for field, text, placeholder in (
            ("title", self.tr("&Title"), self.tr("Rolled out a scheduling tool at six sites")),
            ("result", self.tr("Res&ult"),
             self.tr("One line: what it achieved, in the new field's terms")),
            ("url", self.tr("Lin&k"), self.tr("Optional: a page that shows the work")),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            self.item_edits[field] = edit
            self._bind_item(form, field, edit, text)
        kind = QComboBox()
        for key, name in service.PORTFOLIO_KINDS.items():
            kind.addItem(self.tr(name), key)
        self.item_edits["kind"] = kind
        self._bind_item(form, "kind", kind, self.tr("&Kind"))
        learning = QComboBox()
        self.item_edits["learning"] = learning
        self._bind_item(form, "learning", learning, self.tr("E&xperiment"))
        self.portfolio_editor = editor
        lay.addWidget(editor)

        self.portfolio_list.currentItemChanged.connect(self._item_selected)
        self.portfolio_list.itemChanged.connect(self._item_check_changed)
        return box

    def _bind_item(self, form: QFormLayout, field: str, editor: QWidget, text: str) -> None:
        error = error_label()
        self.item_binder.bind(field, editor, error, title=text.replace("&", ""))
        editor.setObjectName(f"portfolio_{field}Edit")
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(editor)
        lay.addWidget(error)
        form.addRow(text, holder)
        form.labelForField(holder).setBuddy(editor)

    def _small_button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _build_preview_side(self) -> QWidget:
        side = QWidget()
        side.setObjectName("summaryPreviewSide")
        lay = QVBoxLayout(side)
        lay.setContentsMargins(8, 12, 12, 12)
        bar = QHBoxLayout()
        paper = QLabel(self.tr("&Paper:"))
        self.page_size_combo = QComboBox()
        self.page_size_combo.setObjectName("pageSizeCombo")
        paper.setBuddy(self.page_size_combo)
        self._fill_page_sizes()
        self.page_size_combo.activated.connect(lambda _i: self._page_size_chosen())
        bar.addWidget(paper)
        bar.addWidget(self.page_size_combo)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("&Export PDF…"))
        self.export_button.setObjectName("exportSummaryButton")
        self.export_button.clicked.connect(lambda _=False: self.export_pdf())
        self.print_button = QPushButton(self.tr("Pr&int…"))
        self.print_button.setObjectName("printSummaryButton")
        self.print_button.clicked.connect(lambda _=False: self.print_pdf())
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)
        lay.addLayout(bar)

        self.fit_label = QLabel()
        self.fit_label.setObjectName("fitReport")
        self.fit_label.setWordWrap(True)
        self.fit_label.setTextFormat(Qt.TextFormat.RichText)
        self.fit_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fit_label.setMinimumWidth(120)
        lay.addWidget(self.fit_label)

        self.preview = PdfPreview(side)
        self.preview.rendered.connect(self._preview_rendered)
        self.preview.failed.connect(self._preview_failed)
        lay.addWidget(self.preview, 1)
        return side

    def _fill_page_sizes(self) -> None:
        from careerpivot.ui.export import locale_page_size

        combo = self.page_size_combo
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem(self.tr("As usual here ({0})").format(locale_page_size()), "")
            combo.addItem(self.tr("A4"), "A4")
            combo.addItem(self.tr("US Letter"), "Letter")

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
            self._load_profile(values)
            self._load_skills(chosen, available)
            self._load_portfolio(items, experiments)
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

    def _load_profile(self, values: dict[str, Any]) -> None:
        binder = self.profile_binder
        if binder.row_id is None:
            binder.load(service.PROFILE_ID, values)
        else:
            # never overwrite what is being typed: only fields without a pending edit
            binder.loading = True
            try:
                for field, binding in binder.fields.items():
                    if binding.pending or binding.editor.hasFocus():
                        continue
                    binding.set_value(values.get(field))
            finally:
                binder.loading = False
        index = self.page_size_combo.findData(values.get("page_size", ""))
        with QSignalBlocker(self.page_size_combo):
            self.page_size_combo.setCurrentIndex(max(index, 0))
        self._narrative_changed()

    def _load_skills(self, chosen: list, available: list) -> None:
        current = self._selected_skill or self._current_skill()
        self._selected_skill = None
        with QSignalBlocker(self.skills_list):
            self.skills_list.clear()
            for skill in chosen:
                item = QListWidgetItem(skill.name)
                item.setData(Qt.ItemDataRole.UserRole, skill.skill_id)
                item.setToolTip(self.tr("Transferable strength") if skill.transferable
                                else self.tr("In development") if skill.gap else "")
                self.skills_list.addItem(item)
                if skill.skill_id == current:
                    self.skills_list.setCurrentItem(item)
        groups = {"strength": self.tr("Transferable strengths"),
                  "developing": self.tr("Skills in development"),
                  "other": self.tr("Other skills")}
        combo = self.skill_combo
        with QSignalBlocker(combo):
            combo.clear()
            last_group = None
            for choice in available:
                if choice.group != last_group:
                    combo.addItem(f"— {groups[choice.group]} —", None)
                    index = combo.count() - 1
                    combo.model().item(index).setEnabled(False)
                    last_group = choice.group
                combo.addItem(choice.name, choice.skill_id)
            if not available:
                combo.addItem(self.tr("No more skills: add them in the Development tab"), None)
            for i in range(combo.count()):
                if combo.itemData(i) is not None:
                    combo.setCurrentIndex(i)
                    break
        self._update_skill_buttons()

    def _load_portfolio(self, items: list, experiments: list) -> None:
        learning = self.item_edits["learning"]
        with QSignalBlocker(learning):
            learning.clear()
            learning.addItem(self.tr("(none)"), None)
            for e in experiments:
                learning.addItem(e.title, e.learning_id)
        keep = self._portfolio_id
        with QSignalBlocker(self.portfolio_list):
            self.portfolio_list.clear()
            selected = None
            for row in items:
                item = QListWidgetItem(self._item_text(row))
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if row.included
                                   else Qt.CheckState.Unchecked)
                item.setToolTip(row.result)
                self.portfolio_list.addItem(item)
                if row.id == keep:
                    selected = item
            if selected is None and self.portfolio_list.count():
                selected = self.portfolio_list.item(0)
            if selected is not None:
                self.portfolio_list.setCurrentItem(selected)
        self._show_item(selected.data(Qt.ItemDataRole.UserRole) if selected else None)

    def _item_text(self, row: service.PortfolioRow) -> str:
        if row.kind == "experiment":
            return self.tr("Experiment: {0}").format(row.title)
        return row.title

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
            except (ValidationError, CareerPivotError):
                continue  # an invalid value is shown next to its field, not on the page
            live[field] = cleaned
        return doc.replace(**live) if live else doc

    def page_size(self) -> str:
        from careerpivot.ui.export import effective_page_size

        return effective_page_size(self.page_size_combo.currentData() or "")

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
        self.preview.request(build_preview, doc, self.page_size(), delay=delay)

    def _preview_rendered(self, report: Any) -> None:
        self.last_report = report
        self._show_fit(report)
        fits = bool(report.fits)
        for button in (self.export_button, self.print_button):
            button.setEnabled(fits)
            button.setToolTip("" if fits else self.tr(
                "The summary does not fit on one page yet; see what to cut above the "
                "preview."))

    def _preview_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        message = exc.message if isinstance(exc, CareerPivotError) else str(exc)
        self.fit_label.setText(self.tr("The preview could not be made: {0}").format(message))

    def fit_text(self, report: Any) -> str:
        if report.fits:
            if report.scale < 0.995:
                return self.tr("Fits on one page, with the text set a little smaller "
                               "({0} pt) to make room.").format(f"{report.body_size:g}")
            return self.tr("Fits on one page.")
        sections = {
            "header": self.tr("Header"), "narrative": self.tr("Narrative"),
            "skills": self.tr("Skills"), "work": self.tr("Selected work"),
            "ask": self.tr("How you can help"),
        }
        rows = []
        for o in report.overflow:
            if o.section == "skills" and o.items:
                what = self.tr("%n skill(s) do not fit.", "", len(o.items))
            elif o.section == "work" and o.items:
                first, last = o.items[0], o.items[-1]
                what = (self.tr("item {0} does not fit.").format(first) if first == last
                        else self.tr("items {0}–{1} do not fit.").format(first, last))
            else:
                what = self.tr("the last {0} of {1} lines do not fit.").format(
                    o.lines, o.total_lines)
            rows.append(f"\u2022 <b>{sections[o.section]}</b>: {what}")
        head = self.tr(
            "<b>Does not fit on one page</b>, even at the smallest readable size. Cut about "
            "{0} lines (roughly {1} words) in total.").format(report.lines_to_cut,
                                                              report.words_to_cut)
        tail = self.tr("Nothing is cut for you: export and print wait until it fits.")
        return "<br/>".join([head, *rows, tail])

    def _show_fit(self, report: Any) -> None:
        self.fit_label.setText(self.fit_text(report))
        self.fit_label.setStyleSheet(
            "" if report.fits else
            "QLabel#fitReport { color: #8c1d18; background: #fdecea; "
            "border: 1px solid #f2b8b5; border-radius: 4px; padding: 6px; }")

    # --- profile ----------------------------------------------------------------------------
    def _narrative_changed(self) -> None:
        words = len(self.narrative_edit.toPlainText().split())
        self.narrative_count.setText(self.tr("%n word(s)", "", words))
        self.schedule_preview()

    def _page_size_chosen(self) -> None:
        value = self.page_size_combo.currentData() or ""
        try:
            old = service.get_profile().page_size
            service.update_profile("page_size", value)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        push_change(self.ctx, self.tr("paper size"), Area.SUMMARY,
                    lambda: service.update_profile("page_size", old),
                    lambda: service.update_profile("page_size", value))
        self.schedule_preview(delay=False)

    # --- skills -----------------------------------------------------------------------------
    def _current_skill(self) -> int | None:
        item = self.skills_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_skill_buttons(self) -> None:
        row = self.skills_list.currentRow()
        count = self.skills_list.count()
        self.skill_up.setEnabled(row > 0)
        self.skill_down.setEnabled(0 <= row < count - 1)
        self.skill_remove.setEnabled(row >= 0)
        self.skill_add.setEnabled(self.skill_combo.currentData() is not None)

    def _run(self, fn, *args) -> tuple[bool, Any]:
        """Call a service; a refusal goes to the status bar. Returns (ok, result)."""
        try:
            return True, fn(*args)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return False, None

    def _add_skill(self) -> None:
        skill_id = self.skill_combo.currentData()
        if skill_id is None or not self._run(service.add_skill, skill_id)[0]:
            return
        push_change(self.ctx, self.tr("add skill to summary"), Area.SUMMARY,
                    lambda: service.remove_skill(skill_id),
                    lambda: service.add_skill(skill_id))
        self._selected_skill = skill_id
        self.ctx.bus.changed.emit(Area.SUMMARY)

    def _remove_skill(self) -> None:
        skill_id = self._current_skill()
        if skill_id is None:
            return
        ok, position = self._run(service.remove_skill, skill_id)
        if not ok or position is None:
            return
        push_change(self.ctx, self.tr("remove skill from summary"), Area.SUMMARY,
                    lambda: service.add_skill(skill_id, position),
                    lambda: service.remove_skill(skill_id))
        self.ctx.bus.changed.emit(Area.SUMMARY)

    def _move_skill(self, delta: int) -> None:
        skill_id = self._current_skill()
        if skill_id is None or not self._run(service.move_skill, skill_id, delta)[1]:
            return
        push_change(self.ctx, self.tr("reorder skills"), Area.SUMMARY,
                    lambda: service.move_skill(skill_id, -delta),
                    lambda: service.move_skill(skill_id, delta))
        self._selected_skill = skill_id
        self.ctx.bus.changed.emit(Area.SUMMARY)

    # --- portfolio ----------------------------------------------------------------------------
    def _current_item_id(self) -> int | None:
        item = self.portfolio_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _item_selected(self, current: QListWidgetItem | None, _previous=None) -> None:
        self._show_item(current.data(Qt.ItemDataRole.UserRole) if current else None)

    def _show_item(self, item_id: int | None) -> None:
        self._portfolio_id = item_id
        values: dict[str, Any] = {}
        if item_id is not None:
            try:
                values = service.portfolio_values(item_id)
            except CareerPivotError:
                item_id = None
        if item_id is None or self.item_binder.row_id != item_id or not any(
                b.pending for b in self.item_binder.fields.values()):
            self.item_binder.load(item_id, values)
        count = self.portfolio_list.count()
        row = self.portfolio_list.currentRow()
        self.work_up.setEnabled(item_id is not None and row > 0)
        self.work_down.setEnabled(item_id is not None and 0 <= row < count - 1)
        self.work_remove.setEnabled(item_id is not None)

    def _after_item_stored(self) -> None:
        item = self.portfolio_list.currentItem()
        if item is not None and self._portfolio_id is not None:
            try:
                row = service.get_portfolio_item(self._portfolio_id)
            except CareerPivotError:
                return
            with QSignalBlocker(self.portfolio_list):
                item.setText(self._item_text(row))
        self.schedule_preview()

    def _item_check_changed(self, item: QListWidgetItem) -> None:
        item_id = item.data(Qt.ItemDataRole.UserRole)
        included = item.checkState() == Qt.CheckState.Checked
        if not self._run(service.update_portfolio_item, item_id, "included", included)[0]:
            return
        push_change(self.ctx, self.tr("include work item"), Area.SUMMARY,
                    lambda: service.update_portfolio_item(item_id, "included", not included),
                    lambda: service.update_portfolio_item(item_id, "included", included))
        self.ctx.bus.changed.emit(Area.SUMMARY)

    def _add_item(self) -> None:
        self.item_binder.flush()
        ok, item_id = self._run(service.add_portfolio_item, self.tr("New achievement"))
        if ok:
            self._after_add(item_id)

    def _after_add(self, item_id: int) -> None:
        def undo() -> None:
            holder["snap"] = service.delete_portfolio_item(holder["id"])

        def redo() -> None:
            from careerpivot.services import workspace

            workspace.restore_snapshot(holder["snap"])

        holder: dict[str, Any] = {"id": item_id}
        push_change(self.ctx, self.tr("add work item"), Area.SUMMARY, undo, redo)
        self._portfolio_id = item_id
        self.ctx.bus.changed.emit(Area.SUMMARY)
        title = self.item_edits["title"]
        title.setFocus()
        title.selectAll()  # type: ignore[attr-defined]

    def _fill_experiment_menu(self) -> None:
        self.experiment_menu.clear()
        try:
            experiments = service.experiment_choices()
            used = {r.learning_id for r in service.portfolio_items() if r.learning_id}
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        if not experiments:
            self.experiment_menu.addAction(
                self.tr("No experiments yet: add them in the Development tab")).setEnabled(False)
            return
        for e in experiments:
            action = self.experiment_menu.addAction(e.title)
            action.setEnabled(e.learning_id not in used)
            action.triggered.connect(lambda _=False, lid=e.learning_id: self._add_experiment(lid))

    def _add_experiment(self, learning_id: int) -> None:
        ok, item_id = self._run(service.add_experiment, learning_id)
        if ok:
            self._after_add(item_id)

    def _delete_item(self) -> None:
        item_id = self._current_item_id()
        if item_id is None:
            return
        self.item_binder.flush()
        ok, snap = self._run(service.delete_portfolio_item, item_id)
        if not ok:
            return
        push_delete(self.ctx, self.tr("delete work item"), Area.SUMMARY, snap,
                    lambda: service.delete_portfolio_item(item_id))
        self._portfolio_id = None
        self.ctx.bus.changed.emit(Area.SUMMARY)

    def _move_item(self, delta: int) -> None:
        item_id = self._current_item_id()
        if item_id is None or not self._run(service.move_portfolio_item, item_id, delta)[1]:
            return
        push_change(self.ctx, self.tr("reorder work"), Area.SUMMARY,
                    lambda: service.move_portfolio_item(item_id, -delta),
                    lambda: service.move_portfolio_item(item_id, delta))
        self.ctx.bus.changed.emit(Area.SUMMARY)

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

    def save_state(self, settings) -> None:
        settings.set_window_state("summarySplitter", self.splitter.saveState())

    def restore_state(self, settings) -> None:
        state = settings.window_state("summarySplitter")
        if state is not None:
            self.splitter.restoreState(state)
