"""What a date typed into a :class:`~careerpivot.ui.widgets.dates.DateField` names, or why it is
refused: the field's rules (a day on the calendar, a year the app takes, a time of day that
exists) and how its messages say so. The messages are looked up under the field's context,
"DateField"."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone

from careerpivot.core.validation import FIRST_YEAR, LAST_YEAR
from careerpivot.ui.widgets.date_text import TypedDateError, Words, read_typed
from careerpivot.ui.widgets.typed_entry import Refused

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate

_UTC = QTimeZone.utc()


def read_moment(text: str, order: str, words: Words, *, with_time: bool, time_kept: QTime,
                example: Callable[[], str]) -> QDateTime:
    """The moment ``text`` names, as a wall-clock time in UTC (at 00:00 without
    ``with_time``; a date typed without a time of day keeps ``time_kept``). Raises
    :class:`Refused` with the reason; ``example()`` is the field's text of a date to write
    like."""
    try:
        year, month, day, hour, minute = read_typed(text, order, words)
        if hour is not None and not with_time:
            raise TypedDateError("unreadable")
    except TypedDateError as exc:
        raise Refused(how_to_write(exc.kind, with_time, example())) from None
    try:
        _dt.date(year, month, day)
    except ValueError:
        raise Refused(translate("DateField", "{0} is not a date on the calendar.").format(
            text.strip()[:40])) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Refused(translate("DateField", "The year must be between {0} and {1}.").format(
            FIRST_YEAR, LAST_YEAR))
    if not with_time:
        return QDateTime(QDate(year, month, day), QTime(0, 0), _UTC)
    time = time_kept if hour is None else QTime(hour, minute or 0)
    return QDateTime(QDate(year, month, day), time, _UTC)


def how_to_write(kind: str, with_time: bool, example: str) -> str:
    """How to write what could not be read (``kind`` of :class:`TypedDateError`)."""
    if kind == "time":
        return how_to_write_time()
    if with_time:
        return translate("DateField", "Write the date and time like {0}, or pick the date "
                                      "from the calendar.").format(example)
    return translate("DateField", "Write the date like {0}, or pick it from the calendar."
                     ).format(example)


def how_to_write_time() -> str:
    """How to write a time of day, in the locale's format."""
    return translate("DateField", "Write the time like {0}.").format(
        QLocale().toString(QTime(14, 30), QLocale.FormatType.ShortFormat))


def required() -> str:
    return translate("DateField", "A date is required.")
