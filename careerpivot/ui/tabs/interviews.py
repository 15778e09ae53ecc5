"""The Interviews tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from careerpivot.ui.context import AppContext
from careerpivot.ui.tabs.base import PlaceholderTab


class InterviewsTab(PlaceholderTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Interviews"),
            self.tr(
                "Your informational interviews, their guides of questions and answers "
                "will appear here."
            ),
            parent,
        )
