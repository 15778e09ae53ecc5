"""The Overview tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from careerpivot.ui.context import AppContext
from careerpivot.ui.tabs.base import PlaceholderTab


class OverviewTab(PlaceholderTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Overview"),
            self.tr(
                "What is due today and this week, upcoming interviews, and charts of "
                "your evidence will appear here."
            ),
            parent,
        )
