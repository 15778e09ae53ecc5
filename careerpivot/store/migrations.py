"""Schema versions in ``PRAGMA user_version``, migrated forward only.

A new file gets the current schema directly. An older file climbs the ladder one step at a
time, all inside one ``SqliteMigrator.migration_context()``, never inside an outer
transaction: SQLite ignores ``PRAGMA foreign_keys=OFF`` inside a transaction, and a table
rebuild with foreign keys on fires ``ON DELETE CASCADE`` on every child row. The steps, the
version bump and the foreign-key check commit together, so a failed step (or a climb that
would leave a dangling reference) leaves the file exactly as it was.

Released schemas (each has a committed fixture under ``tests/fixtures/``):

1. the first schema;
2. ``contact.archived`` (a contact can leave the active list without being deleted).
"""

from __future__ import annotations

from collections.abc import Callable

import peewee as pw
from playhouse.migrate import SqliteMigrator
from playhouse.migrate import migrate as run_operations

from careerpivot.store import models
from careerpivot.store.db import APPLICATION_ID, database

CURRENT_VERSION = 2


def create_schema() -> None:
    with database.atomic("IMMEDIATE"):
        database.create_tables(models.ALL_MODELS)
        database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        database.execute_sql(f"PRAGMA user_version = {CURRENT_VERSION}")


def _to_2(migrator: SqliteMigrator) -> None:
    run_operations(
        migrator.add_column(
            "contact", "archived", pw.BooleanField(default=False, null=False)
        ),
    )


#: STEPS[n] migrates from version n to n + 1.
STEPS: dict[int, Callable[[SqliteMigrator], None]] = {1: _to_2}


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
