"""Where the milestones of a lane go: each diamond on one of a few rows, its title beside it
(to its right, or to its left where that keeps the row free), never overlapping another title
or diamond; each title measured only when it could be placed."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtGui import QFontMetricsF

from careerpivot.ui.widgets.timeline.geometry import (
    DIAMOND,
    ITEM_GAP,
    MAX_ROWS,
    MIN_LABEL,
    TITLE_GAP,
)


class Place(NamedTuple):
    """A milestone's row and its title's span: the title runs from ``start`` for ``width``
    (0: no title, the tooltip tells it), to the right of the diamond or, when ``left``, ending
    at its left."""

    row: int
    start: float
    width: float
    left: bool


def title_start(x: float, width: float, left: bool) -> float:
    """Where the title of the diamond at ``x`` starts."""
    return x - DIAMOND - TITLE_GAP - width if left else x + DIAMOND + TITLE_GAP


class _Row:
    """A row being filled from left to right: everything in it ends before ``frontier``; the
    last milestone placed in it is ``last`` (its index), whose title may still be shortened."""

    __slots__ = ("frontier", "last")

    def __init__(self) -> None:
        self.frontier = float("-inf")
        self.last = -1


def pack_milestones(xs: Sequence[float], widths: Sequence[float],
                    band: tuple[float, float], left: float, right: float,
                    max_rows: int = MAX_ROWS) -> tuple[list[Place], int]:
    """The places of diamonds at ``xs`` (ascending) with titles ``widths`` wide, between
    ``left`` and ``right``, and the number of rows used (at most ``max_rows``).

    A milestone takes the first row where its diamond and whole title fit: the title to the
    right of the diamond or to its left, preferring the side that leaves more of the later
    diamonds free, then the side inside ``band`` (the phase's span), then the right. When no
    row has room, the previous title of a row is shortened to make room (neither below
    :data:`MIN_LABEL`), or the milestone shows its diamond alone. Titles never overlap each
    other or a diamond of their row; only diamonds a few days apart may overlap, once every
    row is taken.

    ``widths`` are the titles' natural widths; one is read only when its title could be
    placed, so a sequence that measures on demand measures few titles where diamonds crowd."""
    rows: list[_Row] = []
    places: list[Place] = []
    count = len(xs)
    band_lo, band_hi = band

    def blocked(index: int, end: float) -> int:
        """The later diamonds that something ending at ``end`` keeps out of its row."""
        return bisect.bisect_left(xs, end + ITEM_GAP + DIAMOND, index + 1, count) - index - 1

    for index, x in enumerate(xs):
        m0, m1 = x - DIAMOND, x + DIAMOND
        natural: float | None = None
        best: tuple[tuple[int, int, bool, bool], Place, float] | None = None
        for r in range(min(len(rows) + 1, max_rows)):
            frontier = rows[r].frontier if r < len(rows) else float("-inf")
            if frontier + ITEM_GAP > m0:
                continue
            if natural is None:
                natural = widths[index]
            for go_left in (False, True):
                start = title_start(x, natural, go_left)
                end = start + natural
                if start < left or end > right or start < frontier + ITEM_GAP:
                    continue
                inside = band_lo <= start and end <= band_hi
                key = (r, blocked(index, m1 if go_left else end), not inside, go_left)
                if best is None or key < best[0]:
                    best = (key, Place(r, start, natural, go_left), m1 if go_left else end)
            if best is not None:  # the lowest row with room
                break
        if best is not None:
            place, end = best[1], best[2]
            if place.row == len(rows):
                rows.append(_Row())
            rows[place.row].frontier, rows[place.row].last = end, index
            places.append(place)
            continue
        places.append(_crowded(index, x, rows, places, xs, widths, natural, left, right,
                               max_rows))
    return places, len(rows)


def _crowded(index: int, x: float, rows: list[_Row], places: list[Place],
             xs: Sequence[float], widths: Sequence[float], natural: float | None,
             left: float, right: float, max_rows: int) -> Place:
    """The place of a milestone when no row has room for its diamond and its whole title:
    the row where the most of the titles concerned shows. The previous title of that row is
    shortened (in ``places``) when that makes room, or left to its tooltip when nothing else
    does."""
    m0, m1 = x - DIAMOND, x + DIAMOND
    # (the width this title gets, the previous title's new width or None, row, side)
    options: list[tuple[float, float | None, int, bool]] = []
    for r in range(min(len(rows) + 1, max_rows)):
        frontier = rows[r].frontier if r < len(rows) else float("-inf")
        if frontier + ITEM_GAP <= m0:
            # the diamond fits; its title, as wide as there is room beside it
            if natural is None:
                natural = widths[index]
            room_right = right - (m1 + TITLE_GAP)
            room_left = m0 - TITLE_GAP - max(left, frontier + ITEM_GAP)
            go_left = room_left > room_right
            options.append((min(natural, max(room_left, room_right)), None, r, go_left))
            continue
        last = places[rows[r].last]
        shortened = m0 - ITEM_GAP - last.start
        if last.left or last.width <= 0 or xs[rows[r].last] + DIAMOND + ITEM_GAP > m0 \
                or shortened < MIN_LABEL:
            continue
        if natural is None:
            natural = widths[index]
        options.append((min(natural, right - (m1 + TITLE_GAP)), shortened, r, False))

    def too_short(width: float) -> bool:
        return width < MIN_LABEL and (natural is None or width < natural)

    def quality(option: tuple[float, float | None, int, bool]) -> tuple[float, int]:
        width, shortened, r, _left = option
        if too_short(width):  # no title: better without shortening another
            return (-2.0 if shortened is not None else -1.0, -r)
        return (min(width, shortened if shortened is not None else width), -r)

    if options:
        width, shortened, r, go_left = max(options, key=quality)
        if r == len(rows):
            rows.append(_Row())
        row = rows[r]
        if shortened is not None:
            places[row.last] = places[row.last]._replace(width=shortened)
        row.last = index
        if too_short(width):
            row.frontier = m1
            return Place(r, m1, 0.0, False)
        start = title_start(x, width, go_left)
        row.frontier = m1 if go_left else start + width
        return Place(r, start, width, go_left)
    # Every row ends too close: the diamond goes over the last one of a row whose last title
    # (if any) does not run to the right over it; failing that, where the last diamond is
    # furthest to the left, whose title is then left to its tooltip.
    def cost(i: int) -> tuple[bool, float, int]:
        last = places[rows[i].last]
        return (not last.left and last.width > 0, xs[rows[i].last], i)

    r = min(range(len(rows)), key=cost)
    row = rows[r]
    last = places[row.last]
    if not last.left and last.width > 0:
        places[row.last] = last._replace(start=xs[row.last] + DIAMOND, width=0.0)
    row.frontier, row.last = m1, index
    return Place(r, m1, 0.0, False)


class TitleWidths(Sequence[float]):
    """The widths of milestone titles for :func:`pack_milestones` (at most ``cap``), each
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
