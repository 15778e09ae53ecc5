"""Small pieces every service module shares."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import TypeVar

import peewee as pw

from careerpivot.core.errors import NotFoundError
from careerpivot.services import workspace
from careerpivot.store import snapshot
from careerpivot.store.db import database, write
from careerpivot.store.models import utcnow

_R = TypeVar("_R")

__all__ = ["Columns", "delete_with_snapshot", "fetch_tuples", "get_or_fail", "set_fields", "utcnow",
           "write"]


def stored_date(value: object) -> _dt.date | None:
    """A date read from the store: a date, a date and time, or ISO text (as older versions
    wrote it, or as raw rows return it); None for nothing or something unreadable."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


class Columns:
    """A query's select list written once, by name: ``Columns(id=Path.id, title=Path.title)``.
    ``list(columns)`` is the select list; ``columns.make(Row, r)`` builds a row type from a
    result tuple by those names, so a column added or moved in the query cannot land in
    another field. Every field of the row type must be named (checked when first used)."""

    def __init__(self, **columns: pw.Node) -> None:
        self.names = tuple(columns)
        self.nodes = tuple(columns.values())
        self._checked: set[type] = set()

    def __iter__(self):
        return iter(self.nodes)

    def values(self, r: Sequence[object]) -> dict[str, object]:
        """The result tuple ``r`` as a dict by name (``r`` may carry more columns after)."""
        return dict(zip(self.names, r[:len(self.names)], strict=True))

    def make(self, row_type: type[_R], r: Sequence[object], **more: object) -> _R:
        if row_type not in self._checked:
            fields = tuple(getattr(row_type, "_fields", ())) or tuple(
                f.name for f in dataclasses.fields(row_type))  # type: ignore[arg-type]
            if set(fields) != set(self.names) | set(more):
                raise TypeError(f"{row_type.__name__} has {fields}, the query {self.names}")
            self._checked.add(row_type)
        return row_type(**self.values(r), **more)


def reference(field: str, model: type[pw.Model], value: object, missing: str, *,
              invalid: str | None = None, required: bool = False) -> int | None:
    """The id of a row of ``model`` that ``value`` refers to. None, 0 or "" mean no reference
    (refused with ``invalid`` when ``required``); anything that is not an id is refused with
    ``invalid`` (``missing`` if not given), and an id with no row with ``missing``."""
    from careerpivot.core.errors import ValidationError

    if value is None or value == "" or value == 0:
        if required:
            raise ValidationError(field, invalid or missing)
        return None
    if isinstance(value, bool):
        raise ValidationError(field, invalid or missing)
    try:
        row_id = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(field, invalid or missing) from None
    if not model.select().where(model._meta.primary_key == row_id).exists():
        raise ValidationError(field, missing)
    return row_id


def link_rows(link: type[pw.Model], owner: str, owner_id: int, to: str,
              target: type[pw.Model], target_ids: list[int], *, field: str, missing: str,
              replace: bool = False) -> None:
    """Link the row ``owner_id`` to the rows ``target_ids`` of ``target`` through the table
    ``link``, whose foreign keys are ``owner`` and ``to``. Every target must exist (else
    ValidationError(``field``, ``missing``), nothing changed); with ``replace`` the owner's
    other links go. Inside ``write()``."""
    from careerpivot.core.errors import ValidationError

    wanted = list(dict.fromkeys(target_ids))
    if wanted:
        found = {r[0] for r in target.select(target.id).where(target.id.in_(wanted)).tuples()}
        if len(found) != len(wanted):
            raise ValidationError(field, missing)
    if replace:
        link.delete().where(getattr(link, owner) == owner_id).execute()
    if wanted:
        link.insert_many([{owner: owner_id, to: t} for t in wanted]
                         ).on_conflict_ignore().execute()


def fetch_tuples(query: pw.Query) -> list[tuple]:
    """Every row of ``query`` as the plain tuples SQLite returns, in one ``fetchall()``.

    Peewee's ``.tuples()`` passes each row through Python code (its cursor wrapper and the
    fields' converters): for the 20,000 interviews of the benchmark workspace that was 150 ms
    on top of the 90 ms the query itself takes. Only for queries whose selected columns are
    stored as the values wanted (text, numbers, ids, NULL) -- Peewee's converters turn stored
    dates into ``date`` objects and 0/1 into booleans, this does not."""
    sql, params = query.sql()
    return database.execute_sql(sql, params).fetchall()


def order_of(names: Iterable[str], column: str) -> str:
    """A SQL CASE that gives each vocabulary key (``core.vocab``) its place in the
    vocabulary's order (unknown keys after every known one)."""
    cases = " ".join(f"WHEN '{key}' THEN {i}" for i, key in enumerate(names))
    return f"(CASE {column} {cases} ELSE 99 END)"


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
