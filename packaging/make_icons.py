"""Render the icon source (resources/icons/careerpivot.svg) into every size the platforms use.

    python packaging/make_icons.py

writes PNGs 16-512 into careerpivot/resources/icons/hicolor/ (Linux menus, window icon),
packaging/windows/careerpivot.ico and packaging/macos/careerpivot.icns. The outputs are
committed; run this again after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "careerpivot.svg"
PACKAGE_ICONS = ROOT / "careerpivot" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "io.github.careerpivot.CareerPivot"


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    (PACKAGE_ICONS / "careerpivot.svg").write_bytes(SOURCE.read_bytes())
    pngs = {}
    for size in SIZES:
        pngs[size] = render(renderer, size)
        target = PACKAGE_ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    biggest = Image.open(io.BytesIO(pngs[512]))
    windows = ROOT / "packaging" / "windows" / "careerpivot.ico"
    windows.parent.mkdir(parents=True, exist_ok=True)
    biggest.save(windows, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    mac = ROOT / "packaging" / "macos" / "careerpivot.icns"
    mac.parent.mkdir(parents=True, exist_ok=True)
    biggest.save(mac)
    print("icons written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
