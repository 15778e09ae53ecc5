"""Add a question to the question bank (and, optionally, to a path's core questions)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QPlainTextEdit, QWidget

from careerpivot.core import vocab
from careerpivot.core.validation import clean_text
from careerpivot.services.paths import MAX_QUESTION
from careerpivot.ui.dialogs.form_dialog import FormDialog


class AddQuestionDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None, path_title: str = "") -> None:
        super().__init__(parent, self.tr("New Question"),
                         self.tr("The question is added to your question bank, where every "
                                 "path and interview guide can use it."))
        self.setObjectName("addQuestionDialog")
        self.text = self.add_row(self.tr("&Question:"), "text", QPlainTextEdit())
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 3 + 12)
        self.category = self.add_row(self.tr("&Category:"), "category", QComboBox())
        for key, name in vocab.QUESTION_CATEGORIES.items():
            self.category.addItem(QCoreApplication.translate("vocab", name), key)
        self.category.setCurrentIndex(self.category.findData("other"))
        self.add_to_path = QCheckBox(self.tr("Also make it a core question of “{0}”")
                                     .format(path_title))
        self.add_to_path.setChecked(bool(path_title))
        self.add_to_path.setVisible(bool(path_title))
        self.form.addRow("", self.add_to_path)

    def values(self) -> dict[str, Any]:
        return {
            "text": clean_text("text", self.text.toPlainText(), required=True,
                               max_len=MAX_QUESTION),
            "category": self.category.currentData(),
            "add_to_path": self.add_to_path.isVisible() and self.add_to_path.isChecked(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None = None, path_title: str = "") -> dict[str, Any] | None:
        return cls(parent, path_title).run()
