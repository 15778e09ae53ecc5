"""The timeline with its zoom controls and a legend: the widget the Plan tab shows."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from careerpivot.services.plan import PlanOverview
from careerpivot.ui.widgets.timeline.style import paint_flag, paint_marker, timeline_colors
from careerpivot.ui.widgets.timeline.view import TimelineView


class PlanTimeline(QWidget):
    """The timeline with its zoom controls and a legend."""

    milestoneClicked = Signal(int)
    phaseClicked = Signal(int)
    contingencyClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTimeline")
        self.view = TimelineView(self)
        self.view.milestoneClicked.connect(self.milestoneClicked)
        self.view.phaseClicked.connect(self.phaseClicked)
        self.view.contingencyClicked.connect(self.contingencyClicked)

        self._bar = bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 4, 4)
        bar.setSpacing(4)
        title = QLabel(self.tr("<b>Timeline</b>"))
        title.setObjectName("timelineTitle")
        bar.addWidget(title)
        bar.addSpacing(12)
        self.legend = QWidget(self)
        self.legend.setObjectName("timelineLegend")
        self._legend_layout = QHBoxLayout(self.legend)
        self._legend_layout.setContentsMargins(0, 0, 0, 0)
        self._legend_layout.setSpacing(10)
        self._legend_icons: list[tuple[QLabel, str, bool]] = []
        bar.addWidget(self.legend)
        bar.addStretch(1)
        self.undated = QLabel(self)
        self.undated.setObjectName("timelineUndated")
        self.undated.hide()
        bar.addWidget(self.undated)
        bar.addSpacing(8)
        self.zoom_out_button = self._button(
            "zoomOutButton", "−", self.tr("Zoom out (Ctrl+−, or Ctrl+mouse wheel)"),
            self.view.zoom_out)
        self.zoom_in_button = self._button(
            "zoomInButton", "+", self.tr("Zoom in (Ctrl++, or Ctrl+mouse wheel)"),
            self.view.zoom_in)
        self.fit_button = self._button(
            "fitButton", self.tr("Fit"), self.tr("Show the whole plan (Ctrl+0)"), self.view.fit)
        self.today_button = self._button(
            "todayButton", self.tr("Today"), self.tr("Scroll to today"),
            self.view.scroll_to_today)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button,
                       self.today_button):
            bar.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in ((("Ctrl++", "Ctrl+="), self.view.zoom_in),
                           (("Ctrl+-",), self.view.zoom_out), (("Ctrl+0",), self.view.fit)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(context)
                shortcut.activated.connect(slot)
        self._build_legend()

    def _button(self, name: str, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.setMinimumWidth(28)
        button.clicked.connect(slot)
        return button

    def _legend_icon(self, status: str, overdue: bool) -> QPixmap:
        """A legend's sample, painted at the screen's pixel ratio (sharp on high-DPI)."""
        ratio = self.devicePixelRatioF()
        size = QSize(20, 20)
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        colors = timeline_colors(self.palette())
        if status == "contingency":
            painter.translate(6, 10)
            paint_flag(painter, colors)
        else:
            painter.translate(10, 10)
            paint_marker(painter, status, overdue, colors)
        painter.end()
        return pixmap

    def _build_legend(self) -> None:
        if not self._legend_icons:
            for status, overdue, text in (
                    ("planned", False, self.tr("Planned")),
                    ("in_progress", False, self.tr("In progress")),
                    ("done", False, self.tr("Done")),
                    ("planned", True, self.tr("Overdue")),
                    ("contingency", False, self.tr("Contingency"))):
                icon = QLabel(self.legend)
                icon.setAccessibleName(text)
                label = QLabel(text, self.legend)
                pair = QHBoxLayout()
                pair.setSpacing(2)
                pair.addWidget(icon)
                pair.addWidget(label)
                self._legend_layout.addLayout(pair)
                self._legend_icons.append((icon, status, overdue))
        for icon, status, overdue in self._legend_icons:
            icon.setPixmap(self._legend_icon(status, overdue))

    def set_plan(self, overview: PlanOverview) -> None:
        self.view.set_plan(overview)
        undated = sum(m.due_date is None for m in overview.milestones())
        self.undated.setText(
            self.tr("1 milestone has no due date and is not shown") if undated == 1
            else self.tr("{0} milestones have no due date and are not shown").format(undated))
        self.undated.setVisible(undated > 0)

    def wanted_height(self, width: int | None = None) -> int:
        """The height that shows the whole plan, every lane and the contingencies, without
        scrolling (at this width, or the present one)."""
        frame = self.view.frameWidth()
        viewport = None if width is None else width - 2 * frame
        return self._bar.sizeHint().height() + math.ceil(self.view.plan_height(viewport)) \
            + 2 * frame + 1

    def least_height(self) -> int:
        """The least height worth showing: the bar and a few lines of the lanes (the view
        scrolls to the rest)."""
        return self._bar.sizeHint().height() + 5 * self.fontMetrics().height() \
            + 2 * self.view.frameWidth()

    def select(self, kind: str | None, item_id: int | None = None) -> None:
        self.view.select(kind, item_id)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._build_legend()
