"""The interview editor: every part of one conversation, each stored when it is made.

The editor is a header (who, when, round) over six pages, each its own small widget:

* :class:`DetailsPage` — contact, path, date and time, length, mode, status, my context;
* :class:`GuidePanel` — the questions of the guide, an answer box under each;
* :class:`NotesPage` — notes, typical week, challenges, metrics, surprises, fit signal;
* :class:`EvidencePanel` — every assumption of the interview's path: supported, challenged,
  nuanced or not discussed, with a quote;
* :class:`MentionsPanel` — the skills, tools and certifications that came up;
* :class:`FollowUpsPanel` — the chain of rounds, "Schedule follow-up", and introductions.

Scalar fields, answers and quotes go through :class:`~careerpivot.ui.widgets.forms.FormBinder`
(one binder per answer and per assumption), so they share its behaviour: stored after a pause
in typing or when the field is left, a message next to the field when the value is refused, the
text kept when a write fails, and an undo step per stored edit.

The editor reports its own changes to the tab before announcing them on the bus
(:attr:`InterviewEditor.local_change`), so the tab updates one list row instead of re-reading
the whole list after each keystroke pause.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QSignalBlocker,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.validation import name_key
from careerpivot.errors import CareerPivotError, ValidationError
from careerpivot.services import development, interviews, paths
from careerpivot.services.interviews import (
    MAX_MINUTES,
    MIN_MINUTES,
    AnswerRow,
    InterviewDetail,
    InterviewEvidence,
    MentionRow,
)
from careerpivot.ui import workers
from careerpivot.ui.context import AppContext
from careerpivot.ui.dialogs.add_introduction import AddIntroductionDialog
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.itemmodels.assumptions import status_icon
from careerpivot.ui.itemmodels.interviews import M_IMPORTANCE, MentionsModel
from careerpivot.ui.undo import push_change, push_delete
from careerpivot.ui.widgets.choices import ChoicesModel
from careerpivot.ui.widgets.form_parts import (
    GrowingTextEdit,
    heading,
    hint,
    refresh_binder,
)
from careerpivot.ui.widgets.forms import FormBinder, error_label

#: An assumption as the evidence panel shows it: (id, path id, statement, category).
AssumptionInfo = tuple[int, int, str, str]

#: The overall fit signal, -2..+2.
FIT_SIGNALS = (
    (2, QT_TRANSLATE_NOOP("InterviewEditor", "Strongly towards this path")),
    (1, QT_TRANSLATE_NOOP("InterviewEditor", "Leaning towards")),
    (0, QT_TRANSLATE_NOOP("InterviewEditor", "Neutral or unsure")),
    (-1, QT_TRANSLATE_NOOP("InterviewEditor", "Leaning against")),
    (-2, QT_TRANSLATE_NOOP("InterviewEditor", "Strongly against this path")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("InterviewEditor", text)


def scrolling(widget: QWidget, name: str) -> QScrollArea:
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


# --- details --------------------------------------------------------------------------------


class DetailsPage(QWidget):
    """Who, which path, when, how long, how, the status, and my context and pitch."""

    def __init__(self, binder: FormBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binder = binder
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.contact = QComboBox()
        self.contact.setObjectName("contactCombo")
        # every contact, filled when first needed (see set_choices)
        self.contact_choices = ChoicesModel(self.contact)
        self.contact_choices.attach(self.contact)
        adjust = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        self.contact.setSizeAdjustPolicy(adjust)
        self.contact.setMinimumContentsLength(24)
        self.path = QComboBox()
        self.path.setObjectName("pathCombo")
        self.path.setSizeAdjustPolicy(adjust)
        self.path.setMinimumContentsLength(24)
        self.when = QLineEdit()
        self.when.setObjectName("scheduledAtEdit")
        self.when.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM"))
        self.when.setToolTip(self.tr("The date, and the time if you know it, for example "
                                     "2026-03-14 14:30. Leave empty while not agreed."))
        self.when.setMaximumWidth(self.when.fontMetrics().horizontalAdvance("0") * 26)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutesEdit")
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setKeyboardTracking(False)
        self.mode = QComboBox()
        self.mode.setObjectName("modeCombo")
        for key, name in vocab.INTERVIEW_MODES.items():
            self.mode.addItem(vocab_name(name), key)
        self.status = QComboBox()
        self.status.setObjectName("statusCombo")
        for key, name in vocab.INTERVIEW_STATUSES.items():
            self.status.addItem(vocab_name(name), key)
        self.status.setToolTip(self.tr("Marking it completed adds a thank-you and a report-back "
                                       "to your follow-up actions."))
        self.context = GrowingTextEdit(4, 14)
        self.context.setObjectName("contextEdit")
        self.context.setPlaceholderText(self.tr(
            "Who you are, what you are exploring, and what you hope to learn from this "
            "person — the two or three sentences you open with."))

        def row(label: str, editor: QWidget, field: str) -> None:
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(2)
            v.addWidget(editor)
            error = error_label(box)
            v.addWidget(error)
            caption = QLabel(label)
            caption.setBuddy(editor)
            form.addRow(caption, box)
            binder.bind(field, editor, error, title=label.replace("&", "").rstrip(":"))

        row(self.tr("Contact:"), self.contact, "contact")
        row(self.tr("Path:"), self.path, "path")
        row(self.tr("Date and ti&me:"), self.when, "scheduled_at")
        row(self.tr("Planned length:"), self.minutes, "minutes")
        row(self.tr("Mode:"), self.mode, "mode")
        row(self.tr("Status:"), self.status, "status")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        caption = QLabel(self.tr("M&y context and pitch:"))
        caption.setBuddy(self.context)
        layout.addWidget(caption)
        layout.addWidget(self.context)
        context_error = error_label(self)
        layout.addWidget(context_error)
        binder.bind("context", self.context, context_error, title=self.tr("my context"))
        layout.addStretch(1)

    def set_choices(self, contacts: Callable[[], Sequence[tuple[int, str, str]]],
                    path_choices: Sequence[tuple[int, str]]) -> None:
        """The paths to choose from, and where the contacts come from: ``contacts()`` (id,
        name, organization) runs when the contact field is first used or its list completed
        (until then it holds the interview's contact, see :meth:`ensure_contact`)."""
        path = self.path.currentData()

        def everyone() -> list[tuple[str, int]]:
            return [(f"{name} — {organization}" if organization else name, cid)
                    for cid, name, organization in contacts()]

        with QSignalBlocker(self.contact):
            self.contact_choices.set_items([], later=everyone)
        with QSignalBlocker(self.path):
            self.path.clear()
            self.path.addItem(self.tr("(no path)"), 0)
            for pid, title in path_choices:
                self.path.addItem(title, pid)
            self.path.setCurrentIndex(max(self.path.findData(path), 0))

    def ensure_contact(self, contact_id: int, name: str, organization: str) -> None:
        """Make sure the field can show this contact (an archived one is not among the
        choices; the list may not have come yet)."""
        choices = self.contact_choices
        if choices.row_of_value(contact_id) < 0 and choices.pending() and choices.rowCount():
            choices.complete()  # what is there now must keep the order of the whole list
        if choices.row_of_value(contact_id) < 0:
            with QSignalBlocker(self.contact):
                self.contact_choices.add(f"{name} — {organization}" if organization else name,
                                         contact_id)


# --- notes ----------------------------------------------------------------------------------


class NotesPage(QWidget):
    """What was said and what it means to me."""

    FIELDS = ("notes", "typical_week", "challenges", "success_metrics", "surprises",
              "resonated")

    def __init__(self, binder: FormBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        labels = {
            "notes": (self.tr("Notes:"), self.tr("Anything worth keeping from the "
                                                 "conversation")),
            "typical_week": (self.tr("T&ypical week:"), self.tr("How their week is spent")),
            "challenges": (self.tr("Hardest challenges:"), ""),
            "success_metrics": (self.tr("Success and the metrics leaders watch:"), ""),
            "surprises": (self.tr("What surprised me:"), ""),
            "resonated": (self.tr("What resonated with me:"), ""),
        }
        self.editors: dict[str, GrowingTextEdit] = {}
        for field in self.FIELDS:
            label_text, placeholder = labels[field]
            editor = GrowingTextEdit(4 if field == "notes" else 2, 14)
            editor.setObjectName(f"{field}Edit")
            editor.setPlaceholderText(placeholder)
            caption = QLabel(label_text)
            caption.setBuddy(editor)
            layout.addWidget(caption)
            layout.addWidget(editor)
            error = error_label(self)
            layout.addWidget(error)
            binder.bind(field, editor, error, title=label_text.replace("&", "").rstrip(":"))
            self.editors[field] = editor
        self.fit = QComboBox()
        self.fit.setObjectName("fitSignalCombo")
        for value, text in FIT_SIGNALS:
            self.fit.addItem(f"{value:+d}  {_tr(text)}" if value else f"0  {_tr(text)}", value)
        self.fit.setToolTip(self.tr("After this conversation, does the path feel like a "
                                    "better or a worse fit?"))
        row = QHBoxLayout()
        caption = QLabel(self.tr("Overall fit signal:"))
        caption.setBuddy(self.fit)
        row.addWidget(caption)
        row.addWidget(self.fit)
        row.addStretch(1)
        layout.addLayout(row)
        fit_error = error_label(self)
        layout.addWidget(fit_error)
        binder.bind("fit_signal", self.fit, fit_error, title=self.tr("fit signal"))
        layout.addStretch(1)


# --- the guide --------------------------------------------------------------------------------


class QuestionBlock(QFrame):
    """One question of the guide with its answer box (stored through its own binder)."""

    move_requested = Signal(int, int)  # answer id, -1 up / +1 down
    remove_requested = Signal(int)

    def __init__(self, ctx: AppContext, answer: AnswerRow, number: int, core: bool,
                 on_stored: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer_id = answer.id
        self.setObjectName(f"question_{answer.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.number = QLabel(f"{number}.")
        self.question = QLabel(answer.question_text)
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.question.font()
        font.setBold(True)
        self.question.setFont(font)
        self.number.setFont(font)
        self.number.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.question, 1)
        if core:
            badge = QLabel(self.tr("core question"))
            badge.setObjectName("coreBadge")
            badge.setToolTip(self.tr("One of the path's core questions"))
            badge.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
            top.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        style = self.style()
        for icon, tip, name, handler in (
            (QStyle.StandardPixmap.SP_ArrowUp, self.tr("Move this question up"), "moveUp",
             lambda: self.move_requested.emit(self.answer_id, -1)),
            (QStyle.StandardPixmap.SP_ArrowDown, self.tr("Move this question down"),
             "moveDown", lambda: self.move_requested.emit(self.answer_id, 1)),
            (QStyle.StandardPixmap.SP_DialogDiscardButton,
             self.tr("Remove this question and its answer from the guide"), "remove",
             lambda: self.remove_requested.emit(self.answer_id)),
        ):
            button = QToolButton()
            button.setObjectName(f"{name}Button")
            button.setIcon(style.standardIcon(icon))
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAutoRaise(True)
            button.clicked.connect(handler)
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            setattr(self, f"{name}_button", button)
        layout.addLayout(top)
        self.editor = GrowingTextEdit(2, 18)
        self.editor.setObjectName(f"answer_{answer.id}")
        self.editor.setPlaceholderText(self.tr("Their answer…"))
        self.editor.setAccessibleName(answer.question_text)
        layout.addWidget(self.editor)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.binder = FormBinder(ctx, lambda aid, _f, value: interviews.set_answer(aid, value),
                                 area="interviews", what="answer", parent=self)
        self.binder.bind("answer", self.editor, self.error, title=self.tr("an answer"))
        self.binder.stored.connect(lambda _f: on_stored())
        self.binder.load(answer.id, {"answer": answer.answer})

    def set_place(self, number: int, count: int) -> None:
        self.number.setText(f"{number}.")
        self.moveUp_button.setEnabled(number > 1)
        self.moveDown_button.setEnabled(number < count)

    def answered(self) -> bool:
        return bool(self.editor.toPlainText().strip())

    def update_answer(self, answer: AnswerRow) -> None:
        self.question.setText(answer.question_text)
        refresh_binder(self.binder, {"answer": answer.answer})

    def release(self) -> None:
        """Store what is pending and detach from the row before the block goes away (an undo
        step recorded earlier then no longer writes into a deleted box)."""
        self.binder.load(None, {})


class GuidePanel(QWidget):
    """The guide of questions, with an answer box under each; add, remove, reorder."""

    changed = Signal()  # the guide's structure changed (stored)

    def __init__(self, editor: InterviewEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.ctx = editor.ctx
        self.interview_id: int | None = None
        self.blocks: list[QuestionBlock] = []
        self._answers: tuple[AnswerRow, ...] = ()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        tools = QHBoxLayout()
        self.add_bank = QPushButton(self.tr("Add from &bank"))
        self.add_bank.setObjectName("addFromBankButton")
        self.bank_menu = QMenu(self.add_bank)
        self.bank_menu.aboutToShow.connect(self._fill_bank_menu)
        self.add_bank.setMenu(self.bank_menu)
        self.free_text = QLineEdit()
        self.free_text.setObjectName("newQuestionEdit")
        self.free_text.setPlaceholderText(self.tr("…or write your own question and press "
                                                  "Enter"))
        self.free_text.returnPressed.connect(self.add_free_question)
        self.add_free = QPushButton(self.tr("Add"))
        self.add_free.setObjectName("addQuestionButton")
        self.add_free.clicked.connect(self.add_free_question)
        tools.addWidget(self.add_bank)
        tools.addWidget(self.free_text, 1)
        tools.addWidget(self.add_free)
        outer.addLayout(tools)
        self.error = error_label(self)
        outer.addWidget(self.error)

        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.empty = hint(self.tr("No questions yet. Add questions from your bank, or write "
                                  "your own; a path's core questions are added to each new "
                                  "interview for it."))
        self.list_layout.addWidget(self.empty)
        self.list_layout.addStretch(1)
        self.scroll = scrolling(self.list_widget, "guideList")
        outer.addWidget(self.scroll, 1)

    # loading ----------------------------------------------------------------------------------
    def set_guide(self, interview_id: int | None, answers: Sequence[AnswerRow],
                  core_ids: set[int]) -> None:
        same_shape = (interview_id == self.interview_id
                      and [a.id for a in answers] == [b.answer_id for b in self.blocks]
                      and [a.question_text for a in answers]
                      == [b.question.text() for b in self.blocks])
        self._answers = tuple(answers)
        self.error.hide()
        if same_shape:
            for block, answer in zip(self.blocks, answers, strict=True):
                block.update_answer(answer)
            return
        self.interview_id = interview_id
        self.release()
        for number, answer in enumerate(answers, start=1):
            block = QuestionBlock(self.ctx, answer, number, answer.question_id in core_ids,
                                  self.editor.answer_stored, self.list_widget)
            block.set_place(number, len(answers))
            block.move_requested.connect(self.move_question)
            block.remove_requested.connect(self.remove_question)
            self.list_layout.insertWidget(self.list_layout.count() - 1, block)
            self.blocks.append(block)
        self.empty.setVisible(not self.blocks and interview_id is not None)
        self.setEnabled(interview_id is not None)

    def release(self) -> None:
        for block in self.blocks:
            block.release()
            block.hide()
            block.deleteLater()
        self.blocks = []

    def flush(self) -> bool:
        ok = True
        for block in self.blocks:
            ok = block.binder.flush() and ok
        return ok

    def block_for(self, answer_id: int) -> QuestionBlock | None:
        return next((b for b in self.blocks if b.answer_id == answer_id), None)

    # editing ----------------------------------------------------------------------------------
    def _fill_bank_menu(self) -> None:
        menu = self.bank_menu
        menu.clear()
        in_guide = {a.question_id for a in self._answers if a.question_id}
        try:
            bank = paths.list_questions()
            detail = self.editor.detail
            core = paths.core_questions(detail.row.path_id) if detail and detail.row.path_id \
                else []
        except CareerPivotError as exc:
            self._show_error(exc.message)
            return
        missing_core = [q.id for q in core if q.id not in in_guide]
        if missing_core:
            action = menu.addAction(self.tr("All core questions of the path ({0} missing)")
                                    .format(len(missing_core)))
            action.setObjectName("addCoreQuestionsAction")
            action.triggered.connect(lambda: self.add_bank_questions(missing_core))
            menu.addSeparator()
        by_category: dict[str, list[paths.QuestionRow]] = {}
        for q in bank:
            by_category.setdefault(q.category, []).append(q)
        for key, name in vocab.QUESTION_CATEGORIES.items():
            questions = by_category.get(key)
            if not questions:
                continue
            sub = menu.addMenu(vocab_name(name))
            for q in questions:
                text = q.text if len(q.text) <= 90 else q.text[:87] + "…"
                action = sub.addAction(text)
                action.setToolTip(q.text)
                action.setEnabled(q.id not in in_guide)
                action.triggered.connect(lambda _=False, qid=q.id: self.add_bank_questions([qid]))
        if not bank:
            menu.addAction(self.tr("The question bank is empty")).setEnabled(False)

    def add_bank_questions(self, question_ids: Sequence[int]) -> None:
        self._add([int(q) for q in question_ids])

    def add_free_question(self) -> None:
        text = self.free_text.text()
        if not text.strip():
            self._show_error(self.tr("Write the question first."))
            self.free_text.setFocus()
            return
        if self._add([text]):
            self.free_text.clear()

    def _add(self, questions: Sequence[int | str]) -> bool:
        iid = self.interview_id
        if iid is None:
            return False
        added: list[int] = []
        try:
            for q in questions:
                added.append(interviews.add_guide_question(iid, q))
        except (ValidationError, CareerPivotError) as exc:
            self._show_error(exc.message)
            if not added:
                return False
        else:
            self.error.hide()
        holder: dict[str, list] = {"snaps": []}

        def undo() -> None:
            holder["snaps"] = [interviews.remove_guide_question(a) for a in added]

        def redo() -> None:
            from careerpivot.services import workspace

            for snap in holder["snaps"]:
                workspace.restore_snapshot(snap)

        push_change(self.ctx, self.tr("adding %n question(s) to the guide", "", len(added)),
            "interviews", undo, redo)
        self.changed.emit()
        block = self.block_for(added[-1])
        if block is not None:
            self.scroll.ensureWidgetVisible(block)
            block.editor.setFocus()
        return True

    def move_question(self, answer_id: int, step: int) -> None:
        iid = self.interview_id
        order = [b.answer_id for b in self.blocks]
        if iid is None or answer_id not in order:
            return
        i = order.index(answer_id)
        j = i + step
        if not 0 <= j < len(order):
            return
        if not self.flush():
            return
        new = list(order)
        new[i], new[j] = new[j], new[i]
        try:
            interviews.reorder_guide(iid, new)
        except CareerPivotError as exc:
            self._show_error(exc.message)
            return
        push_change(self.ctx, self.tr("reordering the guide"), "interviews",
                    lambda: interviews.reorder_guide(iid, order),
                    lambda: interviews.reorder_guide(iid, new))
        self.changed.emit()
        block = self.block_for(answer_id)
        if block is not None:
            button = block.findChild(QToolButton, "moveUpButton" if step < 0
                                     else "moveDownButton")
            (button or block.editor).setFocus()
            self.scroll.ensureWidgetVisible(block)

    def remove_question(self, answer_id: int) -> None:
        block = self.block_for(answer_id)
        if block is None:
            return
        block.binder.flush()
        has_answer = bool(block.editor.toPlainText().strip())
        if has_answer:
            answer = QMessageBox.question(
                self, self.tr("Remove Question"),
                self.tr("Remove “{0}” and its answer from this guide? You can undo this.")
                .format(block.question.text()))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            snap = interviews.remove_guide_question(answer_id)
        except CareerPivotError as exc:
            self._show_error(exc.message)
            return
        push_delete(self.ctx, self.tr("removal of a question"), "interviews", snap,
                    lambda: interviews.remove_guide_question(answer_id))
        self.changed.emit()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


# --- evidence -----------------------------------------------------------------------------------


class EvidenceRowWidget(QFrame):
    """One assumption: the verdict of this conversation on it, and a quote."""

    def __init__(self, panel: EvidencePanel, assumption: AssumptionInfo,
                 note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        # Kept in Python: an undo step may run after this row's widgets are gone.
        self.interview_id = panel.interview_id
        self.quote_text = ""
        self.assumption_id, _path_id, statement, category = assumption
        self.setObjectName(f"assumption_{self.assumption_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.statement = QLabel(statement)
        self.statement.setWordWrap(True)
        self.statement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.statement.font()
        font.setBold(True)
        self.statement.setFont(font)
        meta = vocab_name(vocab.ASSUMPTION_CATEGORIES.get(category, category))
        if note:
            meta = f"{meta} · {note}"
        grid.addWidget(self.statement, 0, 0)
        grid.addWidget(hint(meta), 1, 0)
        self.verdict = QComboBox()
        self.verdict.setObjectName(f"verdict_{self.assumption_id}")
        self.verdict.addItem(self.tr("— not discussed"), "")
        for key, name in vocab.VERDICTS.items():
            self.verdict.addItem(status_icon(key), vocab_name(name), key)
        self.verdict.setAccessibleName(self.tr("Verdict on: {0}").format(statement))
        self.verdict.setToolTip(self.tr("What this conversation said about the assumption"))
        grid.addWidget(self.verdict, 0, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
        self.quote = GrowingTextEdit(2, 10)
        self.quote.setObjectName(f"quote_{self.assumption_id}")
        self.quote.setAccessibleName(self.tr("Quote for: {0}").format(statement))
        self.quote.textChanged.connect(self._quote_changed)
        grid.addWidget(self.quote, 2, 0, 1, 2)
        self.error = error_label(self)
        grid.addWidget(self.error, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)

        self.binder = FormBinder(panel.ctx, self._save, area="interviews", what="evidence",
                                 parent=self)
        self.verdict_binding = self.binder.bind("verdict", self.verdict, self.error,
                                                title=self.tr("a verdict"))
        self.quote_binding = self.binder.bind("quote", self.quote, self.error,
                                              title=self.tr("a quote"))
        self.binder.stored.connect(self._stored)

    def load(self, evidence: InterviewEvidence | None) -> None:
        values = {"verdict": evidence.verdict if evidence else "",
                  "quote": evidence.quote if evidence else ""}
        if self.binder.row_id == self.assumption_id:
            refresh_binder(self.binder, values)
        else:
            self.binder.load(self.assumption_id, values)
        self.quote_text = self.quote.toPlainText()
        self._update_placeholder()

    def _quote_changed(self) -> None:
        self.quote_text = self.quote.toPlainText()

    def _update_placeholder(self) -> None:
        if self.verdict.currentData():
            self.quote.setPlaceholderText(self.tr("What they said, in their words"))
        else:
            self.quote.setPlaceholderText(self.tr("Choose a verdict, then quote what they "
                                                  "said"))

    def _save(self, assumption_id: int, field: str, value: Any) -> None:
        iid = self.interview_id
        if iid is None:
            raise ValidationError(field, QCoreApplication.translate(
                "EvidenceRowWidget", "No interview is open."))
        if field == "verdict":
            if value:
                interviews.set_evidence(iid, assumption_id, str(value), self.quote_text)
            else:
                interviews.clear_evidence(iid, assumption_id)
            return
        verdict = self.verdict_binding.stored
        if not verdict:
            # Not self.tr(): an undo step may call this after the row's widgets are gone.
            raise ValidationError("quote", QCoreApplication.translate(
                "EvidenceRowWidget",
                "Choose supported, challenged or nuanced to keep this quote."))
        interviews.set_evidence(iid, assumption_id, str(verdict), str(value))

    def _stored(self, field: str) -> None:
        self._update_placeholder()
        if field == "verdict" and self.verdict_binding.stored:
            # The quote went with the verdict: a quote waiting for one is stored now.
            self.quote_binding.stored = self.quote_text
            self.quote_binding.pending = False
            self.quote_binding.show_error("")
        self.panel.stored()

    def release(self) -> None:
        self.binder.load(None, {})


class EvidencePanel(QWidget):
    """Every assumption of the interview's path, each with a verdict and a quote."""

    def __init__(self, editor: InterviewEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.ctx = editor.ctx
        self.interview_id: int | None = None
        self.rows: list[EvidenceRowWidget] = []
        self._pending: tuple[str, Callable[[], Sequence[AssumptionInfo] | None],
                             tuple[InterviewEvidence, ...]] | None = None
        self._verdicts = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        self.intro = hint("")
        outer.addWidget(self.intro)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.list_layout.addStretch(1)
        outer.addWidget(scrolling(self.list_widget, "evidencePanel"), 1)

    def set_evidence(self, interview_id: int | None, path_title: str,
                     assumptions: Callable[[], Sequence[AssumptionInfo] | None],
                     evidence: Sequence[InterviewEvidence]) -> None:
        """Show an interview's verdicts. The path's assumptions are asked for
        (``assumptions()``, None while they are read in the background) only when the page
        is shown: opening an interview never waits for them."""
        if interview_id != self.interview_id:
            self.release()
            self.interview_id = interview_id
        self._pending = (path_title, assumptions, tuple(evidence))
        self._verdicts = len(evidence)
        if self.isVisible():
            self._apply()

    def retry(self) -> None:
        """The path's assumptions are ready: show them if the page is waiting for them."""
        if self._pending is not None and self.isVisible():
            self._apply()

    def clear(self) -> None:
        self.release()
        self.interview_id = None
        self._pending = None
        self._verdicts = 0

    def waiting(self) -> bool:
        return self._pending is not None

    def counts(self) -> tuple[int, int | None]:
        """(verdicts recorded, assumptions shown — None until the page was shown)."""
        if self._pending is not None or self.interview_id is None:
            return self._verdicts, None
        return sum(1 for r in self.rows if r.verdict.currentData()), len(self.rows)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending is not None:
            self._apply()

    def _apply(self) -> None:
        assert self._pending is not None
        path_title, read_assumptions, evidence = self._pending
        self._pending = None
        interview_id = self.interview_id
        try:
            found = read_assumptions()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            found = []
        if found is None:  # still being read in the background: retry() shows them
            self._pending = (path_title, read_assumptions, evidence)
            self.intro.setText(self.tr("Reading the assumptions of “{0}”…").format(path_title))
            return
        assumptions = list(found)
        by_assumption = {e.assumption_id: e for e in evidence}
        shown = list(assumptions)
        notes = {a[0]: "" for a in shown}
        known = {a[0] for a in shown}
        for e in evidence:  # verdicts on assumptions of another path (the path was changed)
            if e.assumption_id not in known:
                shown.append((e.assumption_id, e.path_id, e.statement, ""))
                notes[e.assumption_id] = self.tr("recorded for another path")
        if interview_id is None:
            self.intro.setText("")
        elif not path_title:
            self.intro.setText(self.tr("Choose the interview's path (on Details) to weigh "
                                       "this conversation against that path's assumptions."))
        elif not assumptions:
            self.intro.setText(self.tr("“{0}” has no assumptions yet: write them on the "
                                       "Paths tab.").format(path_title))
        else:
            self.intro.setText(self.tr("For each assumption about “{0}”: did this "
                                       "conversation support it, challenge it, or add nuance? "
                                       "Quote what was said.").format(path_title))
        if [a[0] for a in shown] != [r.assumption_id for r in self.rows]:
            self.release()
            for assumption in shown:
                row = EvidenceRowWidget(self, assumption, notes.get(assumption[0], ""),
                                        self.list_widget)
                self.list_layout.insertWidget(self.list_layout.count() - 1, row)
                self.rows.append(row)
        for row in self.rows:
            row.load(by_assumption.get(row.assumption_id))
        self.editor.refresh_counts()

    def release(self) -> None:
        for row in self.rows:
            row.release()
            row.hide()
            row.deleteLater()
        self.rows = []

    def flush(self) -> bool:
        ok = True
        for row in self.rows:
            ok = row.binder.flush() and ok
        return ok

    def row_for(self, assumption_id: int) -> EvidenceRowWidget | None:
        return next((r for r in self.rows if r.assumption_id == assumption_id), None)

    def stored(self) -> None:
        self.editor.expect_local_change("interviews")
        self.editor.refresh_counts()


# --- skill mentions ----------------------------------------------------------------------------


class ImportanceDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for value, name in vocab.IMPORTANCE.items():
            combo.addItem(vocab_name(name), value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MentionsPanel(QWidget):
    """Skills, tools, certifications and knowledge that came up, with their importance."""

    def __init__(self, editor: InterviewEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.ctx = editor.ctx
        self.interview_id: int | None = None
        self._skills: dict[str, tuple[str, str]] = {}  # name key -> (name, kind)
        # read when the panel is first shown or used, not with the interview list
        self._read_skills: Callable[[], Sequence[development.SkillRow]] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(hint(self.tr(
            "Log every skill, tool, certification or piece of domain knowledge that came up "
            "and how much it seemed to matter. An existing skill is reused whatever its "
            "spelling.")))
        grid = QGridLayout()
        self.name = QLineEdit()
        self.name.setObjectName("mentionSkillEdit")
        self.name.setPlaceholderText(self.tr("Skill, tool or certification"))
        self.name.setAccessibleName(self.tr("Skill name"))
        self._completion = QStringListModel(self)
        completer = QCompleter(self._completion, self.name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        self.name.textChanged.connect(self._name_changed)
        self.name.returnPressed.connect(self.add_mention)
        self.importance = QComboBox()
        self.importance.setObjectName("mentionImportanceCombo")
        self.importance.setAccessibleName(self.tr("Importance"))
        for value, name in vocab.IMPORTANCE.items():
            self.importance.addItem(vocab_name(name), value)
        self.importance.setCurrentIndex(self.importance.findData(2))
        self.kind = QComboBox()
        self.kind.setObjectName("mentionKindCombo")
        self.kind.setAccessibleName(self.tr("Kind of skill"))
        for key, name in vocab.SKILL_KINDS.items():
            self.kind.addItem(vocab_name(name), key)
        self.note = QLineEdit()
        self.note.setObjectName("mentionNoteEdit")
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.returnPressed.connect(self.add_mention)
        self.add_button = QPushButton(self.tr("Add Skill"))
        self.add_button.setObjectName("addMentionButton")
        self.add_button.clicked.connect(self.add_mention)
        for column, (text, buddy) in enumerate((
                (self.tr("Skill, tool or certification:"), self.name),
                (self.tr("Importance:"), self.importance),
                (self.tr("Kind (for a new skill):"), self.kind))):
            caption = QLabel(text)
            caption.setBuddy(buddy)
            grid.addWidget(caption, 0, column)
        grid.addWidget(self.name, 1, 0)
        grid.addWidget(self.importance, 1, 1)
        grid.addWidget(self.kind, 1, 2)
        grid.addWidget(self.note, 2, 0, 1, 3)
        grid.addWidget(self.add_button, 2, 3)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        self.error = error_label(self)
        self.error.setObjectName("mentionError")
        layout.addWidget(self.error)

        self.model = MentionsModel(self)
        self.model.set_editor(self._edit)
        self.table = QTableView()
        self.table.setObjectName("mentionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setItemDelegateForColumn(M_IMPORTANCE, ImportanceDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.resizeSection(0, 190)
        header.resizeSection(1, 135)
        header.resizeSection(2, 105)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeMentionButton")
        self.remove_button.clicked.connect(self.remove_selected)
        remove_action = QAction(self.table)
        remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_action.triggered.connect(self.remove_selected)
        self.table.addAction(remove_action)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def set_skills(self, read: Callable[[], Sequence[development.SkillRow]]) -> None:
        """Where the skills offered come from: ``read()`` runs when the panel is next shown
        or its skill name is typed in."""
        self._read_skills = read
        if self.isVisible() or self.name.text():
            self._name_changed(self.name.text())

    def _ensure_skills(self) -> None:
        read = self._read_skills
        if read is None:
            return
        try:
            skills = read()
        except CareerPivotError as exc:  # tried again when next needed
            self._show_error(exc.message)
            return
        self._read_skills = None
        self._skills = {name_key(s.name): (s.name, s.kind) for s in skills}
        self._completion.setStringList(sorted((s.name for s in skills), key=name_key))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._read_skills is not None:
            self._name_changed(self.name.text())

    def set_mentions(self, interview_id: int | None, mentions: Sequence[MentionRow]) -> None:
        selected = self._selected_id()
        self.interview_id = interview_id
        self.model.set_rows(mentions)
        if selected is not None and self.model.row_of(selected) >= 0:
            self.table.selectRow(self.model.row_of(selected))
        self.setEnabled(interview_id is not None)
        self._update_buttons()

    def _name_changed(self, text: str) -> None:
        if self._read_skills is not None and (text or self.isVisible()):
            self._ensure_skills()
            if self._read_skills is not None:
                return  # could not be read: its message shows
        existing = self._skills.get(name_key(text)) if text.strip() else None
        if existing is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(existing[1]), 0))
            self.kind.setEnabled(False)
            self.kind.setToolTip(self.tr("“{0}” is already in your skills").format(existing[0]))
        else:
            self.kind.setEnabled(True)
            self.kind.setToolTip(self.tr("What kind of skill a new name is"))
        self.error.hide()

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        mention = self.model.mention(rows[0].row())
        return mention.id if mention else None

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self._selected_id() is not None)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def add_mention(self) -> None:
        iid = self.interview_id
        if iid is None:
            return
        kind = self.kind.currentData() if self.kind.isEnabled() else None
        try:
            mention_id = interviews.add_mention(iid, self.name.text(),
                                                self.importance.currentData(),
                                                self.note.text(), kind=kind)
        except (ValidationError, CareerPivotError) as exc:
            self._show_error(exc.message)
            self.name.setFocus()
            return
        holder: dict[str, Any] = {}

        def undo() -> None:
            holder["snap"] = interviews.remove_mention(mention_id)

        def redo() -> None:
            from careerpivot.services import workspace

            workspace.restore_snapshot(holder["snap"])

        push_change(self.ctx, self.tr("adding a skill mention"), "interviews", undo, redo)
        self.name.clear()
        self.note.clear()
        self.importance.setCurrentIndex(self.importance.findData(2))
        self.error.hide()
        self.editor.mentions_changed()
        row = self.model.row_of(mention_id)
        if row >= 0:
            self.table.selectRow(row)
        self.name.setFocus()

    def _edit(self, mention_id: int, field: str, value: Any) -> bool:
        row = self.model.mention(self.model.row_of(mention_id))
        if row is None:
            return False
        old = row.importance if field == "importance" else row.note
        if field == "note" and str(value).strip() == old:
            return False
        try:
            interviews.update_mention(mention_id, field, value)
        except (ValidationError, CareerPivotError) as exc:
            self._show_error(exc.message)
            return False
        self.error.hide()
        new = value
        push_change(self.ctx, self.tr("change of a skill mention"), "interviews",
                    lambda: interviews.update_mention(mention_id, field, old),
                    lambda: interviews.update_mention(mention_id, field, new))
        # Not inside setData: the view is still closing its editor.
        QTimer.singleShot(0, self.editor.mentions_changed)
        return True

    def remove_selected(self) -> None:
        mention_id = self._selected_id()
        if mention_id is None:
            return
        try:
            snap = interviews.remove_mention(mention_id)
        except CareerPivotError as exc:
            self._show_error(exc.message)
            return
        push_delete(self.ctx, self.tr("removal of a skill mention"), "interviews", snap,
                    lambda: interviews.remove_mention(mention_id))
        self.editor.mentions_changed()


# --- follow-ups and introductions -------------------------------------------------------------


class FollowUpsPanel(QWidget):
    """The chain of rounds with this person, "Schedule follow-up", and introductions."""

    open_interview = Signal(int)

    def __init__(self, editor: InterviewEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.ctx = editor.ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(heading(self.tr("Rounds with this person")))
        layout.addWidget(hint(self.tr("A follow-up conversation is a new round linked to the "
                                      "earlier ones. Click a round to open it.")))
        self.rounds = QListWidget()
        self.rounds.setObjectName("roundsList")
        self.rounds.setAccessibleName(self.tr("Rounds with this person"))
        self.rounds.setToolTip(self.tr("Click a round to open it"))
        self.rounds.itemClicked.connect(self._round_chosen)
        self.rounds.itemActivated.connect(self._round_chosen)
        self.rounds.setSpacing(2)
        layout.addWidget(self.rounds, 2)
        row = QHBoxLayout()
        self.follow_up = QPushButton(self.tr("Schedule Follow-&up"))
        self.follow_up.setObjectName("scheduleFollowUpButton")
        self.follow_up.setToolTip(self.tr("Plan the next round with the same person and path, "
                                          "linked to this one"))
        self.follow_up.clicked.connect(self.editor.schedule_follow_up)
        row.addWidget(self.follow_up)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(16)
        layout.addWidget(heading(self.tr("Introductions offered")))
        layout.addWidget(hint(self.tr("People this person offered to introduce you to; they "
                                      "join your network as introduced by them. Double-click "
                                      "one to open it in the Network tab.")))
        self.introductions = QListWidget()
        self.introductions.setObjectName("introductionsList")
        self.introductions.setAccessibleName(self.tr("Introductions offered"))
        self.introductions.setToolTip(self.tr("Double-click to open the contact"))
        self.introductions.itemActivated.connect(self._introduction_chosen)
        self.introductions.setSpacing(2)
        layout.addWidget(self.introductions, 3)
        row = QHBoxLayout()
        self.add_intro = QPushButton(self.tr("Add Introduction…"))
        self.add_intro.setObjectName("addIntroductionButton")
        self.add_intro.clicked.connect(self.editor.add_introduction)
        row.addWidget(self.add_intro)
        row.addStretch(1)
        layout.addLayout(row)

    def set_detail(self, detail: InterviewDetail | None) -> None:
        self.rounds.clear()
        self.introductions.clear()
        self.setEnabled(detail is not None)
        if detail is None:
            return
        status_names = {k: vocab_name(v) for k, v in vocab.INTERVIEW_STATUSES.items()}

        def add_round(iid: int, number: int, when: str, status: str, current: bool) -> None:
            text = self.tr("Round {0} · {1} · {2}").format(
                number, when or self.tr("date not set"), status_names.get(status, status))
            if current:
                text += " " + self.tr("(this conversation)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, iid)
            if current:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            else:
                item.setToolTip(self.tr("Open round {0}").format(number))
            self.rounds.addItem(item)

        for r in detail.earlier:
            add_round(r.id, r.round, r.scheduled_at, r.status, False)
        row = detail.row
        add_round(row.id, row.round, row.scheduled_at, row.status, True)
        for r in detail.later:
            add_round(r.id, r.round, r.scheduled_at, r.status, False)
        stage_names = {k: vocab_name(v) for k, v in vocab.STAGES.items()}
        for intro in detail.introductions:
            parts = [p for p in (intro.role, intro.organization) if p]
            text = intro.name + (f" — {', '.join(parts)}" if parts else "")
            text += f"  ({stage_names.get(intro.stage, intro.stage)})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, intro.contact_id)
            self.introductions.addItem(item)
        if not detail.introductions:
            item = QListWidgetItem(self.tr("None yet. When someone offers to introduce you, "
                                           "add the person here."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.introductions.addItem(item)

    def _round_chosen(self, item: QListWidgetItem) -> None:
        iid = item.data(Qt.ItemDataRole.UserRole)
        if iid is not None and iid != self.editor.interview_id:
            self.open_interview.emit(int(iid))

    def _introduction_chosen(self, item: QListWidgetItem) -> None:
        contact_id = item.data(Qt.ItemDataRole.UserRole)
        if contact_id is not None:
            self.ctx.bus.show_item.emit("contact", int(contact_id))


# --- the editor -------------------------------------------------------------------------------


class InterviewEditor(QWidget):
    """Everything about one interview. ``load(id)`` shows it; every edit is stored as made."""

    #: Open another interview (a round of the chain, a new follow-up).
    open_interview = Signal(int)
    #: The editor is about to announce its own change of an area on the bus (the tab need
    #: not re-read the list; :attr:`row_changed` brings the new list row).
    local_change = Signal(str)
    #: The list row of the shown interview changed.
    row_changed = Signal(object)
    #: Delete the shown interview (the tab asks and does it).
    delete_requested = Signal(int)

    PAGE_DETAILS, PAGE_GUIDE, PAGE_NOTES, PAGE_EVIDENCE, PAGE_SKILLS, PAGE_FOLLOW_UPS = range(6)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("interviewEditor")
        self.detail: InterviewDetail | None = None
        # Every path's assumptions (statements only), read in the background once and kept
        # until assumptions change (bus area "paths"): reading them computes every status,
        # which takes a moment with tens of thousands of evidence rows.
        self._assumptions: dict[int, list[AssumptionInfo]] | None = None
        self._assumptions_generation = 0
        self._assumptions_task: workers.Task | None = None
        self._assumptions_task_generation = -1
        self._core: dict[int, set[int]] = {}
        self._completed_now = False
        ctx.bus.changed.connect(self._bus_changed)

        self.binder = FormBinder(ctx, self._save, area="interviews", what="interview",
                                 parent=self)
        self.binder.stored.connect(self._stored)

        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        self.empty_label = hint(self.tr("Select an interview in the list to see its guide, "
                                        "answers and evidence — or plan a new one."))
        self.empty_label.setObjectName("interviewEmptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addStretch(2)
        self.stack.addWidget(self.empty)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 0, 0)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel()
        self.title.setObjectName("interviewTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = hint("")
        self.meta.setObjectName("interviewMeta")
        titles.addWidget(self.title)
        titles.addWidget(self.meta)
        top.addLayout(titles, 1)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteInterviewButton")
        self.delete_button.setToolTip(self.tr("Delete this interview (you can undo)"))
        self.delete_button.clicked.connect(
            lambda: self.interview_id is not None
            and self.delete_requested.emit(self.interview_id))
        top.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.pages = QTabWidget()
        self.pages.setObjectName("interviewPages")
        self.details = DetailsPage(self.binder)
        self.guide = GuidePanel(self)
        self.guide.changed.connect(self.guide_changed)
        self.notes = NotesPage(self.binder)
        self.evidence = EvidencePanel(self)
        self.mentions = MentionsPanel(self)
        self.follow_ups = FollowUpsPanel(self)
        self.follow_ups.open_interview.connect(self.open_interview)
        self.pages.addTab(scrolling(self.details, "detailsPage"), "")
        self.pages.addTab(self.guide, "")
        self.pages.addTab(scrolling(self.notes, "notesPage"), "")
        self.pages.addTab(self.evidence, "")
        self.pages.addTab(self.mentions, "")
        self.pages.addTab(self.follow_ups, "")
        layout.addWidget(self.pages, 1)
        self.stack.addWidget(page)
        self._set_page_titles()

    # --- public -----------------------------------------------------------------------------
    @property
    def interview_id(self) -> int | None:
        return self.detail.id if self.detail else None

    def set_choices(self, contacts: Callable[[], Sequence[tuple[int, str, str]]],
                    path_choices: Sequence[tuple[int, str]],
                    skills: Callable[[], Sequence[development.SkillRow]]) -> None:
        """The paths to choose from, and where the contacts and skills offered come from
        (read when the contact field or the Skills page is first used)."""
        self.details.set_choices(contacts, path_choices)
        self.mentions.set_skills(skills)
        if self.detail is not None:
            r = self.detail.row
            self.details.ensure_contact(r.contact_id, r.contact_name, r.organization)
            refresh_binder(self.binder, {"contact": r.contact_id, "path": r.path_id or 0})

    def invalidate_assumptions(self) -> None:
        self._assumptions = None
        self._assumptions_generation += 1
        self._core = {}

    def flush_edits(self) -> bool:
        """Store every pending edit; False when one could not be stored (its message shows)."""
        ok = self.binder.flush()
        ok = self.guide.flush() and ok
        ok = self.evidence.flush() and ok
        return ok

    def load(self, interview_id: int | None) -> bool:
        """Show an interview (None: nothing). False when pending edits of the shown one could
        not be stored, or the interview no longer exists."""
        if not self.flush_edits():
            return False
        if interview_id is None:
            self._clear()
            return True
        try:
            detail = interviews.get_interview(interview_id)
        except CareerPivotError:
            self._clear()
            return False
        same = self.detail is not None and self.detail.id == interview_id
        self._show(detail, same_row=same)
        return True

    def refresh(self) -> None:
        """Re-read the shown interview after a change elsewhere (keeps what is being typed)."""
        if self.detail is None:
            return
        try:
            detail = interviews.get_interview(self.detail.id)
        except CareerPivotError:
            self._clear()
            return
        self._show(detail, same_row=True)

    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)

    # --- showing ----------------------------------------------------------------------------
    def _clear(self) -> None:
        self.binder.load(None, {})
        self.guide.set_guide(None, (), set())
        self.guide.interview_id = None
        self.evidence.clear()
        self.mentions.set_mentions(None, ())
        self.follow_ups.set_detail(None)
        self.detail = None
        self.stack.setCurrentWidget(self.empty)

    def _values(self, d: InterviewDetail) -> dict[str, Any]:
        r = d.row
        return {
            "contact": r.contact_id, "path": r.path_id or 0, "scheduled_at": r.scheduled_at,
            "minutes": r.minutes, "mode": r.mode, "status": r.status, "context": d.context,
            "notes": d.notes, "typical_week": d.typical_week, "challenges": d.challenges,
            "success_metrics": d.success_metrics, "surprises": d.surprises,
            "resonated": d.resonated, "fit_signal": d.fit_signal,
        }

    def _show(self, d: InterviewDetail, *, same_row: bool) -> None:
        self.detail = d
        r = d.row
        self.details.ensure_contact(r.contact_id, r.contact_name, r.organization)
        values = self._values(d)
        if same_row:
            refresh_binder(self.binder, values)
        else:
            self.binder.load(d.id, values)
        self._update_header()
        self.guide.set_guide(d.id, d.answers, self._core_ids(r.path_id))
        path_id = r.path_id
        self.evidence.set_evidence(d.id, r.path_title,
                                   lambda: self._path_assumptions(path_id), d.evidence)
        self.mentions.set_mentions(d.id, d.mentions)
        self.follow_ups.set_detail(d)
        self._set_page_titles()
        self.stack.setCurrentIndex(1)

    def _update_header(self) -> None:
        d = self.detail
        if d is None:
            return
        r = d.row
        self.title.setText(f"{r.contact_name} — {r.organization}" if r.organization
                           else r.contact_name)
        parts = []
        if r.round > 1:
            parts.append(self.tr("Round {0}").format(r.round))
        parts.append(r.path_title or self.tr("no path"))
        parts.append(r.scheduled_at or self.tr("date not set"))
        parts.append(self.tr("{0} min").format(r.minutes))
        parts.append(vocab_name(vocab.INTERVIEW_STATUSES.get(r.status, r.status)))
        self.meta.setText(" · ".join(parts))

    def _set_page_titles(self) -> None:
        answers = len(self.guide.blocks)
        answered = sum(1 for block in self.guide.blocks if block.answered())
        verdicts, assumptions = self.evidence.counts()
        mentions = self.mentions.model.rowCount()
        self.pages.setTabText(self.PAGE_DETAILS, self.tr("Det&ails"))
        self.pages.setTabText(self.PAGE_GUIDE, self.tr("&Guide ({0}/{1})").format(
            answered, answers) if answers else self.tr("&Guide"))
        self.pages.setTabText(self.PAGE_NOTES, self.tr("No&tes"))
        if assumptions:
            evidence_title = self.tr("Eviden&ce ({0}/{1})").format(verdicts, assumptions)
        elif verdicts:
            evidence_title = self.tr("Eviden&ce ({0})").format(verdicts)
        else:
            evidence_title = self.tr("Eviden&ce")
        self.pages.setTabText(self.PAGE_EVIDENCE, evidence_title)
        self.pages.setTabText(self.PAGE_SKILLS, self.tr("S&kills ({0})").format(mentions)
                              if mentions else self.tr("S&kills"))
        self.pages.setTabText(self.PAGE_FOLLOW_UPS, self.tr("Follo&w-ups"))
        self.pages.setTabToolTip(self.PAGE_GUIDE, self.tr("Questions answered / questions"))
        self.pages.setTabToolTip(self.PAGE_EVIDENCE,
                                 self.tr("Assumptions with a verdict / assumptions"))

    def refresh_counts(self) -> None:
        self._set_page_titles()

    def _core_ids(self, path_id: int | None) -> set[int]:
        if not path_id:
            return set()
        if path_id not in self._core:
            try:
                self._core[path_id] = {q.id for q in paths.core_questions(path_id)}
            except CareerPivotError:
                return set()
        return self._core[path_id]

    def _path_assumptions(self, path_id: int | None) -> list[AssumptionInfo] | None:
        """The path's assumptions, or None while they are being read."""
        if not path_id:
            return []
        if self._assumptions is None:
            self.prefetch_assumptions()
            return None
        return self._assumptions.get(path_id, [])

    @staticmethod
    def _read_assumptions() -> dict[int, list[AssumptionInfo]]:
        cache: dict[int, list[AssumptionInfo]] = {}
        for a in paths.list_assumptions():
            cache.setdefault(a.path_id, []).append((a.id, a.path_id, a.statement, a.category))
        return cache

    def prefetch_assumptions(self) -> None:
        """Read every path's assumptions off the GUI thread (when not already known)."""
        if self._assumptions is not None or self._assumptions_task is not None:
            return
        generation = self._assumptions_generation

        def job(_job: workers.Job) -> dict[int, list[AssumptionInfo]]:
            return self._read_assumptions()

        task = workers.submit(job)
        self._assumptions_task = task
        self._assumptions_task_generation = generation
        # Bound methods, not lambdas: the connections end with the editor.
        task.signals.finished.connect(self._assumptions_read)
        task.signals.failed.connect(self._assumptions_read_here)
        task.signals.done.connect(self._assumptions_task_done)

    def _assumptions_read(self, cache: dict) -> None:
        if self._assumptions_task_generation == self._assumptions_generation:
            self._assumptions = cache
            self.evidence.retry()

    def _assumptions_read_here(self, _exc: object = None) -> None:
        """The background read failed: read here (a message says why if this fails too)."""
        if self._assumptions_task_generation != self._assumptions_generation:
            return
        try:
            self._assumptions = self._read_assumptions()
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            self._assumptions = {}
        self.evidence.retry()

    def _assumptions_task_done(self) -> None:
        self._assumptions_task = None
        if self._assumptions is None and self.evidence.waiting():
            self.prefetch_assumptions()  # the result was out of date: read again

    def _bus_changed(self, area: str) -> None:
        if area in ("paths", "all"):
            self.invalidate_assumptions()

    # --- storing ----------------------------------------------------------------------------
    def expect_local_change(self, area: str) -> None:
        """Called just before one of the editor's own stores is announced on the bus."""
        self.local_change.emit(area)

    def _save(self, interview_id: int, field: str, value: Any) -> None:
        self._completed_now = False
        shown = self.detail is not None and self.detail.id == interview_id
        before = self.detail.row.status if shown and self.detail else None
        interviews.update_interview(interview_id, field, value)
        self._completed_now = (shown and field == "status" and value == "completed"
                               and before != "completed")

    def _stored(self, field: str) -> None:
        self.expect_local_change("interviews")
        try:
            detail = interviews.get_interview(self.binder.row_id) if self.binder.row_id \
                else None
        except CareerPivotError:
            detail = None
        if detail is None:
            return
        old = self.detail
        self.detail = detail
        self._update_header()
        self.row_changed.emit(detail.row)
        if field in ("path", "contact") or old is None:
            self._show(detail, same_row=True)
        else:
            self.follow_ups.set_detail(detail)
        if field == "status" and self._completed_now:
            self._completed_now = False
            self.ctx.bus.status.emit(self.tr(
                "Completed. A thank-you (due tomorrow) and a report-back (due in two weeks) "
                "were added to your follow-up actions."))
            self._announce("log", "contacts")
        elif field == "status":
            self._announce("contacts")

    def _announce(self, *areas: str) -> None:
        for area in areas:
            self.expect_local_change(area)
            self.ctx.bus.changed.emit(area)

    def answer_stored(self) -> None:
        self.expect_local_change("interviews")
        self._set_page_titles()

    def guide_changed(self) -> None:
        self.refresh()
        self._announce("interviews")

    def mentions_changed(self) -> None:
        self.refresh()
        self._announce("interviews", "skills")

    # --- actions ----------------------------------------------------------------------------
    def schedule_follow_up(self) -> None:
        d = self.detail
        if d is None or not self.flush_edits():
            return
        try:
            new_id = interviews.schedule_follow_up(d.id)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Schedule Follow-up"), exc.message)
            return
        holder: dict[str, Any] = {}

        def undo() -> None:
            holder["snap"] = interviews.delete_interview(new_id)

        def redo() -> None:
            from careerpivot.services import workspace

            workspace.restore_snapshot(holder["snap"])

        push_change(self.ctx, self.tr("scheduling a follow-up"), "interviews", undo, redo)
        self.ctx.bus.changed.emit("interviews")
        self.ctx.bus.status.emit(self.tr(
            "Round {0} with {1} is planned; set its date when you have agreed on one.")
            .format(d.row.round + 1, d.row.contact_name))
        self.open_interview.emit(new_id)
        self.show_page(self.PAGE_DETAILS)
        self.details.when.setFocus()

    def add_introduction(self) -> None:
        d = self.detail
        if d is None:
            return
        values = AddIntroductionDialog.ask(self, d.row.contact_name)
        if not values:
            return
        try:
            interviews.add_introduction(d.id, **values)
        except (ValidationError, CareerPivotError) as exc:
            QMessageBox.warning(self, self.tr("Add Introduction"), exc.message)
            return
        self.refresh()
        self._announce("interviews", "contacts")
        self.ctx.bus.status.emit(self.tr("{0} was added to your network, introduced by {1}.")
                                 .format(values["name"], d.row.contact_name))
