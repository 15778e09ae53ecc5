"""The "Who to ask next" page of the Paths tab: the people in the network whose conversation
would add most to the path's open assumptions (services.ask_next; the rule is core.ask_next),
each with why, and the two next steps: write them a request, or plan the conversation.

The page reads its list when it is shown, and again when the tab shows the path anew (the tab
reloads on changes to contacts, interviews and paths)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import ask_next, outreach, paths
from careerpivot.ui.context import AppContext
from careerpivot.ui.itemmodels import ask_next as model
from careerpivot.ui.tabs.paths.common import fit_wrapped_rows, make_table
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.form_parts import hint

#: How many people the page lists.
LIMIT = 20
#: Columns as wide as their text, up to this share of the table's width each.
_FITTED = {model.S_NAME: 0.24, model.S_ORGANIZATION: 0.24, model.S_LEVEL: 0.16}


class AskNextPage(QWidget):
    """Who to ask next about one path (:meth:`show_path`)."""

    #: The empty page's button: write down a belief to test (on the Assumptions page).
    assumptionRequested = Signal()
    #: The empty page's button: add a contact who would add a view.
    contactRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("askNextPage")
        self.ctx = ctx
        self._path: paths.PathRow | None = None
        self._wants_contact = False
        #: The list shown may be out of date (read again when the page is shown).
        self.stale = True
        self._build()

    # --- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.intro = hint("")
        self.intro.setObjectName("askNextIntro")
        layout.addWidget(self.intro)

        self.stack = QStackedWidget()
        self.model = model.AskNextModel(self)
        self.table = make_table("askNextTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Who to ask next"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(model.S_REASON, QHeaderView.ResizeMode.Stretch)
        for column in _FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(lambda *_: self._fit_rows())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.table.activated.connect(lambda _i: self.plan_conversation())  # Enter, double-click
        self.stack.addWidget(self.table)
        self.empty = EmptyState(self, name="askNextEmpty")
        self.empty.actionTriggered.connect(self._empty_action)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        row = QHBoxLayout()
        self.write_button = QPushButton(self.tr("Write Request…"))
        self.write_button.setObjectName("askNextWriteButton")
        self.write_button.setToolTip(self.tr("Write the selected person a request for a short "
                                             "conversation"))
        self.write_button.clicked.connect(self.write_request)
        self.plan_button = QPushButton(self.tr("Plan Conversation…"))
        self.plan_button.setObjectName("askNextPlanButton")
        self.plan_button.setToolTip(self.tr("Plan a conversation with the selected person about "
                                            "this path (Enter)"))
        self.plan_button.clicked.connect(self.plan_conversation)
        row.addWidget(self.write_button)
        row.addWidget(self.plan_button)
        row.addWidget(hint(self.tr("Double-click a person to plan the conversation.")), 1)
        layout.addLayout(row)
        self.update_buttons()

    # --- the path shown ---------------------------------------------------------------------
    def show_path(self, row: paths.PathRow | None) -> None:
        """Show who to ask about the path ``row`` (None: no path); read now when visible."""
        self._path = row
        self.stale = True
        if self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.load()

    def load(self) -> None:
        self.stale = False
        selected = self.current_suggestion()
        result = None
        if self._path is not None:
            try:
                result = ask_next.ask_next(self._path.id, LIMIT)
            except CareerPivotError as exc:
                self.ctx.bus.status.emit(exc.message)
        self.model.set_rows(result.suggestions if result is not None else [])
        self._show_state(result)
        self._fit_columns()
        self._fit_rows()
        if selected is not None and self.model.row_of(selected.contact_id) >= 0:
            self._select(self.model.row_of(selected.contact_id))
        self.update_buttons()

    def _show_state(self, result: ask_next.AskNext | None) -> None:
        planned = ""
        if result is not None and result.planned:
            planned = " " + self.tr("Not listed: %n person(s) with a conversation already "
                                    "planned on this path.", "", result.planned)
        action = self.tr("New Assumption…")
        title = ""
        if result is None:
            intro, empty = "", ""
        elif not result.assumptions:
            title = self.tr("No beliefs to test yet")
            intro, empty = "", self.tr(
                "Write down what you believe about this path first (on the Assumptions page); "
                "this page then says whom to ask to test it.")
        elif not result.open_assumptions:
            title = self.tr("Every belief is settled")
            intro, empty = "", self.tr(
                "Every assumption of this path is settled: nobody needs to be asked about it "
                "for now. Write down another belief to test, or look at another path.")
        else:
            intro = self.tr(
                "Open assumptions: {0} of {1}. Ranked by what a conversation would add to them: "
                "a level and an organization not heard on them yet, then either, then one more "
                "person where more are needed.").format(
                result.open_assumptions, result.assumptions) + planned
            title = self.tr("Nobody new to ask")
            empty = "" if result.suggestions else self.tr(
                "Nobody in your network would add a new view on the open assumptions. Add "
                "contacts at other organizations or levels, or ask for introductions.") + planned
            action = self.tr("Add Contact…")
        self.intro.setText(intro)
        self.intro.setVisible(bool(intro))
        self._wants_contact = result is not None and result.open_assumptions > 0
        self.empty.set_content(title, empty, action if empty else "")
        self.stack.setCurrentWidget(self.empty if empty or result is None else self.table)

    def _empty_action(self) -> None:
        """The empty page's button: a contact who would add a view, or a belief to test."""
        if self._wants_contact:
            self.contactRequested.emit()
        else:
            self.assumptionRequested.emit()

    # --- the next steps ---------------------------------------------------------------------
    def current_suggestion(self) -> ask_next.Suggestion | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.suggestion(rows[0].row()) if rows else None

    def select_contact(self, contact_id: int) -> bool:
        row = self.model.row_of(contact_id)
        if row >= 0:
            self._select(row)
        return row >= 0

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def write_request(self) -> None:
        """The message composer, with the request template, for the selected person."""
        s = self.current_suggestion()
        if s is None:
            return
        from careerpivot.ui.dialogs.outreach import OutreachDialog

        OutreachDialog.compose(self.ctx, self, contact_id=s.contact_id,
                               template_key=outreach.REQUEST)

    def plan_conversation(self) -> None:
        """Plan a conversation with the selected person about this path (the Interviews tab's
        own command); they then leave the list, as the rule says."""
        s = self.current_suggestion()
        if s is None or self._path is None:
            return
        from careerpivot.ui.tabs.interview_commands import plan_interview

        if plan_interview(self, self.ctx, path_id=self._path.id,
                          contact_id=s.contact_id) is not None:
            self.ctx.bus.status.emit(self.tr(
                "Conversation with {0} planned: it is on the Interviews tab, with the path's "
                "core questions.").format(s.name))

    # --- chrome -----------------------------------------------------------------------------
    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        room = max(self.table.viewport().width(), 480)
        for column, share in _FITTED.items():
            wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(wanted + 12, int(room * share)))

    def _fit_rows(self) -> None:
        fit_wrapped_rows(self.table)

    def update_buttons(self) -> None:
        chosen = self.current_suggestion() is not None
        self.write_button.setEnabled(chosen)
        self.plan_button.setEnabled(chosen and self._path is not None)
