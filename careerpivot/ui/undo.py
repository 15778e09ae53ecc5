"""Undo commands over service calls. Every change is stored when made, so a command's first
``redo`` (pushed after the change happened) does nothing; undo and later redos call services."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from careerpivot.core.errors import CareerPivotError
from careerpivot.ui.context import AppContext


class ServiceCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str, area: str,
                 undo_fn: Callable[[], object], redo_fn: Callable[[], object]) -> None:
        super().__init__(text)
        self._ctx, self._area = ctx, area
        self._undo_fn, self._redo_fn = undo_fn, redo_fn
        self._first = True

    def _run(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except CareerPivotError as exc:
            # The change cannot be undone any more (e.g. the row was deleted meanwhile).
            self.setObsolete(True)
            self._ctx.bus.status.emit(exc.message)
        except Exception:
            # A bug (the excepthook reports it). Without this the stack would move as if the
            # step had run and offer to redo a change that never happened; redoing a delete
            # by id would then delete whatever row has taken that id since.
            self.setObsolete(True)
            raise
        finally:
            self._ctx.bus.changed.emit(self._area)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo_fn)

    def undo(self) -> None:
        self._run(self._undo_fn)


def push_delete(ctx: AppContext, text: str, area: str, snapshot: object,
                delete_again: Callable[[], object]) -> None:
    """Record a delete that already happened; undo restores the snapshot."""
    from careerpivot.services import workspace

    holder = {"snap": snapshot}

    def undo() -> None:
        workspace.restore_snapshot(holder["snap"])

    def redo() -> None:
        holder["snap"] = delete_again()

    ctx.undo.push(ServiceCommand(ctx, text, area, undo, redo))


def push_add(ctx: AppContext, text: str, area: str, delete: Callable[[], object]) -> None:
    """Record an add that already happened: undo deletes it (``delete()`` returns the
    snapshot of what it removed), redo restores that snapshot."""
    from careerpivot.services import workspace

    holder: dict[str, object] = {}

    def undo() -> None:
        holder["snap"] = delete()

    def redo() -> None:
        workspace.restore_snapshot(holder["snap"])

    ctx.undo.push(ServiceCommand(ctx, text, area, undo, redo))


def push_change(ctx: AppContext, text: str, area: str,
                undo_fn: Callable[[], object], redo_fn: Callable[[], object]) -> None:
    ctx.undo.push(ServiceCommand(ctx, text, area, undo_fn, redo_fn))
