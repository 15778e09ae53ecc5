"""Learning items and experiments as a table model.

Rows come from one call to :func:`careerpivot.services.development.list_learning` (plain
dataclasses). A row's display texts are computed the first time it is shown and kept, a sort
key when a sort by its column asks for it: loading thousands of items costs next to nothing
beyond the rows themselves. The filter (all, learning only, experiments only, or one status)
and sorting work in Python.
Progress (units done of total) is drawn by
:class:`careerpivot.ui.widgets.progress_delegate.ProgressDelegate` from :data:`PROGRESS_ROLE`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from careerpivot.core import vocab
from careerpivot.core.text import fold
from careerpivot.services.development import LearningRow
from careerpivot.ui.itemmodels.base import FilteredTableModel
from careerpivot.ui.itemmodels.skills import NO_DATA_ROLES, vocab_name
from careerpivot.ui.widgets.date_text import shown_date
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


class _Texts:
    """The texts every row shares (translated names, the locale's numbers), looked up once
    per load rather than once per row."""

    __slots__ = ("kinds", "locale", "numbers", "progress", "statuses")

    def __init__(self, progress: str) -> None:
        self.locale = QLocale()
        self.kinds = {k: vocab_name(v) for k, v in vocab.LEARNING_KINDS.items()}
        self.statuses = {k: vocab_name(v) for k, v in vocab.LEARNING_STATUSES.items()}
        self.progress = progress  # "{0} / {1}", translated
        self.numbers: dict[tuple[float, int], str] = {}

    def number(self, value: float, decimals: int = 1) -> str:
        if not value:
            return ""
        key = (value, decimals)
        text = self.numbers.get(key)
        if text is None:  # hours and costs repeat: each distinct one is formatted once
            if decimals == 1 and value == int(value):
                text = self.locale.toString(int(value))
            else:
                text = self.locale.toString(float(value), "f", decimals)
            self.numbers[key] = text
        return text

    def display(self, row: LearningRow) -> tuple[str, ...]:
        """The row's text in every column."""
        kind = self.kinds.get(row.kind)
        status = self.statuses.get(row.status)
        start, end = row.start_date, row.end_date
        return (
            row.title,
            vocab_name(row.kind) if kind is None else kind,
            vocab_name(row.status) if status is None else status,
            self.progress.format(row.units_done, row.units_total) if row.units_total > 0
            else "",
            shown_date(start), shown_date(end),
            self.number(row.hours_planned), self.number(row.hours_spent),
            self.number(row.cost, 2), row.provider, _skills_text(row),
        )


def _skills_text(row: LearningRow) -> str:
    return ", ".join(name for _id, name in row.skills)


def _progress_key(row: LearningRow) -> tuple[bool, float]:
    fraction = row.progress
    return (fraction is None, fraction or 0.0)


def _skills_key(row: LearningRow) -> tuple[bool, str]:
    skills = _skills_text(row)
    return (not skills, fold(skills))


#: The sort key of a row, by column.
_KEYS: tuple[Callable[[LearningRow], Any], ...] = (
    lambda row: fold(row.title),  # TITLE
    lambda row: (_KIND_ORDER.get(row.kind, 99), fold(row.title)),  # KIND
    lambda row: (_STATUS_ORDER.get(row.status, 99), fold(row.title)),  # STATUS
    _progress_key,  # PROGRESS
    lambda row: _date_key(row.start_date),  # START
    lambda row: _date_key(row.end_date),  # END
    lambda row: row.hours_planned,  # HOURS_PLANNED
    lambda row: row.hours_spent,  # HOURS_SPENT
    lambda row: row.cost,  # COST
    lambda row: (not row.provider, fold(row.provider)),  # PROVIDER
    _skills_key,  # SKILLS
)


class _Entry:
    """One row: its texts are made when the row is first shown (a paint shows a few dozen
    rows of thousands), a sort key when a sort by its column asks for it
    (``entry.sort[column]``)."""

    __slots__ = ("_display", "row", "texts")

    def __init__(self, row: LearningRow, texts: _Texts) -> None:
        self.row, self.texts = row, texts
        self._display: tuple[str, ...] | None = None

    @property
    def display(self) -> tuple[str, ...]:
        if self._display is None:
            self._display = self.texts.display(self.row)
        return self._display

    @property
    def sort(self) -> _Entry:
        return self

    def __getitem__(self, column: int) -> Any:
        return _KEYS[column](self.row)


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
        self._texts = _Texts(self.tr("{0} / {1}"))

    # --- loading ---------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[LearningRow]) -> None:
        self._texts = _Texts(self.tr("{0} / {1}"))
        texts = self._texts
        self._set_entries([_Entry(r, texts) for r in rows])  # service order: start, title

    def _entry(self, row: LearningRow) -> _Entry:
        return _Entry(row, self._texts)

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
        if role in NO_DATA_ROLES:
            return None
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
