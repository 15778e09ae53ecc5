"""Who to ask next (core.ask_next): the ranking by what a conversation would add, who is left
out, and the reasons in words."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given
from hypothesis import strategies as st

from careerpivot.core import ask_next as rule
from careerpivot.core import evidence
from careerpivot.core.ask_next import Candidate, Open


def _open(people=(), levels=(), organizations=(), needs_people=True) -> Open:
    return Open(frozenset(people), frozenset(levels), frozenset(organizations), needs_people)


def _names(ranking: rule.Ranking) -> list[str]:
    return [r.candidate.name for r in ranking.suggestions]


def test_a_new_level_and_organization_ranks_first_with_its_reason():
    # three open assumptions, all heard from mid-level people at Acme (Ana, id 1)
    heard = [_open({1}, {"mid"}, {"acme"}) for _ in range(3)]
    people = [
        Candidate(2, "Bo", "mid", "Acme", "ongoing"),  # nothing new but the person
        Candidate(3, "Cy", "senior", "ACME ", "ongoing"),  # a new level only
        Candidate(4, "Dee", "senior", "Gamma", "ongoing"),  # a new level and organization
        Candidate(5, "Eve", "", "Beta", "ongoing"),  # a new organization, level unknown
    ]
    ranking = rule.rank(heard, people)
    assert _names(ranking) == ["Dee", "Cy", "Eve", "Bo"]
    dee, cy, eve, bo = ranking.suggestions
    assert dee.score == (3, 3, 3) and cy.score == (0, 3, 3) and bo.score == (0, 0, 3)
    assert rule.reason(dee) == "Senior, Gamma: a new level and organization for 3 open assumptions"
    assert rule.reason(cy) == "Senior: a new level for 3 open assumptions"
    assert rule.reason(eve) == "Beta: a new organization for 3 open assumptions"
    assert rule.reason(bo) == "A new person for 3 assumptions needing more people"
    # beside columns that show the level and organization, the reason need not name them
    assert rule.reason(dee, who_first=False) == ("A new level and organization for 3 open "
                                                 "assumptions")
    assert rule.reason(eve, who_first=False) == "A new organization for 3 open assumptions"
    assert ranking.open_assumptions == 3


def test_who_spoke_on_an_assumption_adds_nothing_to_it():
    # Ana spoke on the first two; the third needs only another organization or level
    assumptions = [_open({1}, {"mid"}, {"acme"}), _open({1}, {"mid"}, {"acme"}),
                   _open({7}, {"mid"}, {"acme"}, needs_people=False)]
    ana = Candidate(1, "Ana", "senior", "Gamma", "ongoing", interviewed=True)
    ranked, = rule.rank(assumptions, [ana]).suggestions
    assert (ranked.both, ranked.people) == (1, 0)
    assert rule.reason(ranked) == ("Senior, Gamma: a new level and organization for 1 open "
                                   "assumption; a follow-up round")
    # an assumption that lacks only a span gains nothing from one more person like the others
    same = Candidate(8, "Sam", "mid", "Acme", "ongoing")
    assert rule.rank(assumptions[2:], [same]).suggestions == ()


def test_who_is_left_out():
    assumptions = [_open({1}, {"mid"}, {"acme"}), _open({1, 2}, {"mid"}, {"acme"})]
    people = [
        Candidate(1, "Ana", "senior", "Gamma", "thanked", interviewed=True),  # spoke on both
        Candidate(2, "Bo", "senior", "Gamma", "declined"),
        Candidate(3, "Cy", "senior", "Gamma", "ongoing", archived=True),
        Candidate(4, "Dee", "senior", "Gamma", "scheduled", planned=True),
        Candidate(5, "Eve", "senior", "Gamma", "identified", planned=True),
        Candidate(6, "Fay", "lead", "Delta", "identified"),
    ]
    ranking = rule.rank(assumptions, people)
    assert _names(ranking) == ["Fay"]
    assert ranking.planned == 2  # counted, so the page can say they are on their way
    # every assumption settled: nobody at all
    assert rule.rank([], people) == rule.Ranking(0, ())


def test_ties_go_to_introductions_then_to_people_not_contacted_then_by_name():
    assumptions = [_open({1}, {"mid"}, {"acme"})]
    people = [
        Candidate(10, "ábel", "senior", "Gamma", "ongoing"),
        Candidate(11, "Zed", "senior", "Gamma", "identified"),
        Candidate(12, "Yan", "senior", "Gamma", "to_contact", introduced_by="Ana"),
        Candidate(13, "Abe", "senior", "Gamma", "contacted", introduced_by="Ana"),
        Candidate(14, "Adam", "senior", "Gamma", "ongoing"),
    ]
    ranking = rule.rank(assumptions, people)
    # an introduction already followed up (Abe, contacted) is like anyone contacted
    assert _names(ranking) == ["Yan", "Zed", "Abe", "ábel", "Adam"]
    assert rule.reason(ranking.suggestions[0]) == (
        "Senior, Gamma: a new level and organization for 1 open assumption; introduced by "
        "Ana, not yet contacted")
    assert rule.rank(assumptions, people, limit=2).suggestions == ranking.suggestions[:2]
    assert rule.rank(assumptions, people, limit=0).suggestions == ()


def test_an_introduction_waiting_is_listed_even_with_nothing_new():
    assumptions = [_open({1}, {"mid"}, {"acme"}, needs_people=False)]
    waiting = Candidate(5, "Ivo", "mid", "Acme", "identified", introduced_by="Ana")
    done = Candidate(6, "Jo", "mid", "Acme", "contacted", introduced_by="Ana")
    ranked, = rule.rank(assumptions, [waiting, done]).suggestions
    assert ranked.candidate.name == "Ivo" and ranked.score == (0, 0, 0)
    assert rule.reason(ranked) == "Introduced by Ana, not yet contacted"


def test_reasons_are_translated_and_plural_forms_resolved():
    assumptions = [_open({1}, {"mid"}, {"acme"}), _open({1}, {"senior"}, {"acme"})]
    ranked, = rule.rank(assumptions, [Candidate(2, "Kim", "senior", "Beta")]).suggestions
    assert rule.reason(ranked) == ("Senior, Beta: a new level and organization for 1 open "
                                   "assumption")
    seen = []

    def translate(text: str, n: int) -> str:
        seen.append((text, n))
        return evidence.english(text, n).upper() if n >= 0 else text

    text = rule.reason(ranked, translate, name=lambda s: f"<{s}>")
    assert text == "<Senior>, Beta: A NEW LEVEL AND ORGANIZATION FOR 1 OPEN ASSUMPTION"
    assert (rule.TEXTS["both"], 1) in seen
    assert rule.clauses(ranked) == ["A new level and organization for 1 open assumption",
                                    "A new organization for 1 open assumption",
                                    "A new person for 2 assumptions needing more people"]
    # a level typed by hand (not one of the list) is shown as typed
    odd, = rule.rank(assumptions, [Candidate(3, "Lu", "Principal", "Beta")]).suggestions
    assert rule.reason(odd).startswith("Principal, Beta: ")


def test_open_assumptions_come_from_the_standing():
    held = evidence.Voice
    settled = evidence.judge([("supported", held(p, lv, org)) for p, lv, org in
                              ((1, "mid", "a"), (2, "senior", "b"), (3, "mid", "a"))])
    assert settled.triangulated
    assert rule.open_assumption(settled, {1, 2, 3}, {"mid", "senior"}, {"a", "b"}) is None
    two = evidence.judge([("supported", held(1, "mid", "a")), ("supported", held(2, "mid", "a"))])
    found = rule.open_assumption(two, {1, 2}, {"mid", ""}, {"a"})
    assert found == _open({1, 2}, {"mid"}, {"a"}, needs_people=True)
    untested = evidence.judge([])
    assert rule.open_assumption(untested, (), (), ()).needs_people


# --- properties ------------------------------------------------------------------------------

LEVEL_KEYS = ["", "entry", "mid", "senior", "lead"]
ORGS = ["", "Acme", "Beta", "Gamma"]
STAGES = ["identified", "to_contact", "contacted", "ongoing", "declined"]

assumption_st = st.builds(
    _open, st.frozensets(st.integers(0, 9), max_size=6),
    st.frozensets(st.sampled_from(LEVEL_KEYS[1:]), max_size=3),
    st.frozensets(st.sampled_from([o.casefold() for o in ORGS[1:]]), max_size=3),
    st.booleans())
candidate_st = st.builds(
    Candidate, st.integers(0, 9), st.sampled_from(["Ana", "Bo", "Cy", "Dee", "Éva"]),
    st.sampled_from(LEVEL_KEYS), st.sampled_from(ORGS), st.sampled_from(STAGES),
    st.booleans(), st.booleans(), st.booleans(), st.sampled_from([None, "Ana"]))
networks = st.lists(candidate_st, max_size=12, unique_by=lambda c: c.id)


@given(st.lists(assumption_st, min_size=1, max_size=5), networks, st.integers(0, 9))
def test_another_new_organization_never_moves_anyone_down(assumptions, people, who):
    people = [c for c in people if c.id != who]
    before = [*people, Candidate(who, "Mo", "mid", "Acme", "ongoing")]
    after = [*people, Candidate(who, "Mo", "mid", "Zeta Corp", "ongoing")]  # heard nowhere
    old = [r.candidate.id for r in rule.rank(assumptions, before).suggestions]
    new = [r.candidate.id for r in rule.rank(assumptions, after).suggestions]
    if who in old:
        assert who in new and new.index(who) <= old.index(who)


@given(st.lists(assumption_st, min_size=1, max_size=5), networks)
def test_somebody_heard_on_every_open_assumption_never_appears(assumptions, people):
    everyone = {c.id for c in people}
    heard_all = [dataclasses.replace(a, people=a.people | everyone) for a in assumptions]
    assert rule.rank(heard_all, people).suggestions == ()
    listed = {r.candidate.id for r in rule.rank(assumptions, people).suggestions}
    for c in people:
        if all(c.id in a.people for a in assumptions):
            assert c.id not in listed


@given(st.lists(assumption_st, min_size=1, max_size=5), networks, st.randoms(),
       st.integers(0, 12))
def test_the_order_does_not_depend_on_the_input_order(assumptions, people, rnd, limit):
    ranking = rule.rank(assumptions, people)
    shuffled = list(people)
    rnd.shuffle(shuffled)
    assert rule.rank(assumptions, shuffled) == ranking
    assert rule.rank(assumptions, shuffled, limit).suggestions == ranking.suggestions[:limit]
    scores = [r.score for r in ranking.suggestions]
    assert scores == sorted(scores, reverse=True)


def test_many_candidates_are_ranked_in_one_pass():
    rnd = random.Random(7)
    assumptions = [_open(set(rnd.sample(range(5000), 300)), {"mid", "senior"}, {"acme"})
                   for _ in range(20)]
    people = [Candidate(i, f"P{i}", rnd.choice(LEVEL_KEYS), rnd.choice(ORGS), "identified")
              for i in range(5000)]
    top = rule.rank(assumptions, people, limit=20).suggestions
    assert len(top) == 20
    assert top == rule.rank(assumptions, people).suggestions[:20]
