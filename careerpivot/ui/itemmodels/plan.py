"""Item models of the Plan tab: phases with their milestones as a tree, and contingencies.

Both are fed from one :func:`careerpivot.services.plan.plan_overview` (plain rows); ``data()``
only reads those rows. When a refresh keeps the same phases and milestones in the same order
(the usual case after an edit), the models emit ``dataChanged`` instead of a reset, so the
view keeps its selection, expansion and scroll position.

The tree's columns are as wide as their widest cell, but a view that finds that width by
itself (``QHeaderView.ResizeToContents``) asks ``data()`` for eight roles of every cell of the
column, at every layout: with 500 milestones, 16,000 calls from C++ into Python per layout.
:meth:`PlanTreeModel.widest` instead names the few cells that can be the widest, found from
the texts in Python, for the view to measure with its own delegate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QIcon

from careerpivot.core import vocab
from careerpivot.services.plan import ContingencyRow, MilestoneRow, PhaseRow, PlanOverview
from careerpivot.ui.widgets.date_text import shown_date

Index = QModelIndex | QPersistentModelIndex
DR = Qt.ItemDataRole

#: The kind of an index's item ("phase" or "milestone"; "contingency" in the table).
KindRole = Qt.ItemDataRole.UserRole + 1
#: The id of an index's item.
IdRole = Qt.ItemDataRole.UserRole + 2
#: True for an overdue milestone (and for a phase with an overdue milestone).
OverdueRole = Qt.ItemDataRole.UserRole + 3
#: Milestones done out of all, as a fraction 0..1 (phases only).
ProgressRole = Qt.ItemDataRole.UserRole + 4

PHASE, MILESTONE, CONTINGENCY = "phase", "milestone", "contingency"

# Combined once: an enum's ``|`` runs Python code, and views ask for flags row by row.
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_LEAF_FLAGS = _ROW_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags

#: A text narrower than the widest of its kind by less than this may still be measured the
#: widest by the view's delegate, which lays text out a little differently (rounding).
_WIDTH_SLACK = 2.0

#: The roles PlanTreeModel.data() answers (None for every other).
_TREE_ROLES = frozenset(
    int(r)
    for r in (
        KindRole,
        IdRole,
        OverdueRole,
        ProgressRole,
        DR.DisplayRole,
        DR.FontRole,
        DR.ToolTipRole,
        DR.AccessibleDescriptionRole,
        DR.ForegroundRole,
        DR.DecorationRole,
    )
)


#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


def _date(value: Any) -> str:
    return shown_date(value)


def _hours(value: float) -> str:
    return f"{value:g} h" if value else ""


class PlanLook:
    """What marks an overdue or misplaced milestone: a colour, an icon and a bold font
    (never colour alone). The tab sets one derived from its palette."""

    def __init__(
        self,
        warning: QColor | None = None,
        overdue_icon: QIcon | None = None,
        warning_icon: QIcon | None = None,
    ) -> None:
        self.warning = warning or QColor("#b3261e")
        self.overdue_icon = overdue_icon or QIcon()
        self.warning_icon = warning_icon or QIcon()


class PlanTreeModel(QAbstractItemModel):
    """Phases at the top level, their milestones (by due date) as children.

    An index's internal id is 0 for a phase and ``phase row + 1`` for a milestone.
    """

    TITLE, DUE, STATUS, TIME, PARTNER = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._phases: tuple[PhaseRow, ...] = ()
        self.look = PlanLook()

    # --- feeding ---------------------------------------------------------------------------
    @staticmethod
    def _shape(phases: tuple[PhaseRow, ...]) -> list[tuple[int, tuple[int, ...]]]:
        return [(p.id, tuple(m.id for m in p.milestones)) for p in phases]

    def set_overview(self, overview: PlanOverview) -> None:
        phases = overview.phases
        if self._shape(phases) == self._shape(self._phases):
            self._phases = phases
            self._all_changed()
            return
        self.beginResetModel()
        self._phases = phases
        self.endResetModel()

    def set_look(self, look: PlanLook) -> None:
        self.look = look
        self._all_changed()

    def _all_changed(self) -> None:
        last = self.columnCount() - 1
        for row, phase in enumerate(self._phases):
            parent = self.index(row, 0)
            self.dataChanged.emit(parent, self.index(row, last))
            if phase.milestones:
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(len(phase.milestones) - 1, last, parent)
                )

    # --- lookup ----------------------------------------------------------------------------
    def phases(self) -> tuple[PhaseRow, ...]:
        return self._phases

    def item(self, index: Index) -> PhaseRow | MilestoneRow | None:
        if not index.isValid():
            return None
        parent_id = index.internalId()
        if parent_id == 0:
            return self._phases[index.row()]
        return self._phases[parent_id - 1].milestones[index.row()]

    def index_of(self, kind: str, item_id: int, column: int = 0) -> QModelIndex:
        for row, phase in enumerate(self._phases):
            if kind == PHASE and phase.id == item_id:
                return self.index(row, column)
            if kind == MILESTONE:
                for child, milestone in enumerate(phase.milestones):
                    if milestone.id == item_id:
                        return self.index(child, column, self.index(row, 0))
        return QModelIndex()

    # --- the model -------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= self.columnCount() or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._phases):
                return self.createIndex(row, column, 0)
            return QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        phase_row = parent.row()
        if phase_row < len(self._phases) and row < len(self._phases[phase_row].milestones):
            return self.createIndex(row, column, phase_row + 1)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._phases)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._phases[parent.row()].milestones)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 5

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _ROW_FLAGS if index.internalId() == 0 else _LEAF_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DR.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 5:
            return None
        if role == DR.DisplayRole:
            return (
                translate("PlanModels", "Phase / milestone"),
                translate("PlanModels", "Due"),
                translate("PlanModels", "Status"),
                translate("PlanModels", "Time"),
                translate("PlanModels", "Partner"),
            )[section]
        if role == DR.ToolTipRole:
            return (
                translate("PlanModels", "Phases in order, each with its milestones by due date"),
                translate("PlanModels", "A milestone's due date; a phase's start and end"),
                translate(
                    "PlanModels", "A milestone's status; how many milestones of a phase are done"
                ),
                translate("PlanModels", "Hours a milestone needs; hours a week a phase asks for"),
                translate("PlanModels", "The accountability partner from your network"),
            )[section]
        return None

    def data(self, index: Index, role: int = DR.DisplayRole) -> Any:
        if role not in _TREE_ROLES:  # half of what a view asks; answered at once
            return None
        item = self.item(index)
        if item is None:
            return None
        if isinstance(item, PhaseRow):
            return self._phase_data(item, index.column(), role)
        return self._milestone_data(item, index.column(), role)

    def widest(
        self, column: int, width: Callable[[str, bool], float], *, phases: bool = True
    ) -> list[QModelIndex]:
        """The cells of ``column`` that can be its widest, for the view to measure: in each
        kind of cell (bold text or not, with an icon or not), one cell for each text width,
        by ``width(text, bold)``, that is the widest of its kind or nearly so. A collapsed
        phase's milestones count too, so that expanding it does not change the widths. Without
        ``phases``, only milestones' cells count."""
        kinds: dict[tuple[bool, bool], dict[float, tuple[int, int]]] = {}
        for phase_row, phase in enumerate(self._phases):
            text = self._phase_text(phase, column)
            bold = column == self.TITLE
            if phases:
                kinds.setdefault((bold, False), {}).setdefault(
                    width(text, bold) if text else 0.0, (-1, phase_row)
                )
            for row, m in enumerate(phase.milestones):
                text = self._milestone_text(m, column)
                decorated = (
                    m.overdue
                    if column == self.TITLE
                    else bool(m.warning)
                    if column == self.DUE
                    else False
                )
                kinds.setdefault((m.overdue, decorated), {}).setdefault(
                    width(text, m.overdue) if text else 0.0, (phase_row, row)
                )
        found = []
        for cells in kinds.values():
            most = max(cells)
            for measured, (parent, row) in cells.items():
                if measured >= most - _WIDTH_SLACK:
                    found.append(
                        self.index(row, column)
                        if parent < 0
                        else self.index(row, column, self.index(parent, 0))
                    )
        return found

    def _phase_text(self, phase: PhaseRow, column: int) -> str:
        if column == self.TITLE:
            return phase.name
        if column == self.DUE:
            if phase.start_date is None and phase.end_date is None:
                return translate("PlanModels", "no dates")
            return f"{_date(phase.start_date)} – {_date(phase.end_date)}".strip()
        if column == self.STATUS:
            progress = phase.progress
            if not progress.total:
                return translate("PlanModels", "no milestones")
            text = translate("PlanModels", "{0} of {1} done").format(progress.done, progress.total)
            if phase.overdue:
                text += translate("PlanModels", ", {0} overdue").format(phase.overdue)
            return text
        if column == self.TIME:
            return (
                translate("PlanModels", "{0} h a week").format(f"{phase.weekly_hours:g}")
                if phase.weekly_hours
                else ""
            )
        return ""

    def _milestone_text(self, m: MilestoneRow, column: int) -> str:
        if column == self.TITLE:
            return m.title
        if column == self.DUE:
            return _date(m.due_date) or translate("PlanModels", "no date")
        if column == self.STATUS:
            status = QCoreApplication.translate(
                "vocab", vocab.MILESTONE_STATUSES.get(m.status, m.status)
            )
            if m.overdue:
                if m.days_overdue == 1:
                    return translate("PlanModels", "{0} · 1 day overdue").format(status)
                return translate("PlanModels", "{0} · {1} days overdue").format(
                    status, m.days_overdue
                )
            if m.status == "done" and m.done_date is not None:
                return translate("PlanModels", "{0} {1}").format(status, _date(m.done_date))
            return status
        if column == self.TIME:
            return _hours(m.hours_needed)
        if column == self.PARTNER:
            return m.partner_name
        return ""

    def _phase_data(self, phase: PhaseRow, column: int, role: int) -> Any:
        if role == KindRole:
            return PHASE
        if role == IdRole:
            return phase.id
        if role == OverdueRole:
            return phase.overdue > 0
        if role == ProgressRole:
            return phase.progress.fraction
        if role == DR.DisplayRole:
            return self._phase_text(phase, column)
        if role == DR.FontRole and column == self.TITLE:
            font = QFont(QGuiApplication.font())
            font.setBold(True)
            return font
        if role == DR.ToolTipRole:
            lines = [phase.name]
            if phase.goal:
                lines.append(phase.goal)
            if phase.success_metric:
                lines.append(translate("PlanModels", "Success: {0}").format(phase.success_metric))
            return "\n".join(lines)
        if role == DR.AccessibleDescriptionRole:
            return translate("PlanModels", "Phase")
        return None

    def _milestone_data(self, m: MilestoneRow, column: int, role: int) -> Any:
        if role == KindRole:
            return MILESTONE
        if role == IdRole:
            return m.id
        if role == OverdueRole:
            return m.overdue
        if role == DR.DisplayRole:
            return self._milestone_text(m, column) if 0 <= column < 5 else None
        if role == DR.ForegroundRole and m.overdue:
            return QBrush(self.look.warning)
        if role == DR.FontRole and m.overdue:
            font = QFont(QGuiApplication.font())
            font.setBold(True)
            return font
        if role == DR.DecorationRole:
            if column == self.TITLE and m.overdue:
                return self.look.overdue_icon
            if column == self.DUE and m.warning:
                return self.look.warning_icon
            return None
        if role == DR.ToolTipRole:
            lines = [m.title]
            if m.overdue:
                lines.append(
                    translate("PlanModels", "Overdue: due {0}, {1} days ago.").format(
                        _date(m.due_date), m.days_overdue
                    )
                )
            if m.warning:
                lines.append(m.warning)
            if m.metric or m.target:
                lines.append(
                    translate("PlanModels", "Metric: {0} {1}").format(m.metric, m.target).strip()
                )
            return "\n".join(lines)
        if role == DR.AccessibleDescriptionRole:
            return (
                translate("PlanModels", "Overdue milestone")
                if m.overdue
                else translate("PlanModels", "Milestone")
            )
        return None


class ContingencyModel(QAbstractTableModel):
    """ "If … by …, then …": one row per contingency option."""

    TRIGGER, DATE, RESPONSE, PATH = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ContingencyRow, ...] = ()

    def set_rows(self, rows: tuple[ContingencyRow, ...]) -> None:
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1)
                )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_item(self, row: int) -> ContingencyRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, contingency_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == contingency_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _LEAF_FLAGS if index.isValid() else _NO_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DR.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 4:
            return None
        if role == DR.DisplayRole:
            return (
                translate("PlanModels", "If…"),
                translate("PlanModels", "By"),
                translate("PlanModels", "Then…"),
                translate("PlanModels", "Path"),
            )[section]
        if role == DR.ToolTipRole:
            return (
                translate("PlanModels", "What would make you change course"),
                translate("PlanModels", "The date by which to check it"),
                translate("PlanModels", "What you would do instead"),
                translate("PlanModels", "The path it concerns"),
            )[section]
        return None

    def data(self, index: Index, role: int = DR.DisplayRole) -> Any:
        row = self.row_item(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == KindRole:
            return CONTINGENCY
        if role == IdRole:
            return row.id
        if role == DR.DisplayRole:
            if column == self.TRIGGER:
                return " ".join(row.trigger.split())
            if column == self.DATE:
                return _date(row.trigger_date)
            if column == self.RESPONSE:
                return " ".join(row.response.split())
            return row.path_title
        if role == DR.ToolTipRole:
            text = translate("PlanModels", "If {0}").format(row.trigger)
            if row.trigger_date is not None:
                text += translate("PlanModels", " by {0}").format(_date(row.trigger_date))
            if row.response:
                text += translate("PlanModels", ", then {0}").format(row.response)
            return text
        return None
