"""The Guide page of the interview editor: the questions, an answer box under each. A
question proposed for what is still uncertain says what it targets (an open assumption, or a
skill mentioned only once); "Suggest questions from the gaps" adds the path's current
proposals (services.guide_gaps)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import gap_questions, vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import guide_gaps, interviews, paths
from careerpivot.services.guide_gaps import Mark
from careerpivot.services.interviews import AnswerRow
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.undo import push_change, push_delete
from careerpivot.ui.widgets.form_parts import GrowingTextEdit, hint, refresh_binder
from careerpivot.ui.widgets.forms import FormBinder, error_label
from careerpivot.ui.widgets.interview_editor.common import scrolling

#: The longest part of a target shown on its question (the tooltip has all of it).
TARGET_SHOWN = 90


def gap_text(text: str) -> str:
    """A written question's sentence (``core.gap_questions.TEXTS``) in the user's language."""
    return QCoreApplication.translate("gapQuestions", text)


class QuestionBlock(QFrame):
    """One question of the guide with its answer box (stored through its own binder)."""

    move_requested = Signal(int, int)  # answer id, -1 up / +1 down
    remove_requested = Signal(int)
    answer_stored = Signal()

    def __init__(self, ctx: AppContext, answer: AnswerRow, number: int, core: bool,
                 parent: QWidget | None = None, mark: Mark | None = None) -> None:
        super().__init__(parent)
        self.answer_id = answer.id
        self.mark = mark
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
        self.target: QLabel | None = None
        if mark is not None:
            self.target = self._target_label(mark)
            layout.addWidget(self.target)
        self.editor = GrowingTextEdit(2, 18)
        self.editor.setObjectName(f"answer_{answer.id}")
        self.editor.setPlaceholderText(self.tr("Their answer…"))
        self.editor.setAccessibleName(answer.question_text)
        layout.addWidget(self.editor)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.binder = FormBinder(ctx, lambda aid, _f, value: interviews.set_answer(aid, value),
                                 area=Area.INTERVIEWS, what="answer", parent=self)
        self.binder.bind("answer", self.editor, self.error, title=self.tr("an answer"))
        self.binder.stored.connect(lambda _f: self.answer_stored.emit())
        self.binder.load(answer.id, {"answer": answer.answer})

    def _target_label(self, mark: Mark) -> QLabel:
        """The italic line under a proposed question: what it targets, and why on hover."""
        shown = gap_questions.shorten(mark.target, TARGET_SHOWN)
        if mark.kind == guide_gaps.ASSUMPTION:
            text = self.tr("Targets the assumption “{0}”").format(shown)
            tip = self.tr("Proposed while this assumption was not settled:\n“{0}”\n"
                          "The Paths tab says what its evidence still lacks.")
        else:
            text = self.tr("Targets the skill {0}").format(shown)
            tip = self.tr("Proposed while only one held conversation had mentioned {0}: "
                          "another view tells whether it really matters.")
        label = QLabel(text)
        label.setObjectName("gapTarget")
        label.setWordWrap(True)
        label.setToolTip(tip.format(mark.target))
        label.setAccessibleDescription(text)
        label.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        return label

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
    answer_stored = Signal()  # an answer was stored

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id: int | None = None
        self.path_id: int | None = None  # the interview's path: its core questions are offered
        self.blocks: list[QuestionBlock] = []
        self._answers: tuple[AnswerRow, ...] = ()
        self._marks: dict[int, Mark] = {}

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
        self.suggest = QPushButton(self.tr("Suggest &questions from the gaps"))
        self.suggest.setObjectName("suggestGapQuestionsButton")
        self._suggest_tips = (
            self.tr("Add questions that target what is still uncertain on this path: its "
                    "open assumptions, and skills only one conversation has mentioned"),
            self.tr("Choose a path for this conversation first: the questions come from its "
                    "gaps"))
        self.suggest.setToolTip(self._suggest_tips[0])
        self.suggest.clicked.connect(self.suggest_gap_questions)
        # (two lines: the page fits a narrow editor)
        tools.addWidget(self.add_bank)
        tools.addWidget(self.free_text, 1)
        tools.addWidget(self.add_free)
        outer.addLayout(tools)
        gaps = QHBoxLayout()
        gaps.addWidget(self.suggest)
        gaps.addStretch(1)
        outer.addLayout(gaps)
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
                  core_ids: set[int], path_id: int | None = None) -> None:
        marks = self._read_marks(interview_id) if answers else {}
        same_shape = (interview_id == self.interview_id
                      and [a.id for a in answers] == [b.answer_id for b in self.blocks]
                      and [a.question_text for a in answers]
                      == [b.question.text() for b in self.blocks]
                      and marks == self._marks)
        self._answers = tuple(answers)
        self._marks = marks
        self.path_id = path_id
        self.suggest.setEnabled(path_id is not None)
        self.suggest.setToolTip(self._suggest_tips[path_id is None])
        self.error.hide()
        if same_shape:
            for block, answer in zip(self.blocks, answers, strict=True):
                block.update_answer(answer)
            return
        self.interview_id = interview_id
        self.release()
        for number, answer in enumerate(answers, start=1):
            block = QuestionBlock(self.ctx, answer, number, answer.question_id in core_ids,
                                  self.list_widget, marks.get(answer.id))
            block.answer_stored.connect(self.answer_stored)
            block.set_place(number, len(answers))
            block.move_requested.connect(self.move_question)
            block.remove_requested.connect(self.remove_question)
            self.list_layout.insertWidget(self.list_layout.count() - 1, block)
            self.blocks.append(block)
        self.empty.setVisible(not self.blocks and interview_id is not None)
        self.setEnabled(interview_id is not None)

    def _read_marks(self, interview_id: int | None) -> dict[int, Mark]:
        if interview_id is None:
            return {}
        try:
            return guide_gaps.guide_marks(interview_id)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return {}

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
            core = paths.core_questions(self.path_id) if self.path_id else []
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
        except CareerPivotError as exc:
            self._show_error(exc.message)
            if not added:
                return False
        else:
            self.error.hide()
        self._added(added, self.tr("adding %n question(s) to the guide", "", len(added)))
        return True

    def _added(self, added: Sequence[int], text: str) -> None:
        """Record questions just added as one undo step, show them, and focus the last."""
        holder: dict[str, list] = {"snaps": []}

        def undo() -> None:
            holder["snaps"] = [interviews.remove_guide_question(a) for a in added]

        def redo() -> None:
            from careerpivot.services import workspace

            for snap in holder["snaps"]:
                workspace.restore_snapshot(snap)

        push_change(self.ctx, text, Area.INTERVIEWS, undo, redo)
        self.changed.emit()
        block = self.block_for(added[-1])
        if block is not None:
            self.scroll.ensureWidgetVisible(block)
            block.editor.setFocus()

    def suggest_gap_questions(self) -> None:
        """Add the questions the path's gaps propose that the guide does not target yet."""
        iid = self.interview_id
        if iid is None or not self.flush():
            return
        try:
            result = guide_gaps.add_proposals(iid, translate=gap_text)
        except CareerPivotError as exc:
            self._show_error(exc.message)
            return
        if not result.answer_ids:
            self._show_error(
                self.tr("Every question the gaps propose is already in this guide.")
                if result.proposed else
                self.tr("Nothing is uncertain on this path: every assumption is settled and "
                        "every skill was mentioned in more than one conversation."))
            return
        self.error.hide()
        count = len(result.answer_ids)
        self._added(result.answer_ids,
                    self.tr("suggesting %n question(s) from the gaps", "", count))
        self.ctx.bus.status.emit(self.tr("%n question(s) for what is still uncertain added "
                                         "to the guide.", "", count))

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
        push_change(self.ctx, self.tr("reordering the guide"), Area.INTERVIEWS,
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
        push_delete(self.ctx, self.tr("removal of a question"), Area.INTERVIEWS, snap,
                    lambda: interviews.remove_guide_question(answer_id))
        self.changed.emit()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
