"""Work that waits until the window is idle: a widget (the tab shown) has painted, and the
background jobs of the moment (its data, the charts' data) have ended.

The start-up backup waits so (see ``MainWindow.start_backup_when_idle``): copying and checking
a large file in a worker while the first tab loads and paints its data would compete with them
for the processor and Python's lock, and the user looks at that tab, not at the backup.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QWidget

#: After the paint, how often the background jobs are asked whether they have ended.
POLL_MS = 100
#: Should background jobs go on longer than this after the paint, the call is made anyway.
BUSY_LIMIT_MS = 10_000
#: Should no paint come (a window started minimised, a tab hidden), the wait for it ends here.
PAINT_LIMIT_MS = 1000


class WhenIdle(QObject):
    """Calls ``call`` once, after the next paint of ``widget`` (or ``PAINT_LIMIT_MS``) and
    then once no worker of the global thread pool runs (or ``BUSY_LIMIT_MS``). Its ``parent``
    (the window) keeps it; should the parent go first, the call is never made."""

    def __init__(self, parent: QObject, widget: QWidget, call: Callable[[], object]) -> None:
        super().__init__(parent)
        self._call: Callable[[], object] | None = call
        self._widget: QWidget | None = widget
        self._busy_ms = 0
        widget.installEventFilter(self)
        widget.destroyed.connect(self._forget_widget)
        QTimer.singleShot(PAINT_LIMIT_MS, self, self._painted)

    def _forget_widget(self) -> None:
        self._widget = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._widget is not None:
            # posted from the paint: runs once the whole frame has been drawn
            QTimer.singleShot(0, self, self._painted)
        return False

    def _painted(self) -> None:
        if self._call is None or self._busy_ms:  # (the wait for the paint is over already)
            return
        if self._widget is not None:
            self._widget.removeEventFilter(self)
            self._widget.destroyed.disconnect(self._forget_widget)
            self._widget = None
        self._busy_ms = POLL_MS  # (the data a paint asked for is requested just after it)
        QTimer.singleShot(POLL_MS, self, self._poll)

    def _poll(self) -> None:
        if QThreadPool.globalInstance().activeThreadCount() and self._busy_ms < BUSY_LIMIT_MS:
            self._busy_ms += POLL_MS
            QTimer.singleShot(POLL_MS, self, self._poll)
            return
        call, self._call = self._call, None
        self.deleteLater()
        if call is not None:
            call()
