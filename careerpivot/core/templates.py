"""Outreach messages: filling placeholders, counting words, checking the request.

Pure functions: no Qt, no database.

**Filling.** A placeholder is a known name in braces (``{contact_first_name}``, see
:data:`PLACEHOLDERS`). Filling replaces exactly those, in one pass, with the value's text as it
is: braces, percent signs, backslashes or ``{my_name}`` typed inside a *value* are never read
as placeholders, and any other brace in the *template* (``{sic}``, ``{{``, a lone ``}``) stays
as written. A missing or blank value becomes the sensible text of :data:`FALLBACKS` (and is
reported, so the editor can say what to fill in).

**Counting.** A word is a run of letters, digits or marks (with inner apostrophes and
hyphens); in scripts written without spaces (Chinese, Japanese kana) each character counts
as one word.

**The request ends in a question.** The last sentence of the message, ignoring a short
sign-off below it ("Best regards," / "Amara"), must end with a question mark (any script's).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping

from careerpivot.core.validation import strip_surrogates

#: The placeholders a template may use: ``core.question_bank.PLACEHOLDERS`` and the contact's
#: full name.
PLACEHOLDERS: tuple[str, ...] = (
    "contact_first_name",
    "contact_name",
    "organization",
    "my_name",
    "path_title",
    "learning_goal",
    "interview_date",
)

#: What a missing value becomes: words that still read well in the sentence, or a marker in
#: brackets where only the user can supply the fact.
FALLBACKS: dict[str, str] = {
    "contact_first_name": "there",
    "contact_name": "there",
    "organization": "your organization",
    "my_name": "[your name]",
    "path_title": "this field",
    "learning_goal": "what the work is really like day to day",
    "interview_date": "our recent call",
}

#: Above this many words a message is long for a first request.
WORD_LIMIT = 100

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclasses.dataclass(frozen=True)
class Filled:
    text: str
    missing: tuple[str, ...]  # placeholders that used their fallback, in order of appearance


def placeholders_in(template: str) -> tuple[str, ...]:
    """The known placeholders a template uses, each once, in order of appearance."""
    seen: dict[str, None] = {}
    for match in _PLACEHOLDER.finditer(template or ""):
        if match.group(1) in FALLBACKS:
            seen.setdefault(match.group(1), None)
    return tuple(seen)


def _text(value: object) -> str:
    if value is None:
        return ""
    return strip_surrogates(str(value)).strip()


def fill(template: str, values: Mapping[str, object]) -> Filled:
    """``template`` with its known placeholders replaced (see the module's rules)."""
    missing: dict[str, None] = {}

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in FALLBACKS:
            return match.group(0)
        text = _text(values.get(name))
        if not text:
            missing.setdefault(name, None)
            return FALLBACKS[name]
        return text

    return Filled(_PLACEHOLDER.sub(replace, strip_surrogates(template or "")), tuple(missing))


def first_name(full_name: str) -> str:
    """The first word of a name ("Zoë Łukasiewicz-Ngô" -> "Zoë"); a name written without
    spaces (김서연, 王小明) is kept whole."""
    parts = _text(full_name).split()
    return parts[0] if parts else ""


# --- counting words --------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def _spaceless(ch: str) -> bool:
    """Characters of scripts written without spaces between words."""
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xF900 <= code <= 0xFAFF  # CJK compatibility ideographs
        or 0x20000 <= code <= 0x2FA1F  # CJK extensions B-F
        or 0x0E00 <= code <= 0x0E7F  # Thai
    )


def word_count(text: str) -> int:
    """Words in ``text`` (see the module's rules)."""
    text = unicodedata.normalize("NFC", text or "")
    count = 0
    for match in _WORD.finditer(text):
        word = match.group(0)
        spaceless = sum(1 for ch in word if _spaceless(ch))
        if spaceless:
            # each such character is a word; the rest of the run, if any, is one more
            count += spaceless + (1 if spaceless < len(word) else 0)
        else:
            count += 1
    return count


def too_long(text: str, limit: int = WORD_LIMIT) -> bool:
    return word_count(text) > limit


# --- the request ends in a question ----------------------------------------------------------

_QUESTION_MARKS = "?？؟⸮՞"  # Latin, fullwidth, Arabic, reversed, Armenian
_SENTENCE_ENDS = ".!。！…" + _QUESTION_MARKS
#: Characters that may follow the final punctuation: closing quotes and brackets, emoji.
_TRAILING = "\"'“”„‘’‚«»‹›)]}」』）】"


def _sign_off(line: str) -> bool:
    """A closing or a name: short and without sentence punctuation."""
    words = line.split()
    return len(words) <= 5 and not any(ch in _SENTENCE_ENDS for ch in line)


def ends_with_question(text: str) -> bool:
    """True when the message's last sentence (above any short sign-off) is a question."""
    lines = [ln.strip() for ln in (text or "").strip().splitlines()]
    while lines and (not lines[-1] or _sign_off(lines[-1])):
        lines.pop()
    body = "\n".join(lines).rstrip()
    # drop closing quotes, brackets, emoji and other symbols after the last punctuation
    end = len(body)
    while end and (body[end - 1] in _TRAILING or body[end - 1].isspace()
                   or unicodedata.category(body[end - 1]) in ("So", "Sk", "Cf", "Mn")):
        end -= 1
    if not end:
        return False
    return body[end - 1] in _QUESTION_MARKS


_MINUTES = re.compile(r"\b(1[05]|20|25|30)\s*(?:-|–|to)?\s*(?:\d+\s*)?(?:-\s*)?"
                      r"(?:min|minute|minutes|mins)\b", re.IGNORECASE)


def proposes_short_call(text: str) -> bool:
    """True when the message proposes a short call (10 to 30 minutes), in English."""
    return bool(_MINUTES.search(text or ""))
