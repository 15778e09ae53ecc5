"""What every file format shares: decoding bytes into text with a clear message, the plain
contact record the importers produce, and line folding for vCard and iCalendar.

Formats work on plain values: no database, no Qt.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as _dt
import re

from careerpivot.core.errors import ImportFileError

#: Largest file an import reads (a phone's vCard export with photos can be large; the photos
#: are ignored, but the file must be read).
MAX_IMPORT_BYTES = 256 * 1024 * 1024


#: Labels address books add to every contact (Google's "myContacts", "starred"): not tags a
#: person chose, so imports leave them out.
SYSTEM_TAGS = frozenset({"mycontacts", "starred", "imported", "other contacts"})


def keep_tag(tag: str) -> bool:
    return bool(tag.strip()) and tag.strip().casefold() not in SYSTEM_TAGS


@dataclasses.dataclass(frozen=True)
class ContactRecord:
    """One contact as read from a file, before validation. ``line`` is the physical line (1-based)
    where it starts; ``problem`` is set when the record is broken (it is reported and refuses
    the file on the command line), ``skip`` when the file legitimately holds a record that is
    not a contact to import (it is skipped quietly)."""

    line: int
    name: str = ""
    organization: str = ""
    role: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    notes: str = ""
    how_met: str = ""
    tags: tuple[str, ...] = ()
    connected_on: _dt.date | None = None
    warnings: tuple[str, ...] = ()
    problem: str = ""
    skip: str = ""


def line_of(data: bytes | str, offset: int) -> int:
    """The 1-based line holding ``offset``."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline, 0, offset) + 1  # type: ignore[arg-type]


#: Control characters that text files do not hold (tab, line breaks, vertical tab, form feed
#: and the old end-of-file mark are allowed).
_BINARY = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _looks_binary(text: str) -> int | None:
    """The offset of the first character that only binary data holds, or None."""
    m = _BINARY.search(text)
    return m.start() if m else None


def decode_text(data: bytes, *, what: str = "This file") -> str:
    """Text from ``data``: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark.

    Anything else gets a message that names the line and says how to fix it; a file holding
    binary data is named as such. Line breaks are kept as they are.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"{what} is damaged: it starts as UTF-16 text but is not UTF-16 text "
                f"throughout (byte {exc.start:,}).",
            ) from None
        bad = _looks_binary(text)
        if bad is not None:
            line = line_of(text, bad)
            raise ImportFileError(
                f"{what} holds binary data (line {line}), not text.", line=line)
        return text
    nul = data.find(b"\x00")
    if nul >= 0:
        line = line_of(data, nul)
        raise ImportFileError(
            f"{what} holds binary data (line {line}), not text. Choose a .csv, .vcf or .json "
            "file exported by the other program.", line=line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = line_of(data, exc.start)
        how = ("in Excel choose \u201cCSV UTF-8\u201d, in other programs the encoding "
               "\u201cUTF-8\u201d" if "CSV" in what or "LinkedIn" in what
               else "choose the encoding \u201cUTF-8\u201d")
        raise ImportFileError(
            f"Line {line} is not UTF-8 text, so the file was not imported. Save it as UTF-8 "
            f"({how}) and import it again.", line=line) from None
    bad = _looks_binary(text)
    if bad is not None:
        line = line_of(text, bad)
        raise ImportFileError(f"{what} holds binary data (line {line}), not text.", line=line)
    return text


# --- line folding (RFC 5545 section 3.1, RFC 6350 section 3.2) --------------------------------


def fold(line: str, limit: int = 75) -> bytes:
    """One content line as UTF-8, folded so no physical line exceeds ``limit`` octets (line
    break excluded), never inside a character; continuation lines start with a space."""
    data = line.encode("utf-8")
    if len(data) <= limit:
        return data + b"\r\n"
    out = bytearray()
    start = 0
    width = limit
    while start < len(data):
        end = min(start + width, len(data))
        # Back up to the start of a character: UTF-8 continuation bytes are 0b10xxxxxx.
        while end < len(data) and end > start and (data[end] & 0xC0) == 0x80:
            end -= 1
        if out:
            out += b" "
        out += data[start:end] + b"\r\n"
        start = end
        width = limit - 1  # the leading space counts
    return bytes(out)


def split_lines(text: str) -> list[str]:
    """Physical lines, split at CRLF, LF or CR only (``str.splitlines`` also splits at form
    feeds and Unicode separators that may sit inside a value)."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def unfold_lines(text: str) -> list[tuple[int, str]]:
    """Logical lines with the physical line each starts on: a line that begins with a space
    or tab continues the one before it (the line break and that one character go)."""
    logical: list[tuple[int, str]] = []
    for number, raw in enumerate(split_lines(text), start=1):
        if raw[:1] in (" ", "\t") and logical:
            first, previous = logical[-1]
            logical[-1] = (first, previous + raw[1:])
        else:
            logical.append((number, raw))
    return logical
