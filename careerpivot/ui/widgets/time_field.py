"""The editor of a time of day on its own (a practice block's "At:").

A :class:`TimeField` shows its time in the locale's short format ("18:30", "6:30 PM") and takes
one typed as freely as a date (:mod:`~careerpivot.ui.widgets.typed_entry`): "18:30", "1830",
"18.30", "18h30", "6:30 pm", "6 pm". An impossible time ("25:10") is refused when the field is
left: it keeps its last valid time and says why (``messageChanged``). The arrow keys step the
hour or the minute the cursor is in.

It shows "No time" while empty; its clear button, or deleting the text, empties it. Its value
is the text the services store: ``HH:MM``, or "" for no time.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QTime, QTimeZone, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QDateTimeEdit, QSizePolicy, QTimeEdit, QWidget

from careerpivot.ui.widgets import date_reading
from careerpivot.ui.widgets.date_text import (
    DEFAULT_TIME,
    TypedDateError,
    read_time,
    time_format,
    words_of,
)
from careerpivot.ui.widgets.typed_entry import Refused, TypedEntry

_UTC = QTimeZone.utc()
#: The editor's minimum is its "no time" (Qt shows its special value text there); midnight is
#: kept a millisecond after it, a time like any other (no format shows the milliseconds).
_NO_TIME = QTime(0, 0)
_MIDNIGHT = QTime(0, 0, 0, 1)
_LAST_MINUTE = 23 * 60 + 59
_STORED = re.compile(r"(\d{1,2}):(\d{2})")

Step = QAbstractSpinBox.StepEnabledFlag
Section = QDateTimeEdit.Section


class TimeField(TypedEntry, QTimeEdit):
    """A time of day in the locale's short format, typed freely or stepped; "No time" while
    empty."""

    #: the user finished a change (left the field, pressed Enter, cleared it): the value is
    #: ready to store
    edited = Signal()
    #: why what was typed was refused, or "" once a valid time is taken
    messageChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, empty_text: str = "") -> None:
        super().__init__(parent)
        self._words = words_of(QLocale().name())
        self.setTimeZone(_UTC)  # wall-clock values: no daylight-saving gap to fall into
        self._empty = QDateTime(self.date(), _NO_TIME, _UTC)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setDisplayFormat(time_format())
        self.setTimeRange(_NO_TIME, QTime(23, 59))
        self.setSpecialValueText(empty_text or self.tr("No time"))
        self.setDateTime(self._empty)
        self._set_up_typing(self.tr("Clear the time"), "clearTimeAction")

    # the value the services store ------------------------------------------------------------
    def value(self) -> str:
        """``HH:MM``, or "" for no time."""
        if self.is_empty():
            return ""
        time = self.time()
        return f"{time.hour():02d}:{time.minute():02d}"

    def set_value(self, value: Any) -> None:
        """Show a stored value (``HH:MM``, or None/"" for no time); no signal."""
        self._end_typing()
        match = _STORED.fullmatch("" if value is None else str(value).strip())
        moment = self._empty
        if match and int(match.group(1)) <= 23 and int(match.group(2)) <= 59:
            moment = self._at(int(match.group(1)) * 60 + int(match.group(2)))
        blocker = self.blockSignals(True)
        try:
            self.setDateTime(moment)
        finally:
            self.blockSignals(blocker)
        self._last = self._on_entry = self.dateTime()
        if self.hasFocus():
            self._select_all()
        self.problem = ""
        self._sync()

    def _at(self, minutes: int) -> QDateTime:
        """The editor's value at ``minutes`` after midnight."""
        hour, minute = divmod(minutes, 60)
        return QDateTime(self.date(), QTime(hour, minute) if minutes else _MIDNIGHT, _UTC)

    def _minutes(self) -> int:
        time = self.time()
        return time.hour() * 60 + time.minute()

    # what the user typed (see TypedEntry) ----------------------------------------------------
    def _read(self, text: str) -> QDateTime:
        try:
            hour, minute = read_time(text, self._words)
        except TypedDateError:
            raise Refused(date_reading.how_to_write_time()) from None
        return self._at(hour * 60 + minute)

    def _required_message(self) -> str:
        return date_reading.how_to_write_time()

    # stepping ---------------------------------------------------------------------------------
    def stepBy(self, steps: int) -> None:
        if self.is_empty():
            self.setDateTime(self._at(DEFAULT_TIME.hour * 60 + DEFAULT_TIME.minute))
            return
        section = self.currentSection()
        size = {Section.HourSection: 60, Section.AmPmSection: 12 * 60}.get(section, 1)
        minutes = self._minutes() + steps * size
        if section == Section.AmPmSection and not 0 <= minutes <= _LAST_MINUTE:
            return
        self.setDateTime(self._at(max(0, min(_LAST_MINUTE, minutes))))
        if section != Section.NoSection:
            self.setSelectedSection(section)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        if self.is_empty():
            return Step.StepUpEnabled | Step.StepDownEnabled
        minutes = self._minutes()
        flags = Step.StepNone
        if minutes > 0:
            flags |= Step.StepDownEnabled
        if minutes < _LAST_MINUTE:
            flags |= Step.StepUpEnabled
        return flags
