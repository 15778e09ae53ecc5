"""Comparing paths side by side on user-weighted criteria.

Each path gets a score from 0 to :data:`MAX_SCORE` on each criterion; each criterion has a
weight (>= 0). The weighted total of a path is::

    total = 100 x sum(weight x score) / (MAX_SCORE x sum(weight))

so 100 means "top score on every weighted criterion" whatever the weights add up to. A criterion
without a score counts as 0; with no positive weight at all the total is 0.

A criterion marked *from evidence* is not scored by hand: its score is the path's evidence
strength, from the assumptions written for the path::

    credit(assumption) = 0 untested (no conversation touched it)
                         TESTED_CREDIT when at least one conversation gave a verdict
                         1 when triangulated
    strength = MAX_SCORE x mean(credit)         (0 for a path without assumptions)

It measures how well the path is *known*, not whether the news is good: a triangulated
"challenged" assumption is strong evidence too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

MAX_SCORE = 5.0
#: Credit of an assumption that has evidence but is not triangulated (a triangulated one
#: earns 1.0, an untested one 0).
TESTED_CREDIT = 0.5


def clamp_score(score: float | None) -> float:
    if score is None or score != score:
        return 0.0
    return min(max(float(score), 0.0), MAX_SCORE)


#: Weights smaller than this leave a criterion out (and keep the arithmetic away from
#: numbers too small to scale).
MIN_WEIGHT = 1e-6


def weighted_total(scores: Mapping[object, float | None], weights: Mapping[object, float]) -> float:
    """``scores`` and ``weights`` keyed by criterion; the result is 0-100. A weight below
    ``MIN_WEIGHT`` (or negative) counts as zero: it leaves the criterion out."""
    total_weight = 0.0
    points = 0.0
    for key, weight in weights.items():
        weight = float(weight or 0.0)
        if weight < MIN_WEIGHT:
            continue
        total_weight += weight
        points += weight * clamp_score(scores.get(key))
    if total_weight <= 0:
        return 0.0
    return 100.0 * points / (MAX_SCORE * total_weight)


def evidence_strength(assumptions: Iterable[tuple[int, bool]]) -> float:
    """``assumptions``: ``(conversations with a verdict, triangulated)`` per assumption of one
    path. Returns a score on the 0-5 scale."""
    count = 0
    credit = 0.0
    for conversations, triangulated in assumptions:
        count += 1
        if triangulated:
            credit += 1.0
        elif conversations > 0:
            credit += TESTED_CREDIT
    if count == 0:
        return 0.0
    return MAX_SCORE * credit / count
