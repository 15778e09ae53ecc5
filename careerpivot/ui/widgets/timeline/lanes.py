"""The plan laid out in lanes before any item is made: one lane per phase (its name, then its
band with as many rows of milestones as their titles need), the strip of contingencies at the
foot, and every height from the fonts. The view measures a layout to know how tall the plan
is at a scale (and so whether it needs a vertical scroll bar) before the scene draws it."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math

from PySide6.QtGui import QFont, QFontMetricsF

from careerpivot.services.plan import MilestoneRow, PhaseRow, PlanOverview
from careerpivot.ui.widgets.timeline.geometry import (
    BAND_PAD,
    BOTTOM,
    CONTINGENCY_H,
    DIAMOND,
    EDGE,
    LANE_SPACE,
    LEFT,
    MAX_LABEL,
)
from careerpivot.ui.widgets.timeline.labels import Place, TitleWidths, pack_milestones


@dataclasses.dataclass(frozen=True)
class LaneGeometry:
    """The heights that hold text, from the fonts (normal, small, bold)."""

    year_h: float
    month_h: float
    header_h: float
    row_h: float

    @classmethod
    def from_fonts(cls, fonts: tuple[QFont, QFont, QFont]) -> LaneGeometry:
        _normal, small, bold = fonts
        small_h = math.ceil(QFontMetricsF(small).height())
        bold_h = math.ceil(QFontMetricsF(bold).height())
        return cls(year_h=bold_h + 4, month_h=small_h + 7, header_h=bold_h + 5,
                   row_h=max(small_h + 6, 2 * DIAMOND + 7))

    @property
    def axis_h(self) -> float:
        return self.year_h + self.month_h


@dataclasses.dataclass(frozen=True)
class Lane:
    """A phase's lane: its name at ``top``, its band (``x0``..``x1``, None without dates)
    below, holding ``rows`` rows of milestones (dated ones, by date, at ``xs``)."""

    phase: PhaseRow
    top: float
    rows: int
    geometry: LaneGeometry
    span: tuple[float, float] | None
    open_ended: bool
    milestones: tuple[MilestoneRow, ...]
    xs: tuple[float, ...]
    places: tuple[Place, ...]
    titles: TitleWidths

    @property
    def band_top(self) -> float:
        return self.top + self.geometry.header_h

    @property
    def band_bottom(self) -> float:
        return self.band_top + 2 * BAND_PAD + self.rows * self.geometry.row_h

    @property
    def bottom(self) -> float:
        return self.band_bottom + LANE_SPACE

    def row_y(self, row: int) -> float:
        """The middle of a row of milestones."""
        return self.band_top + BAND_PAD + (row + 0.5) * self.geometry.row_h


@dataclasses.dataclass(frozen=True)
class PlanLayout:
    geometry: LaneGeometry
    width: float
    height: float
    lanes: tuple[Lane, ...]
    contingency_top: float | None  # None: no dated contingency


def plan_layout(overview: PlanOverview, origin: _dt.date, px_per_day: float, width: float,
                fonts: tuple[QFont, QFont, QFont],
                known: dict[tuple[str, bool], float]) -> PlanLayout:
    """The lanes of ``overview`` from ``origin`` at ``px_per_day``, in a scene ``width``
    wide; ``known`` keeps the titles' widths from one layout to the next (in these fonts)."""
    geometry = LaneGeometry.from_fonts(fonts)

    def x_for(day: _dt.date) -> float:
        return LEFT + (day - origin).days * px_per_day

    small = fonts[1]
    small_bold = QFont(small)
    small_bold.setBold(True)
    metrics = (QFontMetricsF(small), QFontMetricsF(small_bold))  # overdue titles are bold
    lanes: list[Lane] = []
    top = geometry.axis_h
    for phase in overview.phases:
        start, end, open_ended = phase_period(phase)
        span = None
        if start is not None and end is not None:
            x0 = x_for(start)
            span = (x0, max(x_for(end), x0 + 4))
        dated = tuple(sorted((m for m in phase.milestones if m.due_date is not None),
                             key=lambda m: (m.due_date, m.position, m.id)))
        xs = tuple(x_for(m.due_date) for m in dated)  # type: ignore[arg-type]
        titles = TitleWidths([(m.title, m.overdue) for m in dated], metrics, known, MAX_LABEL)
        places, rows = pack_milestones(xs, titles, span or (LEFT, width), EDGE, width - EDGE)
        lane = Lane(phase, top, max(1, rows), geometry, span, open_ended, dated, xs,
                    tuple(places), titles)
        lanes.append(lane)
        top = lane.bottom
    contingency_top = None
    if any(c.trigger_date for c in overview.contingencies):
        contingency_top = top
        top += CONTINGENCY_H
    return PlanLayout(geometry, width, top + BOTTOM, tuple(lanes), contingency_top)


def phase_period(phase: PhaseRow) -> tuple[_dt.date | None, _dt.date | None, bool]:
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
