"""Questions for what is still uncertain: written from an assumption's statement or a skill's
name, for a guide that targets the gaps in the evidence (``services.guide_gaps``).

"Pay rises fast in the first two years." gives "My impression is that pay rises fast in the
first two years — is that your experience?". The statement is the user's belief, asked as an
open question to the person who knows: its whitespace folded, a leading "I think that" (and
the like, in English) and its closing punctuation dropped, its first word lower-cased when it
is an ordinary capitalised word (an acronym such as "SQL" or "PMs" keeps its capitals), and
shortened at a word boundary past :data:`MAX_STATEMENT` characters, never inside a character
with its combining marks. A statement with nothing left to ask gets a general question.

The sentences are source texts of the translation context "gapQuestions" (``TEXTS``): pass a
translator to have them in the reader's language; the statement is kept as typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from careerpivot.core import evidence
from careerpivot.core.vocab import QT_TRANSLATE_NOOP

__all__ = ["MAX_LENGTH", "MAX_SKILL", "MAX_STATEMENT", "QUESTION_CATEGORY", "TEXTS",
           "for_assumption", "for_skill", "shorten", "uncertainty_order"]

#: The longest part of a statement a generated question repeats (characters).
MAX_STATEMENT = 160
#: The longest skill name a generated question repeats.
MAX_SKILL = 80
#: No generated question (in English) is longer than this.
MAX_LENGTH = 240

TEXTS = {
    "assumption": QT_TRANSLATE_NOOP("gapQuestions",
                                    "My impression is that {0} — is that your experience?"),
    "assumption_general": QT_TRANSLATE_NOOP("gapQuestions",
                                            "What do people new to this work usually get "
                                            "wrong about it?"),
    "skill": QT_TRANSLATE_NOOP("gapQuestions",
                               "How much does {0} matter in your work, and how did you "
                               "learn it?"),
    "skill_general": QT_TRANSLATE_NOOP("gapQuestions",
                                       "Which skill matters most in your work, and how did "
                                       "you learn it?"),
    "skill_mentions": QT_TRANSLATE_NOOP("gapQuestions",
                                        "Mentioned in %n held conversation(s) so far."),
}

#: The question-bank category (``core.vocab.QUESTION_CATEGORIES``) whose questions explore an
#: assumption of each category (``core.vocab.ASSUMPTION_CATEGORIES``). A category without one
#: (pay, culture and pace, other: the bank has no question that tests them) gets a question
#: written from the statement itself.
QUESTION_CATEGORY: dict[str, str | None] = {
    "skills": "skill_gaps",
    "daily_work": "typical_week",
    "trajectory": "success",
    "pay": None,
    "culture": None,
    "credentials": "certifications",
    "other": None,
}

#: ``translate(text)``: a source text of ``TEXTS`` in the reader's language.
Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


#: Openings that say the sentence is a belief, dropped before it is asked back (English:
#: statements are typed in the user's language, and only these are recognised).
_OPENINGS = re.compile(
    r"^(?:(?:i|we)\s+(?:really\s+|still\s+)?(?:think|believe|feel|assume|expect|suspect|"
    r"guess|imagine|understand|heard|have\s+heard)|i\s+am\s+sure|i['’]m\s+sure|"
    r"my\s+(?:impression|understanding|belief|guess|assumption)\s+is)"
    r"\b[\s,:]*(?:that\b)?[\s,:]*",
    re.IGNORECASE)
#: Closing punctuation, straight and full-width, dropped before the question's own.
_CLOSING = ".!?…;:,。！？；：，、‥⋯ \u00a0"
_WORD = re.compile(r"\S+")


def _is_joining(char: str) -> bool:
    """A character that belongs to the one before it: a combining mark, a joiner, a
    variation selector or an emoji modifier."""
    return (unicodedata.combining(char) != 0
            or unicodedata.category(char) in ("Mn", "Me", "Mc")
            or char in "\u200d\u200c\ufe0e\ufe0f"
            or "\U0001f3fb" <= char <= "\U0001f3ff"
            or "\U000e0020" <= char <= "\U000e007f")


def _clean(text: object) -> str:
    """One line: control characters gone, every run of whitespace one space."""
    chars = "".join(ch for ch in str(text or "") if unicodedata.category(ch) != "Cc"
                    or ch in "\t\n\r")
    return " ".join(chars.split())


def shorten(text: object, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters: cut at the last word boundary
    (when there is one in the last third) and ended with "…"; never between a character and
    its combining marks, joiners or modifiers, nor inside a flag."""
    line = _clean(text)
    if len(line) <= limit:
        return line
    limit = max(limit, 2)
    cut = limit - 1  # room for the ellipsis
    space = line.rfind(" ", 0, cut + 1)
    if space >= cut * 2 // 3:
        cut = space
    while cut > 1 and (_is_joining(line[cut]) or line[cut - 1] == "\u200d"):
        cut -= 1
    flags = 0  # a flag is two regional indicators: never keep half of one
    while flags < cut and "\U0001f1e6" <= line[cut - 1 - flags] <= "\U0001f1ff":
        flags += 1
    if flags % 2 and cut > 1:
        cut -= 1
    return line[:cut].rstrip(_CLOSING) + "…"


def _lower_first(text: str) -> str:
    """The first word lower-cased when it is an ordinary capitalised word ("Pay" -> "pay");
    "SQL", "PMs", "I" and "iOS" stay as they are."""
    match = _WORD.match(text)
    if match is None:
        return text
    word = match.group()
    letters = [ch for ch in word if ch.isalpha()]
    if (len(letters) < 2 or not letters[0].isupper()
            or any(ch.isupper() for ch in letters[1:]) or word[0] != letters[0]):
        return text
    return text[0].lower() + text[1:]


def _core(statement: object) -> str:
    """The statement as the middle of a question ("" when nothing is left to ask)."""
    text = _clean(statement)
    for _ in range(2):  # "I think that maybe ..."
        text = _OPENINGS.sub("", text, count=1)
    text = text.strip().rstrip(_CLOSING).strip()
    if not any(ch.isalnum() for ch in text):
        return ""
    return _lower_first(shorten(text, MAX_STATEMENT))


def for_assumption(statement: object, translate: Translate = _same) -> str:
    """A question that asks whether an assumption holds (see the module's docstring)."""
    core = _core(statement)
    if not core:
        return translate(TEXTS["assumption_general"])
    return translate(TEXTS["assumption"]).format(core)


def for_skill(name: object, translate: Translate = _same) -> str:
    """A question about how much a skill matters, and how it is learned."""
    skill = shorten(name, MAX_SKILL).strip()
    if not any(ch.isalnum() for ch in skill):
        return translate(TEXTS["skill_general"])
    return translate(TEXTS["skill"]).format(skill)


def uncertainty_order(standing: evidence.Standing | None) -> tuple[int, int, bool]:
    """The order in which open assumptions get questions (sort key, smallest first): untested
    ones (nothing is known yet), then contested ones (the people disagree), then the others
    closest to settled (fewest people still needed, then those needing nobody at another
    organization or level): one more conversation may settle them."""
    if standing is None or standing.status == evidence.UNTESTED:
        return (0, 0, False)
    if standing.status == evidence.CONTESTED:
        return (1, 0, False)
    more, span = standing.missing()
    return (2, more, span)
