"""Merging contacts: which record to keep, and what happens to the others, said before
anything changes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from careerpivot.services.network import ContactRow
from careerpivot.ui.widgets.form_parts import hint

_FILLED = ("organization", "role", "level", "email", "phone", "url", "how_met", "notes")


def _completeness(row: ContactRow) -> tuple[int, int, int]:
    """The record a user most likely wants to keep: most conversations, then most fields."""
    return (row.interview_count, sum(bool(getattr(row, f)) for f in _FILLED), -row.id)


class ChooseContactToKeep(QDialog):
    def __init__(self, rows: Sequence[ContactRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeContactsDialog")
        self.setWindowTitle(self.tr("Merge Contacts"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "These %n records become one person. Keep which one?", "", len(rows)), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        best = max(rows, key=_completeness)
        for row in rows:
            details = [d for d in (row.organization, row.role, row.email) if d]
            text = row.name + (f" — {', '.join(details)}" if details else "")
            text += " " + self.tr("(%n conversation(s))", "", row.interview_count)
            button = QRadioButton(text, self)
            button.setObjectName(f"keepContact{row.id}")
            self.group.addButton(button, row.id)
            button.setChecked(row is best)
            layout.addWidget(button)
        what = hint(self.tr(
            "The kept record takes the others' conversations, introductions, tags, paths, "
            "milestones and log entries, and fills its empty fields from them; their notes "
            "are added to its notes. Conversations already held keep the person as they "
            "were then, so the evidence counts them as one person from now on. You can "
            "undo the merge."), self)
        what.setObjectName("mergeConsequences")
        layout.addWidget(what)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())

    def kept_id(self) -> int:
        return self.group.checkedId()

    @classmethod
    def ask(cls, parent: QWidget | None, rows: Sequence[ContactRow]) -> int | None:
        """The id of the record to keep, or None when the user cancels."""
        dialog = cls(rows, parent)
        return dialog.kept_id() if dialog.exec() == QDialog.DialogCode.Accepted else None
