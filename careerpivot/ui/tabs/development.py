"""The Development tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from careerpivot.ui.context import AppContext
from careerpivot.ui.tabs.base import PlaceholderTab


class DevelopmentTab(PlaceholderTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Development"),
            self.tr(
                "The skills that recur across your conversations, ranked into a "
                "development list, and your learning and experiments will appear here."
            ),
            parent,
        )
