"""The outreach dialog's "Message" page: the recipient, the conversation and the learning goal,
the message filled from the chosen template (kept when the user edits it, until *Refill from
Template*), its checks, and copying, mailing and *Mark as Sent*."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import interviews, network, outreach, workspace
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.outreach.message_checks import checks, render
from careerpivot.ui.i18n import vocab_name as _vocab
from careerpivot.ui.undo import push_change
from careerpivot.ui.widgets.date_text import shown_date

translate = QCoreApplication.translate  # (a name lupdate recognises)


class Composer(QWidget):
    """Fills and sends one message; its texts are looked up under the dialog's context,
    "OutreachDialog". The dialog tells it the template (:meth:`set_template`) and the
    recipient it opened with (:meth:`set_recipient`)."""

    #: the widgets and commands the dialog keeps as its own attributes
    DIALOG_ATTRIBUTES = ("recipient", "interview", "goal", "subject", "body", "checks_label",
                         "refill_note", "refill_button", "copy_button", "mail_button",
                         "sent_button", "sent_note", "contact_id", "refill", "warnings",
                         "copy", "mailto", "open_in_mail", "mark_sent")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._message: outreach.Message | None = None
        self._dirty = False
        self._filling = False
        self._template_key = outreach.REQUEST
        self._build()
        self._load_recipients()

    def _build(self) -> None:
        form = QFormLayout()
        self.recipient = QComboBox(self)
        self.recipient.setObjectName("recipientCombo")
        self.recipient.setEditable(True)
        self.recipient.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.recipient.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.recipient.completer().setCompletionMode(
            QCompleter.CompletionMode.PopupCompletion)
        self.interview = QComboBox(self)
        self.interview.setObjectName("interviewCombo")
        self.goal = QLineEdit(outreach.learning_goal(), self)
        self.goal.setObjectName("learningGoal")
        self.goal.setPlaceholderText(translate(
            "OutreachDialog",
            "What you want to understand, e.g. “how product managers decide what not to "
            "build”"))
        self.subject = QLineEdit(self)
        self.subject.setObjectName("subjectEdit")
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("bodyEdit")
        self.body.setTabChangesFocus(True)
        for label, editor in ((translate("OutreachDialog", "&To:"), self.recipient),
                              (translate("OutreachDialog", "&Conversation:"), self.interview),
                              (translate("OutreachDialog", "&Learning goal:"), self.goal),
                              (translate("OutreachDialog", "S&ubject:"), self.subject)):
            form.addRow(label, editor)
        self.checks_label = QLabel(self)
        self.checks_label.setObjectName("checksLabel")
        self.checks_label.setWordWrap(True)
        self.checks_label.setTextFormat(Qt.TextFormat.RichText)
        self.refill_note = QLabel(translate("OutreachDialog",
                                            "You edited the message; it was not refilled."),
                                  self)
        self.refill_note.setObjectName("refillNote")
        self.refill_button = QPushButton(translate("OutreachDialog", "&Refill from Template"),
                                         self)
        self.refill_button.setObjectName("refillButton")
        refill = QHBoxLayout()
        refill.addWidget(self.refill_note)
        refill.addWidget(self.refill_button)
        refill.addStretch(1)
        self.refill_note.hide()
        self.refill_button.hide()

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(translate("OutreachDialog", "Cop&y Message"), self)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setToolTip(translate("OutreachDialog",
                                              "Copy the message to paste it into LinkedIn or "
                                              "any other program"))
        self.mail_button = QPushButton(translate("OutreachDialog", "Open in &Mail Program"),
                                       self)
        self.mail_button.setObjectName("mailButton")
        self.sent_button = QPushButton(translate("OutreachDialog", "Mark as &Sent"), self)
        self.sent_button.setObjectName("sentButton")
        self.sent_button.setToolTip(translate(
            "OutreachDialog",
            "Log the message in the tracking log and move the contact forward in the "
            "pipeline"))
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.mail_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sent_button)
        self.sent_note = QLabel(self)
        self.sent_note.setObjectName("sentNote")
        self.sent_note.setWordWrap(True)

        column = QVBoxLayout(self)
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

    # --- the dialog's side ----------------------------------------------------------------
    def set_template(self, key: str) -> None:
        """Fill from the template ``key`` (chosen, or stored after an edit) unless the user
        has edited the message."""
        self._template_key = key
        self._inputs_changed()

    def set_recipient(self, contact_id: int | None, interview_id: int | None = None) -> None:
        """Write to ``contact_id`` (in the list of people) about ``interview_id``, and fill."""
        if contact_id is not None:
            self._select(self.recipient, contact_id)
        self._load_interviews(interview_id)
        self.refill()

    # --- helpers --------------------------------------------------------------------------
    @staticmethod
    def _select(box: QComboBox, data: object) -> None:
        index = box.findData(data)
        if index >= 0:
            box.setCurrentIndex(index)

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
        self.interview.addItem(translate("OutreachDialog", "— none —"), None)
        contact_id = self.contact_id()
        if contact_id is None:
            return
        for row in interviews.list_interviews(contact_id=contact_id, newest_first=True):
            day = shown_date(row.scheduled_at) or translate("OutreachDialog", "no date")
            status = _vocab(vocab.INTERVIEW_STATUSES.get(row.status, row.status))
            text = f"{day} · {status}" + (f" · {row.path_title}" if row.path_title else "")
            self.interview.addItem(text, row.id)
        if selected is not None:
            self._select(self.interview, selected)

    # --- composing ------------------------------------------------------------------------
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
                        self._template_key, contact_id,
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

    def _checks(self) -> list[tuple[str, bool]]:
        missing = self._message.missing if self._message and not self._dirty else ()
        return checks(self.body.toPlainText(), self._template_key, missing)

    def _show_checks(self) -> None:
        self.checks_label.setText(render(self._checks(), self.palette()))
        has_text = bool(self.body.toPlainText().strip())
        self.copy_button.setEnabled(has_text)
        self.mail_button.setEnabled(has_text)
        self.sent_button.setEnabled(has_text and self.contact_id() is not None)

    def warnings(self) -> list[str]:
        """The warnings shown under the message now (for tests and screen readers)."""
        return [t for t, w in self._checks() if w]

    # --- sending --------------------------------------------------------------------------
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.body.toPlainText())
        self._nudge(translate("OutreachDialog",
                              "Copied. When you have sent it, click Mark as Sent."))

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
        # looked up on the package when called: tests replace ``outreach.open_url`` there
        from careerpivot.ui.dialogs import outreach as package

        url = QUrl.fromEncoded(self.mailto().encode("ascii"), QUrl.ParsingMode.StrictMode)
        if not package.open_url(url):
            QMessageBox.information(self.window(), self.window().windowTitle(), translate(
                "OutreachDialog",
                "No mail program is set up on this computer. Copy the message instead and "
                "paste it where you write to this person."))
            return
        self._nudge(translate("OutreachDialog", "Opened in your mail program. When you have "
                                                "sent it, click Mark as Sent."))

    def _nudge(self, text: str) -> None:
        self.sent_note.setText(text)
        self.sent_button.setDefault(True)
        self.sent_button.setFocus()

    def mark_sent(self) -> outreach.Sent | None:
        contact_id = self.contact_id()
        if contact_id is None:
            return None
        key = self._template_key
        body, subject = self.body.toPlainText(), self.subject.text()
        interview_id = self.interview.currentData()
        path_id = self._message.path_id if self._message is not None else None
        try:
            sent = outreach.record_sent(contact_id, key, body, interview_id=interview_id,
                                        path_id=path_id, subject=subject)
        except CareerPivotError as exc:
            QMessageBox.warning(self.window(), self.window().windowTitle(), exc.message)
            return None
        holder = {"sent": sent}

        def undo() -> None:
            outreach.undo_sent(holder["sent"])

        def redo() -> None:
            holder["sent"] = outreach.record_sent(contact_id, key, body,
                                                  interview_id=interview_id,
                                                  path_id=path_id, subject=subject)

        push_change(self.ctx, translate("OutreachDialog", "message sent"), Area.CONTACTS, undo,
                    redo)
        self.ctx.bus.changed.emit(Area.CONTACTS)
        self.ctx.bus.changed.emit(Area.LOG)
        stage = network.get_contact(contact_id).stage
        self.sent_note.setText(translate("OutreachDialog",
                                         "Logged in the tracking log. Stage: {0}.").format(
            _vocab(vocab.STAGES.get(stage, stage))))
        self.ctx.bus.status.emit(self.sent_note.text())
        return sent
