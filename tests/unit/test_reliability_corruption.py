"""A page damaged while the workspace is in use.

The file passes ``quick_check`` at open; then one page of the contact table is overwritten from
outside (a failing disk, a sync tool writing into the file). When the app next reads that page,
the read must fail as a clear CareerPivotError of kind ``corrupt`` -- never SQLite's raw
``sqlite3.DatabaseError``, which no handler expects, and never a shorter list that looks
complete. A save that meets the damage fails the same way and writes nothing.
(The open-time check of a damaged file is in test_store_open.py.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import peewee as pw
import pytest
from reliability_child import commit_elsewhere, damage_page, table_pages

from careerpivot.core.errors import CareerPivotError, StoreWriteError
from careerpivot.services import network, workspace
from careerpivot.store import db

CONTACTS = 300


@pytest.fixture
def opened(tmp_path: Path) -> tuple[Path, list[int]]:
    """A workspace of 300 contacts (about 45 pages of them), closed and opened again the way
    the app opens it, so it passed the open-time checks and nothing of it is cached yet."""
    path = tmp_path / "work.careerpivot"
    workspace.open_workspace(path, backups_root=tmp_path / "backups")
    with db.write():  # one transaction: the contacts' own saves join it
        ids = [network.create_contact(name=f"Contact {i:03d} ✓", notes=f"note {i} " * 60,
                                      tags="alpha, beta")
               for i in range(CONTACTS)]
    workspace.close()
    workspace.open_workspace(path, create=False, backups_root=tmp_path / "backups")
    assert len(network.list_contacts()) == CONTACTS  # healthy: every contact reads
    commit_elsewhere(str(path))  # forget the cached pages, as after any other writer
    return path, ids


def _is_clear_damage(exc: BaseException, path: Path) -> None:
    assert isinstance(exc, CareerPivotError)
    assert getattr(exc, "kind", None) == "corrupt"
    assert str(path) in exc.message and "damaged" in exc.message
    assert "backup" in exc.message and "not deleted" in exc.message
    assert "malformed" in exc.detail  # SQLite's own words stay available for the log


READS: dict[str, Callable[[], object]] = {
    "list_contacts": lambda: network.list_contacts(),
    "archived_too": lambda: network.list_contacts(include_archived=True),
    "contact_choices": network.contact_choices,
    "checkins_due": network.checkins_due,
    "find_duplicates": lambda: network.find_duplicates("Contact 150 ✓"),
}


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
@pytest.mark.parametrize("where", ["leaf", "root"])
def test_a_read_that_meets_a_damaged_page_fails_clearly_and_never_returns_part(
        opened, read, where):
    """``leaf``: the damage is met while rows are fetched (SQLite's raw error there escapes
    ``except peewee.DatabaseError``); ``root``: it is met at the first step of the query
    (Peewee wraps that one into its own DatabaseError). Both must become the same clear error,
    and no read returns the rows before the damaged page as if they were all."""
    path, _ids = opened
    root, leaf = table_pages(str(path), "contact")
    damage_page(str(path), leaf if where == "leaf" else root)

    with pytest.raises(CareerPivotError) as err:
        result = read()
        pytest.fail(f"a damaged table read as {len(result)} rows")  # type: ignore[arg-type]
    _is_clear_damage(err.value, path)
    assert not isinstance(err.value, pw.DatabaseError)


def test_reading_one_contact_on_the_damaged_page_fails_clearly(opened):
    path, ids = opened
    victim = ids[CONTACTS // 2]
    _root, leaf = table_pages(str(path), "contact", victim)
    damage_page(str(path), leaf)

    with pytest.raises(CareerPivotError) as err:
        network.get_contact(victim)
    _is_clear_damage(err.value, path)
    # Contacts on healthy pages still read: the user can still look around.
    assert network.get_contact(ids[0]).name == "Contact 000 ✓"


def test_a_save_that_meets_the_damage_fails_clearly_and_writes_nothing(opened):
    path, ids = opened
    victim, healthy = ids[CONTACTS // 2], ids[0]
    _root, leaf = table_pages(str(path), "contact", victim)
    damage_page(str(path), leaf)

    with pytest.raises(StoreWriteError) as err:
        network.update_contact(victim, "notes", "typed after the damage")
    assert err.value.kind == "corrupt"
    assert "damaged" in err.value.message and "Restore a backup" in err.value.message
    assert db.database.transaction_depth() == 0
    # The failed save left nothing behind, and a save elsewhere in the file still works.
    assert network.get_contact(healthy).notes.startswith("note 0 ")
    network.update_contact(healthy, "notes", "still saved")
    assert network.get_contact(healthy).notes == "still saved"


def test_other_errors_are_not_mistaken_for_damage(opened):
    """A busy file is not a damaged one: the retry and its message depend on the kind."""
    path, _ids = opened
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        db.database.execute_sql("PRAGMA busy_timeout = 0")
        with pytest.raises(pw.OperationalError, match="locked") as err:
            db.database.execute_sql("BEGIN IMMEDIATE")
        assert not db.is_damage(err.value.__cause__ or err.value)
        other.execute("ROLLBACK")
    finally:
        other.close()
    db.database.execute_sql("PRAGMA busy_timeout = 5000")
    with pytest.raises(pw.OperationalError):  # a mistake in SQL stays a bug, not damage
        db.database.execute_sql("SELECT * FROM no_such_table")
    assert len(network.list_contacts()) == CONTACTS
