"""The Overview tab itself: it lays out its pages (the due list, the agenda beside it, the
charts and the tracking log below), loads their data, acts on the due items and answers the
main window's hooks."""

from __future__ import annotations

import datetime as _dt
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from careerpivot.core import clock
from careerpivot.core import due as _due
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import due_list, overview
from careerpivot.services.due_list import AgendaRow, DueItem, DueList
from careerpivot.settings import Settings
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.tabs.overview.agenda import AgendaPane
from careerpivot.ui.tabs.overview.charts_page import ChartsPage
from careerpivot.ui.tabs.overview.due_list import DuePane
from careerpivot.ui.tabs.overview.first_steps import FirstStepsGuide
from careerpivot.ui.tabs.overview.readiness_page import ReadinessOverviewPage
from careerpivot.ui.tabs.overview.review_prompt import ReviewPrompt
from careerpivot.ui.undo import push_change
from careerpivot.ui.widgets.log_view import LogView, status_colors
from careerpivot.ui.widgets.spacing import tab_margins

#: The widgets of each page the tab keeps a reference to, by the same names (as before the
#: tab was split into pages: tests and tools reach them on the tab).
_PAGE_ATTRIBUTES = {
    DuePane: ("due_stack", "due_model", "due_view", "due_empty", "open_button", "done_button",
              "snooze_button", "snooze_menu", "snooze_actions", "message_button"),
    AgendaPane: ("agenda_model", "agenda_view"),
    ChartsPage: ("charts_placeholder",),
}

_Page = TypeVar("_Page", DuePane, AgendaPane, ChartsPage)

#: The Progress, Readiness and Tracking Log pages show at least this many lines of text.
LOWER_LINES = 4


class OverviewTab(TabBase):
    areas = frozenset({Area.CONTACTS, Area.PATHS, Area.INTERVIEWS, Area.SKILLS, Area.PLAN,
                       Area.LOG})

    #: The chart data arrived and was shown (tests wait for it).
    charts_updated = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # a window left open overnight shows the new day's list in the morning
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._new_day)
        self._today = clock.today()
        self._due: DueList | None = None
        self._agenda: list[AgendaRow] = []
        self._sized = False  # the splitter sized for the screen (or as the user left it)
        self._build()
        self._connect()

    @property
    def charts(self) -> Any:
        """The charts (a ``careerpivot.ui.widgets.charts.ChartsPanel``), built on show."""
        return self.charts_page.charts

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = tab_margins(QVBoxLayout(self))
        self.header = QLabel(self)
        self.header.setObjectName("overviewHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.review_prompt = ReviewPrompt(self.ctx, self)
        layout.addLayout(self.review_prompt.header_row(self.header))
        layout.addWidget(self.review_prompt.reminder)
        # a new workspace's first steps (hidden once they are done)
        self.first_steps = FirstStepsGuide(self.ctx, self)
        layout.addWidget(self.first_steps)

        # top: what to do (the due list, the agenda beside it); below: the evidence
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("overviewSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal, self.splitter)
        self.top_splitter.setObjectName("overviewTopSplitter")
        self.top_splitter.setChildrenCollapsible(False)
        self.due = self._adopt(DuePane(self))
        self.top_splitter.addWidget(self.due)
        self.agenda = self._adopt(AgendaPane(self.due.title_font, self))
        self.top_splitter.addWidget(self.agenda)
        self.top_splitter.setStretchFactor(0, 3)
        self.top_splitter.setStretchFactor(1, 1)
        self.top_splitter.setSizes([860, 300])
        self.splitter.addWidget(self.top_splitter)
        self.inner_tabs = QTabWidget(self)
        self.inner_tabs.setObjectName("overviewInnerTabs")
        self.inner_tabs.setDocumentMode(True)
        self.charts_page = self._adopt(ChartsPage(lambda: self._today, self.inner_tabs))
        self.inner_tabs.addTab(self.charts_page, self.tr("Progress"))
        self.readiness_page = ReadinessOverviewPage(self.inner_tabs)
        self.inner_tabs.addTab(self.readiness_page, self.tr("Readiness"))
        self.log_view = LogView(self.ctx, self.inner_tabs)
        self.inner_tabs.addTab(self.log_view, self.tr("Tracking Log"))
        self.splitter.addWidget(self.inner_tabs)
        # on a short screen the evidence below gives way first, down to its tabs and a few
        # lines (the charts scroll): the due list keeps its MIN_ROWS rows, and the note
        # that nothing is due stays whole
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 320])
        self._fit_minimums()
        layout.addWidget(self.splitter, 1)

    def _fit_minimums(self) -> None:
        """The least heights of the panes, from the fonts."""
        self.inner_tabs.setMinimumHeight(self.inner_tabs.tabBar().sizeHint().height()
                                         + LOWER_LINES * self.fontMetrics().height())
        self.due_stack.setMinimumHeight(max(self.due_stack.minimumSizeHint().height(),
                                            self.due_empty.sizeHint().height()))

    def _adopt(self, page: _Page) -> _Page:
        """Keep the page's widgets on the tab, by the same names."""
        for name in _PAGE_ATTRIBUTES[type(page)]:
            setattr(self, name, getattr(page, name))
        return page

    def _connect(self) -> None:
        for days, action in self.snooze_actions.items():
            action.triggered.connect(lambda _c=False, d=days: self.snooze_current(d))
        self.due.openRequested.connect(self.open_item)
        self.due.doneRequested.connect(self.mark_done)
        self.due.snoozeRequested.connect(self.snooze)
        self.due.messageRequested.connect(self.write_message)
        self.open_button.clicked.connect(self.open_current)
        self.done_button.clicked.connect(self.done_current)
        self.message_button.clicked.connect(self.message_current)
        self.agenda.interviewOpened.connect(
            lambda i: self.ctx.bus.show_item.emit("interview", i))
        self.charts_page.updated.connect(self.charts_updated)
        self.readiness_page.pathOpened.connect(
            lambda p: self.ctx.bus.show_item.emit("readiness", p))

    # --- loading --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._awaiting_paint:
            return  # a deferred first load: after_first_paint builds the charts
        self._size_once()
        self.charts_page.schedule()

    def _size_once(self) -> None:
        """First use (no saved sizes), once loaded: the due list and the agenda above take a
        little more than half the height, and never less than they need; the evidence below
        the rest."""
        if self._sized:
            return
        self.layout().activate()  # with the first steps or the reminder just shown or hidden
        height = self.splitter.height() - self.splitter.handleWidth()
        if height <= 0:
            return
        self._sized = True
        top = max(self.top_splitter.minimumSizeHint().height(), round(height * 0.53))
        top = max(0, min(top, height - self.inner_tabs.minimumHeight()))
        self.splitter.setSizes([top, height - top])

    def after_first_paint(self) -> None:
        super().after_first_paint()
        self.charts_page.schedule()

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
        self.charts_page.reload()
        self.readiness_page.reload()
        self.review_prompt.refresh(self._today)
        self.first_steps.refresh()
        if self.isVisible():
            self._size_once()

    def _reload_due(self) -> None:
        """The buckets' counts and their first rows (as many as were read before, so the
        place in a long list is kept), and the agenda."""
        current = self.current_item()
        limits = {b: max(due_list.PAGE, n) for b, n in self.due.loaded().items()}
        try:
            data = due_list.load(self._today, limits)
            agenda = due_list.upcoming_interviews(self._today)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        self._due, self._agenda = data, agenda
        self.due.show_list(data, self._today, self.palette(), self._fetch_rows)
        self.due_stack.setCurrentWidget(self.due_view if data.total else self.due_empty)
        self.agenda.show_agenda(agenda)
        self._show_header(data.counts, agenda)
        if current is not None:
            self.select_item(current.key)
        self.due.update_buttons()

    def _fetch_rows(self, bucket: str, offset: int, limit: int) -> list[DueItem]:
        """More rows of a bucket of the list shown (none if the workspace cannot be read)."""
        if self._due is None:
            return []
        try:
            return due_list.page(self._due.query, bucket, offset, limit)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return []

    def _show_header(self, counts: dict[str, int], agenda: list[AgendaRow]) -> None:
        overdue_color, soon_color = status_colors(self.palette())
        counts = {b: counts.get(b, 0) for b in _due.BUCKETS}
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
        return self.due.current_item()

    def select_item(self, key: str) -> bool:
        return self.due.select_item(key)

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
        self.due.keep_place(item.bucket, row)

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
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) \
                and hasattr(self, "due_model"):
            self._fit_minimums()
        if (event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
                and hasattr(self, "due_model")):
            self.due.set_palette(self.palette())
            self._show_header(self._due.counts if self._due else {}, self._agenda)

    def save_state(self, settings: Settings) -> None:
        settings.set_window_state("overviewSplitter", self.splitter.saveState())
        settings.set_window_state("overviewTopSplitter", self.top_splitter.saveState())

    def restore_state(self, settings: Settings) -> None:
        state = settings.window_state("overviewSplitter")
        if state is not None:
            self._sized = self.splitter.restoreState(state) or self._sized
        state = settings.window_state("overviewTopSplitter")
        if state is not None:
            self.top_splitter.restoreState(state)


def _html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
