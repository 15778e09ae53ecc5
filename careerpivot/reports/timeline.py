"""The plan's timeline as ReportLab graphics, laid out as a Gantt chart: a row per phase with
its band (start to end, a progress bar along its foot) and under it a row per dated milestone
with its diamond at the due date; the dated contingencies as flags in rows of their own; the
months above; today's line, labelled beneath the rows so it crosses no heading.

Every title has its own row in the names column, so none overlaps another; a title too long
for the column is shortened with an ellipsis (the tables below give it in full). A plan with
more milestones than fit comfortably (:data:`MAX_ROWS`) has them drawn on their phase's row,
without titles. Readable in
black and white: a milestone's state is its shape (filled: done; half filled: in progress;
hollow: planned; grey: missed; an outer ring, a bold title and "5 days overdue" beside it:
overdue), explained by the legend underneath. Phases too many for one page are drawn as
several drawings, each with the months above it.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import TYPE_CHECKING

from careerpivot.core import plan as _plan
from careerpivot.reports import base, fonts, styles

if TYPE_CHECKING:
    from careerpivot.reports.data import PlanDocument, PlanPhase

P = styles.PALETTE
SIZE = styles.READABLE_FLOOR  # every text of the timeline
HEADER_H = 15.0
PHASE_H = 14.5
ROW_H = 11.5
GROUP_GAP = 3.0
FOOT_H = 14.0
LEGEND_H = 15.0
DIAMOND = 3.8
INDENT = 10.0  # a milestone's title, under its phase's name
GROUP_TINT = "#f3f6fa"


def _date(text: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def elide(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points ("" when not even that)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    ellipsis = "…"
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid].rstrip() + ellipsis, font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ellipsis if low else ""


@dataclasses.dataclass
class _Row:
    title: str
    x: float | None = None  # the marker's place; None for a phase's row
    status: str = ""  # a milestone's status key, or "flag" for a contingency
    overdue: str = ""  # "5 days overdue", for an overdue milestone
    band: tuple[float, float] | None = None  # a phase's band
    progress: float = 0.0
    #: a compact timeline's phase row: its milestones' markers (x, status, overdue) on it
    marks: tuple[tuple[float, str, bool], ...] = ()

    @property
    def is_phase(self) -> bool:
        return self.x is None and self.status == ""

    @property
    def height(self) -> float:
        return PHASE_H if self.is_phase else ROW_H


class _Scale:
    def __init__(self, first: _dt.date, last: _dt.date, x0: float, x1: float) -> None:
        self.first, self.last, self.x0, self.x1 = first, last, x0, x1
        self.days = max(1, (last - first).days)

    def x(self, day: _dt.date) -> float:
        return self.x0 + (day - self.first).days / self.days * (self.x1 - self.x0)

    def clamp(self, day: _dt.date) -> float:
        return min(self.x1, max(self.x0, self.x(day)))


def _overdue(days: int) -> str:
    if not days:
        return ""
    return "1 day overdue" if days == 1 else f"{days} days overdue"


def _phase_group(number: int, phase: PlanPhase, scale: _Scale, compact: bool) -> list[_Row]:
    dues = [d for d in (_date(m.due_date) for m in phase.milestones) if d is not None]
    start = _date(phase.start_date) or (min(dues) if dues else None)
    end = _date(phase.end_date) or (max(dues) if dues else None)
    start, end = start or end, end or start
    band = (scale.clamp(start), scale.clamp(end)) if start and end else None
    progress = _plan.phase_progress(m.status_key for m in phase.milestones)
    rows = [_Row(m.title, scale.x(d), m.status_key or "planned", _overdue(m.days_overdue))
            for m in phase.milestones if (d := _date(m.due_date)) is not None]
    head = _Row(f"{number}\u2002{phase.name}", band=band, progress=progress.fraction)
    if compact:
        return [dataclasses.replace(head, marks=tuple(
            (r.x, r.status, bool(r.overdue)) for r in rows if r.x is not None))]
    return [head, *rows]


#: A timeline of more rows than this (phases, milestones, contingencies) draws its
#: milestones on their phases' rows, without their titles, so it stays within a page.
MAX_ROWS = 28


def _groups(doc: PlanDocument, scale: _Scale) -> list[list[_Row]]:
    flags = [_Row(c.trigger, scale.x(d), "flag")  # as typed, under "Contingencies"
             for c in doc.contingencies if (d := _date(c.trigger_date)) is not None]
    rows = len(doc.phases) + len(flags) + sum(
        1 for p in doc.phases for m in p.milestones if _date(m.due_date))
    compact = rows > MAX_ROWS
    groups = [_phase_group(n, p, scale, compact) for n, p in enumerate(doc.phases, 1)]
    if compact and flags:
        groups.append([_Row("Contingencies", marks=tuple(
            (r.x, "flag", False) for r in flags if r.x is not None))])
    elif flags:
        groups.append([_Row("Contingencies"), *flags])
    return groups


def _span(doc: PlanDocument, today: _dt.date) -> tuple[_dt.date, _dt.date]:
    dates: list[_dt.date | None] = []
    for p in doc.phases:
        dates += [_date(p.start_date), _date(p.end_date)]
        dates += [_date(m.due_date) for m in p.milestones]
    dates += [_date(c.trigger_date) for c in doc.contingencies]
    return _plan.plan_span(dates, today, margin_days=10)


def has_dates(doc: PlanDocument) -> bool:
    """True when the plan has a date the timeline can show."""
    return any(_date(t) for p in doc.phases
               for t in (p.start_date, p.end_date, *(m.due_date for m in p.milestones))
               ) or any(_date(c.trigger_date) for c in doc.contingencies)


def _height(group: list[_Row]) -> float:
    return sum(r.height for r in group) + GROUP_GAP


def drawings(doc: PlanDocument, width: float, max_height: float) -> list[object]:
    """The timeline as one Drawing, ``width`` wide, or several when it is taller than
    ``max_height``; none for a plan without dates."""
    if not has_dates(doc):
        return []
    today = _date(doc.generated) or _dt.date.min
    first, last = _span(doc, today)
    name_w = round(width * 0.36)
    scale = _Scale(first, last, name_w + 6, width - 1)
    chunks: list[list[list[_Row]]] = [[]]
    room = max_height - HEADER_H - FOOT_H - LEGEND_H
    for group in _groups(doc, scale):
        while group:
            used = sum(_height(g) for g in chunks[-1])
            fits = group
            while fits and used + _height(fits) > room:
                fits = fits[:-1]
            if len(fits) == 1 < len(group) and chunks[-1]:
                fits = []  # a phase's name never stays alone at a drawing's foot
            if not fits:
                if not chunks[-1]:  # one row more than a page: it goes on its own
                    fits = group[:1]
                else:
                    chunks.append([])
                    continue
            chunks[-1].append(fits)
            rest = group[len(fits):]
            if rest:  # the phase goes on in the next drawing, under its name again
                chunks.append([])
                head = group[0]
                rest = [dataclasses.replace(head, title=head.title + " (continued)"), *rest]
            group = rest
    return [_drawing(chunk, scale, width, name_w, today, legend=i == len(chunks) - 1)
            for i, chunk in enumerate(chunks)]


# --- drawing ----------------------------------------------------------------------------------


def _c(value: str | None):
    """A colour for a graphics shape (they take no strings)."""
    from reportlab.lib.colors import HexColor

    return None if value is None else HexColor(value)


def _diamond(x: float, y: float, r: float, **kw: object):
    from reportlab.graphics.shapes import Polygon

    return Polygon([x - r, y, x, y + r, x + r, y, x, y - r], **kw)


def _marker(g, status: str, overdue: bool, x: float, y: float) -> None:
    from reportlab.graphics.shapes import Polygon

    ink = P.ink
    if status == "flag":
        g.add(Polygon([x, y - 4.5, x, y + 4.5, x + 6.5, y + 2.2, x, y],
                      fillColor=_c(P.muted), strokeColor=_c(ink), strokeWidth=0.6))
        return
    if overdue:
        g.add(_diamond(x, y, DIAMOND + 2.4, fillColor=None, strokeColor=_c(ink),
                       strokeWidth=0.9))
    fill = {"done": ink, "missed": P.rule}.get(status, "#ffffff")
    g.add(_diamond(x, y, DIAMOND, fillColor=_c(fill),
                   strokeColor=_c(P.muted if status == "missed" else ink), strokeWidth=0.8))
    if status == "in_progress":  # the left half filled
        g.add(Polygon([x - DIAMOND, y, x, y + DIAMOND, x, y - DIAMOND],
                      fillColor=_c(ink), strokeColor=None, strokeWidth=0))


def _text(g, x: float, y: float, text: str, *, bold: bool = False, size: float = SIZE,
          color: str = P.ink, anchor: str = "start") -> None:
    from reportlab.graphics.shapes import String

    if text:
        g.add(String(x, y, fonts.visual_order(text), fontName=base.label_font(text, bold),
                     fontSize=size, fillColor=_c(color), textAnchor=anchor))


def _months(g, scale: _Scale, top: float, bottom: float) -> None:
    from reportlab.graphics.shapes import Line
    from reportlab.pdfbase.pdfmetrics import stringWidth

    starts = _plan.month_starts(scale.first, scale.last)
    month_w = (scale.x1 - scale.x0) / max(1, len(starts))
    step = next((s for s in (1, 2, 3, 4, 6, 12)
                 if month_w * s >= stringWidth("Sep 2026", styles.SANS, SIZE) + 5), 12)
    shown_year = None
    for i, day in enumerate(starts):
        x = scale.x(day)
        g.add(Line(x, top - HEADER_H, x, bottom, strokeColor=_c(P.rule), strokeWidth=0.35))
        if i % step:
            continue
        label = f"{day:%b}" if day.year == shown_year else f"{day:%b %Y}"
        if x + 2.5 + stringWidth(label, styles.SANS, SIZE) <= scale.x1:
            g.add(Line(x, top - 3, x, top - HEADER_H, strokeColor=_c(P.rule),
                       strokeWidth=0.35))  # the labelled months' ticks run up beside them
            _text(g, x + 2.5, top - 10.5, label, color=P.muted)
            shown_year = day.year


def _row(g, row: _Row, top: float, scale: _Scale, name_w: float) -> None:
    from reportlab.graphics.shapes import Line, Rect
    from reportlab.pdfbase.pdfmetrics import stringWidth

    h = row.height
    mid = top - h / 2
    baseline = mid - SIZE * 0.35
    if row.is_phase:
        font = base.label_font(row.title, bold=True)
        _text(g, 2, baseline, elide(row.title, font, 9.0, name_w - 4), bold=True, size=9.0)
        if row.band is not None:
            x0, x1 = row.band
            bh = h - 5
            g.add(Rect(x0, mid - bh / 2, max(x1 - x0, 2), bh, fillColor=_c(P.tint),
                       strokeColor=_c(P.accent), strokeWidth=0.6))
            if row.progress:
                g.add(Rect(x0, mid - bh / 2, max(x1 - x0, 2) * row.progress, 2.4,
                           fillColor=_c(P.accent), strokeColor=None))
        for x, status, overdue in row.marks:
            _marker(g, status, overdue, x, mid)
        return
    font = base.label_font(row.title, bold=bool(row.overdue))
    _text(g, 2 + INDENT, baseline, elide(row.title, font, SIZE, name_w - INDENT - 4),
          bold=bool(row.overdue))
    assert row.x is not None
    # a dotted leader from the title to its marker
    g.add(Line(scale.x0, mid, row.x - DIAMOND - 2, mid, strokeColor=_c(P.rule),
               strokeWidth=0.5, strokeDashArray=[0.6, 2.2]))
    _marker(g, row.status, bool(row.overdue), row.x, mid)
    if row.overdue:  # said beside the marker, on the side with room
        w = stringWidth(row.overdue, styles.SANS_BOLD, SIZE)
        right = row.x + DIAMOND + 5
        x = right if right + w <= scale.x1 else row.x - DIAMOND - 5 - w
        g.add(Rect(x - 1.5, baseline - 2, w + 3, SIZE + 2.5, fillColor=_c("#ffffff"),
                   strokeColor=None))
        _text(g, x, baseline, row.overdue, bold=True)


def _legend(g, y: float, width: float) -> None:
    from reportlab.graphics.shapes import Line
    from reportlab.pdfbase.pdfmetrics import stringWidth

    samples = [("done", False, "done"), ("in_progress", False, "in progress"),
               ("planned", False, "planned"), ("planned", True, "overdue"),
               ("missed", False, "missed"), ("flag", False, "contingency"),
               ("today", False, "today")]
    widths = [16 + stringWidth(t, styles.SANS, SIZE) for _s, _o, t in samples]
    gap = 12.0
    x = width - sum(widths) - gap * (len(samples) - 1)  # ranged right, under the chart
    for (status, overdue, text), w in zip(samples, widths, strict=True):
        if status == "today":
            g.add(Line(x + 7, y - 2, x + 7, y + 8.5, strokeColor=_c(P.accent),
                       strokeWidth=1.1, strokeDashArray=[2, 1.5]))
        else:
            _marker(g, status, overdue, x + 7, y + 3)
        _text(g, x + 16, y, text, color=P.muted)
        x += w + gap


def _drawing(groups: list[list[_Row]], scale: _Scale, width: float, name_w: float,
             today: _dt.date, *, legend: bool):
    from reportlab.graphics.shapes import Drawing, Line, Rect

    rows_h = sum(_height(g) for g in groups)
    height = HEADER_H + rows_h + FOOT_H + (LEGEND_H if legend else 0)
    d = Drawing(width, height)
    d.initialFontName, d.initialFontSize = styles.SANS, SIZE  # or it sets Helvetica first
    top = height - HEADER_H
    bottom = top - rows_h
    y = top
    for index, group in enumerate(groups):  # every other phase on a faint tint
        h = _height(group)
        if index % 2:
            d.add(Rect(0, y - h, width, h, fillColor=_c(GROUP_TINT), strokeColor=None))
        y -= h
    _months(d, scale, height, bottom)
    d.add(Line(0, top, width, top, strokeColor=_c(P.rule), strokeWidth=0.6))
    d.add(Line(0, bottom, width, bottom, strokeColor=_c(P.rule), strokeWidth=0.6))
    if scale.first <= today <= scale.last:
        x = scale.x(today)
        d.add(Line(x, top, x, bottom - 2, strokeColor=_c(P.accent), strokeWidth=1.1,
                   strokeDashArray=[3, 2]))
        label = f"Today, {today.day} {today:%b}"
        _text(d, min(max(x, scale.x0 + 32), width - 32), bottom - 11, label, bold=True,
              color=P.accent, anchor="middle")
    y = top
    for group in groups:
        y -= GROUP_GAP / 2
        for row in group:
            _row(d, row, y, scale, name_w)
            y -= row.height
        y -= GROUP_GAP / 2
    if legend:
        _legend(d, 3, width)
    return d
