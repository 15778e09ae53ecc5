"""Undoable deletes: capture a row with everything its deletion would touch, restore it exactly.

``capture`` walks the foreign keys that point at the row: children deleted by ``ON DELETE
CASCADE`` are captured recursively (as plain dicts), and rows whose reference would be set to
NULL are remembered so ``restore`` can point them back. The snapshot is plain data, safe to
keep on an undo stack for the session.
"""

from __future__ import annotations

import dataclasses

import peewee as pw

from careerpivot.store import models


@dataclasses.dataclass(frozen=True)
class Snapshot:
    #: (table name, row dict) in insertion order: parents before children.
    rows: tuple[tuple[str, dict], ...]
    #: (table name, column name, row id, value) references to set back after the insert.
    relinks: tuple[tuple[str, str, int, int], ...]
    label: str = ""


_BY_TABLE = {m._meta.table_name: m for m in models.ALL_MODELS}


def _referencing_fields(model: type[pw.Model]) -> list[pw.ForeignKeyField]:
    found = []
    for other in models.ALL_MODELS:
        for field in other._meta.refs:
            if field.rel_model is model:
                found.append(field)
    return found


def _row_dict(model: type[pw.Model], row_id: int) -> dict | None:
    rows = list(model.select().where(model._meta.primary_key == row_id).dicts())
    return rows[0] if rows else None


def capture(model: type[pw.Model], ids: list[int], label: str = "") -> Snapshot:
    rows: list[tuple[str, dict]] = []
    relinks: list[tuple[str, str, int, int]] = []
    seen: set[tuple[str, int]] = set()

    def visit(m: type[pw.Model], row_ids: list[int]) -> None:
        table = m._meta.table_name
        todo = [i for i in row_ids if (table, i) not in seen]
        if not todo:
            return
        pk = m._meta.primary_key
        for start in range(0, len(todo), 500):
            chunk = todo[start:start + 500]
            for row in m.select().where(pk.in_(chunk)).dicts():
                seen.add((table, row[pk.name]))
                rows.append((table, row))
        for field in _referencing_fields(m):
            child = field.model
            col = field.column_name
            child_pk = child._meta.primary_key
            for start in range(0, len(todo), 500):
                chunk = todo[start:start + 500]
                query = child.select(child_pk, field).where(field.in_(chunk)).tuples()
                refs = list(query)
                if not refs:
                    continue
                if field.on_delete == "CASCADE":
                    visit(child, [r[0] for r in refs])
                elif field.on_delete == "SET NULL":
                    relinks.extend((child._meta.table_name, col, r[0], r[1]) for r in refs)

    visit(model, list(ids))
    captured = {(t, r[_BY_TABLE[t]._meta.primary_key.name]) for t, r in rows}
    # A SET NULL link from a row that is itself deleted comes back with that row.
    relinks = [rl for rl in relinks if (rl[0], rl[2]) not in captured]
    return Snapshot(tuple(rows), tuple(relinks), label)


def restore(snap: Snapshot) -> None:
    """Insert the captured rows again with their ids, then restore NULLed references.
    Call inside a write transaction."""
    db = models.database
    db.execute_sql("PRAGMA defer_foreign_keys = ON")
    for table, row in snap.rows:
        model = _BY_TABLE[table]
        data = {model._meta.fields[k]: v for k, v in row.items() if k in model._meta.fields}
        model.insert(data).execute()
    for table, column, row_id, value in snap.relinks:
        model = _BY_TABLE[table]
        field = model._meta.columns[column]
        model.update({field: value}).where(model._meta.primary_key == row_id).execute()
