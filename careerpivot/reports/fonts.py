"""The bundled fonts, and text turned into ReportLab paragraph markup that prints in them.

* **DejaVu Sans** (regular, bold, oblique; Bitstream Vera licence, DejaVu changes public
  domain) is the family of every document: Latin with every accent, Greek, Cyrillic, Arabic,
  Hebrew, Armenian, Georgian, many symbols and monochrome emoticons.
* **Droid Sans Fallback** (Apache 2.0; TrueType outlines, which ReportLab can embed — the Noto
  CJK fonts are CFF OpenType, which it cannot) covers Chinese, Japanese and Korean. It is
  registered only the first time a text needs it (parsing its 3.4 MB costs about 100 ms).

ReportLab has no font fallback of its own, so :func:`markup` splits a text into runs by the
font that has each character and wraps the runs DejaVu lacks in ``<font face=...>``.

Right-to-left text: ReportLab's bidi support needs the ``rlbidi`` package and its shaping the
``uharfbuzz`` package. Without them, Arabic would print as unjoined letters in reverse order.
So :func:`visual_order` does the essential part itself: Arabic letters take their joined
(presentation) forms, including the lam-alef ligatures, and each right-to-left run is put in
visual order (numbers inside it stay left-to-right, brackets are mirrored). This is exact for a
right-to-left run that fits on one line (names, titles, skills, organizations); a right-to-left
sentence long enough to wrap is broken into lines from the wrong end. Marks are kept with their
letter; contextual forms beyond Unicode's presentation forms (Urdu Nastaliq, complex Indic
scripts) are out of reach without a shaping engine.

Emoji and other characters beyond U+FFFF print (DejaVu has the monochrome emoticons) and, with
the corrected ToUnicode map installed by :func:`ensure_registered`, copy and search correctly.
CJK text set in bold prints in the regular weight: Droid Sans Fallback has no bold.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from importlib import resources
from xml.sax.saxutils import escape

from careerpivot.reports import styles

FONT_FILES = {
    styles.SANS: "DejaVuSans.ttf",
    styles.SANS_BOLD: "DejaVuSans-Bold.ttf",
    styles.SANS_ITALIC: "DejaVuSans-Oblique.ttf",
}
FALLBACK_FILE = "DroidSansFallback.ttf"
LICENCE_FILES = ("LICENSE-DejaVu.txt", "LICENSE-DroidSansFallback.txt")

_lock = threading.Lock()
_state: dict[str, object] = {"main": None, "fallback": None}


def font_resource(name: str):
    """A Traversable for a bundled font or licence file."""
    return resources.files("careerpivot").joinpath("resources", "fonts", name)


def _register(name: str, filename: str):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with resources.as_file(font_resource(filename)) as path:
        font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    return font


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF (emoji, rare CJK) written as
    UTF-16 surrogate pairs as the PDF standard requires: ReportLab 5.1 writes them as odd-length
    hex, so they could not be copied or searched in the PDF."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]
    return "\n".join(lines)


def ensure_registered() -> None:
    """Register the main family once (thread-safe)."""
    if _state["main"] is not None:
        return
    with _lock:
        if _state["main"] is not None:
            return
        from reportlab.pdfbase import ttfonts
        from reportlab.pdfbase.pdfmetrics import registerFontFamily

        ttfonts.makeToUnicodeCMap = _to_unicode_cmap

        fonts = {name: _register(name, file) for name, file in FONT_FILES.items()}
        registerFontFamily(styles.SANS, normal=styles.SANS, bold=styles.SANS_BOLD,
                           italic=styles.SANS_ITALIC, boldItalic=styles.SANS_BOLD)
        _state["main_cmap"] = fonts[styles.SANS].face.charToGlyph
        _state["main"] = fonts


def ensure_fallback() -> None:
    """Register the CJK fallback font once (thread-safe)."""
    ensure_registered()
    if _state["fallback"] is not None:
        return
    with _lock:
        if _state["fallback"] is not None:
            return
        from reportlab.pdfbase.pdfmetrics import registerFontFamily

        font = _register(styles.FALLBACK, FALLBACK_FILE)
        registerFontFamily(styles.FALLBACK, normal=styles.FALLBACK, bold=styles.FALLBACK,
                           italic=styles.FALLBACK, boldItalic=styles.FALLBACK)
        _state["fallback_cmap"] = font.face.charToGlyph
        _state["fallback"] = font


def _main_has(cp: int) -> bool:
    return cp in _state["main_cmap"]  # type: ignore[operator]


# --- right-to-left --------------------------------------------------------------------------

_FORM_TAGS = ("isolated", "final", "initial", "medial")
_TATWEEL = "\u0640"
_LAM = "\u0644"
_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")


@functools.cache
def _arabic_tables() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Presentation forms from Unicode's own decompositions: {letter: {form: char}} and the
    lam-alef ligatures {alef: {form: char}}."""
    forms: dict[str, dict[str, str]] = {}
    lam_alef: dict[str, dict[str, str]] = {}
    for cp in [*range(0xFE70, 0xFF00), *range(0xFB50, 0xFE00)]:
        decomposition = unicodedata.decomposition(chr(cp)).split()
        if len(decomposition) < 2:
            continue
        tag = decomposition[0].strip("<>")
        if tag not in _FORM_TAGS:
            continue
        chars = [chr(int(x, 16)) for x in decomposition[1:]]
        if len(chars) == 1:
            forms.setdefault(chars[0], {}).setdefault(tag, chr(cp))
        elif len(chars) == 2 and chars[0] == _LAM:
            lam_alef.setdefault(chars[1], {}).setdefault(tag, chr(cp))
    return forms, lam_alef


def _is_transparent(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me", "Cf") and ch != "\u200d"


def _joins_forward(ch: str, forms: dict[str, dict[str, str]]) -> bool:
    """True when ``ch`` connects to the letter after it (dual-joining)."""
    if ch == _TATWEEL:
        return True
    f = forms.get(ch)
    return bool(f) and ("initial" in f or "medial" in f)


def _joins(ch: str, forms: dict[str, dict[str, str]]) -> bool:
    return ch == _TATWEEL or ch in forms


def shape_arabic(text: str) -> str:
    """Arabic letters replaced by their contextual presentation forms (logical order kept)."""
    forms, lam_alef = _arabic_tables()
    letters = [i for i, ch in enumerate(text) if not _is_transparent(ch)]
    out: list[str] = [text[: letters[0]] if letters else text]
    skip: set[int] = set()
    for pos, i in enumerate(letters):
        if i in skip:
            continue
        ch = text[i]
        prev_ch = text[letters[pos - 1]] if pos > 0 else ""
        next_i = letters[pos + 1] if pos + 1 < len(letters) else None
        next_ch = text[next_i] if next_i is not None else ""
        joins_prev = bool(prev_ch) and _joins_forward(prev_ch, forms) and _joins(ch, forms)
        if ch == _LAM and next_ch in lam_alef and next_i is not None:
            glyph = lam_alef[next_ch].get("final" if joins_prev else "isolated")
            if glyph and _main_has_safe(glyph):
                out.append(glyph + text[i + 1:next_i] + _marks_after(text, next_i))
                skip.add(next_i)
                continue
        joins_next = bool(next_ch) and _joins_forward(ch, forms) and _joins(next_ch, forms)
        if ch in forms:
            form = {(True, True): "medial", (True, False): "final",
                    (False, True): "initial", (False, False): "isolated"}[
                (joins_prev, joins_next)]
            glyph = forms[ch].get(form) or forms[ch].get("isolated") or ch
            out.append(glyph if _main_has_safe(glyph) else ch)
        else:
            out.append(ch)
        out.append(_marks_after(text, i))
    return "".join(out)


def _marks_after(text: str, i: int) -> str:
    j = i + 1
    while j < len(text) and _is_transparent(text[j]):
        j += 1
    return text[i + 1:j]


def _main_has_safe(ch: str) -> bool:
    cmap = _state.get("main_cmap")
    return True if cmap is None else ord(ch) in cmap  # type: ignore[operator]


def _bidi_class(ch: str) -> str:
    b = unicodedata.bidirectional(ch)
    if b in ("R", "AL"):
        return "R"
    if b == "L":
        return "L"
    if b in ("EN", "AN"):
        return "D"
    if b == "NSM":
        return "M"
    return "N"


_RTL_RUN = re.compile(r"R[RMD]*(?:[NM]+[RMD]*R[RMD]*)*|R")
_TOKEN = re.compile(r"D(?:[N]?D)*|[^D]M*")


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def visual_order(text: str) -> str:
    """Right-to-left runs shaped and reversed into visual order (see the module docstring)."""
    if not _has_rtl(text):
        return text
    classes = "".join(_bidi_class(ch) for ch in text)
    out: list[str] = []
    last = 0
    for m in _RTL_RUN.finditer(classes):
        out.append(text[last:m.start()])
        shaped = shape_arabic(text[m.start():m.end()])
        out.append("".join(reversed(_clusters(shaped))).translate(_MIRROR))
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def _clusters(text: str) -> list[str]:
    """Base characters with their following marks; digit sequences stay whole."""
    classes = "".join(_bidi_class(ch) for ch in text)
    return [text[t.start():t.end()] for t in _TOKEN.finditer(classes)]


# --- markup ---------------------------------------------------------------------------------


def _needs_fallback(text: str) -> bool:
    return any(not _main_has(ord(ch)) for ch in text if ord(ch) > 0x2FF)


def markup(text: str) -> str:
    """Escape ``text`` for a ReportLab Paragraph, put right-to-left runs in visual order and
    wrap the runs DejaVu Sans lacks in the fallback font. Line breaks become ``<br/>``."""
    ensure_registered()
    text = visual_order(text)
    if text.isascii() or not _needs_fallback(text):
        return _escape(text)
    ensure_fallback()
    fallback_cmap = _state["fallback_cmap"]
    parts: list[str] = []
    run: list[str] = []
    run_fallback = False
    for ch in text:
        cp = ord(ch)
        use_fallback = (cp > 0x2FF and not _main_has(cp) and cp in fallback_cmap)  # type: ignore[operator]
        if ch in " \n":
            use_fallback = run_fallback  # spaces join the current run
        if use_fallback != run_fallback and run:
            parts.append(_wrap("".join(run), run_fallback))
            run = []
        run_fallback = use_fallback
        run.append(ch)
    if run:
        parts.append(_wrap("".join(run), run_fallback))
    return "".join(parts)


def _escape(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _wrap(text: str, fallback: bool) -> str:
    body = _escape(text)
    return f'<font face="{styles.FALLBACK}">{body}</font>' if fallback else body


def coverage(text: str) -> set[str]:
    """The characters of ``text`` that no bundled font has (they would print as boxes)."""
    ensure_registered()
    missing = {ch for ch in text if ord(ch) > 0x2FF and not _main_has(ord(ch))}
    if not missing:
        return set()
    ensure_fallback()
    fallback_cmap = _state["fallback_cmap"]
    return {ch for ch in missing if ord(ch) not in fallback_cmap  # type: ignore[operator]
            and unicodedata.category(ch) not in ("Cf", "Cc", "Zs")}
