"""The coordinator of the Plan tab: it lays out the lists, the editor and the timeline, loads
the plan, keeps the selection in step in all three, and answers the main window's hooks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QStyle, QVBoxLayout, QWidget

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import plan, workspace
from careerpivot.settings import Settings
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.itemmodels.plan import (
    CONTINGENCY,
    MILESTONE,
    PHASE,
    ContingencyModel,
    PlanLook,
    PlanTreeModel,
)
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.tabs.plan.commands import PlanCommands
from careerpivot.ui.tabs.plan.details import EditorPage, PlanDetails
from careerpivot.ui.tabs.plan.lists import PlanLists
from careerpivot.ui.tabs.plan.milestone_page import MilestonePage
from careerpivot.ui.widgets.timeline import PlanTimeline, warning_color

#: On first use the tree shows at least this many rows whole (the timeline gives way).
TREE_ROWS = 6


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


class PlanTab(TabBase):
    areas = frozenset({Area.PLAN, Area.CONTACTS, Area.SKILLS, Area.LEARNING, Area.PATHS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._overview: plan.PlanOverview | None = None
        self._current: tuple[str, int] | None = None
        self._sized = False

        self.model = PlanTreeModel(self)
        self.contingency_model = ContingencyModel(self)
        self.commands = PlanCommands(self)
        self._keep_references(self.commands, PlanCommands.TAB_ATTRIBUTES)
        self.commands.deleted.connect(lambda: self._show(None))
        self._build()
        self._apply_look()
        self._built = True

    # --- construction ---------------------------------------------------------------------
    def _keep_references(self, part: object, names: tuple[str, ...]) -> None:
        """The parts' widgets and commands as the tab's own attributes, where they were
        before the tab became a package."""
        for name in names:
            setattr(self, name, getattr(part, name))

    def _build(self) -> None:
        self.lists = self.left_splitter = PlanLists(self.model, self.contingency_model,
                                                    self.commands, self)
        self.tree = self.lists.tree
        self.contingency_table = self.lists.contingency_table
        self.overdue_label = self.lists.overdue_label
        self.lists.chosen.connect(lambda kind, item_id: self._show((kind, item_id)))
        self.lists.emptied.connect(self._list_emptied)

        # the editor of the selection
        self.details = PlanDetails(self.ctx, self)
        self.details.pageBuilt.connect(self._page_built)
        self.empty_page = self.details.empty_page
        scroll = QScrollArea(self)
        scroll.setObjectName("planDetailsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)
        scroll.setMinimumWidth(340)

        self.top_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.top_splitter.setObjectName("planSplitter")
        self.top_splitter.addWidget(self.lists)
        self.top_splitter.addWidget(scroll)
        self.top_splitter.setStretchFactor(0, 3)
        self.top_splitter.setStretchFactor(1, 2)
        self.top_splitter.setChildrenCollapsible(False)

        # the timeline
        self.timeline = PlanTimeline(self)
        # on a short screen the timeline gives way first and scrolls its lanes inside itself
        self.timeline.setMinimumHeight(self.timeline.least_height())
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

    def _page_built(self, page: EditorPage) -> None:
        setattr(self, page.TAB_NAME, page)
        self._keep_references(page, page.TAB_ATTRIBUTES)
        if isinstance(page, MilestonePage):
            page.skillsRequested.connect(self.commands.choose_milestone_skills)
            page.learningRequested.connect(self.commands.choose_milestone_learning)

    def _apply_look(self) -> None:
        palette = self.palette()
        warning = warning_color(palette)
        style = self.style()
        self.model.set_look(PlanLook(
            warning=warning, overdue_icon=badge_icon(warning, "!"),
            warning_icon=style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)))
        self.overdue_label.setStyleSheet(f"color: {warning.name()}; font-weight: bold;")
        self.details.set_look(palette, warning)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not getattr(self, "_built", False):
            return
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_look()
            self._update_summary()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.lists.fit_columns()

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
        with self.lists.quietly():
            self.lists.set_plan(overview)
            self.details.choices_changed()
            if current is not None and not self.lists.select(*current):
                current = None
        self.timeline.set_plan(overview)
        self._show(current)
        self._update_summary()
        if self.isVisible():
            self._size_once()

    def overview(self) -> plan.PlanOverview | None:
        """The plan as last loaded."""
        return self._overview

    def _update_summary(self) -> None:
        self.details.show_glance(self._overview)
        overdue = self._overview.overdue if self._overview else 0
        self.overdue_label.setText(
            self.tr("%n milestone(s) overdue", "", overdue))
        self.overdue_label.setVisible(overdue > 0)
        self._update_actions()

    # --- selection ------------------------------------------------------------------------
    def select_item(self, kind: str, item_id: int) -> bool:
        """Select a phase, milestone or contingency and show it in the editor."""
        with self.lists.quietly():
            found = self.lists.select(kind, item_id)
        if found:
            self._show((kind, item_id))
        return found

    def show_item(self, kind: str, item_id: int) -> bool:
        if kind not in (PHASE, MILESTONE, CONTINGENCY):
            return False
        if self._stale:
            self.reload_now()
        return self.select_item(kind, item_id)

    def edit_new(self, kind: str, item_id: int) -> None:
        """Show a new item with its title ready to type over."""
        self.show_item(kind, item_id)
        field = self.details.title_edit(kind)
        field.setFocus()
        field.selectAll()

    def selected(self) -> tuple[str, int] | None:
        return self._current

    def _list_emptied(self, in_tree: bool) -> None:
        """The tree's selection (``in_tree``) or the table's went: the editor lets go of what
        it showed from that list."""
        if self._current is not None and (self._current[0] != CONTINGENCY) == in_tree:
            self._show(None)

    def _show(self, item: tuple[str, int] | None) -> None:
        """Show ``item`` in the editor and on the timeline (for the item already shown:
        refresh its values, keeping an edit in progress)."""
        overview = self._overview
        row: Any = None
        if item is not None and overview is not None:
            find = {PHASE: overview.phase, MILESTONE: overview.milestone,
                    CONTINGENCY: overview.contingency}[item[0]]
            row = find(item[1])
            if row is None:  # gone: show nothing
                item = None
        self._current = item
        self.details.show_row(item[0] if item else None, row)
        if item is None or row is None:
            self.timeline.select(None)
        else:
            self.timeline.select(*item)
        self._update_actions()

    def _update_actions(self) -> None:
        self.commands.update_enabled(self._current, self._overview)

    # --- edits and state ------------------------------------------------------------------
    def flush_edits(self) -> bool:
        return self.details.flush()

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
        super().showEvent(event)  # loads the plan, unless the first load waits for a paint
        self._size_once()

    def _size_once(self) -> None:
        """First use, once the plan is loaded: the timeline below as tall as its lanes need,
        leaving the lists and the editor above at least 45 % of the height and room for
        TREE_ROWS rows of the tree over the contingencies (on a short screen the timeline
        gives way, down to its least height, and scrolls)."""
        if self._sized or self._overview is None:
            return
        self._sized = True
        height = max(400, self.splitter.height()) - self.splitter.handleWidth()
        wanted = self.timeline.wanted_height(self.splitter.width())
        contingencies = self.lists.widget(1).minimumHeight()
        tree_floor = self._tree_height(TREE_ROWS)
        # the tree's tools, header and five rows, the contingencies' title, header and two
        lists_floor = max(round(self.tree.fontMetrics().height() * 18.5),
                          tree_floor + self.left_splitter.handleWidth() + contingencies)
        room = height - max(lists_floor, round(height * 0.45))
        timeline = min(wanted, max(self.timeline.minimumHeight(), room))
        top = height - timeline
        self.splitter.setSizes([top, timeline])
        top -= self.left_splitter.handleWidth()
        below = max(contingencies, min(self.lists.contingencies_height(), round(top * 0.3),
                                       top - tree_floor))
        self.left_splitter.setSizes([top - below, below])
        # the lists as wide as their columns ask, within 62 % and what the editor leaves
        width = max(700, self.top_splitter.width()) - self.top_splitter.handleWidth()
        editor = self.top_splitter.widget(1).minimumWidth()
        lists = min(max(self.tree.wanted_width(), round(width * 0.62)), width - editor)
        self.top_splitter.setSizes([lists, width - lists])

    def _tree_height(self, rows: int) -> int:
        """The height of the tree's box (its tools above) that shows ``rows`` whole rows."""
        box = self.lists.widget(0)
        tree = self.tree
        row = tree.sizeHintForRow(0) if self.model.rowCount() else tree.fontMetrics().height()
        return box.sizeHint().height() - tree.sizeHint().height() \
            + tree.header().sizeHint().height() + rows * row + 2 * tree.frameWidth()
