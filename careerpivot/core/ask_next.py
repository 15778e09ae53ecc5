"""Who to ask next on a path: the people whose conversation would remove the most uncertainty.

**What counts.** Only the path's *open* assumptions (not settled, see
:attr:`core.evidence.Standing.settled`), each with who has spoken on it in held conversations:
their contact ids, and the keys (:func:`core.evidence.level_key`,
:func:`core.evidence.organization_key`) of the levels and organizations they had then. A
candidate is a contact as they are today. For one open assumption that a candidate has *not*
spoken on, the candidate brings

* a *new level* when their level is known and nobody at that level has spoken on it;
* a *new organization* likewise;
* a *new person* when the assumption needs more people (:meth:`Standing.missing`).

An unknown (empty) level or organization adds nothing for its dimension; the person still
counts where more people are needed. An assumption the candidate has already spoken on gains
nothing from them.

**The order.** Candidates are ranked by three counts of open assumptions, compared in turn
(more is better): those where they bring a new level *and* a new organization; those where they
bring a new level *or* a new organization (or both); those needing more people. Bringing
something more (another level, another organization) never lowers any of the three, so it never
moves anyone down. Ties go to an introduction not yet followed up (someone introduced who has
not been contacted), then to people not contacted yet (stage *identified* or *to contact*),
then by name (:func:`core.text.fold`), then by contact id: the order is always the same.

**Who is left out.** People who have spoken on every open assumption; contacts who declined
(stage *declined*) or are archived; people with a conversation already planned on the path
(requested or scheduled): it is on its way, so they are not listed again but counted
(:attr:`Ranking.planned`), so the page can say so; and people who would add nothing, except an
introduction not yet followed up, listed with that reason (an offered introduction deserves an
answer). With no open assumption nobody is listed.

:func:`reason` says in words why someone is listed: "Senior, Gamma: a new level and
organization for 3 open assumptions", "A new person for 2 assumptions needing more people",
"Introduced by Ana, not yet contacted"; someone already heard on the path in a held
conversation is asked again for "a follow-up round".
"""

from __future__ import annotations

import dataclasses
import heapq
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from careerpivot.core.evidence import (
    Standing,
    Translate,
    english,
    level_key,
    organization_key,
)
from careerpivot.core.text import fold
from careerpivot.core.vocab import LEVELS, QT_TRANSLATE_NOOP

#: Stages of someone who has not been contacted yet.
NOT_CONTACTED_STAGES = frozenset({"identified", "to_contact"})
#: Stages of someone not to be asked.
EXCLUDED_STAGES = frozenset({"declined"})
#: Interview statuses of a conversation that is planned but not held.
PLANNED_STATUSES = frozenset({"requested", "scheduled"})


@dataclasses.dataclass(frozen=True)
class Open:
    """An open assumption: who has spoken on it (contact ids; keys of their known levels and
    organizations), and whether it needs more people."""

    people: frozenset[object]
    levels: frozenset[str]
    organizations: frozenset[str]
    needs_people: bool


def open_assumption(standing: Standing, people: Iterable[object], levels: Iterable[str],
                    organizations: Iterable[str]) -> Open | None:
    """The assumption as this rule sees it, or None when it is settled."""
    if standing.settled:
        return None
    return Open(frozenset(people), frozenset(levels) - {""}, frozenset(organizations) - {""},
                standing.missing()[0] > 0)


class Candidate(NamedTuple):
    """A contact as they are today. ``level``: the stored level (a core.vocab.LEVELS key);
    ``organization`` as typed; ``interviewed``: a held conversation on the path; ``planned``:
    one requested or scheduled on it; ``introduced_by``: the introducer's name, or None."""

    id: int
    name: str
    level: str = ""
    organization: str = ""
    stage: str = "identified"
    archived: bool = False
    interviewed: bool = False
    planned: bool = False
    introduced_by: str | None = None

    @property
    def contacted(self) -> bool:
        return (self.stage not in NOT_CONTACTED_STAGES or self.interviewed or self.planned)

    @property
    def waiting_introduction(self) -> bool:
        """Introduced, and not contacted yet."""
        return self.introduced_by is not None and not self.contacted


class Ranked(NamedTuple):
    """A listed candidate and the open assumptions they would add to: with a new level and a
    new organization (``both``), a new level only, a new organization only, and those needing
    more people they have not spoken on (``people``)."""

    candidate: Candidate
    both: int = 0
    level_only: int = 0
    organization_only: int = 0
    people: int = 0

    @property
    def score(self) -> tuple[int, int, int]:
        """What the ranking compares (more is better): see the module's docstring."""
        return (self.both, self.both + self.level_only + self.organization_only, self.people)


@dataclasses.dataclass(frozen=True)
class Ranking:
    open_assumptions: int
    suggestions: tuple[Ranked, ...]
    #: Candidates left out because a conversation with them is planned on the path.
    planned: int = 0


def _gains(a: Open, lk: str, ok: str) -> tuple[int, int, int, int]:
    """(both, level only, organization only, person) for someone who has not spoken on ``a``."""
    new_level = bool(lk) and lk not in a.levels
    new_org = bool(ok) and ok not in a.organizations
    return (int(new_level and new_org), int(new_level and not new_org),
            int(new_org and not new_level), int(a.needs_people))


def _merit(r: Ranked) -> tuple:
    c = r.candidate
    both, either, people = r.score
    return (-both, -either, -people, not c.waiting_introduction, c.contacted)


def _order(r: Ranked) -> tuple:
    c = r.candidate
    return (*_merit(r), fold(c.name), c.id)


def _best(listed: list[Ranked], limit: int | None) -> list[Ranked]:
    """``listed`` in order, the first ``limit``; names are folded only for those that may
    be among them."""
    if limit is not None and len(listed) > limit:
        if limit <= 0:
            return []
        merits = [_merit(r) for r in listed]
        cut = heapq.nsmallest(limit, merits)[-1]
        listed = [r for r, m in zip(listed, merits, strict=True) if m <= cut]
    return sorted(listed, key=_order)[:limit]


def rank(assumptions: Sequence[Open], candidates: Iterable[Candidate],
         limit: int | None = None) -> Ranking:
    """The candidates worth asking, best first (at most ``limit``); see the module's
    docstring for the rule."""
    n = len(assumptions)
    if not n:
        return Ranking(0, ())
    spoke: dict[object, list[int]] = {}  # person -> open assumptions they spoke on
    for i, a in enumerate(assumptions):
        for person in a.people:
            spoke.setdefault(person, []).append(i)
    # gains depend on the person only through what they spoke on: computed once per level
    # and organization, then what each person spoke on is taken away
    by_kind: dict[tuple[str, str], tuple[list[tuple[int, ...]], tuple[int, ...]]] = {}
    level_keys: dict[str, str] = {}
    org_keys: dict[str, str] = {}
    listed: list[Ranked] = []
    planned = 0
    for c in candidates:
        if c.archived or c.stage in EXCLUDED_STAGES:
            continue
        if c.planned:
            planned += 1
            continue
        spoken = spoke.get(c.id, ())
        if len(spoken) >= n:
            continue
        lk = level_keys.get(c.level)
        if lk is None:
            lk = level_keys[c.level] = level_key(c.level)
        ok = org_keys.get(c.organization)
        if ok is None:
            ok = org_keys[c.organization] = organization_key(c.organization)
        kind = by_kind.get((lk, ok))
        if kind is None:
            each = [_gains(a, lk, ok) for a in assumptions]
            kind = by_kind[(lk, ok)] = (each, tuple(map(sum, zip(*each, strict=True))))
        each, total = kind
        both, level_only, org_only, people = total
        for i in spoken:
            b, lo, oo, p = each[i]
            both, level_only, org_only, people = (both - b, level_only - lo, org_only - oo,
                                                  people - p)
        if both or level_only or org_only or people or c.waiting_introduction:
            listed.append(Ranked(c, both, level_only, org_only, people))
    best = _best(listed, limit)
    return Ranking(n, tuple(best), planned)


# --- why, in words ---------------------------------------------------------------------------

#: The clauses of :func:`reason` and :func:`clauses`, source texts of the translation context
#: "askNext". "%n" and "(s)" are plural forms: the UI's translator gives the right form.
TEXTS = {
    "who": QT_TRANSLATE_NOOP("askNext", "{0}: {1}"),
    "level_and_organization": QT_TRANSLATE_NOOP("askNext", "{0}, {1}"),
    "both": QT_TRANSLATE_NOOP("askNext", "a new level and organization for %n open "
                                         "assumption(s)"),
    "either": QT_TRANSLATE_NOOP("askNext", "a new level or organization for %n open "
                                           "assumption(s)"),
    "level": QT_TRANSLATE_NOOP("askNext", "a new level for %n open assumption(s)"),
    "organization": QT_TRANSLATE_NOOP("askNext", "a new organization for %n open "
                                                 "assumption(s)"),
    "people": QT_TRANSLATE_NOOP("askNext", "a new person for %n assumption(s) needing more "
                                           "people"),
    "introduced": QT_TRANSLATE_NOOP("askNext", "introduced by {0}, not yet contacted"),
    "interviewed": QT_TRANSLATE_NOOP("askNext", "a follow-up round"),
    "and": QT_TRANSLATE_NOOP("askNext", "{0}; {1}"),
}

#: ``name(text)``: a display name of core.vocab in the reader's language.
Name = Callable[[str], str]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _level_name(r: Ranked, name: Name) -> str:
    level = r.candidate.level
    return name(LEVELS.get(level_key(level), level))


def _main(r: Ranked, translate: Translate, name: Name, who_first: bool) -> str:
    """The strongest thing they bring, led by the level and organization it is about."""
    c = r.candidate
    if r.both or (r.level_only and r.organization_only):
        who = translate(TEXTS["level_and_organization"], -1).format(_level_name(r, name),
                                                                     c.organization)
        what = (translate(TEXTS["both"], r.both) if r.both
                else translate(TEXTS["either"], r.level_only + r.organization_only))
    elif r.level_only:
        who, what = _level_name(r, name), translate(TEXTS["level"], r.level_only)
    elif r.organization_only:
        who, what = c.organization, translate(TEXTS["organization"], r.organization_only)
    elif r.people:
        return _capital(translate(TEXTS["people"], r.people))
    else:
        return ""
    return translate(TEXTS["who"], -1).format(who, what) if who_first else _capital(what)


def _context(c: Candidate, translate: Translate) -> list[str]:
    if c.waiting_introduction:
        return [translate(TEXTS["introduced"], -1).format(c.introduced_by)]
    if c.interviewed:
        return [translate(TEXTS["interviewed"], -1)]
    return []


def reason(r: Ranked, translate: Translate = english, name: Name = str, *,
           who_first: bool = True) -> str:
    """Why ``r`` is listed, in one sentence: "Senior, Gamma: a new level and organization for
    3 open assumptions; introduced by Ana, not yet contacted". ``translate`` as for
    :func:`core.evidence.describe`; ``name`` translates a level's display name. Without
    ``who_first`` the level and organization it is about are not named (for a list that
    shows them beside it): "A new level and organization for 3 open assumptions"."""
    main = _main(r, translate, name, who_first)  # (starts with a name or a capital)
    parts = [main] if main else []
    context = _context(r.candidate, translate)
    if context and not parts:
        parts.append(_capital(context.pop(0)))
    text = parts[0] if parts else ""
    for part in context:
        text = translate(TEXTS["and"], -1).format(text, part)
    return text


def clauses(r: Ranked, translate: Translate = english) -> list[str]:
    """Everything ``r`` brings, one sentence each (for a tooltip): each count, then the
    introduction or the earlier conversation."""
    found = [_capital(translate(TEXTS[key], count))
             for key, count in (("both", r.both), ("level", r.level_only),
                                ("organization", r.organization_only), ("people", r.people))
             if count]
    return found + [_capital(t) for t in _context(r.candidate, translate)]
