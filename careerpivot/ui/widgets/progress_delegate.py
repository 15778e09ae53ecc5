"""A delegate that draws a cell as a progress bar with its text beside it ("5 / 12").

The model gives ``(fraction, text)`` for :data:`PROGRESS_ROLE`: ``fraction`` from 0 to 1, or
None for "no measure" (the cell then shows its text like any other). The bar is drawn by the
current style with the view's palette, so it follows light and dark palettes and the
selection colours, and it stays legible in high contrast.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

#: The role a model answers with ``(fraction 0-1 or None, text)`` for a progress cell.
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1

#: The bar's steps (a QStyleOptionProgressBar works in integers).
_STEPS = 1000
#: Space around and between the bar and its text; the narrowest bar worth drawing.
_MARGIN, _MIN_BAR = 4, 24
#: The room kept for the text beside a bar, at least.
_TYPICAL_TEXT = "88 / 88"


class ProgressDelegate(QStyledItemDelegate):
    """Draws :data:`PROGRESS_ROLE` as a horizontal progress bar inside the cell."""

    def __init__(self, parent=None, *, show_text: bool = True) -> None:
        super().__init__(parent)
        self.show_text = show_text

    @staticmethod
    def progress(index: QModelIndex | QPersistentModelIndex) -> tuple[float | None, str]:
        value = index.data(PROGRESS_ROLE)
        if isinstance(value, tuple | list) and len(value) == 2:
            fraction, text = value
            if fraction is not None:
                fraction = min(max(float(fraction), 0.0), 1.0)
            return fraction, "" if text is None else str(text)
        return None, ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        fraction, text = self.progress(index)
        if fraction is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # the cell's background (selection, alternate rows), without its text
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        cell = option.rect.adjusted(_MARGIN, 0, -_MARGIN, 0)
        metrics = option.fontMetrics
        text_width = 0
        if self.show_text and text:
            # the same room for "5 / 12" and "67 / 67", so bars line up row after row
            text_width = max(metrics.horizontalAdvance(text),
                             metrics.horizontalAdvance(_TYPICAL_TEXT)) + 2
        gap = _MARGIN if text_width else 0
        bar_width = cell.width() - text_width - gap
        if bar_width >= _MIN_BAR:
            bar = QStyleOptionProgressBar()
            if widget is not None:
                bar.initFrom(widget)
            height = min(cell.height() - 6, max(metrics.height() - 2, 8))
            bar.rect = QRect(cell.left(), cell.top() + (cell.height() - height) // 2,
                             bar_width, height)
            bar.palette = QPalette(option.palette)
            bar.state = (option.state & QStyle.StateFlag.State_Enabled) | \
                QStyle.StateFlag.State_Horizontal
            bar.minimum, bar.maximum = 0, _STEPS
            bar.progress = round(fraction * _STEPS)
            bar.textVisible = False
            bar.direction = option.direction
            painter.save()
            try:
                style.drawControl(QStyle.ControlElement.CE_ProgressBarGroove, bar, painter,
                                  widget)
                style.drawControl(QStyle.ControlElement.CE_ProgressBarContents, bar, painter,
                                  widget)
            finally:
                painter.restore()
        else:
            text_width = cell.width()
        if text_width:
            # the text beside the bar, in the colour the view uses for this cell's text
            group = (QPalette.ColorGroup.Normal if option.state & QStyle.StateFlag.State_Enabled
                     else QPalette.ColorGroup.Disabled)
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            text_rect = QRect(cell.right() - text_width + 1, cell.top(), text_width,
                              cell.height())
            painter.save()
            try:
                painter.setPen(option.palette.color(group, role))
                painter.setFont(option.font)
                painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight
                                                | Qt.AlignmentFlag.AlignVCenter),
                                 metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                    text_width))
            finally:
                painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        fraction, text = self.progress(index)
        if fraction is None:
            return hint
        width = option.fontMetrics.horizontalAdvance(text) + _MIN_BAR * 2 + _MARGIN * 3
        return QSize(max(hint.width(), width), hint.height())
