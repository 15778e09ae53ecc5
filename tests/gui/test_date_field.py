"""The date field a person types or picks a date in: the locale's format, a calendar, "No
date" for a date that is optional, and a message, not a silent change, for a date that cannot
be."""

from __future__ import annotations

import datetime as dt

import pytest
from gui_steps import FieldForm, show_form, type_and_leave
from PySide6.QtCore import QDate, QLocale, QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget

from careerpivot.core.errors import ValidationError
from careerpivot.ui.dialogs.add_interview import AddInterviewDialog
from careerpivot.ui.widgets.date_text import Words, display_format, read_typed
from careerpivot.ui.widgets.dates import DateField
from careerpivot.ui.widgets.forms import FormBinder

#: A day the machine's own clock never shows in these tests: what the field calls today must
#: come from the app's clock.
TODAY = dt.date(2031, 7, 15)


@pytest.fixture
def today(clock):
    clock.set_today(TODAY)
    return TODAY


@pytest.fixture
def make(qtbot, today):
    def make(**options) -> FieldForm:
        return show_form(qtbot, DateField(**options))

    return make


# --- typing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "typed", "shown"), [
    ("en_GB", "14/3/2026", "14/03/2026"),
    ("en_US", "3/14/26", "3/14/2026"),
    ("de_DE", "14.3.2026", "14.03.2026"),
    ("ja_JP", "2026/3/14", "2026/03/14"),
    ("en_GB", "2026-03-14", "14/03/2026"),  # ISO in any locale
    ("en_GB", "14 March 2026", "14/03/2026"),
    ("de_DE", "14. März 2026", "14.03.2026"),
    ("en_GB", "14032026", "14/03/2026"),
])
def test_a_date_typed_the_locales_way_is_stored_as_iso(qtbot, make, locale, name, typed,
                                                       shown):
    locale(name)
    form = make()
    assert "yyyy" in form.field.displayFormat(), "four-digit years"
    type_and_leave(qtbot, form, typed)
    assert form.field.value() == "2026-03-14"
    assert form.field.text() == shown
    assert form.edited == ["2026-03-14"] and not form.field.problem


def test_the_neutral_locale_shows_iso(make, locale):
    locale("C")
    form = make()
    form.field.set_value("2026-03-14")
    assert form.field.text() == "2026-03-14"
    assert display_format(True, QLocale.c()) == "yyyy-MM-dd HH:mm"


@pytest.mark.parametrize(("typed", "why"), [
    ("31/04/2026", "31/04/2026 is not a date on the calendar."),
    ("29/02/2027", "29/02/2027 is not a date on the calendar."),
    ("14/13/2026", "14/13/2026 is not a date on the calendar."),
    ("1/1/1850", "The year must be between 1900 and 2200."),
    ("next Tuesday", "Write the date like 15/07/2031, or pick it from the calendar."),
    ("14/3", "Write the date like 15/07/2031, or pick it from the calendar."),
])
def test_an_impossible_date_is_refused_with_a_message_and_the_last_date_kept(
        qtbot, make, locale, typed, why):
    locale("en_GB")
    form = make()
    form.field.set_value("2026-03-14")
    type_and_leave(qtbot, form, typed)
    assert form.messages == [why] and form.field.problem == why
    assert form.field.value() == "2026-03-14" and form.field.text() == "14/03/2026"
    assert form.edited == [], "nothing to store"
    # the next good date takes its place, and the message goes
    type_and_leave(qtbot, form, "15/3/2026")
    assert form.field.value() == "2026-03-15"
    assert form.messages[-1] == "" and not form.field.problem


def test_tab_leaves_the_field_at_once(qtbot, make):
    form = make()
    form.field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(form.field, "2026-03-14")
    qtbot.keyClick(form.field, Qt.Key.Key_Tab)
    assert form.other.hasFocus(), "not into the month and the year first"
    assert form.field.value() == "2026-03-14"


def test_enter_stores_and_arrows_step_the_date(qtbot, make, locale):
    locale("en_GB")
    form = make()
    field = form.field
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, "14/3/2026")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert form.edited == ["2026-03-14"]
    field.lineEdit().setCursorPosition(0)  # in the day
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.value() == "2026-03-15"


def test_the_wheel_changes_nothing_in_a_form_scrolled_past(qtbot, make):
    form = make()
    form.field.set_value("2026-03-14")
    form.other.setFocus()
    centre = QPointF(form.field.rect().center())
    wheel = QWheelEvent(centre, form.field.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(form.field, wheel)
    assert form.field.value() == "2026-03-14"


# --- no date -----------------------------------------------------------------------------------


def test_an_optional_date_starts_empty_and_can_be_cleared(qtbot, make):
    form = make(empty_text="Not agreed yet")
    field = form.field
    assert field.value() == "" and field.text() == "Not agreed yet"
    assert not field.clear_action.isVisible()
    type_and_leave(qtbot, form, "2026-03-14")
    assert field.clear_action.isVisible()
    field.clear_action.trigger()
    assert field.value() == "" and field.text() == "Not agreed yet"
    assert form.edited == ["2026-03-14", ""]
    # deleting the text empties it too
    type_and_leave(qtbot, form, "2026-03-14")
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    form.other.setFocus(Qt.FocusReason.TabFocusReason)
    assert field.value() == "" and form.edited[-1] == ""


def test_the_text_fits_beside_the_clear_button(make, locale):
    locale("en_GB")
    form = make(with_time=True)
    field = form.field
    field.set_value("2026-12-28 23:58")
    button = next(b for b in field.lineEdit().findChildren(QToolButton) if b.isVisible())
    room = button.geometry().left() - field.lineEdit().contentsRect().left()
    assert room >= field.fontMetrics().horizontalAdvance(field.text()) + 2


def test_a_required_date_cannot_be_emptied(qtbot, make):
    form = make(optional=False)
    assert form.field.value() == TODAY.isoformat(), "starts on the app's today"
    form.other.setFocus(Qt.FocusReason.TabFocusReason)
    form.field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(form.field, Qt.Key.Key_Delete)
    form.other.setFocus(Qt.FocusReason.TabFocusReason)
    assert form.messages == ["A date is required."]
    assert form.field.value() == TODAY.isoformat()


def test_stepping_from_no_date_starts_at_today(qtbot, make):
    form = make()
    form.field.setFocus()
    qtbot.keyClick(form.field, Qt.Key.Key_Up)
    assert form.field.value() == TODAY.isoformat()


# --- the calendar ------------------------------------------------------------------------------


def test_the_calendar_opens_on_today_and_picks_a_date(qtbot, make):
    form = make()
    field = form.field
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_F4)
    calendar = field.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
    assert calendar.selectedDate() == QDate(TODAY.year, TODAY.month, TODAY.day)
    assert field.value() == "", "still empty while the calendar is open"
    qtbot.keyClick(calendar.findChild(QWidget, "qt_calendar_calendarview"), Qt.Key.Key_Right)
    qtbot.keyClick(calendar.findChild(QWidget, "qt_calendar_calendarview"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert field.value() == tomorrow
    qtbot.waitUntil(lambda: form.edited == [tomorrow], timeout=500)


def test_closing_the_calendar_without_a_pick_keeps_no_date(qtbot, make):
    form = make()
    field = form.field
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    qtbot.keyClick(calendar.findChild(QWidget, "qt_calendar_calendarview"), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert field.value() == "" and field.is_empty()


# --- a date and a time -------------------------------------------------------------------------


def test_a_date_and_time_typed_in_the_locales_way(qtbot, make, locale):
    locale("en_US")
    form = make(with_time=True)
    type_and_leave(qtbot, form, "3/14/2026 2:30 pm")
    assert form.field.value() == "2026-03-14 14:30"
    type_and_leave(qtbot, form, "3/16/2026")  # the day changes, the time stays
    assert form.field.value() == "2026-03-16 14:30"
    type_and_leave(qtbot, form, "3/16/2026 25:10")
    example = QLocale("en_US").toString(QTime(14, 30), QLocale.FormatType.ShortFormat)
    assert form.messages[-1] == f"Write the time like {example}."  # 2:30 PM
    assert form.field.value() == "2026-03-16 14:30"


def test_a_stored_date_without_a_time_stays_so_until_changed(make):
    form = make(with_time=True)
    form.field.set_value("2026-03-14")
    assert form.field.value() == "2026-03-14"
    form.field.set_value(dt.datetime(2026, 3, 14, 9, 5))
    assert form.field.value() == "2026-03-14 09:05"


# --- in forms and dialogs ---------------------------------------------------------------------


def test_a_bound_field_stores_what_the_user_enters_and_shows_why_not(qtbot, make, app_ctx):
    stored: dict[str, object] = {"due": dt.date(2026, 3, 14)}

    def save(row_id: int, field: str, value: object) -> None:
        if value and str(value) > "2026-12-31":
            raise ValidationError(field, "Too late for this plan.")
        stored[field] = value

    form = make()
    binder = FormBinder(app_ctx, save, area="plan", what="milestone", parent=form)
    error = QLabel(form)
    binder.bind("due", form.field, error)
    binder.load(1, stored)
    assert form.field.value() == "2026-03-14"
    type_and_leave(qtbot, form, "2026-04-01")
    assert stored["due"] == "2026-04-01"
    type_and_leave(qtbot, form, "2026-04-31")  # refused by the field: nothing to store
    assert "not a date on the calendar" in error.text() and not error.isHidden()
    assert stored["due"] == "2026-04-01" and not binder.has_pending()
    type_and_leave(qtbot, form, "2027-01-05")  # refused by the service
    assert error.text() == "Too late for this plan." and stored["due"] == "2026-04-01"
    form.field.clear_action.trigger()
    assert stored["due"] == "" and error.isHidden()
    app_ctx.undo.undo()
    assert stored["due"] == "2026-04-01" and form.field.value() == "2026-04-01"


def test_the_new_interview_dialog_refuses_an_impossible_date(qtbot, today):
    dialog = AddInterviewDialog(None, [(7, "Priya Raman", "Northwind")], [(1, "Product")],
                                contact_id=7)
    qtbot.addWidget(dialog)
    dialog.show()
    when = dialog.when
    assert when.value() == "", "not agreed yet"
    when.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(when, "2026-02-30 10:00")
    qtbot.keyClick(when, Qt.Key.Key_Return)
    error = dialog.findChild(QLabel, "scheduled_atError")
    assert dialog.isVisible() and dialog.result_values is None
    assert "not a date on the calendar" in error.text() and not error.isHidden()
    assert when.height() == when.sizeHint().height(), "the dialog grew for the message"
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    when.lineEdit().selectAll()
    qtbot.keyClicks(when, "2026-02-27 10:00")
    dialog.accept()
    assert dialog.result_values["scheduled_at"] == "2026-02-27 10:00"


def test_the_log_entry_dialog_dates_its_entry_and_its_follow_up(qtbot, today, workspace):
    from careerpivot.ui.widgets.log_view.entry_dialog import LogEntryDialog

    dialog = LogEntryDialog(None, kind="action")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # focus changes only reach an active window
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.entry_date.value() == TODAY.isoformat()
    assert dialog.due_date.value() == (TODAY + dt.timedelta(days=1)).isoformat()
    qtbot.keyClicks(dialog.text, "Send a thank-you to Priya")
    dialog.entry_date.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(dialog.entry_date, "2031-02-29")
    qtbot.keyClick(dialog.entry_date, Qt.Key.Key_Return)
    error = dialog.findChild(QLabel, "logEntry_entry_dateError")
    assert "not a date on the calendar" in error.text() and not error.isHidden()
    assert dialog.isVisible() and dialog.entry_date.value() == TODAY.isoformat()
    dialog.kind.setCurrentIndex(dialog.kind.findData("insight"))
    assert not dialog.due_date.isEnabled() and dialog.due_date.value() == ""
    dialog.accept()
    assert dialog._values["entry_date"] == TODAY.isoformat()
    assert dialog._values["due_date"] == ""


# --- reading what was typed ----------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "order", "expected"), [
    ("14/3/2026", "dmy", (2026, 3, 14, None, None)),
    ("3/14/2026", "mdy", (2026, 3, 14, None, None)),
    ("2026-03-14T09:30", "mdy", (2026, 3, 14, 9, 30)),
    ("14 Mar 26 9 a.m.", "dmy", (2026, 3, 14, 9, 0)),
    ("March 14th, 2026 12:15 am", "mdy", (2026, 3, 14, 0, 15)),
    ("Sat 14.03.2026 1430", "dmy", (2026, 3, 14, 14, 30)),
    ("20260314", "dmy", (2026, 3, 14, None, None)),
    ("31/04/2026", "dmy", (2026, 4, 31, None, None)),  # the calendar is checked later
])
def test_reading_a_typed_date(qapp, typed, order, expected):
    assert read_typed(typed, order, Words(QLocale("en_GB"))) == expected
