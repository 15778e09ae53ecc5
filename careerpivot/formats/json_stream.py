"""Reading a large JSON document a value at a time: :class:`TextScanner` decodes a binary
file a chunk at a time and hands out one JSON value, key or separator after another, with the
line each starts on, so a reader can walk the outer structure itself and parse only the small
values inside it (the rows of a table) with the standard library's decoder. The text held is
the current chunk and at most one value beyond it, never the whole document.

Errors are ImportFileErrors that name the line and column, as ``json.loads`` would.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import BinaryIO

from careerpivot.core.errors import ImportFileError

#: Bytes read from the file at a time.
CHUNK = 1 << 20

#: JSON's whitespace (the decoder's own definition).
_WS = re.compile(r"[ \t\n\r]*")
#: A JSON escape of a UTF-16 surrogate: only through one can a decoded text hold a lone one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_DECODER = json.JSONDecoder()


def syntax_error(message: str, line: int, column: int) -> ImportFileError:
    return ImportFileError(
        f"Line {line} is not valid JSON ({message}, column {column}): the file may be "
        "truncated or damaged. Nothing was imported.", line=line)


def nested_error() -> ImportFileError:
    return ImportFileError("This JSON file is nested too deeply to be a CareerPivot export. "
                           "Nothing was imported.")


class TextScanner:
    """The text of ``raw`` (UTF-8, with or without a byte-order mark, or UTF-16 with its
    mark), scanned from the front. ``pos`` indexes ``buf``, which holds the text from some
    point before ``pos`` to the end of what was read so far."""

    def __init__(self, raw: BinaryIO, chunk: int | None = None) -> None:
        self._raw = raw
        self._chunk = chunk or CHUNK
        self._decoder: codecs.IncrementalDecoder | None = None
        self._utf16 = False
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.consumed = 0  # bytes read from ``raw``
        #: True once the text read so far holds a surrogate's escape (``\\uD800``…).
        self.surrogates = False
        self._tail = ""
        self._line0 = 1  # the line of buf[0]
        self._column0 = 0  # its column, counted from 0
        self._mark = 0  # line_at's memory: buf[_mark] is on line _mark_line
        self._mark_line = 1
        self.key_line = 1  # where the last key read begins

    # --- the text ------------------------------------------------------------------------

    def _start(self, data: bytes) -> bytes:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            self._decoder = codecs.getincrementaldecoder("utf-16")("strict")
            self._utf16 = True
            return data
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        return data[3:] if data.startswith(codecs.BOM_UTF8) else data

    def fill(self, at_least: int = 0) -> None:
        """Read more text (at least ``at_least`` bytes, when more are left); drops the text
        before ``pos``."""
        if self.eof:
            return
        if self.pos:
            dropped = self.buf[:self.pos]
            newlines = dropped.count("\n")
            if newlines:
                self._line0 += newlines
                self._column0 = len(dropped) - dropped.rfind("\n") - 1
            else:
                self._column0 += len(dropped)
            self.buf = self.buf[self.pos:]
            del dropped
            self.pos = 0
            self._mark, self._mark_line = 0, self._line0
        try:
            data = self._raw.read(max(self._chunk, at_least))
        except OSError as exc:
            raise ImportFileError(f"The file could not be read to its end ({exc.strerror}). "
                                  "Nothing was imported.") from None
        self.consumed += len(data)
        first = self._decoder is None
        if first:
            data = self._start(data)
        assert self._decoder is not None
        try:
            text = self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            line = self.line_at(len(self.buf))
            if not self._utf16:
                line += data.count(b"\n", 0, exc.start)
            raise ImportFileError(
                f"Line {line} of this file is not UTF-8 text: it is not a CareerPivot export "
                "as written, or it was damaged. Nothing was imported.", line=line) from None
        if not data:
            self.eof = True
        if not self.surrogates and (_SURROGATE_ESCAPE.search(self._tail + text[:5])
                                    or _SURROGATE_ESCAPE.search(text)):
            self.surrogates = True
        self._tail = text[-5:]
        self.buf = self.buf + text if self.buf else text

    def line_at(self, pos: int) -> int:
        """The 1-based line of ``buf[pos]``."""
        if pos < self._mark:
            self._mark, self._mark_line = 0, self._line0
        self._mark_line += self.buf.count("\n", self._mark, pos)
        self._mark = pos
        return self._mark_line

    def column_at(self, pos: int) -> int:
        """The 1-based column of ``buf[pos]``."""
        last = self.buf.rfind("\n", 0, pos)
        return pos - last if last >= 0 else self._column0 + pos + 1

    def error(self, message: str, pos: int | None = None) -> ImportFileError:
        at = self.pos if pos is None else pos
        return syntax_error(message, self.line_at(at), self.column_at(at))

    # --- tokens --------------------------------------------------------------------------

    def peek(self) -> str:
        """The next character that is not whitespace ("" at the end of the text)."""
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if self.eof:
                return ""
            self.fill()

    def expect(self, chars: str, what: str) -> str:
        """The next character, one of ``chars``; otherwise an error "Expecting ``what``"."""
        char = self.peek()
        if not char or char not in chars:
            raise self.error(f"Expecting {what}")
        self.pos += 1
        return char

    def value(self) -> object:
        """The next JSON value, decoded."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if not self.eof and (exc.msg.startswith("Unterminated string")
                                     or exc.pos >= len(self.buf) - 16):
                    # The value goes on beyond what was read: read at least as much again.
                    self.fill(len(self.buf) - self.pos)
                    continue
                raise self.error(exc.msg, exc.pos) from None
            except RecursionError:
                raise nested_error() from None
            except ValueError as exc:  # an integer of more digits than Python converts
                raise self.error(str(exc).split(":")[0]) from None
            if end == len(self.buf) and not self.eof:
                self.fill(len(self.buf) - self.pos)  # a number may go on in the next chunk
                continue
            self.pos = end
            return value

    def key(self, first: bool) -> str | None:
        """The next key of an object whose ``{`` was read (``first``: no key read yet), its
        ``:`` read too; None at the object's ``}``."""
        char = self.peek()
        if char == "}":
            self.pos += 1
            return None
        if not first:
            self.expect(",", "',' delimiter")
            self.peek()
        if self.peek() != '"':
            raise self.error("Expecting property name enclosed in double quotes")
        self.key_line = self.line_at(self.pos)
        name = self.value()
        self.expect(":", "':' delimiter")
        return name  # type: ignore[return-value]

    def at_end(self) -> bool:
        return self.peek() == ""
