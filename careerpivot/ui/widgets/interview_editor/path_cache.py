"""What the interview editor keeps of the paths: their assumptions and core questions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import paths
from careerpivot.ui import workers
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.widgets.interview_editor.common import AssumptionInfo


class PathCache(QObject):
    """Every path's assumptions (statements only), read in the background once and kept
    until assumptions change (bus area "paths"): reading them computes every status, which
    takes a moment with tens of thousands of evidence rows. Also each path's core questions."""

    #: The assumptions were read: whoever waits for them may ask again.
    assumptions_ready = Signal()

    def __init__(self, ctx: AppContext, wanted: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        """``wanted()`` says whether the assumptions are still waited for (they are read
        again when a background read came back out of date)."""
        super().__init__(parent)
        self.ctx = ctx
        self._wanted = wanted
        self._assumptions: dict[int, list[AssumptionInfo]] | None = None
        self._assumptions_generation = 0
        self._assumptions_task: workers.Task | None = None
        self._assumptions_task_generation = -1
        self._core: dict[int, set[int]] = {}
        ctx.bus.changed.connect(self._bus_changed)

    def invalidate_assumptions(self) -> None:
        self._assumptions = None
        self._assumptions_generation += 1
        self._core = {}

    def core_ids(self, path_id: int | None) -> set[int]:
        if not path_id:
            return set()
        if path_id not in self._core:
            try:
                self._core[path_id] = {q.id for q in paths.core_questions(path_id)}
            except CareerPivotError:
                return set()
        return self._core[path_id]

    def path_assumptions(self, path_id: int | None) -> list[AssumptionInfo] | None:
        """The path's assumptions, or None while they are being read."""
        if not path_id:
            return []
        if self._assumptions is None:
            self.prefetch_assumptions()
            return None
        return self._assumptions.get(path_id, [])

    @staticmethod
    def _read_assumptions() -> dict[int, list[AssumptionInfo]]:
        cache: dict[int, list[AssumptionInfo]] = {}
        for a in paths.list_assumptions():
            cache.setdefault(a.path_id, []).append((a.id, a.path_id, a.statement, a.category))
        return cache

    def prefetch_assumptions(self) -> None:
        """Read every path's assumptions off the GUI thread (when not already known)."""
        if self._assumptions is not None or self._assumptions_task is not None:
            return
        generation = self._assumptions_generation

        def job(_job: workers.Job) -> dict[int, list[AssumptionInfo]]:
            return self._read_assumptions()

        task = workers.submit(job)
        self._assumptions_task = task
        self._assumptions_task_generation = generation
        # Bound methods, not lambdas: the connections end with the cache (and its editor).
        task.signals.finished.connect(self._assumptions_read)
        task.signals.failed.connect(self._assumptions_read_here)
        task.signals.done.connect(self._assumptions_task_done)

    def _assumptions_read(self, cache: dict) -> None:
        if self._assumptions_task_generation == self._assumptions_generation:
            self._assumptions = cache
            self.assumptions_ready.emit()

    def _assumptions_read_here(self, _exc: object = None) -> None:
        """The background read failed: read here (a message says why if this fails too)."""
        if self._assumptions_task_generation != self._assumptions_generation:
            return
        try:
            self._assumptions = self._read_assumptions()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            self._assumptions = {}
        self.assumptions_ready.emit()

    def _assumptions_task_done(self) -> None:
        self._assumptions_task = None
        if self._assumptions is None and self._wanted():
            self.prefetch_assumptions()  # the result was out of date: read again

    def _bus_changed(self, area: str) -> None:
        if area in (Area.PATHS, Area.ALL):
            self.invalidate_assumptions()
