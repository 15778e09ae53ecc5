"""Bringing contacts in: LinkedIn's Connections.csv, vCard files and CSV files with a column
mapping.

The flow is two steps. :func:`read_source` reads the file and tells its kind from its content
(the extension only breaks ties); :func:`preview` parses and validates every record and plans,
without writing anything, which contacts will be added, which existing ones updated and which
records skipped (and why, with the line). :func:`apply` then writes every valid record in ONE
write transaction, or nothing: a cancelled or failed import leaves the workspace exactly as it
was. The plan is computed again inside that transaction, so it is exact even if the workspace
changed after the preview.

A record matches an existing contact by profile address, then e-mail, then name and
organization together (each compared after normalising: case, spacing, ``www.``, trailing
slashes). A match fills the contact's empty fields and takes the file's organization and role
when they differ (the file is the newer source); the name, notes and anything the user typed
are never overwritten. Records that match one already seen in the same file are skipped.

Functions here run in worker threads: they take a ``progress(done, total, text)`` callback
that may raise to cancel (the UI passes ``Job.progress``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from careerpivot.core.errors import ImportFileError
from careerpivot.core.validation import ValidationError, name_key
from careerpivot.formats import csvfiles, jsonbackup, linkedin, vcard
from careerpivot.formats.common import MAX_IMPORT_BYTES, ContactRecord
from careerpivot.services import network, workspace
from careerpivot.services._base import utcnow, write
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

_FIELD_LABELS = {
    "name": "name", "organization": "organization", "role": "role", "email": "e-mail",
    "phone": "phone", "url": "profile address", "how_met": "how we met", "notes": "notes",
    "tags": "tags",
}
#: Fields a match may fill when empty, and those the file's value replaces.
_FILL = ("email", "phone", "url", "how_met", "notes")
_REPLACE = ("organization", "role")
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
    """The contact records of a LinkedIn, vCard or CSV source."""
    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(done, max(total, 1) * 2, "Reading the file…")

    if source.kind == "linkedin":
        return linkedin.parse_connections(source.data, report)
    if source.kind == "vcard":
        return vcard.parse_vcards(source.data, report)
    if source.kind == "csv":
        table = csvfiles.read_table(source.data)
        return csvfiles.contacts_from_table(table, mapping, report)
    if source.kind == "json":
        raise ImportFileError(
            "A full export is imported into a new, empty workspace, not merged into this one.")
    raise ImportFileError(f"Unknown kind of import: {source.kind}.")


# --- the plan --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class PlannedContact:
    line: int
    action: str  # "add", "update" or "skip"
    name: str
    organization: str
    contact_id: int | None = None  # the contact updated, or the one a skip refers to
    #: For an update: (field, old value, new value).
    changes: tuple[tuple[str, str, str], ...] = ()
    reason: str = ""  # why it matched, or why it is skipped
    problem: bool = False  # skipped because the record is not valid
    warnings: tuple[str, ...] = ()
    values: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)
    tags: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class ImportPreview:
    path: Path
    kind: str
    records: tuple[ContactRecord, ...] = dataclasses.field(repr=False)
    items: tuple[PlannedContact, ...]
    last_import: str | None  # UTC ISO time of the last import of this kind

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


def normalise_url(url: str) -> str:
    """A profile address reduced for comparison: no scheme, ``www.`` or country prefix of
    LinkedIn, query, fragment or trailing slash; lower case."""
    text = url.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return text.casefold()
    host = (parts.hostname or "").casefold()
    host = host.removeprefix("www.")
    if host.endswith(".linkedin.com"):
        host = "linkedin.com"
    return (host + parts.path.rstrip("/")).casefold()


def _first_valid(field: str, values: Iterable[str]) -> tuple[str, list[str], str]:
    """The first value of a multi-valued field that validates, the other valid ones, and the
    message of the first invalid one when none validate."""
    chosen, others, error = "", [], ""
    for value in values:
        try:
            cleaned = str(network.validate_contact(name="x", **{field: value})[field])
        except ValidationError as exc:
            error = error or f"{_FIELD_LABELS[field]} {value[:80]!r}: {exc.message}"
            continue
        if not cleaned:
            continue
        if not chosen:
            chosen = cleaned
        elif cleaned not in others and cleaned != chosen:
            others.append(cleaned)
    return chosen, others, error if not chosen else ""


def _validate(record: ContactRecord, kind: str) -> tuple[dict, list[str]]:
    """The cleaned column values (and tags) of a record; raises ValidationError."""
    email, other_emails, email_error = _first_valid("email", record.emails)
    phone, other_phones, phone_error = _first_valid("phone", record.phones)
    url, other_urls, url_error = _first_valid("url", record.urls)
    for error in (email_error, phone_error, url_error):
        if error:
            raise ValidationError("", error)
    how_met = record.how_met
    if kind == "linkedin" and record.connected_on is not None:
        how_met = f"LinkedIn (connected {record.connected_on.isoformat()})"
    notes = record.notes
    extra = [f"Other e-mail: {e}" for e in other_emails]
    extra += [f"Other phone: {p}" for p in other_phones]
    extra += [f"Other address: {u}" for u in other_urls]
    if extra:
        notes = (notes + "\n\n" if notes else "") + "\n".join(extra)
    cleaned = network.validate_contact(
        name=record.name, organization=record.organization, role=record.role, email=email,
        phone=phone, url=url, how_met=how_met, notes=notes, tags=list(record.tags),
        source=kind,
    )
    tags = list(cleaned.pop("tags", []))  # type: ignore[arg-type]
    return cleaned, tags


class _Index:
    """The match keys of every contact (existing, and planned in this import)."""

    def __init__(self) -> None:
        self.rows: dict[int, dict] = {}
        self.by_url: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        self.claimed: dict[int, int] = {}  # contact id (or -n for a planned add) -> line

    def add(self, key: int, row: dict) -> None:
        self.rows[key] = row
        url = normalise_url(row.get("url", ""))
        if url:
            self.by_url.setdefault(url, key)
        email = row.get("email", "").casefold()
        if email:
            self.by_email.setdefault(email, key)
        self.by_name.setdefault((name_key(row["name"]), name_key(row.get("organization", ""))),
                                key)

    def match(self, values: dict) -> tuple[int | None, str]:
        url = normalise_url(str(values.get("url", "")))
        if url and url in self.by_url:
            return self.by_url[url], "same profile address"
        email = str(values.get("email", "")).casefold()
        if email and email in self.by_email:
            return self.by_email[email], "same e-mail"
        key = (name_key(str(values["name"])), name_key(str(values.get("organization", ""))))
        if key in self.by_name:
            return self.by_name[key], "same name and organization"
        return None, ""


_CONTACT_COLUMNS = ("id", "name", "organization", "role", "email", "phone", "url", "how_met",
                    "notes")


def _existing_index() -> _Index:
    index = _Index()
    fields = [getattr(Contact, c) for c in _CONTACT_COLUMNS]
    for row in Contact.select(*fields).order_by(Contact.id).tuples():
        data = {c: (v if v is not None else "") for c, v in zip(_CONTACT_COLUMNS, row,
                                                                 strict=True)}
        index.add(data["id"], data)
    return index


def _existing_tags() -> dict[int, set[str]]:
    tags: dict[int, set[str]] = {}
    for contact_id, key in ContactTag.select(ContactTag.contact, Tag.key).join(Tag).tuples():
        tags.setdefault(contact_id, set()).add(key)
    return tags


def _plan(records: Iterable[ContactRecord], kind: str, progress: Progress | None,
          base: int = 0, total: int = 0) -> list[PlannedContact]:
    records = list(records)
    total = total or len(records)
    index = _existing_index()
    tag_keys = _existing_tags()
    items: list[PlannedContact] = []
    for n, record in enumerate(records, start=1):
        if progress is not None and n % 250 == 0:
            progress(base + n, base + total, "Comparing with your network…")
        name = record.name.strip()
        organization = record.organization.strip()
        if record.problem or record.skip:
            reason = record.problem or record.skip
            items.append(PlannedContact(record.line, "skip", name[:200], organization[:200],
                                        reason=reason[:1].upper() + reason[1:],
                                        problem=bool(record.problem),
                                        warnings=record.warnings))
            continue
        try:
            values, tags = _validate(record, kind)
        except ValidationError as exc:
            label = _FIELD_LABELS.get(exc.field, exc.field)
            reason = f"{label.capitalize()}: {exc.message}" if label else exc.message
            items.append(PlannedContact(record.line, "skip", name[:200], organization[:200],
                                        reason=reason[:1].upper() + reason[1:], problem=True,
                                        warnings=record.warnings))
            continue
        name, organization = str(values["name"]), str(values["organization"])
        found, why = index.match(values)
        if found is not None and found in index.claimed:
            items.append(PlannedContact(
                record.line, "skip", name, organization,
                contact_id=found if found > 0 else None,
                reason=f"The same person as line {index.claimed[found]} of this file "
                       f"({why}).", warnings=record.warnings))
            continue
        if found is None:
            key = -(len(items) + 1)
            index.claimed[key] = record.line
            index.add(key, {k: str(v) for k, v in values.items()})
            items.append(PlannedContact(record.line, "add", name, organization,
                                        warnings=record.warnings, values=values,
                                        tags=tuple(tags)))
            continue
        index.claimed[found] = record.line
        old = index.rows[found]
        changes: list[tuple[str, str, str]] = []
        for field in _FILL:
            new = str(values.get(field, ""))
            if new and not old.get(field):
                changes.append((field, "", new))
        for field in _REPLACE:
            new = str(values.get(field, ""))
            if new and new != old.get(field, ""):
                changes.append((field, str(old.get(field, "")), new))
        known = tag_keys.get(found, set())
        new_tags = tuple(t for t in tags if name_key(t) not in known)
        if new_tags:
            changes.append(("tags", "", ", ".join(new_tags)))
        if not changes:
            items.append(PlannedContact(record.line, "skip", name, organization,
                                        contact_id=found,
                                        reason=f"Already in your network, up to date ({why}).",
                                        warnings=record.warnings))
            continue
        items.append(PlannedContact(record.line, "update", str(old["name"]),
                                    str(old.get("organization", "")), contact_id=found,
                                    changes=tuple(changes), reason=why.capitalize() + ".",
                                    warnings=record.warnings,
                                    values={f: new for f, _o, new in changes if f != "tags"},
                                    tags=new_tags))
    return items


def last_import(kind: str | None = None) -> str | None:
    """The UTC ISO time of the last import (of ``kind``, or of any kind), or None."""
    key = LAST_IMPORT_KEY if kind is None else f"{LAST_IMPORT_KEY}.{kind}"
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row is not None and row.value else None


def preview(source: SourceFile, *, mapping: csvfiles.Mapping | None = None,
            records: list[ContactRecord] | None = None,
            progress: Progress | None = None) -> ImportPreview:
    """Parse (unless ``records`` were parsed already), validate and plan the import; nothing
    is written."""
    if records is None:
        records = parse(source, mapping=mapping, progress=progress)
    total = len(records)
    items = _plan(records, source.kind, progress, base=total, total=total)
    return ImportPreview(source.path, source.kind, tuple(records), tuple(items),
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


def apply(plan: ImportPreview, *, skip_invalid: bool = True,
          progress: Progress | None = None) -> ImportResult:
    """Write the import in one transaction: every valid record, or nothing.

    With ``skip_invalid=False`` a single invalid record refuses the whole file (the command
    line's default) with an ImportFileError naming its line."""
    if not skip_invalid and plan.problems:
        first = plan.problems[0]
        more = len(plan.problems) - 1
        raise ImportFileError(
            f"Line {first.line}: {first.reason}"
            + (f" ({more} more record{'s' if more != 1 else ''} with problems.)" if more else "")
            + " Nothing was imported.", line=first.line)
    total = len(plan.records)
    with write():
        items = _plan(plan.records, plan.kind, progress, base=0, total=total * 2)
        if not skip_invalid and any(i.problem for i in items):
            first = next(i for i in items if i.problem)
            raise ImportFileError(f"Line {first.line}: {first.reason} Nothing was imported.",
                                  line=first.line)
        now = utcnow()
        adds = [i for i in items if i.action == "add"]
        next_id = (Contact.select(Contact.id).order_by(Contact.id.desc()).limit(1).scalar()
                   or 0) + 1
        rows = []
        tag_pairs: list[tuple[int, str]] = []
        added_ids = []
        for offset, item in enumerate(adds):
            contact_id = next_id + offset
            added_ids.append(contact_id)
            rows.append({**item.values, "id": contact_id, "created_at": now,
                         "updated_at": now})
            tag_pairs.extend((contact_id, t) for t in item.tags)
        done = total
        for start in range(0, len(rows), _CHUNK):
            Contact.insert_many(rows[start:start + _CHUNK]).execute()
            done += min(_CHUNK, len(rows) - start)
            if progress is not None:
                progress(done, total * 2, "Adding contacts…")
        for n, item in enumerate(i for i in items if i.action == "update"):
            data = dict(item.values)
            data["updated_at"] = now
            Contact.update(data).where(Contact.id == item.contact_id).execute()
            tag_pairs.extend((item.contact_id, t) for t in item.tags)  # type: ignore[misc]
            if progress is not None and n % 250 == 249:
                progress(done + n, total * 2, "Updating contacts…")
        _link_tags(tag_pairs)
        for key in (LAST_IMPORT_KEY, f"{LAST_IMPORT_KEY}.{plan.kind}"):
            Setting.insert(key=key, value=now).on_conflict_replace().execute()
        if progress is not None:
            progress(total * 2, total * 2, "Saving…")
    workspace.mark_changed()
    return ImportResult(
        kind=plan.kind,
        added=len(adds),
        updated=sum(1 for i in items if i.action == "update"),
        skipped=sum(1 for i in items if i.action == "skip"),
        problems=sum(1 for i in items if i.problem),
        added_ids=tuple(added_ids),
    )


def import_file(path: str | Path, *, mapping: csvfiles.Mapping | None = None,
                skip_invalid: bool = False, progress: Progress | None = None
                ) -> ImportResult:
    """Read, plan and apply in one call (the command line and tests)."""
    source = read_source(path)
    return apply(preview(source, mapping=mapping, progress=progress),
                 skip_invalid=skip_invalid, progress=progress)
