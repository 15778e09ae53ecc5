"""The timeline's scene: draws a :class:`~careerpivot.ui.widgets.timeline.lanes.PlanLayout` as
items (lanes, the axis, phases as bands, milestones as diamonds with their titles beside them,
contingencies as flags, today's line) when the plan, the scale or the view's width changes,
never while painting, and keeps the items a selection marks. The tooltip of a milestone, a
phase or a contingency is written when one is asked for (``TimelineView.tip``), not for every
item at each layout; a title shortened to fit has its whole text there."""

from __future__ import annotations

import datetime as _dt
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
from careerpivot.services.plan import ContingencyRow, PlanOverview
from careerpivot.ui.widgets.date_text import shown_date
from careerpivot.ui.widgets.timeline.geometry import (
    BOTTOM,
    CONTINGENCY_H,
    EDGE,
    LEFT,
    MIN_LABEL,
    TODAY_CLEAR,
)
from careerpivot.ui.widgets.timeline.items import ContingencyFlag, MilestoneMarker
from careerpivot.ui.widgets.timeline.lanes import Lane, PlanLayout, plan_layout
from careerpivot.ui.widgets.timeline.style import (
    MarkerPens,
    TimelineColors,
    cosmetic,
    timeline_colors,
)

if TYPE_CHECKING:
    from careerpivot.ui.widgets.timeline.view import TimelineView

Fonts = tuple[QFont, QFont, QFont]  # normal, small, bold
#: Diamonds under the mouse whose tooltips are shown together, at most.
_STACKED = 5


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
        self.layout: PlanLayout | None = None
        # the widths of milestone titles, kept while the font stays (zooming measures again)
        self._title_font = QFont()
        self._title_widths: dict[tuple[str, bool], float] = {}
        # the last layout measured, with what it was measured for
        self._measured: tuple[PlanOverview, tuple[_dt.date, float, float, str],
                              PlanLayout] | None = None

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        under = self.items(event.scenePos())
        stacked = [item.milestone_id for item in under if isinstance(item, MilestoneMarker)]
        if len(stacked) > 1:  # diamonds a few days apart: tell them all, by date
            tips = [self._view.tip("milestone", i) for i in reversed(stacked[:_STACKED])]
            if len(stacked) > _STACKED:
                tips.append(self.tr("and %n more", "", len(stacked) - _STACKED))
            QToolTip.showText(event.screenPos(), "\n\n".join(t for t in tips if t),
                              event.widget())
            event.accept()
            return
        for item in under:
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
    def measure(self, overview: PlanOverview, origin: _dt.date, px_per_day: float,
                width: float, fonts: Fonts) -> PlanLayout:
        """The lanes of ``overview`` at a scale, without making items (the last one asked is
        remembered, as the view asks before it lays the scene out at the same scale)."""
        if self._title_font != fonts[1]:
            self._title_font = QFont(fonts[1])
            self._title_widths = {}
        key = (origin, px_per_day, width, fonts[1].key())
        if self._measured is not None and self._measured[0] is overview \
                and self._measured[1] == key:
            return self._measured[2]
        layout = plan_layout(overview, origin, px_per_day, width, fonts, self._title_widths)
        self._measured = (overview, key, layout)
        return layout

    def reset(self, colors: TimelineColors) -> None:
        """Remove every item, to lay the scene out again in ``colors``."""
        self.clear()
        self.layout = None
        for items in (self.markers, self.labels, self.bands, self.flags):
            items.clear()
        self.colors = colors
        self.setBackgroundBrush(QBrush(colors.background))

    def lay_out(self, overview: PlanOverview, layout: PlanLayout, first: _dt.date,
                last: _dt.date, fonts: Fonts) -> None:
        """The plan from ``first`` to ``last`` as ``layout`` places it, in the colours of the
        last :meth:`reset`."""
        _normal, small, bold = fonts
        colors = self.colors
        width = layout.width
        self.layout = layout
        self.setSceneRect(0, 0, width, layout.height)

        # lane backgrounds, alternating, so a lane reads across the width
        for index, lane in enumerate(layout.lanes):
            if index % 2:
                rect = self.addRect(QRectF(0, lane.top, width, lane.bottom - lane.top),
                                    QPen(Qt.PenStyle.NoPen), QBrush(colors.lane_alt))
                rect.setZValue(0)
        self._draw_axis(layout, first, last, small, bold, colors)
        pens = MarkerPens(colors)
        for lane in layout.lanes:
            self._draw_phase(lane, width, small, bold, colors, pens)
        if layout.contingency_top is not None:
            top = layout.contingency_top
            self._line(0, top, width, top, cosmetic(colors.grid_strong), 1)
            self._draw_contingencies([c for c in overview.contingencies if c.trigger_date],
                                     top, width, small, colors)
        self._draw_today(overview.today, layout, small, colors)

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

    def _draw_axis(self, layout: PlanLayout, first: _dt.date, last: _dt.date, small: QFont,
                   bold: QFont, colors: TimelineColors) -> None:
        locale = QLocale()
        geometry = layout.geometry
        width, height, axis_h = layout.width, layout.height, geometry.axis_h
        metrics = QFontMetricsF(small)
        month_y = geometry.year_h + (geometry.month_h - metrics.height()) / 2
        month_px = 30.44 * self._view.px_per_day
        every = 1 if month_px >= 44 else 3 if month_px >= 16 else 12
        self._line(0, axis_h - 0.5, width, axis_h - 0.5, cosmetic(colors.grid_strong), 2)
        months = plan_rules.month_starts(first, last)
        for month in months:
            x = self._view.x_for(month)
            january = month.month == 1
            labelled = (month.month - 1) % every == 0
            pen = cosmetic(colors.grid_strong if january else colors.grid)
            self._line(x, axis_h if labelled else axis_h - 6, x,
                       height - BOTTOM if labelled or every == 1 else axis_h, pen, 1)
            if labelled:
                self._line(x, geometry.year_h, x, axis_h, cosmetic(colors.grid_strong), 2)
                if every < 12:
                    name = locale.monthName(month.month, QLocale.FormatType.ShortFormat)
                    if metrics.horizontalAdvance(name) + 8 <= month_px * every:
                        self.add_text(name, small, colors.muted, x + 4, month_y)
        # years: at each January, and at the left edge for the first (partial) year
        years = [m for m in months if m.month == 1]
        starts = [(first, LEFT)] if not months or months[0].month != 1 else []
        starts += [(m, self._view.x_for(m)) for m in years]
        bold_metrics = QFontMetricsF(bold)
        year_y = (geometry.year_h - bold_metrics.height()) / 2
        for index, (day, x) in enumerate(starts):
            text = str(day.year)
            room = (starts[index + 1][1] if index + 1 < len(starts) else width) - x
            if bold_metrics.horizontalAdvance(text) + 8 <= room:
                self.add_text(text, bold, colors.text, x + 4, year_y)

    def _draw_today(self, today: _dt.date, layout: PlanLayout, small: QFont,
                    colors: TimelineColors) -> None:
        x = self._view.x_for(today)
        text = self.tr("Today")
        metrics = QFontMetricsF(small)
        w, h = metrics.horizontalAdvance(text) + 10, metrics.height() + 2
        top = max(0.0, (layout.geometry.year_h - h) / 2)
        pill = QPainterPath()
        pill.addRoundedRect(QRectF(x - w / 2, top, w, h), h / 2, h / 2)
        item = QGraphicsPathItem(pill)
        item.setBrush(QBrush(colors.today))
        item.setPen(QPen(Qt.PenStyle.NoPen))
        item.setZValue(7)
        self.addItem(item)
        label = self.add_text(text, small, colors.background, x - w / 2 + 5, top + 1, 8)
        label.setToolTip(shown_date(today))
        # A year label under the pill would be unreadable: hide it.
        for other in self.items(QRectF(x - w / 2, 0, w, top + h + 2)):
            if isinstance(other, QGraphicsSimpleTextItem) and other is not label \
                    and other.zValue() < 7:
                other.hide()
        # The line runs from the pill down, over the bands and under the markers, and stops
        # short of every text it would cross (a month's name, a phase's name, a title).
        y0, y1 = top + h, layout.height - BOTTOM
        gaps = sorted(
            (r.top() - TODAY_CLEAR, r.bottom() + TODAY_CLEAR)
            for other in self.items(QRectF(x - TODAY_CLEAR, y0, 2 * TODAY_CLEAR, y1 - y0))
            if isinstance(other, QGraphicsSimpleTextItem) and other.isVisible()
            and other.zValue() < 7 for r in [other.sceneBoundingRect()])
        pen = cosmetic(colors.today, 2.0)
        for a, b in gaps:
            if a > y0:
                self._line(x, y0, x, a, pen, 3.5)
            y0 = max(y0, b)
        if y1 > y0:
            self._line(x, y0, x, y1, pen, 3.5)

    def _draw_phase(self, lane: Lane, width: float, small: QFont, bold: QFont,
                    colors: TimelineColors, pens: MarkerPens) -> None:
        phase = lane.phase
        progress = phase.progress
        info = []
        if phase.start_date and phase.end_date:
            info.append(f"{_short(phase.start_date)} – {_short(phase.end_date)}")
        if progress.total:
            info.append(self.tr("{0} of {1} done").format(progress.done, progress.total))
        if phase.overdue:
            info.append(self.tr("{0} overdue").format(phase.overdue))
        if lane.span is None:
            info.append(self.tr("no dates yet"))
        # the phase's name and facts over its band, moved left to stay in the scene, the
        # facts shortened if even that is not enough
        bold_metrics, small_metrics = QFontMetricsF(bold), QFontMetricsF(small)
        name_w = bold_metrics.horizontalAdvance(phase.name)
        extra_text = "  ·  ".join(info)
        extra_w = small_metrics.horizontalAdvance(extra_text) + 10 if info else 0.0
        x0 = lane.span[0] if lane.span else LEFT
        x = max(EDGE, min(x0 + 2, width - EDGE - name_w - extra_w))
        y = lane.top + (lane.geometry.header_h - bold_metrics.height()) / 2 + 1
        name = self.add_text(phase.name, bold, colors.text, x, y)
        name.setData(0, ("phase", phase.id))
        room = width - EDGE - (x + name_w + 10)
        if info and room >= MIN_LABEL:
            if extra_w - 10 > room:
                extra_text = small_metrics.elidedText(extra_text, Qt.TextElideMode.ElideRight,
                                                      room)
            extra = self.add_text(extra_text, small, colors.muted, x + name_w + 10,
                                  y + (bold_metrics.ascent() - small_metrics.ascent()))
            extra.setData(0, ("phase", phase.id))
        if lane.span is not None:
            x0, x1 = lane.span
            band = QGraphicsRectItem(QRectF(x0, lane.band_top, x1 - x0,
                                            lane.band_bottom - lane.band_top))
            band.setPen(cosmetic(colors.band_border, 1.0, Qt.PenStyle.DashLine
                                 if lane.open_ended else Qt.PenStyle.SolidLine))
            band.setBrush(QBrush(colors.band_fill))
            band.setZValue(2)
            band.setData(0, ("phase", phase.id))
            self.addItem(band)
            self.bands[phase.id] = band
            # progress along the band's foot: done/total of its width
            if progress.total:
                foot = QGraphicsRectItem(QRectF(x0, lane.band_bottom - 2.5,
                                                (x1 - x0) * progress.fraction, 2.5))
                foot.setPen(QPen(Qt.PenStyle.NoPen))
                foot.setBrush(QBrush(colors.done_fill))
                foot.setZValue(2.5)
                foot.setData(0, ("phase", phase.id))
                self.addItem(foot)
        self._draw_milestones(lane, small, colors, pens)

    def _draw_milestones(self, lane: Lane, small: QFont, colors: TimelineColors,
                         pens: MarkerPens) -> None:
        small_bold = QFont(small)
        small_bold.setBold(True)
        fonts = (small, small_bold)  # overdue titles are bold
        metrics = (QFontMetricsF(small), QFontMetricsF(small_bold))
        for index, milestone in enumerate(lane.milestones):
            place = lane.places[index]
            y = lane.row_y(place.row)
            marker = MilestoneMarker(milestone, pens)
            marker.setPos(lane.xs[index], y)
            marker.setZValue(5)
            marker.setData(0, ("milestone", milestone.id))
            self.addItem(marker)
            self.markers[milestone.id] = marker
            if place.width <= 0:
                continue
            font_metrics = metrics[milestone.overdue]
            text = milestone.title
            if place.width < lane.titles.natural(index):
                text = font_metrics.elidedText(text, Qt.TextElideMode.ElideRight, place.width)
            color = colors.warning if milestone.overdue else colors.text
            label = self.add_text(text, fonts[milestone.overdue], color, place.start,
                                  y - font_metrics.height() / 2, 4)
            if place.left:  # the text's end at its diamond
                label.setX(place.start + place.width - label.boundingRect().width())
            label.setData(0, ("milestone", milestone.id))
            self.labels[milestone.id] = label

    def _draw_contingencies(self, contingencies: list[ContingencyRow], top: float,
                            width: float, small: QFont, colors: TimelineColors) -> None:
        items = sorted(contingencies, key=lambda c: (c.trigger_date, c.position, c.id))
        xs = [self._view.x_for(c.trigger_date) for c in items]  # type: ignore[arg-type]
        metrics = QFontMetricsF(small)
        middle = top + CONTINGENCY_H / 2
        for index, contingency in enumerate(items):
            x = xs[index]
            flag = ContingencyFlag(contingency.id, colors)
            flag.setPos(x, middle)
            flag.setZValue(5)
            flag.setData(0, ("contingency", contingency.id))
            self.addItem(flag)
            self.flags[contingency.id] = flag
            right = xs[index + 1] - 10 if index + 1 < len(xs) else width - EDGE
            room = right - (x + 14)
            if room < MIN_LABEL:
                continue
            text = metrics.elidedText(
                self.tr("If {0}").format(" ".join(contingency.trigger.split())),
                Qt.TextElideMode.ElideRight, room)
            label = self.add_text(text, small, colors.muted, x + 14,
                                  middle - 4 - metrics.height() / 2, 4)
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


def _short(day: _dt.date) -> str:
    locale = QLocale()
    return f"{day.day} {locale.monthName(day.month, QLocale.FormatType.ShortFormat)}"
