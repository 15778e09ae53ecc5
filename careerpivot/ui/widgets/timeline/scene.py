"""The timeline's scene: lays the plan out as items (lanes, the axis, phases as bands,
milestones as diamonds with their titles, contingencies as flags, today's line) when the plan,
the scale or the view's width changes, never while painting, and keeps the items a selection
marks. The tooltip of a milestone, a phase or a contingency is written when one is asked for
(``TimelineView.tip``), not for every item at each layout."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSimpleTextItem,
    QToolTip,
)

from careerpivot.core import plan as plan_rules
from careerpivot.services.plan import MilestoneRow, PhaseRow, PlanOverview
from careerpivot.ui.widgets.timeline.geometry import (
    AXIS_H,
    BAND_BOTTOM,
    BAND_TOP,
    BOTTOM,
    LABEL_ABOVE_Y,
    LABEL_BELOW_Y,
    LABEL_INSET,
    LANE_H,
    LEFT,
    MARKER_Y,
    MAX_LABEL,
    MIN_LABEL,
)
from careerpivot.ui.widgets.timeline.items import ContingencyFlag, MilestoneMarker
from careerpivot.ui.widgets.timeline.labels import TitleWidths, place_labels
from careerpivot.ui.widgets.timeline.style import (
    MarkerPens,
    TimelineColors,
    cosmetic,
    timeline_colors,
)

if TYPE_CHECKING:
    from careerpivot.ui.widgets.timeline.view import TimelineView


class TimelineScene(QGraphicsScene):
    """The timeline's scene: the tooltip of a milestone, a phase or a contingency is written
    when one is asked for (``TimelineView.tip``), not for every item at each layout. An item
    with a tooltip of its own (today's) shows that."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view)
        self._view = view
        # the items a selection marks, by id (emptied, not replaced, at each layout)
        self.markers: dict[int, MilestoneMarker] = {}
        self.labels: dict[int, QGraphicsSimpleTextItem] = {}
        self.bands: dict[int, QGraphicsRectItem] = {}
        self.flags: dict[int, ContingencyFlag] = {}
        self.colors = timeline_colors(view.palette())
        # the widths of milestone titles, kept while the font stays (zooming measures again)
        self._title_font = QFont()
        self._title_widths: dict[tuple[str, bool], float] = {}

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

    # --- layout ----------------------------------------------------------------------------
    def reset(self, colors: TimelineColors) -> None:
        """Remove every item, to lay the scene out again in ``colors``."""
        self.clear()
        for items in (self.markers, self.labels, self.bands, self.flags):
            items.clear()
        self.colors = colors
        self.setBackgroundBrush(QBrush(colors.background))

    def lay_out(self, overview: PlanOverview, first: _dt.date, last: _dt.date, width: float,
                height: float, fonts: tuple[QFont, QFont, QFont]) -> None:
        """The plan from ``first`` to ``last``, in a scene of ``width`` by ``height``, in the
        colours of the last :meth:`reset`."""
        normal, small, bold = fonts
        colors = self.colors
        lanes = len(overview.phases)
        dated_contingencies = [c for c in overview.contingencies if c.trigger_date]
        self.setSceneRect(0, 0, width, height)

        # lane backgrounds, alternating, so a lane reads across the width
        for lane in range(lanes):
            if lane % 2:
                rect = self.addRect(QRectF(0, AXIS_H + lane * LANE_H, width, LANE_H),
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

    def add_text(self, text: str, font: QFont, color: QColor, x: float, y: float,
                 z: float = 3.0) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text)
        item.setFont(font)
        item.setBrush(QBrush(color))
        item.setPos(x, y)
        item.setZValue(z)
        self.addItem(item)
        return item

    def _line(self, x1: float, y1: float, x2: float, y2: float, pen: QPen,
              z: float = 1.0) -> QGraphicsLineItem:
        item = self.addLine(x1, y1, x2, y2, pen)
        item.setZValue(z)
        return item

    def _draw_axis(self, first: _dt.date, last: _dt.date, width: float, height: float,
                   small: QFont, bold: QFont, colors: TimelineColors) -> None:
        locale = QLocale()
        metrics = QFontMetricsF(small)
        month_px = 30.44 * self._view.px_per_day
        every = 1 if month_px >= 44 else 3 if month_px >= 16 else 12
        self._line(0, AXIS_H - 0.5, width, AXIS_H - 0.5, cosmetic(colors.grid_strong), 2)
        months = plan_rules.month_starts(first, last)
        for month in months:
            x = self._view.x_for(month)
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
                        self.add_text(name, small, colors.muted, x + 4, 22)
        # years: at each January, and at the left edge for the first (partial) year
        years = [m for m in months if m.month == 1]
        starts = [(first, LEFT)] if not months or months[0].month != 1 else []
        starts += [(m, self._view.x_for(m)) for m in years]
        for index, (day, x) in enumerate(starts):
            text = str(day.year)
            room = (starts[index + 1][1] if index + 1 < len(starts) else width) - x
            if QFontMetricsF(bold).horizontalAdvance(text) + 8 <= room:
                self.add_text(text, bold, colors.text, x + 4, 3)

    def _draw_today(self, today: _dt.date, height: float, small: QFont,
                    colors: TimelineColors) -> None:
        x = self._view.x_for(today)
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
        self.addItem(item)
        label = self.add_text(text, small, colors.background, x - w / 2 + 5, 2, 8)
        label.setToolTip(today.isoformat())
        # A year label under the pill would be unreadable: hide it.
        for other in self.items(QRectF(x - w / 2, 0, w, h + 2)):
            if isinstance(other, QGraphicsSimpleTextItem) and other is not label \
                    and other.zValue() < 7:
                other.hide()

    def _draw_phase(self, phase: PhaseRow, top: float, normal: QFont, small: QFont,
                    bold: QFont, colors: TimelineColors, pens: MarkerPens) -> None:
        start, end, open_ended = _phase_period(phase)
        x0 = self._view.x_for(start) if start else LEFT
        name = self.add_text(phase.name, bold, colors.text, x0 + 2, top + 3)
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
            extra = self.add_text("  ·  ".join(info), small, colors.muted, x, top + 4)
            extra.setData(0, ("phase", phase.id))
        if start and end:
            x1 = max(self._view.x_for(end), x0 + 4)
            band = QGraphicsRectItem(QRectF(x0, top + BAND_TOP, x1 - x0,
                                            BAND_BOTTOM - BAND_TOP))
            band.setPen(cosmetic(colors.band_border, 1.0,
                                 Qt.PenStyle.DashLine if open_ended else Qt.PenStyle.SolidLine))
            band.setBrush(QBrush(colors.band_fill))
            band.setZValue(2)
            band.setData(0, ("phase", phase.id))
            self.addItem(band)
            self.bands[phase.id] = band
            # progress along the band's foot: done/total of its width
            if progress.total:
                foot = QGraphicsRectItem(QRectF(x0, top + BAND_BOTTOM - 2.5,
                                                (x1 - x0) * progress.fraction, 2.5))
                foot.setPen(QPen(Qt.PenStyle.NoPen))
                foot.setBrush(QBrush(colors.done_fill))
                foot.setZValue(2.5)
                foot.setData(0, ("phase", phase.id))
                self.addItem(foot)
        self._draw_milestones(phase.milestones, top, small, bold, colors, pens)

    def _draw_milestones(self, milestones: Iterable[MilestoneRow], top: float, small: QFont,
                         bold: QFont, colors: TimelineColors, pens: MarkerPens) -> None:
        dated = sorted((m for m in milestones if m.due_date is not None),
                       key=lambda m: (m.due_date, m.position, m.id))
        xs = [self._view.x_for(m.due_date) for m in dated]  # type: ignore[arg-type]
        small_bold = QFont(small)
        small_bold.setBold(True)
        fonts = (small, small_bold)  # overdue titles are bold
        metrics = (QFontMetricsF(small), QFontMetricsF(small_bold))
        if self._title_font != small:
            self._title_font = QFont(small)
            self._title_widths = {}
        widths = TitleWidths([(m.title, m.overdue) for m in dated], metrics,
                             self._title_widths, MAX_LABEL)
        right = self.sceneRect().right() - 4
        places = place_labels(xs, widths, LEFT, right)
        row_y = (top + LABEL_BELOW_Y, top + LABEL_ABOVE_Y)
        marker_y = top + MARKER_Y
        for index, milestone in enumerate(dated):
            marker = MilestoneMarker(milestone, pens)
            marker.setPos(xs[index], marker_y)
            marker.setZValue(5)
            marker.setData(0, ("milestone", milestone.id))
            self.addItem(marker)
            self.markers[milestone.id] = marker
            place = places[index]
            if place is None:
                continue
            row, start, width, ends_at_marker = place
            text = milestone.title if width >= widths.natural(index) else \
                metrics[milestone.overdue].elidedText(milestone.title,
                                                      Qt.TextElideMode.ElideRight, width)
            color = colors.warning if milestone.overdue else colors.text
            label = self.add_text(text, fonts[milestone.overdue], color, start, row_y[row], 4)
            if ends_at_marker:  # the text's end at its diamond
                label.setX(xs[index] + LABEL_INSET - label.boundingRect().width())
            label.setData(0, ("milestone", milestone.id))
            self.labels[milestone.id] = label

    def _draw_contingencies(self, contingencies: list, top: float, small: QFont,
                            bold: QFont, colors: TimelineColors) -> None:
        items = sorted(contingencies, key=lambda c: (c.trigger_date, c.position, c.id))
        xs = [self._view.x_for(c.trigger_date) for c in items]
        for index, contingency in enumerate(items):
            x = xs[index]
            flag = ContingencyFlag(contingency.id, colors)
            flag.setPos(x, top + 15)
            flag.setZValue(5)
            flag.setData(0, ("contingency", contingency.id))
            self.addItem(flag)
            self.flags[contingency.id] = flag
            right = xs[index + 1] - 10 if index + 1 < len(xs) \
                else self.sceneRect().right() - 4
            room = right - (x + 14)
            if room < MIN_LABEL:
                continue
            text = QFontMetricsF(small).elidedText(
                self.tr("If {0}").format(" ".join(contingency.trigger.split())),
                Qt.TextElideMode.ElideRight, room)
            label = self.add_text(text, small, colors.muted, x + 14, top + 5, 4)
            label.setData(0, ("contingency", contingency.id))

    # --- selection -------------------------------------------------------------------------
    def mark(self, kind: str, item_id: int, *, chosen: bool) -> None:
        colors = self.colors
        if kind == "milestone":
            marker = self.markers.get(item_id)
            if marker is not None:
                marker.set_selected(chosen)
            label = self.labels.get(item_id)
            if label is not None and label.font().underline() != chosen:
                font = label.font()  # bold stays: the width is what the layout measured
                font.setUnderline(chosen)
                label.setFont(font)
        elif kind == "contingency":
            flag = self.flags.get(item_id)
            if flag is not None:
                flag.set_selected(chosen)
        elif kind == "phase":
            band = self.bands.get(item_id)
            if band is not None:
                band.setPen(cosmetic(colors.highlight if chosen else colors.band_border,
                                     2.0 if chosen else 1.0, band.pen().style()))
                band.setBrush(QBrush(colors.band_fill_selected if chosen
                                     else colors.band_fill))


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



def _short(day: _dt.date) -> str:
    locale = QLocale()
    return f"{day.day} {locale.monthName(day.month, QLocale.FormatType.ShortFormat)}"
