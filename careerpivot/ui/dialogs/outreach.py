"""Outreach messages: a composer that fills a template for a contact, and the template editor.

The composer checks what it fills: the word count (a warning above
``core.templates.WORD_LIMIT``), whether a request ends with a question, whether it proposes a
short call, and which facts are missing. The message can be copied or opened in the mail
program (a ``mailto:`` link with the subject and body percent-encoded); *Mark as Sent* logs an
outreach entry and moves the contact's stage forward (``services.outreach.record_sent``),
undoable with Edit > Undo.

The template editor stores every edit when it is made (a :class:`FormBinder`), in the
workspace; *Restore Original* brings back the words the app started with.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import templates as _templates
from careerpivot.core import vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import interviews, network, outreach, workspace
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.undo import push_change
from careerpivot.ui.widgets.forms import FormBinder, error_label
from careerpivot.ui.widgets.log_view import status_colors


def open_url(url: QUrl) -> bool:
    """Hand a link to the desktop (tests replace this)."""
    return QDesktopServices.openUrl(url)




def placeholder_names() -> dict[str, str]:
    translate = QCoreApplication.translate  # (a name lupdate recognises)
    return {
        "contact_first_name": translate("OutreachDialog", "the contact's first name"),
        "contact_name": translate("OutreachDialog", "the contact's full name"),
        "organization": translate("OutreachDialog", "their organization (Network tab)"),
        "my_name": translate("OutreachDialog", "your name (Summary tab, profile)"),
        "path_title": translate("OutreachDialog", "the path (choose a conversation or link the "
                                           "contact to a path)"),
        "learning_goal": translate("OutreachDialog", "your learning goal (above)"),
        "interview_date": translate("OutreachDialog", "the conversation's date"),
    }


def checks(text: str, template_key: str, missing: tuple[str, ...] = ()) -> list[tuple[str, bool]]:
    """What the composer and editor say about a message: (sentence, is a warning)."""
    translate = QCoreApplication.translate  # (the name lupdate looks for)
    words = _templates.word_count(text)
    found: list[tuple[str, bool]] = []
    if words > _templates.WORD_LIMIT:
        found.append((translate("OutreachDialog", "⚠ {0} words — long for a busy person; aim for "
                                           "{1} or fewer.").format(words,
                                                                   _templates.WORD_LIMIT),
                      True))
    else:
        found.append((translate("OutreachDialog", "{0} words").format(words), False))
    if template_key == outreach.REQUEST:
        if not _templates.ends_with_question(text):
            found.append((translate("OutreachDialog", "⚠ The request does not end with a question: "
                                               "finish with the ask, so it is easy to answer."),
                          True))
        if not _templates.proposes_short_call(text):
            found.append((translate("OutreachDialog", "Tip: propose a short call (20 minutes) to "
                                               "respect their time."), False))
    if missing:
        names = placeholder_names()
        found.append((translate("OutreachDialog", "⚠ Missing: {0}.").format(
            ", ".join(names.get(m, m) for m in missing)), True))
    return found


class OutreachDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 contact_id: int | None = None, template_key: str = outreach.REQUEST,
                 interview_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("outreachDialog")
        self.setWindowTitle(self.tr("Write a Message"))
        self._message: outreach.Message | None = None
        self._dirty = False
        self._filling = False
        self._templates = {t.key: t for t in outreach.list_templates()}
        self._build()
        self._load_recipients()
        self._select_template(template_key)
        if contact_id is not None:
            self._select(self.recipient, contact_id)
        self._load_interviews(interview_id)
        self.refill()
        self.resize(860, 600)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.template_list = QListWidget(splitter)
        self.template_list.setObjectName("templateList")
        self.template_list.setMaximumWidth(220)
        self.template_list.setMinimumWidth(140)
        self.template_list.setAccessibleName(self.tr("Templates"))
        for key, row in self._templates.items():
            item = QListWidgetItem(row.name, self.template_list)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.tabs = QTabWidget(splitter)
        self.tabs.setObjectName("outreachTabs")
        self.tabs.addTab(self._build_compose(), self.tr("Message"))
        self.tabs.addTab(self._build_editor(), self.tr("Edit Template"))
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 690])
        layout.addWidget(splitter, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.template_list.currentItemChanged.connect(lambda _c, _p: self._template_changed())

    def _build_compose(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout()
        self.recipient = QComboBox(page)
        self.recipient.setObjectName("recipientCombo")
        self.recipient.setEditable(True)
        self.recipient.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.recipient.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.recipient.completer().setCompletionMode(
            QCompleter.CompletionMode.PopupCompletion)
        self.interview = QComboBox(page)
        self.interview.setObjectName("interviewCombo")
        self.goal = QLineEdit(outreach.learning_goal(), page)
        self.goal.setObjectName("learningGoal")
        self.goal.setPlaceholderText(self.tr(
            "What you want to understand, e.g. “how product managers decide what not to "
            "build”"))
        self.subject = QLineEdit(page)
        self.subject.setObjectName("subjectEdit")
        self.body = QPlainTextEdit(page)
        self.body.setObjectName("bodyEdit")
        self.body.setTabChangesFocus(True)
        for label, editor in ((self.tr("&To:"), self.recipient),
                              (self.tr("&Conversation:"), self.interview),
                              (self.tr("&Learning goal:"), self.goal),
                              (self.tr("S&ubject:"), self.subject)):
            form.addRow(label, editor)
        self.checks_label = QLabel(page)
        self.checks_label.setObjectName("checksLabel")
        self.checks_label.setWordWrap(True)
        self.checks_label.setTextFormat(Qt.TextFormat.RichText)
        self.refill_note = QLabel(self.tr("You edited the message; it was not refilled."), page)
        self.refill_note.setObjectName("refillNote")
        self.refill_button = QPushButton(self.tr("&Refill from Template"), page)
        self.refill_button.setObjectName("refillButton")
        refill = QHBoxLayout()
        refill.addWidget(self.refill_note)
        refill.addWidget(self.refill_button)
        refill.addStretch(1)
        self.refill_note.hide()
        self.refill_button.hide()

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Cop&y Message"), page)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setToolTip(self.tr("Copy the message to paste it into LinkedIn or "
                                            "any other program"))
        self.mail_button = QPushButton(self.tr("Open in &Mail Program"), page)
        self.mail_button.setObjectName("mailButton")
        self.sent_button = QPushButton(self.tr("Mark as &Sent"), page)
        self.sent_button.setObjectName("sentButton")
        self.sent_button.setToolTip(self.tr(
            "Log the message in the tracking log and move the contact forward in the "
            "pipeline"))
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.mail_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sent_button)
        self.sent_note = QLabel(page)
        self.sent_note.setObjectName("sentNote")
        self.sent_note.setWordWrap(True)

        column = QVBoxLayout(page)
        column.addLayout(form)
        column.addWidget(self.body, 1)
        column.addLayout(refill)
        column.addWidget(self.checks_label)
        column.addLayout(buttons)
        column.addWidget(self.sent_note)

        self.recipient.activated.connect(lambda _i: self._recipient_changed())
        self.recipient.lineEdit().editingFinished.connect(self._recipient_changed)
        self.interview.activated.connect(lambda _i: self._inputs_changed())
        self.goal.editingFinished.connect(self._goal_changed)
        self.body.textChanged.connect(self._edited)
        self.subject.textEdited.connect(lambda _t: self._edited())
        self.refill_button.clicked.connect(lambda: self.refill(force=True))
        self.copy_button.clicked.connect(self.copy)
        self.mail_button.clicked.connect(self.open_in_mail)
        self.sent_button.clicked.connect(self.mark_sent)
        return page

    def _build_editor(self) -> QWidget:
        page = QWidget(self)
        self.binder = FormBinder(self.ctx, self._save_template, area=Area.LOG,
                                 what="template", parent=self,
                                 reload=self._template_values)
        self.name_edit = QLineEdit(page)
        self.name_edit.setObjectName("templateName")
        self.subject_template = QLineEdit(page)
        self.subject_template.setObjectName("templateSubject")
        self.body_template = QPlainTextEdit(page)
        self.body_template.setObjectName("templateBody")
        self.body_template.setTabChangesFocus(True)
        form = QFormLayout()
        for label, field, editor in ((self.tr("&Name:"), "name", self.name_edit),
                                     (self.tr("S&ubject:"), "subject", self.subject_template)):
            box = QWidget(page)
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.addWidget(editor)
            error = error_label(box)
            col.addWidget(error)
            self.binder.bind(field, editor, error, title=label.replace("&", "").rstrip(":"))
            form.addRow(label, box)
        body_error = error_label(page)
        self.binder.bind("body", self.body_template, body_error, title=self.tr("body"))

        self.placeholder_list = QListWidget(page)
        self.placeholder_list.setObjectName("placeholderList")
        self.placeholder_list.setMaximumWidth(230)
        self.placeholder_list.setToolTip(self.tr("Double-click to insert at the cursor"))
        for name, text in placeholder_names().items():
            item = QListWidgetItem("{" + name + "}", self.placeholder_list)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, name)
        self.placeholder_list.itemDoubleClicked.connect(self._insert_placeholder)
        middle = QHBoxLayout()
        middle.addWidget(self.body_template, 1)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Placeholders:"), page))
        side.addWidget(self.placeholder_list, 1)
        middle.addLayout(side)

        self.template_checks = QLabel(page)
        self.template_checks.setObjectName("templateChecks")
        self.template_checks.setWordWrap(True)
        self.template_checks.setTextFormat(Qt.TextFormat.RichText)
        self.restore_button = QPushButton(self.tr("Restore &Original"), page)
        self.restore_button.setObjectName("restoreTemplateButton")
        self.restore_button.clicked.connect(self.restore_template)
        note = QLabel(self.tr("Templates are kept in this workspace; every change is saved "
                              "as you type."), page)
        note.setWordWrap(True)
        note.setEnabled(False)

        column = QVBoxLayout(page)
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
        return page

    # --- helpers --------------------------------------------------------------------------
    @staticmethod
    def _select(box: QComboBox, data: object) -> None:
        index = box.findData(data)
        if index >= 0:
            box.setCurrentIndex(index)

    def template_key(self) -> str:
        item = self.template_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else outreach.REQUEST

    def _select_template(self, key: str) -> None:
        for row in range(self.template_list.count()):
            if self.template_list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.template_list.setCurrentRow(row)
                return
        if self.template_list.count():
            self.template_list.setCurrentRow(0)

    def contact_id(self) -> int | None:
        text = self.recipient.currentText().strip()
        index = self.recipient.currentIndex()
        if index >= 0 and self.recipient.itemText(index) == text:
            return self.recipient.itemData(index)
        index = self.recipient.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.recipient.itemData(index) if index >= 0 else None

    def _load_recipients(self) -> None:
        self.recipient.blockSignals(True)
        self.recipient.clear()
        for choice in network.contact_choices():
            label = choice.name + (f" ({choice.organization})" if choice.organization else "")
            self.recipient.addItem(label, choice.id)
        self.recipient.setCurrentIndex(-1)
        self.recipient.blockSignals(False)

    def _load_interviews(self, selected: int | None = None) -> None:
        self.interview.clear()
        self.interview.addItem(self.tr("— none —"), None)
        contact_id = self.contact_id()
        if contact_id is None:
            return
        for row in interviews.list_interviews(contact_id=contact_id, newest_first=True):
            day = row.scheduled_at[:10] or self.tr("no date")
            status = _vocab(vocab.INTERVIEW_STATUSES.get(row.status, row.status))
            text = f"{day} · {status}" + (f" · {row.path_title}" if row.path_title else "")
            self.interview.addItem(text, row.id)
        if selected is not None:
            self._select(self.interview, selected)

    # --- composing ------------------------------------------------------------------------
    def _template_changed(self) -> None:
        key = self.template_key()
        self.binder.flush()
        row = self._templates.get(key)
        if row is not None:
            self.binder.load(row.id, self._template_values(row.id))
            self._show_template_checks()
        self._inputs_changed()

    def _recipient_changed(self) -> None:
        selected = self.interview.currentData()
        self._load_interviews(selected)
        self._inputs_changed()

    def _goal_changed(self) -> None:
        text = self.goal.text().strip()
        if text != outreach.learning_goal() and not workspace.is_read_only():
            try:
                outreach.set_learning_goal(text)
            except CareerPivotError as exc:
                self.ctx.bus.status.emit(exc.message)
        self._inputs_changed()

    def _inputs_changed(self) -> None:
        if self._dirty:
            self.refill_note.show()
            self.refill_button.show()
            return
        self.refill()

    def _edited(self) -> None:
        if self._filling:
            return
        self._dirty = True
        self._show_checks()

    def refill(self, *, force: bool = False) -> None:
        """Fill the message from the template for the chosen contact (keeps the user's own
        edits unless ``force``)."""
        if self._dirty and not force:
            return
        contact_id = self.contact_id()
        self._message = None
        self._filling = True
        try:
            if contact_id is None:
                self.subject.clear()
                self.body.clear()
            else:
                try:
                    message = outreach.compose(
                        self.template_key(), contact_id,
                        interview_id=self.interview.currentData(), goal=self.goal.text())
                except CareerPivotError as exc:
                    self.ctx.bus.status.emit(exc.message)
                    return
                self._message = message
                self.subject.setText(message.subject)
                self.body.setPlainText(message.body)
        finally:
            self._filling = False
        self._dirty = False
        self.refill_note.hide()
        self.refill_button.hide()
        self._show_checks()

    def _render(self, found: list[tuple[str, bool]]) -> str:
        overdue, _soon = status_colors(self.palette())
        parts = []
        for text, warning in found:
            safe = text.replace("&", "&amp;").replace("<", "&lt;")
            parts.append(f"<span style='color:{overdue.name()}'>{safe}</span>" if warning
                         else safe)
        return "<br>".join(parts)

    def _show_checks(self) -> None:
        missing = self._message.missing if self._message and not self._dirty else ()
        found = checks(self.body.toPlainText(), self.template_key(), missing)
        self.checks_label.setText(self._render(found))
        has_text = bool(self.body.toPlainText().strip())
        self.copy_button.setEnabled(has_text)
        self.mail_button.setEnabled(has_text)
        self.sent_button.setEnabled(has_text and self.contact_id() is not None)

    def warnings(self) -> list[str]:
        """The warnings shown under the message now (for tests and screen readers)."""
        missing = self._message.missing if self._message and not self._dirty else ()
        return [t for t, w in checks(self.body.toPlainText(), self.template_key(), missing)
                if w]

    # --- sending --------------------------------------------------------------------------
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.body.toPlainText())
        self._nudge(self.tr("Copied. When you have sent it, click Mark as Sent."))

    def mailto(self) -> str:
        contact_id = self.contact_id()
        email = ""
        if contact_id is not None:
            try:
                email = network.get_contact(contact_id).email
            except CareerPivotError:
                email = ""
        return outreach.mailto_url(email, self.subject.text(), self.body.toPlainText())

    def open_in_mail(self) -> None:
        url = QUrl.fromEncoded(self.mailto().encode("ascii"), QUrl.ParsingMode.StrictMode)
        if not open_url(url):
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "No mail program is set up on this computer. Copy the message instead and "
                "paste it where you write to this person."))
            return
        self._nudge(self.tr("Opened in your mail program. When you have sent it, click "
                            "Mark as Sent."))

    def _nudge(self, text: str) -> None:
        self.sent_note.setText(text)
        self.sent_button.setDefault(True)
        self.sent_button.setFocus()

    def mark_sent(self) -> outreach.Sent | None:
        contact_id = self.contact_id()
        if contact_id is None:
            return None
        key = self.template_key()
        body, subject = self.body.toPlainText(), self.subject.text()
        interview_id = self.interview.currentData()
        path_id = self._message.path_id if self._message is not None else None
        try:
            sent = outreach.record_sent(contact_id, key, body, interview_id=interview_id,
                                        path_id=path_id, subject=subject)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return None
        holder = {"sent": sent}

        def undo() -> None:
            outreach.undo_sent(holder["sent"])

        def redo() -> None:
            holder["sent"] = outreach.record_sent(contact_id, key, body,
                                                  interview_id=interview_id,
                                                  path_id=path_id, subject=subject)

        push_change(self.ctx, self.tr("message sent"), Area.CONTACTS, undo, redo)
        self.ctx.bus.changed.emit(Area.CONTACTS)
        self.ctx.bus.changed.emit(Area.LOG)
        stage = network.get_contact(contact_id).stage
        self.sent_note.setText(self.tr("Logged in the tracking log. Stage: {0}.").format(
            _vocab(vocab.STAGES.get(stage, stage))))
        self.ctx.bus.status.emit(self.sent_note.text())
        return sent

    # --- the template editor --------------------------------------------------------------
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
        key = self.template_key()
        self._templates[key] = outreach.get_template(key)
        item = self.template_list.currentItem()
        if item is not None:
            item.setText(self._templates[key].name)
        self._inputs_changed()

    def _show_template_checks(self) -> None:
        found = checks(self.body_template.toPlainText(), self.template_key())
        self.template_checks.setText(self._render(found))

    def _insert_placeholder(self, item: QListWidgetItem) -> None:
        self.body_template.insertPlainText("{" + item.data(Qt.ItemDataRole.UserRole) + "}")
        self.body_template.setFocus()

    def restore_template(self) -> None:
        key = self.template_key()
        self.binder.flush()
        try:
            before = outreach.reset_template(key)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return

        def undo() -> None:
            for field in ("name", "subject", "body"):
                outreach.update_template(key, field, getattr(before, field))

        def redo() -> None:
            outreach.reset_template(key)

        push_change(self.ctx, self.tr("restore template"), Area.LOG, undo, redo)
        row = outreach.get_template(key)
        self._templates[key] = row
        self.binder.load(row.id, self._template_values(row.id))
        self._template_stored()

    def done(self, result: int) -> None:
        self.binder.flush()
        super().done(result)

    # --- opening --------------------------------------------------------------------------
    @classmethod
    def compose(cls, ctx: AppContext, parent: QWidget | None = None, *,
                contact_id: int | None = None, template_key: str = outreach.REQUEST,
                interview_id: int | None = None) -> None:
        """Show the composer (modal) for a contact and template."""
        dialog = cls(ctx, parent, contact_id=contact_id, template_key=template_key,
                     interview_id=interview_id)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
