"""What a build of the one-page summary says about itself: whether the content fits, at what
scale, and — when it does not — what of each section to cut (see :mod:`.summary`)."""

from __future__ import annotations

import dataclasses

from careerpivot.core.errors import QT_TRANSLATE_NOOP, ExportError
from careerpivot.reports import styles

#: Section keys and their names as printed and reported.
SECTIONS = {
    "header": "Header",
    "narrative": "Narrative",
    "skills": "Skills",
    "work": "Selected work",
    "ask": "How you can help",
}


@dataclasses.dataclass(frozen=True)
class Overflow:
    """What of one section does not fit."""

    section: str  # a key of SECTIONS
    lines: int  # lines that do not fit
    total_lines: int  # lines the section has
    words: int  # about how many words to cut
    items: tuple[int, ...] = ()  # 1-based numbers of items (skills, works) that do not fit

    @property
    def name(self) -> str:
        return SECTIONS[self.section]


@dataclasses.dataclass(frozen=True)
class FitReport:
    page_size: str
    scale: float  # 1.0 is the design size (body 10 pt); MIN_SCALE the floor, MAX_SCALE roomy
    fits: bool
    overflow: tuple[Overflow, ...] = ()
    lines_to_cut: int = 0  # in total, at the readable floor
    words_to_cut: int = 0

    @property
    def body_size(self) -> float:
        return round(styles.TYPE.body * self.scale, 2)

    def message(self) -> str:
        """The report as plain English sentences (the UI builds its own, translated)."""
        if self.fits:
            if self.scale < 0.995:
                return (f"Fits on one page with the text set smaller than usual "
                        f"({self.body_size:g} pt; the design size is {styles.TYPE.body:g} pt).")
            return "Fits on one page."
        lines = [
            f"Does not fit on one page, even at the smallest readable size "
            f"({styles.READABLE_FLOOR:g} pt). Cut about {self.lines_to_cut} lines "
            f"(roughly {self.words_to_cut} words) in total:"
        ]
        for o in self.overflow:
            lines.append(f"- {o.name}: {describe(o)}")
        return "\n".join(lines)


def describe(o: Overflow) -> str:
    if o.items and o.section == "skills":
        return f"{_count(len(o.items), 'skill')} of the list do not fit."
    if o.items and o.section == "work":
        first, last = o.items[0], o.items[-1]
        return (f"item {first} does not fit." if first == last
                else f"items {first}–{last} do not fit.")
    return f"the last {o.lines} of {o.total_lines} lines do not fit."


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclasses.dataclass(frozen=True)
class SummaryPdf:
    data: bytes
    fit: FitReport
    seconds: float  # time the build took


class SummaryDoesNotFit(ExportError):
    """Raised by the export when the content does not fit on one page."""

    title = QT_TRANSLATE_NOOP("errors", "The summary does not fit on one page")

    def __init__(self, report: FitReport) -> None:
        super().__init__(report.message())
        self.report = report
