"""The contact list's counts follow every write and the day: its check-in states are read
again when the workspace changed or the day did, and reused between keystrokes otherwise."""

from __future__ import annotations

import datetime as _dt

from careerpivot.services import contact_list, network

TODAY = _dt.date(2026, 3, 14)


def due(today: _dt.date = TODAY, **query) -> tuple[int, list[int]]:
    listed = contact_list.ordered_ids(contact_list.ContactQuery(**query), today)
    return listed.due, list(listed.ids)


def test_the_due_count_follows_writes_and_the_day(workspace, clock):
    clock.set_today(TODAY)
    ana = network.create_contact(name="Ana", cadence_days=14,
                                 last_contact=TODAY - _dt.timedelta(days=20))
    bob = network.create_contact(name="Bob", cadence_days=14, last_contact=TODAY)
    assert due() == (1, [ana, bob])
    assert due(due_only=True) == (1, [ana])
    network.update_contact(ana, "last_contact", TODAY.isoformat())  # talked today
    assert due() == (0, [ana, bob])
    assert due(TODAY + _dt.timedelta(days=14), due_only=True) == (2, [ana, bob])
    network.update_contact(bob, "cadence_days", 0)  # no more check-ins with Bob
    assert due(TODAY + _dt.timedelta(days=14), due_only=True) == (1, [ana])


def test_a_search_keystroke_does_not_read_the_dates_again(workspace, monkeypatch):
    network.create_contact(name="Ana", cadence_days=14)
    due()
    read: list[int] = []
    original = contact_list._read_states
    monkeypatch.setattr(contact_list, "_read_states",
                        lambda today: read.append(1) or original(today))
    for text in ("a", "an", "ana"):
        assert due(words=(text,))[0] == 1
    assert read == []
