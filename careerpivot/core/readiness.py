"""How ready a path is on the evidence: the share of its assumptions that are *settled*.

An assumption is settled when :mod:`careerpivot.core.evidence` says so (``Standing.settled``:
triangulated, or refuted); this module only counts, groups and words it, and never restates
the rule. A path's :class:`Readiness` holds every assumption (:class:`Item`) with its standing,
how many are settled, the untested ones by category, and the most useful next step. A path
with no assumptions has no figure (``share`` is None), neither 0 % nor 100 %.

:data:`TEXTS` are the source texts of the translation context ``readiness``; "%n" and "(s)"
are plural forms. :func:`rule_text` states the rule with the thresholds of core.evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from careerpivot.core import evidence
from careerpivot.core.vocab import ASSUMPTION_CATEGORIES, QT_TRANSLATE_NOOP

#: Source texts of the translation context "readiness".
TEXTS = {
    "rule": QT_TRANSLATE_NOOP(
        "readiness",
        "A belief is settled when at least {people} different people support it, from at least "
        "{levels} experience levels or {organizations} organizations, and nobody challenges "
        "it — or when as many, as varied, challenge it and nobody supports it. Only held "
        "conversations count; several rounds with one person count once."),
    "none": QT_TRANSLATE_NOOP("readiness", "No assumptions yet"),
    "figure": QT_TRANSLATE_NOOP("readiness", "{0} of %n belief(s) settled — {1} %"),
    "settled_of": QT_TRANSLATE_NOOP("readiness", "{0} of %n settled"),
    "share": QT_TRANSLATE_NOOP("readiness", "{0} % settled"),
    "next": QT_TRANSLATE_NOOP("readiness", "“{0}”: {1}"),
    "all_settled": QT_TRANSLATE_NOOP("readiness", "Every belief is settled."),
}

#: ``translate(text, n)``: the text in the reader's language, "%n" and "(s)" resolved.
Translate = Callable[[str, int], str]


class Item(NamedTuple):
    """One assumption of a path, with its standing on the held conversations."""

    assumption_id: int
    category: str
    statement: str
    standing: evidence.Standing

    @property
    def status(self) -> str:
        return self.standing.status

    @property
    def settled(self) -> bool:
        return self.standing.settled

    @property
    def heard(self) -> evidence.Spread:
        """People, levels and organizations so far, on the side that speaks: those who
        support it, or those who challenge it when nobody supports it (the side
        ``Standing.missing`` measures)."""
        standing = self.standing
        return (standing.challengers if standing.status == evidence.CHALLENGED
                else standing.supporters)

    def lacks(self, translate: evidence.Translate = evidence.english) -> str:
        """What the evidence says and what it still lacks, in words (core.evidence.describe)."""
        return evidence.describe(self.standing, translate)


def distance(standing: evidence.Standing) -> int:
    """How far an unsettled assumption is from settled, to rank next steps: the people still
    needed (at least one when only the spread is missing); untested ones need the full number,
    contested ones come last (more voices cannot settle them, only a closer look). 0 when
    settled."""
    if standing.settled:
        return 0
    if standing.status == evidence.CONTESTED:
        return evidence.TRIANGULATION_MIN_PEOPLE + 1
    if standing.status == evidence.UNTESTED:
        return evidence.TRIANGULATION_MIN_PEOPLE
    more, _span = standing.missing()
    return max(more, 1)


class Readiness(NamedTuple):
    """A path's readiness: see the module's docstring."""

    path_id: int
    items: tuple[Item, ...]
    settled: int
    #: the untested assumptions by category, in the order of core.vocab.ASSUMPTION_CATEGORIES
    #: (unknown categories last), only categories that have some
    untested: tuple[tuple[str, tuple[Item, ...]], ...]

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def share(self) -> float | None:
        """The settled fraction, 0 to 1; None for a path with no assumptions."""
        return self.settled / len(self.items) if self.items else None

    @property
    def percent(self) -> int | None:
        """The share in whole percent: 0 only when none is settled, 100 only when all are."""
        if not self.items:
            return None
        value = round(100 * self.settled / len(self.items))
        if 0 < self.settled < len(self.items):
            value = min(max(value, 1), 99)
        return value

    @property
    def untested_count(self) -> int:
        return sum(len(items) for _category, items in self.untested)

    def untested_counts(self) -> dict[str, int]:
        return {category: len(items) for category, items in self.untested}

    def next_step(self) -> Item | None:
        """The unsettled assumption closest to settled (the first of the path's order among
        equals); None when every one is settled or there is none."""
        best: Item | None = None
        best_distance = 0
        for item in self.items:
            d = distance(item.standing)
            if d and (best is None or d < best_distance):
                best, best_distance = item, d
        return best


_CATEGORY_ORDER = {category: i for i, category in enumerate(ASSUMPTION_CATEGORIES)}


def of_path(path_id: int, items: Iterable[Item]) -> Readiness:
    """The readiness of one path from its assumptions (in the path's order)."""
    items = tuple(items)
    untested: dict[str, list[Item]] = {}
    settled = 0
    for item in items:
        if item.standing.settled:
            settled += 1
        elif item.standing.status == evidence.UNTESTED:
            untested.setdefault(item.category, []).append(item)
    groups = sorted(untested.items(),
                    key=lambda kv: (_CATEGORY_ORDER.get(kv[0], len(_CATEGORY_ORDER)), kv[0]))
    return Readiness(path_id, items, settled,
                     tuple((category, tuple(group)) for category, group in groups))


def english(text: str, n: int = -1) -> str:
    """A text of :data:`TEXTS` in English, its plural resolved (for files and messages)."""
    return evidence.english(text, n)


def rule_text(translate: Translate = english) -> str:
    """The rule behind the figure, in words, with the thresholds of core.evidence."""
    return translate(TEXTS["rule"], -1).format(
        people=evidence.TRIANGULATION_MIN_PEOPLE, levels=evidence.TRIANGULATION_MIN_LEVELS,
        organizations=evidence.TRIANGULATION_MIN_ORGANIZATIONS)


def figure_text(readiness: Readiness, translate: Translate = english) -> str:
    """"2 of 5 beliefs settled — 40 %", or "No assumptions yet"."""
    if readiness.percent is None:
        return translate(TEXTS["none"], -1)
    return translate(TEXTS["figure"], readiness.total).format(readiness.settled,
                                                              readiness.percent)


def next_step_text(readiness: Readiness, translate: Translate = english,
                   lacks: evidence.Translate = evidence.english) -> str:
    """The most useful next step in words: the assumption closest to settled and what it
    lacks; "" for a path with no assumptions. ``lacks`` translates core.evidence's texts."""
    if not readiness.items:
        return ""
    item = readiness.next_step()
    if item is None:
        return translate(TEXTS["all_settled"], -1)
    return translate(TEXTS["next"], -1).format(item.statement, item.lacks(lacks))
