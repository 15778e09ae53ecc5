"""The engine shared by the list models that filter and sort themselves.

Following the house convention for lists that grow to thousands, there is no
QSortFilterProxyModel: a subclass computes, once per load, one entry per row (its display
texts, search text and a sort key per column); :class:`FilteredTableModel` keeps every entry,
the indexes of the visible ones in display order, and the lookup by id, and filters and sorts
over those keys in Python.

A subclass supplies ``COLUMN_COUNT``, ``_entry(row)`` (for :meth:`update_row`),
``_filtered(entries)`` (or ``filters_active()`` and ``_accepts(entry)``), ``data()`` and
``headerData()``; it overrides ``_sorted`` when its sort differs from the plain stable one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class FilteredTableModel(QAbstractTableModel):
    """Entries (objects with ``row`` and ``sort`` attributes) filtered and sorted in Python;
    sorting and updating one row keep the views' persistent indexes (selection, current)."""

    COLUMN_COUNT = 0

    def __init__(self, parent=None, *, sort_column: int = 0,
                 sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        super().__init__(parent)
        self._entries: list[Any] = []
        self._by_id: dict[int, int] = {}  # row id -> index in _entries
        self._visible: list[int] = []  # indexes into _entries, in display order
        self._sort_column = sort_column
        self._sort_order = sort_order

    # --- hooks -----------------------------------------------------------------------------
    def _row_id(self, entry: Any) -> int:
        return self._id_of(entry.row)

    def _id_of(self, row: Any) -> int:
        """The id of a service row (``row.id`` unless a model's rows name it otherwise)."""
        return row.id

    def _entry(self, row: Any) -> Any:
        raise NotImplementedError

    def filters_active(self) -> bool:
        return False

    def _accepts(self, entry: Any) -> bool:
        return True

    def _filtered(self, entries: Sequence[Any]) -> list[int]:
        if not self.filters_active():
            return list(range(len(entries)))
        accepts = self._accepts
        return [i for i, e in enumerate(entries) if accepts(e)]

    def _sorted(self, entries: Sequence[Any], visible: Iterable[int]) -> list[int]:
        """Stable sort by the sort column; ties keep the load order."""
        col = self._sort_column
        return sorted(sorted(visible), key=lambda i: entries[i].sort[col],
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    # --- loading ---------------------------------------------------------------------------
    def _set_entries(self, entries: list[Any], visible: list[int] | None = None) -> None:
        """Replace every entry (in the model's base order) and reset the views."""
        self.beginResetModel()
        self._entries = entries
        self._reindex()
        self._visible = (self._sorted(entries, self._filtered(entries)) if visible is None
                         else visible)
        self.endResetModel()

    def _reindex(self) -> None:
        row_id = self._row_id
        self._by_id = {row_id(e): i for i, e in enumerate(self._entries)}

    def update_row(self, row: Any) -> None:
        """Show the new values of one row already listed, keeping the selection (the row
        stays visible even if it no longer matches the filters, until they change)."""
        index = self._by_id.get(self._id_of(row))
        if index is None:
            return
        old = self._entries[index]
        new = self._entries[index] = self._entry(row)
        if new.sort[self._sort_column] != old.sort[self._sort_column]:
            self._relayout()
            return
        visible_row = self.row_of(self._id_of(row))
        if visible_row >= 0:
            self.dataChanged.emit(self.index(visible_row, 0),
                                  self.index(visible_row, self.COLUMN_COUNT - 1))

    # --- filtering and sorting -------------------------------------------------------------
    def _refilter(self) -> None:
        self.beginResetModel()
        self._visible = self._sorted(self._entries, self._filtered(self._entries))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.COLUMN_COUNT:
            return
        self._sort_column, self._sort_order = column, order
        self._relayout()

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def _relayout(self) -> None:
        """Sort the visible rows again, moving the persistent indexes with their rows."""
        # (PySide6 offers only the signals' no-argument overloads for emit)
        self.layoutAboutToBeChanged.emit()
        old_order = self._visible
        self._visible = self._sorted(self._entries, old_order)
        new_position = {entry: row for row, entry in enumerate(self._visible)}
        old_indexes = self.persistentIndexList()
        new_indexes = []
        for index in old_indexes:
            entry = old_order[index.row()] if 0 <= index.row() < len(old_order) else None
            row = new_position.get(entry) if entry is not None else None
            new_indexes.append(QModelIndex() if row is None
                               else self.index(row, index.column()))
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    # --- lookups ---------------------------------------------------------------------------
    def _id_at(self, row: int) -> int | None:
        if 0 <= row < len(self._visible):
            return self._row_id(self._entries[self._visible[row]])
        return None

    def _row_by_id(self, row_id: int) -> Any:
        index = self._by_id.get(row_id)
        return self._entries[index].row if index is not None else None

    def _all_rows(self) -> list[Any]:
        return [e.row for e in self._entries]

    def row_of(self, row_id: int) -> int:
        """The visible row of an id, or -1."""
        index = self._by_id.get(row_id)
        if index is None:
            return -1
        try:
            return self._visible.index(index)
        except ValueError:
            return -1

    def total_count(self) -> int:
        return len(self._entries)

    def _entry_at(self, index: QModelIndex | QPersistentModelIndex) -> Any:
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        return self._entries[self._visible[index.row()]]

    # --- QAbstractItemModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT
