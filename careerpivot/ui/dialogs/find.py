"""Find everywhere: one search box over contacts, conversations (answers and notes included),
assumptions, skills, milestones and log entries, with the results grouped by kind.

The search starts after a short pause in typing (:data:`DEBOUNCE_MS`) and runs off the GUI
thread (``services.overview.find_everywhere``), so typing never waits for the database; a
result that arrives after the text changed again is dropped. Enter (or a double-click) opens
the chosen item in its tab through ``DataBus.show_item``; Up and Down move through the
results without leaving the search box.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import overview
from careerpivot.services.overview import FindResult
from careerpivot.ui import workers
from careerpivot.ui.context import AppContext

DEBOUNCE_MS = 150
#: Results per kind.
LIMIT = 8

KindRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2


class FindDialog(QDialog):
    #: The results for the current text are shown (tests wait for it).
    results_ready = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("findDialog")
        self.setWindowTitle(self.tr("Find Everywhere"))
        self._sequence = 0
        self._shown_text: str | None = None
        self.results: list[FindResult] = []

        self.text = QLineEdit(self)
        self.text.setObjectName("findText")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr(
            "Find people, conversations, assumptions, skills, milestones, log entries…"))
        self.text.setAccessibleName(self.tr("Find everywhere"))
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("findResults")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setIndentation(12)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAccessibleName(self.tr("Results"))
        self.view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setEnabled(False)
        self.status.setText(self.tr("Type a name or a few words. Enter opens the result."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.resize(640, 460)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.text.returnPressed.connect(self.open_current)
        self.text.installEventFilter(self)
        self.view.activated.connect(self._open_index)

    # --- titles ---------------------------------------------------------------------------
    def kind_title(self, kind: str) -> str:
        return {
            "contact": self.tr("People"),
            "interview": self.tr("Conversations"),
            "assumption": self.tr("Assumptions"),
            "skill": self.tr("Skills"),
            "milestone": self.tr("Milestones"),
            "log": self.tr("Log entries"),
        }.get(kind, kind)

    # --- searching ------------------------------------------------------------------------
    def search_now(self) -> None:
        self._timer.stop()
        text = self.text.text().strip()
        self._sequence += 1
        sequence = self._sequence
        if not text:
            self._show(text, [])
            return
        self.status.setText(self.tr("Searching…"))

        def job(_job: workers.Job, words: str) -> list[FindResult]:
            return overview.find_everywhere(words, LIMIT)

        task = workers.submit(job, text)

        def finished(results: list[FindResult]) -> None:
            if sequence == self._sequence:
                self._show(text, results)

        def failed(exc: BaseException) -> None:
            if sequence == self._sequence:
                message = exc.message if isinstance(exc, CareerPivotError) else str(exc)
                self.status.setText(self.tr("The search failed: {0}").format(message))
                self.results_ready.emit()

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)

    def _show(self, text: str, results: list[FindResult]) -> None:
        self.results = list(results)
        self._shown_text = text
        self.model.clear()
        groups: dict[str, list[FindResult]] = {}
        for result in results:
            groups.setdefault(result.kind, []).append(result)
        bold = QFont(self.font())
        bold.setBold(True)
        first: QModelIndex | None = None
        for kind in overview.FIND_KINDS:
            found = groups.get(kind)
            if not found:
                continue
            more = "+" if len(found) >= LIMIT else ""
            header = QStandardItem(f"{self.kind_title(kind)} ({len(found)}{more})")
            header.setFont(bold)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.model.appendRow(header)
            for result in found:
                text_line = result.title
                extra = " · ".join(p for p in (result.detail, result.snippet) if p)
                item = QStandardItem(text_line + (f"  —  {extra}" if extra else ""))
                item.setToolTip("\n".join(p for p in (result.title, result.detail,
                                                       result.snippet) if p))
                item.setData(result.kind, KindRole)
                item.setData(result.item_id, IdRole)
                header.appendRow(item)
                if first is None:
                    first = item.index()
        self.view.expandAll()
        if first is not None:
            self.view.setCurrentIndex(first)
        if not text:
            self.status.setText(self.tr("Type a name or a few words. Enter opens the result."))
        elif not results:
            self.status.setText(self.tr("Nothing found for “{0}”.").format(text))
        else:
            self.status.setText(self.tr("%n result — Enter opens it", "", len(results))
                                if len(results) == 1 else
                                self.tr("%n results — Enter opens the selected one", "",
                                        len(results)))
        self.results_ready.emit()

    # --- opening --------------------------------------------------------------------------
    def current_result(self) -> tuple[str, int] | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.data(KindRole) is None:
            return None
        return str(index.data(KindRole)), int(index.data(IdRole))

    def open_current(self) -> None:
        if self._timer.isActive() or self._shown_text != self.text.text().strip():
            # Enter before the results caught up: search now and open the first result
            self._timer.stop()
            self.results_ready.connect(self._open_when_ready)
            self.search_now()
            return
        chosen = self.current_result()
        if chosen is not None:
            self.open_result(*chosen)

    def _open_when_ready(self) -> None:
        self.results_ready.disconnect(self._open_when_ready)
        chosen = self.current_result()
        if chosen is not None:
            self.open_result(*chosen)

    def _open_index(self, index: QModelIndex) -> None:
        if index.data(KindRole) is not None:
            self.open_result(str(index.data(KindRole)), int(index.data(IdRole)))

    def open_result(self, kind: str, item_id: int) -> None:
        self.hide()
        self.ctx.bus.show_item.emit(kind, item_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.text and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown,
                                    Qt.Key.Key_PageUp)):
            self._move(event.key())
            return True
        return super().eventFilter(watched, event)

    def _move(self, key: Qt.Key) -> None:
        rows = []
        for g in range(self.model.rowCount()):
            header = self.model.item(g)
            rows += [header.child(r).index() for r in range(header.rowCount())]
        if not rows:
            return
        current = self.view.currentIndex()
        at = next((i for i, idx in enumerate(rows) if idx == current), -1)
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5,
                Qt.Key.Key_PageUp: -5}[key]
        target = min(max(at + step, 0), len(rows) - 1)
        self.view.setCurrentIndex(rows[target])
        self.view.scrollTo(rows[target])

    # --- showing --------------------------------------------------------------------------
    def start(self, text: str = "") -> None:
        """Show the dialog with the search box focused (and ``text`` in it, if given)."""
        if text:
            self.text.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    @classmethod
    def show_for(cls, ctx: AppContext, parent: QWidget, text: str = "") -> FindDialog:
        """The window's one Find dialog (made on first use), shown and focused."""
        dialog = parent.findChild(FindDialog, "findDialog")
        if dialog is None:
            dialog = cls(ctx, parent)
        dialog.start(text)
        return dialog

    def closeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        self._timer.stop()
        super().closeEvent(event)

