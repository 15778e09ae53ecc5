"""The app's spacing, in one place: the margin around every tab's content, the gap between the
panes of a tab, and the height of a row in every list, so the tabs line up alike."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QWidget

#: Pixels between a tab's edge and its content, on every side.
MARGIN = 8
#: Pixels between the panes of a tab (beside a splitter's own handle) and between the
#: widgets of a bar of controls.
GAP = 6
#: Pixels a list's row adds to the height of a line of its text.
ROW_PADDING = 10


def tab_margins(layout: QLayout) -> QLayout:
    """Give a tab's outer layout the app's margin and spacing."""
    layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
    layout.setSpacing(GAP)
    return layout


def row_height(widget: QWidget, lines: int = 1) -> int:
    """The height of a list's row that shows ``lines`` lines of ``widget``'s text."""
    metrics = widget.fontMetrics()
    return metrics.height() + (lines - 1) * metrics.lineSpacing() + ROW_PADDING
