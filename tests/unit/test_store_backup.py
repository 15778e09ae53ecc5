"""Verified backups (SQLite backup API, never a file copy) and their thinning."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.store import backup, db, models

REPO = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 3, 14, 15, 9, 26)


def test_backup_holds_rows_still_only_in_the_wal(make_workspace, tmp_path, dbtools):
    path = make_workspace("live.careerpivot")  # schema checkpointed into the file
    db.open_workspace(path)
    with db.write():
        for i in range(50):
            models.Contact.create(name=f"Kontakt {i} 🤝", notes="Notiz\r\n" * 20)
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0, "the rows are in the -wal, not yet in the file"
    # What a file copy would get: the .db alone has none of the rows.
    copied = tmp_path / "copied.db"
    shutil.copyfile(path, copied)
    with dbtools.raw(copied, immutable=True) as con:
        assert con.execute("SELECT count(*) FROM contact").fetchone()[0] == 0

    made = backup.make_backup(path, tmp_path / "backups", now=NOW)

    assert made.name == "live-20260314-150926-auto.db"
    assert backup.verify(made)
    with dbtools.raw(made, readonly=True) as con:
        assert con.execute("SELECT count(*) FROM contact").fetchone()[0] == 50
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
        assert con.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    assert dbtools.side_files(made) == []
    assert (made.stat().st_mode & 0o777) == 0o600
    assert models.Contact.select().count() == 50, "the open workspace is undisturbed"


def test_backups_in_the_same_second_do_not_replace_each_other(make_workspace, tmp_path):
    path = make_workspace(contacts=2)
    first = backup.make_backup(path, tmp_path / "b", reason="manual", now=NOW)
    second = backup.make_backup(path, tmp_path / "b", reason="manual", now=NOW)
    assert first != second and first.exists() and second.exists()
    assert [b.path for b in backup.list_backups(tmp_path / "b")] == [second, first]


def test_no_backup_of_a_damaged_file(make_workspace, dbtools, tmp_path):
    """A backup of a damaged file could push the last good backup out: refuse it."""
    folder = tmp_path / "backups"
    path = make_workspace(contacts=300)
    good = backup.make_backup(path, folder, now=NOW - dt.timedelta(days=1))
    dbtools.corrupt_middle_page(path)

    with pytest.raises(backup.BackupError) as err:
        backup.make_backup(path, folder, now=NOW)

    assert str(path) in err.value.message and "check" in err.value.message
    assert sorted(os.listdir(folder)) == [good.name], "no new or partial file"
    assert backup.verify(good)


_WRITER = r"""
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
con.execute("PRAGMA synchronous = full")
n = 0
deadline = time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline:
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO tag(name, key) VALUES (?, ?)", (f"tag {n}", f"key {n} " + "x" * 500))
    con.execute("INSERT OR REPLACE INTO setting(key, value) VALUES ('tags', ?)", (str(n + 1),))
    con.execute("COMMIT")
    n += 1
    if n == 1:
        print("writing", flush=True)
print(n, flush=True)
con.close()
"""


def test_backups_while_another_process_writes(make_workspace, dbtools, tmp_path):
    path = make_workspace(contacts=50)
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), "2.0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    made = []
    try:
        assert writer.stdout.readline().strip() == "writing"
        while writer.poll() is None:
            made.append(backup.make_backup(path, tmp_path / "b", reason="manual"))
        out, err = writer.communicate(timeout=10)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.communicate()
    assert writer.returncode == 0, err
    assert int(out.strip()) > 10, "the writer really wrote meanwhile"
    assert len(made) >= 3, len(made)
    counts = []
    for b in made:
        assert backup.verify(b)
        with dbtools.raw(b, readonly=True) as con:
            tags = con.execute("SELECT count(*) FROM tag").fetchone()[0]
            said = con.execute("SELECT value FROM setting WHERE key='tags'").fetchone()
            assert con.execute("SELECT count(*) FROM contact").fetchone()[0] == 50
        assert said is not None and int(said[0]) == tags, "each backup is one consistent moment"
        counts.append(tags)
    assert counts == sorted(counts) and counts[-1] > counts[0]


# --- thinning ----------------------------------------------------------------------------------

_times = st.lists(
    st.datetimes(min_value=NOW - dt.timedelta(days=500), max_value=NOW),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(taken=_times)
def test_thinning_rules(taken):
    keep = backup.backups_to_keep(taken, NOW)
    assert keep <= set(range(len(taken)))

    order = sorted(range(len(taken)), key=lambda i: taken[i], reverse=True)
    # The 8 newest are always kept.
    assert set(order[:8]) <= keep
    # The newest backup of each day of the last 7 days, of each ISO week of the last 4
    # weeks and of each month of the last 12 months is kept.
    newest: dict[tuple, int] = {}
    for i in order:
        t = taken[i]
        for key in (("day", t.date()), ("week", t.isocalendar()[:2]),
                    ("month", (t.year, t.month))):
            newest.setdefault(key, i)
    for (unit, value), i in newest.items():
        t = taken[i]
        recent = {
            "day": (NOW.date() - t.date()).days < 7,
            "week": (NOW.date() - t.date()).days < 28,
            "month": (NOW.year - t.year) * 12 + NOW.month - t.month < 12,
        }[unit]
        if recent:
            assert i in keep, (unit, value)
    # Nothing else is kept: thinning really thins.
    assert keep <= set(order[:8]) | set(newest.values())
    # So a workspace never has more than 8 + 7 + 4 + 12 automatic backups (the bound the
    # README gives: 31 copies of the file at most, however often it starts).
    assert len(keep) <= 31


@settings(max_examples=200, deadline=None)
@given(taken=_times)
def test_thinning_twice_deletes_nothing_more(taken):
    """Thinning is stable: running it again deletes nothing more, so backups do not erode
    one by one each time the app starts."""
    survivors = [taken[i] for i in sorted(backup.backups_to_keep(taken, NOW))]
    assert backup.backups_to_keep(survivors, NOW) == set(range(len(survivors)))


def _fake_backups(folder: Path, stamps: list[tuple[dt.datetime, str]]) -> list[Path]:
    paths = []
    for taken, reason in stamps:
        p = folder / f"work-{taken:%Y%m%d-%H%M%S}-{reason}.db"
        p.write_bytes(b"")
        paths.append(p)
    return paths


@settings(max_examples=60, deadline=None)
@given(stamps=st.lists(
    st.tuples(st.datetimes(min_value=NOW - dt.timedelta(days=800), max_value=NOW),
              st.sampled_from(["auto", "auto", "manual", "pre-migration"])),
    max_size=40, unique_by=lambda s: s[0].replace(microsecond=0)))
def test_thin_never_removes_manual_or_pre_migration_backups(stamps):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = _fake_backups(folder, stamps)
        (folder / "notes.txt").write_text("not a backup")

        removed = backup.thin(folder, now=NOW)

        kept = set(folder.iterdir())
        for p, (_, reason) in zip(paths, stamps, strict=True):
            if reason != "auto":
                assert p in kept
        assert folder / "notes.txt" in kept
        assert all(p.name.endswith("-auto.db") for p in removed)
        assert not set(removed) & kept
        autos = [b.taken_at for b in backup.list_backups(folder) if b.reason == "auto"]
        assert backup.backups_to_keep(autos, NOW) == set(range(len(autos)))


def test_thin_keeps_a_year_of_history_from_a_daily_habit(tmp_path):
    """A backup every day for two years: thinning leaves the last week daily, the last month
    weekly and the last year monthly, not just the newest few."""
    stamps = [(NOW - dt.timedelta(days=d), "auto") for d in range(730)]
    _fake_backups(tmp_path, stamps)
    backup.thin(tmp_path, now=NOW)
    left = sorted(b.taken_at for b in backup.list_backups(tmp_path))
    assert left[-8:] == [NOW - dt.timedelta(days=d) for d in range(7, -1, -1)]
    months = {(t.year, t.month) for t in left}
    assert len(months) >= 12
    assert len(left) < 30
