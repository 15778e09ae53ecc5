"""The editor of a phase: its name, goal, weekly time, dates and success metric, and the
progress of its milestones."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QProgressBar, QWidget

from careerpivot.services import plan
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.tabs.plan.forms import (
    add_fields,
    date_edit,
    form_layout,
    heading,
    page_layout,
    text_box,
)
from careerpivot.ui.widgets.forms import FormBinder, make_spin


class PhasePage(QWidget):
    #: the page and the widgets the tab keeps as its own attributes
    TAB_NAME = "phase_page"
    TAB_ATTRIBUTES = ("phase_binder", "phase_name", "phase_goal", "phase_hours", "phase_start",
                      "phase_end", "phase_metric", "phase_progress")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phasePage")
        self.binder = self.phase_binder = FormBinder(
            ctx, plan.update_phase, area=Area.PLAN, what="phase", parent=self,
            reload=lambda i: self.values(plan.get_phase(i)))
        form = form_layout()
        self.phase_name = QLineEdit()
        self.phase_name.setObjectName("phaseNameEdit")
        self.phase_goal = text_box("phaseGoalEdit", 3)
        self.phase_hours = make_spin(0, plan.MAX_WEEKLY_HOURS, decimals=1,
                                     suffix=self.tr(" h a week"))
        self.phase_hours.setObjectName("phaseHoursEdit")
        self.phase_start = date_edit("phaseStartEdit")
        self.phase_end = date_edit("phaseEndEdit")
        self.phase_metric = text_box("phaseMetricEdit", 3)
        self.phase_progress = QProgressBar()
        self.phase_progress.setObjectName("phaseProgress")
        self.phase_progress.setTextVisible(True)
        add_fields(form, self.binder, (
            ("name", self.phase_name, self.tr("Name")),
            ("goal", self.phase_goal, self.tr("Goal")),
            ("weekly_hours", self.phase_hours, self.tr("Time")),
            ("start_date", self.phase_start, self.tr("Starts")),
            ("end_date", self.phase_end, self.tr("Ends")),
            ("success_metric", self.phase_metric, self.tr("Success metric"))))
        form.addRow(self.tr("Progress:"), self.phase_progress)
        page_layout(self, heading(self.tr("Phase"), "phaseHeading"), form)

    @staticmethod
    def values(row: plan.PhaseRow) -> dict[str, Any]:
        return {"name": row.name, "goal": row.goal, "weekly_hours": row.weekly_hours,
                "start_date": row.start_date, "end_date": row.end_date,
                "success_metric": row.success_metric}

    def title_edit(self) -> QLineEdit:
        return self.phase_name

    def load(self, row: plan.PhaseRow) -> None:
        """Show ``row`` (for the row already shown: refresh its values, keeping an edit in
        progress)."""
        self.binder.load(row.id, self.values(row))
        progress = row.progress
        self.phase_progress.setRange(0, max(1, progress.total))
        self.phase_progress.setValue(progress.done)
        self.phase_progress.setFormat(
            self.tr("{0} of {1} milestones done").format(progress.done, progress.total)
            if progress.total else self.tr("No milestones yet"))
