"""The tracking log (services.log): entries with validation, search and filters, done and
snoozed actions."""

from __future__ import annotations

import datetime as _dt

import pytest

from careerpivot.core.errors import ValidationError
from careerpivot.services import log, network, paths, workspace

TODAY = _dt.date(2026, 3, 11)


def days(n: int) -> _dt.date:
    return TODAY + _dt.timedelta(days=n)


@pytest.fixture
def ws(clock, tmp_path):
    clock.set_today(TODAY)
    info = workspace.open_workspace(tmp_path / "w.careerpivot", backups_root=tmp_path / "b")
    yield info
    workspace.close()


def error(fn, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        fn(*args, **kwargs)
    return err.value


def test_add_read_update_delete(ws):
    contact = network.create_contact(name="Łukasz Kowalski", organization="Café Théâtre")
    path = paths.add_path("Product management")
    entry = log.add_entry("action", "  Send a thank-you to Łukasz  ", due_date=days(1),
                          contact_id=contact, path_id=path)
    row = log.get_entry(entry)
    assert row.text == "Send a thank-you to Łukasz"
    assert row.entry_date == TODAY and row.due_date == days(1)
    assert row.contact_name == "Łukasz Kowalski" and row.path_title == "Product management"
    assert row.is_action and row.is_open

    log.update_entry(entry, "text", "Send a thank-you note")
    log.update_entry(entry, "contact_id", None)
    row = log.get_entry(entry)
    assert row.text == "Send a thank-you note" and row.contact_id is None

    snap = log.delete_entry(entry)
    assert log.list_entries() == []
    workspace.restore_snapshot(snap)
    assert log.get_entry(entry).text == "Send a thank-you note"


def test_validation_messages_name_the_field(ws):
    assert error(log.add_entry, "insight", "   ").field == "text"
    assert error(log.add_entry, "gossip", "x").field == "kind"
    assert error(log.add_entry, "insight", "x", due_date=days(1)).field == "due_date"
    assert error(log.add_entry, "action", "x", entry_date="2026-02-30").field == "entry_date"
    err = error(log.add_entry, "action", "x", entry_date=TODAY, due_date=days(-1))
    assert err.field == "due_date" and "before" in err.message
    assert error(log.add_entry, "insight", "x", contact_id=999).field == "contact"
    assert error(log.add_entry, "insight", "x" * (log.MAX_ENTRY + 1)).field == "text"
    entry = log.add_entry("insight", "An insight")
    assert error(log.update_entry, entry, "due_date", days(2)).field == "due_date"
    assert error(log.update_entry, entry, "created_at", "x").field == "created_at"
    assert error(log.mark_done, entry).field == "done_date"
    assert error(log.snooze, entry, 3).field == "snoozed_until"
    with pytest.raises(ValidationError):
        log.check_entry("action", "ok", TODAY, days(-2))
    log.check_entry("action", "ok", TODAY, days(2))


def test_changing_an_action_into_an_insight_drops_its_dates(ws):
    entry = log.add_entry("action", "Call Priya", due_date=days(2))
    log.snooze(entry, days(5))
    log.update_entry(entry, "kind", "insight")
    row = log.get_entry(entry)
    assert (row.due_date, row.snoozed_until, row.done_date) == (None, None, None)


def test_an_action_on_a_conversation_is_linked_to_its_contact(ws):
    from careerpivot.services import interviews

    contact = network.create_contact(name="Priya Raman")
    interview = interviews.create_interview(contact, scheduled_at=days(-1))
    entry = log.add_entry("action", "Report back", due_date=days(14), interview_id=interview)
    row = log.get_entry(entry)
    assert row.contact_id == contact and row.interview_id == interview
    assert row.interview_date.startswith(days(-1).isoformat())


def test_search_and_filters(ws):
    zoe = network.create_contact(name="Zoë Łukasiewicz-Ngô")
    path = paths.add_path("Operations leadership")
    a = log.add_entry("insight", "SQL before any certificate", entry_date=days(-3),
                      contact_id=zoe)
    b = log.add_entry("decision", "Aim for PM roles, 100% B2B", entry_date=days(-2),
                      path_id=path)
    c = log.add_entry("action", "Follow up with Zoë", due_date=days(1))
    assert [r.id for r in log.list_entries()] == [c, b, a]  # newest first
    assert [r.id for r in log.list_entries(search="sql")] == [a]
    assert [r.id for r in log.list_entries(search="łukasiewicz")] == [a]  # by contact name
    assert [r.id for r in log.list_entries(search="ZOË")] == [c, a]
    assert [r.id for r in log.list_entries(search="operations")] == [b]  # by path title
    assert [r.id for r in log.list_entries(search="100%")] == [b]
    # a wildcard is a character, not "anything"
    assert [r.id for r in log.list_entries(search="%")] == [b]
    assert log.list_entries(search="_") == []
    assert [r.id for r in log.list_entries(kind="decision")] == [b]
    assert [r.id for r in log.list_entries(contact_id=zoe)] == [a]
    assert [r.id for r in log.list_entries(path_id=path)] == [b]
    assert [r.id for r in log.list_entries(open_actions=True)] == [c]
    assert len(log.list_entries(limit=2)) == 2
    assert log.counts_by_kind()["insight"] == 1 and log.counts_by_kind()["review"] == 0
    assert log.list_entries(search="'; DROP TABLE log_entry; --") == []
    assert len(log.list_entries()) == 3


def test_done_and_undone(ws):
    entry = log.add_entry("action", "Send the agenda", due_date=days(1))
    assert log.mark_done(entry) is None
    row = log.get_entry(entry)
    assert row.done_date == TODAY and not row.is_open
    assert log.list_entries(open_actions=True) == []
    log.mark_undone(entry)
    assert log.get_entry(entry).is_open
    outreach = log.add_entry("outreach", "Request sent to Priya")
    log.mark_done(outreach, days(-1))
    assert log.get_entry(outreach).done_date == days(-1)


def test_snooze_never_makes_an_action_due_earlier(ws):
    late = log.add_entry("action", "Chase Isabel", entry_date=days(-9), due_date=days(-4))
    assert log.snooze(late, 3) is None
    assert log.get_entry(late).effective_due == days(3)
    log.snooze(late, 1)  # shorter: keeps the later date
    assert log.get_entry(late).effective_due == days(3)
    later = log.add_entry("action", "Prepare questions", due_date=days(20))
    log.snooze(later, days(2))
    assert log.get_entry(later).effective_due == days(20)
    log.set_snooze(late, None)
    assert log.get_entry(late).effective_due == days(-4)
    # open actions come soonest-due first, snoozes applied
    log.snooze(late, days(25))
    assert [r.id for r in log.list_entries(open_actions=True)] == [later, late]
