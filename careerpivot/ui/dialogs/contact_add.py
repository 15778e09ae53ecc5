"""The small form that adds a contact: a name (required) and the facts people usually know at
once. Everything else is edited afterwards in the Network tab's detail editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
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
from careerpivot.services import network
from careerpivot.ui.widgets.forms import error_label


def _vocab(text: str) -> str:
    return QCoreApplication.translate("vocab", text)


class AddContactDialog(QDialog):
    """Asks for a new contact's first facts; :meth:`ask` returns them or None."""

    def __init__(self, parent: QWidget | None = None, *, initial_name: str = "",
                 validate: Callable[..., dict] = network.validate_contact,
                 find_duplicates: Callable[..., list] = network.find_duplicates) -> None:
        super().__init__(parent)
        self.setObjectName("addContactDialog")
        self.setWindowTitle(self.tr("Add Contact"))
        self._validate = validate
        self._find_duplicates = find_duplicates
        self._values: dict[str, Any] | None = None

        intro = QLabel(self.tr("Who would you like to talk to? Only the name is required; "
                               "you can add the rest later."))
        intro.setWordWrap(True)

        self.name = QLineEdit(initial_name)
        self.name.setObjectName("newContactName")
        self.organization = QLineEdit()
        self.organization.setObjectName("newContactOrganization")
        self.role = QLineEdit()
        self.role.setObjectName("newContactRole")
        self.level = QComboBox()
        self.level.setObjectName("newContactLevel")
        for key, name in vocab.LEVELS.items():
            self.level.addItem(_vocab(name), key)
        self.stage = QComboBox()
        self.stage.setObjectName("newContactStage")
        for key, name in vocab.STAGES.items():
            self.stage.addItem(_vocab(name), key)
        self.email = QLineEdit()
        self.email.setObjectName("newContactEmail")
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.url = QLineEdit()
        self.url.setObjectName("newContactUrl")
        self.url.setPlaceholderText(self.tr("linkedin.com/in/…"))
        self.how_met = QLineEdit()
        self.how_met.setObjectName("newContactHowMet")
        self.how_met.setPlaceholderText(self.tr("Where you met, or who suggested them"))

        self.duplicate_note = QLabel()
        self.duplicate_note.setObjectName("newContactDuplicate")
        self.duplicate_note.setWordWrap(True)
        self.duplicate_note.hide()

        self._editors = {"name": self.name, "organization": self.organization,
                         "role": self.role, "level": self.level, "stage": self.stage,
                         "email": self.email, "url": self.url, "how_met": self.how_met}
        self._errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        labels = {
            "name": self.tr("Na&me:"), "organization": self.tr("Organi&zation:"),
            "role": self.tr("&Role:"), "level": self.tr("Level:"), "stage": self.tr("S&tage:"),
            "email": self.tr("E-mail:"), "url": self.tr("Profile &URL:"),
            "how_met": self.tr("Ho&w met:"),
        }
        for field, editor in self._editors.items():
            label = QLabel(labels[field])
            label.setBuddy(editor)
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            error = error_label(box)
            error.setObjectName(f"new_{field}Error")
            column.addWidget(error)
            self._errors[field] = error
            form.addRow(label, box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("addContactButtons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Add Contact"))
        ok.setObjectName("addContactOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.duplicate_note)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

        self.name.editingFinished.connect(self._check_duplicates)
        self.organization.editingFinished.connect(self._check_duplicates)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(), "organization": self.organization.text(),
            "role": self.role.text(), "level": self.level.currentData(),
            "stage": self.stage.currentData(), "email": self.email.text(),
            "url": self.url.text(), "how_met": self.how_met.text(),
        }

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
            self._fit()
            editor = self._editors.get(exc.field)
            if editor is not None:
                editor.setFocus()
            return
        self._values = values
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, initial_name: str = ""
            ) -> dict[str, Any] | None:
        """The new contact's fields (validated), or None when cancelled."""
        dialog = cls(parent, initial_name=initial_name)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog._values
            return None
        finally:
            dialog.deleteLater()
