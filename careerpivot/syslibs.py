"""Before Qt starts: are the system libraries it needs on this computer?

When one is missing, Qt either fails to import (``libglib-2.0.so.0: cannot open shared
object file``) or aborts the process while it looks for its platform plugin, with a line that
names the wrong package ("xcb-cursor0 is needed"). Neither tells a person what to install.
This module loads what Qt is about to load, and when that fails it names the missing files
and the Debian/Ubuntu packages that provide them, in plain words, before anything aborts.

It imports nothing of Qt and costs nothing when all is well: the platform plugin it loads is
the one Qt loads next (the same mapping, shared). The list of packages a bare system needs is
``packaging/system-packages.txt``; the table here maps each library file to its package.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = ["LIBRARY_PACKAGES", "gui_problem", "import_problem", "missing_libraries"]

#: Every shared library that PySide6's QtCore, QtGui, QtWidgets, QtCharts, QtPdf,
#: QtPrintSupport, QtNetwork and the xcb platform plugin cannot start without, and the
#: Debian 12 package that provides it (from ``ldd`` of those files and ``dpkg -S``). Libraries
#: Qt only tries (D-Bus) are in the runtime package list but not here.
LIBRARY_PACKAGES: dict[str, str] = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libbrotlidec.so.1": "libbrotli1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}

#: How the dynamic loader says a file is missing: "libfoo.so.1: cannot open shared object …"
_MISSING = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")

Loader = Callable[[str], object]


def _load(name: str) -> object:
    return ctypes.CDLL(name)


def _missing_in(error: str) -> str | None:
    found = _MISSING.search(error)
    return found.group(1) if found else None


def missing_libraries(names: Sequence[str] = tuple(LIBRARY_PACKAGES), *,
                      load: Loader | None = None) -> list[str]:
    """The library files of ``names`` that cannot be loaded, or that need one that cannot
    (the file actually missing is named), in a stable order without repeats."""
    load = load or _load
    missing: list[str] = []
    for name in names:
        try:
            load(name)
        except OSError as exc:
            lost = _missing_in(str(exc)) or name
            if lost not in missing:
                missing.append(lost)
    return missing


def _advice(what: str, missing: Sequence[str]) -> str:
    packages = sorted({LIBRARY_PACKAGES[m] for m in missing if m in LIBRARY_PACKAGES})
    unknown = [m for m in missing if m not in LIBRARY_PACKAGES]
    lines = [f"CareerPivot cannot {what}: this computer lacks system libraries that Qt, "
             "the toolkit CareerPivot is built with, needs:",
             "  " + ", ".join(missing)]
    if packages:
        lines += ["On Debian or Ubuntu, install them with:",
                  "  sudo apt-get install " + " ".join(packages)]
    if unknown or packages:
        lines.append("On other systems, install the packages that provide these files.")
    return "\n".join(lines)


def import_problem(error: ImportError, *, load: Loader | None = None) -> str:
    """The message for a failed import of Qt."""
    missing = missing_libraries(load=load)
    first = _missing_in(str(error))
    if first and first not in missing:
        missing.insert(0, first)
    if not missing:
        return f"CareerPivot cannot start: Qt could not be loaded ({error})."
    return _advice("start", missing)


def _qt_plugins_dir() -> Path | None:
    """PySide6's plugin folder, found without importing PySide6 (in a bundle too)."""
    spec = importlib.util.find_spec("PySide6")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    for folder in folders:
        plugins = Path(folder) / "Qt" / "plugins"
        if plugins.is_dir():
            return plugins
    return None


def _platforms(argv: Sequence[str], environ: os._Environ[str] | dict[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order: ``-platform``, QT_QPA_PLATFORM, or the
    default (Wayland first in a Wayland session, then X11)."""
    chosen = ""
    for i, arg in enumerate(argv):
        if arg in ("-platform", "--platform") and i + 1 < len(argv):
            chosen = argv[i + 1]
    chosen = chosen or environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return [name.split(":", 1)[0] for name in chosen.split(";") if name]
    return ["wayland", "xcb"] if environ.get("WAYLAND_DISPLAY") else ["xcb"]


def gui_problem(argv: Sequence[str] = (), environ: os._Environ[str] | dict[str, str] | None = None,
                *, plugins: Path | None = None, load: Loader | None = None) -> str | None:
    """What stops Qt from opening a window here, in words a person can act on; None when
    nothing does (or when this is not Linux, where Qt brings what it needs)."""
    if not sys.platform.startswith("linux"):
        return None
    environ = os.environ if environ is None else environ
    load = load or _load
    plugins = plugins or _qt_plugins_dir()
    if plugins is None:
        return None
    names = _platforms(argv, environ)
    errors: list[str] = []
    for name in names:
        plugin = plugins / "platforms" / f"libq{name}.so"
        if not plugin.exists():
            errors.append(f"{name}: no such platform")
            continue
        try:
            load(str(plugin))
        except OSError as exc:
            errors.append(str(exc))
            continue
        if name == "xcb" and not environ.get("DISPLAY"):
            return ("CareerPivot cannot open its window: no graphical display was found "
                    "(DISPLAY is not set). Start it from your desktop, or use its commands "
                    "without a window (careerpivot export --help).")
        return None
    missing = [m for m in (_missing_in(e) for e in errors) if m]
    if missing or names[-1:] == ["xcb"]:
        missing = list(dict.fromkeys(missing + missing_libraries(load=load)))
    if missing:
        return _advice("open its window", missing)
    return "CareerPivot cannot open its window: " + "; ".join(errors)
