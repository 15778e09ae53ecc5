"""Plan a new interview: who (required), for which path, when, how long and how."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QSpinBox, QWidget

from careerpivot.core import vocab
from careerpivot.core.validation import ValidationError
from careerpivot.services.interviews import DEFAULT_MINUTES, MAX_MINUTES, MIN_MINUTES
from careerpivot.ui.dialogs.form_dialog import FormDialog
from careerpivot.ui.widgets.dates import DateField


def contact_label(name: str, organization: str) -> str:
    return f"{name} — {organization}" if organization else name


class AddInterviewDialog(FormDialog):
    def __init__(self, parent: QWidget | None, contacts: Sequence[tuple[int, str, str]],
                 paths: Sequence[tuple[int, str]], *, contact_id: int | None = None,
                 path_id: int | None = None) -> None:
        super().__init__(parent, self.tr("New Interview"),
                         self.tr("The guide is filled with the path's core questions; you can "
                                 "add others afterwards."))
        self.setObjectName("addInterviewDialog")
        self.contact = self.add_row(self.tr("&With:"), "contact", QComboBox())
        self.contact.setEditable(True)
        self.contact.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.contact.lineEdit().setPlaceholderText(self.tr("type a name from your network"))
        for cid, name, organization in contacts:
            self.contact.addItem(contact_label(name, organization), cid)
        completer = QCompleter(self.contact.model(), self.contact)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.contact.setCompleter(completer)
        index = self.contact.findData(contact_id) if contact_id is not None else -1
        self.contact.setCurrentIndex(index)
        if index < 0:
            self.contact.setEditText("")
        self.path = self.add_row(self.tr("&Path:"), "path", QComboBox())
        self.path.addItem(self.tr("(no path)"), 0)
        for pid, title in paths:
            self.path.addItem(title, pid)
        if path_id:
            self.path.setCurrentIndex(max(self.path.findData(path_id), 0))
        elif paths:
            self.path.setCurrentIndex(1)
        self.when = self.add_row(self.tr("&Date and time:"), "scheduled_at", DateField(
            with_time=True, empty_text=self.tr("Not agreed yet")))
        self.minutes = self.add_row(self.tr("&Length:"), "minutes", QSpinBox())
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.mode = self.add_row(self.tr("&Mode:"), "mode", QComboBox())
        for key, name in vocab.INTERVIEW_MODES.items():
            self.mode.addItem(QCoreApplication.translate("vocab", name), key)
        self.contact.setFocus()

    def _contact_id(self) -> int:
        text = self.contact.currentText().strip()
        index = self.contact.findText(text, Qt.MatchFlag.MatchFixedString)
        if not text or index < 0:
            raise ValidationError("contact", self.tr(
                "Choose who the conversation is with (add new people on the Network tab)."))
        return int(self.contact.itemData(index))

    def values(self) -> dict[str, Any]:
        return {
            "contact_id": self._contact_id(),
            "path_id": self.path.currentData() or None,
            "scheduled_at": self.when.checked_value("scheduled_at"),
            "minutes": self.minutes.value(),
            "mode": self.mode.currentData(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None, contacts: Sequence[tuple[int, str, str]],
            paths: Sequence[tuple[int, str]], *, contact_id: int | None = None,
            path_id: int | None = None) -> dict[str, Any] | None:
        return cls(parent, contacts, paths, contact_id=contact_id, path_id=path_id).run()
