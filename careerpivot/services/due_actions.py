"""Acting on a due item of the Overview: mark it done (or log the check-in, or dismiss the
suggestion), snooze it, and take either back. Every function returns what its undo needs."""

from __future__ import annotations

import dataclasses
import datetime as _dt

from careerpivot.core import clock, due
from careerpivot.core import plan as _plan
from careerpivot.core.errors import NotFoundError
from careerpivot.core.validation import ValidationError
from careerpivot.services import log as _log
from careerpivot.services import network, workspace
from careerpivot.services._base import stored_date as _date
from careerpivot.services._base import write
from careerpivot.services.due_list import (
    ACTION,
    CHECKIN,
    DONE,
    MILESTONE,
    OUTREACH,
    snooze_date,
    snoozes,
    store_snoozes,
)
from careerpivot.store.models import Contact, LogEntry


@dataclasses.dataclass(frozen=True)
class DoneRecord:
    """What :func:`mark_done` changed (for :func:`undo_done`)."""

    key: str
    kind: str
    item_id: int
    previous: object
    entry_id: int | None = None


def _parse_key(key: str) -> tuple[str, int]:
    kind, _, rest = key.partition(":")
    try:
        return kind, int(rest.split(":")[0])
    except ValueError:
        raise NotFoundError("This item no longer exists.") from None


def snooze_item(key: str, days: int | _dt.date) -> object:
    """Snooze a due item by its key for ``days`` (or until a date); it never becomes due
    earlier than it was. Returns what to pass to :func:`restore_snooze` to undo it."""
    kind, item_id = _parse_key(key)
    today = clock.today()
    until = days if isinstance(days, _dt.date) else due.snooze_until(today, days)
    if kind == ACTION:
        return _log.snooze(item_id, until)
    if kind not in (MILESTONE, CHECKIN, OUTREACH):
        raise ValidationError("snoozed_until", "This item cannot be snoozed.")
    with write():
        data = snoozes()
        previous = data.get(key)
        data[key] = due.combine_snooze(snooze_date(previous), until).isoformat()
        store_snoozes(data)
    workspace.mark_changed()
    return previous


def restore_snooze(key: str, previous: object) -> None:
    """Undo :func:`snooze_item` (``previous`` is what it returned)."""
    kind, item_id = _parse_key(key)
    if kind == ACTION:
        _log.set_snooze(item_id, previous)  # type: ignore[arg-type]
        return
    with write():
        data = snoozes()
        if previous is None:
            data.pop(key, None)
        else:
            data[key] = str(previous)
        store_snoozes(data)
    workspace.mark_changed()


def mark_done(key: str) -> DoneRecord:
    """Act on a due item: an action or milestone is marked done; a check-in is logged (the
    contact's last contact becomes today, which restarts their cadence); an outreach
    suggestion is dismissed. Returns what :func:`undo_done` needs."""
    from careerpivot.services import plan

    kind, item_id = _parse_key(key)
    if kind == ACTION:
        return DoneRecord(key, kind, item_id, _log.mark_done(item_id))
    if kind == MILESTONE:
        before = plan.get_milestone(item_id).status
        plan.update_milestone(item_id, "status", _plan.DONE)
        return DoneRecord(key, kind, item_id, before)
    if kind == CHECKIN:
        before, entry_id = log_checkin(item_id)
        return DoneRecord(key, kind, item_id, before, entry_id)
    if kind == OUTREACH:
        with write():
            data = snoozes()
            previous = data.get(key)
            data[key] = DONE
            store_snoozes(data)
        workspace.mark_changed()
        return DoneRecord(key, kind, item_id, previous)
    raise ValidationError("status", "This item cannot be marked done here.")


def undo_done(record: DoneRecord) -> None:
    from careerpivot.services import plan

    if record.kind == ACTION:
        _log.update_entry(record.item_id, "done_date", record.previous)
    elif record.kind == MILESTONE:
        plan.update_milestone(record.item_id, "status", record.previous)
    elif record.kind == CHECKIN:
        with write():
            if record.entry_id is not None:
                LogEntry.delete().where(LogEntry.id == record.entry_id).execute()
            Contact.update(last_contact=record.previous).where(
                Contact.id == record.item_id).execute()
        workspace.mark_changed()
    elif record.kind == OUTREACH:
        restore_snooze(record.key, record.previous)


def log_checkin(contact_id: int, note: str = "") -> tuple[_dt.date | None, int]:
    """Log a check-in with a contact today: their last contact becomes today (restarting the
    cadence) and the log gets a closed outreach entry. Returns (the previous last-contact
    date, the log entry's id)."""
    today = clock.today()
    with write():
        row = Contact.get_or_none(Contact.id == contact_id)
        if row is None:
            raise NotFoundError("This contact no longer exists (it may have been deleted).")
        before = _date(row.last_contact)
        network.record_contact(contact_id, today)
        text = f"Checked in with {row.name}."
        if note.strip():
            text += f"\n\n{note.strip()}"
        entry_id = _log.add_entry(_log.OUTREACH, text, entry_date=today, done_date=today,
                                  contact_id=contact_id)
    return before, entry_id
