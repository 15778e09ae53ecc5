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
5. each conversation keeps the person as they were when it was held
   (``interview.held_organization``, ``held_role``, ``held_level``): the step fills the held
   conversations (status *completed*) from the contact's data of the day it runs, the best
   that is known, and adds the index the evidence rules read.
6. a skill's levels may be unknown (``skill.current_level`` and ``target_level`` nullable,
   ``NULL`` is *not assessed*): the step rebuilds ``skill`` if its level columns are still
   ``NOT NULL`` (its rows and ids kept, so its mentions, learning, milestone and summary
   links too; its search index made again) and turns every skill at 0/0, the old default
   that could not say "never set", into not assessed. A skill with any other levels keeps
   them.
7. a guide's question may name what it targets (``answer.assumption_id``, ``answer.skill_id``,
   nullable references, ``ON DELETE SET NULL``, each indexed): the questions proposed for an
   open assumption or a skill mentioned only once. Every question already in a guide is
   ordinary (both NULL).
8. the folded keys of the contact list (``store/list_keys.py``): ``contact_key``, one row per
   contact with its folded name, organization, role, tags and search text, kept in step by
   triggers, so the list sorts, searches and pages in SQL; the step fills it in one statement.
9. the folded-text index (``store/text_index.py``) the interview search searches through:
   per long-text table (interview, answer) the folded text of the rows that are not all
   ASCII (``fold_<table>_text``; an ASCII row's is its text in lower case), a view that gives
   every row's search text, an FTS5 trigram index over the view (``detail=none``) and their
   triggers, each table filled by one statement. An index already there is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable

import peewee as pw
from playhouse.migrate import SqliteMigrator
from playhouse.migrate import migrate as run_operations

from careerpivot.core import vocab
from careerpivot.store import list_keys, models, search, text_index, write_mark
from careerpivot.store.models import APPLICATION_ID, database

CURRENT_VERSION = 9


def create_schema() -> None:
    with database.atomic("IMMEDIATE"):
        database.create_tables(models.ALL_MODELS)
        for statement in search.statements() + list_keys.statements():
            database.execute_sql(statement)
        for statement in text_index.statements():
            database.execute_sql(statement)
        database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        database.execute_sql(f"PRAGMA user_version = {CURRENT_VERSION}")
        write_mark.mark_written()


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
    _rebuild(model)


def _rebuild(model: type[pw.Model]) -> None:
    """Rebuild one table as the model declares it now, its rows, ids and indexes kept (not its
    triggers: a step that rebuilds a searchable table recreates its search index). Runs
    inside migration_context() (foreign keys off: dropping the old table deletes no child)."""
    table = model._meta.table_name
    temporary = f"{table}__rebuild"
    # The new table has the columns of the models as they are now, which may be more than
    # the file has at this rung (a later step adds them); the rows bring the columns they
    # have. (Naming a missing column would not fail: SQLite reads an unknown "name" as a
    # string, and every row would hold it.)
    present = _columns_of(table)
    kept = [f.column_name for f in model._meta.sorted_fields if f.column_name in present]
    # A column the file does not have yet gets its default, as adding it would give.
    added = [f for f in model._meta.sorted_fields
             if f.column_name not in present and f.default is not None]
    columns = ", ".join(f'"{c}"' for c in [*kept, *(f.column_name for f in added)])
    values = ", ".join([*(f'"{c}"' for c in kept), *("?" for _ in added)])
    defaults = [f.db_value(f.default() if callable(f.default) else f.default) for f in added]
    model._meta.set_table_name(temporary)
    try:
        model._schema.create_table(safe=False)
    finally:
        model._meta.set_table_name(table)
    database.execute_sql(
        f'INSERT INTO "{temporary}" ({columns}) SELECT {values} FROM "{table}"', defaults)
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


def _columns_of(table: str) -> set[str]:
    return {r[1] for r in database.execute_sql(f'PRAGMA table_info("{table}")')}


def _add_missing_columns(table: str, columns: dict[str, pw.Field]) -> None:
    """Add the columns the file lacks (step 3 rebuilds tables with today's columns)."""
    present = _columns_of(table)
    run_operations(*(SqliteMigrator(database).add_column(table, name, field)
                     for name, field in columns.items() if name not in present))


def _create_missing_indexes() -> None:
    """Every index the models declare that the file lacks (``IF NOT EXISTS``: an index
    already there is left as it is), among those whose columns the file has so far: a step
    brings the indexes of the columns that exist at its rung, a later step those of its own
    columns."""
    for model in models.ALL_MODELS:
        table = model._meta.table_name
        present = _columns_of(table)
        for index in model._meta.fields_to_index():
            columns = {getattr(e, "column_name", None) for e in index._expressions}
            if columns <= present:
                database.execute(model._schema._create_index(index, safe=True))


def _to_4(migrator: SqliteMigrator) -> None:
    """The covering indexes of the big lists (a later schema that adds an index runs
    :func:`_create_missing_indexes` again as its own step)."""
    _create_missing_indexes()


#: Fills the held-as snapshot of held conversations that have none from their contact's
#: current data (schema step 5, and a full export from before it).
FILL_HELD_SQL = f"""
UPDATE interview SET
  held_organization = (SELECT organization FROM contact WHERE contact.id = interview.contact_id),
  held_role = (SELECT role FROM contact WHERE contact.id = interview.contact_id),
  held_level = (SELECT level FROM contact WHERE contact.id = interview.contact_id)
WHERE status = '{vocab.HELD}' AND held_organization = '' AND held_role = '' AND held_level = ''
"""


def _to_5(migrator: SqliteMigrator) -> None:
    _add_missing_columns("interview", {name: pw.TextField(default="") for name in
                                       ("held_organization", "held_role", "held_level")})
    database.execute_sql(FILL_HELD_SQL)
    _create_missing_indexes()


#: The level columns of a skill, nullable from schema 6 (``NULL``: never assessed).
_LEVELS = ("current_level", "target_level")


def _to_6(migrator: SqliteMigrator) -> None:
    """A skill's levels may be unknown: both columns become nullable (a table rebuild; a file
    that climbed through step 3 already has them so, step 3 builds today's columns) and a
    skill at 0/0, the old default nobody chose apart from it, becomes not assessed."""
    not_null = {r[1] for r in database.execute_sql('PRAGMA table_info("skill")') if r[3]}
    if not_null & set(_LEVELS):
        _rebuild(models.Skill)
        # The rebuild dropped the search triggers of the table with it: index it again.
        database.execute_sql(f'DROP TABLE IF EXISTS "{search.PREFIX}skill"')
        for statement in search.statements({"skill": _SEARCH_V3["skill"]}):
            database.execute_sql(statement)
    database.execute_sql("UPDATE skill SET current_level = NULL, target_level = NULL "
                         "WHERE current_level = 0 AND target_level = 0")


def _to_7(migrator: SqliteMigrator) -> None:
    """What a guide's question targets: two nullable references (a file that climbed through
    step 3 already has them, step 3 builds today's columns) and their indexes."""
    _add_missing_columns("answer", {
        "assumption_id": pw.ForeignKeyField(models.Assumption, field=models.Assumption.id,
                                            null=True, on_delete="SET NULL"),
        "skill_id": pw.ForeignKeyField(models.Skill, field=models.Skill.id, null=True,
                                       on_delete="SET NULL"),
    })
    _create_missing_indexes()


def _to_8(migrator: SqliteMigrator) -> None:
    """The contact list's folded keys, their indexes and triggers, filled from the contacts."""
    for statement in list_keys.statements():
        database.execute_sql(statement)


def _to_9(migrator: SqliteMigrator) -> None:
    """The folded-text index of the interview search: the stored folded texts, the views,
    the indexes and their triggers, each table filled by one statement."""
    for statement in text_index.statements():
        database.execute_sql(statement)


#: STEPS[n] migrates from version n to n + 1.
STEPS: dict[int, Callable[[SqliteMigrator], None]] = {
    1: _to_2, 2: _to_3, 3: _to_4, 4: _to_5, 5: _to_6, 6: _to_7, 7: _to_8,
    8: _to_9}


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
        if reached:
            write_mark.mark_written()  # (a migrated file differs from its backups)
    return reached
