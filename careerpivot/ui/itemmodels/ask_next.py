"""The model of the Paths tab's "Who to ask next" page: the people worth asking about a path,
best first, each with why (services.ask_next). A short list (at most a few tens of rows), fed
from one service call; ``data()`` never reaches the database. The order is the ranking's: the
list is not sorted by column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from careerpivot.core import ask_next as rule
from careerpivot.core import vocab
from careerpivot.services.ask_next import Suggestion
from careerpivot.ui.i18n import translator, vocab_name

Role = Qt.ItemDataRole

S_NAME, S_ORGANIZATION, S_LEVEL, S_REASON = range(4)
S_COLUMNS = 4


#: A clause of core.ask_next's reasons (context "askNext") in the user's language.
ask_next_text = translator("askNext")


def reason_text(s: Suggestion, *, who_first: bool = True) -> str:
    """Why ``s`` is suggested, in the user's language (``who_first``: core.ask_next.reason)."""
    return rule.reason(s.ranked, ask_next_text, vocab_name, who_first=who_first)


class AskNextModel(QAbstractTableModel):
    """Suggestions in the ranking's order: name, organization, level, and why."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Suggestion] = []
        self._reasons: list[str] = []
        self._headers = (self.tr("Name"), self.tr("Organization"), self.tr("Level"),
                         self.tr("Why ask them"))
        self._header_tips = (
            self.tr("Someone in your network"),
            self.tr("Where they work today"),
            self.tr("Their experience level today"),
            self.tr("What a conversation with them would add to the assumptions still open"),
        )

    def set_rows(self, rows: Sequence[Suggestion]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        # the organization and level are in their own columns: the reason need not name them
        self._reasons = [reason_text(s, who_first=False) for s in self._rows]
        self.endResetModel()

    def suggestion(self, row: int) -> Suggestion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, contact_id: int) -> int:
        return next((i for i, s in enumerate(self._rows) if s.contact_id == contact_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else S_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < S_COLUMNS:
            if role == Role.DisplayRole:
                return self._headers[section]
            if role == Role.ToolTipRole:
                return self._header_tips[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == Role.UserRole:
            return s.contact_id
        if role == Role.DisplayRole:
            if col == S_NAME:
                return s.name
            if col == S_ORGANIZATION:
                return s.organization
            if col == S_LEVEL:
                return vocab_name(vocab.LEVELS.get(s.level, s.level)) if s.level else ""
            if col == S_REASON:
                return self._reasons[index.row()]
        if role == Role.ToolTipRole:
            if col == S_NAME:
                return f"{s.name} — {s.role}" if s.role else s.name
            if col == S_REASON:
                return "\n".join(rule.clauses(s.ranked, ask_next_text))  # all it brings
        return None
