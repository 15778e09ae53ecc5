"""The Skills page of the interview editor: the skills, tools and certifications mentioned. The
first mention of a skill new to the workspace asks for its levels (skippable: it is then "not
assessed")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.core.validation import name_key
from careerpivot.services import development, interviews
from careerpivot.services.interviews import MentionRow, NotHeldError
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.skill_levels import SkillLevelsDialog
from careerpivot.ui.i18n import vocab_name
from careerpivot.ui.itemmodels.interviews import (
    M_IMPORTANCE,
    M_KIND,
    M_NOTE,
    M_SKILL,
    MentionsModel,
)
from careerpivot.ui.undo import push_add, push_change, push_delete
from careerpivot.ui.widgets.column_fit import ColumnFit, hide_columns, offer_column_menu
from careerpivot.ui.widgets.form_parts import hint
from careerpivot.ui.widgets.forms import error_label
from careerpivot.ui.widgets.interview_editor.held import Hold


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

    changed = Signal()  # a mention was added, changed or removed (stored)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id: int | None = None
        #: set by the editor: asks to hold a conversation that was not held
        self.hold: Hold | None = None
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
            caption.setWordWrap(True)  # (a narrow editor: the captions take two lines)
            caption.setBuddy(buddy)
            grid.addWidget(caption, 0, column, Qt.AlignmentFlag.AlignBottom)
        for box in (self.importance, self.kind):  # (as narrow as the page needs)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        grid.addWidget(self.name, 1, 0)
        grid.addWidget(self.importance, 1, 1)
        grid.addWidget(self.kind, 1, 2)
        grid.addWidget(self.note, 2, 0, 1, 2)
        grid.addWidget(self.add_button, 2, 2)
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
        # the note takes the room; the skill's name is read whole (the kind gives way first,
        # and a narrow screen starts without it: the header's menu shows it)
        self.column_fit = ColumnFit(self.table, M_NOTE, min_chars=8,
                                    limits={M_SKILL: (10, 32), M_KIND: (6, 16)},
                                    shrink=(M_KIND,))
        hide_columns(self.table, (), (M_KIND,))
        offer_column_menu(self.table, (M_KIND,), self.column_fit)
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
        self.column_fit.fit_contents()
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
            new_skill = development.skill_named(self.name.text()) is None
        except CareerPivotError as exc:
            self._show_error(exc.message)
            return

        def add() -> int:
            return interviews.add_mention(iid, self.name.text(), self.importance.currentData(),
                                          self.note.text(), kind=kind)
        try:
            try:
                mention_id = add()
            except NotHeldError:
                if self.hold is None or not self.hold(iid):
                    raise
                mention_id = add()
        except CareerPivotError as exc:
            self._show_error(exc.message)
            self.name.setFocus()
            return
        push_add(self.ctx, self.tr("adding a skill mention"), Area.INTERVIEWS,
                 lambda: interviews.remove_mention(mention_id))
        if new_skill:
            self._ask_levels(self.name.text())
        self.name.clear()
        self.note.clear()
        self.importance.setCurrentIndex(self.importance.findData(2))
        self.error.hide()
        self.changed.emit()
        row = self.model.row_of(mention_id)
        if row >= 0:
            self.table.selectRow(row)
        self.name.setFocus()

    def _ask_levels(self, name: str) -> None:
        """A skill first named here: ask where the user stands in it and wants to be, as an
        undo step of its own; skipped, it stays not assessed."""
        try:
            skill_id = development.skill_named(name)
            skill = development.get_skill(skill_id) if skill_id is not None else None
        except CareerPivotError as exc:
            self._show_error(exc.message)
            return
        if skill is None:
            return
        levels = SkillLevelsDialog.ask(self, skill.name)
        if levels is None:
            self.ctx.bus.status.emit(self.tr(
                "“{0}” is not assessed yet: set its levels on the Development tab when you "
                "know them.").format(skill.name))
            return
        try:
            before = development.set_skill_levels(skill.id, *levels)
        except CareerPivotError as exc:
            self._show_error(exc.message)
            return
        push_change(self.ctx, self.tr("setting the levels of a new skill"), Area.SKILLS,
                    lambda: development.set_skill_levels(skill.id, *before),
                    lambda: development.set_skill_levels(skill.id, *levels))

    def _edit(self, mention_id: int, field: str, value: Any) -> bool:
        row = self.model.mention(self.model.row_of(mention_id))
        if row is None:
            return False
        old = row.importance if field == "importance" else row.note
        if field == "note" and str(value).strip() == old:
            return False
        try:
            interviews.update_mention(mention_id, field, value)
        except CareerPivotError as exc:
            self._show_error(exc.message)
            return False
        self.error.hide()
        new = value
        push_change(self.ctx, self.tr("change of a skill mention"), Area.INTERVIEWS,
                    lambda: interviews.update_mention(mention_id, field, old),
                    lambda: interviews.update_mention(mention_id, field, new))
        # Not inside setData: the view is still closing its editor.
        QTimer.singleShot(0, self, self.changed.emit)
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
        push_delete(self.ctx, self.tr("removal of a skill mention"), Area.INTERVIEWS, snap,
                    lambda: interviews.remove_mention(mention_id))
        self.changed.emit()
