"""The Skills section of the Summary tab: the skills chosen for the page, in their order, and
the skills that can be added (with none chosen yet, what belongs here and the button that adds
the first, or that leads to the Development tab where skills come from). Every change is
stored at once and announced on the bus."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerpivot.services import summary as service
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.tabs.summary.common import run_service, small_button
from careerpivot.ui.undo import push_change
from careerpivot.ui.widgets.empty_state import EmptyState

#: The most the list (or its empty state) takes of the column's height.
LIST_HEIGHT = 170


class SkillsPage(QGroupBox):
    """The skills on the summary (:meth:`load`); adding, removing or moving one announces
    :attr:`Area.SUMMARY` on the bus, and the tab reads them again."""

    #: There is no skill to choose yet: the user asked to go where skills are added.
    developmentRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._selected_skill: int | None = None
        self._available: list = []
        self._build()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.setTitle(self.tr("Skills on the page"))
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("Choose from your transferable strengths and the skills you are "
                              "building; the order here is the order on the page."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        row = QHBoxLayout()
        self.skills_list = QListWidget()
        self.skills_list.setObjectName("chosenSkillsList")
        self.skills_list.setAccessibleName(self.tr("Skills on the summary"))
        self.skills_list.setMaximumHeight(LIST_HEIGHT)
        self.skills_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.skills_stack = QStackedWidget()
        self.skills_stack.setObjectName("summarySkillsStack")
        self.skills_stack.setMaximumHeight(LIST_HEIGHT)
        self.skills_stack.addWidget(self.skills_list)
        self.skills_empty = EmptyState(self, name="summarySkillsEmpty", compact=True)
        self.skills_empty.actionTriggered.connect(self._empty_action)
        self.skills_stack.addWidget(self.skills_empty)
        self.skills_menu = QMenu(self)
        self.skills_menu.setObjectName("summarySkillsMenu")
        row.addWidget(self.skills_stack, 1)
        buttons = QVBoxLayout()
        self.skill_up = small_button(self.tr("Move &Up"), "skillUpButton",
                                     lambda: self._move_skill(-1))
        self.skill_down = small_button(self.tr("Move Do&wn"), "skillDownButton",
                                       lambda: self._move_skill(1))
        self.skill_remove = small_button(self.tr("Re&move"), "skillRemoveButton",
                                         self._remove_skill)
        self.list_buttons = QWidget()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.list_buttons.setLayout(buttons)
        for b in (self.skill_up, self.skill_down, self.skill_remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row.addWidget(self.list_buttons)
        lay.addLayout(row)
        add_row = QHBoxLayout()
        self.skill_combo = QComboBox()
        self.skill_combo.setObjectName("availableSkillsCombo")
        self.skill_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.skill_combo.setMinimumContentsLength(18)
        self.skill_add = small_button(self.tr("&Add Skill"), "skillAddButton",
                                      self._add_skill)
        add_row.addWidget(self.skill_combo, 1)
        add_row.addWidget(self.skill_add)
        add_row.setContentsMargins(0, 0, 0, 0)
        self.add_row = QWidget()
        self.add_row.setLayout(add_row)
        lay.addWidget(self.add_row)
        self.skills_list.currentRowChanged.connect(lambda _r: self._update_skill_buttons())

    # --- data -----------------------------------------------------------------------------
    def load(self, chosen: list, available: list) -> None:
        current = self._selected_skill or self._current_skill()
        self._selected_skill = None
        with QSignalBlocker(self.skills_list):
            self.skills_list.clear()
            for skill in chosen:
                item = QListWidgetItem(skill.name)
                item.setData(Qt.ItemDataRole.UserRole, skill.skill_id)
                item.setToolTip(self.tr("Transferable strength") if skill.transferable
                                else self.tr("In development") if skill.gap else "")
                self.skills_list.addItem(item)
                if skill.skill_id == current:
                    self.skills_list.setCurrentItem(item)
        groups = self._group_names()
        combo = self.skill_combo
        with QSignalBlocker(combo):
            combo.clear()
            last_group = None
            for choice in available:
                if choice.group != last_group:
                    combo.addItem(f"— {groups[choice.group]} —", None)
                    index = combo.count() - 1
                    combo.model().item(index).setEnabled(False)
                    last_group = choice.group
                combo.addItem(choice.name, choice.skill_id)
            if not available:
                combo.addItem(self.tr("No more skills: add them in the Development tab"), None)
            for i in range(combo.count()):
                if combo.itemData(i) is not None:
                    combo.setCurrentIndex(i)
                    break
        self._available = list(available)
        self._show_state(bool(chosen))
        self._update_skill_buttons()

    def _group_names(self) -> dict[str, str]:
        return {"strength": self.tr("Transferable strengths"),
                "developing": self.tr("Skills in development"),
                "other": self.tr("Other skills")}

    def _show_state(self, has_skills: bool) -> None:
        """The list, or (with no skill on the page) what belongs here and its action: choose
        one of the skills there are, or go to the Development tab to add them."""
        if not has_skills:
            if self._available:
                self.skills_empty.set_content(
                    self.tr("No skills on the page yet"),
                    self.tr("Choose the skills the page lists: your transferable strengths "
                            "first, then the skills you are building."),
                    self.tr("Add Skill"))
            else:
                self.skills_empty.set_content(
                    self.tr("No skills yet"),
                    self.tr("The page lists skills from the Development tab: mark what you "
                            "already bring there, and add the skills you are building."),
                    self.tr("Go to Development"))
        self.skills_stack.setCurrentWidget(self.skills_list if has_skills
                                           else self.skills_empty)
        # with none on the page yet, the empty state's button is the way in
        self.list_buttons.setVisible(has_skills)
        self.add_row.setVisible(has_skills)

    def focus_target(self) -> QWidget:
        """Where the cursor goes to add a skill: the list of skills to choose from, or the
        empty state's button."""
        return self.skill_combo if self.add_row.isVisibleTo(self) else self.skills_empty.button

    def _empty_action(self) -> None:
        if not self._available:
            self.developmentRequested.emit()
            return
        # the skills there are, by group, to pick one (a pop-up, not a modal loop)
        groups = self._group_names()
        menu = self.skills_menu
        menu.clear()
        last_group = None
        for choice in self._available:
            if choice.group != last_group:
                menu.addSection(groups[choice.group])
                last_group = choice.group
            action = menu.addAction(choice.name)
            action.triggered.connect(lambda _=False, sid=choice.skill_id: self._add(sid))
        button = self.skills_empty.button
        menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    # --- skills -----------------------------------------------------------------------------
    def _current_skill(self) -> int | None:
        item = self.skills_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_skill_buttons(self) -> None:
        row = self.skills_list.currentRow()
        count = self.skills_list.count()
        self.skill_up.setEnabled(row > 0)
        self.skill_down.setEnabled(0 <= row < count - 1)
        self.skill_remove.setEnabled(row >= 0)
        self.skill_add.setEnabled(self.skill_combo.currentData() is not None)

    def _add_skill(self) -> None:
        self._add(self.skill_combo.currentData())

    def _add(self, skill_id: int | None) -> None:
        if skill_id is None or not run_service(self.ctx, service.add_skill, skill_id)[0]:
            return
        push_change(self.ctx, self.tr("add skill to summary"), Area.SUMMARY,
                    lambda: service.remove_skill(skill_id),
                    lambda: service.add_skill(skill_id))
        self._selected_skill = skill_id
        self.ctx.bus.changed.emit(Area.SUMMARY)

    def _remove_skill(self) -> None:
        skill_id = self._current_skill()
        if skill_id is None:
            return
        ok, position = run_service(self.ctx, service.remove_skill, skill_id)
        if not ok or position is None:
            return
        push_change(self.ctx, self.tr("remove skill from summary"), Area.SUMMARY,
                    lambda: service.add_skill(skill_id, position),
                    lambda: service.remove_skill(skill_id))
        self.ctx.bus.changed.emit(Area.SUMMARY)

    def _move_skill(self, delta: int) -> None:
        skill_id = self._current_skill()
        if skill_id is None or not run_service(self.ctx, service.move_skill, skill_id,
                                               delta)[1]:
            return
        push_change(self.ctx, self.tr("reorder skills"), Area.SUMMARY,
                    lambda: service.move_skill(skill_id, -delta),
                    lambda: service.move_skill(skill_id, delta))
        self._selected_skill = skill_id
        self.ctx.bus.changed.emit(Area.SUMMARY)
