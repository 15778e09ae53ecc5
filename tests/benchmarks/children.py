"""The child processes of the benchmark runner (``run.py`` starts them; not run by hand).

    python tests/benchmarks/children.py startup bare|libraries|app [WORKSPACE]
    python tests/benchmarks/children.py gui WORKSPACE
    python tests/benchmarks/children.py services WORKSPACE REPEAT
    python tests/benchmarks/children.py io WORKSPACE FOLDER
    python tests/benchmarks/children.py loop WORKSPACE REPEAT   (children_loop.py)
    python tests/benchmarks/children.py floors WORKSPACE FOLDER REPEAT   (children_floors.py)

Each prints one line ``BENCH {json}`` with its measurements. The start-up child imports
nothing before Qt beyond the standard library, so the bare window and the app start the same
way; its clock is the parent's ``time.monotonic()`` passed in ``CP_BENCH_T0`` just before the
process was started (CLOCK_MONOTONIC is shared by every process of the machine), so the
figure covers process creation, interpreter start, imports, opening the workspace, building
the window and painting it.
"""

from __future__ import annotations

import json
import os
import sys
import time

T0 = float(os.environ.get("CP_BENCH_T0", "nan"))
#: After the first paint, how long the start-up child lets the app go on (background jobs
#: started at start-up, deferred loading) before it reads the peak memory.
SETTLE_MS = int(os.environ.get("CP_BENCH_SETTLE_MS", "1500"))


def _memory() -> dict[str, int]:
    """VmRSS and VmHWM (the peak resident set) of this process in KiB."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(("VmRSS:", "VmHWM:")):
                name, value = line.split(":", 1)
                values[name] = int(value.split()[0])
    return {"rss_kib": values["VmRSS"], "hwm_kib": values["VmHWM"]}


def _emit(result: dict) -> None:
    sys.stdout.write("BENCH " + json.dumps(result) + "\n")
    sys.stdout.flush()


# --- start-up: process start to the first painted main window --------------------------------


def startup(mode: str, database: str | None) -> int:
    from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    result: dict = {"mode": mode}

    def finish(window) -> None:
        # every paint event of the first frame (the window and all its children, drawn in one
        # synchronous pass) has been delivered when this posted call runs
        result["paint_s"] = time.monotonic() - T0
        result["at_paint"] = _memory()
        waited = [0]

        def settle() -> None:
            waited[0] += 100
            busy = (QThreadPool.globalInstance().activeThreadCount()
                    or not getattr(window, "tab_modules_ready", True))  # (idle imports)
            if waited[0] < SETTLE_MS or (busy and waited[0] < 60000):
                QTimer.singleShot(100, settle)
                return
            result["settled"] = _memory()
            result["settled_s"] = time.monotonic() - T0
            _emit(result)
            window.close()  # the app's own clean shutdown (lock released, no backup)
            QApplication.instance().quit()

        QTimer.singleShot(100, settle)

    class FirstPaint(QObject):
        def __init__(self, window) -> None:
            super().__init__(window)
            self.window = window
            self.seen = False

        def eventFilter(self, obj, event) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, lambda: finish(self.window))
            return False

    def watch(window) -> None:
        window._bench_filter = FirstPaint(window)
        window.installEventFilter(window._bench_filter)

    if mode in ("bare", "libraries"):
        from PySide6.QtWidgets import QMainWindow

        if mode == "libraries":
            # the floor under the app's figures: the bare window after importing what any
            # screen with data needs (the database layer and the charts), nothing of the app
            import peewee  # noqa: F401
            from PySide6 import QtCharts  # noqa: F401

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1200, 800)
        watch(window)
        window.show()
        return app.exec()

    import careerpivot.app as app_module

    build_window = app_module.build_window

    def build_and_watch(*args, **kwargs):
        window = build_window(*args, **kwargs)
        if window is not None:
            watch(window)
            ready = getattr(window, "workspace_ready", None)
            if ready is not None:
                # the workspace opens behind the painted window: also when its first tab has
                # painted its data (reported, no target)
                def tab_painted() -> None:
                    result["ready_s"] = time.monotonic() - T0

                def on_ready() -> None:
                    window._bench_tab = _Painted.watch(window.tabs.currentWidget())
                    window._bench_tab.painted_callback = tab_painted

                ready.connect(on_ready)
        return window

    app_module.build_window = build_and_watch
    return app_module.main(["--database", database])


# --- the GUI: first switch to each tab, keystrokes of search ---------------------------------


def gui(database: str) -> int:
    """The app started as a user starts it (``careerpivot --database``); once its window has
    painted and the start-up's background work has ended, the measurements run inside its
    event loop, then the window closes the app."""
    import careerpivot.app as app_module

    build_window = app_module.build_window
    state: dict = {}

    def build_and_measure(*args, **kwargs):
        from PySide6.QtCore import QTimer

        window = build_window(*args, **kwargs)
        if window is not None:
            state["painted"] = _Painted.watch(window)
            state["shown_at"] = time.perf_counter()  # run_gui() shows the window next
            # the workspace opens behind the painted window; then the Overview shows its data
            window.workspace_ready.connect(
                lambda: state.__setitem__("overview", _Painted.watch(window.tabs.currentWidget())))
            QTimer.singleShot(0, lambda: _measure_gui(window, state))
        return window

    app_module.build_window = build_and_measure
    return app_module.main(["--database", database])


class _Painted:
    """Notes when the first paint of a widget (and of the frame it is part of) has been
    delivered: a call posted from its first paint event runs after the whole frame."""

    @staticmethod
    def watch(widget, loop=None):
        from PySide6.QtCore import QEvent, QObject, QTimer

        class Filter(QObject):
            def __init__(self) -> None:
                super().__init__(widget)
                self.at: float | None = None
                self.seen = False

            def eventFilter(self, obj, event) -> bool:
                if not self.seen and event.type() == QEvent.Type.Paint:
                    self.seen = True
                    QTimer.singleShot(0, self._done)
                return False

            def _done(self) -> None:
                self.at = time.perf_counter()
                widget.removeEventFilter(self)
                if loop is not None:
                    loop.quit()
                callback = getattr(self, "painted_callback", None)
                if callback is not None:
                    callback()

        watcher = Filter()
        widget.installEventFilter(watcher)
        return watcher


def _measure_gui(window, state: dict) -> None:
    from PySide6.QtCore import QEventLoop, Qt, QThreadPool, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    qapp = QApplication.instance()

    def wait(condition, timeout_s: float = 120.0) -> None:
        end = time.perf_counter() + timeout_s
        while not condition():
            if time.perf_counter() > end:
                raise TimeoutError("the benchmark waited too long")
            qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)

    def settle() -> None:
        """Let background jobs (the start-up backup, chart data, previews, searches) end and
        their results arrive, so that they do not run into the next measurement."""
        pool = QThreadPool.globalInstance()
        for _ in range(3):
            wait(lambda: pool.activeThreadCount() == 0
                 and getattr(window, "tab_modules_ready", True))
            pause(0.15)

    def pause(seconds: float) -> None:
        end = time.perf_counter() + seconds
        wait(lambda: time.perf_counter() > end)

    def switch_until_painted(index: int) -> float:
        """From the click's effect (the tab is built, if it never was, and loads its data: all
        of it synchronous) to the end of the first paint of the page then shown."""
        loop = QEventLoop()
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        guard.start(60000)
        start = time.perf_counter()
        window.tabs.setCurrentIndex(index)
        page = window.tabs.currentWidget()
        painted = _Painted.watch(page, loop)  # (the paint comes from the event loop, later)
        loop.exec()
        if painted.at is not None and lists_busy(page):
            # a list that reads its rows off the GUI thread: until they are painted
            wait(lambda: not lists_busy(page))
            painted = _Painted.watch(page, loop)
            page.update()
            loop.exec()
        guard.stop()
        if painted.at is None:
            raise TimeoutError(f"{page.objectName()} was not painted")
        return painted.at - start

    def lists_busy(page) -> bool:
        from PySide6.QtCore import QObject

        from careerpivot.ui.itemmodels.paged import PagedTableModel

        return any(m.busy for m in page.findChildren(QObject)
                   if isinstance(m, PagedTableModel))

    result: dict = {"tabs": {}, "keys": {}}
    try:
        wait(lambda: state["painted"].at is not None)
        result["window_first_show_s"] = state["painted"].at - state["shown_at"]
        wait(lambda: "overview" in state and state["overview"].at is not None)
        result["overview_first_show_s"] = state["overview"].at - state["shown_at"]
        settle()

        names = ["pathsTab", "networkTab", "interviewsTab", "developmentTab", "planTab",
                 "summaryTab"]
        for name in names:
            assert name not in window.tab_widgets, f"{name} was built before its first show"
            index = [window.tabs.widget(i).objectName()
                     for i in range(window.tabs.count())].index(name)
            result["tabs"][name] = switch_until_painted(index)
            settle()

        def typing(tab_name: str, field: str, word: str) -> list[float]:
            tab = window.show_tab(tab_name)
            settle()
            search = tab.findChild(QLineEdit, field)
            search.setFocus()
            times = []
            keys = list(word) + [Qt.Key.Key_Backspace] * len(word)
            for key in keys:
                start = time.perf_counter()
                QTest.keyClick(search, key)
                while lists_busy(tab):  # read off the GUI thread: until the rows are shown
                    QThreadPool.globalInstance().waitForDone(1)
                    qapp.processEvents()
                times.append(time.perf_counter() - start)
                qapp.processEvents()  # the view repaints between keystrokes, as it would
            settle()
            return times

        result["keys"]["network"] = typing("networkTab", "contactSearch", "okaf")
        result["keys"]["interviews"] = typing("interviewsTab", "interviewSearch", "fabr")

        # the Interviews tab's search of notes and answers: one query off the GUI thread,
        # started TEXT_SEARCH_DELAY_MS after the last keystroke (reported apart)
        from careerpivot.ui.tabs import interviews as interviews_tab

        tab = window.show_tab("interviewsTab")
        search = tab.findChild(QLineEdit, "interviewSearch")
        done: list[float] = []
        tab.text_search_done.connect(lambda: done.append(time.perf_counter()))
        for key in "retention":
            QTest.keyClick(search, key)
        last_key = time.perf_counter()
        wait(lambda: bool(done))
        result["text_search_s"] = (done[0] - last_key
                                   - interviews_tab.TEXT_SEARCH_DELAY_MS / 1000)
        result["text_search_rows"] = tab.model.rowCount()
        search.clear()
        settle()
        _emit(result)
    except BaseException:
        # not to the app's excepthook: its dialog would wait for a click that never comes
        import traceback

        traceback.print_exc()
        sys.stderr.flush()
        os._exit(3)
    window.close()
    qapp.quit()


# --- services without Qt: ranking, the one-page PDF -------------------------------------------


def _as_in_the_app() -> None:
    """The process settings ``careerpivot.app.main()`` makes (the garbage collector's), so
    that a service is measured as the app runs it. (An older app without them: nothing.)"""
    from careerpivot import app

    tune = getattr(app, "tune_gc", None)
    if tune is not None:
        tune()



def services(database: str, repeat: int) -> int:
    from careerpivot.services import workspace

    _as_in_the_app()

    workspace.open_workspace(database, create=False)
    result: dict = {}

    from careerpivot.services import development

    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        ranked = development.ranked_skills()
        times.append(time.perf_counter() - start)
    result["ranked_skills"] = {"first_s": times[0], "again_s": times[1:], "rows": len(ranked)}

    times = []
    pages = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        from careerpivot.reports.summary import build_summary
        from careerpivot.services.summary import summary_document_data

        pdf = build_summary(summary_document_data())
        times.append(time.perf_counter() - start)
        pages.append(pdf.fit.fits)
    result["summary_pdf"] = {"first_s": times[0], "again_s": times[1:], "fits": all(pages),
                             "bytes": len(pdf.data)}
    workspace.close()
    _emit(result)
    return 0


# --- the full JSON export and import ---------------------------------------------------------


def json_io(database: str, folder: str) -> int:
    from pathlib import Path

    from careerpivot.services import exports, workspace

    _as_in_the_app()
    folder_path = Path(folder)
    target = folder_path / "export.json"
    workspace.open_workspace(database, create=False)
    start = time.perf_counter()
    exports.export_json(target)
    export_s = time.perf_counter() - start
    workspace.close()

    fresh = folder_path / "imported.careerpivot"
    workspace.open_workspace(fresh, create=True, backups_root=folder_path / "backups")
    start = time.perf_counter()
    imported = exports.import_json(target)
    import_s = time.perf_counter() - start
    workspace.close()
    _emit({"export_s": export_s, "import_s": import_s, "rows": imported.rows,
           "bytes": target.stat().st_size})
    return 0


def main(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "startup":
        return startup(argv[1], argv[2] if len(argv) > 2 else None)
    if kind == "gui":
        return gui(argv[1])
    if kind == "services":
        return services(argv[1], int(argv[2]))
    if kind == "io":
        return json_io(argv[1], argv[2])
    if kind == "floors":
        from children_floors import floors

        return floors(argv[1], argv[2], int(argv[3]), _emit)
    if kind == "loop":
        from children_loop import loop

        _as_in_the_app()
        return loop(argv[1], int(argv[2]), _emit)
    raise SystemExit(f"unknown child {kind!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
