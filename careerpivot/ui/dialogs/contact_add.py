"""The small form that adds a contact: a name (required) and the facts people usually know at
once. Everything else is edited afterwards in the Network tab's detail editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QWidget

from careerpivot.core import vocab
from careerpivot.services import network
from careerpivot.ui.dialogs.form_dialog import FormDialog
from careerpivot.ui.i18n import vocab_name as _vocab


class AddContactDialog(FormDialog):
    """Asks for a new contact's first facts; :meth:`ask` returns them or None."""

    error_prefix = "new_"

    def __init__(self, parent: QWidget | None = None, *, initial_name: str = "",
                 validate: Callable[..., dict] = network.validate_contact,
                 find_duplicates: Callable[..., list] = network.find_duplicates) -> None:
        super().__init__(parent, self.tr("Add Contact"),
                         self.tr("Who would you like to talk to? Only the name is required; "
                                 "you can add the rest later."))
        self.setObjectName("addContactDialog")
        self._validate = validate
        self._find_duplicates = find_duplicates

        self.name = self.add_row(self.tr("Na&me:"), "name", QLineEdit(initial_name))
        self.name.setObjectName("newContactName")
        self.organization = self.add_row(self.tr("Organi&zation:"), "organization", QLineEdit())
        self.organization.setObjectName("newContactOrganization")
        self.role = self.add_row(self.tr("&Role:"), "role", QLineEdit())
        self.role.setObjectName("newContactRole")
        self.level = self.add_row(self.tr("Level:"), "level", QComboBox())
        self.level.setObjectName("newContactLevel")
        for key, name in vocab.LEVELS.items():
            self.level.addItem(_vocab(name), key)
        self.stage = self.add_row(self.tr("S&tage:"), "stage", QComboBox())
        self.stage.setObjectName("newContactStage")
        for key, name in vocab.STAGES.items():
            self.stage.addItem(_vocab(name), key)
        self.email = self.add_row(self.tr("E-mail:"), "email", QLineEdit())
        self.email.setObjectName("newContactEmail")
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.url = self.add_row(self.tr("Profile &URL:"), "url", QLineEdit())
        self.url.setObjectName("newContactUrl")
        self.url.setPlaceholderText(self.tr("linkedin.com/in/…"))
        self.how_met = self.add_row(self.tr("Ho&w met:"), "how_met", QLineEdit())
        self.how_met.setObjectName("newContactHowMet")
        self.how_met.setPlaceholderText(self.tr("Where you met, or who suggested them"))

        self.duplicate_note = QLabel()
        self.duplicate_note.setObjectName("newContactDuplicate")
        self.duplicate_note.setWordWrap(True)
        self.duplicate_note.hide()
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.buttons), self.duplicate_note)

        self.buttons.setObjectName("addContactButtons")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Add Contact"))
        ok.setObjectName("addContactOk")

        self.name.editingFinished.connect(self._check_duplicates)
        self.organization.editingFinished.connect(self._check_duplicates)

    def _fields(self) -> dict[str, Any]:
        return {
            "name": self.name.text(), "organization": self.organization.text(),
            "role": self.role.text(), "level": self.level.currentData(),
            "stage": self.stage.currentData(), "email": self.email.text(),
            "url": self.url.text(), "how_met": self.how_met.text(),
        }

    def values(self) -> dict[str, Any]:
        """The fields as typed, once the validator accepts them."""
        fields = self._fields()
        self._validate(**fields)
        return fields

    def _check_duplicates(self) -> None:
        found = self._find_duplicates(self.name.text(), self.organization.text())
        if found:
            names = ", ".join(
                f"{c.name} ({c.organization})" if c.organization else c.name
                for c in found[:3])
            self.duplicate_note.setText(self.tr(
                "Already in your network: {0}. You can still add this person.").format(names))
        self.duplicate_note.setVisible(bool(found))
        self._fit()

    def _fit(self) -> None:
        """Grow (or shrink) to the messages shown: a top-level dialog does not follow the
        height its wrapped labels need by itself."""
        if self.isVisible():
            self.adjustSize()

    def show_error(self, field: str, message: str, *, focus: bool = True) -> None:
        super().show_error(field, message, focus=focus)
        self._fit()

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, initial_name: str = ""
            ) -> dict[str, Any] | None:
        """The new contact's fields (validated), or None when cancelled."""
        return cls(parent, initial_name=initial_name).run()
