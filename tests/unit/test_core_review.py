"""The weekly review's rules: when the reminder shows, the days a review looks back over, and
what counts as a change in the evidence."""

from __future__ import annotations

import datetime as dt

from careerpivot.core import review
from careerpivot.core.review import Mark

TODAY = dt.date(2026, 3, 20)


def test_a_review_is_due_when_the_last_is_more_than_a_week_old():
    week_ago = TODAY - dt.timedelta(days=7)
    assert not review.is_overdue(week_ago, TODAY, has_activity=True)
    assert review.is_overdue(week_ago - dt.timedelta(days=1), TODAY, has_activity=True)
    assert not review.is_overdue(TODAY, TODAY, has_activity=True)
    assert review.days_since(week_ago - dt.timedelta(days=2), TODAY) == 9
    # a review dated later than today (a clock set back) is never "-3 days ago"
    assert review.days_since(TODAY + dt.timedelta(days=3), TODAY) == 0


def test_the_first_review_is_asked_for_only_once_there_is_something_to_review():
    assert review.is_overdue(None, TODAY, has_activity=True)
    assert not review.is_overdue(None, TODAY, has_activity=False)
    assert review.days_since(None, TODAY) is None


def test_the_window_starts_after_the_last_review_or_a_week_ago():
    assert review.since_day(dt.date(2026, 3, 1), TODAY) == dt.date(2026, 3, 1)
    assert review.since_day(None, TODAY) == dt.date(2026, 3, 13)
    # across a month and a year end
    assert review.since_day(None, dt.date(2027, 1, 3)) == dt.date(2026, 12, 27)
    assert review.since_day(TODAY + dt.timedelta(days=1), TODAY) == dt.date(2026, 3, 13)


def test_a_change_is_a_status_or_a_settlement_that_moved():
    supported = Mark("supported", False, False)
    settled = Mark("supported", True, False)
    contested = Mark("contested", False, False)
    refuted = Mark("challenged", False, True)
    assert review.change_of(supported, supported) is None
    assert review.change_of(supported, settled) == review.SETTLED
    assert review.change_of(Mark("challenged", False, False), refuted) == review.SETTLED
    assert review.change_of(settled, contested) == review.UNSETTLED
    assert review.change_of(Mark("untested", False, False), supported) == review.STATUS
    assert review.change_of(None, supported) == review.NEW
    assert review.change_of(supported, supported, new=True) == review.NEW
    assert settled.settled and refuted.settled and not contested.settled


def test_changes_are_said_in_words_the_translator_gets():
    before = Mark("untested", False, False)
    after = Mark("supported", True, False)
    assert review.change_words(before, after) == "untested → settled"
    assert review.change_words(after, Mark("contested", False, False)) == "settled → contested"
    assert review.change_words(None, Mark("challenged", False, True)) == "new, settled as wrong"
    shouted = review.change_words(before, after, lambda text, n: text.upper())
    assert shouted == "UNTESTED → SETTLED"
