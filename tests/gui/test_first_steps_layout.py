"""The first-steps guide fits the screen: at 1366×768 all five steps show, unclipped; at 200 %
on 1920×1080 (a 960×540 screen) the card shows the next step on one line and leaves the
Overview its room. Screen size and scale are read when the QApplication is made, so each
case runs in a child process on an offscreen screen of that size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
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
window.show()
for _ in range(5):
    app.processEvents()
tab = window.tab_widgets["overviewTab"]
guide = tab.first_steps
clipped = []
for widget in guide.findChildren(QLabel) + guide.findChildren(QPushButton):
    if not widget.isVisibleTo(guide) or not widget.text():
        continue
    if isinstance(widget, QLabel) and widget.wordWrap():
        if widget.height() < widget.heightForWidth(widget.width()):
            clipped.append([widget.objectName(), widget.text(), "height"])
    elif widget.width() < widget.sizeHint().width():
        clipped.append([widget.objectName(), widget.text(), "width"])
print(json.dumps({
    "shown": guide.isVisible(), "compact": guide.compact,
    "steps": guide.steps_row.isVisible(), "next": guide.next_row.isVisible(),
    "next_button": guide.next_button.text(), "clipped": clipped,
    "guide_height": guide.height(), "tab_height": tab.height(),
    "due_height": tab.splitter.widget(0).height()}))
window.close()
"""


def run_child(tmp_path: Path, width: int, height: int, scale: int) -> dict:
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96}]}), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(screen), str(tmp_path / "settings.ini"),
         str(tmp_path / "new.careerpivot")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env=dict(os.environ, QT_SCALE_FACTOR=str(scale)))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_all_five_steps_show_unclipped_at_1366x768(tmp_path):
    found = run_child(tmp_path, 1366, 768, 1)
    assert found["shown"] and not found["compact"]
    assert found["steps"] and not found["next"]
    assert found["clipped"] == []
    assert found["guide_height"] < found["tab_height"] * 0.35, found


@pytest.mark.parametrize(("width", "height"), [(1920, 1080)])
def test_at_200_percent_the_card_shows_the_next_step_on_one_line(tmp_path, width, height):
    found = run_child(tmp_path, width, height, 2)
    assert found["shown"] and found["compact"]
    assert found["next"] and not found["steps"]
    assert found["next_button"] == "Add Path…"
    assert found["clipped"] == []
    # what is due keeps more room than the card takes
    assert found["guide_height"] < found["due_height"], found
