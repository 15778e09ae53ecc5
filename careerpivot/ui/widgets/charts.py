"""The Overview's four charts: assumption status per path, the contact pipeline, the top skills
by evidence and plan progress by phase.

This module imports QtCharts, so nothing imports it at start-up: the Overview tab imports it
the first time it is shown. Every chart is a horizontal bar chart (long names stay readable),
drawn in colours that read on light and dark palettes and that stay apart for the common
forms of colour blindness (Okabe–Ito); every colour also has a legend entry, and hovering a
bar shows its number. :meth:`ChartsPanel.set_data` replaces the data; a palette change
re-colours everything.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsSimpleTextItem,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.services.overview import ChartData
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.widgets.empty_state import EmptyState

#: (light, dark) colours of each series.
COLORS: dict[str, tuple[str, str]] = {
    "untested": ("#b9b9b9", "#6f6f6f"),
    "supported": ("#009e73", "#2fc096"),
    "challenged": ("#d55e00", "#ff8a4c"),
    "contested": ("#e69f00", "#f7c04a"),
    "essential": ("#0072b2", "#4aa8e8"),
    "important": ("#56b4e9", "#8fd0f5"),
    "nice": ("#c9c9c9", "#5f5f5f"),
    "done": ("#009e73", "#2fc096"),
    "in_progress": ("#56b4e9", "#8fd0f5"),
    "planned": ("#c9c9c9", "#5f5f5f"),
    "overdue": ("#d55e00", "#ff8a4c"),
    "missed": ("#8c8c8c", "#9a9a9a"),
    "declined": ("#b9b9b9", "#6f6f6f"),
}



def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def color(key: str, palette: QPalette) -> QColor:
    light, dark = COLORS[key]
    return QColor(dark if is_dark(palette) else light)


class ChartCard(QFrame):
    """A titled chart with a sentence that sums it up, or an empty state.

    The category names are drawn by the card, not by QtCharts' axis (which cuts long names
    to "..." once they need more than about a third of the chart's width): right-aligned
    beside their bar, in a margin as wide as the longest name (up to :data:`LABEL_SHARE` of
    the card). The legend is a line of text above the chart, which wraps instead of
    cutting the series' names.
    """

    #: The largest share of the card's width the category names may take.
    LABEL_SHARE = 0.45
    #: The thickest a bar may be (pixels).
    MAX_BAR = 30.0

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(2)
        self.title = QLabel(title, self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName(f"{name}Summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.legend = QLabel(self)
        self.legend.setObjectName(f"{name}Legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.stack = QStackedWidget(self)
        self.chart = QChart()
        self.chart.setBackgroundVisible(False)
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setVisible(False)
        self.chart.plotAreaChanged.connect(lambda _r: self._place_labels())
        self.view = QChartView(self.chart, self.stack)
        self.view.setObjectName(f"{name}View")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setStyleSheet("background: transparent")
        self.view.setMinimumHeight(120)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # an empty chart says what would fill it, with the action that does
        self.empty = EmptyState(self.stack, name=f"{name}Empty", compact=True)
        self.empty_action = ""  # what the empty state's button asks for (ChartsPanel)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.legend)
        layout.addWidget(self.stack, 1)
        self.series: QHorizontalStackedBarSeries | None = None
        self.categories: list[str] = []
        self._tooltips: list[str] | None = None
        self._labels: list[QGraphicsSimpleTextItem] = []
        self._end_labels: list[QGraphicsSimpleTextItem] = []
        self._ends: list[tuple[str, float]] = []
        self._legend_items: list[tuple[str, str]] = []

    def least_height(self, width: int) -> int:
        """The least height the card needs at ``width``: its texts, and the chart at its
        least (or the empty state)."""
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        parts = [self.title.sizeHint().height()]
        for label in (self.summary, self.legend):
            if not label.isHidden():
                parts.append(label.heightForWidth(inner))
        shown = self.stack.currentWidget()
        parts.append(self.view.minimumHeight() if shown is self.view
                     else shown.minimumSizeHint().height())
        return (margins.top() + margins.bottom() + sum(parts)
                + self.layout().spacing() * (len(parts) - 1))

    def show_empty(self, text: str, summary: str = "", action: tuple[str, str] = ("", "")
                   ) -> None:
        """Say why the chart is empty; ``action`` is (what to ask for, the button's text)."""
        self.empty_action, label = action
        self.empty.set_content("", text, label)
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.legend.hide()
        self.stack.setCurrentWidget(self.empty)
        self._clear()

    def _clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        for item in self._labels + self._end_labels:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        self._labels = []
        self._end_labels = []
        self._ends = []
        self.series = None
        self.categories = []

    def show_bars(self, categories: Sequence[str], sets: Sequence[tuple[str, str,
                                                                        Sequence[int]]],
                  summary: str, *, legend: bool = True,
                  tooltips: Sequence[str] | None = None,
                  ends: Sequence[str] | None = None) -> None:
        """Stacked horizontal bars: ``sets`` are (colour key, label, one value per
        category); the first category is drawn at the top. ``ends`` is a short text per
        category written after its bar (default: the bar's total)."""
        self._clear()
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.stack.setCurrentWidget(self.view)
        # QtCharts draws the first category at the bottom: reverse to read top-down
        order = list(range(len(categories)))[::-1]
        self.categories = [categories[i] for i in order]
        self._tooltips = [tooltips[i] for i in order] if tooltips else None
        totals = [sum(v[i] for _k, _l, v in sets) for i in range(len(categories))]
        end_texts = list(ends) if ends else [str(int(t)) for t in totals]
        self._ends = [(end_texts[i], float(totals[i])) for i in order]
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.66)
        for key, label, values in sets:
            bar_set = QBarSet(label)
            bar_set.setProperty("colorKey", key)
            bar_set.append([float(values[i]) for i in order])
            bar_set.hovered.connect(lambda state, index, s=bar_set: self._hover(state, index, s))
            series.append(bar_set)
        self.chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        # the axis needs distinct names; the card draws the real ones
        axis_y.append([str(i) for i in range(len(self.categories))])
        axis_y.setLabelsVisible(False)
        axis_y.setGridLineVisible(False)
        axis_y.setLineVisible(False)
        # the numbers are written at the bars' ends: the value axis only sets the scale
        axis_x = QValueAxis()
        axis_x.setRange(0, max(max(totals, default=0), 1))
        axis_x.setVisible(False)
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        self.series = series
        for text in self.categories:
            item = QGraphicsSimpleTextItem(self.chart)
            item.setData(0, text)
            item.setToolTip(text)
            self._labels.append(item)
        for text, _total in self._ends:
            item = QGraphicsSimpleTextItem(text, self.chart)
            self._end_labels.append(item)
        self._legend_items = [(key, label) for key, label, _v in sets] if legend else []
        self.legend.setVisible(bool(self._legend_items))
        # room for every bar's name (a line of the small font each), never less
        line = QFontMetricsF(self._small_font()).height()
        self.view.setMinimumHeight(int(min(16 + (line + 5) * len(categories), 200)))
        self.apply_palette(self.palette())

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7.5))
        return small

    def _reserve_label_space(self) -> None:
        if not self._labels:
            return
        metrics = QFontMetricsF(self._small_font())
        widest = max((metrics.horizontalAdvance(t) for t in self.categories), default=0.0)
        room = max(self.contentsRect().width(), 200) * self.LABEL_SHARE
        end = max((metrics.horizontalAdvance(t) for t, _v in self._ends), default=0.0)
        self.chart.setMargins(QMargins(int(min(widest, room)) + 10, 0, int(end) + 10, 0))

    def _place_labels(self) -> None:
        if self.series is None or not self._labels:
            return
        area = self.chart.plotArea()
        # bars at most MAX_BAR pixels thick, however few the categories
        slot = area.height() / max(len(self._labels), 1)
        self.series.setBarWidth(min(0.7, self.MAX_BAR / slot) if slot > 0 else 0.7)
        width = max(area.left() - 10, 20.0)
        metrics = QFontMetricsF(self._small_font())
        for index, item in enumerate(self._labels):
            full = str(item.data(0))
            text = metrics.elidedText(full, Qt.TextElideMode.ElideRight, width)
            item.setText(text)
            center = self.chart.mapToPosition(QPointF(0, index), self.series)
            rect = item.boundingRect()
            item.setPos(area.left() - 6 - rect.width(), center.y() - rect.height() / 2)
        for index, item in enumerate(self._end_labels):
            total = self._ends[index][1]
            point = self.chart.mapToPosition(QPointF(total, index), self.series)
            rect = item.boundingRect()
            item.setPos(point.x() + 5, point.y() - rect.height() / 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reserve_label_space()

    def _hover(self, state: bool, index: int, bar_set: QBarSet) -> None:
        if not state:
            QToolTip.hideText()
            return
        category = self.categories[index] if 0 <= index < len(self.categories) else ""
        text = f"{category}\n{bar_set.label()}: {int(bar_set.at(index))}"
        if self._tooltips:
            text += "\n" + self._tooltips[index]
        QToolTip.showText(QCursor.pos(), text, self.view)

    def values(self) -> dict[str, list[int]]:
        """{set label: values, top category first} (for tests and accessibility)."""
        if self.series is None:
            return {}
        return {s.label(): [int(s.at(i)) for i in range(s.count())][::-1]
                for s in self.series.barSets()}

    def labels(self) -> list[str]:
        """The category names, top first."""
        return self.categories[::-1]

    def apply_palette(self, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = palette.color(QPalette.ColorRole.Mid)
        base = palette.color(QPalette.ColorRole.Base)
        small = self._small_font()
        for axis in self.chart.axes():
            axis.setLabelsColor(text)
            axis.setLabelsFont(small)
            axis.setLinePenColor(grid)
            axis.setGridLineColor(grid)
        for item in self._labels + self._end_labels:
            item.setBrush(text)
            item.setFont(small)
        if self.series is not None:
            for bar_set in self.series.barSets():
                bar_set.setColor(self._fill(str(bar_set.property("colorKey")), palette))
                pen = QPen(base)
                pen.setWidthF(1.0)
                bar_set.setPen(pen)
        self.legend.setFont(small)
        self.legend.setText("&nbsp;&nbsp; ".join(
            f"<span style='color:{self._fill(key, palette).name()}'>■</span>&nbsp;"
            + label.replace("&", "&amp;").replace("<", "&lt;")
            for key, label in self._legend_items))
        self._reserve_label_space()
        self._place_labels()

    @staticmethod
    def _fill(key: str, palette: QPalette) -> QColor:
        return palette.color(QPalette.ColorRole.Highlight) if key == "accent" \
            else color(key, palette)


class ChartsPanel(QWidget):
    """The four charts in a two-by-two grid (in a row of four when wide enough).

    An empty chart's button asks for what would fill it: ``actionRequested`` carries one of
    the ``ACTION_*`` keys, and the page that holds the charts takes the user there."""

    ACTION_PATH, ACTION_ASSUMPTION, ACTION_CONTACT = "path", "assumption", "contact"
    ACTION_SKILLS, ACTION_PLAN = "skills", "plan"

    actionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartsPanel")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 0)
        self.grid.setSpacing(8)
        self.paths = ChartCard("assumptionChart", self.tr("Assumptions by path"), self)
        self.pipeline = ChartCard("pipelineChart", self.tr("Contact pipeline"), self)
        self.skills = ChartCard("skillsChart", self.tr("Top skills by evidence"), self)
        self.plan = ChartCard("planChart", self.tr("Plan progress by phase"), self)
        self._columns = 0
        self._arrange(2)
        self.data: ChartData | None = None
        for card in self.cards():
            card.empty.actionTriggered.connect(
                lambda c=card: self.actionRequested.emit(c.empty_action))

    #: Below this width the four charts go two by two.
    ONE_ROW_WIDTH = 1040

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards():
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards()):
            self.grid.addWidget(card, index // columns, index % columns)
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(4 if event.size().width() >= self.ONE_ROW_WIDTH else 2)

    def heightForWidth(self, width: int) -> int:
        # A scroll area gives the panel this height at least: the least the charts need at
        # that width (not the taller height their views would like), so they fill a short
        # window instead of scrolling in it.
        columns = 4 if width >= self.ONE_ROW_WIDTH else 2
        margins = self.grid.contentsMargins()
        spacing = self.grid.spacing()
        inner = width - margins.left() - margins.right() - spacing * (columns - 1)
        cards = self.cards()
        rows = [cards[i:i + columns] for i in range(0, len(cards), columns)]
        return (margins.top() + margins.bottom() + spacing * (len(rows) - 1)
                + sum(max(c.least_height(inner // columns) for c in row) for row in rows))

    def cards(self) -> tuple[ChartCard, ...]:
        return (self.paths, self.pipeline, self.skills, self.plan)

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self._paths(data)
        self._pipeline(data)
        self._skills(data)
        self._plan(data)

    def _paths(self, data: ChartData) -> None:
        rows = [p for p in data.paths if p.total]
        if not rows:
            if data.paths:
                self.paths.show_empty(
                    self.tr("No assumptions yet: write down what you believe about each path."),
                    action=(self.ACTION_ASSUMPTION, self.tr("New Assumption…")))
            else:
                self.paths.show_empty(
                    self.tr("No target paths yet: name the careers you are considering."),
                    action=(self.ACTION_PATH, self.tr("Add Path…")))
            return
        summary = self.tr("{0} of {1} assumptions tested · {2} triangulated").format(
            data.tested, data.assumptions, data.triangulated)
        self.paths.show_bars(
            [p.title for p in rows],
            [(key, _vocab(vocab.ASSUMPTION_STATUSES[key]), [getattr(p, key) for p in rows])
             for key in ("supported", "contested", "challenged", "untested")],
            summary,
            tooltips=[self.tr("%n triangulated", "", p.triangulated) for p in rows])

    def _pipeline(self, data: ChartData) -> None:
        if not data.people:
            self.pipeline.show_empty(
                self.tr("No contacts yet: add the people you would like to talk to."),
                action=(self.ACTION_CONTACT, self.tr("Add Contact…")))
            return
        labels = [_vocab(vocab.STAGES[s]) for s, _n in data.pipeline]
        active = [0 if s == "declined" else n for s, n in data.pipeline]
        declined = [n if s == "declined" else 0 for s, n in data.pipeline]
        summary = self.tr("{0} people · {1} conversations held").format(
            data.people, data.conversations)
        self.pipeline.show_bars(
            labels, [("accent", self.tr("Contacts"), active),
                     ("declined", _vocab(vocab.STAGES["declined"]), declined)],
            summary, legend=False)

    def _skills(self, data: ChartData) -> None:
        if not data.skills:
            self.skills.show_empty(
                self.tr("No skills mentioned yet: log the skills each conversation names."),
                action=(self.ACTION_SKILLS, self.tr("Open Interviews")))
            return
        top = data.skills[0]
        summary = self.tr("Conversations that named each skill · strongest: {0}").format(
            top.name)
        self.skills.show_bars(
            [s.name for s in data.skills],
            [("essential", _vocab(vocab.IMPORTANCE[3]), [s.essential for s in data.skills]),
             ("important", _vocab(vocab.IMPORTANCE[2]), [s.important for s in data.skills]),
             ("nice", _vocab(vocab.IMPORTANCE[1]), [s.nice for s in data.skills])],
            summary,
            tooltips=[self.tr("levels not set") if s.gap is None
                      else self.tr("gap {0}").format(s.gap) if s.gap
                      else self.tr("gap closed") for s in data.skills])

    def _plan(self, data: ChartData) -> None:
        rows = [p for p in data.phases if p.total]
        if not rows:
            self.plan.show_empty(
                self.tr("No milestones yet: add them to the phases of your plan."),
                action=(self.ACTION_PLAN, self.tr("Open the Plan")))
            return
        done = sum(p.done for p in rows)
        total = sum(p.total for p in rows)
        overdue = sum(p.overdue for p in rows)
        summary = self.tr("{0} of {1} milestones done").format(done, total)
        if overdue:
            summary += " · " + self.tr("%n overdue", "", overdue)
        self.plan.show_bars(
            [p.name for p in rows],
            [("done", _vocab(vocab.MILESTONE_STATUSES["done"]), [p.done for p in rows]),
             ("in_progress", _vocab(vocab.MILESTONE_STATUSES["in_progress"]),
              [p.in_progress for p in rows]),
             ("planned", _vocab(vocab.MILESTONE_STATUSES["planned"]),
              [p.planned for p in rows]),
             ("overdue", self.tr("Overdue"), [p.overdue for p in rows]),
             ("missed", _vocab(vocab.MILESTONE_STATUSES["missed"]), [p.missed for p in rows])],
            summary, ends=[f"{p.percent}%" for p in rows],
            tooltips=[self.tr("{0} of {1} done").format(p.done, p.total) for p in rows])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for card in self.cards():
                card.apply_palette(self.palette())
