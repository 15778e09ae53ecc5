"""Outreach messages: the editable templates kept in the workspace, messages filled from a
contact, a conversation and the profile, and what sending one records.

Templates start as copies of ``core.question_bank.TEMPLATES`` (``services.seed``) and are the
user's to edit; :func:`reset_template` brings one back to its original words.

:func:`record_sent` is what "I sent it" means: an *outreach* entry in the tracking log (open,
waiting for a reply, for a request or a follow-up; done for a thank-you or a report-back), the
contact's last contact brought forward to today, their pipeline stage moved forward (never
back), and the matching open action ("Send a thank-you to ...") marked done. It returns what
it changed, so the UI can undo it exactly (:func:`undo_sent`).

:func:`unanswered_requests` finds the requests still without a reply and what each calls for
(``core.due.no_reply_suggestions``): the Overview lists them with what else is due. It reads
only the recent requests, whatever the size of the workspace.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
from collections import defaultdict
from urllib.parse import quote

import peewee as pw

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
    database,
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
#: Candidates named in a "contact a second person" suggestion.
MAX_CANDIDATES = 3
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


@dataclasses.dataclass(frozen=True)
class NoReply:
    """A suggestion for a request without a reply (``core.due.no_reply_suggestions``)."""

    contact_id: int
    name: str
    organization: str
    sent: _dt.date  # when the request went out
    suggestion: _due.Suggestion
    candidates: tuple[tuple[int, str], ...] = ()  # second person: others at the organization


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



# --- requests without a reply ----------------------------------------------------------------


def unanswered_requests(today: _dt.date) -> list[NoReply]:
    """The suggestions due for requests without a reply, by contact.

    A request is an open outreach entry to someone still waiting (identified, to contact or
    contacted). Someone marked *contacted* with no outreach in the log at all counts as asked
    on their last-contact date, so requests sent before the log existed are not forgotten.
    A second person is suggested only when nobody else at the organization is already
    reached or asked; the candidates are the others there not contacted yet.
    """
    waiting = list(_due.WAITING_STAGES)
    earliest = _due.earliest_request(today).isoformat()
    threads: dict[int, tuple[_dt.date, int]] = {}
    # the recent entries first, through their date's index (a cross join keeps SQLite from
    # walking the whole log in contact order to group it)
    logged = (
        LogEntry.select(LogEntry.contact, pw.fn.MIN(LogEntry.entry_date),
                        pw.fn.COUNT(LogEntry.id))
        .join(Contact, pw.JOIN.CROSS)
        .where((LogEntry.contact == Contact.id) & (LogEntry.kind == "outreach")
               & LogEntry.done_date.is_null() & (LogEntry.entry_date >= earliest)
               & Contact.stage.in_(waiting) & (Contact.archived == False))  # noqa: E712
        .group_by(LogEntry.contact + 0)
    )
    for c_id, first, count in database.execute(logged):
        sent = _date(first)
        if sent is not None:
            threads[c_id] = (sent, int(count))
    any_outreach = LogEntry.select(pw.SQL("1")).where(
        (LogEntry.contact == Contact.id) & (LogEntry.kind == "outreach"))
    unlogged = (
        Contact.select(Contact.id, Contact.last_contact)
        .where((Contact.stage == "contacted") & (Contact.archived == False)  # noqa: E712
               & (Contact.last_contact >= earliest) & ~pw.fn.EXISTS(any_outreach))
    )
    for c_id, last in database.execute(unlogged):
        sent = _date(last)
        if sent is not None and c_id not in threads:
            threads[c_id] = (sent, 1)
    if not threads:
        return []
    people = {c_id: (name, org or "") for c_id, name, org in database.execute(
        Contact.select(Contact.id, Contact.name, Contact.organization)
        .where(Contact.id.in_(list(threads))))}
    found: list[tuple[int, _dt.date, _due.Suggestion]] = []
    for c_id, (sent, count) in threads.items():
        org = people[c_id][1]
        for s in _due.no_reply_suggestions(sent, today, followed_up=count >= 2,
                                           has_organization=bool(org.strip())):
            found.append((c_id, sent, s))
    spellings = _spellings({name_key(people[c_id][1]) for c_id, _sent, s in found
                            if s.rule == _due.SECOND_PERSON})
    asked = _people_at(spellings, _ASKED, 2, by_name=False)
    # a second person is suggested only where nobody else is asked already
    open_orgs = {name_key(people[c_id][1]) for c_id, _sent, s in found
                 if s.rule == _due.SECOND_PERSON
                 and not [i for i, _n, _s in asked.get(name_key(people[c_id][1]), ())
                          if i != c_id]}
    fresh = _people_at({k: v for k, v in spellings.items() if k in open_orgs}, _FRESH,
                       MAX_CANDIDATES + 1, by_name=True)
    rows = []
    for c_id, sent, s in found:
        name, org = people[c_id]
        candidates: tuple[tuple[int, str], ...] = ()
        if s.rule == _due.SECOND_PERSON:
            key = name_key(org)
            if key not in open_orgs:
                continue  # someone else there is already reached or asked
            others = sorted((c for c in fresh.get(key, ()) if c[0] != c_id),
                            key=_candidate_order)
            candidates = tuple((i, n) for i, n, _s in others[:MAX_CANDIDATES])
        rows.append(NoReply(c_id, name, org, sent, s, candidates))
    return rows


#: Someone at the organization already in conversation with the user, or asked.
_ASKED = tuple(sorted(_due.REACHED_STAGES | {"contacted"}))
#: Someone there who could be asked next.
_FRESH = ("to_contact", "identified")


def _candidate_order(c: tuple[int, str, str]) -> tuple[bool, str, int]:
    return (c[2] != "to_contact", name_key(c[1]), c[0])


def _spellings(org_keys: set[str]) -> dict[str, list[str]]:
    """The spellings in the workspace of each folded organization (``name_key``) named,
    from the organizations' index."""
    found: dict[str, list[str]] = defaultdict(list)
    if org_keys:
        for (org,) in database.execute(Contact.select(Contact.organization).distinct()
                                       .where(Contact.organization != "")):
            key = name_key(org)
            if key in org_keys:
                found[key].append(org)
    return found


def _people_at(spellings: dict[str, list[str]], stages: tuple[str, ...], first: int, *,
               by_name: bool) -> dict[str, list[tuple[int, str, str]]]:
    """By folded organization: the first ``first`` current contacts in one of ``stages`` at
    each spelling of it (by :func:`_candidate_order`, or any when not ``by_name``), as (id,
    name, stage). Each spelling is looked up in the organizations' index, and the search
    stops at ``first`` people."""
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    names = [org for orgs in spellings.values() for org in orgs]
    if not names:
        return found
    order = "ORDER BY x.stage != 'to_contact', name_key(x.name), x.id" if by_name else ""
    table = Contact._meta.table_name
    sql = (f"WITH o(org) AS (VALUES {', '.join('(?)' for _ in names)}) "
           f"SELECT o.org, c.id, c.name, c.stage FROM o JOIN {table} AS c ON c.id IN "
           f"(SELECT x.id FROM {table} AS x WHERE x.organization = o.org AND x.archived = 0 "
           f"AND x.stage IN ({', '.join('?' * len(stages))}) {order} LIMIT ?)")
    with_name_key()
    for org, c_id, name, stage in database.execute_sql(sql, (*names, *stages, first)):
        found[name_key(org)].append((c_id, name, stage))
    return found


@functools.lru_cache(maxsize=1 << 14)
def _short_name_key(text: str) -> str:
    return name_key(text)


def _sql_name_key(text: object) -> str:
    """``name_key`` for SQL: names and titles come back at every reload, so the short ones
    are kept."""
    if not isinstance(text, str):
        return ""
    return _short_name_key(text) if len(text) <= 80 else name_key(text)


def with_name_key() -> None:
    """``name_key`` as an SQL function on this thread's connection, so that a query sorts
    names as every list does."""
    database.connection().create_function("name_key", 1, _sql_name_key, deterministic=True)
