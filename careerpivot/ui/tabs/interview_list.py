"""The Interviews tab's list pane (:class:`InterviewListPane`): the New Interview button, the
search field and the filters above the list of conversations (``interviewsTable``), whose
columns fit the pane, and what shows in the list's place when it is empty. The tab keeps the
list, the search and the editor in step; the pane tells it what the user asked for."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.ui.itemmodels import interviews as im
from careerpivot.ui.tabs.interview_filters import InterviewFilters
from careerpivot.ui.widgets.column_fit import ColumnFit, hide_columns, offer_column_menu
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.spacing import GAP
from careerpivot.ui.widgets.tables import list_table

#: The organization column shows names this long whole ("Brightline Software").
ORGANIZATION_CHARS = 21
#: The columns the header's menu shows or hides (the others always show), and those hidden
#: at first (the mode and the round are on the interview's page), and those a narrow screen
#: starts without too (the path is in the interview's title).
INTERVIEW_COLUMNS_OPTIONAL = (im.PATH, im.MODE, im.ROUND)
INTERVIEW_COLUMNS_HIDDEN = (im.MODE, im.ROUND)
INTERVIEW_COLUMNS_NARROW_HIDDEN = (im.PATH,)


class InterviewListPane(QWidget):
    """The list of conversations with its search and filters."""

    newRequested = Signal()  # New Interview (the button, or the empty list's)
    clearRequested = Signal()  # Clear Filters (the button, or the empty list's)
    deleteRequested = Signal()  # Delete in the list

    def __init__(self, model: im.InterviewsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, GAP, 0)
        layout.setSpacing(GAP)

        top = QHBoxLayout()
        top.setSpacing(GAP)
        self.new_button = QPushButton(self.tr("New Inte&rview…"))
        self.new_button.setObjectName("newInterviewButton")
        self.new_button.setToolTip(self.tr("Plan a conversation with someone in your network"))
        self.new_button.clicked.connect(lambda: self.newRequested.emit())
        top.addWidget(self.new_button)
        self.search = QLineEdit()
        self.search.setObjectName("interviewSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search people, organizations, notes and "
                                               "answers"))
        self.search.setToolTip(self.tr("Search people, organizations, paths, notes and "
                                       "answers (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search interviews"))
        top.addWidget(self.search, 1)
        self.clear_button = QPushButton(self.tr("Clear Filters"))
        self.clear_button.setObjectName("clearFiltersButton")
        self.clear_button.clicked.connect(lambda: self.clearRequested.emit())
        top.addWidget(self.clear_button)
        layout.addLayout(top)

        self.filters = InterviewFilters(model, self)
        layout.addWidget(self.filters)

        self.table = list_table(self, "interviewsTable", model, {}, self.tr("Interviews"))
        self.table.horizontalHeader().setObjectName("interviewsHeader")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.sortByColumn(im.DATE, Qt.SortOrder.DescendingOrder)
        # the organization takes the room (names run long); date, status and path their
        # text, the name whole; a narrow pane shortens the path (its tooltip says it whole)
        self.column_fit = ColumnFit(
            self.table, im.ORGANIZATION, min_chars=ORGANIZATION_CHARS,
            limits={im.CONTACT: (12, 26), im.PATH: (10, 26)}, shrink=(im.PATH,))
        hide_columns(self.table, INTERVIEW_COLUMNS_HIDDEN, INTERVIEW_COLUMNS_NARROW_HIDDEN)
        offer_column_menu(self.table, INTERVIEW_COLUMNS_OPTIONAL, self.column_fit)
        delete = QAction(self.tr("Delete Interview…"), self.table)
        delete.setObjectName("deleteInterviewAction")
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda: self.deleteRequested.emit())
        self.table.addAction(delete)
        self.list_stack = QStackedWidget(self)
        self.list_stack.setObjectName("interviewsStack")
        self.list_stack.addWidget(self.table)
        self.list_empty = EmptyState(self, name="interviewsEmptyState")
        self.list_empty.actionTriggered.connect(self._empty_action)
        self.list_stack.addWidget(self.list_empty)
        layout.addWidget(self.list_stack, 1)

        self.count_label = QLabel()
        self.count_label.setObjectName("interviewCount")
        layout.addWidget(self.count_label)

    def show_state(self, read_only: bool) -> None:
        """The list, or why it is empty with what to do; with no interview at all, nothing
        to filter either."""
        total, shown = self.model.total_count(), self.model.rowCount()
        if total == 0:
            self.list_empty.set_content(
                self.tr("No interviews yet"),
                self.tr("Plan your first conversation: a short call with someone in your "
                        "network who does the work you are considering."),
                self.tr("New Interview…"))
            self.list_empty.set_action_enabled(not read_only)
        else:
            self.list_empty.set_content("", self.tr("No interview matches the search and "
                                                    "filters."), self.tr("Clear Filters"))
            self.list_empty.set_action_enabled(True)
        self.list_stack.setCurrentIndex(0 if shown else 1)
        self.filters.setVisible(total > 0)
        self.search.setEnabled(total > 0)

    def _empty_action(self) -> None:
        if self.model.total_count():
            self.clearRequested.emit()
        else:
            self.newRequested.emit()
