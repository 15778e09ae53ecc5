"""The Development tab itself: it lays out its pages, loads their data, keeps the selection of
its three lists and its inspector in step, and answers the main window's hooks."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import development, workspace
from careerpivot.services.development import RankedSkill
from careerpivot.settings import Settings
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.itemmodels import learning as lm
from careerpivot.ui.itemmodels import skills as sm
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.tabs.development.common import (
    KeptSelection,
    select_row,
    selected_id,
)
from careerpivot.ui.tabs.development.learning_form import LearningForm
from careerpivot.ui.tabs.development.learning_list import LearningPane
from careerpivot.ui.tabs.development.learning_page import LearningEditor
from careerpivot.ui.tabs.development.lists_panel import ListsPanel
from careerpivot.ui.tabs.development.skill_lists import RankedPane, StrengthsPane
from careerpivot.ui.tabs.development.skill_page import SkillInspector
from careerpivot.ui.widgets.spacing import tab_margins

#: Learning fields whose change shows in the development list (its Learning column lists the
#: titles of the items that are not dropped, by start date): after storing one of them the
#: ranking is read again too; any other field only refreshes the item's own row.
_RANKING_FIELDS = frozenset({"title", "status", "start_date"})

#: Skill fields whose change re-ranks the lists without reading the evidence again.
_RERANK_FIELDS = frozenset({"current_level", "target_level", "transferable", "kind"})

#: The detail pages of the inspector.
SKILL_PAGE, LEARNING_PAGE = 0, 1

#: The widgets of each page the tab keeps a reference to, by the same names (as before the
#: tab was split into pages: tests and tools reach them on the tab).
_PAGE_ATTRIBUTES = {
    RankedPane: ("skill_search", "kind_filter", "add_skill_button", "delete_skill_button",
                 "headline", "ranked_stack", "development_list", "ranked_empty_label"),
    StrengthsPane: ("strengths_stack", "strengths_list", "strengths_empty_label"),
    LearningPane: ("learning_count", "learning_filter", "add_learning_button",
                   "delete_learning_button", "learning_stack", "learning_table",
                   "progress_delegate", "learning_empty_label"),
    SkillInspector: ("skill_placeholder", "skill_heading", "skill_rank", "skill_why",
                     "skill_binder", "skill_name_edit", "skill_kind_combo", "current_combo",
                     "target_combo", "transferable_check", "skill_notes_edit",
                     "skill_learning_list", "skill_learning_empty", "add_for_skill_button"),
    LearningEditor: ("learning_placeholder", "learning_binder"),
    LearningForm: LearningForm.TAB_ATTRIBUTES,
}


class DevelopmentTab(TabBase):
    # contacts: a changed organization or experience level changes the breadth of evidence
    areas = frozenset({Area.SKILLS, Area.INTERVIEWS, Area.LEARNING, Area.CONTACTS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.skills_model = sm.SkillsModel(self, save=self._save_level)
        self.strengths_model = sm.SkillsModel(self, strengths=True, save=self._save_level)
        self.learning_model = lm.LearningModel(self)
        self._own_edit: tuple[str, int, str] | None = None  # (area, id, field) just stored
        self._selection = KeptSelection()
        # a level edited in a list is re-ranked after the editor has closed
        self._rerank = QTimer(self)
        self._rerank.setSingleShot(True)
        self._rerank.setInterval(0)
        self._rerank.timeout.connect(lambda: self.ctx.bus.changed.emit(Area.SKILLS))
        self._build()
        self._connect()
        self.skill_page.show_skill(None)
        self.learning_page.show_learning(None)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = tab_margins(QVBoxLayout(self))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("developmentSplitter")
        self.splitter.setChildrenCollapsible(False)

        self.lists_splitter = ListsPanel(self.ctx, self.skills_model, self.strengths_model,
                                         self.learning_model, self.splitter)
        panel = self.lists_splitter
        self.ranked, self.strengths, self.learning = panel.ranked, panel.strengths, \
            panel.learning
        self.lower_tabs = panel.lower_tabs

        self.inspector = QTabWidget(self)
        self.inspector.setObjectName("developmentInspector")
        self.inspector.setDocumentMode(True)
        self.inspector.setMinimumWidth(self.fontMetrics().averageCharWidth() * 44)
        self.skill_page = self.skill_stack = SkillInspector(
            self.ctx, self.skills_model, self.strengths_model, self.learning_model, self)
        self.inspector.addTab(self.skill_page, self.tr("Skill"))
        self.learning_page = self.learning_stack_detail = LearningEditor(
            self.ctx, self.learning_model, self)
        self.inspector.addTab(self.learning_page, self.tr("Learning item"))
        self.learning_editor_scroll: LearningForm | None = None  # built when first needed
        for page in (self.ranked, self.strengths, self.learning, self.skill_page,
                     self.learning_page):
            self._keep_references(page)

        self.splitter.addWidget(self.lists_splitter)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 340])
        layout.addWidget(self.splitter, 1)

    def _keep_references(self, page: QWidget) -> None:
        for name in _PAGE_ATTRIBUTES[type(page)]:
            setattr(self, name, getattr(page, name))

    def _on_form_built(self, form: LearningForm) -> None:
        self._keep_references(form)
        self.learning_editor_scroll = form

    def _connect(self) -> None:
        self.ranked.kindChanged.connect(self._on_kind_filter)
        self.ranked.searchChanged.connect(self._on_skill_search)
        self.learning.filterChanged.connect(self._on_learning_filter)
        for pane, table in ((self.ranked, self.ranked.development_list),
                            (self.strengths, self.strengths.strengths_list)):
            pane.addRequested.connect(self.add_skill)
            pane.deleteRequested.connect(self.delete_skill)
            pane.selectionChanged.connect(lambda t=table: self._on_skill_selection(t))
            pane.editRequested.connect(self._focus_skill_editor)
        self.strengths.addStrengthRequested.connect(lambda: self.add_skill(strength=True))
        self.learning.addRequested.connect(lambda: self.add_learning())
        self.learning.deleteRequested.connect(self.delete_learning)
        self.learning.selectionChanged.connect(self._on_learning_selection)
        self.learning.editRequested.connect(self._focus_learning_editor)

        self.skills_model.levelEdited.connect(self._on_level_edited)
        self.strengths_model.levelEdited.connect(self._on_level_edited)
        self.skill_page.shown.connect(self._update_buttons)
        self.skill_page.addLearningRequested.connect(
            lambda: self.add_learning(skill_id=self.skill_page.skill_id))
        self.skill_page.learningOpened.connect(lambda i: self.show_item("learning", i))
        self.learning_page.shown.connect(self._update_buttons)
        self.learning_page.formBuilt.connect(self._on_form_built)
        self.skill_binder.stored.connect(
            lambda field: self._note_own_edit("skills", self.skill_binder.row_id, field))
        self.learning_binder.stored.connect(
            lambda field: self._note_own_edit("learning", self.learning_binder.row_id, field))
        self.inspector.currentChanged.connect(self._on_inspector_page)

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        own, self._own_edit = self._own_edit, None
        if own is not None and self._light_reload(*own):
            return
        try:
            ranked = development.ranked_skills()
            items = development.list_learning()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        # the editor's skill list is filled when an item is shown in it (show_learning)
        self.learning_page.set_skill_choices(sorted(((r.skill_id, r.name) for r in ranked),
                                                    key=lambda c: sm.fold(c[1])))
        with self._keeping_selection():
            self.skills_model.set_rows(ranked)
            self.strengths_model.set_rows(ranked)
            self.learning_model.set_rows(items)
        self.lists_splitter.fit_columns()
        self._update_states()
        self.skill_page.show_skill(self.skill_page.skill_id, force=True)
        self.learning_page.show_learning(self.learning_page.learning_id, force=True)
        if self.skill_page.skill_id is None and self.learning_page.learning_id is None and \
                self.skills_model.rowCount():
            # nothing chosen yet: show the skill to learn first, with its reasons
            select_row(self.development_list, 0)

    def _light_reload(self, area: str, row_id: int, field: str) -> bool:
        """After an edit made in this tab's editors that changes no ranking: refresh that
        row only (keeps the lists' selection and scroll position). False when the whole tab
        must be read again."""
        if area == "learning" and field not in _RANKING_FIELDS:
            try:
                row = development.get_learning(row_id)
            except CareerPivotError:
                return False
            if self.learning_model.item(row_id) is None:
                return False
            self.learning_model.update_row(row)
            if row_id == self.learning_page.learning_id:
                self.learning_page.learning_row = row
            self.skill_page.refresh_learning()
            return True
        if area == "skills" and field in _RERANK_FIELDS:
            return self._rerank_locally(row_id)
        # a skill's notes show nowhere else
        return area == "skills" and field == "notes"

    def _rerank_locally(self, skill_id: int) -> bool:
        """A skill's levels, kind or "transferable" changed here: its evidence did not, so
        the lists are ranked again from the rows already loaded (instant at any size)."""
        old = self.skill_page.ranked(skill_id)
        if old is None:
            return False
        try:
            detail = development.get_skill(skill_id)
        except CareerPivotError:
            return False
        new = sm.rescored(old, current_level=detail.current_level,
                          target_level=detail.target_level, transferable=detail.transferable,
                          kind=detail.kind)
        rows = sm.ranked(new if r.skill_id == skill_id else r
                         for r in (*self.skills_model.skills(), *self.strengths_model.skills()))
        with self._keeping_selection():
            self.skills_model.set_rows(rows)
            self.strengths_model.set_rows(rows)
        self._update_states()
        self.skill_page.show_skill(self.skill_page.skill_id, force=True)
        return True

    def _update_states(self) -> None:
        read_only = workspace.is_read_only()
        self.add_skill_button.setEnabled(not read_only)
        self.add_learning_button.setEnabled(not read_only)
        self.ranked.update_state()
        self.strengths.update_state()
        self.strengths.set_read_only(read_only)
        self.learning.update_state()
        self.lists_splitter.name_pages()
        self.skills_model.set_editable(not read_only)
        self.strengths_model.set_editable(not read_only)
        self._update_buttons()

    def _update_buttons(self) -> None:
        read_only = workspace.is_read_only()
        skill_id, learning_id = self.skill_page.skill_id, self.learning_page.learning_id
        self.delete_skill_button.setEnabled(not read_only and skill_id is not None)
        self.add_for_skill_button.setEnabled(not read_only and skill_id is not None)
        self.delete_learning_button.setEnabled(not read_only and learning_id is not None)

    # --- selection ------------------------------------------------------------------------
    def _keeping_selection(self) -> contextlib.AbstractContextManager[None]:
        """Run model resets and select the same skill and learning item again."""
        skill_id, learning_id = self.skill_page.skill_id, self.learning_page.learning_id
        return self._selection.keeping((
            (self.development_list, self.skills_model, skill_id, True),
            (self.strengths_list, self.strengths_model, skill_id, True),
            (self.learning_table, self.learning_model, learning_id, False)))

    def _on_skill_selection(self, table: QTableView) -> None:
        if self._selection.restoring:
            return
        skill_id = selected_id(table)
        if skill_id is None:
            return
        other = self.strengths_list if table is self.development_list else self.development_list
        with self._selection.keeping(()):  # (clearing it selects nothing in its place)
            other.selectionModel().clearSelection()
        self.skill_page.show_skill(skill_id)
        self.inspector.setCurrentIndex(SKILL_PAGE)

    def _on_learning_selection(self) -> None:
        if self._selection.restoring:
            return
        learning_id = selected_id(self.learning_table)
        if learning_id is None:
            return
        self.learning_page.show_learning(learning_id)
        self.inspector.setCurrentIndex(LEARNING_PAGE)

    def _on_inspector_page(self, page: int) -> None:
        # keep the list that matches the page in step (nothing selected: pick the first)
        if page == SKILL_PAGE and self.skill_page.skill_id is None \
                and self.skills_model.rowCount():
            select_row(self.development_list, 0)
        if page == LEARNING_PAGE:
            self.lower_tabs.setCurrentWidget(self.learning)
            if self.learning_page.learning_id is None and self.learning_model.rowCount():
                select_row(self.learning_table, 0)

    def _focus_skill_editor(self) -> None:
        """Enter on a row (outside a level): go to the skill's editor."""
        self.inspector.setCurrentIndex(SKILL_PAGE)
        self.skill_name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_learning_editor(self) -> None:
        form = self.learning_page.form
        if self.learning_page.learning_id is not None and form is not None:
            self.inspector.setCurrentIndex(LEARNING_PAGE)
            form.title_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _list_of(self, row: RankedSkill) -> tuple[QTableView, sm.SkillsModel]:
        """The list that shows a skill, and its model."""
        return ((self.strengths_list, self.strengths_model) if row.transferable
                else (self.development_list, self.skills_model))

    # --- storing --------------------------------------------------------------------------
    def _note_own_edit(self, area: str, row_id: int | None, field: str) -> None:
        if row_id is not None and self.isVisible():
            self._own_edit = (area, row_id, field)

    def _save_level(self, skill_id: int, field: str, level: int) -> bool:
        return self.skill_page.save_level(skill_id, field, level)

    def _on_level_edited(self, skill_id: int, field: str, _level: object) -> None:
        if skill_id == self.skill_page.skill_id:
            row = self.skill_page.ranked(skill_id)
            if row is not None:
                self.skill_page.show_derived(row)
        self._note_own_edit("skills", skill_id, field)
        self._rerank.start()

    # --- filters --------------------------------------------------------------------------
    def _on_kind_filter(self, kind: str | None) -> None:
        with self._keeping_selection():
            self.skills_model.set_kind(kind)
            self.strengths_model.set_kind(kind)
        self._after_filter()

    def _on_skill_search(self, text: str) -> None:
        with self._keeping_selection():
            self.skills_model.set_search(text)
            self.strengths_model.set_search(text)
        self._after_filter()

    def _after_filter(self) -> None:
        self._update_states()
        skill_id = self.skill_page.skill_id
        if skill_id is not None and self.skills_model.row_of(skill_id) < 0 \
                and self.strengths_model.row_of(skill_id) < 0:
            self.skill_page.show_skill(None)

    def _on_learning_filter(self, value: object) -> None:
        with self._keeping_selection():
            self.learning_model.set_filter(value)
        self._update_states()
        learning_id = self.learning_page.learning_id
        if learning_id is not None and self.learning_model.row_of(learning_id) < 0:
            self.learning_page.show_learning(None)

    # --- adding and deleting --------------------------------------------------------------
    def add_skill(self, strength: bool = False) -> None:
        """Ask for a new skill (one already brought, with ``strength``) and show it."""
        if workspace.is_read_only():
            return
        self.flush_edits()
        skill_id = self.ranked.ask_new_skill(strength=strength)
        if skill_id is None:
            return
        self.ranked.clear_filters()
        self.ctx.bus.changed.emit(Area.SKILLS)
        if not self.isVisible():
            self.reload_now()
        self.show_item("skill", skill_id)

    def delete_skill(self) -> None:
        deleted = self.skill_page.delete_shown()
        if deleted is None:
            return
        row, position = deleted
        self.ctx.bus.changed.emit(Area.SKILLS)
        if row.mentions:
            self.ctx.bus.changed.emit(Area.INTERVIEWS)
        if not self.isVisible():
            self.reload_now()
        table, model = self._list_of(row)
        if model.rowCount():
            select_row(table, min(max(position, 0), model.rowCount() - 1))
        self.ctx.bus.status.emit(self.tr("Deleted the skill {0}.").format(row.name))

    def add_learning(self, skill_id: int | None = None) -> None:
        if workspace.is_read_only():
            return
        self.flush_edits()
        learning_id = self.learning.ask_new_item(self.learning_page.skill_choices, skill_id)
        if learning_id is None:
            return
        self.ctx.bus.changed.emit(Area.LEARNING)
        if not self.isVisible():
            self.reload_now()
        self.show_item("learning", learning_id)

    def delete_learning(self) -> None:
        deleted = self.learning_page.delete_shown()
        if deleted is None:
            return
        row, position = deleted
        self.ctx.bus.changed.emit(Area.LEARNING)
        if not self.isVisible():
            self.reload_now()
        if self.learning_model.rowCount():
            select_row(self.learning_table,
                       min(max(position, 0), self.learning_model.rowCount() - 1))
        self.ctx.bus.status.emit(self.tr("Deleted {0}.").format(row.title))

    # --- TabBase --------------------------------------------------------------------------
    def show_item(self, kind: str, item_id: int) -> bool:
        if kind not in ("skill", "learning"):
            return False
        if self._stale:
            self.reload_now()
        if kind == "skill":
            row = self.skill_page.ranked(item_id)
            if row is None:
                self.reload_now()
                row = self.skill_page.ranked(item_id)
            if row is None:
                return False
            table, model = self._list_of(row)
            if model.row_of(item_id) < 0:
                self.ranked.clear_filters()
                self._update_states()
            position = model.row_of(item_id)
            if position < 0:
                return False
            select_row(table, position)
            if table is self.strengths_list:
                self.lower_tabs.setCurrentWidget(self.strengths)
            self.inspector.setCurrentIndex(SKILL_PAGE)
            return True
        if self.learning_model.item(item_id) is None:
            self.reload_now()
        if self.learning_model.item(item_id) is None:
            return False
        if self.learning_model.row_of(item_id) < 0:
            self.learning_filter.setCurrentIndex(0)
        position = self.learning_model.row_of(item_id)
        if position < 0:
            return False
        select_row(self.learning_table, position)
        self.lower_tabs.setCurrentWidget(self.learning)
        self.inspector.setCurrentIndex(LEARNING_PAGE)
        return True

    def focus_search(self) -> None:
        self.skill_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.skill_search.selectAll()

    def flush_edits(self) -> bool:
        ok = self.skill_binder.flush()
        return self.learning_binder.flush() and ok

    def save_state(self, settings: Settings) -> None:
        settings.set_window_state("developmentSplitter", self.splitter.saveState())
        self.lists_splitter.save_state(settings)

    def restore_state(self, settings: Settings) -> None:
        state = settings.window_state("developmentSplitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.lists_splitter.restore_state(settings)
