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
from careerpivot.ui.tabs.paths.common import ListsSplit, fit_wrapped_rows, make_table, shortcut
from careerpivot.ui.undo import push_add, push_change, push_delete
from careerpivot.ui.widgets.column_fit import ColumnFit, hide_columns, offer_column_menu
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.form_parts import heading, hint

#: The columns the headers' menus show or hide (the others always show), and those a narrow
#: screen starts without.
ASSUMPTIONS_OPTIONAL = (am.A_CATEGORY, am.A_CONFIDENCE, am.A_TRIANGULATED)
ASSUMPTIONS_NARROW_HIDDEN = (am.A_CATEGORY, am.A_CONFIDENCE)
EVIDENCE_OPTIONAL = (am.E_LEVEL, am.E_ORGANIZATION, am.E_DATE)
EVIDENCE_NARROW_HIDDEN = (am.E_LEVEL, am.E_DATE)


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
        hide_columns(self.assumptions_table, (), ASSUMPTIONS_NARROW_HIDDEN)
        offer_column_menu(self.assumptions_table, ASSUMPTIONS_OPTIONAL, self.assumptions_fit)
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
        # one line above the evidence: its heading, what the selected assumption's evidence
        # says and still lacks, and the button that opens the selected conversation
        top = QHBoxLayout()
        self.evidence_title = heading("")
        self.evidence_title.setObjectName("evidenceTitle")
        top.addWidget(self.evidence_title, 0, Qt.AlignmentFlag.AlignTop)
        self.evidence_lacks = QLabel()
        self.evidence_lacks.setObjectName("assumptionStanding")
        self.evidence_lacks.setWordWrap(True)
        self.evidence_lacks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.evidence_lacks, 1)
        self.open_interview_button = QPushButton(self.tr("Open Interview"))
        self.open_interview_button.setObjectName("openInterviewButton")
        self.open_interview_button.setToolTip(self.tr("Open the selected conversation in the "
                                                      "Interviews tab (Enter, or double-click "
                                                      "it)"))
        self.open_interview_button.clicked.connect(self.open_evidence_interview)
        top.addWidget(self.open_interview_button, 0, Qt.AlignmentFlag.AlignTop)
        ev_layout.addLayout(top)
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
        hide_columns(self.evidence_table, (), EVIDENCE_NARROW_HIDDEN)
        offer_column_menu(self.evidence_table, EVIDENCE_OPTIONAL, self.evidence_fit)
        eh.sectionResized.connect(lambda *_: self._rows_timer.start())
        # Double-click or Enter.
        self.evidence_table.activated.connect(lambda _i: self.open_evidence_interview())
        self.evidence_table.selectionModel().currentRowChanged.connect(
            lambda *_: self.update_buttons())
        # no verdict yet on the selected belief: how one is recorded, and the next step
        self.evidence_stack = QStackedWidget()
        self.evidence_stack.setObjectName("evidenceStack")
        self.evidence_stack.addWidget(self.evidence_table)
        self.evidence_empty = EmptyState(self, name="evidenceEmpty", compact=True)
        self.evidence_empty.actionTriggered.connect(self._evidence_action)
        self.evidence_stack.addWidget(self.evidence_empty)
        ev_layout.addWidget(self.evidence_stack, 1)
        split.addWidget(evidence_pane)
        split.setSizes([300, 220])
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.assumptions_splitter = split
        # five rows of each at least, the evidence first; one line a row on a short screen
        self.split = ListsSplit(split, (self.assumptions_table, self.evidence_table),
                                (self.assumptions_table, self.evidence_stack), self._fit_rows)
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

    def wanted_height(self, lines: int) -> int:
        """The height that shows the tools and five rows of ``lines`` lines in each list."""
        margins = self.layout().contentsMargins()
        split = self.split
        return margins.top() + margins.bottom() + self.layout().spacing() \
            + self.layout().itemAt(0).sizeHint().height() + split.wanted(0, lines) \
            + split.wanted(1, lines) + self.assumptions_splitter.handleWidth()

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
            self.evidence_title.setToolTip("")
            self.evidence_stack.setCurrentWidget(self.evidence_table)
            self.open_interview_button.setVisible(False)
            self.update_buttons()
            return
        try:
            rows = paths.assumption_evidence(a.id)
        except CareerPivotError:
            rows = []
        self.evidence_model.set_rows(rows)
        self.evidence_fit.fit_contents()
        self._fit_rows(self.evidence_table)
        self.evidence_title.setText(self.tr("Evidence"))
        self.evidence_title.setToolTip(a.statement)
        self._show_evidence_state(bool(rows))
        self.update_buttons()

    def _show_evidence_state(self, has_evidence: bool) -> None:
        """The evidence, or what to do for the first: record a verdict on a conversation
        with this path, or plan one."""
        has_interviews = self._path is not None and self._path.interview_count > 0
        if not has_evidence:
            self.evidence_empty.set_content(
                self.tr("No evidence yet"),
                self.tr("After a conversation about this path, record on the interview's "
                        "Evidence page whether it supported, challenged or nuanced this "
                        "belief, in their words.") if has_interviews else
                self.tr("Plan a conversation with someone who does this work: what they say "
                        "about this belief becomes its evidence."),
                self.tr("Open Interviews") if has_interviews else self.tr("Plan a Conversation…"))
        self.evidence_stack.setCurrentWidget(self.evidence_table if has_evidence
                                             else self.evidence_empty)
        self.open_interview_button.setVisible(has_evidence)

    def _evidence_action(self) -> None:
        row = self._path
        if row is None:
            return
        if row.interview_count > 0:
            window: Any = self.window()
            if hasattr(window, "show_tab"):
                window.show_tab("interviewsTab")
            return
        from careerpivot.ui.tabs.interview_commands import plan_interview

        plan_interview(self, self.ctx, path_id=row.id, contact_id=None)

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
            fit_wrapped_rows(table, self.split.lines)

    def update_buttons(self) -> None:
        has_assumption = self.current_assumption() is not None
        self.edit_assumption_button.setEnabled(has_assumption)
        self.delete_assumption_button.setEnabled(has_assumption)
        self.add_assumption_button.setEnabled(self._path is not None)
        ev = self.evidence_table.selectionModel().currentIndex()
        self.open_interview_button.setEnabled(ev.isValid())
