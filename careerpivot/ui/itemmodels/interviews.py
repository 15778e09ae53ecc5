"""The interview list, and the skill mentions of one interview.

:class:`InterviewsModel` reads only what it shows (the engine is ``ui/itemmodels/paged.py``):
which interviews, in which order, is answered off the GUI thread by
``services.interviews.ordered_ids`` from the search words, the filters and the column sorted
by (in SQL); the model keeps the ids and reads the rows (``records_of``) a page at a time
when a view asks for them. A keystroke, a filter or a header click asks for a new list; while
one is read the old rows stay, and only the newest list asked for is shown.

A search word is found in what the list shows: the contact's name and organization, the
path's title (the service compares them folded), the status and mode as shown in the user's
language and the date as stored or as the locale shows it. The shown names and dates are this
model's: it works out, in the worker call, which statuses, modes, days and times of day show a
word (:class:`_ShownDates`) and passes them to the service. Notes and answers are searched by
the tab after a pause in typing; their matches come in through :meth:`set_text_matches`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from careerpivot.core import vocab
from careerpivot.core.text import fold
from careerpivot.services.interviews import (
    InterviewIds,
    InterviewQuery,
    InterviewRow,
    MentionRow,
    WordMatches,
    listing,
)
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.itemmodels.paged import QueryListModel
from careerpivot.ui.widgets.date_text import shown_date, shown_datetime

Role = Qt.ItemDataRole
Flag = Qt.ItemFlag

DATE, CONTACT, STATUS, PATH, ORGANIZATION, MODE, ROUND = range(7)
COLUMN_COUNT = 7

#: Filter value of "interviews without a path".
NO_PATH = listing.NO_PATH

#: The service's sort of each column.

_GREY = QColor("#757575")


class _ShownDates:
    """The folded shown form of every day an interview may be on and of every time of day,
    made when a search first needs them (each day formatted once): which of them hold a
    word. Used by one worker call at a time."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}  # ordinal -> folded shown date
        self._times: list[tuple[str, str]] | None = None  # (HH:MM, folded shown time)
        self._letters: set[str] = set()
        self._locale = ""

    def _time_texts(self) -> list[tuple[str, str]]:
        if self._times is None:
            day = _dt.date(2000, 1, 1)
            skip = len(shown_date(day)) + 1
            self._times = []
            for minute in range(24 * 60):
                hhmm = f"{minute // 60:02}:{minute % 60:02}"
                text = fold(shown_datetime(f"{day.isoformat()} {hhmm}")[skip:])
                self._times.append((hhmm, text))
                self._letters.update(text)
        return self._times

    def matches(self, word: str, span: tuple[str, str] | None
                ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The days (``YYYY-MM-DD``, within ``span``) and the times of day (``HH:MM``) whose
        shown forms hold ``word``."""
        where = QLocale().name()
        if where != self._locale:  # shown another way now
            self._locale, self._days, self._times, self._letters = where, {}, None, set()
        times = self._time_texts()
        first = last = 0
        if span is not None:
            try:
                first, last = (_dt.date.fromisoformat(d).toordinal() for d in span)
            except ValueError:
                span = None
        days = self._days
        if span is not None:
            for ordinal in range(first, last + 1):
                if ordinal not in days:
                    text = days[ordinal] = fold(shown_date(_dt.date.fromordinal(ordinal)))
                    self._letters.update(text)
        if not set(word) <= self._letters:  # no shown date or time holds a letter of it
            return (), ()
        found_days = tuple(_dt.date.fromordinal(o).isoformat()
                           for o in range(first, last + 1) if word in days[o]
                           ) if span is not None else ()
        return found_days, tuple(hhmm for hhmm, text in times if word in text)


class InterviewsModel(QueryListModel):
    """Interviews as rows; filtered by search words, status, path, contact and a date range;
    sorted by any column (undated and empty values last in both directions, ties by date)."""

    COLUMN_COUNT = COLUMN_COUNT
    SORTS = listing.SORTS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._query = InterviewQuery()
        self._words: tuple[str, ...] = ()
        self._text_words: tuple[str, ...] = ()
        self._text_ids: tuple[int, ...] = ()
        self._total = 0
        self._headers = (
            self.tr("Date"), self.tr("Contact"), self.tr("Status"), self.tr("Path"),
            self.tr("Organization"), self.tr("Mode"), self.tr("Round"),
        )
        self._bold = QFont()
        self._bold.setBold(True)
        self._grey = QBrush(_GREY)
        self._names: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._folded: tuple[tuple[tuple[str, str], ...], ...] = ((), ())
        self._not_set = ""
        self._take_names()
        self._dates = _ShownDates()

    def _take_names(self) -> None:
        statuses = {k: vocab_name(v) for k, v in vocab.INTERVIEW_STATUSES.items()}
        modes = {k: vocab_name(v) for k, v in vocab.INTERVIEW_MODES.items()}
        self._names = (statuses, modes)
        self._folded = (tuple((k, fold(v)) for k, v in statuses.items()),
                        tuple((k, fold(v)) for k, v in modes.items()))
        self._not_set = self.tr("not set")

    # --- the list --------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the list again (the interviews changed, or the language)."""
        self._take_names()
        self._ask()

    def _ask(self) -> None:
        self.request(self._query, self._folded)

    def _list(self, query: InterviewQuery,
              folded: tuple[tuple[tuple[str, str], ...], ...]) -> InterviewIds:
        matches: list[WordMatches] = []
        if query.words:
            span = listing.date_span()
            statuses, modes = folded
            for word in query.words:
                days, times = self._dates.matches(word, span)
                matches.append(WordMatches(
                    tuple(k for k, name in statuses if word in name),
                    tuple(k for k, name in modes if word in name), days, times))
        return listing.ordered_ids(query, matches)

    def _fetch(self, ids: Sequence[int]) -> dict[int, InterviewRow]:
        return listing.records_of(ids)

    def _took(self, result: InterviewIds) -> None:
        self._total = result.total

    def clear(self) -> None:
        """Show no interviews (the list could not be read)."""
        self.show_list(InterviewIds(ids=(), total=0))  # type: ignore[arg-type]

    # --- filtering and sorting -------------------------------------------------------------
    def set_search(self, text: str) -> None:
        words = tuple(fold(text).split())
        self._words = words
        self._change(words=words, text_ids=self._text_ids if words == self._text_words else ())

    def search_words(self) -> tuple[str, ...]:
        return self._words

    def set_text_matches(self, text: str, ids: Iterable[int]) -> None:
        """Interviews whose notes or answers match ``text`` (found by the database): shown in
        addition to those whose contact, organization or path match, while the search is
        ``text``."""
        self._text_words, self._text_ids = tuple(fold(text).split()), tuple(sorted(ids))
        if self._text_words == self._words:
            self._change(text_ids=self._text_ids)

    def set_status(self, status: str | None) -> None:
        self._change(status=status)

    def set_path(self, path_id: int | None) -> None:
        """``None``: every path; :data:`NO_PATH`: only interviews without one."""
        self._change(path_id=path_id)

    def set_contact(self, contact_id: int | None) -> None:
        self._change(contact_id=contact_id)

    def set_date_range(self, date_from: str | None, date_to: str | None) -> None:
        """Inclusive ``YYYY-MM-DD`` bounds (empty or None: open); undated interviews are left
        out when a bound is set."""
        self._change(date_from=date_from or "", date_to=date_to or "")

    def clear_filters(self) -> None:
        self._words = ()
        self._change(words=(), text_ids=(), status=None, path_id=None, contact_id=None,
                     date_from="", date_to="")

    # --- lookups ---------------------------------------------------------------------------
    def interview_id(self, row: int) -> int | None:
        return self.id_at(row)

    def interview(self, interview_id: int) -> InterviewRow | None:
        """The interview with this id, listed or filtered out (None when it no longer
        exists)."""
        record = self.cached_record(interview_id)
        if record is not None:
            return record
        row = self.row_of(interview_id)
        if row >= 0:
            return self.record_at(row)
        return listing.records_of([interview_id]).get(interview_id)

    def update_row(self, row: InterviewRow) -> None:
        """Show the new values of a listed interview; when its place in the order may have
        changed, the list is read again (the selection stays)."""
        if self.row_of(row.id) < 0:
            return
        old = self.cached_record(row.id)
        self.put_record(row.id, row)
        if old is None or _sort_value(old, self._query.sort) != _sort_value(
                row, self._query.sort):
            self._ask()

    def total_count(self) -> int:
        return self._total

    def contacts(self) -> list[tuple[int, str, str]]:
        """(id, name, organization) of the people interviewed, by name."""
        return listing.interviewed()

    def contact_of(self, contact_id: int | None) -> tuple[str, str] | None:
        """(name, organization) of a contact of some interview, or None."""
        return listing.interviewed_one(contact_id) if contact_id is not None else None

    def contact_choices(self) -> list[tuple[int, str, str]]:
        """(id, name, organization) of every current (not archived) contact, by name: whom
        an interview can be with."""
        return listing.contact_choices()

    # --- texts -----------------------------------------------------------------------------
    def _display(self, r: InterviewRow, column: int) -> str:
        if column == DATE:
            return shown_datetime(r.scheduled_at) or self._not_set
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

    # --- QAbstractItemModel ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT
                and role == Role.DisplayRole):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.record_at(index.row())
        if r is None:
            return None
        column = index.column()
        if role == Role.DisplayRole:
            return self._display(r, column)
        if role == Role.UserRole:
            return r.id
        if role == Role.ForegroundRole:
            if column == DATE and not r.scheduled_at:
                return self._grey
            if column == STATUS and r.status in ("cancelled", "no_show"):
                return self._grey
        if role == Role.FontRole and column == STATUS and r.status == "scheduled":
            return self._bold
        if role == Role.TextAlignmentRole and column == ROUND:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.ToolTipRole and column in (CONTACT, ORGANIZATION, PATH):
            return self._display(r, column) or None
        return None


def _sort_value(r: InterviewRow, sort: str) -> tuple:
    """What places a row in the order by ``sort`` (its date and id break ties)."""
    own = {"date": (), "contact": (r.contact_name,), "status": (r.status,),
           "path": (r.path_id, r.path_title), "organization": (r.organization,),
           "mode": (r.mode,), "round": (r.round,)}[sort]
    return (*own, r.scheduled_at)


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
