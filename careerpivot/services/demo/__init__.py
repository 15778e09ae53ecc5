"""A realistic sample workspace, for a first look at the app and for screenshots and tests.

Amara Lindqvist has spent ten years in project coordination at a logistics company and is
weighing two paths, product management and operations leadership. Her workspace holds about
two and a half months of work: contacts and introductions, nine conversations with their
evidence and skill mentions, two conversations coming up, a development list, a plan and a
value summary. Dates are relative to the day it is built for (the clock's today by default),
so the sample always looks current; nothing is random, so two sample workspaces made for the
same day are identical.

The sample is data -- named records that refer to each other by key (:mod:`.records`; the
person, her paths and network in :mod:`.people`, the conversations in :mod:`.conversations`,
skills and learning in :mod:`.learning`, the plan, summary and log in :mod:`.planning`) --
and :mod:`.build` puts it in through the same service functions the UI calls. Their
validation and rules apply to it as to anything a user types, so a rule change shows up in
the sample by itself, and a sample value a rule refuses fails the build (and the tests).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
from pathlib import Path as _FsPath

from careerpivot.core import clock
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import currency, workspace
from careerpivot.services.demo.build import fill as _fill
from careerpivot.services.demo.people import PROFILE
from careerpivot.services.demo.planning import PORTFOLIO
from careerpivot.store.db import write

#: The sample's currency (its person lives in the United Kingdom).
SAMPLE_CURRENCY = "GBP"

# PROFILE and PORTFOLIO: the benchmark workspace (tests/benchmarks/generate.py) reuses them.
__all__ = ["PORTFOLIO", "PROFILE", "create_demo_workspace", "ensure_demo_workspace"]


def _remove_new_file(path: _FsPath) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.remove(str(path) + suffix)


def create_demo_workspace(path: str | os.PathLike[str], *,
                          backups_root: _FsPath | None = None,
                          today: _dt.date | None = None) -> workspace.WorkspaceInfo:
    """Create the sample workspace in a new file at ``path`` and leave it open.

    Its dates are relative to ``today`` (the clock's today unless given): the app builds it
    for the real day, so it always looks current; tests build it for a fixed one.

    Refuses an existing file (the sample never mixes into real data). If filling it fails,
    the half-made file is removed and the error propagates.
    """
    target = _FsPath(path).expanduser()
    if target.exists():
        raise CareerPivotError(
            f"{target} already exists. The sample workspace is always created in a new file.",
            title="Cannot create the sample workspace",
        )
    info = workspace.open_workspace(target, create=True, backups_root=backups_root)
    try:
        with write():
            _fill(today or clock.today())
            # the sample's person lives in Leeds: its costs are in pounds, whatever the locale
            currency.set_currency(SAMPLE_CURRENCY)
    except BaseException:
        workspace.close()
        _remove_new_file(target)
        raise
    return info


def ensure_demo_workspace(path: str | os.PathLike[str], *,
                          backups_root: _FsPath | None = None) -> workspace.WorkspaceInfo:
    """Open the sample workspace at ``path``, creating it first if there is none."""
    target = _FsPath(path).expanduser()
    if target.exists():
        return workspace.open_workspace(target, create=False, backups_root=backups_root)
    return create_demo_workspace(target, backups_root=backups_root)
