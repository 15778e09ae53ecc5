"""The timeline's clickable items: a milestone's diamond and a contingency's flag."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from careerpivot.services.plan import MilestoneRow
from careerpivot.ui.widgets.timeline.geometry import DIAMOND
from careerpivot.ui.widgets.timeline.style import (
    MarkerPens,
    TimelineColors,
    cosmetic,
    draw_marker,
    paint_flag,
)


class MilestoneMarker(QGraphicsItem):
    """A milestone's diamond. Its hit area is larger than the drawing, so it is easy to
    click."""

    HIT = DIAMOND + 7.0
    _BOUNDS = QRectF(-HIT, -HIT, 2 * HIT, 2 * HIT)

    def __init__(self, milestone: MilestoneRow, pens: MarkerPens) -> None:
        super().__init__()
        self.milestone_id = milestone.id
        self.status = milestone.status
        self.overdue = milestone.overdue
        self.selected = False
        self._pens = pens
        self._style = pens.style(milestone.status, milestone.overdue)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:
        return self._BOUNDS

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(self._BOUNDS)
        return path

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        # the view's painter antialiases already
        draw_marker(painter, self._pens, self._style, self.overdue, self.selected)


class ContingencyFlag(QGraphicsItem):
    """A contingency's check date: a small flag on a pole."""

    def __init__(self, contingency_id: int, colors: TimelineColors) -> None:
        super().__init__()
        self.contingency_id = contingency_id
        self.colors = colors
        self.selected = False
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:
        return QRectF(-12, -13, 26, 26)

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(cosmetic(self.colors.highlight, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(2, 0), 11, 11)
        paint_flag(painter, self.colors)
