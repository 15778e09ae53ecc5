"""The held rules: only a conversation that was held counts as evidence
(:class:`NotHeldError`), and marking one held — :func:`complete_interview`, or
:func:`hold_interview` from the question asked before evidence is recorded, undone by
:func:`unhold_interview` — creates its follow-up actions, moves its contact forward in the
pipeline and keeps the person as they were then (:data:`HELD_FIELDS`).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt

from careerpivot.core import clock, vocab
from careerpivot.core.validation import ValidationError
from careerpivot.services import workspace
from careerpivot.services._base import get_or_fail, stored_date, utcnow, write
from careerpivot.store.models import Contact, Interview, LogEntry

#: Follow-up actions created when an interview is completed: (text, days after completion).
#: The part before ``{name}`` identifies an action already created, so completing twice never
#: duplicates it.
COMPLETION_ACTIONS = (
    ("Send a thank-you to {name}", 1),
    ("Report back to {name} on what you did with their advice", 14),
)

#: Pipeline order of contact stages, for moves that only go forward. A declined contact who
#: then talks to the user moves on like anyone else.
_STAGE_ORDER = {
    "declined": -1, "identified": 0, "to_contact": 1, "contacted": 2, "scheduled": 3,
    "interviewed": 4, "thanked": 5, "ongoing": 6,
}

#: The person as they were when the conversation was held, in the contact's field order.
HELD_FIELDS = ("held_organization", "held_role", "held_level")
HELD = vocab.HELD


# --- not held --------------------------------------------------------------------------------


def _interview_date(scheduled_at: str) -> _dt.date | None:
    if not scheduled_at:
        return None
    try:
        return _dt.date.fromisoformat(scheduled_at[:10])
    except ValueError:
        return None


class NotHeldError(ValidationError):
    """Evidence or a skill mention for a conversation that was not held: only held
    conversations count. ``when`` is its date (None when it has none)."""

    def __init__(self, field: str, when: _dt.date | None) -> None:
        super().__init__(field, "Only a conversation that was held counts as evidence. Mark "
                                "this conversation as held first.")
        self.when = when


def _require_held(interview: Interview, field: str) -> None:
    if interview.status != HELD:
        raise NotHeldError(field, _interview_date(interview.scheduled_at))


# --- completion ------------------------------------------------------------------------------


def complete_interview(interview_id: int, today: _dt.date | None = None) -> tuple[int, ...]:
    """Mark the conversation completed (held) and create its follow-up actions (a thank-you due the
    next day, a report-back due in 14 days), unless they exist already. The contact moves to
    the *interviewed* stage (unless already thanked or ongoing) and its last contact date to
    the interview's date (today when it has none or it lies in the future). The conversation
    keeps the contact's organization, role and level of this moment, unless it already has
    them (it was held before, or they were corrected). Returns the ids of the actions
    created."""
    with write():
        created = _complete(interview_id, today or clock.today())
    workspace.mark_changed()
    return created


def _complete(interview_id: int, day: _dt.date) -> tuple[int, ...]:
    """:func:`complete_interview`'s writes. Call inside a write."""
    created: list[int] = []
    interview = get_or_fail(Interview, interview_id, "interview")
    contact = Contact.get_by_id(interview.contact_id)
    data: dict[str, object] = {"status": HELD, "updated_at": utcnow()}
    if not any(getattr(interview, f) for f in HELD_FIELDS):
        data.update(_held_as(contact.id))
    Interview.update(data).where(Interview.id == interview_id).execute()
    existing = [
        t for (t,) in LogEntry.select(LogEntry.text)
        .where((LogEntry.interview == interview_id) & (LogEntry.kind == "action"))
        .tuples()
    ]
    for template, days in COMPLETION_ACTIONS:
        prefix = template.split("{name}")[0]
        if any(text.startswith(prefix) for text in existing):
            continue
        created.append(int(LogEntry.insert(
            kind="action", text=template.format(name=contact.name), entry_date=day,
            due_date=day + _dt.timedelta(days=days), contact=contact.id,
            interview=interview_id, path=interview.path_id,
        ).execute()))
    when = _interview_date(interview.scheduled_at)
    if when is None or when > day:
        when = day
    _advance_stage(contact.id, "interviewed", last_contact=when)
    return tuple(created)


def _held_as(contact_id: int) -> dict[str, str]:
    """The contact's organization, role and level now, as a held conversation keeps them."""
    organization, role, level = (Contact.select(Contact.organization, Contact.role,
                                                Contact.level)
                                 .where(Contact.id == contact_id).tuples().get())
    return {"held_organization": organization, "held_role": role, "held_level": level}


def _advance_stage(contact_id: int, stage: str, last_contact: _dt.date | None = None) -> None:
    """Move a contact forward in the pipeline (never back); optionally bring its last contact
    date forward. Call inside a write."""
    contact = Contact.get_by_id(contact_id)
    data: dict[str, object] = {}
    if _STAGE_ORDER.get(contact.stage, 0) < _STAGE_ORDER[stage]:
        data["stage"] = stage
    if last_contact is not None:
        current = contact.last_contact
        current_iso = str(current)[:10] if current else ""
        if last_contact.isoformat() > current_iso:
            data["last_contact"] = last_contact
    if data:
        data["updated_at"] = utcnow()
        Contact.update(data).where(Contact.id == contact_id).execute()


# --- holding from the question before evidence -----------------------------------------------


@dataclasses.dataclass(frozen=True)
class HoldOffer:
    """How a conversation that was not held would be marked held: on ``day``, its own date
    (``moves`` False) or today, moving it from ``planned`` (its future date, or None)."""

    day: _dt.date
    moves: bool
    planned: _dt.date | None


def _offer(scheduled_at: str, day: _dt.date) -> HoldOffer:
    when = _interview_date(scheduled_at)
    if when is not None and when <= day:
        return HoldOffer(when, False, when)
    return HoldOffer(day, True, when)


def hold_offer(interview_id: int, *, today: _dt.date | None = None) -> HoldOffer:
    """What :func:`hold_interview` would do, for the question asked before it."""
    interview = get_or_fail(Interview, interview_id, "interview")
    return _offer(interview.scheduled_at, today or clock.today())


@dataclasses.dataclass(frozen=True)
class HoldChange:
    """What :func:`hold_interview` changed, for :func:`unhold_interview` to put back: the
    conversation's status, date and held-as snapshot before, the follow-up actions it
    created, and its contact's stage and last contact date before."""

    interview_id: int
    day: _dt.date
    status: str
    scheduled_at: str
    held: tuple[str, str, str]  # in the order of HELD_FIELDS
    actions: tuple[int, ...]
    contact_id: int
    stage: str
    last_contact: _dt.date | None


def hold_interview(interview_id: int, *, today: _dt.date | None = None) -> HoldChange:
    """Mark a conversation held, as the question before recording evidence offers: on its own
    date when that is today or past, else (or when it has none) today, keeping its time; then
    as :func:`complete_interview`. One transaction. Returns what changed, to undo it."""
    day = today or clock.today()
    with write():
        interview = get_or_fail(Interview, interview_id, "interview")
        contact = Contact.get_by_id(interview.contact_id)
        offer = _offer(interview.scheduled_at, day)
        if offer.moves:
            time = interview.scheduled_at[10:] if offer.planned is not None else ""
            Interview.update(scheduled_at=day.isoformat() + time, updated_at=utcnow()).where(
                Interview.id == interview_id).execute()
        actions = _complete(interview_id, day)
    workspace.mark_changed()
    return HoldChange(
        interview_id=interview_id, day=day, status=interview.status,
        scheduled_at=interview.scheduled_at,
        held=tuple(getattr(interview, f) for f in HELD_FIELDS),  # type: ignore[arg-type]
        actions=actions, contact_id=contact.id, stage=contact.stage,
        last_contact=stored_date(contact.last_contact))


def unhold_interview(change: HoldChange) -> None:
    """Undo :func:`hold_interview`: the conversation's status, date and held-as snapshot as
    they were, the follow-up actions it created removed, its contact's stage and last contact
    date as they were. One transaction."""
    with write():
        get_or_fail(Interview, change.interview_id, "interview")
        Interview.update(
            status=change.status, scheduled_at=change.scheduled_at, updated_at=utcnow(),
            **dict(zip(HELD_FIELDS, change.held, strict=True)),
        ).where(Interview.id == change.interview_id).execute()
        if change.actions:
            LogEntry.delete().where(LogEntry.id.in_(list(change.actions))
                                    & (LogEntry.interview == change.interview_id)).execute()
        Contact.update(stage=change.stage, last_contact=change.last_contact,
                       updated_at=utcnow()).where(Contact.id == change.contact_id).execute()
    workspace.mark_changed()
