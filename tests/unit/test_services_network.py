"""Contacts, tags, paths, introductions, check-ins and undoable deletes (services.network)."""

from __future__ import annotations

import datetime as _dt

import pytest

from careerpivot.core.errors import NotFoundError, ValidationError
from careerpivot.services import interviews, network, paths, workspace
from careerpivot.store.models import Milestone, Phase, Tag

TODAY = _dt.date(2026, 3, 14)


@pytest.fixture
def ws(clock, tmp_path):
    clock.set_today(TODAY)
    info = workspace.open_workspace(tmp_path / "w.db", backups_root=tmp_path / "backups")
    yield info
    workspace.close()



def field_error(fn, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        fn(*args, **kwargs)
    return err.value


# --- create, read, update ----------------------------------------------------------------------


def test_create_cleans_and_reads_back(ws):
    cid = network.create_contact(
        name="  Ana   Lima ", organization="Acme Bank", role="Product lead", level="senior",
        email=" ana@acme.org ", url="www.linkedin.com/in/ana", phone="+44 20 7946 0958",
        how_met="Alumni meetup", stage="contacted", cadence_days=30,
        last_contact="2026-03-01", notes="Line one\r\nLine two", tags="Fintech, mentors",
    )
    row = network.get_contact(cid)
    assert row.name == "Ana Lima"
    assert row.email == "ana@acme.org"
    assert row.url == "https://www.linkedin.com/in/ana"
    assert row.notes == "Line one\nLine two"
    assert row.tags == ("Fintech", "mentors")
    assert row.last_contact == _dt.date(2026, 3, 1)
    assert row.next_checkin == _dt.date(2026, 3, 31)
    assert row.interview_count == 0 and row.introduced_by_id is None
    assert [r.id for r in network.list_contacts()] == [cid]


def test_name_is_required(ws):
    assert field_error(network.create_contact, name="   ").field == "name"
    assert field_error(network.create_contact, organization="Acme").field == "name"
    cid = network.create_contact(name="Ana")
    err = field_error(network.update_contact, cid, "name", " \n ")
    assert err.field == "name" and "required" in err.message
    assert network.get_contact(cid).name == "Ana"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("email", "ana(at)acme", "e-mail"),
        ("email", "ana@acme", "e-mail"),
        ("url", "javascript:alert(1)", "http"),
        ("url", "not a link", "spaces"),
        ("phone", "call me", "phone"),
        ("last_contact", "2026-02-30", "not a date on the calendar"),
        ("last_contact", "14/03/2026", "YYYY-MM-DD"),
        ("last_contact", "2026-03-15", "future"),
        ("level", "guru", "Unknown value"),
        ("stage", "married", "Unknown value"),
        ("cadence_days", 17, "check-in"),
        ("cadence_days", "weekly", "check-in"),
        ("name", "x" * 501, "too long"),
        ("source", "linkedin", "cannot be changed"),
        ("id", 5, "cannot be changed"),
    ],
)
def test_bad_input_gets_a_message_for_the_field_and_stores_nothing(ws, field, value, words):
    cid = network.create_contact(name="Ana", email="ana@acme.org", url="acme.org",
                                 last_contact="2026-01-01")
    before = network.get_contact(cid)
    err = field_error(network.update_contact, cid, field, value)
    assert err.field == field
    assert words in err.message
    assert network.get_contact(cid) == before


def test_update_each_field(ws):
    cid = network.create_contact(name="Ana")
    changes = {
        "name": ("Ana Lima", "Ana Lima"), "organization": ("Acme", "Acme"),
        "role": ("PM", "PM"), "level": ("mid", "mid"), "stage": ("scheduled", "scheduled"),
        "email": ("MAILTO:ana@acme.org", "ana@acme.org"), "phone": ("0123 456", "0123 456"),
        "url": ("https://acme.org/ana", "https://acme.org/ana"),
        "how_met": ("Through Bea", "Through Bea"), "cadence_days": ("91", 91),
        "last_contact": ("2026-03-14", TODAY), "notes": ("<b>'; DROP TABLE contact; --",
                                                         "<b>'; DROP TABLE contact; --"),
        "archived": (True, True),
    }
    for field, (value, expected) in changes.items():
        network.update_contact(cid, field, value)
        assert getattr(network.get_contact(cid), field) == expected, field
    assert network.list_contacts() == []
    assert [r.id for r in network.list_contacts(include_archived=True)] == [cid]
    network.update_contact(cid, "last_contact", "")
    assert network.get_contact(cid).last_contact is None


def test_any_unicode_round_trips(ws):
    name = "Zoë Ōtsuka 王小明 محمد 👩🏽‍💻"
    cid = network.create_contact(name=name, notes="\u202eRTL\u202c and a lone \udc00 surrogate")
    row = network.get_contact(cid)
    assert row.name == name
    assert "\ufffd" in row.notes


def test_missing_contact_is_reported(ws):
    with pytest.raises(NotFoundError):
        network.get_contact(999)
    with pytest.raises(NotFoundError):
        network.update_contact(999, "name", "Ana")
    with pytest.raises(NotFoundError):
        network.delete_contacts([999])


# --- who introduced whom ---------------------------------------------------------------------


def test_introduced_by_refuses_self_missing_and_cycles(ws):
    a = network.create_contact(name="Ana")
    b = network.create_contact(name="Bea", introduced_by=a)
    c = network.create_contact(name="Cy")
    network.update_contact(c, "introduced_by", b)  # a -> b -> c
    row = network.get_contact(c)
    assert row.introduced_by_id == b and row.introduced_by_name == "Bea"

    assert "themselves" in field_error(network.update_contact, a, "introduced_by", a).message
    assert "circle" in field_error(network.update_contact, a, "introduced_by", b).message
    assert "circle" in field_error(network.update_contact, a, "introduced_by", c).message
    assert field_error(network.update_contact, a, "introduced_by", 999).field == "introduced_by"
    assert field_error(network.update_contact, a, "introduced_by", "Bea").field == (
        "introduced_by")
    assert field_error(network.create_contact, name="Dee", introduced_by=999).field == (
        "introduced_by")
    assert network.get_contact(a).introduced_by_id is None

    network.update_contact(c, "introduced_by", None)
    assert network.get_contact(c).introduced_by_id is None
    network.update_contact(a, "introduced_by", str(c))  # no longer a circle
    assert network.get_contact(a).introduced_by_name == "Cy"


# --- tags and paths --------------------------------------------------------------------------


def test_tags_are_one_by_name_key(ws):
    a = network.create_contact(name="Ana", tags=["Fintech"])
    b = network.create_contact(name="Bea")
    network.set_tags(b, [" fintech ", "FINTECH", "Data  science", ""])
    assert network.get_contact(b).tags == ("Data science", "Fintech")
    assert Tag.select().count() == 2
    network.update_contact(a, "tags", "fintech,  mentors ,")
    assert network.get_contact(a).tags == ("Fintech", "mentors")
    assert network.list_tags() == ["Data science", "Fintech", "mentors"]
    network.update_contact(a, "tags", "")
    assert network.get_contact(a).tags == ()
    assert network.list_tags() == ["Data science", "Fintech"]
    assert field_error(network.set_tags, a, ["x" * 101]).field == "tags"


def test_paths_link_and_choices(ws):
    pm = paths.add_path("Product management")
    ops = paths.add_path("Operations")
    assert [(p.id, p.title) for p in network.list_path_choices()] == [
        (pm, "Product management"), (ops, "Operations")]
    cid = network.create_contact(name="Ana", path_ids=[ops])
    network.set_paths(cid, [pm, ops, pm])
    row = network.get_contact(cid)
    assert row.path_ids == (pm, ops)
    assert row.path_titles == ("Product management", "Operations")
    assert field_error(network.set_paths, cid, [pm, 999]).field == "paths"
    assert network.get_contact(cid).path_ids == (pm, ops)
    network.update_contact(cid, "paths", [])
    assert network.get_contact(cid).path_ids == ()


# --- lists -----------------------------------------------------------------------------------


def test_list_contacts_runs_a_fixed_number_of_queries(ws, statements):
    pm = paths.add_path("PM")

    def add(n: int) -> None:
        for i in range(n):
            cid = network.create_contact(name=f"Person {i}", tags=[f"t{i % 3}", "all"],
                                         path_ids=[pm])
            interviews.create_interview(cid, pm, "2026-02-01 10:00")

    add(3)
    statements.clear()
    rows = network.list_contacts()
    few = len(statements)
    assert len(rows) == 3 and all(r.interview_count == 1 for r in rows)
    add(40)
    statements.clear()
    rows = network.list_contacts()
    assert len(rows) == 43
    assert len(statements) == few == 1
    assert all(r.tags == ("all", f"t{int(r.name.split()[1]) % 3}") and r.path_ids == (pm,)
               and r.path_titles == ("PM",) and r.interview_count == 1 for r in rows)
    statements.clear()
    network.get_contact(rows[0].id)
    assert len(statements) == 1
    statements.clear()
    assert len(network.contact_records()) == 43
    assert len(statements) == 1


def test_a_record_and_its_row_carry_the_same_contact(ws):
    pm = paths.add_path("Product management")
    ops = paths.add_path("Operations")
    paths.reorder_paths([ops, pm])  # the user's order of paths, not their ids
    ana = network.create_contact(name="Ana Lima", organization="Acme", level="senior",
                                 tags="mentor, Fintech", path_ids=[pm, ops], cadence_days=30,
                                 last_contact="2026-01-05", notes="Zoë's café")
    network.create_contact(name="Bea", introduced_by=ana)
    interviews.create_interview(ana, pm, "2026-02-01 10:00")
    records = {r[network.R_ID]: r for r in network.contact_records()}
    for row in network.list_contacts():
        assert network.contact_row(records[row.id]) == row
        assert network.contact_row(network.contact_record(row)) == row
    ana_row = network.get_contact(ana)
    assert ana_row.tags == ("Fintech", "mentor")
    assert ana_row.path_ids == (ops, pm)
    assert ana_row.path_titles == ("Operations", "Product management")
    assert ana_row.interview_count == 1 and ana_row.next_checkin.isoformat() == "2026-02-04"


def test_contact_choices_and_duplicates(ws):
    a = network.create_contact(name="Ana Lima", organization="Acme")
    b = network.create_contact(name="ana  lima", organization="Beta")
    network.create_contact(name="Bea")
    assert [c.name for c in network.contact_choices()] == ["Ana Lima", "ana lima", "Bea"]
    found = network.find_duplicates("ANA LIMA", "beta")
    assert [c.id for c in found] == [b, a]
    assert [c.id for c in network.find_duplicates("Ana Lima", exclude_id=a)] == [b]
    assert network.find_duplicates("  ") == []


def test_checkins_due(ws):
    never = network.create_contact(name="Never", cadence_days=30)
    overdue = network.create_contact(name="Overdue", cadence_days=14,
                                     last_contact=TODAY - _dt.timedelta(days=20))
    today = network.create_contact(name="Today", cadence_days=30,
                                   last_contact=TODAY - _dt.timedelta(days=30))
    soon = network.create_contact(name="Soon", cadence_days=14,
                                  last_contact=TODAY - _dt.timedelta(days=10))
    network.create_contact(name="No cadence", last_contact="2020-01-01")
    archived = network.create_contact(name="Archived", cadence_days=14,
                                      last_contact="2025-01-01")
    network.update_contact(archived, "archived", True)
    assert [r.id for r in network.checkins_due(TODAY)] == [overdue, never, today]
    assert [r.id for r in network.checkins_due(TODAY, within_days=7)] == [
        overdue, never, today, soon]


def test_record_contact_never_moves_back(ws):
    cid = network.create_contact(name="Ana", last_contact="2026-03-01")
    network.record_contact(cid, "2026-02-01")
    assert network.get_contact(cid).last_contact == _dt.date(2026, 3, 1)
    network.record_contact(cid)
    assert network.get_contact(cid).last_contact == TODAY
    assert field_error(network.record_contact, cid, "2026-04-01").field == "last_contact"


# --- delete and undo -------------------------------------------------------------------------


def test_delete_takes_interviews_and_undo_brings_everything_back(ws):
    pm = paths.add_path("PM")
    ana = network.create_contact(name="Ana", tags="Fintech, mentors", path_ids=[pm])
    bea = network.create_contact(name="Bea", introduced_by=ana, tags="Fintech")
    first = interviews.create_interview(ana, pm, "2026-02-01 10:00")
    interviews.create_interview(ana, pm, "2026-03-01 10:00")
    interviews.add_introduction(first, "Cy")
    phase = Phase.select().first()
    milestone = Milestone.insert(phase=phase, title="Mock interview", partner=ana).execute()

    impact = network.delete_impact([ana])
    assert impact == network.DeleteImpact(contacts=1, interviews=2, introduced=2,
                                          milestones=1, introductions=0)
    before = network.get_contact(ana)
    before_interviews = {r.id for r in interviews.list_interviews()}

    snap = network.delete_contacts([ana])
    assert [r.name for r in network.list_contacts()] == ["Bea", "Cy"]
    assert network.get_contact(bea).introduced_by_id is None
    assert interviews.list_interviews() == []
    assert Milestone.get_by_id(milestone).partner_id is None
    assert network.list_tags() == ["Fintech"]

    workspace.restore_snapshot(snap)
    assert network.get_contact(ana) == before
    assert network.get_contact(ana).tags == ("Fintech", "mentors")
    assert network.get_contact(bea).introduced_by_id == ana
    assert {r.id for r in interviews.list_interviews()} == before_interviews
    assert Milestone.get_by_id(milestone).partner_id == ana
    assert workspace.check_database() == []


def test_delete_several_at_once(ws):
    a = network.create_contact(name="Ana")
    b = network.create_contact(name="Bea", introduced_by=a)
    c = network.create_contact(name="Cy", introduced_by=b)
    assert network.delete_impact([a, b]).introduced == 1
    snap = network.delete_contacts([a, b, a])
    assert [r.id for r in network.list_contacts()] == [c]
    workspace.restore_snapshot(snap)
    assert network.get_contact(c).introduced_by_id == b
    assert network.get_contact(b).introduced_by_id == a
