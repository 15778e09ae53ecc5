"""What every list, page and chart of the app shows when it has nothing to show: one sentence
that says what belongs there, and the button of the action that adds it (:class:`EmptyState`).

One widget for all of them, so an empty Network, an empty Development list and an empty chart
look and read alike: a short bold title (optional), the sentence in the normal text colour (not
greyed out: it is the most useful thing on the page), and the primary action below it. The
texts come from the page that shows the widget, through its own ``tr()``."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from careerpivot.ui.widgets.spacing import GAP, MARGIN

#: The widest the sentence runs before it wraps, in average characters (a comfortable line).
LINE_CHARS = 70


class EmptyState(QWidget):
    """An empty list's sentence and action. ``actionTriggered`` when its button is clicked.

    The object name ``name`` names the widget; its parts are ``<name>Title``,
    ``<name>Text`` and ``<name>Button``. ``compact`` drops the title and the outer margin (a
    chart card, a small pane)."""

    actionTriggered = Signal()

    def __init__(self, parent: QWidget | None = None, *, name: str, text: str = "",
                 action: str = "", title: str = "", compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(self)
        margin = 0 if compact else MARGIN * 2
        box.setContentsMargins(margin, margin, margin, margin)
        box.setSpacing(GAP)
        box.addStretch(1)
        self.title_label = QLabel(self)
        self.title_label.setObjectName(f"{name}Title")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        box.addWidget(self.title_label)
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}Text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        # as wide as the page up to a comfortable line, centred: in a row between two
        # stretches (an alignment flag would keep the label at its narrow size hint and cut
        # its lines)
        self.label.setMaximumWidth(self.fontMetrics().averageCharWidth() * LINE_CHARS)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.label.setSizePolicy(policy)
        line = QHBoxLayout()
        line.addStretch(1)
        line.addWidget(self.label, 100)
        line.addStretch(1)
        box.addLayout(line)
        self.button = QPushButton(self)
        self.button.setObjectName(f"{name}Button")
        self.button.clicked.connect(lambda: self.actionTriggered.emit())
        box.addSpacing(GAP)
        box.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.set_title(title)
        self.setText(text)
        self.set_action(action)

    # --- size ------------------------------------------------------------------------------
    def minimumSizeHint(self) -> QSize:
        """At least as tall as its title, its sentence wrapped to the width it has, and its
        button: a short pane gives way above or below it rather than cutting its lines. (A
        page not shown keeps the least size of its parts: its width is not known.)"""
        hint = super().minimumSizeHint()
        if self.isVisible() and self.width() > 0:
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the sentence wraps anew: the least height changed

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.updateGeometry()  # (shown: its least height counts now)

    # the sentence reads and writes like a label's text, so the pages and their tests treat
    # the empty state as they treated the label it replaced
    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))

    def title(self) -> str:
        return self.title_label.text()

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)
        self.title_label.setVisible(bool(title))

    def set_content(self, title: str, text: str, action: str | None = None) -> None:
        """Say something else (``action`` None keeps the button as it is)."""
        self.set_title(title)
        self.setText(text)
        if action is not None:
            self.set_action(action)

    def set_action(self, text: str) -> None:
        """The button's text; no text hides the button (nothing to do here)."""
        self.button.setText(text)
        self.button.setVisible(bool(text))

    def set_action_enabled(self, enabled: bool) -> None:
        """A read-only workspace says the same, without an action that cannot be done."""
        self.button.setEnabled(enabled)
