"""The Network tab: the contact table (search, filters, sort), a detail editor that stores every
edit when it is made, who introduced whom, and the check-ins that are due.

Data comes from ``services.network`` in one load (:meth:`NetworkTab.reload`: one query for
the contacts, as SQLite returns them); searching, filtering and sorting then happen inside
:class:`ContactsModel` over keys computed once (the search texts while idle after the list
has painted), so a keystroke in the search box never reaches the database. After an edit in
the detail editor only the edited contact is read again and its row updated in place: the
selection and the scroll position stay where they were.

Mnemonics avoid the letters of the main window's tabs and menus (O P N I D L S, F E V H).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QStringListModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import checkins, clock, vocab
from careerpivot.core.validation import name_key
from careerpivot.errors import CareerPivotError, ValidationError
from careerpivot.services import network, workspace
from careerpivot.services.network import ContactRow
from careerpivot.settings import Settings
from careerpivot.ui import crash
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.contact_add import AddContactDialog
from careerpivot.ui.dialogs.contact_delete import ConfirmDeleteContacts
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.itemmodels import contacts as cm
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.undo import push_add, push_change, push_delete
from careerpivot.ui.widgets.choices import ChoicesModel
from careerpivot.ui.widgets.forms import FormBinder, error_label

#: Fields whose change shows in other rows (the "Introduced by" column, the pickers): after
#: storing one of them the whole list is read again instead of one row.
_FULL_RELOAD_FIELDS = frozenset({"name", "organization", "introduced_by"})

#: Initial column widths (pixels), before the user resizes them.
_COLUMN_WIDTHS = (150, 145, 150, 100, 125, 110, 92, 102, 130)




class TagsCompleter(QCompleter):
    """Completes the tag being typed after the last comma of a comma-separated list."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rpartition(",")[2].strip()]

    def pathFromIndex(self, index: Any) -> str:
        completion = super().pathFromIndex(index)
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head, sep, _ = text.rpartition(",")
        return f"{head.rstrip()}, {completion}" if sep else completion


class NetworkTab(TabBase):
    areas = frozenset({Area.CONTACTS, Area.PATHS, Area.INTERVIEWS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = cm.ContactsModel(self)
        self._current_id: int | None = None
        self._current_row: ContactRow | None = None
        self._fetched: ContactRow | None = None  # the row read back after the last store
        self._own_edit: tuple[int, str] | None = None
        self._restoring = False
        self._introducer_ids: dict[str, int] = {}
        self._introducer_text: dict[int, str] = {}
        self._path_choices: list[network.PathChoice] = []
        self._loaded_once = False
        self._nobody = self.tr("— nobody —")
        self._build()
        self._connect()
        self._show_editor(None)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(self._build_filter_bar())

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("networkSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list_pane())
        self.splitter.addWidget(self._build_detail_pane())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 400])
        layout.addWidget(self.splitter, 1)

    def _build_filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
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
        return bar

    def _build_list_pane(self) -> QWidget:
        pane = QWidget(self)
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add Contact…"), pane)
        self.add_button.setObjectName("addContactButton")
        self.add_button.setToolTip(self.tr("Add a person to your network (Insert)"))
        self.delete_button = QPushButton(self.tr("Delete"), pane)
        self.delete_button.setObjectName("deleteContactButton")
        self.delete_button.setToolTip(self.tr("Delete the selected contacts (Delete)"))
        self.delete_button.setEnabled(False)
        self.count_label = QLabel(pane)
        self.count_label.setObjectName("contactCount")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        column.addLayout(buttons)

        self.list_stack = QStackedWidget(pane)
        self.list_stack.setObjectName("contactsStack")

        self.table = QTableView(pane)
        self.table.setObjectName("contactsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setObjectName("contactsHeader")
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for column_index, width in enumerate(_COLUMN_WIDTHS):
            header.resizeSection(column_index, width)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(cm.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setAccessibleName(self.tr("Contacts"))
        self.list_stack.addWidget(self.table)

        # an empty workspace: say so, and offer the first step
        empty = QWidget(pane)
        empty.setObjectName("networkEmptyState")
        box = QVBoxLayout(empty)
        box.addStretch(1)
        text = QLabel(self.tr(
            "<h3>No contacts yet</h3><p>Add the first person you would like to talk to: "
            "someone who does the work you are considering.</p>"), empty)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(text)
        self.empty_add_button = QPushButton(self.tr("Add the First Contact…"), empty)
        self.empty_add_button.setObjectName("emptyAddButton")
        box.addWidget(self.empty_add_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.list_stack.addWidget(empty)

        # contacts exist, but none passes the search and filters
        nomatch = QWidget(pane)
        nomatch.setObjectName("noMatchState")
        box = QVBoxLayout(nomatch)
        box.addStretch(1)
        self.no_match_label = QLabel(self.tr("No contact matches the search and filters."),
                                     nomatch)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match_label.setWordWrap(True)
        box.addWidget(self.no_match_label)
        self.clear_filters_button = QPushButton(self.tr("Clear Search and Filters"), nomatch)
        self.clear_filters_button.setObjectName("clearFiltersButton")
        box.addWidget(self.clear_filters_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.list_stack.addWidget(nomatch)

        # the list could not be read: say so, never show an empty or stale list as complete
        self.error_page = QWidget(pane)
        self.error_page.setObjectName("networkErrorState")
        box = QVBoxLayout(self.error_page)
        box.addStretch(1)
        self.error_label = QLabel(self.error_page)
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.error_label)
        box.addStretch(2)
        self.list_stack.addWidget(self.error_page)

        column.addWidget(self.list_stack, 1)
        return pane

    def _build_detail_pane(self) -> QWidget:
        self.detail_stack = QStackedWidget(self)
        self.detail_stack.setObjectName("contactDetailStack")
        self.detail_stack.setMinimumWidth(340)

        self.detail_placeholder = QLabel(self.detail_stack)
        self.detail_placeholder.setObjectName("contactDetailPlaceholder")
        self.detail_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_placeholder.setWordWrap(True)
        self.detail_placeholder.setEnabled(False)
        self.detail_stack.addWidget(self.detail_placeholder)

        scroll = QScrollArea(self.detail_stack)
        scroll.setObjectName("contactDetail")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the table to the name
        editor = QWidget(scroll)
        form = QFormLayout(editor)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        scroll.setWidget(editor)
        self.detail_stack.addWidget(scroll)
        self.binder = FormBinder(self.ctx, self._save, area="contacts", what="contact",
                                 parent=self, reload=self._editor_values)

        def row(label_text: str, field: str | None, editor_widget: QWidget,
                title: str = "", extra: QWidget | None = None) -> QWidget:
            label = QLabel(label_text, editor)
            label.setBuddy(editor_widget)
            box = QWidget(editor)
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(2)
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(editor_widget, 1)
            if extra is not None:
                line.addWidget(extra)
            col.addLayout(line)
            if field is not None:
                error = error_label(box)
                col.addWidget(error)
                self.binder.bind(field, editor_widget, error, title or field)
            form.addRow(label, box)
            return box

        self.name_edit = QLineEdit(editor)
        self.name_edit.setObjectName("nameEdit")
        name_box = row(self.tr("Na&me:"), "name", self.name_edit, self.tr("name"))
        self.duplicate_note = QLabel(name_box)
        self.duplicate_note.setObjectName("duplicateNote")
        self.duplicate_note.setWordWrap(True)
        self.duplicate_note.setEnabled(False)  # the muted look: a hint, not an error
        name_box.layout().addWidget(self.duplicate_note)

        self.organization_edit = QLineEdit(editor)
        self.organization_edit.setObjectName("organizationEdit")
        row(self.tr("Organi&zation:"), "organization", self.organization_edit,
            self.tr("organization"))
        self.role_edit = QLineEdit(editor)
        self.role_edit.setObjectName("roleEdit")
        row(self.tr("&Role:"), "role", self.role_edit, self.tr("role"))

        self.level_combo = QComboBox(editor)
        self.level_combo.setObjectName("levelCombo")
        for key, name in vocab.LEVELS.items():
            self.level_combo.addItem(_vocab(name), key)
        row(self.tr("Level:"), "level", self.level_combo, self.tr("level"))
        self.stage_combo = QComboBox(editor)
        self.stage_combo.setObjectName("stageCombo")
        for key, name in vocab.STAGES.items():
            self.stage_combo.addItem(_vocab(name), key)
        row(self.tr("S&tage:"), "stage", self.stage_combo, self.tr("stage"))

        self.email_edit = QLineEdit(editor)
        self.email_edit.setObjectName("emailEdit")
        self.email_edit.setPlaceholderText(self.tr("name@example.org"))
        row(self.tr("E-mail:"), "email", self.email_edit, self.tr("e-mail"))
        self.phone_edit = QLineEdit(editor)
        self.phone_edit.setObjectName("phoneEdit")
        row(self.tr("Phone:"), "phone", self.phone_edit, self.tr("phone"))
        self.url_edit = QLineEdit(editor)
        self.url_edit.setObjectName("urlEdit")
        self.url_edit.setPlaceholderText(self.tr("linkedin.com/in/…"))
        row(self.tr("Profile &URL:"), "url", self.url_edit, self.tr("profile URL"))
        self.how_met_edit = QLineEdit(editor)
        self.how_met_edit.setObjectName("howMetEdit")
        self.how_met_edit.setPlaceholderText(self.tr("Where you met, or who suggested them"))
        row(self.tr("Ho&w met:"), "how_met", self.how_met_edit, self.tr("how met"))

        self.introducer_combo = QComboBox(editor)
        self.introducer_combo.setObjectName("introducedByCombo")
        self._introducer_choices = ChoicesModel(self.introducer_combo)
        self.introducer_combo.setModel(self._introducer_choices)
        self.introducer_combo.setEditable(True)
        self.introducer_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.introducer_combo.setMaxVisibleItems(15)
        self.introducer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.introducer_combo.setMinimumContentsLength(12)
        completer = self.introducer_combo.completer()
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.introducer_combo.lineEdit().setPlaceholderText(self.tr("Type a name…"))
        row(self.tr("Introduced &by:"), "introduced_by", self.introducer_combo,
            self.tr("introduced by"))

        self.cadence_combo = QComboBox(editor)
        self.cadence_combo.setObjectName("cadenceCombo")
        for days, name in vocab.CADENCES.items():
            self.cadence_combo.addItem(_vocab(name), days)
        row(self.tr("Chec&k-in:"), "cadence_days", self.cadence_combo,
            self.tr("check-in cadence"))

        self.last_contact_edit = QLineEdit(editor)
        self.last_contact_edit.setObjectName("lastContactEdit")
        self.last_contact_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.today_button = QPushButton(self.tr("Toda&y"), editor)
        self.today_button.setObjectName("lastContactTodayButton")
        self.today_button.setToolTip(self.tr("You talked to this person today"))
        row(self.tr("Last &contact:"), "last_contact", self.last_contact_edit,
            self.tr("last contact"), extra=self.today_button)

        self.next_checkin_label = QLabel(editor)
        self.next_checkin_label.setObjectName("nextCheckinLabel")
        self.next_checkin_label.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.tr("Next check-in:"), self.next_checkin_label)

        self.tags_edit = QLineEdit(editor)
        self.tags_edit.setObjectName("tagsEdit")
        self.tags_edit.setPlaceholderText(self.tr("Comma-separated, e.g. fintech, mentor"))
        self._tag_names = QStringListModel(self)
        tag_completer = TagsCompleter(self._tag_names, self.tags_edit)
        tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        tag_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tags_edit.setCompleter(tag_completer)
        row(self.tr("Ta&gs:"), "tags", self.tags_edit, self.tr("tags"))

        self.paths_list = QListWidget(editor)
        self.paths_list.setObjectName("pathsList")
        self.paths_list.setAccessibleName(self.tr("Target paths this person can speak to"))
        self.paths_error = error_label(editor)
        self.paths_error.setObjectName("pathsError")
        paths_box = row(self.tr("Paths:"), None, self.paths_list)
        paths_box.layout().addWidget(self.paths_error)

        self.interviews_label = QLabel(editor)
        self.interviews_label.setObjectName("interviewCountLabel")
        form.addRow(self.tr("Interviews:"), self.interviews_label)

        self.introduced_list = QListWidget(editor)
        self.introduced_list.setObjectName("introducedList")
        self.introduced_list.setAccessibleName(self.tr("People this person introduced"))
        self.introduced_list.setToolTip(self.tr("Double-click to go to that person"))
        self.introduced_empty = QLabel(self.tr("Nobody yet"), editor)
        self.introduced_empty.setObjectName("introducedEmpty")
        self.introduced_empty.setEnabled(False)
        intro_box = QWidget(editor)
        intro_col = QVBoxLayout(intro_box)
        intro_col.setContentsMargins(0, 0, 0, 0)
        intro_col.addWidget(self.introduced_list)
        intro_col.addWidget(self.introduced_empty)
        intro_label = QLabel(self.tr("Introduced:"), editor)
        intro_label.setBuddy(self.introduced_list)
        form.addRow(intro_label, intro_box)

        self.notes_edit = QPlainTextEdit(editor)
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(110)
        row(self.tr("Notes:"), "notes", self.notes_edit, self.tr("notes"))

        QWidget.setTabOrder(self.last_contact_edit, self.today_button)
        QWidget.setTabOrder(self.today_button, self.tags_edit)
        return self.detail_stack

    def _connect(self) -> None:
        self.search.textChanged.connect(self._on_search)
        self.stage_filter.currentIndexChanged.connect(
            lambda _i: self._apply_filter(self.model.set_stage, self.stage_filter.currentData()))
        self.level_filter.currentIndexChanged.connect(
            lambda _i: self._apply_filter(self.model.set_level, self.level_filter.currentData()))
        self.path_filter.currentIndexChanged.connect(
            lambda _i: self._apply_filter(self.model.set_path, self.path_filter.currentData()))
        self.tag_filter.currentIndexChanged.connect(
            lambda _i: self._apply_filter(self.model.set_tag, self.tag_filter.currentData()))
        self.due_filter.toggled.connect(
            lambda on: self._apply_filter(self.model.set_due_only, on))
        self.clear_filters_button.clicked.connect(self.clear_filters)

        self.add_button.clicked.connect(self.add_contact)
        self.empty_add_button.clicked.connect(self.add_contact)
        self.delete_button.clicked.connect(self.delete_selected)
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(self.add_contact)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        edit = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        edit.setContext(Qt.ShortcutContext.WidgetShortcut)
        edit.activated.connect(self._focus_editor)

        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.binder.stored.connect(self._on_stored)
        self.today_button.clicked.connect(self._contact_today)
        self.paths_list.itemChanged.connect(self._on_path_toggled)
        self.introduced_list.itemActivated.connect(self._go_to_introduced)

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        own, self._own_edit = self._own_edit, None
        if own is not None and own[1] not in _FULL_RELOAD_FIELDS:
            contact_id, field = own
            row = self._fetched if self._fetched and self._fetched.id == contact_id else None
            if row is None:
                try:
                    row = network.get_contact(contact_id)
                except CareerPivotError:
                    row = None
            if row is not None and self.model.contact(contact_id) is not None:
                self.model.update_row(row)
                if field == "tags":
                    self._fill_tags(network.list_tags())
                if contact_id == self._current_id:
                    self._current_row = row
                    self._show_derived(row)
                self._update_counts()
                return
        self._full_reload()

    def _show_read_error(self, exc: CareerPivotError) -> None:
        """The contacts could not be read: an error page instead of a list that would look
        complete, and the corruption flow when the file is damaged."""
        self.model.set_rows([], clock.today())
        self.count_label.setText("")
        self.error_label.setText(
            self.tr("<h3>Your contacts could not be read</h3><p>{0}</p>").format(exc.message))
        self.list_stack.setCurrentWidget(self.error_page)
        self._show_editor(None)
        if crash.is_corruption(exc):
            crash.show_corruption(exc, self.window())
        else:
            self.ctx.bus.status.emit(exc.message)

    def _full_reload(self) -> None:
        try:
            records = network.contact_records()
            path_choices = network.list_path_choices()
            tags = network.list_tags()
        except CareerPivotError as exc:
            self._show_read_error(exc)
            return
        selected = self.selected_ids()
        scroll = self.table.verticalScrollBar().value()
        with self._keeping_selection(selected, scroll=scroll):
            self.model.set_records(records, clock.today())
        self._fill_paths(path_choices)
        self._fill_tags(tags)
        # the picker offers the contacts just read, in the list's name order
        self._fill_introducers(self.model.choices())
        # the search texts (notes included) are made while idle, not before the list shows
        self.when_idle(self.model.prepare_search)
        self._update_counts()
        if not self._loaded_once and not selected and self.model.rowCount():
            # the first look at the tab shows someone's details, not an empty half
            self._restoring = True
            try:
                self.table.selectRow(0)
            finally:
                self._restoring = False
        self._loaded_once = True
        self._sync_editor(force=True)
        self.add_button.setEnabled(not self._read_only())
        self.empty_add_button.setEnabled(not self._read_only())

    @staticmethod
    def _read_only() -> bool:
        return workspace.is_read_only()

    def _fill_paths(self, choices: Sequence[network.PathChoice]) -> None:
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
        self._path_choices = list(choices)
        self.path_filter.setEnabled(bool(choices))
        if index < 0:
            self._apply_filter(self.model.set_path, None)

    def _fill_tags(self, tags: Sequence[str]) -> None:
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
        self._tag_names.setStringList(list(tags))
        if current is not None and index == 0:
            self._apply_filter(self.model.set_tag, None)

    def _choice_text(self, name: str, organization: str) -> str:
        return f"{name} — {organization}" if organization else name

    def _fill_introducers(self, choices: Sequence[tuple[int, str, str]]) -> None:
        """Offer these (id, name, organization) in the "Introduced by" picker."""
        texts: list[str] = []
        ids: dict[str, int] = {}
        by_id: dict[int, str] = {}
        for contact_id, name, organization in choices:
            text = f"{name} — {organization}" if organization else name
            if text in ids:  # two people with the same name and organization
                text = f"{text} (#{contact_id})"
            texts.append(text)
            ids[text] = contact_id
            by_id[contact_id] = text
        # Texts shown earlier keep resolving (an undo may replay one after a rename); the
        # current texts win where they collide.
        self._introducer_ids = {**self._introducer_ids, **ids}
        self._introducer_text = by_id
        combo = self.introducer_combo
        combo.blockSignals(True)
        try:
            self._introducer_choices.set_items(
                [(self._nobody, None), *((text, ids[text]) for text in texts)])
        finally:
            combo.blockSignals(False)

    def _exclude_from_introducers(self, contact_id: int | None) -> None:
        """The contact shown cannot have introduced themselves: hide them from the picker."""
        combo = self.introducer_combo
        combo.blockSignals(True)
        try:
            self._introducer_choices.hide_value(contact_id)
        finally:
            combo.blockSignals(False)

    # --- selection and the detail editor --------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.contact_id(r) for r in rows]
        return [i for i in ids if i is not None]

    @contextlib.contextmanager
    def _keeping_selection(self, ids: Sequence[int] | None = None, *,
                           scroll: int | None = None) -> Iterator[None]:
        """Run a model reset (reload, filter) and select the same contacts again."""
        selection_model = self.table.selectionModel()
        wanted = list(self.selected_ids() if ids is None else ids)
        current = selection_model.currentIndex()
        current_id = self.model.contact_id(current.row()) if current.isValid() else None
        self._restoring = True
        try:
            yield
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
                    self.model.index(current_row, max(current.column(), 0)),
                    QItemSelectionModel.SelectionFlag.NoUpdate)
            if scroll is not None:
                self.table.doItemsLayout()  # after a reset the scroll range is not known yet
                self.table.verticalScrollBar().setValue(scroll)
            elif current_row >= 0:
                self.table.scrollTo(self.model.index(current_row, 0))
        finally:
            self._restoring = False

    def _on_selection_changed(self, *_args: object) -> None:
        if not self._restoring:
            self._sync_editor()

    def _sync_editor(self, force: bool = False) -> None:
        ids = self.selected_ids()
        self.delete_button.setEnabled(bool(ids) and not self._read_only())
        contact_id = ids[0] if len(ids) == 1 else None
        if contact_id is not None and contact_id == self._current_id and not force:
            return
        if len(ids) > 1:
            self.binder.flush()
            self._show_editor(None, self.tr("%n contacts selected.", "", len(ids)))
            return
        self._show_editor(contact_id)

    def _show_editor(self, contact_id: int | None, message: str = "") -> None:
        row = self.model.contact(contact_id) if contact_id is not None else None
        if row is None:
            self.binder.load(None, {})
            self._current_id, self._current_row = None, None
            self._exclude_from_introducers(None)
            if not message:
                message = (self.tr("Select a contact to see and edit the details.")
                           if self.model.total_count() else "")
            self.detail_placeholder.setText(message)
            self.detail_stack.setCurrentIndex(0)
            return
        if contact_id != self._current_id:
            self.binder.flush()
        self._current_id, self._current_row = row.id, row
        self._exclude_from_introducers(row.id)
        self.binder.load(row.id, self._values_of(row))
        self._show_derived(row)
        self.detail_stack.setCurrentIndex(1)

    def _values_of(self, row: ContactRow) -> dict[str, Any]:
        introducer = ""
        if row.introduced_by_id is not None:
            introducer = self._introducer_text.get(row.introduced_by_id, "")
            if not introducer:  # an archived introducer is not offered, but still shown
                introducer = row.introduced_by_name
                self._introducer_ids.setdefault(introducer, row.introduced_by_id)
        return {
            "name": row.name, "organization": row.organization, "role": row.role,
            "level": row.level, "stage": row.stage, "email": row.email, "phone": row.phone,
            "url": row.url, "how_met": row.how_met,
            "introduced_by": introducer or self._nobody,
            "cadence_days": self._cadence_item(row.cadence_days),
            "last_contact": row.last_contact.isoformat() if row.last_contact else "",
            "tags": ", ".join(row.tags), "notes": row.notes,
        }

    def _cadence_item(self, days: int) -> int:
        """Make sure the cadence combo offers ``days`` (a value written by an older version
        or an import may not be one of the usual intervals)."""
        if self.cadence_combo.findData(days) < 0:
            text = self.tr("Every %n day(s)", "", days)
            self.cadence_combo.addItem(text, days)
        return days

    def _editor_values(self, contact_id: int) -> dict[str, Any]:
        """FormBinder's reload: the stored, cleaned values after a save."""
        row = network.get_contact(contact_id)
        self._fetched = row
        return self._values_of(row)

    def _show_derived(self, row: ContactRow) -> None:
        """The parts of the editor that are not edited directly."""
        self.next_checkin_label.setText(self._checkin_text(row))
        count = row.interview_count
        if count == 0:
            self.interviews_label.setText(self.tr("None yet"))
        elif count == 1:
            self.interviews_label.setText(self.tr("%n interview", "", count))
        else:
            self.interviews_label.setText(self.tr("%n interviews", "", count))
        self._show_paths(row)
        self.paths_error.hide()
        self.introduced_list.clear()
        for other_id, name, organization in self.model.introduced_by(row.id):
            item = QListWidgetItem(self._choice_text(name, organization), self.introduced_list)
            item.setData(Qt.ItemDataRole.UserRole, other_id)
        has_introduced = self.introduced_list.count() > 0
        if has_introduced:
            shown = min(self.introduced_list.count(), 4)
            self.introduced_list.setFixedHeight(
                shown * max(self.introduced_list.sizeHintForRow(0), 1)
                + 2 * self.introduced_list.frameWidth() + 6)
        self.introduced_list.setVisible(has_introduced)
        self.introduced_empty.setVisible(not has_introduced)
        others = self.model.same_name(row.id)
        if others:
            names = ", ".join(self._choice_text(name, org) for _id, name, org in others[:3])
            self.duplicate_note.setText(self.tr("Also in your network: {0}").format(names))
        self.duplicate_note.setVisible(bool(others))

    def _show_paths(self, row: ContactRow) -> None:
        self.paths_list.blockSignals(True)
        try:
            listed = [self.paths_list.item(i).data(Qt.ItemDataRole.UserRole)
                      for i in range(self.paths_list.count())]
            if listed and listed == [c.id for c in self._path_choices]:
                # the same paths: only the checks change (this may run inside the list's own
                # itemChanged signal, so its items must not be deleted here)
                for i, choice in enumerate(self._path_choices):
                    self.paths_list.item(i).setCheckState(
                        Qt.CheckState.Checked if choice.id in row.path_ids
                        else Qt.CheckState.Unchecked)
                return
            self.paths_list.clear()
            for choice in self._path_choices:
                item = QListWidgetItem(choice.title, self.paths_list)
                item.setData(Qt.ItemDataRole.UserRole, choice.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Checked if choice.id in row.path_ids
                                   else Qt.CheckState.Unchecked)
            if not self.paths_list.count():
                item = QListWidgetItem(self.tr("No target paths yet (add them in the Paths "
                                               "tab)"), self.paths_list)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            # as tall as its items (up to five), not a fixed box with empty space
            shown = min(max(self.paths_list.count(), 1), 5)
            self.paths_list.setFixedHeight(shown * max(self.paths_list.sizeHintForRow(0), 1)
                                           + 2 * self.paths_list.frameWidth() + 6)
        finally:
            self.paths_list.blockSignals(False)

    def _checkin_text(self, row: ContactRow) -> str:
        today = clock.today()
        state = checkins.status(row.last_contact, row.cadence_days, today)
        if state == checkins.NONE:
            return self.tr("No periodic check-in")
        if row.next_checkin is None:
            return self.tr("<b>Now</b> — you have not talked yet")
        date = row.next_checkin.isoformat()
        if state == checkins.OVERDUE:
            late = checkins.days_overdue(row.next_checkin, today)
            text = self.tr("<b style='color:{0}'>{1} — overdue by %n day(s)</b>", "", late)
            return text.format(cm.OVERDUE_COLOR.name(), date)
        if state == checkins.DUE:
            return self.tr("<b>{0} — today</b>").format(date)
        days = (row.next_checkin - today).days
        text = self.tr("{0} — in %n day(s)", "", days)
        return text.format(date)

    def _go_to_introduced(self, item: QListWidgetItem) -> None:
        contact_id = int(item.data(Qt.ItemDataRole.UserRole))
        # after the signal: selecting the person rebuilds this list and deletes the item
        QTimer.singleShot(0, lambda: self.show_item("contact", contact_id))

    def _focus_editor(self) -> None:
        if self._current_id is not None:
            self.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- storing --------------------------------------------------------------------------
    def _save(self, contact_id: int, field: str, value: Any) -> None:
        if field == "introduced_by":
            value = self._introducer_id(value)
        network.update_contact(contact_id, field, value)

    def _introducer_id(self, value: Any) -> int | None:
        text = "" if value is None else str(value).strip()
        if not text or text == self._nobody:
            return None
        if text in self._introducer_ids:
            return self._introducer_ids[text]
        matches = [i for t, i in self._introducer_ids.items()
                   if name_key(t) == name_key(text) and i in self._introducer_text]
        if len(matches) == 1:
            return matches[0]
        raise ValidationError("introduced_by", self.tr(
            "Choose a person from the list, or “— nobody —”."))

    def _on_stored(self, field: str) -> None:
        if self.binder.row_id is not None and self.isVisible():
            self._own_edit = (self.binder.row_id, field)

    def _contact_today(self) -> None:
        if self._current_id is None:
            return
        self.last_contact_edit.setText(clock.today().isoformat())
        self.binder.fields["last_contact"].commit()

    def _on_path_toggled(self, _item: QListWidgetItem) -> None:
        contact_id, row = self._current_id, self._current_row
        if contact_id is None or row is None:
            return
        old = list(row.path_ids)
        new = []
        for i in range(self.paths_list.count()):
            item = self.paths_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                new.append(int(item.data(Qt.ItemDataRole.UserRole)))
        try:
            network.set_paths(contact_id, new)
        except CareerPivotError as exc:
            self.paths_error.setText(exc.message)
            self.paths_error.show()
            return
        self.paths_error.hide()
        push_change(self.ctx, self.tr("edit of paths"), Area.CONTACTS,
                    lambda: network.set_paths(contact_id, old),
                    lambda: network.set_paths(contact_id, new))
        self._fetched = None
        self._own_edit = (contact_id, "paths")
        self.ctx.bus.changed.emit(Area.CONTACTS)

    # --- filters --------------------------------------------------------------------------
    def _on_search(self, text: str) -> None:
        self._apply_filter(self.model.set_search, text)

    def _apply_filter(self, setter: Any, value: Any) -> None:
        with self._keeping_selection():
            setter(value)
        self._update_counts()
        self._sync_editor()

    def clear_filters(self) -> None:
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
        self._apply_filter(lambda _v: self.model.clear_filters(), None)

    def _update_counts(self) -> None:
        total, shown = self.model.total_count(), self.model.rowCount()
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
        self.due_filter.setText(self.tr("Check-ins due ({0})").format(self.model.due_count()))
        for widget in (self.search, self.stage_filter, self.level_filter, self.due_filter):
            widget.setEnabled(total > 0)
        # with nobody to edit, the empty state gets the whole width
        self.detail_stack.setVisible(total > 0)
        if total == 0:
            self.path_filter.setEnabled(False)
            self.tag_filter.setEnabled(False)

    # --- adding and deleting --------------------------------------------------------------
    def add_contact(self) -> None:
        if self._read_only():
            return
        self.binder.flush()
        initial = ""
        if self.search.text().strip() and self.model.rowCount() == 0:
            initial = self.search.text().strip()
        values = AddContactDialog.ask(self, initial_name=initial)
        if values is None:
            return
        try:
            contact_id = network.create_contact(**values)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Add Contact"), exc.message)
            return
        push_add(self.ctx, self.tr("add contact"), Area.CONTACTS,
                 lambda: network.delete_contacts([contact_id]))
        self.ctx.bus.changed.emit(Area.CONTACTS)
        if not self.isVisible():
            self.reload_now()
        self.show_item("contact", contact_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self._read_only():
            return
        try:
            impact = network.delete_impact(ids)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Contacts"), exc.message)
            return
        names = [r.name for r in (self.model.contact(i) for i in ids) if r is not None]
        if not ConfirmDeleteContacts.ask(self, names, impact):
            return
        self.binder.flush()
        first_row = min(self.model.row_of(i) for i in ids)
        try:
            snapshot = network.delete_contacts(ids)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Contacts"), exc.message)
            return
        text = (self.tr("delete of {0}").format(names[0]) if len(names) == 1
                else self.tr("delete of %n contacts", "", len(ids)))
        push_delete(self.ctx, text, Area.CONTACTS, snapshot,
                    lambda: network.delete_contacts(ids))
        self.ctx.bus.changed.emit(Area.CONTACTS)
        if impact.interviews:
            self.ctx.bus.changed.emit(Area.INTERVIEWS)
        # select the row that took the place of the first deleted one
        if self.model.rowCount():
            row = min(max(first_row, 0), self.model.rowCount() - 1)
            self.table.selectRow(row)
        self.ctx.bus.status.emit(self.tr("Deleted %n contact(s).", "", len(ids)))

    # --- TabBase --------------------------------------------------------------------------
    def show_item(self, kind: str, item_id: int) -> bool:
        if kind != "contact":
            return False
        if self._stale or self.model.contact(item_id) is None:
            self.reload_now()
        if self.model.contact(item_id) is None:
            return False
        if self.model.row_of(item_id) < 0:
            self.clear_filters()
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush_edits(self) -> bool:
        return self.binder.flush()

    def save_state(self, settings: Settings) -> None:
        settings.set_window_state("networkSplitter", self.splitter.saveState())
        settings.set_window_state("networkTable", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: Settings) -> None:
        splitter = settings.window_state("networkSplitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header_state = settings.window_state("networkTable")
        header = self.table.horizontalHeader()
        if header_state is not None and header.restoreState(header_state):
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
