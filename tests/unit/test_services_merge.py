"""Merging duplicate contacts: one record keeps everything both had, the evidence counts one
person where it counted two, and undo puts every row back."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpivot.core.errors import NotFoundError
from careerpivot.core.validation import ValidationError
from careerpivot.services import interviews, log, merge, network, paths, workspace

TODAY = dt.date(2026, 5, 4)


@pytest.fixture
def twins(clock, workspace):
    """Ana typed by hand and Ana imported later, plus two other people."""
    clock.set_today(TODAY)
    path = paths.add_path("Data analysis")
    pay = paths.add_assumption(path, "Pay rises fast")
    typed = network.create_contact(name="Ana Ruiz", organization="Acme", level="mid",
                                   stage="interviewed", notes="Met at the meetup")
    imported = network.create_contact(name="Ana Ruiz", email="ana@example.org",
                                      role="Analyst", stage="contacted",
                                      notes="From LinkedIn", last_contact=dt.date(2026, 4, 30))
    network.set_tags(typed, ["data"])
    network.set_tags(imported, ["data", "meetup"])
    network.set_paths(imported, [path])
    friend = network.create_contact(name="Bo", introduced_by=imported)
    cy = network.create_contact(name="Cy", organization="Beta", level="senior")
    talks = []
    for who, when in ((typed, "2026-04-01"), (imported, "2026-04-10"), (cy, "2026-04-12")):
        talk = interviews.create_interview(who, path, when, status="completed")
        interviews.set_evidence(talk, pay, "supported")
        talks.append(talk)
    note = log.add_entry("insight", "Ana says pay rises fast", contact_id=imported)
    return path, pay, typed, imported, friend, cy, talks, note


def _state():
    """Everything a merge touches, as plain values."""
    return ([network.get_contact(r.id) for r in network.list_contacts()],
            [(r.id, r.contact_id) for r in interviews.list_interviews()],
            paths.list_assumptions(), [(e.id, e.contact_id) for e in log.list_entries()])


def test_the_kept_record_takes_everything_and_undo_puts_it_back(twins):
    path, pay, typed, imported, friend, _cy, talks, note = twins
    before = _state()
    assert paths.get_assumption(pay).standing.supporters.people == 3

    record = merge.merge_contacts(typed, [imported])

    with pytest.raises(NotFoundError):
        network.get_contact(imported)
    ana = network.get_contact(typed)
    assert (ana.organization, ana.role, ana.email) == ("Acme", "Analyst", "ana@example.org")
    assert ana.notes == "Met at the meetup\n\nFrom LinkedIn"
    assert ana.stage == "interviewed" and ana.last_contact == dt.date(2026, 4, 30)
    assert sorted(ana.tags) == ["data", "meetup"] and ana.path_ids == (path,)
    assert ana.interview_count == 2
    assert network.get_contact(friend).introduced_by_id == typed
    assert {e.id: e.contact_id for e in log.list_entries()}[note] == typed
    # two conversations with one person now count once
    standing = paths.get_assumption(pay).standing
    assert standing.supporters.people == 2 and standing.counts.supported == 3
    # the held conversation keeps who Ana was then (no organization recorded)
    assert interviews.get_interview(talks[1]).held_organization == ""

    merge.unmerge(record)
    assert _state() == before


def test_a_merge_needs_two_existing_contacts(twins):
    _path, _pay, typed, imported, *_ = twins
    with pytest.raises(ValidationError):
        merge.merge_contacts(typed, [typed])
    with pytest.raises(NotFoundError):
        merge.merge_contacts(typed, [imported, 99999])
    assert network.get_contact(imported).name == "Ana Ruiz"  # nothing happened


def test_undo_and_redo_of_a_merge_survive_a_later_undo_of_delete(twins):
    _path, _pay, typed, imported, _friend, cy, *_ = twins
    record = merge.merge_contacts(typed, [imported, cy])
    assert [r.name for r in network.list_contacts()].count("Cy") == 0
    snap = network.delete_contacts([typed])
    workspace.restore_snapshot(snap)
    merge.unmerge(record)
    assert sorted(r.name for r in network.list_contacts()) == ["Ana Ruiz", "Ana Ruiz", "Bo",
                                                               "Cy"]
