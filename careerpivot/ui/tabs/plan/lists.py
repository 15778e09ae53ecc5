"""The left side of the Plan tab: the plan as a tree (phases, each with its milestones by due
date) with its tools and the count of overdue milestones, above the contingencies (or, while
there is none, what one is, with the button that adds the first)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerpivot.services import plan
from careerpivot.ui.itemmodels.plan import (
    CONTINGENCY,
    ContingencyModel,
    IdRole,
    KindRole,
    PlanTreeModel,
)
from careerpivot.ui.tabs.plan.tree import PlanTree
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.tables import row_height

if TYPE_CHECKING:
    from careerpivot.ui.tabs.plan.commands import PlanCommands


class PlanLists(QSplitter):
    """The tree of phases and milestones above the table of contingencies; a selection in one
    clears the other. Tells what the user selected (``chosen``), or that a list's selection
    went (``emptied``, True for the tree); selections made by the tab (:meth:`select`, within
    :meth:`quietly`) are not told."""

    chosen = Signal(str, int)
    emptied = Signal(bool)

    def __init__(self, model: PlanTreeModel, contingency_model: ContingencyModel,
                 commands: PlanCommands, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("planLeftSplitter")
        self.model = model
        self.contingency_model = contingency_model
        self._collapsed: set[int] = set()
        self._quiet = False
        self.tree = PlanTree(self.model, self)
        self.tree.selectionModel().selectionChanged.connect(
            lambda *_a: self._on_selection(self.tree, self.contingency_table, True))
        self.tree.collapsed.connect(lambda i: self._collapsed.add(i.data(IdRole)))
        self.tree.expanded.connect(lambda i: self._collapsed.discard(i.data(IdRole)))
        delete_key = QAction(self.tree)
        delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(commands.delete_selected)
        self.tree.addAction(delete_key)

        self.overdue_label = QLabel(self)
        self.overdue_label.setObjectName("overdueSummary")
        self.overdue_label.hide()

        tools = QHBoxLayout()
        tools.setSpacing(4)
        for action in (commands.add_phase_action, commands.add_milestone_action,
                       commands.delete_action):
            tools.addWidget(self._tool(action))
        tools.addSpacing(12)
        for action in (commands.move_up_action, commands.move_down_action):
            tools.addWidget(self._tool(action))
        tools.addStretch(1)
        tools.addWidget(self.overdue_label)

        plan_box = QWidget(self)
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addLayout(tools)
        plan_layout.addWidget(self.tree, 1)

        # contingencies
        self.contingency_table = QTableView(self)
        self.contingency_table.setObjectName("contingencyTable")
        self.contingency_table.setAccessibleName(self.tr("Contingencies"))
        self.contingency_table.setModel(self.contingency_model)
        self.contingency_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contingency_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows)
        self.contingency_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contingency_table.setAlternatingRowColors(True)
        self.contingency_table.verticalHeader().hide()
        self.contingency_table.setWordWrap(False)
        self.contingency_table.setShowGrid(False)
        self.contingency_table.verticalHeader().setDefaultSectionSize(
            row_height(self.contingency_table))
        c_header = self.contingency_table.horizontalHeader()
        c_header.setSectionResizeMode(ContingencyModel.TRIGGER, QHeaderView.ResizeMode.Stretch)
        c_header.setSectionResizeMode(ContingencyModel.DATE,
                                      QHeaderView.ResizeMode.ResizeToContents)
        c_header.setSectionResizeMode(ContingencyModel.RESPONSE, QHeaderView.ResizeMode.Stretch)
        c_header.setSectionResizeMode(ContingencyModel.PATH,
                                      QHeaderView.ResizeMode.ResizeToContents)
        # what happens and what I will do are read whole: two lines a row when one is short
        c_header.sectionResized.connect(lambda *_a: self.fit_contingency_rows())
        self.contingency_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._on_selection(self.contingency_table, self.tree, False))
        delete_key = QAction(self.contingency_table)
        delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(commands.delete_contingency)
        self.contingency_table.addAction(delete_key)

        c_tools = QHBoxLayout()
        c_tools.setSpacing(4)
        c_title = QLabel(self.tr("<b>Contingencies</b> — if this happens by then, I will do "
                                 "that"), self)
        c_title.setObjectName("contingencyTitle")
        c_tools.addWidget(c_title)
        c_tools.addStretch(1)
        c_tools.addWidget(self._tool(commands.add_contingency_action))
        c_tools.addWidget(self._tool(commands.delete_contingency_action))
        # no contingency yet: what one is, and the button that adds the first
        self.contingency_stack = QStackedWidget(self)
        self.contingency_stack.setObjectName("contingencyStack")
        self.contingency_stack.addWidget(self.contingency_table)
        self.contingency_empty = EmptyState(
            self, name="contingenciesEmpty", compact=True,
            title=self.tr("No contingencies yet"),
            text=self.tr("Decide now what you will do if the plan stalls: if no interview "
                         "offers come by the end of June, then apply for a lateral move."),
            action=self.tr("Add Contingency"))
        add = commands.add_contingency_action
        self.contingency_empty.actionTriggered.connect(add.trigger)
        # (a read-only workspace disables the action: the button follows it)
        add.changed.connect(lambda: self.contingency_empty.set_action_enabled(add.isEnabled()))
        self.contingency_stack.addWidget(self.contingency_empty)
        c_box = self._contingency_box = QWidget(self)
        c_layout = QVBoxLayout(c_box)
        c_layout.setContentsMargins(0, 0, 0, 0)
        c_layout.addLayout(c_tools)
        c_layout.addWidget(self.contingency_stack, 1)

        self.addWidget(plan_box)
        self.addWidget(c_box)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)

    def contingencies_height(self, rows: int = 4) -> int:
        """The height that shows the contingencies' title and up to ``rows`` of them (with
        none, their empty state whole)."""
        table = self.contingency_table
        box = self._contingency_box.layout()
        tools = box.itemAt(0).sizeHint().height() + box.spacing()
        if not self.contingency_model.rowCount():
            return tools + self.contingency_empty.sizeHint().height()
        shown = max(1, min(rows, self.contingency_model.rowCount()))
        return tools + table.horizontalHeader().sizeHint().height() \
            + shown * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth()

    def show_contingencies_state(self) -> None:
        """The table, or (with no contingency) the empty state."""
        empty = not self.contingency_model.rowCount()
        self.contingency_stack.setCurrentWidget(
            self.contingency_empty if empty else self.contingency_table)

    def fit_contingency_rows(self) -> None:
        """One line a row, or two when a trigger or a response does not fit on one (all
        rows alike, as tall as the tree's or twice that)."""
        table, model = self.contingency_table, self.contingency_model
        header, metrics = table.horizontalHeader(), table.fontMetrics()
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                           table) + 1
        long = any(metrics.horizontalAdvance(str(model.index(row, column).data() or ""))
                   > header.sectionSize(column) - 2 * margin
                   for row in range(model.rowCount())
                   for column in (ContingencyModel.TRIGGER, ContingencyModel.RESPONSE))
        lines = 2 if long else 1
        if table.wordWrap() != long:
            table.setWordWrap(long)
        height = row_height(table, lines)
        if table.verticalHeader().defaultSectionSize() != height:
            table.verticalHeader().setDefaultSectionSize(height)
        # the title and two of them whole at least: the tree above gives way first
        self._contingency_box.setMinimumHeight(
            self.contingencies_height(2) if model.rowCount() else 0)

    def _tool(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setObjectName(action.objectName().replace("Action", "Button"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    @contextlib.contextmanager
    def quietly(self) -> Iterator[None]:
        """Selections changed meanwhile are not told."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def set_plan(self, overview: plan.PlanOverview) -> None:
        self.model.set_overview(overview)
        self.contingency_model.set_rows(overview.contingencies)
        self.show_contingencies_state()
        self.fit_contingency_rows()
        self.expand()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Size the tree's columns to their contents and the room there is."""
        self.tree.fit_columns()

    def expand(self) -> None:
        """Every phase expanded but those the user collapsed, in one layout pass of the tree.
        ``expandAll()`` emits no ``expanded`` signals; none are needed, as the phases it
        expands are not in ``_collapsed``."""
        self.tree.expandAll()
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(IdRole) in self._collapsed:
                self.tree.collapse(index)

    def select(self, kind: str, item_id: int) -> bool:
        """Select an item in the tree or the table (without reacting to it)."""
        if kind == CONTINGENCY:
            row = self.contingency_model.row_of(item_id)
            if row < 0:
                return False
            self.tree.selectionModel().clearSelection()
            index = self.contingency_model.index(row, 0)
            self.contingency_table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.contingency_table.scrollTo(index)
            return True
        index = self.model.index_of(kind, item_id)
        if not index.isValid():
            return False
        self.contingency_table.selectionModel().clearSelection()
        if index.parent().isValid():
            self.tree.setExpanded(index.parent(), True)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)
        return True

    def _on_selection(self, view: QAbstractItemView, other: QAbstractItemView,
                      in_tree: bool) -> None:
        if self._quiet:
            return
        indexes = view.selectionModel().selectedRows()
        if not indexes:
            self.emptied.emit(in_tree)
            return
        blocker = other.selectionModel().blockSignals(True)
        other.selectionModel().clearSelection()
        other.selectionModel().blockSignals(blocker)
        other.viewport().update()
        kind = indexes[0].data(KindRole) if in_tree else CONTINGENCY
        self.chosen.emit(kind, indexes[0].data(IdRole))
