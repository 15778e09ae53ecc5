"""Opening a workspace: the bad-file matrix, read-only files and folders, pragmas.

A file the app refuses must be left exactly as it was (same SHA-256, no -wal/-shm created
beside it) and the user must get a message naming the file and saying what is wrong.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from careerpivot.core.errors import WorkspaceOpenError
from careerpivot.store import db, migrations, models

# --- the bad-file matrix ---------------------------------------------------------------------


def _truncated(tmp_path: Path, make: Callable[..., Path]) -> Path:
    path = make("truncated.careerpivot", contacts=200)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])  # cut mid-page, as a failed copy does
    return path


def _garbage_header(tmp_path: Path, make: Callable[..., Path]) -> Path:
    path = make("garbage.careerpivot", contacts=20)
    data = bytearray(path.read_bytes())
    data[:100] = bytes(range(100))  # the 100-byte header, magic string included
    path.write_bytes(bytes(data))
    return path


def _garbage_after_magic(tmp_path: Path, make: Callable[..., Path]) -> Path:
    path = tmp_path / "magic.careerpivot"
    path.write_bytes(b"SQLite format 3\x00" + bytes((i * 7) % 256 for i in range(8192)))
    return path


def _text_file(tmp_path: Path, make: Callable[..., Path]) -> Path:
    path = tmp_path / "notes.careerpivot"
    path.write_text("Name,Organization\r\nZoë,Acme\r\n" * 200, encoding="utf-8")
    return path


def _zero_bytes(tmp_path: Path, make: Callable[..., Path]) -> Path:
    path = tmp_path / "empty.careerpivot"
    path.touch()
    return path


def _directory(tmp_path: Path, make: Callable[..., Path]) -> Path:
    path = tmp_path / "folder.careerpivot"
    path.mkdir()
    return path


def _missing_folder(tmp_path: Path, make: Callable[..., Path]) -> Path:
    return tmp_path / "no such folder" / "work.careerpivot"


def _other_app(tmp_path: Path, make: Callable[..., Path]) -> Path:
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA application_id = 1179602244")  # another program's id
        con.execute("CREATE TABLE bookmarks(url TEXT)")
        con.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
        con.commit()
    finally:
        con.close()
    return path


def _other_app_no_id(tmp_path: Path, make: Callable[..., Path]) -> Path:
    path = tmp_path / "plain.sqlite"
    con = sqlite3.connect(path)  # rollback journal: opening it in WAL would rewrite its header
    try:
        con.execute("CREATE TABLE contact(id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO contact(name) VALUES ('not ours')")
        con.commit()
    finally:
        con.close()
    return path


def _newer_schema(tmp_path: Path, make: Callable[..., Path]) -> Path:
    path = make("newer.careerpivot", contacts=3)
    con = sqlite3.connect(path)
    try:
        con.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
        con.execute("PRAGMA journal_mode = delete")  # so opening it in WAL would show
        con.commit()
    finally:
        con.close()
    return path


BAD_FILES = [
    pytest.param(_truncated, "corrupt", id="truncated"),
    pytest.param(_garbage_header, "not_database", id="garbage-header"),
    pytest.param(_garbage_after_magic, "not_database", id="garbage-after-magic"),
    pytest.param(_text_file, "not_database", id="text-file"),
    pytest.param(_zero_bytes, "empty", id="zero-bytes"),
    pytest.param(_directory, "directory", id="directory"),
    pytest.param(_missing_folder, "missing_folder", id="missing-folder"),
    pytest.param(_other_app, "foreign", id="other-app-id"),
    pytest.param(_other_app_no_id, "foreign", id="other-app-no-id"),
    pytest.param(_newer_schema, "newer", id="newer-schema"),
]


def _fingerprint(path: Path, dbtools) -> object:
    if path.is_file():
        return dbtools.sha256(path)
    if path.is_dir():
        return sorted(os.listdir(path))
    return None


@pytest.mark.parametrize(("build", "kind"), BAD_FILES)
def test_bad_file_is_refused_untouched(build, kind, tmp_path, make_workspace, dbtools):
    path = build(tmp_path, make_workspace)
    before = _fingerprint(path, dbtools)
    folder_before = sorted(os.listdir(tmp_path))

    with pytest.raises(WorkspaceOpenError) as err:
        db.open_workspace(path, backup_dir=tmp_path / "backups")

    assert err.value.kind == kind
    assert str(path) in err.value.message
    assert err.value.path == str(path)
    assert _fingerprint(path, dbtools) == before, "a refused file must not be changed"
    assert sorted(os.listdir(tmp_path)) == folder_before, "nothing created beside it"
    assert db.current_path() is None and db.database.is_closed()


def test_missing_file_without_create_is_refused(tmp_path):
    path = tmp_path / "gone.careerpivot"
    with pytest.raises(WorkspaceOpenError) as err:
        db.open_workspace(path, create=False)
    assert err.value.kind == "missing"
    assert str(path) in err.value.message
    assert not path.exists(), "asking to open must not create a file"


def test_zero_byte_file_is_not_taken_for_a_new_workspace(tmp_path):
    # SQLite itself opens a zero-byte file as an empty database: the app would start afresh
    # on top of what may be a crashed copy of months of notes.
    path = tmp_path / "crashed.careerpivot"
    path.touch()
    with pytest.raises(WorkspaceOpenError) as err:
        db.open_workspace(path)
    assert err.value.kind == "empty"
    assert "zero bytes" in err.value.message
    assert path.stat().st_size == 0


def test_corrupt_page_inside_a_valid_file_is_found_at_open(make_workspace, dbtools, tmp_path):
    path = make_workspace("damaged.careerpivot", contacts=300)
    page = dbtools.corrupt_middle_page(path)
    before = dbtools.sha256(path)
    # The damage is invisible to a plain open: the header and the first pages read fine.
    with dbtools.raw(path, immutable=True) as con:
        assert con.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID

    with pytest.raises(WorkspaceOpenError) as err:
        db.open_workspace(path)

    assert err.value.kind == "corrupt", err.value.detail
    assert str(path) in err.value.message
    assert f"Page {page}" in err.value.detail or "malformed" in err.value.detail
    assert dbtools.sha256(path) == before
    assert dbtools.side_files(path) == []


def test_open_with_a_crash_left_wal_keeps_its_rows(tmp_path, dbtools):
    """After kill -9 the newest saves live only in the -wal: the open checks and keeps them."""
    path = tmp_path / "crashed.careerpivot"
    db.open_workspace(path)
    with db.write():
        models.Contact.create(name="saved just before the crash")
    # Simulate the crash: copy the file and its -wal as they are while the app still runs.
    crash = tmp_path / "copy"
    crash.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{path}{suffix}", f"{crash / path.name}{suffix}")
    db.close()

    info = db.open_workspace(crash / path.name)
    assert not info.read_only
    assert [c.name for c in models.Contact.select()] == ["saved just before the crash"]


# --- a good file ---------------------------------------------------------------------------------


def test_new_workspace_is_marked_and_gets_the_durable_pragmas(tmp_path, dbtools):
    path = tmp_path / "new.careerpivot"
    info = db.open_workspace(path)

    assert info.created and not info.read_only
    assert info.schema_now == migrations.CURRENT_VERSION
    assert db.read_pragmas() == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL: NORMAL loses acknowledged saves on power loss
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }
    db.close()
    with dbtools.raw(path, readonly=True) as con:
        assert con.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
        assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
    assert (path.stat().st_mode & 0o777) == 0o600, "notes are private to the user"


def test_reopened_workspace_keeps_data_and_pragmas(make_workspace):
    path = make_workspace(contacts=3)
    info = db.open_workspace(path, create=False)
    assert not info.created and info.schema_before == migrations.CURRENT_VERSION
    assert models.Contact.select().count() == 3
    assert db.read_pragmas()["synchronous"] == 2
    assert db.read_pragmas()["journal_mode"] == "wal"


def test_empty_sqlite_file_becomes_a_workspace(tmp_path):
    path = tmp_path / "blank.careerpivot"
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA user_version = 0")
        con.execute("VACUUM")  # writes a valid, empty database
    finally:
        con.close()
    assert path.stat().st_size > 0

    info = db.open_workspace(path)
    assert info.created
    assert models.Contact.select().count() == 0


# --- read-only files and folders -----------------------------------------------------------------

_READ_ONLY_CHILD = """
path = sys.argv[1]
out = {}
try:
    info = db.open_workspace(path, create=False)
    out["read_only"] = info.read_only
    out["names"] = [c.name for c in models.Contact.select().order_by(models.Contact.id)]
    try:
        with db.write():
            models.Contact.create(name="lost?")
        out["write"] = "ok"
    except StoreWriteError as exc:
        out["write"] = exc.kind
        out["message"] = exc.message
    db.close()
except WorkspaceOpenError as exc:
    out["error"] = [exc.kind, exc.message]
print(json.dumps(out))
"""


def _ro_workspace(folder: Path) -> Path:
    path = folder / "ws.careerpivot"
    db.open_workspace(path)
    with db.write():
        models.Contact.create(name="Zoë 🚀 Müller")
        models.Contact.create(name="سارة")
    db.close()
    return path


@pytest.mark.parametrize("case", ["read-only file", "read-only folder", "both"])
def test_read_only_workspace_opens_read_only(case, unprivileged, dbtools):
    folder = unprivileged.home / "ws"
    folder.mkdir()
    path = _ro_workspace(folder)
    if case == "read-only file":
        unprivileged.chown(folder, path)  # the user's own folder, file made read-only
        os.chmod(path, 0o444)
    elif case == "read-only folder":
        unprivileged.chown(path)  # the user's own file, in a folder they cannot write
        os.chmod(path, 0o600)
        os.chmod(folder, 0o555)
    else:
        os.chmod(path, 0o444)
        os.chmod(folder, 0o555)
    before = dbtools.sha256(path)

    out = unprivileged.run(_READ_ONLY_CHILD, str(path))

    assert "error" not in out, out
    assert out["read_only"] is True, "detected at open, not at the first save"
    assert out["names"] == ["Zoë 🚀 Müller", "سارة"], "the data is readable"
    assert out["write"] == "read_only"
    assert "read-only" in out["message"]
    assert dbtools.sha256(path) == before, "nothing changed or lost"
    assert sorted(os.listdir(folder)) == [path.name], "no -wal/-shm left behind"


def test_new_workspace_in_a_read_only_folder_is_refused(unprivileged):
    folder = unprivileged.home / "locked"
    folder.mkdir()
    os.chmod(folder, 0o555)  # no one but root may create files in it
    path = folder / "new.careerpivot"

    out = unprivileged.run(
        "try:\n"
        "    db.open_workspace(sys.argv[1])\n"
        "    print(json.dumps({'opened': True}))\n"
        "except WorkspaceOpenError as exc:\n"
        "    print(json.dumps({'kind': exc.kind, 'message': exc.message}))\n",
        str(path),
    )
    assert out["kind"] == "no_permission"
    assert str(path) in out["message"]
    assert not path.exists()


def test_old_schema_read_only_is_refused_with_advice(unprivileged, dbtools):
    """A read-only file that needs a migration cannot be migrated: say so, change nothing."""
    folder = unprivileged.home / "old"
    folder.mkdir()
    path = folder / "old.careerpivot"
    shutil.copyfile(Path(__file__).parents[1] / "fixtures" / "schema1.db", path)
    os.chmod(path, 0o444)
    unprivileged.chown(folder, path)
    before = dbtools.sha256(path)

    out = unprivileged.run(
        "try:\n"
        "    db.open_workspace(sys.argv[1], create=False)\n"
        "    print(json.dumps({'opened': True}))\n"
        "except WorkspaceOpenError as exc:\n"
        "    print(json.dumps({'kind': exc.kind, 'message': exc.message}))\n",
        str(path),
    )
    assert out["kind"] == "read_only_old"
    assert "Copy it" in out["message"]
    assert dbtools.sha256(path) == before
    assert sorted(os.listdir(folder)) == [path.name]
