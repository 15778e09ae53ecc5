"""tools/screenshots.py, which makes the README's screenshots, still runs: a shot of the sample
workspace's Summary tab at 1366×768, small, with nothing written outside its folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def test_the_screenshot_script_makes_a_small_png_of_the_window(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env.pop(name, None)
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshots.py"), "--only", "summary",
         "--out", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    shot = out / "summary.png"
    with Image.open(shot) as image:
        assert image.size == (1366, 768)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16) or []
        assert len(colours) > 50  # the window with its text, not a blank grab
    assert shot.stat().st_size <= 250_000
    assert sorted(p.name for p in out.iterdir()) == ["summary.png"]
    assert not any(home.rglob("*")), "the script wrote into the home folder"


def test_every_screenshot_the_readme_shows_is_there_and_small():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]+\]\(([^)]+\.png)\)", readme)
    assert len(images) >= 4
    for link in images:
        path = ROOT / link
        assert path.is_file(), link
        assert path.stat().st_size <= 250_000, link
        with Image.open(path) as image:
            assert image.size == (1366, 768), link
