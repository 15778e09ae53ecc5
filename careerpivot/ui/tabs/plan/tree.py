"""The Plan tab's tree of phases and milestones: rows as tall as the app's tables' rows,
columns as wide as their contents where there is room, and where there is not, the titles keep
room for a typical milestone's title while the partner, time, status and due columns give way
in that order (down to a floor each), their shortened cells telling the whole text on hover."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QHelpEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.ui.itemmodels.plan import PlanTreeModel
from careerpivot.ui.widgets.tables import row_height

#: The tree's columns but the title, as wide as their contents where there is room.
FITTED_COLUMNS = (PlanTreeModel.DUE, PlanTreeModel.STATUS, PlanTreeModel.TIME,
                  PlanTreeModel.PARTNER)
#: The columns that give way when the tree is narrow, first to last.
_YIELDING = (PlanTreeModel.PARTNER, PlanTreeModel.TIME, PlanTreeModel.STATUS,
             PlanTreeModel.DUE, PlanTreeModel.TITLE)
#: The titles keep room for this many average characters (a typical milestone's title)...
TITLE_CHARS = 36
#: ... and ask for up to this many before the other columns give way.
TITLE_WANTS = 48


class _RowDelegate(QStyledItemDelegate):
    """Rows as tall as the rows of the app's tables."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        if isinstance(view, QWidget):
            hint.setHeight(max(hint.height(), row_height(view)))
        return hint


class PlanTree(QTreeView):
    """Phases and their milestones, one row each, with the columns shared out by
    :meth:`share_width`."""

    def __init__(self, model: PlanTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTree")
        self.setAccessibleName(self.tr("Phases and milestones"))
        self.setModel(model)
        self.plan_model = model
        self.setItemDelegate(_RowDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIconSize(QSize(16, 16))
        header = self.header()
        header.setStretchLastSection(False)
        # every width set by share_width(), from what fit_columns() measured
        for column in range(model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        # each column's width from its contents, and how narrow it may become
        self._natural: dict[int, int] = {}
        self._floor: dict[int, int] = {}

    # --- widths ----------------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Measure the columns' contents, as ``QHeaderView.ResizeToContents`` would, from a
        handful of cells: the delegate measures the cells the model names as possibly the
        widest (see ``PlanTreeModel.widest``), not every cell of every column at every layout.
        Then share the width out (:meth:`share_width`)."""
        header = self.header()
        model = self.plan_model
        normal = QFont(self.font())
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

        def widest(column: int, phases: bool = True) -> int:
            return max((self._cell_width(index)
                        for index in model.widest(column, width, phases=phases)), default=0)

        limit = header.maximumSectionSize()
        for column in FITTED_COLUMNS:
            hint = header.sectionSizeHint(column)
            self._natural[column] = natural = min(limit, max(widest(column), hint))
            if column == PlanTreeModel.DUE:
                # a milestone's date is never shortened; a phase's span may be
                floor = widest(column, phases=False)
            elif column == PlanTreeModel.STATUS:  # a status's name stays whole, also
                # before the ellipsis of a longer text ("In progress · 5 days overdue")
                floor = max(metrics[True].horizontalAdvance(
                    QCoreApplication.translate("vocab", name) + " · …")
                    for name in vocab.MILESTONE_STATUSES.values()) + 12
            elif column == PlanTreeModel.TIME:  # short: whole, or hidden
                floor = natural
            else:  # a name cut to a few letters says nothing: rather hidden
                floor = self.fontMetrics().averageCharWidth() * 14
            self._floor[column] = min(natural, max(hint, round(floor)))
        title = PlanTreeModel.TITLE
        chars = self.fontMetrics().averageCharWidth()
        room = 2 * self.indentation() + self.iconSize().width() + 12
        self._natural[title] = min(widest(title), round(chars * TITLE_WANTS + room))
        self._floor[title] = max(header.sectionSizeHint(title),
                                 min(self._natural[title], round(chars * TITLE_CHARS + room)))
        self.share_width()

    def _cell_width(self, index: QModelIndex) -> int:
        """The width a cell asks for, with its indentation in the first column."""
        width = self.sizeHintForIndex(index).width()
        if index.column() == 0:
            depth = 1 if index.parent().isValid() else 0
            width += self.indentation() * (depth + int(self.rootIsDecorated()))
        return width

    def share_width(self) -> None:
        """The columns as wide as their contents, the title taking the rest. In a narrow
        view the yielding columns give way in order, each down to its floor, then the title
        down to its floor; if that is not enough, the partner's column, then the time's, are
        hidden rather than cut to a few letters."""
        if not self._natural:
            return
        header = self.header()
        room = self.viewport().width()
        for hidden in ((), (PlanTreeModel.PARTNER,),
                       (PlanTreeModel.PARTNER, PlanTreeModel.TIME)):
            widths = {c: w for c, w in self._natural.items() if c not in hidden}
            excess = sum(widths.values()) - room
            for column in _YIELDING:
                if excess <= 0:
                    break
                if column in widths:
                    cut = min(excess, widths[column] - self._floor[column])
                    if cut > 0:
                        widths[column] -= cut
                        excess -= cut
            if excess <= 0:
                break
        title = PlanTreeModel.TITLE
        widths[title] += max(0, -excess)  # the title takes what is left
        for column in range(header.count()):
            shown = column in widths
            if header.isSectionHidden(column) == shown:
                header.setSectionHidden(column, not shown)
            if shown and header.sectionSize(column) != widths[column]:
                header.resizeSection(column, widths[column])

    def wanted_width(self) -> int:
        """The width that shows every column whole (a long title up to its cap)."""
        return sum(self._natural.values()) + 2 * self.frameWidth() \
            + self.verticalScrollBar().sizeHint().width()

    def title_floor(self) -> int:
        """The width the title column keeps however narrow the view."""
        return self._floor.get(PlanTreeModel.TITLE, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.share_width()

    # --- shortened cells -------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.indexAt(event.pos())
            if index.isValid() and self._cell_width(index) > self.header().sectionSize(
                    index.column()):
                text = str(index.data() or "")
                tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
                if text and not tip.startswith(text):
                    tip = f"{text}\n{tip}" if tip else text
                QToolTip.showText(event.globalPos(), tip, self.viewport())
                return True
        return super().viewportEvent(event)
