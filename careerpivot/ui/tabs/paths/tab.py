"""The Paths tab itself: the list of paths, the selected path's form above its pages; it loads
the paths, shows the chosen one on every page, and answers the main window's hooks."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import paths, readiness
from careerpivot.settings import Settings
from careerpivot.ui import workers
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.tabs.paths.ask_next_page import AskNextPage
from careerpivot.ui.tabs.paths.assumptions_page import AssumptionsPage
from careerpivot.ui.tabs.paths.common import shortcut
from careerpivot.ui.tabs.paths.compare_page import ComparePage
from careerpivot.ui.tabs.paths.path_form import PathForm
from careerpivot.ui.tabs.paths.questions_page import QuestionsPage
from careerpivot.ui.tabs.paths.readiness_page import ReadinessPage, share_line
from careerpivot.ui.undo import push_add, push_delete
from careerpivot.ui.widgets.column_fit import narrow_screen
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.form_parts import heading
from careerpivot.ui.widgets.form_parts import refresh_binder as _refresh_binder
from careerpivot.ui.widgets.spacing import tab_margins

PAGE_ASSUMPTIONS, PAGE_QUESTIONS, PAGE_NOTES, PAGE_COMPARE = range(4)
PAGE_READINESS = 4
PAGE_ASK_NEXT = PAGE_READINESS + 1  # the last page

#: The widgets of each page the tab keeps a reference to, by the same names (as before the
#: tab was split into pages: tests and tools reach them on the tab).
_PAGE_ATTRIBUTES: dict[type, tuple[str, ...]] = {
    PathForm: ("binder", "title_edit", "status_combo", "field_edit", "why_edit"),
    AssumptionsPage: ("add_assumption_button", "edit_assumption_button",
                      "delete_assumption_button", "assumptions_model", "assumptions_table",
                      "evidence_title", "evidence_model", "evidence_table",
                      "open_interview_button", "assumptions_splitter"),
    QuestionsPage: ("bank_list", "add_core_button", "new_question_button", "core_title",
                    "core_warning", "core_list", "core_up_button", "core_down_button",
                    "core_remove_button"),
    ComparePage: ("comparison_model", "comparison_table", "comparison_error",
                  "add_criterion_button", "delete_criterion_button", "evidence_note"),
}


class PathsTab(TabBase):
    areas = frozenset({Area.PATHS, Area.INTERVIEWS, Area.CONTACTS})

    #: Every path's share of settled beliefs arrived and is shown in the list.
    sharesShown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._expected: Counter[str] = Counter()
        self._path_rows: list[paths.PathRow] = []
        self._readiness: dict[int, readiness.PathReadiness] = {}
        # every path's share for the list, read off the GUI thread after the list shows
        self._shares = workers.LatestRead(readiness.readiness, self)
        self._shares.finished.connect(self._show_shares)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("pathsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list_pane())
        self.stack = QStackedWidget()
        self.empty = EmptyState(self, name="pathsEmptyState", title=self.tr("No paths yet"),
                                text=self.tr("Add the first path you are considering, such "
                                             "as “Product management”; then write down what "
                                             "you believe about it, and let conversations "
                                             "test it."),
                                action=self.tr("Add Path…"))
        self.empty.actionTriggered.connect(self.add_path)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_detail())
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        # the list of paths narrower on a narrow screen: the pages need the width
        self.splitter.setSizes([200 if narrow_screen(self) else 270, 930])
        layout = tab_margins(QVBoxLayout(self))
        layout.addWidget(self.splitter)

    # --- construction -----------------------------------------------------------------------
    def _build_list_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(heading(self.tr("Target paths")))
        self.paths_list = QListWidget()
        self.paths_list.setObjectName("pathsList")
        self.paths_list.setAccessibleName(self.tr("Target paths"))
        self.paths_list.setSpacing(2)
        self.paths_list.setWordWrap(True)
        self.paths_list.currentItemChanged.connect(self._path_chosen)
        shortcut(self.paths_list, QKeySequence.StandardKey.Delete, self.delete_path)
        layout.addWidget(self.paths_list, 1)
        buttons = QHBoxLayout()
        self.add_path_button = QPushButton(self.tr("&Add Path…"))
        self.add_path_button.setObjectName("addPathButton")
        self.add_path_button.clicked.connect(self.add_path)
        self.delete_path_button = QPushButton(self.tr("Delete…"))
        self.delete_path_button.setObjectName("deletePathButton")
        self.delete_path_button.setToolTip(self.tr("Delete the selected path (you can undo)"))
        self.delete_path_button.clicked.connect(self.delete_path)
        buttons.addWidget(self.add_path_button)
        buttons.addWidget(self.delete_path_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return pane

    def _build_detail(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 0, 0)
        self.form = PathForm(self.ctx, page)
        self.form.binder.stored.connect(self._path_stored)
        layout.addWidget(self.form)

        self.pages = QTabWidget()
        self.pages.setObjectName("pathPages")
        self.assumptions_page = AssumptionsPage(self.ctx)
        self.pages.addTab(self.assumptions_page, "")
        self.questions_page = QuestionsPage(self.ctx)
        self.pages.addTab(self.questions_page, "")
        self.pages.addTab(self.form.build_notes_page(), "")
        self.notes_edit = self.form.notes_edit
        self.compare_page = ComparePage(self.ctx)
        self.pages.addTab(self.compare_page, "")
        self.readiness_page = ReadinessPage(self.ctx)
        self.pages.addTab(self.readiness_page, "")
        self.readiness_page.assumptionOpened.connect(self._open_assumption)
        self.readiness_page.assumptionRequested.connect(self._new_assumption)
        self.ask_next_page = AskNextPage(self.ctx)
        self.pages.addTab(self.ask_next_page, "")
        self.ask_next_page.assumptionRequested.connect(self._new_assumption)
        self.ask_next_page.contactRequested.connect(self._new_contact)
        for widget in (self.form, self.assumptions_page, self.questions_page,
                       self.compare_page):
            for name in _PAGE_ATTRIBUTES[type(widget)]:
                setattr(self, name, getattr(widget, name))
        self.questions_page.loaded.connect(self._set_page_titles)
        self.questions_page.changeShown.connect(self._change_shown)
        self.compare_page.changeShown.connect(self._change_shown)
        self.pages.currentChanged.connect(self._page_changed)
        layout.addWidget(self.pages, 1)
        self._set_page_titles()
        # the form leaves the Assumptions page five one-line rows of each list
        self.form.fit_in(page, lambda: layout.spacing() + self.pages.height()
                         - self.pages.currentWidget().height()
                         + self.assumptions_page.wanted_height(1))
        return page

    def _new_assumption(self) -> None:
        """Write down a belief about the path shown (on its Assumptions page)."""
        self.pages.setCurrentWidget(self.assumptions_page)
        self.assumptions_page.add_assumption()

    def _new_contact(self) -> None:
        window: Any = self.window()
        if hasattr(window, "show_tab"):
            window.show_tab("networkTab").add_contact()

    # --- TabBase ----------------------------------------------------------------------------
    def _on_changed(self, area: str) -> None:
        if self._expected[area] > 0:
            self._expected[area] -= 1
            return
        super()._on_changed(area)

    def _change_shown(self, area: str) -> None:
        """A page stored a change it shows already: announce it, without reading it again."""
        self._expected.update([area])
        self.ctx.bus.changed.emit(area)

    def reload(self) -> None:
        try:
            rows = paths.list_paths()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        self._path_rows = rows
        current = self.current_path_id()
        self.paths_list.blockSignals(True)
        self.paths_list.clear()
        for row in rows:
            item = QListWidgetItem()
            self._fill_path_item(item, row)
            self.paths_list.addItem(item)
        ids = [r.id for r in rows]
        target = current if current in ids else (ids[0] if ids else None)
        if target is not None:
            self.paths_list.setCurrentRow(ids.index(target))
        self.paths_list.blockSignals(False)
        self.compare_page.stale = True
        self._show_path(target)
        self._shares.request()

    def _show_shares(self, rows: list[readiness.PathReadiness]) -> None:
        shown = self.current_path_id()
        self._readiness.update((r.path_id, r) for r in rows if r.path_id != shown)
        by_id = {r.id: r for r in self._path_rows}
        for i in range(self.paths_list.count()):
            item = self.paths_list.item(i)
            row = by_id.get(item.data(Qt.ItemDataRole.UserRole))
            if row is not None and row.id != shown:
                self._fill_path_item(item, row)
        self.sharesShown.emit()

    def show_item(self, kind: str, item_id: int) -> bool:
        if kind not in ("path", "assumption", "readiness"):  # readiness: a path, on that page
            return False
        if self._stale:
            self.reload_now()
        try:
            path_id = (item_id if kind in ("path", "readiness")
                       else paths.get_assumption(item_id).path_id)
        except CareerPivotError:
            return False
        if not self.select_path(path_id):
            return False
        if kind == "assumption":
            self.pages.setCurrentIndex(PAGE_ASSUMPTIONS)
            self.select_assumption(item_id)
        elif kind == "readiness":
            self.pages.setCurrentIndex(PAGE_READINESS)
        return True

    def focus_search(self) -> None:
        self.paths_list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def flush_edits(self) -> bool:
        return self.binder.flush()

    def save_state(self, settings: Settings) -> None:
        settings.set_window_state("paths/splitter", self.splitter.saveState())
        settings.set_window_state("paths/assumptionsSplitter",
                                  self.assumptions_splitter.saveState())
        settings.set_window_state("paths/page", QByteArray(bytes([self.pages.currentIndex()])))
        self.form.save_state(settings)

    def restore_state(self, settings: Settings) -> None:
        for key, splitter in (("paths/splitter", self.splitter),
                              ("paths/assumptionsSplitter", self.assumptions_splitter)):
            state = settings.window_state(key)
            if state is not None:
                splitter.restoreState(state)
                if splitter is self.assumptions_splitter:
                    self.assumptions_page.split.user_moved = True  # the split they left
        state = settings.window_state("paths/page")
        if state is not None and state.size() == 1:
            self.pages.setCurrentIndex(state.data()[0])
        self.form.restore_state(settings)

    # --- paths ------------------------------------------------------------------------------
    def current_path_id(self) -> int | None:
        item = self.paths_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def current_path(self) -> paths.PathRow | None:
        pid = self.current_path_id()
        return next((r for r in self._path_rows if r.id == pid), None)

    def _fill_path_item(self, item: QListWidgetItem, row: paths.PathRow) -> None:
        status = vocab_name(vocab.PATH_STATUSES.get(row.status, row.status))
        details = self.tr("{0} · %n assumption(s)", "", row.assumption_count).format(status)
        details += " · " + self.tr("%n interview(s)", "", row.interview_count)
        share = share_line(self._readiness.get(row.id))
        item.setText(f"{row.title}\n{details}" + (f"\n{share}" if share else ""))
        item.setData(Qt.ItemDataRole.UserRole, row.id)
        item.setToolTip(row.why or row.title)

    def select_path(self, path_id: int) -> bool:
        for i in range(self.paths_list.count()):
            if self.paths_list.item(i).data(Qt.ItemDataRole.UserRole) == path_id:
                self.paths_list.setCurrentRow(i)
                return True
        return False

    def _path_chosen(self, current: QListWidgetItem | None,
                     previous: QListWidgetItem | None) -> None:
        pid = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if pid == self.binder.row_id:
            return
        if not self.binder.flush() and previous is not None:
            self.ctx.bus.status.emit(self.tr(
                "Your last change could not be stored; correct the highlighted field first."))
            QTimer.singleShot(0, lambda: self.paths_list.setCurrentItem(previous))
            return
        self._show_path(pid)

    def _show_path(self, path_id: int | None) -> None:
        row = next((r for r in self._path_rows if r.id == path_id), None)
        if row is None:
            self.binder.load(None, {})
            self.assumptions_page.clear()
            self.questions_page.set_path(None)
            self.readiness_page.show_readiness(None)
            self.ask_next_page.show_path(None)
            self.stack.setCurrentWidget(self.empty)
            self._update_buttons()
            if self.pages.currentIndex() == PAGE_COMPARE:
                self.compare_page.load()
            return
        values = row._asdict()
        if self.binder.row_id == row.id:
            _refresh_binder(self.binder, values)
        else:
            self.binder.load(row.id, values)
        self.stack.setCurrentIndex(1)
        self.assumptions_page.show_path(row)
        self.questions_page.show_path(row)
        # the shown path's readiness from the assumptions just read; the others' in a worker
        current = readiness.of_assumptions(row.id, row.title, self.assumptions_model.rows())
        self._readiness[row.id] = current
        self.readiness_page.show_readiness(current)
        item = self.paths_list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == row.id:
            self._fill_path_item(item, row)
        self.ask_next_page.show_path(row)
        if self.pages.currentIndex() == PAGE_COMPARE:
            self.compare_page.load()
        self._set_page_titles()
        self._update_buttons()

    def _path_stored(self, field: str) -> None:
        """An edit of the path's own fields: update its list entry; no full reload."""
        self._expected.update([Area.PATHS])
        pid = self.binder.row_id
        if pid is None:
            return
        try:
            row = paths.get_path(pid)
        except CareerPivotError:
            return
        self._path_rows = [row if r.id == pid else r for r in self._path_rows]
        item = self.paths_list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == pid:
            self._fill_path_item(item, row)
            self.assumptions_page.set_path(row)
            self.questions_page.set_path(row)
        self.compare_page.stale = True
        if field in ("title", "status") and self.pages.currentIndex() == PAGE_COMPARE:
            self.compare_page.load()
        self._set_page_titles()

    def add_path(self) -> None:
        if not self.binder.flush():
            return
        from careerpivot.ui.dialogs.add_path import AddPathDialog

        values = AddPathDialog.ask(self)
        if not values:
            return
        try:
            pid = paths.add_path(values["title"], values["field"])
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("New Path"), exc.message)
            return
        push_add(self.ctx, self.tr("new path"), Area.PATHS, lambda: paths.delete_path(pid))
        self.ctx.bus.changed.emit(Area.PATHS)
        if self._stale:
            self.reload_now()
        self.select_path(pid)
        self.add_assumption_button.setFocus()
        self.ctx.bus.status.emit(self.tr("Path added. Next: write down what you believe about "
                                         "it, and choose its core questions."))

    def delete_path(self) -> None:
        row = self.current_path()
        if row is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete Path"),
                          self.tr("Delete the path “{0}”?").format(row.title),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("deletePathDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setInformativeText(
            self.tr("Deleted with it: %n assumption(s) with their evidence, "
                                   "its core questions and its comparison scores.", "",
                                   row.assumption_count)
            + "\n" + self.tr("Its %n interview(s) and your contacts stay "
                                            "(without a path). You can undo this.", "",
                                            row.interview_count))
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        self.binder.flush()
        try:
            snap = paths.delete_path(row.id)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Path"), exc.message)
            return
        pid = row.id
        push_delete(self.ctx, self.tr("deletion of the path “{0}”").format(row.title),
                    Area.PATHS, snap, lambda: paths.delete_path(pid))
        self.binder.load(None, {})
        self.ctx.bus.changed.emit(Area.PATHS)
        self.ctx.bus.status.emit(self.tr("Path deleted. Edit > Undo brings it back."))

    # --- assumptions ------------------------------------------------------------------------
    def current_assumption(self) -> paths.AssumptionRow | None:
        return self.assumptions_page.current_assumption()

    def select_assumption(self, assumption_id: int) -> None:
        self.assumptions_page.select_assumption(assumption_id)

    def _open_assumption(self, assumption_id: int) -> None:
        """From the Readiness page: the assumption with its evidence, on its own page."""
        self.pages.setCurrentIndex(PAGE_ASSUMPTIONS)
        self.select_assumption(assumption_id)
        self.assumptions_table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- pages ------------------------------------------------------------------------------
    def _page_changed(self, index: int) -> None:
        if index == PAGE_COMPARE and self.compare_page.stale:
            self.compare_page.load()

    def _set_page_titles(self) -> None:
        n_assumptions = self.assumptions_model.rowCount()
        self.pages.setTabText(PAGE_ASSUMPTIONS, self.tr("Assu&mptions ({0})").format(
            n_assumptions))
        self.pages.setTabText(PAGE_QUESTIONS, self.tr("Core &questions ({0})").format(
            self.questions_page.core_count()))
        self.pages.setTabText(PAGE_NOTES, self.tr("Notes"))
        # short titles, so that the six fit at 200 %; the tooltips say them in full
        self.pages.setTabText(PAGE_COMPARE, self.tr("&Compare"))
        self.pages.setTabToolTip(PAGE_COMPARE, self.tr("Compare paths side by side"))
        self.pages.setTabText(PAGE_READINESS, self.readiness_page.tab_title())
        self.pages.setTabToolTip(PAGE_READINESS, self.tr(
            "How much of what you believe about this path is settled"))
        self.pages.setTabText(PAGE_ASK_NEXT, self.tr("As&k Next"))
        self.pages.setTabToolTip(PAGE_ASK_NEXT, self.tr(
            "Who to ask next, and why: what their view would add"))

    def _update_buttons(self) -> None:
        self.delete_path_button.setEnabled(self.current_path_id() is not None)
        self.assumptions_page.update_buttons()
        self.questions_page.update_buttons()
        self.compare_page.update_buttons()
