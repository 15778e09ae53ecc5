"""The plain values the documents are made from: what the one-page summary, the interview prep
sheet and the plan show. The services fill them from the workspace (careerpivot.services.summary
and .documents); the reports turn them into PDFs, in a worker thread, without the database.
Reports never import services: these types are what passes between the two."""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

__all__ = ["GapQuestion", "PlanContingency", "PlanDocument", "PlanMilestone", "PlanPhase",
           "PortfolioEntry", "PrepSheet", "SaidBefore", "SummaryDocument"]


@dataclasses.dataclass(frozen=True)
class SaidBefore:
    """What one person already said about what a question targets, in a held conversation."""

    person: str  # "Alice Martin, Acme" (the organization as it was then)
    stance: str  # display name: a verdict (Supported, Challenged, Nuanced) or an importance
    quote: str  # short ("" when nothing was written down)


@dataclasses.dataclass(frozen=True)
class GapQuestion:
    """A question that targets what is still uncertain: an open assumption, or a skill
    mentioned only once."""

    question: str
    target: str  # the assumption's statement or the skill's name
    kind: str  # "assumption" or "skill"
    why: str  # what the evidence says and lacks, in words
    said: tuple[SaidBefore, ...] = ()


@dataclasses.dataclass(frozen=True)
class PrepSheet:
    interview_id: int
    my_name: str
    my_headline: str
    contact_name: str
    contact_role: str
    contact_organization: str
    contact_level: str  # display name
    contact_email: str
    contact_phone: str
    contact_url: str
    how_we_know: str  # how met, and who introduced us
    path: str
    scheduled_at: str
    minutes: int
    mode: str  # display name
    status: str  # display name
    round: int
    my_context: str
    questions: tuple[str, ...]
    earlier: str  # "Round 1 on 2026-02-02" or ""
    earlier_notes: str
    generated: str  # ISO date
    #: the guide's questions for what is still uncertain (not among ``questions``)
    uncertain: tuple[GapQuestion, ...] = ()


@dataclasses.dataclass(frozen=True)
class PlanMilestone:
    title: str
    due_date: str
    status: str  # display name
    status_key: str
    done_date: str
    metric: str
    target: str
    hours_needed: float
    money_needed: float
    partner: str
    notes: str
    #: days past its due date while still open (core.plan.days_overdue); 0 when not overdue
    days_overdue: int = 0
    #: ``money_needed`` in the workspace's currency ("€19"); "" for none
    money_text: str = ""


@dataclasses.dataclass(frozen=True)
class PlanPhase:
    name: str
    goal: str
    weekly_hours: float
    start_date: str
    end_date: str
    success_metric: str
    milestones: tuple[PlanMilestone, ...]


@dataclasses.dataclass(frozen=True)
class PlanContingency:
    trigger: str
    response: str
    trigger_date: str
    path: str


@dataclasses.dataclass(frozen=True)
class PlanDocument:
    my_name: str
    my_headline: str
    phases: tuple[PlanPhase, ...]
    contingencies: tuple[PlanContingency, ...]
    generated: str  # ISO date: today, for the timeline and what is overdue
    #: every milestone's money needed, added up, in the workspace's currency ("" for none)
    money_total_text: str = ""

    @property
    def milestone_count(self) -> int:
        return sum(len(p.milestones) for p in self.phases)

    @property
    def done_count(self) -> int:
        return sum(1 for p in self.phases for m in p.milestones if m.status_key == "done")

    @property
    def overdue_count(self) -> int:
        return sum(1 for p in self.phases for m in p.milestones if m.days_overdue)

    @property
    def hours_total(self) -> float:
        return sum(m.hours_needed for p in self.phases for m in p.milestones)


class PortfolioEntry(NamedTuple):
    title: str
    result: str
    url: str
    kind: str  # achievement or experiment


@dataclasses.dataclass(frozen=True)
class SummaryDocument:
    """Everything the one-page summary shows, as plain values (safe for a worker thread)."""

    full_name: str = ""
    headline: str = ""
    current_role: str = ""
    location: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    linkedin: str = ""
    narrative: str = ""
    ask: str = ""
    skills: tuple[str, ...] = ()
    portfolio: tuple[PortfolioEntry, ...] = ()
    page_size: str = ""  # "", "A4" or "Letter"; "" follows the locale

    def replace(self, **changes: object) -> SummaryDocument:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @property
    def is_empty(self) -> bool:
        return not any((self.full_name, self.headline, self.current_role, self.location,
                        self.email, self.phone, self.website, self.linkedin, self.narrative,
                        self.ask, self.skills, self.portfolio))
