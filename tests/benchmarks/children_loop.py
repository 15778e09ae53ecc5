"""The benchmark child for closing the loop (``children.py loop WORKSPACE REPEAT``): the
readiness of every path, who to ask next for the first path, what changed in the evidence since
the last weekly review and all of the review's data, each
beside its floor — the same rows read with the standard library's ``sqlite3`` on the same file
and nothing done with them, so a ratio says what the app's own work costs on top of reading."""

from __future__ import annotations

import datetime
import sqlite3
import time
from collections.abc import Callable

#: What each figure has to read at least. Readiness: the verdicts of every assumption (a
#: covering index) and who took part in each held conversation (another).
_EVIDENCE_FLOOR = (
    "SELECT assumption_id, verdict, interview_id FROM evidence",
    "SELECT id, contact_id, held_level, held_organization, scheduled_at FROM interview"
    " WHERE status = 'completed'",
)
#: Who to ask next, for one path (``:path``): its verdicts and who gave them, the network, and who
#: was asked on the path already, and the introductions.
_PATH_EVIDENCE = "(SELECT id FROM assumption WHERE path_id = :path)"
_ASK_FLOOR = (
    "SELECT assumption_id, verdict, interview_id FROM evidence WHERE assumption_id IN "
    + _PATH_EVIDENCE,
    "SELECT id, contact_id, held_level, held_organization, scheduled_at FROM interview"
    " WHERE status = 'completed' AND id IN (SELECT interview_id FROM evidence WHERE"
    " assumption_id IN " + _PATH_EVIDENCE + ")",
    "SELECT id, name, organization, level, stage, archived FROM contact",
    "SELECT contact_id, status FROM interview WHERE path_id = :path",
    "SELECT interview_id, contact_id FROM introduction",
)
#: The weekly review's changes: the evidence as for readiness, and the skills mentioned in
#: conversations held in the last week (those that can have become recurring).
_CHANGES_FLOOR = (
    *_EVIDENCE_FLOOR,
    "SELECT m.skill_id, i.contact_id FROM interview i JOIN skill_mention m"
    " ON m.interview_id = i.id WHERE i.status = 'completed' AND i.scheduled_at > :since",
)
#: All of the review: also the log's dates.
_REVIEW_FLOOR = (
    *_CHANGES_FLOOR,
    "SELECT kind, entry_date, due_date, done_date FROM log_entry",
)


def _times(call: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    """The first call's time and those of ``repeat`` calls after it."""
    samples = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples[0], samples[1:]


def loop(database: str, repeat: int, emit: Callable[[dict], None]) -> int:
    from careerpivot.core import clock
    from careerpivot.services import ask_next, readiness, review, workspace

    workspace.open_workspace(database, create=False)
    raw = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    path_id = raw.execute("SELECT id FROM path ORDER BY position, id LIMIT 1").fetchone()[0]

    since = (clock.today() - datetime.timedelta(days=7)).isoformat()
    params = {"path": path_id, "since": since}

    def floor(queries: tuple[str, ...]) -> Callable[[], None]:
        return lambda: [raw.execute(q, {k: v for k, v in params.items() if f":{k}" in q})
                        .fetchall() for q in queries]

    result: dict = {}
    for key, call, queries in (
            ("readiness", readiness.readiness, _EVIDENCE_FLOOR),
            ("who_to_ask", lambda: ask_next.who_to_ask(path_id), _ASK_FLOOR),
            ("review_changes", review.changes_since_last_review, _CHANGES_FLOOR),
            ("review", review.review_data, _REVIEW_FLOOR)):
        first, again = _times(call, repeat)
        _first, floor_again = _times(floor(queries), repeat)
        result[key] = {"first_s": first, "again_s": again, "floor_s": floor_again}
    raw.close()
    workspace.close()
    emit(result)
    return 0
