"""The timeline's colours, derived from the palette (a dark palette gives a dark timeline),
and the painting of a milestone's diamond and a contingency's flag: with cosmetic pens, for the
scene's items and for the legend's samples alike."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette, QPen

from careerpivot.ui.widgets.timeline.geometry import DIAMOND


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def warning_color(palette: QPalette) -> QColor:
    """A red-orange that reads on this palette's base (lighter on dark backgrounds)."""
    return QColor.fromHslF(0.02, 0.80, 0.66 if is_dark(palette) else 0.42)


@dataclasses.dataclass(frozen=True)
class TimelineColors:
    background: QColor
    lane_alt: QColor
    text: QColor
    muted: QColor
    grid: QColor
    grid_strong: QColor
    band_fill: QColor
    band_fill_selected: QColor
    band_border: QColor
    highlight: QColor
    highlight_text: QColor
    planned_fill: QColor
    progress_fill: QColor
    done_fill: QColor
    missed_fill: QColor
    warning: QColor
    today: QColor


def timeline_colors(palette: QPalette) -> TimelineColors:
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    dark = is_dark(palette)
    return TimelineColors(
        background=base,
        lane_alt=_mix(base, text, 0.035 if dark else 0.025),
        text=text,
        muted=_mix(text, base, 0.42),
        grid=_mix(base, text, 0.10 if dark else 0.08),
        grid_strong=_mix(base, text, 0.28 if dark else 0.22),
        band_fill=_mix(base, highlight, 0.22 if dark else 0.14),
        band_fill_selected=_mix(base, highlight, 0.36 if dark else 0.26),
        band_border=_mix(base, highlight, 0.60 if dark else 0.50),
        highlight=highlight,
        highlight_text=palette.color(QPalette.ColorRole.HighlightedText),
        planned_fill=base,
        progress_fill=highlight,
        done_fill=QColor.fromHslF(0.38, 0.45, 0.55 if dark else 0.36),
        missed_fill=_mix(text, base, 0.55),
        warning=warning_color(palette),
        today=QColor.fromHslF(0.58, 0.75, 0.65 if dark else 0.42),
    )


def cosmetic(color: QColor, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine
             ) -> QPen:
    pen = QPen(color, width, style)
    pen.setCosmetic(True)
    return pen


def diamond_path(radius: float) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(0, -radius)
    path.lineTo(radius, 0)
    path.lineTo(0, radius)
    path.lineTo(-radius, 0)
    path.closeSubpath()
    return path


_DIAMOND_PATH = diamond_path(DIAMOND)
_RING_PATH = diamond_path(DIAMOND + 3.5)


def marker_style(status: str, overdue: bool, colors: TimelineColors) -> tuple[QColor, QColor]:
    """(fill, outline) of a milestone's diamond."""
    if overdue:
        return colors.warning, colors.warning.darker(140)
    if status == "done":
        return colors.done_fill, colors.done_fill.darker(130)
    if status == "in_progress":
        return colors.progress_fill, colors.progress_fill.darker(130)
    if status == "missed":
        return colors.missed_fill, colors.missed_fill
    return colors.planned_fill, colors.text


class MarkerPens:
    """The pens and brushes markers are drawn with in one set of colours: made once per
    layout, not at every paint of every marker."""

    def __init__(self, colors: TimelineColors) -> None:
        self.highlight = cosmetic(colors.highlight, 2.0)
        self.ring = cosmetic(colors.warning, 1.2)
        self.no_brush = QBrush(Qt.BrushStyle.NoBrush)
        self._colors = colors
        self._styles: dict[tuple[str, bool], tuple[QPen, QBrush]] = {}

    def style(self, status: str, overdue: bool) -> tuple[QPen, QBrush]:
        """(outline, fill) of a marker."""
        found = self._styles.get((status, overdue))
        if found is None:
            fill, outline = marker_style(status, overdue, self._colors)
            found = self._styles[(status, overdue)] = (cosmetic(outline, 1.5), QBrush(fill))
        return found


def draw_marker(painter: QPainter, pens: MarkerPens, style: tuple[QPen, QBrush],
                 overdue: bool, selected: bool) -> None:
    if selected:
        painter.setPen(pens.highlight)
        painter.setBrush(pens.no_brush)
        painter.drawEllipse(QPointF(0, 0), DIAMOND + 4.5, DIAMOND + 4.5)
    if overdue:
        painter.setPen(pens.ring)
        painter.setBrush(pens.no_brush)
        painter.drawPath(_RING_PATH)
    painter.setPen(style[0])
    painter.setBrush(style[1])
    painter.drawPath(_DIAMOND_PATH)


def paint_marker(painter: QPainter, status: str, overdue: bool, colors: TimelineColors,
                 selected: bool = False) -> None:
    """A milestone's diamond centred on (0, 0): overdue ones also get a ring (shape, not
    colour alone); the selected one a highlight circle."""
    pens = MarkerPens(colors)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    draw_marker(painter, pens, pens.style(status, overdue), overdue, selected)


def paint_flag(painter: QPainter, colors: TimelineColors) -> None:
    """A contingency's flag with its pole's foot at (0, 10)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(cosmetic(colors.text, 1.5))
    painter.drawLine(QPointF(0, -8), QPointF(0, 9))
    flag = QPainterPath()
    flag.moveTo(0, -8)
    flag.lineTo(10, -4)
    flag.lineTo(0, 0)
    flag.closeSubpath()
    painter.setPen(cosmetic(colors.muted, 1.0))
    painter.setBrush(QBrush(colors.muted))
    painter.drawPath(flag)
