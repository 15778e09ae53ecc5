"""The calendar file, parsed back with the ``icalendar`` library."""

from __future__ import annotations

import datetime as _dt

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.formats import ics

NOW = _dt.datetime(2026, 3, 14, 9, 30, tzinfo=_dt.UTC)


def events() -> list[ics.CalendarEvent]:
    return [
        ics.CalendarEvent(
            uid="interview-1-abc@careerpivot",
            summary="Informational interview: Zoë O'Brien (Fabrikam, Inc.; R&D)",
            start=_dt.datetime(2026, 3, 20, 14, 30), end=_dt.datetime(2026, 3, 20, 15, 0),
            description="Path: Product management\nMode: Video call\n\nAsk about C:\\tools, "
                        "pricing; and hiring. " + "Long text — with ümlauts 🎉 " * 8,
            categories=("CareerPivot", "Interview"), status="CONFIRMED",
            last_modified=_dt.datetime(2026, 3, 1, 8, 0, tzinfo=_dt.UTC), sequence=12),
        ics.CalendarEvent(uid="action-7-abc@careerpivot", summary="Follow up: thank Priya",
                          start=_dt.date(2026, 3, 21), transparent=True),
        ics.CalendarEvent(
            uid="practice-3-abc@careerpivot", summary="Practice: SQL drills",
            start=_dt.datetime(2026, 3, 16, 7, 0), end=_dt.datetime(2026, 3, 16, 7, 45),
            rrule=ics.weekly_rule(0, _dt.date(2026, 6, 30))),
        ics.CalendarEvent(
            uid="practice-4-abc@careerpivot", summary="Practice: reading",
            start=_dt.date(2026, 3, 19), rrule=ics.weekly_rule(3, None, all_day=True)),
    ]


def test_parsed_back_with_icalendar():
    data = ics.write_calendar(events(), now=NOW)
    assert data.endswith(b"END:VCALENDAR\r\n")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")
    assert b"\n" not in data.replace(b"\r\n", b"")

    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    parsed = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(parsed) == {e.uid for e in events()}
    interview = parsed["interview-1-abc@careerpivot"]
    original = events()[0]
    assert str(interview["SUMMARY"]) == original.summary
    assert str(interview["DESCRIPTION"]) == original.description
    start = interview["DTSTART"].dt
    assert start == _dt.datetime(2026, 3, 20, 14, 30) and start.tzinfo is None  # floating
    assert interview["DTEND"].dt == _dt.datetime(2026, 3, 20, 15, 0)
    assert interview["DTSTAMP"].dt == NOW
    assert int(interview["SEQUENCE"]) == 12
    assert str(interview["STATUS"]) == "CONFIRMED"

    action = parsed["action-7-abc@careerpivot"]
    assert action["DTSTART"].dt == _dt.date(2026, 3, 21)
    assert action["DTEND"].dt == _dt.date(2026, 3, 22)
    assert str(action["TRANSP"]) == "TRANSPARENT"

    practice = parsed["practice-3-abc@careerpivot"]
    rule = practice["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO"]
    assert rule["UNTIL"][0] == _dt.datetime(2026, 6, 30, 23, 59, 59)
    reading = parsed["practice-4-abc@careerpivot"]
    assert reading["RRULE"]["BYDAY"] == ["TH"] and "UNTIL" not in reading["RRULE"]


@pytest.mark.parametrize(("text", "escaped"), [
    ("a,b;c\\d\ne", "a\\,b\\;c\\\\d\\ne"),
    ("crlf\r\nline", "crlf\\nline"),
])
def test_text_escaping(text, escaped):
    assert ics.escape_text(text) == escaped


def test_first_weekday_on_or_after():
    saturday = _dt.date(2026, 3, 14)
    assert ics.first_on_or_after(saturday, 5) == saturday
    assert ics.first_on_or_after(saturday, 0) == _dt.date(2026, 3, 16)


summaries = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200)


@settings(max_examples=60, deadline=None)
@given(summary=summaries, description=st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=300
).map(lambda s: "".join(c for c in s if c == "\n" or ord(c) >= 32)))
def test_any_text_survives(summary, description):
    event = ics.CalendarEvent(uid="x-1@careerpivot", summary=summary, start=_dt.date(2026, 1, 1),
                              description=description)
    data = ics.write_calendar([event], now=NOW)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    (parsed,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(parsed["SUMMARY"]) == summary
    if description:
        assert str(parsed["DESCRIPTION"]) == description
