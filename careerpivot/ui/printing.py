"""Printing a document from the very PDF that is exported, so paper and file never differ.

:class:`PdfPrinter` keeps one QPrinter alive for the window (a temporary printer handed to
QPrintPreviewDialog crashes the process). The preview's ``paintRequested`` handler renders each
PDF page with QtPdf at the printer's resolution (capped at 300 dpi, which no office printer
outdoes for text) and draws it on the full sheet. Under each page image it lays the page's text,
invisible, at the positions QtPdf reports, so "print to PDF" gives a searchable file whose text
is the same as the original's.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import QWidget

#: Highest resolution pages are rendered at for printing.
MAX_PRINT_DPI = 300

_fonts_loaded: list[bool] = []


def _load_bundled_fonts() -> None:
    """Make the bundled fonts known to Qt, so the invisible text layer can always be set."""
    if _fonts_loaded:
        return
    from PySide6.QtGui import QFontDatabase

    from careerpivot.reports import fonts

    for name in (*fonts.FONT_FILES.values(), fonts.FALLBACK_FILE):
        QFontDatabase.addApplicationFontFromData(fonts.font_resource(name).read_bytes())
    _fonts_loaded.append(True)


def _layout_for(points: tuple[float, float]) -> QPageLayout:
    w, h = points
    size = QPageSize(QSizeF(w, h), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if w > h
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def prepare_printer(printer, data: bytes) -> None:
    """Set the printer's paper to the document's page size, edge to edge."""
    from careerpivot.ui.widgets.pdf_preview import PdfDocumentHandle

    handle = PdfDocumentHandle(data)
    try:
        points = handle.page_points(0)
    finally:
        handle.close()
    printer.setFullPage(True)
    printer.setPageLayout(_layout_for(points))
    printer.setDocName("CareerPivot")


def _draw_text_layer(painter: QPainter, handle, page: int, scale: float) -> None:
    """The page's text, invisible, over the lines QtPdf found (scale: device px per point)."""
    selection = handle.document.getAllText(page)
    text = selection.text()
    if not text:
        return
    painter.save()
    painter.setPen(QColor(0, 0, 0, 0))
    font = QFont("DejaVu Sans")
    # no ligatures: the layer must hold the characters as typed ("fi", not "ﬁ")
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    index = 0
    for line in text.split("\n"):
        length = len(line)
        clean = line.rstrip("\r")
        if clean.strip():
            piece = handle.document.getSelectionAtIndex(page, index, len(clean))
            box = piece.boundingRectangle()
            if box.isValid() and box.width() > 0:
                rect = QRectF(box.x() * scale, box.y() * scale, box.width() * scale,
                              box.height() * scale)
                font.setPixelSize(max(1, round(rect.height() * 0.8)))
                painter.setFont(font)
                advance = QFontMetricsF(font).horizontalAdvance(clean)
                painter.save()
                painter.translate(rect.left(), rect.bottom() - rect.height() * 0.2)
                if advance > 0:
                    painter.scale(rect.width() / advance, 1.0)
                painter.drawText(0, 0, clean)
                painter.restore()
        index += length + 1
    painter.restore()


def paint_pdf(printer, data: bytes) -> int:
    """Draw every page of ``data`` on ``printer`` (a QPrinter or the preview's); returns the
    number of pages."""
    from careerpivot.ui.widgets.pdf_preview import PdfDocumentHandle

    _load_bundled_fonts()
    handle = PdfDocumentHandle(data)
    painter = QPainter()
    if not painter.begin(printer):
        handle.close()
        raise OSError("The printer could not be started.")
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for page in range(handle.page_count):
            if page:
                printer.newPage()
            w_pt, _h_pt = handle.page_points(page)
            target = painter.viewport()
            scale_dev = target.width() / w_pt  # device pixels per point
            image = handle.render(page, max(1, round(w_pt * dpi / 72)))
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(QRectF(0, 0, target.width(),
                                     target.width() * image.height() / image.width()), image)
            _draw_text_layer(painter, handle, page, scale_dev)
        return handle.page_count
    finally:
        painter.end()
        handle.close()


class PdfPrinter(QObject):
    """Print preview and printing for one window; keeps its QPrinter alive."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtPrintSupport import QPrinter

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._data = b""
        self.dialog = None

    def preview(self, data: bytes, title: str, parent: QWidget | None = None) -> int:
        """Show the print preview of ``data``; printing from it prints the same pages.
        Returns the dialog's result."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        self._data = data
        prepare_printer(self.printer, data)
        self.printer.setDocName(title)
        dialog = QPrintPreviewDialog(self.printer, parent)
        dialog.setObjectName("printPreviewDialog")
        dialog.setWindowTitle(self.tr("Print Preview — {0}").format(title))
        dialog.paintRequested.connect(lambda printer: paint_pdf(printer, self._data))
        dialog.resize(900, 1000)
        self.dialog = dialog
        try:
            return dialog.exec()
        finally:
            self.dialog = None
            dialog.deleteLater()
