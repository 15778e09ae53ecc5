"""The Linux desktop files pass the freedesktop.org validators, and a pip-installed app can add
itself to the applications menu and remove itself again."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

from careerpivot import APP_ID, __version__, desktop_entry

LINUX = resources.files("careerpivot").joinpath("resources", "linux")


def test_desktop_file_is_valid(tmp_path, system_tool):
    tool = system_tool("desktop-file-validate", "desktop-file-utils")
    source = Path(str(LINUX.joinpath(f"{APP_ID}.desktop")))
    result = subprocess.run([tool, str(source)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_is_valid_and_names_this_version(system_tool):
    tool = system_tool("appstreamcli", "appstream")
    source = Path(str(LINUX.joinpath(f"{APP_ID}.metainfo.xml")))
    result = subprocess.run([tool, "validate", "--no-net", str(source)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f'<release version="{__version__}"' in source.read_text(encoding="utf-8")


def test_install_and_uninstall_the_menu_entry(tmp_path, system_tool):
    command = desktop_entry.exec_quote("/opt/My Apps/careerpivot")
    written = desktop_entry.install(tmp_path, command=command)
    desktop = tmp_path / "applications" / f"{APP_ID}.desktop"
    assert desktop in written
    text = desktop.read_text(encoding="utf-8")
    assert 'Exec="/opt/My Apps/careerpivot" %f' in text
    assert (tmp_path / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").stat().st_size > 0
    assert (tmp_path / "mime/packages" / f"{APP_ID}.xml").exists()
    result = subprocess.run([system_tool("desktop-file-validate", "desktop-file-utils"),
                             str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    removed = desktop_entry.uninstall(tmp_path)
    assert desktop in removed
    assert not desktop.exists()
    assert not (tmp_path / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").exists()


def test_command_line_installs_into_the_users_data_folder(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "careerpivot", "--install-desktop-entry"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert "-m careerpivot %f" in text or "careerpivot %f" in text


def test_every_packaging_file_names_the_one_version():
    root = Path(__file__).resolve().parents[2]
    iss = (root / "packaging/windows/careerpivot.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in iss
    info = (root / "packaging/windows/version_info.txt").read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{__version__}')" in info
    numbers = ", ".join([*__version__.split("."), "0"])
    assert f"prodvers=({numbers})" in info
