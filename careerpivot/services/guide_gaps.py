"""Questions for the next conversation that target what is still uncertain on a path.

:func:`proposed_questions` proposes at most :data:`MAX_PROPOSALS` questions:

* for the path's *open* assumptions (not settled, ``core.evidence``) that the person of the
  conversation has not spoken on in a conversation held (another round with them adds no
  voice: ``core.evidence`` counts each person once), in this order: the
  untested ones (nothing is known), then the contested ones (the people disagree), then the
  others closest to settled first (fewest people still needed, then whether someone at
  another organization or level is needed: one conversation may settle them), each group in
  the path's order of assumptions (``core.gap_questions.uncertainty_order``);
* for the *skills mentioned only once*: mentioned in exactly one held conversation of the
  path, and in no held conversation without a path (one that is filed under no path still
  speaks about the field, so it counts as a second mention; a skill mentioned only in such
  conversations is not the path's). Essential ones first, then by name. One place is kept for
  them when there is such a skill.

The ranking is cut to :data:`MAX_PROPOSALS` first, then what the interview's guide already
targets is left out, so asking twice never adds more. An assumption gets the first question
of the bank of its matching category (``core.gap_questions.QUESTION_CATEGORY``) that is
neither in the guide, nor a core question of the path, nor chosen for an earlier proposal;
else a question written from its statement. A skill always gets a question that names it (a
bank question would not).

A proposed question in a guide is an Answer row that names its target (``Answer.assumption``
or ``Answer.skill``). Queries: two to judge the assumptions (``paths.list_assumptions``), one
for the skills, one for the guide, one for what the person already spoke on and one for the
bank, whatever the size of the workspace.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import NamedTuple

import peewee as pw

from careerpivot.core import clock, evidence, gap_questions, vocab
from careerpivot.core.text import english_plural
from careerpivot.services import paths, workspace
from careerpivot.services._base import fetch_tuples, get_or_fail, write
from careerpivot.store.models import (
    Answer,
    Assumption,
    Interview,
    PathQuestion,
    Question,
    Skill,
    database,
)

__all__ = ["MAX_PROPOSALS", "QUOTE_LENGTH", "SAID_MAX", "Added", "Mark", "Proposal", "Said",
           "Targeted", "add_proposals", "append_proposals", "guide_marks", "is_ahead",
           "proposed_questions", "said_before", "targeted_questions"]

#: The most questions proposed at once.
MAX_PROPOSALS = 5
#: Places kept for skills mentioned only once, when there are such skills.
SKILL_PLACES = 1
#: What others already said, per question: at most this many people ...
SAID_MAX = 3
#: ... each quoted in at most this many characters.
QUOTE_LENGTH = 140

ASSUMPTION, SKILL = "assumption", "skill"

Translate = gap_questions.Translate


def _same(text: str) -> str:
    return text


class Proposal(NamedTuple):
    text: str  # the question, as it goes into the guide
    why: str  # why it is proposed, in words (English; ``standing`` says it in another)
    kind: str  # "assumption" or "skill"
    target_id: int  # the assumption's or the skill's id
    target: str  # the assumption's statement, or the skill's name
    question_id: int | None = None  # the bank question chosen; None when written for it
    standing: evidence.Standing | None = None  # an assumption's, as core.evidence judged it

    @property
    def assumption_id(self) -> int | None:
        return self.target_id if self.kind == ASSUMPTION else None

    @property
    def skill_id(self) -> int | None:
        return self.target_id if self.kind == SKILL else None


class Added(NamedTuple):
    answer_ids: tuple[int, ...]  # the guide's new questions, in order
    proposed: int  # how many questions the gaps gave (those already in the guide included)


class Mark(NamedTuple):
    """What a question of a guide targets."""

    kind: str  # "assumption" or "skill"
    target_id: int
    target: str  # the assumption's statement, or the skill's name


class Targeted(NamedTuple):
    """A question of a guide that targets a gap, with why (as it stands now)."""

    answer_id: int | None  # None: a proposal not in the guide
    question: str
    kind: str
    target_id: int
    target: str
    why: str
    #: whether the gap is still open: the assumption not settled, the skill still mentioned
    #: in one held conversation at most
    open: bool = True


class Said(NamedTuple):
    """What one person already said about a target, in a held conversation."""

    person: str
    organization: str  # as they were when it was held ("" unknown)
    stance: str  # English: a verdict's name (Supported ...), or a mention's importance
    quote: str  # shortened to QUOTE_LENGTH ("" when nothing was written down)


# --- what is uncertain -----------------------------------------------------------------------

#: Skills mentioned in exactly one held conversation of the path and in none without a path:
#: the path's held conversations are found by the interview's path index, their mentions by
#: the mentions' interview index; the check for conversations without a path reads only the
#: candidates' mentions.
_SKILLS_ONCE_SQL = f"""
WITH once AS (
  SELECT m.skill_id AS skill_id, MAX(m.importance) AS importance
  FROM interview i JOIN skill_mention m ON m.interview_id = i.id
  WHERE i.path_id = ? AND i.status = '{vocab.HELD}'
  GROUP BY m.skill_id HAVING COUNT(DISTINCT m.interview_id) = 1)
SELECT once.skill_id, s.name, once.importance FROM once JOIN skill s ON s.id = once.skill_id
WHERE NOT EXISTS (
  SELECT 1 FROM skill_mention m JOIN interview i ON i.id = m.interview_id
  WHERE m.skill_id = once.skill_id AND i.path_id IS NULL AND i.status = '{vocab.HELD}')
ORDER BY once.importance DESC, s.key, s.id
"""


def _skill_why(conversations: int) -> str:
    return english_plural(gap_questions.TEXTS["skill_mentions"], conversations)


def _guide(interview_id: int | None) -> tuple[set[int], set[tuple[str, int]]]:
    """The bank questions and the targets already in a guide."""
    if interview_id is None:
        return set(), set()
    questions: set[int] = set()
    targets: set[tuple[str, int]] = set()
    for question_id, assumption_id, skill_id in fetch_tuples(
            Answer.select(Answer.question, Answer.assumption, Answer.skill)
            .where(Answer.interview == interview_id)):
        if question_id is not None:
            questions.add(question_id)
        if assumption_id is not None:
            targets.add((ASSUMPTION, assumption_id))
        if skill_id is not None:
            targets.add((SKILL, skill_id))
    return questions, targets


#: The assumptions the person of a conversation has already spoken on, in a conversation held
#: (another round with them would not add a voice).
_SPOKEN_SQL = f"""
SELECT DISTINCT e.assumption_id FROM interview asked
JOIN interview i ON i.contact_id = asked.contact_id AND i.status = '{vocab.HELD}'
JOIN evidence e ON e.interview_id = i.id
WHERE asked.id = ?
"""


def _spoken_on(interview_id: int | None) -> set[int]:
    if interview_id is None:
        return set()
    return {a for (a,) in database.execute_sql(_SPOKEN_SQL, (interview_id,)).fetchall()}


def _bank(path_id: int, categories: set[str]) -> list[tuple[int, str, str]]:
    """(id, category, text) of the bank questions of ``categories`` that are not core
    questions of the path, in the bank's order."""
    if not categories:
        return []
    core = PathQuestion.select(PathQuestion.question).where(PathQuestion.path == path_id)
    return fetch_tuples(
        Question.select(Question.id, Question.category, Question.text)
        .where(Question.category.in_(sorted(categories)) & Question.id.not_in(core))
        .order_by(Question.position, Question.id))


def _propose(path_id: int, interview_id: int | None, translate: Translate
             ) -> tuple[list[Proposal], int]:
    """The proposals the guide does not target yet, and how many the gaps gave in all."""
    spoken = _spoken_on(interview_id)
    rows = [a for a in paths.list_assumptions(path_id) if not a.settled and a.id not in spoken]
    rows.sort(key=lambda a: gap_questions.uncertainty_order(a.standing))
    skills = database.execute_sql(_SKILLS_ONCE_SQL, (path_id,)).fetchall()
    open_rows = rows[:MAX_PROPOSALS - min(SKILL_PLACES, len(skills))]
    chosen = [Proposal("", evidence.describe(a.standing), ASSUMPTION, a.id, a.statement,
                       standing=a.standing) for a in open_rows]
    chosen += [Proposal(gap_questions.for_skill(name, translate), _skill_why(1), SKILL, s_id,
                        name) for s_id, name, _importance in skills[:MAX_PROPOSALS - len(chosen)]]
    total = len(chosen)
    in_guide, targeted = _guide(interview_id)
    chosen = [p for p in chosen if (p.kind, p.target_id) not in targeted]
    category = {a.id: gap_questions.QUESTION_CATEGORY.get(a.category) for a in open_rows}
    bank = [q for q in _bank(path_id, set(category.values()) - {None})  # type: ignore[arg-type]
            if q[0] not in in_guide]
    result = []
    for proposal in chosen:
        if proposal.kind == ASSUMPTION:
            pick = next((q for q in bank if q[1] == category[proposal.target_id]), None)
            if pick is not None:
                bank.remove(pick)
                proposal = proposal._replace(text=pick[2], question_id=pick[0])
            else:
                proposal = proposal._replace(
                    text=gap_questions.for_assumption(proposal.target, translate))
        result.append(proposal)
    return result, total


def proposed_questions(path_id: int, interview_id: int | None = None, *,
                       translate: Translate = _same) -> list[Proposal]:
    """The questions the gaps of a path propose for a guide (see the module's docstring);
    with ``interview_id``, those its guide does not target yet. ``translate`` gives the
    written questions in the reader's language (``core.gap_questions.TEXTS``)."""
    return _propose(path_id, interview_id, translate)[0]


# --- into the guide --------------------------------------------------------------------------

#: Statuses of a conversation that is still to come.
_AHEAD = frozenset({"requested", "scheduled"})


def is_ahead(status: str, scheduled_at: str, today: _dt.date | None = None) -> bool:
    """Whether a conversation is still being planned: requested or scheduled, for today or
    later, or not dated yet. (A conversation entered with a past date is being recorded after
    it was held: its guide is not planned any more.)"""
    if status not in _AHEAD:
        return False
    day = (today or clock.today()).isoformat()
    return not scheduled_at or scheduled_at[:10] >= day


def _insert(interview_id: int, proposals: Iterable[Proposal]) -> tuple[int, ...]:
    """Append the proposals to the guide (inside a write); the new answers' ids."""
    position = int(Answer.select(pw.fn.COALESCE(pw.fn.MAX(Answer.position), -1) + 1)
                   .where(Answer.interview == interview_id).scalar())
    ids = []
    for offset, p in enumerate(proposals):
        ids.append(int(Answer.insert(
            interview=interview_id, question=p.question_id, question_text=p.text,
            position=position + offset, assumption=p.assumption_id, skill=p.skill_id,
        ).execute()))
    return tuple(ids)


def append_proposals(interview_id: int, path_id: int | None, *,
                     translate: Translate = _same) -> tuple[int, ...]:
    """Append what the path's gaps propose to a guide, inside the caller's write (as a new
    conversation's guide is filled); the new answers' ids."""
    if path_id is None:
        return ()
    return _insert(interview_id, _propose(path_id, interview_id, translate)[0])


def add_proposals(interview_id: int, *, translate: Translate = _same) -> Added:
    """Add to a conversation's guide the proposals of its path that it does not target yet
    (nothing for a conversation without a path)."""
    with write():
        interview = get_or_fail(Interview, interview_id, "interview")
        if interview.path_id is None:
            return Added((), 0)
        proposals, total = _propose(interview.path_id, interview_id, translate)
        added = _insert(interview_id, proposals)
    if added:
        workspace.mark_changed()
    return Added(added, total)


# --- marks, and what others said -------------------------------------------------------------


def guide_marks(interview_id: int) -> dict[int, Mark]:
    """What each proposed question of a guide targets, by answer id (one query)."""
    query = (Answer.select(Answer.id, Assumption.id, Assumption.statement, Skill.id, Skill.name)
             .join(Assumption, pw.JOIN.LEFT_OUTER, on=(Answer.assumption == Assumption.id))
             .switch(Answer)
             .join(Skill, pw.JOIN.LEFT_OUTER, on=(Answer.skill == Skill.id))
             .where((Answer.interview == interview_id)
                    & (Answer.assumption.is_null(False) | Answer.skill.is_null(False))))
    marks = {}
    for answer_id, a_id, statement, s_id, name in fetch_tuples(query):
        if a_id is not None:
            marks[answer_id] = Mark(ASSUMPTION, a_id, statement)
        elif s_id is not None:
            marks[answer_id] = Mark(SKILL, s_id, name)
    return marks


#: How many held conversations mention each of some skills.
_SKILL_COUNTS_SQL = f"""
SELECT m.skill_id, COUNT(DISTINCT m.interview_id) FROM skill_mention m
JOIN interview i ON i.id = m.interview_id
WHERE m.skill_id IN ({{}}) AND i.status = '{vocab.HELD}' GROUP BY m.skill_id
"""


def targeted_questions(interview_id: int) -> list[Targeted]:
    """The questions of a guide that target a gap, in guide order, each with why as the
    evidence stands now. A few queries: the guide's marks, the assumptions of the paths
    they belong to (``paths.list_assumptions``), the skills' mentions."""
    rows = fetch_tuples(Answer.select(Answer.id, Answer.question_text, Answer.assumption,
                                      Answer.skill)
                        .where((Answer.interview == interview_id)
                               & (Answer.assumption.is_null(False) | Answer.skill.is_null(False)))
                        .order_by(Answer.position, Answer.id))
    marks = guide_marks(interview_id) if rows else {}
    assumption_ids = {m.target_id for m in marks.values() if m.kind == ASSUMPTION}
    standings: dict[int, evidence.Standing | None] = {}
    if assumption_ids:
        owners = {p for (p,) in fetch_tuples(Assumption.select(Assumption.path).distinct()
                                             .where(Assumption.id.in_(sorted(assumption_ids))))}
        judged = paths.list_assumptions(next(iter(owners)) if len(owners) == 1 else None)
        standings = {a.id: a.standing for a in judged if a.id in assumption_ids}
    skill_ids = sorted({m.target_id for m in marks.values() if m.kind == SKILL})
    counts: dict[int, int] = {}
    if skill_ids:
        sql = _SKILL_COUNTS_SQL.format(", ".join("?" * len(skill_ids)))
        counts = dict(database.execute_sql(sql, skill_ids).fetchall())
    result = []
    for answer_id, question, _a, _s in rows:
        mark = marks.get(answer_id)
        if mark is None:
            continue
        if mark.kind == ASSUMPTION:
            standing = standings.get(mark.target_id)
            why = evidence.describe(standing) if standing is not None else ""
            still_open = standing is None or not standing.settled
        else:
            count = counts.get(mark.target_id, 0)
            why, still_open = _skill_why(count), count <= 1
        result.append(Targeted(answer_id, question, mark.kind, mark.target_id, mark.target,
                               why, still_open))
    return result


#: Per assumption and verdict, the held conversations' verdicts other than one conversation's,
#: the quoted and newest first (``ROW_NUMBER``: a few per verdict, whatever the evidence).
_EVIDENCE_SQL = f"""
SELECT assumption_id, verdict, name, organization, quote, contact_id, n FROM (
  SELECT e.assumption_id, e.verdict, c.name, i.held_organization AS organization, e.quote,
         i.contact_id, ROW_NUMBER() OVER (PARTITION BY e.assumption_id, e.verdict
                                          ORDER BY e.quote = '', i.scheduled_at DESC, i.id DESC)
                       AS n
  FROM evidence e JOIN interview i ON i.id = e.interview_id JOIN contact c ON c.id = i.contact_id
  WHERE e.assumption_id IN ({{}}) AND i.status = '{vocab.HELD}' AND i.id != ?)
WHERE n <= {SAID_MAX * 2}
"""
#: The same for the mentions of skills: their importance and note.
_MENTIONS_SQL = f"""
SELECT skill_id, importance, name, organization, note, contact_id, n FROM (
  SELECT m.skill_id, m.importance, c.name, i.held_organization AS organization, m.note,
         i.contact_id, ROW_NUMBER() OVER (PARTITION BY m.skill_id
                                          ORDER BY m.note = '', i.scheduled_at DESC, i.id DESC)
                       AS n
  FROM skill_mention m JOIN interview i ON i.id = m.interview_id
  JOIN contact c ON c.id = i.contact_id
  WHERE m.skill_id IN ({{}}) AND i.status = '{vocab.HELD}' AND i.id != ?)
WHERE n <= {SAID_MAX * 2}
"""
#: The order verdicts are taken in, turn by turn, so agreement and disagreement both show.
_VERDICT_ORDER = {evidence.SUPPORTED: 0, evidence.CHALLENGED: 1, evidence.NUANCED: 2}


def said_before(targets: Iterable[tuple[str, int]], interview_id: int | None = None
                ) -> dict[tuple[str, int], tuple[Said, ...]]:
    """What people already said about each target ``(kind, id)`` in held conversations other
    than ``interview_id``: at most :data:`SAID_MAX` people each (several rounds with one
    person count once), those with a quote first, the verdicts taken in turn (supported,
    challenged, nuanced), each newest first. Two queries."""
    wanted = set(targets)
    other = -1 if interview_id is None else interview_id
    found: dict[tuple[str, int], list[tuple]] = {}
    for kind, sql in ((ASSUMPTION, _EVIDENCE_SQL), (SKILL, _MENTIONS_SQL)):
        ids = sorted(t for k, t in wanted if k == kind)
        if not ids:
            continue
        query = sql.format(", ".join("?" * len(ids)))
        for row in database.execute_sql(query, (*ids, other)).fetchall():
            found.setdefault((kind, row[0]), []).append(row)
    result = {}
    for key, rows in found.items():
        kind = key[0]
        rows.sort(key=lambda r: (r[4] == "", r[6],
                                 _VERDICT_ORDER.get(r[1], 3) if kind == ASSUMPTION else 0))
        people: set[int] = set()
        said = []
        for _id, stance, name, organization, text, contact_id, _n in rows:
            if contact_id in people:
                continue
            people.add(contact_id)
            label = (vocab.VERDICTS.get(stance, str(stance)) if kind == ASSUMPTION
                     else vocab.IMPORTANCE.get(stance, ""))
            said.append(Said(name, organization or "", label,
                             gap_questions.shorten(text, QUOTE_LENGTH)))
            if len(said) == SAID_MAX:
                break
        result[key] = tuple(said)
    return result
