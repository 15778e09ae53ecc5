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
from careerpivot.ui.itemmodels.base import FilteredTableModel

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


class InterviewsModel(FilteredTableModel):
    """Interviews as rows; filtered by search words, status, path, contact and a date range;
    sorted by any column (stable; undated and empty values last in both directions)."""

    COLUMN_COUNT = COLUMN_COUNT

    def __init__(self, parent=None) -> None:
        super().__init__(parent, sort_column=DATE, sort_order=Qt.SortOrder.DescendingOrder)
        self._words: tuple[str, ...] = ()
        self._text_words: tuple[str, ...] = ()
        self._text_ids: frozenset[int] = frozenset()
        self._status: str | None = None
        self._path: int | None = None
        self._contact: int | None = None
        self._date_from = ""
        self._date_to = ""
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
        statuses = {k: vocab_name(v) for k, v in vocab.INTERVIEW_STATUSES.items()}
        modes = {k: vocab_name(v) for k, v in vocab.INTERVIEW_MODES.items()}
        self._names = (statuses, modes)
        self._folded_names = ({k: fold(v) for k, v in statuses.items()},
                              {k: fold(v) for k, v in modes.items()})
        self._not_set = self.tr("not set")
        self._fold_cache: dict[str, str] = {}
        self._set_entries(self._entries_of(rows))
        self._fold_cache = {}

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

    def _filtered(self, entries: Sequence[_Entry]) -> list[int]:
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

    # --- sorting ---------------------------------------------------------------------------
    def _sorted(self, entries: Sequence[_Entry], visible: Iterable[int]) -> list[int]:
        col = self._sort_column
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        # Ties: by date, then id, in the chosen direction.
        visible = sorted(visible, key=lambda i: (entries[i].sort[DATE], entries[i].row.id),
                         reverse=descending)
        present = [i for i in visible if entries[i].sort[col] != ""]
        missing = [i for i in visible if entries[i].sort[col] == ""]
        if col != DATE:
            present.sort(key=lambda i: entries[i].sort[col], reverse=descending)
        return present + missing

    # --- lookups ---------------------------------------------------------------------------
    def interview_id(self, row: int) -> int | None:
        return self._id_at(row)

    def interview(self, interview_id: int) -> InterviewRow | None:
        return self._row_by_id(interview_id)

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
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT
                and role == Role.DisplayRole):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        entry = self._entry_at(index)
        if entry is None:
            return None
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
