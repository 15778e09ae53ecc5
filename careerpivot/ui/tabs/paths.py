"""The Paths tab: target paths, what the user believes about each, what the conversations
said, each path's core questions, and the side-by-side comparison of paths.

The paths are listed on the left; the selected path's title, field, status and motivation sit
above four pages: its assumptions (with their derived status and, below, the evidence for the
selected one), its core questions, its notes, and the comparison of every path.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.errors import CareerPivotError, ValidationError
from careerpivot.services import paths
from careerpivot.settings import Settings
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.itemmodels import assumptions as am
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.undo import push_add, push_change, push_delete
from careerpivot.ui.widgets.form_parts import GrowingTextEdit, heading, hint
from careerpivot.ui.widgets.form_parts import refresh_binder as _refresh_binder
from careerpivot.ui.widgets.forms import FormBinder, error_label

#: Above this many rows, rows keep one line (sizing every row to its text would be slow).
WRAP_ROWS_LIMIT = 200

PAGE_ASSUMPTIONS, PAGE_QUESTIONS, PAGE_NOTES, PAGE_COMPARE = range(4)


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setHighlightSections(False)
    return table


def _shortcut(widget: QWidget, key: QKeySequence | QKeySequence.StandardKey | str,
              slot, text: str = "") -> QAction:
    action = QAction(text, widget)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action


class ScoreDelegate(QStyledItemDelegate):
    """A spin box for weights (0-100) and scores (0-5) in the comparison table; the criterion's
    name keeps the default text editor. (An exception in ``setEditorData`` -- ``float("Pay")``
    -- ends the process with a segmentation fault under PySide6 6.11, not in the excepthook.)"""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        if index.column() == am.C_NAME:
            return super().createEditor(parent, option, index)
        spin = QDoubleSpinBox(parent)
        spin.setDecimals(1)
        if index.column() == am.C_WEIGHT:
            spin.setRange(0, paths.MAX_WEIGHT)
            spin.setSingleStep(0.5)
        else:
            spin.setRange(0, am.MAX_SCORE)
            spin.setSingleStep(0.5)
        spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return spin

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if not isinstance(editor, QDoubleSpinBox):
            super().setEditorData(editor, index)
            return
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(float(value) if isinstance(value, int | float) else 0.0)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if not isinstance(editor, QDoubleSpinBox):
            super().setModelData(editor, model, index)
            return
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class PathsTab(TabBase):
    areas = frozenset({Area.PATHS, Area.INTERVIEWS, Area.CONTACTS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._expected: Counter[str] = Counter()
        self._path_rows: list[paths.PathRow] = []
        self._comparison_stale = True
        self._bank: list[paths.QuestionRow] = []
        self._core: list[paths.QuestionRow] = []
        # Wrapped rows are sized to their text again once column widths settle.
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(0)
        self._rows_timer.timeout.connect(self._fit_rows)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("pathsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list_pane())
        self.stack = QStackedWidget()
        self.empty = hint(self.tr("Add the first path you are considering — “Product "
                                  "management”, “Operations leadership”… Then write down what "
                                  "you believe about it, and let conversations test it."))
        self.empty.setObjectName("pathsEmptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_detail())
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 930])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)

    # --- construction -----------------------------------------------------------------------
    def _build_list_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(heading(self.tr("Target paths")))
        self.paths_list = QListWidget()
        self.paths_list.setObjectName("pathsList")
        self.paths_list.setAccessibleName(self.tr("Target paths"))
        self.paths_list.setSpacing(2)
        self.paths_list.setWordWrap(True)
        self.paths_list.currentItemChanged.connect(self._path_chosen)
        _shortcut(self.paths_list, QKeySequence.StandardKey.Delete, self.delete_path)
        layout.addWidget(self.paths_list, 1)
        buttons = QHBoxLayout()
        self.add_path_button = QPushButton(self.tr("&Add Path…"))
        self.add_path_button.setObjectName("addPathButton")
        self.add_path_button.clicked.connect(self.add_path)
        self.delete_path_button = QPushButton(self.tr("Delete…"))
        self.delete_path_button.setObjectName("deletePathButton")
        self.delete_path_button.setToolTip(self.tr("Delete the selected path (you can undo)"))
        self.delete_path_button.clicked.connect(self.delete_path)
        buttons.addWidget(self.add_path_button)
        buttons.addWidget(self.delete_path_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return pane

    def _build_detail(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 0, 0)
        self.binder = FormBinder(self.ctx, paths.update_path, area="paths", what="path",
                                 parent=self,
                                 reload=lambda pid: paths.get_path(pid)._asdict())
        self.binder.stored.connect(self._path_stored)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("pathTitleEdit")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("pathStatusCombo")
        for key, name in vocab.PATH_STATUSES.items():
            self.status_combo.addItem(vocab_name(name), key)
        self.field_edit = QLineEdit()
        self.field_edit.setObjectName("pathFieldEdit")
        self.field_edit.setPlaceholderText(self.tr("for example B2B software, healthcare"))
        self.why_edit = GrowingTextEdit(2, 6)
        self.why_edit.setObjectName("pathWhyEdit")
        self.why_edit.setPlaceholderText(self.tr("What draws you to this path?"))

        def caption(text: str, buddy: QWidget) -> QLabel:
            label = QLabel(text)
            label.setBuddy(buddy)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return label

        errors = {f: error_label(page) for f in ("title", "status", "field", "why")}
        grid.addWidget(caption(self.tr("&Title:"), self.title_edit), 0, 0)
        grid.addWidget(self.title_edit, 0, 1)
        grid.addWidget(caption(self.tr("Stat&us:"), self.status_combo), 0, 2)
        grid.addWidget(self.status_combo, 0, 3)
        grid.addWidget(errors["title"], 1, 1)
        grid.addWidget(errors["status"], 1, 3)
        grid.addWidget(caption(self.tr("Field or indust&ry:"), self.field_edit), 2, 0)
        grid.addWidget(self.field_edit, 2, 1, 1, 3)
        grid.addWidget(errors["field"], 3, 1, 1, 3)
        why_caption = caption(self.tr("&Why it attracts me:"), self.why_edit)
        why_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(why_caption, 4, 0)
        grid.addWidget(self.why_edit, 4, 1, 1, 3)
        grid.addWidget(errors["why"], 5, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.binder.bind("title", self.title_edit, errors["title"], self.tr("the title"))
        self.binder.bind("status", self.status_combo, errors["status"], self.tr("the status"))
        self.binder.bind("field", self.field_edit, errors["field"], self.tr("the field"))
        self.binder.bind("why", self.why_edit, errors["why"], self.tr("why it attracts you"))

        self.pages = QTabWidget()
        self.pages.setObjectName("pathPages")
        self.pages.addTab(self._build_assumptions_page(), "")
        self.pages.addTab(self._build_questions_page(), "")
        notes_page = QWidget()
        notes_layout = QVBoxLayout(notes_page)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("pathNotesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("Anything else about this path: roles to "
                                                   "look at, companies, open questions…"))
        notes_error = error_label(notes_page)
        notes_layout.addWidget(self.notes_edit, 1)
        notes_layout.addWidget(notes_error)
        self.binder.bind("notes", self.notes_edit, notes_error, self.tr("the notes"))
        self.pages.addTab(notes_page, "")
        self.pages.addTab(self._build_compare_page(), "")
        self.pages.currentChanged.connect(self._page_changed)
        layout.addWidget(self.pages, 1)
        self._set_page_titles()
        return page

    def _build_assumptions_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        tools = QHBoxLayout()
        self.add_assumption_button = QPushButton(self.tr("New Assumption…"))
        self.add_assumption_button.setObjectName("addAssumptionButton")
        self.add_assumption_button.setToolTip(self.tr("Write down something you believe about "
                                                      "this path (Insert)"))
        self.add_assumption_button.clicked.connect(self.add_assumption)
        self.edit_assumption_button = QPushButton(self.tr("Change…"))
        self.edit_assumption_button.setObjectName("editAssumptionButton")
        self.edit_assumption_button.setToolTip(self.tr("Change the selected assumption (F2)"))
        self.edit_assumption_button.clicked.connect(self.edit_assumption)
        self.delete_assumption_button = QPushButton(self.tr("Delete…"))
        self.delete_assumption_button.setObjectName("deleteAssumptionButton")
        self.delete_assumption_button.setToolTip(self.tr("Delete the selected assumption and "
                                                         "its evidence (Delete; you can undo)"))
        self.delete_assumption_button.clicked.connect(self.delete_assumption)
        for button in (self.add_assumption_button, self.edit_assumption_button,
                       self.delete_assumption_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(hint(self.tr("The status comes from the evidence you record in "
                                     "interviews.")))
        layout.addLayout(tools)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("assumptionsSplitter")
        split.setChildrenCollapsible(False)
        self.assumptions_model = am.AssumptionsModel(self)
        self.assumptions_table = _table("assumptionsTable")
        self.assumptions_table.setModel(self.assumptions_model)
        self.assumptions_table.setAccessibleName(self.tr("Assumptions"))
        self.assumptions_table.setItemDelegateForColumn(
            am.A_EVIDENCE, am.CountsDelegate(self.assumptions_table))
        header = self.assumptions_table.horizontalHeader()
        header.setSectionResizeMode(am.A_STATEMENT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((am.A_CATEGORY, 125), (am.A_CONFIDENCE, 85), (am.A_STATUS, 115),
                              (am.A_EVIDENCE, 135), (am.A_TRIANGULATED, 105)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.sectionResized.connect(lambda *_: self._rows_timer.start())
        self.assumptions_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._assumption_chosen())
        self.assumptions_table.doubleClicked.connect(lambda _i: self.edit_assumption())
        _shortcut(self.assumptions_table, "Insert", self.add_assumption)
        _shortcut(self.assumptions_table, "F2", self.edit_assumption)
        _shortcut(self.assumptions_table, QKeySequence.StandardKey.Delete,
                  self.delete_assumption)
        split.addWidget(self.assumptions_table)

        evidence_pane = QWidget()
        ev_layout = QVBoxLayout(evidence_pane)
        ev_layout.setContentsMargins(0, 4, 0, 0)
        self.evidence_title = heading("")
        self.evidence_title.setObjectName("evidenceTitle")
        self.evidence_title.setWordWrap(True)
        ev_layout.addWidget(self.evidence_title)
        self.evidence_model = am.EvidenceModel(self)
        self.evidence_table = _table("evidenceList")
        self.evidence_table.setModel(self.evidence_model)
        self.evidence_table.setAccessibleName(self.tr("Evidence for the selected assumption"))
        eh = self.evidence_table.horizontalHeader()
        eh.setSectionResizeMode(am.E_QUOTE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((am.E_VERDICT, 110), (am.E_PERSON, 150), (am.E_LEVEL, 100),
                              (am.E_ORGANIZATION, 140), (am.E_DATE, 90)):
            eh.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            eh.resizeSection(column, width)
        eh.sectionResized.connect(lambda *_: self._rows_timer.start())
        # Double-click or Enter.
        self.evidence_table.activated.connect(lambda _i: self.open_evidence_interview())
        self.evidence_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons())
        ev_layout.addWidget(self.evidence_table, 1)
        row = QHBoxLayout()
        self.open_interview_button = QPushButton(self.tr("Open Interview"))
        self.open_interview_button.setObjectName("openInterviewButton")
        self.open_interview_button.setToolTip(self.tr("Open the selected conversation in the "
                                                      "Interviews tab (Enter)"))
        self.open_interview_button.clicked.connect(self.open_evidence_interview)
        row.addWidget(self.open_interview_button)
        row.addWidget(hint(self.tr("Double-click a conversation to open it.")), 1)
        ev_layout.addLayout(row)
        split.addWidget(evidence_pane)
        split.setSizes([300, 220])
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.assumptions_splitter = split
        layout.addWidget(split, 1)
        return page

    def _build_questions_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        left = QVBoxLayout()
        left.addWidget(heading(self.tr("Question bank")))
        # A list, not a tree: a list view wraps long questions to its width.
        self.bank_list = QListWidget()
        self.bank_list.setObjectName("questionBank")
        self.bank_list.setWordWrap(True)
        self.bank_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.bank_list.setUniformItemSizes(False)
        self.bank_list.setAccessibleName(self.tr("Question bank"))
        self.bank_list.setToolTip(self.tr("Double-click or press Enter to make a question a "
                                          "core question of this path"))
        self.bank_list.itemActivated.connect(lambda _i: self.add_core_question())
        self.bank_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        left.addWidget(self.bank_list, 1)
        bank_buttons = QHBoxLayout()
        self.add_core_button = QPushButton(self.tr("Add to Core Questions"))
        self.add_core_button.setObjectName("addCoreQuestionButton")
        self.add_core_button.clicked.connect(self.add_core_question)
        self.new_question_button = QPushButton(self.tr("New Question…"))
        self.new_question_button.setObjectName("newQuestionButton")
        self.new_question_button.setToolTip(self.tr("Write a question of your own into the "
                                                    "bank"))
        self.new_question_button.clicked.connect(self.new_question)
        bank_buttons.addWidget(self.add_core_button)
        bank_buttons.addWidget(self.new_question_button)
        bank_buttons.addStretch(1)
        left.addLayout(bank_buttons)

        right = QVBoxLayout()
        self.core_title = heading(self.tr("Core questions"))
        right.addWidget(self.core_title)
        right.addWidget(hint(self.tr("Every new interview for this path starts with these "
                                     "questions, in this order.")))
        self.core_warning = QLabel()
        self.core_warning.setObjectName("coreQuestionWarning")
        self.core_warning.setWordWrap(True)
        self.core_warning.setStyleSheet("color: #8a5300; font-weight: bold;")
        right.addWidget(self.core_warning)
        self.core_list = QListWidget()
        self.core_list.setObjectName("coreQuestionsList")
        self.core_list.setWordWrap(True)
        self.core_list.setAccessibleName(self.tr("Core questions"))
        self.core_list.currentRowChanged.connect(lambda _r: self._update_buttons())
        _shortcut(self.core_list, QKeySequence.StandardKey.Delete, self.remove_core_question)
        _shortcut(self.core_list, "Ctrl+Up", lambda: self.move_core_question(-1))
        _shortcut(self.core_list, "Ctrl+Down", lambda: self.move_core_question(1))
        right.addWidget(self.core_list, 1)
        core_buttons = QHBoxLayout()
        self.core_up_button = QPushButton(self.tr("Move Up"))
        self.core_up_button.setObjectName("coreUpButton")
        self.core_up_button.setToolTip(self.tr("Ctrl+Up"))
        self.core_up_button.clicked.connect(lambda: self.move_core_question(-1))
        self.core_down_button = QPushButton(self.tr("Move Down"))
        self.core_down_button.setObjectName("coreDownButton")
        self.core_down_button.setToolTip(self.tr("Ctrl+Down"))
        self.core_down_button.clicked.connect(lambda: self.move_core_question(1))
        self.core_remove_button = QPushButton(self.tr("Remove"))
        self.core_remove_button.setObjectName("coreRemoveButton")
        self.core_remove_button.setToolTip(self.tr("Remove from the core questions (Delete); "
                                                   "it stays in the bank"))
        self.core_remove_button.clicked.connect(self.remove_core_question)
        for button in (self.core_up_button, self.core_down_button, self.core_remove_button):
            core_buttons.addWidget(button)
        core_buttons.addStretch(1)
        right.addLayout(core_buttons)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        return page

    def _build_compare_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(hint(self.tr(
            "Score every path from 0 (poor) to 5 (excellent) on what matters to you; the "
            "weights say how much each criterion counts. Double-click a cell (or press F2) to "
            "change it.")))
        self.comparison_model = am.ComparisonModel(self)
        self.comparison_model.set_editor(self._comparison_edit)
        self.comparison_table = _table("comparisonTable")
        self.comparison_table.setModel(self.comparison_model)
        self.comparison_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectItems)
        self.comparison_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                              | QAbstractItemView.EditTrigger.EditKeyPressed
                                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.comparison_table.setWordWrap(False)
        self.comparison_table.setAccessibleName(self.tr("Comparison of paths"))
        delegate = ScoreDelegate(self.comparison_table)
        self._score_delegate = delegate
        self.comparison_table.setItemDelegate(delegate)
        self.comparison_table.selectionModel().currentChanged.connect(
            lambda *_: self._update_buttons())
        _shortcut(self.comparison_table, QKeySequence.StandardKey.Delete,
                  self._clear_score)
        layout.addWidget(self.comparison_table, 1)
        self.comparison_error = error_label(page)
        self.comparison_error.setObjectName("comparisonError")
        layout.addWidget(self.comparison_error)
        row = QHBoxLayout()
        self.add_criterion_button = QPushButton(self.tr("New Criterion…"))
        self.add_criterion_button.setObjectName("addCriterionButton")
        self.add_criterion_button.clicked.connect(self.add_criterion)
        self.delete_criterion_button = QPushButton(self.tr("Delete Criterion"))
        self.delete_criterion_button.setObjectName("deleteCriterionButton")
        self.delete_criterion_button.clicked.connect(self.delete_criterion)
        row.addWidget(self.add_criterion_button)
        row.addWidget(self.delete_criterion_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.evidence_note = hint(self.tr(
            "Criteria filled from the evidence (in italics) are not scored by hand: they "
            "measure how well each path is known from your conversations. An assumption that "
            "no conversation has tested counts 0, a tested one half, a triangulated one in "
            "full; 5 means every assumption of the path is triangulated."))
        self.evidence_note.setObjectName("evidenceStrengthNote")
        layout.addWidget(self.evidence_note)
        return page

    # --- TabBase ----------------------------------------------------------------------------
    def _on_changed(self, area: str) -> None:
        if self._expected[area] > 0:
            self._expected[area] -= 1
            return
        super()._on_changed(area)

    def reload(self) -> None:
        try:
            rows = paths.list_paths()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        self._path_rows = rows
        current = self.current_path_id()
        self.paths_list.blockSignals(True)
        self.paths_list.clear()
        for row in rows:
            item = QListWidgetItem()
            self._fill_path_item(item, row)
            self.paths_list.addItem(item)
        ids = [r.id for r in rows]
        target = current if current in ids else (ids[0] if ids else None)
        if target is not None:
            self.paths_list.setCurrentRow(ids.index(target))
        self.paths_list.blockSignals(False)
        self._comparison_stale = True
        self._show_path(target)

    def show_item(self, kind: str, item_id: int) -> bool:
        if kind not in ("path", "assumption"):
            return False
        if self._stale:
            self.reload_now()
        try:
            path_id = item_id if kind == "path" else paths.get_assumption(item_id).path_id
        except CareerPivotError:
            return False
        if not self.select_path(path_id):
            return False
        if kind == "assumption":
            self.pages.setCurrentIndex(PAGE_ASSUMPTIONS)
            self.select_assumption(item_id)
        return True

    def focus_search(self) -> None:
        self.paths_list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def flush_edits(self) -> bool:
        return self.binder.flush()

    def save_state(self, settings: Settings) -> None:
        settings.set_window_state("paths/splitter", self.splitter.saveState())
        settings.set_window_state("paths/assumptionsSplitter",
                                  self.assumptions_splitter.saveState())
        settings.set_window_state("paths/page", QByteArray(bytes([self.pages.currentIndex()])))

    def restore_state(self, settings: Settings) -> None:
        for key, splitter in (("paths/splitter", self.splitter),
                              ("paths/assumptionsSplitter", self.assumptions_splitter)):
            state = settings.window_state(key)
            if state is not None:
                splitter.restoreState(state)
        state = settings.window_state("paths/page")
        if state is not None and state.size() == 1:
            self.pages.setCurrentIndex(state.data()[0])

    # --- paths ------------------------------------------------------------------------------
    def current_path_id(self) -> int | None:
        item = self.paths_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def current_path(self) -> paths.PathRow | None:
        pid = self.current_path_id()
        return next((r for r in self._path_rows if r.id == pid), None)

    def _fill_path_item(self, item: QListWidgetItem, row: paths.PathRow) -> None:
        status = vocab_name(vocab.PATH_STATUSES.get(row.status, row.status))
        details = self.tr("{0} · %n assumption(s)", "", row.assumption_count).format(status)
        details += " · " + self.tr("%n interview(s)", "", row.interview_count)
        item.setText(f"{row.title}\n{details}")
        item.setData(Qt.ItemDataRole.UserRole, row.id)
        item.setToolTip(row.why or row.title)

    def select_path(self, path_id: int) -> bool:
        for i in range(self.paths_list.count()):
            if self.paths_list.item(i).data(Qt.ItemDataRole.UserRole) == path_id:
                self.paths_list.setCurrentRow(i)
                return True
        return False

    def _path_chosen(self, current: QListWidgetItem | None,
                     previous: QListWidgetItem | None) -> None:
        pid = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if pid == self.binder.row_id:
            return
        if not self.binder.flush() and previous is not None:
            self.ctx.bus.status.emit(self.tr(
                "Your last change could not be stored; correct the highlighted field first."))
            QTimer.singleShot(0, lambda: self.paths_list.setCurrentItem(previous))
            return
        self._show_path(pid)

    def _show_path(self, path_id: int | None) -> None:
        row = next((r for r in self._path_rows if r.id == path_id), None)
        if row is None:
            self.binder.load(None, {})
            self.assumptions_model.set_rows([])
            self.evidence_model.set_rows([])
            self.stack.setCurrentWidget(self.empty)
            self._update_buttons()
            if self.pages.currentIndex() == PAGE_COMPARE:
                self._load_comparison()
            return
        values = row._asdict()
        if self.binder.row_id == row.id:
            _refresh_binder(self.binder, values)
        else:
            self.binder.load(row.id, values)
        self.stack.setCurrentIndex(1)
        self._load_assumptions(row.id)
        self._load_questions(row.id)
        if self.pages.currentIndex() == PAGE_COMPARE:
            self._load_comparison()
        self._set_page_titles()
        self._update_buttons()

    def _path_stored(self, field: str) -> None:
        """An edit of the path's own fields: update its list entry; no full reload."""
        self._expected.update([Area.PATHS])
        pid = self.binder.row_id
        if pid is None:
            return
        try:
            row = paths.get_path(pid)
        except CareerPivotError:
            return
        self._path_rows = [row if r.id == pid else r for r in self._path_rows]
        item = self.paths_list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == pid:
            self._fill_path_item(item, row)
        self._comparison_stale = True
        if field in ("title", "status") and self.pages.currentIndex() == PAGE_COMPARE:
            self._load_comparison()
        self._set_page_titles()

    def add_path(self) -> None:
        if not self.binder.flush():
            return
        from careerpivot.ui.dialogs.add_path import AddPathDialog

        values = AddPathDialog.ask(self)
        if not values:
            return
        try:
            pid = paths.add_path(values["title"], values["field"])
        except (ValidationError, CareerPivotError) as exc:
            QMessageBox.warning(self, self.tr("New Path"), exc.message)
            return
        push_add(self.ctx, self.tr("new path"), Area.PATHS, lambda: paths.delete_path(pid))
        self.ctx.bus.changed.emit(Area.PATHS)
        if self._stale:
            self.reload_now()
        self.select_path(pid)
        self.add_assumption_button.setFocus()
        self.ctx.bus.status.emit(self.tr("Path added. Next: write down what you believe about "
                                         "it, and choose its core questions."))

    def delete_path(self) -> None:
        row = self.current_path()
        if row is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete Path"),
                          self.tr("Delete the path “{0}”?").format(row.title),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("deletePathDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setInformativeText(
            self.tr("Deleted with it: %n assumption(s) with their evidence, "
                                   "its core questions and its comparison scores.", "",
                                   row.assumption_count)
            + "\n" + self.tr("Its %n interview(s) and your contacts stay "
                                            "(without a path). You can undo this.", "",
                                            row.interview_count))
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        self.binder.flush()
        try:
            snap = paths.delete_path(row.id)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Path"), exc.message)
            return
        pid = row.id
        push_delete(self.ctx, self.tr("deletion of the path “{0}”").format(row.title),
                    Area.PATHS, snap, lambda: paths.delete_path(pid))
        self.binder.load(None, {})
        self.ctx.bus.changed.emit(Area.PATHS)
        self.ctx.bus.status.emit(self.tr("Path deleted. Edit > Undo brings it back."))

    # --- assumptions ------------------------------------------------------------------------
    def _load_assumptions(self, path_id: int) -> None:
        selected = self.current_assumption()
        try:
            rows = paths.list_assumptions(path_id)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            rows = []
        self.assumptions_model.set_rows(rows)
        self._fit_rows(self.assumptions_table)
        target = selected.id if selected is not None else None
        if target is None or self.assumptions_model.row_of(target) < 0:
            target = rows[0].id if rows else None
        if target is not None:
            self.select_assumption(target)
        else:
            self._assumption_chosen()

    def current_assumption(self) -> paths.AssumptionRow | None:
        index = self.assumptions_table.selectionModel().currentIndex()
        return self.assumptions_model.assumption(index.row()) if index.isValid() else None

    def select_assumption(self, assumption_id: int) -> None:
        row = self.assumptions_model.row_of(assumption_id)
        if row < 0:
            return
        index = self.assumptions_model.index(row, 0)
        selection = self.assumptions_table.selectionModel()
        changed = selection.currentIndex().row() != row
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        self.assumptions_table.scrollTo(index)
        if not changed:  # no currentRowChanged: show its evidence (it may have changed)
            self._assumption_chosen()

    def _assumption_chosen(self) -> None:
        a = self.current_assumption()
        if a is None:
            self.evidence_model.set_rows([])
            self.evidence_title.setText(self.tr("Select an assumption to see what the "
                                                "conversations said about it."))
            self._update_buttons()
            return
        try:
            rows = paths.assumption_evidence(a.id)
        except CareerPivotError:
            rows = []
        self.evidence_model.set_rows(rows)
        self._fit_rows(self.evidence_table)
        if rows:
            self.evidence_title.setText(self.tr("Evidence for “{0}”").format(a.statement))
        else:
            self.evidence_title.setText(self.tr(
                "No conversation has given a verdict on “{0}” yet. Record one in an "
                "interview's Evidence page.").format(a.statement))
        self._update_buttons()

    def add_assumption(self) -> None:
        row = self.current_path()
        if row is None:
            return
        from careerpivot.ui.dialogs.assumption import AssumptionDialog

        values = AssumptionDialog.ask(self, row.title)
        if not values:
            return
        try:
            aid = paths.add_assumption(row.id, values["statement"], values["category"],
                                       values["confidence"])
        except (ValidationError, CareerPivotError) as exc:
            QMessageBox.warning(self, self.tr("New Assumption"), exc.message)
            return
        push_add(self.ctx, self.tr("new assumption"), Area.PATHS,
                 lambda: paths.delete_assumption(aid))
        self.ctx.bus.changed.emit(Area.PATHS)
        self.select_assumption(aid)
        self.assumptions_table.setFocus()

    def edit_assumption(self) -> None:
        a = self.current_assumption()
        row = self.current_path()
        if a is None or row is None:
            return
        old = {"statement": a.statement, "category": a.category, "confidence": a.confidence}
        from careerpivot.ui.dialogs.assumption import AssumptionDialog

        values = AssumptionDialog.ask(self, row.title, old)
        if not values:
            return
        changed = {k: v for k, v in values.items() if v != old[k]}
        if not changed:
            return
        try:
            for field, value in changed.items():
                paths.update_assumption(a.id, field, value)
        except (ValidationError, CareerPivotError) as exc:
            QMessageBox.warning(self, self.tr("Change Assumption"), exc.message)
            return
        aid = a.id

        def apply(values: dict[str, Any]) -> None:
            for field in changed:
                paths.update_assumption(aid, field, values[field])

        push_change(self.ctx, self.tr("change of an assumption"), Area.PATHS,
                    lambda: apply(old), lambda: apply(values))
        self.ctx.bus.changed.emit(Area.PATHS)

    def delete_assumption(self) -> None:
        a = self.current_assumption()
        if a is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete Assumption"),
                          self.tr("Delete the assumption “{0}”?").format(a.statement),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("deleteAssumptionDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setInformativeText(self.tr(
            "The evidence recorded for it in %n conversation(s) goes with it. You can "
            "undo this.", "", a.conversations))
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            snap = paths.delete_assumption(a.id)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Assumption"), exc.message)
            return
        aid = a.id
        push_delete(self.ctx, self.tr("deletion of an assumption"), Area.PATHS, snap,
                    lambda: paths.delete_assumption(aid))
        self.ctx.bus.changed.emit(Area.PATHS)

    def open_evidence_interview(self) -> None:
        index = self.evidence_table.selectionModel().currentIndex()
        evidence = self.evidence_model.evidence(index.row()) if index.isValid() else None
        if evidence is not None:
            self.ctx.bus.show_item.emit("interview", evidence.interview_id)

    # --- core questions ---------------------------------------------------------------------
    def _load_questions(self, path_id: int) -> None:
        try:
            self._bank = paths.list_questions()
            self._core = paths.core_questions(path_id)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        core_ids = {q.id for q in self._core}
        current = self.bank_list.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.bank_list.clear()
        by_category: dict[str, list[paths.QuestionRow]] = {}
        for q in self._bank:
            by_category.setdefault(q.category, []).append(q)
        restore = None
        heading_font = self.bank_list.font()
        heading_font.setBold(True)
        heading_color = self.bank_list.palette().color(QPalette.ColorRole.Text)
        for key, name in vocab.QUESTION_CATEGORIES.items():
            questions = by_category.get(key)
            if not questions:
                continue
            top = QListWidgetItem(vocab_name(name))
            top.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not selectable, skipped
            top.setFont(heading_font)
            top.setForeground(heading_color)
            self.bank_list.addItem(top)
            for q in questions:
                item = QListWidgetItem(q.text)
                item.setData(Qt.ItemDataRole.UserRole, q.id)
                if q.id in core_ids:
                    item.setText(self.tr("✓ {0}").format(q.text))
                    item.setToolTip(self.tr("Already a core question of this path"))
                self.bank_list.addItem(item)
                if q.id == current_id:
                    restore = item
        if restore is not None:
            self.bank_list.setCurrentItem(restore)
        row = self.core_list.currentRow()
        self.core_list.clear()
        for number, q in enumerate(self._core, start=1):
            item = QListWidgetItem(f"{number}. {q.text}")
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            item.setToolTip(vocab_name(vocab.QUESTION_CATEGORIES.get(q.category, q.category)))
            self.core_list.addItem(item)
        if self._core:
            self.core_list.setCurrentRow(min(max(row, 0), len(self._core) - 1))
        count = len(self._core)
        warning = paths.core_question_warning(count)
        if warning is None:
            self.core_warning.hide()
        else:
            if count == 0:
                text = self.tr("Choose {0} to {1} core questions for this path's interview "
                               "guide.")
            elif count < paths.CORE_QUESTIONS_MIN:
                text = self.tr("Only %n core question(s): a guide works best "
                                              "with {0} to {1}.", "", count)
            else:
                text = self.tr("%n core questions may not fit a 20–30 minute conversation; "
                               "{0} to {1} work best.", "", count)
            self.core_warning.setText("⚠ " + text.format(paths.CORE_QUESTIONS_MIN,
                                                          paths.CORE_QUESTIONS_MAX))
            self.core_warning.show()
        path = self.current_path()
        self.core_title.setText(self.tr("Core questions of “{0}”").format(path.title)
                                if path else self.tr("Core questions"))
        self._set_page_titles()
        self._update_buttons()

    def _set_core(self, new_ids: list[int], text: str, select: int | None = None) -> None:
        pid = self.current_path_id()
        if pid is None:
            return
        old_ids = [q.id for q in self._core]
        try:
            paths.set_core_questions(pid, new_ids)
        except (ValidationError, CareerPivotError) as exc:
            QMessageBox.warning(self, self.tr("Core Questions"), exc.message)
            return
        push_change(self.ctx, text, Area.PATHS,
                    lambda: paths.set_core_questions(pid, old_ids),
                    lambda: paths.set_core_questions(pid, new_ids))
        self._expected.update([Area.PATHS])
        self.ctx.bus.changed.emit(Area.PATHS)
        self._load_questions(pid)
        if select is not None and select in new_ids:
            self.core_list.setCurrentRow(new_ids.index(select))

    def add_core_question(self) -> None:
        item = self.bank_list.currentItem()
        qid = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if qid is None:
            return
        ids = [q.id for q in self._core]
        if qid in ids:
            self.ctx.bus.status.emit(self.tr("This question is already a core question."))
            return
        self._set_core([*ids, int(qid)], self.tr("adding a core question"), select=int(qid))

    def remove_core_question(self) -> None:
        row = self.core_list.currentRow()
        ids = [q.id for q in self._core]
        if not 0 <= row < len(ids):
            return
        new = ids[:row] + ids[row + 1:]
        self._set_core(new, self.tr("removing a core question"),
                       select=new[min(row, len(new) - 1)] if new else None)
        self.core_list.setFocus()

    def move_core_question(self, step: int) -> None:
        row = self.core_list.currentRow()
        ids = [q.id for q in self._core]
        target = row + step
        if not (0 <= row < len(ids) and 0 <= target < len(ids)):
            return
        new = list(ids)
        new[row], new[target] = new[target], new[row]
        self._set_core(new, self.tr("reordering the core questions"), select=ids[row])

    def new_question(self) -> None:
        path = self.current_path()
        from careerpivot.ui.dialogs.add_question import AddQuestionDialog

        values = AddQuestionDialog.ask(self, path.title if path else "")
        if not values:
            return
        try:
            qid = paths.add_question(values["text"], values["category"])
        except (ValidationError, CareerPivotError) as exc:
            QMessageBox.warning(self, self.tr("New Question"), exc.message)
            return
        push_add(self.ctx, self.tr("new question in the bank"), Area.PATHS,
                 lambda: paths.delete_question(qid))
        if values.get("add_to_path") and path is not None:
            self._set_core([*(q.id for q in self._core), qid],
                           self.tr("adding a core question"), select=qid)
        else:
            self._expected.update([Area.PATHS])
            self.ctx.bus.changed.emit(Area.PATHS)
            if path is not None:
                self._load_questions(path.id)

    # --- comparison -------------------------------------------------------------------------
    def _page_changed(self, index: int) -> None:
        if index == PAGE_COMPARE and self._comparison_stale:
            self._load_comparison()

    def _load_comparison(self) -> None:
        try:
            data = paths.comparison()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        index = self.comparison_table.currentIndex()
        self.comparison_model.set_comparison(data)
        self._comparison_stale = False
        header = self.comparison_table.horizontalHeader()
        header.setSectionResizeMode(am.C_NAME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(am.C_NAME, 220)
        header.resizeSection(am.C_WEIGHT, 70)
        header.resizeSection(am.C_EVIDENCE, 110)
        for i in range(len(data.paths)):
            column = am.C_FIXED + i
            header.resizeSection(column, max(130, min(220, header.sectionSizeHint(column))))
        if index.isValid():
            self.comparison_table.setCurrentIndex(self.comparison_model.index(
                min(index.row(), self.comparison_model.rowCount() - 1),
                min(index.column(), self.comparison_model.columnCount() - 1)))
        self._update_buttons()

    def _comparison_edit(self, kind: str, criterion_id: int, path_id: int | None,
                         value: Any) -> bool:
        data = self.comparison_model.comparison()
        if data is None:
            return False
        c_index = next(i for i, c in enumerate(data.criteria) if c.id == criterion_id)
        criterion = data.criteria[c_index]
        try:
            if kind == "score":
                assert path_id is not None
                p = next(p for p in data.paths if p.path_id == path_id)
                old = p.scores[c_index]
                if old is not None and value is not None and abs(float(value) - old) < 1e-9:
                    return False
                paths.set_score(path_id, criterion_id, value)

                def apply(v: Any, pid: int = path_id) -> None:
                    paths.set_score(pid, criterion_id, v)

                push_change(self.ctx, self.tr("a score"), Area.PATHS,
                            lambda: apply(old), lambda: apply(value))
            else:
                old = getattr(criterion, kind)
                if old == value or (kind == "name" and str(value).strip() == old):
                    return False
                paths.update_criterion(criterion_id, kind, value)

                def apply_c(v: Any) -> None:
                    paths.update_criterion(criterion_id, kind, v)

                push_change(self.ctx, self.tr("a comparison criterion"), Area.PATHS,
                            lambda: apply_c(old), lambda: apply_c(value))
        except (ValidationError, CareerPivotError) as exc:
            self.comparison_error.setText(exc.message)
            self.comparison_error.show()
            return False
        self.comparison_error.hide()
        self._expected.update([Area.PATHS])
        self.ctx.bus.changed.emit(Area.PATHS)
        # Not inside setData: the view is still closing its editor.
        QTimer.singleShot(0, self._load_comparison)
        return True

    def _clear_score(self) -> None:
        index = self.comparison_table.currentIndex()
        data = self.comparison_model.comparison()
        if (not index.isValid() or data is None or index.column() < am.C_FIXED
                or index.row() >= len(data.criteria)
                or data.criteria[index.row()].from_evidence):
            return
        path = data.paths[index.column() - am.C_FIXED]
        if path.scores[index.row()] is None:
            return
        self._comparison_edit("score", data.criteria[index.row()].id, path.path_id, None)

    def add_criterion(self) -> None:
        from careerpivot.ui.dialogs.add_criterion import AddCriterionDialog

        values = AddCriterionDialog.ask(self)
        if not values:
            return
        try:
            cid = paths.add_criterion(values["name"], values["weight"], values["from_evidence"])
        except (ValidationError, CareerPivotError) as exc:
            QMessageBox.warning(self, self.tr("New Criterion"), exc.message)
            return
        push_add(self.ctx, self.tr("new criterion"), Area.PATHS,
                 lambda: paths.delete_criterion(cid))
        self._expected.update([Area.PATHS])
        self.ctx.bus.changed.emit(Area.PATHS)
        self._load_comparison()

    def delete_criterion(self) -> None:
        index = self.comparison_table.currentIndex()
        cid = self.comparison_model.criterion_id(index.row()) if index.isValid() else None
        if cid is None:
            return
        name = self.comparison_model.index(index.row(), am.C_NAME).data()
        try:
            snap = paths.delete_criterion(cid)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Criterion"), exc.message)
            return
        push_delete(self.ctx, self.tr("deletion of the criterion “{0}”").format(name),
                    Area.PATHS, snap, lambda: paths.delete_criterion(cid))
        self._expected.update([Area.PATHS])
        self.ctx.bus.changed.emit(Area.PATHS)
        self._load_comparison()
        self.ctx.bus.status.emit(self.tr("Criterion deleted. Edit > Undo brings it back."))

    # --- chrome -----------------------------------------------------------------------------
    def _fit_rows(self, *tables: QTableView) -> None:
        """Rows as tall as their wrapped text, with a little air (those of ``tables``, or of
        both tables)."""
        for table in tables or (self.assumptions_table, self.evidence_table):
            rows = table.model().rowCount()
            if rows <= WRAP_ROWS_LIMIT:
                table.resizeRowsToContents()
                for row in range(rows):
                    table.setRowHeight(row, table.rowHeight(row) + 6)

    def _set_page_titles(self) -> None:
        n_assumptions = self.assumptions_model.rowCount()
        self.pages.setTabText(PAGE_ASSUMPTIONS, self.tr("Assu&mptions ({0})").format(
            n_assumptions))
        self.pages.setTabText(PAGE_QUESTIONS, self.tr("Core &questions ({0})").format(
            len(self._core)))
        self.pages.setTabText(PAGE_NOTES, self.tr("Notes"))
        self.pages.setTabText(PAGE_COMPARE, self.tr("&Compare Paths"))

    def _update_buttons(self) -> None:
        has_path = self.current_path_id() is not None
        self.delete_path_button.setEnabled(has_path)
        has_assumption = self.current_assumption() is not None
        self.edit_assumption_button.setEnabled(has_assumption)
        self.delete_assumption_button.setEnabled(has_assumption)
        self.add_assumption_button.setEnabled(has_path)
        ev = self.evidence_table.selectionModel().currentIndex()
        self.open_interview_button.setEnabled(ev.isValid())
        bank_item = self.bank_list.currentItem()
        qid = bank_item.data(Qt.ItemDataRole.UserRole) if bank_item is not None else None
        self.add_core_button.setEnabled(
            has_path and qid is not None and qid not in {q.id for q in self._core})
        row = self.core_list.currentRow()
        self.core_up_button.setEnabled(row > 0)
        self.core_down_button.setEnabled(0 <= row < self.core_list.count() - 1)
        self.core_remove_button.setEnabled(row >= 0)
        cmp_index = self.comparison_table.currentIndex()
        self.delete_criterion_button.setEnabled(
            cmp_index.isValid()
            and self.comparison_model.criterion_id(cmp_index.row()) is not None)
