"""The tracking log: dated insights, decisions, weekly reviews, follow-up actions and outreach.

Every function returns plain values. :func:`list_entries` is one query whatever the filters
(the entry with its contact's name, the conversation's date and the path's title). Only
follow-up actions carry a due date; an action is *open* until it is marked done. Snoozing an
action moves the day it counts as due (``core.due``): never earlier than its due date, and a
second, shorter snooze never brings it back sooner.

Outreach entries are the messages the user sent. One that is still open (not done) is waiting
for a reply, which is what the Overview's "no reply" suggestions are about; marking it done
says the conversation moved on.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Callable

import peewee as pw

from careerpivot.core import clock, vocab
from careerpivot.core import due as _due
from careerpivot.core.validation import (
    ValidationError,
    check_choice,
    clean_text,
    parse_date,
)
from careerpivot.services import workspace
from careerpivot.services._base import delete_with_snapshot, get_or_fail, reference, utcnow, write
from careerpivot.services._base import stored_date as _date
from careerpivot.store.models import Contact, Interview, LogEntry, Path

Snapshot = workspace.Snapshot

ACTION = "action"
OUTREACH = "outreach"

#: Longest log entry (a weekly review can be long; a pasted book cannot).
MAX_ENTRY = 20_000


@dataclasses.dataclass(frozen=True)
class LogRow:
    id: int
    kind: str  # core.vocab.LOG_KINDS
    text: str
    entry_date: _dt.date
    due_date: _dt.date | None
    done_date: _dt.date | None
    snoozed_until: _dt.date | None
    contact_id: int | None
    contact_name: str
    interview_id: int | None
    interview_date: str  # the conversation's "YYYY-MM-DD[ HH:MM]" ("" when undated or none)
    path_id: int | None
    path_title: str

    @property
    def is_action(self) -> bool:
        return self.kind == ACTION

    @property
    def is_open(self) -> bool:
        """An action (or an outreach waiting for a reply) that is not done."""
        return self.kind in (ACTION, OUTREACH) and self.done_date is None

    @property
    def effective_due(self) -> _dt.date | None:
        return _due.effective_due(self.due_date, self.snoozed_until)




# --- validation ------------------------------------------------------------------------------


_FIELDS: dict[str, Callable[[object], object]] = {
    "kind": lambda v: check_choice("kind", "" if v is None else str(v), vocab.LOG_KINDS),
    "text": lambda v: clean_text("text", v, required=True, max_len=MAX_ENTRY),
    "entry_date": lambda v: parse_date("entry_date", v, required=True),
    "due_date": lambda v: parse_date("due_date", v),
    "done_date": lambda v: parse_date("done_date", v),
    "contact": lambda v: reference("contact", Contact, v,
                              "This person is no longer in your network."),
    "interview": lambda v: reference("interview", Interview, v,
                                "This conversation no longer exists."),
    "path": lambda v: reference("path", Path, v, "This path no longer exists."),
}
_ALIASES = {"contact_id": "contact", "interview_id": "interview", "path_id": "path"}


def _check_dates(kind: str, entry: _dt.date | None, due: _dt.date | None,
                 changed: str = "due_date", done: _dt.date | None = None) -> None:
    if done is not None and kind not in (ACTION, OUTREACH):
        raise ValidationError("done_date", "Only actions and outreach can be marked done.")
    if due is not None and kind != ACTION:
        raise ValidationError("due_date", "Only follow-up actions have a due date.")
    if due is not None and entry is not None and due < entry:
        field = "entry_date" if changed == "entry_date" else "due_date"
        raise ValidationError(field, "The due date cannot be before the entry's date.")


def check_entry(kind: object, text: object, entry_date: object = None,
                due_date: object = None) -> None:
    """Raise ValidationError(field, message) for the first bad field of a new or edited entry
    (the entry dialog checks before it closes; storing checks again)."""
    cleaned_kind = _FIELDS["kind"](kind)
    _FIELDS["text"](text)
    entry = _FIELDS["entry_date"](entry_date or clock.today())
    due = _FIELDS["due_date"](due_date)
    _check_dates(cleaned_kind, entry, due)  # type: ignore[arg-type]


# --- reading ---------------------------------------------------------------------------------


def _query() -> pw.ModelSelect:
    return (
        LogEntry.select(
            LogEntry.id, LogEntry.kind, LogEntry.text, LogEntry.entry_date, LogEntry.due_date,
            LogEntry.done_date, LogEntry.snoozed_until, LogEntry.contact,
            pw.fn.COALESCE(Contact.name, ""), LogEntry.interview,
            pw.fn.COALESCE(Interview.scheduled_at, ""), LogEntry.path,
            pw.fn.COALESCE(Path.title, ""),
        )
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(LogEntry.contact == Contact.id))
        .switch(LogEntry)
        .join(Interview, pw.JOIN.LEFT_OUTER, on=(LogEntry.interview == Interview.id))
        .switch(LogEntry)
        .join(Path, pw.JOIN.LEFT_OUTER, on=(LogEntry.path == Path.id))
    )


def _row(r: tuple) -> LogRow:
    return LogRow(
        id=r[0], kind=r[1], text=r[2], entry_date=_date(r[3]) or _dt.date.min,
        due_date=_date(r[4]), done_date=_date(r[5]), snoozed_until=_date(r[6]),
        contact_id=r[7], contact_name=r[8], interview_id=r[9], interview_date=r[10],
        path_id=r[11], path_title=r[12],
    )


def like_pattern(word: str) -> str:
    """``%word%`` for ``LIKE ... ESCAPE '\\'``, with the wildcards in ``word`` escaped."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def case_variants(word: str) -> list[str]:
    """SQLite's LIKE folds only ASCII letters, so a word with other letters is also tried
    in lower case and capitalized ("łukasz" finds "Łukasz")."""
    if word.isascii():
        return [word]
    return list(dict.fromkeys((word, word.lower(), word.capitalize())))


def _search_clause(word: str) -> pw.Expression:
    clause = None
    for variant in case_variants(word):
        pattern = like_pattern(variant)
        for column in (LogEntry.text, Contact.name, Path.title):
            # pw.SQL, not the LIKE operator: peewee spells that GLOB on SQLite
            part = pw.NodeList((column, pw.SQL("LIKE"), pw.Value(pattern),
                                pw.SQL("ESCAPE '\\'")), parens=True)
            clause = part if clause is None else (clause | part)
    assert clause is not None
    return clause


def list_entries(*, search: str = "", kind: str | None = None, contact_id: int | None = None,
                 path_id: int | None = None, interview_id: int | None = None,
                 open_actions: bool = False, limit: int | None = None) -> list[LogRow]:
    """Log entries matching every filter given, newest first (open actions: soonest due
    first). One query.

    ``search`` matches every word somewhere in the entry's text, the contact's name or the
    path's title (in any case for Latin letters; see :func:`case_variants` for others).
    ``open_actions`` keeps actions not yet done. ``limit`` keeps the first entries only.
    """
    query = _query()
    if kind:
        query = query.where(LogEntry.kind == kind)
    if contact_id is not None:
        query = query.where(LogEntry.contact == contact_id)
    if path_id is not None:
        query = query.where(LogEntry.path == path_id)
    if interview_id is not None:
        query = query.where(LogEntry.interview == interview_id)
    for word in (search or "").split()[:8]:
        query = query.where(_search_clause(word))
    if open_actions:
        query = query.where((LogEntry.kind == ACTION) & LogEntry.done_date.is_null())
        effective = pw.fn.MAX(pw.fn.COALESCE(LogEntry.due_date, "9999-12-31"),
                              pw.fn.COALESCE(LogEntry.snoozed_until, ""))
        query = query.order_by(effective, LogEntry.id)
    else:
        query = query.order_by(LogEntry.entry_date.desc(), LogEntry.id.desc())
    if limit is not None:
        query = query.limit(max(0, int(limit)))
    return [_row(r) for r in query.tuples()]


def get_entry(entry_id: int) -> LogRow:
    rows = list(_query().where(LogEntry.id == entry_id).tuples())
    if not rows:
        get_or_fail(LogEntry, entry_id, "log entry")
    return _row(rows[0])


def counts_by_kind() -> dict[str, int]:
    """How many entries of each kind (every kind present, zero included)."""
    counts = dict.fromkeys(vocab.LOG_KINDS, 0)
    for kind, count in (LogEntry.select(LogEntry.kind, pw.fn.COUNT(LogEntry.id))
                        .group_by(LogEntry.kind).tuples()):
        counts[kind] = count
    return counts


# --- writing ---------------------------------------------------------------------------------


def add_entry(kind: str, text: str, *, entry_date: object = None, due_date: object = None,
              done_date: object = None, contact_id: object = None,
              interview_id: object = None, path_id: object = None) -> int:
    """A new entry dated ``entry_date`` (default today). Only actions take a due date; an
    action linked to a conversation but no contact is linked to that conversation's
    contact. Raises ValidationError(field, message) on bad input."""
    values: dict[str, object] = {
        "kind": _FIELDS["kind"](kind),
        "text": _FIELDS["text"](text),
        "entry_date": _FIELDS["entry_date"](entry_date or clock.today()),
        "due_date": _FIELDS["due_date"](due_date),
        "done_date": _FIELDS["done_date"](done_date),
    }
    _check_dates(values["kind"], values["entry_date"], values["due_date"],  # type: ignore[arg-type]
                 done=values["done_date"])  # type: ignore[arg-type]
    with write():
        values["contact"] = _FIELDS["contact"](contact_id)
        values["interview"] = _FIELDS["interview"](interview_id)
        values["path"] = _FIELDS["path"](path_id)
        if values["interview"] is not None and values["contact"] is None:
            values["contact"] = Interview.get_by_id(values["interview"]).contact_id
        now = utcnow()
        entry_id = int(LogEntry.insert(created_at=now, updated_at=now, **values).execute())
    workspace.mark_changed()
    return entry_id


def update_entry(entry_id: int, field: str, value: object) -> None:
    """Change one field: kind, text, entry_date, due_date, done_date, contact, interview or
    path (ids; ``contact_id`` and so on are accepted too). Changing an action into another
    kind drops its due date and snooze. Raises ValidationError(field, message)."""
    field = _ALIASES.get(field, field)
    validate = _FIELDS.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    with write():
        row = get_or_fail(LogEntry, entry_id, "log entry")
        cleaned = validate(value)
        data: dict[str, object] = {field: cleaned}
        kind = cleaned if field == "kind" else row.kind
        entry = cleaned if field == "entry_date" else _date(row.entry_date)
        due = cleaned if field == "due_date" else _date(row.due_date)
        done = cleaned if field == "done_date" else _date(row.done_date)
        if field == "kind" and kind != ACTION:
            data.update(due_date=None, snoozed_until=None)
            due = None
        if field == "kind" and kind not in (ACTION, OUTREACH):
            data["done_date"] = None
            done = None
        _check_dates(kind, entry, due, changed=field, done=done)  # type: ignore[arg-type]
        data["updated_at"] = utcnow()
        LogEntry.update(data).where(LogEntry.id == entry_id).execute()
    workspace.mark_changed()


def delete_entry(entry_id: int) -> Snapshot:
    get_or_fail(LogEntry, entry_id, "log entry")
    return delete_with_snapshot(LogEntry, [entry_id], "log entry")


def mark_done(entry_id: int, when: object = None) -> _dt.date | None:
    """Mark an action (or an outreach) done on ``when`` (default today); returns the done
    date it had before, for undo."""
    day = parse_date("done_date", when or clock.today(), required=True)
    with write():
        row = get_or_fail(LogEntry, entry_id, "log entry")
        if row.kind not in (ACTION, OUTREACH):
            raise ValidationError("done_date", "Only actions and outreach can be marked done.")
        before = _date(row.done_date)
        LogEntry.update(done_date=day, updated_at=utcnow()).where(
            LogEntry.id == entry_id).execute()
    workspace.mark_changed()
    return before


def mark_undone(entry_id: int) -> None:
    """Open the action again."""
    with write():
        get_or_fail(LogEntry, entry_id, "log entry")
        LogEntry.update(done_date=None, updated_at=utcnow()).where(
            LogEntry.id == entry_id).execute()
    workspace.mark_changed()


def snooze(entry_id: int, until: object) -> _dt.date | None:
    """Snooze an action until ``until`` (a date, or a number of days from today). The item
    never becomes due earlier than it was. Returns the snooze date it had before, for
    undo (see :func:`set_snooze`)."""
    if isinstance(until, int) and not isinstance(until, bool):
        day = _due.snooze_until(clock.today(), until)
    else:
        day = parse_date("snoozed_until", until, required=True)
    with write():
        row = get_or_fail(LogEntry, entry_id, "log entry")
        if row.kind != ACTION:
            raise ValidationError("snoozed_until", "Only follow-up actions can be snoozed.")
        before = _date(row.snoozed_until)
        LogEntry.update(snoozed_until=_due.combine_snooze(before, day),  # type: ignore[arg-type]
                        updated_at=utcnow()).where(LogEntry.id == entry_id).execute()
    workspace.mark_changed()
    return before


def set_snooze(entry_id: int, until: _dt.date | None) -> None:
    """Put a snooze date back exactly as it was (undo of :func:`snooze`)."""
    with write():
        get_or_fail(LogEntry, entry_id, "log entry")
        LogEntry.update(snoozed_until=until, updated_at=utcnow()).where(
            LogEntry.id == entry_id).execute()
    workspace.mark_changed()
