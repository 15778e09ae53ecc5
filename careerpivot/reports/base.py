"""What the multi-page documents (prep sheet, plan) share: the page template with its footer,
the paragraph styles, metadata, and a build that holds the ReportLab lock."""

from __future__ import annotations

import dataclasses
import io
import threading
from collections.abc import Callable, Sequence
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


def doc_styles() -> DocStyles:
    from reportlab.lib.styles import ParagraphStyle

    def s(name: str, font: str, size: float, leading: float, color: str,
          **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading,
                              textColor=color, splitLongWords=True, **kw)

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


def dot() -> str:
    return f'<font color="{P.rule}">\u2002\u00b7\u2002</font>'


def kicker(canvas_text: str, st: DocStyles):
    """A tracked capitals label as a flowable."""
    from reportlab.platypus import Flowable

    class _Kicker(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.width = aw
            return aw, st.kicker.leading

        def draw(self) -> None:
            c = self.canv
            c.saveState()
            t = c.beginText(0, st.kicker.leading - st.kicker.fontSize)
            t.setFont(styles.SANS_BOLD, st.kicker.fontSize)
            t.setCharSpace(st.kicker.fontSize * 0.1)
            t.setFillColor(P.accent)
            t.textOut(canvas_text.upper())
            c.drawText(t)
            c.restoreState()

    return _Kicker()


def rule(width_share: float = 1.0, accent: bool = True, space: float = 8):
    """A hairline with a short accent segment, as under the summary's header."""
    from reportlab.platypus import Flowable

    class _Rule(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.width = aw * width_share
            return self.width, 2 * space

        def draw(self) -> None:
            c = self.canv
            c.saveState()
            c.setStrokeColor(P.rule)
            c.setLineWidth(0.6)
            c.line(0, space, self.width, space)
            if accent:
                c.setStrokeColor(P.accent)
                c.setLineWidth(2.2)
                c.line(0, space, 60, space)
            c.restoreState()

    return _Rule()


def build_pdf(story: Sequence[object], *, page_size: str, title: str, author: str,
              subject: str, footer: str,
              on_page: Callable[[object, object], None] | None = None) -> bytes:
    """Build a document of any length from ``story``. Holds BUILD_LOCK."""
    from reportlab.platypus import SimpleDocTemplate

    if page_size not in styles.PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r}")
    fonts.ensure_registered()
    width, height = styles.PAGE_SIZES[page_size]

    small = doc_styles().small
    footer_markup = fonts.markup(footer)

    def decorate(canvas, doc) -> None:
        from reportlab.platypus import Paragraph

        canvas.saveState()
        y = MARGIN_BOTTOM - 22
        canvas.setStrokeColor(P.rule)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y + 12, width - MARGIN_X, y + 12)
        canvas.setFont(styles.SANS, styles.READABLE_FLOOR)
        canvas.setFillColor(P.muted)
        page = f"Page {doc.page}"
        page_w = canvas.stringWidth(page, styles.SANS, styles.READABLE_FLOOR)
        canvas.drawRightString(width - MARGIN_X, y, page)
        text = Paragraph(footer_markup, small)
        _w, h = text.wrap(width - 2 * MARGIN_X - page_w - 12, 40)
        text.drawOn(canvas, MARGIN_X, y + small.leading - h - 2.5)
        canvas.restoreState()
        if on_page is not None:
            on_page(canvas, doc)

    buffer = io.BytesIO()
    with BUILD_LOCK:
        doc = SimpleDocTemplate(
            buffer, pagesize=(width, height), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
            subject=subject, creator="CareerPivot", initialFontName=styles.SANS,
            initialFontSize=T.body, pageCompression=1, lang="en",
        )
        doc.build(list(story), onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()

