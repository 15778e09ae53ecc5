"""Dates as text: reading what a person types as a date, a date and a time of day, or a time of
day (the text half of :class:`~careerpivot.ui.widgets.dates.DateField` and
:class:`~careerpivot.ui.widgets.time_field.TimeField`), and the one way the app shows a date:
:func:`shown_date` and :func:`shown_datetime`, in the locale's short format with a four-digit
year (ISO for the neutral "C" locale), in every list, detail and accessible text.

A date may be typed in the locale's order with any separators ("14/3/2026", "14.03.26"), with
the month's name ("14 March 2026", "March 14th"), without separators ("14032026"), or as ISO
("2026-03-14") in any locale; a time after it ("14:30", "2:30 pm", "1430"), or alone.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any

from PySide6.QtCore import QDate, QLocale, QTime

from careerpivot.core.errors import ValidationError
from careerpivot.core.validation import parse_date, parse_datetime

#: The time of day a date-and-time field takes when a date is picked or typed while it has
#: no time yet, and a time field when stepped from no time.
DEFAULT_TIME = _dt.time(9, 0)

_TOKENS = re.compile(r"\d+|[^\W\d_]+")
_DOTTED_HALF = re.compile(r"\b([ap])\.\s?m\.?", re.IGNORECASE)
#: Words a typed date may hold besides month names and am/pm: ISO's "T" between the date and
#: the time, English ordinals ("14th of March").
_FILLERS = frozenset({"t", "st", "nd", "rd", "th", "of"})


class TypedDateError(ValueError):
    """What was typed is not a date (``kind`` "unreadable") or holds an impossible time of day
    (``kind`` "time")."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class Words:
    """The words a typed date may hold in a locale (and in English): the months' names, the
    names of the days (ignored), am and pm."""

    def __init__(self, locale: QLocale) -> None:
        self.months: dict[str, int] = {}
        self.halves: dict[str, str] = {"am": "am", "a": "am", "pm": "pm", "p": "pm"}
        self.ignored = set(_FILLERS)
        for loc in (QLocale.c(), locale):
            for month in range(1, 13):
                for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
                    for name in (loc.monthName(month, form), loc.standaloneMonthName(month, form)):
                        self.months[_word(name)] = month
            for day in range(1, 8):
                for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
                    self.ignored.add(_word(loc.dayName(day, form)))
            for text, half in ((loc.amText(), "am"), (loc.pmText(), "pm")):
                if _word(text):
                    self.halves[_word(text)] = half

    def month(self, word: str) -> int | None:
        """The month ``word`` names: its name, short name, or the start of one name (3 letters
        at least)."""
        if word in self.months:
            return self.months[word]
        if len(word) < 3:
            return None
        found = {m for name, m in self.months.items() if name.startswith(word)}
        return found.pop() if len(found) == 1 else None


@functools.lru_cache(maxsize=8)
def words_of(locale_name: str) -> Words:
    """The words of a locale, read once."""
    return Words(QLocale(locale_name))


def _word(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def date_order(display_format: str) -> str:
    """The order of day, month and year in a Qt date format: "dmy", "mdy" or "ymd"."""
    plain = "".join(part for i, part in enumerate(display_format.split("'")) if i % 2 == 0)
    where = {key: plain.find(letter) for key, letter in (("d", "d"), ("m", "M"), ("y", "y"))}
    if min(where.values()) < 0:
        return "ymd"
    return "".join(sorted(where, key=where.__getitem__))


def display_format(with_time: bool, locale: QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year (and its short time format);
    ISO for the neutral "C" locale."""
    loc = locale or QLocale()
    if loc.language() == QLocale.Language.C:
        date = "yyyy-MM-dd"
    else:
        date = loc.dateFormat(QLocale.FormatType.ShortFormat)
        parts = date.split("'")
        date = "'".join(re.sub(r"(?<!y)y{1,3}(?!y)", "yyyy", part) if i % 2 == 0 else part
                        for i, part in enumerate(parts))
    return f"{date} {time_format(loc)}" if with_time else date


def time_format(locale: QLocale | None = None) -> str:
    """The locale's short time of day format; "HH:mm" for the neutral "C" locale."""
    loc = locale or QLocale()
    if loc.language() == QLocale.Language.C:
        return "HH:mm"
    return loc.timeFormat(QLocale.FormatType.ShortFormat)


#: The formats dates are shown in, by locale name, read once.
_FORMATS: dict[str, tuple[str, str]] = {}


def _formats(locale: QLocale) -> tuple[str, str]:
    formats = _FORMATS.get(locale.name())
    if formats is None:
        formats = _FORMATS[locale.name()] = (display_format(False, locale),
                                             time_format(locale))
    return formats


def shown_date(value: Any) -> str:
    """A date as the app shows it: a :class:`datetime.date` (a datetime: its day) or the
    stored ISO text, in the locale's short format with a four-digit year; "" for None or ""
    (stored text that is not a date is shown as it is)."""
    day = _day_of(value)
    if day is None:
        return "" if value is None else str(value).strip()
    locale = QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), _formats(locale)[0])


def shown_datetime(value: Any) -> str:
    """A date and a time of day as the app shows them (see :func:`shown_date`): a datetime or
    the stored ``YYYY-MM-DD HH:MM`` text; a date without a time of day is shown as a date."""
    day = _day_of(value)
    if day is None:
        return "" if value is None else str(value).strip()
    if isinstance(value, _dt.datetime):
        time: _dt.time | None = value.time()
    elif isinstance(value, _dt.date):
        time = None
    else:
        text = str(value).strip()
        if len(text) == 10:
            time = None
        else:
            try:
                time = _dt.time.fromisoformat(text[11:16])
            except ValueError:
                return text
    locale = QLocale()
    date_format, time_of_day = _formats(locale)
    shown = locale.toString(QDate(day.year, day.month, day.day), date_format)
    if time is None:
        return shown
    return f"{shown} {locale.toString(QTime(time.hour, time.minute), time_of_day)}"


def _day_of(value: Any) -> _dt.date | None:
    """The day of a value to show; None when there is none or it is not a date."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def read_typed(text: str, order: str, words: Words,
               ) -> tuple[int, int, int, int | None, int | None]:
    """The (year, month, day, hour, minute) a person typed; hour and minute are None when no
    time was typed. Raises :class:`TypedDateError`. The date is not checked against the
    calendar (31 April comes back as typed)."""
    text = _DOTTED_HALF.sub(lambda m: m.group(1) + "m", text)
    numbers: list[str] = []
    month: int | None = None
    half: str | None = None
    for token in _TOKENS.findall(text):
        if token.isdigit():
            numbers.append(token)
            continue
        word = _word(token)
        if word in words.halves:
            if half is not None:
                raise TypedDateError("unreadable")
            half = words.halves[word]
            continue
        if word in words.ignored:
            continue
        found = words.month(word)
        if found is None or month is not None or len(numbers) > 2:
            raise TypedDateError("unreadable")
        month = found
    if month is not None:
        year, day, rest = _with_month_name(numbers, order)
    else:
        year, month, day, rest = _numeric(numbers, order)
    hour, minute = _time_of_day(rest, half)
    return year, month, day, hour, minute


def _with_month_name(numbers: list[str], order: str) -> tuple[int, int, list[str]]:
    if len(numbers) < 2:
        raise TypedDateError("unreadable")
    first, second = numbers[0], numbers[1]
    if len(first) == 4 or order.replace("m", "") == "yd":
        year, day = first, second
    else:
        day, year = first, second
    if len(day) > 2 or len(year) > 4:
        raise TypedDateError("unreadable")
    return _year(year), int(day), numbers[2:]


def _numeric(numbers: list[str], order: str) -> tuple[int, int, int, list[str]]:
    if numbers and len(numbers[0]) in (6, 8):
        # typed without separators: 14032026, 140326, 20260314
        packed = numbers[0]
        year_digits = 4 if len(packed) == 8 else 2
        if len(packed) == 8 and packed[:2] in ("19", "20", "21", "22") and order[0] != "y" \
                and int(packed[4:6] or 0) <= 12 and int(packed[6:] or 0) <= 31 \
                and int(packed[2:4] or 0) > 12:
            order = "ymd"
        cut, pieces = 0, {}
        for key in order:
            size = year_digits if key == "y" else 2
            pieces[key] = packed[cut:cut + size]
            cut += size
        numbers = [pieces[k] for k in "ymd"] + numbers[1:]
        return _year(numbers[0]), int(numbers[1]), int(numbers[2]), numbers[3:]
    if len(numbers) < 3:
        raise TypedDateError("unreadable")
    first3 = numbers[:3]
    if len(first3[0]) == 4:
        parts = dict(zip("ymd", first3, strict=True))
    else:
        parts = dict(zip(order, first3, strict=True))
    if len(parts["d"]) > 2 or len(parts["m"]) > 2 or len(parts["y"]) > 4:
        raise TypedDateError("unreadable")
    return _year(parts["y"]), int(parts["m"]), int(parts["d"]), numbers[3:]


def _year(token: str) -> int:
    year = int(token)
    return 2000 + year if len(token) <= 2 else year


def read_time(text: str, words: Words) -> tuple[int, int]:
    """The (hour, minute) of a time of day a person typed: "18:30", "1830", "18.30", "18h30",
    "6:30 pm", "6 pm", "18". Raises :class:`TypedDateError` ("time")."""
    text = _DOTTED_HALF.sub(lambda m: m.group(1) + "m", text)
    numbers: list[str] = []
    half: str | None = None
    for token in _TOKENS.findall(text):
        word = _word(token)
        if token.isdigit():
            numbers.append(token)
        elif word in words.halves and half is None:
            half = words.halves[word]
        elif word not in ("h", "t"):
            raise TypedDateError("time")
    if not numbers or len(numbers) > 2:
        raise TypedDateError("time")
    hour, minute = _time_of_day(numbers, half)
    assert hour is not None and minute is not None
    return hour, minute


def _time_of_day(rest: list[str], half: str | None) -> tuple[int | None, int | None]:
    if not rest:
        if half is not None:
            raise TypedDateError("time")
        return None, None
    if len(rest) > 3:
        raise TypedDateError("unreadable")
    if len(rest) == 1 and len(rest[0]) in (3, 4):
        hours, minutes = rest[0][:-2], rest[0][-2:]
    else:
        hours, minutes = rest[0], rest[1] if len(rest) > 1 else "0"
    if len(hours) > 2 or len(minutes) > 2:
        raise TypedDateError("time")
    hour, minute = int(hours), int(minutes)
    if half is not None:
        if not 1 <= hour <= 12:
            raise TypedDateError("time")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise TypedDateError("time")
    return hour, minute


def stored_text(value: Any, with_time: bool) -> str:
    """A stored value (text, date, datetime or None) as the services' text."""
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if with_time else value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).strip()


def read_stored(text: str, with_time: bool) -> tuple[int, int, int, int, int] | None:
    """(year, month, day, hour, minute) of a stored text; None for "" or what is not a date
    (a value written by hand into the file, say)."""
    if not text:
        return None
    try:
        if with_time:
            clean = parse_datetime("date", text)
            hour, minute = (int(clean[11:13]), int(clean[14:16])) if len(clean) > 10 else (0, 0)
            day = parse_date("date", clean[:10])
        else:
            hour = minute = 0
            day = parse_date("date", text)
    except ValidationError:
        return None
    assert day is not None
    return day.year, day.month, day.day, hour, minute
