"""Check-in dates and their status (core.checkins), with properties checked by hypothesis."""

from __future__ import annotations

import datetime as _dt

from hypothesis import given
from hypothesis import strategies as st

from careerpivot.core import checkins, vocab

TODAY = _dt.date(2026, 3, 14)

dates = st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(9999, 12, 31))
cadences = st.one_of(st.sampled_from(sorted(vocab.CADENCES)), st.integers(-5, 10_000))


def days(n: int) -> _dt.date:
    return TODAY + _dt.timedelta(days=n)


def test_the_rules():
    assert checkins.next_checkin(days(-10), 30) == days(20)
    assert checkins.next_checkin(days(-10), 0) is None
    assert checkins.next_checkin(None, 30) is None

    assert checkins.status(days(-10), 0, TODAY) == checkins.NONE
    assert checkins.status(None, 0, TODAY) == checkins.NONE
    assert checkins.status(None, 30, TODAY) == checkins.DUE  # never contacted: due now
    assert checkins.status(days(-31), 30, TODAY) == checkins.OVERDUE
    assert checkins.status(days(-30), 30, TODAY) == checkins.DUE
    assert checkins.status(days(-23), 30, TODAY) == checkins.SOON
    assert checkins.status(days(-22), 30, TODAY) == checkins.LATER
    assert checkins.is_due(checkins.OVERDUE) and checkins.is_due(checkins.DUE)
    assert not checkins.is_due(checkins.SOON) and not checkins.is_due(checkins.NONE)
    assert checkins.days_overdue(days(-3), TODAY) == 3
    assert checkins.days_overdue(days(3), TODAY) == 0
    assert checkins.days_overdue(None, TODAY) == 0


@given(dates, cadences)
def test_next_checkin_is_never_before_the_last_contact(last, cadence):
    nxt = checkins.next_checkin(last, cadence)
    if cadence <= 0:
        assert nxt is None
    else:
        assert nxt is not None and nxt >= last


@given(dates, dates, cadences)
def test_logging_a_contact_never_brings_the_checkin_forward(last, logged, cadence):
    before = checkins.next_checkin(last, cadence)
    after = checkins.next_checkin(checkins.later_contact(last, logged), cadence)
    if before is None:
        assert after is None
    else:
        assert after is not None and after >= before


@given(st.one_of(st.none(), dates), st.one_of(st.none(), dates))
def test_later_contact_is_the_latest_known(current, logged):
    result = checkins.later_contact(current, logged)
    known = [d for d in (current, logged) if d is not None]
    assert result == (max(known) if known else None)


@given(st.one_of(st.none(), dates), cadences, dates)
def test_status_agrees_with_the_date(last, cadence, today):
    state = checkins.status(last, cadence, today)
    nxt = checkins.next_checkin(last, cadence)
    assert state in (checkins.NONE, checkins.OVERDUE, checkins.DUE, checkins.SOON,
                     checkins.LATER)
    if cadence <= 0:
        assert state == checkins.NONE
    elif nxt is None:
        assert state == checkins.DUE
    else:
        assert (state == checkins.OVERDUE) == (nxt < today)
        assert checkins.is_due(state) == (nxt <= today)
        assert (checkins.days_overdue(nxt, today) > 0) == (state == checkins.OVERDUE)
