"""Evidence readiness per path (the Paths tab's Readiness page and the Overview): for every
path the share of its assumptions that are settled, each assumption's standing, the untested
ones by category and the most useful next step (core.readiness).

Read from the standings (services.standings.judged) and the path titles: three queries in one
read transaction, whatever the number of conversations.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from careerpivot.core import readiness as core
from careerpivot.services import paths, standings
from careerpivot.services._base import fetch_tuples
from careerpivot.store.models import Path, database


class PathReadiness(NamedTuple):
    path_id: int
    title: str
    readiness: core.Readiness

    @property
    def share(self) -> float | None:
        return self.readiness.share


def readiness(path_id: int | None = None) -> list[PathReadiness]:
    """The readiness of every path in the user's order, or of one (an empty list when it does
    not exist). A path with no assumptions has no figure (``share`` None)."""
    query = Path.select(Path.id, Path.title).order_by(Path.position, Path.id)
    if path_id is not None:
        query = query.where(Path.id == path_id)
    with database.atomic():  # one snapshot of the paths and their evidence
        titles = fetch_tuples(query)
        if not titles:
            return []
        judged = standings.judged(path_id)
    items: dict[int, list[core.Item]] = {}
    for j in judged:
        items.setdefault(j.path_id, []).append(
            core.Item(j.assumption_id, j.category, j.statement, j.standing))
    return [PathReadiness(pid, title or "", core.of_path(pid, items.get(pid, ())))
            for pid, title in titles]


def of_assumptions(path_id: int, title: str, rows: Iterable[paths.AssumptionRow]
                   ) -> PathReadiness:
    """One path's readiness from its assumptions already read (services.paths
    .list_assumptions), without reading them again: the Paths tab shows the path's list and
    its readiness from one read."""
    return PathReadiness(path_id, title, core.of_path(path_id, [
        core.Item(r.id, r.category, r.statement, r.standing) for r in rows
        if r.standing is not None]))


def readiness_of(path_id: int) -> PathReadiness | None:
    """One path's readiness (None when it does not exist)."""
    found = readiness(path_id)
    return found[0] if found else None
