"""The Paths tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from careerpivot.ui.context import AppContext
from careerpivot.ui.tabs.base import PlaceholderTab


class PathsTab(PlaceholderTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Paths"),
            self.tr(
                "Your target paths, the assumptions you hold about each, and the "
                "evidence for and against them will appear here."
            ),
            parent,
        )
