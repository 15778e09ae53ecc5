"""Steps the GUI tests take as a person would: pick a combo box item with the keyboard, open
a conversation from the Interviews list."""

from __future__ import annotations

from PySide6.QtCore import Qt


def choose(qtbot, combo, data) -> None:
    """Pick the item of ``combo`` whose data is ``data`` with the arrow keys."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def open_interview(qtbot, where, interview_id):
    """Select the conversation in the Interviews list (of ``where``, the tab or the main
    window) and wait until its editor shows it; returns the editor."""
    tab = where.show_tab("interviewsTab") if hasattr(where, "show_tab") else where
    row = tab.model.row_of(interview_id)
    assert row >= 0
    tab.table.setFocus()
    tab.table.selectRow(row)
    qtbot.waitUntil(lambda: tab.editor.interview_id == interview_id)
    return tab.editor
