"""The one place the app reads the date and the time of day.

Every "today" and "now" in CareerPivot comes from here: the due list, overdue milestones,
check-ins, the sample workspace's dates, backup names, ``updated_at`` stamps, export dates.
Nothing else calls ``date.today()``, ``datetime.now()``, ``QDate.currentDate()`` or SQL's
``date('now')`` (a test scans the package for them).

The clock can be set to another moment (:func:`set_now`): it then keeps running from there,
or stands still with ``frozen=True``. Tests set it, so no test depends on the day it runs;
the app itself never does. Durations (how long something took) are not read here: they use
``time.monotonic()``, which no setting of this clock changes.
"""

from __future__ import annotations

import datetime as _dt

__all__ = ["now", "reset", "set_now", "today", "utcnow", "utcstamp"]

#: How far the app's clock stands from the system's; zero unless set.
_offset = _dt.timedelta(0)
#: A moment the clock stands still at (UTC, aware), or None while it runs.
_frozen: _dt.datetime | None = None


def _system_utc() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def utcnow() -> _dt.datetime:
    """The current moment, in UTC (an aware datetime)."""
    return _frozen if _frozen is not None else _system_utc() + _offset


def now() -> _dt.datetime:
    """The current local date and time of day (a naive datetime in the machine's zone)."""
    return utcnow().astimezone().replace(tzinfo=None)


def today() -> _dt.date:
    """The local date the app treats as today."""
    return now().date()


def utcstamp() -> str:
    """The current moment as stored in ``created_at``/``updated_at``: ``2026-03-10T09:30:00Z``."""
    return utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")


def set_now(moment: _dt.datetime | _dt.date, *, frozen: bool = False) -> None:
    """Make ``moment`` the current time: the clock runs on from it, or stands still there.

    A naive ``moment`` is local time; a date means its midnight, local time.
    """
    global _offset, _frozen
    if not isinstance(moment, _dt.datetime):
        moment = _dt.datetime.combine(moment, _dt.time())
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the machine's zone, daylight saving included
    moment = moment.astimezone(_dt.UTC)
    if frozen:
        _frozen, _offset = moment, _dt.timedelta(0)
    else:
        _frozen, _offset = None, moment - _system_utc()


def reset() -> None:
    """Back to the system's clock."""
    global _offset, _frozen
    _offset, _frozen = _dt.timedelta(0), None
