"""Writing the rows of a full export into the workspace as they are read: each row checked
against the schema, then inserted a batch at a time (call inside the import's one write
transaction, which undoes everything on any error). Used by
:func:`careerpivot.services.full_export.import_json`.
"""

from __future__ import annotations

import datetime as _dt
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import peewee as pw

from careerpivot.core.errors import ImportFileError
from careerpivot.formats import jsonbackup
from careerpivot.services.export_common import Progress
from careerpivot.services.export_common import tick as _tick
from careerpivot.store.models import ALL_MODELS, database

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_OK = ""

Check = Callable[[object], tuple[object, str]]


def _checker(field: pw.Field, surrogates_possible: bool = True) -> Check:
    """The check of one column's values, chosen once for all of them: it returns (the value
    to store, "" or the problem). ``surrogates_possible``: False while the document cannot
    hold a lone surrogate (no ``\\uD800``-``\\uDFFF`` escape read so far), so text needs no
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


def _row_error(line: int | None, table: str, index: int, pk: str, row: dict,
               problem: str) -> ImportFileError:
    where = f"Line {line}: " if line else ""
    ident = row.get(pk)
    return ImportFileError(
        f"{where}row {index + 1} of table {table!r}"
        + (f" ({pk} {ident!r})" if ident is not None and not isinstance(ident, dict | list)
           else "")
        + f" {problem}. Nothing was imported.", line=line)


class _Table:
    """One table of the workspace as the rows of the export fill it."""

    def __init__(self, model: type[pw.Model]) -> None:
        self.name = model._meta.table_name
        self.fields = model._meta.sorted_fields
        self.names = [f.column_name for f in self.fields]
        self.known = set(self.names)
        self.pk = model._meta.primary_key.column_name
        self.pk_index = self.names.index(self.pk)
        # Each column's check chosen once per table (chosen per value, this loop took a
        # third of the import of the benchmark workspace).
        self.checks = {flag: [_checker(f, flag) for f in self.fields] for flag in (False, True)}
        self.seen: set[object] = set()
        columns = ", ".join(f'"{n}"' for n in self.names)
        self.sql = (f'INSERT INTO "{self.name}" ({columns}) '
                    f'VALUES ({", ".join("?" * len(self.names))})')

    def values(self, batch: jsonbackup.Batch, surrogates: bool) -> list[tuple]:
        """The batch's rows checked, in their stored form; raises ImportFileError naming
        the line."""
        out = []
        append = out.append
        seen, known, pk_index = self.seen, self.known, self.pk_index
        checks = list(zip(self.names, self.checks[surrogates], self.fields, strict=True))
        for offset, row in enumerate(batch.rows):
            if not known.issuperset(row):
                extra = sorted(set(row) - known)
                raise self._error(batch, offset, row,
                                  f"has a column this version does not know ({extra[0]!r})")
            values = []
            for name, check, field in checks:
                if name in row:
                    value, problem = check(row[name])
                    if problem:
                        raise self._error(batch, offset, row,
                                          f"has a bad value: {name} {problem}")
                else:
                    value = field.default() if callable(field.default) else field.default
                    if value is None and not field.null:
                        raise self._error(batch, offset, row, f"has no value for {name}")
                    if isinstance(value, bool):
                        value = int(value)
                values.append(value)
            key = values[pk_index]
            if key in seen:
                raise self._error(batch, offset, row,
                                  f"repeats the {self.pk} {key!r} of an earlier row")
            seen.add(key)
            append(tuple(values))
        return out

    def _error(self, batch: jsonbackup.Batch, offset: int, row: dict,
               problem: str) -> ImportFileError:
        return _row_error(batch.lines[offset], self.name, batch.index + offset, self.pk, row,
                          problem)

    def insert(self, batch: jsonbackup.Batch, rows: list[tuple]) -> None:
        """Insert the checked rows; a row that breaks a rule of the workspace (a unique
        pair, say) is named."""
        try:
            # The values are checked and already in their stored form: a plain executemany
            # is exact and ten times faster than building one statement per chunk. (Not in
            # a savepoint of its own: that made the import of the benchmark workspace take
            # a third longer.)
            database.connection().executemany(self.sql, rows)
        except sqlite3.IntegrityError as exc:
            line = batch.lines[self._first_refused(rows)]
            raise ImportFileError(
                (f"Line {line}: " if line else "")
                + f"the table {self.name!r} of this export breaks a rule of the workspace "
                f"({exc}). Nothing was imported.", line=line) from None

    def _first_refused(self, rows: list[tuple]) -> int:
        """The index of the row that stopped the insert: the rows before it are in."""
        sql = f'SELECT 1 FROM "{self.name}" WHERE "{self.pk}" = ?'
        for offset, values in enumerate(rows):
            if database.execute_sql(sql, (values[self.pk_index],)).fetchone() is None:
                return offset
        return 0


def write_tables(reader: jsonbackup.ExportReader, size: int, progress: Progress | None
                 ) -> dict[str, int]:
    """Every table of the document, checked and inserted batch by batch; returns the rows
    of each. ``size``: the file's, for progress."""
    by_table = {m._meta.table_name: m for m in ALL_MODELS}
    counts: dict[str, int] = {}
    table: _Table | None = None
    for batch in reader.tables():
        if table is None or table.name != batch.table:
            model = by_table.get(batch.table)
            if model is None:
                raise ImportFileError(
                    f"This export holds a table this version of CareerPivot does not know "
                    f"({batch.table!r}); it may come from a newer version. Nothing was "
                    "imported.", line=batch.line)
            table = _Table(model)  # (the previous one's ids go)
            counts[table.name] = 0
        if batch.rows:
            rows = table.values(batch, reader.surrogates)
            table.insert(batch, rows)
            counts[table.name] += len(rows)
            _tick(progress, min(reader.consumed, size), max(size, 1), "Writing the workspace…")
            del rows
        del batch  # (not held while the next batch is read)
    return counts


def line_of_row(open_file: Callable[[], BinaryIO], table: str, key: object) -> int | None:
    """The line of the row of ``table`` whose primary key is ``key`` (found by reading the
    document again), else of the table's first row, else of the table's name."""
    model = next(m for m in ALL_MODELS if m._meta.table_name == table)
    pk = model._meta.primary_key.column_name
    reader = jsonbackup.ExportReader(open_file)
    first: int | None = None
    try:
        reader.header()
        for batch in reader.tables():
            if batch.table != table:
                continue
            if batch.index == 0:  # the table's name, then its first row
                first = batch.lines[0] if batch.lines else batch.line
            for row, line in zip(batch.rows, batch.lines, strict=True):
                if row.get(pk) == key:
                    return line
    finally:
        reader.close()
    return first


# --- the full-text index ---------------------------------------------------------------------


def _fts_tables() -> list[str]:
    """The full-text tables that index another table (external content)."""
    return [name for name, sql in database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE "
        "'CREATE VIRTUAL TABLE%USING fts5%'").fetchall() if "content=" in sql.replace(" ", "")]


def suspend_index_triggers() -> list[tuple[str, str]]:
    """Drop the triggers that keep the full-text tables in step, inside the import's
    transaction; :func:`rebuild_indexes` fills the tables in one pass and puts the triggers
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


def rebuild_indexes(triggers: list[tuple[str, str]]) -> None:
    if not triggers:
        return
    for table in _fts_tables():
        database.execute_sql(f'INSERT INTO "{table}"("{table}") VALUES (\'rebuild\')')
    for _name, sql in triggers:
        database.execute_sql(sql)


def opener(source: str | Path | bytes, limit: int) -> tuple[Callable[[], BinaryIO], int]:
    """A function that opens ``source`` (a file's path, or the document's bytes) for reading,
    and its size; raises ImportFileError for a file that cannot be read or is over
    ``limit`` bytes."""
    import io

    if isinstance(source, bytes):
        return (lambda: io.BytesIO(source)), len(source)
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > limit:
            raise ImportFileError(f"{path.name} is too large to be a CareerPivot export.")
        path.open("rb").close()
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist (it may have been moved).") from None
    except OSError as exc:
        raise ImportFileError(f"{path} could not be read: {exc.strerror}.") from None

    def open_file() -> BinaryIO:
        try:
            return path.open("rb")
        except OSError as exc:
            raise ImportFileError(f"{path} could not be read: {exc.strerror}.") from None

    return open_file, size
