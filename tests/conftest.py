"""Test set-up shared by every test: offscreen Qt, private folders, no real settings or data."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

# Before anything imports Qt: a machine without a display aborts otherwise.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Every per-user folder points into a private temporary home, so no test can touch the real
# workspace, backups or settings.
_HOME = Path(tempfile.mkdtemp(prefix="careerpivot-tests-"))
for _var, _sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                   ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state"),
                   ("XDG_RUNTIME_DIR", "runtime")):
    (_HOME / _sub).mkdir(parents=True, exist_ok=True, mode=0o700)
    os.environ[_var] = str(_HOME / _sub)

import pytest  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="run the long reliability loops")
    parser.addoption("--run-packaging", action="store_true",
                     help="build the standalone bundle and start it")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for option, marker in (("--run-slow", "slow"), ("--run-packaging", "packaging")):
        if config.getoption(option):
            continue
        skip = pytest.mark.skip(reason=f"needs {option}")
        for item in items:
            if marker in item.keywords:
                item.add_marker(skip)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _qt_test_mode() -> None:
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(scope="session", autouse=True)
def _translators(request: pytest.FixtureRequest):
    """The app's translators, as app.create_application installs them (GUI tests only)."""
    if not any("/gui/" in str(item.fspath) for item in request.session.items):
        yield None
        return
    qapp = request.getfixturevalue("qapp")
    from careerpivot.ui import i18n

    translator = i18n.install(qapp)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def workspace(tmp_path: Path):
    """An open, new (seeded) workspace in a temporary folder; closed afterwards."""
    from careerpivot.services import workspace as ws

    info = ws.open_workspace(tmp_path / "test.careerpivot", backups_root=tmp_path / "backups")
    yield info
    ws.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample workspace, built once per test run; copy it before writing to it."""
    from careerpivot.services import demo
    from careerpivot.services import workspace as ws

    path = tmp_path_factory.mktemp("demo") / "sample.careerpivot"
    demo.create_demo_workspace(path)
    ws.close()
    return path


@pytest.fixture
def demo_workspace(demo_file: Path, tmp_path: Path):
    """An open copy of the sample workspace."""
    from careerpivot.services import workspace as ws

    target = tmp_path / "sample.careerpivot"
    shutil.copyfile(demo_file, target)
    info = ws.open_workspace(target, create=False, backups_root=tmp_path / "backups")
    yield info
    ws.close()
