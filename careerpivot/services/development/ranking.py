"""The development list: every skill ranked by the evidence of the conversations and the gap
between its current and target level (:mod:`careerpivot.core.priority`).

:func:`ranked_skills` reads the skills, their mentions grouped by importance (over a covering
index, in its order), who took part in the held conversations and the linked learning items —
four queries whatever the size of the workspace — counts the distinct conversations, people,
organizations and levels behind each skill, and ranks the skills.

Only mentions in held conversations (status completed, ``core.vocab.HELD``) count, and each
conversation counts with the person *as they were when it was held* (the interview's
``held_organization`` and ``held_level``), never the contact's data of today: a person who
changes jobs later does not widen or narrow the evidence already gathered. A skill's
organizations and levels are the distinct known ones among its held conversations, keyed as
:mod:`careerpivot.core.evidence` keys them (:func:`~careerpivot.core.evidence.organization_key`,
:func:`~careerpivot.core.evidence.level_key`); its people are the distinct contacts.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

from careerpivot.core import evidence as _evidence_keys
from careerpivot.core import priority as _priority
from careerpivot.core import vocab
from careerpivot.store.models import Interview, LearningItem, LearningSkill, database


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
#: workspace against 11 for this. Keeping only the held conversations' mentions in SQL costs
#: a look-up per mention: 16 ms more than the look-ups in Python.)
_MENTIONS_SQL = """
SELECT skill_id,
       CASE WHEN importance >= 3 THEN 3 WHEN importance = 2 THEN 2
            WHEN importance <= 1 THEN 1 END,
       COUNT(*), group_concat(interview_id)
FROM skill_mention
GROUP BY skill_id, importance
"""

#: Who took part in the held conversations, as recorded when each was held, in one statement
#: of two parts, each read from an index alone (never the table, whose rows carry long texts):
#: every held conversation with its contact and its path (0: none), as three lists in the
#: same order, from the index of the list, which holds the contact, the path and the status
#: (``+status`` keeps the planner on it); and the held conversations of each organization and
#: level, as written, from the index ``interview(status, id, contact_id, held_level,
#: held_organization, …)``.
_PEOPLE_SQL = f"""
SELECT 'held', group_concat(id), group_concat(contact_id), group_concat(IFNULL(path_id, 0))
FROM interview WHERE +status = '{vocab.HELD}'
UNION ALL
SELECT 'as', held_organization, held_level, group_concat(id) FROM interview
WHERE status = '{vocab.HELD}' GROUP BY held_organization, held_level
"""


class _Breadth:
    """Who stands behind a skill's held conversations: how many people, organizations and
    experience levels, as they were when each conversation was held.

    Counted in SQL, every mention costs a look-up of its conversation and a temporary b-tree
    insert per distinct count (or a sort). Here the look-ups are dictionaries read once per
    call (:data:`_PEOPLE_SQL`), keyed by the conversation ids as ``group_concat`` lists them,
    and each count is the size of a set built with ``map`` over a skill's conversations."""

    def __init__(self) -> None:
        #: held conversation id (as text) -> its contact id, its path id (as text; "0": none)
        self.person_of: dict[str, str] = {}
        self.path_of: dict[str, str] = {}
        #: held conversation id (as text) -> the number of its (organization, level) as keyed
        #: by core.evidence; the number -> the numbers of that organization and level (0:
        #: unknown). Sets of small ints are cheap, and there are few such pairs.
        self.pair_of: dict[str, int] = {}
        self.organization_of: list[int] = []
        self.level_of: list[int] = []
        pairs: dict[tuple[int, int], int] = {}
        organizations: dict[str, int] = {"": 0}
        levels: dict[str, int] = {"": 0}
        for part, first, second, third in database.execute_sql(_PEOPLE_SQL).fetchall():
            if part == "held":
                if first:
                    ids = first.split(",")
                    self.person_of = dict(zip(ids, second.split(","), strict=True))
                    self.path_of = dict(zip(ids, third.split(","), strict=True))
                continue
            organization = organizations.setdefault(
                _evidence_keys.organization_key(first), len(organizations))
            level = levels.setdefault(_evidence_keys.level_key(second), len(levels))
            code = pairs.get((organization, level))
            if code is None:
                code = pairs[organization, level] = len(pairs)
                self.organization_of.append(organization)
                self.level_of.append(level)
            self.pair_of.update(dict.fromkeys(third.split(","), code))
        #: path id (as text) -> how many conversations were held on it
        self.held_on = Counter(self.path_of.values())

    def counts(self, conversations: set[str]) -> tuple[int, int, int]:
        """(people, organizations, experience levels) of these held conversations."""
        people = set(map(self.person_of.__getitem__, conversations))
        codes = set(map(self.pair_of.__getitem__, conversations))
        organizations = set(map(self.organization_of.__getitem__, codes))
        organizations.discard(0)
        levels = set(map(self.level_of.__getitem__, codes))
        levels.discard(0)
        return len(people), len(organizations), len(levels)

    def held_total(self, conversations: set[str]) -> int:
        """The conversations held on the paths of these held conversations."""
        held_on = self.held_on
        return sum(held_on[p] for p in set(map(self.path_of.__getitem__, conversations)))


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
    held = breadth.person_of.__contains__
    for importance, _count, interview_ids in groups:
        ids = list(filter(held, interview_ids.split(",")))
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
    for skill_id, importance, count, interview_ids in database.execute_sql(
            _MENTIONS_SQL).fetchall():
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
    held conversations (:data:`_PEOPLE_SQL`) and the linked learning items."""
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
