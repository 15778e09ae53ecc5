"""The Plan tab: phases with their milestones, contingency options, and the plan as a
timeline.

Left, the plan as a tree (phases, each with its milestones by due date) and the contingencies
below it; right, the editor of whatever is selected, storing every edit when it is made;
underneath, the timeline. Selecting in the tree highlights on the timeline, and clicking on
the timeline selects in the tree.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import clock, vocab
from careerpivot.errors import CareerPivotError
from careerpivot.services import plan, workspace
from careerpivot.settings import Settings
from careerpivot.ui.context import AppContext
from careerpivot.ui.itemmodels.plan import (
    CONTINGENCY,
    MILESTONE,
    PHASE,
    ContingencyModel,
    IdRole,
    KindRole,
    PlanLook,
    PlanTreeModel,
)
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.undo import push_change, push_delete
from careerpivot.ui.widgets.forms import FormBinder, error_label, make_spin
from careerpivot.ui.widgets.timeline import PlanTimeline, warning_color

#: Length of a new phase that follows the last one.
NEW_PHASE_DAYS = 90

#: The tree's columns as wide as their contents (the title takes the rest).
_FITTED_COLUMNS = (PlanTreeModel.DUE, PlanTreeModel.STATUS, PlanTreeModel.TIME,
                   PlanTreeModel.PARTNER)


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask before deleting. Tests replace this function."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("confirmDeleteDialog")
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setInformativeText(QCoreApplication.translate(
        "PlanTab", "You can undo this with Edit > Undo."))
    box.exec()
    return box.clickedButton() is yes


def badge_icon(color: QColor, text: str) -> QIcon:
    """A small round badge (a filled circle with a white sign), sharp at 1x and 2x."""
    icon = QIcon()
    for size in (16, 24):
        for ratio in (1.0, 2.0):
            pixmap = QPixmap(round(size * ratio), round(size * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            margin = size * 0.1
            painter.drawEllipse(margin, margin, size - 2 * margin, size - 2 * margin)
            font = QFont()
            font.setBold(True)
            font.setPixelSize(round(size * 0.62))
            painter.setFont(font)
            painter.setPen(QColor("white"))
            painter.drawText(0, 0, size, size, Qt.AlignmentFlag.AlignCenter, text)
            painter.end()
            icon.addPixmap(pixmap)
    return icon


class LinkPicker(QDialog):
    """Choose any number of items from a list with check boxes and a filter."""

    def __init__(self, title: str, choices: list[tuple[int, str]], selected: set[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkPicker")
        self.setWindowTitle(title)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("linkFilter")
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("linkList")
        for item_id, text in choices:
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if item_id in selected
                               else Qt.CheckState.Unchecked)
        self.filter.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        if not choices:
            empty = QLabel(self.tr("There is nothing to choose yet."), self)
            empty.setWordWrap(True)
            layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(420, 440)

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def chosen(self) -> list[int]:
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, choices: list[tuple[int, str]],
            selected: set[int]) -> list[int] | None:
        dialog = cls(title, choices, selected, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.chosen()
        finally:
            dialog.deleteLater()


def _row(editor: QWidget, error: QLabel, *extra: QWidget) -> QWidget:
    """An editor with its message underneath."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(editor)
    for widget in extra:
        layout.addWidget(widget)
    layout.addWidget(error)
    return box


def _date_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText("YYYY-MM-DD")
    edit.setMaxLength(40)
    return edit


def _text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setFixedHeight(height)
    return box


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setVerticalSpacing(6)
    return form


class PlanTab(TabBase):
    areas = frozenset({"plan", "contacts", "skills", "learning", "paths"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._overview: plan.PlanOverview | None = None
        self._current: tuple[str, int] | None = None
        self._refreshing = False
        self._choices: dict[str, list[tuple[int, str]]] = {}
        #: the lists of the editors' combo boxes to read again before they are next shown
        self._stale_choices: set[str] = set()
        self._collapsed: set[int] = set()
        self._sized = False

        self.model = PlanTreeModel(self)
        self.contingency_model = ContingencyModel(self)
        self._build_actions()
        self._build()
        self._apply_look()
        self._built = True

    # --- construction ---------------------------------------------------------------------
    def _action(self, name: str, text: str, tip: str, shortcut: str | QKeySequence | None,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.add_phase_action = self._action(
            "addPhaseAction", self.tr("Add Phase"), self.tr("Add a phase at the end of the plan"),
            "Ctrl+Shift+P", self.add_phase)
        self.add_milestone_action = self._action(
            "addMilestoneAction", self.tr("Add Milestone"),
            self.tr("Add a milestone to the selected phase"), "Ctrl+Shift+M", self.add_milestone)
        self.delete_action = self._action(
            "deletePlanItemAction", self.tr("Delete"),
            self.tr("Delete the selected phase or milestone"), None, self.delete_selected)
        self.move_up_action = self._action(
            "movePhaseUpAction", self.tr("Move Up"), self.tr("Move the selected phase earlier"),
            "Ctrl+Shift+Up", lambda: self.move_phase(-1))
        self.move_down_action = self._action(
            "movePhaseDownAction", self.tr("Move Down"),
            self.tr("Move the selected phase later"), "Ctrl+Shift+Down",
            lambda: self.move_phase(1))
        self.add_contingency_action = self._action(
            "addContingencyAction", self.tr("Add Contingency"),
            self.tr("Add an “if this happens by then, I will do that” option"), "Ctrl+Shift+K",
            self.add_contingency)
        self.delete_contingency_action = self._action(
            "deleteContingencyAction", self.tr("Delete"),
            self.tr("Delete the selected contingency"), None, self.delete_contingency)

    def _tool(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setObjectName(action.objectName().replace("Action", "Button"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def _build(self) -> None:
        # the tree of phases and milestones
        self.tree = QTreeView(self)
        self.tree.setObjectName("planTree")
        self.tree.setAccessibleName(self.tr("Phases and milestones"))
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setIconSize(QSize(16, 16))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PlanTreeModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # as wide as their contents, measured by _fit_columns() when the plan changes
        for column in _FITTED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.tree.selectionModel().selectionChanged.connect(self._tree_selection_changed)
        self.tree.collapsed.connect(lambda i: self._collapsed.add(i.data(IdRole)))
        self.tree.expanded.connect(lambda i: self._collapsed.discard(i.data(IdRole)))
        delete_key = QAction(self.tree)
        delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.delete_selected)
        self.tree.addAction(delete_key)

        self.overdue_label = QLabel(self)
        self.overdue_label.setObjectName("overdueSummary")
        self.overdue_label.hide()

        tools = QHBoxLayout()
        tools.setSpacing(4)
        for action in (self.add_phase_action, self.add_milestone_action, self.delete_action):
            tools.addWidget(self._tool(action))
        tools.addSpacing(12)
        for action in (self.move_up_action, self.move_down_action):
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
            self.contingency_table.fontMetrics().height() + 8)
        c_header = self.contingency_table.horizontalHeader()
        c_header.setSectionResizeMode(ContingencyModel.TRIGGER, QHeaderView.ResizeMode.Stretch)
        c_header.setSectionResizeMode(ContingencyModel.DATE,
                                      QHeaderView.ResizeMode.ResizeToContents)
        c_header.setSectionResizeMode(ContingencyModel.RESPONSE, QHeaderView.ResizeMode.Stretch)
        c_header.setSectionResizeMode(ContingencyModel.PATH,
                                      QHeaderView.ResizeMode.ResizeToContents)
        self.contingency_table.selectionModel().selectionChanged.connect(
            self._contingency_selection_changed)
        delete_key = QAction(self.contingency_table)
        delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.delete_contingency)
        self.contingency_table.addAction(delete_key)

        c_tools = QHBoxLayout()
        c_tools.setSpacing(4)
        c_title = QLabel(self.tr("<b>Contingencies</b> — if this happens by then, I will do "
                                 "that"), self)
        c_title.setObjectName("contingencyTitle")
        c_tools.addWidget(c_title)
        c_tools.addStretch(1)
        c_tools.addWidget(self._tool(self.add_contingency_action))
        c_tools.addWidget(self._tool(self.delete_contingency_action))
        c_box = QWidget(self)
        c_layout = QVBoxLayout(c_box)
        c_layout.setContentsMargins(0, 0, 0, 0)
        c_layout.addLayout(c_tools)
        c_layout.addWidget(self.contingency_table, 1)

        self.left_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.left_splitter.setObjectName("planLeftSplitter")
        self.left_splitter.addWidget(plan_box)
        self.left_splitter.addWidget(c_box)
        self.left_splitter.setStretchFactor(0, 3)
        self.left_splitter.setStretchFactor(1, 1)
        self.left_splitter.setChildrenCollapsible(False)

        # the editor of the selection
        self.details = QStackedWidget(self)
        self.details.setObjectName("planDetails")
        # with nothing selected: the plan at a glance and what is due next
        self.empty_page = QLabel(self)
        self.empty_page.setObjectName("planEmptyDetails")
        self.empty_page.setWordWrap(True)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_page.setMargin(8)
        self.empty_page.setTextFormat(Qt.TextFormat.RichText)
        self.details.addWidget(self.empty_page)
        # the editors of a phase, a milestone and a contingency: built when first needed
        # (``_editor()``), as the tab's first showing needs none of them
        self._editors: dict[str, QWidget] = {}
        self._binders: dict[str, FormBinder] = {}
        scroll = QScrollArea(self)
        scroll.setObjectName("planDetailsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)
        scroll.setMinimumWidth(340)

        self.top_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.top_splitter.setObjectName("planSplitter")
        self.top_splitter.addWidget(self.left_splitter)
        self.top_splitter.addWidget(scroll)
        self.top_splitter.setStretchFactor(0, 3)
        self.top_splitter.setStretchFactor(1, 2)
        self.top_splitter.setChildrenCollapsible(False)

        # the timeline
        self.timeline = PlanTimeline(self)
        self.timeline.setMinimumHeight(160)
        self.timeline.milestoneClicked.connect(lambda i: self.select_item(MILESTONE, i))
        self.timeline.phaseClicked.connect(lambda i: self.select_item(PHASE, i))
        self.timeline.contingencyClicked.connect(lambda i: self.select_item(CONTINGENCY, i))

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("planVerticalSplitter")
        self.splitter.addWidget(self.top_splitter)
        self.splitter.addWidget(self.timeline)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        self._update_actions()

    def _heading(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def _editor(self, kind: str) -> QWidget:
        """The editor page of ``kind`` (PHASE, MILESTONE or CONTINGENCY), built the first
        time it is needed."""
        page = self._editors.get(kind)
        if page is None:
            build = {PHASE: self._build_phase_page, MILESTONE: self._build_milestone_page,
                     CONTINGENCY: self._build_contingency_page}[kind]
            page = self._editors[kind] = build()
            self.details.addWidget(page)
            if kind == MILESTONE:
                self._style_warnings()
        return page

    def _build_phase_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("phasePage")
        self.phase_page = page
        self.phase_binder = self._binders[PHASE] = FormBinder(
            self.ctx, plan.update_phase, area="plan", what="phase", parent=self,
            reload=lambda i: self._phase_values(plan.get_phase(i)))
        b = self.phase_binder
        form = _form()
        self.phase_name = QLineEdit()
        self.phase_name.setObjectName("phaseNameEdit")
        self.phase_goal = _text_box("phaseGoalEdit", 3)
        self.phase_hours = make_spin(0, plan.MAX_WEEKLY_HOURS, decimals=1,
                                     suffix=self.tr(" h a week"))
        self.phase_hours.setObjectName("phaseHoursEdit")
        self.phase_start = _date_edit("phaseStartEdit")
        self.phase_end = _date_edit("phaseEndEdit")
        self.phase_metric = _text_box("phaseMetricEdit", 3)
        self.phase_progress = QProgressBar()
        self.phase_progress.setObjectName("phaseProgress")
        self.phase_progress.setTextVisible(True)
        for field, editor, title in (
                ("name", self.phase_name, self.tr("Name")),
                ("goal", self.phase_goal, self.tr("Goal")),
                ("weekly_hours", self.phase_hours, self.tr("Time")),
                ("start_date", self.phase_start, self.tr("Starts")),
                ("end_date", self.phase_end, self.tr("Ends")),
                ("success_metric", self.phase_metric, self.tr("Success metric"))):
            error = error_label()
            b.bind(field, editor, error, title)
            label = QLabel(title + ":")
            label.setBuddy(editor)
            form.addRow(label, _row(editor, error))
        form.addRow(self.tr("Progress:"), self.phase_progress)
        layout = QVBoxLayout(page)
        layout.addWidget(self._heading(self.tr("Phase"), "phaseHeading"))
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _build_milestone_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("milestonePage")
        self.milestone_page = page
        self.milestone_binder = self._binders[MILESTONE] = FormBinder(
            self.ctx, plan.update_milestone, area="plan", what="milestone", parent=self,
            reload=lambda i: self._milestone_values(plan.get_milestone(i)))
        b = self.milestone_binder
        form = _form()
        self.milestone_title = QLineEdit()
        self.milestone_title.setObjectName("milestoneTitleEdit")
        self.milestone_phase = QComboBox()
        self.milestone_phase.setObjectName("milestonePhaseEdit")
        self.milestone_due = _date_edit("milestoneDueEdit")
        self.milestone_warning = QLabel()
        self.milestone_warning.setObjectName("milestoneWarning")
        self.milestone_warning.setWordWrap(True)
        self.milestone_warning.hide()
        self.milestone_status = QComboBox()
        self.milestone_status.setObjectName("milestoneStatusEdit")
        for key, name in vocab.MILESTONE_STATUSES.items():
            self.milestone_status.addItem(QCoreApplication.translate("vocab", name), key)
        self.milestone_done = _date_edit("milestoneDoneEdit")
        self.milestone_metric = QLineEdit()
        self.milestone_metric.setObjectName("milestoneMetricEdit")
        self.milestone_target = QLineEdit()
        self.milestone_target.setObjectName("milestoneTargetEdit")
        self.milestone_hours = make_spin(0, plan.MAX_HOURS, decimals=1, suffix=self.tr(" h"))
        self.milestone_hours.setObjectName("milestoneHoursEdit")
        self.milestone_money = make_spin(0, plan.MAX_MONEY, decimals=2)
        self.milestone_money.setObjectName("milestoneMoneyEdit")
        self.milestone_partner = QComboBox()
        self.milestone_partner.setObjectName("milestonePartnerEdit")
        self.milestone_notes = _text_box("milestoneNotesEdit", 4)

        def add(field: str, editor: QWidget, title: str, *extra: QWidget) -> None:
            error = error_label()
            b.bind(field, editor, error, title)
            label = QLabel(title + ":")
            label.setBuddy(editor)
            form.addRow(label, _row(editor, error, *extra))

        def pair(first: tuple[str, QWidget, str], second: tuple[str, QWidget, str]) -> None:
            """Two short fields on one line, each with its message underneath."""
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            for index, (field, editor, title) in enumerate((first, second)):
                error = error_label()
                b.bind(field, editor, error, title)
                if index:
                    label = QLabel(title + ":")
                    label.setBuddy(editor)
                    # level with the editor's text, like the form's own labels
                    label.setMinimumHeight(editor.sizeHint().height())
                    label.setAlignment(Qt.AlignmentFlag.AlignRight
                                       | Qt.AlignmentFlag.AlignVCenter)
                    line.addSpacing(6)
                    line.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
                else:
                    caption = QLabel(title + ":")
                    caption.setBuddy(editor)
                line.addWidget(_row(editor, error), 3 if index == 0 else 2)
            form.addRow(caption, row)

        add("title", self.milestone_title, self.tr("Title"))
        add("phase", self.milestone_phase, self.tr("Phase"))
        add("due_date", self.milestone_due, self.tr("Due"), self.milestone_warning)
        pair(("status", self.milestone_status, self.tr("Status")),
             ("done_date", self.milestone_done, self.tr("Done on")))
        pair(("metric", self.milestone_metric, self.tr("Metric")),
             ("target", self.milestone_target, self.tr("Target")))
        pair(("hours_needed", self.milestone_hours, self.tr("Hours")),
             ("money_needed", self.milestone_money, self.tr("Money")))
        add("partner", self.milestone_partner, self.tr("Partner"))
        self.milestone_partner.setToolTip(
            self.tr("Someone from your network who holds you to this milestone"))

        self.milestone_skills = QLabel()
        self.milestone_skills.setObjectName("milestoneSkills")
        self.milestone_skills.setWordWrap(True)
        self.choose_skills = QPushButton(self.tr("Choose…"))
        self.choose_skills.setObjectName("chooseSkillsButton")
        self.choose_skills.setToolTip(self.tr("Choose the skills this milestone builds"))
        self.choose_skills.clicked.connect(self.choose_milestone_skills)
        self.milestone_learning = QLabel()
        self.milestone_learning.setObjectName("milestoneLearning")
        self.milestone_learning.setWordWrap(True)
        self.choose_learning = QPushButton(self.tr("Choose…"))
        self.choose_learning.setObjectName("chooseLearningButton")
        self.choose_learning.setToolTip(
            self.tr("Choose the learning items and experiments this milestone relies on"))
        self.choose_learning.clicked.connect(self.choose_milestone_learning)
        for title, label, button in ((self.tr("Skills"), self.milestone_skills,
                                      self.choose_skills),
                                     (self.tr("Learning"), self.milestone_learning,
                                      self.choose_learning)):
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(label, 1)
            row_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            caption = QLabel(title + ":")
            caption.setBuddy(button)
            form.addRow(caption, row)
        add("notes", self.milestone_notes, self.tr("Notes"))

        self.milestone_overdue = QLabel()
        self.milestone_overdue.setObjectName("milestoneOverdue")
        self.milestone_overdue.hide()
        heading = QHBoxLayout()
        heading.addWidget(self._heading(self.tr("Milestone"), "milestoneHeading"))
        heading.addStretch(1)
        heading.addWidget(self.milestone_overdue)
        layout = QVBoxLayout(page)
        layout.addLayout(heading)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _build_contingency_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("contingencyPage")
        self.contingency_page = page
        self.contingency_binder = self._binders[CONTINGENCY] = FormBinder(
            self.ctx, plan.update_contingency, area="plan", what="contingency", parent=self,
            reload=lambda i: self._contingency_values(plan.get_contingency(i)))
        b = self.contingency_binder
        form = _form()
        self.contingency_trigger = QLineEdit()
        self.contingency_trigger.setObjectName("contingencyTriggerEdit")
        self.contingency_trigger.setPlaceholderText(self.tr("no interview offers"))
        self.contingency_date = _date_edit("contingencyDateEdit")
        self.contingency_response = _text_box("contingencyResponseEdit", 4)
        self.contingency_response.setPlaceholderText(
            self.tr("lateral move to operations analyst"))
        self.contingency_path = QComboBox()
        self.contingency_path.setObjectName("contingencyPathEdit")
        for field, editor, title in (
                ("trigger", self.contingency_trigger, self.tr("If")),
                ("trigger_date", self.contingency_date, self.tr("By")),
                ("response", self.contingency_response, self.tr("Then")),
                ("path", self.contingency_path, self.tr("Path"))):
            error = error_label()
            b.bind(field, editor, error, title)
            label = QLabel(title + ":")
            label.setBuddy(editor)
            form.addRow(label, _row(editor, error))
        layout = QVBoxLayout(page)
        layout.addWidget(self._heading(self.tr("Contingency"), "contingencyHeading"))
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _apply_look(self) -> None:
        palette = self.palette()
        warning = warning_color(palette)
        self._warning = warning
        style = self.style()
        self.model.set_look(PlanLook(
            warning=warning, overdue_icon=badge_icon(warning, "!"),
            warning_icon=style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)))
        self.overdue_label.setStyleSheet(f"color: {warning.name()}; font-weight: bold;")
        self._style_warnings()

    def _style_warnings(self) -> None:
        """The milestone editor's overdue and date warnings, in the warning colour."""
        if MILESTONE not in self._editors:
            return
        palette, warning = self.palette(), self._warning
        self.milestone_overdue.setStyleSheet(f"color: {warning.name()}; font-weight: bold;")
        self.milestone_warning.setStyleSheet(
            f"color: {palette.color(QPalette.ColorRole.Text).name()};"
            f"background: {_tint(palette, warning).name()};"
            f"border-left: 3px solid {warning.name()}; padding: 4px 6px;")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not getattr(self, "_built", False):
            return
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_look()
            self._update_summary()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_columns()

    # --- values for the forms -------------------------------------------------------------
    @staticmethod
    def _phase_values(row: plan.PhaseRow) -> dict[str, Any]:
        return {"name": row.name, "goal": row.goal, "weekly_hours": row.weekly_hours,
                "start_date": row.start_date, "end_date": row.end_date,
                "success_metric": row.success_metric}

    @staticmethod
    def _milestone_values(row: plan.MilestoneRow) -> dict[str, Any]:
        return {"title": row.title, "phase": row.phase_id, "due_date": row.due_date,
                "status": row.status, "done_date": row.done_date, "metric": row.metric,
                "target": row.target, "hours_needed": row.hours_needed,
                "money_needed": row.money_needed, "partner": row.partner_id or 0,
                "notes": row.notes}

    @staticmethod
    def _contingency_values(row: plan.ContingencyRow) -> dict[str, Any]:
        return {"trigger": row.trigger, "trigger_date": row.trigger_date,
                "response": row.response, "path": row.path_id or 0}

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        if workspace.current() is None:
            return
        try:
            overview = plan.plan_overview()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        self._overview = overview
        current = self._current
        self._refreshing = True
        try:
            self.model.set_overview(overview)
            self.contingency_model.set_rows(overview.contingencies)
            self._expand()
            self._fit_columns()
            self._stale_choices = {"phases", "contacts", "paths"}
            if current is not None and not self._select_in_views(*current):
                current = None
        finally:
            self._refreshing = False
        self.timeline.set_plan(overview)
        self._show(current)
        self._update_summary()

    def _fit_columns(self) -> None:
        """Size the tree's columns to their contents, as ``QHeaderView.ResizeToContents``
        would, from a handful of cells: the view's delegate measures the cells the model names
        as possibly the widest (see ``PlanTreeModel.widest``), not every cell of every column
        at every layout."""
        header = self.tree.header()
        normal = QFont(self.tree.font())
        bold = QFont(normal)
        bold.setBold(True)
        metrics = {False: QFontMetricsF(normal), True: QFontMetricsF(bold)}
        measured: dict[tuple[str, bool], float] = {}

        def width(text: str, is_bold: bool) -> float:
            key = (text, is_bold)
            found = measured.get(key)
            if found is None:
                found = measured[key] = metrics[is_bold].horizontalAdvance(text)
            return found

        for column in _FITTED_COLUMNS:
            cells = max((self.tree.sizeHintForIndex(index).width()
                         for index in self.model.widest(column, width)), default=0)
            size = max(cells, header.sectionSizeHint(column))
            header.resizeSection(column, max(header.minimumSectionSize(),
                                             min(size, header.maximumSectionSize())))

    def _expand(self) -> None:
        """Every phase expanded but those the user collapsed, in one layout pass of the tree.
        ``expandAll()`` emits no ``expanded`` signals; none are needed, as the phases it
        expands are not in ``_collapsed``."""
        self.tree.expandAll()
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(IdRole) in self._collapsed:
                self.tree.collapse(index)

    def _fill_choices(self, kind: str) -> None:
        """Fill the combo boxes of the editor of ``kind`` with the lists as they are now.
        Done when the editor is about to be shown, not at each reload: the partners are every
        contact of the network, thousands of them."""
        def refill(combo: QComboBox, key: str, read: Callable[[], list[tuple[int, str]]],
                   none: str | None) -> None:
            if key not in self._stale_choices and combo.count():
                return
            self._stale_choices.discard(key)
            choices = read()
            if self._choices.get(key) == choices and combo.count():
                return
            self._choices[key] = choices
            blocker = combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            if none is not None:
                combo.addItem(none, 0)
            for item_id, text in choices:
                combo.addItem(text, item_id)
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(blocker)

        if kind == MILESTONE:
            refill(self.milestone_phase, "phases", plan.phase_choices, None)
            refill(self.milestone_partner, "contacts", plan.contact_choices,
                   self.tr("— nobody yet —"))
        elif kind == CONTINGENCY:
            refill(self.contingency_path, "paths", plan.path_choices, self.tr("— any path —"))

    def _glance(self) -> str:
        """The empty editor's text: the plan in numbers and the next open milestones."""
        overview = self._overview
        hint = self.tr("Select a phase, a milestone or a contingency to see and edit it "
                       "here.")
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        if overview is None or not overview.phases:
            return (f"<h3>{self.tr('Your plan')}</h3><p>"
                    + self.tr("Add a phase to start the plan, then milestones in it.")
                    + "</p>")
        milestones = overview.milestones()
        done = sum(m.status == "done" for m in milestones)
        lines = [f"<h3>{self.tr('Your plan')}</h3><p>",
                 self.tr("{0} phases · {1} milestones, {2} done").format(
                     len(overview.phases), len(milestones), done)]
        if overview.overdue:
            overdue = self.tr("{0} overdue").format(overview.overdue)
            lines.append(f" · <b style='color:{self._warning.name()}'>{overdue}</b>")
        lines.append("</p>")
        upcoming = sorted((m for m in milestones if m.due_date is not None
                           and m.status in ("planned", "in_progress")),
                          key=lambda m: (not m.overdue, m.due_date))[:5]
        if upcoming:
            lines.append(f"<p><b>{self.tr('Next up')}</b></p><table cellspacing='0' "
                         "cellpadding='2'>")
            for m in upcoming:
                when = _html(m.due_date.isoformat()) if m.due_date else ""
                title = _html(m.title)
                if m.overdue:
                    title = f"<b style='color:{self._warning.name()}'>{title}</b>"
                lines.append(f"<tr><td style='padding-right:10px'>{when}</td>"
                             f"<td>{title}</td></tr>")
            lines.append("</table>")
        lines.append(f"<p style='color:{muted}'>{_html(hint)}</p>")
        return "".join(lines)

    def _update_summary(self) -> None:
        self.empty_page.setText(self._glance())
        overdue = self._overview.overdue if self._overview else 0
        self.overdue_label.setText(
            self.tr("%n milestone(s) overdue", "", overdue))
        self.overdue_label.setVisible(overdue > 0)
        self._update_actions()

    # --- selection ------------------------------------------------------------------------
    def _select_in_views(self, kind: str, item_id: int) -> bool:
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

    def select_item(self, kind: str, item_id: int) -> bool:
        """Select a phase, milestone or contingency and show it in the editor."""
        self._refreshing = True
        try:
            found = self._select_in_views(kind, item_id)
        finally:
            self._refreshing = False
        if found:
            self._show((kind, item_id))
        return found

    def show_item(self, kind: str, item_id: int) -> bool:
        if kind not in (PHASE, MILESTONE, CONTINGENCY):
            return False
        if self._stale:
            self.reload_now()
        return self.select_item(kind, item_id)

    def selected(self) -> tuple[str, int] | None:
        return self._current

    def _tree_selection_changed(self, *_args: object) -> None:
        if self._refreshing:
            return
        indexes = self.tree.selectionModel().selectedRows()
        if indexes:
            blocker = self.contingency_table.selectionModel().blockSignals(True)
            self.contingency_table.selectionModel().clearSelection()
            self.contingency_table.selectionModel().blockSignals(blocker)
            self.contingency_table.viewport().update()
            self._show((indexes[0].data(KindRole), indexes[0].data(IdRole)))
        elif self._current is not None and self._current[0] != CONTINGENCY:
            self._show(None)

    def _contingency_selection_changed(self, *_args: object) -> None:
        if self._refreshing:
            return
        indexes = self.contingency_table.selectionModel().selectedRows()
        if indexes:
            blocker = self.tree.selectionModel().blockSignals(True)
            self.tree.selectionModel().clearSelection()
            self.tree.selectionModel().blockSignals(blocker)
            self.tree.viewport().update()
            self._show((CONTINGENCY, indexes[0].data(IdRole)))
        elif self._current is not None and self._current[0] == CONTINGENCY:
            self._show(None)

    def _show(self, item: tuple[str, int] | None) -> None:
        """Show ``item`` in the editor (for the item already shown: refresh its values,
        keeping an edit in progress)."""
        kind = item[0] if item else None
        for other_kind, binder in self._binders.items():
            if other_kind != kind and binder.row_id is not None:
                binder.load(None, {})
        self._current = item
        overview = self._overview
        if item is None or overview is None:
            self.details.setCurrentWidget(self.empty_page)
            self.timeline.select(None)
        elif kind == PHASE:
            row = overview.phase(item[1])
            if row is None:
                return self._show(None)
            self._editor(PHASE)
            self.phase_binder.load(row.id, self._phase_values(row))
            progress = row.progress
            self.phase_progress.setRange(0, max(1, progress.total))
            self.phase_progress.setValue(progress.done)
            self.phase_progress.setFormat(
                self.tr("{0} of {1} milestones done").format(progress.done, progress.total)
                if progress.total else self.tr("No milestones yet"))
            self.details.setCurrentWidget(self.phase_page)
            self.timeline.select(PHASE, row.id)
        elif kind == MILESTONE:
            m = overview.milestone(item[1])
            if m is None:
                return self._show(None)
            self._editor(MILESTONE)
            self._fill_choices(MILESTONE)
            self.milestone_binder.load(m.id, self._milestone_values(m))
            self._show_milestone_extras(m)
            self.details.setCurrentWidget(self.milestone_page)
            self.timeline.select(MILESTONE, m.id)
        else:
            c = overview.contingency(item[1])
            if c is None:
                return self._show(None)
            self._editor(CONTINGENCY)
            self._fill_choices(CONTINGENCY)
            self.contingency_binder.load(c.id, self._contingency_values(c))
            self.details.setCurrentWidget(self.contingency_page)
            self.timeline.select(CONTINGENCY, c.id)
        self._update_actions()
        return None

    def _show_milestone_extras(self, m: plan.MilestoneRow) -> None:
        self.milestone_warning.setText("⚠ " + m.warning if m.warning else "")
        self.milestone_warning.setVisible(bool(m.warning))
        self.milestone_warning.setAccessibleDescription(m.warning)
        if m.overdue:
            self.milestone_overdue.setText(self.tr("⚠ Overdue by {0} days").format(
                m.days_overdue) if m.days_overdue != 1 else self.tr("⚠ Overdue by 1 day"))
        self.milestone_overdue.setVisible(m.overdue)
        none = self.tr("none yet")
        self.milestone_skills.setText(", ".join(name for _i, name in m.skills) or none)
        self.milestone_learning.setText(
            "\n".join(f"• {title}" for _i, title in m.learning) or none)
        self.milestone_skills.setEnabled(bool(m.skills))
        self.milestone_learning.setEnabled(bool(m.learning))

    def _update_actions(self) -> None:
        current = self._current
        has_phases = bool(self._overview and self._overview.phases)
        in_tree = current is not None and current[0] in (PHASE, MILESTONE)
        self.add_milestone_action.setEnabled(has_phases)
        self.delete_action.setEnabled(in_tree)
        phase_ids = [p.id for p in self._overview.phases] if self._overview else []
        is_phase = current is not None and current[0] == PHASE and current[1] in phase_ids
        position = phase_ids.index(current[1]) if is_phase and current else -1
        self.move_up_action.setEnabled(is_phase and position > 0)
        self.move_down_action.setEnabled(is_phase and 0 <= position < len(phase_ids) - 1)
        self.delete_contingency_action.setEnabled(
            current is not None and current[0] == CONTINGENCY)

    # --- commands -------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any]) -> Any:
        """Call a service; a problem the user can act on is shown, and None returned."""
        try:
            return fn()
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr(exc.title), exc.message)
            return None

    def _push_add(self, text: str, delete: Callable[[int], workspace.Snapshot],
                  item_id: int) -> None:
        holder: dict[str, workspace.Snapshot] = {}

        def undo() -> None:
            holder["snap"] = delete(item_id)

        def redo() -> None:
            workspace.restore_snapshot(holder["snap"])

        push_change(self.ctx, text, "plan", undo, redo)

    def _after_add(self, kind: str, item_id: int, editor: Callable[[], QLineEdit]) -> None:
        """Show the new item with ``editor()`` (of its page, built by then) ready to type
        over."""
        self.ctx.bus.changed.emit("plan")
        if self._stale:
            self.reload_now()
        self.select_item(kind, item_id)
        field = editor()
        field.setFocus()
        field.selectAll()

    def add_phase(self) -> int | None:
        self._flush()
        phases = self._overview.phases if self._overview else ()
        ends = [p.end_date for p in phases if p.end_date is not None]
        start = max(ends) + _dt.timedelta(days=1) if ends else clock.today()
        end = start + _dt.timedelta(days=NEW_PHASE_DAYS - 1)
        phase_id = self._run(lambda: plan.add_phase(self.tr("New phase"), start_date=start,
                                                    end_date=end))
        if phase_id is None:
            return None
        self._push_add(self.tr("add phase"), plan.delete_phase, phase_id)
        self._after_add(PHASE, phase_id, lambda: self.phase_name)
        return phase_id

    def _target_phase(self) -> plan.PhaseRow | None:
        overview = self._overview
        if overview is None or not overview.phases:
            return None
        if self._current is not None:
            kind, item_id = self._current
            if kind == PHASE:
                return overview.phase(item_id)
            if kind == MILESTONE:
                m = overview.milestone(item_id)
                return overview.phase(m.phase_id) if m else None
        today = overview.today
        for phase in overview.phases:  # the phase we are in, else the first
            if phase.start_date and phase.end_date and phase.start_date <= today <= \
                    phase.end_date:
                return phase
        return overview.phases[0]

    def add_milestone(self) -> int | None:
        self._flush()
        phase = self._target_phase()
        if phase is None:
            return None
        milestone_id = self._run(lambda: plan.add_milestone(
            phase.id, self.tr("New milestone"), due_date=phase.end_date))
        if milestone_id is None:
            return None
        self._push_add(self.tr("add milestone"), plan.delete_milestone, milestone_id)
        self._after_add(MILESTONE, milestone_id, lambda: self.milestone_title)
        return milestone_id

    def add_contingency(self) -> int | None:
        self._flush()
        contingency_id = self._run(lambda: plan.add_contingency(self.tr("something happens")))
        if contingency_id is None:
            return None
        self._push_add(self.tr("add contingency"), plan.delete_contingency, contingency_id)
        self._after_add(CONTINGENCY, contingency_id, lambda: self.contingency_trigger)
        return contingency_id

    def delete_selected(self) -> bool:
        current, overview = self._current, self._overview
        if current is None or overview is None or current[0] not in (PHASE, MILESTONE):
            return False
        kind, item_id = current
        if kind == PHASE:
            phase = overview.phase(item_id)
            if phase is None:
                return False
            count = len(phase.milestones)
            text = self.tr("Delete the phase “{0}”?").format(phase.name)
            if count:
                text = self.tr("Delete the phase “{0}” and its {1} milestones?").format(
                    phase.name, count) if count != 1 else self.tr(
                    "Delete the phase “{0}” and its milestone?").format(phase.name)
            delete, label = plan.delete_phase, self.tr("delete phase")
        else:
            milestone = overview.milestone(item_id)
            if milestone is None:
                return False
            text = self.tr("Delete the milestone “{0}”?").format(milestone.title)
            delete, label = plan.delete_milestone, self.tr("delete milestone")
        if not confirm(self, self.tr("Delete"), text, self.tr("Delete")):
            return False
        return self._delete(delete, item_id, label)

    def delete_contingency(self) -> bool:
        current, overview = self._current, self._overview
        if current is None or overview is None or current[0] != CONTINGENCY:
            return False
        row = overview.contingency(current[1])
        if row is None:
            return False
        text = self.tr("Delete the contingency “If {0}”?").format(row.trigger)
        if not confirm(self, self.tr("Delete"), text, self.tr("Delete")):
            return False
        return self._delete(plan.delete_contingency, row.id, self.tr("delete contingency"))

    def _delete(self, delete: Callable[[int], workspace.Snapshot], item_id: int,
                label: str) -> bool:
        self._flush()
        snap = self._run(lambda: delete(item_id))
        if snap is None:
            return False
        push_delete(self.ctx, label, "plan", snap, lambda: delete(item_id))
        self.ctx.bus.status.emit(self.tr("Deleted. Undo with Edit > Undo."))
        self._show(None)
        self.ctx.bus.changed.emit("plan")
        return True

    def move_phase(self, offset: int) -> bool:
        if self._current is None or self._current[0] != PHASE:
            return False
        phase_id = self._current[1]
        self._flush()
        moved = self._run(lambda: plan.move_phase(phase_id, offset))
        if not moved:
            return False
        push_change(self.ctx, self.tr("move phase"), "plan",
                    lambda: plan.move_phase(phase_id, -offset),
                    lambda: plan.move_phase(phase_id, offset))
        self.ctx.bus.changed.emit("plan")
        return True

    def _choose_links(self, title: str, choices: list[tuple[int, str]],
                      current: tuple[tuple[int, str], ...],
                      store: Callable[[int, list[int]], None], label: str) -> None:
        if self._current is None or self._current[0] != MILESTONE:
            return
        milestone_id = self._current[1]
        before = [i for i, _name in current]
        chosen = LinkPicker.ask(self, title, choices, set(before))
        if chosen is None or set(chosen) == set(before):
            return
        if not self._run(lambda: store(milestone_id, chosen) or True):
            return
        push_change(self.ctx, label, "plan", lambda: store(milestone_id, before),
                    lambda: store(milestone_id, chosen))
        self.ctx.bus.changed.emit("plan")

    def choose_milestone_skills(self) -> None:
        m = self._overview.milestone(self._current[1]) if self._overview and \
            self._current and self._current[0] == MILESTONE else None
        if m is None:
            return
        self._choose_links(self.tr("Skills for “{0}”").format(m.title), plan.skill_choices(),
                           m.skills, plan.set_milestone_skills, self.tr("link skills"))

    def choose_milestone_learning(self) -> None:
        m = self._overview.milestone(self._current[1]) if self._overview and \
            self._current and self._current[0] == MILESTONE else None
        if m is None:
            return
        self._choose_links(self.tr("Learning for “{0}”").format(m.title),
                           plan.learning_choices(), m.learning, plan.set_milestone_learning,
                           self.tr("link learning"))

    # --- edits and state ------------------------------------------------------------------
    def _flush(self) -> bool:
        ok = True
        for binder in self._binders.values():
            ok = binder.flush() and ok
        return ok

    def flush_edits(self) -> bool:
        return self._flush()

    def focus_search(self) -> None:
        self.tree.setFocus()

    def save_state(self, settings: Settings) -> None:
        settings.set_window_state("plan/splitter", self.splitter.saveState())
        settings.set_window_state("plan/topSplitter", self.top_splitter.saveState())
        settings.set_window_state("plan/leftSplitter", self.left_splitter.saveState())

    def restore_state(self, settings: Settings) -> None:
        for key, splitter in (("plan/splitter", self.splitter),
                              ("plan/topSplitter", self.top_splitter),
                              ("plan/leftSplitter", self.left_splitter)):
            state = settings.window_state(key)
            if state is not None:
                splitter.restoreState(state)
                self._sized = True

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:
            # First use: the lists and the editor above, a timeline tall enough for the
            # default four phases below; the lists above the contingencies.
            self._sized = True
            height = max(400, self.height())
            timeline = min(450, round(height * 0.5))
            self.splitter.setSizes([height - timeline, timeline])
            top = height - timeline
            self.left_splitter.setSizes([round(top * 0.68), top - round(top * 0.68)])
            width = max(700, self.width())
            self.top_splitter.setSizes([round(width * 0.62), width - round(width * 0.62)])
        super().showEvent(event)


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def _tint(palette: QPalette, color: QColor) -> QColor:
    """``color`` faintly over the palette's base: a background for a warning."""
    base = palette.color(QPalette.ColorRole.Base)
    t = 0.16
    return QColor.fromRgbF(base.redF() + (color.redF() - base.redF()) * t,
                           base.greenF() + (color.greenF() - base.greenF()) * t,
                           base.blueF() + (color.blueF() - base.blueF()) * t)

