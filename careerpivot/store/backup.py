"""Verified backups with the SQLite backup API, thinned like a careful person would.

A backup is never a file copy (a live file without its ``-wal`` loses committed rows): the
backup API copies a consistent snapshot in one step into a temporary file, which is fsynced,
opened and ``quick_check``-ed, and only then renamed into place. A file that fails the check
is removed and an error raised; nothing already in the folder is replaced.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import os
import re
import sqlite3
from pathlib import Path

from careerpivot import fileio
from careerpivot.core import clock
from careerpivot.core.errors import QT_TRANSLATE_NOOP, CareerPivotError
from careerpivot.store import write_mark

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)-(?P<reason>[a-z-]+)\.db$")


class BackupError(CareerPivotError):
    title = QT_TRANSLATE_NOOP("errors", "Backup failed")


@dataclasses.dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: _dt.datetime  # local time
    reason: str
    size: int


def verify(path: Path) -> bool:
    """True when ``path`` opens as a SQLite database and passes ``quick_check``."""
    try:
        con = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return [r[0] for r in rows] == ["ok"]


def snapshot(source: Path, target: Path) -> None:
    """Copy a consistent snapshot of ``source`` into ``target`` atomically and verified."""
    target = Path(target)
    tmp = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        src = sqlite3.connect(f"{Path(source).absolute().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)  # pages=-1: the whole database in one step
                dst.execute("PRAGMA journal_mode=delete")
            finally:
                dst.close()
        finally:
            src.close()
        os.chmod(tmp, 0o600)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if not verify(tmp):
            raise BackupError(
                f"{source} failed its check, so no backup was made (a backup of a damaged "
                "file could replace a good one).")
        os.replace(tmp, target)
        fileio.fsync_dir(target.parent)
    except sqlite3.Error as exc:
        raise BackupError(f"The backup of {source} could not be written: {exc}") from exc
    except OSError as exc:
        raise BackupError(
            f"The backup could not be written to {target.parent}: {exc.strerror}"
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def make_backup(source: Path, folder: Path, *, reason: str = "auto",
                now: _dt.datetime | None = None) -> Path:
    """A verified backup of ``source`` in ``folder``; never of a file that fails its check.

    The check is made once, on the copy: the backup API copies the file's pages as they are,
    so a damaged page of ``source`` makes the copy fail its ``quick_check`` (and the copy is
    discarded), while ``source`` itself is read once instead of twice."""
    source, folder = Path(source), Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise BackupError(
            f"The backup folder {folder} could not be created: {exc.strerror}."
        ) from exc
    now = now or clock.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{source.stem}-{stamp}-{reason}.db"
    n = 1
    while target.exists():
        target = folder / f"{source.stem}-{stamp}-{n}-{reason}.db"
        n += 1
    snapshot(source, target)
    return target


def unchanged_since_newest(source: Path, folder: Path) -> bool:
    """True when ``source`` has not been written since the newest backup in ``folder`` was
    taken (both carry the same write mark, see ``write_mark.py``): a new backup would be the
    same file again. False when there is no backup or either file has no mark."""
    newest = next(iter(list_backups(folder)), None)
    if newest is None:
        return False
    mark = write_mark.mark_of(source)
    return mark is not None and mark == write_mark.mark_of(newest.path)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first."""
    folder = Path(folder)
    found: list[tuple[_dt.datetime, int, str, BackupInfo]] = []
    if not folder.is_dir():
        return []
    for p in folder.iterdir():
        m = _NAME.match(p.name)
        if not m or not p.is_file():
            continue
        try:
            taken = _dt.datetime.strptime(m["stamp"][:15], "%Y%m%d-%H%M%S")
            size = p.stat().st_size
        except (ValueError, OSError):
            continue
        # Backups made within one second are numbered -1, -2, ... in the order made.
        seq = int(m["stamp"][16:] or 0)
        found.append((taken, seq, p.name, BackupInfo(p, taken, m["reason"], size)))
    found.sort(key=lambda f: f[:3], reverse=True)
    return [f[3] for f in found]


def backups_to_keep(taken: list[_dt.datetime], now: _dt.datetime, *, recent: int = 8,
                    daily: int = 7, weekly: int = 4, monthly: int = 12) -> set[int]:
    """Indexes (into ``taken``) of the backups to keep: the ``recent`` newest, then the newest
    of each of the last ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months."""
    order = sorted(range(len(taken)), key=lambda i: taken[i], reverse=True)
    keep = set(order[:recent])
    seen_day, seen_week, seen_month = set(), set(), set()
    for i in order:
        t = taken[i]
        age = (now.date() - t.date()).days
        day, week, month = t.date(), t.isocalendar()[:2], (t.year, t.month)
        if age < daily and day not in seen_day:
            keep.add(i)
        if age < weekly * 7 and week not in seen_week:
            keep.add(i)
        months_back = (now.year - t.year) * 12 + now.month - t.month
        if months_back < monthly and month not in seen_month:
            keep.add(i)
        seen_day.add(day)
        seen_week.add(week)
        seen_month.add(month)
    return keep


def thin(folder: Path, now: _dt.datetime | None = None) -> list[Path]:
    """Delete automatic backups that the thinning rules no longer keep; manual and
    pre-migration backups are always kept. Returns the deleted paths."""
    now = now or clock.now()
    autos = [b for b in list_backups(folder) if b.reason == "auto"]
    keep = backups_to_keep([b.taken_at for b in autos], now)
    removed = []
    for i, b in enumerate(autos):
        if i not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    return removed
