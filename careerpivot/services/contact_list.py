"""The contact list as the Network tab shows it: which contacts, in which order, and the
records of the few on screen.

:func:`ordered_ids` answers a :class:`ContactQuery` (the search words and filters, and the
column sorted by) with the ids of the contacts shown, in order, and the counts the tab shows
beside them; it filters and sorts in SQL over the stored folded keys
(``store/list_keys.py``), so its cost is one pass over an index, not a Python loop over every
contact. :func:`records_of` then reads the records (``network.RECORD_FIELDS``) of the rows a
view shows, a page at a time. The rules of check-ins stay in ``core.checkins``: the check-in
state of the contacts with a cadence (the only ones that can be due) is computed from their
dates by that module.

The order is the one the list has always had: rows without a value last in either
direction, and rows with the same value by folded name, then by id.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from array import array
from collections.abc import Sequence

from careerpivot.core import checkins, vocab
from careerpivot.core.text import fold
from careerpivot.services import network
from careerpivot.services._base import fetch_tuples
from careerpivot.services._base import order_of as _order_of
from careerpivot.services._base import stored_date as _day
from careerpivot.store import write_mark
from careerpivot.store.list_keys import TABLE as _KEYS
from careerpivot.store.models import Contact, Tag, database

#: The columns a list can be sorted by.
SORTS = ("name", "organization", "role", "level", "stage", "tags", "last_contact",
         "next_checkin", "introduced_by")


@dataclasses.dataclass(frozen=True)
class ContactQuery:
    """What the list shows: every word (folded, see ``core.text.fold``) somewhere in the
    contact's name, organization, role, tags or notes, and every filter given."""

    words: tuple[str, ...] = ()
    stage: str | None = None
    level: str | None = None
    path_id: int | None = None
    #: a tag's folded name
    tag: str | None = None
    due_only: bool = False
    sort: str = "name"
    descending: bool = False

    def filtered(self) -> bool:
        return bool(self.words or self.stage is not None or self.level is not None
                    or self.path_id is not None or self.tag or self.due_only)


@dataclasses.dataclass(frozen=True)
class ContactList:
    """The answer to a :class:`ContactQuery`."""

    #: the ids shown, in order
    ids: array
    #: every contact of the list (archived ones are not in it), filters aside
    total: int
    #: of those, the contacts whose check-in is due or overdue
    due: int
    #: when asked for: (id, name, organization) of every listed contact, by folded name
    choices: list[tuple[int, str, str]] | None = None


#: The last :func:`_states` computed, by (file, day, write mark): a search keystroke or a
#: filter reads the same contacts' dates again, and the states only change with a write or
#: the day (a mark that cannot be read, in a file without one, is never reused).
_last_states: tuple[tuple, dict] = ((), {})


def _states(today: _dt.date) -> dict[int, tuple[str, _dt.date | None]]:
    """The check-in state and next date of every listed contact with a cadence (inside the
    caller's read transaction)."""
    global _last_states
    mark = write_mark.current_mark()
    key = (database.database, today, mark)
    if mark is not None and _last_states[0] == key:
        return _last_states[1]
    states = _read_states(today)
    _last_states = (key, states)
    return states


def _read_states(today: _dt.date) -> dict[int, tuple[str, _dt.date | None]]:
    rows = database.execute_sql(
        "SELECT id, last_contact, cadence_days FROM contact "
        "WHERE archived = 0 AND cadence_days > 0").fetchall()
    states = {}
    for contact_id, last, cadence in rows:
        day = _day(last)
        states[contact_id] = (checkins.status(day, cadence, today),
                              checkins.next_checkin(day, cadence))
    return states


def _sort_terms(sort: str, descending: bool) -> list[str]:
    """ORDER BY terms: the empty flag, the key in the direction asked, then the ties."""
    way = " DESC" if descending else ""
    if sort == "name":  # (a contact always has a name: the index gives the order)
        return [f"k.name{way}", "k.id"]
    if sort in ("organization", "role", "tags"):
        return [f"k.{sort} = ''", f"k.{sort}{way}", "k.name", "c.id"]
    if sort == "level":
        return ["c.level = ''", _order_of(vocab.LEVELS, "c.level") + way, "k.name", "c.id"]
    if sort == "stage":
        return [_order_of(vocab.STAGES, "c.stage") + way, "k.name", "c.id"]
    if sort == "last_contact":
        day = "date(substr(c.last_contact, 1, 10))"
        return [f"{day} IS NULL", f"{day}{way}", "k.name", "c.id"]
    if sort == "introduced_by":
        return ["COALESCE(ik.name, '') = ''", f"ik.name{way}", "k.name", "c.id"]
    raise ValueError(f"unknown sort: {sort}")


def _tag_ids(tag: str) -> list[int]:
    return [tag_id for tag_id, name in fetch_tuples(Tag.select(Tag.id, Tag.name))
            if fold(name) == tag]


def ordered_ids(query: ContactQuery, today: _dt.date, *,
                with_choices: bool = False) -> ContactList:
    """The contacts :class:`ContactQuery` shows, in its order, with the list's counts (and
    :func:`choices` when asked for): a few statements whatever the number of contacts, in
    one read transaction."""
    if query.sort not in SORTS:
        raise ValueError(f"unknown sort: {query.sort}")
    where = ["c.archived = 0"]
    params: list[object] = []
    if query.stage is not None:
        where.append("c.stage = ?")
        params.append(query.stage)
    if query.level is not None:
        where.append("c.level = ?")
        params.append(query.level)
    if query.path_id is not None:
        where.append("c.id IN (SELECT contact_id FROM contact_path WHERE path_id = ?)")
        params.append(query.path_id)
    for word in query.words:
        where.append("(instr(k.search, ?) > 0 OR instr(k.tags, ?) > 0)")
        params += [word, word]
    with database.atomic():
        if query.tag:
            tag_ids = _tag_ids(query.tag)
            marks = ", ".join("?" * len(tag_ids)) or "NULL"
            where.append(f"c.id IN (SELECT contact_id FROM contact_tag WHERE tag_id IN ({marks}))")
            params += tag_ids
        states = _states(today)
        due = {i for i, (state, _next) in states.items() if state in checkins.DUE_STATUSES}
        total = database.execute_sql(
            "SELECT COUNT(*) FROM contact WHERE archived = 0").fetchone()[0]
        by_next = query.sort == "next_checkin"
        sort = "name" if by_next else query.sort
        joins = (f" LEFT JOIN {_KEYS} ik ON ik.id = c.introduced_by_id"
                 if sort == "introduced_by" else "")
        sql = (f"SELECT c.id FROM contact c JOIN {_KEYS} k ON k.id = c.id{joins} "
               f"WHERE {' AND '.join(where)} "
               f"ORDER BY {', '.join(_sort_terms(sort, query.descending and not by_next))}")
        ids = [r[0] for r in database.execute_sql(sql, params).fetchall()]
        listed = choices() if with_choices else None
    if query.due_only:
        ids = [i for i in ids if i in due]
    if by_next:
        ids = _by_next_checkin(ids, states, today, query.descending)
    return ContactList(array("q", ids), total, len(due), listed)


def _by_next_checkin(ids: Sequence[int], states: dict[int, tuple[str, _dt.date | None]],
                     today: _dt.date, descending: bool) -> list[int]:
    """``ids`` (in name order) by their next check-in: a contact never talked to but with a
    cadence is due today; those with no check-in last."""
    dated: list[tuple[int, int]] = []
    undated: list[int] = []
    for contact_id in ids:
        state, when = states.get(contact_id, (checkins.NONE, None))
        if when is not None:
            dated.append((when.toordinal(), contact_id))
        elif state == checkins.DUE:
            dated.append((today.toordinal(), contact_id))
        else:
            undated.append(contact_id)
    position = {contact_id: n for n, contact_id in enumerate(ids)}
    dated.sort(key=lambda d: (-d[0] if descending else d[0], position[d[1]]))
    return [contact_id for _day_number, contact_id in dated] + undated


def records_of(ids: Sequence[int]) -> dict[int, tuple]:
    """The records (``network.RECORD_FIELDS``) of these contacts, by id (those that no
    longer exist are left out): one statement for a page of ids."""
    if not ids:
        return {}
    rows = fetch_tuples(network.record_query().where(Contact.id.in_(list(ids))))
    return {r[network.R_ID]: r for r in rows}


def checkin_state(record: tuple, today: _dt.date) -> str:
    """The check-in state of a contact record (``core.checkins.status``)."""
    cadence = int(record[network.R_CADENCE] or 0)
    return checkins.status(_day(record[network.R_LAST_CONTACT]), cadence, today)


def last_contact(record: tuple) -> _dt.date | None:
    """The last contact of a contact record (None: never, or not a date)."""
    return _day(record[network.R_LAST_CONTACT])


def next_checkin(record: tuple) -> _dt.date | None:
    return checkins.next_checkin(_day(record[network.R_LAST_CONTACT]),
                                 int(record[network.R_CADENCE] or 0))


def choices() -> list[tuple[int, str, str]]:
    """(id, name, organization) of every listed contact, by folded name (the people the
    "Introduced by" picker offers)."""
    return database.execute_sql(
        f"SELECT c.id, c.name, c.organization FROM {_KEYS} k JOIN contact c ON c.id = k.id "
        f"WHERE c.archived = 0 ORDER BY k.name, k.id").fetchall()


def introduced_by(contact_id: int) -> list[tuple[int, str, str]]:
    """(id, name, organization) of the listed contacts this one introduced, by folded name."""
    return database.execute_sql(
        f"SELECT c.id, c.name, c.organization FROM contact c JOIN {_KEYS} k ON k.id = c.id "
        f"WHERE c.introduced_by_id = ? AND c.archived = 0 ORDER BY k.name, c.id",
        (contact_id,)).fetchall()


def same_name(contact_id: int) -> list[tuple[int, str, str]]:
    """(id, name, organization) of the other listed contacts with this one's name (the same
    ``name_key``), by folded name."""
    return database.execute_sql(
        f"SELECT c.id, c.name, c.organization FROM {_KEYS} me JOIN {_KEYS} k "
        f"ON k.same = me.same AND k.id != me.id JOIN contact c ON c.id = k.id "
        f"WHERE me.id = ? AND c.archived = 0 ORDER BY k.name, c.id", (contact_id,)).fetchall()
