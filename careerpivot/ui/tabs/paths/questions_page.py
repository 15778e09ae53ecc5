"""The Core questions page of the Paths tab: the question bank on the left, the path's core
questions (the start of every new interview for it) in their order on the right; with none
yet, what belongs there and the button that adds the question selected in the bank."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import paths
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.tabs.paths.common import shortcut
from careerpivot.ui.undo import push_add, push_change
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.form_parts import heading, hint


class QuestionsPage(QWidget):
    """The bank and the core questions of one path (:meth:`show_path`)."""

    #: The questions were read again (the page's title counts them).
    loaded = Signal()
    #: A change was stored in this area and is shown already: the tab need not read it again.
    changeShown = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._path: paths.PathRow | None = None
        self._bank: list[paths.QuestionRow] = []
        self._core: list[paths.QuestionRow] = []
        self._build()

    # --- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(heading(self.tr("Question bank")))
        # A list, not a tree: a list view wraps long questions to its width.
        self.bank_list = QListWidget()
        self.bank_list.setObjectName("questionBank")
        self.bank_list.setWordWrap(True)
        self.bank_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.bank_list.setUniformItemSizes(False)
        self.bank_list.setAccessibleName(self.tr("Question bank"))
        self.bank_list.setToolTip(self.tr("Double-click or press Enter to make a question a "
                                          "core question of this path"))
        self.bank_list.itemActivated.connect(lambda _i: self.add_core_question())
        self.bank_list.currentItemChanged.connect(lambda *_: self.update_buttons())
        left.addWidget(self.bank_list, 1)
        bank_buttons = QHBoxLayout()
        self.add_core_button = QPushButton(self.tr("Add to Core Questions"))
        self.add_core_button.setObjectName("addCoreQuestionButton")
        self.add_core_button.clicked.connect(self.add_core_question)
        self.new_question_button = QPushButton(self.tr("New Question…"))
        self.new_question_button.setObjectName("newQuestionButton")
        self.new_question_button.setToolTip(self.tr("Write a question of your own into the "
                                                    "bank"))
        self.new_question_button.clicked.connect(self.new_question)
        bank_buttons.addWidget(self.add_core_button)
        bank_buttons.addWidget(self.new_question_button)
        bank_buttons.addStretch(1)
        left.addLayout(bank_buttons)

        right = QVBoxLayout()
        self.core_title = heading(self.tr("Core questions"))
        right.addWidget(self.core_title)
        right.addWidget(hint(self.tr("Every new interview for this path starts with these "
                                     "questions, in this order.")))
        self.core_warning = QLabel()
        self.core_warning.setObjectName("coreQuestionWarning")
        self.core_warning.setWordWrap(True)
        self.core_warning.setStyleSheet("color: #8a5300; font-weight: bold;")
        right.addWidget(self.core_warning)
        self.core_list = QListWidget()
        self.core_list.setObjectName("coreQuestionsList")
        self.core_list.setWordWrap(True)
        self.core_list.setAccessibleName(self.tr("Core questions"))
        self.core_list.currentRowChanged.connect(lambda _r: self.update_buttons())
        shortcut(self.core_list, QKeySequence.StandardKey.Delete, self.remove_core_question)
        shortcut(self.core_list, "Ctrl+Up", lambda: self.move_core_question(-1))
        shortcut(self.core_list, "Ctrl+Down", lambda: self.move_core_question(1))
        self.core_stack = QStackedWidget()
        self.core_stack.setObjectName("coreQuestionsStack")
        self.core_stack.addWidget(self.core_list)
        self.core_empty = EmptyState(
            self, name="coreQuestionsEmpty", compact=True,
            title=self.tr("No core questions yet"),
            text=self.tr("Pick {0} to {1} questions from the bank for this path's interview "
                         "guide: double-click one, or select it and add it here.").format(
                paths.CORE_QUESTIONS_MIN, paths.CORE_QUESTIONS_MAX),
            action=self.tr("Add to Core Questions"))
        self.core_empty.actionTriggered.connect(self.add_core_question)
        self.core_stack.addWidget(self.core_empty)
        right.addWidget(self.core_stack, 1)
        core_buttons = QHBoxLayout()
        self.core_up_button = QPushButton(self.tr("Move Up"))
        self.core_up_button.setObjectName("coreUpButton")
        self.core_up_button.setToolTip(self.tr("Ctrl+Up"))
        self.core_up_button.clicked.connect(lambda: self.move_core_question(-1))
        self.core_down_button = QPushButton(self.tr("Move Down"))
        self.core_down_button.setObjectName("coreDownButton")
        self.core_down_button.setToolTip(self.tr("Ctrl+Down"))
        self.core_down_button.clicked.connect(lambda: self.move_core_question(1))
        self.core_remove_button = QPushButton(self.tr("Remove"))
        self.core_remove_button.setObjectName("coreRemoveButton")
        self.core_remove_button.setToolTip(self.tr("Remove from the core questions (Delete); "
                                                   "it stays in the bank"))
        self.core_remove_button.clicked.connect(self.remove_core_question)
        for button in (self.core_up_button, self.core_down_button, self.core_remove_button):
            core_buttons.addWidget(button)
        core_buttons.addStretch(1)
        right.addLayout(core_buttons)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    # --- the path shown ---------------------------------------------------------------------
    def set_path(self, row: paths.PathRow | None) -> None:
        """The path the page works on (its fresh row, after an edit of its fields)."""
        self._path = row

    def core_count(self) -> int:
        return len(self._core)

    def show_path(self, row: paths.PathRow) -> None:
        self._path = row
        self._load_questions(row.id)

    def _load_questions(self, path_id: int) -> None:
        try:
            self._bank = paths.list_questions()
            self._core = paths.core_questions(path_id)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        core_ids = {q.id for q in self._core}
        current = self.bank_list.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.bank_list.clear()
        by_category: dict[str, list[paths.QuestionRow]] = {}
        for q in self._bank:
            by_category.setdefault(q.category, []).append(q)
        restore = None
        heading_font = self.bank_list.font()
        heading_font.setBold(True)
        heading_color = self.bank_list.palette().color(QPalette.ColorRole.Text)
        for key, name in vocab.QUESTION_CATEGORIES.items():
            questions = by_category.get(key)
            if not questions:
                continue
            top = QListWidgetItem(vocab_name(name))
            top.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not selectable, skipped
            top.setFont(heading_font)
            top.setForeground(heading_color)
            self.bank_list.addItem(top)
            for q in questions:
                item = QListWidgetItem(q.text)
                item.setData(Qt.ItemDataRole.UserRole, q.id)
                if q.id in core_ids:
                    item.setText(self.tr("✓ {0}").format(q.text))
                    item.setToolTip(self.tr("Already a core question of this path"))
                self.bank_list.addItem(item)
                if q.id == current_id:
                    restore = item
        if restore is None and not self._core:
            # nothing chosen yet: the first question is ready to add
            restore = next((self.bank_list.item(i) for i in range(self.bank_list.count())
                            if self.bank_list.item(i).data(Qt.ItemDataRole.UserRole)
                            is not None), None)
        if restore is not None:
            self.bank_list.setCurrentItem(restore)
        row = self.core_list.currentRow()
        self.core_list.clear()
        for number, q in enumerate(self._core, start=1):
            item = QListWidgetItem(f"{number}. {q.text}")
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            item.setToolTip(vocab_name(vocab.QUESTION_CATEGORIES.get(q.category, q.category)))
            self.core_list.addItem(item)
        if self._core:
            self.core_list.setCurrentRow(min(max(row, 0), len(self._core) - 1))
        count = len(self._core)
        warning = paths.core_question_warning(count)
        self.core_stack.setCurrentWidget(self.core_list if count else self.core_empty)
        for button in (self.core_up_button, self.core_down_button, self.core_remove_button):
            button.setVisible(count > 0)
        if warning is None or count == 0:  # (with none, the empty state says it)
            self.core_warning.hide()
        else:
            if count == 0:
                text = self.tr("Choose {0} to {1} core questions for this path's interview "
                               "guide.")
            elif count < paths.CORE_QUESTIONS_MIN:
                text = self.tr("Only %n core question(s): a guide works best "
                                              "with {0} to {1}.", "", count)
            else:
                text = self.tr("%n core questions may not fit a 20–30 minute conversation; "
                               "{0} to {1} work best.", "", count)
            self.core_warning.setText("⚠ " + text.format(paths.CORE_QUESTIONS_MIN,
                                                          paths.CORE_QUESTIONS_MAX))
            self.core_warning.show()
        path = self._path
        self.core_title.setText(self.tr("Core questions of “{0}”").format(path.title)
                                if path else self.tr("Core questions"))
        self.loaded.emit()
        self.update_buttons()

    # --- core questions ---------------------------------------------------------------------
    def _set_core(self, new_ids: list[int], text: str, select: int | None = None) -> None:
        pid = self._path.id if self._path is not None else None
        if pid is None:
            return
        old_ids = [q.id for q in self._core]
        try:
            paths.set_core_questions(pid, new_ids)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Core Questions"), exc.message)
            return
        push_change(self.ctx, text, Area.PATHS,
                    lambda: paths.set_core_questions(pid, old_ids),
                    lambda: paths.set_core_questions(pid, new_ids))
        self.changeShown.emit(Area.PATHS)
        self._load_questions(pid)
        if select is not None and select in new_ids:
            self.core_list.setCurrentRow(new_ids.index(select))

    def add_core_question(self) -> None:
        item = self.bank_list.currentItem()
        qid = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if qid is None:
            return
        ids = [q.id for q in self._core]
        if qid in ids:
            self.ctx.bus.status.emit(self.tr("This question is already a core question."))
            return
        self._set_core([*ids, int(qid)], self.tr("adding a core question"), select=int(qid))

    def remove_core_question(self) -> None:
        row = self.core_list.currentRow()
        ids = [q.id for q in self._core]
        if not 0 <= row < len(ids):
            return
        new = ids[:row] + ids[row + 1:]
        self._set_core(new, self.tr("removing a core question"),
                       select=new[min(row, len(new) - 1)] if new else None)
        self.core_list.setFocus()

    def move_core_question(self, step: int) -> None:
        row = self.core_list.currentRow()
        ids = [q.id for q in self._core]
        target = row + step
        if not (0 <= row < len(ids) and 0 <= target < len(ids)):
            return
        new = list(ids)
        new[row], new[target] = new[target], new[row]
        self._set_core(new, self.tr("reordering the core questions"), select=ids[row])

    def new_question(self) -> None:
        path = self._path
        from careerpivot.ui.dialogs.add_question import AddQuestionDialog

        values = AddQuestionDialog.ask(self, path.title if path else "")
        if not values:
            return
        try:
            qid = paths.add_question(values["text"], values["category"])
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("New Question"), exc.message)
            return
        push_add(self.ctx, self.tr("new question in the bank"), Area.PATHS,
                 lambda: paths.delete_question(qid))
        if values.get("add_to_path") and path is not None:
            self._set_core([*(q.id for q in self._core), qid],
                           self.tr("adding a core question"), select=qid)
        else:
            self.changeShown.emit(Area.PATHS)
            if path is not None:
                self._load_questions(path.id)

    # --- chrome -----------------------------------------------------------------------------
    def update_buttons(self) -> None:
        bank_item = self.bank_list.currentItem()
        qid = bank_item.data(Qt.ItemDataRole.UserRole) if bank_item is not None else None
        self.add_core_button.setEnabled(
            self._path is not None and qid is not None and qid not in {q.id for q in self._core})
        self.core_empty.set_action_enabled(self.add_core_button.isEnabled())
        row = self.core_list.currentRow()
        self.core_up_button.setEnabled(row > 0)
        self.core_down_button.setEnabled(0 <= row < self.core_list.count() - 1)
        self.core_remove_button.setEnabled(row >= 0)
