"""The Assumptions page of the Paths tab: what the user believes about the path shown, with
each belief's derived status, and below it the evidence the conversations gave for the selected
one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import paths
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import evidence_text
from careerpivot.ui.itemmodels import assumptions as am
from careerpivot.ui.tabs.paths.common import fit_wrapped_rows, make_table, shortcut
from careerpivot.ui.undo import push_add, push_change, push_delete
from careerpivot.ui.widgets.column_fit import ColumnFit
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.form_parts import heading, hint


class AssumptionsPage(QWidget):
    """The assumptions of one path (:meth:`show_path`) and the evidence for the selected one.

    Adding, changing or deleting an assumption announces the change on the bus: the tab reads
    the path again."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._path: paths.PathRow | None = None
        # Wrapped rows are sized to their text again once column widths settle.
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(0)
        self._rows_timer.timeout.connect(self._fit_rows)
        self._build()

    # --- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        tools = QHBoxLayout()
        self.add_assumption_button = QPushButton(self.tr("New Assumption…"))
        self.add_assumption_button.setObjectName("addAssumptionButton")
        self.add_assumption_button.setToolTip(self.tr("Write down something you believe about "
                                                      "this path (Insert)"))
        self.add_assumption_button.clicked.connect(self.add_assumption)
        self.edit_assumption_button = QPushButton(self.tr("Change…"))
        self.edit_assumption_button.setObjectName("editAssumptionButton")
        self.edit_assumption_button.setToolTip(self.tr("Change the selected assumption (F2)"))
        self.edit_assumption_button.clicked.connect(self.edit_assumption)
        self.delete_assumption_button = QPushButton(self.tr("Delete…"))
        self.delete_assumption_button.setObjectName("deleteAssumptionButton")
        self.delete_assumption_button.setToolTip(self.tr("Delete the selected assumption and "
                                                         "its evidence (Delete; you can undo)"))
        self.delete_assumption_button.clicked.connect(self.delete_assumption)
        for button in (self.add_assumption_button, self.edit_assumption_button,
                       self.delete_assumption_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(hint(self.tr("The status comes from the evidence you record in "
                                     "interviews.")))
        layout.addLayout(tools)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("assumptionsSplitter")
        split.setChildrenCollapsible(False)
        self.assumptions_model = am.AssumptionsModel(self)
        self.assumptions_table = make_table("assumptionsTable")
        self.assumptions_table.setModel(self.assumptions_model)
        self.assumptions_table.setAccessibleName(self.tr("Assumptions"))
        self.assumptions_table.setItemDelegateForColumn(
            am.A_EVIDENCE, am.CountsDelegate(self.assumptions_table))
        header = self.assumptions_table.horizontalHeader()
        header.setSectionResizeMode(am.A_STATEMENT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((am.A_CATEGORY, 125), (am.A_CONFIDENCE, 85), (am.A_STATUS, 115),
                              (am.A_EVIDENCE, 135), (am.A_TRIANGULATED, 105)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # the statement keeps a readable width on a narrow screen: the category gives way
        # first, then the list scrolls sideways (the statement is never squeezed)
        self.assumptions_fit = ColumnFit(
            self.assumptions_table, am.A_STATEMENT, min_chars=28,
            limits={am.A_CATEGORY: (8, 18)}, shrink=(am.A_CATEGORY,),
            fixed={am.A_STATUS: 115, am.A_EVIDENCE: 135, am.A_TRIANGULATED: 105})
        header.sectionResized.connect(lambda *_: self._rows_timer.start())
        self.assumptions_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._assumption_chosen())
        self.assumptions_table.doubleClicked.connect(lambda _i: self.edit_assumption())
        shortcut(self.assumptions_table, "Insert", self.add_assumption)
        shortcut(self.assumptions_table, "F2", self.edit_assumption)
        shortcut(self.assumptions_table, QKeySequence.StandardKey.Delete,
                 self.delete_assumption)
        split.addWidget(self.assumptions_table)

        evidence_pane = QWidget()
        ev_layout = QVBoxLayout(evidence_pane)
        ev_layout.setContentsMargins(0, 4, 0, 0)
        self.evidence_title = heading("")
        self.evidence_title.setObjectName("evidenceTitle")
        self.evidence_title.setWordWrap(True)
        ev_layout.addWidget(self.evidence_title)
        # what the selected assumption's evidence says, and what it still lacks
        self.evidence_lacks = QLabel()
        self.evidence_lacks.setObjectName("assumptionStanding")
        self.evidence_lacks.setWordWrap(True)
        self.evidence_lacks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ev_layout.addWidget(self.evidence_lacks)
        self.evidence_model = am.EvidenceModel(self)
        self.evidence_table = make_table("evidenceList")
        self.evidence_table.setModel(self.evidence_model)
        self.evidence_table.setAccessibleName(self.tr("Evidence for the selected assumption"))
        eh = self.evidence_table.horizontalHeader()
        eh.setSectionResizeMode(am.E_QUOTE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((am.E_VERDICT, 110), (am.E_PERSON, 150), (am.E_LEVEL, 100),
                              (am.E_ORGANIZATION, 140), (am.E_DATE, 90)):
            eh.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            eh.resizeSection(column, width)
        self.evidence_fit = ColumnFit(
            self.evidence_table, am.E_QUOTE, min_chars=30,
            limits={am.E_PERSON: (10, 24), am.E_ORGANIZATION: (10, 24)},
            shrink=(am.E_ORGANIZATION, am.E_PERSON), fixed={am.E_VERDICT: 110})
        eh.sectionResized.connect(lambda *_: self._rows_timer.start())
        # Double-click or Enter.
        self.evidence_table.activated.connect(lambda _i: self.open_evidence_interview())
        self.evidence_table.selectionModel().currentRowChanged.connect(
            lambda *_: self.update_buttons())
        ev_layout.addWidget(self.evidence_table, 1)
        row = QHBoxLayout()
        self.open_interview_button = QPushButton(self.tr("Open Interview"))
        self.open_interview_button.setObjectName("openInterviewButton")
        self.open_interview_button.setToolTip(self.tr("Open the selected conversation in the "
                                                      "Interviews tab (Enter)"))
        self.open_interview_button.clicked.connect(self.open_evidence_interview)
        row.addWidget(self.open_interview_button)
        row.addWidget(hint(self.tr("Double-click a conversation to open it.")), 1)
        ev_layout.addLayout(row)
        split.addWidget(evidence_pane)
        split.setSizes([300, 220])
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.assumptions_splitter = split
        # a path without beliefs yet: what belongs here, and the button that adds one
        self.assumptions_stack = QStackedWidget()
        self.assumptions_stack.addWidget(split)
        self.assumptions_empty = EmptyState(
            self, name="assumptionsEmptyState", title=self.tr("No assumptions yet"),
            text=self.tr("Write down what you believe about this path: the skills it needs, "
                         "the daily work, pay, culture and credentials; your conversations "
                         "then test each belief."),
            action=self.tr("New Assumption…"))
        self.assumptions_empty.actionTriggered.connect(self.add_assumption)
        self.assumptions_stack.addWidget(self.assumptions_empty)
        layout.addWidget(self.assumptions_stack, 1)

    # --- the path shown ---------------------------------------------------------------------
    def set_path(self, row: paths.PathRow | None) -> None:
        """The path the page works on (its fresh row, after an edit of its fields)."""
        self._path = row

    def clear(self) -> None:
        """No path shown."""
        self._path = None
        self.assumptions_model.set_rows([])
        self.evidence_model.set_rows([])

    def show_path(self, row: paths.PathRow) -> None:
        self._path = row
        selected = self.current_assumption()
        try:
            rows = paths.list_assumptions(row.id)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            rows = []
        self.assumptions_model.set_rows(rows)
        self.assumptions_fit.fit_contents()
        self.assumptions_stack.setCurrentIndex(0 if rows else 1)
        self._fit_rows(self.assumptions_table)
        target = selected.id if selected is not None else None
        if target is None or self.assumptions_model.row_of(target) < 0:
            target = rows[0].id if rows else None
        if target is not None:
            self.select_assumption(target)
        else:
            self._assumption_chosen()

    # --- assumptions ------------------------------------------------------------------------
    def current_assumption(self) -> paths.AssumptionRow | None:
        index = self.assumptions_table.selectionModel().currentIndex()
        return self.assumptions_model.assumption(index.row()) if index.isValid() else None

    def select_assumption(self, assumption_id: int) -> None:
        row = self.assumptions_model.row_of(assumption_id)
        if row < 0:
            return
        index = self.assumptions_model.index(row, 0)
        selection = self.assumptions_table.selectionModel()
        changed = selection.currentIndex().row() != row
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        self.assumptions_table.scrollTo(index)
        if not changed:  # no currentRowChanged: show its evidence (it may have changed)
            self._assumption_chosen()

    def _assumption_chosen(self) -> None:
        a = self.current_assumption()
        self.evidence_lacks.setText(a.lacks(evidence_text) if a is not None else "")
        self.evidence_lacks.setVisible(a is not None)
        if a is None:
            self.evidence_model.set_rows([])
            self.evidence_title.setText(self.tr("Select an assumption to see what the "
                                                "conversations said about it."))
            self.update_buttons()
            return
        try:
            rows = paths.assumption_evidence(a.id)
        except CareerPivotError:
            rows = []
        self.evidence_model.set_rows(rows)
        self.evidence_fit.fit_contents()
        self._fit_rows(self.evidence_table)
        if rows:
            self.evidence_title.setText(self.tr("Evidence for “{0}”").format(a.statement))
        else:
            self.evidence_title.setText(self.tr(
                "No conversation has given a verdict on “{0}” yet. Record one in an "
                "interview's Evidence page.").format(a.statement))
        self.update_buttons()

    def add_assumption(self) -> None:
        row = self._path
        if row is None:
            return
        from careerpivot.ui.dialogs.assumption import AssumptionDialog

        values = AssumptionDialog.ask(self, row.title)
        if not values:
            return
        try:
            aid = paths.add_assumption(row.id, values["statement"], values["category"],
                                       values["confidence"])
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("New Assumption"), exc.message)
            return
        push_add(self.ctx, self.tr("new assumption"), Area.PATHS,
                 lambda: paths.delete_assumption(aid))
        self.ctx.bus.changed.emit(Area.PATHS)
        self.select_assumption(aid)
        self.assumptions_table.setFocus()

    def edit_assumption(self) -> None:
        a = self.current_assumption()
        row = self._path
        if a is None or row is None:
            return
        old = {"statement": a.statement, "category": a.category, "confidence": a.confidence}
        from careerpivot.ui.dialogs.assumption import AssumptionDialog

        values = AssumptionDialog.ask(self, row.title, old)
        if not values:
            return
        changed = {k: v for k, v in values.items() if v != old[k]}
        if not changed:
            return
        try:
            for field, value in changed.items():
                paths.update_assumption(a.id, field, value)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Change Assumption"), exc.message)
            return
        aid = a.id

        def apply(values: dict[str, Any]) -> None:
            for field in changed:
                paths.update_assumption(aid, field, values[field])

        push_change(self.ctx, self.tr("change of an assumption"), Area.PATHS,
                    lambda: apply(old), lambda: apply(values))
        self.ctx.bus.changed.emit(Area.PATHS)

    def delete_assumption(self) -> None:
        a = self.current_assumption()
        if a is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete Assumption"),
                          self.tr("Delete the assumption “{0}”?").format(a.statement),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("deleteAssumptionDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setInformativeText(self.tr(
            "The evidence recorded for it in %n conversation(s) goes with it. You can "
            "undo this.", "", a.conversations))
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            snap = paths.delete_assumption(a.id)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Assumption"), exc.message)
            return
        aid = a.id
        push_delete(self.ctx, self.tr("deletion of an assumption"), Area.PATHS, snap,
                    lambda: paths.delete_assumption(aid))
        self.ctx.bus.changed.emit(Area.PATHS)

    def open_evidence_interview(self) -> None:
        index = self.evidence_table.selectionModel().currentIndex()
        evidence = self.evidence_model.evidence(index.row()) if index.isValid() else None
        if evidence is not None:
            self.ctx.bus.show_item.emit("interview", evidence.interview_id)

    # --- chrome -----------------------------------------------------------------------------
    def _fit_rows(self, *tables: QTableView) -> None:
        """Rows as tall as their wrapped text, with a little air (those of ``tables``, or of
        both tables)."""
        for table in tables or (self.assumptions_table, self.evidence_table):
            fit_wrapped_rows(table)

    def update_buttons(self) -> None:
        has_assumption = self.current_assumption() is not None
        self.edit_assumption_button.setEnabled(has_assumption)
        self.delete_assumption_button.setEnabled(has_assumption)
        self.add_assumption_button.setEnabled(self._path is not None)
        ev = self.evidence_table.selectionModel().currentIndex()
        self.open_interview_button.setEnabled(ev.isValid())
