"""The Overview's "Readiness" page (:class:`ReadinessOverviewPage`, ``overviewReadiness``):
one row per path with the share of its beliefs that are settled, how many are untested and the
most useful next step; opening a row shows the path's Readiness page in the Paths tab.

The data (services.readiness) is read off the GUI thread, one job at a time, when the page is
shown and again when the evidence changes while it is shown; while hidden it is only marked
out of date."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import readiness
from careerpivot.ui import workers
from careerpivot.ui.itemmodels import readiness as rm
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.form_parts import hint
from careerpivot.ui.widgets.progress_delegate import ProgressDelegate


class ReadinessOverviewPage(QWidget):
    """Evidence readiness of every path (see the module's docstring)."""

    #: The data arrived and is shown.
    updated = Signal()
    #: The user asked to open a path (its id) on its Readiness page.
    pathOpened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewReadiness")
        self._stale = True
        self._reader = workers.LatestRead(readiness.readiness, self)
        self._reader.finished.connect(self._show)
        self._reader.failed.connect(self._failed)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self.tr("Reading the evidence…"))
        self.placeholder.setObjectName("overviewReadinessPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.stack.addWidget(self.placeholder)

        self.model = rm.PathReadinessModel(self)
        self.table = QTableView()
        self.table.setObjectName("readinessByPath")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Evidence readiness per path"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self._delegate = ProgressDelegate(self.table)
        self.table.setItemDelegateForColumn(rm.P_READINESS, self._delegate)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(rm.P_TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(rm.P_READINESS, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(rm.P_UNTESTED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(rm.P_NEXT, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        header.resizeSection(rm.P_TITLE, 14 * em)
        header.resizeSection(rm.P_READINESS, 22 * em)
        self.table.activated.connect(self._open)  # double-click or Enter
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_button())
        self.stack.addWidget(self.table)
        self.empty = EmptyState(
            self, name="overviewReadinessEmpty", title=self.tr("No paths yet"),
            text=self.tr("Add the paths you are considering, and what you believe about each: "
                         "this page then says how much of it your conversations have settled."),
            action=self.tr("Add Path…"))
        self.empty.actionTriggered.connect(self._add_path)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open Path"))
        self.open_button.setObjectName("openReadinessPathButton")
        self.open_button.setToolTip(self.tr("Show the selected path's readiness in the Paths "
                                            "tab (Enter)"))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        row.addWidget(self.open_button)
        self.rule = hint(rm.rule_text())
        self.rule.setObjectName("overviewReadinessRule")
        row.addWidget(self.rule, 1)
        layout.addLayout(row)
        self._update_button()

    # --- loading ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def reload(self) -> None:
        """The evidence may have changed: read it again now if shown, else when shown."""
        self._stale = True
        if self.isVisible():
            self.load()

    def load(self) -> None:
        """Read every path's readiness off the GUI thread (one job at a time)."""
        self._stale = False
        self._reader.request()

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, CareerPivotError) else str(exc)
        self.placeholder.setText(self.tr("The readiness could not be read: {0}")
                                 .format(message))
        self.stack.setCurrentWidget(self.placeholder)

    def _show(self, rows: list[readiness.PathReadiness]) -> None:
        current = self.table.currentIndex().data(rm.ID_ROLE)
        self.model.set_rows(rows)
        if rows:
            self.stack.setCurrentWidget(self.table)
            row = self.model.row_of(current) if current is not None else -1
            self.table.selectRow(max(row, 0))
        else:
            self.stack.setCurrentWidget(self.empty)
        self._update_button()
        self.updated.emit()

    # --- acting -----------------------------------------------------------------------------
    def _add_path(self) -> None:
        window = self.window()
        if hasattr(window, "show_tab"):
            window.show_tab("pathsTab").add_path()

    def _open(self, index: QModelIndex) -> None:
        path_id = index.data(rm.ID_ROLE) if index.isValid() else None
        if path_id is not None:
            self.pathOpened.emit(int(path_id))

    def _update_button(self) -> None:
        self.open_button.setEnabled(self.table.currentIndex().isValid())
