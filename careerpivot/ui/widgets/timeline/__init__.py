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

The package: ``widget`` holds :class:`PlanTimeline`, the view with its zoom controls and
legend; ``view`` the :class:`TimelineView` (zoom, fit, selection, clicks, tooltips);
``scene`` the :class:`TimelineScene` that lays the plan out as items; ``items`` the
milestone's diamond and the contingency's flag; ``labels`` where the milestones' titles go
(:func:`place_labels`); ``style`` the colours from the palette and the painting of markers;
``geometry`` the sizes and the zoom range.
"""

from careerpivot.ui.widgets.timeline.geometry import (
    LABEL_INSET,
    MAX_PX_PER_DAY,
    MIN_LABEL,
    MIN_PX_PER_DAY,
    ZOOM_STEP,
)
from careerpivot.ui.widgets.timeline.items import ContingencyFlag, MilestoneMarker
from careerpivot.ui.widgets.timeline.labels import TitleWidths, place_labels
from careerpivot.ui.widgets.timeline.style import (
    TimelineColors,
    is_dark,
    paint_flag,
    paint_marker,
    timeline_colors,
    warning_color,
)
from careerpivot.ui.widgets.timeline.view import TimelineView
from careerpivot.ui.widgets.timeline.widget import PlanTimeline

__all__ = ["LABEL_INSET", "MAX_PX_PER_DAY", "MIN_LABEL", "MIN_PX_PER_DAY", "ZOOM_STEP",
           "ContingencyFlag", "MilestoneMarker", "PlanTimeline", "TimelineColors",
           "TimelineView", "TitleWidths", "is_dark", "paint_flag", "paint_marker",
           "place_labels", "timeline_colors", "warning_color"]
