"""The Plan tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from careerpivot.ui.context import AppContext
from careerpivot.ui.tabs.base import PlaceholderTab


class PlanTab(PlaceholderTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Plan"),
            self.tr(
                "Your phased transition plan with milestones and contingencies, as a "
                "table and a timeline, will appear here."
            ),
            parent,
        )
