"""Add CareerPivot to the applications menu of a Linux desktop, for a pip-installed app.

``careerpivot --install-desktop-entry`` writes the .desktop file (pointing at this
installation's launcher), the icons, the AppStream metainfo and the workspace file type into
the per-user folders of the freedesktop.org specifications; ``--uninstall-desktop-entry``
removes exactly those files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

from careerpivot import APP_ID

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def _resource(*parts: str) -> bytes:
    return resources.files("careerpivot").joinpath("resources", *parts).read_bytes()


def exec_quote(arg: str) -> str:
    """Quote one argument for a desktop entry's Exec key (Desktop Entry Specification)."""
    if arg and not any(ch in arg for ch in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    return f'"{escaped}"'


def launcher() -> str:
    """The command that starts this installation of the app, quoted for Exec."""
    script = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "careerpivot" and script.exists():
        return exec_quote(str(script))
    found = shutil.which("careerpivot")
    if found:
        return exec_quote(str(Path(found).resolve()))
    return f"{exec_quote(sys.executable)} -m careerpivot"


def targets(base: Path | None = None) -> dict[str, Path]:
    base = base or data_home()
    files = {
        "desktop": base / "applications" / f"{APP_ID}.desktop",
        "metainfo": base / "metainfo" / f"{APP_ID}.metainfo.xml",
        "mime": base / "mime" / "packages" / f"{APP_ID}.xml",
        "svg": base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    }
    for size in SIZES:
        folder = base / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        files[f"png{size}"] = folder / f"{APP_ID}.png"
    return files


def desktop_text(command: str) -> str:
    text = _resource("linux", f"{APP_ID}.desktop").decode("utf-8")
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={command} %f"
        elif line.startswith("TryExec="):
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _refresh(base: Path) -> None:
    for tool, arg in (("update-desktop-database", base / "applications"),
                      ("update-mime-database", base / "mime"),
                      ("gtk-update-icon-cache", base / "icons" / "hicolor")):
        if shutil.which(tool) and arg.exists():
            subprocess.run([tool, "-q", str(arg)] if tool != "update-mime-database"
                           else [tool, str(arg)], capture_output=True, check=False, timeout=60)


def install(base: Path | None = None, command: str | None = None) -> list[Path]:
    base = base or data_home()
    paths = targets(base)
    _write(paths["desktop"], desktop_text(command or launcher()).encode("utf-8"))
    _write(paths["metainfo"], _resource("linux", f"{APP_ID}.metainfo.xml"))
    _write(paths["mime"], _resource("linux", f"{APP_ID}.mime.xml"))
    _write(paths["svg"], _resource("icons", "careerpivot.svg"))
    for size in SIZES:
        _write(paths[f"png{size}"],
               _resource("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png"))
    _refresh(base)
    return list(paths.values())


def uninstall(base: Path | None = None) -> list[Path]:
    base = base or data_home()
    removed = []
    for path in targets(base).values():
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh(base)
    return removed
