"""Files written so that a crash never leaves half of one: the one home of atomic writes and
of the folder fsync that makes a rename durable.

:func:`write_atomic` (bytes held whole) and :func:`atomic_file` (a file written piece by piece)
write to a temporary file in the target's folder, flushes and fsyncs it,
renames it over the target with ``os.replace`` and fsyncs the folder. A crash or ``kill -9`` at
any moment leaves either the previous file, whole, or the new one, whole; a failure removes the
temporary file and never touches the previous one. New files are readable by the user alone
(0600); replacing an existing file keeps that file's permissions when they are stricter.
Exports, PDFs, backups and restores all go through here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from careerpivot.core.errors import ExportError

__all__ = ["atomic_file", "export_error", "fsync_dir", "write_atomic"]

_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_NO_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}


def export_error(exc: OSError, path: Path) -> ExportError:
    """A message a person can act on for an OSError while writing ``path``."""
    folder = path.parent
    if exc.errno in _DISK_FULL:
        message = (f"The disk that holds {folder} is full, so {path.name} could not be "
                   "written. Free some space or choose another folder; any previous file "
                   "of that name was left as it was.")
    elif exc.errno in _NO_PERMISSION:
        message = (f"You cannot write to the folder {folder} (it is read-only or belongs to "
                   "someone else). Choose another folder, such as your Documents folder.")
    elif exc.errno == errno.ENOENT:
        message = f"The folder {folder} does not exist. Choose another folder."
    elif exc.errno == errno.EISDIR:
        message = f"{path} is a folder. Choose a file name."
    elif exc.errno == errno.ENAMETOOLONG:
        message = f"The file name {path.name} is too long for this disk. Choose a shorter one."
    else:
        message = f"{path.name} could not be written to {folder} because of a disk error."
    return ExportError(message, detail=f"{type(exc).__name__}: {exc}")


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (where the system allows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its rename is durable enough
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int = 0o600) -> Path:
    """Write ``data`` to ``path`` atomically (see the module docstring). Raises ExportError."""
    with atomic_file(path, mode=mode) as fh:
        fh.write(data)
    return Path(path)


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str], *, mode: int = 0o600) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through, piece by piece: it replaces ``path`` only
    when the ``with`` block ends without an error, as :func:`write_atomic` does with bytes
    held whole. Raises ExportError for a file that cannot be written."""
    target = Path(path)
    if target.is_dir():
        raise export_error(OSError(errno.EISDIR, "Is a directory"), target)
    folder = target.parent
    try:
        existing_mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        existing_mode = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise export_error(exc, target) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        final_mode = mode if existing_mode is None else (existing_mode & mode) or mode
        os.chmod(tmp, final_mode)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise export_error(exc, target) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)
