"""The main window opens inside the screen's available area: the default size on a small
screen (1366×768, or 1920×1080 at 200 %), and a geometry saved on a larger screen.

The screen is read when the QApplication is made, so each case runs in a child process on
an offscreen screen described by a configuration file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from careerpivot.ui import window_geometry as mw

ROOT = Path(__file__).resolve().parents[2]

_CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([sys.argv[0], "-platform", "offscreen:configfile=" + sys.argv[1]])
from PySide6.QtGui import QUndoStack
from careerpivot.settings import Settings
from careerpivot.ui.context import AppContext, DataBus
from careerpivot.ui.main_window import MainWindow
from careerpivot.ui.session import Session

ctx = AppContext(settings=Settings(Path(sys.argv[2])), undo=QUndoStack(), bus=DataBus())
session = Session()
session.open(Path(sys.argv[3]))
window = MainWindow(ctx, session)
if len(sys.argv) > 4:  # as if the user had made the window this large
    window.setGeometry(*map(int, sys.argv[4].split(",")))
window.show()
app.processEvents()
g, area = window.geometry(), window.screen().availableGeometry()
print(json.dumps({"window": [g.x(), g.y(), g.width(), g.height()],
                  "area": [area.x(), area.y(), area.width(), area.height()],
                  "minimum": [window.minimumWidth(), window.minimumHeight()]}))
window.close()
"""


def screen_file(tmp_path: Path, width: int, height: int) -> Path:
    path = tmp_path / f"screen-{width}x{height}.json"
    path.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "physicalWidth": round(width / 96 * 25.4),
        "physicalHeight": round(height / 96 * 25.4)}]}), encoding="utf-8")
    return path


def open_window(tmp_path: Path, screen: Path, *, scale: int = 1,
                geometry: str | None = None) -> dict:
    env = dict(os.environ, QT_SCALE_FACTOR=str(scale))
    args = [sys.executable, "-c", _CHILD, str(screen), str(tmp_path / "settings.ini"),
            str(tmp_path / "w.careerpivot")]
    if geometry:
        args.append(geometry)
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=ROOT,
                            env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def assert_inside(found: dict) -> None:
    x, y, width, height = found["window"]
    ax, ay, aw, ah = found["area"]
    # the inside of the window, with room above it for a title bar
    assert x >= ax and y - mw.TITLE_BAR >= ay, found
    assert x + width <= ax + aw and y + height <= ay + ah, found


@pytest.mark.parametrize(("width", "height", "scale"), [(1366, 768, 1), (1920, 1080, 2)])
def test_the_first_window_fits_a_small_screen(tmp_path, width, height, scale):
    found = open_window(tmp_path, screen_file(tmp_path, width, height), scale=scale)
    assert found["area"][2:] == [width // scale, height // scale]
    assert_inside(found)
    _x, _y, w, h = found["window"]
    assert w == min(mw.DEFAULT_SIZE[0], width // scale - 2 * mw.SCREEN_MARGIN)
    assert h == height // scale - mw.TITLE_BAR - 2 * mw.SCREEN_MARGIN  # as tall as fits
    assert found["minimum"][1] <= h  # (at 200 % the smallest height gives way)


def test_the_first_window_keeps_its_size_on_a_large_screen(tmp_path):
    found = open_window(tmp_path, screen_file(tmp_path, 1920, 1080))
    assert found["window"][2:] == list(mw.DEFAULT_SIZE)
    assert_inside(found)


def test_a_window_saved_on_a_larger_screen_comes_back_inside_a_smaller_one(tmp_path):
    large = open_window(tmp_path, screen_file(tmp_path, 2560, 1440),
                        geometry="100,80,2300,1300")
    assert large["window"] == [100, 80, 2300, 1300]  # kept where it fits
    small = open_window(tmp_path, screen_file(tmp_path, 1366, 768))
    assert_inside(small)


def test_a_window_partly_off_a_smaller_screen_is_moved_back(tmp_path):
    open_window(tmp_path, screen_file(tmp_path, 1920, 1080), geometry="900,300,1000,700")
    found = open_window(tmp_path, screen_file(tmp_path, 1366, 768))
    assert_inside(found)
    assert found["window"][2] == 1000  # its width still fits: kept


def test_fit_in_shrinks_moves_and_centres():
    area = QRect(0, 0, 1366, 768)
    room_w, room_h = 1366 - 2 * mw.SCREEN_MARGIN, 768 - mw.TITLE_BAR - 2 * mw.SCREEN_MARGIN
    assert mw.fit_in(QRect(0, 0, 2000, 2000), area) == QRect(
        mw.SCREEN_MARGIN, mw.SCREEN_MARGIN + mw.TITLE_BAR, room_w, room_h)
    assert mw.fit_in(QRect(1000, 600, 800, 500), area) == QRect(
        1366 - mw.SCREEN_MARGIN - 800, 768 - mw.SCREEN_MARGIN - 500, 800, 500)
    centred = mw.fit_in(QRect(0, 0, 800, 500), area, centre=True)
    assert centred.size() == QRect(0, 0, 800, 500).size()
    assert abs(centred.center().x() - (mw.SCREEN_MARGIN + room_w // 2)) <= 1
    # a second screen to the right: kept on it
    right = QRect(1366, 0, 1920, 1080)
    assert right.contains(mw.fit_in(QRect(1500, 100, 1000, 700), right))
