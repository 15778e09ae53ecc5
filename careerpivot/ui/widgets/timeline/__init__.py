"""The plan drawn as a timeline: phases as lanes with a band each, milestones as diamonds
with their titles beside them, today's line.

Drawn with QGraphicsView so that it scrolls, hit-tests and maps positions for free, and
paints only the items in view. Zooming changes the number of pixels per day and lays the
scene out again (it does not scale the view), so text, pens and markers keep their size and
stay sharp; every pen is cosmetic and nothing is cached as a pixmap, so a high-DPI screen gets
vector-crisp lines and text. All colours derive from the widget's palette, so a dark palette
gives a dark timeline; every height that holds text follows the font.

The layout is computed when the plan, the scale or the view's width changes, never while
painting: a marker's paint only draws with pens and shapes made once per layout, and
tooltips are written when one is asked for. A lane has as many rows of milestones as their
titles need (up to :data:`MAX_ROWS`), so no title overlaps another or a diamond; a title
shortened to fit has its whole text in the tooltip. Fitting the plan to the view measures
the lanes first and takes the vertical scroll bar they will need into account, so the first
showing is laid out once. The Today line stops short of every text it would cross.

The package: ``widget`` holds :class:`PlanTimeline`, the view with its zoom controls and
legend; ``view`` the :class:`TimelineView` (zoom, fit, selection, clicks, tooltips);
``lanes`` the plan measured into lanes (:func:`~lanes.plan_layout`); ``labels`` where a
lane's milestones and their titles go (:func:`pack_milestones`); ``scene`` the
:class:`TimelineScene` that draws a layout as items; ``items`` the milestone's diamond and the
contingency's flag; ``style`` the colours from the palette and the painting of markers;
``geometry`` the sizes and the zoom range.
"""

from careerpivot.ui.widgets.timeline.geometry import (
    DIAMOND,
    MAX_PX_PER_DAY,
    MAX_ROWS,
    MIN_LABEL,
    MIN_PX_PER_DAY,
    ZOOM_STEP,
)
from careerpivot.ui.widgets.timeline.items import ContingencyFlag, MilestoneMarker
from careerpivot.ui.widgets.timeline.labels import (
    Place,
    TitleWidths,
    pack_milestones,
    title_start,
)
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

__all__ = ["DIAMOND", "MAX_PX_PER_DAY", "MAX_ROWS", "MIN_LABEL", "MIN_PX_PER_DAY",
           "ZOOM_STEP", "ContingencyFlag", "MilestoneMarker", "Place", "PlanTimeline",
           "TimelineColors", "TimelineView", "TitleWidths", "is_dark", "pack_milestones",
           "paint_flag", "paint_marker", "timeline_colors", "title_start", "warning_color"]
