"""The starting content of a new workspace, and the sample workspace."""

from __future__ import annotations

import datetime as dt
import string
from collections import Counter, defaultdict

import pytest

from careerpivot.core import question_bank, vocab
from careerpivot.core.errors import CareerPivotError
from careerpivot.services import demo, seed, workspace
from careerpivot.store import models as m

TODAY = dt.date(2026, 3, 11)  # a Wednesday


def _counts() -> dict[str, int]:
    return {model.__name__: model.select().count() for model in m.ALL_MODELS}


@pytest.fixture
def new_workspace(tmp_path):
    info = workspace.open_workspace(tmp_path / "new.cpw")
    try:
        yield info
    finally:
        workspace.close()


@pytest.fixture
def today(clock):
    clock.set_today(TODAY)
    return TODAY


@pytest.fixture
def sample(tmp_path, today):
    info = demo.create_demo_workspace(tmp_path / "sample.cpw")
    try:
        yield info
    finally:
        workspace.close()


# --- the question bank and templates (pure data) ----------------------------------------------


def test_question_bank_covers_every_category_but_other():
    per_category = Counter(category for category, _ in question_bank.QUESTIONS)
    assert set(per_category) == set(vocab.QUESTION_CATEGORIES) - {"other"}
    assert all(2 <= n <= 4 for n in per_category.values()), per_category
    texts = [text for _, text in question_bank.QUESTIONS]
    assert len(set(texts)) == len(texts)
    for text in texts:
        assert text.endswith("?"), text
        assert "  " not in text and text == text.strip()
        assert len(text.split()) <= 25, text


def test_templates_use_known_placeholders_and_the_request_is_short():
    by_key = {t.key: t for t in question_bank.TEMPLATES}
    assert set(by_key) == {"request", "thank_you", "report_back", "follow_up"}
    for t in question_bank.TEMPLATES:
        for text in (t.subject, t.body):
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
            assert fields <= set(question_bank.PLACEHOLDERS), (t.key, fields)
            text.format(**{name: "x" for name in question_bank.PLACEHOLDERS})
    request = by_key["request"].body
    assert len(request.split()) < 100
    assert request.rstrip().endswith("?")
    assert "{learning_goal}" in request
    assert "20-minute" in request


# --- seeding ----------------------------------------------------------------------------------


def test_new_workspace_is_seeded(new_workspace):
    assert new_workspace.created
    profile = m.Profile.get_by_id(seed.PROFILE_ID)
    assert profile.full_name == ""
    assert m.Profile.select().count() == 1

    questions = list(m.Question.select().order_by(m.Question.position))
    assert [(q.category, q.text) for q in questions] == list(question_bank.QUESTIONS)
    assert all(q.seeded for q in questions)
    assert {q.category for q in questions} == set(vocab.QUESTION_CATEGORIES) - {"other"}

    criteria = m.Criterion.select().order_by(m.Criterion.position)
    assert [(c.name, c.weight, c.from_evidence) for c in criteria] == list(
        vocab.DEFAULT_CRITERIA
    )
    phases = m.Phase.select().order_by(m.Phase.position)
    assert [(p.name, p.goal, p.position) for p in phases] == [
        (name, goal, i) for i, (name, goal) in enumerate(vocab.DEFAULT_PHASES)
    ]
    templates = {t.key: t for t in m.Template.select()}
    assert set(templates) == {t.key for t in question_bank.TEMPLATES}
    assert templates["request"].body == question_bank.TEMPLATES[0].body
    # nothing else is created
    assert m.Path.select().count() == m.Contact.select().count() == 0


def test_seeding_happens_once(tmp_path):
    path = tmp_path / "w.cpw"
    workspace.open_workspace(path)
    try:
        before = _counts()
        assert seed.seed_new_workspace() is False
        assert _counts() == before
    finally:
        workspace.close()
    info = workspace.open_workspace(path)
    try:
        assert not info.created
        assert _counts() == before
    finally:
        workspace.close()


# --- the sample workspace ---------------------------------------------------------------------


def test_sample_counts(sample):
    assert sample.created and not sample.read_only
    assert m.Setting.get_by_id("demo").value == "1"
    profile = m.Profile.get_by_id(1)
    for field in ("full_name", "headline", "current_role", "location", "email", "phone",
                  "website", "linkedin", "narrative", "ask"):
        assert getattr(profile, field), field
    assert 3 <= profile.narrative.count(". ") + 1 <= 4

    paths = {p.title: p for p in m.Path.select()}
    assert set(paths) == {"Product management", "Operations leadership"}
    for path in paths.values():
        assert path.field and path.why and path.status in vocab.PATH_STATUSES
        assumptions = list(path.assumptions)
        assert 5 <= len(assumptions) <= 7
        assert len({a.category for a in assumptions}) >= 4
        assert 3 <= path.core_questions.count() <= 5
        assert path.scores.count() == len(vocab.DEFAULT_CRITERIA)

    contacts = list(m.Contact.select())
    assert 22 <= len(contacts) <= 28
    assert len({c.organization for c in contacts}) >= 9
    assert {c.level for c in contacts} >= set(vocab.LEVELS) - {""}
    assert {c.stage for c in contacts} == set(vocab.STAGES)
    assert {c.cadence_days for c in contacts} == set(vocab.CADENCES)
    assert sum(1 for c in contacts if c.introduced_by_id) >= 6
    assert sum(1 for c in contacts if c.email) >= 10
    assert any(c.url for c in contacts)
    assert all(c.how_met for c in contacts)
    names = {c.name for c in contacts}
    assert "Zoë Łukasiewicz-Ngô" in names
    assert any(not any("a" <= ch.lower() <= "z" for ch in name) for name in names)
    assert {t.name for t in m.Tag.select()} >= {"alumni", "fintech", "meetup"}
    assert m.ContactPath.select().count() >= len(contacts)

    statuses = Counter(i.status for i in m.Interview.select())
    assert statuses == {"completed": 9, "scheduled": 2, "requested": 1}

    skills = list(m.Skill.select())
    assert 14 <= len(skills) <= 17
    assert {s.kind for s in skills} == set(vocab.SKILL_KINDS)
    assert all(0 <= s.current_level <= 4 and 0 <= s.target_level <= 4 for s in skills)
    transferable = {s.name for s in skills if s.transferable}
    assert {"Stakeholder management", "Risk management"} <= transferable
    mentions = list(m.SkillMention.select())
    assert len(mentions) >= 25
    assert {x.importance for x in mentions} == {1, 2, 3}

    learning = list(m.LearningItem.select())
    assert 7 <= len(learning) <= 10
    kinds = Counter(item.kind for item in learning)
    assert kinds["course"] and kinds["certification"] and kinds["book"] and kinds["practice"]
    experiments = [item for item in learning if item.kind in vocab.EXPERIMENT_KINDS]
    assert len(experiments) == 2
    assert all(e.hypothesis and e.result for e in experiments)
    practice = next(item for item in learning if item.kind == "practice")
    assert practice.schedule_day is not None and practice.schedule_time
    assert practice.schedule_minutes > 0
    assert all(item.skill_links.count() for item in learning)
    assert {item.status for item in learning} >= {"planned", "in_progress", "done"}

    phases = list(m.Phase.select().order_by(m.Phase.position))
    assert len(phases) == 4
    for phase in phases:
        assert phase.start_date and phase.end_date and phase.start_date < phase.end_date
        assert phase.weekly_hours > 0 and phase.goal and phase.success_metric
    milestones = list(m.Milestone.select())
    assert 8 <= len(milestones) <= 12
    assert any(x.status == "done" and x.done_date for x in milestones)
    assert sum(1 for x in milestones if x.partner_id) >= 5
    assert m.Contingency.select().count() == 2

    portfolio = Counter(p.kind for p in m.PortfolioItem.select())
    assert portfolio == {"achievement": 3, "experiment": 1}
    summary = list(m.SummarySkill.select().order_by(m.SummarySkill.position))
    assert [s.position for s in summary] == list(range(6))

    log = list(m.LogEntry.select())
    assert len(log) >= 15
    assert {e.kind for e in log} >= {"insight", "decision", "review", "action"}


def test_sample_foreign_keys_and_integrity(sample):
    assert m.database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert workspace.check_database() == []
    # enumerations hold known keys only
    assert {p.status for p in m.Path.select()} <= set(vocab.PATH_STATUSES)
    assert {a.category for a in m.Assumption.select()} <= set(vocab.ASSUMPTION_CATEGORIES)
    assert {i.mode for i in m.Interview.select()} <= set(vocab.INTERVIEW_MODES)
    assert {e.verdict for e in m.Evidence.select()} <= set(vocab.VERDICTS)
    assert {q.category for q in m.Question.select()} <= set(vocab.QUESTION_CATEGORIES)
    assert {x.kind for x in m.LearningItem.select()} <= set(vocab.LEARNING_KINDS)
    assert {x.status for x in m.LearningItem.select()} <= set(vocab.LEARNING_STATUSES)
    assert {x.status for x in m.Milestone.select()} <= set(vocab.MILESTONE_STATUSES)
    assert {x.kind for x in m.LogEntry.select()} <= set(vocab.LOG_KINDS)
    assert {c.cadence_days for c in m.Contact.select()} <= set(vocab.CADENCES)


def _status(verdicts: set[str]) -> str:
    if "supported" in verdicts and "challenged" in verdicts:
        return "contested"
    if "supported" in verdicts:
        return "supported"
    if "challenged" in verdicts:
        return "challenged"
    return "untested"  # no verdicts, or only nuanced ones


def test_sample_evidence_covers_every_assumption_status(sample):
    verdicts: dict[int, set[str]] = defaultdict(set)
    supporters: dict[int, set[int]] = defaultdict(set)
    for ev in m.Evidence.select():
        verdicts[ev.assumption_id].add(ev.verdict)
        if ev.verdict == "supported":
            supporters[ev.assumption_id].add(ev.interview_id)
        assert ev.quote
        assert ev.interview.status == "completed"
        assert ev.interview.path_id == ev.assumption.path_id
    assumptions = list(m.Assumption.select())
    statuses = Counter(_status(verdicts[a.id]) for a in assumptions)
    assert statuses["contested"] >= 1
    assert statuses["challenged"] >= 1
    assert statuses["untested"] >= 2
    assert statuses["supported"] >= 2

    triangulated = []
    for a in assumptions:
        interviews = [m.Interview.get_by_id(i) for i in supporters[a.id]]
        levels = {i.contact.level for i in interviews if i.contact.level}
        orgs = {i.contact.organization for i in interviews if i.contact.organization}
        if len(interviews) >= 3 and (len(levels) >= 2 or len(orgs) >= 2):
            triangulated.append(a.statement)
    assert len(triangulated) >= 1, triangulated
    assert any("Stakeholder management" in s for s in triangulated)


def test_sample_interviews(sample, today):
    interviews = list(m.Interview.select().order_by(m.Interview.id))
    for interview in interviews:
        if interview.status == "requested":
            assert interview.scheduled_at == ""
            continue
        when = dt.datetime.strptime(interview.scheduled_at, "%Y-%m-%d %H:%M")
        assert when.weekday() < 5
        if interview.status == "completed":
            assert when.date() < today
            assert interview.notes and interview.resonated
            answers = list(interview.answers.order_by(m.Answer.position))
            assert 3 <= len(answers) <= 5
            assert all(a.answer and a.question_text == a.question.text for a in answers)
            assert interview.mentions.count() >= 3
        else:
            assert today < when.date() <= today + dt.timedelta(days=14)
            assert interview.answers.count() >= 3  # the guide is ready
    completed = [i for i in interviews if i.status == "completed" and i.typical_week]
    assert len(completed) >= 8 and all(i.challenges and i.success_metrics for i in completed)
    core = {
        (pq.path_id, pq.question.text) for pq in m.PathQuestion.select()
    }
    first_round = [i for i in interviews if i.status == "completed" and i.round == 1]
    for interview in first_round:
        assert {(interview.path_id, a.question_text) for a in interview.answers} <= core

    second = [i for i in interviews if i.round == 2]
    assert len(second) == 1
    follow_up = second[0]
    first = follow_up.follow_up_of
    assert first is not None and first.round == 1
    assert first.contact_id == follow_up.contact_id and first.path_id == follow_up.path_id
    assert first.scheduled_at < follow_up.scheduled_at
    assert all(i.follow_up_of_id is None for i in interviews if i.round == 1)


def test_sample_introductions(sample):
    introduced = [c for c in m.Contact.select() if c.introduced_by_id]
    assert len(introduced) >= 6
    intros = list(m.Introduction.select())
    assert len(intros) >= 6
    for intro in intros:
        # the interviewee is the introducer, and the contact records it
        assert intro.contact.introduced_by_id == intro.interview.contact_id
        assert intro.interview.status == "completed"
    for contact in introduced:
        assert contact.introduced_by_id != contact.id
        assert contact.introduced_by.name in contact.how_met


def test_sample_plan_and_log_dates(sample, today):
    milestones = list(m.Milestone.select())
    overdue = [x for x in milestones if x.status != "done" and x.due_date < today]
    assert len(overdue) == 1
    for x in milestones:
        if x.status == "done":
            assert x.done_date <= today
    actions = [e for e in m.LogEntry.select() if e.kind == "action"]
    assert all(e.due_date for e in actions)
    open_actions = [e for e in actions if e.done_date is None]
    assert any(e.due_date < today for e in open_actions)
    assert any(today <= e.due_date <= today + dt.timedelta(days=7) for e in open_actions)
    assert any(e.done_date for e in actions)
    for e in m.LogEntry.select():
        assert e.entry_date <= today
        if e.interview_id and e.interview.status == "completed":
            when = dt.date.fromisoformat(e.interview.scheduled_at[:10])
            assert e.entry_date >= when


@pytest.mark.parametrize("offset", range(7))
def test_sample_on_every_weekday(clock, tmp_path, offset):
    day = TODAY + dt.timedelta(days=offset)
    clock.set_today(day)
    demo.create_demo_workspace(tmp_path / "s.cpw")
    try:
        for interview in m.Interview.select().where(m.Interview.scheduled_at != ""):
            when = dt.date.fromisoformat(interview.scheduled_at[:10])
            assert when.weekday() < 5
            assert (when < day) == (interview.status == "completed")
            if interview.status == "scheduled":
                assert when <= day + dt.timedelta(days=14)
        for contact in m.Contact.select().where(m.Contact.last_contact.is_null(False)):
            assert contact.last_contact <= day
    finally:
        workspace.close()


def _dump() -> dict[str, list[tuple]]:
    """Every row of every table, without the timestamps the app sets from the clock and the
    write mark (new in every write, by design)."""
    from careerpivot.store import write_mark

    dump = {}
    for model in m.ALL_MODELS:
        where = " WHERE key != ?" if model is m.Setting else ""
        cursor = m.database.execute_sql(
            f'SELECT * FROM "{model._meta.table_name}"{where} ORDER BY 1',
            (write_mark.KEY,) if where else ())
        names = [d[0] for d in cursor.description]
        keep = [i for i, n in enumerate(names) if n not in ("created_at", "updated_at")]
        dump[model.__name__] = [tuple(row[i] for i in keep) for row in cursor.fetchall()]
    return dump


def test_sample_is_deterministic(tmp_path, today):
    dumps = []
    for name in ("a.cpw", "b.cpw"):
        demo.create_demo_workspace(tmp_path / name)
        try:
            dumps.append(_dump())
        finally:
            workspace.close()
    assert dumps[0] == dumps[1]


def test_sample_refuses_an_existing_file(tmp_path, today):
    path = tmp_path / "mine.cpw"
    workspace.open_workspace(path)
    workspace.close()
    with pytest.raises(CareerPivotError):
        demo.create_demo_workspace(path)
    info = workspace.open_workspace(path)
    try:
        assert m.Contact.select().count() == 0  # untouched
        assert not info.created
    finally:
        workspace.close()


def test_ensure_sample_creates_then_reopens(tmp_path, today):
    path = tmp_path / "sample.cpw"
    info = demo.ensure_demo_workspace(path)
    try:
        assert info.created
        before = _counts()
    finally:
        workspace.close()
    info = demo.ensure_demo_workspace(path)
    try:
        assert not info.created
        assert _counts() == before
    finally:
        workspace.close()


def test_failed_sample_leaves_no_file(tmp_path, today, monkeypatch):
    path = tmp_path / "broken.cpw"

    def fail(_today):
        m.Path.create(title="half made")
        raise RuntimeError("boom")

    monkeypatch.setattr(demo, "_fill", fail)
    with pytest.raises(RuntimeError):
        demo.create_demo_workspace(path)
    assert not path.exists()
    assert workspace.current() is None


def test_the_samples_costs_are_in_pounds_whatever_the_locale(tmp_path, today):
    """Its person lives in Leeds: the plan document prints its costs with their currency,
    never as bare numbers."""
    from careerpivot.services import currency, documents

    demo.create_demo_workspace(tmp_path / "s.cpw", today=today)
    try:
        assert currency.currency_code() == "GBP"
        plan = repr(documents.plan_document_data(today))
        assert "£" in plan
    finally:
        workspace.close()
