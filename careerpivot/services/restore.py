"""Restoring a backup in place of the open workspace, keeping the current file aside.

The caller closes the workspace first and reopens it afterwards (the UI's Session does both,
so the window, the lock and the tabs follow)::

    backup = restore.check_backup(chosen)          # before closing: refuse a bad backup
    session.close(backup=False)
    result = restore.restore_backup(backup, workspace_path)
    session.open(result.restored, create=False)     # migrates an older backup forward
    # on failure to reopen: restore.undo(result), then reopen the workspace as it was

:func:`restore_backup`:

1. checks the backup again (``quick_check``);
2. renames the current file, as it is, with its ``-wal``/``-shm`` (never written to: it may be
   damaged; the kept copy opens with every committed change) to
   ``<name>-before-restore-<YYYYmmdd-HHMMSS><suffix>`` in the same folder: never deleted;
3. copies the backup into place with the SQLite backup API (verified, then renamed: the
   workspace path never holds a half-written file);
4. on any failure, moves the kept file back, so the workspace is as it was.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import os
from pathlib import Path

from careerpivot import fileio
from careerpivot.core import clock
from careerpivot.core.errors import QT_TRANSLATE_NOOP, CareerPivotError
from careerpivot.store import backup as _backup

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class RestoreError(CareerPivotError):
    title = QT_TRANSLATE_NOOP("errors", "Restore failed")


@dataclasses.dataclass(frozen=True)
class RestoreResult:
    restored: Path  # the workspace path, now holding the backup's content
    kept_aside: Path | None  # the previous file, renamed (None when there was none)
    backup: Path


def check_backup(path: str | os.PathLike[str]) -> Path:
    """The backup's path when it opens and passes ``quick_check``; RestoreError otherwise."""
    path = Path(path)
    if not path.is_file():
        raise RestoreError(f"The backup {path} no longer exists.")
    if not _backup.verify(path):
        raise RestoreError(
            f"The backup {path.name} is damaged (it failed its check), so it was not "
            "restored. Choose another backup.")
    return path


def aside_name(workspace_path: Path, now: _dt.datetime | None = None) -> Path:
    """A free name beside the workspace for the file being replaced."""
    stamp = (now or clock.now()).strftime("%Y%m%d-%H%M%S")
    candidate = workspace_path.with_name(
        f"{workspace_path.stem}-before-restore-{stamp}{workspace_path.suffix}")
    n = 1
    while any(Path(str(candidate) + s).exists() for s in ("", *SIDE_SUFFIXES)):
        candidate = workspace_path.with_name(
            f"{workspace_path.stem}-before-restore-{stamp}-{n}{workspace_path.suffix}")
        n += 1
    return candidate


def _move(src: Path, dst: Path) -> None:
    os.replace(src, dst)


def restore_backup(backup_path: str | os.PathLike[str], workspace_path: str | os.PathLike[str],
                   *, now: _dt.datetime | None = None) -> RestoreResult:
    """Put the backup in place of the (closed) workspace; see the module docstring."""
    source = check_backup(backup_path)
    target = Path(workspace_path)
    if source.resolve() == target.resolve():
        raise RestoreError("This backup is the workspace itself.")
    if not target.parent.is_dir():
        raise RestoreError(f"The folder {target.parent} no longer exists.")
    kept: Path | None = None
    moved: list[tuple[Path, Path]] = []
    if target.exists():
        # Moved as it is, with its -wal and -shm: a damaged file is never written to (no
        # checkpoint), and the kept copy opens with every committed change.
        kept = aside_name(target, now)
        try:
            for suffix in ("", *SIDE_SUFFIXES):
                src = Path(str(target) + suffix)
                if src.exists():
                    dst = Path(str(kept) + suffix)
                    _move(src, dst)
                    moved.append((src, dst))
        except OSError as exc:
            for src, dst in reversed(moved):
                with contextlib.suppress(OSError):
                    _move(dst, src)
            raise RestoreError(
                f"The current workspace could not be set aside ({exc.strerror}), so nothing "
                "was restored. It is as it was.") from exc
    try:
        _backup.snapshot(source, target)
    except (_backup.BackupError, OSError) as exc:
        for suffix in ("", *SIDE_SUFFIXES):
            with contextlib.suppress(OSError):
                Path(str(target) + suffix).unlink()
        for src, dst in reversed(moved):
            with contextlib.suppress(OSError):
                _move(dst, src)
        message = exc.message if isinstance(exc, CareerPivotError) else str(exc)
        raise RestoreError(
            f"The backup could not be copied into place ({message}). The workspace is as it "
            "was.") from exc
    with contextlib.suppress(OSError):
        os.chmod(target, 0o600)
    fileio.fsync_dir(target.parent)
    return RestoreResult(restored=target, kept_aside=kept, backup=source)


def undo(result: RestoreResult) -> Path:
    """Put the kept file back in place of the restored one (used when the restored workspace
    cannot be opened). The restored copy is kept as ``<name>-restored-<stamp>``; returns the
    workspace path."""
    if result.kept_aside is None:
        raise RestoreError("There is no previous file to put back.")
    target = result.restored
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    spare = target.with_name(f"{target.stem}-restored-{stamp}{target.suffix}")
    for suffix in ("", *SIDE_SUFFIXES):
        src = Path(str(target) + suffix)
        if src.exists():
            _move(src, Path(str(spare) + suffix))
    for suffix in ("", *SIDE_SUFFIXES):
        src = Path(str(result.kept_aside) + suffix)
        if src.exists():
            _move(src, Path(str(target) + suffix))
    fileio.fsync_dir(target.parent)
    return target
