"""The Development tab: what to learn first and why, what I already bring, and the learning
items and experiments that close the gaps.

Layout: on the left, three lists one above the other — the ranked development list
(``developmentList``), the transferable strengths (``strengthsList``) and the learning items and
experiments (``learningTable``); on the right, an inspector with two pages: the selected skill
(its reasons, levels, notes and the learning that serves it) and the selected learning item's
editor (``learningEditor``). Selecting in a list shows its page.

Data comes from ``services.development`` in one load (:meth:`DevelopmentTab.reload`): the
ranking from :func:`~careerpivot.services.development.ranked_skills` (a fixed number of queries)
and the items from :func:`~careerpivot.services.development.list_learning`; the editor's list of
skills to link is filled when an item is opened in it, not at every load. Sorting and filtering
happen inside the models. Every edit is stored when made; a level edited in the list shows its new
gap and priority at once and the list is re-ranked from the service right after.

Mnemonics avoid the letters of the main window's tabs and menus (O P N I D L S, F E V H).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.errors import CareerPivotError
from careerpivot.services import development, workspace
from careerpivot.services.development import LearningRow, RankedSkill
from careerpivot.settings import Settings
from careerpivot.ui.context import AppContext
from careerpivot.ui.dialogs.add_learning import AddLearningDialog, SkillPicker
from careerpivot.ui.dialogs.add_skill import AddSkillDialog, level_combo
from careerpivot.ui.dialogs.development_delete import ConfirmDevelopmentDelete
from careerpivot.ui.itemmodels import learning as lm
from careerpivot.ui.itemmodels import skills as sm
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.undo import push_change, push_delete
from careerpivot.ui.widgets.forms import FormBinder, error_label
from careerpivot.ui.widgets.progress_delegate import ProgressDelegate

#: Learning fields whose change shows in the development list (its Learning column lists the
#: titles of the items that are not dropped, by start date): after storing one of them the
#: ranking is read again too; any other field only refreshes the item's own row.
_RANKING_FIELDS = frozenset({"title", "status", "start_date"})

#: Skill fields whose change re-ranks the lists without reading the evidence again.
_RERANK_FIELDS = frozenset({"current_level", "target_level", "transferable", "kind"})

#: Initial column widths (pixels), before the user resizes them.
_SKILL_WIDTHS = {sm.RANK: 30, sm.SKILL: 165, sm.WHY: 300, sm.CURRENT: 80, sm.TARGET: 80,
                 sm.LEARNING: 230, sm.PRIORITY: 80, sm.GAP: 40, sm.KIND: 120,
                 sm.IMPORTANCE: 170, sm.MENTIONS: 70, sm.PEOPLE: 60, sm.ORGANIZATIONS: 95,
                 sm.LEVELS: 85}
_LEARNING_WIDTHS = {lm.TITLE: 250, lm.KIND: 160, lm.STATUS: 85, lm.PROGRESS: 100,
                    lm.START: 85, lm.END: 85, lm.HOURS_PLANNED: 95, lm.HOURS_SPENT: 85,
                    lm.COST: 70, lm.PROVIDER: 160, lm.SKILLS: 200}

#: The detail pages of the inspector.
SKILL_PAGE, LEARNING_PAGE = 0, 1


def _vocab(text: str) -> str:
    return QCoreApplication.translate("vocab", text)


def _escape(text: str) -> str:
    """``text`` as rich text shows it literally. (Not the html module: importing it costs
    3 ms of the tab's first show.)"""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class LevelDelegate(QStyledItemDelegate):
    """Edits a level column in place with a list of "0 none" … "4 expert". The list opens at
    once; picking a level stores it (Escape leaves it unchanged)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = level_combo(parent)
        combo.setObjectName("levelEditor")
        combo.setAccessibleName(str(index.model().headerData(
            index.column(), Qt.Orientation.Horizontal) or ""))
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        QTimer.singleShot(0, combo, lambda: combo.showPopup() if combo.isVisible() else None)
        return combo

    def _commit(self, combo: QComboBox) -> None:
        # the editor is done: its focus-out (as it closes) must not commit a second time
        combo.removeEventFilter(self)
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.SubmitModelCache)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            level = index.data(sm.LEVEL_ROLE)
            editor.setCurrentIndex(max(editor.findData(level), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        editor.setGeometry(option.rect)


class DevelopmentTab(TabBase):
    # contacts: a changed organization or experience level changes the breadth of evidence
    areas = frozenset({"skills", "interviews", "learning", "contacts"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.skills_model = sm.SkillsModel(self, save=self._save_level)
        self.strengths_model = sm.SkillsModel(self, strengths=True, save=self._save_level)
        self.learning_model = lm.LearningModel(self)
        self._skill_id: int | None = None  # the skill shown in the inspector
        self._learning_id: int | None = None  # the item shown in the editor
        self._learning_row: LearningRow | None = None
        self._own_edit: tuple[str, int, str] | None = None  # (area, id, field) just stored
        self._restoring = False
        self._skill_choices: list[tuple[int, str]] = []
        self._picker_stale = False  # the editor's skill list lags behind _skill_choices
        # a level edited in a list is re-ranked after the editor has closed
        self._rerank = QTimer(self)
        self._rerank.setSingleShot(True)
        self._rerank.setInterval(0)
        self._rerank.timeout.connect(lambda: self.ctx.bus.changed.emit("skills"))
        self._build()
        self._connect()
        self._show_skill(None)
        self._show_learning(None)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("developmentSplitter")
        self.splitter.setChildrenCollapsible(False)

        self.lists_splitter = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.lists_splitter.setObjectName("developmentListsSplitter")
        self.lists_splitter.setChildrenCollapsible(False)
        self.lists_splitter.addWidget(self._build_ranked_pane())
        self.lists_splitter.addWidget(self._build_strengths_pane())
        self.lists_splitter.addWidget(self._build_learning_pane())
        self.lists_splitter.setStretchFactor(0, 5)
        self.lists_splitter.setStretchFactor(1, 2)
        self.lists_splitter.setStretchFactor(2, 4)
        self.lists_splitter.setSizes([350, 150, 230])

        self.splitter.addWidget(self.lists_splitter)
        self.splitter.addWidget(self._build_inspector())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([840, 360])
        layout.addWidget(self.splitter, 1)

    def _section_title(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(f"<b>{text}</b>", parent)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def _table(self, parent: QWidget, name: str, model: QAbstractItemModel,
               widths: dict[int, int], accessible: str) -> QTableView:
        table = QTableView(parent)
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setShowGrid(False)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setObjectName(f"{name}Header")
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for column, width in widths.items():
            header.resizeSection(column, width)
        table.setSortingEnabled(True)
        table.setAccessibleName(accessible)
        return table

    def _empty_page(self, parent: QWidget, name: str, text: str) -> tuple[QWidget, QLabel]:
        page = QWidget(parent)
        page.setObjectName(name)
        box = QVBoxLayout(page)
        box.addStretch(1)
        label = QLabel(text, page)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(label)
        box.addStretch(2)
        return page, label

    def _build_ranked_pane(self) -> QWidget:
        pane = QWidget(self)
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)

        bar = QHBoxLayout()
        bar.addWidget(self._section_title(self.tr("What to learn first"), pane))
        bar.addStretch(1)
        self.skill_search = QLineEdit(pane)
        self.skill_search.setObjectName("skillSearch")
        self.skill_search.setPlaceholderText(self.tr("Find a skill"))
        self.skill_search.setClearButtonEnabled(True)
        self.skill_search.setAccessibleName(self.tr("Find a skill"))
        self.skill_search.setToolTip(self.tr("Narrow both skill lists by name (Ctrl+F)"))
        self.skill_search.setMaximumWidth(200)
        bar.addWidget(self.skill_search)
        self.kind_filter = QComboBox(pane)
        self.kind_filter.setObjectName("skillKindFilter")
        self.kind_filter.setAccessibleName(self.tr("Filter skills by kind"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for key, name in vocab.SKILL_KINDS.items():
            self.kind_filter.addItem(_vocab(name), key)
        self.kind_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        bar.addWidget(self.kind_filter)
        self.add_skill_button = QPushButton(self.tr("&Add Skill…"), pane)
        self.add_skill_button.setObjectName("addSkillButton")
        self.add_skill_button.setToolTip(self.tr("Add a skill to track (Insert in a skill "
                                                 "list)"))
        bar.addWidget(self.add_skill_button)
        self.delete_skill_button = QPushButton(self.tr("Delete Skill"), pane)
        self.delete_skill_button.setObjectName("deleteSkillButton")
        self.delete_skill_button.setToolTip(self.tr("Delete the selected skill (Delete)"))
        bar.addWidget(self.delete_skill_button)
        column.addLayout(bar)
        # the answer at a glance: what to learn first, and why
        self.headline = QLabel(pane)
        self.headline.setObjectName("developmentHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.headline)

        self.ranked_stack = QStackedWidget(pane)
        self.ranked_stack.setObjectName("developmentStack")
        self.development_list = self._table(pane, "developmentList", self.skills_model,
                                            _SKILL_WIDTHS, self.tr("Development list"))
        self.ranked_stack.addWidget(self.development_list)
        page, self.ranked_empty_label = self._empty_page(pane, "developmentEmptyState", "")
        self.ranked_stack.addWidget(page)
        column.addWidget(self.ranked_stack, 1)
        return pane

    def _build_strengths_pane(self) -> QWidget:
        pane = QWidget(self)
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(4)
        bar = QHBoxLayout()
        bar.addWidget(self._section_title(self.tr("What I already bring"), pane))
        hint = QLabel(self.tr("transferable strengths from your current career"), pane)
        hint.setEnabled(False)
        bar.addWidget(hint, 1)
        column.addLayout(bar)
        self.strengths_stack = QStackedWidget(pane)
        self.strengths_list = self._table(pane, "strengthsList", self.strengths_model,
                                          _SKILL_WIDTHS, self.tr("What I already bring"))
        for hidden in (sm.RANK, sm.PRIORITY, sm.GAP, sm.LEARNING):
            self.strengths_list.setColumnHidden(hidden, True)
        self.strengths_stack.addWidget(self.strengths_list)
        page, self.strengths_empty_label = self._empty_page(
            pane, "strengthsEmptyState", self.tr(
                "None marked yet. Select a skill you already master and tick “I already "
                "bring this” to list it here."))
        self.strengths_empty_label.setEnabled(False)
        self.strengths_stack.addWidget(page)
        column.addWidget(self.strengths_stack, 1)
        return pane

    def _build_learning_pane(self) -> QWidget:
        pane = QWidget(self)
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(4)
        bar = QHBoxLayout()
        bar.addWidget(self._section_title(self.tr("Learning and experiments"), pane))
        self.learning_count = QLabel(pane)
        self.learning_count.setObjectName("learningCount")
        self.learning_count.setEnabled(False)
        bar.addWidget(self.learning_count, 1)
        self.learning_filter = QComboBox(pane)
        self.learning_filter.setObjectName("learningFilter")
        self.learning_filter.setAccessibleName(self.tr("Show learning items"))
        self.learning_filter.addItem(self.tr("All items"), lm.ALL)
        self.learning_filter.addItem(self.tr("Learning only"), lm.LEARNING_ONLY)
        self.learning_filter.addItem(self.tr("Experiments only"), lm.EXPERIMENTS_ONLY)
        self.learning_filter.insertSeparator(self.learning_filter.count())
        for key, name in vocab.LEARNING_STATUSES.items():
            self.learning_filter.addItem(_vocab(name), key)
        self.learning_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        bar.addWidget(self.learning_filter)
        self.add_learning_button = QPushButton(self.tr("Add Learning…"), pane)
        self.add_learning_button.setObjectName("addLearningButton")
        self.add_learning_button.setToolTip(self.tr(
            "Add a course, book, practice block or experiment (Insert in the list)"))
        bar.addWidget(self.add_learning_button)
        self.delete_learning_button = QPushButton(self.tr("Delete Item"), pane)
        self.delete_learning_button.setObjectName("deleteLearningButton")
        self.delete_learning_button.setToolTip(self.tr("Delete the selected item (Delete)"))
        bar.addWidget(self.delete_learning_button)
        column.addLayout(bar)

        self.learning_stack = QStackedWidget(pane)
        self.learning_table = self._table(pane, "learningTable", self.learning_model,
                                          _LEARNING_WIDTHS, self.tr("Learning and experiments"))
        self.progress_delegate = ProgressDelegate(self.learning_table)
        self.learning_table.setItemDelegateForColumn(lm.PROGRESS, self.progress_delegate)
        self.learning_table.sortByColumn(lm.START, Qt.SortOrder.AscendingOrder)
        self.learning_stack.addWidget(self.learning_table)
        page, self.learning_empty_label = self._empty_page(pane, "learningEmptyState", "")
        self.learning_stack.addWidget(page)
        column.addWidget(self.learning_stack, 1)

        for table in (self.development_list, self.strengths_list):
            # one delegate per view: a view takes every commitData of its delegates as its own
            levels = LevelDelegate(table)
            table.setItemDelegateForColumn(sm.CURRENT, levels)
            table.setItemDelegateForColumn(sm.TARGET, levels)
            table.setItemDelegateForColumn(sm.PRIORITY, ProgressDelegate(table,
                                                                         show_text=False))
            table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
            table.sortByColumn(sm.RANK, Qt.SortOrder.AscendingOrder)
        return pane

    def _form_row(self, form: QFormLayout, binder: FormBinder | None, label_text: str,
                  field: str | None, editor: QWidget, title: str = "",
                  extra: QWidget | None = None) -> QWidget:
        parent = form.parentWidget()
        label = QLabel(label_text, parent)
        label.setBuddy(editor)
        box = QWidget(parent)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(editor, 1)
        if extra is not None:
            line.addWidget(extra)
        col.addLayout(line)
        if field is not None and binder is not None:
            error = error_label(box)
            col.addWidget(error)
            binder.bind(field, editor, error, title or field)
        form.addRow(label, box)
        box.setProperty("formLabel", label)
        return box

    def _new_form(self, parent: QWidget) -> QFormLayout:
        form = QFormLayout(parent)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _build_inspector(self) -> QWidget:
        self.inspector = QTabWidget(self)
        self.inspector.setObjectName("developmentInspector")
        self.inspector.setDocumentMode(True)
        self.inspector.setMinimumWidth(360)
        self.inspector.addTab(self._build_skill_detail(), self.tr("Skill"))
        self.inspector.addTab(self._build_learning_editor(), self.tr("Learning item"))
        return self.inspector

    def _build_skill_detail(self) -> QWidget:
        self.skill_stack = QStackedWidget(self)
        self.skill_placeholder = QLabel(self.skill_stack)
        self.skill_placeholder.setObjectName("skillDetailPlaceholder")
        self.skill_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.skill_placeholder.setWordWrap(True)
        self.skill_placeholder.setEnabled(False)
        self.skill_stack.addWidget(self.skill_placeholder)

        scroll = QScrollArea(self.skill_stack)
        scroll.setObjectName("skillDetail")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(scroll)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(6, 8, 6, 6)
        self.skill_heading = QLabel(page)
        self.skill_heading.setObjectName("skillHeading")
        self.skill_heading.setWordWrap(True)
        self.skill_heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.skill_heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.skill_heading.setFont(font)
        outer.addWidget(self.skill_heading)
        self.skill_rank = QLabel(page)
        self.skill_rank.setObjectName("skillRank")
        self.skill_rank.setWordWrap(True)
        outer.addWidget(self.skill_rank)
        self.skill_why = QLabel(page)
        self.skill_why.setObjectName("skillWhy")
        self.skill_why.setWordWrap(True)
        self.skill_why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.skill_why)

        form_host = QWidget(page)
        form = self._new_form(form_host)
        self.skill_binder = FormBinder(self.ctx, self._save_skill, area="skills", what="skill",
                                       parent=self, reload=self._skill_values)
        b = self.skill_binder
        self.skill_name_edit = QLineEdit(form_host)
        self.skill_name_edit.setObjectName("skillNameEdit")
        self._form_row(form, b, self.tr("Na&me:"), "name", self.skill_name_edit,
                       self.tr("skill name"))
        self.skill_kind_combo = QComboBox(form_host)
        self.skill_kind_combo.setObjectName("skillKindCombo")
        for key, name in vocab.SKILL_KINDS.items():
            self.skill_kind_combo.addItem(_vocab(name), key)
        self._form_row(form, b, self.tr("&Kind:"), "kind", self.skill_kind_combo,
                       self.tr("kind"))
        self.current_combo = level_combo(form_host)
        self.current_combo.setObjectName("currentLevelCombo")
        self._form_row(form, b, self.tr("&Current level:"), "current_level",
                       self.current_combo, self.tr("current level"))
        self.target_combo = level_combo(form_host)
        self.target_combo.setObjectName("targetLevelCombo")
        self._form_row(form, b, self.tr("&Target level:"), "target_level", self.target_combo,
                       self.tr("target level"))
        self.transferable_check = QCheckBox(self.tr("I already &bring this"), form_host)
        self.transferable_check.setObjectName("transferableCheck")
        self.transferable_check.setToolTip(self.tr(
            "A transferable strength from your current career: listed under “What I already "
            "bring” instead of the development list"))
        box = QWidget(form_host)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.transferable_check)
        error = error_label(box)
        col.addWidget(error)
        b.bind("transferable", self.transferable_check, error, self.tr("transferable"))
        strength_label = QLabel(self.tr("Strength:"), form_host)
        strength_label.setBuddy(self.transferable_check)
        form.addRow(strength_label, box)
        self.skill_notes_edit = QPlainTextEdit(form_host)
        self.skill_notes_edit.setObjectName("skillNotesEdit")
        self.skill_notes_edit.setTabChangesFocus(True)
        self.skill_notes_edit.setPlaceholderText(self.tr("Evidence of this skill, or how you "
                                                         "plan to build it"))
        self.skill_notes_edit.setFixedHeight(self.fontMetrics().height() * 4 + 14)
        self._form_row(form, b, self.tr("Notes:"), "notes", self.skill_notes_edit,
                       self.tr("notes"))
        outer.addWidget(form_host)

        learn_title = QLabel(self.tr("<b>Learning that serves it</b>"), page)
        outer.addWidget(learn_title)
        self.skill_learning_list = QListWidget(page)
        self.skill_learning_list.setObjectName("skillLearningList")
        self.skill_learning_list.setAccessibleName(self.tr("Learning that serves this skill"))
        self.skill_learning_list.setToolTip(self.tr("Double-click or press Enter to open"))
        self.skill_learning_list.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.skill_learning_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        learn_title.setBuddy(self.skill_learning_list)
        outer.addWidget(self.skill_learning_list)
        self.skill_learning_empty = QLabel(self.tr("Nothing planned yet."), page)
        self.skill_learning_empty.setObjectName("skillLearningEmpty")
        self.skill_learning_empty.setEnabled(False)
        outer.addWidget(self.skill_learning_empty)
        self.add_for_skill_button = QPushButton(self.tr("Add Learning for This Skill…"), page)
        self.add_for_skill_button.setObjectName("addLearningForSkillButton")
        outer.addWidget(self.add_for_skill_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addStretch(1)
        scroll.setWidget(page)
        self.skill_stack.addWidget(scroll)
        return self.skill_stack

    def _build_learning_editor(self) -> QWidget:
        """The inspector's second page: a placeholder until an item is opened, when the
        editor itself is built (:meth:`_ensure_learning_editor`)."""
        self.learning_stack_detail = QStackedWidget(self)
        self.learning_placeholder = QLabel(self.learning_stack_detail)
        self.learning_placeholder.setObjectName("learningEditorPlaceholder")
        self.learning_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.learning_placeholder.setWordWrap(True)
        self.learning_placeholder.setEnabled(False)
        self.learning_stack_detail.addWidget(self.learning_placeholder)
        self.learning_binder = FormBinder(self.ctx, self._save_learning, area="learning",
                                          what="learning item", parent=self,
                                          reload=self._learning_values)
        self.learning_editor_scroll: QScrollArea | None = None
        return self.learning_stack_detail

    def _ensure_learning_editor(self) -> None:
        """Build the learning item editor, the first time an item is opened in it: most
        visits to the tab never open one, and its many widgets would slow the first one."""
        if self.learning_editor_scroll is not None:
            return
        scroll = QScrollArea(self.learning_stack_detail)
        scroll.setObjectName("learningEditor")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(scroll)
        form = self._new_form(page)
        b = self.learning_binder

        self.title_edit = QLineEdit(page)
        self.title_edit.setObjectName("learningTitleEdit")
        self._form_row(form, b, self.tr("&Title:"), "title", self.title_edit, self.tr("title"))
        self.kind_combo = QComboBox(page)
        self.kind_combo.setObjectName("learningKindCombo")
        for key, name in vocab.LEARNING_KINDS.items():
            self.kind_combo.addItem(_vocab(name), key)
        self._form_row(form, b, self.tr("&Kind:"), "kind", self.kind_combo, self.tr("kind"))
        self.status_combo = QComboBox(page)
        self.status_combo.setObjectName("learningStatusCombo")
        for key, name in vocab.LEARNING_STATUSES.items():
            self.status_combo.addItem(_vocab(name), key)
        self._form_row(form, b, self.tr("Stat&us:"), "status", self.status_combo,
                       self.tr("status"))

        self.start_edit = QLineEdit(page)
        self.start_edit.setObjectName("learningStartEdit")
        self.start_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self._form_row(form, b, self.tr("Sta&rt:"), "start_date", self.start_edit,
                       self.tr("start date"))
        self.end_edit = QLineEdit(page)
        self.end_edit.setObjectName("learningEndEdit")
        self.end_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self._form_row(form, b, self.tr("End:"), "end_date", self.end_edit,
                       self.tr("end date"))

        self.hours_planned_spin = self._double_spin(page, development.MAX_HOURS, 1,
                                                    self.tr(" h"), "hoursPlannedSpin")
        self._form_row(form, b, self.tr("Hours planned:"), "hours_planned",
                       self.hours_planned_spin, self.tr("hours planned"))
        self.hours_spent_spin = self._double_spin(page, development.MAX_HOURS, 1,
                                                  self.tr(" h"), "hoursSpentSpin")
        self._form_row(form, b, self.tr("Hours spent:"), "hours_spent",
                       self.hours_spent_spin, self.tr("hours spent"))

        # progress: "[5] of [12] units", each with its own message
        self.units_done_spin = QSpinBox(page)
        self.units_done_spin.setObjectName("unitsDoneSpin")
        self.units_total_spin = QSpinBox(page)
        self.units_total_spin.setObjectName("unitsTotalSpin")
        for spin in (self.units_done_spin, self.units_total_spin):
            spin.setRange(0, development.MAX_UNITS)
            spin.setKeyboardTracking(False)
            spin.setAccelerated(True)
        for spin in (self.units_done_spin, self.units_total_spin):
            spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("00000") + 30)
        self.units_done_spin.setAccessibleName(self.tr("Units done"))
        self.units_total_spin.setAccessibleName(self.tr("Units in total"))
        self.units_total_spin.setToolTip(self.tr(
            "Chapters, modules, sessions… 0 when progress is not measured"))
        progress_box = QWidget(page)
        pcol = QVBoxLayout(progress_box)
        pcol.setContentsMargins(0, 0, 0, 0)
        pcol.setSpacing(2)
        pline = QHBoxLayout()
        pline.setContentsMargins(0, 0, 0, 0)
        pline.addWidget(self.units_done_spin, 1)
        of_label = QLabel(self.tr("of"), progress_box)
        of_label.setBuddy(self.units_total_spin)
        pline.addWidget(of_label)
        pline.addWidget(self.units_total_spin, 1)
        pline.addWidget(QLabel(self.tr("units"), progress_box))
        pcol.addLayout(pline)
        done_error = error_label(progress_box)
        total_error = error_label(progress_box)
        pcol.addWidget(done_error)
        pcol.addWidget(total_error)
        b.bind("units_done", self.units_done_spin, done_error, self.tr("units done"))
        b.bind("units_total", self.units_total_spin, total_error, self.tr("units in total"))
        progress_label = QLabel(self.tr("Pro&gress:"), page)
        progress_label.setBuddy(self.units_done_spin)
        form.addRow(progress_label, progress_box)

        self.cost_spin = self._double_spin(page, development.MAX_COST, 2, "", "costSpin")
        self.cost_spin.setSpecialValueText(self.tr("free"))
        self._form_row(form, b, self.tr("&Cost:"), "cost", self.cost_spin, self.tr("cost"))
        self.provider_edit = QLineEdit(page)
        self.provider_edit.setObjectName("providerEdit")
        self.provider_edit.setPlaceholderText(self.tr("School, platform, publisher or host"))
        self._form_row(form, b, self.tr("Provider:"), "provider", self.provider_edit,
                       self.tr("provider"))
        self.url_edit = QLineEdit(page)
        self.url_edit.setObjectName("urlEdit")
        self.url_edit.setPlaceholderText(self.tr("example.org/course"))
        self.open_url_button = QToolButton(page)
        self.open_url_button.setObjectName("openUrlButton")
        self.open_url_button.setText(self.tr("Open"))
        self.open_url_button.setToolTip(self.tr("Open the link in your web browser"))
        self._form_row(form, b, self.tr("Link:"), "url", self.url_edit, self.tr("link"),
                       extra=self.open_url_button)

        # experiments
        self.hypothesis_edit = self._text_edit(page, "hypothesisEdit", self.tr(
            "The belief this experiment tests, e.g. “I enjoy discovery work more than "
            "delivery”"))
        self._experiment_rows = [
            self._form_row(form, b, self.tr("&What it tests:"), "hypothesis",
                           self.hypothesis_edit, self.tr("what it tests")),
        ]
        self.result_edit = self._text_edit(page, "resultEdit", self.tr(
            "What happened, and whether the belief held"))
        self._experiment_rows.append(
            self._form_row(form, b, self.tr("Result:"), "result", self.result_edit,
                           self.tr("result")))

        # practice blocks: the weekly schedule
        self.day_combo = QComboBox(page)
        self.day_combo.setObjectName("scheduleDayCombo")
        self.day_combo.addItem(self.tr("No fixed day"), -1)
        self.day_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.day_combo.setMinimumContentsLength(7)
        locale = QLocale()
        for number in range(7):  # 0 Monday .. 6 Sunday, named in the user's language
            self.day_combo.addItem(locale.dayName(number + 1, QLocale.FormatType.LongFormat),
                                   number)
        self.time_edit = QLineEdit(page)
        self.time_edit.setObjectName("scheduleTimeEdit")
        self.time_edit.setPlaceholderText(self.tr("HH:MM"))
        self.minutes_spin = QSpinBox(page)
        self.minutes_spin.setObjectName("scheduleMinutesSpin")
        self.minutes_spin.setRange(0, 1440)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setKeyboardTracking(False)
        self.time_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("00:00") + 16)
        self._schedule_rows = [
            self._form_row(form, b, self.tr("Every &week on:"), "schedule_day", self.day_combo,
                           self.tr("day of the week")),
            self._form_row(form, b, self.tr("At:"), "schedule_time", self.time_edit,
                           self.tr("time")),
            self._form_row(form, b, self.tr("For:"), "schedule_minutes", self.minutes_spin,
                           self.tr("minutes")),
        ]

        self.outcome_edit = self._text_edit(page, "outcomeEdit", self.tr(
            "What you learned, feedback you received, a certificate earned…"))
        self._form_row(form, b, self.tr("Outco&me:"), "outcome", self.outcome_edit,
                       self.tr("outcome or feedback"))

        self.skill_picker = SkillPicker(page)
        self.skill_picker.setObjectName("learningSkills")
        self.skill_picker.list.setMinimumHeight(self.fontMetrics().height() * 6)
        self.skill_picker.list.setMaximumHeight(self.fontMetrics().height() * 10)
        self.skills_error = error_label(page)
        self.skills_error.setObjectName("learningSkillsError")
        skills_box = QWidget(page)
        kcol = QVBoxLayout(skills_box)
        kcol.setContentsMargins(0, 0, 0, 0)
        kcol.addWidget(self.skill_picker)
        kcol.addWidget(self.skills_error)
        skills_label = QLabel(self.tr("Skills:"), page)
        skills_label.setBuddy(self.skill_picker.filter)
        skills_label.setWordWrap(True)
        form.addRow(skills_label, skills_box)

        scroll.setWidget(page)
        self.learning_editor_scroll = scroll
        self.learning_stack_detail.addWidget(scroll)

        self.kind_combo.currentIndexChanged.connect(self._update_kind_sections)
        self.skill_picker.toggled.connect(self._on_skills_toggled)
        self.open_url_button.clicked.connect(self._open_url)
        self.url_edit.textChanged.connect(
            lambda text: self.open_url_button.setEnabled(bool(text.strip())))
        self._picker_stale = True

    def _double_spin(self, parent: QWidget, maximum: float, decimals: int, suffix: str,
                     name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(parent)
        spin.setObjectName(name)
        spin.setRange(0, maximum)
        spin.setDecimals(decimals)
        spin.setSuffix(suffix)
        spin.setKeyboardTracking(False)
        spin.setAccelerated(True)
        return spin

    def _text_edit(self, parent: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.setFixedHeight(self.fontMetrics().height() * 4 + 14)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return edit

    def _connect(self) -> None:
        self.kind_filter.currentIndexChanged.connect(self._on_kind_filter)
        self.skill_search.textChanged.connect(self._on_skill_search)
        self.learning_filter.currentIndexChanged.connect(self._on_learning_filter)
        self.add_skill_button.clicked.connect(self.add_skill)
        self.delete_skill_button.clicked.connect(self.delete_skill)
        self.add_learning_button.clicked.connect(lambda: self.add_learning())
        self.delete_learning_button.clicked.connect(self.delete_learning)
        self.add_for_skill_button.clicked.connect(
            lambda: self.add_learning(skill_id=self._skill_id))

        for table in (self.development_list, self.strengths_list):
            table.selectionModel().selectionChanged.connect(
                lambda *_a, t=table: self._on_skill_selection(t))
            self._shortcut(Qt.Key.Key_Insert, table, self.add_skill)
            self._shortcut(QKeySequence.StandardKey.Delete, table, self.delete_skill)
            table.activated.connect(lambda index, t=table: self._on_skill_activated(t, index))
        self.learning_table.selectionModel().selectionChanged.connect(
            self._on_learning_selection)
        self._shortcut(Qt.Key.Key_Insert, self.learning_table, lambda: self.add_learning())
        self._shortcut(QKeySequence.StandardKey.Delete, self.learning_table,
                       self.delete_learning)
        self.learning_table.activated.connect(self._focus_learning_editor)

        self.skills_model.levelEdited.connect(self._on_level_edited)
        self.strengths_model.levelEdited.connect(self._on_level_edited)
        self.skill_binder.stored.connect(
            lambda field: self._note_own_edit("skills", self.skill_binder.row_id, field))
        self.learning_binder.stored.connect(
            lambda field: self._note_own_edit("learning", self.learning_binder.row_id, field))
        self.skill_learning_list.itemActivated.connect(self._open_learning_item)
        self.inspector.currentChanged.connect(self._on_inspector_page)

    def _shortcut(self, key: Any, widget: QWidget, slot: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(key), widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)

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
        self._skill_choices = sorted(((r.skill_id, r.name) for r in ranked),
                                     key=lambda c: sm.fold(c[1]))
        # the editor's skill list is filled when an item is shown in it (_show_learning)
        self._picker_stale = True
        with self._keeping_selection():
            self.skills_model.set_rows(ranked)
            self.strengths_model.set_rows(ranked)
            self.learning_model.set_rows(items)
        self._update_states()
        self._show_skill(self._skill_id, force=True)
        self._show_learning(self._learning_id, force=True)
        if self._skill_id is None and self._learning_id is None and \
                self.skills_model.rowCount():
            # nothing chosen yet: show the skill to learn first, with its reasons
            self._select(self.development_list, 0)

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
            if row_id == self._learning_id:
                self._learning_row = row
            self._refresh_skill_learning()
            return True
        if area == "skills" and field in _RERANK_FIELDS:
            return self._rerank_locally(row_id)
        # a skill's notes show nowhere else
        return area == "skills" and field == "notes"

    def _rerank_locally(self, skill_id: int) -> bool:
        """A skill's levels, kind or "transferable" changed here: its evidence did not, so
        the lists are ranked again from the rows already loaded (instant at any size)."""
        old = self._ranked(skill_id)
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
        self._show_skill(self._skill_id, force=True)
        return True

    def _update_states(self) -> None:
        read_only = workspace.is_read_only()
        total = self.skills_model.total_count()
        shown = self.skills_model.rowCount()
        strengths = self.strengths_model.total_count()
        if total == 0 and strengths == 0:
            self.ranked_empty_label.setText(self.tr(
                "<h3>No skills yet</h3><p>Log the skills, tools and certifications people "
                "mention in the Interviews tab, or add one here with “Add Skill…”. They are "
                "ranked by how often and how strongly they come up, and by your gap.</p>"))
            self.ranked_stack.setCurrentIndex(1)
        elif total == 0:
            self.ranked_empty_label.setText(self.tr(
                "Every skill is marked as a strength you already bring."))
            self.ranked_stack.setCurrentIndex(1)
        elif shown == 0:
            self.ranked_empty_label.setText(self.tr("No skill matches the kind and search."))
            self.ranked_stack.setCurrentIndex(1)
        else:
            self.ranked_stack.setCurrentIndex(0)
        if strengths and self.strengths_model.rowCount() == 0:
            self.strengths_empty_label.setText(self.tr("No strength matches the kind and "
                                                       "search."))
        elif not strengths:
            self.strengths_empty_label.setText(self.tr(
                "None marked yet. Select a skill you already master and tick “I already "
                "bring this” to list it here."))
        self.strengths_stack.setCurrentIndex(0 if self.strengths_model.rowCount() else 1)
        self.headline.setText(self._headline())
        self.headline.setVisible(bool(self.headline.text()))

        items_total, items_shown = self.learning_model.total_count(), \
            self.learning_model.rowCount()
        if items_total == 0:
            self.learning_empty_label.setText(self.tr(
                "<h3>No learning yet</h3><p>Add a course, a book or a weekly practice block "
                "— or a small experiment (a project, shadowing, a freelance task) that tests "
                "the new path — and link it to the skills it builds.</p>"))
            self.learning_count.setText("")
        else:
            self.learning_empty_label.setText(self.tr("Nothing matches this filter."))
            self.learning_count.setText(
                self.tr("%n item(s)", "", items_total) if items_shown == items_total
                else self.tr("{0} of %n item(s)", "", items_total).format(items_shown))
        self.learning_stack.setCurrentIndex(0 if items_shown else 1)

        self.add_skill_button.setEnabled(not read_only)
        self.add_learning_button.setEnabled(not read_only)
        self.skills_model.set_editable(not read_only)
        self.strengths_model.set_editable(not read_only)
        self.add_for_skill_button.setEnabled(not read_only and self._skill_id is not None)
        self.delete_skill_button.setEnabled(not read_only and self._skill_id is not None)
        self.delete_learning_button.setEnabled(not read_only and self._learning_id is not None)

    def _headline(self) -> str:
        """One sentence above the list: the skill to learn first and why (or that every gap
        is closed)."""
        rows = self.skills_model.skills()
        if not rows:
            return ""
        open_gaps = [r for r in rows if r.gap > 0]
        if not open_gaps:
            return self.tr("Every gap is closed: you are at your target level in every skill "
                           "on the list.")
        first = open_gaps[0]
        why = _escape(self.skills_model.explanation_of(first.skill_id))
        text = self.tr("Learn <b>{0}</b> first: {1}.").format(_escape(first.name), why)
        if len(open_gaps) > 1:
            text += " " + self.tr("Then {0}.").format(
                ", ".join(_escape(r.name) for r in open_gaps[1:3]))
        return text

    # --- selection ------------------------------------------------------------------------
    def _selected_id(self, table: QTableView) -> int | None:
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(sm.SKILL_ID_ROLE)  # same role as LEARNING_ID_ROLE
        return int(value) if value is not None else None

    def _select(self, table: QTableView, row: int, *, scroll: bool = True) -> None:
        model = table.model()
        if row < 0 or row >= model.rowCount():
            return
        column = max(table.currentIndex().column(), 0)
        table.selectionModel().setCurrentIndex(
            model.index(row, column),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        if scroll:
            table.scrollTo(model.index(row, 0))

    @contextlib.contextmanager
    def _keeping_selection(self) -> Iterator[None]:
        """Run model resets and select the same skill and learning item again."""
        skill_id, learning_id = self._skill_id, self._learning_id
        scrolls = [t.verticalScrollBar().value()
                   for t in (self.development_list, self.strengths_list, self.learning_table)]
        self._restoring = True
        try:
            yield
            for table, model in ((self.development_list, self.skills_model),
                                 (self.strengths_list, self.strengths_model)):
                row = model.row_of(skill_id) if skill_id is not None else -1
                if row >= 0:
                    self._select(table, row, scroll=False)
                else:
                    table.selectionModel().clearSelection()
            row = self.learning_model.row_of(learning_id) if learning_id is not None else -1
            if row >= 0:
                self._select(self.learning_table, row, scroll=False)
            for table, value in zip((self.development_list, self.strengths_list,
                                     self.learning_table), scrolls, strict=True):
                table.verticalScrollBar().setValue(value)
            # the selected rows stay in view when the ranking moved them
            for table, model, item_id in (
                    (self.development_list, self.skills_model, skill_id),
                    (self.strengths_list, self.strengths_model, skill_id),
                    (self.learning_table, self.learning_model, learning_id)):
                row = model.row_of(item_id) if item_id is not None else -1
                if row >= 0:
                    table.scrollTo(model.index(row, 0))
        finally:
            self._restoring = False

    def _on_skill_selection(self, table: QTableView) -> None:
        if self._restoring:
            return
        skill_id = self._selected_id(table)
        if skill_id is None:
            return
        other = self.strengths_list if table is self.development_list else self.development_list
        self._restoring = True
        try:
            other.selectionModel().clearSelection()
        finally:
            self._restoring = False
        self._show_skill(skill_id)
        self.inspector.setCurrentIndex(SKILL_PAGE)

    def _on_learning_selection(self, *_args: object) -> None:
        if self._restoring:
            return
        learning_id = self._selected_id(self.learning_table)
        if learning_id is None:
            return
        self._show_learning(learning_id)
        self.inspector.setCurrentIndex(LEARNING_PAGE)

    def _on_inspector_page(self, page: int) -> None:
        # keep the list that matches the page in step (nothing selected: pick the first)
        if page == SKILL_PAGE and self._skill_id is None and self.skills_model.rowCount():
            self._select(self.development_list, 0)
        if page == LEARNING_PAGE and self._learning_id is None \
                and self.learning_model.rowCount():
            self._select(self.learning_table, 0)

    def _on_skill_activated(self, table: QTableView, index: QModelIndex) -> None:
        """Enter on a row (outside a level): go to the skill's editor."""
        if index.column() not in sm.LEVEL_FIELDS:
            self.inspector.setCurrentIndex(SKILL_PAGE)
            self.skill_name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_learning_editor(self, _index: QModelIndex) -> None:
        if self._learning_id is not None:
            self.inspector.setCurrentIndex(LEARNING_PAGE)
            self.title_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- the skill inspector --------------------------------------------------------------
    def _ranked(self, skill_id: int | None) -> RankedSkill | None:
        if skill_id is None:
            return None
        return self.skills_model.skill(skill_id) or self.strengths_model.skill(skill_id)

    def _show_skill(self, skill_id: int | None, force: bool = False) -> None:
        row = self._ranked(skill_id)
        if row is None:
            self.skill_binder.flush()
            self.skill_binder.load(None, {})
            self._skill_id = None
            self.skill_placeholder.setText(
                self.tr("Select a skill to see why it ranks where it does, change your "
                        "levels and see the learning that serves it.")
                if self.skills_model.total_count() or self.strengths_model.total_count()
                else "")
            self.skill_stack.setCurrentIndex(0)
            self._update_buttons()
            return
        if row.skill_id == self._skill_id and not force:
            return
        try:
            detail = development.get_skill(row.skill_id)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        self._skill_id = row.skill_id
        self.skill_binder.load(row.skill_id, self._skill_values_of(detail))
        self._show_skill_derived(row)
        self.skill_stack.setCurrentIndex(1)
        self._update_buttons()

    def _skill_values_of(self, detail: development.SkillRow) -> dict[str, Any]:
        return {"name": detail.name, "kind": detail.kind,
                "current_level": detail.current_level, "target_level": detail.target_level,
                "transferable": detail.transferable, "notes": detail.notes}

    def _skill_values(self, skill_id: int) -> dict[str, Any]:
        return self._skill_values_of(development.get_skill(skill_id))

    def _show_skill_derived(self, row: RankedSkill) -> None:
        self.skill_heading.setText(row.name)
        if row.transferable:
            rank_text = self.tr("A strength you already bring")
            if row.gap:
                rank_text += " — " + self.tr("gap %n to your target", "", row.gap)
        else:
            total = self.skills_model.total_count()
            number = self.skills_model.rank_of(row.skill_id) or 0
            if row.gap:
                rank_text = self.tr("Number {0} of {1} to learn").format(number, total)
            else:
                rank_text = self.tr("Gap closed: you are at your target level")
        self.skill_rank.setText(f"<b>{rank_text}</b>")
        model = self.strengths_model if row.transferable else self.skills_model
        self.skill_why.setText(model.explanation_of(row.skill_id).capitalize() + ".")
        self._refresh_skill_learning()

    def _refresh_skill_learning(self) -> None:
        self.skill_learning_list.clear()
        if self._skill_id is None:
            return
        items = [r for r in self.learning_model.items()
                 if any(s == self._skill_id for s, _ in r.skills)]
        items.sort(key=lambda r: (r.status == "dropped", r.start_date is None,
                                  r.start_date or _dt.date.min, sm.fold(r.title)))
        for r in items:
            status = _vocab(vocab.LEARNING_STATUSES.get(r.status, r.status))
            parts = [r.title, status]
            if r.units_total:
                parts.append(self.tr("{0} of {1}").format(r.units_done, r.units_total))
            item = QListWidgetItem(" — ".join(parts), self.skill_learning_list)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(r.title)
            if r.status == "dropped":
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
        count = self.skill_learning_list.count()
        has_items = count > 0
        if has_items:  # as tall as its items, up to six
            rows = min(count, 6)
            row_height = max(self.skill_learning_list.sizeHintForRow(0),
                             self.fontMetrics().height() + 2)
            self.skill_learning_list.setFixedHeight(
                row_height * rows + 2 * self.skill_learning_list.frameWidth() + 4)
        self.skill_learning_list.setVisible(has_items)
        self.skill_learning_empty.setVisible(not has_items)

    def _open_learning_item(self, item: QListWidgetItem) -> None:
        learning_id = int(item.data(Qt.ItemDataRole.UserRole))
        # after the signal: selecting the item rebuilds this list
        QTimer.singleShot(0, self, lambda: self.show_item("learning", learning_id))

    def _update_buttons(self) -> None:
        read_only = workspace.is_read_only()
        self.delete_skill_button.setEnabled(not read_only and self._skill_id is not None)
        self.add_for_skill_button.setEnabled(not read_only and self._skill_id is not None)
        self.delete_learning_button.setEnabled(not read_only and self._learning_id is not None)

    # --- the learning editor --------------------------------------------------------------
    def _show_learning(self, learning_id: int | None, force: bool = False) -> None:
        row = self.learning_model.item(learning_id) if learning_id is not None else None
        if row is None:
            self.learning_binder.flush()
            self.learning_binder.load(None, {})
            self._learning_id, self._learning_row = None, None
            self.learning_placeholder.setText(
                self.tr("Select a learning item or experiment to edit it.")
                if self.learning_model.total_count() else
                self.tr("Add a learning item or an experiment to edit it here."))
            self.learning_stack_detail.setCurrentIndex(0)
            self._update_buttons()
            return
        if row.id == self._learning_id and not force:
            return
        self._ensure_learning_editor()
        self._learning_id, self._learning_row = row.id, row
        self.learning_binder.load(row.id, self._learning_values_of(row))
        checked = [s for s, _ in row.skills]
        if self._picker_stale:
            self._picker_stale = False
            self.skill_picker.set_skills(self._skill_choices, checked)
        else:
            self.skill_picker.set_checked(checked)
        self.skills_error.hide()
        self._update_kind_sections()
        self.learning_stack_detail.setCurrentIndex(1)
        self._update_buttons()

    def _learning_values_of(self, row: LearningRow) -> dict[str, Any]:
        return {
            "title": row.title, "kind": row.kind, "status": row.status,
            "start_date": row.start_date.isoformat() if row.start_date else "",
            "end_date": row.end_date.isoformat() if row.end_date else "",
            "hours_planned": row.hours_planned, "hours_spent": row.hours_spent,
            "units_done": row.units_done, "units_total": row.units_total, "cost": row.cost,
            "provider": row.provider, "url": row.url, "outcome": row.outcome,
            "hypothesis": row.hypothesis, "result": row.result,
            "schedule_day": -1 if row.schedule_day is None else row.schedule_day,
            "schedule_time": row.schedule_time, "schedule_minutes": row.schedule_minutes,
        }

    def _learning_values(self, learning_id: int) -> dict[str, Any]:
        row = development.get_learning(learning_id)
        if learning_id == self._learning_id:
            self._learning_row = row
        return self._learning_values_of(row)

    def _update_kind_sections(self) -> None:
        kind = self.kind_combo.currentData()
        row = self._learning_row
        experiment = kind in vocab.EXPERIMENT_KINDS or bool(
            row and (row.hypothesis or row.result))
        practice = kind == "practice" or bool(
            row and (row.schedule_day is not None or row.schedule_time
                     or row.schedule_minutes))
        for box in self._experiment_rows:
            box.setVisible(experiment)
            box.property("formLabel").setVisible(experiment)
        for box in self._schedule_rows:
            box.setVisible(practice)
            box.property("formLabel").setVisible(practice)
        self.open_url_button.setEnabled(bool(self.url_edit.text().strip()))

    def _open_url(self) -> None:
        row = self._learning_row
        if row is not None and row.url:
            QDesktopServices.openUrl(QUrl(row.url))

    # --- storing --------------------------------------------------------------------------
    def _note_own_edit(self, area: str, row_id: int | None, field: str) -> None:
        if row_id is not None and self.isVisible():
            self._own_edit = (area, row_id, field)

    def _save_skill(self, skill_id: int, field: str, value: Any) -> None:
        development.update_skill(skill_id, field, value)

    def _save_learning(self, learning_id: int, field: str, value: Any) -> None:
        if field == "schedule_day" and value == -1:
            value = None
        development.update_learning(learning_id, field, value)

    def _save_level(self, skill_id: int, field: str, level: int) -> bool:
        """A level edited in a list: store it and make it undoable (the model shows it)."""
        row = self._ranked(skill_id)
        old = None if row is None else (
            row.current_level if field == "current_level" else row.target_level)
        try:
            development.update_skill(skill_id, field, level)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Change Level"), exc.message)
            return False
        if old is not None:
            name = row.name if row is not None else ""
            text = (self.tr("change of the current level of {0}") if field == "current_level"
                    else self.tr("change of the target level of {0}")).format(name)
            push_change(self.ctx, text, "skills",
                        lambda: development.update_skill(skill_id, field, old),
                        lambda: development.update_skill(skill_id, field, level))
        return True

    def _on_level_edited(self, skill_id: int, field: str, _level: int) -> None:
        if skill_id == self._skill_id:
            row = self._ranked(skill_id)
            if row is not None:
                self._show_skill_derived(row)
        self._note_own_edit("skills", skill_id, field)
        self._rerank.start()

    def _on_skills_toggled(self, ids: list[int]) -> None:
        learning_id, row = self._learning_id, self._learning_row
        if learning_id is None or row is None:
            return
        old = [s for s, _ in row.skills]
        try:
            development.set_learning_skills(learning_id, ids)
        except CareerPivotError as exc:
            self.skills_error.setText(exc.message)
            self.skills_error.show()
            return
        self.skills_error.hide()
        with contextlib.suppress(CareerPivotError):  # what the next change's undo returns to
            self._learning_row = development.get_learning(learning_id)
        push_change(self.ctx, self.tr("change of the skills of {0}").format(row.title),
                    "learning",
                    lambda: development.set_learning_skills(learning_id, old),
                    lambda: development.set_learning_skills(learning_id, ids))
        # the lists show which learning serves which skill: read everything again
        QTimer.singleShot(0, self, lambda: self.ctx.bus.changed.emit("learning"))

    # --- filters --------------------------------------------------------------------------
    def _on_kind_filter(self, _index: int) -> None:
        kind = self.kind_filter.currentData()
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
        if self._skill_id is not None and self.skills_model.row_of(self._skill_id) < 0 \
                and self.strengths_model.row_of(self._skill_id) < 0:
            self._show_skill(None)

    def _on_learning_filter(self, _index: int) -> None:
        value = self.learning_filter.currentData()
        if value is None:  # the separator
            return
        with self._keeping_selection():
            self.learning_model.set_filter(value)
        self._update_states()
        if self._learning_id is not None and self.learning_model.row_of(self._learning_id) < 0:
            self._show_learning(None)

    # --- adding and deleting --------------------------------------------------------------
    def add_skill(self) -> None:
        if workspace.is_read_only():
            return
        self.flush_edits()
        values = AddSkillDialog.ask(self, initial_name=self.skill_search.text().strip()
                                    if not self.skills_model.rowCount() else "")
        if values is None:
            return
        try:
            skill_id = development.add_skill(**values)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Add Skill"), exc.message)
            return
        holder: dict[str, Any] = {}

        def undo() -> None:
            holder["snap"] = development.delete_skill(skill_id)

        def redo() -> None:
            workspace.restore_snapshot(holder["snap"])

        push_change(self.ctx, self.tr("add skill {0}").format(values.get("name", "")),
                    "skills", undo, redo)
        self._clear_skill_filters()
        self.ctx.bus.changed.emit("skills")
        if not self.isVisible():
            self.reload_now()
        self.show_item("skill", skill_id)

    def _clear_skill_filters(self) -> None:
        for widget, reset in ((self.kind_filter, lambda: self.kind_filter.setCurrentIndex(0)),
                              (self.skill_search, self.skill_search.clear)):
            widget.blockSignals(True)
            reset()
            widget.blockSignals(False)
        self.skills_model.set_kind(None)
        self.strengths_model.set_kind(None)
        self.skills_model.set_search("")
        self.strengths_model.set_search("")

    def delete_skill(self) -> None:
        skill_id = self._skill_id
        row = self._ranked(skill_id)
        if skill_id is None or row is None or workspace.is_read_only():
            return
        linked = sum(1 for r in self.learning_model.items()
                     if any(s == skill_id for s, _ in r.skills))
        if not ConfirmDevelopmentDelete.ask_skill(self, row.name, row.mentions, linked):
            return
        self.skill_binder.flush()
        table, model = ((self.strengths_list, self.strengths_model) if row.transferable
                        else (self.development_list, self.skills_model))
        position = model.row_of(skill_id)
        try:
            snapshot = development.delete_skill(skill_id)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Skill"), exc.message)
            return
        push_delete(self.ctx, self.tr("delete of {0}").format(row.name), "skills", snapshot,
                    lambda: development.delete_skill(skill_id))
        self._skill_id = None
        self.ctx.bus.changed.emit("skills")
        if row.mentions:
            self.ctx.bus.changed.emit("interviews")
        if not self.isVisible():
            self.reload_now()
        if model.rowCount():
            self._select(table, min(max(position, 0), model.rowCount() - 1))
        self.ctx.bus.status.emit(self.tr("Deleted the skill {0}.").format(row.name))

    def add_learning(self, skill_id: int | None = None) -> None:
        if workspace.is_read_only():
            return
        self.flush_edits()
        values = AddLearningDialog.ask(self, skills=self._skill_choices,
                                       checked=[skill_id] if skill_id is not None else [])
        if values is None:
            return
        values = dict(values)
        skill_ids = values.pop("skill_ids", [])
        title = values.pop("title", "")
        kind = values.pop("kind", "course")
        try:
            learning_id = development.add_learning(title, kind, skill_ids=skill_ids, **values)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Add Learning"), exc.message)
            return
        holder: dict[str, Any] = {}

        def undo() -> None:
            holder["snap"] = development.delete_learning(learning_id)

        def redo() -> None:
            workspace.restore_snapshot(holder["snap"])

        push_change(self.ctx, self.tr("add {0}").format(title), "learning", undo, redo)
        if self.learning_filter.currentIndex() != 0:
            self.learning_filter.setCurrentIndex(0)
        self.ctx.bus.changed.emit("learning")
        if not self.isVisible():
            self.reload_now()
        self.show_item("learning", learning_id)

    def delete_learning(self) -> None:
        learning_id, row = self._learning_id, self._learning_row
        if learning_id is None or row is None or workspace.is_read_only():
            return
        if not ConfirmDevelopmentDelete.ask_learning(self, row.title):
            return
        self.learning_binder.flush()
        position = self.learning_model.row_of(learning_id)
        try:
            snapshot = development.delete_learning(learning_id)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Learning Item"), exc.message)
            return
        push_delete(self.ctx, self.tr("delete of {0}").format(row.title), "learning",
                    snapshot, lambda: development.delete_learning(learning_id))
        self._learning_id, self._learning_row = None, None
        self.ctx.bus.changed.emit("learning")
        if not self.isVisible():
            self.reload_now()
        if self.learning_model.rowCount():
            self._select(self.learning_table,
                         min(max(position, 0), self.learning_model.rowCount() - 1))
        self.ctx.bus.status.emit(self.tr("Deleted {0}.").format(row.title))

    # --- TabBase --------------------------------------------------------------------------
    def show_item(self, kind: str, item_id: int) -> bool:
        if kind not in ("skill", "learning"):
            return False
        if self._stale:
            self.reload_now()
        if kind == "skill":
            row = self._ranked(item_id)
            if row is None:
                self.reload_now()
                row = self._ranked(item_id)
            if row is None:
                return False
            table, model = ((self.strengths_list, self.strengths_model) if row.transferable
                            else (self.development_list, self.skills_model))
            if model.row_of(item_id) < 0:
                self._clear_skill_filters()
                self._update_states()
            position = model.row_of(item_id)
            if position < 0:
                return False
            self._select(table, position)
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
        self._select(self.learning_table, position)
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
        settings.set_window_state("developmentListsSplitter", self.lists_splitter.saveState())
        for name, table in (("developmentList", self.development_list),
                            ("strengthsList", self.strengths_list),
                            ("learningTable", self.learning_table)):
            settings.set_window_state(name, table.horizontalHeader().saveState())

    def restore_state(self, settings: Settings) -> None:
        for name, splitter in (("developmentSplitter", self.splitter),
                               ("developmentListsSplitter", self.lists_splitter)):
            state = settings.window_state(name)
            if state is not None:
                splitter.restoreState(state)
        for name, table in (("developmentList", self.development_list),
                            ("strengthsList", self.strengths_list),
                            ("learningTable", self.learning_table)):
            state = settings.window_state(name)
            header = table.horizontalHeader()
            if state is not None and header.restoreState(state):
                order = (header.sortIndicatorSection(), header.sortIndicatorOrder())
                model = table.model()
                if order != model.sort_column():  # (the tab may have loaded already)
                    model.sort(*order)
