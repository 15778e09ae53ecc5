"""Target paths, their assumptions and evidence, the comparison of paths, and the question bank
with each path's core questions.

Every function returns plain values. Lists are read with a fixed number of queries whatever
their length: :func:`list_assumptions` reads the assumptions with their verdicts counted in
one query and, when it has to, who took part in the conversations in a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import NamedTuple

import peewee as pw

from careerpivot.core import compare, evidence, vocab
from careerpivot.core.validation import (
    ValidationError,
    check_choice,
    check_range,
    clean_bool,
    clean_line,
    clean_text,
    name_key,
)
from careerpivot.services import standings, workspace
from careerpivot.services._base import (
    Columns,
    delete_with_snapshot,
    fetch_tuples,
    get_or_fail,
    set_fields,
    utcnow,
    write,
)
from careerpivot.store.models import (
    Assumption,
    Contact,
    Criterion,
    Evidence,
    Interview,
    Path,
    PathQuestion,
    PathScore,
    Question,
)

Snapshot = workspace.Snapshot

#: Longest assumption statement (a belief is a sentence or two, not an essay).
MAX_STATEMENT = 2000
#: Longest question text.
MAX_QUESTION = 1000
#: The recommended number of core questions per path.
CORE_QUESTIONS_MIN = 3
CORE_QUESTIONS_MAX = 5
#: Largest criterion weight accepted.
MAX_WEIGHT = 100.0


# --- rows ------------------------------------------------------------------------------------
#
# Named tuples: plain values like frozen dataclasses, but about a fifth of the cost to define
# (this module is loaded when the Paths tab is first shown) and to make.


class PathRow(NamedTuple):
    id: int
    title: str
    field: str
    why: str
    status: str
    notes: str
    position: int
    assumption_count: int
    interview_count: int


class AssumptionRow(NamedTuple):
    id: int
    path_id: int
    path_title: str
    statement: str
    category: str
    confidence: int
    position: int
    status: str  # core.vocab.ASSUMPTION_STATUSES, derived from the held conversations
    supported: int  # held conversations that supported it
    challenged: int
    nuanced: int
    triangulated: bool
    #: the whole judgement: people, organizations and levels so far, what is missing
    standing: evidence.Standing | None = None

    @property
    def settled(self) -> bool:
        return self.standing is not None and self.standing.settled

    def lacks(self, translate: evidence.Translate = evidence.english) -> str:
        """In words: what the evidence says and what it still lacks."""
        return evidence.describe(self.standing, translate) if self.standing else ""

    @property
    def conversations(self) -> int:
        return self.supported + self.challenged + self.nuanced


class EvidenceRow(NamedTuple):
    interview_id: int
    scheduled_at: str
    round: int
    contact_id: int
    contact_name: str
    organization: str
    level: str
    verdict: str
    quote: str
    held: bool = True  # False: kept, but not counted until the conversation is held


class PathStatusCounts(NamedTuple):
    path_id: int
    title: str
    untested: int
    supported: int
    challenged: int
    contested: int
    triangulated: int

    @property
    def total(self) -> int:
        return self.untested + self.supported + self.challenged + self.contested


class CriterionRow(NamedTuple):
    id: int
    name: str
    weight: float
    from_evidence: bool
    position: int


class PathComparison(NamedTuple):
    path_id: int
    title: str
    status: str
    #: One score per criterion of :attr:`Comparison.criteria`, in that order; ``None`` when a
    #: hand-scored criterion has not been scored yet. Evidence criteria are always filled.
    scores: tuple[float | None, ...]
    total: float  # weighted, 0-100
    evidence_strength: float  # 0-5


class Comparison(NamedTuple):
    criteria: tuple[CriterionRow, ...]
    paths: tuple[PathComparison, ...]


class QuestionRow(NamedTuple):
    id: int
    text: str
    category: str
    seeded: bool
    position: int


# --- helpers ---------------------------------------------------------------------------------


def _next_position(model: type[pw.Model], *where: pw.Expression) -> int:
    query = model.select(pw.fn.COALESCE(pw.fn.MAX(model.position), -1) + 1)
    if where:
        query = query.where(*where)
    return int(query.scalar())


def _reorder(model: type[pw.Model], ids: Iterable[int], *where: pw.Expression) -> None:
    """Positions 0..n-1 in the order of ``ids`` (rows not listed keep their relative order
    after them)."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    with write():
        query = model.select(model.id).order_by(model.position, model.id)
        if where:
            query = query.where(*where)
        existing = [r[0] for r in query.tuples()]
        known = set(existing)
        order = [i for i in wanted if i in known] + [i for i in existing if i not in wanted]
        for position, row_id in enumerate(order):
            model.update(position=position).where(model.id == row_id).execute()
    workspace.mark_changed()


def _update(model: type[pw.Model], row_id: int, field: str, value: object, what: str,
            validators: dict[str, Callable[[int, object], object]]) -> None:
    validate = validators.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    cleaned = validate(row_id, value)
    set_fields(model, row_id, {field: cleaned}, what)


def _unique_title(model: type[pw.Model], column: pw.Field, field: str, text: str,
                  exclude_id: int | None, message: str) -> None:
    key = name_key(text)
    for row_id, other in model.select(model.id, column).tuples():
        if row_id != exclude_id and name_key(other) == key:
            raise ValidationError(field, message)


# --- paths -----------------------------------------------------------------------------------


def _clean_title(path_id: int | None, value: object) -> str:
    title = clean_line("title", value, required=True)
    _unique_title(Path, Path.title, "title", title, path_id,
                  "A path with this title already exists.")
    return title


_PATH_FIELDS: dict[str, Callable[[int, object], object]] = {
    "title": _clean_title,
    "field": lambda _id, v: clean_line("field", v),
    "why": lambda _id, v: clean_text("why", v),
    "status": lambda _id, v: check_choice("status", str(v), vocab.PATH_STATUSES),
    "notes": lambda _id, v: clean_text("notes", v),
}


_PATH_COLUMNS = Columns(
    id=Path.id, title=Path.title, field=Path.field, why=Path.why, status=Path.status,
    notes=Path.notes, position=Path.position,
    assumption_count=(Assumption.select(pw.fn.COUNT(Assumption.id))
                      .where(Assumption.path == Path.id)),
    interview_count=Interview.select(pw.fn.COUNT(Interview.id)).where(Interview.path == Path.id),
)


def _path_query() -> pw.ModelSelect:
    return Path.select(*_PATH_COLUMNS).order_by(Path.position, Path.id)


def list_paths() -> list[PathRow]:
    """All paths in the user's order, with their assumption and interview counts."""
    return [_PATH_COLUMNS.make(PathRow, row) for row in _path_query().tuples()]


def get_path(path_id: int) -> PathRow:
    rows = list(_path_query().where(Path.id == path_id).tuples())
    if not rows:
        get_or_fail(Path, path_id, "path")
    return _PATH_COLUMNS.make(PathRow, rows[0])


def add_path(title: str, field: str = "", why: str = "", status: str = "exploring",
             notes: str = "") -> int:
    values = {
        "field": _PATH_FIELDS["field"](0, field),
        "why": _PATH_FIELDS["why"](0, why),
        "status": _PATH_FIELDS["status"](0, status),
        "notes": _PATH_FIELDS["notes"](0, notes),
    }
    with write():
        values["title"] = _clean_title(None, title)
        row_id = Path.insert(position=_next_position(Path), **values).execute()
    workspace.mark_changed()
    return int(row_id)


def update_path(path_id: int, field: str, value: object) -> None:
    """Change one field: title, field, why, status or notes."""
    _update(Path, path_id, field, value, "path", _PATH_FIELDS)


def reorder_paths(path_ids: Iterable[int]) -> None:
    _reorder(Path, path_ids)


def delete_path(path_id: int) -> Snapshot:
    """Delete a path with its assumptions, evidence, scores and core questions; interviews,
    contacts and log entries stay (their link to the path is cleared). Undo with
    ``workspace.restore_snapshot``."""
    get_or_fail(Path, path_id, "path")
    return delete_with_snapshot(Path, [path_id], "path")


# --- assumptions -----------------------------------------------------------------------------


def _clean_path_ref(_id: int, value: object) -> int:
    try:
        path_id = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError("path", "Choose a path.") from None
    if not Path.select().where(Path.id == path_id).exists():
        raise ValidationError("path", "This path no longer exists.")
    return path_id


_ASSUMPTION_FIELDS: dict[str, Callable[[int, object], object]] = {
    "statement": lambda _id, v: clean_text("statement", v, required=True,
                                           max_len=MAX_STATEMENT),
    "category": lambda _id, v: check_choice("category", str(v), vocab.ASSUMPTION_CATEGORIES),
    "confidence": lambda _id, v: check_range("confidence", v, 0, 100, integer=True),
    "path": _clean_path_ref,
}


def add_assumption(path_id: int, statement: str, category: str = "other",
                   confidence: int = 50) -> int:
    values = {
        "statement": _ASSUMPTION_FIELDS["statement"](0, statement),
        "category": _ASSUMPTION_FIELDS["category"](0, category),
        "confidence": _ASSUMPTION_FIELDS["confidence"](0, confidence),
    }
    with write():
        get_or_fail(Path, path_id, "path")
        row_id = Assumption.insert(
            path=path_id, position=_next_position(Assumption, Assumption.path == path_id),
            **values,
        ).execute()
    workspace.mark_changed()
    return int(row_id)


def update_assumption(assumption_id: int, field: str, value: object) -> None:
    """Change one field: statement, category, confidence (0-100) or path (an id)."""
    _update(Assumption, assumption_id, field, value, "assumption", _ASSUMPTION_FIELDS)


def reorder_assumptions(path_id: int, assumption_ids: Iterable[int]) -> None:
    _reorder(Assumption, assumption_ids, Assumption.path == path_id)


def delete_assumption(assumption_id: int) -> Snapshot:
    """Delete an assumption and the evidence recorded for it (undo restores both)."""
    get_or_fail(Assumption, assumption_id, "assumption")
    return delete_with_snapshot(Assumption, [assumption_id], "assumption")


def list_assumptions(path_id: int | None = None) -> list[AssumptionRow]:
    """Assumptions (of one path, or all) with their standing (core.evidence.judge) on the
    held conversations. One query reads the assumptions with the conversations of each
    verdict listed (an assumption has one verdict per conversation); a second who took part
    in those conversations (services.standings)."""
    query = (
        Assumption.select(
            Assumption.id, Assumption.path, Path.title, Assumption.statement,
            Assumption.category, Assumption.confidence, Assumption.position,
            *standings.verdict_lists(),
        )
        .join(Path)
        .order_by(Path.position, Path.id, Assumption.position, Assumption.id)
    )
    if path_id is not None:
        query = query.where(Assumption.path == path_id)
    rows = fetch_tuples(query)
    voices = standings.held_voices(path_id) if any(any(r[7:]) for r in rows) else {}
    result = []
    for row in rows:
        a_id, p_id, p_title, statement, category, confidence, position, *lists = row
        standing = standings.judge_lists(lists, voices)
        counts = standing.counts
        result.append(AssumptionRow(
            id=a_id, path_id=p_id, path_title=p_title, statement=statement,
            category=category, confidence=confidence, position=position,
            status=standing.status, supported=counts.supported,
            challenged=counts.challenged, nuanced=counts.nuanced,
            triangulated=standing.triangulated, standing=standing,
        ))
    return result


def get_assumption(assumption_id: int) -> AssumptionRow:
    get_or_fail(Assumption, assumption_id, "assumption")
    path_id = Assumption.get_by_id(assumption_id).path_id
    for row in list_assumptions(path_id):
        if row.id == assumption_id:
            return row
    raise AssertionError("unreachable")  # pragma: no cover


def assumption_evidence(assumption_id: int) -> list[EvidenceRow]:
    """The conversations that gave a verdict on one assumption, oldest first."""
    get_or_fail(Assumption, assumption_id, "assumption")
    is_held = Interview.status == vocab.HELD
    query = (
        Evidence.select(
            Interview.id, Interview.scheduled_at, Interview.round, Contact.id, Contact.name,
            # a held conversation's person as they were then; else as they are now
            pw.Case(None, [(is_held, Interview.held_organization)], Contact.organization),
            pw.Case(None, [(is_held, Interview.held_level)], Contact.level),
            Evidence.verdict, Evidence.quote, is_held,
        )
        .join(Interview)
        .join(Contact)
        .where(Evidence.assumption == assumption_id)
        .order_by(Interview.scheduled_at == "", Interview.scheduled_at, Interview.id)
    )
    return [EvidenceRow(*r[:-1], held=bool(r[-1])) for r in fetch_tuples(query)]


def status_by_path() -> list[PathStatusCounts]:
    """How many assumptions of each path are untested/supported/challenged/contested (and
    triangulated): the Overview chart. Three queries."""
    counts: dict[int, dict[str, int]] = {}
    for row in list_assumptions():
        c = counts.setdefault(row.path_id, defaultdict(int))
        c[row.status] += 1
        c["triangulated"] += int(row.triangulated)
    result = []
    for path_id, title in Path.select(Path.id, Path.title).order_by(
            Path.position, Path.id).tuples():
        c = counts.get(path_id, {})
        result.append(PathStatusCounts(
            path_id, title, c.get("untested", 0), c.get("supported", 0),
            c.get("challenged", 0), c.get("contested", 0), c.get("triangulated", 0),
        ))
    return result


# --- criteria and the comparison -------------------------------------------------------------


def _clean_criterion_name(criterion_id: int | None, value: object) -> str:
    name = clean_line("name", value, required=True)
    _unique_title(Criterion, Criterion.name, "name", name, criterion_id,
                  "A criterion with this name already exists.")
    return name


_CRITERION_FIELDS: dict[str, Callable[[int, object], object]] = {
    "name": _clean_criterion_name,
    "weight": lambda _id, v: check_range("weight", v, 0, MAX_WEIGHT),
    "from_evidence": lambda _id, v: clean_bool("from_evidence", v),
}


def list_criteria() -> list[CriterionRow]:
    query = Criterion.select(
        Criterion.id, Criterion.name, Criterion.weight, Criterion.from_evidence,
        Criterion.position,
    ).order_by(Criterion.position, Criterion.id)
    return [CriterionRow(i, n, float(w), bool(fe), p) for i, n, w, fe, p in query.tuples()]


def add_criterion(name: str, weight: float = 1.0, from_evidence: bool = False) -> int:
    values = {
        "name": _clean_criterion_name(None, name),
        "weight": _CRITERION_FIELDS["weight"](0, weight),
        "from_evidence": clean_bool("from_evidence", from_evidence),
    }
    with write():
        row_id = Criterion.insert(position=_next_position(Criterion), **values).execute()
    workspace.mark_changed()
    return int(row_id)


def update_criterion(criterion_id: int, field: str, value: object) -> None:
    """Change one field: name, weight (>= 0) or from_evidence."""
    _update(Criterion, criterion_id, field, value, "criterion", _CRITERION_FIELDS)


def reorder_criteria(criterion_ids: Iterable[int]) -> None:
    _reorder(Criterion, criterion_ids)


def delete_criterion(criterion_id: int) -> Snapshot:
    get_or_fail(Criterion, criterion_id, "criterion")
    return delete_with_snapshot(Criterion, [criterion_id], "criterion")


def set_score(path_id: int, criterion_id: int, score: float | str | None) -> None:
    """A path's score (0-5) on a hand-scored criterion; ``None`` or "" removes it."""
    cleared = score is None or (isinstance(score, str) and not score.strip())
    value = None if cleared else check_range("score", score, 0, compare.MAX_SCORE)
    with write():
        get_or_fail(Path, path_id, "path")
        get_or_fail(Criterion, criterion_id, "criterion")
        if value is None:
            PathScore.delete().where(
                (PathScore.path == path_id) & (PathScore.criterion == criterion_id)
            ).execute()
        else:
            PathScore.insert(path=path_id, criterion=criterion_id, score=value).on_conflict(
                conflict_target=[PathScore.path, PathScore.criterion],
                update={PathScore.score: value},
            ).execute()
        Path.update(updated_at=utcnow()).where(Path.id == path_id).execute()
    workspace.mark_changed()


def comparison() -> Comparison:
    """Every path scored on every criterion, with weighted totals (0-100). Criteria marked
    ``from_evidence`` are filled with the path's evidence strength (0-5). Five queries."""
    criteria = tuple(list_criteria())
    paths = list(
        Path.select(Path.id, Path.title, Path.status).order_by(Path.position, Path.id).tuples()
    )
    given: dict[tuple[int, int], float] = {
        (p, c): float(s)
        for p, c, s in PathScore.select(PathScore.path, PathScore.criterion,
                                        PathScore.score).tuples()
    }
    per_path: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for row in list_assumptions():
        per_path[row.path_id].append((row.conversations, row.triangulated))
    weights = {c.id: c.weight for c in criteria}
    result = []
    for path_id, title, status in paths:
        strength = compare.evidence_strength(per_path.get(path_id, ()))
        scores = tuple(
            strength if c.from_evidence else given.get((path_id, c.id)) for c in criteria
        )
        total = compare.weighted_total(dict(zip(weights, scores, strict=True)), weights)
        result.append(PathComparison(path_id, title, status, scores, total, strength))
    return Comparison(criteria, tuple(result))


# --- the question bank and core questions ----------------------------------------------------


def _clean_question_text(question_id: int | None, value: object) -> str:
    text = clean_text("text", value, required=True, max_len=MAX_QUESTION)
    _unique_title(Question, Question.text, "text", text, question_id,
                  "This question is already in the bank.")
    return text


_QUESTION_FIELDS: dict[str, Callable[[int, object], object]] = {
    "text": _clean_question_text,
    "category": lambda _id, v: check_choice("category", str(v), vocab.QUESTION_CATEGORIES),
}

_QUESTION_COLUMNS = (Question.id, Question.text, Question.category, Question.seeded,
                     Question.position)


def list_questions(category: str | None = None) -> list[QuestionRow]:
    """The question bank in its order (optionally one category)."""
    query = Question.select(*_QUESTION_COLUMNS).order_by(Question.position, Question.id)
    if category:
        query = query.where(Question.category == category)
    return [QuestionRow(i, t, c, bool(s), p) for i, t, c, s, p in query.tuples()]


def add_question(text: str, category: str = "other") -> int:
    values = {
        "text": _clean_question_text(None, text),
        "category": _QUESTION_FIELDS["category"](0, category),
    }
    with write():
        row_id = Question.insert(position=_next_position(Question), **values).execute()
    workspace.mark_changed()
    return int(row_id)


def update_question(question_id: int, field: str, value: object) -> None:
    """Change one field: text or category. Guides already written keep their wording."""
    _update(Question, question_id, field, value, "question", _QUESTION_FIELDS)


def delete_question(question_id: int) -> Snapshot:
    """Remove a question from the bank (and from paths' core questions). Interview guides
    keep the question's wording and the answers."""
    get_or_fail(Question, question_id, "question")
    return delete_with_snapshot(Question, [question_id], "question")


def core_questions(path_id: int) -> list[QuestionRow]:
    """The path's core questions in guide order (``position`` is the place in the guide)."""
    query = (
        PathQuestion.select(Question.id, Question.text, Question.category, Question.seeded,
                            PathQuestion.position)
        .join(Question)
        .where(PathQuestion.path == path_id)
        .order_by(PathQuestion.position, PathQuestion.id)
    )
    return [QuestionRow(i, t, c, bool(s), p) for i, t, c, s, p in query.tuples()]


def set_core_questions(path_id: int, question_ids: Iterable[int]) -> None:
    """Replace the path's core questions by ``question_ids``, in that order (duplicates are
    dropped). See :func:`core_question_warning` for the recommended count."""
    ids = list(dict.fromkeys(int(i) for i in question_ids))
    with write():
        get_or_fail(Path, path_id, "path")
        found = {r[0] for r in Question.select(Question.id).where(Question.id.in_(ids)).tuples()}
        missing = [i for i in ids if i not in found]
        if missing:
            raise ValidationError("question", "A chosen question no longer exists.")
        PathQuestion.delete().where(PathQuestion.path == path_id).execute()
        if ids:
            PathQuestion.insert_many(
                [{"path": path_id, "question": qid, "position": pos}
                 for pos, qid in enumerate(ids)]
            ).execute()
        Path.update(updated_at=utcnow()).where(Path.id == path_id).execute()
    workspace.mark_changed()


def core_question_warning(count: int) -> str | None:
    """A gentle message when a guide has fewer than 3 or more than 5 core questions."""
    if count <= 0:
        return "Choose 3 to 5 core questions for this path's interview guide."
    if count < CORE_QUESTIONS_MIN:
        noun = "question" if count == 1 else "questions"
        return (f"Only {count} core {noun}: a guide works best with "
                f"{CORE_QUESTIONS_MIN} to {CORE_QUESTIONS_MAX}.")
    if count > CORE_QUESTIONS_MAX:
        return (f"{count} core questions may not fit a 20–30 minute conversation; "
                f"{CORE_QUESTIONS_MIN} to {CORE_QUESTIONS_MAX} work best.")
    return None
