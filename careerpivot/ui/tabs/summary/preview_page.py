"""The preview side of the Summary tab: the paper size, export and print, the fit report and the
live preview of the PDF, built off the GUI thread by :func:`build_preview`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import summary as service
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.undo import push_change
from careerpivot.ui.widgets.pdf_preview import PdfPreview
from careerpivot.ui.widgets.spacing import MARGIN


def build_preview(doc: service.SummaryDocument, page_size: str) -> tuple[bytes, Any]:
    """Worker side of the preview: the draft PDF (red markers where text is cut) and its
    fit report."""
    from careerpivot.reports.summary import build_summary

    pdf = build_summary(doc, page_size, draft=True)
    return pdf.data, pdf.fit


class PreviewPage(QWidget):
    """The paper size, export and print buttons, fit report and :attr:`preview`.

    The tab asks for previews (``preview.request``) and shows what they report
    (:meth:`show_report`, :meth:`show_failure`)."""

    #: The buttons asked to export or print the summary.
    exportRequested = Signal()
    printRequested = Signal()
    #: A paper size was chosen and stored (the preview should follow at once).
    pageSizeStored = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._build()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.setObjectName("summaryPreviewSide")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        bar = QHBoxLayout()
        paper = QLabel(self.tr("&Paper:"))
        self.page_size_combo = QComboBox()
        self.page_size_combo.setObjectName("pageSizeCombo")
        paper.setBuddy(self.page_size_combo)
        self._fill_page_sizes()
        self.page_size_combo.activated.connect(lambda _i: self._page_size_chosen())
        bar.addWidget(paper)
        bar.addWidget(self.page_size_combo)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("&Export PDF…"))
        self.export_button.setObjectName("exportSummaryButton")
        self.export_button.clicked.connect(lambda _=False: self.exportRequested.emit())
        self.print_button = QPushButton(self.tr("Pr&int…"))
        self.print_button.setObjectName("printSummaryButton")
        self.print_button.clicked.connect(lambda _=False: self.printRequested.emit())
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)
        lay.addLayout(bar)

        self.fit_label = QLabel()
        self.fit_label.setObjectName("fitReport")
        self.fit_label.setWordWrap(True)
        self.fit_label.setTextFormat(Qt.TextFormat.RichText)
        self.fit_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fit_label.setMinimumWidth(120)
        lay.addWidget(self.fit_label)

        self.preview = PdfPreview(self)
        lay.addWidget(self.preview, 1)

    def _fill_page_sizes(self) -> None:
        from careerpivot.ui.export import locale_page_size

        combo = self.page_size_combo
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem(self.tr("As usual here ({0})").format(locale_page_size()), "")
            combo.addItem(self.tr("A4"), "A4")
            combo.addItem(self.tr("US Letter"), "Letter")

    # --- paper size -----------------------------------------------------------------------
    def show_page_size(self, value: str) -> None:
        """Show the stored paper size (``""``: as usual here) without storing it again."""
        index = self.page_size_combo.findData(value)
        with QSignalBlocker(self.page_size_combo):
            self.page_size_combo.setCurrentIndex(max(index, 0))

    def page_size(self) -> str:
        from careerpivot.ui.export import effective_page_size

        return effective_page_size(self.page_size_combo.currentData() or "")

    def _page_size_chosen(self) -> None:
        value = self.page_size_combo.currentData() or ""
        try:
            old = service.get_profile().page_size
            service.update_profile("page_size", value)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        push_change(self.ctx, self.tr("paper size"), Area.SUMMARY,
                    lambda: service.update_profile("page_size", old),
                    lambda: service.update_profile("page_size", value))
        self.pageSizeStored.emit()

    # --- the fit report -------------------------------------------------------------------
    def show_report(self, report: Any, missing: tuple[str, ...] = ()) -> None:
        """A preview was made: say whether it fits, and which essential parts
        (services.summary.missing_parts) it still lacks; export and print wait until it
        fits."""
        self._show_fit(report)
        if report.fits and missing:
            # "fits on one page" says little of a page still missing its main parts
            smaller = report.scale < 0.995
            self.fit_label.setText((self.fit_label.text() + " " if smaller else "")
                                   + self.missing_text(missing))
        fits = bool(report.fits)
        for button in (self.export_button, self.print_button):
            button.setEnabled(fits)
            button.setToolTip("" if fits else self.tr(
                "The summary does not fit on one page yet; see what to cut above the "
                "preview."))

    def show_failure(self, exc: BaseException) -> None:
        """A preview could not be made: say why."""
        message = exc.message if isinstance(exc, CareerPivotError) else str(exc)
        self.fit_label.setText(self.tr("The preview could not be made: {0}").format(message))

    def fit_text(self, report: Any) -> str:
        if report.fits:
            if report.scale < 0.995:
                return self.tr("Fits on one page, with the text set a little smaller "
                               "({0} pt) to make room.").format(f"{report.body_size:g}")
            return self.tr("Fits on one page.")
        sections = {
            "header": self.tr("Header"), "narrative": self.tr("Narrative"),
            "skills": self.tr("Skills"), "work": self.tr("Selected work"),
            "ask": self.tr("How you can help"),
        }
        rows = []
        for o in report.overflow:
            if o.section == "skills" and o.items:
                what = self.tr("%n skill(s) do not fit.", "", len(o.items))
            elif o.section == "work" and o.items:
                first, last = o.items[0], o.items[-1]
                what = (self.tr("item {0} does not fit.").format(first) if first == last
                        else self.tr("items {0}–{1} do not fit.").format(first, last))
            else:
                what = self.tr("the last {0} of {1} lines do not fit.").format(
                    o.lines, o.total_lines)
            rows.append(f"\u2022 <b>{sections[o.section]}</b>: {what}")
        head = self.tr(
            "<b>Does not fit on one page</b>, even at the smallest readable size. Cut about "
            "{0} lines (roughly {1} words) in total.").format(report.lines_to_cut,
                                                              report.words_to_cut)
        tail = self.tr("Nothing is cut for you: export and print wait until it fits.")
        return "<br/>".join([head, *rows, tail])

    def missing_text(self, missing: tuple[str, ...]) -> str:
        names = {"full_name": self.tr("your name"), "narrative": self.tr("the narrative"),
                 "skills": self.tr("skills"), "ask": self.tr("the ask")}
        listed = QLocale().createSeparatedList([names[p] for p in missing if p in names])
        return self.tr("Still to add: {0}.").format(listed)

    def _show_fit(self, report: Any) -> None:
        self.fit_label.setText(self.fit_text(report))
        self.fit_label.setStyleSheet(
            "" if report.fits else
            "QLabel#fitReport { color: #8c1d18; background: #fdecea; "
            "border: 1px solid #f2b8b5; border-radius: 4px; padding: 6px; }")
