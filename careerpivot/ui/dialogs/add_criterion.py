"""Add a criterion to the comparison of paths."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLineEdit, QWidget

from careerpivot.core.validation import clean_line
from careerpivot.services.paths import MAX_WEIGHT
from careerpivot.ui.dialogs.form_dialog import FormDialog


class AddCriterionDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("New Criterion"),
                         self.tr("Something that matters to you when choosing between paths, "
                                 "such as “Time with family” or “Stability”."))
        self.setObjectName("addCriterionDialog")
        self.name = self.add_row(self.tr("&Name:"), "name", QLineEdit())
        self.weight = self.add_row(self.tr("&Weight:"), "weight", QDoubleSpinBox())
        self.weight.setRange(0, MAX_WEIGHT)
        self.weight.setDecimals(1)
        self.weight.setValue(2.0)
        self.weight.setToolTip(self.tr("How much it counts compared with the other criteria"))
        self.from_evidence = QCheckBox(self.tr("Fill from the &evidence for each path's "
                                               "assumptions"))
        self.form.addRow("", self.from_evidence)

    def values(self) -> dict[str, Any]:
        return {"name": clean_line("name", self.name.text(), required=True),
                "weight": self.weight.value(),
                "from_evidence": self.from_evidence.isChecked()}

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> dict[str, Any] | None:
        return cls(parent).run()
