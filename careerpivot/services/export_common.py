"""What every export shares: the progress callback, what an export says it wrote
(:class:`Exported`), and the workspace's random identity that travels with its exports."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from careerpivot.services import workspace
from careerpivot.services._base import write
from careerpivot.store.models import Setting

Progress = Callable[[int, int, str], None]

#: The Setting that holds this workspace's random identity (calendar and vCard UIDs).
WORKSPACE_UID_KEY = "workspace_uid"


class Exported(NamedTuple):
    """What an export wrote, for the message that says so: the file, how many things it holds
    (the rows of a list, calendar events, contact cards; for the full export the rows of
    every table), and that count by kind (the list's name; the calendar's ``interviews``,
    ``follow_ups``, ``milestones``, ``practice``; ``contacts``; for the full export each
    table's name)."""

    path: Path
    count: int
    counts: dict[str, int]


def tick(progress: Progress | None, done: int, total: int, text: str) -> None:
    if progress is not None:
        progress(done, total, text)


def workspace_uid() -> str:
    """This workspace's random identity, stored on first need; it travels with the full
    export, so calendars recognise the events of a workspace moved to another computer."""
    row = Setting.get_or_none(Setting.key == WORKSPACE_UID_KEY)
    if row is not None and row.value:
        return row.value
    value = str(uuid.uuid4())
    if workspace.is_read_only():
        info = workspace.current()
        return str(uuid.uuid5(uuid.NAMESPACE_URL, str(info.path if info else "careerpivot")))
    with write():
        Setting.insert(key=WORKSPACE_UID_KEY, value=value).on_conflict_ignore().execute()
        return Setting.get(Setting.key == WORKSPACE_UID_KEY).value
