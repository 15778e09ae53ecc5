"""The editor of a contingency: if this happens by then, I will do that (towards a path)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from careerpivot.services import plan
from careerpivot.ui.context import AppContext, Area
from careerpivot.ui.tabs.plan.forms import (
    ChoiceLists,
    add_fields,
    date_edit,
    form_layout,
    heading,
    page_layout,
    text_box,
)
from careerpivot.ui.widgets.forms import FormBinder


class ContingencyPage(QWidget):
    #: the page and the widgets the tab keeps as its own attributes
    TAB_NAME = "contingency_page"
    TAB_ATTRIBUTES = ("contingency_binder", "contingency_trigger", "contingency_date",
                      "contingency_response", "contingency_path")

    def __init__(self, ctx: AppContext, choices: ChoiceLists,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contingencyPage")
        self._choices = choices
        self.binder = self.contingency_binder = FormBinder(
            ctx, plan.update_contingency, area=Area.PLAN, what="contingency", parent=self,
            reload=lambda i: self.values(plan.get_contingency(i)))
        form = form_layout()
        self.contingency_trigger = QLineEdit()
        self.contingency_trigger.setObjectName("contingencyTriggerEdit")
        self.contingency_trigger.setPlaceholderText(self.tr("no interview offers"))
        self.contingency_date = date_edit("contingencyDateEdit")
        self.contingency_response = text_box("contingencyResponseEdit", 4)
        self.contingency_response.setPlaceholderText(
            self.tr("lateral move to operations analyst"))
        self.contingency_path = QComboBox()
        self.contingency_path.setObjectName("contingencyPathEdit")
        add_fields(form, self.binder, (
            ("trigger", self.contingency_trigger, self.tr("If")),
            ("trigger_date", self.contingency_date, self.tr("By")),
            ("response", self.contingency_response, self.tr("Then")),
            ("path", self.contingency_path, self.tr("Path"))))
        page_layout(self, heading(self.tr("Contingency"), "contingencyHeading"), form)

    @staticmethod
    def values(row: plan.ContingencyRow) -> dict[str, Any]:
        return {"trigger": row.trigger, "trigger_date": row.trigger_date,
                "response": row.response, "path": row.path_id or 0}

    def title_edit(self) -> QLineEdit:
        return self.contingency_trigger

    def load(self, row: plan.ContingencyRow) -> None:
        """Show ``row`` (for the row already shown: refresh its values, keeping an edit in
        progress), with the paths as they are now."""
        self._choices.refill(self.contingency_path, "paths", plan.path_choices,
                             self.tr("— any path —"))
        self.binder.load(row.id, self.values(row))
