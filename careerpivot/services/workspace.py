"""Opening, closing, backing up and checking the workspace; undo of deletes.

The UI holds no database object: it calls these functions and receives plain values.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path

from careerpivot.store import backup as _backup
from careerpivot.store import db as _db
from careerpivot.store import snapshot as _snapshot

Snapshot = _snapshot.Snapshot
BackupInfo = _backup.BackupInfo
BackupError = _backup.BackupError


@dataclasses.dataclass(frozen=True)
class WorkspaceInfo:
    path: Path
    read_only: bool
    created: bool
    schema_version: int
    migrated_from: int | None
    backup_dir: Path


_state: dict[str, object] = {"info": None, "dirty_since_backup": False}


def backup_dir_for(path: Path, backups_root: Path | None) -> Path:
    """Backups of a workspace live in ``backups_root/<file stem>-<hash of its full path>``
    (the per-user folder), so two workspaces of the same name in different folders never
    share (or thin) each other's backups; without a root, beside the file."""
    if backups_root is None:
        return path.parent / f"{path.stem}-backups"
    digest = hashlib.sha256(str(path.expanduser().absolute()).encode("utf-8")).hexdigest()
    return backups_root / f"{path.stem}-{digest[:8]}"


def open_workspace(path: str | os.PathLike[str], *, create: bool = True,
                   backups_root: Path | None = None) -> WorkspaceInfo:
    """Open (or create and seed) a workspace. Raises WorkspaceOpenError with a message."""
    from careerpivot.services import seed

    path = Path(path).expanduser()
    bdir = backup_dir_for(path, backups_root)
    opened = _db.open_workspace(path, create=create, backup_dir=bdir)
    if opened.created:
        seed.seed_new_workspace()
    info = WorkspaceInfo(
        path=opened.path,
        read_only=opened.read_only,
        created=opened.created,
        schema_version=opened.schema_now,
        migrated_from=(opened.schema_before
                       if opened.schema_before and opened.schema_before < opened.schema_now
                       else None),
        backup_dir=bdir,
    )
    _state.update(info=info, dirty_since_backup=False)
    return info


def current() -> WorkspaceInfo | None:
    return _state["info"]  # type: ignore[return-value]


def close() -> None:
    _db.close()
    _state.update(info=None, dirty_since_backup=False)


def mark_changed() -> None:
    _state["dirty_since_backup"] = True


def needs_backup() -> bool:
    return bool(_state["dirty_since_backup"])


def backup_now(reason: str = "manual", *, path: Path | None = None,
               folder: Path | None = None) -> Path | None:
    """A verified backup of the open workspace (or of ``path`` into ``folder``); safe to call
    from a worker thread because it uses its own SQLite connections.

    An automatic backup (``reason`` "auto": at start-up, after changes, at exit) is skipped,
    returning None, when the file has not been written since the newest backup: a start on
    an unchanged file copies nothing. A backup the user asks for is always made."""
    info = current()
    if path is None or folder is None:
        if info is None:
            raise BackupError("No workspace is open.")
        path, folder = info.path, info.backup_dir
    if reason == "auto" and _backup.unchanged_since_newest(path, folder):
        _state["dirty_since_backup"] = False
        return None
    result = _backup.make_backup(path, folder, reason=reason)
    if reason == "auto":
        _backup.thin(folder)
    _state["dirty_since_backup"] = False
    return result


def list_backups() -> list[BackupInfo]:
    info = current()
    return _backup.list_backups(info.backup_dir) if info else []


def check_database() -> list[str]:
    """Integrity and foreign-key problems; empty when the workspace is healthy."""
    return _db.integrity_report()


def is_read_only() -> bool:
    return _db.is_read_only()


def restore_snapshot(snap: Snapshot) -> None:
    """Undo a delete: put back every row the delete removed or unlinked."""
    with _db.write():
        _snapshot.restore(snap)
    mark_changed()


def close_thread_connection() -> None:
    """Close this thread's connection (worker threads, after their job)."""
    _db.close_thread_connection()
