"""The Plan tab's commands: its actions (add, delete and move phases, milestones and
contingencies, link a milestone's skills and learning), what they do, and when they are
enabled. They act on the tab's selection; every change is undoable and tells the bus."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from careerpivot.core import clock
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import plan, workspace
from careerpivot.ui.context import Area
from careerpivot.ui.dialogs.link_picker import LinkPicker
from careerpivot.ui.i18n import error_title
from careerpivot.ui.itemmodels.plan import CONTINGENCY, MILESTONE, PHASE
from careerpivot.ui.undo import push_change, push_delete

if TYPE_CHECKING:
    from careerpivot.ui.tabs.plan.tab import PlanTab

#: Length of a new phase that follows the last one.
NEW_PHASE_DAYS = 90


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask before deleting. Tests replace this function."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("confirmDeleteDialog")
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setInformativeText(QCoreApplication.translate(
        "PlanTab", "You can undo this with Edit > Undo."))
    box.exec()
    return box.clickedButton() is yes


class PlanCommands(QObject):
    #: an item was deleted: the editor shows nothing
    deleted = Signal()

    #: the actions and commands the tab keeps as its own attributes
    TAB_ATTRIBUTES = ("add_phase_action", "add_milestone_action", "delete_action",
                      "move_up_action", "move_down_action", "add_contingency_action",
                      "delete_contingency_action", "add_phase", "add_milestone",
                      "add_contingency", "delete_selected", "delete_contingency", "move_phase",
                      "choose_milestone_skills", "choose_milestone_learning")

    def __init__(self, tab: PlanTab) -> None:
        super().__init__(tab)
        self._tab = tab
        self.ctx = tab.ctx
        self._build_actions()

    # --- actions --------------------------------------------------------------------------
    def _action(self, name: str, text: str, tip: str, shortcut: str | QKeySequence | None,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self._tab.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.add_phase_action = self._action(
            "addPhaseAction", self.tr("Add Phase"), self.tr("Add a phase at the end of the plan"),
            "Ctrl+Shift+P", self.add_phase)
        self.add_milestone_action = self._action(
            "addMilestoneAction", self.tr("Add Milestone"),
            self.tr("Add a milestone to the selected phase"), "Ctrl+Shift+M", self.add_milestone)
        self.delete_action = self._action(
            "deletePlanItemAction", self.tr("Delete"),
            self.tr("Delete the selected phase or milestone"), None, self.delete_selected)
        self.move_up_action = self._action(
            "movePhaseUpAction", self.tr("Move Up"), self.tr("Move the selected phase earlier"),
            "Ctrl+Shift+Up", lambda: self.move_phase(-1))
        self.move_down_action = self._action(
            "movePhaseDownAction", self.tr("Move Down"),
            self.tr("Move the selected phase later"), "Ctrl+Shift+Down",
            lambda: self.move_phase(1))
        self.add_contingency_action = self._action(
            "addContingencyAction", self.tr("Add Contingency"),
            self.tr("Add an “if this happens by then, I will do that” option"), "Ctrl+Shift+K",
            self.add_contingency)
        self.delete_contingency_action = self._action(
            "deleteContingencyAction", self.tr("Delete"),
            self.tr("Delete the selected contingency"), None, self.delete_contingency)

    def update_enabled(self, current: tuple[str, int] | None,
                       overview: plan.PlanOverview | None) -> None:
        """Enable the actions that apply to the selection ``current`` in ``overview``."""
        has_phases = bool(overview and overview.phases)
        in_tree = current is not None and current[0] in (PHASE, MILESTONE)
        self.add_milestone_action.setEnabled(has_phases)
        self.delete_action.setEnabled(in_tree)
        phase_ids = [p.id for p in overview.phases] if overview else []
        is_phase = current is not None and current[0] == PHASE and current[1] in phase_ids
        position = phase_ids.index(current[1]) if is_phase and current else -1
        self.move_up_action.setEnabled(is_phase and position > 0)
        self.move_down_action.setEnabled(is_phase and 0 <= position < len(phase_ids) - 1)
        self.delete_contingency_action.setEnabled(
            current is not None and current[0] == CONTINGENCY)

    # --- commands -------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any]) -> Any:
        """Call a service; a problem the user can act on is shown, and None returned."""
        try:
            return fn()
        except CareerPivotError as exc:
            QMessageBox.warning(self._tab, error_title(exc), exc.message)
            return None

    def _push_add(self, text: str, delete: Callable[[int], workspace.Snapshot],
                  item_id: int) -> None:
        holder: dict[str, workspace.Snapshot] = {}

        def undo() -> None:
            holder["snap"] = delete(item_id)

        def redo() -> None:
            workspace.restore_snapshot(holder["snap"])

        push_change(self.ctx, text, Area.PLAN, undo, redo)

    def _after_add(self, kind: str, item_id: int) -> None:
        """Show the new item with its title ready to type over."""
        self.ctx.bus.changed.emit(Area.PLAN)
        self._tab.edit_new(kind, item_id)

    def add_phase(self) -> int | None:
        self._tab.flush_edits()
        overview = self._tab.overview()
        phases = overview.phases if overview else ()
        ends = [p.end_date for p in phases if p.end_date is not None]
        start = max(ends) + _dt.timedelta(days=1) if ends else clock.today()
        end = start + _dt.timedelta(days=NEW_PHASE_DAYS - 1)
        phase_id = self._run(lambda: plan.add_phase(self.tr("New phase"), start_date=start,
                                                    end_date=end))
        if phase_id is None:
            return None
        self._push_add(self.tr("add phase"), plan.delete_phase, phase_id)
        self._after_add(PHASE, phase_id)
        return phase_id

    def _target_phase(self) -> plan.PhaseRow | None:
        overview, current = self._tab.overview(), self._tab.selected()
        if overview is None or not overview.phases:
            return None
        if current is not None:
            kind, item_id = current
            if kind == PHASE:
                return overview.phase(item_id)
            if kind == MILESTONE:
                m = overview.milestone(item_id)
                return overview.phase(m.phase_id) if m else None
        today = overview.today
        for phase in overview.phases:  # the phase we are in, else the first
            if phase.start_date and phase.end_date and phase.start_date <= today <= \
                    phase.end_date:
                return phase
        return overview.phases[0]

    def add_milestone(self) -> int | None:
        self._tab.flush_edits()
        phase = self._target_phase()
        if phase is None:
            return None
        milestone_id = self._run(lambda: plan.add_milestone(
            phase.id, self.tr("New milestone"), due_date=phase.end_date))
        if milestone_id is None:
            return None
        self._push_add(self.tr("add milestone"), plan.delete_milestone, milestone_id)
        self._after_add(MILESTONE, milestone_id)
        return milestone_id

    def add_contingency(self) -> int | None:
        self._tab.flush_edits()
        contingency_id = self._run(lambda: plan.add_contingency(self.tr("something happens")))
        if contingency_id is None:
            return None
        self._push_add(self.tr("add contingency"), plan.delete_contingency, contingency_id)
        self._after_add(CONTINGENCY, contingency_id)
        return contingency_id

    def delete_selected(self) -> bool:
        current, overview = self._tab.selected(), self._tab.overview()
        if current is None or overview is None or current[0] not in (PHASE, MILESTONE):
            return False
        kind, item_id = current
        if kind == PHASE:
            phase = overview.phase(item_id)
            if phase is None:
                return False
            count = len(phase.milestones)
            text = self.tr("Delete the phase “{0}”?").format(phase.name)
            if count:
                text = self.tr("Delete the phase “{0}” and its {1} milestones?").format(
                    phase.name, count) if count != 1 else self.tr(
                    "Delete the phase “{0}” and its milestone?").format(phase.name)
            delete, label = plan.delete_phase, self.tr("delete phase")
        else:
            milestone = overview.milestone(item_id)
            if milestone is None:
                return False
            text = self.tr("Delete the milestone “{0}”?").format(milestone.title)
            delete, label = plan.delete_milestone, self.tr("delete milestone")
        if not confirm(self._tab, self.tr("Delete"), text, self.tr("Delete")):
            return False
        return self._delete(delete, item_id, label)

    def delete_contingency(self) -> bool:
        current, overview = self._tab.selected(), self._tab.overview()
        if current is None or overview is None or current[0] != CONTINGENCY:
            return False
        row = overview.contingency(current[1])
        if row is None:
            return False
        text = self.tr("Delete the contingency “If {0}”?").format(row.trigger)
        if not confirm(self._tab, self.tr("Delete"), text, self.tr("Delete")):
            return False
        return self._delete(plan.delete_contingency, row.id, self.tr("delete contingency"))

    def _delete(self, delete: Callable[[int], workspace.Snapshot], item_id: int,
                label: str) -> bool:
        self._tab.flush_edits()
        snap = self._run(lambda: delete(item_id))
        if snap is None:
            return False
        push_delete(self.ctx, label, Area.PLAN, snap, lambda: delete(item_id))
        self.ctx.bus.status.emit(self.tr("Deleted. Undo with Edit > Undo."))
        self.deleted.emit()
        self.ctx.bus.changed.emit(Area.PLAN)
        return True

    def move_phase(self, offset: int) -> bool:
        current = self._tab.selected()
        if current is None or current[0] != PHASE:
            return False
        phase_id = current[1]
        self._tab.flush_edits()
        moved = self._run(lambda: plan.move_phase(phase_id, offset))
        if not moved:
            return False
        push_change(self.ctx, self.tr("move phase"), Area.PLAN,
                    lambda: plan.move_phase(phase_id, -offset),
                    lambda: plan.move_phase(phase_id, offset))
        self.ctx.bus.changed.emit(Area.PLAN)
        return True

    def _choose_links(self, title: str, choices: list[tuple[int, str]],
                      current: tuple[tuple[int, str], ...],
                      store: Callable[[int, list[int]], None], label: str) -> None:
        selection = self._tab.selected()
        if selection is None or selection[0] != MILESTONE:
            return
        milestone_id = selection[1]
        before = [i for i, _name in current]
        chosen = LinkPicker.ask(self._tab, title, choices, set(before))
        if chosen is None or set(chosen) == set(before):
            return
        if not self._run(lambda: store(milestone_id, chosen) or True):
            return
        push_change(self.ctx, label, Area.PLAN, lambda: store(milestone_id, before),
                    lambda: store(milestone_id, chosen))
        self.ctx.bus.changed.emit(Area.PLAN)

    def _selected_milestone(self) -> plan.MilestoneRow | None:
        overview, current = self._tab.overview(), self._tab.selected()
        return overview.milestone(current[1]) if overview and current and \
            current[0] == MILESTONE else None

    def choose_milestone_skills(self) -> None:
        m = self._selected_milestone()
        if m is None:
            return
        self._choose_links(self.tr("Skills for “{0}”").format(m.title), plan.skill_choices(),
                           m.skills, plan.set_milestone_skills, self.tr("link skills"))

    def choose_milestone_learning(self) -> None:
        m = self._selected_milestone()
        if m is None:
            return
        self._choose_links(self.tr("Learning for “{0}”").format(m.title),
                           plan.learning_choices(), m.learning, plan.set_milestone_learning,
                           self.tr("link learning"))
