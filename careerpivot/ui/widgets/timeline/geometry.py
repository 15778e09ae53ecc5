"""The timeline's geometry, in device-independent pixels, and its zoom range. Heights that
hold text (the axis rows, a lane's name, a row of milestones) follow the fonts: see
:class:`careerpivot.ui.widgets.timeline.lanes.LaneGeometry`."""

from __future__ import annotations

LEFT, RIGHT = 16.0, 24.0
EDGE = 4.0  # no text closer than this to the scene's left or right edge
DIAMOND = 6.5  # half of a milestone diamond's diagonal
TITLE_GAP = 5.0  # between a diamond's tip and its title (clear of an overdue ring)
ITEM_GAP = 8.0  # between a milestone (diamond and title) and the next one in its row
MAX_ROWS = 3  # rows of milestones in a lane; beyond, titles are shortened or left out
MAX_LABEL = 260.0  # a longer title is shortened (the whole one is in its tooltip)
MIN_LABEL = 56.0  # narrower than this, a title is left to the tooltip
BAND_PAD = 3.0  # between a band's edge and its first or last row of milestones
LANE_SPACE = 5.0  # below a lane's band
CONTINGENCY_H = 30.0  # a strip of flags at the foot
BOTTOM = 8.0
TODAY_CLEAR = 3.0  # the Today line stops this far from a text it would cross

MIN_PX_PER_DAY = 0.25
MAX_PX_PER_DAY = 24.0
ZOOM_STEP = 1.25
