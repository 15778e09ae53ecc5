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
import datetime as _dt
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import peewee as pw

from careerpivot import __version__
from careerpivot.core import question_bank, vocab
from careerpivot.core.errors import ImportFileError
from careerpivot.fileio import atomic_file
from careerpivot.formats import jsonbackup
from careerpivot.formats.common import MAX_IMPORT_BYTES
from careerpivot.services import currency, first_steps, workspace
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


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


_OK = ""


def _checker(field: pw.Field, surrogates_possible: bool = True
             ) -> Callable[[object], tuple[object, str]]:
    """The check of one column's values, chosen once for all of them: it returns (the value
    to store, "" or the problem). ``surrogates_possible``: False when the document cannot
    hold a lone surrogate (it has no ``\\uD800``-``\\uDFFF`` escape), so text needs no
    encoding test."""
    null = field.null

    def missing() -> tuple[object, str]:
        return (None, _OK) if null else (None, "is missing (null)")

    if isinstance(field, pw.BooleanField):
        def check(value: object) -> tuple[object, str]:
            if value is None:
                return missing()
            if isinstance(value, bool) or value in (0, 1):
                return int(value), _OK  # type: ignore[call-overload]
            return None, "must be true or false"
    elif isinstance(field, pw.AutoField | pw.IntegerField | pw.ForeignKeyField):
        def check(value: object) -> tuple[object, str]:
            if type(value) is int and abs(value) < 2 ** 63:
                return value, _OK
            if value is None:
                return missing()
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2 ** 63:
                return value, _OK
            return None, "must be a whole number"
    elif isinstance(field, pw.FloatField):
        def check(value: object) -> tuple[object, str]:
            if value is None:
                return missing()
            if isinstance(value, int | float) and not isinstance(value, bool) \
                    and value == value and abs(value) != float("inf"):
                return value, _OK
            return None, "must be a number"
    elif isinstance(field, pw.DateField):
        def check(value: object) -> tuple[object, str]:
            if value is None:
                return missing()
            if isinstance(value, str) and _DATE.fullmatch(value):
                try:
                    _dt.date.fromisoformat(value)
                except ValueError:
                    return None, f"{value!r} is not a date on the calendar"
                return value, _OK
            return None, "must be a date written YYYY-MM-DD"
    else:
        def check(value: object) -> tuple[object, str]:
            if type(value) is str and not surrogates_possible:
                return value, _OK
            if value is None:
                return missing()
            if not isinstance(value, str):
                return None, "must be text"
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return None, "holds a broken character (a lone surrogate)"
            return value, _OK
    return check


#: A JSON escape of a UTF-16 surrogate: only through one can a decoded text hold a lone one.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _row_error(data: bytes, table: str, index: int, pk: str, row: dict,
               problem: str) -> ImportFileError:
    line = jsonbackup.locate(data, table, index)
    where = f"Line {line}: " if line else ""
    ident = row.get(pk)
    return ImportFileError(
        f"{where}row {index + 1} of table {table!r}"
        + (f" ({pk} {ident!r})" if ident is not None and not isinstance(ident, dict | list)
           else "")
        + f" {problem}. Nothing was imported.", line=line)


def _prepare(doc: jsonbackup.Document, data: bytes, progress: Progress | None
             ) -> tuple[list[tuple[type[pw.Model], list[str], list[tuple]]], int]:
    """Every row checked against the schema; raises ImportFileError naming the line."""
    by_table = {m._meta.table_name: m for m in ALL_MODELS}
    unknown = sorted(set(doc.tables) - set(by_table))
    if unknown:
        raise ImportFileError(
            f"This export holds a table this version of CareerPivot does not know "
            f"({unknown[0]!r}); it may come from a newer version. Nothing was imported.",
            line=jsonbackup.locate(data, unknown[0], 0))
    prepared = []
    total = sum(len(r) for r in doc.tables.values())
    done = 0
    surrogates_possible = _SURROGATE_ESCAPE.search(data) is not None
    for model in ALL_MODELS:
        table = model._meta.table_name
        rows = doc.tables.get(table, [])
        fields = model._meta.sorted_fields
        names = [f.column_name for f in fields]
        known = set(names)
        pk = model._meta.primary_key.column_name
        pk_index = names.index(pk)
        # Each column's check chosen once per table (chosen per value, this loop took a
        # third of the import of the benchmark workspace).
        columns = []
        for field in fields:
            columns.append((field.column_name, _checker(field, surrogates_possible), field))
        seen: set[object] = set()
        out = []
        append = out.append
        for index, row in enumerate(rows):
            done += 1
            if done % 2000 == 0:
                _tick(progress, done, total * 2, "Checking the export…")
            if not known.issuperset(row):
                extra = sorted(set(row) - known)
                raise _row_error(data, table, index, pk, row,
                                 f"has a column this version does not know ({extra[0]!r})")
            values = []
            for name, check, field in columns:
                if name in row:
                    value, problem = check(row[name])
                    if problem:
                        raise _row_error(data, table, index, pk, row,
                                         f"has a bad value: {name} {problem}")
                else:
                    value = field.default() if callable(field.default) else field.default
                    if value is None and not field.null:
                        raise _row_error(data, table, index, pk, row,
                                         f"has no value for {name}")
                    if isinstance(value, bool):
                        value = int(value)
                values.append(value)
            key = values[pk_index]
            if key in seen:
                raise _row_error(data, table, index, pk, row,
                                 f"repeats the {pk} {key!r} of an earlier row")
            seen.add(key)
            append(tuple(values))
        prepared.append((model, names, out))
    return prepared, total


def _fts_tables() -> list[str]:
    """The full-text tables that index another table (external content)."""
    return [name for name, sql in database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE "
        "'CREATE VIRTUAL TABLE%USING fts5%'").fetchall() if "content=" in sql.replace(" ", "")]


def _suspend_index_triggers() -> list[tuple[str, str]]:
    """Drop the triggers that keep the full-text tables in step, inside the import's
    transaction; :func:`_rebuild_indexes` fills the tables in one pass and puts the triggers
    back (a failed import rolls both back). Row by row, the triggers doubled the import of
    the benchmark workspace: 13.7 s, against 6.5 s plus 1.2 s to rebuild."""
    fts = _fts_tables()
    if not fts:
        return []
    triggers = [(name, sql) for name, sql in database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        if any(re.search(rf"\b{re.escape(t)}\b", sql) for t in fts)]
    for name, _sql in triggers:
        database.execute_sql(f'DROP TRIGGER "{name}"')
    return triggers


def _rebuild_indexes(triggers: list[tuple[str, str]]) -> None:
    if not triggers:
        return
    for table in _fts_tables():
        database.execute_sql(f'INSERT INTO "{table}"("{table}") VALUES (\'rebuild\')')
    for _name, sql in triggers:
        database.execute_sql(sql)


def import_json(source: str | Path | bytes, *, progress: Progress | None = None
                ) -> JsonImportResult:
    """Restore every table of a full export, with its ids, into this (empty) workspace, in
    one transaction. Refuses a workspace that holds anything the user entered."""
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        try:
            if path.stat().st_size > MAX_IMPORT_BYTES * 4:
                raise ImportFileError(f"{path.name} is too large to be a CareerPivot export.")
            data = path.read_bytes()
        except FileNotFoundError:
            raise ImportFileError(f"{path} does not exist (it may have been moved).") from None
        except OSError as exc:
            raise ImportFileError(f"{path} could not be read: {exc.strerror}.") from None
    _tick(progress, 0, 1, "Reading the export…")
    doc = jsonbackup.read_document(data)
    if doc.schema > migrations.CURRENT_VERSION:
        raise ImportFileError(
            f"This export comes from a newer version of CareerPivot (schema {doc.schema}). "
            "Install the newer version to import it. Nothing was imported.", line=1)
    prepared, total = _prepare(doc, data, progress)
    if not is_empty():
        raise ImportFileError(
            "This workspace already holds data, so the full export was not imported (it "
            "would mix two workspaces). Import it into a new workspace: File > New Workspace, "
            "then import.")
    with write():
        if not is_empty():  # checked again inside the transaction
            raise ImportFileError(
                "This workspace already holds data, so the full export was not imported.")
        database.execute_sql("PRAGMA defer_foreign_keys = ON")
        triggers = _suspend_index_triggers()
        for model in reversed(ALL_MODELS):
            model.delete().execute()
        done = total
        connection = database.connection()
        for model, names, rows in prepared:
            table = model._meta.table_name
            # The values are checked and already in their stored form: a plain executemany
            # is exact and ten times faster than building one statement per chunk.
            sql = (f'INSERT INTO "{table}" ({", ".join(chr(34) + n + chr(34) for n in names)})'
                   f' VALUES ({", ".join("?" * len(names))})')
            size = 5000
            for start in range(0, len(rows), size):
                try:
                    connection.executemany(sql, rows[start:start + size])
                except sqlite3.IntegrityError as exc:
                    raise ImportFileError(
                        f"The table {table!r} of this export breaks a rule of the workspace "
                        f"({exc}). Nothing was imported.",
                        line=jsonbackup.locate(data, table, start)) from None
                done += len(rows[start:start + size])
                _tick(progress, done, total * 2, "Writing the workspace…")
        _rebuild_indexes(triggers)
        if doc.schema < 5:  # before conversations kept their person as held: the best known
            database.execute_sql(migrations.FILL_HELD_SQL)
        problems = database.execute_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            table, rowid, parent, _fk = problems[0][:4]
            rows_of = next(r for m, n, r in prepared if m._meta.table_name == table)
            model = next(m for m in ALL_MODELS if m._meta.table_name == table)
            names = _columns(model)
            index = next((i for i, r in enumerate(rows_of)
                          if r[names.index(model._meta.primary_key.column_name)] == rowid), 0)
            line = jsonbackup.locate(data, table, index)
            raise ImportFileError(
                (f"Line {line}: " if line else "")
                + f"a row of table {table!r} (id {rowid}) refers to a {parent} row that is not "
                "in the export. Nothing was imported.", line=line)
    workspace.mark_changed()
    _tick(progress, 1, 1, "Done")
    return JsonImportResult(tables=len(prepared), rows=total, schema=doc.schema,
                            exported_at=doc.exported_at)
