"""A combo box over thousands of choices (ChoicesModel): it offers every item, finds them at
once, and keeps what it shows when a list that came later is put in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from careerpivot.ui.widgets.choices import ChoicesModel

PEOPLE = [(f"Person {i:04d}", i) for i in range(3000)]


def combo_with(qtbot, *, editable: bool = False) -> tuple[QComboBox, ChoicesModel]:
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.setEditable(editable)
    choices = ChoicesModel(combo)
    choices.attach(combo)
    return combo, choices


def texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_items_are_offered_and_found(qtbot, qtmodeltester):
    combo, choices = combo_with(qtbot)
    choices.set_items([("Anyone", -1), *PEOPLE])
    assert combo.count() == 3001
    assert combo.findData(2999) == 3000 and combo.findText("Person 0042") == 43
    assert combo.findData(5000) == -1 and combo.findText("person 0042") == -1
    assert combo.findText("person 0042", Qt.MatchFlag.MatchFixedString) == 43
    combo.setCurrentIndex(combo.findData(7))
    assert combo.currentText() == "Person 0007" and combo.currentData() == 7
    choices.hide_value(7)  # someone who cannot be chosen here
    assert combo.findData(7) == -1 and combo.count() == 3000
    qtmodeltester.check(choices)
    choices.hide_value(8)  # the one left out before comes back
    assert combo.findData(7) == 8 and combo.findData(8) == -1
    assert combo.itemText(9) == "Person 0009" and combo.count() == 3000
    choices.hide_value(None)
    assert texts(combo) == ["Anyone", *(text for text, _value in PEOPLE)]


def test_a_list_that_comes_later_keeps_what_the_combo_shows(qtbot):
    combo, choices = combo_with(qtbot, editable=True)
    asked = []

    def everyone():
        asked.append(True)
        return [("Anyone", -1), *PEOPLE]

    choices.set_items([("Anyone", -1), ("Person 1500", 1500)], later=everyone)
    combo.setCurrentIndex(1)
    assert combo.currentText() == "Person 1500" and not asked
    combo.lineEdit().setText("Person 15")  # being typed: must stay
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_End)  # the user reaches for it
    assert asked == [True]
    assert texts(combo) == ["Anyone", *(text for text, _value in PEOPLE)]
    assert combo.currentData() == 1500 and combo.lineEdit().text() == "Person 15"


def test_a_choice_not_there_yet_is_looked_for_in_the_whole_list(qtbot):
    combo, choices = combo_with(qtbot)
    choices.set_items([], later=lambda: PEOPLE)
    assert combo.count() == 0
    assert combo.findData(1234) == 1234
    assert combo.count() == 3000
    # an item of now that the whole list lacks (an archived person) stays where it was
    choices.set_items([("Person 0000", 0), ("Archived", -5)], later=lambda: PEOPLE[:3])
    choices.complete()
    assert texts(combo) == ["Person 0000", "Archived", "Person 0001", "Person 0002"]
