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
    if len({s[0] for s in supporting}) < evidence.TRIANGULATION_MIN_CONVERSATIONS:
        assert not is_triangulated(supporting)


@given(st.lists(entries, max_size=10))
def test_the_rule_on_gathered_keys_agrees_with_the_rule_on_verdicts(supporting):
    # what a caller that has already gathered the distinct conversations and the keys of
    # their people's levels and organizations gets is what the verdicts themselves give
    conversations = {s[0] for s in supporting}
    levels = {evidence.level_key(s[1]) for s in supporting}
    organizations = {evidence.organization_key(s[2]) for s in supporting}
    assert evidence.spans_enough(len(conversations), levels, organizations) is \
        is_triangulated(supporting)


def test_unknown_levels_and_organizations_are_not_counted_by_the_gathered_rule():
    assert not evidence.spans_enough(5, ["", "mid"], ["", "Acme"])
    assert evidence.spans_enough(3, ["", "mid", "lead"], [])
    assert not evidence.spans_enough(2, ["mid", "lead"], ["a", "b"])
