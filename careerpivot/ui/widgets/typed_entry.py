"""Typing in a Qt date or time editor as in a text field: what
:class:`~careerpivot.ui.widgets.dates.DateField` and
:class:`~careerpivot.ui.widgets.time_field.TimeField` share.

Qt's editors take a date or a time section by section (the cursor jumps from the day to the
month, a digit that does not fit is dropped). These take the whole text as typed and read it
when the field is left or Enter is pressed. What cannot be read is refused then: the field
keeps its last valid value and says why (``messageChanged``). An optional field shows its
empty text (its special value text, at its minimum) while empty; its clear button, or deleting
the text, empties it. ``edited`` says that the user finished a change worth storing.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QSize, Qt
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent, QKeySequence, QValidator, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QStyle

#: Longest text a field takes (a pasted paragraph is not a date).
MAX_TYPED = 64

_EDIT_KEYS = (QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Cut,
              QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class Refused(Exception):
    """What was typed cannot be taken; ``message`` says why, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TypedEntry:
    """Mixed into a :class:`QDateTimeEdit` subclass, before it. The subclass declares the
    signals ``edited`` and ``messageChanged(str)``, sets ``_optional`` and ``_empty`` (the
    value meaning "none": its minimum) before it sets up Qt's editor, calls
    :meth:`_set_up_typing` once its first value is shown, and provides ``_read(text)`` (the
    value typed, or :class:`Refused`) and ``_required_message()``."""

    _optional = True
    _empty = QDateTime()
    #: the user is typing (see _begin_typing)
    _typing = False
    #: why what was typed last was refused ("" when it was not)
    problem = ""

    def _set_up_typing(self, clear_text: str, clear_name: str) -> None:
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clear_action = QAction(self.style().standardIcon(
            QStyle.StandardPixmap.SP_LineEditClearButton), clear_text, self)
        self.clear_action.setObjectName(clear_name)
        self.clear_action.triggered.connect(self._clear_by_user)
        if self._optional:
            self.lineEdit().addAction(self.clear_action,
                                      QLineEdit.ActionPosition.TrailingPosition)
        self._last = self.dateTime()
        #: the value when the field got the focus: leaving it unchanged stores nothing
        self._on_entry = self.dateTime()
        self.dateTimeChanged.connect(self._changed)
        self._sync()

    # the value --------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self._optional and self.dateTime() == self._empty

    def set_empty(self) -> None:
        """No value (an optional field only)."""
        if self._optional:
            self.setDateTime(self._empty)

    # what the user typed ----------------------------------------------------------------------
    def _shown(self) -> str:
        return self.specialValueText() if self.is_empty() \
            else self.textFromDateTime(self.dateTime())

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
            return self._refuse(self._required_message())
        try:
            moment = self._read(text)
        except Refused as exc:
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
        except Refused:
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
        except Refused:
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

    # keys, focus, wheel -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
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
            event.matches(k) for k in _EDIT_KEYS)
        if typing:
            self._begin_typing()
            line = self.lineEdit()
            if self.is_empty() and line.text() == self.specialValueText():
                line.selectAll()
        if typing or key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home,
                             Qt.Key.Key_End):
            # as in a text field (Qt's editor would jump between its sections)
            QAbstractSpinBox.keyPressEvent(self, event)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._settle()
        super().keyPressEvent(event)

    def _begin_typing(self) -> None:
        """Free typing: until the text is taken, Qt's editor does not see the text change (it
        would put back the last value whenever the cursor crosses from one section to the
        next in text it cannot read yet)."""
        if not self._typing:
            self._typing = True
            self.lineEdit().blockSignals(True)

    def _end_typing(self) -> None:
        if self._typing:
            self._typing = False
            self.lineEdit().blockSignals(False)

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Tab leaves the field (Qt's editor would move between its sections)
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
        selection to one section)."""
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

    def wheelEvent(self, event: QWheelEvent) -> None:
        # a form scrolled past must not change its values
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    # changes -----------------------------------------------------------------------------------
    def _emit_edited(self) -> None:
        if self.problem:  # a value taken: what was refused before no longer matters
            self.problem = ""
            self.messageChanged.emit("")
        self._on_entry = self.dateTime()  # leaving the field later has nothing new to store
        self.edited.emit()

    def _changed(self, moment: QDateTime) -> None:
        if moment != self._last and self.problem:
            # a new value: what was refused before no longer matters
            self.problem = ""
            self.messageChanged.emit("")
        self._last = QDateTime(moment)
        self._sync()

    def _clear_by_user(self) -> None:
        self._take(self._empty)
        self._emit_edited()

    def _sync(self) -> None:
        self.clear_action.setVisible(self._optional and not self.is_empty()
                                      and not self.isReadOnly())

