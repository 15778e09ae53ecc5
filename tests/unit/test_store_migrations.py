"""Migrating the committed schema-1 fixture (tricky data, children at every level) to the
current schema: every row kept, the rebuilt ``contact`` table keeps its children, a verified
backup comes first, and a failed migration leaves the file as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import peewee as pw
import pytest
from playhouse.migrate import SqliteMigrator
from playhouse.migrate import migrate as run_operations

from careerpivot.core.errors import WorkspaceOpenError
from careerpivot.store import backup, db, list_keys, migrations, models

FIXTURE = Path(__file__).parents[1] / "fixtures" / "schema1.db"
NEW_COLUMNS = {"contact": {"archived"},  # what schema 2 added
               "interview": {"held_organization", "held_role", "held_level"},  # schema 5
               "answer": {"assumption_id", "skill_id"}}  # schema 7
REAL_STEP_1 = migrations.STEPS[1]

#: Rows below ``contact`` that a cascade would delete or unlink: (table, column, rows).
CHILDREN = [
    ("interview", "contact_id", 3),
    ("contact_tag", "contact_id", 4),
    ("contact_path", "contact_id", 3),
    ("introduction", "contact_id", 2),
    ("milestone", "partner_id", 2),  # ON DELETE SET NULL
    ("log_entry", "contact_id", 4),  # ON DELETE SET NULL
    ("contact", "introduced_by_id", 2),  # self-reference, SET NULL
]
GRANDCHILDREN = {"answer": 4, "evidence": 3, "skill_mention": 3}


def _child_counts(dbtools, path: Path) -> dict[str, int]:
    counts = {}
    with dbtools.raw(path, readonly=True) as con:
        for table, column, _ in CHILDREN:
            counts[f"{table}.{column}"] = con.execute(
                f"SELECT count({column}) FROM {table}"
            ).fetchone()[0]
        for table in GRANDCHILDREN:
            counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return counts


def test_fixture_is_schema_1_with_tricky_data(dbtools):
    """The fixture really is the old schema, so the migration tests below prove something."""
    before = FIXTURE.read_bytes()
    with dbtools.raw(FIXTURE, immutable=True) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
        assert con.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert "archived" not in [r[1] for r in con.execute("PRAGMA table_info(contact)")]
        notes = [r[0] for r in con.execute("SELECT notes FROM contact")]
        names = "".join(r[0] for r in con.execute("SELECT name FROM contact"))
        assert max(len(n) for n in notes) == 1_048_576  # the 1 MiB note
        assert any("\r\n" in n for n in notes)
        assert "🚀" in names and "سارة" in names and "דוד" in names and "王" in names
        assert con.execute("SELECT count(*) FROM contact WHERE last_contact IS NULL"
                           ).fetchone()[0] >= 2
        assert con.execute("SELECT count(*) FROM answer WHERE question_id IS NULL"
                           ).fetchone()[0] == 1
    assert _child_counts(dbtools, FIXTURE) == {
        **{f"{t}.{c}": n for t, c, n in CHILDREN}, **GRANDCHILDREN
    }
    assert FIXTURE.read_bytes() == before


def test_migration_keeps_every_row_and_every_child(schema1_copy, dbtools, tmp_path):
    before = dbtools.digests(schema1_copy)
    children_before = _child_counts(dbtools, schema1_copy)

    info = db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")

    assert (info.schema_before, info.schema_now) == (1, migrations.CURRENT_VERSION)
    assert not info.created and not info.read_only
    assert db.integrity_report() == [], "integrity_check and foreign_key_check clean"
    assert migrations.schema_version() == migrations.CURRENT_VERSION
    # The new column exists with its default on every old row.
    assert [c.archived for c in models.Contact.select()] == [False] * 5
    big = models.Contact.get(models.Contact.name == "דוד כהן")
    assert len(big.notes) == 1_048_576
    db.close()

    after = dbtools.digests(schema1_copy, skip_columns=NEW_COLUMNS, without_write_mark=True)
    assert {t: d for t, d in after.items()
            if not t.startswith(("fts_", "fold_")) and t != list_keys.TABLE} == before
    assert _child_counts(dbtools, schema1_copy) == children_before


def test_migrated_and_new_workspaces_have_the_same_schema(schema1_copy, tmp_path):
    """A file that climbed the ladder ends with exactly the tables, indexes and triggers of a
    new file, the search index filled from the old rows."""
    from careerpivot.services import overview

    def schema() -> set[tuple[str, str]]:
        return {(r[0], r[1]) for r in db.database.execute_sql(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()}

    db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")
    migrated = schema()
    assert overview.has_search_index()
    found = overview.find_everywhere("דוד")
    assert [r.title for r in found if r.kind == "contact"] == ["דוד כהן"]
    db.close()
    db.open_workspace(tmp_path / "new.careerpivot", backup_dir=tmp_path / "backups")
    assert schema() == migrated
    db.close()


def test_migration_makes_a_verified_backup_of_the_old_file_first(schema1_copy, dbtools, tmp_path):
    before = dbtools.digests(schema1_copy)

    info = db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")
    db.close()

    saved = info.backup_before_migration
    assert saved is not None and saved.parent == tmp_path / "backups"
    assert "pre-migration" in saved.name
    assert backup.verify(saved)
    assert dbtools.digests(saved) == before, "the backup holds the file as it was"
    with dbtools.raw(saved, readonly=True) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert [b.reason for b in backup.list_backups(tmp_path / "backups")] == ["pre-migration"]


def _schema(path: Path, dbtools) -> dict[str, object]:
    """Columns, indexes and foreign keys per table, independent of the DDL's spelling."""
    out = {}
    with dbtools.raw(path, readonly=True) as con:
        for table in dbtools.tables(con):
            cols = sorted((r[1], r[2], r[3], r[5])
                          for r in con.execute(f'PRAGMA table_info("{table}")'))
            idx = sorted(
                (r[2], tuple(c[2] for c in con.execute(f'PRAGMA index_info("{r[1]}")')))
                for r in con.execute(f'PRAGMA index_list("{table}")')
            )
            fks = sorted(r[2:] for r in con.execute(f'PRAGMA foreign_key_list("{table}")'))
            out[table] = (cols, idx, fks)
    return out


def test_migrated_schema_equals_a_new_workspace(schema1_copy, dbtools, tmp_path):
    """A migrated file behaves like a new one: same columns, indexes, foreign keys and
    cascades. Fails when a model changes without a migration step (or the fixture drifts)."""
    db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")
    db.close()
    fresh = tmp_path / "fresh.careerpivot"
    db.open_workspace(fresh)
    db.close()

    assert _schema(schema1_copy, dbtools) == _schema(fresh, dbtools)


def test_naive_migration_in_a_transaction_deletes_children(schema1_copy, dbtools):
    """The trap the real migration avoids (RELIABILITY.md): a Peewee migration inside
    ``atomic()`` with foreign keys on rebuilds ``contact`` and the DROP of the old table fires
    ON DELETE CASCADE / SET NULL on every child, while both checks stay clean. Counting
    children, as the test above does, is the only way to see it."""
    before = _child_counts(dbtools, schema1_copy)
    database = models.database
    database.init(str(schema1_copy), pragmas=(("foreign_keys", 1),))
    database.connect()
    try:
        migrator = SqliteMigrator(database)
        with database.atomic():
            run_operations(migrator.add_column(
                "contact", "archived", pw.BooleanField(default=False, null=False)))
        assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        database.close()

    after = _child_counts(dbtools, schema1_copy)
    assert before["interview.contact_id"] == 3 and after["interview.contact_id"] == 0
    assert after["answer"] == after["evidence"] == after["skill_mention"] == 0
    assert after["contact_tag.contact_id"] == after["introduction.contact_id"] == 0
    assert after["milestone.partner_id"] == after["log_entry.contact_id"] == 0


def test_migrate_refuses_to_run_inside_a_transaction(schema1_copy):
    database = models.database
    database.init(str(schema1_copy), pragmas=(("foreign_keys", 1),))
    database.connect()
    try:
        with database.atomic(), pytest.raises(RuntimeError, match="inside a transaction"):
            migrations.migrate()
        assert migrations.schema_version() == 1
    finally:
        database.close()


# --- a failed migration ----------------------------------------------------------------------


class StepFailed(Exception):
    pass


def _rebuild_then_fail(migrator: SqliteMigrator) -> None:
    """The real step (which rebuilds ``contact``) and then a failure, as a bug would."""
    REAL_STEP_1(migrator)
    migrator.database.execute_sql("UPDATE contact SET name = 'half-migrated'")
    raise StepFailed("simulated failure in the middle of a step")


def _assert_untouched(path: Path, dump_before, version: int, dbtools) -> None:
    assert dbtools.dump(path) == dump_before, "the file is logically identical"
    with dbtools.raw(path, readonly=True) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == version
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_failed_step_leaves_the_file_as_it_was(schema1_copy, dbtools, tmp_path, monkeypatch):
    dump_before = dbtools.dump(schema1_copy)
    monkeypatch.setitem(migrations.STEPS, 1, _rebuild_then_fail)

    with pytest.raises(WorkspaceOpenError) as err:
        db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")

    assert err.value.kind == "migration_failed"
    assert str(schema1_copy) in err.value.message
    assert "StepFailed" in err.value.detail
    assert db.current_path() is None and db.database.is_closed()
    _assert_untouched(schema1_copy, dump_before, 1, dbtools)
    saved = backup.list_backups(tmp_path / "backups")
    assert len(saved) == 1 and saved[0].reason == "pre-migration"
    assert str(saved[0].path) in err.value.message, "the message says where the copy is"
    assert backup.verify(saved[0].path)

    # Once the bug is fixed the same file migrates normally.
    monkeypatch.setitem(migrations.STEPS, 1, REAL_STEP_1)
    info = db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")
    assert info.schema_now == migrations.CURRENT_VERSION
    assert models.Contact.select().where(models.Contact.name == "half-migrated").count() == 0


def test_failure_in_a_later_step_undoes_the_earlier_ones(schema1_copy, dbtools, tmp_path,
                                                        monkeypatch):
    """A ladder of two steps where the second fails: the file stays at version 1, not
    stranded half-way at a version no released app wrote."""
    dump_before = dbtools.dump(schema1_copy)
    later = migrations.CURRENT_VERSION

    def fail(migrator: SqliteMigrator) -> None:
        raise StepFailed("step 2 broke")

    monkeypatch.setattr(migrations, "CURRENT_VERSION", later + 1)
    monkeypatch.setitem(migrations.STEPS, later, fail)

    with pytest.raises(WorkspaceOpenError) as err:
        db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")

    assert err.value.kind == "migration_failed"
    _assert_untouched(schema1_copy, dump_before, 1, dbtools)


def test_migration_that_would_orphan_rows_is_undone(schema1_copy, dbtools, tmp_path,
                                                   monkeypatch):
    """Foreign keys are off during the climb; the check runs before the commit, so a step
    leaving a dangling reference is rolled back instead of committed."""
    dump_before = dbtools.dump(schema1_copy)

    def orphaning(migrator: SqliteMigrator) -> None:
        migrator.database.execute_sql("DELETE FROM path WHERE title LIKE 'Data%'")

    monkeypatch.setitem(migrations.STEPS, 1, orphaning)
    with pytest.raises(WorkspaceOpenError) as err:
        db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")

    assert err.value.kind == "migration_failed"
    assert "foreign key" in err.value.detail
    _assert_untouched(schema1_copy, dump_before, 1, dbtools)


def test_no_migration_without_a_backup(schema1_copy, dbtools, tmp_path):
    """If the verified backup cannot be made, the old file is not touched."""
    dump_before = dbtools.dump(schema1_copy)
    blocked = tmp_path / "backups"
    blocked.write_text("a file where the backup folder should be")

    with pytest.raises(WorkspaceOpenError) as err:
        db.open_workspace(schema1_copy, create=False, backup_dir=blocked)

    assert err.value.kind == "backup_failed"
    assert str(schema1_copy) in err.value.message
    _assert_untouched(schema1_copy, dump_before, 1, dbtools)
    assert db.database.is_closed()


def test_committed_fixture_is_never_written(tmp_path, dbtools):
    """Opening goes through copies: the fixture in the tree stays schema 1."""
    before = dbtools.sha256(FIXTURE)
    copy = tmp_path / "copy.careerpivot"
    shutil.copyfile(FIXTURE, copy)
    db.open_workspace(copy, create=False, backup_dir=tmp_path / "b")
    db.close()
    assert dbtools.sha256(FIXTURE) == before
    assert dbtools.sha256(copy) != before


# --- schema 4: the indexes of the models --------------------------------------------------------

COVERING = "skill_mention_skill_id_importance_interview_id"


def _as_version_3(path: Path, dbtools, dropped: list[str]) -> None:
    """Make ``path`` (a closed file of the current schema) look as schema 3 wrote it: without
    the indexes in ``dropped``, version 3."""
    with dbtools.raw(path) as con:
        for name in dropped:
            con.execute(f'DROP INDEX "{name}"')
        con.execute("PRAGMA user_version = 3")
        con.commit()


def _indexes(path: Path, dbtools) -> set[str]:
    with dbtools.raw(path, readonly=True) as con:
        return {r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def _mention_workspace(tmp_path: Path) -> Path:
    """A closed workspace of the current schema with a few skill mentions."""
    from careerpivot.services import development, interviews
    from careerpivot.services import workspace as ws

    path = tmp_path / "v3.careerpivot"
    ws.open_workspace(path, backups_root=tmp_path / "made")
    contact = models.Contact.insert(name="Ana", organization="Acme").execute()
    talk = interviews.create_interview(contact, None, "2026-02-01", status="completed")
    interviews.add_mention(talk, "SQL", 3)
    interviews.add_mention(talk, "Facilitation", 1)
    assert len(development.ranked_skills()) == 2
    ws.close()
    return path


def test_a_schema_3_file_gets_the_covering_index_of_the_development_list(tmp_path, dbtools):
    from careerpivot.services import development

    path = _mention_workspace(tmp_path)
    _as_version_3(path, dbtools, [COVERING])
    rows_before = dbtools.digests(path, without_write_mark=True)
    assert COVERING not in _indexes(path, dbtools)

    info = db.open_workspace(path, create=False, backup_dir=tmp_path / "backups")

    assert (info.schema_before, info.schema_now) == (3, migrations.CURRENT_VERSION)
    assert db.integrity_report() == []
    plan = " ".join(r[3] for r in db.database.execute_sql(
        "EXPLAIN QUERY PLAN " + development.ranking._MENTIONS_SQL).fetchall())
    assert f"COVERING INDEX {COVERING}" in plan and "FOR GROUP BY" not in plan
    db.close()
    assert COVERING in _indexes(path, dbtools)
    assert dbtools.digests(path, without_write_mark=True) == rows_before, "no row changed"


def test_step_4_creates_every_index_a_model_declares_and_the_file_lacks(tmp_path, dbtools):
    """The step is generic: an index added to any model later reaches older files through it,
    and an index already there is left alone."""
    path = _mention_workspace(tmp_path)
    fresh = _schema(path, dbtools)
    declared = _indexes(path, dbtools)
    some = sorted(declared)[::3]  # a third of them, of several tables
    assert len({name.split("_")[0] for name in some}) > 3
    _as_version_3(path, dbtools, some)

    db.open_workspace(path, create=False, backup_dir=tmp_path / "backups")
    db.close()

    assert _indexes(path, dbtools) == declared
    assert _schema(path, dbtools) == fresh


# --- schema 5: each held conversation keeps the person as they were ----------------------------


def _climb_raw(path: Path, until: int) -> None:
    """Bring a closed file to schema ``until`` with the ladder alone (no app open around it)."""
    models.database.init(str(path), pragmas=(("foreign_keys", 1),))
    try:
        migrations.migrate(until=until)
    finally:
        models.database.close()


@pytest.mark.parametrize("start", [1, 2, 3, 4])
def test_held_conversations_of_every_older_schema_keep_their_person(
        schema1_copy, dbtools, tmp_path, start):
    # the fixture's first and third conversations held, the second still scheduled
    with dbtools.raw(schema1_copy) as con:
        con.execute("UPDATE interview SET status = 'completed' WHERE id IN (1, 3)")
        con.commit()
    if start > 1:
        _climb_raw(schema1_copy, start)
    with dbtools.raw(schema1_copy, readonly=True) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == start
        columns = [r[1] for r in con.execute("PRAGMA table_info(interview)")]
        # (step 3 rebuilds the tables with today's columns, empty until step 5 fills them)
        assert "held_level" not in columns or set(con.execute(
            "SELECT held_organization || held_role || held_level FROM interview")) == {("",)}

    info = db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")
    assert (info.schema_before, info.schema_now) == (start, migrations.CURRENT_VERSION)
    assert db.integrity_report() == []
    held = {i.id: (i.held_organization, i.held_role, i.held_level)
            for i in models.Interview.select()}
    # Later changes of the contact no longer reach the held conversations
    models.Contact.update(organization="Beta AG", level="junior").execute()
    after = {i.id: (i.held_organization, i.held_role, i.held_level)
             for i in models.Interview.select()}
    db.close()
    assert held == {1: ("Acme GmbH 🏢", "Lead analyst", "senior"), 2: ("", "", ""),
                    3: ("数据有限公司", "", "")}
    assert after == held
    assert list(tmp_path.joinpath("backups").glob("*pre-migration*")), "a backup came first"


def test_a_rebuild_at_an_older_rung_gives_new_columns_their_default(schema1_copy, dbtools):
    """Step 3 rebuilds tables with the models' columns of today: the columns the file does
    not have yet get their default, not their own name as text."""
    _climb_raw(schema1_copy, 3)
    with dbtools.raw(schema1_copy, readonly=True) as con:
        values = set(con.execute(
            "SELECT held_organization || held_role || held_level FROM interview").fetchall())
    assert values == {("",)}


# --- schema 6: a skill whose levels were never set is not assessed ------------------------------


@pytest.mark.parametrize("start", [1, 2, 3, 4, 5])
def test_a_0_0_skill_of_every_older_schema_becomes_not_assessed(
        schema1_copy, dbtools, tmp_path, start):
    if start > 1:
        _climb_raw(schema1_copy, start)
    with dbtools.raw(schema1_copy) as con:
        # a skill logged from a conversation with no levels set, as older apps stored it
        con.execute("INSERT INTO skill (id, created_at, updated_at, name, key, kind, "
                    "current_level, target_level, transferable, notes) VALUES (9, "
                    "'2024-05-02T09:00:00Z', '2024-05-02T09:00:00Z', 'Negotiation', "
                    "'negotiation', 'soft', 0, 0, 0, '')")
        con.execute("INSERT INTO skill_mention (interview_id, skill_id, importance, note) "
                    "VALUES (1, 9, 3, '')")
        con.execute("INSERT INTO learning_skill (learning_id, skill_id) VALUES (1, 9)")
        con.commit()
        assert con.execute("PRAGMA user_version").fetchone()[0] == start
    with dbtools.raw(schema1_copy, readonly=True) as con:
        links_before = {t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in
                        ("skill_mention", "learning_skill", "milestone_skill",
                         "summary_skill")}

    info = db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")
    assert info.schema_now == migrations.CURRENT_VERSION
    assert db.integrity_report() == []
    levels = {s.id: (s.current_level, s.target_level) for s in models.Skill.select()}
    db.close()
    # the skill at 0/0 is not assessed; the fixture's skills with levels keep them
    assert levels == {1: (2, 4), 2: (3, 3), 9: (None, None)}
    with dbtools.raw(schema1_copy, readonly=True) as con:
        assert {t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in links_before} == links_before, "every link of every skill kept"
        notnull = {r[1]: r[3] for r in con.execute("PRAGMA table_info(skill)")}
        assert notnull["current_level"] == notnull["target_level"] == 0
        # the search index of the rebuilt table still follows it
        assert con.execute("SELECT rowid FROM fts_skill WHERE fts_skill MATCH 'negotiation'"
                           ).fetchall() == [(9,)]


# --- schema 7: a guide's question may name the gap it targets ----------------------------------

#: The guide's table as schemas 3 to 6 wrote it (frozen: the models have moved on).
_ANSWER_V6 = (
    'CREATE TABLE "answer__v6" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"interview_id" INTEGER NOT NULL, "question_id" INTEGER, "question_text" TEXT NOT NULL, '
    '"answer" TEXT NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("interview_id") '
    'REFERENCES "interview" ("id") ON DELETE CASCADE, FOREIGN KEY ("question_id") '
    'REFERENCES "question" ("id") ON DELETE SET NULL)')


def _answers_as_before_7(path: Path, dbtools) -> None:
    """Give a closed file the guide's table of schemas 3 to 6, as the app then wrote it: no
    target columns (a file that climbs through step 3 gets them from its rebuild, so only a
    file written at schema 3 or later adds them in step 7); rows, indexes and the search
    index kept."""
    from careerpivot.store import search

    with dbtools.raw(path) as con:
        con.execute(_ANSWER_V6)
        con.execute("INSERT INTO answer__v6 SELECT id, interview_id, question_id, "
                    "question_text, answer, position FROM answer")
        con.execute("DROP TABLE answer")
        con.execute("ALTER TABLE answer__v6 RENAME TO answer")
        con.execute("CREATE INDEX answer_interview_id ON answer (interview_id)")
        con.execute("CREATE INDEX answer_question_id ON answer (question_id)")
        con.execute('DROP TABLE "fts_answer"')
        for statement in search.statements({"answer": search.SEARCH_COLUMNS["answer"]}):
            con.execute(statement)
        con.commit()


@pytest.mark.parametrize("start", [1, 2, 3, 4, 5, 6])
def test_guides_of_every_older_schema_gain_targets_and_keep_every_answer(
        schema1_copy, dbtools, tmp_path, start):
    if start > 1:
        _climb_raw(schema1_copy, start)
    if start >= 3:
        _answers_as_before_7(schema1_copy, dbtools)
    with dbtools.raw(schema1_copy, readonly=True) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == start
        assert "assumption_id" not in [r[1] for r in con.execute("PRAGMA table_info(answer)")]
        answers_before = con.execute("SELECT id, interview_id, question_id, question_text, "
                                     "answer, position FROM answer ORDER BY id").fetchall()
    assert len(answers_before) == 4

    info = db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")
    assert (info.schema_before, info.schema_now) == (start, migrations.CURRENT_VERSION)
    assert db.integrity_report() == []
    # every question already in a guide is an ordinary one, its answer kept
    assert {(a.assumption_id, a.skill_id) for a in models.Answer.select()} == {(None, None)}
    from careerpivot.services import overview

    assert overview.has_search_index()
    db.close()
    with dbtools.raw(schema1_copy, readonly=True) as con:
        assert con.execute("SELECT id, interview_id, question_id, question_text, answer, "
                           "position FROM answer ORDER BY id").fetchall() == answers_before
    fresh = tmp_path / "fresh.careerpivot"
    db.open_workspace(fresh, backup_dir=tmp_path / "backups")
    db.close()
    assert _schema(schema1_copy, dbtools) == _schema(fresh, dbtools), \
        "the same columns, indexes and ON DELETE SET NULL references as a new file"


def test_a_migrated_target_lets_go_of_a_deleted_assumption(schema1_copy, dbtools, tmp_path):
    """The references the step adds act as the models declare: deleting the assumption a
    question targets keeps the question, unmarked."""
    _climb_raw(schema1_copy, 6)
    _answers_as_before_7(schema1_copy, dbtools)
    db.open_workspace(schema1_copy, create=False, backup_dir=tmp_path / "backups")
    assumption = models.Assumption.select().first()
    with db.write():
        models.Answer.update(assumption=assumption.id).where(models.Answer.id == 1).execute()
        models.Assumption.delete().where(models.Assumption.id == assumption.id).execute()
    answer = models.Answer.get_by_id(1)
    db.close()
    assert answer.assumption_id is None and answer.question_text
