"""``careerpivot export KIND --database PATH -o FILE [...]``: documents without a window.

The PDF kinds (summary, prep, plan) are registered in :data:`EXPORTERS`; other kinds join the
same command with :func:`register_exporter` (a function that writes and describes the file) or
:func:`register_delegate` (a module with its own options and handler, such as the data exports
json, csv, ics and vcf of ``careerpivot.cli_data``). Nothing here imports Qt.

Exit codes of the PDF kinds, in line with the data kinds: 0 written; 1 the workspace could not
be opened (missing, damaged, another program's file) or the file could not be written
(unwritable folder, disk full); 2 bad arguments (a prep sheet without ``--interview``, an output
that is a folder); 3 the summary does not fit on one page (the report says what to cut; nothing
was written).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_DOES_NOT_FIT = 3

#: Arguments every exporter receives: the parsed namespace and the output path.
ExportFn = Callable[[argparse.Namespace, Path], str]


@dataclasses.dataclass(frozen=True)
class Exporter:
    kind: str
    help: str
    run: ExportFn  # returns a one-line description of what was written


EXPORTERS: dict[str, Exporter] = {}


@dataclasses.dataclass(frozen=True)
class Delegate:
    kinds: tuple[str, ...]
    handler: Callable[[argparse.Namespace], int]  # runs the export, returns the exit code
    add_arguments: Callable[[argparse.ArgumentParser], None] | None


DELEGATES: list[Delegate] = []


def register_exporter(kind: str, help_text: str, run: ExportFn) -> None:
    """Add a kind to ``careerpivot export`` (call before :func:`add_export_parser`)."""
    EXPORTERS[kind] = Exporter(kind, help_text, run)


def register_delegate(kinds: Sequence[str], handler: Callable[[argparse.Namespace], int],
                      add_arguments: Callable[[argparse.ArgumentParser], None] | None = None
                      ) -> None:
    """Let another module handle some kinds of ``export`` with its own options (call before
    :func:`add_export_parser`). ``handler(args)`` gets ``kind``, ``database`` and ``output``."""
    DELEGATES.append(Delegate(tuple(kinds), handler, add_arguments))


def all_kinds() -> list[str]:
    return [*EXPORTERS, *(k for d in DELEGATES for k in d.kinds if k not in EXPORTERS)]


class CommandError(Exception):
    """A failure with a message for stderr and an exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


# --- the PDF documents ------------------------------------------------------------------------


def _page_size(args: argparse.Namespace) -> str:
    from careerpivot.reports.styles import page_size_from_environment, resolve_page_size
    from careerpivot.services import summary

    if getattr(args, "page_size", None):
        return args.page_size
    return resolve_page_size(summary.get_profile().page_size, page_size_from_environment())


def _export_summary(args: argparse.Namespace, output: Path) -> str:
    from careerpivot.reports import summary as report
    from careerpivot.services import summary

    size = _page_size(args)
    try:
        fit = report.export_summary(summary.summary_document_data(), output, size)
    except report.SummaryDoesNotFit as exc:
        raise CommandError(exc.message + "\nNothing was written.", EXIT_DOES_NOT_FIT) from exc
    note = "" if fit.scale >= 0.995 else f", text set at {fit.body_size:g} pt to fit"
    return f"one-page summary ({size}{note})"


def _export_prep(args: argparse.Namespace, output: Path) -> str:
    from careerpivot.reports import prep
    from careerpivot.services import documents

    if args.interview is None:
        choices = documents.interview_choices()
        listing = "\n".join(f"  {c.id}: {c.label}" for c in choices[:40]) or "  (none)"
        raise CommandError("Choose the interview with --interview ID. Interviews in this "
                           f"workspace:\n{listing}", EXIT_USAGE)
    size = _page_size(args)
    prep.export_prep(documents.prep_sheet_data(args.interview), output, size)
    return f"prep sheet for interview {args.interview}, {_pages(output)} ({size})"


def _export_plan(args: argparse.Namespace, output: Path) -> str:
    from careerpivot.reports import plan
    from careerpivot.services import documents

    size = _page_size(args)
    plan.export_plan(documents.plan_document_data(), output, size)
    return f"transition plan, {_pages(output)} ({size})"


def _pages(written: Path) -> str:
    """ "3 pages": how many the PDF just written has."""
    from careerpivot.formats.pdfpages import page_count

    pages = page_count(written.read_bytes())
    return f"{pages} page{'' if pages == 1 else 's'}"


register_exporter("summary", "the one-page value summary (PDF)", _export_summary)
register_exporter("prep", "an interview prep sheet (PDF; needs --interview ID)", _export_prep)
register_exporter("plan", "the transition plan (PDF)", _export_plan)


# --- the command ------------------------------------------------------------------------------


def add_export_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``export`` to a parser's subcommands."""
    kinds = ", ".join(f"{e.kind}: {e.help}" for e in EXPORTERS.values())
    parser = subparsers.add_parser(
        "export", help="write a document or export file without opening a window",
        description=f"Write a document from a workspace without opening a window. {kinds}.",
        epilog="Exit status: 0 written, 1 could not be written, 2 bad arguments or workspace, "
               "3 the summary does not fit on one page (nothing written).")
    parser.add_argument("kind", choices=all_kinds(), metavar="KIND",
                        help="what to write: " + ", ".join(all_kinds()))
    parser.add_argument("--database", metavar="PATH", required=True,
                        help="the workspace file to read")
    parser.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="the file to write (replaced atomically if it exists)")
    parser.add_argument("--interview", metavar="ID", type=int,
                        help="the interview of the prep sheet")
    parser.add_argument("--page-size", choices=["A4", "Letter"],
                        help="paper size (default: the profile's choice, else the locale's)")
    for delegate in DELEGATES:
        if delegate.add_arguments is not None:
            delegate.add_arguments(parser)
    parser.set_defaults(command="export", handler=run_export)
    return parser


def _open(database: str):
    from careerpivot.core.errors import CareerPivotError
    from careerpivot.services import workspace

    path = Path(database).expanduser()
    if not path.exists():
        raise CommandError(f"There is no workspace at {path}.", EXIT_FAILED)
    try:
        return workspace.open_workspace(path, create=False)
    except CareerPivotError as exc:
        raise CommandError(exc.message, EXIT_FAILED) from exc


def run_export(args: argparse.Namespace) -> int:
    """Run ``export``; messages go to stderr, a one-line result to stdout."""
    from careerpivot.core.errors import CareerPivotError
    from careerpivot.services import workspace

    for delegate in DELEGATES:
        if args.kind in delegate.kinds and args.kind not in EXPORTERS:
            return delegate.handler(args)
    exporter = EXPORTERS.get(args.kind)
    if exporter is None:
        print(f"careerpivot export: unknown kind {args.kind!r}", file=sys.stderr)
        return EXIT_USAGE
    output = Path(args.output).expanduser()
    if output.is_dir():
        print(f"careerpivot export: {output} is a folder; give a file name.", file=sys.stderr)
        return EXIT_USAGE
    try:
        _open(args.database)
        try:
            what = exporter.run(args, output)
        finally:
            workspace.close()
    except CommandError as exc:
        print(f"careerpivot export: {exc.message}", file=sys.stderr)
        return exc.code
    except CareerPivotError as exc:
        print(f"careerpivot export: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Wrote {output}: {what}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Standalone entry (``python -m careerpivot.cli_export KIND ...``)."""
    parser = argparse.ArgumentParser(prog="careerpivot")
    add_export_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["export", *(sys.argv[1:] if argv is None else argv)])
    return run_export(args)


if __name__ == "__main__":
    sys.exit(main())
