"""When things are due: buckets, business days, snoozing and outreach without a reply.

Pure functions over dates: no Qt, no database. The rules, decided once here so every view
agrees:

**Buckets.** An item with an (effective) due date falls in one bucket relative to today:
``overdue`` (before today), ``today``, ``this_week`` (the next :data:`WEEK_DAYS` days) or
``coming`` (up to :data:`HORIZON_DAYS` days ahead); later items are not shown. Each bucket
is a range of dates (:func:`bucket_ranges`), so a query can count an item's bucket by
comparing its date with the range's ends instead of restating the rule.

**Snooze.** Snoozing an item until a date moves its *effective* due date to that date, but
never earlier: ``effective_due = max(due, snoozed_until)``, and snoozing again keeps the later
of the two snooze dates. Snooze choices are 1 day, 3 days and 1 week from today.

**Business days** are Monday to Friday. ``add_business_days(start, n)`` is the n-th business
day after ``start``; ``business_days_between(start, end)`` counts the business days after
``start`` up to and including ``end``. Both work in constant time over any span (month and
year ends are nothing special: only weekdays matter).

**Outreach without a reply.** A request sent to someone who has not answered (their stage is
still identified, to contact or contacted) brings, counted in business days after sending:

* after :data:`SECOND_PERSON_AFTER` (3): a suggestion to contact a second person at the same
  organization, unless someone else there is already in conversation with the user;
* after :data:`FOLLOW_UP_AFTER` (7): a suggestion to send *one* follow-up to the first
  person, unless a follow-up was already sent;
* after :data:`STALE_AFTER` (30) no more suggestions: by then the silence is the answer, and
  the item would only clutter every later day.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt

from careerpivot.core import vocab

OVERDUE = "overdue"
TODAY = "today"
THIS_WEEK = "this_week"
COMING = "coming"
#: The buckets in the order they are shown.
BUCKETS = (OVERDUE, TODAY, THIS_WEEK, COMING)

#: "This week": due 1 to 7 days after today.
WEEK_DAYS = 7
#: "Coming": due up to this many days after today; later items are not listed.
HORIZON_DAYS = 28

#: Snooze choices offered, in days from today.
SNOOZE_CHOICES = (1, 3, 7)

SECOND_PERSON_AFTER = 3
FOLLOW_UP_AFTER = 7
STALE_AFTER = 30

SECOND_PERSON = "second_person"
FOLLOW_UP = "follow_up"


# --- buckets ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class BucketRange:
    """The due dates of one bucket: from ``first`` to ``last``, both included (``first`` is
    None for overdue, which has no earliest date)."""

    bucket: str
    first: _dt.date | None
    last: _dt.date


def bucket_ranges(today: _dt.date, *, week_days: int = WEEK_DAYS,
                  horizon_days: int = HORIZON_DAYS) -> tuple[BucketRange, ...]:
    """The buckets' date ranges relative to ``today``, in :data:`BUCKETS` order; an item due
    after the last one's ``last`` is not listed."""
    day = _dt.timedelta(days=1)
    week_end = today + _dt.timedelta(days=max(0, week_days))
    horizon = max(week_end, today + _dt.timedelta(days=horizon_days))
    return (BucketRange(OVERDUE, None, today - day), BucketRange(TODAY, today, today),
            BucketRange(THIS_WEEK, today + day, week_end),
            BucketRange(COMING, week_end + day, horizon))


def bucket(due: _dt.date | None, today: _dt.date, *, week_days: int = WEEK_DAYS,
           horizon_days: int = HORIZON_DAYS) -> str | None:
    """The bucket of an item due on ``due`` (``None`` when undated or beyond the horizon)."""
    if due is None:
        return None
    for found in bucket_ranges(today, week_days=week_days, horizon_days=horizon_days):
        if (found.first is None or found.first <= due) and due <= found.last:
            return found.bucket
    return None


def days_late(due: _dt.date | None, today: _dt.date) -> int:
    """Whole days past ``due`` (0 when not overdue or undated)."""
    if due is None or due >= today:
        return 0
    return (today - due).days


# --- snooze ----------------------------------------------------------------------------------


def effective_due(due: _dt.date | None, snoozed_until: _dt.date | None) -> _dt.date | None:
    """The date an item counts as due: its due date, pushed to the snooze date if later."""
    if due is None:
        return snoozed_until
    if snoozed_until is None or snoozed_until <= due:
        return due
    return snoozed_until


def snooze_until(today: _dt.date, days: int) -> _dt.date:
    """The snooze date for a choice of ``days`` (at least one day ahead)."""
    return today + _dt.timedelta(days=max(1, int(days)))


def combine_snooze(current: _dt.date | None, until: _dt.date) -> _dt.date:
    """The snooze date after snoozing again: the later of the two, so a shorter second snooze
    never brings an item back sooner than the user already asked."""
    if current is None or until > current:
        return until
    return current


# --- business days ---------------------------------------------------------------------------


def is_business_day(day: _dt.date) -> bool:
    return day.weekday() < 5


def _business_days_through(day: _dt.date) -> int:
    """Business days from a fixed Monday (day 0) up to and including ``day``."""
    ordinal = day.toordinal() - 1  # date(1, 1, 1) is a Monday: ordinal 1
    weeks, rest = divmod(ordinal + 1, 7)
    return weeks * 5 + min(rest, 5)


def business_days_between(start: _dt.date, end: _dt.date) -> int:
    """Business days after ``start`` up to and including ``end`` (0 when end <= start)."""
    if end <= start:
        return 0
    return _business_days_through(end) - _business_days_through(start)


def add_business_days(start: _dt.date, count: int) -> _dt.date:
    """The ``count``-th business day after ``start`` (``start`` itself for 0 or less).

    Saturday or Sunday plus one business day is the next Monday; Friday plus one is Monday.
    """
    if count <= 0:
        return start
    weeks, rest = divmod(count - 1, 5)
    day = start + _dt.timedelta(days=weeks * 7)
    # one business day at a time for the remainder (at most five steps, skipping weekends)
    remaining = rest + 1
    while remaining:
        day += _dt.timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day


# --- outreach without a reply ----------------------------------------------------------------

#: Stages in which a contact has not answered yet.
WAITING_STAGES = frozenset({"identified", "to_contact", "contacted"})
#: Stages that mean someone is (or was) in conversation with the user.
REACHED_STAGES = frozenset({"scheduled", "interviewed", "thanked", "ongoing"})


@dataclasses.dataclass(frozen=True)
class Suggestion:
    rule: str  # SECOND_PERSON or FOLLOW_UP
    due: _dt.date  # the day the suggestion became due
    waited: int  # business days since the request, on the day asked


def earliest_request(today: _dt.date) -> _dt.date:
    """No request sent before this day can still bring a suggestion today: by then more than
    :data:`STALE_AFTER` business days have passed (a week's margin to spare)."""
    return today - _dt.timedelta(days=STALE_AFTER * 7 // 5 + 7)


def no_reply_suggestions(sent: _dt.date, today: _dt.date, *, followed_up: bool = False,
                         other_reached: bool = False,
                         has_organization: bool = True) -> tuple[Suggestion, ...]:
    """The suggestions due for a request sent on ``sent`` that got no reply (see the rules).

    ``followed_up``: a follow-up was already sent. ``other_reached``: someone else at the same
    organization is already in conversation with the user. ``has_organization``: the contact's
    organization is known (without one there is no "same organization").
    """
    waited = business_days_between(sent, today)
    if waited > STALE_AFTER:
        return ()
    found = []
    if waited >= SECOND_PERSON_AFTER and has_organization and not other_reached:
        found.append(Suggestion(SECOND_PERSON, add_business_days(sent, SECOND_PERSON_AFTER),
                                waited))
    if waited >= FOLLOW_UP_AFTER and not followed_up:
        found.append(Suggestion(FOLLOW_UP, add_business_days(sent, FOLLOW_UP_AFTER), waited))
    return tuple(found)


# --- the pipeline only moves forward ---------------------------------------------------------

#: Pipeline order of contact stages. A declined contact who answers moves on like anyone else.
STAGE_ORDER = {key: index for index, key in enumerate(k for k in vocab.STAGES
                                                      if k != "declined")}
STAGE_ORDER["declined"] = -1


def forward_stage(current: str, target: str) -> str:
    """``target`` when it is further along the pipeline than ``current``, else ``current``."""
    if STAGE_ORDER.get(target, -1) > STAGE_ORDER.get(current, -1):
        return target
    return current
