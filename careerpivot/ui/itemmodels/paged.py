"""The engine of the lists that read only what is shown.

A :class:`PagedTableModel` knows the ids of its rows, in order, and nothing else of them until
a view asks: ``data()`` for a row reads the records of its *page* (:data:`PAGE` rows around it)
through the subclass's :meth:`~PagedTableModel._fetch` — one statement — and keeps the last
:data:`KEPT_PAGES` pages read. Which ids, in which order, is a query the subclass answers off
the GUI thread (:meth:`~PagedTableModel._list`, run by a ``workers.LatestRead``): a search
keystroke or a filter asks for a new list, a list asked for while one is being read replaces
it (only the newest is shown), and the view keeps its selection and current row when the
same rows come back in another order (a layout change) or reselects them when the rows
change (the tab, on :attr:`~PagedTableModel.listed`).

A subclass supplies ``COLUMN_COUNT``, ``_list(query, *args)`` (worker thread: returns an
object with ``ids``), ``_fetch(ids)`` (GUI thread: records by id), ``_record_id`` and
``data()``/``headerData()`` over :meth:`~PagedTableModel.record_at`.

:class:`QueryListModel` adds the part the lists share: the rows answer a query object,
and a filter, a search or a header click replaces the query and asks for its list.

A list or a page that cannot be read (a damaged file, a disk gone) is reported through
:attr:`~PagedTableModel.listFailed`, after the view's paint, never raised inside ``data()``.
"""

from __future__ import annotations

import dataclasses
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from careerpivot.ui import workers

#: Rows read together when a view asks for one of them.
PAGE = 100
#: Pages kept once read (the rows a view scrolls back to are not read again).
KEPT_PAGES = 16


class PagedTableModel(QAbstractTableModel):
    """Rows known by id, records read a page at a time (see the module's description)."""

    COLUMN_COUNT = 0

    #: a new list arrived and is about to replace the rows (the selection is still the old)
    listAboutToChange = Signal()
    #: the rows shown are the newest list asked for
    listed = Signal()
    #: the newest list could not be read (the exception)
    listFailed = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ids: array = array("q")
        self._position: dict[int, int] | None = None
        self._pages: OrderedDict[int, dict[int, Any]] = OrderedDict()
        self._result: Any = None
        self._reader = workers.LatestRead(self._list, self)
        self._reader.finished.connect(self._take)
        self._reader.failed.connect(self._list_failed)
        #: a list was asked for and the newest asked for has not come back yet
        self._awaiting = False
        self._failing = False

    # --- hooks -----------------------------------------------------------------------------
    def _list(self, *args: Any) -> Any:
        """Worker thread: the list for ``args`` (an object with ``ids``, in order)."""
        raise NotImplementedError

    def _fetch(self, ids: Sequence[int]) -> dict[int, Any]:
        """GUI thread: the records of these ids, by id (those gone are left out)."""
        raise NotImplementedError

    def _took(self, result: Any) -> None:
        """A new list's counts and the like are taken (before the views are told)."""

    # --- asking ----------------------------------------------------------------------------
    def request(self, *args: Any) -> None:
        """Read the list for ``args`` off the GUI thread; :attr:`listed` when shown."""
        self._awaiting = True
        self._reader.request(*args)

    @property
    def busy(self) -> bool:
        """A list asked for is not shown yet (False from the moment the newest one is being
        shown, or has failed)."""
        return self._awaiting

    @property
    def result(self) -> Any:
        """The list shown (None before the first)."""
        return self._result

    def _take(self, result: Any) -> None:
        # (the reader gives only the newest list asked for: nothing newer is to come)
        self._awaiting = False
        self.listAboutToChange.emit()
        self.show_list(result)
        self.listed.emit()

    def _list_failed(self, exc: BaseException) -> None:
        self._awaiting = False
        self.listFailed.emit(exc)

    def show_list(self, result: Any) -> None:
        """Show ``result``: when the same rows come back, a layout change (the views keep
        their selection, current row and scroll position), otherwise a reset. Records are
        read again either way (they may have changed)."""
        new_ids = array("q", result.ids)
        old_ids = self._ids
        same = (len(new_ids) == len(old_ids) and len(old_ids) > 0
                and (new_ids == old_ids or set(new_ids) == set(old_ids)))
        if not same:
            self.beginResetModel()
            self._put(result, new_ids)
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        old_indexes = self.persistentIndexList()
        self._put(result, new_ids)
        if old_indexes and new_ids != old_ids:
            position = self._positions()
            self.changePersistentIndexList(old_indexes, [
                self.index(position[old_ids[i.row()]], i.column())
                if 0 <= i.row() < len(old_ids) else QModelIndex() for i in old_indexes])
        self.layoutChanged.emit()
        if new_ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(new_ids) - 1, self.COLUMN_COUNT - 1))

    def _put(self, result: Any, ids: array) -> None:
        self._result = result
        self._ids = ids
        self._position = None
        self._pages.clear()
        self._took(result)

    # --- records ---------------------------------------------------------------------------
    def record_at(self, row: int) -> Any:
        """The record of a visible row (read with its page if it is not yet), or None."""
        if not 0 <= row < len(self._ids):
            return None
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            page = self._read_page(number)
        else:
            self._pages.move_to_end(number)
        return page.get(self._ids[row])

    def _read_page(self, number: int) -> dict[int, Any]:
        try:
            page = self._fetch(self._ids[number * PAGE:(number + 1) * PAGE])
        except Exception as exc:  # (a damaged page, a file gone): said once the view is done
            if not self._failing:
                self._failing = True
                QTimer.singleShot(0, lambda error=exc: self._fetch_failed(error))
            return {}
        self._pages[number] = page
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        return page

    def _fetch_failed(self, exc: BaseException) -> None:
        self._failing = False
        self.listFailed.emit(exc)

    def cached_record(self, row_id: int) -> Any:
        """The record of ``row_id`` if a page read holds it (no reading), or None."""
        for page in self._pages.values():
            record = page.get(row_id)
            if record is not None:
                return record
        return None

    def put_record(self, row_id: int, record: Any) -> None:
        """Show the new values of one listed row (its place in the list stays until the list
        is read again)."""
        row = self.row_of(row_id)
        if row < 0:
            return
        page = self._pages.get(row // PAGE)
        if page is not None:
            page[row_id] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    # --- ids and rows ----------------------------------------------------------------------
    def _positions(self) -> dict[int, int]:
        if self._position is None:
            self._position = {row_id: row for row, row_id in enumerate(self._ids)}
        return self._position

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row_id: int) -> int:
        """The visible row of an id, or -1."""
        return self._positions().get(row_id, -1)

    def rows_of(self, row_ids: Iterable[int]) -> list[int]:
        """The visible rows of these ids (those not shown are left out)."""
        position = self._positions()
        return [position[i] for i in row_ids if i in position]

    def ids(self) -> array:
        """The ids shown, in order."""
        return self._ids

    # --- QAbstractItemModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT


class QueryListModel(PagedTableModel):
    """A paged list whose rows answer a query object (a frozen dataclass with ``sort``,
    ``descending`` and ``filtered()``): a change of the query asks for a new list.

    A subclass sets :attr:`SORTS` (the query's sort of each column, in column order),
    ``self._query`` and :meth:`_ask` (which requests the list for the query)."""

    SORTS: tuple[str, ...] = ()

    _query: Any

    def _ask(self) -> None:
        raise NotImplementedError

    def _change(self, **values: Any) -> None:
        query = dataclasses.replace(self._query, **values)
        if query != self._query:
            self._query = query
            self._ask()

    def filters_active(self) -> bool:
        return self._query.filtered()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.SORTS):
            self._change(sort=self.SORTS[column],
                         descending=order == Qt.SortOrder.DescendingOrder)

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        return self.SORTS.index(self._query.sort), (
            Qt.SortOrder.DescendingOrder if self._query.descending
            else Qt.SortOrder.AscendingOrder)
