"""The icons and names of an assumption's status and of a verdict: each status has its own
shape (a tick, a cross, a diamond, a hollow ring) and colour, so colour is never the only cue.
Used by the Paths tab's lists, the readiness list and the interview editor's evidence page."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from careerpivot.core import vocab
from careerpivot.ui.i18n import vocab_name

#: Colours of the status icons (each also has its own shape, so colour is never the only cue).
STATUS_COLORS = {
    "supported": QColor("#2e7d32"),
    "challenged": QColor("#c62828"),
    "contested": QColor("#b26a00"),
    "untested": QColor("#757575"),
    "nuanced": QColor("#1565c0"),
    # a teal that stands out from the other four and reads on light and dark rows alike
    "triangulated": QColor("#00838f"),
}

_icons: dict[str, QIcon] = {}


def _paint_icon(kind: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = STATUS_COLORS.get(kind, STATUS_COLORS["untested"])
    s = float(size)
    m = s * 0.08
    box = QRectF(m, m, s - 2 * m, s - 2 * m)
    white = QPen(QColor("white"), max(1.5, s * 0.13), Qt.PenStyle.SolidLine,
                 Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    if kind == "supported":  # filled disc with a tick
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawEllipse(box)
        p.setPen(white)
        p.drawPolyline([QPointF(s * 0.28, s * 0.52), QPointF(s * 0.44, s * 0.68),
                        QPointF(s * 0.72, s * 0.34)])
    elif kind == "challenged":  # filled disc with a cross
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawEllipse(box)
        p.setPen(white)
        p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67))
        p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67))
    elif kind == "contested":  # a diamond with an exclamation mark
        path = QPainterPath()
        path.moveTo(s / 2, m)
        path.lineTo(s - m, s / 2)
        path.lineTo(s / 2, s - m)
        path.lineTo(m, s / 2)
        path.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawPath(path)
        p.setPen(white)
        p.drawLine(QPointF(s / 2, s * 0.3), QPointF(s / 2, s * 0.55))
        p.drawPoint(QPointF(s / 2, s * 0.7))
    elif kind == "nuanced":  # filled disc with a wave
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawEllipse(box)
        p.setPen(white)
        p.setBrush(Qt.BrushStyle.NoBrush)
        wave = QPainterPath(QPointF(s * 0.27, s * 0.55))
        wave.cubicTo(QPointF(s * 0.38, s * 0.3), QPointF(s * 0.5, s * 0.7),
                     QPointF(s * 0.73, s * 0.45))
        p.drawPath(wave)
    elif kind == "triangulated":  # a triangle of three dots joined
        pen = QPen(color, max(1.2, s * 0.09))
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        a, b, c = QPointF(s / 2, s * 0.16), QPointF(s * 0.14, s * 0.8), QPointF(s * 0.86, s * 0.8)
        p.drawPolygon([a, b, c])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        r = s * 0.13
        for point in (a, b, c):
            p.drawEllipse(point, r, r)
    else:  # untested: a hollow, dashed ring
        # as heavy a line as the other glyphs' and short gaps: on a light or a dark row it
        # reads as plainly as the filled ones (its grey contrasts with both as theirs do)
        pen = QPen(color, max(2.0, s * 0.17), Qt.PenStyle.CustomDashLine,
                   Qt.PenCapStyle.FlatCap)
        pen.setDashPattern([2.0, 0.8])
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(box.adjusted(s * 0.06, s * 0.06, -s * 0.06, -s * 0.06))
    p.end()
    return pixmap


def status_icon(kind: str) -> QIcon:
    """The icon of an assumption status, a verdict ("nuanced" too) or "triangulated"."""
    icon = _icons.get(kind)
    if icon is None:
        icon = QIcon()
        for size in (16, 24, 32, 48):
            icon.addPixmap(_paint_icon(kind, size))
        _icons[kind] = icon
    return icon


def status_name(status: str) -> str:
    return vocab_name(vocab.ASSUMPTION_STATUSES.get(status, status))


def verdict_name(verdict: str) -> str:
    return vocab_name(vocab.VERDICTS.get(verdict, verdict))
