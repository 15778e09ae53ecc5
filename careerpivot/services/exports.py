"""Taking data out: CSV of each list, a calendar (.ics), contacts (.vcf), and the full JSON
export that imports back into an empty workspace without any loss (``full_export.py``; its
functions are named here too, where the other exports are).

Every file is written atomically (``fileio.write_atomic``): an interrupted export
leaves the previous file whole. Functions here run in worker threads and take a
``progress(done, total, text)`` callback that may raise to cancel.
"""

from __future__ import annotations

import datetime as _dt
import re
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import peewee as pw

from careerpivot.core import clock, vocab
from careerpivot.core.errors import ExportError
from careerpivot.fileio import write_atomic
from careerpivot.formats import csvfiles, ics, vcard
from careerpivot.services import (
    development,
    network,
    paths,
    plan,
)
from careerpivot.services.export_common import (
    Exported,
    Progress,
    workspace_uid,
)
from careerpivot.services.export_common import tick as _tick
from careerpivot.services.full_export import (
    JsonImportResult,
    dump_tables,
    export_json,
    import_json,
    is_empty,
)
from careerpivot.store.models import (
    Contact,
    Interview,
    LearningItem,
    LogEntry,
    Milestone,
    Phase,
)
from careerpivot.store.models import (
    Path as PathModel,
)

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


#: The kinds of calendar events (their second category) as :attr:`Exported.counts` names them.
_EVENT_KINDS = {"Interview": "interviews", "Follow-up": "follow_ups",
                "Milestone": "milestones", "Practice": "practice"}


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
