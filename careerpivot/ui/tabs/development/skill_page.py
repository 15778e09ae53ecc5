"""The inspector's skill page of the Development tab (``skillDetail``): why the selected skill
ranks where it does, its editor (name, kind, levels, "I already bring this", notes) and the
learning that serves it."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.core import vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import development, workspace
from careerpivot.services.development import RankedSkill
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.add_skill import level_combo
from careerpivot.ui.dialogs.development_delete import ConfirmDevelopmentDelete
from careerpivot.ui.itemmodels import learning as lm
from careerpivot.ui.itemmodels import skills as sm
from careerpivot.ui.tabs.development.common import form_row, new_form, vocab_text
from careerpivot.ui.undo import push_change, push_delete
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.forms import FormBinder, error_label


class SkillInspector(QStackedWidget):
    """An empty state until a skill is shown (:meth:`show_skill`), then the skill."""

    shown = Signal()  # another skill (or none) is shown
    addLearningRequested = Signal()  # "Add Learning for This Skill…"
    learningOpened = Signal(int)  # a learning item of the list was opened

    def __init__(self, ctx: AppContext, skills_model: sm.SkillsModel,
                 strengths_model: sm.SkillsModel, learning_model: lm.LearningModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.skills_model = skills_model
        self.strengths_model = strengths_model
        self.learning_model = learning_model
        self.skill_id: int | None = None  # the skill shown
        self._build()
        self.add_for_skill_button.clicked.connect(lambda: self.addLearningRequested.emit())
        self.skill_learning_list.itemActivated.connect(self._open_learning_item)

    def _build(self) -> None:
        # what the inspector shows while no skill is: what belongs here, and how to add one
        self.skill_placeholder = EmptyState(self, name="developmentInspectorEmpty")
        self.addWidget(self.skill_placeholder)

        scroll = QScrollArea(self)
        scroll.setObjectName("skillDetail")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(scroll)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(6, 8, 6, 6)
        self.skill_heading = QLabel(page)
        self.skill_heading.setObjectName("skillHeading")
        self.skill_heading.setWordWrap(True)
        self.skill_heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.skill_heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.skill_heading.setFont(font)
        outer.addWidget(self.skill_heading)
        self.skill_rank = QLabel(page)
        self.skill_rank.setObjectName("skillRank")
        self.skill_rank.setWordWrap(True)
        outer.addWidget(self.skill_rank)
        self.skill_why = QLabel(page)
        self.skill_why.setObjectName("skillWhy")
        self.skill_why.setWordWrap(True)
        self.skill_why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.skill_why)

        form_host = QWidget(page)
        form = new_form(form_host)
        self.skill_binder = FormBinder(self.ctx, self._save_skill, area=Area.SKILLS, what="skill",
                                       parent=self, reload=self._skill_values)
        b = self.skill_binder
        self.skill_name_edit = QLineEdit(form_host)
        self.skill_name_edit.setObjectName("skillNameEdit")
        form_row(form, b, self.tr("Na&me:"), "name", self.skill_name_edit,
                 self.tr("skill name"))
        self.skill_kind_combo = QComboBox(form_host)
        self.skill_kind_combo.setObjectName("skillKindCombo")
        for key, name in vocab.SKILL_KINDS.items():
            self.skill_kind_combo.addItem(vocab_text(name), key)
        form_row(form, b, self.tr("&Kind:"), "kind", self.skill_kind_combo, self.tr("kind"))
        self.current_combo = level_combo(form_host)
        self.current_combo.setObjectName("currentLevelCombo")
        form_row(form, b, self.tr("&Current level:"), "current_level", self.current_combo,
                 self.tr("current level"))
        self.target_combo = level_combo(form_host)
        self.target_combo.setObjectName("targetLevelCombo")
        form_row(form, b, self.tr("&Target level:"), "target_level", self.target_combo,
                 self.tr("target level"))
        self.transferable_check = QCheckBox(self.tr("I already &bring this"), form_host)
        self.transferable_check.setObjectName("transferableCheck")
        self.transferable_check.setToolTip(self.tr(
            "A transferable strength from your current career: listed under “What I already "
            "bring” instead of the development list"))
        box = QWidget(form_host)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.transferable_check)
        error = error_label(box)
        col.addWidget(error)
        b.bind("transferable", self.transferable_check, error, self.tr("transferable"))
        strength_label = QLabel(self.tr("Strength:"), form_host)
        strength_label.setBuddy(self.transferable_check)
        form.addRow(strength_label, box)
        self.skill_notes_edit = QPlainTextEdit(form_host)
        self.skill_notes_edit.setObjectName("skillNotesEdit")
        self.skill_notes_edit.setTabChangesFocus(True)
        self.skill_notes_edit.setPlaceholderText(self.tr("Evidence of this skill, or how you "
                                                         "plan to build it"))
        self.skill_notes_edit.setFixedHeight(self.fontMetrics().height() * 4 + 14)
        form_row(form, b, self.tr("Notes:"), "notes", self.skill_notes_edit, self.tr("notes"))
        outer.addWidget(form_host)

        learn_title = QLabel(self.tr("<b>Learning that serves it</b>"), page)
        outer.addWidget(learn_title)
        self.skill_learning_list = QListWidget(page)
        self.skill_learning_list.setObjectName("skillLearningList")
        self.skill_learning_list.setAccessibleName(self.tr("Learning that serves this skill"))
        self.skill_learning_list.setToolTip(self.tr("Double-click or press Enter to open"))
        self.skill_learning_list.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.skill_learning_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        learn_title.setBuddy(self.skill_learning_list)
        outer.addWidget(self.skill_learning_list)
        self.skill_learning_empty = QLabel(self.tr("Nothing planned yet."), page)
        self.skill_learning_empty.setObjectName("skillLearningEmpty")
        self.skill_learning_empty.setEnabled(False)
        outer.addWidget(self.skill_learning_empty)
        self.add_for_skill_button = QPushButton(self.tr("Add Learning for This Skill…"), page)
        self.add_for_skill_button.setObjectName("addLearningForSkillButton")
        outer.addWidget(self.add_for_skill_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addStretch(1)
        scroll.setWidget(page)
        self.addWidget(scroll)

    # --- showing --------------------------------------------------------------------------
    def ranked(self, skill_id: int | None) -> RankedSkill | None:
        """The skill's row in either list."""
        if skill_id is None:
            return None
        return self.skills_model.skill(skill_id) or self.strengths_model.skill(skill_id)

    def show_skill(self, skill_id: int | None, force: bool = False) -> None:
        row = self.ranked(skill_id)
        if row is None:
            self.skill_binder.flush()
            self.skill_binder.load(None, {})
            self.skill_id = None
            self._show_empty()
            self.setCurrentIndex(0)
            self.shown.emit()
            return
        if row.skill_id == self.skill_id and not force:
            return
        try:
            detail = development.get_skill(row.skill_id)
        except CareerPivotError as exc:
            self.ctx.bus.status.emit(exc.message)
            return
        self.skill_id = row.skill_id
        self.skill_binder.load(row.skill_id, self._skill_values_of(detail))
        self.show_derived(row)
        self.setCurrentIndex(1)
        self.shown.emit()

    def _show_empty(self) -> None:
        """Say what the page shows once a skill is chosen, and where skills come from."""
        if self.skills_model.total_count() or self.strengths_model.total_count():
            self.skill_placeholder.set_content(self.tr("No skill chosen"), self.tr(
                "Pick a skill in the list to see why it ranks where it does, change your "
                "levels and see the learning that serves it."), "")
        else:
            # (no button: the empty list beside it offers Add Skill…)
            self.skill_placeholder.set_content(self.tr("No skill chosen"), self.tr(
                "Skills come from your conversations, recorded on the Skills page of each "
                "interview, or you can add one by hand. Choose one to see why it ranks "
                "where it does."), "")

    def _skill_values_of(self, detail: development.SkillRow) -> dict[str, Any]:
        return {"name": detail.name, "kind": detail.kind,
                "current_level": detail.current_level, "target_level": detail.target_level,
                "transferable": detail.transferable, "notes": detail.notes}

    def _skill_values(self, skill_id: int) -> dict[str, Any]:
        return self._skill_values_of(development.get_skill(skill_id))

    def show_derived(self, row: RankedSkill) -> None:
        """What the ranking says of the skill: its rank, its reasons and its learning."""
        self.skill_heading.setText(row.name)
        if row.transferable:
            rank_text = self.tr("A strength you already bring")
            if row.gap is None:
                rank_text += " — " + self.tr("levels not set")
            elif row.gap:
                rank_text += " — " + self.tr("gap %n to your target", "", row.gap)
        else:
            total = self.skills_model.total_count()
            number = self.skills_model.rank_of(row.skill_id) or 0
            if row.gap is None:
                rank_text = self.tr("Number {0} of {1} to learn (levels not set: set them to "
                                    "rank it by your gap)").format(number, total)
            elif row.gap:
                rank_text = self.tr("Number {0} of {1} to learn").format(number, total)
            else:
                rank_text = self.tr("Gap closed: you are at your target level")
        self.skill_rank.setText(f"<b>{rank_text}</b>")
        model = self.strengths_model if row.transferable else self.skills_model
        self.skill_why.setText(model.explanation_of(row.skill_id).capitalize() + ".")
        self.refresh_learning()

    def refresh_learning(self) -> None:
        """List the learning items that serve the skill shown."""
        self.skill_learning_list.clear()
        if self.skill_id is None:
            return
        items = [r for r in self.learning_model.items()
                 if any(s == self.skill_id for s, _ in r.skills)]
        items.sort(key=lambda r: (r.status == "dropped", r.start_date is None,
                                  r.start_date or _dt.date.min, sm.fold(r.title)))
        for r in items:
            status = vocab_text(vocab.LEARNING_STATUSES.get(r.status, r.status))
            parts = [r.title, status]
            if r.units_total:
                parts.append(self.tr("{0} of {1}").format(r.units_done, r.units_total))
            item = QListWidgetItem(" — ".join(parts), self.skill_learning_list)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(r.title)
            if r.status == "dropped":
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
        count = self.skill_learning_list.count()
        has_items = count > 0
        if has_items:  # as tall as its items, up to six
            rows = min(count, 6)
            row_height = max(self.skill_learning_list.sizeHintForRow(0),
                             self.fontMetrics().height() + 2)
            self.skill_learning_list.setFixedHeight(
                row_height * rows + 2 * self.skill_learning_list.frameWidth() + 4)
        self.skill_learning_list.setVisible(has_items)
        self.skill_learning_empty.setVisible(not has_items)

    def _open_learning_item(self, item: QListWidgetItem) -> None:
        learning_id = int(item.data(Qt.ItemDataRole.UserRole))
        # after the signal: selecting the item rebuilds this list
        QTimer.singleShot(0, self, lambda: self.learningOpened.emit(learning_id))

    # --- storing --------------------------------------------------------------------------
    def _save_skill(self, skill_id: int, field: str, value: Any) -> None:
        development.update_skill(skill_id, field, value)

    def save_level(self, skill_id: int, field: str, level: int | None) -> bool:
        """A level edited in a list: store it and make it undoable (the model shows it)."""
        row = self.ranked(skill_id)
        old = None if row is None else (
            row.current_level if field == "current_level" else row.target_level)
        try:
            development.update_skill(skill_id, field, level)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Change Level"), exc.message)
            return False
        if row is not None:
            name = row.name
            text = (self.tr("change of the current level of {0}") if field == "current_level"
                    else self.tr("change of the target level of {0}")).format(name)
            push_change(self.ctx, text, Area.SKILLS,
                        lambda: development.update_skill(skill_id, field, old),
                        lambda: development.update_skill(skill_id, field, level))
        return True

    def delete_shown(self) -> tuple[RankedSkill, int] | None:
        """Delete the skill shown, once confirmed, undoably: its row and where it stood in
        its list, or None when nothing was deleted."""
        skill_id = self.skill_id
        row = self.ranked(skill_id)
        if skill_id is None or row is None or workspace.is_read_only():
            return None
        linked = sum(1 for r in self.learning_model.items()
                     if any(s == skill_id for s, _ in r.skills))
        if not ConfirmDevelopmentDelete.ask_skill(self, row.name, row.mentions, linked):
            return None
        self.skill_binder.flush()
        model = self.strengths_model if row.transferable else self.skills_model
        position = model.row_of(skill_id)
        try:
            snapshot = development.delete_skill(skill_id)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Skill"), exc.message)
            return None
        push_delete(self.ctx, self.tr("delete of {0}").format(row.name), Area.SKILLS, snapshot,
                    lambda: development.delete_skill(skill_id))
        self.skill_id = None
        return row, position
