"""Take the README's screenshots: every main tab of the sample workspace at 1366×768, one in a
dark palette, and the first start on a new workspace.

Run it from the repository, on a real display or a virtual one (Xvfb has no window manager,
so the shots have no title bar):

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py

The app runs as a user would start it (the bundled fonts loaded, the sample workspace built
for today), but with its data and settings folders in a temporary folder: nothing of yours is
read or written. The PNGs go to docs/screenshots/ (``--out`` for another folder), each with a
palette of 256 colours (well under 250 KB; ``oxipng`` or ``optipng``, when installed, squeeze
a little more). ``--only NAME`` takes one shot.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)
MAX_BYTES = 250_000


def _readiness_page(tab) -> None:
    tab.pages.setCurrentWidget(tab.readiness_page)


def _held_conversation_guide(tab) -> None:
    """The first held conversation of the list, at its guide of questions and answers."""
    model = tab.table.model()
    for row in range(model.rowCount()):
        if model.index(row, 2).data() == "Completed":
            tab.table.selectRow(row)
            break
    tab.editor.pages.setCurrentIndex(1)


@dataclass(frozen=True)
class Shot:
    name: str  # the file name, without .png
    tab: str  # the tab's objectName
    setup: Callable[[Any], None] | None = None  # shows the part of the tab worth showing
    variant: str = "sample"  # "sample", "dark" (the sample in a dark palette) or "new"


SHOTS = (
    Shot("overview", "overviewTab"),
    Shot("paths-readiness", "pathsTab", _readiness_page),
    Shot("network", "networkTab"),
    Shot("interviews", "interviewsTab", _held_conversation_guide),
    Shot("development", "developmentTab"),
    Shot("plan", "planTab"),
    Shot("summary", "summaryTab"),
    Shot("plan-dark", "planTab", variant="dark"),
    Shot("first-start", "overviewTab", variant="new"),
)


# --- in the child: one variant, its shots --------------------------------------------------


def _dark_palette():
    """The palette a desktop's dark theme gives Qt's Fusion style, disabled colours too."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"), (roles.WindowText, "#e6e6e6"), (roles.Base, "#1f1f1f"),
        (roles.AlternateBase, "#272727"), (roles.Text, "#e6e6e6"), (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"), (roles.BrightText, "#ffffff"),
        (roles.Highlight, "#3d7bd9"), (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#333333"), (roles.ToolTipText, "#e6e6e6"),
        (roles.PlaceholderText, "#9a9a9a"), (roles.Link, "#7fb0ff"),
        (roles.LinkVisited, "#b99cff"), (roles.Light, "#4a4a4a"), (roles.Midlight, "#3c3c3c"),
        (roles.Mid, "#444444"), (roles.Dark, "#1a1a1a"), (roles.Shadow, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    palette.setColor(disabled, roles.Button, QColor("#303030"))
    return palette


def _wait(app, seconds: float, until=None) -> None:
    """Let the app work for ``seconds`` (and, with ``until``, until it returns True or 20 s
    have passed)."""
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + seconds
    limit = time.monotonic() + 20
    while time.monotonic() < end or (until is not None and not until()
                                     and time.monotonic() < limit):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)


def _summary_ready(tab) -> bool:
    preview = getattr(tab, "preview", None)
    return preview is None or (preview.pdf is not None and not preview.is_busy())


def _take(out: Path, variant: str, names: set[str]) -> None:
    from careerpivot import app as cpapp

    app = cpapp.create_application([sys.argv[0]])
    cpapp._add_bundled_fonts()  # as a started app does: CJK names show as text
    if variant == "dark":
        app.setStyle("Fusion")
        app.setPalette(_dark_palette())
    if variant == "new":
        workspace = Path(os.environ["XDG_DATA_HOME"]) / "first-start.careerpivot"
        window = cpapp.build_window(workspace)
    else:
        window = cpapp.build_window(None, demo=True)
    ready: list[bool] = []
    window.workspace_ready.connect(lambda: ready.append(True))
    window.move(0, 0)
    window.resize(*SIZE)
    window.show()
    _wait(app, 0.5, until=lambda: bool(ready))
    if not ready:
        raise SystemExit("The workspace did not open within 20 seconds.")
    for shot in SHOTS:
        if shot.variant != variant or shot.name not in names:
            continue
        tab = window.show_tab(shot.tab)
        if shot.setup is not None:
            _wait(app, 0.5)  # the tab loads its data first
            try:
                shot.setup(tab)
            except AttributeError as exc:  # the screen changed: the tab as it opens
                print(f"{shot.name}: could not set up the shot ({exc})", file=sys.stderr)
        _wait(app, 1.5, until=lambda tab=tab: _summary_ready(tab))
        target = out / f"{shot.name}.png"
        window.grab().save(str(target), "PNG", 0)  # quality 0: the strongest compression
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    window.close()
    _wait(app, 0.3)


# --- in the parent: one child per variant, then the files made small -----------------------


def _smaller(path: Path) -> None:
    """Make a shot small: a palette of 256 colours (a screen of flat colours and text loses
    nothing visible; fewer when the file is still over MAX_BYTES), then a lossless tool."""
    from PIL import Image  # installed with ReportLab

    with Image.open(path) as image:
        rgb = image.convert("RGB")
    for colours in (256, 128, 64):
        reduced = rgb.quantize(colours, method=Image.Quantize.MEDIANCUT,
                               dither=Image.Dither.NONE)
        reduced.save(path, optimize=True)
        if path.stat().st_size <= MAX_BYTES:
            break
    for tool, args in (("oxipng", ["-o", "4", "--strip", "safe", "-q"]),
                       ("optipng", ["-o2", "-quiet"])):
        if shutil.which(tool):
            subprocess.run([tool, *args, str(path)], check=False)
            break


def _child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", action="append", metavar="NAME",
                        choices=[s.name for s in SHOTS], help="take only this shot")
    parser.add_argument("--variant", help=argparse.SUPPRESS)  # the child's part
    args = parser.parse_args(argv)
    names = set(args.only or [s.name for s in SHOTS])
    out = args.out.resolve()
    if args.variant:
        _take(out, args.variant, names)
        return 0
    offscreen = os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or offscreen):
        parser.error('no display: run it under Xvfb, '
                     'xvfb-run -s "-screen 0 1366x768x24" python tools/screenshots.py')
    out.mkdir(parents=True, exist_ok=True)
    for variant in dict.fromkeys(s.variant for s in SHOTS if s.name in names):
        with tempfile.TemporaryDirectory(prefix="careerpivot-shots-") as home:
            command = [sys.executable, str(Path(__file__).resolve()), "--variant", variant,
                       "--out", str(out)]
            for name in sorted(names):
                command += ["--only", name]
            subprocess.run(command, env=_child_env(Path(home)), check=True, timeout=300)
    for shot in SHOTS:
        if shot.name in names:
            _smaller(out / f"{shot.name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
