"""Drawing the one-page summary on its canvas, from the measured content: the header and its
rule, the narrative, skills and selected work side by side under their labels, and the ask in
its band at the foot of the page. In a draft (the live preview) a section cut short ends in
a red marker; an empty page says what will appear there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerpivot.reports import base, styles
from careerpivot.reports.summary_fit import (
    Allocation,
    Frame,
    Measure,
    allocate,
    ask_label,
    ask_padding,
    clip,
    label_height,
)
from careerpivot.reports.summary_result import SECTIONS, FitReport

if TYPE_CHECKING:
    from careerpivot.reports.data import SummaryDocument
    from careerpivot.reports.summary_content import Content, Item, Styles

P = styles.PALETTE
G = styles.GRID
#: The summary's labels are tracked a little less than the documents' kickers.
LABEL_TRACKING = 0.09


def _draw_label(canvas, text: str, x: float, y: float, width: float, st: Styles) -> float:
    """A section label (capitals, tracked, accent) with a hairline under it; returns the y
    below it."""
    size = st.label_size
    baseline = y - size
    base.tracked(canvas, text, x, baseline, size, LABEL_TRACKING)
    rule_y = baseline - 0.25 * size - 0.5 * st.unit + 0.4 * st.unit
    canvas.setStrokeColor(P.rule)
    canvas.setLineWidth(0.5)
    canvas.line(x, rule_y, x + width, rule_y)
    return y - label_height(st)


def _draw_stack(canvas, flowables: list[tuple[object, float]], x: float, y: float,
                width: float) -> float:
    for flowable, gap in flowables:
        y -= gap
        _w, h = flowable.wrap(width, 1e7)
        flowable.drawOn(canvas, x, y - h)
        y -= h
    return y


def _draw_cut_marker(canvas, x: float, y: float, width: float, text: str) -> None:
    canvas.saveState()
    canvas.setStrokeColor(P.warning)
    canvas.setFillColor(P.warning)
    canvas.setDash(3, 2)
    canvas.setLineWidth(0.8)
    canvas.line(x, y, x + width, y)
    canvas.setFont(styles.SANS_BOLD, styles.READABLE_FLOOR)
    canvas.drawRightString(x + width, y - styles.READABLE_FLOOR - 1.5, text)
    canvas.restoreState()


def _draw_section(canvas, key: str, items: list[Item], x: float, y: float, width: float,
                  avail: float, draft: bool) -> None:
    if avail >= sum(it.gap + it.height for it in items) - 0.01:
        _draw_stack(canvas, [(it.flowable, it.gap) for it in items], x, y, width)
        return
    shown, lines, _total, _cut, _hidden_words = clip(items, width, max(avail, 0.0))
    end = _draw_stack(canvas, shown, x, y, width)
    if draft and lines:
        _draw_cut_marker(canvas, x, end - 2, width,
                         f"{SECTIONS[key]}: {lines} more line{'s' if lines != 1 else ''} "
                         "do not fit")


def _draw_columns(canvas, c: Content, x: float, y: float, frame: Frame, col_avail: float,
                  draft: bool) -> None:
    """Skills and selected work side by side under their labels, or the one of them there
    is across the page."""
    st = c.st
    if c.skills and c.work and not c.skills_inline:
        xs, ws = x, frame.narrow
        xw, ww = x + frame.narrow + G.gutter, frame.wide
        below = _draw_label(canvas, SECTIONS["skills"], xs, y, ws, st)
        _draw_section(canvas, "skills", c.skills, xs, below, ws, col_avail, draft)
        below = _draw_label(canvas, SECTIONS["work"], xw, y, ww, st)
        _draw_section(canvas, "work", c.work, xw, below, ww, col_avail, draft)
    else:
        key, items = ("skills", c.skills) if c.skills else ("work", c.work)
        below = _draw_label(canvas, SECTIONS[key], x, y, frame.width, st)
        _draw_section(canvas, key, items, x, below, frame.width, col_avail, draft)


def _draw_ask(canvas, c: Content, height: float, frame: Frame, draft: bool) -> None:
    """The ask in its tinted band, ``height`` tall, standing on the foot of the frame."""
    st = c.st
    x = frame.left
    pad = ask_padding(st)
    bottom = frame.bottom
    canvas.saveState()
    canvas.setFillColor(P.tint)
    canvas.setStrokeColor(P.tint)
    canvas.rect(x, bottom, frame.width, height, stroke=0, fill=1)
    canvas.setFillColor(P.accent)
    canvas.rect(x, bottom, 2.4, height, stroke=0, fill=1)
    canvas.restoreState()
    inner_x = x + pad + 3
    inner_w = frame.width - 2 * pad - 3
    top = bottom + height - pad
    size = st.label_size
    base.tracked(canvas, SECTIONS["ask"], inner_x, top - size, size, LABEL_TRACKING)
    text_top = top - ask_label(st)
    _draw_section(canvas, "ask", c.ask, inner_x, text_top, inner_w,
                  text_top - bottom - pad, draft)


def _draw_placeholder(canvas, frame: Frame) -> None:
    """What an empty draft says, large enough to read in the preview, where the page is
    shown at about half size."""
    canvas.setFillColor(P.muted)
    canvas.setFont(styles.SANS, 16)
    canvas.drawCentredString(frame.page_w / 2, frame.page_h * 0.62,
                             "Your one-page summary appears here as you write it.")
    canvas.setFont(styles.SANS, 12)
    canvas.drawCentredString(frame.page_w / 2, frame.page_h * 0.62 - 26,
                             "Start with your name and headline.")


def draw(canvas, c: Content, m: Measure, frame: Frame, report: FitReport,
         draft: bool) -> None:
    u = c.st.unit
    x, y = frame.left, frame.top
    y = _draw_stack(canvas, [(it.flowable, it.gap) for it in c.header], x, y, frame.width)
    if c.header and m.rule_gap:
        base.draw_rule(canvas, x, y - 1.4 * u, frame.width, 10 * u)
        y -= m.rule_gap
    alloc = (allocate(m) if not report.fits
             else Allocation(m.narrative, m.columns, m.ask))
    if c.narrative:
        _draw_section(canvas, "narrative", c.narrative, x, y, frame.width, alloc.narrative,
                      draft)
        y -= min(m.narrative, alloc.narrative) + m.narrative_gap
    if c.skills or c.work:
        _draw_columns(canvas, c, x, y, frame, alloc.columns - label_height(c.st), draft)
    if c.ask:
        _draw_ask(canvas, c, min(m.ask, alloc.ask) if not report.fits else m.ask, frame,
                  draft)
    if draft and not (c.header or c.narrative or c.skills or c.work or c.ask):
        _draw_placeholder(canvas, frame)


def metadata(canvas, doc: SummaryDocument) -> None:
    name = doc.full_name or "Value summary"
    canvas.setTitle(f"{doc.full_name} — value summary" if doc.full_name else "Value summary")
    canvas.setAuthor(name if doc.full_name else "CareerPivot")
    canvas.setSubject(doc.headline or "One-page value summary")
    canvas.setCreator("CareerPivot")
    canvas.setKeywords(", ".join(doc.skills))
