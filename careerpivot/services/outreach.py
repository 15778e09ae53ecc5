"""Outreach messages: the editable templates kept in the workspace, messages filled from a
contact, a conversation and the profile, and what sending one records.

Templates start as copies of ``core.question_bank.TEMPLATES`` (``services.seed``) and are the
user's to edit; :func:`reset_template` brings one back to its original words.

:func:`record_sent` is what "I sent it" means: an *outreach* entry in the tracking log (open,
waiting for a reply, for a request or a follow-up; done for a thank-you or a report-back), the
contact's last contact brought forward to today, their pipeline stage moved forward (never
back), and the matching open action ("Send a thank-you to ...") marked done. It returns what
it changed, so the UI can undo it exactly (:func:`undo_sent`).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from urllib.parse import quote

from careerpivot.core import checkins, clock, question_bank
from careerpivot.core import due as _due
from careerpivot.core import templates as _templates
from careerpivot.core.errors import NotFoundError
from careerpivot.core.validation import (
    ValidationError,
    clean_line,
    clean_text,
    name_key,
)
from careerpivot.services import workspace
from careerpivot.services._base import get_or_fail, utcnow, write
from careerpivot.services._base import stored_date as _date
from careerpivot.store.models import (
    Contact,
    ContactPath,
    Interview,
    LogEntry,
    Path,
    Profile,
    Setting,
    Template,
)

REQUEST, THANK_YOU, REPORT_BACK, FOLLOW_UP = "request", "thank_you", "report_back", "follow_up"
#: The templates in the order of the conversation they serve.
ORDER = (REQUEST, FOLLOW_UP, THANK_YOU, REPORT_BACK)

#: Where a contact's stage moves when a message of this template is sent (forward only).
STAGE_AFTER = {REQUEST: "contacted", FOLLOW_UP: "contacted", THANK_YOU: "thanked",
               REPORT_BACK: "ongoing"}
#: Messages that wait for an answer: their log entry stays open until the conversation moves.
AWAITS_REPLY = frozenset({REQUEST, FOLLOW_UP})
#: Words that identify the open action a message fulfils (casefolded, in the action's text).
CLOSES_ACTIONS = {THANK_YOU: ("thank-you", "thank you", "thanks"),
                  REPORT_BACK: ("report back", "report-back")}

LEARNING_GOAL_KEY = "outreach.learning_goal"
MAX_SUBJECT = 300
MAX_BODY = 10_000


@dataclasses.dataclass(frozen=True)
class TemplateRow:
    id: int
    key: str
    name: str
    subject: str
    body: str
    placeholders: tuple[str, ...]  # known placeholders used in the subject and body


@dataclasses.dataclass(frozen=True)
class Message:
    template_key: str
    contact_id: int
    contact_name: str
    email: str
    subject: str
    body: str
    #: Placeholders without a value, filled with their fallback text (core.templates).
    missing: tuple[str, ...]
    interview_id: int | None
    path_id: int | None


@dataclasses.dataclass(frozen=True)
class Sent:
    """What :func:`record_sent` changed (for undo)."""

    entry_id: int
    contact_id: int
    stage_before: str
    last_contact_before: _dt.date | None
    closed_actions: tuple[int, ...]




# --- templates -------------------------------------------------------------------------------


def _template_row(t: tuple) -> TemplateRow:
    t_id, key, name, subject, body = t
    used = _templates.placeholders_in(f"{subject}\n{body}")
    return TemplateRow(t_id, key, name, subject, body, used)


def _order(key: str) -> int:
    return ORDER.index(key) if key in ORDER else len(ORDER)


def list_templates() -> list[TemplateRow]:
    rows = [_template_row(t) for t in Template.select(
        Template.id, Template.key, Template.name, Template.subject, Template.body).tuples()]
    rows.sort(key=lambda r: (_order(r.key), name_key(r.name), r.id))
    return rows


def get_template(key: str) -> TemplateRow:
    found = list(Template.select(Template.id, Template.key, Template.name, Template.subject,
                                 Template.body).where(Template.key == key).tuples())
    if not found:
        raise NotFoundError("This message template no longer exists.")
    return _template_row(found[0])


_TEMPLATE_FIELDS = {
    "name": lambda v: clean_line("name", v, required=True, max_len=100),
    "subject": lambda v: clean_line("subject", v, max_len=MAX_SUBJECT),
    "body": lambda v: clean_text("body", v, required=True, max_len=MAX_BODY),
}


def update_template(key: str, field: str, value: object) -> None:
    """Change a template's name, subject or body (kept in the workspace)."""
    validate = _TEMPLATE_FIELDS.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    cleaned = validate(value)
    with write():
        if not Template.select().where(Template.key == key).exists():
            raise NotFoundError("This message template no longer exists.")
        Template.update({field: cleaned, "updated_at": utcnow()}).where(
            Template.key == key).execute()
    workspace.mark_changed()


def default_template(key: str) -> question_bank.TemplateText | None:
    return next((t for t in question_bank.TEMPLATES if t.key == key), None)


def reset_template(key: str) -> TemplateRow:
    """Bring a template back to its original words; returns it as it was before (for undo)."""
    original = default_template(key)
    if original is None:
        raise NotFoundError("This template has no original version to go back to.")
    before = get_template(key)
    with write():
        Template.update(name=original.name, subject=original.subject, body=original.body,
                        updated_at=utcnow()).where(Template.key == key).execute()
    workspace.mark_changed()
    return before


# --- filling a message -----------------------------------------------------------------------


def learning_goal() -> str:
    """The learning goal last used in a message ("" when none yet)."""
    row = Setting.get_or_none(Setting.key == LEARNING_GOAL_KEY)
    return row.value if row is not None else ""


def set_learning_goal(text: object) -> None:
    cleaned = clean_line("learning_goal", text, max_len=300)
    with write():
        Setting.replace(key=LEARNING_GOAL_KEY, value=cleaned).execute()
    workspace.mark_changed()


def human_date(day: _dt.date | None) -> str:
    """"12 March" (with the year when it is not this year's)."""
    if day is None:
        return ""
    text = f"{day.day} {day:%B}"
    if day.year != clock.today().year:
        text += f" {day.year}"
    return text


def _default_interview(contact_id: int) -> int | None:
    """The contact's latest completed conversation (or latest dated one)."""
    row = (Interview.select(Interview.id)
           .where(Interview.contact == contact_id)
           .order_by(Interview.status != "completed", Interview.scheduled_at.desc(),
                     Interview.id.desc())
           .first())
    return row.id if row is not None else None


def compose(template_key: str, contact_id: int, *, interview_id: int | None = None,
            path_id: int | None = None, goal: str | None = None) -> Message:
    """A message from a template, filled for a contact. The conversation defaults (for a
    thank-you or report-back) to the contact's latest completed one; the path to the
    conversation's, else the contact's first path; the learning goal to the last one used."""
    template = get_template(template_key)
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is None:
        raise NotFoundError("This contact no longer exists (it may have been deleted).")
    if interview_id is None and template_key in (THANK_YOU, REPORT_BACK):
        interview_id = _default_interview(contact_id)
    interview = Interview.get_or_none(Interview.id == interview_id) if interview_id else None
    if interview is None:
        interview_id = None
    if path_id is None and interview is not None:
        path_id = interview.path_id
    if path_id is None:
        link = (ContactPath.select(ContactPath.path).join(Path)
                .where(ContactPath.contact == contact_id)
                .order_by(Path.position, Path.id).first())
        path_id = link.path_id if link is not None else None
    path = Path.get_or_none(Path.id == path_id) if path_id else None
    profile = Profile.get_or_none(Profile.id == 1)
    values = {
        "contact_first_name": _templates.first_name(contact.name),
        "contact_name": contact.name,
        "organization": contact.organization,
        "my_name": profile.full_name if profile is not None else "",
        "path_title": path.title if path is not None else "",
        "learning_goal": learning_goal() if goal is None else goal,
        "interview_date": human_date(_date(interview.scheduled_at)) if interview else "",
    }
    subject = _templates.fill(template.subject, values)
    body = _templates.fill(template.body, values)
    missing = tuple(dict.fromkeys(subject.missing + body.missing))
    return Message(
        template_key=template_key, contact_id=contact_id, contact_name=contact.name,
        email=contact.email or "", subject=subject.text, body=body.text, missing=missing,
        interview_id=interview_id, path_id=path.id if path is not None else None,
    )


def mailto_url(email: str, subject: str, body: str) -> str:
    """A ``mailto:`` link (RFC 6068) with the subject and body percent-encoded; line breaks
    become CRLF as the RFC asks."""
    to = quote((email or "").strip(), safe="@+")
    body_crlf = (body or "").replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    query = f"subject={quote(subject or '', safe='')}&body={quote(body_crlf, safe='')}"
    return f"mailto:{to}?{query}"


# --- sending ---------------------------------------------------------------------------------


def record_sent(contact_id: int, template_key: str, text: str, *,
                interview_id: int | None = None, path_id: int | None = None,
                subject: str = "") -> Sent:
    """Record that a message was sent today (see the module's docstring)."""
    body = clean_text("text", text, required=True, max_len=MAX_BODY)
    subject = clean_line("subject", subject, max_len=MAX_SUBJECT)
    today = clock.today()
    with write():
        contact = get_or_fail(Contact, contact_id, "contact")
        template = Template.get_or_none(Template.key == template_key)
        if template is None:
            raise NotFoundError("This message template no longer exists.")
        if interview_id is not None and not Interview.select().where(
                Interview.id == interview_id).exists():
            interview_id = None
        if path_id is not None and not Path.select().where(Path.id == path_id).exists():
            path_id = None
        headline = f"{template.name} sent to {contact.name}"
        if subject:
            headline += f": “{subject}”"
        now = utcnow()
        entry_id = int(LogEntry.insert(
            kind="outreach", text=f"{headline}\n\n{body}", entry_date=today,
            done_date=None if template_key in AWAITS_REPLY else today,
            contact=contact_id, interview=interview_id, path=path_id,
            created_at=now, updated_at=now,
        ).execute())
        closed = _close_actions(contact_id, template_key, today)
        before_stage, before_last = contact.stage, _date(contact.last_contact)
        data: dict[str, object] = {}
        stage = _due.forward_stage(before_stage, STAGE_AFTER.get(template_key, "contacted"))
        if stage != before_stage:
            data["stage"] = stage
        last = checkins.later_contact(before_last, today)
        if last != before_last:
            data["last_contact"] = last
        if data:
            data["updated_at"] = now
            Contact.update(data).where(Contact.id == contact_id).execute()
    workspace.mark_changed()
    return Sent(entry_id, contact_id, before_stage, before_last, closed)


def _close_actions(contact_id: int, template_key: str, today: _dt.date) -> tuple[int, ...]:
    words = CLOSES_ACTIONS.get(template_key)
    if not words:
        return ()
    candidates = (LogEntry.select(LogEntry.id, LogEntry.text)
                  .where((LogEntry.contact == contact_id) & (LogEntry.kind == "action")
                         & LogEntry.done_date.is_null())
                  .order_by(LogEntry.due_date, LogEntry.id).tuples())
    closed = tuple(i for i, text in candidates
                   if any(w in (text or "").casefold() for w in words))
    if closed:
        LogEntry.update(done_date=today, updated_at=utcnow()).where(
            LogEntry.id.in_(list(closed))).execute()
    return closed


def undo_sent(sent: Sent) -> None:
    """Take back :func:`record_sent`: the log entry goes, the actions it closed open again,
    the contact's stage and last contact are put back."""
    with write():
        LogEntry.delete().where(LogEntry.id == sent.entry_id).execute()
        if sent.closed_actions:
            LogEntry.update(done_date=None, updated_at=utcnow()).where(
                LogEntry.id.in_(list(sent.closed_actions))).execute()
        Contact.update(stage=sent.stage_before, last_contact=sent.last_contact_before,
                       updated_at=utcnow()).where(Contact.id == sent.contact_id).execute()
    workspace.mark_changed()

