"""The timeline's geometry, in device-independent pixels, and its zoom range."""

from __future__ import annotations

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
