"""The weekly review's rules: when one is due, which days it looks back over, and what counts as
a change in the evidence.

**Reminder.** A review is due when the last one (the newest log entry of kind "review", by its
date) is more than :data:`REMINDER_DAYS` days old. A workspace that never had one asks for its
first as soon as there is something to review (a held conversation or any log entry); an empty
workspace never nags.

**The window.** A review looks back over the days after the last review's day up to today; with
no earlier review, over the last :data:`REMINDER_DAYS` days. Its *since* day is the last day
before the window: the evidence "as it stood" is the evidence of the conversations held on or
before that day (``services.standings.judged(held_through=since)``).

**A change in the evidence.** An assumption changed when its status, or whether it is
triangulated or refuted (so: settled), differs between then and now (:func:`change_of`). One
written after the last review is *new*, whatever its evidence says.

Pure functions over dates and values: no Qt, no database, no clock (today is passed in).
"""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

from careerpivot.core import evidence
from careerpivot.core.evidence import Translate, english
from careerpivot.core.vocab import QT_TRANSLATE_NOOP

#: A review is due when the last one is more than this many days old.
REMINDER_DAYS = 7
#: How far ahead the review lists milestones coming due.
MILESTONE_DAYS = 14

#: Kinds of change, in the order a review lists them.
SETTLED = "settled"  # became triangulated or refuted
UNSETTLED = "unsettled"  # was settled, is no more (new evidence contests it)
STATUS = "status"  # the status moved, still unsettled
NEW = "new"  # written after the last review
CHANGE_ORDER = (SETTLED, UNSETTLED, STATUS, NEW)


# --- the reminder and the window -------------------------------------------------------------


def since_day(last_review: _dt.date | None, today: _dt.date) -> _dt.date:
    """The last day before the review's window: the last review's day, or a week ago."""
    if last_review is None or last_review > today:
        return today - _dt.timedelta(days=REMINDER_DAYS)
    return last_review


def days_since(last_review: _dt.date | None, today: _dt.date) -> int | None:
    """Whole days since the last review (None when there was none; 0 for a review dated
    later than today)."""
    if last_review is None:
        return None
    return max(0, (today - last_review).days)


def is_overdue(last_review: _dt.date | None, today: _dt.date, *, has_activity: bool) -> bool:
    """Whether to remind the user of the review: the last one is more than
    :data:`REMINDER_DAYS` days old, or there was none and ``has_activity`` (the workspace holds
    a held conversation or a log entry)."""
    days = days_since(last_review, today)
    if days is None:
        return has_activity
    return days > REMINDER_DAYS


# --- changes in the evidence -----------------------------------------------------------------


class Mark(NamedTuple):
    """What a review compares of an assumption's standing."""

    status: str  # core.evidence: untested, supported, challenged, contested
    triangulated: bool
    refuted: bool

    @property
    def settled(self) -> bool:
        return self.triangulated or self.refuted


def mark(standing: evidence.Standing) -> Mark:
    return Mark(standing.status, standing.triangulated, standing.refuted)


def change_of(before: Mark | None, after: Mark, *, new: bool = False) -> str | None:
    """The kind of change (:data:`CHANGE_ORDER`) from ``before`` (None: the assumption was not
    there) to ``after``, or None when nothing a review reports changed."""
    if new or before is None:
        return NEW
    if before == after:
        return None
    if after.settled and not before.settled:
        return SETTLED
    if before.settled and not after.settled:
        return UNSETTLED
    return STATUS


# --- words -----------------------------------------------------------------------------------

#: The source texts of the review (translation context "review"); "%n" and "(s)" are plural
#: forms (``translate(text, n)`` resolves them, as for ``core.evidence.TEXTS``).
TEXTS = {
    "untested": QT_TRANSLATE_NOOP("review", "untested"),
    "supported": QT_TRANSLATE_NOOP("review", "supported"),
    "challenged": QT_TRANSLATE_NOOP("review", "challenged"),
    "contested": QT_TRANSLATE_NOOP("review", "contested"),
    "triangulated": QT_TRANSLATE_NOOP("review", "settled"),
    "refuted": QT_TRANSLATE_NOOP("review", "settled as wrong"),
    "moved": QT_TRANSLATE_NOOP("review", "{0} → {1}"),
    "new": QT_TRANSLATE_NOOP("review", "new, {0}"),
    "heading": QT_TRANSLATE_NOOP("review", "Weekly review {0}, looking back to {1}"),
    "heading_first": QT_TRANSLATE_NOOP("review", "Weekly review {0}, looking back over the "
                                                 "last 7 days (no earlier review)"),
    "due": QT_TRANSLATE_NOOP("review", "Follow-ups due: {0} ({1} done, {2} still open)."),
    "nothing_due": QT_TRANSLATE_NOOP("review", "Follow-ups due: none."),
    "done": QT_TRANSLATE_NOOP("review", "Done: {0}."),
    "nothing_done": QT_TRANSLATE_NOOP("review", "Done: nothing recorded."),
    "actions": QT_TRANSLATE_NOOP("review", "%n follow-up(s)"),
    "milestones_done": QT_TRANSLATE_NOOP("review", "%n milestone(s)"),
    "conversations": QT_TRANSLATE_NOOP("review", "%n conversation(s) held"),
    "changes": QT_TRANSLATE_NOOP("review", "Evidence that changed:"),
    "no_changes": QT_TRANSLATE_NOOP("review", "Evidence: no change."),
    "change": QT_TRANSLATE_NOOP("review", "• {0} ({1}): {2}"),
    "skills": QT_TRANSLATE_NOOP("review", "New recurring skills: {0}."),
    "skill": QT_TRANSLATE_NOOP("review", "{0} (%n person(s))"),
    "top": QT_TRANSLATE_NOOP("review", "To learn next: {0}."),
    "milestones": QT_TRANSLATE_NOOP("review", "Milestones:"),
    "milestone_overdue": QT_TRANSLATE_NOOP("review", "• {0}: overdue since {1}"),
    "milestone_due": QT_TRANSLATE_NOOP("review", "• {0}: due {1}"),
    "more": QT_TRANSLATE_NOOP("review", "• … and %n more"),
    "separator": QT_TRANSLATE_NOOP("review", ", "),
}


def mark_words(m: Mark, translate: Translate = english) -> str:
    """An assumption's standing in a word or two: its status, or "settled" when triangulated
    (it is then supported) and "settled as wrong" when refuted (challenged)."""
    if m.triangulated:
        return translate(TEXTS["triangulated"], -1)
    if m.refuted:
        return translate(TEXTS["refuted"], -1)
    return translate(TEXTS.get(m.status, m.status), -1)


def change_words(before: Mark | None, after: Mark, translate: Translate = english) -> str:
    """The change in a few words: "untested → supported", "supported → settled", "new,
    untested"."""
    now = mark_words(after, translate)
    if before is None:
        return translate(TEXTS["new"], -1).format(now)
    return translate(TEXTS["moved"], -1).format(mark_words(before, translate), now)
