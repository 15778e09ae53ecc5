"""The Network tab itself: it lays out its pages (the filter bar, the contact list, the
editor), loads their data, keeps the list's selection and the editor in step, and answers the
main window's hooks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from careerpivot.core import clock
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import merge, network, workspace
from careerpivot.settings import Settings
from careerpivot.ui import crash
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.contact_add import AddContactDialog
from careerpivot.ui.dialogs.contact_delete import ConfirmDeleteContacts
from careerpivot.ui.dialogs.contact_merge import ChooseContactToKeep
from careerpivot.ui.itemmodels import contacts as cm
from careerpivot.ui.tabs.base import TabBase
from careerpivot.ui.tabs.network import contact_list as cl
from careerpivot.ui.tabs.network.contact_editor import ContactEditor
from careerpivot.ui.tabs.network.contact_list import ContactFilters, ContactListPane
from careerpivot.ui.undo import ServiceCommand, push_add, push_delete
from careerpivot.ui.widgets.spacing import tab_margins

#: Fields whose change shows in other rows (the "Introduced by" column, the pickers): after
#: storing one of them the whole list is read again instead of one row.
_FULL_RELOAD_FIELDS = frozenset({"name", "organization", "introduced_by"})

#: The widgets of each page the tab keeps a reference to, by the same names (as before the
#: tab was split into pages: tests and tools reach them on the tab).
_PAGE_ATTRIBUTES = {
    ContactFilters: ("search", "stage_filter", "level_filter", "path_filter", "tag_filter",
                     "due_filter"),
    ContactListPane: ("add_button", "delete_button", "merge_button", "count_label",
                      "list_stack", "table", "empty_add_button", "no_match_label",
                      "clear_filters_button", "error_page", "error_label"),
    ContactEditor: ("detail_placeholder", "binder", "name_edit", "duplicate_note",
                    "organization_edit", "role_edit", "level_combo", "stage_combo",
                    "email_edit", "phone_edit", "url_edit", "how_met_edit",
                    "introducer_combo", "cadence_combo", "last_contact_edit", "today_button",
                    "next_checkin_label", "tags_edit", "paths_list", "paths_error",
                    "interviews_label", "introduced_list", "introduced_empty", "notes_edit"),
}


class NetworkTab(TabBase):
    areas = frozenset({Area.CONTACTS, Area.PATHS, Area.INTERVIEWS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = cm.ContactsModel(self)
        self._own_edit: tuple[int, str] | None = None
        self._loaded_once = False
        # while a list is read: whether it is a full reload (the scroll position and the
        # editor are kept) and what to select once it shows
        self._full = False
        self._kept: tuple | None = None
        self._scroll: int | None = None
        self._show_id: int | None = None
        self._select_row: int | None = None
        self._build()
        self._connect()
        self.editor.show_contact(None)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = tab_margins(QVBoxLayout(self))
        self.filters = ContactFilters(self)
        layout.addWidget(self.filters)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("networkSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.contacts = ContactListPane(self.model, self)
        self.splitter.addWidget(self.contacts)
        self.editor = self.detail_stack = ContactEditor(self.ctx, self.model, self)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 400])
        layout.addWidget(self.splitter, 1)
        for page in (self.filters, self.contacts, self.editor):
            for name in _PAGE_ATTRIBUTES[type(page)]:
                setattr(self, name, getattr(page, name))

    def _connect(self) -> None:
        self._filter_setters: dict[str, Callable[[Any], None]] = {
            cl.SEARCH: self.model.set_search, cl.STAGE: self.model.set_stage,
            cl.LEVEL: self.model.set_level, cl.PATH: self.model.set_path,
            cl.TAG: self.model.set_tag, cl.DUE: self.model.set_due_only}
        self.filters.filterChanged.connect(
            lambda kind, value: self._apply_filter(self._filter_setters[kind], value))
        self.contacts.clearFiltersRequested.connect(self.clear_filters)
        self.contacts.addRequested.connect(self.add_contact)
        self.contacts.deleteRequested.connect(self.delete_selected)
        self.contacts.mergeRequested.connect(self.merge_selected)
        self.contacts.editRequested.connect(self.editor.focus_name)
        self.contacts.selectionChanged.connect(self._sync_editor)
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(self.add_contact)

        self.binder.stored.connect(self._on_stored)
        self.editor.pathsStored.connect(self._on_paths_stored)
        self.editor.contactOpened.connect(lambda i: self.show_item("contact", i))
        self.model.listAboutToChange.connect(self._list_about_to_change)
        self.model.listed.connect(self._list_shown)
        self.model.listFailed.connect(self._list_failed)

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        own, self._own_edit = self._own_edit, None
        if own is not None and own[1] not in _FULL_RELOAD_FIELDS:
            contact_id, field = own
            fetched = self.editor.fetched
            row = fetched if fetched and fetched.id == contact_id else None
            if row is None:
                try:
                    row = network.get_contact(contact_id)
                except CareerPivotError:
                    row = None
            if row is not None and self.model.contact(contact_id) is not None:
                self.model.update_row(row)
                if field == "tags":
                    self._fill_tags(network.list_tags())
                self.editor.refresh(row)
                self._update_counts()
                return
        self._full_reload()

    def _show_read_error(self, exc: CareerPivotError) -> None:
        """The contacts could not be read: an error page instead of a list that would look
        complete, and the corruption flow when the file is damaged."""
        self.model.clear()
        self.contacts.show_read_error(exc.message)
        self.editor.show_contact(None)
        if crash.is_corruption(exc):
            crash.show_corruption(exc, self.window())
        else:
            self.ctx.bus.status.emit(exc.message)

    def _full_reload(self) -> None:
        """Read the choices at once (a few rows) and the list off the GUI thread: it shows in
        :meth:`_list_shown`, with the selection and the scroll position kept."""
        try:
            path_choices = network.list_path_choices()
            tags = network.list_tags()
        except CareerPivotError as exc:
            self._show_read_error(exc)
            return
        self.editor.set_path_choices(path_choices)
        self.filters.fill_paths(path_choices)
        self._fill_tags(tags)
        self._full = True
        self.model.reload(clock.today(), with_choices=True)

    def _list_about_to_change(self) -> None:
        self._kept = self.contacts.selection_state()
        self._scroll = self.table.verticalScrollBar().value() if self._full else None
        self.contacts.restoring = True

    def _list_shown(self) -> None:
        """A list asked for shows: select what was selected (or what was asked for), count,
        and bring the editor in step."""
        full, self._full = self._full, False
        if self._kept is not None:
            self.contacts.restore_selection(self._kept, scroll=self._scroll)
        self._kept = self._scroll = None
        self.contacts.restoring = False
        choices = self.model.choices()
        if choices is not None:
            # the picker offers the contacts just read, in the list's name order
            self.editor.fill_introducers(choices)
        if full:
            self.contacts.column_fit.fit_contents()
        self._update_counts()
        if full and not self._loaded_once and not self.selected_ids() \
                and self.model.rowCount() and self._show_id is None:
            # the first look at the tab shows someone's details, not an empty half
            self.contacts.select_first_quietly()
        if full:
            self._loaded_once = True
            self.contacts.set_read_only(self._read_only())
        if self._show_id is not None and not self.model.busy:
            contact_id, self._show_id = self._show_id, None
            row = self.model.row_of(contact_id)
            if row < 0 and self.model.filters_active():
                self._show_id = contact_id  # filtered out: without the filters
                self.clear_filters()
                return
            if row >= 0:
                self.contacts.select_contact_row(row)
        elif self._select_row is not None and not self.model.busy:
            row, self._select_row = self._select_row, None
            if self.model.rowCount():
                self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        self._sync_editor(force=full)

    def _list_failed(self, exc: BaseException) -> None:
        self._full = False
        self.contacts.restoring = False
        if isinstance(exc, CareerPivotError):
            self._show_read_error(exc)
        else:  # a fault of the program: the crash report says so
            crash.report(type(exc), exc, exc.__traceback__)

    @staticmethod
    def _read_only() -> bool:
        return workspace.is_read_only()

    def _fill_tags(self, tags: Sequence[str]) -> None:
        self.editor.set_tag_names(tags)
        self.filters.fill_tags(tags)

    # --- selection and the detail editor --------------------------------------------------
    def selected_ids(self) -> list[int]:
        return self.contacts.selected_ids()

    def _sync_editor(self, force: bool = False) -> None:
        ids = self.selected_ids()
        self.delete_button.setEnabled(bool(ids) and not self._read_only())
        self.merge_button.setEnabled(len(ids) > 1 and not self._read_only())
        contact_id = ids[0] if len(ids) == 1 else None
        if contact_id is not None and contact_id == self.editor.contact_id and not force:
            return
        if len(ids) > 1:
            self.binder.flush()
            self.editor.show_contact(None, self.tr("%n contacts selected.", "", len(ids)))
            return
        self.editor.show_contact(contact_id)

    # --- storing --------------------------------------------------------------------------
    def _on_stored(self, field: str) -> None:
        if self.binder.row_id is not None and self.isVisible():
            self._own_edit = (self.binder.row_id, field)

    def _on_paths_stored(self, contact_id: int) -> None:
        self._own_edit = (contact_id, "paths")
        self.ctx.bus.changed.emit(Area.CONTACTS)

    # --- filters --------------------------------------------------------------------------
    def _apply_filter(self, setter: Callable[[Any], None], value: Any) -> None:
        """Filter the list (it shows in :meth:`_list_shown`, with the selection kept)."""
        setter(value)

    def clear_filters(self) -> None:
        self.filters.reset()
        self._apply_filter(lambda _v: self.model.clear_filters(), None)

    def _update_counts(self) -> None:
        total, shown = self.model.total_count(), self.model.rowCount()
        self.contacts.update_state(total, shown)
        self.filters.update_state(total, self.model.due_count())
        # with nobody to edit, the empty state gets the whole width
        self.editor.setVisible(total > 0)
        if total == 0:
            self.filters.disable_choices()

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
        # select the row that takes the place of the first deleted one, once listed
        self._select_row = first_row
        if not self.model.busy:
            self._list_shown()
        self.ctx.bus.status.emit(self.tr("Deleted %n contact(s).", "", len(ids)))

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2 or self._read_only():
            return
        rows = [r for r in (self.model.contact(i) for i in ids) if r is not None]
        keep = ChooseContactToKeep.ask(self, rows)
        if keep is None:
            return
        self.binder.flush()
        others = [i for i in ids if i != keep]
        try:
            record = merge.merge_contacts(keep, others)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Merge Contacts"), exc.message)
            return
        holder = {"record": record}

        def again() -> None:
            holder["record"] = merge.merge_contacts(keep, others)

        name = next(r.name for r in rows if r.id == keep)
        self.ctx.undo.push(ServiceCommand(
            self.ctx, self.tr("merge into {0}").format(name), Area.CONTACTS,
            lambda: merge.unmerge(holder["record"]), again))
        self.ctx.bus.changed.emit(Area.CONTACTS)
        self.ctx.bus.changed.emit(Area.INTERVIEWS)
        self.show_item("contact", keep)
        self.ctx.bus.status.emit(self.tr("Merged %n contact(s) into {0}.", "",
                                         len(others)).format(name))

    # --- TabBase --------------------------------------------------------------------------
    def show_item(self, kind: str, item_id: int) -> bool:
        if kind != "contact":
            return False
        if self.model.contact(item_id) is None:
            return False
        row = self.model.row_of(item_id)
        if row >= 0 and not self._stale and not self.model.busy:
            self.contacts.select_contact_row(row)
            return True
        # selected once the list that holds it shows
        self._show_id = item_id
        if self._stale:
            self.reload_now()
        elif not self.model.busy:
            if self.model.filters_active():
                self.clear_filters()
            else:
                self.reload_now()
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush_edits(self) -> bool:
        return self.binder.flush()

    def save_state(self, settings: Settings) -> None:
        settings.set_window_state("networkSplitter", self.splitter.saveState())
        settings.set_window_state("network/columns", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: Settings) -> None:
        splitter = settings.window_state("networkSplitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        # (the columns under a name of their own since they fit the list: a layout kept by an
        # earlier version, with every column shown, is not put back)
        header_state = settings.window_state("network/columns")
        header = self.table.horizontalHeader()
        if header_state is not None and header.restoreState(header_state):
            self.contacts.column_fit.restored()
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
