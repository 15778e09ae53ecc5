"""Fixtures for the store tests: fixture copies, database digests, corrupting files and running
code as another (unprivileged) user."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from careerpivot.store import db

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
NOBODY = 65534


@pytest.fixture(autouse=True)
def _closed_store() -> Iterator[None]:
    """Every test starts and ends with no workspace open (an open connection would leak into
    the next test and fail it with a ResourceWarning)."""
    db.close()
    yield
    db.close()


@pytest.fixture
def schema1_copy(tmp_path: Path) -> Path:
    """A private copy of the committed schema-1 fixture (the committed file is never opened)."""
    target = tmp_path / "schema1.careerpivot"
    shutil.copyfile(FIXTURES / "schema1.db", target)
    return target


# --- looking at a database file from outside ---------------------------------------------------


@contextlib.contextmanager
def raw(path: Path, *, readonly: bool = False, immutable: bool = False
        ) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection, always closed (an unclosed one fails the suite).
    ``immutable`` reads a closed file without creating -wal/-shm beside it."""
    if immutable:
        con = sqlite3.connect(f"{Path(path).absolute().as_uri()}?immutable=1", uri=True)
    elif readonly:
        con = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
    else:
        con = sqlite3.connect(path)
    try:
        yield con
    finally:
        con.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    """The -wal, -shm and -journal files beside ``path``."""
    return sorted(
        p.name for p in Path(path).parent.glob(Path(path).name + "-*")
        if p.name.endswith(("-wal", "-shm", "-journal"))
    )


def tables(con: sqlite3.Connection) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )]


def digests(path: Path, *, skip_columns: dict[str, set[str]] | None = None,
            without_write_mark: bool = False) -> dict[str, tuple[int, str]]:
    """``{table: (row count, SHA-256 of every row's typed values in primary-key order)}``.

    ``repr`` of the Python values keeps the SQLite storage class (``1`` is not ``'1'``), so a
    migration that changed a type, a NULL or one character of the 1 MiB note changes the hash.
    ``without_write_mark`` leaves out the setting that every write changes by design (for
    comparing a file's rows before and after a migration, which writes).
    """
    from careerpivot.store import write_mark

    skip_columns = skip_columns or {}
    out = {}
    with raw(path, readonly=True) as con:
        virtual = {r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")}
        # (a virtual table's rows are its shadow tables', or another table's: those are hashed)
        for table in (t for t in tables(con) if t not in virtual):
            info = con.execute(f'PRAGMA table_info("{table}")').fetchall()
            cols = [r[1] for r in info if r[1] not in skip_columns.get(table, set())]
            pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]] or ["rowid"]
            h = hashlib.sha256()
            n = 0
            query = (f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} '
                     f'FROM "{table}" ORDER BY {", ".join(pk)}')
            for row in con.execute(query):
                if without_write_mark and table == "setting" and row[0] == write_mark.KEY:
                    continue
                h.update(repr(row).encode("utf-8", "surrogatepass"))
                n += 1
            out[table] = (n, h.hexdigest())
    return out


def dump(path: Path) -> list[str]:
    """The logical content of a file: schema and rows as SQL (``iterdump``)."""
    with raw(path, readonly=True) as con:
        return list(con.iterdump())


def corrupt_middle_page(path: Path) -> int:
    """Overwrite one b-tree page in the middle of a closed database with deterministic garbage;
    returns its page number. Page 1 (the header) is left alone, so the file still opens."""
    with raw(path, immutable=True) as con:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        count = con.execute("PRAGMA page_count").fetchone()[0]
    assert count >= 8, "needs a multi-page database"
    page = count // 2
    garbage = bytes((i * 131 + 7) % 251 for i in range(page_size))
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * page_size)
        fh.write(garbage)
    return page


# --- running code as an unprivileged user --------------------------------------------------------


class Unprivileged:
    """Runs a Python snippet in a child process that drops to uid/gid 65534 (nobody) after its
    imports: the tests run as root, and root ignores file permissions. The interpreter lives
    under /root, which nobody cannot reach, hence setuid inside the child rather than in
    ``preexec_fn`` (the exec itself would fail)."""

    PRELUDE = (
        "import json, os, sys\n"
        "from careerpivot.store import backup, db, migrations, models\n"
        "from careerpivot.core.errors import StoreWriteError, WorkspaceOpenError\n"
        "if os.geteuid() == 0:\n"
        f"    os.setgroups([]); os.setgid({NOBODY}); os.setuid({NOBODY})\n"
    )

    def __init__(self, home: Path) -> None:
        self.home = home  # a folder nobody can reach, for the test's files

    def run(self, code: str, *args: str) -> dict:
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
        proc = subprocess.run(
            [sys.executable, "-c", self.PRELUDE + code, *args],
            capture_output=True, text=True, env=env, timeout=60, cwd=self.home, check=False,
        )
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout.strip().splitlines()[-1])

    def chown(self, *paths: Path) -> None:
        for p in paths:
            if os.geteuid() == 0:
                os.chown(p, NOBODY, NOBODY)


@pytest.fixture
def unprivileged() -> Iterator[Unprivileged]:
    if os.geteuid() == 0:
        probe = subprocess.run(
            [sys.executable, "-c", f"import os; os.setgroups([]); os.setgid({NOBODY}); "
             f"os.setuid({NOBODY}); print(os.geteuid())"],
            capture_output=True, text=True, check=False,
        )
        if probe.returncode != 0 or probe.stdout.strip() != str(NOBODY):
            pytest.skip(f"cannot drop to uid {NOBODY} here: {probe.stderr.strip()[-200:]}")
    # pytest's tmp_path lives in a 0700 folder of root's; this one nobody can traverse.
    home = Path(tempfile.mkdtemp(prefix="careerpivot-nobody-"))
    os.chmod(home, 0o755)
    try:
        yield Unprivileged(home)
    finally:
        for p in home.rglob("*"):  # give root's rmtree the permissions back
            with contextlib.suppress(OSError):
                os.chmod(p, 0o700 if p.is_dir() else 0o600)
        shutil.rmtree(home, ignore_errors=True)


# --- the helpers as fixtures (conftest modules are not imported by tests) -----------------------


class Tools:
    raw = staticmethod(raw)
    sha256 = staticmethod(sha256)
    side_files = staticmethod(side_files)
    tables = staticmethod(tables)
    digests = staticmethod(digests)
    dump = staticmethod(dump)
    corrupt_middle_page = staticmethod(corrupt_middle_page)


@pytest.fixture
def dbtools() -> type[Tools]:
    return Tools


@pytest.fixture
def make_workspace(tmp_path: Path) -> Callable[..., Path]:
    """Create a closed workspace holding ``contacts`` contacts (enough for many pages)."""

    def make(name: str = "work.careerpivot", contacts: int = 0, folder: Path | None = None
             ) -> Path:
        from careerpivot.store import models

        path = (folder or tmp_path) / name
        db.open_workspace(path, backup_dir=tmp_path / "backups")
        with db.write():
            for i in range(contacts):
                models.Contact.create(name=f"Contact {i} ✓", notes=f"note {i} " * 40)
        db.close()
        assert side_files(path) == [], "a clean close leaves a single file"
        return path

    return make


@pytest.fixture
def statements(monkeypatch):
    """Every SQL statement peewee sends while the test runs (reset with ``.clear()``): a list
    must come from a fixed number of queries, not one per row."""
    from careerpivot.store.db import database

    seen: list[str] = []
    original = database.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        seen.append(sql)
        return original(sql, params, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", counting)
    return seen
