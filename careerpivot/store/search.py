"""The full-text index: one external-content FTS5 table per searchable table, kept in step by
triggers. Words are matched without regard to case or accents (``remove_diacritics 2``).

A table rebuilt by a later migration step loses its triggers: such a step must run
``statements()`` for that table again (drop the index table first).
"""

from __future__ import annotations

#: Searchable text of each table.
SEARCH_COLUMNS: dict[str, tuple[str, ...]] = {
    "contact": ("name", "organization", "role", "email", "how_met", "notes"),
    "interview": ("context", "notes", "typical_week", "challenges", "success_metrics",
                  "surprises", "resonated"),
    "answer": ("question_text", "answer"),
    "assumption": ("statement",),
    "skill": ("name", "notes"),
    "milestone": ("title", "metric", "target", "notes"),
    "log_entry": ("text",),
}
PREFIX = "fts_"


def statements(columns: dict[str, tuple[str, ...]] = SEARCH_COLUMNS) -> list[str]:
    """The statements that create the index for ``columns`` and fill it, in order."""
    result = []
    for table, cols_tuple in columns.items():
        fts = PREFIX + table
        cols = ", ".join(cols_tuple)
        new = ", ".join(f"new.{c}" for c in cols_tuple)
        old = ", ".join(f"old.{c}" for c in cols_tuple)
        result += [
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
            f"content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ]
    return result


def integrity_statements() -> list[str]:
    """Checks that raise an error when an index no longer matches its table."""
    return [f"INSERT INTO {PREFIX}{t}({PREFIX}{t}) VALUES ('integrity-check')"
            for t in SEARCH_COLUMNS]
