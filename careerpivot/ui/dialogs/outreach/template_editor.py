"""The outreach dialog's "Edit Template" page: the name, subject and body of the template chosen
in the dialog's list, stored as they are edited (a :class:`FormBinder`), the placeholders to
insert, the checks of the body, and *Restore Original*."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import outreach
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.outreach.message_checks import checks, placeholder_names, render
from careerpivot.ui.undo import push_change
from careerpivot.ui.widgets.forms import FormBinder, error_label

translate = QCoreApplication.translate  # (a name lupdate recognises)


class TemplateEditor(QWidget):
    """Edits one template at a time (:meth:`show_template`); its texts are looked up under the
    dialog's context, "OutreachDialog"."""

    #: the template shown was stored (an edit, or *Restore Original*): its name now
    stored = Signal(str)

    #: the widgets the dialog keeps as its own attributes
    DIALOG_ATTRIBUTES = ("binder", "name_edit", "subject_template", "body_template",
                         "placeholder_list", "template_checks", "restore_button",
                         "restore_template")

    def __init__(self, ctx: AppContext, templates: Iterable[outreach.TemplateRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._templates = {t.key: t for t in templates}
        self._key = outreach.REQUEST
        self._build()

    def _build(self) -> None:
        self.binder = FormBinder(self.ctx, self._save_template, area=Area.LOG,
                                 what="template", parent=self,
                                 reload=self._template_values)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("templateName")
        self.subject_template = QLineEdit(self)
        self.subject_template.setObjectName("templateSubject")
        self.body_template = QPlainTextEdit(self)
        self.body_template.setObjectName("templateBody")
        self.body_template.setTabChangesFocus(True)
        form = QFormLayout()
        for label, field, editor in (
                (translate("OutreachDialog", "&Name:"), "name", self.name_edit),
                (translate("OutreachDialog", "S&ubject:"), "subject", self.subject_template)):
            box = QWidget(self)
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.addWidget(editor)
            error = error_label(box)
            col.addWidget(error)
            self.binder.bind(field, editor, error, title=label.replace("&", "").rstrip(":"))
            form.addRow(label, box)
        body_error = error_label(self)
        self.binder.bind("body", self.body_template, body_error,
                         title=translate("OutreachDialog", "body"))

        self.placeholder_list = QListWidget(self)
        self.placeholder_list.setObjectName("placeholderList")
        self.placeholder_list.setMaximumWidth(230)
        self.placeholder_list.setToolTip(translate("OutreachDialog",
                                                   "Double-click to insert at the cursor"))
        for name, text in placeholder_names().items():
            item = QListWidgetItem("{" + name + "}", self.placeholder_list)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, name)
        self.placeholder_list.itemDoubleClicked.connect(self._insert_placeholder)
        middle = QHBoxLayout()
        middle.addWidget(self.body_template, 1)
        side = QVBoxLayout()
        side.addWidget(QLabel(translate("OutreachDialog", "Placeholders:"), self))
        side.addWidget(self.placeholder_list, 1)
        middle.addLayout(side)

        self.template_checks = QLabel(self)
        self.template_checks.setObjectName("templateChecks")
        self.template_checks.setWordWrap(True)
        self.template_checks.setTextFormat(Qt.TextFormat.RichText)
        self.restore_button = QPushButton(translate("OutreachDialog", "Restore &Original"), self)
        self.restore_button.setObjectName("restoreTemplateButton")
        self.restore_button.clicked.connect(self.restore_template)
        note = QLabel(translate("OutreachDialog", "Templates are kept in this workspace; every "
                                                  "change is saved as you type."), self)
        note.setWordWrap(True)
        note.setEnabled(False)

        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addLayout(middle, 1)
        column.addWidget(body_error)
        column.addWidget(self.template_checks)
        bottom = QHBoxLayout()
        bottom.addWidget(note, 1)
        bottom.addWidget(self.restore_button)
        column.addLayout(bottom)
        self.body_template.textChanged.connect(self._show_template_checks)
        self.binder.stored.connect(lambda _f: self._template_stored())

    # --- the dialog's side ----------------------------------------------------------------
    def show_template(self, key: str) -> None:
        """Edit the template ``key`` (the one chosen in the dialog's list), storing pending
        edits of the one shown first."""
        self._key = key
        self.binder.flush()
        row = self._templates.get(key)
        if row is not None:
            self.binder.load(row.id, self._template_values(row.id))
            self._show_template_checks()

    def flush(self) -> bool:
        """Store every pending edit; False if some could not be stored."""
        return self.binder.flush()

    # --- storing --------------------------------------------------------------------------
    def _template_values(self, template_id: int) -> dict[str, Any]:
        key = next((k for k, t in self._templates.items() if t.id == template_id), None)
        if key is None:
            return {}
        row = outreach.get_template(key)
        self._templates[key] = row
        return {"name": row.name, "subject": row.subject, "body": row.body}

    def _save_template(self, template_id: int, field: str, value: Any) -> None:
        key = next(k for k, t in self._templates.items() if t.id == template_id)
        outreach.update_template(key, field, value)

    def _template_stored(self) -> None:
        row = self._templates[self._key] = outreach.get_template(self._key)
        self.stored.emit(row.name)

    def _show_template_checks(self) -> None:
        found = checks(self.body_template.toPlainText(), self._key)
        self.template_checks.setText(render(found, self.palette()))

    def _insert_placeholder(self, item: QListWidgetItem) -> None:
        self.body_template.insertPlainText("{" + item.data(Qt.ItemDataRole.UserRole) + "}")
        self.body_template.setFocus()

    def restore_template(self) -> None:
        key = self._key
        self.binder.flush()
        try:
            before = outreach.reset_template(key)
        except CareerPivotError as exc:
            QMessageBox.warning(self.window(), self.window().windowTitle(), exc.message)
            return

        def undo() -> None:
            for field in ("name", "subject", "body"):
                outreach.update_template(key, field, getattr(before, field))

        def redo() -> None:
            outreach.reset_template(key)

        push_change(self.ctx, translate("OutreachDialog", "restore template"), Area.LOG, undo,
                    redo)
        row = outreach.get_template(key)
        self._templates[key] = row
        self.binder.load(row.id, self._template_values(row.id))
        self._template_stored()
