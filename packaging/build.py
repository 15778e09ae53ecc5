"""Build the standalone one-folder bundle with one command:

    python packaging/build.py

The result is dist/CareerPivot/ (on macOS also dist/CareerPivot.app). Needs the app's runtime
dependencies and PyInstaller (pip install pyinstaller) in the same Python.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller"),
               str(ROOT / "packaging" / "careerpivot.spec")]
    print(" ".join(command))
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode == 0:
        print(f"Built {ROOT / 'dist' / 'CareerPivot'}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
