"""The first-steps guide of a new workspace: which steps are done, where each one's button
leads, and whether the guide is shown at all.

The rule of each step is ``core.first_steps``'. :func:`state` reads everything in one
statement of small subqueries, each stopped at what its step asks for (three contacts, two
levels, one held conversation, one verdict), plus, while the guide is shown, one more for
where the buttons lead: a path to write a belief about, a planned conversation to hold, a
held one to record verdicts from. So it costs the same on the benchmark workspace as on a
new one.

Two workspace settings keep the guide's own state: :data:`HIDDEN_KEY` (the user hid it, or
every step was done once: it does not come back by itself; or the user asked for it again,
Help > Show First Steps: see :func:`show_again`) and :data:`DEVELOPMENT_KEY` (the last step,
the Development tab was shown). The guide is never shown on the sample workspace, nor on a
workspace open read-only (nothing could be done there).
"""

from __future__ import annotations

import dataclasses

from careerpivot.core import first_steps as rule
from careerpivot.core import vocab
from careerpivot.core.ask_next import PLANNED_STATUSES
from careerpivot.core.first_steps import Progress
from careerpivot.services import workspace
from careerpivot.services._base import write
from careerpivot.store.models import Setting, database

__all__ = ["DEVELOPMENT_KEY", "HIDDEN_KEY", "KEYS", "FirstSteps", "Progress", "hide",
           "mark_development_seen", "show_again", "state"]

#: The workspace setting of a guide that is gone: "hidden" by the user, or "done"; or
#: :data:`ASKED` for, again, after that.
HIDDEN_KEY = "first_steps.hidden"
#: :data:`HIDDEN_KEY`'s value once the user asked for the guide again: it shows until hidden
#: (its steps all ticked, if all are done).
ASKED = "shown"
#: The workspace setting of the last step: the development list was looked at ("1").
DEVELOPMENT_KEY = "first_steps.development_seen"
#: The guide's own settings: they are no data of the user's (``services.exports.is_empty``).
KEYS = frozenset({HIDDEN_KEY, DEVELOPMENT_KEY})
#: The setting that marks the sample workspace (``services.demo.build.DEMO_SETTING``, not
#: imported from there: that module loads the whole sample's data; a test keeps them equal).
SAMPLE_KEY = "demo"

_PROGRESS_SQL = """
SELECT
  (SELECT COUNT(*) FROM (SELECT 1 FROM path LIMIT 1)),
  (SELECT COUNT(*) FROM (SELECT 1 FROM assumption LIMIT 1)),
  (SELECT COUNT(*) FROM (SELECT 1 FROM contact WHERE archived = 0 LIMIT ?)),
  (SELECT COUNT(*) FROM (SELECT DISTINCT level FROM contact
                         WHERE archived = 0 AND level != '' LIMIT ?)),
  (SELECT COUNT(*) FROM (SELECT 1 FROM interview WHERE status = ? LIMIT 1)),
  (SELECT COUNT(*) FROM (SELECT 1 FROM evidence e JOIN interview i ON i.id = e.interview_id
                         WHERE i.status = ? LIMIT 1)),
  (SELECT value FROM setting WHERE key = ?),
  (SELECT value FROM setting WHERE key = ?),
  (SELECT value FROM setting WHERE key = ?)
"""

#: Where the buttons lead: the first path; the next planned conversation (dated ones first);
#: the latest held conversation, one on a path with assumptions first (its Evidence page has
#: something to mark). Each walks an index and stops at the first row it takes.
_TARGETS_SQL = """
SELECT
  (SELECT id FROM path ORDER BY position, id LIMIT 1),
  (SELECT id FROM interview WHERE status IN ({planned})
   ORDER BY scheduled_at = '', scheduled_at, id LIMIT 1),
  COALESCE(
    (SELECT id FROM interview WHERE status = ? AND path_id IN (SELECT path_id FROM assumption)
     ORDER BY id DESC LIMIT 1),
    (SELECT id FROM interview WHERE status = ? ORDER BY id DESC LIMIT 1))
"""


@dataclasses.dataclass(frozen=True)
class FirstSteps:
    #: The guide is to be shown: not hidden, not finished, not the sample, not read-only.
    shown: bool
    #: Why it is not: "hidden" (by the user), "finished" (kept: every step was done once),
    #: "done" (every step is done, not kept yet: see :func:`hide`), "sample", "read_only";
    #: "" when it is shown.
    reason: str
    progress: Progress
    #: Each step of ``core.first_steps.STEPS`` and whether it is done, in order.
    done: dict[str, bool]
    #: The user asked for the guide again (Help > Show First Steps): it shows even with every
    #: step done, until hidden.
    asked: bool = False
    #: Where the buttons lead (None: nowhere in particular, or the guide is not shown):
    #: the path to write a belief about, a planned conversation to hold, a held one whose
    #: verdicts are to be recorded.
    path_id: int | None = None
    planned_id: int | None = None
    held_id: int | None = None

    @property
    def all_done(self) -> bool:
        return all(self.done.values())


def state() -> FirstSteps:
    """The guide as it stands (two statements at most)."""
    with database.atomic():
        row = database.execute_sql(_PROGRESS_SQL, (
            rule.PEOPLE_MIN, rule.LEVELS_MIN, vocab.HELD, vocab.HELD,
            HIDDEN_KEY, DEVELOPMENT_KEY, SAMPLE_KEY)).fetchone()
        paths, assumptions, contacts, levels, held, verdicts, hidden, seen, sample = row
        progress = Progress(paths=paths, assumptions=assumptions, contacts=contacts,
                            levels=levels, held=held, verdicts=verdicts,
                            development_seen=seen == "1")
        done = rule.done(progress)
        asked = hidden == ASKED
        if sample == "1":
            reason = "sample"
        elif hidden and not asked:
            reason = "finished" if hidden == "done" else "hidden"
        elif workspace.is_read_only():
            reason = "read_only"
        elif all(done.values()) and not asked:
            reason = "done"
        else:
            reason = ""
        if reason:
            return FirstSteps(False, reason, progress, done, asked=asked)
        planned = sorted(PLANNED_STATUSES)
        sql = _TARGETS_SQL.format(planned=", ".join("?" * len(planned)))
        path_id, planned_id, held_id = database.execute_sql(
            sql, (*planned, vocab.HELD, vocab.HELD)).fetchone()
    return FirstSteps(True, "", progress, done, asked=asked, path_id=path_id,
                      planned_id=planned_id, held_id=held_id)


def hide(*, finished: bool = False) -> None:
    """The guide goes for good: hidden by the user, or ``finished`` (every step done)."""
    with write():
        Setting.replace(key=HIDDEN_KEY, value="done" if finished else "hidden").execute()
    workspace.mark_changed()


def show_again() -> None:
    """Bring the guide back after it was hidden or finished (Help > Show First Steps): it
    shows until it is hidden again, every step ticked if all are done. Kept in the
    workspace, as hiding is."""
    with write():
        Setting.replace(key=HIDDEN_KEY, value=ASKED).execute()
    workspace.mark_changed()


def mark_development_seen() -> bool:
    """The development list was looked at (the last step). True when that is news."""
    if Setting.select().where(Setting.key == DEVELOPMENT_KEY).exists():
        return False
    with write():
        Setting.replace(key=DEVELOPMENT_KEY, value="1").execute()
    workspace.mark_changed()
    return True
