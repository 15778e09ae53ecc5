"""Fitting the one-page summary to its page: the frame of the page, the height each section
takes, the largest scale at which everything fits, and — when nothing fits — how the page is
shared out between the sections and what of each does not fit.

See :mod:`.summary` for the policy: the roomy size when the content is short, smaller down
to the readable floor when it is long, and a report instead of a second page."""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING

from careerpivot.reports import fonts, styles
from careerpivot.reports.summary_content import Content, Item, Styles, build_content
from careerpivot.reports.summary_result import FitReport, Overflow

if TYPE_CHECKING:
    from careerpivot.reports.data import SummaryDocument

G = styles.GRID

#: When content does not fit, the ask may take at most this share of the body area, and the
#: narrative at least this share of what is left, so every section keeps a place in the draft.
ASK_MAX_SHARE = 0.30
NARRATIVE_MIN_SHARE = 0.45


# --- geometry ---------------------------------------------------------------------------------


@dataclasses.dataclass
class Frame:
    page_w: float
    page_h: float

    @property
    def left(self) -> float:
        return G.margin_x

    @property
    def width(self) -> float:
        return self.page_w - 2 * G.margin_x

    @property
    def top(self) -> float:
        return self.page_h - G.margin_top

    @property
    def bottom(self) -> float:
        return G.margin_bottom

    @property
    def height(self) -> float:
        return self.top - self.bottom

    @property
    def narrow(self) -> float:
        return (self.width - G.gutter) * G.narrow_share

    @property
    def wide(self) -> float:
        return self.width - G.gutter - self.narrow


def _wrap(items: list[Item], width: float) -> float:
    total = 0.0
    for it in items:
        _w, h = it.flowable.wrap(width, 1e7)
        it.height = h
        bl = getattr(it.flowable, "blPara", None)
        it.lines = len(bl.lines) if bl is not None and hasattr(bl, "lines") else 1
        total += it.gap + h
    return total


def label_height(st: Styles) -> float:
    return st.label_size * 1.25 + 0.5 * st.unit + 0.9 * st.unit  # text, rule, gap below


def ask_padding(st: Styles) -> float:
    return 1.6 * st.unit


def ask_label(st: Styles) -> float:
    return st.label_size * 1.25 + 0.6 * st.unit


@dataclasses.dataclass
class Measure:
    header: float
    rule_gap: float
    narrative: float
    narrative_gap: float
    columns: float  # including the labels
    skills: float
    work: float
    ask: float  # including label and padding
    ask_gap: float
    available: float

    @property
    def total(self) -> float:
        return (self.header + self.rule_gap + self.narrative + self.narrative_gap
                + self.columns + self.ask_gap + self.ask)

    @property
    def fits(self) -> bool:
        return self.total <= self.available + 0.01


def _measure(c: Content, frame: Frame) -> Measure:
    st, u = c.st, c.st.unit
    header = _wrap(c.header, frame.width)
    narrative = _wrap(c.narrative, frame.width)
    if c.skills_inline or c.work_full:
        skills_w = work_w = frame.width
    else:
        skills_w, work_w = frame.narrow, frame.wide
    skills = _wrap(c.skills, skills_w)
    work = _wrap(c.work, work_w)
    label = label_height(st)
    columns = max(skills + label if c.skills else 0.0, work + label if c.work else 0.0)
    ask_text = _wrap(c.ask, frame.width - 2 * ask_padding(st) - 3)
    ask = ask_text + ask_label(st) + 2 * ask_padding(st) if c.ask else 0.0
    # the rule closes the header even when nothing follows yet: a letterhead, not a stray
    rule_gap = 3.0 * u if c.header else 0.0
    narrative_gap = 3.0 * u if c.narrative and (c.skills or c.work) else 0.0
    ask_gap = 3.0 * u if c.ask and (c.narrative or c.skills or c.work) else 0.0
    return Measure(header, rule_gap, narrative, narrative_gap, columns, skills, work, ask,
                   ask_gap, frame.height)


# --- fitting ----------------------------------------------------------------------------------


def _content_at(doc: SummaryDocument, scale: float, frame: Frame) -> tuple[Content, Measure]:
    content = build_content(doc, scale, frame.width)
    return content, _measure(content, frame)


def fit(doc: SummaryDocument, page_size: str = "A4") -> tuple[FitReport, Content, Measure]:
    """The largest scale at which ``doc`` fits one page, with the report (see the module
    docstring). Tries the full design first; most summaries need one measurement."""
    fonts.ensure_registered()
    frame = Frame(*styles.PAGE_SIZES[page_size])
    content, m = _content_at(doc, styles.MAX_SCALE, frame)
    if m.fits:
        return FitReport(page_size, styles.MAX_SCALE, True), content, m
    low_content, low_m = _content_at(doc, styles.MIN_SCALE, frame)
    if not low_m.fits:
        report = _overflow_report(low_content, low_m, frame, page_size)
        return report, low_content, low_m
    lo, hi = styles.MIN_SCALE, styles.MAX_SCALE  # lo fits, hi does not
    best = (lo, low_content, low_m)
    while hi - lo > 0.005:
        mid = (lo + hi) / 2
        c, mm = _content_at(doc, mid, frame)
        if mm.fits:
            lo, best = mid, (mid, c, mm)
        else:
            hi = mid
    scale, content, m = best
    return FitReport(page_size, round(scale, 4), True), content, m


@dataclasses.dataclass
class Allocation:
    narrative: float
    columns: float
    ask: float


def allocate(m: Measure) -> Allocation:
    """Heights each section may use when the content does not fit (see ASK_MAX_SHARE)."""
    body = m.available - m.header - m.rule_gap
    ask = min(m.ask, ASK_MAX_SHARE * body) if m.ask else 0.0
    rest = body - ask - m.ask_gap - m.narrative_gap
    if m.narrative + m.columns <= rest:
        return Allocation(m.narrative, m.columns, body - m.narrative - m.columns
                          - m.ask_gap - m.narrative_gap)
    if not m.columns:
        return Allocation(max(rest, 0.0), 0.0, ask)
    narrative = min(m.narrative, max(rest - m.columns, NARRATIVE_MIN_SHARE * rest))
    return Allocation(max(narrative, 0.0), max(rest - narrative, 0.0), ask)


def clip(items: list[Item], width: float, avail: float) -> tuple[list[tuple[object, float]],
                                                                int, int, list[int], int]:
    """Fit ``items`` into ``avail``: (flowables to draw with their gaps, hidden lines, total
    lines, item numbers cut (even partly), hidden words)."""
    shown: list[tuple[object, float]] = []
    used = 0.0
    hidden_lines = 0
    hidden_words = 0
    cut_items: list[int] = []
    total = sum(it.lines for it in items)
    stopped = False
    for it in items:
        if stopped:
            hidden_lines += it.lines
            hidden_words += it.words
            if it.item and it.item not in cut_items:
                cut_items.append(it.item)
            continue
        if used + it.gap + it.height <= avail + 0.01:
            shown.append((it.flowable, it.gap))
            used += it.gap + it.height
            continue
        stopped = True
        room = avail - used - it.gap
        parts = it.flowable.split(width, room) if room > 0 else []
        if len(parts) >= 2:
            first = parts[0]
            _w, h = first.wrap(width, 1e7)
            shown.append((first, it.gap))
            used += it.gap + h
            shown_lines = len(first.blPara.lines)
            gone = max(it.lines - shown_lines, 1)
        else:
            gone = it.lines
        hidden_lines += gone
        hidden_words += math.ceil(it.words * gone / max(it.lines, 1))
        if it.item and it.item not in cut_items:
            cut_items.append(it.item)
    return shown, hidden_lines, total, cut_items, hidden_words


def _overflow_report(c: Content, m: Measure, frame: Frame, page_size: str) -> FitReport:
    alloc = allocate(m)
    st = c.st
    label = label_height(st)
    overflows: list[Overflow] = []
    sections = [("narrative", c.narrative, frame.width, alloc.narrative)]
    if c.skills_inline or c.work_full:
        sections.append(("skills", c.skills, frame.width, alloc.columns - label))
        sections.append(("work", c.work, frame.width, alloc.columns - label))
    else:
        sections.append(("skills", c.skills, frame.narrow, alloc.columns - label))
        sections.append(("work", c.work, frame.wide, alloc.columns - label))
    ask_room = alloc.ask - ask_label(st) - 2 * ask_padding(st)
    sections.append(("ask", c.ask, frame.width - 2 * ask_padding(st) - 3, ask_room))
    for key, items, width, avail in sections:
        if not items:
            continue
        _shown, lines, total, cut, words = clip(items, width, max(avail, 0.0))
        if lines:
            only_items = key in ("skills", "work") and not (key == "skills" and c.skills_inline)
            overflows.append(Overflow(key, lines, total, words,
                                      tuple(cut) if only_items else ()))
    excess = m.total - m.available
    line = st.body.leading
    lines_to_cut = max(math.ceil(excess / line), 1)
    words_per_line = max(frame.width / (st.body.fontSize * 0.55) / 6.2, 1.0)
    return FitReport(page_size, styles.MIN_SCALE, False, tuple(overflows), lines_to_cut,
                     max(math.ceil(lines_to_cut * words_per_line), 1))
