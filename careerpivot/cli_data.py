"""The command line's data commands, for ``app.py`` to hook in::

    careerpivot import FILE --database PATH [--skip-invalid] [--map FIELD=COLUMN ...]
    careerpivot export json|csv|ics|vcf --database PATH -o TARGET [--list NAME]
                                                               [--vcard-version 3.0|4.0]

``import`` tells the file's kind from its content (LinkedIn Connections.csv, vCard, CSV of
contacts, or a full JSON export, which needs a new or empty workspace). A file with an invalid
record is refused as a whole (exit status 2, each problem printed as ``FILE:LINE: problem``)
and nothing is written, unless ``--skip-invalid`` imports the valid records. ``export csv``
writes every list into the folder TARGET, or one list into the file TARGET with ``--list``.

Exit status: 0 done; 1 the workspace could not be opened or written; 2 the file to import is
not valid (nothing was written); 3 the workspace is open in CareerPivot.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from careerpivot.core.errors import CareerPivotError, ImportFileError

if TYPE_CHECKING:
    from careerpivot.services import exports

EXPORT_KINDS = ("json", "csv", "ics", "vcf")
EXIT_OK, EXIT_ERROR, EXIT_BAD_FILE, EXIT_LOCKED = 0, 1, 2, 3


# --- argument parsing ------------------------------------------------------------------------


def add_import_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``import`` subcommand; its handler is ``args.handler(args)``."""
    parser = subparsers.add_parser(
        "import", help="import contacts (LinkedIn, vCard, CSV) or a full export (JSON)",
        description="Import a file into a workspace. Its kind is detected from its content.")
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument("--database", metavar="PATH", required=True,
                        help="the workspace file (created if it does not exist)")
    parser.add_argument("--skip-invalid", action="store_true",
                        help="import the valid records of a file that has invalid ones")
    parser.add_argument("--map", metavar="FIELD=COLUMN", action="append", default=[],
                        help="CSV only: the header of the column holding a contact field "
                             "(fields: name, first_name, last_name, organization, role, "
                             "email, phone, url, how_met, tags, notes)")
    parser.set_defaults(handler=run_import)
    return parser


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """The options the data kinds of ``export`` need beyond KIND, --database and -o."""
    parser.add_argument("--list", dest="list_name", metavar="NAME",
                        help="csv only: one list (contacts, interviews, assumptions, skills, "
                             "learning, milestones, log) written to the file TARGET; without "
                             "it, TARGET is a folder that receives every list")
    parser.add_argument("--vcard-version", choices=("3.0", "4.0"), default="3.0",
                        help="vcf only: the vCard version (default 3.0, which every address "
                             "book reads)")


def build_parser() -> argparse.ArgumentParser:
    """A stand-alone parser with both commands (``python -m careerpivot.cli_data``)."""
    parser = argparse.ArgumentParser(prog="careerpivot")
    sub = parser.add_subparsers(dest="command", required=True)
    add_import_parser(sub)
    export = sub.add_parser("export", help="export json, csv, ics or vcf")
    export.add_argument("kind", choices=EXPORT_KINDS)
    export.add_argument("--database", metavar="PATH", required=True)
    export.add_argument("-o", "--output", metavar="TARGET", required=True)
    add_export_arguments(export)
    export.set_defaults(handler=run_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    return args.handler(args)


# --- the workspace ---------------------------------------------------------------------------


class _Locked(CareerPivotError):
    pass


def _backups_root() -> Path:
    """The same per-user backup folder the app uses."""
    from careerpivot import paths

    paths.set_application_names()
    return paths.backups_root()


def _lock(path: Path):  # -> QLockFile
    """The app's single-instance lock: an import must not write under an open window."""
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(path.with_name(path.name + ".lock")))
    lock.setStaleLockTime(0)
    if not path.parent.is_dir() or lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        pid = lock.getLockInfo()[-3]  # PySide6 6.11: (pid, host, app); older: (ok, pid, ...)
        raise _Locked(f"{path} is open in CareerPivot (process {pid}). Close it there first.")
    return lock


def _open(database: str, *, create: bool):
    from careerpivot.services import workspace

    return workspace.open_workspace(Path(database).expanduser(), create=create,
                                    backups_root=_backups_root())


def _parse_mapping(items: Sequence[str], header: Sequence[str]) -> dict[str, int] | None:
    from careerpivot.formats.csvfiles import CONTACT_FIELDS, header_key

    if not items:
        return None
    keys = [header_key(h) for h in header]
    mapping: dict[str, int] = {}
    for item in items:
        field, eq, column = item.partition("=")
        field = field.strip()
        if not eq or field not in CONTACT_FIELDS:
            raise ImportFileError(
                f"--map {item!r}: write FIELD=COLUMN with FIELD one of "
                f"{', '.join(CONTACT_FIELDS)}.")
        wanted = header_key(column)
        if wanted not in keys:
            raise ImportFileError(f"--map {item!r}: the file has no column {column!r}.")
        mapping[field] = keys.index(wanted)
    return mapping


# --- the commands ----------------------------------------------------------------------------


def import_command(file: str, database: str, *, skip_invalid: bool = False,
                   mapping: Sequence[str] = (), out: TextIO | None = None,
                   err: TextIO | None = None) -> int:
    from careerpivot.services import exports, imports, workspace

    out = out or sys.stdout
    err = err or sys.stderr
    db_path = Path(database).expanduser()
    try:
        source = imports.read_source(file)
        column_map = records = None
        if source.kind != "json":
            # The whole file is read and checked before the workspace is touched.
            if source.kind == "csv" and mapping:
                column_map = _parse_mapping(mapping, imports.csv_table(source).header)
            records = imports.parse(source, mapping=column_map)
    except ImportFileError as exc:
        where = f"{file}:{exc.line}: " if exc.line else f"{file}: "
        print(where + exc.message, file=err)
        return EXIT_BAD_FILE
    try:
        lock = _lock(db_path.absolute())
    except _Locked as exc:
        print(exc.message, file=err)
        return EXIT_LOCKED
    try:
        _open(database, create=True)
        if source.kind == "json":
            result = exports.import_json(source.data)
            print(f"Imported the full export of {result.rows:,} rows into {db_path}.",
                  file=out)
            return EXIT_OK
        plan = imports.preview(source, records=records)
        if plan.problems and not skip_invalid:
            for item in plan.problems:
                print(f"{file}:{item.line}: {item.reason}", file=err)
            print(f"{len(plan.problems)} record(s) are not valid, so nothing was imported. "
                  "Fix them, or import the valid records with --skip-invalid.", file=err)
            return EXIT_BAD_FILE
        for item in plan.problems:
            print(f"{file}:{item.line}: skipped: {item.reason}", file=err)
        result = imports.apply(plan, skip_invalid=True)
        print(f"Imported {imports.KINDS[source.kind]} from {file}: {result.added} added, "
              f"{result.updated} updated, {result.skipped} skipped.", file=out)
        return EXIT_OK
    except ImportFileError as exc:
        where = f"{file}:{exc.line}: " if exc.line else f"{file}: "
        print(where + exc.message, file=err)
        return EXIT_BAD_FILE
    except CareerPivotError as exc:
        print(exc.message, file=err)
        return EXIT_ERROR
    finally:
        workspace.close()
        if lock.isLocked():
            lock.unlock()


def export_command(kind: str, database: str, target: str, *, list_name: str | None = None,
                   vcard_version: str = "3.0", out: TextIO | None = None,
                   err: TextIO | None = None) -> int:
    from careerpivot.services import exports, workspace

    out = out or sys.stdout
    err = err or sys.stderr
    if kind not in EXPORT_KINDS:
        print(f"Unknown export {kind!r}; choose one of {', '.join(EXPORT_KINDS)}.", file=err)
        return EXIT_ERROR
    if list_name is not None and list_name not in exports.CSV_LISTS:
        print(f"Unknown list {list_name!r}; choose one of {', '.join(exports.CSV_LISTS)}.",
              file=err)
        return EXIT_ERROR
    try:
        _open(database, create=False)
        if kind == "json":
            written = [exports.export_json(target)]
        elif kind == "ics":
            written = [exports.export_ics(target)]
        elif kind == "vcf":
            written = [exports.export_vcf(target, version=vcard_version)]
        elif list_name:
            written = [exports.export_csv(list_name, target)]
        else:
            if Path(target).suffix.lower() == ".csv":
                print("Without --list, TARGET is a folder that receives every list; name a "
                      "list with --list to write one CSV file.", file=err)
                return EXIT_ERROR
            written = exports.export_all_csv(target)
    except CareerPivotError as exc:
        print(exc.message, file=err)
        return EXIT_ERROR
    finally:
        workspace.close()
    for result in written:
        print(f"Wrote {describe_export(kind, result)} to {result.path}", file=out)
    return EXIT_OK


#: What a row of each list is, for the line that says what was written (singular, plural).
_ROWS = {
    "contacts": ("contact", "contacts"),
    "interviews": ("interview", "interviews"),
    "assumptions": ("assumption", "assumptions"),
    "skills": ("skill", "skills"),
    "learning": ("learning item", "learning items"),
    "milestones": ("milestone", "milestones"),
    "log": ("log item", "log items"),
    "follow_ups": ("follow-up", "follow-ups"),
    "practice": ("practice series", "practice series"),
}


def _count(n: int, what: str) -> str:
    one, many = _ROWS[what]
    return f"{n:,} {one if n == 1 else many}"


def describe_export(kind: str, result: exports.Exported) -> str:
    """What an export wrote, in words ("124 contacts"; the calendar's events by kind; the
    full export's contacts and conversations): the same facts the window's message gives."""
    if kind == "json":
        counts = result.counts
        return (f"the whole workspace ({_count(counts.get('contact', 0), 'contacts')}, "
                f"{_count(counts.get('interview', 0), 'interviews')}; {result.count:,} "
                f"row{'' if result.count == 1 else 's'} in all)")
    if kind == "ics":
        kinds = ", ".join(_count(n, what) for what, n in result.counts.items() if n)
        events = f"{result.count:,} calendar event{'' if result.count == 1 else 's'}"
        return f"{events} ({kinds})" if kinds else events
    if kind == "vcf":
        return _count(result.count, "contacts")
    (list_name,) = result.counts
    return _count(result.count, list_name)


def run_import(args: argparse.Namespace) -> int:
    return import_command(args.file, args.database, skip_invalid=args.skip_invalid,
                          mapping=args.map)


def run_export(args: argparse.Namespace) -> int:
    return export_command(args.kind, args.database, args.output,
                          list_name=getattr(args, "list_name", None),
                          vcard_version=getattr(args, "vcard_version", "3.0"))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
