"""The items of a combo box that offers thousands of choices (every contact, say).

``QComboBox.addItem`` makes one item object per choice, one call at a time: for 5,000
contacts that is milliseconds a list takes to fill, each time it is read again. A
:class:`ChoicesModel` set as the combo box's model takes the (text, value) pairs in one go and
answers for the rows the popup shows; ``findData`` and ``findText`` (exact matches) look the
value or text up in a dictionary instead of asking every row.

The whole list can also come later (:meth:`ChoicesModel.set_items` with ``later``): the combo
box then holds only what it shows (its current item) until the list is needed — when the user
reaches for the combo box (:meth:`ChoicesModel.attach`), when a value or text it does not hold
is looked for, or when :meth:`ChoicesModel.complete` is called (while idle, say).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox

Role = Qt.ItemDataRole
Match = Qt.MatchFlag

#: The flags of an exact match (``findData``'s and ``findText``'s default).
_EXACT = (Match.MatchExactly | Match.MatchCaseSensitive, Match.MatchExactly)

#: Events by which the user reaches for a combo box: the whole list must be there.
_REACH = frozenset({QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress,
                    QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.Wheel})

Items = Sequence[tuple[str, Any]]


class ChoicesModel(QAbstractListModel):
    """(text, value) items: the text is shown (display and edit roles), the value is the
    item's data (``Qt.UserRole``, what ``currentData()`` returns). One item can be left out
    for a while (:meth:`hide_value`)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, Any]] = []
        self._later: Callable[[], Items] | None = None
        self._hidden: int | None = None  # the index in _items of the item left out
        self._by_value: dict[Any, int] | None = None  # value -> index in _items
        self._by_text: dict[str, int] | None = None

    def attach(self, combo: QComboBox) -> None:
        """Be the items of ``combo``, and complete them when the user reaches for it (call
        after ``setEditable``)."""
        combo.setModel(self)
        combo.installEventFilter(self)
        if combo.lineEdit() is not None:
            combo.lineEdit().installEventFilter(self)
        combo.view().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._later is not None and event.type() in _REACH:
            self.complete()
        return False

    # --- rows and items --------------------------------------------------------------------
    def _item_index(self, row: int) -> int:
        return row + 1 if self._hidden is not None and row >= self._hidden else row

    def _row(self, index: int) -> int:
        """The row of the item at ``index`` of _items (-1: the one left out)."""
        if self._hidden is None or index < self._hidden:
            return index
        return -1 if index == self._hidden else index - 1

    # --- changing the items ----------------------------------------------------------------
    def set_items(self, items: Items, later: Callable[[], Items] | None = None) -> None:
        """Offer these items, in this order (a reset of the combo box's list). With
        ``later``, ``items`` are what is needed now (the current item) and ``later()`` gives
        the whole list when it is needed; the items offered now must come in it in the same
        order (an item of now that it lacks stays)."""
        self.beginResetModel()
        self._items = list(items)
        self._later = later
        self._hidden = None
        self._forget()
        self.endResetModel()

    def complete(self, _deadline: float | None = None) -> bool:
        """Put in the items that came later (nothing when there are none). The rows already
        there stay what they are, so the combo box keeps its current item and text."""
        make, self._later = self._later, None
        if make is None:
            return True
        hidden = self._items[self._hidden][1] if self._hidden is not None else None
        self.hide_value(None)
        whole = list(make())
        values = {value for _text, value in whole}
        position = 0
        missing: list[tuple[str, Any]] = []

        def insert() -> None:
            nonlocal position, missing
            if missing:
                self.beginInsertRows(QModelIndex(), position, position + len(missing) - 1)
                self._items[position:position] = missing
                self._forget()
                self.endInsertRows()
                position += len(missing)
                missing = []

        for item in whole:
            # an item of now that the whole list lacks stays where it is
            while position < len(self._items) and self._items[position][1] not in values:
                insert()
                position += 1
            if position < len(self._items) and self._items[position][1] == item[1]:
                insert()
                position += 1
            else:
                missing.append(item)
        insert()
        self.hide_value(hidden)
        return True

    def pending(self) -> bool:
        """True while the whole list has not come yet."""
        return self._later is not None

    def add(self, text: str, value: Any) -> None:
        """One more item, at the end."""
        row = self.rowCount()
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append((text, value))
        self._forget()
        self.endInsertRows()

    def hide_value(self, value: Any) -> None:
        """Leave out the item of ``value`` (None: none) and show the one left out before."""
        if self._hidden is not None:
            row = self._hidden  # (every item before it is shown)
            self.beginInsertRows(QModelIndex(), row, row)
            self._hidden = None
            self.endInsertRows()
        if value is None:
            return
        index = self._lookups()[0].get(value)
        if index is not None:
            row = self._row(index)
            self.beginRemoveRows(QModelIndex(), row, row)
            self._hidden = index
            self.endRemoveRows()

    def row_of_value(self, value: Any) -> int:
        """The first row of ``value`` among the items there now, or -1."""
        index = self._lookups()[0].get(value)
        return -1 if index is None else self._row(index)

    def row_of_text(self, text: str) -> int:
        """The first row of ``text`` among the items there now, or -1."""
        index = self._lookups()[1].get(text)
        return -1 if index is None else self._row(index)

    def _lookups(self) -> tuple[dict[Any, int], dict[str, int]]:
        if self._by_value is None or self._by_text is None:
            by_value: dict[Any, int] = {}
            by_text: dict[str, int] = {}
            for index, (text, value) in enumerate(self._items):
                by_value.setdefault(value, index)
                by_text.setdefault(text, index)
            self._by_value, self._by_text = by_value, by_text
        return self._by_value, self._by_text

    def _forget(self) -> None:
        self._by_value = self._by_text = None

    # --- QAbstractItemModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return len(self._items) - (self._hidden is not None)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        text, value = self._items[self._item_index(index.row())]
        if role in (Role.DisplayRole, Role.EditRole):
            return text
        if role == Role.UserRole:
            return value
        return None

    def match(self, start: QModelIndex | QPersistentModelIndex, role: int, value: Any,
              hits: int = 1, flags: Match = _EXACT[0]) -> list[QModelIndex]:
        """Exact matches of a whole value or text from the first row (what the combo box's
        ``findData`` and ``findText`` ask) by a lookup; anything else as Qt does it. What is
        not among the items yet is looked for in the whole list."""
        # (a combo box with no rows yet asks from an invalid index: from the top as well)
        from_top = not start.isValid() or start.row() == 0
        if from_top and hits == 1 and flags in _EXACT:
            if role == Role.UserRole:
                find: Callable[[Any], int] | None = self.row_of_value
            elif role in (Role.DisplayRole, Role.EditRole) and isinstance(value, str):
                find = self.row_of_text
            else:
                find = None
            if find is not None:
                row = find(value)
                if row < 0 and self._later is not None:
                    self.complete()
                    row = find(value)
                return [self.index(row, 0)] if row >= 0 else []
        self.complete()
        start = self.index(0, 0) if from_top else self.index(start.row(), start.column())
        return super().match(start, role, value, hits, flags)
