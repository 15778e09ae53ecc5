"""The development-list priority (core.priority)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpivot.core.priority import DEFAULT_GAP, SkillEvidence, explain, gap_of, priority

counts = st.integers(0, 30)
levels = st.integers(0, 4)


@st.composite
def skill_evidence(draw):
    essential, important, nice = draw(counts), draw(counts), draw(counts)
    interviews = essential + important + nice
    return SkillEvidence(
        mentions=interviews + draw(st.integers(0, 3)),
        essential=essential,
        important=important,
        nice=nice,
        interviews=interviews,
        people=draw(st.integers(0, interviews)) if interviews else 0,
        organizations=draw(st.integers(0, interviews)) if interviews else 0,
        levels=draw(st.integers(0, min(interviews, 6))) if interviews else 0,
        total_conversations=interviews + draw(counts),
    )


@given(skill_evidence(), levels, levels, st.integers(1, 5))
def test_more_essential_mentions_never_lower_priority(ev, current, target, more):
    before = priority(ev, current, target)
    richer = dataclasses.replace(
        ev,
        essential=ev.essential + more,
        mentions=ev.mentions + more,
        interviews=ev.interviews + more,
        total_conversations=ev.total_conversations + more,
    )
    assert priority(richer, current, target).score >= before.score
    # also when the new conversations bring new people, organizations and levels
    broader = dataclasses.replace(richer, people=richer.people + more,
                                  organizations=richer.organizations + 1,
                                  levels=richer.levels + 1)
    assert priority(broader, current, target).score >= priority(richer, current, target).score


@given(skill_evidence(), levels)
def test_raising_importance_never_lowers_priority(ev, current):
    if ev.important == 0:
        return
    upgraded = dataclasses.replace(ev, important=ev.important - 1, essential=ev.essential + 1)
    assert priority(upgraded, current, 4).score >= priority(ev, current, 4).score


@given(skill_evidence(), skill_evidence(), levels, st.integers(0, 4), st.integers(1, 4))
def test_closed_gap_ranks_below_every_open_gap(closed_ev, open_ev, level, extra, gap):
    closed = priority(closed_ev, level, max(level - extra, 0))  # target <= current
    open_ = priority(open_ev, 0, gap)
    assert closed.gap == 0 and not closed.open_gap
    assert open_.open_gap
    assert closed.score < open_.score


@given(skill_evidence(), st.integers(0, 3))
def test_wider_gap_never_lowers_priority(ev, gap):
    assert priority(ev, 0, gap + 1).score >= priority(ev, 0, gap).score


@given(skill_evidence(), skill_evidence())
def test_closed_gaps_keep_evidence_order(a, b):
    pa, pb = priority(a, 3, 3), priority(b, 3, 3)
    if pa.evidence > pb.evidence:
        assert pa.score > pb.score


def test_explanation_reads_like_the_specification():
    ev = SkillEvidence(mentions=4, essential=4, interviews=4, people=4, organizations=3,
                       levels=1, total_conversations=6)
    p = priority(ev, 1, 3)
    assert p.explanation == "essential in 4 of 6 conversations, 3 organizations, gap 2"
    assert p.gap == 2


def test_explanation_lists_weaker_ratings_after_the_strongest():
    ev = SkillEvidence(mentions=3, important=2, nice=1, interviews=3, people=3,
                       organizations=1, levels=2, total_conversations=5)
    assert explain(ev, 0) == ("important in 2 of 5 conversations, nice to have in 1, "
                              "1 organization, 2 experience levels, gap closed")


def test_explanation_without_evidence_and_singulars():
    assert explain(SkillEvidence(), 3) == "not mentioned yet, gap 3"
    ev = SkillEvidence(mentions=1, nice=1, interviews=1, people=1, total_conversations=1)
    assert explain(ev, 1) == "nice to have in 1 of 1 conversation, gap 1"


def test_transferable_is_flagged_not_scored():
    ev = SkillEvidence(mentions=2, essential=2, interviews=2, people=2, total_conversations=2)
    plain, strength = priority(ev, 1, 2), priority(ev, 1, 2, transferable=True)
    assert strength.transferable and not plain.transferable
    assert strength.score == plain.score
    assert strength.explanation.endswith("transferable strength")


@pytest.mark.parametrize(("current", "target", "gap"), [(0, 4, 4), (2, 2, 0), (4, 1, 0)])
def test_gap_is_clipped(current, target, gap):
    assert priority(SkillEvidence(), current, target).gap == gap


def test_unmentioned_open_gap_outranks_well_evidenced_closed_gap():
    strong = SkillEvidence(mentions=20, essential=20, interviews=20, people=20,
                           organizations=10, levels=5, total_conversations=20)
    assert priority(SkillEvidence(), 0, 1).score > priority(strong, 4, 4).score


# --- a skill not assessed (levels never set) ---------------------------------------------------


def test_a_skill_not_assessed_ranks_by_evidence_with_the_default_gap():
    ev = SkillEvidence(mentions=2, essential=2, interviews=2, total_conversations=3)
    p = priority(ev, None, None)
    assert p.gap is None and not p.assessed and not p.open_gap
    assert p.score == priority(ev, 0, DEFAULT_GAP).score
    assert p.explanation == "essential in 2 of 3 conversations, levels not set"
    # one level set is not an assessment either
    assert priority(ev, None, 3).gap is None and priority(ev, 2, None).gap is None
    # above every closed gap
    assert p.score > priority(ev, 3, 3).score


def test_gap_closed_only_when_both_levels_are_set():
    assert explain(SkillEvidence(), None) == "not mentioned yet, levels not set"
    assert explain(SkillEvidence(), 0) == "not mentioned yet, gap closed"
    assert gap_of(None, None) is None and gap_of(3, 3) == 0 and gap_of(1, 3) == 2
