"""The standings every closing-the-loop view starts from: the evidence as it stood on a past
day, who has spoken on an assumption, and one path read apart from the others."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpivot.services import interviews, network, paths, standings

TODAY = dt.date(2026, 3, 20)


@pytest.fixture
def beliefs(clock, workspace):
    clock.set_today(TODAY)
    pm = paths.add_path("Product management")
    ops = paths.add_path("Operations")
    return (pm, paths.add_assumption(pm, "Pay rises fast"),
            ops, paths.add_assumption(ops, "Shift work is rare"))


def _held(name: str, organization: str, level: str, path: int, when: str) -> int:
    person = network.create_contact(name=name, organization=organization, level=level)
    return interviews.create_interview(person, path, when, status="completed")


def test_the_evidence_as_it_stood_on_a_past_day(beliefs):
    pm, pay, _ops, _shifts = beliefs
    for name, org, level, when in (("Ana", "Acme", "mid", "2026-03-02"),
                                   ("Bob", "Beta", "senior", "2026-03-05"),
                                   ("Cy", "Gamma", "lead", "2026-03-16")):
        interviews.set_evidence(_held(name, org, level, pm, when), pay, "supported")
    late = network.create_contact(name="Dee", organization="Delta")
    planned = interviews.create_interview(late, pm, "2026-03-25 10:00")
    interviews.update_interview(planned, "notes", "to ask")

    now = {j.assumption_id: j.standing for j in standings.judged(pm)}
    then = {j.assumption_id: j.standing for j in standings.judged(pm, held_through=dt.date(
        2026, 3, 10))}
    assert now[pay].triangulated and now[pay].supporters.people == 3
    assert not then[pay].triangulated and then[pay].supporters.people == 2
    # a conversation held after that day is simply not there yet, not "not counted"
    assert then[pay].not_counted == 0 and then[pay].counts.supported == 2
    # the day itself counts
    assert standings.judged(pm, held_through=dt.date(2026, 3, 16))[0].standing.triangulated


def test_who_has_spoken_is_gathered_as_they_were_then(beliefs):
    pm, pay, ops, shifts = beliefs
    ana_talk = _held("Ana", "ACME  corp", "mid", pm, "2026-03-02")
    interviews.set_evidence(ana_talk, pay, "nuanced")
    bob_talk = _held("Bob", "", "", pm, "2026-03-05")
    interviews.set_evidence(bob_talk, pay, "challenged")
    interviews.set_evidence(_held("Cy", "Gamma", "lead", ops, "2026-03-06"), shifts,
                            "supported")
    ana = interviews.get_interview(ana_talk).row.contact_id
    network.update_contact(ana, "organization", "Globex")  # changes job later

    pay_row, = standings.judged(pm, with_heard=True)
    assert pay_row.assumption_id == pay
    heard = pay_row.heard
    assert len(heard.people) == 2  # nuanced and challenged both count as heard
    assert heard.organizations == {"acme corp"}  # unknown is not a value, and no Globex
    assert heard.levels == {"mid"}  # Bob's unknown level is not one
    # without the flag nobody is gathered; all paths are read in the Paths tab's order
    assert standings.judged()[0].heard.people == frozenset()
    assert [j.assumption_id for j in standings.judged()] == [pay, shifts]


def test_the_path_list_and_the_standings_agree(beliefs):
    pm, pay, _ops, _shifts = beliefs
    for name, org, level, when in (("Ana", "Acme", "mid", "2026-03-02"),
                                   ("Bob", "Acme", "mid", "2026-03-05")):
        interviews.set_evidence(_held(name, org, level, pm, when), pay, "supported")
    listed = {r.id: r.standing for r in paths.list_assumptions()}
    judged = {j.assumption_id: j.standing for j in standings.judged()}
    assert listed == judged
    assert listed[pay].missing() == (1, True)
