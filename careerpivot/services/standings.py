"""Where every assumption stands on the evidence (core.evidence.judge), read from the store with
a fixed number of queries: the readiness of a path, who to ask next and the weekly review all
start from here, and so does the Paths tab's list (services.paths.list_assumptions).

Two reads make a judgement: the verdicts of each assumption, listed per verdict by
``group_concat`` from the index on ``evidence(assumption_id, verdict, interview_id)``; and who
took part in each held conversation, as recorded when it was held, from the index on
``interview(status, id, contact_id, held_level, held_organization, scheduled_at)`` — never the
tables, whose rows carry long texts.

``held_through``: judge as the evidence stood at the end of that day, counting only
conversations held on or before it (by their date); verdicts on later ones are left out, not
shown as "not counted".
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import peewee as pw

from careerpivot.core import evidence, vocab
from careerpivot.store.models import Assumption, Evidence, Path, database

#: The verdicts in the order :func:`verdict_lists` lists them.
VERDICT_ORDER = (evidence.SUPPORTED, evidence.CHALLENGED, evidence.NUANCED)

_HELD_SQL = f"""
SELECT id, contact_id, held_level, held_organization, scheduled_at FROM interview
WHERE status = '{vocab.HELD}'
"""
_OF_PATH_SQL = """
 AND id IN (SELECT interview_id FROM evidence WHERE assumption_id IN
            (SELECT id FROM assumption WHERE path_id = ?))
"""
_THROUGH_SQL = " AND scheduled_at != '' AND substr(scheduled_at, 1, 10) <= ?"


class Heard(NamedTuple):
    """Who has spoken on an assumption in held conversations (any verdict): contact ids, and
    the keys (core.evidence.level_key / organization_key) of the known levels and
    organizations they had then."""

    people: frozenset[object]
    levels: frozenset[str]
    organizations: frozenset[str]


class Judged(NamedTuple):
    assumption_id: int
    path_id: int
    category: str
    statement: str
    standing: evidence.Standing
    heard: Heard


def verdict_lists() -> tuple[pw.Node, ...]:
    """Three columns for a query over Assumption: the conversations (ids, comma-separated) that
    gave each verdict of :data:`VERDICT_ORDER` on the outer query's assumption."""
    return tuple(
        Evidence.select(pw.fn.group_concat(Evidence.interview))
        .where((Evidence.assumption == Assumption.id) & (Evidence.verdict == verdict))
        for verdict in VERDICT_ORDER)


def held_voices(path_id: int | None = None,
                held_through: _dt.date | None = None) -> dict[str, evidence.Voice]:
    """Every held conversation's voice, by its id as ``group_concat`` writes it (only those
    with a verdict on the path's assumptions when ``path_id`` is given); each level and
    organization keyed once per spelling."""
    sql, params = _HELD_SQL, []
    if path_id is not None:
        sql += _OF_PATH_SQL
        params.append(path_id)
    if held_through is not None:
        sql += _THROUGH_SQL
        params.append(held_through.isoformat())
    levels: dict[object, str] = {}
    organizations: dict[object, str] = {}
    voices = {}
    for i_id, c_id, level, organization, when in database.execute_sql(sql, params).fetchall():
        lk = levels.get(level)
        if lk is None:
            lk = levels[level] = evidence.level_key(level)
        ok = organizations.get(organization)
        if ok is None:
            ok = organizations[organization] = evidence.organization_key(organization)
        voices[str(i_id)] = evidence.Voice(c_id, lk, ok, (when or "9999", i_id))
    return voices


def _ids(text: str | None) -> list[str]:
    return text.split(",") if text else []


def judge_lists(lists: Sequence[str | None], voices: dict[str, evidence.Voice],
                *, left_out: bool = False) -> evidence.Standing:
    """The standing from :func:`verdict_lists`' three columns. A conversation without a voice
    was not held: kept as "not counted" — or, with ``left_out``, not there at all."""
    found = []
    listed = 0
    for ids in lists:
        ids_ = _ids(ids)
        listed += len(ids_)
        found.append([v for v in map(voices.get, ids_) if v is not None])
    supporting, challenging, nuanced = found
    not_counted = 0 if left_out else listed - sum(map(len, found))
    return evidence.standing_of(supporting, challenging, len(nuanced), not_counted)


def _heard(lists: Iterable[str | None], voices: dict[str, evidence.Voice]) -> Heard:
    spoke = [voice for ids in lists for i_id in _ids(ids)
             if (voice := voices.get(i_id)) is not None]
    return Heard(frozenset(v.person for v in spoke),
                 frozenset(v.level for v in spoke) - {""},
                 frozenset(v.organization for v in spoke) - {""})


def judged(path_id: int | None = None, *, held_through: _dt.date | None = None,
           with_heard: bool = False) -> list[Judged]:
    """Every assumption (of one path, or all), in the Paths tab's order, with its standing;
    ``with_heard`` also gathers who has spoken on it (else ``heard`` is empty). Two queries."""
    query = (Assumption.select(Assumption.id, Assumption.path, Assumption.category,
                               Assumption.statement, *verdict_lists())
             .join(Path)
             .order_by(Path.position, Path.id, Assumption.position, Assumption.id))
    if path_id is not None:
        query = query.where(Assumption.path == path_id)
    rows = list(query.tuples())
    voices = (held_voices(path_id, held_through)
              if any(any(r[4:]) for r in rows) else {})
    nobody = Heard(frozenset(), frozenset(), frozenset())
    return [Judged(a_id, p_id, category, statement,
                   judge_lists(lists, voices, left_out=held_through is not None),
                   _heard(lists, voices) if with_heard else nobody)
            for a_id, p_id, category, statement, *lists in rows]
