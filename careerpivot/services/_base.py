"""Small pieces every service module shares."""

from __future__ import annotations

import peewee as pw

from careerpivot.errors import NotFoundError
from careerpivot.services import workspace
from careerpivot.store import snapshot
from careerpivot.store.db import write
from careerpivot.store.models import utcnow

__all__ = ["delete_with_snapshot", "get_or_fail", "set_fields", "utcnow", "write"]


def get_or_fail(model: type[pw.Model], row_id: int, what: str) -> pw.Model:
    row = model.get_or_none(model._meta.primary_key == row_id)
    if row is None:
        raise NotFoundError(f"This {what} no longer exists (it may have been deleted).")
    return row


def set_fields(model: type[pw.Model], row_id: int, values: dict, what: str) -> None:
    """Store already-validated ``values`` on one row in one write transaction."""
    with write():
        get_or_fail(model, row_id, what)
        data = dict(values)
        if "updated_at" in model._meta.fields:
            data["updated_at"] = utcnow()
        model.update(data).where(model._meta.primary_key == row_id).execute()
    workspace.mark_changed()


def delete_with_snapshot(model: type[pw.Model], ids: list[int], label: str) -> snapshot.Snapshot:
    """Delete rows (and their cascade) in one transaction; the snapshot undoes it."""
    with write():
        snap = snapshot.capture(model, ids, label)
        model.delete().where(model._meta.primary_key.in_(ids)).execute()
    workspace.mark_changed()
    return snap
