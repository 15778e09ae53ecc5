"""What the pages of the Development tab build alike: section titles, the forms of the
inspector, widget shortcuts, row selection and the saved layout. Nothing here shows a text of
its own (``tr()`` stays in the classes that show it)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.settings import Settings
from careerpivot.ui.itemmodels import skills as sm
from careerpivot.ui.widgets.forms import FormBinder, error_label


def vocab_text(text: str) -> str:
    return QCoreApplication.translate("vocab", text)


def escape(text: str) -> str:
    """``text`` as rich text shows it literally. (Not the html module: importing it costs
    3 ms of the tab's first show.)"""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def section_title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(f"<b>{text}</b>", parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def new_form(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return form


def form_row(form: QFormLayout, binder: FormBinder | None, label_text: str,
             field: str | None, editor: QWidget, title: str = "",
             extra: QWidget | None = None) -> QWidget:
    parent = form.parentWidget()
    label = QLabel(label_text, parent)
    label.setBuddy(editor)
    box = QWidget(parent)
    col = QVBoxLayout(box)
    col.setContentsMargins(0, 0, 0, 0)
    col.setSpacing(2)
    line = QHBoxLayout()
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(editor, 1)
    if extra is not None:
        line.addWidget(extra)
    col.addLayout(line)
    if field is not None and binder is not None:
        error = error_label(box)
        col.addWidget(error)
        binder.bind(field, editor, error, title or field)
    form.addRow(label, box)
    box.setProperty("formLabel", label)
    return box


def shortcut(key: Any, widget: QWidget, slot: Callable[[], None]) -> None:
    item = QShortcut(QKeySequence(key), widget)
    item.setContext(Qt.ShortcutContext.WidgetShortcut)
    item.activated.connect(slot)


def selected_id(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    value = rows[0].data(sm.SKILL_ID_ROLE)  # same role as LEARNING_ID_ROLE
    return int(value) if value is not None else None


def select_row(table: QTableView, row: int, *, scroll: bool = True) -> None:
    model = table.model()
    if row < 0 or row >= model.rowCount():
        return
    column = max(table.currentIndex().column(), 0)
    table.selectionModel().setCurrentIndex(
        model.index(row, column),
        QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    if scroll:
        table.scrollTo(model.index(row, 0))


class _RowsById(Protocol):
    def row_of(self, item_id: int) -> int: ...

    def index(self, row: int, column: int) -> Any: ...


class KeptSelection:
    """Selects the same items again after their lists' models were reset. While it does,
    :attr:`restoring` is True: the tab ignores the selection changes it makes."""

    def __init__(self) -> None:
        self.restoring = False

    @contextlib.contextmanager
    def keeping(self, views: Sequence[tuple[QTableView, _RowsById, int | None, bool]]
                ) -> Iterator[None]:
        """Run model resets, then select in each ``(table, model, item id, clear)`` the
        item again, keeping the scroll position (``clear``: the table selects nothing when
        its item is gone). With no views, only mutes the selection changes."""
        scrolls = [table.verticalScrollBar().value() for table, *_ in views]
        self.restoring = True
        try:
            yield
            for table, model, item_id, clear in views:
                row = model.row_of(item_id) if item_id is not None else -1
                if row >= 0:
                    select_row(table, row, scroll=False)
                elif clear:
                    table.selectionModel().clearSelection()
            for (table, *_), value in zip(views, scrolls, strict=True):
                table.verticalScrollBar().setValue(value)
            # the selected rows stay in view when the ranking moved them
            for table, model, item_id, _clear in views:
                row = model.row_of(item_id) if item_id is not None else -1
                if row >= 0:
                    table.scrollTo(model.index(row, 0))
        finally:
            self.restoring = False


def save_layout(settings: Settings, splitters: dict[str, QSplitter],
                tables: dict[str, QTableView]) -> None:
    """Keep the splitters and the tables' columns in ``settings``, by name."""
    for name, splitter in splitters.items():
        settings.set_window_state(name, splitter.saveState())
    for name, table in tables.items():
        settings.set_window_state(name, table.horizontalHeader().saveState())


def restore_layout(settings: Settings, splitters: dict[str, QSplitter],
                   tables: dict[str, QTableView]) -> list[str]:
    """Put back what :func:`save_layout` kept; a table is sorted as its header says. The
    names of the tables whose columns were put back."""
    for name, splitter in splitters.items():
        state = settings.window_state(name)
        if state is not None:
            splitter.restoreState(state)
    restored = []
    for name, table in tables.items():
        state = settings.window_state(name)
        header = table.horizontalHeader()
        if state is not None and header.restoreState(state):
            restored.append(name)
            order = (header.sortIndicatorSection(), header.sortIndicatorOrder())
            model = table.model()
            if order != model.sort_column():  # (the tab may have loaded already)
                model.sort(*order)
    return restored
