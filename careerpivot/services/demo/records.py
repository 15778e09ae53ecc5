"""The kinds of record the sample workspace is written in.

Every record is a small frozen value. Records refer to each other by key -- a path's, a
contact's, a conversation's, an assumption's, a question's, a skill's, a learning item's --
never by position, and :mod:`.build` turns the keys into the ids the services return. A date
is a :data:`When`: a number of days from the day the sample is built for, or
:class:`After` (so many days after a conversation's day, which is moved off weekends).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import NamedTuple


@dataclasses.dataclass(frozen=True)
class After:
    """``days`` days after the day of the conversation ``interview``."""

    interview: str
    days: int = 0


#: A date of the sample: days from its today, :class:`After` a conversation, or none.
When = int | After | None


# --- paths ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True)
class PathRecord:
    title: str
    field: str
    status: str
    why: str


@dataclasses.dataclass(frozen=True, kw_only=True)
class AssumptionRecord:
    path: str
    category: str
    statement: str
    confidence: int  # initial confidence, %


# --- the network ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True)
class ContactRecord:
    """A person. Someone introduced during a conversation is listed in that conversation's
    :attr:`InterviewRecord.introduces`: the interviewee is their introducer."""

    name: str
    organization: str
    role: str
    level: str
    how_met: str
    stage: str
    email: str = ""
    url: str = ""
    phone: str = ""
    cadence_days: int = 0
    last_contact: When = None
    tags: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    notes: str = ""


# --- questions and conversations --------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True)
class QuestionRecord:
    """A question of the bank: one seeded with every workspace (``category`` None), found by
    its text, or a new one the sample adds to the bank."""

    text: str
    category: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class InterviewRecord:
    """A conversation. ``day`` is days from today (None: not dated yet); ``guide`` the
    questions of its guide when they are not the path's core questions (which the service
    copies into a new conversation); ``answers`` maps question keys to what was said."""

    contact: str
    path: str
    day: int | None
    status: str
    time: str = ""
    minutes: int = 30
    mode: str = "video"
    follow_up_of: str | None = None
    guide: tuple[str, ...] | None = None
    context: str = ""
    answers: Mapping[str, str] = dataclasses.field(default_factory=dict)
    notes: str = ""
    typical_week: str = ""
    challenges: str = ""
    success_metrics: str = ""
    surprises: str = ""
    resonated: str = ""
    fit_signal: int = 0
    #: the contacts introduced in this conversation, in the order they were introduced
    introduces: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class EvidenceRecord:
    interview: str
    assumption: str
    verdict: str
    quote: str


# --- skills, learning and experiments ---------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True)
class SkillRecord:
    name: str
    kind: str
    current_level: int
    target_level: int
    transferable: bool = False
    notes: str = ""


@dataclasses.dataclass(frozen=True, kw_only=True)
class MentionRecord:
    interview: str
    skill: str
    importance: int  # 1 nice to have, 2 important, 3 essential
    note: str


@dataclasses.dataclass(frozen=True, kw_only=True)
class LearningRecord:
    title: str
    kind: str
    status: str
    skills: tuple[str, ...]
    start: When = None
    end: When = None
    hours_planned: float = 0
    hours_spent: float = 0
    units_done: int = 0
    units_total: int = 0
    cost: float = 0
    provider: str = ""
    url: str = ""
    outcome: str = ""
    hypothesis: str = ""
    result: str = ""
    schedule_day: int | None = None
    schedule_time: str = ""
    schedule_minutes: int = 0


# --- the plan ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True)
class PhaseRecord:
    """What the sample writes into one of the phases every new workspace starts with."""

    goal: str
    weekly_hours: float
    start: When
    end: When
    success_metric: str


@dataclasses.dataclass(frozen=True, kw_only=True)
class MilestoneRecord:
    phase: str  # the phase's name
    title: str
    due: When
    status: str
    done: When = None
    metric: str = ""
    target: str = ""
    hours_needed: float = 0
    money_needed: float = 0
    partner: str | None = None
    skills: tuple[str, ...] = ()
    learning: tuple[str, ...] = ()
    notes: str = ""


@dataclasses.dataclass(frozen=True, kw_only=True)
class ContingencyRecord:
    trigger: str
    response: str
    date: When
    path: str


# --- the value summary and the log ------------------------------------------------------------


class PortfolioRecord(NamedTuple):
    """A portfolio item. A named tuple, not a dataclass: the benchmark workspace
    (tests/benchmarks/generate.py) unpacks these as ``(title, result, kind, learning)``."""

    title: str
    result: str
    kind: str
    learning: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class LogRecord:
    kind: str
    entry: When
    text: str
    due: When = None
    done: When = None
    contact: str | None = None
    interview: str | None = None
    path: str | None = None
