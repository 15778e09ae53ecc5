"""Who to ask next, read from a workspace (services.ask_next): the network ranked by what a
conversation would add to the path's open assumptions, in a fixed number of queries."""

from __future__ import annotations

import pytest

from careerpivot.core.errors import NotFoundError
from careerpivot.services import ask_next, interviews, network, paths

WHEN = "2026-03-02"


@pytest.fixture
def pm(workspace):
    """A path with two assumptions; Ana (mid, Acme) has spoken on both in a held conversation."""
    path = paths.add_path("Product management")
    ops = paths.add_path("Operations")
    pay = paths.add_assumption(path, "Pay rises fast")
    week = paths.add_assumption(path, "Most of the week is meetings")
    ana = network.create_contact(name="Ana", organization="Acme", level="mid",
                                 path_ids=[path])
    talk = interviews.create_interview(ana, path, WHEN, status="completed")
    interviews.set_evidence(talk, pay, "supported")
    interviews.set_evidence(talk, week, "nuanced")
    return {"path": path, "ops": ops, "pay": pay, "week": week, "ana": ana, "talk": talk}


def _names(path_id: int) -> list[str]:
    return [s.name for s in ask_next.who_to_ask(path_id)]


def test_the_network_is_ranked_by_what_each_conversation_would_add(pm):
    dee = network.create_contact(name="Dee", organization="Gamma", level="senior",
                                 role="Head of Product", stage="ongoing")
    network.create_contact(name="Cy", organization="acme ", level="senior", stage="ongoing")
    network.create_contact(name="Bo", organization="Acme", level="mid", stage="ongoing")
    result = ask_next.ask_next(pm["path"])
    assert (result.assumptions, result.open_assumptions, result.planned) == (2, 2, 0)
    assert [s.name for s in result.suggestions] == ["Dee", "Cy", "Bo"]  # Ana spoke on both
    first = result.suggestions[0]
    assert (first.contact_id, first.organization, first.role, first.level) == (
        dee, "Gamma", "Head of Product", "senior")
    assert first.reason == "Senior, Gamma: a new level and organization for 2 open assumptions"
    assert first.score == (2, 2, 2) and first.ranked.candidate.id == dee
    assert first.contacted and first.introduced_by is None and not first.interviewed
    assert result.suggestions[2].reason == "A new person for 2 assumptions needing more people"


def test_an_introduction_offered_in_a_conversation_waits_to_be_followed_up(pm):
    # Ana, in her conversation, introduces Ivo: he is listed until he is contacted
    ivo = interviews.add_introduction(pm["talk"], "Ivo", organization="Acme", level="mid")
    network.create_contact(name="Bo", organization="Acme", level="mid", stage="ongoing")
    found = ask_next.who_to_ask(pm["path"])
    assert [s.name for s in found] == ["Ivo", "Bo"]
    assert found[0].introduced_by == "Ana" and not found[0].contacted
    assert found[0].reason == ("A new person for 2 assumptions needing more people; "
                               "introduced by Ana, not yet contacted")
    network.update_contact(ivo, "stage", "contacted")
    found = ask_next.who_to_ask(pm["path"])
    assert found[0].name == "Bo"  # by name now: both contacted
    assert "introduced" not in found[1].reason and found[1].introduced_by == "Ana"


def test_a_planned_conversation_takes_the_person_off_the_list(pm):
    dee = network.create_contact(name="Dee", organization="Gamma", level="senior")
    assert _names(pm["path"]) == ["Dee"]
    planned = interviews.create_interview(dee, pm["path"])  # requested, no date yet
    result = ask_next.ask_next(pm["path"])
    assert result.suggestions == [] and result.planned == 1
    # a conversation about another path does not count for this one
    interviews.update_interview(planned, "path", pm["ops"])
    assert _names(pm["path"]) == ["Dee"]
    # once held with a verdict on both, Dee has spoken: nothing left to ask her
    interviews.update_interview(planned, "path", pm["path"])
    interviews.update_interview(planned, "scheduled_at", "2026-03-05")
    interviews.update_interview(planned, "status", "completed")
    interviews.set_evidence(planned, pm["pay"], "supported")
    assert ask_next.ask_next(pm["path"]).planned == 0
    found = ask_next.who_to_ask(pm["path"])
    assert [s.name for s in found] == ["Dee"] and found[0].interviewed
    assert found[0].reason.endswith("; a follow-up round")  # the other assumption is open
    interviews.set_evidence(planned, pm["week"], "challenged")
    assert _names(pm["path"]) == []


def test_who_is_not_asked_about_the_path(pm):
    network.create_contact(name="Gone", organization="Beta", level="lead", stage="declined")
    archived = network.create_contact(name="Old", organization="Beta", level="lead")
    network.update_contact(archived, "archived", True)
    network.create_contact(name="Opsy", organization="Beta", level="lead",
                           path_ids=[pm["ops"]])  # speaks to another path only
    network.create_contact(name="Both", organization="Beta", level="lead",
                           path_ids=[pm["ops"], pm["path"]])
    network.create_contact(name="Free", organization="Beta", level="lead")  # no path said
    assert _names(pm["path"]) == ["Both", "Free"]
    assert _names(pm["ops"]) == []  # no assumption on it: nothing is open


def test_settled_assumptions_ask_for_nobody(pm):
    for name, org, level in (("Bo", "Beta", "senior"), ("Cy", "Gamma", "lead")):
        person = network.create_contact(name=name, organization=org, level=level)
        talk = interviews.create_interview(person, pm["path"], WHEN, status="completed")
        interviews.set_evidence(talk, pm["pay"], "supported")
        interviews.set_evidence(talk, pm["week"], "supported")
    interviews.set_evidence(pm["talk"], pm["week"], "supported")
    network.create_contact(name="Dee", organization="Delta", level="entry")
    result = ask_next.ask_next(pm["path"])
    assert (result.assumptions, result.open_assumptions, result.suggestions) == (2, 0, [])


def test_an_unknown_path_is_said_so(workspace):
    with pytest.raises(NotFoundError):
        ask_next.who_to_ask(12345)


def test_a_fixed_number_of_queries_whatever_the_network(pm, statements):
    for i in range(30):
        person = network.create_contact(name=f"P{i}", organization=f"Org {i % 4}",
                                        level=["entry", "senior"][i % 2])
        if i % 3 == 0:
            talk = interviews.create_interview(person, pm["path"], WHEN, status="completed")
            interviews.set_evidence(talk, pm["pay"], "challenged")
            interviews.add_introduction(talk, f"Friend of P{i}")
    statements.clear()
    found = ask_next.who_to_ask(pm["path"], limit=5)
    assert len(found) == 5
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) <= 7, reads


def test_the_sample_workspace_suggests_sensible_people(demo_workspace):
    pm, ops = (p.id for p in paths.list_paths())
    result = ask_next.ask_next(pm)
    by_name = {s.name: s for s in result.suggestions}
    assert result.open_assumptions >= 1 and result.suggestions
    # the two introductions waiting on the path are there, with who made them
    assert by_name["Aisha Rahman"].introduced_by == "Zoë Łukasiewicz-Ngô"
    assert "introduced by Zoë Łukasiewicz-Ngô, not yet contacted" in by_name["Aisha Rahman"].reason
    assert by_name["Jonas Weber"].introduced_by == "Priya Raman"
    # conversations on their way (Marcus scheduled, Fatima requested) are not asked again
    assert "Marcus Bell" not in by_name and "Fatima Al-Sayed" not in by_name
    assert result.planned == 2
    # declined, and people who speak to operations only, are not suggested for product
    assert not {"Oliver Grant", "Laura Schmidt", "Mei Tanaka", "Ben Carter"} & set(by_name)
    scores = [s.score for s in result.suggestions]
    assert scores == sorted(scores, reverse=True)
    assert all(s.reason for s in result.suggestions)
    # operations has its own list: the introduction Grace made is waiting there
    assert "Mei Tanaka" in {s.name for s in ask_next.who_to_ask(ops)}
