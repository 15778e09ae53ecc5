"""The priority of a skill on the development list, and the sentence that explains it.

The formula, in one place
-------------------------

*Evidence* is what the conversations said about the skill::

    strength = 3 x essential + 2 x important + 1 x nice_to_have
    breadth  = 1 + 0.5 x (organizations - 1)+ + 0.25 x (levels - 1)+ + 0.25 x (people - 1)+
    evidence = strength x breadth

where *essential*, *important* and *nice_to_have* count the conversations that rated the
skill at that importance, the other terms count distinct organizations, experience levels and
people among those conversations, and ``x+`` is ``max(x, 0)``.

The *gap* is ``target level - current level``, clipped at zero. The priority is::

    open gap   (gap >= 1):  score = gap x (1 + evidence)             always >= 1
    closed gap (gap == 0):  score = evidence / (1 + evidence)        always < 1

A skill whose levels were never set (either level ``None``: *not assessed*) has no gap
(``gap`` is ``None``): it ranks by its evidence alone, as if its gap were
:data:`DEFAULT_GAP`, and its explanation says "levels not set" instead of a gap. "Gap closed"
only ever means both levels are set and the current one reaches the target.

So every term only ever adds: one more essential conversation (or organization, level, person)
never lowers a skill's score; a wider gap multiplies the evidence; and a skill whose gap is
closed sorts below every skill with an open gap, while closed-gap skills still keep their
evidence order among themselves. Transferable strengths are not scored differently; they are
flagged (``Priority.transferable``) so the list can show them apart.

The explanation is assembled from the fixed phrases in :data:`PHRASES`, for example
"essential in 4 of 6 conversations, important in 1, 3 organizations, gap 2". The total
("of 6") counts the conversations held on the paths the skill was mentioned for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Protocol, TypeVar

from careerpivot.core.validation import name_key

#: Points a conversation adds to *strength*, by importance (core.vocab.IMPORTANCE keys).
IMPORTANCE_POINTS = {3: 3.0, 2: 2.0, 1: 1.0}
#: Breadth bonus per distinct organization, experience level and person beyond the first.
ORGANIZATION_BONUS = 0.5
LEVEL_BONUS = 0.25
PEOPLE_BONUS = 0.25
#: The gap a skill that was not assessed ranks with (``score = DEFAULT_GAP x (1 +
#: evidence)``): a skill nobody rated yet is taken as a middling gap, so the conversations
#: alone decide where it stands among the open gaps, and it is never shown as closed.
DEFAULT_GAP = 2

#: The fixed parts of the explanation (English; translated by the UI's ``priority`` context).
PHRASES = {
    "lead_one": "{importance} in {count} of {total} conversation",
    "lead_many": "{importance} in {count} of {total} conversations",
    "more": "{importance} in {count}",
    "organizations_one": "{count} organization",
    "organizations_many": "{count} organizations",
    "levels": "{count} experience levels",
    "gap": "gap {gap}",
    "gap_closed": "gap closed",
    "not_assessed": "levels not set",
    "not_mentioned": "not mentioned yet",
    "transferable": "transferable strength",
    "essential": "essential",
    "important": "important",
    "nice": "nice to have",
    "separator": ", ",
}


@dataclasses.dataclass(frozen=True)
class SkillEvidence:
    """What the conversations said about one skill (all counts are of distinct things)."""

    mentions: int = 0  # mention rows
    essential: int = 0  # conversations that rated it essential
    important: int = 0  # ... important
    nice: int = 0  # ... nice to have
    interviews: int = 0  # conversations that mentioned it
    people: int = 0
    organizations: int = 0
    levels: int = 0  # known experience levels
    total_conversations: int = 0  # conversations held, whether or not they mentioned it


@dataclasses.dataclass(frozen=True)
class Priority:
    score: float
    evidence: float
    gap: int | None  # None: not assessed
    transferable: bool
    explanation: str

    @property
    def assessed(self) -> bool:
        return self.gap is not None

    @property
    def open_gap(self) -> bool:
        return self.gap is not None and self.gap > 0


def _plus(value: int) -> int:
    return max(int(value) - 1, 0)


def evidence_points(ev: SkillEvidence) -> float:
    strength = (
        IMPORTANCE_POINTS[3] * max(ev.essential, 0)
        + IMPORTANCE_POINTS[2] * max(ev.important, 0)
        + IMPORTANCE_POINTS[1] * max(ev.nice, 0)
    )
    breadth = (
        1.0
        + ORGANIZATION_BONUS * _plus(ev.organizations)
        + LEVEL_BONUS * _plus(ev.levels)
        + PEOPLE_BONUS * _plus(ev.people)
    )
    return strength * breadth


def is_assessed(current_level: int | None, target_level: int | None) -> bool:
    """Both levels set (``None`` is a level never set)."""
    return current_level is not None and target_level is not None


def gap_of(current_level: int | None, target_level: int | None) -> int | None:
    """``target - current`` clipped at zero, or ``None`` when the skill was not assessed."""
    if not is_assessed(current_level, target_level):
        return None
    return max(int(target_level) - int(current_level), 0)  # type: ignore[arg-type]


def score_of(evidence: float, gap: int | None) -> float:
    if gap is None:
        gap = DEFAULT_GAP
    if gap > 0:
        return gap * (1.0 + evidence)
    return evidence / (1.0 + evidence)


def explain(ev: SkillEvidence, gap: int | None, transferable: bool = False,
            phrases: dict[str, str] | None = None) -> str:
    """The sentence that explains a skill's priority. ``phrases`` replaces :data:`PHRASES`
    (the UI passes them translated; a missing key falls back to the English phrase)."""
    p = PHRASES if phrases is None else {**PHRASES, **phrases}
    parts: list[str] = []
    total = max(ev.total_conversations, ev.interviews, ev.essential, ev.important, ev.nice)
    rated = [
        (p[key], count)
        for key, count in (("essential", ev.essential), ("important", ev.important),
                           ("nice", ev.nice))
        if count > 0
    ]
    if rated:
        label, count = rated[0]
        lead = p["lead_one"] if total == 1 else p["lead_many"]
        parts.append(lead.format(importance=label, count=count, total=total))
        parts.extend(p["more"].format(importance=lbl, count=cnt) for lbl, cnt in rated[1:])
        if ev.organizations > 0:
            key = "organizations_one" if ev.organizations == 1 else "organizations_many"
            parts.append(p[key].format(count=ev.organizations))
        if ev.levels >= 2:
            parts.append(p["levels"].format(count=ev.levels))
    else:
        parts.append(p["not_mentioned"])
    if gap is None:
        parts.append(p["not_assessed"])
    else:
        parts.append(p["gap"].format(gap=gap) if gap > 0 else p["gap_closed"])
    if transferable:
        parts.append(p["transferable"])
    return p["separator"].join(parts)


def priority(
    ev: SkillEvidence, current_level: int | None, target_level: int | None,
    transferable: bool = False,
) -> Priority:
    """The development-list priority of one skill (see this module's docstring)."""
    gap = gap_of(current_level, target_level)
    points = evidence_points(ev)
    return Priority(
        score=score_of(points, gap),
        evidence=points,
        gap=gap,
        transferable=bool(transferable),
        explanation=explain(ev, gap, transferable),
    )


class _HasRank(Protocol):
    score: float
    name: str
    skill_id: int


_Ranked = TypeVar("_Ranked", bound=_HasRank)


def rank(rows: Iterable[_Ranked]) -> list[_Ranked]:
    """The development list's order, wherever it is shown: highest priority first, then by
    name (``name_key``), then by id; ``rows`` have ``score``, ``name`` and ``skill_id``."""
    return sorted(rows, key=lambda r: (-r.score, name_key(r.name), r.skill_id))
