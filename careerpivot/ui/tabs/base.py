"""The base of every tab: reloads from services when its data changes, lazily when hidden, and
does work that the first paint does not need (search texts, say) in short slices once the tab
has painted (:meth:`TabBase.when_idle`).

It also declares every hook the main window calls on a tab (``show_item``, ``flush_edits``,
``focus_search``, ``save_state``, ``restore_state``, ``attach_documents``), each with a no-op
default. The list of tabs is ``careerpivot.ui.tabs.specs``."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from careerpivot.ui.context import AppContext, Area

if TYPE_CHECKING:
    from careerpivot.settings import Settings
    from careerpivot.ui.export import DocumentController

#: Idle work: ``work(deadline)`` does some of it, until ``time.perf_counter()`` passes
#: ``deadline``, and returns True once all of it is done.
IdleWork = Callable[[float], bool]

#: The longest slice of idle work between two looks at the event queue (seconds): short
#: enough that a click or a keystroke in between is not kept waiting.
IDLE_SLICE_S = 0.008


class TabBase(QWidget):
    #: Areas of DataBus.changed that make this tab reload (Area.ALL always does).
    areas: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        # defer_first_load(): the first show waits for the first paint before loading
        self._defer_first_load = False
        self._awaiting_paint = False
        self._painted = False
        self._idle_work: list[IdleWork] = []
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(0)
        self._idle_timer.timeout.connect(self._idle_slice)
        ctx.bus.changed.connect(self._on_changed)

    def defer_first_load(self) -> None:
        """Make the next show load the data only after the tab has been painted once.

        Used by the app for the tab visible at start-up, so the window appears (with the
        tab's empty frame) before its queries run. Later shows load at once, as always.
        """
        self._defer_first_load = True

    def _on_changed(self, area: str) -> None:
        if area == Area.ALL or area in self.areas:
            self._stale = True
            if self.isVisible():
                self.reload_now()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._defer_first_load:
            self._defer_first_load = False
            self._awaiting_paint = True
            # should no paint come (a minimised start), load anyway a little later
            QTimer.singleShot(1000, self._first_paint_done)
            return
        if self._stale:
            self.reload_now()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._painted = True
        if self._awaiting_paint:
            # posted from the paint: runs once the whole frame has been drawn
            QTimer.singleShot(0, self._first_paint_done)
        if self._idle_work and not self._idle_timer.isActive():
            QTimer.singleShot(0, self._idle_timer.start)

    def when_idle(self, work: IdleWork) -> None:
        """Do ``work`` in slices of at most :data:`IDLE_SLICE_S` from the event loop, after
        the tab's next paint (at once when it has painted before and is visible), until it
        says it is done. For what the first paint does not need: whoever needs the result
        earlier finishes the work on the spot (its ``work`` must allow that)."""
        if work not in self._idle_work:
            self._idle_work.append(work)
        if self._painted and self.isVisible() and not self._idle_timer.isActive():
            self._idle_timer.start()

    def _idle_slice(self) -> None:
        if not self._idle_work:
            self._idle_timer.stop()
            return
        work = self._idle_work.pop(0)  # (work that fails is not run again)
        if not work(time.perf_counter() + IDLE_SLICE_S):
            self._idle_work.insert(0, work)

    def _first_paint_done(self) -> None:
        if not self._awaiting_paint:
            return
        self._awaiting_paint = False
        self.after_first_paint()

    def after_first_paint(self) -> None:
        """The deferred first load (see defer_first_load)."""
        if self._stale and self.isVisible():
            self.reload_now()

    def reload_now(self) -> None:
        self._stale = False
        self.reload()

    def reload(self) -> None:
        """Read the tab's data from services and show it."""

    # --- the hooks the main window calls; each default does nothing ---------------------
    def show_item(self, kind: str, item_id: int) -> bool:
        """Select an item of this tab (for Find and links). True when found."""
        return False

    def flush_edits(self) -> bool:
        """Store any edit still pending in a field (before a workspace is closed or the app
        quits). False when one could not be stored: its message is shown by the field."""
        return True

    def focus_search(self) -> None:
        """Edit > Find in List: put the focus in the tab's search field, if it has one."""

    def save_state(self, settings: Settings) -> None:
        """Keep the layout (splitters, columns, the page shown) in ``settings``."""

    def restore_state(self, settings: Settings) -> None:
        """Put back what :meth:`save_state` kept (called once a workspace is open)."""

    def attach_documents(self, controller: DocumentController) -> None:
        """Take the window's document exporter (PDF previews and exports), if the tab
        shows documents."""
