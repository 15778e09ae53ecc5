"""Evidence readiness per path as the Paths tab and the Overview read it: the figure follows
every edit of the past at once (a deleted conversation, a changed person, merged contacts),
undo restores it, and it comes from a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpivot.services import interviews, merge, network, paths, readiness, standings
from careerpivot.services import workspace as ws

TODAY = dt.date(2026, 3, 20)


def _held(name: str, organization: str, level: str, path: int, when: str) -> int:
    person = network.create_contact(name=name, organization=organization, level=level)
    return interviews.create_interview(person, path, when, status="completed")


@pytest.fixture
def pm(clock, workspace):
    """A path with a belief supported by three people at two organizations (settled), an
    untested belief about pay and one about culture, and a path with no beliefs."""
    clock.set_today(TODAY)
    path = paths.add_path("Product management")
    paths.add_path("Sales")
    settled = paths.add_assumption(path, "Roadmaps are negotiated", "daily_work")
    pay = paths.add_assumption(path, "Pay holds at mid level", "pay")
    culture = paths.add_assumption(path, "Teams move fast", "culture")
    talks = [_held(name, org, "mid", path, when)
             for name, org, when in (("Ana", "Acme", "2026-03-02"), ("Bob", "Beta", "2026-03-05"),
                                     ("Cy", "Acme", "2026-03-09"))]
    for talk in talks:
        interviews.set_evidence(talk, settled, "supported")
    return {"path": path, "settled": settled, "pay": pay, "culture": culture, "talks": talks}


def _figure(path_id: int) -> tuple[int, int]:
    r = readiness.readiness_of(path_id).readiness
    return r.settled, r.total


def test_every_path_has_its_figure_in_the_users_order(pm):
    rows = readiness.readiness()
    assert [r.title for r in rows] == ["Product management", "Sales"]
    first, sales = rows
    assert first.path_id == pm["path"]
    assert (first.readiness.settled, first.readiness.total) == (1, 3)
    assert first.share == pytest.approx(1 / 3) and first.readiness.percent == 33
    assert first.readiness.untested_counts() == {"pay": 1, "culture": 1}
    assert [i.assumption_id for i in first.readiness.items] == [pm["settled"], pm["pay"],
                                                                pm["culture"]]
    heard = first.readiness.items[0].heard
    assert (heard.people, heard.organizations, heard.levels) == (3, 2, 1)
    # a path with no beliefs has no figure
    assert sales.share is None and sales.readiness.total == 0
    # one path alone reads the same; a path that does not exist has none
    assert readiness.readiness(pm["path"]) == [first]
    assert readiness.readiness(10_000) == [] and readiness.readiness_of(10_000) is None


def test_editing_the_past_recomputes_it_and_undo_restores_it(pm):
    talks = pm["talks"]
    # a conversation deleted: two people are left, not enough
    snap = interviews.delete_interview(talks[2])
    assert _figure(pm["path"]) == (0, 3)
    ws.restore_snapshot(snap)
    assert _figure(pm["path"]) == (1, 3)
    # Bob (Beta) and Ana (Acme) are one person typed twice: two people, not three
    ana, bob = (interviews.get_interview(t).row.contact_id for t in talks[:2])
    record = merge.merge_contacts(ana, [bob])
    assert _figure(pm["path"]) == (0, 3)
    merge.unmerge(record)
    assert _figure(pm["path"]) == (1, 3)
    # the third conversation was in fact with Ana again: she counts once
    cy = interviews.get_interview(talks[2]).row.contact_id
    interviews.update_interview(talks[2], "contact", ana)
    assert _figure(pm["path"]) == (0, 3)
    interviews.update_interview(talks[2], "contact", cy)
    assert _figure(pm["path"]) == (1, 3)
    # a challenge makes it contested: no longer settled
    interviews.set_evidence(_held("Dee", "Delta", "lead", pm["path"], "2026-03-12"),
                            pm["settled"], "challenged")
    assert _figure(pm["path"]) == (0, 3)


def test_it_agrees_with_the_standings(pm):
    by_id = {j.assumption_id: j.standing for j in standings.judged()}
    for row in readiness.readiness():
        for item in row.readiness.items:
            assert item.standing == by_id[item.assumption_id]
            assert item.settled == by_id[item.assumption_id].settled


def test_a_fixed_number_of_queries_whatever_the_evidence(pm, statements):
    statements.clear()
    readiness.readiness()
    few = len(statements)
    for i in range(12):
        talk = _held(f"Person {i}", f"Org {i % 4}", "senior", pm["path"], "2026-03-15")
        interviews.set_evidence(talk, pm["pay"], "challenged")
    statements.clear()
    rows = readiness.readiness()
    assert len(statements) == few <= 5
    assert rows[0].readiness.settled == 2  # pay is settled as wrong now


def test_the_sample_workspace_is_half_way_there(demo_workspace):
    rows = readiness.readiness()
    assert len(rows) >= 2
    for row in rows:
        r = row.readiness
        # some beliefs are settled, most are not: the user has work to do
        assert r.total > 0 and 0 < r.settled < r.total
        assert 0 < r.untested_count < r.total
        # the next step is a belief that more conversations can settle
        step = r.next_step()
        assert step is not None and not step.settled and step.status != "contested"
        assert "Needs" in step.lacks()


def test_moving_a_held_conversation_in_time_recomputes_it(pm):
    """A person counts with their first conversation: Gus's earlier round at another
    organization widens the spread when it really came first."""
    path, pay = pm["path"], pm["pay"]
    for name in ("Eve", "Fay"):
        interviews.set_evidence(_held(name, "Acme", "mid", path, "2026-03-03"), pay,
                                "supported")
    gus = network.create_contact(name="Gus", organization="Acme", level="mid")
    first = interviews.create_interview(gus, path, "2026-03-04", status="completed")
    later = interviews.create_interview(gus, path, "2026-03-11", status="completed")
    interviews.update_interview(later, "held_organization", "Globex")  # he had moved
    for talk in (first, later):
        interviews.set_evidence(talk, pay, "supported")
    assert _figure(path) == (1, 3)  # three people, all at Acme when first heard
    interviews.update_interview(later, "scheduled_at", "2026-03-01")
    assert _figure(path) == (2, 3)  # Gus was first heard at Globex
    interviews.update_interview(later, "scheduled_at", "2026-03-11")
    assert _figure(path) == (1, 3)
