"""Confirming the delete of contacts: says what goes with them before anything is deleted."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from careerpivot.services.network import DeleteImpact

#: lupdate finds the texts of ``translate("Context", "text", "", n)`` calls.
translate = QCoreApplication.translate


def consequences(impact: DeleteImpact) -> str:
    """What the delete takes with it and what it only unlinks, in sentences."""
    parts = []
    if impact.interviews:
        n = impact.interviews
        parts.append(
            translate(
                "ConfirmDeleteContacts",
                "%n interview with its answers, evidence and skill mentions will be deleted too.",
                "",
                n,
            )
            if n == 1
            else translate(
                "ConfirmDeleteContacts",
                "%n interviews with their answers, evidence and skill mentions will be deleted "
                "too.",
                "",
                n,
            )
        )
    else:
        parts.append(translate("ConfirmDeleteContacts", "No interviews are recorded with them."))
    if impact.introduced:
        n = impact.introduced
        parts.append(
            translate(
                "ConfirmDeleteContacts",
                "%n person they introduced will stay in your network without the link.",
                "",
                n,
            )
            if n == 1
            else translate(
                "ConfirmDeleteContacts",
                "%n people they introduced will stay in your network without the link.",
                "",
                n,
            )
        )
    if impact.milestones:
        n = impact.milestones
        parts.append(
            translate(
                "ConfirmDeleteContacts",
                "%n milestone will lose its accountability partner.",
                "",
                n,
            )
            if n == 1
            else translate(
                "ConfirmDeleteContacts",
                "%n milestones will lose their accountability partner.",
                "",
                n,
            )
        )
    parts.append(translate("ConfirmDeleteContacts", "You can undo this with Edit > Undo."))
    return " ".join(parts)


class ConfirmDeleteContacts(QMessageBox):
    def __init__(
        self, names: Sequence[str], impact: DeleteImpact, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDeleteContacts")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(translate("ConfirmDeleteContacts", "Delete Contacts"))
        if len(names) == 1:
            self.setText(translate("ConfirmDeleteContacts", "Delete {0}?").format(names[0]))
        else:
            self.setText(
                translate("ConfirmDeleteContacts", "Delete %n contacts?", "", len(names))
            )
            shown = "\n".join(names[:20])
            if len(names) > 20:
                shown += "\n" + translate(
                    "ConfirmDeleteContacts", "… and %n more", "", len(names) - 20
                )
            self.setDetailedText(shown)
        self.setInformativeText(consequences(impact))
        self.delete_button = self.addButton(
            translate("ConfirmDeleteContacts", "&Delete"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("confirmDeleteButton")
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)

    @classmethod
    def ask(cls, parent: QWidget | None, names: Sequence[str], impact: DeleteImpact) -> bool:
        """True when the user confirmed the delete."""
        box = cls(names, impact, parent)
        try:
            box.exec()
            return box.clickedButton() is box.delete_button
        finally:
            box.deleteLater()
