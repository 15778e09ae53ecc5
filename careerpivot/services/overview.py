"""The Overview: what is due, the charts, and Find everywhere.

:func:`due_items` gathers, relative to a given today, every follow-up action, scheduled
conversation, plan milestone, check-in and outreach suggestion that is overdue or due today,
this week or in the coming weeks (``core.due`` decides the buckets, the snooze rule and the
"no reply" rules; ``core.checkins`` the check-in dates). It reads the workspace with one query
per kind whatever its size, plus one for the snoozes and, when a "contact a second person"
suggestion needs them, one for the people at the same organizations.

Snoozes of items that have no column for it (check-ins, milestones, outreach suggestions) and
dismissed suggestions are kept in the workspace, in one ``Setting`` row (:data:`SNOOZE_KEY`)
holding ``{item key: "YYYY-MM-DD" or "done"}``.

:func:`chart_data` computes the four charts with grouped queries. :func:`find_everywhere`
searches contacts, conversations (their answers and notes included), assumptions, skills,
milestones and log entries through the full-text index (``store/search.py``), a limit per
kind.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import peewee as pw

from careerpivot.core import checkins, clock, due, vocab
from careerpivot.core import plan as _plan
from careerpivot.core import priority as _priority
from careerpivot.core.errors import NotFoundError
from careerpivot.core.text import fold, fold_with_map
from careerpivot.core.validation import ValidationError, name_key
from careerpivot.services import log as _log
from careerpivot.services import network, workspace
from careerpivot.services._base import stored_date as _date
from careerpivot.services._base import write

if TYPE_CHECKING:
    from careerpivot.services.paths import PathStatusCounts
from careerpivot.store import search as _search
from careerpivot.store.models import (
    Answer,
    Assumption,
    Contact,
    Interview,
    LogEntry,
    Milestone,
    Path,
    Phase,
    Setting,
    Skill,
    database,
)

ACTION, INTERVIEW, MILESTONE, CHECKIN, OUTREACH = (
    "action", "interview", "milestone", "checkin", "outreach")
#: Kinds in the order they are listed within one day.
KIND_ORDER = (INTERVIEW, ACTION, MILESTONE, CHECKIN, OUTREACH)

SNOOZE_KEY = "overview.snoozed"
DONE = "done"
#: A scheduled conversation whose day passed more than this many days ago is left to the
#: Interviews tab instead of staying overdue here for ever.
PAST_INTERVIEW_DAYS = 30
#: Candidates named in a "contact a second person" suggestion.
MAX_CANDIDATES = 3


# --- rows ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DueItem:
    key: str  # unique, stable: "action:12", "checkin:7", "outreach:7:follow_up:2026-03-02"
    kind: str  # action, interview, milestone, checkin, outreach
    item_id: int  # log entry, interview, milestone or contact (check-ins and outreach)
    bucket: str  # core.due.BUCKETS
    due: _dt.date  # the effective due date (snooze applied)
    original_due: _dt.date | None  # before the snooze
    days_late: int
    text: str  # the user's words: the action, the milestone's title, the contact's name
    contact_id: int | None
    contact_name: str
    organization: str
    path_title: str
    open_kind: str  # what to pass to DataBus.show_item
    open_id: int
    can_done: bool
    can_snooze: bool
    rule: str = ""  # outreach: core.due.SECOND_PERSON / FOLLOW_UP; check-in: "never"
    waited: int = 0  # outreach: business days without a reply
    sent: _dt.date | None = None  # outreach: when the request went out
    candidates: tuple[tuple[int, str], ...] = ()  # outreach: people at the same organization
    time: str = ""  # interviews: "HH:MM"
    minutes: int = 0
    mode: str = ""
    phase: str = ""  # milestones: the phase's name
    partner: str = ""  # milestones: the accountability partner

    @property
    def snoozed(self) -> bool:
        return self.original_due is not None and self.due > self.original_due


@dataclasses.dataclass(frozen=True)
class AgendaRow:
    """A scheduled conversation for the "upcoming interviews" list."""

    id: int
    day: _dt.date
    time: str
    minutes: int
    mode: str
    contact_id: int
    contact_name: str
    organization: str
    role: str
    level: str
    path_title: str
    round: int
    days_until: int


@dataclasses.dataclass(frozen=True)
class SkillBar:
    skill_id: int
    name: str
    essential: int  # conversations that rated it essential
    important: int
    nice: int
    evidence: float  # core.priority.evidence_points
    gap: int | None  # None: not assessed


@dataclasses.dataclass(frozen=True)
class PhaseBar:
    phase_id: int
    name: str
    done: int
    in_progress: int
    planned: int  # planned and not overdue
    overdue: int  # not done, due date passed
    missed: int

    @property
    def total(self) -> int:
        return self.done + self.in_progress + self.planned + self.overdue + self.missed

    @property
    def percent(self) -> int:
        return _plan.Progress(self.done, self.total).percent


@dataclasses.dataclass(frozen=True)
class ChartData:
    paths: tuple[PathStatusCounts, ...]
    pipeline: tuple[tuple[str, int], ...]  # (stage key, contacts) in pipeline order
    skills: tuple[SkillBar, ...]  # the top skills by evidence
    phases: tuple[PhaseBar, ...]
    conversations: int  # completed conversations
    people: int  # current contacts
    assumptions: int
    tested: int  # assumptions with a status other than untested
    triangulated: int


@dataclasses.dataclass(frozen=True)
class FindResult:
    kind: str  # contact, interview, assumption, skill, milestone, log (DataBus.show_item)
    item_id: int
    title: str
    detail: str
    snippet: str  # where the words were found, when not in the title


@dataclasses.dataclass(frozen=True)
class DoneRecord:
    """What :func:`mark_done` changed (for :func:`undo_done`)."""

    key: str
    kind: str
    item_id: int
    previous: object
    entry_id: int | None = None


# --- small helpers ---------------------------------------------------------------------------




def _iso(day: _dt.date) -> str:
    return day.isoformat()


def _rows(query: pw.Query) -> Iterator[tuple]:
    """A query's rows as the database returns them (dates stay ISO text): several times
    faster than peewee's conversions over the thousands of rows of a large workspace. Read
    one at a time, never all at once: the charts go through tens of thousands of rows."""
    return iter(database.execute(query))


def snoozes() -> dict[str, str]:
    """The stored snoozes and dismissals: {item key: "YYYY-MM-DD" or "done"}."""
    row = Setting.get_or_none(Setting.key == SNOOZE_KEY)
    if row is None or not row.value:
        return {}
    try:
        data = json.loads(row.value)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _store_snoozes(data: dict[str, str]) -> None:
    today = clock.today()
    horizon = _iso(today - _dt.timedelta(days=365))
    # forget snoozes that ended long ago (a dismissal is kept: its item's key may come back)
    kept = {k: v for k, v in data.items() if v == DONE or v >= horizon}
    Setting.replace(key=SNOOZE_KEY, value=json.dumps(kept, sort_keys=True)).execute()


def _snooze_date(value: str | None) -> _dt.date | None:
    return None if not value or value == DONE else _date(value)


def _item(kind: str, item_id: int, key: str, original: _dt.date, snooze: _dt.date | None,
          today: _dt.date, horizon_days: int, **fields: object) -> DueItem | None:
    effective = due.effective_due(original, snooze)
    assert effective is not None
    bucket = due.bucket(effective, today, horizon_days=horizon_days)
    if bucket is None:
        return None
    values: dict[str, object] = {
        "contact_id": None, "contact_name": "", "organization": "", "path_title": "",
        "open_kind": kind, "open_id": item_id, "can_done": True, "can_snooze": True,
    }
    values.update(fields)
    return DueItem(key=key, kind=kind, item_id=item_id, bucket=bucket, due=effective,
                   original_due=original, days_late=due.days_late(effective, today),
                   **values)  # type: ignore[arg-type]


# --- what is due -----------------------------------------------------------------------------


def due_items(today: _dt.date | None = None, *,
              horizon_days: int = due.HORIZON_DAYS) -> list[DueItem]:
    """Everything overdue or due up to ``horizon_days`` ahead, most urgent first: by bucket,
    then date, then kind (conversations first), then text."""
    today = today or clock.today()
    horizon = today + _dt.timedelta(days=horizon_days)
    stored = snoozes()
    items: list[DueItem] = []
    items += _actions(today, horizon, horizon_days)
    items += _interviews(today, horizon, horizon_days)
    items += _milestones(today, horizon, horizon_days, stored)
    items += _checkins(today, horizon, horizon_days, stored)
    items += _outreach(today, horizon_days, stored)
    order = {b: i for i, b in enumerate(due.BUCKETS)}
    kinds = {k: i for i, k in enumerate(KIND_ORDER)}
    items.sort(key=lambda i: (order[i.bucket], i.due, kinds[i.kind], i.time,
                              name_key(i.text), i.item_id))
    return items


def _actions(today: _dt.date, horizon: _dt.date, horizon_days: int) -> list[DueItem]:
    query = (
        LogEntry.select(LogEntry.id, LogEntry.text, LogEntry.due_date, LogEntry.snoozed_until,
                        LogEntry.contact, pw.fn.COALESCE(Contact.name, ""),
                        pw.fn.COALESCE(Contact.organization, ""),
                        pw.fn.COALESCE(Path.title, ""))
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(LogEntry.contact == Contact.id))
        .switch(LogEntry)
        .join(Path, pw.JOIN.LEFT_OUTER, on=(LogEntry.path == Path.id))
        .where((LogEntry.due_date <= _iso(horizon)) & LogEntry.done_date.is_null()
               & (LogEntry.kind == _log.ACTION))
    )
    found = []
    for e_id, text, due_date, snoozed, c_id, c_name, org, path in _rows(query):
        original = _date(due_date)
        if original is None:
            continue
        item = _item(ACTION, e_id, f"{ACTION}:{e_id}", original, _date(snoozed), today,
                     horizon_days, text=text, contact_id=c_id, contact_name=c_name,
                     organization=org, path_title=path, open_kind="log")
        if item is not None:
            found.append(item)
    return found


def _interviews(today: _dt.date, horizon: _dt.date, horizon_days: int) -> list[DueItem]:
    start = today - _dt.timedelta(days=PAST_INTERVIEW_DAYS)
    query = (
        Interview.select(Interview.id, Interview.scheduled_at, Interview.minutes,
                         Interview.mode, Contact.id, Contact.name, Contact.organization,
                         pw.fn.COALESCE(Path.title, ""))
        .join(Contact, on=(Interview.contact == Contact.id))
        .switch(Interview)
        .join(Path, pw.JOIN.LEFT_OUTER, on=(Interview.path == Path.id))
        .where((Interview.scheduled_at >= _iso(start))
               & (Interview.scheduled_at < _iso(horizon + _dt.timedelta(days=1)))
               & (Interview.status == "scheduled"))
    )
    found = []
    for i_id, when, minutes, mode, c_id, c_name, org, path in _rows(query):
        day = _date(when)
        if day is None:
            continue
        item = _item(INTERVIEW, i_id, f"{INTERVIEW}:{i_id}", day, None, today, horizon_days,
                     text=c_name, contact_id=c_id, contact_name=c_name, organization=org,
                     path_title=path, can_done=False, can_snooze=False,
                     time=(when or "")[11:16], minutes=int(minutes or 0), mode=mode or "")
        if item is not None:
            found.append(item)
    return found


def _milestones(today: _dt.date, horizon: _dt.date, horizon_days: int,
                stored: dict[str, str]) -> list[DueItem]:
    query = (
        Milestone.select(Milestone.id, Milestone.title, Milestone.due_date, Phase.name,
                         pw.fn.COALESCE(Contact.name, ""), Milestone.partner)
        .join(Phase, on=(Milestone.phase == Phase.id))
        .switch(Milestone)
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(Milestone.partner == Contact.id))
        .where((Milestone.due_date <= _iso(horizon))
               & Milestone.status.not_in([_plan.DONE, "missed"]))
    )
    found = []
    for m_id, title, due_date, phase, partner, partner_id in _rows(query):
        original = _date(due_date)
        if original is None:
            continue
        key = f"{MILESTONE}:{m_id}"
        item = _item(MILESTONE, m_id, key, original, _snooze_date(stored.get(key)), today,
                     horizon_days, text=title, phase=phase, partner=partner,
                     contact_id=partner_id)
        if item is not None:
            found.append(item)
    return found


def _checkins(today: _dt.date, horizon: _dt.date, horizon_days: int,
              stored: dict[str, str]) -> list[DueItem]:
    # next check-in = last contact + cadence; never contacted = due today (core.checkins)
    next_date = pw.fn.date(Contact.last_contact,
                           pw.fn.printf("+%d days", Contact.cadence_days))
    query = (
        Contact.select(Contact.id, Contact.name, Contact.organization, Contact.last_contact,
                       Contact.cadence_days)
        .where((Contact.cadence_days > 0) & (Contact.archived == False)  # noqa: E712
               & (Contact.last_contact.is_null() | (next_date <= _iso(horizon))))
    )
    found = []
    for c_id, name, org, last, cadence in _rows(query):
        last_date = _date(last)
        original = checkins.next_checkin(last_date, int(cadence)) or today
        key = f"{CHECKIN}:{c_id}"
        item = _item(CHECKIN, c_id, key, original, _snooze_date(stored.get(key)), today,
                     horizon_days, text=name, contact_id=c_id, contact_name=name,
                     organization=org or "", open_kind="contact",
                     rule="never" if last_date is None else "")
        if item is not None:
            found.append(item)
    return found


def _outreach(today: _dt.date, horizon_days: int, stored: dict[str, str]) -> list[DueItem]:
    """Requests without a reply (core.due.no_reply_suggestions).

    A request is an open outreach entry to someone still waiting (identified, to contact or
    contacted). Someone marked *contacted* with no outreach in the log at all counts as asked
    on their last-contact date, so requests sent before the log existed are not forgotten.
    """
    waiting = list(due.WAITING_STAGES)
    # requests can only be due once STALE_AFTER business days have not yet passed
    earliest = _iso(today - _dt.timedelta(days=due.STALE_AFTER * 7 // 5 + 7))
    threads: dict[int, tuple[_dt.date, int]] = {}
    logged = (
        LogEntry.select(LogEntry.contact, pw.fn.MIN(LogEntry.entry_date),
                        pw.fn.COUNT(LogEntry.id))
        .join(Contact, on=(LogEntry.contact == Contact.id))
        .where((LogEntry.kind == _log.OUTREACH) & LogEntry.done_date.is_null()
               & (LogEntry.entry_date >= earliest)
               & Contact.stage.in_(waiting) & (Contact.archived == False))  # noqa: E712
        .group_by(LogEntry.contact)
    )
    for c_id, first, count in _rows(logged):
        sent = _date(first)
        if sent is not None:
            threads[c_id] = (sent, int(count))
    any_outreach = LogEntry.select(pw.SQL("1")).where(
        (LogEntry.contact == Contact.id) & (LogEntry.kind == _log.OUTREACH))
    unlogged = (
        Contact.select(Contact.id, Contact.last_contact)
        .where((Contact.stage == "contacted") & (Contact.archived == False)  # noqa: E712
               & (Contact.last_contact >= earliest) & ~pw.fn.EXISTS(any_outreach))
    )
    for c_id, last in _rows(unlogged):
        sent = _date(last)
        if sent is not None and c_id not in threads:
            threads[c_id] = (sent, 1)
    if not threads:
        return []

    people = {
        c_id: (name, org or "", stage)
        for c_id, name, org, stage in Contact.select(
            Contact.id, Contact.name, Contact.organization, Contact.stage)
        .where(Contact.id.in_(list(threads))).tuples()
    }
    suggestions = []
    needs_org: set[str] = set()
    for c_id, (sent, count) in threads.items():
        name, org, _stage = people[c_id]
        for s in due.no_reply_suggestions(sent, today, followed_up=count >= 2,
                                          has_organization=bool(org.strip())):
            suggestions.append((c_id, sent, s))
            if s.rule == due.SECOND_PERSON:
                needs_org.add(name_key(org))
    colleagues = _colleagues(needs_org) if needs_org else {}

    found = []
    for c_id, sent, s in suggestions:
        name, org, _stage = people[c_id]
        candidates: tuple[tuple[int, str], ...] = ()
        if s.rule == due.SECOND_PERSON:
            others = [c for c in colleagues.get(name_key(org), ()) if c[0] != c_id]
            if any(stage in due.REACHED_STAGES or stage == "contacted"
                   for _i, _n, stage in others):
                continue  # someone else there is already reached or asked
            fresh = [c for c in others if c[2] in ("to_contact", "identified")]
            fresh.sort(key=lambda c: (c[2] != "to_contact", name_key(c[1]), c[0]))
            candidates = tuple((i, n) for i, n, _s in fresh[:MAX_CANDIDATES])
        key = f"{OUTREACH}:{c_id}:{s.rule}:{_iso(sent)}"
        value = stored.get(key)
        if value == DONE:
            continue
        item = _item(OUTREACH, c_id, key, s.due, _snooze_date(value), today, horizon_days,
                     text=name, contact_id=c_id, contact_name=name, organization=org,
                     open_kind="contact", rule=s.rule, waited=s.waited, sent=sent,
                     candidates=candidates)
        if item is not None:
            found.append(item)
    return found


def _colleagues(org_keys: set[str]) -> dict[str, list[tuple[int, str, str]]]:
    """Current contacts by folded organization, for the given organizations only."""
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    query = (Contact.select(Contact.id, Contact.name, Contact.organization, Contact.stage)
             .where((Contact.organization != "") & (Contact.archived == False)))  # noqa: E712
    cache: dict[str, str] = {}
    for c_id, name, org, stage in _rows(query):
        key = cache.get(org)
        if key is None:
            key = cache[org] = name_key(org)
        if key in org_keys:
            found[key].append((c_id, name, stage))
    return found


def upcoming_interviews(today: _dt.date | None = None, *, days: int = 14,
                        limit: int = 50) -> list[AgendaRow]:
    """Scheduled conversations from today to ``days`` ahead, soonest first."""
    today = today or clock.today()
    end = today + _dt.timedelta(days=days + 1)
    query = (
        Interview.select(Interview.id, Interview.scheduled_at, Interview.minutes,
                         Interview.mode, Contact.id, Contact.name, Contact.organization,
                         Contact.role, Contact.level, pw.fn.COALESCE(Path.title, ""),
                         Interview.round)
        .join(Contact, on=(Interview.contact == Contact.id))
        .switch(Interview)
        .join(Path, pw.JOIN.LEFT_OUTER, on=(Interview.path == Path.id))
        .where((Interview.scheduled_at >= _iso(today)) & (Interview.scheduled_at < _iso(end))
               & (Interview.status == "scheduled"))
        .order_by(Interview.scheduled_at, Interview.id)
        .limit(limit)
    )
    rows = []
    for (i_id, when, minutes, mode, c_id, name, org, role, level, path,
         round_) in _rows(query):
        day = _date(when)
        if day is None:
            continue
        rows.append(AgendaRow(i_id, day, (when or "")[11:16], int(minutes or 0), mode or "",
                              c_id, name, org or "", role or "", level or "", path,
                              int(round_ or 1), (day - today).days))
    return rows


# --- acting on due items ---------------------------------------------------------------------


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
        data[key] = _iso(due.combine_snooze(_snooze_date(previous), until))
        _store_snoozes(data)
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
        _store_snoozes(data)
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
            _store_snoozes(data)
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


# --- the charts ------------------------------------------------------------------------------


def chart_data(today: _dt.date | None = None, *, top_skills: int = 8) -> ChartData:
    """The four charts and the totals under them: the assumptions' statuses and the skills'
    evidence as the Paths and Development tabs count them (``services.paths``,
    ``services.development``), the contact pipeline and the plan's phases."""
    today = today or clock.today()
    paths, tested, triangulated, assumptions = _path_status()
    pipeline_counts = dict(_rows(
        Contact.select(Contact.stage, pw.fn.COUNT(Contact.id))
        .where(Contact.archived == False)  # noqa: E712
        .group_by(Contact.stage)))
    pipeline = tuple((stage, int(pipeline_counts.get(stage, 0))) for stage in vocab.STAGES)
    conversations = int(Interview.select(pw.fn.COUNT(Interview.id))
                        .where(Interview.status == "completed").scalar() or 0)
    return ChartData(
        paths=paths, pipeline=pipeline,
        skills=_top_skills(top_skills),
        phases=_phase_bars(today), conversations=conversations,
        people=sum(pipeline_counts.values()), assumptions=assumptions, tested=tested,
        triangulated=triangulated,
    )


def _path_status() -> tuple[tuple[PathStatusCounts, ...], int, int, int]:
    """Each path's assumptions by status (and triangulated), as the Paths tab counts them;
    with the totals: tested, triangulated, all."""
    from careerpivot.services import paths as _paths

    rows = tuple(_paths.status_by_path())
    return (rows, sum(r.total - r.untested for r in rows), sum(r.triangulated for r in rows),
            sum(r.total for r in rows))


def _top_skills(limit: int) -> tuple[SkillBar, ...]:
    """The skills with the most evidence (``core.priority.evidence_points``), counted as the
    development list counts it."""
    from careerpivot.services import development

    scored = []
    for s_id, ev in development.skill_evidence().items():
        points = _priority.evidence_points(ev)
        if points > 0:
            scored.append((points, s_id, ev))
    scored.sort(key=lambda t: (-t[0], t[1]))
    top = scored[:max(0, limit)]
    if not top:
        return ()
    names = {s_id: (name, current, target) for s_id, name, current, target in _rows(
        Skill.select(Skill.id, Skill.name, Skill.current_level, Skill.target_level)
        .where(Skill.id.in_([t[1] for t in top])))}
    bars = [SkillBar(s_id, names[s_id][0], ev.essential, ev.important, ev.nice, points,
                     _priority.gap_of(names[s_id][1], names[s_id][2]))
            for points, s_id, ev in top if s_id in names]
    bars.sort(key=lambda b: (-b.evidence, name_key(b.name), b.skill_id))
    return tuple(bars)


def _phase_bars(today: _dt.date) -> tuple[PhaseBar, ...]:
    overdue = pw.Case(None, [((Milestone.status.not_in([_plan.DONE, "missed"]))
                              & (Milestone.due_date < _iso(today)), 1)], 0)
    query = (
        Milestone.select(Milestone.phase, Milestone.status, overdue, pw.fn.COUNT(Milestone.id))
        .group_by(Milestone.phase, Milestone.status, overdue)
    )
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for phase_id, status, late, count in _rows(query):
        if late:
            counts[phase_id]["overdue"] += count
        else:
            counts[phase_id][status] += count
    bars = []
    for p_id, name in _rows(Phase.select(Phase.id, Phase.name).order_by(Phase.position,
                                                                        Phase.id)):
        c = counts.get(p_id, {})
        bars.append(PhaseBar(p_id, name, c.get("done", 0), c.get("in_progress", 0),
                             c.get("planned", 0), c.get("overdue", 0), c.get("missed", 0)))
    return tuple(bars)


# --- find everywhere -------------------------------------------------------------------------

#: The kinds Find searches, in the order its results are grouped.
FIND_KINDS = ("contact", "interview", "assumption", "skill", "milestone", "log")

SEARCH_COLUMNS = _search.SEARCH_COLUMNS
_FTS_PREFIX = _search.PREFIX


def has_search_index() -> bool:
    names = {r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE ?",
        (_FTS_PREFIX + "%",)).fetchall()}
    return all(f"{_FTS_PREFIX}{t}{s}" in names for t in SEARCH_COLUMNS
               for s in ("", "_ai", "_ad", "_au"))


def _words(text: str) -> list[str]:
    """The words to look for: at most eight; a single Latin letter or digit is too common to
    be worth a search (a single ideograph is kept)."""
    words = [w for w in (text or "").split() if len(w) > 1 or not w.isascii()]
    return words[:8]


def _fts_query(words: list[str]) -> str:
    """Every word as a quoted prefix term: user text never becomes FTS syntax."""
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def _fts_ids(table: str, query: str, limit: int) -> list[int]:
    # ORDER BY rowid DESC inside the MATCH: FTS5 walks its lists newest first and stops at
    # the limit, so a common word costs no more than a rare one. People are few: they are
    # ranked, a match in the name first.
    fts = _FTS_PREFIX + table
    order = "rowid DESC"
    if table == "contact":
        weights = ", ".join(["10.0", "3.0"] + ["1.0"] * (len(SEARCH_COLUMNS["contact"]) - 2))
        order = f"bm25({fts}, {weights}), rowid DESC"
    return [r[0] for r in database.execute_sql(
        f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY {order} LIMIT ?",
        (query, limit)).fetchall()]


def _ids(kind: str, words: list[str], limit: int) -> list[int]:
    """Ids of up to ``limit`` items of ``kind`` containing every word, newest first; a
    conversation also matches through its answers."""
    table = {"log": "log_entry"}.get(kind, kind)
    query = _fts_query(words)
    if kind != "interview":
        return _fts_ids(table, query, limit)
    ids = set(_fts_ids("interview", query, limit))
    answer_ids = _fts_ids("answer", query, limit * 4)
    if answer_ids:
        ids.update(r[0] for r in _rows(Answer.select(Answer.interview).where(
            Answer.id.in_(answer_ids))))
    return sorted(ids, reverse=True)[:limit]


def _snippet(texts: Iterable[str], words: list[str], width: int = 90) -> str:
    """A short excerpt of the text that holds most of the words ("" when none): around the
    whole phrase when it is there, else around the longest word found."""
    folded_words = [fold(w) for w in words]
    phrase = " ".join(folded_words)
    best: tuple[int, str, str, list[int], str] | None = None
    for text in texts:
        if not text:
            continue
        flat = " ".join(str(text).split())
        folded, where = fold_with_map(flat)
        found = [w for w in folded_words if w in folded]
        if found and (best is None or len(found) > best[0]):
            anchor = phrase if phrase in folded else max(found, key=len)
            best = (len(found), flat, folded, where, anchor)
            if len(found) == len(folded_words):
                break
    if best is None:
        return ""
    _count, flat, folded, where, anchor = best
    at = folded.find(anchor)
    start = max(0, where[at] - width // 3)
    end = min(len(flat), start + width)
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def _in_title(title: str, words: list[str]) -> bool:
    folded = fold(title)
    return all(fold(w) in folded for w in words)


def find_everywhere(text: str, limit: int = 8) -> list[FindResult]:
    """Items containing every word of ``text`` (by word prefix, any case, any accents), up to
    ``limit`` per kind, grouped in :data:`FIND_KINDS` order."""
    words = _words(text)
    if not words:
        return []
    results: list[FindResult] = []
    for kind in FIND_KINDS:
        ids = _ids(kind, words, limit)
        if ids:
            results += _describe(kind, ids, words)
    return results


def _describe(kind: str, ids: list[int], words: list[str]) -> list[FindResult]:
    rank = {i: n for n, i in enumerate(ids)}
    found: list[FindResult] = []
    if kind == "contact":
        for c_id, name, org, role, email, how_met, notes in Contact.select(
                Contact.id, Contact.name, Contact.organization, Contact.role, Contact.email,
                Contact.how_met, Contact.notes).where(Contact.id.in_(ids)).tuples():
            detail = " · ".join(p for p in (role, org) if p)
            snippet = "" if _in_title(name, words) else _snippet(
                (org, role, email, how_met, notes), words)
            found.append(FindResult(kind, c_id, name, detail, snippet))
    elif kind == "interview":
        rows = list(Interview.select(
            Interview.id, Contact.name, Interview.scheduled_at, Interview.status,
            pw.fn.COALESCE(Path.title, ""), *(getattr(Interview, c)
                                              for c in SEARCH_COLUMNS["interview"]))
            .join(Contact, on=(Interview.contact == Contact.id)).switch(Interview)
            .join(Path, pw.JOIN.LEFT_OUTER, on=(Interview.path == Path.id))
            .where(Interview.id.in_(ids)).tuples())
        answers: dict[int, list[str]] = defaultdict(list)
        for i_id, answer in Answer.select(Answer.interview, Answer.answer).where(
                Answer.interview.in_(ids)).order_by(Answer.position).tuples():
            answers[i_id].append(answer)
        for i_id, name, when, status, path, *texts in rows:
            title = f"{name} — {when[:10]}" if when else name
            detail = " · ".join(p for p in (path, vocab.INTERVIEW_STATUSES.get(status, ""))
                                if p)
            found.append(FindResult(kind, i_id, title, detail,
                                    _snippet([*texts, *answers.get(i_id, ())], words)))
    elif kind == "assumption":
        for a_id, statement, path in Assumption.select(
                Assumption.id, Assumption.statement, Path.title).join(Path).where(
                Assumption.id.in_(ids)).tuples():
            found.append(FindResult(kind, a_id, statement, path, ""))
    elif kind == "skill":
        for s_id, name, skill_kind, notes in Skill.select(
                Skill.id, Skill.name, Skill.kind, Skill.notes).where(Skill.id.in_(ids)).tuples():
            found.append(FindResult(kind, s_id, name, vocab.SKILL_KINDS.get(skill_kind, ""),
                                    "" if _in_title(name, words) else _snippet([notes], words)))
    elif kind == "milestone":
        for m_id, title, due_date, phase, metric, target, notes in Milestone.select(
                Milestone.id, Milestone.title, Milestone.due_date, Phase.name,
                Milestone.metric, Milestone.target, Milestone.notes).join(Phase).where(
                Milestone.id.in_(ids)).tuples():
            day = _date(due_date)
            detail = " · ".join(p for p in (phase, day.isoformat() if day else "") if p)
            found.append(FindResult(kind, m_id, title, detail, "" if _in_title(title, words)
                                    else _snippet((metric, target, notes), words)))
    elif kind == "log":
        for e_id, log_kind, text, entry in LogEntry.select(
                LogEntry.id, LogEntry.kind, LogEntry.text, LogEntry.entry_date).where(
                LogEntry.id.in_(ids)).tuples():
            first = " ".join((text or "").split("\n", 1)[0].split())
            day = _date(entry)
            detail = " · ".join(p for p in (vocab.LOG_KINDS.get(log_kind, ""),
                                            day.isoformat() if day else "") if p)
            found.append(FindResult(kind, e_id, first, detail,
                                    "" if _in_title(first, words) else _snippet([text], words)))
    found.sort(key=lambda r: rank.get(r.item_id, 0))
    return found

