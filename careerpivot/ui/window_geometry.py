"""The main window's size and place: it opens inside its screen's available area.

The first time (no geometry saved) the window takes :data:`DEFAULT_SIZE`, shrunk to the
screen's available area less a margin and a title bar's height, and centred there. A
geometry saved on another screen is put back and then brought inside the screen it lands on
(a smaller one: the window shrinks and moves in). Qt refuses a geometry saved on a screen of
another size, so a plain rectangle is kept beside it (:func:`save`); on a screen smaller than
:data:`MINIMUM_SIZE` the smallest size gives way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from careerpivot.settings import Settings

#: The window's size when no geometry was saved, and its smallest size, where the screen has
#: room for them (logical pixels).
DEFAULT_SIZE = (1200, 800)
MINIMUM_SIZE = (720, 480)
#: Room kept free around a window that would not fit its screen's available area: a margin
#: on every side, and above it the window manager's title bar.
SCREEN_MARGIN = 16
TITLE_BAR = 32


def fit_in(window: QRect, area: QRect, *, centre: bool = False) -> QRect:
    """``window`` (its inside: the frame and title bar are allowed for) made to fit ``area``,
    a screen's available geometry, with a margin: no larger than the room there, and moved
    inside it; with ``centre``, centred in it."""
    room = area.adjusted(SCREEN_MARGIN, SCREEN_MARGIN + TITLE_BAR, -SCREEN_MARGIN,
                         -SCREEN_MARGIN)
    width = max(1, min(window.width(), room.width()))
    height = max(1, min(window.height(), room.height()))
    if centre:
        left = room.left() + (room.width() - width) // 2
        top = room.top() + (room.height() - height) // 2
    else:
        left = min(max(window.left(), room.left()), room.right() + 1 - width)
        top = min(max(window.top(), room.top()), room.bottom() + 1 - height)
    return QRect(left, top, width, height)


def fit_to_screen(window: QWidget, *, centre: bool = False) -> None:
    """Bring ``window`` inside its screen's available area (:func:`fit_in`). A maximized or
    full-screen window is left to the window manager."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = QGuiApplication.screenAt(window.geometry().center()) or window.screen()
    if screen is None:
        return
    fitted = fit_in(window.geometry(), screen.availableGeometry(), centre=centre)
    window.setMinimumSize(min(MINIMUM_SIZE[0], fitted.width()),
                          min(MINIMUM_SIZE[1], fitted.height()))
    window.setGeometry(fitted)


def restore(window: QWidget, settings: Settings) -> None:
    """The window's saved geometry (or the default one), inside its screen."""
    geometry = settings.window_state("geometry")
    restored = geometry is not None and window.restoreGeometry(geometry)
    if not restored:
        restored = _restore_rectangle(window, settings.window_state("rectangle"))
    fit_to_screen(window, centre=not restored)


def save(window: QWidget, settings: Settings) -> None:
    settings.set_window_state("geometry", window.saveGeometry())
    normal = window.normalGeometry()
    rectangle = (normal.x(), normal.y(), normal.width(), normal.height(),
                 int(window.isMaximized()))
    settings.set_window_state("rectangle",
                              QByteArray(",".join(map(str, rectangle)).encode("ascii")))


def _restore_rectangle(window: QWidget, saved: QByteArray | None) -> bool:
    """Put back the rectangle :func:`save` kept ("x,y,width,height,maximized")."""
    from PySide6.QtCore import Qt  # (see ui.main_window: kept off the start-up's path)

    try:
        x, y, width, height, maximized = map(int, bytes(saved.data()).split(b","))
    except (AttributeError, ValueError):
        return False
    if width <= 0 or height <= 0:
        return False
    window.setGeometry(x, y, width, height)
    if maximized:
        window.setWindowState(Qt.WindowState.WindowMaximized)
    return True
