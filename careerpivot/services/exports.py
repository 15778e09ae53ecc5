"""Taking data out: CSV of each list, a calendar (.ics), contacts (.vcf), and the full JSON
export that imports back into an empty workspace without any loss.

Every file is written atomically (``fileio.write_atomic``): an interrupted export
leaves the previous file whole. Functions here run in worker threads and take a
``progress(done, total, text)`` callback that may raise to cancel.

The JSON export reads every table inside one read transaction, so it is a consistent
snapshot; :func:`import_json` validates every row before writing and then writes them all in
one write transaction with their ids, or nothing. It refuses a workspace that holds anything
the user entered (a new workspace's starting content does not count: it is replaced).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import peewee as pw

from careerpivot import __version__
from careerpivot.core import clock, question_bank, vocab
from careerpivot.core.errors import ExportError, ImportFileError
from careerpivot.fileio import atomic_file, write_atomic
from careerpivot.formats import csvfiles, ics, jsonbackup, vcard
from careerpivot.formats.common import MAX_IMPORT_BYTES
from careerpivot.services import (
    currency,
    development,
    first_steps,
    network,
    paths,
    plan,
    workspace,
)
from careerpivot.services._base import utcnow, write
from careerpivot.store import migrations, write_mark
from careerpivot.store.models import (
    ALL_MODELS,
    Contact,
    Interview,
    LearningItem,
    LogEntry,
    Milestone,
    Phase,
    Setting,
    database,
)
from careerpivot.store.models import (
    Path as PathModel,
)

Progress = Callable[[int, int, str], None]

#: The Setting that holds this workspace's random identity (calendar and vCard UIDs).
WORKSPACE_UID_KEY = "workspace_uid"

#: The lists exported as CSV, with the file name each gets.
CSV_LISTS: dict[str, str] = {
    "contacts": "Contacts",
    "interviews": "Interviews",
    "assumptions": "Assumptions",
    "skills": "Skills",
    "learning": "Learning",
    "milestones": "Milestones",
    "log": "Log",
}


class Exported(NamedTuple):
    """What an export wrote, for the message that says so: the file, how many things it holds
    (the rows of a list, calendar events, contact cards; for the full export the rows of
    every table), and that count by kind (the list's name; the calendar's ``interviews``,
    ``follow_ups``, ``milestones``, ``practice``; ``contacts``; for the full export each
    table's name)."""

    path: Path
    count: int
    counts: dict[str, int]


#: The kinds of calendar events (their second category) as :attr:`Exported.counts` names them.
_EVENT_KINDS = {"Interview": "interviews", "Follow-up": "follow_ups",
                "Milestone": "milestones", "Practice": "practice"}


def _tick(progress: Progress | None, done: int, total: int, text: str) -> None:
    if progress is not None:
        progress(done, total, text)


def _d(value: object) -> str:
    """A stored date (a date, or ISO text) as ``YYYY-MM-DD``."""
    if value is None or value == "":
        return ""
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)[:10]


def _utc(text: str | None) -> _dt.datetime | None:
    if not text:
        return None
    try:
        value = _dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=_dt.UTC)


# --- identity --------------------------------------------------------------------------------


def workspace_uid() -> str:
    """This workspace's random identity, stored on first need; it travels with the full
    export, so calendars recognise the events of a workspace moved to another computer."""
    row = Setting.get_or_none(Setting.key == WORKSPACE_UID_KEY)
    if row is not None and row.value:
        return row.value
    value = str(uuid.uuid4())
    if workspace.is_read_only():
        info = workspace.current()
        return str(uuid.uuid5(uuid.NAMESPACE_URL, str(info.path if info else "careerpivot")))
    with write():
        Setting.insert(key=WORKSPACE_UID_KEY, value=value).on_conflict_ignore().execute()
        return Setting.get(Setting.key == WORKSPACE_UID_KEY).value


def _write(target: str | Path, data: bytes) -> Path:
    return write_atomic(Path(target), data)


# --- CSV -------------------------------------------------------------------------------------


def _contacts() -> tuple[list[str], list[list[object]]]:
    header = ["Name", "Organization", "Role", "Level", "Stage", "E-mail", "Phone",
              "Profile URL", "How we met", "Introduced by", "Check-in every (days)",
              "Last contact", "Next check-in", "Tags", "Paths", "Interviews", "Archived",
              "Notes"]
    rows: list[list[object]] = [
        [c.name, c.organization, c.role, vocab.LEVELS.get(c.level, c.level),
         vocab.STAGES.get(c.stage, c.stage), c.email, c.phone, c.url, c.how_met,
         c.introduced_by_name, c.cadence_days, _d(c.last_contact), _d(c.next_checkin),
         "; ".join(c.tags), "; ".join(c.path_titles), c.interview_count, c.archived, c.notes]
        for c in network.list_contacts(include_archived=True)
    ]
    return header, rows


def _interviews() -> tuple[list[str], list[list[object]]]:
    header = ["Date", "Contact", "Organization", "Path", "Mode", "Status", "Minutes", "Round",
              "Fit signal", "My context", "Notes", "Typical week", "Challenges",
              "Success metrics", "Surprises", "What resonated", "Organization when held",
              "Role when held", "Level when held"]
    query = (
        Interview.select(
            Interview.scheduled_at, Contact.name, Contact.organization,
            pw.fn.COALESCE(PathModel.title, ""), Interview.mode, Interview.status,
            Interview.minutes, Interview.round, Interview.fit_signal, Interview.context,
            Interview.notes, Interview.typical_week, Interview.challenges,
            Interview.success_metrics, Interview.surprises, Interview.resonated,
            Interview.held_organization, Interview.held_role, Interview.held_level)
        .join(Contact, on=(Interview.contact == Contact.id))
        .switch(Interview)
        .join(PathModel, pw.JOIN.LEFT_OUTER, on=(Interview.path == PathModel.id))
        .order_by(Interview.scheduled_at == "", Interview.scheduled_at, Interview.id)
    )
    rows = []
    for r in query.tuples():
        r = list(r)
        r[4] = vocab.INTERVIEW_MODES.get(r[4], r[4])
        r[5] = vocab.INTERVIEW_STATUSES.get(r[5], r[5])
        r[-1] = vocab.LEVELS.get(r[-1], r[-1]) if r[-1] else ""
        rows.append(r)
    return header, rows


def _assumptions() -> tuple[list[str], list[list[object]]]:
    header = ["Path", "Assumption", "Category", "Initial confidence (%)", "Status",
              "Supported", "Challenged", "Nuanced", "Triangulated"]
    rows: list[list[object]] = [
        [a.path_title, a.statement, vocab.ASSUMPTION_CATEGORIES.get(a.category, a.category),
         a.confidence, vocab.ASSUMPTION_STATUSES.get(a.status, a.status), a.supported,
         a.challenged, a.nuanced, a.triangulated]
        for a in paths.list_assumptions()
    ]
    return header, rows


def _skills() -> tuple[list[str], list[list[object]]]:
    header = ["Priority rank", "Skill", "Kind", "Current level", "Target level", "Gap",
              "Priority score", "Evidence", "Mentions", "Essential", "Important",
              "Nice to have", "Conversations", "People", "Organizations", "Transferable",
              "Learning", "Why"]
    rows: list[list[object]] = [
        [rank, s.name, vocab.SKILL_KINDS.get(s.kind, s.kind), s.current_level,
         s.target_level, s.gap, round(s.score, 2), round(s.evidence, 2), s.mentions,
         s.essential, s.important, s.nice, s.interviews, s.people, s.organizations,
         s.transferable, "; ".join(s.learning), s.explanation]
        for rank, s in enumerate(development.ranked_skills(), start=1)
    ]
    return header, rows


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _learning() -> tuple[list[str], list[list[object]]]:
    header = ["Title", "Kind", "Status", "Skills", "Start", "End", "Hours planned",
              "Hours spent", "Units done", "Units total", "Cost", "Provider", "URL",
              "Practice day", "Practice time", "Practice minutes", "Hypothesis", "Result",
              "Outcome"]
    rows: list[list[object]] = [
        [i.title, vocab.LEARNING_KINDS.get(i.kind, i.kind),
         vocab.LEARNING_STATUSES.get(i.status, i.status), "; ".join(n for _i, n in i.skills),
         _d(i.start_date), _d(i.end_date), i.hours_planned, i.hours_spent, i.units_done,
         i.units_total, i.cost, i.provider, i.url,
         _DAYS[i.schedule_day] if i.schedule_day is not None and 0 <= i.schedule_day < 7
         else "", i.schedule_time, i.schedule_minutes or "", i.hypothesis, i.result,
         i.outcome]
        for i in development.list_learning()
    ]
    return header, rows


def _milestones() -> tuple[list[str], list[list[object]]]:
    header = ["Phase", "Milestone", "Due", "Status", "Done", "Metric", "Target",
              "Hours needed", "Money needed", "Partner", "Skills", "Learning", "Notes"]
    rows: list[list[object]] = []
    for phase in plan.plan_overview().phases:
        for m in phase.milestones:
            rows.append([
                phase.name, m.title, _d(m.due_date),
                vocab.MILESTONE_STATUSES.get(m.status, m.status), _d(m.done_date), m.metric,
                m.target, m.hours_needed, m.money_needed, m.partner_name,
                "; ".join(n for _i, n in m.skills), "; ".join(n for _i, n in m.learning),
                m.notes])
    return header, rows


def _log() -> tuple[list[str], list[list[object]]]:
    header = ["Date", "Kind", "Text", "Due", "Done", "Snoozed until", "Contact", "Path"]
    query = (
        LogEntry.select(
            LogEntry.entry_date, LogEntry.kind, LogEntry.text, LogEntry.due_date,
            LogEntry.done_date, LogEntry.snoozed_until, pw.fn.COALESCE(Contact.name, ""),
            pw.fn.COALESCE(PathModel.title, ""))
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(LogEntry.contact == Contact.id))
        .switch(LogEntry)
        .join(PathModel, pw.JOIN.LEFT_OUTER, on=(LogEntry.path == PathModel.id))
        .order_by(LogEntry.entry_date, LogEntry.id)
    )
    rows = [[_d(d), vocab.LOG_KINDS.get(k, k), t, _d(due), _d(done), _d(snoozed), c, p]
            for d, k, t, due, done, snoozed, c, p in query.tuples()]
    return header, rows


_TABLES: dict[str, Callable[[], tuple[list[str], list[list[object]]]]] = {
    "contacts": _contacts,
    "interviews": _interviews,
    "assumptions": _assumptions,
    "skills": _skills,
    "learning": _learning,
    "milestones": _milestones,
    "log": _log,
}


def csv_table(list_name: str) -> tuple[list[str], list[list[object]]]:
    """The header and rows of one list, as the CSV export writes them."""
    try:
        return _TABLES[list_name]()
    except KeyError:
        raise ExportError(f"There is no list called {list_name!r} to export.") from None


def export_csv(list_name: str, target: str | Path, *,
               progress: Progress | None = None) -> Exported:
    """One list as a CSV file a spreadsheet opens correctly (its rows counted)."""
    _tick(progress, 0, 2, "Reading the list…")
    header, rows = csv_table(list_name)
    _tick(progress, 1, 2, "Writing the file…")
    path = _write(target, csvfiles.write_csv(header, rows))
    _tick(progress, 2, 2, "Done")
    return Exported(path, len(rows), {list_name: len(rows)})


def export_all_csv(folder: str | Path, *, progress: Progress | None = None) -> list[Exported]:
    """Every list as ``<folder>/<List>.csv``, in the order of :data:`CSV_LISTS`."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"The folder {folder} could not be created: {exc.strerror}.") from None
    written = []
    for n, (name, title) in enumerate(CSV_LISTS.items()):
        _tick(progress, n, len(CSV_LISTS), f"Writing {title}.csv…")
        header, rows = csv_table(name)
        path = _write(folder / f"{title}.csv", csvfiles.write_csv(header, rows))
        written.append(Exported(path, len(rows), {name: len(rows)}))
    _tick(progress, len(CSV_LISTS), len(CSV_LISTS), "Done")
    return written


# --- calendar --------------------------------------------------------------------------------

_EPOCH = _dt.datetime(2020, 1, 1, tzinfo=_dt.UTC)
_INTERVIEW_STATUS = {"requested": "TENTATIVE", "scheduled": "CONFIRMED",
                     "completed": "CONFIRMED", "cancelled": "CANCELLED",
                     "no_show": "CANCELLED"}


def _sequence(modified: _dt.datetime | None) -> int:
    """Minutes since 2020 of the row's last change: grows with every edit, so calendars take
    the newer export as an update."""
    if modified is None:
        return 0
    return max(0, int((modified - _EPOCH).total_seconds() // 60))


def _start(text: str) -> _dt.date | _dt.datetime | None:
    text = (text or "").strip()
    try:
        if len(text) > 10:
            return _dt.datetime.strptime(text[:16], "%Y-%m-%d %H:%M")
        return _dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _first_line(text: str, limit: int = 120) -> str:
    line = (text or "").strip().split("\n", 1)[0].strip()
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


def calendar_events(uid: str | None = None) -> list[ics.CalendarEvent]:
    """Scheduled interviews, due follow-up actions, milestones and weekly practice blocks."""
    uid = uid or workspace_uid()
    events: list[ics.CalendarEvent] = []

    def event_uid(table: str, row_id: int) -> str:
        return f"{table}-{row_id}-{uid}@careerpivot"

    interviews = (
        Interview.select(Interview.id, Interview.scheduled_at, Interview.minutes,
                         Interview.mode, Interview.status, Interview.round,
                         Interview.context, Interview.updated_at, Contact.name,
                         Contact.organization, pw.fn.COALESCE(PathModel.title, ""))
        .join(Contact, on=(Interview.contact == Contact.id))
        .switch(Interview)
        .join(PathModel, pw.JOIN.LEFT_OUTER, on=(Interview.path == PathModel.id))
        .where(Interview.scheduled_at != "")
        .order_by(Interview.scheduled_at, Interview.id)
    )
    for (i_id, when, minutes, mode, status, rnd, context, updated, name, org,
         path_title) in interviews.tuples():
        start = _start(when)
        if start is None:
            continue
        end: _dt.date | _dt.datetime | None = None
        if isinstance(start, _dt.datetime):
            end = start + _dt.timedelta(minutes=minutes if minutes and minutes > 0 else 30)
        who = f"{name} ({org})" if org else name
        summary = f"Informational interview: {who}" + (f", round {rnd}" if rnd > 1 else "")
        lines = []
        if path_title:
            lines.append(f"Path: {path_title}")
        lines.append(f"Mode: {vocab.INTERVIEW_MODES.get(mode, mode)}")
        if context:
            lines += ["", context]
        modified = _utc(updated)
        events.append(ics.CalendarEvent(
            uid=event_uid("interview", i_id), summary=summary, start=start, end=end,
            description="\n".join(lines), categories=("CareerPivot", "Interview"),
            status=_INTERVIEW_STATUS.get(status, ""), last_modified=modified,
            sequence=_sequence(modified)))

    actions = (
        LogEntry.select(LogEntry.id, LogEntry.text, LogEntry.due_date, LogEntry.snoozed_until,
                        LogEntry.updated_at, pw.fn.COALESCE(Contact.name, ""))
        .join(Contact, pw.JOIN.LEFT_OUTER, on=(LogEntry.contact == Contact.id))
        .where((LogEntry.kind == "action") & LogEntry.done_date.is_null()
               & LogEntry.due_date.is_null(False))
        .order_by(LogEntry.due_date, LogEntry.id)
    )
    for a_id, text, due, snoozed, updated, contact in actions.tuples():
        day = _start(_d(due))
        later = _start(_d(snoozed))
        if isinstance(later, _dt.date) and isinstance(day, _dt.date) and later > day:
            day = later
        if not isinstance(day, _dt.date):
            continue
        description = text + (f"\n\nContact: {contact}" if contact else "")
        modified = _utc(updated)
        events.append(ics.CalendarEvent(
            uid=event_uid("action", a_id), summary=f"Follow up: {_first_line(text)}",
            start=day, description=description, categories=("CareerPivot", "Follow-up"),
            transparent=True, last_modified=modified, sequence=_sequence(modified)))

    milestones = (
        Milestone.select(Milestone.id, Milestone.title, Milestone.due_date, Milestone.status,
                         Milestone.metric, Milestone.target, Milestone.notes,
                         Milestone.updated_at, Phase.name)
        .join(Phase, on=(Milestone.phase == Phase.id))
        .where(Milestone.due_date.is_null(False))
        .order_by(Milestone.due_date, Milestone.id)
    )
    for m_id, title, due, status, metric, target, notes, updated, phase in milestones.tuples():
        day = _start(_d(due))
        if not isinstance(day, _dt.date):
            continue
        lines = [f"Phase: {phase}",
                 f"Status: {vocab.MILESTONE_STATUSES.get(status, status)}"]
        if metric or target:
            lines.append(f"Measure: {metric} {target}".strip())
        if notes:
            lines += ["", notes]
        modified = _utc(updated)
        events.append(ics.CalendarEvent(
            uid=event_uid("milestone", m_id),
            summary=f"Milestone: {title}" + (" (done)" if status == "done" else ""),
            start=day, description="\n".join(lines), categories=("CareerPivot", "Milestone"),
            transparent=True, last_modified=modified, sequence=_sequence(modified)))

    blocks = (
        LearningItem.select(LearningItem.id, LearningItem.title, LearningItem.kind,
                            LearningItem.status, LearningItem.start_date,
                            LearningItem.end_date, LearningItem.schedule_day,
                            LearningItem.schedule_time, LearningItem.schedule_minutes,
                            LearningItem.provider, LearningItem.url, LearningItem.created_at,
                            LearningItem.updated_at)
        .where(LearningItem.schedule_day.is_null(False))
        .order_by(LearningItem.id)
    )
    for (l_id, title, kind, status, start_date, end_date, day, time, minutes, provider, url,
         created, updated) in blocks.tuples():
        if day is None or not 0 <= day <= 6:
            continue
        modified = _utc(updated)
        first = _start(_d(start_date))
        if not isinstance(first, _dt.date):
            made = _utc(created)
            first = made.date() if made else clock.today()
        until = _start(_d(end_date))
        until = until if isinstance(until, _dt.date) else None
        if status in ("done", "dropped") and modified is not None:
            # The series ends when the item was finished or dropped.
            stopped = modified.date()
            until = stopped if until is None or stopped < until else until
        first_day = ics.first_on_or_after(first, day)
        if until is not None and until < first_day:
            continue
        start: _dt.date | _dt.datetime = first_day
        end = None
        m = re.fullmatch(r"(\d{1,2}):(\d{2})", time or "")
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            start = _dt.datetime.combine(first_day, _dt.time(int(m.group(1)), int(m.group(2))))
            end = start + _dt.timedelta(minutes=minutes if minutes and minutes > 0 else 60)
        lines = [f"{vocab.LEARNING_KINDS.get(kind, kind)}"]
        if provider:
            lines.append(f"Provider: {provider}")
        events.append(ics.CalendarEvent(
            uid=event_uid("practice", l_id), summary=f"Practice: {title}", start=start,
            end=end, description="\n".join(lines), categories=("CareerPivot", "Practice"),
            rrule=ics.weekly_rule(day, until, all_day=not isinstance(start, _dt.datetime)),
            url=url, last_modified=modified, sequence=_sequence(modified)))
    return events


def export_ics(target: str | Path, *, now: _dt.datetime | None = None,
               progress: Progress | None = None) -> Exported:
    """The calendar file; re-exports keep every event's UID, so calendars update them."""
    _tick(progress, 0, 2, "Reading the plan…")
    events = calendar_events()
    _tick(progress, 1, 2, "Writing the file…")
    data = ics.write_calendar(events, now=now or clock.utcnow())
    path = _write(target, data)
    _tick(progress, 2, 2, "Done")
    kinds = Counter(_EVENT_KINDS[e.categories[1]] for e in events)
    return Exported(path, len(events), {kind: kinds[kind] for kind in _EVENT_KINDS.values()})


# --- vCard -----------------------------------------------------------------------------------


def vcard_contacts(*, include_archived: bool = True) -> list[vcard.VCardContact]:
    uid = workspace_uid()
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"careerpivot:{uid}")
    updated = dict(Contact.select(Contact.id, Contact.updated_at).tuples())
    return [
        vcard.VCardContact(
            uid=f"urn:uuid:{uuid.uuid5(namespace, f'contact-{c.id}')}", name=c.name,
            organization=c.organization, role=c.role, email=c.email, phone=c.phone, url=c.url,
            note=c.notes, categories=c.tags, revised=_utc(updated.get(c.id)))
        for c in network.list_contacts(include_archived=include_archived)
    ]


def export_vcf(target: str | Path, *, version: str = "3.0", include_archived: bool = True,
               progress: Progress | None = None) -> Exported:
    """Every contact as one vCard file (3.0 by default, which every address book reads)."""
    _tick(progress, 0, 2, "Reading your network…")
    cards = vcard_contacts(include_archived=include_archived)
    _tick(progress, 1, 2, "Writing the file…")
    path = _write(target, vcard.write_vcards(cards, version))
    _tick(progress, 2, 2, "Done")
    return Exported(path, len(cards), {"contacts": len(cards)})


# --- the full JSON export --------------------------------------------------------------------


def _columns(model: type[pw.Model]) -> list[str]:
    return [f.column_name for f in model._meta.sorted_fields]


#: Rows fetched from SQLite at a time while a table is read for the full export.
_BATCH = 2000


def _table_rows(model: type[pw.Model]) -> Iterator[dict]:
    """The rows of ``model``'s table with their stored values, in primary-key order, fetched
    a batch at a time (call inside a read transaction for a consistent snapshot)."""
    cols = _columns(model)
    pk = model._meta.primary_key.column_name
    select = ", ".join(f'"{c}"' for c in cols)
    cursor = database.execute_sql(
        f'SELECT {select} FROM "{model._meta.table_name}" ORDER BY "{pk}"')
    while batch := cursor.fetchmany(_BATCH):
        for values in batch:
            row = dict(zip(cols, values, strict=True))
            if model is Setting and row["key"] == write_mark.KEY:
                continue  # (the write mark belongs to the file, not to its data)
            yield row


def dump_tables(progress: Progress | None = None) -> dict[str, list[dict]]:
    """Every row of every table with its stored values, in primary-key order, read in one
    transaction (a consistent snapshot), held whole: for comparing small workspaces."""
    tables: dict[str, list[dict]] = {}
    with database.atomic():
        for n, model in enumerate(ALL_MODELS):
            _tick(progress, n, len(ALL_MODELS), "Reading the workspace…")
            tables[model._meta.table_name] = list(_table_rows(model))
    return tables


def export_json(target: str | Path, *, progress: Progress | None = None) -> Exported:
    """The whole workspace as one JSON document that :func:`import_json` reads back (its
    rows counted per table).

    The rows go from SQLite to the file a batch at a time, inside one read transaction (a
    consistent snapshot), so the memory it takes does not grow with the workspace; the file
    replaces ``target`` only once it is whole."""
    workspace_uid()  # the identity travels with the export (calendar UIDs stay stable)
    with database.atomic():
        total = sum(model.select().count() for model in ALL_MODELS)

        def report(done: int) -> None:
            _tick(progress, done, max(total, 1), "Writing the file…")

        _tick(progress, 0, max(total, 1), "Writing the file…")
        tables = ((model._meta.table_name, _table_rows(model)) for model in ALL_MODELS)
        with atomic_file(Path(target)) as out:
            counts = jsonbackup.stream_document(
                out, tables, schema=migrations.CURRENT_VERSION, exported_at=utcnow(),
                application=f"CareerPivot {__version__}", progress=report)
    _tick(progress, 1, 1, "Done")
    return Exported(Path(target), sum(counts.values()), counts)


#: Tables a new workspace fills with its starting content.
_SEEDED = frozenset({"profile", "setting", "question", "criterion", "phase", "template"})


def is_empty() -> bool:
    """True when the workspace holds nothing the user entered: no rows beyond a new
    workspace's starting content (blank profile, the question bank, default criteria, phases
    and templates, unchanged), its identity, its currency and the first-steps guide's state."""
    from careerpivot.store.models import Criterion, Profile, Question, Template

    for model in ALL_MODELS:
        if model._meta.table_name not in _SEEDED and model.select().exists():
            return False
    keys = {r[0] for r in Setting.select(Setting.key).tuples()}
    if keys - {WORKSPACE_UID_KEY, write_mark.KEY, currency.CURRENCY_KEY, *first_steps.KEYS}:
        return False
    text_fields = [f for f in Profile._meta.sorted_fields
                   if isinstance(f, pw.TextField) and f.name not in (
                       "created_at", "updated_at", "page_size")]
    for row in Profile.select(*text_fields).tuples():
        if any(row):
            return False
    bank = set(question_bank.QUESTIONS)
    for text, category, seeded in Question.select(
            Question.text, Question.category, Question.seeded).tuples():
        if not seeded or (category, text) not in bank:
            return False
    criteria = {(n, float(w), bool(e)) for n, w, e in vocab.DEFAULT_CRITERIA}
    for name, weight, from_evidence in Criterion.select(
            Criterion.name, Criterion.weight, Criterion.from_evidence).tuples():
        if (name, float(weight), bool(from_evidence)) not in criteria:
            return False
    phases = set(vocab.DEFAULT_PHASES)
    for name, goal, hours, start, end, metric in Phase.select(
            Phase.name, Phase.goal, Phase.weekly_hours, Phase.start_date, Phase.end_date,
            Phase.success_metric).tuples():
        if (name, goal) not in phases or hours or start or end or metric:
            return False
    templates = {(t.key, t.name, t.subject, t.body) for t in question_bank.TEMPLATES}
    for row in Template.select(Template.key, Template.name, Template.subject,
                               Template.body).tuples():
        if tuple(row) not in templates:
            return False
    return True


@dataclasses.dataclass(frozen=True)
class JsonImportResult:
    tables: int
    rows: int
    schema: int
    exported_at: str


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


_OK = ""


def _checker(field: pw.Field, surrogates_possible: bool = True
             ) -> Callable[[object], tuple[object, str]]:
    """The check of one column's values, chosen once for all of them: it returns (the value
    to store, "" or the problem). ``surrogates_possible``: False when the document cannot
    hold a lone surrogate (it has no ``\\uD800``-``\\uDFFF`` escape), so text needs no
    encoding test."""
    null = field.null

    def missing() -> tuple[object, str]:
        return (None, _OK) if null else (None, "is missing (null)")

    if isinstance(field, pw.BooleanField):
        def check(value: object) -> tuple[object, str]:
            if value is None:
                return missing()
            if isinstance(value, bool) or value in (0, 1):
                return int(value), _OK  # type: ignore[call-overload]
            return None, "must be true or false"
    elif isinstance(field, pw.AutoField | pw.IntegerField | pw.ForeignKeyField):
        def check(value: object) -> tuple[object, str]:
            if type(value) is int and abs(value) < 2 ** 63:
                return value, _OK
            if value is None:
                return missing()
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2 ** 63:
                return value, _OK
            return None, "must be a whole number"
    elif isinstance(field, pw.FloatField):
        def check(value: object) -> tuple[object, str]:
            if value is None:
                return missing()
            if isinstance(value, int | float) and not isinstance(value, bool) \
                    and value == value and abs(value) != float("inf"):
                return value, _OK
            return None, "must be a number"
    elif isinstance(field, pw.DateField):
        def check(value: object) -> tuple[object, str]:
            if value is None:
                return missing()
            if isinstance(value, str) and _DATE.fullmatch(value):
                try:
                    _dt.date.fromisoformat(value)
                except ValueError:
                    return None, f"{value!r} is not a date on the calendar"
                return value, _OK
            return None, "must be a date written YYYY-MM-DD"
    else:
        def check(value: object) -> tuple[object, str]:
            if type(value) is str and not surrogates_possible:
                return value, _OK
            if value is None:
                return missing()
            if not isinstance(value, str):
                return None, "must be text"
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return None, "holds a broken character (a lone surrogate)"
            return value, _OK
    return check


#: A JSON escape of a UTF-16 surrogate: only through one can a decoded text hold a lone one.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _row_error(data: bytes, table: str, index: int, pk: str, row: dict,
               problem: str) -> ImportFileError:
    line = jsonbackup.locate(data, table, index)
    where = f"Line {line}: " if line else ""
    ident = row.get(pk)
    return ImportFileError(
        f"{where}row {index + 1} of table {table!r}"
        + (f" ({pk} {ident!r})" if ident is not None and not isinstance(ident, dict | list)
           else "")
        + f" {problem}. Nothing was imported.", line=line)


def _prepare(doc: jsonbackup.Document, data: bytes, progress: Progress | None
             ) -> tuple[list[tuple[type[pw.Model], list[str], list[tuple]]], int]:
    """Every row checked against the schema; raises ImportFileError naming the line."""
    by_table = {m._meta.table_name: m for m in ALL_MODELS}
    unknown = sorted(set(doc.tables) - set(by_table))
    if unknown:
        raise ImportFileError(
            f"This export holds a table this version of CareerPivot does not know "
            f"({unknown[0]!r}); it may come from a newer version. Nothing was imported.",
            line=jsonbackup.locate(data, unknown[0], 0))
    prepared = []
    total = sum(len(r) for r in doc.tables.values())
    done = 0
    surrogates_possible = _SURROGATE_ESCAPE.search(data) is not None
    for model in ALL_MODELS:
        table = model._meta.table_name
        rows = doc.tables.get(table, [])
        fields = model._meta.sorted_fields
        names = [f.column_name for f in fields]
        known = set(names)
        pk = model._meta.primary_key.column_name
        pk_index = names.index(pk)
        # Each column's check chosen once per table (chosen per value, this loop took a
        # third of the import of the benchmark workspace).
        columns = []
        for field in fields:
            columns.append((field.column_name, _checker(field, surrogates_possible), field))
        seen: set[object] = set()
        out = []
        append = out.append
        for index, row in enumerate(rows):
            done += 1
            if done % 2000 == 0:
                _tick(progress, done, total * 2, "Checking the export…")
            if not known.issuperset(row):
                extra = sorted(set(row) - known)
                raise _row_error(data, table, index, pk, row,
                                 f"has a column this version does not know ({extra[0]!r})")
            values = []
            for name, check, field in columns:
                if name in row:
                    value, problem = check(row[name])
                    if problem:
                        raise _row_error(data, table, index, pk, row,
                                         f"has a bad value: {name} {problem}")
                else:
                    value = field.default() if callable(field.default) else field.default
                    if value is None and not field.null:
                        raise _row_error(data, table, index, pk, row,
                                         f"has no value for {name}")
                    if isinstance(value, bool):
                        value = int(value)
                values.append(value)
            key = values[pk_index]
            if key in seen:
                raise _row_error(data, table, index, pk, row,
                                 f"repeats the {pk} {key!r} of an earlier row")
            seen.add(key)
            append(tuple(values))
        prepared.append((model, names, out))
    return prepared, total


def _fts_tables() -> list[str]:
    """The full-text tables that index another table (external content)."""
    return [name for name, sql in database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE "
        "'CREATE VIRTUAL TABLE%USING fts5%'").fetchall() if "content=" in sql.replace(" ", "")]


def _suspend_index_triggers() -> list[tuple[str, str]]:
    """Drop the triggers that keep the full-text tables in step, inside the import's
    transaction; :func:`_rebuild_indexes` fills the tables in one pass and puts the triggers
    back (a failed import rolls both back). Row by row, the triggers doubled the import of
    the benchmark workspace: 13.7 s, against 6.5 s plus 1.2 s to rebuild."""
    fts = _fts_tables()
    if not fts:
        return []
    triggers = [(name, sql) for name, sql in database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        if any(re.search(rf"\b{re.escape(t)}\b", sql) for t in fts)]
    for name, _sql in triggers:
        database.execute_sql(f'DROP TRIGGER "{name}"')
    return triggers


def _rebuild_indexes(triggers: list[tuple[str, str]]) -> None:
    if not triggers:
        return
    for table in _fts_tables():
        database.execute_sql(f'INSERT INTO "{table}"("{table}") VALUES (\'rebuild\')')
    for _name, sql in triggers:
        database.execute_sql(sql)


def import_json(source: str | Path | bytes, *, progress: Progress | None = None
                ) -> JsonImportResult:
    """Restore every table of a full export, with its ids, into this (empty) workspace, in
    one transaction. Refuses a workspace that holds anything the user entered."""
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        try:
            if path.stat().st_size > MAX_IMPORT_BYTES * 4:
                raise ImportFileError(f"{path.name} is too large to be a CareerPivot export.")
            data = path.read_bytes()
        except FileNotFoundError:
            raise ImportFileError(f"{path} does not exist (it may have been moved).") from None
        except OSError as exc:
            raise ImportFileError(f"{path} could not be read: {exc.strerror}.") from None
    _tick(progress, 0, 1, "Reading the export…")
    doc = jsonbackup.read_document(data)
    if doc.schema > migrations.CURRENT_VERSION:
        raise ImportFileError(
            f"This export comes from a newer version of CareerPivot (schema {doc.schema}). "
            "Install the newer version to import it. Nothing was imported.", line=1)
    prepared, total = _prepare(doc, data, progress)
    if not is_empty():
        raise ImportFileError(
            "This workspace already holds data, so the full export was not imported (it "
            "would mix two workspaces). Import it into a new workspace: File > New Workspace, "
            "then import.")
    with write():
        if not is_empty():  # checked again inside the transaction
            raise ImportFileError(
                "This workspace already holds data, so the full export was not imported.")
        database.execute_sql("PRAGMA defer_foreign_keys = ON")
        triggers = _suspend_index_triggers()
        for model in reversed(ALL_MODELS):
            model.delete().execute()
        done = total
        connection = database.connection()
        for model, names, rows in prepared:
            table = model._meta.table_name
            # The values are checked and already in their stored form: a plain executemany
            # is exact and ten times faster than building one statement per chunk.
            sql = (f'INSERT INTO "{table}" ({", ".join(chr(34) + n + chr(34) for n in names)})'
                   f' VALUES ({", ".join("?" * len(names))})')
            size = 5000
            for start in range(0, len(rows), size):
                try:
                    connection.executemany(sql, rows[start:start + size])
                except sqlite3.IntegrityError as exc:
                    raise ImportFileError(
                        f"The table {table!r} of this export breaks a rule of the workspace "
                        f"({exc}). Nothing was imported.",
                        line=jsonbackup.locate(data, table, start)) from None
                done += len(rows[start:start + size])
                _tick(progress, done, total * 2, "Writing the workspace…")
        _rebuild_indexes(triggers)
        if doc.schema < 5:  # before conversations kept their person as held: the best known
            database.execute_sql(migrations.FILL_HELD_SQL)
        problems = database.execute_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            table, rowid, parent, _fk = problems[0][:4]
            rows_of = next(r for m, n, r in prepared if m._meta.table_name == table)
            model = next(m for m in ALL_MODELS if m._meta.table_name == table)
            names = _columns(model)
            index = next((i for i, r in enumerate(rows_of)
                          if r[names.index(model._meta.primary_key.column_name)] == rowid), 0)
            line = jsonbackup.locate(data, table, index)
            raise ImportFileError(
                (f"Line {line}: " if line else "")
                + f"a row of table {table!r} (id {rowid}) refers to a {parent} row that is not "
                "in the export. Nothing was imported.", line=line)
    workspace.mark_changed()
    _tick(progress, 1, 1, "Done")
    return JsonImportResult(tables=len(prepared), rows=total, schema=doc.schema,
                            exported_at=doc.exported_at)


def suggested_name(kind: str, list_name: str = "", today: _dt.date | None = None) -> str:
    """A file name for an export: ``careerpivot-contacts-2026-03-14.csv`` etc."""
    day = (today or clock.today()).isoformat()
    if kind == "csv":
        return f"careerpivot-{list_name or 'lists'}-{day}.csv"
    ext = {"ics": "ics", "vcf": "vcf", "json": "json"}[kind]
    label = {"ics": "calendar", "vcf": "contacts", "json": "export"}[kind]
    return f"careerpivot-{label}-{day}.{ext}"


__all__ = [
    "CSV_LISTS",
    "Exported",
    "JsonImportResult",
    "calendar_events",
    "csv_table",
    "dump_tables",
    "export_all_csv",
    "export_csv",
    "export_ics",
    "export_json",
    "export_vcf",
    "import_json",
    "is_empty",
    "suggested_name",
    "vcard_contacts",
    "workspace_uid",
]
