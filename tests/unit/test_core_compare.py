"""Weighted path comparison and evidence strength (core.compare)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpivot.core.compare import MAX_SCORE, evidence_strength, weighted_total

weights = st.dictionaries(st.integers(1, 6), st.floats(0, 10), max_size=6)


def test_top_and_bottom():
    w = {1: 3.0, 2: 1.0}
    assert weighted_total({1: 5, 2: 5}, w) == pytest.approx(100)
    assert weighted_total({1: 0, 2: 0}, w) == 0
    assert weighted_total({}, w) == 0


def test_weights_matter():
    w = {"fit": 3.0, "pay": 1.0}
    # (3*4 + 1*2) / (5*4) = 0.7
    assert weighted_total({"fit": 4, "pay": 2}, w) == pytest.approx(70)
    assert weighted_total({"fit": 2, "pay": 4}, w) == pytest.approx(50)


def test_missing_scores_count_as_zero_and_out_of_range_is_clamped():
    w = {1: 1.0, 2: 1.0}
    assert weighted_total({1: 5, 2: None}, w) == pytest.approx(50)
    assert weighted_total({1: 9, 2: -3}, w) == pytest.approx(50)
    assert weighted_total({1: math.nan, 2: 5}, w) == pytest.approx(50)


def test_no_positive_weight_gives_zero():
    assert weighted_total({1: 5}, {}) == 0
    assert weighted_total({1: 5}, {1: 0.0}) == 0
    assert weighted_total({1: 5, 2: 5}, {1: -2.0, 2: 1.0}) == pytest.approx(100)


@given(weights, st.dictionaries(st.integers(1, 6), st.floats(0, MAX_SCORE), max_size=6))
def test_total_is_between_0_and_100(w, scores):
    assert 0 <= weighted_total(scores, w) <= 100 + 1e-9


#: Weights as a person sets them: zero (criterion left out) or a real weight.
real_weights = st.dictionaries(st.integers(1, 6), st.one_of(st.just(0.0), st.floats(0.01, 10)),
                               max_size=6)


@given(real_weights, st.dictionaries(st.integers(1, 6), st.floats(0, MAX_SCORE)),
       st.floats(0.1, 100))
def test_scaling_weights_changes_nothing(w, scores, factor):
    scaled = {k: v * factor for k, v in w.items()}
    assert weighted_total(scores, scaled) == pytest.approx(weighted_total(scores, w), abs=1e-6)


def test_evidence_strength():
    assert evidence_strength([]) == 0
    assert evidence_strength([(0, False), (0, False)]) == 0
    assert evidence_strength([(3, True), (4, True)]) == pytest.approx(5)
    assert evidence_strength([(1, False), (0, False)]) == pytest.approx(1.25)
    assert evidence_strength([(3, True), (1, False)]) == pytest.approx(3.75)


@given(st.lists(st.tuples(st.integers(0, 5), st.booleans()), max_size=10))
def test_evidence_strength_range_and_triangulation_counts_more(items):
    value = evidence_strength(items)
    assert 0 <= value <= MAX_SCORE
    for i, (n, tri) in enumerate(items):
        if n > 0 and not tri:
            better = [*items[:i], (n, True), *items[i + 1:]]
            assert evidence_strength(better) > value
