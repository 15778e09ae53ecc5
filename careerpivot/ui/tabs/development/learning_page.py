"""The inspector's learning item page of the Development tab: an empty state until an item is
opened, then its editor (:class:`~careerpivot.ui.tabs.development.learning_form.LearningForm`,
built the first time), with the sections that fit its kind and the skills it serves."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget

from careerpivot.core import vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import development, workspace
from careerpivot.services.development import LearningRow
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.dialogs.development_delete import ConfirmDevelopmentDelete
from careerpivot.ui.itemmodels import learning as lm
from careerpivot.ui.tabs.development.learning_form import LearningForm
from careerpivot.ui.undo import push_change, push_delete
from careerpivot.ui.widgets.empty_state import EmptyState
from careerpivot.ui.widgets.forms import FormBinder


class LearningEditor(QStackedWidget):
    shown = Signal()  # another item (or none) is shown
    formBuilt = Signal(object)  # the LearningForm, once built

    def __init__(self, ctx: AppContext, learning_model: lm.LearningModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.learning_model = learning_model
        self.learning_id: int | None = None  # the item shown
        self.learning_row: LearningRow | None = None
        self.skill_choices: list[tuple[int, str]] = []  # (id, name) of every skill, by name
        self._picker_stale = False  # the editor's skill list lags behind skill_choices
        self.learning_placeholder = EmptyState(self, name="learningInspectorEmpty")
        self.addWidget(self.learning_placeholder)
        self.learning_binder = FormBinder(self.ctx, self._save_learning, area=Area.LEARNING,
                                          what="learning item", parent=self,
                                          reload=self._learning_values)
        self.form: LearningForm | None = None

    def set_skill_choices(self, choices: list[tuple[int, str]]) -> None:
        """The skills an item can serve; the editor's list is filled with them when an item
        is shown in it."""
        self.skill_choices = choices
        self._picker_stale = True

    def _ensure_form(self) -> LearningForm:
        """Build the learning item editor, the first time an item is opened in it: most
        visits to the tab never open one, and its many widgets would slow the first one."""
        if self.form is not None:
            return self.form
        form = LearningForm(self.learning_binder, self)
        self.form = form
        self.addWidget(form)
        form.kind_combo.currentIndexChanged.connect(self._update_kind_sections)
        form.skill_picker.toggled.connect(self._on_skills_toggled)
        form.open_url_button.clicked.connect(self._open_url)
        self._picker_stale = True
        self.formBuilt.emit(form)
        return form

    # --- showing --------------------------------------------------------------------------
    def show_learning(self, learning_id: int | None, force: bool = False) -> None:
        row = self.learning_model.item(learning_id) if learning_id is not None else None
        if row is None:
            self.learning_binder.flush()
            self.learning_binder.load(None, {})
            self.learning_id, self.learning_row = None, None
            if self.learning_model.total_count():
                self.learning_placeholder.set_content(self.tr("No learning item chosen"), self.tr(
                    "Pick a learning item or experiment in the list to edit it."), "")
            else:
                # (no button: the empty list beside it offers Add Learning…)
                self.learning_placeholder.set_content(self.tr("No learning item chosen"), self.tr(
                    "Add a course, a book or an experiment that builds a skill you need, and "
                    "edit it here."), "")
            self.setCurrentIndex(0)
            self.shown.emit()
            return
        if row.id == self.learning_id and not force:
            return
        form = self._ensure_form()
        self.learning_id, self.learning_row = row.id, row
        self.learning_binder.load(row.id, self._learning_values_of(row))
        checked = [s for s, _ in row.skills]
        if self._picker_stale:
            self._picker_stale = False
            form.skill_picker.set_skills(self.skill_choices, checked)
        else:
            form.skill_picker.set_checked(checked)
        form.skills_error.hide()
        self._update_kind_sections()
        self.setCurrentIndex(1)
        self.shown.emit()

    def _learning_values_of(self, row: LearningRow) -> dict[str, Any]:
        return {
            "title": row.title, "kind": row.kind, "status": row.status,
            "start_date": row.start_date.isoformat() if row.start_date else "",
            "end_date": row.end_date.isoformat() if row.end_date else "",
            "hours_planned": row.hours_planned, "hours_spent": row.hours_spent,
            "units_done": row.units_done, "units_total": row.units_total, "cost": row.cost,
            "provider": row.provider, "url": row.url, "outcome": row.outcome,
            "hypothesis": row.hypothesis, "result": row.result,
            "schedule_day": -1 if row.schedule_day is None else row.schedule_day,
            "schedule_time": row.schedule_time, "schedule_minutes": row.schedule_minutes,
        }

    def _learning_values(self, learning_id: int) -> dict[str, Any]:
        row = development.get_learning(learning_id)
        if learning_id == self.learning_id:
            self.learning_row = row
        return self._learning_values_of(row)

    def _update_kind_sections(self) -> None:
        form = self._ensure_form()
        kind = form.kind_combo.currentData()
        row = self.learning_row
        experiment = kind in vocab.EXPERIMENT_KINDS or bool(
            row and (row.hypothesis or row.result))
        practice = kind == "practice" or bool(
            row and (row.schedule_day is not None or row.schedule_time
                     or row.schedule_minutes))
        for box in form.experiment_rows:
            box.setVisible(experiment)
            box.property("formLabel").setVisible(experiment)
        for box in form.schedule_rows:
            box.setVisible(practice)
            box.property("formLabel").setVisible(practice)
        form.open_url_button.setEnabled(bool(form.url_edit.text().strip()))

    def _open_url(self) -> None:
        row = self.learning_row
        if row is not None and row.url:
            QDesktopServices.openUrl(QUrl(row.url))

    # --- storing --------------------------------------------------------------------------
    def _save_learning(self, learning_id: int, field: str, value: Any) -> None:
        if field == "schedule_day" and value == -1:
            value = None
        development.update_learning(learning_id, field, value)

    def _on_skills_toggled(self, ids: list[int]) -> None:
        learning_id, row = self.learning_id, self.learning_row
        if learning_id is None or row is None:
            return
        form = self._ensure_form()
        old = [s for s, _ in row.skills]
        try:
            development.set_learning_skills(learning_id, ids)
        except CareerPivotError as exc:
            form.skills_error.setText(exc.message)
            form.skills_error.show()
            return
        form.skills_error.hide()
        with contextlib.suppress(CareerPivotError):  # what the next change's undo returns to
            self.learning_row = development.get_learning(learning_id)
        push_change(self.ctx, self.tr("change of the skills of {0}").format(row.title),
                    Area.LEARNING,
                    lambda: development.set_learning_skills(learning_id, old),
                    lambda: development.set_learning_skills(learning_id, ids))
        # the lists show which learning serves which skill: read everything again
        QTimer.singleShot(0, self, lambda: self.ctx.bus.changed.emit(Area.LEARNING))

    def delete_shown(self) -> tuple[LearningRow, int] | None:
        """Delete the item shown, once confirmed, undoably: its row and where it stood in
        the list, or None when nothing was deleted."""
        learning_id, row = self.learning_id, self.learning_row
        if learning_id is None or row is None or workspace.is_read_only():
            return None
        if not ConfirmDevelopmentDelete.ask_learning(self, row.title):
            return None
        self.learning_binder.flush()
        position = self.learning_model.row_of(learning_id)
        try:
            snapshot = development.delete_learning(learning_id)
        except CareerPivotError as exc:
            QMessageBox.warning(self, self.tr("Delete Learning Item"), exc.message)
            return None
        push_delete(self.ctx, self.tr("delete of {0}").format(row.title), Area.LEARNING,
                    snapshot, lambda: development.delete_learning(learning_id))
        self.learning_id, self.learning_row = None, None
        return row, position
