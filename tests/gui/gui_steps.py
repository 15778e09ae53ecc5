"""Steps the GUI tests take as a person would: pick a combo box item with the keyboard, open
a conversation from the Interviews list, wait for a list to show what was asked; and a window
to type into one field of the typed kind (a date or a time) and leave it."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

#: The longest a list may take to show what was asked for in a test.
LIST_TIMEOUT_S = 10.0


def settled(widget):
    """Wait until every list of ``widget`` (a tab, the window, or a list model itself)
    shows the newest rows asked for: lists read their rows off the GUI thread. Returns
    ``widget``."""
    from careerpivot.ui.itemmodels.paged import PagedTableModel

    models = ([widget] if isinstance(widget, PagedTableModel) else
              [m for m in widget.findChildren(QObject) if isinstance(m, PagedTableModel)])
    deadline = time.monotonic() + LIST_TIMEOUT_S
    while any(m.busy for m in models):
        assert time.monotonic() < deadline, "a list never showed what was asked for"
        QThreadPool.globalInstance().waitForDone(5)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return widget


def statements(action) -> list[str]:
    """The SQL statements ``action()`` runs on this thread's connection to the workspace."""
    from careerpivot.store.models import database

    seen: list[str] = []
    connection = database.connection()
    connection.set_trace_callback(seen.append)
    try:
        action()
    finally:
        connection.set_trace_callback(None)
    return seen


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
    tab = settled(where.show_tab("interviewsTab") if hasattr(where, "show_tab") else where)
    row = tab.model.row_of(interview_id)
    assert row >= 0
    tab.table.setFocus()
    tab.table.selectRow(row)
    qtbot.waitUntil(lambda: tab.editor.interview_id == interview_id)
    return tab.editor


class FieldForm(QWidget):
    """A window with the field and a line edit to move the focus to; it keeps what the field
    said it stored (``edited``) and its messages."""

    def __init__(self, field) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.field, self.other = field, QLineEdit()
        layout.addWidget(field)
        layout.addWidget(self.other)
        self.edited: list[str] = []
        self.messages: list[str] = []
        field.edited.connect(lambda: self.edited.append(field.value()))
        field.messageChanged.connect(self.messages.append)


def show_form(qtbot, field) -> FieldForm:
    """A :class:`FieldForm` around ``field``, shown and active (so focus moves happen)."""
    form = FieldForm(field)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def type_text(qtbot, widget, text: str) -> None:
    """Type like keyClicks, also characters QTest has no key for (ä, —, 王)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)


def type_and_leave(qtbot, form: FieldForm, text: str) -> None:
    """Tab into the form's field (which selects its text), type over it (nothing: delete
    it), Tab out."""
    form.other.setFocus(Qt.FocusReason.TabFocusReason)
    form.field.setFocus(Qt.FocusReason.TabFocusReason)
    if text:
        type_text(qtbot, form.field, text)
    else:
        qtbot.keyClick(form.field, Qt.Key.Key_Delete)
    form.other.setFocus(Qt.FocusReason.TabFocusReason)
