"""Periodic check-ins with contacts: when the next one falls and whether it is due.

A contact's *cadence* is a number of days (``core.vocab.CADENCES``); 0 means the user does not
want periodic check-ins with that person.

The rules, decided once here so every view agrees:

* **No cadence (0 or less)**: no next check-in, status ``none``, never due.
* **A cadence and a last contact**: the next check-in is ``last contact + cadence days``.
  It is ``overdue`` when that date is before today, ``due`` on the day itself, ``soon`` within
  :data:`SOON_DAYS` days, otherwise ``later``.
* **A cadence but never contacted**: the user asked to keep in touch with someone they have
  not talked to yet, so the check-in is ``due`` now. There is no date to show
  (:func:`next_checkin` returns ``None``); views say "now".

A later contact never brings the next check-in forward: :func:`later_contact` keeps the most
recent of two dates, so logging an old conversation after a newer one changes nothing.
"""

from __future__ import annotations

import datetime as _dt

NONE = "none"
OVERDUE = "overdue"
DUE = "due"
SOON = "soon"
LATER = "later"

#: Statuses that ask for action today.
DUE_STATUSES = frozenset({OVERDUE, DUE})

#: A check-in this many days ahead (or fewer) counts as coming soon.
SOON_DAYS = 7


def next_checkin(last_contact: _dt.date | None, cadence_days: int) -> _dt.date | None:
    """The date of the next check-in, or ``None`` (no cadence, or never contacted)."""
    if cadence_days is None or cadence_days <= 0 or last_contact is None:
        return None
    try:
        return last_contact + _dt.timedelta(days=int(cadence_days))
    except OverflowError:  # beyond year 9999: as far away as a date can be
        return _dt.date.max


def status(last_contact: _dt.date | None, cadence_days: int, today: _dt.date, *,
           soon_days: int = SOON_DAYS) -> str:
    """``none``, ``overdue``, ``due``, ``soon`` or ``later`` (see the module's rules)."""
    if cadence_days is None or cadence_days <= 0:
        return NONE
    if last_contact is None:
        return DUE
    return classify(next_checkin(last_contact, cadence_days), today, soon_days=soon_days)


def classify(next_date: _dt.date | None, today: _dt.date, *,
             soon_days: int = SOON_DAYS) -> str:
    """The status of a known next check-in date (``None`` gives ``none``)."""
    if next_date is None:
        return NONE
    if next_date < today:
        return OVERDUE
    if next_date == today:
        return DUE
    if (next_date - today).days <= soon_days:
        return SOON
    return LATER


def is_due(state: str) -> bool:
    return state in DUE_STATUSES


def days_overdue(next_date: _dt.date | None, today: _dt.date) -> int:
    """Whole days past the check-in date (0 when not overdue or no date)."""
    if next_date is None or next_date >= today:
        return 0
    return (today - next_date).days


def later_contact(current: _dt.date | None, logged: _dt.date | None) -> _dt.date | None:
    """The last-contact date after logging a conversation on ``logged``: the later of the
    two, so an older conversation logged late never moves the date back."""
    if current is None:
        return logged
    if logged is None:
        return current
    return max(current, logged)
