"""The benchmark child of the floors (``children.py floors WORKSPACE FOLDER REPEAT``): for each
figure, the least work any implementation has to do on the same file, done with the standard
library's ``sqlite3`` (and ``json``) and nothing of the app — a first page of the search, a
60-row page of a tab's list, an FTS5 ``MATCH``, the ranking's grouped query, every table read
and dumped. ``run.py`` prints each figure beside its floor, so that a figure that grows with
the workspace while its floor does not points at the app's own work.

Each floor is keyed by the figure it stands under (``run.py`` keys). A query that fails (a
table of another schema) leaves its floor out rather than stopping the run.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

#: The words the GUI child types (children.py ``_measure_gui``): each prefix is one keystroke.
NETWORK_WORD = "okaf"
INTERVIEWS_WORD = "fabr"
TEXT_SEARCH_WORD = "retention"
PAGE_ROWS = 60

_CONTACT_PAGE = (
    "SELECT id, name, organization, level, stage, last_contact FROM contact"
    f" WHERE name LIKE :like OR organization LIKE :like ORDER BY name LIMIT {PAGE_ROWS}")
_INTERVIEW_PAGE = (
    "SELECT i.id, i.scheduled_at, i.status, c.name, c.organization FROM interview i"
    " JOIN contact c ON c.id = i.contact_id"
    " WHERE c.name LIKE :like OR c.organization LIKE :like"
    f" ORDER BY i.scheduled_at DESC LIMIT {PAGE_ROWS}")
#: The list each tab shows first, as a page of rows.
_TAB_PAGES = {
    "tab_paths": "SELECT * FROM assumption ORDER BY path_id, id LIMIT %d",
    "tab_network": "SELECT * FROM contact ORDER BY name LIMIT %d",
    "tab_interviews": "SELECT * FROM interview ORDER BY scheduled_at DESC LIMIT %d",
    "tab_development": "SELECT * FROM skill ORDER BY name LIMIT %d",
    "tab_plan": "SELECT * FROM milestone ORDER BY id LIMIT %d",
    "tab_summary": "SELECT * FROM portfolio_item ORDER BY id LIMIT %d",
}
_TEXT_SEARCH = (
    "SELECT rowid FROM fts_interview WHERE fts_interview MATCH :word"
    " UNION SELECT a.interview_id FROM answer a"
    " JOIN (SELECT rowid FROM fts_answer WHERE fts_answer MATCH :word) f ON f.rowid = a.id")
#: Ranking: the least it has to read — the mentions in held conversations, counted per skill
#: (a covering index and the interviews' status index).
_RANKING = (
    "SELECT m.skill_id, count(*) FROM skill_mention m JOIN interview i"
    " ON i.id = m.interview_id WHERE i.status = 'completed' GROUP BY m.skill_id")


def _times(call: Callable[[], object], repeat: int) -> list[float]:
    """``repeat`` timed calls after one untimed (the pages it reads come into the cache)."""
    call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


def _keystrokes(con: sqlite3.Connection, sql: str, word: str) -> Callable[[], None]:
    """The first page for each prefix typed and erased, as the GUI child types the word."""
    prefixes = [word[:n] for n in range(1, len(word) + 1)]
    prefixes += [*reversed(prefixes[:-1]), ""]

    def run() -> None:
        for prefix in prefixes:
            con.execute(sql, {"like": f"%{prefix}%"}).fetchall()

    return run


def _tables(con: sqlite3.Connection) -> list[str]:
    return [name for (name,) in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%' AND name NOT LIKE 'fold_%'"
        " ORDER BY name")]


def _dump(con: sqlite3.Connection, target: Path) -> None:
    """Every row of every table, read and written as JSON (the export's floor)."""
    data = {}
    for table in _tables(con):
        cursor = con.execute(f'SELECT * FROM "{table}"')
        data[table] = {"columns": [d[0] for d in cursor.description],
                       "rows": cursor.fetchall()}
    with open(target, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)


def _load(source: Path, schema: list[str], target: Path) -> None:
    """The dump read and inserted into a new file of the same tables in one transaction,
    with the app's durability settings (the import's floor)."""
    with open(source, encoding="utf-8") as fh:
        data = json.load(fh)
    con = sqlite3.connect(target, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=wal")
        con.execute("PRAGMA synchronous=full")
        for sql in schema:
            con.execute(sql)
        con.execute("BEGIN IMMEDIATE")
        for table, content in data.items():
            marks = ", ".join("?" * len(content["columns"]))
            con.executemany(f'INSERT INTO "{table}" VALUES ({marks})', content["rows"])
        con.execute("COMMIT")
    finally:
        con.close()


def floors(database: str, folder: str, repeat: int, emit: Callable[[dict], None]) -> int:
    con = sqlite3.connect(f"{Path(database).absolute().as_uri()}?mode=ro", uri=True)
    measured: dict[str, list[float]] = {}
    notes: dict[str, str] = {}

    def measure(key: str, call: Callable[[], object], times: int = repeat) -> None:
        try:
            measured[key] = _times(call, times)
        except sqlite3.Error as exc:  # (a schema without that table or index)
            notes[key] = str(exc)

    network = _keystrokes(con, _CONTACT_PAGE, NETWORK_WORD)
    steps = 2 * len(NETWORK_WORD)
    measure("keystroke_network", network)
    measured["keystroke_network"] = [t / steps for t in measured.get("keystroke_network", [])]
    interviews = _keystrokes(con, _INTERVIEW_PAGE, INTERVIEWS_WORD)
    measure("keystroke_interviews", interviews)
    measured["keystroke_interviews"] = [t / steps
                                        for t in measured.get("keystroke_interviews", [])]
    for key, sql in _TAB_PAGES.items():
        measure(key, lambda sql=sql: con.execute(sql % PAGE_ROWS).fetchall())
    measure("text_search_interviews",
            lambda: con.execute(_TEXT_SEARCH, {"word": TEXT_SEARCH_WORD}).fetchall())
    measure("ranking", lambda: con.execute(_RANKING).fetchall())
    measured["ranking_first"] = measured.get("ranking", [])

    work = Path(folder)
    dumped = work / "floor-dump.json"
    schema = [sql for (sql,) in con.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%' AND name NOT LIKE 'fold_%'")]
    io_repeat = max(1, min(repeat, 3))  # (seconds each)
    measure("json_export", lambda: _dump(con, dumped), io_repeat)
    counter = iter(range(1_000_000))

    def load() -> None:
        target = work / f"floor-load-{next(counter)}.db"
        _load(dumped, schema, target)
        for path in work.glob(target.name + "*"):
            path.unlink()

    if dumped.exists():
        measure("json_import", load, io_repeat)
        dumped.unlink()
    con.close()
    emit({"floors": {k: v for k, v in measured.items() if v}, "notes": notes})
    return 0
