"""The timeline's view: zooming, fitting the plan to the width, scrolling to today, the
selection, clicks and tooltips.

Zooming changes the number of pixels per day and lays the scene out again (it does not scale
the view), so text, pens and markers keep their size and stay sharp. Fitting the plan to the
view takes the vertical scroll bar its lanes will need into account, so the first showing is
laid out once.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from careerpivot.core import clock, vocab
from careerpivot.core import plan as plan_rules
from careerpivot.services.plan import ContingencyRow, MilestoneRow, PhaseRow, PlanOverview
from careerpivot.ui.widgets.date_text import shown_date
from careerpivot.ui.widgets.timeline.geometry import (
    LEFT,
    MAX_PX_PER_DAY,
    MIN_PX_PER_DAY,
    RIGHT,
    ZOOM_STEP,
)
from careerpivot.ui.widgets.timeline.items import ContingencyFlag, MilestoneMarker
from careerpivot.ui.widgets.timeline.lanes import PlanLayout
from careerpivot.ui.widgets.timeline.scene import TimelineScene
from careerpivot.ui.widgets.timeline.style import timeline_colors


class TimelineView(QGraphicsView):
    milestoneClicked = Signal(int)
    phaseClicked = Signal(int)
    contingencyClicked = Signal(int)
    scaleChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTimelineView")
        self.setAccessibleName(self.tr("Plan timeline"))
        self._scene = TimelineScene(self)
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
        # the scene's items by id, kept by the scene from one layout to the next
        self._markers = self._scene.markers
        self._labels = self._scene.labels
        self._bands = self._scene.bands
        self._flags = self._scene.flags
        self._building = False

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

    def _scale_for(self, width: float) -> float:
        first, last = self._span()
        days = max(1, (last - first).days)
        room = max(100.0, width - LEFT - RIGHT - 1)
        return max(MIN_PX_PER_DAY, min(MAX_PX_PER_DAY, room / days))

    def _fit_scale(self) -> float:
        """The scale that shows the whole plan in the viewport's width once the plan is in
        it: the whole view, less a vertical scroll bar when the lanes at that scale are taller
        than the view. (The viewport's width as it is would change when the scroll bar comes
        or goes, and the plan be laid out again.)"""
        room = self.maximumViewportSize()
        scale = self._scale_for(room.width())
        if self.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded \
                and self._measure(scale).height > room.height():
            scale = self._scale_for(room.width() - self.verticalScrollBar().sizeHint().width())
        return scale

    def _measure(self, px_per_day: float) -> PlanLayout:
        """The plan's lanes at ``px_per_day``, as the scene would lay them out."""
        assert self._overview is not None
        first, last = self._span()
        width = LEFT + (last - first).days * px_per_day + RIGHT
        return self._scene.measure(self._overview, first, px_per_day, width, self._fonts())

    def plan_height(self, width: int | None = None) -> float:
        """The height of the whole plan, lanes and contingencies: as now laid out, or as it
        would be fitted to a viewport ``width`` wide."""
        if width is not None and self._overview is not None and self._overview.phases:
            return self._measure(self._scale_for(width)).height
        layout = self._scene.layout
        return layout.height if layout is not None else self.sceneRect().height()

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        normal = QFont(self.font())
        small = QFont(normal)
        size = normal.pointSizeF()
        if size > 0:
            small.setPointSizeF(max(8.0, size * 0.88))
        bold = QFont(normal)
        bold.setBold(True)
        return normal, small, bold

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
        scene.reset(timeline_colors(self.palette()))
        fonts = self._fonts()
        overview = self._overview
        if overview is None or not overview.phases:
            scene.setSceneRect(0, 0, max(1, self.viewport().width() - 2), 80)
            scene.add_text(self.tr("Add a phase to see the plan on a timeline."), fonts[0],
                           scene.colors.muted, LEFT, 28)
            return
        first, last = self._span()
        self._origin, self._days = first, (last - first).days
        scene.lay_out(overview, self._measure(self._px_per_day), first, last, fonts)
        self._apply_selection(None)
        self.setAccessibleDescription(self.tr(
            "{0} phases and {1} milestones from {2} to {3}; {4} overdue.").format(
                len(overview.phases), len(overview.milestones()), shown_date(first),
                shown_date(last), overview.overdue))

    def _apply_selection(self, previous: tuple[str, int] | None) -> None:
        """Show the selection, changing only the items of the ``previous`` and the new one
        (a new layout's items are all drawn unselected)."""
        if previous is not None and previous != self._selected:
            self._scene.mark(*previous, chosen=False)
        if self._selected is not None:
            self._scene.mark(*self._selected, chosen=True)

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
        day = shown_date(contingency.trigger_date) or "…"
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



def _phase_tip(phase: PhaseRow) -> str:
    lines = [phase.name]
    if phase.start_date or phase.end_date:
        start, end = shown_date(phase.start_date), shown_date(phase.end_date)
        lines.append(f"{start or '…'} – {end or '…'}")
    if phase.goal:
        lines.append(phase.goal)
    return "\n".join(lines)


def _milestone_tip(m: MilestoneRow) -> str:
    status = QCoreApplication.translate("vocab", vocab.MILESTONE_STATUSES.get(m.status, m.status))
    lines = [m.title, f"{shown_date(m.due_date)} · {status}"]
    if m.overdue:
        lines.append(QCoreApplication.translate("PlanTimeline", "Overdue by {0} days").format(
            m.days_overdue))
    if m.warning:
        lines.append(m.warning)
    return "\n".join(lines)
