"""The dialog that adds a log entry or edits one (:class:`LogEntryDialog`)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import clock, vocab
from careerpivot.core.errors import ValidationError
from careerpivot.services import log, network
from careerpivot.services.log import LogRow
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.widgets.dates import DateField
from careerpivot.ui.widgets.forms import error_label


class LogEntryDialog(QDialog):
    """Adds a log entry or edits one; :meth:`ask` returns the values, or None."""

    def __init__(self, parent: QWidget | None = None, *, entry: LogRow | None = None,
                 kind: str = "insight", contact_id: int | None = None,
                 path_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logEntryDialog")
        self.setWindowTitle(self.tr("Edit Log Entry") if entry else self.tr("Add Log Entry"))
        self._values: dict[str, Any] | None = None
        self.kind = QComboBox(self)
        self.kind.setObjectName("logEntryKind")
        for key, name in vocab.LOG_KINDS.items():
            self.kind.addItem(_vocab(name), key)
        self.entry_date = DateField(self, optional=False)
        self.entry_date.setObjectName("logEntryDate")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("logEntryText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr(
            "What you learned, decided or need to do — for example “Send a thank-you to "
            "Priya”"))
        self.due_date = DateField(self, empty_text=self.tr("No due date"))
        self.due_date.setObjectName("logEntryDue")
        self.due_date.setToolTip(self.tr("Follow-up actions only"))
        for field, editor in (("entry_date", self.entry_date), ("due_date", self.due_date)):
            editor.messageChanged.connect(
                lambda message, f=field: self.show_error(f, message))
        self.contact = QComboBox(self)
        self.contact.setObjectName("logEntryContact")
        self.contact.setEditable(True)
        self.contact.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.contact.addItem(self.tr("— nobody —"), None)
        for choice in network.contact_choices(include_archived=True):
            label = choice.name + (f" ({choice.organization})" if choice.organization else "")
            self.contact.addItem(label, choice.id)
        completer = self.contact.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.path = QComboBox(self)
        self.path.setObjectName("logEntryPath")
        self.path.addItem(self.tr("— no path —"), None)
        for choice in network.list_path_choices():
            self.path.addItem(choice.title, choice.id)

        self._errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for label_text, field, editor in (
            (self.tr("&Kind:"), "kind", self.kind),
            (self.tr("D&ate:"), "entry_date", self.entry_date),
            (self.tr("&Text:"), "text", self.text),
            (self.tr("D&ue:"), "due_date", self.due_date),
            (self.tr("&Contact:"), "contact", self.contact),
            (self.tr("&Path:"), "path", self.path),
        ):
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            error = error_label(box)
            error.setObjectName(f"logEntry_{field}Error")
            column.addWidget(error)
            self._errors[field] = error
            label = QLabel(label_text, self)
            label.setBuddy(editor)
            form.addRow(label, box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("logEntryOk")
        self.ok_button.setText(self.tr("Save") if entry else self.tr("Add Entry"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.kind.currentIndexChanged.connect(self._kind_changed)

        today = clock.today()
        if entry is not None:
            self._select(self.kind, entry.kind)
            self.entry_date.set_value(entry.entry_date)
            self.text.setPlainText(entry.text)
            self.due_date.set_value(entry.due_date)
            self._select(self.contact, entry.contact_id)
            self._select(self.path, entry.path_id)
        else:
            self._select(self.kind, kind)
            self.entry_date.set_value(today)
            if kind == log.ACTION:
                self.due_date.set_value(today + _dt.timedelta(days=1))
            self._select(self.contact, contact_id)
            self._select(self.path, path_id)
        self._kind_changed()
        self.text.setFocus()

    @staticmethod
    def _select(box: QComboBox, data: object) -> None:
        index = box.findData(data)
        box.setCurrentIndex(index if index >= 0 else 0)

    def _kind_changed(self) -> None:
        action = self.kind.currentData() == log.ACTION
        self.due_date.setEnabled(action)
        if not action:
            self.due_date.set_empty()

    def _contact_id(self) -> int | None:
        text = self.contact.currentText().strip()
        if not text or self.contact.currentIndex() < 0:
            return None
        if self.contact.itemText(self.contact.currentIndex()) == text:
            return self.contact.currentData()
        index = self.contact.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise ValidationError("contact", self.tr("Choose a person from the list."))
        return self.contact.itemData(index)

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "entry_date": self.entry_date.checked_value("entry_date"),
            "text": self.text.toPlainText(),
            "due_date": (self.due_date.checked_value("due_date")
                         if self.due_date.isEnabled() else ""),
            "contact": self._contact_id(),
            "path": self.path.currentData(),
        }

    def show_error(self, field: str, message: str) -> None:
        for name, label in self._errors.items():
            label.setText(message if name == field else "")
            label.setVisible(name == field and bool(message))

    def accept(self) -> None:
        try:
            values = self.values()
            # the service checks again when storing; this catches typing errors early
            log.check_entry(values["kind"], values["text"], values["entry_date"],
                            values["due_date"])
        except ValidationError as exc:
            self.show_error(exc.field, exc.message)
            return
        self._values = values
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None, **kwargs: Any) -> dict[str, Any] | None:
        dialog = cls(parent, **kwargs)
        try:
            return dialog._values if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
