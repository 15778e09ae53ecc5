"""Search by words through the folded-text index: which interviews.

An interview matches when every word is a substring of its folded text (see
``store/text_index.py``; ``core.validation.name_key``, :func:`interview_words`): its own text
fields, an answer of its guide, its path's title, or its person's name or organization. A word
the index narrows (three characters) is looked up in the index (the rows that hold all its
trigrams) and checked with ``instr`` against the search text of those rows alone; a shorter
word by ``instr`` over the search texts, and only among the interviews the longer words found
when there are any. No Python runs per interview or answer.

A person's name and organization are read from the contact list's folded keys
(``store/list_keys.py``, ``core.text.fold``, which also forgets accents): a word is looked for
folded by that rule there, which finds every person a ``name_key`` search finds, and the
same names without their accents ("zoe" finds "Zoë"). A word that rule folds to nothing
(marks alone) is looked for in the ``name_key`` of the names. The few paths' titles are folded
as they are read, once a search. Each answer is one SQL subquery, for the caller's own
statement: a search is one statement whatever the number of rows.

This module is the one interface of text search: a back end with another index answers the
same question with its own SQL.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable

import peewee as pw

from careerpivot.core.text import fold
from careerpivot.core.validation import name_key
from careerpivot.store import list_keys, text_index
from careerpivot.store.models import Interview

_INTERVIEW = text_index.KINDS["interview"]
_ANSWER = text_index.KINDS["answer"]
_FOLD = text_index.FOLD_SQL


def interview_words(text: str) -> tuple[str, ...]:
    """The words an interview search for ``text`` looks for."""
    return tuple(name_key(text or "").split())


def _needed(words: Iterable[str]) -> tuple[list[str], list[str]]:
    """The indexed and the other words to look for: a word inside another one is found
    wherever that one is, so it is left out."""
    unique = sorted(set(words), key=len, reverse=True)
    kept: list[str] = []
    for word in unique:
        if not any(word in other for other in kept):
            kept.append(word)
    return ([w for w in kept if text_index.indexed(w)],
            [w for w in kept if not text_index.indexed(w)])


def _sub(sql: str, *params: object) -> pw.SQL:
    return pw.SQL(f"({sql})", list(params))


#: ``finds(kind, column)`` gives the SELECT of ``column`` of the rows of an indexed kind's
#: view a word is found in, and its parameters.
Finder = Callable[[text_index.Kind, str], tuple[str, list[object]]]


def _people(word: str) -> pw.Expression:
    """The interviews whose person's name or organization holds the word."""
    folded = fold(word)
    if folded:
        return Interview.contact.in_(_sub(
            f"SELECT id FROM {list_keys.TABLE} WHERE instr(name, ?) > 0 "
            "OR instr(organization, ?) > 0", folded, folded))
    return Interview.contact.in_(_sub(
        f"SELECT id FROM contact WHERE instr({_FOLD}(name, organization), ?) > 0", word))


def _paths(word: str) -> pw.Expression:
    """The interviews whose path's title holds the word (the titles folded once)."""
    return Interview.path.in_(_sub(f"SELECT id FROM path WHERE instr({_FOLD}(title), ?) > 0",
                                   word))


def _found_in(word: str, finds: Finder) -> pw.Expression:
    """The interviews a word is found in: their own text, an answer of their guide, their
    person's name or organization, their path's title."""
    own_sql, own = finds(_INTERVIEW, "id")
    answers_sql, answers = finds(_ANSWER, "interview_id")
    return (Interview.id.in_(_sub(own_sql, *own))
            | Interview.id.in_(_sub(answers_sql, *answers))
            | _people(word) | _paths(word))


def _matched(word: str) -> Finder:
    """A word the index narrows: the rows that hold its trigrams, checked against their
    search text."""
    query = text_index.trigram_query(word)
    return lambda kind, column: (
        f"SELECT {column} FROM {kind.view} WHERE id IN (SELECT rowid FROM {kind.index} "
        f"WHERE {kind.index} MATCH ?) AND instr(text, ?) > 0", [query, word])


def _scanned(word: str) -> Finder:
    """A short word, found by a scan of the search texts."""
    return lambda kind, column: (
        f"SELECT {column} FROM {kind.view} WHERE instr(text, ?) > 0", [word])


def _has(word: str) -> pw.Expression:
    """Whether a short word is found in the interview: its texts read by id, for the few
    interviews the longer words found (its answers until one holds it)."""
    answers = pw.NodeList((
        pw.SQL(f"EXISTS (SELECT 1 FROM {_ANSWER.view} WHERE interview_id ="), Interview.id,
        pw.SQL("AND instr(text, ?) > 0)", [word])))
    own = pw.NodeList((pw.SQL(f"(SELECT instr(text, ?) FROM {_INTERVIEW.view} WHERE id =",
                              [word]), Interview.id, pw.SQL(")")))
    return (own > 0) | answers | _people(word) | _paths(word)


def interview_condition(words: Iterable[str]) -> pw.Expression | None:
    """The condition on an ``Interview`` row that every word (see :func:`interview_words`)
    is found in its text fields, an answer of its guide, its person's name or organization
    or its path's title (``None`` without words)."""
    long, short = _needed(words)
    if long:
        conditions = [_found_in(w, _matched(w)) for w in long]
    elif short:
        # no word narrows the search: each one is looked for by a scan of the texts
        conditions = [_found_in(w, _scanned(w)) for w in short]
        short = []
    else:
        return None
    conditions += [_has(w) for w in short]
    return functools.reduce(operator.and_, conditions)


def matching_interviews(words: Iterable[str]) -> pw.ModelSelect:
    """The ids of the interviews of :func:`interview_condition`, as a subquery
    (``Interview.id.in_(...)``); without words, every interview."""
    condition = interview_condition(words)
    query = Interview.select(Interview.id)
    return query if condition is None else query.where(condition)


def interview_ids_sql(words: Iterable[str]) -> tuple[str, list[object]]:
    """:func:`matching_interviews` as SQL and its parameters."""
    return matching_interviews(words).sql()
