"""What the pages of the Paths tab build alike: their tables, the height of their wrapped rows,
the split of a list above its details (:class:`ListsSplit`) and their widget shortcuts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTableView, QWidget

from careerpivot.ui.widgets.column_fit import table_height
from careerpivot.ui.widgets.spacing import row_height


def make_table(name: str) -> QTableView:
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


#: Lists longer than this keep one line per row: measuring wrapped rows costs per row.
WRAP_ROWS_LIMIT = 200


def fit_wrapped_rows(table: QTableView, max_lines: int = 0) -> None:
    """Rows as tall as their wrapped text, with a little air (short lists only), up to
    ``max_lines`` lines (the rest ends in "…"; the tooltip says it whole); one line: no
    wrapping."""
    rows = table.model().rowCount()
    if rows > WRAP_ROWS_LIMIT:
        return
    if max_lines == 1:
        table.setWordWrap(False)
        for row in range(rows):
            table.setRowHeight(row, row_height(table))
        return
    table.setWordWrap(True)
    table.resizeRowsToContents()
    most = row_height(table, max_lines) if max_lines else 0
    for row in range(rows):
        height = table.rowHeight(row) + 6
        table.setRowHeight(row, min(height, most) if most else height)


class ListsSplit(QObject):
    """Shares a vertical splitter between a list above and the list of its details below:
    each shows at least ``rows`` rows, of up to two lines where there is room for that many
    in both (:attr:`lines`, else one line each), the one below first; what is left goes 3 : 2.
    Until the user moves the split. ``refit_rows`` is called when the lines change.

    ``holders`` are the widgets in each pane that hold its list (a table, or the stack it is
    in): the rest of the pane (a title, buttons) keeps its height."""

    UPPER_SHARE = 0.6

    def __init__(self, splitter: QSplitter, tables: Sequence[QTableView],
                 holders: Sequence[QWidget], refit_rows: Callable[[], None], *,
                 rows: int = 5) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.tables = tuple(tables)
        self.holders = tuple(holders)
        self.rows = rows
        self.lines = 2
        self.user_moved = False
        self._refit_rows = refit_rows
        self._fitting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        splitter.splitterMoved.connect(self._moved)
        splitter.installEventFilter(self)

    def _moved(self, _position: int, _index: int) -> None:
        if not self._fitting:
            self.user_moved = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.splitter:
            self._timer.start()
        return False

    def wanted(self, index: int, lines: int) -> int:
        """The height of pane ``index`` that shows :attr:`rows` rows of ``lines`` lines."""
        pane, table = self.splitter.widget(index), self.tables[index]
        extra = max(pane.height() - self.holders[index].height(), 0)
        return extra + table_height(table, 0) + self.rows * row_height(table, lines)

    def fit(self) -> None:
        height = self.splitter.height() - self.splitter.handleWidth()
        if height <= 0 or not self.splitter.isVisible():
            return
        lines = 2 if height >= self.wanted(0, 2) + self.wanted(1, 2) else 1
        if lines != self.lines:
            self.lines = lines
            self._refit_rows()
        if self.user_moved:
            return
        upper, lower = self.wanted(0, lines), self.wanted(1, lines)
        spare = height - upper - lower
        if spare > 0:
            upper += round(spare * self.UPPER_SHARE)
        upper = max(min(upper, height - lower), self.splitter.widget(0).minimumSizeHint()
                    .height())
        self._fitting = True
        try:
            self.splitter.setSizes([upper, height - upper])
        finally:
            self._fitting = False


def shortcut(widget: QWidget, key: QKeySequence | QKeySequence.StandardKey | str,
             slot, text: str = "") -> QAction:
    action = QAction(text, widget)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action
