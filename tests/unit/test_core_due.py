"""Due buckets, business days, snoozing and the "no reply" rules (core.due), with properties
checked by hypothesis."""

from __future__ import annotations

import datetime as _dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from careerpivot.core import checkins, due, vocab

TODAY = _dt.date(2026, 3, 11)  # a Wednesday

dates = st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2200, 12, 31))
cadences = st.sampled_from(sorted(c for c in vocab.CADENCES if c > 0))


def days(n: int) -> _dt.date:
    return TODAY + _dt.timedelta(days=n)


def naive_between(start: _dt.date, end: _dt.date) -> int:
    count, day = 0, start
    while day < end:
        day += _dt.timedelta(days=1)
        count += day.weekday() < 5
    return count


# --- buckets ---------------------------------------------------------------------------------


def test_buckets():
    assert due.bucket(days(-1), TODAY) == due.OVERDUE
    assert due.bucket(TODAY, TODAY) == due.TODAY
    assert due.bucket(days(1), TODAY) == due.THIS_WEEK
    assert due.bucket(days(7), TODAY) == due.THIS_WEEK
    assert due.bucket(days(8), TODAY) == due.COMING
    assert due.bucket(days(28), TODAY) == due.COMING
    assert due.bucket(days(29), TODAY) is None
    assert due.bucket(None, TODAY) is None
    assert due.days_late(days(-3), TODAY) == 3
    assert due.days_late(days(3), TODAY) == 0


@given(dates, dates)
def test_a_later_date_is_never_more_urgent(a, b):
    order = {bucket: i for i, bucket in enumerate((*due.BUCKETS, None))}
    early, late = min(a, b), max(a, b)
    assert order[due.bucket(early, TODAY)] <= order[due.bucket(late, TODAY)]


@given(dates, st.integers(-3, 40), st.integers(-3, 60))
def test_the_ranges_are_the_buckets(day, week_days, horizon_days):
    """A query that compares a date with the ends of the ranges finds the same bucket."""
    ranges = due.bucket_ranges(TODAY, week_days=week_days, horizon_days=horizon_days)
    assert [r.bucket for r in ranges] == list(due.BUCKETS)
    found = [r.bucket for r in ranges if (r.first is None or r.first <= day) and day <= r.last]
    assert found == [b for b in [due.bucket(day, TODAY, week_days=week_days,
                                            horizon_days=horizon_days)] if b is not None]
    # one after the other: what is not after the last range's end is in exactly one
    for before, after in itertools.pairwise(ranges):
        assert after.first == before.last + _dt.timedelta(days=1)


# --- business days ---------------------------------------------------------------------------


def test_business_days_over_weekends_and_month_ends():
    friday = _dt.date(2026, 1, 30)
    assert due.add_business_days(friday, 1) == _dt.date(2026, 2, 2)  # Monday, next month
    assert due.add_business_days(_dt.date(2025, 12, 31), 3) == _dt.date(2026, 1, 5)
    assert due.add_business_days(_dt.date(2026, 2, 28), 1) == _dt.date(2026, 3, 2)  # Sat
    assert due.add_business_days(_dt.date(2026, 3, 1), 1) == _dt.date(2026, 3, 2)  # Sun
    assert due.add_business_days(TODAY, 0) == TODAY
    assert due.add_business_days(TODAY, 5) == days(7)
    assert due.business_days_between(friday, _dt.date(2026, 2, 2)) == 1
    assert due.business_days_between(friday, _dt.date(2026, 2, 1)) == 0  # the weekend
    assert due.business_days_between(TODAY, TODAY) == 0
    assert due.business_days_between(days(5), TODAY) == 0
    # a leap day in the middle of a week
    assert due.add_business_days(_dt.date(2028, 2, 28), 2) == _dt.date(2028, 3, 1)


@given(dates, dates)
def test_business_days_between_counts_weekdays(start, end):
    assert due.business_days_between(start, end) == naive_between(start, end)


@given(dates, st.integers(0, 400))
def test_adding_business_days_lands_on_a_business_day_that_many_days_on(start, count):
    end = due.add_business_days(start, count)
    assert end >= start
    assert due.business_days_between(start, end) == count
    if count:
        assert due.is_business_day(end)
        # and it is the first such day: the day before is still one short
        assert due.business_days_between(start, end - _dt.timedelta(days=1)) == count - 1


# --- snooze ----------------------------------------------------------------------------------


@given(dates, st.one_of(st.none(), dates))
def test_snooze_never_makes_an_item_due_earlier(due_date, snoozed):
    assert due.effective_due(due_date, snoozed) >= due_date
    if snoozed is not None:
        assert due.effective_due(due_date, snoozed) >= min(due_date, snoozed)


@given(dates, st.one_of(st.none(), dates), st.sampled_from(due.SNOOZE_CHOICES), dates)
def test_snoozing_again_never_brings_an_item_back_sooner(due_date, current, choice, today):
    until = due.snooze_until(today, choice)
    assert until > today
    combined = due.combine_snooze(current, until)
    assert combined >= until
    if current is not None:
        assert combined >= current
    before = due.effective_due(due_date, current)
    after = due.effective_due(due_date, combined)
    assert after >= before


def test_snooze_choices_and_an_item_snoozed_past_the_week():
    assert due.SNOOZE_CHOICES == (1, 3, 7)
    overdue = days(-4)
    assert due.bucket(due.effective_due(overdue, due.snooze_until(TODAY, 1)), TODAY) \
        == due.THIS_WEEK
    assert due.effective_due(days(20), due.snooze_until(TODAY, 1)) == days(20)


# --- check-ins: logging a contact resets the cadence ------------------------------------------


@given(st.one_of(st.none(), dates), cadences, dates)
def test_logging_a_contact_today_resets_the_checkin(last, cadence, today):
    last = None if last is None else min(last, today)
    logged = checkins.later_contact(last, today)
    assert logged == today
    nxt = checkins.next_checkin(logged, cadence)
    assert nxt is not None and nxt > today
    assert due.bucket(nxt, today) not in (due.OVERDUE, due.TODAY)


# --- outreach without a reply ----------------------------------------------------------------


def test_no_reply_rules_counted_in_business_days():
    monday = _dt.date(2026, 3, 2)
    assert due.no_reply_suggestions(monday, _dt.date(2026, 3, 4)) == ()  # 2 business days
    found = due.no_reply_suggestions(monday, _dt.date(2026, 3, 5))  # Thursday: 3
    assert [s.rule for s in found] == [due.SECOND_PERSON]
    assert found[0].due == _dt.date(2026, 3, 5)
    friday = _dt.date(2026, 3, 6)
    # sent on Friday: the weekend does not count; Wednesday is the third business day
    assert due.no_reply_suggestions(friday, _dt.date(2026, 3, 10)) == ()
    assert [s.rule for s in due.no_reply_suggestions(friday, _dt.date(2026, 3, 11))] == [
        due.SECOND_PERSON]
    # seven business days after Monday 2 March is Wednesday 11 March
    found = due.no_reply_suggestions(monday, _dt.date(2026, 3, 11))
    assert [s.rule for s in found] == [due.SECOND_PERSON, due.FOLLOW_UP]
    assert found[1].due == _dt.date(2026, 3, 11)
    assert found[1].waited == 7
    # one follow-up only; another person there already reached; no organization
    assert [s.rule for s in due.no_reply_suggestions(
        monday, _dt.date(2026, 3, 11), followed_up=True)] == [due.SECOND_PERSON]
    assert [s.rule for s in due.no_reply_suggestions(
        monday, _dt.date(2026, 3, 11), other_reached=True)] == [due.FOLLOW_UP]
    assert [s.rule for s in due.no_reply_suggestions(
        monday, _dt.date(2026, 3, 11), has_organization=False)] == [due.FOLLOW_UP]
    # after STALE_AFTER business days the silence is the answer
    stale = due.add_business_days(monday, due.STALE_AFTER + 1)
    assert due.no_reply_suggestions(monday, stale) == ()


@given(dates, st.integers(0, 45))
def test_suggestions_fall_on_business_days_after_the_request(sent, waited_days):
    today = sent + _dt.timedelta(days=waited_days)
    for s in due.no_reply_suggestions(sent, today):
        assert sent < s.due <= today
        assert due.is_business_day(s.due)
        limit = due.SECOND_PERSON_AFTER if s.rule == due.SECOND_PERSON else due.FOLLOW_UP_AFTER
        assert due.business_days_between(sent, s.due) == limit


@given(dates, st.integers(0, 40))
def test_a_suggestion_stays_until_the_request_goes_stale(sent, waited_days):
    today = sent + _dt.timedelta(days=waited_days)
    tomorrow = today + _dt.timedelta(days=1)
    now = {s.rule for s in due.no_reply_suggestions(sent, today)}
    later = {s.rule for s in due.no_reply_suggestions(sent, tomorrow)}
    if due.business_days_between(sent, tomorrow) <= due.STALE_AFTER:
        assert now <= later


# --- the pipeline moves forward only ----------------------------------------------------------


@given(st.sampled_from(list(vocab.STAGES)), st.sampled_from(list(vocab.STAGES)))
def test_forward_stage_never_goes_back(current, target):
    result = due.forward_stage(current, target)
    assert result in (current, target)
    assert due.STAGE_ORDER[result] >= due.STAGE_ORDER[current]


def test_forward_stage_examples():
    assert due.forward_stage("identified", "contacted") == "contacted"
    assert due.forward_stage("ongoing", "contacted") == "ongoing"
    assert due.forward_stage("declined", "contacted") == "contacted"
    assert due.forward_stage("thanked", "declined") == "thanked"
