"""Learning items and experiments as a table model.

Rows come from one call to :func:`careerpivot.services.development.list_learning` (plain
dataclasses). Display texts and a sort key per column are computed once per load; the filter
(all, learning only, experiments only, or one status) and sorting work in Python over them.
Progress (units done of total) is drawn by
:class:`careerpivot.ui.widgets.progress_delegate.ProgressDelegate` from :data:`PROGRESS_ROLE`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from careerpivot.core import vocab
from careerpivot.services.development import LearningRow
from careerpivot.ui.itemmodels.base import FilteredTableModel
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


class LearningModel(FilteredTableModel):
    """Learning items and experiments, filtered and sorted inside the model."""

    COLUMN_COUNT = COLUMN_COUNT

    def __init__(self, parent=None) -> None:
        super().__init__(parent, sort_column=START)
        self._filter = ALL
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
        self._locale = QLocale()
        self._set_entries([self._entry(r) for r in rows])  # service order: start date, title

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
            self._refilter()

    def current_filter(self) -> str:
        return self._filter

    def filters_active(self) -> bool:
        return self._filter != ALL

    def _accepts(self, entry: _Entry) -> bool:
        f, row = self._filter, entry.row
        if f == LEARNING_ONLY:
            return not row.is_experiment
        if f == EXPERIMENTS_ONLY:
            return row.is_experiment
        return row.status == f

    # --- lookups ---------------------------------------------------------------------------
    def learning_id(self, row: int) -> int | None:
        return self._id_at(row)

    def item(self, learning_id: int) -> LearningRow | None:
        return self._row_by_id(learning_id)

    def items(self) -> list[LearningRow]:
        return self._all_rows()

    # --- QAbstractItemModel ----------------------------------------------------------------
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
        entry = self._entry_at(index)
        if entry is None:
            return None
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
