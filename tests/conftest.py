"""Test set-up shared by every test: offscreen Qt, private folders, no real settings or data."""

from __future__ import annotations

import datetime as _dt
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

#: The moment the app's clock is set to for the whole run, so no test depends on the day or
#: the hour it runs (the clock then runs on from here). ``CAREERPIVOT_TEST_NOW`` (ISO local
#: time) runs the suite on another day: a month end, a leap day, just before midnight.
TEST_NOW = _dt.datetime.fromisoformat(os.environ.get("CAREERPIVOT_TEST_NOW",
                                                     "2026-03-10T10:30:00"))


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


def _system_tool(name: str, package: str) -> str:
    """The path of a system program a test needs. Where it is missing the test skips, saying
    which package brings it, except under CAREERPIVOT_REQUIRE_TOOLS (set by .ci/run), where a
    missing tool fails: CI must never pass by skipping."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (apt-get install {package})"
    if os.environ.get("CAREERPIVOT_REQUIRE_TOOLS"):
        pytest.fail(message)
    pytest.skip(message)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _pinned_clock():
    """The app's clock stands at TEST_NOW when the run starts, and runs on from there."""
    from careerpivot.core import clock

    clock.set_now(TEST_NOW)
    yield
    clock.reset()


class _TestClock:
    """What a test may do with the app's clock; put back to the run's moment afterwards."""

    def __init__(self) -> None:
        from careerpivot.core import clock

        self._clock = clock

    def today(self) -> _dt.date:
        return self._clock.today()

    def now(self) -> _dt.datetime:
        return self._clock.now()

    def set_today(self, day: _dt.date) -> None:
        """Make ``day`` today, at the run's time of day."""
        self._clock.set_now(_dt.datetime.combine(day, TEST_NOW.time()))

    def set_now(self, moment: _dt.datetime, *, frozen: bool = False) -> None:
        self._clock.set_now(moment, frozen=frozen)


@pytest.fixture(autouse=True)
def _clock_at_test_now(_pinned_clock):
    """Each test starts at TEST_NOW, so a long run never carries a test past midnight."""
    from careerpivot.core import clock

    clock.set_now(TEST_NOW)


@pytest.fixture
def clock(_clock_at_test_now):
    """The app's clock, for a test that needs another day or a standing clock."""
    yield _TestClock()
    from careerpivot.core import clock as app_clock

    app_clock.set_now(TEST_NOW)


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
def system_tool():
    """``system_tool(name, package)``: the path of a system program the test needs."""
    return _system_tool


@pytest.fixture
def workspace(tmp_path: Path):
    """An open, new (seeded) workspace in a temporary folder; closed afterwards."""
    from careerpivot.services import workspace as ws

    info = ws.open_workspace(tmp_path / "test.careerpivot", backups_root=tmp_path / "backups")
    yield info
    ws.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory, _pinned_clock) -> Path:
    """The sample workspace, built once per test run for the run's today (TEST_NOW); copy it
    before writing to it."""
    from careerpivot.services import demo
    from careerpivot.services import workspace as ws

    path = tmp_path_factory.mktemp("demo") / "sample.careerpivot"
    demo.create_demo_workspace(path, today=TEST_NOW.date())
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
