"""The Summary tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from careerpivot.ui.context import AppContext
from careerpivot.ui.tabs.base import PlaceholderTab


class SummaryTab(PlaceholderTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Summary"),
            self.tr(
                "Your one-page value summary, with a live preview of the PDF, will "
                "appear here."
            ),
            parent,
        )
