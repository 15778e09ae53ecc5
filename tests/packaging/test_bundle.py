"""The standalone bundle builds and starts on this machine (run with --run-packaging).

It takes about a minute: PyInstaller builds dist/CareerPivot, which is then started with an
environment that has no Python packages (no PYTHONPATH, a clean HOME) to open a workspace and
export the one-page summary as a PDF.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def bundle() -> Path:
    pytest.importorskip("PyInstaller", reason="pip install pyinstaller to build the bundle")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    exe = ROOT / "dist" / "CareerPivot" / "careerpivot"
    assert exe.exists()
    return exe


def _clean_env(home: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8"}


def test_bundle_reports_its_version(bundle, tmp_path):
    from careerpivot import __version__

    result = subprocess.run([str(bundle), "--version"], capture_output=True, text=True,
                            env=_clean_env(tmp_path), timeout=60)
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_bundle_creates_a_workspace_and_exports_the_summary(bundle, tmp_path):
    from pypdf import PdfReader

    from careerpivot.services import demo, workspace

    sample = tmp_path / "sample.careerpivot"
    demo.create_demo_workspace(sample)
    workspace.close()
    env = _clean_env(tmp_path)
    result = subprocess.run([str(bundle), "export", "summary", "--database", str(sample),
                             "-o", str(tmp_path / "s.pdf")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    reader = PdfReader(tmp_path / "s.pdf")
    assert len(reader.pages) == 1
    assert reader.metadata.title
    assert not os.environ.get("PYTHONPATH")
