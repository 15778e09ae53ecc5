"""The full export: the whole workspace as one JSON document.

::

    {"format": "careerpivot", "version": 1, "schema": 2, "exported_at": "...Z",
     "application": "CareerPivot 0.1.0",
     "tables": {
      "profile": [
       {"id": 1, "full_name": "...", ...},
       ...
      ],
      ...
     }}

``version`` is the layout of this document; ``schema`` the workspace schema the rows follow.
Values are the stored ones: text (dates as ISO ``YYYY-MM-DD`` strings), integers, floats and
null. Each row is written on its own line, so a problem found in a row can name its line.

Both ways go a row at a time: :func:`stream_document` writes rows as they come, and
:class:`ExportReader` reads the document back a batch of rows at a time (through
:class:`careerpivot.formats.json_stream.TextScanner`), checking its envelope before the first
row, so neither holds the document.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import BinaryIO, NamedTuple, NoReturn

from careerpivot.core.errors import ImportFileError
from careerpivot.formats.json_stream import TextScanner

FORMAT = "careerpivot"
VERSION = 1


@dataclasses.dataclass(frozen=True)
class Document:
    version: int
    schema: int
    tables: dict[str, list[dict]]
    exported_at: str = ""
    application: str = ""


def write_document(tables: Mapping[str, Sequence[Mapping[str, object]]], *, schema: int,
                   exported_at: str, application: str,
                   progress: Callable[[int], None] | None = None) -> bytes:
    """The document as UTF-8 bytes, one row per line (tables held whole: for small ones)."""
    out = io.BytesIO()
    stream_document(out, tables.items(), schema=schema, exported_at=exported_at,
                    application=application, progress=progress)
    return out.getvalue()


def stream_document(out: BinaryIO, tables: Iterable[tuple[str, Iterable[Mapping[str, object]]]],
                    *, schema: int, exported_at: str, application: str,
                    progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Write the document to ``out`` a row at a time, from ``tables`` as pairs of a table's
    name and its rows (each may be an iterator: nothing is held beyond the row being
    written). Returns the rows written per table."""
    head = {"format": FORMAT, "version": VERSION, "schema": schema,
            "exported_at": exported_at, "application": application}
    out.write((json.dumps(head, ensure_ascii=False)[:-1] + ',\n "tables": {').encode("utf-8"))
    done = 0
    counts: dict[str, int] = {}
    for t_index, (table, rows) in enumerate(tables):
        out.write((("," if t_index else "") + f"\n  {json.dumps(table)}: [").encode("utf-8"))
        count = 0
        for row in rows:
            out.write((("," if count else "") + "\n   "
                       + json.dumps(row, ensure_ascii=False, allow_nan=False)).encode("utf-8"))
            count += 1
            done += 1
            if progress is not None and done % 2000 == 0:
                progress(done)
        out.write(b"\n  ]" if count else b"]")
        counts[table] = count
    out.write(b"\n }\n}\n")
    return counts


def looks_like_export(start: bytes) -> bool:
    head = start[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b'"careerpivot"' in head


def read_document(data: bytes) -> Document:
    """The whole document, its envelope and rows checked as :class:`ExportReader` checks
    them (held whole: for small documents and tests)."""
    reader = ExportReader(lambda: io.BytesIO(data))
    with contextlib.closing(reader):
        head = reader.header()
        tables: dict[str, list[dict]] = {}
        for batch in reader.tables():
            tables.setdefault(batch.table, []).extend(batch.rows)
        reader.finish()
    return Document(version=head.version, schema=head.schema, tables=tables,
                    exported_at=head.exported_at, application=head.application)


@dataclasses.dataclass(frozen=True)
class Header:
    version: int
    schema: int
    exported_at: str = ""
    application: str = ""


class Batch(NamedTuple):
    """Rows of one table, in the document's order: ``rows[i]`` is row ``index + i`` of the
    table and starts on line ``lines[i]``. Each table first comes as a batch without rows."""

    table: str
    line: int  # where the table's name stands
    index: int
    rows: list[dict]
    lines: list[int]


#: The envelope's keys that say what the rows are.
_HEADER_KEYS = ("format", "version", "schema")


def _check_header(found: dict[str, object]) -> Header:
    if found.get("format") != FORMAT:
        raise ImportFileError(
            "This JSON file is not a CareerPivot full export (its \"format\" is not "
            "\"careerpivot\"). Nothing was imported.", line=1)
    version = found.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportFileError("This export has no valid format version. Nothing was imported.",
                              line=1)
    if version > VERSION:
        raise ImportFileError(
            f"This export was written by a newer version of CareerPivot (format version "
            f"{version}). Install the newer version to import it. Nothing was imported.",
            line=1)
    schema = found.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ImportFileError("This export does not say which schema its rows follow. "
                              "Nothing was imported.", line=1)
    return Header(version=version, schema=schema,
                  exported_at=str(found.get("exported_at", "")),
                  application=str(found.get("application", "")))


class ExportReader:
    """A full export read a batch of rows at a time, from a file that ``open_file`` opens
    (again, for a second pass): :meth:`header` checks the envelope before any row is read,
    :meth:`tables` yields the rows, :meth:`finish` checks that the document ends well. The
    memory it takes is a batch of rows and a chunk of the file, whatever the file's size.

    Our exporter writes the envelope before the tables; a document that names its format,
    version or schema only after them is read twice (once to find them)."""

    def __init__(self, open_file: Callable[[], BinaryIO], batch: int = 2000,
                 chunk: int | None = None) -> None:
        self._open = open_file
        self._batch = batch
        self._chunk = chunk  # bytes read at a time (default: json_stream.CHUNK)
        self._file: BinaryIO | None = None
        self._scan: TextScanner | None = None
        self._found: dict[str, object] = {}
        self._header: Header | None = None

    @property
    def consumed(self) -> int:
        """Bytes of the file read so far (for progress)."""
        return self._scan.consumed if self._scan is not None else 0

    @property
    def surrogates(self) -> bool:
        """Whether the text read so far may hold a lone surrogate (it holds the escape of
        one): until then, no decoded text can."""
        return self._scan is not None and self._scan.surrogates

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def _restart(self) -> TextScanner:
        self.close()
        self._file = self._open()
        self._scan = TextScanner(self._file, self._chunk)
        return self._scan

    def header(self) -> Header:
        scan = self._restart()
        if scan.peek() != "{":
            self._refuse_other(scan)
        scan.pos += 1
        found = self._found
        first, tables_seen = True, False
        while (key := scan.key(first)) is not None:
            first = False
            if key != "tables":
                found[key] = scan.value()
            elif tables_seen:
                raise self._twice(scan)
            elif all(k in found for k in _HEADER_KEYS):
                self._header = _check_header(found)
                return self._header
            else:
                tables_seen = True
                for _batch in self._rows(scan):
                    pass
        self._header = _check_header(found)
        if not tables_seen:
            raise ImportFileError("This export holds no tables. Nothing was imported.", line=1)
        # The second pass: to the tables again.
        scan = self._restart()
        scan.expect("{", "'{'")
        first = True
        while (key := scan.key(first)) != "tables":
            if key is None:
                raise ImportFileError("This export changed while it was read. Nothing was "
                                      "imported.")
            first = False
            scan.value()
        return self._header

    @staticmethod
    def _refuse_other(scan: TextScanner) -> NoReturn:
        """Not an object, so not an export: the value is read only to tell a damaged file
    (a JSON error with its line) from another JSON document."""
        scan.value()
        raise ImportFileError(
            "This JSON file is not a CareerPivot full export (its \"format\" is not "
            "\"careerpivot\"). Nothing was imported.", line=1)

    @staticmethod
    def _twice(scan: TextScanner) -> ImportFileError:
        line = scan.line_at(scan.pos)
        return ImportFileError(f"Line {line}: this export holds its tables twice, so it is "
                               "damaged. Nothing was imported.", line=line)

    def tables(self) -> Iterator[Batch]:
        """Every table's rows, a batch at a time (after :meth:`header`)."""
        assert self._scan is not None and self._header is not None, "header() first"
        yield from self._rows(self._scan)

    def _rows(self, scan: TextScanner) -> Iterator[Batch]:
        if scan.peek() != "{":
            raise ImportFileError("This export holds no tables. Nothing was imported.", line=1)
        scan.pos += 1
        first = True
        seen: set[str] = set()
        size = self._batch
        while (name := scan.key(first)) is not None:
            first = False
            line = scan.key_line
            if name in seen:
                raise ImportFileError(
                    f"Line {line}: the table {name!r} appears twice in this export, so it is "
                    "damaged. Nothing was imported.", line=line)
            seen.add(name)
            if scan.peek() != "[":
                raise self._not_rows(name, line)
            scan.pos += 1
            yield Batch(name, line, 0, [], [])
            index, rows, lines = 0, [], []
            if scan.peek() == "]":
                scan.pos += 1
                continue
            while True:
                if scan.peek() != "{":
                    raise self._not_rows(name, scan.line_at(scan.pos))
                lines.append(scan.line_at(scan.pos))
                rows.append(scan.value())
                if len(rows) == size:
                    yield Batch(name, line, index, rows, lines)
                    index, rows, lines = index + size, [], []
                if scan.expect(",]", "',' delimiter") == "]":
                    break
            if rows:
                yield Batch(name, line, index, rows, lines)

    @staticmethod
    def _not_rows(name: str, line: int) -> ImportFileError:
        return ImportFileError(
            f"The table {name!r} of this export is not a list of rows. Nothing was "
            "imported.", line=line)

    def finish(self) -> None:
        """Read what follows the tables: the document must end there, and say nothing
        different about its format, version or schema."""
        scan = self._scan
        assert scan is not None and self._header is not None
        while (key := scan.key(False)) is not None:
            line = scan.line_at(scan.pos)
            value = scan.value()
            if key == "tables":
                raise self._twice(scan)
            if key in _HEADER_KEYS and self._found.get(key) != value:
                raise ImportFileError(
                    f"Line {line}: this export names its {key} twice, differently, so it is "
                    "damaged. Nothing was imported.", line=line)
        if not scan.at_end():
            raise scan.error("Extra data")
        self.close()


_TABLE_LINE = re.compile(r'^  ("(?:[^"\\]|\\.)*"): \[')


def locate(text: str | bytes, table: str, index: int) -> int | None:
    """The line of row ``index`` of ``table`` in a document laid out by
    :func:`write_document` (one row per line); None for another layout."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        m = _TABLE_LINE.match(line)
        if m and json.loads(m.group(1)) == table:
            target = number + 1 + index
            if target <= len(lines) and lines[target - 1].startswith("   {"):
                return target
            return number
    return None
