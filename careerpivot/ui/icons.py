"""Icons shipped inside the package, read with importlib.resources."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QPixmap

from careerpivot import APP_ID

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    base = resources.files("careerpivot").joinpath("resources", "icons", "hicolor")
    for size in SIZES:
        data = base.joinpath(f"{size}x{size}", "apps", f"{APP_ID}.png").read_bytes()
        pixmap = QPixmap()
        if pixmap.loadFromData(data, "PNG"):
            icon.addPixmap(pixmap)
    return icon
