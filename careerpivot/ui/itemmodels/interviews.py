"""The interview list, and the skill mentions of one interview.

:class:`InterviewsModel` holds every interview of the workspace (one query, no details) and
filters and sorts itself over keys computed once per load, following the house convention for
lists that grow to thousands: with 20,000 interviews a search keystroke or a filter change
takes a few milliseconds and never reaches the database. Full text (notes and answers) is not
kept in memory: the tab asks the database for it after a pause in typing and hands the
matching ids to :meth:`InterviewsModel.set_text_matches`, which adds them to what the list
keys already matched.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from careerpivot.core import vocab
from careerpivot.services.interviews import InterviewRow, MentionRow

Role = Qt.ItemDataRole
Flag = Qt.ItemFlag

DATE, CONTACT, STATUS, PATH, ORGANIZATION, MODE, ROUND = range(7)
COLUMN_COUNT = 7

_STATUS_ORDER = {key: i for i, key in enumerate(vocab.INTERVIEW_STATUSES)}
_MODE_ORDER = {key: i for i, key in enumerate(vocab.INTERVIEW_MODES)}

#: Filter value of "interviews without a path".
NO_PATH = 0


def fold(text: str) -> str:
    """The search and sort form of a text: casefolded, accents removed ("Zoë" -> "zoe")."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def vocab_name(text: str) -> str:
    return QCoreApplication.translate("vocab", text)


class _Entry:
    """One interview with its search text and sort keys, computed once per load. The sort
    key of a text column is its folded text ("" sorts last in either direction)."""

    __slots__ = ("day", "row", "search", "sort")

    def __init__(self, row: InterviewRow, search: str, sort: tuple[Any, ...]) -> None:
        self.row = row
        self.search = search
        self.sort = sort
        self.day = row.scheduled_at[:10]


class InterviewsModel(QAbstractTableModel):
    """Interviews as rows; filtered by search words, status, path, contact and a date range;
    sorted by any column (stable; undated and empty values last in both directions)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[_Entry] = []
        self._by_id: dict[int, int] = {}
        self._visible: list[int] = []
        self._words: tuple[str, ...] = ()
        self._text_words: tuple[str, ...] = ()
        self._text_ids: frozenset[int] = frozenset()
        self._status: str | None = None
        self._path: int | None = None
        self._contact: int | None = None
        self._date_from = ""
        self._date_to = ""
        self._sort_column = DATE
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._headers = (
            self.tr("Date"), self.tr("Contact"), self.tr("Status"), self.tr("Path"),
            self.tr("Organization"), self.tr("Mode"), self.tr("Round"),
        )
        self._bold = QFont()
        self._bold.setBold(True)
        self._names: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._folded_names: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._not_set = ""
        self._fold_cache: dict[str, str] = {}

    # --- loading ---------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[InterviewRow]) -> None:
        """Show these interviews (a full reload; the filters stay)."""
        self.beginResetModel()
        statuses = {k: vocab_name(v) for k, v in vocab.INTERVIEW_STATUSES.items()}
        modes = {k: vocab_name(v) for k, v in vocab.INTERVIEW_MODES.items()}
        self._names = (statuses, modes)
        self._folded_names = ({k: fold(v) for k, v in statuses.items()},
                              {k: fold(v) for k, v in modes.items()})
        self._not_set = self.tr("not set")
        self._fold_cache: dict[str, str] = {}
        self._entries = self._entries_of(rows)
        self._fold_cache = {}
        self._by_id = {e.row.id: i for i, e in enumerate(self._entries)}
        self._visible = self._filtered()
        self._sort_visible()
        self.endResetModel()

    def update_row(self, row: InterviewRow) -> None:
        """Show new values of one listed interview, keeping the view's selection (the row
        stays visible even if it no longer matches the filters, until they change)."""
        index = self._by_id.get(row.id)
        if index is None:
            return
        old = self._entries[index]
        new = self._entry(row)
        self._entries[index] = new
        if new.sort[self._sort_column] != old.sort[self._sort_column]:
            self.layoutAboutToBeChanged.emit()
            old_order = list(self._visible)
            self._sort_visible()
            self._remap_persistent(old_order)
            self.layoutChanged.emit()
            return
        visible_row = self.row_of(row.id)
        if visible_row >= 0:
            self.dataChanged.emit(self.index(visible_row, 0),
                                  self.index(visible_row, COLUMN_COUNT - 1))

    def _fold(self, text: str) -> str:
        # Many interviews share a contact, organization or path: fold each text once.
        folded = self._fold_cache.get(text)
        if folded is None:
            folded = self._fold_cache[text] = fold(text)
        return folded

    def _entry(self, r: InterviewRow) -> _Entry:
        folded_statuses, folded_modes = self._folded_names
        when = r.scheduled_at
        contact, org, path = (self._fold(r.contact_name), self._fold(r.organization),
                              self._fold(r.path_title))
        return _Entry(
            r,
            f"{contact}\n{org}\n{path}\n{folded_statuses.get(r.status, '')}\n"
            f"{folded_modes.get(r.mode, '')}\n{when}",
            (when, contact, _STATUS_ORDER.get(r.status, 99), path, org,
             _MODE_ORDER.get(r.mode, 99), r.round),
        )

    def _entries_of(self, rows: Iterable[InterviewRow]) -> list[_Entry]:
        """:meth:`_entry` of every row, in one loop with its lookups bound to locals (about
        half the time for the 20,000 rows of a large workspace)."""
        folded_statuses, folded_modes = self._folded_names
        status_order, mode_order = _STATUS_ORDER.get, _MODE_ORDER.get
        cache = self._fold_cache
        entries = []
        append = entries.append
        for r in rows:
            contact, org, path = r.contact_name, r.organization, r.path_title
            contact = cache.get(contact) or cache.setdefault(contact, fold(contact))
            org = cache.get(org) or cache.setdefault(org, fold(org))
            path = cache.get(path) or cache.setdefault(path, fold(path))
            when, status, mode = r.scheduled_at, r.status, r.mode
            append(_Entry(
                r,
                f"{contact}\n{org}\n{path}\n{folded_statuses.get(status, '')}\n"
                f"{folded_modes.get(mode, '')}\n{when}",
                (when, contact, status_order(status, 99), path, org, mode_order(mode, 99),
                 r.round),
            ))
        return entries

    def _display(self, r: InterviewRow, column: int) -> str:
        if column == DATE:
            return r.scheduled_at or self._not_set
        if column == CONTACT:
            return r.contact_name
        if column == STATUS:
            return self._names[0].get(r.status, r.status)
        if column == PATH:
            return r.path_title
        if column == ORGANIZATION:
            return r.organization
        if column == MODE:
            return self._names[1].get(r.mode, r.mode)
        return str(r.round)

    # --- filtering -------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words != self._words:
            self._words = words
            self._refilter()

    def search_words(self) -> tuple[str, ...]:
        return self._words

    def set_text_matches(self, text: str, ids: Iterable[int]) -> None:
        """Interviews whose notes or answers match ``text`` (found by the database): shown in
        addition to those whose contact, organization or path match, while the search is
        ``text``."""
        words = tuple(fold(text).split())
        self._text_words, self._text_ids = words, frozenset(ids)
        if words == self._words:
            self._refilter()

    def set_status(self, status: str | None) -> None:
        if status != self._status:
            self._status = status
            self._refilter()

    def set_path(self, path_id: int | None) -> None:
        """``None``: every path; :data:`NO_PATH`: only interviews without one."""
        if path_id != self._path:
            self._path = path_id
            self._refilter()

    def set_contact(self, contact_id: int | None) -> None:
        if contact_id != self._contact:
            self._contact = contact_id
            self._refilter()

    def set_date_range(self, date_from: str | None, date_to: str | None) -> None:
        """Inclusive ``YYYY-MM-DD`` bounds (empty or None: open); undated interviews are left
        out when a bound is set."""
        bounds = (date_from or "", date_to or "")
        if bounds != (self._date_from, self._date_to):
            self._date_from, self._date_to = bounds
            self._refilter()

    def clear_filters(self) -> None:
        self._words, self._status, self._path, self._contact = (), None, None, None
        self._date_from = self._date_to = ""
        self._refilter()

    def filters_active(self) -> bool:
        return bool(self._words or self._status is not None or self._path is not None
                    or self._contact is not None or self._date_from or self._date_to)

    def _filtered(self) -> list[int]:
        entries = self._entries
        if not self.filters_active():
            return list(range(len(entries)))
        status, path, contact = self._status, self._path, self._contact
        start, end = self._date_from, self._date_to
        words = self._words
        text_ids = self._text_ids if self._text_words == words and words else frozenset()
        result = []
        for i, e in enumerate(entries):
            r = e.row
            if status is not None and r.status != status:
                continue
            if path is not None and (r.path_id or NO_PATH) != path:
                continue
            if contact is not None and r.contact_id != contact:
                continue
            if (start or end) and not e.day:
                continue
            if start and e.day < start:
                continue
            if end and e.day > end:
                continue
            if words and r.id not in text_ids:
                search = e.search
                if not all(w in search for w in words):
                    continue
            result.append(i)
        return result

    def _refilter(self) -> None:
        self.beginResetModel()
        self._visible = self._filtered()
        self._sort_visible()
        self.endResetModel()

    # --- sorting ---------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old_order = list(self._visible)
        self._sort_visible()
        self._remap_persistent(old_order)
        self.layoutChanged.emit()

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def _sort_visible(self) -> None:
        col = self._sort_column
        entries = self._entries
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        # Ties: by date, then id, in the chosen direction.
        visible = sorted(self._visible, key=lambda i: (entries[i].sort[DATE], entries[i].row.id),
                         reverse=descending)
        present = [i for i in visible if entries[i].sort[col] != ""]
        missing = [i for i in visible if entries[i].sort[col] == ""]
        if col != DATE:
            present.sort(key=lambda i: entries[i].sort[col], reverse=descending)
        self._visible = present + missing

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
    def interview_id(self, row: int) -> int | None:
        if 0 <= row < len(self._visible):
            return self._entries[self._visible[row]].row.id
        return None

    def interview(self, interview_id: int) -> InterviewRow | None:
        index = self._by_id.get(interview_id)
        return self._entries[index].row if index is not None else None

    def row_of(self, interview_id: int) -> int:
        """The visible row of an interview, or -1."""
        index = self._by_id.get(interview_id)
        if index is None:
            return -1
        try:
            return self._visible.index(index)
        except ValueError:
            return -1

    def total_count(self) -> int:
        return len(self._entries)

    def contacts(self) -> list[tuple[int, str, str]]:
        """(id, name, organization) of the people interviewed, by name."""
        seen: dict[int, tuple[int, str, str]] = {}
        for e in self._entries:
            r = e.row
            if r.contact_id not in seen:
                seen[r.contact_id] = (r.contact_id, r.contact_name, r.organization)
        folded: dict[str, str] = {}  # names and organizations repeat: fold each once

        def key(c: tuple[int, str, str]) -> tuple[str, str, int]:
            name, org = c[1], c[2]
            name_key = folded.get(name) or folded.setdefault(name, fold(name))
            org_key = folded.get(org) or folded.setdefault(org, fold(org))
            return name_key, org_key, c[0]

        return sorted(seen.values(), key=key)

    # --- QAbstractItemModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT
                and role == Role.DisplayRole):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        entry = self._entries[self._visible[index.row()]]
        column = index.column()
        if role == Role.DisplayRole:
            return self._display(entry.row, column)
        if role == Role.UserRole:
            return entry.row.id
        if role == Role.ForegroundRole:
            if column == DATE and not entry.row.scheduled_at:
                return QBrush(QColor("#757575"))
            if column == STATUS and entry.row.status in ("cancelled", "no_show"):
                return QBrush(QColor("#757575"))
        if role == Role.FontRole and column == STATUS and entry.row.status == "scheduled":
            return self._bold
        if role == Role.TextAlignmentRole and column == ROUND:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.ToolTipRole and column in (CONTACT, ORGANIZATION, PATH):
            return self._display(entry.row, column) or None
        return None


# --- skill mentions of one interview ----------------------------------------------------------

M_SKILL, M_KIND, M_IMPORTANCE, M_NOTE = range(4)
M_COLUMNS = 4

#: ``edit(mention_id, field, value) -> stored?`` (field: importance or note).
MentionEditFn = Callable[[int, str, Any], bool]


class MentionsModel(QAbstractTableModel):
    """The skills, tools, certifications and knowledge mentioned in one conversation;
    importance and note are edited in place (stored through the editor's callback)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MentionRow] = []
        self._edit: MentionEditFn | None = None
        self._headers = (self.tr("Skill"), self.tr("Kind"), self.tr("Importance"),
                         self.tr("Note"))
        self._bold = QFont()
        self._bold.setBold(True)

    def set_editor(self, edit: MentionEditFn) -> None:
        self._edit = edit

    def set_rows(self, rows: Sequence[MentionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def mention(self, row: int) -> MentionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, mention_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == mention_id:
                return i
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else M_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and 0 <= section < M_COLUMNS
                and role == Role.DisplayRole):
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Flag:
        if not index.isValid():
            return Flag.NoItemFlags
        flags = Flag.ItemIsEnabled | Flag.ItemIsSelectable
        if index.column() in (M_IMPORTANCE, M_NOTE):
            flags |= Flag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Role.UserRole:
            return r.id
        if role == Role.DisplayRole:
            if col == M_SKILL:
                return r.skill_name
            if col == M_KIND:
                return vocab_name(vocab.SKILL_KINDS.get(r.skill_kind, r.skill_kind))
            if col == M_IMPORTANCE:
                return vocab_name(vocab.IMPORTANCE.get(r.importance, str(r.importance)))
            if col == M_NOTE:
                return r.note
        if role == Role.EditRole:
            if col == M_IMPORTANCE:
                return r.importance
            if col == M_NOTE:
                return r.note
            if col == M_SKILL:
                return r.skill_name
        if role == Role.FontRole and col == M_IMPORTANCE and r.importance == 3:
            return self._bold
        if role == Role.ToolTipRole:
            if col == M_NOTE and r.note:
                return r.note
            if col in (M_IMPORTANCE, M_NOTE):
                return self.tr("Double-click or press F2 to change")
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Role.EditRole) -> bool:
        if (not index.isValid() or role != Role.EditRole or self._edit is None
                or not 0 <= index.row() < len(self._rows)):
            return False
        r = self._rows[index.row()]
        if index.column() == M_IMPORTANCE:
            return self._edit(r.id, "importance", value)
        if index.column() == M_NOTE:
            return self._edit(r.id, "note", value)
        return False
