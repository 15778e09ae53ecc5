"""The contacts table: one source model that filters and sorts itself over precomputed keys.

Following the house convention for lists that grow to thousands, there is no
QSortFilterProxyModel: :meth:`ContactsModel.set_rows` computes, once per load, a folded search
key and a sort key per column for every contact; a search keystroke or a header click then
works on those keys in Python (a few milliseconds for 5,000 contacts) and never reaches the
database or calls ``data()``.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from careerpivot.core import checkins, vocab
from careerpivot.services.network import ContactRow
from careerpivot.ui.itemmodels.base import FilteredTableModel

NAME, ORGANIZATION, ROLE, LEVEL, STAGE, TAGS, LAST_CONTACT, NEXT_CHECKIN, INTRODUCED_BY = (
    range(9))
COLUMN_COUNT = 9

#: The warning colour of an overdue check-in (always paired with a bold font).
OVERDUE_COLOR = QColor("#b3261e")

_LEVEL_ORDER = {key: i for i, key in enumerate(vocab.LEVELS)}
_STAGE_ORDER = {key: i for i, key in enumerate(vocab.STAGES)}

Role = Qt.ItemDataRole


#: Combining marks (accents and other diacritics) of the Latin, Greek and Cyrillic scripts and
#: the general-purpose blocks; other scripts' marks are kept (they change the letter).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """The search and sort form of a text: casefolded, accents removed ("Zoë" -> "zoe")."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))


def vocab_name(text: str) -> str:
    return QCoreApplication.translate("vocab", text)


class _Entry:
    """One contact with everything filtering, sorting and display need, computed once."""

    __slots__ = ("display", "due", "row", "search", "sort", "state", "tag_keys")

    def __init__(self, row: ContactRow, display: tuple[str, ...], search: str,
                 sort: tuple[Any, ...], tag_keys: frozenset[str], state: str) -> None:
        self.row = row
        self.display = display
        self.search = search
        self.sort = sort
        self.tag_keys = tag_keys
        self.state = state
        self.due = checkins.is_due(state)


class ContactsModel(FilteredTableModel):
    """Contacts as table rows; filtered by search words, stage, level, path, tag and "check-in
    due"; sorted by any column (stable, empty values last in both directions)."""

    COLUMN_COUNT = COLUMN_COUNT

    def __init__(self, parent=None) -> None:
        super().__init__(parent, sort_column=NAME)
        self._today = _dt.date.today()
        self._words: tuple[str, ...] = ()
        self._stage: str | None = None
        self._level: str | None = None
        self._path: int | None = None
        self._tag: str | None = None
        self._due_only = False
        self._headers = (
            self.tr("Name"), self.tr("Organization"), self.tr("Role"), self.tr("Level"),
            self.tr("Stage"), self.tr("Tags"), self.tr("Last contact"),
            self.tr("Next check-in"), self.tr("Introduced by"),
        )
        self._names: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._bold = QFont()
        self._bold.setBold(True)

    # --- loading ---------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[ContactRow], today: _dt.date) -> None:
        """Show these contacts. When the same contacts stay visible (values changed, or the
        order), this is a layout change and views keep their selection and scroll position;
        otherwise the model is reset."""
        self._today = today
        level_names = {k: vocab_name(v) for k, v in vocab.LEVELS.items()}
        stage_names = {k: vocab_name(v) for k, v in vocab.STAGES.items()}
        self._names = (level_names, stage_names)
        entries = [self._entry(r) for r in rows]
        entries.sort(key=lambda e: (e.sort[NAME][1], e.row.id))
        visible = self._sorted(entries, self._filtered(entries))
        old_ids = [self._entries[i].row.id for i in self._visible]
        new_ids = [entries[i].row.id for i in visible]
        if old_ids and len(old_ids) == len(new_ids) and set(old_ids) == set(new_ids):
            self.layoutAboutToBeChanged.emit()
            new_row = {contact_id: row for row, contact_id in enumerate(new_ids)}
            old_indexes = self.persistentIndexList()
            self._entries, self._visible = entries, visible
            self._reindex()
            self.changePersistentIndexList(old_indexes, [
                self.index(new_row[old_ids[i.row()]], i.column())
                if 0 <= i.row() < len(old_ids) else QModelIndex()
                for i in old_indexes])
            self.layoutChanged.emit()
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(visible) - 1, COLUMN_COUNT - 1))
            return
        self._set_entries(entries, visible)

    def _entry(self, row: ContactRow) -> _Entry:
        level_names, stage_names = self._names
        state = checkins.status(row.last_contact, row.cadence_days, self._today)
        tags_text = ", ".join(row.tags)
        if row.next_checkin is not None:
            next_text = row.next_checkin.isoformat()
            next_key = (False, row.next_checkin.toordinal())
        elif state == checkins.DUE:  # a cadence, never contacted: due now
            next_text = self.tr("now")
            next_key = (False, self._today.toordinal())
        else:
            next_text, next_key = "", (True, 0)
        last_text = row.last_contact.isoformat() if row.last_contact else ""
        display = (
            row.name, row.organization, row.role,
            level_names.get(row.level, row.level) if row.level else "",
            stage_names.get(row.stage, row.stage), tags_text, last_text, next_text,
            row.introduced_by_name,
        )
        folded = [fold(t) for t in (row.name, row.organization, row.role, tags_text,
                                    row.introduced_by_name)]

        def text_key(text: str) -> tuple[bool, str]:
            return (not text, text)

        sort = (
            text_key(folded[0]), text_key(folded[1]), text_key(folded[2]),
            (not row.level, _LEVEL_ORDER.get(row.level, 99)),
            (False, _STAGE_ORDER.get(row.stage, 99)),
            text_key(folded[3]),
            (row.last_contact is None,
             row.last_contact.toordinal() if row.last_contact else 0),
            next_key,
            text_key(folded[4]),
        )
        search = "\n".join((folded[0], folded[1], folded[2], folded[3], fold(row.notes)))
        tag_keys = frozenset(fold(t) for t in row.tags)
        return _Entry(row, display, search, sort, tag_keys, state)

    # --- filtering -------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words != self._words:
            self._words = words
            self._refilter()

    def set_stage(self, stage: str | None) -> None:
        if stage != self._stage:
            self._stage = stage
            self._refilter()

    def set_level(self, level: str | None) -> None:
        if level != self._level:
            self._level = level
            self._refilter()

    def set_path(self, path_id: int | None) -> None:
        if path_id != self._path:
            self._path = path_id
            self._refilter()

    def set_tag(self, tag: str | None) -> None:
        key = fold(tag) if tag else None
        if key != self._tag:
            self._tag = key
            self._refilter()

    def set_due_only(self, due_only: bool) -> None:
        if due_only != self._due_only:
            self._due_only = due_only
            self._refilter()

    def clear_filters(self) -> None:
        self._words, self._stage, self._level = (), None, None
        self._path, self._tag, self._due_only = None, None, False
        self._refilter()

    def filters_active(self) -> bool:
        return bool(self._words or self._stage is not None or self._level is not None
                    or self._path is not None or self._tag or self._due_only)

    def _accepts(self, entry: _Entry) -> bool:
        row = entry.row
        if self._stage is not None and row.stage != self._stage:
            return False
        if self._level is not None and row.level != self._level:
            return False
        if self._path is not None and self._path not in row.path_ids:
            return False
        if self._tag and self._tag not in entry.tag_keys:
            return False
        if self._due_only and not entry.due:
            return False
        search = entry.search
        return all(word in search for word in self._words)

    # --- sorting ---------------------------------------------------------------------------
    def _sorted(self, entries: Sequence[_Entry], visible: Iterable[int]) -> list[int]:
        """Stable sort of visible rows by the sort column; rows without a value last in
        either direction. Ties keep the base order (by name)."""
        col = self._sort_column
        base = sorted(visible)  # back to the base (name) order first: stable ties
        present = [i for i in base if not entries[i].sort[col][0]]
        missing = [i for i in base if entries[i].sort[col][0]]
        present.sort(key=lambda i: entries[i].sort[col][1],
                     reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        return present + missing

    # --- lookups for the view --------------------------------------------------------------
    def contact_id(self, row: int) -> int | None:
        return self._id_at(row)

    def rows_of(self, contact_ids: Iterable[int]) -> list[int]:
        """The visible rows of these contacts (those filtered out are left out)."""
        position = {entry: row for row, entry in enumerate(self._visible)}
        rows = []
        for contact_id in contact_ids:
            row = position.get(self._by_id.get(contact_id, -1))
            if row is not None:
                rows.append(row)
        return rows

    def contact(self, contact_id: int) -> ContactRow | None:
        return self._row_by_id(contact_id)

    def contacts(self) -> list[ContactRow]:
        """Every loaded contact, filtered or not, in name order."""
        return self._all_rows()

    def due_count(self) -> int:
        return sum(1 for e in self._entries if e.due)

    def checkin_state(self, contact_id: int) -> str:
        index = self._by_id.get(contact_id)
        return self._entries[index].state if index is not None else checkins.NONE

    # --- QAbstractItemModel ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole
                and 0 <= section < COLUMN_COUNT):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        entry = self._entry_at(index)
        if entry is None:
            return None
        column = index.column()
        if role == Role.DisplayRole:
            return entry.display[column]
        if role == Role.UserRole:
            return entry.row.id
        if column == NEXT_CHECKIN:
            if role == Role.FontRole and entry.due:
                return self._bold
            if role == Role.ForegroundRole and entry.state == checkins.OVERDUE:
                return OVERDUE_COLOR
            if role == Role.ToolTipRole:
                return self._checkin_tip(entry)
        if role == Role.ToolTipRole:  # the whole text of a cell that may be cut short
            return entry.display[column] or None
        return None

    def _checkin_tip(self, entry: _Entry) -> str | None:
        row = entry.row
        if entry.state == checkins.NONE:
            return None
        if row.next_checkin is None:
            return self.tr("Check-in due now: you have not talked to this person yet.")
        late = checkins.days_overdue(row.next_checkin, self._today)
        if late:
            return (self.tr("Check-in overdue by %n day.", "", late) if late == 1
                    else self.tr("Check-in overdue by %n days.", "", late))
        if entry.state == checkins.DUE:
            return self.tr("Check-in due today.")
        return self.tr("Next check-in on {0}.").format(row.next_checkin.isoformat())
