"""The Overview's "Progress" page (:class:`ChartsPage`, ``chartsPage``): a placeholder until
the charts are built, then the charts. The charts module (and with it QtCharts) is imported in
a call posted by :meth:`ChartsPage.schedule`, and the chart data is computed off the GUI
thread, one job at a time."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import overview
from careerpivot.ui import workers


class ChartsPage(QWidget):
    """The charts, built on the first show; ``today`` gives the day their data is for."""

    #: The chart data arrived and was shown.
    updated = Signal()

    def __init__(self, today: Callable[[], _dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartsPage")
        self._today = today
        self.charts: Any = None  # careerpivot.ui.widgets.charts.ChartsPanel, built on show
        self._charts_scheduled = False
        self._chart_generation = 0
        self._chart_task: workers.Task | None = None
        self._charts_pending = False
        charts_layout = QVBoxLayout(self)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        self.charts_placeholder = QLabel(self.tr("Loading the charts…"), self)
        self.charts_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.charts_placeholder.setEnabled(False)
        charts_layout.addWidget(self.charts_placeholder)

    def schedule(self) -> None:
        if self.charts is None and not self._charts_scheduled:
            # a posted call: the due list is shown before QtCharts is loaded
            self._charts_scheduled = True
            QTimer.singleShot(0, self._build_charts)

    def _build_charts(self) -> None:
        from careerpivot.ui.widgets.charts import ChartsPanel

        if self.charts is not None:
            return
        self.charts = ChartsPanel(self)
        self.layout().addWidget(self.charts)
        self.charts.hide()
        self.load()

    def reload(self) -> None:
        """Compute the chart data again, once the charts are built."""
        if self.charts is not None:
            self.load()

    def load(self) -> None:
        """Compute the chart data off the GUI thread. One job at a time: changes made while
        it runs ask for one more job when it ends (their data is newer)."""
        if self._chart_task is not None:
            self._charts_pending = True
            return
        self._charts_pending = False
        self._chart_generation += 1
        generation = self._chart_generation
        today = self._today()
        def job(_job: workers.Job, day: _dt.date) -> overview.ChartData:
            return overview.chart_data(day)

        task = workers.submit(job, today)
        self._chart_task = task

        def finished(data: overview.ChartData) -> None:
            if generation != self._chart_generation or self.charts is None \
                    or self._charts_pending:
                return
            self.charts.set_data(data)
            self.charts_placeholder.hide()
            self.charts.show()
            self.updated.emit()

        def failed(exc: BaseException) -> None:
            if generation == self._chart_generation:
                message = exc.message if isinstance(exc, CareerPivotError) else str(exc)
                self.charts_placeholder.setText(
                    self.tr("The charts could not be drawn: {0}").format(message))

        def done() -> None:
            self._chart_task = None
            if self._charts_pending:
                self.load()

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        task.signals.done.connect(done)
