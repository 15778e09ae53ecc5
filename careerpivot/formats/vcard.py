"""vCard (.vcf) in and out: versions 2.1, 3.0 and 4.0 as phones and mail programs write them.

Reading works on bytes, because vCard 2.1 (Outlook, older phones) gives each value its own
``CHARSET`` and ``ENCODING=QUOTED-PRINTABLE`` with soft line breaks; 3.0 and 4.0 are UTF-8
with folded lines (CRLF followed by a space or tab). Several cards per file; photos, logos,
sounds and keys are skipped.

Writing produces vCard 3.0 by default: it is what iPhone/macOS Contacts, Google Contacts,
Outlook and Thunderbird all import (Outlook does not read 4.0, and Google Contacts reads 4.0
only partly). 4.0 is available for programs that prefer it. Lines are folded at 75 octets,
never inside a character, and text is escaped as RFC 6350 says.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as _dt
import quopri
import re
from collections.abc import Callable, Iterable

from careerpivot.core.errors import ImportFileError
from careerpivot.formats.common import ContactRecord, fold, keep_tag, line_of

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_NAME = re.compile(rb"[A-Za-z0-9\-.]+")


@dataclasses.dataclass
class Property:
    name: str  # upper case, group removed
    params: dict[str, list[str]]  # upper-case keys; TYPE values upper case
    value: str  # decoded, still escaped
    line: int
    group: str = ""


@dataclasses.dataclass
class Card:
    line: int
    version: str = ""
    properties: list[Property] = dataclasses.field(default_factory=list)
    problem: str = ""

    def all(self, name: str) -> list[Property]:
        return [p for p in self.properties if p.name == name]

    def first(self, name: str) -> str:
        found = self.all(name)
        return found[0].value if found else ""


# --- reading ---------------------------------------------------------------------------------


def _to_bytes(data: bytes | str) -> bytes:
    if isinstance(data, str):
        return data.encode("utf-8", "surrogatepass")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise ImportFileError(
                "This vCard file is damaged: it starts as UTF-16 text but is not UTF-16 "
                "throughout.") from None
    if data.startswith(codecs.BOM_UTF8):
        return data[3:]
    return data


def _split_unquoted(text: str, sep: str) -> list[str]:
    """Split at ``sep`` outside double quotes."""
    parts, current, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _parse_head(head: bytes) -> tuple[str, str, dict[str, list[str]]]:
    """``group.NAME;PARAM=VALUE;...`` into (group, NAME, params)."""
    pieces = _split_unquoted(head.decode("utf-8", "replace"), ";")
    group, _, name = pieces[0].strip().rpartition(".")
    params: dict[str, list[str]] = {}
    for piece in pieces[1:]:
        key, eq, value = piece.strip().partition("=")
        if not key:
            continue
        if not eq:  # vCard 2.1 bare parameter: a type or an encoding
            bare = key.upper()
            kind = "ENCODING" if bare in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B") \
                else "TYPE"
            params.setdefault(kind, []).append(bare)
            continue
        key = key.strip().upper()
        values = [v.strip().strip('"') for v in _split_unquoted(value, ",")]
        if key == "TYPE":
            values = [v.upper() for v in values]
        params.setdefault(key, []).extend(values)
    return group, name.upper(), params


def _encodings(params: dict[str, list[str]]) -> set[str]:
    return {v.upper() for v in params.get("ENCODING", [])}


def _decode_value(raw: bytes, params: dict[str, list[str]], line: int,
                  fallback: str | None) -> str:
    if "QUOTED-PRINTABLE" in _encodings(params):
        raw = quopri.decodestring(raw)
    declared = (params.get("CHARSET") or [""])[0].strip()
    charset = declared or "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        raise ImportFileError(
            f"Line {line} uses the character set {charset!r}, which is not known, so the file "
            "was not imported.", line=line) from None
    try:
        return raw.decode(charset)
    except UnicodeDecodeError:
        if not declared and fallback:
            return raw.decode(fallback, "replace")
        raise ImportFileError(
            f"Line {line} is not {charset} text, so the file was not imported. Export the "
            "contacts again as vCard with UTF-8.", line=line) from None


def _logical_lines(data: bytes) -> list[tuple[int, bytes]]:
    """Unfold (a line break followed by a space or tab) and join quoted-printable soft line
    breaks (``=`` at the end of a line)."""
    physical = _LINE_BREAK.split(data)
    if physical and physical[-1] == b"":
        physical.pop()
    logical: list[tuple[int, bytes]] = []
    qp_open = False
    for number, raw in enumerate(physical, start=1):
        if logical and qp_open:
            first, previous = logical[-1]
            logical[-1] = (first, previous[:-1] + raw)
        elif logical and raw[:1] in (b" ", b"\t"):
            first, previous = logical[-1]
            logical[-1] = (first, previous + raw[1:])
        else:
            logical.append((number, raw))
        current = logical[-1][1]
        head, colon, _value = current.partition(b":")
        qp_open = bool(colon) and b"QUOTED-PRINTABLE" in head.upper() and current.endswith(b"=")
    return logical


#: Properties the import reads; everything else (addresses, birthdays, photos...) is skipped
#: without being decoded.
_USED = frozenset({"FN", "N", "ORG", "TITLE", "ROLE", "EMAIL", "TEL", "URL", "NOTE",
                   "CATEGORIES", "X-SOCIALPROFILE", "UID", "REV"})


def parse_cards(data: bytes | str,
                progress: Callable[[int, int], None] | None = None) -> list[Card]:
    """Every card of the file with its properties (values decoded, escapes kept)."""
    data = _to_bytes(data)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = line_of(data, nul)
        raise ImportFileError(f"This file holds binary data (line {line}), not vCard text.",
                              line=line)
    lines = _logical_lines(data)
    cards: list[Card] = []
    card: Card | None = None
    depth = 0
    binary_value = False
    total = len(lines)
    for n, (number, raw) in enumerate(lines, start=1):
        if progress is not None and n % 2000 == 0:
            progress(n, total)
        stripped = raw.strip()
        if not stripped:
            binary_value = False  # vCard 2.1 ends a base64 value with a blank line
            continue
        upper = stripped.upper()
        if upper == b"BEGIN:VCARD":
            if card is not None:
                depth += 1  # a card inside a card (vCard 2.1 AGENT): skipped
            else:
                card = Card(line=number)
            continue
        if upper == b"END:VCARD":
            if card is None:
                raise ImportFileError(
                    f"Line {number} ends a contact that never began (END:VCARD without "
                    "BEGIN:VCARD).", line=number)
            if depth:
                depth -= 1
            else:
                cards.append(card)
                card = None
            binary_value = False
            continue
        if card is None:
            if not cards:
                raise ImportFileError(
                    "This is not a vCard file: it does not begin with BEGIN:VCARD. Export the "
                    "contacts as vCard (.vcf) and import that file.", line=number)
            continue  # text between cards (some programs write a trailer): ignored
        if depth:
            continue
        head, colon, value = raw.partition(b":")
        if not colon or not _NAME.fullmatch(head.split(b";", 1)[0].strip()):
            if not binary_value and not card.problem:
                card.problem = f"line {number} is not a vCard property"
            continue
        group, name, params = _parse_head(head)
        binary_value = bool(_encodings(params) & {"BASE64", "B"})
        if name == "VERSION":
            card.version = value.decode("ascii", "replace").strip()
            continue
        if name not in _USED:
            continue
        fallback = "cp1252" if card.version == "2.1" else None
        text = _decode_value(value, params, number, fallback)
        card.properties.append(Property(name, params, text, number, group.upper()))
    if card is not None:
        raise ImportFileError(
            f"The contact that begins on line {card.line} is not complete (END:VCARD is "
            "missing): the file may be truncated. It was not imported.", line=card.line)
    if not cards:
        raise ImportFileError("This vCard file holds no contacts.")
    return cards


def unescape(text: str) -> str:
    r"""``\n`` → line break, ``\,`` → ``,``, ``\;`` → ``;``, ``\\`` → ``\``."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text,
                  flags=re.DOTALL)


def split_structured(text: str, sep: str = ";") -> list[str]:
    """Components of a structured value (N, ORG), split at unescaped separators."""
    parts, current, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append(unescape("".join(current)))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append(unescape("".join(current)))
    return parts


def _preferred(props: list[Property]) -> list[Property]:
    def rank(p: Property) -> int:
        types = {t.upper() for t in p.params.get("TYPE", [])}
        pref = "PREF" in types or bool(p.params.get("PREF"))
        return 0 if pref else 1
    return sorted(props, key=rank)


def _clean_tel(text: str) -> str:
    text = text.strip()
    return text[4:] if text.lower().startswith("tel:") else text


def to_record(card: Card) -> ContactRecord:
    """A card as a contact record: FN (or the parts of N) as the name, the first ORG component
    as the organization, TITLE (or ROLE) as the role, e-mails, phones and web addresses with
    the preferred ones first, NOTE and CATEGORIES."""
    name = unescape(card.first("FN")).strip()
    if not name and card.all("N"):
        parts = split_structured(card.first("N")) + [""] * 5
        family, given, additional = parts[0], parts[1], parts[2]
        name = " ".join(p.strip() for p in (given, additional, family) if p.strip())
    organization = ""
    if card.all("ORG"):
        organization = split_structured(card.first("ORG"))[0].strip()
    role = unescape(card.first("TITLE") or card.first("ROLE")).strip()
    emails = tuple(unescape(p.value).strip() for p in _preferred(card.all("EMAIL"))
                   if p.value.strip())
    phones = tuple(_clean_tel(unescape(p.value)) for p in _preferred(card.all("TEL"))
                   if p.value.strip())
    urls = [unescape(p.value).strip() for p in _preferred(card.all("URL")) if p.value.strip()]
    for p in card.all("X-SOCIALPROFILE"):
        value = unescape(p.value).strip()
        if value.startswith("http") or "linkedin" in value.lower():
            urls.append(value)
    # A LinkedIn profile is the profile link the app wants first.
    urls.sort(key=lambda u: 0 if "linkedin.com/" in u.lower() else 1)
    notes = "\n".join(unescape(p.value).strip() for p in card.all("NOTE") if p.value.strip())
    tags: list[str] = []
    for p in card.all("CATEGORIES"):
        tags.extend(t.strip() for t in split_structured(p.value, ",") if keep_tag(t))
    problem = card.problem
    if not name and not problem:
        problem = "no name (neither FN nor N is filled in)"
    return ContactRecord(
        line=card.line, name=name, organization=organization, role=role, emails=emails,
        phones=phones, urls=tuple(dict.fromkeys(urls)), notes=notes, tags=tuple(tags),
        problem=problem,
    )


def parse_vcards(data: bytes | str,
                 progress: Callable[[int, int], None] | None = None) -> list[ContactRecord]:
    return [to_record(card) for card in parse_cards(data, progress)]


def looks_like_vcard(text_start: bytes) -> bool:
    head = _to_bytes(text_start[:4096]).lstrip().upper()
    return head.startswith(b"BEGIN:VCARD")


# --- writing ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class VCardContact:
    uid: str  # "urn:uuid:..."; stable, so a re-import updates instead of duplicating
    name: str
    organization: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    note: str = ""
    categories: tuple[str, ...] = ()
    revised: _dt.datetime | None = None  # UTC


def escape(text: str) -> str:
    """A text value escaped for vCard 3.0/4.0 (backslash, comma, semicolon, line breaks)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return (text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\n", "\\n"))


def split_name(name: str) -> tuple[str, str]:
    """(family, given) for N: the last word is taken as the family name."""
    words = name.split()
    if len(words) < 2:
        return name.strip(), ""
    return words[-1], " ".join(words[:-1])


def write_vcards(contacts: Iterable[VCardContact], version: str = "3.0") -> bytes:
    if version not in ("3.0", "4.0"):
        raise ValueError(f"unsupported vCard version {version!r}")
    out = bytearray()
    for c in contacts:
        lines = ["BEGIN:VCARD", f"VERSION:{version}"]
        if version == "4.0":
            lines.append("KIND:individual")
        family, given = split_name(c.name)
        lines.append(f"N:{escape(family)};{escape(given)};;;")
        lines.append(f"FN:{escape(c.name)}")
        if c.organization:
            lines.append(f"ORG:{escape(c.organization)}")
        if c.role:
            lines.append(f"TITLE:{escape(c.role)}")
        if c.email:
            lines.append(("EMAIL;TYPE=INTERNET:" if version == "3.0" else "EMAIL:")
                         + escape(c.email))
        if c.phone:
            lines.append(f"TEL;TYPE=VOICE:{escape(c.phone)}" if version == "3.0"
                         else f"TEL;VALUE=text:{escape(c.phone)}")
        if c.url:
            # URL is a URI value: commas and semicolons are part of it, not escaped.
            lines.append(f"URL:{c.url}")
        if c.note:
            lines.append(f"NOTE:{escape(c.note)}")
        if c.categories:
            lines.append("CATEGORIES:" + ",".join(escape(t) for t in c.categories))
        lines.append(f"UID:{c.uid}")
        if c.revised is not None:
            stamp = c.revised.astimezone(_dt.UTC)
            lines.append("REV:" + (stamp.strftime("%Y-%m-%dT%H:%M:%SZ") if version == "3.0"
                                   else stamp.strftime("%Y%m%dT%H%M%SZ")))
        lines.append("END:VCARD")
        for line in lines:
            out += fold(line)
    return bytes(out)
