"""What the conversations say about an assumption: its derived status and triangulation.

An assumption's status is never typed; it follows from the verdicts recorded against it, one
per conversation (``core.vocab.VERDICTS``):

============================  ============
verdicts recorded             status
============================  ============
none, or only *nuanced*       untested
*supported* (± nuanced)       supported
*challenged* (± nuanced)      challenged
supported and challenged      contested
============================  ============

A *nuanced* verdict means the conversation touched the assumption without confirming or
refuting it: it is counted and shown, but on its own it does not move the status.

Only conversations that were *held* (status completed) count; a verdict on one that was not
held is kept and shown as "not counted until held".

An assumption is *triangulated* when it is not contested and at least
:data:`TRIANGULATION_MIN_PEOPLE` distinct *people* support it, whose held conversations span
at least :data:`TRIANGULATION_MIN_LEVELS` experience levels or
:data:`TRIANGULATION_MIN_ORGANIZATIONS` organizations, as recorded when each conversation was
held (never the contact's data of today). Several rounds with one person count once, with the
level and organization of that person's first supporting conversation, so a later round never
changes the result. Organizations are compared by :func:`~careerpivot.core.validation.name_key`
("ACME  Corp" and "acme corp" are one organization); an unknown (empty) level or organization
is not a distinct value.

It is *refuted* (settled as wrong) when nobody supports it and the people who challenge it pass
the same test. An assumption is *settled* when it is triangulated or refuted; what an unsettled
one still lacks is said by :func:`describe`.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from careerpivot.core.text import english_plural
from careerpivot.core.validation import name_key
from careerpivot.core.vocab import QT_TRANSLATE_NOOP

SUPPORTED = "supported"
CHALLENGED = "challenged"
NUANCED = "nuanced"

UNTESTED = "untested"
CONTESTED = "contested"

#: Distinct people needed before an assumption can count as triangulated.
TRIANGULATION_MIN_PEOPLE = 3
#: ... spanning at least this many distinct (known) experience levels ...
TRIANGULATION_MIN_LEVELS = 2
#: ... or at least this many distinct (known) organizations.
TRIANGULATION_MIN_ORGANIZATIONS = 2


@dataclasses.dataclass(frozen=True)
class VerdictCounts:
    supported: int = 0
    challenged: int = 0
    nuanced: int = 0

    @property
    def total(self) -> int:
        return self.supported + self.challenged + self.nuanced


def count_verdicts(verdicts: Iterable[str]) -> VerdictCounts:
    """How many conversations gave each verdict (unknown verdicts are ignored)."""
    supported = challenged = nuanced = 0
    for verdict in verdicts:
        if verdict == SUPPORTED:
            supported += 1
        elif verdict == CHALLENGED:
            challenged += 1
        elif verdict == NUANCED:
            nuanced += 1
    return VerdictCounts(supported, challenged, nuanced)


def status_from_counts(counts: VerdictCounts) -> str:
    """The status for already-counted verdicts (see the table in this module's docstring)."""
    if counts.supported and counts.challenged:
        return CONTESTED
    if counts.supported:
        return SUPPORTED
    if counts.challenged:
        return CHALLENGED
    return UNTESTED


def assumption_status(verdicts: Iterable[str]) -> str:
    """One of ``untested``, ``supported``, ``challenged``, ``contested``."""
    return status_from_counts(count_verdicts(verdicts))


def level_key(level: object) -> str:
    """The key that makes two spellings of one experience level the same ("" when unknown)."""
    return "" if level is None else str(level).strip().casefold()


def organization_key(organization: object) -> str:
    """The key that makes two spellings of one organization the same ("" when unknown)."""
    return "" if organization is None else name_key(str(organization))


def spans_enough(people: int, levels: Iterable[str], organizations: Iterable[str]) -> bool:
    """The triangulation rule on values already gathered: ``people`` distinct people, and the
    keys (:func:`level_key`, :func:`organization_key`) of their levels and organizations;
    "" (unknown) does not count."""
    if people < TRIANGULATION_MIN_PEOPLE:
        return False
    return (len(set(levels) - {""}) >= TRIANGULATION_MIN_LEVELS
            or len(set(organizations) - {""}) >= TRIANGULATION_MIN_ORGANIZATIONS)


class Voice(NamedTuple):
    """One held conversation's verdict: who gave it, their level and organization as recorded
    when it was held (raw or keyed; keyed here), and ``order`` (its date, then id) to find a
    person's first conversation. A named tuple: the store makes one per held conversation on
    every read, and a tuple is made several times faster than a frozen dataclass."""

    person: object
    level: object
    organization: object
    order: object = 0


@dataclasses.dataclass(frozen=True)
class Spread:
    """Distinct people and the distinct known levels and organizations among them."""

    people: int = 0
    levels: int = 0
    organizations: int = 0

    @property
    def enough(self) -> bool:
        return (self.people >= TRIANGULATION_MIN_PEOPLE
                and (self.levels >= TRIANGULATION_MIN_LEVELS
                     or self.organizations >= TRIANGULATION_MIN_ORGANIZATIONS))


_order = operator.attrgetter("order")


def spread(voices: Iterable[Voice]) -> Spread:
    """Each person once, with their first conversation's level and organization."""
    # latest first (of equal orders, the one given first comes last), so that each person's
    # entry is left holding their first conversation
    first = {v.person: v for v in sorted(list(voices)[::-1], key=_order, reverse=True)}
    # each spelling keyed once: many people share a level or an organization
    levels = set(map(level_key, {v.level for v in first.values()})) - {""}
    organizations = set(map(organization_key,
                            {v.organization for v in first.values()})) - {""}
    return Spread(len(first), len(levels), len(organizations))


@dataclasses.dataclass(frozen=True)
class Standing:
    """Where an assumption stands on the held conversations: see the module docstring."""

    status: str
    supporters: Spread
    challengers: Spread
    counts: VerdictCounts  # held conversations per verdict
    not_counted: int = 0  # verdicts on conversations that were not held

    @property
    def triangulated(self) -> bool:
        return self.status != CONTESTED and self.supporters.enough

    @property
    def refuted(self) -> bool:
        return self.status == CHALLENGED and self.challengers.enough

    @property
    def settled(self) -> bool:
        return self.triangulated or self.refuted

    def missing(self) -> tuple[int, bool]:
        """What the side that speaks (supporters, or challengers when nobody supports) lacks:
        (more people needed, whether someone at another organization or level is needed)."""
        side = self.challengers if self.status == CHALLENGED else self.supporters
        more = max(0, TRIANGULATION_MIN_PEOPLE - side.people)
        span = (side.levels < TRIANGULATION_MIN_LEVELS
                and side.organizations < TRIANGULATION_MIN_ORGANIZATIONS)
        return more, span


def standing_of(supporting: Sequence[Voice], challenging: Sequence[Voice], nuanced: int = 0,
                not_counted: int = 0) -> Standing:
    """The standing from the held conversations already sorted by verdict: one voice per
    supporting and per challenging conversation, how many were nuanced, and how many verdicts
    were given in conversations that were not held."""
    counts = VerdictCounts(len(supporting), len(challenging), nuanced)
    return Standing(status_from_counts(counts), spread(supporting), spread(challenging),
                    counts, not_counted)


def judge(verdicts: Iterable[tuple[str, Voice | None]]) -> Standing:
    """``verdicts``: one ``(verdict, voice)`` per conversation; ``voice`` None when the
    conversation was not held (kept, not counted)."""
    supporting: list[Voice] = []
    challenging: list[Voice] = []
    nuanced = not_counted = 0
    for verdict, voice in verdicts:
        if voice is None:
            not_counted += 1
        elif verdict == SUPPORTED:
            supporting.append(voice)
        elif verdict == CHALLENGED:
            challenging.append(voice)
        elif verdict == NUANCED:
            nuanced += 1
    return standing_of(supporting, challenging, nuanced, not_counted)


def is_triangulated(supporting: Iterable[tuple[object, object, object]]) -> bool:
    """``supporting``: one ``(person, level, organization)`` per supporting held conversation
    of an assumption that is not contested."""
    return spread(Voice(p, lv, org) for p, lv, org in supporting).enough


# --- what an assumption still lacks, in words ------------------------------------------------

#: The sentences of :func:`describe`, source texts of the translation context "evidence".
#: "%n" and "(s)" are plural forms: the UI's translator gives the right form.
TEXTS = {
    "untested": QT_TRANSLATE_NOOP("evidence", "No held conversation has tested it yet."),
    "people": QT_TRANSLATE_NOOP("evidence", "%n person(s)"),
    "organizations": QT_TRANSLATE_NOOP("evidence", "%n organization(s)"),
    "levels": QT_TRANSLATE_NOOP("evidence", "%n level(s)"),
    "support": QT_TRANSLATE_NOOP("evidence", "Supported by {0}."),
    "challenge": QT_TRANSLATE_NOOP("evidence", "Challenged by {0}."),
    "triangulated": QT_TRANSLATE_NOOP("evidence", "Settled: supported by {0}."),
    "refuted": QT_TRANSLATE_NOOP("evidence", "Settled as wrong: challenged by {0}, supported "
                                             "by nobody."),
    "contested": QT_TRANSLATE_NOOP("evidence", "Contested: supported by {0}, challenged by "
                                               "{1}. Ask people at other organizations or "
                                               "levels which view holds."),
    "needs_people_span": QT_TRANSLATE_NOOP("evidence", "Needs %n more person(s), at least one "
                                                       "at another organization or level."),
    "needs_people": QT_TRANSLATE_NOOP("evidence", "Needs %n more person(s)."),
    "needs_span": QT_TRANSLATE_NOOP("evidence", "Needs someone at another organization or "
                                                "level."),
    "needs_first": QT_TRANSLATE_NOOP("evidence", "Needs %n people from at least two "
                                                 "organizations or levels."),
    "not_counted": QT_TRANSLATE_NOOP("evidence", "%n verdict(s) not counted until the "
                                                 "conversation is held."),
}

#: ``translate(text, n)``: the text in the reader's language, "%n" and "(s)" resolved.
Translate = Callable[[str, int], str]


def english(text: str, n: int = -1) -> str:
    """The source text with its plural resolved (for files and messages without Qt)."""
    return text if n < 0 else english_plural(text, n)


def describe(standing: Standing, translate: Translate = english) -> str:
    """What the assumption's evidence says and what it still lacks, in words: "Supported by
    2 people, 1 organization, 1 level. Needs 1 more person, at least one at another
    organization or level." """
    def spread_text(side: Spread) -> str:
        return ", ".join((translate(TEXTS["people"], side.people),
                          translate(TEXTS["organizations"], side.organizations),
                          translate(TEXTS["levels"], side.levels)))

    def people(side: Spread) -> str:
        return translate(TEXTS["people"], side.people)

    parts: list[str] = []
    status = standing.status
    if status == UNTESTED:
        parts += [translate(TEXTS["untested"], -1),
                  translate(TEXTS["needs_first"], TRIANGULATION_MIN_PEOPLE)]
    elif status == CONTESTED:
        parts.append(translate(TEXTS["contested"], -1).format(people(standing.supporters),
                                                              people(standing.challengers)))
    elif standing.triangulated:
        parts.append(translate(TEXTS["triangulated"], -1).format(spread_text(standing.supporters)))
    elif standing.refuted:
        parts.append(translate(TEXTS["refuted"], -1).format(spread_text(standing.challengers)))
    else:
        side = standing.supporters if status == SUPPORTED else standing.challengers
        key = "support" if status == SUPPORTED else "challenge"
        parts.append(translate(TEXTS[key], -1).format(spread_text(side)))
        more, span = standing.missing()
        if more and span:
            parts.append(translate(TEXTS["needs_people_span"], more))
        elif more:
            parts.append(translate(TEXTS["needs_people"], more))
        elif span:
            parts.append(translate(TEXTS["needs_span"], -1))
    if standing.not_counted:
        parts.append(translate(TEXTS["not_counted"], standing.not_counted))
    return " ".join(parts)
