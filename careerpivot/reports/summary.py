"""The one-page value summary, with ReportLab.

The page (A4 or Letter), top to bottom on one grid:

* the header: the name, large; the headline in the accent colour; the current role and
  location; a single contact line with clickable e-mail, phone, website and LinkedIn; a hairline
  rule with a short accent segment;
* the narrative, one short paragraph (or a few);
* skills (narrow column) and selected work (wide column) side by side — when only one of the
  two has content it takes the full width, skills then as one flowing line;
* the ask, set apart in a band at the foot of the page, where the eye lands last.

An empty section disappears with its label and its gap.

**Always exactly one page.** :func:`fit` tries the full design first; if the content is too long
it scales type and spacing together down to the readable floor (body text 8.5 pt), choosing the
largest scale that fits (binary search); a short summary is set up to 10 % larger (body 11 pt)
so that the page looks full rather than sparse. If the content does not fit even there, nothing is
dropped silently and no second page is made: the :class:`FitReport` lists, per section, what
does not fit and how much to cut, in lines and words. The draft build (the live preview) then
draws what fits and a red marker where the text stops; :func:`export_summary` refuses to write a
file that would cut text and raises :class:`SummaryDoesNotFit` carrying the report.
"""

from __future__ import annotations

import dataclasses
import io
import math
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from careerpivot import fileio
from careerpivot.core.errors import QT_TRANSLATE_NOOP, ExportError
from careerpivot.reports import base, display_name, fonts, styles

if TYPE_CHECKING:
    from careerpivot.reports.data import SummaryDocument

P = styles.PALETTE
G = styles.GRID

#: Section keys and their names as printed and reported.
SECTIONS = {
    "header": "Header",
    "narrative": "Narrative",
    "skills": "Skills",
    "work": "Selected work",
    "ask": "How you can help",
}
#: When content does not fit, the ask may take at most this share of the body area, and the
#: narrative at least this share of what is left, so every section keeps a place in the draft.
ASK_MAX_SHARE = 0.30
NARRATIVE_MIN_SHARE = 0.45


# --- results ----------------------------------------------------------------------------------


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


# --- styles -----------------------------------------------------------------------------------


def _style(name: str, font: str, size: float, leading: float, color: str, **kw: object):
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading,
                          textColor=color, splitLongWords=True, allowWidows=1,
                          allowOrphans=1, **kw)


@dataclasses.dataclass
class _Styles:
    scale: float
    unit: float
    name: object
    headline: object
    meta: object
    body: object
    item_title: object
    item_text: object
    link: object
    ask: object
    label_size: float

    @classmethod
    def at(cls, scale: float) -> _Styles:
        t = styles.TYPE.scaled(scale)
        body = max(t.body, styles.READABLE_FLOOR)
        lead = t.leading
        return cls(
            scale=scale,
            unit=G.unit * scale,
            name=_style("name", styles.SANS_BOLD, t.display, t.display * 1.12, P.ink),
            headline=_style("headline", styles.SANS, t.lead, t.lead * 1.3, P.accent),
            meta=_style("meta", styles.SANS, body, body * lead, P.muted),
            body=_style("body", styles.SANS, body, body * lead, P.ink),
            item_title=_style("item_title", styles.SANS_BOLD, body, body * 1.32, P.ink),
            item_text=_style("item_text", styles.SANS, body, body * 1.36, P.muted),
            link=_style("link", styles.SANS, body, body * 1.36, P.accent),
            ask=_style("ask", styles.SANS, body, body * lead, P.ink),
            label_size=body,
        )


# --- content ----------------------------------------------------------------------------------


def _link(href: str, text: str, color: str) -> str:
    return (f'<a href="{escape(href, {chr(34): "&quot;"})}" color="{color}">'
            f"{fonts.markup(text)}</a>")


def display_url(url: str) -> str:
    """A web address as printed: no scheme, no "www.", no trailing slash."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    host = (parts.netloc or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    rest = ("?" + parts.query if parts.query else "")
    return (host + path + rest) or url


def _tel(phone: str) -> str:
    return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")


def _sep() -> str:
    return f'<font color="{P.rule}">\u2002\u00b7\u2002</font>'


def _balanced(widths: list[float], sep: float, width: float) -> list[int]:
    """Split items (of these widths) into the fewest lines that fit ``width``, balanced so the
    longest line is as short as possible; returns the number of items per line. (A handful of
    items: every set of break positions is tried.)"""
    from itertools import combinations, pairwise

    n = len(widths)

    def line_width(i: int, j: int) -> float:
        return sum(widths[i:j]) + sep * (j - i - 1)

    for lines in range(1, n + 1):
        best: tuple[float, list[int]] | None = None
        for breaks in combinations(range(1, n), lines - 1):
            edges = [0, *breaks, n]
            worst = max(line_width(a, b) for a, b in pairwise(edges))
            if worst <= width and (best is None or worst < best[0]):
                best = (worst, [b - a for a, b in pairwise(edges)])
        if best is not None:
            return best[1]
    return [1] * n  # an item wider than the line on its own: one per line, it wraps


def _packed(items: list[tuple[str, str]], size: float, width: float) -> str:
    """Items joined by a middle dot on one line — or, when they do not fit, on as few
    balanced lines as needed, breaking only between items (never a separator dangling at a
    line's end). ``items``: (markup, plain text for measuring)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if not items:
        return ""
    sep_w = stringWidth("\u2002\u00b7\u2002", styles.SANS, size)
    widths = [stringWidth(plain, styles.SANS, size) for _m, plain in items]
    lines, start = [], 0
    for count in _balanced(widths, sep_w, width - 1):
        lines.append(_sep().join(m for m, _p in items[start:start + count]))
        start += count
    return "<br/>".join(lines)


def _meta_items(doc: SummaryDocument) -> list[tuple[str, str]]:
    return [(fonts.markup(t), t) for t in (doc.current_role, doc.location) if t]


def _contact_items(doc: SummaryDocument) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    if doc.email:
        items.append((_link("mailto:" + doc.email, doc.email, P.muted), doc.email))
    if doc.phone:
        items.append((_link(_tel(doc.phone), doc.phone, P.muted), doc.phone))
    for url in (doc.website, doc.linkedin):
        if url:
            shown = display_url(url)
            items.append((_link(url, shown, P.muted), shown))
    return items


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks are kept."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return [b for b in blocks if b]


@dataclasses.dataclass
class _Item:
    """A flowable with the gap above it and the number of the list item it belongs to."""

    flowable: object
    gap: float
    item: int = 0
    words: int = 0
    height: float = 0.0
    lines: int = 0


@dataclasses.dataclass
class _Content:
    st: _Styles
    header: list[_Item]
    narrative: list[_Item]
    skills: list[_Item]
    work: list[_Item]
    ask: list[_Item]
    skills_inline: bool
    work_full: bool


def _words(text: str) -> int:
    return len(text.split())


def _build_content(doc: SummaryDocument, scale: float,
                   page: tuple[float, float]) -> _Content:
    from reportlab.platypus import Paragraph

    st = _Styles.at(scale)
    u = st.unit
    width = _Frame(*page).width
    header: list[_Item] = []
    if doc.full_name:
        name = display_name.layout(doc.full_name, st.name.fontSize, width - 0.5)
        style = st.name if name.size == st.name.fontSize else _style(
            "name", styles.SANS_BOLD, name.size, name.size * 1.12, P.ink)
        header.append(_Item(Paragraph(name.markup, style), 0, words=_words(doc.full_name)))
    if doc.headline:
        header.append(_Item(Paragraph(fonts.markup(doc.headline), st.headline),
                            0.5 * u if header else 0, words=_words(doc.headline)))
    meta = _packed(_meta_items(doc), st.meta.fontSize, width)
    if meta:
        header.append(_Item(Paragraph(meta, st.meta), 1.0 * u if header else 0,
                            words=_words(doc.current_role + " " + doc.location)))
    contact = _packed(_contact_items(doc), st.meta.fontSize, width)
    if contact:
        header.append(_Item(Paragraph(contact, st.meta),
                            0.15 * u if meta else (1.0 * u if header else 0), words=4))

    narrative = [_Item(Paragraph(fonts.markup(block), st.body), 0.6 * u if i else 0,
                       words=_words(block))
                 for i, block in enumerate(_paragraphs(doc.narrative))]

    skills_inline = bool(doc.skills) and not doc.portfolio
    skills: list[_Item] = []
    if skills_inline:
        text = _sep().join(fonts.markup(s) for s in doc.skills)
        skills.append(_Item(Paragraph(text, st.body), 0, item=1,
                            words=sum(map(_words, doc.skills))))
    else:
        for n, name in enumerate(doc.skills, 1):
            skills.append(_Item(Paragraph(fonts.markup(name), st.body),
                                0.35 * u if n > 1 else 0, item=n, words=_words(name)))

    work: list[_Item] = []
    for n, entry in enumerate(doc.portfolio, 1):
        work.append(_Item(Paragraph(fonts.markup(entry.title), st.item_title),
                          1.5 * u if n > 1 else 0, item=n, words=_words(entry.title)))
        result = fonts.markup(entry.result)
        if entry.kind == "experiment":
            tag = f'<font name="{styles.SANS_ITALIC}" color="{P.accent}">Experiment</font>'
            result = tag + (_sep() + result if entry.result else "")
        if result:
            work.append(_Item(Paragraph(result, st.item_text), 0.2 * u, item=n,
                              words=_words(entry.result)))
        if entry.url:
            work.append(_Item(Paragraph(_link(entry.url, display_url(entry.url), P.accent),
                                        st.link), 0.1 * u, item=n, words=1))

    ask = [_Item(Paragraph(fonts.markup(block), st.ask), 0.5 * u if i else 0,
                 words=_words(block))
           for i, block in enumerate(_paragraphs(doc.ask))]
    return _Content(st, header, narrative, skills, work, ask, skills_inline,
                    work_full=bool(doc.portfolio) and not doc.skills)


# --- geometry ---------------------------------------------------------------------------------


@dataclasses.dataclass
class _Frame:
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


def _wrap(items: list[_Item], width: float) -> float:
    total = 0.0
    for it in items:
        _w, h = it.flowable.wrap(width, 1e7)
        it.height = h
        bl = getattr(it.flowable, "blPara", None)
        it.lines = len(bl.lines) if bl is not None and hasattr(bl, "lines") else 1
        total += it.gap + h
    return total


def _label_height(st: _Styles) -> float:
    return st.label_size * 1.25 + 0.5 * st.unit + 0.9 * st.unit  # text, rule, gap below


def _ask_padding(st: _Styles) -> float:
    return 1.6 * st.unit


def _ask_label(st: _Styles) -> float:
    return st.label_size * 1.25 + 0.6 * st.unit


@dataclasses.dataclass
class _Measure:
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


def _measure(c: _Content, frame: _Frame) -> _Measure:
    st, u = c.st, c.st.unit
    header = _wrap(c.header, frame.width)
    narrative = _wrap(c.narrative, frame.width)
    if c.skills_inline or c.work_full:
        skills_w = work_w = frame.width
    else:
        skills_w, work_w = frame.narrow, frame.wide
    skills = _wrap(c.skills, skills_w)
    work = _wrap(c.work, work_w)
    label = _label_height(st)
    columns = max(skills + label if c.skills else 0.0, work + label if c.work else 0.0)
    ask_text = _wrap(c.ask, frame.width - 2 * _ask_padding(st) - 3)
    ask = ask_text + _ask_label(st) + 2 * _ask_padding(st) if c.ask else 0.0
    # the rule closes the header even when nothing follows yet: a letterhead, not a stray
    rule_gap = 3.0 * u if c.header else 0.0
    narrative_gap = 3.0 * u if c.narrative and (c.skills or c.work) else 0.0
    ask_gap = 3.0 * u if c.ask and (c.narrative or c.skills or c.work) else 0.0
    return _Measure(header, rule_gap, narrative, narrative_gap, columns, skills, work, ask,
                    ask_gap, frame.height)


# --- fitting ----------------------------------------------------------------------------------


def _content_at(doc: SummaryDocument, scale: float, frame: _Frame) -> tuple[_Content, _Measure]:
    content = _build_content(doc, scale, (frame.page_w, frame.page_h))
    return content, _measure(content, frame)


def fit(doc: SummaryDocument, page_size: str = "A4") -> tuple[FitReport, _Content, _Measure]:
    """The largest scale at which ``doc`` fits one page, with the report (see the module
    docstring). Tries the full design first; most summaries need one measurement."""
    fonts.ensure_registered()
    frame = _Frame(*styles.PAGE_SIZES[page_size])
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
class _Allocation:
    narrative: float
    columns: float
    ask: float


def _allocate(m: _Measure) -> _Allocation:
    """Heights each section may use when the content does not fit (see ASK_MAX_SHARE)."""
    body = m.available - m.header - m.rule_gap
    ask = min(m.ask, ASK_MAX_SHARE * body) if m.ask else 0.0
    rest = body - ask - m.ask_gap - m.narrative_gap
    if m.narrative + m.columns <= rest:
        return _Allocation(m.narrative, m.columns, body - m.narrative - m.columns
                           - m.ask_gap - m.narrative_gap)
    if not m.columns:
        return _Allocation(max(rest, 0.0), 0.0, ask)
    narrative = min(m.narrative, max(rest - m.columns, NARRATIVE_MIN_SHARE * rest))
    return _Allocation(max(narrative, 0.0), max(rest - narrative, 0.0), ask)


def _clip(items: list[_Item], width: float, avail: float) -> tuple[list[tuple[object, float]],
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


def _overflow_report(c: _Content, m: _Measure, frame: _Frame, page_size: str) -> FitReport:
    alloc = _allocate(m)
    st = c.st
    label = _label_height(st)
    overflows: list[Overflow] = []
    sections = [("narrative", c.narrative, frame.width, alloc.narrative)]
    if c.skills_inline or c.work_full:
        sections.append(("skills", c.skills, frame.width, alloc.columns - label))
        sections.append(("work", c.work, frame.width, alloc.columns - label))
    else:
        sections.append(("skills", c.skills, frame.narrow, alloc.columns - label))
        sections.append(("work", c.work, frame.wide, alloc.columns - label))
    ask_room = alloc.ask - _ask_label(st) - 2 * _ask_padding(st)
    sections.append(("ask", c.ask, frame.width - 2 * _ask_padding(st) - 3, ask_room))
    for key, items, width, avail in sections:
        if not items:
            continue
        _shown, lines, total, cut, words = _clip(items, width, max(avail, 0.0))
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


# --- drawing ----------------------------------------------------------------------------------


def _tracked(canvas, text: str, x: float, baseline: float, size: float) -> None:
    """Capitals, bold, tracked, in the accent colour. The character spacing is text state,
    which outlives the text object: save and restore it."""
    canvas.saveState()
    t = canvas.beginText(x, baseline)
    t.setFont(styles.SANS_BOLD, size)
    t.setCharSpace(size * 0.09)
    t.setFillColor(P.accent)
    t.textOut(text.upper())
    canvas.drawText(t)
    canvas.restoreState()


def _draw_label(canvas, text: str, x: float, y: float, width: float, st: _Styles) -> float:
    """A section label (capitals, tracked, accent) with a hairline under it; returns the y
    below it."""
    size = st.label_size
    baseline = y - size
    _tracked(canvas, text, x, baseline, size)
    rule_y = baseline - 0.25 * size - 0.5 * st.unit + 0.4 * st.unit
    canvas.setStrokeColor(P.rule)
    canvas.setLineWidth(0.5)
    canvas.line(x, rule_y, x + width, rule_y)
    return y - _label_height(st)


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


def _draw_section(canvas, key: str, items: list[_Item], x: float, y: float, width: float,
                  avail: float, draft: bool) -> None:
    if avail >= sum(it.gap + it.height for it in items) - 0.01:
        _draw_stack(canvas, [(it.flowable, it.gap) for it in items], x, y, width)
        return
    shown, lines, _total, _cut, _hidden_words = _clip(items, width, max(avail, 0.0))
    end = _draw_stack(canvas, shown, x, y, width)
    if draft and lines:
        _draw_cut_marker(canvas, x, end - 2, width,
                         f"{SECTIONS[key]}: {lines} more line{'s' if lines != 1 else ''} "
                         "do not fit")


def _draw(canvas, c: _Content, m: _Measure, frame: _Frame, report: FitReport,
          draft: bool) -> None:
    st, u = c.st, c.st.unit
    x, y = frame.left, frame.top
    # header
    y = _draw_stack(canvas, [(it.flowable, it.gap) for it in c.header], x, y, frame.width)
    if c.header and m.rule_gap:
        rule_y = y - 1.4 * u
        canvas.setStrokeColor(P.rule)
        canvas.setLineWidth(0.6)
        canvas.line(x, rule_y, x + frame.width, rule_y)
        canvas.setStrokeColor(P.accent)
        canvas.setLineWidth(2.2)
        canvas.line(x, rule_y, x + 10 * u, rule_y)
        y -= m.rule_gap
    alloc = (_allocate(m) if not report.fits
             else _Allocation(m.narrative, m.columns, m.ask))
    # narrative
    if c.narrative:
        _draw_section(canvas, "narrative", c.narrative, x, y, frame.width, alloc.narrative,
                      draft)
        y -= min(m.narrative, alloc.narrative) + m.narrative_gap
    # columns
    if c.skills or c.work:
        label = _label_height(st)
        col_avail = alloc.columns - label
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
    # the ask, at the foot
    if c.ask:
        pad = _ask_padding(st)
        height = min(m.ask, alloc.ask) if not report.fits else m.ask
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
        _tracked(canvas, SECTIONS["ask"], inner_x, top - size, size)
        text_top = top - _ask_label(st)
        _draw_section(canvas, "ask", c.ask, inner_x, text_top, inner_w,
                      text_top - bottom - pad, draft)
    if draft and not (c.header or c.narrative or c.skills or c.work or c.ask):
        # large enough to read in the preview, where the page is shown at about half size
        canvas.setFillColor(P.muted)
        canvas.setFont(styles.SANS, 16)
        canvas.drawCentredString(frame.page_w / 2, frame.page_h * 0.62,
                                 "Your one-page summary appears here as you write it.")
        canvas.setFillColor(P.rule)
        canvas.setFont(styles.SANS, 12)
        canvas.drawCentredString(frame.page_w / 2, frame.page_h * 0.62 - 26,
                                 "Start with your name and headline.")


def _metadata(canvas, doc: SummaryDocument) -> None:
    name = doc.full_name or "Value summary"
    canvas.setTitle(f"{doc.full_name} — value summary" if doc.full_name else "Value summary")
    canvas.setAuthor(name if doc.full_name else "CareerPivot")
    canvas.setSubject(doc.headline or "One-page value summary")
    canvas.setCreator("CareerPivot")
    canvas.setKeywords(", ".join(doc.skills))


def build_summary(doc: SummaryDocument, page_size: str = "A4", *,
                  draft: bool = False) -> SummaryPdf:
    """Build the one-page PDF. Always exactly one page; ``draft`` (the preview) draws a red
    marker where text stops when it does not fit. Holds base.BUILD_LOCK."""
    from reportlab.pdfgen.canvas import Canvas

    if page_size not in styles.PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r}")
    start = time.perf_counter()
    with base.BUILD_LOCK:
        report, content, measure = fit(doc, page_size)
        frame = _Frame(*styles.PAGE_SIZES[page_size])
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=styles.PAGE_SIZES[page_size], pageCompression=1,
                        initialFontName=styles.SANS, initialFontSize=styles.TYPE.body,
                        lang="en")
        _metadata(canvas, doc)
        _draw(canvas, content, measure, frame, report, draft)
        canvas.showPage()
        canvas.save()
    return SummaryPdf(buffer.getvalue(), report, time.perf_counter() - start)


def export_summary(doc: SummaryDocument, path: str | Path, page_size: str = "A4") -> FitReport:
    """Write the summary to ``path`` atomically. Refuses (SummaryDoesNotFit, nothing written)
    when the content does not fit one page. Raises ExportError for a file problem."""
    pdf = build_summary(doc, page_size)
    if not pdf.fit.fits:
        raise SummaryDoesNotFit(pdf.fit)
    fileio.write_atomic(path, pdf.data)
    return pdf.fit
