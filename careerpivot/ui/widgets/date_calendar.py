"""The calendar pop-up of a :class:`~careerpivot.ui.widgets.dates.DateField`: where its arrow
is, opening it from the keyboard, and what happens while it is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCalendarWidget, QStyle, QStyleOptionComboBox

from careerpivot.core import clock

if TYPE_CHECKING:
    from careerpivot.ui.widgets.dates import DateField


class CalendarPopup(QObject):
    """A field's calendar pop-up, watched once made (it costs a few milliseconds: Qt makes it
    when first needed): it opens on today when the field has no date, and what was picked in
    it is stored when it closes (the field's ``_emit_edited``)."""

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

    def arrow(self) -> QRect:
        """Where the arrow that opens the calendar is, in the field."""
        field = self.field
        option = QStyleOptionComboBox()
        option.initFrom(field)
        option.editable = True
        option.frame = field.hasFrame()
        option.subControls = QStyle.SubControl.SC_All
        return field.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxArrow, field)

    def open(self) -> None:
        """Open the calendar as a click on the arrow does."""
        field = self.field
        where = QPointF(self.arrow().center())
        press = QMouseEvent(QEvent.Type.MouseButtonPress, where, field.mapToGlobal(where),
                            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
        field.mousePressEvent(press)

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
