"""The project's own rules, checked by the test command: layer contracts and lint."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else (shutil.which(name) or name)


def test_layer_contracts_hold():
    """core/store/services/formats/reports never import Qt; ui never imports the store."""
    result = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    marker = "<!-- test-command -->"
    assert marker in readme
    block = readme.split(marker, 1)[1].split("```", 2)[1]
    command = block.removeprefix("sh").removeprefix("bash").strip()
    assert command and command in ci


#: Ways of reading the date or the time of day, as the end of a dotted call name.
_CLOCK_CALLS = {
    ("date", "today"), ("datetime", "now"), ("datetime", "today"), ("datetime", "utcnow"),
    ("QDate", "currentDate"), ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"), ("QDateTime", "currentSecsSinceEpoch"),
    ("QDateTime", "currentMSecsSinceEpoch"), ("QTime", "currentTime"),
    ("time", "time"), ("time", "localtime"), ("time", "gmtime"), ("time", "ctime"),
}
_SQL_CLOCK = re.compile(r"""\b(date|datetime|julianday|strftime|unixepoch)\s*\([^)]*['"]now['"]"""
                        r"|\bCURRENT_(TIMESTAMP|DATE|TIME)\b", re.IGNORECASE)


def _dotted(node: ast.expr) -> tuple[str, ...]:
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return tuple(reversed(names))


def test_the_clock_is_read_in_one_place():
    """Every "today" and "now" comes from careerpivot.core.clock, which tests set; a direct
    read of the system clock anywhere else would make a screen or a rule depend on the day
    the suite runs."""
    found = []
    home = ROOT / "careerpivot" / "core" / "clock.py"
    for path in sorted((ROOT / "careerpivot").rglob("*.py")):
        if path == home:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Call) and _dotted(node.func)[-2:] in _CLOCK_CALLS:
                found.append(f"{where} {'.'.join(_dotted(node.func))}()")
            elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and _SQL_CLOCK.search(node.value)):
                found.append(f"{where} SQL {node.value[:60]!r}")
    assert not found, "read the clock through careerpivot.core.clock:\n" + "\n".join(found)


def test_the_clock_scan_finds_what_it_looks_for():
    calls = ["date.today()", "_dt.datetime.now(_dt.UTC)", "QDate.currentDate()",
             "datetime.datetime.utcnow()"]
    for text in calls:
        call = ast.parse(text, mode="eval").body
        assert _dotted(call.func)[-2:] in _CLOCK_CALLS, text
    for sql in ("SELECT date('now')", "x DEFAULT CURRENT_TIMESTAMP",
                "strftime('%s', 'now')"):
        assert _SQL_CLOCK.search(sql), sql
    assert not _SQL_CLOCK.search("SELECT date(scheduled_at) FROM interview")


def test_change_areas_are_named_by_the_enum():
    """A view reloads when an area it shows changes; an area typed as a bare string (and
    mistyped) would leave it stale without a word."""
    found = []
    for path in sorted((ROOT / "careerpivot").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"""changed\.emit\(\s*["']|\barea=["']""", text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(ROOT)}:{line}")
    assert not found, "emit a careerpivot.ui.context.Area member:\n" + "\n".join(found)
