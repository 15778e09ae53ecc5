"""The due list of the Overview (:class:`DuePane`): its title, the tree of due items
(``dueList``) or the note that nothing is due (``dueEmpty``), and the buttons below that open,
mark done, snooze or write a message for the current item. The tab connects the buttons and
the snooze actions; what the user asks for in the list goes to the tab through signals.

The list reads a bucket's rows a page at a time: the next page when the bucket's last row read
comes into view (scrolling, moving the current row, expanding, resizing), so the rows below it
are there before the user reaches them."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import due as _due
from careerpivot.services import overview
from careerpivot.services.due_list import DueItem, DueList
from careerpivot.ui.tabs.overview.due_model import ABOUT, WHAT, WHEN, DueModel, Fetch
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.spacing import GAP, row_height

#: The due list always shows at least this many rows (the Overview's panes below give way).
MIN_ROWS = 6


class _RowHeightDelegate(QStyledItemDelegate):
    """Rows at least ``height`` pixels tall (the height of a row in every list)."""

    def __init__(self, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.height = height

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        size.setHeight(max(size.height(), self.height))
        return size


class DuePane(QWidget):
    """The "What is due" side of the Overview."""

    openRequested = Signal(object)  # the DueItem to show in its tab
    doneRequested = Signal(object)  # the DueItem to mark done
    snoozeRequested = Signal(object, int)  # the DueItem and the days to snooze it by
    messageRequested = Signal(object)  # the DueItem to write a message about

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(GAP)
        title = QLabel(self.tr("What is due"), self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        column.addWidget(title)

        self.due_stack = QStackedWidget(self)
        self.due_model = DueModel(self)
        self.due_view = QTreeView(self.due_stack)
        self.due_view.setObjectName("dueList")
        self.due_view.setModel(self.due_model)
        self.due_view.setUniformRowHeights(True)
        self.due_view.setAlternatingRowColors(False)
        self.due_view.setRootIsDecorated(True)
        self.due_view.setItemsExpandable(True)
        self.due_view.setExpandsOnDoubleClick(False)
        self.due_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.due_view.setAccessibleName(self.tr("What is due"))
        self.due_view.setIndentation(10)
        header = self.due_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        # what to do takes the room; when, as wide as its words (measured on the first rows
        # of each group when the items are shown: asking every row's size hint, as
        # ResizeToContents does, reads all of a long list); about, a third at most
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ABOUT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ABOUT, 290)
        self.due_view.viewport().installEventFilter(self)
        # rows as tall as every list's; and never fewer than MIN_ROWS of them in view
        self.due_view.setItemDelegate(_RowHeightDelegate(row_height(self), self.due_view))
        self.due_view.setMinimumHeight(
            header.sizeHint().height() + MIN_ROWS * row_height(self)
            + 2 * self.due_view.frameWidth())
        self.due_stack.addWidget(self.due_view)
        self.due_empty = EmptyState(self.due_stack, name="dueEmpty", title=self.tr(
            "Nothing is due"), text=self.tr(
            "Follow-ups from your conversations, plan milestones and check-ins with your "
            "contacts appear here when they are due; plan a conversation to start."),
            action=self.tr("Plan a Conversation…"))
        self.due_empty.actionTriggered.connect(self._plan_conversation)
        self.due_stack.addWidget(self.due_empty)
        column.addWidget(self.due_stack, 1)

        buttons = QHBoxLayout()
        # mnemonics avoid the main window's tabs and menus (O P N I D L S, F E V H)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("dueOpenButton")
        self.open_button.setToolTip(self.tr("Show this item in its tab (Enter)"))
        self.done_button = QPushButton(self.tr("&Mark Done"), self)
        self.done_button.setObjectName("dueDoneButton")
        self.snooze_button = QPushButton(self.tr("Snoo&ze"), self)
        self.snooze_button.setObjectName("dueSnoozeButton")
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_actions = {}
        for days, text in ((1, self.tr("For 1 day")), (3, self.tr("For 3 days")),
                           (7, self.tr("For 1 week"))):
            action = self.snooze_menu.addAction(text)
            action.setObjectName(f"snooze{days}")
            self.snooze_actions[days] = action
        self.snooze_button.setMenu(self.snooze_menu)
        self.message_button = QPushButton(self.tr("&Write Message…"), self)
        self.message_button.setObjectName("dueMessageButton")
        self.message_button.setToolTip(self.tr(
            "Write a request, follow-up, thank-you or report-back from a template"))
        for button in (self.open_button, self.done_button, self.snooze_button,
                       self.message_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        # more rows of a bucket once its last row read is in view
        self.due_view.verticalScrollBar().valueChanged.connect(self._fetch_in_view)
        self.due_view.verticalScrollBar().rangeChanged.connect(self._fetch_in_view)
        self.due_view.expanded.connect(self._fetch_in_view)
        self.due_view.activated.connect(self._activated)
        self.due_view.customContextMenuRequested.connect(self._context_menu)
        self.due_view.selectionModel().currentChanged.connect(
            lambda _c, _p: (self.update_buttons(), self._fetch_in_view()))
        self._fetch_pending = False
        #: The title's font, for the titles of the panes beside this one.
        self.title_font = font

    #: The share of the list's width the "About" column takes.
    ABOUT_SHARE = 0.34

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.due_view.viewport():
            width = self.due_view.viewport().width()
            self.due_view.header().resizeSection(ABOUT, int(width * self.ABOUT_SHARE))
            self._fetch_in_view()
        return super().eventFilter(watched, event)

    # --- showing --------------------------------------------------------------------------
    #: With more items than this in all, "Coming up" starts collapsed.
    FOLDED_OVER = 12

    def show_list(self, data: DueList, today: _dt.date, palette: QPalette,
                  fetch: Fetch | None = None) -> None:
        """Show the buckets' counts and the rows read; ``fetch`` reads more of a bucket."""
        self.due_model.set_list(data, today, palette, fetch)
        fold_coming = data.total > self.FOLDED_OVER
        for row, bucket in enumerate(self.due_model.buckets()):
            self.due_view.setFirstColumnSpanned(row, QModelIndex(), True)
            if not (fold_coming and bucket == _due.COMING):
                self.due_view.expand(self.due_model.index(row, 0))
        self._fit_when()

    def set_palette(self, palette: QPalette) -> None:
        self.due_model.set_palette(palette)
        self._fit_when()

    def loaded(self) -> dict[str, int]:
        """How many rows of each bucket are read (a reload reads as many again)."""
        return {b: self.due_model.loaded(b) for b in _due.BUCKETS}

    def _fetch_in_view(self, *_args: object) -> None:
        """Soon (once the view has laid out its rows): read more of each expanded bucket
        whose last row read is in view or above it."""
        if not self._fetch_pending:
            self._fetch_pending = True
            QTimer.singleShot(0, self._fetch_now)

    def _fetch_now(self) -> None:
        self._fetch_pending = False
        model, view = self.due_model, self.due_view
        bottom = view.viewport().height()
        for row in range(model.rowCount()):
            parent = model.index(row, 0)
            if not view.isExpanded(parent) or not model.can_fetch_more(parent):
                continue
            last = model.index(model.rowCount(parent) - 1, 0, parent)
            rect = view.visualRect(last)
            if not last.isValid() or (rect.isValid() and rect.top() < bottom):
                model.fetch_more(parent)  # the rows inserted bring another look

    #: The "When" column is measured on this many rows of each group.
    MEASURED_ROWS = 50

    def _fit_when(self) -> None:
        """Make the "When" column as wide as its header and the texts of the first rows of
        each group (overdue ones are bold)."""
        model, view = self.due_model, self.due_view
        bold = QFont(view.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        header = view.header()
        widest = header.fontMetrics().horizontalAdvance(
            str(model.headerData(WHEN, Qt.Orientation.Horizontal)))
        for group in range(model.rowCount()):
            parent = model.index(group, 0)
            for row in range(min(model.rowCount(parent), self.MEASURED_ROWS)):
                text = model.index(row, WHEN, parent).data()
                if text:
                    widest = max(widest, metrics.horizontalAdvance(str(text)))
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        header.resizeSection(WHEN, widest + 4 * margin + 8)

    # --- the current item -----------------------------------------------------------------
    def current_item(self) -> DueItem | None:
        return self.due_model.item(self.due_view.currentIndex())

    def select_item(self, key: str) -> bool:
        index = self.due_model.index_of(key)
        if not index.isValid():
            return False
        self.due_view.expand(index.parent())
        self.due_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.due_view.scrollTo(index)
        return True

    def keep_place(self, bucket_key: str, row: int) -> None:
        """Make the row that took the place of ``row`` in the bucket the current one."""
        bucket = self.due_model.bucket_index(bucket_key)
        if bucket.isValid():
            count = self.due_model.rowCount(bucket)
            if count:
                index = self.due_model.index(min(row, count - 1), 0, bucket)
                self.due_view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)

    def update_buttons(self) -> None:
        item = self.current_item()
        self.open_button.setEnabled(item is not None)
        self.done_button.setEnabled(item is not None and item.can_done)
        self.snooze_button.setEnabled(item is not None and item.can_snooze)
        self.done_button.setText(self._done_text(item))

    def _done_text(self, item: DueItem | None) -> str:
        if item is not None and item.kind == overview.CHECKIN:
            return self.tr("Log &Check-in")
        if item is not None and item.kind == overview.OUTREACH:
            return self.tr("Dis&miss")
        return self.tr("&Mark Done")

    def _plan_conversation(self) -> None:
        """Nothing is due: plan the next conversation, in the Interviews tab."""
        window: Any = self.window()
        if hasattr(window, "show_tab"):
            window.show_tab("interviewsTab").new_interview()

    # --- asking the tab -------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        item = self.due_model.item(index)
        if item is None:
            self.due_view.setExpanded(index, not self.due_view.isExpanded(index))
            return
        self.openRequested.emit(item)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.due_model.item(self.due_view.indexAt(pos))
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.openRequested.emit(item))
        if item.can_done:
            menu.addAction(self._done_text(item).replace("&", ""),
                           lambda: self.doneRequested.emit(item))
        if item.can_snooze:
            snooze = menu.addMenu(self.tr("Snooze"))
            for days, action in self.snooze_actions.items():
                snooze.addAction(action.text(),
                                 lambda d=days: self.snoozeRequested.emit(item, d))
        if item.contact_id is not None:
            menu.addAction(self.tr("Write Message…"), lambda: self.messageRequested.emit(item))
        menu.exec(self.due_view.viewport().mapToGlobal(pos))
