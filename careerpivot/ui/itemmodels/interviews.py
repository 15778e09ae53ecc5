"""The interview list, and the skill mentions of one interview.

:class:`InterviewsModel` holds every interview of the workspace as the database returned it
(``services.interviews.interview_list()``: one tuple per interview, the contacts and paths
apart) and filters and sorts itself in Python, following the house convention for lists that
grow to thousands. Loading does no work per interview: the list comes in date order, which is
the order shown; a row's texts are looked up when a view asks for them, a column's sort keys
are computed on the first sort by it, and the search texts on the first search (or while the
app is idle, see :meth:`FilteredTableModel.prepare_search`). With 20,000 interviews a search
keystroke or a filter change takes a few milliseconds and never reaches the database. Full text
(notes and answers) is not kept in memory: the tab asks the database for it after a pause in
typing and hands the matching ids to :meth:`InterviewsModel.set_text_matches`, which adds them
to what the list keys already matched.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from careerpivot.core import vocab
from careerpivot.core.text import fold
from careerpivot.services.interviews import (
    R_CONTACT,
    R_ID,
    R_MODE,
    R_PATH,
    R_ROUND,
    R_STATUS,
    R_WHEN,
    InterviewList,
    InterviewRow,
    MentionRow,
)
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.itemmodels.base import FilteredTableModel
from careerpivot.ui.widgets.date_text import shown_datetime

Role = Qt.ItemDataRole
Flag = Qt.ItemFlag

DATE, CONTACT, STATUS, PATH, ORGANIZATION, MODE, ROUND = range(7)
COLUMN_COUNT = 7

_STATUS_ORDER = {key: i for i, key in enumerate(vocab.INTERVIEW_STATUSES)}
_MODE_ORDER = {key: i for i, key in enumerate(vocab.INTERVIEW_MODES)}

#: Filter value of "interviews without a path".
NO_PATH = 0

_GREY = QColor("#757575")


def _record(row: InterviewRow) -> tuple:
    return (row.id, row.contact_id, row.path_id, row.scheduled_at, row.minutes, row.mode,
            row.status, row.round, row.follow_up_of)


class InterviewsModel(FilteredTableModel):
    """Interviews as rows; filtered by search words, status, path, contact and a date range;
    sorted by any column (stable; undated and empty values last in both directions)."""

    COLUMN_COUNT = COLUMN_COUNT
    LAZY_KEYS = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent, sort_column=DATE, sort_order=Qt.SortOrder.DescendingOrder)
        self._list = InterviewList([], {}, {})
        #: The entries are in date order (as loaded: dated ones by date and id, then the
        #: undated ones by id), so sorting by date needs no keys.
        self._in_date_order = True
        self._undated = 0  # how many entries, at the end, have no date
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
        self._grey = QBrush(_GREY)
        self._names: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._folded_names: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._not_set = ""
        # folded texts of the contacts (name, organization) and paths, made when first needed
        self._contact_keys: dict[int, tuple[str, str]] = {}
        self._path_keys: dict[int | None, str] = {}
        self._contact_order: list[int] | None = None

    # --- loading ---------------------------------------------------------------------------
    def set_list(self, interviews: InterviewList) -> None:
        """Show these interviews (a full reload; the filters stay). Their records must be in
        the order of ``services.interviews.interview_list()``."""
        statuses = {k: vocab_name(v) for k, v in vocab.INTERVIEW_STATUSES.items()}
        modes = {k: vocab_name(v) for k, v in vocab.INTERVIEW_MODES.items()}
        self._names = (statuses, modes)
        self._folded_names = ({k: fold(v) for k, v in statuses.items()},
                              {k: fold(v) for k, v in modes.items()})
        self._not_set = self.tr("not set")
        self._list = interviews
        self._contact_keys, self._path_keys, self._contact_order = {}, {}, None
        records = interviews.records
        self._in_date_order = True
        # the undated ones are last: find where they start
        first_undated = len(records)
        while first_undated and records[first_undated - 1][R_WHEN] == "":
            first_undated -= 1
        self._undated = len(records) - first_undated
        self._set_entries(records)

    def set_rows(self, rows: Iterable[InterviewRow]) -> None:
        """Show these interviews (rows of ``list_interviews()``)."""
        rows = list(rows)
        contacts = {r.contact_id: (r.contact_name, r.organization, r.level, False)
                    for r in rows}
        paths = {r.path_id: r.path_title for r in rows if r.path_id is not None}
        dated = sorted((r for r in rows if r.scheduled_at), key=lambda r: (r.scheduled_at, r.id))
        undated = sorted((r for r in rows if not r.scheduled_at), key=lambda r: r.id)
        self.set_list(InterviewList([_record(r) for r in dated + undated], contacts, paths))

    def _row_id(self, entry: tuple) -> int:
        return entry[R_ID]

    def _row_of(self, entry: tuple) -> InterviewRow:
        return self._list.row(entry)

    def _entry(self, row: InterviewRow) -> tuple:
        """The record of a changed row; its contact's and path's texts are taken too."""
        known = self._list.contacts.get(row.contact_id)
        self._list.contacts[row.contact_id] = (row.contact_name, row.organization, row.level,
                                               known[3] if known else False)
        self._contact_keys.pop(row.contact_id, None)
        self._contact_order = None
        if row.path_id is not None:
            self._list.paths[row.path_id] = row.path_title
            self._path_keys.pop(row.path_id, None)
        return _record(row)

    def update_row(self, row: InterviewRow) -> None:
        index = self._by_id.get(row.id)
        if index is not None and self._entries[index][R_WHEN] != row.scheduled_at:
            self._in_date_order = False  # its place in date order changes
        super().update_row(row)

    # --- texts and keys --------------------------------------------------------------------
    def _contact_key(self, contact_id: int) -> tuple[str, str]:
        """The folded name and organization of a contact (each contact folded once)."""
        key = self._contact_keys.get(contact_id)
        if key is None:
            name, organization = self._list.contacts[contact_id][:2]
            key = self._contact_keys[contact_id] = (fold(name), fold(organization))
        return key

    def _path_key(self, path_id: int | None) -> str:
        key = self._path_keys.get(path_id)
        if key is None:
            title = self._list.paths.get(path_id, "") if path_id is not None else ""
            key = self._path_keys[path_id] = fold(title)
        return key

    def _sort_key(self, entry: tuple, column: int) -> Any:
        if column == DATE:
            return entry[R_WHEN]
        if column == CONTACT:
            return self._contact_key(entry[R_CONTACT])[0]
        if column == STATUS:
            return _STATUS_ORDER.get(entry[R_STATUS], 99)
        if column == PATH:
            return self._path_key(entry[R_PATH])
        if column == ORGANIZATION:
            return self._contact_key(entry[R_CONTACT])[1]
        if column == MODE:
            return _MODE_ORDER.get(entry[R_MODE], 99)
        return entry[R_ROUND]

    def _search_text(self, entry: tuple) -> str:
        folded_statuses, folded_modes = self._folded_names
        name, organization = self._contact_key(entry[R_CONTACT])
        when = entry[R_WHEN]  # as stored and as shown
        return (f"{name}\n{organization}\n{self._path_key(entry[R_PATH])}\n"
                f"{folded_statuses.get(entry[R_STATUS], '')}\n"
                f"{folded_modes.get(entry[R_MODE], '')}\n{when}\n{fold(shown_datetime(when))}")

    def _display(self, entry: tuple, column: int) -> str:
        if column == DATE:
            return shown_datetime(entry[R_WHEN]) or self._not_set
        if column == CONTACT:
            return self._list.contacts[entry[R_CONTACT]][0]
        if column == STATUS:
            return self._names[0].get(entry[R_STATUS], entry[R_STATUS])
        if column == PATH:
            path_id = entry[R_PATH]
            return self._list.paths.get(path_id, "") if path_id is not None else ""
        if column == ORGANIZATION:
            return self._list.contacts[entry[R_CONTACT]][1]
        if column == MODE:
            return self._names[1].get(entry[R_MODE], entry[R_MODE])
        return str(entry[R_ROUND])

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

    def _filtered(self, entries: Sequence[tuple]) -> list[int]:
        if not self.filters_active():
            return list(range(len(entries)))
        status, path, contact = self._status, self._path, self._contact
        start, end = self._date_from, self._date_to
        words = self._words
        text_ids = self._text_ids if self._text_words == words and words else frozenset()
        search = self.search_texts() if words else ()
        result = []
        append = result.append
        for i, r in enumerate(entries):
            if status is not None and r[R_STATUS] != status:
                continue
            if path is not None and (r[R_PATH] or NO_PATH) != path:
                continue
            if contact is not None and r[R_CONTACT] != contact:
                continue
            if start or end:
                day = r[R_WHEN][:10]
                if not day or (start and day < start) or (end and day > end):
                    continue
            if words and r[R_ID] not in text_ids:
                text = search[i]
                if not all(w in text for w in words):
                    continue
            append(i)
        return result

    # --- sorting ---------------------------------------------------------------------------
    def _by_date(self, visible: Iterable[int], descending: bool) -> list[int]:
        """The visible entries by date, then id, undated ones last, in either direction."""
        entries = self._entries
        if self._in_date_order:
            ordered = sorted(visible)
            split = bisect.bisect_left(ordered, len(entries) - self._undated)
            if descending:
                return ordered[:split][::-1] + ordered[split:][::-1]
            return ordered
        dated = [i for i in visible if entries[i][R_WHEN]]
        undated = [i for i in visible if not entries[i][R_WHEN]]
        dated.sort(key=lambda i: (entries[i][R_WHEN], entries[i][R_ID]), reverse=descending)
        undated.sort(key=lambda i: entries[i][R_ID], reverse=descending)
        return dated + undated

    def _sorted(self, entries: Sequence[tuple], visible: Iterable[int]) -> list[int]:
        col = self._sort_column
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        # Ties: by date, then id, in the chosen direction.
        ordered = self._by_date(visible, descending)
        if col == DATE:
            return ordered
        keys = self._column_keys(col)
        if col in (CONTACT, PATH, ORGANIZATION):  # empty texts last
            present = [i for i in ordered if keys[i] != ""]
            missing = [i for i in ordered if keys[i] == ""]
        else:
            present, missing = ordered, []
        present.sort(key=keys.__getitem__, reverse=descending)
        return present + missing

    # --- lookups ---------------------------------------------------------------------------
    def interview_id(self, row: int) -> int | None:
        return self._id_at(row)

    def interview(self, interview_id: int) -> InterviewRow | None:
        return self._row_by_id(interview_id)

    def _contacts_by_name(self) -> list[int]:
        """The id of every contact known, by name, organization and id."""
        if self._contact_order is None:
            key = self._contact_key
            self._contact_order = sorted(self._list.contacts, key=lambda c: (*key(c), c))
        return self._contact_order

    def contacts(self) -> list[tuple[int, str, str]]:
        """(id, name, organization) of the people interviewed, by name."""
        known = self._list.contacts
        interviewed = {r[R_CONTACT] for r in self._entries}
        return [(cid, *known[cid][:2]) for cid in self._contacts_by_name()
                if cid in interviewed]

    def contact_of(self, contact_id: int | None) -> tuple[str, str] | None:
        """(name, organization) of a contact of some interview listed, or None."""
        known = self._list.contacts.get(contact_id) if contact_id is not None else None
        if known is None or not any(r[R_CONTACT] == contact_id for r in self._entries):
            return None
        return known[0], known[1]

    def contact_choices(self) -> list[tuple[int, str, str]]:
        """(id, name, organization) of every current (not archived) contact, by name: whom
        an interview can be with."""
        known = self._list.contacts
        return [(cid, *known[cid][:2]) for cid in self._contacts_by_name()
                if not known[cid][3]]

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
            return self._display(entry, column)
        if role == Role.UserRole:
            return entry[R_ID]
        if role == Role.ForegroundRole:
            if column == DATE and not entry[R_WHEN]:
                return self._grey
            if column == STATUS and entry[R_STATUS] in ("cancelled", "no_show"):
                return self._grey
        if role == Role.FontRole and column == STATUS and entry[R_STATUS] == "scheduled":
            return self._bold
        if role == Role.TextAlignmentRole and column == ROUND:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.ToolTipRole and column in (CONTACT, ORGANIZATION, PATH):
            return self._display(entry, column) or None
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
