"""What every tab inherits: work the first paint does not need runs in short slices once the
tab has painted, and whoever needs its result earlier still gets it whole."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from careerpivot.ui.tabs.base import IDLE_SLICE_S, TabBase


def test_idle_work_waits_for_the_paint_and_runs_in_slices(qtbot, app_ctx):
    tab = TabBase(app_ctx)
    qtbot.addWidget(tab)
    slices: list[float] = []

    def work(deadline: float) -> bool:
        slices.append(deadline - time.perf_counter())
        return len(slices) == 3

    tab.when_idle(work)
    tab.when_idle(work)  # asked twice: done once
    QApplication.processEvents()
    assert slices == []  # not before the tab has been painted
    tab.show()
    qtbot.waitUntil(lambda: len(slices) == 3)
    assert all(0 < left <= IDLE_SLICE_S for left in slices)
    later: list[bool] = []
    tab.when_idle(lambda _deadline: later.append(True) or True)  # painted: at once
    qtbot.waitUntil(lambda: later == [True])
    assert len(slices) == 3


def test_idle_work_that_fails_is_not_run_again(qtbot, app_ctx, monkeypatch):
    tab = TabBase(app_ctx)
    qtbot.addWidget(tab)
    runs: list[int] = []
    errors: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda _t, exc, _tb: errors.append(exc))

    def failing(_deadline: float) -> bool:
        runs.append(1)
        raise RuntimeError("broken")

    tab.when_idle(failing)
    tab.when_idle(lambda _deadline: runs.append(2) or True)
    tab.show()
    qtbot.waitUntil(lambda: runs == [1, 2])
    assert [str(e) for e in errors] == ["broken"]


def test_a_background_failure_nobody_handles_reaches_the_crash_report(qtbot, monkeypatch):
    """A job whose caller connected no ``failed`` handler (a search, a preview) must not fail
    silently: the error goes to the crash report, as an error on the GUI thread would."""
    import sys

    from careerpivot.ui import workers

    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: reported.append(e))

    def job(_job):
        raise RuntimeError("the disk went away")

    task = workers.submit(job)
    with qtbot.waitSignal(task.signals.done):
        pass
    qtbot.waitUntil(lambda: bool(reported))
    assert str(reported[0]) == "the disk went away"


def test_a_handled_background_failure_goes_to_its_handler_only(qtbot, monkeypatch):
    import sys

    from careerpivot.ui import workers

    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: reported.append(e))

    def job(_job):
        raise ValueError("refused")

    task = workers.submit(job)
    handled: list[BaseException] = []
    task.signals.failed.connect(handled.append)
    with qtbot.waitSignal(task.signals.done):  # (queued after ``failed``)
        pass
    assert [str(e) for e in handled] == ["refused"]
    assert reported == []
