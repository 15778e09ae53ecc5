"""The Selected work section of the Summary tab: the portfolio items (achievements and
experiments, each ticked to be on the page), new items from an experiment, and the editor of
the selected item, whose fields its form binder stores as they are typed. With no item yet,
what belongs here and the button that adds the first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import summary as service
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.tabs.summary.common import run_service, small_button
from careerpivot.ui.tabs.summary.skills_page import LIST_HEIGHT
from careerpivot.ui.undo import push_change, push_delete
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.forms import FormBinder, error_label


class PortfolioPage(QGroupBox):
    """The portfolio items (:meth:`load`) and the editor of the selected one. Adding, deleting,
    moving or (un)ticking an item announces :attr:`Area.SUMMARY` on the bus; an edit of the
    selected item is stored by :attr:`item_binder` and emits :attr:`edited`."""

    #: The selected item's fields were stored (the preview should follow).
    edited = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._portfolio_id: int | None = None
        self.item_binder = FormBinder(ctx, service.save_portfolio_field, area=Area.SUMMARY,
                                      what="portfolio item", parent=self,
                                      reload=service.portfolio_values)
        self._build()
        self.item_binder.stored.connect(lambda _f: self._after_item_stored())

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.setTitle(self.tr("Selected work"))
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("Past achievements told in the language of the new field, and "
                              "experiments with their results. Untick an item to leave it off "
                              "the page."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        row = QHBoxLayout()
        self.portfolio_list = QListWidget()
        self.portfolio_list.setObjectName("portfolioList")
        self.portfolio_list.setAccessibleName(self.tr("Selected work"))
        self.portfolio_list.setMaximumHeight(LIST_HEIGHT)
        # long titles end in "…" (the whole title and its result are in the tooltip) rather
        # than scroll sideways
        self.portfolio_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.portfolio_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.portfolio_stack = QStackedWidget()
        self.portfolio_stack.setObjectName("portfolioStack")
        self.portfolio_stack.setMaximumHeight(LIST_HEIGHT)
        self.portfolio_stack.addWidget(self.portfolio_list)
        self.portfolio_empty = EmptyState(
            self, name="portfolioEmpty", compact=True, title=self.tr("No work on the page yet"),
            text=self.tr("Add a past achievement told in the new field's terms, or an "
                         "experiment and what it showed."),
            action=self.tr("Add Achievement"))
        self.portfolio_empty.actionTriggered.connect(self._add_item)
        self.portfolio_stack.addWidget(self.portfolio_empty)
        row.addWidget(self.portfolio_stack, 1)
        buttons = QVBoxLayout()
        self.work_add = small_button(self.tr("New &Item"), "portfolioAddButton",
                                     self._add_item)
        # a push button with a menu keeps room for its arrow (a tool button draws it over
        # the text)
        self.work_from_experiment = QPushButton(self.tr("From E&xperiment"))
        self.work_from_experiment.setObjectName("portfolioFromExperimentButton")
        self.work_from_experiment.setAutoDefault(False)
        self.experiment_menu = QMenu(self.work_from_experiment)
        self.experiment_menu.aboutToShow.connect(self._fill_experiment_menu)
        self.work_from_experiment.setMenu(self.experiment_menu)
        self.work_up = small_button(self.tr("Move Up"), "portfolioUpButton",
                                    lambda: self._move_item(-1))
        self.work_down = small_button(self.tr("Move Down"), "portfolioDownButton",
                                      lambda: self._move_item(1))
        self.work_remove = small_button(self.tr("Delete"), "portfolioDeleteButton",
                                        self._delete_item)
        for b in (self.work_add, self.work_from_experiment, self.work_up, self.work_down,
                  self.work_remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row.addLayout(buttons)
        lay.addLayout(row)

        editor = QWidget()
        editor.setObjectName("portfolioEditor")
        form = QFormLayout(editor)
        form.setContentsMargins(0, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.item_edits: dict[str, QWidget] = {}
        for field, text, placeholder in (
            ("title", self.tr("&Title"),
             self.tr("e.g. Rolled out a scheduling tool at six sites")),
            ("result", self.tr("Res&ult"),
             self.tr("One line: what it achieved, in the new field's terms")),
            ("url", self.tr("Lin&k"), self.tr("Optional: a page that shows the work")),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            self.item_edits[field] = edit
            self._bind_item(form, field, edit, text)
        kind = QComboBox()
        for key, name in service.PORTFOLIO_KINDS.items():
            kind.addItem(self.tr(name), key)
        self.item_edits["kind"] = kind
        self._bind_item(form, "kind", kind, self.tr("&Kind"))
        learning = QComboBox()
        self.item_edits["learning"] = learning
        self._bind_item(form, "learning", learning, self.tr("E&xperiment"))
        self.portfolio_editor = editor
        lay.addWidget(editor)
        self._show_state()

        self.portfolio_list.currentItemChanged.connect(self._item_selected)
        self.portfolio_list.itemChanged.connect(self._item_check_changed)

    def _bind_item(self, form: QFormLayout, field: str, editor: QWidget, text: str) -> None:
        error = error_label()
        self.item_binder.bind(field, editor, error, title=text.replace("&", ""))
        editor.setObjectName(f"portfolio_{field}Edit")
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(editor)
        lay.addWidget(error)
        form.addRow(text, holder)
        form.labelForField(holder).setBuddy(editor)

    # --- data -----------------------------------------------------------------------------
    def load(self, items: list, experiments: list) -> None:
        learning = self.item_edits["learning"]
        with QSignalBlocker(learning):
            learning.clear()
            learning.addItem(self.tr("(none)"), None)
            for e in experiments:
                learning.addItem(e.title, e.learning_id)
        keep = self._portfolio_id
        with QSignalBlocker(self.portfolio_list):
            self.portfolio_list.clear()
            selected = None
            for row in items:
                item = QListWidgetItem(self._item_text(row))
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if row.included
                                   else Qt.CheckState.Unchecked)
                item.setToolTip(self._item_tip(row))
                self.portfolio_list.addItem(item)
                if row.id == keep:
                    selected = item
            if selected is None and self.portfolio_list.count():
                selected = self.portfolio_list.item(0)
            if selected is not None:
                self.portfolio_list.setCurrentItem(selected)
        self._show_item(selected.data(Qt.ItemDataRole.UserRole) if selected else None)
        self._show_state()

    def _show_state(self) -> None:
        """The list and the selected item's editor, or (with no item) the empty state; the
        buttons that act on an item only where there is one."""
        has_items = self.portfolio_list.count() > 0
        self.portfolio_stack.setCurrentWidget(self.portfolio_list if has_items
                                              else self.portfolio_empty)
        for widget in (self.work_up, self.work_down, self.work_remove, self.portfolio_editor):
            widget.setVisible(has_items)

    @staticmethod
    def _item_tip(row: service.PortfolioRow) -> str:
        return "\n".join(t for t in (row.title, row.result) if t)

    def _item_text(self, row: service.PortfolioRow) -> str:
        if row.kind == "experiment":
            return self.tr("Experiment: {0}").format(row.title)
        return row.title

    # --- portfolio ----------------------------------------------------------------------------
    def _current_item_id(self) -> int | None:
        item = self.portfolio_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _item_selected(self, current: QListWidgetItem | None, _previous=None) -> None:
        self._show_item(current.data(Qt.ItemDataRole.UserRole) if current else None)

    def _show_item(self, item_id: int | None) -> None:
        self._portfolio_id = item_id
        values: dict[str, Any] = {}
        if item_id is not None:
            try:
                values = service.portfolio_values(item_id)
            except CareerPivotError:
                item_id = None
        if item_id is None or self.item_binder.row_id != item_id or not any(
                b.pending for b in self.item_binder.fields.values()):
            self.item_binder.load(item_id, values)
        count = self.portfolio_list.count()
        row = self.portfolio_list.currentRow()
        self.work_up.setEnabled(item_id is not None and row > 0)
        self.work_down.setEnabled(item_id is not None and 0 <= row < count - 1)
        self.work_remove.setEnabled(item_id is not None)

    def _after_item_stored(self) -> None:
        item = self.portfolio_list.currentItem()
        if item is not None and self._portfolio_id is not None:
            try:
                row = service.get_portfolio_item(self._portfolio_id)
            except CareerPivotError:
                return
            with QSignalBlocker(self.portfolio_list):
                item.setText(self._item_text(row))
                item.setToolTip(self._item_tip(row))
        self.edited.emit()

    def _item_check_changed(self, item: QListWidgetItem) -> None:
        item_id = item.data(Qt.ItemDataRole.UserRole)
        included = item.checkState() == Qt.CheckState.Checked
        if not run_service(self.ctx, service.update_portfolio_item, item_id, "included",
                           included)[0]:
            return
        push_change(self.ctx, self.tr("include work item"), Area.SUMMARY,
                    lambda: service.update_portfolio_item(item_id, "included", not included),
                    lambda: service.update_portfolio_item(item_id, "included", included))
        self.ctx.bus.changed.emit(Area.SUMMARY)

    def _add_item(self) -> None:
        self.item_binder.flush()
        ok, item_id = run_service(self.ctx, service.add_portfolio_item,
                                  self.tr("New achievement"))
        if ok:
            self._after_add(item_id)

    def _after_add(self, item_id: int) -> None:
        def undo() -> None:
            holder["snap"] = service.delete_portfolio_item(holder["id"])

        def redo() -> None:
            from careerpivot.services import workspace

            workspace.restore_snapshot(holder["snap"])

        holder: dict[str, Any] = {"id": item_id}
        push_change(self.ctx, self.tr("add work item"), Area.SUMMARY, undo, redo)
        self._portfolio_id = item_id
        self.ctx.bus.changed.emit(Area.SUMMARY)
        title = self.item_edits["title"]
        title.setFocus()
        title.selectAll()  # type: ignore[attr-defined]

    def _fill_experiment_menu(self) -> None:
        self.experiment_menu.clear()
        try:
            experiments = service.experiment_choices()
            used = {r.learning_id for r in service.portfolio_items() if r.learning_id}
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        if not experiments:
            self.experiment_menu.addAction(
                self.tr("No experiments yet: add them in the Development tab")).setEnabled(False)
            return
        for e in experiments:
            action = self.experiment_menu.addAction(e.title)
            action.setEnabled(e.learning_id not in used)
            action.triggered.connect(lambda _=False, lid=e.learning_id: self._add_experiment(lid))

    def _add_experiment(self, learning_id: int) -> None:
        ok, item_id = run_service(self.ctx, service.add_experiment, learning_id)
        if ok:
            self._after_add(item_id)

    def _delete_item(self) -> None:
        item_id = self._current_item_id()
        if item_id is None:
            return
        self.item_binder.flush()
        ok, snap = run_service(self.ctx, service.delete_portfolio_item, item_id)
        if not ok:
            return
        push_delete(self.ctx, self.tr("delete work item"), Area.SUMMARY, snap,
                    lambda: service.delete_portfolio_item(item_id))
        self._portfolio_id = None
        self.ctx.bus.changed.emit(Area.SUMMARY)

    def _move_item(self, delta: int) -> None:
        item_id = self._current_item_id()
        if item_id is None or not run_service(self.ctx, service.move_portfolio_item, item_id,
                                              delta)[1]:
            return
        push_change(self.ctx, self.tr("reorder work"), Area.SUMMARY,
                    lambda: service.move_portfolio_item(item_id, -delta),
                    lambda: service.move_portfolio_item(item_id, delta))
        self.ctx.bus.changed.emit(Area.SUMMARY)
