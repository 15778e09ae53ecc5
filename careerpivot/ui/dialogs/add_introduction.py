"""Record an introduction offered during an interview: a new contact."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from careerpivot.core.validation import clean_email, clean_line
from careerpivot.ui.dialogs.form_dialog import FormDialog


class AddIntroductionDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None, introducer: str = "") -> None:
        super().__init__(parent, self.tr("Add Introduction"),
                         self.tr("Someone {0} offered to introduce you to. They are added to "
                                 "your network as introduced by {0}.").format(
                             introducer or self.tr("this person")))
        self.setObjectName("addIntroductionDialog")
        self.name = self.add_row(self.tr("&Name:"), "name", QLineEdit())
        self.organization = self.add_row(self.tr("&Organization:"), "organization",
                                         QLineEdit())
        self.role = self.add_row(self.tr("&Role:"), "role", QLineEdit())
        self.email = self.add_row(self.tr("&E-mail:"), "email", QLineEdit())
        self.email.setPlaceholderText(self.tr("optional, name@example.org"))

    def values(self) -> dict[str, Any]:
        return {
            "name": clean_line("name", self.name.text(), required=True),
            "organization": clean_line("organization", self.organization.text()),
            "role": clean_line("role", self.role.text()),
            "email": clean_email("email", self.email.text()),
        }

    @classmethod
    def ask(cls, parent: QWidget | None = None, introducer: str = "") -> dict[str, Any] | None:
        return cls(parent, introducer).run()
