"""The folded-text index: the long texts the interview search reads, indexed for substrings.

The interview search finds an interview when every word searched for is a *substring* of its
folded text ("ship" finds "leadership", a Chinese word is found inside a sentence). Folding in
the query would call Python for every interview and every answer on every search, so the
folded texts are indexed by FTS5's ``trigram`` tokenizer, which finds the rows that hold every
three characters of a word from the index alone.

The *search text* of a row is ``core.validation.name_key`` of its texts (:data:`FOLD_SQL`).
For text that is all ASCII that is SQLite's own ``lower()`` with its spacing folded, and a
word holds no space: a word is a substring of the one exactly when it is one of the other. So
the file keeps the folded text only of the rows whose text is not all ASCII, in a plain table
per kind (``fold_<table>_text``: ``id``, ``text``); the search text of a row is that, or the
row's text in lower case (:meth:`Kind.text`). A view gives it per row without calling Python
(``fold_<table>_v``: ``id``, the columns of :attr:`Kind.carries`, ``text``), and the index is
an *external content* FTS5 table over the view. ``detail=none``: the index keeps which rows
hold a trigram, not where, the smallest index that still narrows a search; the search asks it
for the rows that hold every trigram of a word (:func:`trigram_query`) and checks them against
the view's text (``instr``), all in SQLite. ``case_sensitive 1``: the text and the words are
folded by the same rule, so the index compares them exactly.

==============  ==========================  ===============================================
table           index, view, stored text    search text
==============  ==========================  ===============================================
interview       ``fold_interview``          the interview's text fields (:data:`INTERVIEW`)
                (``_v``, ``_text``)         joined by a space
answer          ``fold_answer``             the answer (what the interview search reads,
                (``_v``, ``_text``)         not the question)
==============  ==========================  ===============================================

Each index's ``rowid`` is its row's id. The short texts the search reads (a person's name and
organization, a path's title) are not indexed here (``store/list_keys.py`` keeps the
contacts' folded keys).

Triggers keep the stored texts and the indexes in step with their rows, whoever writes: the
services, an import, a merge, an undo. The stored text has triggers of its own, which name
only its table: an import that suspends the index's triggers and rebuilds the index from the
view at its end keeps the stored text in step row by row. An index's triggers compute the
search text of the row themselves (:meth:`Kind.computed`) rather than read the stored one,
whose triggers may run before or after them; an external content index is told what a row
held (FTS5's ``delete`` command with the old search text) before it is told what it holds now.
The triggers call the fold function, which this module registers on the database, so every
connection has it (the workers' too); a program that opens the file without it can read the
tables, the views and the indexes, and cannot change an indexed row that is not all ASCII
(SQLite refuses the statement: nothing is written out of step).

A later migration step that rebuilds an indexed table drops its triggers with it: such a step
must drop that kind's index and stored text and run :func:`statements` for the kind again. A
change of what a kind indexes needs a step of its own, for the same reason.
"""

from __future__ import annotations

import dataclasses
import sqlite3

import peewee as pw

from careerpivot.store import sql_functions
from careerpivot.store.models import database

#: SQL name of :func:`careerpivot.core.validation.name_key` of its arguments joined by a
#: space (``NULL`` arguments left out).
FOLD_SQL = sql_functions.FOLD

PREFIX = "fold_"
VIEW_SUFFIX = "_v"
STORED_SUFFIX = "_text"
TOKENIZE = "trigram case_sensitive 1"
#: The shortest word the index answers; a shorter one is looked for in the search texts.
MIN_INDEXED = 3


fold_sql = sql_functions.fold_words


#: An interview's text fields, as the interview search reads them.
INTERVIEW = ("context", "notes", "typical_week", "challenges", "success_metrics",
             "surprises", "resonated")


@dataclasses.dataclass(frozen=True)
class Kind:
    """One indexed table, the columns whose folded text it indexes and the columns its view
    carries beside the search text."""

    table: str
    reads: tuple[str, ...]
    carries: tuple[str, ...] = ()

    @property
    def index(self) -> str:
        return PREFIX + self.table

    @property
    def view(self) -> str:
        return self.index + VIEW_SUFFIX

    @property
    def stored(self) -> str:
        return self.index + STORED_SUFFIX

    def joined(self, row: str) -> str:
        """The SQL of the texts of ``row`` (a table's name or alias, ``new`` or ``old``)
        joined by a space."""
        joined = " || ' ' || ".join(f"coalesce({row}.{c}, '')" for c in self.reads)
        return f"({joined})" if len(self.reads) > 1 else joined

    def plain(self, row: str) -> str:
        """Whether the texts of ``row`` are all ASCII (no byte beyond one a character: a NUL
        ends ``length`` early, so a text with one is not plain either)."""
        joined = self.joined(row)
        return f"length(CAST({joined} AS BLOB)) = length({joined})"

    def computed(self, row: str) -> str:
        """The search text of ``row``, computed from its columns."""
        return (f"CASE WHEN {self.plain(row)} THEN lower({self.joined(row)}) "
                f"ELSE {FOLD_SQL}({', '.join(f'{row}.{c}' for c in self.reads)}) END")

    def text(self, row: str, stored: str) -> str:
        """The search text of ``row`` whose stored text (LEFT JOINed) is ``stored``."""
        return f"coalesce({stored}.text, lower({self.joined(row)}))"


KINDS: dict[str, Kind] = {k.table: k for k in (
    Kind("interview", INTERVIEW),
    Kind("answer", ("answer",), carries=("interview_id",)),
)}


def _stored_statements(kind: Kind) -> list[str]:
    """The stored text's table, its triggers and the statement that fills it."""
    table, stored, plain = kind.table, kind.stored, kind.plain
    fold_new = f"{FOLD_SQL}({', '.join(f'new.{c}' for c in kind.reads)})"
    insert = (f"INSERT OR REPLACE INTO {stored}(id, text) SELECT new.id, {fold_new} "
              f"WHERE NOT ({plain('new')});")
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in ("id", *kind.reads))
    return [
        f"CREATE TABLE IF NOT EXISTS {stored} (id INTEGER NOT NULL PRIMARY KEY, "
        f"text TEXT NOT NULL)",
        f"CREATE TRIGGER IF NOT EXISTS {stored}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {stored}_ad AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM {stored} WHERE id = old.id; END",
        f"CREATE TRIGGER IF NOT EXISTS {stored}_au AFTER UPDATE OF {', '.join(kind.reads)} "
        f"ON {table} WHEN {changed} BEGIN DELETE FROM {stored} WHERE id = old.id; {insert} END",
        f"INSERT OR REPLACE INTO {stored}(id, text) SELECT id, "
        f"{FOLD_SQL}({', '.join(kind.reads)}) FROM {table} WHERE NOT ({plain(table)})",
    ]


def statements(kinds: tuple[str, ...] | None = None) -> list[str]:
    """The statements that create the stored text of ``kinds`` (default: all), its view,
    index and triggers, and fill them, in order (one statement fills a table). A kind whose
    index exists is left as it is."""
    present = {r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    result: list[str] = []
    for name in KINDS if kinds is None else kinds:
        kind = KINDS[name]
        fts, table = kind.index, kind.table
        if fts in present:
            continue
        changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in ("id", *kind.reads))
        insert = f"INSERT INTO {fts}(rowid, text) VALUES (new.id, {kind.computed('new')});"
        delete = (f"INSERT INTO {fts}({fts}, rowid, text) "
                  f"VALUES ('delete', old.id, {kind.computed('old')});")
        carried = "".join(f"r.{c}, " for c in kind.carries)
        result += _stored_statements(kind)
        result += [
            f"DROP VIEW IF EXISTS {kind.view}",
            f"CREATE VIEW {kind.view} AS SELECT r.id AS id, {carried}"
            f"{kind.text('r', 's')} AS text FROM {table} AS r "
            f"LEFT JOIN {kind.stored} AS s ON s.id = r.id",
            f"CREATE VIRTUAL TABLE {fts} USING fts5(text, content='{kind.view}', "
            f"content_rowid='id', tokenize='{TOKENIZE}', detail=none, columnsize=0)",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {', '.join(kind.reads)} "
            f"ON {table} WHEN {changed} BEGIN {delete} {insert} END",
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ]
    return result


def integrity_problems(*, against_rows: bool = False) -> list[str]:
    """What is wrong with the index (an empty list: nothing): an index that is damaged
    (FTS5's ``integrity-check`` of the index itself: it reads the index, under a second for
    the largest workspaces), a stored text missing or left over (SQL alone, as fast) or,
    ``against_rows``, an index that does not match the search text of its rows or a stored
    text that is not the fold of its row now (it folds every row that is not all ASCII, ten
    seconds and more for the largest workspaces, too slow for the workspace check)."""
    problems = []
    for kind in KINDS.values():
        fts, table, stored = kind.index, kind.table, kind.stored
        try:
            database.execute_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', ?)",
                                 (1 if against_rows else 0,))
        except (pw.DatabaseError, sqlite3.Error) as exc:
            problems.append(f"the text index of {kind.table} is damaged or out of step "
                            f"({exc})")
        wrong = (f"(s.id IS NULL) = NOT ({kind.plain('r')})" if not against_rows else
                 f"s.text IS NOT (CASE WHEN {kind.plain('r')} THEN NULL ELSE "
                 f"{FOLD_SQL}({', '.join(f'r.{c}' for c in kind.reads)}) END)")
        (count,) = database.execute_sql(
            f"SELECT (SELECT count(*) FROM {table} AS r LEFT JOIN {stored} AS s "
            f"ON s.id = r.id WHERE {wrong}) + (SELECT count(*) FROM {stored} AS s "
            f"WHERE s.id NOT IN (SELECT id FROM {table}))").fetchone()
        if count:
            problems.append(f"the folded text of {count} {kind.table} row(s) is missing or "
                            f"out of step")
    return problems


def trigram_query(word: str) -> str:
    """The FTS5 query of the rows that hold every three characters in a row of ``word``
    (each one a string, taken literally)."""
    grams = dict.fromkeys(word[i:i + MIN_INDEXED] for i in range(len(word) - MIN_INDEXED + 1))
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams)


def indexed(word: str) -> bool:
    """Whether the index narrows a search for ``word``: it has three characters (and no NUL,
    which ends a text in SQL)."""
    return len(word) >= MIN_INDEXED and "\x00" not in word
