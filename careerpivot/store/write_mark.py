"""The write mark: a value in the workspace that changes in every transaction that writes.

A start-up backup is only worth making when the file changed since the newest backup. SQLite
cannot say so: the header's change counter is not kept in step in WAL mode, and
``PRAGMA data_version`` means nothing across connections. So every write transaction (see
``db.write``, the schema's creation and the migration ladder) ends by setting the ``Setting``
row :data:`KEY` to a new random value. A backup is a snapshot of the file, so it carries the
mark the file had when it was taken: the file is unchanged since that backup exactly when
both marks are equal.

A random value rather than a counter: two copies of one workspace that were edited apart
could reach the same count, never the same random value.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from careerpivot.store.models import Setting, database

#: The ``Setting`` key of the mark.
KEY = "write_mark"


def mark_written() -> None:
    """Give the workspace a new mark (inside the write transaction that changed it)."""
    table = Setting._meta.table_name
    database.execute_sql(
        f'INSERT INTO "{table}" (key, value) VALUES (?, ?) '
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (KEY, uuid.uuid4().hex))


def current_mark() -> str | None:
    """The mark of the open workspace, read on the calling thread's connection (inside its
    transaction, so it names the snapshot that transaction reads)."""
    table = Setting._meta.table_name
    row = database.execute_sql(f'SELECT value FROM "{table}" WHERE key = ?', (KEY,)).fetchone()
    return str(row[0]) if row and row[0] else None


def mark_of(path: Path) -> str | None:
    """The mark of the workspace or backup file at ``path``, read on a connection of its own
    that changes nothing (safe in a worker thread); None when the file has none (written
    before marks were kept) or cannot be read."""
    table = Setting._meta.table_name
    try:
        con = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            row = con.execute(f'SELECT value FROM "{table}" WHERE key = ?', (KEY,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row and row[0] else None
