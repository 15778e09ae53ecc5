"""Schema versions in ``PRAGMA user_version``, migrated forward only.

A new file gets the current schema directly. An older file climbs the ladder one step at a
time, all inside one ``SqliteMigrator.migration_context()``, never inside an outer
transaction: SQLite ignores ``PRAGMA foreign_keys=OFF`` inside a transaction, and a table
rebuild with foreign keys on fires ``ON DELETE CASCADE`` on every child row. The steps, the
version bump and the foreign-key check commit together, so a failed step (or a climb that
would leave a dangling reference) leaves the file exactly as it was.

Released schemas (each has a committed fixture under ``tests/fixtures/``):

1. the first schema;
2. ``contact.archived`` (a contact can leave the active list without being deleted);
3. ids that are never reused (every table rebuilt with ``AUTOINCREMENT``, its rows, ids and
   indexes kept) and the full-text index (``store/search.py``) behind Find;
4. covering indexes for reading big lists quickly: ``skill_mention(skill_id, importance,
   interview_id)`` for the development list, ``evidence(assumption_id, verdict,
   interview_id)`` for the assumptions of a path, ``interview(scheduled_at, id, ...)`` for the
   interview list. The step creates every index the models declare that the file lacks (an
   index already there is left as it is), so it brings an older file the indexes of the
   models as they are, whichever they are.
"""

from __future__ import annotations

from collections.abc import Callable

import peewee as pw
from playhouse.migrate import SqliteMigrator
from playhouse.migrate import migrate as run_operations

from careerpivot.store import models, search
from careerpivot.store.models import APPLICATION_ID, database

CURRENT_VERSION = 4


def create_schema() -> None:
    with database.atomic("IMMEDIATE"):
        database.create_tables(models.ALL_MODELS)
        for statement in search.statements():
            database.execute_sql(statement)
        database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        database.execute_sql(f"PRAGMA user_version = {CURRENT_VERSION}")


def _to_2(migrator: SqliteMigrator) -> None:
    run_operations(
        migrator.add_column(
            "contact", "archived", pw.BooleanField(default=False, null=False)
        ),
    )


#: The searchable columns as step 3 indexed them (frozen: a later change of
#: search.SEARCH_COLUMNS needs a step of its own).
_SEARCH_V3: dict[str, tuple[str, ...]] = {
    "contact": ("name", "organization", "role", "email", "how_met", "notes"),
    "interview": ("context", "notes", "typical_week", "challenges", "success_metrics",
                  "surprises", "resonated"),
    "answer": ("question_text", "answer"),
    "assumption": ("statement",),
    "skill": ("name", "notes"),
    "milestone": ("title", "metric", "target", "notes"),
    "log_entry": ("text",),
}


def _rebuild_with_autoincrement(model: type[pw.Model]) -> None:
    """Rebuild one table so its ids are never reused; rows, ids and indexes are kept. Runs
    inside migration_context() (foreign keys off: dropping the old table deletes no child)."""
    table = model._meta.table_name
    sql = database.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone()
    if sql is None or "AUTOINCREMENT" in sql[0].upper():
        return
    temporary = f"{table}__rebuild"
    columns = ", ".join(f'"{f.column_name}"' for f in model._meta.sorted_fields)
    model._meta.set_table_name(temporary)
    try:
        model._schema.create_table(safe=False)
    finally:
        model._meta.set_table_name(table)
    database.execute_sql(f'INSERT INTO "{temporary}" ({columns}) SELECT {columns} FROM "{table}"')
    database.execute_sql(f'DROP TABLE "{table}"')
    # (not legacy_alter_table: the rename must also rewrite a self-reference, e.g. the
    # contact that introduced a contact)
    database.execute_sql(f'ALTER TABLE "{temporary}" RENAME TO "{table}"')
    model._schema.create_indexes(safe=False)


def _to_3(migrator: SqliteMigrator) -> None:
    for model in models.ALL_MODELS:
        if model._meta.primary_key.name == "id":
            _rebuild_with_autoincrement(model)
    for statement in search.statements(_SEARCH_V3):
        database.execute_sql(statement)


def _to_4(migrator: SqliteMigrator) -> None:
    """Every index the models declare that the file lacks (``IF NOT EXISTS``: the tables
    that step 3 rebuilt already have theirs; a later schema that adds an index can run this
    again as its own step)."""
    for model in models.ALL_MODELS:
        model._schema.create_indexes(safe=True)


#: STEPS[n] migrates from version n to n + 1.
STEPS: dict[int, Callable[[SqliteMigrator], None]] = {1: _to_2, 2: _to_3, 3: _to_4}


def schema_version() -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def migrate(*, until: int | None = None) -> list[int]:
    """Climb from the file's version to ``until`` (default: the current version) in one
    transaction; returns the versions reached. On any error nothing is changed."""
    if database.transaction_depth() > 0:
        raise RuntimeError("migrations must not run inside a transaction")
    until = CURRENT_VERSION if until is None else until
    migrator = SqliteMigrator(database)
    reached: list[int] = []
    with migrator.migration_context():
        version = schema_version()
        while version < until:
            step = STEPS.get(version)
            if step is None:
                raise RuntimeError(f"no migration from schema version {version}")
            step(migrator)
            version += 1
            database.execute_sql(f"PRAGMA user_version = {version}")
            reached.append(version)
        # Foreign keys are off during the climb: check them before the commit, not after it.
        problems = database.execute_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise pw.IntegrityError(f"foreign key check failed after migration: {problems[:3]}")
    return reached
