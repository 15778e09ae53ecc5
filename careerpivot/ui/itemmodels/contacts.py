"""The contacts table: one source model that filters and sorts itself in Python.

Following the house convention for lists that grow to thousands, there is no
QSortFilterProxyModel. :meth:`ContactsModel.set_records` takes the contacts as the database
returned them (``services.network.contact_records()``) and does little per contact: the folded
name (the order shown) and the check-in state (the "due" count). A cell's text is made when a
view asks for it, a column's sort keys on the first sort by it, the folded search texts on the
first search (or while the app is idle, see :meth:`FilteredTableModel.prepare_search`), and a
:class:`ContactRow` only for the contacts the tab shows in detail. A search keystroke or a
header click then works on those keys (a few milliseconds for 5,000 contacts) and never
reaches the database or calls ``data()``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from careerpivot.core import checkins, clock, vocab
from careerpivot.core.text import fold
from careerpivot.core.validation import name_key
from careerpivot.services import network
from careerpivot.services.network import (
    R_CADENCE,
    R_ID,
    R_INTRODUCER,
    R_INTRODUCER_NAME,
    R_LAST_CONTACT,
    R_LEVEL,
    R_NAME,
    R_NOTES,
    R_ORGANIZATION,
    R_PATHS,
    R_ROLE,
    R_STAGE,
    R_TAGS,
    ContactRow,
)
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.itemmodels.base import FilteredTableModel
from careerpivot.ui.widgets.date_text import shown_date

NAME, ORGANIZATION, ROLE, LEVEL, STAGE, TAGS, LAST_CONTACT, NEXT_CHECKIN, INTRODUCED_BY = (
    range(9))
COLUMN_COUNT = 9

#: The warning colour of an overdue check-in (always paired with a bold font).
OVERDUE_COLOR = QColor("#b3261e")

_LEVEL_ORDER = {key: i for i, key in enumerate(vocab.LEVELS)}
_STAGE_ORDER = {key: i for i, key in enumerate(vocab.STAGES)}

Role = Qt.ItemDataRole






def _day(text: str | None) -> _dt.date | None:
    """A record's date (ISO text; None when empty or not a date)."""
    if not text:
        return None
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _text_key(text: str) -> tuple[bool, str]:
    return (not text, text)


class ContactsModel(FilteredTableModel):
    """Contacts as table rows; filtered by search words, stage, level, path, tag and "check-in
    due"; sorted by any column (stable, empty values last in both directions).

    Its entries are contact records (``services.network.RECORD_FIELDS``), by folded name."""

    COLUMN_COUNT = COLUMN_COUNT
    LAZY_KEYS = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent, sort_column=NAME)
        self._today = clock.today()
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
        self._now = ""
        self._bold = QFont()
        self._bold.setBold(True)
        self._states: list[str] = []  # the check-in state of every entry
        # made when first needed, per entry index (or id), until the entries change
        self._rows: dict[int, ContactRow] = {}
        self._tags_text: dict[int, str] = {}
        self._tag_keys: dict[int, frozenset[str]] = {}
        self._path_ids: dict[int, tuple[int, ...]] = {}
        self._by_name_key: dict[str, list[int]] | None = None
        self._by_introducer: dict[int, list[int]] | None = None

    # --- loading ---------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[ContactRow], today: _dt.date) -> None:
        """Show these contacts (see :meth:`set_records`)."""
        rows = list(rows)
        self.set_records([network.contact_record(r) for r in rows], today)
        self._rows = {r.id: r for r in rows}

    def set_records(self, records: Sequence[tuple], today: _dt.date) -> None:
        """Show these contacts (records of ``services.network.contact_records()``, in any
        order). When the same contacts stay visible (values changed, or the order), this is
        a layout change and views keep their selection and scroll position; otherwise the
        model is reset."""
        self._today = today
        self._names = ({k: vocab_name(v) for k, v in vocab.LEVELS.items()},
                       {k: vocab_name(v) for k, v in vocab.STAGES.items()})
        self._now = self.tr("now")
        folded = [fold(r[R_NAME]) for r in records]
        order = sorted(range(len(records)), key=lambda i: (folded[i], records[i][R_ID]))
        entries = [records[i] for i in order]
        name_keys = [_text_key(folded[i]) for i in order]
        old_ids = [self._entries[i][R_ID] for i in self._visible]
        old = self._state_now()
        # the new state, computed before the views are told (that depends on what it is)
        self._replace_entries(entries)
        self._keys[NAME] = name_keys
        self._states = self._states_of(entries)
        self._visible = self._sorted(entries, self._filtered(entries))
        new_ids = [entries[i][R_ID] for i in self._visible]
        new = self._state_now()
        self._put_state(old)
        if not old_ids or len(new_ids) != len(old_ids) or set(new_ids) != set(old_ids):
            self.beginResetModel()
            self._put_state(new)
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        old_indexes = self.persistentIndexList()
        self._put_state(new)
        new_row = {contact_id: row for row, contact_id in enumerate(new_ids)}
        self.changePersistentIndexList(old_indexes, [
            self.index(new_row[old_ids[i.row()]], i.column())
            if 0 <= i.row() < len(old_ids) else QModelIndex()
            for i in old_indexes])
        self.layoutChanged.emit()
        self.dataChanged.emit(self.index(0, 0),
                              self.index(len(new_ids) - 1, COLUMN_COUNT - 1))

    #: Everything a load replaces.
    _STATE = ("_entries", "_by_id", "_visible", "_keys", "_search", "_states", "_rows",
              "_tags_text", "_tag_keys", "_path_ids", "_by_name_key", "_by_introducer")

    def _state_now(self) -> tuple:
        return tuple(getattr(self, name) for name in self._STATE)

    def _put_state(self, state: tuple) -> None:
        for name, value in zip(self._STATE, state, strict=True):
            setattr(self, name, value)

    def _replace_entries(self, entries: list[tuple]) -> None:
        super()._replace_entries(entries)
        self._rows, self._tags_text, self._tag_keys, self._path_ids = {}, {}, {}, {}
        self._by_name_key = self._by_introducer = None

    def _states_of(self, records: Sequence[tuple]) -> list[str]:
        """:meth:`_state` of every record (people without a cadence, most of a network,
        need no date: ``none``)."""
        none, status, day, today = checkins.NONE, checkins.status, _day, self._today
        return [status(day(r[R_LAST_CONTACT]), r[R_CADENCE], today)
                if r[R_CADENCE] and r[R_CADENCE] > 0 else none for r in records]

    def _state(self, record: tuple) -> str:
        return checkins.status(_day(record[R_LAST_CONTACT]), int(record[R_CADENCE] or 0),
                               self._today)

    def _row_id(self, entry: tuple) -> int:
        return entry[R_ID]

    def _row_of(self, entry: tuple) -> ContactRow:
        row = self._rows.get(entry[R_ID])
        if row is None:
            row = self._rows[entry[R_ID]] = network.contact_row(entry)
        return row

    def _entry(self, row: ContactRow) -> tuple:
        self._rows[row.id] = row
        return network.contact_record(row)

    def _entry_changed(self, index: int) -> None:
        for cache in (self._tags_text, self._tag_keys, self._path_ids):
            cache.pop(index, None)
        self._by_name_key = self._by_introducer = None
        self._states[index] = self._state(self._entries[index])
        super()._entry_changed(index)

    # --- texts and keys --------------------------------------------------------------------
    def _tags(self, index: int) -> str:
        text = self._tags_text.get(index)
        if text is None:
            text = self._tags_text[index] = ", ".join(
                network.tag_names(self._entries[index][R_TAGS]))
        return text

    def _next_checkin(self, index: int) -> tuple[str, tuple[bool, int]]:
        """The next check-in's text and sort key."""
        record = self._entries[index]
        cadence = int(record[R_CADENCE] or 0)
        when = checkins.next_checkin(_day(record[R_LAST_CONTACT]), cadence)
        if when is not None:
            return shown_date(when), (False, when.toordinal())
        if self._states[index] == checkins.DUE:  # a cadence, never contacted: due now
            return self._now, (False, self._today.toordinal())
        return "", (True, 0)

    def _display(self, index: int, column: int) -> str:
        record = self._entries[index]
        if column == NAME:
            return record[R_NAME]
        if column == ORGANIZATION:
            return record[R_ORGANIZATION]
        if column == ROLE:
            return record[R_ROLE]
        if column == LEVEL:
            level = record[R_LEVEL]
            return self._names[0].get(level, level) if level else ""
        if column == STAGE:
            return self._names[1].get(record[R_STAGE], record[R_STAGE])
        if column == TAGS:
            return self._tags(index)
        if column == LAST_CONTACT:
            return shown_date(_day(record[R_LAST_CONTACT]))
        if column == NEXT_CHECKIN:
            return self._next_checkin(index)[0]
        return record[R_INTRODUCER_NAME]

    def _sort_key(self, entry: tuple, column: int) -> Any:
        if column == NAME:
            return _text_key(fold(entry[R_NAME]))
        if column == ORGANIZATION:
            return _text_key(fold(entry[R_ORGANIZATION]))
        if column == ROLE:
            return _text_key(fold(entry[R_ROLE]))
        if column == LEVEL:
            return (not entry[R_LEVEL], _LEVEL_ORDER.get(entry[R_LEVEL], 99))
        if column == STAGE:
            return (False, _STAGE_ORDER.get(entry[R_STAGE], 99))
        index = self._by_id[entry[R_ID]]
        if column == TAGS:
            return _text_key(fold(self._tags(index)))
        if column == LAST_CONTACT:
            day = _day(entry[R_LAST_CONTACT])
            return (day is None, day.toordinal() if day else 0)
        if column == NEXT_CHECKIN:
            return self._next_checkin(index)[1]
        return _text_key(fold(entry[R_INTRODUCER_NAME]))

    def _search_text(self, entry: tuple) -> str:
        tags = ", ".join(network.tag_names(entry[R_TAGS]))
        return "\n".join((fold(entry[R_NAME]), fold(entry[R_ORGANIZATION]),
                          fold(entry[R_ROLE]), fold(tags), fold(entry[R_NOTES])))

    def _tag_keys_of(self, index: int) -> frozenset[str]:
        keys = self._tag_keys.get(index)
        if keys is None:
            keys = self._tag_keys[index] = frozenset(
                fold(t) for t in network.tag_names(self._entries[index][R_TAGS]))
        return keys

    def _paths_of(self, index: int) -> tuple[int, ...]:
        ids = self._path_ids.get(index)
        if ids is None:
            ids = self._path_ids[index] = network.linked_paths(self._entries[index][R_PATHS])[0]
        return ids

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

    def _filtered(self, entries: Sequence[tuple]) -> list[int]:
        if not self.filters_active():
            return list(range(len(entries)))
        stage, level, path, tag = self._stage, self._level, self._path, self._tag
        due_only, words, states = self._due_only, self._words, self._states
        search = self.search_texts() if words else ()
        result = []
        for i, record in enumerate(entries):
            if stage is not None and record[R_STAGE] != stage:
                continue
            if level is not None and record[R_LEVEL] != level:
                continue
            if path is not None and (not record[R_PATHS] or path not in self._paths_of(i)):
                continue
            if tag and (not record[R_TAGS] or tag not in self._tag_keys_of(i)):
                continue
            if due_only and states[i] not in checkins.DUE_STATUSES:
                continue
            if words:
                text = search[i]
                if not all(word in text for word in words):
                    continue
            result.append(i)
        return result

    # --- sorting ---------------------------------------------------------------------------
    def _sorted(self, entries: Sequence[tuple], visible: Iterable[int]) -> list[int]:
        """Stable sort of visible rows by the sort column; rows without a value last in
        either direction. Ties keep the base order (by name)."""
        keys = self._column_keys(self._sort_column)
        base = sorted(visible)  # back to the base (name) order first: stable ties
        present = [i for i in base if not keys[i][0]]
        missing = [i for i in base if keys[i][0]]
        present.sort(key=lambda i: keys[i][1],
                     reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        return present + missing

    # --- lookups for the view and the tab --------------------------------------------------
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

    def choices(self) -> list[tuple[int, str, str]]:
        """(id, name, organization) of every loaded contact, in name order."""
        return [(r[R_ID], r[R_NAME], r[R_ORGANIZATION]) for r in self._entries]

    def introduced_by(self, contact_id: int) -> list[tuple[int, str, str]]:
        """(id, name, organization) of the contacts this one introduced, in name order."""
        if self._by_introducer is None:
            introduced: dict[int, list[int]] = {}
            for i, record in enumerate(self._entries):
                if record[R_INTRODUCER] is not None:
                    introduced.setdefault(record[R_INTRODUCER], []).append(i)
            self._by_introducer = introduced
        return [(r[R_ID], r[R_NAME], r[R_ORGANIZATION])
                for r in (self._entries[i] for i in self._by_introducer.get(contact_id, ()))]

    def same_name(self, contact_id: int) -> list[tuple[int, str, str]]:
        """(id, name, organization) of the other contacts with this one's name (the same
        ``name_key``), in name order."""
        index = self._by_id.get(contact_id)
        if index is None:
            return []
        if self._by_name_key is None:
            groups: dict[str, list[int]] = {}
            for i, record in enumerate(self._entries):
                groups.setdefault(name_key(record[R_NAME]), []).append(i)
            self._by_name_key = groups
        group = self._by_name_key.get(name_key(self._entries[index][R_NAME]), ())
        return [(r[R_ID], r[R_NAME], r[R_ORGANIZATION])
                for r in (self._entries[i] for i in group) if r[R_ID] != contact_id]

    def due_count(self) -> int:
        due = checkins.DUE_STATUSES
        return sum(1 for state in self._states if state in due)

    def checkin_state(self, contact_id: int) -> str:
        index = self._by_id.get(contact_id)
        return self._states[index] if index is not None else checkins.NONE

    # --- QAbstractItemModel ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole
                and 0 <= section < COLUMN_COUNT):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        position = self._visible[index.row()]
        column = index.column()
        if role == Role.DisplayRole:
            return self._display(position, column)
        if role == Role.UserRole:
            return self._entries[position][R_ID]
        if column == NEXT_CHECKIN:
            state = self._states[position]
            if role == Role.FontRole and state in checkins.DUE_STATUSES:
                return self._bold
            if role == Role.ForegroundRole and state == checkins.OVERDUE:
                return OVERDUE_COLOR
            if role == Role.ToolTipRole:
                return self._checkin_tip(position)
        if role == Role.ToolTipRole:  # the whole text of a cell that may be cut short
            return self._display(position, column) or None
        return None

    def _checkin_tip(self, position: int) -> str | None:
        state = self._states[position]
        if state == checkins.NONE:
            return None
        record = self._entries[position]
        when = checkins.next_checkin(_day(record[R_LAST_CONTACT]), int(record[R_CADENCE] or 0))
        if when is None:
            return self.tr("Check-in due now: you have not talked to this person yet.")
        late = checkins.days_overdue(when, self._today)
        if late:
            return self.tr("Check-in overdue by %n day(s).", "", late)
        if state == checkins.DUE:
            return self.tr("Check-in due today.")
        return self.tr("Next check-in on {0}.").format(shown_date(when))
