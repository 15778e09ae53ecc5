"""A live preview of a PDF page, rendered by QtPdf off the GUI thread.

:class:`PdfPreview` takes a build function (plain data in, PDF bytes out), waits a moment after
the last request (typing), then builds and renders page 1 in a worker: the GUI thread only
paints a finished image, so typing never waits. Requests made while a build runs are merged
into one more build when it ends. ``rendered`` is emitted each time a new page is shown.

QtPdf is imported only when the first page is rendered, never at start-up. It renders a page
with a transparent background, so every image is filled white first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from careerpivot.ui import workers

#: Quiet time after the last request before the preview is rebuilt.
DEBOUNCE_MS = 400
#: Width of the rendered page image in pixels (scaled smoothly to the widget).
RENDER_WIDTH = 1100


class PdfDocumentHandle:
    """A QPdfDocument over bytes, keeping its buffer alive as long as the document."""

    def __init__(self, data: bytes) -> None:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtPdf import QPdfDocument

        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise ValueError(f"the PDF could not be read ({self.document.error()})")

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def page_points(self, page: int) -> tuple[float, float]:
        size = self.document.pagePointSize(page)
        return size.width(), size.height()

    def render(self, page: int, width_px: int) -> QImage:
        """Page ``page`` as an opaque image ``width_px`` wide (white behind the page)."""
        w_pt, h_pt = self.page_points(page)
        size = QSize(width_px, max(1, round(width_px * h_pt / w_pt)))
        rendered = self.document.render(page, size)
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.drawImage(0, 0, rendered)
        painter.end()
        return image

    def text(self, page: int) -> str:
        return self.document.getAllText(page).text()

    def close(self) -> None:
        self.document.close()
        self._buffer.close()


def render_first_page(data: bytes, width_px: int = RENDER_WIDTH) -> tuple[QImage, int]:
    """Page 1 of ``data`` as an image, and the number of pages (worker-safe)."""
    handle = PdfDocumentHandle(data)
    try:
        return handle.render(0, width_px), handle.page_count
    finally:
        handle.close()


BuildFn = Callable[..., tuple[bytes, Any]]


def _preview_job(job: workers.Job, build: BuildFn, args: tuple, width_px: int) -> dict:
    pdf, extra = build(*args)
    job.progress(1, 2)
    image, pages = render_first_page(pdf, width_px)
    return {"pdf": pdf, "extra": extra, "image": image, "pages": pages}


class PdfPreview(QWidget):
    """Shows page 1 of the latest PDF, scaled to fit, on a quiet background."""

    #: Emitted with the build function's extra value when a new page is shown.
    rendered = Signal(object)
    #: Emitted with the exception when a build fails (the last good page stays).
    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 300)
        self.setAccessibleName(self.tr("Preview of the PDF"))
        self._image: QImage | None = None
        self.pdf: bytes | None = None
        self.extra: Any = None
        self.pages = 0
        self._pending: tuple[BuildFn, tuple] | None = None
        self._task: workers.Task | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self._placeholder = ""

    # --- requests ------------------------------------------------------------------------
    def request(self, build: BuildFn, *args: Any, delay: bool = True) -> None:
        """Rebuild with ``build(*args) -> (pdf bytes, extra)`` after the quiet time (or at
        once with ``delay=False``). Only the latest request counts."""
        self._pending = (build, args)
        if delay:
            self._timer.start()
        else:
            self._timer.stop()
            self._start()

    def is_busy(self) -> bool:
        return self._task is not None or self._timer.isActive()

    def _start(self) -> None:
        if self._task is not None or self._pending is None:
            return  # the running build's end starts the next one
        build, args = self._pending
        self._pending = None
        task = workers.submit(_preview_job, build, args, RENDER_WIDTH)
        self._task = task
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self.failed.emit)
        task.signals.done.connect(self._done)

    def _finished(self, result: dict) -> None:
        self._image = result["image"]
        self.pdf = result["pdf"]
        self.extra = result["extra"]
        self.pages = result["pages"]
        self.update()
        self.rendered.emit(self.extra)

    def _done(self) -> None:
        self._task = None
        if self._pending is not None and not self._timer.isActive():
            self._start()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    # --- painting ------------------------------------------------------------------------
    def page_rect(self) -> QRectF:
        if self._image is None:
            return QRectF()
        margin = 14.0
        avail_w = max(self.width() - 2 * margin, 10.0)
        avail_h = max(self.height() - 2 * margin, 10.0)
        ratio = self._image.height() / self._image.width()
        w = min(avail_w, avail_h / ratio)
        h = w * ratio
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Mid).lighter(135))
        if self._image is None:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._placeholder or self.tr("Preparing the preview…"))
            painter.end()
            return
        rect = self.page_rect()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        shadow = rect.translated(2, 3)
        painter.fillRect(shadow, QColor(0, 0, 0, 40))
        painter.drawImage(rect, self._image)
        painter.setPen(QColor(0, 0, 0, 50))
        painter.drawRect(rect)
        painter.end()

    def image(self) -> QImage | None:
        return self._image
