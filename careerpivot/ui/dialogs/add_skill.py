"""The small form that adds a skill to the development list: a name (new, required), its kind,
the current and target level, and whether it is a transferable strength."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.errors import ValidationError
from careerpivot.services import development
from careerpivot.ui.itemmodels.skills import LEVEL_NAMES, level_name
from careerpivot.ui.widgets.forms import error_label


def _vocab(text: str) -> str:
    return QCoreApplication.translate("vocab", text)


def level_combo(parent: QWidget | None = None) -> QComboBox:
    """A combo box of the levels "0 none" to "4 expert" (item data: the number)."""
    combo = QComboBox(parent)
    for level in range(len(LEVEL_NAMES)):
        combo.addItem(level_name(level), level)
    return combo


class AddSkillDialog(QDialog):
    """Asks for a new skill; :meth:`ask` returns its validated fields or None."""

    def __init__(self, parent: QWidget | None = None, *, initial_name: str = "",
                 validate: Callable[..., dict] = development.validate_skill) -> None:
        super().__init__(parent)
        self.setObjectName("addSkillDialog")
        self.setWindowTitle(self.tr("Add Skill"))
        self._validate = validate
        self._values: dict[str, Any] | None = None

        intro = QLabel(self.tr(
            "A skill, tool, certification or piece of domain knowledge you want to track. "
            "Skills mentioned in your conversations are added for you from the Interviews "
            "tab."))
        intro.setWordWrap(True)

        self.name = QLineEdit(initial_name)
        self.name.setObjectName("newSkillName")
        self.kind = QComboBox()
        self.kind.setObjectName("newSkillKind")
        for key, name in vocab.SKILL_KINDS.items():
            self.kind.addItem(_vocab(name), key)
        self.current = level_combo()
        self.current.setObjectName("newSkillCurrent")
        self.target = level_combo()
        self.target.setObjectName("newSkillTarget")
        self.target.setCurrentIndex(3)
        self.transferable = QCheckBox(self.tr("I already bring this (a transferable "
                                              "strength)"))
        self.transferable.setObjectName("newSkillTransferable")

        self._editors: dict[str, QWidget] = {
            "name": self.name, "kind": self.kind, "current_level": self.current,
            "target_level": self.target, "transferable": self.transferable,
        }
        labels = {
            "name": self.tr("Na&me:"), "kind": self.tr("&Kind:"),
            "current_level": self.tr("&Current level:"),
            "target_level": self.tr("&Target level:"), "transferable": "",
        }
        self._errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for field, editor in self._editors.items():
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            error = error_label(box)
            error.setObjectName(f"newSkill_{field}Error")
            column.addWidget(error)
            self._errors[field] = error
            if labels[field]:
                label = QLabel(labels[field])
                label.setBuddy(editor)
                form.addRow(label, box)
            else:
                form.addRow(box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Add Skill"))
        ok.setObjectName("addSkillOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(), "kind": self.kind.currentData(),
            "current_level": self.current.currentData(),
            "target_level": self.target.currentData(),
            "transferable": self.transferable.isChecked(),
        }

    def accept(self) -> None:
        for error in self._errors.values():
            error.hide()
        values = self.values()
        try:
            self._validate(**values)
        except ValidationError as exc:
            error = self._errors.get(exc.field, self._errors["name"])
            error.setText(exc.message)
            error.show()
            self._editors.get(exc.field, self.name).setFocus()
            return
        self._values = values
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, initial_name: str = ""
            ) -> dict[str, Any] | None:
        """The new skill's fields (validated), or None when cancelled."""
        dialog = cls(parent, initial_name=initial_name)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog._values
            return None
        finally:
            dialog.deleteLater()
