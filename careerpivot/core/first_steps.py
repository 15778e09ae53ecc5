"""The first steps of a new workspace, and when each counts as done.

A fresh workspace opens on a short guide through one turn of the loop the app is built for:

1. ``path`` — name a path and write what you believe about it: at least one assumption (an
   assumption always belongs to a path);
2. ``people`` — add practitioners at different levels: :data:`PEOPLE_MIN` contacts (not
   archived), of at least :data:`LEVELS_MIN` distinct known experience levels;
3. ``conversation`` — plan and hold a conversation: one conversation held (its status is
   ``vocab.HELD``);
4. ``evidence`` — record what it said about your beliefs: a verdict on an assumption from a
   held conversation;
5. ``development`` — look at the development list: the Development tab was shown once with
   the guide pending (kept in the workspace). Recording a skill mention does not tick it:
   the step is there to show where the mentions lead, the ranked list.

The guide goes once every step is done or the user hides it (also kept in the workspace),
until the user asks for it again (Help > Show First Steps: then it shows every step, ticked
where done, until it is hidden); the sample workspace never shows it.
"""

from __future__ import annotations

from typing import NamedTuple

#: The steps, in the guide's order.
STEPS = ("path", "people", "conversation", "evidence", "development")

#: How many practitioners the second step asks for, and of how many distinct levels.
PEOPLE_MIN = 3
LEVELS_MIN = 2


class Progress(NamedTuple):
    """What the workspace holds, as far as the steps need to know. Counts may be capped at
    what a step asks for (the service stops counting there)."""

    paths: int
    assumptions: int
    contacts: int
    levels: int  # distinct known levels among the contacts
    held: int  # conversations held
    verdicts: int  # verdicts from held conversations
    development_seen: bool


def done(progress: Progress) -> dict[str, bool]:
    """Each step of :data:`STEPS` and whether it is done, in order."""
    return {
        "path": progress.assumptions >= 1,
        "people": progress.contacts >= PEOPLE_MIN and progress.levels >= LEVELS_MIN,
        "conversation": progress.held >= 1,
        "evidence": progress.verdicts >= 1,
        "development": progress.development_seen,
    }


def all_done(progress: Progress) -> bool:
    return all(done(progress).values())
