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
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import BinaryIO

from careerpivot.core.errors import ImportFileError
from careerpivot.formats.common import decode_text

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
    """Parse and check the envelope (format, version, tables). Rows are checked by the
    service, which knows the schema."""
    text = decode_text(data, what="This JSON file")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"Line {exc.lineno} is not valid JSON ({exc.msg}, column {exc.colno}): the file "
            "may be truncated or damaged. Nothing was imported.", line=exc.lineno) from None
    except RecursionError:
        raise ImportFileError("This JSON file is nested too deeply to be a CareerPivot "
                              "export. Nothing was imported.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportFileError(
            "This JSON file is not a CareerPivot full export (its \"format\" is not "
            "\"careerpivot\"). Nothing was imported.", line=1)
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportFileError("This export has no valid format version. Nothing was imported.",
                              line=1)
    if version > VERSION:
        raise ImportFileError(
            f"This export was written by a newer version of CareerPivot (format version "
            f"{version}). Install the newer version to import it. Nothing was imported.",
            line=1)
    schema = doc.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ImportFileError("This export does not say which schema its rows follow. "
                              "Nothing was imported.", line=1)
    tables = doc.get("tables")
    if not isinstance(tables, dict):
        raise ImportFileError("This export holds no tables. Nothing was imported.", line=1)
    for name, rows in tables.items():
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ImportFileError(
                f"The table {name!r} of this export is not a list of rows. Nothing was "
                "imported.", line=locate(text, name, 0))
    return Document(version=version, schema=schema, tables=tables,
                    exported_at=str(doc.get("exported_at", "")),
                    application=str(doc.get("application", "")))


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
