"""The one rule by which texts are compared when searching and sorting in lists.

``fold("Zoë Ångström")`` is ``"zoe angstrom"``: case folded (``ß`` → ``ss``) and decomposed
(NFKD: ``ﬁ`` → ``fi``, full-width letters → plain; folded again after it), then every
combining mark with a combining class (accents, Hebrew points, Arabic vowel marks, tone marks)
and every enclosing mark (a keycap or circle around a character) removed. Marks with combining
class 0 that are letters' vowel signs in Indic and South-East Asian scripts are kept: they
change the letter.

Every list model and the Overview's search fold with this function; the SQL full-text index
has its own tokenizer and is not changed by it.
"""

from __future__ import annotations

import unicodedata

__all__ = ["english_plural", "fold", "fold_with_map"]


class _Marks(dict):
    """A ``str.translate`` table that deletes the marks :func:`fold` removes; each code point
    is looked up once, then answered from the dictionary."""

    def __missing__(self, code: int) -> int | None:
        char = chr(code)
        dropped = unicodedata.combining(char) or unicodedata.category(char) == "Me"
        kept = None if dropped else code
        self[code] = kept
        return kept


_MARKS = _Marks()


def fold(text: str) -> str:
    """The search and sort form of ``text`` (see the module's docstring)."""
    folded = text.casefold()
    if folded.isascii():  # nothing to decompose, no marks
        return folded
    # decomposing can bring capitals back ("㎴" is "pV"): fold what it gives once more
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", folded).casefold())
    return folded.translate(_MARKS)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """``fold(text)``, and for each of its characters the index of the character of ``text``
    it came from (so an excerpt found in the folded text can be cut from the original)."""
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        part = fold(char)
        chars.append(part)
        where.extend([index] * len(part))
    return "".join(chars), where


def english_plural(text: str, n: int) -> str:
    """A plural source text ("%n item(s)", "%n person(s)") in English for ``n``: the form
    shown until a catalogue for the user's language is installed, and in files."""
    many = n != 1
    text = text.replace("%n", str(n)).replace("person(s)", "people" if many else "person")
    return text.replace("(s)", "s" if many else "")
