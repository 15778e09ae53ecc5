"""The full export: every table of the workspace as one JSON document, and its import
back into an empty workspace without any loss.

The export reads every table inside one read transaction, so it is a consistent snapshot,
and streams it to the file a batch of rows at a time. :func:`import_json` validates every
row before writing and then writes them all in one write transaction with their ids, or
nothing. It refuses a workspace that holds anything the user entered (a new workspace's
starting content does not count: it is replaced).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import peewee as pw

from careerpivot import __version__
from careerpivot.core import question_bank, vocab
from careerpivot.core.errors import ImportFileError
from careerpivot.fileio import atomic_file
from careerpivot.formats import jsonbackup
from careerpivot.formats.common import MAX_IMPORT_BYTES
from careerpivot.services import currency, first_steps, full_import, workspace
from careerpivot.services._base import utcnow, write
from careerpivot.services.export_common import (
    WORKSPACE_UID_KEY,
    Exported,
    Progress,
    workspace_uid,
)
from careerpivot.services.export_common import tick as _tick
from careerpivot.store import migrations, write_mark
from careerpivot.store.models import ALL_MODELS, Phase, Setting, database


def _columns(model: type[pw.Model]) -> list[str]:
    return [f.column_name for f in model._meta.sorted_fields]


#: Rows fetched from SQLite at a time while a table is read for the full export.
_BATCH = 2000


def _table_rows(model: type[pw.Model]) -> Iterator[dict]:
    """The rows of ``model``'s table with their stored values, in primary-key order, fetched
    a batch at a time (call inside a read transaction for a consistent snapshot)."""
    cols = _columns(model)
    pk = model._meta.primary_key.column_name
    select = ", ".join(f'"{c}"' for c in cols)
    cursor = database.execute_sql(
        f'SELECT {select} FROM "{model._meta.table_name}" ORDER BY "{pk}"')
    while batch := cursor.fetchmany(_BATCH):
        for values in batch:
            row = dict(zip(cols, values, strict=True))
            if model is Setting and row["key"] == write_mark.KEY:
                continue  # (the write mark belongs to the file, not to its data)
            yield row


def dump_tables(progress: Progress | None = None) -> dict[str, list[dict]]:
    """Every row of every table with its stored values, in primary-key order, read in one
    transaction (a consistent snapshot), held whole: for comparing small workspaces."""
    tables: dict[str, list[dict]] = {}
    with database.atomic():
        for n, model in enumerate(ALL_MODELS):
            _tick(progress, n, len(ALL_MODELS), "Reading the workspace…")
            tables[model._meta.table_name] = list(_table_rows(model))
    return tables


def export_json(target: str | Path, *, progress: Progress | None = None) -> Exported:
    """The whole workspace as one JSON document that :func:`import_json` reads back (its
    rows counted per table).

    The rows go from SQLite to the file a batch at a time, inside one read transaction (a
    consistent snapshot), so the memory it takes does not grow with the workspace; the file
    replaces ``target`` only once it is whole."""
    workspace_uid()  # the identity travels with the export (calendar UIDs stay stable)
    with database.atomic():
        total = sum(model.select().count() for model in ALL_MODELS)

        def report(done: int) -> None:
            _tick(progress, done, max(total, 1), "Writing the file…")

        _tick(progress, 0, max(total, 1), "Writing the file…")
        tables = ((model._meta.table_name, _table_rows(model)) for model in ALL_MODELS)
        with atomic_file(Path(target)) as out:
            counts = jsonbackup.stream_document(
                out, tables, schema=migrations.CURRENT_VERSION, exported_at=utcnow(),
                application=f"CareerPivot {__version__}", progress=report)
    _tick(progress, 1, 1, "Done")
    return Exported(Path(target), sum(counts.values()), counts)


#: Tables a new workspace fills with its starting content.
_SEEDED = frozenset({"profile", "setting", "question", "criterion", "phase", "template"})


def is_empty() -> bool:
    """True when the workspace holds nothing the user entered: no rows beyond a new
    workspace's starting content (blank profile, the question bank, default criteria, phases
    and templates, unchanged), its identity, its currency and the first-steps guide's state."""
    from careerpivot.store.models import Criterion, Profile, Question, Template

    for model in ALL_MODELS:
        if model._meta.table_name not in _SEEDED and model.select().exists():
            return False
    keys = {r[0] for r in Setting.select(Setting.key).tuples()}
    if keys - {WORKSPACE_UID_KEY, write_mark.KEY, currency.CURRENCY_KEY, *first_steps.KEYS}:
        return False
    text_fields = [f for f in Profile._meta.sorted_fields
                   if isinstance(f, pw.TextField) and f.name not in (
                       "created_at", "updated_at", "page_size")]
    for row in Profile.select(*text_fields).tuples():
        if any(row):
            return False
    bank = set(question_bank.QUESTIONS)
    for text, category, seeded in Question.select(
            Question.text, Question.category, Question.seeded).tuples():
        if not seeded or (category, text) not in bank:
            return False
    criteria = {(n, float(w), bool(e)) for n, w, e in vocab.DEFAULT_CRITERIA}
    for name, weight, from_evidence in Criterion.select(
            Criterion.name, Criterion.weight, Criterion.from_evidence).tuples():
        if (name, float(weight), bool(from_evidence)) not in criteria:
            return False
    phases = set(vocab.DEFAULT_PHASES)
    for name, goal, hours, start, end, metric in Phase.select(
            Phase.name, Phase.goal, Phase.weekly_hours, Phase.start_date, Phase.end_date,
            Phase.success_metric).tuples():
        if (name, goal) not in phases or hours or start or end or metric:
            return False
    templates = {(t.key, t.name, t.subject, t.body) for t in question_bank.TEMPLATES}
    for row in Template.select(Template.key, Template.name, Template.subject,
                               Template.body).tuples():
        if tuple(row) not in templates:
            return False
    return True


@dataclasses.dataclass(frozen=True)
class JsonImportResult:
    tables: int
    rows: int
    schema: int
    exported_at: str


def import_json(source: str | Path | bytes, *, progress: Progress | None = None
                ) -> JsonImportResult:
    """Restore every table of a full export, with its ids, into this (empty) workspace, in
    one transaction. Refuses a workspace that holds anything the user entered.

    The document is read a batch of rows at a time (``source``: its file, or its bytes): its
    envelope is checked first, then each batch is checked and inserted as it is read, so the
    memory taken is a batch's, not the document's. Any problem undoes the whole import."""
    open_file, size = full_import.opener(source, MAX_IMPORT_BYTES * 4)
    _tick(progress, 0, 1, "Reading the export…")
    reader = jsonbackup.ExportReader(open_file)
    try:
        head = reader.header()
        if head.schema > migrations.CURRENT_VERSION:
            raise ImportFileError(
                f"This export comes from a newer version of CareerPivot (schema "
                f"{head.schema}). Install the newer version to import it. Nothing was "
                "imported.", line=1)
        if not is_empty():
            raise ImportFileError(
                "This workspace already holds data, so the full export was not imported (it "
                "would mix two workspaces). Import it into a new workspace: File > New "
                "Workspace, then import.")
        with write():
            if not is_empty():  # checked again inside the transaction
                raise ImportFileError(
                    "This workspace already holds data, so the full export was not imported.")
            database.execute_sql("PRAGMA defer_foreign_keys = ON")
            triggers = full_import.suspend_index_triggers()
            for model in reversed(ALL_MODELS):
                model.delete().execute()
            counts = full_import.write_tables(reader, size, progress)
            reader.finish()
            full_import.rebuild_indexes(triggers)
            if head.schema < 5:  # before conversations kept their person as held
                database.execute_sql(migrations.FILL_HELD_SQL)
            problems = database.execute_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                table, rowid, parent, _fk = problems[0][:4]
                line = full_import.line_of_row(open_file, table, rowid)
                raise ImportFileError(
                    (f"Line {line}: " if line else "")
                    + f"a row of table {table!r} (id {rowid}) refers to a {parent} row that "
                    "is not in the export. Nothing was imported.", line=line)
    finally:
        reader.close()
    workspace.mark_changed()
    _tick(progress, 1, 1, "Done")
    return JsonImportResult(tables=len(ALL_MODELS), rows=sum(counts.values()),
                            schema=head.schema, exported_at=head.exported_at)
