"""The Overview tab: what is due, the conversations coming up, the charts and the tracking log.

Everything is relative to ``services.clock.today()``. The due list comes from
``services.overview.due_items`` (a handful of queries), grouped into overdue, today, this
week and coming; each row opens its item, and can be marked done or snoozed where that makes
sense. The charts module (and with it QtCharts) is imported in a call posted from the first
show, after the due list. At start-up (``TabBase.defer_first_load``) the data is loaded and
the charts are built only after the tab's first paint, so the window appears first; the
chart data is computed off the GUI thread, so a large workspace never freezes the window.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import clock, vocab
from careerpivot.core import due as _due
from careerpivot.errors import CareerPivotError
from careerpivot.services import overview
from careerpivot.services.overview import AgendaRow, DueItem
from careerpivot.settings import Settings
from careerpivot.ui import workers
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.undo import push_change
from careerpivot.ui.widgets.log_view import LogView, status_colors

WHAT, WHEN, ABOUT = range(3)
Role = Qt.ItemDataRole
#: The item a row stands for (a DueItem; None on a bucket's header row).
ItemRole = Role.UserRole + 1

#: A glyph per kind, drawn as the row's icon (every one is in DejaVu Sans).
GLYPHS = {"action": "☐", "interview": "☎", "milestone": "⚑", "checkin": "↻",
          "outreach": "✉"}




_icons: dict[tuple[str, str], QIcon] = {}


def glyph_icon(glyph: str, color: QColor, size: int = 16) -> QIcon:
    key = (glyph, color.name())
    icon = _icons.get(key)
    if icon is None:
        icon = QIcon()
        for scale in (1, 2):
            pixmap = QPixmap(size * scale, size * scale)
            pixmap.setDevicePixelRatio(scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            font = QFont("DejaVu Sans")
            font.setPixelSize(size - 3)
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(0, 0, size, size, Qt.AlignmentFlag.AlignCenter, glyph)
            painter.end()
            icon.addPixmap(pixmap)
        _icons[key] = icon
    return icon


class DueModel(QAbstractItemModel):
    """Due items in a two-level tree: a header row per bucket, its items below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[DueItem]]] = []
        self._today = clock.today()
        self._overdue = QColor("#b3261e")
        self._soon = QColor("#8a5a00")
        self._text = QColor("black")
        self._locale = QLocale()

    def set_items(self, items: list[DueItem], today: _dt.date, palette: QPalette) -> None:
        self.beginResetModel()
        groups: dict[str, list[DueItem]] = {}
        for item in items:
            groups.setdefault(item.bucket, []).append(item)
        self._groups = [(b, groups[b]) for b in _due.BUCKETS if b in groups]
        self._today = today
        self._overdue, self._soon = status_colors(palette)
        self._text = palette.color(QPalette.ColorRole.Text)
        self.endResetModel()

    # --- access ---------------------------------------------------------------------------
    def buckets(self) -> list[str]:
        return [b for b, _items in self._groups]

    def items(self, bucket: str | None = None) -> list[DueItem]:
        return [i for b, items in self._groups if bucket in (None, b) for i in items]

    def item(self, index: QModelIndex | QPersistentModelIndex) -> DueItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._groups[index.internalId() - 1][1]
        return group[index.row()] if index.row() < len(group) else None

    def index_of(self, key: str) -> QModelIndex:
        for g, (_bucket, items) in enumerate(self._groups):
            for r, item in enumerate(items):
                if item.key == key:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    def bucket_index(self, bucket: str) -> QModelIndex:
        for g, (b, _items) in enumerate(self._groups):
            if b == bucket:
                return self.createIndex(g, 0, 0)
        return QModelIndex()

    # --- the model ------------------------------------------------------------------------
    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if not parent.isValid():
            if 0 <= row < len(self._groups) and 0 <= column < 3:
                return self.createIndex(row, column, 0)
            return QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        items = self._groups[parent.row()][1]
        if 0 <= row < len(items) and 0 <= column < 3:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()
               ) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return (self.tr("What"), self.tr("When"), self.tr("About"))[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Role.DisplayRole
             ) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        item = self.item(index)
        if item is None:
            return None
        column = index.column()
        if role == ItemRole:
            return item
        if role == Role.DisplayRole:
            return (self.what(item), self.when(item), self.about(item))[column]
        if role == Role.ToolTipRole:
            return self.tooltip(item)
        if role == Role.DecorationRole and column == WHAT:
            return glyph_icon(GLYPHS.get(item.kind, "•"), self._color(item) or self._text)
        if role == Role.ForegroundRole and column == WHEN:
            return self._color(item)
        if role == Role.FontRole and column == WHEN and item.bucket == _due.OVERDUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.AccessibleTextRole:
            return f"{self.what(item)}, {self.when(item)}, {self.about(item)}"
        return None

    def _color(self, item: DueItem) -> QColor | None:
        if item.bucket == _due.OVERDUE:
            return self._overdue
        if item.bucket in (_due.TODAY, _due.THIS_WEEK):
            return self._soon
        return None

    def _group_data(self, index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
        bucket, items = self._groups[index.row()]
        if role == Role.DisplayRole and index.column() == WHAT:
            return f"{self.bucket_title(bucket)} ({len(items)})"
        if role == Role.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.ForegroundRole:
            if bucket == _due.OVERDUE:
                return self._overdue
            if bucket in (_due.TODAY, _due.THIS_WEEK):
                return self._soon
        if role == Role.DecorationRole and index.column() == WHAT:
            glyph = {"overdue": "⚠", "today": "●", "this_week": "◷"}.get(bucket)
            if glyph:
                return glyph_icon(glyph, self._overdue if bucket == _due.OVERDUE
                                  else self._soon)
        return None

    # --- words ----------------------------------------------------------------------------
    def bucket_title(self, bucket: str) -> str:
        return {_due.OVERDUE: self.tr("Overdue"), _due.TODAY: self.tr("Today"),
                _due.THIS_WEEK: self.tr("This week"),
                _due.COMING: self.tr("Coming up")}[bucket]

    def what(self, item: DueItem) -> str:
        if item.kind == overview.ACTION:
            return item.text.split("\n", 1)[0]
        if item.kind == overview.INTERVIEW:
            if item.bucket == _due.OVERDUE:
                return self.tr("Write up your conversation with {0}").format(item.contact_name)
            return self.tr("Conversation with {0}").format(item.contact_name)
        if item.kind == overview.MILESTONE:
            return item.text
        if item.kind == overview.CHECKIN:
            if item.rule == "never":
                return self.tr("Get in touch with {0} (no contact logged yet)").format(
                    item.contact_name)
            return self.tr("Check in with {0}").format(item.contact_name)
        if item.kind == overview.OUTREACH:
            if item.rule == _due.SECOND_PERSON:
                return self.tr("Ask someone else at {0}").format(item.organization)
            return self.tr("Send {0} one follow-up").format(item.contact_name)
        return item.text

    def _day(self, day: _dt.date) -> str:
        return self._locale.toString(day, "ddd d MMM")

    def when(self, item: DueItem) -> str:
        time = f" {item.time}" if item.time else ""
        if item.bucket == _due.OVERDUE:
            if item.kind == overview.INTERVIEW:
                return self.tr("⚠ was {0}").format(self._day(item.due))
            late = item.days_late
            return self.tr("⚠ %n day(s) overdue", "", late)
        if item.bucket == _due.TODAY:
            text = self.tr("● Today{0}").format(time)
        elif item.bucket == _due.THIS_WEEK:
            text = f"◷ {self._day(item.due)}{time}"
        else:
            text = f"{self._day(item.due)}{time}"
        if item.snoozed:
            text += " " + self.tr("(snoozed)")
        return text

    def about(self, item: DueItem) -> str:
        if item.kind == overview.MILESTONE:
            parts = [self.tr("Milestone · {0}").format(item.phase)]
            if item.partner:
                parts.append(self.tr("with {0}").format(item.partner))
            return " · ".join(p for p in parts if p)
        if item.kind == overview.INTERVIEW:
            mode = _vocab(vocab.INTERVIEW_MODES.get(item.mode, "")) if item.mode else ""
            length = self.tr("{0} min").format(item.minutes) if item.minutes else ""
            return " · ".join(p for p in (item.organization, item.path_title,
                                          " ".join(x for x in (length, mode) if x)) if p)
        if item.kind == overview.OUTREACH:
            text = self.tr("no reply from {0} for %n business days", "", item.waited).format(
                item.contact_name)
            if item.rule == _due.SECOND_PERSON and item.candidates:
                text += " · " + self.tr("try {0}").format(
                    ", ".join(n for _i, n in item.candidates))
            return text
        name = item.contact_name if item.kind == overview.ACTION else ""
        return " · ".join(p for p in (name, item.organization, item.path_title) if p)

    def tooltip(self, item: DueItem) -> str:
        lines = [self.what(item)]
        if item.kind == overview.ACTION and "\n" in item.text:
            lines = [item.text]
        day = self._locale.toString(item.due, QLocale.FormatType.LongFormat)
        if item.snoozed and item.original_due is not None:
            lines.append(self.tr("Due {0}, snoozed until {1}").format(
                self._locale.toString(item.original_due, QLocale.FormatType.LongFormat), day))
        else:
            lines.append(self.tr("Due {0}").format(day))
        if item.kind == overview.OUTREACH:
            lines.insert(1, self.about(item))
            if item.sent is not None:
                lines.insert(2, self.tr("Request sent {0}").format(
                    self._locale.toString(item.sent, QLocale.FormatType.LongFormat)))
            lines.append(self.tr("Requests without a reply: after 3 business days ask a second "
                                 "person at the same organization; after 7, send one "
                                 "follow-up."))
        return "\n".join(lines)


class OverviewTab(TabBase):
    areas = frozenset({Area.CONTACTS, Area.PATHS, Area.INTERVIEWS, Area.SKILLS, Area.PLAN,
                       Area.LOG})

    #: The chart data arrived and was shown (tests wait for it).
    charts_updated = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.charts: Any = None  # careerpivot.ui.widgets.charts.ChartsPanel, built on show
        self._charts_scheduled = False
        self._chart_generation = 0
        self._chart_task: workers.Task | None = None
        self._charts_pending = False
        # a window left open overnight shows the new day's list in the morning
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._new_day)
        self._today = clock.today()
        self._items: list[DueItem] = []
        self._agenda: list[AgendaRow] = []
        self._build()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        self.header = QLabel(self)
        self.header.setObjectName("overviewHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)

        # top: what to do (the due list, the agenda beside it); below: the evidence
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("overviewSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal, self.splitter)
        self.top_splitter.setObjectName("overviewTopSplitter")
        self.top_splitter.setChildrenCollapsible(False)
        self.top_splitter.addWidget(self._build_due_pane())
        self.top_splitter.addWidget(self._build_agenda_pane())
        self.top_splitter.setStretchFactor(0, 3)
        self.top_splitter.setStretchFactor(1, 1)
        self.top_splitter.setSizes([860, 300])
        self.splitter.addWidget(self.top_splitter)
        self.inner_tabs = QTabWidget(self)
        self.inner_tabs.setObjectName("overviewInnerTabs")
        self.inner_tabs.setDocumentMode(True)
        self.charts_page = QWidget(self.inner_tabs)
        self.charts_page.setObjectName("chartsPage")
        charts_layout = QVBoxLayout(self.charts_page)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        self.charts_placeholder = QLabel(self.tr("Loading the charts…"), self.charts_page)
        self.charts_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.charts_placeholder.setEnabled(False)
        charts_layout.addWidget(self.charts_placeholder)
        self.inner_tabs.addTab(self.charts_page, self.tr("Progress"))
        self.log_view = LogView(self.ctx, self.inner_tabs)
        self.inner_tabs.addTab(self.log_view, self.tr("Tracking Log"))
        self.splitter.addWidget(self.inner_tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 320])
        layout.addWidget(self.splitter, 1)

    def _build_due_pane(self) -> QWidget:
        pane = QWidget(self)
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        title = QLabel(self.tr("What is due"), pane)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        column.addWidget(title)

        self.due_stack = QStackedWidget(pane)
        self.due_model = DueModel(self)
        self.due_view = QTreeView(self.due_stack)
        self.due_view.setObjectName("dueList")
        self.due_view.setModel(self.due_model)
        self.due_view.setUniformRowHeights(True)
        self.due_view.setAlternatingRowColors(False)
        self.due_view.setRootIsDecorated(True)
        self.due_view.setItemsExpandable(True)
        self.due_view.setExpandsOnDoubleClick(False)
        self.due_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.due_view.setAccessibleName(self.tr("What is due"))
        self.due_view.setIndentation(10)
        header = self.due_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ABOUT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(WHEN, 160)
        header.resizeSection(ABOUT, 290)
        self.due_stack.addWidget(self.due_view)
        self.due_empty = QLabel(self.due_stack)
        self.due_empty.setObjectName("dueEmpty")
        self.due_empty.setWordWrap(True)
        self.due_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.due_empty.setText(self.tr(
            "<h3>Nothing is due</h3><p>Follow-up actions from the tracking log, scheduled "
            "conversations, plan milestones and check-ins with your contacts will appear here "
            "when they are due.</p>"))
        self.due_stack.addWidget(self.due_empty)
        column.addWidget(self.due_stack, 1)

        buttons = QHBoxLayout()
        # mnemonics avoid the main window's tabs and menus (O P N I D L S, F E V H)
        self.open_button = QPushButton(self.tr("Open"), pane)
        self.open_button.setObjectName("dueOpenButton")
        self.open_button.setToolTip(self.tr("Show this item in its tab (Enter)"))
        self.done_button = QPushButton(self.tr("&Mark Done"), pane)
        self.done_button.setObjectName("dueDoneButton")
        self.snooze_button = QPushButton(self.tr("Snoo&ze"), pane)
        self.snooze_button.setObjectName("dueSnoozeButton")
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_actions = {}
        for days, text in ((1, self.tr("For 1 day")), (3, self.tr("For 3 days")),
                           (7, self.tr("For 1 week"))):
            action = self.snooze_menu.addAction(text)
            action.setObjectName(f"snooze{days}")
            action.triggered.connect(lambda _c=False, d=days: self.snooze_current(d))
            self.snooze_actions[days] = action
        self.snooze_button.setMenu(self.snooze_menu)
        self.message_button = QPushButton(self.tr("&Write Message…"), pane)
        self.message_button.setObjectName("dueMessageButton")
        self.message_button.setToolTip(self.tr(
            "Write a request, follow-up, thank-you or report-back from a template"))
        for button in (self.open_button, self.done_button, self.snooze_button,
                       self.message_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        self.due_view.activated.connect(self._activated)
        self.due_view.customContextMenuRequested.connect(self._context_menu)
        self.due_view.selectionModel().currentChanged.connect(
            lambda _c, _p: self._update_buttons())
        self.open_button.clicked.connect(self.open_current)
        self.done_button.clicked.connect(self.done_current)
        self.message_button.clicked.connect(self.message_current)
        self._title_font = font
        return pane

    def _build_agenda_pane(self) -> QWidget:
        pane = QWidget(self)
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        agenda_title = QLabel(self.tr("Upcoming conversations"), pane)
        agenda_title.setFont(self._title_font)
        column.addWidget(agenda_title)
        self.agenda_model = QStandardItemModel(self)
        self.agenda_view = QTreeView(pane)
        self.agenda_view.setObjectName("agendaList")
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.setRootIsDecorated(False)
        self.agenda_view.setWordWrap(True)
        self.agenda_view.setAlternatingRowColors(True)
        self.agenda_view.setHeaderHidden(True)
        self.agenda_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda_view.setAccessibleName(self.tr("Upcoming conversations"))
        column.addWidget(self.agenda_view, 1)
        self.agenda_view.activated.connect(self._open_agenda)
        return pane

    # --- loading --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._awaiting_paint:
            return  # a deferred first load: after_first_paint builds the charts
        self._schedule_charts()

    def after_first_paint(self) -> None:
        super().after_first_paint()
        self._schedule_charts()

    def _schedule_charts(self) -> None:
        if self.charts is None and not self._charts_scheduled:
            # a posted call: the due list is shown before QtCharts is loaded
            self._charts_scheduled = True
            QTimer.singleShot(0, self._build_charts)

    def _build_charts(self) -> None:
        from careerpivot.ui.widgets.charts import ChartsPanel

        if self.charts is not None:
            return
        self.charts = ChartsPanel(self.charts_page)
        self.charts_page.layout().addWidget(self.charts)
        self.charts.hide()
        self._load_charts()

    def _new_day(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload_now()

    def _schedule_new_day(self) -> None:
        now = clock.now()
        tomorrow = _dt.datetime.combine(now.date() + _dt.timedelta(days=1), _dt.time(0, 0, 5))
        self._midnight.start(int((tomorrow - now).total_seconds() * 1000))

    def reload(self) -> None:
        self._schedule_new_day()
        self._today = clock.today()
        self._reload_due()
        self.log_view.reload_choices_later()
        self.log_view.reload_when_shown()
        if self.charts is not None:
            self._load_charts()

    def _reload_due(self) -> None:
        current = self.current_item()
        try:
            items = overview.due_items(self._today)
            agenda = overview.upcoming_interviews(self._today)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        self._items, self._agenda = items, agenda
        self._show_due()
        self.due_stack.setCurrentWidget(self.due_view if items else self.due_empty)
        self._show_agenda(agenda)
        self._show_header(items, agenda)
        if current is not None:
            self.select_item(current.key)
        self._update_buttons()

    def _show_due(self) -> None:
        self.due_model.set_items(self._items, self._today, self.palette())
        self.due_view.expandAll()
        coming = self.due_model.bucket_index(_due.COMING)
        if coming.isValid() and len(self._items) > 12:
            self.due_view.collapse(coming)
        for row in range(self.due_model.rowCount()):
            self.due_view.setFirstColumnSpanned(row, QModelIndex(), True)

    def _load_charts(self) -> None:
        """Compute the chart data off the GUI thread. One job at a time: changes made while
        it runs ask for one more job when it ends (their data is newer)."""
        if self._chart_task is not None:
            self._charts_pending = True
            return
        self._charts_pending = False
        self._chart_generation += 1
        generation = self._chart_generation
        today = self._today
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
            self.charts_updated.emit()

        def failed(exc: BaseException) -> None:
            if generation == self._chart_generation:
                message = exc.message if isinstance(exc, CareerPivotError) else str(exc)
                self.charts_placeholder.setText(
                    self.tr("The charts could not be drawn: {0}").format(message))

        def done() -> None:
            self._chart_task = None
            if self._charts_pending:
                self._load_charts()

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        task.signals.done.connect(done)

    def _show_agenda(self, agenda: list[AgendaRow]) -> None:
        self.agenda_model.clear()
        locale = QLocale()
        if not agenda:
            item = QStandardItem(self.tr("No conversations scheduled in the next two weeks."))
            item.setEnabled(False)
            self.agenda_model.appendRow(item)
            return
        for row in agenda:
            if row.days_until == 0:
                day = self.tr("Today")
            elif row.days_until == 1:
                day = self.tr("Tomorrow")
            else:
                day = locale.toString(row.day, "ddd d MMM")
            when = f"{day} {row.time}".strip()
            role = ", ".join(p for p in (row.role, row.organization) if p)
            mode = _vocab(vocab.INTERVIEW_MODES.get(row.mode, row.mode))
            detail = " · ".join(p for p in (row.path_title, self.tr("{0} min").format(
                row.minutes), mode) if p)
            item = QStandardItem(f"{when} — {row.contact_name}\n{role}\n{detail}")
            item.setData(row.id, ItemRole)
            item.setToolTip(self.tr("{0} minutes, {1}; round {2}").format(
                row.minutes, mode.lower(), row.round))
            self.agenda_model.appendRow(item)

    def _show_header(self, items: list[DueItem], agenda: list[AgendaRow]) -> None:
        overdue_color, soon_color = status_colors(self.palette())
        counts = {b: 0 for b in _due.BUCKETS}
        for item in items:
            counts[item.bucket] += 1
        day = QLocale().toString(self._today, QLocale.FormatType.LongFormat)
        parts = []
        if counts[_due.OVERDUE]:
            parts.append(f"<span style='color:{overdue_color.name()}; font-weight:600'>"
                         + self.tr("⚠ %n overdue", "", counts[_due.OVERDUE]) + "</span>")
        if counts[_due.TODAY]:
            parts.append(f"<span style='color:{soon_color.name()}; font-weight:600'>"
                         + self.tr("● %n due today", "", counts[_due.TODAY]) + "</span>")
        if counts[_due.THIS_WEEK]:
            parts.append(self.tr("%n this week", "", counts[_due.THIS_WEEK]))
        if not parts:
            parts.append(self.tr("nothing due this week"))
        line = f"<span style='font-size:large; font-weight:600'>{day}</span>" \
               f"&nbsp;&nbsp;&nbsp;" + " &nbsp;·&nbsp; ".join(parts)
        if agenda:
            nxt = agenda[0]
            when = (self.tr("today") if nxt.days_until == 0 else self.tr("tomorrow")
                    if nxt.days_until == 1 else QLocale().toString(nxt.day, "dddd d MMMM"))
            line += "<br>" + self.tr("Next conversation: {0} ({1}), {2} {3}").format(
                _html(nxt.contact_name), _html(nxt.organization or nxt.role), when, nxt.time)
        self.header.setText(line)

    # --- the current item -----------------------------------------------------------------
    def current_item(self) -> DueItem | None:
        return self.due_model.item(self.due_view.currentIndex())

    def select_item(self, key: str) -> bool:
        index = self.due_model.index_of(key)
        if not index.isValid():
            return False
        self.due_view.expand(index.parent())
        self.due_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.due_view.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.open_button.setEnabled(item is not None)
        self.done_button.setEnabled(item is not None and item.can_done)
        self.snooze_button.setEnabled(item is not None and item.can_snooze)
        self.done_button.setText(self._done_text(item))

    def _done_text(self, item: DueItem | None) -> str:
        if item is not None and item.kind == overview.CHECKIN:
            return self.tr("Log &Check-in")
        if item is not None and item.kind == overview.OUTREACH:
            return self.tr("Dis&miss")
        return self.tr("&Mark Done")

    def _activated(self, index: QModelIndex) -> None:
        item = self.due_model.item(index)
        if item is None:
            self.due_view.setExpanded(index, not self.due_view.isExpanded(index))
            return
        self.open_item(item)

    def _open_agenda(self, index: QModelIndex) -> None:
        interview_id = index.data(ItemRole)
        if interview_id is not None:
            self.ctx.bus.show_item.emit("interview", int(interview_id))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.due_model.item(self.due_view.indexAt(pos))
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_item(item))
        if item.can_done:
            menu.addAction(self._done_text(item).replace("&", ""),
                           lambda: self.mark_done(item))
        if item.can_snooze:
            snooze = menu.addMenu(self.tr("Snooze"))
            for days, action in self.snooze_actions.items():
                snooze.addAction(action.text(), lambda d=days: self.snooze(item, d))
        if item.contact_id is not None:
            menu.addAction(self.tr("Write Message…"), lambda: self.write_message(item))
        menu.exec(self.due_view.viewport().mapToGlobal(pos))

    # --- acting ---------------------------------------------------------------------------
    def open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: DueItem) -> None:
        if item.open_kind == "log":
            self.show_item("log", item.open_id)
            return
        self.ctx.bus.show_item.emit(item.open_kind, item.open_id)

    def done_current(self) -> None:
        item = self.current_item()
        if item is not None and item.can_done:
            self.mark_done(item)

    def _area(self, item: DueItem) -> str:
        return {overview.MILESTONE: Area.PLAN, overview.CHECKIN: Area.CONTACTS}.get(item.kind,
                                                                               Area.LOG)

    def _after_change(self, item: DueItem, row: int, parent: QModelIndex) -> None:
        self.ctx.bus.changed.emit(self._area(item))
        if not self.isVisible():
            self.reload_now()
        # keep the place in the list: the next row takes the done one's place
        bucket = self.due_model.bucket_index(item.bucket)
        if bucket.isValid():
            count = self.due_model.rowCount(bucket)
            if count:
                index = self.due_model.index(min(row, count - 1), 0, bucket)
                self.due_view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)

    def mark_done(self, item: DueItem) -> bool:
        index = self.due_model.index_of(item.key)
        key = item.key
        try:
            record = overview.mark_done(key)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            self._reload_due()
            return False
        holder = {"record": record}

        def undo() -> None:
            overview.undo_done(holder["record"])

        def redo() -> None:
            holder["record"] = overview.mark_done(key)

        text = {overview.CHECKIN: self.tr("log check-in"),
                overview.OUTREACH: self.tr("dismiss suggestion")}.get(item.kind,
                                                                     self.tr("mark done"))
        push_change(self.ctx, text, self._area(item), undo, redo)
        if item.kind == overview.CHECKIN:
            self.ctx.bus.status.emit(self.tr("Check-in with {0} logged; the next one is in "
                                             "their cadence from today.").format(
                                                 item.contact_name))
        self._after_change(item, index.row(), index.parent())
        return True

    def snooze_current(self, days: int) -> None:
        item = self.current_item()
        if item is not None and item.can_snooze:
            self.snooze(item, days)

    def snooze(self, item: DueItem, days: int) -> bool:
        index = self.due_model.index_of(item.key)
        key = item.key
        try:
            previous = overview.snooze_item(key, days)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return False
        holder = {"previous": previous}

        def undo() -> None:
            overview.restore_snooze(key, holder["previous"])

        def redo() -> None:
            holder["previous"] = overview.snooze_item(key, days)

        push_change(self.ctx, self.tr("snooze"), self._area(item), undo, redo)
        until = _due.combine_snooze(None, _due.snooze_until(self._today, days))
        self.ctx.bus.status.emit(self.tr("Snoozed until {0}.").format(
            QLocale().toString(max(until, item.due), QLocale.FormatType.LongFormat)))
        self._after_change(item, index.row(), index.parent())
        return True

    def message_current(self) -> None:
        self.write_message(self.current_item())

    def write_message(self, item: DueItem | None) -> None:
        """Open the message composer for the item's person, with the template it calls for."""
        from careerpivot.ui.dialogs.outreach import OutreachDialog

        contact_id = item.contact_id if item is not None else None
        template = "request"
        interview_id = None
        if item is not None:
            if item.kind == overview.OUTREACH and item.rule == _due.FOLLOW_UP:
                template = "follow_up"
            elif item.kind == overview.OUTREACH and item.candidates:
                contact_id = item.candidates[0][0]
            elif item.kind == overview.CHECKIN:
                template = "report_back"
            elif item.kind == overview.INTERVIEW:
                template = "thank_you" if item.bucket == _due.OVERDUE else "request"
                interview_id = item.item_id
            elif item.kind == overview.ACTION:
                text = item.text.casefold()
                if "thank" in text:
                    template = "thank_you"
                elif "report back" in text:
                    template = "report_back"
                elif "follow up" in text or "follow-up" in text:
                    template = "follow_up"
        OutreachDialog.compose(self.ctx, self, contact_id=contact_id, template_key=template,
                               interview_id=interview_id)

    # --- TabBase --------------------------------------------------------------------------
    def show_item(self, kind: str, item_id: int) -> bool:
        if kind != "log":
            return False
        if self._stale:
            self.reload_now()
        self.inner_tabs.setCurrentWidget(self.log_view)
        return self.log_view.select_entry(item_id)

    def focus_search(self) -> None:
        self.inner_tabs.setCurrentWidget(self.log_view)
        self.log_view.focus_search()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
                and hasattr(self, "due_model")):
            current = self.current_item()
            self._show_due()
            self._show_header(self._items, self._agenda)
            if current is not None:
                self.select_item(current.key)

    def save_state(self, settings: Settings) -> None:
        settings.set_window_state("overviewSplitter", self.splitter.saveState())
        settings.set_window_state("overviewTopSplitter", self.top_splitter.saveState())

    def restore_state(self, settings: Settings) -> None:
        state = settings.window_state("overviewSplitter")
        if state is not None:
            self.splitter.restoreState(state)
        state = settings.window_state("overviewTopSplitter")
        if state is not None:
            self.top_splitter.restoreState(state)


def _html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
