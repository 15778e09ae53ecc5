"""Who to ask next on a path (the rule: core.ask_next), read with a fixed number of queries.

:func:`ask_next` reads the path's standings with who has spoken on each assumption
(services.standings), the network (one query over the contacts, with the name of whoever
introduced each), the conversations on the path grouped by person, and the introductions
offered in conversations; :func:`who_to_ask` is its list alone.

The candidates are the contacts linked to the path and those linked to no path at all (the
user has not said which paths they can speak to); someone linked only to other paths is not
asked about this one.
"""

from __future__ import annotations

from typing import NamedTuple

import peewee as pw

from careerpivot.core import ask_next as rule
from careerpivot.core import vocab
from careerpivot.services import standings
from careerpivot.services._base import fetch_tuples, get_or_fail
from careerpivot.store.models import (
    Contact,
    ContactPath,
    Path,
    database,
)

# Who each conversation on the path is with. "+path_id" makes this one pass over the interview
# list's index, which holds both columns, rather than a lookup in the table (whose rows carry
# long texts) for each conversation of the path.
_TALKS_SQL = "SELECT contact_id, status FROM interview WHERE +path_id = ?"
# Who offered each introduction (the person of the conversation it was offered in), reading
# the introductions first: there are few of them, and many conversations.
_OFFERED_SQL = """
SELECT i.contact_id, c.name FROM introduction AS i
CROSS JOIN interview AS v ON v.id = i.interview_id
CROSS JOIN contact AS c ON c.id = v.contact_id
ORDER BY i.id
"""


class Suggestion(NamedTuple):
    contact_id: int
    name: str
    organization: str
    role: str
    level: str  # a core.vocab.LEVELS key, as stored
    #: Why, in English; the UI says it in the reader's language from ``ranked``
    #: (core.ask_next.reason(ranked, translate, name)).
    reason: str
    ranked: rule.Ranked
    score: tuple[int, int, int]
    introduced_by: str | None  # the introducer's name
    contacted: bool
    interviewed: bool  # a held conversation on this path


class AskNext(NamedTuple):
    path_id: int
    assumptions: int  # all of the path's
    open_assumptions: int  # not settled
    #: Left out of the list: people with a conversation already planned on the path.
    planned: int
    suggestions: list[Suggestion]


def _candidates(path_id: int) -> tuple[list[rule.Candidate], dict[int, str]]:
    """Every contact who may be asked about the path, with their conversations on it, and
    their roles by id: three queries."""
    introducer = Contact.alias("introducer")
    on_path = ContactPath.select(pw.SQL("1")).where(
        (ContactPath.contact == Contact.id) & (ContactPath.path == path_id))
    on_any = ContactPath.select(pw.SQL("1")).where(ContactPath.contact == Contact.id)
    people = fetch_tuples(
        Contact.select(Contact.id, Contact.name, Contact.organization, Contact.role,
                       Contact.level, Contact.stage, introducer.name)
        .join(introducer, pw.JOIN.LEFT_OUTER, on=(Contact.introduced_by == introducer.id))
        .where((Contact.archived == False)  # noqa: E712
               & Contact.stage.not_in(sorted(rule.EXCLUDED_STAGES))
               & (pw.fn.EXISTS(on_path) | ~pw.fn.EXISTS(on_any))))
    planned: set[int] = set()
    held: set[int] = set()
    for c_id, status in database.execute_sql(_TALKS_SQL, (path_id,)).fetchall():
        if status in rule.PLANNED_STATUSES:
            planned.add(c_id)
        elif status == vocab.HELD:
            held.add(c_id)
    offered: dict[int, str] = {}
    for c_id, name in database.execute_sql(_OFFERED_SQL).fetchall():
        offered.setdefault(c_id, name)
    found = []
    roles = {}
    for c_id, name, organization, role, level, stage, introduced_by in people:
        found.append(rule.Candidate(
            c_id, name, level or "", organization or "", stage, interviewed=c_id in held,
            planned=c_id in planned, introduced_by=offered.get(c_id, introduced_by)))
        roles[c_id] = role or ""
    return found, roles


def ask_next(path_id: int, limit: int = 20) -> AskNext:
    """Who to ask next about the path, best first (at most ``limit``), with how many of its
    assumptions are open and how many people already have a conversation planned on it."""
    with database.atomic():  # one snapshot of the evidence and the network
        get_or_fail(Path, path_id, "path")
        judged = standings.judged(path_id, with_heard=True)
        opened = [a for j in judged if (a := rule.open_assumption(
            j.standing, j.heard.people, j.heard.levels, j.heard.organizations)) is not None]
        candidates, roles = _candidates(path_id) if opened else ([], {})
    ranking = rule.rank(opened, candidates, limit)
    suggestions = [
        Suggestion(c.id, c.name, c.organization, roles.get(c.id, ""), c.level,
                   rule.reason(r), r, r.score, c.introduced_by, c.contacted, c.interviewed)
        for r in ranking.suggestions for c in (r.candidate,)]
    return AskNext(path_id, len(judged), len(opened), ranking.planned, suggestions)


def who_to_ask(path_id: int, limit: int = 20) -> list[Suggestion]:
    """Who to ask next about the path, best first: see core.ask_next for the rule."""
    return ask_next(path_id, limit).suggestions
