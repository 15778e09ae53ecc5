"""The Plan tab on a small laptop screen (1366×768) and at 200 % on a 1920×1080 screen (a
960×540 logical screen): milestone titles and the key columns keep their room in the tree,
and every lane of the timeline can be seen. Qt reads the screen and the scale when the
QApplication is made, so each screen runs in a process of its own
(``tests/gui/plan_screen_child.py``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).resolve().parent / "plan_screen_child.py"
TYPICAL = "Hold eight informational interviews"

SCREENS = {
    "1366x768": ({"width": 1366, "height": 768, "physicalWidth": 361, "physicalHeight": 203},
                 None),
    "1920x1080 at 200 %": ({"width": 1920, "height": 1080, "physicalWidth": 508,
                            "physicalHeight": 286}, "2"),
}


def run_child(tmp_path: Path, screen: dict, scale: str | None) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "screen", "x": 0, "y": 0, "logicalDpi": 96, **screen}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.pop("QT_SCALE_FACTOR", None)
    if scale:
        env["QT_SCALE_FACTOR"] = scale
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run([sys.executable, str(CHILD), str(work)], env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", list(SCREENS))
def test_the_plan_tab_fits_the_screen(tmp_path, name):
    screen, scale = SCREENS[name]
    seen = run_child(tmp_path, screen, scale)
    expected = [screen["width"] // int(scale or 1), screen["height"] // int(scale or 1)]
    assert seen["screen"] == expected
    assert seen["window"][0] <= expected[0] and seen["window"][1] <= expected[1]

    # the tree: rows as tall as the other lists', no sideways scrolling, and the title
    # column wide enough for a typical milestone's title
    assert seen["row_height"] == seen["font_height"] + 10
    assert seen["horizontal_scroll"] == 0
    # at least six milestones and phases in view: the timeline below gives way first
    assert seen["tree_whole_rows"] >= 6, seen["tree_whole_rows"]
    assert seen["title_column"] - 2 * seen["indentation"] >= seen["typical_width"]
    titles = seen["titles"]
    assert any(t["title"] == TYPICAL for t in titles)
    for title in titles:
        if len(title["title"]) <= len(TYPICAL) and not title["overdue"]:
            assert title["whole"], title
        # a milestone's due date is whole, and so is a status that is a status's name alone
        due_width, due_wanted, _text = title["cells"]["due"]
        assert due_width >= due_wanted, title
        status_width, status_wanted, status = title["cells"]["status"]
        if status in ("Planned", "In progress", "Done", "Missed"):
            assert status_width >= status_wanted, title

    # the timeline: every lane and the contingencies can be seen whole; on the laptop
    # screen all at once
    assert [lane["name"] for lane in seen["lanes"]] == [
        "Exploration", "Skill-building", "Hands-on practice", "Formal validation",
        "contingencies"]
    for lane in seen["lanes"]:
        assert lane["visible"], lane
        assert lane["height"] <= seen["viewport_height"], lane
    if scale is None:
        assert seen["vertical_scroll"] == 0
        assert seen["scene_height"] <= seen["viewport_height"]
