"""Models of evidence readiness (services.readiness): the assumptions of one path with where
each stands (the Paths tab's Readiness page), and one row per path (the Overview). Short
lists, fed from one service call; ``data()`` never reaches the database. The assumptions sort
themselves in Python over keys computed when they are loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from careerpivot.core import readiness as core
from careerpivot.core import vocab
from careerpivot.core.text import fold
from careerpivot.services.readiness import PathReadiness
from careerpivot.ui.i18n import evidence_text, translator, vocab_name
from careerpivot.ui.itemmodels.base import FilteredTableModel
from careerpivot.ui.itemmodels.status_icons import status_icon, status_name
from careerpivot.ui.widgets.progress_delegate import PROGRESS_ROLE

Role = Qt.ItemDataRole

#: The role of an assumption's (or a path's) id.
ID_ROLE = Role.UserRole


#: A text of ``core.readiness.TEXTS`` in the user's language.
readiness_text = translator("readiness")


def rule_text() -> str:
    return core.rule_text(readiness_text)


def figure_text(r: core.Readiness) -> str:
    return core.figure_text(r, readiness_text)


def category_name(category: str) -> str:
    return vocab_name(vocab.ASSUMPTION_CATEGORIES.get(category, category))


# --- the assumptions of one path ---------------------------------------------------------------

R_STATEMENT, R_STATUS, R_PEOPLE, R_ORGANIZATIONS, R_LEVELS, R_LACKS = range(6)
R_COLUMNS = 6

_STATUS_ORDER = {status: i for i, status in enumerate(vocab.ASSUMPTION_STATUSES)}


class _Entry(NamedTuple):
    row: core.Item
    status: str  # the status column's text
    lacks: str  # what it still lacks, in words
    sort: tuple[Any, ...]


class ReadinessModel(FilteredTableModel):
    """Every assumption of a path with its status, who has spoken so far and what it still
    lacks; sorted by any column (by default the path's own order)."""

    COLUMN_COUNT = R_COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent, sort_column=-1)
        self._headers = (self.tr("Assumption"), self.tr("Status"), self.tr("People"),
                         self.tr("Orgs", "organizations, as a short column title"),
                         self.tr("Levels"), self.tr("What it still lacks"))
        self._tips = (
            self.tr("What you believe about this path"),
            self.tr("Derived from the held conversations: untested, supported, challenged or "
                    "contested; settled when the rule above is met"),
            self.tr("Distinct people who support it (or, when nobody does, who challenge "
                    "it); several rounds with one person count once"),
            self.tr("Distinct organizations among them, as they were when each "
                    "conversation was held"),
            self.tr("Distinct experience levels among them, as they were then"),
            self.tr("What the evidence says and what it still needs to be settled"),
        )
        self._settled = self.tr("Settled")
        self._refuted = self.tr("Settled as wrong")

    # --- loading ---------------------------------------------------------------------------
    def set_items(self, items: Sequence[core.Item]) -> None:
        self._set_entries([self._entry(item) for item in items])

    def _entry(self, item: core.Item) -> _Entry:
        if item.standing.triangulated:
            status = self._settled
        elif item.standing.refuted:
            status = self._refuted
        else:
            status = status_name(item.status)
        heard = item.heard
        lacks = item.lacks(evidence_text)
        sort = (fold(item.statement), (not item.settled, _STATUS_ORDER.get(item.status, 9)),
                heard.people, heard.organizations, heard.levels,
                core.distance(item.standing))
        return _Entry(item, status, lacks, sort)

    def _id_of(self, row: core.Item) -> int:
        return row.assumption_id

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By a column; -1 puts back the path's own order."""
        if column < 0:
            self._sort_column, self._sort_order = -1, order
            self._relayout()
            return
        super().sort(column, order)

    def _sorted(self, entries: Sequence[Any], visible) -> list[int]:
        if self._sort_column < 0:
            return sorted(visible)
        return super()._sorted(entries, visible)

    # --- lookups ---------------------------------------------------------------------------
    def item(self, row: int) -> core.Item | None:
        assumption_id = self._id_at(row)
        return self._row_by_id(assumption_id) if assumption_id is not None else None

    def items(self) -> list[core.Item]:
        """The assumptions in display order."""
        return [self._entries[i].row for i in self._visible]

    # --- QAbstractItemModel ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < R_COLUMNS:
            if role == Role.DisplayRole:
                return self._headers[section]
            if role == Role.ToolTipRole:
                return self._tips[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        entry = self._entry_at(index)
        if entry is None:
            return None
        item, col = entry.row, index.column()
        if role == Role.DisplayRole:
            if col == R_STATEMENT:
                return item.statement
            if col == R_STATUS:
                return entry.status
            if col == R_LACKS:
                return entry.lacks
            heard = item.heard
            return str((heard.people, heard.organizations, heard.levels)[col - R_PEOPLE])
        if role == ID_ROLE:
            return item.assumption_id
        if role == Role.DecorationRole and col == R_STATUS:
            return status_icon("triangulated" if item.settled else item.status)
        if role == Role.ToolTipRole:
            if col == R_STATEMENT:
                return f"{item.statement}\n{category_name(item.category)}"
            return f"{entry.status}: {entry.lacks}"
        if role == Role.TextAlignmentRole and R_PEOPLE <= col <= R_LEVELS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.FontRole and col == R_STATUS and item.settled:
            font = QFont()
            font.setBold(True)
            return font
        return None


# --- one row per path (the Overview) -------------------------------------------------------

P_TITLE, P_READINESS, P_UNTESTED, P_NEXT = range(4)
P_COLUMNS = 4


class PathReadinessModel(QAbstractTableModel):
    """Every path in the user's order: its readiness as a bar with "2 of 5 settled", how many
    of its beliefs are untested, and the most useful next step."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[PathReadiness] = []
        self._next: list[str] = []
        self._headers = (self.tr("Path"), self.tr("Settled"), self.tr("Untested"),
                         self.tr("Most useful next step"))
        self._tips = (
            self.tr("Double-click (or press Enter) to open the path's readiness"),
            self.tr("The share of the path's beliefs that are settled"),
            self.tr("Beliefs no held conversation has tested yet"),
            self.tr("The belief closest to settled, and what it still needs"),
        )

    def set_rows(self, rows: Sequence[PathReadiness]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._next = [core.next_step_text(r.readiness, readiness_text, evidence_text)
                      for r in self._rows]
        self.endResetModel()

    def path(self, row: int) -> PathReadiness | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, path_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.path_id == path_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else P_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < P_COLUMNS:
            if role == Role.DisplayRole:
                return self._headers[section]
            if role == Role.ToolTipRole:
                return self._tips[section]
        return None

    def _settled_text(self, r: core.Readiness) -> str:
        if r.percent is None:
            return readiness_text(core.TEXTS["none"])
        return readiness_text(core.TEXTS["settled_of"], r.total).format(r.settled)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        r, col = row.readiness, index.column()
        if role == ID_ROLE:
            return row.path_id
        if role == Role.DisplayRole:
            if col == P_TITLE:
                return row.title
            if col == P_READINESS:
                return self._settled_text(r)
            if col == P_UNTESTED:
                return str(r.untested_count) if r.total else ""
            if col == P_NEXT:
                return self._next[index.row()]
        if role == PROGRESS_ROLE and col == P_READINESS:
            return (r.share, self._settled_text(r))
        if role == Role.ToolTipRole:
            if col == P_READINESS:
                return figure_text(r)
            if col == P_UNTESTED and r.untested:
                return "\n".join(
                    f"{category_name(category)}: {len(items)}" for category, items in r.untested)
            if col == P_NEXT:
                return self._next[index.row()]
            return row.title
        if role == Role.AccessibleTextRole and col == P_READINESS:
            return figure_text(r)
        if role == Role.TextAlignmentRole and col == P_UNTESTED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

