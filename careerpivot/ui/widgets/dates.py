"""The one editor of a date, or of a date and a time of day, used by every form of the app.

A :class:`DateField` shows its date in the user's locale (with a four-digit year), opens a
calendar from its arrow (F4, Alt+Down; :mod:`~careerpivot.ui.widgets.date_calendar`) and takes
a date typed in any common way (:mod:`~careerpivot.ui.widgets.date_text`). What cannot be a
date ("31/04/2026") is refused when the field is left
(:mod:`~careerpivot.ui.widgets.date_reading`): it keeps its last valid value and says why
(``messageChanged``; the typing itself: :mod:`~careerpivot.ui.widgets.typed_entry`).

An optional field shows "No date" while empty; its clear button, or deleting the text, empties
it. Its value is the text the services store: ``YYYY-MM-DD``, or ``YYYY-MM-DD HH:MM`` with the
time of day, and "" for no date.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimeZone, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateTimeEdit, QSizePolicy, QWidget

from careerpivot.core import clock
from careerpivot.core.errors import ValidationError
from careerpivot.core.validation import FIRST_YEAR, LAST_YEAR
from careerpivot.ui.widgets import date_reading
from careerpivot.ui.widgets.date_calendar import CalendarPopup
from careerpivot.ui.widgets.date_text import (
    DEFAULT_TIME,
    date_order,
    display_format,
    read_stored,
    stored_text,
    words_of,
)
from careerpivot.ui.widgets.time_field import TimeField
from careerpivot.ui.widgets.typed_entry import MAX_TYPED, TypedEntry

__all__ = ["DEFAULT_TIME", "MAX_TYPED", "DateField", "TimeField"]

_UTC = QTimeZone.utc()


class DateField(TypedEntry, QDateTimeEdit):
    """A date (``with_time``: a date and a time of day) in the locale's format, with a
    calendar pop-up and typed entry; optional fields can be emptied ("No date")."""

    #: the user finished a change (left the field, pressed Enter, picked from the calendar,
    #: cleared it): the value is ready to store
    edited = Signal()
    #: why what was typed was refused, or "" once a valid value is taken
    messageChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, with_time: bool = False,
                 optional: bool = True, empty_text: str = "") -> None:
        super().__init__(parent)
        self._with_time, self._optional = with_time, optional
        #: the value shown by set_value and the text it was given, kept while unchanged (a
        #: stored date without a time of day stays as it was)
        self._loaded: tuple[QDateTime, str] | None = None
        self._calendar = CalendarPopup(self)
        shown = display_format(with_time)
        self._order = date_order(shown)
        self._words = words_of(QLocale().name())
        default = QTime(DEFAULT_TIME.hour, DEFAULT_TIME.minute) if with_time else QTime(0, 0)
        self._empty = QDateTime(QDate(FIRST_YEAR - 1, 12, 31), default, _UTC)
        self.setTimeZone(_UTC)  # wall-clock values: no daylight-saving gap to fall into
        self.setCalendarPopup(True)
        # at least as wide as its longest date; as wide as its neighbours in a form whose
        # fields all grow, never wider than they are in one that lets fields keep their size
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setDisplayFormat(shown)
        earliest = QDateTime(QDate(FIRST_YEAR, 1, 1), QTime(0, 0), _UTC)
        latest = QDateTime(QDate(LAST_YEAR, 12, 31), QTime(23, 59), _UTC)
        self.setDateTimeRange(self._empty if optional else earliest, latest)
        if optional:
            self.setSpecialValueText(empty_text or self.tr("No date"))
        self.setDateTime(self._empty if optional else self._today())
        self._set_up_typing(self.tr("Clear the date"), "clearDateAction")

    # the value the services store ------------------------------------------------------------
    def value(self) -> str:
        """``YYYY-MM-DD`` (``YYYY-MM-DD HH:MM`` with the time), or "" for no date."""
        moment = self.dateTime()
        if self._loaded is not None and self._loaded[0] == moment:
            return self._loaded[1]
        if self.is_empty():
            return ""
        day = moment.date()
        text = f"{day.year():04d}-{day.month():02d}-{day.day():02d}"
        if self._with_time:
            text += f" {moment.time().hour():02d}:{moment.time().minute():02d}"
        return text

    def set_value(self, value: Any) -> None:
        """Show a stored value (text, date, datetime, or None/"" for no date); no signal."""
        self._end_typing()
        text = stored_text(value, self._with_time)
        moment = self._parse_stored(text)
        blocker = self.blockSignals(True)
        try:
            self.setDateTime(moment)
        finally:
            self.blockSignals(blocker)
        self._loaded = (self.dateTime(), text)
        self._last = self._on_entry = self.dateTime()
        if self.hasFocus():
            self._select_all()
        self.problem = ""
        self._sync()

    def checked_value(self, field: str) -> str:
        """The value, for a dialog's ``values()``: raises ValidationError(field, why) when
        what was typed last was refused and the dialog has not said so since (a second OK
        takes the value shown)."""
        self._settle()
        problem, self.problem = self.problem, ""
        if problem:
            raise ValidationError(field, problem)
        return self.value()

    def _parse_stored(self, text: str) -> QDateTime:
        parts = read_stored(text, self._with_time)
        if parts is None:
            return self._empty if self._optional else self._today()
        year, month, day, hour, minute = parts
        return QDateTime(QDate(year, month, day), QTime(hour, minute), _UTC)

    def _today(self) -> QDateTime:
        day = clock.today()
        default = QTime(DEFAULT_TIME.hour, DEFAULT_TIME.minute) if self._with_time \
            else QTime(0, 0)
        return QDateTime(QDate(day.year, day.month, day.day), default, _UTC)

    # what the user typed (see TypedEntry) ----------------------------------------------------
    def _read(self, text: str) -> QDateTime:
        """The moment ``text`` names, or Refused with the reason."""
        kept = self.dateTime().time() if not self.is_empty() \
            else QTime(DEFAULT_TIME.hour, DEFAULT_TIME.minute)
        return date_reading.read_moment(
            text, self._order, self._words, with_time=self._with_time, time_kept=kept,
            example=lambda: self.textFromDateTime(self._today()))

    def _required_message(self) -> str:
        return date_reading.required()

    # keys, mouse, stepping --------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._calendar.watch()
        key = event.key()
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down
                                    and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._calendar.watch()
        if self._calendar.arrow().contains(event.position().toPoint()):
            self._settle()  # the calendar opens on what was typed
        super().mousePressEvent(event)

    def stepBy(self, steps: int) -> None:
        if self.is_empty():
            self.setDateTime(self._today())
            return
        super().stepBy(steps)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        if self.is_empty():
            return (QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
                    | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled)
        return super().stepEnabled()

    # the calendar ----------------------------------------------------------------------------
    def show_calendar(self) -> None:
        """Open the calendar pop-up, as a click on the arrow does (F4, Alt+Down)."""
        if self.isReadOnly() or not self.isEnabled():
            return
        self._calendar.open()

    # changes -----------------------------------------------------------------------------------
    def _changed(self, moment: QDateTime) -> None:
        if self._calendar.is_open():
            self._calendar.picked = True
        super()._changed(moment)

    def _clear_by_user(self) -> None:
        self._loaded = None  # emptied by the user, even what the file held unreadable
        super()._clear_by_user()
