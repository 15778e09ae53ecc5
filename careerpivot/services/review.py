"""The weekly review: what was due and what got done, what changed in the evidence, what to
learn next and the milestones coming due, read for one guided page; and saving the week's
decisions with a dated summary as one "review" entry of the tracking log.

The rules (when a review is due, the window it looks back over, what counts as a change) are
``core.review``'s. The last review is the newest log entry of kind "review" (by its date).

:func:`review_data` reads, whatever the size of the workspace: the last review and (without one)
whether there is anything to review; the log's follow-ups due or done in the window (one pass
over the log); the milestones due, done or coming (one query); the conversations held in the
window; the evidence (``services.standings``' verdict lists, voices and judgement, read once and
judged twice: as it stood at the end of the since-day and now, only for the assumptions a
conversation held since then spoke on); the skills that became recurring (one statement); and
the top of the development list (``services.development.ranked_skills``). On the benchmark
workspace (20,000 conversations, 60,000 verdicts) the evidence and the development list are
nearly all of its time; :func:`reminder`, what the Overview asks, is two small queries.

:func:`save_review` writes the decisions followed by :func:`summary_text`, in the words of the
``translate`` it is given (the UI passes its translator, so the log keeps the summary in the
language the user read it in). Until then the decisions typed are kept as a draft in the
workspace (:func:`keep_draft`, :func:`draft`), which the save removes in the same transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import NamedTuple

from careerpivot.core import clock, evidence, vocab
from careerpivot.core import due as _due
from careerpivot.core import plan as _plan
from careerpivot.core import review as rules
from careerpivot.core.review import TEXTS, Mark, Translate, english
from careerpivot.core.validation import ValidationError, clean_text
from careerpivot.services import log, standings, workspace
from careerpivot.services._base import fetch_tuples, write
from careerpivot.services._base import stored_date as _date
from careerpivot.store.models import Assumption, Path, Setting, database

#: The most items of one list the review shows (the totals count them all).
LIST_LIMIT = 40
#: Skills of the development list the review shows.
TOP_SKILLS = 5
#: Lines of one list in the saved summary (the rest is counted: "… and 3 more").
SUMMARY_LINES = 12
#: The longest decisions text (the summary after it fits in a log entry).
MAX_DECISIONS = 10_000
#: The workspace setting that keeps the decisions of a review not saved yet.
DRAFT_KEY = "review.draft"


# --- rows ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DueAction:
    """A follow-up action due in the window, or due before it and still open."""

    entry_id: int
    text: str
    due: _dt.date  # the effective due date (snooze applied)
    done: _dt.date | None
    contact_name: str


@dataclasses.dataclass(frozen=True)
class DoneItem:
    kind: str  # "log" (an action or a closed outreach), "milestone" or "interview"
    item_id: int  # for DataBus.show_item(kind, item_id)
    text: str  # the action, the milestone's title, the person's name
    day: _dt.date
    detail: str  # the contact, the phase, the conversation's path


@dataclasses.dataclass(frozen=True)
class EvidenceChange:
    assumption_id: int
    path_id: int
    path_title: str
    statement: str
    change: str  # core.review.CHANGE_ORDER
    before: Mark | None  # None: new since the last review
    after: Mark
    standing: evidence.Standing  # now (core.evidence.describe says what it still lacks)


@dataclasses.dataclass(frozen=True)
class NewSkill:
    skill_id: int
    name: str
    people: int  # distinct people who mentioned it in held conversations


@dataclasses.dataclass(frozen=True)
class MilestoneDue:
    milestone_id: int
    title: str
    phase: str
    due: _dt.date
    status: str  # core.vocab.MILESTONE_STATUSES
    days_overdue: int  # 0: not overdue
    partner: str


@dataclasses.dataclass(frozen=True)
class ReviewData:
    today: _dt.date
    since: _dt.date  # the window is the days after this one, up to today
    last_review: _dt.date | None
    overdue: bool  # core.review.is_overdue
    due: tuple[DueAction, ...]  # open ones first, most overdue first (at most LIST_LIMIT)
    due_total: int
    due_done: int
    done: tuple[DoneItem, ...]  # newest first (at most LIST_LIMIT)
    done_counts: dict[str, int]  # by DoneItem.kind, all of them
    changes: tuple[EvidenceChange, ...]
    new_skills: tuple[NewSkill, ...]
    top_skills: tuple  # the first services.development.RankedSkill rows of the list
    milestones: tuple[MilestoneDue, ...]  # overdue, then due in the next 14 days

    @property
    def days_since_review(self) -> int | None:
        return rules.days_since(self.last_review, self.today)


class Reminder(NamedTuple):
    last_review: _dt.date | None
    days: int | None  # since the last review
    overdue: bool


# --- the last review -------------------------------------------------------------------------

_LAST_REVIEW_SQL = ("SELECT entry_date, created_at FROM log_entry WHERE kind = 'review' "
                    "ORDER BY +entry_date DESC, id DESC LIMIT 1")
_ACTIVITY_SQL = (f"SELECT EXISTS (SELECT 1 FROM interview WHERE status = '{vocab.HELD}') "
                 "OR EXISTS (SELECT 1 FROM log_entry)")


def _last_review() -> tuple[_dt.date | None, str]:
    """The newest review's date and its creation stamp (None, "" when there is none)."""
    row = database.execute_sql(_LAST_REVIEW_SQL).fetchone()
    return (None, "") if row is None else (_date(row[0]), row[1] or "")


def _has_activity() -> bool:
    return bool(database.execute_sql(_ACTIVITY_SQL).fetchone()[0])


def reminder(today: _dt.date | None = None) -> Reminder:
    """Whether the Overview reminds the user of the review (two small queries)."""
    today = today or clock.today()
    last, _stamp = _last_review()
    overdue = rules.is_overdue(last, today, has_activity=last is None and _has_activity())
    return Reminder(last, rules.days_since(last, today), overdue)


# --- done and due ----------------------------------------------------------------------------

_LOG_SQL = """
SELECT e.id, e.kind, e.text, e.due_date, e.snoozed_until, e.done_date, IFNULL(c.name, '')
FROM log_entry e LEFT JOIN contact c ON c.id = e.contact_id
WHERE (e.kind = 'action' AND e.due_date <= :today AND (e.due_date > :since OR e.done_date IS NULL))
   OR (e.kind IN ('action', 'outreach') AND e.done_date > :since AND e.done_date <= :today)
"""


def _log_items(since: _dt.date, today: _dt.date
               ) -> tuple[list[DueAction], int, int, list[DoneItem]]:
    """(actions due, how many, how many of them done, what got done) from one pass."""
    due: list[DueAction] = []
    done: list[DoneItem] = []
    params = {"since": since.isoformat(), "today": today.isoformat()}
    for e_id, kind, text, due_on, snoozed, done_on, name in database.execute_sql(
            _LOG_SQL, params).fetchall():
        done_day = _date(done_on)
        if done_day is not None and since < done_day <= today:
            done.append(DoneItem("log", e_id, text, done_day, name))
        if kind != log.ACTION:
            continue
        when = _due.effective_due(_date(due_on), None if done_day else _date(snoozed))
        if when is None or when > today or (done_day is not None and when <= since):
            continue  # snoozed past today, or done and due before the window
        due.append(DueAction(e_id, text, when, done_day, name))
    due.sort(key=lambda a: (a.done is not None, a.due, a.entry_id))
    return due, len(due), sum(a.done is not None for a in due), done


_HELD_IN_WINDOW_SQL = f"""
SELECT i.id, i.scheduled_at, c.name, IFNULL(p.title, '')
FROM interview i JOIN contact c ON c.id = i.contact_id LEFT JOIN path p ON p.id = i.path_id
WHERE i.scheduled_at >= :start AND i.scheduled_at < :end AND i.status = '{vocab.HELD}'
"""


def _held(since: _dt.date, today: _dt.date) -> list[DoneItem]:
    """The conversations held in the window."""
    params = {"start": (since + _dt.timedelta(days=1)).isoformat(),
              "end": (today + _dt.timedelta(days=1)).isoformat()}
    found = []
    for i_id, when, name, path in database.execute_sql(_HELD_IN_WINDOW_SQL, params).fetchall():
        day = _date(when)
        if day is not None:
            found.append(DoneItem("interview", i_id, name, day, path))
    return found


_MILESTONE_SQL = """
SELECT m.id, m.title, m.due_date, m.status, m.done_date, ph.name, IFNULL(c.name, '')
FROM milestone m JOIN phase ph ON ph.id = m.phase_id LEFT JOIN contact c ON c.id = m.partner_id
WHERE m.due_date <= :ahead OR (m.done_date > :since AND m.done_date <= :today)
"""


def _milestones(since: _dt.date, today: _dt.date) -> tuple[list[MilestoneDue], list[DoneItem]]:
    """(open milestones overdue or due within core.review.MILESTONE_DAYS, those done in the
    window)."""
    ahead = today + _dt.timedelta(days=rules.MILESTONE_DAYS)
    coming: list[MilestoneDue] = []
    done: list[DoneItem] = []
    params = {"ahead": ahead.isoformat(), "since": since.isoformat(),
              "today": today.isoformat()}
    for m_id, title, due_on, status, done_on, phase, partner in database.execute_sql(
            _MILESTONE_SQL, params).fetchall():
        due_day, done_day = _date(due_on), _date(done_on)
        if status == _plan.DONE and done_day is not None and since < done_day <= today:
            done.append(DoneItem("milestone", m_id, title, done_day, phase))
        if status not in _plan.CLOSED and due_day is not None and due_day <= ahead:
            coming.append(MilestoneDue(m_id, title, phase, due_day, status,
                                       _plan.days_overdue(due_day, status, today), partner))
    coming.sort(key=lambda m: (m.due, m.milestone_id))
    return coming, done


# --- the evidence ----------------------------------------------------------------------------

#: The held conversations the evidence "as it stood" leaves out: held after the since-day, or
#: undated (the complement of ``standings.judged(held_through=...)``'s).
_HELD_AFTER_SQL = (f"SELECT id FROM interview WHERE status = '{vocab.HELD}' "
                   "AND (scheduled_at = '' OR substr(scheduled_at, 1, 10) > ?)")


def _stamp(day: _dt.date) -> str:
    """The ``created_at`` stamp of the local midnight that starts ``day``."""
    start = _dt.datetime.combine(day, _dt.time()).astimezone(_dt.UTC)
    return start.strftime("%Y-%m-%dT%H:%M:%SZ")


def _changes(since: _dt.date, new_after: str) -> list[EvidenceChange]:
    """The assumptions whose standing changed since the end of ``since``, and those written
    after the stamp ``new_after``; in CHANGE_ORDER, then the Paths tab's order."""
    query = (Assumption.select(Assumption.id, Assumption.path, Path.title, Assumption.statement,
                               Assumption.created_at, *standings.verdict_lists())
             .join(Path)
             .order_by(Path.position, Path.id, Assumption.position, Assumption.id))
    rows = fetch_tuples(query)
    later = {str(r[0]) for r in database.execute_sql(_HELD_AFTER_SQL,
                                                     (since.isoformat(),)).fetchall()}
    touched = [r for r in rows if r[4] > new_after or (later and any(
        not later.isdisjoint(ids.split(",")) for ids in r[5:] if ids))]
    if not touched:
        return []
    voices = standings.held_voices()
    then = {i_id: v for i_id, v in voices.items() if i_id not in later}
    found = []
    for a_id, p_id, title, statement, created, *lists in touched:
        now = standings.judge_lists(lists, voices)
        new = created > new_after
        before = None if new else rules.mark(standings.judge_lists(lists, then, left_out=True))
        after = rules.mark(now)
        change = rules.change_of(before, after, new=new)
        if change is not None:
            found.append(EvidenceChange(a_id, p_id, title, statement, change, before, after,
                                        now))
    order = {kind: n for n, kind in enumerate(rules.CHANGE_ORDER)}
    found.sort(key=lambda c: order[c.change])  # stable: the Paths tab's order within a kind
    return found


#: Skills mentioned by at least two distinct people in held conversations now but not in those
#: held on or before the since-day. Only skills mentioned in a conversation held after it can
#: be new; for each, a person who mentioned it then, and whether another did, stop at the first
#: row found (two distinct people: one, and another who is not them).
_EARLY = (f"i.status = '{vocab.HELD}' AND i.scheduled_at != '' "
          "AND substr(i.scheduled_at, 1, 10) <= :since")
_HELD = f"i.status = '{vocab.HELD}'"
_MENTIONED = "skill_mention m CROSS JOIN interview i ON i.id = m.interview_id"
_NEW_SKILLS_SQL = f"""
WITH recent(skill_id) AS (
  SELECT DISTINCT m.skill_id FROM interview i CROSS JOIN skill_mention m ON m.interview_id = i.id
  WHERE {_HELD} AND (i.scheduled_at = '' OR substr(i.scheduled_at, 1, 10) > :since)),
firsts(skill_id, early, anyone) AS MATERIALIZED (
  SELECT r.skill_id,
         (SELECT i.contact_id FROM {_MENTIONED} WHERE m.skill_id = r.skill_id AND {_EARLY}
          LIMIT 1),
         (SELECT i.contact_id FROM {_MENTIONED} WHERE m.skill_id = r.skill_id AND {_HELD}
          LIMIT 1)
  FROM recent r)
SELECT f.skill_id, s.name,
       (SELECT COUNT(DISTINCT i.contact_id) FROM {_MENTIONED}
        WHERE m.skill_id = f.skill_id AND {_HELD})
FROM firsts f JOIN skill s ON s.id = f.skill_id
WHERE EXISTS (SELECT 1 FROM {_MENTIONED}
              WHERE m.skill_id = f.skill_id AND {_HELD} AND i.contact_id != f.anyone)
  AND NOT (f.early IS NOT NULL AND EXISTS (
           SELECT 1 FROM {_MENTIONED}
           WHERE m.skill_id = f.skill_id AND {_EARLY} AND i.contact_id != f.early))
"""


def _new_skills(since: _dt.date) -> list[NewSkill]:
    rows = database.execute_sql(_NEW_SKILLS_SQL, {"since": since.isoformat()}).fetchall()
    found = [NewSkill(s_id, name, int(people)) for s_id, name, people in rows]
    found.sort(key=lambda s: (-s.people, s.name.casefold(), s.skill_id))
    return found


def _top_skills(count: int) -> tuple:
    from careerpivot.services import development

    return tuple(development.ranked_skills(include_transferable=False)[:count])


# --- the review ------------------------------------------------------------------------------


class Changes(NamedTuple):
    since: _dt.date
    evidence: tuple[EvidenceChange, ...]
    new_skills: tuple[NewSkill, ...]


def changes_since_last_review(today: _dt.date | None = None) -> Changes:
    """What changed in the evidence since the last review (or the last 7 days): the part of
    :func:`review_data` that judges the evidence twice, then and now."""
    today = today or clock.today()
    last, stamp = _last_review()
    since = rules.since_day(last, today)
    # new: written after the last review was, or (none) after the since-day
    new_after = stamp or _stamp(since + _dt.timedelta(days=1))
    return Changes(since, tuple(_changes(since, new_after)), tuple(_new_skills(since)))


def review_data(today: _dt.date | None = None) -> ReviewData:
    """Everything the weekly review shows, for ``today`` (default: the clock's)."""
    today = today or clock.today()
    last, _ = _last_review()
    since = rules.since_day(last, today)
    overdue = rules.is_overdue(last, today, has_activity=last is None and _has_activity())
    due, due_total, due_done, done = _log_items(since, today)
    milestones, milestones_done = _milestones(since, today)
    done += milestones_done
    done += _held(since, today)
    counts = {kind: 0 for kind in ("log", "milestone", "interview")}
    for item in done:
        counts[item.kind] += 1
    done.sort(key=lambda d: (d.day, d.kind, d.item_id), reverse=True)
    changed = changes_since_last_review(today)
    return ReviewData(
        today=today, since=since, last_review=last, overdue=overdue,
        due=tuple(due[:LIST_LIMIT]), due_total=due_total, due_done=due_done,
        done=tuple(done[:LIST_LIMIT]), done_counts=counts,
        changes=changed.evidence, new_skills=changed.new_skills,
        top_skills=_top_skills(TOP_SKILLS), milestones=tuple(milestones[:LIST_LIMIT]),
    )


# --- saving ----------------------------------------------------------------------------------


def check_decisions(decisions: object) -> str:
    """The decisions as they will be stored; ValidationError("decisions", ...) when they say
    nothing (a review records at least a word: "no change" is a decision too)."""
    text = clean_text("decisions", decisions, max_len=MAX_DECISIONS)
    if not any(ch.isalnum() for ch in text):
        raise ValidationError("decisions", "Write the week's decisions in a few words — even "
                                           "“no change this week” is one.")
    return text


def _lines(items: list[str], translate: Translate) -> list[str]:
    if len(items) <= SUMMARY_LINES:
        return items
    rest = len(items) - SUMMARY_LINES + 1
    return [*items[:SUMMARY_LINES - 1], translate(TEXTS["more"], rest)]


def summary_text(data: ReviewData, translate: Translate = english) -> str:
    """The dated plain-text summary a saved review carries after the decisions."""
    t = translate
    sep = t(TEXTS["separator"], -1)
    if data.last_review is None:
        lines = [t(TEXTS["heading_first"], -1).format(data.today.isoformat())]
    else:
        lines = [t(TEXTS["heading"], -1).format(data.today.isoformat(),
                                                data.since.isoformat())]
    if data.due_total:
        lines.append(t(TEXTS["due"], -1).format(data.due_total, data.due_done,
                                                data.due_total - data.due_done))
    else:
        lines.append(t(TEXTS["nothing_due"], -1))
    done = [t(TEXTS[key], data.done_counts.get(kind, 0))
            for kind, key in (("log", "actions"), ("milestone", "milestones_done"),
                              ("interview", "conversations"))
            if data.done_counts.get(kind, 0)]
    lines.append(t(TEXTS["done"], -1).format(sep.join(done)) if done
                 else t(TEXTS["nothing_done"], -1))
    if data.changes:
        lines.append(t(TEXTS["changes"], -1))
        lines += _lines([t(TEXTS["change"], -1).format(
            c.statement, c.path_title, rules.change_words(c.before, c.after, t))
            for c in data.changes], t)
    else:
        lines.append(t(TEXTS["no_changes"], -1))
    if data.new_skills:
        lines.append(t(TEXTS["skills"], -1).format(sep.join(
            t(TEXTS["skill"], s.people).format(s.name) for s in data.new_skills)))
    if data.top_skills:
        lines.append(t(TEXTS["top"], -1).format(sep.join(s.name for s in data.top_skills)))
    if data.milestones:
        lines.append(t(TEXTS["milestones"], -1))
        lines += _lines([t(TEXTS["milestone_overdue" if m.days_overdue else "milestone_due"],
                           -1).format(m.title, m.due.isoformat()) for m in data.milestones], t)
    return "\n".join(lines)


def save_review(decisions: str, data: ReviewData, *, translate: Translate = english) -> int:
    """Write the review in one transaction: one log entry of kind "review" dated today, the
    decisions followed by :func:`summary_text`; the draft goes. Returns the entry's id;
    ValidationError when the decisions say nothing."""
    text = check_decisions(decisions) + "\n\n" + summary_text(data, translate)
    with write():
        entry_id = log.add_entry("review", text[:log.MAX_ENTRY], entry_date=clock.today())
        Setting.delete().where(Setting.key == DRAFT_KEY).execute()
    return entry_id


def draft() -> str:
    """The decisions typed for a review not saved yet ("" when none)."""
    row = Setting.get_or_none(Setting.key == DRAFT_KEY)
    return row.value if row is not None else ""


def keep_draft(decisions: str) -> None:
    """Keep the decisions typed so far in the workspace (an empty text removes the draft), so
    that closing the review or the app never loses them."""
    text = clean_text("decisions", decisions, max_len=MAX_DECISIONS)
    if text == draft():
        return
    with write():
        if text:
            Setting.replace(key=DRAFT_KEY, value=text).execute()
        else:
            Setting.delete().where(Setting.key == DRAFT_KEY).execute()
    workspace.mark_changed()

