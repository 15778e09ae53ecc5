"""A text box as tall as its text (GrowingTextEdit): it grows with what is typed up to its
largest height, then scrolls, and follows its width."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from careerpivot.ui.widgets.form_parts import GrowingTextEdit


@pytest.fixture
def box(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    edit = GrowingTextEdit(2, 6)
    QVBoxLayout(window).addWidget(edit)
    window.resize(480, 600)
    window.show()
    qtbot.waitExposed(window)
    return window, edit


def lines_high(edit: GrowingTextEdit) -> float:
    return edit.height() / edit.fontMetrics().lineSpacing()


def test_it_grows_with_its_text_up_to_its_largest_height(box, qtbot):
    _window, edit = box
    empty = edit.height()
    assert 2 <= lines_high(edit) < 3
    edit.setPlainText("one\ntwo\nthree\nfour")
    assert edit.height() > empty and 4 <= lines_high(edit) < 5
    edit.setPlainText("\n".join(f"line {n}" for n in range(40)))
    assert 6 <= lines_high(edit) < 7  # the largest height: the rest scrolls
    edit.setPlainText("short")
    assert edit.height() == empty


def test_a_long_paragraph_wraps_to_the_width(box, qtbot):
    window, edit = box
    edit.setPlainText("a sentence of several words " * 8)
    wide = edit.height()
    window.resize(240, 600)
    qtbot.waitUntil(lambda: edit.height() > wide)
    assert lines_high(edit) <= 7
