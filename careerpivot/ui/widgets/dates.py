"""The one editor of a date, or of a date and a time of day, used by every form of the app.

A :class:`DateField` shows its date in the user's locale (with a four-digit year), opens a
calendar from its arrow (F4, Alt+Down) and takes a date typed in any common way
(:mod:`~careerpivot.ui.widgets.date_text`). What cannot be a date ("31/04/2026") is refused
when the field is left: it keeps its last valid value and says why (``messageChanged``).

An optional field shows "No date" while empty; its clear button, or deleting the text, empties
it. Its value is the text the services store: ``YYYY-MM-DD``, or ``YYYY-MM-DD HH:MM`` with the
time of day, and "" for no date.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTime,
    QTimer,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QValidator,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCalendarWidget,
    QDateTimeEdit,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from careerpivot.core import clock
from careerpivot.core.errors import ValidationError
from careerpivot.core.validation import FIRST_YEAR, LAST_YEAR
from careerpivot.ui.widgets.date_text import (
    TypedDateError,
    date_order,
    display_format,
    read_stored,
    read_typed,
    stored_text,
    words_of,
)

#: The time of day a date-and-time field takes when a date is picked or typed while it has
#: no time yet.
DEFAULT_TIME = _dt.time(9, 0)
#: Longest text the field takes (a pasted paragraph is not a date).
MAX_TYPED = 64

_UTC = QTimeZone.utc()


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DateField(QDateTimeEdit):
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
        self._calendar = _Calendar(self)
        #: the user is typing (see _begin_typing)
        self._typing = False
        #: why what was typed last was refused ("" when it was not)
        self.problem = ""
        shown = display_format(with_time)
        self._order = date_order(shown)
        self._words = words_of(QLocale().name())
        default = QTime(DEFAULT_TIME.hour, DEFAULT_TIME.minute) if with_time else QTime(0, 0)
        self._empty = QDateTime(QDate(FIRST_YEAR - 1, 12, 31), default, _UTC)
        self.setTimeZone(_UTC)  # wall-clock values: no daylight-saving gap to fall into
        self.setCalendarPopup(True)
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # at least as wide as its longest date; as wide as its neighbours in a form whose
        # fields all grow, never wider than they are in one that lets fields keep their size
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setDisplayFormat(shown)
        earliest = QDateTime(QDate(FIRST_YEAR, 1, 1), QTime(0, 0), _UTC)
        latest = QDateTime(QDate(LAST_YEAR, 12, 31), QTime(23, 59), _UTC)
        self.setDateTimeRange(self._empty if optional else earliest, latest)
        if optional:
            self.setSpecialValueText(empty_text or self.tr("No date"))
        self.clear_action = QAction(self.style().standardIcon(
            QStyle.StandardPixmap.SP_LineEditClearButton), self.tr("Clear the date"), self)
        self.clear_action.setObjectName("clearDateAction")
        self.clear_action.triggered.connect(self._clear_by_user)
        if optional:
            self.lineEdit().addAction(self.clear_action,
                                      QLineEdit.ActionPosition.TrailingPosition)
        self.setDateTime(self._empty if optional else self._today())
        self._last = self.dateTime()
        #: the value when the field got the focus: leaving it unchanged stores nothing
        self._on_entry = self.dateTime()
        self.dateTimeChanged.connect(self._changed)
        self._sync()

    # the value the services store ------------------------------------------------------------
    def is_empty(self) -> bool:
        return self._optional and self.dateTime() == self._empty

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

    def set_empty(self) -> None:
        """No date (an optional field only)."""
        if self._optional:
            self.setDateTime(self._empty)

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

    # what the user typed ----------------------------------------------------------------------
    def _shown(self) -> str:
        return self.specialValueText() if self.is_empty() \
            else self.textFromDateTime(self.dateTime())

    def _read(self, text: str) -> QDateTime:
        """The moment ``text`` names, or _Refused with the reason."""
        try:
            year, month, day, hour, minute = read_typed(text, self._order, self._words)
            if hour is not None and not self._with_time:
                raise TypedDateError("unreadable")
        except TypedDateError as exc:
            raise _Refused(self._how_to_write(exc.kind)) from None
        try:
            _dt.date(year, month, day)
        except ValueError:
            raise _Refused(self.tr("{0} is not a date on the calendar.").format(
                text.strip()[:40])) from None
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise _Refused(self.tr("The year must be between {0} and {1}.").format(
                FIRST_YEAR, LAST_YEAR))
        if not self._with_time:
            return QDateTime(QDate(year, month, day), QTime(0, 0), _UTC)
        if hour is None:
            time = self.dateTime().time() if not self.is_empty() \
                else QTime(DEFAULT_TIME.hour, DEFAULT_TIME.minute)
        else:
            time = QTime(hour, minute or 0)
        return QDateTime(QDate(year, month, day), time, _UTC)

    def _how_to_write(self, kind: str) -> str:
        if kind == "time":
            return self.tr("Write the time like {0}.").format(
                QLocale().toString(QTime(14, 30), QLocale.FormatType.ShortFormat))
        example = self.textFromDateTime(self._today())
        if self._with_time:
            return self.tr("Write the date and time like {0}, or pick the date from the "
                           "calendar.").format(example)
        return self.tr("Write the date like {0}, or pick it from the calendar.").format(example)

    def _settle(self) -> bool:
        """Take the text typed: True when the field holds a valid value; False when what was
        typed was refused (the last valid value is shown again and the message says why)."""
        self._end_typing()
        text = self.lineEdit().text().strip()
        if text == self._shown().strip():
            return not self.problem
        if not text:
            if self._optional:
                self._take(self._empty)
                return True
            return self._refuse(self.tr("A date is required."))
        try:
            moment = self._read(text)
        except _Refused as exc:
            return self._refuse(exc.message)
        self._take(moment)
        return True

    def _take(self, moment: QDateTime) -> None:
        self._end_typing()
        if self.problem:
            self.problem = ""
            self.messageChanged.emit("")
        if moment != self.dateTime():
            self.setDateTime(moment)
        else:
            self.lineEdit().setText(self._shown())

    def _refuse(self, message: str) -> bool:
        self._end_typing()
        self.problem = message
        self.lineEdit().setText(self._shown())
        self.messageChanged.emit(message)
        return False

    def validate(self, text: str, pos: int) -> object:
        if len(text) > MAX_TYPED:
            return QValidator.State.Invalid, text, pos
        return (QValidator.State.Acceptable if self._readable(text)
                else QValidator.State.Intermediate), text, pos

    def _readable(self, text: str) -> bool:
        stripped = text.strip()
        if stripped == self._shown().strip():
            return True
        if self._optional and stripped == self.specialValueText().strip():
            return True
        if not stripped:
            return False
        try:
            self._read(stripped)
        except _Refused:
            return False
        return True

    def fixup(self, text: str) -> str:
        return text

    def dateTimeFromText(self, text: str) -> QDateTime:
        stripped = text.strip()
        if self._optional and stripped == self.specialValueText().strip():
            return self._empty
        if stripped == self._shown().strip():
            return self.dateTime()
        try:
            return self._read(stripped)
        except _Refused:
            return self.dateTime()

    def sizeHint(self) -> QSize:
        return self._with_clear_button(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._with_clear_button(super().minimumSizeHint())

    def _with_clear_button(self, size: QSize) -> QSize:
        """Room for the clear button beside the text (Qt's size does not count it)."""
        if self._optional:
            icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
            size.setWidth(size.width() + icon + icon // 2)
        return size

    # keys, focus, wheel, stepping ------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._watch_calendar()
        key = event.key()
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down
                                    and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self._settle():
                event.ignore()  # a dialog's default button may still answer it
                return
            super().keyPressEvent(event)
            self._emit_edited()
            return
        typing = (bool(event.text()) and event.text().isprintable() and not (
            event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                  | Qt.KeyboardModifier.KeypadModifier))) or key in (
            Qt.Key.Key_Backspace, Qt.Key.Key_Delete) or any(
            event.matches(k) for k in (QKeySequence.StandardKey.Paste,
                                       QKeySequence.StandardKey.Cut,
                                       QKeySequence.StandardKey.Undo,
                                       QKeySequence.StandardKey.Redo))
        if typing:
            self._begin_typing()
            line = self.lineEdit()
            if self.is_empty() and line.text() == self.specialValueText():
                line.selectAll()
        if typing or key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home,
                             Qt.Key.Key_End):
            # as in a text field (Qt's date editor would jump between day, month and year)
            QAbstractSpinBox.keyPressEvent(self, event)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._settle()
        super().keyPressEvent(event)

    def _begin_typing(self) -> None:
        """Free typing: until the text is taken, Qt's date editor does not see the text
        change (it would put back the last date whenever the cursor crosses from day to
        month in text it cannot read yet)."""
        if not self._typing:
            self._typing = True
            self.lineEdit().blockSignals(True)

    def _end_typing(self) -> None:
        if self._typing:
            self._typing = False
            self.lineEdit().blockSignals(False)

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Tab leaves the field (Qt's date editor would move between day, month and year)
        return QAbstractSpinBox.focusNextPrevChild(self, forward)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._on_entry = self.dateTime()
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason):
            self._select_all()

    def _select_all(self) -> None:
        """All of the text, ready to be typed over (quietly: Qt's editor would narrow the
        selection to the day)."""
        line = self.lineEdit()
        blocker = line.blockSignals(True)
        try:
            line.selectAll()
        finally:
            line.blockSignals(blocker)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        settled = event.reason() != Qt.FocusReason.PopupFocusReason and self._settle()
        super().focusOutEvent(event)
        if settled and self.dateTime() != self._on_entry:
            self._emit_edited()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._watch_calendar()
        if self._arrow().contains(event.position().toPoint()):
            self._settle()  # the calendar opens on what was typed
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # a form scrolled past must not change its dates
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

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
        where = QPointF(self._arrow().center())
        press = QMouseEvent(QEvent.Type.MouseButtonPress, where, self.mapToGlobal(where),
                            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
        self.mousePressEvent(press)

    def _watch_calendar(self) -> None:
        self._calendar.watch()

    def _arrow(self) -> QRect:
        """Where the arrow that opens the calendar is."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.frame = self.hasFrame()
        option.subControls = QStyle.SubControl.SC_All
        return self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                           QStyle.SubControl.SC_ComboBoxArrow, self)

    # changes -----------------------------------------------------------------------------------
    def _emit_edited(self) -> None:
        if self.problem:  # a value taken: what was refused before no longer matters
            self.problem = ""
            self.messageChanged.emit("")
        self._on_entry = self.dateTime()  # leaving the field later has nothing new to store
        self.edited.emit()

    def _changed(self, moment: QDateTime) -> None:
        if self._calendar.is_open():
            self._calendar.picked = True
        if moment != self._last and self.problem:
            # a new value: what was refused before no longer matters
            self.problem = ""
            self.messageChanged.emit("")
        self._last = QDateTime(moment)
        self._sync()

    def _clear_by_user(self) -> None:
        self._loaded = None  # emptied by the user, even what the file held unreadable
        self._take(self._empty)
        self._emit_edited()

    def _sync(self) -> None:
        self.clear_action.setVisible(self._optional and not self.is_empty()
                                      and not self.isReadOnly())


class _Calendar(QObject):
    """The field's calendar pop-up, watched once made (it costs a few milliseconds: it is made
    when first needed): it opens on today when the field has no date, and what was picked in
    it is stored when it closes."""

    def __init__(self, field: DateField) -> None:
        super().__init__(field)
        self.field = field
        self.widget: QCalendarWidget | None = None
        #: the date changed while the calendar was open
        self.picked = False

    def watch(self) -> None:
        if self.widget is None:
            self.widget = self.field.calendarWidget()
            self.widget.installEventFilter(self)

    def is_open(self) -> bool:
        return self.widget is not None and self.widget.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        calendar = self.widget
        if watched is calendar and calendar is not None:
            if event.type() == QEvent.Type.Show and self.field.is_empty():
                # open on today, not on the day before the earliest date ("no date"); quietly,
                # so that the field stays empty if the calendar is closed without a pick
                today = clock.today()
                blocker = calendar.blockSignals(True)
                try:
                    calendar.setSelectedDate(QDate(today.year, today.month, today.day))
                finally:
                    calendar.blockSignals(blocker)
            elif event.type() == QEvent.Type.Hide and self.picked:
                self.picked = False
                QTimer.singleShot(0, self.field._emit_edited)
        return super().eventFilter(watched, event)
