"""The plan's rules: overdue milestones, milestones outside their phase, progress, periods and
the calendar arithmetic of the timeline."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpivot.core import plan
from careerpivot.core.validation import ValidationError

D = dt.date
dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31))
statuses = st.sampled_from(["planned", "in_progress", "done", "missed"])


# --- overdue ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("due", "status", "overdue"), [
    (D(2026, 3, 1), "planned", True),
    (D(2026, 3, 1), "in_progress", True),
    (D(2026, 3, 1), "missed", False),  # dealt with: not nagged about
    (D(2026, 3, 1), "done", False),
    (D(2026, 3, 2), "planned", False),  # due today is not overdue yet
    (D(2026, 3, 9), "planned", False),
    (None, "planned", False),
])
def test_overdue_means_due_before_today_and_still_open(due, status, overdue):
    assert plan.is_overdue(due, status, D(2026, 3, 2)) is overdue


@given(due=dates, today=dates, status=statuses)
def test_overdue_rule_and_days(due, today, status):
    expected = due < today and status in ("planned", "in_progress")
    assert plan.is_overdue(due, status, today) is expected
    days = plan.days_overdue(due, status, today)
    assert days == ((today - due).days if expected else 0)
    assert days >= 0


@given(due=dates, today=dates)
def test_closed_is_never_overdue(due, today):
    assert not plan.is_overdue(due, "done", today)
    assert not plan.is_overdue(due, "missed", today)


# --- milestones outside their phase ----------------------------------------------------------


def test_outside_phase_before_and_after_with_messages():
    start, end = D(2026, 3, 1), D(2026, 5, 31)
    assert not plan.outside_phase(D(2026, 3, 1), start, end)
    assert not plan.outside_phase(D(2026, 5, 31), start, end)
    assert plan.outside_phase(D(2026, 2, 28), start, end)
    assert plan.outside_phase(D(2026, 6, 1), start, end)
    before = plan.outside_phase_message(D(2026, 2, 28), "Exploration", start, end)
    after = plan.outside_phase_message(D(2026, 6, 1), "Exploration", start, end)
    assert "before" in before and "2026-03-01" in before and "Exploration" in before
    assert "after" in after and "2026-05-31" in after
    assert plan.outside_phase_message(D(2026, 4, 1), "Exploration", start, end) == ""


def test_missing_dates_are_not_a_conflict():
    assert not plan.outside_phase(None, D(2026, 1, 1), D(2026, 2, 1))
    assert not plan.outside_phase(D(2020, 1, 1), None, None)
    assert plan.outside_phase(D(2020, 1, 1), D(2021, 1, 1), None)
    assert plan.outside_phase(D(2030, 1, 1), None, D(2021, 1, 1))


@given(due=dates, a=dates, b=dates)
def test_outside_phase_agrees_with_its_message(due, a, b):
    start, end = min(a, b), max(a, b)
    outside = plan.outside_phase(due, start, end)
    assert outside == (not start <= due <= end)
    assert bool(plan.outside_phase_message(due, "P", start, end)) == outside


# --- progress and periods --------------------------------------------------------------------


def test_phase_progress():
    progress = plan.phase_progress(["done", "planned", "done", "missed"])
    assert (progress.done, progress.total) == (2, 4)
    assert progress.fraction == 0.5 and progress.percent == 50
    empty = plan.phase_progress([])
    assert (empty.done, empty.total, empty.fraction) == (0, 0, 0.0)


@given(st.lists(statuses, max_size=50))
def test_progress_counts_done_of_all(items):
    progress = plan.phase_progress(items)
    assert progress.total == len(items)
    assert progress.done == items.count("done")
    assert 0.0 <= progress.fraction <= 1.0


def test_end_before_start_is_refused_next_to_the_edited_field():
    with pytest.raises(ValidationError) as info:
        plan.check_period(D(2026, 5, 1), D(2026, 4, 1))
    assert info.value.field == "end_date"
    assert "2026-04-01" in info.value.message and "2026-05-01" in info.value.message
    with pytest.raises(ValidationError) as info:
        plan.check_period(D(2026, 5, 1), D(2026, 4, 1), changed="start_date")
    assert info.value.field == "start_date"
    plan.check_period(D(2026, 5, 1), D(2026, 5, 1))  # a one-day phase is fine
    plan.check_period(None, D(2026, 5, 1))
    plan.check_period(D(2026, 5, 1), None)


@given(a=dates, b=dates)
def test_check_period_refuses_exactly_the_reversed_ranges(a, b):
    if b < a:
        with pytest.raises(ValidationError):
            plan.check_period(a, b)
    else:
        plan.check_period(a, b)


def test_negative_amounts_are_refused():
    with pytest.raises(ValidationError, match="cannot be negative") as info:
        plan.check_not_negative("money_needed", -0.01, "Money")
    assert info.value.field == "money_needed"
    assert plan.check_not_negative("hours_needed", 0.0, "Hours") == 0.0


# --- calendar arithmetic ---------------------------------------------------------------------


def test_add_months_crosses_years():
    assert plan.add_months(D(2026, 11, 30), 1) == D(2026, 12, 1)
    assert plan.add_months(D(2026, 12, 31), 1) == D(2027, 1, 1)
    assert plan.add_months(D(2026, 1, 15), -1) == D(2025, 12, 1)
    assert plan.add_months(D(2026, 1, 15), 25) == D(2028, 2, 1)


def test_month_starts():
    assert plan.month_starts(D(2026, 1, 15), D(2026, 4, 1)) == [
        D(2026, 2, 1), D(2026, 3, 1), D(2026, 4, 1)]
    assert plan.month_starts(D(2026, 1, 1), D(2026, 1, 31)) == [D(2026, 1, 1)]
    assert plan.month_starts(D(2026, 2, 1), D(2026, 1, 1)) == []


@given(a=dates, b=dates)
def test_month_starts_are_every_first_of_month_in_range(a, b):
    first, last = min(a, b), max(a, b)
    starts = plan.month_starts(first, last)
    assert all(d.day == 1 and first <= d <= last for d in starts)
    assert all(plan.add_months(x, 1) == y for x, y in itertools.pairwise(starts))
    expected = sum(1 for y in range(first.year, last.year + 1) for m in range(1, 13)
                   if first <= D(y, m, 1) <= last)
    assert len(starts) == expected


@given(st.lists(st.one_of(st.none(), dates), max_size=20), dates)
def test_plan_span_covers_every_date_and_today(items, today):
    first, last = plan.plan_span(items, today)
    assert first.day == 1 and last.day == 1 and first < last
    for d in [*filter(None, items), today]:
        assert first <= d - dt.timedelta(days=14)
        assert d + dt.timedelta(days=14) < last
