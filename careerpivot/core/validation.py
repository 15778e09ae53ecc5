"""Validation of what people type. Pure functions: they return a cleaned value or raise.

Messages are plain English sentences meant to be shown next to the field; the UI passes them
through its translator.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from urllib.parse import urlsplit

from careerpivot.core.errors import ValidationError

#: Longest text accepted in a single field (1 MiB of characters): long notes are fine; a
#: pasted file of tens of megabytes is refused with a message instead of freezing the app.
MAX_TEXT = 1_048_576
#: Longest single-line value (names, titles, organizations).
MAX_LINE = 500
#: The years a date may fall in.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def strip_surrogates(text: str) -> str:
    # A lone surrogate cannot be encoded as UTF-8 and would fail the write. Pairs (text that
    # went through UTF-16 without being decoded) become the character they stand for; a lone
    # one becomes U+FFFD, the replacement character.
    if not _has_surrogate(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def clean_text(
    field: str, value: object, *, required: bool = False, max_len: int = MAX_TEXT
) -> str:
    """Multi-line text: keeps line breaks (CRLF normalised to LF), strips outer whitespace."""
    text = "" if value is None else str(value)
    text = strip_surrogates(text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x00", "")
    text = text.strip()
    if required and not text:
        raise ValidationError(field, "This field is required.")
    if len(text) > max_len:
        raise ValidationError(
            field, f"This text is too long ({len(text):,} characters; the limit is {max_len:,})."
        )
    return text


def clean_line(
    field: str, value: object, *, required: bool = False, max_len: int = MAX_LINE
) -> str:
    """A single-line value: inner whitespace runs (including line breaks) become one space."""
    text = clean_text(field, value, required=required, max_len=MAX_TEXT)
    text = " ".join(text.split())
    if len(text) > max_len:
        raise ValidationError(
            field, f"This is too long ({len(text):,} characters; the limit is {max_len:,})."
        )
    return text


def name_key(name: str) -> str:
    """The key that makes two spellings of one name the same: NFC, casefolded, spaces folded."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]{2,}$")


def clean_email(field: str, value: object, *, required: bool = False) -> str:
    text = clean_line(field, value, required=required, max_len=254)
    if not text:
        return ""
    if text.lower().startswith("mailto:"):
        text = text[7:]
    local, _, domain = text.rpartition("@")
    if (
        not _EMAIL.match(text)
        or len(local) > 64
        or ".." in text
        or domain.startswith((".", "-"))
        or local.startswith(".")
        or local.endswith(".")
    ):
        raise ValidationError(field, "This is not an e-mail address (expected name@example.org).")
    return text


#: A scheme without "//" (mailto:, tel:); "example.org:8080" is a host and port, not a scheme.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")


def clean_url(field: str, value: object, *, required: bool = False) -> str:
    """A web address. ``www.example.org`` gets ``https://``; other schemes are refused."""
    text = clean_line(field, value, required=required, max_len=2048)
    if not text:
        return ""
    if " " in text:
        raise ValidationError(field, "A web address cannot contain spaces.")
    if "://" not in text:
        if _SCHEME.match(text):
            # mailto:, tel:, javascript: ... would otherwise become https://mailto:...
            raise ValidationError(field, "Only web addresses (http or https) are accepted.")
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        raise ValidationError(field, "This is not a web address.") from None
    host = parts.hostname or ""
    if parts.scheme.lower() not in ("http", "https"):
        raise ValidationError(field, "Only web addresses (http or https) are accepted.")
    if not host or "." not in host or host.startswith(".") or host.endswith("."):
        raise ValidationError(field, "This is not a web address (expected example.org/...).")
    return text


def clean_phone(field: str, value: object) -> str:
    text = clean_line(field, value, max_len=40)
    if text and not re.fullmatch(r"[0-9+()./\-\s]*(?:(?:ext\.?|x)\s*\d+)?", text, re.IGNORECASE):
        raise ValidationError(field, "A phone number may hold digits, spaces and + ( ) - . /")
    if text and sum(ch.isdigit() for ch in text) < 3:
        raise ValidationError(field, "This phone number has too few digits.")
    return text


def parse_date(field: str, value: object, *, required: bool = False) -> _dt.date | None:
    """A calendar date from ``YYYY-MM-DD`` text or a date; impossible dates are refused."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = clean_line(field, value, max_len=40)
    if not text:
        if required:
            raise ValidationError(field, "A date is required.")
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if not m:
        raise ValidationError(field, "Write the date as YYYY-MM-DD, for example 2026-03-14.")
    year, month, day = (int(g) for g in m.groups())
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        raise ValidationError(field, f"{text} is not a date on the calendar.") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(field, f"The year must be between {FIRST_YEAR} and {LAST_YEAR}.")
    return date


def parse_datetime(field: str, value: object, *, required: bool = False) -> str:
    """``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM``; returns the normalised text (or "")."""
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    text = clean_line(field, value, max_len=40)
    if not text:
        if required:
            raise ValidationError(field, "A date is required.")
        return ""
    date_part, _, time_part = text.replace("T", " ").partition(" ")
    date = parse_date(field, date_part, required=True)
    assert date is not None
    if not time_part:
        return date.isoformat()
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", time_part.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValidationError(field, "Write the time as HH:MM, for example 14:30.")
    return f"{date.isoformat()} {int(m.group(1)):02d}:{m.group(2)}"


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("", "0", "false", "no", "off")


def clean_bool(field: str, value: object) -> bool:
    """A yes/no value: a bool, a number, or a word such as "yes", "no", "true", "0" (as a
    CSV or an import gives it); any other word is refused."""
    if isinstance(value, str):
        text = value.strip().casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValidationError(field, "Expected yes or no.")
    return bool(value)


def check_range(
    field: str, value: object, low: float, high: float, *, integer: bool = False
) -> float:
    try:
        if isinstance(value, int | float):
            number = float(value)
        else:
            number = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise ValidationError(field, "This must be a number.") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValidationError(field, "This must be a number.")
    if integer and number != int(number):
        raise ValidationError(field, "This must be a whole number.")
    if not low <= number <= high:
        raise ValidationError(field, f"This must be between {low:g} and {high:g}.")
    return int(number) if integer else number


def check_choice(field: str, value: str, choices: tuple[str, ...] | dict) -> str:
    if value not in choices:
        raise ValidationError(field, f"Unknown value {value!r}.")
    return value
