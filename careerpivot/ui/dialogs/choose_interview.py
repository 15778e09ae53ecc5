"""Which conversation's prep sheet to make, when the Summary or a menu asks for one without
a conversation chosen (:class:`ChooseInterviewDialog`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate


class ChooseInterviewDialog(QDialog):
    """Which interview's prep sheet?"""

    def __init__(self, choices: list, current: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chooseInterviewDialog")
        self.setWindowTitle(translate("Export", "Interview Prep Sheet"))
        layout = QVBoxLayout(self)
        label = QLabel(translate("Export", "Make the prep sheet for which conversation?"))
        layout.addWidget(label)
        self.combo = QComboBox(self)
        self.combo.setObjectName("interviewCombo")
        for choice in choices:
            self.combo.addItem(choice.label, choice.id)
        if current is not None and self.combo.findData(current) >= 0:
            self.combo.setCurrentIndex(self.combo.findData(current))
        label.setBuddy(self.combo)
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, choices: list, current: int | None) -> int | None:
        dialog = cls(choices, current, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.combo.currentData()
        finally:
            dialog.deleteLater()
