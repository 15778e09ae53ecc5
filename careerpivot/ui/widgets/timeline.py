"""The plan drawn as a timeline: phases as bands, milestones as diamonds, today's line.

Drawn with QGraphicsView so that it scrolls, hit-tests and maps positions for free, and
paints only the items in view. Zooming changes the number of pixels per day and lays the
scene out again (it does not scale the view), so text, pens and markers keep their size and
stay sharp; every pen is cosmetic and nothing is cached as a pixmap, so a high-DPI screen gets
vector-crisp lines and text. All colours derive from the widget's palette, so a dark palette
gives a dark timeline.

The layout is computed when the plan, the scale or the view's width changes, never while
painting: a marker's paint only draws with pens and shapes made once per layout, and
tooltips are written when one is asked for. Fitting the plan to the view takes the vertical
scroll bar its lanes will need into account, so the first showing is laid out once.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as _dt
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import clock, vocab
from careerpivot.core import plan as plan_rules
from careerpivot.services.plan import ContingencyRow, MilestoneRow, PhaseRow, PlanOverview

# --- geometry (device-independent pixels) -----------------------------------------------------

LEFT, RIGHT = 16.0, 24.0
AXIS_H = 40.0  # years row and months row
LANE_H = 70.0  # name row, then the band with markers and their titles above and below
BAND_TOP, BAND_BOTTOM = 19.0, 68.0
MARKER_Y = 44.0
LABEL_ABOVE_Y, LABEL_BELOW_Y = 21.0, 51.0  # tops of the two rows of titles
LABEL_INSET = 4.0  # a title starts this far left of its diamond's centre
LABEL_GAP = 8.0
MAX_LABEL = 260.0
CONTINGENCY_H = 30.0  # a strip of flags at the foot
BOTTOM = 12.0
DIAMOND = 6.5  # half of the diagonal
MIN_LABEL = 56.0  # narrower than this, a title is left to the tooltip

MIN_PX_PER_DAY = 0.25
MAX_PX_PER_DAY = 24.0
ZOOM_STEP = 1.25


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


def _draw_marker(painter: QPainter, pens: MarkerPens, style: tuple[QPen, QBrush],
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
    _draw_marker(painter, pens, pens.style(status, overdue), overdue, selected)


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
        _draw_marker(painter, self._pens, self._style, self.overdue, self.selected)


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


def place_labels(xs: Sequence[float], widths: Sequence[float], left: float, right: float
                 ) -> list[tuple[int, float, float, bool] | None]:
    """Where the titles of markers at ``xs`` (ascending) go: ``(row, start, width,
    ends_at_marker)`` or None
    (left to the tooltip). Two rows (0 under the markers, 1 over them); a title starts at its
    marker and runs right, or ends at its marker and runs left, whichever keeps the most
    later markers free; when neither fits, the row's previous title is shortened to make
    room, down to :data:`MIN_LABEL`. Titles in one row never overlap.

    ``widths`` are the titles' natural widths; one is read only when its title could be
    placed, so a sequence that measures on demand measures few titles where markers crowd."""
    rows: list[list[list[float]]] = [[], []]  # per row: [start, end, index, runs left]
    result: list[tuple[int, float, float, bool] | None] = []
    count = len(xs)

    def free(row: int, a: float, b: float, skip: int = 0) -> bool:
        placed = rows[row][:len(rows[row]) - skip]
        return all(b + LABEL_GAP <= s or a >= e + LABEL_GAP for s, e, _i, _d in placed)

    def covered(row: int, point: float) -> bool:
        """The row's last title (or its gap) covers ``point``: no title starting or ending
        there fits, whatever its width."""
        if not rows[row]:
            return False
        s, e, _i, _d = rows[row][-1]
        return s < point + LABEL_GAP and point < e + LABEL_GAP

    for index, x in enumerate(xs):
        natural: float | None = None
        candidates = []
        for row in (0, 1):
            for direction, point in enumerate((x - LABEL_INSET, x + LABEL_INSET)):
                if covered(row, point):
                    continue
                if natural is None:
                    natural = widths[index]
                a, b = (point, point + natural) if direction == 0 else (point - natural, point)
                if a < left or b > right or not free(row, a, b):
                    continue
                # the later markers the title would cover
                blocked = bisect.bisect_right(xs, b, index + 1, count) \
                    - bisect.bisect_left(xs, a, index + 1, count)
                candidates.append((blocked, direction, row, a, b))
        if candidates:
            _blocked, direction, row, a, b = min(candidates)
            rows[row].append([a, b, index, direction])
            result.append((row, a, b - a, bool(direction)))
            continue
        # Shorten the previous title (running right) of the row that keeps most of it.
        start = x - LABEL_INSET
        best = None
        for row in (0, 1):
            if not rows[row]:
                continue
            last = rows[row][-1]
            room = min(start - LABEL_GAP - last[0], last[1] - last[0])
            if last[3] or room < MIN_LABEL or right - start < MIN_LABEL:
                continue
            if natural is None:
                natural = widths[index]
            width = min(natural, right - start)
            if width >= MIN_LABEL and (best is None or room > best[1]) \
                    and free(row, start, start + width, skip=1):
                best = (row, room, width)
        if best is None or best[2] < MIN_LABEL:
            result.append(None)
            continue
        row, room, width = best
        last = rows[row][-1]
        last[1] = last[0] + room
        previous = int(last[2])
        result[previous] = (row, last[0], room, False)
        rows[row].append([start, start + width, index, 0])
        result.append((row, start, width, False))
    return result


class TitleWidths(Sequence[float]):
    """The widths of milestone titles for :func:`place_labels` (at most ``cap``), each
    measured when first read and remembered in ``known`` (by title and boldness) for later
    layouts."""

    def __init__(self, titles: list[tuple[str, bool]], metrics: tuple[QFontMetricsF, ...],
                 known: dict[tuple[str, bool], float], cap: float) -> None:
        self._titles = titles
        self._metrics = metrics
        self._known = known
        self._cap = cap

    def __len__(self) -> int:
        return len(self._titles)

    def __getitem__(self, index: int) -> float:  # type: ignore[override]
        return min(self.natural(index), self._cap)

    def natural(self, index: int) -> float:
        """The whole title's width."""
        key = self._titles[index]
        width = self._known.get(key)
        if width is None:
            width = self._known[key] = self._metrics[key[1]].horizontalAdvance(key[0])
        return width


# --- the view --------------------------------------------------------------------------------


class _TimelineScene(QGraphicsScene):
    """The timeline's scene: the tooltip of a milestone, a phase or a contingency is written
    when one is asked for (``TimelineView.tip``), not for every item at each layout. An item
    with a tooltip of its own (today's) shows that."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view)
        self._view = view

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        for item in self.items(event.scenePos()):
            if item.toolTip():
                break
            data = item.data(0)
            if isinstance(data, tuple) and len(data) == 2:
                text = self._view.tip(data[0], int(data[1]))
                if text:
                    QToolTip.showText(event.screenPos(), text, event.widget())
                    event.accept()
                    return
                break
        super().helpEvent(event)


def _phase_period(phase: PhaseRow) -> tuple[_dt.date | None, _dt.date | None, bool]:
    """(start, end, open-ended) of a phase's band; a missing side is taken from its
    milestones (or 30 days) and marked open."""
    start, end = phase.start_date, phase.end_date
    if start is not None and end is not None:
        return start, end, False
    dues = [m.due_date for m in phase.milestones if m.due_date is not None]
    if start is None and end is None:
        if not dues:
            return None, None, True
        return min(dues), max(dues), True
    if start is None:
        assert end is not None
        start = min([*dues, end - _dt.timedelta(days=30)])
    else:
        end = max([*dues, start + _dt.timedelta(days=30)])
    return start, end, True


class TimelineView(QGraphicsView):
    milestoneClicked = Signal(int)
    phaseClicked = Signal(int)
    contingencyClicked = Signal(int)
    scaleChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTimelineView")
        self.setAccessibleName(self.tr("Plan timeline"))
        self._scene = _TimelineScene(self)
        self.setScene(self._scene)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._overview: PlanOverview | None = None
        self._px_per_day = 2.0
        self._fit_mode = True
        self._origin = clock.today()
        self._days = 0
        self._selected: tuple[str, int] | None = None
        self._markers: dict[int, MilestoneMarker] = {}
        self._labels: dict[int, QGraphicsSimpleTextItem] = {}
        self._bands: dict[int, QGraphicsRectItem] = {}
        self._flags: dict[int, ContingencyFlag] = {}
        self._colors = timeline_colors(self.palette())
        self._building = False
        # the widths of milestone titles, kept while the font stays (zooming measures again)
        self._title_font = QFont()
        self._title_widths: dict[tuple[str, bool], float] = {}

    # --- public ----------------------------------------------------------------------------
    @property
    def px_per_day(self) -> float:
        return self._px_per_day

    def set_plan(self, overview: PlanOverview) -> None:
        self._overview = overview
        keep = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        origin = self._origin
        if self._fit_mode:
            self._px_per_day = self._fit_scale()
        self._rebuild()
        if not self._fit_mode:
            shift = (origin - self._origin).days * self._px_per_day
            self.horizontalScrollBar().setValue(round(keep[0] + shift))
        self.verticalScrollBar().setValue(keep[1])

    def marker(self, milestone_id: int) -> MilestoneMarker | None:
        return self._markers.get(milestone_id)

    def band(self, phase_id: int) -> QGraphicsRectItem | None:
        return self._bands.get(phase_id)

    def flag(self, contingency_id: int) -> ContingencyFlag | None:
        return self._flags.get(contingency_id)

    def label(self, milestone_id: int) -> QGraphicsSimpleTextItem | None:
        return self._labels.get(milestone_id)

    def selected(self) -> tuple[str, int] | None:
        return self._selected

    def select(self, kind: str | None, item_id: int | None = None, *,
               reveal: bool = True) -> None:
        """Highlight a milestone, a phase or a contingency ("milestone", "phase",
        "contingency"); None clears."""
        previous = self._selected
        self._selected = (kind, int(item_id)) if kind and item_id is not None else None
        self._apply_selection(previous)
        if reveal and self._selected is not None:
            item: QGraphicsItem | None = None
            if self._selected[0] == "milestone":
                item = self._markers.get(self._selected[1])
            elif self._selected[0] == "phase":
                item = self._bands.get(self._selected[1])
            elif self._selected[0] == "contingency":
                item = self._flags.get(self._selected[1])
            if item is not None:
                self.ensureVisible(item, 40, 20)

    def x_for(self, day: _dt.date) -> float:
        return LEFT + (day - self._origin).days * self._px_per_day

    def date_at(self, x: float) -> _dt.date:
        return self._origin + _dt.timedelta(days=round((x - LEFT) / self._px_per_day))

    def set_scale(self, px_per_day: float, anchor: float | None = None) -> None:
        """Zoom to ``px_per_day``, keeping the date under viewport x ``anchor`` (default:
        the middle) where it is."""
        px_per_day = max(MIN_PX_PER_DAY, min(MAX_PX_PER_DAY, px_per_day))
        self._fit_mode = False
        if abs(px_per_day - self._px_per_day) < 1e-9:
            return
        if anchor is None:
            anchor = self.viewport().width() / 2
        scene_x = self.mapToScene(QPoint(round(anchor), 0)).x()
        days = (scene_x - LEFT) / self._px_per_day
        self._px_per_day = px_per_day
        self._rebuild()
        new_x = LEFT + days * px_per_day
        self.horizontalScrollBar().setValue(round(new_x - anchor))
        self.scaleChanged.emit(px_per_day)

    def zoom_in(self) -> None:
        self.set_scale(self._px_per_day * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_scale(self._px_per_day / ZOOM_STEP)

    def fit(self) -> None:
        """Show the whole plan in the width of the view."""
        self._fit_mode = True
        scale = self._fit_scale()
        changed = abs(scale - self._px_per_day) > 1e-9
        self._px_per_day = scale
        self._rebuild()
        self.horizontalScrollBar().setValue(0)
        if changed:
            self.scaleChanged.emit(scale)

    def scroll_to_today(self) -> None:
        if self._overview is None:
            return
        x = self.x_for(self._overview.today)
        self.horizontalScrollBar().setValue(round(x - self.viewport().width() / 2))

    # --- layout ----------------------------------------------------------------------------
    def _span(self) -> tuple[_dt.date, _dt.date]:
        overview = self._overview
        today = overview.today if overview else clock.today()
        dates: list[_dt.date | None] = []
        if overview is not None:
            for phase in overview.phases:
                dates += [phase.start_date, phase.end_date]
                dates += [m.due_date for m in phase.milestones]
            dates += [c.trigger_date for c in overview.contingencies]
        return plan_rules.plan_span(dates, today)

    def _fit_scale(self) -> float:
        first, last = self._span()
        days = max(1, (last - first).days)
        width = max(100.0, self._fit_width() - LEFT - RIGHT - 1)
        return max(MIN_PX_PER_DAY, min(MAX_PX_PER_DAY, width / days))

    def _fit_width(self) -> int:
        """The viewport's width once the plan is in it: the whole view, less a vertical scroll
        bar when the lanes are taller than the view. (The viewport's width as it is would
        change when the scroll bar comes or goes, and the plan be laid out again.)"""
        room = self.maximumViewportSize()
        width = room.width()
        if self.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded \
                and self._scene_height() > room.height():
            width -= self.verticalScrollBar().sizeHint().width()
        return width

    def _scene_height(self) -> float:
        overview = self._overview
        if overview is None or not overview.phases:
            return 80.0
        dated = any(c.trigger_date for c in overview.contingencies)
        return AXIS_H + len(overview.phases) * LANE_H + (CONTINGENCY_H if dated else 0) \
            + BOTTOM

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        normal = QFont(self.font())
        small = QFont(normal)
        size = normal.pointSizeF()
        if size > 0:
            small.setPointSizeF(max(8.0, size * 0.88))
        bold = QFont(normal)
        bold.setBold(True)
        return normal, small, bold

    def _text(self, text: str, font: QFont, color: QColor, x: float, y: float,
              z: float = 3.0) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text)
        item.setFont(font)
        item.setBrush(QBrush(color))
        item.setPos(x, y)
        item.setZValue(z)
        self._scene.addItem(item)
        return item

    def _line(self, x1: float, y1: float, x2: float, y2: float, pen: QPen,
              z: float = 1.0) -> QGraphicsLineItem:
        item = self._scene.addLine(x1, y1, x2, y2, pen)
        item.setZValue(z)
        return item

    def _rebuild(self) -> None:
        if self._building:
            return
        self._building = True
        try:
            self._build()
        finally:
            self._building = False

    def _build(self) -> None:
        scene = self._scene
        scene.clear()
        self._markers, self._labels, self._bands, self._flags = {}, {}, {}, {}
        colors = self._colors = timeline_colors(self.palette())
        scene.setBackgroundBrush(QBrush(colors.background))
        normal, small, bold = self._fonts()
        overview = self._overview
        if overview is None or not overview.phases:
            scene.setSceneRect(0, 0, max(1, self.viewport().width() - 2), 80)
            self._text(self.tr("Add a phase to see the plan on a timeline."), normal,
                       colors.muted, LEFT, 28)
            return
        first, last = self._span()
        self._origin, self._days = first, (last - first).days
        width = LEFT + self._days * self._px_per_day + RIGHT
        lanes = len(overview.phases)
        dated_contingencies = [c for c in overview.contingencies if c.trigger_date]
        height = self._scene_height()
        scene.setSceneRect(0, 0, width, height)

        # lane backgrounds, alternating, so a lane reads across the width
        for lane in range(lanes):
            if lane % 2:
                rect = scene.addRect(QRectF(0, AXIS_H + lane * LANE_H, width, LANE_H),
                                     QPen(Qt.PenStyle.NoPen), QBrush(colors.lane_alt))
                rect.setZValue(0)
        self._draw_axis(first, last, width, height, small, bold, colors)
        pens = MarkerPens(colors)
        for lane, phase in enumerate(overview.phases):
            self._draw_phase(phase, AXIS_H + lane * LANE_H, normal, small, bold, colors, pens)
        if dated_contingencies:
            top = AXIS_H + lanes * LANE_H
            self._line(0, top, width, top, cosmetic(colors.grid_strong), 1)
            self._draw_contingencies(dated_contingencies, top, small, bold, colors)
        self._draw_today(overview.today, height, small, colors)
        self._apply_selection(None)
        self.setAccessibleDescription(self.tr(
            "{0} phases and {1} milestones from {2} to {3}; {4} overdue.").format(
                lanes, len(overview.milestones()), first.isoformat(), last.isoformat(),
                overview.overdue))

    def _draw_axis(self, first: _dt.date, last: _dt.date, width: float, height: float,
                   small: QFont, bold: QFont, colors: TimelineColors) -> None:
        locale = QLocale()
        metrics = QFontMetricsF(small)
        month_px = 30.44 * self._px_per_day
        every = 1 if month_px >= 44 else 3 if month_px >= 16 else 12
        self._line(0, AXIS_H - 0.5, width, AXIS_H - 0.5, cosmetic(colors.grid_strong), 2)
        months = plan_rules.month_starts(first, last)
        for month in months:
            x = self.x_for(month)
            january = month.month == 1
            labelled = (month.month - 1) % every == 0
            pen = cosmetic(colors.grid_strong if january else colors.grid)
            self._line(x, AXIS_H if labelled else AXIS_H - 6, x,
                       height - BOTTOM if labelled or every == 1 else AXIS_H, pen, 1)
            if labelled:
                self._line(x, 20, x, AXIS_H, cosmetic(colors.grid_strong), 2)
                if every < 12:
                    name = locale.monthName(month.month, QLocale.FormatType.ShortFormat)
                    if metrics.horizontalAdvance(name) + 8 <= month_px * every:
                        self._text(name, small, colors.muted, x + 4, 22)
        # years: at each January, and at the left edge for the first (partial) year
        years = [m for m in months if m.month == 1]
        starts = [(first, LEFT)] if not months or months[0].month != 1 else []
        starts += [(m, self.x_for(m)) for m in years]
        for index, (day, x) in enumerate(starts):
            text = str(day.year)
            room = (starts[index + 1][1] if index + 1 < len(starts) else width) - x
            if QFontMetricsF(bold).horizontalAdvance(text) + 8 <= room:
                self._text(text, bold, colors.text, x + 4, 3)

    def _draw_today(self, today: _dt.date, height: float, small: QFont,
                    colors: TimelineColors) -> None:
        x = self.x_for(today)
        # over the bands, under the titles and markers
        self._line(x, 18, x, height - BOTTOM, cosmetic(colors.today, 2.0), 3.5)
        text = self.tr("Today")
        metrics = QFontMetricsF(small)
        w, h = metrics.horizontalAdvance(text) + 10, metrics.height() + 2
        pill = QPainterPath()
        pill.addRoundedRect(QRectF(x - w / 2, 1, w, h), h / 2, h / 2)
        item = QGraphicsPathItem(pill)
        item.setBrush(QBrush(colors.today))
        item.setPen(QPen(Qt.PenStyle.NoPen))
        item.setZValue(7)
        self._scene.addItem(item)
        label = self._text(text, small, colors.background, x - w / 2 + 5, 2, 8)
        label.setToolTip(today.isoformat())
        # A year label under the pill would be unreadable: hide it.
        for other in self._scene.items(QRectF(x - w / 2, 0, w, h + 2)):
            if isinstance(other, QGraphicsSimpleTextItem) and other is not label \
                    and other.zValue() < 7:
                other.hide()

    def _draw_phase(self, phase: PhaseRow, top: float, normal: QFont, small: QFont,
                    bold: QFont, colors: TimelineColors, pens: MarkerPens) -> None:
        start, end, open_ended = _phase_period(phase)
        x0 = self.x_for(start) if start else LEFT
        name = self._text(phase.name, bold, colors.text, x0 + 2, top + 3)
        name.setData(0, ("phase", phase.id))
        progress = phase.progress
        info = []
        if phase.start_date and phase.end_date:
            info.append(f"{_short(phase.start_date)} – {_short(phase.end_date)}")
        if progress.total:
            info.append(self.tr("{0} of {1} done").format(progress.done, progress.total))
        if phase.overdue:
            info.append(self.tr("{0} overdue").format(phase.overdue))
        if not start:
            info.append(self.tr("no dates yet"))
        if info:
            x = x0 + 2 + QFontMetricsF(bold).horizontalAdvance(phase.name) + 10
            extra = self._text("  ·  ".join(info), small, colors.muted, x, top + 4)
            extra.setData(0, ("phase", phase.id))
        if start and end:
            x1 = max(self.x_for(end), x0 + 4)
            band = QGraphicsRectItem(QRectF(x0, top + BAND_TOP, x1 - x0,
                                            BAND_BOTTOM - BAND_TOP))
            band.setPen(cosmetic(colors.band_border, 1.0,
                                 Qt.PenStyle.DashLine if open_ended else Qt.PenStyle.SolidLine))
            band.setBrush(QBrush(colors.band_fill))
            band.setZValue(2)
            band.setData(0, ("phase", phase.id))
            self._scene.addItem(band)
            self._bands[phase.id] = band
            # progress along the band's foot: done/total of its width
            if progress.total:
                foot = QGraphicsRectItem(QRectF(x0, top + BAND_BOTTOM - 2.5,
                                                (x1 - x0) * progress.fraction, 2.5))
                foot.setPen(QPen(Qt.PenStyle.NoPen))
                foot.setBrush(QBrush(colors.done_fill))
                foot.setZValue(2.5)
                foot.setData(0, ("phase", phase.id))
                self._scene.addItem(foot)
        self._draw_milestones(phase.milestones, top, small, bold, colors, pens)

    def _draw_milestones(self, milestones: Iterable[MilestoneRow], top: float, small: QFont,
                         bold: QFont, colors: TimelineColors, pens: MarkerPens) -> None:
        dated = sorted((m for m in milestones if m.due_date is not None),
                       key=lambda m: (m.due_date, m.position, m.id))
        xs = [self.x_for(m.due_date) for m in dated]  # type: ignore[arg-type]
        small_bold = QFont(small)
        small_bold.setBold(True)
        fonts = (small, small_bold)  # overdue titles are bold
        metrics = (QFontMetricsF(small), QFontMetricsF(small_bold))
        if self._title_font != small:
            self._title_font = QFont(small)
            self._title_widths = {}
        widths = TitleWidths([(m.title, m.overdue) for m in dated], metrics,
                             self._title_widths, MAX_LABEL)
        right = self._scene.sceneRect().right() - 4
        places = place_labels(xs, widths, LEFT, right)
        row_y = (top + LABEL_BELOW_Y, top + LABEL_ABOVE_Y)
        marker_y = top + MARKER_Y
        for index, milestone in enumerate(dated):
            marker = MilestoneMarker(milestone, pens)
            marker.setPos(xs[index], marker_y)
            marker.setZValue(5)
            marker.setData(0, ("milestone", milestone.id))
            self._scene.addItem(marker)
            self._markers[milestone.id] = marker
            place = places[index]
            if place is None:
                continue
            row, start, width, ends_at_marker = place
            text = milestone.title if width >= widths.natural(index) else \
                metrics[milestone.overdue].elidedText(milestone.title,
                                                      Qt.TextElideMode.ElideRight, width)
            color = colors.warning if milestone.overdue else colors.text
            label = self._text(text, fonts[milestone.overdue], color, start, row_y[row], 4)
            if ends_at_marker:  # the text's end at its diamond
                label.setX(xs[index] + LABEL_INSET - label.boundingRect().width())
            label.setData(0, ("milestone", milestone.id))
            self._labels[milestone.id] = label

    def _draw_contingencies(self, contingencies: list, top: float, small: QFont,
                            bold: QFont, colors: TimelineColors) -> None:
        items = sorted(contingencies, key=lambda c: (c.trigger_date, c.position, c.id))
        xs = [self.x_for(c.trigger_date) for c in items]
        for index, contingency in enumerate(items):
            x = xs[index]
            flag = ContingencyFlag(contingency.id, colors)
            flag.setPos(x, top + 15)
            flag.setZValue(5)
            flag.setData(0, ("contingency", contingency.id))
            self._scene.addItem(flag)
            self._flags[contingency.id] = flag
            right = xs[index + 1] - 10 if index + 1 < len(xs) \
                else self._scene.sceneRect().right() - 4
            room = right - (x + 14)
            if room < MIN_LABEL:
                continue
            text = QFontMetricsF(small).elidedText(
                self.tr("If {0}").format(" ".join(contingency.trigger.split())),
                Qt.TextElideMode.ElideRight, room)
            label = self._text(text, small, colors.muted, x + 14, top + 5, 4)
            label.setData(0, ("contingency", contingency.id))

    def _apply_selection(self, previous: tuple[str, int] | None) -> None:
        """Show the selection, changing only the items of the ``previous`` and the new one
        (a new layout's items are all drawn unselected)."""
        if previous is not None and previous != self._selected:
            self._mark(*previous, chosen=False)
        if self._selected is not None:
            self._mark(*self._selected, chosen=True)

    def _mark(self, kind: str, item_id: int, *, chosen: bool) -> None:
        colors = self._colors
        if kind == "milestone":
            marker = self._markers.get(item_id)
            if marker is not None:
                marker.set_selected(chosen)
            label = self._labels.get(item_id)
            if label is not None and label.font().underline() != chosen:
                font = label.font()  # bold stays: the width is what the layout measured
                font.setUnderline(chosen)
                label.setFont(font)
        elif kind == "contingency":
            flag = self._flags.get(item_id)
            if flag is not None:
                flag.set_selected(chosen)
        elif kind == "phase":
            band = self._bands.get(item_id)
            if band is not None:
                band.setPen(cosmetic(colors.highlight if chosen else colors.band_border,
                                     2.0 if chosen else 1.0, band.pen().style()))
                band.setBrush(QBrush(colors.band_fill_selected if chosen
                                     else colors.band_fill))

    # --- events ----------------------------------------------------------------------------
    def _target(self, pos: QPoint) -> tuple[str, int] | None:
        for item in self.items(pos):
            data = item.data(0)
            if isinstance(data, tuple) and len(data) == 2:
                return data[0], int(data[1])
        return None

    def tip(self, kind: str, item_id: int) -> str:
        """The tooltip of a milestone, a phase or a contingency ("" when there is none)."""
        overview = self._overview
        if overview is None:
            return ""
        if kind == "milestone":
            milestone = overview.milestone(item_id)
            return _milestone_tip(milestone) if milestone else ""
        if kind == "phase":
            phase = overview.phase(item_id)
            return _phase_tip(phase) if phase else ""
        contingency = overview.contingency(item_id)
        return self._contingency_tip(contingency) if contingency else ""

    def _contingency_tip(self, contingency: ContingencyRow) -> str:
        day = contingency.trigger_date.isoformat() if contingency.trigger_date else "…"
        return self.tr("If {0} by {1}, then {2}").format(
            contingency.trigger, day, contingency.response or "…")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            target = self._target(event.position().toPoint())
            if target is not None:
                event.accept()
                kind, item_id = target
                self.select(kind, item_id, reveal=False)
                {"milestone": self.milestoneClicked, "phase": self.phaseClicked,
                 "contingency": self.contingencyClicked}[kind].emit(item_id)
                return
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() / 120.0
            if steps:
                self.set_scale(self._px_per_day * (ZOOM_STEP ** steps),
                               anchor=event.position().x())
            event.accept()
            return
        if self.verticalScrollBar().maximum() == 0 and delta.x() == 0 and delta.y():
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - delta.y())
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_mode and self._overview is not None and not self._building:
            scale = self._fit_scale()
            if abs(scale - self._px_per_day) > 1e-6:
                self._px_per_day = scale
                self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange):
            self._rebuild()


def _short(day: _dt.date) -> str:
    locale = QLocale()
    return f"{day.day} {locale.monthName(day.month, QLocale.FormatType.ShortFormat)}"


def _phase_tip(phase: PhaseRow) -> str:
    lines = [phase.name]
    if phase.start_date or phase.end_date:
        lines.append(f"{phase.start_date or '…'} – {phase.end_date or '…'}")
    if phase.goal:
        lines.append(phase.goal)
    return "\n".join(lines)


def _milestone_tip(m: MilestoneRow) -> str:
    status = QCoreApplication.translate("vocab", vocab.MILESTONE_STATUSES.get(m.status, m.status))
    lines = [m.title, f"{m.due_date.isoformat() if m.due_date else ''} · {status}"]
    if m.overdue:
        lines.append(QCoreApplication.translate("PlanTimeline", "Overdue by {0} days").format(
            m.days_overdue))
    if m.warning:
        lines.append(m.warning)
    return "\n".join(lines)


# --- the widget with its controls ------------------------------------------------------------


class PlanTimeline(QWidget):
    """The timeline with its zoom controls and a legend."""

    milestoneClicked = Signal(int)
    phaseClicked = Signal(int)
    contingencyClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTimeline")
        self.view = TimelineView(self)
        self.view.milestoneClicked.connect(self.milestoneClicked)
        self.view.phaseClicked.connect(self.phaseClicked)
        self.view.contingencyClicked.connect(self.contingencyClicked)

        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 4, 4)
        bar.setSpacing(4)
        title = QLabel(self.tr("<b>Timeline</b>"))
        title.setObjectName("timelineTitle")
        bar.addWidget(title)
        bar.addSpacing(12)
        self.legend = QWidget(self)
        self.legend.setObjectName("timelineLegend")
        self._legend_layout = QHBoxLayout(self.legend)
        self._legend_layout.setContentsMargins(0, 0, 0, 0)
        self._legend_layout.setSpacing(10)
        self._legend_icons: list[tuple[QLabel, str, bool]] = []
        bar.addWidget(self.legend)
        bar.addStretch(1)
        self.undated = QLabel(self)
        self.undated.setObjectName("timelineUndated")
        self.undated.hide()
        bar.addWidget(self.undated)
        bar.addSpacing(8)
        self.zoom_out_button = self._button(
            "zoomOutButton", "−", self.tr("Zoom out (Ctrl+−, or Ctrl+mouse wheel)"),
            self.view.zoom_out)
        self.zoom_in_button = self._button(
            "zoomInButton", "+", self.tr("Zoom in (Ctrl++, or Ctrl+mouse wheel)"),
            self.view.zoom_in)
        self.fit_button = self._button(
            "fitButton", self.tr("Fit"), self.tr("Show the whole plan (Ctrl+0)"), self.view.fit)
        self.today_button = self._button(
            "todayButton", self.tr("Today"), self.tr("Scroll to today"),
            self.view.scroll_to_today)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button,
                       self.today_button):
            bar.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in ((("Ctrl++", "Ctrl+="), self.view.zoom_in),
                           (("Ctrl+-",), self.view.zoom_out), (("Ctrl+0",), self.view.fit)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(context)
                shortcut.activated.connect(slot)
        self._build_legend()

    def _button(self, name: str, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.setMinimumWidth(28)
        button.clicked.connect(slot)
        return button

    def _legend_icon(self, status: str, overdue: bool) -> QPixmap:
        """A legend's sample, painted at the screen's pixel ratio (sharp on high-DPI)."""
        ratio = self.devicePixelRatioF()
        size = QSize(20, 20)
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        colors = timeline_colors(self.palette())
        if status == "contingency":
            painter.translate(6, 10)
            paint_flag(painter, colors)
        else:
            painter.translate(10, 10)
            paint_marker(painter, status, overdue, colors)
        painter.end()
        return pixmap

    def _build_legend(self) -> None:
        if not self._legend_icons:
            for status, overdue, text in (
                    ("planned", False, self.tr("Planned")),
                    ("in_progress", False, self.tr("In progress")),
                    ("done", False, self.tr("Done")),
                    ("planned", True, self.tr("Overdue")),
                    ("contingency", False, self.tr("Contingency"))):
                icon = QLabel(self.legend)
                icon.setAccessibleName(text)
                label = QLabel(text, self.legend)
                pair = QHBoxLayout()
                pair.setSpacing(2)
                pair.addWidget(icon)
                pair.addWidget(label)
                self._legend_layout.addLayout(pair)
                self._legend_icons.append((icon, status, overdue))
        for icon, status, overdue in self._legend_icons:
            icon.setPixmap(self._legend_icon(status, overdue))

    def set_plan(self, overview: PlanOverview) -> None:
        self.view.set_plan(overview)
        undated = sum(m.due_date is None for m in overview.milestones())
        self.undated.setText(
            self.tr("1 milestone has no due date and is not shown") if undated == 1
            else self.tr("{0} milestones have no due date and are not shown").format(undated))
        self.undated.setVisible(undated > 0)

    def select(self, kind: str | None, item_id: int | None = None) -> None:
        self.view.select(kind, item_id)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._build_legend()
