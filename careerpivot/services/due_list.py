"""What is due, a bucket at a time: the counts of the buckets and the rows of one bucket, a page
at a time, from grouped SQL whatever the size of the workspace.

Relative to a given today, every follow-up action, scheduled conversation, plan milestone,
check-in and outreach suggestion that is overdue or due today, this week or in the coming weeks
is a *due item*. ``core.due`` decides the buckets (as date ranges, :func:`core.due.bucket_ranges`),
the snooze rule and the "no reply" rules; ``core.checkins`` the check-in dates. The SQL here
only compares an item's date with the ends of those ranges and sorts; the requests without a
reply come from ``services.outreach.unanswered_requests`` (a few queries over the recent
requests only) and join the query as a parameter.

:func:`load` is what the Overview runs first: the counts of every bucket and the first rows of
the buckets it shows (three statements for the snoozes and the requests, one for the counts,
one for the rows). :func:`page` returns more rows of one bucket, in the order shown: by date,
then kind (conversations first), then time, then text. :func:`due_items` is every item at once
(for exports and checks; the Overview never needs it).

Snoozes of items that have no column for it (check-ins, milestones, outreach suggestions) and
dismissed suggestions are kept in the workspace, in one ``Setting`` row (:data:`SNOOZE_KEY`)
holding ``{item key: "YYYY-MM-DD" or "done"}``; the query gets the dated ones as a JSON
parameter.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections.abc import Mapping

import peewee as pw

from careerpivot.core import clock, due
from careerpivot.core import plan as _plan
from careerpivot.services import outreach as _outreach
from careerpivot.services._base import stored_date as _date
from careerpivot.store.models import (
    Contact,
    Interview,
    LogEntry,
    Milestone,
    Path,
    Phase,
    Setting,
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
#: Rows of a bucket read at a time.
PAGE = 100


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
class DueQuery:
    """What every read of one due list shares (from :func:`prepare`): the day, the dated
    snoozes, and the outreach suggestions, which are few."""

    today: _dt.date
    horizon_days: int
    ranges: tuple[due.BucketRange, ...]
    snoozed: str  # JSON: [[kind, id, "YYYY-MM-DD"], ...] for milestones and check-ins
    outreach: tuple[DueItem, ...]


@dataclasses.dataclass(frozen=True)
class DueList:
    """What :func:`load` returns: every bucket's count and the first rows of some."""

    query: DueQuery
    counts: dict[str, int]  # every bucket, in core.due.BUCKETS order (0 when empty)
    rows: dict[str, list[DueItem]]  # the buckets asked for, their first rows

    @property
    def total(self) -> int:
        return sum(self.counts.values())


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


# --- snoozes ---------------------------------------------------------------------------------


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


def store_snoozes(data: dict[str, str]) -> None:
    today = clock.today()
    horizon = (today - _dt.timedelta(days=365)).isoformat()
    # forget snoozes that ended long ago (a dismissal is kept: its item's key may come back)
    kept = {k: v for k, v in data.items() if v == DONE or v >= horizon}
    Setting.replace(key=SNOOZE_KEY, value=json.dumps(kept, sort_keys=True)).execute()


def snooze_date(value: str | None) -> _dt.date | None:
    return None if not value or value == DONE else _date(value)


# --- reading ---------------------------------------------------------------------------------


def prepare(today: _dt.date | None = None, *,
            horizon_days: int = due.HORIZON_DAYS) -> DueQuery:
    """The snoozes and the outreach suggestions, read once for the counts and the pages."""
    today = today or clock.today()
    stored = snoozes()
    dated = []
    for key, value in stored.items():
        kind, _, rest = key.partition(":")
        until = snooze_date(value)
        if kind in (MILESTONE, CHECKIN) and rest.isdigit() and until is not None:
            dated.append([kind, int(rest), until.isoformat()])
    return DueQuery(today, horizon_days,
                    due.bucket_ranges(today, horizon_days=horizon_days),
                    json.dumps(dated), tuple(_outreach_items(today, horizon_days, stored)))


def _outreach_items(today: _dt.date, horizon_days: int,
                    stored: dict[str, str]) -> list[DueItem]:
    found = []
    for r in _outreach.unanswered_requests(today):
        s = r.suggestion
        key = f"{OUTREACH}:{r.contact_id}:{s.rule}:{r.sent.isoformat()}"
        value = stored.get(key)
        if value == DONE:
            continue
        effective = due.effective_due(s.due, snooze_date(value))
        assert effective is not None
        bucket = due.bucket(effective, today, horizon_days=horizon_days)
        if bucket is None:
            continue
        found.append(DueItem(
            key=key, kind=OUTREACH, item_id=r.contact_id, bucket=bucket, due=effective,
            original_due=s.due, days_late=due.days_late(effective, today), text=r.name,
            contact_id=r.contact_id, contact_name=r.name, organization=r.organization,
            path_title="", open_kind="contact", open_id=r.contact_id, can_done=True,
            can_snooze=True, rule=s.rule, waited=s.waited, sent=r.sent,
            candidates=r.candidates))
    return found


def load(today: _dt.date | None = None, limits: Mapping[str, int] | None = None, *,
         horizon_days: int = due.HORIZON_DAYS) -> DueList:
    """Every bucket's count and the first ``limits[bucket]`` rows of the buckets named
    (:data:`PAGE` rows of each when ``limits`` is None), the rows and the counts from one
    statement."""
    query = prepare(today, horizon_days=horizon_days)
    if limits is None:
        limits = {b: PAGE for b in due.BUCKETS}
    found: dict[str, list[DueItem]] = {b: [] for b in due.BUCKETS if b in limits}
    wanted = [max(0, int(limits.get(b, 0))) for b in due.BUCKETS]
    # at least the first row of every bucket, for its count
    cases = " ".join(f"WHEN {i} THEN {max(1, n)}" for i, n in enumerate(wanted))
    # one window, one sort: the row's place and its bucket's count
    sql = (_with_items(query) + f"SELECT {_COLUMNS}, place, total FROM (SELECT *, "
           f"ROW_NUMBER() OVER w AS place, COUNT(*) OVER (w ROWS BETWEEN UNBOUNDED "
           f"PRECEDING AND UNBOUNDED FOLLOWING) AS total FROM bucketed "
           f"WINDOW w AS (PARTITION BY bucket ORDER BY {_ORDER})) "
           f"WHERE place <= CASE bucket {cases} ELSE 1 END ORDER BY bucket, place")
    tally = dict.fromkeys(due.BUCKETS, 0)
    outreach = _by_key(query)
    for row in _execute(sql, query):
        bucket = due.BUCKETS[row[-3]]
        tally[bucket] = int(row[-1])
        if row[-2] <= wanted[row[-3]]:
            found[bucket].append(_item(query, row[:-2], outreach))
    return DueList(query, tally, found)


def counts(query: DueQuery) -> dict[str, int]:
    """How many items each bucket holds, every bucket named (0 when empty)."""
    found = dict.fromkeys(due.BUCKETS, 0)
    sql = _with_items(query) + "SELECT bucket, COUNT(*) FROM bucketed GROUP BY bucket"
    for bucket, count in _execute(sql, query):
        found[due.BUCKETS[bucket]] = int(count)
    return found


def page(query: DueQuery, bucket: str, offset: int = 0, limit: int = PAGE) -> list[DueItem]:
    """Rows ``offset`` to ``offset + limit`` of one bucket, in the order shown."""
    sql = (_with_items(query) + f"SELECT {_COLUMNS} FROM bucketed WHERE bucket = :bucket "
           f"ORDER BY {_ORDER} LIMIT :limit OFFSET :offset")
    rows = _execute(sql, query, bucket=due.BUCKETS.index(bucket), limit=max(0, limit),
                    offset=max(0, offset))
    outreach = _by_key(query)
    return [_item(query, row, outreach) for row in rows]


def first_rows(query: DueQuery, limits: Mapping[str, int]) -> dict[str, list[DueItem]]:
    """The first ``limits[bucket]`` rows of each bucket named, in one statement."""
    found: dict[str, list[DueItem]] = {b: [] for b in due.BUCKETS if b in limits}
    wanted = [max(0, int(limits.get(b, 0))) for b in due.BUCKETS]
    if not any(wanted):
        return found
    cases = " ".join(f"WHEN {i} THEN {n}" for i, n in enumerate(wanted))
    sql = (_with_items(query) + f"SELECT {_COLUMNS} FROM (SELECT *, ROW_NUMBER() OVER "
           f"(PARTITION BY bucket ORDER BY {_ORDER}) AS place FROM bucketed) "
           f"WHERE place <= CASE bucket {cases} ELSE 0 END ORDER BY bucket, place")
    outreach = _by_key(query)
    for row in _execute(sql, query):
        item = _item(query, row, outreach)
        found[item.bucket].append(item)
    return found


def due_items(today: _dt.date | None = None, *,
              horizon_days: int = due.HORIZON_DAYS) -> list[DueItem]:
    """Everything overdue or due up to ``horizon_days`` ahead, most urgent first: by bucket,
    then date, then kind (conversations first), then time, then text."""
    query = prepare(today, horizon_days=horizon_days)
    sql = _with_items(query) + f"SELECT {_COLUMNS} FROM bucketed ORDER BY bucket, {_ORDER}"
    outreach = _by_key(query)
    return [_item(query, row, outreach) for row in _execute(sql, query)]


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
        .where((Interview.scheduled_at >= today.isoformat())
               & (Interview.scheduled_at < end.isoformat())
               & (Interview.status == "scheduled"))
        .order_by(Interview.scheduled_at, Interview.id)
        .limit(limit)
    )
    rows = []
    for (i_id, when, minutes, mode, c_id, name, org, role, level, path,
         round_) in database.execute(query):
        day = _date(when)
        if day is None:
            continue
        rows.append(AgendaRow(i_id, day, (when or "")[11:16], int(minutes or 0), mode or "",
                              c_id, name, org or "", role or "", level or "", path,
                              int(round_ or 1), (day - today).days))
    return rows


# --- the query -------------------------------------------------------------------------------

#: The order within a bucket (a snoozed pair of suggestions to one person keeps its order).
_ORDER = "effective, kind_order, time, name_key(text), item_id, seq"
_COLUMNS = ("kind, item_id, text, original, effective, time, contact_id, contact_name, "
            "organization, path_title, minutes, mode, phase, partner, rule, okey, bucket")


def _with_items(query: DueQuery) -> str:
    """The common table ``bucketed``: every item due up to the horizon with its effective
    date and its bucket (the index of core.due.BUCKETS)."""
    t = {m: m._meta.table_name for m in (Contact, Interview, LogEntry, Milestone, Path, Phase)}
    buckets = " ".join(
        f"WHEN effective <= '{r.last.isoformat()}' THEN {i}" if r.first is None else
        f"WHEN effective BETWEEN '{r.first.isoformat()}' AND '{r.last.isoformat()}' THEN {i}"
        for i, r in enumerate(query.ranges) if r.first is None or r.first <= r.last)
    closed = ", ".join(f"'{s}'" for s in (_plan.DONE, "missed"))
    next_checkin = "date(c.last_contact, printf('+%d days', c.cadence_days))"
    kinds = {k: i for i, k in enumerate(KIND_ORDER)}
    return f"""
WITH snooze(kind, id, until) AS MATERIALIZED (
    SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(:snoozed)),
reach(okey, id, text, original, until, seq) AS (
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, key
    FROM json_each(:outreach)),
items(kind, kind_order, item_id, text, original, until, time, contact_id, contact_name,
      organization, path_title, minutes, mode, phase, partner, rule, okey, seq) AS (
    SELECT '{ACTION}', {kinds[ACTION]}, e.id, e.text, date(e.due_date), date(e.snoozed_until),
           '', e.contact_id, COALESCE(c.name, ''), COALESCE(c.organization, ''),
           COALESCE(p.title, ''), 0, '', '', '', '', NULL, 0
    FROM {t[LogEntry]} AS e
    LEFT JOIN {t[Contact]} AS c ON c.id = e.contact_id
    LEFT JOIN {t[Path]} AS p ON p.id = e.path_id
    WHERE e.due_date <= :horizon AND e.done_date IS NULL AND e.kind = 'action'
    UNION ALL
    SELECT '{INTERVIEW}', {kinds[INTERVIEW]}, i.id, c.name, date(substr(i.scheduled_at, 1, 10)),
           NULL, substr(i.scheduled_at, 12, 5), c.id, c.name, c.organization,
           COALESCE(p.title, ''), COALESCE(i.minutes, 0), COALESCE(i.mode, ''), '', '', '',
           NULL, 0
    FROM {t[Interview]} AS i
    JOIN {t[Contact]} AS c ON c.id = i.contact_id
    LEFT JOIN {t[Path]} AS p ON p.id = i.path_id
    WHERE i.scheduled_at >= :interviews_from AND i.scheduled_at < :after_horizon
          AND i.status = 'scheduled'
    UNION ALL
    SELECT '{MILESTONE}', {kinds[MILESTONE]}, m.id, m.title, date(m.due_date), s.until, '',
           m.partner_id, '', '', '', 0, '', ph.name, COALESCE(pc.name, ''), '', NULL, 0
    FROM {t[Milestone]} AS m
    JOIN {t[Phase]} AS ph ON ph.id = m.phase_id
    LEFT JOIN {t[Contact]} AS pc ON pc.id = m.partner_id
    LEFT JOIN snooze AS s ON s.kind = '{MILESTONE}' AND s.id = m.id
    WHERE m.due_date <= :horizon AND m.status NOT IN ({closed})
    UNION ALL
    SELECT '{CHECKIN}', {kinds[CHECKIN]}, c.id, c.name, COALESCE({next_checkin}, :today),
           s.until, '', c.id, c.name, COALESCE(c.organization, ''), '', 0, '', '', '',
           CASE WHEN date(c.last_contact) IS NULL THEN 'never' ELSE '' END, NULL, 0
    FROM {t[Contact]} AS c
    LEFT JOIN snooze AS s ON s.kind = '{CHECKIN}' AND s.id = c.id
    WHERE c.cadence_days > 0 AND c.archived = 0
          AND (c.last_contact IS NULL OR {next_checkin} <= :horizon)
    UNION ALL
    SELECT '{OUTREACH}', {kinds[OUTREACH]}, id, text, original, until, '', id, text, '', '',
           0, '', '', '', '', okey, seq
    FROM reach),
dated AS (
    SELECT *, CASE WHEN until > original THEN until ELSE original END AS effective
    FROM items WHERE original IS NOT NULL),
bucketed AS (
    SELECT *, CASE {buckets} END AS bucket FROM dated WHERE effective <= :last_day)
"""


def _execute(sql: str, query: DueQuery, **extra: object) -> list[tuple]:
    today = query.today
    horizon = today + _dt.timedelta(days=query.horizon_days)
    reach = [[i.key, i.item_id, i.text, i.original_due.isoformat() if i.original_due else None,
              i.due.isoformat() if i.due != i.original_due else None] for i in query.outreach]
    params = {
        "snoozed": query.snoozed, "outreach": json.dumps(reach), "today": today.isoformat(),
        "horizon": horizon.isoformat(),
        "after_horizon": (horizon + _dt.timedelta(days=1)).isoformat(),
        "interviews_from": (today - _dt.timedelta(days=PAST_INTERVIEW_DAYS)).isoformat(),
        # the buckets' ranges follow one another: what is not after the last one has a bucket
        "last_day": query.ranges[-1].last.isoformat(),
    }
    params.update(extra)
    _outreach.with_name_key()  # the order of the texts within a day
    return list(database.execute_sql(sql, params))


def _by_key(query: DueQuery) -> dict[str, DueItem]:
    return {i.key: i for i in query.outreach}


def _item(query: DueQuery, row: tuple, outreach: dict[str, DueItem]) -> DueItem:
    (kind, item_id, text, original, effective, time, contact_id, contact_name, organization,
     path_title, minutes, mode, phase, partner, rule, okey, bucket) = row
    if kind == OUTREACH:
        return outreach[okey]
    day = _dt.date.fromisoformat(effective)
    first = _dt.date.fromisoformat(original)
    can = kind != INTERVIEW
    open_kind = {ACTION: "log", CHECKIN: "contact"}.get(kind, kind)
    return DueItem(
        key=f"{kind}:{item_id}", kind=kind, item_id=item_id, bucket=due.BUCKETS[bucket],
        due=day, original_due=first, days_late=due.days_late(day, query.today), text=text,
        contact_id=contact_id, contact_name=contact_name, organization=organization,
        path_title=path_title, open_kind=open_kind, open_id=item_id, can_done=can,
        can_snooze=can, rule=rule, time=time, minutes=int(minutes or 0), mode=mode or "",
        phase=phase, partner=partner)
