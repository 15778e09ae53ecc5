"""Models of the Paths tab: a path's assumptions, the evidence for one assumption, and the
side-by-side comparison of paths. All three are short lists (tens of rows), fed from one
service call each into plain rows; ``data()`` never reaches the database.

The derived status of an assumption is never shown by colour alone: each status has its own
icon shape (a tick, a cross, a diamond, a hollow ring) next to its name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from careerpivot.core import compare, vocab
from careerpivot.services.paths import AssumptionRow, Comparison, EvidenceRow
from careerpivot.ui.i18n import evidence_text, vocab_name
from careerpivot.ui.itemmodels.status_icons import (
    status_icon,
    status_name,
    verdict_name,
)
from careerpivot.ui.widgets.date_text import shown_date

Role = Qt.ItemDataRole
Flag = Qt.ItemFlag

MAX_SCORE = compare.MAX_SCORE

# --- a path's assumptions ---------------------------------------------------------------------

A_STATEMENT, A_CATEGORY, A_CONFIDENCE, A_STATUS, A_EVIDENCE, A_TRIANGULATED = range(6)
A_COLUMNS = 6
#: Role of the (supported, challenged, nuanced) counts in the evidence column.
COUNTS_ROLE = Role.UserRole + 1


class AssumptionsModel(QAbstractTableModel):
    """The assumptions of one path in the user's order, with their derived status."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[AssumptionRow] = []
        self._headers = (
            self.tr("Assumption"), self.tr("Category"), self.tr("Confidence"),
            self.tr("Status"), self.tr("Conversations"), self.tr("Triangulated"),
        )
        self._header_tips = (
            self.tr("What you believe about this path"),
            self.tr("What the assumption is about"),
            self.tr("How sure you were before the conversations"),
            self.tr("Derived from the evidence: untested, supported, challenged, or "
                    "contested (both)"),
            self.tr("How many conversations supported, challenged or nuanced it"),
            self.tr("Supported by at least three conversations spanning at least two "
                    "experience levels or two organizations"),
        )

    def set_rows(self, rows: Sequence[AssumptionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def assumption(self, row: int) -> AssumptionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, assumption_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == assumption_id:
                return i
        return -1

    def rows(self) -> list[AssumptionRow]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else A_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < A_COLUMNS:
            if role == Role.DisplayRole:
                return self._headers[section]
            if role == Role.ToolTipRole:
                return self._header_tips[section]
        return None

    def counts_text(self, r: AssumptionRow) -> str:
        return self.tr("{0} supported, {1} challenged, {2} nuanced").format(
            r.supported, r.challenged, r.nuanced)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Role.UserRole:
            return r.id
        if role == Role.DisplayRole:
            if col == A_STATEMENT:
                return r.statement
            if col == A_CATEGORY:
                return vocab_name(vocab.ASSUMPTION_CATEGORIES.get(r.category, r.category))
            if col == A_CONFIDENCE:
                return self.tr("{0} %").format(r.confidence)
            if col == A_STATUS:
                return status_name(r.status)
            if col == A_EVIDENCE:
                return self.counts_text(r)
            if col == A_TRIANGULATED:
                return self.tr("Yes") if r.triangulated else self.tr("No")
        if role == COUNTS_ROLE and col == A_EVIDENCE:
            return (r.supported, r.challenged, r.nuanced)
        if role == Role.DecorationRole:
            if col == A_STATUS:
                return status_icon(r.status)
            if col == A_TRIANGULATED and r.triangulated:
                return status_icon("triangulated")
        if role == Role.ForegroundRole and col == A_TRIANGULATED and not r.triangulated:
            return QBrush(QColor("#757575"))
        if role == Role.TextAlignmentRole and col == A_CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.ToolTipRole:
            if col == A_STATEMENT:
                return r.statement
            if col in (A_STATUS, A_EVIDENCE):
                return self._status_tip(r)
            if col == A_TRIANGULATED:
                return r.lacks(evidence_text)
        if role == Role.AccessibleTextRole and col in (A_STATUS, A_EVIDENCE):
            return self._status_tip(r)
        return None

    def _status_tip(self, r: AssumptionRow) -> str:
        if r.status == "untested" and not r.nuanced:
            return r.lacks(evidence_text)
        return f"{status_name(r.status)}: {self.counts_text(r)}. {r.lacks(evidence_text)}"


class CountsDelegate(QStyledItemDelegate):
    """Paints "supported / challenged / nuanced" counts as three icon-and-number pairs (the
    text of the cell, for screen readers and tooltips, says the same in words).

    It never touches ``QStyle`` from Python (``option.state`` and ``style()`` are of its
    types): the first such use in a process has PySide build the classes of all its
    enumerations, about 10 ms. The cell's background is the base class's, the selection is
    asked of the view."""

    KINDS = ("supported", "challenged", "nuanced")

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the counts are painted over the cell

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        counts = index.data(COUNTS_ROLE)
        if not counts:
            return
        painter.save()
        view = option.widget
        selection = view.selectionModel() if view is not None else None
        selected = selection is not None and selection.isSelected(index)
        fm = option.fontMetrics
        rect = option.rect
        size = min(16, rect.height() - 4)
        x = rect.left() + 6
        for kind, count in zip(self.KINDS, counts, strict=True):
            top = rect.top() + (rect.height() - size) // 2
            mode = QIcon.Mode.Normal if count else QIcon.Mode.Disabled
            status_icon(kind).paint(painter, QRect(x, top, size, size),
                                    Qt.AlignmentFlag.AlignCenter, mode)
            x += size + 3
            text = str(count)
            if selected:
                color = option.palette.color(QPalette.ColorRole.HighlightedText)
            elif count:
                color = option.palette.color(QPalette.ColorRole.Text)
            else:
                color = QColor("#9e9e9e")
            painter.setPen(color)
            width = fm.horizontalAdvance(text)
            painter.drawText(QRect(x, rect.top(), width + 2, rect.height()),
                             int(Qt.AlignmentFlag.AlignVCenter), text)
            x += max(width, fm.horizontalAdvance("00")) + 12
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        fm = option.fontMetrics
        return QSize(6 + 3 * (16 + 3 + fm.horizontalAdvance("00") + 12),
                     max(20, fm.height() + 6))


# --- the evidence for one assumption ----------------------------------------------------------

E_VERDICT, E_QUOTE, E_PERSON, E_LEVEL, E_ORGANIZATION, E_DATE = range(6)
E_COLUMNS = 6


class EvidenceModel(QAbstractTableModel):
    """The conversations that gave a verdict on one assumption, with their quotes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[EvidenceRow] = []
        self._headers = (self.tr("Verdict"), self.tr("Quote"), self.tr("Interviewee"),
                         self.tr("Level"), self.tr("Organization"), self.tr("Date"))

    def set_rows(self, rows: Sequence[EvidenceRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def evidence(self, row: int) -> EvidenceRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else E_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and 0 <= section < E_COLUMNS
                and role == Role.DisplayRole):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Role.UserRole:
            return r.interview_id
        if role == Role.DisplayRole:
            if col == E_VERDICT:
                if not r.held:
                    return self.tr("{0} (not counted until held)").format(
                        verdict_name(r.verdict))
                return verdict_name(r.verdict)
            if col == E_QUOTE:
                return f"“{r.quote}”" if r.quote else self.tr("(no quote)")
            if col == E_PERSON:
                if r.round > 1:
                    return self.tr("{0} (round {1})").format(r.contact_name, r.round)
                return r.contact_name
            if col == E_LEVEL:
                return vocab_name(vocab.LEVELS.get(r.level, r.level)) if r.level else ""
            if col == E_ORGANIZATION:
                return r.organization
            if col == E_DATE:
                return shown_date(r.scheduled_at) or self.tr("no date")
        if role == Role.DecorationRole and col == E_VERDICT:
            return status_icon(r.verdict)
        if role == Role.ForegroundRole and ((col == E_QUOTE and not r.quote) or not r.held):
            return QBrush(QColor("#757575"))
        if role == Role.ToolTipRole:
            if col in (E_LEVEL, E_ORGANIZATION) and r.held:
                return self.tr("As recorded when the conversation was held")
            if col == E_QUOTE and r.quote:
                return r.quote
            return self.tr("Double-click to open this conversation")
        return None


# --- the comparison of paths ------------------------------------------------------------------

C_NAME, C_WEIGHT, C_EVIDENCE = range(3)
C_FIXED = 3  # columns before the first path

#: (kind, row, value): kind "name", "weight", "from_evidence" (row = criterion index) or
#: "score" (row = criterion index, and the path id in place of a column).
EditFn = Callable[[str, int, int | None, Any], bool]


class ComparisonModel(QAbstractTableModel):
    """Criteria as rows (name, weight, filled from evidence?), one column per path, and a
    last row with each path's weighted total (0-100)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._data: Comparison | None = None
        self._edit: EditFn | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_editor(self, edit: EditFn) -> None:
        """``edit(kind, criterion_id, path_id, value) -> stored?`` stores a change."""
        self._edit = edit

    def set_comparison(self, comparison: Comparison) -> None:
        self.beginResetModel()
        self._data = comparison
        self.endResetModel()

    def comparison(self) -> Comparison | None:
        return self._data

    def _criteria(self):
        return self._data.criteria if self._data else ()

    def _paths(self):
        return self._data.paths if self._data else ()

    def total_row(self) -> int:
        return len(self._criteria())

    def path_column(self, path_id: int) -> int:
        for i, p in enumerate(self._paths()):
            if p.path_id == path_id:
                return C_FIXED + i
        return -1

    def criterion_id(self, row: int) -> int | None:
        criteria = self._criteria()
        return criteria[row].id if 0 <= row < len(criteria) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() or self._data is None:
            return 0
        return len(self._criteria()) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else C_FIXED + len(self._paths())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Role.DisplayRole:
            if section == C_NAME:
                return self.tr("Criterion")
            if section == C_WEIGHT:
                return self.tr("Weight")
            if section == C_EVIDENCE:
                return self.tr("From evidence")
            paths = self._paths()
            if 0 <= section - C_FIXED < len(paths):
                return paths[section - C_FIXED].title
        if role == Role.ToolTipRole:
            if section == C_WEIGHT:
                return self.tr("How much this criterion counts (0 leaves it out)")
            if section == C_EVIDENCE:
                return self.tr("Filled from the evidence for the path's assumptions instead "
                               "of scored by hand")
            if section >= C_FIXED:
                return self.tr("Score each criterion from 0 (poor) to 5 (excellent)")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Flag:
        base = Flag.ItemIsEnabled | Flag.ItemIsSelectable
        if not index.isValid():
            return Flag.NoItemFlags
        row, col = index.row(), index.column()
        criteria = self._criteria()
        if row >= len(criteria):
            return base
        if col in (C_NAME, C_WEIGHT):
            return base | Flag.ItemIsEditable
        if col == C_EVIDENCE:
            return base | Flag.ItemIsUserCheckable
        if not criteria[row].from_evidence:
            return base | Flag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or self._data is None:
            return None
        row, col = index.row(), index.column()
        criteria, paths = self._criteria(), self._paths()
        if not 0 <= row <= len(criteria) or not 0 <= col < C_FIXED + len(paths):
            return None
        if row == len(criteria):
            return self._total_data(col, role)
        c = criteria[row]
        if col == C_NAME:
            if role in (Role.DisplayRole, Role.EditRole):
                return c.name
            return None
        if col == C_WEIGHT:
            if role == Role.DisplayRole:
                return f"{c.weight:g}"
            if role == Role.EditRole:
                return float(c.weight)
            if role == Role.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if col == C_EVIDENCE:
            if role == Role.CheckStateRole:
                return (Qt.CheckState.Checked if c.from_evidence
                        else Qt.CheckState.Unchecked).value
            if role == Role.ToolTipRole:
                return self.headerData(C_EVIDENCE, Qt.Orientation.Horizontal, role)
            return None
        path = paths[col - C_FIXED]
        score = path.scores[row]
        if role == Role.DisplayRole:
            if score is None:
                return self.tr("—")
            return f"{score:.1f}"
        if role == Role.EditRole:
            return float(score) if score is not None else 0.0
        if role == Role.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if c.from_evidence:
            if role == Role.FontRole:
                return self._italic
            if role == Role.ToolTipRole:
                return self.tr("Filled from the evidence (not editable): {0:.1f} of 5. An "
                               "untested assumption counts 0, a tested one half, a "
                               "triangulated one in full.").format(score or 0.0)
        elif role == Role.ToolTipRole:
            return (self.tr("Not scored yet: double-click or press F2 to score 0–5")
                    if score is None else self.tr("Double-click or press F2 to change"))
        if role == Role.ForegroundRole and score is None:
            return QBrush(QColor("#757575"))
        return None

    def _total_data(self, col: int, role: int) -> Any:
        paths = self._paths()
        if col == C_NAME:
            if role == Role.DisplayRole:
                return self.tr("Weighted total (of 100)")
            if role == Role.FontRole:
                return self._bold
            return None
        if col < C_FIXED:
            return None
        path = paths[col - C_FIXED]
        best = max((p.total for p in paths), default=0.0)
        if role == Role.DisplayRole:
            text = f"{path.total:.0f}"
            if len(paths) > 1 and path.total == best and best > 0:
                text = self.tr("{0} (highest)").format(text)
            return text
        if role == Role.FontRole:
            return self._bold
        if role == Role.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.ToolTipRole:
            return self.tr("Weighted total: 100 means the top score on every weighted "
                           "criterion. Unscored criteria count as 0.")
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Role.EditRole) -> bool:
        if not index.isValid() or self._edit is None or self._data is None:
            return False
        row, col = index.row(), index.column()
        criteria = self._criteria()
        if not 0 <= row < len(criteria):
            return False
        c = criteria[row]
        if col == C_NAME and role == Role.EditRole:
            return self._edit("name", c.id, None, value)
        if col == C_WEIGHT and role == Role.EditRole:
            return self._edit("weight", c.id, None, value)
        if col == C_EVIDENCE and role == Role.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if isinstance(
                value, int) else value == Qt.CheckState.Checked
            return self._edit("from_evidence", c.id, None, checked)
        if col >= C_FIXED and role == Role.EditRole and not c.from_evidence:
            path = self._paths()[col - C_FIXED]
            return self._edit("score", c.id, path.path_id, value)
        return False

