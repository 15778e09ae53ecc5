"""The tracking log widget (:class:`LogView`): the search, the filters, the entry table and
the buttons that add, edit, mark done and delete entries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import clock, vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import log, network, workspace
from careerpivot.services.log import LogRow
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.undo import push_add, push_change, push_delete
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.log_view.entry_dialog import LogEntryDialog
from careerpivot.ui.widgets.log_view.model import (
    DATE,
    ENTRY,
    KIND,
    LINKED,
    STATUS,
    LogModel,
    status_colors,
)

#: Entries shown at once; a search or filter reaches the others.
LOG_LIMIT = 500
SEARCH_DEBOUNCE_MS = 200


class LogView(QWidget):
    """The tracking log with its search, filters and buttons."""

    #: An entry was added, changed or deleted (the area "log" was emitted as well).
    edited = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("logView")
        self.model = LogModel(self)
        self._choices_loaded = False
        #: A reload asked for while hidden waits for the next show (the Overview keeps the
        #: log on a tab of its own, seldom the one shown at start-up).
        self._stale = True
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.reload)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("logSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search the log"))
        self.search.setAccessibleName(self.tr("Search the log"))
        bar.addWidget(self.search, 1)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("logKindFilter")
        self.kind_filter.setAccessibleName(self.tr("Filter by kind"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for key, name in vocab.LOG_KINDS.items():
            self.kind_filter.addItem(_vocab(name), key)
        bar.addWidget(self.kind_filter)
        self.contact_filter = QComboBox(self)
        self.contact_filter.setObjectName("logContactFilter")
        self.contact_filter.setAccessibleName(self.tr("Filter by contact"))
        self.contact_filter.setMaximumWidth(200)
        self.contact_filter.addItem(self.tr("Everyone"), None)
        bar.addWidget(self.contact_filter)
        self.path_filter = QComboBox(self)
        self.path_filter.setObjectName("logPathFilter")
        self.path_filter.setAccessibleName(self.tr("Filter by path"))
        self.path_filter.setMaximumWidth(200)
        self.path_filter.addItem(self.tr("All paths"), None)
        bar.addWidget(self.path_filter)
        self.open_only = QCheckBox(self.tr("Open actions"), self)
        self.open_only.setObjectName("logOpenOnly")
        self.open_only.setToolTip(self.tr("Show only follow-up actions not done yet"))
        bar.addWidget(self.open_only)
        layout.addLayout(bar)

        self.table = QTableView(self)
        self.table.setObjectName("logTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(ENTRY, QHeaderView.ResizeMode.Stretch)
        for column, width in ((DATE, 92), (KIND, 120), (LINKED, 170), (STATUS, 150)):
            header.resizeSection(column, width)
        self.table.setAccessibleName(self.tr("Tracking log"))
        # nothing logged yet, or nothing the filters let through: what to do
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.empty = EmptyState(self, name="logEmpty", compact=True)
        self.empty.actionTriggered.connect(self._empty_action)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add Entr&y…"), self)
        self.add_button.setObjectName("logAddButton")
        self.action_button = QPushButton(self.tr("Add &Action…"), self)
        self.action_button.setObjectName("logAddActionButton")
        self.action_button.setToolTip(self.tr("A follow-up action with a due date"))
        self.done_button = QPushButton(self.tr("Mar&k Done"), self)
        self.done_button.setObjectName("logDoneButton")
        self.edit_button = QPushButton(self.tr("Edi&t…"), self)
        self.edit_button.setObjectName("logEditButton")
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("logDeleteButton")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("logCount")
        self.count_label.setEnabled(False)
        for button in (self.add_button, self.action_button, self.done_button,
                       self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for box in (self.kind_filter, self.contact_filter, self.path_filter):
            box.currentIndexChanged.connect(lambda _i: self.reload())
        self.open_only.toggled.connect(lambda _c: self.reload())
        self.add_button.clicked.connect(lambda: self.add_entry())
        self.action_button.clicked.connect(lambda: self.add_entry(log.ACTION))
        self.done_button.clicked.connect(self.toggle_done)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_buttons())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)
        self._update_buttons()

    # --- loading --------------------------------------------------------------------------
    def load_choices(self) -> None:
        """Fill the contact and path filters (keeping the current choice)."""
        for box, items in (
            (self.contact_filter, [(c.name, c.id) for c in network.contact_choices(
                include_archived=True)]),
            (self.path_filter, [(p.title, p.id) for p in network.list_path_choices()]),
        ):
            current = box.currentData()
            box.blockSignals(True)
            try:
                while box.count() > 1:
                    box.removeItem(1)
                for text, data in items:
                    box.addItem(text, data)
                index = box.findData(current)
                box.setCurrentIndex(index if index >= 0 else 0)
            finally:
                box.blockSignals(False)
        self._choices_loaded = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload_when_shown(self) -> None:
        """Reload now if the log is shown, else at its next show."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def reload(self) -> None:
        self._stale = False
        self._search_timer.stop()
        if not self._choices_loaded:
            self.load_choices()
        current = self.current_entry()
        try:
            rows = log.list_entries(
                search=self.search.text(), kind=self.kind_filter.currentData(),
                contact_id=self.contact_filter.currentData(),
                path_id=self.path_filter.currentData(),
                open_actions=self.open_only.isChecked(), limit=LOG_LIMIT + 1)
            total = sum(log.counts_by_kind().values())
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        more = len(rows) > LOG_LIMIT
        rows = rows[:LOG_LIMIT]
        self.model.set_rows(rows, clock.today(), status_colors(self.palette()))
        filtered = bool(self.search.text().strip() or self.kind_filter.currentIndex()
                        or self.contact_filter.currentIndex() or self.path_filter.currentIndex()
                        or self.open_only.isChecked())
        if more:
            self.count_label.setText(self.tr("Newest {0} of {1} entries — search or filter to "
                                             "see older ones").format(LOG_LIMIT, total))
        elif filtered:
            self.count_label.setText(self.tr("{0} of {1} entries").format(len(rows), total))
        else:
            self.count_label.setText(self.tr("%n entry", "", total) if total == 1
                                     else self.tr("%n entries", "", total))
        if current is not None:
            self.select_entry(current.id, reload=False)
        self._show_state(total, filtered)
        self._update_buttons()

    def _show_state(self, total: int, filtered: bool) -> None:
        if not total:
            self.empty.set_content(self.tr("Nothing logged yet"), self.tr(
                "Write down insights, decisions and follow-up actions as they come up; the "
                "weekly review adds its own."), self.tr("Add Entry…"))
        elif filtered:
            self.empty.set_content("", self.tr("No entry matches the search and filters."),
                                   self.tr("Clear Filters"))
        self._empty_clears = bool(total)
        self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)

    def _empty_action(self) -> None:
        if getattr(self, "_empty_clears", False):
            self.clear_filters()
        else:
            self.add_entry()

    def reload_choices_later(self) -> None:
        self._choices_loaded = False

    # --- selection ------------------------------------------------------------------------
    def current_entry(self) -> LogRow | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def select_entry(self, entry_id: int, *, reload: bool = True) -> bool:
        row = self.model.row_of(entry_id)
        if row < 0 and reload:
            self.clear_filters()
            row = self.model.row_of(entry_id)
            if row < 0:
                # older than the newest LOG_LIMIT: find it by its own words
                try:
                    entry = log.get_entry(entry_id)
                except CareerPivotError:
                    return False
                self.search.blockSignals(True)
                self.search.setText(entry.text.split("\n", 1)[0][:60])
                self.search.blockSignals(False)
                self.reload()
                row = self.model.row_of(entry_id)
        if row < 0:
            return False
        index = self.model.index(row, ENTRY)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        widgets = (self.search, self.kind_filter, self.contact_filter, self.path_filter,
                   self.open_only)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.search.clear()
            for box in (self.kind_filter, self.contact_filter, self.path_filter):
                box.setCurrentIndex(0)
            self.open_only.setChecked(False)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.reload()

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        can_done = entry is not None and entry.kind in (log.ACTION, log.OUTREACH)
        self.done_button.setEnabled(can_done)
        if entry is not None and entry.done_date is not None:
            self.done_button.setText(self.tr("&Reopen"))
        elif entry is not None and entry.kind == log.OUTREACH:
            self.done_button.setText(self.tr("Got a &Reply"))
        else:
            self.done_button.setText(self.tr("Mar&k Done"))
        self.edit_button.setEnabled(entry is not None)
        self.delete_button.setEnabled(entry is not None)

    # --- changes --------------------------------------------------------------------------
    def _changed(self, entry_id: int | None = None) -> None:
        self.ctx.bus.changed.emit(Area.LOG)
        self.reload()
        if entry_id is not None:
            self.select_entry(entry_id)
        self.edited.emit()

    def add_entry(self, kind: str = "insight") -> int | None:
        if workspace.is_read_only():
            self.ctx.bus.status.emit(self.tr("This workspace is read-only."))
            return None
        values = LogEntryDialog.ask(self, kind=kind,
                                    contact_id=self.contact_filter.currentData(),
                                    path_id=self.path_filter.currentData())
        if values is None:
            return None
        return self.create(values)

    def create(self, values: dict[str, Any]) -> int | None:
        try:
            entry_id = log.add_entry(
                values["kind"], values["text"], entry_date=values["entry_date"] or None,
                due_date=values.get("due_date") or None, contact_id=values.get("contact"),
                path_id=values.get("path"))
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Add Log Entry"), exc.message)
            return None
        push_add(self.ctx, self.tr("add log entry"), Area.LOG, lambda: log.delete_entry(entry_id))
        self._changed(entry_id)
        return entry_id

    def edit_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        values = LogEntryDialog.ask(self, entry=entry)
        if values is None:
            return
        self.apply_edit(entry, values)

    def apply_edit(self, entry: LogRow, values: dict[str, Any]) -> bool:
        old = {"kind": entry.kind, "entry_date": entry.entry_date.isoformat(),
               "text": entry.text,
               "due_date": entry.due_date.isoformat() if entry.due_date else "",
               "contact": entry.contact_id, "path": entry.path_id}
        order = ("kind", "entry_date", "text", "due_date", "contact", "path")
        changed = [f for f in order if (values.get(f) or "") != (old[f] or "")]
        if not changed:
            return True

        def apply(source: dict[str, Any]) -> None:
            for field in changed:
                log.update_entry(entry.id, field, source[field] or None)

        try:
            apply(values)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Edit Log Entry"), exc.message)
            self._changed(entry.id)
            return False
        push_change(self.ctx, self.tr("edit of log entry"), Area.LOG,
                    lambda: apply(old), lambda: apply(values))
        self._changed(entry.id)
        return True

    def toggle_done(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.kind not in (log.ACTION, log.OUTREACH):
            return
        entry_id = entry.id
        try:
            if entry.done_date is None:
                before = log.mark_done(entry_id)
                push_change(self.ctx, self.tr("mark done"), Area.LOG,
                            lambda: log.update_entry(entry_id, "done_date", before),
                            lambda: log.mark_done(entry_id))
            else:
                was = entry.done_date
                log.mark_undone(entry_id)
                push_change(self.ctx, self.tr("reopen"), Area.LOG,
                            lambda: log.mark_done(entry_id, was),
                            lambda: log.mark_undone(entry_id))
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Tracking Log"), exc.message)
            return
        self._changed(entry_id)

    def delete_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        row = self.table.currentIndex().row()
        entry_id = entry.id
        try:
            snapshot = log.delete_entry(entry_id)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Tracking Log"), exc.message)
            return
        push_delete(self.ctx, self.tr("delete of log entry"), Area.LOG, snapshot,
                    lambda: log.delete_entry(entry_id))
        self.ctx.bus.status.emit(self.tr("Log entry deleted (Edit > Undo brings it back)."))
        self._changed()
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
