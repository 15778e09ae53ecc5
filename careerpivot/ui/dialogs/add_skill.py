"""The small form that adds a skill to the development list: a name (new, required), its kind,
the current and target level, and whether it is a transferable strength."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLineEdit, QWidget

from careerpivot.core import vocab
from careerpivot.services import development
from careerpivot.ui.dialogs.form_dialog import FormDialog
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.itemmodels.skills import LEVEL_NAMES, level_name


def level_combo(parent: QWidget | None = None) -> QComboBox:
    """A combo box of "not assessed" (item data None, at the top) and the levels "0 none" to
    "4 expert" (item data: the number)."""
    combo = QComboBox(parent)
    combo.addItem(level_name(None), None)
    for level in range(len(LEVEL_NAMES)):
        combo.addItem(level_name(level), level)
    return combo


class AddSkillDialog(FormDialog):
    """Asks for a new skill; :meth:`ask` returns its validated fields or None."""

    error_prefix = "newSkill_"

    def __init__(self, parent: QWidget | None = None, *, initial_name: str = "",
                 transferable: bool = False,
                 validate: Callable[..., dict] = development.validate_skill) -> None:
        super().__init__(parent, self.tr("Add Skill"), self.tr(
            "A skill, tool, certification or piece of domain knowledge you want to track. "
            "Skills mentioned in your conversations are added for you from the Interviews "
            "tab."))
        self.setObjectName("addSkillDialog")
        self._validate = validate

        self.name = self.add_row(self.tr("Na&me:"), "name", QLineEdit(initial_name))
        self.name.setObjectName("newSkillName")
        self.kind = self.add_row(self.tr("&Kind:"), "kind", QComboBox())
        self.kind.setObjectName("newSkillKind")
        for key, name in vocab.SKILL_KINDS.items():
            self.kind.addItem(_vocab(name), key)
        self.current = self.add_row(self.tr("&Current level:"), "current_level", level_combo())
        self.current.setObjectName("newSkillCurrent")
        self.target = self.add_row(self.tr("&Target level:"), "target_level", level_combo())
        self.target.setObjectName("newSkillTarget")
        self.current.setCurrentIndex(self.current.findData(0))
        self.target.setCurrentIndex(self.target.findData(3))
        self.transferable = self.add_row("", "transferable", QCheckBox(self.tr(
            "I already bring this (a transferable strength)")))
        self.transferable.setObjectName("newSkillTransferable")
        self.transferable.setChecked(transferable)

        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Add Skill"))
        ok.setObjectName("addSkillOk")
        self.setMinimumWidth(420)

    def values(self) -> dict[str, Any]:
        """The fields as entered, once the validator accepts them."""
        fields = {
            "name": self.name.text(), "kind": self.kind.currentData(),
            "current_level": self.current.currentData(),
            "target_level": self.target.currentData(),
            "transferable": self.transferable.isChecked(),
        }
        self._validate(**fields)
        return fields

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, initial_name: str = "",
            transferable: bool = False) -> dict[str, Any] | None:
        """The new skill's fields (validated), or None when cancelled; ``transferable``
        ticks "I already bring this" at first."""
        return cls(parent, initial_name=initial_name, transferable=transferable).run()
