"""The Interviews tab: the list of conversations beside the editor of the selected one.

Search strategy: the list reads only what it shows
(:class:`~careerpivot.ui.itemmodels.interviews.InterviewsModel`): a data change, a keystroke
or a filter asks the database, off the GUI thread, for the ids in order (the contact,
organization, path, status, mode and date are searched there), and the rows on screen are
read a page at a time; the tab keeps the selection across lists and selects what it was
asked to show once the list holds it. Notes and answers are searched apart, 250 ms after the
last keystroke (``list_interviews(search=...)``, off the GUI thread), and their matches are
added to the list.

The commands that plan and delete an interview (their dialogs, the service calls and the undo
steps) are in :mod:`careerpivot.ui.tabs.interview_commands`, the list pane (search, filters,
the table and its empty state) in :mod:`careerpivot.ui.tabs.interview_list`; the tab keeps the
list and the selection in step with them. On a narrow screen the list keeps its key columns and
the editor scrolls.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import development, interviews, paths, workspace
from careerpivot.settings import Settings
from careerpivot.ui import crash, workers
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.itemmodels import interviews as im
from careerpivot.ui.tabs import interview_commands as commands
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.tabs.interview_filters import ANY
from careerpivot.ui.tabs.interview_list import InterviewListPane
from careerpivot.ui.widgets.interview_editor import InterviewEditor
from careerpivot.ui.widgets.spacing import tab_margins

#: Pause in typing after which notes and answers are searched in the database.
TEXT_SEARCH_DELAY_MS = 250
#: The share of the tab's width the list takes at first.
LIST_SHARE = 0.5


class InterviewsTab(TabBase):
    areas = frozenset({Area.INTERVIEWS, Area.CONTACTS, Area.PATHS, Area.SKILLS})

    #: A search of notes and answers finished (its matches are in the list).
    text_search_done = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = im.InterviewsModel(self)
        self._expected: Counter[str] = Counter()
        self._generation = 0
        self._search_task: workers.Task | None = None
        self._search_again = False
        self._search_request: tuple[str, int] = ("", -1)
        # while a list is read: whether it is a full reload, what to select once it shows
        # (an interview asked for, or the row of one deleted), and a search to announce
        self._full = False
        self._first = True
        self._show_id: int | None = None
        self._next_row: int | None = None
        self._announce = False
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(TEXT_SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._start_text_search)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("interviewsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list_pane())
        self.editor = InterviewEditor(ctx)
        # on a narrow screen the list keeps its key columns and the editor scrolls
        self.editor_scroll = QScrollArea(self.splitter)
        self.editor_scroll.setObjectName("interviewEditorScroll")
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.editor_scroll.setWidget(self.editor)
        self.editor_scroll.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self._splitter_placed = False
        self.splitter.addWidget(self.editor_scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([620, 730])
        layout = tab_margins(QVBoxLayout(self))
        layout.addWidget(self.splitter)

        self.editor.open_interview.connect(self.select_interview)
        self.editor.row_changed.connect(self._row_changed)
        self.editor.local_change.connect(lambda area: self._expected.update([area]))
        self.editor.delete_requested.connect(self.delete_interview)
        self.model.listed.connect(self._list_shown)
        self.model.listFailed.connect(self._list_failed)

    # --- construction -----------------------------------------------------------------------
    def _build_list_pane(self) -> QWidget:
        pane = InterviewListPane(self.model)
        pane.newRequested.connect(self.new_interview)
        pane.clearRequested.connect(self.clear_filters)
        pane.deleteRequested.connect(lambda: self.editor.interview_id is not None
                                     and self.delete_interview(self.editor.interview_id))
        pane.search.textChanged.connect(self._search_changed)
        pane.filters.changed.connect(self._refiltered)
        for name in ("new_button", "search", "clear_button", "filters", "table", "column_fit",
                     "list_stack", "list_empty", "count_label"):
            setattr(self, name, getattr(pane, name))
        for name in ("status_filter", "path_filter", "contact_filter", "date_from", "date_to",
                     "date_error"):
            setattr(self, name, getattr(self.filters, name))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.list_pane = pane
        return pane

    # --- TabBase ----------------------------------------------------------------------------
    def _on_changed(self, area: str) -> None:
        if self._expected[area] > 0:  # the editor's own change: the list row is up to date
            self._expected[area] -= 1
            return
        if area == Area.ALL:
            self._generation += 1
            self.editor.invalidate_assumptions()
        super()._on_changed(area)

    def reload(self) -> None:
        """Read the choices at once (a few rows) and the list off the GUI thread: it shows in
        :meth:`_list_shown`, with the selection kept."""
        self._generation += 1
        try:
            path_choices = [(p.id, p.title) for p in paths.list_paths()]
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        self.filters.fill_choices(path_choices)
        # the skills are read when the editor's Skills page first needs them, every contact
        # when its contact field does (or while idle)
        self.editor.set_choices(self.model.contact_choices, path_choices,
                                development.list_skills)
        self._first = self._first or self.model.total_count() == 0
        self._full = True
        self.model.reload()
        if self.model.search_words():
            self._search_timer.start()
        # Once the list has painted, in slices between events: the evidence page's
        # assumptions (read in the background, which would compete with the first paint for
        # the interpreter), and the people offered by the contact filter and the editor's
        # contact field.
        self.when_idle(self._prefetch_assumptions)
        self.when_idle(self.filters.complete_choices)
        self.when_idle(self.editor.details.contact_choices.complete)

    def _list_shown(self) -> None:
        """A list asked for shows: bring the editor in step, select what was selected (or
        what was asked for), and count."""
        full, self._full = self._full, False
        busy = self.model.busy
        current = self.editor.interview_id
        if full:
            self.column_fit.fit_contents()
            if current is not None:
                if self.model.interview(current) is None:
                    self.editor.load(None)
                    current = None
                else:
                    self.editor.refresh()
        if self._show_id is not None and not busy:
            target, self._show_id = self._show_id, None
            if self.model.row_of(target) < 0 and self.model.filters_active():
                self._show_id = target  # filtered out: without the filters
                self.clear_filters()
                return
            self._select_row(target)
        elif self._next_row is not None and not busy:
            row, self._next_row = min(self._next_row, self.model.rowCount() - 1), None
            next_id = self.model.interview_id(row) if row >= 0 else None
            if next_id is not None:
                self.select_interview(next_id)
        elif current is not None:
            self._select_row(current)
        elif full and self._first and self.model.rowCount():
            # Something useful at once: the first interview of the list.
            first = self.model.interview_id(0)
            if first is not None and self.editor.load(first):
                self._select_row(first)
        if full:
            self._first = False
            self.editor.empty_label.setText(
                self.tr("Select an interview in the list to see its guide, answers and "
                        "evidence — or plan a new one.") if self.model.total_count() else
                self.tr("No interviews yet. Plan your first conversation with “New "
                        "Interview…” (the person must be in your network: add them on the "
                        "Network tab)."))
        self._update_count()
        if self._announce and not busy:
            self._announce = False
            self.text_search_done.emit()

    def _list_failed(self, exc: BaseException) -> None:
        self._full = False
        if isinstance(exc, CareerPivotError):
            self.model.clear()
            self._update_count()
            if crash.is_corruption(exc):
                crash.show_corruption(exc, self.window())
            else:
                self.ctx.bus.status.emit(exc.message)
        else:  # a fault of the program: the crash report says so
            crash.report(type(exc), exc, exc.__traceback__)

    def _prefetch_assumptions(self, _deadline: float) -> bool:
        self.editor.prefetch_assumptions()
        return True

    def hideEvent(self, event: QHideEvent) -> None:
        # No database search for a hidden tab (or a closed window); showing it again resumes.
        self._search_timer.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.model.search_words() and self._search_task is None:
            self._search_timer.start()
        if not self._splitter_placed:
            # the first show, without a kept layout: the list takes about half the width,
            # and never less than its key columns need
            self._splitter_placed = True
            width = self.splitter.width() - self.splitter.handleWidth()
            left = max(int(width * LIST_SHARE), self.splitter.widget(0).minimumSizeHint().width())
            self.splitter.setSizes([left, max(width - left, 0)])

    def show_item(self, kind: str, item_id: int) -> bool:
        if kind != "interview":
            return False
        if self._stale:
            self.reload_now()
        if self.model.interview(item_id) is None:
            return False
        self.select_interview(item_id)  # (selected once the list holds it)
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush_edits(self) -> bool:
        return self.editor.flush_edits()

    def save_state(self, settings: Settings) -> None:
        settings.set_window_state("interviews/splitter", self.splitter.saveState())
        settings.set_window_state("interviews/columns",
                                  self.table.horizontalHeader().saveState())
        settings.set_window_state("interviews/page",
                                  QByteArray(bytes([self.editor.pages.currentIndex()])))

    def restore_state(self, settings: Settings) -> None:
        state = settings.window_state("interviews/splitter")
        if state is not None and self.splitter.restoreState(state):
            self._splitter_placed = True
        # (the columns under a name of their own since they fit the list: a layout kept by
        # an earlier version, with every column shown, is not put back)
        state = settings.window_state("interviews/columns")
        if state is not None and self.table.horizontalHeader().restoreState(state):
            self.column_fit.restored()
        state = settings.window_state("interviews/page")
        if state is not None and state.size() == 1:
            self.editor.pages.setCurrentIndex(state.data()[0])

    # --- the list ---------------------------------------------------------------------------
    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)
        self._update_count()
        if self.model.search_words():
            self._search_timer.start()
        else:
            self._search_timer.stop()

    def clear_filters(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.clear()
        self._search_timer.stop()
        self.model.clear_filters()
        self._update_count()

    def _refiltered(self) -> None:
        """A filter changed: the list shows in :meth:`_list_shown`."""
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.total_count(), self.model.rowCount()
        if self.model.filters_active():
            text = self.tr("{0} of {1} interviews shown").format(shown, total)
        else:
            text = self.tr("%n interview(s)", "", total)
        if self._search_task is not None or self._search_timer.isActive():
            text += " · " + self.tr("searching notes and answers…")
        self.count_label.setText(text)
        self.clear_button.setEnabled(self.model.filters_active())
        self.list_pane.show_state(workspace.is_read_only())
        # with nothing to edit, the empty list gets the whole width
        self.editor_scroll.setVisible(self.model.total_count() > 0)

    # --- searching notes and answers --------------------------------------------------------
    def _start_text_search(self) -> None:
        if not self.model.search_words():
            return
        if self._search_task is not None:
            self._search_again = True
            return
        text, generation = self.search.text(), self._generation

        def job(_job: workers.Job, query: str) -> list[int]:
            return [r.id for r in interviews.list_interviews(search=query)]

        task = workers.submit(job, text)
        self._search_task = task
        self._search_request = (text, generation)
        # Bound methods, not lambdas: the connections end with this tab, so a search that
        # finishes after the window closed reaches nobody.
        task.signals.finished.connect(self._text_search_finished)
        task.signals.failed.connect(self._text_search_failed)
        task.signals.done.connect(self._text_search_ended)
        self._update_count()

    def _text_search_finished(self, ids: list[int]) -> None:
        text, generation = self._search_request
        if generation != self._generation:
            return
        self.model.set_text_matches(text, ids)
        self._update_count()

    def _text_search_failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, CareerPivotError) else str(exc)
        self.ctx.bus.status.emit(self.tr("Notes and answers could not be searched: {0}")
                                 .format(message))

    def _text_search_ended(self) -> None:
        self._search_task = None
        if self._search_again:
            self._search_again = False
            self._start_text_search()
        self._update_count()
        if self.model.busy:  # its matches are in the list once that shows
            self._announce = True
        else:
            self.text_search_done.emit()

    # --- selection --------------------------------------------------------------------------
    def _select_row(self, interview_id: int) -> bool:
        row = self.model.row_of(interview_id)
        selection = self.table.selectionModel()
        if row < 0:
            selection.clearSelection()
            return False
        index = self.model.index(row, 0)
        if selection.currentIndex().row() != row or not selection.isRowSelected(row):
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        iid = self.model.interview_id(current.row()) if current.isValid() else None
        if iid is None or iid == self.editor.interview_id:
            return
        if not self.editor.load(iid):
            # A pending edit could not be stored: stay on its interview so nothing is lost.
            shown = self.editor.interview_id
            self.ctx.bus.status.emit(self.tr(
                "Your last change could not be stored; correct the highlighted field first."))
            if shown is not None:
                QTimer.singleShot(0, lambda: self._select_row(shown))

    def select_interview(self, interview_id: int) -> None:
        """Open an interview and select it, once the list holds it (clearing filters that
        hide it)."""
        if self.model.interview(interview_id) is None:
            self.reload_now()
            if self.model.interview(interview_id) is None:
                return
        if self.editor.interview_id != interview_id and not self.editor.load(interview_id):
            return
        if self.model.row_of(interview_id) >= 0 and not self.model.busy:
            self._select_row(interview_id)
            return
        self._show_id = interview_id
        if self.model.busy:
            return
        if self.model.filters_active():
            self.clear_filters()
        else:
            self.model.reload()

    def _row_changed(self, row: interviews.InterviewRow) -> None:
        self.model.update_row(row)
        self._update_count()

    # --- commands (careerpivot.ui.tabs.interview_commands) ---------------------------------
    def new_interview(self) -> None:
        if not self.editor.flush_edits():
            return
        path, contact = self.path_filter.currentData(), self.contact_filter.currentData()
        iid = commands.plan_interview(
            self, self.ctx, path_id=path if path not in (None, ANY, im.NO_PATH) else None,
            contact_id=contact if contact not in (None, ANY) else None)
        if iid is None:
            return
        self.select_interview(iid)
        self.ctx.bus.status.emit(self.tr("Interview planned. Its guide holds the path's core "
                                         "questions."))

    def delete_interview(self, interview_id: int) -> None:
        if self.editor.interview_id == interview_id and not self.editor.flush_edits():
            return
        try:
            detail = interviews.get_interview(interview_id)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        counts = (len(detail.answers), len(detail.evidence), len(detail.mentions))
        parts = [  # here, not with the command: lupdate marks only tr() texts as plurals
            self.tr("%n question(s) of its guide with the answers", "", counts[0]),
            self.tr("%n evidence verdict(s)", "", counts[1]),
            self.tr("%n skill mention(s)", "", counts[2]),
        ]
        if not commands.confirm_delete(self, detail.row, parts):
            return
        visible_row = self.model.row_of(interview_id)
        if not commands.delete_interview(self, self.ctx, interview_id, detail.row.contact_name):
            return
        self.editor.load(None)
        # the row that takes its place is selected once the list is read again
        self._next_row = visible_row if visible_row >= 0 else None
        self.ctx.bus.changed.emit(Area.INTERVIEWS)
        if not self.model.busy:
            self.model.reload()
        self.ctx.bus.status.emit(self.tr("Interview deleted. Edit > Undo brings it back."))
