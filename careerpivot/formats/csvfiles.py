"""CSV in and out: lists a spreadsheet opens correctly, and contacts from any CSV with a column
mapping.

Written files are UTF-8 with a byte-order mark (Excel reads UTF-8 only with one) and CRLF line
ends, and text cells that a spreadsheet would run as a formula (beginning with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) start with an apostrophe, as OWASP recommends
against CSV injection. Reading strips that apostrophe again, so a list exported here imports
back as it was.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from careerpivot.core.errors import ImportFileError
from careerpivot.formats.common import ContactRecord, decode_text, keep_tag

#: Characters that make a spreadsheet treat a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Contact fields a CSV column can be mapped to, with their display names.
CONTACT_FIELDS: dict[str, str] = {
    "name": "Full name",
    "first_name": "First name",
    "last_name": "Last name",
    "organization": "Organization",
    "role": "Role / job title",
    "email": "E-mail",
    "phone": "Phone",
    "url": "Profile or web address",
    "how_met": "How we met",
    "tags": "Tags",
    "notes": "Notes",
}

#: Header names (lowercase letters and digits only) recognised for each field: the names
#: Google Contacts, Outlook, Apple Numbers users and this app's own export use.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "displayname", "contactname", "contact", "person"),
    "first_name": ("firstname", "givenname", "forename", "first"),
    "last_name": ("lastname", "familyname", "surname", "last"),
    "organization": ("organization", "organisation", "company", "companyname", "employer",
                     "organization1name", "organizationname", "org", "business"),
    "role": ("role", "jobtitle", "title", "position", "organization1title",
             "organizationtitle", "job"),
    "email": ("email", "emailaddress", "email1value", "mail", "primaryemail",
              "emailaddress1", "email1", "workemail", "homeemail"),
    "phone": ("phone", "phonenumber", "mobile", "mobilephone", "telephone", "phone1value",
              "cell", "cellphone", "businessphone", "primaryphone", "homephone", "tel"),
    "url": ("profileurl", "url", "linkedin", "linkedinurl", "linkedinprofile", "website",
            "webpage", "website1value", "web", "homepage"),
    "how_met": ("howmet", "howwemet", "met", "metvia"),
    "tags": ("tags", "labels", "categories", "tag", "groups"),
    "notes": ("notes", "note", "comments", "comment", "description"),
}

Mapping = dict[str, int]


# --- writing ---------------------------------------------------------------------------------


_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet shows as text instead of running it: an apostrophe goes in
    front of a formula character (and of apostrophes already in front of one, so that
    :func:`unneutralise` gives back exactly the original text)."""
    if text.startswith(FORMULA_START) or _NEUTRALISED.match(text):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise`."""
    return text[1:] if _NEUTRALISED.match(text) else text


def cell(value: object) -> str:
    """A value as a CSV cell: numbers as numbers, text neutralised, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return neutralise(str(value))


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]],
              progress: Callable[[int], None] | None = None) -> bytes:
    """A complete CSV file (UTF-8 with BOM, CRLF) as bytes."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for n, row in enumerate(rows, start=1):
        writer.writerow([cell(v) for v in row])
        if progress is not None and n % 500 == 0:
            progress(n)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


# --- reading ---------------------------------------------------------------------------------


def sniff_delimiter(line: str) -> str:
    """Comma, semicolon (Excel in many European locales) or tab: the most frequent one outside
    quotes in the header line."""
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {d: outside.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


#: A physical line with its line break (CRLF, LF or CR), as a file opened with
#: ``newline=""`` gives them to the csv module.
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> Iterator[str]:
    """The physical lines of ``text``, one at a time (an ``io.StringIO`` of a large text
    holds a copy of four bytes a character)."""
    for match in _PHYSICAL_LINE.finditer(text):
        yield match.group()


def read_rows(text: str, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """``(line where the record starts, cells)`` for every record of ``text``, one at a time;
    a record may span lines inside quotes. A malformed file raises ImportFileError naming the
    line."""
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=True)
    previous = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = previous + 1
            reason = str(exc)
            if "field larger" in reason:
                message = (f"Line {line} holds a cell longer than {csv.field_size_limit():,} "
                           "characters, more than a contact list holds. The file was not "
                           "imported.")
            elif "end of data" in reason or "unexpected end" in reason:
                message = (f"The quoted cell that begins on line {line} is never closed: the "
                           "file may be truncated. It was not imported.")
            else:
                message = (f"Line {line} is not valid CSV ({reason}), so the file was not "
                           "imported.")
            raise ImportFileError(message, line=line) from None
        start = previous + 1
        previous = reader.line_num
        yield start, cells


def header_key(text: str) -> str:
    """A header cell reduced to lowercase letters and digits (``E-mail 1 - Value`` →
    ``email1value``)."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def guess_mapping(header: Sequence[str]) -> Mapping:
    """Which column holds which contact field, from the header's names. Each column is used
    once; fields without a recognised column are left out."""
    keys = [header_key(h) for h in header]
    mapping: Mapping = {}
    used: set[int] = set()
    for field, synonyms in _SYNONYMS.items():
        for synonym in synonyms:
            hits = [i for i, k in enumerate(keys) if k == synonym and i not in used]
            if hits:
                mapping[field] = hits[0]
                used.add(hits[0])
                break
    if "name" in mapping and ("first_name" in mapping or "last_name" in mapping):
        # Google's "Name" next to "Given Name"/"Family Name": the full name wins.
        mapping.pop("first_name", None)
        mapping.pop("last_name", None)
    return mapping


class CsvTable:
    """A CSV file's header, its first records and the mapping guessed from the header. The
    records are read from the text again each time :meth:`records` is called, so they never
    sit in memory all at once."""

    def __init__(self, text: str, header: list[str], header_line: int, delimiter: str,
                 count: int, first: list[tuple[int, list[str]]]) -> None:
        self.text = text
        self.header = header
        self.header_line = header_line
        self.delimiter = delimiter
        self.count = count  # the records after the header (blank ones left out)
        self.first = first
        self.mapping = guess_mapping(header)

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """``(line, cells)`` of every record after the header, blank ones left out."""
        rows = read_rows(self.text, self.delimiter)
        for line, _cells in rows:
            if line >= self.header_line:
                break
        for line, cells in rows:
            if any(c.strip() for c in cells):
                yield line, cells

    @property
    def rows(self) -> list[tuple[int, list[str]]]:
        """Every record after the header, held whole (for small files)."""
        return list(self.records())

    def sample(self, count: int = 5) -> list[list[str]]:
        return [cells for _line, cells in self.first[:count]]


#: Records kept for the mapping dialog's sample.
_SAMPLE = 20


def read_table(data: bytes | str) -> CsvTable:
    """The first non-blank record is the header. The whole file is read once, to check it is
    valid CSV (and count its records), keeping only its first few records."""
    text = decode_text(data, what="This CSV file") if isinstance(data, bytes) else data
    first_line = next((m.group() for m in _PHYSICAL_LINE.finditer(text) if m.group().strip()),
                      "")
    delimiter = sniff_delimiter(first_line)
    header: list[str] | None = None
    header_line = 0
    first: list[tuple[int, list[str]]] = []
    count = 0
    for line, cells in read_rows(text, delimiter):
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = [c.strip().lstrip("\ufeff") for c in cells]
            header_line = line
        else:
            count += 1
            if len(first) < _SAMPLE:
                first.append((line, cells))
    if header is None:
        raise ImportFileError("This CSV file is empty: it holds no header and no contacts.")
    if len(header) < 2 and not count:
        raise ImportFileError("This file does not look like a CSV table (one column, no rows).")
    return CsvTable(text, header, header_line, delimiter, count, first)


def _split_tags(text: str) -> tuple[str, ...]:
    parts = (p.strip().lstrip("*").strip() for p in re.split(r"[;,]|:::", text))
    return tuple(p for p in parts if keep_tag(p))


def _split_emails(text: str) -> tuple[str, ...]:
    return tuple(e for e in re.split(r"[;,\s]+", text.replace(":::", " ")) if e)


def contacts_from_table(table: CsvTable, mapping: Mapping | None = None,
                        progress: Callable[[int, int], None] | None = None
                        ) -> list[ContactRecord]:
    """Contact records from the mapped columns, held whole (see :func:`iter_contacts`)."""
    return list(iter_contacts(table, mapping, progress))


def iter_contacts(table: CsvTable, mapping: Mapping | None = None,
                  progress: Callable[[int, int], None] | None = None
                  ) -> Iterator[ContactRecord]:
    """Contact records from the mapped columns, one at a time. Records without any mapped
    value are blank and left out; a record without a name is kept with its problem. A
    mapping that cannot work is refused before the first record."""
    mapping = table.mapping if mapping is None else mapping
    _check_mapping(table, mapping)
    return _contacts(table, mapping, progress)


def _check_mapping(table: CsvTable, mapping: Mapping) -> None:
    if not ({"name", "first_name", "last_name"} & mapping.keys()):
        raise ImportFileError(
            "Choose the column that holds the contact's name (or first and last name): "
            "without it nothing can be imported.")
    width = len(table.header)
    for field, column in mapping.items():
        if field not in CONTACT_FIELDS:
            raise ImportFileError(f"Unknown contact field {field!r} in the column mapping.")
        if not 0 <= column < max(width, 1):
            raise ImportFileError(f"The column mapped to {CONTACT_FIELDS[field]} does not exist.")


def _contacts(table: CsvTable, mapping: Mapping,
              progress: Callable[[int, int], None] | None) -> Iterator[ContactRecord]:
    width = len(table.header)
    total = table.count
    for n, (line, cells) in enumerate(table.records(), start=1):
        if progress is not None and n % 500 == 0:
            progress(n, total)
        values = {field: unneutralise(cells[col].strip()) if col < len(cells) else ""
                  for field, col in mapping.items()}
        if not any(values.values()):
            continue
        name = values.get("name", "") or " ".join(
            v for v in (values.get("first_name", ""), values.get("last_name", "")) if v)
        problem = ""
        if len(cells) > width:
            extra = [c for c in cells[width:] if c.strip()]
            if extra:
                problem = (f"this row has {len(cells)} cells but the header has {width}: a "
                           "comma inside a cell may be missing its quotes")
        if not name.strip() and not problem:
            problem = "no name"
        yield ContactRecord(
            line=line,
            name=name,
            organization=values.get("organization", ""),
            role=values.get("role", ""),
            emails=_split_emails(values.get("email", "")),
            phones=(values["phone"],) if values.get("phone") else (),
            urls=(values["url"],) if values.get("url") else (),
            notes=values.get("notes", ""),
            how_met=values.get("how_met", ""),
            tags=_split_tags(values.get("tags", "")),
            problem=problem,
        )
