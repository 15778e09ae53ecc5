"""Bringing contacts in: LinkedIn's Connections.csv, vCard files and CSV files with a column
mapping.

The flow is two steps. :func:`read_source` reads the file and tells its kind from its content
(the extension only breaks ties); :func:`preview` parses and validates every record and plans,
without writing anything, which contacts will be added, which existing ones updated and which
records skipped (and why, with the line). :func:`apply` then writes every valid record in ONE
write transaction, or nothing: a cancelled or failed import leaves the workspace exactly as it
was. The plan is computed again inside that transaction, so it is exact even if the workspace
changed after the preview. How records match contacts: :mod:`.import_plan`.

A CSV file's records are read, planned and written one at a time (a chunk of contacts at a
time): neither the preview nor the import holds them all; the preview keeps what it shows.

Functions here run in worker threads: they take a ``progress(done, total, text)`` callback
that may raise to cancel (the UI passes ``Job.progress``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from careerpivot.core.errors import ImportFileError
from careerpivot.core.validation import name_key
from careerpivot.formats import csvfiles, jsonbackup, linkedin, vcard
from careerpivot.formats.common import MAX_IMPORT_BYTES, ContactRecord
from careerpivot.services import workspace
from careerpivot.services._base import utcnow, write
from careerpivot.services.import_plan import PlannedContact, plan_records
from careerpivot.store.models import Contact, ContactTag, Setting, Tag

Progress = Callable[[int, int, str], None]

#: The kinds of file an import reads, with their display names.
KINDS = {
    "linkedin": "LinkedIn connections",
    "vcard": "vCard contacts",
    "csv": "CSV contacts",
    "json": "CareerPivot full export",
}
#: Setting keys of the last import: ``last_import`` (any kind) and ``last_import.<kind>``.
LAST_IMPORT_KEY = "last_import"

_CHUNK = 500


# --- the file --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class SourceFile:
    path: Path
    kind: str  # a key of KINDS
    data: bytes = dataclasses.field(repr=False)


def _sniff_text(data: bytes) -> str:
    """The start of the file as text, for telling its kind (errors ignored here; the parser
    reports them with a line)."""
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", "ignore")
    return head.decode("utf-8", "ignore").lstrip("\ufeff")


def detect_kind(path: Path, data: bytes) -> str:
    """The kind of ``data`` from its content; ``path``'s extension breaks ties. Raises
    ImportFileError with a message that says what the file is when it cannot be imported."""
    suffix = path.suffix.lower()
    if not data.strip():
        raise ImportFileError(f"{path.name} is empty: there is nothing to import.")
    if data.startswith(b"SQLite format 3\x00"):
        raise ImportFileError(
            f"{path.name} is a workspace or a backup (a database file), not a file to import. "
            "Open it with File > Open, or restore it with File > Restore.")
    if data.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            f"{path.name} is a .zip archive. LinkedIn's data export arrives as one: unzip it "
            "and import the Connections.csv inside.")
    if data.startswith(b"%PDF"):
        raise ImportFileError(f"{path.name} is a PDF document, not a list of contacts.")
    text = _sniff_text(data)
    stripped = text.lstrip()
    if stripped[:11].upper() == "BEGIN:VCARD":
        return "vcard"
    if stripped[:15].upper() == "BEGIN:VCALENDAR":
        raise ImportFileError(
            f"{path.name} is a calendar file. CareerPivot writes calendar files for your "
            "calendar program but does not import them.")
    if jsonbackup.looks_like_export(data):
        return "json"
    if stripped[:1] in ("{", "[") and suffix == ".json":
        raise ImportFileError(
            f"{path.name} is a JSON file but not a CareerPivot full export, so it cannot be "
            "imported.")
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            f"{path.name} holds binary data, not text. CareerPivot imports LinkedIn's "
            "Connections.csv, vCard (.vcf) files, CSV files of contacts and its own full "
            "export (.json).")
    if linkedin.looks_like_connections(text):
        return "linkedin"
    if suffix in (".vcf", ".vcard"):
        raise ImportFileError(
            f"{path.name} is not a vCard file: it does not begin with BEGIN:VCARD.", line=1)
    if suffix in (".csv", ".tsv", ".txt") or re.search(r"[,;\t]", text.split("\n", 1)[0]):
        return "csv"
    raise ImportFileError(
        f"CareerPivot cannot tell what kind of file {path.name} is. It imports LinkedIn's "
        "Connections.csv, vCard (.vcf) files, CSV files of contacts and its own full export "
        "(.json).")


def read_source(path: str | Path) -> SourceFile:
    """Read ``path`` and tell its kind. Raises ImportFileError with a message."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ImportFileError(f"{path} is a folder. Choose a file to import.")
        if size > MAX_IMPORT_BYTES:
            raise ImportFileError(
                f"{path.name} is {size / 1048576:,.0f} MB, too large to be a list of contacts "
                f"(the limit is {MAX_IMPORT_BYTES // 1048576} MB).")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist (it may have been moved).") from None
    except PermissionError:
        raise ImportFileError(f"You do not have permission to read {path}.") from None
    except OSError as exc:
        raise ImportFileError(f"{path} could not be read: {exc.strerror}.") from None
    return SourceFile(path, detect_kind(path, data), data)


def csv_table(source: SourceFile) -> csvfiles.CsvTable:
    """The header, the records and the guessed column mapping of a CSV source, for the
    mapping dialog."""
    return csvfiles.read_table(source.data)


def parse(source: SourceFile, *, mapping: csvfiles.Mapping | None = None,
          progress: Progress | None = None) -> list[ContactRecord]:
    """The contact records of a LinkedIn, vCard or CSV source, held whole."""
    return list(_records(source, mapping, progress))


def _records(source: SourceFile, mapping: csvfiles.Mapping | None,
             progress: Progress | None, table: csvfiles.CsvTable | None = None
             ) -> Iterable[ContactRecord]:
    """The records of a source; a CSV file's one at a time (the file was checked whole
    first: a broken one is refused before the first record)."""
    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(done, max(total, 1) * 2, "Reading the file…")

    if source.kind == "linkedin":
        return linkedin.parse_connections(source.data, report)
    if source.kind == "vcard":
        return vcard.parse_vcards(source.data, report)
    if source.kind == "csv":
        table = table or csvfiles.read_table(source.data)
        return csvfiles.iter_contacts(table, mapping, report)
    if source.kind == "json":
        raise ImportFileError(
            "A full export is imported into a new, empty workspace, not merged into this one.")
    raise ImportFileError(f"Unknown kind of import: {source.kind}.")


# --- the plan --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ImportPreview:
    path: Path
    kind: str
    records: tuple[ContactRecord, ...] = dataclasses.field(repr=False)
    items: tuple[PlannedContact, ...]
    last_import: str | None  # UTC ISO time of the last import of this kind
    #: A CSV file planned as it was read: its records are read again to be written (the
    #: preview keeps none of them, nor the values of its items).
    source: SourceFile | None = dataclasses.field(default=None, repr=False, compare=False)
    mapping: csvfiles.Mapping | None = None

    def _count(self, action: str) -> int:
        return sum(1 for i in self.items if i.action == action)

    @property
    def added(self) -> int:
        return self._count("add")

    @property
    def updated(self) -> int:
        return self._count("update")

    @property
    def skipped(self) -> int:
        return self._count("skip")

    @property
    def problems(self) -> list[PlannedContact]:
        return [i for i in self.items if i.problem]

    def problem_lines(self) -> list[str]:
        return [f"Line {i.line}: {i.reason}" for i in self.problems]


@dataclasses.dataclass(frozen=True)
class ImportResult:
    kind: str
    added: int
    updated: int
    skipped: int
    problems: int
    added_ids: tuple[int, ...] = ()


def last_import(kind: str | None = None) -> str | None:
    """The UTC ISO time of the last import (of ``kind``, or of any kind), or None."""
    key = LAST_IMPORT_KEY if kind is None else f"{LAST_IMPORT_KEY}.{kind}"
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row is not None and row.value else None


def preview(source: SourceFile, *, mapping: csvfiles.Mapping | None = None,
            records: list[ContactRecord] | None = None,
            progress: Progress | None = None) -> ImportPreview:
    """Parse (unless ``records`` were parsed already), validate and plan the import; nothing
    is written. A CSV file is planned a record at a time: its records are not kept."""
    if records is None and source.kind == "csv":
        table = csvfiles.read_table(source.data)
        total = table.count
        items = tuple(plan_records(_records(source, mapping, progress, table), source.kind,
                            progress, base=total, total=total, keep_values=False))
        return ImportPreview(source.path, source.kind, (), items, last_import(source.kind),
                             source=source, mapping=mapping)
    if records is None:
        records = parse(source, mapping=mapping, progress=progress)
    total = len(records)
    items = tuple(plan_records(records, source.kind, progress, base=total, total=total))
    return ImportPreview(source.path, source.kind, tuple(records), items,
                         last_import(source.kind))


# --- writing ---------------------------------------------------------------------------------


def _link_tags(pairs: list[tuple[int, str]]) -> None:
    """Link (contact id, tag name) pairs, creating the tags that do not exist yet."""
    if not pairs:
        return
    names: dict[str, str] = {}
    for _cid, tag in pairs:
        names.setdefault(name_key(tag), tag)
    existing = dict(Tag.select(Tag.key, Tag.id).tuples())
    missing = [{"name": n, "key": k} for k, n in names.items() if k not in existing]
    for start in range(0, len(missing), _CHUNK):
        Tag.insert_many(missing[start:start + _CHUNK]).execute()
    existing = dict(Tag.select(Tag.key, Tag.id).tuples())
    links = list(dict.fromkeys((cid, existing[name_key(tag)]) for cid, tag in pairs))
    rows = [{"contact": cid, "tag": tid} for cid, tid in links]
    for start in range(0, len(rows), _CHUNK):
        ContactTag.insert_many(rows[start:start + _CHUNK]).on_conflict_ignore().execute()


class _Writer:
    """The contacts an import adds, inserted and tagged a chunk at a time."""

    def __init__(self, now: str, progress: Progress | None, total: int) -> None:
        self.now = now
        self.progress = progress
        self.total = total
        self.done = total // 2
        self.next_id = (Contact.select(Contact.id).order_by(Contact.id.desc()).limit(1)
                        .scalar() or 0) + 1
        self.rows: list[dict] = []
        self.tag_pairs: list[tuple[int, str]] = []
        self.added_ids: list[int] = []
        self.updated = 0

    def add(self, item: PlannedContact) -> None:
        contact_id = self.next_id + len(self.added_ids)
        self.added_ids.append(contact_id)
        self.rows.append({**item.values, "id": contact_id, "created_at": self.now,
                          "updated_at": self.now})
        self.tag_pairs.extend((contact_id, t) for t in item.tags)
        if len(self.rows) == _CHUNK:
            self.flush()

    def update(self, item: PlannedContact) -> None:
        data = dict(item.values)
        data["updated_at"] = self.now
        Contact.update(data).where(Contact.id == item.contact_id).execute()
        self.tag_pairs.extend((item.contact_id, t) for t in item.tags)  # type: ignore[misc]
        if self.progress is not None and self.updated % 250 == 249:
            self.progress(self.done + self.updated, self.total, "Updating contacts…")
        self.updated += 1
        if len(self.tag_pairs) >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            Contact.insert_many(self.rows).execute()
            self.done += len(self.rows)
            self.rows = []
            if self.progress is not None:
                self.progress(min(self.done, self.total), self.total, "Adding contacts…")
        _link_tags(self.tag_pairs)
        self.tag_pairs = []


def apply(plan: ImportPreview, *, skip_invalid: bool = True,
          progress: Progress | None = None) -> ImportResult:
    """Write the import in one transaction: every valid record, or nothing. The records are
    planned again inside it, a record at a time, and written a chunk at a time.

    With ``skip_invalid=False`` a single invalid record refuses the whole file (the command
    line's default) with an ImportFileError naming its line."""
    if not skip_invalid and plan.problems:
        first = plan.problems[0]
        more = len(plan.problems) - 1
        raise ImportFileError(
            f"Line {first.line}: {first.reason}"
            + (f" ({more} more record{'s' if more != 1 else ''} with problems.)" if more else "")
            + " Nothing was imported.", line=first.line)
    total = len(plan.items)
    records = (plan.records if plan.source is None
               else _records(plan.source, plan.mapping, None))
    with write():
        writer = _Writer(utcnow(), progress, total * 2)
        skipped = problems = 0
        for item in plan_records(records, plan.kind, progress, base=0, total=total * 2):
            if item.problem and not skip_invalid:
                raise ImportFileError(f"Line {item.line}: {item.reason} Nothing was imported.",
                                      line=item.line)
            if item.action == "add":
                writer.add(item)
            elif item.action == "update":
                writer.update(item)
            else:
                skipped += 1
                problems += item.problem
        writer.flush()
        for key in (LAST_IMPORT_KEY, f"{LAST_IMPORT_KEY}.{plan.kind}"):
            Setting.insert(key=key, value=writer.now).on_conflict_replace().execute()
        if progress is not None:
            progress(total * 2, total * 2, "Saving…")
    workspace.mark_changed()
    return ImportResult(kind=plan.kind, added=len(writer.added_ids), updated=writer.updated,
                        skipped=skipped, problems=problems,
                        added_ids=tuple(writer.added_ids))


def import_file(path: str | Path, *, mapping: csvfiles.Mapping | None = None,
                skip_invalid: bool = False, progress: Progress | None = None
                ) -> ImportResult:
    """Read, plan and apply in one call (the command line and tests)."""
    source = read_source(path)
    return apply(preview(source, mapping=mapping, progress=progress),
                 skip_invalid=skip_invalid, progress=progress)
