"""Add or change an assumption: the statement, its category and the initial confidence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QSpinBox, QWidget

from careerpivot.core import vocab
from careerpivot.core.validation import clean_text
from careerpivot.services.paths import MAX_STATEMENT
from careerpivot.ui.dialogs.form_dialog import FormDialog


class AssumptionDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None, path_title: str = "",
                 current: dict[str, Any] | None = None) -> None:
        title = self.tr("Change Assumption") if current else self.tr("New Assumption")
        intro = self.tr("What do you believe about “{0}”? Write it so a conversation can "
                        "support or challenge it.").format(path_title) if path_title else ""
        super().__init__(parent, title, intro)
        self.setObjectName("assumptionDialog")
        self.statement = self.add_row(self.tr("&Assumption:"), "statement", QPlainTextEdit())
        self.statement.setTabChangesFocus(True)
        self.statement.setPlaceholderText(
            self.tr("for example: I need SQL to answer my own product questions"))
        self.statement.setFixedHeight(self.statement.fontMetrics().lineSpacing() * 4 + 12)
        self.category = self.add_row(self.tr("&Category:"), "category", QComboBox())
        for key, name in vocab.ASSUMPTION_CATEGORIES.items():
            self.category.addItem(QCoreApplication.translate("vocab", name), key)
        self.confidence = self.add_row(self.tr("C&onfidence:"), "confidence", QSpinBox())
        self.confidence.setRange(0, 100)
        self.confidence.setSingleStep(5)
        self.confidence.setSuffix(self.tr(" %"))
        self.confidence.setToolTip(self.tr("How sure you are before talking to anyone"))
        values = current or {"statement": "", "category": "other", "confidence": 50}
        self.statement.setPlainText(values.get("statement", ""))
        index = self.category.findData(values.get("category", "other"))
        self.category.setCurrentIndex(max(index, 0))
        self.confidence.setValue(int(values.get("confidence", 50)))

    def values(self) -> dict[str, Any]:
        return {
            "statement": clean_text("statement", self.statement.toPlainText(), required=True,
                                    max_len=MAX_STATEMENT),
            "category": self.category.currentData(),
            "confidence": self.confidence.value(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None = None, path_title: str = "",
            current: dict[str, Any] | None = None) -> dict[str, Any] | None:
        return cls(parent, path_title, current).run()
