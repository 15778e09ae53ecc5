"""The name at the head of the one-page summary: large, on one line or two, never broken
inside a word.

:func:`layout` picks the size and the line breaks for a name and a line width:

* the design size on one line when the name fits there;
* else one line a little smaller, down to :data:`ONE_LINE_MIN_SHARE` of the design size (a
  name on one line reads better than the same name on two);
* else two balanced lines (the break where the longer line is shortest) at the design size or
  as much smaller as they need, down to :data:`FLOOR_SHARE` of it;
* a name too long even for that (a few words of a 200-character name) is set at the floor
  size and wraps as a paragraph does.

A line may break at a space or after a hyphen ("Konstantinopolskaya-" / "Wolfeschlegel…"),
never inside a word. Widths are measured in the bold face with the fallback font for the
characters it lacks, exactly as the paragraph will set them.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from careerpivot.reports import fonts, styles

#: A name may be set this much smaller than the design size to stay on one line.
ONE_LINE_MIN_SHARE = 0.75
#: The smallest size a name is set at, as a share of the design size (still well above the
#: headline's).
FLOOR_SHARE = 0.6
#: Sizes are rounded down to this step (points), so the name never overruns by a rounding.
_STEP = 0.1
_REFERENCE = 100.0  # the size the pieces are measured at


@dataclasses.dataclass(frozen=True)
class NameLayout:
    size: float  # points
    lines: tuple[str, ...]  # the text of each line; one entry when the paragraph wraps itself

    @property
    def markup(self) -> str:
        """Paragraph markup: the lines joined by explicit breaks."""
        return "<br/>".join(fonts.markup(line) for line in self.lines)


@dataclasses.dataclass(frozen=True)
class _Piece:
    text: str
    width: float  # at 1 pt
    spaced: bool  # a space separates it from the piece before


def _pieces(name: str) -> tuple[_Piece, ...]:
    """The name cut where a line may break, each piece measured."""
    return _measured(" ".join(name.split()))


@functools.lru_cache(maxsize=64)
def _measured(name: str) -> tuple[_Piece, ...]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    fonts.ensure_registered()
    style = ParagraphStyle("name-measure", fontName=styles.SANS_BOLD, fontSize=_REFERENCE,
                           leading=_REFERENCE * 1.2)
    pieces: list[_Piece] = []
    for word in name.split(" "):
        for i, part in enumerate(p for p in re.split(r"(?<=[-\u2010])", word) if p):
            paragraph = Paragraph(fonts.markup(part), style)
            paragraph.wrap(1e9, 1e9)
            width = max(paragraph.getActualLineWidths0() or [0.0]) / _REFERENCE
            pieces.append(_Piece(part, width, spaced=bool(pieces) and i == 0))
    return tuple(pieces)


def _space() -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts.ensure_registered()
    return stringWidth(" ", styles.SANS_BOLD, 1.0)


def _span(pieces: tuple[_Piece, ...], start: int, end: int, space: float) -> float:
    """The width at 1 pt of pieces[start:end] set as one line."""
    run = pieces[start:end]
    return sum(p.width for p in run) + space * sum(1 for p in run[1:] if p.spaced)


def _text(pieces: tuple[_Piece, ...]) -> str:
    return "".join((" " if p.spaced and i else "") + p.text for i, p in enumerate(pieces))


def _down(size: float) -> float:
    return round(int(size / _STEP) * _STEP, 2)


def layout(name: str, design: float, width: float) -> NameLayout:
    """The size and lines for ``name`` whose design size is ``design`` in a line ``width``
    points wide (see the module docstring)."""
    pieces = _pieces(name)
    if not pieces:
        return NameLayout(design, ())
    space = _space()
    whole = _span(pieces, 0, len(pieces), space)
    text = _text(pieces)
    if whole * design <= width:
        return NameLayout(design, (text,))
    one_line = _down(width / whole)
    if one_line >= design * ONE_LINE_MIN_SHARE:
        return NameLayout(one_line, (text,))
    floor = design * FLOOR_SHARE
    if len(pieces) > 1:
        longest, cut = min((max(_span(pieces, 0, k, space), _span(pieces, k, len(pieces), space)),
                            k) for k in range(1, len(pieces)))
        two_lines = min(design, _down(width / longest))
        if two_lines >= floor:
            return NameLayout(two_lines, (_text(pieces[:cut]), _text(pieces[cut:])))
    return NameLayout(_down(floor), (text,))
