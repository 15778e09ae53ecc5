"""Plain data for the printed documents besides the summary: the interview prep sheet and the
transition plan. A few queries each; the results are frozen dataclasses that a worker thread
can turn into a PDF without touching the database."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re

import peewee as pw

from careerpivot.core import clock, gap_questions, vocab
from careerpivot.core import plan as _plan
from careerpivot.reports.data import (
    GapQuestion,
    PlanContingency,
    PlanDocument,
    PlanMilestone,
    PlanPhase,
    PrepSheet,
    SaidBefore,
)
from careerpivot.services import currency, guide_gaps
from careerpivot.services._base import get_or_fail, stored_date
from careerpivot.store.models import (
    Answer,
    Contact,
    Contingency,
    Interview,
    Milestone,
    Path,
    PathQuestion,
    Phase,
    Profile,
    Question,
)


@dataclasses.dataclass(frozen=True)
class InterviewChoice:
    """One line of the "which interview?" list."""

    id: int
    label: str  # "2026-03-14 10:00 — Priya Raman, Northwind (Product management)"
    scheduled_at: str
    status: str


def _iso(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _profile() -> tuple[str, str]:
    row = (Profile.select(Profile.full_name, Profile.headline)
           .where(Profile.id == 1).tuples().first())
    return (row[0] or "", row[1] or "") if row else ("", "")


# --- interviews -------------------------------------------------------------------------------


def interview_choices() -> list[InterviewChoice]:
    """Every interview, upcoming first by date, then the rest newest first."""
    rows = (Interview
            .select(Interview.id, Interview.scheduled_at, Interview.status, Contact.name,
                    Contact.organization, pw.fn.COALESCE(Path.title, ""))
            .join(Contact)
            .switch(Interview)
            .join(Path, pw.JOIN.LEFT_OUTER)
            .order_by(Interview.scheduled_at.desc(), Interview.id.desc())
            .tuples())
    today = clock.today().isoformat()
    upcoming, rest = [], []
    for iid, when, status, name, org, path in rows:
        who = f"{name}, {org}" if org else name
        label = f"{when or 'no date'} — {who}" + (f" ({path})" if path else "")
        choice = InterviewChoice(iid, label, when or "", status)
        (upcoming if when and when[:10] >= today else rest).append(choice)
    upcoming.sort(key=lambda c: c.scheduled_at)
    return upcoming + rest


def _uncertain(interview: Interview, guide: list[tuple[int, str, int | None, int | None]]
               ) -> list[guide_gaps.Targeted]:
    """The guide's questions for what is still uncertain (those whose gap has closed since
    are ordinary questions now); for an empty guide of a conversation still planned, what
    the path's gaps propose."""
    if any(a is not None or s is not None for _i, _t, a, s in guide):
        return [t for t in guide_gaps.targeted_questions(interview.id) if t.open]
    if not guide and interview.path_id is not None and guide_gaps.is_ahead(
            interview.status, interview.scheduled_at or ""):
        return [guide_gaps.Targeted(None, p.text, p.kind, p.target_id, p.target, p.why)
                for p in guide_gaps.proposed_questions(interview.path_id, interview.id)]
    return []


def _gap_questions(interview_id: int, targeted: list[guide_gaps.Targeted]
                   ) -> tuple[GapQuestion, ...]:
    """Each question with what others already said about the same assumption or skill."""
    said = guide_gaps.said_before(((t.kind, t.target_id) for t in targeted), interview_id)
    return tuple(
        GapQuestion(t.question, gap_questions.shorten(t.target, guide_gaps.QUOTE_LENGTH),
                    t.kind, t.why, tuple(
                        SaidBefore(f"{s.person}, {s.organization}" if s.organization
                                   else s.person, s.stance, s.quote)
                        for s in said.get((t.kind, t.target_id), ())))
        for t in targeted)


_SENTENCE_END = re.compile(r"(?<=[.!?])(\s+)")
_WORD = re.compile(r"\w+")


def _unrepeated(text: str, shown: str) -> str:
    """``text`` without its sentences that say no more than the start of a sentence of
    ``shown`` (the sheet says "Introduced by Hannah Okoye" once, not again as "Introduced by
    Hannah." in my context); the rest as it was written, line breaks and all."""
    said = [_WORD.findall(t.casefold()) for t in _SENTENCE_END.split(shown)[::2] if t]
    parts = _SENTENCE_END.split(text)  # sentence, the space after it, sentence, ...
    kept: list[str] = []
    for i in range(0, len(parts), 2):
        words = _WORD.findall(parts[i].casefold())
        if len(words) >= 2 and any(w[:len(words)] == words for w in said):
            continue
        kept += parts[i:i + 2]
    return "".join(kept).strip() if len(kept) < len(parts) else text


def prep_sheet_data(interview_id: int) -> PrepSheet:
    """The prep sheet of one interview. Raises NotFoundError for an unknown id."""
    interview = get_or_fail(Interview, interview_id, "interview")
    contact = interview.contact
    path = interview.path
    guide = list(Answer.select(Answer.id, Answer.question_text, Answer.assumption, Answer.skill)
                 .where(Answer.interview == interview_id)
                 .order_by(Answer.position, Answer.id).tuples())
    targeted = _uncertain(interview, guide)
    shown_apart = {t.answer_id for t in targeted}
    questions = [text for a_id, text, _a, _s in guide if a_id not in shown_apart]
    if not guide and path is not None:
        questions = [t for (t,) in Question.select(Question.text).join(PathQuestion)
                     .where(PathQuestion.path == path.id)
                     .order_by(PathQuestion.position, PathQuestion.id).tuples()]
    how = contact.how_met or ""
    if contact.introduced_by_id:
        introducer = Contact.get_or_none(Contact.id == contact.introduced_by_id)
        # unless how they met says it already ("Introduced by Priya at …")
        if introducer is not None and introducer.name.casefold() not in how.casefold():
            intro = f"Introduced by {introducer.name}"
            how = f"{how}. {intro}" if how and not how.endswith(".") else (
                f"{how} {intro}" if how else intro)
    earlier, earlier_notes = "", ""
    if interview.follow_up_of_id:
        first = Interview.get_or_none(Interview.id == interview.follow_up_of_id)
        if first is not None:
            held = stored_date(first.scheduled_at)
            earlier = f"Round {first.round}" + (f" on {held.day} {held:%B %Y}" if held else "")
            earlier_notes = first.notes or ""
    name, headline = _profile()
    return PrepSheet(
        interview_id=interview.id,
        my_name=name,
        my_headline=headline,
        contact_name=contact.name,
        contact_role=contact.role or "",
        contact_organization=contact.organization or "",
        contact_level=vocab.LEVELS.get(contact.level or "", "") if contact.level else "",
        contact_email=contact.email or "",
        contact_phone=contact.phone or "",
        contact_url=contact.url or "",
        how_we_know=how,
        path=path.title if path is not None else "",
        scheduled_at=interview.scheduled_at or "",
        minutes=interview.minutes or 0,
        mode=vocab.INTERVIEW_MODES.get(interview.mode, interview.mode or ""),
        status=vocab.INTERVIEW_STATUSES.get(interview.status, interview.status or ""),
        round=interview.round or 1,
        my_context=_unrepeated(interview.context or "", how),
        questions=tuple(questions),
        earlier=earlier,
        earlier_notes=earlier_notes,
        generated=clock.today().isoformat(),
        uncertain=_gap_questions(interview.id, targeted),
    )


# --- the plan ---------------------------------------------------------------------------------


def plan_document_data(today: _dt.date | None = None) -> PlanDocument:
    """Phases in order with their milestones (in date order, undated last, as the Plan tab
    lists them), what is overdue (the plan's rule, :func:`core.plan.days_overdue`), money in
    the workspace's currency, and the contingencies. Four queries."""
    today = today or clock.today()
    code = currency.currency_code()
    milestones: dict[int, list[PlanMilestone]] = {}
    money_total = 0.0
    rows = (Milestone
            .select(Milestone.phase, Milestone.title, Milestone.due_date, Milestone.status,
                    Milestone.done_date, Milestone.metric, Milestone.target,
                    Milestone.hours_needed, Milestone.money_needed,
                    pw.fn.COALESCE(Contact.name, ""), Milestone.notes)
            .join(Contact, pw.JOIN.LEFT_OUTER, on=(Milestone.partner == Contact.id))
            .order_by(Milestone.due_date.is_null(), Milestone.due_date, Milestone.position,
                      Milestone.id)
            .tuples())
    for (phase_id, title, due, status, done, metric, target, hours, money, partner,
         notes) in rows:
        due_day = stored_date(due)
        money_total += money or 0.0
        milestones.setdefault(phase_id, []).append(PlanMilestone(
            title=title, due_date=_iso(due_day),
            status=vocab.MILESTONE_STATUSES.get(status, status or ""), status_key=status or "",
            done_date=_iso(stored_date(done)), metric=metric or "", target=target or "",
            hours_needed=hours or 0.0, money_needed=money or 0.0, partner=partner or "",
            notes=notes or "", days_overdue=_plan.days_overdue(due_day, status or "", today),
            money_text=currency.format_money(money, code) if money else ""))
    phases = tuple(
        PlanPhase(name=name, goal=goal or "", weekly_hours=hours or 0.0,
                  start_date=_iso(stored_date(start)), end_date=_iso(stored_date(end)),
                  success_metric=metric or "", milestones=tuple(milestones.get(pid, ())))
        for pid, name, goal, hours, start, end, metric in
        Phase.select(Phase.id, Phase.name, Phase.goal, Phase.weekly_hours, Phase.start_date,
                     Phase.end_date, Phase.success_metric)
        .order_by(Phase.position, Phase.id).tuples()
    )
    contingencies = tuple(
        PlanContingency(trigger=trigger, response=response or "",
                        trigger_date=_iso(stored_date(date)), path=path or "")
        for trigger, response, date, path in
        Contingency.select(Contingency.trigger, Contingency.response, Contingency.trigger_date,
                           pw.fn.COALESCE(Path.title, ""))
        .join(Path, pw.JOIN.LEFT_OUTER)
        .order_by(Contingency.position, Contingency.id).tuples()
    )
    name, headline = _profile()
    return PlanDocument(name, headline, phases, contingencies, today.isoformat(),
                        money_total_text=(currency.format_money(money_total, code)
                                          if money_total else ""))
