"""What every tab shares: the undo stack, the change bus, settings and the session."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from careerpivot.settings import Settings


class DataBus(QObject):
    """Tells every view that data changed. ``area`` is one of: contacts, paths, interviews,
    skills, learning, plan, summary, log, all."""

    changed = Signal(str)
    #: Ask the main window to show an item: (area, id), e.g. ("contact", 12).
    show_item = Signal(str, int)
    #: A short message for the status bar.
    status = Signal(str)


@dataclasses.dataclass
class AppContext:
    settings: Settings
    undo: QUndoStack
    bus: DataBus
