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

An assumption is *triangulated* when it is supported by at least
:data:`TRIANGULATION_MIN_CONVERSATIONS` distinct conversations that between them span at least
:data:`TRIANGULATION_MIN_LEVELS` experience levels or :data:`TRIANGULATION_MIN_ORGANIZATIONS`
organizations. Organizations are compared by :func:`~careerpivot.core.validation.name_key`
("ACME  Corp" and "acme corp" are one organization); an unknown (empty) level or organization
is not a distinct value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from careerpivot.core.validation import name_key

SUPPORTED = "supported"
CHALLENGED = "challenged"
NUANCED = "nuanced"

UNTESTED = "untested"
CONTESTED = "contested"

#: Supporting conversations needed before an assumption can count as triangulated.
TRIANGULATION_MIN_CONVERSATIONS = 3
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


def spans_enough(conversations: int, levels: Iterable[str], organizations: Iterable[str]) -> bool:
    """The triangulation rule on values already gathered: ``conversations`` distinct
    supporting conversations, and the keys (:func:`level_key`, :func:`organization_key`) of
    the levels and organizations of the people in them; "" (unknown) does not count."""
    if conversations < TRIANGULATION_MIN_CONVERSATIONS:
        return False
    return (len(set(levels) - {""}) >= TRIANGULATION_MIN_LEVELS
            or len(set(organizations) - {""}) >= TRIANGULATION_MIN_ORGANIZATIONS)


def is_triangulated(supporting: Iterable[tuple[object, object, object]]) -> bool:
    """``supporting``: one ``(interview_id, level, organization)`` per supporting verdict.

    True when at least three distinct conversations support the assumption and they span at
    least two known experience levels or two known organizations.
    """
    conversations: set[object] = set()
    levels: set[str] = set()
    organizations: set[str] = set()
    for interview_id, level, organization in supporting:
        conversations.add(interview_id)
        levels.add(level_key(level))
        organizations.add(organization_key(organization))
    return spans_enough(len(conversations), levels, organizations)
