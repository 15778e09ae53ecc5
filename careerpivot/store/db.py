"""Opening a workspace file safely, and the one way to write to it.

The open sequence (the caller holds the single-instance lock first):

1. locate the file; an existing zero-byte file is treated as damaged, never as new;
2. open it on a connection that cannot change it (see :func:`_inspect`); failures are
   classified by the root SQLite error into a message a person understands;
3. check the application id (another program's database is refused) and refuse a schema newer
   than this version of the app;
4. ``quick_check`` -- a file refused in steps 1-4 is left byte for byte as it was;
5. connect with explicit pragmas (WAL from here on) and make a real write probe; a file or
   folder that cannot be written opens read-only;
6. a verified backup, then the forward migration (``migrations.py``), all in one transaction.

Every write goes through :func:`write`, one ``BEGIN IMMEDIATE`` transaction whose failures
are turned into :class:`~careerpivot.core.errors.StoreWriteError` with a message to show; a
transaction that changed rows also changes the file's write mark (``write_mark.py``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import peewee as pw

from careerpivot.core.errors import (
    QT_TRANSLATE_NOOP,
    CareerPivotError,
    StoreWriteError,
    WorkspaceOpenError,
)
from careerpivot.store import failures, models, write_mark
from careerpivot.store.failures import classify_open_error, open_error

APPLICATION_ID = models.APPLICATION_ID

PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", 5000),
)

database = models.database


# --- damage found while the workspace is in use ----------------------------------------------

#: SQLite's primary result codes for a damaged file: SQLITE_CORRUPT, SQLITE_NOTADB.
_DAMAGE_CODES = (11, 26)


class WorkspaceDamagedError(CareerPivotError, sqlite3.DatabaseError):
    """Part of the open workspace could not be read: the file is damaged (``kind`` corrupt).

    A page damaged after the open-time ``quick_check`` surfaces when a query reaches it, as
    SQLite's raw ``DatabaseError`` "database disk image is malformed": while rows are fetched
    Peewee does not wrap it, so ``except peewee.DatabaseError`` misses it and the UI, which
    catches CareerPivotError, would see a bug. The connection's cursors raise this instead.

    It is still a ``sqlite3.DatabaseError``, so every ``except sqlite3.Error`` in the store
    (``write()``, the open sequence) handles it as before and classifies it by its text; and
    CareerPivotError comes first among its bases, so Peewee's exception wrapper (which looks
    at the first base's name) passes it on unchanged.
    """

    title = QT_TRANSLATE_NOOP("errors", "The workspace file is damaged")
    kind = "corrupt"

    def __init__(self, path: Path | None, detail: str) -> None:
        where = f"The workspace file {path}" if path is not None else "The workspace file"
        super().__init__(
            f"{where} is damaged: part of it can no longer be read, so CareerPivot stopped "
            "reading it rather than show you incomplete data. Restore a backup (File > "
            "Restore…) to continue. The damaged file is not deleted.",
            detail=detail,
        )
        self.path = str(path) if path is not None else ""


def is_damage(exc: BaseException) -> bool:
    """Whether a SQLite error says the file is damaged (not busy, full or read-only)."""
    if isinstance(exc, WorkspaceDamagedError):
        return True
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGE_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def _raise_if_damage(exc: sqlite3.DatabaseError) -> None:
    if is_damage(exc) and not isinstance(exc, WorkspaceDamagedError):
        raise WorkspaceDamagedError(current_path(), str(exc)) from exc


_execute = sqlite3.Cursor.execute
_executemany = sqlite3.Cursor.executemany
_fetchone = sqlite3.Cursor.fetchone
_fetchmany = sqlite3.Cursor.fetchmany
_fetchall = sqlite3.Cursor.fetchall
_next = sqlite3.Cursor.__next__


class _Cursor(sqlite3.Cursor):
    """A cursor that reports damage as WorkspaceDamagedError, at execute and while fetching.
    (The unbound C methods are called directly: per row this costs no measurable time.)"""

    def execute(self, sql: str, parameters: object = (), /) -> sqlite3.Cursor:
        try:
            return _execute(self, sql, parameters)
        except sqlite3.DatabaseError as exc:
            _raise_if_damage(exc)
            raise

    def executemany(self, sql: str, seq_of_parameters: object, /) -> sqlite3.Cursor:
        try:
            return _executemany(self, sql, seq_of_parameters)
        except sqlite3.DatabaseError as exc:
            _raise_if_damage(exc)
            raise

    def fetchone(self) -> object:
        try:
            return _fetchone(self)
        except sqlite3.DatabaseError as exc:
            _raise_if_damage(exc)
            raise

    def fetchmany(self, size: int | None = None) -> list:
        try:
            return _fetchmany(self, self.arraysize if size is None else size)
        except sqlite3.DatabaseError as exc:
            _raise_if_damage(exc)
            raise

    def fetchall(self) -> list:
        try:
            return _fetchall(self)
        except sqlite3.DatabaseError as exc:
            _raise_if_damage(exc)
            raise

    def __next__(self) -> object:
        try:
            return _next(self)
        except sqlite3.DatabaseError as exc:
            _raise_if_damage(exc)
            raise


class _Connection(sqlite3.Connection):
    """The session's connection class: its cursors (also those of ``execute``) are
    :class:`_Cursor`."""

    def cursor(self, factory: type[sqlite3.Cursor] = _Cursor) -> sqlite3.Cursor:
        return super().cursor(factory)


@dataclasses.dataclass(frozen=True)
class OpenedWorkspace:
    path: Path
    read_only: bool
    created: bool
    schema_before: int  # 0 for a new file
    schema_now: int
    backup_before_migration: Path | None = None


#: Set by open_workspace(); services refuse to write when True.
_state = {"read_only": False, "path": None}


def is_read_only() -> bool:
    return bool(_state["read_only"])


def current_path() -> Path | None:
    return _state["path"]  # type: ignore[return-value]


@contextlib.contextmanager
def write() -> Iterator[None]:
    """One IMMEDIATE write transaction; errors become StoreWriteError. Nested calls join the
    outer transaction as a savepoint."""
    if _state["read_only"]:
        raise StoreWriteError(
            "read_only",
            "This workspace is open read-only (the file or its folder cannot be written), "
            "so changes cannot be saved.",
        )
    if database.transaction_depth() > 0:
        with database.atomic():
            yield
        return
    try:
        with database.atomic("IMMEDIATE"):
            before = database.connection().total_changes
            yield
            if database.connection().total_changes != before:
                write_mark.mark_written()  # (the file changed: see store/write_mark.py)
    except (pw.DatabaseError, sqlite3.Error, OSError) as exc:
        if isinstance(exc, pw.IntegrityError):
            # A bug or a race (a duplicate, a row deleted meanwhile): the transaction is
            # undone; the user gets a message, not a crash dialog.
            raise StoreWriteError(
                "conflict",
                "This change conflicts with what is already in the workspace (for example "
                "an item that was deleted meanwhile), so it was not saved.",
                detail=str(exc)) from exc
        raise failures.classify_write_error(exc, current_path()) from exc


def _secure(path: Path) -> None:
    """Workspace files are readable by the user alone."""
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        with contextlib.suppress(OSError):
            if p.exists() and stat.S_IMODE(p.stat().st_mode) & 0o077:
                os.chmod(p, 0o600)


def check_file(path: Path, *, create: bool) -> bool:
    """Step 1 of the open sequence. Returns True when a new file will be created."""
    if path.is_dir():
        raise open_error("directory", path)
    if not path.exists():
        if not path.parent.is_dir():
            raise open_error("missing_folder", path)
        if not create:
            raise open_error("missing", path)
        return True
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(16)
    except PermissionError as exc:
        raise open_error("no_permission", path, detail=str(exc)) from exc
    except OSError as exc:
        raise open_error("io", path, detail=str(exc)) from exc
    if size == 0:
        raise open_error("empty", path)
    if header != b"SQLite format 3\x00":
        raise open_error("not_database", path)
    return False


def _live_wal(path: Path) -> bool:
    """True when ``path`` has a non-empty ``-wal`` (committed changes not yet in the file)."""
    try:
        return Path(str(path) + "-wal").stat().st_size > 0
    except OSError:
        return False


def _inspect(path: Path) -> tuple[int, bool]:
    """Steps 2-4 of the open sequence on a connection that cannot change anything on disk.

    Returns ``(user_version, fresh)``; raises WorkspaceOpenError for a file to refuse.

    The normal connection is a writer in disguise: ``journal_mode=wal`` rewrites the header of
    a rollback-journal file, and a WAL connection creates ``-wal``/``-shm`` files and
    checkpoints into the file when it closes (a damaged file keeps them). So a file without a
    live ``-wal`` is read with ``immutable=1`` (no locks, no side files; exact, because all its
    content is in the file), and a file with one (left by a crash) with ``mode=ro``, which
    reads the existing WAL and never checkpoints.
    """
    from careerpivot.store import migrations

    uri = path.absolute().as_uri() + ("?mode=ro" if _live_wal(path) else "?immutable=1")
    try:
        con = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise classify_open_error(exc, path) from exc
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        tables = con.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        if app_id == 0 and version == 0 and not tables:
            return 0, True  # an empty SQLite file: nothing to lose, it becomes a workspace
        if app_id != APPLICATION_ID:
            raise open_error("foreign", path)
        if version > migrations.CURRENT_VERSION:
            raise open_error("newer", path)
        result = [str(r[0]) for r in con.execute("PRAGMA quick_check").fetchall()]
        if result != ["ok"]:
            raise open_error("corrupt", path, detail="; ".join(result[:5]))
        return version, False
    except sqlite3.Error as exc:
        raise classify_open_error(exc, path) from exc
    finally:
        con.close()


def _connect(path: Path, *, read_only: bool) -> None:
    if database.database is not None and not database.is_closed():
        database.close()
    if not read_only:
        database.init(str(path), pragmas=PRAGMAS, factory=_Connection)
        database.connect()
        return
    # Without a live -wal all the content is in the file and immutable=1 reads it exactly
    # without creating the -wal/-shm that mode=ro leaves beside a file it cannot write (and
    # cannot create in a read-only folder at all). A live -wal needs mode=ro to be read.
    query = "?mode=ro" if _live_wal(path) else "?immutable=1"
    database.init(Path(path).absolute().as_uri() + query,
                  pragmas=(("foreign_keys", 1), ("busy_timeout", 5000)), uri=True,
                  factory=_Connection)
    try:
        database.connect()
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (pw.DatabaseError, sqlite3.Error):
        if not database.is_closed():
            database.close()
        raise


def read_pragmas() -> dict[str, object]:
    return {
        name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    }


def _write_probe() -> bool:
    """A real committed write: only that reveals a read-only file or folder."""
    try:
        with database.atomic("IMMEDIATE"):
            database.execute_sql("CREATE TABLE IF NOT EXISTS _write_probe(x)")
            database.execute_sql("DROP TABLE _write_probe")
    except (pw.DatabaseError, sqlite3.Error, OSError):
        return False
    return True


def _open_read_only(path: Path, version: int, cause: BaseException | None) -> OpenedWorkspace:
    from careerpivot.store import migrations

    if version == 0:  # an empty file to become a workspace, but it cannot be written
        raise open_error("no_permission", path)
    try:
        _connect(path, read_only=True)
    except (pw.DatabaseError, sqlite3.Error) as exc:
        raise classify_open_error(cause or exc, path) from exc
    _state.update(read_only=True, path=path)
    if version < migrations.CURRENT_VERSION:
        raise WorkspaceOpenError(
            "read_only_old", str(path),
            f"{path} is read-only and was written by an older version of CareerPivot; "
            "it must be updated before it can be opened. Copy it to a folder you can "
            "write to and open the copy.",
        )
    return OpenedWorkspace(path, True, False, version, version)


def _migrate(path: Path, version: int, backup_dir: Path) -> Path:
    """Step 6: a verified backup, then the climb; returns the backup's path."""
    from careerpivot.store import backup, migrations

    try:
        backup_path = backup.make_backup(path, backup_dir, reason="pre-migration")
    except backup.BackupError as exc:
        raise WorkspaceOpenError(
            "backup_failed", str(path),
            f"{path} needs an update for this version of CareerPivot, but the backup that "
            f"must come first could not be made ({exc.message}) It was left untouched.",
            detail=exc.message,
        ) from exc
    try:
        migrations.migrate()
    except Exception as exc:
        raise WorkspaceOpenError(
            "migration_failed", str(path),
            f"{path} could not be updated from version {version} to this version of "
            f"CareerPivot. The update was undone, so the file is as it was; a copy made "
            f"before the update is at {backup_path}.",
            detail=f"{type(exc).__name__}: {exc}",
        ) from exc
    return backup_path


def open_workspace(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    backup_dir: str | os.PathLike[str] | None = None,
) -> OpenedWorkspace:
    """Open (or create) the workspace at ``path`` following the sequence in this module's
    docstring. Raises WorkspaceOpenError with a message for every file it refuses; a refused
    file is never written to."""
    from careerpivot.store import migrations

    path = Path(path)
    close()
    new_file = check_file(path, create=create)
    version, fresh = (0, True) if new_file else _inspect(path)
    try:
        if not new_file and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            # Known read-only before trying: no connection that could leave files behind.
            return _open_read_only(path, version, None)
        try:
            _connect(path, read_only=False)
            writable = _write_probe()
        except (pw.DatabaseError, sqlite3.Error) as exc:
            # A read-only file cannot switch to WAL, a read-only folder cannot hold the -wal.
            close()
            if new_file:
                raise classify_open_error(exc, path) from exc
            return _open_read_only(path, version, exc)
        if not writable:
            if fresh:
                raise open_error("no_permission", path)
            return _open_read_only(path, version, None)
        _state.update(read_only=False, path=path)
        _secure(path)
        backup_path = None
        if fresh:
            migrations.create_schema()
        elif version < migrations.CURRENT_VERSION:
            if backup_dir is None:
                backup_dir = path.parent / (path.stem + "-backups")
            backup_path = _migrate(path, version, Path(backup_dir))
        _secure(path)
        return OpenedWorkspace(
            path, False, fresh, 0 if fresh else version, migrations.CURRENT_VERSION, backup_path
        )
    except WorkspaceOpenError:
        close()
        raise
    except (pw.DatabaseError, sqlite3.Error) as exc:
        close()
        raise classify_open_error(exc, path) from exc
    except BaseException:
        close()
        raise


def close() -> None:
    if database.database is not None and not database.is_closed():
        with contextlib.suppress(pw.DatabaseError, sqlite3.Error):
            database.close()
    _state.update(read_only=False, path=None)


def integrity_report() -> list[str]:
    """Full integrity and foreign-key checks; an empty list means healthy."""
    problems = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
    problems = [] if problems == ["ok"] else problems
    for row in database.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(f"table {row[0]} row {row[1]} refers to a missing {row[2]} row")
    from careerpivot.store import search

    for statement in search.integrity_statements():
        try:
            database.execute_sql(statement)
        except (pw.DatabaseError, sqlite3.Error) as exc:
            problems.append(f"the search index does not match its table ({exc})")
    from careerpivot.store import list_keys

    out_of_step = database.execute_sql(list_keys.check_statement()).fetchall()
    if out_of_step:
        problems.append(f"the contact list's keys of {len(out_of_step)} contact(s) do not "
                        f"match their contacts")
    from careerpivot.store import text_index

    problems += text_index.integrity_problems()
    return problems


def close_thread_connection() -> None:
    """Close the calling thread's connection without touching the session's state."""
    if database.database is not None and not database.is_closed():
        with contextlib.suppress(pw.DatabaseError, sqlite3.Error):
            database.close()
