"""Building the sample workspace through the services.

Every record of the data modules goes in through the public service function the UI calls
for it (``services.summary``, ``paths``, ``network``, ``interviews``, ``development``, ``plan``
and ``log``), with that function's validation and rules: a guide filled from the path's core
questions, a contact introduced during a conversation linked to it and to its path, a held
conversation keeping who the person was, positions, stages moving forward only. Where a
function does not take something the sample needs, the sample makes the change the UI would
make next (the contact editor's fields of someone just introduced, the guide of a second
round, the follow-up actions of a held conversation). Only the marker that says "this is the
sample" is written to the store directly: no service keeps general workspace settings.

Call :func:`fill` inside one write transaction (``create_demo_workspace`` does), so a failure
leaves nothing half made.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import TypeVar

from careerpivot.core.errors import CareerPivotError
from careerpivot.services import (
    development,
    guide_gaps,
    interviews,
    log,
    network,
    paths,
    plan,
    summary,
)
from careerpivot.services.demo import conversations, learning, people, planning
from careerpivot.services.demo.records import After, ContactRecord, InterviewRecord, When
from careerpivot.store.models import Setting

#: The setting that marks a workspace as the sample (value "1").
DEMO_SETTING = "demo"
#: The status of a conversation that was held.
HELD = "completed"

_V = TypeVar("_V")


def _workday(day: _dt.date, *, forward: bool) -> _dt.date:
    """Move a weekend date to the nearest working day in the given direction."""
    while day.weekday() >= 5:
        day += _dt.timedelta(days=1 if forward else -1)
    return day


def interview_days(today: _dt.date) -> dict[str, _dt.date]:
    """Each dated conversation's day: past ones move back and future ones forward off
    weekends."""
    return {
        key: _workday(today + _dt.timedelta(days=record.day), forward=record.day > 0)
        for key, record in conversations.INTERVIEWS.items() if record.day is not None
    }


def _known(mapping: Mapping[str, _V], key: str, what: str) -> _V:
    """``mapping[key]``, or an error that says which name of the sample is unknown."""
    try:
        return mapping[key]
    except KeyError:
        raise CareerPivotError(f"The sample workspace names {what} {key!r}, which does not "
                               f"exist.", title="Cannot create the sample workspace") from None


class _Sample:
    """The ids the services gave each record, by the record's key, while the sample is
    built."""

    def __init__(self, today: _dt.date) -> None:
        self.today = today
        self.interview_days = interview_days(today)
        self.paths: dict[str, int] = {}
        self.assumptions: dict[str, int] = {}
        self.contacts: dict[str, int] = {}
        self.questions: dict[str, int] = {}
        self.interviews: dict[str, int] = {}
        self.skills: dict[str, int] = {}
        self.learning: dict[str, int] = {}

    def day(self, when: When) -> _dt.date | None:
        if when is None:
            return None
        if isinstance(when, After):
            start = _known(self.interview_days, when.interview, "a dated conversation")
            return start + _dt.timedelta(days=when.days)
        return self.today + _dt.timedelta(days=when)

    # --- the person and her paths -----------------------------------------------------------

    def profile(self) -> None:
        for field, value in people.PROFILE.items():
            summary.update_profile(field, value)
        # ORM: no service stores a general workspace setting (outreach and overview each keep
        # only their own key).
        Setting.replace(key=DEMO_SETTING, value="1").execute()

    def add_paths(self) -> None:
        for key, path in people.PATHS.items():
            self.paths[key] = paths.add_path(path.title, field=path.field, why=path.why,
                                             status=path.status)
        for key, assumption in people.ASSUMPTIONS.items():
            self.assumptions[key] = paths.add_assumption(
                _known(self.paths, assumption.path, "a path"), assumption.statement,
                assumption.category, assumption.confidence)
        criteria = {c.name: c.id for c in paths.list_criteria()}
        for key, scores in people.PATH_SCORES.items():
            for name, score in scores.items():
                paths.set_score(self.paths[key], _known(criteria, name, "a criterion"), score)

    # --- the network ------------------------------------------------------------------------

    def _path_ids(self, keys: tuple[str, ...]) -> list[int]:
        return [_known(self.paths, key, "a path") for key in keys]

    def add_contacts(self) -> None:
        """The people met directly; those introduced during a conversation come with it."""
        introduced = {key for record in conversations.INTERVIEWS.values()
                      for key in record.introduces}
        for key, contact in people.CONTACTS.items():
            if key in introduced:
                continue
            self.contacts[key] = network.create_contact(
                name=contact.name, organization=contact.organization, role=contact.role,
                level=contact.level, email=contact.email, url=contact.url,
                phone=contact.phone, how_met=contact.how_met, stage=contact.stage,
                cadence_days=contact.cadence_days, last_contact=self.day(contact.last_contact),
                notes=contact.notes, source="manual", tags=list(contact.tags),
                path_ids=self._path_ids(contact.paths))

    def _introduce(self, interview_key: str, contact_key: str) -> None:
        """Someone the interviewee introduced: added from the conversation, then the fields
        the introduction does not take, as the contact's editor would change them."""
        contact: ContactRecord = _known(people.CONTACTS, contact_key, "a contact")
        contact_id = interviews.add_introduction(
            self.interviews[interview_key], contact.name, organization=contact.organization,
            role=contact.role, email=contact.email, level=contact.level, notes=contact.notes)
        self.contacts[contact_key] = contact_id
        row = network.get_contact(contact_id)
        for field, value in (("phone", contact.phone), ("url", contact.url),
                             ("how_met", contact.how_met), ("stage", contact.stage),
                             ("cadence_days", contact.cadence_days),
                             ("last_contact", self.day(contact.last_contact))):
            if getattr(row, field) != value:
                network.update_contact(contact_id, field, value)
        if set(row.tags) != set(contact.tags):
            network.set_tags(contact_id, contact.tags)
        wanted = self._path_ids(contact.paths)
        if set(row.path_ids) != set(wanted):
            network.set_paths(contact_id, wanted)

    # --- questions and conversations --------------------------------------------------------

    def add_questions(self) -> None:
        bank = {q.text: q.id for q in paths.list_questions()}
        for key, question in conversations.QUESTIONS.items():
            if question.category is None:
                self.questions[key] = _known(bank, question.text, "a question of the bank")
            else:
                self.questions[key] = paths.add_question(question.text, question.category)
        for key, questions in conversations.CORE_QUESTIONS.items():
            paths.set_core_questions(_known(self.paths, key, "a path"),
                                     [self.questions[q] for q in questions])

    def _scheduled_at(self, key: str, record: InterviewRecord) -> str:
        if key not in self.interview_days:
            return ""
        return f"{self.interview_days[key].isoformat()} {record.time}".strip()

    def _create(self, key: str, record: InterviewRecord) -> int:
        contact_id = _known(self.contacts, record.contact, "a contact")
        path_id = _known(self.paths, record.path, "a path")
        if record.follow_up_of is None:
            # a conversation held is scheduled first; complete_interview marks it held
            status = "scheduled" if record.status == HELD else record.status
            return interviews.create_interview(
                contact_id, path_id, scheduled_at=self._scheduled_at(key, record),
                minutes=record.minutes, mode=record.mode, status=status,
                context=record.context)
        first = conversations.INTERVIEWS[record.follow_up_of]
        if (first.contact, first.path) != (record.contact, record.path):
            raise CareerPivotError(f"The sample's follow-up {key!r} is not with the person "
                                   f"and path of {record.follow_up_of!r}.",
                                   title="Cannot create the sample workspace")
        interview_id = interviews.schedule_follow_up(self.interviews[record.follow_up_of])
        row = interviews.get_interview(interview_id).row
        for field, value in (("scheduled_at", self._scheduled_at(key, record)),
                             ("minutes", record.minutes), ("mode", record.mode)):
            if getattr(row, field) != value:
                interviews.update_interview(interview_id, field, value)
        interviews.update_interview(interview_id, "context", record.context)
        if record.status == "scheduled":
            interviews.update_interview(interview_id, "status", "scheduled")
        return interview_id

    def _set_guide(self, interview_id: int, keys: tuple[str, ...]) -> None:
        """Replace the guide the service made by these questions, as the guide editor would."""
        wanted = [_known(self.questions, key, "a question") for key in keys]
        guide = interviews.get_interview(interview_id).answers
        if [a.question_id for a in guide] == wanted:
            return
        for answer in guide:
            interviews.remove_guide_question(answer.id)
        for question_id in wanted:
            interviews.add_guide_question(interview_id, question_id)

    def _hold(self, interview_id: int, key: str) -> None:
        """Mark the conversation held on its day. Completing it also creates a generic
        thank-you and report-back; the sample's log (``planning.LOG``) has the follow-ups as
        Amara wrote and closed them, so the generic ones are deleted again."""
        created = interviews.complete_interview(interview_id, today=self.interview_days[key])
        for entry_id in created:
            log.delete_entry(entry_id)

    def _write_up(self, interview_id: int, key: str, record: InterviewRecord) -> None:
        if record.answers:
            guide = {a.question_id: a.id for a in interviews.get_interview(interview_id).answers}
            for question, text in record.answers.items():
                question_id = _known(self.questions, question, "a question")
                if question_id not in guide:
                    raise CareerPivotError(
                        f"The sample's conversation {key!r} answers {question!r}, which is not "
                        f"in its guide.", title="Cannot create the sample workspace")
                interviews.set_answer(guide[question_id], text)
        for field in ("notes", "typical_week", "challenges", "success_metrics", "surprises",
                      "resonated", "fit_signal"):
            value = getattr(record, field)
            if value:
                interviews.update_interview(interview_id, field, value)

    def add_interviews(self) -> None:
        """The conversations in order, each with the people introduced in it."""
        for key, record in conversations.INTERVIEWS.items():
            interview_id = self.interviews[key] = self._create(key, record)
            if record.guide is not None:
                self._set_guide(interview_id, record.guide)
            if record.status == HELD:
                self._hold(interview_id, key)
            self._write_up(interview_id, key, record)
            for contact_key in record.introduces:
                self._introduce(key, contact_key)

    def add_evidence(self) -> None:
        for evidence in conversations.EVIDENCE:
            interviews.set_evidence(
                _known(self.interviews, evidence.interview, "a conversation"),
                _known(self.assumptions, evidence.assumption, "an assumption"),
                evidence.verdict, evidence.quote)

    def refresh_proposals(self) -> None:
        """The conversations still ahead were planned before the sample's evidence and skill
        mentions were written: propose their gap questions again from the evidence as it now
        stands, as planning them today would (services.guide_gaps)."""
        for interview_id in self.interviews.values():
            marks = guide_gaps.guide_marks(interview_id)
            if not marks:
                continue
            for answer_id in marks:
                interviews.remove_guide_question(answer_id)
            guide_gaps.add_proposals(interview_id)

    # --- skills, learning and experiments ---------------------------------------------------

    def add_skills(self) -> None:
        for key, skill in learning.SKILLS.items():
            self.skills[key] = development.add_skill(
                skill.name, skill.kind, skill.current_level, skill.target_level,
                skill.transferable, skill.notes)
        for mention in learning.MENTIONS:
            skill = _known(learning.SKILLS, mention.skill, "a skill")
            interviews.add_mention(_known(self.interviews, mention.interview, "a conversation"),
                                   skill.name, mention.importance, mention.note)

    def _skill_ids(self, keys: tuple[str, ...]) -> list[int]:
        return [_known(self.skills, key, "a skill") for key in keys]

    def add_learning(self) -> None:
        for key, item in learning.LEARNING.items():
            self.learning[key] = development.add_learning(
                item.title, item.kind, skill_ids=self._skill_ids(item.skills),
                status=item.status, start_date=self.day(item.start),
                end_date=self.day(item.end), hours_planned=item.hours_planned,
                hours_spent=item.hours_spent, units_done=item.units_done,
                units_total=item.units_total, cost=item.cost, provider=item.provider,
                url=item.url, outcome=item.outcome, hypothesis=item.hypothesis,
                result=item.result, schedule_day=item.schedule_day,
                schedule_time=item.schedule_time, schedule_minutes=item.schedule_minutes)

    # --- the plan, the value summary and the log --------------------------------------------

    def add_plan(self) -> None:
        phases = {name: phase_id for phase_id, name in plan.phase_choices()}
        for name, phase in planning.PHASES.items():
            phase_id = _known(phases, name, "a phase")
            for field, value in (("goal", phase.goal), ("weekly_hours", phase.weekly_hours),
                                 ("start_date", self.day(phase.start)),
                                 ("end_date", self.day(phase.end)),
                                 ("success_metric", phase.success_metric)):
                plan.update_phase(phase_id, field, value)
        for milestone in planning.MILESTONES:
            # a done date only when the sample gives one: else the service's rule applies
            done = {} if milestone.done is None else {"done_date": self.day(milestone.done)}
            plan.add_milestone(
                _known(phases, milestone.phase, "a phase"), milestone.title,
                skill_ids=self._skill_ids(milestone.skills),
                learning_ids=[_known(self.learning, k, "a learning item")
                              for k in milestone.learning],
                due_date=self.day(milestone.due), status=milestone.status,
                metric=milestone.metric, target=milestone.target,
                hours_needed=milestone.hours_needed, money_needed=milestone.money_needed,
                partner=(_known(self.contacts, milestone.partner, "a contact")
                         if milestone.partner else None),
                notes=milestone.notes, **done)
        for contingency in planning.CONTINGENCIES:
            plan.add_contingency(contingency.trigger, contingency.response,
                                 self.day(contingency.date),
                                 _known(self.paths, contingency.path, "a path"))

    def add_summary(self) -> None:
        for item in planning.PORTFOLIO:
            summary.add_portfolio_item(
                item.title, item.result, kind=item.kind,
                learning_id=(_known(self.learning, item.learning, "a learning item")
                             if item.learning else None))
        for key in planning.SUMMARY_SKILLS:
            summary.add_skill(_known(self.skills, key, "a skill"))

    def add_log(self) -> None:
        for entry in planning.LOG:
            log.add_entry(
                entry.kind, entry.text, entry_date=self.day(entry.entry),
                due_date=self.day(entry.due), done_date=self.day(entry.done),
                contact_id=_known(self.contacts, entry.contact, "a contact")
                if entry.contact else None,
                interview_id=_known(self.interviews, entry.interview, "a conversation")
                if entry.interview else None,
                path_id=_known(self.paths, entry.path, "a path") if entry.path else None)


def fill(today: _dt.date) -> None:
    """Write the whole sample into the open (new, seeded) workspace, for ``today``."""
    sample = _Sample(today)
    sample.profile()
    sample.add_paths()
    sample.add_contacts()
    sample.add_questions()
    sample.add_interviews()
    sample.add_evidence()
    sample.add_skills()
    sample.refresh_proposals()
    sample.add_learning()
    sample.add_plan()
    sample.add_summary()
    sample.add_log()
