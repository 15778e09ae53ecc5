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

The work is shared out: :mod:`.summary_content` sets the sections' text at a scale,
:mod:`.summary_fit` measures it and finds the scale, :mod:`.summary_draw` draws the page,
:mod:`.summary_result` holds what a build reports, and :mod:`.display_name` sets the name.
This module builds and exports the page; what the app imports from here stays here.
"""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import TYPE_CHECKING

from careerpivot import fileio
from careerpivot.reports import base, styles
from careerpivot.reports.base import display_url
from careerpivot.reports.summary_draw import draw, metadata
from careerpivot.reports.summary_fit import Frame, fit
from careerpivot.reports.summary_result import (
    SECTIONS,
    FitReport,
    Overflow,
    SummaryDoesNotFit,
    SummaryPdf,
    describe,
)

if TYPE_CHECKING:
    from careerpivot.reports.data import SummaryDocument

__all__ = ["SECTIONS", "FitReport", "Overflow", "SummaryDoesNotFit", "SummaryPdf",
           "build_summary", "describe", "display_url", "export_summary", "fit"]


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
        frame = Frame(*styles.PAGE_SIZES[page_size])
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=styles.PAGE_SIZES[page_size], pageCompression=1,
                        initialFontName=styles.SANS, initialFontSize=styles.TYPE.body,
                        lang="en")
        metadata(canvas, doc)
        draw(canvas, content, measure, frame, report, draft)
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
