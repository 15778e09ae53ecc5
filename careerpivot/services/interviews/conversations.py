"""Conversations themselves: create one, change one field, delete one; the next round of a
conversation (:func:`schedule_follow_up`); and the people the interviewee introduced
(:func:`add_introduction`, :func:`remove_introduction`). A conversation created as held, or
set held, is completed as :mod:`.held` says; a new one or a next round gets its guide from
its path (:mod:`.guide`).
"""

from __future__ import annotations

from collections.abc import Callable

from careerpivot.core import vocab
from careerpivot.core.validation import (
    ValidationError,
    check_choice,
    check_range,
    clean_email,
    clean_line,
    clean_text,
    parse_datetime,
)
from careerpivot.services import guide_gaps, workspace
from careerpivot.services._base import delete_with_snapshot, get_or_fail, reference, utcnow, write
from careerpivot.services.interviews.guide import _fill_guide
from careerpivot.services.interviews.held import (
    HELD,
    _advance_stage,
    _held_as,
    complete_interview,
)
from careerpivot.services.interviews.reads import _TEXT_FIELDS
from careerpivot.store.models import Contact, ContactPath, Interview, Introduction, Path

Snapshot = workspace.Snapshot

MIN_MINUTES, MAX_MINUTES, DEFAULT_MINUTES = 5, 480, 30


# --- create, update, delete ------------------------------------------------------------------


def _contact_ref(value: object) -> int:
    return reference("contact", Contact, value, "This contact no longer exists.",
                     invalid="Choose who the conversation is with.", required=True)


def _path_ref(value: object) -> int | None:
    return reference("path", Path, value, "This path no longer exists.",
                     invalid="Choose a path.")


_FIELDS: dict[str, Callable[[object], object]] = {
    "contact": _contact_ref,
    "path": _path_ref,
    "scheduled_at": lambda v: parse_datetime("scheduled_at", v),
    "minutes": lambda v: check_range("minutes", v, MIN_MINUTES, MAX_MINUTES, integer=True),
    "mode": lambda v: check_choice("mode", str(v), vocab.INTERVIEW_MODES),
    "status": lambda v: check_choice("status", str(v), vocab.INTERVIEW_STATUSES),
    "fit_signal": lambda v: check_range("fit_signal", v, -2, 2, integer=True),
    **{f: (lambda v, f=f: clean_text(f, v)) for f in _TEXT_FIELDS},
    "held_organization": lambda v: clean_line("held_organization", v),
    "held_role": lambda v: clean_line("held_role", v),
    "held_level": lambda v: check_choice("held_level", str(v or "").strip(), vocab.LEVELS),
}


def create_interview(
    contact_id: int,
    path_id: int | None = None,
    scheduled_at: object = "",
    minutes: int = DEFAULT_MINUTES,
    mode: str = "video",
    status: str | None = None,
    context: str = "",
) -> int:
    """A new conversation with its guide filled from the path's core questions. ``status``
    defaults to ``scheduled`` when a date is given, else ``requested``; a scheduled
    conversation moves the contact forward to the *scheduled* stage."""
    when = _FIELDS["scheduled_at"](scheduled_at)
    values = {
        "scheduled_at": when,
        "minutes": _FIELDS["minutes"](minutes),
        "mode": _FIELDS["mode"](mode),
        "status": _FIELDS["status"](status or ("scheduled" if when else "requested")),
        "context": _FIELDS["context"](context),
    }
    with write():
        values["contact"] = _contact_ref(contact_id)
        values["path"] = _path_ref(path_id)
        interview_id = int(Interview.insert(**values).execute())
        _fill_guide(interview_id, values["path"],  # type: ignore[arg-type]
                    planned=guide_gaps.is_ahead(values["status"], when))
        if values["status"] == "scheduled":
            _advance_stage(values["contact"], "scheduled")  # type: ignore[arg-type]
    workspace.mark_changed()
    if values["status"] == HELD:
        complete_interview(interview_id)
    return interview_id


def update_interview(interview_id: int, field: str, value: object) -> None:
    """Change one field: contact, path, scheduled_at, minutes (5-480), mode, status,
    fit_signal (-2..2), context, notes, typical_week, challenges, success_metrics, surprises,
    resonated, and the person as they were when it was held (held_organization, held_role,
    held_level: to fix a typo). Setting the status to ``completed`` runs
    :func:`complete_interview`; to ``scheduled`` moves the contact forward to the scheduled
    stage. Changing the person of a held conversation takes their data again."""
    validate = _FIELDS.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    cleaned = validate(value)
    if field == "status" and cleaned == HELD:
        complete_interview(interview_id)
        return
    with write():
        interview = get_or_fail(Interview, interview_id, "interview")
        data: dict[str, object] = {field: cleaned, "updated_at": utcnow()}
        if field == "contact" and interview.status == HELD and cleaned != interview.contact_id:
            data.update(_held_as(cleaned))  # type: ignore[arg-type]
        Interview.update(data).where(Interview.id == interview_id).execute()
        if field == "status" and cleaned == "scheduled":
            _advance_stage(interview.contact_id, "scheduled")
    workspace.mark_changed()


def delete_interview(interview_id: int) -> Snapshot:
    """Delete a conversation with its guide, answers, evidence, mentions and introduction
    links; the contact (and any contact it introduced) stays. Undo restores everything."""
    get_or_fail(Interview, interview_id, "interview")
    return delete_with_snapshot(Interview, [interview_id], "interview")


# --- follow-ups and introductions ------------------------------------------------------------


def schedule_follow_up(interview_id: int) -> int:
    """A next round with the same contact and path (status requested, same mode and length),
    linked to this one, with the path's core questions as its guide."""
    with write():
        parent = get_or_fail(Interview, interview_id, "interview")
        new_id = int(Interview.insert(
            contact=parent.contact_id, path=parent.path_id, status="requested",
            mode=parent.mode, minutes=parent.minutes, follow_up_of=parent.id,
            round=(parent.round or 1) + 1,
        ).execute())
        _fill_guide(new_id, parent.path_id, planned=True)
    workspace.mark_changed()
    return new_id


def add_introduction(interview_id: int, name: str, organization: str = "", role: str = "",
                     email: str = "", level: str = "", notes: str = "") -> int:
    """A new contact introduced by the interviewee during this conversation (source
    ``interview``, linked to the conversation's path). Returns the new contact's id."""
    values = {
        "name": clean_line("name", name, required=True),
        "organization": clean_line("organization", organization),
        "role": clean_line("role", role),
        "email": clean_email("email", email),
        "level": check_choice("level", level or "", vocab.LEVELS),
        "notes": clean_text("notes", notes),
    }
    with write():
        interview = get_or_fail(Interview, interview_id, "interview")
        contact_id = int(Contact.insert(
            introduced_by=interview.contact_id, source="interview", stage="identified",
            **values,
        ).execute())
        Introduction.insert(interview=interview_id, contact=contact_id).execute()
        if interview.path_id is not None:
            ContactPath.insert(contact=contact_id, path=interview.path_id).execute()
    workspace.mark_changed()
    return contact_id


def remove_introduction(interview_id: int, contact_id: int) -> None:
    """Unlink an introduction from the conversation; the contact stays in the network."""
    with write():
        Introduction.delete().where(
            (Introduction.interview == interview_id) & (Introduction.contact == contact_id)
        ).execute()
    workspace.mark_changed()
