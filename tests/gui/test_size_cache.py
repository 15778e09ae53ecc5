"""SizeCachingDelegate: the standard delegate's sizes, measured once until the model changes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from careerpivot.ui.widgets.size_cache import SizeCachingDelegate


def _view(qtbot) -> tuple[QTreeView, QStandardItemModel]:
    model = QStandardItemModel(0, 2)
    for i in range(30):
        model.appendRow([QStandardItem(f"item {i}" * (i % 4 + 1)), QStandardItem(str(i))])
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view, model


def test_sizes_are_the_standard_ones_and_follow_changes(qtbot):
    view, model = _view(qtbot)
    plain = QStyledItemDelegate()
    cached = SizeCachingDelegate(view)
    assert view.itemDelegate() is cached
    view.show()
    qtbot.waitExposed(view)
    widths = [view.header().sectionSize(c) for c in range(2)]

    def option() -> QStyleOptionViewItem:
        opt = QStyleOptionViewItem()
        opt.initFrom(view)
        opt.decorationSize = view.iconSize()
        return opt

    for row in range(model.rowCount()):
        index = model.index(row, 0)
        assert cached.sizeHint(option(), index) == plain.sizeHint(option(), index)
    assert cached._sizes  # remembered

    model.item(3, 0).setText("a much longer text than any other in this column")
    assert not cached._sizes  # forgotten on dataChanged
    qtbot.waitUntil(lambda: view.header().sectionSize(0) > widths[0])
    index = model.index(3, 0)
    assert cached.sizeHint(option(), index) == plain.sizeHint(option(), index)

    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)
    assert not cached._sizes  # forgotten when the font changes
