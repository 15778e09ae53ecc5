"""Learning items and experiments as a table model.

Rows come from one call to :func:`careerpivot.services.development.list_learning` (plain
dataclasses). Display texts and a sort key per column are computed once per load; the filter
(all, learning only, experiments only, or one status) and sorting work in Python over them.
Progress (units done of total) is drawn by
:class:`careerpivot.ui.widgets.progress_delegate.ProgressDelegate` from :data:`PROGRESS_ROLE`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from careerpivot.core import vocab
from careerpivot.services.development import LearningRow
from careerpivot.ui.itemmodels.skills import fold, vocab_name
from careerpivot.ui.widgets.progress_delegate import PROGRESS_ROLE

(TITLE, KIND, STATUS, PROGRESS, START, END, HOURS_PLANNED, HOURS_SPENT, COST, PROVIDER,
 SKILLS) = range(11)
COLUMN_COUNT = 11

LEARNING_ID_ROLE = Qt.ItemDataRole.UserRole

#: Filters offered above the table (besides one per status).
ALL, LEARNING_ONLY, EXPERIMENTS_ONLY = "all", "learning", "experiments"

_KIND_ORDER = {key: i for i, key in enumerate(vocab.LEARNING_KINDS)}
_STATUS_ORDER = {key: i for i, key in enumerate(vocab.LEARNING_STATUSES)}

Role = Qt.ItemDataRole


def _date_key(value: _dt.date | None) -> tuple[bool, int]:
    return (value is None, value.toordinal() if value else 0)


class _Entry:
    __slots__ = ("display", "row", "sort")

    def __init__(self, row: LearningRow, display: tuple[str, ...],
                 sort: tuple[Any, ...]) -> None:
        self.row, self.display, self.sort = row, display, sort


class LearningModel(QAbstractTableModel):
    """Learning items and experiments, filtered and sorted inside the model."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[_Entry] = []
        self._by_id: dict[int, int] = {}
        self._visible: list[int] = []
        self._filter = ALL
        self._sort_column = START
        self._sort_order = Qt.SortOrder.AscendingOrder
        headers = {
            TITLE: self.tr("Title"), KIND: self.tr("Kind"), STATUS: self.tr("Status"),
            PROGRESS: self.tr("Progress"), START: self.tr("Start"), END: self.tr("End"),
            HOURS_PLANNED: self.tr("Hours planned"), HOURS_SPENT: self.tr("Hours spent"),
            COST: self.tr("Cost"), PROVIDER: self.tr("Provider"), SKILLS: self.tr("Skills"),
        }
        self._headers = tuple(headers[c] for c in range(COLUMN_COUNT))
        self._italic = QFont()
        self._italic.setItalic(True)
        self._locale = QLocale()

    # --- loading ---------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[LearningRow]) -> None:
        self.beginResetModel()
        self._locale = QLocale()
        self._entries = [self._entry(r) for r in rows]  # service order: start date, title
        self._by_id = {e.row.id: i for i, e in enumerate(self._entries)}
        self._visible = self._filtered()
        self._sort_visible()
        self.endResetModel()

    def update_row(self, row: LearningRow) -> None:
        """Show the new values of one item already listed, keeping the selection."""
        index = self._by_id.get(row.id)
        if index is None:
            return
        old = self._entries[index]
        self._entries[index] = self._entry(row)
        if old.sort[self._sort_column] != self._entries[index].sort[self._sort_column]:
            self.sort(self._sort_column, self._sort_order)
            return
        try:
            visible_row = self._visible.index(index)
        except ValueError:
            return
        self.dataChanged.emit(self.index(visible_row, 0),
                              self.index(visible_row, COLUMN_COUNT - 1))

    def _number(self, value: float, decimals: int = 1) -> str:
        if not value:
            return ""
        if value == int(value):
            return self._locale.toString(int(value))
        return self._locale.toString(float(value), "f", decimals)

    def _entry(self, row: LearningRow) -> _Entry:
        kind = vocab_name(vocab.LEARNING_KINDS.get(row.kind, row.kind))
        status = vocab_name(vocab.LEARNING_STATUSES.get(row.status, row.status))
        if row.units_total > 0:
            progress = self.tr("{0} / {1}").format(row.units_done, row.units_total)
        else:
            progress = ""
        cost = self._locale.toString(float(row.cost), "f", 2) if row.cost else ""
        skills = ", ".join(name for _id, name in row.skills)
        title_key = fold(row.title)
        fraction = row.progress
        columns = {
            TITLE: (row.title, title_key),
            KIND: (kind, (_KIND_ORDER.get(row.kind, 99), title_key)),
            STATUS: (status, (_STATUS_ORDER.get(row.status, 99), title_key)),
            PROGRESS: (progress, (fraction is None, fraction or 0.0)),
            START: (row.start_date.isoformat() if row.start_date else "",
                    _date_key(row.start_date)),
            END: (row.end_date.isoformat() if row.end_date else "", _date_key(row.end_date)),
            HOURS_PLANNED: (self._number(row.hours_planned), row.hours_planned),
            HOURS_SPENT: (self._number(row.hours_spent), row.hours_spent),
            COST: (cost, row.cost),
            PROVIDER: (row.provider, (not row.provider, fold(row.provider))),
            SKILLS: (skills, (not skills, fold(skills))),
        }
        display = tuple(columns[c][0] for c in range(COLUMN_COUNT))
        sort = tuple(columns[c][1] for c in range(COLUMN_COUNT))
        return _Entry(row, display, sort)

    # --- filtering -------------------------------------------------------------------------
    def set_filter(self, value: str) -> None:
        """ALL, LEARNING_ONLY, EXPERIMENTS_ONLY or a status key."""
        if value != self._filter:
            self._filter = value
            self.beginResetModel()
            self._visible = self._filtered()
            self._sort_visible()
            self.endResetModel()

    def current_filter(self) -> str:
        return self._filter

    def _accepts(self, row: LearningRow) -> bool:
        f = self._filter
        if f == ALL:
            return True
        if f == LEARNING_ONLY:
            return not row.is_experiment
        if f == EXPERIMENTS_ONLY:
            return row.is_experiment
        return row.status == f

    def _filtered(self) -> list[int]:
        return [i for i, e in enumerate(self._entries) if self._accepts(e.row)]

    # --- sorting ---------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        self._sort_column, self._sort_order = column, order
        # (PySide6 offers only the signals' no-argument overloads for emit)
        self.layoutAboutToBeChanged.emit()
        old_order = list(self._visible)
        self._sort_visible()
        self._remap_persistent(old_order)
        self.layoutChanged.emit()

    def _sort_visible(self) -> None:
        col, entries = self._sort_column, self._entries
        self._visible = sorted(sorted(self._visible), key=lambda i: entries[i].sort[col],
                               reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def _remap_persistent(self, old_order: Sequence[int]) -> None:
        new_position = {entry: row for row, entry in enumerate(self._visible)}
        old_indexes = self.persistentIndexList()
        new_indexes = []
        for index in old_indexes:
            entry = old_order[index.row()] if 0 <= index.row() < len(old_order) else None
            row = new_position.get(entry) if entry is not None else None
            new_indexes.append(QModelIndex() if row is None
                               else self.index(row, index.column()))
        self.changePersistentIndexList(old_indexes, new_indexes)

    # --- lookups ---------------------------------------------------------------------------
    def learning_id(self, row: int) -> int | None:
        if 0 <= row < len(self._visible):
            return self._entries[self._visible[row]].row.id
        return None

    def row_of(self, learning_id: int) -> int:
        index = self._by_id.get(learning_id)
        if index is None:
            return -1
        try:
            return self._visible.index(index)
        except ValueError:
            return -1

    def item(self, learning_id: int) -> LearningRow | None:
        index = self._by_id.get(learning_id)
        return self._entries[index].row if index is not None else None

    def items(self) -> list[LearningRow]:
        return [e.row for e in self._entries]

    def total_count(self) -> int:
        return len(self._entries)

    # --- QAbstractItemModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            if role == Role.DisplayRole:
                return self._headers[section]
            if role == Role.ToolTipRole and section == PROGRESS:
                return self.tr("Units done of the total (chapters, modules, sessions…)")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        entry = self._entries[self._visible[index.row()]]
        row, column = entry.row, index.column()
        if role in (Role.DisplayRole, Role.AccessibleTextRole):
            return entry.display[column]
        if role == LEARNING_ID_ROLE:
            return row.id
        if role == PROGRESS_ROLE and column == PROGRESS:
            return (row.progress, entry.display[PROGRESS])
        if role == Role.TextAlignmentRole and column in (HOURS_PLANNED, HOURS_SPENT, COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.FontRole and row.status == "dropped":
            return self._italic
        if role == Role.ForegroundRole and row.status == "dropped":
            return QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        if role == Role.ToolTipRole:
            if column in (TITLE, PROVIDER, SKILLS):
                return entry.display[column] or None
            if column == PROGRESS and row.units_total:
                return self.tr("{0} of {1} units done ({2:.0%})").format(
                    row.units_done, row.units_total, row.progress or 0.0)
        return None
