"""What the documents share: for the multi-page ones (prep sheet, plan) the page template with
its footer ("Page 2 of 3", in one pass), the paragraph styles, metadata, and a build that holds
the ReportLab lock; for all three, the one-page summary too, the pieces of text (links, the
middle dot), the tracked capitals of labels and the rule with its accent segment.

The text frame has no padding of its own: what is set :func:`frame_width` wide (tables, the
timeline, rules) ends exactly at the margins, level with the footer's rule."""

from __future__ import annotations

import dataclasses
import io
import threading
from typing import NamedTuple
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from careerpivot.reports import fonts, styles

#: Held by every ReportLab build (the preview's and the exports'): ReportLab is not safe to
#: run from several threads at once.
BUILD_LOCK = threading.Lock()

P = styles.PALETTE
T = styles.TYPE
MARGIN_X = 20 * styles.MM
MARGIN_TOP = 18 * styles.MM
MARGIN_BOTTOM = 20 * styles.MM


@dataclasses.dataclass
class DocStyles:
    kicker: object  # a small tracked label above the title
    title: object
    lead: object
    meta: object
    heading: object
    body: object
    muted: object
    small: object
    cell: object
    cell_bold: object
    cell_muted: object
    cell_head: object


def style(name: str, font: str, size: float, leading: float, color: str, **kw: object):
    """A paragraph style that breaks a word too long for its line rather than overrun."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading,
                          textColor=color, splitLongWords=True, **kw)


def doc_styles() -> DocStyles:
    def s(name: str, font: str, size: float, leading: float, color: str, **kw: object):
        # no space shrinkage: ReportLab would let a line of ragged text run past the margin
        # by what its spaces could shrink, and then not shrink them
        return style(name, font, size, leading, color, spaceShrinkage=0, **kw)

    body = T.body
    return DocStyles(
        kicker=s("kicker", styles.SANS_BOLD, styles.READABLE_FLOOR + 0.5, 12, P.accent),
        title=s("title", styles.SANS_BOLD, 20, 24, P.ink),
        lead=s("lead", styles.SANS, T.lead, T.lead * 1.3, P.accent),
        meta=s("meta", styles.SANS, body, body * 1.4, P.muted),
        heading=s("heading", styles.SANS_BOLD, T.lead, T.lead * 1.3, P.ink, spaceBefore=14,
                  spaceAfter=4, keepWithNext=1),
        body=s("body", styles.SANS, body, body * T.leading, P.ink),
        muted=s("muted", styles.SANS, body, body * T.leading, P.muted),
        small=s("small", styles.SANS, styles.READABLE_FLOOR, styles.READABLE_FLOOR * 1.35,
                P.muted),
        cell=s("cell", styles.SANS, 9, 12, P.ink),
        cell_bold=s("cell_bold", styles.SANS_BOLD, 9, 12, P.ink),
        cell_muted=s("cell_muted", styles.SANS, styles.READABLE_FLOOR, 11.5, P.muted),
        cell_head=s("cell_head", styles.SANS_BOLD, styles.READABLE_FLOOR, 11, P.accent),
    )


def para(text: str, style: object, *, markup: str = ""):
    """A Paragraph of plain ``text`` (escaped, font fallback) — or of ready ``markup``."""
    from reportlab.platypus import Paragraph

    return Paragraph(markup or fonts.markup(text), style)


def link(href: str, text: str, color: str = P.accent) -> str:
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


def tel_href(phone: str) -> str:
    """A phone number as a link target: "tel:" and its digits (and a leading plus)."""
    return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")


def bold(markup: str) -> str:
    """``markup`` in the family's bold face (its fallback for other scripts stays as it is)."""
    return f'<font name="{styles.SANS_BOLD}">{markup}</font>'


def dot() -> str:
    return f'<font color="{P.rule}">\u2002\u00b7\u2002</font>'


def balanced(widths: list[float], sep: float, width: float) -> list[int]:
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


def packed(items: list[tuple[str, str]], size: float, width: float) -> str:
    """Items joined by a middle dot on one line — or, when they do not fit, on as few
    balanced lines as needed, breaking only between items (never a separator dangling at a
    line's end). ``items``: (markup, plain text for measuring)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if not items:
        return ""
    sep_w = stringWidth("\u2002\u00b7\u2002", styles.SANS, size)
    widths = [stringWidth(plain, styles.SANS, size) for _m, plain in items]
    lines, start = [], 0
    for count in balanced(widths, sep_w, width - 1):
        lines.append(dot().join(m for m, _p in items[start:start + count]))
        start += count
    return "<br/>".join(lines)


def tracked(canvas, text: str, x: float, baseline: float, size: float,
            tracking: float = 0.1) -> None:
    """``text`` in capitals, bold, in the accent colour, letters ``tracking`` ems apart. The
    character spacing is text state, which outlives the text object: save and restore it."""
    canvas.saveState()
    t = canvas.beginText(x, baseline)
    t.setFont(styles.SANS_BOLD, size)
    t.setCharSpace(size * tracking)
    t.setFillColor(P.accent)
    t.textOut(text.upper())
    canvas.drawText(t)
    canvas.restoreState()


def kicker(canvas_text: str, st: DocStyles):
    """A tracked capitals label as a flowable."""
    from reportlab.platypus import Flowable

    class _Kicker(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.width = aw
            return aw, st.kicker.leading

        def draw(self) -> None:
            tracked(self.canv, canvas_text, 0, st.kicker.leading - st.kicker.fontSize,
                    st.kicker.fontSize)

    return _Kicker()


def draw_rule(canvas, x: float, y: float, width: float, accent: float = 60.0) -> None:
    """A hairline ``width`` long, its first ``accent`` points (none when 0) a thick accent
    segment: the rule under a document's header."""
    canvas.saveState()
    canvas.setStrokeColor(P.rule)
    canvas.setLineWidth(0.6)
    canvas.line(x, y, x + width, y)
    if accent:
        canvas.setStrokeColor(P.accent)
        canvas.setLineWidth(2.2)
        canvas.line(x, y, x + accent, y)
    canvas.restoreState()


def rule(width_share: float = 1.0, accent: bool = True, space: float = 8):
    """The rule under the header (:func:`draw_rule`) as a flowable, ``space`` above and below."""
    from reportlab.platypus import Flowable

    class _Rule(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.width = aw * width_share
            return self.width, 2 * space

        def draw(self) -> None:
            draw_rule(self.canv, 0, space, self.width, 60.0 if accent else 0.0)

    return _Rule()


def cell_style(left: float, right: float, top: float, bottom: float) -> list[tuple]:
    """The table style commands every table of the documents starts with: text at the top of
    its cell, in the documents' font, and these paddings."""
    return [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), styles.SANS, 9),  # or the table sets Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), left),
        ("RIGHTPADDING", (0, 0), (-1, -1), right),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
    ]


def short_date(text: str, *, year: bool = True) -> str:
    """ "2026-11-30" as "30 Nov 2026" (English, like the documents); other text as it is."""
    import datetime as _dt

    try:
        day = _dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
    return f"{day.day} {day:%b}" + (f" {day.year}" if year else "")


def height_of(flowables: list[object], width: float) -> float:
    """The height ``flowables`` take one after the other in a column ``width`` wide."""
    return sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
               for f in flowables)


def label_font(text: str, bold: bool = False) -> str:
    """The font a one-font text (a drawing's label) prints in: the family's, or the CJK
    fallback for a text with a character the family lacks."""
    from reportlab.pdfbase.pdfmetrics import getFont

    fonts.ensure_registered()
    glyphs = getFont(styles.SANS).face.charToGlyph
    if all(ord(ch) <= 0x2FF or ord(ch) in glyphs for ch in text):
        return styles.SANS_BOLD if bold else styles.SANS
    fonts.ensure_fallback()
    return styles.FALLBACK


def frame_width(page_size: str) -> float:
    """The width of the text between the margins of a page of ``page_size``."""
    return styles.PAGE_SIZES[page_size][0] - 2 * MARGIN_X


def frame_height(page_size: str) -> float:
    return styles.PAGE_SIZES[page_size][1] - MARGIN_TOP - MARGIN_BOTTOM


class Built(NamedTuple):
    data: bytes
    pages: int


def page_label(page: int, pages: int) -> str:
    return f"Page {page} of {pages}"


def _page_form(page: int) -> str:
    return f"cpPageLabel{page}"


def build_pdf(story: list[object], *, page_size: str, title: str, author: str,
              subject: str, footer: str) -> Built:
    """Build a document of any length from ``story``, in one pass. Every footer says
    "Page X of Y": each page shows its label as a form that is written once the pages are
    counted, when the document is saved. Holds BUILD_LOCK."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    if page_size not in styles.PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r}")
    fonts.ensure_registered()
    width, height = styles.PAGE_SIZES[page_size]
    small = doc_styles().small
    footer_markup = fonts.markup(footer)
    size = styles.READABLE_FLOOR
    seen: list[int] = []

    def decorate(canvas, doc) -> None:
        seen.append(doc.page)
        canvas.saveState()
        y = MARGIN_BOTTOM - 22
        canvas.setStrokeColor(P.rule)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y + 12, width - MARGIN_X, y + 12)
        canvas.saveState()
        canvas.translate(width - MARGIN_X, y)
        canvas.doForm(_page_form(doc.page))  # "Page 2 of 3", ranged right
        canvas.restoreState()
        # room for the page's label with a total of up to three digits
        label_w = canvas.stringWidth(page_label(doc.page, 999), styles.SANS, size)
        text = Paragraph(footer_markup, small)
        _w, h = text.wrap(width - 2 * MARGIN_X - label_w - 12, 40)
        text.drawOn(canvas, MARGIN_X, y + small.leading - h - 2.5)
        canvas.restoreState()

    class _Canvas(Canvas):
        def save(self) -> None:
            for page in seen:
                # ranged right from the form's origin: its box reaches left of it
                self.beginForm(_page_form(page), lowerx=-240, lowery=-10, upperx=2, uppery=20)
                self.setFont(styles.SANS, size)
                self.setFillColor(P.muted)
                self.drawRightString(0, 0, page_label(page, len(seen)))
                self.endForm()
            super().save()

    buffer = io.BytesIO()
    with BUILD_LOCK:
        doc = BaseDocTemplate(
            buffer, pagesize=(width, height), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, creator="CareerPivot",
            initialFontName=styles.SANS, initialFontSize=T.body, pageCompression=1,
            lang="en", title=title, author=author, subject=subject,
        )
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, width - 2 * MARGIN_X,
                      height - MARGIN_TOP - MARGIN_BOTTOM, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0, id="text")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
        doc.build(list(story), canvasmaker=_Canvas)
    return Built(buffer.getvalue(), len(seen))
