"""The one way to write: ``db.write()``, a ``BEGIN IMMEDIATE`` transaction whose failures
become a StoreWriteError with a message (busy, disk full, read-only), nothing half-written."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from careerpivot.core.errors import StoreWriteError
from careerpivot.core.validation import clean_text
from careerpivot.store import db, models

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def opened(tmp_path: Path) -> Path:
    path = tmp_path / "work.careerpivot"
    db.open_workspace(path)
    return path


def _names() -> list[str]:
    return [c.name for c in models.Contact.select().order_by(models.Contact.id)]


def _other_program_saved() -> bool:
    return models.Setting.select().where(models.Setting.key == "other").exists()


class LockHolder(threading.Thread):
    """Another connection (as another program would) holding the write lock until told to
    let go or until ``hold`` seconds have passed, whichever comes first."""

    def __init__(self, path: Path, hold: float) -> None:
        super().__init__(daemon=True)
        self.path, self.hold = path, hold
        self.locked = threading.Event()
        self.release = threading.Event()
        self.error: BaseException | None = None

    def _work(self) -> None:
        """The other program's own work while it holds the lock, not a test sleep. It polls
        instead of ``Event.wait(timeout)``: a timed wait on a condition never returns when
        the suite runs under libfaketime."""
        end = time.monotonic() + self.hold
        while not self.release.is_set() and time.monotonic() < end:
            time.sleep(0.01)

    def run(self) -> None:
        try:
            con = sqlite3.connect(self.path, isolation_level=None)
            try:
                con.execute("BEGIN IMMEDIATE")
                con.execute("INSERT INTO setting(key, value) VALUES ('other', 'program')")
                self.locked.set()
                self._work()
                con.execute("COMMIT")
            finally:
                con.close()
        except BaseException as exc:  # reported to the test
            self.error = exc
            self.locked.set()


def test_write_takes_the_write_lock_at_begin(opened):
    """IMMEDIATE, not Peewee's deferred default: another writer cannot slip in between our
    first read and first write (a deferred transaction then fails at once, whatever the busy
    timeout)."""
    with db.write():
        other = sqlite3.connect(opened, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
    assert db.database.transaction_depth() == 0


def test_write_waits_for_a_short_lock_then_succeeds(opened):
    db.database.execute_sql("PRAGMA busy_timeout = 2000")
    holder = LockHolder(opened, hold=0.1)
    holder.start()
    assert holder.locked.wait(5) and holder.error is None

    with db.write():
        # The other program held the write lock when this save began, so the save can only
        # have got it once that program committed: its row is the event that proves the order
        # (no comparison of two threads' clocks, which a moved clock would upset).
        waited = _other_program_saved()
        models.Contact.create(name="mine")
    holder.join(5)

    assert holder.error is None
    assert waited, "the save waited for the other program"
    assert _names() == ["mine"]


def test_write_lock_held_too_long_is_reported_and_nothing_is_half_written(opened):
    db.database.execute_sql("PRAGMA busy_timeout = 300")
    holder = LockHolder(opened, hold=1.0)
    holder.start()
    assert holder.locked.wait(5) and holder.error is None
    body_ran = []

    try:
        with pytest.raises(StoreWriteError) as err, db.write():
            body_ran.append(True)
            models.Contact.create(name="first half")
            models.Contact.create(name="second half")
    finally:
        holder.release.set()
        holder.join(5)

    assert err.value.kind == "busy"
    assert "Another program" in err.value.message
    assert body_ran == [], "the transaction never started, so nothing ran half-way"
    assert db.database.transaction_depth() == 0
    assert _other_program_saved() and _names() == []
    with db.write():  # the lock is gone: the next save works
        models.Contact.create(name="retried")
    assert _names() == ["retried"]


def test_failed_write_rolls_back_every_statement(opened):
    with pytest.raises(ZeroDivisionError), db.write():
        models.Contact.create(name="never saved")
        1 / 0  # noqa: B018 - a bug in the middle of a save
    assert _names() == []


def test_integrity_error_is_a_conflict_not_a_disk_problem(opened):
    """A broken rule (a bug, or a row deleted meanwhile) is not a disk problem: the user is
    told the change conflicts, not that the disk failed, and the transaction is undone."""
    models.Tag.create(name="Finance", key="finance")
    with pytest.raises(StoreWriteError) as info, db.write():
        models.Tag.create(name="Finance 2", key="other")
        models.Tag.create(name="FINANCE", key="finance")
    assert info.value.kind == "conflict"
    assert "UNIQUE" in info.value.detail
    assert [t.key for t in models.Tag.select()] == ["finance"]


def test_nested_write_joins_the_outer_transaction(opened):
    with db.write():
        models.Contact.create(name="outer")
        with pytest.raises(ValueError), db.write():
            models.Contact.create(name="inner, undone")
            raise ValueError
        models.Contact.create(name="outer again")
    assert _names() == ["outer", "outer again"]


# --- disk full -----------------------------------------------------------------------------------

_DISK_FULL_CHILD = r"""
import json, os, resource, signal, sys
from careerpivot.core.errors import StoreWriteError
from careerpivot.store import db, models

# Past the limit the kernel sends SIGXFSZ (which kills); ignored, write() fails with EFBIG.
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
path = sys.argv[1]
db.open_workspace(path)
with db.write():
    models.Contact.create(name="before")
sizes = [os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s)]
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (max(sizes) + 8192, hard))
out = {}
note = "Zoë's long interview note 📝\n" * 40_000  # about 1 MiB: it cannot fit
try:
    with db.write():
        models.Contact.create(name="too big", notes=note)
    out["error"] = None
except StoreWriteError as exc:
    out["error"] = [exc.kind, exc.message, exc.detail]
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))  # space freed
with db.write():
    models.Contact.create(name="after", notes=note)
out["names"] = [c.name for c in models.Contact.select().order_by(models.Contact.id)]
out["check"] = db.integrity_report()
db.close()
print(json.dumps(out))
"""


def test_disk_full_is_named_and_the_next_write_succeeds(tmp_path):
    path = tmp_path / "full.careerpivot"
    proc = subprocess.run(
        [sys.executable, "-c", _DISK_FULL_CHILD, str(path)],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 0, proc.stderr
    import json

    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["error"] is not None, "the limit did not stop the write"
    kind, message, detail = out["error"]
    assert kind == "disk_full", detail
    assert "disk" in message and "full" in message
    assert str(tmp_path) in message, "the message says which disk"
    assert "no transaction is active" not in message
    assert out["names"] == ["before", "after"], "nothing half-written; the retry succeeded"
    assert out["check"] == []


# --- text the database cannot encode -------------------------------------------------------------


def test_lone_surrogate_fails_raw_but_is_cleaned_by_validation(opened):
    pasted = "Broken paste \ud83d from the clipboard"
    with pytest.raises(UnicodeEncodeError), db.write():  # the raw failure the user would hit
        models.Contact.create(name=pasted)
    assert _names() == []

    with db.write():
        models.Contact.create(name=clean_text("name", pasted))
    assert _names() == ["Broken paste \ufffd from the clipboard"]
