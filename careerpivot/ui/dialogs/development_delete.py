"""Confirming the delete of a skill or a learning item: says what goes with it first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

#: lupdate finds the texts of ``translate("Context", "text", "", n)`` calls.
translate = QCoreApplication.translate


def skill_consequences(mentions: int, learning: int) -> str:
    parts = []
    if mentions:
        parts.append(
            translate(
                "ConfirmDevelopmentDelete",
                "Its %n mention(s) in your conversations will be deleted too.",
                "",
                mentions,
            )
        )
    if learning:
        parts.append(
            translate(
                "ConfirmDevelopmentDelete",
                "%n learning item(s) will no longer be linked to it (the items stay).",
                "",
                learning,
            )
        )
    parts.append(translate("ConfirmDevelopmentDelete", "You can undo this with Edit > Undo."))
    return " ".join(parts)


class ConfirmDevelopmentDelete(QMessageBox):
    def __init__(
        self, title: str, text: str, informative: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDevelopmentDelete")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(title)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the names are the user's
        self.setText(text)
        self.setInformativeText(informative)
        self.delete_button = self.addButton(
            translate("ConfirmDevelopmentDelete", "&Delete"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("confirmDeleteButton")
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)

    @classmethod
    def ask_skill(cls, parent: QWidget | None, name: str, mentions: int, learning: int) -> bool:
        """True when the user confirmed deleting the skill."""
        return cls.ask(
            parent,
            translate("ConfirmDevelopmentDelete", "Delete Skill"),
            translate("ConfirmDevelopmentDelete", "Delete the skill “{0}”?").format(name),
            skill_consequences(mentions, learning),
        )

    @classmethod
    def ask_learning(cls, parent: QWidget | None, title: str) -> bool:
        """True when the user confirmed deleting the learning item."""
        return cls.ask(
            parent,
            translate("ConfirmDevelopmentDelete", "Delete Learning Item"),
            translate("ConfirmDevelopmentDelete", "Delete “{0}”?").format(title),
            translate(
                "ConfirmDevelopmentDelete",
                "Its links to skills go with it. You can undo this with Edit > Undo.",
            ),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, informative: str) -> bool:
        box = cls(title, text, informative, parent)
        try:
            box.exec()
            return box.clickedButton() is box.delete_button
        finally:
            box.deleteLater()
