"""Moving the per-user folders of version 0.1, which were named twice, to their names.

Version 0.1 set the organization name to the application's, so every folder was named twice
(``~/.local/share/CareerPivot/CareerPivot/``, ``~/.config/CareerPivot/CareerPivot/``). At the
first start after the update, :func:`run` moves what the old folders hold into the new ones,
which are their parents:

- everything in the data folder: the workspaces with their ``-wal``/``-shm`` files, the
  backups, the logs. The backups of a workspace are filed under a name made from its path
  (``services.workspace.backup_dir_for``), so those of each workspace that moves are filed
  again under its new path;
- the settings file, once the paths it keeps (the last workspace, the recent list, the last
  folders) point into the new data folder.

A crash at any moment loses nothing: each step renames one entry within one file system, which
is atomic (the entry is in one place or the other), or, across file systems, copies it, syncs
the copy to disk and compares it with the original before the original goes. Nothing is ever
replaced. The next start goes on with a move a crash interrupted; once the old folders are
gone, :func:`run` only looks for them. Until the old data folder is emptied,
:mod:`careerpivot.paths` keeps using it: a move that cannot be done (a folder that cannot be
written, a workspace open in another window, a disk error) puts back what it had moved and
leaves everything where it was, in use, with a message for the user.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import filecmp
import logging
import os
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

from careerpivot import APP_NAME, fileio, paths

#: lupdate finds the texts of ``translate("Context", "text")`` calls.
translate = QCoreApplication.translate
log = logging.getLogger("careerpivot")

LOCK_SUFFIX = ".lock"
#: The name, beside the new folder's contents, of an old folder that still holds entries that
#: could not be moved (the new folder has a different entry of the same name).
NOT_MOVED = APP_NAME + " (not moved)"

#: Renames go through here (tests make it fail).
_rename = os.rename


@dataclasses.dataclass(frozen=True)
class Outcome:
    #: What was moved, as "old → new" lines for the log.
    moved: tuple[str, ...] = ()
    #: For the user: why something stays in an old folder ("" when all went well).
    problem: str = ""
    #: The folders and the system's error, for the log and a tooltip.
    detail: str = ""


class _Stop(Exception):
    """A folder cannot be moved now; what this start moved of it was put back."""

    def __init__(self, problem: str, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail


def _is_dir(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _is_workspace(name: str) -> bool:
    return name.endswith((paths.WORKSPACE_SUFFIX, ".db"))


class _Journal:
    """The steps made in this start, to undo them in reverse order when the move fails."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, Path, Path | None]] = []

    def add(self, kind: str, path: Path, other: Path | None = None) -> None:
        self.steps.append((kind, path, other))

    def undo(self) -> list[str]:
        """Undo every step; the steps that could not be undone, in words for the log."""
        failures = []
        for kind, path, other in reversed(self.steps):
            try:
                if kind == "moved":  # path went to other: it comes back
                    _merge(other, path, _Journal(), [])
                elif kind == "dropped":  # path was removed as a copy of other: copy it back
                    shutil.copy2(other, path, follow_symlinks=False)
                elif kind == "made":
                    path.rmdir()
                else:  # "removed": an emptied folder
                    path.mkdir(mode=0o700, exist_ok=True)
            except OSError as exc:
                failures.append(f"{kind} {path}: {exc}")
        self.steps.clear()
        return failures


def _copy_verified(src: Path, dst: Path) -> None:
    """Copy the file ``src`` to ``dst`` (which does not exist), synced and compared, then
    remove ``src``. A crash leaves ``src`` whole, and at most a ``.partial`` copy or a second,
    identical copy that the next start removes."""
    tmp = dst.with_name(dst.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    shutil.copy2(src, tmp, follow_symlinks=False)
    if not tmp.is_symlink():
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
    if not filecmp.cmp(src, tmp, shallow=False):
        tmp.unlink()
        raise OSError(errno.EIO, "the copy differs from the original", str(src))
    _rename(tmp, dst)
    fileio.fsync_dir(dst.parent)
    src.unlink()


def _merge(src: Path, dst: Path, journal: _Journal, left: list[Path]) -> None:
    """Move ``src`` to ``dst``. Where ``dst`` is a folder already, the entries of the folder
    ``src`` are moved into it one by one; a file already at ``dst`` is never replaced: an
    identical one (left by a copy a crash interrupted) makes ``src`` a duplicate, which is
    removed, a different one leaves ``src`` where it is (listed in ``left``)."""
    if not os.path.lexists(dst):
        try:
            _rename(src, dst)
            journal.add("moved", src, dst)
            return
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
        if not _is_dir(src):
            _copy_verified(src, dst)
            journal.add("moved", src, dst)
            return
        dst.mkdir(mode=0o700)
        journal.add("made", dst)
    if _is_dir(src) and _is_dir(dst):
        for child in sorted(src.iterdir()):
            _merge(child, dst / child.name, journal, left)
        if not any(src.iterdir()):
            src.rmdir()
            journal.add("removed", src)
        return
    if src.is_file() and dst.is_file() and filecmp.cmp(src, dst, shallow=False):
        src.unlink()
        journal.add("dropped", src, dst)
        return
    left.append(src)


def _lock_workspaces(old: Path) -> list[QLockFile]:
    """Take the lock of every workspace in ``old`` (the one a window of the app takes), so
    that none is moved while it is open. _Stop when one is open."""
    names = {e.name for e in old.iterdir() if _is_workspace(e.name) and e.is_file()}
    names |= {e.name[: -len(LOCK_SUFFIX)] for e in old.iterdir()
              if e.name.endswith(LOCK_SUFFIX) and _is_workspace(e.name[: -len(LOCK_SUFFIX)])}
    locks = []
    for name in sorted(names):
        lock = QLockFile(str(old / (name + LOCK_SUFFIX)))
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        if lock.tryLock(0):
            locks.append(lock)
            continue
        for taken in locks:
            taken.unlock()
        if lock.error() == QLockFile.LockError.LockFailedError:
            pid = lock.getLockInfo()[-3]  # PySide6 6.11: (pid, host, app); older: (ok, pid, …)
            raise _Stop(
                translate("Relocation",
                          "Your data stays in its old folder for now: a workspace in it is "
                          "open in another CareerPivot window (process {0}). It moves the "
                          "next time CareerPivot starts with no other window open.")
                .format(pid),
                f"{old / name} is locked by process {pid}")
        raise _Stop(_cannot_write_text(False), f"{old / name}: the lock could not be taken")
    return locks


def _cannot_write_text(settings: bool) -> str:
    if settings:
        return translate("Relocation",
                         "Your settings stay in their old folder: CareerPivot cannot write "
                         "there, so they could not be moved to the new one.")
    return translate("Relocation",
                     "Your data stays in its old folder: CareerPivot cannot write there, so "
                     "it could not be moved to the new one.")


def _failed_text(exc: OSError, settings: bool) -> str:
    reason = exc.strerror or str(exc)
    if settings:
        return translate("Relocation",
                         "Your settings stay in their old folder: moving them failed ({0}), "
                         "so what was moved was put back.").format(reason)
    return translate("Relocation",
                     "Your data stays in its old folder: moving it failed ({0}), so what was "
                     "moved was put back.").format(reason)


def _rekey_backups(old: Path, new: Path, journal: _Journal, left: list[Path]) -> None:
    """File the backups of each workspace in ``old`` under its path in ``new``."""
    names = sorted(e.name for e in old.iterdir() if _is_workspace(e.name) and e.is_file())
    if not names:
        return
    from careerpivot.services.workspace import backup_dir_for

    for root in (old / "backups", new / "backups"):
        if not _is_dir(root):
            continue
        for name in names:
            src, dst = backup_dir_for(old / name, root), backup_dir_for(new / name, root)
            if _is_dir(src):
                _merge(src, dst, journal, left)


def _finish(old: Path, new: Path, left: list[Path], settings: bool) -> tuple[str, str]:
    """Remove the emptied ``old``; one that still holds entries goes aside in ``new`` (so it
    is no longer taken for the folder in use). The problem and detail, if any."""
    if not left:
        with contextlib.suppress(OSError):
            old.rmdir()
        fileio.fsync_dir(new)
        return "", ""
    aside, n = new / NOT_MOVED, 2
    while os.path.lexists(aside):
        aside, n = new / f"{NOT_MOVED} {n}", n + 1
    detail = "; ".join(str(p) for p in left) + f" kept in {aside}"
    try:
        _rename(old, aside)
    except OSError as exc:
        return _failed_text(exc, settings), f"{detail}: {exc}"
    fileio.fsync_dir(new)
    return translate("Relocation",
                     "Some files were not moved because a different file of the same name was "
                     "already in the new folder. They are kept in the folder “{0}” beside "
                     "the others.").format(aside.name), detail


def _move_folder(old: Path, new: Path, *, before=None) -> tuple[list[str], str, str]:
    """Move the contents of ``old`` into ``new`` (workspaces locked, backups filed again when
    ``old`` is the data folder). ``before()`` runs first (in the settings folder: the paths in
    the settings change). The lines moved, the problem and detail; _Stop when it cannot."""
    settings = before is not None
    if not os.access(old, os.W_OK | os.X_OK):
        raise _Stop(_cannot_write_text(settings), f"{old} cannot be written")
    if before is not None:
        before()
    locks = _lock_workspaces(old)
    skip = {Path(lock.fileName()).name for lock in locks}
    journal, left = _Journal(), []
    try:
        _rekey_backups(old, new, journal, left)
        for entry in sorted(old.iterdir()):
            if entry.name not in skip:
                _merge(entry, new / entry.name, journal, left)
    except OSError as exc:
        failures = journal.undo()
        detail = f"{old} → {new}: {exc}" + "".join(f"; not undone: {f}" for f in failures)
        raise _Stop(_failed_text(exc, settings), detail) from exc
    finally:
        for lock in locks:
            lock.unlock()
    moved = [f"{src} → {dst}" for kind, src, dst in journal.steps if kind == "moved"]
    problem, detail = _finish(old, new, left, settings)
    return moved, problem, detail


def move_folders(old_data: Path, new_data: Path, old_config: Path,
                 new_config: Path) -> Outcome:
    """Move the contents of the old data folder, then of the old settings folder (after
    pointing the paths kept in the settings into the new data folder), into the new ones."""
    moved: list[str] = []
    problem = detail = ""
    if _is_dir(old_data):
        try:
            lines, problem, detail = _move_folder(old_data, new_data)
        except _Stop as stop:
            return Outcome(tuple(moved), stop.problem, stop.detail)  # the settings stay too
        moved += lines
    if _is_dir(old_config) and not _is_dir(old_data):
        ini = old_config / paths.SETTINGS_FILE_NAME

        def point_paths() -> None:
            from careerpivot.settings import Settings

            if ini.is_file() and not Settings(ini).move_paths(old_data, new_data):
                raise _Stop(_cannot_write_text(True), f"{ini} cannot be written")

        try:
            lines, config_problem, config_detail = _move_folder(old_config, new_config,
                                                                before=point_paths)
        except _Stop as stop:
            return Outcome(tuple(moved), stop.problem or problem, stop.detail)
        moved += lines
        problem, detail = problem or config_problem, detail or config_detail
    return Outcome(tuple(moved), problem, detail)


def run() -> Outcome:
    """At start-up, before anything reads the per-user folders: move the old ones' contents
    (a moment's work once; afterwards two checks that they are gone). Only under the app's
    names (:func:`careerpivot.paths.set_application_names`): without them the "new" folders
    would be shared ones, such as ``~/.local/share`` itself."""
    named = (not QCoreApplication.organizationName()
             and QCoreApplication.applicationName() == APP_NAME
             and paths.new_data_dir().name == paths.new_config_dir().name == APP_NAME)
    if not named:
        return Outcome()
    return move_folders(paths.old_data_dir(), paths.new_data_dir(), paths.old_config_dir(),
                        paths.new_config_dir())


def report(outcome: Outcome) -> None:
    """Write what was moved, or why not, to the log."""
    for line in outcome.moved:
        log.info("moved %s", line)
    if outcome.problem:
        log.warning("the old folders were not all moved: %s", outcome.detail)


def current_path(path: Path) -> Path:
    """Where a workspace given by its path in the old data folder is now (a saved link or a
    settings file that could not be updated): its place in the new folder, when it is there
    and not at ``path``; else ``path``."""
    path = Path(path).expanduser()
    if path.exists():
        return path
    try:
        inside = path.absolute().relative_to(paths.old_data_dir())
    except ValueError:
        return path
    moved = paths.new_data_dir() / inside
    return moved if moved.exists() else path
