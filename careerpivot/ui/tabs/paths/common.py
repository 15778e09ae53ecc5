"""What the pages of the Paths tab build alike: their tables, the height of their wrapped rows
and their widget shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


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


def fit_wrapped_rows(table: QTableView) -> None:
    """Rows as tall as their wrapped text, with a little air (short lists only)."""
    rows = table.model().rowCount()
    if rows > WRAP_ROWS_LIMIT:
        return
    table.resizeRowsToContents()
    for row in range(rows):
        table.setRowHeight(row, table.rowHeight(row) + 6)


def shortcut(widget: QWidget, key: QKeySequence | QKeySequence.StandardKey | str,
             slot, text: str = "") -> QAction:
    action = QAction(text, widget)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action
