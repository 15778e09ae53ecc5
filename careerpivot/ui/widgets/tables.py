"""The tables of the app's lists, set up one way."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

# the height of a row in the app's lists has its home with the app's other spacing
from careerpivot.ui.widgets.spacing import row_height

__all__ = ["list_table", "row_height"]


def list_table(parent: QWidget, name: str, model: QAbstractItemModel,
               widths: dict[int, int], accessible: str, *,
               selection: QAbstractItemView.SelectionMode =
               QAbstractItemView.SelectionMode.SingleSelection) -> QTableView:
    """A table of rows as the app's lists show them: whole rows selected, no grid, fixed row
    heights, elided cells, movable and sortable columns of the given widths (the header is
    named ``<name>Header`` so its state can be saved)."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setShowGrid(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(row_height(parent))
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
