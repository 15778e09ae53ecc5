"""Add a target path: its title (required) and field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from careerpivot.core.validation import clean_line
from careerpivot.ui.dialogs.form_dialog import FormDialog


class AddPathDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("New Path"),
                         self.tr("A path is a direction you are considering, such as "
                                 "“Product management” or “Operations leadership”."))
        self.setObjectName("addPathDialog")
        self.title = self.add_row(self.tr("&Title:"), "title", QLineEdit())
        self.title.setPlaceholderText(self.tr("for example Product management"))
        self.field = self.add_row(self.tr("Fiel&d or industry:"), "field", QLineEdit())
        self.field.setPlaceholderText(self.tr("optional"))

    def values(self) -> dict[str, Any]:
        return {"title": clean_line("title", self.title.text(), required=True),
                "field": clean_line("field", self.field.text())}

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> dict[str, Any] | None:
        return cls(parent).run()
