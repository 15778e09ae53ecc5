"""The time of day editor as a person uses it: a time typed the way they write it, shown in
their locale's format and stored as ``HH:MM``; an impossible time refused with a message;
midnight a time like any other, "No time" apart from it; the arrow keys step the hour or the
minute."""

from __future__ import annotations

import pytest
from gui_steps import FieldForm, show_form, type_and_leave
from PySide6.QtCore import QLocale, Qt

from careerpivot.ui.widgets.date_text import TypedDateError, Words, read_time
from careerpivot.ui.widgets.time_field import TimeField


@pytest.fixture
def make(qtbot):
    def make() -> FieldForm:
        return show_form(qtbot, TimeField())

    return make


@pytest.mark.parametrize(("name", "typed", "shown", "stored"), [
    ("en_GB", "18:30", "18:30", "18:30"),
    ("en_GB", "6.30 pm", "18:30", "18:30"),
    ("en_GB", "1830", "18:30", "18:30"),
    ("fr_FR", "18h30", "18:30", "18:30"),
    ("en_US", "6:30 pm", "6:30\u202fPM", "18:30"),
    ("en_US", "18:30", "6:30\u202fPM", "18:30"),
    ("en_US", "12 am", "12:00\u202fAM", "00:00"),
])
def test_a_time_typed_the_locales_way_is_stored_as_hh_mm(qtbot, make, locale, name, typed,
                                                         shown, stored):
    locale(name)
    form = make()
    assert form.field.text() == "No time" and form.field.value() == ""
    type_and_leave(qtbot, form, typed)
    assert form.field.value() == stored and form.field.text() == shown
    assert form.edited == [stored] and not form.messages


def test_an_impossible_time_is_refused_and_the_last_time_kept(qtbot, make, locale):
    locale("en_GB")
    form = make()
    form.field.set_value("07:00")
    type_and_leave(qtbot, form, "25:10")
    assert form.messages == ["Write the time like 14:30."]
    assert form.field.value() == "07:00" and form.field.text() == "07:00"
    assert form.edited == []
    type_and_leave(qtbot, form, "noon")
    assert form.field.value() == "07:00"
    type_and_leave(qtbot, form, "7:15")
    assert form.messages[-1] == "" and form.edited == ["07:15"]


def test_midnight_is_a_time_and_no_time_is_apart_from_it(qtbot, make):
    form = make()
    type_and_leave(qtbot, form, "0:00")
    assert form.field.value() == "00:00" and form.field.text() == "00:00"
    assert form.field.clear_action.isVisible()
    type_and_leave(qtbot, form, "")  # deleting the text empties the field
    assert form.field.value() == "" and form.field.text() == "No time"
    assert form.edited == ["00:00", ""]
    form.field.set_value("00:00")
    assert form.field.value() == "00:00"
    form.field.clear_action.trigger()
    assert form.field.value() == "" and form.edited[-1] == ""


def test_the_arrow_keys_step_the_hour_or_the_minute(qtbot, make):
    form = make()
    field = form.field
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Up)  # from no time: a first time to step from
    assert field.value() == "09:00"
    field.set_value("00:01")
    field.lineEdit().setCursorPosition(4)  # in the minutes
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.value() == "00:00"
    qtbot.keyClick(field, Qt.Key.Key_Down)  # midnight is the first time: no "No time"
    assert field.value() == "00:00"
    field.lineEdit().setCursorPosition(0)  # in the hours
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.value() == "01:00"


@pytest.mark.parametrize(("typed", "expected"), [
    ("18:30", (18, 30)), ("1830", (18, 30)), ("6 pm", (18, 0)), ("6.30 p.m.", (18, 30)),
    ("12:05 am", (0, 5)), ("7", (7, 0)), ("18h05", (18, 5)),
])
def test_reading_a_typed_time(qapp, typed, expected):
    assert read_time(typed, Words(QLocale("en_GB"))) == expected


@pytest.mark.parametrize("typed", ["25:10", "18:60", "13 pm", "noon", "1:2:3", ""])
def test_what_is_not_a_time_is_not_read(qapp, typed):
    with pytest.raises(TypedDateError):
        read_time(typed, Words(QLocale("en_GB")))
