"""The contacts table: a model that reads only the contacts on screen.

Which contacts show, in which order, is answered off the GUI thread by
``services.contact_list.ordered_ids`` from the search words, the filters and the column sorted
by (in SQL, over stored folded keys); the model keeps the ids and reads the records
(``services.network.RECORD_FIELDS``) a page at a time when a view asks for them (see
``ui/itemmodels/paged.py``). A search keystroke, a filter or a header click asks for a new
list; while one is read the old rows stay, and only the newest list asked for is shown.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from careerpivot.core import checkins, clock, vocab
from careerpivot.core.text import fold
from careerpivot.services import contact_list, network
from careerpivot.services.contact_list import ContactList, ContactQuery
from careerpivot.services.network import (
    R_ID,
    R_INTRODUCER_NAME,
    R_LEVEL,
    R_NAME,
    R_ORGANIZATION,
    R_ROLE,
    R_STAGE,
    R_TAGS,
    ContactRow,
)
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.itemmodels.paged import QueryListModel
from careerpivot.ui.widgets.date_text import shown_date

NAME, ORGANIZATION, ROLE, LEVEL, STAGE, TAGS, LAST_CONTACT, NEXT_CHECKIN, INTRODUCED_BY = (
    range(9))
COLUMN_COUNT = 9

#: The warning colour of an overdue check-in (always paired with a bold font).
OVERDUE_COLOR = QColor("#b3261e")


Role = Qt.ItemDataRole


class ContactsModel(QueryListModel):
    """Contacts as table rows; filtered by search words, stage, level, path, tag and "check-in
    due"; sorted by any column (empty values last in both directions, ties by name)."""

    COLUMN_COUNT = COLUMN_COUNT
    SORTS = contact_list.SORTS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._today = clock.today()
        self._query = ContactQuery()
        self._headers = (
            self.tr("Name"), self.tr("Organization"), self.tr("Role"), self.tr("Level"),
            self.tr("Stage"), self.tr("Tags"), self.tr("Last contact"),
            self.tr("Next check-in"), self.tr("Introduced by"),
        )
        self._names = ({k: vocab_name(v) for k, v in vocab.LEVELS.items()},
                       {k: vocab_name(v) for k, v in vocab.STAGES.items()})
        self._now = self.tr("now")
        self._bold = QFont()
        self._bold.setBold(True)
        self._rows: dict[int, ContactRow] = {}
        self._total = self._due = 0
        self._with_choices = False

    # --- the list --------------------------------------------------------------------------
    def reload(self, today: _dt.date, *, with_choices: bool = False) -> None:
        """Read the list again (the contacts changed, or the day)."""
        self._today = today
        self._with_choices = self._with_choices or with_choices
        self._ask()

    def _ask(self) -> None:
        self.request(self._query, self._today, self._with_choices)
        self._with_choices = False

    def _list(self, query: ContactQuery, today: _dt.date, with_choices: bool) -> ContactList:
        return contact_list.ordered_ids(query, today, with_choices=with_choices)

    def _fetch(self, ids: Sequence[int]) -> dict[int, tuple]:
        return contact_list.records_of(ids)

    def _took(self, result: ContactList) -> None:
        self._rows = {}
        self._total, self._due = result.total, result.due

    def clear(self) -> None:
        """Show no contacts (the list could not be read)."""
        self.show_list(ContactList(ids=(), total=0, due=0))

    # --- filtering and sorting -------------------------------------------------------------
    def set_search(self, text: str) -> None:
        self._change(words=tuple(fold(text).split()))

    def set_stage(self, stage: str | None) -> None:
        self._change(stage=stage)

    def set_level(self, level: str | None) -> None:
        self._change(level=level)

    def set_path(self, path_id: int | None) -> None:
        self._change(path_id=path_id)

    def set_tag(self, tag: str | None) -> None:
        self._change(tag=fold(tag) if tag else None)

    def set_due_only(self, due_only: bool) -> None:
        self._change(due_only=due_only)

    def clear_filters(self) -> None:
        self._change(words=(), stage=None, level=None, path_id=None, tag=None, due_only=False)

    # --- lookups for the view and the tab --------------------------------------------------
    def contact_id(self, row: int) -> int | None:
        return self.id_at(row)

    def contact(self, contact_id: int) -> ContactRow | None:
        """The contact with this id, listed or filtered out (None when it is not in the list
        at all: archived, deleted)."""
        row = self._rows.get(contact_id)
        if row is not None:
            return row
        record = self._record_of(contact_id)
        if record is None:
            return None
        row = self._rows[contact_id] = network.contact_row(record)
        return row

    def _record_of(self, contact_id: int) -> tuple | None:
        record = self.cached_record(contact_id)
        if record is None:
            position = self.row_of(contact_id)
            if position >= 0:
                return self.record_at(position)
            record = contact_list.records_of([contact_id]).get(contact_id)
            if record is not None and record[network.R_ARCHIVED]:
                return None
        return record

    def update_row(self, row: ContactRow) -> None:
        """Show the new values of a listed contact (its place stays until the list is read
        again)."""
        self._rows[row.id] = row
        self.put_record(row.id, network.contact_record(row))

    def choices(self) -> list[tuple[int, str, str]] | None:
        """(id, name, organization) of every listed contact, by folded name, when the last
        list read them (``reload(with_choices=True)``), else None."""
        result = self.result
        return result.choices if result is not None else None

    def introduced_by(self, contact_id: int) -> list[tuple[int, str, str]]:
        """(id, name, organization) of the contacts this one introduced, by name."""
        return contact_list.introduced_by(contact_id)

    def same_name(self, contact_id: int) -> list[tuple[int, str, str]]:
        """(id, name, organization) of the other contacts with this one's ``name_key``."""
        return contact_list.same_name(contact_id)

    def total_count(self) -> int:
        return self._total

    def due_count(self) -> int:
        return self._due

    def checkin_state(self, contact_id: int) -> str:
        record = self._record_of(contact_id)
        return (contact_list.checkin_state(record, self._today) if record is not None
                else checkins.NONE)

    # --- texts -----------------------------------------------------------------------------
    def _next_checkin(self, record: tuple) -> str:
        when = contact_list.next_checkin(record)
        if when is not None:
            return shown_date(when)
        if contact_list.checkin_state(record, self._today) == checkins.DUE:
            return self._now  # a cadence, never contacted: due now
        return ""

    def _display(self, record: tuple, column: int) -> str:
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
            return ", ".join(network.tag_names(record[R_TAGS]))
        if column == LAST_CONTACT:
            return shown_date(contact_list.last_contact(record))
        if column == NEXT_CHECKIN:
            return self._next_checkin(record)
        return record[R_INTRODUCER_NAME]

    # --- QAbstractItemModel ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole
                and 0 <= section < COLUMN_COUNT):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.record_at(index.row())
        if record is None:
            return None
        column = index.column()
        if role == Role.DisplayRole:
            return self._display(record, column)
        if role == Role.UserRole:
            return record[R_ID]
        if column == NEXT_CHECKIN and role in (Role.FontRole, Role.ForegroundRole,
                                               Role.ToolTipRole):
            state = contact_list.checkin_state(record, self._today)
            if role == Role.FontRole and state in checkins.DUE_STATUSES:
                return self._bold
            if role == Role.ForegroundRole and state == checkins.OVERDUE:
                return OVERDUE_COLOR
            if role == Role.ToolTipRole:
                return self._checkin_tip(record, state)
        if role == Role.ToolTipRole:  # the whole text of a cell that may be cut short
            return self._display(record, column) or None
        return None

    def _checkin_tip(self, record: tuple, state: str) -> str | None:
        if state == checkins.NONE:
            return None
        when = contact_list.next_checkin(record)
        if when is None:
            return self.tr("Check-in due now: you have not talked to this person yet.")
        late = checkins.days_overdue(when, self._today)
        if late:
            return self.tr("Check-in overdue by %n day(s).", "", late)
        if state == checkins.DUE:
            return self.tr("Check-in due today.")
        return self.tr("Next check-in on {0}.").format(shown_date(when))
