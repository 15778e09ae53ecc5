"""One list of the Debian packages the app and the tests need, and what a person sees when a
library Qt needs is missing: the files and the packages to install, never Qt's abort."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from careerpivot import syslibs

ROOT = Path(__file__).resolve().parents[2]
LIST = ROOT / "packaging" / "system-packages.txt"


def package_sets() -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for line in LIST.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sets.setdefault(line.strip("[]"), [])
        else:
            assert current is not None, f"{line} stands before any set"
            current.append(line)
    return sets


def apt_line(markdown: Path, marker: str) -> list[str]:
    """The packages of the ``apt-get install`` block that follows ``marker``."""
    text = markdown.read_text(encoding="utf-8")
    assert marker in text, f"{markdown.name} has no {marker}"
    block = text.split(marker, 1)[1].split("```", 2)[1]
    words = block.replace("\\\n", " ").split()
    return words[words.index("install") + 1:]


def test_the_list_has_a_runtime_and_a_test_set_without_repeats():
    sets = package_sets()
    assert set(sets) == {"runtime", "test"}
    every = sets["runtime"] + sets["test"]
    assert len(every) == len(set(every))
    assert {"xvfb", "xauth", "poppler-utils", "desktop-file-utils", "appstream",
            "faketime", "tzdata"} <= set(sets["test"])


def test_every_library_the_app_names_comes_from_a_runtime_package():
    runtime = set(package_sets()["runtime"])
    assert set(syslibs.LIBRARY_PACKAGES.values()) <= runtime


def test_the_readme_installs_exactly_the_runtime_set():
    sets = package_sets()
    assert sorted(apt_line(ROOT / "README.md", "<!-- runtime-packages -->")) == sorted(
        ["python3-venv", *sets["runtime"]])
    assert sorted(apt_line(ROOT / "README.md", "<!-- test-packages -->")) == sorted(
        ["python3-venv", *sets["runtime"], *sets["test"]])


def test_packaging_readme_names_the_same_sets():
    sets = package_sets()
    readme = ROOT / "packaging" / "README.md"
    assert sorted(apt_line(readme, "<!-- runtime-packages -->")) == sorted(
        ["python3-venv", *sets["runtime"]])
    assert "system-packages.txt" in readme.read_text(encoding="utf-8")


def test_ci_installs_the_runtime_and_test_sets():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"apt-get install .*\$\(packages runtime test\)", ci)
    function = re.search(r"(?ms)^packages\(\) \{.*?^\}", ci).group(0)
    listed = subprocess.run(["bash", "-c", f"{function}\npackages runtime test"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    sets = package_sets()
    assert listed == sets["runtime"] + sets["test"]


# --- a library missing at start-up --------------------------------------------------------

def fake_loader(missing: set[str], *, plugin_needs: str = "libxcb-icccm.so.4"):
    """A dynamic loader on a computer that lacks ``missing``: the plugin fails naming
    ``plugin_needs``, as ld.so does, and each library in ``missing`` fails by itself."""
    def load(name: str) -> object:
        if name.endswith("libqxcb.so") and plugin_needs in missing:
            raise OSError(f"{plugin_needs}: cannot open shared object file: No such file "
                          "or directory")
        if name in missing:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return object()
    return load


@pytest.fixture
def plugins(tmp_path):
    folder = tmp_path / "plugins" / "platforms"
    folder.mkdir(parents=True)
    for name in ("xcb", "wayland", "offscreen"):
        (folder / f"libq{name}.so").write_bytes(b"")
    return tmp_path / "plugins"


def test_missing_xcb_libraries_are_named_with_their_packages(plugins):
    load = fake_loader({"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libglib-2.0.so.0"})
    text = syslibs.gui_problem([], {"DISPLAY": ":0"}, plugins=plugins, load=load)
    assert text is not None
    assert "libxcb-icccm.so.4" in text and "libxcb-keysyms.so.1" in text
    assert "sudo apt-get install libglib2.0-0 libxcb-icccm4 libxcb-keysyms1" in text
    assert "xcb-cursor0 is needed" not in text


def test_a_library_missing_under_another_names_the_file_really_missing():
    def load(name: str) -> object:
        if name == "libxcb-cursor.so.0":
            raise OSError("libxcb-render-util.so.0: cannot open shared object file: "
                          "No such file or directory")
        return object()

    assert syslibs.missing_libraries(["libxcb-cursor.so.0", "libxcb1.so"], load=load) == [
        "libxcb-render-util.so.0"]


def test_nothing_is_said_when_the_platform_loads(plugins):
    ok = fake_loader(set())
    assert syslibs.gui_problem([], {"DISPLAY": ":0"}, plugins=plugins, load=ok) is None
    assert syslibs.gui_problem(["-platform", "offscreen"], {}, plugins=plugins,
                               load=ok) is None
    assert syslibs.gui_problem([], {"QT_QPA_PLATFORM": "offscreen"}, plugins=plugins,
                               load=ok) is None


def test_a_wayland_session_needs_only_one_platform_that_loads(plugins):
    load = fake_loader({"libxcb-icccm.so.4"})
    environ = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    assert syslibs.gui_problem([], environ, plugins=plugins, load=load) is None


def test_no_display_is_said_in_words(plugins):
    text = syslibs.gui_problem([], {}, plugins=plugins, load=fake_loader(set()))
    assert text is not None and "no graphical display" in text


def test_a_failed_import_of_qt_names_the_packages():
    error = ImportError("libglib-2.0.so.0: cannot open shared object file: No such file or "
                        "directory")
    text = syslibs.import_problem(error, load=fake_loader({"libglib-2.0.so.0"}))
    assert "libglib-2.0.so.0" in text and "apt-get install libglib2.0-0" in text


def test_on_this_machine_the_real_plugins_load():
    assert syslibs.gui_problem([], {"QT_QPA_PLATFORM": "offscreen"}) is None
    assert syslibs.gui_problem([], {"DISPLAY": ":0"}) is None, "every library is installed"


def _start(tmp_path, code: str, **extra: str):
    drop = ("DISPLAY", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY")
    env = {k: v for k, v in os.environ.items() if k not in drop} | extra
    return subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)


def test_the_app_says_what_to_install_instead_of_aborting(tmp_path):
    code = (
        "import sys\n"
        "from careerpivot import app, syslibs\n"
        "def load(name):\n"
        "    if name.endswith('libqxcb.so') or name == 'libxcb-shape.so.0':\n"
        "        raise OSError('libxcb-shape.so.0: cannot open shared object file')\n"
        "syslibs._load = load\n"
        "sys.exit(app.main([]))\n")
    result = _start(tmp_path, code, DISPLAY=":0")
    assert result.returncode == 1, result.stderr
    assert "sudo apt-get install libxcb-shape0" in result.stderr
    assert "Could not load the Qt platform plugin" not in result.stderr


def test_the_app_says_there_is_no_display_instead_of_aborting(tmp_path):
    result = _start(tmp_path, "import sys\nfrom careerpivot import app\nsys.exit(app.main([]))")
    assert result.returncode == 1, result.stderr
    assert "no graphical display" in result.stderr
