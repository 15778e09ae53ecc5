"""The engine shared by the list models that filter and sort themselves.

Following the house convention for lists that grow to thousands, there is no
QSortFilterProxyModel: a model keeps one *entry* per row, the indexes of the visible entries in
display order and the lookup by id, and filters and sorts over keys in Python.

A subclass supplies ``COLUMN_COUNT``, ``_entry(row)`` (for :meth:`update_row`),
``_filtered(entries)`` (or ``filters_active()`` and ``_accepts(entry)``), ``data()`` and
``headerData()``; it overrides ``_sorted`` when its sort differs from the plain stable one.

Keys can be computed ahead or when first needed:

* An entry may carry its sort keys (``entry.sort[column]``) and its search text. A model
  whose entries are lighter (the rows as the database returned them) overrides
  :meth:`_sort_key` and sets ``LAZY_KEYS``: each column's keys are then computed on the first
  sort by that column and kept until the entries change.
* A model that searches a long text of every entry can build those texts on the first search
  (:meth:`search_texts`, hook :meth:`_search_text`), or bit by bit while the app is idle
  (:meth:`prepare_search`, which the tabs run after their first paint).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

#: Entries whose search text :meth:`FilteredTableModel.prepare_search` builds between two
#: looks at the clock.
_SEARCH_BATCH = 250


class FilteredTableModel(QAbstractTableModel):
    """Entries filtered and sorted in Python; sorting and updating one row keep the views'
    persistent indexes (selection, current)."""

    COLUMN_COUNT = 0
    #: True when :meth:`_sort_key` is costly or the entries carry no keys: a column's keys are
    #: computed once, on the first sort by it, and kept until the entries change.
    LAZY_KEYS = False

    def __init__(self, parent=None, *, sort_column: int = 0,
                 sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        super().__init__(parent)
        self._entries: list[Any] = []
        self._by_id: dict[int, int] = {}  # row id -> index in _entries
        self._visible: list[int] = []  # indexes into _entries, in display order
        self._sort_column = sort_column
        self._sort_order = sort_order
        self._keys: dict[int, list[Any]] = {}  # column -> key of every entry (LAZY_KEYS)
        self._search: list[str] = []  # search texts of the first len() entries

    # --- hooks -----------------------------------------------------------------------------
    def _row_id(self, entry: Any) -> int:
        return self._id_of(self._row_of(entry))

    def _id_of(self, row: Any) -> int:
        """The id of a service row (``row.id`` unless a model's rows name it otherwise)."""
        return row.id

    def _row_of(self, entry: Any) -> Any:
        """The service row an entry shows (``entry.row`` unless a model builds it)."""
        return entry.row

    def _entry(self, row: Any) -> Any:
        raise NotImplementedError

    def _sort_key(self, entry: Any, column: int) -> Any:
        return entry.sort[column]

    def _search_text(self, entry: Any) -> str:
        """What a search looks through (for models that use :meth:`search_texts`)."""
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
        keys = self._column_keys(self._sort_column)
        return sorted(sorted(visible), key=keys.__getitem__,
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    # --- keys ------------------------------------------------------------------------------
    def _column_keys(self, column: int) -> list[Any]:
        """The sort key of every entry for ``column``, by entry index."""
        keys = self._keys.get(column)
        if keys is None:
            sort_key = self._sort_key
            keys = [sort_key(e, column) for e in self._entries]
            if self.LAZY_KEYS:
                self._keys[column] = keys
        return keys

    def search_texts(self) -> list[str]:
        """The search text of every entry (built now for those that have none yet)."""
        self.prepare_search()
        return self._search

    def prepare_search(self, deadline: float | None = None) -> bool:
        """Build search texts, until ``deadline`` (``time.perf_counter()``) when given; True
        once every entry has one. Run in slices while idle, it spares the first keystroke."""
        search, entries, text = self._search, self._entries, self._search_text
        while len(search) < len(entries):
            start = len(search)
            search.extend(text(e) for e in entries[start:start + _SEARCH_BATCH])
            if deadline is not None and time.perf_counter() >= deadline:
                break
        return len(search) == len(entries)

    def _forget_keys(self) -> None:
        self._keys = {}
        self._search = []

    def _entry_changed(self, index: int) -> None:
        """Bring the kept keys of one entry up to date after it was replaced."""
        entry = self._entries[index]
        for column, keys in self._keys.items():
            keys[index] = self._sort_key(entry, column)
        if index < len(self._search):
            self._search[index] = self._search_text(entry)

    # --- loading ---------------------------------------------------------------------------
    def _set_entries(self, entries: list[Any], visible: list[int] | None = None) -> None:
        """Replace every entry (in the model's base order) and reset the views."""
        self.beginResetModel()
        self._replace_entries(entries)
        self._visible = (self._sorted(entries, self._filtered(entries)) if visible is None
                         else visible)
        self.endResetModel()

    def _replace_entries(self, entries: list[Any]) -> None:
        """Take new entries (the views must be told: a reset or a layout change)."""
        self._entries = entries
        self._forget_keys()
        self._reindex()

    def _reindex(self) -> None:
        row_id = self._row_id
        self._by_id = {row_id(e): i for i, e in enumerate(self._entries)}

    def update_row(self, row: Any) -> None:
        """Show the new values of one row already listed, keeping the selection (the row
        stays visible even if it no longer matches the filters, until they change)."""
        index = self._by_id.get(self._id_of(row))
        if index is None:
            return
        column = self._sort_column
        old_key = self._sort_key(self._entries[index], column)
        self._entries[index] = self._entry(row)
        self._entry_changed(index)
        if self._sort_key(self._entries[index], column) != old_key:
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
        old_indexes = self.persistentIndexList()
        if old_indexes:
            new_position = {entry: row for row, entry in enumerate(self._visible)}
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
        return self._row_of(self._entries[index]) if index is not None else None

    def _all_rows(self) -> list[Any]:
        row_of = self._row_of
        return [row_of(e) for e in self._entries]

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
