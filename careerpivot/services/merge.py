"""Merging duplicate contacts (the same person imported from LinkedIn and from a vCard, or
typed twice) into one, and undoing it.

One record is kept. Everything that pointed at the others points at it: their conversations,
introductions, tags, paths, milestones, log entries and the people they introduced. A link the
kept record already has (a tag, a path, an introduction in the same conversation) is not
doubled. The kept record's empty fields are filled from the others in the order given; notes
are joined; the last contact is the latest; the stage is the furthest along the pipeline (a
"declined" only wins when every record says so). Then the others are deleted.

Held conversations keep the person as they were when each was held (services.interviews), so
the evidence now counts one person where it counted several, at the organizations and levels
recorded then: every standing, triangulation and readiness follows at once, and undo
(:func:`unmerge`) puts every row back as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import peewee as pw

from careerpivot.core import vocab
from careerpivot.core.errors import NotFoundError
from careerpivot.core.validation import ValidationError
from careerpivot.services import workspace
from careerpivot.services._base import utcnow, write
from careerpivot.store import snapshot
from careerpivot.store.models import (
    Contact,
    ContactPath,
    ContactTag,
    Interview,
    Introduction,
    LogEntry,
    Milestone,
)

#: Fields the kept record takes from another when its own is empty, in this order.
_FILLED = ("organization", "role", "level", "email", "phone", "url", "how_met")

#: References moved as they are: (model, column).
_MOVED: tuple[tuple[type[pw.Model], pw.ForeignKeyField], ...] = (
    (Interview, Interview.contact),
    (Milestone, Milestone.partner),
    (LogEntry, LogEntry.contact),
    (Contact, Contact.introduced_by),
)
#: Links unique per contact, moved unless the kept record has the same one: (model, column,
#: the other column of the unique pair).
_LINKS: tuple[tuple[type[pw.Model], pw.ForeignKeyField, pw.Field], ...] = (
    (ContactTag, ContactTag.contact, ContactTag.tag),
    (ContactPath, ContactPath.contact, ContactPath.path),
    (Introduction, Introduction.contact, Introduction.interview),
)


@dataclasses.dataclass(frozen=True)
class MergeRecord:
    """What :func:`unmerge` needs to put everything back."""

    keep_id: int
    merged_ids: tuple[int, ...]
    #: the kept record's fields before the merge
    before: dict
    #: (table, column, row id, the contact it pointed at) of every moved reference
    moved: tuple[tuple[str, str, int, int], ...]
    #: the merged records with the links that were not moved (duplicates of the kept one's)
    removed: snapshot.Snapshot


def _stage(stages: Iterable[str]) -> str:
    order = [s for s in vocab.STAGES if s != "declined"]
    present = [s for s in stages if s in order]
    if present:
        return max(present, key=order.index)
    return "declined"


def _merged_fields(keep: dict, others: list[dict]) -> dict:
    changes: dict = {}
    for field in _FILLED:
        if not str(keep[field] or "").strip():
            for other in others:
                if str(other[field] or "").strip():
                    changes[field] = other[field]
                    break
    notes = [n for n in (r["notes"].strip() for r in [keep, *others]) if n]
    joined = "\n\n".join(dict.fromkeys(notes))
    if joined != keep["notes"].strip():
        changes["notes"] = joined
    dates = [r["last_contact"] for r in [keep, *others] if r["last_contact"]]
    if dates and max(dates) != keep["last_contact"]:
        changes["last_contact"] = max(dates)
    stage = _stage(r["stage"] for r in [keep, *others])
    if stage != keep["stage"]:
        changes["stage"] = stage
    if not keep["cadence_days"]:
        cadence = next((r["cadence_days"] for r in others if r["cadence_days"]), 0)
        if cadence:
            changes["cadence_days"] = cadence
    merged = {r["id"] for r in others}
    if keep["introduced_by"] in merged or keep["introduced_by"] is None:
        introducer = next((r["introduced_by"] for r in others
                           if r["introduced_by"] not in merged | {None, keep["id"]}), None)
        if introducer != keep["introduced_by"]:
            changes["introduced_by"] = introducer
    return changes


def merge_contacts(keep_id: int, other_ids: Iterable[int]) -> MergeRecord:
    """Merge ``other_ids`` into ``keep_id`` in one transaction (see the module docstring)."""
    others = [i for i in dict.fromkeys(int(i) for i in other_ids) if i != int(keep_id)]
    if not others:
        raise ValidationError("contacts", "Choose at least two contacts to merge.")
    with write():
        rows = {r["id"]: r for r in Contact.select().where(
            Contact.id.in_([keep_id, *others])).dicts()}
        if keep_id not in rows or any(i not in rows for i in others):
            raise NotFoundError("These contacts no longer exist (they may have been deleted).")
        keep = rows[keep_id]
        changes = _merged_fields(keep, [rows[i] for i in others])
        moved: list[tuple[str, str, int, int]] = []
        for model, column in _MOVED:
            query = model.select(model._meta.primary_key, column).where(column.in_(others))
            if model is Contact:  # the merged records themselves go
                query = query.where(Contact.id.not_in([keep_id, *others]))
            found = list(query.tuples())
            moved += [(model._meta.table_name, column.column_name, r_id, was)
                      for r_id, was in found]
            if found:
                model.update({column: keep_id}).where(
                    model._meta.primary_key.in_([r_id for r_id, _ in found])).execute()
        for model, column, pair in _LINKS:
            taken = {v for (v,) in model.select(pair).where(column == keep_id).tuples()}
            for r_id, was, value in (model.select(model._meta.primary_key, column, pair)
                                     .where(column.in_(others))
                                     .order_by(model._meta.primary_key).tuples()):
                if value in taken:
                    continue  # a duplicate: it goes with the merged record (undo restores it)
                taken.add(value)
                moved.append((model._meta.table_name, column.column_name, r_id, was))
                model.update({column: keep_id}).where(
                    model._meta.primary_key == r_id).execute()
        removed = snapshot.capture(Contact, others, "merge")
        Contact.delete().where(Contact.id.in_(others)).execute()
        if changes:
            Contact.update({**changes, "updated_at": utcnow()}).where(
                Contact.id == keep_id).execute()
    workspace.mark_changed()
    return MergeRecord(keep_id, tuple(others), keep, tuple(moved), removed)


_TABLES = {m._meta.table_name: m for m in (Contact, ContactPath, ContactTag, Interview,
                                            Introduction, LogEntry, Milestone)}


def unmerge(record: MergeRecord) -> None:
    """Undo :func:`merge_contacts`: the merged records, their links and the kept record's
    fields exactly as they were."""
    with write():
        if not Contact.select().where(Contact.id == record.keep_id).exists():
            raise NotFoundError("The merged contact no longer exists.")
        snapshot.restore(record.removed)
        for table, column, r_id, was in record.moved:
            model = _TABLES[table]
            model.update({model._meta.columns[column]: was}).where(
                model._meta.primary_key == r_id).execute()
        before = {k: v for k, v in record.before.items() if k != "id"}
        Contact.update(before).where(Contact.id == record.keep_id).execute()
    workspace.mark_changed()
