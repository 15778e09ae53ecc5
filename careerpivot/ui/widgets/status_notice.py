"""A sentence in the status bar with a link that acts on it: "Backed up at 14:05. Show
Backups", "Exported Contacts to Contacts.csv. Show in Folder".

A file's full path is never the message: it is the sentence's tooltip, and the link opens
what the user would look for next. The notice is one of the status bar's normal widgets, so a
temporary message (``QStatusBar.showMessage``, the ``bus.status`` texts) covers it. It goes
when its time is up or when such a message comes; a notice without a time (a problem that
lasts) stays until the next notice, uncovered again when the message goes.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStatusBar, QWidget

#: How long a notice stays, unless another message comes first.
NOTICE_MS = 20_000


class StatusNotice(QWidget):
    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.setObjectName("statusNotice")
        self._bar = bar
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.text = QLabel(self)
        self.text.setObjectName("statusNoticeText")
        self.link = QLabel(self)
        self.link.setObjectName("statusNoticeLink")
        from PySide6.QtCore import Qt  # (not at import: see ui.main_window)

        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.link.linkActivated.connect(lambda _href: self.activate())
        layout.addWidget(self.text)
        layout.addWidget(self.link)
        layout.addStretch(1)
        self._action: Callable[[], object] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        bar.addWidget(self, 1)
        bar.messageChanged.connect(self._on_message)
        self.hide()

    def show_notice(self, text: str, link: str = "", action: Callable[[], object] | None = None,
                    *, tooltip: str = "", timeout_ms: int | None = NOTICE_MS) -> None:
        """Show ``text`` with the link ``link`` that calls ``action`` for ``timeout_ms``, or
        without one (None) until another notice: a temporary message then only covers it."""
        self._bar.clearMessage()
        self.text.setText(text)
        self.text.setToolTip(tooltip)
        self.link.setText(f'<a href="#">{html.escape(link)}</a>' if link else "")
        self.link.setToolTip(tooltip)
        self.link.setVisible(bool(link))
        self._action = action
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def activate(self) -> None:
        """What the link does (as when it is clicked)."""
        if self._action is not None:
            self._action()

    def _on_message(self, message: str) -> None:
        # a notice with a time goes; one without (a problem that lasts) is only covered
        if message and self._timer.isActive():
            self._timer.stop()
            self.hide()


def for_window(widget: QWidget) -> StatusNotice | None:
    """The notice of ``widget``'s main window (made on first use); None without one."""
    window = widget.window()
    if not isinstance(window, QMainWindow):
        return None
    bar = window.statusBar()
    notice = bar.findChild(StatusNotice, "statusNotice")
    return notice if notice is not None else StatusNotice(bar)


def show_folder(path: Path) -> None:
    """Open the folder that holds ``path`` (or the folder ``path``) in the file manager."""
    folder = path if path.is_dir() else path.parent
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
