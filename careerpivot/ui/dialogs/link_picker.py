"""Choose any number of items (skills, learning items) from a list with check boxes and a
filter: :meth:`LinkPicker.ask` returns the ids chosen, or None when cancelled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class LinkPicker(QDialog):
    """Choose any number of items from a list with check boxes and a filter."""

    def __init__(self, title: str, choices: list[tuple[int, str]], selected: set[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkPicker")
        self.setWindowTitle(title)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("linkFilter")
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("linkList")
        for item_id, text in choices:
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if item_id in selected
                               else Qt.CheckState.Unchecked)
        self.filter.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        if not choices:
            empty = QLabel(self.tr("There is nothing to choose yet."), self)
            empty.setWordWrap(True)
            layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(420, 440)

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def chosen(self) -> list[int]:
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, choices: list[tuple[int, str]],
            selected: set[int]) -> list[int] | None:
        dialog = cls(title, choices, selected, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.chosen()
        finally:
            dialog.deleteLater()
