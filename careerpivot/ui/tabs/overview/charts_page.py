"""The Overview's "Progress" page (:class:`ChartsPage`, ``chartsPage``): a placeholder until
the charts are built, then the charts. The charts module (and with it QtCharts) is imported in
a call posted by :meth:`ChartsPage.schedule`, and the chart data is computed off the GUI
thread, one job at a time."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

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
        self._reader = workers.LatestRead(overview.chart_data, self)
        self._reader.finished.connect(self._show)
        self._reader.failed.connect(self._failed)
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
        # on a short window the charts scroll, at their least height, instead of being cut
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("chartsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.charts = ChartsPanel(self.scroll)
        self.charts.actionRequested.connect(self._go)
        self.scroll.setWidget(self.charts)
        self.layout().addWidget(self.scroll)
        self.scroll.hide()
        self.load()

    def _go(self, action: str) -> None:
        """An empty chart's button: take the user where its data is made."""
        from careerpivot.ui.widgets.charts import ChartsPanel as Panel

        window: Any = self.window()
        if not hasattr(window, "show_tab"):
            return
        if action == Panel.ACTION_PATH:
            window.show_tab("pathsTab").add_path()
        elif action == Panel.ACTION_ASSUMPTION:
            tab = window.show_tab("pathsTab")
            tab.pages.setCurrentWidget(tab.assumptions_page)
            tab.assumptions_page.add_assumption()
        elif action == Panel.ACTION_CONTACT:
            window.show_tab("networkTab").add_contact()
        elif action == Panel.ACTION_SKILLS:
            window.show_tab("interviewsTab")
        elif action == Panel.ACTION_PLAN:
            window.show_tab("planTab")

    def reload(self) -> None:
        """Compute the chart data again, once the charts are built."""
        if self.charts is not None:
            self.load()

    def load(self) -> None:
        """Compute the chart data off the GUI thread (one job at a time)."""
        self._reader.request(self._today())

    def _show(self, data: overview.ChartData) -> None:
        if self.charts is None:
            return
        self.charts.set_data(data)
        self.charts_placeholder.hide()
        self.scroll.show()
        self.updated.emit()

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, CareerPivotError) else str(exc)
        self.charts_placeholder.setText(
            self.tr("The charts could not be drawn: {0}").format(message))
