"""Derived assumption status and triangulation (core.evidence)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpivot.core import evidence, vocab
from careerpivot.core.evidence import assumption_status, count_verdicts, is_triangulated

verdicts = st.lists(st.sampled_from(sorted(vocab.VERDICTS)), max_size=12)


@pytest.mark.parametrize(
    ("given_verdicts", "status"),
    [
        ([], "untested"),
        (["nuanced"], "untested"),
        (["nuanced", "nuanced"], "untested"),
        (["supported"], "supported"),
        (["supported", "nuanced"], "supported"),
        (["supported", "supported"], "supported"),
        (["challenged"], "challenged"),
        (["nuanced", "challenged"], "challenged"),
        (["supported", "challenged"], "contested"),
        (["challenged", "nuanced", "supported"], "contested"),
    ],
)
def test_status_matrix(given_verdicts, status):
    assert assumption_status(given_verdicts) == status
    assert status in vocab.ASSUMPTION_STATUSES


def test_unknown_verdicts_are_ignored():
    assert assumption_status(["", "maybe", None]) == "untested"
    assert count_verdicts(["supported", "x", "nuanced"]) == evidence.VerdictCounts(1, 0, 1)


@given(verdicts)
def test_adding_support_never_makes_it_untested(vs):
    before = assumption_status(vs)
    after = assumption_status([*vs, "supported"])
    assert after != "untested"
    if before == "challenged":
        assert after == "contested"
    if before in ("untested", "supported"):
        assert after == "supported"


@given(verdicts)
def test_adding_nuance_never_changes_status(vs):
    assert assumption_status([*vs, "nuanced"]) == assumption_status(vs)


@given(verdicts, st.randoms())
def test_status_ignores_order(vs, rnd):
    shuffled = list(vs)
    rnd.shuffle(shuffled)
    assert assumption_status(shuffled) == assumption_status(vs)


@given(verdicts)
def test_counts_add_up(vs):
    counts = count_verdicts(vs)
    assert counts.total == len(vs)
    assert evidence.status_from_counts(counts) == assumption_status(vs)


# --- triangulation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("supporting", "expected"),
    [
        ([], False),
        # two conversations are never enough, however varied
        ([(1, "mid", "A"), (2, "senior", "B")], False),
        # three conversations, two levels
        ([(1, "mid", "A"), (2, "senior", "A"), (3, "mid", "A")], True),
        # three conversations, two organizations
        ([(1, "mid", "A"), (2, "mid", "B"), (3, "mid", "A")], True),
        # three conversations at one level in one organization
        ([(1, "mid", "A"), (2, "mid", "A"), (3, "mid", "A")], False),
        # the same conversation three times is one conversation
        ([(1, "mid", "A"), (1, "senior", "B"), (1, "lead", "C")], False),
        # organizations compared by name_key: case and spacing do not make a new one
        ([(1, "mid", "Acme  Corp"), (2, "mid", " acme corp"), (3, "mid", "ACME CORP")], False),
        # unknown level or organization is not a distinct value
        ([(1, "", ""), (2, "mid", ""), (3, "", "A")], False),
        ([(1, None, None), (2, "mid", None), (3, None, "A")], False),
        ([(1, "", "A"), (2, "", "B"), (3, "", "")], True),
        ([(1, "mid", ""), (2, "senior", ""), (3, "", "")], True),
        # accents and non-Latin names are kept apart, not folded together
        ([(1, "mid", "Zoë"), (2, "mid", "Zoe"), (3, "mid", "Zoë")], True),
        ([(1, "mid", "東京"), (2, "mid", "東京 "), (3, "mid", "東京")], False),
    ],
)
def test_triangulation_cases(supporting, expected):
    assert is_triangulated(supporting) is expected


def test_triangulation_takes_any_iterable():
    assert is_triangulated((i, lvl, "A") for i, lvl in [(1, "mid"), (2, "lead"), (3, "mid")])


entries = st.tuples(
    st.integers(1, 6),
    st.sampled_from(["", "mid", "senior", "lead", None]),
    st.sampled_from(["", "A", "a", "B", " b ", None]),
)


@given(st.lists(entries, max_size=10), entries)
def test_more_support_never_untriangulates(supporting, extra):
    if is_triangulated(supporting):
        assert is_triangulated([*supporting, extra])


@given(st.lists(entries, max_size=10))
def test_triangulation_needs_three_conversations(supporting):
    if len({s[0] for s in supporting}) < evidence.TRIANGULATION_MIN_PEOPLE:
        assert not is_triangulated(supporting)


@given(st.lists(entries, max_size=10))
def test_the_rule_on_gathered_keys_agrees_with_the_rule_on_verdicts(supporting):
    # what a caller that has already gathered the distinct people and the keys of their
    # (first) levels and organizations gets is what the verdicts themselves give
    first = {}
    for person, level, organization in supporting:
        first.setdefault(person, (level, organization))
    levels = {evidence.level_key(lv) for lv, _ in first.values()}
    organizations = {evidence.organization_key(org) for _, org in first.values()}
    assert evidence.spans_enough(len(first), levels, organizations) is \
        is_triangulated(supporting)


# --- judging: held conversations, distinct people, what is missing ---------------------------

voices = st.builds(evidence.Voice, st.integers(1, 6),
                   st.sampled_from(["", "mid", "senior", "lead"]),
                   st.sampled_from(["", "A", "a", "B", " b "]), st.integers(0, 50))
verdicts = st.lists(st.tuples(st.sampled_from(["supported", "challenged", "nuanced"]),
                              st.one_of(st.none(), voices)), max_size=12)


@given(verdicts, st.sampled_from(["supported", "challenged", "nuanced"]), st.data())
def test_a_later_round_with_the_same_person_never_changes_triangulation(given_, verdict, data):
    # someone who already gave this verdict says it again in a later round, wherever they
    # work by then
    said = [v for vd, v in given_ if v is not None and vd == verdict]
    if not said:
        return
    earlier = data.draw(st.sampled_from(said))
    later = evidence.Voice(earlier.person, data.draw(st.sampled_from(["", "lead", "junior"])),
                           data.draw(st.sampled_from(["", "Zeta", "Omega"])), 10_000)
    before = evidence.judge(given_)
    after = evidence.judge([*given_, (verdict, later)])
    assert (after.status, after.triangulated, after.refuted) == (
        before.status, before.triangulated, before.refuted)
    assert (after.supporters, after.challengers) == (before.supporters, before.challengers)


@given(verdicts, voices)
def test_adding_a_challenge_never_makes_an_assumption_triangulated(given_, voice):
    before = evidence.judge(given_)
    after = evidence.judge([*given_, ("challenged", voice)])
    assert not after.triangulated or before.triangulated
    assert after.counts.challenged == before.counts.challenged + 1


@given(verdicts)
def test_only_held_conversations_count(given_):
    standing = evidence.judge(given_)
    held_only = evidence.judge([(v, voice) for v, voice in given_ if voice is not None])
    assert (standing.status, standing.triangulated, standing.counts) == \
        (held_only.status, held_only.triangulated, held_only.counts)
    assert standing.not_counted == sum(voice is None for _, voice in given_)
    assert standing.settled == (standing.triangulated or standing.refuted)
    assert evidence.describe(standing)  # always says something


def _voice(person, level, organization, order=0):
    return evidence.Voice(person, level, organization, order)


def test_several_rounds_with_one_person_count_once():
    # Alice twice and Bob once, all at Acme: two people, not triangulated
    alice1, alice2 = _voice("alice", "mid", "Acme", 1), _voice("alice", "senior", "Beta", 2)
    standing = evidence.judge([("supported", alice1), ("supported", alice2),
                               ("supported", _voice("bob", "mid", "Acme", 3))])
    assert standing.status == "supported" and not standing.triangulated
    assert standing.supporters == evidence.Spread(people=2, levels=1, organizations=1)
    assert standing.missing() == (1, True)
    assert evidence.describe(standing) == (
        "Supported by 2 people, 1 organization, 1 level. Needs 1 more person, at least one "
        "at another organization or level.")


def test_a_challenge_makes_it_contested_and_not_triangulated():
    support = [("supported", _voice(p, "mid", org, i))
               for i, (p, org) in enumerate([("a", "Acme"), ("b", "Beta"), ("c", "Acme")])]
    assert evidence.judge(support).triangulated
    assert evidence.describe(evidence.judge(support)) == (
        "Settled: supported by 3 people, 2 organizations, 1 level.")
    contested = evidence.judge([*support, ("challenged", _voice("d", "lead", "Gamma", 9))])
    assert contested.status == "contested" and not contested.triangulated
    assert not contested.settled
    assert evidence.describe(contested).startswith(
        "Contested: supported by 3 people, challenged by 1 person.")


def test_refuted_when_enough_different_people_challenge_it_and_nobody_supports_it():
    challenges = [("challenged", _voice(p, lv, "Acme", i))
                  for i, (p, lv) in enumerate([("a", "mid"), ("b", "senior"), ("c", "mid")])]
    standing = evidence.judge(challenges)
    assert standing.refuted and standing.settled and not standing.triangulated
    assert evidence.judge(challenges[:2]).missing() == (1, False)
    assert evidence.describe(evidence.judge([("supported", None)])) == (
        "No held conversation has tested it yet. Needs 3 people from at least two "
        "organizations or levels. 1 verdict not counted until the conversation is held.")


def test_unknown_levels_and_organizations_are_not_counted_by_the_gathered_rule():
    assert not evidence.spans_enough(5, ["", "mid"], ["", "Acme"])
    assert evidence.spans_enough(3, ["", "mid", "lead"], [])
    assert not evidence.spans_enough(2, ["mid", "lead"], ["a", "b"])
