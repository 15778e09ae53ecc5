"""The Overview: the charts and Find everywhere; what is due is ``services.due_list`` (read a
bucket at a time) and acting on it ``services.due_actions``, named here too.

:func:`chart_data` computes the four charts with grouped queries. :func:`find_everywhere`
searches contacts, conversations (their answers and notes included), assumptions, skills,
milestones and log entries through the full-text index (``store/search.py``), a limit per
kind.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import peewee as pw

from careerpivot.core import clock, vocab
from careerpivot.core import plan as _plan
from careerpivot.core import priority as _priority
from careerpivot.core.text import fold, fold_with_map
from careerpivot.core.validation import name_key
from careerpivot.services._base import stored_date as _date
from careerpivot.services.due_actions import (  # noqa: F401 - named here for the callers
    DoneRecord,
    log_checkin,
    mark_done,
    restore_snooze,
    snooze_item,
    undo_done,
)
from careerpivot.services.due_list import (  # noqa: F401 - named here for the callers
    ACTION,
    CHECKIN,
    DONE,
    INTERVIEW,
    KIND_ORDER,
    MILESTONE,
    OUTREACH,
    PAST_INTERVIEW_DAYS,
    SNOOZE_KEY,
    AgendaRow,
    DueItem,
    due_items,
    snoozes,
    upcoming_interviews,
)

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
    Skill,
    database,
)

# --- rows ------------------------------------------------------------------------------------


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



# --- small helpers ---------------------------------------------------------------------------


def _iso(day: _dt.date) -> str:
    return day.isoformat()


def _rows(query: pw.Query) -> Iterator[tuple]:
    """A query's rows as the database returns them (dates stay ISO text): several times
    faster than peewee's conversions over the thousands of rows of a large workspace. Read
    one at a time, never all at once: the charts go through tens of thousands of rows."""
    return iter(database.execute(query))


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

