"""The folded keys the contact list sorts and searches by, kept beside the contacts.

The list shows contacts sorted by their folded name (``core.text.fold``: "Émile" sorts with
"emile") and finds them by folded words. Folding in a query would call Python for every
contact on every page, so the keys are stored: ``contact_key`` holds, for every contact, the
folded name, organization, role and tags (the tags' names in the order the list shows them,
joined by ", "), a folded search text (name, organization, role and notes, one per line) and
the name's ``core.validation.name_key`` (two contacts with the same one may be one person).
Its indexes give the list its order (``name, id``) without a sort and find namesakes.

Triggers keep the table in step with ``contact``, ``contact_tag`` and ``tag``, whoever
writes: the services, an import, a merge, an undo. They call :data:`FOLD_SQL`, which the store
registers on every connection (``store/sql_functions.py``).

A later migration step that rebuilds one of these tables drops its triggers with it: such a
step must run :func:`statements` again (after dropping ``contact_key``).
"""

from __future__ import annotations

from careerpivot.store import sql_functions

#: SQL name of ``core.text.fold`` over its arguments joined by a new line.
FOLD_SQL = sql_functions.TEXT_FOLD
#: SQL name of ``core.validation.name_key`` of one text: the order tags are listed in.
NAME_KEY_SQL = sql_functions.NAME_KEY

TABLE = "contact_key"


def _tags_of(contact: str) -> str:
    """The folded tags of the contact whose id is the SQL ``contact``, as the list shows
    them: by ``name_key``, joined by ", "."""
    return (f"(SELECT COALESCE(group_concat(f, ', '), '') FROM ("
            f"SELECT {FOLD_SQL}(tag.name) AS f FROM contact_tag "
            f"JOIN tag ON tag.id = contact_tag.tag_id WHERE contact_tag.contact_id = {contact} "
            f"ORDER BY {NAME_KEY_SQL}(tag.name), tag.id))")


#: The columns of the keys a contact row gives (the tags apart), in the order of :func:`_own`.
_OWN = "name, organization, role, search, same"


def _own(row: str) -> str:
    """The keys of a contact row (``new`` or ``contact``), in the order of :data:`_OWN`."""
    return (f"{FOLD_SQL}({row}.name), {FOLD_SQL}({row}.organization), {FOLD_SQL}({row}.role), "
            f"{FOLD_SQL}({row}.name, {row}.organization, {row}.role, {row}.notes), "
            f"{NAME_KEY_SQL}({row}.name)")


def statements() -> list[str]:
    """The statements that create the keys' table, indexes and triggers (those the file
    lacks) and fill it from the contacts."""
    return [
        f"CREATE TABLE IF NOT EXISTS {TABLE} (id INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, "
        f"organization TEXT NOT NULL, role TEXT NOT NULL, search TEXT NOT NULL, "
        f"same TEXT NOT NULL, tags TEXT NOT NULL DEFAULT '')",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_name ON {TABLE} (name, id)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_same ON {TABLE} (same)",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ai AFTER INSERT ON contact BEGIN "
        f"INSERT OR REPLACE INTO {TABLE} (id, {_OWN}, tags) "
        f"VALUES (new.id, {_own('new')}, {_tags_of('new.id')}); END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_au AFTER UPDATE OF name, organization, role, notes "
        f"ON contact BEGIN UPDATE {TABLE} SET ({_OWN}) = "
        f"({_own('new')}) WHERE id = new.id; END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ad AFTER DELETE ON contact BEGIN "
        f"DELETE FROM {TABLE} WHERE id = old.id; END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_tag_ai AFTER INSERT ON contact_tag BEGIN "
        f"UPDATE {TABLE} SET tags = {_tags_of('new.contact_id')} "
        f"WHERE id = new.contact_id; END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_tag_ad AFTER DELETE ON contact_tag BEGIN "
        f"UPDATE {TABLE} SET tags = {_tags_of('old.contact_id')} "
        f"WHERE id = old.contact_id; END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_tag_au AFTER UPDATE ON contact_tag BEGIN "
        f"UPDATE {TABLE} SET tags = {_tags_of(f'{TABLE}.id')} "
        f"WHERE id IN (old.contact_id, new.contact_id); END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_tag_name AFTER UPDATE OF name ON tag BEGIN "
        f"UPDATE {TABLE} SET tags = {_tags_of(f'{TABLE}.id')} WHERE id IN "
        f"(SELECT contact_id FROM contact_tag WHERE tag_id = new.id); END",
        f"INSERT OR REPLACE INTO {TABLE} (id, {_OWN}, tags) "
        f"SELECT contact.id, {_own('contact')}, {_tags_of('contact.id')} FROM contact",
    ]


def check_statement() -> str:
    """A query that returns the ids of contacts whose keys are missing or out of step (none
    in a healthy file)."""
    return (f"SELECT contact.id FROM contact LEFT JOIN {TABLE} k ON k.id = contact.id "
            f"WHERE k.id IS NULL OR ({', '.join('k.' + c for c in _OWN.split(', '))}, k.tags) "
            f"IS NOT ({_own('contact')}, {_tags_of('contact.id')}) "
            f"UNION SELECT k.id FROM {TABLE} k LEFT JOIN contact ON contact.id = k.id "
            f"WHERE contact.id IS NULL")
