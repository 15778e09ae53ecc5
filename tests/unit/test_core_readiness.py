"""A path's evidence readiness (core.readiness): the share of its beliefs that are settled,
the untested ones by category, the next step, and the rule said in words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from careerpivot.core import evidence, readiness
from careerpivot.core.evidence import CHALLENGED, NUANCED, SUPPORTED, Voice


def standing(*verdicts: tuple[str, object, str, str]) -> evidence.Standing:
    """``(verdict, person, level, organization)`` per held conversation, in date order."""
    return evidence.judge((v, Voice(p, lv, org, i)) for i, (v, p, lv, org) in
                          enumerate(verdicts))


def item(aid: int, category: str, *verdicts: tuple[str, object, str, str]) -> readiness.Item:
    return readiness.Item(aid, category, f"belief {aid}", standing(*verdicts))


SETTLED = (("supported", 1, "mid", "A"), ("supported", 2, "senior", "B"),
           ("supported", 3, "mid", "C"))
REFUTED = (("challenged", 1, "mid", "A"), ("challenged", 2, "lead", "A"),
           ("challenged", 3, "mid", "B"))


def test_the_figure_counts_triangulated_and_refuted_beliefs():
    r = readiness.of_path(7, [
        item(1, "pay", *SETTLED),
        item(2, "culture", *REFUTED),
        item(3, "pay"),
        item(4, "daily_work", ("nuanced", 1, "mid", "A")),  # touched, still untested
        item(5, "skills", ("supported", 1, "mid", "A"), ("challenged", 2, "mid", "B")),
    ])
    assert (r.path_id, r.settled, r.total) == (7, 2, 5)
    assert r.share == 0.4 and r.percent == 40
    assert readiness.figure_text(r) == "2 of 5 beliefs settled — 40 %"
    # untested by category, in the vocabulary's order
    assert r.untested_counts() == {"daily_work": 1, "pay": 1}
    assert [c for c, _ in r.untested] == ["daily_work", "pay"]
    assert r.untested_count == 2
    # each belief says where it stands and what it lacks
    assert r.items[0].lacks().startswith("Settled: supported by 3 people")
    assert r.items[1].heard == evidence.Spread(3, 2, 2)  # the challengers speak
    assert r.items[4].heard.people == 1  # contested: the supporters, as missing() measures


def test_a_path_without_assumptions_has_no_figure():
    r = readiness.of_path(1, [])
    assert r.share is None and r.percent is None and r.total == 0
    assert readiness.figure_text(r) == "No assumptions yet"
    assert r.next_step() is None and readiness.next_step_text(r) == ""


def test_percent_is_never_rounded_to_none_or_all():
    many = [item(i, "pay") for i in range(300)]
    assert readiness.of_path(1, [item(0, "pay", *SETTLED), *many]).percent == 1
    nearly = [item(i, "pay", *SETTLED) for i in range(300)]
    assert readiness.of_path(1, [*nearly, item(301, "pay")]).percent == 99
    assert readiness.of_path(1, nearly).percent == 100
    one = readiness.of_path(1, [item(1, "pay", *SETTLED)])
    assert readiness.figure_text(one) == "1 of 1 belief settled — 100 %"


def test_the_next_step_is_the_belief_closest_to_settled():
    two = (("supported", 1, "mid", "A"), ("supported", 2, "senior", "B"))
    r = readiness.of_path(1, [
        item(1, "pay"),
        item(2, "culture", ("supported", 1, "mid", "A"), ("challenged", 2, "mid", "B")),
        item(3, "skills", ("supported", 1, "mid", "A")),
        item(4, "trajectory", *two),
        item(5, "pay", *SETTLED),
    ])
    assert r.next_step().assumption_id == 4
    assert readiness.next_step_text(r) == ("“belief 4”: Supported by 2 people, 2 "
                                           "organizations, 2 levels. Needs 1 more person.")
    # contested beliefs come after every other: more voices cannot settle them
    r = readiness.of_path(1, [item(2, "culture", ("supported", 1, "mid", "A"),
                                   ("challenged", 2, "mid", "B")), item(1, "pay")])
    assert r.next_step().assumption_id == 1
    done = readiness.of_path(1, [item(5, "pay", *SETTLED)])
    assert done.next_step() is None
    assert readiness.next_step_text(done) == "Every belief is settled."


def test_the_rule_is_said_with_the_thresholds_of_the_evidence_rule(monkeypatch):
    text = readiness.rule_text()
    assert f"at least {evidence.TRIANGULATION_MIN_PEOPLE} different people" in text
    assert f"at least {evidence.TRIANGULATION_MIN_LEVELS} experience levels" in text
    assert f"{evidence.TRIANGULATION_MIN_ORGANIZATIONS} organizations" in text
    monkeypatch.setattr(evidence, "TRIANGULATION_MIN_PEOPLE", 5)
    assert "at least 5 different people" in readiness.rule_text()


def test_texts_go_through_the_translator():
    seen = []

    def translate(text: str, n: int) -> str:
        seen.append((text, n))
        return "»" + evidence.english(text, n)

    r = readiness.of_path(1, [item(1, "pay", *SETTLED), item(2, "pay")])
    assert readiness.figure_text(r, translate) == "»1 of 2 beliefs settled — 50 %"
    assert (readiness.TEXTS["figure"], 2) in seen
    assert readiness.rule_text(translate).startswith("»A belief is settled")


# --- properties ------------------------------------------------------------------------------

people = st.integers(1, 6)
levels = st.sampled_from(["", "mid", "senior", "lead"])
organizations = st.sampled_from(["", "A", "B", "C"])
voices = st.tuples(st.sampled_from([SUPPORTED, CHALLENGED, NUANCED]), people, levels,
                   organizations)
beliefs = st.lists(st.lists(voices, max_size=8), max_size=8)


def path_of(beliefs: list[list[tuple]]) -> readiness.Readiness:
    return readiness.of_path(1, [item(i, "pay", *vs) for i, vs in enumerate(beliefs)])


@given(beliefs)
def test_the_share_is_a_fraction_of_the_settled_beliefs(bs):
    r = path_of(bs)
    if not bs:
        assert r.share is None
        return
    assert 0.0 <= r.share <= 1.0
    assert r.settled == sum(i.standing.settled for i in r.items)
    assert 0 <= r.percent <= 100
    assert (r.percent == 0) == (r.settled == 0) and (r.percent == 100) == (r.settled == r.total)
    assert r.untested_count + r.settled <= r.total


@given(beliefs, st.integers(0, 7), people, levels, organizations)
def test_a_challenge_never_raises_the_readiness_of_a_supported_belief(bs, which, person,
                                                                     level, org):
    bs = [*bs, list(SETTLED)]  # at least one supported-triangulated belief
    supported = [i for i, vs in enumerate(bs) if any(v[0] == SUPPORTED for v in vs)]
    target = supported[which % len(supported)]
    before = path_of(bs)
    challenged = [list(vs) for vs in bs]
    challenged[target].append((CHALLENGED, person, level, org))
    after = path_of(challenged)
    assert after.settled <= before.settled
    assert not after.items[target].settled  # contested now


@given(beliefs, st.integers(0, 7), levels, organizations)
def test_a_second_round_with_the_same_person_never_changes_it(bs, which, level, org):
    bs = [vs for vs in bs if vs]
    if not bs:
        return
    target = which % len(bs)
    verdict, person, _lv, _org = bs[target][which % len(bs[target])]
    again = [list(vs) for vs in bs]
    # later, the same person gives the same verdict, perhaps at another level or employer
    again[target].append((verdict, person, level, org))
    assert path_of(again).settled == path_of(bs).settled
    assert path_of(again).share == path_of(bs).share
