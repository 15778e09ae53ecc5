"""What the pages of the Summary tab build and do alike: their small buttons, and calling a
service whose refusal goes to the status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton

from careerpivot.core.errors import CareerPivotError
from careerpivot.ui.context import AppContext


def small_button(text: str, name: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    button.clicked.connect(lambda _=False: slot())
    return button


def run_service(ctx: AppContext, fn, *args) -> tuple[bool, Any]:
    """Call a service; a refusal goes to the status bar. Returns (ok, result)."""
    try:
        return True, fn(*args)
    except CareerPivotError as exc:
        ctx.bus.status.emit(exc.message)
        return False, None
