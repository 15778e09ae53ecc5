"""Reading the documents' PDFs back, for the tests of the reports: the text of each page, the
fonts, and where each word stands.

Word positions are read from the PDF's content streams: a small interpreter of the operators
ReportLab writes (Tm, Td, TD, T*, Tf, TL, Tc, Tj, TJ, cm, q, Q, and Do for the forms that hold
the page labels) gives each shown string's start and end on the page, its width from the
font's own /Widths, its size and its font."""

from __future__ import annotations

import dataclasses
import io
import re

import pypdf
from pypdf.generic import ContentStream

from careerpivot.reports import base, styles


@dataclasses.dataclass(frozen=True)
class Run:
    page: int
    text: str
    x0: float
    x1: float
    y: float
    size: float = 0.0  # points
    font: str = ""  # the base font's name, as "/AAAAAA+CPSans-Bold"


def _mul(a: tuple, b: tuple) -> tuple:
    """The product of two PDF matrices (a, b, c, d, e, f)."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


_BFCHAR = re.compile(rb"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]+)>")


def _font(font) -> tuple[int, list[float], dict[int, str], str]:
    """A font's first code, its widths, the text of each code (its ToUnicode map), and its
    name."""
    font = font.get_object()
    text: dict[int, str] = {}
    if "/ToUnicode" in font:
        cmap = font["/ToUnicode"].get_object().get_data()
        for code, hexa in _BFCHAR.findall(cmap):
            text[int(code, 16)] = bytes.fromhex(hexa.decode()).decode("utf-16-be", "replace")
    return (int(font.get("/FirstChar", 0)), [float(w) for w in font.get("/Widths", [])],
            text, str(font.get("/BaseFont", "")))


def _show(stream, resources, reader, page: int, ctm: tuple, found: list[Run],
          clip: tuple[float, float, float, float] | None = None) -> None:
    """The strings ``stream`` shows, followed into the forms it draws (``Do``); a string
    outside a form's box (``clip``, on the page) is not seen, so it is not reported."""
    fonts = resources.get("/Font", {})
    forms = resources.get("/XObject", {})
    stack: list[tuple] = []
    tm = tlm = (1, 0, 0, 1, 0, 0)
    font, size, leading, char_space = None, 0.0, 0.0, 0.0
    for operands, op in ContentStream(stream, reader).operations:
        if op == b"q":
            stack.append((ctm, font, size, leading, char_space))
        elif op == b"Q":
            ctm, font, size, leading, char_space = stack.pop()
        elif op == b"cm":
            ctm = _mul(tuple(float(v) for v in operands), ctm)
        elif op == b"Do":
            form = forms[operands[0]].get_object()
            matrix = _mul(tuple(float(v) for v in form.get("/Matrix", (1, 0, 0, 1, 0, 0))),
                          ctm)
            x0, y0, x1, y1 = (float(v) for v in form["/BBox"])
            box = (x0 + matrix[4], y0 + matrix[5], x1 + matrix[4], y1 + matrix[5])
            _show(form, form.get("/Resources", resources), reader, page, matrix, found, box)
        elif op == b"BT":
            tm = tlm = (1, 0, 0, 1, 0, 0)
        elif op == b"Tf":
            font, size = _font(fonts[operands[0]]), float(operands[1])
        elif op == b"TL":
            leading = float(operands[0])
        elif op == b"Tc":
            char_space = float(operands[0])
        elif op == b"Tm":
            tm = tlm = tuple(float(v) for v in operands)
        elif op in (b"Td", b"TD"):
            if op == b"TD":
                leading = -float(operands[1])
            tm = tlm = _mul((1, 0, 0, 1, float(operands[0]), float(operands[1])), tlm)
        elif op == b"T*":
            tm = tlm = _mul((1, 0, 0, 1, 0, -leading), tlm)
        elif op in (b"Tj", b"TJ", b"'", b'"'):
            if op in (b"'", b'"'):
                tm = tlm = _mul((1, 0, 0, 1, 0, -leading), tlm)
            parts = operands[0] if op == b"TJ" else [operands[-1]]
            start = _mul(tm, ctm)
            advance = 0.0
            text = []
            first, widths, chars, name = font
            for part in parts:
                if not isinstance(part, (bytes, str)):  # a TJ adjustment
                    advance -= float(part) / 1000 * size
                    continue
                raw = part.original_bytes if hasattr(part, "original_bytes") else bytes(part)
                for code in raw:
                    index = code - first
                    w = widths[index] if 0 <= index < len(widths) else 0.0
                    advance += w / 1000 * size + char_space
                    text.append(chars.get(code, chr(code)))
            tm = _mul((1, 0, 0, 1, advance, 0), tm)
            end = _mul(tm, ctm)
            if clip is None or (clip[0] <= start[4] and end[4] <= clip[2]
                                and clip[1] <= start[5] <= clip[3]):
                found.append(Run(page, "".join(text), start[4], end[4], start[5],
                                 size * abs(start[0]), name))


def runs(data: bytes) -> list[Run]:
    """Every string shown on every page, with where it starts and ends (points)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found: list[Run] = []
    for number, page in enumerate(reader.pages, 1):
        _show(page.get_contents(), page["/Resources"], reader, number, (1, 0, 0, 1, 0, 0),
              found)
    return found


def outside_margins(data: bytes, page_size: str) -> list[Run]:
    """The strings that run into the side margins, or above the top margin, or below the
    footer's line."""
    width, height = styles.PAGE_SIZES[page_size]
    tolerance = 0.5
    return [r for r in runs(data)
            if r.x0 < base.MARGIN_X - tolerance or r.x1 > width - base.MARGIN_X + tolerance
            or r.y > height - base.MARGIN_TOP + tolerance or r.y < 10 * styles.MM]


def pages_text(data: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def assert_numbered(data: bytes) -> int:
    texts = pages_text(data)
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {len(texts)}" in text, (number, text[:80])
    return len(texts)


def norm(text: str) -> str:
    return " ".join(text.split())


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def text_of(data: bytes) -> tuple[int, str]:
    """The number of pages, and the text of them all with its white space folded."""
    pages = reader(data).pages
    return len(pages), norm(" ".join(p.extract_text() for p in pages))


def assert_fonts_embedded(data: bytes) -> set[str]:
    """Every font of every page is embedded, and no Helvetica is referenced; returns the
    base font names."""
    names: set[str] = set()
    for page in reader(data).pages:
        for ref in page.get("/Resources", {}).get("/Font", {}).values():
            font = ref.get_object()
            names.add(str(font.get("/BaseFont")))
            descendants = font.get("/DescendantFonts")
            for part in ([d.get_object() for d in descendants] if descendants else [font]):
                descriptor = part.get("/FontDescriptor")
                assert descriptor is not None, f"{font.get('/BaseFont')} has no descriptor"
                descriptor = descriptor.get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), \
                    f"{font.get('/BaseFont')} is not embedded"
    assert not any("Helvetica" in n for n in names), names
    assert b"/Helvetica" not in data
    return names
