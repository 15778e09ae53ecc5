"""iCalendar (.ics, RFC 5545) out: interviews, due follow-ups, milestones and weekly practice
blocks.

Decisions, and why:

* **Floating local times.** The workspace stores wall-clock times ("14:30") without a zone,
  because that is what the user typed and meant where they live. A floating DTSTART says
  exactly that, and Google Calendar, Apple Calendar, Outlook and Thunderbird place it at 14:30
  in the calendar's own zone. A TZID would need a VTIMEZONE definition per zone (RFC 5545
  requires one) built from a guess of the user's zone; a UTC time would move the event when
  the user travels or the clocks change. Recurring practice blocks stay at the same local time
  across daylight-saving changes, which is what a weekly habit means.
* **Follow-up actions are all-day VEVENTs, not VTODOs.** Google Calendar and Outlook ignore
  VTODO components when importing an .ics file, and Apple Calendar sends them to Reminders
  only sometimes; an all-day event marked TRANSPARENT (it does not block time) shows up on the
  right day in every one of them.
* **Stable UIDs** (``<table>-<id>-<workspace id>@careerpivot``) with ``SEQUENCE`` and
  ``LAST-MODIFIED`` from the row's last change: importing a newer export updates the events
  instead of duplicating them.

Lines end with CRLF and are folded at 75 octets, never inside a character; text values escape
backslash, semicolon, comma and line breaks.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable

from careerpivot.formats.common import fold

PRODID = "-//CareerPivot//CareerPivot//EN"
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclasses.dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    #: A date (all-day) or a naive datetime (floating local time).
    start: _dt.date | _dt.datetime
    #: Exclusive end: the next day for a one-day all-day event. None: same as start.
    end: _dt.date | _dt.datetime | None = None
    description: str = ""
    location: str = ""
    categories: tuple[str, ...] = ()
    status: str = ""  # TENTATIVE, CONFIRMED or CANCELLED
    transparent: bool = False
    rrule: str = ""  # e.g. weekly_rule(0, None)
    last_modified: _dt.datetime | None = None  # aware (UTC)
    sequence: int = 0
    url: str = ""


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 section 3.3.11)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _date(value: _dt.date) -> str:
    return value.strftime("%Y%m%d")


def _floating(value: _dt.datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


def _utc(value: _dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.UTC)
    return value.astimezone(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(name: str, value: _dt.date | _dt.datetime) -> str:
    if isinstance(value, _dt.datetime):
        return f"{name}:{_floating(value)}"
    return f"{name};VALUE=DATE:{_date(value)}"


def weekly_rule(weekday: int, until: _dt.date | None, *, all_day: bool = False) -> str:
    """``FREQ=WEEKLY;BYDAY=MO`` (0 is Monday), ending on ``until`` (inclusive). With a floating
    DTSTART the UNTIL is floating too (RFC 5545 section 3.3.10)."""
    rule = f"FREQ=WEEKLY;BYDAY={WEEKDAYS[weekday]}"
    if until is not None:
        rule += f";UNTIL={_date(until)}" if all_day else f";UNTIL={_date(until)}T235959"
    return rule


def first_on_or_after(day: _dt.date, weekday: int) -> _dt.date:
    return day + _dt.timedelta(days=(weekday - day.weekday()) % 7)


def write_calendar(events: Iterable[CalendarEvent], *, now: _dt.datetime,
                   name: str = "CareerPivot") -> bytes:
    """A complete VCALENDAR as bytes. ``now`` (UTC) is every event's DTSTAMP."""
    stamp = _utc(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for e in events:
        lines += ["BEGIN:VEVENT", f"UID:{e.uid}", f"DTSTAMP:{stamp}", _when("DTSTART", e.start)]
        end = e.end
        if end is None:
            end = (e.start if isinstance(e.start, _dt.datetime)
                   else e.start + _dt.timedelta(days=1))
        if end != e.start:
            lines.append(_when("DTEND", end))
        if e.rrule:
            lines.append(f"RRULE:{e.rrule}")
        lines.append(f"SUMMARY:{escape_text(e.summary)}")
        if e.description:
            lines.append(f"DESCRIPTION:{escape_text(e.description)}")
        if e.location:
            lines.append(f"LOCATION:{escape_text(e.location)}")
        if e.categories:
            lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in e.categories))
        if e.status:
            lines.append(f"STATUS:{e.status}")
        if e.url:
            lines.append(f"URL:{e.url}")
        lines.append("TRANSP:TRANSPARENT" if e.transparent else "TRANSP:OPAQUE")
        if e.last_modified is not None:
            lines.append(f"LAST-MODIFIED:{_utc(e.last_modified)}")
        lines.append(f"SEQUENCE:{max(0, e.sequence)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)
