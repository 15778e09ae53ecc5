"""Skills, the ranked development list, and learning items and experiments.

:func:`ranked_skills` reads the skills, their mentions grouped by importance (over a covering
index, in its order), who took part in the conversations (each conversation's contact, each
contact's organization and level) and the linked learning items, four queries whatever the size
of the workspace, counts the distinct conversations, people, organizations and levels behind
each skill, and ranks the skills with :mod:`careerpivot.core.priority`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable

import peewee as pw

from careerpivot.core import priority as _priority
from careerpivot.core import vocab
from careerpivot.core.validation import (
    ValidationError,
    check_choice,
    check_range,
    clean_bool,
    clean_line,
    clean_text,
    clean_url,
    name_key,
    parse_date,
)
from careerpivot.services import workspace
from careerpivot.services._base import (
    delete_with_snapshot,
    get_or_fail,
    link_rows,
    set_fields,
    utcnow,
    write,
)
from careerpivot.store.models import (
    Interview,
    LearningItem,
    LearningSkill,
    Skill,
    SkillMention,
    database,
)

Snapshot = workspace.Snapshot

#: Skill levels: 0 none .. 4 expert.
MIN_LEVEL, MAX_LEVEL = 0, 4
MAX_HOURS = 100_000.0
MAX_COST = 1_000_000_000.0
MAX_UNITS = 1_000_000

# --- name_key() in SQL -----------------------------------------------------------------------

#: SQL name of :func:`careerpivot.core.validation.name_key` (its arguments are joined by a
#: space), so lists can group and search by it in the same query.
FOLD_SQL = "cp_fold"


def _fold(*texts: object) -> str:
    try:
        return name_key(" ".join(str(t) for t in texts if t is not None))
    except Exception:  # a SQL function must never raise
        return ""


database.register_function(_fold, FOLD_SQL, -1, deterministic=True)


def fold(*columns: pw.Node) -> pw.Function:
    """``cp_fold(columns...)`` as a peewee expression."""
    return pw.fn.cp_fold(*columns)


# --- rows ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class SkillRow:
    id: int
    name: str
    kind: str
    current_level: int | None  # None: not assessed
    target_level: int | None
    transferable: bool
    notes: str
    mention_count: int


@dataclasses.dataclass(frozen=True, slots=True)
class RankedSkill:
    skill_id: int
    name: str
    kind: str
    current_level: int | None  # None: not assessed
    target_level: int | None
    transferable: bool
    gap: int | None  # None: not assessed (core.priority.gap_of)
    score: float
    evidence: float
    explanation: str
    mentions: int
    essential: int  # conversations that rated it essential
    important: int
    nice: int
    interviews: int
    people: int
    organizations: int
    levels: int
    total_conversations: int  # held on the paths the skill was mentioned for
    learning: tuple[str, ...]  # titles of linked learning items that are not dropped


@dataclasses.dataclass(frozen=True, slots=True)
class LearningRow:
    id: int
    title: str
    kind: str
    status: str
    start_date: _dt.date | None
    end_date: _dt.date | None
    hours_planned: float
    hours_spent: float
    units_done: int
    units_total: int
    cost: float
    provider: str
    url: str
    outcome: str
    hypothesis: str
    result: str
    schedule_day: int | None
    schedule_time: str
    schedule_minutes: int
    skills: tuple[tuple[int, str], ...]  # (skill id, name) of linked skills

    @property
    def is_experiment(self) -> bool:
        return self.kind in vocab.EXPERIMENT_KINDS

    @property
    def progress(self) -> float | None:
        """Units done of total (0-1), or None when no total is set."""
        if self.units_total > 0:
            return min(self.units_done / self.units_total, 1.0)
        return None


# --- helpers ---------------------------------------------------------------------------------


def _level(field: str, value: object) -> int | None:
    """A level 0-4, or None (also for "") for a skill not assessed."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return int(check_range(field, value, MIN_LEVEL, MAX_LEVEL, integer=True))


def _as_date(value: object) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value
    text = str(value)[:10]
    if len(text) == 10 and text[4] == text[7] == "-":  # as stored: read it in C
        try:
            date = _dt.date.fromisoformat(text)
        except ValueError:
            pass
        else:
            if 1900 <= date.year <= 2200:
                return date
    return parse_date("date", text)


# --- skills ----------------------------------------------------------------------------------


def _clean_skill_name(skill_id: int | None, value: object, field: str = "name") -> tuple[str, str]:
    name = clean_line(field, value, required=True)
    key = name_key(name)
    query = Skill.select(Skill.id).where(Skill.key == key)
    if skill_id is not None:
        query = query.where(Skill.id != skill_id)
    if query.exists():
        raise ValidationError(field, "A skill with this name already exists.")
    return name, key


_SKILL_FIELDS: dict[str, Callable[[object], object]] = {
    "kind": lambda v: check_choice("kind", str(v), vocab.SKILL_KINDS),
    "current_level": lambda v: _level("current_level", v),
    "target_level": lambda v: _level("target_level", v),
    "transferable": lambda v: clean_bool("transferable", v),
    "notes": lambda v: clean_text("notes", v),
}


def _skill_query() -> pw.ModelSelect:
    mentions = SkillMention.select(pw.fn.COUNT(SkillMention.id)).where(
        SkillMention.skill == Skill.id)
    return Skill.select(
        Skill.id, Skill.name, Skill.kind, Skill.current_level, Skill.target_level,
        Skill.transferable, Skill.notes, mentions.alias("n_mentions"),
    )


def list_skills() -> list[SkillRow]:
    """Every skill by name, with how many mentions it has."""
    return [
        SkillRow(i, n, k, c, t, bool(tr), no, m)
        for i, n, k, c, t, tr, no, m in _skill_query().order_by(Skill.key).tuples()
    ]


def get_skill(skill_id: int) -> SkillRow:
    """One skill (one query, not the whole list)."""
    found = _skill_query().where(Skill.id == skill_id).tuples().first()
    if found is None:
        get_or_fail(Skill, skill_id, "skill")
        raise AssertionError("unreachable")  # pragma: no cover
    i, n, k, c, t, tr, no, m = found
    return SkillRow(i, n, k, c, t, bool(tr), no, m)


def validate_skill(name: object, kind: object = "technical", current_level: object = None,
                   target_level: object = None, transferable: object = False,
                   notes: object = "") -> dict[str, object]:
    """Clean the fields of a new skill as :func:`add_skill` would (the name must be new);
    raises ValidationError for the first bad field. Used by the Add dialog before it closes."""
    clean_name, _key = _clean_skill_name(None, name)
    return {
        "name": clean_name,
        "kind": _SKILL_FIELDS["kind"](kind),
        "current_level": _SKILL_FIELDS["current_level"](current_level),
        "target_level": _SKILL_FIELDS["target_level"](target_level),
        "transferable": clean_bool("transferable", transferable),
        "notes": _SKILL_FIELDS["notes"](notes),
    }


def add_skill(name: str, kind: str = "technical", current_level: int | None = None,
              target_level: int | None = None, transferable: bool = False, notes: str = "") -> int:
    values = {
        "kind": _SKILL_FIELDS["kind"](kind),
        "current_level": _SKILL_FIELDS["current_level"](current_level),
        "target_level": _SKILL_FIELDS["target_level"](target_level),
        "transferable": clean_bool("transferable", transferable),
        "notes": _SKILL_FIELDS["notes"](notes),
    }
    with write():
        clean_name, key = _clean_skill_name(None, name)
        row_id = Skill.insert(name=clean_name, key=key, **values).execute()
    workspace.mark_changed()
    return int(row_id)


def ensure_skill(name: str, kind: str | None = None, *, field: str = "skill") -> int:
    """The id of the skill called ``name`` (any case, any spacing), created when new with
    ``kind`` (default technical) and no levels (not assessed). An existing skill keeps its
    kind and levels."""
    clean_name = clean_line(field, name, required=True)
    kind_key = check_choice("kind", kind or "technical", vocab.SKILL_KINDS)
    key = name_key(clean_name)
    with write():
        found = Skill.select(Skill.id).where(Skill.key == key).tuples().first()
        if found:
            return int(found[0])
        row_id = Skill.insert(name=clean_name, key=key, kind=kind_key).execute()
    workspace.mark_changed()
    return int(row_id)


def update_skill(skill_id: int, field: str, value: object) -> None:
    """Change one field: name (unique in any case), kind, current_level, target_level
    (0-4, or None / "" for not assessed), transferable or notes."""
    if field == "name":
        with write():
            get_or_fail(Skill, skill_id, "skill")
            clean_name, key = _clean_skill_name(skill_id, value)
            Skill.update(name=clean_name, key=key, updated_at=utcnow()).where(
                Skill.id == skill_id).execute()
        workspace.mark_changed()
        return
    validate = _SKILL_FIELDS.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    set_fields(Skill, skill_id, {field: validate(value)}, "skill")


def delete_skill(skill_id: int) -> Snapshot:
    """Delete a skill with its mentions and links (undo restores them)."""
    get_or_fail(Skill, skill_id, "skill")
    return delete_with_snapshot(Skill, [skill_id], "skill")


# --- the development list --------------------------------------------------------------------

def total_conversations() -> int:
    """Conversations held (status completed), the only ones whose mentions count."""
    return Interview.select().where(Interview.status == vocab.HELD).count()


#: The skills of the list.
_SKILLS_SQL = "SELECT id, name, kind, current_level, target_level, transferable FROM skill"

#: Every skill's mentions grouped by importance, in one pass over the covering index
#: ``skill_mention(skill_id, importance, interview_id)`` in its order, so the grouping needs no
#: sort: per group, its importance class (3 essential, 2 important, 1 nice to have, none for
#: another value), its mentions and the ids of their conversations (for :func:`_evidence`).
#: (Counting each class's distinct conversations in SQL instead, grouped by skill, costs a
#: CASE and a temporary b-tree insert per mention and per class: 31 ms on the benchmark
#: workspace against 11 for this.)
_MENTIONS_SQL = """
SELECT skill_id,
       CASE WHEN importance >= 3 THEN 3 WHEN importance = 2 THEN 2
            WHEN importance <= 1 THEN 1 END,
       COUNT(*), group_concat(interview_id)
FROM skill_mention
GROUP BY skill_id, importance
"""


#: Who took part in the conversations, in one statement of four parts: every conversation's
#: contact, as two lists in the same order (one pass over the index on
#: ``interview.contact_id``, which holds both columns); the held conversations (status
#: completed) and their paths (0: none); the contacts of each organization; and those of
#: each experience level, as written (passes over their indexes).
_PEOPLE_SQL = f"""
SELECT 'interview', group_concat(id), group_concat(contact_id) FROM interview
UNION ALL
SELECT 'held', group_concat(id), group_concat(IFNULL(path_id, 0)) FROM interview
WHERE status = '{vocab.HELD}'
UNION ALL
SELECT 'organization', organization, group_concat(id) FROM contact GROUP BY organization
UNION ALL
SELECT 'level', level, group_concat(id) FROM contact GROUP BY level
"""


class _Breadth:
    """Who stands behind a skill's conversations: how many people, organizations and
    experience levels.

    Counted in SQL, every mention costs a look-up of its conversation, one of the contact
    and a temporary b-tree insert per distinct count (or a sort): 60 ms at best on the
    benchmark workspace's 80,000 mentions, whichever way the join is ordered. Here the
    look-ups are dictionaries read once per call (:data:`_PEOPLE_SQL`) and each count is the
    size of a set built with ``map`` over the conversations: 35 ms."""

    def __init__(self) -> None:
        #: conversation id (as text, as group_concat lists it) -> contact id
        self.contact_of: dict[str, int] = {}
        #: held conversation id (as text) -> its path id (0: none)
        self.path_of: dict[str, int] = {}
        #: path id (0: none) -> how many conversations were held on it
        self.held_on: dict[int, int] = defaultdict(int)
        folded: dict[str, dict[int, str]] = {"organization": {}, "level": {}}
        for part, value, ids in database.execute_sql(_PEOPLE_SQL).fetchall():
            if part == "interview":
                if value:
                    self.contact_of = dict(zip(value.split(","), map(int, ids.split(",")),
                                               strict=True))
            elif part == "held":
                if value:
                    self.path_of = dict(zip(value.split(","), map(int, ids.split(",")),
                                            strict=True))
                    for path_id in self.path_of.values():
                        self.held_on[path_id] += 1
            else:  # contact id -> the folded value ("" when it folds to nothing)
                folded[part].update(dict.fromkeys(map(int, ids.split(",")), _fold(value)))
        levels = folded["level"]
        # each distinct (organization, level) gets a number: sets of small ints are cheap
        codes: dict[tuple[str, str], int] = {}
        #: contact id -> the number of its (organization, level)
        self.pair_of: dict[int, int] = {
            cid: codes.setdefault((organization, levels.get(cid, "")), len(codes))
            for cid, organization in folded["organization"].items()
        }
        #: the number -> (organization, level)
        self.pairs = list(codes)

    def counts(self, interview_ids: set[str]) -> tuple[int, int, int]:
        """(people, organizations, experience levels) of these conversations."""
        people = set(map(self.contact_of.get, interview_ids))
        people.discard(None)
        codes = set(map(self.pair_of.get, people))
        codes.discard(None)
        pairs = self.pairs
        organizations = {pairs[code][0] for code in codes} - {""}
        levels = {pairs[code][1] for code in codes} - {""}
        return len(people), len(organizations), len(levels)

    def held_total(self, interview_ids: set[str]) -> int:
        """The conversations held on the paths of these (held) conversations."""
        path_of = self.path_of
        return sum(self.held_on[p] for p in {path_of[i] for i in interview_ids})


#: A group of a skill's mentions (a row of :data:`_MENTIONS_SQL` without the skill):
#: importance class, mentions, the ids of their conversations joined by commas.
_Group = tuple[int | None, int, str]


def _evidence(groups: list[_Group], breadth: _Breadth,
              with_total: bool = True) -> _priority.SkillEvidence:
    """A skill's evidence from its groups of mentions (one per importance value), of the held
    conversations only (a mention on a conversation not held yet does not count); its total
    is the number of conversations held on the paths it was mentioned for."""
    conversations: set[str] = set()
    by_class: dict[int | None, set[str]] = {}
    mentions = 0
    held = breadth.path_of
    for importance, _count, interview_ids in groups:
        ids = [i for i in interview_ids.split(",") if i in held]
        if not ids:
            continue
        found = set(ids)
        conversations |= found
        mentions += len(ids)
        if importance in by_class:  # two values of one class, as 3 and 4
            by_class[importance] |= found
        else:
            by_class[importance] = found
    people, organizations, levels = breadth.counts(conversations)
    return _priority.SkillEvidence(
        mentions=mentions, essential=len(by_class.get(3, ())),
        important=len(by_class.get(2, ())), nice=len(by_class.get(1, ())),
        interviews=len(conversations), people=people, organizations=organizations,
        levels=levels,
        total_conversations=breadth.held_total(conversations) if with_total else 0,
    )


def _mention_groups() -> dict[int, list[_Group]]:
    """Every mentioned skill's groups of mentions (:data:`_MENTIONS_SQL`)."""
    groups: dict[int, list[_Group]] = defaultdict(list)
    for skill_id, importance, count, interview_ids in database.execute_sql(_MENTIONS_SQL):
        groups[skill_id].append((importance, count, interview_ids))
    return groups


def skill_evidence() -> dict[int, _priority.SkillEvidence]:
    """The evidence of every skill named in a conversation (without the total number of
    conversations, which only the ranking's explanations need), by skill id."""
    breadth = _Breadth()
    return {skill_id: _evidence(groups, breadth, with_total=False)
            for skill_id, groups in _mention_groups().items()}


def ranked_skills(include_transferable: bool = True) -> list[RankedSkill]:
    """Every skill with its evidence, priority and explanation, highest priority first.
    Transferable strengths are flagged (``transferable``) for the list to show apart. Four
    queries whatever the number of skills and mentions: the skills
    (:data:`_SKILLS_SQL`), their mentions (:data:`_MENTIONS_SQL`), who took part in the
    conversations (:data:`_PEOPLE_SQL`) and the linked learning items."""
    sql = _SKILLS_SQL if include_transferable else _SKILLS_SQL + " WHERE transferable = 0"
    skills = database.execute_sql(sql).fetchall()
    groups = _mention_groups()
    breadth = _Breadth()
    learning: dict[int, list[str]] = defaultdict(list)
    links = (
        LearningSkill.select(LearningSkill.skill, LearningItem.title)
        .join(LearningItem)
        .where(LearningItem.status != "dropped")
        .order_by(LearningItem.start_date.is_null(), LearningItem.start_date, LearningItem.id)
    )
    for skill_id, title in links.tuples():
        learning[skill_id].append(title)
    rows = []
    for skill_id, name, kind, current, target, transferable in skills:
        ev = _evidence(groups.get(skill_id, []), breadth)
        p = _priority.priority(ev, current, target, bool(transferable))
        rows.append(RankedSkill(
            skill_id=skill_id, name=name, kind=kind, current_level=current,
            target_level=target, transferable=bool(transferable), gap=p.gap, score=p.score,
            evidence=p.evidence, explanation=p.explanation, mentions=ev.mentions,
            essential=ev.essential, important=ev.important, nice=ev.nice,
            interviews=ev.interviews, people=ev.people, organizations=ev.organizations,
            levels=ev.levels, total_conversations=max(ev.total_conversations, ev.interviews),
            learning=tuple(learning.get(skill_id, ())),
        ))
    return _priority.rank(rows)


# --- learning items and experiments ----------------------------------------------------------

_HHMM = re.compile(r"(\d{1,2}):(\d{2})")


def _clean_time(value: object) -> str:
    text = clean_line("schedule_time", value, max_len=10)
    if not text:
        return ""
    m = _HHMM.fullmatch(text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValidationError("schedule_time", "Write the time as HH:MM, for example 18:30.")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def _clean_day(value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return int(check_range("schedule_day", value, 0, 6, integer=True))


_LEARNING_FIELDS: dict[str, Callable[[object], object]] = {
    "title": lambda v: clean_line("title", v, required=True),
    "kind": lambda v: check_choice("kind", str(v), vocab.LEARNING_KINDS),
    "status": lambda v: check_choice("status", str(v), vocab.LEARNING_STATUSES),
    "start_date": lambda v: parse_date("start_date", v),
    "end_date": lambda v: parse_date("end_date", v),
    "hours_planned": lambda v: check_range("hours_planned", v, 0, MAX_HOURS),
    "hours_spent": lambda v: check_range("hours_spent", v, 0, MAX_HOURS),
    "units_done": lambda v: check_range("units_done", v, 0, MAX_UNITS, integer=True),
    "units_total": lambda v: check_range("units_total", v, 0, MAX_UNITS, integer=True),
    "cost": lambda v: check_range("cost", v, 0, MAX_COST),
    "provider": lambda v: clean_line("provider", v),
    "url": lambda v: clean_url("url", v),
    "outcome": lambda v: clean_text("outcome", v),
    "hypothesis": lambda v: clean_text("hypothesis", v),
    "result": lambda v: clean_text("result", v),
    "schedule_day": _clean_day,
    "schedule_time": _clean_time,
    "schedule_minutes": lambda v: check_range("schedule_minutes", v, 0, 1440, integer=True),
}


def _check_pairs(values: dict, changed: str | None = None) -> None:
    """Cross-field rules over a learning item's complete values. ``changed`` names the field
    just edited, so the message appears next to it."""
    start, end = _as_date(values.get("start_date")), _as_date(values.get("end_date"))
    if start and end and end < start:
        field = "start_date" if changed == "start_date" else "end_date"
        raise ValidationError(
            field, f"The end ({end.isoformat()}) cannot be before the start "
                   f"({start.isoformat()}).")
    done, total = int(values.get("units_done") or 0), int(values.get("units_total") or 0)
    if done > total:
        field = "units_total" if changed == "units_total" else "units_done"
        raise ValidationError(
            field, f"Units done ({done}) cannot be more than the total ({total}).")


_LEARNING_COLUMNS = (
    LearningItem.id, LearningItem.title, LearningItem.kind, LearningItem.status,
    LearningItem.start_date, LearningItem.end_date, LearningItem.hours_planned,
    LearningItem.hours_spent, LearningItem.units_done, LearningItem.units_total,
    LearningItem.cost, LearningItem.provider, LearningItem.url, LearningItem.outcome,
    LearningItem.hypothesis, LearningItem.result, LearningItem.schedule_day,
    LearningItem.schedule_time, LearningItem.schedule_minutes,
)


def _learning_rows(query: pw.ModelSelect) -> list[LearningRow]:
    # the rows as SQLite gives them (dates as text, read by _as_date): Peewee's conversion of
    # every value took two thirds of the time on a list of 2,000 items
    items = database.execute_sql(*query.sql()).fetchall()
    skills: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if items:
        links = (
            LearningSkill.select(LearningSkill.learning, Skill.id, Skill.name)
            .join(Skill)
            .order_by(Skill.key)
        )
        if len(items) <= 500:
            links = links.where(LearningSkill.learning.in_([row[0] for row in items]))
        for learning_id, skill_id, skill_name in database.execute_sql(*links.sql()):
            skills[learning_id].append((skill_id, skill_name))
    return [
        LearningRow(item_id, title, kind, status, _as_date(start), _as_date(end),
                    float(planned), float(spent), int(done), int(total), float(cost),
                    provider, url, outcome, hypothesis, result,
                    None if day is None else int(day), schedule_time, int(minutes),
                    skills=tuple(skills.get(item_id, ())))
        for (item_id, title, kind, status, start, end, planned, spent, done, total, cost,
             provider, url, outcome, hypothesis, result, day, schedule_time, minutes) in items
    ]


def list_learning(*, skill_id: int | None = None, experiments: bool | None = None,
                  status: str | None = None) -> list[LearningRow]:
    """Learning items (optionally only those linked to a skill, only experiments or only
    non-experiments, one status), by start date then title. Two queries."""
    query = LearningItem.select(*_LEARNING_COLUMNS).order_by(
        LearningItem.start_date.is_null(), LearningItem.start_date, LearningItem.title,
        LearningItem.id)
    if skill_id is not None:
        query = query.where(LearningItem.id.in_(
            LearningSkill.select(LearningSkill.learning).where(LearningSkill.skill == skill_id)))
    if experiments is not None:
        kinds = sorted(vocab.EXPERIMENT_KINDS)
        query = query.where(LearningItem.kind.in_(kinds) if experiments
                            else LearningItem.kind.not_in(kinds))
    if status:
        query = query.where(LearningItem.status == status)
    return _learning_rows(query)


def learning_for_skill(skill_id: int) -> list[LearningRow]:
    return list_learning(skill_id=skill_id)


def get_learning(learning_id: int) -> LearningRow:
    rows = _learning_rows(
        LearningItem.select(*_LEARNING_COLUMNS).where(LearningItem.id == learning_id))
    if not rows:
        get_or_fail(LearningItem, learning_id, "learning item")
    return rows[0]


def validate_learning(title: object, kind: object = "course",
                      **fields: object) -> dict[str, object]:
    """Clean the fields of a new learning item as :func:`add_learning` would (cross-field
    rules included); raises ValidationError for the first bad field. Used by the Add dialog
    before it closes."""
    values: dict[str, object] = {"title": _LEARNING_FIELDS["title"](title),
                                 "kind": _LEARNING_FIELDS["kind"](str(kind))}
    for field, value in fields.items():
        validate = _LEARNING_FIELDS.get(field)
        if validate is None:
            raise ValidationError(field, "This field cannot be set here.")
        values[field] = validate(value)
    _check_pairs(values)
    return values


def add_learning(title: str, kind: str = "course", *, skill_ids: Iterable[int] = (),
                 **fields: object) -> int:
    """A new learning item or experiment. ``fields`` may hold any column of
    :class:`LearningRow` (status, start_date, end_date, hours_planned, hours_spent,
    units_done, units_total, cost, provider, url, outcome, hypothesis, result,
    schedule_day, schedule_time, schedule_minutes)."""
    values = validate_learning(title, kind, **fields)
    skill_list = list(dict.fromkeys(int(s) for s in skill_ids))
    with write():
        row_id = LearningItem.insert(**values).execute()
        _link(int(row_id), skill_list)
    workspace.mark_changed()
    return int(row_id)


def update_learning(learning_id: int, field: str, value: object) -> None:
    """Change one field (see :func:`add_learning`); an end before the start, or more units
    done than the total, is refused with a message for the edited field."""
    validate = _LEARNING_FIELDS.get(field)
    if validate is None:
        raise ValidationError(field, "This field cannot be changed here.")
    cleaned = validate(value)
    with write():
        row = get_or_fail(LearningItem, learning_id, "learning item")
        current = {
            "start_date": row.start_date, "end_date": row.end_date,
            "units_done": row.units_done, "units_total": row.units_total,
        }
        current[field] = cleaned
        _check_pairs(current, field)
        LearningItem.update({field: cleaned, "updated_at": utcnow()}).where(
            LearningItem.id == learning_id).execute()
    workspace.mark_changed()


def delete_learning(learning_id: int) -> Snapshot:
    get_or_fail(LearningItem, learning_id, "learning item")
    return delete_with_snapshot(LearningItem, [learning_id], "learning item")


def _link(learning_id: int, skill_ids: list[int], *, replace: bool = False) -> None:
    link_rows(LearningSkill, "learning", learning_id, "skill", Skill, skill_ids,
              field="skills", missing="A chosen skill no longer exists.", replace=replace)


def link_skill(learning_id: int, skill_id: int) -> None:
    with write():
        get_or_fail(LearningItem, learning_id, "learning item")
        _link(learning_id, [int(skill_id)])
    workspace.mark_changed()


def unlink_skill(learning_id: int, skill_id: int) -> None:
    with write():
        LearningSkill.delete().where(
            (LearningSkill.learning == learning_id) & (LearningSkill.skill == skill_id)
        ).execute()
    workspace.mark_changed()


def set_learning_skills(learning_id: int, skill_ids: Iterable[int]) -> None:
    """Link the item to exactly these skills."""
    wanted = list(dict.fromkeys(int(s) for s in skill_ids))
    with write():
        get_or_fail(LearningItem, learning_id, "learning item")
        _link(learning_id, wanted, replace=True)
    workspace.mark_changed()
