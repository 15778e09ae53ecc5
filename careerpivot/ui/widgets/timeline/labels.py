"""Where the titles of milestones go along a lane: two rows, never overlapping, each title
measured only when it could be placed."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtGui import QFontMetricsF

from careerpivot.ui.widgets.timeline.geometry import LABEL_GAP, LABEL_INSET, MIN_LABEL


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

