"""The Readiness page of the Paths tab: how many of the path's beliefs the conversations have
settled, big at the top with the rule behind it; every belief with its status, who has spoken
so far and what it still lacks; and the untested beliefs by category.

The tab gives it the path's readiness (services.readiness) each time it reads the paths;
double-click or Enter on a belief asks the tab to open it on the Assumptions page
(:attr:`ReadinessPage.assumptionOpened`). A path without beliefs shows what the page measures,
with the button that writes the first (:attr:`ReadinessPage.assumptionRequested`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import readiness as core
from careerpivot.services.readiness import PathReadiness
from careerpivot.ui.context import AppContext
from careerpivot.ui.itemmodels import readiness as rm
from careerpivot.ui.tabs.paths.common import fit_wrapped_rows, make_table
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.form_parts import heading, hint

#: The steps of the figure's bar (a QProgressBar counts in integers).
_STEPS = 1000
#: The most rows the list of untested beliefs shows before it scrolls.
_UNTESTED_ROWS = 6


def share_line(path: PathReadiness | None) -> str:
    """"40 % settled" for a path's entry in the list of paths ("" when it has no figure)."""
    percent = path.readiness.percent if path is not None else None
    return "" if percent is None else rm.readiness_text(core.TEXTS["share"]).format(percent)


class ReadinessPage(QWidget):
    """The readiness of one path (:meth:`show_readiness`)."""

    #: The user asked to open an assumption (its id) on the Assumptions page.
    assumptionOpened = Signal(int)
    #: The empty page's button: write down a belief to test (on the Assumptions page).
    assumptionRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readinessPage")
        self.ctx = ctx
        self._shown: PathReadiness | None = None
        self._rows_fitted = True
        # wrapped rows are sized to their text again once column widths settle
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(0)
        self._rows_timer.timeout.connect(self._fit_rows)
        self._build()

    # --- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        content = QWidget()
        self.stack.addWidget(content)
        self.empty = EmptyState(
            self, name="readinessEmpty", title=self.tr("Nothing to measure yet"),
            text=self.tr("Readiness counts how many of this path's beliefs your conversations "
                         "have settled. Write down the first belief to test."),
            action=self.tr("New Assumption…"))
        self.empty.actionTriggered.connect(self.assumptionRequested.emit)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(content)
        top = QHBoxLayout()
        figure_box = QVBoxLayout()
        self.figure = QLabel()
        self.figure.setObjectName("readinessFigure")
        self.figure.setWordWrap(True)
        self.figure.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.figure.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.figure.setFont(font)
        figure_box.addWidget(self.figure)
        self.bar = QProgressBar()
        self.bar.setObjectName("readinessBar")
        self.bar.setRange(0, _STEPS)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(max(12, self.fontMetrics().height()))
        figure_box.addWidget(self.bar)
        self.rule = hint(rm.rule_text())
        self.rule.setObjectName("readinessRule")
        self.rule.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        figure_box.addWidget(self.rule)
        figure_box.addStretch(1)
        top.addLayout(figure_box, 3)

        # the untested beliefs by category, beside the figure: the table keeps the width
        side = QVBoxLayout()
        side.setSpacing(2)
        side.addWidget(heading(self.tr("Untested by category")))
        self.untested = QTreeWidget()
        self.untested.setObjectName("untestedByCategory")
        self.untested.setAccessibleName(self.tr("Untested beliefs by category"))
        self.untested.setHeaderHidden(True)
        self.untested.setWordWrap(True)
        self.untested.itemActivated.connect(self._open_untested)
        self.untested.itemExpanded.connect(lambda _i: self._fit_untested())
        self.untested.itemCollapsed.connect(lambda _i: self._fit_untested())
        side.addWidget(self.untested)
        self.untested_empty = hint(self.tr("Every belief has been tested in a held "
                                           "conversation."))
        self.untested_empty.setObjectName("untestedEmpty")
        side.addWidget(self.untested_empty)
        side.addStretch(1)
        top.addLayout(side, 1)
        layout.addLayout(top)

        self.model = rm.ReadinessModel(self)
        self.table = make_table("readinessTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Where each belief stands"))
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        for column in (rm.R_STATEMENT, rm.R_LACKS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (rm.R_STATUS, rm.R_PEOPLE, rm.R_ORGANIZATIONS, rm.R_LEVELS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self._rows_timer.start())
        self.model.layoutChanged.connect(self._rows_timer.start)  # sorted: rows moved
        self.table.activated.connect(self._open_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint(self.tr("Double-click a belief (or press Enter) to see its "
                                      "evidence on the Assumptions page.")))
        self.show_readiness(None)

    # --- showing ----------------------------------------------------------------------------
    def tab_title(self) -> str:
        """The page's title in the tab's pages, with the share settled when there is one."""
        percent = self._shown.readiness.percent if self._shown is not None else None
        if percent is None:
            return self.tr("Readiness")
        return self.tr("Readiness ({0} %)").format(percent)

    def shown(self) -> PathReadiness | None:
        return self._shown

    def show_readiness(self, path: PathReadiness | None) -> None:
        """Show one path's readiness (None: no path)."""
        self._shown = path
        r = path.readiness if path is not None else core.of_path(0, ())
        current = self.current_assumption_id()
        self.figure.setText(rm.figure_text(r))
        share = r.share
        self.bar.setVisible(share is not None)
        self.bar.setValue(round((share or 0.0) * _STEPS))
        self.bar.setAccessibleName(rm.figure_text(r))
        self.model.set_items(r.items)
        # measuring wrapped rows costs: the page hidden behind another is measured when shown
        self._rows_fitted = self.isVisible()
        if self._rows_fitted:
            self._fit_rows()
        if current is not None:
            row = self.model.row_of(current)
            if row >= 0:
                self.table.selectRow(row)
        self._show_untested(r)
        self.stack.setCurrentWidget(self.empty if path is not None and not r.items
                                    else self.stack.widget(0))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._rows_fitted:
            self._rows_fitted = True
            self._fit_rows()

    def _show_untested(self, r: core.Readiness) -> None:
        expanded = {self.untested.topLevelItem(i).data(0, rm.ID_ROLE)
                    for i in range(self.untested.topLevelItemCount())
                    if self.untested.topLevelItem(i).isExpanded()}
        self.untested.clear()
        for category, items in r.untested:
            name = rm.category_name(category)
            top = QTreeWidgetItem([self.tr("{0}: {1}").format(name, len(items))])
            top.setData(0, rm.ID_ROLE, category)
            top.setToolTip(0, "\n".join(f"• {i.statement}" for i in items))
            for item in items:
                child = QTreeWidgetItem([item.statement])
                child.setData(0, rm.ID_ROLE, item.assumption_id)
                child.setToolTip(0, item.statement)
                top.addChild(child)
            self.untested.addTopLevelItem(top)
            top.setExpanded(category in expanded)
        has = bool(r.untested)
        self._fit_untested()
        self.untested.setVisible(has)
        self.untested_empty.setVisible(not has and bool(r.items))

    def current_assumption_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return index.data(rm.ID_ROLE) if index.isValid() else None

    # --- acting -----------------------------------------------------------------------------
    def _open_row(self, index) -> None:
        assumption_id = index.data(rm.ID_ROLE)
        if assumption_id is not None:
            self.assumptionOpened.emit(int(assumption_id))

    def _open_untested(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.parent() is None:  # a category: show or hide its beliefs
            item.setExpanded(not item.isExpanded())
            return
        self.assumptionOpened.emit(int(item.data(0, rm.ID_ROLE)))

    # --- chrome -----------------------------------------------------------------------------
    def _fit_untested(self) -> None:
        """The list of untested beliefs as tall as its open rows, up to a few: the table
        below keeps the room."""
        tree = self.untested
        rows = 0
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            rows += 1 + (top.childCount() if top.isExpanded() else 0)
        row_height = tree.sizeHintForRow(0) if tree.topLevelItemCount() else 0
        row_height = max(row_height, self.fontMetrics().height() + 2)
        shown = min(max(rows, 1), _UNTESTED_ROWS)
        tree.setFixedHeight(shown * row_height + 2 * tree.frameWidth() + 8)

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text, with a little air (short lists only)."""
        fit_wrapped_rows(self.table)
