"""Icons shipped inside the package, read with importlib.resources."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QPixmap


def _resource_bytes(name: str) -> bytes:
    return resources.files("careerpivot").joinpath("resources", "icons", name).read_bytes()


def app_icon() -> QIcon:
    icon = QIcon()
    data = _resource_bytes("careerpivot.svg")
    for size in (16, 24, 32, 48, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.loadFromData(data, "SVG")
        if not pixmap.isNull():
            icon.addPixmap(pixmap.scaled(size, size))
    return icon
