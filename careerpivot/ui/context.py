"""What every tab shares: the undo stack, the change bus, settings and the session."""

from __future__ import annotations

import dataclasses
from enum import StrEnum

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from careerpivot.settings import Settings


class Area(StrEnum):
    """What changed, for :attr:`DataBus.changed`: a tab reloads when an area it shows changed
    (``TabBase.areas``); ALL makes every view reload (a workspace was opened or restored).
    Members are strings, so they travel through the signal as they are."""

    CONTACTS = "contacts"
    PATHS = "paths"
    INTERVIEWS = "interviews"
    SKILLS = "skills"
    LEARNING = "learning"
    PLAN = "plan"
    SUMMARY = "summary"
    LOG = "log"
    ALL = "all"


class DataBus(QObject):
    """Tells every view that data changed: ``changed`` carries an :class:`Area`."""

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
