"""The tracking log's table model (:class:`LogModel`): one row per entry, newest first, and
the status colours (:func:`status_colors`) the log and the Overview share."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget

from careerpivot.core import clock, vocab
from careerpivot.core import due as _due
from careerpivot.services import log
from careerpivot.services.log import LogRow
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.widgets.date_text import shown_date

DATE, KIND, ENTRY, LINKED, STATUS = range(5)
COLUMN_COUNT = 5

Role = Qt.ItemDataRole


def status_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """(overdue, due soon) text colours that read on the palette's base, light or dark."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    if dark:
        return QColor("#ff8a80"), QColor("#ffcc66")
    return QColor("#b3261e"), QColor("#8a5a00")


class LogModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LogRow] = []
        self._today = clock.today()
        self._colors = (QColor("#b3261e"), QColor("#8a5a00"))

    def set_rows(self, rows: list[LogRow], today: _dt.date,
                 colors: tuple[QColor, QColor]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self._colors = colors
        self.endResetModel()

    def entry(self, row: int) -> LogRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == entry_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Role.DisplayRole:
            return None
        return (self.tr("Date"), self.tr("Kind"), self.tr("Entry"), self.tr("About"),
                self.tr("Status"))[section]

    def _status(self, r: LogRow) -> tuple[str, str]:
        """(text, state) where state is "", "overdue" or "soon"."""
        if r.kind == log.ACTION:
            if r.done_date is not None:
                return self.tr("✓ Done {0}").format(shown_date(r.done_date)), ""
            when = r.effective_due
            if when is None:
                return self.tr("Open"), ""
            late = _due.days_late(when, self._today)
            if late:
                return self.tr("⚠ Overdue by %n day(s)", "", late), "overdue"
            if when == self._today:
                return self.tr("● Due today"), "soon"
            days = (when - self._today).days
            text = (self.tr("Due in %n day", "", days) if days == 1
                    else self.tr("Due in %n days", "", days))
            if r.snoozed_until is not None and r.due_date is not None and when > r.due_date:
                text = self.tr("{0} (snoozed)").format(text)
            return text, "soon" if days <= _due.WEEK_DAYS else ""
        if r.kind == log.OUTREACH:
            if r.done_date is None:
                return self.tr("Waiting for a reply"), ""
            return self.tr("Closed"), ""
        return "", ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Role.DisplayRole
             ) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role in (Role.DisplayRole, Role.ToolTipRole):
            if column == DATE:
                return shown_date(r.entry_date)
            if column == KIND:
                return _vocab(vocab.LOG_KINDS.get(r.kind, r.kind))
            if column == ENTRY:
                if role == Role.ToolTipRole:
                    return r.text
                first = r.text.split("\n", 1)[0]
                return first + (" …" if "\n" in r.text.strip() else "")
            if column == LINKED:
                return " · ".join(p for p in (r.contact_name, r.path_title) if p)
            if column == STATUS:
                return self._status(r)[0]
        if role == Role.ForegroundRole and column == STATUS:
            state = self._status(r)[1]
            if state == "overdue":
                return self._colors[0]
            if state == "soon":
                return self._colors[1]
        if role == Role.FontRole and column == STATUS and self._status(r)[1] == "overdue":
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.UserRole:
            return r.id
        return None
