"""What a failed open or write of a workspace means, in words a person understands: the root
SQLite or OS error behind Peewee's wrappers, classified into a kind (disk full, read-only,
busy, damaged, ...) and a message that says what to do."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from pathlib import Path

from careerpivot.core.errors import StoreWriteError, WorkspaceOpenError


def open_error(kind: str, path: Path, detail: str = "") -> WorkspaceOpenError:
    """The error that refuses to open ``path`` for the reason ``kind``, with its message."""
    return WorkspaceOpenError(kind, str(path), open_message(kind, path), detail=detail)


def open_message(kind: str, path: Path) -> str:
    name = str(path)
    return {
        "missing_folder": f"The folder for {name} does not exist.",
        "missing": f"There is no workspace at {name}.",
        "directory": f"{name} is a folder, not a workspace file.",
        "no_permission": f"You do not have permission to open {name}.",
        "empty": (
            f"{name} is empty (zero bytes). It may have been damaged by a crash or a failed "
            "copy. It was left untouched; restore a backup or choose another file."
        ),
        "not_database": (
            f"{name} is not a CareerPivot workspace: it is damaged or is another kind of file. "
            "It was left untouched."
        ),
        "foreign": (
            f"{name} is a database of another program, not a CareerPivot workspace. "
            "It was left untouched."
        ),
        "newer": (
            f"{name} was written by a newer version of CareerPivot. Install the newer version "
            "to open it; this version left it untouched."
        ),
        "corrupt": (
            f"{name} is damaged (the database check found errors). It was left untouched; "
            "restore a backup to continue."
        ),
        "locked": (
            f"{name} is in use by another program and could not be read. Close the other "
            "program and try again."
        ),
        "io": f"{name} could not be read because of a disk error.",
    }[kind]


def root_sqlite_error(exc: BaseException) -> BaseException:
    """The deepest SQLite/OS error behind ``exc`` (peewee wraps; disk-full hides behind a
    rollback error whose ``__context__`` holds the real cause)."""
    seen: set[int] = set()
    best = exc
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, sqlite3.Error | OSError):
            best = cur
            if "no transaction is active" not in str(cur):
                break
        cur = cur.__cause__ or cur.__context__
    return best


def _error_text(exc: BaseException) -> str:
    texts = []
    cur: BaseException | None = exc
    seen: set[int] = set()
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        texts.append(str(cur).lower())
        cur = cur.__cause__ or cur.__context__
    return " | ".join(texts)


def _out_of_space(path: Path | None, margin: int = 1 << 20) -> bool:
    """Whether a write at ``path`` failed for want of room. SQLite reports ENOSPC as "disk is
    full" but any other failed write (EFBIG from a file-size limit or a FAT32 file, a full
    quota on some file systems) as a plain "disk I/O error"."""
    if path is None:
        return False
    with contextlib.suppress(OSError):
        if shutil.disk_usage(path.parent).free < margin:
            return True
    try:
        import resource
    except ImportError:  # Windows
        return False
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if soft == resource.RLIM_INFINITY:
        return False
    sizes = [0]
    for suffix in ("", "-wal", "-journal"):
        with contextlib.suppress(OSError):
            sizes.append(os.path.getsize(f"{path}{suffix}"))
    return max(sizes) + margin > soft


def classify_write_error(exc: BaseException, where: Path | None) -> StoreWriteError:
    """The kind and message of a failed write to the workspace at ``where``."""
    text = _error_text(exc)
    root = root_sqlite_error(exc)
    full = (
        (isinstance(root, OSError) and root.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT))
        or any(t in text for t in ("disk is full", "file too large"))
        or ("disk i/o error" in text and _out_of_space(where))
    )
    if full:
        kind = "disk_full"
    elif "readonly" in text or "read-only" in text or "attempt to write a readonly" in text:
        kind = "read_only"
    elif "locked" in text or "busy" in text:
        kind = "busy"
    elif "malformed" in text or "not a database" in text or "corrupt" in text:
        kind = "corrupt"
    else:
        kind = "io"
    disk = f"The disk that holds {where.parent}" if where is not None else "The disk"
    message = {
        "disk_full": f"{disk} is full, so your change could not be saved. Free some space; "
        "your text is kept and saved again when you edit.",
        "read_only": "The workspace is read-only, so your change could not be saved.",
        "busy": "Another program is using the workspace, so your change could not be saved "
        "yet. It is kept and will be saved on the next edit.",
        "corrupt": "The workspace file is damaged; your change could not be saved. "
        "Restore a backup (File > Restore) to continue.",
        "io": "Your change could not be saved because of a disk error.",
    }[kind]
    return StoreWriteError(kind, message, detail=str(root))


def classify_open_error(exc: BaseException, path: Path) -> WorkspaceOpenError:
    text = _error_text(exc)
    if "not a database" in text or "file is encrypted" in text:
        kind = "not_database"
    elif "malformed" in text or "corrupt" in text:
        kind = "corrupt"
    elif "locked" in text or "busy" in text:
        kind = "locked"
    elif "unable to open" in text:
        if path.is_dir():
            kind = "directory"
        elif not path.parent.exists():
            kind = "missing_folder"
        else:
            kind = "no_permission"
    elif "disk i/o" in text:
        kind = "io"
    else:
        kind = "not_database"
    return WorkspaceOpenError(kind, str(path), open_message(kind, path), detail=str(exc))
