"""Rules of the transition plan: overdue milestones, milestones outside their phase, phase
progress, date ranges, and the calendar arithmetic the timeline draws with.

Pure functions over dates and strings: no Qt, no database.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable

from careerpivot.core.validation import ValidationError

#: The milestone status that means "achieved".
DONE = "done"
#: Statuses that close a milestone: it can no longer be overdue. A milestone the user marked
#: as missed has been dealt with; flagging it as overdue as well would only nag.
CLOSED = frozenset({DONE, "missed"})


# --- milestones ------------------------------------------------------------------------------


def is_overdue(due: _dt.date | None, status: str, today: _dt.date) -> bool:
    """A milestone is overdue when its due date has passed and it is still open (neither
    done nor marked as missed)."""
    return due is not None and due < today and status not in CLOSED


def days_overdue(due: _dt.date | None, status: str, today: _dt.date) -> int:
    """How many days past its due date an overdue milestone is (0 when it is not overdue)."""
    if not is_overdue(due, status, today):
        return 0
    assert due is not None
    return (today - due).days


def outside_phase(due: _dt.date | None, start: _dt.date | None,
                  end: _dt.date | None) -> bool:
    """True when a milestone's due date falls before its phase starts or after it ends.
    A missing date on either side is not a conflict."""
    if due is None:
        return False
    return (start is not None and due < start) or (end is not None and due > end)


def outside_phase_message(due: _dt.date | None, phase_name: str, start: _dt.date | None,
                          end: _dt.date | None) -> str:
    """The warning shown next to a milestone's due date, or "" when it fits its phase."""
    if not outside_phase(due, start, end):
        return ""
    assert due is not None
    if start is not None and due < start:
        return (f"Due {due.isoformat()}, before the phase “{phase_name}” starts "
                f"({start.isoformat()}).")
    assert end is not None
    return (f"Due {due.isoformat()}, after the phase “{phase_name}” ends "
            f"({end.isoformat()}).")


# --- phases ----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def fraction(self) -> float:
        """0.0 .. 1.0; a phase without milestones has made no progress."""
        return self.done / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(self.fraction * 100)


def phase_progress(statuses: Iterable[str]) -> Progress:
    """Milestones done out of all milestones of a phase."""
    done = total = 0
    for status in statuses:
        total += 1
        done += status == DONE
    return Progress(done, total)


def check_period(start: _dt.date | None, end: _dt.date | None, *,
                 start_field: str = "start_date", end_field: str = "end_date",
                 changed: str | None = None) -> None:
    """Refuse an end before the start. The message goes to the field just edited
    (``changed``), or to the end when both are set at once."""
    if start is None or end is None or end >= start:
        return
    field = start_field if changed == start_field else end_field
    raise ValidationError(
        field, f"The end ({end.isoformat()}) cannot be before the start ({start.isoformat()}).")


def check_not_negative(field: str, value: float, what: str) -> float:
    """Hours and money needed: zero or more."""
    if value < 0:
        raise ValidationError(field, f"{what} cannot be negative.")
    return value


# --- calendar arithmetic for the timeline ------------------------------------------------------


def month_start(day: _dt.date) -> _dt.date:
    return day.replace(day=1)


def add_months(day: _dt.date, months: int) -> _dt.date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + (day.month - 1) + months
    return _dt.date(index // 12, index % 12 + 1, 1)


def month_starts(first: _dt.date, last: _dt.date) -> list[_dt.date]:
    """The first day of every month that starts within ``first`` .. ``last`` (inclusive)."""
    if last < first:
        return []
    day = month_start(first)
    if day < first:
        day = add_months(day, 1)
    result = []
    while day <= last:
        result.append(day)
        day = add_months(day, 1)
    return result


def plan_span(dates: Iterable[_dt.date | None], today: _dt.date, *,
              margin_days: int = 14) -> tuple[_dt.date, _dt.date]:
    """The period the timeline shows: every given date and today, with a margin either side,
    from the first of a month to the first of a later month."""
    known = [d for d in dates if d is not None]
    known.append(today)
    first = min(known) - _dt.timedelta(days=margin_days)
    last = max(known) + _dt.timedelta(days=margin_days)
    return month_start(first), add_months(last, 1)
