"""The interview list as the Interviews tab shows it: which interviews, in which order, and the
records of the few on screen.

:func:`ordered_ids` answers an :class:`InterviewQuery` (the search words, the filters and the
column sorted by) with the ids of the interviews shown, in order, and their total; it filters
and sorts in SQL — over the interviews' covering index in date order, the contacts' stored
folded keys (``store/list_keys.py``) and the paths' titles folded here (a workspace has few) —
so a keystroke costs one pass over an index, not a Python loop over every interview.
:func:`records_of` then reads the rows (:class:`~.reads.InterviewRow`, the contact's and the
path's texts joined) of the interviews a view shows, a page at a time.

A search word matches an interview when it is in the contact's folded name or organization,
the path's folded title, the stored date text, or one of the sets the caller worked out from
what it shows (:class:`WordMatches`: the statuses and modes whose shown names hold it, the
days and times of day whose shown forms hold it) — this module shows and translates nothing.

The order is the one the list has always had: by date and id, undated interviews last, in
the direction asked; sorted by another column, rows with the same value keep that date order
and rows without a contact, organization or path text come last in either direction.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from array import array
from collections.abc import Sequence
from typing import NamedTuple

from careerpivot.core import vocab
from careerpivot.core.text import fold
from careerpivot.services._base import fetch_tuples, order_of
from careerpivot.services.interviews.reads import InterviewRow, _list_query
from careerpivot.store.list_keys import TABLE as _KEYS
from careerpivot.store.models import Interview, Path, database

#: The columns a list can be sorted by.
SORTS = ("date", "contact", "status", "path", "organization", "mode", "round")
#: ``InterviewQuery.path_id`` of "interviews without a path".
NO_PATH = 0


@dataclasses.dataclass(frozen=True)
class InterviewQuery:
    """What the list shows: every word (folded, see ``core.text.fold``) found (see the
    module's description) — or the interview among ``text_ids`` (its notes or answers
    matched) — and every filter given."""

    words: tuple[str, ...] = ()
    #: interviews whose notes or answers match the words (found by the full-text search)
    text_ids: tuple[int, ...] = ()
    status: str | None = None
    #: a path's id, or :data:`NO_PATH`
    path_id: int | None = None
    contact_id: int | None = None
    #: inclusive ``YYYY-MM-DD`` bounds ("" open); undated interviews are left out by either
    date_from: str = ""
    date_to: str = ""
    sort: str = "date"
    descending: bool = True

    def filtered(self) -> bool:
        return bool(self.words or self.status is not None or self.path_id is not None
                    or self.contact_id is not None or self.date_from or self.date_to)


class WordMatches(NamedTuple):
    """What one search word matches among the texts the list shows (worked out by the
    caller, which shows them)."""

    statuses: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    #: ``YYYY-MM-DD`` days whose shown date holds the word
    days: tuple[str, ...] = ()
    #: ``HH:MM`` times of day whose shown time holds the word
    times: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class InterviewIds:
    """The answer to an :class:`InterviewQuery`."""

    #: the ids shown, in order
    ids: array
    #: every interview, filters aside
    total: int


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def _in(column: str, values: Sequence[object], params: list[object]) -> str | None:
    """``column`` among ``values``: a list of marks when short, one JSON parameter when long
    (SQLite reads it into a temporary index once)."""
    if not values:
        return None
    if len(values) <= 32:
        params.extend(values)
        return f"{column} IN ({_marks(values)})"
    params.append(json.dumps(list(values)))
    return f"{column} IN (SELECT value FROM json_each(?))"


def _path_titles() -> dict[int, str]:
    """The folded title of every path."""
    return {pid: fold(title or "") for pid, title in
            fetch_tuples(Path.select(Path.id, Path.title))}


def _word_condition(word: str, matches: WordMatches, titles: dict[int, str],
                    params: list[object]) -> str:
    params += [word, word]
    terms = [f"i.contact_id IN (SELECT id FROM {_KEYS} WHERE instr(name, ?) > 0 "
             f"OR instr(organization, ?) > 0)"]
    path_ids = [pid for pid, title in titles.items() if word in title]
    for column, values in (("i.path_id", path_ids), ("i.status", matches.statuses),
                           ("i.mode", matches.modes)):
        term = _in(column, values, params)
        if term:
            terms.append(term)
    terms.append("instr(i.scheduled_at, ?) > 0")
    params.append(word)
    term = _in("substr(i.scheduled_at, 1, 10)", matches.days, params)
    if term:
        terms.append(f"(i.scheduled_at != '' AND {term})")
    term = _in("substr(i.scheduled_at, 12, 5)", matches.times, params)
    if term:
        terms.append(f"(length(i.scheduled_at) = 16 AND {term})")
    return "(" + " OR ".join(terms) + ")"


def _path_order(titles: dict[int, str]) -> str:
    """A CASE that gives each path with a title its place by folded title (paths with the
    same folded title share one); NULL for no path or an empty title."""
    places = {title: n for n, title in enumerate(sorted(set(titles.values()) - {""}))}
    cases = " ".join(f"WHEN {int(pid)} THEN {places[title]}"
                     for pid, title in titles.items() if title)
    return f"(CASE i.path_id {cases} ELSE NULL END)" if cases else "(NULL)"


def _sort_terms(query: InterviewQuery, titles: dict[int, str]) -> tuple[list[str], str]:
    """ORDER BY terms (the empty flag, the key in the direction asked, then the date order)
    and the join they need."""
    way = " DESC" if query.descending else ""
    by_date = ["i.scheduled_at = ''", f"i.scheduled_at{way}", f"i.id{way}"]
    sort = query.sort
    if sort == "date":
        return by_date, ""
    join = f" JOIN {_KEYS} k ON k.id = i.contact_id"
    if sort == "contact":
        return ["k.name = ''", f"k.name{way}", *by_date], join
    if sort == "organization":
        return ["k.organization = ''", f"k.organization{way}", *by_date], join
    if sort == "path":
        key = _path_order(titles)
        return [f"{key} IS NULL", f"{key}{way}", *by_date], ""
    if sort == "status":
        return [order_of(vocab.INTERVIEW_STATUSES, "i.status") + way, *by_date], ""
    if sort == "mode":
        return [order_of(vocab.INTERVIEW_MODES, "i.mode") + way, *by_date], ""
    return [f"i.round{way}", *by_date], ""


def ordered_ids(query: InterviewQuery,
                matches: Sequence[WordMatches] = ()) -> InterviewIds:
    """The interviews :class:`InterviewQuery` shows, in its order, with the total:
    ``matches`` gives, for each of ``query.words`` in turn, what the caller found it in
    (missing ones: nothing). A few statements whatever the number of interviews, in one read
    transaction."""
    if query.sort not in SORTS:
        raise ValueError(f"unknown sort: {query.sort}")
    where: list[str] = []
    params: list[object] = []
    if query.status is not None:
        where.append("i.status = ?")
        params.append(query.status)
    if query.path_id == NO_PATH:
        where.append("i.path_id IS NULL")
    elif query.path_id is not None:
        where.append("i.path_id = ?")
        params.append(query.path_id)
    if query.contact_id is not None:
        where.append("i.contact_id = ?")
        params.append(query.contact_id)
    if query.date_from or query.date_to:
        where.append("i.scheduled_at > ''")
    if query.date_from:
        where.append("i.scheduled_at >= ?")  # (the same as its day >= the bound)
        params.append(query.date_from)
    if query.date_to:
        where.append("substr(i.scheduled_at, 1, 10) <= ?")
        params.append(query.date_to)
    with database.atomic():
        titles = _path_titles() if query.words or query.sort == "path" else {}
        if query.words:
            text = _in("i.id", query.text_ids, params)  # (its marks come first)
            found = " AND ".join(
                _word_condition(w, m, titles, params) for w, m in
                itertools.zip_longest(query.words, matches[:len(query.words)],
                                      fillvalue=WordMatches()))
            where.append(f"({text} OR ({found}))" if text else f"({found})")
        if query.sort == "date":
            # the dated ones in the index's order, then the undated: no sort at all
            way = " DESC" if query.descending else ""
            ids = _ids([*where, "i.scheduled_at > ''"], params,
                       f"i.scheduled_at{way}, i.id{way}")
            if not (query.date_from or query.date_to):
                ids += _ids([*where, "i.scheduled_at = ''"], params, f"i.id{way}")
        else:
            terms, join = _sort_terms(query, titles)
            ids = _ids(where, params, ", ".join(terms), join)
        total = database.execute_sql("SELECT COUNT(*) FROM interview").fetchone()[0]
    return InterviewIds(ids, total)


def _ids(where: Sequence[str], params: Sequence[object], order: str, join: str = "") -> array:
    sql = (f"SELECT i.id FROM interview i{join}"
           f"{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order}")
    rows = database.execute_sql(sql, params).fetchall()
    return array("q", itertools.chain.from_iterable(rows))


def date_span() -> tuple[str, str] | None:
    """The first and last day an interview is dated (``YYYY-MM-DD``), or None when none is
    dated: the days a search word may find by their shown date (two index lookups)."""
    first, last = database.execute_sql(
        "SELECT (SELECT min(scheduled_at) FROM interview WHERE scheduled_at > ''), "
        "(SELECT max(scheduled_at) FROM interview)").fetchone()
    if not first or not last:
        return None
    return first[:10], last[:10]


def records_of(ids: Sequence[int]) -> dict[int, InterviewRow]:
    """The rows of these interviews, by id (those that no longer exist are left out): one
    statement for a page of ids."""
    if not ids:
        return {}
    query = _list_query().where(Interview.id.in_(list(ids)))
    return {r.id: r for r in itertools.starmap(InterviewRow, fetch_tuples(query))}


def _people(condition: str, params: Sequence[object] = ()) -> list[tuple[int, str, str]]:
    return database.execute_sql(
        f"SELECT c.id, c.name, c.organization FROM {_KEYS} k JOIN contact c ON c.id = k.id "
        f"WHERE {condition} ORDER BY k.name, k.organization, k.id", params).fetchall()


def interviewed() -> list[tuple[int, str, str]]:
    """(id, name, organization) of everyone interviewed (archived or not), by folded name,
    then organization."""
    return _people("k.id IN (SELECT contact_id FROM interview)")


def interviewed_one(contact_id: int) -> tuple[str, str] | None:
    """(name, organization) of a contact if they were interviewed, else None."""
    found = _people("k.id = ? AND k.id IN (SELECT contact_id FROM interview)", (contact_id,))
    return (found[0][1], found[0][2]) if found else None


def contact_choices() -> list[tuple[int, str, str]]:
    """(id, name, organization) of every current (not archived) contact, by folded name, then
    organization: whom an interview can be with."""
    return _people("c.archived = 0")

