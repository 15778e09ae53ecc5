"""Small pieces the detail forms of several tabs share: a bold heading, a quiet hint, a text
box as tall as its text, the translated name of a vocabulary entry, and a refresh of a bound
form that leaves alone what the user is typing.

Kept apart from the editors that use them, so that a tab needing only these pieces does not
load a whole editor (the interview editor, with its services and models) to get them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QWidget

from careerpivot.ui.widgets.forms import FormBinder


def refresh_binder(binder: FormBinder, values: dict[str, Any]) -> None:
    """Show fresh values of the row already loaded, leaving alone any field the user is in or
    has not finished storing."""
    binder.loading = True
    try:
        for field, binding in binder.fields.items():
            if field not in values or binding.pending or binding.editor.hasFocus():
                continue
            binding.set_value(values[field])
    finally:
        binder.loading = False


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class GrowingTextEdit(QPlainTextEdit):
    """A text box as tall as its text, between ``min_lines`` and ``max_lines`` (it scrolls
    beyond). Tab moves to the next field, as in a form."""

    #: Beyond this many characters the box simply takes its largest height.
    MEASURE_LIMIT = 20_000

    def __init__(self, min_lines: int = 2, max_lines: int = 16,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min, self._max = min_lines, max_lines
        self._width = -1
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._fit)
        self._fit()

    def _lines(self) -> int:
        text = self.toPlainText()
        if len(text) > self.MEASURE_LIMIT:
            return self._max
        # the viewport's width as it is without a scroll bar (the box grows rather than
        # scrolls until ``max_lines``), asked of the widget: the first call of viewport() in a
        # process has PySide make the Python classes of every kind of widget, about 10 ms
        width = (self.maximumViewportSize().width()
                 - 2 * int(self.document().documentMargin()) - 2)
        if width < 40:
            return self._min
        fm = self.fontMetrics()
        spacing = max(1, fm.lineSpacing())
        bounds = QRect(0, 0, width, 1 << 24)
        lines = 0
        for paragraph in text.split("\n"):
            if not paragraph.strip():
                lines += 1
                continue
            height = fm.boundingRect(bounds, int(Qt.TextFlag.TextWordWrap), paragraph).height()
            lines += max(1, -(-height // spacing))
            if lines >= self._max:
                break
        return lines

    def _fit(self) -> None:
        lines = min(max(self._lines(), self._min), self._max)
        margins = self.contentsMargins()
        height = (lines * self.fontMetrics().lineSpacing()
                  + 2 * int(self.document().documentMargin())
                  + margins.top() + margins.bottom() + 2)
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:
            self._width = event.size().width()
            self._fit()
