"""The Overview's due list as it was built before it was read a bucket at a time: every
item in Python, one query per kind. Kept as the oracle the paged, grouped-SQL list
(``services.due_list``) is checked against; not used by the app."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterator

import peewee as pw

from careerpivot.core import checkins, clock, due
from careerpivot.core import plan as _plan
from careerpivot.core.validation import name_key
from careerpivot.services import log as _log
from careerpivot.services._base import stored_date as _date
from careerpivot.services.due_list import (
    ACTION,
    CHECKIN,
    DONE,
    INTERVIEW,
    KIND_ORDER,
    MILESTONE,
    OUTREACH,
    PAST_INTERVIEW_DAYS,
    DueItem,
    snoozes,
)
from careerpivot.store.models import Contact, Interview, LogEntry, Milestone, Path, Phase, database

MAX_CANDIDATES = 3


def _iso(day: _dt.date) -> str:
    return day.isoformat()


def _rows(query: pw.Query) -> Iterator[tuple]:
    """A query's rows as the database returns them (dates stay ISO text): several times
    faster than peewee's conversions over the thousands of rows of a large workspace. Read
    one at a time, never all at once: the charts go through tens of thousands of rows."""
    return iter(database.execute(query))


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
