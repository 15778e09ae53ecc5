"""Only held conversations count as evidence, and each keeps the person as they were when it
was held: the service rules behind the evidence engine."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpivot.core.errors import ValidationError
from careerpivot.services import interviews, network, paths
from careerpivot.services.interviews import NotHeldError

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def belief(clock, workspace):
    clock.set_today(TODAY)
    path = paths.add_path("Product management")
    return path, paths.add_assumption(path, "Pay rises fast in the first two years")


def test_a_conversation_not_held_takes_no_evidence_and_no_mention(belief):
    path, assumption = belief
    ana = network.create_contact(name="Ana", organization="Acme", level="mid")
    planned = interviews.create_interview(ana, path, "2026-03-12 14:30")
    with pytest.raises(NotHeldError) as refused:
        interviews.set_evidence(planned, assumption, "supported", "yes")
    assert isinstance(refused.value, ValidationError) and refused.value.field == "verdict"
    assert refused.value.when == dt.date(2026, 3, 12)
    with pytest.raises(NotHeldError):
        interviews.add_mention(planned, "SQL", 3)
    detail = interviews.get_interview(planned)
    assert detail.evidence == () and detail.mentions == ()
    # notes and answers may be written before
    interviews.update_interview(planned, "notes", "Ask about pay bands")
    assert interviews.get_interview(planned).notes == "Ask about pay bands"


def test_holding_asks_for_its_own_date_or_today(belief):
    path, _ = belief
    ana = network.create_contact(name="Ana")
    past = interviews.create_interview(ana, path, "2026-03-02 09:00")
    ahead = interviews.create_interview(ana, path, "2026-03-12 14:30")
    undated = interviews.create_interview(ana, path)
    assert interviews.hold_offer(past) == interviews.HoldOffer(dt.date(2026, 3, 2), False,
                                                               dt.date(2026, 3, 2))
    assert interviews.hold_offer(ahead) == interviews.HoldOffer(TODAY, True,
                                                                dt.date(2026, 3, 12))
    assert interviews.hold_offer(undated) == interviews.HoldOffer(TODAY, True, None)
    for talk in (past, ahead, undated):
        interviews.hold_interview(talk)
    rows = {r.id: r for r in interviews.list_interviews()}
    assert rows[past].scheduled_at == "2026-03-02 09:00"  # its own date is kept
    assert rows[ahead].scheduled_at == "2026-03-10 14:30"  # moved to today, time kept
    assert rows[undated].scheduled_at == "2026-03-10"
    assert {r.status for r in rows.values()} == {"completed"}


def test_a_held_conversation_keeps_the_person_as_they_were(belief):
    path, _assumption = belief
    ana = network.create_contact(name="Ana", organization="Acme", role="Analyst", level="mid")
    bob = network.create_contact(name="Bob", organization="Beta", role="PM", level="senior")
    talk = interviews.create_interview(ana, path, "2026-03-02 09:00", status="completed")
    held = interviews.get_interview(talk)
    assert (held.held_organization, held.held_role, held.held_level) == (
        "Acme", "Analyst", "mid")
    # Ana changes job: the old conversation does not move with her
    network.update_contact(ana, "organization", "Globex")
    network.update_contact(ana, "level", "lead")
    held = interviews.get_interview(talk)
    assert (held.held_organization, held.held_level) == ("Acme", "mid")
    # marking it held again keeps what was recorded
    interviews.update_interview(talk, "status", "completed")
    assert interviews.get_interview(talk).held_organization == "Acme"
    # a typo is corrected by hand; a bad level is refused
    interviews.update_interview(talk, "held_organization", "  ACME Ltd ")
    assert interviews.get_interview(talk).held_organization == "ACME Ltd"
    with pytest.raises(ValidationError):
        interviews.update_interview(talk, "held_level", "wizard")
    # the conversation was with someone else: their data is taken again
    interviews.update_interview(talk, "contact", bob)
    held = interviews.get_interview(talk)
    assert (held.held_organization, held.held_role, held.held_level) == ("Beta", "PM", "senior")


def test_evidence_kept_on_a_conversation_no_longer_held_is_not_counted(belief):
    path, assumption = belief
    people = [network.create_contact(name=n, organization=o, level="mid")
              for n, o in (("A", "Acme"), ("B", "Beta"), ("C", "Acme"))]
    talks = [interviews.create_interview(p, path, "2026-03-02", status="completed")
             for p in people]
    for t in talks:
        interviews.set_evidence(t, assumption, "supported")
    (row,) = paths.list_assumptions(path)
    assert row.triangulated and row.settled
    interviews.update_interview(talks[0], "status", "cancelled")
    (row,) = paths.list_assumptions(path)
    assert (row.status, row.supported, row.triangulated) == ("supported", 2, False)
    assert row.standing.not_counted == 1
    assert "1 verdict not counted until the conversation is held" in row.lacks()
    evidence = {e.interview_id: e for e in paths.assumption_evidence(assumption)}
    assert evidence[talks[0]].held is False and evidence[talks[1]].held is True


def test_rounds_with_one_person_count_once(belief):
    """Alice twice and Bob once, both at Acme, all supporting: not triangulated."""
    path, assumption = belief
    alice = network.create_contact(name="Alice", organization="Acme", level="mid")
    bob = network.create_contact(name="Bob", organization="Acme", level="senior")
    first = interviews.create_interview(alice, path, "2026-02-01", status="completed")
    interviews.create_interview(bob, path, "2026-02-03", status="completed")
    second = interviews.schedule_follow_up(first)
    interviews.update_interview(second, "scheduled_at", "2026-02-20")
    interviews.update_interview(second, "status", "completed")
    for talk in interviews.list_interviews():
        interviews.set_evidence(talk.id, assumption, "supported")
    (row,) = paths.list_assumptions(path)
    assert (row.supported, row.triangulated) == (3, False)
    assert row.standing.supporters.people == 2
    assert row.lacks() == ("Supported by 2 people, 1 organization, 2 levels. Needs 1 more "
                           "person.")


def test_holding_is_one_transaction_and_undoing_it_puts_everything_back(belief):
    from careerpivot.services import log
    from careerpivot.store.models import database

    path, _assumption = belief
    ana = network.create_contact(name="Ana", organization="Acme", role="Analyst", level="mid")
    network.update_contact(ana, "stage", "scheduled")
    ahead = interviews.create_interview(ana, path, "2026-03-12 14:30")
    before = interviews.get_interview(ahead)
    contact_before = network.get_contact(ana)
    statements: list[str] = []
    connection = database.connection()
    connection.set_trace_callback(statements.append)
    try:
        change = interviews.hold_interview(ahead)
    finally:
        connection.set_trace_callback(None)
    assert [s for s in statements if s.startswith(("BEGIN", "COMMIT"))] == [
        "BEGIN IMMEDIATE", "COMMIT"]
    held = interviews.get_interview(ahead)
    assert (held.row.status, held.row.scheduled_at) == ("completed", "2026-03-10 14:30")
    assert (held.held_organization, held.held_role, held.held_level) == (
        "Acme", "Analyst", "mid")
    actions = log.list_entries(interview_id=ahead, kind="action")
    assert sorted(a.id for a in actions) == sorted(change.actions) and len(actions) == 2
    assert network.get_contact(ana).stage == "interviewed"

    interviews.unhold_interview(change)
    undone = interviews.get_interview(ahead)
    assert (undone.row.status, undone.row.scheduled_at) == ("scheduled", "2026-03-12 14:30")
    assert (undone.held_organization, undone.held_role, undone.held_level) == ("", "", "")
    assert undone == before
    assert log.list_entries(interview_id=ahead, kind="action") == []
    contact = network.get_contact(ana)
    assert (contact.stage, contact.last_contact) == (contact_before.stage,
                                                     contact_before.last_contact)
    # held again (a redo), on the day it was first held, with Ana as she is now
    network.update_contact(ana, "organization", "Globex")
    again = interviews.hold_interview(ahead, today=change.day)
    assert interviews.get_interview(ahead).held_organization == "Globex"
    assert len(again.actions) == 2
