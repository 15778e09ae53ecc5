"""The list side of the Network tab: the search and filter bar above it (:class:`ContactFilters`)
and the contact table with its empty, no-match and error states (:class:`ContactListPane`,
``contactsTable``)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.validation import name_key
from careerpivot.services import network
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.itemmodels import contacts as cm
from careerpivot.ui.widgets.column_fit import ColumnFit, hide_columns, offer_column_menu
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.tables import list_table

#: The columns the header's menu shows or hides (the others always show), those hidden at
#: first, and those a narrow screen starts without too (the editor beside shows them all).
CONTACT_COLUMNS_OPTIONAL = (cm.LEVEL, cm.TAGS, cm.LAST_CONTACT, cm.NEXT_CHECKIN,
                            cm.INTRODUCED_BY)
CONTACT_COLUMNS_HIDDEN = (cm.NEXT_CHECKIN, cm.INTRODUCED_BY)
CONTACT_COLUMNS_NARROW_HIDDEN = (cm.LEVEL, cm.TAGS, cm.LAST_CONTACT)

#: The filters of :attr:`ContactFilters.filterChanged`, by the name it sends.
SEARCH, STAGE, LEVEL, PATH, TAG, DUE = "search", "stage", "level", "path", "tag", "due"


class ContactFilters(QWidget):
    """The search box and the filters above the contact table."""

    filterChanged = Signal(str, object)  # the filter (SEARCH…DUE) and its new value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setObjectName("contactSearch")
        self.search.setPlaceholderText(
            self.tr("Search names, organizations, roles, tags and notes"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.search.setToolTip(self.tr("Every word must match (Ctrl+F)"))
        self.search.setMinimumWidth(220)
        bar.addWidget(self.search, 1)

        def combo(name: str, accessible: str) -> QComboBox:
            box = QComboBox(self)
            box.setObjectName(name)
            box.setAccessibleName(accessible)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setMaximumWidth(220)
            bar.addWidget(box)
            return box

        self.stage_filter = combo("stageFilter", self.tr("Filter by stage"))
        self.stage_filter.addItem(self.tr("All stages"), None)
        for key, name in vocab.STAGES.items():
            self.stage_filter.addItem(_vocab(name), key)
        self.level_filter = combo("levelFilter", self.tr("Filter by level"))
        self.level_filter.addItem(self.tr("All levels"), None)
        for key, name in vocab.LEVELS.items():
            self.level_filter.addItem(_vocab(name), key)
        self.path_filter = combo("pathFilter", self.tr("Filter by path"))
        self.path_filter.addItem(self.tr("All paths"), None)
        self.tag_filter = combo("tagFilter", self.tr("Filter by tag"))
        self.tag_filter.addItem(self.tr("All tags"), None)

        self.due_filter = QCheckBox(self)
        self.due_filter.setObjectName("dueFilter")
        self.due_filter.setToolTip(self.tr(
            "Show only the people whose check-in is due or overdue"))
        bar.addWidget(self.due_filter)

        self.search.textChanged.connect(lambda text: self.filterChanged.emit(SEARCH, text))
        for kind, box in ((STAGE, self.stage_filter), (LEVEL, self.level_filter),
                          (PATH, self.path_filter), (TAG, self.tag_filter)):
            box.currentIndexChanged.connect(
                lambda _i, k=kind, b=box: self.filterChanged.emit(k, b.currentData()))
        self.due_filter.toggled.connect(lambda on: self.filterChanged.emit(DUE, on))

    def fill_paths(self, choices: Sequence[network.PathChoice]) -> None:
        """Offer these paths; a chosen path that is gone is no longer filtered by."""
        current = self.path_filter.currentData()
        self.path_filter.blockSignals(True)
        try:
            while self.path_filter.count() > 1:
                self.path_filter.removeItem(1)
            for choice in choices:
                self.path_filter.addItem(choice.title, choice.id)
            index = self.path_filter.findData(current) if current is not None else 0
            self.path_filter.setCurrentIndex(max(index, 0))
        finally:
            self.path_filter.blockSignals(False)
        self.path_filter.setEnabled(bool(choices))
        if index < 0:
            self.filterChanged.emit(PATH, None)

    def fill_tags(self, tags: Sequence[str]) -> None:
        """Offer these tags; a chosen tag that is gone is no longer filtered by."""
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        try:
            while self.tag_filter.count() > 1:
                self.tag_filter.removeItem(1)
            index = 0
            for tag in tags:
                self.tag_filter.addItem(tag, tag)
                if current is not None and name_key(tag) == name_key(current):
                    index = self.tag_filter.count() - 1
            self.tag_filter.setCurrentIndex(index)
        finally:
            self.tag_filter.blockSignals(False)
        self.tag_filter.setEnabled(bool(tags))
        if current is not None and index == 0:
            self.filterChanged.emit(TAG, None)

    def reset(self) -> None:
        """Empty the search and choose every filter's "All" (without sending filterChanged)."""
        for box in (self.stage_filter, self.level_filter, self.path_filter, self.tag_filter):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.due_filter.blockSignals(True)
        self.due_filter.setChecked(False)
        self.due_filter.blockSignals(False)

    def update_state(self, total: int, due: int) -> None:
        """Count the check-ins due; with nobody in the list, nothing to filter."""
        self.due_filter.setText(self.tr("Check-ins due ({0})").format(due))
        for widget in (self.search, self.stage_filter, self.level_filter, self.due_filter):
            widget.setEnabled(total > 0)

    def disable_choices(self) -> None:
        self.path_filter.setEnabled(False)
        self.tag_filter.setEnabled(False)


class ContactListPane(QWidget):
    """The contact table, its buttons and count, and what shows in its place when it is
    empty, when nobody matches or when it could not be read."""

    addRequested = Signal()  # the Add Contact buttons
    deleteRequested = Signal()  # the Delete button, or Delete in the table
    mergeRequested = Signal()  # the Merge button: the selected contacts are one person
    editRequested = Signal()  # Return in the table: go to the editor
    selectionChanged = Signal()  # by the user, not while a selection is restored
    clearFiltersRequested = Signal()

    def __init__(self, model: cm.ContactsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.restoring = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add Contact…"), self)
        self.add_button.setObjectName("addContactButton")
        self.add_button.setToolTip(self.tr("Add a person to your network (Insert)"))
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setObjectName("deleteContactButton")
        self.delete_button.setToolTip(self.tr("Delete the selected contacts (Delete)"))
        self.delete_button.setEnabled(False)
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        self.merge_button.setObjectName("mergeContactsButton")
        self.merge_button.setToolTip(self.tr("The selected contacts are one person: keep one "
                                             "record with everything they had (you can "
                                             "undo)"))
        self.merge_button.setEnabled(False)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("contactCount")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        column.addLayout(buttons)

        self.list_stack = QStackedWidget(self)
        self.list_stack.setObjectName("contactsStack")
        self.table = self._build_table()
        self.list_stack.addWidget(self.table)
        self._build_states()
        column.addWidget(self.list_stack, 1)
        self._connect()

    def _build_table(self) -> QTableView:
        table = list_table(self, "contactsTable", self.model, {}, self.tr("Contacts"),
                           selection=QAbstractItemView.SelectionMode.ExtendedSelection)
        table.horizontalHeader().setObjectName("contactsHeader")  # a stable name, kept
        # the role takes the room and the name is read whole; a narrow window shortens the
        # tags and the organization (their tooltips say them whole); the dates of check-ins
        # and who introduced whom are in the editor, and a click on the header shows them
        # here too (on a narrow screen the level, the tags and the last contact too)
        self.column_fit = ColumnFit(
            table, cm.ROLE, min_chars=30,
            limits={cm.NAME: (14, 26), cm.ORGANIZATION: (12, 24), cm.TAGS: (8, 20),
                    cm.INTRODUCED_BY: (10, 24)},
            shrink=(cm.TAGS, cm.INTRODUCED_BY, cm.ORGANIZATION))
        hide_columns(table, CONTACT_COLUMNS_HIDDEN, CONTACT_COLUMNS_NARROW_HIDDEN)
        offer_column_menu(table, CONTACT_COLUMNS_OPTIONAL, self.column_fit)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.sortByColumn(cm.NAME, Qt.SortOrder.AscendingOrder)
        return table

    def _build_states(self) -> None:
        # an empty workspace: say so, and offer the first step
        empty = EmptyState(self, name="networkEmptyState", title=self.tr("No contacts yet"),
                           text=self.tr("Add the first person you would like to talk to: "
                                        "someone who does the work you are considering."),
                           action=self.tr("Add Contact…"))
        self.empty_state = empty
        self.empty_add_button = empty.button
        self.list_stack.addWidget(empty)

        # contacts exist, but none passes the search and filters
        nomatch = EmptyState(self, name="noMatchState",
                             text=self.tr("No contact matches the search and filters."),
                             action=self.tr("Clear Search and Filters"))
        self.no_match_label = nomatch.label
        self.clear_filters_button = nomatch.button
        self.clear_filters_button.setObjectName("clearFiltersButton")
        self.list_stack.addWidget(nomatch)

        # the list could not be read: say so, never show an empty or stale list as complete
        self.error_page = EmptyState(self, name="networkErrorState")
        self.error_label = self.error_page.label
        self.list_stack.addWidget(self.error_page)

    def _connect(self) -> None:
        self.clear_filters_button.clicked.connect(lambda: self.clearFiltersRequested.emit())
        self.add_button.clicked.connect(lambda: self.addRequested.emit())
        self.empty_add_button.clicked.connect(lambda: self.addRequested.emit())
        self.delete_button.clicked.connect(lambda: self.deleteRequested.emit())
        self.merge_button.clicked.connect(lambda: self.mergeRequested.emit())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.deleteRequested.emit)
        edit = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        edit.setContext(Qt.ShortcutContext.WidgetShortcut)
        edit.activated.connect(self.editRequested.emit)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def _on_selection_changed(self, *_args: object) -> None:
        if not self.restoring:
            self.selectionChanged.emit()

    # --- the states -----------------------------------------------------------------------
    def update_state(self, total: int, shown: int) -> None:
        """Count the contacts, and show the list or say why it is empty."""
        if total == 0:
            self.count_label.setText("")
            self.list_stack.setCurrentIndex(1)
        else:
            if shown == total:
                self.count_label.setText(self.tr("%n contact(s)", "", total))
            else:
                text = self.tr("{0} of %n contact(s)", "", total)
                self.count_label.setText(text.format(shown))
            self.list_stack.setCurrentIndex(0 if shown else 2)

    def show_read_error(self, message: str) -> None:
        self.count_label.setText("")
        self.error_page.set_content(self.tr("Your contacts could not be read"), message)
        self.list_stack.setCurrentWidget(self.error_page)

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
        self.empty_state.set_action_enabled(not read_only)

    # --- selection ------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.contact_id(r) for r in rows]
        return [i for i in ids if i is not None]

    def select_first_quietly(self) -> None:
        """Select the first row without sending selectionChanged."""
        self.restoring = True
        try:
            self.table.selectRow(0)
        finally:
            self.restoring = False

    def select_contact_row(self, row: int) -> None:
        """Make ``row`` the selected and current row, and scroll to it."""
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(row, 0))

    def selection_state(self, ids: Sequence[int] | None = None) -> tuple:
        """What :meth:`restore_selection` puts back: the selected contacts (or ``ids``) and
        the current one, with its column."""
        current = self.table.selectionModel().currentIndex()
        current_id = self.model.contact_id(current.row()) if current.isValid() else None
        return (list(self.selected_ids() if ids is None else ids), current_id,
                max(current.column(), 0))

    def restore_selection(self, state: tuple, *, scroll: int | None = None) -> None:
        """Select the contacts of ``state`` that are listed, and make its current one (or the
        first of them) current; scroll to ``scroll`` or to the current row."""
        wanted, current_id, column = state
        selection_model = self.table.selectionModel()
        self.restoring = True
        try:
            selection = QItemSelection()
            last_column = self.model.columnCount() - 1
            visible_rows = sorted(self.model.rows_of(wanted))
            start = previous = None
            for r in [*visible_rows, None]:
                if r is not None and previous is not None and r == previous + 1:
                    previous = r
                    continue
                if start is not None:
                    selection.select(self.model.index(start, 0),
                                     self.model.index(previous, last_column))
                start = previous = r
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            selection_model.select(selection, flags)
            current_row = self.model.row_of(current_id) if current_id is not None else -1
            if current_row < 0 and visible_rows:
                current_row = visible_rows[0]
            if current_row >= 0:
                selection_model.setCurrentIndex(
                    self.model.index(current_row, column),
                    QItemSelectionModel.SelectionFlag.NoUpdate)
            if scroll is not None:
                self.table.doItemsLayout()  # after a reset the scroll range is not known yet
                self.table.verticalScrollBar().setValue(scroll)
            elif current_row >= 0:
                self.table.scrollTo(self.model.index(current_row, 0))
        finally:
            self.restoring = False
